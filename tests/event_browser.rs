//! The visitor's local time, in a real browser: headless Chromium loads the event
//! fixture's schedule over HTTP with the time zone set by `TZ`, runs `local-time.js`,
//! and prints the DOM, which is parsed here. Tokyo visitors see the evening sessions of
//! Geneva marked "+1 day", New York visitors see the Tokyo workshop marked "−1 day", and
//! nothing is added where the visitor's clock is the session's.
//!
//! Chromium is driven through its own `--dump-dom` switch: no driver crate and no
//! Node package is needed, only the browser that `.ci/run` installs.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use scraper::{Html, Selector};

/// The Chromium binary, or `None` (with the reason printed) outside CI.
fn chromium() -> Option<PathBuf> {
    let found = common::tools::chromium();
    if common::tools::missing("Chromium (apt-get install chromium)", found.is_none()) {
        return None;
    }
    found
}

/// Serves `root` on a loopback port for the rest of the test process.
fn serve(root: PathBuf) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let _ = respond(&root, stream);
        }
    });
    address
}

fn respond(root: &Path, mut stream: TcpStream) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let path = request
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .split('?')
        .next()
        .unwrap_or("/");
    let mut file = root.join(path.trim_start_matches('/'));
    if path.ends_with('/') {
        file = file.join("index.html");
    }
    let inside = !path.contains("..");
    let (status, body) = match std::fs::read(&file) {
        Ok(body) if inside => ("200 OK", body),
        _ => ("404 Not Found", Vec::new()),
    };
    let kind = match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        _ => "application/octet-stream",
    };
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    stream.write_all(&body)
}

/// The DOM of `url` after its scripts ran, in a browser whose zone is `tz`.
fn dom_in_zone(browser: &Path, url: &str, tz: &str) -> Html {
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new(browser)
        .env("TZ", tz)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(["--virtual-time-budget=5000", "--dump-dom", url])
        .output()
        .expect("chromium runs");
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Html::parse_document(&String::from_utf8_lossy(&output.stdout))
}

/// For each session card: (session id, the added local time, the day mark).
fn local_times(doc: &Html) -> Vec<(String, Option<String>, Option<String>)> {
    let cards = Selector::parse(".session-card").unwrap();
    let local = Selector::parse(".local-time").unwrap();
    let mark = Selector::parse(".day-shift").unwrap();
    doc.select(&cards)
        .map(|card| {
            let id = card
                .value()
                .attr("id")
                .unwrap()
                .trim_start_matches("session-")
                .to_string();
            let text = card
                .select(&local)
                .next()
                .map(|e| e.text().collect::<String>());
            let shift = card
                .select(&mark)
                .next()
                .map(|e| e.text().collect::<String>());
            (id, text, shift)
        })
        .collect()
}

fn find<'a>(
    rows: &'a [(String, Option<String>, Option<String>)],
    id: &str,
) -> &'a (String, Option<String>, Option<String>) {
    rows.iter()
        .find(|r| r.0 == id)
        .unwrap_or_else(|| panic!("no card {id}"))
}

#[test]
fn visitors_see_their_own_time_with_a_day_mark_where_the_date_changes() {
    let Some(browser) = chromium() else { return };
    let site = fixture_with_forum_theme("event");
    build(site.path()).unwrap();
    let base = serve(site.path().join("public"));
    let schedule = format!("{base}/en/sessions/");

    let tokyo = local_times(&dom_in_zone(&browser, &schedule, "Asia/Tokyo"));
    let (_, opening, mark) = find(&tokyo, "opening");
    assert_eq!(opening.as_deref(), Some("Your time: 20:00–20:30 GMT+9"));
    assert_eq!(mark, &None);
    // 18:00 in Geneva is 01:00 the next day in Tokyo.
    let (_, evening, mark) = find(&tokyo, "evening-dialogue");
    assert_eq!(
        evening.as_deref(),
        Some("Your time: 01:00–02:30 GMT+9 +1 day")
    );
    assert_eq!(mark.as_deref(), Some("+1 day"));
    assert_eq!(find(&tokyo, "late-night").2.as_deref(), Some("+1 day"));
    // Written in Tokyo time: nothing to add for a visitor in Tokyo; whole days neither.
    assert_eq!(find(&tokyo, "asia-workshop").1, None);
    assert_eq!(find(&tokyo, "exhibition").1, None);
    // The schedule stays grouped by the event's days.
    let doc = dom_in_zone(&browser, &schedule, "Asia/Tokyo");
    assert_eq!(
        attrs(&doc, "section.schedule-day", "aria-labelledby"),
        [
            "day-2021-05-17",
            "day-2021-05-18",
            "day-2021-05-19",
            "day-2021-05-20",
            // The exhibition runs to the 21st, so that day has a section too.
            "day-2021-05-21"
        ]
    );

    let new_york = local_times(&dom_in_zone(&browser, &schedule, "America/New_York"));
    // 10:00 in Tokyo on 19 May is 21:00 on 18 May in New York.
    let (_, workshop, mark) = find(&new_york, "asia-workshop");
    assert_eq!(
        workshop.as_deref(),
        Some("Your time: 21:00–22:00 GMT-4 −1 day")
    );
    assert_eq!(mark.as_deref(), Some("−1 day"));
    assert_eq!(find(&new_york, "opening").2, None);

    let geneva = local_times(&dom_in_zone(&browser, &schedule, "Europe/Zurich"));
    assert_eq!(
        find(&geneva, "opening").1,
        None,
        "same clock as the session: nothing added"
    );
    let (_, workshop, mark) = find(&geneva, "asia-workshop");
    assert_eq!(workshop.as_deref(), Some("Your time: 03:00–04:00 GMT+2"));
    assert_eq!(mark, &None);
}

