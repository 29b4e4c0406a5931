//! Rendering: plan the output files, then render them in parallel with Tera.
//!
//! [`plan`] is pure: it lists every file to produce (each page in each language, tag
//! pages, 404 pages, the language chooser) with its template. [`render`] fills each
//! job's context from view structs and renders the jobs on all cores.

mod aliases;
mod data_view;
mod event_pages;
mod event_views;
mod functions;
mod json_ld;
mod templates;
pub mod views;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use tera::{Context, Value};

pub use aliases::render_aliases;
pub use templates::Templates;

use crate::error::{Diagnostic, Diagnostics, Error};
use crate::i18n::Localizer;
use crate::site::Site;
use views::*;

/// What one output file shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    /// A page or section (group index).
    Entry(usize),
    /// The language's tag index.
    TagIndex,
    /// One tag's page (term index).
    Term(usize),
    /// The language's 404 page.
    NotFound,
    /// The language chooser at `/`.
    Chooser,
    /// The language's search page.
    Search,
    /// A page made from event data (schedule, session, person, organization).
    Event(event_pages::EventPage),
}

/// One output file to render.
#[derive(Debug, Clone)]
pub struct Job {
    /// Path under the output folder (`fr/a-propos/index.html`).
    pub out_path: String,
    /// Index into `site.langs`.
    pub lang: usize,
    /// What it shows.
    pub kind: JobKind,
    /// Template name.
    pub template: String,
}

/// Lists the files to render. Unknown templates named in front matter go to `out`.
pub fn plan(site: &Site, templates: &Templates, out: &mut Diagnostics) -> Vec<Job> {
    let mut jobs = Vec::new();
    let default = site
        .langs
        .iter()
        .position(|l| l.lang == site.config.default_language)
        .unwrap_or(0);
    for (l, lang_site) in site.langs.iter().enumerate() {
        for (g, entry) in lang_site.entries.iter().enumerate() {
            let page = &site.pages[entry.source];
            let template = match &page.front.template {
                Some(t) => {
                    if !templates.has(t) && !entry.fallback {
                        let (line, column) = page.position(&["template".into()]);
                        out.push(
                            Diagnostic::error(
                                &page.source.display,
                                format!("the template `{t}` does not exist in the theme"),
                            )
                            .at(&page.text, line, column)
                            .hint(format!(
                                "add themes/{}/templates/{t} or remove `template`",
                                site.config.theme
                            )),
                        );
                    }
                    t.clone()
                }
                None if g == site.home && templates.has("home.html") => "home.html".into(),
                None if site.groups[g].is_section => "section.html".into(),
                None => "page.html".into(),
            };
            jobs.push(Job {
                out_path: out_path(site, &entry.path),
                lang: l,
                kind: JobKind::Entry(g),
                template,
            });
        }
        if !lang_site.terms.is_empty() {
            jobs.push(Job {
                out_path: out_path(site, &lang_site.tags_path),
                lang: l,
                kind: JobKind::TagIndex,
                template: "tags.html".into(),
            });
            for (t, term) in lang_site.terms.iter().enumerate() {
                jobs.push(Job {
                    out_path: out_path(site, &term.path),
                    lang: l,
                    kind: JobKind::Term(t),
                    template: "tag.html".into(),
                });
            }
        }
        let prefix = out_path(site, &site.config.lang_prefix(&lang_site.lang));
        let not_found = format!("{}404.html", prefix.trim_end_matches("index.html"));
        jobs.push(Job {
            out_path: not_found,
            lang: l,
            kind: JobKind::NotFound,
            template: "404.html".into(),
        });
        if templates.has("search.html") {
            plan_search(site, l, &mut jobs, out);
        }
    }
    // The root 404 page is served for any missing URL: in every language, when the theme
    // has a template for that.
    let root_404 = if templates.has("404-root.html") {
        "404-root.html"
    } else {
        "404.html"
    };
    if !site.config.default_language_at_root {
        jobs.push(Job {
            out_path: "index.html".into(),
            lang: default,
            kind: JobKind::Chooser,
            template: "chooser.html".into(),
        });
    }
    jobs.retain(|j| j.out_path != "404.html");
    jobs.push(Job {
        out_path: "404.html".into(),
        lang: default,
        kind: JobKind::NotFound,
        template: root_404.into(),
    });
    event_pages::plan(site, templates, &mut jobs, out);
    jobs.sort_by(|a, b| a.out_path.cmp(&b.out_path));
    jobs.dedup_by(|a, b| a.out_path == b.out_path);
    jobs
}

