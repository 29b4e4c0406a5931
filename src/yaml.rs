//! The one place that parses YAML.
//!
//! `serde-saphyr` (pure Rust) reads every YAML file of a site. It reports each error at
//! the place that causes it — a duplicate key at the duplicate, an unclosed quote at the
//! quote, an unknown field at its key, a value refused by a checked type such as
//! [`crate::slug::RecordId`] at the value — and it records where every node starts. Checks
//! that run after parsing (a reference to no record, an end before its start) look the
//! position of the value up in a [`Tree`] of the same text by its path
//! (`[3, "title", "de"]`), so no hand-written scanner guesses where a key is.
//!
//! Lines count from the top of the file, not of the YAML fragment, so front matter
//! errors point at the right line of the Markdown file.

use std::path::Path;

use serde::Deserialize;
use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{MessageFormatter, Spanned, UserMessageFormatter};

use crate::error::Diagnostic;

/// A 1-based line and column (in characters).
pub type Position = (usize, usize);

fn options() -> serde_saphyr::Options {
    let mut options = serde_saphyr::Options::default();
    // `no`, `on` and `y` are text, as in YAML 1.2: a boolean is `true` or `false`.
    options.strict_booleans = true;
    // The diagnostic shows its own snippet, from the file rather than the fragment.
    options.with_snippet = false;
    options
}

/// Parses `text`, a YAML fragment that starts on line `first_line` (1-based) of `file`,
/// whose whole contents are `file_text`.
pub fn from_str<T: DeserializeOwned>(
    text: &str,
    file: &Path,
    file_text: &str,
    first_line: usize,
) -> Result<T, Diagnostic> {
    let parsed = serde_saphyr::from_str_with_options(text, options()).or_else(|e| {
        // A document with nothing in it is an empty mapping: its error is then the first
        // missing field, not "end of file".
        let blank = text
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'));
        match (blank, serde_saphyr::from_str_with_options(" {}", options())) {
            (true, Ok(v)) => Ok(v),
            (true, Err(e2))
                if matches!(
                    e2.without_snippet(),
                    serde_saphyr::Error::SerdeMissingField { .. }
                ) =>
            {
                Err(e2)
            }
            _ => Err(e),
        }
    });
    parsed.map_err(|e| {
        // A type error can come before the parser meets a syntax error further on (an
        // unclosed bracket read as a list where a number is due): the syntax error is
        // the cause, shown where the value it broke starts when that is earlier.
        let (e, at) = match serde_saphyr::from_str_with_options::<de::IgnoredAny>(text, options()) {
            Err(syntax) if !is_syntax_error(e.without_snippet()) && is_syntax_error(syntax.without_snippet()) => {
                let first = [e.location(), syntax.location()]
                    .into_iter()
                    .flatten()
                    .filter(|l| l.line() > 0)
                    .min_by_key(|l| (l.line(), l.column()));
                (syntax, first)
            }
            _ => {
                let at = e.location();
                (e, at)
            }
        };
        let inner = e.without_snippet();
        let mut message = clean_message(&UserMessageFormatter.format_message(inner));
        let mut hint = hint_for(&message);
        if is_syntax_error(inner) {
            message = format!("invalid YAML: {message}");
            hint = "check indentation, colons, quotes and brackets on this line or the lines before it";
        }
        let blank = text.trim().is_empty();
        let (line, column) = at
            .filter(|l| l.line() > 0 && !blank)
            .map_or((first_line, 1), |l| {
                (l.line() as usize + first_line - 1, l.column() as usize)
            });
        let (line, column) = within_fragment(text, first_line, line, column);
        Diagnostic::error(file, message.clone())
            .at(file_text, line, column)
            .hint(hint)
    })
}

/// An error found at the end of a front matter fragment (an unclosed bracket) would point
/// at the closing `---`: it points at the fragment's last line instead.
fn within_fragment(text: &str, first_line: usize, line: usize, column: usize) -> Position {
    let trimmed = text.trim_end();
    let last_line = first_line + trimmed.lines().count().saturating_sub(1);
    if line > last_line && first_line > 1 {
        let width = trimmed.lines().last().map_or(0, |l| l.chars().count());
        return (last_line, width + 1);
    }
    (line, column)
}

/// Whether the text is not YAML at all, rather than YAML that does not fit the file.
fn is_syntax_error(e: &serde_saphyr::Error) -> bool {
    matches!(
        e,
        serde_saphyr::Error::ExternalMessage { .. }
            | serde_saphyr::Error::Eof { .. }
            | serde_saphyr::Error::MultipleDocuments { .. }
            | serde_saphyr::Error::UnknownAnchor { .. }
            | serde_saphyr::Error::IndentationError { .. }
    )
}

/// Words of the parser's messages that speak of its API rather than of the file.
fn clean_message(message: &str) -> String {
    let message = message
        .split(", set DuplicateKeyPolicy")
        .next()
        .unwrap_or(message);
    if let Some(key) = message.strip_prefix("duplicate mapping key ") {
        let key = key
            .trim_end_matches(" is not allowed here")
            .trim_matches('`');
        return format!("duplicate key `{}`", key.trim_start_matches(": "));
    }
    message.to_string()
}

