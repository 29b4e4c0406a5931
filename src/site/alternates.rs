//! The hreflang alternates of a page: computed once here for both the sitemap and the
//! pages' `<link rel="alternate">`, so the two always agree.

use super::{GroupId, Site};

/// The hreflang alternates of page group `g`: (language, absolute URL) for each real
/// translation, in the order of the languages, and the `x-default` URL: for the home
/// pages the site's root (the language chooser, or the default language's home there),
/// for the others the default language's translation, or the first there is.
pub fn alternates(site: &Site, g: GroupId) -> (Vec<(&str, String)>, Option<String>) {
    let list: Vec<(&str, String)> = site
        .langs
        .iter()
        .filter(|ls| !ls.entries[g].fallback)
        .map(|ls| (ls.lang.as_str(), site.config.absolute(&ls.entries[g].path)))
        .collect();
    if g == site.home {
        return (list, Some(site.config.base_url.clone()));
    }
    let x_default = list
        .iter()
        .find(|(lang, _)| *lang == site.config.default_language)
        .or_else(|| list.first())
        .map(|(_, href)| href.clone());
    (list, x_default)
}
