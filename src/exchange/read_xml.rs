//! Reads a `schedule.xml` (frab, pretalx, pentabarf, ours) into a [`Schedule`].
//!
//! quick-xml streams the file; a small tree of the elements (name, attributes, text,
//! children, byte offset) is built from its events, so that every error, from the XML
//! itself or from a missing element, points at a place in the file. Elements the model
//! does not hold (`recording`, `attachments`, …) are read and left alone.

use quick_xml::Reader;
use quick_xml::events::Event as XmlEvent;

use super::{
    At, Conference, Day, DayRoom, Event, Link, Person, ReadError, RoomInfo, Schedule, TrackInfo,
};

/// One element.
#[derive(Debug, Default)]
struct Node {
    name: String,
    attrs: Vec<(String, String)>,
    text: String,
    children: Vec<Node>,
    offset: usize,
}

impl Node {
    fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn text_of(&self, name: &str) -> Option<String> {
        self.child(name).map(|c| c.text.trim().to_string())
    }

    fn require(&self, name: &str) -> Result<String, ReadError> {
        self.text_of(name).ok_or_else(|| ReadError {
            at: At::Offset(self.offset),
            message: format!("`<{}>` has no `<{name}>`", self.name),
        })
    }

    fn require_attr(&self, name: &str) -> Result<&str, ReadError> {
        self.attr(name).ok_or_else(|| ReadError {
            at: At::Offset(self.offset),
            message: format!("`<{}>` has no `{name}` attribute", self.name),
        })
    }
}

/// Parses `text` as a schedule XML.
pub fn read(text: &str) -> Result<Schedule, ReadError> {
    let root = tree(text)?;
    if root.name != "schedule" {
        return Err(ReadError {
            at: At::Offset(root.offset),
            message: format!("the root element is `<{}>`, not `<schedule>`", root.name),
        });
    }
    let conference = root.child("conference").ok_or_else(|| ReadError {
        at: At::Offset(root.offset),
        message: "`<schedule>` has no `<conference>`".into(),
    })?;
    let mut days = Vec::new();
    for d in root.all("day") {
        days.push(day(d)?);
    }
    Ok(Schedule {
        version: root.text_of("version").unwrap_or_default(),
        base_url: conference.text_of("base_url"),
        conference: Conference {
            acronym: conference.text_of("acronym").unwrap_or_default(),
            title: conference.text_of("title").unwrap_or_default(),
            start: conference.text_of("start").unwrap_or_default(),
            end: conference.text_of("end").unwrap_or_default(),
            time_zone_name: conference.text_of("time_zone_name"),
            url: conference.text_of("url"),
            tracks: conference
                .all("track")
                .map(|t| TrackInfo {
                    name: t
                        .attr("name")
                        .map_or_else(|| t.text.trim().to_string(), str::to_string),
                    slug: t.attr("slug").map(str::to_string),
                })
                .collect(),
            rooms: rooms_of(&root),
        },
        days,
    })
}

/// The rooms of every day, each once, in order of first appearance.
fn rooms_of(root: &Node) -> Vec<RoomInfo> {
    let mut rooms: Vec<RoomInfo> = Vec::new();
    for r in root.all("day").flat_map(|d| d.all("room")) {
        let name = r.attr("name").unwrap_or_default();
        if !rooms.iter().any(|x| x.name == name) {
            rooms.push(RoomInfo {
                name: name.to_string(),
                guid: r.attr("guid").map(str::to_string),
            });
        }
    }
    rooms
}

fn day(d: &Node) -> Result<Day, ReadError> {
    let mut rooms = Vec::new();
    for r in d.all("room") {
        let mut events = Vec::new();
        for e in r.all("event") {
            events.push(event(e)?);
        }
        rooms.push(DayRoom {
            name: r.require_attr("name")?.to_string(),
            guid: r.attr("guid").map(str::to_string),
            events,
        });
    }
    Ok(Day {
        index: d.attr("index").and_then(|i| i.parse().ok()).unwrap_or(0),
        date: d.require_attr("date")?.to_string(),
        start: d.attr("start").unwrap_or_default().to_string(),
        end: d.attr("end").unwrap_or_default().to_string(),
        rooms,
    })
}

