//! The Markdown stage, cached by entry: the HTML of a page in one language is reused
//! when its text is the same version and everything it asked while rendered — where an
//! `@/` link leads, what a file beside it is (an image's versions), what a shortcode
//! makes — has the same answer now. A page whose link target moved (a new slug, a page
//! removed), whose image changed or whose shortcode's template changed is rendered
//! again; that is how "the pages that link to it" follow an edit.

use std::cell::RefCell;
use std::collections::HashSet;
use std::ffi::OsStr;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use hashbrown::{Equivalent, HashMap};
use rustc_hash::FxBuildHasher;

use rayon::prelude::*;

use crate::error::Diagnostics;
use crate::markdown::{Answer, Query, Rendered};
use crate::site::markdown::{Shortcodes, answer, render_entry, report_broken_links};
use crate::site::{GroupId, LangId, PageId, Site};

/// The page's source path and the language it is rendered in.
#[derive(Default)]
struct Key {
    path: PathBuf,
    lang: String,
}

/// A [`Key`] borrowed, to look an entry up without making one: hashed and compared by
/// the path's bytes, as keys are.
#[derive(Hash)]
struct KeyRef<'a> {
    path: &'a OsStr,
    lang: &'a str,
}

impl<'a> KeyRef<'a> {
    fn new(path: &'a Path, lang: &'a str) -> KeyRef<'a> {
        KeyRef {
            path: path.as_os_str(),
            lang,
        }
    }
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        KeyRef::new(&self.path, &self.lang).hash(state);
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        KeyRef::new(&other.path, &other.lang).equivalent(self)
    }
}

impl Eq for Key {}

impl Equivalent<Key> for KeyRef<'_> {
    fn equivalent(&self, key: &Key) -> bool {
        self.path == key.path.as_os_str() && self.lang == key.lang
    }
}

struct Cached {
    version: u64,
    /// Changes whenever the entry is rendered again.
    generation: u64,
    /// Everything the text asked while rendered, and the answers.
    links: Vec<(Query, Answer)>,
    /// Moved into the site during a rebuild and back afterwards (see [`MarkdownCache::take_back`]).
    rendered: Rendered,
}

/// Rendered Markdown by (source path, language).
#[derive(Default)]
pub struct MarkdownCache {
    entries: HashMap<Key, Cached, FxBuildHasher>,
    generations: u64,
    /// A one-off run's: renders every entry and keeps nothing (nor records what the
    /// texts ask, which only a next run would compare).
    one_off: bool,
    /// A build's: renders nothing, each body is rendered with its page
    /// ([`crate::site::Bodies::Streamed`]).
    with_pages: bool,
}

enum Outcome {
    Reuse,
    New(Vec<(Query, Answer)>, Rendered),
}

impl MarkdownCache {
    /// The cache of a run that has no next: it keeps nothing.
    pub fn one_off() -> MarkdownCache {
        MarkdownCache {
            one_off: true,
            ..MarkdownCache::default()
        }
    }

    /// The cache of a build, which renders each body with its page: the stage renders
    /// nothing but what [`MarkdownCache::report_unrendered`] asks.
    pub fn with_pages() -> MarkdownCache {
        MarkdownCache {
            with_pages: true,
            ..MarkdownCache::one_off()
        }
    }

    /// When bodies are left to their pages and the pages will not be rendered (a stage
    /// before failed), renders every body once for its problems alone, so that a failed
    /// build reports all it can; otherwise nothing.
    pub fn report_unrendered(
        &self,
        site: &Site,
        shortcodes: Shortcodes<'_>,
        out: &mut Diagnostics,
    ) {
        if !self.with_pages {
            return;
        }
        let jobs = entries(site, |_, _, _| true);
        let reports: Vec<Diagnostics> = jobs
            .par_iter()
            .map(|&(l, g)| {
                let mut found = Diagnostics::default();
                match crate::site::bodies::render_whole(site, l, g, shortcodes) {
                    Ok((_, problems)) => found = problems,
                    // Reported once, by the entry of the page's own language.
                    Err(d) if !site.langs[l].entries[g].fallback => found.push(d),
                    Err(_) => {}
                }
                found
            })
            .collect();
        out.extend(reports.into_iter().flat_map(|d| d.0));
    }

