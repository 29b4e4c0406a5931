//! Checks across the data files: ids, references, languages, dates and times.
//!
//! Every problem becomes a diagnostic at the offending value (found with [`Records`]),
//! and checking goes on, so one run lists every problem of the data.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::locate::{Position, Records};
use super::session::{EventInfo, Moment, Session, SessionRecord, When};
use super::{EventData, FileText, KeyDate, Localized, Precision, RawData};
use crate::config::Config;
use crate::error::{Diagnostic, Diagnostics};
use crate::zone::{Gap, Zone};

/// One data file, for reporting.
struct Place<'a> {
    file: &'a Path,
    text: &'a str,
    records: Records<'a>,
}

impl<'a> Place<'a> {
    fn new(file: Option<&'a FileText>) -> Place<'a> {
        match file {
            Some(f) => Place {
                file: &f.display,
                text: &f.text,
                records: Records::new(&f.text),
            },
            None => Place {
                file: Path::new("content/data"),
                text: "",
                records: Records::new(""),
            },
        }
    }

    fn error(&self, (line, column): Position, message: String) -> Diagnostic {
        Diagnostic::error(self.file, message).at(self.text, line, column)
    }

    fn ids<'i>(&self, ids: impl Iterator<Item = &'i str>, out: &mut Diagnostics) {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            if !seen.insert(id) {
                out.push(
                    self.error(
                        self.records.value(i, &["id"]),
                        format!("duplicate id `{id}`"),
                    )
                    .hint("every record needs its own id; ids are part of URLs and references"),
                );
            }
        }
    }

    fn localized(
        &self,
        i: usize,
        field: &str,
        id: &str,
        value: &Localized,
        config: &Config,
        out: &mut Diagnostics,
    ) {
        for lang in value.0.keys() {
            if !config.has_language(lang) {
                out.push(
                    self.error(self.records.value(i, &[field, lang]), format!("`{field}` of `{id}` has text for `{lang}`, which is not a language of the site"))
                        .hint("use the language codes listed in content/site.yaml"),
                );
            }
        }
        if value.0.is_empty() {
            out.push(self.error(
                self.records.value(i, &[field]),
                format!("`{field}` of `{id}` has no text"),
            ));
        }
    }

    fn dangling(&self, position: Position, what: String, target: &str) -> Diagnostic {
        self.error(position, format!("{what} refers to no record in {target}"))
            .hint(format!("use the id of a record in content/data/{target}"))
    }
}

/// Checks the raw data and returns it typed.
pub(super) fn all(raw: RawData, config: &Config, out: &mut Diagnostics) -> EventData {
    let place = |kind: &str| Place::new(raw.files.get(kind));
    let tracks = place("tracks");
    tracks.ids(raw.tracks.iter().map(|r| r.id.as_str()), out);
    for (i, r) in raw.tracks.iter().enumerate() {
        tracks.localized(i, "name", &r.id, &r.name, config, out);
    }
    let track_ids: HashSet<&str> = raw.tracks.iter().map(|t| t.id.as_str()).collect();
    let formats = place("formats");
    formats.ids(raw.formats.iter().map(|r| r.id.as_str()), out);
    for (i, r) in raw.formats.iter().enumerate() {
        formats.localized(i, "name", &r.id, &r.name, config, out);
        if !track_ids.contains(r.track.as_str()) {
            out.push(formats.dangling(
                formats.records.value(i, &["track"]),
                format!("`track: {}`", r.track),
                "tracks.yaml",
            ));
        }
    }
    let key_dates = place("key_dates");
    key_dates.ids(raw.key_dates.iter().map(|r| r.id.as_str()), out);
    for (i, r) in raw.key_dates.iter().enumerate() {
        key_dates.localized(i, "title", &r.id, &r.title, config, out);
        if r.end.is_some_and(|end| end < r.start) {
            out.push(
                key_dates
                    .error(
                        key_dates.records.value(i, &["end"]),
                        format!("key date `{}` ends before it starts", r.id),
                    )
                    .hint("`end` is the last day, on or after `start`"),
            );
        }
    }
    let orgs = place("organizations");
    orgs.ids(raw.organizations.iter().map(|r| r.id.as_str()), out);
    for (i, r) in raw.organizations.iter().enumerate() {
        orgs.localized(i, "name", &r.id, &r.name, config, out);
    }
    let org_ids: HashSet<&str> = raw.organizations.iter().map(|o| o.id.as_str()).collect();
    let people = place("people");
    people.ids(raw.people.iter().map(|r| r.id.as_str()), out);
    for (i, r) in raw.people.iter().enumerate() {
        people.localized(i, "name", &r.id, &r.name, config, out);
        if let Some(org) = r.organization.as_deref().filter(|o| !org_ids.contains(o)) {
            out.push(people.dangling(
                people.records.value(i, &["organization"]),
                format!("`organization: {org}`"),
                "organizations.yaml",
            ));
        }
    }
    let ids = Ids {
        tracks: track_ids,
        formats: raw
            .formats
            .iter()
            .map(|f| (f.id.as_str(), f.track.as_str()))
            .collect(),
        people: raw.people.iter().map(|p| p.id.as_str()).collect(),
        organizations: org_ids,
    };
    let sessions_place = place("sessions");
    sessions_place.ids(raw.sessions.iter().map(|r| r.id.as_str()), out);
    let sessions: Vec<Session> = raw
        .sessions
        .iter()
        .enumerate()
        .filter_map(|(i, r)| session(&sessions_place, i, r, &ids, config, out))
        .collect();
    if let Some(event) = &raw.event {
        check_event(&place("event"), event, &raw.key_dates, out);
    }
    EventData {
        sessions,
        event: raw.event.clone(),
        tracks: raw.tracks,
        formats: raw.formats,
        key_dates: raw.key_dates,
        organizations: raw.organizations,
        people: raw.people,
        custom: raw.custom,
    }
}

