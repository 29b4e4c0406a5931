//! The site model: every page in every language, with its URL and its text.
//!
//! [`Site::assemble`] groups the translations of each page, gives every page a URL in
//! every language (per-language slugs, sections nested), chooses the fallback text where
//! a translation is missing, and collects tags per language. The Markdown stage
//! then turns each page's Markdown into HTML for each language, resolving `@/` links to
//! the page in that language — ahead of rendering, or with each page ([`Bodies`]).

mod alternates;
pub mod bodies;
pub mod ids;
pub mod markdown;
mod pictures;
mod tags;
pub mod targets;
mod urls;

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use crate::config::Config;
use crate::content::{Page, SortBy};
use crate::data::EventData;
use crate::discover::{Source, SourceKind};
use crate::error::{Diagnostic, Diagnostics};
use crate::markdown::Rendered;

pub use alternates::alternates;
pub use bodies::Bodies;
pub use ids::{GroupId, LangId, PageId, PerLang};
pub use pictures::check_data_pictures;
pub use tags::Term;
pub use targets::{Link, Made};

/// The translations of one page or section.
#[derive(Debug, Clone)]
pub struct Group {
    /// Content path without language suffix (`about.md`, `news/_index.md`).
    pub key: String,
    /// Whether this is a section (`_index`).
    pub is_section: bool,
    /// Language → its translation.
    pub translations: BTreeMap<String, PageId>,
    /// The section this page or section belongs to.
    pub parent: Option<GroupId>,
    /// Sections: the pages directly in it, in display order.
    pub pages: Vec<GroupId>,
    /// Sections: the sections directly in it.
    pub subsections: Vec<GroupId>,
}

/// One page as published in one language.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    /// The translation whose text is shown: the page's own, or the fallback.
    pub source: PageId,
    /// Whether the text is another language's (no translation exists).
    pub fallback: bool,
    /// URL path including the base path (`/wsis/fr/a-propos/`).
    pub path: String,
    /// The body as HTML, once the Markdown stage has run.
    pub content: Rendered,
}

/// Everything published in one language.
#[derive(Debug, Clone)]
pub struct LangSite {
    /// Language code.
    pub lang: String,
    /// One entry per group, same index as [`Site::groups`].
    pub entries: Vec<Entry>,
    /// Tags used by this language's pages.
    pub terms: Vec<Term>,
    /// URL path of the tag index.
    pub tags_path: String,
    /// The menu of `site.yaml`, resolved in this language.
    pub menu: Vec<Link>,
    /// The home page's buttons of `site.yaml`, resolved in this language.
    pub buttons: Vec<Link>,
}

impl LangSite {
    /// Every page and section as published in this language, with its group.
    pub fn each_entry(
        &self,
    ) -> impl DoubleEndedIterator<Item = (GroupId, &Entry)> + ExactSizeIterator {
        self.entries
            .iter()
            .enumerate()
            .map(|(i, e)| (GroupId::new(i), e))
    }
}

/// The assembled site.
pub struct Site {
    /// Configuration.
    pub config: Config,
    /// Every parsed translation.
    pub pages: Vec<Page>,
    /// Pages and sections, sorted by key.
    pub groups: Vec<Group>,
    /// Key → its group.
    pub by_key: HashMap<String, GroupId>,
    /// One per language, in the order of `config.languages`.
    pub langs: Vec<LangSite>,
    /// Event data.
    pub data: EventData,
    /// Files copied as they are.
    pub assets: Vec<Source>,
    /// The home section.
    pub home: GroupId,
    /// Which generated pages the theme makes.
    pub made: Made,
    /// The images of `content/`, measured (set by the driver's image stage).
    pub images: std::sync::Arc<crate::images::Images>,
}

