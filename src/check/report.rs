//! The check report for people (grouped by file) and for machines (JSON).

use std::fmt::Write;

use serde::Serialize;

use super::CheckReport;
use crate::error::Severity;

/// How a report is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Text for people.
    #[default]
    Table,
    /// JSON for machines.
    Json,
}

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Format, String> {
        match s {
            "table" => Ok(Format::Table),
            "json" => Ok(Format::Json),
            other => Err(format!("`{other}` is not a format: use `table` or `json`")),
        }
    }
}

#[derive(Serialize)]
struct JsonReport<'a> {
    errors: usize,
    warnings: usize,
    files: Vec<JsonFile<'a>>,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    file: String,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: &'static str,
    line: usize,
    column: usize,
    message: &'a str,
    snippet: Option<&'a str>,
    hint: Option<&'a str>,
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// Renders the report.
pub fn render(report: &CheckReport, format: Format) -> String {
    match format {
        Format::Json => {
            let json = JsonReport {
                errors: report.errors(),
                warnings: report.warnings(),
                files: report
                    .by_file()
                    .into_iter()
                    .map(|(file, ds)| JsonFile {
                        file: file.display().to_string(),
                        diagnostics: ds
                            .into_iter()
                            .map(|d| JsonDiagnostic {
                                severity: severity(d.severity),
                                line: d.line,
                                column: d.column,
                                message: &d.message,
                                snippet: d.snippet.as_deref(),
                                hint: d.hint.as_deref(),
                            })
                            .collect(),
                    })
                    .collect(),
            };
            let mut text = serde_json::to_string_pretty(&json).unwrap_or_default();
            text.push('\n');
            text
        }
        Format::Table => table(report),
    }
}

fn table(report: &CheckReport) -> String {
    let mut out = String::new();
    let files = report.by_file();
    for (file, ds) in &files {
        let _ = writeln!(out, "{}", file.display());
        for d in ds {
            let place = match (d.line, d.column) {
                (0, _) => String::new(),
                (l, 0) => format!("{l}"),
                (l, c) => format!("{l}:{c}"),
            };
            let _ = writeln!(
                out,
                "  {place:>7}  {:<7}  {}",
                severity(d.severity),
                d.message
            );
            if let Some(snippet) = &d.snippet {
                let _ = writeln!(out, "  {:>7}  {:<7}  | {}", "", "", snippet.trim());
            }
            if let Some(hint) = &d.hint {
                let _ = writeln!(out, "  {:>7}  {:<7}  = hint: {hint}", "", "");
            }
        }
        out.push('\n');
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let _ = writeln!(
        out,
        "{}, {} in {}",
        plural(report.errors(), "error"),
        plural(report.warnings(), "warning"),
        plural(files.len(), "file")
    );
    out
}
