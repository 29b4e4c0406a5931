//! Checks of the venue (`event.yaml`), the rooms (`rooms.yaml`) and the rooms sessions
//! name.

use std::collections::HashMap;

use super::{Diagnostics, Place};
use crate::config::Config;
use crate::data::session::SessionRecord;
use crate::data::venue::{Room, RoomRef};
use crate::data::{EventInfo, Localized};
use crate::slug::RecordId;

/// The rooms sessions may name; `None` when rooms.yaml could not be parsed.
pub(super) struct Rooms<'a>(pub(super) Option<HashMap<&'a str, &'a Room>>);

/// Checks the rooms: ids, names and accessibility notes.
pub(super) fn rooms(place: &Place, rooms: &[Room], config: &Config, out: &mut Diagnostics) {
    place.ids(rooms.iter().map(|r| &r.id), out);
    for (i, r) in rooms.iter().enumerate() {
        place.localized(&[i.into(), "name".into()], &r.id, &r.name, config, out);
        if let Some(a) = &r.accessibility {
            place.localized(&[i.into(), "accessibility".into()], &r.id, a, config, out);
        }
    }
}

/// The room of session `i`: its name and, when it names a room of rooms.yaml, its id.
pub(super) fn session_room(
    place: &Place,
    i: usize,
    r: &SessionRecord,
    rooms: &Rooms,
    config: &Config,
    out: &mut Diagnostics,
) -> (Option<Localized>, Option<RecordId>) {
    let path = [i.into(), "room".into()];
    match &r.room {
        None => (None, None),
        Some(RoomRef::Named(name)) => {
            place.localized(&path, &r.id, name, config, out);
            (Some(name.clone()), None)
        }
        Some(RoomRef::Id(id)) => {
            let Some(known) = &rooms.0 else {
                return (None, None);
            };
            match known.get(id.as_str()) {
                Some(room) => (Some(room.name.clone()), Some(room.id.clone())),
                None => {
                    out.push(place.dangling(
                        place.value(&path),
                        format!("`room: {id}`"),
                        "rooms.yaml",
                    ));
                    (None, None)
                }
            }
        }
    }
}

/// Checks the venue and the addresses of `event.yaml`.
pub(super) fn event(place: &Place, event: &EventInfo, config: &Config, out: &mut Diagnostics) {
    for (field, url) in [
        ("link", event.link.as_deref()),
        ("registration", event.registration.as_deref()),
    ] {
        web_address(place, &[field], url, out);
    }
    let Some(venue) = &event.venue else { return };
    place.localized(
        &["venue".into(), "name".into()],
        "venue",
        &venue.name,
        config,
        out,
    );
    web_address(place, &["venue", "map"], venue.map.as_deref(), out);
    if let Some(geo) = venue.geo {
        for (key, value, limit) in [("lat", geo.lat, 90.0), ("lon", geo.lon, 180.0)] {
            if !(-limit..=limit).contains(&value) {
                out.push(
                    place
                        .error(
                            place.value(&["venue".into(), "geo".into(), key.into()]),
                            format!("`{key}: {value}` is outside −{limit}…{limit} degrees"),
                        )
                        .hint("write WGS 84 degrees in decimal, as a map shows them (46.2203)"),
                );
            }
        }
    }
}

/// A URL field must be a full web address.
fn web_address(place: &Place, path: &[&str], url: Option<&str>, out: &mut Diagnostics) {
    let Some(url) = url.filter(|u| !u.starts_with("https://") && !u.starts_with("http://")) else {
        return;
    };
    let steps: Vec<_> = path.iter().map(|k| (*k).into()).collect();
    out.push(
        place
            .error(
                place.value(&steps),
                format!("`{}` is not a web address: `{url}`", path.join(".")),
            )
            .hint("write the full address, starting with https://"),
    );
}
