//! The venue and the rooms, end to end on the `venue` fixture (a three-day event in
//! Arabic, English and French, three rooms, parallel sessions, a remote session in
//! another time zone): calendars read by Python's `icalendar`, JSON-LD read by the
//! `pyld` processor, session pages and schedule cards parsed with `scraper`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use serde_json::Value;

/// Runs `tests/fixtures/event-tools/<script>` over `files` and parses its JSON; `None`
/// (with the reason printed) when Python or the package is missing outside CI.
fn python(script: &str, package: &str, files: &[PathBuf]) -> Option<Value> {
    let path = repo().join("tests/fixtures/event-tools").join(script);
    let output = Command::new("python3").arg(&path).args(files).output();
    let missing = match &output {
        Err(e) => Some(format!("python3 cannot run: {e}")),
        Ok(o)
            if !o.status.success()
                && String::from_utf8_lossy(&o.stderr)
                    .contains(&format!("No module named '{package}'")) =>
        {
            Some(format!("the Python package {package} is not installed"))
        }
        Ok(_) => None,
    };
    if let Some(why) = missing {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must run {script}: {why}"
        );
        eprintln!("skipped: {why}");
        return None;
    }
    let output = output.unwrap();
    assert!(
        output.status.success(),
        "{script} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(serde_json::from_slice(&output.stdout).unwrap())
}

fn built() -> (tempfile::TempDir, PathBuf) {
    let site = fixture_with_forum_theme("venue");
    build(site.path()).unwrap();
    let public = site.path().join("public");
    (site, public)
}

fn ics_event(public: &Path, lang: &str, id: &str) -> Option<Value> {
    let file = public.join(format!("{lang}/sessions/{id}/{id}.ics"));
    assert!(file.is_file(), "{}", file.display());
    let parsed = python("ics_to_json.py", "icalendar", std::slice::from_ref(&file))?;
    let cal = &parsed[file.to_string_lossy().as_ref()];
    assert_eq!(cal["errors"], Value::Array(vec![]));
    Some(cal["events"][0].clone())
}

#[test]
fn calendars_give_the_room_and_venue_as_location_with_geo() {
    let (_site, public) = built();
    let Some(en) = ics_event(&public, "en", "opening") else {
        return;
    };
    assert_eq!(
        en["location"],
        "Main hall, Conference Palace, 12 Avenue Mohamed V, 1001 Tunis, TN"
    );
    assert_eq!(en["location_lang"], "en");
    assert_eq!(en["geo"], serde_json::json!([36.8065, 10.1815]));
    let ar = ics_event(&public, "ar", "opening").unwrap();
    assert_eq!(
        ar["location"],
        "القاعة الكبرى, قصر المؤتمرات, 12 Avenue Mohamed V, 1001 Tunis, TN"
    );
    assert_eq!(ar["location_lang"], "ar");
    // The olive room has no French name: its English one, marked as English.
    let fr = ics_event(&public, "fr", "data-clinic").unwrap();
    assert!(
        fr["location"]
            .as_str()
            .unwrap()
            .starts_with("Olive room, Palais des congrès"),
        "{fr}"
    );
    assert_eq!(fr["location_lang"], "en");
    // A room written per language on the session, as sites did before rooms.yaml.
    let foyer = ics_event(&public, "fr", "poster-exhibition").unwrap();
    assert!(
        foyer["location"]
            .as_str()
            .unwrap()
            .starts_with("Foyer, Palais des congrès")
    );
    // Online only: the stream, and no coordinates.
    let remote = ics_event(&public, "en", "remote-keynote").unwrap();
    assert_eq!(remote["location"], "https://days.example.org/live/keynote");
    assert_eq!(remote["geo"], Value::Null);
}

const SCHEMA: &str = "https://schema.org/";

/// The flattened JSON-LD nodes of `files`, by file.
fn json_ld(files: &[PathBuf]) -> Option<Value> {
    python("jsonld_flatten.py", "pyld", files)
}

fn node<'a>(nodes: &'a [Value], id: &Value) -> &'a Value {
    nodes
        .iter()
        .find(|n| &n["@id"] == id)
        .unwrap_or_else(|| panic!("no node {id}"))
}

