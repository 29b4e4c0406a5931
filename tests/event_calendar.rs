//! Calendars (RFC 5545) checked by an independent parser: every `.ics` of the event
//! fixture and of the forum is read by Python's `icalendar` package
//! (`tests/fixtures/event-tools/ics_to_json.py`), and its events must match the YAML.
//! Line folding, CRLF endings, stable UIDs and SEQUENCE are checked on the bytes.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, SystemTime};

use common::*;
use serde_json::Value;

const LANGS: [&str; 6] = ["ar", "zh", "en", "fr", "ru", "es"];

/// Runs the independent parser over `files`; `None` (with the reason printed) when
/// Python or `icalendar` is missing outside CI. Under `CI` a missing tool fails.
fn parse_ics(files: &[std::path::PathBuf]) -> Option<BTreeMap<String, Value>> {
    let script = repo().join("tests/fixtures/event-tools/ics_to_json.py");
    let output = Command::new("python3").arg(&script).args(files).output();
    let missing = match &output {
        Err(e) => Some(format!("python3 cannot run: {e}")),
        Ok(o)
            if !o.status.success()
                && String::from_utf8_lossy(&o.stderr).contains("No module named 'icalendar'") =>
        {
            Some(
                "the Python package icalendar is not installed (pip install icalendar)".to_string(),
            )
        }
        Ok(_) => None,
    };
    if let Some(why) = missing {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must run the calendar parser: {why}"
        );
        eprintln!("skipped: {why}");
        return None;
    }
    let output = output.unwrap();
    assert!(
        output.status.success(),
        "the parser failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let parsed: BTreeMap<String, Value> = serde_json::from_slice(&output.stdout).unwrap();
    Some(parsed)
}

fn ics_files(public: &Path) -> Vec<std::path::PathBuf> {
    read_tree(public)
        .into_keys()
        .filter(|k| k.ends_with(".ics"))
        .map(|k| public.join(k))
        .collect()
}

fn events(cal: &Value) -> &Vec<Value> {
    cal["events"].as_array().unwrap()
}

