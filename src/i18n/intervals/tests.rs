//! The interval algorithm on CLDR's data, for the cases the site's ranges rest on.

use super::*;

fn format(
    locale: &str,
    skeleton: &str,
    a: (i32, u8, u8, u8, u8),
    b: (i32, u8, u8, u8, u8),
) -> String {
    let locale: icu_locale::Locale = locale.parse().unwrap();
    let prefs: DateTimeFormatterPreferences = (&locale).into();
    let single = |m: &Moment| format!("{:?}", m.date);
    let f = IntervalFormat::new(&locale, prefs, skeleton, &single);
    let m = |(y, mo, d, h, mi): (i32, u8, u8, u8, u8)| Moment {
        date: icu_calendar::Date::try_new_gregorian(y, mo, d).unwrap(),
        time: icu_datetime::input::Time::try_new(h, mi, 0, 0).unwrap(),
    };
    f.format(&m(a), &m(b), &single).unwrap().text
}

#[test]
fn the_greatest_difference_picks_the_pattern() {
    let may = |d| (2021, 5, d, 0, 0);
    assert_eq!(
        format("en-GB", "yMMMd", may(17), may(21)),
        "17\u{2009}–\u{2009}21 May 2021"
    );
    assert_eq!(
        format("en-GB", "yMMMd", may(17), (2021, 6, 2, 0, 0)),
        "17 May\u{2009}–\u{2009}2 Jun 2021"
    );
    assert_eq!(
        format("en-GB", "yMMMd", (2020, 12, 30, 0, 0), (2021, 1, 2, 0, 0)),
        "30 Dec 2020\u{2009}–\u{2009}2 Jan 2021"
    );
    assert_eq!(
        format("zh", "yMMMd", may(17), may(21)),
        "2021年5月17日\u{2009}–\u{2009}21日"
    );
    assert_eq!(format("de", "yMMMd", may(17), may(21)), "17.–21. Mai 2021");
}

#[test]
fn times_cross_midnight_with_the_hour_pattern() {
    let t = |d, h, m| (2021, 5, d, h, m);
    assert_eq!(
        format("zh", "Hm", t(20, 23, 30), t(21, 0, 30)),
        "23:30–00:30"
    );
    assert_eq!(
        format("fa", "Hm", t(20, 13, 0), t(20, 13, 30)),
        "۱۳:۰۰ تا ۱۳:۳۰"
    );
    assert_eq!(
        format("en", "hm", t(20, 11, 30), t(20, 13, 0)),
        "11:30\u{202f}AM\u{2009}–\u{2009}1:00\u{202f}PM"
    );
    assert_eq!(
        format("en", "hm", t(20, 13, 0), t(20, 14, 30)),
        "1:00\u{2009}–\u{2009}2:30\u{202f}PM"
    );
}
