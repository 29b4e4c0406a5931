//! The plain text of a page's HTML body, for the search index.

use crate::html::{Token, tokens};

/// Inline elements: their tags join the text around them; every other tag separates
/// words (`</p><p>`, `<br>`, `<li>`).
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "em", "i", "kbd", "mark", "q", "s", "small",
    "span", "strong", "sub", "sup", "time", "u",
];

/// Text content of `html`, with entities decoded and the contents of `<script>` and
/// `<style>` left out.
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    const HIDDEN: &[&str] = &["script", "style"];
    for token in tokens(html, HIDDEN) {
        match token {
            Token::Text(text) => decode_into(text, &mut out),
            // A hidden element separates words once, where it ends.
            Token::Tag { name, closing, .. }
                if !closing && HIDDEN.iter().any(|h| h.eq_ignore_ascii_case(name)) => {}
            Token::Tag { name, .. } => {
                if !INLINE.iter().any(|i| i.eq_ignore_ascii_case(name)) {
                    out.push(' ');
                }
            }
            Token::Comment(_) | Token::Raw(_) => {}
        }
    }
    out
}

/// Appends `text` with its character references decoded.
fn decode_into(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let decoded = after
            .find(';')
            .filter(|&i| i <= 10)
            .and_then(|semi| Some((entity(&after[..semi])?, semi)));
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{A0}'),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::plain_text;

    #[test]
    fn keeps_words_apart_across_blocks_and_together_across_inline_tags() {
        assert_eq!(
            plain_text("<p>a<strong>b</strong></p><p>c &amp; d&#39;e</p>"),
            " ab  c & d'e "
        );
        assert_eq!(plain_text("x<script>var a = '<p>';</script>y"), "x y");
    }
}
