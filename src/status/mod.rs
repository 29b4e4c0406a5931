//! `hexaglot status`: how far each language is, page by page and message by message.
//!
//! A page in a language is
//! - **translated**: it has its own text, made from the current source;
//! - **stale**: it has its own text, but the default-language source changed since —
//!   known from `translated_from` (see [`hash`]) when the translation has it, else from
//!   the git history of the two files ([`git`]) when the site is a git checkout;
//! - **fallback**: it has no text of its own, and readers see the text of a language of
//!   its fallback chain, under a notice;
//! - **missing**: no text of its own, and none in its fallback chain either: readers see
//!   whatever language has it.
//!
//! A Fluent message in a language is translated, untranslated (another language's text
//! marked `# untranslated`, as `hexaglot init` copies English for a language the theme
//! has no text for), falls back along the chain, or is missing from the whole chain.
//!
//! So is each per-language text of the event data (see [`crate::data::translation`]): the report lists,
//! with file and line, every field that some language lacks, and counts them all.

pub mod hash;
mod report;

use serde::Serialize;

use crate::check::catalog::Catalog;
use crate::config::Config;
use crate::driver::{Options, generate};
use crate::error::Error;
use crate::site::{GroupId, Site};

pub use crate::check::Format;
pub use crate::data::translation::{DataRow, DataState};

/// The state of one page in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PageState {
    /// Its own, current text.
    Translated,
    /// Its own text, older than the source.
    Stale,
    /// Shows the text of a language of its fallback chain.
    Fallback,
    /// No text in the language nor in its fallback chain.
    Missing,
}

/// How staleness was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StaleBy {
    /// The translation's `translated_from` against the source's hash.
    Hash,
    /// The last commits of the translation and of its source.
    Git,
}

/// One page in one language.
#[derive(Debug, Clone, Serialize)]
pub struct PageCell {
    /// Language code.
    pub lang: String,
    /// Its state.
    pub state: PageState,
    /// The language of the text shown, when it is another language's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shown: Option<String>,
    /// How freshness was decided, for translations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checked_by: Option<StaleBy>,
    /// The translation's `translated_from`, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translated_from: Option<String>,
}

/// One page in every language.
#[derive(Debug, Clone, Serialize)]
pub struct PageRow {
    /// Content path without language suffix (`about.md`).
    pub page: String,
    /// The default-language file, when there is one.
    pub source: Option<String>,
    /// Its current hash: the value for `translated_from`.
    pub source_hash: Option<String>,
    /// One cell per language, in the site's order.
    pub languages: Vec<PageCell>,
}

/// The state of one Fluent message in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MessageState {
    /// Defined in the language.
    Translated,
    /// Defined, but marked as another language's text waiting for a translation.
    Untranslated,
    /// Missing; a language of the fallback chain has it.
    Fallback,
    /// Missing in the whole chain.
    Missing,
}

/// One message in every language.
#[derive(Debug, Clone, Serialize)]
pub struct MessageRow {
    /// Message id.
    pub id: String,
    /// Language → state, in the site's order.
    pub languages: Vec<(String, MessageState)>,
}

/// Counts for one language.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Totals {
    /// Language code.
    pub lang: String,
    /// Pages translated and current.
    pub translated: usize,
    /// Pages translated but stale.
    pub stale: usize,
    /// Pages shown in a fallback language.
    pub fallback: usize,
    /// Pages missing from the whole chain.
    pub missing: usize,
    /// Messages defined in the language.
    pub messages_translated: usize,
    /// Messages marked untranslated.
    pub messages_untranslated: usize,
    /// Messages taken from the fallback chain.
    pub messages_fallback: usize,
    /// Messages missing from the whole chain.
    pub messages_missing: usize,
    /// Data texts written in the language.
    pub data_translated: usize,
    /// Data texts taken from the fallback chain.
    pub data_fallback: usize,
    /// Data texts missing from the whole chain.
    pub data_missing: usize,
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct StatusReport {
    /// The site's languages, in order.
    pub languages: Vec<String>,
    /// The default language: the source of translations.
    pub default_language: String,
    /// Whether the git history was available.
    pub git: bool,
    /// Pages × languages.
    pub pages: Vec<PageRow>,
    /// Fluent messages × languages.
    pub messages: Vec<MessageRow>,
    /// The data texts that some language lacks, × languages.
    pub data: Vec<DataRow>,
    /// Totals per language.
    pub totals: Vec<Totals>,
}

impl StatusReport {
    /// The report as a table or JSON.
    pub fn render(&self, format: Format) -> String {
        report::render(self, format)
    }
}

