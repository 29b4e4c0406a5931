//! CLDR dates through ICU4X, one set of formatters per language, built once.
//!
//! Single dates come straight from ICU4X (`17 mai 2021`, `2021年5月17日`, `17 مايو 2021`).
//! Ranges are assembled from ICU4X pieces with a Fluent pattern per language
//! (`date-range-days`, `date-range-months`, `date-range-years`), because ICU4X 2.4's own
//! range formatting is broken for long lengths.

use std::collections::HashMap;

use icu_calendar::{Date, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{D, MD, YM, YMD, YMDE};

use crate::config::Config;
use crate::content::PageDate;

struct LangDates {
    full: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    weekday: FixedCalendarDateTimeFormatter<Gregorian, YMDE>,
    month_year: FixedCalendarDateTimeFormatter<Gregorian, YM>,
    month_day: FixedCalendarDateTimeFormatter<Gregorian, MD>,
    day: FixedCalendarDateTimeFormatter<Gregorian, D>,
}

/// Date formatters for each language of the site.
pub struct Dates {
    by_lang: HashMap<String, LangDates>,
}

/// The pieces a date range is built from, formatted for one language; the range's
/// Fluent message picks the ones its language needs.
pub struct RangePieces {
    /// `date-range-days`, `date-range-months` or `date-range-years`.
    pub message: &'static str,
    /// Fluent arguments: `startDay`, `endDay` (`17`, `17日`), `startMonthDay`,
    /// `endMonthDay` (`17 May`), `startFull`, `endFull` (`17 May 2021`).
    pub args: [(&'static str, String); 6],
}

impl Dates {
    /// Builds the formatters for every language (with each language's CLDR locale).
    pub fn new(config: &Config) -> Dates {
        let by_lang = config
            .languages
            .iter()
            .filter_map(|l| Some((l.code.clone(), LangDates::new(&l.locale)?)))
            .collect();
        Dates { by_lang }
    }

    fn get(&self, lang: &str) -> Option<&LangDates> {
        self.by_lang.get(lang)
    }

    /// `17 May 2021` in the language's style.
    pub fn long(&self, lang: &str, date: PageDate) -> String {
        self.with(lang, date, |f, d| f.full.format(d).to_string())
    }

    /// `Monday, 17 May 2021`.
    pub fn with_weekday(&self, lang: &str, date: PageDate) -> String {
        self.with(lang, date, |f, d| f.weekday.format(d).to_string())
    }

    /// `May 2021`.
    pub fn month_year(&self, lang: &str, date: PageDate) -> String {
        self.with(lang, date, |f, d| f.month_year.format(d).to_string())
    }

    /// The pieces of the range `start`–`end` (inclusive) and the message that joins them.
    pub fn range_pieces(&self, lang: &str, start: PageDate, end: PageDate) -> RangePieces {
        let message = if start.year != end.year {
            "date-range-years"
        } else if start.month != end.month {
            "date-range-months"
        } else {
            "date-range-days"
        };
        let month_day = |d| self.with(lang, d, |f, d| f.month_day.format(d).to_string());
        RangePieces {
            message,
            args: [
                ("startDay", self.day(lang, start)),
                ("endDay", self.day(lang, end)),
                ("startMonthDay", month_day(start)),
                ("endMonthDay", month_day(end)),
                ("startFull", self.long(lang, start)),
                ("endFull", self.long(lang, end)),
            ],
        }
    }

    /// The day of the month alone (`17`, `17日`).
    pub fn day(&self, lang: &str, date: PageDate) -> String {
        self.with(lang, date, |f, d| f.day.format(d).to_string())
    }

    fn with(
        &self,
        lang: &str,
        date: PageDate,
        f: impl Fn(&LangDates, &Date<Gregorian>) -> String,
    ) -> String {
        match (
            self.get(lang),
            Date::try_new_gregorian(date.year, date.month, date.day),
        ) {
            (Some(formatters), Ok(d)) => f(formatters, &d),
            _ => date.iso(),
        }
    }
}

impl LangDates {
    fn new(locale: &str) -> Option<LangDates> {
        let locale = icu_locale::Locale::try_from_str(locale).ok()?;
        Some(LangDates {
            full: FixedCalendarDateTimeFormatter::try_new(locale.clone().into(), YMD::long())
                .ok()?,
            weekday: FixedCalendarDateTimeFormatter::try_new(locale.clone().into(), YMDE::long())
                .ok()?,
            month_year: FixedCalendarDateTimeFormatter::try_new(locale.clone().into(), YM::long())
                .ok()?,
            month_day: FixedCalendarDateTimeFormatter::try_new(locale.clone().into(), MD::long())
                .ok()?,
            day: FixedCalendarDateTimeFormatter::try_new(locale.into(), D::long()).ok()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates() -> Dates {
        let text = "title: T\nbase_url: https://e.org\ndefault_language: en\nlanguages:\n  - {code: en, name: English, locale: en-GB}\n  - {code: ar, name: العربية}\n  - {code: fr, name: Français}\n  - {code: zh, name: 中文}\n  - {code: ru, name: Русский}\n  - {code: es, name: Español}\n";
        Dates::new(&Config::parse(std::path::Path::new("."), text).unwrap())
    }

    #[test]
    fn single_dates_follow_cldr() {
        let d = dates();
        let may17 = PageDate::parse("2021-05-17").unwrap();
        assert_eq!(d.long("en", may17), "17 May 2021");
        assert_eq!(d.long("fr", may17), "17 mai 2021");
        assert_eq!(d.long("zh", may17), "2021年5月17日");
        assert_eq!(d.long("ru", may17), "17 мая 2021\u{202f}г.");
        assert_eq!(d.long("es", may17), "17 de mayo de 2021");
        assert_eq!(
            d.long("ar", PageDate::parse("2021-02-03").unwrap()),
            "3 فبراير 2021"
        );
    }
}
