//! The planned files that are not pages: what makes each one.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::calendar::Calendars;
use crate::event::Schedule;
use crate::i18n::Localizer;
use crate::output::OutputFile;
use crate::plan::{Derived, FileJob, Plan};
use crate::site::{Bodies, LangId, PerLang, Site};
use crate::sitemap::Sitemap;
use crate::sources::marker::Published;
use crate::sources::{Body, Sources};

/// What the files of one build share, each part computed once, by the first file that
/// needs it: a rebuild that makes one search index again builds no sitemap.
pub struct Shared<'p> {
    /// What the previous build published, by which the calendars are numbered.
    published: &'p BTreeMap<String, Published>,
    sitemap: OnceLock<Sitemap>,
    schedule: OnceLock<Schedule>,
    /// The calendars, when the plan has any.
    calendars: OnceLock<Option<Calendars>>,
    /// Per language, the programme in the exchange format's model, made by whichever of
    /// `schedule.xml` and `schedule.json` is written first.
    exchange: PerLang<OnceLock<crate::exchange::Schedule>>,
    /// Time formatters, and the session times described in every language's search
    /// index.
    times: OnceLock<crate::event::format::Times>,
}

impl<'p> Shared<'p> {
    /// Nothing computed yet; the calendars will be numbered from what the previous
    /// build `published`.
    pub fn new(site: &Site, published: &'p BTreeMap<String, Published>) -> Shared<'p> {
        Shared {
            published,
            sitemap: OnceLock::new(),
            schedule: OnceLock::new(),
            calendars: OnceLock::new(),
            exchange: site.langs.iter().map(|_| OnceLock::new()).collect(),
            times: OnceLock::new(),
        }
    }

    fn sitemap(&self, site: &Site, plan: &Plan) -> &Sitemap {
        self.sitemap.get_or_init(|| Sitemap::new(site, &plan.jobs))
    }

    fn schedule(&self, site: &Site) -> &Schedule {
        self.schedule.get_or_init(|| Schedule::new(&site.data))
    }

    fn calendars(&self, site: &Site, plan: &Plan, sources: &Sources) -> Option<&Calendars> {
        self.calendars
            .get_or_init(|| {
                let has_calendars = plan.files.iter().any(|f| {
                    matches!(
                        f.what,
                        Derived::SessionCalendar { .. } | Derived::ProgrammeCalendar { .. }
                    )
                });
                has_calendars.then(|| Calendars::new(site, self.published, sources.data_changed()))
            })
            .as_ref()
    }

    fn times(&self, site: &Site) -> &crate::event::format::Times {
        self.times
            .get_or_init(|| crate::event::format::Times::new(&site.config))
    }

    /// The programme of language `l` in the exchange format's model.
    fn exchange(
        &self,
        site: &Site,
        localizer: &Localizer,
        l: LangId,
    ) -> &crate::exchange::Schedule {
        self.exchange[l]
            .get_or_init(|| crate::exchange::build(site, localizer, self.schedule(site), l))
    }

    /// What to keep in the output's marker for the next build's calendars: those made
    /// by this build (none when it made no calendar file).
    pub fn published(&self) -> BTreeMap<String, Published> {
        self.calendars
            .get()
            .and_then(Option::as_ref)
            .map(|c| c.published.clone())
            .unwrap_or_default()
    }
}

/// The content of one planned file; the page bodies it shows (a feed's, the search
/// index's) come from `bodies`.
pub fn produce(
    site: &Site,
    localizer: &Localizer,
    sources: &Sources,
    plan: &Plan,
    shared: &Shared<'_>,
    bodies: &Bodies<'_>,
    file: &FileJob,
) -> OutputFile {
    let bytes = match &file.what {
        Derived::Alias { lang, group, page } => {
            super::aliases::redirect(site, *lang, *group, *page)
        }
        Derived::SessionCalendar { lang, session } => shared
            .calendars(site, plan, sources)
            .map(|c| c.session_file(site, *lang, *session))
            .unwrap_or_default(),
        Derived::ProgrammeCalendar { lang } => shared
            .calendars(site, plan, sources)
            .map(|c| c.programme_file(site, shared.schedule(site), *lang))
            .unwrap_or_default(),
        Derived::ExchangeXml { lang } => {
            crate::exchange::xml::write(shared.exchange(site, localizer, *lang))
        }
        Derived::ExchangeJson { lang } => {
            crate::exchange::json::write(shared.exchange(site, localizer, *lang))
        }
        Derived::Sitemap { part } => shared.sitemap(site, plan).part(*part),
        Derived::SitemapIndex => shared.sitemap(site, plan).index(&site.config.base_url),
        Derived::Robots => crate::sitemap::robots(&site.config.base_url),
        Derived::Feed { lang } => {
            let url = plan.feeds[*lang].as_deref().unwrap_or_default();
            crate::feed::file(site, localizer, bodies, *lang, url)
        }
        Derived::SearchIndex { lang } => crate::search::file(
            site,
            bodies,
            *lang,
            super::search_docs::programme(site, localizer, shared.times(site), plan, *lang),
        ),
        Derived::Static { name } => match sources.statics.get(name) {
            Some(f) => match &f.body {
                Body::Bytes(bytes) => bytes.to_vec(),
                Body::Text(text) => text.as_bytes().to_vec(),
                // A file the snapshot holds only part of is copied whole.
                Body::File | Body::Head { .. } => {
                    return OutputFile::Copy(f.found.path.clone(), f.found.display.clone());
                }
            },
            None => Vec::new(),
        },
        Derived::Image { rel, variant } => {
            let found = site.images.get(rel).and_then(|info| {
                let v = info.variants.get(*variant)?;
                Some((site.images.cached(v)?, info.display.clone()))
            });
            match found {
                Some((path, display)) => return OutputFile::Copy(path, display),
                None => Vec::new(),
            }
        }
        Derived::Asset { rel } => match sources.content_file(rel) {
            Some(f) => return OutputFile::Copy(f.found.path.clone(), f.found.display.clone()),
            None => Vec::new(),
        },
    };
    OutputFile::Bytes(bytes)
}
