//! The schedule by day as a timetable, its views by room and by format, and its filter,
//! on the `venue` fixture (three rooms, parallel sessions, a session over three days,
//! one past midnight, a remote session in another zone), read with `scraper`. The
//! browser side (side by side, right to left, narrow screens, the script) is in
//! `timetable_browser.rs`.

mod common;

use std::collections::BTreeMap;

use common::*;
use scraper::{ElementRef, Html, Selector};

fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    let site = fixture_with_forum_theme("venue");
    build(site.path()).unwrap();
    let public = site.path().join("public");
    (site, public)
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn text(e: ElementRef) -> String {
    e.text().collect::<String>().trim().to_string()
}

fn day<'a>(doc: &'a Html, date: &str) -> ElementRef<'a> {
    doc.select(&sel(&format!("section.schedule-day[data-day=\"{date}\"]")))
        .next()
        .unwrap_or_else(|| panic!("no day {date}"))
}

/// The table's grid as the HTML table model lays it out: per row, the session (or
/// `.` for an empty cell, `-` for the time column) in each column, with row and column
/// spans expanded. Panics when a row does not fill the columns exactly.
fn grid(table: ElementRef) -> Vec<Vec<String>> {
    let width: usize = table
        .select(&sel("thead tr > *"))
        .map(|c| c.value().attr("colspan").map_or(1, |n| n.parse().unwrap()))
        .sum();
    let rows: Vec<ElementRef> = table.select(&sel("tbody > tr")).collect();
    let mut grid = vec![vec![String::new(); width]; rows.len()];
    for (r, row) in rows.iter().enumerate() {
        let mut c = 0;
        for cell in row.children().filter_map(ElementRef::wrap) {
            while c < width && !grid[r][c].is_empty() {
                c += 1;
            }
            assert!(c < width, "row {r} has more cells than columns");
            let span: usize = cell
                .value()
                .attr("rowspan")
                .map_or(1, |n| n.parse().unwrap());
            let name = match cell.select(&sel("[data-session]")).next() {
                Some(card) => card.value().attr("data-session").unwrap().to_string(),
                None if c == 0 => "-".into(),
                None => ".".into(),
            };
            assert!(r + span <= rows.len(), "{name} spans past the table");
            for cells in &mut grid[r..r + span] {
                assert!(cells[c].is_empty(), "two cells at row {r}, column {c}");
                cells[c] = name.clone();
            }
            c += 1;
        }
    }
    for (r, cells) in grid.iter().enumerate() {
        assert!(
            cells.iter().all(|c| !c.is_empty()),
            "row {r} is short: {cells:?}"
        );
    }
    grid
}

#[test]
fn a_day_is_a_grid_of_rooms_and_times_with_parallel_sessions_side_by_side() {
    let (_site, public) = built();
    let doc = page(&public, "en/sessions/index.html");
    let friday = day(&doc, "2025-03-14");
    let table = friday.select(&sel("table.timetable")).next().unwrap();
    let heads: Vec<String> = table.select(&sel("thead th")).map(text).collect();
    assert_eq!(heads, ["Main hall", "Cedar room", "Olive room"]);
    assert_eq!(
        attrs(
            &doc,
            "section[data-day=\"2025-03-14\"] thead th",
            "data-room"
        ),
        ["hall", "cedar", "olive"]
    );
    // Half-hour rows from 09:00 to 12:00; each session over the rows it lasts.
    assert!(table.value().classes().any(|c| c == "slot-30"));
    let g = grid(table);
    let column = |c: usize| g.iter().map(|r| r[c].as_str()).collect::<Vec<_>>();
    assert_eq!(
        column(1),
        [
            "opening",
            "opening",
            ".",
            "open-budgets",
            "open-budgets",
            "open-budgets"
        ]
    );
    assert_eq!(
        column(2),
        [".", ".", ".", "mapping-workshop", "mapping-workshop", "."]
    );
    assert_eq!(
        column(3),
        [".", ".", ".", ".", "data-clinic", "data-clinic"]
    );
    // A row shows its time where a session starts.
    let times: Vec<String> = table.select(&sel("tbody th time")).map(text).collect();
    assert_eq!(times, ["09:00", "10:30", "11:00"]);
    assert_eq!(
        attrs(
            &doc,
            "section[data-day=\"2025-03-14\"] tbody th time",
            "datetime"
        ),
        [
            "2025-03-14T08:00:00Z",
            "2025-03-14T09:30:00Z",
            "2025-03-14T10:00:00Z"
        ]
    );
    // The zone of the rows' times.
    assert_eq!(
        texts(&doc, "section[data-day=\"2025-03-14\"] .timetable-zone"),
        ["GMT+1"]
    );
}

