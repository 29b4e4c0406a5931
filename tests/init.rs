//! `hexaglot init` end to end: three new sites — (a) ar, en, fr with Arabic at the root
//! and the Amman time zone, (b) the six UN languages, (c) en, de, fa — each builds, and
//! `hexaglot check` finds nothing in it; in headless Chromium every page has its
//! language's direction, nothing scrolls sideways at 360 px, the switcher leads to the
//! same page in each language and axe-core finds no serious fault; the Nu HTML Checker
//! finds no error. Also: a site that overrides one template and one stylesheet, data of
//! one's own, menus to generated pages, and what every command says in a folder
//! without a site.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use hexaglot::init::{InitOptions, init};
use serde_json::{Value, json};

/// The three sites of the issue.
fn cases() -> Vec<(&'static str, InitOptions)> {
    let langs = |l: &[&str]| Some(l.iter().map(|s| s.to_string()).collect());
    vec![
        (
            "ar-en-fr",
            InitOptions {
                languages: langs(&["ar", "en", "fr"]),
                default: Some("ar".into()),
                at_root: Some(true),
                time_zone: Some("Asia/Amman".into()),
                ..InitOptions::default()
            },
        ),
        ("un6", InitOptions::default()),
        (
            "en-de-fa",
            InitOptions {
                languages: langs(&["en", "de", "fa"]),
                ..InitOptions::default()
            },
        ),
    ]
}

/// Makes the site of `options` in a fresh folder (as a user would: no terminal).
fn made(options: &InitOptions) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let options = InitOptions {
        dir: dir.path().join("site"),
        ..options.clone()
    };
    init(&options, None).unwrap_or_else(|e| panic!("{e}"));
    dir
}

fn root(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("site")
}

