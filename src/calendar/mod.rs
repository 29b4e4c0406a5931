//! Calendars (RFC 5545): one `.ics` per session and one for the whole programme, in
//! every language.
//!
//! A session keeps the same UID in every language and every build (`session-<id>@<host>`),
//! so importing the French and the English calendar gives one event, and re-importing
//! after a change updates it. Its SEQUENCE never goes down and changes only when what
//! the event says, in any language, changes (see [`sequence`]): each event is written
//! first without it, in every language, and the hash of those texts decides; the
//! numbers published are kept in the output folder's marker for the next build. DTSTAMP is
//! the event's own start rather than the time of the build, so that builds stay
//! byte-identical. Times are written in UTC; whole days as dates, with the exclusive
//! DTEND that RFC 5545 requires.

pub mod ics;
pub mod sequence;

use std::collections::BTreeMap;
use std::time::SystemTime;

use rayon::prelude::*;

use sha2::{Digest, Sha256};

use crate::data::{KeyDate, Localized, Session, When};
use crate::event::{Schedule, Urls};
use crate::site::{LangId, PerLang, Site};
use crate::sources::marker::Published;
use crate::zone::next_day;
use ics::Writer;

/// The calendars of one build: every event written in every language, and the
/// SEQUENCE each is published with.
pub struct Calendars {
    /// The UIDs: the key dates shown in calendars, then the sessions, in file order.
    uids: Vec<String>,
    /// How many of them are key dates.
    key_dates: usize,
    /// Per language of the site, per event: the lines after SEQUENCE, `END:VEVENT`
    /// included.
    bodies: PerLang<Vec<String>>,
    /// Per event: its SEQUENCE.
    numbers: Vec<u32>,
    /// What to keep for the next build (see [`sequence`]).
    pub published: BTreeMap<String, Published>,
}

impl Calendars {
    /// Writes every event in every language and numbers them from what the previous
    /// build `published`; `data_changed` is when the event data last changed (the
    /// floor of new numbers).
    pub fn new(
        site: &Site,
        published: &BTreeMap<String, Published>,
        data_changed: Option<SystemTime>,
    ) -> Calendars {
        let data = &site.data;
        let key_dates: Vec<&KeyDate> = data.key_dates.iter().filter(|k| k.calendar).collect();
        let host = site.config.host();
        let uids: Vec<String> = key_dates
            .iter()
            .map(|k| format!("key-date-{}@{host}", k.id))
            .chain(
                data.sessions
                    .iter()
                    .map(|s| format!("session-{}@{host}", s.id)),
            )
            .collect();
        // Languages on all cores.
        let bodies: PerLang<Vec<String>> = site
            .config
            .languages
            .par_iter()
            .map(|language| {
                let lang = Lang {
                    code: &language.code,
                    fallback: &language.fallback,
                };
                let urls = Urls::new(&site.config, lang.code);
                key_dates
                    .iter()
                    .map(|k| key_date_body(lang, k))
                    .chain(
                        data.sessions
                            .iter()
                            .map(|s| session_body(site, lang, &urls, s)),
                    )
                    .collect()
            })
            .collect();
        let versions = versions(&uids, bodies.as_slice());
        let floor = sequence::floor_of(data_changed);
        let (numbers, published) = sequence::assign(published, &versions, floor);
        Calendars {
            uids,
            key_dates: key_dates.len(),
            bodies,
            numbers,
            published,
        }
    }

    /// The calendar of session `session` in language `l` (indexes).
    pub fn session_file(&self, site: &Site, l: LangId, session: usize) -> Vec<u8> {
        let mut w = calendar_start(site, self.lang(site, l));
        self.event(&mut w, l, self.key_dates + session);
        w.end("VCALENDAR");
        w.finish().into_bytes()
    }

    /// The calendar of the whole programme in language `l`: the key dates marked
    /// `calendar: true`, then every session in time order.
    pub fn programme_file(&self, site: &Site, schedule: &Schedule, l: LangId) -> Vec<u8> {
        let mut w = calendar_start(site, self.lang(site, l));
        for i in 0..self.key_dates {
            self.event(&mut w, l, i);
        }
        for &j in &schedule.order {
            self.event(&mut w, l, self.key_dates + j);
        }
        w.end("VCALENDAR");
        w.finish().into_bytes()
    }

    fn lang<'a>(&self, site: &'a Site, l: LangId) -> Lang<'a> {
        let language = &site.config.languages[l];
        Lang {
            code: &language.code,
            fallback: &language.fallback,
        }
    }

    fn event(&self, w: &mut Writer, l: LangId, i: usize) {
        w.begin("VEVENT");
        w.raw("UID", &[], &self.uids[i]);
        w.raw("SEQUENCE", &[], &self.numbers[i].to_string());
        w.append(&self.bodies[l][i]);
    }
}

/// Each UID with a hash of everything it says in every language.
fn versions(uids: &[String], bodies: &[Vec<String>]) -> Vec<(String, u64)> {
    uids.iter()
        .enumerate()
        .map(|(i, uid)| {
            let mut h = Sha256::new();
            for text in std::iter::once(uid).chain(bodies.iter().map(|b| &b[i])) {
                h.update(text.as_bytes());
                // A separator no text holds, so that no two lists hash alike.
                h.update([0xff]);
            }
            let digest = h.finalize();
            let mut first = [0; 8];
            first.copy_from_slice(&digest[..8]);
            (uid.clone(), u64::from_be_bytes(first))
        })
        .collect()
}

