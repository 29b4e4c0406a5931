//! What each message put on the pages, recorded while `check` renders.
//!
//! `check` finds a problem in the generated HTML (a left-to-right run left unisolated in
//! right-to-left text) and names the source that wrote it. For text that a Fluent
//! message wrote, searching the `.ftl` files for it is not enough: a message with a
//! placeable (`Welcome to { $site }`) never holds the text the page shows, the same
//! words may stand in a message no page uses, and a fallback shows a message of another
//! language's file. So, when asked, the [`super::Localizer`] records every text it
//! formats with the message and language it came from: the ledger. Recording sends each
//! text down a channel (no lock on the render path); nothing is recorded otherwise.

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender};

/// One formatting, as the render threads send it.
pub(super) struct Formatted {
    /// The language of the page.
    pub lang: String,
    /// The language whose message was used (another one on a fallback).
    pub from: String,
    /// The message id, without attribute.
    pub id: String,
    /// The text it gave.
    pub text: String,
}

/// The sending end, held by the localizer once recording is on.
pub(super) type Recorder = Sender<Formatted>;

/// What the localizer formatted, until [`Ledger::shown`] reads it.
pub struct Ledger(pub(super) Receiver<Formatted>);

/// A text that a message showed on the pages of a language.
#[derive(Debug, Clone)]
pub struct Shown {
    /// The language of the pages it showed on.
    pub lang: String,
    /// The message id.
    pub id: String,
    /// The text it gave, as the page shows it (before HTML escaping).
    pub text: String,
    /// The `.ftl` file that holds the message, relative to the site.
    pub file: PathBuf,
    /// That file's text.
    pub source: Arc<str>,
    /// Where the message is written in it.
    pub span: Range<usize>,
}

impl Ledger {
    /// Every distinct text recorded so far, with where its message is written, in a
    /// stable order (language, id, text). Messages with no known place (none: every
    /// message the bundles hold was read from a file) are left out.
    pub fn shown(&self, localizer: &super::Localizer) -> Vec<Shown> {
        let distinct: BTreeSet<(String, String, String, String)> = self
            .0
            .try_iter()
            .map(|f| (f.lang, f.id, f.text, f.from))
            .collect();
        distinct
            .into_iter()
            .filter_map(|(lang, id, text, from)| {
                let origin = localizer.origins.get(&(from, id.clone()))?;
                Some(Shown {
                    lang,
                    id,
                    text,
                    file: origin.file.clone(),
                    source: origin.text.clone(),
                    span: origin.start..origin.end,
                })
            })
            .collect()
    }
}
