//! Search in the words people type: a list of real Arabic words (definite, indefinite,
//! with fused prefixes and diacritics), each found under its stem in Rust and in the
//! browser's JavaScript alike; and queries over the built forum that used to disagree
//! (`إلكتروني` / `الإلكتروني`, `آلية`, `للجان` / `اللجان`, `ё` / `е`, traditional and
//! simplified Chinese).

mod common;
mod deploy_support;

use common::*;
use deploy_support::*;
use hexaglot::search::normalize::{index_terms, query_terms};

fn words() -> Vec<(String, String)> {
    let table =
        std::fs::read_to_string(repo().join("tests/fixtures/search/arabic-words.tsv")).unwrap();
    table
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (word, term) = l.split_once('\t').unwrap_or_else(|| panic!("{l}"));
            (word.to_string(), term.to_string())
        })
        .collect()
}

/// Why `word` would not be found under `term`, given its query and index terms.
fn miss(word: &str, term: &str, query: &[Vec<String>], index: &[String]) -> Option<String> {
    let in_query = query.len() == 1 && query[0].iter().any(|t| t == term);
    let in_index = index.iter().any(|t| t == term);
    (!in_query || !in_index).then(|| format!("{word} → {term}: query {query:?}, index {index:?}"))
}

#[test]
fn arabic_words_are_found_under_their_stem_in_rust_and_javascript() {
    let words = words();
    assert!(words.len() >= 200, "{} words", words.len());
    let rust: Vec<(Vec<Vec<String>>, Vec<String>)> = words
        .iter()
        .map(|(w, _)| (query_terms(w), index_terms(w)))
        .collect();
    let misses: Vec<String> = words
        .iter()
        .zip(&rust)
        .filter_map(|((w, t), (q, i))| miss(w, t, q, i))
        .collect();
    assert!(
        misses.is_empty(),
        "{} of {}:\n{}",
        misses.len(),
        words.len(),
        misses.join("\n")
    );
    let Some(out) = node(
        &repo().join("tests/fixtures/search/words.cjs"),
        &[
            repo()
                .join("themes/agora/static/search.js")
                .to_str()
                .unwrap(),
            repo()
                .join("tests/fixtures/search/arabic-words.tsv")
                .to_str()
                .unwrap(),
        ],
    ) else {
        return;
    };
    let js: Vec<(Vec<Vec<String>>, Vec<String>)> = serde_json::from_str(&out).unwrap();
    assert_eq!(js.len(), words.len());
    for (((word, _), r), j) in words.iter().zip(&rust).zip(&js) {
        assert_eq!(r, j, "{word}: Rust and JavaScript disagree");
    }
}

fn urls(results: &serde_json::Value, query: &str) -> Vec<String> {
    let mut urls: Vec<String> = results[query]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u.as_str().unwrap().to_string())
        .collect();
    urls.sort();
    urls
}

#[test]
fn queries_that_used_to_disagree_find_the_same_forum_pages() {
    let site = forum_site();
    build_with(site.path(), "https://example.org/");
    let public = site.path().join("public");
    // Each group: queries that must find the same pages, and at least one.
    let groups: [(&str, &[&str]); 6] = [
        ("ar", &["إلكتروني", "الإلكتروني", "الالكتروني", "بالإلكتروني"]),
        ("ar", &["آلية", "الآلية", "للآلية"]),
        ("ar", &["للجان", "اللجان", "لجان", "واللجان"]),
        (
            "ru",
            &["объединённых", "объединенных", "Объединённых наций"],
        ),
        ("zh", &["信息社会", "信息社會", "資訊"]),
        ("zh", &["论坛", "論壇"]),
    ];
    for (lang, queries) in groups {
        let Some(results) = search(&public, lang, queries) else {
            return;
        };
        let first = urls(&results, queries[0]);
        if queries[0] == "信息社会" {
            // 資訊 is Taiwan's word for 信息: another word, not another spelling.
            assert!(urls(&results, "資訊").is_empty());
            assert!(!first.is_empty());
            assert_eq!(urls(&results, "信息社會"), first);
            continue;
        }
        assert!(!first.is_empty(), "{lang}: {} finds nothing", queries[0]);
        for q in &queries[1..] {
            assert_eq!(
                urls(&results, q),
                first,
                "{lang}: {q} and {} disagree",
                queries[0]
            );
        }
    }
    // The Chinese index carries the pairs its characters need; the others none.
    let index = |lang: &str| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(public.join(lang).join("search/index.json")).unwrap())
            .unwrap()
    };
    let zh = index("zh");
    let fold = zh["fold"].as_str().unwrap();
    assert!(fold.contains("會会") && fold.contains("論论"), "{fold}");
    assert!(
        fold.chars().count() < 2 * 1500,
        "{} pairs",
        fold.chars().count() / 2
    );
    assert_eq!(index("fr")["fold"], "");
}
