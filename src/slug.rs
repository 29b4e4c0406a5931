//! URL slugs that stay readable in every script.
//!
//! `Société civile` becomes `société-civile`, `المجتمع المدني` stays Arabic, `信息社会`
//! stays Chinese: letters and digits of any script are kept (lowercased), everything
//! else becomes a single hyphen. Such IRIs are valid in HTML and shown as written by
//! browsers; sitemaps percent-encode them.

/// Turns free text (a tag, a heading) into one URL segment.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in text.chars() {
        if is_invisible(c) {
            continue;
        }
        if is_separator(c) {
            pending_hyphen = !out.is_empty();
            continue;
        }
        if pending_hyphen {
            out.push('-');
            pending_hyphen = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Bidi controls, zero-width characters and the Arabic tatweel carry no meaning in a URL.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{0640}')
}

fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || c.is_control()
        || matches!(c,
            '\u{00A1}'..='\u{00BF}' // Latin-1 punctuation and symbols: ¡ « » ¿ …
            | '\u{2000}'..='\u{206F}' // general punctuation: dashes, quotes, …
            | '\u{3000}'..='\u{303F}' // CJK punctuation: 、。「」
            | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}'
            | '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{066A}'..='\u{066D}' | '\u{06D4}' // Arabic punctuation
        )
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn keeps_every_script_readable() {
        assert_eq!(slugify("Société civile"), "société-civile");
        assert_eq!(slugify("المجتمع المدني"), "المجتمع-المدني");
        assert_eq!(slugify("信息社会，论坛"), "信息社会-论坛");
        assert_eq!(slugify("  Hello, World!  "), "hello-world");
        assert_eq!(slugify("Форум ВВУИО"), "форум-ввуио");
        assert_eq!(slugify("مُنتدى"), "مُنتدى");
    }
}
