//! Bad input for the deploy features: each case under tests/fixtures/deploy-errors/<case>/
//! is laid over the basic fixture site; the build must fail with exactly the diagnostics
//! of the case's `expected.txt` and leave public/ as it was. UPDATE_EXPECTED=1 rewrites
//! the expected files after a deliberate change.

mod common;

use common::*;

fn check_case(name: &str) {
    let site = fixture("basic");
    build(site.path()).unwrap();
    let before = read_tree(&site.path().join("public"));
    let case = repo().join("tests/fixtures/deploy-errors").join(name);
    copy_tree(&case, site.path());
    let _ = std::fs::remove_file(site.path().join("expected.txt"));
    let err = build(site.path()).expect_err("the build should fail");
    let actual: String = err
        .diagnostics()
        .iter()
        .filter(|d| d.is_error())
        .map(|d| {
            format!(
                "{}:{}:{}: {}\n",
                d.file.display(),
                d.line,
                d.column,
                d.message
            )
        })
        .collect();
    let expected_file = case.join("expected.txt");
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        std::fs::write(&expected_file, &actual).unwrap();
    }
    assert_eq!(
        actual,
        std::fs::read_to_string(&expected_file).unwrap_or_default(),
        "case {name}"
    );
    assert_eq!(
        read_tree(&site.path().join("public")),
        before,
        "case {name}: public/ changed"
    );
}

/// A template asks for a static file the theme does not have: the message names the
/// template, its line and the files there are.
#[test]
fn unknown_asset() {
    check_case("unknown-asset");
}

/// A theme with a search page needs the search messages in every language.
#[test]
fn search_messages_missing() {
    check_case("search-messages-missing");
}

/// A content page whose URL is the search page's.
#[test]
fn search_url_taken() {
    check_case("search-url-taken");
}
