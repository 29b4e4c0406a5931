//! Search normalization and tokenization, the same in Rust (at build time) and in
//! JavaScript (`themes/forum/static/search.js`, in the browser).
//!
//! Both sides must turn the same text into the same terms, or a query misses pages that
//! contain it. Each step is therefore defined by Unicode data that Rust and JavaScript
//! share (NFKD/NFC, default lowercasing, the `Alphabetic` property) or by explicit code
//! point lists written identically in both files; `tests/deploy_search.rs` runs both
//! implementations over one table of cases.
//!
//! 1. NFKD, then default lowercasing (full-width forms, ligatures and Arabic
//!    presentation forms become plain letters; accents become combining marks).
//! 2. Combining marks are dropped (`é` → `e`, `ё` → `е`), except the breve that makes
//!    `й` and `ў` letters of their own. Arabic diacritics (tashkeel, the superscript alef,
//!    Quranic marks) and tatweel are dropped; the hamza and madda marks left by NFKD on
//!    `أ إ آ ؤ ئ` go too, which unifies the alef forms; `ٱ` → `ا`, `ة` → `ه`, `ى` → `ي`,
//!    `ی` → `ي`; Greek final sigma → `σ`. Then NFC.
//! 3. Words are runs of `Alphabetic` or numeric characters. Han and kana characters form
//!    runs of their own, cut into overlapping bigrams (`信息社会` → `信息 息社 社会`); a
//!    one-character run is a unigram. The index also holds every unigram, so that a
//!    one-character query finds pages.
//! 4. Arabic words lose a leading conjunction `و` (words of 4+ letters) and then the
//!    article and its fused prepositions (`وال بال كال فال لل ال`) when 2+ letters remain,
//!    so `المنتدى`, `للمنتدى` and `منتدى` are one term.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick, is_nfkd_quick};

/// Normalizes text for search (steps 1 and 2).
pub fn normalize(text: &str) -> String {
    // The quick checks skip NFKD and NFC where they would change nothing.
    let decomposed: Cow<str> = match is_nfkd_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfkd().collect()),
    };
    let lowered = decomposed.to_lowercase();
    let mut out = String::with_capacity(lowered.len());
    let mut prev = '\0';
    for c in lowered.chars() {
        if let Some(kept) = fold(prev, c) {
            out.push(kept);
            prev = kept;
        }
    }
    match is_nfc_quick(out.chars()) {
        IsNormalized::Yes => out,
        _ => out.nfc().collect(),
    }
}

/// One character after NFKD and lowercasing: what it becomes, or `None` to drop it.
fn fold(prev: char, c: char) -> Option<char> {
    match c {
        // The breve of й and ў (Cyrillic letters in their own right).
        '\u{0306}' if prev == 'и' || prev == 'у' => Some(c),
        '\u{0300}'..='\u{036F}' => None,
        // Arabic diacritics, Quranic annotation marks, superscript alef, tatweel.
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => None,
        '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'
        | '\u{06E8}'
        | '\u{06EA}'..='\u{06ED}' => None,
        'ٱ' | 'ٲ' | 'ٳ' | 'ٵ' => Some('ا'),
        'ة' => Some('ه'),
        'ى' | 'ی' => Some('ي'),
        'ς' => Some('σ'),
        _ => Some(c),
    }
}

/// Whether `c` is written without spaces between words (Han, kana): cut into bigrams.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3005 | 0x3007 | 0x3021..=0x3029 | 0x3038..=0x303B
        | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0x20000..=0x2FA1F | 0x30000..=0x3134F)
}

fn is_word_char(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        // The letters of the site's scripts, without the general lookup.
        'а'..='я' | 'ё' | '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => true,
        _ => c.is_alphabetic() || c.is_numeric(),
    }
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}')
}

