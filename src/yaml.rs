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
            column = text.trim_end().lines().last().map_or(0, |l| l.chars().count() + 1);
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

/// The 1-based line and column of the first `key: value` pair in `text`, for reporting
/// problems found after parsing (serde does not keep positions of values).
pub fn locate(text: &str, key: &str, value: &str) -> (usize, usize) {
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start_matches([' ', '-']);
        if let Some(rest) = trimmed.strip_prefix(key)
            && let Some(rest) = rest.trim_start().strip_prefix(':')
        {
            let v = rest.trim().trim_matches(['"', '\'']);
            if v == value || value.is_empty() {
                let column = line.chars().count() - trimmed.chars().count() + 1;
                return (i + 1, column);
            }
        }
    }
    (0, 0)
}
