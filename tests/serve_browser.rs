//! The live-reload script in a real browser: headless Chromium shows the error overlay
//! over the last good page, in the page's language and direction, and not once the file
//! is fixed.

mod common;
mod serve_support;

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use common::*;
use scraper::Html;
use serve_support::*;

/// Chromium, or `None` (with the reason printed) when it is absent outside CI.
fn chromium() -> Option<PathBuf> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::env::split_paths(&std::env::var_os("PATH")?)
                .map(|dir| dir.join(name))
                .find(|p| p.is_file())
        });
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI needs Chromium (see .ci/run)"
        );
        eprintln!("skipped: no Chromium on PATH");
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
