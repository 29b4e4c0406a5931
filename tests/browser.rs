//! The forum site in a real browser, and its HTML against the standards.
//!
//! The site (plus `tests/browser/extra/`, a page missing in Arabic) is built into a
//! temporary folder and served by a small static server on an ephemeral port of
//! 127.0.0.1. `tests/browser/run.mjs` drives headless Chromium with playwright-core and
//! reports what it measured; the assertions are here:
//! - every page of the six languages has the direction of its language;
//! - in Arabic the navigation and the language switcher start at the right edge;
//! - nothing scrolls horizontally at 360 px;
//! - each language of the switcher leads to the same page in that language;
//! - the fallback notice is visible on the page that lacks a translation, and only there;
//! - axe-core finds no serious or critical violation on any page;
//! - the Nu HTML Checker (vnu.jar) finds no error in any page.
//!
//! Screenshots of the home pages go to `tests/artifacts/browser/`. Without Chromium,
//! Node, Java or `npm ci`, the tests are skipped with the reason printed — except under
//! `CI`, where they must run.

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

use common::http::serve;
use common::tools::{missing, node_script, playwright_chromium, runs};
use common::*;
use serde_json::{Value, json};

const LANGS: [&str; 6] = ["ar", "zh", "en", "fr", "ru", "es"];

/// A page that is not part of the site, with faults the checkers must report.
const CANARY: &str = "/axe-canary.html";
const CANARY_HTML: &str = "<!DOCTYPE html>\n<html><head><title>Canary</title></head><body><main><p>Image: <img src=\"x.png\"></p><p><span id=\"a\">A</span><span id=\"a\">B</span></p></main></body></html>\n";

/// The forum site with the extra page, built; and the URL path of every entry per language.
struct Built {
    dir: tempfile::TempDir,
    /// Per page group: language → URL path.
    entries: Vec<BTreeMap<String, String>>,
    /// Per page group: languages where it is a fallback.
    fallbacks: Vec<Vec<String>>,
    keys: Vec<String>,
}

fn build_site() -> Built {
    let dir = forum_site();
    copy_tree(&repo().join("tests/browser/extra"), dir.path());
    let options = hexaglot::Options::new(dir.path());
    let generated = hexaglot::generate(&options).unwrap();
    hexaglot::output::write_atomically(&options.root, &options.out_dir(), &generated.files)
        .unwrap();
    let site = &generated.site;
    let entries = (0..site.groups.len())
        .map(|g| {
            site.langs
                .iter()
                .map(|l| (l.lang.clone(), l.entries[g].path.clone()))
                .collect()
        })
        .collect();
    let fallbacks = (0..site.groups.len())
        .map(|g| {
            site.langs
                .iter()
                .filter(|l| l.entries[g].fallback)
                .map(|l| l.lang.clone())
                .collect()
        })
        .collect();
    let keys = site.groups.iter().map(|g| g.key.clone()).collect();
    Built {
        dir,
        entries,
        fallbacks,
        keys,
    }
}

