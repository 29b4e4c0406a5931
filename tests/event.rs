//! Event data end to end: the fixture site `tests/fixtures/event` (sessions on several
//! days in two time zones) built with the forum theme and UI strings, checked by parsing
//! the HTML: date and time strings in six languages, grouping by day and by track, pages
//! at the same id-based URL in every language, links between sessions, people and
//! organizations, schema.org JSON-LD. Bad data is in the corpus (`tests/corpus/event-*`,
//! `tests/corpus/data-*`).

mod common;

use common::*;
use scraper::{Html, Selector};

const LANGS: [&str; 6] = ["ar", "zh", "en", "fr", "ru", "es"];

fn built() -> tempfile::TempDir {
    let site = fixture_with_forum_theme("event");
    if let Err(e) = build(site.path()) {
        panic!("{e}");
    }
    site
}

fn text_of(doc: &Html, selector: &str) -> String {
    let found = texts(doc, selector);
    assert_eq!(found.len(), 1, "{selector}: {found:?}");
    found[0].trim().to_string()
}

#[test]
fn session_times_read_naturally_in_six_languages() {
    let site = built();
    let public = site.path().join("public");
    // (language, day with weekday, time range, zone) of the opening, 13:00–13:30 in Geneva.
    // Times, ranges and zone names are CLDR's; the connectors (至, the hyphen of the
    // Arabic letter) are the languages' `time-range` messages.
    let opening = [
        (
            "ar",
            "الثلاثاء، 18 مايو 2021",
            "13:00-13:30",
            "غرينتش\u{200e}+2",
        ),
        ("zh", "2021年5月18日星期二", "13:00至13:30", "GMT+2"),
        ("en", "Tuesday, 18 May 2021", "13:00–13:30", "CEST (GMT+2)"),
        ("fr", "mardi 18 mai 2021", "13:00–13:30", "UTC+2"),
        (
            "ru",
            "вторник, 18 мая 2021\u{202f}г.",
            "13:00–13:30",
            "GMT+2",
        ),
        ("es", "martes, 18 de mayo de 2021", "13:00–13:30", "GMT+2"),
    ];
    for (lang, day, time, zone) in opening {
        let doc = page(&public, &format!("{lang}/sessions/opening/index.html"));
        assert_eq!(text_of(&doc, ".session-when .session-day"), day, "{lang}");
        assert_eq!(text_of(&doc, ".session-when .event-time"), time, "{lang}");
        assert_eq!(text_of(&doc, ".session-when .zone"), zone, "{lang}");
    }
    // The workshop is written in Tokyo time and shown in it: CLDR has no short name for
    // Japan's zone in these languages, so its GMT offset (not the tz database's `JST`).
    let tokyo = [
        (
            "ar",
            "الأربعاء، 19 مايو 2021",
            "10:00-11:00",
            "غرينتش\u{200e}+9",
        ),
        ("en", "Wednesday, 19 May 2021", "10:00–11:00", "GMT+9"),
        ("zh", "2021年5月19日星期三", "10:00至11:00", "GMT+9"),
    ];
    for (lang, day, time, zone) in tokyo {
        let doc = page(
            &public,
            &format!("{lang}/sessions/asia-workshop/index.html"),
        );
        assert_eq!(text_of(&doc, ".session-when .session-day"), day, "{lang}");
        assert_eq!(text_of(&doc, ".session-when .event-time"), time, "{lang}");
        assert_eq!(text_of(&doc, ".session-when .zone"), zone, "{lang}");
    }
    // Whole days: CLDR's range inside each language's `date-range` message.
    let exhibition = [
        ("ar", "17-21 مايو 2021"),
        ("zh", "2021年5月17日至21日"),
        ("en", "17–21 May 2021"),
        ("fr", "du 17 au 21 mai 2021"),
        ("ru", "17–21 мая 2021\u{202f}г."),
        ("es", "del 17 al 21 de mayo de 2021"),
    ];
    for (lang, dates) in exhibition {
        let doc = page(&public, &format!("{lang}/sessions/exhibition/index.html"));
        assert_eq!(text_of(&doc, ".session-when time"), dates, "{lang}");
    }
    // A session past midnight keeps the hour's range and marks the next day, in each
    // language's words (never `23:30至2021年5月21日星期五00:30`).
    let late_night = [
        ("en", "23:30–00:30 (+1 day)"),
        ("fr", "23:30–00:30 (+1 jour)"),
        ("zh", "23:30至00:30（次日）"),
        ("ar", "23:30-00:30 (اليوم التالي)"),
        ("ru", "23:30–00:30 (+1 день)"),
        ("es", "23:30–0:30 (+1 día)"),
    ];
    for (lang, time) in late_night {
        let doc = page(&public, &format!("{lang}/sessions/late-night/index.html"));
        assert_eq!(text_of(&doc, ".session-when .event-time"), time, "{lang}");
    }
}

