//! Text shown in another language than the page's, because the page's language lacks
//! it, carries that language and is isolated: a Fluent message (a `<span lang dir>` in
//! text, Unicode isolates in an attribute) and a data text (a role beside a name, with
//! the dash in the page's direction).

mod common;

use std::path::Path;

use common::*;

/// A site made by `init` in French, Spanish and Arabic (French the default, so the
/// language the others fall back to).
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    hexaglot::init::init(
        &hexaglot::init::InitOptions {
            dir: dir.path().to_path_buf(),
            languages: Some(hexaglot::init::split("fr,es,ar")),
            default: Some("fr".into()),
            ..Default::default()
        },
        None,
    )
    .unwrap();
    dir
}

/// Removes the lines of `file` that start with `prefix`.
fn remove_lines(root: &Path, file: &str, prefix: &str) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with(prefix)).collect();
    assert!(
        kept.len() < text.lines().count(),
        "{file} has no line `{prefix}`"
    );
    std::fs::write(&path, kept.join("\n") + "\n").unwrap();
}

#[test]
fn a_fallback_message_carries_its_language_in_text_and_is_isolated_in_an_attribute() {
    let site = site();
    let root = site.path();
    // The Spanish site lacks a menu label of the site and a label of the theme.
    remove_lines(root, "locales/es/site.ftl", "nav-about =");
    remove_lines(
        root,
        "themes/agora/locales/es/theme.ftl",
        "language-nav-label =",
    );
    build(root).unwrap();
    let public = root.join("public");
    let es = page(&public, "es/index.html");
    // What the user guide shows is what the page holds.
    let guide = std::fs::read_to_string(repo().join("docs/languages.md")).unwrap();
    let shown = guide
        .split("```html tested-by=tests/fallback.rs\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("docs/languages.md shows the fallback label");
    let html = std::fs::read_to_string(public.join("es/index.html")).unwrap();
    assert!(html.contains(shown), "es/index.html does not hold {shown}");
    let french = "span[lang=fr][dir=ltr]";
    let in_menu = texts(&es, &format!("nav a {french}"));
    assert_eq!(in_menu, ["À propos"], "the French label, marked");
    // The other labels are Spanish, unmarked.
    assert!(texts(&es, "nav a").iter().any(|t| t == "Inicio"));
    assert!(texts(&es, "nav a span[lang]").len() == 1);
    // In an attribute, markup cannot be: the label is isolated.
    assert_eq!(
        attrs(&es, "nav.languages", "aria-label"),
        ["\u{2066}Langues\u{2069}"]
    );
    // No mark is left anywhere, in any file.
    for (file, bytes) in read_tree(&public) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.chars().any(|c| ('\u{FDD0}'..='\u{FDEF}').contains(&c)),
            "{file} holds a fallback mark"
        );
    }
    // A page whose language has every message has no span of another language.
    let fr = page(&public, "index.html");
    assert!(texts(&fr, "nav span[lang]").is_empty());
    // `check` reports the two missing messages, and nothing the marks would cause
    // (text left unisolated, markup where it cannot be).
    let report = hexaglot::check::check(&hexaglot::Options::new(root)).unwrap();
    let errors: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        errors,
        [
            "message `language-nav-label` is used by the site but missing in `es`",
            "message `nav-about` is used by the site but missing in `es`"
        ],
        "{}",
        report.render(hexaglot::check::Format::Table)
    );
}

#[test]
fn a_role_in_another_language_keeps_the_dash_beside_the_name() {
    let site = site();
    let root = site.path();
    // Nadia Haddad's role has no Arabic: the Arabic pages show the French one.
    remove_lines(root, "content/data/people.yaml", "    ar: متحدثة");
    build(root).unwrap();
    let public = root.join("public");
    let organization = html_files(&public)
        .into_iter()
        .find(|f| f.starts_with("ar/") && f.contains("example-organizer"))
        .expect("the organization's Arabic page");
    let doc = page(&public, &organization);
    // The .role element, whose ::before writes the dash, stays in the page's direction;
    // the role's own language and direction are on a span inside it.
    let role = scraper::Selector::parse(".people-list .role").unwrap();
    let roles: Vec<_> = doc.select(&role).collect();
    assert!(!roles.is_empty(), "{organization} lists no role");
    for r in &roles {
        assert_eq!(r.value().attr("dir"), None, "{}", r.html());
        assert_eq!(r.value().attr("lang"), None, "{}", r.html());
    }
    assert_eq!(
        texts(&doc, ".people-list .role > span[lang=fr][dir=ltr]"),
        ["Intervenante (exemple)"]
    );
}
