//! The WSIS Forum 2021 site: every page in six languages, written in each language's
//! own script, with the facts of the invitation letter.

mod common;

use std::sync::OnceLock;

use common::*;
use scraper::{Html, Selector};

const LANGS: [&str; 6] = ["ar", "zh", "en", "fr", "ru", "es"];
const PAGES: [&str; 7] = [
    "",
    "about/",
    "programme/",
    "organizers/",
    "participate/",
    "letter/",
    "contact/",
];

/// The forum site, built once for all tests of this file.
fn public() -> &'static std::path::Path {
    static SITE: OnceLock<tempfile::TempDir> = OnceLock::new();
    SITE.get_or_init(|| {
        let site = forum_site();
        build(site.path()).unwrap_or_else(|e| panic!("{e}"));
        site
    })
    .path()
    .join("public")
    .leak()
}

fn doc(lang: &str, page: &str) -> Html {
    common::page(public(), &format!("{lang}/{page}index.html"))
}

#[derive(Debug, Default)]
struct ScriptCounts {
    arabic: usize,
    han: usize,
    cyrillic: usize,
    latin: usize,
}

fn count_scripts(text: &str) -> ScriptCounts {
    let mut c = ScriptCounts::default();
    for ch in text.chars().filter(|c| c.is_alphabetic()) {
        match ch as u32 {
            0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => c.arabic += 1,
            0x4E00..=0x9FFF | 0x3400..=0x4DBF => c.han += 1,
            0x0400..=0x04FF => c.cyrillic += 1,
            0x0041..=0x024F => c.latin += 1,
            _ => {}
        }
    }
    c
}

#[test]
fn every_page_exists_in_six_languages_without_fallback() {
    for lang in LANGS {
        for page in PAGES {
            let d = doc(lang, page);
            assert_eq!(attrs(&d, "html", "lang"), [lang]);
            assert!(
                texts(&d, ".notice-fallback").is_empty(),
                "{lang}/{page} shows the fallback notice"
            );
            let alternates = attrs(&d, "link[rel=alternate][hreflang]", "hreflang");
            assert_eq!(
                alternates.len(),
                7,
                "{lang}/{page}: six translations and x-default: {alternates:?}"
            );
        }
    }
}

#[test]
fn body_text_is_overwhelmingly_in_the_language_script() {
    let main = Selector::parse("main").unwrap();
    for lang in LANGS {
        for page in PAGES {
            let d = doc(lang, page);
            let text: String = d.select(&main).flat_map(|m| m.text()).collect();
            let c = count_scripts(&text);
            let total = (c.arabic + c.han + c.cyrillic + c.latin) as f64;
            let own = match lang {
                "ar" => c.arabic,
                "zh" => c.han,
                "ru" => c.cyrillic,
                _ => c.latin,
            } as f64;
            let share = own / total;
            assert!(
                share >= 0.8,
                "{lang}/{page}: only {:.0}% of the letters are in the language's script ({c:?})",
                share * 100.0
            );
        }
    }
}

#[test]
fn organizers_page_names_every_organization_in_each_language() {
    let yaml = std::fs::read_to_string(repo().join("content/data/organizations.yaml")).unwrap();
    /// The fields of an organization this test reads (an independent reading of the file).
    #[derive(serde::Deserialize)]
    struct Org {
        id: String,
        name: std::collections::BTreeMap<String, String>,
        #[serde(default)]
        acronym: std::collections::BTreeMap<String, String>,
    }
    let orgs: Vec<Org> = serde_saphyr::from_str(&yaml).unwrap();
    assert!(
        orgs.len() >= 20,
        "the letter names 20 organizations and the Regional Commissions"
    );
    for lang in LANGS {
        let d = doc(lang, "organizers/");
        let page_text: String = texts(&d, "main").concat();
        for org in &orgs {
            let name = org
                .name
                .get(lang)
                .unwrap_or_else(|| panic!("{} has no {lang} name", org.id));
            assert!(page_text.contains(name), "{lang}: {name} is missing");
            if let Some(acronym) = org.acronym.get(lang) {
                assert!(
                    page_text.contains(acronym),
                    "{lang}: acronym {acronym} is missing"
                );
            }
        }
    }
}

#[test]
fn arabic_contact_details_are_isolated_left_to_right() {
    let d = doc("ar", "contact/");
    let isolated = texts(&d, "main bdi[dir=ltr], main [dir=ltr]");
    // The e-mail address needs no isolation: the bidi algorithm keeps it in order, as
    // tests/bidi_browser.rs measures in Chromium.
    for needle in ["+41 22 730 6240", "+41 22 730 6453", "17-21"] {
        assert!(
            isolated.iter().any(|t| t.contains(needle)),
            "{needle} is not isolated: {isolated:?}"
        );
    }
}

