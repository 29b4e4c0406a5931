//! CLDR date pattern syntax, as far as interval formats need it: a pattern is a list of
//! fields (`MMM`, `d`, `HH`) and literal text (`'de'`, ` – `); a skeleton is a list of
//! fields without literals (`yMMMd`).
//!
//! An interval pattern (`d – d MMM y`) holds two patterns: it is cut before the first
//! field letter seen twice (UTS #35, "intervalFormats"). The literal text at the end of
//! the first half is the connector, except what the second half repeats after the same
//! field (`日` in `y年M月d日 – d日`), which belongs to the date.

/// One piece of a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// A field letter and its width (`MMM` is `('M', 3)`).
    Field(char, usize),
    /// Literal text, unquoted.
    Literal(String),
}

/// Splits a CLDR pattern into fields and literals (`'…'` quotes, `''` is one quote).
pub fn parse(pattern: &str) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    let mut chars = pattern.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if c == '\'' {
            if chars.peek() == Some(&'\'') {
                chars.next();
                push_literal(&mut items, '\'');
            } else {
                quoted = !quoted;
            }
        } else if !quoted && c.is_ascii_alphabetic() {
            match items.last_mut() {
                Some(Item::Field(letter, width)) if *letter == c => *width += 1,
                _ => items.push(Item::Field(c, 1)),
            }
        } else {
            push_literal(&mut items, c);
        }
    }
    items
}

fn push_literal(items: &mut Vec<Item>, c: char) {
    match items.last_mut() {
        Some(Item::Literal(text)) => text.push(c),
        _ => items.push(Item::Literal(c.to_string())),
    }
}

/// Writes items back as a pattern, quoting literals that hold letters or quotes.
pub fn write(items: &[Item]) -> String {
    let mut out = String::new();
    for item in items {
        match item {
            Item::Field(letter, width) => out.extend(std::iter::repeat_n(*letter, *width)),
            Item::Literal(text) if text.chars().any(|c| c.is_ascii_alphabetic() || c == '\'') => {
                out.push('\'');
                out.push_str(&text.replace('\'', "''"));
                out.push('\'');
            }
            Item::Literal(text) => out.push_str(text),
        }
    }
    out
}

/// The fields of a skeleton (`yMMMd` → y:1, M:3, d:1).
pub fn skeleton(text: &str) -> Vec<(char, usize)> {
    parse(text)
        .into_iter()
        .filter_map(|i| match i {
            Item::Field(c, n) => Some((c, n)),
            Item::Literal(_) => None,
        })
        .collect()
}

/// The kind of field a letter stands for, so that variants compare equal: stand-alone
/// months (`L`) are months, stand-alone and local weekdays (`c`, `e`) are weekdays, and
/// `k`/`K` are the 24- and 12-hour clocks of `H`/`h`.
pub fn kind(letter: char) -> char {
    match letter {
        'L' => 'M',
        'c' | 'e' => 'E',
        'k' => 'H',
        'K' => 'h',
        other => other,
    }
}

/// How far a skeleton is from the one asked for, or `None` when their fields differ.
/// A numeric field never stands in for a textual one (`M` for `MMM`): that costs more
/// than any difference of width.
pub fn distance(wanted: &[(char, usize)], candidate: &[(char, usize)]) -> Option<usize> {
    if wanted.len() != candidate.len() {
        return None;
    }
    let mut total = 0;
    for &(letter, width) in wanted {
        let &(_, other) = candidate.iter().find(|(c, _)| kind(*c) == kind(letter))?;
        total += if (width >= 3) != (other >= 3) {
            256
        } else {
            width.abs_diff(other)
        };
    }
    Some(total)
}

/// Lengthens the fields of `items` that have the width of the matched skeleton to the
/// width asked for (`MMM` → `MMMM` when `yMMMMd` is served by `yMMMd`), as ICU does.
pub fn widen(items: &[Item], wanted: &[(char, usize)], matched: &[(char, usize)]) -> Vec<Item> {
    let width_in = |fields: &[(char, usize)], letter: char| {
        fields
            .iter()
            .find(|(c, _)| kind(*c) == kind(letter))
            .map(|(_, n)| *n)
    };
    items
        .iter()
        .map(|item| match item {
            Item::Field(letter, width) => {
                match (width_in(wanted, *letter), width_in(matched, *letter)) {
                    (Some(w), Some(m)) if *width == m && w > m && (w >= 3) == (m >= 3) => {
                        Item::Field(*letter, w)
                    }
                    _ => item.clone(),
                }
            }
            Item::Literal(_) => item.clone(),
        })
        .collect()
}

