//! Redirect pages for `aliases`: former URLs of a page that send visitors (and search
//! engines, through `rel=canonical`) to where the page lives now.

use crate::html::escape_into;
use crate::site::{GroupId, LangId, PageId, Site};

/// The redirect page of an alias of translation `page`, to group `group` in language
/// `lang` (both indexes).
pub fn redirect(site: &Site, lang: LangId, group: GroupId, page: PageId) -> Vec<u8> {
    let entry = &site.langs[lang].entries[group];
    let source_lang = &site.pages[page].source.lang;
    redirect_page(source_lang, &site.config.absolute(&entry.path)).into_bytes()
}

/// A page with no words: the new address as a link, a refresh and a canonical link.
fn redirect_page(lang: &str, target: &str) -> String {
    let mut url = String::new();
    escape_into(target, &mut url);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{url}</title>\n<link rel=\"canonical\" href=\"{url}\">\n<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url={url}\">\n</head>\n<body>\n<p><a href=\"{url}\">{url}</a></p>\n</body>\n</html>\n"
    )
}
