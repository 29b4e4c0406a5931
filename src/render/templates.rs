//! The theme's Tera templates, loaded and compiled once per build.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::assets::Assets;
use crate::error::{Diagnostic, Diagnostics};
use crate::i18n::Localizer;
use crate::sources::Sources;

/// Compiled templates with hexaglot's functions registered.
pub struct Templates {
    /// The Tera instance.
    pub tera: tera::Tera,
    /// Template name → (file, relative to the site root; text).
    sources: HashMap<String, (PathBuf, Arc<str>)>,
}

impl Templates {
    /// Compiles the snapshot's templates (the site's `templates/` over the theme's).
    pub fn load(
        sources: &Sources,
        theme: &str,
        localizer: Arc<Localizer>,
        assets: Arc<Assets>,
        out: &mut Diagnostics,
    ) -> Templates {
        if sources.templates.is_empty() {
            out.push(
                Diagnostic::error(
                    Path::new("themes").join(theme),
                    format!("there are no templates: neither templates/ nor themes/{theme}/templates/ holds any"),
                )
                .hint("set `theme` in content/site.yaml to a folder of themes/, or add templates/"),
            );
        }
        let texts: HashMap<String, (PathBuf, Arc<str>)> = sources
            .templates
            .iter()
            .map(|(name, file)| {
                (
                    name.clone(),
                    (file.found.display.clone(), file.shared_text()),
                )
            })
            .collect();
        let mut tera = tera::Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        super::functions::register(&mut tera, localizer, assets);
        let mut templates = Templates {
            tera,
            sources: texts,
        };
        let mut pairs: Vec<(&String, &Arc<str>)> =
            templates.sources.iter().map(|(n, (_, t))| (n, t)).collect();
        pairs.sort();
        if let Err(e) = templates
            .tera
            .add_raw_templates(pairs.iter().map(|(n, t)| (n.as_str(), &***t)))
        {
            out.push(templates.diagnostic(&e));
        }
        templates
    }

    /// Whether the theme has this template.
    pub fn has(&self, name: &str) -> bool {
        self.sources.contains_key(name)
    }

    /// The names of every template.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.sources.keys().map(String::as_str)
    }

    /// Turns a Tera error into a diagnostic at the template's file, line and column.
    pub fn diagnostic(&self, e: &tera::Error) -> Diagnostic {
        let mut message = e.to_string();
        let mut position = None;
        match e.kind() {
            tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
                message = r.message().to_string();
                position = Some((
                    r.filename().to_string(),
                    r.span().start_line,
                    r.span().start_col + 1,
                ));
            }
            _ => {}
        }
        let mut source = std::error::Error::source(e);
        while let Some(s) = source {
            message.push_str(": ");
            message.push_str(&s.to_string());
            source = s.source();
        }
        match position {
            Some((file, line, column)) => {
                let (display, text) = match self.sources.get(&file) {
                    Some((display, text)) => (display.clone(), &**text),
                    None => (PathBuf::from("templates").join(&file), ""),
                };
                Diagnostic::error(display, format!("template error: {message}"))
                    .at(text, line, column)
                    .hint("see https://keats.github.io/tera/docs/ for the template syntax")
            }
            None => Diagnostic::error("templates", format!("template error: {message}")),
        }
    }
}
