//! Dates, times, ranges and zones against two independent CLDR implementations, over a
//! table of locales × cases (same month, across months, across years, months, times,
//! past midnight):
//!
//! - **Python Babel** (`tests/cldr/babel_oracle.py`, `format_interval`), which carries
//!   the same CLDR version as ICU4X and hexaglot's interval data (49): hexaglot's
//!   output must equal Babel's exactly, for every skeleton Babel has as such (`yMMMd`,
//!   `yMMMM`, `Hm`, `yMMMEd`). Babel writes Western digits in every locale, so these
//!   cases ask hexaglot for `-u-nu-latn`.
//! - **ICU through Node's `Intl`** (`tests/cldr/intl_oracle.cjs`), with full ICU (CLDR
//!   48 in Node 20), for what Babel cannot check: the site's own outputs with long
//!   months (`yMMMMd`, widened from `yMMMd`), native digits (`ar-JO`, `fa`), zones in
//!   the localized GMT format. Narrow, thin and no-break spaces count as spaces here
//!   (CLDR 49 put thin spaces around many dashes). Every other disagreement must be
//!   listed in `tests/cldr/known-differences.tsv` with both values and the reason
//!   (a CLDR 48 → 49 change, or an ICU quirk that Babel does not share), so any change
//!   on either side fails the test.
//!
//! Outside CI, the test is skipped with a message when Python's `babel` or Node is
//! missing.

mod common;

use std::collections::BTreeSet;
use std::io::Write;
use std::process::{Command, Stdio};

use hexaglot::config::Config;
use hexaglot::content::PageDate;
use hexaglot::i18n::dates::{Dates, Precision};
use hexaglot::i18n::intervals::{IntervalFormat, Moment};
use hexaglot::i18n::times::Times;
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{T, YM, YMD, YMDE};
use serde_json::{Value, json};

const LOCALES: [&str; 13] = [
    "en-US", "en-GB", "fr", "es", "ru", "zh", "ar", "ar-JO", "de", "ja", "fa", "hi", "sw",
];

/// Date ranges: same month, February (long and short month names differ), across
/// months, across years.
const DAYS: [(&str, &str); 4] = [
    ("2021-05-17", "2021-05-21"),
    ("2021-02-03", "2021-02-05"),
    ("2021-04-30", "2021-05-02"),
    ("2020-12-30", "2021-01-02"),
];

/// Month ranges: in one year, across years.
const MONTHS: [(&str, &str); 2] = [("2021-01-01", "2021-04-01"), ("2020-11-01", "2021-02-01")];

/// Time ranges: minutes, hours, past midnight (the next day).
const TIMES: [(&str, &str); 4] = [
    ("2021-05-18T13:00", "2021-05-18T13:30"),
    ("2021-05-18T09:15", "2021-05-18T17:45"),
    ("2021-05-18T11:30", "2021-05-18T14:00"),
    ("2021-05-20T23:30", "2021-05-21T00:30"),
];

fn tool_missing(what: &str) -> bool {
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must run the CLDR comparisons: {what}"
    );
    eprintln!("skipped: {what}");
    true
}

