//! Incremental rebuilds, for the preview server: the pipeline of [`crate::generate`]
//! with a cache for each stage, keyed by what the stage reads.
//!
//! Every rebuild runs every stage, but each stage reuses what did not change:
//!
//! - **parse**: a file is read and parsed again only when its size or modification time
//!   changed, or when the watcher reported it ([`sources`]);
//! - **assemble** runs whole: it is cheap, and it is where URLs, fallbacks, sections and
//!   tags are decided, so nothing can go stale there;
//! - **Markdown**: the HTML of a page in a language is reused when the page's text is the
//!   same and each `@/` link in it still resolves to the same URL ([`markdown`]);
//! - **Fluent and templates** are loaded again only when their files changed ([`theme`]);
//! - **render**: the template context of every job is built (cheap next to rendering)
//!   and compared with the one of the last good build; a job is rendered again only when
//!   its context, its templates or the Fluent messages of its language changed.
//!
//! So an edit to one page re-renders that page in its languages, the section and tag
//! pages that list it and the pages that link to it; an edit to a template re-renders
//! the pages that use it; an edit to a Fluent file, the pages of the languages that read
//! it; an edit to `content/site.yaml` starts again from nothing. The output is the same
//! as [`crate::generate`]'s, byte for byte, which the tests check after each kind of
//! edit. Output depends on the context alone because the template functions (`t`,
//! `format_date`) read nothing but Fluent and the config: a function that read the site
//! beyond its context would have to become a dependency here.
//!
//! A rebuild that fails changes nothing but the caches: the last good site and the
//! contexts it was rendered from stay, and the next rebuild is compared with them.

mod markdown;
mod sources;
mod statics;
mod theme;

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use bytes::Bytes;
use rayon::prelude::*;
use tera::Context;

use crate::config::{CONFIG_FILE, Config};
use crate::discover::discover;
use crate::error::{Diagnostic, Diagnostics, Error};
use crate::pipeline::{Options, apply_options, static_files};
use crate::render::{contexts, plan, render_job};
use crate::site::Site;

/// The files of a built site: path under the output folder → content.
pub type Files = HashMap<String, Bytes>;

/// What one rebuild did.
pub struct Outcome {
    /// The whole site after the rebuild.
    pub files: Arc<Files>,
    /// Output paths whose content is new or different, sorted.
    pub changed: Vec<String>,
    /// Output paths that are gone, sorted.
    pub removed: Vec<String>,
    /// How many templates were rendered.
    pub rendered: usize,
    /// How many templates the site has to render in all.
    pub jobs: usize,
    /// How many content files were parsed.
    pub parsed: usize,
    /// How many page texts went through Markdown.
    pub markdown: usize,
    /// Warnings not reported by an earlier rebuild.
    pub warnings: Vec<Diagnostic>,
    /// Wall time in milliseconds.
    pub millis: f64,
}

/// A site kept in memory and rebuilt as its sources change.
pub struct Incremental {
    options: Options,
    cache: Option<Cache>,
    last: LastGood,
    reported: HashSet<String>,
}

/// What the stages keep between rebuilds; dropped when the config changes.
struct Cache {
    config_text: String,
    sources: sources::SourceCache,
    markdown: markdown::MarkdownCache,
    theme: theme::ThemeCache,
    statics: statics::StaticCache,
}

/// The last site that built, and the context and fingerprint each page was rendered with.
#[derive(Default)]
struct LastGood {
    jobs: HashMap<String, (Context, u64)>,
    files: Arc<Files>,
}

impl Incremental {
    /// A site with nothing built yet: the first [`Incremental::rebuild`] builds it all.
    pub fn new(options: Options) -> Incremental {
        Incremental { options, cache: None, last: LastGood::default(), reported: HashSet::new() }
    }

    /// The last site that built (empty before the first success).
    pub fn files(&self) -> Arc<Files> {
        self.last.files.clone()
    }

