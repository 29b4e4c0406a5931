//! The records of the event data files.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Deserializer};

use crate::content::PageDate;
use crate::slug::RecordId;

use super::session::{EventInfo, Session};

/// Text in several languages, keyed by language code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(transparent)]
pub struct Localized(pub BTreeMap<String, String>);

impl Localized {
    /// The text in `lang`, else in the first language of `fallback` that has it.
    pub fn get<'a>(&'a self, lang: &str, fallback: &[String]) -> Option<(&'a str, &'a str)> {
        std::iter::once(lang)
            .chain(fallback.iter().map(String::as_str))
            .find_map(|l| self.0.get_key_value(l))
            .map(|(l, t)| (l.as_str(), t.as_str()))
    }
}

/// A track of the programme (High-Level Track, Forum Track).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Track {
    /// Stable id.
    pub id: RecordId,
    /// Name.
    pub name: Localized,
    /// One sentence.
    #[serde(default)]
    pub description: Option<Localized>,
}

/// A session format (policy statements, country workshops, …).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Format {
    /// Stable id.
    pub id: RecordId,
    /// The track it belongs to; none for a format every track may use.
    #[serde(default)]
    pub track: Option<RecordId>,
    /// Name.
    pub name: Localized,
    /// One sentence.
    #[serde(default)]
    pub description: Option<Localized>,
}

/// How precise a key date is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A day or a range of days.
    #[default]
    Day,
    /// A month ("from January 2021").
    Month,
}

/// A key date of the event: a day, a range of days, or a month.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyDate {
    /// Stable id.
    pub id: RecordId,
    /// What happens.
    pub title: Localized,
    /// First day.
    #[serde(deserialize_with = "date")]
    pub start: PageDate,
    /// Last day, inclusive.
    #[serde(default, deserialize_with = "optional_date")]
    pub end: Option<PageDate>,
    /// Day (default) or month.
    #[serde(default)]
    pub precision: Precision,
    /// Whether the programme's calendar (`.ics`) holds it as an all-day event.
    #[serde(default)]
    pub calendar: bool,
}

/// Where an organization stands in the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tier {
    /// Organizes the event.
    CoOrganizer,
    /// Takes part in organizing it.
    Partner,
    /// A group of commissions named together.
    Commission,
}

/// An organization.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// Stable id.
    pub id: RecordId,
    /// Role in the event.
    pub tier: Tier,
    /// Whether it hosts the event.
    #[serde(default)]
    pub host: bool,
    /// Official name, without the acronym.
    pub name: Localized,
    /// Acronym per language.
    #[serde(default)]
    pub acronym: Option<Localized>,
    /// Web site.
    #[serde(default)]
    pub link: Option<String>,
    /// Its logo: an image under `content/` (`logos/itu.png`).
    #[serde(default)]
    pub logo: Option<String>,
    /// The logo's alternative text, when the name is not right for it.
    #[serde(default)]
    pub logo_alt: Option<Localized>,
}

/// A person.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Stable id.
    pub id: RecordId,
    /// Name as written in each language.
    pub name: Localized,
    /// Title or function.
    #[serde(default)]
    pub role: Option<Localized>,
    /// Organization id.
    #[serde(default)]
    pub organization: Option<RecordId>,
    /// Their photo: an image under `content/` (`people/ada.jpg`).
    #[serde(default)]
    pub photo: Option<String>,
    /// The photo's alternative text, when the name is not right for it.
    #[serde(default)]
    pub photo_alt: Option<Localized>,
}

/// All event data of the site.
#[derive(Debug, Clone, Default)]
pub struct EventData {
    /// Tracks, in file order.
    pub tracks: Vec<Track>,
    /// Session formats.
    pub formats: Vec<Format>,
    /// Key dates.
    pub key_dates: Vec<KeyDate>,
    /// Organizations.
    pub organizations: Vec<Organization>,
    /// People.
    pub people: Vec<Person>,
    /// Sessions, checked, in file order.
    pub sessions: Vec<Session>,
    /// Rooms of the venue, in file order.
    pub rooms: Vec<super::Room>,
    /// Session index → the first session that names the same room on itself (`room:
    /// {en: Foyer}`, no `rooms.yaml` id); the session itself when it names none. Found
    /// once, for the schedule's groups by room.
    pub named_rooms: Vec<usize>,
    /// The event itself, when `event.yaml` exists.
    pub event: Option<EventInfo>,
    /// Data of the site's own: `content/data/<name>.yaml` files the generator does not
    /// know, by name (see [`super::custom`]).
    pub custom: super::custom::CustomData,
    /// The known files that could not be parsed (`sessions`, `people`…): their error is
    /// reported, and links to the pages their records would make are not checked, so
    /// that one bad file does not bury its error under false broken links.
    pub failed: std::collections::BTreeSet<&'static str>,
    /// Where each id of `people`, `organizations` and `rooms` is, for
    /// [`EventData::person`] and its kin (a programme names thousands of them).
    pub(super) positions: Positions,
}

/// Id → index in its list, of the records that sessions name by the thousand.
#[derive(Debug, Clone, Default)]
pub(super) struct Positions {
    people: HashMap<String, usize>,
    organizations: HashMap<String, usize>,
    rooms: HashMap<String, usize>,
}

impl Positions {
    /// The positions of the first record of each id (the one a search of the list finds).
    pub(super) fn new(
        people: &[Person],
        organizations: &[Organization],
        rooms: &[super::Room],
    ) -> Self {
        fn first<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
            let mut map = HashMap::new();
            for (i, id) in ids.enumerate() {
                map.entry(id.to_string()).or_insert(i);
            }
            map
        }
        Positions {
            people: first(people.iter().map(|p| p.id.as_str())),
            organizations: first(organizations.iter().map(|o| o.id.as_str())),
            rooms: first(rooms.iter().map(|r| r.id.as_str())),
        }
    }
}

impl EventData {
    /// The person with id `id`.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.positions.people.get(id).map(|&i| &self.people[i])
    }

    /// The organization with id `id`.
    pub fn organization(&self, id: &str) -> Option<&Organization> {
        self.positions
            .organizations
            .get(id)
            .map(|&i| &self.organizations[i])
    }

    /// The room of `rooms.yaml` with id `id`.
    pub fn room(&self, id: &str) -> Option<&super::Room> {
        self.positions.rooms.get(id).map(|&i| &self.rooms[i])
    }
}

fn date<'de, D: Deserializer<'de>>(d: D) -> Result<PageDate, D::Error> {
    let text = String::deserialize(d)?;
    PageDate::parse(&text)
        .ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not a date (YYYY-MM-DD)")))
}

fn optional_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<PageDate>, D::Error> {
    date(d).map(Some)
}
