//! schema.org `Event` descriptions (JSON-LD) of the event and of each session, in the
//! page's language, for search engines and calendar tools.
//!
//! The JSON is written into a `<script type="application/ld+json">` element, so `<` is
//! escaped as `\u003c`: a title containing `</script>` cannot end the element.

use serde_json::{Map, Value, json};

use super::text::LangCtx;
use crate::data::{Attendance, Session, Venue, When};
use crate::site::Site;

/// The event as a whole, for the home page: its dates come from the key date named in
/// `event.yaml`. `None` when the site has no `event.yaml`.
pub fn event(site: &Site, cx: &LangCtx, home: &str) -> Option<String> {
    let data = &site.data;
    let info = data.event.as_ref()?;
    let dates = data.key_dates.iter().find(|k| k.id == info.dates)?;
    let mut e = base("Event", site.config.title.get(cx.lang)?, cx.lang);
    e.insert("startDate".into(), json!(dates.start.iso()));
    e.insert(
        "endDate".into(),
        json!(dates.end.unwrap_or(dates.start).iso()),
    );
    e.insert("url".into(), json!(site.config.absolute(home)));
    let place = info.venue.as_ref().map(|v| place(cx, v, None));
    attendance(&mut e, info.attendance, info.link.as_deref(), place);
    let organizers: Vec<Value> = data
        .organizations
        .iter()
        .filter(|o| o.tier == crate::data::Tier::CoOrganizer)
        .map(|o| organization(site, cx, &o.id))
        .collect();
    if !organizers.is_empty() {
        e.insert("organizer".into(), Value::Array(organizers));
    }
    Some(script_safe(&Value::Object(e)))
}

/// One session, with the event as its `superEvent`.
pub fn session(site: &Site, cx: &LangCtx, s: &Session, home: &str) -> String {
    let data = &site.data;
    let title = cx.text(&s.title).text;
    let mut e = base("Event", title, cx.lang);
    if let Some(d) = &s.description {
        e.insert("description".into(), json!(cx.text(d).text));
    }
    let (start, end) = match &s.when {
        When::Timed { start, end, zone } => (
            zone.local(*start).iso_with_offset(),
            zone.local(*end).iso_with_offset(),
        ),
        When::AllDay { first, last } => (first.iso(), last.iso()),
    };
    e.insert("startDate".into(), json!(start));
    e.insert("endDate".into(), json!(end));
    e.insert(
        "url".into(),
        json!(cx.urls.absolute(&cx.urls.session(&s.id))),
    );
    let event = data.event.as_ref();
    let venue = data.venue();
    let room = s.room.as_ref().map(|r| cx.text(r).text);
    let place = data.in_place(s).then(|| match venue {
        Some(v) => place(cx, v, room),
        None => json!({"@type": "Place", "name": room.unwrap_or_default()}),
    });
    attendance(
        &mut e,
        data.mode_of(s),
        s.stream
            .as_deref()
            .or(event.and_then(|e| e.link.as_deref())),
        place,
    );
    let organizers: Vec<Value> = s
        .organizations
        .iter()
        .map(|o| organization(site, cx, o))
        .collect();
    if !organizers.is_empty() {
        e.insert("organizer".into(), Value::Array(organizers));
    }
    let performers: Vec<Value> = s
        .people
        .iter()
        .filter_map(|p| data.person(p))
        .map(|p| json!({"@type": "Person", "name": cx.text(&p.name).text, "url": cx.urls.absolute(&cx.urls.person(&p.id))}))
        .collect();
    if !performers.is_empty() {
        e.insert("performer".into(), Value::Array(performers));
    }
    if let Some(title) = site.config.title.get(cx.lang) {
        e.insert(
            "superEvent".into(),
            json!({"@type": "Event", "name": title, "url": site.config.absolute(home)}),
        );
    }
    script_safe(&Value::Object(e))
}

fn base(kind: &str, name: &str, lang: &str) -> Map<String, Value> {
    let mut e = Map::new();
    e.insert("@context".into(), json!("https://schema.org"));
    e.insert("@type".into(), json!(kind));
    e.insert("name".into(), json!(name));
    e.insert("inLanguage".into(), json!(lang));
    e
}

/// `eventAttendanceMode` and `location`: a virtual location (the stream or the event's
/// link) for online events, a place for events in person, both when mixed. With no mode
/// stated, the place alone, when there is one.
fn attendance(
    e: &mut Map<String, Value>,
    mode: Option<Attendance>,
    link: Option<&str>,
    place: Option<Value>,
) {
    if let Some(mode) = mode {
        e.insert("eventAttendanceMode".into(), json!(mode.schema_org()));
    }
    let online = link.map(|url| json!({"@type": "VirtualLocation", "url": url}));
    let locations: Vec<Value> = match mode {
        Some(Attendance::Online) => online.into_iter().collect(),
        Some(Attendance::Offline) | None => place.into_iter().collect(),
        Some(Attendance::Mixed) => online.into_iter().chain(place).collect(),
    };
    match locations.len() {
        0 => {}
        1 => {
            e.insert(
                "location".into(),
                locations.into_iter().next().unwrap_or_default(),
            );
        }
        _ => {
            e.insert("location".into(), Value::Array(locations));
        }
    }
}

/// The venue as a schema.org `Place`, with its address and coordinates; a room is a
/// place named after it, inside the venue.
fn place(cx: &LangCtx, venue: &Venue, room: Option<&str>) -> Value {
    let venue_name = cx.text(&venue.name).text;
    let mut p = Map::new();
    p.insert("@type".into(), json!("Place"));
    p.insert("name".into(), json!(room.unwrap_or(venue_name)));
    if let Some(a) = &venue.address {
        let mut address = Map::new();
        address.insert("@type".into(), json!("PostalAddress"));
        for (key, value) in [
            ("streetAddress", &a.street),
            ("addressLocality", &a.locality),
            ("addressRegion", &a.region),
            ("postalCode", &a.postal_code),
            ("addressCountry", &a.country),
        ] {
            if let Some(v) = value {
                address.insert(key.into(), json!(v));
            }
        }
        p.insert("address".into(), Value::Object(address));
    }
    if let Some(g) = venue.geo {
        p.insert(
            "geo".into(),
            json!({"@type": "GeoCoordinates", "latitude": g.lat, "longitude": g.lon}),
        );
    }
    if let Some(map) = &venue.map {
        p.insert("hasMap".into(), json!(map));
    }
    if room.is_some() {
        p.insert(
            "containedInPlace".into(),
            json!({"@type": "Place", "name": venue_name}),
        );
    }
    Value::Object(p)
}

fn organization(site: &Site, cx: &LangCtx, id: &str) -> Value {
    let Some(o) = site.data.organization(id) else {
        return Value::Null;
    };
    let mut v = Map::new();
    v.insert("@type".into(), json!("Organization"));
    v.insert("name".into(), json!(cx.text(&o.name).text));
    if let Some(a) = &o.acronym {
        v.insert("alternateName".into(), json!(cx.text(a).text));
    }
    v.insert(
        "url".into(),
        json!(
            o.link
                .clone()
                .unwrap_or_else(|| cx.urls.absolute(&cx.urls.organization(id)))
        ),
    );
    Value::Object(v)
}

/// JSON that can stand inside a `<script>` element.
fn script_safe(v: &Value) -> String {
    // `to_string` (through `Display`) would write the JSON a few bytes at a time.
    let json = serde_json::to_string(v).expect("a JSON value serializes");
    if json.contains('<') {
        json.replace('<', "\\u003c")
    } else {
        json
    }
}
