//! From a problem in the generated HTML back to the source file and line that caused it.
//!
//! [`Texts::locate`] looks for what the reader sees (a URL, an anchor, a phone number) in
//! what can have put it there, in the order a page is made of:
//! - the page's own Markdown file: the links, images and raw HTML its parser reads
//!   ([`crate::markdown::markup`]), then its text;
//! - the texts the Fluent messages of its language gave while the site was rendered
//!   (recorded by the localizer, [`crate::i18n::shown`]): a message is found by the text
//!   it showed, placeables filled in and fallbacks followed, and never when no page
//!   used it;
//! - the text values of the data files, as the YAML parser read them (never a key or a
//!   comment), leaving out the translations into the site's other languages;
//! - the templates the page was rendered with;
//! - the values of the site's configuration.
//!
//! For running text the build did not isolate, the page comes last, since the build
//! isolates its Markdown text and only its raw HTML can be the cause. Each needle is
//! tried in every source before the next, so a caller passes the most telling first
//! (the whole text around a token, then the token). The first source that holds it
//! wins; a problem found nowhere is reported against the page's file (or the output
//! file) without a line.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::content::Page;
use crate::i18n::shown::Shown;
use crate::markdown::markup::Kind;
use crate::site::Site;

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
    /// What in the file wrote it, when that is more than a line of text.
    pub what: Option<What<'a>>,
}

/// The source of a text, beyond its file and line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What<'a> {
    /// A Fluent message; `placeable` when the text is not written in the message
    /// itself, so that one of its placeables filled it in: the first one (`{ $site }`).
    Message {
        id: &'a str,
        placeable: Option<&'a str>,
    },
    /// A value of a YAML file, by its path (`[2].name.ar`).
    Value { path: &'a str },
}

/// A text value of a YAML file, with its byte offset in the file.
struct Value {
    path: String,
    /// The language it is a translation into, when its key is one of the site's.
    lang: Option<String>,
    offset: usize,
    text: String,
}

/// A YAML file (data or configuration) as its values.
struct Yaml {
    file: PathBuf,
    text: Arc<str>,
    values: Vec<Value>,
}

/// The sources a page is made of, from the snapshot and the render.
pub struct Texts {
    /// Template name → its file and text.
    templates: BTreeMap<String, (PathBuf, Arc<str>)>,
    /// Page language → what the Fluent messages showed on its pages.
    shown: BTreeMap<String, Vec<Shown>>,
    data: Vec<Yaml>,
    config: Yaml,
}

impl Texts {
    /// The templates, data files and configuration of the snapshot; `shown`, what the
    /// messages showed while the site was rendered.
    pub fn new(sources: &crate::sources::Sources, site: &Site, shown: Vec<Shown>) -> Texts {
        let codes: BTreeSet<&str> = site
            .config
            .languages
            .iter()
            .map(|l| l.code.as_str())
            .collect();
        let mut by_lang: BTreeMap<String, Vec<Shown>> = BTreeMap::new();
        for s in shown {
            by_lang.entry(s.lang.clone()).or_default().push(s);
        }
        Texts {
            templates: sources
                .templates
                .iter()
                .map(|(name, f)| (name.clone(), (f.found.display.clone(), f.shared_text())))
                .collect(),
            shown: by_lang,
            data: sources
                .content
                .iter()
                .filter(|f| f.found.rel.starts_with("data/") && is_yaml(Path::new(&f.found.rel)))
                .map(|f| Yaml::new(f.found.display.clone(), f.shared_text(), &codes))
                .collect(),
            config: Yaml::new(
                PathBuf::from(crate::config::CONFIG_FILE),
                Arc::from(sources.config_text()),
                &codes,
            ),
        }
    }

