//! Functions that templates call: `t()` for Fluent messages, `format_date()` for CLDR
//! dates and ranges, `date_locale()` and `time_range_pattern()` for scripts that format
//! times in the browser, all in the language of the page being rendered (the context's
//! `lang`), `asset()` for the published URL of a static file, and the `bidi` filter
//! that isolates the left-to-right islands of right-to-left text.

use std::borrow::Cow;
use std::sync::{Arc, RwLock};

use rustc_hash::FxHashMap;
use tera::{Kwargs, State, TeraResult, Value};

use crate::assets::Assets;
use crate::content::PageDate;
use crate::i18n::dates::{Precision, RANGE_MESSAGE, date_or_range, own_message};
use crate::i18n::{ArgValue, Localizer, MessageError, fluent_args};

/// Registers `t`, `format_date`, `date_locale`, `time_range_pattern`, `asset`,
/// `picture` and `bidi`.
pub fn register(tera: &mut tera::Tera, localizer: Arc<Localizer>, assets: Arc<Assets>) {
    tera.register_filter("bidi", bidi);
    tera.register_function("picture", picture);
    tera.register_function("asset", move |kwargs: Kwargs, _: &State| {
        asset(&assets, kwargs)
    });
    let l = localizer.clone();
    let formatted = Formatted::default();
    tera.register_function("t", move |kwargs: Kwargs, state: &State| {
        translate(&l, &formatted, kwargs, state)
    });
    let l = localizer.clone();
    tera.register_function("format_date", move |kwargs: Kwargs, state: &State| {
        format_date(&l, kwargs, state)
    });
    let l = localizer.clone();
    tera.register_function("date_locale", move |kwargs: Kwargs, state: &State| {
        date_locale(&l, kwargs, state)
    });
    let l = localizer;
    let patterns = PerLanguage::default();
    tera.register_function(
        "time_range_pattern",
        move |kwargs: Kwargs, state: &State| time_range_pattern(&l, &patterns, kwargs, state),
    );
}

/// The language a function works in: its `lang=` argument, else the page's `lang`. A
/// string, read where it is (see [`as_text`]).
fn page_lang(kwargs: &Kwargs, state: &State) -> TeraResult<Value> {
    if let Some(lang) = kwargs.get::<Value>("lang")? {
        return Ok(lang);
    }
    state
        .get::<Value>("lang")?
        .ok_or_else(|| tera::Error::message("the template context has no `lang`"))
}

/// A value as text: a string as it is, anything else as Tera prints it (as Tera's own
/// `String` arguments read it, without the copy).
fn as_text(value: &Value) -> Cow<'_, str> {
    match value.as_str() {
        Some(s) => Cow::Borrowed(s),
        None => Cow::Owned(value.to_string()),
    }
}

/// The texts of `t()` by language, message and arguments: a message formats the same
/// for the same arguments on every page of a language (`t(key="skip-link")`,
/// `t(key="local-time", time="{time}")`), so it is formatted once. A language keeps at
/// most [`REMEMBERED`] texts, then starts again: arguments that change with every page
/// (a page's title) would otherwise be kept for every page. Its templates'
/// [`Localizer`] lives as long as this.
#[derive(Default)]
struct Formatted(RwLock<FxHashMap<String, FxHashMap<String, Value>>>);

/// See [`Formatted`].
const REMEMBERED: usize = 1024;

impl Formatted {
    /// What tells a call apart in a language: the message, then each argument's name
    /// and value, each preceded by its length (no text of an argument can pass for
    /// another's).
    fn call(key: &str, args: &[(&str, ArgValue)]) -> String {
        let mut call = key.to_string();
        let mut push = |text: &str| {
            call.push('\u{1f}');
            call.push_str(&text.len().to_string());
            call.push(':');
            call.push_str(text);
        };
        for (name, value) in args {
            push(name);
            match value {
                ArgValue::Number(n) => push(&format!("n{}", n.to_bits())),
                ArgValue::Text(t) => push(&format!("t{t}")),
            }
        }
        call
    }

    fn get(&self, lang: &str, call: &str) -> Option<Value> {
        let texts = self.0.read().unwrap_or_else(|e| e.into_inner());
        texts.get(lang)?.get(call).cloned()
    }

    fn keep(&self, lang: &str, call: String, text: &Value) {
        let mut texts = self.0.write().unwrap_or_else(|e| e.into_inner());
        let kept = texts.entry(lang.to_string()).or_default();
        if kept.len() >= REMEMBERED {
            kept.clear();
        }
        kept.insert(call, text.clone());
    }
}

/// Per language, a text that depends on nothing else (`time_range_pattern()`).
#[derive(Default)]
struct PerLanguage(RwLock<FxHashMap<String, String>>);

