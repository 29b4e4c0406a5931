//! End-to-end tests of the generator core over fixture sites: languages, fallbacks,
//! links, tags, Fluent, errors, atomic and deterministic output.

mod common;
mod content_support;

use common::*;
use hexaglot::Severity;

const LANGS: [&str; 4] = ["en", "fr", "ar", "ru"];

#[test]
fn every_page_exists_in_every_language_with_lang_and_dir() {
    let site = fixture("basic");
    let report = build(site.path()).unwrap();
    assert_eq!(report.languages, 4);
    let public = site.path().join("public");
    for lang in LANGS {
        let doc = page(&public, &format!("{lang}/index.html"));
        assert_eq!(attrs(&doc, "html", "lang"), [lang]);
        let dir = if lang == "ar" { "rtl" } else { "ltr" };
        assert_eq!(attrs(&doc, "html", "dir"), [dir], "{lang}");
        for rel in [
            "news/index.html",
            "news/only-en/index.html",
            "news/second/index.html",
        ] {
            assert!(public.join(lang).join(rel).is_file(), "{lang}/{rel}");
        }
    }
    // Per-language slug.
    assert!(public.join("fr/a-propos/index.html").is_file());
    assert!(!public.join("fr/about/index.html").exists());
}

#[test]
fn hreflang_alternates_are_reciprocal_and_switcher_links_resolve() {
    let site = fixture("basic");
    build(site.path()).unwrap();
    let public = site.path().join("public");
    for file in html_files(&public) {
        let doc = page(&public, &file);
        for href in attrs(&doc, "nav.switcher a, nav.menu a, main a", "href") {
            assert!(
                file_for(&public, &href, "/").is_some(),
                "{file}: link {href} resolves to nothing"
            );
        }
        let hrefs = attrs(&doc, "link[rel=alternate]", "href");
        let langs = attrs(&doc, "link[rel=alternate]", "hreflang");
        let own = attrs(&doc, "link[rel=canonical]", "href");
        for (lang, href) in langs.iter().zip(&hrefs) {
            if lang == "x-default" {
                continue;
            }
            let path = href.strip_prefix("https://example.org").unwrap();
            let target =
                file_for(&public, path, "/").unwrap_or_else(|| panic!("{file}: alternate {href}"));
            let other = scraper::Html::parse_document(&std::fs::read_to_string(target).unwrap());
            let back: Vec<String> = attrs(&other, "link[rel=alternate]", "href");
            assert!(
                back.contains(&own[0]),
                "{file}: {href} does not point back to {}",
                own[0]
            );
        }
    }
}

#[test]
fn untranslated_page_shows_fallback_text_marked_with_its_language() {
    let site = fixture("basic");
    build(site.path()).unwrap();
    let public = site.path().join("public");
    let doc = page(&public, "fr/news/only-en/index.html");
    assert_eq!(
        texts(&doc, ".fallback-notice"),
        ["Page non traduite ; affichée en anglais."]
    );
    assert_eq!(attrs(&doc, ".content", "lang"), ["en"]);
    assert_eq!(
        attrs(&doc, "link[rel=canonical]", "href"),
        ["https://example.org/en/news/only-en/"]
    );
    // Only the real translation is an alternate.
    assert_eq!(
        attrs(&doc, "link[rel=alternate]", "hreflang"),
        ["en", "x-default"]
    );
    let ru = page(&public, "ru/news/only-en/index.html");
    assert_eq!(
        texts(&ru, ".fallback-notice"),
        ["Страница не переведена; показана на английском языке."]
    );
    // A translated page has no notice and points to itself.
    let fr_about = page(&public, "fr/a-propos/index.html");
    assert!(texts(&fr_about, ".fallback-notice").is_empty());
    assert_eq!(
        attrs(&fr_about, "link[rel=canonical]", "href"),
        ["https://example.org/fr/a-propos/"]
    );
}

#[test]
fn internal_links_resolve_in_the_current_language() {
    let site = fixture("basic");
    build(site.path()).unwrap();
    let public = site.path().join("public");
    let en = page(&public, "en/about/index.html");
    assert_eq!(
        attrs(&en, ".content a", "href"),
        ["/en/news/", "/en/news/only-en/#details"]
    );
    let fr = page(&public, "fr/a-propos/index.html");
    assert_eq!(
        attrs(&fr, ".content a", "href"),
        ["/fr/", "/fr/news/only-en/"]
    );
    // Fallback text links to pages of the language it is shown in.
    let ar = page(&public, "ar/news/only-en/index.html");
    assert_eq!(attrs(&ar, ".content a", "href"), ["/ar/about/"]);
}

