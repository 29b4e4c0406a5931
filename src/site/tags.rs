//! Tags per language: each language's pages list their tags in that language, so every
//! language has its own terms (`société-civile`, `المجتمع-المدني`).

use std::collections::BTreeMap;

use super::{GroupId, LangSite, Site};
use crate::slug::slugify;

/// One tag of one language.
#[derive(Debug, Clone)]
pub struct Term {
    /// The tag as first written.
    pub name: String,
    /// URL segment.
    pub slug: String,
    /// URL path.
    pub path: String,
    /// Groups of the pages that carry it, in section order.
    pub pages: Vec<GroupId>,
}

/// Collects the tags of the pages translated into `lang_site`'s language.
pub fn collect(site: &Site, lang_site: &LangSite) -> Vec<Term> {
    let mut terms: BTreeMap<String, Term> = BTreeMap::new();
    for (g, entry) in lang_site.each_entry() {
        if entry.fallback {
            continue;
        }
        for tag in &site.pages[entry.source].front.tags {
            let slug = slugify(tag);
            if slug.is_empty() {
                continue;
            }
            let term = terms.entry(slug.clone()).or_insert_with(|| Term {
                name: tag.clone(),
                path: format!("{}{slug}/", lang_site.tags_path),
                slug,
                pages: Vec::new(),
            });
            if !term.pages.contains(&g) {
                term.pages.push(g);
            }
        }
    }
    let mut terms: Vec<Term> = terms.into_values().collect();
    for term in &mut terms {
        term.pages.sort_by_key(|&g| {
            let p = site.representative(g);
            (
                p.front.weight.unwrap_or(i64::MAX),
                site.groups[g].key.clone(),
            )
        });
    }
    terms
}
