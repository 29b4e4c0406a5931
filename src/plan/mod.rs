//! The plan: every file of the output, with its checked path and what makes it.
//!
//! [`plan`] is pure. It lists the pages to render with Tera ([`Job`]: each page and
//! section in each language, tag pages, 404 pages, the language chooser, the search
//! pages, the pages made from event data) and every other file ([`FileJob`]: redirects
//! for aliases, calendars, the sitemap and `robots.txt`, Atom feeds, search indexes,
//! the theme's static files and the assets of `content/`). It is the only registry of
//! output paths: each is an [`OutPath`], and two outputs at one path are an error
//! naming both sources, never a silent drop. The sitemap, the writer and the preview
//! server all read their paths from here.

mod collide;
mod event;
mod files;
mod images;
pub mod indexable;
mod pages;
mod paginate;
pub mod path;

use std::collections::BTreeMap;

pub use event::EventPage;
pub use files::URLS_PER_SITEMAP;
pub use paginate::pager_url;
pub use path::{OutPath, PathError};

use crate::assets::Assets;
use crate::error::Diagnostics;
use crate::site::{GroupId, LangId, PageId, PerLang, Site};
use crate::sources::Sources;

/// What one rendered page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    /// A page or section.
    Entry(GroupId),
    /// The language's tag index.
    TagIndex,
    /// One tag's page (term index).
    Term(usize),
    /// The language's 404 page.
    NotFound,
    /// The language chooser at `/`.
    Chooser,
    /// The language's search page.
    Search,
    /// A page made from event data (schedule, session, person, organization).
    Event(EventPage),
    /// Page `page` (from 2) of a paginated section (group index).
    Pager {
        /// The section.
        group: GroupId,
        /// The page number, 2 or more (page 1 is the section's own URL).
        page: usize,
    },
}

/// One page to render with a template.
#[derive(Debug, Clone)]
pub struct Job {
    /// Where it is written.
    pub out_path: OutPath,
    /// Its language.
    pub lang: LangId,
    /// What it shows.
    pub kind: JobKind,
    /// Template name.
    pub template: String,
}

/// What makes a file that is not rendered from a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Derived {
    /// A redirect page to group `group` in language `lang`, for one of the aliases of
    /// the translation `page`.
    Alias {
        /// Its language.
        lang: LangId,
        /// Page group.
        group: GroupId,
        /// The translation that names the alias.
        page: PageId,
    },
    /// The calendar of one session in one language.
    SessionCalendar {
        /// Its language.
        lang: LangId,
        /// Index into `site.data.sessions`.
        session: usize,
    },
    /// The calendar of the whole programme in one language.
    ProgrammeCalendar {
        /// Its language.
        lang: LangId,
    },
    /// The programme of one language in the schedule exchange format, as XML.
    ExchangeXml {
        /// Its language.
        lang: LangId,
    },
    /// The same, as JSON.
    ExchangeJson {
        /// Its language.
        lang: LangId,
    },
    /// Part `part` (0-based) of the sitemap; the only part is `sitemap.xml` itself.
    Sitemap {
        /// Which part.
        part: usize,
    },
    /// The index of the sitemap's parts (when there are several).
    SitemapIndex,
    /// `robots.txt`.
    Robots,
    /// A language's Atom feed.
    Feed {
        /// Its language.
        lang: LangId,
    },
    /// A language's search index.
    SearchIndex {
        /// Its language.
        lang: LangId,
    },
    /// A static file of the site or the theme, by name (`style.css`).
    Static {
        /// Its name in `static/`.
        name: String,
    },
    /// A file of `content/` copied as it is, by path under `content/`.
    Asset {
        /// Its path under `content/`.
        rel: String,
    },
    /// A resized version of an image of `content/`.
    Image {
        /// The image's path under `content/`.
        rel: String,
        /// Which of its versions.
        variant: usize,
    },
}

impl Derived {
    /// Whether the file shows the pages' bodies (a feed, a search index): it is made
    /// once the pages are rendered; every other file can be made while they are.
    pub fn reads_bodies(&self) -> bool {
        matches!(self, Derived::Feed { .. } | Derived::SearchIndex { .. })
    }