#[test]
fn tags_give_per_language_index_and_term_pages_with_readable_urls() {
    let site = fixture("basic");
    build(site.path()).unwrap();
    let public = site.path().join("public");
    let fr = page(&public, "fr/tags/index.html");
    assert_eq!(attrs(&fr, ".terms a", "href"), ["/fr/tags/société-civile/"]);
    let en_forum = page(&public, "en/tags/forum/index.html");
    assert_eq!(texts(&en_forum, ".pages a"), ["About", "Only in English"]);
    assert!(public.join("ar/tags/المجتمع-المدني/index.html").is_file());
    let en_tags = page(&public, "en/tags/index.html");
    assert_eq!(texts(&en_tags, ".count"), ["one page", "2 pages"]);
}

#[test]
fn sections_list_their_pages_in_their_order() {
    let site = fixture("basic");
    build(site.path()).unwrap();
    let doc = page(&site.path().join("public"), "en/news/index.html");
    // sort_by: date, newest first.
    assert_eq!(texts(&doc, ".pages a"), ["Second", "Only in English"]);
}

#[test]
fn drafts_are_built_only_when_asked_for() {
    let site = fixture("basic");
    std::fs::write(
        site.path().join("content/news/plans.en.md"),
        "---\ntitle: Plans\ndate: 2021-07-01\ndraft: true\n---\nNot yet.\n",
    )
    .unwrap();
    let public = site.path().join("public");
    build(site.path()).unwrap();
    assert!(!public.join("en/news/plans").exists());
    let news = page(&public, "en/news/index.html");
    assert_eq!(texts(&news, ".pages a"), ["Second", "Only in English"]);

    let mut options = hexaglot::Options::new(site.path());
    options.drafts = true;
    hexaglot::build(&options).unwrap();
    assert!(public.join("en/news/plans/index.html").is_file());
    let news = page(&public, "en/news/index.html");
    assert_eq!(
        texts(&news, ".pages a"),
        ["Plans", "Second", "Only in English"]
    );
}

#[test]
fn rtl_pages_isolate_ltr_islands() {
    let site = fixture("basic");
    build(site.path()).unwrap();
    let doc = page(&site.path().join("public"), "ar/about/index.html");
    assert_eq!(texts(&doc, ".content bdo[dir=ltr]"), ["+41 22 730 6240"]);
}

#[test]
fn root_is_a_language_chooser_linking_every_language() {
    let site = fixture("basic");
    build(site.path()).unwrap();
    let doc = page(&site.path().join("public"), "index.html");
    assert_eq!(attrs(&doc, ".chooser a", "hreflang"), LANGS);
    assert_eq!(
        attrs(&doc, ".chooser a", "href"),
        ["/en/", "/fr/", "/ar/", "/ru/"]
    );
}

#[test]
fn default_language_can_live_at_the_root() {
    let site = fixture("basic");
    let config = site.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        text.replace(
            "default_language: en",
            "default_language: en\ndefault_language_at_root: true",
        ),
    )
    .unwrap();
    build(site.path()).unwrap();
    let public = site.path().join("public");
    let home = page(&public, "index.html");
    assert_eq!(attrs(&home, "html", "lang"), ["en"]);
    assert!(public.join("about/index.html").is_file());
    assert!(public.join("fr/a-propos/index.html").is_file());
    assert!(!public.join("en").exists());
}

#[test]
fn fluent_plurals_follow_cldr_in_arabic_and_russian() {
    let site = fixture("basic");
    let snapshot = hexaglot::driver::read(&hexaglot::Options::new(site.path())).unwrap();
    let config = snapshot.config;
    let mut diagnostics = hexaglot::error::Diagnostics::default();
    let l = hexaglot::i18n::Localizer::load(&config, &snapshot.sources, &mut diagnostics);
    let count = |lang: &str, n: f64| {
        let args = hexaglot::i18n::fluent_args([("count", hexaglot::i18n::ArgValue::Number(n))]);
        l.format(lang, "pages-count", Some(&args)).unwrap()
    };
    let arabic: Vec<String> = [0.0, 1.0, 2.0, 3.0, 11.0, 100.0]
        .iter()
        .map(|&n| count("ar", n))
        .collect();
    assert_eq!(
        arabic,
        [
            "لا صفحات",
            "صفحة واحدة",
            "صفحتان",
            "3 صفحات",
            "11 صفحةً",
            "100 صفحة"
        ]
    );
    let russian: Vec<String> = [1.0, 2.0, 5.0, 21.0]
        .iter()
        .map(|&n| count("ru", n))
        .collect();
    assert_eq!(
        russian,
        ["1 страница", "2 страницы", "5 страниц", "21 страница"]
    );
    // Numbers are formatted by CLDR: Russian groups thousands with a space.
    assert_eq!(count("ru", 1234.0), "1\u{a0}234 страницы");
}

