//! A language's [`Schedule`] from the site's checked event data.
//!
//! Every session becomes one event, except a session of whole days: the format has no
//! all-day events and its durations stop at 99:59, so each of its days becomes an event
//! from 00:00 lasting 24:00 (the first keeps the session's GUID, the others add their
//! date to it; all share the session's URL, by which the importer joins them again).
//! A timed session sits on the day it starts in its own zone and keeps that zone's
//! offset in `date`, so a session written in Tokyo time reads `+09:00` in a programme
//! whose conference zone is Zurich. Sessions without a room share one room named by
//! the `exchange-no-room` message (see [`super::no_room_guid`]).

use std::collections::{BTreeMap, BTreeSet};

use super::{
    Conference, Day, DayRoom, Event, LINK_REGISTRATION, LINK_STREAM, Link, Person, RoomInfo,
    Schedule, TrackInfo,
};
use crate::content::PageDate;
use crate::data::{Localized, Session, When};
use crate::event::{Schedule as Order, Urls};
use crate::i18n::Localizer;
use crate::i18n::messages::{EXCHANGE_NO_ROOM, EXCHANGE_REGISTRATION, EXCHANGE_STREAM};
use crate::site::{LangId, Site};
use crate::zone::{Instant, Zone, next_day};

/// The texts of one language, with its fallback chain.
struct Lang<'a> {
    code: &'a str,
    fallback: &'a [String],
}

impl Lang<'_> {
    fn text(&self, l: &Localized) -> String {
        l.get(self.code, self.fallback)
            .map(|(_, t)| t.to_string())
            .unwrap_or_default()
    }
}

/// One event before it is placed in its day and room.
struct Piece {
    date: PageDate,
    start: Instant,
    end: Instant,
    room: usize,
    event: Event,
}

/// The schedule of the site in language `l` (index into `site.langs`).
pub fn build(site: &Site, localizer: &Localizer, order: &Order, l: LangId) -> Schedule {
    let config = &site.config;
    let code = site.langs[l].lang.as_str();
    let fallback = config
        .language(code)
        .map(|x| x.fallback.as_slice())
        .unwrap_or_default();
    let lang = Lang { code, fallback };
    let base = config.base_url.as_str();
    let acronym = super::acronym(config.host());
    let event_zone = config
        .time_zone
        .as_deref()
        .and_then(Zone::get)
        .or_else(|| Zone::get("UTC"));
    let urls = Urls::new(config, code);
    let message = |id: &str| localizer.text(code, id).unwrap_or_default();
    let no_room = message(EXCHANGE_NO_ROOM.id);
    let default = &config.default_language;
    let default_fallback = config
        .language(default)
        .map(|x| x.fallback.as_slice())
        .unwrap_or_default();
    let mut rooms: Vec<RoomInfo> = Vec::new();
    let mut ids = BTreeSet::new();
    let mut pieces = Vec::new();
    for &i in &order.order {
        let s = &site.data.sessions[i];
        let (room_name, room_guid) = match &s.room {
            Some(r) => {
                let key = r.get(default, default_fallback).map_or("", |(_, t)| t);
                (lang.text(r), super::room_guid(base, key))
            }
            None => (no_room.clone(), super::no_room_guid(base)),
        };
        let room = rooms
            .iter()
            .position(|r| r.guid.as_deref() == Some(&room_guid))
            .unwrap_or_else(|| {
                rooms.push(RoomInfo {
                    name: room_name.clone(),
                    guid: Some(room_guid),
                });
                rooms.len() - 1
            });
        let mut event = session_event(site, &lang, &urls, s, &message);
        event.room = room_name;
        for (n, (date, start, end, local)) in
            times(&s.when, event_zone.as_ref()).into_iter().enumerate()
        {
            let mut e = event.clone();
            if n > 0 {
                e.guid = super::guid(&format!(
                    "{}#{}",
                    urls.absolute(&urls.session(&s.id)),
                    date.iso()
                ));
            }
            e.id = numeric_id(&e.guid, &mut ids);
            e.slug = Some(slug(&acronym, &s.id, e.id, n, date));
            e.date = local.iso_with_offset();
            e.start = format!("{:02}:{:02}", local.hour, local.minute);
            e.duration = super::hours_minutes((end.unix_seconds() - start.unix_seconds()) / 60);
            pieces.push(Piece {
                date,
                start,
                end,
                room,
                event: e,
            });
        }
    }
    let days = days(pieces, &rooms, event_zone.as_ref());
    let tracks = site
        .data
        .tracks
        .iter()
        .map(|t| TrackInfo {
            name: lang.text(&t.name),
            slug: is_track_slug(&t.id).then(|| t.id.to_string()),
        })
        .collect();
    Schedule {
        version: super::VERSION.to_string(),
        base_url: Some(config.base_url.clone()),
        conference: Conference {
            acronym,
            title: config.title.get(code).cloned().unwrap_or_default(),
            start: days.first().map(|d| d.date.clone()).unwrap_or_default(),
            end: days.last().map(|d| d.date.clone()).unwrap_or_default(),
            time_zone_name: event_zone.map(|z| z.name().to_string()),
            url: Some(config.absolute(&config.lang_prefix(code))),
            tracks,
            rooms,
        },
        days,
    }
}

