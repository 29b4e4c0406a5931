//! The pipeline, stage after stage, with the timing of each.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use crate::config::Config;
use crate::content::{parse_page, read_source};
use crate::discover::{SourceKind, discover};
use crate::error::{Diagnostic, Diagnostics, Error};
use crate::i18n::Localizer;
use crate::output::{OutputFile, Staging};
use crate::render::{Templates, plan, render, render_aliases, render_each};
use crate::site::Site;

/// What to build and how.
#[derive(Debug, Clone)]
pub struct Options {
    /// The site's folder.
    pub root: PathBuf,
    /// The output folder; `<root>/public` by default.
    pub out: Option<PathBuf>,
    /// Overrides `base_url` of the config.
    pub base_url: Option<String>,
    /// Builds drafts too.
    pub drafts: bool,
}

impl Options {
    /// Options for the site in `root`, with defaults.
    pub fn new(root: impl Into<PathBuf>) -> Options {
        Options {
            root: root.into(),
            out: None,
            base_url: None,
            drafts: false,
        }
    }

    /// The output folder.
    pub fn out_dir(&self) -> PathBuf {
        self.out.clone().unwrap_or_else(|| self.root.join("public"))
    }
}

/// Milliseconds spent in each stage.
#[derive(Debug, Clone, Default)]
pub struct Timings(pub Vec<(&'static str, f64)>);

/// The site in memory, ready to be written.
pub struct Generated {
    /// The assembled site.
    pub site: Site,
    /// Every output file: path under the output folder → content.
    pub files: Vec<(String, OutputFile)>,
    /// Warnings (missing translations of UI strings, …).
    pub warnings: Vec<Diagnostic>,
    /// Stage timings.
    pub timings: Timings,
}

/// What a build did.
#[derive(Debug, Clone)]
pub struct Report {
    /// Number of languages.
    pub languages: usize,
    /// Pages rendered (pages and sections × languages).
    pub pages: usize,
    /// Files written.
    pub files: usize,
    /// Wall time in milliseconds.
    pub millis: u128,
    /// Warnings.
    pub warnings: Vec<Diagnostic>,
    /// Stage timings.
    pub timings: Timings,
}

struct Clock(Instant, Timings);

impl Clock {
    fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        self.1
            .0
            .push((stage, (now - self.0).as_secs_f64() * 1000.0));
        self.0 = now;
    }
}

/// Everything up to rendering: the site, its strings, its templates and its jobs.
struct Prepared {
    site: Site,
    localizer: Arc<Localizer>,
    templates: Templates,
    jobs: Vec<crate::render::Job>,
    diagnostics: Diagnostics,
    clock: Clock,
}

/// Runs the stages before rendering; fails with every problem found so far.
fn prepare(options: &Options) -> Result<Prepared, Error> {
    let mut clock = Clock(Instant::now(), Timings::default());
    let mut config = Config::load(&options.root)?;
    apply_options(&mut config, options)?;
    let mut diagnostics = Diagnostics::default();
    let sources = discover(&config, &mut diagnostics)?;
    clock.lap("discover");

    let parsed: Vec<Result<Parsed, Diagnostic>> =
        sources.into_par_iter().map(parse_source).collect();
    let (mut pages, mut data_files, mut assets) = (Vec::new(), Vec::new(), Vec::new());
    for p in parsed {
        match p {
            Ok(Parsed::Page(p)) => pages.push(p),
            Ok(Parsed::Data(d)) => data_files.push(d),
            Ok(Parsed::Asset(a)) => assets.push(a),
            Err(d) => diagnostics.push(d),
        }
    }
    clock.lap("parse");

    let data = crate::data::assemble(data_files, &config, &mut diagnostics);
    let Some(mut site) = Site::assemble(
        config,
        pages,
        data,
        assets,
        options.drafts,
        &mut diagnostics,
    ) else {
        return Err(Error::Diagnostics(
            diagnostics
                .into_result()
                .err()
                .map(|e| e.diagnostics().to_vec())
                .unwrap_or_default(),
        ));
    };
    clock.lap("assemble");
    site.render_markdown(&mut diagnostics);
    clock.lap("markdown");

    let localizer = Arc::new(Localizer::load(&site.config, &mut diagnostics)?);
    let assets = Arc::new(crate::assets::Assets::collect(&site.config)?);
    let templates = Templates::load(
        &site.config.root,
        &site.config.theme,
        localizer.clone(),
        assets,
        &mut diagnostics,
    )?;
    let jobs = plan(&site, &templates, &mut diagnostics);
    clock.lap("plan");
    if diagnostics.has_errors() {
        diagnostics.into_result()?;
        unreachable!("into_result fails when there are errors");
    }
    Ok(Prepared {
        site,
        localizer,
        templates,
        jobs,
        diagnostics,
        clock,
    })
}

/// Runs every stage but the last: the site in memory, or every problem found.
pub fn generate(options: &Options) -> Result<Generated, Error> {
    let Prepared {
        site,
        localizer,
        templates,
        jobs,
        mut diagnostics,
        mut clock,
    } = prepare(options)?;
    let rendered = render(&site, &localizer, &templates, &jobs, &mut diagnostics);
    let derived = derived_files(&site, &localizer, &jobs, &mut diagnostics);
    clock.lap("render");
    diagnostics.extend(localizer.render_diagnostics());
    let warnings = diagnostics.into_result()?;
    let mut files: Vec<(String, OutputFile)> = rendered
        .into_iter()
        .chain(derived)
        .map(|(p, b)| (p, OutputFile::Bytes(b)))
        .collect();
    files.extend(static_files(&site)?);
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Generated {
        site,
        files,
        warnings,
        timings: clock.1,
    })
}

