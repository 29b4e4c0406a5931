//! The status report as a table people read at a glance, or as JSON.

use std::fmt::Write;

use super::{DataState, Format, MessageState, PageState, StatusReport};

/// Renders the report.
pub fn render(report: &StatusReport, format: Format) -> String {
    match format {
        Format::Json => {
            let mut text = serde_json::to_string_pretty(report).unwrap_or_default();
            text.push('\n');
            text
        }
        Format::Table => table(report),
    }
}

const CELL: usize = 10;

fn page_cell(state: PageState) -> &'static str {
    match state {
        PageState::Translated => "✓",
        PageState::Stale => "stale",
        PageState::Fallback => "fallback",
        PageState::Missing => "missing",
    }
}

fn message_cell(state: MessageState) -> &'static str {
    match state {
        MessageState::Translated => "✓",
        MessageState::Untranslated => "untranslated",
        MessageState::Fallback => "fallback",
        MessageState::Missing => "missing",
    }
}

/// Pads by characters, not bytes (`✓` is three bytes).
fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(n) + 1))
}

fn header(out: &mut String, title: &str, first: usize, report: &StatusReport, last: Option<&str>) {
    let mut line = pad(title, first);
    for lang in &report.languages {
        line.push_str(&pad(lang, CELL));
    }
    if let Some(last) = last {
        line.push_str(last);
    }
    let _ = writeln!(out, "{}", line.trim_end());
}

fn table(report: &StatusReport) -> String {
    let mut out = String::new();
    let first = report
        .pages
        .iter()
        .map(|p| p.page.chars().count())
        .chain([24])
        .max()
        .unwrap_or(24);
    header(&mut out, "Pages", first, report, Some("source hash"));
    for row in &report.pages {
        let mut line = pad(&row.page, first);
        for cell in &row.languages {
            line.push_str(&pad(page_cell(cell.state), CELL));
        }
        line.push_str(row.source_hash.as_deref().unwrap_or("-"));
        let _ = writeln!(out, "{line}");
    }
    let n = report.pages.len();
    type Count = fn(&super::Totals) -> usize;
    let totals: [(&str, Count); 4] = [
        ("translated", |t| t.translated),
        ("stale", |t| t.stale),
        ("fallback", |t| t.fallback),
        ("missing", |t| t.missing),
    ];
    for (name, count) in totals {
        let mut line = pad(&format!("  {name}"), first);
        for t in &report.totals {
            line.push_str(&pad(&format!("{}/{n}", count(t)), CELL));
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out.push('\n');

    let incomplete: Vec<_> = report
        .messages
        .iter()
        .filter(|m| {
            m.languages
                .iter()
                .any(|(_, s)| *s != MessageState::Translated)
        })
        .collect();
    let first = incomplete
        .iter()
        .map(|m| m.id.chars().count())
        .chain([24])
        .max()
        .unwrap_or(24);
    header(&mut out, "Fluent messages", first, report, None);
    for row in &incomplete {
        let mut line = pad(&row.id, first);
        for (_, state) in &row.languages {
            line.push_str(&pad(message_cell(*state), CELL));
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    let complete = report.messages.len() - incomplete.len();
    if complete > 0 {
        let verb = if complete == 1 { " is" } else { "s are" };
        let _ = writeln!(
            out,
            "  ({complete} other message{verb} translated in every language)"
        );
    }
    let m = report.messages.len();
    let mut line = pad("  translated", first);
    for t in &report.totals {
        line.push_str(&pad(&format!("{}/{m}", t.messages_translated), CELL));
    }
    let _ = writeln!(out, "{}", line.trim_end());
    if report.totals.iter().any(|t| t.messages_untranslated > 0) {
        let mut line = pad("  untranslated", first);
        for t in &report.totals {
            line.push_str(&pad(&format!("{}/{m}", t.messages_untranslated), CELL));
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    data(&mut out, report);
    if !report.git {
        let _ = writeln!(
            out,
            "\n(not a git checkout: stale translations are found only through `translated_from`)"
        );
    }
    out
}

fn data_cell(state: DataState) -> &'static str {
    match state {
        DataState::Translated => "✓",
        DataState::Fallback => "fallback",
        DataState::Missing => "missing",
    }
}

/// The data texts some language lacks, each at its file and line, and the totals.
fn data(out: &mut String, report: &StatusReport) {
    let n = report
        .totals
        .first()
        .map_or(0, |t| t.data_translated + t.data_fallback + t.data_missing);
    if n == 0 {
        return;
    }
    let place = |r: &super::DataRow| format!("{}:{} {}.{}", r.file, r.line, r.record, r.field);
    let first = report
        .data
        .iter()
        .map(|r| place(r).chars().count())
        .chain([24])
        .max()
        .unwrap_or(24);
    out.push('\n');
    header(out, "Data texts", first, report, None);
    for row in &report.data {
        let mut line = pad(&place(row), first);
        for (_, state) in &row.languages {
            line.push_str(&pad(data_cell(*state), CELL));
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    let mut line = pad("  translated", first);
    for t in &report.totals {
        line.push_str(&pad(&format!("{}/{n}", t.data_translated), CELL));
    }
    let _ = writeln!(out, "{}", line.trim_end());
}