    /// Rebuilds after the files in `changed` (absolute or root-joined paths) changed.
    /// Files changed behind the watcher's back are noticed by their size and time too.
    /// On failure, every problem found is returned and the last good site is kept.
    pub fn rebuild(&mut self, changed: &HashSet<PathBuf>) -> Result<Outcome, Error> {
        let start = Instant::now();
        let config_path = self.options.root.join(CONFIG_FILE);
        let config_text = std::fs::read_to_string(&config_path).map_err(|e| Error::io("read", &config_path, e))?;
        if self.cache.as_ref().is_some_and(|c| c.config_text != config_text) {
            self.cache = None;
        }
        let mut config = Config::parse(&self.options.root, &config_text)?;
        apply_options(&mut config, &self.options)?;
        let cache = self.cache.get_or_insert_with(|| Cache {
            config_text: config_text.clone(),
            sources: Default::default(),
            markdown: Default::default(),
            theme: Default::default(),
            statics: Default::default(),
        });
        let mut diagnostics = Diagnostics::default();
        let sources = discover(&config, &mut diagnostics)?;
        let parsed = cache.sources.update(sources, changed, &mut diagnostics);
        let data = crate::data::assemble(parsed.data, &config, &mut diagnostics);
        let Some(mut site) = Site::assemble(config, parsed.pages, data, parsed.assets, self.options.drafts, &mut diagnostics) else {
            return Err(failure(diagnostics));
        };
        let markdown = cache.markdown.render(&mut site, &parsed.versions, &mut diagnostics);
        let config_hash = hash(&config_text);
        let result = render_site(cache, &self.last, &site, changed, config_hash, diagnostics);
        cache.markdown.take_back(&mut site);
        let (last, mut outcome) = result?;
        self.last = last;
        outcome.parsed = parsed.reparsed;
        outcome.markdown = markdown;
        outcome.warnings.retain(|w| self.reported.insert(w.to_string()));
        outcome.millis = start.elapsed().as_secs_f64() * 1000.0;
        Ok(outcome)
    }
}

/// Plans and renders the jobs whose context or templates changed, and gathers the files.
fn render_site(
    cache: &mut Cache,
    last: &LastGood,
    site: &Site,
    changed: &HashSet<PathBuf>,
    config_hash: u64,
    mut diagnostics: Diagnostics,
) -> Result<(LastGood, Outcome), Error> {
    let theme = cache.theme.refresh(&site.config, &mut diagnostics)?;
    let jobs = plan(site, &theme.templates, &mut diagnostics);
    if diagnostics.has_errors() {
        return Err(failure(diagnostics));
    }
    let contexts = contexts(site, &theme.localizer, &jobs);
    let fingerprints: Vec<u64> = jobs.iter().map(|job| hash(&(theme.fingerprint(job), config_hash))).collect();
    let rendered: Vec<Option<Result<Vec<u8>, Diagnostic>>> = (0..jobs.len())
        .into_par_iter()
        .map(|i| {
            let job = &jobs[i];
            let same = last.files.contains_key(&job.out_path)
                && last.jobs.get(&job.out_path).is_some_and(|(context, fingerprint)| *fingerprint == fingerprints[i] && *context == contexts[i]);
            (!same).then(|| render_job(&theme.templates, job, &contexts[i]))
        })
        .collect();
    let mut outputs = Vec::with_capacity(rendered.len());
    for r in rendered {
        match r {
            Some(Err(d)) => {
                diagnostics.push(d);
                outputs.push(None);
            }
            Some(Ok(bytes)) => outputs.push(Some(Bytes::from(bytes))),
            None => outputs.push(None),
        }
    }
    diagnostics.extend(theme.localizer.fallback_warnings());
    let warnings = diagnostics.into_result()?;
    let statics = cache.statics.update(static_files(site)?, changed)?;

    let mut files = Files::with_capacity(jobs.len() + statics.len());
    let mut next = LastGood { jobs: HashMap::with_capacity(jobs.len()), files: Arc::default() };
    let mut outcome = Outcome {
        files: Arc::default(),
        changed: Vec::new(),
        removed: Vec::new(),
        rendered: outputs.iter().filter(|o| o.is_some()).count(),
        jobs: jobs.len(),
        parsed: 0,
        markdown: 0,
        warnings,
        millis: 0.0,
    };
    for (((job, context), fingerprint), output) in jobs.into_iter().zip(contexts).zip(fingerprints).zip(outputs) {
        let bytes = match output {
            Some(bytes) => {
                if last.files.get(&job.out_path) != Some(&bytes) {
                    outcome.changed.push(job.out_path.clone());
                }
                bytes
            }
            None => last.files[&job.out_path].clone(),
        };
        next.jobs.insert(job.out_path.clone(), (context, fingerprint));
        files.insert(job.out_path, bytes);
    }
    for file in statics {
        if file.fresh && last.files.get(&file.out_path) != Some(&file.bytes) {
            outcome.changed.push(file.out_path.clone());
        }
        files.insert(file.out_path, file.bytes);
    }
    outcome.removed = last.files.keys().filter(|p| !files.contains_key(*p)).cloned().collect();
    outcome.removed.sort();
    outcome.changed.sort();
    outcome.changed.dedup();
    next.files = Arc::new(files);
    outcome.files = next.files.clone();
    Ok((next, outcome))
}

/// The error made of every diagnostic collected.
fn failure(diagnostics: Diagnostics) -> Error {
    diagnostics.into_result().err().unwrap_or_else(|| Error::Diagnostics(Vec::new()))
}

fn hash(value: &impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}