impl Site {
    /// Builds the model. Problems (duplicate URLs, a missing home page) go to `out`.
    pub fn assemble(
        config: Config,
        mut pages: Vec<Page>,
        data: EventData,
        mut assets: Vec<Source>,
        made: Made,
        drafts: bool,
        out: &mut Diagnostics,
    ) -> Option<Site> {
        if !drafts {
            pages.retain(|p| !p.front.draft);
        }
        pages.sort_by(|a, b| (&a.source.key, &a.source.lang).cmp(&(&b.source.key, &b.source.lang)));
        let mut groups: Vec<Group> = Vec::new();
        let mut by_key = HashMap::new();
        for (i, page) in pages.iter().enumerate() {
            let g = *by_key.entry(page.source.key.clone()).or_insert_with(|| {
                groups.push(Group {
                    key: page.source.key.clone(),
                    is_section: page.source.kind == SourceKind::Section,
                    translations: BTreeMap::new(),
                    parent: None,
                    pages: Vec::new(),
                    subsections: Vec::new(),
                });
                GroupId::new(groups.len() - 1)
            });
            groups[g]
                .translations
                .insert(page.source.lang.clone(), PageId::new(i));
        }
        let Some(&home) = by_key.get("_index.md") else {
            out.push(
                Diagnostic::error("content/_index.md", "the site has no home page")
                    .hint("add content/_index.<lang>.md with a `title` for each language"),
            );
            return None;
        };
        link_sections(&mut groups, &by_key);
        assets.sort_by(|a, b| a.rel.cmp(&b.rel));
        let mut site = Site {
            config,
            pages,
            groups,
            by_key,
            langs: Vec::new(),
            data,
            assets,
            home,
            made,
            images: Default::default(),
        };
        site.sort_children();
        // Languages on all cores; their problems reported in the order of `site.yaml`.
        let langs: Vec<(LangSite, Diagnostics)> = site
            .config
            .languages
            .par_iter()
            .map(|language| {
                let mut problems = Diagnostics::default();
                let entries = urls::entries(&site, language, &mut problems);
                let tags_path = format!("{}tags/", site.config.lang_prefix(&language.code));
                let mut lang_site = LangSite {
                    lang: language.code.clone(),
                    entries,
                    terms: Vec::new(),
                    tags_path,
                    menu: Vec::new(),
                    buttons: Vec::new(),
                };
                lang_site.terms = tags::collect(&site, &lang_site);
                (lang_site, problems)
            })
            .collect();
        for (lang_site, problems) in langs {
            out.extend(problems.0);
            site.langs.push(lang_site);
        }
        site.resolve_links(out);
        Some(site)
    }

    /// Resolves the menu and the home page's buttons in every language, and checks the
    /// key dates the home page shows; what leads nowhere is reported at its line of
    /// `site.yaml`.
    fn resolve_links(&mut self, out: &mut Diagnostics) {
        let mut reported = std::collections::HashSet::new();
        for l in LangId::all(self.langs.len()) {
            let lang = self.langs[l].lang.clone();
            let menu = targets::links(self, &lang, &self.config.menu, &mut reported, out);
            let buttons =
                targets::links(self, &lang, &self.config.home.buttons, &mut reported, out);
            self.langs[l].menu = menu;
            self.langs[l].buttons = buttons;
        }
        let home = &self.config.home;
        for (k, &line) in home.key_dates.iter().zip(&home.key_date_lines) {
            if !self.data.key_dates.iter().any(|d| d.id == k.id) {
                let column = self
                    .config
                    .text
                    .lines()
                    .nth(line.saturating_sub(1))
                    .and_then(|l| l.find(&k.id))
                    .map_or(0, |c| c + 1);
                out.push(
                    Diagnostic::error(
                        crate::config::CONFIG_FILE,
                        format!(
                            "the home page's key date `{}` is not in content/data/key_dates.yaml",
                            k.id
                        ),
                    )
                    .at(&self.config.text, line, column)
                    .hint("use the id of a record of content/data/key_dates.yaml"),
                );
            }
        }
    }

    /// Whether `content/<rel>` is a file copied as it is (an asset, a bundle's file).
    pub fn has_asset(&self, rel: &str) -> bool {
        self.assets
            .binary_search_by(|a| a.rel.as_str().cmp(rel))
            .is_ok()
    }

    /// The site's languages with their ids, in the order of `site.yaml`.
    pub fn each_lang(
        &self,
    ) -> impl DoubleEndedIterator<Item = (LangId, &LangSite)> + ExactSizeIterator {
        self.langs
            .iter()
            .enumerate()
            .map(|(i, l)| (LangId::new(i), l))
    }