#[test]
fn each_new_site_builds_and_check_finds_nothing() {
    for (name, options) in cases() {
        let dir = made(&options);
        let report = build(&root(&dir)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(report.warnings.is_empty(), "{name}: {:?}", report.warnings);
        let check = hexaglot::check::check(&hexaglot::Options::new(root(&dir))).unwrap();
        let text = check.render(hexaglot::check::Format::Table);
        assert_eq!(hexaglot::check::exit_code(&check), 0, "{name}:\n{text}");
        assert!(text.contains("0 errors, 0 warnings"), "{name}:\n{text}");
    }
}

#[test]
fn arabic_at_the_root_with_amman_times() {
    let dir = made(&cases()[0].1);
    build(&root(&dir)).unwrap();
    let public = root(&dir).join("public");
    let home = page(&public, "index.html");
    assert_eq!(attrs(&home, "html", "lang"), ["ar"]);
    assert_eq!(attrs(&home, "html", "dir"), ["rtl"]);
    let en = page(&public, "en/index.html");
    assert_eq!(attrs(&en, "html", "dir"), ["ltr"]);
    // The home page shows the key dates and buttons that site.yaml names.
    assert_eq!(
        texts(&en, ".facts dt"),
        ["Conference days", "Registration closes"]
    );
    assert_eq!(
        attrs(&en, ".actions a", "href"),
        ["/en/sessions/", "/en/calendar.ics"]
    );
    // The menu leads to a generated page: the schedule.
    assert!(attrs(&en, ".site-nav a", "href").contains(&"/en/sessions/".to_string()));
    // Session times in Amman's zone (UTC+3 in June).
    let opening = page(&public, "en/sessions/opening/index.html");
    let when = texts(&opening, ".session-when .event-time").join("");
    assert!(when.contains("09:00"), "{when}");
    let start = attrs(&opening, ".session-when .event-time", "datetime");
    assert!(start[0].ends_with("T06:00:00Z"), "{start:?}");
    // Every page of the default language is at the root, none under /ar/.
    assert!(!public.join("ar").exists());
}

#[test]
fn languages_beyond_the_six_get_english_marked_untranslated() {
    let dir = made(&cases()[2].1);
    build(&root(&dir)).unwrap();
    let public = root(&dir).join("public");
    let fa = page(&public, "fa/index.html");
    assert_eq!(attrs(&fa, "html", "dir"), ["rtl"]);
    assert_eq!(attrs(&fa, ".languages [lang=fa]", "dir"), ["rtl"]);
    let de = page(&public, "de/about/index.html");
    assert_eq!(attrs(&de, "html", "lang"), ["de"]);
    let status = hexaglot::status::status(&hexaglot::Options::new(root(&dir))).unwrap();
    let states = |lang: &str| -> Vec<hexaglot::status::MessageState> {
        let i = status.languages.iter().position(|l| l == lang).unwrap();
        status.messages.iter().map(|m| m.languages[i].1).collect()
    };
    use hexaglot::status::MessageState::*;
    assert!(states("en").iter().all(|s| *s == Translated));
    for lang in ["de", "fa"] {
        assert!(
            states(lang).iter().all(|s| *s == Untranslated),
            "{lang}: {:?}",
            states(lang)
        );
    }
    let table = status.render(hexaglot::check::Format::Table);
    assert!(table.contains("untranslated"), "{table}");
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let options = InitOptions {
        dir: dir.path().to_path_buf(),
        ..InitOptions::default()
    };
    let e = init(&options, None).unwrap_err().to_string();
    assert!(e.contains("is not empty"), "{e}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// Answers from a list, as a person at a terminal would.
struct Answers(Vec<&'static str>, Vec<String>);

impl hexaglot::init::Ask for Answers {
    fn ask(&mut self, question: &str, default: &str) -> std::io::Result<String> {
        self.1.push(question.to_string());
        let a = self.0.remove(0);
        Ok(if a.is_empty() {
            default.to_string()
        } else {
            a.to_string()
        })
    }
}

#[test]
fn on_a_terminal_init_asks_for_what_the_flags_do_not_say() {
    let dir = tempfile::tempdir().unwrap();
    let options = InitOptions {
        dir: dir.path().join("site"),
        languages: Some(vec!["es".into(), "en".into()]),
        ..InitOptions::default()
    };
    let mut answers = Answers(
        vec!["", "yes", "America/Bogota", "Foro de prueba"],
        Vec::new(),
    );
    let made = init(&options, Some(&mut answers)).unwrap();
    assert_eq!(answers.1.len(), 4, "languages were given: {:?}", answers.1);
    assert_eq!(made.settings.default, "es");
    assert!(made.settings.at_root);
    let yaml = std::fs::read_to_string(dir.path().join("site/content/site.yaml")).unwrap();
    assert!(yaml.contains("time_zone: America/Bogota"), "{yaml}");
    assert!(yaml.contains("title: \"Foro de prueba\""), "{yaml}");
    build(&dir.path().join("site")).unwrap();
}

/// Runs the `hexaglot` binary in `dir`.
fn hexaglot(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_hexaglot"))
        .args(args)
        .current_dir(dir)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
}

#[test]
fn every_command_in_a_folder_without_a_site_suggests_init() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["build"][..],
        &["check"],
        &["status"],
        &["serve", "--port", "0"],
    ] {
        let out = hexaglot(dir.path(), args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?}");
        assert!(
            stderr.contains("there is no site in") && stderr.contains("hexaglot init"),
            "{args:?}: {stderr}"
        );
    }
    // And init from the command line makes one there.
    let out = hexaglot(
        dir.path(),
        &["init", "--languages", "en,sw", "--title", "Mkutano"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = hexaglot(dir.path(), &["check"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn a_site_overrides_one_template_and_one_stylesheet_and_keeps_the_rest() {
    let dir = made(&cases()[1].1);
    let site = root(&dir);
    let theme_page =
        std::fs::read_to_string(site.join("themes/agora/templates/page.html")).unwrap();
    std::fs::create_dir_all(site.join("templates")).unwrap();
    std::fs::write(
        site.join("templates/page.html"),
        theme_page.replace("<article>", "<article class=\"mine\">"),
    )
    .unwrap();
    std::fs::create_dir_all(site.join("static")).unwrap();
    std::fs::write(
        site.join("static/event.css"),
        "/* mine */ .session { color: teal; }\n",
    )
    .unwrap();
    build(&site).unwrap();
    let public = site.join("public");
    // The site's page.html renders pages; the theme's section.html renders sections.
    let about = page(&public, "fr/about/index.html");
    assert_eq!(attrs(&about, "article", "class"), ["mine"]);
    let news = page(&public, "fr/news/index.html");
    assert!(attrs(&news, "article", "class").is_empty());
    // The site's event.css is published; style.css is still the theme's.
    let tree = read_tree(&public);
    let css = |prefix: &str| {
        tree.iter()
            .find(|(k, _)| k.starts_with(prefix) && k.ends_with(".css"))
            .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
            .unwrap()
    };
    assert!(css("event.").starts_with("/* mine */"));
    assert_eq!(
        css("style."),
        std::fs::read_to_string(site.join("themes/agora/static/style.css")).unwrap()
    );
    // check follows the same lookup, and finds nothing.
    let check = hexaglot::check::check(&hexaglot::Options::new(&site)).unwrap();
    assert_eq!(hexaglot::check::exit_code(&check), 0);
}

#[test]
fn data_of_ones_own_reaches_templates_in_the_pages_language() {
    let dir = made(&cases()[0].1);
    let site = root(&dir);
    std::fs::write(
        site.join("content/data/sponsors.yaml"),
        "- name: {ar: شركة المثال, en: Example Company}\n  link: https://example.com/\n",
    )
    .unwrap();
    std::fs::create_dir_all(site.join("templates")).unwrap();
    let about = std::fs::read_to_string(site.join("themes/agora/templates/page.html")).unwrap();
    std::fs::write(
        site.join("templates/page.html"),
        about.replace(
            "</article>",
            "<ul class=\"sponsors\">{% for s in data.sponsors %}<li><a href=\"{{ s.link }}\"{% if s.name.lang %} lang=\"{{ s.name.lang }}\" dir=\"{{ s.name.dir }}\"{% endif %}>{{ s.name.text }}</a></li>{% endfor %}</ul></article>",
        ),
    )
    .unwrap();
    build(&site).unwrap();
    let public = site.join("public");
    assert_eq!(
        texts(&page(&public, "about/index.html"), ".sponsors a"),
        ["شركة المثال"]
    );
    let fr = page(&public, "fr/about/index.html");
    // French has no text: it falls back to Arabic, the default, marked as such.
    assert_eq!(texts(&fr, ".sponsors a"), ["شركة المثال"]);
    assert_eq!(attrs(&fr, ".sponsors a", "lang"), ["ar"]);
    assert_eq!(attrs(&fr, ".sponsors a", "dir"), ["rtl"]);
}

#[test]
fn menu_entries_lead_to_generated_pages_or_are_errors_at_their_line() {
    let dir = made(&cases()[1].1);
    let site = root(&dir);
    let yaml_path = site.join("content/site.yaml");
    let yaml = std::fs::read_to_string(&yaml_path).unwrap();
    let yaml = yaml.replace(
        "  - {page: contact.md, label: nav-contact}\n",
        "  - {page: contact.md, label: nav-contact}\n  - {page: people/mei-lin/, label: nav-about}\n  - {url: https://example.com/register, label: nav-news}\n",
    );
    std::fs::write(&yaml_path, &yaml).unwrap();
    // An @/ link to a generated page resolves in each language.
    let about = site.join("content/about.ru.md");
    let text = std::fs::read_to_string(&about).unwrap();
    std::fs::write(&about, format!("{text}\n[Открытие](@/sessions/opening/)\n")).unwrap();
    build(&site).unwrap();
    let ru = page(&site.join("public"), "ru/about/index.html");
    let nav = attrs(&ru, ".site-nav a", "href");
    assert!(nav.contains(&"/ru/people/mei-lin/".to_string()), "{nav:?}");
    assert!(
        nav.contains(&"https://example.com/register".to_string()),
        "{nav:?}"
    );
    assert!(attrs(&ru, ".content a", "href").contains(&"/ru/sessions/opening/".to_string()));
    // A menu entry to nothing is an error at its line and column of site.yaml.
    std::fs::write(
        &yaml_path,
        yaml.replace("people/mei-lin/", "people/nobody/"),
    )
    .unwrap();
    let e = build(&site).unwrap_err();
    let d = &e.diagnostics()[0];
    assert_eq!(d.file, Path::new("content/site.yaml"));
    let line = yaml
        .lines()
        .position(|l| l.contains("people/mei-lin/"))
        .unwrap()
        + 1;
    assert_eq!((d.line, d.column), (line, 5), "{e}");
    assert!(d.message.contains("no record `nobody`"), "{e}");
}

#[test]
fn the_former_theme_name_builds_and_an_unknown_theme_says_what_to_write() {
    let dir = made(&cases()[2].1);
    let site = root(&dir);
    let yaml_path = site.join("content/site.yaml");
    let yaml = std::fs::read_to_string(&yaml_path).unwrap();
    std::fs::write(&yaml_path, yaml.replace("theme: agora", "theme: forum")).unwrap();
    build(&site).unwrap();
    std::fs::write(&yaml_path, yaml.replace("theme: agora", "theme: colorful")).unwrap();
    let e = build(&site).unwrap_err();
    let d = &e.diagnostics()[0];
    assert!(d.message.contains("there is no theme `colorful`"), "{e}");
    assert_eq!(d.hint.as_deref(), Some("write `theme: agora`"));
    assert!(d.line > 0);
}

// ---------------------------------------------------------------------------------------
// In a browser, and against the Nu HTML Checker

/// Chromium when every tool of the browser test is there (playwright's, and Java with
/// the Nu checker's jar); `None` outside CI when one is missing, a failure under CI.
fn browser_tools(jar: &Path) -> Option<PathBuf> {
    let chromium = tools::playwright_chromium()?;
    let absent = tools::missing(
        "Java (apt-get install default-jre-headless)",
        !tools::runs("java", "-version"),
    ) || tools::missing("the Nu checker's jar (npm ci)", !jar.is_file());
    (!absent).then_some(chromium)
}

#[test]
fn new_sites_in_headless_chromium_and_the_nu_checker() {
    let jar = repo().join("node_modules/vnu-jar/build/dist/vnu.jar");
    let Some(chromium) = browser_tools(&jar) else {
        return;
    };
    for (name, options) in cases() {
        let dir = made(&options);
        let site = root(&dir);
        let options = hexaglot::Options::new(&site);
        let generated = hexaglot::generate(&options).unwrap();
        hexaglot::output::write_atomically(&site, &options.out_dir(), &generated.files).unwrap();
        let public = site.join("public");
        browser(name, &chromium, &generated.site, &public, dir.path());
        vnu(name, &jar, &public);
    }
}

fn browser(name: &str, chromium: &Path, site: &hexaglot::site::Site, public: &Path, work: &Path) {
    let origin = http::serve(public.to_path_buf());
    let lang_of = |path: &str| -> String {
        site.langs
            .iter()
            .filter(|l| path.starts_with(&site.config.lang_prefix(&l.lang)))
            .max_by_key(|l| site.config.lang_prefix(&l.lang).len())
            .map_or(site.config.default_language.clone(), |l| l.lang.clone())
    };
    let pages: Vec<Value> = html_files(public)
        .into_iter()
        .filter(|rel| rel != "404.html")
        .map(|rel| {
            let path = format!("/{}", rel.strip_suffix("index.html").unwrap_or(&rel));
            json!({ "path": path, "lang": lang_of(&path) })
        })
        .collect();
    let homes: Vec<Value> = site
        .langs
        .iter()
        .map(|l| json!({ "lang": l.lang, "path": l.entries[site.home].path }))
        .collect();
    let switcher: Vec<BTreeMap<String, String>> = (0..site.groups.len())
        .map(|g| {
            site.langs
                .iter()
                .map(|l| (l.lang.clone(), l.entries[g].path.clone()))
                .collect()
        })
        .collect();
    let artifacts = repo().join("tests/artifacts/init").join(name);
    std::fs::create_dir_all(&artifacts).unwrap();
    let manifest = json!({
        "origin": origin,
        "chromium": chromium,
        "axe": repo().join("node_modules/axe-core/axe.min.js"),
        "artifacts": artifacts,
        "pages": pages,
        "homes": homes,
        "switcher": switcher,
    });
    let results = tools::node_script("run.mjs", &manifest, work);
    let mut problems = Vec::new();
    let measured = results["pages"].as_object().unwrap();
    assert_eq!(
        measured.len(),
        pages.len(),
        "{name}: every page was measured"
    );
    for (path, p) in measured {
        let lang = p["lang"].as_str().unwrap_or("");
        let want = site.config.direction(lang).as_str();
        if p["direction"] != want || p["bodyDirection"] != want {
            problems.push(format!("{path}: {lang} is not {want}: {}", p["direction"]));
        }
        if p["overflow"]["scrollWidth"].as_i64() > p["overflow"]["clientWidth"].as_i64() {
            problems.push(format!(
                "{path}: scrolls sideways at 360 px: {}",
                p["overflow"]
            ));
        }
        for v in p["axe"].as_array().unwrap() {
            if matches!(v["impact"].as_str(), Some("serious" | "critical")) {
                problems.push(format!("{path}: axe {} ({})", v["id"], v["help"]));
            }
        }
    }
    let clicks = results["switcher"].as_array().unwrap();
    let n = site.langs.len();
    assert_eq!(
        clicks.len(),
        site.groups.len() * n * (n - 1),
        "{name}: every switcher link"
    );
    for c in clicks {
        let from = c["from"].as_str().unwrap();
        let target = c["target"].as_str().unwrap();
        let (g, _) = site
            .each_group()
            .find(|&(g, _)| site.langs.iter().any(|l| l.entries[g].path == from))
            .unwrap();
        let want = &site.langs[site.lang_id(target).unwrap()].entries[g].path;
        if c["landed"].as_str() != Some(want) || c["lang"].as_str() != Some(target) {
            problems.push(format!("switcher on {from} to {target}: {c}"));
        }
    }
    assert!(problems.is_empty(), "{name}:\n{}", problems.join("\n"));
}

fn vnu(name: &str, jar: &Path, public: &Path) {
    let output = Command::new("java")
        .arg("-jar")
        .arg(jar)
        .args(["--format", "json", "--skip-non-html", "--errors-only"])
        .arg(public)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stderr).unwrap();
    let errors: Vec<String> = report["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["type"] == "error")
        .map(|m| format!("{}: {}", m["url"], m["message"]))
        .collect();
    assert!(
        errors.is_empty(),
        "{name}: the Nu checker finds errors:\n{}",
        errors.join("\n")
    );
}
