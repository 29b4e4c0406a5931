//! `hexaglot check` over the forum site (clean) and over a corpus of broken sites.
//!
//! Each `tests/fixtures/check-<fault>/` folder holds the files that differ from
//! `tests/fixtures/check-base/` (a clean four-language site) to break one thing, and
//! its snapshot, the report `check` must print (`tests/snapshots/check__report@<case>.snap`).
//! Adding a case means adding a folder; `cargo insta review` accepts its snapshot.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use hexaglot::check::{Format, check, exit_code};

/// The base site with the case's files laid over it.
fn case(name: &str) -> tempfile::TempDir {
    let dir = fixture("check-base");
    copy_tree(&repo().join("tests/fixtures").join(name), dir.path());
    dir
}

fn cases() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(repo().join("tests/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("check-") && n != "check-base")
        .collect();
    names.sort();
    names
}

#[test]
fn forum_site_passes_check() {
    let report = check(&hexaglot::Options::new(repo())).unwrap();
    assert_eq!(report.errors(), 0, "{}", report.render(Format::Table));
    assert_eq!(exit_code(&report), 0);
}

/// The forum theme with a page missing in Arabic: the fallback lists no alternates and
/// its English title and text are marked and isolated in the right-to-left page.
#[test]
fn forum_site_with_a_fallback_page_passes_check() {
    let site = forum_site();
    copy_tree(&repo().join("tests/browser/extra"), site.path());
    let report = check(&hexaglot::Options::new(site.path())).unwrap();
    assert_eq!(report.errors(), 0, "{}", report.render(Format::Table));
}

#[test]
fn clean_base_site_has_no_finding() {
    let site = fixture("check-base");
    let report = check(&hexaglot::Options::new(site.path())).unwrap();
    assert!(
        report.diagnostics.is_empty(),
        "{}",
        report.render(Format::Table)
    );
    assert!(
        !site.path().join("public").exists(),
        "check builds in memory and writes nothing"
    );
}

/// Every fault of the corpus makes `check` fail with its own message, at its file and line.
#[test]
fn each_broken_site_fails_with_its_message() {
    let names = cases();
    let expected_cases = [
        "check-broken-anchor",
        "check-broken-link",
        "check-dangling-data",
        "check-data-provenance",
        "check-fluent-placeable",
        "check-fluent-unused-message",
        "check-hreflang-on-fallback",
        "check-link-provenance",
        "check-mismatched-variables",
        "check-missing-alt",
        "check-missing-key-ru",
        "check-one-way-hreflang",
        "check-unisolated-arabic",
        "check-unisolated-fluent",
        "check-unisolated-template",
    ];
    for name in expected_cases {
        assert!(names.iter().any(|n| n == name), "the corpus lacks {name}");
    }
    for name in &names {
        let site = case(name);
        let report = check(&hexaglot::Options::new(site.path())).unwrap();
        let text = report.render(Format::Table);
        insta::with_settings!({snapshot_suffix => name.as_str(), prepend_module_to_snapshot => false}, {
            insta::assert_snapshot!("report", text);
        });
        assert_eq!(exit_code(&report), 1, "{name} must fail:\n{text}");
        assert_eq!(report.errors(), 1, "{name} has exactly one fault:\n{text}");
    }
}

/// The fault is reported at the line that holds it, whatever the snapshot says.
#[test]
fn findings_point_at_the_offending_line() {
    let cases = [
        ("check-broken-link", "content/about.en.md", "/en/programme/"),
        ("check-broken-anchor", "content/_index.fr.md", "#contacts"),
        (
            "check-unisolated-arabic",
            "content/about.ar.md",
            "+41 22 730 6240",
        ),
        // The template's text, though the page's Markdown holds the same number.
        (
            "check-unisolated-template",
            "themes/plain/templates/base.html",
            "الهاتف: +41 22 730 6240",
        ),
        (
            "check-unisolated-fluent",
            "locales/ar/main.ftl",
            "nav-about",
        ),
        // The link the parser reads, not the code span before it with the same URL.
        (
            "check-link-provenance",
            "content/about.en.md",
            "See also [the programme]",
        ),
        // The data value in the page's language, not the first line with the number.
        (
            "check-data-provenance",
            "content/data/tracks.yaml",
            "ar: \"للأسئلة: +41 22 730 6240\"",
        ),
        // The message whose placeable showed the text, which no .ftl line holds.
        (
            "check-fluent-placeable",
            "locales/ar/main.ftl",
            "welcome = ",
        ),
        // The message the pages showed, not an unused one with the same text.
        (
            "check-fluent-unused-message",
            "locales/ar/main.ftl",
            "nav-about = ",
        ),
        (
            "check-missing-alt",
            "content/about.en.md",
            "![](/images/map.png)",
        ),
        (
            "check-dangling-data",
            "content/data/formats.yaml",
            "track: plenary",
        ),
        (
            "check-mismatched-variables",
            "locales/ru/main.ftl",
            "welcome =",
        ),
    ];
    for (name, file, text) in cases {
        let site = case(name);
        let report = check(&hexaglot::Options::new(site.path())).unwrap();
        let d = report.diagnostics.iter().find(|d| d.is_error()).unwrap();
        assert_eq!(d.file, Path::new(file), "{name}");
        let source = std::fs::read_to_string(site.path().join(file)).unwrap();
        let line = source.lines().nth(d.line - 1).unwrap_or("");
        assert!(
            line.contains(text),
            "{name}: line {} is `{line}`, not the one with `{text}`",
            d.line
        );
    }
}

#[test]
fn json_report_and_exit_status_of_the_command() {
    let bin = env!("CARGO_BIN_EXE_hexaglot");
    let site = case("check-missing-key-ru");
    let out = Command::new(bin)
        .args(["check", "--format", "json", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["errors"], 1);
    let file = &json["files"][0];
    assert_eq!(file["file"], "locales/ru/main.ftl");
    let message = file["diagnostics"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("`nav-about`") && message.contains("`ru`"),
        "{message}"
    );

    let forum = Command::new(bin)
        .args(["check", "--root"])
        .arg(repo())
        .output()
        .unwrap();
    assert_eq!(
        forum.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&forum.stdout)
    );
}

/// Warnings alone do not fail: a message nobody uses is reported, exit status 0.
#[test]
fn unused_message_is_a_warning_only() {
    let site = fixture("check-base");
    let ftl = site.path().join("locales/en/main.ftl");
    let text = std::fs::read_to_string(&ftl).unwrap();
    std::fs::write(&ftl, format!("{text}leftover = Nobody shows this\n")).unwrap();
    let report = check(&hexaglot::Options::new(site.path())).unwrap();
    assert_eq!(
        (report.errors(), report.warnings()),
        (0, 1),
        "{}",
        report.render(Format::Table)
    );
    assert!(report.diagnostics[0].message.contains("`leftover`"));
    assert_eq!(exit_code(&report), 0);
}

/// A broken `@/` link stops the build; check reports it like its own findings.
#[test]
fn build_errors_are_reported_too() {
    let site = fixture("check-base");
    let page = site.path().join("content/about.ru.md");
    let text = std::fs::read_to_string(&page)
        .unwrap()
        .replace("@/_index.md", "@/nowhere.md");
    std::fs::write(&page, text).unwrap();
    let report = check(&hexaglot::Options::new(site.path())).unwrap();
    assert_eq!(report.errors(), 1, "{}", report.render(Format::Table));
    assert_eq!(report.diagnostics[0].file, Path::new("content/about.ru.md"));
    assert!(report.diagnostics[0].message.contains("@/nowhere.md"));
}

/// What the hint for a Fluent message says to write makes the finding go away.
#[test]
fn the_isolates_the_fluent_hint_names_fix_the_message() {
    let site = case("check-unisolated-fluent");
    let ftl = site.path().join("locales/ar/main.ftl");
    let text = std::fs::read_to_string(&ftl).unwrap();
    let report = check(&hexaglot::Options::new(site.path())).unwrap();
    let hint = report.diagnostics[0].hint.as_deref().unwrap_or_default();
    assert!(hint.contains(r#"{"\u2066"}…{"\u2069"}"#), "{hint}");
    let fixed = text.replace("+41 22 730 6240", r#"{"\u2066"}+41 22 730 6240{"\u2069"}"#);
    std::fs::write(&ftl, fixed).unwrap();
    let report = check(&hexaglot::Options::new(site.path())).unwrap();
    assert_eq!(report.errors(), 0, "{}", report.render(Format::Table));
}

/// A text of the data with none in the default language is a warning at its field.
#[test]
fn a_data_text_missing_in_the_default_language_is_a_warning_at_its_field() {
    let site = fixture("check-base");
    let tracks = site.path().join("content/data/tracks.yaml");
    std::fs::write(
        &tracks,
        "- id: main\n  name: {fr: Volet principal, ar: المسار الرئيسي, ru: Основное направление}\n",
    )
    .unwrap();
    let report = check(&hexaglot::Options::new(site.path())).unwrap();
    assert_eq!(
        (report.errors(), report.warnings()),
        (0, 1),
        "{}",
        report.render(Format::Table)
    );
    let d = &report.diagnostics[0];
    assert_eq!(d.file, Path::new("content/data/tracks.yaml"));
    assert_eq!((d.line, d.column), (2, 9));
    assert_eq!(
        d.message,
        "the name of `main` has no text in `en`, the site's default language"
    );
    assert_eq!(exit_code(&report), 0);
}
