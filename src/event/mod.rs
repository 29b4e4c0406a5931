//! The programme as a whole: sessions in time order, grouped by day and by track, the
//! sessions of each person and organization, and the URLs of the pages and calendars
//! made from the data.
//!
//! Everything here is the same in every language; [`format`] turns it into words.
//! A timed session belongs to the days it takes place on in its own zone, so the date
//! shown above a session is a date its times are written in; a session over several
//! days (an exhibition) is listed on each.

pub mod format;
pub mod groups;
pub mod timetable;

use std::collections::BTreeMap;

use crate::config::Config;
use crate::content::PageDate;
use crate::data::{EventData, Session, When};

/// One day of the programme.
#[derive(Debug, Clone)]
pub struct Day {
    /// The date.
    pub date: PageDate,
    /// Indexes into `EventData::sessions`, in time order.
    pub sessions: Vec<usize>,
}

/// The programme's structure, computed once per build.
#[derive(Debug, Clone, Default)]
pub struct Schedule {
    /// Every session, in time order (all-day sessions first on their day).
    pub order: Vec<usize>,
    /// Days that have sessions, in order.
    pub days: Vec<Day>,
    /// Person id → their sessions, in time order.
    pub by_person: BTreeMap<String, Vec<usize>>,
    /// Organization id → sessions that name it or one of its people, in time order.
    pub by_organization: BTreeMap<String, Vec<usize>>,
}

impl Schedule {
    /// Orders and groups the sessions of `data`.
    pub fn new(data: &EventData) -> Schedule {
        let mut order: Vec<usize> = (0..data.sessions.len()).collect();
        order.sort_by_key(|&i| sort_key(&data.sessions[i]));
        let days = days_of(data, order.iter().copied());
        let mut by_person: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut by_organization: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let organization_of: BTreeMap<&str, &str> = data
            .people
            .iter()
            .filter_map(|p| Some((p.id.as_str(), p.organization.as_deref()?)))
            .collect();
        for &i in &order {
            let s = &data.sessions[i];
            for p in &s.people {
                by_person.entry(p.to_string()).or_default().push(i);
            }
            let via_people = s
                .people
                .iter()
                .filter_map(|p| organization_of.get(p.as_str()).copied());
            for o in s.organizations.iter().map(|o| o.as_str()).chain(via_people) {
                let list = by_organization.entry(o.to_string()).or_default();
                if list.last() != Some(&i) && !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        Schedule {
            order,
            days,
            by_person,
            by_organization,
        }
    }
}

/// Groups `sessions` (in time order) by day; a session over several days is on each of
/// them, after the sessions that started before it.
pub fn days_of(data: &EventData, sessions: impl Iterator<Item = usize>) -> Vec<Day> {
    let mut days: BTreeMap<PageDate, Vec<usize>> = BTreeMap::new();
    for i in sessions {
        for date in data.sessions[i].when.days() {
            days.entry(date).or_default().push(i);
        }
    }
    days.into_iter()
        .map(|(date, sessions)| Day { date, sessions })
        .collect()
}

/// Day first; on a day, all-day sessions before timed ones, then by start, end and id.
fn sort_key(s: &Session) -> (PageDate, bool, i64, i64, String) {
    match &s.when {
        When::AllDay { first, last } => (
            *first,
            false,
            0,
            i64::from(last.year) * 10_000 + i64::from(last.month) * 100 + i64::from(last.day),
            s.id.to_string(),
        ),
        When::Timed { start, end, .. } => (
            s.when.first_day(),
            true,
            start.unix_seconds(),
            end.unix_seconds(),
            s.id.to_string(),
        ),
    }
}

/// URL paths of the pages and calendars made from event data, in one language. The
/// last segments are ids, the same in every language, so that a session is found at
/// `/<lang>/sessions/<id>/` whatever the language.
pub struct Urls<'a> {
    prefix: String,
    config: &'a Config,
}

impl<'a> Urls<'a> {
    /// URLs in `lang`.
    pub fn new(config: &'a Config, lang: &str) -> Urls<'a> {
        Urls {
            prefix: config.lang_prefix(lang),
            config,
        }
    }

    /// The schedule by day.
    pub fn schedule(&self) -> String {
        self.path(&["sessions/"])
    }

    /// The schedule by track.
    pub fn schedule_by_track(&self) -> String {
        self.schedule_by("track")
    }

    /// The schedule grouped by `by` (`room`, `format`): `sessions/rooms/`.
    pub fn schedule_by(&self, by: &str) -> String {
        self.path(&["sessions/", by, "s/"])
    }

    /// A session's page.
    pub fn session(&self, id: &str) -> String {
        self.path(&["sessions/", id, "/"])
    }

    /// A session's calendar file.
    pub fn session_ics(&self, id: &str) -> String {
        self.path(&["sessions/", id, "/", id, ".ics"])
    }

    /// The calendar of the whole programme.
    pub fn programme_ics(&self) -> String {
        self.path(&["calendar.ics"])
    }

    /// The programme in the schedule exchange format (frab/pentabarf XML).
    pub fn exchange_xml(&self) -> String {
        self.path(&["schedule.xml"])
    }

    /// The programme in the schedule exchange format's JSON.
    pub fn exchange_json(&self) -> String {
        self.path(&["schedule.json"])
    }

    /// A person's page.
    pub fn person(&self, id: &str) -> String {
        self.path(&["people/", id, "/"])
    }

    /// An organization's page.
    pub fn organization(&self, id: &str) -> String {
        self.path(&["organizations/", id, "/"])
    }

    /// The language's prefix followed by `parts` (paths are made by the thousand: a
    /// `format!` costs several times as much).
    fn path(&self, parts: &[&str]) -> String {
        let len = self.prefix.len() + parts.iter().map(|p| p.len()).sum::<usize>();
        let mut path = String::with_capacity(len);
        path.push_str(&self.prefix);
        parts.iter().for_each(|p| path.push_str(p));
        path
    }

    /// An absolute URL for one of the paths above.
    pub fn absolute(&self, path: &str) -> String {
        self.config.absolute(path)
    }
}
