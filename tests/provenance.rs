//! Where a page's text comes from, as readers see it: the translation banner for every
//! `translation` kind, with and without `original`, is one grammatical sentence in each
//! of the six languages; and the editors' notes in HTML comments are never published.

mod common;

use common::*;
use scraper::Html;

const LANGS: [&str; 6] = ["ar", "zh", "en", "fr", "ru", "es"];
const KINDS: [&str; 3] = ["official", "unofficial", "machine"];

/// How each language names the original's language in a sentence (`language-<code>.in`
/// of its Fluent files), for the originals the tests use: Arabic, and English for the
/// Arabic page.
fn original_name(lang: &str) -> &'static str {
    match lang {
        "ar" => "باللغة الإنكليزية",
        "zh" => "阿拉伯文",
        "en" => "in Arabic",
        "fr" => "en arabe",
        "ru" => "на арабском языке",
        _ => "en árabe",
    }
}

/// The original of each language's page in the `-original` cases.
fn original_of(lang: &str) -> &'static str {
    if lang == "ar" { "en" } else { "ar" }
}

/// The provenance fixture with a page per kind, with (`<kind>-original`) and without
/// (`<kind>`) `original`, in six languages.
fn built() -> tempfile::TempDir {
    let site = fixture_with_forum_theme("provenance");
    let content = site.path().join("content");
    for kind in KINDS {
        for lang in LANGS {
            let plain =
                format!("---\ntitle: \"{kind} {lang}\"\ntranslation: {kind}\n---\n\nText.\n");
            std::fs::write(content.join(format!("{kind}.{lang}.md")), plain).unwrap();
            let with = format!(
                "---\ntitle: \"{kind} {lang}\"\ntranslation: {kind}\noriginal: {}\n---\n\nText.\n",
                original_of(lang)
            );
            std::fs::write(content.join(format!("{kind}-original.{lang}.md")), with).unwrap();
        }
    }
    build(site.path()).unwrap_or_else(|e| panic!("{e}"));
    site
}

/// The banner's words as a reader sees them: whitespace runs read as one space.
fn banner(doc: &Html) -> Vec<String> {
    texts(doc, ".notice-translation")
        .into_iter()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// The banner's text without the link that follows the sentence.
fn sentence(doc: &Html) -> String {
    let link: String = texts(doc, ".notice-translation a").concat();
    let full = texts(doc, ".notice-translation").concat();
    full.replace(&link, "").trim().to_string()
}

#[test]
fn every_kind_of_translation_gets_one_grammatical_sentence_in_six_languages() {
    let site = built();
    let public = site.path().join("public");
    for lang in LANGS {
        let mut sentences = Vec::new();
        for kind in KINDS {
            for with_original in [false, true] {
                let slug = if with_original {
                    format!("{kind}-original")
                } else {
                    kind.to_string()
                };
                let doc = page(&public, &format!("{lang}/{slug}/index.html"));
                let shown = banner(&doc);
                assert_eq!(shown.len(), 1, "{lang}/{slug}: one banner, got {shown:?}");
                let text = sentence(&doc);
                let what = format!("{lang}/{slug}: {text:?}");
                // The broken sentences: an empty placeable leaves a double space or a
                // space before the punctuation, or a preposition with nothing after it.
                assert!(!text.contains("  "), "{what}: double space");
                for p in [" .", " ,", " ،", " 。", " ，"] {
                    assert!(!text.contains(p), "{what}: space before punctuation");
                }
                assert!(
                    text.ends_with('.') || text.ends_with('。'),
                    "{what}: not a finished sentence"
                );
                for dangling in [" in.", " en.", " на.", " of.", " du."] {
                    assert!(!text.contains(dangling), "{what}: dangling preposition");
                }
                let links = attrs(&doc, ".notice-translation a", "hreflang");
                if with_original {
                    let name = original_name(lang);
                    assert!(
                        text.contains(name),
                        "{what}: does not name the original ({name})"
                    );
                    assert_eq!(links, [original_of(lang)], "{what}: links the original");
                } else {
                    assert!(links.is_empty(), "{what}: links nothing");
                    for other in LANGS {
                        assert!(
                            !text.contains(original_name(other)),
                            "{what}: names a language it was not given"
                        );
                    }
                }
                sentences.push(text);
            }
        }
        let mut distinct = sentences.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(
            distinct.len(),
            6,
            "{lang}: six cases, six sentences: {sentences:?}"
        );
    }
}

#[test]
fn official_texts_carry_a_short_notice_of_their_own() {
    let site = built();
    let public = site.path().join("public");
    for lang in LANGS {
        let doc = page(&public, &format!("{lang}/official/index.html"));
        assert_eq!(
            attrs(&doc, ".notice-translation", "class"),
            ["notice notice-translation notice-official"],
            "{lang}"
        );
        let unofficial = page(&public, &format!("{lang}/unofficial/index.html"));
        assert_ne!(banner(&doc), banner(&unofficial), "{lang}");
    }
    // A page without `translation` has no banner.
    let home = page(&public, "fr/index.html");
    assert!(banner(&home).is_empty());
}

#[test]
fn html_comments_in_markdown_are_not_published_but_raw_html_is() {
    let site = built();
    let public = site.path().join("public");
    let html = std::fs::read_to_string(public.join("en/notes/index.html")).unwrap();
    for note in ["unverified", "A note for the editors", "inner note"] {
        assert!(!html.contains(note), "`{note}` was published");
    }
    let doc = Html::parse_document(&html);
    assert_eq!(attrs(&doc, "aside.raw-html", "data-kept"), ["yes"]);
    assert_eq!(texts(&doc, "aside.raw-html strong"), ["Raw HTML"]);
    assert_eq!(texts(&doc, "details summary"), ["More"]);
    let first = texts(&doc, ".content p").concat();
    assert!(
        first.contains("The high-level track opens the week."),
        "{first}"
    );
}

#[test]
fn the_forum_publishes_none_of_its_translators_notes() {
    let site = forum_site();
    build(site.path()).unwrap_or_else(|e| panic!("{e}"));
    let public = site.path().join("public");
    // The notes are there in the source…
    let notes = walkdir::WalkDir::new(site.path().join("content"))
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| {
            std::fs::read_to_string(e.path())
                .unwrap()
                .matches("<!--")
                .count()
        })
        .sum::<usize>();
    assert!(notes > 0, "the forum's sources hold translator notes");
    // …and in no published file: pages, feeds, search indexes.
    for (path, bytes) in read_tree(&public) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("<!--"), "{path} holds an HTML comment");
        assert!(
            !text.contains("unverified"),
            "{path} holds a translator's note"
        );
    }
}
