//! Deploy-ready output, end to end: the forum site built for a sub-path and served by a
//! real web server, crawled from its root; the sitemap against the sitemaps.org schema;
//! the Atom feeds through an independent parser; the root 404 page in a browser;
//! hashed assets and byte-identical builds; minification.

mod common;
mod deploy_support;

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use common::*;
use deploy_support::*;
use scraper::{Html, Selector};

const LANGS: [&str; 6] = ["ar", "zh", "en", "fr", "ru", "es"];

/// Every URL a page refers to: links, stylesheets, scripts, images, forms, the search
/// index (`data-index`).
fn references(doc: &Html) -> Vec<String> {
    let mut refs = Vec::new();
    for (selector, attr) in [
        ("a[href]", "href"),
        ("link[href]", "href"),
        ("script[src]", "src"),
        ("img[src]", "src"),
        ("form[action]", "action"),
        ("[data-index]", "data-index"),
    ] {
        refs.extend(attrs(doc, selector, attr));
    }
    refs
}

/// The URLs of an XML file (sitemap: `<loc>` and `href="…"`).
fn xml_references(text: &str) -> Vec<String> {
    let mut refs = Vec::new();
    for (open, close) in [("<loc>", "</loc>"), ("href=\"", "\"")] {
        let mut rest = text;
        while let Some(i) = rest.find(open) {
            let after = &rest[i + open.len()..];
            let end = after.find(close).unwrap();
            refs.push(after[..end].replace("&amp;", "&"));
            rest = &after[end..];
        }
    }
    refs
}

/// An internal URL as a decoded path (`/wsis/fr/`), or `None` for other sites and schemes.
fn internal_path(href: &str, origin: &str, from: &str) -> Option<String> {
    let href = href.split('#').next().unwrap().split('?').next().unwrap();
    if href.is_empty() {
        return None;
    }
    let path = if let Some(rest) = href.strip_prefix(origin) {
        rest.to_string()
    } else if href.starts_with('/') && !href.starts_with("//") {
        href.to_string()
    } else if href.contains(':') || href.starts_with("//") {
        return None;
    } else {
        let dir = &from[..=from.rfind('/').unwrap()];
        format!("{dir}{href}")
    };
    Some(percent_decode(&path))
}

