//! View structs: exactly what templates see.
//!
//! Templates never see the internal model. Each view borrows from the [`Site`] and is
//! serialized into Tera's context. What is the same for many pages is built once and
//! shared as a [`tera::Value`] (cheap to clone): the language list and menu per language,
//! the language switcher per page group.

use serde::Serialize;

use crate::content::{Page, TranslationKind};
use crate::markdown::{Heading, Rendered};
use crate::site::{Entry, GroupId, LangId, Site};

/// The site as a template sees it, per language.
#[derive(Serialize)]
pub struct SiteView<'a> {
    /// Site title in the page's language.
    pub title: &'a str,
    /// Absolute base URL, ending with `/`.
    pub base_url: &'a str,
    /// Base path (`/` or `/wsis/`), for assets.
    pub base_path: &'a str,
    /// URL path of this language's home.
    pub home: &'a str,
    /// The default language's code.
    pub default_language: &'a str,
    /// URL path of this language's tag index.
    pub tags: &'a str,
    /// URL path of this language's Atom feed, if it has dated pages.
    pub feed: Option<String>,
    /// URL path of this language's search page, if the theme has one.
    pub search: Option<String>,
    /// Fluent messages of the footer (`footer` in `site.yaml`).
    pub footer: &'a [String],
    /// The key dates the home page shows: `id` and `label` (a Fluent message, or none
    /// for the key date's title).
    pub home_key_dates: &'a [crate::config::Highlight],
    /// The home page's buttons: `label`, `href`, `kind`, `style`.
    pub buttons: &'a [crate::site::Link],
}

/// The search page's data: where the index is, and its messages prepared for the script.
#[derive(Serialize)]
pub struct SearchView<'a> {
    /// URL path of the language's index.
    pub index: String,
    /// CLDR locale, for `Intl.PluralRules` and `Intl.NumberFormat`.
    pub locale: &'a str,
    /// Result counts per plural category, "no results", digits.
    pub messages: crate::search::SearchMessages,
}

/// A language of the site, in the switcher or the chooser.
#[derive(Serialize)]
pub struct LanguageLink<'a> {
    /// Code (`ar`).
    pub code: &'a str,
    /// Name in its own script.
    pub name: &'a str,
    /// `ltr` or `rtl`.
    pub dir: &'static str,
    /// Where this page (or the home page) is in that language.
    pub href: &'a str,
    /// Whether a real translation exists there (not a fallback).
    pub translated: bool,
}

/// An alternate (`<link rel="alternate" hreflang>`).
#[derive(Serialize)]
pub struct Alternate<'a> {
    /// Language code.
    pub lang: &'a str,
    /// Absolute URL.
    pub href: String,
}

/// A tag as shown on a page or in the tag index.
#[derive(Serialize)]
pub struct TagLink<'a> {
    /// As written.
    pub name: &'a str,
    /// URL path.
    pub href: &'a str,
    /// How many pages carry it.
    pub count: usize,
}

/// A page in a list: light, so list pages stay cheap however long they are.
#[derive(Serialize)]
pub struct Summary<'a> {
    /// Title.
    pub title: &'a str,
    /// URL path.
    pub href: &'a str,
    /// Description, if any.
    pub description: Option<&'a str>,
    /// ISO date.
    pub date: Option<String>,
    /// The date in the language's words.
    pub date_display: Option<String>,
    /// The language of the text, when it is a fallback.
    pub lang: Option<&'a str>,
}

/// The page being rendered.
#[derive(Serialize)]
pub struct PageInfo<'a> {
    /// Title.
    pub title: &'a str,
    /// Description.
    pub description: Option<&'a str>,
    /// Body HTML (mark it `| safe`).
    pub content: &'a str,
    /// Headings of the body.
    pub headings: &'a [Heading],
    /// URL path.
    pub href: &'a str,
    /// ISO date.
    pub date: Option<String>,
    /// The date in the page language's words.
    pub date_display: Option<String>,
    /// Tags.
    pub tags: Vec<TagLink<'a>>,
    /// Language of the text shown (differs from the page's on a fallback).
    pub content_lang: &'a str,
    /// Direction of the text shown.
    pub content_dir: &'static str,
    /// Content path (`about.md`), for templates that special-case a page.
    pub key: &'a str,
    /// Official, unofficial or machine translation.
    pub translation: Option<TranslationKind>,
    /// The original's language, for the translation banner.
    pub original: Option<OriginalLink<'a>>,
    /// The table of contents, when the page asks for one (`toc: true`).
    pub toc: Vec<super::toc::TocEntry<'a>>,
}

/// The original text of a translated page.
#[derive(Serialize)]
pub struct OriginalLink<'a> {
    /// Its language code.
    pub lang: &'a str,
    /// Where it is.
    pub href: &'a str,
}

/// Set on a page shown in another language's text.
#[derive(Serialize)]
pub struct FallbackView<'a> {
    /// The language of the text shown.
    pub lang: &'a str,
    /// Its direction.
    pub dir: &'static str,
}

/// A summary of entry `g` in the language site `l`.
pub fn summary<'a>(site: &'a Site, l: LangId, g: GroupId) -> Summary<'a> {
    let lang_site = &site.langs[l];
    let entry = &lang_site.entries[g];
    let page = &site.pages[entry.source];
    Summary {
        title: &page.front.title,
        href: &entry.path,
        description: page.front.description.as_deref(),
        date: page.date.map(|d| d.iso()),
        date_display: None,
        lang: entry.fallback.then_some(page.source.lang.as_str()),
    }
}

/// The page view of entry `g` in language `l`, whose body is `body`.
pub fn page_info<'a>(
    site: &'a Site,
    l: LangId,
    g: GroupId,
    entry: &'a Entry,
    page: &'a Page,
    body: &'a Rendered,
) -> PageInfo<'a> {
    let lang_site = &site.langs[l];
    let tags = if entry.fallback {
        Vec::new()
    } else {
        page.front
            .tags
            .iter()
            .filter_map(|t| {
                let slug = crate::slug::slugify(t);
                let term = lang_site.terms.iter().find(|term| term.slug == slug)?;
                Some(TagLink {
                    name: t,
                    href: &term.path,
                    count: term.pages.len(),
                })
            })
            .collect()
    };
    let original = page.front.original.as_deref().and_then(|o| {
        let ol = site.langs.iter().find(|ls| ls.lang == o)?;
        let oe = &ol.entries[g];
        (!oe.fallback).then_some(OriginalLink {
            lang: &ol.lang,
            href: &oe.path,
        })
    });
    PageInfo {
        title: &page.front.title,
        description: page.front.description.as_deref(),
        content: &body.html,
        headings: &body.headings,
        href: &entry.path,
        date: page.date.map(|d| d.iso()),
        date_display: None,
        tags,
        content_lang: &page.source.lang,
        content_dir: site.config.direction(&page.source.lang).as_str(),
        key: &site.groups[g].key,
        translation: if entry.fallback {
            None
        } else {
            page.front.translation
        },
        original,
        toc: if page.front.toc {
            super::toc::toc(&body.headings)
        } else {
            Vec::new()
        },
    }
}
