//! Discovery: which files make up the site.
//!
//! Walks `content/` with walkdir and classifies every file by its name alone:
//! `about.fr.md` is the French translation of the page `about.md`, `_index.ar.md` the
//! Arabic text of a section, `data/*.yaml` event data, anything else an asset copied as
//! is. No file is read here except to check that it stays inside `content/`.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::config::{CONFIG_FILE, Config};
use crate::error::{Diagnostic, Diagnostics, Error};

/// What a discovered file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// A Markdown page (`about.en.md`).
    Page,
    /// The Markdown text of a section (`_index.en.md`).
    Section,
    /// An event data file (`data/sessions.yaml`).
    Data,
    /// Any other file, copied to the output at the same path.
    Asset,
}

/// One file of the site.
#[derive(Debug, Clone)]
pub struct Source {
    /// Absolute (or root-joined) path on disk.
    pub path: PathBuf,
    /// Path relative to the site root, for messages (`content/about.fr.md`).
    pub display: PathBuf,
    /// Path relative to `content/`, with `/` separators (`blog/post.fr.md`).
    pub rel: String,
    /// The page's key: `rel` without the language suffix (`blog/post.md`).
    pub key: String,
    /// Language code from the suffix, or the default language.
    pub lang: String,
    /// What kind of file this is.
    pub kind: SourceKind,
}

/// Lists the site's sources in a stable order, reporting unknown language suffixes and
/// files that escape `content/` through symbolic links.
pub fn discover(config: &Config, out: &mut Diagnostics) -> Result<Vec<Source>, Error> {
    let content = config.root.join("content");
    let canonical_content =
        std::fs::canonicalize(&content).map_err(|e| Error::io("read", &content, e))?;
    let mut sources = Vec::new();
    let walker = WalkDir::new(&content)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !is_hidden(e.file_name()));
    for entry in walker {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(&content).to_path_buf();
            Error::io("read", &path, e.into())
        })?;
        if entry.file_type().is_dir() {
            continue;
        }
        let path = entry.path().to_path_buf();
        let rel_path = path.strip_prefix(&content).unwrap_or(&path);
        let Some(rel) = rel_path.to_str().map(|s| s.replace('\\', "/")) else {
            out.push(Diagnostic::error(
                Path::new("content").join(rel_path),
                "the file name is not valid UTF-8",
            ));
            continue;
        };
        let display = Path::new("content").join(&rel);
        if display == Path::new(CONFIG_FILE) {
            continue;
        }
        if entry.path_is_symlink() {
            let target = std::fs::canonicalize(&path).ok();
            if !target.is_some_and(|t| t.starts_with(&canonical_content)) {
                out.push(
                    Diagnostic::error(&display, "this symbolic link points outside content/")
                        .at("", 1, 1)
                        .hint("copy the file into content/ instead of linking to it"),
                );
                continue;
            }
        }
        if let Some(source) = classify(config, path, display, rel, out) {
            sources.push(source);
        }
    }
    Ok(sources)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .is_some_and(|n| n.starts_with('.') || n.ends_with('~'))
}

fn classify(
    config: &Config,
    path: PathBuf,
    display: PathBuf,
    rel: String,
    out: &mut Diagnostics,
) -> Option<Source> {
    let default = config.default_language.clone();
    if let Some(name) = rel.strip_prefix("data/") {
        if name.ends_with(".yaml") || name.ends_with(".yml") {
            return Some(Source {
                key: rel.clone(),
                path,
                display,
                rel,
                lang: default,
                kind: SourceKind::Data,
            });
        }
    }
    let Some(stem_with_lang) = rel.strip_suffix(".md") else {
        return Some(Source {
            key: rel.clone(),
            path,
            display,
            rel,
            lang: default,
            kind: SourceKind::Asset,
        });
    };
    let (dir, file_stem) = match stem_with_lang.rfind('/') {
        Some(i) => (&stem_with_lang[..=i], &stem_with_lang[i + 1..]),
        None => ("", stem_with_lang),
    };
    let (stem, lang) = match file_stem.rsplit_once('.') {
        Some((stem, suffix)) if config.has_language(suffix) => (stem, suffix.to_string()),
        Some((_, suffix)) if looks_like_language(suffix) => {
            let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
            out.push(
                Diagnostic::error(
                    &display,
                    format!("unknown language suffix `.{suffix}` in the file name"),
                )
                .at("", 1, 1)
                .hint(format!(
                    "the site's languages are {}; add `{suffix}` to `languages` in {CONFIG_FILE} or rename the file",
                    codes.join(", ")
                )),
            );
            return None;
        }
        _ => (file_stem, default),
    };
    let kind = if stem == "_index" {
        SourceKind::Section
    } else {
        SourceKind::Page
    };
    Some(Source {
        key: format!("{dir}{stem}.md"),
        path,
        display,
        rel,
        lang,
        kind,
    })
}

/// Whether a file-name suffix has the shape of a BCP 47 code (`fr`, `zh-Hant`, `pt-BR`).
fn looks_like_language(suffix: &str) -> bool {
    let mut parts = suffix.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=4).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_shaped_suffixes() {
        assert!(looks_like_language("de"));
        assert!(looks_like_language("pt-BR"));
        assert!(!looks_like_language("draft1"));
        assert!(!looks_like_language("v2x4"));
    }
}
