//! Driver rebuilds (the preview server's): after every kind of edit, the site in
//! memory equals a full build byte for byte, and only the files that show the edit were
//! rendered again.

mod common;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use common::*;
use hexaglot::driver::{Driver, Outcome};
use hexaglot::output::OutputFile;

/// The site a full build makes, in memory.
fn full_build(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let generated = hexaglot::generate(&hexaglot::Options::new(root)).unwrap();
    generated
        .files
        .into_iter()
        .map(|(path, file)| {
            let bytes = match file {
                OutputFile::Bytes(b) => b,
                OutputFile::Copy(p, _) => std::fs::read(p).unwrap(),
            };
            (path.as_str().to_string(), bytes)
        })
        .collect()
}

fn in_memory(site: &Driver) -> BTreeMap<String, Vec<u8>> {
    site.files()
        .iter()
        .map(|(p, b)| (p.clone(), b.to_vec()))
        .collect()
}

/// Asserts that the incremental site equals a full build, naming the first difference.
fn assert_same_as_full_build(site: &Driver, root: &Path) {
    let full = full_build(root);
    let incremental = in_memory(site);
    let full_keys: Vec<&String> = full.keys().collect();
    let incremental_keys: Vec<&String> = incremental.keys().collect();
    assert_eq!(incremental_keys, full_keys, "the same files");
    for (path, bytes) in &full {
        assert!(
            incremental[path] == *bytes,
            "{path} differs from a full build:\n{}",
            String::from_utf8_lossy(&incremental[path])
        );
    }
}

/// Replaces `from` by `to` in a file of the site and returns the file's path.
fn edit(root: &Path, rel: &str, from: &str, to: &str) -> PathBuf {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} has no `{from}`");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    path
}

fn rebuild(site: &mut Driver, changed: &[PathBuf]) -> Outcome {
    let changed: HashSet<PathBuf> = changed.iter().cloned().collect();
    site.rebuild(&changed).unwrap_or_else(|e| panic!("{e}"))
}

fn start(root: &Path) -> Driver {
    let mut site = Driver::incremental(hexaglot::Options::new(root));
    site.verify_dependencies();
    let first = rebuild(&mut site, &[]);
    assert_eq!(
        first.rendered, first.jobs,
        "the first build renders everything"
    );
    assert_same_as_full_build(&site, root);
    site
}

#[test]
fn an_edit_to_a_page_body_rerenders_that_page_only() {
    let dir = fixture("basic");
    let mut site = start(dir.path());
    let path = edit(
        dir.path(),
        "content/news/second.en.md",
        "Text.",
        "New text.",
    );
    let outcome = rebuild(&mut site, &[path]);
    // Every language shows the English text of this untranslated page; the English
    // Atom feed carries the text of this dated page.
    assert_eq!(
        outcome.changed,
        [
            "ar/news/second/index.html",
            "en/atom.xml",
            "en/news/second/index.html",
            "fr/news/second/index.html",
            "ru/news/second/index.html"
        ]
    );
    assert_eq!(outcome.rendered, 4, "{:?}", outcome.changed);
    assert_eq!(outcome.parsed, 1);
    assert_eq!(outcome.markdown, 4);
    assert_same_as_full_build(&site, dir.path());
}

#[test]
fn a_new_title_reaches_the_section_that_lists_the_page() {
    let dir = fixture("basic");
    let mut site = start(dir.path());
    let path = edit(
        dir.path(),
        "content/news/second.en.md",
        "title: Second",
        "title: Second edition",
    );
    let outcome = rebuild(&mut site, &[path]);
    for lang in ["en", "fr", "ar", "ru"] {
        assert!(
            outcome
                .changed
                .contains(&format!("{lang}/news/second/index.html")),
            "{:?}",
            outcome.changed
        );
        assert!(
            outcome.changed.contains(&format!("{lang}/news/index.html")),
            "{:?}",
            outcome.changed
        );
    }
    assert!(
        !outcome
            .changed
            .iter()
            .any(|p| p.contains("about") || p.contains("propos")),
        "{:?}",
        outcome.changed
    );
    assert_same_as_full_build(&site, dir.path());
}

