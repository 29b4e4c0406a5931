//! Content beyond text, end to end on real output: page bundles and their images in two
//! languages (checked with an independent decoder, Pillow), the image cache, people's
//! photos and organizations' logos, shortcodes, tables of contents, pagination and
//! highlighting, each with an error that points at the file and line.

mod common;
mod content_support;

use std::collections::BTreeMap;
use std::path::Path;

use common::page;
use content_support::site;
use scraper::Selector;

fn select(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// Format, width and height of each file, by Pillow.
fn decode(files: &[std::path::PathBuf]) -> BTreeMap<String, (String, u32, u32)> {
    let script = common::repo().join("tests/content_images.py");
    let out = std::process::Command::new("python3")
        .arg(script)
        .args(files)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json.as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| {
            (
                k.clone(),
                (
                    v["format"].as_str().unwrap().to_string(),
                    v["width"].as_u64().unwrap() as u32,
                    v["height"].as_u64().unwrap() as u32,
                ),
            )
        })
        .collect()
}

/// `url 200w, url 400w` → [(url, 200), (url, 400)].
fn srcset(text: &str) -> Vec<(String, u32)> {
    text.split(", ")
        .map(|item| {
            let (url, w) = item.rsplit_once(' ').unwrap();
            (url.to_string(), w.trim_end_matches('w').parse().unwrap())
        })
        .collect()
}

fn timing(report: &hexaglot::Report, stages: &[&str]) -> f64 {
    report
        .timings
        .0
        .iter()
        .filter(|lap| stages.contains(&lap.stage))
        .map(|lap| lap.millis)
        .sum()
}

#[test]
fn a_bundle_page_shows_its_images_resized_in_every_language_and_a_second_build_reuses_them() {
    let site = site();
    let first = common::build(site.path()).unwrap_or_else(|e| panic!("{e}"));
    let public = site.path().join("public");
    let mut checked = 0;
    for (lang, map) in [("en", "map"), ("ar", "map.ar")] {
        let doc = page(&public, &format!("{lang}/venue/index.html"));
        let pictures: Vec<_> = doc.select(&select(".content picture")).collect();
        assert_eq!(pictures.len(), 2, "{lang}: two pictures");
        let img = pictures[0].select(&select("img")).next().unwrap();
        let alt = if lang == "en" {
            "Map of the venue"
        } else {
            "خريطة المكان"
        };
        assert_eq!(img.attr("alt"), Some(alt));
        assert_eq!(img.attr("src"), Some(&*format!("/venue/{map}.800w.png")));
        assert_eq!(
            (img.attr("width"), img.attr("height")),
            (Some("800"), Some("480"))
        );
        assert_eq!(img.attr("loading"), None, "the first picture loads at once");
        assert!(img.attr("sizes").is_some_and(|s| !s.is_empty()));
        let webp = pictures[0].select(&select("source")).next().unwrap();
        assert_eq!(webp.attr("type"), Some("image/webp"));
        let hall = pictures[1].select(&select("img")).next().unwrap();
        assert_eq!(
            hall.attr("loading"),
            Some("lazy"),
            "later pictures load lazily"
        );
        assert_eq!(
            hall.attr("src"),
            Some("/venue/hall.800w.jpg"),
            "one copy for every language"
        );
        // Every version in every srcset: decoded by Pillow, in its format and size.
        let mut expected = Vec::new();
        for (set, format) in [
            (img.attr("srcset").unwrap(), "PNG"),
            (webp.attr("srcset").unwrap(), "WEBP"),
            (hall.attr("srcset").unwrap(), "JPEG"),
        ] {
            let widths: Vec<u32> = srcset(set).iter().map(|(_, w)| *w).collect();
            assert_eq!(widths, [200, 400, 800], "{set}");
            for (url, w) in srcset(set) {
                expected.push((public.join(url.trim_start_matches('/')), format, w));
            }
        }
        let files: Vec<_> = expected.iter().map(|(p, _, _)| p.clone()).collect();
        let decoded = decode(&files);
        for (path, format, width) in &expected {
            let (f, w, h) = &decoded[&path.display().to_string()];
            assert_eq!((f.as_str(), w), (*format, width), "{}", path.display());
            let ratio = if path.to_string_lossy().contains("hall") {
                1000.0 / 1600.0
            } else {
                0.6
            };
            assert!(
                (*h as f64 - *w as f64 * ratio).abs() <= 1.0,
                "{}: {w}×{h}",
                path.display()
            );
            checked += 1;
        }
        let form = doc
            .select(&select(".content a[href^='/venue/form.pdf']"))
            .next()
            .expect("the bundle's file is linked");
        assert!(form.attr("href").unwrap().starts_with("/venue/form.pdf"));
    }
    assert_eq!(checked, 18);
    assert!(public.join("venue/form.pdf").is_file());
    let tag = site.path().join(".hexaglot/cache/CACHEDIR.TAG");
    assert!(std::fs::read_to_string(tag).unwrap().contains("hexaglot"));

    let before = common::read_tree(&public);
    let second = common::build(site.path()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        before,
        common::read_tree(&public),
        "the cached build is the same, byte for byte"
    );
    let (a, b) = (
        timing(&first, &["images", "resize"]),
        timing(&second, &["images", "resize"]),
    );
    eprintln!("image stages: first build {a:.1} ms, second {b:.1} ms");
    assert!(
        b < a * 0.05,
        "the cached image stages took {b:.1} ms, the first {a:.1} ms"
    );
}