#[test]
fn crawl_from_the_root_under_a_sub_path_reaches_every_file_and_no_broken_link() {
    let site = forum_site();
    let public = site.path().join("public");
    let Some(server) = serve_under_wsis(site.path()) else {
        return;
    };
    let origin = server.origin();

    let mut seeds = vec![
        "/wsis/".to_string(),
        "/wsis/sitemap.xml".into(),
        "/wsis/robots.txt".into(),
        "/wsis/404.html".into(),
    ];
    seeds.extend(LANGS.iter().map(|l| format!("/wsis/{l}/404.html")));
    // Redirects from former URLs (aliases) are reached from outside, not by links.
    for (file, bytes) in read_tree(&public) {
        if file.ends_with(".html")
            && String::from_utf8_lossy(&bytes).contains("http-equiv=\"refresh\"")
        {
            seeds.push(format!("/wsis/{}", file.trim_end_matches("index.html")));
        }
    }
    let mut queue: VecDeque<(String, String)> = seeds
        .into_iter()
        .map(|s| (s, "(start)".to_string()))
        .collect();
    let mut fetched = BTreeSet::new();
    let mut broken = Vec::new();
    while let Some((path, from)) = queue.pop_front() {
        if !fetched.insert(path.clone()) {
            continue;
        }
        if !path.starts_with("/wsis/") {
            broken.push(format!("{path} (from {from}): outside the base path"));
            continue;
        }
        let response = get(server.port, &path);
        if response.status != 200 {
            broken.push(format!("{path} (from {from}): status {}", response.status));
            continue;
        }
        let text = String::from_utf8_lossy(&response.body);
        let refs = if response.content_type.starts_with("text/html") {
            references(&Html::parse_document(&text))
        } else if path.ends_with(".xml") {
            xml_references(&text)
        } else if path.ends_with("robots.txt") {
            text.lines()
                .filter_map(|l| l.strip_prefix("Sitemap: "))
                .map(str::to_string)
                .collect()
        } else {
            Vec::new()
        };
        for href in refs {
            if let Some(target) = internal_path(&href, &origin, &path) {
                queue.push_back((target, path.clone()));
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));

    // Every file of the output was reached: nothing is orphaned or linked wrongly.
    let reached: BTreeSet<String> = fetched
        .iter()
        .map(|p| {
            let rel = p.strip_prefix("/wsis/").unwrap();
            if rel.is_empty() || rel.ends_with('/') {
                format!("{rel}index.html")
            } else {
                rel.to_string()
            }
        })
        .collect();
    // Theme files are published whether a page uses them or not (local-time.js serves
    // only sites with sessions); every other file must be reached.
    let theme_files: BTreeSet<String> = read_tree(&repo().join("themes/agora/static"))
        .into_iter()
        .map(|(name, bytes)| match name.rsplit_once('.') {
            Some((stem, ext)) if ext == "css" || ext == "js" => {
                format!("{stem}.{}.{ext}", hexaglot::assets::short_hash(&bytes))
            }
            _ => name,
        })
        .collect();
    let unreached: Vec<String> = read_tree(&public)
        .into_keys()
        .filter(|f| !reached.contains(f) && !theme_files.contains(f))
        // The build's marker and list of files, for the next build.
        .filter(|f| f != hexaglot::sources::OUTPUT_MARKER)
        .collect();
    assert!(
        unreached.is_empty(),
        "files no link leads to: {unreached:?}"
    );
    for used in ["style", "search", "not-found", "event"] {
        assert!(
            reached.iter().any(|f| f.starts_with(&format!("{used}."))),
            "{used} asset not reached"
        );
    }
    for lang in LANGS {
        assert!(
            fetched.contains(&format!("/wsis/{lang}/news/invitation-letter/")),
            "{lang} news page not reached"
        );
    }
}

#[test]
fn a_missing_url_gets_the_root_404_page_in_the_language_of_its_path() {
    let site = forum_site();
    let Some(server) = serve_under_wsis(site.path()) else {
        return;
    };

    // Without a script: every language, each marked with its own lang and dir.
    let response = get(server.port, "/wsis/fr/nulle-part/");
    assert_eq!(response.status, 404);
    let doc = Html::parse_document(&String::from_utf8_lossy(&response.body));
    assert_eq!(attrs(&doc, "section.not-found-lang", "lang"), LANGS);
    assert_eq!(
        attrs(&doc, "section.not-found-lang[lang=ar]", "dir"),
        ["rtl"]
    );
    assert_eq!(texts(&doc, "section[lang=fr] h1"), ["Page introuvable"]);
    for href in attrs(&doc, "a[href], link[href], script[src]", "href")
        .into_iter()
        .chain(attrs(&doc, "script[src]", "src"))
    {
        assert!(
            href.starts_with("/wsis/"),
            "the 404 page is served at any depth: {href} must be absolute with the base path"
        );
    }

    // With the script, in a browser: only the language of the path is left.
    for (path, lang, dir) in [
        ("/wsis/fr/nulle-part/", "fr", "ltr"),
        ("/wsis/ar/programme/ancien/page.html", "ar", "rtl"),
    ] {
        let Some(dom) = rendered_dom(&format!("{}{path}", server.origin())) else {
            return;
        };
        let doc = Html::parse_document(&dom);
        assert_eq!(attrs(&doc, "html", "lang"), [lang], "{path}");
        assert_eq!(attrs(&doc, "html", "dir"), [dir], "{path}");
        let visible: Vec<String> = attrs(&doc, "section.not-found-lang:not([hidden])", "lang");
        assert_eq!(visible, [lang], "{path}");
    }
}

/// The `<url>` entries of a sitemap: loc → alternates (hreflang → href).
fn sitemap_entries(xml: &str) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut entries = BTreeMap::new();
    for block in xml.split("<url>").skip(1) {
        let block = &block[..block.find("</url>").unwrap()];
        let loc = xml_references(block).into_iter().next().unwrap();
        let mut alternates = BTreeMap::new();
        for link in block.split("<xhtml:link ").skip(1) {
            let attr = |name: &str| {
                let start = link.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                link[start..start + link[start..].find('"').unwrap()].to_string()
            };
            assert_eq!(attr("rel"), "alternate");
            alternates.insert(attr("hreflang"), attr("href"));
        }
        assert!(
            entries.insert(loc.clone(), alternates).is_none(),
            "{loc} is listed twice"
        );
    }
    entries
}

