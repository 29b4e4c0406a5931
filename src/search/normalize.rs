//! Search normalization and tokenization, the same in Rust (at build time) and in
//! JavaScript (`themes/agora/static/search.js`, in the browser).
//!
//! Both sides must turn the same text into the same terms, or a query misses pages that
//! contain it. Each step is therefore defined by Unicode data that Rust and JavaScript
//! share (NFKD/NFC, default lowercasing, the `Alphabetic` property), by explicit code
//! point lists written identically in both files, or by a table that the build writes
//! for the browser; `tests/deploy_search.rs` runs both implementations over one table of
//! cases and `tests/search_arabic.rs` over a list of Arabic words.
//!
//! 1. NFKD, then default lowercasing (full-width forms, ligatures and Arabic
//!    presentation forms become plain letters; accents become combining marks).
//! 2. Combining marks are dropped (`é` → `e`, `ё` → `е`), except the breve that makes
//!    `й` and `ў` letters of their own. Arabic diacritics (tashkeel, the superscript alef,
//!    Quranic marks) and tatweel are dropped, and so are the hamza of `ؤ ئ`; the hamza
//!    and madda of `أ إ آ` stay until step 4, so that `إلكتروني` is not read as the
//!    article `ال` + `كتروني`. `ٱ` → `ا`, `ة` → `ه`, `ى` → `ي`, `ی` → `ي`; Greek final
//!    sigma → `σ`; traditional Chinese characters → simplified ([`han_pairs`], OpenCC's
//!    character table). Then NFC.
//! 3. Words are runs of `Alphabetic` or numeric characters. Han and kana characters form
//!    runs of their own, cut into overlapping bigrams (`信息社会` → `信息 息社 社会`); a
//!    one-character run is a unigram. The index also holds every unigram, so that a
//!    one-character query finds pages.
//! 4. An Arabic word loses the article and the prefixes fused with it (see [`stems`]),
//!    only when a stem of two letters or more remains; then `أ إ آ` become `ا`. Where a
//!    prefix can be read two ways (`للجان`: `ل` + `اللجان`, or `ل` + `لجان`; `وثيقة`, or
//!    `و` + `ثيقة`) the word has two terms: the index holds both, and a query matches
//!    either.
use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;
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
        // The madda and hamza of آ أ إ, until the article is stripped (step 4).
        '\u{0653}'..='\u{0655}' if prev == 'ا' => Some(c),
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
        _ if c >= '\u{3400}' && is_cjk(c) => Some(han_table().get(&c).copied().unwrap_or(c)),
        _ => Some(c),
    }
}

/// Traditional Chinese characters and their simplified forms: OpenCC's character table
/// (`TSCharacters`), first choice of each entry, as pairs (`發发髮发…`) in
/// `han_table.txt`. Reading it through OpenCC cost a tenth of a second of every build
/// (a dictionary lookup for each of the 100,000 Han code points); the file is what
/// that gave, and `tests/han_table.rs` checks it against OpenCC (the `ferrous-opencc`
/// crate), and rewrites it with `HEXAGLOT_WRITE_HAN_TABLE=1`.
fn han_table() -> &'static FxHashMap<char, char> {
    static TABLE: OnceLock<FxHashMap<char, char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut chars = HAN_TABLE.chars().filter(|c| !c.is_whitespace());
        std::iter::from_fn(|| Some((chars.next()?, chars.next()?))).collect()
    })
}

/// The pairs of [`han_table`], traditional then simplified, ordered by the traditional.
const HAN_TABLE: &str = include_str!("han_table.txt");

/// The Han code points that may be traditional characters: the blocks of [`is_cjk`]
/// (where `tests/han_table.rs` asks OpenCC).
pub const HAN_RANGES: [std::ops::RangeInclusive<u32>; 5] = [
    0x3400..=0x4DBF,
    0x4E00..=0x9FFF,
    0xF900..=0xFAFF,
    0x20000..=0x2FA1F,
    0x30000..=0x3134F,
];

/// The traditional → simplified pairs whose simplified character `keep` accepts, as one
/// string of pairs ordered by the traditional character (`發发髮发…`): what the browser
/// needs to fold a query the way the index was folded.
pub fn han_pairs(keep: impl Fn(char) -> bool) -> String {
    let mut pairs: Vec<(char, char)> = han_table()
        .iter()
        .filter(|(_, s)| keep(**s))
        .map(|(t, s)| (*t, *s))
        .collect();
    pairs.sort_unstable();
    pairs.into_iter().flat_map(|(t, s)| [t, s]).collect()
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

/// The article with the prefixes fused with it: a conjunction (`و`, `ف`), a preposition
/// (`ب`, `ك`), then `ال`, longest first; and the minimum length of the stem left.
const ARTICLES: [(&str, usize); 9] = [
    ("وبال", 3),
    ("وكال", 3),
    ("فبال", 3),
    ("فكال", 3),
    ("وال", 3),
    ("فال", 3),
    ("بال", 3),
    ("كال", 3),
    ("ال", 2),
];

/// The article after the preposition `ل`, which drops its alef (`ل` + `المنتدى` =
/// `للمنتدى`) and, before a stem that starts with `ل`, its lam too (`ل` + `اللجان` =
/// `للجان`): the stem is what follows `لل`, or that with one `ل` before it.
const LAM_ARTICLES: [(&str, usize); 3] = [("ولل", 3), ("فلل", 3), ("لل", 2)];

/// The stems of a word of normalized text (step 4, before the alef forms are unified):
/// one, or two where a prefix can be read two ways. With `query`, a word that starts
/// with a bare `ال` also stands for itself: a hamza left out when typing (`الكتروني` for
/// `إلكتروني`) still finds the word.
pub fn stems(word: &str, query: bool) -> Vec<&str> {
    if !word.chars().next().is_some_and(is_arabic_letter) {
        return vec![word];
    }
    let letters = word.chars().count();
    for (prefix, min) in ARTICLES {
        if word.starts_with(prefix) && letters >= prefix.chars().count() + min {
            let stem = &word[prefix.len()..];
            return if query && prefix == "ال" {
                vec![stem, word]
            } else {
                vec![stem]
            };
        }
    }
    for (prefix, min) in LAM_ARTICLES {
        if word.starts_with(prefix) && letters >= prefix.chars().count() + min {
            let lam = prefix.len() - 'ل'.len_utf8();
            return vec![&word[prefix.len()..], &word[lam..]];
        }
    }
    // The conjunction و on a word without the article, or a word that starts with و.
    if letters >= 4 && word.starts_with('و') {
        return vec![word, &word['و'.len_utf8()..]];
    }
    vec![word]
}

/// A stem as a term: `أ إ آ` become `ا`.
fn term(stem: &str) -> Cow<'_, str> {
    if stem.contains(['أ', 'إ', 'آ']) {
        Cow::Owned(
            stem.chars()
                .map(|c| {
                    if matches!(c, 'أ' | 'إ' | 'آ') {
                        'ا'
                    } else {
                        c
                    }
                })
                .collect(),
        )
    } else {
        Cow::Borrowed(stem)
    }
}