#[test]
fn a_new_slug_reaches_the_pages_that_link_to_the_page() {
    let dir = fixture("basic");
    let mut site = start(dir.path());
    let path = edit(
        dir.path(),
        "content/about.fr.md",
        "slug: a-propos",
        "slug: qui-sommes-nous",
    );
    let outcome = rebuild(&mut site, &[path]);
    // The French home links to the page with `@/about.md`.
    assert!(
        outcome.changed.contains(&"fr/index.html".to_string()),
        "{:?}",
        outcome.changed
    );
    assert!(
        outcome
            .changed
            .contains(&"fr/qui-sommes-nous/index.html".to_string())
    );
    assert_eq!(outcome.removed, ["fr/a-propos/index.html"]);
    let fr_home = String::from_utf8(site.files()["fr/index.html"].to_vec()).unwrap();
    assert!(fr_home.contains("/fr/qui-sommes-nous/"), "{fr_home}");
    assert_same_as_full_build(&site, dir.path());
}

#[test]
fn a_fluent_edit_rerenders_the_pages_of_that_language_only() {
    let dir = fixture("basic");
    let mut site = start(dir.path());
    let path = edit(
        dir.path(),
        "locales/fr/main.ftl",
        "nav-home = Accueil",
        "nav-home = Page d’accueil",
    );
    let outcome = rebuild(&mut site, &[path]);
    assert!(!outcome.changed.is_empty());
    assert!(
        outcome.changed.iter().all(|p| p.starts_with("fr/")),
        "{:?}",
        outcome.changed
    );
    assert!(
        outcome.rendered < outcome.jobs / 2,
        "{} of {}",
        outcome.rendered,
        outcome.jobs
    );
    assert_same_as_full_build(&site, dir.path());
}

#[test]
fn a_template_edit_rerenders_the_pages_that_use_it() {
    let dir = fixture("basic");
    let mut site = start(dir.path());
    let path = edit(
        dir.path(),
        "themes/plain/templates/tag.html",
        "<ul class=\"pages\">",
        "<ul class=\"pages tagged\">",
    );
    let outcome = rebuild(&mut site, &[path]);
    assert!(!outcome.changed.is_empty());
    assert!(
        outcome.changed.iter().all(|p| p.contains("/tags/")),
        "{:?}",
        outcome.changed
    );
    assert_same_as_full_build(&site, dir.path());
    let path = edit(
        dir.path(),
        "themes/plain/templates/base.html",
        "<main>",
        "<main class=\"main\">",
    );
    let outcome = rebuild(&mut site, &[path]);
    assert_eq!(
        outcome.rendered, outcome.jobs,
        "every template extends base.html"
    );
    assert_same_as_full_build(&site, dir.path());
}

#[test]
fn pages_added_and_removed_and_config_edits_match_a_full_build() {
    let dir = fixture("basic");
    let mut site = start(dir.path());
    let new = dir.path().join("content/news/third.en.md");
    std::fs::write(
        &new,
        "---\ntitle: Third\ndate: 2021-07-01\ntags: [Forum]\n---\nSee [about](@/about.md).\n",
    )
    .unwrap();
    let outcome = rebuild(&mut site, std::slice::from_ref(&new));
    assert!(
        outcome
            .changed
            .contains(&"en/news/third/index.html".to_string()),
        "{:?}",
        outcome.changed
    );
    assert_same_as_full_build(&site, dir.path());

    std::fs::remove_file(&new).unwrap();
    let outcome = rebuild(&mut site, &[new]);
    assert!(
        outcome
            .removed
            .contains(&"en/news/third/index.html".to_string()),
        "{:?}",
        outcome.removed
    );
    assert_same_as_full_build(&site, dir.path());

    let path = edit(
        dir.path(),
        "content/site.yaml",
        "title: {en: Basic,",
        "title: {en: Basic site,",
    );
    let outcome = rebuild(&mut site, &[path]);
    assert_eq!(outcome.rendered, outcome.jobs);
    assert_same_as_full_build(&site, dir.path());
}