/// The language a calendar is written in, and where its text falls back to.
#[derive(Clone, Copy)]
struct Lang<'a> {
    code: &'a str,
    fallback: &'a [String],
}

impl<'a> Lang<'a> {
    /// The text in this language (or its fallback) and the language it is in.
    fn text<'t>(&self, l: &'t Localized) -> Option<(&'t str, &'t str)> {
        l.get(self.code, self.fallback)
            .or_else(|| l.0.iter().next().map(|(a, b)| (a.as_str(), b.as_str())))
    }
}

fn calendar_start(site: &Site, lang: Lang) -> Writer {
    let mut w = Writer::new();
    w.begin("VCALENDAR");
    w.raw("VERSION", &[], "2.0");
    w.raw(
        "PRODID",
        &[],
        &format!(
            "-//hexaglot//{}//{}",
            site.config.host(),
            lang.code.to_uppercase()
        ),
    );
    w.raw("CALSCALE", &[], "GREGORIAN");
    w.raw("METHOD", &[], "PUBLISH");
    if let Some(title) = site.config.title.get(lang.code) {
        w.text("X-WR-CALNAME", &[], title);
    }
    w
}

/// A session's VEVENT after its SEQUENCE.
fn session_body(site: &Site, lang: Lang, urls: &Urls, s: &Session) -> String {
    let data = &site.data;
    let mut w = Writer::new();
    times(&mut w, &s.when);
    if let Some((l, title)) = lang.text(&s.title) {
        w.text("SUMMARY", &[("LANGUAGE", l)], title);
    }
    let page = urls.absolute(&urls.session(&s.id));
    let description = s.description.as_ref().and_then(|d| lang.text(d));
    let (desc_lang, desc) =
        description.map_or((lang.code, String::new()), |(l, d)| (l, format!("{d}\n\n")));
    w.text(
        "DESCRIPTION",
        &[("LANGUAGE", desc_lang)],
        &format!("{desc}{page}"),
    );
    w.raw("URL", &[], &page);
    location(&mut w, site, lang, s);
    let track = s
        .track
        .as_deref()
        .and_then(|t| data.tracks.iter().find(|x| x.id == t))
        .and_then(|t| lang.text(&t.name));
    let format = s
        .format
        .as_deref()
        .and_then(|f| data.formats.iter().find(|x| x.id == f))
        .and_then(|f| lang.text(&f.name));
    let categories: Vec<String> = track
        .into_iter()
        .chain(format)
        .map(|(_, c)| ics::escape_text(c))
        .collect();
    if !categories.is_empty() {
        // No LANGUAGE parameter: a track's name may be in the language and its format's
        // in a fallback language.
        w.raw("CATEGORIES", &[], &categories.join(","));
    }
    w.raw("STATUS", &[], "CONFIRMED");
    w.end("VEVENT");
    w.finish()
}

/// LOCATION and GEO: the room and the venue with its address for a session held in a
/// place, else its stream.
fn location(w: &mut Writer, site: &Site, lang: Lang, s: &Session) {
    let data = &site.data;
    if !data.in_place(s) {
        if let Some(stream) = &s.stream {
            w.text("LOCATION", &[], stream);
        }
        return;
    }
    let room = s.room.as_ref().and_then(|r| lang.text(r));
    let venue = data.venue();
    let venue_name = venue.and_then(|v| lang.text(&v.name));
    let text_lang = room.or(venue_name).map(|(l, _)| l);
    let mut parts: Vec<String> = room
        .into_iter()
        .chain(venue_name)
        .map(|(_, t)| t.to_string())
        .collect();
    if let Some(address) = venue.and_then(|v| v.address.as_ref()) {
        parts.extend(address.parts());
    }
    if let Some(l) = text_lang {
        w.text("LOCATION", &[("LANGUAGE", l)], &parts.join(", "));
    }
    if let Some(geo) = venue.and_then(|v| v.geo) {
        w.raw("GEO", &[], &format!("{};{}", geo.lat, geo.lon));
    }
}

/// A key date's VEVENT after its SEQUENCE: an all-day event, shown as free time.
fn key_date_body(lang: Lang, k: &KeyDate) -> String {
    let when = When::AllDay {
        first: k.start,
        last: k.end.unwrap_or(k.start),
    };
    let mut w = Writer::new();
    times(&mut w, &when);
    if let Some((l, title)) = lang.text(&k.title) {
        w.text("SUMMARY", &[("LANGUAGE", l)], title);
    }
    w.raw("TRANSP", &[], "TRANSPARENT");
    w.end("VEVENT");
    w.finish()
}

/// DTSTAMP, DTSTART and DTEND.
fn times(w: &mut Writer, when: &When) {
    match when {
        When::Timed { start, end, .. } => {
            w.raw("DTSTAMP", &[], &start.ical_utc());
            w.raw("DTSTART", &[], &start.ical_utc());
            w.raw("DTEND", &[], &end.ical_utc());
        }
        When::AllDay { first, last } => {
            let compact = |d: crate::content::PageDate| d.iso().replace('-', "");
            w.raw("DTSTAMP", &[], &format!("{}T000000Z", compact(*first)));
            w.raw("DTSTART", &[("VALUE", "DATE")], &compact(*first));
            // DTEND of a date is exclusive: the day after the last day.
            w.raw("DTEND", &[("VALUE", "DATE")], &compact(next_day(*last)));
        }
    }
}
