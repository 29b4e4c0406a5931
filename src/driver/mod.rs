//! The driver: the one pipeline every command runs, stage after stage.
//!
//! ```text
//! Sources::load → Config::parse → discover → parse → data::assemble → Site::assemble
//!   → images → Localizer, Assets, Templates → Markdown → plan → render + files → output
//! ```
//!
//! The stages up to the plan are one function, [`stages::prepare`], run with caches
//! ([`crate::incremental::Stages`]). [`Driver::new`] runs it once with empty caches
//! and drops them: `build` writes the output folder, `generate` keeps the site in
//! memory for `check` and `status`. [`Driver::incremental`] is the preview server's:
//! it keeps the caches, keyed by the versions of the sources, and [`Driver::rebuild`]
//! runs the same function again after a change, reusing what the change cannot reach.
//! Only [`crate::sources`] reads the disk and only [`crate::output`] writes it.

mod options;
mod rebuild;
pub mod stages;

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

pub use options::{Lap, Options, Report, Timings};
pub use rebuild::Outcome;
pub use stages::{Snapshot, read};

use crate::error::{Diagnostic, Diagnostics, Error};
use crate::i18n::Localizer;
use crate::incremental::Cache;
use crate::output::{OutputFile, Staging, check_target};
use crate::plan::{OutPath, Plan};
use crate::render::{Templates, files, render_each};
use crate::site::{Bodies, Site};
use crate::sources::Sources;

/// The site in memory, ready to be written or checked.
pub struct Generated {
    /// The snapshot of the sources it was made from.
    pub sources: Sources,
    /// The assembled site.
    pub site: Site,
    /// The plan it was rendered from: what made each file (a page's template).
    pub plan: Plan,
    /// Every output file, in path order.
    pub files: Vec<(OutPath, OutputFile)>,
    /// Warnings (missing translations of UI strings, …).
    pub warnings: Vec<Diagnostic>,
    /// Every text a Fluent message put on the pages, when the driver was asked to
    /// record them ([`Driver::record_messages`]); empty otherwise.
    pub shown: Vec<crate::i18n::shown::Shown>,
    /// Stage timings.
    pub timings: Timings,
}

/// Runs the pipeline, once or again and again.
pub struct Driver {
    options: Options,
    cache: Option<Cache>,
    verify: bool,
    record: bool,
    reported: HashSet<String>,
}

/// Everything up to rendering.
pub(crate) struct Prepared {
    pub(crate) sources: Sources,
    pub(crate) site: Site,
    pub(crate) localizer: Arc<Localizer>,
    pub(crate) templates: Arc<Templates>,
    pub(crate) plan: Plan,
    pub(crate) diagnostics: Diagnostics,
    /// Whether the theme was loaded in this run (not taken from the cache).
    pub(crate) reloaded: bool,
    /// How many content files were parsed in this run.
    pub(crate) reparsed: usize,
    /// How many page texts went through Markdown in this run.
    pub(crate) markdown: usize,
}

/// Milliseconds per stage, as they pass.
pub(crate) struct Clock {
    /// When the last stage ended.
    last: Instant,
    /// The stages so far.
    timings: Timings,
    /// The process's CPU time then, in milliseconds, where the system tells it.
    last_cpu: Option<f64>,
}

impl Clock {
    pub(crate) fn start() -> Clock {
        Clock {
            last: Instant::now(),
            timings: Timings::default(),
            last_cpu: options::usage().map(|(_, cpu)| cpu),
        }
    }

    pub(crate) fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        let usage = options::usage();
        let cpu = usage.map(|(_, cpu)| cpu);
        self.timings.0.push(Lap {
            stage,
            millis: (now - self.last).as_secs_f64() * 1000.0,
            peak_kib: usage.map(|(peak, _)| peak),
            cpu_millis: cpu.zip(self.last_cpu).map(|(now, then)| now - then),
        });
        self.last = now;
        self.last_cpu = cpu;
    }
}

