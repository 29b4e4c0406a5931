//! Left-to-right tokens in right-to-left text, as a browser lays them out.
//!
//! The corpus (`tests/fixtures/bidi/corpus.tsv`: Arabic sentences with phone numbers,
//! codes, hashtags, e-mail and web addresses, ranges and mixed digits, and a few in
//! Hebrew, Persian and Punjabi) becomes pages of a fixture site, one paragraph per
//! sentence. Headless Chromium lays them out and reports where each character of each
//! token lands (`Range.getClientRects`): the token must read from left to right in its
//! logical order. The forum's and the event fixture's Arabic pages are measured the same
//! way (ranges in the hero, in running text and in the schedule), and a canary page with
//! the old, split isolation (`<bdi>+1</bdi> (555) 123-4567`) must be caught.
//!
//! The same corpus is also run, without a browser, through `unicode-bidi`'s
//! implementation of the Unicode Bidirectional Algorithm.

mod common;
mod deploy_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use deploy_support::*;
use serde_json::{Value, json};
use unicode_bidi::{BidiInfo, Level};

struct Sentence {
    lang: String,
    text: String,
    tokens: Vec<String>,
}

fn corpus() -> Vec<Sentence> {
    let table = std::fs::read_to_string(repo().join("tests/fixtures/bidi/corpus.tsv")).unwrap();
    table
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert!(cols.len() >= 3, "{l}");
            Sentence {
                lang: cols[0].to_string(),
                text: cols[1].to_string(),
                tokens: cols[2..].iter().map(|t| t.to_string()).collect(),
            }
        })
        .collect()
}

#[test]
fn the_corpus_is_large_enough() {
    let corpus = corpus();
    let arabic = corpus.iter().filter(|s| s.lang == "ar").count();
    assert!(arabic >= 60, "{arabic} Arabic sentences");
    assert!(corpus.iter().any(|s| s.lang != "ar"));
    for s in &corpus {
        for t in &s.tokens {
            assert!(s.text.contains(t.as_str()), "`{t}` is not in `{}`", s.text);
        }
    }
}