#[test]
fn sessions_over_several_days_are_listed_above_the_grid_of_every_day() {
    let (_site, public) = built();
    let doc = page(&public, "en/sessions/index.html");
    let spanning = |date: &str| -> Vec<String> {
        day(&doc, date)
            .select(&sel(".session-list-spanning > [data-session]"))
            .map(|c| c.value().attr("data-session").unwrap().to_string())
            .collect()
    };
    assert_eq!(spanning("2025-03-14"), ["poster-exhibition"]);
    assert_eq!(spanning("2025-03-15"), ["poster-exhibition", "night-hack"]);
    assert_eq!(spanning("2025-03-16"), ["poster-exhibition", "night-hack"]);
    // Ids stay unique: later days name the day.
    let ids = attrs(&doc, "[data-session=\"night-hack\"]", "id");
    assert_eq!(ids, ["session-night-hack", "session-night-hack-2025-03-16"]);
    // Every session of the day is on it once: in the grid or above it.
    let saturday = day(&doc, "2025-03-15");
    let g = grid(saturday.select(&sel("table")).next().unwrap());
    let mut in_grid: Vec<&str> = g
        .iter()
        .flatten()
        .map(String::as_str)
        .filter(|c| !["-", "."].contains(c))
        .collect();
    in_grid.sort();
    in_grid.dedup();
    assert_eq!(in_grid, ["civic-tech", "data-cleaning", "remote-keynote"]);
    // The remote session, in no room, is in the last column.
    assert_eq!(
        texts(&doc, "section[data-day=\"2025-03-15\"] thead th"),
        ["Main hall", "Cedar room", "Other sessions"]
    );
}

#[test]
fn the_timetable_speaks_each_language_and_keeps_each_names_language() {
    let (_site, public) = built();
    let ar = page(&public, "ar/sessions/index.html");
    assert_eq!(
        texts(&ar, "section[data-day=\"2025-03-14\"] thead th"),
        ["القاعة الكبرى", "قاعة الأرز", "قاعة الزيتون"]
    );
    // The olive room has no French name: its English one, marked as English.
    let fr = page(&public, "fr/sessions/index.html");
    let olive = fr
        .select(&sel(
            "section[data-day=\"2025-03-14\"] thead th[data-room=\"olive\"] span",
        ))
        .next()
        .unwrap();
    assert_eq!(olive.value().attr("lang"), Some("en"));
    assert_eq!(text(olive), "Olive room");
}

