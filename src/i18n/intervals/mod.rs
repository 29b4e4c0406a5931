//! Date and time ranges by CLDR's interval formats, for any locale CLDR has.
//!
//! ICU4X 2 formats single dates but has no interval formatter, so this module runs
//! CLDR's interval algorithm (UTS #35, "intervalFormats") itself, over CLDR's
//! `intervalFormats` data ([`data`]) and ICU4X's names and digits:
//!
//! 1. take the locale's interval patterns for the skeleton asked for (`yMMMMd`), or for
//!    the nearest one, widening its fields (`yMMMd`'s `MMM` → `MMMM`) where the
//!    locale's own single dates use the wide form;
//! 2. find the greatest field in which the two ends differ (year, month, day, am/pm,
//!    hour, minute) and take its pattern (`d – d MMM y` for days);
//! 3. cut it in two at the first repeated field and format each half with ICU4X
//!    (`17` and `21 May 2021`); with no pattern for that field, join two full dates with
//!    the locale's `intervalFormatFallback` (`{0} – {1}`).
//!
//! Each [`IntervalFormat`] is prepared once (per language and skeleton) and is then
//! cheap to call.

pub mod data;
mod pattern;

use icu_calendar::Gregorian;
use icu_datetime::DateTimeFormatterPreferences;
use icu_datetime::input::DateTime;
use icu_datetime::pattern::{DateTimePattern, FixedCalendarDateTimeNames};
use writeable::TryWriteable;

use pattern::Item;

/// A Gregorian date and time of day, the input of every range.
pub type Moment = DateTime<Gregorian>;

/// The greatest field in which the two ends of a range differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Difference {
    /// Before and after the year 1.
    Era,
    /// The year.
    Year,
    /// The month.
    Month,
    /// The day.
    Day,
    /// Morning and afternoon (12-hour clocks).
    DayPeriod,
    /// The hour.
    Hour,
    /// The minute.
    Minute,
}

impl Difference {
    /// The name given to Fluent messages (`year`, `month`, `day`, `dayperiod`, `hour`,
    /// `minute`, `era`).
    pub fn as_str(self) -> &'static str {
        match self {
            Difference::Era => "era",
            Difference::Year => "year",
            Difference::Month => "month",
            Difference::Day => "day",
            Difference::DayPeriod => "dayperiod",
            Difference::Hour => "hour",
            Difference::Minute => "minute",
        }
    }

    /// The greatest difference between `a` and `b` among the field kinds of `kinds`.
    fn between(a: &Moment, b: &Moment, kinds: &[char]) -> Option<Difference> {
        ORDER
            .iter()
            .filter(|(letter, _)| kinds.contains(letter))
            .find(|(_, d)| d.differs(a, b))
            .map(|(_, d)| *d)
    }

    fn differs(self, a: &Moment, b: &Moment) -> bool {
        let year = |m: &Moment| m.date.year().extended_year();
        match self {
            Difference::Era => (year(a) > 0) != (year(b) > 0),
            Difference::Year => year(a) != year(b),
            Difference::Month => a.date.month().ordinal != b.date.month().ordinal,
            Difference::Day => a.date.day_of_month().0 != b.date.day_of_month().0,
            Difference::DayPeriod => (a.time.hour.number() < 12) != (b.time.hour.number() < 12),
            Difference::Hour => a.time.hour != b.time.hour,
            Difference::Minute => a.time.minute != b.time.minute,
        }
    }
}

/// CLDR's greatest-difference letters, greatest first. `h` and `H` both stand for the
/// hour; `B` (flexible day periods) is not used by hexaglot's skeletons.
const ORDER: [(char, Difference); 8] = [
    ('G', Difference::Era),
    ('y', Difference::Year),
    ('M', Difference::Month),
    ('d', Difference::Day),
    ('a', Difference::DayPeriod),
    ('h', Difference::Hour),
    ('H', Difference::Hour),
    ('m', Difference::Minute),
];

