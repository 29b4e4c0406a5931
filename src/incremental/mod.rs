//! What the preview server keeps between rebuilds: a cache for each stage of the driver,
//! keyed by the versions of the sources, and the dependency analysis that tells which
//! pages a change can reach. The stages themselves are the driver's
//! ([`crate::driver`]); nothing here reads the disk or runs a stage of its own.
//!
//! - **sources**: the last snapshot; a file is read again only when its size or
//!   modification time changed or the watcher reported it ([`crate::sources`]);
//! - **parse**: a page is parsed again only when its version changed; the pages of the
//!   last site are moved, not copied, into the next ([`ParseCache`]);
//! - **assemble**: when only the text of pages changed (not their front matter, nor any
//!   other file), the last site is kept with the new texts swapped in;
//! - **Markdown**: the HTML of a page in a language is reused when the page's text is
//!   the same version and each `@/` link in it still resolves to the same URL
//!   ([`markdown`]);
//! - **theme**: Fluent bundles and templates are loaded again only when one of their
//!   files changed ([`theme`]);
//! - **render**: a page is a candidate when the dependency analysis ([`deps`]) says the
//!   change can reach it; a candidate's template context is compared with the last one,
//!   and it is rendered again only when its context, its templates or the Fluent
//!   messages of its language changed ([`LastGood`]).
//!
//! The result is always the same as a full build's, byte for byte, which the tests
//! check after each kind of edit. A rebuild that fails changes nothing but the caches:
//! the last good site stays served, and the next rebuild is compared with it.

pub mod deps;
pub mod markdown;
mod parse;
pub mod statics;
pub mod theme;

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use bytes::Bytes;
use tera::Context;

pub use parse::ParseCache;

use crate::content::Page;
use crate::site::Site;
use crate::sources::Sources;

/// The files of a built site: path under the output folder → content.
pub type Files = HashMap<String, Bytes>;

/// Every stage's cache.
#[derive(Default)]
pub struct Cache {
    /// The stages' caches, dropped when the configuration changes.
    pub stages: Stages,
    /// The last site that built, kept across configuration changes.
    pub render: LastGood,
}

/// The caches of the stages before rendering.
#[derive(Default)]
pub struct Stages {
    /// The last snapshot of the sources.
    pub sources: Option<Sources>,
    /// The version of `content/site.yaml` these caches were made with.
    pub config_version: Option<u64>,
    /// Parse results by source.
    pub parse: ParseCache,
    /// The last assembled site (its Markdown HTML moved back into `markdown`).
    pub site: Option<Site>,
    /// Drafts, left out of the site unless `--drafts`.
    pub drafts: Vec<Page>,
    /// Rendered Markdown.
    pub markdown: markdown::MarkdownCache,
    /// Fluent bundles and templates.
    pub theme: theme::ThemeCache,
    /// Bytes of the static files and assets.
    pub statics: statics::StaticCache,
    /// Whether the last rebuild succeeded: only then may an edit start from its site.
    pub clean: bool,
    /// The calendars the site's output folder was published with (read once).
    pub published: std::collections::BTreeMap<String, crate::sources::marker::Published>,
}

impl Stages {
    /// The caches of a run that has no next (`build`, `check`, `status`): empty, and
    /// the Markdown stage keeps nothing.
    pub fn one_off() -> Stages {
        Stages {
            markdown: markdown::MarkdownCache::one_off(),
            ..Stages::default()
        }
    }

    /// The caches of a build: one-off, and the Markdown of each page is rendered with
    /// the page rather than ahead ([`crate::site::Bodies::Streamed`]).
    pub fn build() -> Stages {
        Stages {
            markdown: markdown::MarkdownCache::with_pages(),
            ..Stages::default()
        }
    }

    /// Keeps the site and the snapshot of a run for the next: the site's Markdown HTML
    /// goes back into its cache, where the next run finds it.
    pub fn keep(&mut self, mut site: Site, sources: Sources) {
        self.markdown.take_back(&mut site, None);
        self.site = Some(site);
        self.sources = Some(sources);
    }
}

/// The last site that built, the context and fingerprint each page was rendered with,
/// and the digests of its model.
#[derive(Default)]
pub struct LastGood {
    /// Output path → the context and fingerprint it was rendered with.
    pub jobs: HashMap<String, (Context, u64)>,
    /// Every file of the site.
    pub files: Arc<Files>,
    /// What the pages were made of, for the dependency analysis.
    pub digests: deps::Digests,
    /// The plan of the last site that built: the plan again after an edit of page texts
    /// alone, which changes no output path.
    pub plan: Option<crate::plan::Plan>,
}

/// A digest of anything hashable, for the caches' keys (stable within one process).
pub fn digest(value: &impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}