#[test]
fn the_schedule_is_grouped_by_room_and_by_format_too() {
    let (_site, public) = built();
    let rooms = page(&public, "en/sessions/rooms/index.html");
    assert_eq!(
        attrs(&rooms, "section.schedule-room", "aria-labelledby"),
        ["room-hall", "room-cedar", "room-olive", "room-4", "no-room"]
    );
    assert_eq!(
        texts(&rooms, "section.schedule-room > h2"),
        [
            "Main hall",
            "Cedar room",
            "Olive room",
            "Foyer",
            "Other sessions"
        ]
    );
    let hall: Vec<String> = rooms
        .select(&sel("#room-hall"))
        .next()
        .and_then(|h| h.parent())
        .and_then(ElementRef::wrap)
        .unwrap()
        .select(&sel("[data-session]"))
        .map(|c| c.value().attr("data-session").unwrap().to_string())
        .collect();
    assert_eq!(hall, ["opening", "open-budgets", "civic-tech", "closing"]);
    assert_eq!(texts(&rooms, ".schedule-views [aria-current]"), ["By room"]);

    let formats = page(&public, "en/sessions/formats/index.html");
    assert_eq!(
        texts(&formats, "section.schedule-format > h2"),
        ["Talk", "Workshop", "Panel", "Other sessions"]
    );
    // Every view links to the others.
    let day = page(&public, "en/sessions/index.html");
    assert_eq!(
        attrs(&day, ".schedule-views a:not(.calendar-link)", "href"),
        [
            "/en/sessions/tracks/",
            "/en/sessions/rooms/",
            "/en/sessions/formats/"
        ]
    );
    // The pages are in the sitemap, in every language.
    let sitemap = std::fs::read_to_string(public.join("sitemap.xml")).unwrap();
    for lang in ["ar", "en", "fr"] {
        for view in ["rooms", "formats"] {
            assert!(
                sitemap.contains(&format!("/{lang}/sessions/{view}/")),
                "{lang} {view}"
            );
        }
    }
}

#[test]
fn the_filter_links_to_every_choice_and_matches_the_cards_attributes() {
    let (_site, public) = built();
    let doc = page(&public, "en/sessions/index.html");
    let links: BTreeMap<String, Vec<String>> = doc
        .select(&sel(".schedule-filter-links dl > div"))
        .map(|group| {
            let name = text(group.select(&sel("dt")).next().unwrap());
            let hrefs = group
                .select(&sel("a"))
                .map(|a| a.value().attr("href").unwrap().to_string())
                .collect();
            (name, hrefs)
        })
        .collect();
    assert_eq!(
        links["Day"],
        ["#day-2025-03-14", "#day-2025-03-15", "#day-2025-03-16"]
    );
    assert_eq!(
        links["Room"],
        [
            "/en/sessions/rooms/#room-hall",
            "/en/sessions/rooms/#room-cedar",
            "/en/sessions/rooms/#room-olive"
        ]
    );
    assert_eq!(
        links["Format"],
        [
            "/en/sessions/formats/#format-talk",
            "/en/sessions/formats/#format-workshop",
            "/en/sessions/formats/#format-panel"
        ]
    );
    // Each link leads to a heading that exists.
    for href in links.values().flatten() {
        let (path, anchor) = href.split_once('#').unwrap();
        let target = if path.is_empty() {
            doc.clone()
        } else {
            page(
                &public,
                &format!("{}index.html", path.trim_start_matches('/')),
            )
        };
        assert_eq!(
            target.select(&sel(&format!("[id=\"{anchor}\"]"))).count(),
            1,
            "{href}"
        );
    }
    // The form (shown by the script) offers the same choices, and the cards carry the
    // values it matches.
    let options = |name: &str| {
        attrs(
            &doc,
            &format!("form.schedule-filter select[name=\"{name}\"] option"),
            "value",
        )
    };
    assert_eq!(options("room"), ["", "hall", "cedar", "olive"]);
    assert_eq!(options("track"), ["", "policy", "practice"]);
    assert_eq!(
        attrs(&doc, "[data-session=\"data-clinic\"]", "data-room"),
        ["olive"]
    );
    assert_eq!(
        attrs(&doc, "[data-session=\"data-clinic\"]", "data-format"),
        ["workshop"]
    );
    assert_eq!(
        attrs(&doc, "form.schedule-filter", "hidden"),
        [""],
        "the form waits for its script"
    );
}

