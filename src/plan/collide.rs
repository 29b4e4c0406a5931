//! Two outputs at one path: an error that names both sources, never a silent drop.
//!
//! The one exception is deliberate and documented: a file of `content/` replaces a
//! generated file for hosts and crawlers at its path (a hand-written `robots.txt`).

use std::path::PathBuf;

use super::{Derived, EventPage, FileJob, Job, JobKind, OutPath};
use crate::error::{Diagnostic, Diagnostics};
use crate::site::Site;
use crate::sources::Sources;

/// Sorts the plan by path and reports every path planned twice.
pub(super) fn resolve(
    site: &Site,
    sources: &Sources,
    jobs: &mut [Job],
    files: &mut Vec<FileJob>,
    out: &mut Diagnostics,
) {
    // Content files first replace the generated files that yield to them.
    let content: std::collections::HashSet<OutPath> = files
        .iter()
        .filter(|f| matches!(f.what, Derived::Asset { .. }))
        .map(|f| f.out_path.clone())
        .collect();
    files.retain(|f| !(f.what.yields_to_content() && content.contains(&f.out_path)));
    jobs.sort_by(|a, b| a.out_path.cmp(&b.out_path));
    files.sort_by(|a, b| a.out_path.cmp(&b.out_path));
    let mut all: Vec<(&OutPath, Item<'_>)> = jobs
        .iter()
        .map(|j| (&j.out_path, Item::Job(j)))
        .chain(files.iter().map(|f| (&f.out_path, Item::File(f))))
        .collect();
    all.sort_by(|a, b| a.0.cmp(b.0));
    let mut found: Vec<(bool, Diagnostic)> = Vec::new();
    // A record or page that clashes in every language is named once, at its first URL.
    let mut named = std::collections::HashSet::new();
    for pair in all.windows(2) {
        let ((path, first), (_, second)) = (&pair[0], &pair[1]);
        if pair[0].0 != pair[1].0 {
            continue;
        }
        if reported_elsewhere(first, second) {
            continue;
        }
        let a = origin(site, sources, first);
        let b = origin(site, sources, second);
        // Blame the one a writer of the site chose: a page or record over what the
        // generator makes of them.
        let (blamed, other) = if b.chosen && !a.chosen {
            (b, a)
        } else {
            (a, b)
        };
        let clash = (
            blamed.file.clone(),
            blamed.position,
            blamed.fallback,
            blamed.what.clone(),
            other.what.clone(),
        );
        if !named.insert(clash) {
            continue;
        }
        let mut d = Diagnostic::error(
            &blamed.file,
            format!(
                "two outputs at {}: {} and {}",
                path.url(&site.config.base_path),
                blamed.what,
                other.what,
            ),
        );
        if let (Some(text), Some((line, column))) = (&blamed.text, blamed.position) {
            d = d.at(text, line, column);
        }
        found.push((blamed.fallback, d.hint(blamed.hint)));
    }
    // A page shown in a fallback language clashes where its own language does: once is
    // enough, there.
    let own: std::collections::HashSet<PathBuf> = found
        .iter()
        .filter(|(fallback, _)| !fallback)
        .map(|(_, d)| d.file.clone())
        .collect();
    out.extend(
        found
            .into_iter()
            .filter(|(fallback, d)| !fallback || !own.contains(&d.file))
            .map(|(_, d)| d),
    );
}

/// Whether the clash is reported by an earlier stage: two pages of the content at one
/// URL (`Site::assemble` blames the page whose slug made it), or two records with one
/// id (the data stage reports the duplicate id).
fn reported_elsewhere(first: &Item<'_>, second: &Item<'_>) -> bool {
    let kind = |item: &Item<'_>| match item {
        Item::Job(job) => match job.kind {
            JobKind::Entry(_) => Some(0),
            JobKind::Event(EventPage::Session(_)) => Some(1),
            JobKind::Event(EventPage::Person(_)) => Some(2),
            JobKind::Event(EventPage::Organization(_)) => Some(3),
            _ => None,
        },
        Item::File(file) => match file.what {
            Derived::SessionCalendar { .. } => Some(1),
            _ => None,
        },
    };
    kind(first).is_some() && kind(first) == kind(second)
}

