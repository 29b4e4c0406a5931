//! The Markdown pass: every entry of every language, in parallel.

use rayon::prelude::*;

use super::Site;
use crate::config::Direction;
use crate::error::{Diagnostic, Diagnostics};
use crate::markdown::{RenderContext, to_html};

/// Renders the Markdown of every entry of every language, in parallel.
pub fn render_all(site: &mut Site, out: &mut Diagnostics) {
    let jobs: Vec<(usize, usize)> = (0..site.langs.len())
        .flat_map(|l| (0..site.groups.len()).map(move |g| (l, g)))
        .collect();
    let site_ref: &Site = site;
    let results: Vec<_> = jobs
        .par_iter()
        .map(|&(l, g)| {
            render_entry(site_ref, l, g, &|target| {
                resolve(site_ref, &site_ref.langs[l].lang, target)
            })
        })
        .collect();
    for ((l, g), rendered) in jobs.into_iter().zip(results) {
        report_broken_links(site, l, g, &rendered, out);
        site.langs[l].entries[g].content = rendered;
    }
}

/// Renders the Markdown of entry `g` of language `l`, resolving `@/` links with `resolve`.
pub fn render_entry(
    site: &Site,
    l: usize,
    g: usize,
    resolve: &dyn Fn(&str) -> Option<String>,
) -> crate::markdown::Rendered {
    let page = &site.pages[site.langs[l].entries[g].source];
    let ctx = RenderContext {
        // The direction of the text's own language, as the site's config gives it.
        rtl: site.config.direction(&page.source.lang) == Direction::Rtl,
        resolve,
    };
    to_html(page.body(), &ctx)
}

/// Reports the broken `@/` links of entry `g` of language `l`.
pub fn report_broken_links(
    site: &Site,
    l: usize,
    g: usize,
    rendered: &crate::markdown::Rendered,
    out: &mut Diagnostics,
) {
    let entry = &site.langs[l].entries[g];
    let page = &site.pages[entry.source];
    // A broken link is reported once per file, not once per language that shows it.
    if !entry.fallback {
        for (offset, link) in &rendered.broken_links {
            out.push(
                Diagnostic::error(&page.source.display, format!("broken link `{link}`: there is no such page"))
                    .at_offset(&page.text, page.body_start + offset)
                    .hint("write links as `@/path/page.md`, relative to content/, without the language suffix"),
            );
        }
    }
}

/// Resolves `about.md#anchor`, `blog/_index.md`, `blog/`, `about.fr.md` or a generated
/// page (`sessions/`, `people/ada/`; see [`super::targets`]) for `lang`.
pub fn resolve(site: &Site, lang: &str, target: &str) -> Option<String> {
    resolve_or_why(site, lang, target).ok()
}

/// Like [`resolve`], with the reason when the target leads nowhere.
pub fn resolve_or_why(site: &Site, lang: &str, target: &str) -> Result<String, String> {
    let (path, anchor) = match target.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (target, None),
    };
    let (key, lang) = normalize(site, path, lang);
    let url = match site.by_key.get(&key) {
        Some(&g) => {
            let lang_site = site.langs.iter().find(|l| l.lang == lang);
            match lang_site.and_then(|ls| ls.entries.get(g)) {
                Some(entry) => entry.path.clone(),
                None => return Err(format!("`{lang}` is not a language of the site")),
            }
        }
        None => super::targets::generated(site, &lang, path.trim_start_matches('/'))?,
    };
    Ok(match anchor {
        Some(a) => format!("{url}#{a}"),
        None => url,
    })
}

/// The page group a content path names, if it names one.
pub fn content_group(site: &Site, path: &str) -> Option<usize> {
    let (key, _) = normalize(site, path, &site.config.default_language);
    site.by_key.get(&key).copied()
}

fn normalize<'a>(site: &Site, path: &str, lang: &'a str) -> (String, String) {
    let path = path.trim_start_matches('/');
    if path.is_empty() || path.ends_with('/') {
        return (format!("{path}_index.md"), lang.to_string());
    }
    if let Some(stem) = path.strip_suffix(".md") {
        if let Some((base, suffix)) = stem.rsplit_once('.') {
            if site.config.has_language(suffix) {
                return (format!("{base}.md"), suffix.to_string());
            }
        }
    }
    (path.to_string(), lang.to_string())
}
