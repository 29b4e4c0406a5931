//! Fluent messages and templates, loaded again only when their files changed, with the
//! fingerprints that tell which jobs a change affects: a template change affects the
//! jobs whose template extends, includes or imports it; a Fluent change affects the
//! languages whose fallback chain reads that language's files.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use crate::config::Config;
use crate::error::{Diagnostics, Error};
use crate::i18n::Localizer;
use crate::render::{Job, Templates};

/// The loaded Fluent bundles and templates, with their fingerprints.
pub struct Theme {
    /// Fingerprint of every file read; `None` when loading reported errors, so that the
    /// next rebuild loads (and reports) again.
    sources: Option<u64>,
    /// The Fluent bundles.
    pub localizer: Arc<Localizer>,
    /// The compiled templates.
    pub templates: Templates,
    /// Template name → fingerprint of it and of every template it depends on.
    templates_hash: HashMap<String, u64>,
    /// Language index → fingerprint of the Fluent files of its chain.
    chains: Vec<u64>,
    /// Whether it was loaded by the last [`ThemeCache::refresh`].
    pub reloaded: bool,
}

impl Theme {
    /// The fingerprint of what, beside its context, decides `job`'s output.
    pub fn fingerprint(&self, job: &Job) -> u64 {
        hash(&(
            self.templates_hash.get(&job.template),
            self.chains.get(job.lang),
        ))
    }
}

/// The theme of the last rebuild.
#[derive(Default)]
pub struct ThemeCache {
    theme: Option<Theme>,
}

impl ThemeCache {
    /// The theme for `config`, loaded again when a template or Fluent file changed.
    /// Problems in the files go to `out`.
    pub fn refresh(&mut self, config: &Config, out: &mut Diagnostics) -> Result<&Theme, Error> {
        let templates = read_templates(config)?;
        let fluent = read_fluent(config)?;
        // The hashed names of stylesheets and scripts are part of what `asset()` returns.
        let assets = Arc::new(crate::assets::Assets::collect(config)?);
        let sources = hash(&(&templates, &fluent, assets.published()));
        if self
            .theme
            .as_ref()
            .is_some_and(|t| t.sources == Some(sources))
        {
            let theme = self.theme.as_mut().expect("checked");
            theme.reloaded = false;
            return Ok(theme);
        }
        let errors_before = errors(out);
        let localizer = Arc::new(Localizer::load(config, out)?);
        let loaded = Templates::load(&config.root, &config.theme, localizer.clone(), assets, out)?;
        let chains = config
            .languages
            .iter()
            .map(|l| {
                hash(
                    &std::iter::once(&l.code)
                        .chain(&l.fallback)
                        .map(|c| fluent.get(c))
                        .collect::<Vec<_>>(),
                )
            })
            .collect();
        let theme = Theme {
            sources: (errors(out) == errors_before).then_some(sources),
            localizer,
            templates: loaded,
            templates_hash: template_closures(&templates),
            chains,
            reloaded: true,
        };
        Ok(self.theme.insert(theme))
    }
}

fn errors(out: &Diagnostics) -> usize {
    out.0.iter().filter(|d| d.is_error()).count()
}

fn hash(value: &impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// Template name → text, for the files `Templates::load` reads.
fn read_templates(config: &Config) -> Result<BTreeMap<String, String>, Error> {
    let dir = config
        .root
        .join("themes")
        .join(&config.theme)
        .join("templates");
    let mut templates = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        let path = entry.path();
        let is_template = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e, "html" | "xml" | "txt" | "js" | "json" | "ics"));
        if entry.file_type().is_file() && is_template {
            let name = path
                .strip_prefix(&dir)
                .unwrap_or(path)
                .to_string_lossy()
                .replace('\\', "/");
            templates.insert(
                name,
                std::fs::read_to_string(path).map_err(|e| Error::io("read", path, e))?,
            );
        }
    }
    Ok(templates)
}

