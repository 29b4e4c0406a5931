//! The live-reload script in a real browser: headless Chromium shows the error overlay
//! over the last good page, in the page's language and direction, and not once the file
//! is fixed; and under the preview's Content-Security-Policy every page of the forum
//! works as built and live reload still reloads (Node + playwright-core, see
//! `tests/browser/serve_policy.mjs`).

mod common;
mod serve_support;

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use common::*;
use scraper::Html;
use serde_json::{Value, json};
use serve_support::*;

/// The Chromium binary, or `None` (with the reason printed) outside CI.
fn chromium() -> Option<PathBuf> {
    let found = common::tools::chromium();
    if common::tools::missing("Chromium (apt-get install chromium)", found.is_none()) {
        return None;
    }
    found
}

/// The page's DOM once its script has connected to the event stream (the script marks
/// `<html data-hexaglot-live>`) and had time to show what it received; a slow machine
/// gets more time.
fn dom(browser: &PathBuf, url: &str) -> Html {
    for millis in [3000, 6000, 12000] {
        let profile = tempfile::tempdir().unwrap();
        let output = Command::new(browser)
            .args([
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--dump-dom",
            ])
            .arg(format!("--timeout={millis}"))
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(url)
            .output()
            .unwrap();
        let doc = Html::parse_document(&String::from_utf8_lossy(&output.stdout));
        if attrs(&doc, "html", "data-hexaglot-live") == ["connected"] {
            return doc;
        }
    }
    panic!("the live-reload script of {url} never connected");
}

#[test]
fn the_overlay_shows_the_error_over_the_last_good_page_until_it_is_fixed() {
    let Some(browser) = chromium() else { return };
    let site = forum_site();
    let server = Server::start(site.path());
    let base = format!("http://{}", server.address);
    save(
        site.path(),
        "content/about.fr.md",
        "weight: 10",
        "weight: [10",
    );
    server.wait_for(
        "still serving the last good version",
        Duration::from_secs(20),
    );

    let fr = dom(&browser, &format!("{base}/fr/about/"));
    assert_eq!(
        texts(&fr, "main h1"),
        ["À propos du Forum"],
        "the last good page is shown"
    );
    assert_eq!(attrs(&fr, "#hexaglot-error", "lang"), ["fr"]);
    assert_eq!(attrs(&fr, "#hexaglot-error", "role"), ["alertdialog"]);
    assert_eq!(
        texts(&fr, "#hexaglot-error h2"),
        ["Le site n’a pas pu être reconstruit"]
    );
    assert_eq!(texts(&fr, "#hexaglot-error button"), ["Masquer"]);
    let diagnostic = texts(&fr, "#hexaglot-error pre.hexaglot-diagnostic").concat();
    assert!(
        diagnostic.contains("content/about.fr.md:4:9") && diagnostic.contains("weight: [10"),
        "{diagnostic}"
    );

    let ar = dom(&browser, &format!("{base}/ar/about/"));
    assert_eq!(attrs(&ar, "#hexaglot-error", "dir"), ["rtl"]);
    assert_eq!(
        texts(&ar, "#hexaglot-error h2"),
        ["تعذّرت إعادة إنشاء الموقع"]
    );
    assert_eq!(
        attrs(&ar, "#hexaglot-error pre", "dir"),
        ["ltr"],
        "the diagnostic reads left to right"
    );

    save(
        site.path(),
        "content/about.fr.md",
        "weight: [10",
        "weight: 10",
    );
    server.wait_for("re-rendered", Duration::from_secs(20));
    let fixed = dom(&browser, &format!("{base}/fr/about/"));
    assert_eq!(texts(&fixed, "main h1"), ["À propos du Forum"]);
    assert!(
        texts(&fixed, "#hexaglot-error").is_empty(),
        "the overlay is gone"
    );
}

/// Node with playwright-core (`npm ci`), or `None` (with the reason printed) outside CI.
fn node_with_playwright() -> Option<()> {
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let playwright = repo().join("node_modules/playwright-core").is_dir();
    if node && playwright {
        return Some(());
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI needs Node and playwright-core (see .ci/run)"
    );
    eprintln!("skipped: no Node or no node_modules/playwright-core (npm ci --ignore-scripts)");
    None
}

