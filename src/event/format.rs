//! Session times in words, per language: CLDR pieces from ICU4X joined by Fluent.
//!
//! ICU4X formats each time of day (`13:00`) and each date (`Tuesday 18 May 2021`,
//! `2021年5月18日星期二`); Fluent messages of `locales/<lang>/` join them (`time-range`,
//! `time-range-days`) and word the zone (`session-zone`: `CEST (UTC+2)`), so no string
//! is ever put together in code. Programmes use a 24-hour clock in every language
//! (`-u-hc-h23`), Arabic included, with the digits of each language's CLDR locale.

use std::collections::HashMap;

use icu_datetime::fieldsets::T;
use icu_datetime::input::Time;
use icu_datetime::preferences::HourCycle;
use icu_datetime::{DateTimeFormatterPreferences, NoCalendarFormatter};
use serde::Serialize;

use crate::config::Config;
use crate::content::PageDate;
use crate::data::When;
use crate::error::Diagnostic;
use crate::i18n::{ArgValue, Localizer, fluent_args};
use crate::zone::Local;

/// Time-of-day formatters for every language of the site.
pub struct Times {
    by_lang: HashMap<String, NoCalendarFormatter<T>>,
}

impl Times {
    /// Builds one 24-hour formatter per language, from its CLDR locale.
    pub fn new(config: &Config) -> Times {
        let by_lang = config
            .languages
            .iter()
            .filter_map(|l| {
                let locale = icu_locale::Locale::try_from_str(&l.locale).ok()?;
                let mut prefs: DateTimeFormatterPreferences = (&locale).into();
                prefs.hour_cycle = Some(HourCycle::H23);
                Some((
                    l.code.clone(),
                    NoCalendarFormatter::try_new(prefs, T::hm()).ok()?,
                ))
            })
            .collect();
        Times { by_lang }
    }

    /// `13:00` in the language's digits.
    pub fn hm(&self, lang: &str, hour: u8, minute: u8) -> String {
        match (self.by_lang.get(lang), Time::try_new(hour, minute, 0, 0)) {
            (Some(f), Ok(t)) => f.format(&t).to_string(),
            _ => format!("{hour:02}:{minute:02}"),
        }
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
    let dates = &localizer.dates;
    match when {
        When::AllDay { first, last } => Ok(WhenText {
            all_day: true,
            day: first.iso(),
            day_display: dates.with_weekday(lang, *first),
            dates_display: Some(if first == last {
                dates.with_weekday(lang, *first)
            } else {
                date_range(localizer, lang, *first, *last)?
            }),
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
            let (start_time, end_time) = (
                times.hm(lang, s.hour, s.minute),
                times.hm(lang, e.hour, e.minute),
            );
            let time_display = if s.date == e.date {
                message(
                    localizer,
                    lang,
                    "time-range",
                    vec![("start", start_time), ("end", end_time)],
                )?
            } else {
                let end_date = dates.with_weekday(lang, e.date);
                message(
                    localizer,
                    lang,
                    "time-range-days",
                    vec![
                        ("start", start_time),
                        ("end", end_time),
                        ("endDate", end_date),
                    ],
                )?
            };
            Ok(WhenText {
                all_day: false,
                day: s.date.iso(),
                day_display: dates.with_weekday(lang, s.date),
                dates_display: None,
                time_display: Some(time_display),
                zone_display: Some(zone_text(localizer, lang, &s)?),
                start: start.rfc3339_utc(),
                end: end.rfc3339_utc(),
                start_local: s.iso_with_offset(),
                end_local: e.iso_with_offset(),
                offset_minutes: Some(s.offset_seconds / 60),
            })
        }
    }
}

/// `CEST (UTC+2)`, `UTC+4` (zones with no lettered abbreviation) or `UTC`.
fn zone_text(localizer: &Localizer, lang: &str, local: &Local) -> Result<String, Diagnostic> {
    let offset = local.offset_short();
    match (&local.abbreviation, offset.is_empty()) {
        (_, true) => message(localizer, lang, "session-zone-utc", vec![]),
        (Some(abbr), false) => message(
            localizer,
            lang,
            "session-zone",
            vec![("abbr", abbr.clone()), ("offset", offset)],
        ),
        (None, false) => message(
            localizer,
            lang,
            "session-zone-offset",
            vec![("offset", offset)],
        ),
    }
}

/// `17–21 May 2021`: ICU4X pieces joined by the language's `date-range-*` message.
pub fn date_range(
    localizer: &Localizer,
    lang: &str,
    first: PageDate,
    last: PageDate,
) -> Result<String, Diagnostic> {
    let pieces = localizer.dates.range_pieces(lang, first, last);
    message(
        localizer,
        lang,
        pieces.message,
        pieces.args.into_iter().collect(),
    )
}

/// A Fluent message with text arguments; a message missing everywhere is a diagnostic.
pub fn message(
    localizer: &Localizer,
    lang: &str,
    id: &str,
    args: Vec<(&str, String)>,
) -> Result<String, Diagnostic> {
    let args = fluent_args(args.into_iter().map(|(k, v)| (k, ArgValue::Text(v))));
    localizer.format(lang, id, Some(&args)).map_err(|e| {
        let why = match e {
            crate::i18n::MessageError::Missing => {
                "is missing in every language of its fallback chain".to_string()
            }
        };
        Diagnostic::error(
            std::path::Path::new("locales").join(lang),
            format!("Fluent message `{id}` {why}"),
        )
        .hint(format!("add `{id}` to locales/{lang}/event.ftl"))
    })
}