impl Driver {
    /// A driver that runs the pipeline once, with nothing cached.
    pub fn new(options: Options) -> Driver {
        Driver {
            options,
            cache: None,
            verify: false,
            record: false,
            reported: HashSet::new(),
        }
    }

    /// A driver for the preview server: each stage keeps what it made, and
    /// [`Driver::rebuild`] makes again only what a change can reach.
    pub fn incremental(options: Options) -> Driver {
        Driver {
            cache: Some(Cache::default()),
            ..Driver::new(options)
        }
    }

    /// Checks, on every rebuild, that each page the dependency analysis leaves out has
    /// the same context as before; a page it missed fails the rebuild. For tests: it
    /// costs as much as comparing every context.
    pub fn verify_dependencies(&mut self) {
        self.verify = true;
    }

    /// Makes [`Driver::generate`] record what each Fluent message put on the pages, for
    /// `check` to name the message behind a text.
    pub fn record_messages(&mut self) {
        self.record = true;
    }

    /// Runs the stages up to the plan once, with `caches` that are dropped after.
    fn prepare_once(
        &self,
        snapshot: Snapshot,
        mut caches: crate::incremental::Stages,
        clock: &mut Clock,
    ) -> Result<Prepared, Error> {
        stages::prepare(&self.options, snapshot, &mut caches, clock)
    }

