//! The Fluent messages of every language, read with fluent-syntax's AST.
//!
//! The [`Localizer`](crate::i18n::Localizer) formats messages; it does not say which
//! variables a message uses or on which line it stands. `check` and `status` need both,
//! so this module parses `locales/<lang>/*.ftl` once more into a [`Catalog`]: per
//! language, each message with its file, line, attributes and the variables of its
//! value and of each attribute.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;

use crate::config::Config;
use crate::sources::Sources;

/// One message as defined in one language.
#[derive(Debug, Clone)]
pub struct MessageDef {
    /// The `.ftl` file, relative to the site root.
    pub file: PathBuf,
    /// 1-based line of the message id.
    pub line: usize,
    /// Whether the message has a value (not only attributes).
    pub has_value: bool,
    /// Variables of the value (`$count`, without `$`).
    pub variables: BTreeSet<String>,
    /// Attributes, each with its variables.
    pub attributes: BTreeMap<String, BTreeSet<String>>,
    /// Other messages this one refers to (`{ other-message }`).
    pub references: BTreeSet<String>,
    /// Whether its comment marks it as another language's text waiting for a
    /// translation (a line starting with `untranslated`, as `hexaglot init` writes).
    pub untranslated: bool,
}

/// Every message of every language.
#[derive(Debug, Default)]
pub struct Catalog {
    /// Language → message id → definition.
    pub languages: BTreeMap<String, BTreeMap<String, MessageDef>>,
    /// Language → the `.ftl` files read, with their text (for positions).
    pub files: BTreeMap<String, Vec<(PathBuf, String)>>,
}

impl Catalog {
    /// Parses the snapshot's `locales/<lang>/*.ftl` for every language of the site.
    /// Files that do not parse are skipped: the build reports them with their positions.
    pub fn load(config: &Config, sources: &Sources) -> Catalog {
        let mut catalog = Catalog::default();
        for language in &config.languages {
            let mut messages = BTreeMap::new();
            let mut files = Vec::new();
            for file in sources.locales.get(&language.code).into_iter().flatten() {
                let display = file.found.display.clone();
                add_file(&display, file.text(), &mut messages);
                files.push((display, file.text().to_string()));
            }
            catalog.languages.insert(language.code.clone(), messages);
            catalog.files.insert(language.code.clone(), files);
        }
        catalog
    }

    /// The definition of `id` in `lang`.
    pub fn get(&self, lang: &str, id: &str) -> Option<&MessageDef> {
        self.languages.get(lang)?.get(id)
    }

    /// Whether `key` (`id` or `id.attribute`) is defined in `lang`.
    pub fn has(&self, lang: &str, key: &str) -> bool {
        let (id, attribute) = split_key(key);
        match (self.get(lang, id), attribute) {
            (Some(m), None) => m.has_value,
            (Some(m), Some(a)) => m.attributes.contains_key(a),
            (None, _) => false,
        }
    }

    /// Every message id of any language, sorted.
    pub fn all_ids(&self) -> BTreeSet<&str> {
        self.languages
            .values()
            .flat_map(|m| m.keys().map(String::as_str))
            .collect()
    }

    /// The site's first `.ftl` file of `lang`, where a missing message would be added
    /// (the language's folder of `locales/` when the site has none: the theme's files
    /// are the theme's).
    pub fn file_for(&self, lang: &str) -> PathBuf {
        self.files
            .get(lang)
            .and_then(|f| f.iter().find(|(p, _)| !p.starts_with("themes")))
            .map(|(p, _)| p.clone())
            .unwrap_or_else(|| Path::new("locales").join(lang))
    }
}

/// `language-ar.in` → (`language-ar`, `Some("in")`).
pub fn split_key(key: &str) -> (&str, Option<&str>) {
    match key.split_once('.') {
        Some((id, attribute)) => (id, Some(attribute)),
        None => (key, None),
    }
}

fn add_file(display: &Path, text: &str, messages: &mut BTreeMap<String, MessageDef>) {
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    for entry in &resource.body {
        let ast::Entry::Message(message) = entry else {
            continue;
        };
        let id = message.id.name.to_string();
        let mut def = MessageDef {
            file: display.to_path_buf(),
            line: definition_line(text, &id),
            has_value: message.value.is_some(),
            variables: BTreeSet::new(),
            attributes: BTreeMap::new(),
            references: BTreeSet::new(),
            untranslated: message.comment.as_ref().is_some_and(|c| {
                c.content
                    .iter()
                    .any(|line| line.trim_start().starts_with("untranslated"))
            }),
        };
        if let Some(value) = &message.value {
            walk_pattern(value, &mut def.variables, &mut def.references);
        }
        for attribute in &message.attributes {
            let mut vars = BTreeSet::new();
            walk_pattern(&attribute.value, &mut vars, &mut def.references);
            def.attributes.insert(attribute.id.name.to_string(), vars);
        }
        // The first definition counts: the site's files come before the theme's.
        messages.entry(id).or_insert(def);
    }
}

/// The line on which `id = …` starts (the AST carries no positions).
fn definition_line(text: &str, id: &str) -> usize {
    for (i, line) in text.lines().enumerate() {
        if let Some(rest) = line.strip_prefix(id)
            && rest.trim_start().starts_with('=')
        {
            return i + 1;
        }
    }
    0
}

fn walk_pattern(
    pattern: &ast::Pattern<&str>,
    vars: &mut BTreeSet<String>,
    refs: &mut BTreeSet<String>,
) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            walk_expression(expression, vars, refs);
        }
    }
}

fn walk_expression(
    expression: &ast::Expression<&str>,
    vars: &mut BTreeSet<String>,
    refs: &mut BTreeSet<String>,
) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, vars, refs);
            for variant in variants {
                walk_pattern(&variant.value, vars, refs);
            }
        }
        ast::Expression::Inline(inline) => walk_inline(inline, vars, refs),
    }
}

fn walk_inline(
    inline: &ast::InlineExpression<&str>,
    vars: &mut BTreeSet<String>,
    refs: &mut BTreeSet<String>,
) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::MessageReference { id, .. } => {
            refs.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                walk_inline(argument, vars, refs);
            }
            for argument in &arguments.named {
                walk_inline(&argument.value, vars, refs);
            }
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, vars, refs),
        // A term's arguments are the term's own, not the message's variables.
        ast::InlineExpression::TermReference { .. }
        | ast::InlineExpression::StringLiteral { .. }
        | ast::InlineExpression::NumberLiteral { .. } => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_variables_from_selectors_variants_and_attributes() {
        let text = "# c\nhello = Hi { $name }\n    .title = { $count ->\n        [one] one { $what }\n       *[other] { other-msg }\n    }\nplain = Text\n";
        let mut messages = BTreeMap::new();
        add_file(Path::new("locales/en/main.ftl"), text, &mut messages);
        let hello = &messages["hello"];
        assert_eq!(hello.line, 2);
        assert_eq!(hello.variables, BTreeSet::from(["name".to_string()]));
        assert_eq!(
            hello.attributes["title"],
            BTreeSet::from(["count".to_string(), "what".to_string()])
        );
        assert_eq!(hello.references, BTreeSet::from(["other-msg".to_string()]));
        assert_eq!(messages["plain"].line, 7);
    }
}
