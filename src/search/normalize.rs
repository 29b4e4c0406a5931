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

use unicode_normalization::UnicodeNormalization;

/// Normalizes text for search (steps 1 and 2).
pub fn normalize(text: &str) -> String {
    let lowered = text.nfkd().collect::<String>().to_lowercase();
    let mut out = String::with_capacity(lowered.len());
    let mut prev = '\0';
    for c in lowered.chars() {
        if let Some(kept) = fold(prev, c) {
            out.push(kept);
            prev = kept;
        }
    }
    out.nfc().collect()
}

/// One character after NFKD and lowercasing: what it becomes, or `None` to drop it.
fn fold(prev: char, c: char) -> Option<char> {
    match c {
        // The breve of й and ў (Cyrillic letters in their own right).
        '\u{0306}' if prev == 'и' || prev == 'у' => Some(c),
        '\u{0300}'..='\u{036F}' => None,
        // Arabic diacritics, Quranic annotation marks, superscript alef, tatweel.
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => None,
        '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}' | '\u{06E7}' | '\u{06E8}' | '\u{06EA}'..='\u{06ED}' => None,
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
    c.is_alphabetic() || c.is_numeric()
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}')
}

/// A run of word characters of normalized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run {
    /// A word of a spaced script.
    Word(String),
    /// A run of Han or kana characters.
    Cjk(Vec<char>),
}

/// Cuts normalized text into runs (step 3).
pub fn runs(normalized: &str) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut word = String::new();
    let mut cjk: Vec<char> = Vec::new();
    for c in normalized.chars() {
        if is_cjk(c) {
            if !word.is_empty() {
                runs.push(Run::Word(std::mem::take(&mut word)));
            }
            cjk.push(c);
        } else {
            if !cjk.is_empty() {
                runs.push(Run::Cjk(std::mem::take(&mut cjk)));
            }
            if is_word_char(c) {
                word.push(c);
            } else if !word.is_empty() {
                runs.push(Run::Word(std::mem::take(&mut word)));
            }
        }
    }
    if !word.is_empty() {
        runs.push(Run::Word(word));
    }
    if !cjk.is_empty() {
        runs.push(Run::Cjk(cjk));
    }
    runs
}

/// The term of a word (step 4: light Arabic prefix stripping; other words as they are).
pub fn stem(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    if !chars.first().copied().is_some_and(is_arabic_letter) {
        return word.to_string();
    }
    let mut rest: &[char] = &chars;
    if rest.len() >= 4 && rest[0] == 'و' {
        rest = &rest[1..];
    }
    for prefix in ["وال", "بال", "كال", "فال", "لل", "ال"] {
        let p: Vec<char> = prefix.chars().collect();
        if rest.len() >= p.len() + 2 && rest.starts_with(&p) {
            rest = &rest[p.len()..];
            break;
        }
    }
    rest.iter().collect()
}

/// The terms of a query, in order: words' stems, and the bigrams of Han runs (or the
/// character itself for a one-character run).
pub fn query_terms(text: &str) -> Vec<String> {
    let mut terms = Vec::new();
    for run in runs(&normalize(text)) {
        match run {
            Run::Word(w) => terms.push(stem(&w)),
            Run::Cjk(chars) if chars.len() == 1 => terms.push(chars[0].to_string()),
            Run::Cjk(chars) => terms.extend(chars.windows(2).map(|w| w.iter().collect::<String>())),
        }
    }
    terms
}

/// The terms under which text is indexed: the query terms plus every Han unigram.
pub fn index_terms(text: &str) -> Vec<String> {
    let mut terms = Vec::new();
    for run in runs(&normalize(text)) {
        match run {
            Run::Word(w) => terms.push(stem(&w)),
            Run::Cjk(chars) => {
                terms.extend(chars.iter().map(char::to_string));
                terms.extend(chars.windows(2).map(|w| w.iter().collect::<String>()));
            }
        }
    }
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
