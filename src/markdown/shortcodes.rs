//! Finding shortcode calls in Markdown, as Zola writes them:
//!
//! ```text
//! {{ video(id="dQw4w9WgXcQ", title="Opening") }}      inline: replaced by the template's HTML
//! {% note(kind="warning") %}                           with a body: the Markdown between the
//! Registration closes on **1 May**.                    tags is rendered and given to the
//! {% end %}                                            template as `body`
//! {{/* video(id="x") */}}                              written out as `{{ video(id="x") }}`
//! ```
//!
//! Arguments are `name=value`: a string in double or single quotes, a number, `true` or
//! `false`, or a list of these in brackets. Calls inside code (fenced blocks and
//! backtick spans) are text. [`expand`] replaces each call with a placeholder element
//! that the renderer swaps for the call's HTML, and keeps the map from positions in the
//! expanded text back to the original, so that every diagnostic points at the text as
//! written.

use std::collections::BTreeMap;

use serde_json::Value;

/// One call found in the text.
#[derive(Debug, Clone)]
pub struct Found {
    /// The shortcode's name.
    pub name: String,
    /// Its arguments.
    pub args: BTreeMap<String, Value>,
    /// A block call's body: its byte offset in the original text, and its Markdown.
    pub body: Option<(usize, String)>,
    /// Byte offset of the call in the original text.
    pub offset: usize,
}

/// The text with its calls replaced by placeholders.
#[derive(Debug, Default)]
pub struct Expanded {
    /// The text to render.
    pub text: String,
    /// The calls, in order: call `i` is the element `<hexaglot-shortcode-i>`.
    pub calls: Vec<Found>,
    /// Malformed calls: offset in the original text, message, hint.
    pub errors: Vec<(usize, String, String)>,
    /// Replacements: (offset in `text`, offset in the original, length in `text`,
    /// length in the original), in order.
    map: Vec<(usize, usize, usize, usize)>,
}

/// The placeholder element of call `i`.
pub fn placeholder(i: usize) -> String {
    format!("<hexaglot-shortcode-{i}>")
}

/// The call number of a placeholder, if `html` is one (with surrounding whitespace).
pub fn placeholder_index(html: &str) -> Option<usize> {
    html.trim()
        .strip_prefix("<hexaglot-shortcode-")?
        .strip_suffix('>')?
        .parse()
        .ok()
}

impl Expanded {
    /// The offset in the original text of offset `at` of the expanded text.
    pub fn original(&self, at: usize) -> usize {
        let mut shift: isize = 0;
        for &(new, old, new_len, old_len) in &self.map {
            if at < new {
                break;
            }
            if at < new + new_len {
                return old;
            }
            shift = (old + old_len) as isize - (new + new_len) as isize;
        }
        (at as isize + shift).max(0) as usize
    }
}

/// Finds the calls of `text`.
pub fn expand(text: &str) -> Expanded {
    let mut out = Expanded::default();
    if !text.contains("{{") && !text.contains("{%") {
        out.text = text.to_string();
        return out;
    }
    let code = code_ranges(text);
    let mut i = 0;
    let mut copied = 0;
    while let Some(found) = next_open(text, i) {
        if let Some(&(_, end)) = code.iter().find(|(s, e)| found >= *s && found < *e) {
            i = end;
            continue;
        }
        let parsed = if text[found..].starts_with("{{/*") {
            literal(text, found)
        } else {
            call(text, found, &code)
        };
        match parsed {
            Parsed::NotACall => i = found + 2,
            Parsed::Error(message, hint) => {
                out.errors.push((found, message, hint));
                i = found + 2;
            }
            Parsed::Literal(end, shown) => {
                out.push(text, &mut copied, found, end, &shown);
                i = end;
            }
            Parsed::Call(end, mut call) => {
                let n = out.calls.len();
                let block = call.body.is_some();
                let replacement = if block {
                    format!("\n\n{}\n\n", placeholder(n))
                } else {
                    placeholder(n)
                };
                call.offset = found;
                out.calls.push(call);
                out.push(text, &mut copied, found, end, &replacement);
                i = end;
            }
        }
    }
    out.text.push_str(&text[copied..]);
    out
}

impl Expanded {
    fn push(&mut self, text: &str, copied: &mut usize, start: usize, end: usize, with: &str) {
        self.text.push_str(&text[*copied..start]);
        self.map
            .push((self.text.len(), start, with.len(), end - start));
        self.text.push_str(with);
        *copied = end;
    }
}

enum Parsed {
    NotACall,
    Error(String, String),
    Literal(usize, String),
    Call(usize, Found),
}

