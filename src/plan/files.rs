//! The files that are not rendered from a template: redirects for aliases, calendars,
//! the sitemap and `robots.txt`, Atom feeds, search indexes, the static files of the
//! site and its theme, and the assets of `content/`.

use super::{Derived, OutPath, Planner};
use crate::assets::Assets;
use crate::error::Diagnostic;
use crate::site::LangId;
use crate::sources::Sources;

/// URLs per sitemap file; past this the sitemap becomes an index of several files.
/// Far below the protocol's 50,000 so that a file with six alternates per URL also
/// stays under its 50 MB.
pub const URLS_PER_SITEMAP: usize = 10_000;

/// Adds every file that is not a page; returns each language's feed URL, if any.
pub(super) fn plan(
    p: &mut Planner<'_, '_>,
    sources: &Sources,
    assets: &Assets,
    search: bool,
) -> Vec<Option<String>> {
    let site = p.site;
    aliases(p);
    calendars(p);
    let urls = super::indexable::count(site, &p.jobs);
    if urls <= URLS_PER_SITEMAP {
        p.file(path("sitemap.xml"), Derived::Sitemap { part: 0 });
    } else {
        for part in 0..urls.div_ceil(URLS_PER_SITEMAP) {
            let name = format!("sitemap-{}.xml", part + 1);
            p.file(path(&name), Derived::Sitemap { part });
        }
        p.file(path("sitemap.xml"), Derived::SitemapIndex);
    }
    p.file(path("robots.txt"), Derived::Robots);
    let mut feeds = Vec::new();
    for l in LangId::all(site.langs.len()) {
        let feed = crate::feed::path(site, l);
        if let Some(url) = &feed
            && let Some(out) = p.made(url)
        {
            p.file(out, Derived::Feed { lang: l });
        }
        feeds.push(feed);
        if search {
            let url = crate::search::index_path(&site.config, &site.langs[l].lang);
            if let Some(out) = p.made(&url) {
                p.file(out, Derived::SearchIndex { lang: l });
            }
        }
    }
    for (name, published) in assets.published() {
        match OutPath::new(published) {
            Ok(out) => p.file(
                out,
                Derived::Static {
                    name: name.to_string(),
                },
            ),
            Err(e) => p.out.push(Diagnostic::error(
                static_display(sources, name),
                format!("the file's name {e}"),
            )),
        }
    }
    for asset in &site.assets {
        match OutPath::new(&asset.rel) {
            Ok(out) => p.file(
                out,
                Derived::Asset {
                    rel: asset.rel.clone(),
                },
            ),
            Err(e) => p.out.push(Diagnostic::error(
                &asset.display,
                format!("the file's path {e}"),
            )),
        }
    }
    feeds
}

fn path(name: &str) -> OutPath {
    OutPath::new(name).expect("a valid file name")
}

fn static_display(sources: &Sources, name: &str) -> std::path::PathBuf {
    sources
        .statics
        .get(name)
        .map(|f| f.found.display.clone())
        .unwrap_or_else(|| std::path::PathBuf::from("static").join(name))
}

/// One redirect page per alias of every translation.
fn aliases(p: &mut Planner<'_, '_>) {
    let site = p.site;
    for (l, lang_site) in site.each_lang() {
        for (g, entry) in lang_site.each_entry() {
            if entry.fallback {
                continue;
            }
            let page = &site.pages[entry.source];
            for alias in &page.front.aliases {
                match alias_path(alias) {
                    Ok(out) => p.file(
                        out,
                        Derived::Alias {
                            lang: l,
                            group: g,
                            page: entry.source,
                        },
                    ),
                    Err(e) => p
                        .out
                        .push(alias_error(page, alias, &e.to_string()).hint(
                            "write aliases as paths such as `/old/page/` or `old/page.html`",
                        )),
                }
            }
        }
    }
}

/// `/old/page/` → `old/page/index.html`; `old.html` stays.
fn alias_path(alias: &str) -> Result<OutPath, super::PathError> {
    let trimmed = alias.trim().trim_start_matches('/');
    if trimmed.ends_with(".html") {
        OutPath::new(trimmed)
    } else {
        OutPath::new(&format!("{}/index.html", trimmed.trim_end_matches('/')))
    }
}

/// A diagnostic at the `aliases` of `page`.
pub(super) fn alias_error(page: &crate::content::Page, alias: &str, why: &str) -> Diagnostic {
    let (line, column) = page.position(&["aliases".into()]);
    Diagnostic::error(&page.source.display, format!("the alias `{alias}` {why}"))
        .at(&page.text, line, column)
}

/// Each session's calendar and the programme's, and the programme in the schedule
/// exchange format, in every language.
fn calendars(p: &mut Planner<'_, '_>) {
    let site = p.site;
    let data = &site.data;
    let has_key_dates = data.key_dates.iter().any(|k| k.calendar);
    for (l, lang_site) in site.each_lang() {
        let urls = crate::event::Urls::new(&site.config, &lang_site.lang);
        for (i, s) in data.sessions.iter().enumerate() {
            // A bad id is reported with its page (see `event::plan`).
            if let Ok(out) = OutPath::of_url(&site.config.base_path, &urls.session_ics(&s.id)) {
                p.file(
                    out,
                    Derived::SessionCalendar {
                        lang: l,
                        session: i,
                    },
                );
            }
        }
        if !data.sessions.is_empty() {
            let exchange = [
                (urls.exchange_xml(), Derived::ExchangeXml { lang: l }),
                (urls.exchange_json(), Derived::ExchangeJson { lang: l }),
            ];
            for (url, what) in exchange {
                if let Some(out) = p.made(&url) {
                    p.file(out, what);
                }
            }
        }
        if (!data.sessions.is_empty() || has_key_dates)
            && let Some(out) = p.made(&urls.programme_ics())
        {
            p.file(out, Derived::ProgrammeCalendar { lang: l });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alias_paths_stay_inside_the_site() {
        assert_eq!(
            alias_path("/old/page/").unwrap().as_str(),
            "old/page/index.html"
        );
        assert_eq!(alias_path("old.html").unwrap().as_str(), "old.html");
        assert!(alias_path("/../etc/").is_err());
        assert!(alias_path("/").is_err());
    }
}
