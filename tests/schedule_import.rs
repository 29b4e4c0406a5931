//! `hexaglot import schedule`: hand-written files in the shapes pretalx, Sessionize and
//! a spreadsheet give, merged into the three-language exchange fixture; bad inputs of
//! each importer, which must name the file and line and write nothing; the dry run; and
//! the round trip of our own export.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use hexaglot::import::records::{PersonRow, SessionRow, TrackRow};
use hexaglot::import::{ImportOptions, ImportReport, import_schedule};

const DATA: [&str; 3] = ["sessions.yaml", "people.yaml", "tracks.yaml"];

fn input(name: &str) -> PathBuf {
    repo().join("tests/fixtures/schedule-import").join(name)
}

fn import(root: &Path, file: &Path, dry_run: bool) -> Result<ImportReport, hexaglot::Error> {
    import_schedule(&ImportOptions {
        root: root.to_path_buf(),
        file: file.to_path_buf(),
        dry_run,
        lang: None,
    })
}

fn rows<T: serde::de::DeserializeOwned>(root: &Path, file: &str) -> Vec<T> {
    let text = std::fs::read_to_string(root.join("content/data").join(file)).unwrap();
    serde_saphyr::from_str(&text).unwrap()
}

fn session(root: &Path, id: &str) -> SessionRow {
    rows::<SessionRow>(root, "sessions.yaml")
        .into_iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no session {id}"))
}

fn data_bytes(root: &Path) -> Vec<Vec<u8>> {
    DATA.iter()
        .map(|f| std::fs::read(root.join("content/data").join(f)).unwrap_or_default())
        .collect()
}

fn texts(pairs: &[(&str, &str)]) -> std::collections::BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn pretalx_xml_adds_its_talks_with_their_speakers() {
    let site = fixture_with_forum_theme("schedule-exchange");
    let report = import(site.path(), &input("good/pretalx.xml"), false).unwrap();
    assert_eq!(report.files[0].added, ["KEYN01", "LAB002"]);
    assert!(report.written);
    let keynote = session(site.path(), "KEYN01");
    assert_eq!(keynote.title, texts(&[("en", "Tides & trade")]));
    assert_eq!(keynote.start, "2024-06-10T09:00");
    assert_eq!(keynote.end, "2024-06-10T09:45");
    assert_eq!(keynote.time_zone, None, "the event's zone has the offset");
    assert_eq!(
        keynote.format.as_deref(),
        Some("talk"),
        "type Talk is the format named Talk"
    );
    assert_eq!(keynote.room, Some(texts(&[("en", "Hall 1")])));
    assert_eq!(
        keynote.description,
        Some(texts(&[(
            "en",
            "How ports shape cities.\n\nA longer text."
        )]))
    );
    // Known people by name; the existing record keeps its id.
    assert_eq!(session(site.path(), "LAB002").people, ["claude", "amina"]);
    build(site.path()).unwrap();
}

#[test]
fn pretalx_json_texts_go_to_the_language_the_events_declare() {
    let site = fixture_with_forum_theme("schedule-exchange");
    let report = import(site.path(), &input("good/pretalx.json"), false).unwrap();
    assert_eq!(report.files[0].added, ["PANEL3"]);
    let panel = session(site.path(), "PANEL3");
    assert_eq!(panel.title, texts(&[("fr", "Table ronde")]));
    assert_eq!(
        panel.track.as_deref(),
        Some("main"),
        "the track's slug is its id"
    );
    assert_eq!(panel.people, ["noor"]);
    assert!(
        report.notes.iter().any(|n| n.contains("Panel")),
        "{:?}",
        report.notes
    );
    build(site.path()).unwrap();
}

#[test]
fn sessionize_local_times_are_the_events_zone() {
    let site = fixture_with_forum_theme("schedule-exchange");
    import(site.path(), &input("good/sessionize.json"), false).unwrap();
    let s = session(site.path(), "sessionize-481516");
    assert_eq!(
        (s.start.as_str(), s.end.as_str()),
        ("2024-06-10T13:00", "2024-06-10T13:40")
    );
    assert_eq!(
        s.track.as_deref(),
        Some("labs"),
        "the Track category, matched by name"
    );
    assert_eq!(s.format, None, "a Talk is in another track");
    assert_eq!(
        s.stream.as_deref(),
        Some("https://harbour.example.net/live/1")
    );
    assert_eq!(s.people, ["amina"]);
    assert_eq!(session(site.path(), "sessionize-481517").room, None);
    build(site.path()).unwrap();
}

