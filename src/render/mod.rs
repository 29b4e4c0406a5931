//! Rendering: fill each planned page's template context from view structs, and render
//! the pages in parallel with Tera; make the other planned files ([`files`]).
//!
//! Output is a function of the context, the templates and the Fluent messages alone: the
//! template functions (`t`, `format_date`, `asset`) read nothing else, so the preview
//! server compares contexts between builds to render again only what changed.

mod aliases;
mod cards;
mod data_view;
mod event_pages;
mod event_views;
pub mod files;
mod functions;
mod json_ld;
mod paginate;
mod search_docs;
mod shortcodes;
mod templates;
mod text;
mod theme;
mod timetable_view;
mod toc;
mod venue_view;
pub mod views;

use rayon::prelude::*;
use tera::{Context, Value};

pub use templates::{
    Templates, closure as template_closure, dependencies as template_dependencies,
};
pub use theme::Theme;

use crate::error::{Diagnostic, Diagnostics};
use crate::i18n::Localizer;
use crate::plan::{Job, JobKind, Plan};
use crate::site::{Bodies, GroupId, LangId, PerLang, Site, alternates};
use views::*;

/// Values shared by many renders, built once.
struct Shared {
    site: PerLang<Value>,
    menu: PerLang<Value>,
    homes: Value,
    data: PerLang<Value>,
    /// Per group, the language switcher of the pages being rendered.
    switchers: Vec<Option<Value>>,
    /// Per language, on themes with a search page: the search view and the switcher.
    search: PerLang<Option<(Value, Value)>>,
    event: cards::Shared,
}

/// Renders every job on all cores and hands each page to `f` as soon as it is ready
/// (a build writes it to disk there, so the site is never held in memory whole);
/// returns what `f` returned, in job order. Page bodies come from `bodies` (streamed,
/// each is rendered with its page and dropped after it). Problems go to `out`.
pub fn render_each<R, F>(
    site: &Site,
    localizer: &Localizer,
    templates: &Templates,
    plan: &Plan,
    bodies: &Bodies<'_>,
    out: &mut Diagnostics,
    f: F,
) -> Vec<R>
where
    R: Send,
    F: Fn(&Job, Vec<u8>) -> R + Sync,
{
    let shared = shared_values(site, localizer, templates, plan, &plan.jobs, out);
    // A search page whose messages failed is reported once, not rendered.
    let renderable = |job: &&Job| job.kind != JobKind::Search || shared.search[job.lang].is_some();
    let results: Vec<(Result<R, Diagnostic>, Diagnostics)> = plan
        .jobs
        .par_iter()
        .filter(renderable)
        .map(|job| {
            let mut problems = Diagnostics::default();
            let context = context_for(site, localizer, &shared, bodies, job, &mut problems);
            let made = render_job(site, templates, job, &context).map(|bytes| f(job, bytes));
            (made, problems)
        })
        .collect();
    // Freeing the shared values (every card of every language) is left to a thread
    // of its own, off the build's path.
    std::thread::spawn(move || drop(shared));
    let mut made = Vec::with_capacity(results.len());
    for (result, problems) in results {
        out.extend(problems.0);
        match result {
            Ok(r) => made.push(r),
            Err(d) => out.push(d),
        }
    }
    made
}

/// Every job's template context, in job order: exactly what [`render_each`] gives Tera
/// with bodies rendered ahead. Output is a function of the context, the templates and
/// the Fluent messages alone, so the preview server compares contexts between builds to
/// re-render only what changed.
pub fn contexts(
    site: &Site,
    localizer: &Localizer,
    templates: &Templates,
    plan: &Plan,
    jobs: &[Job],
    out: &mut Diagnostics,
) -> Vec<Context> {
    let shared = shared_values(site, localizer, templates, plan, jobs, out);
    jobs.par_iter()
        .map(|job| {
            let mut ahead = Diagnostics::default();
            context_for(site, localizer, &shared, &Bodies::Ahead, job, &mut ahead)
        })
        .collect()
}

/// Renders one job with its context (and minifies it when the site asks).
pub fn render_job(
    site: &Site,
    templates: &Templates,
    job: &Job,
    context: &Context,
) -> Result<Vec<u8>, Diagnostic> {
    let bytes = templates.render(&job.template, context)?;
    if site.config.minify && job.out_path.as_str().ends_with(".html") {
        let html = String::from_utf8_lossy(&bytes);
        return Ok(crate::assets::minify::html(&html).into_bytes());
    }
    Ok(bytes)
}

