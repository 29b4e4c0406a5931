//! The stages up to the plan, each a function of what the previous ones made, chained
//! once by [`prepare`] for every command: with empty caches for a one-off run, with the
//! caches the preview server keeps between runs.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use super::{Clock, Options, Prepared, options::apply_options};
use crate::assets::Assets;
use crate::config::Config;
use crate::content::Page;
use crate::discover::discover;
use crate::error::{Diagnostics, Error};
use crate::incremental::Stages;
pub use crate::parse::{Parsed, parse};
use crate::plan::Plan;
pub use crate::render::Theme;
use crate::site::Site;
use crate::sources::{Pages, Sources};

/// Reads the snapshot: the configuration first (its theme says where to look), then the
/// rest, holding of each page's text what `pages` says. A folder without a site, or a
/// configuration that does not parse, fails at once.
pub fn snapshot(
    options: &Options,
    pages: Pages,
    previous: Option<&Sources>,
    changed: &HashSet<PathBuf>,
    out: &mut Diagnostics,
) -> Result<(Sources, Config), Error> {
    let mut sources = Sources::load_config(&options.root, previous, changed)?;
    let mut config = Config::parse(&sources.root, sources.config_text())?;
    apply_options(&mut config, options)?;
    config.theme = crate::sources::theme::resolve(
        &sources.root,
        config.theme.as_deref(),
        sources.config_text(),
    )
    .map_err(|d| Error::Diagnostics(vec![d]))?;
    sources.load_rest(config.theme.as_deref(), pages, previous, changed, out);
    Ok((sources, config))
}

/// Checks the data and assembles the site; fails when it has no home page.
pub fn assemble(
    config: Config,
    parsed: Parsed,
    drafts: bool,
    sources: &Sources,
    out: &mut Diagnostics,
) -> Result<Site, Error> {
    let data = crate::data::assemble(parsed.data, &config, out);
    let made = crate::site::Made::of(&|name| sources.templates.contains_key(name));
    Site::assemble(config, parsed.pages, data, parsed.assets, made, drafts, out)
        .ok_or_else(|| failure(std::mem::take(out)))
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

/// Reads the sources of the site in `options` once, whole.
pub fn read(options: &Options) -> Result<Snapshot, Error> {
    read_holding(options, Pages::Whole)
}

/// Reads the sources of the site in `options` once, holding of each page's text what
/// `pages` says.
pub(crate) fn read_holding(options: &Options, pages: Pages) -> Result<Snapshot, Error> {
    let mut diagnostics = Diagnostics::default();
    let (sources, config) = snapshot(options, pages, None, &HashSet::new(), &mut diagnostics)?;
    Ok(Snapshot {
        sources,
        config,
        diagnostics,
    })
}

/// Runs every stage up to the plan, each with its cache in `caches`: a one-off run
/// (`build`, `check`, `status`) passes empty caches and drops them after; the preview
/// server keeps them from one run to the next, so that a stage makes again only what a
/// change reaches. Fails with every problem found so far; the snapshot and the site
/// are then left in `caches` for the next run.
pub(crate) fn prepare(
    options: &Options,
    snapshot: Snapshot,
    caches: &mut Stages,
    clock: &mut Clock,
) -> Result<Prepared, Error> {
    let Snapshot {
        sources,
        config,
        mut diagnostics,
    } = snapshot;
    clock.lap("sources");
    let images = caches.site.as_ref().map(|s| s.images.clone());
    let previous: HashMap<PathBuf, Page> = caches
        .site
        .take()
        .map(|s| s.pages)
        .unwrap_or_default()
        .into_iter()
        .chain(caches.drafts.drain(..))
        .map(|p| (p.source.path.clone(), p))
        .collect();
    let found = discover(&config, &sources, &mut diagnostics);
    let (mut parsed, reparsed) = caches.parse.update(found, previous, &mut diagnostics);
    clock.lap("parse");
    // Drafts are taken out in place: the other pages (all of them, mostly) stay where
    // they are rather than being moved into a new list.
    caches.drafts = parsed
        .pages
        .extract_if(.., |p| p.front.draft && !options.drafts)
        .collect();
    let mut site = match assemble(config, parsed, true, &sources, &mut diagnostics) {
        Ok(site) => site,
        Err(e) => {
            caches.sources = Some(sources);
            return Err(e);
        }
    };
    clock.lap("assemble");
    site.images = Arc::new(crate::images::Images::scan(
        &sources,
        &site.config,
        images.as_deref(),
        &mut diagnostics,
    ));
    crate::site::check_data_pictures(&site, &sources, &mut diagnostics);
    clock.lap("images");
    // Shortcodes are templates: the theme is loaded before the Markdown.
    let theme = caches
        .theme
        .refresh(&site.config, &sources, &mut diagnostics);
    let reloaded = theme.reloaded;
    let Theme {
        localizer,
        assets,
        templates,
    } = theme.loaded.clone();
    let shortcodes = shortcodes(&site.config, templates.clone());
    let markdown = caches
        .markdown
        .render(&mut site, None, &shortcodes, &mut diagnostics);
    clock.lap("markdown");
    let plan = planned(&site, &sources, &assets, &mut diagnostics, clock);
    match plan {
        Ok(plan) => Ok(Prepared {
            sources,
            site,
            localizer,
            templates,
            plan,
            diagnostics,
            reloaded,
            reparsed,
            markdown,
        }),
        Err(()) => {
            caches
                .markdown
                .report_unrendered(&site, &shortcodes, &mut diagnostics);
            caches.keep(site, sources);
            Err(failure(diagnostics))
        }
    }
}

/// The plan of `site`, and the image versions it needs made (in the cache); `Err`
/// when `out` holds an error.
pub(crate) fn planned(
    site: &Site,
    sources: &Sources,
    assets: &Assets,
    out: &mut Diagnostics,
    clock: &mut Clock,
) -> Result<Plan, ()> {
    let plan = crate::plan::plan(site, sources, assets, out);
    clock.lap("plan");
    if out.has_errors() {
        return Err(());
    }
    site.images.produce(out);
    clock.lap("resize");
    if out.has_errors() {
        return Err(());
    }
    Ok(plan)
}

/// The shortcodes of `templates`, in the direction of each language of `config`.
pub(crate) fn shortcodes(
    config: &Config,
    templates: Arc<crate::render::Templates>,
) -> impl Fn(&str, &crate::markdown::Call) -> Result<String, (String, String)> + Sync + use<> {
    let directions: HashMap<String, &'static str> = config
        .languages
        .iter()
        .map(|l| (l.code.clone(), l.direction.as_str()))
        .collect();
    move |lang: &str, call: &crate::markdown::Call| {
        let dir = directions.get(lang).copied().unwrap_or("ltr");
        templates.shortcode(lang, dir, call)
    }
}

/// The error made of every diagnostic collected.
pub fn failure(diagnostics: Diagnostics) -> Error {
    diagnostics
        .into_result()
        .err()
        .unwrap_or_else(|| Error::Diagnostics(Vec::new()))
}