/// The Markdown of one sentence, rendered right to left, as plain text in which
/// `<bdo dir="ltr">…</bdo>` is its equivalent in Unicode controls (LRI LRO … PDF PDI).
fn rendered_plain(text: &str) -> String {
    let resolve = |_: &hexaglot::markdown::Query| hexaglot::markdown::Answer::Page(None);
    let html = hexaglot::markdown::to_html(
        text,
        &hexaglot::markdown::RenderContext {
            rtl: true,
            resolve: &resolve,
            highlight: false,
        },
    )
    .html;
    let html = html
        .trim()
        .trim_start_matches("<p>")
        .trim_end_matches("</p>");
    html.replace("<bdo dir=\"ltr\">", "\u{2066}\u{202D}")
        .replace("</bdo>", "\u{202C}\u{2069}")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[test]
fn tokens_keep_their_order_under_the_unicode_bidi_algorithm() {
    let mut wrong = Vec::new();
    for s in corpus() {
        let plain = rendered_plain(&s.text);
        let info = BidiInfo::new(&plain, Some(Level::rtl()));
        let para = &info.paragraphs[0];
        let line = para.range.clone();
        let (levels, runs) = info.visual_runs(para, line);
        // Visual position of every byte.
        let mut position = vec![0usize; plain.len()];
        let mut x = 0;
        for run in runs {
            let mut idx: Vec<usize> = plain[run.clone()]
                .char_indices()
                .map(|(i, _)| run.start + i)
                .collect();
            if levels[run.start].is_rtl() {
                idx.reverse();
            }
            for i in idx {
                position[i] = x;
                x += 1;
            }
        }
        for token in &s.tokens {
            for (at, _) in plain.match_indices(token.as_str()) {
                let xs: Vec<usize> = token
                    .char_indices()
                    .filter(|(_, c)| !c.is_whitespace())
                    .map(|(i, _)| position[at + i])
                    .collect();
                if !xs.windows(2).all(|w| w[0] < w[1]) {
                    wrong.push(format!("{}: `{token}` in {}", s.lang, s.text));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "out of order:\n{}", wrong.join("\n"));
}

/// The Chromium binary, or `None` (with the reason printed) outside CI.
fn chromium() -> Option<PathBuf> {
    let found = common::tools::chromium();
    let absent = found.is_none()
        || !repo().join("node_modules/playwright-core").is_dir()
        || !common::tools::runs("node", "--version");
    if common::tools::missing("Chromium, Node and playwright-core (npm ci)", absent) {
        return None;
    }
    found
}

/// Runs the measuring script over `pages` (`{url, checks: [{selector, tokens}]}`).
fn measure(browser: &Path, pages: Vec<Value>) -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    let request = dir.path().join("request.json");
    std::fs::write(&request, json!({ "pages": pages }).to_string()).unwrap();
    let output = Command::new("node")
        .arg(repo().join("tests/fixtures/bidi/measure.mjs"))
        .arg(browser)
        .arg(&request)
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "measure.mjs: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Every token occurrence that is not laid out in logical order, or not found.
fn out_of_order(results: &[Value]) -> Vec<String> {
    let mut wrong = Vec::new();
    for page in results {
        for check in page["checks"].as_array().unwrap() {
            for token in check["tokens"].as_array().unwrap() {
                let occurrences = token["occurrences"].as_array().unwrap();
                let name = format!("{} {} `{}`", page["url"], check["selector"], token["token"]);
                if occurrences.is_empty() {
                    wrong.push(format!("{name}: not found"));
                }
                for o in occurrences {
                    if o["inOrder"] != true {
                        wrong.push(format!(
                            "{name}: shown as `{}` in {}",
                            o["shown"], o["context"]
                        ));
                    }
                }
            }
        }
    }
    wrong
}

/// The bidi fixture with one corpus page per language; the pages to measure.
fn corpus_site(corpus: &[Sentence]) -> (tempfile::TempDir, Vec<(String, Vec<Value>)>) {
    let site = fixture_with_forum_theme("bidi");
    let mut pages: Vec<(String, Vec<Value>)> = Vec::new();
    let mut langs: Vec<&str> = corpus.iter().map(|s| s.lang.as_str()).collect();
    langs.dedup();
    for lang in langs {
        let sentences: Vec<&Sentence> = corpus.iter().filter(|s| s.lang == lang).collect();
        let body: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
        let page = format!("---\ntitle: Corpus\n---\n\n{}\n", body.join("\n\n"));
        std::fs::write(site.path().join(format!("content/corpus.{lang}.md")), page).unwrap();
        let checks = sentences
            .iter()
            .enumerate()
            .map(|(k, s)| {
                json!({ "selector": format!(".content > p:nth-of-type({})", k + 1), "tokens": s.tokens })
            })
            .collect();
        pages.push((format!("{lang}/corpus/"), checks));
    }
    (site, pages)
}

#[test]
fn every_token_of_the_corpus_reads_in_logical_order_in_chromium() {
    let Some(browser) = chromium() else { return };
    let corpus = corpus();
    let (site, pages) = corpus_site(&corpus);
    let public = site.path().join("public");
    let Some(server) = serve_under_wsis(site.path()) else {
        return;
    };
    let origin = format!("{}/wsis/", server.origin());
    // The canary: the isolation of earlier versions, which split the phone number.
    std::fs::write(
        public.join("canary.html"),
        "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>c</title></head><body><p>يمكن الاتصال بمكتب نيويورك على الرقم <bdi dir=\"ltr\">+1</bdi> (555) 123-4567 صباحاً.</p></body></html>",
    )
    .unwrap();
    let mut request: Vec<Value> = pages
        .iter()
        .map(|(path, checks)| json!({ "url": format!("{origin}{path}"), "checks": checks }))
        .collect();
    request.push(json!({ "url": format!("{origin}canary.html"), "checks": [{ "selector": "p", "tokens": ["+1 (555) 123-4567"] }] }));
    let results = measure(&browser, request);
    let wrong = out_of_order(&results[..results.len() - 1]);
    assert!(
        wrong.is_empty(),
        "{} tokens out of order:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    let canary = out_of_order(&results[results.len() - 1..]);
    assert_eq!(
        canary.len(),
        1,
        "the split phone number must be caught: {canary:?}"
    );
    // Every sentence of the corpus was found and measured.
    let measured: usize = results[..results.len() - 1]
        .iter()
        .flat_map(|p| p["checks"].as_array().unwrap())
        .filter(|c| c["elements"] == 1)
        .count();
    assert_eq!(measured, corpus.len());
}

#[test]
fn ranges_read_the_same_in_headings_text_and_schedule_in_chromium() {
    let Some(browser) = chromium() else { return };
    let forum = forum_site();
    let Some(forum_server) = serve_under_wsis(forum.path()) else {
        return;
    };
    let event = fixture_with_forum_theme("event");
    let Some(event_server) = serve_under_wsis(event.path()) else {
        return;
    };
    let f = format!("{}/wsis/ar/", forum_server.origin());
    let e = format!("{}/wsis/ar/", event_server.origin());
    let results = measure(
        &browser,
        vec![
            // The hero's date (a Fluent-formatted range) and the same range in the text.
            json!({ "url": f, "checks": [
                { "selector": ".hero .facts", "tokens": ["17-21"] },
                { "selector": ".content", "tokens": ["17-21"] },
            ] }),
            json!({ "url": format!("{f}programme/"), "checks": [
                { "selector": ".key-dates", "tokens": ["17-21"] },
                { "selector": ".content", "tokens": ["17-21"] },
            ] }),
            json!({ "url": format!("{f}contact/"), "checks": [
                { "selector": ".content", "tokens": ["+41 22 730 6240", "+41 22 730 6453", "wsis-info@itu.int", "www.wsis.org/forum", "17-21"] },
            ] }),
            // Times and dates of the schedule: Fluent joins CLDR pieces.
            json!({ "url": format!("{e}sessions/"), "checks": [
                { "selector": ".session-when", "tokens": ["13:00-13:30", "18:00-19:30", "10:00-11:00", "12:00-12:30", "17-21"] },
            ] }),
            json!({ "url": format!("{e}sessions/opening/"), "checks": [
                { "selector": ".session-when", "tokens": ["13:00-13:30"] },
            ] }),
        ],
    );
    let wrong = out_of_order(&results);
    assert!(
        wrong.is_empty(),
        "{} ranges out of order:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
