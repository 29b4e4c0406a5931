//! `schedule.xml`: the frab/pentabarf XML, in the element order of the published XSD.
//!
//! quick-xml's writer does the escaping and the indentation, so no text of the site can
//! break the markup. Optional elements the XSD types narrowly (`slug`, `url`) are left
//! out when a value would not match their pattern rather than written invalid.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event as XmlEvent};

use super::{Day, Event, Schedule};

type W = Writer<Vec<u8>>;

/// The schedule as `schedule.xml` (UTF-8, indented with two spaces).
pub fn write(schedule: &Schedule) -> Vec<u8> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    // Writing into a Vec cannot fail.
    let _ = w.write_event(XmlEvent::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    open(&mut w, "schedule", &[]);
    empty(
        &mut w,
        "generator",
        &[("name", "hexaglot"), ("version", env!("CARGO_PKG_VERSION"))],
    );
    text(&mut w, "version", &schedule.version);
    conference(&mut w, schedule);
    for day in &schedule.days {
        write_day(&mut w, day);
    }
    close(&mut w, "schedule");
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    bytes
}

fn conference(w: &mut W, schedule: &Schedule) {
    let c = &schedule.conference;
    open(w, "conference", &[]);
    text(w, "acronym", &c.acronym);
    text(w, "title", &c.title);
    text(w, "start", &c.start);
    text(w, "end", &c.end);
    text(w, "days", &schedule.days.len().to_string());
    text(w, "timeslot_duration", "00:05");
    if let Some(base) = schedule.base_url.as_deref().filter(|u| is_http(u)) {
        text(w, "base_url", base);
    }
    if let Some(url) = c.url.as_deref().filter(|u| is_http(u)) {
        text(w, "url", &crate::xml::iri_to_uri(url));
    }
    if let Some(zone) = &c.time_zone_name {
        text(w, "time_zone_name", zone);
    }
    for t in &c.tracks {
        let mut attrs = vec![("name", t.name.as_str())];
        if let Some(slug) = &t.slug {
            attrs.push(("slug", slug));
        }
        empty(w, "track", &attrs);
    }
    close(w, "conference");
}

fn write_day(w: &mut W, day: &Day) {
    let index = day.index.to_string();
    open(
        w,
        "day",
        &[
            ("index", &index),
            ("date", &day.date),
            ("start", &day.start),
            ("end", &day.end),
        ],
    );
    for room in &day.rooms {
        let mut attrs = vec![("name", room.name.as_str())];
        if let Some(guid) = &room.guid {
            attrs.push(("guid", guid));
        }
        open(w, "room", &attrs);
        for e in &room.events {
            event(w, e);
        }
        close(w, "room");
    }
    close(w, "day");
}

fn event(w: &mut W, e: &Event) {
    let id = e.id.to_string();
    let mut attrs = vec![("guid", e.guid.as_str()), ("id", &id)];
    if let Some(code) = &e.code {
        attrs.push(("code", code));
    }
    open(w, "event", &attrs);
    text(w, "date", &e.date);
    text(w, "start", &e.start);
    text(w, "duration", &e.duration);
    text(w, "room", &e.room);
    if let Some(slug) = e.slug.as_deref().filter(|s| is_voc_slug(s)) {
        text(w, "slug", slug);
    }
    if let Some(url) = e.url.as_deref().filter(|u| is_http(u)) {
        text(w, "url", &crate::xml::iri_to_uri(url));
    }
    text(w, "title", &e.title);
    text(w, "subtitle", &e.subtitle);
    text(w, "track", e.track.as_deref().unwrap_or_default());
    text(w, "type", &e.kind);
    if let Some(language) = &e.language {
        text(w, "language", language);
    }
    text(w, "abstract", &e.abstract_text);
    if let Some(description) = &e.description {
        text(w, "description", description);
    }
    list(w, "persons", e.persons.is_empty());
    for p in &e.persons {
        let mut attrs = Vec::new();
        if let Some(guid) = &p.guid {
            attrs.push(("guid", guid.as_str()));
        }
        text_with(w, "person", &attrs, &p.name);
    }
    if !e.persons.is_empty() {
        close(w, "persons");
    }
    list(w, "links", e.links.is_empty());
    for l in &e.links {
        let href = crate::xml::iri_to_uri(&l.url);
        let mut attrs = vec![("href", href.as_str())];
        if let Some(kind) = &l.kind {
            attrs.push(("type", kind));
        }
        text_with(w, "link", &attrs, &l.title);
    }
    if !e.links.is_empty() {
        close(w, "links");
    }
    close(w, "event");
}

/// The XSD's `httpURI`.
fn is_http(url: &str) -> bool {
    url.starts_with("http://") || url.starts_with("https://")
}

/// The XSD's `voc-slug-new`: `[a-z0-9_]{4,}-[a-z0-9\-_]{4,}`.
fn is_voc_slug(slug: &str) -> bool {
    let Some((head, tail)) = slug.split_once('-') else {
        return false;
    };
    let ok = |s: &str, hyphen: bool| {
        s.len() >= 4
            && s.bytes().all(|b| {
                b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || (hyphen && b == b'-')
            })
    };
    ok(head, false) && ok(tail, true)
}

fn start<'a>(name: &'a str, attrs: &[(&str, &str)]) -> BytesStart<'a> {
    let mut s = BytesStart::new(name);
    for (k, v) in attrs {
        s.push_attribute((*k, *v));
    }
    s
}

fn open(w: &mut W, name: &str, attrs: &[(&str, &str)]) {
    let _ = w.write_event(XmlEvent::Start(start(name, attrs)));
}

/// Opens a list element, or writes it empty (`<persons/>`) when it has no items.
fn list(w: &mut W, name: &str, is_empty: bool) {
    if is_empty {
        empty(w, name, &[]);
    } else {
        open(w, name, &[]);
    }
}

fn close(w: &mut W, name: &str) {
    let _ = w.write_event(XmlEvent::End(BytesEnd::new(name)));
}

fn empty(w: &mut W, name: &str, attrs: &[(&str, &str)]) {
    let _ = w.write_event(XmlEvent::Empty(start(name, attrs)));
}

fn text(w: &mut W, name: &str, value: &str) {
    text_with(w, name, &[], value);
}

fn text_with(w: &mut W, name: &str, attrs: &[(&str, &str)], value: &str) {
    if value.is_empty() {
        empty(w, name, attrs);
        return;
    }
    open(w, name, attrs);
    let _ = w.write_event(XmlEvent::Text(BytesText::new(value)));
    close(w, name);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn voc_slugs_follow_the_xsd_pattern() {
        assert!(is_voc_slug("event_example_org-opening"));
        assert!(!is_voc_slug("event_example_org-ai"));
        assert!(!is_voc_slug("event.example-opening"));
    }
}