#[test]
fn every_calendar_parses_and_matches_the_sessions_of_the_yaml() {
    let site = fixture_with_forum_theme("event");
    build(site.path()).unwrap();
    let public = site.path().join("public");
    let files = ics_files(&public);
    // One per session and language, and one programme per language.
    assert_eq!(files.len(), 6 * 6 + 6, "{files:?}");
    let Some(parsed) = parse_ics(&files) else {
        return;
    };
    for (file, cal) in &parsed {
        assert_eq!(cal["errors"], Value::Array(vec![]), "{file}");
        assert_eq!(cal["version"], "2.0", "{file}");
    }
    // (uid, start, end, all-day) as written in sessions.yaml and key_dates.yaml, in time order.
    let expected = [
        ("key-date-week", "2021-05-17", "2021-05-22", true),
        ("session-exhibition", "2021-05-17", "2021-05-22", true),
        (
            "session-opening",
            "2021-05-18T11:00:00Z",
            "2021-05-18T11:30:00Z",
            false,
        ),
        (
            "session-evening-dialogue",
            "2021-05-18T16:00:00Z",
            "2021-05-18T17:30:00Z",
            false,
        ),
        (
            "session-asia-workshop",
            "2021-05-19T01:00:00Z",
            "2021-05-19T02:00:00Z",
            false,
        ),
        (
            "session-networking",
            "2021-05-19T10:00:00Z",
            "2021-05-19T10:30:00Z",
            false,
        ),
        (
            "session-late-night",
            "2021-05-20T21:30:00Z",
            "2021-05-20T22:30:00Z",
            false,
        ),
    ];
    for lang in LANGS {
        let programme = &parsed[&public
            .join(lang)
            .join("calendar.ics")
            .to_string_lossy()
            .into_owned()];
        let got: Vec<(String, String, String, bool)> = events(programme)
            .iter()
            .map(|e| {
                let uid = e["uid"]
                    .as_str()
                    .unwrap()
                    .trim_end_matches("@event.example.org")
                    .to_string();
                (
                    uid,
                    e["start"].as_str().unwrap().to_string(),
                    e["end"].as_str().unwrap().to_string(),
                    e["all_day"].as_bool().unwrap(),
                )
            })
            .collect();
        let want: Vec<(String, String, String, bool)> = expected
            .iter()
            .map(|(u, s, e, a)| (u.to_string(), s.to_string(), e.to_string(), *a))
            .collect();
        assert_eq!(got, want, "{lang}");
    }
    let summary = |lang: &str, id: &str| {
        let cal = &parsed[&public
            .join(lang)
            .join(format!("sessions/{id}/{id}.ics"))
            .to_string_lossy()
            .into_owned()];
        let e = &events(cal)[0];
        assert_eq!(events(cal).len(), 1);
        (
            e["summary"].as_str().unwrap().to_string(),
            e["summary_lang"].as_str().unwrap().to_string(),
        )
    };
    assert_eq!(
        summary("fr", "opening"),
        ("Séance d’ouverture".into(), "fr".into())
    );
    assert_eq!(summary("zh", "opening"), ("开幕式".into(), "zh".into()));
    // Fallback text says which language it is in.
    assert_eq!(
        summary("ru", "evening-dialogue"),
        ("Evening dialogue".into(), "en".into())
    );
    // Escaped commas and semicolons and a folded Arabic title come back as written.
    assert_eq!(
        summary("en", "late-night").0,
        "Late-night hackathon, with prizes; bring a laptop"
    );
    assert_eq!(
        summary("ar", "late-night").0,
        "هاكاثون ليلي طويل لتكنولوجيا المعلومات والاتصالات وكبار السن مع جوائز للفائزين في نهاية الليلة"
    );
    let opening = &events(
        &parsed[&public
            .join("en/sessions/opening/opening.ics")
            .to_string_lossy()
            .into_owned()],
    )[0];
    assert_eq!(
        opening["description"],
        "Welcome; then statements, questions and answers.\n\nhttps://event.example.org/en/sessions/opening/"
    );
    assert_eq!(
        opening["url"],
        "https://event.example.org/en/sessions/opening/"
    );
    assert_eq!(
        opening["location"],
        "https://event.example.org/live/opening"
    );
}

#[test]
fn the_forum_calendar_holds_the_final_week_as_17_to_21_may_2021() {
    let site = forum_site();
    build(site.path()).unwrap();
    let public = site.path().join("public");
    let files = ics_files(&public);
    assert_eq!(files.len(), 6, "{files:?}");
    let Some(parsed) = parse_ics(&files) else {
        return;
    };
    let titles = [
        ("ar", "الأسبوع الأخير من المنتدى"),
        ("zh", "论坛最后一周"),
        ("en", "Final week of the Forum"),
        ("fr", "Semaine finale du Forum"),
        ("ru", "Заключительная неделя Форума"),
        ("es", "Semana final del Foro"),
    ];
    for (lang, title) in titles {
        let cal = &parsed[&public
            .join(lang)
            .join("calendar.ics")
            .to_string_lossy()
            .into_owned()];
        let e = events(cal);
        assert_eq!(e.len(), 1, "{lang}: no invented sessions");
        assert_eq!(e[0]["summary"], title);
        assert_eq!(e[0]["all_day"], true);
        // DTEND of whole days is exclusive: 22 May ends an event whose last day is 21 May.
        assert_eq!(
            (e[0]["start"].as_str(), e[0]["end"].as_str()),
            (Some("2021-05-17"), Some("2021-05-22"))
        );
        assert_eq!(e[0]["uid"], "key-date-final-week@wsis-forum.example.org");
    }
}