/// The files made from the site without a template of the theme: alias redirects,
/// calendars, and the files for hosts and crawlers (sitemap, robots.txt, Atom feeds,
/// search indexes). The preview server makes them on every rebuild too, so every output
/// that is neither a rendered job nor a static file belongs here.
pub(crate) fn derived_files(
    site: &Site,
    localizer: &Localizer,
    jobs: &[crate::render::Job],
    out: &mut Diagnostics,
) -> Vec<(String, Vec<u8>)> {
    let mut files = render_aliases(site, jobs, out);
    files.extend(crate::calendar::files(site));
    let mut published = crate::sitemap::files(site, jobs);
    published.extend(crate::feed::files(site, localizer));
    if jobs
        .iter()
        .any(|j| j.kind == crate::render::JobKind::Search)
    {
        published.extend(crate::search::files(site));
    }
    // A file of the same name in content/ (a hand-written robots.txt) wins.
    published.retain(|(path, _)| !site.assets.iter().any(|a| a.rel == *path));
    files.extend(published);
    files
}

/// Applies the options that override the config (`--base-url`).
pub(crate) fn apply_options(config: &mut Config, options: &Options) -> Result<(), Error> {
    if let Some(url) = &options.base_url {
        let url = if url.ends_with('/') {
            url.clone()
        } else {
            format!("{url}/")
        };
        config.base_path = crate::config::base_path_of(&url).ok_or_else(|| {
            Error::Diagnostics(vec![Diagnostic::error(
                "--base-url",
                format!("`{url}` is not an absolute http(s) URL"),
            )])
        })?;
        config.base_url = url;
    }
    Ok(())
}

/// One source file, read and parsed.
pub(crate) enum Parsed {
    Page(crate::content::Page),
    Data(crate::data::DataFile),
    Asset(crate::discover::Source),
}

/// Reads and parses one source (pages and data; assets are copied as they are).
pub(crate) fn parse_source(source: crate::discover::Source) -> Result<Parsed, Diagnostic> {
    match source.kind {
        SourceKind::Asset => Ok(Parsed::Asset(source)),
        SourceKind::Data => match read_source(&source) {
            Ok(text) => crate::data::parse(source, text).map(Parsed::Data),
            // Known to have failed, so that references to its records are not reported.
            Err(d) => Ok(Parsed::Data(crate::data::DataFile::failed(source, d))),
        },
        SourceKind::Page | SourceKind::Section => {
            let text = read_source(&source)?;
            parse_page(source, text).map(Parsed::Page)
        }
    }
}

/// The theme's `static/` folder (stylesheets and scripts under content-hashed names) and
/// the assets found in `content/`: every output file that is not rendered from a template
/// nor derived from the site. The preview server reads them from here too.
pub(crate) fn static_files(site: &Site) -> Result<Vec<(String, OutputFile)>, Error> {
    let mut files = crate::assets::Assets::collect(&site.config)?.outputs();
    for asset in &site.assets {
        files.push((asset.rel.clone(), OutputFile::Copy(asset.path.clone())));
    }
    Ok(files)
}

/// Builds the site into the output folder, replacing it only when everything succeeded.
/// Pages are written to the staging folder as they are rendered.
pub fn build(options: &Options) -> Result<Report, Error> {
    let start = Instant::now();
    let Prepared {
        site,
        localizer,
        templates,
        jobs,
        mut diagnostics,
        mut clock,
    } = prepare(options)?;
    let mut statics = static_files(&site)?;
    statics.extend(
        derived_files(&site, &localizer, &jobs, &mut diagnostics)
            .into_iter()
            .map(|(p, b)| (p, OutputFile::Bytes(b))),
    );
    clock.lap("publish");
    let staging = Staging::new(&options.out_dir())?;
    staging.create_dirs(
        jobs.iter()
            .map(|j| j.out_path.as_str())
            .chain(statics.iter().map(|(p, _)| p.as_str())),
    )?;
    render_each(
        &site,
        &localizer,
        &templates,
        &jobs,
        &mut diagnostics,
        |job, bytes| staging.write(&job.out_path, &OutputFile::Bytes(bytes)),
    )?;
    clock.lap("render+write");
    diagnostics.extend(localizer.render_diagnostics());
    let warnings = diagnostics.into_result()?;
    statics
        .par_iter()
        .try_for_each(|(path, file)| staging.write(path, file))?;
    staging.commit()?;
    clock.lap("commit");
    Ok(Report {
        languages: site.langs.len(),
        pages: site.langs.len() * site.groups.len(),
        files: jobs.len() + statics.len(),
        millis: start.elapsed().as_millis(),
        warnings,
        timings: clock.1,
    })
}
