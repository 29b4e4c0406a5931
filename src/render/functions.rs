//! Functions that templates call: `t()` for Fluent messages and `format_date()` for CLDR
//! dates, both in the language of the page being rendered (the context's `lang`), and
//! `asset()` for the published URL of a static file.

use std::sync::Arc;

use tera::{Kwargs, State, TeraResult, Value};

use crate::assets::Assets;
use crate::content::PageDate;
use crate::i18n::{ArgValue, Localizer, MessageError, fluent_args};

/// Registers `t`, `format_date` and `asset`.
pub fn register(tera: &mut tera::Tera, localizer: Arc<Localizer>, assets: Arc<Assets>) {
    tera.register_function("asset", move |kwargs: Kwargs, _: &State| {
        asset(&assets, kwargs)
    });
    let l = localizer.clone();
    tera.register_function("t", move |kwargs: Kwargs, state: &State| {
        translate(&l, kwargs, state)
    });
    let l = localizer;
    tera.register_function("format_date", move |kwargs: Kwargs, state: &State| {
        format_date(&l, kwargs, state)
    });
}

fn page_lang(kwargs: &Kwargs, state: &State) -> TeraResult<String> {
    if let Some(lang) = kwargs.get::<String>("lang")? {
        return Ok(lang);
    }
    state
        .get::<String>("lang")?
        .ok_or_else(|| tera::Error::message("the template context has no `lang`"))
}

/// `t(key="nav-home", count=3, …)`: the message in the page's language. Every other
/// argument is passed to Fluent (numbers as numbers, for plurals).
fn translate(localizer: &Localizer, kwargs: Kwargs, state: &State) -> TeraResult<String> {
    let key: String = kwargs.must_get("key")?;
    let lang = page_lang(&kwargs, state)?;
    let pairs: Vec<(&str, ArgValue)> = kwargs
        .iter()
        .filter(|(k, _)| !matches!(k.as_str(), Some("key") | Some("lang")))
        .filter_map(|(k, v)| Some((k.as_str()?, to_arg(v)?)))
        .collect();
    let args = (!pairs.is_empty()).then(|| fluent_args(pairs));
    localizer.format(&lang, &key, args.as_ref()).map_err(|e| match e {
        MessageError::Missing if !localizer.defined_anywhere(&key) => {
            tera::Error::message(format!("Fluent message `{key}` is not defined in any language; add it to the files of locales/"))
        }
        MessageError::Missing => tera::Error::message(format!(
            "Fluent message `{key}` is missing in `{lang}` and in every language it falls back to; add it to locales/{lang}/"
        )),
    })
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

/// `format_date(date="2021-05-17", end="2021-05-21", precision="day"|"month", weekday=false)`.
fn format_date(localizer: &Localizer, kwargs: Kwargs, state: &State) -> TeraResult<String> {
    let lang = page_lang(&kwargs, state)?;
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
    let dates = &localizer.dates;
    if kwargs.get::<String>("precision")?.as_deref() == Some("month") {
        return Ok(dates.month_year(&lang, start));
    }
    match end {
        Some(end) if end != start => {
            let p = dates.range_pieces(&lang, start, end);
            let args = fluent_args(p.args.map(|(k, v)| (k, ArgValue::Text(v))));
            localizer
                .format(&lang, p.message, Some(&args))
                .map_err(|_| {
                    tera::Error::message(format!(
                        "Fluent message `{}` is missing in `{lang}`: date ranges need it",
                        p.message
                    ))
                })
        }
        _ if kwargs.get::<bool>("weekday")?.unwrap_or(false) => {
            Ok(dates.with_weekday(&lang, start))
        }
        _ => Ok(dates.long(&lang, start)),
    }
}

/// `asset(path="style.css")`: the URL of a file of the theme's `static/` folder, with the
/// base path and, for stylesheets and scripts, the content hash (`/wsis/style.3f9a1c2b7d.css`).
fn asset(assets: &Assets, kwargs: Kwargs) -> TeraResult<String> {
    let path: String = kwargs.must_get("path")?;
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
