//! Checks across the data files: ids, references, languages, dates and times.
//!
//! Every problem becomes a diagnostic at the offending value, whose position the YAML
//! parser recorded ([`Tree`]), and checking goes on, so one run lists every problem of
//! the data. A reference into a file that could not be parsed is not checked: its
//! records are unknown, and the file's own error says why.

use std::cell::OnceCell;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use super::session::{EventInfo, Moment, Session, SessionRecord, When};
use super::{EventData, FileText, KeyDate, Localized, Precision, RawData};
use crate::config::Config;
use crate::error::{Diagnostic, Diagnostics};
use crate::slug::RecordId;
use crate::yaml::{Position, Step, Tree};
use crate::zone::{Gap, Zone};

mod venue;

/// One data file, for reporting.
struct Place<'a> {
    file: &'a Path,
    text: &'a str,
    /// Parsed again for positions only when a problem is found.
    tree: OnceCell<Option<Tree>>,
}

impl<'a> Place<'a> {
    fn new(file: Option<&'a FileText>) -> Place<'a> {
        match file {
            Some(f) => Place {
                file: &f.display,
                text: &f.text,
                tree: OnceCell::new(),
            },
            None => Place {
                file: Path::new("content/data"),
                text: "",
                tree: OnceCell::new(),
            },
        }
    }

    /// Where the value at `path` is, or its nearest ancestor.
    fn value(&self, path: &[Step]) -> Position {
        match self.tree.get_or_init(|| Tree::parse(self.text, 1)) {
            Some(tree) => tree.nearest(path),
            None => (1, 1),
        }
    }

    /// Where the key of the value at `path` is, or the value's nearest ancestor.
    fn key(&self, path: &[Step]) -> Position {
        let tree = self.tree.get_or_init(|| Tree::parse(self.text, 1));
        tree.as_ref()
            .and_then(|t| t.key(path))
            .unwrap_or_else(|| self.value(path))
    }

    fn error(&self, (line, column): Position, message: String) -> Diagnostic {
        if self.text.is_empty() {
            return Diagnostic::error(self.file, message);
        }
        Diagnostic::error(self.file, message).at(self.text, line, column)
    }

    fn ids<'i>(&self, ids: impl Iterator<Item = &'i RecordId>, out: &mut Diagnostics) {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            if !seen.insert(id) {
                out.push(
                    self.error(
                        self.value(&[i.into(), "id".into()]),
                        format!("duplicate id `{id}`"),
                    )
                    .hint("every record needs its own id; ids are part of URLs and references"),
                );
            }
        }
    }

    fn localized(
        &self,
        path: &[Step],
        id: &str,
        value: &Localized,
        config: &Config,
        out: &mut Diagnostics,
    ) {
        let Some(Step::Key(field)) = path.last().copied() else {
            return;
        };
        for lang in value.0.keys() {
            if !config.has_language(lang) {
                let mut at = path.to_vec();
                at.push(Step::Key(lang));
                out.push(
                    self.error(self.key(&at), format!("`{field}` of `{id}` has text for `{lang}`, which is not a language of the site"))
                        .hint("use the language codes listed in content/site.yaml"),
                );
            }
        }
        if value.0.is_empty() {
            out.push(self.error(self.value(path), format!("`{field}` of `{id}` has no text")));
        }
    }

    fn dangling(&self, position: Position, what: String, target: &str) -> Diagnostic {
        self.error(position, format!("{what} refers to no record in {target}"))
            .hint(format!("use the id of a record in content/data/{target}"))
    }
}

/// The ids of one file that others refer to; `None` when the file could not be parsed,
/// so that no reference into it is reported.
struct Known<'a>(Option<HashSet<&'a str>>);

impl<'a> Known<'a> {
    fn new<'r>(
        kind: &str,
        failed: &BTreeSet<&str>,
        ids: impl Iterator<Item = &'a RecordId>,
    ) -> Known<'a> {
        Known((!failed.contains(kind)).then(|| ids.map(RecordId::as_str).collect()))
    }

    /// Whether a reference to `id` has no record to land on.
    fn lacks(&self, id: &str) -> bool {
        self.0.as_ref().is_some_and(|ids| !ids.contains(id))
    }
}

