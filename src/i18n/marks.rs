//! Fallback marks: a Fluent message that a page shows in another language than its own
//! (a message the page's language lacks, taken from its fallback chain) is marked with
//! its language and isolated, wherever the template put it.
//!
//! `t()` cannot write markup, since its text may land in an attribute, in `<title>` or
//! in a script's data. So it wraps a fallback in invisible marks, Unicode noncharacters
//! that no text holds (U+FDD0 and two digits naming the language, then U+FDD1 at the
//! end), and [`resolve`] turns them, once the template is rendered, into what each place
//! of the document allows: `<span lang="fr" dir="ltr">…</span>` in text, the Unicode
//! isolates U+2066/U+2067 … U+2069 in attributes, in elements that hold only text
//! (`<title>`, `<option>`, `<textarea>`, `<script>`, `<style>`) and in other formats
//! than HTML.

use crate::config::Direction;

const OPEN: char = '\u{FDD0}';
const CLOSE: char = '\u{FDD1}';
/// The digits that name a language (its index in the site's list), base 30.
const DIGIT_0: u32 = 0xFDD2;
const BASE: usize = 30;

/// Elements whose content is text only: a mark there becomes isolates, not a `<span>`.
const TEXT_ONLY: [&str; 6] = ["title", "option", "textarea", "script", "style", "noscript"];

/// Whether `c` is one of the marks' characters.
pub fn is_mark(c: char) -> bool {
    ('\u{FDD0}'..='\u{FDEF}').contains(&c)
}

/// `text` marked as written in the site's language number `language`.
pub fn mark(text: &str, language: usize) -> String {
    let digit = |d: usize| char::from_u32(DIGIT_0 + d as u32).expect("a noncharacter");
    let mut out = String::with_capacity(text.len() + 12);
    out.push(OPEN);
    out.push(digit(language / BASE % BASE));
    out.push(digit(language % BASE));
    out.push_str(text);
    out.push(CLOSE);
    out
}

/// The site's languages, by index: code and direction.
pub type Languages<'a> = &'a [(String, Direction)];

/// The document with its marks resolved: as HTML when `html` (spans in text, isolates
/// elsewhere), as isolates everywhere otherwise.
pub fn resolve(doc: String, html: bool, languages: Languages<'_>) -> String {
    if !doc.contains(OPEN) {
        return doc;
    }
    let mut out = String::with_capacity(doc.len() + 64);
    let mut open: Vec<bool> = Vec::new(); // per open mark: whether it became a <span>
    let mut context = Context::default();
    let mut chars = doc.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            OPEN => {
                let mut index = 0;
                for _ in 0..2 {
                    let d = chars.next_if(|&(_, d)| is_mark(d) && d as u32 >= DIGIT_0);
                    index = index * BASE + d.map_or(0, |(_, d)| (d as u32 - DIGIT_0) as usize);
                }
                let Some((code, dir)) = languages.get(index) else {
                    open.push(false);
                    out.push('\u{2068}');
                    continue;
                };
                let span = html && context.in_text();
                if span {
                    out.push_str(&format!(r#"<span lang="{code}" dir="{}">"#, dir.as_str()));
                } else {
                    out.push(match dir {
                        Direction::Ltr => '\u{2066}',
                        Direction::Rtl => '\u{2067}',
                    });
                }
                open.push(span);
            }
            CLOSE => match open.pop() {
                Some(true) => out.push_str("</span>"),
                Some(false) => out.push('\u{2069}'),
                None => {}
            },
            c if is_mark(c) => {}
            c => {
                if html {
                    context.step(&doc, i, c);
                }
                out.push(c);
            }
        }
    }
    out
}

/// Where the scanner stands in an HTML document: in a tag (and in which quotes), or in
/// the content of an element that holds only text, or in text.
#[derive(Default)]
struct Context {
    in_tag: bool,
    quote: Option<char>,
    /// The name of the tag being read, lower case, while in a tag.
    tag: String,
    reading_name: bool,
    closing: bool,
    /// The text-only element whose content this is, until its end tag.
    text_only: Option<&'static str>,
}

