//! Which jobs an edit can reach, decided from the site model before any context is
//! built: building the context of every job of a large site costs about as much as
//! rendering half of it.
//!
//! A digest sums up, per page group, language and tag, what the templates are shown of
//! it (see `context_for` in `src/render/mod.rs`):
//!
//! - a group: its URL, fallback and source text (by version) in every language, its
//!   rendered Markdown (by generation) and, for a section, the list of its children;
//! - a language: the site title, the home and tag index URLs, the home's URL in every
//!   language (the chooser and 404 switchers), the menu's URLs, and the event data;
//! - a tag of a language: its name, URL and pages.
//!
//! A page is then a candidate when its group changed, when a child it lists changed,
//! when one of its tags changed, or when its language changed; a tag page when the tag
//! or one of its pages changed; the tag index when any tag of its language changed.
//! Candidates still have their context compared, so the analysis only has to be
//! conservative. Tests run with [`super::Incremental::verify_dependencies`], which
//! checks every page left out against its full context.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use super::digest as hash;

use super::markdown::MarkdownCache;
use crate::plan::{Job, JobKind};
use crate::site::{GroupId, PerLang, Site};

/// Digests of one build of the site.
#[derive(Default, Clone)]
pub struct Digests {
    groups: HashMap<String, u64>,
    langs: HashMap<String, u64>,
    terms: HashMap<(String, String), u64>,
}

impl Digests {
    /// The digests of `site`; `data` is a digest of the event data.
    pub fn of(site: &Site, markdown: &MarkdownCache, data: u64) -> Digests {
        let mut digests = Digests::default();
        digests.update_groups(site, markdown, GroupId::all(site.groups.len()));
        let homes: Vec<(&String, bool)> = site
            .langs
            .iter()
            .map(|ls| (&ls.entries[site.home].path, ls.entries[site.home].fallback))
            .collect();
        for (l, lang_site) in site.each_lang() {
            let menu: Vec<(&str, &str)> = lang_site
                .menu
                .iter()
                .chain(&lang_site.buttons)
                .map(|m| (m.label.as_str(), m.href.as_str()))
                .collect();
            let title = site.config.title.get(&lang_site.lang);
            digests.langs.insert(
                lang_site.lang.clone(),
                hash(&(l, title, &lang_site.tags_path, &homes, menu, data)),
            );
            for term in &lang_site.terms {
                let pages: Vec<&String> = term.pages.iter().map(|&g| &site.groups[g].key).collect();
                digests.terms.insert(
                    (lang_site.lang.clone(), term.slug.clone()),
                    hash(&(&term.name, &term.path, pages)),
                );
            }
        }
        digests
    }

    /// Computes the digests of `groups` again (after an edit to their text only).
    pub fn update_groups(
        &mut self,
        site: &Site,
        markdown: &MarkdownCache,
        groups: impl IntoIterator<Item = GroupId>,
    ) {
        for g in groups {
            let group = &site.groups[g];
            let mut h = DefaultHasher::new();
            (
                g == site.home,
                group.is_section,
                group.parent.map(|p| &site.groups[p].key),
            )
                .hash(&mut h);
            for lang_site in &site.langs {
                let entry = &lang_site.entries[g];
                let source = &site.pages[entry.source].source;
                (
                    &entry.path,
                    entry.fallback,
                    &source.path,
                    source.version,
                    markdown.generation(&source.path, &lang_site.lang),
                )
                    .hash(&mut h);
            }
            for &child in group.pages.iter().chain(&group.subsections) {
                site.groups[child].key.hash(&mut h);
            }
            self.groups.insert(group.key.clone(), h.finish());
        }
    }
}

/// The jobs of `site` that may show a change between the builds `old` and `new`.
pub struct Reach<'a> {
    site: &'a Site,
    /// Group → changed, by [`GroupId::index`].
    groups: Vec<bool>,
    /// Language → changed.
    langs: PerLang<bool>,
    /// Language → slugs of the changed tags.
    terms: PerLang<HashSet<&'a str>>,
    /// Language → whether its set of tags changed.
    term_sets: PerLang<bool>,
}

impl<'a> Reach<'a> {
    /// Compares the digests of two builds of the site.
    pub fn new(site: &'a Site, old: &Digests, new: &Digests) -> Reach<'a> {
        let groups = site
            .groups
            .iter()
            .map(|g| old.groups.get(&g.key) != new.groups.get(&g.key))
            .collect();
        let langs = site
            .langs
            .iter()
            .map(|ls| old.langs.get(&ls.lang) != new.langs.get(&ls.lang))
            .collect();
        let (terms, term_sets): (Vec<_>, Vec<_>) = site
            .langs
            .iter()
            .map(|lang_site| {
                let changed: HashSet<&str> = lang_site
                    .terms
                    .iter()
                    .filter(|t| {
                        let key = (lang_site.lang.clone(), t.slug.clone());
                        old.terms.get(&key) != new.terms.get(&key)
                    })
                    .map(|t| t.slug.as_str())
                    .collect();
                let count_old = old
                    .terms
                    .keys()
                    .filter(|(l, _)| *l == lang_site.lang)
                    .count();
                let set_changed = !changed.is_empty() || count_old != lang_site.terms.len();
                (changed, set_changed)
            })
            .unzip();
        Reach {
            site,
            groups,
            langs,
            terms: terms.into_iter().collect(),
            term_sets: term_sets.into_iter().collect(),
        }
    }

    /// Whether `job` may show a change.
    pub fn reaches(&self, job: &Job) -> bool {
        let site = self.site;
        let l = job.lang;
        if self.langs[l] {
            return true;
        }
        let lang_site = &site.langs[l];
        match job.kind {
            JobKind::Entry(g) | JobKind::Pager { group: g, .. } => {
                let group = &site.groups[g];
                let page = &site.pages[lang_site.entries[g].source];
                self.groups[g.index()]
                    || group
                        .pages
                        .iter()
                        .chain(&group.subsections)
                        .any(|&c| self.groups[c.index()])
                    || (!self.terms[l].is_empty()
                        && page
                            .front
                            .tags
                            .iter()
                            .any(|t| self.terms[l].contains(crate::slug::slugify(t).as_str())))
            }
            JobKind::Term(t) => {
                let term = &lang_site.terms[t];
                self.terms[l].contains(term.slug.as_str())
                    || term.pages.iter().any(|&g| self.groups[g.index()])
            }
            JobKind::TagIndex => self.term_sets[l],
            // The search page shows config and Fluent messages only.
            JobKind::NotFound | JobKind::Chooser | JobKind::Search => false,
            // Pages made from event data: few, and shown data of many kinds.
            JobKind::Event(_) => true,
        }
    }
}
