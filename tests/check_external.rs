//! `check --external` against a local server: dead links are reported with the page,
//! file and line; hosts are asked at most twice at a time; a second run within the day
//! asks nothing.

mod common;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use hexaglot::check::external::ExternalOptions;

/// A tiny HTTP server: `/ok` → 200, `/moved` → 301 to `/ok`, `/head-refused` → 405 for
/// HEAD and 200 for GET, `/slow` answers after 3 s (or when the client gives up),
/// anything else → 404. Counts requests and the most at once.
struct Server {
    port: u16,
    requests: Arc<AtomicUsize>,
    most_at_once: Arc<AtomicUsize>,
}

fn server() -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let requests = Arc::new(AtomicUsize::new(0));
    let most = Arc::new(AtomicUsize::new(0));
    let now = Arc::new(AtomicUsize::new(0));
    let (r, m) = (requests.clone(), most.clone());
    std::thread::spawn(move || {
        for stream in listener.incoming().take(200) {
            let Ok(mut stream) = stream else { continue };
            let (r, m, now) = (r.clone(), m.clone(), now.clone());
            std::thread::spawn(move || {
                let mut buf = [0u8; 2048];
                let n = stream.read(&mut buf).unwrap_or(0);
                let head = String::from_utf8_lossy(&buf[..n]).to_string();
                r.fetch_add(1, Ordering::SeqCst);
                let at_once = now.fetch_add(1, Ordering::SeqCst) + 1;
                m.fetch_max(at_once, Ordering::SeqCst);
                let mut parts = head.split_whitespace();
                let method = parts.next().unwrap_or("");
                let path = parts.next().unwrap_or("").split('?').next().unwrap_or("");
                std::thread::sleep(Duration::from_millis(50));
                let status = match (method, path) {
                    (_, "/ok") | ("GET", "/head-refused") => "200 OK",
                    ("HEAD", "/head-refused") => "405 Method Not Allowed",
                    (_, "/moved") => "301 Moved Permanently\r\nLocation: /ok",
                    (_, "/slow") => {
                        // No answer for 3 s, unless the client gives up first (closes
                        // the connection at its timeout): from then on the request no
                        // longer counts as one at once, as the client asks the next.
                        let _ = stream.set_read_timeout(Some(Duration::from_millis(50)));
                        let start = Instant::now();
                        let mut byte = [0u8; 1];
                        while start.elapsed() < Duration::from_secs(3) {
                            if matches!(stream.read(&mut byte), Ok(0)) {
                                break;
                            }
                        }
                        "200 OK"
                    }
                    _ => "404 Not Found",
                };
                // No longer at once before the client has its answer: it may ask the
                // next as soon as it reads this one.
                now.fetch_sub(1, Ordering::SeqCst);
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                );
            });
        }
    });
    Server {
        port,
        requests,
        most_at_once: most,
    }
}

#[test]
fn dead_external_links_are_reported_where_written_and_answers_are_cached() {
    let server = server();
    let site = common::fixture("basic");
    let base = format!("http://127.0.0.1:{}", server.port);
    let mut text = String::from("---\ntitle: Links\n---\n\n");
    for path in [
        "ok",
        "moved",
        "head-refused",
        "gone",
        "slow",
        "ok?a=1",
        "ok?a=2",
        "ok?a=3",
    ] {
        text.push_str(&format!("- [{path}]({base}/{path})\n"));
    }
    std::fs::write(site.path().join("content/links.en.md"), &text).unwrap();
    let options = ExternalOptions {
        timeout: Duration::from_millis(1500),
        ..ExternalOptions::default()
    };
    let report =
        hexaglot::check::check_with(&hexaglot::Options::new(site.path()), Some(&options)).unwrap();
    let dead: Vec<(String, usize, String)> = report
        .diagnostics
        .iter()
        .filter(|d| d.message.starts_with("dead link"))
        .map(|d| (d.file.display().to_string(), d.line, d.message.clone()))
        .collect();
    assert_eq!(dead.len(), 2, "{dead:?}");
    assert_eq!(dead[0].0, "content/links.en.md");
    assert_eq!(dead[0].1, 8, "{dead:?}");
    assert!(dead[0].2.contains("/gone`: HTTP 404"), "{dead:?}");
    assert!(
        dead[0].2.contains("links/ and 3 other pages)"),
        "names the pages: {dead:?}"
    );
    assert_eq!(dead[1].1, 9);
    assert!(dead[1].2.contains("/slow`: no answer in time"), "{dead:?}");
    assert!(
        server.most_at_once.load(Ordering::SeqCst) <= 2,
        "at most two requests at once to one host"
    );
    assert!(hexaglot::check::exit_code(&report) == 1);

    let asked = server.requests.load(Ordering::SeqCst);
    let again =
        hexaglot::check::check_with(&hexaglot::Options::new(site.path()), Some(&options)).unwrap();
    assert_eq!(
        server.requests.load(Ordering::SeqCst),
        asked,
        "the second run asks nothing"
    );
    let dead_again = again
        .diagnostics
        .iter()
        .filter(|d| d.message.starts_with("dead link"))
        .count();
    assert_eq!(dead_again, 2);
    // Without --external, nothing is asked and nothing reported.
    let plain = hexaglot::check::check(&hexaglot::Options::new(site.path())).unwrap();
    assert!(
        !plain
            .diagnostics
            .iter()
            .any(|d| d.message.starts_with("dead link"))
    );
}
