//! Reads a `schedule.json` (frab, pretalx, ours) into a [`Schedule`].
//!
//! The JSON is deserialized by serde_json into structs of the published shape, so a
//! missing field or a value of the wrong type is reported at its line and column.
//! Fields the model does not hold are ignored; both person shapes (frab's
//! `public_name`, pretalx's `name`) are read.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{
    At, Conference, Day, DayRoom, Event, Link, Person, ReadError, RoomInfo, Schedule, TrackInfo,
};

#[derive(Deserialize)]
struct Root {
    schedule: JSchedule,
}

#[derive(Deserialize)]
struct JSchedule {
    #[serde(default)]
    version: String,
    #[serde(default)]
    base_url: Option<String>,
    conference: JConference,
}

#[derive(Deserialize)]
struct JConference {
    #[serde(default)]
    acronym: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    start: String,
    #[serde(default)]
    end: String,
    #[serde(default)]
    time_zone_name: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    tracks: Vec<JTrack>,
    #[serde(default)]
    rooms: Vec<JRoom>,
    days: Vec<JDay>,
}

#[derive(Deserialize)]
struct JTrack {
    name: String,
    #[serde(default)]
    slug: Option<String>,
}

#[derive(Deserialize)]
struct JRoom {
    name: String,
    #[serde(default)]
    guid: Option<String>,
}

#[derive(Deserialize)]
struct JDay {
    #[serde(default)]
    index: u32,
    date: String,
    #[serde(default)]
    day_start: String,
    #[serde(default)]
    day_end: String,
    // A map keeps the file's order of rooms only when it is a Vec of pairs.
    rooms: Rooms,
}

/// The rooms of a day, in the order of the file.
struct Rooms(Vec<(String, Vec<JEvent>)>);

impl<'de> Deserialize<'de> for Rooms {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Rooms;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of room names and their events")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Rooms, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Vec<JEvent>>()? {
                    out.push((k, v));
                }
                Ok(Rooms(out))
            }
        }
        d.deserialize_map(V)
    }
}

#[derive(Deserialize)]
struct JEvent {
    #[serde(default)]
    guid: String,
    #[serde(default)]
    id: Option<u64>,
    #[serde(default)]
    code: Option<String>,
    date: String,
    #[serde(default)]
    start: String,
    duration: String,
    #[serde(default)]
    room: String,
    #[serde(default)]
    slug: Option<String>,
    #[serde(default)]
    url: Option<String>,
    title: String,
    #[serde(default)]
    subtitle: Option<String>,
    #[serde(default)]
    track: Option<String>,
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    language: Option<String>,
    #[serde(default, rename = "abstract")]
    abstract_text: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    persons: Vec<JPerson>,
    #[serde(default)]
    links: Vec<JLink>,
}

#[derive(Deserialize)]
struct JPerson {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    public_name: Option<String>,
    #[serde(default)]
    guid: Option<String>,
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    biography: Option<String>,
}

#[derive(Deserialize)]
struct JLink {
    url: String,
    #[serde(default)]
    title: String,
    #[serde(default, rename = "type")]
    kind: Option<String>,
}

/// Parses `text` as a schedule JSON.
pub fn read(text: &str) -> Result<Schedule, ReadError> {
    let root: Root = serde_json::from_str(text).map_err(|e| ReadError {
        at: At::LineColumn(e.line(), e.column()),
        message: format!("{}", Message(&e)),
    })?;
    let s = root.schedule;
    let c = s.conference;
    let mut rooms: Vec<RoomInfo> = c
        .rooms
        .into_iter()
        .map(|r| RoomInfo {
            name: r.name,
            guid: r.guid,
        })
        .collect();
    let guid_of: BTreeMap<String, Option<String>> = rooms
        .iter()
        .map(|r| (r.name.clone(), r.guid.clone()))
        .collect();
    let days = c
        .days
        .into_iter()
        .map(|d| Day {
            index: d.index,
            date: d.date,
            start: d.day_start,
            end: d.day_end,
            rooms: d
                .rooms
                .0
                .into_iter()
                .map(|(name, events)| {
                    if !rooms.iter().any(|r| r.name == name) {
                        rooms.push(RoomInfo {
                            name: name.clone(),
                            guid: None,
                        });
                    }
                    DayRoom {
                        guid: guid_of.get(&name).cloned().flatten(),
                        name,
                        events: events.into_iter().map(event).collect(),
                    }
                })
                .collect(),
        })
        .collect();
    Ok(Schedule {
        version: s.version,
        base_url: s.base_url,
        conference: Conference {
            acronym: c.acronym,
            title: c.title,
            start: c.start,
            end: c.end,
            time_zone_name: c.time_zone_name,
            url: c.url,
            tracks: c
                .tracks
                .into_iter()
                .map(|t| TrackInfo {
                    name: t.name,
                    slug: t.slug,
                })
                .collect(),
            rooms,
        },
        days,
    })
}

fn event(e: JEvent) -> Event {
    Event {
        guid: e.guid,
        id: e.id.unwrap_or(0),
        code: e.code,
        date: e.date,
        start: e.start,
        duration: e.duration,
        room: e.room,
        slug: e.slug,
        url: e.url.filter(|u| !u.is_empty()),
        title: e.title,
        subtitle: e.subtitle.unwrap_or_default(),
        track: e.track.filter(|t| !t.is_empty()),
        kind: e.kind.unwrap_or_default(),
        language: e.language.filter(|t| !t.is_empty()),
        abstract_text: e.abstract_text.unwrap_or_default(),
        description: e.description.filter(|t| !t.is_empty()),
        persons: e
            .persons
            .into_iter()
            .map(|p| Person {
                name: p.name.or(p.public_name).unwrap_or_default(),
                guid: p.guid,
                code: p.code,
                url: p.url,
                biography: p.biography,
            })
            .collect(),
        links: e
            .links
            .into_iter()
            .map(|l| Link {
                url: l.url,
                title: l.title,
                kind: l.kind,
            })
            .collect(),
        at: None,
    }
}

/// serde_json's message without its own " at line L column C" (the diagnostic shows
/// the position).
struct Message<'a>(&'a serde_json::Error);

impl std::fmt::Display for Message<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = self.0.to_string();
        let cut = text.rfind(" at line ").unwrap_or(text.len());
        f.write_str(&text[..cut])
    }
}
