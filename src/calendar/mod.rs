//! Calendars (RFC 5545): one `.ics` per session and one for the whole programme, in
//! every language.
//!
//! A session keeps the same UID in every language and every build (`session-<id>@<host>`),
//! so importing the French and the English calendar gives one event, and re-importing
//! after a change updates it. Its SEQUENCE is derived from a hash of everything the
//! session says in every language: it changes whenever the session changes and stays the
//! same otherwise, so builds remain byte-identical. For the same reason DTSTAMP is the
//! session's own start rather than the time of the build. Times are written in UTC;
//! whole days as dates, with the exclusive DTEND that RFC 5545 requires.

pub mod ics;

use crate::data::{KeyDate, Localized, Session, When};
use crate::event::{Schedule, Urls};
use crate::site::Site;
use crate::zone::next_day;
use ics::Writer;

/// Every calendar file of the site: (path under the output folder, bytes).
pub fn files(site: &Site) -> Vec<(String, Vec<u8>)> {
    let data = &site.data;
    let schedule = Schedule::new(data);
    let in_calendar: Vec<&KeyDate> = data.key_dates.iter().filter(|k| k.calendar).collect();
    let mut files = Vec::new();
    for language in &site.config.languages {
        let lang = Lang {
            code: &language.code,
            fallback: &language.fallback,
        };
        let urls = Urls::new(&site.config, lang.code);
        let rel = |path: String| {
            path.strip_prefix(&site.config.base_path)
                .map(str::to_string)
                .unwrap_or(path)
        };
        for s in &data.sessions {
            let mut w = calendar_start(site, lang);
            session_event(&mut w, site, lang, &urls, s);
            w.end("VCALENDAR");
            files.push((rel(urls.session_ics(&s.id)), w.finish().into_bytes()));
        }
        if data.sessions.is_empty() && in_calendar.is_empty() {
            continue;
        }
        let mut w = calendar_start(site, lang);
        for k in &in_calendar {
            key_date_event(&mut w, site, lang, k);
        }
        for &i in &schedule.order {
            session_event(&mut w, site, lang, &urls, &data.sessions[i]);
        }
        w.end("VCALENDAR");
        files.push((rel(urls.programme_ics()), w.finish().into_bytes()));
    }
    files
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
        &format!("-//hexaglot//{}//{}", host(site), lang.code.to_uppercase()),
    );
    w.raw("CALSCALE", &[], "GREGORIAN");
    w.raw("METHOD", &[], "PUBLISH");
    if let Some(title) = site.config.title.get(lang.code) {
        w.text("X-WR-CALNAME", &[], title);
    }
    w
}

/// The host of the site's base URL, which makes UIDs unique to the site.
fn host(site: &Site) -> &str {
    let url = &site.config.base_url;
    let rest = url.split_once("://").map_or(url.as_str(), |(_, r)| r);
    rest.split(['/', ':']).next().unwrap_or(rest)
}

fn session_event(w: &mut Writer, site: &Site, lang: Lang, urls: &Urls, s: &Session) {
    let data = &site.data;
    w.begin("VEVENT");
    w.raw("UID", &[], &format!("session-{}@{}", s.id, host(site)));
    w.raw("SEQUENCE", &[], &sequence(s).to_string());
    times(w, &s.when);
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
    let room = s.room.as_ref().and_then(|r| lang.text(r));
    match (room, &s.stream) {
        (Some((l, room)), _) => w.text("LOCATION", &[("LANGUAGE", l)], room),
        (None, Some(stream)) => w.text("LOCATION", &[], stream),
        (None, None) => {}
    }
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
}

fn key_date_event(w: &mut Writer, site: &Site, lang: Lang, k: &KeyDate) {
    let last = k.end.unwrap_or(k.start);
    let when = When::AllDay {
        first: k.start,
        last,
    };
    let mut hasher = Fnv::default();
    hasher.localized(&k.title);
    hasher.str(&format!("{}/{}", k.start.iso(), last.iso()));
    w.begin("VEVENT");
    w.raw("UID", &[], &format!("key-date-{}@{}", k.id, host(site)));
    w.raw("SEQUENCE", &[], &(hasher.0 % (1 << 31)).to_string());
    times(w, &when);
    if let Some((l, title)) = lang.text(&k.title) {
        w.text("SUMMARY", &[("LANGUAGE", l)], title);
    }
    w.raw("TRANSP", &[], "TRANSPARENT");
    w.end("VEVENT");
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

/// The SEQUENCE of a session: a hash of everything it says, below 2^31.
pub fn sequence(s: &Session) -> u32 {
    let mut h = Fnv::default();
    h.str(&s.id);
    h.localized(&s.title);
    for l in [&s.description, &s.room].into_iter().flatten() {
        h.localized(l);
    }
    match &s.when {
        When::Timed { start, end, zone } => h.str(&format!(
            "{}/{}/{}",
            start.unix_seconds(),
            end.unix_seconds(),
            zone.name()
        )),
        When::AllDay { first, last } => h.str(&format!("{}/{}", first.iso(), last.iso())),
    }
    for v in [
        s.track.as_deref(),
        s.format.as_deref(),
        s.stream.as_deref(),
        s.registration.as_deref(),
    ]
    .into_iter()
    .flatten()
    {
        h.str(v);
    }
    for list in [&s.people, &s.organizations] {
        h.str(
            &list
                .iter()
                .map(|id| id.as_str())
                .collect::<Vec<_>>()
                .join(","),
        );
    }
    h.str(&s.interpretation.join(","));
    h.str(if s.captioning { "captioned" } else { "" });
    h.str(&format!("{:?}", s.attendance));
    (h.0 % (1 << 31)) as u32
}

/// FNV-1a, 64 bits: small, and stable across Rust versions (unlike `DefaultHasher`), so
/// a SEQUENCE never changes with the compiler.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn str(&mut self, text: &str) {
        for b in text.bytes().chain([0xff]) {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn localized(&mut self, l: &Localized) {
        for (lang, text) in &l.0 {
            self.str(lang);
            self.str(text);
        }
    }
}
