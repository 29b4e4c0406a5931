//! CLDR dates: single dates from ICU4X, ranges from CLDR's interval formats
//! ([`super::intervals`]), one set of formatters per language, built once.
//!
//! Single dates: `17 May 2021`, `mai 2021`, `2021年5月17日星期一`. Ranges follow the
//! locale's interval patterns: `17–21 May 2021` (en-GB), `May 17–21, 2021` (en-US),
//! `17.–21. Mai 2021` (de), `January – April 2021` (months). A language's own Fluent
//! files may word the sentence around a range with the optional message `date-range`
//! (French `du { $start } au { $end }`); it receives CLDR's parts and whole range (see
//! [`RANGE_VARIABLES`]). Without it the range is CLDR's as is: it never falls back to
//! another language's wording.

use std::collections::HashMap;

use icu_calendar::{Date, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{YM, YMD, YMDE};
use icu_datetime::input::Time;

use super::intervals::{IntervalFormat, Moment, Range};
use super::{ArgValue, Localizer, MessageError, fluent_args};
use crate::config::Config;
use crate::content::PageDate;

/// The optional Fluent message that words the sentence around a date range.
pub const RANGE_MESSAGE: &str = super::messages::DATE_RANGE.id;

/// The variables [`RANGE_MESSAGE`] receives: CLDR's `start` and `end` parts (`17`,
/// `21 May 2021`), the whole `range` as CLDR writes it, the `precision` (`day`,
/// `month`) and the greatest `difference` between the ends (`year`, `month`, `day`).
pub const RANGE_VARIABLES: [&str; 5] = ["start", "end", "range", "precision", "difference"];

const _: () = assert!(RANGE_VARIABLES.len() == super::messages::DATE_RANGE.variables.len());

/// How precise a date or range is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Precision {
    /// Days: `17–21 May 2021`.
    Day,
    /// Months: `January – April 2021`.
    Month,
}

impl Precision {
    /// The name given to Fluent (`day`, `month`).
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
        }
    }
}

struct LangDates {
    intl_locale: String,
    full: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    weekday: FixedCalendarDateTimeFormatter<Gregorian, YMDE>,
    month_year: FixedCalendarDateTimeFormatter<Gregorian, YM>,
    days: IntervalFormat,
    months: IntervalFormat,
}

/// Date formatters for each language of the site.
pub struct Dates {
    by_lang: HashMap<String, LangDates>,
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

