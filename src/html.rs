//! The one hand-written HTML scanner, for the passes over generated pages that need
//! less than a parser: whitespace minification, the plain text of the search index,
//! and the resolution of the markers the renderer leaves in pages.
//!
//! It splits a document into text, tags (quoted attribute values may hold `>`),
//! comments and the raw content of the elements the caller names (`<script>`, `<pre>`,
//! …), which is passed through whole up to the element's closing tag. Pages parsed to
//! be *checked* go through a real HTML parser (`scraper`, in [`crate::check`]).

/// Escapes `<`, `>`, `&` and `"` for HTML text and (double-quoted) attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(text, &mut out);
    out
}

/// [`escape`], appending to `out`.
pub fn escape_into(text: &str, out: &mut String) {
    replace_bytes(text, out, |b| match b {
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'&' => Some("&amp;"),
        b'"' => Some("&quot;"),
        _ => None,
    });
}

/// Appends `text` to `out` with each ASCII byte that `entity` names replaced by its
/// entity; the runs between them are copied whole (HTML and XML escaping).
pub fn replace_bytes(text: &str, out: &mut String, entity: impl Fn(u8) -> Option<&'static str>) {
    let mut from = 0;
    for (i, b) in text.bytes().enumerate() {
        let Some(entity) = entity(b) else { continue };
        out.push_str(&text[from..i]);
        out.push_str(entity);
        from = i + 1;
    }
    out.push_str(&text[from..]);
}

/// A piece of an HTML document, borrowing from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token<'a> {
    /// Text between tags, as written (character references not decoded).
    Text(&'a str),
    /// A tag, `<` to `>`, with its lowercase-insensitive name as written and whether it
    /// closes an element.
    Tag {
        /// The whole tag.
        raw: &'a str,
        /// Its name (`pre`, `PRE`, `a`).
        name: &'a str,
        /// Whether it is a closing tag (`</p>`).
        closing: bool,
    },
    /// A comment, `<!--` to `-->`.
    Comment(&'a str),
    /// The content of a raw element named by the caller, up to its closing tag.
    Raw(&'a str),
}

/// The tokens of `html`; the content of an element whose name is in `raw` (compared
/// ignoring case) is one [`Token::Raw`].
pub fn tokens<'a>(html: &'a str, raw: &'a [&'a str]) -> Tokens<'a> {
    Tokens {
        html,
        at: 0,
        raw,
        in_raw: None,
    }
}

/// The iterator of [`tokens`].
pub struct Tokens<'a> {
    html: &'a str,
    at: usize,
    raw: &'a [&'a str],
    in_raw: Option<&'a str>,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let rest = &self.html[self.at..];
        if rest.is_empty() {
            return None;
        }
        if let Some(name) = self.in_raw.take() {
            let end = find_close(rest, name).unwrap_or(rest.len());
            self.at += end;
            if end > 0 {
                return Some(Token::Raw(&rest[..end]));
            }
            return self.next();
        }
        if rest.starts_with("<!--") {
            let end = rest.find("-->").map_or(rest.len(), |e| e + 3);
            self.at += end;
            return Some(Token::Comment(&rest[..end]));
        }
        if rest.starts_with('<') {
            let end = tag_end(rest.as_bytes());
            let inner = &rest[1..end.saturating_sub(1).max(1)];
            let closing = inner.starts_with('/');
            let name_start = usize::from(closing);
            let name_len = inner[name_start..]
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(inner.len() - name_start);
            let name = &inner[name_start..name_start + name_len];
            if !closing {
                self.in_raw = self
                    .raw
                    .iter()
                    .copied()
                    .find(|r| r.eq_ignore_ascii_case(name));
            }
            self.at += end;
            return Some(Token::Tag {
                raw: &rest[..end],
                name,
                closing,
            });
        }
        let end = rest.find('<').unwrap_or(rest.len());
        self.at += end;
        Some(Token::Text(&rest[..end]))
    }
}

/// The index just past the `>` closing the tag at the start of `bytes`, skipping quoted
/// attribute values.
fn tag_end(bytes: &[u8]) -> usize {
    let mut quote = None;
    for (j, &b) in bytes.iter().enumerate().skip(1) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return j + 1,
            _ => {}
        }
    }
    bytes.len()
}

/// Where `</name` starts in `text`, ignoring case.
fn find_close(text: &str, name: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let n = name.len();
    (0..bytes.len()).find(|&i| {
        bytes[i] == b'<'
            && bytes.get(i + 1) == Some(&b'/')
            && bytes
                .get(i + 2..i + 2 + n)
                .is_some_and(|b| b.eq_ignore_ascii_case(name.as_bytes()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_text_tags_comments_and_raw_content() {
        let page = "<p class=\"a>b\">x</p><!-- c --><SCRIPT>if (a<b) {}</script>y";
        let got: Vec<Token> = tokens(page, &["script"]).collect();
        assert_eq!(
            got,
            [
                Token::Tag {
                    raw: "<p class=\"a>b\">",
                    name: "p",
                    closing: false
                },
                Token::Text("x"),
                Token::Tag {
                    raw: "</p>",
                    name: "p",
                    closing: true
                },
                Token::Comment("<!-- c -->"),
                Token::Tag {
                    raw: "<SCRIPT>",
                    name: "SCRIPT",
                    closing: false
                },
                Token::Raw("if (a<b) {}"),
                Token::Tag {
                    raw: "</script>",
                    name: "script",
                    closing: true
                },
                Token::Text("y"),
            ]
        );
    }
}