#[test]
fn machine_readable_times_are_utc_with_the_listed_day_and_offset() {
    let site = built();
    let doc = page(&site.path().join("public"), "en/sessions/index.html");
    let times = Selector::parse("#session-asia-workshop time.event-time").unwrap();
    let t = doc
        .select(&times)
        .next()
        .expect("the workshop's time")
        .value();
    assert_eq!(t.attr("datetime"), Some("2021-05-19T01:00:00Z"));
    assert_eq!(t.attr("data-end"), Some("2021-05-19T02:00:00Z"));
    assert_eq!(t.attr("data-day"), Some("2021-05-19"));
    assert_eq!(t.attr("data-offset"), Some("540"));
}

#[test]
fn schedule_groups_sessions_by_day_in_time_order() {
    let site = built();
    let public = site.path().join("public");
    let doc = page(&public, "en/sessions/index.html");
    let days = Selector::parse("section.schedule-day").unwrap();
    let cards = Selector::parse(".session-card").unwrap();
    let grouped: Vec<(String, Vec<String>)> = doc
        .select(&days)
        .map(|day| {
            let date = day
                .value()
                .attr("aria-labelledby")
                .unwrap()
                .trim_start_matches("day-")
                .to_string();
            (
                date,
                day.select(&cards)
                    .map(|c| c.value().attr("data-session").unwrap().to_string())
                    .collect(),
            )
        })
        .collect();
    let expected: Vec<(String, Vec<String>)> = [
        ("2021-05-17", vec!["exhibition"]),
        // The exhibition (17–21 May) is on every day, before the day's own sessions.
        (
            "2021-05-18",
            vec!["exhibition", "opening", "evening-dialogue"],
        ),
        // 10:00 in Tokyo is 03:00 in Geneva: before the 12:00 networking break.
        (
            "2021-05-19",
            vec!["exhibition", "asia-workshop", "networking"],
        ),
        ("2021-05-20", vec!["exhibition", "late-night"]),
        // The late-night session (23:30–00:30) reaches into the 21st.
        ("2021-05-21", vec!["exhibition", "late-night"]),
    ]
    .into_iter()
    .map(|(d, s)| (d.to_string(), s.into_iter().map(str::to_string).collect()))
    .collect();
    assert_eq!(grouped, expected);
    let fr = page(&public, "fr/sessions/index.html");
    assert_eq!(
        texts(&fr, "section.schedule-day > h2"),
        [
            "lundi 17 mai 2021",
            "mardi 18 mai 2021",
            "mercredi 19 mai 2021",
            "jeudi 20 mai 2021",
            "vendredi 21 mai 2021"
        ]
    );
    let zh = page(&public, "zh/sessions/index.html");
    assert_eq!(
        texts(&zh, "section.schedule-day > h2")[0],
        "2021年5月17日星期一"
    );
}

#[test]
fn schedule_by_track_lists_each_track_then_sessions_in_none() {
    let site = built();
    let doc = page(&site.path().join("public"), "en/sessions/tracks/index.html");
    assert_eq!(
        texts(&doc, "section.schedule-track > h2"),
        ["High-Level Track", "Forum Track", "Other sessions"]
    );
    let ids = |anchor: &str| {
        attrs(
            &doc,
            &format!("section[aria-labelledby='{anchor}'] .session-card"),
            "id",
        )
    };
    assert_eq!(
        ids("track-high-level"),
        ["session-opening", "session-evening-dialogue"]
    );
    // The workshop is in the Forum Track through its format.
    assert_eq!(
        ids("track-forum"),
        // A session's card has its plain id on its first day only, so ids stay unique.
        [
            "session-exhibition",
            "session-exhibition-2021-05-18",
            "session-exhibition-2021-05-19",
            "session-asia-workshop",
            "session-exhibition-2021-05-20",
            "session-late-night",
            "session-exhibition-2021-05-21",
            "session-late-night-2021-05-21"
        ]
    );
    assert_eq!(ids("no-track"), ["session-networking"]);
}