fn next_open(text: &str, from: usize) -> Option<usize> {
    let a = text[from..].find("{{").map(|i| i + from);
    let b = text[from..].find("{%").map(|i| i + from);
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// `{{/* name(…) */}}` → `{{ name(…) }}`.
fn literal(text: &str, start: usize) -> Parsed {
    match text[start..].find("*/}}") {
        Some(i) => {
            let inner = text[start + 4..start + i].trim();
            Parsed::Literal(start + i + 4, format!("{{{{ {inner} }}}}"))
        }
        None => Parsed::NotACall,
    }
}

const HINT: &str = "write shortcodes as {{ name(key=\"value\") }}, or {% name(key=\"value\") %}…{% end %} with a body";

fn call(text: &str, start: usize, code: &[(usize, usize)]) -> Parsed {
    let block = text[start..].starts_with("{%");
    let mut p = Cursor {
        text,
        at: start + 2,
    };
    p.spaces();
    let name = p.ident();
    if name.is_empty() || name == "end" && block {
        return if name == "end" {
            Parsed::Error(
                "`{% end %}` closes no shortcode".to_string(),
                HINT.to_string(),
            )
        } else {
            Parsed::NotACall
        };
    }
    p.spaces();
    if !p.eat("(") {
        return Parsed::NotACall;
    }
    let args = match p.args() {
        Ok(args) => args,
        Err(why) => {
            return Parsed::Error(format!("shortcode `{name}`: {why}"), HINT.to_string());
        }
    };
    p.spaces();
    let close = if block { "%}" } else { "}}" };
    if !p.eat(close) {
        return Parsed::Error(
            format!("shortcode `{name}`: `{close}` expected after the arguments"),
            HINT.to_string(),
        );
    }
    let mut found = Found {
        name: name.to_string(),
        args,
        body: None,
        offset: start,
    };
    if !block {
        return Parsed::Call(p.at, found);
    }
    match find_end(text, p.at, code) {
        Some((end_start, end_end)) => {
            found.body = Some((p.at, text[p.at..end_start].to_string()));
            Parsed::Call(end_end, found)
        }
        None => Parsed::Error(
            format!("shortcode `{name}` has no `{{% end %}}`"),
            "close a shortcode with a body with {% end %}".to_string(),
        ),
    }
}

/// The `{% end %}` that closes a block opened before `from`, past nested blocks.
fn find_end(text: &str, from: usize, code: &[(usize, usize)]) -> Option<(usize, usize)> {
    let mut depth = 0;
    let mut i = from;
    while let Some(rel) = text[i..].find("{%") {
        let at = i + rel;
        if code.iter().any(|(s, e)| at >= *s && at < *e) {
            i = at + 2;
            continue;
        }
        let mut p = Cursor { text, at: at + 2 };
        p.spaces();
        let word = p.ident();
        p.spaces();
        if word == "end" && p.eat("%}") {
            if depth == 0 {
                return Some((at, p.at));
            }
            depth -= 1;
        } else if !word.is_empty() && p.eat("(") {
            depth += 1;
        }
        i = at + 2;
    }
    None
}

struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }

    fn spaces(&mut self) {
        let rest = self.rest();
        self.at += rest.len() - rest.trim_start().len();
    }

    fn eat(&mut self, s: &str) -> bool {
        if self.rest().starts_with(s) {
            self.at += s.len();
            true
        } else {
            false
        }
    }

    fn ident(&mut self) -> &'a str {
        let rest = self.rest();
        let len = rest
            .char_indices()
            .find(|&(i, c)| {
                !(c.is_ascii_alphabetic()
                    || c == '_'
                    || (i > 0 && (c.is_ascii_digit() || c == '-')))
            })
            .map_or(rest.len(), |(i, _)| i);
        self.at += len;
        &rest[..len]
    }

    fn args(&mut self) -> Result<BTreeMap<String, Value>, String> {
        let mut args = BTreeMap::new();
        loop {
            self.spaces();
            if self.eat(")") {
                return Ok(args);
            }
            let key = self.ident();
            if key.is_empty() {
                return Err("an argument name (`key=value`) expected".to_string());
            }
            self.spaces();
            if !self.eat("=") {
                return Err(format!("`=` expected after `{key}`"));
            }
            self.spaces();
            let value = self.value()?;
            if args.insert(key.to_string(), value).is_some() {
                return Err(format!("the argument `{key}` is given twice"));
            }
            self.spaces();
            if !self.eat(",") {
                self.spaces();
                if self.eat(")") {
                    return Ok(args);
                }
                return Err("`,` or `)` expected".to_string());
            }
        }
    }

    fn value(&mut self) -> Result<Value, String> {
        let rest = self.rest();
        if let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') {
            return self.string(quote).map(Value::String);
        }
        if self.eat("[") {
            let mut list = Vec::new();
            loop {
                self.spaces();
                if self.eat("]") {
                    return Ok(Value::Array(list));
                }
                list.push(self.value()?);
                self.spaces();
                if !self.eat(",") {
                    self.spaces();
                    if self.eat("]") {
                        return Ok(Value::Array(list));
                    }
                    return Err("`,` or `]` expected in a list".to_string());
                }
            }
        }
        for (word, value) in [("true", Value::Bool(true)), ("false", Value::Bool(false))] {
            if rest.starts_with(word) {
                self.at += word.len();
                return Ok(value);
            }
        }
        let len = rest
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '+' | '.')))
            .unwrap_or(rest.len());
        let number = &rest[..len];
        if let Ok(n) = number.parse::<i64>() {
            self.at += len;
            return Ok(Value::from(n));
        }
        if let Some(n) = number
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
        {
            self.at += len;
            return Ok(Value::Number(n));
        }
        Err("a value expected: \"text\", a number, true, false or [a, list]".to_string())
    }

    fn string(&mut self, quote: char) -> Result<String, String> {
        self.at += 1;
        let mut out = String::new();
        let mut chars = self.rest().char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some((_, 'n')) => out.push('\n'),
                    Some((_, c)) => out.push(c),
                    None => break,
                },
                c if c == quote => {
                    self.at += i + 1;
                    return Ok(out);
                }
                '\n' => break,
                c => out.push(c),
            }
        }
        Err(format!("a string is not closed with {quote}"))
    }
}

