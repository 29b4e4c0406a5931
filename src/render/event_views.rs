//! View structs of the pages made from event data: session cards (as listed in the
//! schedule and on people's and organizations' pages), the session page, the person and
//! organization pages, and the schedule by day and by track.
//!
//! Every string a reader sees is already in the page's language: titles resolved along
//! the fallback chain (with the language they are in, for a `lang` attribute), dates
//! and times from ICU4X joined by Fluent ([`crate::event::format`]).

use serde::Serialize;

use super::text::{CardOf, LangCtx, PictureView, Text};
use crate::data::{Session, When};
use crate::error::Diagnostic;
use crate::event::Schedule;
use crate::event::format::{Times, WhenText, when_text};
use crate::event::groups::{Grouping, Heading, groups};
use crate::i18n::Localizer;
use crate::site::Site;

/// A link to a person, with their role.
#[derive(Serialize)]
pub struct PersonLink<'a> {
    /// Id.
    pub id: &'a str,
    /// Their page.
    pub href: String,
    /// Name.
    pub name: Text<'a>,
    /// Role.
    pub role: Option<Text<'a>>,
    /// Photo.
    pub photo: Option<PictureView<'a>>,
}

/// A link to an organization, a track or a format.
#[derive(Serialize)]
pub struct Link<'a> {
    /// Id.
    pub id: &'a str,
    /// Its page (or anchor).
    pub href: String,
    /// Name.
    pub name: Text<'a>,
    /// Acronym, for organizations.
    pub acronym: Option<Text<'a>>,
    /// Logo, for organizations.
    pub logo: Option<PictureView<'a>>,
}

/// A session as listed in the schedule and on other pages.
#[derive(Serialize)]
pub struct SessionCard<'a> {
    /// Id.
    pub id: &'a str,
    /// Its page.
    pub href: String,
    /// Title.
    pub title: Text<'a>,
    /// Its track, linking to the schedule by track.
    pub track: Option<Link<'a>>,
    /// Its format.
    pub format: Option<Text<'a>>,
    /// Date and time in words.
    pub when: WhenText,
    /// Speakers.
    pub people: Vec<PersonLink<'a>>,
    /// Organizations.
    pub organizations: Vec<Link<'a>>,
    /// Where it is held, if in a place.
    pub room: Option<Text<'a>>,
    /// The id of its room in `rooms.yaml`, when it names one.
    pub room_id: Option<&'a str>,
    /// The id of its format.
    pub format_id: Option<&'a str>,
}

/// A person's link, from their id.
pub fn person_link<'a>(site: &'a Site, cx: &LangCtx, id: &'a str) -> Option<PersonLink<'a>> {
    let p = site.data.person(id)?;
    Some(PersonLink {
        id,
        href: cx.urls.person(id),
        name: cx.text(&p.name),
        role: p.role.as_ref().map(|r| cx.text(r)),
        photo: cx.picture(site, p.photo.as_deref(), p.photo_alt.as_ref(), &p.name),
    })
}

/// An organization's link, from its id.
pub fn organization_link<'a>(site: &'a Site, cx: &LangCtx, id: &'a str) -> Option<Link<'a>> {
    let o = site.data.organization(id)?;
    Some(Link {
        id,
        href: cx.urls.organization(id),
        name: cx.text(&o.name),
        acronym: o.acronym.as_ref().map(|a| cx.text(a)),
        logo: cx.picture(site, o.logo.as_deref(), o.logo_alt.as_ref(), &o.name),
    })
}

/// The card of session `s`.
pub fn session_card<'a>(
    site: &'a Site,
    localizer: &Localizer,
    times: &Times,
    cx: &LangCtx,
    s: &'a Session,
) -> Result<SessionCard<'a>, Diagnostic> {
    let data = &site.data;
    let track = s
        .track
        .as_deref()
        .and_then(|t| data.tracks.iter().find(|x| x.id == t))
        .map(|t| Link {
            id: &t.id,
            href: format!("{}#track-{}", cx.urls.schedule_by_track(), t.id),
            name: cx.text(&t.name),
            acronym: None,
            logo: None,
        });
    let format = s
        .format
        .as_deref()
        .and_then(|f| data.formats.iter().find(|x| x.id == f))
        .map(|f| cx.text(&f.name));
    Ok(SessionCard {
        id: &s.id,
        href: cx.urls.session(&s.id),
        title: cx.text(&s.title),
        room: s.room.as_ref().map(|r| cx.text(r)),
        room_id: s.room_id.as_deref(),
        format_id: s.format.as_deref().filter(|_| format.is_some()),
        track,
        format,
        when: when_text(localizer, times, cx.lang, &s.when)?,
        people: s
            .people
            .iter()
            .filter_map(|p| person_link(site, cx, p))
            .collect(),
        organizations: s
            .organizations
            .iter()
            .filter_map(|o| organization_link(site, cx, o))
            .collect(),
    })
}