impl Context {
    fn in_text(&self) -> bool {
        !self.in_tag && self.text_only.is_none()
    }

    /// Moves past `c`, at byte `i` of `doc`.
    fn step(&mut self, doc: &str, i: usize, c: char) {
        if self.in_tag {
            match (self.quote, c) {
                (Some(q), c) if c == q => self.quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') if !self.reading_name => self.quote = Some(c),
                (None, '>') => {
                    self.in_tag = false;
                    if !self.closing {
                        self.text_only = TEXT_ONLY.iter().copied().find(|t| *t == self.tag);
                    }
                }
                (None, c) if self.reading_name && (c.is_ascii_alphanumeric() || c == '-') => {
                    self.tag.push(c.to_ascii_lowercase());
                }
                (None, _) => self.reading_name = false,
            }
            return;
        }
        if c != '<' {
            return;
        }
        let rest = &doc[i + 1..];
        if let Some(name) = self.text_only {
            // Only the element's own end tag ends its text.
            let ends = rest.strip_prefix('/').is_some_and(|r| {
                r.get(..name.len())
                    .is_some_and(|n| n.eq_ignore_ascii_case(name))
            });
            if !ends {
                return;
            }
            self.text_only = None;
        }
        let closing = rest.starts_with('/');
        let starts_tag = rest
            .trim_start_matches('/')
            .starts_with(|c: char| c.is_ascii_alphabetic() || c == '!');
        if starts_tag {
            self.in_tag = true;
            self.closing = closing;
            self.tag.clear();
            self.reading_name = true;
            self.quote = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn languages() -> Vec<(String, Direction)> {
        vec![("ar".into(), Direction::Rtl), ("fr".into(), Direction::Ltr)]
    }

    #[test]
    fn a_mark_in_text_becomes_a_span_with_the_language() {
        let doc = format!("<nav><a href=\"/es/\">{}</a></nav>", mark("Accueil", 1));
        assert_eq!(
            resolve(doc, true, &languages()),
            r#"<nav><a href="/es/"><span lang="fr" dir="ltr">Accueil</span></a></nav>"#
        );
    }

    #[test]
    fn a_mark_in_an_attribute_or_a_title_becomes_isolates() {
        let doc = format!(
            "<title>{} · x</title><a title=\"{}\" href=\"/\">y</a><p>{}</p>",
            mark("Accueil", 1),
            mark("بحث", 0),
            mark("z", 1)
        );
        assert_eq!(
            resolve(doc, true, &languages()),
            "<title>\u{2066}Accueil\u{2069} · x</title><a title=\"\u{2067}بحث\u{2069}\" href=\"/\">y</a><p><span lang=\"fr\" dir=\"ltr\">z</span></p>"
        );
    }

    #[test]
    fn nested_marks_and_other_formats() {
        let inner = mark("en français", 1);
        let doc = format!("<p>{}</p>", mark(&format!("lue {inner}"), 0));
        assert_eq!(
            resolve(doc.clone(), true, &languages()),
            "<p><span lang=\"ar\" dir=\"rtl\">lue <span lang=\"fr\" dir=\"ltr\">en français</span></span></p>"
        );
        assert_eq!(
            resolve(doc, false, &languages()),
            "<p>\u{2067}lue \u{2066}en français\u{2069}\u{2069}</p>"
        );
    }

    #[test]
    fn a_script_holds_isolates_until_its_end_tag() {
        let doc = format!(
            "<script>var a = \"<b>{}\";</script><p>{}</p>",
            mark("x", 1),
            mark("y", 1)
        );
        assert_eq!(
            resolve(doc, true, &languages()),
            "<script>var a = \"<b>\u{2066}x\u{2069}\";</script><p><span lang=\"fr\" dir=\"ltr\">y</span></p>"
        );
    }

    #[test]
    fn a_document_without_marks_is_returned_as_it_is() {
        let doc = "<p>rien</p>".to_string();
        assert_eq!(resolve(doc.clone(), true, &languages()), doc);
        assert!(!is_mark('a') && is_mark(OPEN) && is_mark(CLOSE));
    }
}