/// Builds the site in memory and reports its translation status.
pub fn status(options: &Options) -> Result<StatusReport, Error> {
    let generated = generate(options)?;
    let site = &generated.site;
    let history = crate::sources::git::History::load(&site.config.root);
    let catalog = Catalog::load(&site.config, &generated.sources);
    let pages = GroupId::all(site.groups.len())
        .map(|g| page_row(site, g, history.as_ref()))
        .collect::<Vec<_>>();
    let messages = message_rows(&site.config, &catalog);
    let data = crate::data::translation::rows(&site.config, &generated.sources, &site.data);
    let mut totals = totals(&site.config, &pages, &messages);
    for row in &data {
        for (t, (_, state)) in totals.iter_mut().zip(&row.languages) {
            match state {
                DataState::Translated => t.data_translated += 1,
                DataState::Fallback => t.data_fallback += 1,
                DataState::Missing => t.data_missing += 1,
            }
        }
    }
    let data = data
        .into_iter()
        .filter(|r| r.languages.iter().any(|(_, s)| *s != DataState::Translated))
        .collect();
    Ok(StatusReport {
        languages: site
            .config
            .languages
            .iter()
            .map(|l| l.code.clone())
            .collect(),
        default_language: site.config.default_language.clone(),
        git: history.is_some(),
        pages,
        messages,
        data,
        totals,
    })
}

fn page_row(site: &Site, g: GroupId, history: Option<&crate::sources::git::History>) -> PageRow {
    let group = &site.groups[g];
    let default = &site.config.default_language;
    let source = site.translation(g, default);
    let source_hash = source.map(hash::source_hash);
    let mut cells = Vec::new();
    for (language, lang_site) in site.config.languages.iter().zip(&site.langs) {
        let lang = &language.code;
        let entry = &lang_site.entries[g];
        let shown = &site.pages[entry.source];
        let mut cell = PageCell {
            lang: lang.clone(),
            state: PageState::Translated,
            shown: None,
            checked_by: None,
            translated_from: None,
        };
        if entry.fallback {
            let in_chain = language.fallback.contains(&shown.source.lang);
            cell.state = if in_chain {
                PageState::Fallback
            } else {
                PageState::Missing
            };
            cell.shown = Some(shown.source.lang.clone());
        } else if let (Some(source), Some(current), false) = (source, &source_hash, lang == default)
        {
            cell.translated_from = shown.front.translated_from.clone();
            let stale = match &shown.front.translated_from {
                Some(from) => {
                    cell.checked_by = Some(StaleBy::Hash);
                    Some(!hash::matches(from, current))
                }
                None => history.and_then(|h| {
                    let (s, t) = (
                        h.last_change(&source.source.path)?,
                        h.last_change(&shown.source.path)?,
                    );
                    cell.checked_by = Some(StaleBy::Git);
                    Some(s > t)
                }),
            };
            if stale == Some(true) {
                cell.state = PageState::Stale;
            }
        }
        cells.push(cell);
    }
    PageRow {
        page: group.key.clone(),
        source: source.map(|p| p.source.display.display().to_string()),
        source_hash,
        languages: cells,
    }
}

fn message_rows(config: &Config, catalog: &Catalog) -> Vec<MessageRow> {
    catalog
        .all_ids()
        .into_iter()
        .map(|id| MessageRow {
            id: id.to_string(),
            languages: config
                .languages
                .iter()
                .map(|language| {
                    let state = if let Some(def) = catalog.get(&language.code, id) {
                        if def.untranslated {
                            MessageState::Untranslated
                        } else {
                            MessageState::Translated
                        }
                    } else if language
                        .fallback
                        .iter()
                        .any(|l| catalog.get(l, id).is_some())
                    {
                        MessageState::Fallback
                    } else {
                        MessageState::Missing
                    };
                    (language.code.clone(), state)
                })
                .collect(),
        })
        .collect()
}

fn totals(config: &Config, pages: &[PageRow], messages: &[MessageRow]) -> Vec<Totals> {
    config
        .languages
        .iter()
        .enumerate()
        .map(|(i, language)| {
            let mut t = Totals {
                lang: language.code.clone(),
                ..Totals::default()
            };
            for row in pages {
                match row.languages[i].state {
                    PageState::Translated => t.translated += 1,
                    PageState::Stale => t.stale += 1,
                    PageState::Fallback => t.fallback += 1,
                    PageState::Missing => t.missing += 1,
                }
            }
            for row in messages {
                match row.languages[i].1 {
                    MessageState::Translated => t.messages_translated += 1,
                    MessageState::Untranslated => t.messages_untranslated += 1,
                    MessageState::Fallback => t.messages_fallback += 1,
                    MessageState::Missing => t.messages_missing += 1,
                }
            }
            t
        })
        .collect()
}