impl PerLanguage {
    fn get_or(&self, lang: &str, make: impl FnOnce() -> String) -> String {
        if let Some(text) = self.0.read().unwrap_or_else(|e| e.into_inner()).get(lang) {
            return text.clone();
        }
        let text = make();
        let mut texts = self.0.write().unwrap_or_else(|e| e.into_inner());
        texts.insert(lang.to_string(), text.clone());
        text
    }
}

/// `t(key="nav-home", count=3, …)`: the message in the page's language, or marked with
/// the language it falls back to (see [`crate::i18n::marks`]). Every other argument is
/// passed to Fluent (numbers as numbers, for plurals).
fn translate(
    localizer: &Localizer,
    formatted: &Formatted,
    kwargs: Kwargs,
    state: &State,
) -> TeraResult<Value> {
    let key: &str = kwargs.must_get("key")?;
    let lang = page_lang(&kwargs, state)?;
    let lang = as_text(&lang);
    let pairs: Vec<(&str, ArgValue)> = kwargs
        .iter()
        .filter(|(k, _)| !matches!(k.as_str(), Some("key") | Some("lang")))
        .filter_map(|(k, v)| Some((k.as_str()?, to_arg(v)?)))
        .collect();
    // While a ledger records each formatting (for `check`), every call formats.
    let call = (!localizer.is_recording()).then(|| Formatted::call(key, &pairs));
    if let Some(call) = &call
        && let Some(text) = formatted.get(&lang, call)
    {
        return Ok(text);
    }
    let args = (!pairs.is_empty()).then(|| fluent_args(pairs));
    // A fallback is marked with its language, for `Templates::render` to resolve.
    let marked = |(text, fallback): (String, Option<usize>)| match fallback {
        Some(language) => crate::i18n::marks::mark(&text, language),
        None => text,
    };
    let text = localizer
        .format_with_language(&lang, key, args.as_ref())
        .map(|formatted| Value::from(marked(formatted)))
        .map_err(|e| match e {
        MessageError::Missing if !localizer.defined_anywhere(key) => {
            tera::Error::message(format!("Fluent message `{key}` is not defined in any language; add it to the files of locales/"))
        }
        MessageError::Missing => tera::Error::message(format!(
            "Fluent message `{key}` is missing in `{lang}` and in every language it falls back to; add it to locales/{lang}/"
        )),
    })?;
    if let Some(call) = call {
        formatted.keep(&lang, call, &text);
    }
    Ok(text)
}

fn to_arg(v: &Value) -> Option<ArgValue> {
    if let Some(n) = v.as_i64() {
        Some(ArgValue::Number(n as f64))
    } else if let Some(n) = v.as_f64() {
        Some(ArgValue::Number(n))
    } else {
        v.as_str().map(|s| ArgValue::Text(s.to_string()))
    }
}

/// `format_date(date="2021-05-17", end="2021-05-21", precision="day"|"month", weekday=false)`:
/// one date, or a range by CLDR's interval formats in the language's `date-range` message
/// (see [`crate::i18n::dates`]); at month precision, a range of months.
fn format_date(localizer: &Localizer, kwargs: Kwargs, state: &State) -> TeraResult<String> {
    let lang = page_lang(&kwargs, state)?;
    let lang = as_text(&lang);
    let parse = |name: &str, text: String| {
        PageDate::parse(&text).ok_or_else(|| {
            tera::Error::message(format!(
                "format_date: `{name}` = `{text}` is not a date (YYYY-MM-DD)"
            ))
        })
    };
    let start = parse("date", kwargs.must_get::<String>("date")?)?;
    let end = kwargs
        .get::<String>("end")?
        .map(|e| parse("end", e))
        .transpose()?;
    let precision = match kwargs.get::<String>("precision")?.as_deref() {
        None | Some("day") => Precision::Day,
        Some("month") => Precision::Month,
        Some(other) => {
            return Err(tera::Error::message(format!(
                "format_date: precision `{other}` is neither `day` nor `month`"
            )));
        }
    };
    let weekday = kwargs.get::<bool>("weekday")?.unwrap_or(false);
    date_or_range(localizer, &lang, start, end, precision, weekday).map_err(|e| {
        let MessageError::Missing = e;
        tera::Error::message(format!(
            "Fluent message `{RANGE_MESSAGE}` in `{lang}` is missing"
        ))
    })
}

/// `date_locale()`: the page language's CLDR locale for the browser's `Intl`, with its
/// numbering system (`ar-JO-u-nu-arab`), for scripts that format dates and times.
fn date_locale(localizer: &Localizer, kwargs: Kwargs, state: &State) -> TeraResult<String> {
    let lang = page_lang(&kwargs, state)?;
    let lang = as_text(&lang);
    Ok(localizer
        .dates
        .intl_locale(&lang)
        .unwrap_or(&lang)
        .to_string())
}

