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

mod deps;
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
use crate::content::{Page, parse_page, read_source};
use crate::discover::discover;
use crate::error::{Diagnostic, Diagnostics, Error};
use crate::pipeline::{Options, apply_options, derived_files, static_files};
use crate::render::{Job, JobKind, contexts, plan, render_job};
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
    /// How many of `changed` are new files.
    pub added: usize,
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
    verify: bool,
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
    /// The last assembled site (its Markdown HTML moved back into `markdown`).
    site: Option<Site>,
    /// Source path → index in `site.pages`.
    page_index: HashMap<PathBuf, usize>,
    /// Drafts, left out of the site unless `--drafts`.
    drafts: Vec<Page>,
    /// Whether the last rebuild succeeded: only then may an edit start from its site.
    clean: bool,
}

/// The last site that built, the context and fingerprint each page was rendered with,
/// and the digests of its model.
#[derive(Default)]
struct LastGood {
    jobs: HashMap<String, (Context, u64)>,
    files: Arc<Files>,
    digests: deps::Digests,
}

impl Incremental {
    /// A site with nothing built yet: the first [`Incremental::rebuild`] builds it all.
    pub fn new(options: Options) -> Incremental {
        Incremental {
            options,
            verify: false,
            cache: None,
            last: LastGood::default(),
            reported: HashSet::new(),
        }
    }

    /// Checks, on every rebuild, that each page the dependency analysis leaves out has
    /// the same context as before; a page it missed fails the rebuild. For tests: it
    /// costs as much as comparing every context.
    pub fn verify_dependencies(&mut self) {
        self.verify = true;
    }

    /// The last site that built (empty before the first success).
    pub fn files(&self) -> Arc<Files> {
        self.last.files.clone()
    }

    /// Rebuilds after the files in `changed` (absolute or root-joined paths) changed.
    /// Files changed behind the watcher's back are noticed by their size and time too,
    /// except by an edit that only touched page texts. On failure, every problem found
    /// is returned and the last good site is kept.
    pub fn rebuild(&mut self, changed: &HashSet<PathBuf>) -> Result<Outcome, Error> {
        let start = Instant::now();
        let config_path = self.options.root.join(CONFIG_FILE);
        let config_text = std::fs::read_to_string(&config_path)
            .map_err(|e| Error::io("read", &config_path, e))?;
        if self
            .cache
            .as_ref()
            .is_some_and(|c| c.config_text != config_text)
        {
            self.cache = None;
        }
        let config_hash = hash(&config_text);
        let verify = self.verify;
        let result = match self
            .cache
            .as_mut()
            .and_then(|cache| text_only(cache, &mut self.last, changed, config_hash, verify))
        {
            Some(result) => result,
            None => self.rebuild_all(config_text, changed, config_hash),
        };
        let mut outcome = result?;
        outcome
            .warnings
            .retain(|w| self.reported.insert(w.to_string()));
        outcome.millis = start.elapsed().as_secs_f64() * 1000.0;
        Ok(outcome)
    }

    /// Runs every stage, each reusing what its cache holds.
    fn rebuild_all(
        &mut self,
        config_text: String,
        changed: &HashSet<PathBuf>,
        config_hash: u64,
    ) -> Result<Outcome, Error> {
        let mut config = Config::parse(&self.options.root, &config_text)?;
        apply_options(&mut config, &self.options)?;
        let cache = self.cache.get_or_insert_with(|| Cache {
            config_text,
            sources: Default::default(),
            markdown: Default::default(),
            theme: Default::default(),
            statics: Default::default(),
            site: None,
            page_index: HashMap::new(),
            drafts: Vec::new(),
            clean: false,
        });
        cache.clean = false;
        let previous: HashMap<PathBuf, Page> = (cache
            .site
            .take()
            .map(|s| s.pages)
            .unwrap_or_default()
            .into_iter())
        .chain(cache.drafts.drain(..))
        .map(|p| (p.source.path.clone(), p))
        .collect();
        let mut diagnostics = Diagnostics::default();
        let sources = discover(&config, &mut diagnostics)?;
        let parsed = cache
            .sources
            .update(sources, previous, changed, &mut diagnostics);
        let (drafts, pages): (Vec<Page>, Vec<Page>) = parsed
            .pages
            .into_iter()
            .partition(|p| p.front.draft && !self.options.drafts);
        cache.drafts = drafts;
        let data = crate::data::assemble(parsed.data, &config, &mut diagnostics);
        let Some(mut site) =
            Site::assemble(config, pages, data, parsed.assets, true, &mut diagnostics)
        else {
            return Err(failure(diagnostics));
        };
        let markdown = cache
            .markdown
            .render(&mut site, &cache.sources, None, &mut diagnostics);
        let digests = deps::Digests::of(&site, &cache.sources, &cache.markdown, parsed.data_hash);
        let reach = deps::Reach::new(&site, &self.last.digests, &digests);
        let candidate = |job: &Job| reach.reaches(job);
        let result = render_site(
            &mut cache.theme,
            &mut cache.statics,
            &mut self.last,
            &site,
            &candidate,
            self.verify,
            changed,
            config_hash,
            diagnostics,
        );
        if result.is_ok() {
            self.last.digests = digests;
        }
        cache.markdown.take_back(&mut site, None);
        cache.page_index = site
            .pages
            .iter()
            .enumerate()
            .map(|(i, p)| (p.source.path.clone(), i))
            .collect();
        cache.site = Some(site);
        cache.clean = result.is_ok();
        let mut outcome = result?;
        outcome.parsed = parsed.reparsed;
        outcome.markdown = markdown;
        Ok(outcome)
    }
}