fn types(n: &Value) -> Vec<String> {
    n["@type"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|t| t.as_str().unwrap().trim_start_matches(SCHEMA).to_string())
        .collect()
}

fn value<'a>(n: &'a Value, property: &str) -> &'a Value {
    &n[format!("{SCHEMA}{property}")][0]["@value"]
}

/// The types of the `location` nodes of the page's event, with the nodes.
fn locations(nodes: &[Value]) -> Vec<(Vec<String>, Value)> {
    let event = nodes
        .iter()
        .find(|n| types(n) == ["Event"] && n.get(format!("{SCHEMA}location")).is_some())
        .expect("an event with a location");
    event[format!("{SCHEMA}location")]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let n = node(nodes, &l["@id"]);
            (types(n), n.clone())
        })
        .collect()
}

#[test]
fn json_ld_places_sessions_in_the_venue_online_or_both() {
    let (_site, public) = built();
    let file = |rel: &str| public.join(rel);
    let files = [
        file("en/sessions/opening/index.html"),
        file("en/sessions/open-budgets/index.html"),
        file("en/sessions/remote-keynote/index.html"),
        file("fr/sessions/opening/index.html"),
    ];
    let Some(parsed) = json_ld(&files) else {
        return;
    };
    let nodes = |f: &PathBuf| {
        parsed[f.to_string_lossy().as_ref()]
            .as_array()
            .unwrap()
            .clone()
    };
    // Hybrid (the event's mode): the stream and the room of the venue.
    let opening = nodes(&files[0]);
    let mut kinds: Vec<Vec<String>> = locations(&opening).into_iter().map(|(t, _)| t).collect();
    kinds.sort();
    assert_eq!(
        kinds,
        [
            vec!["Place".to_string()],
            vec!["VirtualLocation".to_string()]
        ]
    );
    let (_, place) = locations(&opening)
        .into_iter()
        .find(|(t, _)| t == &["Place"])
        .unwrap();
    assert_eq!(value(&place, "name"), "Main hall");
    let address = node(&opening, &place[format!("{SCHEMA}address")][0]["@id"]);
    assert_eq!(types(address), ["PostalAddress"]);
    assert_eq!(value(address, "streetAddress"), "12 Avenue Mohamed V");
    assert_eq!(value(address, "postalCode"), "1001");
    assert_eq!(value(address, "addressCountry"), "TN");
    let geo = node(&opening, &place[format!("{SCHEMA}geo")][0]["@id"]);
    assert_eq!(types(geo), ["GeoCoordinates"]);
    assert_eq!(value(geo, "latitude"), 36.8065);
    let venue = node(
        &opening,
        &place[format!("{SCHEMA}containedInPlace")][0]["@id"],
    );
    assert_eq!(value(venue, "name"), "Conference Palace");
    let (_, online) = locations(&opening)
        .into_iter()
        .find(|(t, _)| t == &["VirtualLocation"])
        .unwrap();
    assert_eq!(
        value(&online, "url"),
        "https://days.example.org/live/opening"
    );
    // In person only, and online only.
    let kinds =
        |f| -> Vec<Vec<String>> { locations(&nodes(f)).into_iter().map(|(t, _)| t).collect() };
    assert_eq!(kinds(&files[1]), [vec!["Place".to_string()]]);
    assert_eq!(kinds(&files[2]), [vec!["VirtualLocation".to_string()]]);
    // In the page's language.
    let fr = nodes(&files[3]);
    let (_, place) = locations(&fr)
        .into_iter()
        .find(|(t, _)| t == &["Place"])
        .unwrap();
    assert_eq!(value(&place, "name"), "Grande salle");
}

#[test]
fn the_home_page_describes_the_event_at_its_venue() {
    let (_site, public) = built();
    let home = public.join("en/index.html");
    let Some(parsed) = json_ld(std::slice::from_ref(&home)) else {
        return;
    };
    let nodes = parsed[home.to_string_lossy().as_ref()]
        .as_array()
        .unwrap()
        .clone();
    let mut kinds: Vec<Vec<String>> = locations(&nodes).into_iter().map(|(t, _)| t).collect();
    kinds.sort();
    assert_eq!(
        kinds,
        [
            vec!["Place".to_string()],
            vec!["VirtualLocation".to_string()]
        ]
    );
    let (_, place) = locations(&nodes)
        .into_iter()
        .find(|(t, _)| t == &["Place"])
        .unwrap();
    assert_eq!(value(&place, "name"), "Conference Palace");
}

