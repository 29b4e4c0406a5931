//! The preview server's run: the driver's stages with the caches of
//! [`crate::incremental`], the site kept in memory.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use bytes::Bytes;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use tera::Context;

use super::Options;
use super::Prepared;
use super::stages::{self, Snapshot, failure, snapshot};
use crate::content::{Page, parse_page};
use crate::error::{Diagnostic, Diagnostics, Error};
use crate::incremental::theme::Theme;
use crate::incremental::{Cache, Files, LastGood, Stages, deps, digest};
use crate::output::OutputFile;
use crate::plan::{Derived, FileJob, Job, JobKind, Plan};
use crate::render::{contexts, files, render_job};
use crate::site::{Bodies, GroupId, LangId, PageId, Site};
use crate::sources::{Body, Sources};

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
    /// How many pages were rendered.
    pub rendered: usize,
    /// How many pages the site has to render in all.
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

/// Rebuilds the site with `cache`; see [`super::Driver::rebuild`].
pub fn run(
    options: &Options,
    cache: &mut Cache,
    changed: &HashSet<PathBuf>,
    verify: bool,
) -> Result<Outcome, Error> {
    let mut diagnostics = Diagnostics::default();
    let previous = cache.stages.sources.take();
    let (sources, config) = match snapshot(
        options,
        crate::sources::Pages::Whole,
        previous.as_ref(),
        changed,
        &mut diagnostics,
    ) {
        Ok(snapshot) => snapshot,
        Err(e) => {
            cache.stages.sources = previous;
            cache.stages.clean = false;
            return Err(e);
        }
    };
    let config_version = sources.config.as_ref().map(|c| c.version);
    let previous = if cache.stages.config_version != config_version {
        // A new configuration can change anything: start again from nothing.
        cache.stages = Stages {
            config_version,
            published: super::published_calendars(options),
            ..Stages::default()
        };
        None
    } else {
        previous
    };
    let stages = &mut cache.stages;
    let last = &mut cache.render;
    let edited = text_edits(stages, previous.as_ref(), &sources);
    let result = match edited {
        Some(edits) => text_only(stages, last, sources, config, edits, verify, diagnostics),
        None => whole(options, stages, last, sources, config, verify, diagnostics),
    };
    stages.clean = result.is_ok();
    result
}

/// Edits of page texts: the pages, and whether a title or description changed too.
struct TextEdits {
    pages: Vec<Page>,
    /// Whether a title or a description changed: lists and tag pages show them.
    listed: bool,
}

/// The pages whose text alone changed since the last good rebuild, when that is the
/// only change: their front matter is the same but for titles and descriptions
/// ([`crate::content::FrontMatter::same_but_shown_text`]), every other file and the set
/// of files are the same. The site's structure (URLs, sections, tags, fallbacks) is
/// then the same, but for the order of a section sorted by title.
fn text_edits(stages: &Stages, previous: Option<&Sources>, now: &Sources) -> Option<TextEdits> {
    let previous = previous?;
    let site = stages.site.as_ref()?;
    if !stages.clean {
        return None;
    }
    let same_locales = previous.locales.len() == now.locales.len()
        && previous
            .locales
            .iter()
            .zip(&now.locales)
            .all(|((l1, f1), (l2, f2))| l1 == l2 && same_files(f1, f2));
    if !same_locales
        || !same_files(previous.templates.values(), now.templates.values())
        || !same_files(previous.statics.values(), now.statics.values())
        || previous.content.len() != now.content.len()
    {
        return None;
    }
    let index: FxHashMap<&std::ffi::OsStr, usize> = site
        .pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.source.path.as_os_str(), i))
        .collect();
    let mut edits = Vec::new();
    let mut listed = false;
    for (old, new) in previous.content.iter().zip(&now.content) {
        if old.found.path != new.found.path {
            return None;
        }
        if old.version == new.version {
            continue;
        }
        let Body::Text(text) = &new.body else {
            return None;
        };
        let &i = index.get(new.found.path.as_os_str())?;
        let mut source = site.pages[i].source.clone();
        source.text = text.clone();
        source.version = new.version;
        let page = parse_page(source).ok()?;
        let was = &site.pages[i];
        if page.date != was.date || !page.front.same_but_shown_text(&was.front) {
            return None;
        }
        listed |=
            page.front.title != was.front.title || page.front.description != was.front.description;
        edits.push(page);
    }
    (!edits.is_empty()).then_some(TextEdits {
        pages: edits,
        listed,
    })
}

