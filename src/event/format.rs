//! Session times in words, per language: CLDR ranges and zone names, in Fluent sentences.
//!
//! [`Times`] formats times of day, time ranges (CLDR's interval formats) and zone names
//! (CLDR's); [`crate::i18n::dates`] formats dates and date ranges. Fluent messages of
//! `locales/<lang>/event.ftl` only word what surrounds them: the optional `time-range`
//! (a language's own connector, `{ $start }至{ $end }`), `time-range-later` (the mark of
//! a session that ends on a later day, `23:30–00:30 (+1 day)`) and `session-zone`
//! (`CEST (GMT+2)`), so no string is ever put together in code.

use std::sync::Mutex;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::content::PageDate;
use crate::data::When;
use crate::error::Diagnostic;
use crate::i18n::dates::{Precision, date_or_range, own_message};
use crate::i18n::intervals::Range;
use crate::i18n::messages::{SESSION_ZONE, SESSION_ZONE_OFFSET, TIME_RANGE, TIME_RANGE_LATER};
use crate::i18n::times::ZoneText;
use crate::i18n::{ArgValue, Localizer, MessageError, fluent_args};
use crate::zone::{Instant, Local, Zone};

/// CLDR's time formatters for every language, with the descriptions of session times
/// already made ([`when_text`]): a programme's sessions share their time slots, and a
/// build describes each session in its lists, its page and the search index.
pub struct Times {
    cldr: crate::i18n::times::Times,
    described: Mutex<FxHashMap<(String, WhenKey), WhenText>>,
}

/// What a [`WhenText`] is made from, besides the language.
#[derive(PartialEq, Eq, Hash)]
enum WhenKey {
    Timed(Instant, Instant, String),
    AllDay(PageDate, PageDate),
}

impl Times {
    /// The formatters of every language of the site.
    pub fn new(config: &crate::config::Config) -> Times {
        Times {
            cldr: crate::i18n::times::Times::new(config),
            described: Mutex::default(),
        }
    }
}

impl std::ops::Deref for Times {
    type Target = crate::i18n::times::Times;

    fn deref(&self) -> &Self::Target {
        &self.cldr
    }
}

/// When a session takes place, in one language's words and in machine-readable forms.
#[derive(Debug, Clone, Serialize)]
pub struct WhenText {
    /// Whole days rather than times.
    pub all_day: bool,
    /// The first day, ISO (`2021-05-18`): the day the session is listed under.
    pub day: String,
    /// The first day with its weekday (`Tuesday 18 May 2021`).
    pub day_display: String,
    /// All-day sessions: the dates (`17–21 May 2021`, or one date with its weekday).
    pub dates_display: Option<String>,
    /// Timed sessions: `13:00–13:30` (with the end's date when it is another day).
    pub time_display: Option<String>,
    /// Timed sessions: the zone and offset (`CEST (UTC+2)`).
    pub zone_display: Option<String>,
    /// Start: UTC RFC 3339 (`2021-05-18T11:00:00Z`), or the first day.
    pub start: String,
    /// End: UTC RFC 3339, or the last day.
    pub end: String,
    /// Start in the session's zone with its offset (`2021-05-18T13:00:00+02:00`), or the
    /// first day.
    pub start_local: String,
    /// End in the session's zone with its offset, or the last day.
    pub end_local: String,
    /// Timed sessions: the zone's offset at the start, in minutes east of UTC.
    pub offset_minutes: Option<i32>,
}

/// Describes `when` in `lang`.
pub fn when_text(
    localizer: &Localizer,
    times: &Times,
    lang: &str,
    when: &When,
) -> Result<WhenText, Diagnostic> {
    let key = match when {
        When::Timed { start, end, zone } => WhenKey::Timed(*start, *end, zone.name().to_string()),
        When::AllDay { first, last } => WhenKey::AllDay(*first, *last),
    };
    let key = (lang.to_string(), key);
    let described = || times.described.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(text) = described().get(&key) {
        return Ok(text.clone());
    }
    let text = describe(localizer, times, lang, when)?;
    described().insert(key, text.clone());
    Ok(text)
}

fn describe(
    localizer: &Localizer,
    times: &Times,
    lang: &str,
    when: &When,
) -> Result<WhenText, Diagnostic> {
    let dates = &localizer.dates;
    match when {
        When::AllDay { first, last } => Ok(WhenText {
            all_day: true,
            day: first.iso(),
            day_display: dates.with_weekday(lang, *first),
            dates_display: Some(date_range(localizer, lang, *first, *last)?),
            time_display: None,
            zone_display: None,
            start: first.iso(),
            end: last.iso(),
            start_local: first.iso(),
            end_local: last.iso(),
            offset_minutes: None,
        }),
        When::Timed { start, end, zone } => {
            let (s, e) = (zone.local(*start), zone.local(*end));
            Ok(WhenText {
                all_day: false,
                day: s.date.iso(),
                day_display: dates.with_weekday(lang, s.date),
                dates_display: None,
                time_display: Some(time_range(localizer, times, lang, &s, &e)?),
                zone_display: Some(zone_text(localizer, times, lang, zone, *start, &s)?),
                start: start.rfc3339_utc(),
                end: end.rfc3339_utc(),
                start_local: s.iso_with_offset(),
                end_local: e.iso_with_offset(),
                offset_minutes: Some(s.offset_seconds / 60),
            })
        }
    }
}

