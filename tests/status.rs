//! `hexaglot status` over `tests/fixtures/status/`: a translated, a fallback, a missing
//! and a stale page, and messages translated, falling back and missing — found through
//! `translated_from` without git, and through the git history in a checkout.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use hexaglot::status::{Format, PageState, StatusReport, status};
use sha2::Digest;

fn report(root: &Path) -> StatusReport {
    status(&hexaglot::Options::new(root)).unwrap()
}

fn state(report: &StatusReport, page: &str, lang: &str) -> PageState {
    let row = report
        .pages
        .iter()
        .find(|r| r.page == page)
        .unwrap_or_else(|| panic!("no row {page}"));
    row.languages.iter().find(|c| c.lang == lang).unwrap().state
}

fn states(report: &StatusReport, page: &str) -> Vec<PageState> {
    ["en", "fr", "ar", "ru"]
        .iter()
        .map(|l| state(report, page, l))
        .collect()
}

use PageState::*;

#[test]
fn without_git_stale_comes_from_translated_from() {
    let site = fixture("status");
    let r = report(site.path());
    assert!(!r.git, "a temporary folder is no git checkout");
    assert_eq!(
        states(&r, "_index.md"),
        [Translated, Translated, Translated, Translated]
    );
    assert_eq!(
        states(&r, "about.md"),
        [Translated, Translated, Translated, Stale]
    );
    assert_eq!(
        states(&r, "news.md"),
        [Translated, Fallback, Fallback, Fallback]
    );
    assert_eq!(
        states(&r, "local.md"),
        [Missing, Translated, Missing, Missing]
    );
    let ru = r.totals.iter().find(|t| t.lang == "ru").unwrap();
    assert_eq!(
        (ru.translated, ru.stale, ru.fallback, ru.missing),
        (1, 1, 1, 1)
    );
    assert_eq!(
        (
            ru.messages_translated,
            ru.messages_fallback,
            ru.messages_missing
        ),
        (9, 1, 1)
    );

    // The table, as people read it.
    let table = r.render(Format::Table);
    insta::assert_snapshot!("status_table", table);

    // Changing the English text makes the French translation made from it stale.
    let about = site.path().join("content/about.en.md");
    let text = std::fs::read_to_string(&about)
        .unwrap()
        .replace("This site tests", "This small site tests");
    std::fs::write(&about, text).unwrap();
    let r = report(site.path());
    assert_eq!(
        states(&r, "about.md"),
        [Translated, Stale, Translated, Stale]
    );
}

