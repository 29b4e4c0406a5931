//! Shortcodes: ordinary templates named `shortcodes/<name>.html` in the template layers
//! (the site's `templates/` over the theme's), rendered while the Markdown is, with the
//! call's arguments, `body` (the rendered body of a call with one), `lang` and `dir`.
//! A failure names the template's own file and line; the Markdown stage puts the
//! diagnostic at the call.

use tera::{Context, Value};

use super::Templates;
use crate::markdown::Call;

impl Templates {
    /// The HTML of `call` in the language `lang` written in direction `dir`, or a
    /// message and a hint.
    pub fn shortcode(
        &self,
        lang: &str,
        dir: &str,
        call: &Call,
    ) -> Result<String, (String, String)> {
        let name = format!("shortcodes/{}.html", call.name);
        if !self.has(&name) {
            let mut known: Vec<&str> = self
                .names()
                .filter_map(|n| n.strip_prefix("shortcodes/")?.strip_suffix(".html"))
                .collect();
            known.sort_unstable();
            let known = if known.is_empty() {
                "there are none".to_string()
            } else {
                format!("there are: {}", known.join(", "))
            };
            return Err((
                format!("there is no shortcode `{}` ({known})", call.name),
                format!("add templates/{name} to the site, or use a shortcode of the theme"),
            ));
        }
        let mut context = Context::new();
        for (key, value) in &call.args {
            context.insert(key.clone(), value);
        }
        context.insert("lang", lang);
        context.insert("dir", dir);
        match &call.body {
            Some(body) => context.insert_value("body", Value::safe_string(body)),
            None => context.insert_value("body", Value::none()),
        }
        let rendered = self.tera.render(&name, &context);
        rendered
            .map(|html| self.resolve_marks(html, true))
            .map_err(|e| {
                let d = self.diagnostic(&e);
                let place = match d.line {
                    0 => d.file.display().to_string(),
                    line => format!("{}:{line}:{}", d.file.display(), d.column),
                };
                let message = d.message.trim_start_matches("template error: ").to_string();
                (
                    format!("shortcode `{}` failed: {message} (in {place})", call.name),
                    "check the call's arguments against the shortcode's template".to_string(),
                )
            })
    }
}
