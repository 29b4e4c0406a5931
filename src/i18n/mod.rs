//! Localization: Fluent messages, CLDR numbers and dates, bidi isolation.
//!
//! [`Localizer`] loads `locales/<lang>/*.ftl` once into one thread-safe Fluent bundle per
//! language, shared by every render thread. A message missing in a language falls back
//! along that language's chain with a warning; a message missing everywhere is an error.
//!
//! Fluent's own bidi isolation marks (U+2068 … U+2069 around every placeable) are turned
//! off: they are invisible characters that would end up in attributes, in search indexes
//! and in copied text. Placeables in our messages hold text in the page's own language
//! (numbers, dates, language names from Fluent), and where a page shows text in another
//! direction the templates isolate it with HTML (`<bdi>`, `lang`/`dir` attributes).

pub mod bidi;
pub mod dates;
pub mod intervals;
pub mod numbers;
pub mod times;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::Mutex;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::config::Config;
use crate::error::{Diagnostic, Diagnostics};
use crate::sources::Sources;

type Bundle = FluentBundle<FluentResource>;

/// Fluent bundles and CLDR formatters for every language of the site.
pub struct Localizer {
    bundles: HashMap<String, Bundle>,
    chains: HashMap<String, Vec<String>>,
    /// Message ids defined per language, for `check` and `status`.
    pub defined: BTreeMap<String, BTreeSet<String>>,
    /// Date formatters per language.
    pub dates: dates::Dates,
    fallbacks_used: Mutex<BTreeSet<(String, String, String)>>,
}

/// Why a message could not be formatted.
#[derive(Debug)]
pub enum MessageError {
    /// No language of the chain defines it.
    Missing,
    /// Fluent reported errors while formatting (e.g. a missing variable).
    Format(String),
}

impl Localizer {
    /// Loads the snapshot's Fluent files of every language of the site.
    pub fn load(config: &Config, sources: &Sources, out: &mut Diagnostics) -> Localizer {
        let mut bundles = HashMap::new();
        let mut chains = HashMap::new();
        let mut defined = BTreeMap::new();
        for language in &config.languages {
            let langid: LanguageIdentifier = language.code.parse().unwrap_or_default();
            let mut bundle = Bundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(numbers::format_number));
            let mut ids = BTreeSet::new();
            // The site's files come first: a message the theme also defines is the site's.
            for file in sources.locales.get(&language.code).into_iter().flatten() {
                add_resource(
                    &mut bundle,
                    file.display(),
                    file.text().to_string(),
                    (&mut ids, file.from_theme()),
                    out,
                );
            }
            defined.insert(language.code.clone(), ids);
            bundles.insert(language.code.clone(), bundle);
            let mut chain = vec![language.code.clone()];
            chain.extend(language.fallback.iter().cloned());
            chains.insert(language.code.clone(), chain);
        }
        Localizer {
            bundles,
            chains,
            defined,
            dates: dates::Dates::new(config),
            fallbacks_used: Mutex::new(BTreeSet::new()),
        }
    }

    /// Formats message `id` (or `id.attribute`) in `lang`, falling back along its chain.
    pub fn format(
        &self,
        lang: &str,
        id: &str,
        args: Option<&FluentArgs<'_>>,
    ) -> Result<String, MessageError> {
        let (message_id, attribute) = match id.split_once('.') {
            Some((m, a)) => (m, Some(a)),
            None => (id, None),
        };
        let chain = self.chains.get(lang).map(Vec::as_slice).unwrap_or_default();
        for candidate in chain {
            let Some(bundle) = self.bundles.get(candidate) else {
                continue;
            };
            let Some(message) = bundle.get_message(message_id) else {
                continue;
            };
            let pattern = match attribute {
                Some(a) => message.get_attribute(a).map(|a| a.value()),
                None => message.value(),
            };
            let Some(pattern) = pattern else { continue };
            if candidate != lang {
                self.fallbacks_used.lock().expect("poisoned").insert((
                    id.to_string(),
                    lang.to_string(),
                    candidate.clone(),
                ));
            }
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if !errors.is_empty() {
                let why: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
                return Err(MessageError::Format(why.join("; ")));
            }
            return Ok(text.into_owned());
        }
        Err(MessageError::Missing)
    }

    /// Whether any language defines message `id` (attributes ignored).
    pub fn defined_anywhere(&self, id: &str) -> bool {
        let message_id = id.split('.').next().unwrap_or(id);
        self.defined.values().any(|ids| ids.contains(message_id))
    }

    /// Formats a message with no arguments.
    pub fn text(&self, lang: &str, id: &str) -> Result<String, MessageError> {
        self.format(lang, id, None)
    }

    /// Warnings for the messages that fell back to another language during the build.
    pub fn fallback_warnings(&self) -> Vec<Diagnostic> {
        let used = self.fallbacks_used.lock().expect("poisoned");
        used.iter()
            .map(|(id, lang, from)| {
                Diagnostic::warning(
                    Path::new("locales").join(lang),
                    format!("message `{id}` is missing in `{lang}`; the `{from}` text was used"),
                )
                .hint(format!("add `{id}` to a file in locales/{lang}/"))
            })
            .collect()
    }
}

/// Turns template arguments into Fluent arguments.
pub fn fluent_args<'a>(pairs: impl IntoIterator<Item = (&'a str, ArgValue)>) -> FluentArgs<'a> {
    let mut args = FluentArgs::new();
    for (k, v) in pairs {
        match v {
            ArgValue::Number(n) => args.set(k, FluentValue::from(n)),
            ArgValue::Text(s) => args.set(k, FluentValue::from(s)),
        }
    }
    args
}

/// A value passed to a Fluent message.
pub enum ArgValue {
    /// A number, for plurals and CLDR number formatting.
    Number(f64),
    /// Text.
    Text(String),
}

/// Adds one Fluent file to `bundle`; `ids` collects its message ids. A theme's file
/// (`yields`) may define a message again: the site's definition, added first, stays.
fn add_resource(
    bundle: &mut Bundle,
    file: &Path,
    text: String,
    (ids, yields): (&mut BTreeSet<String>, bool),
    out: &mut Diagnostics,
) {
    let resource = match FluentResource::try_new(text.clone()) {
        Ok(r) => r,
        Err((r, errors)) => {
            for e in errors {
                out.push(
                    Diagnostic::error(file, format!("Fluent syntax error: {}", e.kind))
                        .at_offset(&text, e.pos.start)
                        .hint("see https://projectfluent.org/fluent/guide/ for the syntax"),
                );
            }
            r
        }
    };
    for entry in resource.entries() {
        if let fluent_syntax::ast::Entry::Message(m) = entry {
            ids.insert(m.id.name.to_string());
        }
    }
    if let Err(errors) = bundle.add_resource(resource) {
        let overriding = |e: &fluent_bundle::FluentError| {
            matches!(e, fluent_bundle::FluentError::Overriding { .. })
        };
        for e in errors.into_iter().filter(|e| !(yields && overriding(e))) {
            let mut d = Diagnostic::error(file, format!("Fluent error: {e}"))
                .hint("each message id may be defined once per language");
            if let fluent_bundle::FluentError::Overriding { id, .. } = &e {
                let line = text
                    .lines()
                    .position(|l| l.split('=').next().is_some_and(|k| k.trim() == id));
                if let Some(line) = line {
                    d = d.at(&text, line + 1, 1);
                }
            }
            out.push(d);
        }
    }
}
