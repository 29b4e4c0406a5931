//! Fluent checks: messages the theme uses but a language lacks, messages nobody uses,
//! and messages whose variables differ from the default language's.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use super::catalog::{Catalog, MessageDef, split_key};
use super::keys::{KeyPattern, Usage, generator_variables};
use crate::config::Config;
use crate::error::Diagnostic;
use crate::i18n::messages::{self, GENERATED, OPTIONAL};

/// Stands for the place of use of the messages the generator formats itself.
const GENERATOR: &str = "(the generator)";

/// Runs the three Fluent checks.
pub fn check(config: &Config, catalog: &Catalog, usages: &[Usage], out: &mut Vec<Diagnostic>) {
    let required = required_keys(config, catalog, usages);
    missing(config, catalog, &required, out);
    unused(config, catalog, usages, out);
    variables(config, catalog, out);
}

/// Every key a page may ask for, with where it is asked for first.
fn required_keys(
    config: &Config,
    catalog: &Catalog,
    usages: &[Usage],
) -> BTreeMap<String, (PathBuf, usize)> {
    let mut keys: BTreeMap<String, (PathBuf, usize)> = BTreeMap::new();
    let default = catalog.languages.get(&config.default_language);
    for usage in usages {
        let place = (usage.file.clone(), usage.line);
        match &usage.key {
            KeyPattern::Exact(key) => {
                keys.entry(key.clone()).or_insert(place);
            }
            // A key built at render time: whatever the default language defines under
            // that prefix is what the pages can ask for.
            KeyPattern::Prefix { prefix, attribute } => {
                for (id, def) in default
                    .into_iter()
                    .flatten()
                    .filter(|(id, _)| id.starts_with(prefix.as_str()))
                {
                    let key = match attribute {
                        Some(a) if def.attributes.contains_key(a) => format!("{id}.{a}"),
                        Some(_) => continue,
                        None => id.clone(),
                    };
                    keys.entry(key).or_insert_with(|| place.clone());
                }
            }
            KeyPattern::Dynamic => {}
        }
    }
    // What the generator formats itself is needed wherever the default language has it:
    // its own messages, and the names of languages it may show.
    let language_names = config
        .languages
        .iter()
        .map(|l| messages::language_name(&l.code));
    for id in GENERATED
        .iter()
        .map(|m| m.id.to_string())
        .chain(language_names)
    {
        if default.is_some_and(|m| m.contains_key(&id)) {
            keys.entry(id)
                .or_insert_with(|| (PathBuf::from(GENERATOR), 0));
        }
    }
    for (label, line) in config.messages() {
        keys.entry(label.to_string())
            .or_insert_with(|| (PathBuf::from(crate::config::CONFIG_FILE), line));
    }
    keys
}

fn missing(
    config: &Config,
    catalog: &Catalog,
    required: &BTreeMap<String, (PathBuf, usize)>,
    out: &mut Vec<Diagnostic>,
) {
    for language in &config.languages {
        for (key, (used_in, line)) in required {
            if catalog.has(&language.code, key) {
                continue;
            }
            let lang = &language.code;
            let fallback = language.fallback.iter().find(|l| catalog.has(l, key));
            let shown = match fallback {
                Some(l) => format!("pages in `{lang}` show the `{l}` text instead"),
                None => "no language of its fallback chain has it, so the build fails".to_string(),
            };
            let used = match *line {
                _ if used_in.as_os_str() == GENERATOR => "formatted by hexaglot itself".to_string(),
                0 => format!("used in {}", used_in.display()),
                line => format!("used at {}:{line}", used_in.display()),
            };
            out.push(
                Diagnostic::error(
                    catalog.file_for(lang),
                    format!("message `{key}` is used by the site but missing in `{lang}`"),
                )
                .hint(format!(
                    "{used}; {shown}; add `{}` to {}",
                    split_key(key).0,
                    catalog.file_for(lang).display()
                )),
            );
        }
    }
}

