//! Fluent messages and templates, loaded again only when their files changed, with the
//! fingerprints that tell which jobs a change affects: a template change affects the
//! jobs whose template extends, includes or imports it; a Fluent change affects the
//! languages whose fallback chain reads that language's files.

use std::collections::{BTreeMap, HashMap};

use super::digest as hash;
use crate::config::Config;
use crate::error::Diagnostics;
use crate::plan::Job;
use crate::render::Theme as Loaded;
use crate::render::template_closure as closure;
use crate::site::PerLang;
use crate::sources::Sources;

/// The loaded Fluent bundles and templates, with their fingerprints.
pub struct Theme {
    /// Fingerprint of every file it was loaded from; `None` when loading reported
    /// errors, so that the next rebuild loads (and reports) again.
    sources: Option<u64>,
    /// The bundles, published names and templates.
    pub loaded: Loaded,
    /// Template name → fingerprint of it and of every template it depends on.
    templates_hash: HashMap<String, u64>,
    /// Language index → fingerprint of the Fluent files of its chain.
    chains: PerLang<u64>,
    /// Fingerprint of the static files: their published names, which `asset()` gives
    /// every page, follow their content.
    statics: u64,
    /// Whether it was loaded by the last [`ThemeCache::refresh`].
    pub reloaded: bool,
}

impl Theme {
    /// The fingerprint of what, beside its context, decides `job`'s output.
    pub fn fingerprint(&self, job: &Job) -> u64 {
        hash(&(
            self.templates_hash.get(&job.template),
            self.chains[job.lang],
            self.statics,
        ))
    }
}

/// The theme of the last rebuild.
#[derive(Default)]
pub struct ThemeCache {
    theme: Option<Theme>,
}

impl ThemeCache {
    /// The theme for `config`, loaded again when a template, Fluent file or static
    /// file changed in the snapshot. Problems in the files go to `out`.
    pub fn refresh(&mut self, config: &Config, sources: &Sources, out: &mut Diagnostics) -> &Theme {
        let templates: BTreeMap<&str, u64> = sources
            .templates
            .iter()
            .map(|(n, f)| (n.as_str(), f.version))
            .collect();
        let fluent: BTreeMap<&str, Vec<u64>> = sources
            .locales
            .iter()
            .map(|(lang, files)| (lang.as_str(), files.iter().map(|f| f.version).collect()))
            .collect();
        // The hashed names of stylesheets and scripts are part of what `asset()` returns.
        let statics: Vec<(&str, u64)> = sources
            .statics
            .iter()
            .map(|(n, f)| (n.as_str(), f.version))
            .collect();
        let fingerprint = hash(&(&templates, &fluent, &statics));
        if self
            .theme
            .as_ref()
            .is_some_and(|t| t.sources == Some(fingerprint))
        {
            let theme = self.theme.as_mut().expect("checked");
            theme.reloaded = false;
            return theme;
        }
        let errors_before = errors(out);
        let loaded = Loaded::load(config, sources, out);
        let chains = config
            .languages
            .iter()
            .map(|l| {
                hash(
                    &std::iter::once(&l.code)
                        .chain(&l.fallback)
                        .map(|c| fluent.get(c.as_str()))
                        .collect::<Vec<_>>(),
                )
            })
            .collect();
        let texts: BTreeMap<String, String> = sources
            .templates
            .iter()
            .map(|(n, f)| (n.clone(), f.text().to_string()))
            .collect();
        let theme = Theme {
            sources: (errors(out) == errors_before).then_some(fingerprint),
            loaded,
            templates_hash: template_closures(&texts),
            chains,
            statics: hash(&statics),
            reloaded: true,
        };
        self.theme.insert(theme)
    }
}

fn errors(out: &Diagnostics) -> usize {
    out.0.iter().filter(|d| d.is_error()).count()
}

/// Template name → fingerprint of the template and of all it is made of
/// ([`closure`]).
fn template_closures(templates: &BTreeMap<String, String>) -> HashMap<String, u64> {
    templates
        .keys()
        .map(|name| {
            let parts: Vec<(&str, Option<&String>)> = closure(templates, name, String::as_str)
                .into_iter()
                .map(|n| (n, templates.get(n)))
                .collect();
            (name.clone(), hash(&parts))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::template_dependencies as dependencies;

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