#[test]
fn two_builds_are_byte_identical() {
    let a = fixture("basic");
    let b = fixture("basic");
    build(a.path()).unwrap();
    build(b.path()).unwrap();
    build(b.path()).unwrap();
    assert_eq!(
        read_tree(&a.path().join("public")),
        read_tree(&b.path().join("public"))
    );
}

/// `build` renders each page's Markdown with the page and drops it; `generate` renders
/// every body first and keeps them. Both must make the same files, byte for byte: pages,
/// further pages of lists, feeds and search indexes, which show bodies too.
#[test]
fn a_build_that_streams_bodies_writes_what_generate_makes() {
    let sites = [
        forum_site(),
        fixture("basic"),
        fixture_with_forum_theme("venue"),
        content_support::site(),
        fixture_with_forum_theme("event"),
    ];
    let mut paths = Vec::new();
    for site in &sites {
        build(site.path()).unwrap();
        let mut written = read_tree(&site.path().join("public"));
        written.remove(".hexaglot-output");
        let generated: std::collections::BTreeMap<String, Vec<u8>> =
            hexaglot::generate(&hexaglot::Options::new(site.path()))
                .unwrap()
                .files
                .into_iter()
                .map(|(path, file)| {
                    let bytes = match file {
                        hexaglot::output::OutputFile::Bytes(b) => b,
                        hexaglot::output::OutputFile::Copy(p, _) => std::fs::read(p).unwrap(),
                    };
                    (path.as_str().to_string(), bytes)
                })
                .collect();
        assert_eq!(
            written.keys().collect::<Vec<_>>(),
            generated.keys().collect::<Vec<_>>()
        );
        for (path, bytes) in &generated {
            assert!(written[path] == *bytes, "{path} differs from generate's");
        }
        paths.extend(written.into_keys());
    }
    // The files that show bodies besides their own pages are among those compared.
    for kind in ["atom.xml", "search/index.json", "/page/2/index.html"] {
        assert!(
            paths.iter().any(|p| p.ends_with(kind)),
            "no {kind} compared"
        );
    }
}

#[test]
fn broken_site_reports_every_error_and_leaves_public_untouched() {
    let site = fixture("basic");
    build(site.path()).unwrap();
    let public = site.path().join("public");
    let before = read_tree(&public);
    common::copy_tree(&repo().join("tests/fixtures/broken"), site.path());
    let err = build(site.path()).unwrap_err();
    let errors: Vec<String> = err
        .diagnostics()
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            format!(
                "{}:{}:{}: {}",
                d.file.display(),
                d.line,
                d.column,
                d.message
            )
        })
        .collect();
    insta::assert_snapshot!("broken_site_errors", errors.join("\n"));
    assert_eq!(
        read_tree(&public),
        before,
        "public/ changed after a failed build"
    );
    let leftovers: Vec<_> = std::fs::read_dir(site.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().contains("staging"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn error_report_shows_file_line_column_snippet_and_hint() {
    let site = fixture("basic");
    common::copy_tree(&repo().join("tests/fixtures/broken"), site.path());
    let text = build(site.path()).unwrap_err().to_string();
    assert!(text.contains("  --> content/bad-yaml.en.md:3:"), "{text}");
    assert!(text.contains("= hint:"), "{text}");
    assert!(text.ends_with("build failed: 4 errors"), "{text}");
}

#[test]
fn aliases_redirect_to_the_page() {
    let site = fixture("basic");
    build(site.path()).unwrap();
    let doc = page(&site.path().join("public"), "who-we-are/index.html");
    assert_eq!(
        attrs(&doc, "link[rel=canonical]", "href"),
        ["https://example.org/en/about/"]
    );
    assert_eq!(
        attrs(&doc, "meta[http-equiv=refresh]", "content"),
        ["0; url=https://example.org/en/about/"]
    );
}