/// Byte ranges of code in `text`: fenced blocks and backtick spans, where calls are text.
fn code_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut fence: Option<(usize, char, usize)> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        let marker = trimmed.chars().next().filter(|c| *c == '`' || *c == '~');
        let run = marker.map_or(0, |m| trimmed.chars().take_while(|c| *c == m).count());
        match fence {
            Some((start, m, n)) => {
                if indent < 4 && marker == Some(m) && run >= n && trimmed[run..].trim().is_empty() {
                    ranges.push((start, offset + line.len()));
                    fence = None;
                }
            }
            None if indent < 4 && run >= 3 => {
                fence = Some((offset, marker.expect("a run has a marker"), run));
            }
            None => spans(line, offset, &mut ranges),
        }
        offset += line.len();
    }
    if let Some((start, _, _)) = fence {
        ranges.push((start, text.len()));
    }
    ranges
}

/// Backtick spans within one line.
fn spans(line: &str, offset: usize, ranges: &mut Vec<(usize, usize)>) {
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'`' {
            i += 1;
            continue;
        }
        let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
        let open_end = i + run;
        let close = (open_end..bytes.len()).find(|&j| {
            bytes[j] == b'`'
                && bytes[j..].iter().take_while(|&&b| b == b'`').count() == run
                && (j == 0 || bytes[j - 1] != b'`')
        });
        match close {
            Some(j) => {
                ranges.push((offset + i, offset + j + run));
                i = j + run;
            }
            None => i = open_end,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_inline_and_block_calls_and_maps_offsets_back() {
        let text = "A {{ video(id=\"x_1\", start=30) }} b.\n\n{% note(kind='info') %}\nBody *here*.\n{% end %}\nAfter `{{ not(a=1) }}`.\n";
        let e = expand(text);
        assert!(e.errors.is_empty(), "{:?}", e.errors);
        assert_eq!(e.calls.len(), 2);
        assert_eq!(e.calls[0].name, "video");
        assert_eq!(e.calls[0].args["id"], "x_1");
        assert_eq!(e.calls[0].args["start"], 30);
        assert_eq!(e.calls[1].body.as_ref().unwrap().1.trim(), "Body *here*.");
        assert!(e.text.contains("`{{ not(a=1) }}`"));
        let after = e.text.find("After").unwrap();
        assert_eq!(e.original(after), text.find("After").unwrap());
        assert_eq!(
            e.original(e.text.find("<hexaglot-shortcode-0>").unwrap()),
            2
        );
    }

    #[test]
    fn malformed_calls_and_literals() {
        let e = expand("x {{ video(id=\"open) }}\n");
        assert_eq!(e.errors.len(), 1);
        assert_eq!(e.errors[0].0, 2);
        let e = expand("{% note() %}never closed\n");
        assert!(e.errors[0].1.contains("no `{% end %}`"), "{:?}", e.errors);
        let e = expand("{{/* video(id=\"x\") */}} and {{ plain braces }}");
        assert!(e.calls.is_empty() && e.errors.is_empty());
        assert!(e.text.starts_with("{{ video(id=\"x\") }}"), "{}", e.text);
        let e = expand("```\n{{ video(id=1) }}\n```\n");
        assert!(e.calls.is_empty());
    }
}