#[test]
fn a_broken_file_keeps_the_last_good_site_until_it_is_fixed() {
    let dir = fixture("basic");
    let mut site = start(dir.path());
    let before = in_memory(&site);
    let path = edit(
        dir.path(),
        "content/about.en.md",
        "tags: [Civil society, Forum]",
        "tags: [Civil society, Forum",
    );
    let changed: HashSet<PathBuf> = [path.clone()].into();
    let error = site.rebuild(&changed).err().expect("broken YAML fails");
    let d = &error.diagnostics()[0];
    // libyaml notices the missing `]` at the start of the next line.
    assert_eq!(
        (d.file.to_str().unwrap(), d.line),
        ("content/about.en.md", 4),
        "{error}"
    );
    assert_eq!(in_memory(&site), before, "the last good site is kept");
    // Still broken, and reported again, when another file changes.
    let other = edit(
        dir.path(),
        "content/news/second.en.md",
        "Text.",
        "Other text.",
    );
    assert!(site.rebuild(&[other.clone()].into()).is_err());
    edit(dir.path(), "content/about.en.md", "Forum\n", "Forum]\n");
    let outcome = rebuild(&mut site, &[path, other]);
    assert!(
        outcome
            .changed
            .contains(&"en/news/second/index.html".to_string()),
        "{:?}",
        outcome.changed
    );
    assert_same_as_full_build(&site, dir.path());
}

#[test]
fn forum_site_edits_match_a_full_build() {
    let dir = forum_site();
    let mut site = start(dir.path());
    let path = edit(
        dir.path(),
        "content/contact.fr.md",
        "title:",
        "title: Nous écrire —",
    );
    let outcome = rebuild(&mut site, &[path]);
    assert!(
        outcome.changed.iter().all(|p| p.starts_with("fr/")),
        "{:?}",
        outcome.changed
    );
    assert!(
        outcome.rendered <= 3,
        "{} rendered: {:?}",
        outcome.rendered,
        outcome.changed
    );
    assert_same_as_full_build(&site, dir.path());
    // Event data shows on many pages.
    let data = std::fs::read_to_string(dir.path().join("content/data/tracks.yaml")).unwrap();
    let first_en = data
        .lines()
        .find(|l| l.trim_start().starts_with("en:"))
        .unwrap()
        .to_string();
    let path = edit(
        dir.path(),
        "content/data/tracks.yaml",
        &first_en,
        &format!("{first_en} (edited)"),
    );
    rebuild(&mut site, &[path]);
    assert_same_as_full_build(&site, dir.path());
}

#[test]
fn a_tag_change_reaches_the_tag_pages_and_the_pages_that_share_the_tag() {
    let dir = fixture("basic");
    let mut site = start(dir.path());
    let path = edit(
        dir.path(),
        "content/about.en.md",
        "tags: [Civil society, Forum]",
        "tags: [Civil society]",
    );
    let outcome = rebuild(&mut site, &[path]);
    // `only-en` keeps the tag `Forum`, now on one page instead of two.
    assert!(
        outcome
            .changed
            .contains(&"en/tags/forum/index.html".to_string()),
        "{:?}",
        outcome.changed
    );
    assert!(
        outcome.changed.contains(&"en/tags/index.html".to_string()),
        "{:?}",
        outcome.changed
    );
    assert_same_as_full_build(&site, dir.path());
}

/// The published name of the theme's stylesheet in the site in memory.
fn stylesheet(site: &Driver) -> String {
    let files = in_memory(site);
    let names: Vec<&String> = files
        .keys()
        .filter(|k| k.starts_with("style.") && k.ends_with(".css"))
        .collect();
    assert_eq!(names.len(), 1, "one stylesheet: {names:?}");
    names[0].clone()
}

