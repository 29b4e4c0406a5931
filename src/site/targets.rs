//! What an `@/` link, a menu entry or a button can lead to, and where that is in each
//! language.
//!
//! A target is written as in Markdown links, without `@/`: a content path (`about.md`,
//! `news/`, `news/_index.md`, `about.fr.md` for one language, with an optional
//! `#anchor`), or a page made from the event data or by the theme:
//!
//! | target | page |
//! |---|---|
//! | `sessions/` | the schedule by day |
//! | `sessions/tracks/` | the schedule by track |
//! | `sessions/<id>/` | a session |
//! | `people/<id>/` | a person |
//! | `organizations/<id>/` | an organization |
//! | `tags/` | the language's tag index |
//! | `search/` | the search page |
//! | `calendar.ics` | the programme's calendar |
//!
//! A generated page exists only when the data has it and the theme has its template
//! ([`Made`]); content comes first, since content may not take a generated page's URL.

use super::Site;
use crate::config::{MenuItem, Target};
use crate::error::{Diagnostic, Diagnostics};

/// Which generated pages the theme can make (it has their templates).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Made {
    /// `schedule.html`.
    pub schedule: bool,
    /// `session.html`.
    pub session: bool,
    /// `person.html`.
    pub person: bool,
    /// `organization.html`.
    pub organization: bool,
    /// `search.html`.
    pub search: bool,
    /// `tags.html`.
    pub tags: bool,
}

impl Made {
    /// What a theme with these templates makes.
    pub fn of(has_template: &dyn Fn(&str) -> bool) -> Made {
        Made {
            schedule: has_template("schedule.html"),
            session: has_template("session.html"),
            person: has_template("person.html"),
            organization: has_template("organization.html"),
            search: has_template("search.html"),
            tags: has_template("tags.html"),
        }
    }
}

/// What kind of page a link leads to, for templates (`calendar` links get
/// `type="text/calendar"`, `external` ones may get an icon).
pub fn kind_of(site: &Site, target: &Target) -> &'static str {
    let Target::Page(path) = target else {
        return "external";
    };
    let path = path.split('#').next().unwrap_or(path);
    if path == "calendar.ics" {
        return "calendar";
    }
    if content_group(site, path).is_some() {
        return "page";
    }
    match path.split('/').collect::<Vec<_>>().as_slice() {
        ["sessions", ""] | ["sessions", "tracks", ""] => "schedule",
        ["sessions", _, ""] => "session",
        ["people", _, ""] => "person",
        ["organizations", _, ""] => "organization",
        ["tags", ""] => "tags",
        ["search", ""] => "search",
        _ => "page",
    }
}

/// The URL path of generated page `path` (without `#anchor`) in `lang`, or why there is
/// none.
pub fn generated(site: &Site, lang: &str, path: &str) -> Result<String, String> {
    let urls = crate::event::Urls::new(&site.config, lang);
    let data = &site.data;
    let made = &site.made;
    let no_template = |t: &str| format!("the theme has no {t} template");
    let parts: Vec<&str> = path.split('/').collect();
    // A link to a page of a data file that failed to parse is not checked: the file's
    // own error stops the build, and is the one to read.
    let failed = |kind: &str| data.failed.contains(kind);
    match parts.as_slice() {
        ["sessions", ""] if failed("sessions") => Ok(urls.schedule()),
        ["sessions", "tracks", ""] if failed("sessions") => Ok(urls.schedule_by_track()),
        ["sessions", id, ""] if failed("sessions") => Ok(urls.session(id)),
        ["people", id, ""] if failed("people") => Ok(urls.person(id)),
        ["organizations", id, ""] if failed("organizations") => Ok(urls.organization(id)),
        ["sessions", ""] | ["sessions", "tracks", ""] => {
            if data.sessions.is_empty() {
                Err("the programme has no sessions (content/data/sessions.yaml)".into())
            } else if !made.schedule {
                Err(no_template("schedule.html"))
            } else if parts.len() == 2 {
                Ok(urls.schedule())
            } else {
                Ok(urls.schedule_by_track())
            }
        }
        ["sessions", id, ""] => record(
            made.session,
            "session.html",
            "sessions.yaml",
            id,
            data.sessions.iter().any(|s| s.id == *id),
        )
        .map(|()| urls.session(id)),
        ["people", id, ""] => record(
            made.person,
            "person.html",
            "people.yaml",
            id,
            data.person(id).is_some(),
        )
        .map(|()| urls.person(id)),
        ["organizations", id, ""] => record(
            made.organization,
            "organization.html",
            "organizations.yaml",
            id,
            data.organization(id).is_some(),
        )
        .map(|()| urls.organization(id)),
        ["tags", ""] => {
            let lang_site = site.langs.iter().find(|l| l.lang == lang);
            match lang_site {
                Some(ls) if made.tags && !ls.terms.is_empty() => Ok(ls.tags_path.clone()),
                Some(_) if !made.tags => Err(no_template("tags.html")),
                _ => Err(format!(
                    "no page in `{lang}` has tags, so there is no tag index"
                )),
            }
        }
        ["search", ""] if made.search => Ok(site.config.search_page(lang)),
        ["search", ""] => Err(no_template("search.html")),
        ["calendar.ics"] => {
            let has = !data.sessions.is_empty() || data.key_dates.iter().any(|k| k.calendar);
            if has {
                Ok(urls.programme_ics())
            } else {
                Err("the programme has no calendar: no session and no key date with `calendar: true`".into())
            }
        }
        _ => Err("there is no such page".into()),
    }
}