/// Whether two lists of files are the same files at the same versions.
fn same_files<'a>(
    a: impl IntoIterator<Item = &'a crate::sources::File>,
    b: impl IntoIterator<Item = &'a crate::sources::File>,
) -> bool {
    let a: Vec<_> = a.into_iter().collect();
    let b: Vec<_> = b.into_iter().collect();
    a.len() == b.len()
        && a.iter()
            .zip(&b)
            .all(|(x, y)| x.found.path == y.found.path && x.version == y.version)
}

/// The quick path: swaps the edited texts into the last site and renders the pages that
/// show them: their own pages for a new body; with a new title or description, the
/// pages the dependency analysis finds listing them too.
fn text_only(
    stages: &mut Stages,
    last: &mut LastGood,
    sources: Sources,
    config: crate::config::Config,
    edits: TextEdits,
    verify: bool,
    mut diagnostics: Diagnostics,
) -> Result<Outcome, Error> {
    let site = stages.site.as_mut().expect("checked by text_edits");
    site.config = config;
    let mut pages = HashSet::with_capacity(edits.pages.len());
    for page in edits.pages {
        let i = site
            .pages
            .iter()
            .position(|p| p.source.path == page.source.path)
            .map(PageId::new)
            .expect("checked by text_edits");
        site.pages[i] = page;
        pages.insert(i);
    }
    if edits.listed {
        site.sort_children();
    }
    let parsed = pages.len();
    // Verification compares every context: then every entry is rendered or checked
    // again (and none is lent).
    let entries = if verify { None } else { Some(&pages) };
    // Shortcodes are templates: the theme is refreshed before the Markdown.
    let theme = stages
        .theme
        .refresh(&site.config, &sources, &mut diagnostics);
    let reloaded = theme.reloaded;
    let assets = theme.loaded.assets.clone();
    let shortcodes = stages::shortcodes(&site.config, theme.loaded.templates.clone());
    let markdown = stages
        .markdown
        .render(site, entries, &shortcodes, &mut diagnostics);
    // A language none of whose entries shows an edited page keeps its search index and
    // its feed: they show its entries alone.
    let touched: HashSet<LangId> = LangId::all(site.langs.len())
        .filter(|&l| {
            site.langs[l]
                .entries
                .iter()
                .any(|e| pages.contains(&e.source))
        })
        .collect();
    // The groups showing an edited page and, when a title may have moved it, the
    // sections listing them: what the dependency analysis can find changed.
    let mut groups: Vec<GroupId> = GroupId::all(site.groups.len())
        .filter(|&g| {
            site.langs
                .iter()
                .any(|ls| pages.contains(&ls.entries[g].source))
        })
        .collect();
    if edits.listed {
        let parents: Vec<GroupId> = groups
            .iter()
            .filter_map(|&g| site.groups[g].parent)
            .collect();
        groups.extend(parents);
        groups.sort_unstable();
        groups.dedup();
    }
    // The other entries' HTML is lent as it is (only the edited pages' texts changed)
    // to what reads it: the search indexes and Atom feeds, which read every entry of
    // their language, in the languages that show an edited page; after a new title,
    // the pages of `groups` in every language, which the analysis may render again.
    let search_or_feed = site.made.search || has_feed(site);
    let mut in_groups = vec![false; site.groups.len()];
    if edits.listed {
        for g in &groups {
            in_groups[g.index()] = true;
        }
    }
    let lent = |l: LangId, g: GroupId, page: PageId| {
        !verify
            && !pages.contains(&page)
            && ((search_or_feed && touched.contains(&l)) || in_groups[g.index()])
    };
    stages.markdown.lend(site, lent);
    let mut digests = last.digests.clone();
    digests.update_groups(site, &stages.markdown, groups);
    let reach = edits
        .listed
        .then(|| deps::Reach::new(site, &last.digests, &digests));
    // A body shows on its own pages only. A title or description also shows in the
    // lists and tag pages the analysis finds; event pages show the event data (and
    // the home page's URL), never a page's title.
    let candidate = |job: &Job| match &reach {
        None => {
            matches!(job.kind, JobKind::Entry(g) if pages.contains(&site.langs[job.lang].entries[g].source))
        }
        Some(reach) => !matches!(job.kind, JobKind::Event(_)) && reach.reaches(job),
    };
    // The other files show no page body (sitemaps list URLs, calendars and the
    // programme's files show data, copies come from files that did not change): all
    // are kept.
    let kept = |file: &FileJob| match file.what {
        Derived::SearchIndex { lang } | Derived::Feed { lang } => !touched.contains(&lang),
        _ => true,
    };
    // The front matter and every other source are the same: so are the output paths
    // and what makes each, and the last plan holds.
    let plan = match last.plan.take() {
        Some(plan) => Ok(Planned::Same(plan)),
        None => stages::planned(
            site,
            &sources,
            &assets,
            &mut diagnostics,
            &mut super::Clock::start(),
        )
        .map(Planned::New),
    };
    let result = match plan {
        Ok(plan) => render_site(
            &mut stages.theme,
            &mut stages.statics,
            last,
            site,
            &sources,
            &stages.published,
            plan,
            &candidate,
            &kept,
            verify,
            reloaded,
            diagnostics,
        ),
        Err(()) => Err(failure(diagnostics)),
    };
    drop(reach);
    let rendered = |page: PageId| entries.is_none_or(|pages| pages.contains(&page));
    stages
        .markdown
        .take_back_where(site, |l, g, page| rendered(page) || lent(l, g, page));
    if result.is_ok() {
        last.digests = digests;
    }
    stages.sources = Some(sources);
    result.map(|mut outcome| {
        outcome.parsed = parsed;
        outcome.markdown = markdown;
        outcome
    })
}