fn hint_for(message: &str) -> &'static str {
    if message.contains("unknown field") {
        "remove the field or check its spelling; the README lists the fields each file accepts"
    } else if message.contains("missing field") {
        "add the field; the README lists the fields each file accepts"
    } else if message.contains("is not a date") {
        "write dates as YYYY-MM-DD, e.g. 2021-05-17"
    } else if message.contains("URL segment")
        || message.contains("control character")
        || message.contains("folder above")
        || message.contains("contains spaces")
        || message.contains("is empty")
    {
        "an id or a slug is one URL segment: letters, digits and hyphens"
    } else if message.contains("null is not allowed") {
        "a value is missing here; inside `{…}` or `[…]` a comma ends a value: quote text that holds commas (`{en: \"Rooms A, B\"}`)"
    } else if message.contains("duplicate key") {
        "each key may appear once in a mapping: remove or rename one of them"
    } else if message.contains("invalid") || message.contains("expected") {
        "check the value's type: quote text that YAML reads as a number, a date or a list"
    } else {
        "check indentation, colons and quotes on this line or the one before it"
    }
}

/// Where the value at `path` of the YAML document `text` starts, if it is there.
pub fn position_in(text: &str, path: &[Step]) -> Option<Position> {
    Tree::parse(text, 1)?.value(path)
}

/// One step of a path into a YAML document: a mapping key or a sequence index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    /// The value of this key of a mapping.
    Key(&'a str),
    /// The item at this index of a sequence.
    Index(usize),
}

impl<'a> From<&'a str> for Step<'a> {
    fn from(key: &'a str) -> Self {
        Step::Key(key)
    }
}

impl From<usize> for Step<'_> {
    fn from(index: usize) -> Self {
        Step::Index(index)
    }
}

/// The nodes of a YAML document with the position of each, for reporting problems found
/// after parsing at the value that has them.
#[derive(Debug)]
pub struct Tree {
    root: Located,
}

#[derive(Debug)]
struct Located {
    node: Node,
    at: Position,
}

#[derive(Debug)]
enum Node {
    /// A scalar, with its text when it is a string or a number.
    Scalar(Option<String>),
    Seq(Vec<Located>),
    Map(Vec<(String, Position, Located)>),
}

impl Tree {
    /// Parses `text`, a fragment starting on line `first_line` of its file; `None` when it
    /// is not valid YAML (the typed parse has reported why).
    pub fn parse(text: &str, first_line: usize) -> Option<Tree> {
        let root: Spanned<Node> = serde_saphyr::from_str_with_options(text, options()).ok()?;
        let mut root = located(root);
        root.shift(first_line - 1);
        Some(Tree { root })
    }

    fn find(&self, path: &[Step]) -> Option<(&Located, Option<Position>)> {
        let mut here = &self.root;
        let mut key_at = None;
        for step in path {
            (here, key_at) = match (&here.node, step) {
                (Node::Map(entries), Step::Key(k)) => {
                    let (_, at, value) = entries.iter().rev().find(|(key, _, _)| key == k)?;
                    (value, Some(*at))
                }
                (Node::Seq(items), Step::Index(i)) => (items.get(*i)?, None),
                _ => return None,
            };
        }
        Some((here, key_at))
    }

    /// Where the value at `path` starts.
    pub fn value(&self, path: &[Step]) -> Option<Position> {
        self.find(path).map(|(node, _)| node.at)
    }

    /// Where the key of the value at `path` is (the last step must be a key).
    pub fn key(&self, path: &[Step]) -> Option<Position> {
        self.find(path).and_then(|(_, key)| key)
    }

    /// The value at `path` if it is there, else its nearest ancestor that is: a problem
    /// with a missing field is shown at the record that lacks it.
    pub fn nearest(&self, path: &[Step]) -> Position {
        (0..=path.len())
            .rev()
            .find_map(|n| self.value(&path[..n]))
            .unwrap_or((1, 1))
    }
}

/// A text value of a YAML document, found by [`Tree::texts`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text<'t> {
    /// Its path, written as in a diagnostic: `sessions[3].title.ar`, `[0].name.en`.
    pub path: String,
    /// The last key of its path (`ar`), if the value belongs to a mapping.
    pub key: Option<&'t str>,
    /// Where the value starts.
    pub at: Position,
    /// The value.
    pub text: &'t str,
}

impl Tree {
    /// Every string or number of the document, in document order.
    pub fn texts(&self) -> Vec<Text<'_>> {
        let mut out = Vec::new();
        self.root.texts(String::new(), None, &mut out);
        out
    }
}

