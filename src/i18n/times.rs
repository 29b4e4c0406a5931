//! CLDR times of day, time ranges and zone names, one set of formatters per language.
//!
//! Programmes use a 24-hour clock (`-u-hc-h23`) unless a language's locale asks for
//! another (`en-US-u-hc-h12`). Time ranges follow CLDR's interval formats for `Hm`
//! (`13:00–13:30`, `۱۳:۰۰ تا ۱۳:۳۰`); across midnight they keep the hour pattern
//! (`23:30–00:30`) and the caller marks the next day. Zones are named as CLDR names
//! them: the locale's short specific name where it has one (`CEST` in British English and
//! Spanish) and the localized GMT format otherwise (`GMT+2`, `UTC+2`, `غرينتش+٢`).

use std::collections::HashMap;

use icu_datetime::fieldsets::T;
use icu_datetime::fieldsets::zone::{LocalizedOffsetShort, SpecificShort};
use icu_datetime::input::{Time, TimeZone, UtcOffset};
use icu_datetime::preferences::HourCycle;
use icu_datetime::{DateTimeFormatterPreferences, NoCalendarFormatter};
use icu_time::zone::ZoneNameTimestamp;

use super::intervals::{IntervalFormat, Moment, Range};
use crate::config::{Config, ZoneNames};
use crate::content::PageDate;

struct LangTimes {
    time: NoCalendarFormatter<T>,
    range: IntervalFormat,
    offset: NoCalendarFormatter<LocalizedOffsetShort>,
    specific: NoCalendarFormatter<SpecificShort>,
}

/// A zone in one language's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZoneText {
    /// The zone's short name: CLDR's (`CEST`, or `GMT+2` where the language has none)
    /// or, with `zone_names: abbreviation`, the tz database's (`JST`).
    pub name: String,
    /// The localized GMT format (`GMT+2`, `UTC+2`, `غرينتش+٢`).
    pub offset: String,
}

/// Time formatters for every language of the site.
pub struct Times {
    by_lang: HashMap<String, LangTimes>,
    zone_names: ZoneNames,
}

impl Times {
    /// Builds the formatters of every language, from its CLDR locale.
    pub fn new(config: &Config) -> Times {
        let by_lang = config
            .languages
            .iter()
            .filter_map(|l| Some((l.code.clone(), LangTimes::new(&l.locale)?)))
            .collect();
        Times {
            by_lang,
            zone_names: config.zone_names,
        }
    }

    /// `13:00` in the language's digits.
    pub fn hm(&self, lang: &str, hour: u8, minute: u8) -> String {
        match (self.by_lang.get(lang), Time::try_new(hour, minute, 0, 0)) {
            (Some(f), Ok(t)) => f.time.format(&t).to_string(),
            _ => format!("{hour:02}:{minute:02}"),
        }
    }

    /// The range between two wall-clock times by CLDR's interval formats; `None` when
    /// they are the same minute. Only the time of day counts: a range past midnight
    /// reads `23:30–00:30`.
    pub fn range(&self, lang: &str, start: (u8, u8), end: (u8, u8)) -> Option<Range> {
        let f = self.by_lang.get(lang)?;
        let day = crate::i18n::dates::moment(PageDate {
            year: 2000,
            month: 1,
            day: 1,
        })?;
        let at = |(hour, minute): (u8, u8)| -> Option<Moment> {
            Some(Moment {
                date: day.date,
                time: Time::try_new(hour, minute, 0, 0).ok()?,
            })
        };
        let (a, b) = (at(start)?, at(end)?);
        f.range
            .format(&a, &b, &|m| f.time.format(&m.time).to_string())
    }

    /// The zone `iana` at `unix_seconds`, when its offset is `offset_seconds`.
    /// `abbreviation` is the tz database's (`CEST`), used when the site asks for it.
    pub fn zone(
        &self,
        lang: &str,
        iana: &str,
        unix_seconds: i64,
        offset_seconds: i32,
        abbreviation: Option<&str>,
    ) -> Option<ZoneText> {
        let f = self.by_lang.get(lang)?;
        let offset = UtcOffset::try_from_seconds(offset_seconds).ok()?;
        let zone = TimeZone::from_iana_id(iana)
            .with_offset(Some(offset))
            .with_zone_name_timestamp(ZoneNameTimestamp::from_epoch_seconds(unix_seconds));
        let gmt = f.offset.format(&zone).to_string();
        let name = match (self.zone_names, abbreviation) {
            (ZoneNames::Abbreviation, Some(abbr)) => abbr.to_string(),
            _ => f.specific.format(&zone).to_string(),
        };
        Some(ZoneText { name, offset: gmt })
    }
}

