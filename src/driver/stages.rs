//! The stages up to the plan, each a function of what the previous ones made. The
//! one-off run ([`prepare`]) chains them; the preview server's run chains the same
//! functions with its caches.

use std::collections::HashSet;
use std::path::PathBuf;

use super::{Clock, Options, Prepared, options::apply_options};
use crate::assets::Assets;
use crate::config::Config;
use crate::discover::discover;
use crate::error::{Diagnostics, Error};
pub use crate::parse::{Parsed, parse};
use crate::plan::Plan;
pub use crate::render::Theme;
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
    config.theme = crate::sources::theme::resolve(
        &sources.root,
        config.theme.as_deref(),
        sources.config_text(),
    )
    .map_err(|d| Error::Diagnostics(vec![d]))?;
    sources.load_rest(config.theme.as_deref(), previous, changed, out);
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

/// Loads the theme from the snapshot (see [`Theme::load`]).
pub fn theme(config: &Config, sources: &Sources, out: &mut Diagnostics) -> Theme {
    Theme::load(config, sources, out)
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
    let mut site = assemble(config, parsed, options.drafts, &sources, &mut diagnostics)?;
    clock.lap("assemble");
    site.images = std::sync::Arc::new(crate::images::Images::scan(
        &sources,
        &site.config,
        None,
        &mut diagnostics,
    ));
    crate::site::check_data_pictures(&site, &sources, &mut diagnostics);
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
pub fn markdown(site: &mut Site, templates: &crate::render::Templates, out: &mut Diagnostics) {
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