/// What the contexts of `jobs` share; the language switchers of their pages alone
/// (a rebuild that renders one page makes one switcher).
fn shared_values(
    site: &Site,
    localizer: &Localizer,
    templates: &Templates,
    plan: &Plan,
    jobs: &[Job],
    out: &mut Diagnostics,
) -> Shared {
    let has_search = plan.search;
    let search_pages: PerLang<String> = site
        .langs
        .iter()
        .map(|ls| site.config.search_page(&ls.lang))
        .collect();
    let site_values: PerLang<Value> = site
        .each_lang()
        .map(|(l, lang_site)| {
            let lang = &lang_site.lang;
            Value::from_serializable(&SiteView {
                title: &site.config.title[lang],
                base_url: &site.config.base_url,
                base_path: &site.config.base_path,
                home: &lang_site.entries[site.home].path,
                default_language: &site.config.default_language,
                tags: &lang_site.tags_path,
                feed: plan.feeds[l].clone(),
                search: has_search.then(|| search_pages[l].clone()),
                footer: &site.config.footer,
                home_key_dates: &site.config.home.key_dates,
                buttons: &lang_site.buttons,
            })
        })
        .collect();
    let event = cards::Shared::build(site, localizer, templates, &site_values, out);
    let search = site
        .each_lang()
        .map(|(l, _)| {
            has_search
                .then(|| search_values(site, localizer, l, &search_pages, out))
                .flatten()
        })
        .collect();
    let menu = site
        .langs
        .iter()
        .map(|lang_site| Value::from_serializable(&lang_site.menu))
        .collect();
    let data = site
        .each_lang()
        .map(|(l, _)| data_view::build(site, localizer, &event, l))
        .collect();
    let mut switchers = vec![None; site.groups.len()];
    for job in jobs {
        if let JobKind::Entry(g) | JobKind::Pager { group: g, .. } = job.kind {
            switchers[g.index()]
                .get_or_insert_with(|| Value::from_serializable(&switcher(site, g)));
        }
    }
    Shared {
        site: site_values,
        menu,
        homes: Value::from_serializable(&switcher(site, site.home)),
        data,
        switchers,
        search,
        event,
    }
}

/// The search page's view and language switcher for language `l`; a missing message
/// goes to `out`.
fn search_values(
    site: &Site,
    localizer: &Localizer,
    l: LangId,
    pages: &PerLang<String>,
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

fn switcher(site: &Site, g: GroupId) -> Vec<LanguageLink<'_>> {
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

/// The context of `job`; the problems of a body rendered for it go to `out`.
fn context_for(
    site: &Site,
    localizer: &Localizer,
    shared: &Shared,
    bodies: &Bodies<'_>,
    job: &Job,
    out: &mut Diagnostics,
) -> Context {
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
        JobKind::Entry(g) | JobKind::Pager { group: g, .. } => {
            let number = match job.kind {
                JobKind::Pager { page, .. } => page,
                _ => 1,
            };
            let entry = &lang_site.entries[g];
            let page = &site.pages[entry.source];
            let body = match job.kind {
                JobKind::Entry(_) => {
                    let body = bodies.for_page(site, job.lang, g, out);
                    if !entry.fallback {
                        bodies.keep_text(job.lang, g, || crate::search::plain_text(&body.html));
                    }
                    body
                }
                _ => bodies.body(site, job.lang, g),
            };
            let mut info = page_info(site, job.lang, g, entry, page, &body);
            info.date_display = page.date.map(|d| localizer.dates.long(&language.code, d));
            ctx.insert("page", &info);
            let languages = shared.switchers[g.index()]
                .clone()
                .unwrap_or_else(|| Value::from_serializable(&switcher(site, g)));
            ctx.insert_value("languages", languages);
            let group = &site.groups[g];
            if group.is_section {
                let (shown, paginator) =
                    paginate::window(site, job.lang, g, number, group.pages.len());
                let pages: Vec<Summary> = group.pages[shown]
                    .iter()
                    .map(|&p| {
                        let mut s = summary(site, job.lang, p);
                        s.date_display = site.pages[lang_site.entries[p].source]
                            .date
                            .map(|d| localizer.dates.long(&language.code, d));
                        s
                    })
                    .collect();
                ctx.insert("pages", &pages);
                if let Some(paginator) = paginator {
                    ctx.insert("paginator", &paginator);
                }
                let subsections: Vec<Summary> = group
                    .subsections
                    .iter()
                    .map(|&p| summary(site, job.lang, p))
                    .collect();
                ctx.insert("subsections", &subsections);
            }
            let (list, x_default) = alternates(site, g);
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
                        dir: site.config.direction(&page.source.lang).as_str(),
                    },
                );
            }
            canonical.get_or_insert_with(|| site.config.absolute(&entry.path));
            if number > 1 {
                // A further page of a list: its own canonical URL, no translations.
                canonical = Some(
                    site.config
                        .absolute(&crate::plan::pager_url(&entry.path, number)),
                );
                ctx.insert("alternates", &Vec::<Alternate>::new());
                ctx.insert_value("languages", paginate::switcher(site, g, number));
            }
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
        JobKind::Pager { .. } => "section",
        JobKind::TagIndex => "tags",
        JobKind::Term(_) => "tag",
        JobKind::NotFound => "404",
        JobKind::Chooser => "chooser",
        JobKind::Search => "search",
        JobKind::Event(page) => page.kind_name(),
    }
}
