//! The corpus of bad inputs: each case under tests/fixtures/errors/<case>/ is laid over
//! the basic fixture site, and the build must fail with exactly the diagnostics of the
//! case's `expected.txt` (file:line:column: message), leaving public/ untouched.
//! Set UPDATE_EXPECTED=1 to rewrite the expected files after a deliberate change.

mod common;

use std::path::Path;

use common::*;

fn diagnostics_of(site: &Path) -> String {
    let err = build(site).expect_err("the build should fail");
    let lines: Vec<String> = err
        .diagnostics()
        .iter()
        .filter(|d| d.is_error())
        .map(|d| {
            format!(
                "{}:{}:{}: {}",
                d.file.display(),
                d.line,
                d.column,
                d.message
            )
        })
        .collect();
    assert!(!lines.is_empty(), "no diagnostics in: {err}");
    lines.join("\n") + "\n"
}

fn check_case(name: &str, prepare: impl Fn(&Path)) {
    let site = fixture("basic");
    build(site.path()).unwrap();
    let before = read_tree(&site.path().join("public"));
    let case = repo().join("tests/fixtures/errors").join(name);
    if case.is_dir() {
        copy_tree(&case, site.path());
        let _ = std::fs::remove_file(site.path().join("expected.txt"));
    }
    prepare(site.path());
    let actual = diagnostics_of(site.path());
    let expected_file = case.join("expected.txt");
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        std::fs::create_dir_all(&case).unwrap();
        std::fs::write(&expected_file, &actual).unwrap();
    }
    let expected = std::fs::read_to_string(&expected_file).unwrap_or_default();
    assert_eq!(actual, expected, "case {name}");
    assert_eq!(
        read_tree(&site.path().join("public")),
        before,
        "case {name}: public/ changed"
    );
}

#[test]
fn fluent_syntax_error() {
    check_case("fluent-syntax", |_| {});
}

#[test]
fn tera_syntax_error() {
    check_case("tera-syntax", |_| {});
}

#[test]
fn impossible_date() {
    check_case("bad-date", |_| {});
}

#[test]
fn message_missing_in_every_language() {
    check_case("missing-key", |_| {});
}

#[test]
fn front_matter_names_a_missing_template() {
    check_case("unknown-template", |_| {});
}

#[test]
fn config_with_unknown_default_and_fallback_languages() {
    check_case("bad-config", |_| {});
}

#[test]
fn data_reference_to_a_missing_record() {
    check_case("dangling-data", |_| {});
}

#[test]
fn unknown_front_matter_field() {
    check_case("unknown-field", |_| {});
}

#[test]
fn file_that_is_not_utf8() {
    check_case("not-utf8", |site| {
        std::fs::write(
            site.join("content/latin1.en.md"),
            b"---\ntitle: Caf\xe9\n---\n",
        )
        .unwrap();
    });
}

#[test]
fn symlink_that_escapes_content() {
    check_case("symlink-escape", |site| {
        let outside = site.join("outside.md");
        std::fs::write(&outside, "---\ntitle: Outside\n---\n").unwrap();
        std::os::unix::fs::symlink(&outside, site.join("content/inside.en.md")).unwrap();
    });
}
