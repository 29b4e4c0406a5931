//! Localization: Fluent messages, CLDR numbers and dates, bidi isolation.
//!
//! [`Localizer`] loads `locales/<lang>/*.ftl` once into one thread-safe Fluent bundle per
//! language, shared by every render thread. A message missing in a language falls back
//! along that language's chain with a warning; a message missing everywhere is an error.
//!
//! A message that Fluent cannot resolve (an unknown variable, a reference to nothing, a
//! cycle) is an error at its own `.ftl` file and line, not at the template that called
//! it: each message remembers where it was written.
//!
//! Fluent's own bidi isolation marks (U+2068 … U+2069 around every placeable) are turned
//! off: they are invisible characters that would end up in attributes, in search indexes
//! and in copied text. Placeables in our messages hold text in the page's own language
//! (numbers, dates, language names from Fluent), and where a page shows text in another
//! direction the templates isolate it with HTML (`<bdi>`, `lang`/`dir` attributes).

pub mod bidi;
pub mod dates;
pub mod intervals;
pub mod marks;
pub mod messages;
pub mod names;
pub mod numbers;
pub mod shown;
pub mod times;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

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
    /// CLDR's names of languages.
    pub names: names::LanguageNames,
    /// Language → message id → the fallback that provides it, for the messages a
    /// language lacks and a language of its chain has: known when the files are loaded,
    /// so that formatting from many threads only sets a flag (no lock, no allocation).
    fallbacks: HashMap<String, HashMap<String, Fallback>>,
    /// Where each message was written: (language, id) → its place.
    origins: HashMap<(String, String), Origin>,
    /// (language, message id) → what Fluent could not resolve in that message, reported
    /// at its `.ftl` line: set by the first page that fails on it, from any thread,
    /// without a lock; never touched on the way of a message that formats.
    unresolved: HashMap<(String, String), OnceLock<Vec<Diagnostic>>>,
    /// The site's languages in order, with their directions: the table of
    /// [`marks`].
    languages: Vec<(String, crate::config::Direction)>,
    /// Where every formatted text goes once [`Localizer::record`] was called.
    recorder: OnceLock<shown::Recorder>,
}

/// Where a message is written: its file, the file's text and the message's byte range.
struct Origin {
    file: PathBuf,
    text: Arc<str>,
    start: usize,
    end: usize,
}

/// A message a language lacks, taken from a language of its chain.
struct Fallback {
    /// The language that provides it.
    from: String,
    /// Whether a page used it.
    used: AtomicBool,
}

/// Why a message could not be formatted.
#[derive(Debug)]
pub enum MessageError {
    /// No language of the chain defines it.
    Missing,
}

