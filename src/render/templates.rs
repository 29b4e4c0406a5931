//! The theme's Tera templates, loaded and compiled once per build.
//!
//! Every problem is reported at a template file: a syntax error at its line and column,
//! a file that is not UTF-8 at its first bad byte, an empty template (which would build
//! empty pages) as a warning, and a rendering error that Tera gives without a position
//! (its component recursion limit) at the template being rendered.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::assets::Assets;
use crate::error::{Diagnostic, Diagnostics, Error};
use crate::i18n::Localizer;

/// Compiled templates with hexaglot's functions registered.
pub struct Templates {
    /// The Tera instance.
    pub tera: tera::Tera,
    dir: PathBuf,
    sources: HashMap<String, String>,
}

impl Templates {
    /// Loads `themes/<theme>/templates/**/*.html` (and `.xml`, `.txt`, `.js`).
    pub fn load(
        root: &Path,
        theme: &str,
        localizer: Arc<Localizer>,
        assets: Arc<Assets>,
        out: &mut Diagnostics,
    ) -> Result<Templates, Error> {
        let dir = root.join("themes").join(theme).join("templates");
        if !dir.is_dir() {
            out.push(
                Diagnostic::error(
                    Path::new("themes").join(theme),
                    format!("the theme `{theme}` has no templates/ folder"),
                )
                .hint("set `theme` in content/site.yaml to a folder of themes/"),
            );
        }
        let mut sources = HashMap::new();
        for entry in walkdir::WalkDir::new(&dir)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            let path = entry.path();
            if !entry.file_type().is_file() || !has_template_extension(path) {
                continue;
            }
            let name = path
                .strip_prefix(&dir)
                .unwrap_or(path)
                .to_string_lossy()
                .replace('\\', "/");
            let bytes = std::fs::read(path).map_err(|e| Error::io("read", path, e))?;
            let display = Path::new("themes")
                .join(theme)
                .join("templates")
                .join(&name);
            match crate::error::decode_utf8(&display, bytes) {
                Ok(text) => {
                    if text.trim().is_empty() {
                        out.push(
                            Diagnostic::warning(
                                &display,
                                "the template is empty: the pages made with it are empty",
                            )
                            .hint("write the template, or delete it to use the theme's default"),
                        );
                    }
                    sources.insert(name, text);
                }
                Err(d) => {
                    // Compiled anyway (with U+FFFD), so that the templates extending it
                    // do not report it missing.
                    out.push(d);
                    sources.insert(
                        name,
                        String::from_utf8_lossy(&std::fs::read(path).unwrap_or_default())
                            .into_owned(),
                    );
                }
            }
        }
        let mut tera = tera::Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        super::functions::register(&mut tera, localizer, assets);
        let mut templates = Templates { tera, dir, sources };
        let mut pairs: Vec<(&String, &String)> = templates.sources.iter().collect();
        pairs.sort();
        if let Err(e) = templates
            .tera
            .add_raw_templates(pairs.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        {
            out.extend(templates.diagnostics(&e));
        }
        Ok(templates)
    }

    /// Whether the theme has this template.
    pub fn has(&self, name: &str) -> bool {
        self.sources.contains_key(name)
    }

    /// Renders template `name`; an error is a diagnostic at its template's line, or at
    /// `name` itself when Tera gives no position.
    pub fn render(&self, name: &str, context: &tera::Context) -> Result<String, Diagnostic> {
        self.tera.render(name, context).map_err(|e| {
            let mut d = self.diagnostic(&e);
            if d.line == 0 {
                d.file = self.display_dir().join(name);
            }
            d
        })
    }

    fn display_dir(&self) -> PathBuf {
        self.dir
            .parent()
            .and_then(Path::file_name)
            .map(|t| Path::new("themes").join(t).join("templates"))
            .unwrap_or_default()
    }

    /// Every diagnostic a Tera error holds. Tera reports unknown filters, functions and
    /// templates found at load time as one message of several text reports
    /// (`error: …` then ` --> page.html:2:40`), which become one diagnostic each.
    pub fn diagnostics(&self, e: &tera::Error) -> Vec<Diagnostic> {
        let text = match e.kind() {
            tera::ErrorKind::Msg(text) if text.contains("\n --> ") => text,
            _ => return vec![self.diagnostic(e)],
        };
        let lines: Vec<&str> = text.lines().collect();
        let mut found = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let Some(message) = line.strip_prefix("error: ") else {
                continue;
            };
            let place = lines.get(i + 1).and_then(|l| l.strip_prefix(" --> "));
            let Some((file, line, column)) = place.and_then(split_place) else {
                continue;
            };
            let source = self.sources.get(file).map(String::as_str).unwrap_or("");
            found.push(
                Diagnostic::error(
                    self.display_dir().join(file),
                    format!("template error: {message}"),
                )
                .at(source, line, column)
                .hint("see https://keats.github.io/tera/docs/ for the template syntax"),
            );
        }
        if found.is_empty() {
            found.push(self.diagnostic(e));
        }
        found
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
            // Whole-template problems: at the first line of the template that has them.
            tera::ErrorKind::MissingParent { current: tpl, .. }
            | tera::ErrorKind::CircularExtend { tpl, .. }
            | tera::ErrorKind::CircularInclude { tpl, .. } => {
                position = Some((tpl.clone(), 1, 1));
            }
            _ => {}
        }
        let mut source = std::error::Error::source(e);
        while let Some(s) = source {
            message.push_str(": ");
            message.push_str(&s.to_string());
            source = s.source();
        }
        let theme_dir = self.display_dir();
        match position {
            Some((file, line, column)) => {
                let text = self.sources.get(&file).map(String::as_str).unwrap_or("");
                Diagnostic::error(theme_dir.join(&file), format!("template error: {message}"))
                    .at(text, line, column)
                    .hint("see https://keats.github.io/tera/docs/ for the template syntax")
            }
            None => Diagnostic::error(theme_dir, format!("template error: {message}")),
        }
    }
}

/// `page.html:2:40` → the file, line and column.
fn split_place(place: &str) -> Option<(&str, usize, usize)> {
    let mut parts = place.rsplitn(3, ':');
    let column = parts.next()?.trim().parse().ok()?;
    let line = parts.next()?.parse().ok()?;
    Some((parts.next()?, line, column))
}

fn has_template_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e, "html" | "xml" | "txt" | "js" | "json" | "ics"))
}