fn has_feed(site: &Site) -> bool {
    LangId::all(site.langs.len()).any(|l| crate::feed::path(site, l).is_some())
}

/// Every stage, each reusing what its cache holds: the driver's one run of the stages
/// up to the plan ([`stages::prepare`]) with the preview server's caches, then the
/// pages the change can reach.
fn whole(
    options: &Options,
    stages: &mut Stages,
    last: &mut LastGood,
    sources: Sources,
    config: crate::config::Config,
    verify: bool,
    diagnostics: Diagnostics,
) -> Result<Outcome, Error> {
    let data_digest = digest(
        &sources
            .content
            .iter()
            .filter(|f| f.found.rel.starts_with("data/"))
            .map(|f| (f.display().to_path_buf(), f.version))
            .collect::<Vec<_>>(),
    );
    let snapshot = Snapshot {
        sources,
        config,
        diagnostics,
    };
    let Prepared {
        sources,
        site,
        plan,
        diagnostics,
        reloaded,
        reparsed,
        markdown,
        ..
    } = stages::prepare(options, snapshot, stages, &mut super::Clock::start())?;
    let digests = deps::Digests::of(&site, &stages.markdown, data_digest);
    let reach = deps::Reach::new(&site, &last.digests, &digests);
    let candidate = |job: &Job| reach.reaches(job);
    let result = render_site(
        &mut stages.theme,
        &mut stages.statics,
        last,
        &site,
        &sources,
        &stages.published,
        Planned::New(plan),
        &candidate,
        &|_| false,
        verify,
        reloaded,
        diagnostics,
    );
    if result.is_ok() {
        last.digests = digests;
    }
    drop(reach);
    stages.keep(site, sources);
    result.map(|mut outcome| {
        outcome.parsed = reparsed;
        outcome.markdown = markdown;
        outcome
    })
}

/// The plan a rebuild renders.
enum Planned {
    /// Made by this rebuild.
    New(Plan),
    /// The last good site's, whose files are all known.
    Same(Plan),
}

