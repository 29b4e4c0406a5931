//! The site's configuration: `content/site.yaml`.
//!
//! Parsed once at the start of the pipeline into a [`Config`] whose languages, fallback
//! chains and URLs are already checked, so that later stages never meet a bad language
//! code or a fallback loop.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Diagnostic, Diagnostics, Error};
use crate::yaml::{Step, Tree};

mod images;
mod links;

pub use crate::sources::CONFIG_FILE;
pub use images::ImageOptions;
pub use links::{Highlight, Home, MenuItem, Style, Target, item_position};

/// Text direction of a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

impl Direction {
    /// The value of the HTML `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }

    /// The direction of a language's script as CLDR knows it (its likely script, unless
    /// the tag names one: `ha-Arab` is right-to-left, `ha` left-to-right): the default of
    /// a language of `site.yaml` that does not say its `direction`.
    pub fn of_language(code: &str) -> Direction {
        static DIRECTIONALITY: icu_locale::LocaleDirectionality =
            icu_locale::LocaleDirectionality::new_extended();
        match code.parse::<icu_locale::LanguageIdentifier>() {
            Ok(tag) if DIRECTIONALITY.is_right_to_left(&tag) => Direction::Rtl,
            _ => Direction::Ltr,
        }
    }
}

/// One language of the site.
#[derive(Debug, Clone)]
pub struct Language {
    /// BCP 47 code, as used in file names and URLs (`ar`, `zh`, `pt-BR`).
    pub code: String,
    /// The language's name in its own script (`العربية`).
    pub name: String,
    /// Text direction.
    pub direction: Direction,
    /// Languages to take text from, in order, when this one lacks it; always ends with
    /// the default language (unless this is it).
    pub fallback: Vec<String>,
    /// The locale used for CLDR formatting (`ar-u-nu-latn`, `en-GB`).
    pub locale: String,
}

/// The checked configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The site's folder.
    pub root: PathBuf,
    /// Site title per language (fallbacks applied).
    pub title: BTreeMap<String, String>,
    /// Absolute base URL, always ending with `/` (`https://example.org/wsis/`).
    pub base_url: String,
    /// The path part of `base_url` (`/wsis/`), prefixed to every internal link.
    pub base_path: String,
    /// The host of `base_url` ([`Config::host`]).
    host: String,
    /// Theme folder name under `themes/`: as written in `site.yaml` until the snapshot
    /// resolves it (see [`crate::sources::theme`]); `None`: the site's own templates only.
    pub theme: Option<String>,
    /// The languages in the order of the language switcher.
    pub languages: Vec<Language>,
    /// The default language's code.
    pub default_language: String,
    /// Whether the default language lives at `/` instead of `/<lang>/`.
    pub default_language_at_root: bool,
    /// IANA time zone of the event (`Europe/Zurich`).
    pub time_zone: Option<String>,
    /// Main navigation.
    pub menu: Vec<MenuItem>,
    /// Fluent messages shown in the footer, one paragraph each.
    pub footer: Vec<String>,
    /// What the home page shows besides its text: key dates and buttons.
    pub home: Home,
    /// Line of `footer:` in `site.yaml`.
    pub footer_line: usize,
    /// The text of `site.yaml`, for messages about it found in later stages.
    pub text: std::sync::Arc<str>,
    /// Collapse whitespace in the HTML output.
    pub minify: bool,
    /// How session times name their zone (see `docs/dates-and-times.md`).
    pub zone_names: ZoneNames,
    /// How images get resized versions (see `docs/images.md`).
    pub images: ImageOptions,
    /// Whether fenced code is highlighted (see `docs/content.md`).
    pub highlight: bool,
}

/// How session times name their zone.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ZoneNames {
    /// CLDR's names in each language: `CEST` where the language has one, else the
    /// localized GMT format (`GMT+2`, `UTC+2`, `غرينتش+٢`).
    #[default]
    Cldr,
    /// The tz database's abbreviations (`CEST`, `JST`) where it has lettered ones.
    Abbreviation,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: TextOrMap,
    base_url: String,
    #[serde(default)]
    theme: Option<String>,
    default_language: String,
    #[serde(default)]
    default_language_at_root: bool,
    #[serde(default)]
    time_zone: Option<String>,
    languages: Vec<RawLanguage>,
    #[serde(default)]
    menu: Vec<links::RawLink>,
    #[serde(default)]
    footer: Vec<String>,
    #[serde(default)]
    home: Option<links::RawHome>,
    #[serde(default)]
    minify: bool,
    #[serde(default)]
    zone_names: ZoneNames,
    #[serde(default)]
    images: ImageOptions,
    #[serde(default = "yes")]
    highlight: bool,
}

