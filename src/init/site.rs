//! The example site's files, made from the skeleton for the chosen languages.
//!
//! Pages exist in the skeleton once per UN language (`about.fr.md`); each language of
//! the new site takes its own, or the English one. Data files write texts one language
//! per line (`    fr: Salle A`): each run of such lines becomes one line per language
//! of the site. Fluent files of a language the theme has no text for are the English
//! ones with every message marked `# untranslated`.

use std::collections::BTreeMap;

use super::{SKELETON, Settings, THEME, UN_LANGUAGES};

/// The comment that marks a message copied from English, for `hexaglot status`.
pub const UNTRANSLATED: &str = "# untranslated: the English text, copied by hexaglot init";

/// Every file of the site but the theme.
pub fn files(settings: &Settings) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let names = languages_yaml();
    let titles = titles(settings);
    for (rel, bytes) in SKELETON {
        let text = String::from_utf8_lossy(bytes);
        if let Some(page) = rel.strip_prefix("content/").filter(|r| r.ends_with(".md")) {
            let (stem, lang) = split_page(page);
            for site_lang in &settings.languages {
                if source_language(site_lang) != lang {
                    continue;
                }
                let text = text
                    .replace("@TITLE@", &yaml_escape(&titles[site_lang]))
                    .replace("@TODAY@", &settings.today.to_string());
                files.insert(format!("content/{stem}.{site_lang}.md"), text.into_bytes());
            }
        } else if rel.starts_with("content/data/") {
            let text = per_language(&dates(&text, settings), &settings.languages);
            files.insert(rel.to_string(), text.into_bytes());
        }
    }
    files.insert(
        "content/site.yaml".into(),
        site_yaml(settings, &names, &titles).into_bytes(),
    );
    for lang in &settings.languages {
        locales(settings, lang, &mut files);
    }
    files.insert(".gitignore".into(), b"/public\n".to_vec());
    files
}

/// `news/_index.fr.md` → (`news/_index`, `fr`).
fn split_page(page: &str) -> (&str, &str) {
    let stem = page.trim_end_matches(".md");
    stem.rsplit_once('.').unwrap_or((stem, "en"))
}

/// The skeleton language a site language takes its text from.
fn source_language(lang: &str) -> &str {
    UN_LANGUAGES
        .iter()
        .find(|l| **l == lang)
        .copied()
        .unwrap_or("en")
}

fn skeleton(rel: &str) -> String {
    SKELETON
        .iter()
        .find(|(r, _)| *r == rel)
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default()
}

/// `languages.yaml`: code → name in its own script.
fn languages_yaml() -> BTreeMap<String, String> {
    crate::yaml::from_str(
        &skeleton("languages.yaml"),
        std::path::Path::new("languages.yaml"),
        "",
        1,
    )
    .unwrap_or_default()
}

/// The site's title in each language.
fn titles(settings: &Settings) -> BTreeMap<String, String> {
    let examples: BTreeMap<String, String> = crate::yaml::from_str(
        &skeleton("title.yaml"),
        std::path::Path::new("title.yaml"),
        "",
        1,
    )
    .unwrap_or_default();
    settings
        .languages
        .iter()
        .map(|l| {
            let title = match &settings.title {
                Some(t) => t.clone(),
                None => examples[source_language(l)].clone(),
            };
            (l.clone(), title)
        })
        .collect()
}

/// Puts the example programme's dates in.
fn dates(text: &str, settings: &Settings) -> String {
    let day2 = settings.first_day.tomorrow().expect("a day after");
    let registration = settings
        .first_day
        .checked_sub(jiff::Span::new().days(14))
        .expect("two weeks before");
    text.replace("@DAY1@", &settings.first_day.to_string())
        .replace("@DAY2@", &day2.to_string())
        .replace("@REGISTRATION@", &registration.to_string())
}