/// Messages of the console that say the policy refused something.
fn refusals(report: &Value) -> Vec<String> {
    let mut found: Vec<String> = report["violations"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|v| v.as_str().unwrap_or_default().to_string())
        .collect();
    found.extend(
        report["console"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .filter(|m| {
                m.contains("Content Security Policy")
                    || m.contains("Refused to")
                    || !m.starts_with("Failed to load resource")
            })
            .map(str::to_string),
    );
    found
}

#[test]
fn every_forum_page_works_under_the_preview_policy_and_live_reload_reloads() {
    let (Some(browser), Some(())) = (chromium(), node_with_playwright()) else {
        return;
    };
    let site = forum_site();
    let generated = hexaglot::generate(&hexaglot::Options::new(site.path())).unwrap();
    // The templates are the same in every language: every page of French and Arabic (a
    // left-to-right and a right-to-left language), every home page, and the pages at the
    // root, so that every template is loaded.
    let pages: Vec<String> = generated
        .files
        .iter()
        .map(|(path, _)| path.as_str())
        .filter(|p| p.ends_with(".html"))
        .filter(|p| {
            let first = p.split('/').next().unwrap_or("");
            !p.contains('/')
                || ["fr", "ar"].contains(&first)
                || p.ends_with("/index.html") && p.matches('/').count() == 1
        })
        .map(|p| format!("/{}", p.strip_suffix("index.html").unwrap_or(p)))
        .collect();
    assert!(pages.len() > 60, "{}", pages.len());
    let server = Server::start(site.path());
    let about = site.path().join("content/about.fr.md");
    let manifest = json!({
        "origin": format!("http://{}", server.address),
        "chromium": browser,
        "pages": pages,
        "search": "/fr/search/?q=forum",
        "reload": {
            "path": "/fr/about/",
            "file": about,
            "from": "la communauté multipartite",
            "to": "la très vaste communauté multipartite",
        },
    });
    let work = tempfile::tempdir().unwrap();
    let (manifest_path, results_path) = (
        work.path().join("manifest.json"),
        work.path().join("results.json"),
    );
    std::fs::write(&manifest_path, manifest.to_string()).unwrap();
    let started = std::time::Instant::now();
    let status = Command::new("node")
        .arg(repo().join("tests/browser/serve_policy.mjs"))
        .args([&manifest_path, &results_path])
        .current_dir(repo())
        .status()
        .unwrap();
    assert!(status.success(), "the browser script failed");
    eprintln!(
        "{} pages in Chromium in {:.1} s",
        pages.len(),
        started.elapsed().as_secs_f64()
    );
    let results: Value = serde_json::from_slice(&std::fs::read(&results_path).unwrap()).unwrap();

    for page in &pages {
        let report = &results["pages"][page];
        assert_eq!(report["status"], 200, "{page}");
        assert_eq!(refusals(report), Vec::<String>::new(), "{page}");
    }
    // The chooser's inline script ran (allowed by its hash) and sent a French reader on.
    let chooser = &results["chooser"];
    assert_eq!(chooser["url"], format!("http://{}/fr/", server.address));
    assert_eq!(refusals(chooser), Vec::<String>::new());
    // The search page's script fetched its index and listed results.
    let search = &results["search"];
    assert!(search["results"].as_u64().unwrap_or(0) > 0, "{search}");
    assert_eq!(refusals(search), Vec::<String>::new());
    // An inline handler and a script the page did not carry are refused, and seen.
    let canary = &results["canary"];
    assert_eq!(canary["ran"], false, "{canary}");
    assert!(
        canary["violations"]
            .as_array()
            .is_some_and(|v| v.len() >= 2),
        "{canary}"
    );
    // Live reload works under the policy.
    let reload = &results["reload"];
    assert_eq!(reload["reloaded"], true, "{reload}");
    assert!(
        reload["text"]
            .as_str()
            .unwrap_or("")
            .contains("la très vaste communauté multipartite"),
        "{reload}"
    );
    assert_eq!(refusals(reload), Vec::<String>::new());
}
