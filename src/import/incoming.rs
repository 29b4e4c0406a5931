//! What an importer read, in one shape for every source format: sessions, people and
//! tracks with their texts keyed by language, and times as instants with the offset
//! they were written in. Ids are resolved against the site's data later ([`super::merge`]).

use std::collections::BTreeMap;

use crate::content::PageDate;
use crate::zone::Instant;

/// Text keyed by language code.
pub type Texts = BTreeMap<String, String>;

/// Everything read from one file.
#[derive(Debug, Default)]
pub struct Incoming {
    /// Sessions, in the file's order.
    pub sessions: Vec<InSession>,
}

/// A reference to a person or a track: an id where the source gives one, and names.
#[derive(Debug, Clone, Default)]
pub struct Named {
    /// Our id, when the source carries it (a URL of ours, a slug, a code).
    pub id: Option<String>,
    /// Name per language.
    pub name: Texts,
    /// The format's GUID of a person, when the source gives one.
    pub guid: Option<String>,
}

/// When a session takes place.
#[derive(Debug, Clone)]
pub enum InTime {
    /// From `start` to `end`; `offset` (seconds) is the one the times were written in.
    Timed {
        /// Start.
        start: Instant,
        /// End.
        end: Instant,
        /// Offset of the source's wall clock.
        offset: i32,
    },
    /// Whole days.
    AllDay {
        /// First day.
        first: PageDate,
        /// Last day, inclusive.
        last: PageDate,
    },
    /// Wall-clock times in the site's zone, or in `zone` (spreadsheets and Sessionize
    /// write no offsets).
    Local {
        /// Start date.
        date: PageDate,
        /// Start `(hour, minute)`.
        start: (u8, u8),
        /// End date and `(hour, minute)`.
        end: (PageDate, u8, u8),
        /// IANA zone, when the source names one.
        zone: Option<crate::zone::Zone>,
    },
}

/// A session as read.
#[derive(Debug, Clone)]
pub struct InSession {
    /// Where in the file (`line 12`, `event at line 40`, `session 3`), for messages.
    pub place: String,
    /// Id, when the source gives one.
    pub id: Option<String>,
    /// Title.
    pub title: Texts,
    /// Description.
    pub description: Texts,
    /// Track.
    pub track: Option<Named>,
    /// The source's session type, matched to a format by name.
    pub kind: Option<String>,
    /// Time.
    pub time: InTime,
    /// Room name per language; `None` for no room.
    pub room: Option<Texts>,
    /// Speakers.
    pub people: Vec<Named>,
    /// Stream link.
    pub stream: Option<String>,
    /// Registration link.
    pub registration: Option<String>,
}

/// One text in language `lang`, or none when it is empty.
pub fn one(lang: &str, text: &str) -> Texts {
    let text = text.trim();
    if text.is_empty() {
        Texts::new()
    } else {
        Texts::from([(lang.to_string(), text.to_string())])
    }
}

/// `HH:MM` (or `H:MM`), as hour and minute.
pub fn clock(text: &str) -> Option<(u8, u8)> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m): (u8, u8) = (h.parse().ok()?, m.get(..2)?.parse().ok()?);
    (h < 24 && m < 60).then_some((h, m))
}

/// A duration `HH:MM`, `HH:MM:SS` or a number of minutes, in minutes.
pub fn minutes(text: &str) -> Option<i64> {
    let text = text.trim();
    if let Ok(m) = text.parse::<i64>() {
        return (m >= 0).then_some(m);
    }
    let mut parts = text.split(':');
    let h: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    (h >= 0 && (0..60).contains(&m)).then_some(h * 60 + m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clocks_and_durations() {
        assert_eq!(clock("09:05"), Some((9, 5)));
        assert_eq!(clock("24:00"), None);
        assert_eq!(minutes("01:30"), Some(90));
        assert_eq!(minutes("24:00:00"), Some(1440));
        assert_eq!(minutes("45"), Some(45));
        assert_eq!(minutes("1h"), None);
    }
}
