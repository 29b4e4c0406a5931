//! Which Fluent messages the theme uses: a scan of the templates for `t(key=…)` calls.
//!
//! Templates are not executed here: a literal key (`t(key="nav-home")`) is a use of
//! that message; a key built from a literal and a variable (`t(key="language-" ~ lang
//! ~ ".in")`) uses every message whose id starts with the literal (and that has the
//! attribute, when the key ends with `.attribute`); a key that is only a variable
//! (`t(key=m.label)`) is resolved elsewhere (the menu's labels come from the config).

use std::path::PathBuf;

use crate::sources::Sources;

/// How a template names a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyPattern {
    /// `t(key="nav-home")` or `t(key="language-ar.in")`.
    Exact(String),
    /// `t(key="language-" ~ lang ~ ".in")`: the id starts with `prefix`; `attribute`
    /// is set when the key ends with a literal `.attribute`.
    Prefix {
        /// The literal start of the message id.
        prefix: String,
        /// The attribute read, if the key ends with one.
        attribute: Option<String>,
    },
    /// `t(key=m.label)`: not known without running the template.
    Dynamic,
}

impl KeyPattern {
    /// Whether message `id` is one this pattern can name.
    pub fn matches_id(&self, id: &str) -> bool {
        match self {
            KeyPattern::Exact(key) => super::catalog::split_key(key).0 == id,
            KeyPattern::Prefix { prefix, .. } => id.starts_with(prefix.as_str()),
            KeyPattern::Dynamic => false,
        }
    }
}

/// One `t(…)` call in a template.
#[derive(Debug, Clone)]
pub struct Usage {
    /// What it names.
    pub key: KeyPattern,
    /// The template, relative to the site root.
    pub file: PathBuf,
    /// 1-based line of the call.
    pub line: usize,
}

/// Every `t(…)` call of the templates (the site's and the theme's).
pub fn scan_templates(sources: &Sources) -> Vec<Usage> {
    let mut usages = Vec::new();
    for template in sources.templates.values() {
        let text = template.text();
        let file = template.found.display.clone();
        for (offset, key) in scan(text) {
            let line = text[..offset].matches('\n').count() + 1;
            usages.push(Usage {
                key,
                file: file.clone(),
                line,
            });
        }
    }
    usages
}

/// The variables the generator passes to `id`, if it formats that message itself.
pub fn generator_variables(id: &str) -> Option<&'static [&'static str]> {
    crate::i18n::messages::generated(id).map(|m| m.variables)
}

/// The `t(…)` calls of one template: byte offset of each call and its key.
pub fn scan(text: &str) -> Vec<(usize, KeyPattern)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("t(").map(|i| i + from) {
        from = i + 2;
        let preceded_by_ident = i > 0
            && (bytes[i - 1].is_ascii_alphanumeric()
                || bytes[i - 1] == b'_'
                || bytes[i - 1] == b'.');
        if preceded_by_ident {
            continue;
        }
        let Some(args) = call_arguments(&text[i + 2..]) else {
            continue;
        };
        for arg in split_top_level(args) {
            let arg = arg.trim();
            let Some(value) = arg
                .strip_prefix("key")
                .map(str::trim_start)
                .and_then(|r| r.strip_prefix('='))
            else {
                continue;
            };
            if value.starts_with('=') {
                continue; // `key == …` is a comparison, not an argument
            }
            found.push((i, key_pattern(value.trim())));
        }
    }
    found
}

/// The text between `(` (already consumed) and its matching `)`.
fn call_arguments(rest: &str) -> Option<&str> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for (i, c) in rest.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'' | '`') => quote = Some(c),
            (None, '(' | '[') => depth += 1,
            (None, ')' | ']') if depth == 0 => return Some(&rest[..i]),
            (None, ')' | ']') => depth -= 1,
            _ => {}
        }
    }
    None
}

/// Splits call arguments on the commas that are not inside strings or parentheses.
fn split_top_level(args: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut quote, mut start) = (0usize, None::<char>, 0);
    for (i, c) in args.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'' | '`') => quote = Some(c),
            (None, '(' | '[') => depth += 1,
            (None, ')' | ']') => depth = depth.saturating_sub(1),
            (None, ',') if depth == 0 => {
                parts.push(&args[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&args[start..]);
    parts
}

/// Reads `"literal"`, `"prefix" ~ expr ~ ".attr"` or an expression.
fn key_pattern(value: &str) -> KeyPattern {
    let pieces: Vec<&str> = value.split('~').map(str::trim).collect();
    let literal = |p: &str| -> Option<String> {
        let q = p.chars().next().filter(|c| matches!(c, '"' | '\'' | '`'))?;
        let inner = p.strip_prefix(q)?.strip_suffix(q)?;
        (!inner.contains(q)).then(|| inner.to_string())
    };
    match pieces.as_slice() {
        [only] => literal(only).map_or(KeyPattern::Dynamic, KeyPattern::Exact),
        [first, .., last] => match literal(first) {
            Some(prefix) if !prefix.is_empty() => KeyPattern::Prefix {
                prefix,
                attribute: literal(last).and_then(|l| l.strip_prefix('.').map(str::to_string)),
            },
            _ => KeyPattern::Dynamic,
        },
        [] => KeyPattern::Dynamic,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards the list against the generator: every range it builds names one of them.
    #[test]
    fn finds_literal_prefixed_and_dynamic_keys_in_nested_calls() {
        let text = "{{ t(key=\"skip-link\") }}\n{{ t(key=\"fallback-notice\", requested=t(key=\"language-\" ~ lang ~ \".in\")) }}\n{{ t(key=m.label) }} {{ t(count=3, key='pages-count') }} {% if key == \"x\" %}{{ format(key=\"no\") }}";
        let keys: Vec<KeyPattern> = scan(text).into_iter().map(|(_, k)| k).collect();
        assert_eq!(
            keys,
            [
                KeyPattern::Exact("skip-link".into()),
                KeyPattern::Exact("fallback-notice".into()),
                KeyPattern::Prefix {
                    prefix: "language-".into(),
                    attribute: Some("in".into())
                },
                KeyPattern::Dynamic,
                KeyPattern::Exact("pages-count".into()),
            ]
        );
    }
}
