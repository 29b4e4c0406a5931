//! Helpers shared by the integration tests: copy a fixture site, build it, read and
//! parse the output.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use scraper::{Html, Selector};

pub mod http;
pub mod tools;

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies `tests/fixtures/<name>` (or any folder) into a fresh temporary folder.
pub fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("tests/fixtures").join(name), dir.path());
    dir
}

/// A fixture site dressed with the repository's forum theme and UI strings.
pub fn fixture_with_forum_theme(name: &str) -> tempfile::TempDir {
    let dir = fixture(name);
    for part in ["locales", "themes"] {
        copy_tree(&repo().join(part), &dir.path().join(part));
    }
    dir
}

/// Copies the forum site (content, locales, themes) into a fresh temporary folder.
pub fn forum_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for part in ["content", "locales", "themes"] {
        copy_tree(&repo().join(part), &dir.path().join(part));
    }
    dir
}

/// Recursively copies `from` into `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Builds the site at `root` into `root/public`.
pub fn build(root: &Path) -> Result<hexaglot::Report, hexaglot::Error> {
    hexaglot::build(&hexaglot::Options::new(root))
}

/// Every file of a tree: relative path → bytes.
pub fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Parses an output page.
pub fn page(public: &Path, rel: &str) -> Html {
    let path = public.join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Html::parse_document(&text)
}

/// All elements matching `selector`, as (attribute value) for `attr`.
pub fn attrs(doc: &Html, selector: &str, attr: &str) -> Vec<String> {
    let sel = Selector::parse(selector).unwrap();
    doc.select(&sel)
        .filter_map(|e| e.value().attr(attr).map(str::to_string))
        .collect()
}

/// The text of every element matching `selector`.
pub fn texts(doc: &Html, selector: &str) -> Vec<String> {
    let sel = Selector::parse(selector).unwrap();
    doc.select(&sel)
        .map(|e| e.text().collect::<String>())
        .collect()
}

/// The file a root-relative URL path points to in `public`, if it exists.
pub fn file_for(public: &Path, href: &str, base_path: &str) -> Option<PathBuf> {
    let path = href.split('#').next()?;
    let rel = path.strip_prefix(base_path)?;
    let mut file = public.join(rel);
    if path.ends_with('/') {
        file = file.join("index.html");
    }
    file.is_file().then_some(file)
}

/// Every HTML file of the output.
pub fn html_files(public: &Path) -> Vec<String> {
    read_tree(public)
        .into_keys()
        .filter(|k| k.ends_with(".html"))
        .collect()
}