#[test]
fn every_page_made_from_data_exists_at_the_same_id_url_in_every_language() {
    let site = built();
    let public = site.path().join("public");
    let ids = [
        "opening",
        "evening-dialogue",
        "asia-workshop",
        "exhibition",
        "networking",
        "late-night",
    ];
    for lang in LANGS {
        for id in ids {
            let doc = page(&public, &format!("{lang}/sessions/{id}/index.html"));
            assert_eq!(attrs(&doc, "html", "lang"), [lang]);
            let switcher = attrs(&doc, "nav.languages a", "href");
            let expected: Vec<String> = LANGS
                .iter()
                .filter(|&&l| l != lang)
                .map(|l| format!("/{l}/sessions/{id}/"))
                .collect();
            assert_eq!(switcher, expected, "{lang}/{id}");
            assert_eq!(
                attrs(&doc, "link[rel=canonical]", "href"),
                [format!("https://event.example.org/{lang}/sessions/{id}/")]
            );
            assert_eq!(
                attrs(&doc, "link[rel=alternate]", "hreflang"),
                ["ar", "zh", "en", "fr", "ru", "es", "x-default"]
            );
        }
        for rel in [
            "people/ada",
            "people/li",
            "people/sam",
            "organizations/alpha",
            "organizations/beta",
            "sessions/tracks",
        ] {
            assert!(
                public.join(lang).join(rel).join("index.html").is_file(),
                "{lang}/{rel}"
            );
        }
    }
    // Text missing in a language falls back and says in which language it is.
    let ar = page(&public, "ar/sessions/networking/index.html");
    assert_eq!(attrs(&ar, "h1", "lang"), ["en"]);
    assert_eq!(attrs(&ar, "h1", "dir"), ["ltr"]);
    assert_eq!(text_of(&ar, "h1"), "Networking break");
}

#[test]
fn sessions_people_and_organizations_link_both_ways() {
    let site = built();
    let public = site.path().join("public");
    for lang in ["en", "ar"] {
        let session = page(
            &public,
            &format!("{lang}/sessions/evening-dialogue/index.html"),
        );
        assert_eq!(
            attrs(&session, ".people-list a", "href"),
            [
                format!("/{lang}/people/ada/"),
                format!("/{lang}/people/li/")
            ]
        );
        let ada = page(&public, &format!("{lang}/people/ada/index.html"));
        assert_eq!(
            attrs(&ada, ".session-title a", "href"),
            [
                format!("/{lang}/sessions/opening/"),
                format!("/{lang}/sessions/evening-dialogue/")
            ]
        );
        assert_eq!(
            attrs(&ada, "a.person-organization", "href"),
            [format!("/{lang}/organizations/alpha/")]
        );
        let alpha = page(&public, &format!("{lang}/organizations/alpha/index.html"));
        assert_eq!(
            attrs(&alpha, ".people-list a", "href"),
            [format!("/{lang}/people/ada/")]
        );
        // Sessions naming the organization, or one of its people.
        assert_eq!(
            attrs(&alpha, ".session-title a", "href"),
            [
                format!("/{lang}/sessions/opening/"),
                format!("/{lang}/sessions/evening-dialogue/")
            ]
        );
        let beta = page(&public, &format!("{lang}/organizations/beta/index.html"));
        let beta_sessions: Vec<String> = ["exhibition", "evening-dialogue", "asia-workshop"]
            .iter()
            .map(|id| format!("/{lang}/sessions/{id}/"))
            .collect();
        assert_eq!(attrs(&beta, ".session-title a", "href"), beta_sessions);
    }
    let sam = page(&public, "en/people/sam/index.html");
    assert!(texts(&sam, ".session-card").is_empty());
    let ada_zh = page(&public, "zh/people/ada/index.html");
    assert_eq!(text_of(&ada_zh, "h1"), "阿达·洛夫莱斯");
    // Every link of every page made from data leads to a file of the output.
    for file in html_files(&public) {
        if !(file.contains("/sessions/")
            || file.contains("/people/")
            || file.contains("/organizations/"))
        {
            continue;
        }
        let doc = page(&public, &file);
        for href in attrs(&doc, "main a, nav a", "href") {
            if href.starts_with('/') {
                assert!(
                    file_for(&public, &href, "/").is_some(),
                    "{file}: {href} leads nowhere"
                );
            }
        }
    }
}