/// The quick path for the most common edit: the text of pages changed, their front
/// matter did not. The site's structure (URLs, sections, tags, fallbacks) is then the
/// same, and Markdown reaches templates only as the `content` and `headings` of its own
/// entries, so only those entries can change. Returns `None` when the edit is of
/// another kind (or the last rebuild failed) and every stage must run.
fn text_only(
    cache: &mut Cache,
    last: &mut LastGood,
    changed: &HashSet<PathBuf>,
    config_hash: u64,
    verify: bool,
) -> Option<Result<Outcome, Error>> {
    if !cache.clean || changed.is_empty() {
        return None;
    }
    let site = cache.site.as_mut()?;
    let mut edits = Vec::with_capacity(changed.len());
    for path in changed {
        // An editor's temporary file, already renamed over the page it saves.
        if !cache.page_index.contains_key(path) && std::fs::symlink_metadata(path).is_err() {
            continue;
        }
        let &i = cache.page_index.get(path)?;
        let old = &site.pages[i];
        if std::fs::symlink_metadata(path)
            .ok()?
            .file_type()
            .is_symlink()
        {
            return None;
        }
        let page = parse_page(old.source.clone(), read_source(&old.source).ok()?).ok()?;
        if page.text[..page.body_start] != old.text[..old.body_start] {
            return None;
        }
        edits.push((i, page));
    }
    let mut pages = HashSet::with_capacity(edits.len());
    for (i, page) in edits {
        cache.sources.touch(&page.source.path);
        site.pages[i] = page;
        pages.insert(i);
    }
    let mut diagnostics = Diagnostics::default();
    if pages.is_empty() {
        return None;
    }
    // Verification compares every context, and the search indexes and Atom feeds read
    // the HTML of every entry: then every entry needs it (cached HTML is moved, not
    // rendered again).
    let whole = verify
        || crate::search::enabled(&site.config)
        || (0..site.langs.len()).any(|l| crate::feed::path(site, l).is_some());
    let entries = if whole { None } else { Some(&pages) };
    let markdown = cache
        .markdown
        .render(site, &cache.sources, entries, &mut diagnostics);
    let candidate = |job: &Job| matches!(job.kind, JobKind::Entry(g) if pages.contains(&site.langs[job.lang].entries[g].source));
    let result = render_site(
        &mut cache.theme,
        &mut cache.statics,
        last,
        site,
        &candidate,
        verify,
        changed,
        config_hash,
        diagnostics,
    );
    cache.markdown.take_back(site, entries);
    cache.clean = result.is_ok();
    if result.is_ok() {
        let groups = (0..site.groups.len()).filter(|&g| {
            site.langs
                .iter()
                .any(|ls| pages.contains(&ls.entries[g].source))
        });
        last.digests.update_groups(
            site,
            &cache.sources,
            &cache.markdown,
            groups.collect::<Vec<_>>(),
        );
    }
    Some(result.map(|mut outcome| {
        outcome.parsed = pages.len();
        outcome.markdown = markdown;
        outcome
    }))
}

