//! Data of the site's own: any `content/data/<name>.yaml` the generator does not know
//! (a sponsors list, a FAQ, a venue's transport notes).
//!
//! Such a file is loaded as it is and given to templates as `data.<name>`, in every
//! language: a mapping whose keys are all languages of the site and whose values are all
//! text (`{en: Welcome, fr: Bienvenue}`) is text in several languages, and becomes, like
//! the texts of the known files, `{text, lang, dir}` in the page's language (along the
//! fallback chain; `lang` and `dir` set only for a fallback). Everything else is kept as
//! it is. Names the generator's own data takes (`schedule`, `calendar`) are refused.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::config::Config;
use crate::error::Diagnostic;

/// Names of `data` that a file of the site's own may not take: the known files' and
/// what the generator adds.
pub const RESERVED: [&str; 9] = [
    "tracks",
    "formats",
    "key_dates",
    "organizations",
    "people",
    "sessions",
    "event",
    "schedule",
    "calendar",
];

/// Parses the file of `data.<name>` (no I/O).
pub fn parse(name: &str, text: &str, file: &std::path::Path) -> Result<Value, Diagnostic> {
    if RESERVED.contains(&name) {
        return Err(Diagnostic::error(
            file,
            format!(
                "`data.{name}` is the generator's own: a file of your own cannot take that name"
            ),
        )
        .hint("rename the file (sponsors.yaml, faq.yaml, venue.yaml, …)"));
    }
    if text.trim().is_empty() {
        return Ok(Value::Null);
    }
    crate::yaml::from_str(text, file, text, 1)
}

/// `value` in language `lang` (its chain: `fallback`): texts in several languages
/// become the text of `lang`.
pub fn localize(value: &Value, config: &Config, lang: &str, fallback: &[String]) -> Value {
    match value {
        Value::Object(map) if is_localized(map, config) => {
            let found = std::iter::once(lang)
                .chain(fallback.iter().map(String::as_str))
                .find_map(|l| map.get(l).map(|t| (l, t)))
                .or_else(|| map.iter().next().map(|(l, t)| (l.as_str(), t)));
            let (from, text) = found.expect("a localized map is not empty");
            let own = from == lang;
            serde_json::json!({
                "text": text,
                "lang": (!own).then_some(from),
                "dir": (!own).then(|| config.direction(from).as_str()),
            })
        }
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), localize(v, config, lang, fallback)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|v| localize(v, config, lang, fallback))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn is_localized(map: &serde_json::Map<String, Value>, config: &Config) -> bool {
    !map.is_empty()
        && map
            .iter()
            .all(|(k, v)| config.has_language(k) && v.is_string())
}

/// The site's own data, by name.
pub type CustomData = BTreeMap<String, Value>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_in_several_languages_are_resolved_and_the_rest_kept() {
        let text = "title: T\nbase_url: https://e.org\ndefault_language: en\nlanguages:\n  - {code: en, name: English}\n  - {code: ar, name: العربية}\n  - {code: fr, name: Français}\n";
        let config = Config::parse(std::path::Path::new("."), text).unwrap();
        let data = parse(
            "sponsors",
            "- name: {en: Acme, ar: أكمي}\n  link: https://acme.example\n  tiers: {gold: 1}\n",
            std::path::Path::new("content/data/sponsors.yaml"),
        )
        .unwrap();
        let fallback = vec!["en".to_string()];
        let fr = localize(&data, &config, "fr", &fallback);
        assert_eq!(fr[0]["name"]["text"], "Acme");
        assert_eq!(fr[0]["name"]["lang"], "en");
        assert_eq!(fr[0]["name"]["dir"], "ltr");
        assert_eq!(fr[0]["link"], "https://acme.example");
        assert_eq!(fr[0]["tiers"]["gold"], 1);
        let ar = localize(&data, &config, "ar", &[]);
        assert_eq!(ar[0]["name"]["text"], "أكمي");
        assert!(ar[0]["name"]["lang"].is_null());
    }

    #[test]
    fn the_generators_names_are_refused() {
        let d = parse(
            "schedule",
            "[]",
            std::path::Path::new("content/data/schedule.yaml"),
        )
        .unwrap_err();
        assert!(d.message.contains("data.schedule"), "{d}");
    }
}
