//! Merging what was read into the site's data, by id.
//!
//! A record the import names is updated in the fields the source carries; every other
//! field, and every translation the source does not carry, stays as it was. Texts are
//! merged per language: the import's language replaces its own text and adds it where
//! missing, except that a text equal to another language's text of the same field is
//! taken for the fallback copy the export wrote, not a translation (so importing the
//! Arabic file, where an untranslated title appears in English, adds no Arabic title).
//! Records the import does not name are left alone.

use super::Context;
use super::incoming::{InSession, InTime, Incoming, Named};
use super::records::{FormatRow, PersonRow, Row, SessionRow, Texts, TrackRow};
use crate::slug::{check_segment, slugify};
use crate::zone::{Instant, Zone};

/// The site's data files, as rows.
#[derive(Debug, Clone, Default)]
pub struct Data {
    /// `sessions.yaml`.
    pub sessions: Vec<SessionRow>,
    /// `people.yaml`.
    pub people: Vec<PersonRow>,
    /// `tracks.yaml`.
    pub tracks: Vec<TrackRow>,
    /// `formats.yaml` (read only).
    pub formats: Vec<FormatRow>,
}

/// Merges `incoming` into `data`; returns notes on what could not be placed.
pub fn merge(data: &mut Data, incoming: &Incoming, cx: &Context) -> Result<Vec<String>, String> {
    let mut notes = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for s in &incoming.sessions {
        let id = session_id(data, s, &seen);
        seen.push(id.clone());
        // The people the session has now, when as many as the import names: the import
        // lists them in the same order (our export does), which finds a person whose
        // name is new in this language.
        let before: Vec<String> = data
            .sessions
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.people.clone())
            .filter(|p| p.len() == s.people.len())
            .unwrap_or_default();
        let people: Vec<String> = s
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| person(data, p, before.get(i).map(String::as_str), cx))
            .collect();
        let track = s.track.as_ref().map(|t| track(data, t, cx));
        let format = s.kind.as_deref().and_then(|k| {
            let found = data.formats.iter().find(|f| f.name.values().any(|n| n == k));
            if found.is_none() && k != "other" && !notes.iter().any(|n: &String| n.contains(&format!("“{k}”"))) {
                notes.push(format!("the session type “{k}” is no format of formats.yaml: sessions of that type get no format"));
            }
            found.map(|f| (f.id.clone(), f.track.clone()))
        });
        let index = data.sessions.iter().position(|r| r.id == id);
        let mut row = index
            .map(|i| data.sessions[i].clone())
            .unwrap_or_else(|| SessionRow {
                id: id.clone(),
                ..SessionRow::default()
            });
        row.title = texts(&row.title, &s.title, cx);
        if !s.description.is_empty() {
            row.description = Some(texts(
                &row.description.clone().unwrap_or_default(),
                &s.description,
                cx,
            ));
        }
        match (&format, &track) {
            // The model puts a session with a format in the format's track.
            (Some((f, ft)), Some(t)) if ft != t => notes.push(format!(
                "{}: the type “{}” is the format `{f}` of track `{ft}`, but the session is in track `{t}`: it gets no format",
                s.place,
                s.kind.as_deref().unwrap_or_default()
            )),
            (Some((f, _)), _) => row.format = Some(f.clone()),
            _ => {}
        }

        let format_track = row
            .format
            .as_deref()
            .and_then(|f| data.formats.iter().find(|x| x.id == f))
            .map(|f| f.track.clone());
        // A track that is the format's is implied, as the YAML writes it.
        row.track = match track {
            Some(t) if format_track.as_deref() == Some(t.as_str()) && row.track.is_none() => None,
            other => other,
        };
        let (start, end, zone) = times(&s.time, row.time_zone.as_deref(), cx)
            .map_err(|e| format!("{}: {e}", s.place))?;
        (row.start, row.end, row.time_zone) = (start, end, zone);
        row.room = s
            .room
            .as_ref()
            .map(|r| texts(&row.room.clone().unwrap_or_default(), r, cx));
        row.people = people;
        row.stream = s.stream.clone();
        row.registration = s.registration.clone();
        upsert(&mut data.sessions, index, row);
    }
    Ok(notes)
}

fn upsert<T: Row>(rows: &mut Vec<T>, index: Option<usize>, row: T) {
    match index {
        Some(i) => rows[i] = row,
        None => rows.push(row),
    }
}

/// `existing` with the import's texts merged in (see the module's header).
pub fn texts(existing: &Texts, incoming: &Texts, cx: &Context) -> Texts {
    let mut out = existing.clone();
    for (lang, text) in incoming {
        let copy = lang != cx.default
            && !existing.contains_key(lang)
            && existing.values().any(|v| v == text);
        if !copy {
            out.insert(lang.clone(), text.clone());
        }
    }
    out
}

/// The id of a session: its own where valid and not taken by another session of this
/// import, else an existing session with the same title, else one from its title.
fn session_id(data: &Data, s: &InSession, seen: &[String]) -> String {
    if let Some(id) =
        s.id.as_deref()
            .filter(|i| check_segment(i).is_ok() && !seen.iter().any(|x| x == i))
    {
        return id.to_string();
    }
    if let Some(r) = data
        .sessions
        .iter()
        .find(|r| !seen.contains(&r.id) && shares_text(&r.title, &s.title))
    {
        return r.id.clone();
    }
    unique(&base_id(&s.title, "session"), |c| {
        seen.iter().any(|x| x == c) || data.sessions.iter().any(|r| r.id == c)
    })
}