/// `13:00–13:30` by CLDR, in the language's `time-range` if it has one; a session that
/// ends on a later day gets `time-range-later`'s mark (`23:30–00:30 (+1 day)`).
fn time_range(
    localizer: &Localizer,
    times: &Times,
    lang: &str,
    s: &Local,
    e: &Local,
) -> Result<String, Diagnostic> {
    let range = match times.range(lang, (s.hour, s.minute), (e.hour, e.minute)) {
        Some(range) => worded_time_range(localizer, lang, &range)?,
        None => times.hm(lang, s.hour, s.minute),
    };
    let days = days_between(s.date, e.date);
    if days == 0 {
        return Ok(range);
    }
    let args = fluent_args([
        ("range", ArgValue::Text(range)),
        ("days", ArgValue::Number(days as f64)),
    ]);
    localizer
        .format(lang, TIME_RANGE_LATER.id, Some(&args))
        .map_err(|e| message_error(lang, TIME_RANGE_LATER.id, e))
}

/// A CLDR time range inside the language's `time-range` message, or as CLDR writes it.
fn worded_time_range(
    localizer: &Localizer,
    lang: &str,
    range: &Range,
) -> Result<String, Diagnostic> {
    let args = fluent_args([
        ("start", ArgValue::Text(range.start.clone())),
        ("end", ArgValue::Text(range.end.clone())),
        ("range", ArgValue::Text(range.text.clone())),
    ]);
    match own_message(localizer, lang, TIME_RANGE.id, &args) {
        Err(MessageError::Missing) => Ok(range.text.clone()),
        other => other.map_err(|e| message_error(lang, TIME_RANGE.id, e)),
    }
}

/// Whole days from `a` to `b` (0 on the same day).
fn days_between(a: PageDate, b: PageDate) -> u32 {
    let mut day = a;
    let mut days = 0;
    while day < b && days < 366 {
        day = crate::zone::next_day(day);
        days += 1;
    }
    days
}

/// `CEST (GMT+2)` where the language has a name for the zone, else `GMT+2`.
/// The name and offset of `zone` at `at` (`CEST (UTC+2)`), in `lang`.
pub fn zone_at(
    localizer: &Localizer,
    times: &Times,
    lang: &str,
    zone: &Zone,
    at: Instant,
) -> Result<String, Diagnostic> {
    zone_text(localizer, times, lang, zone, at, &zone.local(at))
}

fn zone_text(
    localizer: &Localizer,
    times: &Times,
    lang: &str,
    zone: &Zone,
    at: Instant,
    local: &Local,
) -> Result<String, Diagnostic> {
    let text = times.zone(
        lang,
        zone.name(),
        at.unix_seconds(),
        local.offset_seconds,
        local.abbreviation.as_deref(),
    );
    let Some(ZoneText { name, offset }) = text else {
        return Ok(local.iso_with_offset());
    };
    if name == offset {
        message(
            localizer,
            lang,
            SESSION_ZONE_OFFSET.id,
            vec![("offset", offset)],
        )
    } else {
        message(
            localizer,
            lang,
            SESSION_ZONE.id,
            vec![("name", name), ("offset", offset)],
        )
    }
}

/// `17–21 May 2021`: CLDR's range in the language's `date-range` message, or one date
/// with its weekday.
pub fn date_range(
    localizer: &Localizer,
    lang: &str,
    first: PageDate,
    last: PageDate,
) -> Result<String, Diagnostic> {
    date_or_range(localizer, lang, first, Some(last), Precision::Day, true)
        .map_err(|e| message_error(lang, crate::i18n::dates::RANGE_MESSAGE, e))
}

/// A Fluent message with text arguments; a message missing everywhere is a diagnostic.
pub fn message(
    localizer: &Localizer,
    lang: &str,
    id: &str,
    args: Vec<(&str, String)>,
) -> Result<String, Diagnostic> {
    let args = fluent_args(args.into_iter().map(|(k, v)| (k, ArgValue::Text(v))));
    localizer
        .format(lang, id, Some(&args))
        .map_err(|e| message_error(lang, id, e))
}

fn message_error(lang: &str, id: &str, e: MessageError) -> Diagnostic {
    let MessageError::Missing = e;
    let why = "is missing in every language of its fallback chain";
    Diagnostic::error(
        std::path::Path::new("locales").join(lang),
        format!("Fluent message `{id}` {why}"),
    )
    .hint(format!("add `{id}` to locales/{lang}/event.ftl"))
}