#[test]
fn people_and_organizations_show_their_photos_and_logos_with_alternative_text() {
    let site = site();
    common::build(site.path()).unwrap_or_else(|e| panic!("{e}"));
    let public = site.path().join("public");
    for (lang, ada, li) in [
        ("en", "Ada Lovelace", "Li Wei at the 2020 forum"),
        ("ar", "آدا لوفليس", "لي وي في منتدى 2020"),
    ] {
        let doc = page(&public, &format!("{lang}/people/ada/index.html"));
        let photo = doc
            .select(&select("img.person-photo"))
            .next()
            .expect("a photo");
        assert_eq!(photo.attr("alt"), Some(ada));
        assert_eq!(
            photo.attr("src"),
            Some("/people/ada.600w.jpg"),
            "never enlarged"
        );
        assert_eq!(
            (photo.attr("width"), photo.attr("height")),
            (Some("600"), Some("800"))
        );
        let doc = page(&public, &format!("{lang}/people/li/index.html"));
        let photo = doc
            .select(&select("img.person-photo"))
            .next()
            .expect("a photo");
        assert_eq!(photo.attr("alt"), Some(li));
        let doc = page(&public, &format!("{lang}/organizations/host/index.html"));
        let logo = doc
            .select(&select("img.organization-logo"))
            .next()
            .expect("a logo");
        assert!(logo.attr("alt").is_some_and(|a| !a.is_empty()));
    }
    let doc = page(&public, "en/partners/index.html");
    let wall: Vec<_> = doc
        .select(&select(".logo-wall-co-organizer img.logo"))
        .collect();
    assert_eq!(wall.len(), 1);
    assert_eq!(wall[0].attr("alt"), Some("Host Organization"));
    assert_eq!(
        doc.select(&select(".logo-wall-partner")).count(),
        0,
        "no logo, no wall"
    );
}

/// Writes `text` to `content/<rel>` of `site`.
fn write(site: &Path, rel: &str, text: &str) {
    std::fs::write(site.join("content").join(rel), text).unwrap();
}

/// The diagnostics of a failed build, as (file, line, message).
fn errors(site: &Path) -> Vec<(String, usize, String)> {
    match common::build(site) {
        Ok(_) => panic!("the build should fail"),
        Err(e) => e
            .diagnostics()
            .iter()
            .filter(|d| d.is_error())
            .map(|d| (d.file.display().to_string(), d.line, d.message.clone()))
            .collect(),
    }
}

#[test]
fn a_missing_bundle_file_or_photo_is_reported_at_its_line() {
    let site = site();
    write(
        site.path(),
        "venue/index.fr.md",
        "---\ntitle: Lieu\n---\n\nLe plan :\n\n![Plan](plan.png)\n",
    );
    let text = std::fs::read_to_string(site.path().join("content/data/people.yaml")).unwrap();
    write(
        site.path(),
        "data/people.yaml",
        &text.replace("people/li.jpg", "people/lee.jpg"),
    );
    let found = errors(site.path());
    assert!(
        found.contains(&(
            "content/venue/index.fr.md".into(),
            7,
            "the image `plan.png` does not exist".into()
        )),
        "{found:?}"
    );
    assert!(
        found.iter().any(|(f, l, m)| f == "content/data/people.yaml"
            && *l == 8
            && m.contains("people/lee.jpg")),
        "{found:?}"
    );
}