#[test]
fn session_pages_and_cards_show_the_room_and_the_venue() {
    let (_site, public) = built();
    let en = page(&public, "en/sessions/opening/index.html");
    assert_eq!(texts(&en, ".session-room > span[class]").len(), 3);
    assert_eq!(texts(&en, ".room-floor"), ["Ground floor"]);
    assert_eq!(texts(&en, ".room-capacity"), ["400 seats"]);
    assert_eq!(
        texts(&en, ".room-accessibility"),
        ["Step-free entrance and a hearing loop"]
    );
    assert_eq!(texts(&en, ".venue-name"), ["Conference Palace"]);
    assert_eq!(
        texts(&en, ".venue-address"),
        ["12 Avenue Mohamed V, 1001 Tunis, TN"]
    );
    assert_eq!(
        attrs(&en, "a.venue-map", "href"),
        ["https://maps.example.org/?q=36.8065,10.1815"]
    );
    let ar = page(&public, "ar/sessions/opening/index.html");
    assert_eq!(texts(&ar, ".room-capacity"), ["400 مقعد"]);
    assert_eq!(texts(&ar, ".room-floor"), ["الطابق الأرضي"]);
    let fr = page(&public, "fr/sessions/mapping-workshop/index.html");
    assert_eq!(texts(&fr, ".room-floor"), ["Étage 1"]);
    assert_eq!(texts(&fr, ".room-capacity"), ["80 places"]);
    // Online only: no room, no venue.
    let remote = page(&public, "en/sessions/remote-keynote/index.html");
    assert!(texts(&remote, ".session-venue").is_empty());
    // The schedule's cards tell parallel sessions apart by their rooms.
    let schedule = page(&public, "en/sessions/index.html");
    let rooms = texts(
        &schedule,
        "#session-mapping-workshop .session-room span[lang], #session-mapping-workshop .session-room > span:not(.visually-hidden)",
    );
    assert!(rooms.iter().any(|r| r == "Cedar room"), "{rooms:?}");
    let ar = page(&public, "ar/sessions/index.html");
    let rooms = texts(
        &ar,
        "#session-data-clinic .session-room > span:not(.visually-hidden)",
    );
    assert_eq!(rooms, ["قاعة الزيتون"]);
}

