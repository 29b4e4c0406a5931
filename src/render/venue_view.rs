//! The venue and the rooms in one language, for templates: the event's venue and
//! registration in `data.event`, a session's room and venue on its page.

use serde::Serialize;

use super::text::{LangCtx, Text};
use crate::data::{Attendance, EventData, Room, Session, Venue};

/// The venue, in the page's language.
#[derive(Serialize)]
pub struct VenueView<'a> {
    /// Name.
    pub name: Text<'a>,
    /// The address, one line per part (street, postal code and locality, region,
    /// country).
    pub address: Vec<String>,
    /// The address fields as written, for templates that lay them out their own way.
    pub address_fields: Option<&'a crate::data::Address>,
    /// Coordinates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geo: Option<crate::data::Geo>,
    /// A web map.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub map: Option<&'a str>,
}

/// A room, in the page's language.
#[derive(Serialize)]
pub struct RoomView<'a> {
    /// Id in rooms.yaml; none for a room named on the session only.
    pub id: Option<&'a str>,
    /// Name.
    pub name: Text<'a>,
    /// Floor number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub floor: Option<i32>,
    /// Seats.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity: Option<u32>,
    /// Accessibility notes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accessibility: Option<Text<'a>>,
}

/// The event as a whole for templates (`data.event`).
#[derive(Serialize)]
pub struct EventFacts<'a> {
    /// How people attend: `online`, `offline` or `mixed`.
    pub attendance: Option<Attendance>,
    /// The event's web address.
    pub link: Option<&'a str>,
    /// Where to register.
    pub registration: Option<&'a str>,
    /// The venue.
    pub venue: Option<VenueView<'a>>,
    /// Every room, in file order.
    pub rooms: Vec<RoomView<'a>>,
}

/// The venue in `cx`'s language.
pub fn venue<'a>(cx: &LangCtx, v: &'a Venue) -> VenueView<'a> {
    VenueView {
        name: cx.text(&v.name),
        address: v.address.as_ref().map(|a| a.parts()).unwrap_or_default(),
        address_fields: v.address.as_ref(),
        geo: v.geo,
        map: v.map.as_deref(),
    }
}

/// A room of rooms.yaml in `cx`'s language.
pub fn room<'a>(cx: &LangCtx, r: &'a Room) -> RoomView<'a> {
    RoomView {
        id: Some(&r.id),
        name: cx.text(&r.name),
        floor: r.floor,
        capacity: r.capacity,
        accessibility: r.accessibility.as_ref().map(|a| cx.text(a)),
    }
}

/// The room of session `s`: the room of rooms.yaml it names, or the name it gives.
pub fn session_room<'a>(cx: &LangCtx, data: &'a EventData, s: &'a Session) -> Option<RoomView<'a>> {
    match data.room_of(s) {
        Some(r) => Some(room(cx, r)),
        None => s.room.as_ref().map(|name| RoomView {
            id: None,
            name: cx.text(name),
            floor: None,
            capacity: None,
            accessibility: None,
        }),
    }
}

/// `data.event` in `cx`'s language.
pub fn event_facts<'a>(cx: &LangCtx, data: &'a EventData) -> EventFacts<'a> {
    let info = data.event.as_ref();
    EventFacts {
        attendance: info.and_then(|e| e.attendance),
        link: info.and_then(|e| e.link.as_deref()),
        registration: info.and_then(|e| e.registration.as_deref()),
        venue: data.venue().map(|v| venue(cx, v)),
        rooms: data.rooms.iter().map(|r| room(cx, r)).collect(),
    }
}
