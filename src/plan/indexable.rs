//! Which URLs search engines are told about: the sitemap's list, decided with the plan
//! so that the sitemap only writes it out.
//!
//! The pages in each language they are translated into (page order, then language
//! order) with the hreflang alternates of each real translation and `x-default`; the
//! pages made from event data (which exist in every language); then each language's
//! tag pages. Pages shown in a fallback language (their canonical URL is the
//! original's) and `noindex` pages (404, search) are left out. URLs are percent-encoded.

use std::sync::Arc;

use super::{Job, JobKind};
use crate::site::{GroupId, Site, alternates};
use crate::xml::iri_to_uri;

/// One URL of the sitemap.
pub struct Indexable {
    /// The page's absolute URL, percent-encoded.
    pub loc: String,
    /// (hreflang, absolute URL) of its translations and `x-default`: one list shared
    /// by the URLs of a page's translations.
    pub alternates: Arc<[(String, String)]>,
}

/// How many URLs [`each`] gives, without building them.
pub fn count(site: &Site, jobs: &[Job]) -> usize {
    let pages: usize = GroupId::all(site.groups.len())
        .map(|g| {
            site.langs
                .iter()
                .filter(|ls| !ls.entries[g].fallback)
                .count()
        })
        .sum();
    let default = site.default_lang();
    let events = jobs
        .iter()
        .filter(|j| j.lang == default && matches!(j.kind, JobKind::Event(_)))
        .count()
        * site.langs.len();
    let tags: usize = site
        .langs
        .iter()
        .filter(|ls| !ls.terms.is_empty())
        .map(|ls| ls.terms.len() + 1)
        .sum();
    pages + events + tags
}

/// Calls `f` with every URL of the sitemap, in order.
pub fn each(site: &Site, jobs: &[Job], mut f: impl FnMut(Indexable)) {
    for g in GroupId::all(site.groups.len()) {
        let (list, x_default) = alternates(site, g);
        let mut links: Vec<(String, String)> = list
            .iter()
            .map(|(l, h)| (l.to_string(), iri_to_uri(h)))
            .collect();
        if let Some(x) = &x_default {
            links.push(("x-default".to_string(), iri_to_uri(x)));
        }
        let links: Arc<[(String, String)]> = links.into();
        for (_, href) in &list {
            f(Indexable {
                loc: iri_to_uri(href),
                alternates: Arc::clone(&links),
            });
        }
    }
    let default = site.default_lang();
    for job in jobs.iter().filter(|j| j.lang == default) {
        let JobKind::Event(page) = job.kind else {
            continue;
        };
        let hrefs: Vec<(&str, String)> = site
            .langs
            .iter()
            .map(|ls| {
                (
                    ls.lang.as_str(),
                    iri_to_uri(&site.config.absolute(&page.path(site, &ls.lang))),
                )
            })
            .collect();
        let mut links: Vec<(String, String)> = hrefs
            .iter()
            .map(|(l, h)| (l.to_string(), h.clone()))
            .collect();
        links.push(("x-default".to_string(), hrefs[default.index()].1.clone()));
        let links: Arc<[(String, String)]> = links.into();
        for (_, href) in hrefs {
            f(Indexable {
                loc: href,
                alternates: Arc::clone(&links),
            });
        }
    }
    for lang_site in &site.langs {
        if lang_site.terms.is_empty() {
            continue;
        }
        let tag_pages =
            std::iter::once(&lang_site.tags_path).chain(lang_site.terms.iter().map(|t| &t.path));
        for path in tag_pages {
            f(Indexable {
                loc: iri_to_uri(&site.config.absolute(path)),
                alternates: Arc::new([]),
            });
        }
    }
}