    /// Fills the `content` of every entry (or, with `only`, of the entries showing those
    /// pages), rendering only what changed; broken links go to `out`. Returns how many
    /// entries were rendered.
    pub fn render(
        &mut self,
        site: &mut Site,
        only: Option<&HashSet<PageId>>,
        shortcodes: Shortcodes<'_>,
        out: &mut Diagnostics,
    ) -> usize {
        if self.with_pages {
            return 0;
        }
        let jobs = entries(site, |_, _, page| {
            only.is_none_or(|pages| pages.contains(&page))
        });
        let site_ref: &Site = site;
        let entries = &self.entries;
        let outcomes: Vec<(Key, u64, Outcome)> = jobs
            .par_iter()
            .map(|&(l, g)| {
                let lang = &site_ref.langs[l].lang;
                let ask = |q: &Query| answer(site_ref, l, g, shortcodes, q);
                let page = &site_ref.pages[site_ref.langs[l].entries[g].source];
                let version = page.source.version;
                if self.one_off {
                    // Nothing is kept: no key to make.
                    let rendered = render_entry(site_ref, l, g, &page.text, &ask);
                    return (Key::default(), version, Outcome::New(Vec::new(), rendered));
                }
                let key = Key {
                    path: page.source.path.clone(),
                    lang: lang.clone(),
                };
                if let Some(cached) = entries.get(&key) {
                    let same_links = cached.links.iter().all(|(query, was)| ask(query) == *was);
                    if cached.version == version && same_links {
                        return (key, version, Outcome::Reuse);
                    }
                }
                let asked = RefCell::new(Vec::new());
                let recording = |query: &Query| {
                    let told = ask(query);
                    asked.borrow_mut().push((query.clone(), told.clone()));
                    told
                };
                let rendered = render_entry(site_ref, l, g, &page.text, &recording);
                (key, version, Outcome::New(asked.into_inner(), rendered))
            })
            .collect();
        // A full pass keeps only the entries it met; a partial one updates in place.
        let mut old = match only {
            None => std::mem::take(&mut self.entries),
            Some(_) => HashMap::default(),
        };
        let mut rendered_count = 0;
        for ((l, g), (key, version, outcome)) in jobs.into_iter().zip(outcomes) {
            let (links, rendered, generation) = match outcome {
                Outcome::Reuse => {
                    let cached = old
                        .remove(&key)
                        .or_else(|| self.entries.remove(&key))
                        .expect("a reused entry is cached");
                    (cached.links, cached.rendered, cached.generation)
                }
                Outcome::New(links, rendered) => {
                    rendered_count += 1;
                    self.generations += 1;
                    (links, rendered, self.generations)
                }
            };
            let text = site.pages[site.langs[l].entries[g].source].text.clone();
            report_broken_links(site, l, g, &text, &rendered, out);
            site.langs[l].entries[g].content = rendered;
            if self.one_off {
                continue;
            }
            self.entries.insert(
                key,
                Cached {
                    version,
                    generation,
                    links,
                    rendered: Rendered::default(),
                },
            );
        }
        rendered_count
    }

    /// Moves the cached HTML of the entries `which` holds for (given their language,
    /// group and page) into the site, as it is: for a rebuild where only some pages'
    /// texts changed, which changes no other entry's answers (see [`crate::driver`]'s
    /// text-only path), for what reads other entries' HTML.
    pub fn lend(&mut self, site: &mut Site, which: impl Fn(LangId, GroupId, PageId) -> bool) {
        for (l, g) in entries(site, which) {
            let entry = &site.langs[l].entries[g];
            let key = KeyRef::new(&site.pages[entry.source].source.path, &site.langs[l].lang);
            if let Some(cached) = self.entries.get_mut(&key) {
                site.langs[l].entries[g].content = std::mem::take(&mut cached.rendered);
            }
        }
    }

    /// A number that changes whenever the entry of page `path` in `lang` is rendered.
    pub fn generation(&self, path: &std::path::Path, lang: &str) -> u64 {
        self.entries
            .get(&KeyRef::new(path, lang))
            .map_or(0, |c| c.generation)
    }

    /// Moves the HTML back from the site into the cache once the site has been rendered
    /// (the same entries as [`MarkdownCache::render`]), so that it is kept without a copy.
    pub fn take_back(&mut self, site: &mut Site, only: Option<&HashSet<PageId>>) {
        self.take_back_where(site, |_, _, page| {
            only.is_none_or(|pages| pages.contains(&page))
        });
    }

    /// Moves the HTML of the entries `which` holds for back from the site: those
    /// rendered and those lent.
    pub fn take_back_where(
        &mut self,
        site: &mut Site,
        which: impl Fn(LangId, GroupId, PageId) -> bool,
    ) {
        for (l, g) in entries(site, which) {
            let entry = &site.langs[l].entries[g];
            let key = KeyRef::new(&site.pages[entry.source].source.path, &site.langs[l].lang);
            if let Some(cached) = self.entries.get_mut(&key) {
                cached.rendered = std::mem::take(&mut site.langs[l].entries[g].content);
            }
        }
    }
}

/// The (language, group) entries for which `which` holds, given also the page the
/// entry shows.
fn entries(site: &Site, which: impl Fn(LangId, GroupId, PageId) -> bool) -> Vec<(LangId, GroupId)> {
    LangId::all(site.langs.len())
        .flat_map(|l| GroupId::all(site.groups.len()).map(move |g| (l, g)))
        .filter(|&(l, g)| which(l, g, site.langs[l].entries[g].source))
        .collect()
}
