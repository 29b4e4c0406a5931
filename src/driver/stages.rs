//! The stages up to the plan, each a function of what the previous ones made. The
//! one-off run ([`prepare`]) chains them; the preview server's run chains the same
//! functions with its caches.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use super::{Clock, Options, Prepared, options::apply_options};
use crate::assets::Assets;
use crate::config::Config;
use crate::content::{Page, parse_page};
use crate::data::DataFile;
use crate::discover::{Source, SourceKind, discover};
use crate::error::{Diagnostic, Diagnostics, Error};
use crate::i18n::Localizer;
use crate::plan::Plan;
use crate::render::Templates;
use crate::site::Site;
use crate::sources::Sources;

/// Reads the snapshot: the configuration first (its theme says where to look), then the
/// rest. A folder without a site, or a configuration that does not parse, fails at once.
pub fn snapshot(
    options: &Options,
    previous: Option<&Sources>,
    changed: &HashSet<PathBuf>,
    out: &mut Diagnostics,
) -> Result<(Sources, Config), Error> {
    let mut sources = Sources::load_config(&options.root, previous, changed)?;
    let mut config = Config::parse(&sources.root, sources.config_text())?;
    apply_options(&mut config, options)?;
    sources.load_rest(Some(&config.theme), previous, changed, out);
    Ok((sources, config))
}

/// The content's files, parsed.
#[derive(Default)]
pub struct Parsed {
    /// Every page and section, drafts included.
    pub pages: Vec<Page>,
    /// Data files.
    pub data: Vec<DataFile>,
    /// Files copied as they are.
    pub assets: Vec<Source>,
}

/// Parses one source (pages and data; assets are copied as they are).
pub fn parse_one(source: Source, parsed: &mut Parsed) -> Result<(), Diagnostic> {
    match source.kind {
        SourceKind::Asset => parsed.assets.push(source),
        SourceKind::Data => {
            let text = source.text.to_string();
            parsed.data.push(crate::data::parse(source, text)?);
        }
        SourceKind::Page | SourceKind::Section => parsed.pages.push(parse_page(source)?),
    }
    Ok(())
}

/// Parses every source on all cores.
pub fn parse(sources: Vec<Source>, out: &mut Diagnostics) -> Parsed {
    let results: Vec<(Parsed, Option<Diagnostic>)> = sources
        .into_par_iter()
        .map(|source| {
            let mut one = Parsed::default();
            let failed = parse_one(source, &mut one).err();
            (one, failed)
        })
        .collect();
    let mut parsed = Parsed::default();
    for (one, failed) in results {
        parsed.pages.extend(one.pages);
        parsed.data.extend(one.data);
        parsed.assets.extend(one.assets);
        out.extend(failed);
    }
    parsed
}

/// Checks the data and assembles the site; fails when it has no home page.
pub fn assemble(
    config: Config,
    parsed: Parsed,
    drafts: bool,
    out: &mut Diagnostics,
) -> Result<Site, Error> {
    let data = crate::data::assemble(parsed.data, &config, out);
    Site::assemble(config, parsed.pages, data, parsed.assets, drafts, out)
        .ok_or_else(|| failure(std::mem::take(out)))
}

/// The Fluent bundles, the static files' published names and the templates.
pub struct Theme {
    /// Fluent bundles and CLDR formatters.
    pub localizer: Arc<Localizer>,
    /// Published names of the static files.
    pub assets: Arc<Assets>,
    /// The compiled templates.
    pub templates: Arc<Templates>,
}

/// Loads the theme from the snapshot.
pub fn theme(config: &Config, sources: &Sources, out: &mut Diagnostics) -> Theme {
    let localizer = Arc::new(Localizer::load(config, sources, out));
    let assets = Arc::new(Assets::new(sources, &config.base_path));
    let templates = Arc::new(Templates::load(
        sources,
        &config.theme,
        localizer.clone(),
        assets.clone(),
        out,
    ));
    Theme {
        localizer,
        assets,
        templates,
    }
}

/// The sources and configuration of a site, read once, with the problems found while
/// reading them.
pub struct Snapshot {
    /// The sources.
    pub sources: Sources,
    /// The parsed configuration.
    pub config: Config,
    /// Problems found while reading (a FIFO, a link out of the site, invalid UTF-8).
    pub diagnostics: Diagnostics,
}

/// Reads the sources of the site in `options` once.
pub fn read(options: &Options) -> Result<Snapshot, Error> {
    let mut diagnostics = Diagnostics::default();
    let (sources, config) = snapshot(options, None, &HashSet::new(), &mut diagnostics)?;
    Ok(Snapshot {
        sources,
        config,
        diagnostics,
    })
}

/// Runs every stage up to the plan once; fails with every problem found so far.
pub(crate) fn prepare(
    options: &Options,
    snapshot: Snapshot,
    clock: &mut Clock,
) -> Result<Prepared, Error> {
    let Snapshot {
        sources,
        config,
        mut diagnostics,
    } = snapshot;
    clock.lap("sources");
    let parsed = parse(
        discover(&config, &sources, &mut diagnostics),
        &mut diagnostics,
    );
    clock.lap("parse");
    let mut site = assemble(config, parsed, options.drafts, &mut diagnostics)?;
    clock.lap("assemble");
    site.images = Arc::new(crate::images::Images::scan(
        &sources,
        &site.config,
        None,
        &mut diagnostics,
    ));
    crate::images::check_data(&site, &sources, &mut diagnostics);
    clock.lap("images");
    // Shortcodes are templates: the theme is loaded before the Markdown.
    let Theme {
        localizer,
        assets,
        templates,
    } = theme(&site.config, &sources, &mut diagnostics);
    markdown(&mut site, &templates, &mut diagnostics);
    clock.lap("markdown");
    let plan = crate::plan::plan(&site, &sources, &assets, &mut diagnostics);
    clock.lap("plan");
    if diagnostics.has_errors() {
        return Err(failure(diagnostics));
    }
    site.images.produce(&mut diagnostics);
    clock.lap("resize");
    if diagnostics.has_errors() {
        return Err(failure(diagnostics));
    }
    Ok(Prepared {
        sources,
        site,
        localizer,
        templates,
        plan,
        diagnostics,
    })
}

/// Renders the Markdown of every entry, with the shortcodes of `templates`.
pub fn markdown(site: &mut Site, templates: &Templates, out: &mut Diagnostics) {
    let directions: std::collections::HashMap<String, &'static str> = site
        .config
        .languages
        .iter()
        .map(|l| (l.code.clone(), l.direction.as_str()))
        .collect();
    let shortcodes = |lang: &str, call: &crate::markdown::Call| {
        templates.shortcode(lang, directions.get(lang).copied().unwrap_or("ltr"), call)
    };
    site.render_markdown(&shortcodes, out);
}

/// The error made of every diagnostic collected.
pub fn failure(diagnostics: Diagnostics) -> Error {
    diagnostics
        .into_result()
        .err()
        .unwrap_or_else(|| Error::Diagnostics(Vec::new()))
}

/// The plan of `site` (see [`crate::plan::plan`]).
pub fn plan(site: &Site, sources: &Sources, assets: &Assets, out: &mut Diagnostics) -> Plan {
    crate::plan::plan(site, sources, assets, out)
}