/// The ids sessions may refer to.
struct Ids<'a> {
    tracks: HashSet<&'a str>,
    /// Format id → its track.
    formats: HashMap<&'a str, &'a str>,
    people: HashSet<&'a str>,
    organizations: HashSet<&'a str>,
}

/// Checks session `i` and returns it typed, or `None` when its times cannot be placed.
fn session(
    place: &Place,
    i: usize,
    r: &SessionRecord,
    ids: &Ids,
    config: &Config,
    out: &mut Diagnostics,
) -> Option<Session> {
    place.localized(i, "title", &r.id, &r.title, config, out);
    for (field, value) in [("description", &r.description), ("room", &r.room)] {
        if let Some(v) = value {
            place.localized(i, field, &r.id, v, config, out);
        }
    }
    let track = references(place, i, r, ids, out);
    for lang in &r.interpretation {
        if !config.has_language(lang) {
            out.push(
                place
                    .error(
                        place.records.item(i, "interpretation", lang),
                        format!(
                            "interpretation into `{lang}`: `{lang}` is not a language of the site"
                        ),
                    )
                    .hint("list the codes of languages in content/site.yaml"),
            );
        }
    }
    for (field, value) in [("stream", &r.stream), ("registration", &r.registration)] {
        if let Some(url) = value
            .as_deref()
            .filter(|u| !u.starts_with("https://") && !u.starts_with("http://"))
        {
            out.push(
                place
                    .error(
                        place.records.value(i, &[field]),
                        format!(
                            "`{field}` of session `{}` is not a web address: `{url}`",
                            r.id
                        ),
                    )
                    .hint("write the full address, starting with https://"),
            );
        }
    }
    let when = when(place, i, r, config, out)?;
    Some(Session {
        id: r.id.clone(),
        title: r.title.clone(),
        description: r.description.clone(),
        track,
        format: r.format.clone(),
        when,
        people: r.people.clone(),
        organizations: r.organizations.clone(),
        room: r.room.clone(),
        stream: r.stream.clone(),
        captioning: r.captioning,
        interpretation: r.interpretation.clone(),
        registration: r.registration.clone(),
        attendance: r.attendance,
    })
}

/// Checks the ids a session refers to; returns its track (given, or its format's).
fn references(
    place: &Place,
    i: usize,
    r: &SessionRecord,
    ids: &Ids,
    out: &mut Diagnostics,
) -> Option<String> {
    let value = |key: &str| place.records.value(i, &[key]);
    if let Some(t) = r.track.as_deref().filter(|t| !ids.tracks.contains(t)) {
        out.push(place.dangling(value("track"), format!("`track: {t}`"), "tracks.yaml"));
    }
    let format_track = r.format.as_deref().and_then(|f| {
        let track = ids.formats.get(f).copied();
        if track.is_none() {
            out.push(place.dangling(value("format"), format!("`format: {f}`"), "formats.yaml"));
        }
        track
    });
    if let (Some(t), Some(ft), Some(f)) = (r.track.as_deref(), format_track, r.format.as_deref()) {
        if t != ft {
            out.push(
                place
                    .error(value("track"), format!("session `{}` is in track `{t}`, but its format `{f}` belongs to track `{ft}`", r.id))
                    .hint("leave `track` out: a session with a format is in the format's track"),
            );
        }
    }
    for (key, list, set, target) in [
        ("people", &r.people, &ids.people, "people.yaml"),
        (
            "organizations",
            &r.organizations,
            &ids.organizations,
            "organizations.yaml",
        ),
    ] {
        for id in list.iter().filter(|id| !set.contains(id.as_str())) {
            out.push(place.dangling(
                place.records.item(i, key, id),
                format!("`{id}` in `{key}`"),
                target,
            ));
        }
    }
    r.track.clone().or_else(|| format_track.map(str::to_string))
}

