//! The programme in search: on a site made by `init` in the six UN languages, a
//! session is found by a word of its title or by a speaker's name, a person by name and
//! an organization by name, in English, Arabic and Chinese, with the browser's search
//! code; each result's line says what it is.

mod common;
mod deploy_support;

use std::path::Path;

use common::*;
use deploy_support::*;

fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    hexaglot::init::init(
        &hexaglot::init::InitOptions {
            dir: dir.path().to_path_buf(),
            ..Default::default()
        },
        None,
    )
    .unwrap();
    build(dir.path()).unwrap();
    dir
}

/// The line under a result: `docs` of the index is `[url, title, line]`.
fn line(public: &Path, lang: &str, url: &str) -> String {
    let index: serde_json::Value = serde_json::from_slice(
        &std::fs::read(public.join(lang).join("search/index.json")).unwrap(),
    )
    .unwrap();
    index["docs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d[0] == url)
        .unwrap_or_else(|| panic!("{url} is not in the {lang} index"))[2]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn sessions_people_and_organizations_are_found_in_english_arabic_and_chinese() {
    let site = site();
    let public = site.path().join("public");
    // (language, query, a URL it must find first or among its results)
    let cases: [(&str, &str, &str); 12] = [
        ("en", "workshop", "/en/sessions/workshop/"),
        ("en", "Haddad", "/en/people/nadia-haddad/"),
        (
            "en",
            "Example Organization",
            "/en/organizations/example-organizer/",
        ),
        ("ar", "الافتتاحية", "/ar/sessions/opening/"),
        ("ar", "نادية", "/ar/people/nadia-haddad/"),
        ("ar", "منظمة المثال", "/ar/organizations/example-organizer/"),
        ("zh", "开幕", "/zh/sessions/opening/"),
        ("zh", "哈达德", "/zh/people/nadia-haddad/"),
        ("zh", "示例组织", "/zh/organizations/example-organizer/"),
        // A session by a speaker's name, and by its room.
        ("en", "Nadia", "/en/sessions/opening/"),
        ("ar", "حداد", "/ar/sessions/opening/"),
        ("zh", "B会议室", "/zh/sessions/workshop/"),
    ];
    for (lang, query, url) in cases {
        let Some(results) = search(&public, lang, &[query]) else {
            return;
        };
        let urls = search_urls(&results, query);
        assert!(
            urls.iter().any(|u| u == url),
            "{lang}: {query} finds {urls:?}, not {url}"
        );
    }
    // The title's word ranks the session above pages that only mention it.
    let Some(results) = search(&public, "en", &["workshop"]) else {
        return;
    };
    assert_eq!(
        search_urls(&results, "workshop")[0],
        "/en/sessions/workshop/"
    );
    // What each result is, in the index's language, with the session's date, time
    // and room: as docs/search.md shows them.
    let guide = std::fs::read_to_string(repo().join("docs/search.md")).unwrap();
    let shown: Vec<&str> = guide
        .split("```text tested-by=tests/search_programme.rs\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("docs/search.md shows the lines")
        .lines()
        .collect();
    let lines: Vec<String> = [
        "/en/sessions/opening/",
        "/en/people/nadia-haddad/",
        "/en/organizations/example-organizer/",
    ]
    .iter()
    .map(|url| line(&public, "en", url))
    .collect();
    assert_eq!(lines, shown);
    assert_eq!(
        line(&public, "zh", "/zh/sessions/opening/"),
        "会议｜2027年6月1日星期二 09:00至10:00｜A会议室"
    );
    // In Arabic the values are isolated, the time range laid out left to right.
    assert_eq!(
        line(&public, "ar", "/ar/sessions/opening/"),
        "جلسة · \u{2068}الثلاثاء، 1 يونيو 2027\u{2069} \u{2068}\u{2066}\u{202D}09:00-10:00\u{202C}\u{2069}\u{2069} · \u{2068}القاعة ألف\u{2069}"
    );
}
