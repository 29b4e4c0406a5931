//! The pages of a paginated section (`paginate_by: N`): which slice of the list each
//! page shows, and the paginator templates draw from (`partials/pagination.html`).

use std::ops::Range;

use serde::Serialize;
use tera::Value;

use super::views::LanguageLink;
use crate::plan::pager_url;
use crate::site::{GroupId, LangId, Site};

/// What a page of a paginated list knows of the others.
#[derive(Serialize)]
pub struct Paginator {
    /// This page's number, from 1.
    pub current: usize,
    /// How many pages the list has.
    pub total: usize,
    /// The page before (newer entries, in a list by date).
    pub previous: Option<String>,
    /// The page after.
    pub next: Option<String>,
    /// Every page, for numbered links.
    pub pages: Vec<PagerLink>,
}

/// A numbered link to one page of the list.
#[derive(Serialize)]
pub struct PagerLink {
    /// Its number, from 1 (templates format it in the language's digits with Fluent).
    pub number: usize,
    /// Its URL path.
    pub href: String,
    /// Whether it is the page being rendered.
    pub current: bool,
}

/// Which of the `count` pages of section `g` page `number` shows in language `l`, and
/// its paginator; all of them and none when the section is not paginated. Only the
/// shown pages are then summarized: a long list's pages each cost their own slice,
/// not the whole list.
pub fn window(
    site: &Site,
    l: LangId,
    g: GroupId,
    number: usize,
    count: usize,
) -> (Range<usize>, Option<Paginator>) {
    let Some(per_page) = site.representative(g).front.paginate_by.filter(|&n| n > 0) else {
        return (0..count, None);
    };
    let total = count.div_ceil(per_page).max(1);
    let section = &site.langs[l].entries[g].path;
    let url = |n: usize| pager_url(section, n);
    let start = ((number - 1) * per_page).min(count);
    let shown = start..(start + per_page).min(count);
    let paginator = Paginator {
        current: number,
        total,
        previous: (number > 1).then(|| url(number - 1)),
        next: (number < total).then(|| url(number + 1)),
        pages: (1..=total)
            .map(|n| PagerLink {
                number: n,
                href: url(n),
                current: n == number,
            })
            .collect(),
    };
    (shown, Some(paginator))
}

/// The language switcher of page `number` of section `g`: the same page of the list
/// in each language.
pub fn switcher(site: &Site, g: GroupId, number: usize) -> Value {
    let links: Vec<LanguageLink<'_>> = super::switcher(site, g);
    let hrefs: Vec<String> = links.iter().map(|l| pager_url(l.href, number)).collect();
    let links: Vec<LanguageLink<'_>> = links
        .into_iter()
        .zip(&hrefs)
        .map(|(link, href)| LanguageLink { href, ..link })
        .collect();
    Value::from_serializable(&links)
}