/// Runs an oracle with `cases` on its standard input; `None` when it cannot run.
fn oracle(program: &str, script: &str, cases: &Value) -> Option<Value> {
    let path = format!("{}/tests/cldr/{script}", env!("CARGO_MANIFEST_DIR"));
    let mut child = Command::new(program)
        .arg(&path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    child
        .stdin
        .take()?
        .write_all(cases.to_string().as_bytes())
        .ok()?;
    let output = child.wait_with_output().ok()?;
    if !output.status.success() {
        eprintln!("{script}: {}", String::from_utf8_lossy(&output.stderr));
        return None;
    }
    serde_json::from_slice(&output.stdout).ok()
}

fn moment(text: &str) -> Moment {
    let (date, time) = text.split_once('T').unwrap_or((text, "00:00"));
    let d = PageDate::parse(date).unwrap();
    let (h, m) = time.split_once(':').unwrap();
    Moment {
        date: icu_calendar::Date::try_new_gregorian(d.year, d.month, d.day).unwrap(),
        time: icu_datetime::input::Time::try_new(h.parse().unwrap(), m.parse().unwrap(), 0, 0)
            .unwrap(),
    }
}

/// hexaglot's range for a skeleton, through its interval formatter; the fallback's
/// single dates from ICU4X at the matching length.
fn hexaglot_interval(locale: &str, skeleton: &str, start: &str, end: &str) -> String {
    let locale: icu_locale::Locale = locale.parse().unwrap();
    let prefs: icu_datetime::DateTimeFormatterPreferences = (&locale).into();
    let single: Box<dyn Fn(&Moment) -> String> = match skeleton {
        "yMMMd" => {
            let f = FixedCalendarDateTimeFormatter::try_new(prefs, YMD::medium()).unwrap();
            Box::new(move |m: &Moment| f.format(&m.date).to_string())
        }
        "yMMMEd" => {
            let f = FixedCalendarDateTimeFormatter::try_new(prefs, YMDE::medium()).unwrap();
            Box::new(move |m: &Moment| f.format(&m.date).to_string())
        }
        "yMMMM" => {
            let f = FixedCalendarDateTimeFormatter::try_new(prefs, YM::long()).unwrap();
            Box::new(move |m: &Moment| f.format(&m.date).to_string())
        }
        _ => {
            let mut p = prefs;
            p.hour_cycle = Some(icu_datetime::preferences::HourCycle::H23);
            let f = icu_datetime::NoCalendarFormatter::try_new(p, T::hm()).unwrap();
            Box::new(move |m: &Moment| f.format(&m.time).to_string())
        }
    };
    let format = IntervalFormat::new(&locale, prefs, skeleton, single.as_ref());
    format
        .format(&moment(start), &moment(end), single.as_ref())
        .map(|r| r.text)
        .unwrap_or_default()
}

/// The site language standing for the `i`th locale: a private-use code (`qaa`, `qab`…).
fn code(i: usize) -> String {
    format!("qa{}", (b'a' + i as u8) as char)
}

/// A site configuration with one language per locale.
fn config() -> Config {
    let mut text =
        "title: T\nbase_url: https://e.org\ndefault_language: qaa\nlanguages:\n".to_string();
    for (i, locale) in LOCALES.iter().enumerate() {
        text.push_str(&format!(
            "  - {{code: {}, name: L{i}, locale: {locale}}}\n",
            code(i)
        ));
    }
    Config::parse(std::path::Path::new("."), &text).unwrap()
}

/// A date-time for the oracles: dates at midnight.
fn iso(text: &str) -> String {
    if text.len() > 10 {
        text.to_string()
    } else {
        format!("{text}T00:00")
    }
}

fn day(text: &str) -> PageDate {
    PageDate::parse(&text[..10]).unwrap()
}

fn hm(text: &str) -> (u8, u8) {
    let (h, m) = text[11..].split_once(':').unwrap();
    (h.parse().unwrap(), m.parse().unwrap())
}

#[test]
fn ranges_equal_babels_for_the_same_cldr_version() {
    let mut cases = Vec::new();
    let mut ours = Vec::new();
    for locale in LOCALES {
        let latn = format!("{locale}-u-nu-latn");
        let mut add = |skeleton: &str, start: &str, end: &str| {
            cases.push(json!({"locale": locale, "skeleton": skeleton, "start": iso(start), "end": iso(end)}));
            ours.push(hexaglot_interval(&latn, skeleton, start, end));
        };
        for (a, b) in DAYS {
            add("yMMMd", a, b);
            add("yMMMEd", a, b);
        }
        for (a, b) in MONTHS {
            add("yMMMM", a, b);
        }
        for (a, b) in TIMES {
            add("Hm", a, b);
        }
    }
    // The site's own formatters, where the site's skeleton is one Babel has as such:
    // month ranges and time ranges (past midnight too).
    let latn_config = {
        let mut c = config();
        for l in &mut c.languages {
            l.locale = format!("{}-u-nu-latn", l.locale);
        }
        c
    };
    let (dates, times) = (Dates::new(&latn_config), Times::new(&latn_config));
    for (i, locale) in LOCALES.iter().enumerate() {
        let lang = code(i);
        for (a, b) in MONTHS {
            cases.push(json!({"locale": locale, "skeleton": "yMMMM", "start": format!("{a}T00:00"), "end": format!("{b}T00:00")}));
            let r = dates
                .range(&lang, day(a), day(b), Precision::Month)
                .unwrap();
            ours.push(r.text);
        }
        for (a, b) in TIMES {
            cases.push(json!({"locale": locale, "skeleton": "Hm", "start": a, "end": b}));
            ours.push(times.range(&lang, hm(a), hm(b)).unwrap().text);
        }
        // Single dates: ICU4X's long date is CLDR's yMMMMd, as Babel's format_skeleton.
        for (a, _) in DAYS {
            cases.push(
                json!({"locale": locale, "skeleton": "yMMMMd", "start": iso(a), "single": true}),
            );
            ours.push(dates.long(&lang, day(a)));
        }
    }
    let Some(babel) = oracle("python3", "babel_oracle.py", &Value::from(cases.clone())) else {
        tool_missing("python3 with babel (pip install babel)");
        return;
    };
    assert_eq!(
        babel["cldr"],
        hexaglot::i18n::intervals::data::cldr_version()
    );
    let mut failures = Vec::new();
    for ((case, theirs), ours) in cases
        .iter()
        .zip(babel["results"].as_array().unwrap())
        .zip(&ours)
    {
        if theirs.as_str() != Some(ours.as_str()) {
            failures.push(format!(
                "{case}\n  babel:    {theirs:?}\n  hexaglot: {ours:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from Babel (CLDR {}):\n{}",
        failures.len(),
        cases.len(),
        babel["cldr"],
        failures.join("\n")
    );
}

/// Narrow, thin and no-break spaces as plain spaces: CLDR 49 (ICU4X, Babel) put thin
/// spaces where CLDR 48 (Node's ICU) has none or plain ones.
fn spaces(text: &str) -> String {
    text.replace(['\u{2009}', '\u{202f}', '\u{a0}'], " ")
}

/// A known disagreement with ICU: locale, kind, start, hexaglot's value, ICU's, why.
fn known_differences() -> BTreeSet<(String, String, String, String, String)> {
    let path = format!(
        "{}/tests/cldr/known-differences.tsv",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert!(f.len() >= 6, "known-differences.tsv: six columns: {l}");
            (
                f[0].into(),
                f[1].into(),
                f[2].into(),
                f[3].into(),
                f[4].into(),
            )
        })
        .collect()
}

#[test]
fn site_outputs_agree_with_icu_in_native_digits_and_zones() {
    let config = config();
    let (dates, times) = (Dates::new(&config), Times::new(&config));
    let mut cases = Vec::new();
    let mut ours = Vec::new();
    for (i, locale) in LOCALES.iter().enumerate() {
        let lang = code(i);
        let mut add = |kind: &str, start: &str, end: &str, zone: Option<&str>, value: String| {
            cases.push(json!({"locale": locale, "kind": kind, "start": iso(start), "end": iso(end), "zone": zone}));
            ours.push(value);
        };
        for (a, b) in DAYS {
            let r = dates.range(&lang, day(a), day(b), Precision::Day).unwrap();
            add("yMMMMd", a, b, None, r.text);
            add("yMMMMd-single", a, a, None, dates.long(&lang, day(a)));
        }
        for (a, b) in MONTHS {
            let r = dates
                .range(&lang, day(a), day(b), Precision::Month)
                .unwrap();
            add("yMMMM", a, b, None, r.text);
        }
        for (a, b) in TIMES {
            let r = times.range(&lang, hm(a), hm(b)).unwrap();
            let kind = if a[..10] == b[..10] {
                "Hm"
            } else {
                "Hm-sameday"
            };
            add(kind, a, b, None, r.text);
        }
        // 2021-05-18T11:00Z in four zones: summer time, east, west, half hours.
        for (zone, offset) in [
            ("Europe/Zurich", 7200),
            ("Asia/Tokyo", 32400),
            ("America/New_York", -14400),
            ("Asia/Kolkata", 19800),
        ] {
            let z = times
                .zone(&lang, zone, 1_621_335_600, offset, None)
                .unwrap();
            add(
                "O",
                "2021-05-18T11:00",
                "2021-05-18T11:00",
                Some(zone),
                z.offset,
            );
        }
    }
    let Some(icu) = oracle("node", "intl_oracle.cjs", &Value::from(cases.clone())) else {
        tool_missing("node (Node 20 has full ICU)");
        return;
    };
    let known = known_differences();
    let mut seen = BTreeSet::new();
    let mut failures = Vec::new();
    for ((case, theirs), ours) in cases
        .iter()
        .zip(icu["results"].as_array().unwrap())
        .zip(&ours)
    {
        let theirs = theirs.as_str().unwrap_or_default();
        if spaces(theirs) == spaces(ours) {
            continue;
        }
        let key = (
            case["locale"].as_str().unwrap().to_string(),
            case["kind"].as_str().unwrap().to_string(),
            case["start"].as_str().unwrap().to_string(),
            spaces(ours),
            spaces(theirs),
        );
        if known.contains(&key) {
            seen.insert(key);
        } else {
            failures.push(format!(
                "{}\t{}\t{}\t{}\t{}\t?",
                key.0, key.1, key.2, key.3, key.4
            ));
        }
    }
    let stale: Vec<_> = known.difference(&seen).collect();
    assert!(
        failures.is_empty() && stale.is_empty(),
        "ICU {} (CLDR {}) and hexaglot (CLDR {}) disagree where tests/cldr/known-differences.tsv \
         does not say why (locale, kind, start, hexaglot, ICU):\n{}\nlisted but no longer seen: {stale:?}",
        icu["icu"],
        icu["cldr"],
        hexaglot::i18n::intervals::data::cldr_version(),
        failures.join("\n")
    );
    assert_eq!(ours.len(), LOCALES.len() * 18);
}

/// The event fixture with `site.yaml` and `key_dates.yaml` edited, built; its `public/`.
fn event_site(site_yaml: &[(&str, &str)], key_dates: &str) -> tempfile::TempDir {
    let site = common::fixture_with_forum_theme("event");
    let config = site.path().join("content/site.yaml");
    let mut text = std::fs::read_to_string(&config).unwrap();
    for (from, to) in site_yaml {
        assert!(text.contains(from), "{from}");
        text = text.replace(from, to);
    }
    std::fs::write(&config, text).unwrap();
    // A language without UI strings of its own still needs its name, for the switcher.
    let de = site.path().join("locales/de");
    std::fs::create_dir_all(&de).unwrap();
    std::fs::write(
        de.join("main.ftl"),
        "language-de = Deutsch\n    .in = auf Deutsch\n",
    )
    .unwrap();
    let dates = site.path().join("content/data/key_dates.yaml");
    let mut text = std::fs::read_to_string(&dates).unwrap();
    text.push_str(key_dates);
    std::fs::write(&dates, text).unwrap();
    if let Err(e) = common::build(site.path()) {
        panic!("{e}");
    }
    site
}

#[test]
fn english_without_a_locale_writes_american_ranges_and_month_ranges_keep_their_end() {
    // Why: with `code: en` and no locale every range read "14–March 16, 2027", and
    // `format_date(precision="month")` dropped its `end`.
    let site = event_site(
        &[(
            "{code: en, name: English, locale: en-GB}",
            "{code: en, name: English}",
        )],
        "- id: pre\n  title: {en: Pre-events}\n  start: 2021-01-01\n  end: 2021-04-30\n  precision: month\n",
    );
    let public = site.path().join("public");
    let text = |path: &str, selector: &str| common::texts(&common::page(&public, path), selector);
    assert_eq!(
        text("en/sessions/exhibition/index.html", ".session-when time"),
        ["May 17–21, 2021"]
    );
    let months = [
        ("en", "January – April 2021"),
        ("fr", "janvier\u{2009}–\u{2009}avril 2021"),
        ("zh", "2021年1月至4月"),
        ("ar", "يناير - أبريل 2021"),
        ("ru", "январь – апрель 2021\u{202f}г."),
        ("es", "enero–abril de 2021"),
    ];
    for (lang, expected) in months {
        let dates = text(
            &format!("{lang}/programme/index.html"),
            ".key-dates dd time",
        );
        assert_eq!(dates.last().map(String::as_str), Some(expected), "{lang}");
    }
}

#[test]
fn sites_may_ask_for_tz_abbreviations_and_any_cldr_locale() {
    let site = event_site(
        &[
            (
                "time_zone: Europe/Zurich",
                "time_zone: Europe/Zurich\nzone_names: abbreviation",
            ),
            (
                "{code: ar, name: العربية, fallback: [en]}",
                "{code: ar, name: العربية, fallback: [en], locale: ar-JO}",
            ),
            (
                "{code: es, name: Español, fallback: [en]}",
                "{code: es, name: Español, fallback: [en]}\n  - {code: de, name: Deutsch, fallback: [en]}",
            ),
        ],
        "",
    );
    let public = site.path().join("public");
    let zone = |path: &str| common::texts(&common::page(&public, path), ".session-when .zone");
    assert_eq!(
        zone("en/sessions/asia-workshop/index.html"),
        ["JST (GMT+9)"]
    );
    assert_eq!(zone("en/sessions/opening/index.html"), ["CEST (GMT+2)"]);
    let time = |path: &str| common::texts(&common::page(&public, path), ".session-when time");
    // ar-JO: Arabic-Indic digits and the Levantine month names, in dates and times.
    assert_eq!(
        time("ar/sessions/exhibition/index.html"),
        ["١٧-٢١ أيار ٢٠٢١"]
    );
    assert!(
        time("ar/sessions/opening/index.html").contains(&"١٣:٠٠-١٣:٣٠".to_string()),
        "{:?}",
        time("ar/sessions/opening/index.html")
    );
    // German has no locales/de: CLDR alone writes its ranges, as Babel does (never with
    // the wording of English, the language it falls back to).
    assert_eq!(
        time("de/sessions/exhibition/index.html"),
        ["17.–21. Mai 2021"]
    );
    assert_eq!(
        time("de/sessions/opening/index.html")
            .last()
            .map(String::as_str),
        Some("13:00–13:30 Uhr")
    );
}