/// A day of the schedule.
#[derive(Serialize)]
pub struct DayView<'a> {
    /// ISO date, also the heading's id (`day-2021-05-18`).
    pub date: String,
    /// The date with its weekday.
    pub display: String,
    /// The sessions of the day, as cards.
    pub sessions: Vec<tera::Value>,
    /// The schedule by day: the day as a timetable of rooms (or tracks) and times.
    pub timetable: Option<super::timetable_view::TimetableView<'a>>,
}

/// The sessions of a track (or room, or format), by day.
#[derive(Serialize)]
pub struct TrackGroup<'a> {
    /// Its id; `None` for the sessions in none.
    pub id: Option<&'a str>,
    /// The id of its heading: `track-<id>` (`room-<id>`, `format-<id>`), or `no-track`
    /// (`no-room`, `no-format`).
    pub anchor: String,
    /// Its name; `None` for the sessions in none.
    pub name: Option<Text<'a>>,
    /// Its days.
    pub days: Vec<DayView<'a>>,
}

/// A choice of the schedule's filter: a day, a track, a room or a format.
#[derive(Serialize)]
pub struct FilterOption<'a> {
    /// The value in the URL's query (`?room=hall`) and in the cards' `data-room`.
    pub value: String,
    /// Where its sessions are without the script: a day's heading, a group of the
    /// schedule by track, room or format.
    pub href: String,
    /// Its name (tracks, rooms, formats).
    pub name: Option<Text<'a>>,
    /// Its label (days: the date with its weekday).
    pub label: Option<String>,
}

/// What the schedule by day can be filtered by; a list is empty when the programme has
/// no such thing.
#[derive(Serialize)]
pub struct FilterView<'a> {
    /// Days.
    pub days: Vec<FilterOption<'a>>,
    /// Tracks.
    pub tracks: Vec<FilterOption<'a>>,
    /// Rooms of `rooms.yaml`.
    pub rooms: Vec<FilterOption<'a>>,
    /// Formats.
    pub formats: Vec<FilterOption<'a>>,
}

/// The links to the programme in the schedule exchange format.
#[derive(Serialize)]
pub struct ExchangeLinks {
    /// `schedule.xml`.
    pub xml: String,
    /// `schedule.json`.
    pub json: String,
}

/// The schedule page.
#[derive(Serialize)]
pub struct ScheduleView<'a> {
    /// `day`, `track`, `room` or `format`.
    pub by: &'static str,
    /// The schedule by day.
    pub by_day_href: String,
    /// The schedule by track.
    pub by_track_href: String,
    /// The schedule by room, when sessions have rooms.
    pub by_room_href: Option<String>,
    /// The schedule by format, when sessions have formats.
    pub by_format_href: Option<String>,
    /// The programme's calendar.
    pub ics: String,
    /// The programme for schedule apps: `schedule.xml` and `schedule.json`.
    pub exchange: ExchangeLinks,
    /// By day: every day.
    pub days: Vec<DayView<'a>>,
    /// By track, room or format: every group with sessions, then the sessions in
    /// none.
    pub groups: Vec<TrackGroup<'a>>,
    /// By track: the same groups as `groups` (the name of earlier versions).
    pub tracks: Vec<TrackGroup<'a>>,
    /// By day: what the sessions can be filtered by.
    pub filters: Option<FilterView<'a>>,
}

/// Groups sessions (indexes, in time order) by day, with their cards.
pub fn days_of<'a>(
    site: &'a Site,
    localizer: &Localizer,
    lang: &str,
    card: &CardOf,
    sessions: impl Iterator<Item = usize>,
) -> Vec<DayView<'a>> {
    crate::event::days_of(&site.data, sessions)
        .into_iter()
        .map(|day| DayView {
            date: day.date.iso(),
            display: localizer.dates.with_weekday(lang, day.date),
            sessions: day
                .sessions
                .iter()
                .map(|&i| card(i, Some(day.date)))
                .collect(),
            timetable: None,
        })
        .collect()
}