/// Adds the search page of language `l`, unless a content page has its URL (an error).
fn plan_search(site: &Site, l: usize, jobs: &mut Vec<Job>, out: &mut Diagnostics) {
    let lang_site = &site.langs[l];
    let path = crate::search::page_path(&site.config, &lang_site.lang);
    match lang_site.entries.iter().find(|e| e.path == path) {
        Some(entry) if !entry.fallback => {
            let page = &site.pages[entry.source];
            let (line, column) = page.position(&["slug".into()]);
            out.push(
                Diagnostic::error(
                    &page.source.display,
                    format!("{path} is also the URL of the search page"),
                )
                .at(&page.text, line, column)
                .hint(
                    "give the page another `slug`: search/ belongs to the search page of the theme",
                ),
            );
        }
        // The page's own language reports it.
        Some(_) => {}
        None => jobs.push(Job {
            out_path: out_path(site, &path),
            lang: l,
            kind: JobKind::Search,
            template: "search.html".into(),
        }),
    }
}

/// `/wsis/fr/a-propos/` → `fr/a-propos/index.html`.
fn out_path(site: &Site, url_path: &str) -> String {
    let rel = url_path
        .strip_prefix(&site.config.base_path)
        .unwrap_or(url_path.trim_start_matches('/'));
    format!("{rel}index.html")
}

/// Values shared by many renders, built once.
struct Shared {
    site: Vec<Value>,
    menu: Vec<Value>,
    homes: Value,
    data: Vec<Value>,
    switchers: HashMap<usize, Value>,
    /// Per language, on themes with a search page: the search view and the switcher.
    search: Vec<Option<(Value, Value)>>,
    event: event_pages::Shared,
}

