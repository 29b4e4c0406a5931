//! The timetable in headless Chromium (playwright-core), on the `venue` fixture: parallel
//! sessions side by side at 1280 px, the first room on the right in Arabic, a list
//! with no horizontal overflow at 360 px, axe-core on every view of the schedule, the
//! Nu HTML Checker on every page, and the filter script (from the URL, and by choosing).
//! Without Chromium, Node, Java or `npm ci`, the tests are skipped with the reason
//! printed — except under `CI`, where they must run.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::http::serve;
use common::tools::{missing, node_script, playwright_chromium, runs};
use common::*;
use serde_json::{Value, json};

fn built() -> (tempfile::TempDir, PathBuf) {
    let site = fixture_with_forum_theme("venue");
    build(site.path()).unwrap();
    let public = site.path().join("public");
    (site, public)
}

fn measure() -> Option<Value> {
    let chromium = playwright_chromium()?;
    let node_modules = repo().join("node_modules");
    let (site, public) = built();
    let origin = serve(public);
    let artifacts = repo().join("tests/artifacts/browser");
    let pages: Vec<String> = ["ar", "en", "fr"]
        .iter()
        .flat_map(|l| ["", "tracks/", "rooms/", "formats/"].map(|v| format!("/{l}/sessions/{v}")))
        .collect();
    let manifest = json!({
        "origin": origin,
        "chromium": chromium,
        "axe": node_modules.join("axe-core/axe.min.js"),
        "artifacts": artifacts,
        "pages": pages,
    });
    Some(node_script("timetable.mjs", &manifest, site.path()))
}

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

#[test]
fn the_timetable_in_chromium() {
    let Some(r) = measure() else { return };
    let mut problems = Vec::new();
    for lang in ["en", "ar"] {
        // Wide: a grid, parallel sessions side by side, rooms in the reading direction.
        let wide = &r["layout"][format!("{lang}-1280")];
        assert_eq!(wide["tableDisplay"], "table", "{lang}");
        let cells = &wide["cells"];
        let (budgets, mapping) = (&cells["open-budgets"], &cells["mapping-workshop"]);
        if (f(&budgets["top"]) - f(&mapping["top"])).abs() > 2.0 {
            problems.push(format!(
                "{lang} 1280: parallel sessions do not start on one line: {budgets} {mapping}"
            ));
        }
        let overlap = f(&budgets["right"]).min(f(&mapping["right"]))
            - f(&budgets["left"]).max(f(&mapping["left"]));
        if overlap > 0.0 {
            problems.push(format!(
                "{lang} 1280: parallel sessions overlap: {budgets} {mapping}"
            ));
        }
        // The 90-minute session is taller than the 60-minute one beside it.
        if f(&budgets["height"]) <= f(&mapping["height"]) {
            problems.push(format!(
                "{lang} 1280: height does not follow length: {budgets} {mapping}"
            ));
        }
        let rooms = &wide["rooms"];
        let (hall, cedar, olive) = (
            f(&rooms["hall"]["left"]),
            f(&rooms["cedar"]["left"]),
            f(&rooms["olive"]["left"]),
        );
        let in_order = if lang == "ar" {
            hall > cedar && cedar > olive
        } else {
            hall < cedar && cedar < olive
        };
        if !in_order {
            problems.push(format!("{lang} 1280: rooms not in reading order: {rooms}"));
        }
        if lang == "ar" && wide["direction"] != "rtl" {
            problems.push("ar: not right to left".into());
        }
        if wide["filterShown"] != true || wide["linksShown"] != false {
            problems.push(format!(
                "{lang}: the script did not swap the links for the form"
            ));
        }
        // Narrow: a list, one session under the other, nothing wider than the screen.
        let narrow = &r["layout"][format!("{lang}-360")];
        assert_eq!(narrow["tableDisplay"], "block", "{lang}");
        let cards = &narrow["cards"];
        let order = ["opening", "open-budgets", "mapping-workshop", "data-clinic"];
        for pair in order.windows(2) {
            if f(&cards[pair[1]]["top"]) < f(&cards[pair[0]]["bottom"]) {
                problems.push(format!("{lang} 360: {} is not below {}", pair[1], pair[0]));
            }
        }
        if f(&narrow["scrollWidth"]) > f(&narrow["clientWidth"]) {
            problems.push(format!(
                "{lang} 360: the page scrolls sideways: {}",
                narrow["wide"]
            ));
        }
    }
    for (page, violations) in r["axe"].as_object().unwrap() {
        for v in violations.as_array().unwrap() {
            if matches!(v["impact"].as_str(), Some("serious" | "critical")) {
                problems.push(format!(
                    "{page}: axe {} ({}): {}",
                    v["id"], v["impact"], v["nodes"]
                ));
            }
        }
    }
    assert_eq!(r["axe"].as_object().unwrap().len(), 24, "every view, twice");
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    // The filter, from the URL: the cedar room's sessions, on the days it has some.
    let filter = &r["filter"];
    assert_eq!(filter["fromUrlSelect"], "cedar");
    assert_eq!(
        filter["fromUrl"]["cards"],
        json!(["mapping-workshop", "data-cleaning", "open-health"])
    );
    assert_eq!(
        filter["fromUrl"]["days"],
        json!(["2025-03-14", "2025-03-15", "2025-03-16"])
    );
    // By choosing: the talks of the last day, and the choice in the URL.
    assert_eq!(filter["chosen"]["cards"], json!(["open-health", "closing"]));
    assert_eq!(filter["chosen"]["days"], json!(["2025-03-16"]));
    assert_eq!(filter["chosen"]["search"], "?day=2025-03-16&format=talk");
    assert_eq!(filter["chosen"]["empty"], false);
    // Nothing left: the page says so.
    assert_eq!(filter["none"]["cards"], json!([]));
    assert_eq!(filter["none"]["empty"], true);
}

#[test]
fn every_page_of_the_programme_passes_the_nu_html_checker() {
    let jar = repo().join("node_modules/vnu-jar/build/dist/vnu.jar");
    if missing("Java", !runs("java", "-version")) || missing("vnu-jar (npm ci)", !jar.is_file()) {
        return;
    }
    let (_site, public) = built();
    let output = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--format", "json", "--skip-non-html"])
        .arg(&public)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stderr).unwrap();
    let errors: Vec<String> = report["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["type"] == "error" || m["subType"] == "fatal")
        .map(|m| format!("{}:{}: {}", m["url"], m["lastLine"], m["message"]))
        .collect();
    assert!(
        html_files(&public)
            .iter()
            .any(|f| f.ends_with("sessions/rooms/index.html")),
        "the views are checked"
    );
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}