    /// The language's locale for browsers' `Intl`, with the numbering system ICU4X
    /// uses made explicit (`ar-JO-u-nu-arab`, `ar-u-nu-latn`), so that scripts write the
    /// digits the pages do even where the browser's CLDR differs.
    pub fn intl_locale(&self, lang: &str) -> Option<&str> {
        self.by_lang.get(lang).map(|f| f.intl_locale.as_str())
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

    /// The range `start`–`end` (inclusive) by CLDR's interval formats, or `None` when
    /// the two are the same at this precision (one date is then shown).
    pub fn range(
        &self,
        lang: &str,
        start: PageDate,
        end: PageDate,
        precision: Precision,
    ) -> Option<Range> {
        let f = self.by_lang.get(lang)?;
        let (a, b) = (moment(start)?, moment(end)?);
        match precision {
            Precision::Day => f
                .days
                .format(&a, &b, &|m| f.full.format(&m.date).to_string()),
            Precision::Month => f
                .months
                .format(&a, &b, &|m| f.month_year.format(&m.date).to_string()),
        }
    }

    fn with(
        &self,
        lang: &str,
        date: PageDate,
        f: impl Fn(&LangDates, &Date<Gregorian>) -> String,
    ) -> String {
        match (
            self.by_lang.get(lang),
            Date::try_new_gregorian(date.year, date.month, date.day),
        ) {
            (Some(formatters), Ok(d)) => f(formatters, &d),
            _ => date.iso(),
        }
    }
}

/// A date, or a range when `end` is another day (another month at month precision), in
/// `lang`'s words: CLDR's range, inside the language's `date-range` message if it has
/// one (`du 17 au 21 mai 2021`).
pub fn date_or_range(
    localizer: &Localizer,
    lang: &str,
    start: PageDate,
    end: Option<PageDate>,
    precision: Precision,
    weekday: bool,
) -> Result<String, MessageError> {
    let dates = &localizer.dates;
    let range = end.and_then(|end| dates.range(lang, start, end, precision));
    let Some(range) = range else {
        return Ok(match precision {
            Precision::Month => dates.month_year(lang, start),
            Precision::Day if weekday => dates.with_weekday(lang, start),
            Precision::Day => dates.long(lang, start),
        });
    };
    let values = [
        range.start.clone(),
        range.end.clone(),
        range.text.clone(),
        precision.as_str().to_string(),
        range.difference.as_str().to_string(),
    ];
    let args = fluent_args(RANGE_VARIABLES.into_iter().zip(values.map(ArgValue::Text)));
    match own_message(localizer, lang, RANGE_MESSAGE, &args) {
        Err(MessageError::Missing) => Ok(range.text),
        other => other,
    }
}

/// An optional message that words the sentence around CLDR's text, from `lang`'s own
/// files only: another language's connector (`至`, `du … au`) would be wrong here, and
/// CLDR's own text is the right fallback.
pub fn own_message(
    localizer: &Localizer,
    lang: &str,
    id: &str,
    args: &fluent_bundle::FluentArgs<'_>,
) -> Result<String, MessageError> {
    if !localizer
        .defined
        .get(lang)
        .is_some_and(|ids| ids.contains(id))
    {
        return Err(MessageError::Missing);
    }
    localizer.format(lang, id, Some(args))
}

/// Midnight of `date`, the input of interval formats.
pub fn moment(date: PageDate) -> Option<Moment> {
    Some(Moment {
        date: Date::try_new_gregorian(date.year, date.month, date.day).ok()?,
        time: Time::start_of_day(),
    })
}

impl LangDates {
    fn new(locale: &str) -> Option<LangDates> {
        let locale = icu_locale::Locale::try_from_str(locale).ok()?;
        let prefs = (&locale).into();
        let full = FixedCalendarDateTimeFormatter::try_new(prefs, YMD::long()).ok()?;
        let month_year = FixedCalendarDateTimeFormatter::try_new(prefs, YM::long()).ok()?;
        let days = IntervalFormat::new(&locale, prefs, "yMMMMd", &|m| {
            full.format(&m.date).to_string()
        });
        let months = IntervalFormat::new(&locale, prefs, "yMMMM", &|m| {
            month_year.format(&m.date).to_string()
        });
        Some(LangDates {
            intl_locale: intl_locale(&locale),
            weekday: FixedCalendarDateTimeFormatter::try_new(prefs, YMDE::long()).ok()?,
            full,
            month_year,
            days,
            months,
        })
    }
}

/// `locale` with its numbering system as a `-u-nu-` keyword.
fn intl_locale(locale: &icu_locale::Locale) -> String {
    let mut locale = locale.clone();
    let nu = super::numbers::numbering_system(&locale)
        .and_then(|nu| icu_locale::extensions::unicode::Value::try_from_str(&nu).ok());
    if let Some(nu) = nu {
        locale
            .extensions
            .unicode
            .keywords
            .set(icu_locale::extensions::unicode::key!("nu"), nu);
    }
    locale.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates() -> Dates {
        let text = "title: T\nbase_url: https://e.org\ndefault_language: en\nlanguages:\n  - {code: en, name: English, locale: en-GB}\n  - {code: ar, name: العربية}\n  - {code: fr, name: Français}\n  - {code: zh, name: 中文}\n  - {code: ru, name: Русский}\n  - {code: es, name: Español}\n  - {code: us, name: US, locale: en-US}\n  - {code: jo, name: JO, locale: ar-JO}\n";
        Dates::new(&Config::parse(std::path::Path::new("."), text).unwrap())
    }

    fn d(text: &str) -> PageDate {
        PageDate::parse(text).unwrap()
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

    #[test]
    fn ranges_follow_the_locales_interval_formats() {
        let dates = dates();
        let text = |lang, a, b, p| dates.range(lang, d(a), d(b), p).map(|r| r.text);
        let day = Precision::Day;
        assert_eq!(
            text("us", "2027-03-14", "2027-03-16", day).as_deref(),
            Some("March 14\u{2009}–\u{2009}16, 2027")
        );
        assert_eq!(
            text("en", "2021-02-03", "2021-02-05", day).as_deref(),
            Some("3\u{2009}–\u{2009}5 February 2021")
        );
        // Chinese single dates keep 2月: so do its ranges.
        assert_eq!(
            text("zh", "2021-02-03", "2021-03-05", day).as_deref(),
            Some("2021年2月3日\u{2009}–\u{2009}3月5日")
        );
        let month = Precision::Month;
        assert_eq!(
            text("en", "2021-01-01", "2021-04-01", month).as_deref(),
            Some("January\u{2009}–\u{2009}April 2021")
        );
        assert_eq!(text("en", "2021-01-01", "2021-01-31", month), None);
        assert_eq!(
            text("jo", "2021-05-17", "2021-05-21", day).as_deref(),
            Some("١٧–٢١ أيار ٢٠٢١")
        );
    }

    #[test]
    fn scripts_get_the_numbering_system_of_the_pages() {
        let dates = dates();
        assert_eq!(dates.intl_locale("jo"), Some("ar-JO-u-nu-arab"));
        assert_eq!(dates.intl_locale("ar"), Some("ar-u-nu-latn"));
        assert_eq!(dates.intl_locale("en"), Some("en-GB-u-nu-latn"));
    }
}