/// Line structure, checked on the bytes: CRLF, at most 75 octets, folds inside no
/// character (each line is valid UTF-8 on its own).
#[test]
fn calendar_lines_are_crlf_and_folded_at_75_octets() {
    let site = fixture_with_forum_theme("event");
    build(site.path()).unwrap();
    let public = site.path().join("public");
    let mut folded = 0;
    for file in ics_files(&public) {
        let bytes = std::fs::read(&file).unwrap();
        assert!(bytes.ends_with(b"END:VCALENDAR\r\n"), "{}", file.display());
        for line in bytes.split(|&b| b == b'\n') {
            if line.is_empty() {
                continue;
            }
            assert_eq!(
                line.last(),
                Some(&b'\r'),
                "{}: a line without CR",
                file.display()
            );
            let line = &line[..line.len() - 1];
            assert!(
                line.len() <= 75,
                "{}: {} octets",
                file.display(),
                line.len()
            );
            assert!(
                std::str::from_utf8(line).is_ok(),
                "{}: a fold splits a character",
                file.display()
            );
            folded += usize::from(line.starts_with(b" "));
        }
    }
    assert!(folded > 0, "the fixture has titles long enough to fold");
}

fn sequence_and_uid(ics: &str) -> (String, String) {
    let unfolded = ics.replace("\r\n ", "");
    let field = |name: &str| {
        unfolded
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .unwrap()
            .trim_end()
            .to_string()
    };
    (field("UID:"), field("SEQUENCE:"))
}

#[test]
fn uid_stays_and_sequence_changes_only_when_the_session_changes() {
    let site = fixture_with_forum_theme("event");
    build(site.path()).unwrap();
    let public = site.path().join("public");
    let read = |lang: &str, id: &str| {
        std::fs::read_to_string(public.join(format!("{lang}/sessions/{id}/{id}.ics"))).unwrap()
    };
    let (uid, seq) = sequence_and_uid(&read("en", "opening"));
    let (uid_fr, seq_fr) = sequence_and_uid(&read("fr", "opening"));
    assert_eq!(
        (uid.as_str(), &uid_fr, &seq_fr),
        ("session-opening@event.example.org", &uid, &seq)
    );
    let other = sequence_and_uid(&read("en", "networking"));
    // The same input gives the same calendar.
    build(site.path()).unwrap();
    assert_eq!(
        sequence_and_uid(&read("en", "opening")),
        (uid.clone(), seq.clone())
    );
    // Moving the opening by half an hour changes its SEQUENCE, not its UID, and leaves
    // the other sessions alone.
    let sessions = site.path().join("content/data/sessions.yaml");
    let text = std::fs::read_to_string(&sessions).unwrap();
    std::fs::write(
        &sessions,
        text.replace("end: 2021-05-18T13:30", "end: 2021-05-18T14:00"),
    )
    .unwrap();
    build(site.path()).unwrap();
    let (uid_after, seq_after) = sequence_and_uid(&read("en", "opening"));
    assert_eq!(uid_after, uid);
    assert_ne!(seq_after, seq);
    assert_eq!(sequence_and_uid(&read("en", "networking")), other);
}

/// Every UID's SEQUENCE in the calendars of `public`, read by `icalendar`; a UID must
/// have the same one in every language and file.
fn sequences(public: &Path) -> Option<BTreeMap<String, i64>> {
    let parsed = parse_ics(&ics_files(public))?;
    let mut seen: BTreeMap<String, i64> = BTreeMap::new();
    for (file, cal) in &parsed {
        assert_eq!(cal["errors"], Value::Array(vec![]), "{file}");
        for e in events(cal) {
            let uid = e["uid"].as_str().unwrap().to_string();
            let sequence = e["sequence"].as_i64().unwrap();
            assert!((0..1 << 31).contains(&sequence), "{uid}: {sequence}");
            let first = *seen.entry(uid.clone()).or_insert(sequence);
            assert_eq!(first, sequence, "{uid} in {file}");
        }
    }
    Some(seen)
}