    /// The templates by name, with their files and texts.
    pub fn templates(&self) -> &BTreeMap<String, (PathBuf, Arc<str>)> {
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
            if let Some((file, text, body_start)) = page_source
                && let Some(offset) = in_page(text, body_start, needle, scope)
            {
                return Place {
                    file: file.to_path_buf(),
                    at: Some((text, offset)),
                    in_page: true,
                    what: None,
                };
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
            what: None,
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
        let running_text = scope != Scope::Markup;
        let message = || {
            self.shown
                .get(lang)?
                .iter()
                .find(|s| find_whole(&s.text, needle, false).is_some())
                .map(|s| message_place(s, needle))
        };
        let data = || self.data.iter().find_map(|y| y.place(needle, lang));
        let template = || {
            self.templates
                .iter()
                .filter(|(name, _)| used.is_none_or(|u| u.contains(name.as_str())))
                .find_map(|(_, (file, text))| {
                    find_whole(text, needle, true).map(|offset| Place {
                        file: file.clone(),
                        at: Some((&**text, offset)),
                        in_page: false,
                        what: None,
                    })
                })
        };
        let config = || self.config.place(needle, lang);
        if running_text {
            message().or_else(data).or_else(template).or_else(config)
        } else {
            template()
        }
    }
}

/// Where `needle` is in the page's file `text`, whose Markdown body starts at
/// `body_start`: in the markup the parser reads there that can have put it on the page
/// (a link or image for a URL, raw HTML for running text, which the build does not
/// isolate), else anywhere in the body, else in the front matter (a title).
fn in_page(text: &str, body_start: usize, needle: &str, scope: Scope) -> Option<usize> {
    let body = &text[body_start..];
    let markup = crate::markdown::markup::markup(body)
        .into_iter()
        .find_map(|m| {
            let fits = match (scope, m.kind) {
                (Scope::Markup, Kind::Link | Kind::Image) => m.text == needle,
                (Scope::Unisolated, Kind::Html) => find_whole(&m.text, needle, false).is_some(),
                _ => false,
            };
            let written = &body[m.range.clone()];
            fits.then(|| m.range.start + find_whole(written, needle, false).unwrap_or(0))
        });
    markup
        .or_else(|| find_whole(body, needle, false))
        .map(|i| i + body_start)
        .or_else(|| find_whole(text, needle, false))
}

/// Where `needle`, a text that message `s` showed, is: in the message's own text when
/// it is written there, else at its first placeable (one filled it in), else at its id.
fn message_place<'a>(s: &'a Shown, needle: &str) -> Place<'a> {
    let source = &*s.source;
    let message = &source[s.span.clone()];
    let written = find_whole(message, needle, true);
    let placeable = written
        .is_none()
        .then(|| first_placeable(message))
        .flatten();
    let offset = written.or(placeable.map(|(start, _)| start)).unwrap_or(0);
    Place {
        file: s.file.clone(),
        at: Some((source, s.span.start + offset)),
        in_page: false,
        what: Some(What::Message {
            id: &s.id,
            placeable: placeable.map(|(start, end)| &message[start..end]),
        }),
    }
}

/// The byte range of the first placeable (`{ $site }`) in the value of a message.
fn first_placeable(message: &str) -> Option<(usize, usize)> {
    let value = message.find('=')?;
    let start = value + message[value..].find('{')?;
    let end = start + message[start..].find('}')? + 1;
    Some((start, end))
}

impl Yaml {
    /// The values of YAML `text`, without those of a language's translation other
    /// than the page's own, which `codes` (the site's languages) tell apart: a value
    /// whose key is a language code.
    fn new(file: PathBuf, text: Arc<str>, codes: &BTreeSet<&str>) -> Yaml {
        let values = crate::yaml::Tree::parse(&text, 1)
            .map(|tree| {
                tree.texts()
                    .into_iter()
                    .map(|t| Value {
                        lang: t.key.filter(|k| codes.contains(k)).map(str::to_string),
                        path: t.path,
                        offset: crate::error::offset_of(&text, t.at.0, t.at.1),
                        text: t.text.to_string(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        Yaml { file, text, values }
    }

    /// The first value shown in `lang` that holds `needle`, pointing at `needle` where
    /// the file writes it as it is, else at the value.
    fn place(&self, needle: &str, lang: &str) -> Option<Place<'_>> {
        let (i, value) = self.values.iter().enumerate().find(|(_, v)| {
            v.lang.as_deref().is_none_or(|l| l == lang)
                && find_whole(&v.text, needle, false).is_some()
        })?;
        let end = self
            .values
            .get(i + 1)
            .map_or(self.text.len(), |next| next.offset.max(value.offset));
        let written = find_whole(&self.text[value.offset..end], needle, true);
        Some(Place {
            file: self.file.clone(),
            at: Some((&self.text, value.offset + written.unwrap_or(0))),
            in_page: false,
            what: Some(What::Value { path: &value.path }),
        })
    }
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
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
