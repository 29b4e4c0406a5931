//! Where the event takes place: the venue of `event.yaml` and the rooms of `rooms.yaml`.
//!
//! A session names its room by id (`room: hall-a`); the per-language map of earlier
//! sites (`room: {en: Room A, fr: Salle A}`) is still read, as a room of its own with no
//! floor or capacity. Both forms are one [`RoomRef`], read by hand rather than as an
//! untagged enum, which would lose the parser's position and say only that nothing
//! matched.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Attendance, EventData, Localized, Session};
use crate::slug::RecordId;

/// The venue of an event held in a place.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Venue {
    /// Name, per language.
    pub name: Localized,
    /// Postal address, as written on letters in the venue's country.
    #[serde(default)]
    pub address: Option<Address>,
    /// Coordinates, for maps and calendars (`GEO`).
    #[serde(default)]
    pub geo: Option<Geo>,
    /// A web map of the venue.
    #[serde(default)]
    pub map: Option<String>,
}

/// A postal address (schema.org's `PostalAddress`).
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Address {
    /// Street and number.
    #[serde(default)]
    pub street: Option<String>,
    /// Town or city.
    #[serde(default)]
    pub locality: Option<String>,
    /// Region, state or canton.
    #[serde(default)]
    pub region: Option<String>,
    /// Postal code.
    #[serde(default)]
    pub postal_code: Option<String>,
    /// Country: an ISO 3166 code (`CH`) or a name.
    #[serde(default)]
    pub country: Option<String>,
}

impl Address {
    /// The lines of a one-line address, as given: street, postal code with locality,
    /// region, country.
    pub fn parts(&self) -> Vec<String> {
        let town = [&self.postal_code, &self.locality]
            .into_iter()
            .filter_map(|p| p.as_deref())
            .collect::<Vec<_>>()
            .join(" ");
        [
            self.street.clone(),
            Some(town),
            self.region.clone(),
            self.country.clone(),
        ]
        .into_iter()
        .flatten()
        .filter(|p| !p.is_empty())
        .collect()
    }
}

/// WGS 84 coordinates, in degrees.
#[derive(Debug, Clone, Copy, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Geo {
    /// Latitude, −90 to 90.
    pub lat: f64,
    /// Longitude, −180 to 180.
    pub lon: f64,
}

/// A room of the venue.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Room {
    /// Stable id, named by sessions.
    pub id: RecordId,
    /// Name, per language.
    pub name: Localized,
    /// Floor number (0 for the ground floor).
    #[serde(default)]
    pub floor: Option<i32>,
    /// Number of seats.
    #[serde(default)]
    pub capacity: Option<u32>,
    /// How to reach and use it (step-free access, hearing loop…), per language.
    #[serde(default)]
    pub accessibility: Option<Localized>,
}

/// A session's `room:` as written: a room id, or a name per language.
#[derive(Debug, Clone)]
pub enum RoomRef {
    /// The id of a room of `rooms.yaml`.
    Id(String),
    /// A name per language, for a room not listed in `rooms.yaml`.
    Named(Localized),
}

impl<'de> Deserialize<'de> for RoomRef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<RoomRef, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = RoomRef;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a room id of rooms.yaml, or a name per language (`{en: …, fr: …}`)")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RoomRef, E> {
                Ok(RoomRef::Id(v.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<RoomRef, E> {
                Ok(RoomRef::Id(v.to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<RoomRef, E> {
                Ok(RoomRef::Id(v.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<RoomRef, A::Error> {
                BTreeMap::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(|m| RoomRef::Named(Localized(m)))
            }
        }
        d.deserialize_any(V)
    }
}

impl EventData {
    /// How people attend session `s`: its own mode, else the event's.
    pub fn mode_of(&self, s: &Session) -> Option<Attendance> {
        s.attendance
            .or_else(|| self.event.as_ref().and_then(|e| e.attendance))
    }

    /// The venue of the event, if it has one.
    pub fn venue(&self) -> Option<&Venue> {
        self.event.as_ref().and_then(|e| e.venue.as_ref())
    }

    /// The room of `rooms.yaml` that session `s` names.
    pub fn room_of(&self, s: &Session) -> Option<&Room> {
        self.room(s.room_id.as_deref()?)
    }

    /// Whether session `s` is held in a place: it names a room, or the event has a venue
    /// and the session is not online only.
    pub fn in_place(&self, s: &Session) -> bool {
        s.room.is_some() || (self.venue().is_some() && self.mode_of(s) != Some(Attendance::Online))
    }
}