fn validate_sitemap(path: &std::path::Path) {
    if !have(
        "xmllint",
        "the sitemap is validated against the sitemaps.org schema",
    ) {
        return;
    }
    let schema = repo().join("tests/fixtures/deploy/schema/sitemap-alternates.xsd");
    let output = std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&schema)
        .arg(path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "sitemap.xml does not validate:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn sitemap_validates_lists_every_canonical_page_and_its_alternates_are_reciprocal() {
    let site = forum_site();
    build_with(site.path(), "https://example.org/wsis/");
    let public = site.path().join("public");
    validate_sitemap(&public.join("sitemap.xml"));
    let entries = sitemap_entries(&std::fs::read_to_string(public.join("sitemap.xml")).unwrap());

    for (loc, alternates) in &entries {
        assert!(loc.starts_with("https://example.org/wsis/"), "{loc}");
        if alternates.is_empty() {
            continue;
        }
        assert!(
            alternates.values().any(|h| h == loc),
            "{loc} is not among its own alternates"
        );
        assert!(
            alternates.contains_key("x-default"),
            "{loc} has no x-default"
        );
        for (lang, href) in alternates.iter().filter(|(l, _)| *l != "x-default") {
            let back = entries
                .get(href)
                .unwrap_or_else(|| panic!("{loc}: alternate {lang} {href} is not in the sitemap"));
            assert_eq!(
                back, alternates,
                "{href} and {loc} disagree on their alternates"
            );
        }
    }
    // Every indexable page is listed, with the same alternates as its own <link>s.
    let mut listed = 0;
    for file in html_files(&public) {
        let doc = page(&public, &file);
        let canonical = attrs(&doc, "link[rel=canonical]", "href");
        let own = format!(
            "https://example.org/wsis/{}",
            file.trim_end_matches("index.html")
        );
        let noindex = attrs(&doc, "meta[name=robots]", "content")
            .iter()
            .any(|c| c.contains("noindex"));
        if noindex || canonical != [own.clone()] {
            assert!(
                !entries.contains_key(&own),
                "{own} is listed but not canonical or noindex"
            );
            continue;
        }
        let alternates = entries
            .get(&own)
            .unwrap_or_else(|| panic!("{own} is missing from the sitemap"));
        let in_page: BTreeMap<String, String> =
            attrs(&doc, "link[rel=alternate][hreflang]", "hreflang")
                .into_iter()
                .zip(attrs(&doc, "link[rel=alternate][hreflang]", "href"))
                .collect();
        assert_eq!(
            &in_page, alternates,
            "{own}: the page's alternates differ from the sitemap's"
        );
        listed += 1;
    }
    assert_eq!(listed, entries.len());
    assert!(listed >= 6 * 9, "only {listed} pages listed");
    let robots = std::fs::read_to_string(public.join("robots.txt")).unwrap();
    assert!(
        robots
            .lines()
            .any(|l| l == "Sitemap: https://example.org/wsis/sitemap.xml"),
        "{robots}"
    );
}

#[test]
fn sitemap_percent_encodes_unicode_tag_urls() {
    let site = fixture("basic");
    build_with(site.path(), "https://example.org/sub/");
    let public = site.path().join("public");
    validate_sitemap(&public.join("sitemap.xml"));
    let xml = std::fs::read_to_string(public.join("sitemap.xml")).unwrap();
    assert!(xml.is_ascii(), "sitemap URLs must be percent-encoded");
    let entries = sitemap_entries(&xml);
    assert!(
        entries.contains_key("https://example.org/sub/fr/tags/soci%C3%A9t%C3%A9-civile/"),
        "{:?}",
        entries.keys()
    );
    // The page it names exists under that (decoded) path.
    assert!(public.join("fr/tags/société-civile/index.html").is_file());
}