/// The documented hash: SHA-256 of title, description and body, first 8 hex digits.
#[test]
fn source_hash_is_the_documented_one_and_listed_in_json() {
    let site = fixture("status");
    let out = Command::new(env!("CARGO_BIN_EXE_hexaglot"))
        .args(["status", "--format", "json", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = std::fs::read_to_string(site.path().join("content/about.en.md")).unwrap();
    let body = text.splitn(3, "---\n").nth(2).unwrap();
    let digest = sha2::Sha256::digest(format!("About\n\n{body}").as_bytes());
    let expected: String = digest.iter().take(4).map(|b| format!("{b:02x}")).collect();
    let about = json["pages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["page"] == "about.md")
        .unwrap();
    assert_eq!(about["source_hash"], expected.as_str());
    let fr = about["languages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["lang"] == "fr")
        .unwrap();
    assert_eq!(
        fr["translated_from"],
        expected.as_str(),
        "the fixture's French page names the current hash"
    );
    let ru = about["languages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["lang"] == "ru")
        .unwrap();
    assert_eq!(
        (ru["state"].as_str(), ru["checked_by"].as_str()),
        (Some("stale"), Some("hash"))
    );
    let note = json["messages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "note")
        .unwrap();
    assert_eq!(note["languages"][3], serde_json::json!(["ru", "fallback"]));
}

fn git(root: &Path, date: &str, args: &[&str]) {
    let status = Command::new("git")
        .current_dir(root)
        .args([
            "-c",
            "user.name=Editor",
            "-c",
            "user.email=editor@example.org",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file}");
    std::fs::write(&path, text.replace(from, to)).unwrap();
}

#[test]
fn with_git_stale_comes_from_the_history_of_both_files() {
    if Command::new("git").arg("--version").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "git is needed under CI");
        eprintln!("skipped: git is not installed");
        return;
    }
    let site = fixture("status");
    let root = site.path();
    git(root, "2021-01-04T10:00:00Z", &["init", "-q"]);
    git(root, "2021-01-04T10:00:00Z", &["add", "-A"]);
    git(
        root,
        "2021-01-04T10:00:00Z",
        &["commit", "-q", "-m", "site"],
    );
    let r = report(root);
    assert!(r.git);
    assert_eq!(
        states(&r, "_index.md"),
        [Translated, Translated, Translated, Translated]
    );

    // The English home changes after its translations: all three are stale.
    edit(root, "content/_index.en.md", "Read", "Please read");
    git(
        root,
        "2021-02-01T10:00:00Z",
        &["commit", "-q", "-am", "home"],
    );
    let r = report(root);
    assert_eq!(states(&r, "_index.md"), [Translated, Stale, Stale, Stale]);
    let table = r.render(Format::Table);
    let row = table.lines().find(|l| l.starts_with("_index.md")).unwrap();
    assert_eq!(
        row.split_whitespace().collect::<Vec<_>>(),
        ["_index.md", "✓", "stale", "stale", "stale", "51e771a3"].map(|s| if s == "51e771a3" {
            r.pages[0].source_hash.as_deref().unwrap()
        } else {
            s
        })
    );
    assert!(!table.contains("not a git checkout"), "{table}");
    let cell = r.pages[0]
        .languages
        .iter()
        .find(|c| c.lang == "ar")
        .unwrap();
    assert_eq!(cell.checked_by, Some(hexaglot::status::StaleBy::Git));
    // Pages without a later change of their source stay as they were.
    assert_eq!(
        states(&r, "about.md"),
        [Translated, Translated, Translated, Stale]
    );
    assert_eq!(
        states(&r, "news.md"),
        [Translated, Fallback, Fallback, Fallback]
    );

    // The French home is brought up to date: only it is current again.
    edit(root, "content/_index.fr.md", "Lisez", "Veuillez lire");
    git(
        root,
        "2021-03-01T10:00:00Z",
        &["commit", "-q", "-am", "accueil"],
    );
    let r = report(root);
    assert_eq!(
        states(&r, "_index.md"),
        [Translated, Translated, Stale, Stale]
    );
    // Only the order of the English about page changes: by history alone every
    // translation would be stale, but the French one names the hash of the text, which
    // did not change, and `translated_from` wins over history.
    edit(
        root,
        "content/about.en.md",
        "title: About\n",
        "title: About\nweight: 2\n",
    );
    git(
        root,
        "2021-04-01T10:00:00Z",
        &["commit", "-q", "-am", "order"],
    );
    let r = report(root);
    assert_eq!(
        states(&r, "about.md"),
        [Translated, Translated, Stale, Stale]
    );
}

/// The data's texts: a session with no French title is listed in the JSON with the file
/// and line of its title, as a fallback in French, and counted in the totals.
#[test]
fn a_data_text_a_language_lacks_is_listed_with_its_file_and_line() {
    let site = fixture_with_forum_theme("event");
    let out = Command::new(env!("CARGO_BIN_EXE_hexaglot"))
        .args(["status", "--format", "json", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = json["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["record"] == "late-night" && r["field"] == "title")
        .expect("the late-night session's title is listed");
    assert_eq!(row["file"], "content/data/sessions.yaml");
    let text = std::fs::read_to_string(site.path().join("content/data/sessions.yaml")).unwrap();
    let line = row["line"].as_u64().unwrap() as usize;
    assert!(
        text.lines()
            .nth(line - 1)
            .unwrap()
            .contains("Late-night hackathon"),
        "line {line} is not the title's"
    );
    let fr = row["languages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c[0] == "fr")
        .unwrap();
    assert_eq!(fr[1], "fallback");
    let en = row["languages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c[0] == "en")
        .unwrap();
    assert_eq!(en[1], "translated");
    // Fully translated fields are counted, not listed.
    assert!(json["data"].as_array().unwrap().iter().all(|r| {
        r["languages"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c[1] != "translated")
    }));
    let totals = json["totals"].as_array().unwrap();
    let fr = totals.iter().find(|t| t["lang"] == "fr").unwrap();
    assert!(fr["data_fallback"].as_u64().unwrap() >= 1);
    assert!(fr["data_translated"].as_u64().unwrap() > fr["data_fallback"].as_u64().unwrap());
    // The table shows the rows docs/languages.md shows.
    let table = report(site.path()).render(Format::Table);
    let guide = std::fs::read_to_string(repo().join("docs/languages.md")).unwrap();
    let shown = guide
        .split("```text tested-by=tests/status.rs\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("docs/languages.md shows the table");
    for line in shown.lines() {
        assert!(
            table.lines().any(|l| l == line),
            "the table has no line\n{line}\n{table}"
        );
    }
}
