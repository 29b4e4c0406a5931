//! `sitemap.xml` and `robots.txt`, written from the plan: the list of URLs and their
//! hreflang alternates is the plan's ([`crate::plan::indexable`]); this module only
//! writes it out, as one file or, past [`URLS_PER_SITEMAP`] URLs, as parts under an
//! index.

use crate::plan::indexable::{self, Indexable};
use crate::plan::{Job, URLS_PER_SITEMAP};
use crate::site::Site;
use crate::xml::{escape, escape_into, iri_to_uri};

/// The sitemap's URLs, grouped into its parts: built once, written part by part.
pub struct Sitemap {
    parts: Vec<Vec<Indexable>>,
}

impl Sitemap {
    /// Gathers the URLs of the planned pages.
    pub fn new(site: &Site, jobs: &[Job]) -> Sitemap {
        let mut sitemap = Sitemap {
            parts: vec![Vec::new()],
        };
        indexable::each(site, jobs, |url| sitemap.push(url));
        sitemap
    }

    fn push(&mut self, url: Indexable) {
        if self
            .parts
            .last()
            .is_some_and(|p| p.len() == URLS_PER_SITEMAP)
        {
            self.parts.push(Vec::new());
        }
        self.parts.last_mut().expect("one part at least").push(url);
    }

    /// Part `part` as a `<urlset>` (the whole sitemap when it has one part).
    pub fn part(&self, part: usize) -> Vec<u8> {
        urlset(self.parts.get(part).map(Vec::as_slice).unwrap_or_default()).into_bytes()
    }

    /// The index of the parts, `sitemap-<n>.xml` under `base_url`.
    pub fn index(&self, base_url: &str) -> Vec<u8> {
        let mut index = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for i in 0..self.parts.len() {
            let loc = iri_to_uri(&format!("{base_url}sitemap-{}.xml", i + 1));
            index.push_str(&format!(
                "  <sitemap><loc>{}</loc></sitemap>\n",
                escape(&loc)
            ));
        }
        index.push_str("</sitemapindex>\n");
        index.into_bytes()
    }
}

/// `robots.txt`: everything allowed, and where the sitemap is.
pub fn robots(base_url: &str) -> Vec<u8> {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        iri_to_uri(&format!("{base_url}sitemap.xml"))
    )
    .into_bytes()
}

const URLSET_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
const URL_HEAD: &str = "  <url>\n    <loc>";
const URL_END: &str = "</loc>\n";
const LINK_HEAD: &str = "    <xhtml:link rel=\"alternate\" hreflang=\"";
const LINK_HREF: &str = "\" href=\"";
const LINK_END: &str = "\"/>\n";
const URL_FOOT: &str = "  </url>\n";
const URLSET_FOOT: &str = "</urlset>\n";

fn urlset(urls: &[Indexable]) -> String {
    // A part is megabytes: its buffer is made once, at its size before escapes, rather
    // than grown by doubling through fresh memory.
    let link = LINK_HEAD.len() + LINK_HREF.len() + LINK_END.len();
    let size: usize = urls
        .iter()
        .map(|url| {
            URL_HEAD.len()
                + url.loc.len()
                + URL_END.len()
                + URL_FOOT.len()
                + url
                    .alternates
                    .iter()
                    .map(|(lang, href)| link + lang.len() + href.len())
                    .sum::<usize>()
        })
        .sum();
    let mut xml = String::with_capacity(URLSET_HEAD.len() + size + URLSET_FOOT.len());
    xml.push_str(URLSET_HEAD);
    for url in urls {
        xml.push_str(URL_HEAD);
        escape_into(&url.loc, &mut xml);
        xml.push_str(URL_END);
        for (lang, href) in url.alternates.iter() {
            xml.push_str(LINK_HEAD);
            escape_into(lang, &mut xml);
            xml.push_str(LINK_HREF);
            escape_into(href, &mut xml);
            xml.push_str(LINK_END);
        }
        xml.push_str(URL_FOOT);
    }
    xml.push_str(URLSET_FOOT);
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_url_list_becomes_an_index() {
        let mut sitemap = Sitemap {
            parts: vec![Vec::new()],
        };
        for i in 0..=URLS_PER_SITEMAP {
            sitemap.push(Indexable {
                loc: format!("https://e.org/p{i}/"),
                alternates: std::sync::Arc::new([]),
            });
        }
        assert_eq!(sitemap.parts.len(), 2);
        let index = String::from_utf8(sitemap.index("https://e.org/wsis/")).unwrap();
        assert!(index.contains("<sitemap><loc>https://e.org/wsis/sitemap-2.xml</loc></sitemap>"));
        let last = String::from_utf8(sitemap.part(1)).unwrap();
        assert_eq!(last.matches("<url>").count(), 1);
    }
}