#[test]
fn atom_feeds_parse_with_an_independent_parser_and_are_linked_from_every_page() {
    let site = forum_site();
    build_with(site.path(), "https://example.org/wsis/");
    let public = site.path().join("public");
    for file in html_files(&public) {
        let lang = file.split('/').next().unwrap();
        if !LANGS.contains(&lang) || file.ends_with("404.html") {
            continue;
        }
        let doc = page(&public, &file);
        assert_eq!(
            attrs(
                &doc,
                "link[rel=alternate][type='application/atom+xml']",
                "href"
            ),
            [format!("/wsis/{lang}/atom.xml")],
            "{file}"
        );
    }
    if !have("python3", "the feeds are parsed with Python's feedparser") {
        return;
    }
    let script = repo().join("tests/fixtures/deploy/check_feed.py");
    let feeds: Vec<std::path::PathBuf> = LANGS
        .iter()
        .map(|l| public.join(l).join("atom.xml"))
        .collect();
    let output = std::process::Command::new("python3")
        .arg(script)
        .args(&feeds)
        .output()
        .unwrap();
    if output.status.code() == Some(2) {
        assert!(
            std::env::var_os("CI").is_none(),
            "feedparser is required under CI; .ci/run installs it"
        );
        eprintln!("skipped: feedparser is not installed");
        return;
    }
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut ids = BTreeSet::new();
    for (lang, line) in LANGS
        .iter()
        .zip(String::from_utf8(output.stdout).unwrap().lines())
    {
        let feed: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(feed["bozo"], 0, "{lang}: {}", feed["bozo_exception"]);
        assert_eq!(feed["version"], "atom10");
        assert_eq!(feed["language"], *lang);
        assert_eq!(
            feed["self"][0],
            format!("https://example.org/wsis/{lang}/atom.xml")
        );
        assert_eq!(feed["updated"], "2021-02-03T00:00:00Z");
        let entries = feed["entries"].as_array().unwrap();
        assert_eq!(entries.len(), 1, "{lang}");
        let entry = &entries[0];
        assert_eq!(
            entry["id"],
            format!("tag:example.org,2021-02-03:{lang}/news/invitation-letter")
        );
        assert!(ids.insert(entry["id"].to_string()));
        assert_eq!(
            entry["link"],
            format!("https://example.org/wsis/{lang}/news/invitation-letter/")
        );
        assert_eq!(entry["published"], "2021-02-03T00:00:00Z");
        assert_eq!(entry["content_type"], "text/html");
        assert_eq!(
            entry["hreflangs"],
            serde_json::json!([lang]),
            "{lang}: one alternate link, to the page in the feed's language"
        );
        assert!(
            public
                .join(lang)
                .join("news/invitation-letter/index.html")
                .is_file()
        );
    }
}

#[test]
fn two_builds_are_byte_identical_and_pages_reference_hashed_assets() {
    // Two builds of one site into two fresh folders: nothing may depend on the run
    // (the calendars' SEQUENCE floor depends on the sources' last change, which is the
    // same for both).
    let a = forum_site();
    build_with(a.path(), "https://example.org/wsis/");
    let mut again = hexaglot::Options::new(a.path());
    again.base_url = Some("https://example.org/wsis/".to_string());
    again.out = Some(a.path().join("public-again"));
    hexaglot::build(&again).unwrap_or_else(|e| panic!("build failed: {e}"));
    let (ta, tb) = (
        read_tree(&a.path().join("public")),
        read_tree(&a.path().join("public-again")),
    );
    assert_eq!(ta.keys().collect::<Vec<_>>(), tb.keys().collect::<Vec<_>>());
    for (path, bytes) in &ta {
        assert!(tb[path] == *bytes, "{path} differs between two builds");
    }
    let public = a.path().join("public");
    for (name, source) in [
        ("style", "style.css"),
        ("search", "search.js"),
        ("not-found", "not-found.js"),
    ] {
        let bytes = std::fs::read(repo().join("themes/agora/static").join(source)).unwrap();
        let ext = source.rsplit('.').next().unwrap();
        let hashed = format!("{name}.{}.{ext}", hexaglot::assets::short_hash(&bytes));
        assert_eq!(
            ta.get(&hashed),
            Some(&bytes),
            "{hashed} is published with the theme file's bytes"
        );
        assert!(
            !ta.contains_key(source),
            "{source} is published under its hashed name only"
        );
    }
    let style = format!(
        "/wsis/style.{}.css",
        hexaglot::assets::short_hash(
            &std::fs::read(repo().join("themes/agora/static/style.css")).unwrap()
        )
    );
    let content = format!(
        "/wsis/content.{}.css",
        hexaglot::assets::short_hash(
            &std::fs::read(repo().join("themes/agora/static/content.css")).unwrap()
        )
    );
    for file in html_files(&public) {
        if file.contains("/news/") || file == "index.html" || file.ends_with("404.html") {
            let doc = page(&public, &file);
            // The theme's stylesheet, and the content's (pictures, tables of contents,
            // pagination) on the pages made from base.html.
            let sheets = attrs(&doc, "link[rel=stylesheet]", "href");
            assert_eq!(sheets.first(), Some(&style), "{file}");
            assert!(
                sheets[1..].iter().all(|s| *s == content),
                "{file}: {sheets:?}"
            );
        }
    }
}