impl LangTimes {
    fn new(locale: &str) -> Option<LangTimes> {
        let locale = icu_locale::Locale::try_from_str(locale).ok()?;
        let mut prefs: DateTimeFormatterPreferences = (&locale).into();
        let twelve = matches!(prefs.hour_cycle, Some(HourCycle::H11 | HourCycle::H12));
        if !twelve {
            prefs.hour_cycle = Some(HourCycle::H23);
        }
        let time = NoCalendarFormatter::try_new(prefs, T::hm()).ok()?;
        let skeleton = if twelve { "hm" } else { "Hm" };
        let range = IntervalFormat::new(&locale, prefs, skeleton, &|m| {
            time.format(&m.time).to_string()
        });
        Some(LangTimes {
            range,
            offset: NoCalendarFormatter::try_new(prefs, LocalizedOffsetShort).ok()?,
            specific: NoCalendarFormatter::try_new(prefs, SpecificShort).ok()?,
            time,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn times(zone_names: &str) -> Times {
        let text = format!(
            "title: T\nbase_url: https://e.org\ndefault_language: en\nzone_names: {zone_names}\nlanguages:\n  - {{code: en, name: English, locale: en-GB}}\n  - {{code: ar, name: العربية, locale: ar-JO}}\n  - {{code: fr, name: Français}}\n  - {{code: zh, name: 中文}}\n  - {{code: us, name: US, locale: en-US-u-hc-h12}}\n"
        );
        Times::new(&Config::parse(std::path::Path::new("."), &text).unwrap())
    }

    #[test]
    fn time_ranges_follow_cldr_in_the_languages_digits() {
        let t = times("cldr");
        let text = |lang, a, b| t.range(lang, a, b).unwrap().text;
        assert_eq!(text("en", (13, 0), (13, 30)), "13:00–13:30");
        assert_eq!(text("zh", (23, 30), (0, 30)), "23:30–00:30");
        assert_eq!(text("ar", (13, 0), (13, 30)), "١٣:٠٠–١٣:٣٠");
        assert_eq!(
            text("us", (11, 30), (13, 0)),
            "11:30\u{202f}AM\u{2009}–\u{2009}1:00\u{202f}PM"
        );
        assert_eq!(t.range("en", (13, 0), (13, 0)), None);
    }

    #[test]
    fn zones_are_named_by_cldr_unless_the_site_asks_for_abbreviations() {
        // 2021-05-18T11:00:00Z: 13:00 in Geneva, 20:00 in Tokyo.
        let at = 1_621_335_600;
        let cldr = times("cldr");
        let zone = |t: &Times, lang, iana, offset, abbr| {
            let z = t.zone(lang, iana, at, offset, abbr).unwrap();
            (z.name, z.offset)
        };
        let zurich = |t: &Times, lang| zone(t, lang, "Europe/Zurich", 7200, Some("CEST"));
        assert_eq!(zurich(&cldr, "en"), ("CEST".into(), "GMT+2".into()));
        assert_eq!(zurich(&cldr, "fr"), ("UTC+2".into(), "UTC+2".into()));
        // CLDR 49 puts an Arabic letter mark (U+061C) before the sign.
        let gmt = "غرينتش\u{61c}+٢";
        assert_eq!(zurich(&cldr, "ar"), (gmt.into(), gmt.into()));
        let tokyo = |t: &Times| zone(t, "en", "Asia/Tokyo", 32400, Some("JST"));
        assert_eq!(tokyo(&cldr), ("GMT+9".into(), "GMT+9".into()));
        assert_eq!(
            tokyo(&times("abbreviation")),
            ("JST".into(), "GMT+9".into())
        );
    }
}