#[test]
fn csv_columns_per_language_durations_zones_and_whole_days() {
    let site = fixture_with_forum_theme("schedule-exchange");
    let report = import(site.path(), &input("good/programme.csv"), false).unwrap();
    assert_eq!(
        report.files[0].added,
        ["tide-talk", "late-lab", "remote-qa", "fair-day"]
    );
    assert_eq!(report.files[1].added, ["lena-ortiz"]);
    assert!(
        report.files[2].changed.is_empty(),
        "a track named by its id keeps its names"
    );
    let tide = session(site.path(), "tide-talk");
    assert_eq!(
        tide.title,
        texts(&[
            ("en", "Tides, again"),
            ("fr", "Marées encore"),
            ("ar", "المد والجزر")
        ])
    );
    assert_eq!(tide.people, ["amina", "lena-ortiz"]);
    let late = session(site.path(), "late-lab");
    assert_eq!(
        (late.start.as_str(), late.end.as_str()),
        ("2024-06-11T22:30", "2024-06-11T23:30")
    );
    let remote = session(site.path(), "remote-qa");
    assert_eq!(remote.time_zone.as_deref(), Some("Asia/Dubai"));
    assert_eq!(remote.room, None);
    let fair = session(site.path(), "fair-day");
    assert_eq!(
        (fair.start.as_str(), fair.end.as_str()),
        ("2024-06-12", "2024-06-12")
    );
    let people: Vec<PersonRow> = rows(site.path(), "people.yaml");
    assert_eq!(people.last().unwrap().name, texts(&[("en", "Lena Ortiz")]));
    build(site.path()).unwrap();
}

#[test]
fn a_dry_run_shows_the_diff_and_writes_nothing() {
    let site = fixture_with_forum_theme("schedule-exchange");
    let before = data_bytes(site.path());
    let report = import(site.path(), &input("good/programme.csv"), true).unwrap();
    assert!(!report.written);
    assert_eq!(data_bytes(site.path()), before);
    assert!(
        report.diff.contains("+++ b/content/data/sessions.yaml"),
        "{}",
        report.diff
    );
    assert!(report.diff.contains("+- id: tide-talk"), "{}", report.diff);
    assert!(report.diff.contains("+- id: lena-ortiz"), "{}", report.diff);
}

#[test]
fn bad_inputs_name_the_file_and_place_and_write_nothing() {
    // Each bad input has, beside it, `<file>.expect`: the place its error must name
    // (`:line:column` after the file's name, or a part of it) and a part of the message.
    let mut cases: Vec<(String, String, String)> = Vec::new();
    for entry in std::fs::read_dir(input("bad")).unwrap() {
        let path = entry.unwrap().path();
        let Some(file) = path.to_str().and_then(|p| p.strip_suffix(".expect")) else {
            continue;
        };
        let expect = std::fs::read_to_string(&path).unwrap();
        let field = |name: &str| {
            expect
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .unwrap_or_else(|| panic!("{}: no `{name}` line", path.display()))
                .to_string()
        };
        let name = Path::new(file).file_name().unwrap().to_str().unwrap();
        cases.push((format!("bad/{name}"), field("place: "), field("message: ")));
    }
    cases.sort();
    let inputs = std::fs::read_dir(input("bad")).unwrap().count() - cases.len();
    assert_eq!(inputs, cases.len(), "every bad input has its .expect file");
    assert!(cases.len() >= 8, "{cases:?}");
    let site = fixture_with_forum_theme("schedule-exchange");
    let before = data_bytes(site.path());
    for (file, place, message) in &cases {
        let err = import(site.path(), &input(file), false)
            .unwrap_err()
            .to_string();
        let name = Path::new(file).file_name().unwrap().to_str().unwrap();
        assert!(
            err.contains(&format!("{name}{place}")) || err.contains(place) && err.contains(name),
            "{file}: {err}"
        );
        assert!(err.contains(message), "{file}: {err}");
        assert_eq!(data_bytes(site.path()), before, "{file} wrote");
    }
    let listing: Vec<String> = read_tree(&site.path().join("content/data"))
        .into_keys()
        .collect();
    assert!(
        listing.iter().all(|f| !f.contains("hexaglot-import")),
        "{listing:?}"
    );
}

