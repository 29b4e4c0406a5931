//! The schedule exchange files (`schedule.xml`, `schedule.json`), checked by the
//! format's own validators and by independent parsers: every file of a three-language
//! fixture (parallel rooms, sessions over several days and past midnight, two time
//! zones, Arabic) passes `xmllint --schema` with the published XSD and Python's
//! `jsonschema` with the published JSON Schema; Python's readers of both shapes find
//! the same events, with the times, rooms and texts of the YAML.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use serde_json::Value;

const LANGS: [&str; 3] = ["en", "fr", "ar"];

fn validators() -> PathBuf {
    repo().join("../shared/validators/frab")
}

/// `None` (with the reason printed) when a tool is missing outside CI; under `CI` a
/// missing tool fails.
fn missing(why: String) -> Option<Value> {
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must run the validators: {why}"
    );
    eprintln!("skipped: {why}");
    None
}

/// Validates every XML file with xmllint and the XSD.
fn xmllint(files: &[PathBuf]) -> bool {
    let xsd = validators().join("schedule.xml.xsd");
    let output = match Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&xsd)
        .args(files)
        .output()
    {
        Ok(o) => o,
        Err(e) => return missing(format!("xmllint cannot run: {e}")).is_some(),
    };
    assert!(
        output.status.success(),
        "xmllint refused a schedule.xml:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    true
}

/// Reads `files` with Python's parsers, validating the JSON ones against the schema.
fn summarize(files: &[PathBuf]) -> Option<Value> {
    let script = repo().join("tests/fixtures/exchange-tools/summarize.py");
    let schema = validators().join("schedule.schema.json");
    let output = match Command::new("python3")
        .arg(&script)
        .arg(&schema)
        .args(files)
        .output()
    {
        Ok(o) => o,
        Err(e) => return missing(format!("python3 cannot run: {e}")),
    };
    if output.status.code() == Some(3) {
        return missing("the Python package jsonschema is not installed".into());
    }
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(serde_json::from_slice(&output.stdout).unwrap())
}

fn exchange_files(public: &Path) -> Vec<PathBuf> {
    read_tree(public)
        .into_keys()
        .filter(|k| k.ends_with("schedule.xml") || k.ends_with("schedule.json"))
        .map(|k| public.join(k))
        .collect()
}

fn built(fixture: &str) -> (tempfile::TempDir, PathBuf) {
    let site = fixture_with_forum_theme(fixture);
    build(site.path()).unwrap();
    let public = site.path().join("public");
    (site, public)
}

/// The event of `summary` whose URL ends with `/sessions/<id>/`, on `day`.
fn event<'a>(summary: &'a Value, id: &str, day: &str) -> &'a Value {
    summary["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| {
            e["url"]
                .as_str()
                .unwrap()
                .ends_with(&format!("/sessions/{id}/"))
                && e["day"] == day
        })
        .unwrap_or_else(|| panic!("no event {id} on {day}"))
}

#[test]
fn every_exported_file_passes_the_published_validators() {
    let (_site, public) = built("schedule-exchange");
    let files = exchange_files(&public);
    assert_eq!(files.len(), 2 * LANGS.len(), "{files:?}");
    if !xmllint(
        &files
            .iter()
            .filter(|f| f.extension().unwrap() == "xml")
            .cloned()
            .collect::<Vec<_>>(),
    ) {
        return;
    }
    let Some(summary) = summarize(&files) else {
        return;
    };
    for (file, s) in summary.as_object().unwrap() {
        assert_eq!(s["errors"], Value::Array(vec![]), "{file}");
    }
    // The event fixture too (six languages, the forum's theme): another shape of data.
    let (_site2, public2) = built("event");
    let files2 = exchange_files(&public2);
    assert_eq!(files2.len(), 12);
    assert!(xmllint(
        &files2
            .iter()
            .filter(|f| f.extension().unwrap() == "xml")
            .cloned()
            .collect::<Vec<_>>()
    ));
    let summary2 = summarize(&files2).unwrap();
    for (file, s) in summary2.as_object().unwrap() {
        assert_eq!(s["errors"], Value::Array(vec![]), "{file}");
    }
}