#[test]
fn session_page_offers_calendars_and_accessibility() {
    let site = built();
    let public = site.path().join("public");
    let doc = page(&public, "fr/sessions/opening/index.html");
    let ics = attrs(&doc, ".add-to-calendar a[type='text/calendar']", "href");
    assert_eq!(ics, ["/fr/sessions/opening/opening.ics"]);
    assert!(file_for(&public, &ics[0], "/").is_some());
    let google = attrs(
        &doc,
        ".add-to-calendar a[href^='https://calendar.google.com/']",
        "href",
    );
    assert_eq!(google.len(), 1);
    assert!(
        google[0].contains("&dates=20210518T110000Z/20210518T113000Z&"),
        "{}",
        google[0]
    );
    assert!(
        google[0].contains("text=S%C3%A9ance%20d%E2%80%99ouverture"),
        "{}",
        google[0]
    );
    assert_eq!(
        texts(&doc, ".session-interpretation li"),
        [
            "arabe",
            "chinois",
            "anglais",
            "français",
            "russe",
            "espagnol"
        ]
    );
    assert_eq!(
        text_of(&doc, ".session-captioning"),
        "Sous-titrage en direct"
    );
    assert_eq!(
        attrs(&doc, "a.session-stream", "href"),
        ["https://event.example.org/live/opening"]
    );
    // The whole-day exhibition: Google's all-day form ends the day after.
    let doc = page(&public, "en/sessions/exhibition/index.html");
    let google = attrs(
        &doc,
        ".add-to-calendar a[href^='https://calendar.google.com/']",
        "href",
    );
    assert!(
        google[0].contains("&dates=20210517/20210522&"),
        "{}",
        google[0]
    );
}

