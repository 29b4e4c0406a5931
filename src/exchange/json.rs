//! `schedule.json`: the JSON twin of the XML, in the shape of the published JSON Schema
//! (`{"schedule": {"version", "base_url", "conference": {…, "rooms", "days"}}}`).
//!
//! The shape is declared as serde structs (borrowing from the model) so that the field
//! names and which fields are always present are visible in one place. Persons follow
//! pretalx (`name`, `guid`): the schema accepts a person as frab's or pretalx's shape but
//! not both at once.

use serde::Serialize;

use super::{Day, Event, Schedule};

#[derive(Serialize)]
struct Root<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    generator: Generator,
    schedule: Sched<'a>,
}

#[derive(Serialize)]
struct Generator {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Sched<'a> {
    version: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    base_url: Option<&'a str>,
    conference: Conf<'a>,
}

#[derive(Serialize)]
struct Conf<'a> {
    acronym: &'a str,
    title: &'a str,
    start: &'a str,
    end: &'a str,
    #[serde(rename = "daysCount")]
    days_count: usize,
    timeslot_duration: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    time_zone_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    tracks: Vec<Track<'a>>,
    rooms: Vec<Room<'a>>,
    days: Vec<JsonDay<'a>>,
}

#[derive(Serialize)]
struct Track<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    slug: Option<&'a str>,
}

#[derive(Serialize)]
struct Room<'a> {
    name: &'a str,
    guid: &'a str,
}

#[derive(Serialize)]
struct JsonDay<'a> {
    index: u32,
    date: &'a str,
    day_start: &'a str,
    day_end: &'a str,
    rooms: Rooms<'a>,
}

/// A day's rooms: an object keyed by room name, in the order of the conference's rooms
/// (which a `serde_json::Map` would sort).
struct Rooms<'a>(Vec<(&'a str, Vec<JsonEvent<'a>>)>);

impl Serialize for Rooms<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (name, events) in &self.0 {
            map.serialize_entry(name, events)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct JsonEvent<'a> {
    guid: &'a str,
    id: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<&'a str>,
    date: &'a str,
    start: &'a str,
    duration: &'a str,
    room: &'a str,
    slug: &'a str,
    url: String,
    title: &'a str,
    subtitle: &'a str,
    track: Option<&'a str>,
    #[serde(rename = "type")]
    kind: &'a str,
    language: Option<&'a str>,
    #[serde(rename = "abstract")]
    abstract_text: &'a str,
    description: Option<&'a str>,
    persons: Vec<JsonPerson<'a>>,
    links: Vec<JsonLink<'a>>,
}

#[derive(Serialize)]
struct JsonPerson<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    guid: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    biography: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonLink<'a> {
    url: &'a str,
    title: &'a str,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    kind: Option<&'a str>,
}

/// The schedule as `schedule.json` (pretty-printed UTF-8).
pub fn write(schedule: &Schedule) -> Vec<u8> {
    let c = &schedule.conference;
    let root = Root {
        schema: "https://c3voc.de/schedule/schema.json",
        generator: Generator {
            name: "hexaglot",
            version: env!("CARGO_PKG_VERSION"),
        },
        schedule: Sched {
            version: &schedule.version,
            base_url: schedule.base_url.as_deref(),
            conference: Conf {
                acronym: &c.acronym,
                title: &c.title,
                start: &c.start,
                end: &c.end,
                days_count: schedule.days.len(),
                timeslot_duration: "00:05",
                time_zone_name: c.time_zone_name.as_deref(),
                url: c.url.as_deref(),
                tracks: c
                    .tracks
                    .iter()
                    .map(|t| Track {
                        name: &t.name,
                        slug: t.slug.as_deref(),
                    })
                    .collect(),
                rooms: c
                    .rooms
                    .iter()
                    .map(|r| Room {
                        name: &r.name,
                        guid: r.guid.as_deref().unwrap_or_default(),
                    })
                    .collect(),
                days: schedule.days.iter().map(day).collect(),
            },
        },
    };
    let mut bytes = serde_json::to_vec_pretty(&root).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

fn day(d: &Day) -> JsonDay<'_> {
    let rooms = Rooms(
        d.rooms
            .iter()
            .map(|r| (r.name.as_str(), r.events.iter().map(event).collect()))
            .collect(),
    );
    JsonDay {
        index: d.index,
        date: &d.date,
        day_start: &d.start,
        day_end: &d.end,
        rooms,
    }
}

fn event(e: &Event) -> JsonEvent<'_> {
    JsonEvent {
        guid: &e.guid,
        id: e.id,
        code: e.code.as_deref(),
        date: &e.date,
        start: &e.start,
        duration: &e.duration,
        room: &e.room,
        slug: e.slug.as_deref().unwrap_or_default(),
        url: crate::xml::iri_to_uri(e.url.as_deref().unwrap_or_default()),
        title: &e.title,
        subtitle: &e.subtitle,
        track: e.track.as_deref(),
        kind: &e.kind,
        language: e.language.as_deref(),
        abstract_text: &e.abstract_text,
        description: e.description.as_deref(),
        persons: e
            .persons
            .iter()
            .map(|p| JsonPerson {
                name: &p.name,
                guid: p.guid.as_deref(),
                code: p.code.as_deref(),
                url: p.url.as_deref(),
                biography: p.biography.as_deref(),
            })
            .collect(),
        links: e
            .links
            .iter()
            .map(|l| JsonLink {
                url: &l.url,
                title: &l.title,
                kind: l.kind.as_deref(),
            })
            .collect(),
    }
}
