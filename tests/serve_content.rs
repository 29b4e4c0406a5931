//! The preview server's rebuilds with images, shortcodes and pagination: after each edit
//! the site in memory equals a full build byte for byte, and the pages that show the
//! edit changed.

mod common;
mod content_support;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use hexaglot::driver::{Driver, Outcome};
use hexaglot::output::OutputFile;

fn full_build(root: &Path) -> BTreeMap<String, Vec<u8>> {
    hexaglot::generate(&hexaglot::Options::new(root))
        .unwrap_or_else(|e| panic!("{e}"))
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

fn assert_same_as_full_build(site: &Driver, root: &Path) {
    let full = full_build(root);
    let memory: BTreeMap<String, Vec<u8>> = site
        .files()
        .iter()
        .map(|(p, b)| (p.clone(), b.to_vec()))
        .collect();
    assert_eq!(
        memory.keys().collect::<Vec<_>>(),
        full.keys().collect::<Vec<_>>(),
        "the same files"
    );
    for (path, bytes) in &full {
        assert!(memory[path] == *bytes, "{path} differs from a full build");
    }
}

fn rebuild(site: &mut Driver, changed: &[PathBuf]) -> Outcome {
    let changed: HashSet<PathBuf> = changed.iter().cloned().collect();
    site.rebuild(&changed).unwrap_or_else(|e| panic!("{e}"))
}

fn edit(root: &Path, rel: &str, from: &str, to: &str) -> PathBuf {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} has no `{from}`");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    path
}

#[test]
fn edits_to_shortcodes_images_fluent_and_lists_match_a_full_build() {
    let dir = content_support::site();
    let root = dir.path();
    let mut site = Driver::incremental(hexaglot::Options::new(root));
    site.verify_dependencies();
    rebuild(&mut site, &[]);
    assert_same_as_full_build(&site, root);

    // A shortcode's template: the pages whose text calls it.
    let note = edit(
        root,
        "themes/agora/templates/shortcodes/note.html",
        "<aside class=",
        "<aside data-edited class=",
    );
    let outcome = rebuild(&mut site, &[note]);
    assert!(
        outcome.changed.contains(&"en/guide/index.html".to_string()),
        "{:?}",
        outcome.changed
    );
    assert!(!outcome.changed.contains(&"en/venue/index.html".to_string()));
    assert_same_as_full_build(&site, root);

    // A Fluent message a shortcode shows.
    let fluent = edit(
        root,
        "themes/agora/locales/fr/content.ftl",
        "Lire la vidéo",
        "Regarder la vidéo",
    );
    let outcome = rebuild(&mut site, &[fluent]);
    assert!(
        outcome.changed.contains(&"fr/guide/index.html".to_string()),
        "{:?}",
        outcome.changed
    );
    assert_same_as_full_build(&site, root);

    // An image replaced by one of another size: its versions and the pages showing it.
    let hall = root.join("content/venue/hall.jpg");
    content_support::photo(1200, 900, 5).save(&hall).unwrap();
    let outcome = rebuild(&mut site, &[hall]);
    assert!(
        outcome.changed.contains(&"ar/venue/index.html".to_string()),
        "{:?}",
        outcome.changed
    );
    assert!(
        outcome.changed.contains(&"venue/hall.800w.jpg".to_string()),
        "{:?}",
        outcome.changed
    );
    assert_same_as_full_build(&site, root);

    // A new post: the paginated list gets a fourth page.
    let post = root.join("content/news/post-6.en.md");
    std::fs::write(&post, "---\ntitle: Post 6\ndate: 2021-06-10\n---\n\nSix.\n").unwrap();
    let outcome = rebuild(&mut site, &[post]);
    assert!(
        outcome
            .changed
            .iter()
            .any(|p| p == "en/news/page/3/index.html"),
        "{:?}",
        outcome.changed
    );
    assert!(site.files().contains_key("zh/news/page/3/index.html"));
    assert_same_as_full_build(&site, root);
}
