//! Live reload: the events sent to open pages, the script that receives them, and the
//! words of the error overlay in each language.
//!
//! Pages get `<script src="/__hexaglot/live.js" data-file="…">` when they are served,
//! never when they are built. The script opens a server-sent event stream; the server
//! sends `reload` with the files that changed, `build-error` with the diagnostic (and
//! the overlay's words in the page's language) when a rebuild failed, and `build-ok`
//! when a rebuild succeeds again. A page that connects while the site is broken gets the
//! error at once.

use std::collections::HashMap;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use serde::Serialize;

/// The path of the script.
pub const SCRIPT_PATH: &str = "/__hexaglot/live.js";
/// The path of the event stream.
pub const EVENTS_PATH: &str = "/__hexaglot/events";
/// The script itself.
pub const SCRIPT: &str = include_str!("live.js");

/// What happened to the site, for open pages.
#[derive(Debug, Clone)]
pub enum LiveEvent {
    /// Files changed: their paths, or every page when the set of files changed.
    Reload { files: Vec<String>, all: bool },
    /// A rebuild failed: the diagnostics as printed.
    Failed(String),
    /// A rebuild succeeded after a failure.
    Fixed,
}

/// The words of the error overlay in one language.
#[derive(Debug, Clone, Serialize)]
pub struct OverlayWords {
    lang: String,
    dir: &'static str,
    title: String,
    kept: String,
    hide: String,
    /// The answer to a request for another host, with `{url}` where the server's
    /// address goes (see [`Messages::refused`]).
    #[serde(skip)]
    refused: String,
}

/// The overlay's words in every language hexaglot speaks (`src/serve/locales/`).
pub struct Messages {
    words: HashMap<&'static str, OverlayWords>,
}

/// The ids of the overlay's messages, in the `.ftl` files of `src/serve/locales/` (the
/// preview server's own, not the site's).
mod ids {
    pub const TITLE: &str = "live-error-title";
    pub const KEPT: &str = "live-error-kept";
    pub const HIDE: &str = "live-error-hide";
    pub const HOST_REFUSED: &str = "host-refused";
}

const LOCALES: [(&str, &str); 6] = [
    ("ar", include_str!("locales/ar.ftl")),
    ("en", include_str!("locales/en.ftl")),
    ("es", include_str!("locales/es.ftl")),
    ("fr", include_str!("locales/fr.ftl")),
    ("ru", include_str!("locales/ru.ftl")),
    ("zh", include_str!("locales/zh.ftl")),
];

impl Messages {
    /// Formats every message once.
    pub fn load() -> Messages {
        let mut words = HashMap::new();
        for (lang, text) in LOCALES {
            let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
            let mut bundle = FluentBundle::new(vec![lang.parse().unwrap_or_default()]);
            bundle.set_use_isolating(false);
            let _ = bundle.add_resource(resource);
            let format_with = |id: &str, args: Option<&FluentArgs>| {
                let pattern = bundle.get_message(id).and_then(|m| m.value());
                pattern
                    .map(|p| bundle.format_pattern(p, args, &mut Vec::new()).into_owned())
                    .unwrap_or_default()
            };
            let format = |id: &str| format_with(id, None);
            let mut url = FluentArgs::new();
            url.set("url", "{url}");
            let dir = crate::config::Direction::of_language(lang).as_str();
            words.insert(
                lang,
                OverlayWords {
                    lang: lang.to_string(),
                    dir,
                    title: format(ids::TITLE),
                    kept: format(ids::KEPT),
                    hide: format(ids::HIDE),
                    refused: format_with(ids::HOST_REFUSED, Some(&url)),
                },
            );
        }
        Messages { words }
    }

    /// The words for a page in `lang` (`fr`, `fr-CA`): that language, its primary
    /// language, or English.
    pub fn for_lang(&self, lang: &str) -> &OverlayWords {
        let primary = lang.split('-').next().unwrap_or("").to_ascii_lowercase();
        self.words
            .get(lang)
            .or_else(|| self.words.get(primary.as_str()))
            .unwrap_or(&self.words["en"])
    }

    /// The answer to a request addressed to another host, for a reader of `lang`, naming
    /// the server's own `url`.
    pub fn refused(&self, lang: &str, url: &str) -> String {
        self.for_lang(lang).refused.replace("{url}", url)
    }
}

/// The event's name and JSON data, for a page in the language of `words`.
pub fn encode(event: &LiveEvent, words: &OverlayWords) -> (&'static str, String) {
    match event {
        LiveEvent::Reload { files, all } => (
            "reload",
            serde_json::json!({ "files": files, "all": all }).to_string(),
        ),
        LiveEvent::Failed(text) => {
            #[derive(Serialize)]
            struct Failure<'a> {
                #[serde(flatten)]
                words: &'a OverlayWords,
                text: &'a str,
            }
            (
                "build-error",
                serde_json::to_string(&Failure { words, text }).unwrap_or_default(),
            )
        }
        LiveEvent::Fixed => ("build-ok", "{}".to_string()),
    }
}

/// `html` with the live-reload script before its last `</body>` (or at its end).
pub fn inject(html: &[u8], file: &str) -> Vec<u8> {
    let escaped = crate::html::escape(file);
    let tag = format!("<script src=\"{SCRIPT_PATH}\" data-file=\"{escaped}\"></script>\n");
    let at = find_last_body_end(html).unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn find_last_body_end(html: &[u8]) -> Option<usize> {
    const END: &[u8] = b"</body";
    (0..html.len().saturating_sub(END.len() - 1))
        .rev()
        .find(|&i| html[i..i + END.len()].eq_ignore_ascii_case(END))
}

/// A page for when no build has succeeded yet: empty, with the script, so that the
/// overlay can show the error and the page reloads once the site builds.
pub fn placeholder() -> Vec<u8> {
    inject(b"<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title></title>\n</head>\n<body>\n</body>\n</html>\n", "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_last_body_end() {
        let html = inject(
            b"<html><body><p>&lt;/body&gt;</p></BODY></html>",
            "fr/index.html",
        );
        let html = String::from_utf8(html).unwrap();
        assert_eq!(
            html,
            "<html><body><p>&lt;/body&gt;</p><script src=\"/__hexaglot/live.js\" data-file=\"fr/index.html\"></script>\n</BODY></html>"
        );
    }

    #[test]
    fn overlay_words_exist_in_six_languages() {
        let messages = Messages::load();
        for lang in ["ar", "en", "es", "fr", "ru", "zh"] {
            let w = messages.for_lang(lang);
            assert!(
                !w.title.is_empty() && !w.kept.is_empty() && !w.hide.is_empty(),
                "{lang}"
            );
            let refused = messages.refused(lang, "http://127.0.0.1:1111/");
            assert!(
                refused.ends_with("\nhttp://127.0.0.1:1111/") && refused.lines().count() == 2,
                "{lang}: {refused}"
            );
            assert_eq!(w.lang, lang);
        }
        assert_eq!(messages.for_lang("ar").dir, "rtl");
        assert_eq!(messages.for_lang("fr-CA").lang, "fr");
        assert_eq!(messages.for_lang("de").lang, "en");
        assert!(
            messages.for_lang("fr").kept.contains("\u{202f}:"),
            "narrow no-break space before a colon"
        );
    }
}
