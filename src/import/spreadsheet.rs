//! Sessions from a CSV spreadsheet with a header row (RFC 4180, read by the `csv`
//! crate). The columns, in any order (see `docs/schedule-exchange.md`):
//!
//! | column | |
//! |---|---|
//! | `id` | optional; else made from the title |
//! | `day` | `2024-06-10` (required) |
//! | `last_day` | for sessions of whole days: the last one |
//! | `start`, `end` | `09:00`; an end before the start is on the next day; both empty: a whole day |
//! | `duration` | instead of `end`: `01:30` or minutes |
//! | `time_zone` | IANA zone, when not the event's |
//! | `room`, `room.<lang>` | room name |
//! | `track` | track id or name |
//! | `type` | a format's name |
//! | `title`, `title.<lang>` | title (one at least) |
//! | `description`, `description.<lang>` | |
//! | `speakers` | names separated by `;` |
//! | `stream`, `registration` | links |
//!
//! A column without `.<lang>` holds the language of `--lang`, else the site's default.

use std::path::Path;

use super::Context;
use super::incoming::{InSession, InTime, Incoming, Named, Texts, clock, minutes};
use crate::content::PageDate;
use crate::error::Diagnostic;
use crate::zone::{Zone, next_day};

/// Reads the spreadsheet in `text`.
pub fn read(file: &Path, text: &str, cx: &Context) -> Result<Incoming, Vec<Diagnostic>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| vec![csv_error(file, text, &e)])?
        .clone();
    let lang = cx.text_lang(None);
    let known = [
        "id",
        "day",
        "last_day",
        "start",
        "end",
        "duration",
        "time_zone",
        "room",
        "track",
        "type",
        "title",
        "description",
        "speakers",
        "stream",
        "registration",
    ];
    for h in &headers {
        let (base, l) = h.split_once('.').map_or((h, None), |(b, l)| (b, Some(l)));
        let ok = known.contains(&base)
            && l.is_none_or(|l| {
                ["room", "title", "description"].contains(&base)
                    && cx.languages.iter().any(|x| x == l)
            });
        if !ok {
            return Err(vec![Diagnostic::error(file, format!("unknown column `{h}`")).at(text, 1, 1).hint(format!(
                "the columns are {}; `title`, `room` and `description` may take a language of the site (`title.{}`)",
                known.join(", "), cx.languages.first().map_or("en", String::as_str)
            ))]);
        }
    }
    if !headers.iter().any(|h| h == "day")
        || !headers
            .iter()
            .any(|h| h == "title" || h.starts_with("title."))
    {
        return Err(vec![
            Diagnostic::error(
                file,
                "the header needs a `day` column and a `title` or `title.<lang>` column",
            )
            .at(text, 1, 1),
        ]);
    }
    let mut errors = Vec::new();
    let mut sessions = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(csv_error(file, text, &e));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        let get = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .and_then(|i| record.get(i))
                .filter(|v| !v.is_empty())
        };
        let texts = |base: &str| -> Texts {
            headers
                .iter()
                .zip(record.iter())
                .filter(|(_, v)| !v.is_empty())
                .filter_map(|(h, v)| match h.split_once('.') {
                    Some((b, l)) if b == base => Some((l.to_string(), v.to_string())),
                    None if h == base => Some((lang.clone(), v.to_string())),
                    _ => None,
                })
                .collect()
        };
        let bad = |column: &str, message: String| {
            let col = headers
                .iter()
                .position(|h| h == column)
                .map_or(1, |i| i + 1);
            Diagnostic::error(file, format!("line {line}, column `{column}`: {message}"))
                .at(text, line, 1)
                .hint(format!("column {col} of the header"))
        };
        match row(&get, &bad) {
            Ok(time) => {
                let title = texts("title");
                if title.is_empty() {
                    errors.push(bad("title", "a session needs a title".into()));
                    continue;
                }
                sessions.push(InSession {
                    place: format!("line {line}"),
                    id: get("id").map(str::to_string),
                    title,
                    description: texts("description"),
                    track: get("track").map(|t| Named {
                        id: Some(t.to_string())
                            .filter(|t| crate::slug::check_segment(t).is_ok() && !t.contains(' ')),
                        name: Texts::from([(lang.clone(), t.to_string())]),
                        guid: None,
                    }),
                    kind: get("type").map(str::to_string),
                    time,
                    room: Some(texts("room")).filter(|r| !r.is_empty()),
                    people: get("speakers")
                        .map(|s| {
                            s.split(';')
                                .map(str::trim)
                                .filter(|n| !n.is_empty())
                                .map(|n| Named {
                                    id: None,
                                    name: Texts::from([(lang.clone(), n.to_string())]),
                                    guid: None,
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                    stream: get("stream").map(str::to_string),
                    registration: get("registration").map(str::to_string),
                });
            }
            Err(d) => errors.push(d),
        }
    }
    if errors.is_empty() {
        Ok(Incoming { sessions })
    } else {
        Err(errors)
    }
}

/// The time of one row.
fn row<'r>(
    get: &dyn Fn(&str) -> Option<&'r str>,
    bad: &dyn Fn(&str, String) -> Diagnostic,
) -> Result<InTime, Diagnostic> {
    let day_text =
        get("day").ok_or_else(|| bad("day", "a session needs a day (2024-06-10)".into()))?;
    let day = date(day_text).ok_or_else(|| {
        bad(
            "day",
            format!("`{day_text}` is not a date, expected YYYY-MM-DD"),
        )
    })?;
    let zone = match get("time_zone") {
        Some(z) => Some(Zone::get(z).ok_or_else(|| {
            bad(
                "time_zone",
                format!("`{z}` is no IANA time zone (Europe/Zurich)"),
            )
        })?),
        None => None,
    };
    let Some(start_text) = get("start") else {
        let last = match get("last_day") {
            Some(t) => date(t).filter(|l| *l >= day).ok_or_else(|| {
                bad(
                    "last_day",
                    format!("`{t}` is not a date on or after the day"),
                )
            })?,
            None => day,
        };
        return Ok(InTime::AllDay { first: day, last });
    };
    let start = clock(start_text).ok_or_else(|| {
        bad(
            "start",
            format!("`{start_text}` is not a time, expected HH:MM"),
        )
    })?;
    let end = match (get("end"), get("duration")) {
        (Some(e), _) => {
            let (h, m) = clock(e)
                .ok_or_else(|| bad("end", format!("`{e}` is not a time, expected HH:MM")))?;
            let d = if (h, m) <= start { next_day(day) } else { day };
            (d, h, m)
        }
        (None, Some(d)) => {
            let total = minutes(d).filter(|m| *m > 0).ok_or_else(|| {
                bad(
                    "duration",
                    format!("`{d}` is not a duration, expected HH:MM or minutes"),
                )
            })?;
            let mut end_day = day;
            let mut at = i64::from(start.0) * 60 + i64::from(start.1) + total;
            while at >= 24 * 60 {
                at -= 24 * 60;
                end_day = next_day(end_day);
            }
            (end_day, (at / 60) as u8, (at % 60) as u8)
        }
        (None, None) => {
            return Err(bad(
                "end",
                "a timed session needs an `end` or a `duration`".into(),
            ));
        }
    };
    Ok(InTime::Local {
        date: day,
        start,
        end,
        zone,
    })
}

fn date(text: &str) -> Option<PageDate> {
    PageDate::parse(text).filter(|_| text.trim().len() == 10)
}

fn csv_error(file: &Path, text: &str, e: &csv::Error) -> Diagnostic {
    let d = Diagnostic::error(file, format!("not a valid CSV file: {e}"));
    match e.position() {
        Some(p) => d.at(text, p.line() as usize, 1),
        None => d,
    }
    .hint("the first line names the columns; every line has as many fields as the header")
}