    /// Builds the site into the output folder, replacing it only when everything
    /// succeeded. Pages are written to the staging folder as they are rendered, each
    /// page's body rendered with it and dropped after: what a build holds is the site's
    /// model, not its text.
    pub fn build(&mut self) -> Result<Report, Error> {
        let start = Instant::now();
        let out_dir = self.options.out_dir();
        let mut clock = Clock::start();
        // Of each page, only the front matter is held: its body is read again when the
        // page is rendered.
        let pages = crate::sources::Pages::Heads(crate::content::head_length);
        // The output folder is checked while the sources are read (both only read), and
        // a folder the build must not replace is refused before anything else.
        let (previous, snapshot) = rayon::join(
            || check_target(&self.options.root, &out_dir),
            || stages::read_holding(&self.options, pages),
        );
        let previous = previous?;
        let snapshot = snapshot?;
        let Prepared {
            sources,
            site,
            localizer,
            templates,
            plan,
            mut diagnostics,
            ..
        } = self.prepare_once(snapshot, crate::incremental::Stages::build(), &mut clock)?;
        let staging = Staging::new(&out_dir)?;
        staging.create_dirs(plan.paths())?;
        let shortcodes = stages::shortcodes(&site.config, templates.clone());
        let bodies = Bodies::streamed(&site, &shortcodes, plan.search);
        let published = previous.map(|m| m.calendar).unwrap_or_default();
        let write_files = |shared: &files::Shared<'_>, bodies_read: bool| {
            plan.files
                .par_iter()
                .filter(|file| file.what.reads_bodies() == bodies_read)
                .try_for_each(|file| {
                    let output =
                        files::produce(&site, &localizer, &sources, &plan, shared, &bodies, file);
                    staging.write(&file.out_path, &output)
                })
        };
        // The files that show no page body (calendars, sitemaps, the exchange formats)
        // are made on the cores the pages leave idle.
        let (written, shared) = rayon::join(
            || {
                render_each(
                    &site,
                    &localizer,
                    &templates,
                    &plan,
                    &bodies,
                    &mut diagnostics,
                    |job, bytes| staging.write(&job.out_path, &OutputFile::Bytes(bytes)),
                )
            },
            || {
                let shared = files::Shared::new(&site, &published);
                write_files(&shared, false).map(|()| shared)
            },
        );
        written.into_iter().collect::<Result<(), Error>>()?;
        let shared = shared?;
        clock.lap("render+write");
        write_files(&shared, true)?;
        clock.lap("files");
        diagnostics.extend(localizer.render_diagnostics());
        diagnostics.extend(bodies.problems());
        let warnings = diagnostics.into_result()?;
        staging.commit(plan.paths(), shared.published())?;
        clock.lap("commit");
        Ok(Report {
            languages: site.langs.len(),
            pages: site.langs.len() * site.groups.len(),
            files: plan.len(),
            millis: start.elapsed().as_millis(),
            warnings,
            timings: clock.timings,
        })
    }

    /// Runs every stage but the writer: the site in memory, or every problem found.
    pub fn generate(&mut self) -> Result<Generated, Error> {
        let snapshot = read(&self.options)?;
        self.generate_from(snapshot)
    }

    /// Like [`Driver::generate`], from sources already read.
    pub fn generate_from(&mut self, snapshot: Snapshot) -> Result<Generated, Error> {
        let mut clock = Clock::start();
        let Prepared {
            sources,
            site,
            localizer,
            templates,
            plan,
            mut diagnostics,
            ..
        } = self.prepare_once(snapshot, crate::incremental::Stages::one_off(), &mut clock)?;
        let ledger = self.record.then(|| localizer.record());
        let pages = render_each(
            &site,
            &localizer,
            &templates,
            &plan,
            &Bodies::Ahead,
            &mut diagnostics,
            |job, bytes| (job.out_path.clone(), bytes),
        );
        let published = published_calendars(&self.options);
        let shared = files::Shared::new(&site, &published);
        let mut outputs: Vec<(OutPath, OutputFile)> = plan
            .files
            .par_iter()
            .map(|file| {
                let output = files::produce(
                    &site,
                    &localizer,
                    &sources,
                    &plan,
                    &shared,
                    &Bodies::Ahead,
                    file,
                );
                (file.out_path.clone(), output)
            })
            .collect();
        clock.lap("render");
        diagnostics.extend(localizer.render_diagnostics());
        let warnings = diagnostics.into_result()?;
        outputs.extend(
            pages
                .into_iter()
                .map(|(path, bytes)| (path, OutputFile::Bytes(bytes))),
        );
        outputs.sort_by(|a, b| a.0.cmp(&b.0));
        let shown = ledger.map(|l| l.shown(&localizer)).unwrap_or_default();
        Ok(Generated {
            sources,
            site,
            plan,
            files: outputs,
            warnings,
            shown,
            timings: clock.timings,
        })
    }

    /// Rebuilds after the files in `changed` (absolute paths) changed. Files changed
    /// behind the watcher's back are noticed by their size and time too. On failure,
    /// every problem found is returned and the last good site is kept.
    pub fn rebuild(&mut self, changed: &HashSet<PathBuf>) -> Result<Outcome, Error> {
        let start = Instant::now();
        let cache = self.cache.get_or_insert_with(Cache::default);
        let mut outcome = rebuild::run(&self.options, cache, changed, self.verify)?;
        outcome
            .warnings
            .retain(|w| self.reported.insert(w.to_string()));
        outcome.millis = start.elapsed().as_secs_f64() * 1000.0;
        Ok(outcome)
    }

    /// The last site that built, in memory (empty before the first success).
    pub fn files(&self) -> Arc<crate::incremental::Files> {
        self.cache
            .as_ref()
            .map(|c| c.render.files.clone())
            .unwrap_or_default()
    }
}

/// The calendars the site's output folder was published with, read from its marker
/// (nothing, when there is no readable marker): `generate` and the preview server
/// number calendars the way the next build will.
pub(crate) fn published_calendars(
    options: &Options,
) -> std::collections::BTreeMap<String, crate::sources::marker::Published> {
    crate::sources::marker::read(&options.out_dir())
        .ok()
        .flatten()
        .map(|m| m.calendar)
        .unwrap_or_default()
}

/// Builds the site in `options` into its output folder.
pub fn build(options: &Options) -> Result<Report, Error> {
    Driver::new(options.clone()).build()
}

/// Makes the site in `options` in memory.
pub fn generate(options: &Options) -> Result<Generated, Error> {
    Driver::new(options.clone()).generate()
}
