//! The preview server end to end: `hexaglot serve --port 0` on a copy of the forum site,
//! spoken to over raw HTTP.

mod common;
mod serve_support;

use std::time::Duration;

use common::*;
use serve_support::*;

fn lang_and_dir(response: &Response) -> (Vec<String>, Vec<String>) {
    let doc = response.html();
    (attrs(&doc, "html", "lang"), attrs(&doc, "html", "dir"))
}

#[test]
fn serves_pages_in_several_languages_with_the_live_script() {
    let site = forum_site();
    let server = Server::start(site.path());
    for (lang, dir) in [("fr", "ltr"), ("ar", "rtl"), ("zh", "ltr"), ("ru", "ltr")] {
        let response = server.get(&format!("/{lang}/about/"));
        assert_eq!(response.status, 200, "/{lang}/about/");
        assert_eq!(
            response.header("content-type"),
            Some("text/html; charset=utf-8")
        );
        assert_eq!(
            lang_and_dir(&response),
            (vec![lang.to_string()], vec![dir.to_string()])
        );
        let doc = response.html();
        let script = attrs(
            &doc,
            "body > script[src='/__hexaglot/live.js']",
            "data-file",
        );
        assert_eq!(script, [format!("{lang}/about/index.html")]);
    }
    // The language chooser at the root.
    let root = server.get("/");
    assert_eq!(root.status, 200);
    assert!(root.text().contains("hreflang=\"ar\""));
    let script = server.get("/__hexaglot/live.js");
    assert_eq!(
        script.header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    assert!(script.text().contains("EventSource"));
}

#[test]
fn a_correct_little_web_server() {
    let site = forum_site();
    std::fs::write(
        site.path().join("themes/agora/static/site.webmanifest"),
        "{}",
    )
    .unwrap();
    std::fs::write(
        site.path().join("themes/agora/static/logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .unwrap();
    std::fs::write(
        site.path().join("themes/agora/static/font.woff2"),
        [0u8, 1, 2],
    )
    .unwrap();
    let server = Server::start(site.path());
    let style = style_path();
    for (path, mime) in [
        (style.as_str(), "text/css; charset=utf-8"),
        ("/site.webmanifest", "application/manifest+json"),
        ("/logo.svg", "image/svg+xml"),
        ("/font.woff2", "font/woff2"),
        ("/fr/index.html", "text/html; charset=utf-8"),
    ] {
        let response = server.get(path);
        assert_eq!(
            (response.status, response.header("content-type")),
            (200, Some(mime)),
            "{path}"
        );
        assert_eq!(response.header("cache-control"), Some("no-cache"), "{path}");
    }
    // HEAD: the same headers, no body.
    let get = server.get("/fr/");
    let head = server.request("HEAD", "/fr/", &[]);
    assert_eq!(head.status, 200);
    assert_eq!(head.header("content-length"), get.header("content-length"));
    assert_eq!(head.header("etag"), get.header("etag"));
    // Revalidation.
    let etag = get.header("etag").unwrap().to_string();
    let again = server.request("GET", "/fr/", &[("If-None-Match", &etag)]);
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
    // A folder without its slash.
    let redirect = server.get("/fr/about");
    assert_eq!(
        (redirect.status, redirect.header("location")),
        (308, Some("/fr/about/"))
    );
    // The site's own 404 page, in the language of the path.
    let missing = server.get("/fr/nulle-part/");
    assert_eq!(missing.status, 404);
    assert_eq!(lang_and_dir(&missing).0, ["fr"]);
    let missing = server.get("/ar/nowhere");
    assert_eq!(
        (missing.status, lang_and_dir(&missing)),
        (404, (vec!["ar".to_string()], vec!["rtl".to_string()]))
    );
    let missing = server.get("/nowhere.html");
    assert_eq!(missing.status, 404);
    assert_eq!(lang_and_dir(&missing).0, ["en"]);
    assert_eq!(server.request("POST", "/fr/", &[]).status, 405);
}

#[test]
fn many_clients_at_once() {
    let site = forum_site();
    let server = Server::start(site.path());
    let expected = server.get("/zh/programme/").body;
    let style = style_path();
    let style = style.as_str();
    std::thread::scope(|scope| {
        for i in 0..48 {
            let server = &server;
            let expected = &expected;
            scope.spawn(move || {
                for _ in 0..5 {
                    let response = server.get(if i % 2 == 0 { "/zh/programme/" } else { style });
                    assert_eq!(response.status, 200);
                    if i % 2 == 0 {
                        assert_eq!(&response.body, expected);
                    }
                }
            });
        }
    });
}

#[test]
fn an_edit_reloads_the_page_that_shows_it() {
    let site = forum_site();
    let server = Server::start(site.path());
    let mut events = server.events("fr");
    save(
        site.path(),
        "content/about.fr.md",
        "la communauté multipartite",
        "la vaste communauté multipartite",
    );
    let data = events.next_named("reload");
    let reload: serde_json::Value = serde_json::from_str(&data).unwrap();
    // The page, and the French search index, which holds its text.
    assert_eq!(
        reload["files"],
        serde_json::json!(["fr/about/index.html", "fr/search/index.json"]),
        "{data}"
    );
    assert_eq!(reload["all"], false);
    assert!(
        server
            .get("/fr/about/")
            .text()
            .contains("la vaste communauté multipartite")
    );
    let line = server.wait_for("content/about.fr.md", Duration::from_secs(10));
    assert!(
        line.contains("re-rendered 1 of")
            && line.contains("fr/about/index.html")
            && line.ends_with(" ms"),
        "{line}"
    );
}

#[test]
fn a_broken_yaml_file_shows_the_overlay_and_keeps_the_last_good_page() {
    let site = forum_site();
    let server = Server::start(site.path());
    let before = server.get("/fr/about/").text();
    let mut events = server.events("fr");
    save(
        site.path(),
        "content/about.fr.md",
        "weight: 10",
        "weight: [10",
    );
    let data = events.next_named("build-error");
    let error: serde_json::Value = serde_json::from_str(&data).unwrap();
    let text = error["text"].as_str().unwrap();
    assert!(
        text.contains("invalid YAML") && text.contains("content/about.fr.md:4:"),
        "{text}"
    );
    assert_eq!(error["lang"], "fr");
    assert_eq!(error["title"], "Le site n’a pas pu être reconstruit");
    // The last good page is still served.
    let during = server.get("/fr/about/");
    assert_eq!(during.status, 200);
    assert_eq!(during.text(), before);
    server.wait_for(
        "still serving the last good version",
        Duration::from_secs(10),
    );
    // A page opened now gets the error at once, in its own language.
    let mut arabic = server.events("ar");
    let (name, data) = arabic.next();
    assert_eq!(name, "build-error");
    let error: serde_json::Value = serde_json::from_str(&data).unwrap();
    assert_eq!(
        (error["lang"].as_str(), error["dir"].as_str()),
        (Some("ar"), Some("rtl"))
    );
    assert_eq!(error["title"], "تعذّرت إعادة إنشاء الموقع");
    // Fixing the file clears the overlay; the site is the same as before the error, so
    // no page needs a reload.
    save(
        site.path(),
        "content/about.fr.md",
        "weight: [10",
        "weight: 10",
    );
    assert_eq!(events.next(), ("build-ok".to_string(), "{}".to_string()));
    assert_eq!(server.get("/fr/about/").text(), before);
    // And the next edit reloads as usual.
    save(
        site.path(),
        "content/about.fr.md",
        "la communauté multipartite",
        "la large communauté multipartite",
    );
    let data = events.next_named("reload");
    assert!(data.contains("fr/about/index.html"), "{data}");
}

#[test]
fn traversal_spellings_never_leak_a_byte() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    for part in ["content", "locales", "themes"] {
        copy_tree(&repo().join(part), &root.join(part));
    }
    let marker = "SECRET-7f3a-outside-the-site";
    std::fs::write(dir.path().join("secret.txt"), marker).unwrap();
    // Symbolic links in the theme's static folder that point outside: never served.
    let statics = root.join("themes/agora/static");
    std::os::unix::fs::symlink(dir.path().join("secret.txt"), statics.join("leak.txt")).unwrap();
    std::os::unix::fs::symlink(dir.path(), statics.join("outside")).unwrap();
    let server = Server::start(&root);
    let spellings = [
        "/../secret.txt",
        "/../../secret.txt",
        "/fr/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2E%2E/secret.txt",
        "/.%2e/secret.txt",
        "/%2e./secret.txt",
        "/..%2fsecret.txt",
        "/..%2F..%2Fsecret.txt",
        "/..%5csecret.txt",
        "/..\\secret.txt",
        "/%252e%252e/secret.txt",
        "/fr/%00/../secret.txt",
        "/secret.txt%00.html",
        "/%c0%ae%c0%ae/secret.txt",
        "//secret.txt",
        "/./../secret.txt",
        "/leak.txt",
        "/outside/secret.txt",
        "/fr/../../../../../../../../etc/passwd",
        "http://127.0.0.1/../secret.txt",
        "../secret.txt",
    ];
    assert!(spellings.len() >= 10);
    for target in spellings {
        let response = server.get(target);
        assert!(
            response.status >= 400,
            "{target}: status {}",
            response.status
        );
        let text = response.text();
        assert!(
            !text.contains(marker) && !text.contains("root:x:0"),
            "{target} leaked: {text}"
        );
    }
    // The links are refused with a message naming them, and once they are gone the
    // site builds and is served.
    let mut events = server.events("fr");
    let (name, data) = events.next();
    assert_eq!(name, "build-error");
    assert!(data.contains("leak.txt"), "{data}");
    std::fs::remove_file(statics.join("leak.txt")).unwrap();
    std::fs::remove_file(statics.join("outside")).unwrap();
    events.next_named("build-ok");
    assert_eq!(server.get("/fr/").status, 200);
}

#[test]
fn ctrl_c_stops_the_server_and_leaves_nothing_behind() {
    let site = forum_site();
    let server = Server::start(site.path());
    let _events = server.events("en");
    assert_eq!(server.get("/en/").status, 200);
    let (status, lines, _) = server.interrupt();
    assert!(status.success(), "{status:?}: {lines:?}");
    assert!(lines.iter().any(|l| l == "stopped"), "{lines:?}");
    let left: Vec<String> = std::fs::read_dir(site.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut left = left;
    left.sort();
    assert_eq!(
        left,
        ["content", "locales", "themes"],
        "no public/ and no staging folder"
    );
}

#[test]
fn the_live_script_is_never_in_build_output() {
    let site = forum_site();
    build(site.path()).unwrap();
    let public = site.path().join("public");
    for (path, bytes) in read_tree(&public) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("__hexaglot"),
            "{path} holds the live-reload script"
        );
    }
    let server = Server::start(site.path());
    assert!(server.get("/en/").text().contains("/__hexaglot/live.js"));
}

#[test]
fn a_site_broken_from_the_start_is_served_once_fixed() {
    let site = forum_site();
    let path = site.path().join("content/about.en.md");
    let good = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, good.replacen("title:", "title: [", 1)).unwrap();
    let server = Server::start(site.path());
    // A blank page that carries the script, so that the error shows over it.
    let blank = server.get("/en/about/");
    assert_eq!(blank.status, 404);
    assert!(blank.text().contains("/__hexaglot/live.js"));
    let mut events = server.events("en");
    let (name, data) = events.next();
    assert_eq!(name, "build-error");
    assert!(data.contains("content/about.en.md"), "{data}");
    std::fs::write(&path, &good).unwrap();
    assert_eq!(events.next().0, "build-ok");
    let reload: serde_json::Value = serde_json::from_str(&events.next_named("reload")).unwrap();
    assert_eq!(reload["all"], true, "every blank page reloads");
    assert_eq!(server.get("/en/about/").status, 200);
}

/// The URL of the forum's stylesheet, published under its content-hashed name.
fn style_path() -> String {
    let bytes = std::fs::read(repo().join("themes/agora/static/style.css")).unwrap();
    format!("/style.{}.css", hexaglot::assets::short_hash(&bytes))
}
