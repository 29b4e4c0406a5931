//! Sessions from a frab/pretalx schedule (XML or JSON, read by [`crate::exchange`]).
//!
//! A session's id comes from its URL's last segment (ours end in `/sessions/<id>/`,
//! pretalx's in `/talk/<CODE>/`), else its pretalx code, else its numeric id. Events
//! that share an id and each fill whole days from midnight are one session of whole
//! days again (our export writes such sessions so); other repeats of an id become
//! sessions of their own (`<id>-2`). A room with the site's no-room GUID stands for no
//! room.

use std::path::Path;

use super::Context;
use super::incoming::{InSession, InTime, Incoming, Named, minutes, one};
use crate::error::Diagnostic;
use crate::exchange::{At, Event, LINK_REGISTRATION, LINK_STREAM, Schedule, no_room_guid};
use crate::zone::Instant;

/// The sessions of `schedule`, read from `text` of `file`.
pub fn incoming(
    schedule: &Schedule,
    file: &Path,
    text: &str,
    cx: &Context,
) -> Result<Incoming, Vec<Diagnostic>> {
    let no_room = no_room_guid(cx.base_url);
    let mut errors = Vec::new();
    let mut sessions: Vec<InSession> = Vec::new();
    for day in &schedule.days {
        for room in &day.rooms {
            for e in &room.events {
                match session(
                    schedule,
                    e,
                    room.guid.as_deref() == Some(&no_room),
                    &room.name,
                    cx,
                ) {
                    Ok(s) => join(&mut sessions, s),
                    Err(message) => errors.push(place(file, text, e).0.message(message)),
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(Incoming { sessions })
    } else {
        Err(errors)
    }
}

/// A diagnostic builder at an event's place, and the place in words.
struct Placed(Diagnostic);

impl Placed {
    fn message(self, message: String) -> Diagnostic {
        Diagnostic { message, ..self.0 }
    }
}

fn place(file: &Path, text: &str, e: &Event) -> (Placed, String) {
    let d = Diagnostic::error(file, "");
    match e.at {
        Some(At::Offset(o)) => {
            let d = d.at_offset(text, o);
            let line = d.line;
            (Placed(d), format!("the event at line {line}"))
        }
        Some(At::LineColumn(l, c)) => (Placed(d.at(text, l, c)), format!("the event at line {l}")),
        None => (Placed(d), format!("the event “{}” of {}", e.title, e.date)),
    }
}

fn session(
    schedule: &Schedule,
    e: &Event,
    no_room: bool,
    room_name: &str,
    cx: &Context,
) -> Result<InSession, String> {
    let what = format!("the event “{}”", e.title);
    let (start, offset) = Instant::parse_with_offset(&e.date).ok_or_else(|| {
        format!("{what}: `date` is `{}`, expected a date and time with its offset (2024-06-10T09:00:00+02:00)", e.date)
    })?;
    let length = minutes(&e.duration).ok_or_else(|| {
        format!(
            "{what}: `duration` is `{}`, expected hours and minutes (01:30)",
            e.duration
        )
    })?;
    let end = start
        .plus_minutes(length)
        .ok_or_else(|| format!("{what}: the duration is too long"))?;
    let lang = cx.text_lang(e.language.as_deref());
    let room = if no_room {
        None
    } else {
        let name = if e.room.is_empty() {
            room_name
        } else {
            &e.room
        };
        Some(one(&lang, name)).filter(|t| !t.is_empty())
    };
    let track = e.track.as_deref().map(|name| Named {
        id: schedule
            .conference
            .tracks
            .iter()
            .find(|t| t.name == name)
            .and_then(|t| t.slug.clone()),
        name: one(&lang, name),
        guid: None,
    });
    let people = e
        .persons
        .iter()
        .map(|p| Named {
            id: p
                .url
                .as_deref()
                .and_then(last_segment)
                .or_else(|| p.code.as_deref().map(str::to_lowercase)),
            name: one(&lang, &p.name),
            guid: p.guid.clone(),
        })
        .collect();
    let link = |kind: &str| {
        e.links
            .iter()
            .find(|l| l.kind.as_deref() == Some(kind))
            .map(|l| l.url.clone())
    };
    let mut description = e.abstract_text.trim().to_string();
    if let Some(d) = e
        .description
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        if !description.is_empty() {
            description.push_str("\n\n");
        }
        description.push_str(d);
    }
    let id = e
        .url
        .as_deref()
        .and_then(last_segment)
        .or_else(|| e.code.as_deref().map(str::to_lowercase))
        .or_else(|| (e.id > 0).then(|| format!("session-{}", e.id)));
    Ok(InSession {
        place: format!("the event “{}” of {}", e.title, e.date),
        id,
        title: one(&lang, &e.title),
        description: one(&lang, &description),
        track,
        kind: Some(e.kind.trim().to_string()).filter(|k| !k.is_empty()),
        time: InTime::Timed { start, end, offset },
        room,
        people,
        stream: link(LINK_STREAM),
        registration: link(LINK_REGISTRATION),
    })
}

/// The last non-empty segment of a URL's path, percent-decoded.
fn last_segment(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next()?;
    let segment = path.trim_end_matches('/').rsplit('/').next()?;
    let decoded = String::from_utf8(crate::url::percent_decode(segment).ok()?).ok()?;
    (!decoded.is_empty() && !decoded.contains(':')).then_some(decoded)
}

/// Adds `s`, joining it to an earlier event of the same id when both are whole days
/// that follow each other.
fn join(sessions: &mut Vec<InSession>, mut s: InSession) {
    let Some(id) = s.id.clone() else {
        sessions.push(s);
        return;
    };
    let same: Vec<usize> = (0..sessions.len())
        .filter(|&i| {
            sessions[i].id.as_deref() == Some(id.as_str())
                || sessions[i]
                    .id
                    .as_deref()
                    .is_some_and(|x| x.starts_with(&format!("{id}-")))
        })
        .collect();
    if let Some(&i) = same.first() {
        if let (Some(a), Some(b)) = (whole_days(&sessions[i].time), whole_days(&s.time))
            && crate::zone::next_day(a.1) == b.0
        {
            sessions[i].time = InTime::AllDay {
                first: a.0,
                last: b.1,
            };
            return;
        }
        s.id = Some(format!("{id}-{}", same.len() + 1));
    }
    if let Some(t) = whole_days(&s.time) {
        s.time = InTime::AllDay {
            first: t.0,
            last: t.1,
        };
    }
    sessions.push(s);
}

/// The days a time fills, when it runs from midnight to midnight in its own offset.
fn whole_days(time: &InTime) -> Option<(crate::content::PageDate, crate::content::PageDate)> {
    match *time {
        InTime::AllDay { first, last } => Some((first, last)),
        InTime::Timed { start, end, offset } => {
            let seconds = end.unix_seconds() - start.unix_seconds();
            let local = start.at_offset(offset);
            if seconds <= 0 || seconds % 86_400 != 0 || (local.hour, local.minute) != (0, 0) {
                return None;
            }
            let mut last = local.date;
            for _ in 1..seconds / 86_400 {
                last = crate::zone::next_day(last);
            }
            Some((local.date, last))
        }
        InTime::Local { .. } => None,
    }
}