#[test]
fn a_session_naming_an_unknown_room_is_an_error_at_its_line() {
    let site = fixture_with_forum_theme("venue");
    let file = site.path().join("content/data/sessions.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("room: cedar", "room: cellar", 1)).unwrap();
    let err = build(site.path()).unwrap_err().to_string();
    assert!(
        err.contains("`room: cellar` refers to no record in rooms.yaml"),
        "{err}"
    );
    assert!(err.contains("sessions.yaml:25:"), "{err}");
}

/// The ids of the session cards under each day heading of a schedule page.
fn days(doc: &scraper::Html) -> Vec<(String, Vec<String>)> {
    let day = scraper::Selector::parse("section.schedule-day").unwrap();
    let heading = scraper::Selector::parse("h2 time").unwrap();
    let card = scraper::Selector::parse(".session-card").unwrap();
    doc.select(&day)
        .map(|d| {
            let date = d
                .select(&heading)
                .next()
                .unwrap()
                .value()
                .attr("datetime")
                .unwrap();
            let ids = d
                .select(&card)
                .map(|c| c.value().attr("data-session").unwrap().to_string())
                .collect();
            (date.to_string(), ids)
        })
        .collect()
}

#[test]
fn sessions_over_several_days_are_listed_on_each() {
    let (_site, public) = built();
    let doc = page(&public, "en/sessions/index.html");
    let days = days(&doc);
    let dates: Vec<&str> = days.iter().map(|(d, _)| d.as_str()).collect();
    assert_eq!(dates, ["2025-03-14", "2025-03-15", "2025-03-16"]);
    // The exhibition runs 14–16 March: first on each day, having started before the rest.
    for (date, ids) in &days {
        assert_eq!(ids[0], "poster-exhibition", "{date}: {ids:?}");
    }
    // The night hackathon runs from 20:00 to 02:00: on both days, before the morning.
    assert!(days[1].1.contains(&"night-hack".to_string()));
    assert_eq!(days[2].1[1], "night-hack", "{:?}", days[2].1);
}

#[test]
fn a_format_of_every_track_serves_sessions_of_two_tracks() {
    let (_site, public) = built();
    let doc = page(&public, "fr/sessions/tracks/index.html");
    let track_of = |id: &str| {
        let sel = format!("section.schedule-track:has(#session-{id})");
        attrs(&doc, &sel, "aria-labelledby")
    };
    assert_eq!(track_of("civic-tech"), ["track-policy"]);
    assert_eq!(track_of("data-journalism"), ["track-practice"]);
    let format = texts(&doc, "#session-civic-tech .session-format");
    assert_eq!(format, ["Table ronde"]);
}

#[test]
fn interpretation_may_be_into_any_language_sign_languages_included() {
    let (_site, public) = built();
    let names = |lang: &str| {
        let doc = page(&public, &format!("{lang}/sessions/opening/index.html"));
        texts(&doc, ".session-interpretation li")
    };
    assert_eq!(
        names("en"),
        [
            "Arabic",
            "English",
            "French",
            "Spanish",
            "International Sign",
            "American Sign Language",
            "Latin American Spanish"
        ]
    );
    // International Sign is a message of the theme (CLDR has no name for `ils`); the
    // others are CLDR's, as Babel reads CLDR; a tag CLDR does not name in a language
    // stays a tag.
    assert_eq!(names("ar")[4], "لغة الإشارة الدولية");
    assert_eq!(names("fr")[4], "signes internationaux");
    for lang in ["ar", "en", "fr"] {
        let shown = names(lang);
        for (i, tag) in [(3, "es"), (5, "ase"), (6, "es-419")] {
            let cldr = babel_language_name(lang, tag);
            assert_eq!(
                shown[i],
                cldr.unwrap_or_else(|| tag.to_string()),
                "{lang} {tag}"
            );
        }
    }
}

/// The name of language `tag` in `lang` as Babel reads it from CLDR, if CLDR has one.
fn babel_language_name(lang: &str, tag: &str) -> Option<String> {
    let code = format!(
        "from babel import Locale; print(Locale.parse('{lang}').languages.get('{}') or '', end='')",
        tag.replace('-', "_")
    );
    let out = Command::new("python3")
        .args(["-c", &code])
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "Babel: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let name = String::from_utf8(out.stdout).unwrap();
    (!name.is_empty()).then_some(name)
}

#[test]
fn each_session_page_says_how_to_attend_in_its_language() {
    let (_site, public) = built();
    let attend = |rel: &str| {
        let doc = page(&public, rel);
        (
            texts(&doc, "#how-to-attend"),
            attrs(&doc, ".session-mode", "data-mode"),
            texts(&doc, ".session-mode"),
            attrs(&doc, ".session-attend a", "href"),
        )
    };
    // The event is hybrid; the opening streams; registration is the event's.
    let (heading, mode, words, links) = attend("ar/sessions/opening/index.html");
    assert_eq!(heading, ["طريقة المشاركة"]);
    assert_eq!(mode, ["mixed"]);
    assert_eq!(words, ["حضوريًا وعبر الإنترنت"]);
    assert_eq!(
        links,
        [
            "https://days.example.org/live/opening",
            "https://days.example.org/register"
        ]
    );
    let (_, mode, words, _) = attend("fr/sessions/remote-keynote/index.html");
    assert_eq!(
        (mode, words),
        (
            vec!["online".to_string()],
            vec!["En ligne uniquement".to_string()]
        )
    );
    let (_, mode, _, _) = attend("en/sessions/open-budgets/index.html");
    assert_eq!(mode, ["offline"]);
    // Its own registration, and the recording.
    let (heading, _, _, links) = attend("en/sessions/closing/index.html");
    assert_eq!(heading, ["How to attend"]);
    assert_eq!(
        links,
        [
            "https://days.example.org/recordings/closing",
            "https://days.example.org/register/closing"
        ]
    );
}