    /// Whether a file of `content/` at the same path replaces this one (a hand-written
    /// `robots.txt` or sitemap).
    fn yields_to_content(&self) -> bool {
        matches!(
            self,
            Derived::Robots
                | Derived::Sitemap { .. }
                | Derived::SitemapIndex
                | Derived::Feed { .. }
                | Derived::SearchIndex { .. }
        )
    }
}

/// One file that is not rendered from a template.
#[derive(Debug, Clone)]
pub struct FileJob {
    /// Where it is written.
    pub out_path: OutPath,
    /// What makes it.
    pub what: Derived,
}

/// Every output file of the site.
#[derive(Debug, Default)]
pub struct Plan {
    /// Pages rendered with templates, sorted by path.
    pub jobs: Vec<Job>,
    /// Every other file, sorted by path.
    pub files: Vec<FileJob>,
    /// Whether the theme has a search page (then every language has one and an index).
    pub search: bool,
    /// Per language: the URL path of its Atom feed, when it has one.
    pub feeds: PerLang<Option<String>>,
}

impl Plan {
    /// Every output path, pages and files, in order.
    pub fn paths(&self) -> impl Iterator<Item = &OutPath> {
        self.jobs
            .iter()
            .map(|j| &j.out_path)
            .chain(self.files.iter().map(|f| &f.out_path))
    }

    /// How many files the site has.
    pub fn len(&self) -> usize {
        self.jobs.len() + self.files.len()
    }

    /// Whether the plan is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Plans every output of `site`. Bad paths (an alias that leaves the site), unknown
/// templates and two outputs at one path go to `out`.
pub fn plan(site: &Site, sources: &Sources, assets: &Assets, out: &mut Diagnostics) -> Plan {
    let has_template = |name: &str| sources.templates.contains_key(name);
    let mut planner = Planner {
        site,
        sources,
        jobs: Vec::new(),
        files: Vec::new(),
        out,
    };
    pages::plan(&mut planner, &has_template);
    paginate::plan(&mut planner);
    event::plan(&mut planner, &has_template);
    let search = site.made.search;
    let feeds = files::plan(&mut planner, sources, assets, search);
    images::plan(&mut planner);
    let Planner {
        mut jobs,
        mut files,
        out,
        ..
    } = planner;
    collide::resolve(site, sources, &mut jobs, &mut files, out);
    Plan {
        jobs,
        files,
        search,
        feeds: feeds.into_iter().collect(),
    }
}

/// The plan being made.
struct Planner<'a, 'o> {
    site: &'a Site,
    sources: &'a Sources,
    jobs: Vec<Job>,
    files: Vec<FileJob>,
    out: &'o mut Diagnostics,
}

impl Planner<'_, '_> {
    /// The output path of a URL path of the site; a path that cannot be one is reported
    /// by `blame` and gives `None`.
    fn out_path(
        &mut self,
        url: &str,
        blame: impl FnOnce(PathError) -> crate::error::Diagnostic,
    ) -> Option<OutPath> {
        match OutPath::of_url(&self.site.config.base_path, url) {
            Ok(p) => Some(p),
            Err(e) => {
                self.out.push(blame(e));
                None
            }
        }
    }

    /// The output path of a URL path that the generator makes (a tag page, a feed, a
    /// calendar); one that cannot be an output path is reported, never dropped.
    fn made(&mut self, url: &str) -> Option<OutPath> {
        self.out_path(url, |e| {
            crate::error::Diagnostic::error(
                crate::config::CONFIG_FILE,
                format!("the URL `{url}` of a generated page or file {e}"),
            )
            .hint("check `base_url` and the URLs set in content/site.yaml")
        })
    }

    fn job(&mut self, out_path: OutPath, lang: LangId, kind: JobKind, template: &str) {
        self.jobs.push(Job {
            out_path,
            lang,
            kind,
            template: template.to_string(),
        });
    }

    fn file(&mut self, out_path: OutPath, what: Derived) {
        self.files.push(FileJob { out_path, what });
    }
}

/// The jobs by output path, for lookups.
pub fn by_path(plan: &Plan) -> BTreeMap<&str, &Job> {
    plan.jobs.iter().map(|j| (j.out_path.as_str(), j)).collect()
}