fn json_ld(doc: &Html) -> serde_json::Value {
    let text = text_of(doc, "script[type='application/ld+json']");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

#[test]
fn session_pages_describe_a_schema_org_event() {
    let site = built();
    let public = site.path().join("public");
    let doc = page(&public, "fr/sessions/opening/index.html");
    let e = json_ld(&doc);
    assert_eq!(e["@type"], "Event");
    assert_eq!(e["name"], "Séance d’ouverture");
    assert_eq!(e["startDate"], "2021-05-18T13:00:00+02:00");
    assert_eq!(e["endDate"], "2021-05-18T13:30:00+02:00");
    assert_eq!(
        e["eventAttendanceMode"],
        "https://schema.org/OnlineEventAttendanceMode"
    );
    assert_eq!(
        e["location"]["url"],
        "https://event.example.org/live/opening"
    );
    assert_eq!(e["organizer"][0]["name"], "Organisation Alpha");
    assert_eq!(
        e["performer"][0]["url"],
        "https://event.example.org/fr/people/ada/"
    );
    assert_eq!(e["superEvent"]["name"], "Événement d’essai");
    let tokyo = json_ld(&page(&public, "en/sessions/asia-workshop/index.html"));
    assert_eq!(tokyo["startDate"], "2021-05-19T10:00:00+09:00");
    let home = json_ld(&page(&public, "en/index.html"));
    assert_eq!(
        (home["startDate"].as_str(), home["endDate"].as_str()),
        (Some("2021-05-17"), Some("2021-05-21"))
    );
    assert_eq!(home["organizer"][0]["alternateName"], "ALPHA");
}

#[test]
fn forum_home_page_describes_the_forum_of_17_to_21_may_2021_without_a_mode() {
    let site = forum_site();
    build(site.path()).unwrap();
    let public = site.path().join("public");
    let e = json_ld(&page(&public, "en/index.html"));
    assert_eq!(e["name"], "WSIS Forum 2021");
    assert_eq!(
        (e["startDate"].as_str(), e["endDate"].as_str()),
        (Some("2021-05-17"), Some("2021-05-21"))
    );
    // The invitation letter does not say how the Forum is attended: no language states it.
    for lang in ["ar", "zh", "en", "fr", "ru", "es"] {
        let e = json_ld(&page(&public, &format!("{lang}/index.html")));
        assert_eq!(e.get("eventAttendanceMode"), None, "{lang}: {e}");
        assert_eq!(e.get("location"), None, "{lang}: {e}");
    }
    let organizers: Vec<&str> = e["organizer"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["alternateName"].as_str().unwrap())
        .collect();
    assert_eq!(organizers, ["ITU", "UNESCO", "UNCTAD", "UNDP"]);
    let ar = json_ld(&page(&public, "ar/index.html"));
    assert_eq!(
        ar["name"],
        "منتدى القمة العالمية لمجتمع المعلومات لعام 2021"
    );
    // No sessions in the forum's data: no schedule, but the calendar of the final week.
    assert!(!public.join("en/sessions").exists());
    let programme = page(&public, "en/programme/index.html");
    assert_eq!(
        attrs(&programme, "a.calendar-link", "href"),
        ["/en/calendar.ics"]
    );
    // Organizers and signatories have pages, linked from the Organizers page.
    let organizers = page(&public, "fr/organizers/index.html");
    let hrefs = attrs(&organizers, "main a", "href");
    assert!(
        hrefs.contains(&"/fr/organizations/itu/".to_string()),
        "{hrefs:?}"
    );
    assert!(
        hrefs.contains(&"/fr/people/houlin-zhao/".to_string()),
        "{hrefs:?}"
    );
    let zhao = page(&public, "fr/people/houlin-zhao/index.html");
    assert_eq!(
        attrs(&zhao, "a.person-organization", "href"),
        ["/fr/organizations/itu/"]
    );
}

#[test]
fn a_failed_build_of_bad_data_leaves_public_untouched_and_shows_the_line() {
    let site = built();
    let public = site.path().join("public");
    let before = read_tree(&public);
    copy_tree(
        &repo().join("tests/corpus/event-unknown-time-zone/overlay/content"),
        &site.path().join("content"),
    );
    let message = build(site.path()).unwrap_err().to_string();
    assert!(
        message.contains("  --> content/data/sessions.yaml:"),
        "{message}"
    );
    assert!(message.contains("time_zone: Europe/Genva"), "{message}");
    assert!(
        message.contains("= hint: write a zone name such as Europe/Zurich"),
        "{message}"
    );
    assert_eq!(read_tree(&public), before);
}

/// Calendars and pages carry no build time: two builds are the same, byte for byte.
#[test]
fn two_builds_of_the_event_site_are_byte_identical() {
    // Two copies made at different moments: the calendars' SEQUENCE numbers start from
    // the last change of the event data, so the copies carry the same times, as two
    // checkouts of one commit (or `cp -p`) do.
    let (a, b) = (
        fixture_with_forum_theme("event"),
        fixture_with_forum_theme("event"),
    );
    for site in [&a, &b] {
        let data = site.path().join("content/data");
        let mut paths = vec![data.clone(), site.path().join("content/site.yaml")];
        paths.extend(std::fs::read_dir(&data).unwrap().map(|e| e.unwrap().path()));
        for path in paths {
            let file = std::fs::File::open(&path).unwrap();
            file.set_modified(
                std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_620_000_000),
            )
            .unwrap();
        }
        build(site.path()).unwrap();
    }
    let (ta, tb) = (
        read_tree(&a.path().join("public")),
        read_tree(&b.path().join("public")),
    );
    assert!(ta.keys().any(|k| k.ends_with(".ics")));
    assert_eq!(ta, tb);
}

/// A session description shown in another language gets the notice pages get, in the
/// page's language, naming both languages; one in the page's language gets none.
#[test]
fn a_description_in_a_fallback_language_is_announced() {
    let site = built();
    let public = site.path().join("public");
    let fr = page(&public, "fr/sessions/opening/index.html");
    assert_eq!(
        texts(&fr, ".notice-fallback"),
        [
            "Cette description n’est pas encore disponible en français. Elle est présentée ci-dessous en anglais."
        ]
    );
    assert_eq!(
        attrs(&fr, ".session-page .content, main .content", "lang"),
        ["en"]
    );
    let zh = page(&public, "zh/sessions/opening/index.html");
    assert_eq!(texts(&zh, ".notice-fallback").len(), 1);
    let en = page(&public, "en/sessions/opening/index.html");
    assert!(texts(&en, ".notice-fallback").is_empty());
}
