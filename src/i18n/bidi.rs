//! Left-to-right islands in right-to-left text.
//!
//! In an Arabic sentence, `+41 22 730 6240` or `WSIS Forum 2021/01` would be reordered by
//! the Unicode bidi algorithm (the phone number reads `6240 730 22 41+`). Wrapping each
//! such island in `<bdi dir="ltr">` isolates it. [`isolate_ltr`] finds the islands that
//! need it: runs with Latin letters, e-mail and web addresses, and groups of digits
//! separated by spaces. Plain numbers and ranges (`2021`, `17-21`, `70/125`) are left
//! alone: the bidi algorithm already keeps them in order.

/// Escapes `text` for HTML and wraps its left-to-right islands in `<bdi dir="ltr">`.
/// Returns `None` when there is no island, so callers can keep the text as it was.
pub fn isolate_ltr(text: &str) -> Option<String> {
    let islands = find_islands(text);
    if islands.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len() + islands.len() * 24);
    let mut last = 0;
    for (start, end) in islands {
        escape_into(&text[last..start], &mut out);
        out.push_str("<bdi dir=\"ltr\">");
        escape_into(&text[start..end], &mut out);
        out.push_str("</bdi>");
        last = end;
    }
    escape_into(&text[last..], &mut out);
    Some(out)
}

/// Byte ranges of the islands that need isolating.
pub fn find_islands(text: &str) -> Vec<(usize, usize)> {
    let mut islands = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let starts_island = is_latin_alnum(c)
            || (c == '+' && chars.peek().is_some_and(|&(_, n)| n.is_ascii_digit()));
        if !starts_island {
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut last_alnum_end = if is_latin_alnum(c) { end } else { start };
        while let Some(&(i, n)) = chars.peek() {
            if is_latin_alnum(n) {
                last_alnum_end = i + n.len_utf8();
            } else if !is_inner(n) {
                break;
            }
            end = i + n.len_utf8();
            chars.next();
        }
        let _ = end;
        let run = &text[start..last_alnum_end];
        if needs_isolation(run) {
            islands.push((start, last_alnum_end));
        }
    }
    islands
}

fn is_latin_alnum(c: char) -> bool {
    // The range test comes first: `is_alphabetic` is a table lookup for non-ASCII text,
    // and RTL pages are made of non-ASCII text.
    c.is_ascii_alphanumeric() || (('\u{00C0}'..='\u{024F}').contains(&c) && c.is_alphabetic())
}

/// Characters that may stand inside an island, between letters or digits.
fn is_inner(c: char) -> bool {
    matches!(
        c,
        ' ' | '.'
            | ','
            | ':'
            | '/'
            | '@'
            | '+'
            | '-'
            | '_'
            | '%'
            | '&'
            | '='
            | '?'
            | '#'
            | '~'
            | '\''
    )
}

fn needs_isolation(run: &str) -> bool {
    let has_letter = run.chars().any(|c| c.is_alphabetic());
    let spaced_digits = run
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b' ' && w[2].is_ascii_digit());
    has_letter || run.contains('@') || spaced_digits || run.starts_with('+')
}

/// Escapes `<`, `>`, `&` and `"` for HTML text and attribute values.
pub fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn islands(text: &str) -> Vec<&str> {
        find_islands(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn isolates_what_bidi_would_scramble() {
        assert_eq!(islands("الهاتف: +41 22 730 6240"), ["+41 22 730 6240"]);
        assert_eq!(
            islands("المرجع: WSIS Forum 2021/01"),
            ["WSIS Forum 2021/01"]
        );
        assert_eq!(islands("البريد: wsis-info@itu.int."), ["wsis-info@itu.int"]);
        assert_eq!(islands("جائحة (COVID-19) في"), ["COVID-19"]);
        assert_eq!(islands("في: www.wsis.org/forum."), ["www.wsis.org/forum"]);
    }

    #[test]
    fn leaves_numbers_and_ranges_alone() {
        assert!(islands("17-21 مايو 2021").is_empty());
        assert!(islands("القرار 70/125 للجمعية").is_empty());
    }

    #[test]
    fn escapes_while_wrapping() {
        assert_eq!(
            isolate_ltr("أ <ITU> ب").unwrap(),
            "أ &lt;<bdi dir=\"ltr\">ITU</bdi>&gt; ب"
        );
    }
}
