//! CLDR's interval formats, compiled in: `cldr-intervals.txt`, written by
//! `scripts/cldr-intervals.py` from the CLDR version ICU4X's data carries (see the
//! file's first line), so ranges and single dates come from one CLDR.
//!
//! The file lists each locale's differences from its CLDR parent; [`Table::for_locale`]
//! finds the nearest locale that has data with ICU4X's locale fallback (`ar-JO` → `ar`,
//! `en-GB` → `en-001`, `es-MX` → `es-419`) and merges its chain of parents.

use std::collections::HashMap;
use std::sync::OnceLock;

use icu_locale::LocaleFallbacker;
use icu_locale::fallback::LocaleFallbackConfig;

const DATA: &str = include_str!("cldr-intervals.txt");

/// The CLDR version of the interval data (`49`), from the file's first line.
pub fn cldr_version() -> &'static str {
    DATA.lines()
        .next()
        .and_then(|l| l.strip_prefix("# CLDR "))
        .and_then(|l| l.split_whitespace().next())
        .unwrap_or("?")
}

struct Record {
    parent: Option<&'static str>,
    fallback: Option<&'static str>,
    entries: &'static str,
}

struct Parsed {
    patterns: Vec<&'static str>,
    locales: HashMap<&'static str, Record>,
}

fn parsed() -> &'static Parsed {
    static PARSED: OnceLock<Parsed> = OnceLock::new();
    PARSED.get_or_init(|| {
        let mut patterns = Vec::new();
        let mut locales = HashMap::new();
        for line in DATA.lines() {
            let mut fields = line.split('\t');
            match fields.next() {
                Some("P") => patterns.push(fields.next().unwrap_or_default()),
                Some("L") => {
                    let (Some(locale), Some(parent), Some(fallback)) =
                        (fields.next(), fields.next(), fields.next())
                    else {
                        continue;
                    };
                    let record = Record {
                        parent: (parent != "-").then_some(parent),
                        fallback: fallback.parse::<usize>().ok().map(|i| patterns[i]),
                        entries: fields.next().unwrap_or_default(),
                    };
                    locales.insert(locale, record);
                }
                _ => {}
            }
        }
        Parsed { patterns, locales }
    })
}

/// The interval formats of one locale, with what it inherits.
#[derive(Debug, Default)]
pub struct Table {
    /// The intervalFormatFallback (`{0} – {1}`).
    pub fallback: &'static str,
    /// skeleton → (greatest different field → interval pattern).
    pub skeletons: HashMap<&'static str, Vec<(char, &'static str)>>,
}

impl Table {
    /// The table of the nearest locale that has data (the root's at worst).
    pub fn for_locale(locale: &icu_locale::Locale) -> Table {
        let data = parsed();
        let mut found = "und";
        let fallbacker = LocaleFallbacker::new().for_config(LocaleFallbackConfig::default());
        let mut chain = fallbacker.fallback_for(locale.into());
        loop {
            let candidate = chain.get();
            if candidate.is_unknown() {
                break;
            }
            let name = candidate.to_string();
            if let Some((key, _)) = data.locales.get_key_value(name.as_str()) {
                found = key;
                break;
            }
            chain.step();
        }
        Table::resolve(data, found)
    }

    fn resolve(data: &'static Parsed, locale: &'static str) -> Table {
        let mut table = Table::default();
        let mut next = Some(locale);
        while let Some(name) = next {
            let Some(record) = data.locales.get(name) else {
                break;
            };
            if table.fallback.is_empty() {
                table.fallback = record.fallback.unwrap_or_default();
            }
            for entry in record.entries.split(' ').filter(|e| !e.is_empty()) {
                let Some((key, index)) = entry.split_once('=') else {
                    continue;
                };
                let Some((skeleton, field)) = key.split_once('.') else {
                    continue;
                };
                let (Some(field), Some(pattern)) = (
                    field.chars().next(),
                    index
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| data.patterns.get(i)),
                ) else {
                    continue;
                };
                let fields = table.skeletons.entry(skeleton).or_default();
                // The child's entry was seen first and wins.
                if !fields.iter().any(|(f, _)| *f == field) {
                    fields.push((field, pattern));
                }
            }
            next = record.parent;
        }
        if table.fallback.is_empty() {
            table.fallback = "{0} – {1}";
        }
        table
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(locale: &str) -> Table {
        Table::for_locale(&locale.parse().unwrap())
    }

    fn pattern(t: &Table, skeleton: &str, field: char) -> &'static str {
        t.skeletons[skeleton]
            .iter()
            .find(|(f, _)| *f == field)
            .unwrap()
            .1
    }

    #[test]
    fn locales_inherit_from_their_cldr_parents() {
        assert_eq!(cldr_version(), "49");
        let gb = table("en-GB");
        assert_eq!(pattern(&gb, "yMMMd", 'd'), "d\u{2009}–\u{2009}d MMM y");
        // en-GB inherits yMMMM from en through en-001.
        assert_eq!(pattern(&gb, "yMMMM", 'y'), "MMMM y\u{2009}–\u{2009}MMMM y");
        assert_eq!(
            pattern(&table("en-US"), "yMMMd", 'd'),
            "MMM d\u{2009}–\u{2009}d, y"
        );
        // ar-JO has no formats of its own: those of ar.
        assert_eq!(pattern(&table("ar-JO-u-nu-arab"), "Hm", 'H'), "HH:mm–HH:mm");
        assert_eq!(table("fa").fallback, "{0} تا {1}");
        assert_eq!(table("tlh").fallback, table("und").fallback);
    }
}