/// Renders every job; returns (output path, bytes) pairs in job order.
pub fn render(
    site: &Site,
    localizer: &Arc<Localizer>,
    templates: &Templates,
    jobs: &[Job],
    out: &mut Diagnostics,
) -> Vec<(String, Vec<u8>)> {
    let files = Mutex::new(Vec::with_capacity(jobs.len()));
    render_each(site, localizer, templates, jobs, out, |job, bytes| {
        files
            .lock()
            .expect("poisoned")
            .push((job.out_path.clone(), bytes));
        Ok(())
    })
    .expect("collecting in memory cannot fail");
    let mut files = files.into_inner().expect("poisoned");
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

/// Renders every job on all cores, handing each result to `sink` as soon as it is
/// ready (a build writes it to disk there, so the site is never held in memory whole).
/// Template errors go to `out`; an error of the sink stops the rendering.
pub fn render_each<F>(
    site: &Site,
    localizer: &Arc<Localizer>,
    templates: &Templates,
    jobs: &[Job],
    out: &mut Diagnostics,
    sink: F,
) -> Result<(), Error>
where
    F: Fn(&Job, Vec<u8>) -> Result<(), Error> + Sync,
{
    let shared = shared_values(site, localizer, out);
    let diagnostics = Mutex::new(Vec::new());
    // A search page whose messages failed is reported once, not rendered.
    let renderable = |job: &&Job| job.kind != JobKind::Search || shared.search[job.lang].is_some();
    jobs.par_iter().filter(renderable).try_for_each(|job| {
        let context = context_for(site, localizer, &shared, job);
        match templates.render(&job.template, &context) {
            Ok(html) if site.config.minify && job.out_path.ends_with(".html") => {
                sink(job, crate::assets::minify::html(&html).into_bytes())
            }
            Ok(html) => sink(job, html.into_bytes()),
            Err(d) => {
                diagnostics.lock().expect("poisoned").push(d);
                Ok(())
            }
        }
    })?;
    out.extend(diagnostics.into_inner().expect("poisoned"));
    Ok(())
}

/// Every job's template context, in job order: exactly what [`render_each`] gives Tera.
/// Output is a function of the context, the templates and the Fluent messages alone, so
/// the preview server compares contexts between builds to re-render only what changed.
pub fn contexts(
    site: &Site,
    localizer: &Localizer,
    jobs: &[Job],
    out: &mut Diagnostics,
) -> Vec<Context> {
    let shared = shared_values(site, localizer, out);
    jobs.par_iter()
        .map(|job| context_for(site, localizer, &shared, job))
        .collect()
}

/// Renders one job with its context.
pub fn render_job(
    templates: &Templates,
    job: &Job,
    context: &Context,
) -> Result<Vec<u8>, Diagnostic> {
    templates
        .render(&job.template, context)
        .map(String::into_bytes)
}

fn shared_values(site: &Site, localizer: &Localizer, out: &mut Diagnostics) -> Shared {
    let mut shared = Shared {
        site: Vec::new(),
        menu: Vec::new(),
        homes: Value::none(),
        data: Vec::new(),
        switchers: HashMap::new(),
        search: Vec::new(),
        event: event_pages::Shared::build(site, localizer, out),
    };
    let has_search = crate::search::enabled(&site.config);
    let search_pages: Vec<String> = site
        .langs
        .iter()
        .map(|ls| crate::search::page_path(&site.config, &ls.lang))
        .collect();
    for (l, lang_site) in site.langs.iter().enumerate() {
        let lang = &lang_site.lang;
        shared.search.push(
            has_search
                .then(|| search_values(site, localizer, l, &search_pages, out))
                .flatten(),
        );
        shared.site.push(Value::from_serializable(&SiteView {
            title: &site.config.title[lang],
            base_url: &site.config.base_url,
            base_path: &site.config.base_path,
            home: &lang_site.entries[site.home].path,
            default_language: &site.config.default_language,
            tags: &lang_site.tags_path,
            feed: crate::feed::path(site, l),
            search: has_search.then(|| search_pages[l].clone()),
        }));
        let menu: Vec<MenuLink> = site
            .config
            .menu
            .iter()
            .filter_map(|m| {
                let g = *site.by_key.get(&m.page)?;
                Some(MenuLink {
                    label: &m.label,
                    href: &lang_site.entries[g].path,
                })
            })
            .collect();
        shared.menu.push(Value::from_serializable(&menu));
        shared
            .data
            .push(data_view::build(site, localizer, &shared.event, l));
    }
    shared.homes = Value::from_serializable(&switcher(site, site.home));
    for g in 0..site.groups.len() {
        shared
            .switchers
            .insert(g, Value::from_serializable(&switcher(site, g)));
    }
    shared
}

/// The search page's view and language switcher for language `l`; a missing message
/// goes to `out`.
fn search_values(
    site: &Site,
    localizer: &Localizer,
    l: usize,
    pages: &[String],
    out: &mut Diagnostics,
) -> Option<(Value, Value)> {
    let language = &site.config.languages[l];
    let messages = match crate::search::messages(localizer, &language.code) {
        Ok(m) => m,
        Err(e) => {
            let message = match e {
                crate::i18n::MessageError::Missing => format!(
                    "the search page needs the Fluent messages `search-results` and `search-no-results`; one is missing in `{}` and in every language it falls back to",
                    language.code
                ),
            };
            out.push(
                Diagnostic::error(std::path::Path::new("locales").join(&language.code), message)
                    .hint("the theme has a search page (search.html): add both messages to a file of locales/<lang>/"),
            );
            return None;
        }
    };
    let view = SearchView {
        index: crate::search::index_path(&site.config, &language.code),
        locale: &language.locale,
        messages,
    };
    let links: Vec<LanguageLink> = switcher(site, site.home)
        .into_iter()
        .zip(pages)
        .map(|(link, href)| LanguageLink {
            href: href.as_str(),
            translated: true,
            ..link
        })
        .collect();
    Some((
        Value::from_serializable(&view),
        Value::from_serializable(&links),
    ))
}

fn switcher(site: &Site, g: usize) -> Vec<LanguageLink<'_>> {
    site.config
        .languages
        .iter()
        .zip(&site.langs)
        .map(|(language, lang_site)| LanguageLink {
            code: &language.code,
            name: &language.name,
            dir: language.direction.as_str(),
            href: &lang_site.entries[g].path,
            translated: !lang_site.entries[g].fallback,
        })
        .collect()
}

