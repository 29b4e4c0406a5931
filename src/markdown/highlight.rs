//! Syntax highlighting of fenced code, at build time, as CSS classes: the one place that
//! calls syntect. Spans get classes prefixed `hl-` (`hl-keyword`, `hl-string`), which a
//! theme colours for light and dark schemes alike; nothing is coloured inline.
//!
//! Highlighting is a function of the language and the code alone, and syntect (with
//! its pure-Rust regexes) takes milliseconds for even a short block, while the same
//! block comes back in every translation of a page and in every fallback entry: each
//! result is kept, in a cache bounded in size. The cache is each thread's own, so that
//! threads never wait on each other: a block is highlighted at most once per thread of
//! the pool (two on two cores), and kept between the rebuilds of `serve`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::{SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;

/// The class prefix of highlighted spans.
pub const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// syntect's own syntaxes (Sublime Text's defaults).
fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// bat's syntaxes (two-face), for a language syntect's own lack (TOML, TypeScript,
/// Dockerfile, …): only then, so that code in a language both know stays as syntect
/// writes it, and the larger set is loaded only by a site that needs it.
fn more_syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(two_face::syntax::extra_newlines)
}

/// The highlighted blocks kept per thread, at most (their code is short: a few MiB).
const CACHED: usize = 4096;

thread_local! {
    static CACHE: RefCell<HashMap<(String, String), Option<String>>> = RefCell::default();
}

/// The highlighted HTML of `code` in `language` (a fence's info string: `rust`, `yaml`,
/// `sh`), or `None` when no syntax has that name or extension.
pub fn highlight(code: &str, language: &str) -> Option<String> {
    let key = (language.to_string(), code.to_string());
    if let Some(hit) = CACHE.with_borrow(|cache| cache.get(&key).cloned()) {
        return hit;
    }
    let html = highlight_uncached(code, language);
    CACHE.with_borrow_mut(|cache| {
        if cache.len() >= CACHED {
            cache.clear();
        }
        cache.insert(key, html.clone());
    });
    html
}

fn highlight_uncached(code: &str, language: &str) -> Option<String> {
    let (set, syntax) = find_syntax(language)?;
    let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, set, CLASS_STYLE);
    for line in LinesWithEndings::from(code) {
        generator
            .parse_html_for_line_which_includes_newline(line)
            .ok()?;
    }
    let language = crate::html::escape(language);
    Some(format!(
        "<pre class=\"highlight\" data-lang=\"{language}\"><code class=\"language-{language}\">{}</code></pre>\n",
        generator.finalize()
    ))
}

/// The syntax of `language` (a name or an extension) and its set: syntect's own first.
fn find_syntax(language: &str) -> Option<(&'static SyntaxSet, &'static SyntaxReference)> {
    let find = |set: &'static SyntaxSet| {
        set.find_syntax_by_token(language)
            .or_else(|| set.find_syntax_by_extension(language))
            .map(|syntax| (set, syntax))
    };
    find(syntaxes()).or_else(|| find(more_syntaxes()))
}

/// The language of a fence's info string (`rust,ignore` → `rust`).
pub fn language_of(info: &str) -> &str {
    info.split([',', ' ', '{']).next().unwrap_or("").trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_get_classes_and_unknown_languages_none() {
        let html = highlight("fn main() { let x = \"a<b\"; }\n", "rust").unwrap();
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(html.contains("&lt;"), "{html}");
        assert!(highlight("x", "no-such-language").is_none());
        // From the cache, the same answers.
        assert_eq!(
            highlight("fn main() { let x = \"a<b\"; }\n", "rust").unwrap(),
            html
        );
        assert!(highlight("x", "no-such-language").is_none());
        assert_eq!(language_of("rust,ignore"), "rust");
    }

    #[test]
    fn languages_syntect_lacks_come_from_bats_syntaxes_and_the_others_do_not() {
        let samples = [
            ("toml", "[site]\ntitle = \"x\"  # a comment\n"),
            ("typescript", "let x: number = 1; // a comment\n"),
            ("dockerfile", "# a comment\nFROM debian\n"),
        ];
        for (language, code) in samples {
            let (set, _) = find_syntax(language).unwrap_or_else(|| panic!("{language}"));
            assert!(std::ptr::eq(set, more_syntaxes()), "{language}");
            let html = highlight(code, language).unwrap();
            assert!(html.contains("hl-comment"), "{language}: {html}");
        }
        for language in ["js", "yaml", "rust", "html", "css", "sh", "json", "python"] {
            let (set, _) = find_syntax(language).unwrap_or_else(|| panic!("{language}"));
            assert!(std::ptr::eq(set, syntaxes()), "{language}: syntect's own");
        }
    }
}
