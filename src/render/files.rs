//! The planned files that are not pages: what makes each one.

use crate::event::Schedule;
use crate::i18n::Localizer;
use crate::output::OutputFile;
use crate::plan::{Derived, FileJob, Plan};
use crate::site::Site;
use crate::sitemap::Sitemap;
use crate::sources::{Body, Sources};

/// What the files of one build share, computed once.
pub struct Shared {
    sitemap: Sitemap,
    schedule: Schedule,
}

impl Shared {
    /// The sitemap's URLs and the programme's order.
    pub fn new(site: &Site, plan: &Plan) -> Shared {
        Shared {
            sitemap: Sitemap::new(site, &plan.jobs),
            schedule: Schedule::new(&site.data),
        }
    }
}

/// The content of one planned file.
pub fn produce(
    site: &Site,
    localizer: &Localizer,
    sources: &Sources,
    plan: &Plan,
    shared: &Shared,
    file: &FileJob,
) -> OutputFile {
    let bytes = match &file.what {
        Derived::Alias { lang, group, page } => {
            super::aliases::redirect(site, *lang, *group, *page)
        }
        Derived::SessionCalendar { lang, session } => {
            crate::calendar::session_file(site, *lang, *session)
        }
        Derived::ProgrammeCalendar { lang } => {
            crate::calendar::programme_file(site, &shared.schedule, *lang)
        }
        Derived::Sitemap { part } => shared.sitemap.part(*part),
        Derived::SitemapIndex => shared.sitemap.index(&site.config.base_url),
        Derived::Robots => crate::sitemap::robots(&site.config.base_url),
        Derived::Feed { lang } => {
            let url = plan.feeds[*lang].as_deref().unwrap_or_default();
            crate::feed::file(site, localizer, *lang, url)
        }
        Derived::SearchIndex { lang } => crate::search::file(site, *lang),
        Derived::Static { name } => match sources.statics.get(name) {
            Some(f) => match &f.body {
                Body::Bytes(bytes) => bytes.to_vec(),
                Body::Text(text) => text.as_bytes().to_vec(),
                Body::File => {
                    return OutputFile::Copy(f.found.path.clone(), f.found.display.clone());
                }
            },
            None => Vec::new(),
        },
        Derived::Asset { rel } => match sources.content_file(rel) {
            Some(f) => return OutputFile::Copy(f.found.path.clone(), f.found.display.clone()),
            None => Vec::new(),
        },
    };
    OutputFile::Bytes(bytes)
}
