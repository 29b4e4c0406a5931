//! Search in six scripts: the normalization is the same at index time (Rust) and at
//! query time (the browser's JavaScript, run here under Node) over one table of cases;
//! queries over the forum's built indexes find the pages they should; the search page
//! works in a real browser with localized result counts.

mod common;
mod deploy_support;

use std::collections::BTreeSet;

use common::*;
use deploy_support::*;
use hexaglot::search::normalize::{index_terms, normalize, query_terms};
use scraper::Html;

fn cases() -> Vec<[String; 4]> {
    let table =
        std::fs::read_to_string(repo().join("tests/fixtures/deploy/search-cases.tsv")).unwrap();
    table
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 4, "{l}");
            [cols[0], cols[1], cols[2], cols[3]].map(str::to_string)
        })
        .collect()
}

#[test]
fn normalization_is_identical_in_rust_and_javascript() {
    let cases = cases();
    assert!(cases.len() >= 30);
    for [input, normalized, query, index] in &cases {
        assert_eq!(&normalize(input), normalized, "Rust normalize({input})");
        let terms: Vec<String> = query_terms(input).iter().map(|t| t.join("|")).collect();
        assert_eq!(&terms.join(" "), query, "Rust query_terms({input})");
        assert_eq!(
            &index_terms(input).join(" "),
            index,
            "Rust index_terms({input})"
        );
    }
    let script = repo().join("tests/fixtures/deploy/search_cases.cjs");
    let search_js = repo().join("themes/agora/static/search.js");
    let table = repo().join("tests/fixtures/deploy/search-cases.tsv");
    // The browser folds Chinese with the pairs an index carries; here, with all of them.
    let dir = tempfile::tempdir().unwrap();
    let han = dir.path().join("han.txt");
    std::fs::write(&han, hexaglot::search::normalize::han_pairs(|_| true)).unwrap();
    let Some(out) = node(
        &script,
        &[
            search_js.to_str().unwrap(),
            table.to_str().unwrap(),
            han.to_str().unwrap(),
        ],
    ) else {
        return;
    };
    let js: Vec<[String; 3]> = serde_json::from_str(&out).unwrap();
    assert_eq!(js.len(), cases.len());
    for ([input, normalized, query, index], [n, q, i]) in cases.iter().zip(&js) {
        assert_eq!(n, normalized, "JavaScript normalize({input})");
        assert_eq!(q, query, "JavaScript queryTerms({input})");
        assert_eq!(i, index, "JavaScript indexTerms({input})");
    }
}

#[test]
fn queries_in_six_scripts_find_the_forum_pages_of_their_language() {
    let site = forum_site();
    build_with(site.path(), "https://example.org/wsis/");
    let public = site.path().join("public");
    // Each language: the query, its variants that must find the same pages, and pages
    // that must be among them.
    let checks: [(&str, &[&str], &[&str]); 6] = [
        (
            "ar",
            &["منتدى", "المنتدى", "مُنْتَدَى", "للمنتدى", "منتدي"],
            &["", "about/", "news/invitation-letter/"],
        ),
        ("zh", &["论坛"], &["", "about/", "news/invitation-letter/"]),
        (
            "ru",
            &["форум", "Форум", "ФОРУМ"],
            &["", "about/", "news/invitation-letter/"],
        ),
        (
            "fr",
            &["société", "societe", "SOCIÉTÉ"],
            &["", "letter/", "news/invitation-letter/"],
        ),
        ("es", &["información", "informacion"], &["", "letter/"]),
        (
            "en",
            &["forum", "Forum"],
            &["", "about/", "news/invitation-letter/"],
        ),
    ];
    for (lang, queries, must) in checks {
        let mut all: Vec<&str> = queries.to_vec();
        all.push("zzqx");
        let Some(results) = search(&public, lang, &all) else {
            return;
        };
        let first = search_urls(&results, queries[0]);
        assert!(!first.is_empty(), "{lang}: {} finds nothing", queries[0]);
        for url in &first {
            assert!(
                url.starts_with(&format!("/wsis/{lang}/")),
                "{lang}: result {url} is not a page of the language"
            );
            assert!(
                file_for(&public, url, "/wsis/").is_some(),
                "{lang}: result {url} is not a page"
            );
        }
        for page in must {
            let url = format!("/wsis/{lang}/{page}");
            assert!(
                first.contains(&url),
                "{lang}: {} does not find {url}: {first:?}",
                queries[0]
            );
        }
        for variant in &queries[1..] {
            assert_eq!(
                search_urls(&results, variant),
                first,
                "{lang}: {variant} finds other pages than {}",
                queries[0]
            );
        }
        assert!(
            search_urls(&results, "zzqx").is_empty(),
            "{lang}: a word that is nowhere finds pages"
        );
    }
    // Chinese: a single character finds pages through the unigrams; a longer query finds
    // only pages that contain it.
    let Some(zh) = search(&public, "zh", &["论", "论坛", "信息社会"]) else {
        return;
    };
    assert!(search_urls(&zh, "论").len() >= search_urls(&zh, "论坛").len().max(1));
    for url in search_urls(&zh, "信息社会") {
        let file = file_for(&public, &url, "/wsis/").unwrap();
        assert!(
            std::fs::read_to_string(file).unwrap().contains("信息社会"),
            "{url} does not contain 信息社会"
        );
    }
    // Russian: a stem finds inflected forms (форум → Форума) by prefix.
    let Some(ru) = search(&public, "ru", &["форума"]) else {
        return;
    };
    let inflected: BTreeSet<String> = search_urls(&ru, "форума").into_iter().collect();
    assert!(!inflected.is_empty());
}

