//! Sessions from a Sessionize JSON export (the "All data" endpoint: `sessions`,
//! `speakers`, `categories`, `rooms`).
//!
//! Sessionize writes local times without an offset (`2024-06-10T09:00:00`): they are
//! read as wall-clock times of the site's zone. Its category named "Track" gives the
//! track and one named "Format" or "Session format" the session type; `liveUrl` is the
//! stream. Ids become `sessionize-<id>`; speakers are named by their full name.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use super::Context;
use super::incoming::{InSession, InTime, Incoming, Named, one};
use crate::content::PageDate;
use crate::error::Diagnostic;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Export {
    sessions: Vec<Session>,
    #[serde(default)]
    speakers: Vec<Speaker>,
    #[serde(default)]
    categories: Vec<Category>,
    #[serde(default)]
    rooms: Vec<Room>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Session {
    id: serde_json::Value,
    title: String,
    #[serde(default)]
    description: Option<String>,
    starts_at: Option<String>,
    ends_at: Option<String>,
    #[serde(default)]
    speakers: Vec<String>,
    #[serde(default)]
    category_items: Vec<u64>,
    #[serde(default)]
    room_id: Option<u64>,
    #[serde(default)]
    live_url: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Speaker {
    id: String,
    #[serde(default)]
    full_name: String,
}

#[derive(Deserialize)]
struct Category {
    title: String,
    #[serde(default)]
    items: Vec<Item>,
}

#[derive(Deserialize)]
struct Item {
    id: u64,
    name: String,
}

#[derive(Deserialize)]
struct Room {
    id: u64,
    name: String,
}

/// Whether `text` looks like a Sessionize export rather than a schedule JSON.
pub fn is_sessionize(text: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| {
            v.as_object()
                .map(|o| o.contains_key("sessions") && !o.contains_key("schedule"))
        })
        .unwrap_or(false)
}

/// Reads the export in `text`.
pub fn read(file: &Path, text: &str, cx: &Context) -> Result<Incoming, Vec<Diagnostic>> {
    let export: Export = serde_json::from_str(text).map_err(|e| {
        vec![Diagnostic::error(file, format!("not a Sessionize export: {}", strip(&e)))
            .at(text, e.line(), e.column())
            .hint("expected the JSON of Sessionize's “All data” endpoint: {\"sessions\": […], \"speakers\": […], \"categories\": […], \"rooms\": […]}")]
    })?;
    let lang = cx.text_lang(None);
    let speakers: BTreeMap<&str, &str> = export
        .speakers
        .iter()
        .map(|s| (s.id.as_str(), s.full_name.as_str()))
        .collect();
    let rooms: BTreeMap<u64, &str> = export
        .rooms
        .iter()
        .map(|r| (r.id, r.name.as_str()))
        .collect();
    let category = |names: &[&str], s: &Session| {
        export
            .categories
            .iter()
            .filter(|c| names.iter().any(|n| c.title.eq_ignore_ascii_case(n)))
            .flat_map(|c| &c.items)
            .find(|i| s.category_items.contains(&i.id))
            .map(|i| i.name.clone())
    };
    let mut errors = Vec::new();
    let mut sessions = Vec::new();
    for (n, s) in export.sessions.iter().enumerate() {
        let id = match &s.id {
            serde_json::Value::String(t) => t.clone(),
            other => other.to_string(),
        };
        let place = format!("session {} (id {id}, “{}”)", n + 1, s.title);
        let time = match (local(s.starts_at.as_deref()), local(s.ends_at.as_deref())) {
            (Some((d, h, m)), Some(end)) => InTime::Local {
                date: d,
                start: (h, m),
                end,
                zone: None,
            },
            _ => {
                errors.push(Diagnostic::error(file, format!("{place}: `startsAt` and `endsAt` must be local date-times (2024-06-10T09:00:00)")).hint("unscheduled sessions cannot be imported: schedule them in Sessionize first"));
                continue;
            }
        };
        sessions.push(InSession {
            place,
            id: Some(format!("sessionize-{id}")),
            title: one(&lang, &s.title),
            description: one(&lang, s.description.as_deref().unwrap_or("")),
            track: category(&["Track", "Tracks"], s).map(|t| Named {
                id: None,
                name: one(&lang, &t),
                guid: None,
            }),
            kind: category(&["Format", "Session format"], s),
            time,
            room: s.room_id.and_then(|r| rooms.get(&r)).map(|r| one(&lang, r)),
            people: s
                .speakers
                .iter()
                .filter_map(|id| speakers.get(id.as_str()))
                .map(|name| Named {
                    id: None,
                    name: one(&lang, name),
                    guid: None,
                })
                .collect(),
            stream: s.live_url.clone().filter(|u| !u.is_empty()),
            registration: None,
        });
    }
    if errors.is_empty() {
        Ok(Incoming { sessions })
    } else {
        Err(errors)
    }
}

/// `2024-06-10T09:00:00` as date, hour and minute.
fn local(text: Option<&str>) -> Option<(PageDate, u8, u8)> {
    let text = text?;
    let (date, time) = text.split_once('T')?;
    let date = PageDate::parse(date).filter(|_| date.len() == 10)?;
    let (h, m) = super::incoming::clock(time)?;
    Some((date, h, m))
}

fn strip(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let cut = text.rfind(" at line ").unwrap_or(text.len());
    text[..cut].to_string()
}
