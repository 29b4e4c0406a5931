//! The view of a day's timetable ([`crate::event::timetable`]) in one language: column
//! names, the times of the rows and the session cards in their cells.

use serde::Serialize;
use tera::Value;

use super::text::{LangCtx, Text};
use crate::event::format::{Times, zone_at};
use crate::event::groups::{Grouping, Heading};
use crate::event::timetable::{Cell, Timetable};
use crate::i18n::Localizer;
use crate::site::Site;

/// A day as a timetable (`day.timetable` in `schedule.html`).
#[derive(Serialize)]
pub struct TimetableView<'a> {
    /// Cards of the sessions listed above the grid: whole days, several days.
    pub spanning: Vec<Value>,
    /// What the columns are: `room`, `track` or `none` (one column).
    pub by: &'static str,
    /// Columns in order.
    pub columns: Vec<ColumnView<'a>>,
    /// The length of a row in minutes (a class of the table sets its height).
    pub slot: u32,
    /// The zone of the rows' times, with its offset.
    pub zone: Option<String>,
    /// Rows; empty when no session of the day is in the grid.
    pub rows: Vec<RowView>,
}

/// A column's heading.
#[derive(Serialize)]
pub struct ColumnView<'a> {
    /// The room or track id; none for the column of the rest.
    pub id: Option<&'a str>,
    /// Its name; none for the column of the rest.
    pub name: Option<Text<'a>>,
    /// Lanes side by side (the heading's `colspan`).
    pub lanes: usize,
}

/// A row of the timetable.
#[derive(Serialize)]
pub struct RowView {
    /// The time of day, when a session starts in this row.
    pub time: Option<String>,
    /// Its start, UTC RFC 3339.
    pub datetime: String,
    /// Its cells.
    pub cells: Vec<CellView>,
}

/// A cell: a session's card over `rows` rows, or nothing.
#[derive(Serialize)]
pub struct CellView {
    /// The session's card.
    pub session: Option<Value>,
    /// Rows it spans (the cell's `rowspan`).
    pub rows: usize,
}

/// The view of `table` in `cx.lang`; `card` gives the card of a session on its day.
pub fn timetable<'a>(
    site: &'a Site,
    localizer: &Localizer,
    times: &Times,
    cx: &LangCtx,
    table: &Timetable,
    card: &(dyn Fn(usize) -> Value + Sync),
) -> TimetableView<'a> {
    let by = match table.by {
        Some(Grouping::Room) => "room",
        Some(Grouping::Track) => "track",
        Some(Grouping::Format) => "format",
        None => "none",
    };
    let columns = table
        .columns
        .iter()
        .map(|c| {
            let (id, name) = heading(site, cx, &c.heading);
            ColumnView {
                id,
                name,
                lanes: c.lanes,
            }
        })
        .collect();
    let zone = table.zone.as_ref();
    let rows = table
        .rows
        .iter()
        .map(|row| RowView {
            time: zone.filter(|_| row.labelled).map(|z| {
                let local = z.local(row.start);
                times.hm(cx.lang, local.hour, local.minute)
            }),
            datetime: row.start.rfc3339_utc(),
            cells: row
                .cells
                .iter()
                .map(|cell| match *cell {
                    Cell::Session { session, rows } => CellView {
                        session: Some(card(session)),
                        rows,
                    },
                    Cell::Empty => CellView {
                        session: None,
                        rows: 1,
                    },
                })
                .collect(),
        })
        .collect();
    TimetableView {
        spanning: table.spanning.iter().map(|&i| card(i)).collect(),
        by,
        columns,
        slot: table.slot,
        zone: zone
            .zip(table.rows.first())
            .and_then(|(z, row)| zone_at(localizer, times, cx.lang, z, row.start).ok()),
        rows,
    }
}

/// The id and name of a group's heading in `cx.lang`; none for the group of the rest.
pub fn heading<'a>(
    site: &'a Site,
    cx: &LangCtx,
    heading: &Heading,
) -> (Option<&'a str>, Option<Text<'a>>) {
    let data = &site.data;
    match *heading {
        Heading::Room(r) => (Some(&*data.rooms[r].id), Some(cx.text(&data.rooms[r].name))),
        Heading::NamedRoom(s) => (None, data.sessions[s].room.as_ref().map(|n| cx.text(n))),
        Heading::Track(t) => (
            Some(&*data.tracks[t].id),
            Some(cx.text(&data.tracks[t].name)),
        ),
        Heading::Format(f) => (
            Some(&*data.formats[f].id),
            Some(cx.text(&data.formats[f].name)),
        ),
        Heading::Other => (None, None),
    }
}