#[test]
fn importing_our_own_export_changes_nothing() {
    let site = fixture_with_forum_theme("schedule-exchange");
    build(site.path()).unwrap();
    let before = data_bytes(site.path());
    for lang in ["en", "fr", "ar"] {
        for ext in ["xml", "json"] {
            let file = site.path().join(format!("public/{lang}/schedule.{ext}"));
            let report = import(site.path(), &file, false).unwrap();
            for f in &report.files {
                assert!(
                    f.added.is_empty() && f.changed.is_empty(),
                    "{lang}.{ext}: {f:?}\n{}",
                    report.diff
                );
            }
            assert_eq!(data_bytes(site.path()), before);
        }
    }
}

#[test]
fn an_export_imported_into_an_empty_programme_exports_the_same() {
    let site = fixture_with_forum_theme("schedule-exchange");
    build(site.path()).unwrap();
    let exported = read_tree(&site.path().join("public"));
    let copy = tempfile::tempdir().unwrap();
    for lang in ["en", "fr", "ar"] {
        let from = site.path().join(format!("public/{lang}/schedule.json"));
        std::fs::copy(&from, copy.path().join(format!("{lang}.json"))).unwrap();
    }
    for f in DATA {
        std::fs::remove_file(site.path().join("content/data").join(f)).unwrap();
    }
    // The default language first: its texts are the fallback the others are told from.
    for lang in ["en", "fr", "ar"] {
        import(
            site.path(),
            &copy.path().join(format!("{lang}.json")),
            false,
        )
        .unwrap();
    }
    let tracks: Vec<TrackRow> = rows(site.path(), "tracks.yaml");
    assert_eq!(tracks.len(), 2);
    build(site.path()).unwrap();
    let again = read_tree(&site.path().join("public"));
    for lang in ["en", "fr", "ar"] {
        for ext in ["json", "xml"] {
            let key = format!("{lang}/schedule.{ext}");
            let (a, b) = (
                String::from_utf8_lossy(&exported[&key]),
                String::from_utf8_lossy(&again[&key]),
            );
            // Byte for byte: ids, GUIDs, times (the Dubai session comes back in the
            // fixed zone of its offset, Etc/GMT-4: the same instants and offset), texts.
            assert_eq!(a, b, "{key}");
        }
    }
}

/// The fenced block of `lang` in `text` that follows `after`.
fn block<'a>(text: &'a str, lang: &str, after: &str) -> &'a str {
    let from = text.find(after).unwrap();
    // The fence may carry words after the language (`tested-by=…`).
    let open = format!("```{lang}");
    let fence = from + text[from..].find(&open).unwrap();
    let start = fence + text[fence..].find('\n').unwrap() + 1;
    &text[start..start + text[start..].find("```").unwrap()]
}

#[test]
fn the_user_guide_example_imports_and_builds() {
    let guide = std::fs::read_to_string(repo().join("docs/schedule-exchange.md")).unwrap();
    let csv = block(&guide, "csv", "For example");
    let expected: Vec<SessionRow> = serde_saphyr::from_str(block(&guide, "yaml", "gives")).unwrap();
    let site = fixture_with_forum_theme("schedule-exchange");
    let file = site.path().join("example.csv");
    std::fs::write(&file, csv).unwrap();
    let report = import(site.path(), &file, false).unwrap();
    assert_eq!(report.files[0].added, ["harbour-walk"]);
    assert_eq!(session(site.path(), "harbour-walk"), expected[0]);
    build(site.path()).unwrap();
    let json = std::fs::read_to_string(site.path().join("public/ar/schedule.json")).unwrap();
    assert!(json.contains("\"title\": \"جولة في الميناء\""));
}
