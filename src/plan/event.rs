//! The pages made from event data: the schedule by day and by track, one page per
//! session, person and organization, in every language at the same id-based URL
//! (`/<lang>/sessions/<id>/`). A page is planned only when the theme has its template
//! (`schedule.html`, `session.html`, `person.html`, `organization.html`), so a theme
//! without a programme simply has none.

use super::{JobKind, Planner};
use crate::error::Diagnostic;
use crate::event::groups::Grouping;
use crate::site::Site;

/// Which page of the event data a job renders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventPage {
    /// The schedule, grouped by day.
    ScheduleByDay,
    /// The schedule, grouped by track.
    ScheduleByTrack,
    /// The schedule, grouped by room (when sessions have rooms).
    ScheduleByRoom,
    /// The schedule, grouped by format (when sessions have formats).
    ScheduleByFormat,
    /// A session (index into `EventData::sessions`).
    Session(usize),
    /// A person.
    Person(usize),
    /// An organization.
    Organization(usize),
}

impl EventPage {
    /// Whether it is a view of the whole schedule.
    pub fn is_schedule(self) -> bool {
        self.grouping().is_some() || self == EventPage::ScheduleByDay
    }

    /// What a schedule page groups sessions by (none by day).
    pub fn grouping(self) -> Option<Grouping> {
        match self {
            EventPage::ScheduleByTrack => Some(Grouping::Track),
            EventPage::ScheduleByRoom => Some(Grouping::Room),
            EventPage::ScheduleByFormat => Some(Grouping::Format),
            _ => None,
        }
    }

    /// The value of `kind` in the template context.
    pub fn kind_name(self) -> &'static str {
        match self {
            EventPage::ScheduleByDay
            | EventPage::ScheduleByTrack
            | EventPage::ScheduleByRoom
            | EventPage::ScheduleByFormat => "schedule",
            EventPage::Session(_) => "session",
            EventPage::Person(_) => "person",
            EventPage::Organization(_) => "organization",
        }
    }

    /// The template that renders it.
    pub fn template(self) -> &'static str {
        match self {
            EventPage::ScheduleByDay
            | EventPage::ScheduleByTrack
            | EventPage::ScheduleByRoom
            | EventPage::ScheduleByFormat => "schedule.html",
            EventPage::Session(_) => "session.html",
            EventPage::Person(_) => "person.html",
            EventPage::Organization(_) => "organization.html",
        }
    }

    /// The URL path of this page in `lang`.
    pub fn path(self, site: &Site, lang: &str) -> String {
        let urls = crate::event::Urls::new(&site.config, lang);
        let data = &site.data;
        match self {
            EventPage::ScheduleByDay => urls.schedule(),
            EventPage::ScheduleByTrack => urls.schedule_by_track(),
            EventPage::ScheduleByRoom => urls.schedule_by("room"),
            EventPage::ScheduleByFormat => urls.schedule_by("format"),
            EventPage::Session(i) => urls.session(&data.sessions[i].id),
            EventPage::Person(i) => urls.person(&data.people[i].id),
            EventPage::Organization(i) => urls.organization(&data.organizations[i].id),
        }
    }

    /// The data file this page is made from (`sessions`) and the index of its record,
    /// for messages (none for the schedules, made from the whole file).
    pub fn record(self) -> (&'static str, Option<usize>) {
        match self {
            EventPage::ScheduleByDay
            | EventPage::ScheduleByTrack
            | EventPage::ScheduleByRoom
            | EventPage::ScheduleByFormat => ("sessions", None),
            EventPage::Session(i) => ("sessions", Some(i)),
            EventPage::Person(i) => ("people", Some(i)),
            EventPage::Organization(i) => ("organizations", Some(i)),
        }
    }
}

/// Adds the event pages of every language.
pub(super) fn plan(p: &mut Planner<'_, '_>, has_template: &dyn Fn(&str) -> bool) {
    let site = p.site;
    let sources = p.sources;
    let data = &site.data;
    let mut pages = Vec::new();
    if !data.sessions.is_empty() {
        pages.extend([EventPage::ScheduleByDay, EventPage::ScheduleByTrack]);
        if Grouping::Room.used(data) {
            pages.push(EventPage::ScheduleByRoom);
        }
        if Grouping::Format.used(data) {
            pages.push(EventPage::ScheduleByFormat);
        }
        pages.extend((0..data.sessions.len()).map(EventPage::Session));
    }
    pages.extend((0..data.people.len()).map(EventPage::Person));
    pages.extend((0..data.organizations.len()).map(EventPage::Organization));
    pages.retain(|page| has_template(page.template()));
    for (l, lang_site) in site.each_lang() {
        for &page in &pages {
            let url = page.path(site, &lang_site.lang);
            // The same message in every language: reported once.
            let blame = |e| {
                let (file, text, position) =
                    super::collide::record_place(site, sources, page.record());
                let d = Diagnostic::error(
                    file,
                    format!("this record's id cannot be part of a URL: the URL {e}"),
                );
                match position {
                    Some((line, column)) => d.at(&text, line, column),
                    None => d,
                }
                .hint("an id is one URL segment: letters, digits and hyphens")
            };
            if let Some(out) = p.out_path(&url, blame) {
                p.job(out, l, JobKind::Event(page), page.template());
            }
        }
    }
}