#[test]
fn shortcodes_render_with_the_page_and_report_errors_at_the_call() {
    let site = site();
    common::build(site.path()).unwrap_or_else(|e| panic!("{e}"));
    let doc = page(&site.path().join("public"), "en/guide/index.html");
    let note = doc
        .select(&select("aside.callout-warning"))
        .next()
        .expect("a callout");
    assert_eq!(
        note.select(&select(".callout-title"))
            .next()
            .unwrap()
            .text()
            .collect::<String>(),
        "Warning"
    );
    assert!(
        note.select(&select("strong")).next().is_some(),
        "the body is Markdown"
    );
    assert!(
        note.select(&select("a[href='/en/venue/']"))
            .next()
            .is_some(),
        "links in the body resolve"
    );
    let video = doc
        .select(&select("figure.video-facade"))
        .next()
        .expect("a video facade");
    assert_eq!(
        video.select(&select("iframe")).count(),
        0,
        "nothing loaded from the host"
    );
    let play = video.select(&select("a.video-play")).next().unwrap();
    assert_eq!(
        play.attr("href"),
        Some("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    );
    assert!(
        video
            .attr("data-embed")
            .unwrap()
            .starts_with("https://www.youtube-nocookie.com/embed/")
    );
    let figure = doc
        .select(&select("figure.figure"))
        .next()
        .expect("a figure");
    assert!(
        figure
            .select(&select("picture img[src='/venue/hall.800w.jpg']"))
            .next()
            .is_some()
    );
    assert_eq!(
        figure
            .select(&select("figcaption"))
            .next()
            .unwrap()
            .text()
            .collect::<String>(),
        "The hall, seen from the stage"
    );
    let text: String = doc
        .select(&select(".content"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert!(
        text.contains("{{ video(id=\"x\") }} shows the call"),
        "{text}"
    );

    let guide = site.path().join("content/guide.en.md");
    let body = std::fs::read_to_string(&guide).unwrap();
    std::fs::write(
        &guide,
        body.replace(
            "{% note(kind=\"warning\") %}",
            "{% notice(kind=\"warning\") %}",
        )
        .replace(
            "{{ video(id=\"dQw4w9WgXcQ\", title=\"Opening\") }}",
            "{{ video(title=\"no id\") }}",
        ),
    )
    .unwrap();
    let found = errors(site.path());
    let at = |needle: &str| body.lines().position(|l| l.contains(needle)).unwrap() + 1;
    assert!(
        found.iter().any(|(f, l, m)| f == "content/guide.en.md"
            && *l == at("{% note(")
            && m.starts_with("there is no shortcode `notice`")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|(f, l, m)| f == "content/guide.en.md"
            && *l == at("{{ video(")
            && m.contains("shortcode `video` failed")
            && m.contains("shortcodes/video.html")),
        "{found:?}"
    );
}

#[test]
fn the_table_of_contents_lists_the_headings_and_a_bad_field_is_reported() {
    let site = site();
    common::build(site.path()).unwrap_or_else(|e| panic!("{e}"));
    let doc = page(&site.path().join("public"), "en/guide/index.html");
    let toc = doc
        .select(&select("nav.toc"))
        .next()
        .expect("a table of contents");
    let hrefs: Vec<&str> = toc
        .select(&select("a"))
        .map(|a| a.attr("href").unwrap())
        .collect();
    assert_eq!(
        hrefs,
        [
            "#getting-there",
            "#from-the-airport",
            "#registration",
            "#programme-data"
        ]
    );
    for href in hrefs {
        let id = &href[1..];
        assert!(
            doc.select(&select(&format!("[id='{id}']")))
                .next()
                .is_some(),
            "{id}"
        );
    }
    assert_eq!(
        toc.select(&select("ol ol a")).count(),
        1,
        "nested under its section"
    );
    let venue = page(&site.path().join("public"), "en/venue/index.html");
    assert!(
        venue.select(&select("nav.toc")).next().is_none(),
        "opt-in only"
    );

    write(
        site.path(),
        "guide.en.md",
        "---\ntitle: Guide\ntoc: yes please\n---\n\n## A\n",
    );
    let found = errors(site.path());
    assert!(
        found
            .iter()
            .any(|(f, l, _)| f == "content/guide.en.md" && *l == 3),
        "{found:?}"
    );
}

#[test]
fn sections_are_paginated_with_localized_links_and_numbers() {
    let site = site();
    common::build(site.path()).unwrap_or_else(|e| panic!("{e}"));
    let public = site.path().join("public");
    let titles = |rel: &str| -> Vec<String> {
        page(&public, rel)
            .select(&select(".page-list > li > a"))
            .map(|a| a.text().collect())
            .collect()
    };
    assert_eq!(titles("en/news/index.html"), ["Post 5", "Post 4"]);
    assert_eq!(titles("en/news/page/2/index.html"), ["Post 3", "Post 2"]);
    assert_eq!(titles("en/news/page/3/index.html"), ["Post 1"]);
    assert!(!public.join("en/news/page/4").exists());
    let doc = page(&public, "en/news/page/2/index.html");
    let rel = |r: &str| {
        doc.select(&select(&format!(".pagination a[rel={r}]")))
            .next()
            .map(|a| {
                (
                    a.attr("href").unwrap().to_string(),
                    a.text().collect::<String>(),
                )
            })
    };
    assert_eq!(rel("prev"), Some(("/en/news/".into(), "Newer".into())));
    assert_eq!(
        rel("next"),
        Some(("/en/news/page/3/".into(), "Older".into()))
    );
    let canonical = doc.select(&select("link[rel=canonical]")).next().unwrap();
    assert_eq!(
        canonical.attr("href"),
        Some("https://example.org/en/news/page/2/")
    );
    let switcher = doc
        .select(&select(".languages a[hreflang=fr]"))
        .next()
        .unwrap();
    assert_eq!(switcher.attr("href"), Some("/fr/news/page/2/"));

    // Page numbers in each language's digits, as CLDR (through Babel) writes them.
    for lang in ["ar", "zh", "fr"] {
        let doc = page(&public, &format!("{lang}/news/page/2/index.html"));
        let current: String = doc
            .select(&select(".pagination [aria-current=page]"))
            .next()
            .unwrap()
            .text()
            .collect();
        assert_eq!(current, babel_number(lang, 2), "{lang}");
        let older: String = doc
            .select(&select(".pagination a[rel=next]"))
            .next()
            .unwrap()
            .text()
            .collect();
        assert_ne!(older, "Older", "{lang}: localized");
    }

    write(
        site.path(),
        "news/_index.en.md",
        "---\ntitle: News\nsort_by: date\npaginate_by: 0\n---\n",
    );
    let found = errors(site.path());
    assert!(
        found.contains(&(
            "content/news/_index.en.md".into(),
            4,
            "`paginate_by` is 0: a page must list at least one page".into()
        )),
        "{found:?}"
    );
}

/// `n` formatted by Babel (CLDR) for `lang`.
fn babel_number(lang: &str, n: u32) -> String {
    let out = std::process::Command::new("python3")
        .args([
            "-c",
            &format!("from babel.numbers import format_decimal; print(format_decimal({n}, locale='{lang}'), end='')"),
        ])
        .output()
        .expect("python3 with Babel");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn fenced_code_is_highlighted_unless_the_site_says_no_and_unknown_languages_are_warned() {
    let site = site();
    write(
        site.path(),
        "news/post-1.en.md",
        "---\ntitle: Post 1\ndate: 2021-01-10\n---\n\n```klingon\nqapla'\n```\n\n```toml\n[site]\ntitle = \"Forum\" # a comment\n```\n",
    );
    let report = common::build(site.path()).unwrap_or_else(|e| panic!("{e}"));
    // TOML, which syntect's own syntaxes lack, comes from bat's: highlighted, no warning.
    assert!(
        !report.warnings.iter().any(|w| w.message.contains("toml")),
        "{:?}",
        report.warnings
    );
    let post = page(&site.path().join("public"), "en/news/post-1/index.html");
    let comment: String = post
        .select(&select("pre.highlight code.language-toml span.hl-comment"))
        .next()
        .expect("a highlighted comment")
        .text()
        .collect();
    assert_eq!(comment, "# a comment");
    let warning = report
        .warnings
        .iter()
        .find(|w| w.message.contains("klingon"))
        .expect("a warning");
    assert_eq!(
        (warning.file.to_str(), warning.line),
        (Some("content/news/post-1.en.md"), 6)
    );
    let doc = page(&site.path().join("public"), "en/guide/index.html");
    let code = doc
        .select(&select("pre.highlight code.language-yaml"))
        .next()
        .expect("highlighted");
    let classes: Vec<&str> = code
        .select(&select("span"))
        .filter_map(|s| s.attr("class"))
        .collect();
    assert!(
        classes.iter().any(|c| c.contains("hl-comment")),
        "{classes:?}"
    );
    let text: String = code.text().collect();
    assert!(
        text.contains("id: opening   # a comment"),
        "the code is intact: {text}"
    );

    let config = site.path().join("content/site.yaml");
    let yaml = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{yaml}highlight: false\n")).unwrap();
    common::build(site.path()).unwrap_or_else(|e| panic!("{e}"));
    let doc = page(&site.path().join("public"), "en/guide/index.html");
    assert!(doc.select(&select("pre.highlight")).next().is_none());
    assert!(doc.select(&select("code.language-yaml")).next().is_some());
}