#[test]
fn the_local_time_speaks_the_page_language() {
    let Some(browser) = chromium() else { return };
    let site = fixture_with_forum_theme("event");
    build(site.path()).unwrap();
    let base = serve(site.path().join("public"));
    let ar = dom_in_zone(
        &browser,
        &format!("{base}/ar/sessions/evening-dialogue/"),
        "Asia/Tokyo",
    );
    // The page's language: Arabic's hyphen, Western digits (the `ar` locale's), 24 hours,
    // the zone in CLDR's localized GMT format.
    assert_eq!(
        texts(&ar, ".session-when .local-time"),
        ["بتوقيتكم المحلي: 01:00-02:30 غرينتش+9 اليوم التالي"]
    );
    // The sign stays before its Western digits, as the server writes it with CLDR's
    // left-to-right mark, whether or not the browser's data has the mark.
    assert_eq!(texts(&ar, ".local-time .zone bdi[dir=ltr]"), ["+9"]);
    assert_eq!(texts(&ar, ".day-shift"), ["اليوم التالي"]);
    let fr = dom_in_zone(
        &browser,
        &format!("{base}/fr/sessions/evening-dialogue/"),
        "Asia/Tokyo",
    );
    assert_eq!(
        texts(&fr, ".local-time"),
        ["Votre heure\u{202f}: 01:00–02:30 UTC+9 +1 jour"]
    );
    let zh = dom_in_zone(
        &browser,
        &format!("{base}/zh/sessions/evening-dialogue/"),
        "Asia/Tokyo",
    );
    assert_eq!(
        texts(&zh, ".local-time"),
        ["您的当地时间：01:00至02:30 GMT+9 +1天"]
    );
}

#[test]
fn the_local_time_writes_the_digits_of_the_pages_locale() {
    // Why: with `locale: ar-JO` the pages write Arabic-Indic digits; the script used to
    // write Western ones beside them.
    let Some(browser) = chromium() else { return };
    let site = fixture_with_forum_theme("event");
    let config = site.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&config).unwrap().replace(
        "{code: ar, name: العربية, fallback: [en]}",
        "{code: ar, name: العربية, fallback: [en], locale: ar-JO}",
    );
    std::fs::write(&config, text).unwrap();
    build(site.path()).unwrap();
    let base = serve(site.path().join("public"));
    let ar = dom_in_zone(
        &browser,
        &format!("{base}/ar/sessions/evening-dialogue/"),
        "Asia/Tokyo",
    );
    assert_eq!(
        texts(&ar, ".session-when .event-time"),
        ["١٨:٠٠-١٩:٣٠"],
        "the server's digits"
    );
    assert_eq!(
        texts(&ar, ".session-when .local-time"),
        ["بتوقيتكم المحلي: ٠١:٠٠-٠٢:٣٠ غرينتش+٩ اليوم التالي"]
    );
    // Arabic-Indic digits read right to left with the page: no left-to-right island.
    assert_eq!(attrs(&ar, ".local-time time", "dir"), Vec::<String>::new());
    assert_eq!(texts(&ar, ".local-time .zone bdi"), Vec::<String>::new());
}