fn artifacts() -> PathBuf {
    let dir = repo().join("tests/artifacts/browser");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn six_languages_in_headless_chromium() {
    let Some(chromium) = playwright_chromium() else {
        return;
    };
    let node_modules = repo().join("node_modules");
    let built = build_site();
    let public = built.dir.path().join("public");
    // A page with faults axe-core must find: proof that the audit runs at all.
    std::fs::write(public.join(CANARY.trim_start_matches('/')), CANARY_HTML).unwrap();
    let origin = serve(public.clone());
    let pages: Vec<Value> = html_files(&public)
        .into_iter()
        .map(|rel| {
            let path = format!("/{}", rel.strip_suffix("index.html").unwrap_or(&rel));
            let lang = rel
                .split('/')
                .next()
                .filter(|l| LANGS.contains(l))
                .unwrap_or("en");
            json!({ "path": path, "lang": lang })
        })
        .collect();
    let homes: Vec<Value> = LANGS
        .iter()
        .map(|l| json!({ "lang": l, "path": format!("/{l}/") }))
        .collect();
    let switcher: Vec<Value> = built.entries.iter().map(|by_lang| json!(by_lang)).collect();
    let work = built.dir.path();
    let manifest = json!({
        "origin": origin,
        "chromium": chromium,
        "axe": node_modules.join("axe-core/axe.min.js"),
        "artifacts": artifacts(),
        "pages": pages,
        "homes": homes,
        "switcher": switcher,
    });
    let results = node_script("run.mjs", &manifest, work);
    std::fs::write(
        artifacts().join("results.json"),
        serde_json::to_string_pretty(&results).unwrap(),
    )
    .unwrap();

    let mut problems = Vec::new();
    check_pages(&results, pages.len(), &mut problems);
    check_mirroring(&results, &mut problems);
    check_switcher(
        &results,
        built.entries.len() * LANGS.len() * (LANGS.len() - 1),
        &built,
        &mut problems,
    );
    check_fallback(&results, &built, &mut problems);
    for lang in LANGS {
        assert!(
            artifacts().join(format!("home-{lang}.png")).is_file(),
            "screenshot of the {lang} home"
        );
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Direction, horizontal scrolling and axe-core, page by page.
fn check_pages(results: &Value, expected_pages: usize, problems: &mut Vec<String>) {
    let pages = results["pages"].as_object().unwrap();
    assert_eq!(pages.len(), expected_pages, "every page was measured");
    let canary: Vec<&str> = pages[CANARY]["axe"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v["id"].as_str())
        .collect();
    assert!(
        canary.contains(&"image-alt") && canary.contains(&"html-has-lang"),
        "axe-core missed the canary's faults: {canary:?}"
    );
    for (path, p) in pages.iter().filter(|(path, _)| *path != CANARY) {
        let lang = p["lang"].as_str().unwrap_or("");
        let want = if lang == "ar" { "rtl" } else { "ltr" };
        if p["direction"] != want || p["bodyDirection"] != want {
            problems.push(format!(
                "{path}: lang {lang} has direction {} (body {}), not {want}",
                p["direction"], p["bodyDirection"]
            ));
        }
        let (scroll, client) = (
            p["overflow"]["scrollWidth"].as_i64().unwrap(),
            p["overflow"]["clientWidth"].as_i64().unwrap(),
        );
        if scroll > client {
            problems.push(format!(
                "{path}: scrolls horizontally at 360 px ({scroll} > {client}); too wide: {}",
                p["overflow"]["wide"]
            ));
        }
        for v in p["axe"].as_array().unwrap() {
            if matches!(v["impact"].as_str(), Some("serious" | "critical")) {
                problems.push(format!(
                    "{path}: axe {} ({}): {} — {}",
                    v["id"], v["impact"], v["help"], v["nodes"]
                ));
            }
        }
    }
}

/// The first item of each navigation sits at the inline-start edge — the right edge in
/// Arabic — and the next one follows in the reading direction: the menu's first item at
/// the start of the text column, the switcher's at the start of the switcher, which
/// itself sits at the end of the column.
fn check_mirroring(results: &Value, problems: &mut Vec<String>) {
    let f = |v: &Value| v.as_f64().unwrap();
    for lang in LANGS {
        let home = &results["homes"][lang];
        let rtl = lang == "ar";
        // Inline-start and inline-end edges of a box.
        let start = |b: &Value| if rtl { f(&b["right"]) } else { f(&b["left"]) };
        let end = |b: &Value| if rtl { f(&b["left"]) } else { f(&b["right"]) };
        let after = |a: f64, b: f64| if rtl { a <= b + 1.0 } else { a >= b - 1.0 };
        let column = &home["column"];
        for (nav, edge) in [
            ("nav", start(column)),
            ("languages", start(&home["languages"]["content"])),
        ] {
            let items = home[nav]["items"].as_array().unwrap();
            let (first, second) = (&items[0], &items[1]);
            if (start(first) - edge).abs() > 1.0 || !after(start(second), end(first)) {
                problems.push(format!(
                    "{lang}: the first item of .{nav} is not at the inline-start edge ({edge}): {}",
                    home[nav]
                ));
            }
        }
        if (end(&home["languages"]["content"]) - end(column)).abs() > 1.0 {
            problems.push(format!(
                "{lang}: the language switcher does not end at the column's inline end: {}",
                home["languages"]
            ));
        }
    }
}

fn check_switcher(results: &Value, expected: usize, built: &Built, problems: &mut Vec<String>) {
    let clicks = results["switcher"].as_array().unwrap();
    assert_eq!(clicks.len(), expected, "every switcher link was followed");
    for c in clicks {
        let (from, target) = (c["from"].as_str().unwrap(), c["target"].as_str().unwrap());
        let group = built
            .entries
            .iter()
            .find(|e| e.values().any(|p| p == from))
            .unwrap();
        let want = &group[target];
        if c["landed"].as_str() != Some(want) || c["lang"].as_str() != Some(target) {
            problems.push(format!(
                "switcher on {from} to {target}: landed on {} (lang {}), expected {want}",
                c["landed"], c["lang"]
            ));
        }
    }
}

/// The notice shows on the one page shown in another language's text, and nowhere else.
fn check_fallback(results: &Value, built: &Built, problems: &mut Vec<String>) {
    let g = built
        .keys
        .iter()
        .position(|k| k == "fallback-check.md")
        .expect("the extra page");
    assert_eq!(
        built.fallbacks[g],
        ["ar"],
        "the extra page lacks only Arabic"
    );
    let mut seen = 0;
    for (group, by_lang) in built.entries.iter().enumerate() {
        for (lang, path) in by_lang {
            let p = &results["pages"][path];
            let notice = &p["notice"];
            if built.fallbacks[group].contains(lang) {
                seen += 1;
                let visible = notice["visible"] == true
                    && notice["box"]["height"].as_f64().is_some_and(|h| h > 10.0);
                if !visible
                    || p["contentLang"] != "en"
                    || notice["text"].as_str().is_none_or(str::is_empty)
                {
                    problems.push(format!(
                        "{path}: the fallback notice should be visible over English text: {p}"
                    ));
                }
            } else if notice["count"] != 0 {
                problems.push(format!(
                    "{path}: a translated page shows the fallback notice: {notice}"
                ));
            }
        }
    }
    assert_eq!(seen, 1, "one page in one language is a fallback");
}

#[test]
fn every_page_passes_the_nu_html_checker() {
    let jar = repo().join("node_modules/vnu-jar/build/dist/vnu.jar");
    if missing("Java", !runs("java", "-version")) || missing("vnu-jar (npm ci)", !jar.is_file()) {
        return;
    }
    let built = build_site();
    let public = built.dir.path().join("public");
    let files = html_files(&public);
    // Checked alongside the site: proof that the checker runs and reports errors.
    let canary = built.dir.path().join("canary.html");
    std::fs::write(&canary, CANARY_HTML).unwrap();
    let output = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--format", "json", "--skip-non-html"])
        .arg(&public)
        .arg(&canary)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stderr).unwrap_or_else(|e| {
        panic!(
            "vnu printed no JSON ({e}): {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let messages = report["messages"].as_array().unwrap();
    let from_canary = |m: &&Value| {
        m["url"]
            .as_str()
            .is_some_and(|u| u.ends_with("/canary.html"))
    };
    assert!(
        messages
            .iter()
            .filter(from_canary)
            .any(|m| m["type"] == "error"
                && m["message"].as_str().unwrap_or("").contains("Duplicate ID")),
        "vnu missed the canary's duplicate id: {messages:?}"
    );
    let errors: Vec<String> = messages
        .iter()
        .filter(|m| !from_canary(m))
        .filter(|m| {
            m["type"] == "error" || m["type"] == "non-document-error" || m["subType"] == "fatal"
        })
        .map(|m| {
            format!(
                "{}:{}: {}",
                m["url"]
                    .as_str()
                    .unwrap_or("")
                    .rsplit("/public/")
                    .next()
                    .unwrap_or(""),
                m["lastLine"],
                m["message"]
            )
        })
        .collect();
    assert!(files.len() >= 48, "{} pages", files.len());
    assert!(
        errors.is_empty(),
        "{} errors:\n{}",
        errors.len(),
        errors.join("\n")
    );
}
