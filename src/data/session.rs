//! Sessions of the programme (`sessions.yaml`) and the event itself (`event.yaml`).
//!
//! A session is written with wall-clock times in a time zone, or as an all-day range of
//! dates. [`SessionRecord`] is the file as written; checking turns it into a [`Session`]
//! whose [`When`] holds instants, so that no later stage meets a time it cannot place:
//! an unknown zone, a time the clocks skip or an end before the start stops the build
//! here, with the line and column of the offending value.

use serde::{Deserialize, Serialize};

use super::Localized;
use crate::content::PageDate;
use crate::slug::RecordId;
use crate::zone::{Instant, Zone};

/// How people attend an event or a session (schema.org's `eventAttendanceMode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Attendance {
    /// Online only.
    Online,
    /// In person only.
    Offline,
    /// Both.
    Mixed,
}

impl Attendance {
    /// The schema.org URL of the mode.
    pub fn schema_org(self) -> &'static str {
        match self {
            Attendance::Online => "https://schema.org/OnlineEventAttendanceMode",
            Attendance::Offline => "https://schema.org/OfflineEventAttendanceMode",
            Attendance::Mixed => "https://schema.org/MixedEventAttendanceMode",
        }
    }
}

/// A session as written in `sessions.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionRecord {
    pub(super) id: RecordId,
    pub(super) title: Localized,
    #[serde(default)]
    pub(super) description: Option<Localized>,
    #[serde(default)]
    pub(super) track: Option<RecordId>,
    #[serde(default)]
    pub(super) format: Option<RecordId>,
    pub(super) start: String,
    pub(super) end: String,
    #[serde(default)]
    pub(super) time_zone: Option<String>,
    #[serde(default)]
    pub(super) people: Vec<RecordId>,
    #[serde(default)]
    pub(super) organizations: Vec<RecordId>,
    #[serde(default)]
    pub(super) room: Option<super::venue::RoomRef>,
    #[serde(default)]
    pub(super) stream: Option<String>,
    #[serde(default)]
    pub(super) recording: Option<String>,
    #[serde(default)]
    pub(super) captioning: bool,
    #[serde(default)]
    pub(super) interpretation: Vec<String>,
    #[serde(default)]
    pub(super) registration: Option<String>,
    #[serde(default)]
    pub(super) attendance: Option<Attendance>,
}

/// When a session takes place.
#[derive(Debug, Clone)]
pub enum When {
    /// From `start` to `end`, shown in `zone`.
    Timed {
        /// Start.
        start: Instant,
        /// End, after the start.
        end: Instant,
        /// The zone the times were written in and are shown in.
        zone: Zone,
    },
    /// Whole days, `first` to `last` inclusive, the same dates in every zone.
    AllDay {
        /// First day.
        first: PageDate,
        /// Last day, on or after the first.
        last: PageDate,
    },
}

/// A checked session.
#[derive(Debug, Clone)]
pub struct Session {
    /// Stable id: the last segment of its URL in every language, and its calendar UID.
    pub id: RecordId,
    /// Title.
    pub title: Localized,
    /// A paragraph.
    pub description: Option<Localized>,
    /// Track id (given, or the track of the format).
    pub track: Option<RecordId>,
    /// Format id.
    pub format: Option<RecordId>,
    /// Date and time.
    pub when: When,
    /// Speakers and moderators, by person id, in the order written.
    pub people: Vec<RecordId>,
    /// Organizations, by id.
    pub organizations: Vec<RecordId>,
    /// Room name, where it is held in a place: the name of the room of `rooms.yaml` it
    /// names, or the name written on the session.
    pub room: Option<Localized>,
    /// The id of its room in `rooms.yaml`, when it names one.
    pub room_id: Option<RecordId>,
    /// Link to the online stream.
    pub stream: Option<String>,
    /// Link to the recording, once the session is over.
    pub recording: Option<String>,
    /// Whether live captions are provided.
    pub captioning: bool,
    /// Languages of interpretation (codes of the site's languages).
    pub interpretation: Vec<String>,
    /// Registration link.
    pub registration: Option<String>,
    /// Attendance mode, where it differs from the event's.
    pub attendance: Option<Attendance>,
}