/// A range in words, and its parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Range {
    /// The start's part (`17`, `May 17`, `2021年5月17日`).
    pub start: String,
    /// The end's part (`21 May 2021`, `21, 2021`, `21日`).
    pub end: String,
    /// The whole range as CLDR writes it (`17–21 May 2021`).
    pub text: String,
    /// The greatest field in which the ends differ.
    pub difference: Difference,
}

/// One half of an interval pattern, ready to format with ICU4X's names and digits.
struct Piece {
    names: FixedCalendarDateTimeNames<Gregorian>,
    pattern: DateTimePattern,
}

impl Piece {
    fn new(prefs: DateTimeFormatterPreferences, items: &[Item]) -> Option<Piece> {
        let pattern = DateTimePattern::try_from_pattern_str(&pattern::write(items)).ok()?;
        let mut names = FixedCalendarDateTimeNames::<Gregorian>::try_new(prefs).ok()?;
        names.include_for_pattern(&pattern).ok()?;
        Some(Piece { names, pattern })
    }

    fn format(&self, moment: &Moment) -> String {
        let formatted = self
            .names
            .with_pattern_unchecked(&self.pattern)
            .format(moment);
        match formatted.try_write_to_string() {
            Ok(text) => text.into_owned(),
            Err((_, text)) => text.into_owned(),
        }
    }
}

/// The pattern for one greatest difference, cut in two.
struct Halves {
    difference: Difference,
    start: Piece,
    connector: String,
    end: Piece,
}

/// CLDR's interval formats for one locale and skeleton.
pub struct IntervalFormat {
    /// The field kinds of the skeleton asked for.
    kinds: Vec<char>,
    /// Patterns by greatest difference, greatest first.
    halves: Vec<Halves>,
    /// The locale's `intervalFormatFallback`.
    fallback: String,
}

impl IntervalFormat {
    /// Prepares the ranges of `skeleton` (`yMMMMd`, `yMMMM`, `Hm`) in `locale`, with
    /// ICU4X preferences `prefs` (digits, calendar names). `single` formats one end as
    /// the locale's single dates do: it decides whether a nearest skeleton's fields are
    /// widened, and serves the fallback.
    pub fn new(
        locale: &icu_locale::Locale,
        prefs: DateTimeFormatterPreferences,
        skeleton: &str,
        single: &dyn Fn(&Moment) -> String,
    ) -> IntervalFormat {
        let table = data::Table::for_locale(locale);
        let wanted = pattern::skeleton(skeleton);
        let kinds: Vec<char> = wanted.iter().map(|(c, _)| pattern::kind(*c)).collect();
        let mut halves = Vec::new();
        if let Some((matched, entries)) = nearest(&table, skeleton, &wanted) {
            let widened = |items: &[Item]| pattern::widen(items, &wanted, &matched);
            let widen = matched != wanted && widening_matches(prefs, &entries, &widened, single);
            for (letter, difference) in ORDER {
                let Some((_, text)) = entries.iter().find(|(f, _)| *f == letter) else {
                    continue;
                };
                let mut items = pattern::parse(text);
                if widen {
                    items = widened(&items);
                }
                let Some((start, connector, end)) = pattern::split(&items) else {
                    continue;
                };
                if let (Some(start), Some(end)) =
                    (Piece::new(prefs, &start), Piece::new(prefs, &end))
                {
                    halves.push(Halves {
                        difference,
                        start,
                        connector,
                        end,
                    });
                }
            }
        }
        IntervalFormat {
            kinds,
            halves,
            fallback: table.fallback.to_string(),
        }
    }