/// Plans the site, renders the pages whose context or templates changed among the
/// `candidate`s (every page when the theme was loaded again), makes the other files
/// but those `kept` as they were and, on success, makes the result the last good site.
#[allow(clippy::too_many_arguments)]
fn render_site(
    theme: &mut crate::incremental::theme::ThemeCache,
    statics: &mut crate::incremental::statics::StaticCache,
    last: &mut LastGood,
    site: &Site,
    sources: &Sources,
    published: &std::collections::BTreeMap<String, crate::sources::marker::Published>,
    planned: Planned,
    candidate: &(dyn Fn(&Job) -> bool + Sync),
    kept: &(dyn Fn(&FileJob) -> bool + Sync),
    verify: bool,
    reloaded: bool,
    mut diagnostics: Diagnostics,
) -> Result<Outcome, Error> {
    let theme: &Theme = theme.refresh(&site.config, sources, &mut diagnostics);
    let loaded = &theme.loaded;
    let config_digest = digest(&sources.config.as_ref().map(|c| c.version));
    let (plan, same) = match planned {
        Planned::New(plan) => (plan, false),
        Planned::Same(plan) => (plan, true),
    };
    let known = |job: &Job| {
        same || (last.files.contains_key(job.out_path.as_str())
            && last.jobs.contains_key(job.out_path.as_str()))
    };
    // Loaded again now or before the Markdown of this rebuild: every page may change.
    let all = theme.reloaded || reloaded;
    let candidates: Vec<Job> = plan
        .jobs
        .iter()
        .filter(|job| all || candidate(job) || !known(job))
        .cloned()
        .collect();
    if verify && !all {
        verify_others(
            site,
            &theme.loaded,
            &plan,
            last,
            candidate,
            &mut diagnostics,
        );
    }
    let contexts = contexts(
        site,
        &loaded.localizer,
        &loaded.templates,
        &plan,
        &candidates,
        &mut diagnostics,
    );
    let fingerprints: Vec<u64> = candidates
        .iter()
        .map(|job| digest(&(theme.fingerprint(job), config_digest)))
        .collect();
    // The pages and the other files at once: the Markdown was rendered ahead, so no
    // file waits for a page. The other files are cheap, made again on every rebuild
    // but those kept; copies come from the cache. What they share is made when one of
    // them needs it.
    let shared = files::Shared::new(site, published);
    let render_pages = || -> Vec<Option<Result<Vec<u8>, Diagnostic>>> {
        (0..candidates.len())
            .into_par_iter()
            .map(|i| {
                let job = &candidates[i];
                let same = known(job)
                    && last.jobs.get(job.out_path.as_str()).is_some_and(
                        |(context, fingerprint)| {
                            *fingerprint == fingerprints[i] && *context == contexts[i]
                        },
                    );
                (!same).then(|| render_job(site, &loaded.templates, job, &contexts[i]))
            })
            .collect()
    };
    let make_files = || -> Vec<(String, Result<OutputFile, Bytes>)> {
        plan.files
            .par_iter()
            .map(|file| {
                let path = file.out_path.as_str().to_string();
                if let Some(bytes) = last.files.get(&path).filter(|_| !all && kept(file)) {
                    return (path, Err(bytes.clone()));
                }
                let output = files::produce(
                    site,
                    &loaded.localizer,
                    sources,
                    &plan,
                    &shared,
                    &Bodies::Ahead,
                    file,
                );
                (path, Ok(output))
            })
            .collect()
    };
    let (outputs, made) = rayon::join(render_pages, make_files);
    let mut rendered = Vec::with_capacity(outputs.len());
    for output in outputs {
        match output {
            Some(Err(d)) => {
                diagnostics.push(d);
                rendered.push(None);
            }
            Some(Ok(bytes)) => rendered.push(Some(Bytes::from(bytes))),
            None => rendered.push(None),
        }
    }
    // The version of each copied source, found by path once a copy needs one.
    let versions = std::cell::OnceCell::new();
    let version_of = |path: &std::path::Path| {
        let versions: &FxHashMap<&std::ffi::OsStr, u64> = versions.get_or_init(|| {
            sources
                .content
                .iter()
                .chain(sources.statics.values())
                .map(|f| (f.found.path.as_os_str(), f.version))
                .collect()
        });
        versions.get(path.as_os_str()).copied().unwrap_or(0)
    };
    let mut others = Vec::with_capacity(made.len());
    for (path, output) in made {
        match output {
            // Kept as it was.
            Err(bytes) => others.push((path, bytes, false)),
            Ok(OutputFile::Bytes(bytes)) => others.push((path, Bytes::from(bytes), true)),
            Ok(OutputFile::Copy(from, display)) => {
                let version = version_of(&from);
                match statics.bytes(&from, &display, version) {
                    Ok((bytes, fresh)) => others.push((path, bytes, fresh)),
                    Err(d) => diagnostics.push(d),
                }
            }
        }
    }
    statics.retain(sources.content.iter().chain(sources.statics.values()));
    // Image versions are named by their content: kept as long as the plan has them.
    statics.retain_images(&site.images);
    diagnostics.extend(loaded.localizer.render_diagnostics());
    let warnings = diagnostics.into_result()?;
    Ok(commit(
        last,
        Rendered {
            same,
            plan,
            candidates,
            contexts,
            fingerprints,
            rendered,
            others,
        },
        warnings,
    ))
}

