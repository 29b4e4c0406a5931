//! Atom feeds: one per language (`/<lang>/atom.xml`), listing the dated pages translated
//! into that language, newest first (the [`ENTRIES`] most recent).
//!
//! Ids are stable: an entry's id is a `tag:` URI made of the site's host, the page's
//! date, its language and its content path (`tag:example.org,2021-02-03:fr/news/letter`),
//! so it survives a new slug or title; the feed's id is its own URL. `updated` is the
//! page's date at midnight UTC, so two builds of the same content write the same feed.

use crate::i18n::{ArgValue, Localizer, fluent_args};
use crate::site::{Bodies, GroupId, LangId, Site};
use crate::xml::{escape, iri_to_uri};

/// Entries per feed: the most recent ones. Readers only need what is new, and a feed of
/// every page would weigh megabytes on a large site.
pub const ENTRIES: usize = 20;

/// The URL path of language `l`'s feed, if it has one (some dated page is translated
/// into it).
pub fn path(site: &Site, l: LangId) -> Option<String> {
    let lang = &site.langs[l].lang;
    (!dated_entries(site, l).is_empty())
        .then(|| format!("{}atom.xml", site.config.lang_prefix(lang)))
}

/// Group indexes of the dated pages (not sections) translated into language `l`, newest
/// first, then in content order.
fn dated_entries(site: &Site, l: LangId) -> Vec<GroupId> {
    let lang_site = &site.langs[l];
    let mut groups: Vec<GroupId> = GroupId::all(site.groups.len())
        .filter(|&g| !site.groups[g].is_section && !lang_site.entries[g].fallback)
        .filter(|&g| site.pages[lang_site.entries[g].source].date.is_some())
        .collect();
    let date = |g: GroupId| site.pages[lang_site.entries[g].source].date;
    groups.sort_by(|&a, &b| {
        date(b)
            .cmp(&date(a))
            .then_with(|| site.groups[a].key.cmp(&site.groups[b].key))
    });
    groups
}

/// Language `l`'s feed, at the URL path `path` ([`path`]). The title is the Fluent
/// message `feed-title` (with `$site`), or the site's title where it is missing.
/// The pages' bodies come from `bodies`.
pub fn file(
    site: &Site,
    localizer: &Localizer,
    bodies: &Bodies<'_>,
    l: LangId,
    path: &str,
) -> Vec<u8> {
    feed(site, localizer, bodies, l, path).into_bytes()
}

fn feed(site: &Site, localizer: &Localizer, bodies: &Bodies<'_>, l: LangId, path: &str) -> String {
    let lang_site = &site.langs[l];
    let lang = lang_site.lang.as_str();
    let site_title = &site.config.title[lang];
    let args = fluent_args([("site", ArgValue::Text(site_title.clone()))]);
    let title = localizer
        .format(lang, crate::i18n::messages::FEED_TITLE.id, Some(&args))
        .unwrap_or_else(|_| site_title.clone());
    let mut groups = dated_entries(site, l);
    groups.truncate(ENTRIES);
    let updated = groups
        .iter()
        .filter_map(|&g| site.pages[lang_site.entries[g].source].date)
        .max();
    let self_url = iri_to_uri(&site.config.absolute(path));
    let home = iri_to_uri(&site.config.absolute(&lang_site.entries[site.home].path));
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\" xml:base=\"{base}\">\n  <title>{title}</title>\n  <id>{self_url}</id>\n  <updated>{updated}</updated>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"{self_url}\"/>\n  <link rel=\"alternate\" type=\"text/html\" hreflang=\"{lang}\" href=\"{home}\"/>\n  <author><name>{site_title}</name></author>\n  <generator>hexaglot</generator>\n",
        lang = escape(lang),
        base = escape(&iri_to_uri(&site.config.base_url)),
        title = escape(&title),
        updated = updated
            .map(|d| format!("{}T00:00:00Z", d.iso()))
            .unwrap_or_default(),
        site_title = escape(site_title),
    );
    for g in groups {
        xml.push_str(&entry(site, l, g, &bodies.body(site, l, g).html));
    }
    xml.push_str("</feed>\n");
    xml
}

/// The feed's entry of group `g` in language `l`, whose body is `html`.
fn entry(site: &Site, l: LangId, g: GroupId, html: &str) -> String {
    let entry = &site.langs[l].entries[g];
    let lang = site.langs[l].lang.as_str();
    let page = &site.pages[entry.source];
    let date = page.date.map(|d| d.iso()).unwrap_or_default();
    let key = site.groups[g].key.trim_end_matches(".md");
    let id = format!("tag:{},{date}:{lang}/{key}", site.config.host());
    let mut xml = format!(
        "  <entry>\n    <title>{}</title>\n    <id>{}</id>\n    <published>{date}T00:00:00Z</published>\n    <updated>{date}T00:00:00Z</updated>\n",
        escape(&page.front.title),
        escape(&iri_to_uri(&id)),
    );
    // One alternate link only: feed readers take any of several as "the" link.
    let own = site.config.absolute(&entry.path);
    xml.push_str(&format!(
        "    <link rel=\"alternate\" type=\"text/html\" hreflang=\"{}\" href=\"{}\"/>\n",
        escape(lang),
        escape(&iri_to_uri(&own))
    ));
    if let Some(description) = &page.front.description {
        xml.push_str(&format!("    <summary>{}</summary>\n", escape(description)));
    }
    xml.push_str(&format!(
        "    <content type=\"html\">{}</content>\n  </entry>\n",
        escape(html)
    ));
    xml
}
