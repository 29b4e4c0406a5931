//! From a problem in the generated HTML back to the source file and line that caused it.
//!
//! The output keeps no source map, so [`Texts::locate`] searches for what the reader
//! sees (a URL, an anchor, a phone number) in the files that can have put it there, in
//! the order a page is made of: the page's own Markdown, the Fluent messages of its
//! language, the event data, the templates, the site's configuration (the page last for
//! text the build left unisolated, which its Markdown text cannot be). Each needle is
//! tried in every file before the next, so a caller passes the most telling first (the
//! whole text around a token, then the token). The first file that contains it wins; a
//! problem found nowhere is reported against the page's file (or the output file)
//! without a line.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::content::Page;

/// Which sources may hold the text, besides the page's own file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// URLs: written in the page or in a template.
    Markup,
    /// Running text the build did not isolate: Fluent messages, data, templates,
    /// configuration, and the page last, since the build isolates the page's Markdown
    /// text and only its raw HTML can be the cause.
    Unisolated,
}

/// A place in a source file.
#[derive(Debug, Clone)]
pub struct Place<'a> {
    /// The file, relative to the site root.
    pub file: PathBuf,
    /// Its text and the byte offset found, when found.
    pub at: Option<(&'a str, usize)>,
    /// Whether the text was found in the page's own Markdown file.
    pub in_page: bool,
}

/// The texts of the sources a page is made of, from the snapshot.
pub struct Texts {
    /// Template name → its file and text.
    templates: BTreeMap<String, (PathBuf, String)>,
    locales: BTreeMap<String, Vec<(PathBuf, String)>>,
    data: Vec<(PathBuf, String)>,
    config: (PathBuf, String),
}

impl Texts {
    /// The templates, data files and configuration of the snapshot; `locales` are the
    /// `.ftl` files per language already gathered by the catalog.
    pub fn new(
        sources: &crate::sources::Sources,
        locales: BTreeMap<String, Vec<(PathBuf, String)>>,
    ) -> Texts {
        let pair = |f: &crate::sources::File| (f.found.display.clone(), f.text().to_string());
        Texts {
            templates: sources
                .templates
                .iter()
                .map(|(name, f)| (name.clone(), pair(f)))
                .collect(),
            locales,
            data: sources
                .content
                .iter()
                .filter(|f| f.found.rel.starts_with("data/"))
                .map(pair)
                .collect(),
            config: (
                PathBuf::from(crate::config::CONFIG_FILE),
                sources.config_text().to_string(),
            ),
        }
    }

    /// The templates by name, with their files and texts.
    pub fn templates(&self) -> &BTreeMap<String, (PathBuf, String)> {
        &self.templates
    }

    /// Where the first of `needles` is found, trying each needle in every source before
    /// the next needle. `page` is the text shown on the page; `used` the templates it
    /// was rendered with (all of them when unknown), the only ones searched; `fallback`
    /// names the file to blame when nothing is found.
    pub fn locate<'a>(
        &'a self,
        page: Option<&'a Page>,
        used: Option<&BTreeSet<&str>>,
        lang: &str,
        needles: &[&str],
        scope: Scope,
        fallback: &Path,
    ) -> Place<'a> {
        let page_source = page.map(|p| (p.source.display.as_path(), &*p.text, p.body_start));
        for needle in needles.iter().filter(|n| !n.is_empty()) {
            let page_last = scope == Scope::Unisolated;
            if page_last && let Some(place) = self.in_others(needle, lang, scope, used) {
                return place;
            }
            if let Some((file, text, body_start)) = page_source {
                // The body first: a title rarely holds the culprit, and a front-matter
                // key could match by accident.
                let found = find_whole(&text[body_start..], needle, false)
                    .map(|i| i + body_start)
                    .or_else(|| find_whole(text, needle, false));
                if let Some(offset) = found {
                    return Place {
                        file: file.to_path_buf(),
                        at: Some((text, offset)),
                        in_page: true,
                    };
                }
            }
            if !page_last && let Some(place) = self.in_others(needle, lang, scope, used) {
                return place;
            }
        }
        let file = page.map_or_else(|| fallback.to_path_buf(), |p| p.source.display.clone());
        Place {
            file,
            at: None,
            in_page: false,
        }
    }

    /// `needle` in the sources other than the page.
    fn in_others<'a>(
        &'a self,
        needle: &str,
        lang: &str,
        scope: Scope,
        used: Option<&BTreeSet<&str>>,
    ) -> Option<Place<'a>> {
        self.candidates(lang, scope, used)
            .into_iter()
            .find_map(|(file, text)| {
                find_whole(text, needle, true).map(|offset| Place {
                    file: file.clone(),
                    at: Some((text.as_str(), offset)),
                    in_page: false,
                })
            })
    }

    fn candidates<'a>(
        &'a self,
        lang: &str,
        scope: Scope,
        used: Option<&BTreeSet<&str>>,
    ) -> Vec<&'a (PathBuf, String)> {
        let mut files: Vec<&(PathBuf, String)> = Vec::new();
        if scope != Scope::Markup {
            files.extend(self.locales.get(lang).into_iter().flatten());
            files.extend(&self.data);
        }
        files.extend(
            self.templates
                .iter()
                .filter(|(name, _)| used.is_none_or(|u| u.contains(name.as_str())))
                .map(|(_, t)| t),
        );
        if scope != Scope::Markup {
            files.push(&self.config);
        }
        files
    }
}

/// The first occurrence of `needle` that is not part of a longer word (`es` is not found
/// in `pages`), optionally skipping lines that are `#` comments (Fluent, YAML).
fn find_whole(text: &str, needle: &str, skip_comments: bool) -> Option<usize> {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let starts_word = word(needle.chars().next());
    let ends_word = word(needle.chars().next_back());
    text.match_indices(needle).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + needle.len()..].chars().next();
        if (starts_word && word(before)) || (ends_word && word(after)) {
            return false;
        }
        let line_start = text[..i].rfind('\n').map_or(0, |s| s + 1);
        !(skip_comments && text[line_start..i].trim_start().starts_with('#'))
    })
}

#[cfg(test)]
mod tests {
    use super::find_whole;

    #[test]
    fn finds_whole_words_outside_comments() {
        assert_eq!(find_whole("pages = 42\nes", "es", false), Some(11));
        assert_eq!(find_whole("# ITU\nmsg = ITU", "ITU", true), Some(12));
        assert_eq!(find_whole("see /en/x/", "/en/x/", false), Some(4));
    }
}
