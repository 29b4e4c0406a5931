//! `hexaglot init`: a new, working site in an empty folder.
//!
//! The site is made of two things embedded in the binary (by `build.rs`): the bundled
//! theme (`themes/agora/`, written as it is) and the example site of
//! `src/init/skeleton/` — pages, a small programme, the site's own UI strings — in the
//! six UN languages. [`settle`] turns what the user said (flags, or answers on a
//! terminal) into [`Settings`]; [`files`] makes every file from them ([`site`]); [`init`]
//! writes them. A language beyond the six gets the English text: its pages, its data
//! texts, and its UI strings, each message marked `# untranslated` so that `hexaglot
//! status` lists it until someone translates it.

mod ask;
mod site;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use ask::{Ask, Terminal};

use crate::error::Error;
use crate::output::Place;

/// The six official languages of the United Nations, in their usual order: the theme
/// and the example site have text in each.
pub const UN_LANGUAGES: [&str; 6] = ["ar", "zh", "en", "fr", "ru", "es"];

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// What `hexaglot init` was told; what is missing is asked for on a terminal, else
/// defaulted.
#[derive(Debug, Clone, Default)]
pub struct InitOptions {
    /// The new site's folder (made when missing; it must be empty).
    pub dir: PathBuf,
    /// Language codes, in the switcher's order (default: the six UN languages).
    pub languages: Option<Vec<String>>,
    /// The default language (default: English when listed, else the first).
    pub default: Option<String>,
    /// Whether the default language lives at `/`.
    pub at_root: Option<bool>,
    /// The event's IANA time zone (default: UTC).
    pub time_zone: Option<String>,
    /// The site's title in every language (default: an example title per language).
    pub title: Option<String>,
}

/// Everything the new site is made from.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Language codes, in order.
    pub languages: Vec<String>,
    /// The default language.
    pub default: String,
    /// Whether the default language lives at `/`.
    pub at_root: bool,
    /// The event's time zone.
    pub time_zone: String,
    /// The site's title, when one was given.
    pub title: Option<String>,
    /// The first day of the example programme (the second is the day after).
    pub first_day: jiff::civil::Date,
    /// Today, for the example news item.
    pub today: jiff::civil::Date,
}

/// What `init` made.
#[derive(Debug)]
pub struct Made {
    /// The site's folder.
    pub dir: PathBuf,
    /// The settings it was made with.
    pub settings: Settings,
    /// How many files were written.
    pub files: usize,
}

/// Makes a new site in `options.dir`, asking `ask` (a terminal) for what the options do
/// not say.
pub fn init(options: &InitOptions, ask: Option<&mut dyn Ask>) -> Result<Made, Error> {
    refuse_non_empty(&options.dir)?;
    let settings = settle(options, ask)?;
    let files = files(&settings);
    crate::output::write_new_site(&options.dir, &files)?;
    Ok(Made {
        dir: options.dir.clone(),
        settings,
        files: files.len(),
    })
}

/// Every file of the new site: path (relative to its folder) → bytes.
pub fn files(settings: &Settings) -> BTreeMap<String, Vec<u8>> {
    let mut files: BTreeMap<String, Vec<u8>> = THEME
        .iter()
        .map(|(rel, bytes)| (format!("themes/agora/{rel}"), bytes.to_vec()))
        .collect();
    files.extend(site::files(settings));
    files
}

fn refuse_non_empty(dir: &Path) -> Result<(), Error> {
    match crate::output::place(dir)? {
        Place::Absent | Place::Empty => Ok(()),
        Place::NotEmpty => Err(usage(
            format!(
                "{} is not empty: hexaglot init writes a new site into an empty or new folder",
                dir.display()
            ),
            "run `hexaglot init NEW-FOLDER`, or empty the folder first",
        )),
        Place::File => Err(usage(
            format!("{} is a file, not a folder", dir.display()),
            "name a new or empty folder",
        )),
    }
}