/// Language → fingerprint of its `locales/<lang>/**/*.ftl` files.
fn read_fluent(config: &Config) -> Result<BTreeMap<String, u64>, Error> {
    let mut fluent = BTreeMap::new();
    for language in &config.languages {
        let dir = config.root.join("locales").join(&language.code);
        let mut h = DefaultHasher::new();
        for entry in walkdir::WalkDir::new(&dir)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            if entry.path().extension().is_some_and(|e| e == "ftl") {
                let text =
                    std::fs::read(entry.path()).map_err(|e| Error::io("read", entry.path(), e))?;
                (entry.path(), text).hash(&mut h);
            }
        }
        fluent.insert(language.code.clone(), h.finish());
    }
    Ok(fluent)
}

/// Template name → fingerprint of the template, of what it extends, includes or
/// imports (transitively), and of every template that defines a component, since a
/// component can be called from any template.
fn template_closures(templates: &BTreeMap<String, String>) -> HashMap<String, u64> {
    let components: Vec<&String> = templates
        .iter()
        .filter(|(_, text)| text.contains("{% component"))
        .map(|(n, _)| n)
        .collect();
    let mut closures = HashMap::new();
    for name in templates.keys() {
        let mut seen: HashSet<&str> = HashSet::new();
        let mut stack: Vec<&str> = vec![name];
        stack.extend(components.iter().map(|c| c.as_str()));
        while let Some(n) = stack.pop() {
            if seen.insert(n) {
                stack.extend(
                    templates
                        .get(n)
                        .map(|t| dependencies(t))
                        .unwrap_or_default()
                        .into_iter()
                        .filter_map(|d| templates.get_key_value(d).map(|(k, _)| k.as_str())),
                );
            }
        }
        let mut closure: Vec<&str> = seen.into_iter().collect();
        closure.sort_unstable();
        let parts: Vec<(&str, Option<&String>)> =
            closure.into_iter().map(|n| (n, templates.get(n))).collect();
        closures.insert(name.clone(), hash(&parts));
    }
    closures
}

/// The template names quoted in `{% extends %}`, `{% include %}` and `{% import %}` tags.
fn dependencies(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    for tag in text.split("{%").skip(1) {
        let tag = tag
            .split("%}")
            .next()
            .unwrap_or("")
            .trim_start_matches('-')
            .trim_start();
        let keyword = tag.split_whitespace().next().unwrap_or("");
        if matches!(keyword, "extends" | "include" | "import") {
            for (i, part) in tag.split(['"', '\'']).enumerate() {
                if i % 2 == 1 {
                    names.push(part);
                }
            }
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dependencies_are_read_from_extends_include_and_import() {
        let text = r#"{% extends "base.html" %}{%- include ["a.html", 'b.html'] ignore missing %}{% import "m.html" as m %}{% if x %}"no"{% endif %}"#;
        assert_eq!(
            dependencies(text),
            ["base.html", "a.html", "b.html", "m.html"]
        );
    }

    #[test]
    fn a_template_change_reaches_only_the_templates_that_use_it() {
        let mut t = BTreeMap::new();
        t.insert(
            "base.html".to_string(),
            "<html>{% block c %}{% endblock c %}".to_string(),
        );
        t.insert(
            "page.html".to_string(),
            r#"{% extends "base.html" %}"#.to_string(),
        );
        t.insert(
            "tag.html".to_string(),
            r#"{% extends "base.html" %}{% include "list.html" %}"#.to_string(),
        );
        t.insert("list.html".to_string(), "<ul>".to_string());
        let before = template_closures(&t);
        t.insert("list.html".to_string(), "<ol>".to_string());
        let after = template_closures(&t);
        assert_eq!(before["page.html"], after["page.html"]);
        assert_ne!(before["tag.html"], after["tag.html"]);
        t.insert("base.html".to_string(), "<html lang>".to_string());
        assert_ne!(after["page.html"], template_closures(&t)["page.html"]);
    }
}