/// The schedule, by day (`by` is `None`) or grouped by track, room or format.
// The programme's parts come one by one, from `cards::Shared`, which itself depends on
// this module's cards.
#[allow(clippy::too_many_arguments)]
pub fn schedule<'a>(
    site: &'a Site,
    localizer: &Localizer,
    times: &Times,
    cx: &LangCtx,
    schedule: &Schedule,
    timetables: &[crate::event::timetable::Timetable],
    card: &CardOf,
    by: Option<Grouping>,
) -> ScheduleView<'a> {
    let data = &site.data;
    let mut view = ScheduleView {
        by: by.map_or("day", grouping_name),
        by_day_href: cx.urls.schedule(),
        by_track_href: cx.urls.schedule_by_track(),
        by_room_href: Grouping::Room
            .used(data)
            .then(|| cx.urls.schedule_by(grouping_name(Grouping::Room))),
        by_format_href: Grouping::Format
            .used(data)
            .then(|| cx.urls.schedule_by(grouping_name(Grouping::Format))),
        ics: cx.urls.programme_ics(),
        exchange: ExchangeLinks {
            xml: cx.urls.exchange_xml(),
            json: cx.urls.exchange_json(),
        },
        days: Vec::new(),
        groups: Vec::new(),
        tracks: Vec::new(),
        filters: None,
    };
    let Some(grouping) = by else {
        view.days = days_of(
            site,
            localizer,
            cx.lang,
            card,
            schedule.order.iter().copied(),
        );
        for ((day, table), date) in view
            .days
            .iter_mut()
            .zip(timetables)
            .zip(schedule.days.iter().map(|d| d.date))
        {
            let card_on = |i: usize| card(i, Some(date));
            day.timetable = Some(super::timetable_view::timetable(
                site, localizer, times, cx, table, &card_on,
            ));
        }
        view.filters = Some(filters(site, cx, &view.days));
        return view;
    };
    let name = grouping_name(grouping);
    let make_groups = || -> Vec<TrackGroup<'a>> {
        groups(data, grouping, schedule.order.iter().copied())
            .into_iter()
            .map(|(heading, sessions)| {
                let (id, text) = super::timetable_view::heading(site, cx, &heading);
                let anchor = match (&heading, id) {
                    (_, Some(id)) => format!("{name}-{id}"),
                    (Heading::NamedRoom(i), None) => format!("{name}-{i}"),
                    _ => format!("no-{name}"),
                };
                TrackGroup {
                    id,
                    anchor,
                    name: text,
                    days: days_of(site, localizer, cx.lang, card, sessions.into_iter()),
                }
            })
            .collect()
    };
    view.groups = make_groups();
    if grouping == Grouping::Track {
        view.tracks = make_groups();
    }
    view
}

/// The word for a grouping in URLs, anchors, query strings and `schedule.by`.
pub fn grouping_name(grouping: Grouping) -> &'static str {
    match grouping {
        Grouping::Room => "room",
        Grouping::Track => "track",
        Grouping::Format => "format",
    }
}

/// The filter of the schedule by day: its days, and the tracks, rooms and formats that
/// have sessions, each linking to where its sessions are without the script.
fn filters<'a>(site: &'a Site, cx: &LangCtx, days: &[DayView<'a>]) -> FilterView<'a> {
    let data = &site.data;
    let options = |grouping: Grouping| -> Vec<FilterOption<'a>> {
        let name = grouping_name(grouping);
        groups(data, grouping, 0..data.sessions.len())
            .into_iter()
            .filter_map(|(heading, _)| {
                let (id, text) = super::timetable_view::heading(site, cx, &heading);
                let value = id?;
                Some(FilterOption {
                    value: value.to_string(),
                    href: format!("{}#{name}-{value}", cx.urls.schedule_by(name)),
                    name: text,
                    label: None,
                })
            })
            .collect()
    };
    FilterView {
        days: days
            .iter()
            .map(|d| FilterOption {
                value: d.date.clone(),
                href: format!("#day-{}", d.date),
                name: None,
                label: Some(d.display.clone()),
            })
            .collect(),
        tracks: options(Grouping::Track),
        rooms: options(Grouping::Room),
        formats: options(Grouping::Format),
    }
}

/// A language named in the page's language (`interpretation` lists).
#[derive(Serialize)]
pub struct LanguageName {
    /// Code.
    pub code: String,
    /// Name, from Fluent's `language-<code>`.
    pub name: String,
}

/// `when` as the dates of Google Calendar's event template (`start/end`, end exclusive).
pub fn google_dates(when: &When) -> String {
    match when {
        When::Timed { start, end, .. } => format!("{}/{}", start.ical_utc(), end.ical_utc()),
        When::AllDay { first, last } => {
            let compact = |d: crate::content::PageDate| d.iso().replace('-', "");
            format!(
                "{}/{}",
                compact(*first),
                compact(crate::zone::next_day(*last))
            )
        }
    }
}

/// Percent-encodes a query value (everything but RFC 3986's unreserved characters).
pub fn query_encode(text: &str) -> String {
    /// Every byte but the letters, digits and RFC 3986's unreserved `-_.~`.
    const RESERVED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    percent_encoding::utf8_percent_encode(text, RESERVED).to_string()
}
