//! Time zones and instants: the one place that speaks `jiff`.
//!
//! Session times are written in the wall-clock time of an IANA zone
//! (`2021-05-18T13:00` in `Europe/Zurich`). [`Zone::instant`] turns such a time into an
//! [`Instant`], refusing wall-clock times that a daylight-saving change skips or
//! repeats; [`Zone::local`] goes back to the wall clock of any zone, with the offset and
//! abbreviation in force. The tz database is bundled into the binary, so two machines
//! with different system zone files build the same site.

use crate::date::{PageDate, push_two_digits};

/// An IANA time zone (`Europe/Zurich`).
#[derive(Clone, Debug)]
pub struct Zone {
    name: String,
    tz: jiff::tz::TimeZone,
}

/// A point in time, independent of any zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(jiff::Timestamp);

/// A wall-clock time in a zone, with the offset and abbreviation in force then.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Local {
    /// The calendar date.
    pub date: PageDate,
    /// Hour, 0–23.
    pub hour: u8,
    /// Minute, 0–59.
    pub minute: u8,
    /// Offset from UTC in seconds (7200 for CEST).
    pub offset_seconds: i32,
    /// The tz database's abbreviation (`CEST`), or `None` where the database has only a
    /// numeric one (`+04`).
    pub abbreviation: Option<String>,
}

/// Why a wall-clock time has no single instant in a zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    /// The clocks jump over it (spring forward).
    Skipped,
    /// The clocks pass it twice (fall back).
    Repeated,
}

impl Zone {
    /// The zone of the bundled tz database with this name, if there is one.
    pub fn get(name: &str) -> Option<Zone> {
        // `jiff` also accepts POSIX TZ strings and fixed offsets; a site names zones.
        if !name.contains('/') && name != "UTC" {
            return None;
        }
        let tz = jiff::tz::db().get(name).ok()?;
        Some(Zone {
            name: tz.iana_name().unwrap_or(name).to_string(),
            tz,
        })
    }

    /// The zone's IANA name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The instant when the clocks of this zone show `date` `hour`:`minute`.
    pub fn instant(&self, date: PageDate, hour: u8, minute: u8) -> Result<Instant, Gap> {
        let civil = civil(date, hour, minute).ok_or(Gap::Skipped)?;
        let ambiguous = self.tz.to_ambiguous_timestamp(civil);
        if ambiguous.is_ambiguous() {
            let repeated = matches!(ambiguous.offset(), jiff::tz::AmbiguousOffset::Fold { .. });
            return Err(if repeated {
                Gap::Repeated
            } else {
                Gap::Skipped
            });
        }
        ambiguous
            .unambiguous()
            .map(Instant)
            .map_err(|_| Gap::Skipped)
    }

    /// What the clocks of this zone show at `instant`.
    pub fn local(&self, instant: Instant) -> Local {
        let info = self.tz.to_offset_info(instant.0);
        let dt = info.offset().to_datetime(instant.0);
        let abbreviation = info.abbreviation();
        let named = abbreviation.chars().all(|c| c.is_ascii_alphabetic());
        Local {
            date: PageDate {
                year: i32::from(dt.year()),
                month: dt.month() as u8,
                day: dt.day() as u8,
            },
            hour: dt.hour() as u8,
            minute: dt.minute() as u8,
            offset_seconds: info.offset().seconds(),
            abbreviation: named.then(|| abbreviation.to_string()),
        }
    }
}

impl Instant {
    /// An RFC 3339 date and time with its offset (`2021-05-18T13:00:00+02:00`, or `Z`):
    /// the instant and the offset in seconds. Other text gives `None`.
    pub fn parse_with_offset(text: &str) -> Option<(Instant, i32)> {
        let pieces = jiff::fmt::temporal::Pieces::parse(text.trim()).ok()?;
        let offset = match pieces.offset()? {
            jiff::fmt::temporal::PiecesOffset::Zulu => 0,
            jiff::fmt::temporal::PiecesOffset::Numeric(n) => n.offset().seconds(),
            _ => return None,
        };
        let timestamp: jiff::Timestamp = text.trim().parse().ok()?;
        Some((Instant(timestamp), offset))
    }

    /// The wall clock at a fixed `offset` (seconds east of UTC).
    pub fn at_offset(self, offset: i32) -> Local {
        let fixed = jiff::tz::Offset::from_seconds(offset).unwrap_or(jiff::tz::Offset::UTC);
        let dt = fixed.to_datetime(self.0);
        Local {
            date: PageDate {
                year: i32::from(dt.year()),
                month: dt.month() as u8,
                day: dt.day() as u8,
            },
            hour: dt.hour() as u8,
            minute: dt.minute() as u8,
            offset_seconds: fixed.seconds(),
            abbreviation: None,
        }
    }