/// The terms of one word: its stems as terms, without repeats.
fn word_terms(word: &str, query: bool) -> Vec<Cow<'_, str>> {
    let mut terms: Vec<Cow<str>> = Vec::with_capacity(2);
    for stem in stems(word, query) {
        let t = term(stem);
        if !terms.contains(&t) {
            terms.push(t);
        }
    }
    terms
}

/// Calls `f` with each term under which normalized text is indexed: every term of its
/// words, the bigrams of Han runs and every Han character.
pub fn for_each_term<'a>(normalized: &'a str, mut f: impl FnMut(Cow<'a, str>)) {
    for run in runs(normalized) {
        match run {
            Run::Word(w) => word_terms(w, false).into_iter().for_each(&mut f),
            Run::Cjk(text) => {
                let starts = char_starts(text);
                starts
                    .windows(2)
                    .for_each(|w| f(Cow::Borrowed(&text[w[0]..w[1]])));
                starts
                    .windows(3)
                    .for_each(|w| f(Cow::Borrowed(&text[w[0]..w[2]])));
            }
        }
    }
}

fn char_starts(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect()
}

/// The terms of a query, in order: for each word, the terms that may match it (a page
/// matches the word if it holds any of them); for a Han run, its bigrams (or the
/// character itself for a one-character run), each on its own.
pub fn query_terms(text: &str) -> Vec<Vec<String>> {
    let normalized = normalize(text);
    let mut terms = Vec::new();
    for run in runs(&normalized) {
        match run {
            Run::Word(w) => terms.push(
                word_terms(w, true)
                    .into_iter()
                    .map(Cow::into_owned)
                    .collect(),
            ),
            Run::Cjk(text) => {
                let starts = char_starts(text);
                if starts.len() == 2 {
                    terms.push(vec![text.to_string()]);
                }
                for w in starts.windows(3) {
                    terms.push(vec![text[w[0]..w[2]].to_string()]);
                }
            }
        }
    }
    terms
}

/// The terms under which text is indexed, in order.
pub fn index_terms(text: &str) -> Vec<String> {
    let normalized = normalize(text);
    let mut terms = Vec::new();
    for_each_term(&normalized, |t| terms.push(t.into_owned()));
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(text: &str) -> Vec<String> {
        query_terms(text).into_iter().map(|t| t.join("|")).collect()
    }

    #[test]
    fn folds_accents_but_keeps_short_i() {
        assert_eq!(normalize("Société ÉLÈVE"), "societe eleve");
        assert_eq!(normalize("Ёлка йод"), "елка йод");
    }

    #[test]
    fn unifies_arabic_letter_forms_but_keeps_hamzas_on_alef_until_stemming() {
        assert_eq!(normalize("مُنْتَدَى"), "منتدي");
        assert_eq!(normalize("إِأَآٱا"), "إأآاا");
        assert_eq!(normalize("مكتبـــة مسؤول"), "مكتبه مسوول");
        assert_eq!(index_terms("إأآٱا"), ["ااااا"]);
    }

    #[test]
    fn cuts_han_into_bigrams_and_folds_traditional_characters() {
        assert_eq!(query("信息社会"), ["信息", "息社", "社会"]);
        assert_eq!(query("論"), ["论"]);
        assert_eq!(index_terms("论坛"), ["论", "坛", "论坛"]);
        assert_eq!(query("2021年論壇"), ["2021", "年论", "论坛"]);
        assert_eq!(normalize("資訊社會 信息社會"), "资讯社会 信息社会");
        assert!(han_pairs(|s| s == '发').contains("發发"));
    }

    #[test]
    fn strips_the_arabic_article_before_folding_alef() {
        assert_eq!(query("المنتدى"), ["منتدي|المنتدي"]);
        assert_eq!(
            index_terms("للمنتدى والمنتدى بالمنتدى"),
            ["منتدي", "لمنتدي", "منتدي", "منتدي"]
        );
        assert_eq!(index_terms("إلكتروني الإلكتروني"), ["الكتروني", "الكتروني"]);
        assert_eq!(index_terms("آلية الآلية"), ["اليه", "اليه"]);
        assert_eq!(index_terms("للجان اللجان"), ["جان", "لجان", "لجان"]);
        assert_eq!(index_terms("الى"), ["الي"]);
        assert_eq!(index_terms("وثيقة الوثيقة"), ["وثيقه", "ثيقه", "وثيقه"]);
    }
}
