//! Diagnostics: what went wrong, where, and what to do about it.
//!
//! Every stage reports problems as [`Diagnostic`]s carrying a file, a line and a column,
//! a snippet of the offending line and a hint. Stages collect them instead of stopping at
//! the first one, so that a single run shows every problem in the site (the way `rustc`
//! and `fluent`'s `&mut errors` do). The build fails with [`Error::Diagnostics`] when any
//! diagnostic is an error.

use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The build goes on and the output is published.
    Warning,
    /// The build stops and `public/` is left untouched.
    Error,
}

/// One problem found in the site's sources, with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, relative to the site root where possible.
    pub file: PathBuf,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column, counted in characters; 0 when unknown.
    pub column: usize,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The text of the offending line, when known.
    pub snippet: Option<String>,
    /// What to do about it.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error about `file` as a whole.
    pub fn error(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line: 0,
            column: 0,
            message: one_line(message.into()),
            snippet: None,
            hint: None,
        }
    }

    /// A warning about `file` as a whole.
    pub fn warning(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, message)
        }
    }

    /// Places the diagnostic at `line`:`column` (1-based) of `text`, the file's contents,
    /// and takes that line as the snippet.
    pub fn at(mut self, text: &str, line: usize, column: usize) -> Self {
        self.line = line;
        self.column = column;
        self.snippet = text
            .lines()
            .nth(line.saturating_sub(1))
            .map(|l| l.trim_end().to_string());
        self
    }

    /// Places the diagnostic at byte `offset` of `text`.
    pub fn at_offset(self, text: &str, offset: usize) -> Self {
        let (line, column) = line_column(text, offset);
        self.at(text, line, column)
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(one_line(hint.into()));
        self
    }

    /// Whether this diagnostic stops the build.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// `text` with its control characters written as escapes (`\n`, `\u{0}`), so that a
/// message quoting the input (a parser's "expected one of …") stays on its one line.
fn one_line(text: String) -> String {
    if !text.chars().any(char::is_control) {
        return text;
    }
    text.chars()
        .map(|c| match c {
            c if !c.is_control() => c.to_string(),
            c => c.escape_default().to_string(),
        })
        .collect()
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// The byte offset of 1-based `line` and `column` (in characters) in `text`: the inverse
/// of [`line_column`]; past the end of a line or of the text, its end.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = &text[line_start..];
    let line_text = rest.split('\n').next().unwrap_or("");
    line_start
        + line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_text.len(), |(i, _)| i)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(f, "{label}: {}", self.message)?;
        write!(f, "  --> {}", self.file.display())?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.column > 0 {
                write!(f, ":{}", self.column)?;
            }
        }
        writeln!(f)?;
        if let Some(snippet) = &self.snippet {
            let number = self.line.to_string();
            let pad = " ".repeat(number.len());
            writeln!(f, " {pad} |")?;
            writeln!(f, " {number} | {snippet}")?;
            if self.column > 0 {
                writeln!(f, " {pad} | {}^", caret_indent(snippet, self.column))?;
            }
        }
        if let Some(hint) = &self.hint {
            writeln!(f, "  = hint: {hint}")?;
        }
        Ok(())
    }
}

/// What to print under `snippet` so that a caret lands under character `column`: a tab
/// for a tab, as many spaces as each other character takes on a terminal (two for
/// full-width CJK, none for combining marks).
fn caret_indent(snippet: &str, column: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut indent = String::new();
    for c in snippet.chars().take(column - 1) {
        if c == '\t' {
            indent.push('\t');
        } else {
            indent.extend(std::iter::repeat_n(' ', c.width().unwrap_or(0)));
        }
    }
    indent
}

/// Everything that can stop a build.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The sources have problems; all of them are listed.
    #[error("{}", summarize(.0))]
    Diagnostics(Vec<Diagnostic>),
    /// The folder holds no site.
    #[error("there is no site in {}: content/site.yaml is missing\n  = hint: run `hexaglot init` to start a site there, or pass the site's folder with `--root DIR`", .0.display())]
    NoSite(PathBuf),
    /// Reading or writing a file failed.
    #[error("cannot {action} {}: {source}", .path.display())]
    Io {
        /// What was being done: "read", "write", "create", …
        action: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(action: &'static str, path: &Path, source: std::io::Error) -> Self {
        Error::Io {
            action,
            path: path.to_path_buf(),
            source,
        }
    }

    /// The diagnostics, if this error is made of them.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Error::Diagnostics(d) => d,
            Error::Io { .. } | Error::NoSite(_) => &[],
        }
    }
}

fn summarize(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&d.to_string());
        out.push('\n');
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    out.push_str(&format!(
        "build failed: {errors} error{}",
        if errors == 1 { "" } else { "s" }
    ));
    out
}

/// Diagnostics collected by a stage, errors and warnings together.
#[derive(Debug, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Adds one diagnostic.
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    /// Adds many.
    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(ds);
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// Fails with every diagnostic when there is an error; otherwise returns the warnings.
    pub fn into_result(mut self) -> Result<Vec<Diagnostic>, Error> {
        self.0.sort_by(|a, b| {
            (&a.file, a.line, a.column, &a.message).cmp(&(&b.file, b.line, b.column, &b.message))
        });
        self.0.dedup();
        if self.has_errors() {
            Err(Error::Diagnostics(self.0))
        } else {
            Ok(self.0)
        }
    }
}

/// Prints `items` to stderr, one per line, in one write. Stderr is unbuffered, and a
/// diagnostic printed with `eprintln!` costs a system call per piece of its text: a site
/// with thousands of warnings spent a fifth of a second there.
pub fn to_stderr<T: fmt::Display>(items: impl IntoIterator<Item = T>) {
    use std::fmt::Write as _;
    let mut text = String::new();
    for item in items {
        let _ = writeln!(text, "{item}");
    }
    let _ = std::io::Write::write_all(&mut std::io::stderr().lock(), text.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_positions_are_inverse() {
        let text = "a: 1\nب: «ج» د\n\nlast";
        for offset in text.char_indices().map(|(i, _)| i).chain([text.len()]) {
            let (line, column) = line_column(text, offset);
            assert_eq!(offset_of(text, line, column), offset, "{line}:{column}");
        }
    }

    #[test]
    fn carets_count_display_columns() {
        let d = |text: &str, column| {
            Diagnostic::error("f", "m")
                .at(text, 1, column)
                .to_string()
                .lines()
                .nth(4)
                .unwrap()
                .to_string()
        };
        // 信息 takes four columns, é written with a combining accent one, a tab stays a tab.
        assert_eq!(d("信息: x", 5), "   |       ^");
        assert_eq!(d("e\u{301}t: x", 5), "   |    ^");
        assert_eq!(d("\tkey: x", 2), "   | \t^");
    }

    #[test]
    fn a_message_and_a_hint_stay_on_one_line() {
        let d = Diagnostic::error("f", "Expected one of \"\n | \u{0}\"").hint("a\tb");
        assert_eq!(d.message, r#"Expected one of "\n | \u{0}""#);
        assert_eq!(d.hint.as_deref(), Some(r"a\tb"));
        assert_eq!(d.to_string().lines().nth(1), Some("  --> f"));
    }
}
