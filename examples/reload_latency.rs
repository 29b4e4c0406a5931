//! Edit-to-reload latency of `hexaglot serve`: the time from writing one content file
//! to the `reload` event reaching a connected client, as a page receives it.
//!
//! ```sh
//! cargo run --release --example reload_latency -- SITE content/about.fr.md [RUNS] [body|title]
//! ```
//!
//! Starts `hexaglot serve --port 0` on SITE (the binary next to this example), listens
//! to its event stream, then RUNS times saves the file the way editors do (a temporary
//! file renamed over it) with a new sentence in its text (`body`) or a new title
//! (`title`), and reports the median and the spread. `scripts/reload-latency.sh` runs it
//! on the forum site and on the synthetic 6,000-page site.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let usage = "usage: reload_latency SITE FILE [RUNS] [body|title]";
    let site = PathBuf::from(args.get(1).expect(usage));
    let file = site.join(args.get(2).expect(usage));
    let runs: usize = args.get(3).map_or(30, |r| r.parse().expect(usage));
    let mode = args.get(4).map_or("body", String::as_str);
    let binary = std::env::current_exe()
        .unwrap()
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .join("hexaglot");
    let mut server = Command::new(&binary)
        .args(["serve", "--port", "0", "--root"])
        .arg(&site)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e}", binary.display()));
    let mut out = BufReader::new(server.stdout.take().unwrap());
    let mut line = String::new();
    let address = loop {
        line.clear();
        assert!(out.read_line(&mut line).unwrap() > 0, "the server stopped");
        if let Some(url) = line.split_whitespace().find(|w| w.starts_with("http://")) {
            break url
                .trim_start_matches("http://")
                .trim_end_matches('/')
                .to_string();
        }
    };
    // Drain the server's output so that it never blocks on a full pipe.
    std::thread::spawn(move || for _ in out.lines() {});
    let mut events = connect(&address);
    let original = std::fs::read_to_string(&file).unwrap();
    let mut times = Vec::with_capacity(runs);
    for run in 0..runs {
        let text = match mode {
            "title" => original.replacen("title:", &format!("title: Run {run} —"), 1),
            _ => format!("{original}\nA sentence written for run {run}.\n"),
        };
        std::thread::sleep(Duration::from_millis(150));
        let start = Instant::now();
        save(&file, &text);
        wait_for_reload(&mut events);
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    save(&file, &original);
    std::thread::sleep(Duration::from_millis(300));
    let _ = Command::new("kill")
        .args(["-INT", &server.id().to_string()])
        .status();
    let _ = server.wait();
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "{}: {mode} edit of {}, {runs} runs: median {:.1} ms (min {:.1}, p90 {:.1}, max {:.1})",
        site.display(),
        file.strip_prefix(&site).unwrap().display(),
        at(0.5),
        at(0.0),
        at(0.9),
        at(1.0)
    );
}

/// Writes a temporary file and renames it over `path`, as editors save.
fn save(path: &Path, text: &str) {
    let temp = path.with_file_name(format!(
        ".{}.swp",
        path.file_name().unwrap().to_string_lossy()
    ));
    std::fs::write(&temp, text).unwrap();
    std::fs::rename(&temp, path).unwrap();
}

fn connect(address: &str) -> BufReader<TcpStream> {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    write!(
        stream,
        "GET /__hexaglot/events?lang=en HTTP/1.1\r\nHost: {address}\r\n\r\n"
    )
    .unwrap();
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    while reader.read_line(&mut line).unwrap() > 0 && line != "\r\n" {
        line.clear();
    }
    reader
}

/// Reads chunks of the event stream until one holds a `reload` event.
fn wait_for_reload(events: &mut BufReader<TcpStream>) {
    loop {
        let mut size = String::new();
        events.read_line(&mut size).unwrap();
        let size = usize::from_str_radix(size.trim(), 16).expect("a chunked event stream");
        let mut chunk = vec![0; size + 2];
        events.read_exact(&mut chunk).unwrap();
        let chunk = String::from_utf8_lossy(&chunk);
        if chunk.contains("event: build-error") {
            panic!("the rebuild failed: {chunk}");
        }
        if chunk.contains("event: reload") {
            return;
        }
    }
}