impl Localizer {
    /// Loads the snapshot's Fluent files of every language of the site.
    pub fn load(config: &Config, sources: &Sources, out: &mut Diagnostics) -> Localizer {
        let mut bundles = HashMap::new();
        let mut chains = HashMap::new();
        let mut defined = BTreeMap::new();
        let mut origins = HashMap::new();
        for language in &config.languages {
            let langid: LanguageIdentifier = language.code.parse().unwrap_or_default();
            let mut bundle = Bundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(numbers::format_number));
            let mut ids = BTreeSet::new();
            // The site's files come first: a message the theme also defines is the site's.
            for file in sources.locales.get(&language.code).into_iter().flatten() {
                let text: Arc<str> = file.shared_text();
                for (id, start, end) in message_ranges(&text) {
                    let origin = Origin {
                        file: file.display().to_path_buf(),
                        text: text.clone(),
                        start,
                        end,
                    };
                    origins.entry((language.code.clone(), id)).or_insert(origin);
                }
                add_resource(
                    &mut bundle,
                    file.display(),
                    text.to_string(),
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
        let fallbacks = fallbacks(&chains, &defined);
        let unresolved = defined
            .iter()
            .flat_map(|(lang, ids)| ids.iter().map(move |id| (lang.clone(), id.clone())))
            .map(|key| (key, OnceLock::new()))
            .collect();
        Localizer {
            bundles,
            chains,
            defined,
            dates: dates::Dates::new(config),
            names: names::LanguageNames::new(config.languages.iter().map(|l| l.code.as_str())),
            fallbacks,
            origins,
            unresolved,
            languages: config
                .languages
                .iter()
                .map(|l| (l.code.clone(), l.direction))
                .collect(),
            recorder: OnceLock::new(),
        }
    }

    /// From now on, records every text formatted with the message it came from, for
    /// `check` to name the message behind a text of a page (see [`shown`]).
    pub fn record(&self) -> shown::Ledger {
        let (sender, receiver) = std::sync::mpsc::channel();
        // A second call starts a ledger that stays empty; the first keeps recording.
        let _ = self.recorder.set(sender);
        shown::Ledger(receiver)
    }

    /// Whether every formatted text is being recorded (see [`Localizer::record`]).
    pub fn is_recording(&self) -> bool {
        self.recorder.get().is_some()
    }

    /// The site's languages in order, with their directions, for [`marks::resolve`].
    pub fn languages(&self) -> marks::Languages<'_> {
        &self.languages
    }

    /// Formats message `id` (or `id.attribute`) in `lang`, falling back along its chain.
    pub fn format(
        &self,
        lang: &str,
        id: &str,
        args: Option<&FluentArgs<'_>>,
    ) -> Result<String, MessageError> {
        self.format_with_language(lang, id, args)
            .map(|(text, _)| text)
    }

    /// Like [`Localizer::format`], with the index (in [`Localizer::languages`]) of the
    /// language the text is in when it is not `lang`: a fallback.
    pub fn format_with_language(
        &self,
        lang: &str,
        id: &str,
        args: Option<&FluentArgs<'_>>,
    ) -> Result<(String, Option<usize>), MessageError> {
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
                let fallback = self.fallbacks.get(lang).and_then(|f| f.get(message_id));
                if let Some(fallback) = fallback {
                    fallback.used.store(true, Ordering::Relaxed);
                }
            }
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if !errors.is_empty() {
                // The page still renders (with Fluent's stand-in text); the build fails
                // with the error at the message's own line.
                let key = (candidate.to_string(), message_id.to_string());
                if let Some(slot) = self.unresolved.get(&key) {
                    slot.get_or_init(|| {
                        errors
                            .iter()
                            .map(|e| self.unresolved(candidate, message_id, e))
                            .collect()
                    });
                }
            }
            if let Some(recorder) = self.recorder.get() {
                // The ledger is read after the render; a closed one records nothing.
                let _ = recorder.send(shown::Formatted {
                    lang: lang.to_string(),
                    from: candidate.clone(),
                    id: message_id.to_string(),
                    text: text.to_string(),
                });
            }
            let fallback = (candidate != lang)
                .then(|| {
                    self.languages
                        .iter()
                        .position(|(code, _)| code == candidate)
                })
                .flatten();
            return Ok((text.into_owned(), fallback));
        }
        Err(MessageError::Missing)
    }

    /// Whether any language defines message `id` (attributes ignored).
    pub fn defined_anywhere(&self, id: &str) -> bool {
        let message_id = id.split('.').next().unwrap_or(id);
        self.defined.values().any(|ids| ids.contains(message_id))
    }

    /// The name of language `tag` (any BCP 47 tag) in `lang`: the site's or the theme's
    /// message `language-<tag>` in `lang` itself, else CLDR's name, else the message in
    /// a language of `lang`'s fallback chain, else the tag.
    pub fn language_name(&self, lang: &str, tag: &str) -> String {
        let id = messages::language_name(tag);
        let own = self.defined.get(lang).is_some_and(|ids| ids.contains(&id));
        let cldr = || (!own).then(|| self.names.name(lang, tag)).flatten();
        cldr()
            .or_else(|| self.text(lang, &id).ok())
            .unwrap_or_else(|| tag.to_string())
    }

    /// Formats a message with no arguments.
    pub fn text(&self, lang: &str, id: &str) -> Result<String, MessageError> {
        self.format(lang, id, None)
    }

    /// The diagnostic for a message of `lang` that Fluent could not resolve.
    fn unresolved(&self, lang: &str, id: &str, e: &fluent_bundle::FluentError) -> Diagnostic {
        let why = e.to_string();
        let hint = "a message may use only the variables that templates pass to it (`t(key=…, name=…)`), messages and terms that exist, and no message that refers back to itself";
        let Some(o) = self.origins.get(&(lang.to_string(), id.to_string())) else {
            return Diagnostic::error(
                Path::new("locales").join(lang),
                format!("Fluent message `{id}`: {why}"),
            )
            .hint(hint);
        };
        // Point at the reference that failed when it can be found in the message.
        let needle = match e {
            fluent_bundle::FluentError::ResolverError(r) => reference_of(r),
            _ => None,
        };
        let body = &o.text[o.start..o.end];
        let offset = needle
            .and_then(|n| body.find(&n))
            .map_or(o.start, |i| o.start + i);
        Diagnostic::error(&o.file, format!("Fluent message `{id}`: {why}"))
            .at_offset(&o.text, offset)
            .hint(hint)
    }

    /// Every problem found while rendering: messages that fell back to another language
    /// (warnings) and messages that could not be resolved (errors).
    pub fn render_diagnostics(&self) -> Vec<Diagnostic> {
        let mut all = self.fallback_warnings();
        let mut unresolved: Vec<Diagnostic> = self
            .unresolved
            .values()
            .filter_map(OnceLock::get)
            .flatten()
            .cloned()
            .collect();
        unresolved
            .sort_by(|a, b| (&a.file, a.line, &a.message).cmp(&(&b.file, b.line, &b.message)));
        all.extend(unresolved);
        all
    }

    /// Warnings for the messages that fell back to another language during the build.
    pub fn fallback_warnings(&self) -> Vec<Diagnostic> {
        let mut used: Vec<(&str, &str, &str)> = self
            .fallbacks
            .iter()
            .flat_map(|(lang, messages)| {
                messages
                    .iter()
                    .filter(|(_, f)| f.used.load(Ordering::Relaxed))
                    .map(move |(id, f)| (id.as_str(), lang.as_str(), f.from.as_str()))
            })
            .collect();
        used.sort_unstable();
        used.into_iter()
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

/// For each language, the messages it lacks and the first language of its chain that
/// has each.
fn fallbacks(
    chains: &HashMap<String, Vec<String>>,
    defined: &BTreeMap<String, BTreeSet<String>>,
) -> HashMap<String, HashMap<String, Fallback>> {
    chains
        .iter()
        .map(|(lang, chain)| {
            let own = defined.get(lang);
            let mut missing = HashMap::new();
            for from in chain.iter().skip(1) {
                for id in defined.get(from).into_iter().flatten() {
                    if own.is_some_and(|o| o.contains(id)) || missing.contains_key(id) {
                        continue;
                    }
                    let fallback = Fallback {
                        from: from.clone(),
                        used: AtomicBool::new(false),
                    };
                    missing.insert(id.clone(), fallback);
                }
            }
            (lang.clone(), missing)
        })
        .collect()
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

/// The text a resolver error refers to (`$name`, `-term`, `other-message`), to find it in
/// the message's source.
fn reference_of(e: &fluent_bundle::resolver::ResolverError) -> Option<String> {
    use fluent_bundle::resolver::errors::ReferenceKind;
    match e {
        fluent_bundle::resolver::ResolverError::Reference(kind) => Some(match kind {
            ReferenceKind::Variable { id } => format!("${id}"),
            ReferenceKind::Term { id, .. } => format!("-{id}"),
            ReferenceKind::Message { id, .. } => id.clone(),
            ReferenceKind::Function { id } => format!("{id}("),
        }),
        _ => None,
    }
}

/// Each message of an `.ftl` text: its id and byte range (up to the next entry).
fn message_ranges(text: &str) -> Vec<(String, usize, usize)> {
    let resource = match FluentResource::try_new(text.to_string()) {
        Ok(r) | Err((r, _)) => r,
    };
    let base = resource.source().as_ptr() as usize;
    let mut starts: Vec<(Option<String>, usize)> = resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some((
                Some(m.id.name.to_string()),
                m.id.name.as_ptr() as usize - base,
            )),
            fluent_syntax::ast::Entry::Term(t) => Some((None, t.id.name.as_ptr() as usize - base)),
            _ => None,
        })
        .collect();
    starts.sort_by_key(|(_, s)| *s);
    let ends: Vec<usize> = starts
        .iter()
        .skip(1)
        .map(|(_, s)| *s)
        .chain([text.len()])
        .collect();
    starts
        .into_iter()
        .zip(ends)
        .filter_map(|((id, start), end)| Some((id?, start, end)))
        .collect()
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
            if let fluent_bundle::FluentError::Overriding { id, .. } = &e
                && let Some((_, start, _)) =
                    message_ranges(&text).into_iter().find(|(m, _, _)| m == id)
            {
                d = d.at_offset(&text, start);
            }
            out.push(d);
        }
    }
}