/// Fails the rebuild for every page the dependency analysis left out whose context
/// changed all the same (for tests).
fn verify_others(
    site: &Site,
    loaded: &stages::Theme,
    plan: &Plan,
    last: &LastGood,
    candidate: &(dyn Fn(&Job) -> bool + Sync),
    diagnostics: &mut Diagnostics,
) {
    let others: Vec<Job> = plan
        .jobs
        .iter()
        .filter(|job| last.jobs.contains_key(job.out_path.as_str()) && !candidate(job))
        .cloned()
        .collect();
    let mut ignored = Diagnostics::default();
    let contexts = contexts(
        site,
        &loaded.localizer,
        &loaded.templates,
        plan,
        &others,
        &mut ignored,
    );
    for (job, context) in others.iter().zip(contexts) {
        if last
            .jobs
            .get(job.out_path.as_str())
            .is_none_or(|(c, _)| *c != context)
        {
            diagnostics.push(Diagnostic::error(
                "src/incremental",
                format!("the dependency analysis missed {}", job.out_path),
            ));
        }
    }
}

/// What a successful rebuild rendered and made.
struct Rendered {
    plan: Plan,
    /// Whether `plan` is the last good site's.
    same: bool,
    /// The pages that may have changed, with their contexts, fingerprints and, when
    /// they were rendered, output.
    candidates: Vec<Job>,
    contexts: Vec<Context>,
    fingerprints: Vec<u64>,
    rendered: Vec<Option<Bytes>>,
    /// The other files: path, bytes, whether made or read again.
    others: Vec<(String, Bytes, bool)>,
}

/// Makes a successful rebuild the last good site, and says what changed.
fn commit(last: &mut LastGood, r: Rendered, warnings: Vec<Diagnostic>) -> Outcome {
    let mut outcome = Outcome {
        files: Arc::default(),
        changed: Vec::new(),
        removed: Vec::new(),
        added: 0,
        rendered: r.rendered.iter().filter(|o| o.is_some()).count(),
        jobs: r.plan.jobs.len(),
        parsed: 0,
        markdown: 0,
        warnings,
        millis: 0.0,
    };
    // The same plan has the same paths: the last files with the new ones in place.
    let mut files = if r.same {
        Files::clone(&last.files)
    } else {
        let mut files = Files::with_capacity(r.plan.len());
        for job in &r.plan.jobs {
            if let Some(bytes) = last.files.get(job.out_path.as_str()) {
                files.insert(job.out_path.as_str().to_string(), bytes.clone());
            }
        }
        files
    };
    for (((job, context), fingerprint), output) in r
        .candidates
        .into_iter()
        .zip(r.contexts)
        .zip(r.fingerprints)
        .zip(r.rendered)
    {
        let path = job.out_path.as_str().to_string();
        if let Some(bytes) = output {
            if last.files.get(&path) != Some(&bytes) {
                outcome.changed.push(path.clone());
            }
            files.insert(path.clone(), bytes);
        }
        last.jobs.insert(path, (context, fingerprint));
    }
    for (path, bytes, fresh) in r.others {
        if fresh && last.files.get(&path) != Some(&bytes) {
            outcome.changed.push(path.clone());
        }
        if fresh || !r.same {
            files.insert(path, bytes);
        }
    }
    if !r.same {
        let planned: HashSet<&str> = r.plan.jobs.iter().map(|j| j.out_path.as_str()).collect();
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
    }
    outcome.changed.sort();
    outcome.changed.dedup();
    last.files = Arc::new(files);
    outcome.files = last.files.clone();
    last.plan = Some(r.plan);
    outcome
}