/// Edits `content/data/sessions.yaml` and gives it the modification time `at` seconds
/// after `start` (an editor saving later), or keeps the time it had.
fn edit_sessions(root: &Path, from: &str, to: &str, start: SystemTime, at: Option<u64>) {
    let path = root.join("content/data/sessions.yaml");
    let before = std::fs::metadata(&path).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "sessions.yaml has no `{from}`");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    let time = at.map_or(before, |s| start + Duration::from_secs(s));
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(time).unwrap();
}

/// RFC 5545 section 3.8.7.4: a client ignores an update whose SEQUENCE is not higher,
/// so a changed event must always get a higher number — also when an edit is undone
/// (a content hash would go back), when two edits fall in the same second, and when the
/// output holding the state is deleted — and unchanged input must give the same bytes.
#[test]
fn sequence_never_goes_down_across_edits_and_builds() {
    let site = fixture_with_forum_theme("event");
    let root = site.path();
    let public = root.join("public");
    // The numbers are kept in the marker of the output folder.
    let state = public.join(hexaglot::sources::OUTPUT_MARKER);
    let calendars = || -> BTreeMap<String, Vec<u8>> {
        read_tree(&public)
            .into_iter()
            .filter(|(k, _)| k.ends_with(".ics"))
            .collect()
    };
    let opening = "session-opening@event.example.org";
    let networking = "session-networking@event.example.org";

    build(root).unwrap();
    let Some(first) = sequences(&public) else {
        return;
    };
    assert!(
        state.is_file(),
        "the build keeps the state in its output's marker"
    );
    let (bytes, site_bytes) = (calendars(), read_tree(&public));
    // Nothing changed: the same bytes, the whole site and the state.
    let kept = std::fs::read(&state).unwrap();
    build(root).unwrap();
    assert_eq!(read_tree(&public), site_bytes);
    assert_eq!(std::fs::read(&state).unwrap(), kept);

    let mut history = vec![("first build".to_string(), first.clone())];
    let steps: [(&str, &str, &str, Option<u64>); 5] = [
        (
            "moved",
            "end: 2021-05-18T13:30",
            "end: 2021-05-18T14:00",
            Some(10),
        ),
        (
            "moved back",
            "end: 2021-05-18T14:00",
            "end: 2021-05-18T13:30",
            Some(20),
        ),
        // Within the same second as the previous save: the state alone moves it up.
        ("description reworded", "Welcome;", "Welcome all;", None),
        (
            "French title",
            "fr: Séance d’ouverture",
            "fr: Séance inaugurale",
            Some(30),
        ),
        (
            "moved again",
            "start: 2021-05-18T13:00",
            "start: 2021-05-18T12:45",
            Some(40),
        ),
    ];
    // Later than every other file of the fixture, copied just now.
    let start = SystemTime::now() + Duration::from_secs(3600);
    for (what, from, to, at) in steps {
        edit_sessions(root, from, to, start, at);
        build(root).unwrap();
        history.push((what.to_string(), sequences(&public).unwrap()));
    }
    // Deleting the output (or building a fresh copy) starts from the data's last change.
    std::fs::remove_dir_all(&public).unwrap();
    build(root).unwrap();
    history.push(("state deleted".to_string(), sequences(&public).unwrap()));
    let after_delete = calendars();
    build(root).unwrap();
    assert_eq!(
        calendars(),
        after_delete,
        "the same bytes once the state is back"
    );

    for pair in history.windows(2) {
        let ((before_what, before), (what, now)) = (&pair[0], &pair[1]);
        for (uid, number) in now {
            assert!(
                *number >= before[uid],
                "{uid} went down from {} ({before_what}) to {number} ({what})",
                before[uid]
            );
        }
        if what != "state deleted" {
            assert!(
                now[opening] > before[opening],
                "{what}: the opening changed, its SEQUENCE did not go up"
            );
            assert_eq!(now[networking], before[networking], "{what}: untouched");
        }
    }
    eprintln!(
        "SEQUENCE of the opening: {:?}",
        history
            .iter()
            .map(|(w, s)| (w, s[opening]))
            .collect::<Vec<_>>()
    );
    assert_ne!(calendars(), bytes);
}