#[test]
fn sessions_at_once_in_one_room_get_lanes_side_by_side() {
    let site = fixture_with_forum_theme("venue");
    let sessions = site.path().join("content/data/sessions.yaml");
    let mut yaml = std::fs::read_to_string(&sessions).unwrap();
    // Two more sessions in the cedar room while the mapping workshop (10:30–11:30) runs.
    yaml.push_str(
        "- id: overlap-a\n  title: {ar: أ, en: Overlap A}\n  room: cedar\n  start: 2025-03-14T10:45\n  end: 2025-03-14T11:15\n- id: overlap-b\n  title: {ar: ب, en: Overlap B}\n  room: cedar\n  start: 2025-03-14T11:00\n  end: 2025-03-14T12:00\n",
    );
    std::fs::write(&sessions, yaml).unwrap();
    build(site.path()).unwrap();
    let doc = page(&site.path().join("public"), "en/sessions/index.html");
    let friday = day(&doc, "2025-03-14");
    let table = friday.select(&sel("table")).next().unwrap();
    // Quarter-hour rows now; the cedar room spans three lanes.
    assert!(table.value().classes().any(|c| c == "slot-15"));
    assert_eq!(
        attrs(&doc, "section[data-day=\"2025-03-14\"] thead th", "colspan"),
        ["3"]
    );
    let g = grid(table);
    // Columns: time, hall, cedar × 3, olive. Each session in its own lane, over its rows.
    let lane = |c: usize| {
        let mut names: Vec<&str> = g
            .iter()
            .map(|r| r[c].as_str())
            .filter(|n| *n != ".")
            .collect();
        names.dedup();
        names
    };
    assert_eq!(g[0].len(), 6);
    assert_eq!(lane(2), ["mapping-workshop"]);
    assert_eq!(lane(3), ["overlap-a"]);
    // overlap-b starts when overlap-a still runs, and the first lane is taken until 11:30.
    assert_eq!(lane(4), ["overlap-b"]);
    let rows_of = |name: &str, c: usize| g.iter().filter(|r| r[c] == name).count();
    assert_eq!(rows_of("mapping-workshop", 2), 4);
    assert_eq!(rows_of("overlap-a", 3), 2);
    assert_eq!(rows_of("overlap-b", 4), 4);
}

#[test]
fn a_sites_card_is_rendered_once_per_day_or_in_the_page_when_it_needs_more_of_it() {
    // A card that uses what a list gives it (`s`, `day`) is rendered once per session
    // and day; its text is the same in every list and on every day it is listed.
    let site = fixture_with_forum_theme("venue");
    let templates = site.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("session_card.html"),
        "<li class=\"session-card\" data-session=\"{{ s.id }}\">{{ s.id }} {{ day.date }} {{ lang }}</li>\n",
    )
    .unwrap();
    build(site.path()).unwrap();
    let public = site.path().join("public");
    let doc = page(&public, "fr/sessions/index.html");
    assert_eq!(
        texts(&doc, "[data-session=\"night-hack\"]"),
        ["night-hack 2025-03-15 fr", "night-hack 2025-03-16 fr"]
    );
    let by_room = page(&public, "fr/sessions/rooms/index.html");
    assert!(
        texts(&by_room, "[data-session=\"night-hack\"]")
            .contains(&"night-hack 2025-03-16 fr".to_string())
    );

    // A card that needs more of the page (`kind`) is included in each page instead,
    // and sees all of it (alone, the test of `kind` would be false, not an error).
    std::fs::write(
        templates.join("session_card.html"),
        "<li class=\"session-card\" data-session=\"{{ s.id }}\">{{ s.id }} {{ kind }}{% if kind == \"person\" %} on a person's page{% endif %}</li>\n",
    )
    .unwrap();
    build(site.path()).unwrap();
    let doc = page(&public, "fr/sessions/index.html");
    assert_eq!(
        texts(&doc, "[data-session=\"night-hack\"]"),
        ["night-hack schedule", "night-hack schedule"]
    );
    let with_speaker = std::fs::read_dir(public.join("fr/people"))
        .unwrap()
        .filter_map(|e| std::fs::read_to_string(e.unwrap().path().join("index.html")).ok())
        .find(|html| html.contains("data-session="))
        .expect("a person's page lists a session");
    assert!(
        with_speaker.contains(" person on a person's page</li>"),
        "{with_speaker}"
    );
}