/// The halves of an interval pattern: the start's pattern, the connector, the end's
/// pattern. `None` when no field repeats (not an interval pattern).
pub fn split(items: &[Item]) -> Option<(Vec<Item>, String, Vec<Item>)> {
    let mut seen = Vec::new();
    let cut = items.iter().position(|item| match item {
        Item::Field(letter, _) if seen.contains(letter) => true,
        Item::Field(letter, _) => {
            seen.push(*letter);
            false
        }
        Item::Literal(_) => false,
    })?;
    let (first, second) = items.split_at(cut);
    let last_field = first.iter().rposition(|i| matches!(i, Item::Field(..)))?;
    let Item::Field(letter, _) = first[last_field] else {
        return None;
    };
    let trailing: String = literal_text(&first[last_field + 1..]);
    // What follows the same field in the end's half belongs to the date, not the connector.
    let repeated = second
        .iter()
        .position(|i| matches!(i, Item::Field(c, _) if kind(*c) == kind(letter)))
        .map(|at| literal_text(&second[at + 1..]))
        .unwrap_or_default();
    let kept: String = trailing
        .chars()
        .zip(repeated.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a)
        .collect();
    let connector = trailing[kept.len()..].to_string();
    let mut start = first[..=last_field].to_vec();
    if !kept.is_empty() {
        start.push(Item::Literal(kept));
    }
    Some((start, connector, second.to_vec()))
}

/// The literal text at the start of `items`, up to the first field.
fn literal_text(items: &[Item]) -> String {
    items
        .iter()
        .map_while(|i| match i {
            Item::Literal(text) => Some(text.as_str()),
            Item::Field(..) => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn halves(pattern: &str) -> (String, String, String) {
        let (a, c, b) = split(&parse(pattern)).unwrap();
        (write(&a), c, write(&b))
    }

    #[test]
    fn patterns_round_trip_with_quotes() {
        let p = "d 'de' MMMM 'de' y 'o''clock'";
        assert_eq!(parse(&write(&parse(p))), parse(p));
        assert_eq!(write(&parse(p)), "d' de 'MMMM' de 'y' o''clock'");
        assert_eq!(
            parse("HH:mm"),
            [
                Item::Field('H', 2),
                Item::Literal(":".into()),
                Item::Field('m', 2)
            ]
        );
    }

    #[test]
    fn interval_patterns_split_at_the_first_repeated_field() {
        assert_eq!(
            halves("d\u{2009}–\u{2009}d MMM y"),
            ("d".into(), "\u{2009}–\u{2009}".into(), "d MMM y".into())
        );
        // 日 belongs to the start's date; only the dash joins.
        assert_eq!(
            halves("y年M月d日 – d日"),
            ("y年M月d日".into(), " – ".into(), "d日".into())
        );
        assert_eq!(
            halves("d.–d. MMM y"),
            ("d.".into(), "–".into(), "d. MMM y".into())
        );
        assert_eq!(
            halves("d MMM y\u{202f}г. — d MMM y\u{202f}г."),
            (
                "d MMM y\u{202f}г.".into(),
                " — ".into(),
                "d MMM y\u{202f}г.".into()
            )
        );
        assert_eq!(
            halves("ah:mm至ah:mm"),
            ("ah:mm".into(), "至".into(), "ah:mm".into())
        );
        assert_eq!(split(&parse("d MMM y")), None);
    }

    #[test]
    fn skeletons_match_by_kind_and_width() {
        let wanted = skeleton("yMMMMd");
        assert_eq!(distance(&wanted, &skeleton("yMMMd")), Some(1));
        assert_eq!(distance(&wanted, &skeleton("yMd")), Some(256));
        assert_eq!(distance(&wanted, &skeleton("yMMM")), None);
        let widened = widen(&parse("d MMM y"), &wanted, &skeleton("yMMMd"));
        assert_eq!(write(&widened), "d MMMM y");
        let standalone = widen(&parse("LLL y"), &wanted, &skeleton("yMMMd"));
        assert_eq!(write(&standalone), "LLLL y");
    }
}