impl Located {
    fn texts<'t>(&'t self, path: String, key: Option<&'t str>, out: &mut Vec<Text<'t>>) {
        match &self.node {
            Node::Scalar(Some(text)) => out.push(Text {
                path,
                key,
                at: self.at,
                text,
            }),
            Node::Scalar(None) => {}
            Node::Seq(items) => {
                for (i, item) in items.iter().enumerate() {
                    item.texts(format!("{path}[{i}]"), None, out);
                }
            }
            Node::Map(entries) => {
                for (k, _, value) in entries {
                    let dot = if path.is_empty() { "" } else { "." };
                    value.texts(format!("{path}{dot}{k}"), Some(k), out);
                }
            }
        }
    }

    fn shift(&mut self, lines: usize) {
        self.at.0 += lines;
        match &mut self.node {
            Node::Scalar(_) => {}
            Node::Seq(items) => items.iter_mut().for_each(|i| i.shift(lines)),
            Node::Map(entries) => {
                for (_, at, value) in entries {
                    at.0 += lines;
                    value.shift(lines);
                }
            }
        }
    }
}

fn position(l: &serde_saphyr::Location) -> Position {
    (l.line() as usize, l.column() as usize)
}

fn located(spanned: Spanned<Node>) -> Located {
    Located {
        at: position(&spanned.referenced),
        node: spanned.value,
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any YAML node")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Node, E> {
        Ok(Node::Scalar(None))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Scalar(Some(v.to_string())))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Node, E> {
        Ok(Node::Scalar(Some(v.to_string())))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Scalar(Some(v.to_string())))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Node, E> {
        Ok(Node::Scalar(Some(v.to_string())))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Scalar(Some(v.to_string())))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Scalar(Some(v.to_string())))
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Node, E> {
        Ok(Node::Scalar(None))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Scalar(None))
    }
    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Scalar(None))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        Node::deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Node>>()? {
            items.push(located(item));
        }
        Ok(Node::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some((key, value)) = map.next_entry::<Spanned<KeyText>, Spanned<Node>>()? {
            entries.push((key.value.0, position(&key.referenced), located(value)));
        }
        Ok(Node::Map(entries))
    }
}

/// A mapping key as text, whatever scalar type YAML reads it as.
struct KeyText(String);

impl<'de> Deserialize<'de> for KeyText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<KeyText, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = KeyText;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a scalar key")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<KeyText, E> {
                Ok(KeyText(String::new()))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# sessions\n- id: a\n  title: {en: A, de: B}\n  people: [x, yz]\n- id: b\n  title:\n    en: B\n    de: C\n  end: 2021-05-18T10:00\n  people:\n    - x\n    - \"q\"\n";

    #[test]
    fn lists_texts_with_their_paths() {
        let t = Tree::parse(TEXT, 1).unwrap();
        let texts = t.texts();
        let de = texts.iter().find(|x| x.path == "[1].title.de").unwrap();
        assert_eq!((de.key, de.at, de.text), (Some("de"), (8, 9), "C"));
        let q = texts.iter().find(|x| x.text == "q").unwrap();
        assert_eq!(
            (q.path.as_str(), q.key, q.at),
            ("[1].people[1]", None, (12, 7))
        );
        assert!(
            !texts.iter().any(|x| x.text == "sessions"),
            "comments are no values"
        );
    }

    #[test]
    fn finds_keys_nested_keys_and_items() {
        let t = Tree::parse(TEXT, 1).unwrap();
        assert_eq!(t.value(&[1.into()]), Some((5, 3)));
        assert_eq!(t.value(&[1.into(), "end".into()]), Some((9, 8)));
        assert_eq!(
            t.key(&[1.into(), "title".into(), "de".into()]),
            Some((8, 5))
        );
        assert_eq!(
            t.key(&[0.into(), "title".into(), "de".into()]),
            Some((3, 18))
        );
        assert_eq!(
            t.value(&[0.into(), "people".into(), 1.into()]),
            Some((4, 15))
        );
        assert_eq!(
            t.value(&[1.into(), "people".into(), 1.into()]),
            Some((12, 7))
        );
        assert_eq!(t.value(&[1.into(), "missing".into()]), None);
        assert_eq!(t.nearest(&[1.into(), "missing".into()]), (5, 3));
    }

    #[test]
    fn a_value_that_contains_the_key_is_not_the_key() {
        // The old scanner found `slug:` inside the description.
        let text = "title: x\ndescription: \"see slug: here\"\nslug: a\n";
        let t = Tree::parse(text, 2).unwrap();
        assert_eq!(t.key(&["slug".into()]), Some((4, 1)));
    }

    #[test]
    fn errors_point_at_their_cause() {
        let file = Path::new("f.yaml");
        let text = "a: 1\nb:\n  c: 2\n  c: 3\n";
        let e = from_str::<serde::de::IgnoredAny>(text, file, text, 1).unwrap_err();
        assert_eq!(
            (e.line, e.column, e.message.as_str()),
            (4, 3, "duplicate key `c`")
        );
        let text = "- id: \"a\n- id: b\n";
        let e = from_str::<serde::de::IgnoredAny>(text, file, text, 1).unwrap_err();
        assert_eq!((e.line, e.column), (1, 7), "{e}");
    }
}
