//! Discovery: what each file of `content/` is, from its name alone.
//!
//! `about.fr.md` is the French translation of the page `about.md`, `_index.ar.md` the
//! Arabic text of a section, `data/*.yaml` event data, anything else an asset copied as
//! it is. The files themselves were found and read by [`crate::sources`], under its
//! rules; this stage only classifies them.

use std::path::PathBuf;
use std::sync::Arc;

use crate::config::{CONFIG_FILE, Config};
use crate::error::{Diagnostic, Diagnostics};
use crate::sources::Sources;

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
    /// Path on disk.
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
    /// The text of a page or data file (empty for assets).
    pub text: Arc<str>,
    /// The snapshot's version of the file.
    pub version: u64,
    /// When `text` is only the front matter of the file (a build's snapshot), the
    /// digest of the whole, with which the body is read again ([`crate::sources::read_again`]).
    pub body_digest: Option<u64>,
    /// Why the file could not be read, when it could not (data files only).
    pub unread: Option<Diagnostic>,
}

/// Classifies the snapshot's content files, reporting unknown language suffixes; the
/// data files that could not be read come too, marked so.
pub fn discover(config: &Config, sources: &Sources, out: &mut Diagnostics) -> Vec<Source> {
    let unread = sources.unread.iter().filter_map(|(found, d)| {
        let mut ignored = Diagnostics::default();
        let mut source = classify(
            config,
            found.path.clone(),
            found.display.clone(),
            found.rel.clone(),
            &mut ignored,
        )?;
        source.unread = Some(d.clone());
        Some(source)
    });
    let unread: Vec<Source> = unread.collect();
    sources
        .content
        .iter()
        .filter_map(|file| {
            let mut source = classify(
                config,
                file.found.path.clone(),
                file.found.display.clone(),
                file.found.rel.clone(),
                out,
            )?;
            source.text = file.shared_text();
            source.version = file.version;
            source.body_digest = file.head_digest();
            Some(source)
        })
        .chain(unread)
        .collect()
}

fn classify(
    config: &Config,
    path: PathBuf,
    display: PathBuf,
    rel: String,
    out: &mut Diagnostics,
) -> Option<Source> {
    let default = config.default_language.clone();
    if let Some(name) = rel.strip_prefix("data/")
        && (name.ends_with(".yaml") || name.ends_with(".yml"))
    {
        return Some(Source {
            key: rel.clone(),
            path,
            display,
            rel,
            lang: default,
            kind: SourceKind::Data,
            text: Arc::from(""),
            version: 0,
            body_digest: None,
            unread: None,
        });
    }
    let Some(stem_with_lang) = rel.strip_suffix(".md") else {
        return Some(Source {
            key: rel.clone(),
            path,
            display,
            rel,
            lang: default,
            kind: SourceKind::Asset,
            text: Arc::from(""),
            version: 0,
            body_digest: None,
            unread: None,
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
        text: Arc::from(""),
        version: 0,
        body_digest: None,
        unread: None,
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