fn unused(config: &Config, catalog: &Catalog, usages: &[Usage], out: &mut Vec<Diagnostic>) {
    let referenced: BTreeSet<&str> = catalog
        .languages
        .values()
        .flat_map(|m| {
            m.values()
                .flat_map(|d| d.references.iter().map(String::as_str))
        })
        .collect();
    let menu: BTreeSet<&str> = config.messages().into_iter().map(|(m, _)| m).collect();
    for id in catalog.all_ids() {
        let used = menu.contains(id)
            || referenced.contains(id)
            || generator_variables(id).is_some()
            || usages.iter().any(|u| u.key.matches_id(id));
        if used {
            continue;
        }
        let Some((lang, def)) = first_definition(config, catalog, id) else {
            continue;
        };
        let langs: Vec<&str> = catalog
            .languages
            .iter()
            .filter(|(_, m)| m.contains_key(id))
            .map(|(l, _)| l.as_str())
            .collect();
        out.push(
            at(
                catalog,
                lang,
                def,
                Diagnostic::warning(
                    &def.file,
                    format!(
                        "message `{id}` is defined ({}) but no template uses it",
                        langs.join(", ")
                    ),
                ),
            )
            .hint("remove it from every language, or use it in a template with t(key=\"…\")"),
        );
    }
}

fn variables(config: &Config, catalog: &Catalog, out: &mut Vec<Diagnostic>) {
    generator_message_variables(config, catalog, out);
    let default = &config.default_language;
    let Some(reference) = catalog.languages.get(default) else {
        return;
    };
    for language in config.languages.iter().filter(|l| &l.code != default) {
        let Some(messages) = catalog.languages.get(&language.code) else {
            continue;
        };
        for (id, def) in messages {
            if generator_variables(id).is_some() {
                continue;
            }
            let Some(expected) = reference.get(id) else {
                continue;
            };
            let mut parts: Vec<(String, &BTreeSet<String>, &BTreeSet<String>)> =
                vec![(id.clone(), &expected.variables, &def.variables)];
            for (attribute, vars) in &def.attributes {
                if let Some(want) = expected.attributes.get(attribute) {
                    parts.push((format!("{id}.{attribute}"), want, vars));
                }
            }
            for (key, want, got) in parts {
                if want == got {
                    continue;
                }
                let lang = &language.code;
                out.push(
                    at(
                        catalog,
                        lang,
                        def,
                        Diagnostic::error(
                            &def.file,
                            format!("message `{key}` uses {} in `{default}` but {} in `{lang}`", list(want), list(got)),
                        ),
                    )
                    .hint("a translation receives the same variables as the original: use each one, and no other"),
                );
            }
        }
    }
}

/// A message the generator formats may use any of the variables it passes, and no other.
fn generator_message_variables(config: &Config, catalog: &Catalog, out: &mut Vec<Diagnostic>) {
    for language in &config.languages {
        for messages::Message {
            id,
            variables: passed,
        } in GENERATED.iter().chain(&OPTIONAL)
        {
            let Some(def) = catalog.get(&language.code, id) else {
                continue;
            };
            let unknown: BTreeSet<String> = def
                .variables
                .iter()
                .filter(|v| !passed.contains(&v.as_str()))
                .cloned()
                .collect();
            if unknown.is_empty() {
                continue;
            }
            let d = Diagnostic::error(
                &def.file,
                format!(
                    "message `{id}` uses {}, which the generator does not pass",
                    list(&unknown)
                ),
            );
            let known: BTreeSet<String> = passed.iter().map(|v| v.to_string()).collect();
            out.push(
                at(catalog, &language.code, def, d)
                    .hint(format!("`{id}` may use {}", list(&known))),
            );
        }
    }
}

fn list(vars: &BTreeSet<String>) -> String {
    if vars.is_empty() {
        return "no variables".to_string();
    }
    vars.iter()
        .map(|v| format!("${v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The definition in the default language, else in the first language that has one.
fn first_definition<'a>(
    config: &Config,
    catalog: &'a Catalog,
    id: &str,
) -> Option<(&'a str, &'a MessageDef)> {
    std::iter::once(config.default_language.as_str())
        .chain(config.languages.iter().map(|l| l.code.as_str()))
        .find_map(|l| {
            catalog
                .languages
                .get_key_value(l)
                .and_then(|(l, m)| Some((l.as_str(), m.get(id)?)))
        })
}

/// Places `d` at the message's line, with the line as snippet.
fn at(catalog: &Catalog, lang: &str, def: &MessageDef, d: Diagnostic) -> Diagnostic {
    let text = catalog
        .files
        .get(lang)
        .and_then(|files| files.iter().find(|(p, _)| p == &def.file))
        .map(|(_, t)| t.as_str());
    match text {
        Some(text) if def.line > 0 => d.at(text, def.line, 1),
        _ => d,
    }
}