/// Places a session in time: an all-day range, or two instants in a checked zone.
fn when(
    place: &Place,
    i: usize,
    r: &SessionRecord,
    config: &Config,
    out: &mut Diagnostics,
) -> Option<When> {
    let value = |key: &str| place.records.value(i, &[key]);
    let moment = |key: &str, text: &str, out: &mut Diagnostics| {
        let m = Moment::parse(text);
        if m.is_none() {
            out.push(
                place
                    .error(value(key), format!("`{key}` of session `{}` is neither a date nor a date and time: `{text}`", r.id))
                    .hint("write 2021-05-18 for a whole day, or 2021-05-18T13:00 for a time"),
            );
        }
        m
    };
    let (start, end) = (moment("start", &r.start, out), moment("end", &r.end, out));
    let ends_before = |out: &mut Diagnostics| {
        out.push(
            place
                .error(value("end"), format!("session `{}` ends before it starts: `end: {}` is before `start: {}`", r.id, r.end, r.start))
                .hint("`end` is the end time, after `start` (for whole days, the last day, on or after the first)"),
        );
    };
    match (start?, end?) {
        (Moment::Date(first), Moment::Date(last)) => {
            if let Some(tz) = &r.time_zone {
                out.push(
                    place
                        .error(value("time_zone"), format!("session `{}` lasts whole days, so `time_zone: {tz}` has no meaning", r.id))
                        .hint("remove `time_zone`, or give `start` and `end` times"),
                );
            }
            if last < first {
                ends_before(out);
                return None;
            }
            Some(When::AllDay { first, last })
        }
        (Moment::DateTime(sd, sh, sm), Moment::DateTime(ed, eh, em)) => {
            let zone = zone(place, i, r, config, out)?;
            let start = instant(place, value("start"), &zone, (sd, sh, sm), &r.start, out);
            let end = instant(place, value("end"), &zone, (ed, eh, em), &r.end, out);
            let (start, end) = (start?, end?);
            if end <= start {
                ends_before(out);
                return None;
            }
            Some(When::Timed { start, end, zone })
        }
        _ => {
            out.push(
                place
                    .error(
                        value("end"),
                        format!(
                            "session `{}` mixes a date and a date and time in `start` and `end`",
                            r.id
                        ),
                    )
                    .hint("write both as dates (whole days) or both with times"),
            );
            None
        }
    }
}

/// The session's zone: its own `time_zone`, or the site's.
fn zone(
    place: &Place,
    i: usize,
    r: &SessionRecord,
    config: &Config,
    out: &mut Diagnostics,
) -> Option<Zone> {
    let (name, position) = match (&r.time_zone, &config.time_zone) {
        (Some(tz), _) => (tz.as_str(), Some(place.records.value(i, &["time_zone"]))),
        (None, Some(tz)) => (tz.as_str(), None),
        (None, None) => {
            out.push(
                place
                    .error(place.records.value(i, &["start"]), format!("session `{}` has times but no time zone", r.id))
                    .hint("add `time_zone: Europe/Zurich` (an IANA zone) to the session, or `time_zone` to content/site.yaml"),
            );
            return None;
        }
    };
    let found = Zone::get(name);
    if found.is_none() {
        let message = format!("`{name}` is not a time zone of the IANA tz database");
        let hint = "write a zone name such as Europe/Zurich, America/New_York or Asia/Tokyo";
        out.push(match position {
            Some(p) => place.error(p, message).hint(hint),
            None => Diagnostic::error(crate::config::CONFIG_FILE, format!("`time_zone` {message}"))
                .hint(hint),
        });
    }
    found
}

fn instant(
    place: &Place,
    position: Position,
    zone: &Zone,
    (date, h, m): (crate::content::PageDate, u8, u8),
    text: &str,
    out: &mut Diagnostics,
) -> Option<crate::zone::Instant> {
    zone.instant(date, h, m)
        .map_err(|gap| {
            let why = match gap {
                Gap::Skipped => {
                    "does not exist: the clocks skip it when daylight saving time begins"
                }
                Gap::Repeated => {
                    "happens twice: the clocks pass it again when daylight saving time ends"
                }
            };
            out.push(
                place
                    .error(position, format!("`{text}` in {} {why}", zone.name()))
                    .hint("choose a time outside the change of the clocks"),
            );
        })
        .ok()
}

/// `event.yaml` names the key date that gives the event's dates.
fn check_event(place: &Place, event: &EventInfo, key_dates: &[KeyDate], out: &mut Diagnostics) {
    let (line, column) = super::locate::top_level(place.text, "dates");
    match key_dates.iter().find(|k| k.id == event.dates) {
        None => out.push(place.dangling(
            (line, column),
            format!("`dates: {}`", event.dates),
            "key_dates.yaml",
        )),
        Some(k) if k.precision != Precision::Day => out.push(
            place
                .error(
                    (line, column),
                    format!(
                        "the event's dates come from `{}`, which is a month, not days",
                        k.id
                    ),
                )
                .hint("name a key date with `start` and `end` days"),
        ),
        Some(_) => {}
    }
}