/// What an event says, before its times and room are set.
fn session_event(
    site: &Site,
    lang: &Lang,
    urls: &Urls,
    s: &Session,
    message: &dyn Fn(&str) -> String,
) -> Event {
    let data = &site.data;
    let base = site.config.base_url.as_str();
    let track = s
        .track
        .as_deref()
        .and_then(|t| data.tracks.iter().find(|x| x.id.as_str() == t));
    let format = s
        .format
        .as_deref()
        .and_then(|f| data.formats.iter().find(|x| x.id.as_str() == f));
    let persons = s
        .people
        .iter()
        .filter_map(|p| data.person(p))
        .map(|p| Person {
            name: lang.text(&p.name),
            guid: Some(super::person_guid(base, &p.id)),
            url: Some(urls.absolute(&urls.person(&p.id))),
            ..Person::default()
        })
        .collect();
    let mut links = Vec::new();
    if let Some(url) = &s.stream {
        links.push(Link {
            url: url.clone(),
            title: message(EXCHANGE_STREAM.id),
            kind: Some(LINK_STREAM.into()),
        });
    }
    if let Some(url) = &s.registration {
        links.push(Link {
            url: url.clone(),
            title: message(EXCHANGE_REGISTRATION.id),
            kind: Some(LINK_REGISTRATION.into()),
        });
    }
    Event {
        guid: super::session_guid(base, &s.id),
        url: Some(urls.absolute(&urls.session(&s.id))),
        title: lang.text(&s.title),
        track: track.map(|t| lang.text(&t.name)),
        kind: format.map_or_else(|| "other".to_string(), |f| lang.text(&f.name)),
        language: Some(lang.code.to_string()),
        abstract_text: s
            .description
            .as_ref()
            .map(|d| lang.text(d))
            .unwrap_or_default(),
        persons,
        links,
        ..Event::default()
    }
}

/// The events of a session's time: one for a timed session, one per day for whole days;
/// each with its day, start, end and the wall clock of its start.
fn times(
    when: &When,
    event_zone: Option<&Zone>,
) -> Vec<(PageDate, Instant, Instant, crate::zone::Local)> {
    match when {
        When::Timed { start, end, zone } => {
            vec![(when.first_day(), *start, *end, zone.local(*start))]
        }
        When::AllDay { first, last } => {
            let Some(zone) = event_zone else {
                return Vec::new();
            };
            let mut out = Vec::new();
            let mut date = *first;
            while date <= *last {
                let next = next_day(date);
                // Midnight is skipped by no zone's daylight-saving rules in the tz database
                // used for events; if it were, the day is left out rather than guessed.
                if let (Ok(a), Ok(b)) = (zone.instant(date, 0, 0), zone.instant(next, 0, 0)) {
                    out.push((date, a, b, zone.local(a)));
                }
                date = next;
            }
            out
        }
    }
}

/// A positive integer from the GUID's first 31 bits, unique in the file.
fn numeric_id(guid: &str, taken: &mut BTreeSet<u64>) -> u64 {
    let hex: String = guid.chars().filter(|c| *c != '-').take(8).collect();
    let mut id = (u64::from_str_radix(&hex, 16).unwrap_or(0) & 0x7fff_ffff).max(1);
    while !taken.insert(id) {
        id += 1;
    }
    id
}

/// `<acronym>-<session id>` when the id fits the format's slugs, else its number; the
/// later days of a session add their date.
fn slug(acronym: &str, id: &str, number: u64, piece: usize, date: PageDate) -> String {
    let base = if super::is_slug_part(id) {
        format!("{acronym}-{id}")
    } else {
        format!("{acronym}-session-{number}")
    };
    if piece == 0 {
        base
    } else {
        format!("{base}-{}", date.iso())
    }
}

/// Whether a track id is a slug for both validators (`[a-z][a-z0-9-]+`, ending with a
/// letter or digit).
fn is_track_slug(id: &str) -> bool {
    let b = id.as_bytes();
    b.len() >= 2
        && b[0].is_ascii_lowercase()
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
        && b[b.len() - 1] != b'-'
}

/// Places the events in their days and rooms; a day runs from its first start to its
/// last end, in the conference's zone.
fn days(pieces: Vec<Piece>, rooms: &[RoomInfo], zone: Option<&Zone>) -> Vec<Day> {
    let mut by_date: BTreeMap<PageDate, Vec<Piece>> = BTreeMap::new();
    for p in pieces {
        by_date.entry(p.date).or_default().push(p);
    }
    let stamp = |i: Instant| {
        zone.map(|z| z.local(i).iso_with_offset())
            .unwrap_or_else(|| i.rfc3339_utc())
    };
    by_date
        .into_iter()
        .enumerate()
        .map(|(n, (date, mut pieces))| {
            pieces.sort_by_key(|p| (p.start, p.end, p.event.id));
            let start = pieces.iter().map(|p| p.start).min();
            let end = pieces.iter().map(|p| p.end).max();
            let mut day_rooms: Vec<DayRoom> = Vec::new();
            for (r, info) in rooms.iter().enumerate() {
                let events: Vec<Event> = pieces
                    .iter()
                    .filter(|p| p.room == r)
                    .map(|p| p.event.clone())
                    .collect();
                if !events.is_empty() {
                    day_rooms.push(DayRoom {
                        name: info.name.clone(),
                        guid: info.guid.clone(),
                        events,
                    });
                }
            }
            Day {
                index: n as u32 + 1,
                date: date.iso(),
                start: start.map(stamp).unwrap_or_default(),
                end: end.map(stamp).unwrap_or_default(),
                rooms: day_rooms,
            }
        })
        .collect()
}
