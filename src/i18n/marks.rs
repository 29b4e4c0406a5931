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
use crate::html::Token;

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

/// Whether `bytes` (UTF-8) may hold a mark: a fast test before reading them as text.
pub fn may_hold_marks(bytes: &[u8]) -> bool {
    let mut open = [0; 3];
    OPEN.encode_utf8(&mut open);
    memchr::memmem::find(bytes, &open).is_some()
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
/// elsewhere), as isolates everywhere otherwise. HTML is read with [`crate::html::tokens`].
pub fn resolve(doc: String, html: bool, languages: Languages<'_>) -> String {
    if !doc.contains(OPEN) {
        return doc;
    }
    let mut out = String::with_capacity(doc.len() + 64);
    let mut open: Vec<bool> = Vec::new(); // per open mark: whether it became a <span>
    if !html {
        resolve_in(&doc, false, languages, &mut open, &mut out);
        return out;
    }
    for token in crate::html::tokens(&doc, &TEXT_ONLY) {
        let (piece, text) = match token {
            Token::Text(t) => (t, true),
            Token::Tag { raw, .. } => (raw, false),
            Token::Comment(c) | Token::Raw(c) => (c, false),
        };
        resolve_in(piece, text, languages, &mut open, &mut out);
    }
    out
}

/// Resolves the marks of `piece` into `out`: as `<span>`s when it is running text of an
/// HTML document (`in_text`), as isolates otherwise. `open` holds, per mark opened and
/// not yet closed (a mark may close in a later piece), whether it became a `<span>`.
fn resolve_in(
    piece: &str,
    in_text: bool,
    languages: Languages<'_>,
    open: &mut Vec<bool>,
    out: &mut String,
) {
    let mut chars = piece.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            OPEN => {
                let mut index = 0;
                for _ in 0..2 {
                    let d = chars.next_if(|&d| is_mark(d) && d as u32 >= DIGIT_0);
                    index = index * BASE + d.map_or(0, |d| (d as u32 - DIGIT_0) as usize);
                }
                let Some((code, dir)) = languages.get(index) else {
                    open.push(false);
                    out.push('\u{2068}');
                    continue;
                };
                if in_text {
                    out.push_str(&format!(r#"<span lang="{code}" dir="{}">"#, dir.as_str()));
                } else {
                    out.push(match dir {
                        Direction::Ltr => '\u{2066}',
                        Direction::Rtl => '\u{2067}',
                    });
                }
                open.push(in_text);
            }
            CLOSE => match open.pop() {
                Some(true) => out.push_str("</span>"),
                Some(false) => out.push('\u{2069}'),
                None => {}
            },
            c if is_mark(c) => {}
            c => out.push(c),
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
