//! The Markdown pass: every entry of every language, in parallel, and the answers to
//! what the text asks (see [`crate::markdown::resolve`]): `@/` links, files beside the
//! page (a page bundle's files), shortcodes.

use super::{GroupId, LangId};
use super::{Site, targets};
use crate::config::Direction;
use crate::error::{Diagnostic, Diagnostics};
use crate::markdown::{Answer, Call, FileRef, Query, RenderContext, to_html};

/// Renders a shortcode call in a language: the HTML, or a message and a hint.
pub type Shortcodes<'a> = &'a (dyn Fn(&str, &Call) -> Result<String, (String, String)> + Sync);

/// Renders the Markdown of entry `g` of language `l`, whose page's whole text is `text`
/// ([`crate::content::Page::whole_text`]), answering its questions with `resolve`.
pub fn render_entry(
    site: &Site,
    l: LangId,
    g: GroupId,
    text: &str,
    resolve: &dyn Fn(&Query) -> Answer,
) -> crate::markdown::Rendered {
    let page = &site.pages[site.langs[l].entries[g].source];
    let ctx = RenderContext {
        // The direction of the text's own language, as the site's config gives it.
        rtl: site.config.direction(&page.source.lang) == Direction::Rtl,
        resolve,
        highlight: site.config.highlight,
    };
    to_html(&text[page.body_start..], &ctx)
}

/// The answer to `query` asked by the text of entry `g` in language `l`.
pub fn answer(
    site: &Site,
    l: LangId,
    g: GroupId,
    shortcodes: Shortcodes<'_>,
    query: &Query,
) -> Answer {
    let lang = &site.langs[l].lang;
    match query {
        Query::Page(target) => Answer::Page(targets::resolve(site, lang, target)),
        Query::File { target, .. } => Answer::File(file(site, l, g, target)),
        Query::Shortcode(call) => Answer::Shortcode(shortcodes(lang, call)),
    }
}

/// What the relative `target` names from the folder of group `g`, in language `l`: a
/// file named for the language (`map.ar.png`, then along the fallback chain) before the
/// file for all (`map.png`); a `.md` file is the page.
pub fn file(site: &Site, l: LangId, g: GroupId, target: &str) -> FileRef {
    let dir = super::dir_of(&site.groups[g].key);
    let Some(path) = join(dir, target) else {
        return FileRef::Missing;
    };
    let lang = &site.langs[l].lang;
    if path.ends_with(".md") {
        return targets::resolve(site, lang, &path).map_or(FileRef::Missing, FileRef::Url);
    }
    let fallback = site
        .config
        .language(lang)
        .map(|l| l.fallback.as_slice())
        .unwrap_or_default();
    let named = std::iter::once(lang.as_str())
        .chain(fallback.iter().map(String::as_str))
        .filter_map(|code| for_language(&path, code));
    for candidate in named.chain(std::iter::once(path.clone())) {
        if site.has_asset(&candidate) {
            if let Some(picture) = site.images.picture(&candidate) {
                return FileRef::Image(picture);
            }
            return FileRef::Url(format!("{}{candidate}", site.config.base_path));
        }
    }
    let name = path.rsplit('/').next().unwrap_or(&path);
    let is_file = name
        .rfind('.')
        .is_some_and(|i| i > 0 && !matches!(&name[i..], ".html" | ".htm"));
    if is_file {
        FileRef::Missing
    } else {
        FileRef::NotAFile
    }
}

/// `map.png` → `map.ar.png`.
fn for_language(path: &str, code: &str) -> Option<String> {
    let name_start = path.rfind('/').map_or(0, |i| i + 1);
    let dot = path[name_start..].rfind('.').filter(|&i| i > 0)? + name_start;
    Some(format!("{}.{code}{}", &path[..dot], &path[dot..]))
}

/// `dir` + `target`, with `.` and `..` applied; `None` when it leaves `content/`.
fn join(dir: &str, target: &str) -> Option<String> {
    let decoded = crate::url::percent_decode_or_keep(target);
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let joined = parts.join("/");
    (!joined.is_empty()).then_some(joined)
}

/// Reports the broken `@/` links and the other problems of entry `g` of language `l`,
/// whose page's whole text is `text`.
pub fn report_broken_links(
    site: &Site,
    l: LangId,
    g: GroupId,
    text: &str,
    rendered: &crate::markdown::Rendered,
    out: &mut Diagnostics,
) {
    let entry = &site.langs[l].entries[g];
    let page = &site.pages[entry.source];
    // A problem is reported once per file, not once per language that shows it.
    if entry.fallback {
        return;
    }
    for (offset, link) in &rendered.broken_links {
        out.push(
            Diagnostic::error(&page.source.display, format!("broken link `{link}`: there is no such page"))
                .at_offset(text, page.body_start + offset)
                .hint("write links as `@/path/page.md`, relative to content/, without the language suffix"),
        );
    }
    for p in &rendered.problems {
        let d = if p.warning {
            Diagnostic::warning(&page.source.display, p.message.clone())
        } else {
            Diagnostic::error(&page.source.display, p.message.clone())
        };
        out.push(
            d.at_offset(text, page.body_start + p.offset)
                .hint(p.hint.clone()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_and_names_for_a_language() {
        assert_eq!(join("venue/", "map.png").as_deref(), Some("venue/map.png"));
        assert_eq!(join("venue/", "../logo.png").as_deref(), Some("logo.png"));
        assert_eq!(join("", "../x.png"), None);
        assert_eq!(join("a/", "b%20c.pdf").as_deref(), Some("a/b c.pdf"));
        assert_eq!(
            for_language("venue/map.png", "ar").as_deref(),
            Some("venue/map.ar.png")
        );
        assert_eq!(for_language("README", "ar"), None);
    }
}