fn event(e: &Node) -> Result<Event, ReadError> {
    let persons = e
        .child("persons")
        .map(|p| {
            p.all("person")
                .map(|p| Person {
                    name: p.text.trim().to_string(),
                    guid: p.attr("guid").map(str::to_string),
                    code: p.attr("code").map(str::to_string),
                    url: None,
                    biography: None,
                })
                .collect()
        })
        .unwrap_or_default();
    let links = e
        .child("links")
        .map(|l| {
            l.all("link")
                .filter_map(|l| {
                    Some(Link {
                        url: l.attr("href")?.to_string(),
                        title: l.text.trim().to_string(),
                        kind: l.attr("type").map(str::to_string),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(Event {
        guid: e.attr("guid").unwrap_or_default().to_string(),
        id: e.attr("id").and_then(|i| i.parse().ok()).unwrap_or(0),
        code: e.attr("code").map(str::to_string),
        date: e.require("date")?,
        start: e.text_of("start").unwrap_or_default(),
        duration: e.require("duration")?,
        room: e.text_of("room").unwrap_or_default(),
        slug: e.text_of("slug"),
        url: e.text_of("url"),
        title: e.require("title")?,
        subtitle: e.text_of("subtitle").unwrap_or_default(),
        track: e.text_of("track").filter(|t| !t.is_empty()),
        kind: e.text_of("type").unwrap_or_default(),
        language: e.text_of("language").filter(|t| !t.is_empty()),
        abstract_text: e.text_of("abstract").unwrap_or_default(),
        description: e.text_of("description").filter(|t| !t.is_empty()),
        persons,
        links,
        at: Some(At::Offset(e.offset)),
    })
}

/// The element tree of `text`.
fn tree(text: &str) -> Result<Node, ReadError> {
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Node> = Vec::new();
    let mut root: Option<Node> = None;
    loop {
        let offset = usize::try_from(reader.buffer_position()).unwrap_or(0);
        let event = reader.read_event().map_err(|e| ReadError {
            at: At::Offset(usize::try_from(reader.error_position()).unwrap_or(0)),
            message: format!("the XML is not well-formed: {e}"),
        })?;
        let bad = |what: &dyn std::fmt::Display| ReadError {
            at: At::Offset(offset),
            message: format!("the XML is not well-formed: {what}"),
        };
        match event {
            XmlEvent::Start(ref s) | XmlEvent::Empty(ref s) => {
                let empty = matches!(event, XmlEvent::Empty(_));
                let mut node = Node {
                    name: String::from_utf8_lossy(s.name().as_ref()).into_owned(),
                    offset,
                    ..Node::default()
                };
                for a in s.attributes() {
                    let a = a.map_err(|e| bad(&e))?;
                    let value = a.unescape_value().map_err(|e| bad(&e))?;
                    node.attrs.push((
                        String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                        value.into_owned(),
                    ));
                }
                if empty {
                    attach(&mut stack, &mut root, node);
                } else {
                    stack.push(node);
                }
            }
            XmlEvent::End(_) => {
                if let Some(node) = stack.pop() {
                    attach(&mut stack, &mut root, node);
                }
            }
            XmlEvent::Text(t) => {
                let s = t.xml_content().map_err(|e| bad(&e))?;
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&s);
                }
            }
            XmlEvent::CData(t) => {
                let s = t.decode().map_err(|e| bad(&e))?;
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&s);
                }
            }
            XmlEvent::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref().map_err(|e| bad(&e))? {
                    Some(c) => c.to_string(),
                    None => {
                        let name = r.decode().map_err(|e| bad(&e))?;
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .ok_or_else(|| bad(&format!("unknown entity `&{name};`")))?
                            .to_string()
                    }
                };
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&resolved);
                }
            }
            XmlEvent::Eof => break,
            _ => {}
        }
    }
    if let Some(open) = stack.pop() {
        return Err(ReadError {
            at: At::Offset(open.offset),
            message: format!("`<{}>` is never closed", open.name),
        });
    }
    root.ok_or_else(|| ReadError {
        at: At::Offset(0),
        message: "the file holds no XML element".into(),
    })
}

fn attach(stack: &mut [Node], root: &mut Option<Node>, node: Node) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(node),
        None => {
            if root.is_none() {
                *root = Some(node);
            }
        }
    }
}
