//! The iCalendar text format (RFC 5545): content lines, escaping and folding.
//!
//! The traps are all here: TEXT values escape `\`, `;`, `,` and newlines; a content line
//! longer than 75 octets is folded with CRLF and a space, and never inside a UTF-8
//! character (an Arabic or Chinese title is 2–3 octets a character); every line ends with
//! CRLF.

/// A calendar being written, line by line.
#[derive(Default)]
pub struct Writer {
    out: String,
}

impl Writer {
    /// An empty calendar text.
    pub fn new() -> Writer {
        Writer::default()
    }

    /// A property whose value is written as is (dates, numbers, URIs, enumerations).
    pub fn raw(&mut self, name: &str, params: &[(&str, &str)], value: &str) {
        let mut line = String::with_capacity(name.len() + value.len() + 16);
        line.push_str(name);
        for (key, param) in params {
            line.push(';');
            line.push_str(key);
            line.push('=');
            line.push_str(&param_value(param));
        }
        line.push(':');
        line.push_str(value);
        fold_into(&line, &mut self.out);
    }

    /// A property of type TEXT, escaped.
    pub fn text(&mut self, name: &str, params: &[(&str, &str)], value: &str) {
        self.raw(name, params, &escape_text(value));
    }

    /// Lines written by another writer.
    pub fn append(&mut self, lines: &str) {
        self.out.push_str(lines);
    }

    /// `BEGIN:<component>`.
    pub fn begin(&mut self, component: &str) {
        self.raw("BEGIN", &[], component);
    }

    /// `END:<component>`.
    pub fn end(&mut self, component: &str) {
        self.raw("END", &[], component);
    }

    /// The finished text.
    pub fn finish(self) -> String {
        self.out
    }
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Quotes a parameter value when it holds `:`, `;` or `,` (§3.2); drops `"`, which no
/// parameter value may contain.
fn param_value(value: &str) -> String {
    let clean: String = value
        .chars()
        .filter(|&c| c != '"' && !c.is_control())
        .collect();
    if clean.contains([':', ';', ',']) {
        format!("\"{clean}\"")
    } else {
        clean
    }
}

/// Appends `line` folded to 75 octets a line, each line ended by CRLF (§3.1).
fn fold_into(line: &str, out: &mut String) {
    let mut rest = line;
    let mut limit = 75;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // The leading space of a continuation line counts towards its 75 octets.
        limit = 74;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_values() {
        assert_eq!(
            escape_text("a, b; c\\d\nnext\r\nlast"),
            "a\\, b\\; c\\\\d\\nnext\\nlast"
        );
    }

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let mut w = Writer::new();
        let title = "منتدى القمة العالمية لمجتمع المعلومات لعام 2021، الأسبوع الأخير من المنتدى";
        w.text("SUMMARY", &[("LANGUAGE", "ar")], title);
        let text = w.finish();
        for line in text.split_terminator("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = text.replace("\r\n ", "");
        assert_eq!(
            unfolded,
            format!("SUMMARY;LANGUAGE=ar:{}\r\n", escape_text(title))
        );
        assert!(text.lines().count() > 1);
    }

    #[test]
    fn quotes_parameter_values_with_separators() {
        let mut w = Writer::new();
        w.raw("X-TEST", &[("ALTREP", "https://e.org/a,b")], "v");
        assert_eq!(w.finish(), "X-TEST;ALTREP=\"https://e.org/a,b\":v\r\n");
    }
}