/// Checks the raw data and returns it typed.
pub(super) fn all(raw: RawData, config: &Config, out: &mut Diagnostics) -> EventData {
    let place = |kind: &str| Place::new(raw.files.get(kind));
    let failed = &raw.failed;
    let tracks = place("tracks");
    tracks.ids(raw.tracks.iter().map(|r| &r.id), out);
    for (i, r) in raw.tracks.iter().enumerate() {
        tracks.localized(&[i.into(), "name".into()], &r.id, &r.name, config, out);
    }
    let track_ids = Known::new("tracks", failed, raw.tracks.iter().map(|t| &t.id));
    let formats = place("formats");
    formats.ids(raw.formats.iter().map(|r| &r.id), out);
    for (i, r) in raw.formats.iter().enumerate() {
        formats.localized(&[i.into(), "name".into()], &r.id, &r.name, config, out);
        if let Some(track) = r.track.as_deref().filter(|t| track_ids.lacks(t)) {
            out.push(formats.dangling(
                formats.value(&[i.into(), "track".into()]),
                format!("`track: {track}`"),
                "tracks.yaml",
            ));
        }
    }
    let key_dates = place("key_dates");
    key_dates.ids(raw.key_dates.iter().map(|r| &r.id), out);
    for (i, r) in raw.key_dates.iter().enumerate() {
        key_dates.localized(&[i.into(), "title".into()], &r.id, &r.title, config, out);
        if r.end.is_some_and(|end| end < r.start) {
            out.push(
                key_dates
                    .error(
                        key_dates.value(&[i.into(), "end".into()]),
                        format!("key date `{}` ends before it starts", r.id),
                    )
                    .hint("`end` is the last day, on or after `start`"),
            );
        }
    }
    let orgs = place("organizations");
    orgs.ids(raw.organizations.iter().map(|r| &r.id), out);
    for (i, r) in raw.organizations.iter().enumerate() {
        orgs.localized(&[i.into(), "name".into()], &r.id, &r.name, config, out);
    }
    let org_ids = Known::new(
        "organizations",
        failed,
        raw.organizations.iter().map(|o| &o.id),
    );
    let people = place("people");
    people.ids(raw.people.iter().map(|r| &r.id), out);
    for (i, r) in raw.people.iter().enumerate() {
        people.localized(&[i.into(), "name".into()], &r.id, &r.name, config, out);
        if let Some(org) = r.organization.as_deref().filter(|o| org_ids.lacks(o)) {
            out.push(people.dangling(
                people.value(&[i.into(), "organization".into()]),
                format!("`organization: {org}`"),
                "organizations.yaml",
            ));
        }
    }
    let ids = Ids {
        tracks: track_ids,
        formats: (!failed.contains("formats")).then(|| {
            raw.formats
                .iter()
                .map(|f| (f.id.as_str(), f.track.as_ref()))
                .collect()
        }),
        people: Known::new("people", failed, raw.people.iter().map(|p| &p.id)),
        organizations: org_ids,
    };
    let rooms_place = place("rooms");
    venue::rooms(&rooms_place, &raw.rooms, config, out);
    let rooms = venue::Rooms(
        (!failed.contains("rooms")).then(|| raw.rooms.iter().map(|r| (r.id.as_str(), r)).collect()),
    );
    let sessions_place = place("sessions");
    sessions_place.ids(raw.sessions.iter().map(|r| &r.id), out);
    let sessions: Vec<Session> = raw
        .sessions
        .iter()
        .enumerate()
        .filter_map(|(i, r)| session(&sessions_place, i, r, &ids, &rooms, config, out))
        .collect();
    if let Some(event) = &raw.event {
        venue::event(&place("event"), event, config, out);
    }
    if let Some(event) = &raw.event
        && !failed.contains("key_dates")
    {
        check_event(&place("event"), event, &raw.key_dates, out);
    }
    EventData {
        positions: super::model::Positions::new(&raw.people, &raw.organizations, &raw.rooms),
        named_rooms: named_rooms(&sessions),
        sessions,
        event: raw.event.clone(),
        tracks: raw.tracks,
        formats: raw.formats,
        key_dates: raw.key_dates,
        organizations: raw.organizations,
        people: raw.people,
        rooms: raw.rooms,
        custom: raw.custom,
        failed: raw.failed,
    }
}

/// Session index → the first session that names the same room ([`EventData::named_rooms`]).
fn named_rooms(sessions: &[crate::data::Session]) -> Vec<usize> {
    let mut first: HashMap<&crate::data::Localized, usize> = HashMap::new();
    sessions
        .iter()
        .enumerate()
        .map(|(i, s)| match &s.room {
            Some(name) if s.room_id.is_none() => *first.entry(name).or_insert(i),
            _ => i,
        })
        .collect()
}

/// The ids sessions may refer to.
struct Ids<'a> {
    tracks: Known<'a>,
    /// Format id → its track (none for a format of every track); `None` when
    /// formats.yaml could not be parsed.
    formats: Option<HashMap<&'a str, Option<&'a RecordId>>>,
    people: Known<'a>,
    organizations: Known<'a>,
}

