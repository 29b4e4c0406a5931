//! The one place that parses YAML.
//!
//! `serde_yaml` is deprecated upstream; keeping every call here means a replacement
//! (such as `serde-saphyr`) touches this file alone. Errors come back as [`Diagnostic`]s
//! whose lines count from the top of the file, not of the YAML fragment, so front matter
//! errors point at the right line of the Markdown file.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::error::Diagnostic;

/// Parses `text`, a YAML fragment that starts on line `first_line` (1-based) of `file`,
/// whose whole contents are `file_text`.
pub fn from_str<T: DeserializeOwned>(
    text: &str,
    file: &Path,
    file_text: &str,
    first_line: usize,
) -> Result<T, Diagnostic> {
    serde_yaml::from_str(text).map_err(|e| {
        let (mut line, mut column) = e
            .location()
            .map_or((first_line, 0), |l| (l.line() + first_line - 1, l.column()));
        // An unclosed bracket or quote is detected at the end of the fragment, which in
        // front matter is the closing `---`: point at the fragment's last line instead.
        let last_line = first_line + text.trim_end().lines().count().saturating_sub(1);
        if line > last_line {
            line = last_line;
            column = text
                .trim_end()
                .lines()
                .last()
                .map_or(0, |l| l.chars().count() + 1);
        }
        let message = clean_message(&e.to_string());
        Diagnostic::error(file, format!("invalid YAML: {message}"))
            .at(file_text, line, column)
            .hint(hint_for(&message))
    })
}

/// serde_yaml appends " at line X column Y" to its messages; the diagnostic shows the
/// position itself, counted from the top of the file.
fn clean_message(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

fn hint_for(message: &str) -> &'static str {
    if message.contains("unknown field") {
        "remove the field or check its spelling; the README lists the fields each file accepts"
    } else if message.contains("missing field") {
        "add the field; the README lists the fields each file accepts"
    } else if message.contains("invalid type") {
        "check the value's type: quote text that YAML reads as a number, date or list"
    } else {
        "check indentation, colons and quotes on this line or the one before it"
    }
}

/// The 1-based line and column of the first `key: value` pair in `text` (block or flow
/// style; an empty `value` matches any), for reporting problems found after parsing
/// (serde does not keep positions of values). `(0, 0)` when it is not found.
pub fn locate(text: &str, key: &str, value: &str) -> (usize, usize) {
    for (i, line) in text.lines().enumerate() {
        let mut from = 0;
        while let Some(found) = line[from..].find(key) {
            let start = from + found;
            from = start + key.len();
            let before_ok = line[..start]
                .chars()
                .next_back()
                .is_none_or(|c| matches!(c, ' ' | '{' | ',' | '-' | '\t'));
            let Some(rest) = line[from..].trim_start().strip_prefix(':') else {
                continue;
            };
            if !before_ok {
                continue;
            }
            let v = rest.trim_start();
            let v = v[..v.find([',', '}', '#']).unwrap_or(v.len())]
                .trim()
                .trim_matches(['"', '\'']);
            if value.is_empty() || v == value {
                return (i + 1, line[..start].chars().count() + 1);
            }
        }
    }
    (0, 0)
}

#[cfg(test)]
mod tests {
    use super::locate;

    #[test]
    fn locates_block_and_flow_keys() {
        let text = "title: x\nlanguages:\n  - {code: fr, fallback: [xx]}\n  - id: two\n    track: nowhere\n";
        assert_eq!(locate(text, "fallback", ""), (3, 16));
        assert_eq!(locate(text, "code", "fr"), (3, 6));
        assert_eq!(locate(text, "track", "nowhere"), (5, 5));
        assert_eq!(locate(text, "id", "two"), (4, 5));
        assert_eq!(locate(text, "missing", ""), (0, 0));
    }
}