#[test]
fn minified_pages_show_the_same_document() {
    let (plain, small) = (forum_site(), forum_site());
    let config = small.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{text}\nminify: true\n")).unwrap();
    build_with(plain.path(), "https://example.org/");
    build_with(small.path(), "https://example.org/");
    let (before, after) = (
        read_tree(&plain.path().join("public")),
        read_tree(&small.path().join("public")),
    );
    let all = Selector::parse("*").unwrap();
    let (mut size_before, mut size_after) = (0, 0);
    for (path, bytes) in before.iter().filter(|(p, _)| p.ends_with(".html")) {
        let (a, b) = (
            String::from_utf8_lossy(bytes),
            String::from_utf8_lossy(&after[path]),
        );
        size_before += a.len();
        size_after += b.len();
        let (da, db) = (Html::parse_document(&a), Html::parse_document(&b));
        let shape = |d: &Html| -> Vec<String> {
            d.select(&all).map(|e| format!("{:?}", e.value())).collect()
        };
        assert_eq!(
            shape(&da),
            shape(&db),
            "{path}: elements or attributes changed"
        );
        let words = |d: &Html| -> String {
            d.root_element()
                .text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(words(&da), words(&db), "{path}: text changed");
        assert_eq!(
            texts(&da, "pre, script"),
            texts(&db, "pre, script"),
            "{path}: preformatted text changed"
        );
    }
    assert!(size_after < size_before, "minify saved nothing");
    eprintln!("HTML: {size_before} bytes, minified {size_after} bytes");

    // And the minified pages are valid HTML for the Nu HTML Checker.
    let Some(jar) = vnu_jar() else { return };
    let public = small.path().join("public");
    let pages: Vec<std::path::PathBuf> = html_files(&public)
        .into_iter()
        .map(|f| public.join(f))
        .collect();
    let output = std::process::Command::new("java")
        .arg("-jar")
        .arg(jar)
        .arg("--errors-only")
        .args(&pages)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "invalid minified HTML:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn every_sitemap_url_is_served_including_unicode_tag_pages() {
    let site = fixture("basic");
    let public = site.path().join("public");
    if !have(
        "python3",
        "the test serves the site with Python's http.server",
    ) {
        return;
    }
    let server = Server::start(&public, "sub");
    build_with(site.path(), &format!("{}/sub/", server.origin()));
    let xml = std::fs::read_to_string(public.join("sitemap.xml")).unwrap();
    let locs: Vec<String> = sitemap_entries(&xml).into_keys().collect();
    assert!(locs.iter().any(|l| l.contains("/ar/tags/%D8%A7%D9%84%D9%85%D8%AC%D8%AA%D9%85%D8%B9-%D8%A7%D9%84%D9%85%D8%AF%D9%86%D9%8A/")), "{locs:?}");
    for loc in locs {
        // The encoded URL goes to the server as it is, as a crawler sends it.
        let path = loc.strip_prefix(&server.origin()).unwrap();
        let response = get(server.port, path);
        assert_eq!(response.status, 200, "{loc}");
        assert!(
            response.content_type.starts_with("text/html"),
            "{loc}: {}",
            response.content_type
        );
    }
}

#[test]
fn a_robots_txt_in_content_replaces_the_generated_one() {
    let site = fixture("basic");
    std::fs::write(
        site.path().join("content/robots.txt"),
        "User-agent: *\nDisallow: /drafts/\n",
    )
    .unwrap();
    build(site.path()).unwrap();
    assert_eq!(
        std::fs::read_to_string(site.path().join("public/robots.txt")).unwrap(),
        "User-agent: *\nDisallow: /drafts/\n"
    );
}
