//! Text in a page's language: a translatable value resolved along the language's
//! fallback chain, with the language (and direction) it is actually in when that is
//! another one, and the per-language context the event views are built with.

use serde::Serialize;

use crate::data::Localized;
use crate::event::Urls;
use crate::site::Site;

/// Text and the language it is actually in (set only when it is a fallback).
#[derive(Serialize)]
pub struct Text<'a> {
    /// The text.
    pub text: &'a str,
    /// Its language, when it is not the page's.
    pub lang: Option<&'a str>,
    /// Its direction, when it is not the page's language.
    pub dir: Option<&'static str>,
}

/// The text of `l` in `lang`, else along `fallback`, else in any language it has.
pub fn localized<'a>(
    config: &crate::config::Config,
    l: &'a Localized,
    lang: &str,
    fallback: &[String],
) -> Text<'a> {
    match l
        .get(lang, fallback)
        .or_else(|| l.0.iter().next().map(|(a, b)| (a.as_str(), b.as_str())))
    {
        Some((found, t)) => Text {
            text: t,
            lang: (found != lang).then_some(found),
            dir: (found != lang).then(|| config.direction(found).as_str()),
        },
        None => Text {
            text: "",
            lang: None,
            dir: None,
        },
    }
}

/// One language's view of the data: `lang`, its fallback chain and its URLs.
pub struct LangCtx<'a> {
    /// Language code.
    pub lang: &'a str,
    /// Fallback chain.
    pub fallback: &'a [String],
    /// URLs in this language.
    pub urls: Urls<'a>,
    /// The site's configuration (each language's direction).
    pub config: &'a crate::config::Config,
}

impl<'a> LangCtx<'a> {
    /// The context of language `lang`.
    pub fn new(site: &'a Site, lang: &'a str) -> LangCtx<'a> {
        let fallback = site
            .config
            .language(lang)
            .map(|l| l.fallback.as_slice())
            .unwrap_or_default();
        LangCtx {
            lang,
            fallback,
            urls: Urls::new(&site.config, lang),
            config: &site.config,
        }
    }

    /// Text in this language, or its fallback.
    pub fn text<'t>(&self, l: &'t Localized) -> Text<'t> {
        localized(self.config, l, self.lang, self.fallback)
    }

    /// The picture of a person's `photo` or an organization's `logo`, with its
    /// alternative text: `alt` when the data gives one, else the name, in this language.
    pub fn picture<'t>(
        &self,
        site: &Site,
        rel: Option<&str>,
        alt: Option<&'t Localized>,
        name: &'t Localized,
    ) -> Option<PictureView<'t>> {
        Some(PictureView {
            image: site.images.picture(rel?)?,
            alt: self.text(alt.unwrap_or(name)),
        })
    }
}

/// A photo or logo: the processed image (for `picture(image=…)`) and its alternative
/// text.
#[derive(Serialize)]
pub struct PictureView<'a> {
    /// URLs, `srcset`s and dimensions.
    pub image: crate::images::Picture,
    /// The alternative text.
    pub alt: Text<'a>,
}

/// The session card of session `i` as a list shows it on a day (its first day when
/// `None`): see [`super::cards::Shared::card`].
pub type CardOf<'c> = dyn Fn(usize, Option<crate::content::PageDate>) -> tera::Value + Sync + 'c;