fn record(made: bool, template: &str, file: &str, id: &str, exists: bool) -> Result<(), String> {
    if !exists {
        Err(format!("there is no record `{id}` in content/data/{file}"))
    } else if !made {
        Err(format!("the theme has no {template} template"))
    } else {
        Ok(())
    }
}

/// A link of the menu or a button, in one language, as templates see it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Link {
    /// The Fluent message that labels it.
    pub label: String,
    /// Where it leads: a URL path of the site, or an absolute URL.
    pub href: String,
    /// `page`, `schedule`, `session`, `person`, `organization`, `tags`, `search`,
    /// `calendar` or `external`.
    pub kind: &'static str,
    /// `primary` or `secondary` (buttons).
    pub style: crate::config::Style,
}

/// Resolves `items` in `lang`; an entry that leads nowhere is reported at its line of
/// `site.yaml` (once, not once per language: `reported` remembers).
pub fn links(
    site: &Site,
    lang: &str,
    items: &[MenuItem],
    reported: &mut std::collections::HashSet<(usize, usize)>,
    out: &mut Diagnostics,
) -> Vec<Link> {
    let mut links = Vec::new();
    for item in items {
        let href = match &item.target {
            Target::Url(url) => Ok(url.clone()),
            Target::Page(path) => resolve_or_why(site, lang, path),
        };
        match href {
            Ok(href) => links.push(Link {
                label: item.label.clone(),
                href,
                kind: kind_of(site, &item.target),
                style: item.style,
            }),
            Err(why) => {
                if reported.insert(item.position) {
                    out.push(missing(site, item, &why));
                }
            }
        }
    }
    links
}

fn missing(site: &Site, item: &MenuItem, why: &str) -> Diagnostic {
    let text = &site.config.text;
    let page = item.page().unwrap_or_default();
    Diagnostic::error(
        crate::config::CONFIG_FILE,
        format!("`page: {page}` leads nowhere: {why}"),
    )
    .at(text, item.position.0, item.position.1)
    .hint("name a page as an `@/` link does, without `@/`: `about.md`, `news/`, `sessions/`, `sessions/tracks/`, `sessions/<id>/`, `people/<id>/`, `organizations/<id>/`, `tags/`, `search/` or `calendar.ics`; or use `url:` for another site")
}
/// Resolves `about.md#anchor`, `blog/_index.md`, `blog/`, `about.fr.md` or a generated
/// page (`sessions/`, `people/ada/`; see [`super::targets`]) for `lang`.
pub fn resolve(site: &Site, lang: &str, target: &str) -> Option<String> {
    resolve_or_why(site, lang, target).ok()
}

/// Like [`resolve`], with the reason when the target leads nowhere.
pub fn resolve_or_why(site: &Site, lang: &str, target: &str) -> Result<String, String> {
    let (path, anchor) = match target.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (target, None),
    };
    let (key, lang) = normalize(site, path, lang);
    let url = match site.by_key.get(&key) {
        Some(&g) => {
            let lang_site = site.langs.iter().find(|l| l.lang == lang);
            match lang_site.and_then(|ls| ls.entries.get(g.index())) {
                Some(entry) => entry.path.clone(),
                None => return Err(format!("`{lang}` is not a language of the site")),
            }
        }
        None => generated(site, &lang, path.trim_start_matches('/'))?,
    };
    Ok(match anchor {
        Some(a) => format!("{url}#{a}"),
        None => url,
    })
}

/// The page group a content path names, if it names one.
pub fn content_group(site: &Site, path: &str) -> Option<super::GroupId> {
    let (key, _) = normalize(site, path, &site.config.default_language);
    site.by_key.get(&key).copied()
}

fn normalize(site: &Site, path: &str, lang: &str) -> (String, String) {
    let path = path.trim_start_matches('/');
    if path.is_empty() || path.ends_with('/') {
        return (format!("{path}_index.md"), lang.to_string());
    }
    if let Some(stem) = path.strip_suffix(".md")
        && let Some((base, suffix)) = stem.rsplit_once('.')
        && site.config.has_language(suffix)
    {
        return (format!("{base}.md"), suffix.to_string());
    }
    (path.to_string(), lang.to_string())
}