fn context_for(site: &Site, localizer: &Localizer, shared: &Shared, job: &Job) -> Context {
    let lang_site = &site.langs[job.lang];
    let language = &site.config.languages[job.lang];
    let mut ctx = Context::new();
    ctx.insert("lang", &language.code);
    ctx.insert("dir", language.direction.as_str());
    ctx.insert_value("site", shared.site[job.lang].clone());
    ctx.insert_value("menu", shared.menu[job.lang].clone());
    ctx.insert_value("data", shared.data[job.lang].clone());
    ctx.insert("kind", kind_name(site, job.kind));
    let mut canonical = None;
    match job.kind {
        JobKind::Entry(g) => {
            let entry = &lang_site.entries[g];
            let page = &site.pages[entry.source];
            let mut info = page_info(site, job.lang, g, entry, page);
            info.date_display = page.date.map(|d| localizer.dates.long(&language.code, d));
            ctx.insert("page", &info);
            ctx.insert_value("languages", shared.switchers[&g].clone());
            let group = &site.groups[g];
            if group.is_section {
                let mut pages: Vec<Summary> = group
                    .pages
                    .iter()
                    .map(|&p| summary(site, job.lang, p))
                    .collect();
                for (s, &p) in pages.iter_mut().zip(&group.pages) {
                    s.date_display = site.pages[lang_site.entries[p].source]
                        .date
                        .map(|d| localizer.dates.long(&language.code, d));
                }
                ctx.insert("pages", &pages);
                let subsections: Vec<Summary> = group
                    .subsections
                    .iter()
                    .map(|&p| summary(site, job.lang, p))
                    .collect();
                ctx.insert("subsections", &subsections);
            }
            let (list, x_default) = crate::sitemap::alternates(site, g);
            let alternates: Vec<Alternate> = list
                .into_iter()
                .map(|(lang, href)| Alternate { lang, href })
                .collect();
            ctx.insert("alternates", &alternates);
            ctx.insert("x_default", &x_default);
            if entry.fallback {
                let source_site = site.langs.iter().find(|ls| ls.lang == page.source.lang);
                canonical = source_site.map(|ls| site.config.absolute(&ls.entries[g].path));
                ctx.insert(
                    "fallback",
                    &FallbackView {
                        lang: &page.source.lang,
                        dir: crate::config::Direction::of_language(&page.source.lang).as_str(),
                    },
                );
            }
            canonical.get_or_insert_with(|| site.config.absolute(&entry.path));
        }
        JobKind::TagIndex => {
            let terms: Vec<TagLink> = lang_site
                .terms
                .iter()
                .map(|t| TagLink {
                    name: &t.name,
                    href: &t.path,
                    count: t.pages.len(),
                })
                .collect();
            ctx.insert("terms", &terms);
            ctx.insert_value("languages", shared.homes.clone());
            canonical = Some(site.config.absolute(&lang_site.tags_path));
        }
        JobKind::Term(t) => {
            let term = &lang_site.terms[t];
            ctx.insert(
                "term",
                &TagLink {
                    name: &term.name,
                    href: &term.path,
                    count: term.pages.len(),
                },
            );
            let pages: Vec<Summary> = term
                .pages
                .iter()
                .map(|&p| summary(site, job.lang, p))
                .collect();
            ctx.insert("pages", &pages);
            ctx.insert_value("languages", shared.homes.clone());
            canonical = Some(site.config.absolute(&term.path));
        }
        JobKind::NotFound | JobKind::Chooser => {
            ctx.insert_value("languages", shared.homes.clone());
        }
        JobKind::Search => {
            let (search, languages) = shared.search[job.lang]
                .clone()
                .unwrap_or((Value::none(), Value::none()));
            ctx.insert_value("search", search);
            ctx.insert_value("languages", languages);
        }
        JobKind::Event(page) => {
            canonical = Some(event_pages::context(
                site,
                localizer,
                &shared.event,
                job.lang,
                page,
                &mut ctx,
            ));
        }
    }
    ctx.insert("canonical", &canonical);
    ctx
}

fn kind_name(site: &Site, kind: JobKind) -> &'static str {
    match kind {
        JobKind::Entry(g) if g == site.home => "home",
        JobKind::Entry(g) if site.groups[g].is_section => "section",
        JobKind::Entry(_) => "page",
        JobKind::TagIndex => "tags",
        JobKind::Term(_) => "tag",
        JobKind::NotFound => "404",
        JobKind::Chooser => "chooser",
        JobKind::Search => "search",
        JobKind::Event(page) => page.kind_name(),
    }
}