    /// The range from `a` to `b`, or `None` when they do not differ in the skeleton's
    /// fields (the caller then shows one date). `single` formats a whole end for the
    /// fallback (`{0} – {1}`).
    pub fn format(
        &self,
        a: &Moment,
        b: &Moment,
        single: &dyn Fn(&Moment) -> String,
    ) -> Option<Range> {
        let kinds: Vec<char> = self
            .kinds
            .iter()
            .copied()
            .chain(self.kinds.contains(&'h').then_some('a'))
            .collect();
        let difference = Difference::between(a, b, &kinds)?;
        let halves = self.halves.iter().find(|h| h.difference == difference);
        let Some(h) = halves else {
            return Some(self.fallback(a, b, difference, single));
        };
        let start = h.start.format(a);
        let end = h.end.format(b);
        Some(Range {
            text: format!("{start}{}{end}", h.connector),
            start: start.trim_end().to_string(),
            end: end.trim().to_string(),
            difference,
        })
    }

    /// Two whole ends joined by the locale's `intervalFormatFallback`.
    fn fallback(
        &self,
        a: &Moment,
        b: &Moment,
        difference: Difference,
        single: &dyn Fn(&Moment) -> String,
    ) -> Range {
        let (start, end) = (single(a), single(b));
        Range {
            text: self.fallback.replace("{0}", &start).replace("{1}", &end),
            start,
            end,
            difference,
        }
    }
}

/// A skeleton's fields (letter, width).
type Fields = Vec<(char, usize)>;
/// A skeleton's entries (field, pattern).
type Entries = Vec<(char, &'static str)>;

/// The locale's entries for `skeleton`, or for the nearest skeleton with the same
/// fields, with that skeleton's fields.
fn nearest(
    table: &data::Table,
    skeleton: &str,
    wanted: &[(char, usize)],
) -> Option<(Fields, Entries)> {
    if let Some(entries) = table.skeletons.get(skeleton) {
        return Some((wanted.to_vec(), entries.clone()));
    }
    let mut candidates: Vec<(&&str, &Vec<(char, &str)>)> = table.skeletons.iter().collect();
    candidates.sort_by_key(|(k, _)| **k);
    candidates
        .into_iter()
        .filter_map(|(k, entries)| {
            let fields = pattern::skeleton(k);
            Some((pattern::distance(wanted, &fields)?, fields, entries.clone()))
        })
        .min_by_key(|(d, _, _)| *d)
        .map(|(_, fields, entries)| (fields, entries))
}

/// Whether widened fields read as the locale's single dates do. `yMMMMd` served by
/// `yMMMd` becomes `d MMMM y` in English (`3 February 2021`, as the single date), but
/// stays `y年M月d日` in Chinese, whose single dates keep the short month (`2月`, not
/// `二月`). The end of the greatest difference's pattern is a whole date: it is formatted
/// both ways, on a day of February, and compared with the single date.
fn widening_matches(
    prefs: DateTimeFormatterPreferences,
    entries: &[(char, &str)],
    widened: &dyn Fn(&[Item]) -> Vec<Item>,
    single: &dyn Fn(&Moment) -> String,
) -> bool {
    let Some((_, text)) = ORDER
        .iter()
        .find_map(|(letter, _)| entries.iter().find(|(f, _)| f == letter))
    else {
        return true;
    };
    let Some((_, _, end)) = pattern::split(&pattern::parse(text)) else {
        return true;
    };
    let Ok(date) = icu_calendar::Date::try_new_gregorian(2021, 2, 3) else {
        return true;
    };
    let probe = Moment {
        date,
        time: icu_datetime::input::Time::try_new(9, 5, 0, 0)
            .unwrap_or(icu_datetime::input::Time::start_of_day()),
    };
    let expected = single(&probe);
    let as_is = Piece::new(prefs, &end).map(|p| p.format(&probe));
    let wide = Piece::new(prefs, &widened(&end)).map(|p| p.format(&probe));
    !(as_is.as_deref() == Some(expected.as_str()) && wide.as_deref() != Some(expected.as_str()))
}

#[cfg(test)]
mod tests;
