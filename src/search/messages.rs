//! The search page's messages, prepared for the browser.
//!
//! The result count is a Fluent message with plural variants (`search-results`), but
//! Fluent runs at build time and the count is known only in the browser. So the message
//! is formatted here once per CLDR plural category of the language, with a sample number
//! of that category, and the sample is replaced by `{count}`; the script picks the
//! category with `Intl.PluralRules` and puts the formatted count back. The message for
//! "no results" is formatted with `{query}` as the query.

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use serde::Serialize;

use crate::i18n::messages::{SEARCH_NO_RESULTS, SEARCH_RESULTS};
use crate::i18n::{ArgValue, Localizer, MessageError, fluent_args};

/// The search messages of one language.
#[derive(Debug, Clone, Serialize)]
pub struct SearchMessages {
    /// (CLDR plural category as `Intl.PluralRules` names it, text with `{count}`).
    pub results: Vec<PluralText>,
    /// The "no results" text, with `{query}`.
    pub no_results: String,
    /// The digits the count is written with (`latn`, `arab`), for `Intl.NumberFormat`.
    pub numbering: &'static str,
}

/// One plural form of the result count.
#[derive(Debug, Clone, Serialize)]
pub struct PluralText {
    /// `zero`, `one`, `two`, `few`, `many` or `other`.
    pub category: &'static str,
    /// The message, with `{count}` where the number goes.
    pub text: String,
}

/// Formats the search messages of `lang` (messages `search-results` and
/// `search-no-results`).
pub fn messages(localizer: &Localizer, lang: &str) -> Result<SearchMessages, MessageError> {
    let mut results = Vec::new();
    let mut numbering = "latn";
    for (category, sample) in plural_samples(lang) {
        let args = fluent_args([("count", ArgValue::Number(sample as f64))]);
        let text = localizer.format(lang, SEARCH_RESULTS.id, Some(&args))?;
        let (text, digits) = replace_number(&text, sample);
        numbering = digits.unwrap_or(numbering);
        results.push(PluralText { category, text });
    }
    let args = fluent_args([("query", ArgValue::Text("{query}".into()))]);
    let no_results = localizer.format(lang, SEARCH_NO_RESULTS.id, Some(&args))?;
    Ok(SearchMessages {
        results,
        no_results,
        numbering,
    })
}

/// The smallest whole number of each plural category of `lang` (CLDR cardinal rules).
fn plural_samples(lang: &str) -> Vec<(&'static str, u64)> {
    let langid: unic_langid::LanguageIdentifier = lang.parse().unwrap_or_default();
    let Ok(rules) = PluralRules::create(langid, PluralRuleType::CARDINAL) else {
        return vec![("other", 2)];
    };
    let mut samples: Vec<(&'static str, u64)> = Vec::new();
    for n in (0..=1000).chain([1_000_000]) {
        let Ok(category) = rules.select(n) else {
            continue;
        };
        let name = category_name(category);
        if !samples.iter().any(|(c, _)| *c == name) {
            samples.push((name, n));
        }
    }
    samples
}

fn category_name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

/// Replaces the first written form of `n` in `text` (with any grouping separators, in
/// Latin or Arabic-Indic digits) by `{count}`; also tells which digits it was written in.
/// A text that spells the number out (`one result`) is left as it is.
fn replace_number(text: &str, n: u64) -> (String, Option<&'static str>) {
    let wanted = n.to_string();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for start in 0..chars.len() {
        if digit_value(chars[start].1).is_none() {
            continue;
        }
        let mut digits = String::new();
        let mut end = start;
        while end < chars.len() {
            let c = chars[end].1;
            if let Some((d, _)) = digit_value(c) {
                digits.push(d);
            } else if !matches!(
                c,
                ',' | '.' | ' ' | '\u{A0}' | '\u{202F}' | '\u{066C}' | '\''
            ) || digit_value(chars.get(end + 1).map_or(' ', |p| p.1)).is_none()
            {
                break;
            }
            end += 1;
        }
        if digits == wanted {
            let from = chars[start].0;
            let to = chars.get(end).map_or(text.len(), |p| p.0);
            let system = digit_value(chars[start].1).map(|(_, s)| s);
            return (format!("{}{{count}}{}", &text[..from], &text[to..]), system);
        }
    }
    (text.to_string(), None)
}

/// An ASCII digit for a decimal digit of the Latin or Arabic scripts, and its system.
fn digit_value(c: char) -> Option<(char, &'static str)> {
    let (zero, system) = match c {
        '0'..='9' => ('0', "latn"),
        '\u{0660}'..='\u{0669}' => ('\u{0660}', "arab"),
        '\u{06F0}'..='\u{06F9}' => ('\u{06F0}', "arabext"),
        _ => return None,
    };
    char::from_digit(c as u32 - zero as u32, 10).map(|d| (d, system))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_cover_every_plural_category() {
        let ar: Vec<&str> = plural_samples("ar").into_iter().map(|(c, _)| c).collect();
        assert_eq!(ar, ["zero", "one", "two", "few", "many", "other"]);
        assert_eq!(plural_samples("ru"), [("many", 0), ("one", 1), ("few", 2)]);
    }

    #[test]
    fn replaces_the_sample_in_any_digits() {
        assert_eq!(
            replace_number("11 نتيجة", 11),
            ("{count} نتيجة".into(), Some("latn"))
        );
        assert_eq!(
            replace_number("١١ نتيجة", 11),
            ("{count} نتيجة".into(), Some("arab"))
        );
        assert_eq!(
            replace_number("1 000 000 de résultats", 1_000_000),
            ("{count} de résultats".into(), Some("latn"))
        );
        assert_eq!(
            replace_number("Un résultat", 1),
            ("Un résultat".into(), None)
        );
    }
}
