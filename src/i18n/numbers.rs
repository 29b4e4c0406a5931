//! CLDR number formatting for Fluent: fluent-rs prints numbers as Rust does (`1234.5`),
//! so the bundles are given ICU4X's decimal formatter, memoized per language.

use fixed_decimal::{Decimal, FloatPrecision};
use fluent_bundle::FluentValue;
use icu_decimal::DecimalFormatter;
use intl_memoizer::Memoizable;
use unic_langid::LanguageIdentifier;

struct NumberFormatter(DecimalFormatter);

impl Memoizable for NumberFormatter {
    type Args = ();
    type Error = ();

    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, ()> {
        let locale = icu_locale::Locale::try_from_str(&lang.to_string()).map_err(|_| ())?;
        DecimalFormatter::try_new(locale.into(), Default::default())
            .map(NumberFormatter)
            .map_err(|_| ())
    }
}

/// The formatter hook given to every bundle.
pub fn format_number(
    value: &FluentValue<'_>,
    memoizer: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let mut decimal = Decimal::try_from_f64(number.value, FloatPrecision::RoundTrip).ok()?;
    if let Some(min) = number.options.minimum_fraction_digits {
        decimal.pad_end(-(min as i16));
    }
    memoizer
        .with_try_get::<NumberFormatter, _, _>((), |f| f.0.format(&decimal).to_string())
        .ok()
}