/// The event itself (`event.yaml`): what schema.org and calendars say about it as a whole.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventInfo {
    /// The key date that gives the event's dates (`final-week`).
    pub dates: RecordId,
    /// How people attend.
    #[serde(default)]
    pub attendance: Option<Attendance>,
    /// The event's web address.
    #[serde(default)]
    pub link: Option<String>,
    /// Where it is held, when in a place.
    #[serde(default)]
    pub venue: Option<super::venue::Venue>,
    /// Where to register.
    #[serde(default)]
    pub registration: Option<String>,
}

/// A date, or a date and a time, as written in `start` and `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    /// `2021-05-17`.
    Date(PageDate),
    /// `2021-05-18T13:00` (a space may stand for the `T`).
    DateTime(PageDate, u8, u8),
}

impl Moment {
    /// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
    pub fn parse(text: &str) -> Option<Moment> {
        let text = text.trim();
        let (date, time) = match text.split_once(['T', ' ']) {
            Some((d, t)) => (d, Some(t)),
            None => (text, None),
        };
        let date = PageDate::parse(date).filter(|_| date.len() == 10)?;
        let Some(time) = time else {
            return Some(Moment::Date(date));
        };
        let (h, m) = time.split_once(':')?;
        if h.len() != 2 || m.len() != 2 {
            return None;
        }
        let (hour, minute): (u8, u8) = (h.parse().ok()?, m.parse().ok()?);
        (hour < 24 && minute < 60).then_some(Moment::DateTime(date, hour, minute))
    }
}

impl When {
    /// Every day it takes place on, in its own zone, in order: the days of an all-day
    /// range, or each day a timed session runs into (one that ends at midnight does not
    /// reach the next day).
    pub fn days(&self) -> Vec<PageDate> {
        let (first, last, reaches_last) = match self {
            When::AllDay { first, last } => (*first, *last, true),
            When::Timed { start, end, zone } => {
                let end = zone.local(*end);
                (
                    zone.local(*start).date,
                    end.date,
                    end.hour != 0 || end.minute != 0,
                )
            }
        };
        let mut days = vec![first];
        let mut day = first;
        while day < last {
            day = crate::zone::next_day(day);
            if day < last || reaches_last {
                days.push(day);
            }
        }
        days
    }

    /// The first day, in the session's own zone.
    pub fn first_day(&self) -> PageDate {
        match self {
            When::Timed { start, zone, .. } => zone.local(*start).date,
            When::AllDay { first, .. } => *first,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_are_dates_or_date_times() {
        let d = PageDate::parse("2021-05-18").unwrap();
        assert_eq!(Moment::parse("2021-05-18"), Some(Moment::Date(d)));
        let zone = Zone::get("Europe/Zurich").unwrap();
        let timed = |(d1, h1), (d2, h2)| When::Timed {
            start: zone.instant(PageDate::parse(d1).unwrap(), h1, 0).unwrap(),
            end: zone.instant(PageDate::parse(d2).unwrap(), h2, 0).unwrap(),
            zone: zone.clone(),
        };
        let iso = |w: When| w.days().iter().map(|d| d.iso()).collect::<Vec<_>>();
        assert_eq!(
            iso(timed(("2021-05-18", 20), ("2021-05-19", 2))),
            ["2021-05-18", "2021-05-19"]
        );
        assert_eq!(
            iso(timed(("2021-05-18", 20), ("2021-05-19", 0))),
            ["2021-05-18"]
        );
        let all_day = When::AllDay {
            first: d,
            last: PageDate::parse("2021-05-20").unwrap(),
        };
        assert_eq!(iso(all_day), ["2021-05-18", "2021-05-19", "2021-05-20"]);
        assert_eq!(
            Moment::parse("2021-05-18T13:05"),
            Some(Moment::DateTime(d, 13, 5))
        );
        assert_eq!(
            Moment::parse("2021-05-18 09:30"),
            Some(Moment::DateTime(d, 9, 30))
        );
        assert_eq!(Moment::parse("2021-05-18T24:00"), None);
        assert_eq!(Moment::parse("2021-05-18T9:00"), None);
        assert_eq!(Moment::parse("18/05/2021"), None);
    }
}