fn yes() -> bool {
    true
}

/// One title for every language, or a title per language. Written by hand rather than
/// as an untagged enum, which would lose the parser's position and say only that
/// nothing matched.
enum TextOrMap {
    Text(String),
    Map(BTreeMap<String, String>),
}

impl<'de> Deserialize<'de> for TextOrMap {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<TextOrMap, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = TextOrMap;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a title, or a title per language (`{en: …, fr: …}`)")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<TextOrMap, E> {
                Ok(TextOrMap::Text(v.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<TextOrMap, E> {
                Ok(TextOrMap::Text(v.to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<TextOrMap, E> {
                Ok(TextOrMap::Text(v.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<TextOrMap, E> {
                Ok(TextOrMap::Text(v.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<TextOrMap, A::Error> {
                BTreeMap::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(TextOrMap::Map)
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLanguage {
    code: String,
    name: String,
    #[serde(default)]
    direction: Option<Direction>,
    #[serde(default)]
    fallback: Vec<String>,
    #[serde(default)]
    locale: Option<String>,
}

impl Config {
    /// Parses the text of `content/site.yaml` (no I/O).
    pub fn parse(root: &Path, text: &str) -> Result<Config, Error> {
        let file = Path::new(CONFIG_FILE);
        let raw: RawConfig =
            crate::yaml::from_str(text, file, text, 1).map_err(|d| Error::Diagnostics(vec![d]))?;
        let mut diagnostics = Diagnostics::default();
        let config = check(root, raw, text, &mut diagnostics);
        diagnostics.into_result()?;
        Ok(config)
    }

    /// The language with this code.
    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// The direction of the site's language `code`, as its configuration says (for a
    /// code that is not one of the site's, the usual direction of its script).
    pub fn direction(&self, code: &str) -> Direction {
        self.language(code)
            .map_or_else(|| Direction::of_language(code), |l| l.direction)
    }

    /// Whether `code` is one of the site's languages.
    pub fn has_language(&self, code: &str) -> bool {
        self.language(code).is_some()
    }

    /// The URL path of a language's home, with the base path (`/wsis/ar/`).
    pub fn lang_prefix(&self, code: &str) -> String {
        if self.default_language_at_root && code == self.default_language {
            self.base_path.clone()
        } else {
            [self.base_path.as_str(), code, "/"].concat()
        }
    }

    /// The URL path of a language's search page (`/wsis/fr/search/`).
    pub fn search_page(&self, lang: &str) -> String {
        format!("{}search/", self.lang_prefix(lang))
    }

    /// Every Fluent message `site.yaml` names (menu and button labels, footer lines,
    /// key date labels), with its line.
    pub fn messages(&self) -> Vec<(&str, usize)> {
        let links = self.menu.iter().chain(&self.home.buttons);
        let mut ids: Vec<(&str, usize)> = links.map(|m| (m.label.as_str(), m.position.0)).collect();
        let footer_line = self.footer_line;
        ids.extend(self.footer.iter().map(|f| (f.as_str(), footer_line)));
        ids.extend(
            self.home
                .key_dates
                .iter()
                .zip(&self.home.key_date_lines)
                .filter_map(|(k, &line)| Some((k.label.as_deref()?, line))),
        );
        ids
    }

    /// The host of `base_url`, without user or port, an IPv6 address in its brackets
    /// (`https://example.org:8443/wsis/` → `example.org`, `http://[::1]:1111/` →
    /// `[::1]`): what makes calendar UIDs and feed ids unique to the site.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// Replaces the base URL (`--base-url`, the preview's address), with its path and
    /// host; `None`, changing nothing, when `url` is not an absolute http(s) URL.
    pub fn set_base_url(&mut self, url: &str) -> Option<()> {
        let url = if url.ends_with('/') {
            url.to_string()
        } else {
            format!("{url}/")
        };
        self.base_path = base_path_of(&url)?;
        self.host = host_of(&url);
        self.base_url = url;
        Some(())
    }

    /// An absolute URL for a root-relative `path` that already includes the base path.
    pub fn absolute(&self, path: &str) -> String {
        let origin_end = self.base_url.len() - self.base_path.len();
        format!("{}{}", &self.base_url[..origin_end], path)
    }
}

fn check(root: &Path, raw: RawConfig, text: &str, out: &mut Diagnostics) -> Config {
    let file = Path::new(CONFIG_FILE);
    // Parsed again for positions only when a problem is found.
    let tree = std::cell::OnceCell::new();
    let error = |path: &[Step], message: String| {
        let (line, column) = tree
            .get_or_init(|| Tree::parse(text, 1))
            .as_ref()
            .map_or((1, 1), |t: &Tree| t.nearest(path));
        Diagnostic::error(file, message).at(text, line, column)
    };
    let language =
        |i: usize, key: &'static str| [Step::Key("languages"), Step::Index(i), Step::Key(key)];
    let codes: Vec<String> = raw.languages.iter().map(|l| l.code.clone()).collect();
    for (i, code) in codes.iter().enumerate() {
        if code.parse::<unic_langid::LanguageIdentifier>().is_err() {
            out.push(
                error(
                    &language(i, "code"),
                    format!("`{code}` is not a BCP 47 language code"),
                )
                .hint("use codes such as `ar`, `zh`, `en`, `pt-BR`"),
            );
        } else if crate::slug::check_segment(code).is_err() {
            out.push(
                error(
                    &language(i, "code"),
                    format!("`{code}` cannot be a URL segment"),
                )
                .hint("use codes such as `ar`, `zh`, `en`, `pt-BR`"),
            );
        }
        if codes[..i].contains(code) {
            out.push(error(
                &language(i, "code"),
                format!("language `{code}` is listed twice"),
            ));
        }
    }
    for (i, l) in raw.languages.iter().enumerate() {
        let Some(locale) = &l.locale else { continue };
        if icu_locale::Locale::try_from_str(locale).is_err() {
            out.push(
                error(
                    &language(i, "locale"),
                    format!("`{locale}` is not a CLDR locale"),
                )
                .hint("write a BCP 47 locale such as `en-GB`, `ar-u-nu-latn` or `zh-Hans`"),
            );
        }
    }
    if let Some(zone) = raw
        .time_zone
        .as_deref()
        .filter(|z| crate::zone::Zone::get(z).is_none())
    {
        out.push(
            error(
                &[Step::Key("time_zone")],
                format!("`{zone}` is not a time zone of the IANA tz database"),
            )
            .hint("write a zone name such as Europe/Zurich, America/New_York or Asia/Tokyo"),
        );
    }
    if !codes.contains(&raw.default_language) {
        out.push(
            error(
                &[Step::Key("default_language")],
                format!(
                    "the default language `{}` is not among `languages`",
                    raw.default_language
                ),
            )
            .hint(format!("use one of: {}", codes.join(", "))),
        );
    }
    let languages = raw
        .languages
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            for (j, f) in l.fallback.iter().enumerate() {
                if !codes.contains(f) || *f == l.code {
                    let at = [Step::Key("languages"), Step::Index(i), Step::Key("fallback"), Step::Index(j)];
                    out.push(
                        error(&at, format!("`{}` falls back to `{f}`, which is not another language of the site", l.code))
                            .hint(format!("use one of: {}", codes.join(", "))),
                    );
                }
            }
            let mut fallback: Vec<String> = l.fallback.clone();
            if l.code != raw.default_language && !fallback.contains(&raw.default_language) {
                fallback.push(raw.default_language.clone());
            }
            Language {
                direction: l.direction.unwrap_or(Direction::of_language(&l.code)),
                locale: l.locale.unwrap_or_else(|| l.code.clone()),
                code: l.code,
                name: l.name,
                fallback,
            }
        })
        .collect::<Vec<_>>();

    let base_url = if raw.base_url.ends_with('/') {
        raw.base_url.clone()
    } else {
        format!("{}/", raw.base_url)
    };
    let base_path = base_path_of(&base_url).unwrap_or_else(|| {
        out.push(
            error(
                &[Step::Key("base_url")],
                format!("`{}` is not an absolute http(s) URL", raw.base_url),
            )
            .hint("write it as `https://example.org/` or `https://example.org/sub/path/`"),
        );
        "/".to_string()
    });

    let title = match raw.title {
        TextOrMap::Text(t) => codes.iter().map(|c| (c.clone(), t.clone())).collect(),
        TextOrMap::Map(map) => {
            let mut title = BTreeMap::new();
            for l in &languages {
                let found = std::iter::once(&l.code)
                    .chain(l.fallback.iter())
                    .find_map(|c| map.get(c));
                match found {
                    Some(t) => {
                        title.insert(l.code.clone(), t.clone());
                    }
                    None => out.push(error(
                        &[Step::Key("title")],
                        format!("the site title has no text for `{}`", l.code),
                    )),
                }
            }
            title
        }
    };

    Config {
        root: root.to_path_buf(),
        title,
        host: host_of(&base_url),
        base_url,
        base_path,
        theme: raw.theme,
        languages,
        default_language: raw.default_language,
        default_language_at_root: raw.default_language_at_root,
        time_zone: raw.time_zone,
        menu: links::links(raw.menu, &["menu"], text, file, out),
        footer: raw.footer,
        footer_line: crate::yaml::position_in(text, &["footer".into()]).map_or(0, |p| p.0),
        text: std::sync::Arc::from(text),
        home: links::home(raw.home, text, file, out),
        minify: raw.minify,
        zone_names: raw.zone_names,
        images: raw.images,
        highlight: raw.highlight,
    }
}

/// The path part of an absolute http(s) URL ending with `/`.
pub fn base_path_of(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let slash = rest.find('/')?;
    if slash == 0 {
        return None;
    }
    Some(rest[slash..].to_string())
}

/// The host of an absolute URL (see [`Config::host`]), by the WHATWG URL parser: an IPv6
/// address keeps its brackets, a name is lowercased.
fn host_of(url: &str) -> String {
    url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_of_a_base_url() {
        for (url, host) in [
            ("https://wsis-forum.example.org/", "wsis-forum.example.org"),
            ("http://127.0.0.1:8080/wsis/", "127.0.0.1"),
            ("http://[::1]:1111/", "[::1]"),
            ("http://[2001:db8::5]/", "[2001:db8::5]"),
            ("https://user@example.org:8443/", "example.org"),
            ("https://Example.ORG/", "example.org"),
        ] {
            assert_eq!(host_of(url), host, "{url}");
        }
    }

    #[test]
    fn base_path_keeps_sub_path() {
        assert_eq!(base_path_of("https://example.org/").as_deref(), Some("/"));
        assert_eq!(
            base_path_of("http://127.0.0.1:8080/wsis/").as_deref(),
            Some("/wsis/")
        );
        assert_eq!(base_path_of("example.org/"), None);
    }

    #[test]
    fn fallback_chain_ends_with_default_language() {
        let text = "title: T\nbase_url: https://e.org\ndefault_language: en\nlanguages:\n  - {code: en, name: English}\n  - {code: fr, name: Français, fallback: [es]}\n  - {code: es, name: Español}\n";
        let c = Config::parse(Path::new("."), text).unwrap();
        assert_eq!(c.language("fr").unwrap().fallback, vec!["es", "en"]);
        assert!(c.language("en").unwrap().fallback.is_empty());
        assert_eq!(c.base_url, "https://e.org/");
        assert_eq!(c.absolute("/en/x/"), "https://e.org/en/x/");
    }

    #[test]
    fn arabic_is_right_to_left() {
        assert_eq!(Direction::of_language("ar"), Direction::Rtl);
        assert_eq!(Direction::of_language("zh-Hant"), Direction::Ltr);
        // From CLDR, not from a list: languages and scripts a list would miss.
        for rtl in [
            "fa", "he", "ur", "ps", "ckb", "dv", "yi", "sd", "ug", "syr", "nqo", "ha-Arab",
            "az-Arab",
        ] {
            assert_eq!(Direction::of_language(rtl), Direction::Rtl, "{rtl}");
        }
        for ltr in [
            "en", "fr-CA", "ru", "es-419", "ku", "az", "sr-Latn", "ha", "und",
        ] {
            assert_eq!(Direction::of_language(ltr), Direction::Ltr, "{ltr}");
        }
    }
}