#[test]
fn programme_shows_the_final_week_as_each_language_writes_it() {
    let expected = [
        ("ar", "17-21 مايو 2021"),
        ("zh", "2021年5月17日至21日"),
        ("en", "17–21 May 2021"),
        ("fr", "du 17 au 21 mai 2021"),
        ("ru", "17–21 мая 2021\u{202f}г."),
        ("es", "del 17 al 21 de mayo de 2021"),
    ];
    for (lang, range) in expected {
        let d = doc(lang, "programme/");
        let dates = texts(&d, ".key-dates time");
        assert!(
            dates.iter().any(|t| t == range),
            "{lang}: {range} not among {dates:?}"
        );
    }
    // The home page: the final week (CLDR's range in each language's wording) and the
    // month the pre-events begin, unchanged since ranges come from CLDR.
    let home = [
        ("ar", "17-21 مايو 2021", "يناير 2021"),
        ("zh", "2021年5月17日至21日", "2021年1月"),
        ("en", "17–21 May 2021", "January 2021"),
        ("fr", "du 17 au 21 mai 2021", "janvier 2021"),
        ("ru", "17–21 мая 2021\u{202f}г.", "январь 2021\u{202f}г."),
        ("es", "del 17 al 21 de mayo de 2021", "enero de 2021"),
    ];
    for (lang, week, month) in home {
        let d = doc(lang, "");
        assert_eq!(texts(&d, ".facts time"), [month, week], "{lang}");
    }
}

#[test]
fn programme_lists_both_tracks_and_twelve_formats() {
    for lang in LANGS {
        let d = doc(lang, "programme/");
        assert_eq!(texts(&d, ".track h3").len(), 2, "{lang}");
        assert_eq!(texts(&d, ".formats li").len(), 12, "{lang}");
    }
}

#[test]
fn invitation_letter_translations_are_marked_unofficial_and_link_the_arabic_original() {
    let ar = doc("ar", "letter/");
    assert_eq!(
        attrs(&ar, ".notice-translation", "class"),
        ["notice notice-translation notice-official"],
        "the original (`translation: official`) says it is the official text"
    );
    assert!(attrs(&ar, ".notice-translation a", "href").is_empty());
    assert!(texts(&ar, "main").concat().contains("WSIS Forum 2021/01"));
    for lang in ["zh", "en", "fr", "ru", "es"] {
        let d = doc(lang, "letter/");
        let banner = texts(&d, ".notice-translation");
        assert_eq!(banner.len(), 1, "{lang}: no translation banner");
        assert_eq!(
            attrs(&d, ".notice-translation a", "href"),
            ["/ar/letter/"],
            "{lang}"
        );
        assert_eq!(
            attrs(&d, ".notice-translation a", "hreflang"),
            ["ar"],
            "{lang}"
        );
    }
}

#[test]
fn language_chooser_names_each_language_in_its_own_script() {
    let d = common::page(public(), "index.html");
    assert_eq!(attrs(&d, ".chooser-list a", "hreflang"), LANGS);
    assert_eq!(
        texts(&d, ".chooser-name"),
        [
            "العربية",
            "中文",
            "English",
            "Français",
            "Русский",
            "Español"
        ]
    );
    assert_eq!(
        attrs(&d, ".chooser-list li", "dir"),
        ["rtl", "ltr", "ltr", "ltr", "ltr", "ltr"]
    );
}

#[test]
fn no_user_visible_text_in_templates() {
    // Templates hold markup and calls to t(); text nodes outside {{ }} and {% %} must
    // carry no letters. This guards the rule that UI text lives in Fluent files.
    let dir = repo().join("themes/agora/templates");
    let tag = regex_lite_split();
    let files = walkdir::WalkDir::new(&dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file());
    for entry in files {
        let path = entry.path();
        let text = std::fs::read_to_string(path).unwrap();
        for fragment in tag(&text) {
            let letters: String = fragment.chars().filter(|c| c.is_alphabetic()).collect();
            assert!(
                letters.is_empty(),
                "{}: text {fragment:?} belongs in a Fluent file",
                path.display()
            );
        }
    }
}

/// Splits a template into the text between tags, expressions and statements.
fn regex_lite_split() -> impl Fn(&str) -> Vec<String> {
    |text: &str| {
        let mut out = Vec::new();
        let mut rest = text;
        let mut in_script = false;
        while !rest.is_empty() {
            let next = ["<", "{{", "{%", "{#"]
                .iter()
                .filter_map(|m| rest.find(m).map(|i| (i, *m)))
                .min();
            let Some((i, marker)) = next else {
                if !in_script {
                    out.push(rest.to_string());
                }
                break;
            };
            if !in_script {
                out.push(rest[..i].to_string());
            }
            let close = match marker {
                "<" => ">",
                "{{" => "}}",
                "{%" => "%}",
                _ => "#}",
            };
            let end = rest[i..]
                .find(close)
                .map_or(rest.len(), |j| i + j + close.len());
            let tag = &rest[i..end];
            if tag.starts_with("<script") {
                in_script = true;
            }
            if tag.starts_with("</script") {
                in_script = false;
            }
            rest = &rest[end..];
        }
        out
    }
}
