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

/// The numbering system ICU4X uses for `locale` (`latn`, `arab`, `arabext`): its
/// default, or the one its `-u-nu-` keyword asks for. ICU4X tells it only through the
/// data it loads (its documented way: the last `DecimalDigitsV1` request names it).
pub fn numbering_system(locale: &icu_locale::Locale) -> Option<String> {
    use icu_decimal::provider::DecimalDigitsV1;
    use icu_provider::prelude::*;
    use std::any::TypeId;
    use std::cell::RefCell;

    struct Inspect(RefCell<Option<String>>);
    impl<M: DataMarker> DataProvider<M> for Inspect
    where
        icu_decimal::provider::Baked: DataProvider<M>,
    {
        fn load(&self, req: DataRequest) -> Result<DataResponse<M>, DataError> {
            if TypeId::of::<M>() == TypeId::of::<DecimalDigitsV1>() {
                *self.0.borrow_mut() = Some(req.id.marker_attributes.as_str().to_string());
            }
            icu_decimal::provider::Baked.load(req)
        }
    }
    let inspect = Inspect(RefCell::new(None));
    DecimalFormatter::try_new_unstable(&inspect, locale.into(), Default::default()).ok()?;
    inspect.0.into_inner().filter(|s| !s.is_empty())
}