/// Plans the jobs, renders those whose context or templates changed among the
/// `candidate`s (every job when the theme was loaded again), gathers the files and, on
/// success, makes them the last good site.
#[allow(clippy::too_many_arguments)]
fn render_site(
    theme: &mut theme::ThemeCache,
    statics: &mut statics::StaticCache,
    last: &mut LastGood,
    site: &Site,
    candidate: &(dyn Fn(&Job) -> bool + Sync),
    verify: bool,
    changed: &HashSet<PathBuf>,
    config_hash: u64,
    mut diagnostics: Diagnostics,
) -> Result<Outcome, Error> {
    let theme = theme.refresh(&site.config, &mut diagnostics)?;
    let jobs = plan(site, &theme.templates, &mut diagnostics);
    if diagnostics.has_errors() {
        return Err(failure(diagnostics));
    }
    let known =
        |job: &Job| last.files.contains_key(&job.out_path) && last.jobs.contains_key(&job.out_path);
    let all = theme.reloaded;
    let candidates: Vec<Job> = jobs
        .iter()
        .filter(|job| all || candidate(job) || !known(job))
        .cloned()
        .collect();
    if verify && !all {
        let others: Vec<Job> = jobs
            .iter()
            .filter(|job| known(job) && !candidate(job))
            .cloned()
            .collect();
        let mut ignored = Diagnostics::default();
        for (job, context) in
            others
                .iter()
                .zip(contexts(site, &theme.localizer, &others, &mut ignored))
        {
            if last
                .jobs
                .get(&job.out_path)
                .is_none_or(|(c, _)| *c != context)
            {
                diagnostics.push(Diagnostic::error(
                    "src/incremental",
                    format!("the dependency analysis missed {}", job.out_path),
                ));
            }
        }
    }
    let contexts = contexts(site, &theme.localizer, &candidates, &mut diagnostics);
    let fingerprints: Vec<u64> = candidates
        .iter()
        .map(|job| hash(&(theme.fingerprint(job), config_hash)))
        .collect();
    let rendered: Vec<Option<Result<Vec<u8>, Diagnostic>>> = (0..candidates.len())
        .into_par_iter()
        .map(|i| {
            let job = &candidates[i];
            let same = known(job)
                && last
                    .jobs
                    .get(&job.out_path)
                    .is_some_and(|(context, fingerprint)| {
                        *fingerprint == fingerprints[i] && *context == contexts[i]
                    });
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
    // Alias redirects and calendars: cheap, made again on every rebuild.
    let derived = derived_files(site, &theme.localizer, &jobs, &mut diagnostics);
    diagnostics.extend(theme.localizer.render_diagnostics());
    let warnings = diagnostics.into_result()?;
    let mut statics = statics.update(static_files(site)?, changed)?;
    statics.extend(
        derived
            .into_iter()
            .map(|(out_path, bytes)| statics::StaticFile {
                out_path,
                bytes: Bytes::from(bytes),
                fresh: true,
            }),
    );

    let rendered = Rendered {
        jobs,
        candidates,
        contexts,
        fingerprints,
        outputs,
        statics,
    };
    Ok(commit(last, rendered, warnings))
}

/// What a successful rebuild rendered and read.
struct Rendered {
    /// Every job of the site.
    jobs: Vec<Job>,
    /// The jobs that may have changed, with their contexts, fingerprints and, when they
    /// were rendered, output.
    candidates: Vec<Job>,
    contexts: Vec<Context>,
    fingerprints: Vec<u64>,
    outputs: Vec<Option<Bytes>>,
    /// Static and derived files.
    statics: Vec<statics::StaticFile>,
}

/// Makes a successful rebuild the last good site, and says what changed.
fn commit(last: &mut LastGood, r: Rendered, warnings: Vec<Diagnostic>) -> Outcome {
    let mut outcome = Outcome {
        files: Arc::default(),
        changed: Vec::new(),
        removed: Vec::new(),
        added: 0,
        rendered: r.outputs.iter().filter(|o| o.is_some()).count(),
        jobs: r.jobs.len(),
        parsed: 0,
        markdown: 0,
        warnings,
        millis: 0.0,
    };
    let mut files = Files::with_capacity(r.jobs.len() + r.statics.len());
    for job in &r.jobs {
        if let Some(bytes) = last.files.get(&job.out_path) {
            files.insert(job.out_path.clone(), bytes.clone());
        }
    }
    for (((job, context), fingerprint), output) in r
        .candidates
        .into_iter()
        .zip(r.contexts)
        .zip(r.fingerprints)
        .zip(r.outputs)
    {
        if let Some(bytes) = output {
            if last.files.get(&job.out_path) != Some(&bytes) {
                outcome.changed.push(job.out_path.clone());
            }
            files.insert(job.out_path.clone(), bytes);
        }
        last.jobs.insert(job.out_path, (context, fingerprint));
    }
    for file in r.statics {
        if file.fresh && last.files.get(&file.out_path) != Some(&file.bytes) {
            outcome.changed.push(file.out_path.clone());
        }
        files.insert(file.out_path, file.bytes);
    }
    let planned: HashSet<&str> = r.jobs.iter().map(|j| j.out_path.as_str()).collect();
    last.jobs.retain(|path, _| planned.contains(path.as_str()));
    outcome.added = outcome
        .changed
        .iter()
        .filter(|p| !last.files.contains_key(*p))
        .count();
    outcome.removed = last
        .files
        .keys()
        .filter(|p| !files.contains_key(*p))
        .cloned()
        .collect();
    outcome.removed.sort();
    outcome.changed.sort();
    outcome.changed.dedup();
    last.files = Arc::new(files);
    outcome.files = last.files.clone();
    outcome
}

/// The error made of every diagnostic collected.
fn failure(diagnostics: Diagnostics) -> Error {
    diagnostics
        .into_result()
        .err()
        .unwrap_or_else(|| Error::Diagnostics(Vec::new()))
}

fn hash(value: &impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}