/// Each run of lines `<indent><un-language>: text` becomes one line per site language.
pub fn per_language(text: &str, languages: &[String]) -> String {
    let mut out = String::new();
    let mut run: Vec<(String, String, String)> = Vec::new();
    let flush = |run: &mut Vec<(String, String, String)>, out: &mut String| {
        if run.is_empty() {
            return;
        }
        let indent = run[0].0.clone();
        for lang in languages {
            let source = source_language(lang);
            if let Some((_, _, value)) = run.iter().find(|(_, l, _)| l == source) {
                out.push_str(&format!("{indent}{lang}: {value}\n"));
            }
        }
        run.clear();
    };
    for line in text.lines() {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let lang_line = trimmed
            .split_once(": ")
            .filter(|(k, _)| !indent.is_empty() && UN_LANGUAGES.contains(k));
        match lang_line {
            Some((lang, value)) => {
                run.push((indent.to_string(), lang.to_string(), value.to_string()))
            }
            None => {
                flush(&mut run, &mut out);
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    flush(&mut run, &mut out);
    out
}

fn yaml_escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

fn site_yaml(
    settings: &Settings,
    names: &BTreeMap<String, String>,
    titles: &BTreeMap<String, String>,
) -> String {
    let mut y = String::from(
        "# The site's configuration, made by `hexaglot init`. Every field is described in\n# the user guide (docs/README.md of hexaglot, \"The site's configuration\").\n",
    );
    match &settings.title {
        Some(t) => y.push_str(&format!("title: \"{}\"\n", yaml_escape(t))),
        None => {
            y.push_str("title:\n");
            for l in &settings.languages {
                y.push_str(&format!("  {l}: \"{}\"\n", yaml_escape(&titles[l])));
            }
        }
    }
    y.push_str("# The address the site will have; `hexaglot build --base-url URL` overrides it.\n");
    y.push_str("base_url: https://example.org/\ntheme: agora\n");
    y.push_str(&format!("default_language: {}\n", settings.default));
    y.push_str(&format!("default_language_at_root: {}\n", settings.at_root));
    y.push_str(&format!("time_zone: {}\n", settings.time_zone));
    y.push_str("# In the order of the language switcher. Direction follows the code (ar, fa, he, ur: right to left).\nlanguages:\n");
    for l in &settings.languages {
        let name = names.get(l).cloned().unwrap_or_else(|| l.clone());
        y.push_str(&format!(
            "  - {{code: {l}, name: \"{}\"}}\n",
            yaml_escape(&name)
        ));
    }
    y.push_str(
        "# The main navigation: `page:` names a page as an @/ link does (without @/), `url:`\n# another site; `label:` is a Fluent message of locales/<lang>/site.ftl.\nmenu:\n  - {page: _index.md, label: nav-home}\n  - {page: about.md, label: nav-about}\n  - {page: programme.md, label: nav-programme}\n  - {page: sessions/, label: nav-schedule}\n  - {page: news/, label: nav-news}\n  - {page: contact.md, label: nav-contact}\n# The footer's lines: Fluent messages.\nfooter: [footer-note]\n# What the home page shows: key dates (ids of content/data/key_dates.yaml) and buttons.\nhome:\n  key_dates:\n    - {id: event}\n    - {id: registration}\n  buttons:\n    - {page: sessions/, label: home-see-schedule}\n    - {page: calendar.ics, label: calendar-programme, style: secondary}\n",
    );
    y
}

/// `locales/<lang>/`: the site's own messages; for a language the theme has no text
/// for, the English ones and the theme's, marked untranslated; and the names of the
/// site's languages the theme does not know.
fn locales(settings: &Settings, lang: &str, files: &mut BTreeMap<String, Vec<u8>>) {
    let own = UN_LANGUAGES.contains(&lang);
    let source = source_language(lang);
    let mut site = skeleton(&format!("locales/{source}/site.ftl"));
    if !own {
        site = mark_untranslated(&site);
        for (rel, bytes) in THEME {
            if let Some(name) = rel.strip_prefix("locales/en/") {
                let text = mark_untranslated(&String::from_utf8_lossy(bytes));
                files.insert(format!("locales/{lang}/{name}"), text.into_bytes());
            }
        }
    }
    let known = theme_language_names();
    let names = languages_yaml();
    for other in &settings.languages {
        if known.contains(other) {
            continue;
        }
        let name = names.get(other).cloned().unwrap_or_else(|| other.clone());
        site.push_str(&format!(
            "\n# untranslated: the name of `{other}` in its own script; write it in this file's language\nlanguage-{other} = {name}\n    .in = ({name})\n"
        ));
    }
    files.insert(format!("locales/{lang}/site.ftl"), site.into_bytes());
}

/// The codes the theme names (`language-<code>` messages in English).
fn theme_language_names() -> Vec<String> {
    THEME
        .iter()
        .filter(|(rel, _)| rel.starts_with("locales/en/"))
        .flat_map(|(_, bytes)| {
            String::from_utf8_lossy(bytes)
                .lines()
                .filter_map(|l| l.strip_prefix(crate::i18n::messages::LANGUAGE_PREFIX))
                .filter_map(|l| l.split_once(" =").map(|(code, _)| code.to_string()))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Puts [`UNTRANSLATED`] before every message of a Fluent file.
pub fn mark_untranslated(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let starts_message = line.split_once(" =").is_some_and(|(id, _)| {
            !id.is_empty()
                && id.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        });
        if starts_message {
            out.push_str(UNTRANSLATED);
            out.push('\n');
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_take_one_line_per_site_language() {
        let text = "- id: a\n  name:\n    ar: ألف\n    zh: 甲\n    en: A\n    fr: A fr\n    ru: А\n    es: A es\n  start: x\n";
        let languages: Vec<String> = ["fr", "de", "ar"].map(String::from).to_vec();
        assert_eq!(
            per_language(text, &languages),
            "- id: a\n  name:\n    fr: A fr\n    de: A\n    ar: ألف\n  start: x\n"
        );
    }

    #[test]
    fn every_message_is_marked() {
        let marked = mark_untranslated("## Group\n# note\nnav-home = Home\n    .in = x\n");
        assert_eq!(
            marked,
            format!("## Group\n# note\n{UNTRANSLATED}\nnav-home = Home\n    .in = x\n")
        );
    }
}