#[test]
fn search_page_shows_results_with_localized_counts_in_a_browser() {
    let site = forum_site();
    let public = site.path().join("public");
    let Some(server) = serve_under_wsis(site.path()) else {
        return;
    };
    // The page works without a script too: the form sends ?q= to itself.
    let doc = page(&public, "fr/search/index.html");
    assert_eq!(
        attrs(&doc, "form.search-form", "action"),
        ["/wsis/fr/search/"]
    );
    assert_eq!(
        attrs(&doc, "form.site-search", "action"),
        Vec::<String>::new()
    );
    let header = page(&public, "fr/about/index.html");
    assert_eq!(
        attrs(&header, "form.site-search", "action"),
        ["/wsis/fr/search/"]
    );

    // The status line: the Fluent plural form for the number of results shown.
    let cases: [(&str, &str, &[&str]); 5] = [
        ("fr", "societe", &["{n} page trouvée", "{n} pages trouvées"]),
        (
            "ar",
            "مُنْتَدَى",
            &[
                "عُثر على صفحة واحدة",
                "عُثر على صفحتين",
                "عُثر على {n} صفحات",
                "عُثر على {n} صفحة",
            ],
        ),
        (
            "ru",
            "форум",
            &[
                "Найдена {n} страница",
                "Найдены {n} страницы",
                "Найдено {n} страниц",
            ],
        ),
        ("zh", "论坛", &["找到{n}个页面"]),
        (
            "fr",
            "zzqx",
            &["Aucune page ne correspond à «\u{202F}zzqx\u{202F}»."],
        ),
    ];
    for (lang, query, forms) in cases {
        let url = format!(
            "{}/wsis/{lang}/search/?q={}",
            server.origin(),
            hexaglot::xml::iri_to_uri(query)
        );
        let Some(dom) = rendered_dom(&url) else {
            return;
        };
        let doc = Html::parse_document(&dom);
        let status = texts(&doc, ".search-status").join("");
        let results = attrs(&doc, ".search-results a", "href");
        let n = results.len().to_string();
        assert!(
            forms.iter().any(|f| f.replace("{n}", &n) == status),
            "{lang} {query}: status {status:?} for {n} results"
        );
        if query == "zzqx" {
            assert!(results.is_empty());
            assert_eq!(
                texts(&doc, ".search-status bdi"),
                [query],
                "the query is isolated"
            );
        } else {
            assert!(!results.is_empty(), "{lang} {query}: no results shown");
            assert!(
                results
                    .iter()
                    .all(|r| r.starts_with(&format!("/wsis/{lang}/")))
            );
        }
    }
    // An index that cannot be loaded is said so, in the page's language.
    std::fs::remove_file(public.join("ru/search/index.json")).unwrap();
    let Some(dom) = rendered_dom(&format!("{}/wsis/ru/search/?q=forum", server.origin())) else {
        return;
    };
    let doc = Html::parse_document(&dom);
    assert_eq!(
        texts(&doc, ".search-status"),
        ["Не удалось загрузить поисковый индекс. Повторите попытку позже."]
    );
}
