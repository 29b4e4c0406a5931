//! `sitemap.xml` and `robots.txt`: every published page, with the hreflang alternates
//! of each real translation and `x-default`, as search engines read them.
//!
//! The alternates are computed here once for both the sitemap and the pages'
//! `<link rel="alternate">` ([`alternates`]), so the two always agree. Pages shown in a
//! fallback language are left out (their canonical URL is the original's), and so are
//! pages marked `noindex` (404 and search pages). URLs are percent-encoded: tag pages
//! keep Unicode letters in their paths.

use crate::render::{Job, JobKind};
use crate::site::Site;
use crate::xml::{escape, iri_to_uri};

/// URLs per sitemap file; past this the sitemap becomes an index of several files.
/// Far below the protocol's 50,000 so that a file with six alternates per URL also
/// stays under its 50 MB.
const URLS_PER_FILE: usize = 10_000;

/// The hreflang alternates of page group `g`: (language, absolute URL) for each real
/// translation, in the order of the languages, and the `x-default` URL: for the home
/// pages the site's root (the language chooser, or the default language's home there),
/// for the others the default language's translation, or the first there is.
pub fn alternates(site: &Site, g: usize) -> (Vec<(&str, String)>, Option<String>) {
    let list: Vec<(&str, String)> = site
        .langs
        .iter()
        .filter(|ls| !ls.entries[g].fallback)
        .map(|ls| (ls.lang.as_str(), site.config.absolute(&ls.entries[g].path)))
        .collect();
    if g == site.home {
        return (list, Some(site.config.base_url.clone()));
    }
    let x_default = list
        .iter()
        .find(|(lang, _)| *lang == site.config.default_language)
        .or_else(|| list.first())
        .map(|(_, href)| href.clone());
    (list, x_default)
}

struct UrlEntry {
    loc: String,
    alternates: Vec<(String, String)>,
}

/// `sitemap.xml` (or an index and its parts) and `robots.txt`: (path in the output
/// folder, bytes).
pub fn files(site: &Site, jobs: &[Job]) -> Vec<(String, Vec<u8>)> {
    let mut files = sitemaps(&entries(site, jobs), &site.config.base_url);
    let robots = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        iri_to_uri(&format!("{}sitemap.xml", site.config.base_url))
    );
    files.push(("robots.txt".to_string(), robots.into_bytes()));
    files
}

/// One `sitemap.xml`, or an index of `sitemap-<n>.xml` parts when the list is long.
fn sitemaps(urls: &[UrlEntry], base_url: &str) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    if urls.len() <= URLS_PER_FILE {
        files.push(("sitemap.xml".to_string(), urlset(&urls).into_bytes()));
    } else {
        let mut index = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for (i, chunk) in urls.chunks(URLS_PER_FILE).enumerate() {
            let name = format!("sitemap-{}.xml", i + 1);
            let loc = iri_to_uri(&format!("{base_url}{name}"));
            index.push_str(&format!(
                "  <sitemap><loc>{}</loc></sitemap>\n",
                escape(&loc)
            ));
            files.push((name, urlset(chunk).into_bytes()));
        }
        index.push_str("</sitemapindex>\n");
        files.push(("sitemap.xml".to_string(), index.into_bytes()));
    }
    files
}

/// Every indexable URL: the pages in each language they are translated into (page
/// order, then language order), the pages made from event data (which exist in every
/// language), then each language's tag pages.
fn entries(site: &Site, jobs: &[Job]) -> Vec<UrlEntry> {
    let mut urls = Vec::new();
    for g in 0..site.groups.len() {
        let (list, x_default) = alternates(site, g);
        let mut alternates: Vec<(String, String)> = list
            .iter()
            .map(|(l, h)| (l.to_string(), iri_to_uri(h)))
            .collect();
        if let Some(x) = x_default {
            alternates.push(("x-default".to_string(), iri_to_uri(&x)));
        }
        for (_, href) in &list {
            urls.push(UrlEntry {
                loc: iri_to_uri(href),
                alternates: alternates.clone(),
            });
        }
    }
    let default = site
        .langs
        .iter()
        .position(|ls| ls.lang == site.config.default_language)
        .unwrap_or(0);
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
        let mut alternates: Vec<(String, String)> = hrefs
            .iter()
            .map(|(l, h)| (l.to_string(), h.clone()))
            .collect();
        alternates.push(("x-default".to_string(), hrefs[default].1.clone()));
        for (_, href) in &hrefs {
            urls.push(UrlEntry {
                loc: href.clone(),
                alternates: alternates.clone(),
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
            urls.push(UrlEntry {
                loc: iri_to_uri(&site.config.absolute(path)),
                alternates: Vec::new(),
            });
        }
    }
    urls
}

fn urlset(urls: &[UrlEntry]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for url in urls {
        xml.push_str("  <url>\n    <loc>");
        xml.push_str(&escape(&url.loc));
        xml.push_str("</loc>\n");
        for (lang, href) in &url.alternates {
            xml.push_str(&format!(
                "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                escape(lang),
                escape(href)
            ));
        }
        xml.push_str("  </url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_url_list_becomes_an_index() {
        let urls: Vec<UrlEntry> = (0..URLS_PER_FILE + 1)
            .map(|i| UrlEntry {
                loc: format!("https://e.org/p{i}/"),
                alternates: Vec::new(),
            })
            .collect();
        let files = sitemaps(&urls, "https://e.org/wsis/");
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"]);
        let index = String::from_utf8(files[2].1.clone()).unwrap();
        assert!(index.contains("<sitemap><loc>https://e.org/wsis/sitemap-2.xml</loc></sitemap>"));
        let last = String::from_utf8(files[1].1.clone()).unwrap();
        assert_eq!(last.matches("<url>").count(), 1);
    }
}
