//! Positions in a data file, found after parsing.
//!
//! serde keeps no positions of values, yet a dangling id or an end before the start must
//! be reported at its line and column. Data files are lists of records written in block
//! style, so a light scan is enough: [`Records`] finds where each top-level `- ` item
//! starts, and inside a record finds a key (`track:`), a nested key (`title:` → `de:`)
//! or an item of a list (`people: [a, b]` or `- b` lines), and the column of its value.
//! Where the scan finds nothing, it points at the record itself.

/// The top-level records of one data file.
pub struct Records<'a> {
    lines: Vec<&'a str>,
    /// 0-based line index of each record's `- `.
    starts: Vec<usize>,
}

/// A 1-based line and column.
pub type Position = (usize, usize);

impl<'a> Records<'a> {
    /// Scans `text`, a YAML list of mappings.
    pub fn new(text: &'a str) -> Records<'a> {
        let lines: Vec<&str> = text.lines().collect();
        let starts = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.starts_with("- ") || **l == "-")
            .map(|(i, _)| i)
            .collect();
        Records { lines, starts }
    }

    /// Where record `index` starts (its first key).
    pub fn record(&self, index: usize) -> Position {
        match self.starts.get(index) {
            Some(&line) => (line + 1, 3),
            None => (1, 1),
        }
    }

    fn range(&self, index: usize) -> (usize, usize) {
        let start = self.starts.get(index).copied().unwrap_or(0);
        let end = self
            .starts
            .get(index + 1)
            .copied()
            .unwrap_or(self.lines.len());
        (start, end)
    }

    /// The value of `path` (`["end"]`, `["title", "de"]`) in record `index`.
    pub fn value(&self, index: usize, path: &[&str]) -> Position {
        let (mut from, mut to) = self.range(index);
        let (mut min, mut max) = (0, 2);
        let mut found = None;
        for key in path {
            let Some((line, key_col, value_col)) = self.find_key(from, to, (min, max), key) else {
                return found.unwrap_or_else(|| self.record(index));
            };
            found = Some(self.position(line, value_col));
            (min, max) = (key_col + 1, usize::MAX);
            from = line;
            to = self.block_end(line, key_col, to);
        }
        found.unwrap_or_else(|| self.record(index))
    }

    /// The item `item` of the list under `key` in record `index`, written either as a
    /// flow list (`people: [a, b]`) or as `- b` lines.
    pub fn item(&self, index: usize, key: &str, item: &str) -> Position {
        let (from, to) = self.range(index);
        let Some((line, key_col, value_col)) = self.find_key(from, to, (0, 2), key) else {
            return self.record(index);
        };
        let text = self.lines[line];
        if let Some(col) = token_column(text, value_col, item) {
            return self.position(line, col);
        }
        let end = self.block_end(line, key_col, to);
        for (i, l) in self.lines.iter().enumerate().take(end).skip(line + 1) {
            let trimmed = l.trim_start();
            if let Some(rest) = trimmed.strip_prefix("- ") {
                if unquote(rest.split(" #").next().unwrap_or(rest).trim()) == item {
                    return self.position(i, l.len() - trimmed.len() + 2);
                }
            }
        }
        self.position(line, value_col)
    }

    /// 1-based line and character column of byte `col` on line `line` (0-based).
    fn position(&self, line: usize, col: usize) -> Position {
        let text = self.lines[line];
        let mut col = col.min(text.len());
        while !text.is_char_boundary(col) {
            col -= 1;
        }
        (line + 1, text[..col].chars().count() + 1)
    }

    /// Finds `key:` indented between `min` and `max` columns in lines `from..to`: the
    /// line, the key's byte column and the value's byte column. A key may also sit inside
    /// a flow mapping on the first line (`title: {en: …, de: …}`).
    fn find_key(
        &self,
        from: usize,
        to: usize,
        (min, max): (usize, usize),
        key: &str,
    ) -> Option<(usize, usize, usize)> {
        for i in from..to.min(self.lines.len()) {
            let line = self.lines[i];
            let body = line.trim_start_matches([' ', '-']);
            let col = line.len() - body.len();
            if col >= min && col <= max && !body.starts_with('#') {
                if let Some(value_col) = after_key(line, col, key) {
                    return Some((i, col, value_col));
                }
            }
            // A flow mapping on the line of its parent key.
            if i == from {
                let pattern = format!("{key}:");
                let mut search = col;
                while let Some(pos) = line[search..].find(&pattern) {
                    let at = search + pos;
                    let before = line[..at].trim_end().chars().last();
                    if at > col && matches!(before, Some('{') | Some(',')) {
                        let value_col = at + pattern.len() + line[at + pattern.len()..].len()
                            - line[at + pattern.len()..].trim_start().len();
                        return Some((i, at, value_col));
                    }
                    search = at + pattern.len();
                }
            }
        }
        None
    }

    /// The first line after `line` that is not indented deeper than `key_col`.
    fn block_end(&self, line: usize, key_col: usize, limit: usize) -> usize {
        for i in line + 1..limit.min(self.lines.len()) {
            let l = self.lines[i];
            let body = l.trim_start();
            if body.is_empty() || body.starts_with('#') {
                continue;
            }
            if l.len() - body.len() <= key_col
                && !(body.starts_with("- ") && l.len() - body.len() == key_col)
            {
                return i;
            }
        }
        limit.min(self.lines.len())
    }
}

/// The value of top-level `key` in a file holding one mapping (`event.yaml`).
pub fn top_level(text: &str, key: &str) -> Position {
    for (i, line) in text.lines().enumerate() {
        if let Some(col) = after_key(line, 0, key) {
            return (i + 1, line[..col].chars().count() + 1);
        }
    }
    (1, 1)
}

/// The byte column of the value when `line` has `key:` at byte `col`.
fn after_key(line: &str, col: usize, key: &str) -> Option<usize> {
    let rest = line[col..].strip_prefix(key)?;
    let rest = rest.strip_prefix(':')?;
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let value = rest.trim_start();
    Some(line.len() - value.len())
}

/// The byte column of `token` as a whole item in the flow list or scalar from `from`.
fn token_column(line: &str, from: usize, token: &str) -> Option<usize> {
    let mut search = from;
    while let Some(pos) = line.get(search..)?.find(token) {
        let at = search + pos;
        let before = line[..at].chars().last();
        let after = line[at + token.len()..].chars().next();
        let edge =
            |c: Option<char>| c.is_none_or(|c| matches!(c, ' ' | '[' | ']' | ',' | '"' | '\''));
        if edge(before) && edge(after) {
            return Some(at);
        }
        search = at + token.len();
    }
    None
}

fn unquote(text: &str) -> &str {
    text.trim_matches(['"', '\''])
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# sessions\n- id: a\n  title: {en: A, de: B}\n  people: [x, yz]\n- id: b\n  title:\n    en: B\n    de: C\n  end: 2021-05-18T10:00\n  people:\n    - x\n    - \"q\"\n";

    #[test]
    fn finds_keys_nested_keys_and_items() {
        let r = Records::new(TEXT);
        assert_eq!(r.record(1), (5, 3));
        assert_eq!(r.value(1, &["end"]), (9, 8));
        assert_eq!(r.value(1, &["title", "de"]), (8, 9));
        assert_eq!(r.value(0, &["title", "de"]), (3, 22));
        assert_eq!(r.item(0, "people", "yz"), (4, 15));
        assert_eq!(r.item(1, "people", "q"), (12, 7));
        assert_eq!(r.value(1, &["missing"]), (5, 3));
    }
}