/// Checks session `i` and returns it typed, or `None` when its times cannot be placed.
fn session(
    place: &Place,
    i: usize,
    r: &SessionRecord,
    ids: &Ids,
    rooms: &venue::Rooms,
    config: &Config,
    out: &mut Diagnostics,
) -> Option<Session> {
    place.localized(&[i.into(), "title".into()], &r.id, &r.title, config, out);
    if let Some(v) = &r.description {
        place.localized(&[i.into(), "description".into()], &r.id, v, config, out);
    }
    let (room, room_id) = venue::session_room(place, i, r, rooms, config, out);
    let track = references(place, i, r, ids, out);
    for (j, lang) in r.interpretation.iter().enumerate() {
        if icu_locale::LanguageIdentifier::try_from_str(lang).is_err() {
            out.push(
                place
                    .error(
                        place.value(&[i.into(), "interpretation".into(), j.into()]),
                        format!(
                            "interpretation into `{lang}`: `{lang}` is not a BCP 47 language tag"
                        ),
                    )
                    .hint("write a language tag such as es, pt-BR, or ils (International Sign)"),
            );
        }
    }
    for (field, value) in [
        ("stream", &r.stream),
        ("recording", &r.recording),
        ("registration", &r.registration),
    ] {
        if let Some(url) = value
            .as_deref()
            .filter(|u| !u.starts_with("https://") && !u.starts_with("http://"))
        {
            out.push(
                place
                    .error(
                        place.value(&[i.into(), field.into()]),
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
        room,
        room_id,
        stream: r.stream.clone(),
        recording: r.recording.clone(),
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
) -> Option<RecordId> {
    let value = |key: &str| place.value(&[i.into(), key.into()]);
    if let Some(t) = r.track.as_deref().filter(|t| ids.tracks.lacks(t)) {
        out.push(place.dangling(value("track"), format!("`track: {t}`"), "tracks.yaml"));
    }
    let format_track = r.format.as_deref().and_then(|f| {
        let track = ids.formats.as_ref()?.get(f).copied();
        if track.is_none() {
            out.push(place.dangling(value("format"), format!("`format: {f}`"), "formats.yaml"));
        }
        track.flatten()
    });
    if let (Some(t), Some(ft), Some(f)) = (&r.track, format_track, &r.format)
        && t != ft
    {
        out.push(
                place
                    .error(value("track"), format!("session `{}` is in track `{t}`, but its format `{f}` belongs to track `{ft}`", r.id))
                    .hint("leave `track` out: a session with a format is in the format's track"),
            );
    }
    for (key, list, known, target) in [
        ("people", &r.people, &ids.people, "people.yaml"),
        (
            "organizations",
            &r.organizations,
            &ids.organizations,
            "organizations.yaml",
        ),
    ] {
        for (j, id) in list.iter().enumerate().filter(|(_, id)| known.lacks(id)) {
            out.push(place.dangling(
                place.value(&[i.into(), key.into(), j.into()]),
                format!("`{id}` in `{key}`"),
                target,
            ));
        }
    }
    r.track.clone().or_else(|| format_track.cloned())
}

/// Places a session in time: an all-day range, or two instants in a checked zone.
fn when(
    place: &Place,
    i: usize,
    r: &SessionRecord,
    config: &Config,
    out: &mut Diagnostics,
) -> Option<When> {
    let value = |key: &str| place.value(&[i.into(), key.into()]);
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
            let start = instant(place, &value, "start", &zone, (sd, sh, sm), &r.start, out);
            let end = instant(place, &value, "end", &zone, (ed, eh, em), &r.end, out);
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
        (Some(tz), _) => (
            tz.as_str(),
            Some(place.value(&[i.into(), "time_zone".into()])),
        ),
        (None, Some(tz)) => (tz.as_str(), None),
        (None, None) => {
            out.push(
                place
                    .error(place.value(&[i.into(), "start".into()]), format!("session `{}` has times but no time zone", r.id))
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

/// A time of `key` in `zone`; a time the clocks skip or repeat is an error at the
/// key's `value` (looked up only then: positions cost a second parse of the file).
fn instant(
    place: &Place,
    value: &dyn Fn(&str) -> Position,
    key: &str,
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
                    .error(value(key), format!("`{text}` in {} {why}", zone.name()))
                    .hint("choose a time outside the change of the clocks"),
            );
        })
        .ok()
}

/// `event.yaml` names the key date that gives the event's dates.
fn check_event(place: &Place, event: &EventInfo, key_dates: &[KeyDate], out: &mut Diagnostics) {
    let (line, column) = place.value(&["dates".into()]);
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