    /// The instant `minutes` later.
    pub fn plus_minutes(self, minutes: i64) -> Option<Instant> {
        self.0
            .checked_add(jiff::SignedDuration::from_mins(minutes))
            .ok()
            .map(Instant)
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    pub fn unix_seconds(self) -> i64 {
        self.0.as_second()
    }

    /// UTC in the compact form of iCalendar (`20210518T110000Z`).
    pub fn ical_utc(self) -> String {
        self.0.strftime("%Y%m%dT%H%M%SZ").to_string()
    }

    /// UTC in RFC 3339 (`2021-05-18T11:00:00Z`), for `datetime` attributes and scripts.
    pub fn rfc3339_utc(self) -> String {
        self.0.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
    }
}

impl Local {
    /// ISO 8601 with the offset (`2021-05-18T13:00:00+02:00`), as schema.org wants it.
    pub fn iso_with_offset(&self) -> String {
        let (sign, abs) = if self.offset_seconds < 0 {
            ('-', -self.offset_seconds)
        } else {
            ('+', self.offset_seconds)
        };
        let mut out = String::with_capacity(25);
        self.date.push_iso(&mut out);
        out.push('T');
        push_two_digits(&mut out, self.hour.into());
        out.push(':');
        push_two_digits(&mut out, self.minute.into());
        out.push_str(":00");
        out.push(sign);
        push_two_digits(&mut out, (abs / 3600) as u32);
        out.push(':');
        push_two_digits(&mut out, (abs % 3600 / 60) as u32);
        out
    }

    /// The offset as `UTC` is followed in a programme: `+2`, `-4`, `+5:30`, or empty for
    /// UTC itself.
    pub fn offset_short(&self) -> String {
        if self.offset_seconds == 0 {
            return String::new();
        }
        let sign = if self.offset_seconds < 0 { '-' } else { '+' };
        let abs = self.offset_seconds.unsigned_abs();
        let (hours, minutes) = (abs / 3600, abs % 3600 / 60);
        if minutes == 0 {
            format!("{sign}{hours}")
        } else {
            format!("{sign}{hours}:{minutes:02}")
        }
    }
}

/// The day after `date`.
pub fn next_day(date: PageDate) -> PageDate {
    let next = i16::try_from(date.year)
        .ok()
        .and_then(|y| jiff::civil::Date::new(y, date.month as i8, date.day as i8).ok())
        .and_then(|d| d.tomorrow().ok());
    match next {
        Some(d) => PageDate {
            year: i32::from(d.year()),
            month: d.month() as u8,
            day: d.day() as u8,
        },
        None => date,
    }
}

fn civil(date: PageDate, hour: u8, minute: u8) -> Option<jiff::civil::DateTime> {
    let year = i16::try_from(date.year).ok()?;
    jiff::civil::DateTime::new(
        year,
        date.month as i8,
        date.day as i8,
        hour as i8,
        minute as i8,
        0,
        0,
    )
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> PageDate {
        PageDate::parse(text).unwrap()
    }

    #[test]
    fn wall_clock_times_become_instants_and_back() {
        let zurich = Zone::get("Europe/Zurich").unwrap();
        let start = zurich.instant(day("2021-05-18"), 13, 0).unwrap();
        assert_eq!(start.rfc3339_utc(), "2021-05-18T11:00:00Z");
        assert_eq!(start.ical_utc(), "20210518T110000Z");
        let tokyo = Zone::get("Asia/Tokyo").unwrap().local(start);
        assert_eq!(
            (tokyo.date, tokyo.hour, tokyo.offset_short()),
            (day("2021-05-18"), 20, "+9".into())
        );
        let here = zurich.local(start);
        assert_eq!(here.abbreviation.as_deref(), Some("CEST"));
        assert_eq!(here.iso_with_offset(), "2021-05-18T13:00:00+02:00");
        let kolkata = Zone::get("Asia/Kolkata").unwrap().local(start);
        assert_eq!(kolkata.offset_short(), "+5:30");
    }

    #[test]
    fn unknown_zones_and_daylight_saving_gaps_are_refused() {
        assert!(Zone::get("Mars/Olympus_Mons").is_none());
        assert!(Zone::get("CET-1CEST").is_none());
        let zurich = Zone::get("Europe/Zurich").unwrap();
        assert_eq!(zurich.instant(day("2021-03-28"), 2, 30), Err(Gap::Skipped));
        assert_eq!(zurich.instant(day("2021-10-31"), 2, 30), Err(Gap::Repeated));
    }

    #[test]
    fn next_day_crosses_months_and_years() {
        assert_eq!(next_day(day("2021-05-21")), day("2021-05-22"));
        assert_eq!(next_day(day("2021-05-31")), day("2021-06-01"));
        assert_eq!(next_day(day("2020-12-31")), day("2021-01-01"));
    }

    #[test]
    fn numeric_abbreviations_are_dropped() {
        let dubai = Zone::get("Asia/Dubai").unwrap();
        let local = dubai.local(dubai.instant(day("2021-05-18"), 9, 0).unwrap());
        assert_eq!(local.abbreviation, None);
        assert_eq!(local.offset_short(), "+4");
    }
}