/// An error about what `init` was told.
fn usage(message: String, hint: &str) -> Error {
    Error::Diagnostics(vec![
        crate::error::Diagnostic::error("hexaglot init", message).hint(hint),
    ])
}

/// The settings from the options, asking for what they do not say when `ask` is given.
pub fn settle(options: &InitOptions, mut ask: Option<&mut dyn Ask>) -> Result<Settings, Error> {
    let interactive = ask.is_some();
    let mut question = |q: &str, default: &str| -> Result<String, Error> {
        match ask.as_deref_mut() {
            Some(a) => a
                .ask(q, default)
                .map_err(|e| Error::io("read", Path::new("the terminal"), e)),
            None => Ok(default.to_string()),
        }
    };
    let languages = match &options.languages {
        Some(l) => l.clone(),
        None => split(&question(
            "Languages of the site (BCP 47 codes, in the order of the language switcher)",
            &UN_LANGUAGES.join(","),
        )?),
    };
    check_languages(&languages)?;
    let fallback_default = if languages.iter().any(|l| l == "en") && options.languages.is_none() {
        "en".to_string()
    } else {
        languages[0].clone()
    };
    let default = match &options.default {
        Some(d) => d.clone(),
        None => question("Default language", &fallback_default)?,
    };
    if !languages.contains(&default) {
        return Err(usage(
            format!(
                "the default language `{default}` is not among the languages ({})",
                languages.join(", ")
            ),
            "add it to --languages, or choose one of them with --default",
        ));
    }
    let at_root = match options.at_root {
        Some(a) => a,
        None => {
            let answer = question(
                "Publish the default language at / (yes), or every language under /<lang>/ with a language chooser at / (no)",
                "no",
            )?;
            matches!(answer.trim().to_lowercase().as_str(), "y" | "yes" | "true")
        }
    };
    let time_zone = match &options.time_zone {
        Some(z) => z.clone(),
        None => question(
            "The event's time zone (IANA name, such as Europe/Zurich)",
            "UTC",
        )?,
    };
    if jiff::tz::TimeZone::get(&time_zone).is_err() {
        return Err(usage(
            format!("`{time_zone}` is not a time zone of the IANA tz database"),
            "write a zone name such as Europe/Zurich, America/New_York, Asia/Amman or UTC",
        ));
    }
    let title = match &options.title {
        Some(t) => Some(t.clone()),
        None if interactive => {
            let t = question(
                "The site's title (empty: an example title in each language)",
                "",
            )?;
            (!t.trim().is_empty()).then(|| t.trim().to_string())
        }
        None => None,
    };
    let today = jiff::tz::Offset::UTC
        .to_datetime(jiff::Timestamp::now())
        .date();
    Ok(Settings {
        languages,
        default,
        at_root,
        time_zone,
        title,
        first_day: first_day(today),
        today,
    })
}

/// `ar, en ,fr` → `[ar, en, fr]`.
pub fn split(list: &str) -> Vec<String> {
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn check_languages(languages: &[String]) -> Result<(), Error> {
    if languages.is_empty() {
        return Err(usage(
            "no language was given".into(),
            "write --languages ar,en,fr",
        ));
    }
    for (i, code) in languages.iter().enumerate() {
        let valid = code.parse::<unic_langid::LanguageIdentifier>().is_ok()
            && !code.contains('_')
            && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if !valid {
            return Err(usage(
                format!("`{code}` is not a BCP 47 language code"),
                "use codes such as ar, zh, en, fr, ru, es, de, pt-BR",
            ));
        }
        if languages[..i].contains(code) {
            return Err(usage(
                format!("`{code}` is listed twice"),
                "list each language once",
            ));
        }
    }
    Ok(())
}

/// The example programme's first day: the first Tuesday of June next year, so that the
/// example is in the future and the same all year.
fn first_day(today: jiff::civil::Date) -> jiff::civil::Date {
    let mut day = jiff::civil::date(today.year() + 1, 6, 1);
    while day.weekday() != jiff::civil::Weekday::Tuesday {
        day = day.tomorrow().expect("June has days after the first");
    }
    day
}