/// `time_range_pattern()`: the language's `time-range` wording with `{start}`, `{end}`
/// and `{range}` where a script puts its values, or `{range}` (CLDR's range as is).
fn time_range_pattern(
    localizer: &Localizer,
    patterns: &PerLanguage,
    kwargs: Kwargs,
    state: &State,
) -> TeraResult<String> {
    let lang = page_lang(&kwargs, state)?;
    let lang = as_text(&lang);
    let make = || {
        let args =
            fluent_args(["start", "end", "range"].map(|k| (k, ArgValue::Text(format!("{{{k}}}")))));
        let id = crate::i18n::messages::TIME_RANGE.id;
        match own_message(localizer, &lang, id, &args) {
            Ok(text) => text,
            Err(MessageError::Missing) => "{range}".to_string(),
        }
    };
    // While a ledger records each formatting (for `check`), every call formats.
    Ok(match localizer.is_recording() {
        true => make(),
        false => patterns.get_or(&lang, make),
    })
}

/// `{{ text | bidi }}`: the text, escaped, with its left-to-right islands (phone numbers,
/// codes, ranges such as `13:00-13:30`) in `<bdo dir="ltr">` when it is right-to-left
/// text: the page's direction (the context's `dir`), or `dir=` for text in another
/// language (`{{ name.text | bidi(dir=name.dir) }}`). The same treatment as Markdown's
/// (see [`crate::i18n::bidi`]).
fn bidi(input: Cow<'_, str>, kwargs: Kwargs, state: &State) -> TeraResult<Value> {
    // `dir=` may be given an absent value (`name.dir` of text in the page's language).
    let given = kwargs.get::<Value>("dir")?.filter(Value::is_string);
    let dir = match given {
        Some(dir) => Some(dir),
        None => state.get::<Value>("dir")?,
    };
    let rtl = dir.as_ref().and_then(Value::as_str) == Some("rtl");
    Ok(Value::safe_string(&crate::i18n::bidi::isolate_html(
        &input, rtl,
    )))
}

/// `asset(path="style.css")`: the URL of a file of the theme's `static/` folder, with the
/// base path and, for stylesheets and scripts, the content hash (`/wsis/style.3f9a1c2b7d.css`).
fn asset(assets: &Assets, kwargs: Kwargs) -> TeraResult<String> {
    let path: Cow<str> = kwargs.must_get("path")?;
    assets.url(&path).ok_or_else(|| {
        let known: Vec<&str> = assets.names().collect();
        let has = if known.is_empty() {
            "it has none".to_string()
        } else {
            format!("it has: {}", known.join(", "))
        };
        tera::Error::message(format!(
            "asset(path=\"{path}\"): no such file in the theme's static/ folder ({has})"
        ))
    })
}

/// `picture(image=person.photo.image, alt="…", sizes="8rem", class="photo", lazy=true)`:
/// the `<picture>` of a processed image (a photo or logo of the data), with its
/// `srcset`s, `width` and `height`; `sizes` says how wide it is shown.
fn picture(kwargs: Kwargs, _: &State) -> TeraResult<Value> {
    let image: Value = kwargs.must_get("image")?;
    let picture: crate::images::Picture = serde_json::to_value(&image)
        .ok()
        .and_then(|v| serde_json::from_value(v).ok())
        .ok_or_else(|| {
            tera::Error::message("picture(image=…): `image` is not a processed image (use `photo.image` or `logo.image` of the data)")
        })?;
    let alt: String = kwargs.must_get("alt")?;
    let sizes = kwargs.get::<String>("sizes")?;
    let class = kwargs.get::<String>("class")?;
    let lazy = kwargs.get::<bool>("lazy")?.unwrap_or(true);
    Ok(Value::safe_string(&picture.html(
        &alt,
        lazy,
        class.as_deref(),
        sizes.as_deref(),
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_with_different_arguments_are_told_apart() {
        let text = |t: &str| ArgValue::Text(t.to_string());
        let two = Formatted::call("m", &[("a", text("1")), ("b", text("2"))]);
        for crafted in ["1\u{1f}1:b\u{1f}2:t2", "1\u{1f}b\u{1e}t2"] {
            assert_ne!(Formatted::call("m", &[("a", text(crafted))]), two);
        }
        let number = Formatted::call("m", &[("n", ArgValue::Number(1.0))]);
        assert_ne!(number, Formatted::call("m", &[("n", text("1"))]));
        assert_eq!(
            two,
            Formatted::call("m", &[("a", text("1")), ("b", text("2"))])
        );
    }
}