/// The id of a person, adding or updating their row: by the id the source gives, by
/// the GUID our export gives each person, by name, or by place in the session's list
/// (`before`).
fn person(data: &mut Data, p: &Named, before: Option<&str>, cx: &Context) -> String {
    let find = |id: &str| data.people.iter().position(|r| r.id == id);
    let index =
        p.id.as_deref()
            .filter(|i| check_segment(i).is_ok())
            .and_then(find)
            .or_else(|| {
                let guid = p.guid.as_deref()?;
                data.people
                    .iter()
                    .position(|r| crate::exchange::person_guid(cx.base_url, &r.id) == guid)
            })
            .or_else(|| {
                data.people
                    .iter()
                    .position(|r| shares_text(&r.name, &p.name))
            })
            .or_else(|| before.and_then(find));
    let id = match (index, p.id.as_deref().filter(|i| check_segment(i).is_ok())) {
        (Some(i), _) => data.people[i].id.clone(),
        (None, Some(id)) => id.to_string(),
        (None, None) => unique(&base_id(&p.name, "person"), |c| {
            data.people.iter().any(|r| r.id == c)
        }),
    };
    let mut row = index
        .map(|i| data.people[i].clone())
        .unwrap_or_else(|| PersonRow {
            id: id.clone(),
            ..PersonRow::default()
        });
    row.name = texts(&row.name, &p.name, cx);
    upsert(&mut data.people, index, row);
    id
}

/// The id of a track, adding or updating its row.
fn track(data: &mut Data, t: &Named, cx: &Context) -> String {
    let valid = t.id.as_deref().filter(|i| check_segment(i).is_ok());
    let index = valid
        .and_then(|id| data.tracks.iter().position(|r| r.id == id))
        .or_else(|| {
            data.tracks
                .iter()
                .position(|r| shares_text(&r.name, &t.name))
        });
    let id = match (index, valid) {
        (Some(i), _) => data.tracks[i].id.clone(),
        (None, Some(id)) => id.to_string(),
        (None, None) => unique(&base_id(&t.name, "track"), |c| {
            data.tracks.iter().any(|r| r.id == c)
        }),
    };
    let mut row = index
        .map(|i| data.tracks[i].clone())
        .unwrap_or_else(|| TrackRow {
            id: id.clone(),
            ..TrackRow::default()
        });
    // A track named by its id (a spreadsheet's `track: main`) keeps its names.
    let by_id = index.is_some() && t.name.values().all(|n| *n == id);
    if !by_id {
        row.name = texts(&row.name, &t.name, cx);
    }
    upsert(&mut data.tracks, index, row);
    id
}

fn shares_text(a: &Texts, b: &Texts) -> bool {
    b.values().any(|t| a.values().any(|x| x == t))
}

fn base_id(texts: &Texts, fallback: &str) -> String {
    let slug = texts
        .values()
        .next()
        .map(|t| slugify(t))
        .unwrap_or_default();
    if check_segment(&slug).is_ok() {
        slug
    } else {
        fallback.to_string()
    }
}

fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut candidate = base.to_string();
    let mut n = 2;
    while taken(&candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    candidate
}

/// `start`, `end` and `time_zone` as `sessions.yaml` writes them.
///
/// An offset is written in the zone that has it at that moment: the session's present
/// zone, else the event's, else the fixed zone of the tz database for a whole-hour
/// offset (`Etc/GMT-4` is UTC+4), else the event's zone with the times converted.
fn times(
    time: &InTime,
    zone: Option<&str>,
    cx: &Context,
) -> Result<(String, String, Option<String>), String> {
    let site = &cx.site_zone;
    let wall = |l: &crate::zone::Local| format!("{}T{:02}:{:02}", l.date.iso(), l.hour, l.minute);
    let name_of = |z: &Zone| (z.name() != site.name()).then(|| z.name().to_string());
    match time {
        InTime::AllDay { first, last } => Ok((first.iso(), last.iso(), zone.map(str::to_string))),
        InTime::Local {
            date,
            start,
            end,
            zone: z,
        } => {
            let z = z.clone().unwrap_or_else(|| site.clone());
            let (d, h, m) = end;
            Ok((
                format!("{}T{:02}:{:02}", date.iso(), start.0, start.1),
                format!("{}T{:02}:{:02}", d.iso(), h, m),
                name_of(&z),
            ))
        }
        InTime::Timed { start, end, offset } => {
            let chosen = zone
                .and_then(Zone::get)
                .into_iter()
                .chain([site.clone()])
                .chain(fixed_zone(*offset))
                .find(|z| z.local(*start).offset_seconds == *offset)
                .unwrap_or_else(|| site.clone());
            let check = |i: Instant| chosen.local(i);
            Ok((wall(&check(*start)), wall(&check(*end)), name_of(&chosen)))
        }
    }
}

/// The tz database's fixed zone for a whole-hour offset (POSIX signs: `Etc/GMT-4` is
/// four hours east of UTC).
fn fixed_zone(offset: i32) -> Option<Zone> {
    if offset % 3600 != 0 {
        return None;
    }
    let hours = offset / 3600;
    let name = match hours {
        0 => "UTC".to_string(),
        h if h > 0 => format!("Etc/GMT-{h}"),
        h => format!("Etc/GMT+{}", -h),
    };
    Zone::get(&name)
}
