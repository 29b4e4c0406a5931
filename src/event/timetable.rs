//! A day of the programme as a timetable: rooms (or tracks) across, time down, each
//! session in its column from the row of its start over as many rows as it lasts.
//!
//! The layout is the same in every language, so it is computed once per build; the
//! schedule page fills it with session cards. Parallel sessions in one column (two
//! sessions of a track at once) get a lane each, so that nothing overlaps. Sessions of
//! whole days and sessions over several days are not in the grid: they are listed above
//! it, on every day they span.

use super::groups::{Grouping, Heading, rank};
use crate::content::PageDate;
use crate::data::{EventData, Session, When};
use crate::zone::{Instant, Zone};

/// A column: a room or a track, with as many lanes as it has sessions at once.
#[derive(Debug, Clone)]
pub struct Column {
    /// What it holds.
    pub heading: Heading,
    /// Lanes side by side, at least one.
    pub lanes: usize,
}

/// A cell of a row, in column and lane order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// A session starting in this row, over `rows` rows.
    Session { session: usize, rows: usize },
    /// A lane with nothing at this time.
    Empty,
}

/// A row: one slot of time.
#[derive(Debug, Clone)]
pub struct Row {
    /// When the slot starts.
    pub start: Instant,
    /// Whether a session starts in it (its time is shown).
    pub labelled: bool,
    /// The cells that start in this row: lanes that a longer session above covers have
    /// none.
    pub cells: Vec<Cell>,
}

/// One day as a timetable.
#[derive(Debug, Clone)]
pub struct Timetable {
    /// Sessions listed above the grid: whole days, and sessions over several days.
    pub spanning: Vec<usize>,
    /// What the columns are: rooms, tracks, or none (one column).
    pub by: Option<Grouping>,
    /// Columns, in the order of `rooms.yaml` (or `tracks.yaml`), then `Other`.
    pub columns: Vec<Column>,
    /// Length of a row, in minutes: 60, 30, 15, 10 or 5.
    pub slot: u32,
    /// The zone the rows' times are written in: the first session's.
    pub zone: Option<Zone>,
    /// Rows, from the first start to the last end; empty when no session is timed.
    pub rows: Vec<Row>,
}

/// A session's place in the grid.
struct Placed {
    /// Its index in `EventData::sessions`.
    session: usize,
    column: usize,
    lane: usize,
    /// The row it starts in.
    top: usize,
    /// The rows it spans.
    rows: usize,
}

/// Row lengths tried, longest first: the longest on which every start and end falls.
const SLOTS: [u32; 5] = [60, 30, 15, 10, 5];

/// The timetable of `date`, whose sessions (in time order) are `sessions`.
pub fn timetable(data: &EventData, date: PageDate, sessions: &[usize]) -> Timetable {
    let (timed, spanning): (Vec<usize>, Vec<usize>) = sessions
        .iter()
        .partition(|&&i| in_grid(&data.sessions[i], date));
    let zone = timed.first().and_then(|&i| match &data.sessions[i].when {
        When::Timed { zone, .. } => Some(zone.clone()),
        When::AllDay { .. } => None,
    });
    let Some(zone) = zone else {
        return Timetable {
            spanning,
            by: None,
            columns: Vec::new(),
            slot: 60,
            zone: None,
            rows: Vec::new(),
        };
    };
    let bounds: Vec<(usize, Instant, Instant)> = timed
        .iter()
        .filter_map(|&i| match data.sessions[i].when {
            When::Timed { start, end, .. } => Some((i, start, end)),
            When::AllDay { .. } => None,
        })
        .collect();
    let minute_of_day = |t: Instant| {
        let local = zone.local(t);
        u32::from(local.hour) * 60 + u32::from(local.minute)
    };
    let slot = SLOTS
        .into_iter()
        .find(|&slot| {
            bounds
                .iter()
                .all(|&(_, s, e)| minute_of_day(s) % slot == 0 && minute_of_day(e) % slot == 0)
        })
        .unwrap_or(5);
    let first = bounds.iter().map(|b| b.1).min().expect("a timed session");
    let first = first
        .plus_minutes(-i64::from(minute_of_day(first) % slot))
        .unwrap_or(first);
    let last = bounds.iter().map(|b| b.2).max().expect("a timed session");
    let step = i64::from(slot) * 60;
    let row_of = |t: Instant| (t.unix_seconds() - first.unix_seconds()) / step;
    let row_count = (last.unix_seconds() - first.unix_seconds() + step - 1) / step;

    // Columns, then lanes within each column.
    let grouping = [Grouping::Room, Grouping::Track]
        .into_iter()
        .find(|g| timed.iter().any(|&i| g.heading(data, i) != Heading::Other));
    let key = |i| grouping.map_or(Heading::Other, |g| g.heading(data, i));
    let mut columns: Vec<Column> = Vec::new();
    let mut placed: Vec<Placed> = Vec::new();
    let mut lane_ends: Vec<Vec<i64>> = Vec::new();
    let mut order: Vec<(usize, Heading, i64, i64)> = bounds
        .iter()
        .map(|&(i, s, e)| {
            let top = row_of(s);
            let bottom = (e.unix_seconds() - first.unix_seconds() + step - 1) / step;
            (i, key(i), top, bottom.max(top + 1))
        })
        .collect();
    order.sort_by_key(|(_, heading, top, _)| (rank(heading), *top));
    for (i, heading, top, bottom) in order {
        let column = match columns.iter().position(|c| c.heading == heading) {
            Some(c) => c,
            None => {
                columns.push(Column { heading, lanes: 0 });
                lane_ends.push(Vec::new());
                columns.len() - 1
            }
        };
        let ends = &mut lane_ends[column];
        let lane = match ends.iter().position(|&end| end <= top) {
            Some(lane) => lane,
            None => {
                ends.push(0);
                ends.len() - 1
            }
        };
        ends[lane] = bottom;
        columns[column].lanes = ends.len();
        placed.push(Placed {
            session: i,
            column,
            lane,
            top: top as usize,
            rows: (bottom - top) as usize,
        });
    }

    // Rows: a cell per lane, except where a session above still runs.
    let lanes: Vec<(usize, usize)> = columns
        .iter()
        .enumerate()
        .flat_map(|(c, column)| (0..column.lanes).map(move |l| (c, l)))
        .collect();
    let mut covered_until = vec![0usize; lanes.len()];
    let rows = (0..row_count.max(1) as usize)
        .map(|r| {
            let mut labelled = false;
            let mut cells = Vec::new();
            for (k, &(c, l)) in lanes.iter().enumerate() {
                if let Some(p) = placed
                    .iter()
                    .find(|p| p.column == c && p.lane == l && p.top == r)
                {
                    labelled = true;
                    covered_until[k] = r + p.rows;
                    cells.push(Cell::Session {
                        session: p.session,
                        rows: p.rows,
                    });
                } else if covered_until[k] <= r {
                    cells.push(Cell::Empty);
                }
            }
            Row {
                start: first
                    .plus_minutes(r as i64 * i64::from(slot))
                    .unwrap_or(first),
                labelled,
                cells,
            }
        })
        .collect();
    Timetable {
        spanning,
        by: grouping,
        columns,
        slot,
        zone: Some(zone),
        rows,
    }
}

/// Whether session `s` is in the grid of `date`: timed, on that one day.
fn in_grid(s: &Session, date: PageDate) -> bool {
    matches!(s.when, When::Timed { .. }) && s.when.days() == [date]
}