#[test]
fn both_shapes_say_what_the_yaml_says_in_each_language() {
    let (_site, public) = built("schedule-exchange");
    let files = exchange_files(&public);
    let Some(summary) = summarize(&files) else {
        return;
    };
    let by_lang: BTreeMap<&str, (&Value, &Value)> = LANGS
        .iter()
        .map(|l| {
            let xml = &summary[public.join(l).join("schedule.xml").to_str().unwrap()];
            let json = &summary[public.join(l).join("schedule.json").to_str().unwrap()];
            (*l, (xml, json))
        })
        .collect();
    for (lang, (xml, json)) in &by_lang {
        assert_eq!(
            xml["events"], json["events"],
            "{lang}: XML and JSON disagree"
        );
        // Six sessions; the fair covers two whole days, one event each.
        assert_eq!(xml["events"].as_array().unwrap().len(), 7, "{lang}");
        assert_eq!(xml["days"], serde_json::json!(["2024-06-10", "2024-06-11"]));
        for e in xml["events"].as_array().unwrap() {
            assert_eq!(e["language"], *lang);
            assert_eq!(
                e["room"], e["room_attr"],
                "an event sits in the room it names"
            );
        }
    }
    let (en, _) = by_lang["en"];
    // Parallel rooms: two events at 09:00 in Hall 1 and Hall 2.
    let keynote = event(en, "keynote", "2024-06-10");
    let lab = event(en, "repair-lab", "2024-06-10");
    assert_eq!(keynote["date"], "2024-06-10T09:00:00-04:00");
    assert_eq!(lab["date"], keynote["date"]);
    assert_eq!(
        (keynote["room"].as_str(), lab["room"].as_str()),
        (Some("Hall 1"), Some("Hall 2"))
    );
    assert_eq!(lab["duration"], "02:30");
    assert_eq!(keynote["type"], "Talk");
    assert_eq!(keynote["persons"], serde_json::json!(["Amina Haddad"]));
    assert_eq!(
        keynote["links"][0],
        serde_json::json!([
            "https://harbour.example.net/live/hall-1",
            "media",
            "Follow the session online"
        ])
    );
    // Past midnight: one event on its first day.
    let night = event(en, "night-watch", "2024-06-10");
    assert_eq!(
        (night["start"].as_str(), night["duration"].as_str()),
        (Some("23:00"), Some("02:15"))
    );
    // The second zone keeps its offset.
    assert_eq!(
        event(en, "dubai-link", "2024-06-11")["date"],
        "2024-06-11T18:00:00+04:00"
    );
    // Whole days: 00:00 for 24:00 on each day, distinct GUIDs.
    let fair1 = event(en, "maritime-fair", "2024-06-10");
    let fair2 = event(en, "maritime-fair", "2024-06-11");
    assert_eq!(fair1["duration"], "24:00");
    assert_eq!(fair2["date"], "2024-06-11T00:00:00-04:00");
    assert_ne!(fair1["guid"], fair2["guid"]);
    // In Arabic and French: their texts, with the fallback where there is none.
    let (ar, _) = by_lang["ar"];
    let (fr, _) = by_lang["fr"];
    assert_eq!(
        event(ar, "keynote", "2024-06-10")["title"],
        "الكلمة الافتتاحية"
    );
    assert_eq!(event(ar, "keynote", "2024-06-10")["room"], "القاعة 1");
    assert_eq!(
        event(ar, "keynote", "2024-06-10")["persons"],
        serde_json::json!(["أمينة حداد"])
    );
    assert_eq!(
        event(fr, "night-watch", "2024-06-10")["title"],
        "Récits de quart de nuit"
    );
    assert_eq!(
        event(ar, "night-watch", "2024-06-10")["title"],
        "Night watch stories"
    );
    // No room: the localized name of the shared room.
    assert_eq!(
        event(fr, "dubai-link", "2024-06-11")["room"],
        "Sans salle attribuée"
    );
    // A non-ASCII id: its URL percent-encoded.
    assert!(
        en["events"].as_array().unwrap().iter().any(|e| e["url"]
            == "https://harbour.example.net/conf/en/sessions/%D9%85%D8%A7%D8%A6%D8%AF%D8%A9-%D9%85%D8%B3%D8%AA%D8%AF%D9%8A%D8%B1%D8%A9/")
    );
    // One GUID per session in every language: UUID v5 of its URL without the language,
    // computed here by Python's uuid.
    let expected = Command::new("python3")
        .args(["-c", "import uuid;print(uuid.uuid5(uuid.NAMESPACE_URL,'https://harbour.example.net/conf/sessions/keynote/'))"])
        .output()
        .unwrap();
    let expected = String::from_utf8(expected.stdout).unwrap();
    for l in LANGS {
        assert_eq!(
            event(by_lang[l].0, "keynote", "2024-06-10")["guid"],
            expected.trim()
        );
    }
}

#[test]
fn schedule_pages_link_both_files_under_a_localized_note() {
    let (_site, public) = built("schedule-exchange");
    let mut notes = Vec::new();
    for lang in LANGS {
        for page_path in [
            format!("{lang}/sessions/index.html"),
            format!("{lang}/sessions/tracks/index.html"),
        ] {
            let doc = page(&public, &page_path);
            let hrefs = attrs(&doc, ".schedule-exchange a", "href");
            assert_eq!(
                hrefs,
                vec![
                    format!("/conf/{lang}/schedule.xml"),
                    format!("/conf/{lang}/schedule.json")
                ],
                "{page_path}"
            );
            for href in &hrefs {
                assert!(file_for(&public, href, "/conf/").is_some(), "{href}");
            }
            notes.push(texts(&doc, ".schedule-exchange").join(""));
        }
    }
    notes.dedup();
    assert_eq!(notes.len(), LANGS.len(), "one note per language: {notes:?}");
}
