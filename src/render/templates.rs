//! The site's Tera templates (its own `templates/` over the theme's), compiled once per
//! build from the snapshot.
//!
//! Every problem is reported at a template file: a syntax error at its line and column,
//! an empty template (which would build empty pages) as a warning, and a rendering
//! error that Tera gives without a position (its component recursion limit) at the
//! template being rendered. A template that is not UTF-8 is reported by the snapshot and
//! compiled all the same, so that the templates extending it do not report it missing.

use std::collections::{BTreeMap, BTreeSet, HashMap};
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
    /// The localizer, for the table of languages that fallback marks name.
    localizer: Arc<Localizer>,
}

impl Templates {
    /// Compiles the snapshot's templates (the site's `templates/` over the theme's).
    pub fn load(
        sources: &Sources,
        theme: Option<&str>,
        localizer: Arc<Localizer>,
        assets: Arc<Assets>,
        out: &mut Diagnostics,
    ) -> Templates {
        if sources.templates.is_empty() {
            let (file, message) = match theme {
                Some(theme) => (
                    Path::new("themes").join(theme),
                    format!(
                        "there are no templates: neither templates/ nor themes/{theme}/templates/ holds any"
                    ),
                ),
                None => (
                    PathBuf::from("templates"),
                    "there are no templates: the site has no theme and templates/ holds none"
                        .to_string(),
                ),
            };
            out.push(Diagnostic::error(file, message).hint(
                "set `theme` in content/site.yaml to a folder of themes/, or add templates/",
            ));
        }
        let mut texts = HashMap::new();
        for (name, file) in &sources.templates {
            if file.text().trim().is_empty() {
                out.push(
                    Diagnostic::warning(
                        file.display(),
                        "the template is empty: the pages made with it are empty",
                    )
                    .hint("write the template, or delete it to use the theme's"),
                );
            }
            texts.insert(
                name.clone(),
                (file.display().to_path_buf(), file.shared_text()),
            );
        }
        let mut tera = tera::Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        super::functions::register(&mut tera, localizer.clone(), assets);
        let mut templates = Templates {
            tera,
            sources: texts,
            localizer,
        };
        let mut pairs: Vec<(&String, &Arc<str>)> =
            templates.sources.iter().map(|(n, (_, t))| (n, t)).collect();
        pairs.sort();
        if let Err(e) = templates
            .tera
            .add_raw_templates(pairs.iter().map(|(n, t)| (n.as_str(), &***t)))
        {
            out.extend(templates.diagnostics(&e));
        }
        templates
    }

    /// Whether there is a template of this name.
    pub fn has(&self, name: &str) -> bool {
        self.sources.contains_key(name)
    }

    /// Renders template `name` into bytes, as the writer takes them; an error is a
    /// diagnostic at its template's line, or at `name` itself when Tera gives no
    /// position. Tera writes straight into the buffer, and the page is read as text
    /// again only when it holds a fallback mark, which becomes a `lang` span or isolates
    /// (see [`crate::i18n::marks`]); most pages hold none.
    pub fn render(&self, name: &str, context: &tera::Context) -> Result<Vec<u8>, Diagnostic> {
        let mut bytes = Vec::with_capacity(16 * 1024);
        if let Err(e) = self.tera.render_to(name, context, &mut bytes) {
            let mut d = self.diagnostic(&e);
            if d.line == 0 {
                d.file = self.display(name);
            }
            return Err(d);
        }
        if !crate::i18n::marks::may_hold_marks(&bytes) {
            return Ok(bytes);
        }
        // Tera writes only text, so the buffer is UTF-8 and this copies nothing.
        let doc = String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        Ok(self
            .resolve_marks(doc, name.ends_with(".html"))
            .into_bytes())
    }

    /// `doc` with its fallback marks resolved (see [`crate::i18n::marks`]).
    pub(super) fn resolve_marks(&self, doc: String, html: bool) -> String {
        crate::i18n::marks::resolve(doc, html, self.localizer.languages())
    }

    /// The file of template `name`, relative to the site root.
    fn display(&self, name: &str) -> PathBuf {
        self.sources
            .get(name)
            .map_or_else(|| Path::new("templates").join(name), |(d, _)| d.clone())
    }

    fn text(&self, name: &str) -> &str {
        self.sources.get(name).map_or("", |(_, t)| &**t)
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
            found.push(
                Diagnostic::error(self.display(file), format!("template error: {message}"))
                    .at(self.text(file), line, column)
                    .hint("see https://keats.github.io/tera/docs/ for the template syntax"),
            );
        }
        if found.is_empty() {
            found.push(self.diagnostic(e));
        }
        found
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
        match position {
            Some((file, line, column)) => {
                Diagnostic::error(self.display(&file), format!("template error: {message}"))
                    .at(self.text(&file), line, column)
                    .hint("see https://keats.github.io/tera/docs/ for the template syntax")
            }
            None => Diagnostic::error("templates", format!("template error: {message}")),
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

/// The templates a page rendered with `name` is made of: `name`, what it extends,
/// includes or imports (transitively), and every template that defines a component,
/// since any template may call one. `templates` maps names to what `text` reads the
/// template's text from.
pub fn closure<'a, T>(
    templates: &'a BTreeMap<String, T>,
    name: &str,
    text: impl Fn(&'a T) -> &'a str,
) -> BTreeSet<&'a str> {
    let mut seen: BTreeSet<&'a str> = BTreeSet::new();
    let mut stack: Vec<&'a str> = templates
        .iter()
        .filter(|(_, t)| text(t).contains("{% component"))
        .map(|(n, _)| n.as_str())
        .collect();
    stack.extend(templates.get_key_value(name).map(|(n, _)| n.as_str()));
    while let Some(n) = stack.pop() {
        if seen.insert(n) {
            let body = templates.get(n).map_or("", &text);
            stack.extend(
                dependencies(body)
                    .into_iter()
                    .filter_map(|d| templates.get_key_value(d).map(|(k, _)| k.as_str())),
            );
        }
    }
    seen
}

/// The template names quoted in `{% extends %}`, `{% include %}` and `{% import %}` tags.
pub fn dependencies(text: &str) -> Vec<&str> {
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