#[derive(Clone, Copy)]
enum Item<'a> {
    Job(&'a Job),
    File(&'a FileJob),
}

/// Where an output comes from, for messages.
struct Origin {
    /// The file to blame, relative to the site root.
    file: PathBuf,
    /// Its text and the position in it, when known.
    text: Option<String>,
    position: Option<(usize, usize)>,
    /// What the output is, in a few words.
    what: String,
    /// Whether a writer of the site chose this path (a slug, an id, an alias).
    chosen: bool,
    /// Whether it is a page shown in a fallback language.
    fallback: bool,
    /// What to do about it.
    hint: &'static str,
}

fn origin(site: &Site, sources: &Sources, item: &Item<'_>) -> Origin {
    let generated = |what: String, hint: &'static str| Origin {
        file: PathBuf::from(crate::config::CONFIG_FILE),
        text: None,
        position: None,
        what,
        chosen: false,
        fallback: false,
        hint,
    };
    match item {
        Item::Job(job) => match job.kind {
            JobKind::Entry(g) => {
                let entry = &site.langs[job.lang].entries[g];
                let page = &site.pages[entry.source];
                let position = match page.position(&["slug".into()]) {
                    (0, _) => (1, 1),
                    p => p,
                };
                Origin {
                    file: page.source.display.clone(),
                    text: Some(page.text.to_string()),
                    position: Some(position),
                    what: format!("the page {}", page.source.display.display()),
                    chosen: true,
                    fallback: entry.fallback,
                    hint: "give the page another `slug` or file name",
                }
            }
            JobKind::Pager { group, page } => {
                let entry = &site.langs[job.lang].entries[group];
                let section = &site.pages[entry.source];
                Origin {
                    file: section.source.display.clone(),
                    text: None,
                    position: None,
                    what: format!(
                        "page {page} of the list of {}",
                        section.source.display.display()
                    ),
                    chosen: false,
                    fallback: entry.fallback,
                    hint: "a paginated section's further pages are at page/<n>/ of its URL: give the other page another `slug`",
                }
            }
            JobKind::Event(page) => {
                let (file, text, position) = record_place(site, sources, page.record());
                Origin {
                    what: format!("{} ({})", event_what(site, page), file.display()),
                    file,
                    text: Some(text),
                    position,
                    chosen: !page.is_schedule(),
                    fallback: false,
                    hint: "give the record another `id`, or the page another `slug`: sessions/, people/ and organizations/ hold the pages made from content/data",
                }
            }
            JobKind::TagIndex | JobKind::Term(_) => generated(
                "a tag page".into(),
                "rename the page or the tag: tags/ holds the tag pages",
            ),
            JobKind::NotFound => {
                generated("the 404 page".into(), "404.html belongs to the 404 page")
            }
            JobKind::Chooser => generated(
                "the language chooser".into(),
                "index.html at the root is the language chooser",
            ),
            JobKind::Search => generated(
                "the search page".into(),
                "give the page another `slug`: search/ belongs to the search page of the theme",
            ),
        },
        Item::File(file) => match &file.what {
            Derived::Alias { page, .. } => {
                let page = &site.pages[*page];
                let position = page.position(&["aliases".into()]);
                Origin {
                    file: page.source.display.clone(),
                    text: Some(page.text.to_string()),
                    position: Some(position),
                    what: format!("an alias of {}", page.source.display.display()),
                    chosen: true,
                    fallback: false,
                    hint: "remove the alias or move the other page",
                }
            }
            Derived::SessionCalendar { session, .. } => {
                let (file, text, position) =
                    record_place(site, sources, ("sessions", Some(*session)));
                Origin {
                    what: format!(
                        "the calendar of the session `{}` ({})",
                        site.data.sessions[*session].id,
                        file.display()
                    ),
                    file,
                    text: Some(text),
                    position,
                    chosen: true,
                    fallback: false,
                    hint: "give the session another `id`",
                }
            }
            Derived::Static { name } => {
                let file = sources
                    .statics
                    .get(name)
                    .map(|f| f.found.display.clone())
                    .unwrap_or_else(|| PathBuf::from("static").join(name));
                Origin {
                    what: format!("the static file {}", file.display()),
                    file,
                    text: None,
                    position: None,
                    chosen: true,
                    fallback: false,
                    hint: "rename or move one of the two files",
                }
            }
            Derived::Image { rel, .. } => Origin {
                file: PathBuf::from("content").join(rel),
                text: None,
                position: None,
                what: format!("a resized version of content/{rel}"),
                chosen: false,
                fallback: false,
                hint: "rename the image or the other file: versions are named <name>.<width>w.<format> beside the image",
            },
            Derived::Asset { rel } => Origin {
                file: PathBuf::from("content").join(rel),
                text: None,
                position: None,
                what: format!("the file content/{rel}"),
                chosen: true,
                fallback: false,
                hint: "rename or move one of the two files",
            },
            other => generated(describe(other).to_string(), "rename or move the file"),
        },
    }
}

fn describe(what: &Derived) -> &'static str {
    match what {
        Derived::ProgrammeCalendar { .. } => "the programme's calendar",
        Derived::ExchangeXml { .. } | Derived::ExchangeJson { .. } => {
            "the programme in the schedule exchange format"
        }
        Derived::Sitemap { .. } | Derived::SitemapIndex => "the sitemap",
        Derived::Robots => "robots.txt",
        Derived::Feed { .. } => "an Atom feed",
        Derived::SearchIndex { .. } => "a search index",
        _ => "a generated file",
    }
}

fn event_what(site: &Site, page: EventPage) -> String {
    let data = &site.data;
    match page {
        EventPage::ScheduleByDay => "the schedule by day".into(),
        EventPage::ScheduleByTrack => "the schedule by track".into(),
        EventPage::ScheduleByRoom => "the schedule by room".into(),
        EventPage::ScheduleByFormat => "the schedule by format".into(),
        EventPage::Session(i) => format!("the page of the session `{}`", data.sessions[i].id),
        EventPage::Person(i) => format!("the page of the person `{}`", data.people[i].id),
        EventPage::Organization(i) => {
            format!(
                "the page of the organization `{}`",
                data.organizations[i].id
            )
        }
    }
}

/// The data file of a kind of record (`sessions`), its text, and the position of
/// record `index` in it.
pub(super) fn record_place(
    _site: &Site,
    sources: &Sources,
    (kind, index): (&str, Option<usize>),
) -> (PathBuf, String, Option<(usize, usize)>) {
    match sources.data_file(kind) {
        Some(f) => {
            let text = f.text().to_string();
            let position = index.map(|i| {
                crate::yaml::Tree::parse(&text, 1).map_or((1, 1), |t| t.nearest(&[i.into()]))
            });
            (f.found.display.clone(), text, position)
        }
        None => (
            PathBuf::from(format!("content/data/{kind}.yaml")),
            String::new(),
            None,
        ),
    }
}