#[test]
fn a_stylesheet_edit_renames_it_on_every_page_and_drops_the_old_name() {
    let dir = forum_site();
    let mut site = start(dir.path());
    let old = stylesheet(&site);
    let path = edit(
        dir.path(),
        "themes/agora/static/style.css",
        ":root {",
        "/* edited */\n:root {",
    );
    let outcome = rebuild(&mut site, &[path]);
    let new = stylesheet(&site);
    assert_ne!(new, old, "a new content gives a new name");
    let files = in_memory(&site);
    let pages: Vec<(&String, String)> = files
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, String::from_utf8_lossy(b).into_owned()))
        // Redirect pages link no stylesheet.
        .filter(|(_, html)| html.contains("rel=\"stylesheet\""))
        .collect();
    assert!(pages.len() > 100, "the forum's pages: {}", pages.len());
    for (path, html) in &pages {
        assert!(
            !html.contains(&old),
            "{path} still links the old stylesheet {old}"
        );
        assert!(
            html.contains(&new),
            "{path} does not link the new stylesheet {new}"
        );
    }
    assert!(
        outcome.rendered >= pages.len(),
        "every page is rendered again"
    );
    assert_same_as_full_build(&site, dir.path());
}

/// The preview server's own run, without verification: a body edit renders that page,
/// lends every other entry's HTML to the search indexes and feeds as it was, and keeps
/// the search index of each language that does not show the page.
#[test]
fn text_title_and_description_edits_without_verification_match_a_full_build() {
    let dir = forum_site();
    let mut site = Driver::incremental(hexaglot::Options::new(dir.path()));
    rebuild(&mut site, &[]);
    let edits = [
        (
            "fr",
            "content/about.fr.md",
            "l’ordre du jour",
            "l’ordre du jour détaillé",
        ),
        (
            "zh",
            "content/about.zh.md",
            "论坛的形式",
            "论坛的形式（修订）",
        ),
        ("fr", "content/about.fr.md", "du jour détaillé", "du jour"),
        (
            "fr",
            "content/about.fr.md",
            "title: \"À propos",
            "title: \"Tout à propos",
        ),
        (
            "zh",
            "content/about.zh.md",
            "description: \"信息社会世界峰会论坛",
            "description: \"论坛",
        ),
        (
            "fr",
            "content/about.fr.md",
            "title: \"Tout à propos",
            "title: \"À propos",
        ),
    ];
    for (lang, rel, from, to) in edits {
        let path = edit(dir.path(), rel, from, to);
        let outcome = rebuild(&mut site, &[path]);
        let index = |l: &str| format!("{l}/search/index.json");
        assert!(
            outcome.changed.contains(&index(lang)),
            "{rel}: {:?}",
            outcome.changed
        );
        assert!(
            !outcome.changed.contains(&index("en")),
            "{rel}: {:?}",
            outcome.changed
        );
        assert!(
            outcome.rendered < outcome.jobs / 4,
            "{rel}: {} of {} pages rendered",
            outcome.rendered,
            outcome.jobs
        );
        assert_same_as_full_build(&site, dir.path());
    }
}

#[test]
fn a_new_title_reorders_a_section_sorted_by_title() {
    let dir = fixture("basic");
    // With every page's context checked, and as the preview server runs.
    let mut checked = start(dir.path());
    let mut served = Driver::incremental(hexaglot::Options::new(dir.path()));
    rebuild(&mut served, &[]);
    let section = edit(
        dir.path(),
        "content/news/_index.en.md",
        "sort_by: date",
        "sort_by: title",
    );
    for site in [&mut checked, &mut served] {
        rebuild(site, std::slice::from_ref(&section));
        assert_same_as_full_build(site, dir.path());
    }
    let list =
        |site: &Driver| String::from_utf8(site.files()["en/news/index.html"].to_vec()).unwrap();
    let before = list(&served);
    assert!(before.find("Only in English") < before.find("Second"));
    // "A second look" comes before "Only in English".
    let path = edit(
        dir.path(),
        "content/news/second.en.md",
        "title: Second",
        "title: A second look",
    );
    for site in [&mut checked, &mut served] {
        let outcome = rebuild(site, std::slice::from_ref(&path));
        assert!(
            outcome.changed.contains(&"en/news/index.html".to_string()),
            "{:?}",
            outcome.changed
        );
        let after = list(site);
        let (first, then) = (after.find("A second look"), after.find("Only in English"));
        assert!(first.is_some() && first < then, "{after}");
        assert_same_as_full_build(site, dir.path());
    }
}