    /// The pages and sections with their ids.
    pub fn each_group(
        &self,
    ) -> impl DoubleEndedIterator<Item = (GroupId, &Group)> + ExactSizeIterator {
        self.groups
            .iter()
            .enumerate()
            .map(|(i, g)| (GroupId::new(i), g))
    }

    /// The default language.
    pub fn default_lang(&self) -> LangId {
        self.lang_id(&self.config.default_language)
            .unwrap_or_default()
    }

    /// The id of language `code`, if it is one of the site's.
    pub fn lang_id(&self, code: &str) -> Option<LangId> {
        self.langs
            .iter()
            .position(|l| l.lang == code)
            .map(LangId::new)
    }

    /// The group's translation in `lang`, if one exists (not a fallback).
    pub fn translation(&self, group: GroupId, lang: &str) -> Option<&Page> {
        self.groups[group]
            .translations
            .get(lang)
            .map(|&i| &self.pages[i])
    }

    /// Orders each section's pages (by its `sort_by`) and subsections (by weight).
    pub(crate) fn sort_children(&mut self) {
        for s in GroupId::all(self.groups.len()) {
            if !self.groups[s].is_section {
                continue;
            }
            let sort_by = self.representative(s).front.sort_by;
            let mut pages = std::mem::take(&mut self.groups[s].pages);
            pages.sort_by(|&a, &b| {
                let (pa, pb) = (self.representative(a), self.representative(b));
                let primary = match sort_by {
                    SortBy::Weight => pa
                        .front
                        .weight
                        .unwrap_or(i64::MAX)
                        .cmp(&pb.front.weight.unwrap_or(i64::MAX)),
                    SortBy::Date => pb.date.cmp(&pa.date),
                    SortBy::Title => pa.front.title.cmp(&pb.front.title),
                };
                primary.then_with(|| self.groups[a].key.cmp(&self.groups[b].key))
            });
            self.groups[s].pages = pages;
            let mut subsections = std::mem::take(&mut self.groups[s].subsections);
            subsections.sort_by_key(|&g| {
                (
                    self.representative(g).front.weight.unwrap_or(i64::MAX),
                    self.groups[g].key.clone(),
                )
            });
            self.groups[s].subsections = subsections;
        }
    }

    /// The translation in the default language, or the first there is: used for what
    /// does not depend on language (order, dates).
    pub fn representative(&self, group: GroupId) -> &Page {
        let g = &self.groups[group];
        let i = g
            .translations
            .get(&self.config.default_language)
            .or_else(|| g.translations.values().next())
            .expect("a group has at least one translation");
        &self.pages[*i]
    }
}

/// Sets each group's parent section and fills sections' page and subsection lists.
fn link_sections(groups: &mut [Group], by_key: &HashMap<String, GroupId>) {
    for g in GroupId::all(groups.len()) {
        let key = groups[g].key.clone();
        let own_dir = dir_of(&key);
        let mut dir = if groups[g].is_section || bundle_dir(&key).is_some() {
            parent_dir(own_dir)
        } else {
            Some(own_dir)
        };
        if key == "_index.md" {
            dir = None;
        }
        while let Some(d) = dir {
            if let Some(&s) = by_key.get(&format!("{d}_index.md")) {
                groups[g].parent = Some(s);
                if groups[g].is_section {
                    groups[s].subsections.push(g);
                } else {
                    groups[s].pages.push(g);
                }
                break;
            }
            dir = parent_dir(d);
        }
    }
}

/// The folder of a page bundle: `venue/index.md` → `venue/` (a page whose files stand
/// beside it in its own folder); `None` for any other page.
pub fn bundle_dir(key: &str) -> Option<&str> {
    let dir = key.strip_suffix("index.md")?;
    dir.ends_with('/').then_some(dir)
}

/// `blog/2021/post.md` → `blog/2021/`; `post.md` → ``.
pub fn dir_of(key: &str) -> &str {
    key.rfind('/').map_or("", |i| &key[..=i])
}

/// `blog/2021/` → `blog/`; `blog/` → ``; `` → none.
pub fn parent_dir(dir: &str) -> Option<&str> {
    if dir.is_empty() {
        return None;
    }
    let trimmed = &dir[..dir.len() - 1];
    Some(trimmed.rfind('/').map_or("", |i| &trimmed[..=i]))
}