/// A run of word characters of normalized text, as a slice of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Run<'a> {
    /// A word of a spaced script.
    Word(&'a str),
    /// A run of Han or kana characters.
    Cjk(&'a str),
}

/// Cuts normalized text into runs (step 3).
pub fn runs(normalized: &str) -> Vec<Run<'_>> {
    let mut runs = Vec::new();
    // The current run: its start and whether it is Han or kana.
    let mut current: Option<(usize, bool)> = None;
    for (i, c) in normalized.char_indices() {
        let kind = if is_cjk(c) {
            Some(true)
        } else if is_word_char(c) {
            Some(false)
        } else {
            None
        };
        match (current, kind) {
            (Some((_, cjk)), Some(k)) if cjk == k => {}
            _ => {
                if let Some((start, cjk)) = current.take() {
                    runs.push(run(&normalized[start..i], cjk));
                }
                current = kind.map(|k| (i, k));
            }
        }
    }
    if let Some((start, cjk)) = current {
        runs.push(run(&normalized[start..], cjk));
    }
    runs
}

fn run(text: &str, cjk: bool) -> Run<'_> {
    if cjk { Run::Cjk(text) } else { Run::Word(text) }
}

/// The term of a word (step 4: light Arabic prefix stripping; other words as they are).
pub fn stem(word: &str) -> &str {
    if !word.chars().next().is_some_and(is_arabic_letter) {
        return word;
    }
    let mut rest = word;
    if rest.chars().count() >= 4 && rest.starts_with('و') {
        rest = &rest['و'.len_utf8()..];
    }
    let letters = rest.chars().count();
    for prefix in ["وال", "بال", "كال", "فال", "لل", "ال"] {
        if letters >= prefix.chars().count() + 2 && rest.starts_with(prefix) {
            return &rest[prefix.len()..];
        }
    }
    rest
}

/// Calls `f` with each term of normalized text: words' stems and the bigrams of Han
/// runs, plus (with `unigrams`) every Han character; without `unigrams`, a
/// one-character run is its own term.
pub fn for_each_term<'a>(normalized: &'a str, unigrams: bool, mut f: impl FnMut(&'a str)) {
    for run in runs(normalized) {
        match run {
            Run::Word(w) => f(stem(w)),
            Run::Cjk(text) => {
                let starts: Vec<usize> = text
                    .char_indices()
                    .map(|(i, _)| i)
                    .chain([text.len()])
                    .collect();
                let chars = starts.len() - 1;
                if unigrams || chars == 1 {
                    starts.windows(2).for_each(|w| f(&text[w[0]..w[1]]));
                }
                starts.windows(3).for_each(|w| f(&text[w[0]..w[2]]));
            }
        }
    }
}

/// The terms of a query, in order: words' stems, and the bigrams of Han runs (or the
/// character itself for a one-character run).
pub fn query_terms(text: &str) -> Vec<String> {
    let normalized = normalize(text);
    let mut terms = Vec::new();
    for_each_term(&normalized, false, |t| terms.push(t.to_string()));
    terms
}

/// The terms under which text is indexed: the query terms plus every Han unigram.
pub fn index_terms(text: &str) -> Vec<String> {
    let normalized = normalize(text);
    let mut terms = Vec::new();
    for_each_term(&normalized, true, |t| terms.push(t.to_string()));
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_but_keeps_short_i() {
        assert_eq!(normalize("Société ÉLÈVE"), "societe eleve");
        assert_eq!(normalize("Ёлка йод"), "елка йод");
    }

    #[test]
    fn unifies_arabic_letter_forms() {
        assert_eq!(normalize("مُنْتَدَى"), "منتدي");
        assert_eq!(normalize("إأآٱا"), "ااااا");
        assert_eq!(normalize("مكتبـــة"), "مكتبه");
    }

    #[test]
    fn cuts_han_into_bigrams() {
        assert_eq!(query_terms("信息社会"), ["信息", "息社", "社会"]);
        assert_eq!(query_terms("论"), ["论"]);
        assert_eq!(index_terms("论坛"), ["论", "坛", "论坛"]);
        assert_eq!(query_terms("2021年论坛"), ["2021", "年论", "论坛"]);
    }

    #[test]
    fn strips_arabic_article() {
        assert_eq!(query_terms("المنتدى"), ["منتدي"]);
        assert_eq!(query_terms("للمنتدى ومنتدى"), ["منتدي", "منتدي"]);
        assert_eq!(query_terms("الى"), ["الي"]);
    }
}
