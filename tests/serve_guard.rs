//! The preview server's defences, end to end: it answers only requests addressed to it
//! (a DNS-rebinding page names its own host), every response carries the headers that
//! keep it from being framed or leaking a referrer, and Ctrl-C stops it within a second
//! whatever a rebuild is doing.

mod common;
mod serve_support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::Duration;

use common::*;
use serve_support::*;

fn get_as(server: &Server, host: &str, path: &str) -> Response {
    server.raw(&format!(
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    ))
}

#[test]
fn only_requests_for_its_own_host_are_answered() {
    let site = forum_site();
    let server = Server::start(site.path());
    let port = server.address.port();
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("LocalHost:{port}"),
        format!("[::1]:{port}"),
    ] {
        let response = get_as(&server, &host, "/fr/");
        assert_eq!(response.status, 200, "{host}");
    }
    // A page at a name that DNS made resolve to 127.0.0.1: it names itself in Host.
    for host in [
        format!("rebind.example:{port}"),
        format!("127.0.0.1.nip.io:{port}"),
        format!("localhost.rebind.example:{port}"),
        "127.0.0.1".to_string(),
        format!("127.0.0.1:{}", port.wrapping_add(1)),
        format!("user@127.0.0.1:{port}"),
    ] {
        for path in ["/fr/", "/__hexaglot/events?lang=fr", "/__hexaglot/live.js"] {
            let response = get_as(&server, &host, path);
            assert_eq!(response.status, 421, "{host} {path}");
            assert!(!response.text().contains("<html"), "{host} {path}");
        }
    }
    // The answer says where the server is, in the reader's language.
    let refused = server.raw(&format!(
        "GET /fr/ HTTP/1.1\r\nHost: rebind.example:{port}\r\nAccept-Language: fr-CH, fr;q=0.9, en;q=0.5\r\nConnection: close\r\n\r\n"
    ));
    assert_eq!(
        refused.header("content-type"),
        Some("text/plain; charset=utf-8")
    );
    assert_eq!(
        refused.text(),
        format!(
            "Ce serveur d’aperçu ne répond qu’aux requêtes envoyées à sa propre adresse\u{202f}:\nhttp://127.0.0.1:{port}/\n"
        )
    );
    // A request target with another authority, and a request without a host.
    let absolute = server.raw(&format!(
        "GET http://rebind.example:{port}/fr/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    ));
    assert_eq!(absolute.status, 421);
    let no_host = server.raw("GET /fr/ HTTP/1.0\r\n\r\n");
    assert_eq!(no_host.status, 400);
    let two_hosts = server.raw(&format!(
        "GET /fr/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nHost: rebind.example:{port}\r\nConnection: close\r\n\r\n"
    ));
    assert_eq!(two_hosts.status, 400);
}

#[test]
fn bound_to_ipv6_it_answers_its_address_and_calendars_name_the_host_whole() {
    let site = forum_site();
    let server = Server::start_with(site.path(), &["--bind", "::1"]);
    let port = server.address.port();
    assert!(server.address.is_ipv6(), "{}", server.address);
    assert_eq!(
        get_as(&server, &format!("[::1]:{port}"), "/en/").status,
        200
    );
    assert_eq!(
        get_as(&server, &format!("localhost:{port}"), "/en/").status,
        200
    );
    assert_eq!(
        get_as(&server, &format!("[::2]:{port}"), "/en/").status,
        421
    );
    // UIDs and feed ids carry the host of the preview's address, brackets and all.
    let calendar = server.get("/en/calendar.ics").text();
    assert!(
        calendar.contains("UID:key-date-final-week@[::1]\r\n"),
        "{calendar}"
    );
    let feed = server.get("/en/atom.xml").text();
    assert!(feed.contains("<id>tag:[::1],"), "{feed}");
}

#[test]
fn every_response_carries_the_security_headers() {
    let site = forum_site();
    let server = Server::start(site.path());
    let port = server.address.port();
    let responses = [
        ("/en/", server.get("/en/")),
        ("/", server.get("/")),
        ("/en/nowhere/", server.get("/en/nowhere/")),
        ("/__hexaglot/live.js", server.get("/__hexaglot/live.js")),
        ("/robots.txt", server.get("/robots.txt")),
        ("/%2e%2e/", server.get("/%2e%2e/")),
        (
            "refused",
            get_as(&server, &format!("evil.example:{port}"), "/"),
        ),
    ];
    for (what, response) in &responses {
        assert_eq!(response.header("x-frame-options"), Some("DENY"), "{what}");
        assert_eq!(
            response.header("referrer-policy"),
            Some("no-referrer"),
            "{what}"
        );
        assert_eq!(
            response.header("x-content-type-options"),
            Some("nosniff"),
            "{what}"
        );
        let policy = response.header("content-security-policy").unwrap_or("");
        for directive in [
            "default-src 'self'",
            "connect-src 'self'",
            "frame-ancestors 'none'",
            "object-src 'none'",
            "base-uri 'self'",
        ] {
            assert!(
                policy.split(';').any(|d| d.trim() == directive),
                "{what}: `{directive}` missing from `{policy}`"
            );
        }
        assert!(!policy.contains("unsafe-eval"), "{what}: {policy}");
    }
    // The language chooser's inline script is allowed by its hash, and nothing else
    // inline is: the policy lists exactly one hash, and the pages without inline scripts
    // none.
    let hashes = |policy: &str| policy.matches("'sha256-").count();
    let chooser = responses[1].1.header("content-security-policy").unwrap();
    assert_eq!(hashes(chooser), 1, "{chooser}");
    let page = responses[0].1.header("content-security-policy").unwrap();
    assert_eq!(hashes(page), 0, "{page}");
    for policy in [chooser, page] {
        assert!(!script_src(policy).contains("unsafe"), "{policy}");
    }
    // The event stream is served with the headers too (its head only: it never ends).
    let mut stream = TcpStream::connect(server.address).unwrap();
    stream
        .write_all(
            format!("GET /__hexaglot/events?lang=en HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n")
                .as_bytes(),
        )
        .unwrap();
    let head = read_head(&mut stream).to_ascii_lowercase();
    assert!(
        head.starts_with("http/1.1 200") && head.contains("\r\nx-frame-options: deny\r\n"),
        "{head}"
    );
}

fn read_head(stream: &mut TcpStream) -> String {
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let mut head = Vec::new();
    let mut byte = [0u8];
    while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap() == 1 {
        head.push(byte[0]);
    }
    String::from_utf8_lossy(&head).into_owned()
}

fn script_src(policy: &str) -> String {
    policy
        .split(';')
        .find_map(|d| d.trim().strip_prefix("script-src"))
        .unwrap_or("")
        .to_string()
}

/// Ctrl-C with a rebuild in progress, a live-reload stream and a client that never
/// finishes its request: the server must be gone within a second.
fn assert_stops_within_a_second(server: Server, what: &str) -> Vec<String> {
    let port = server.address.port();
    let _events = server.events("en");
    let mut slow_client = TcpStream::connect(server.address).unwrap();
    slow_client
        .write_all(format!("GET /en/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n").as_bytes())
        .unwrap();
    let (status, lines, took) = server.interrupt();
    eprintln!("{what}: stopped {} ms after Ctrl-C", took.as_millis());
    assert!(
        took < Duration::from_secs(1),
        "{what}: stopped only after {took:?}"
    );
    assert!(status.success(), "{what}: {status:?}: {lines:?}");
    assert!(lines.iter().any(|l| l == "stopped"), "{what}: {lines:?}");
    lines
}

#[test]
fn ctrl_c_stops_the_server_while_a_rebuild_is_stuck_on_a_fifo() {
    let site = forum_site();
    let server = Server::start(site.path());
    // A FIFO that no one writes to: reading it blocks for ever.
    let fifo = site.path().join("content/stuck.en.md");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    std::thread::sleep(Duration::from_millis(600));
    // The rebuild has started and not come back (or, once the sources walker refuses
    // FIFOs, failed quickly): either way the server still answers.
    let printed = server.printed();
    assert_eq!(server.get("/en/").status, 200);
    eprintln!("printed while the FIFO was there: {printed:?}");
    assert_stops_within_a_second(server, "FIFO in content/");
}

#[test]
fn ctrl_c_stops_the_server_during_a_long_rebuild() {
    let site = forum_site();
    let server = Server::start(site.path());
    // A template whose rendering takes hours a page (Tera allows 100,000 steps a range).
    let template = site.path().join("themes/agora/templates/page.html");
    let text = std::fs::read_to_string(&template).unwrap();
    let slow = text.replacen(
        "{% block content %}",
        "{% block content %}{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% endfor %}{% endfor %}",
        1,
    );
    assert_ne!(slow, text, "page.html has a content block");
    std::fs::write(&template, slow).unwrap();
    std::thread::sleep(Duration::from_millis(600));
    let printed = server.printed();
    assert!(
        !printed.iter().any(|l| l.contains("page.html")),
        "the rebuild is still running: {printed:?}"
    );
    assert_stops_within_a_second(server, "a long rebuild");
}
