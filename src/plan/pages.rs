//! The pages of the content: each page and section in each language, the tag pages,
//! the 404 pages, the language chooser and the search pages.

use super::{JobKind, OutPath, Planner};
use crate::error::Diagnostic;

/// Adds the content's pages to the plan.
pub(super) fn plan(p: &mut Planner<'_, '_>, has_template: &dyn Fn(&str) -> bool) {
    let site = p.site;
    let default = site.default_lang();
    for (l, lang_site) in site.each_lang() {
        for (g, entry) in lang_site.each_entry() {
            let page = &site.pages[entry.source];
            let template = match &page.front.template {
                Some(t) => {
                    if !has_template(t) && !entry.fallback {
                        p.out.push(unknown_template(site, page, t));
                    }
                    t.clone()
                }
                None if g == site.home && has_template("home.html") => "home.html".into(),
                None if site.groups[g].is_section => "section.html".into(),
                None => "page.html".into(),
            };
            let blame = |e| path_error(page, &entry.path, e);
            if let Some(out) = p.out_path(&entry.path, blame) {
                p.job(out, l, JobKind::Entry(g), &template);
            }
        }
        if !lang_site.terms.is_empty() {
            if let Some(out) = p.made(&lang_site.tags_path) {
                p.job(out, l, JobKind::TagIndex, "tags.html");
            }
            for (t, term) in lang_site.terms.iter().enumerate() {
                // Tag slugs are made by `slug::slugify`, which keeps no separator.
                if let Some(out) = p.made(&term.path) {
                    p.job(out, l, JobKind::Term(t), "tag.html");
                }
            }
        }
        let home = site.config.lang_prefix(&lang_site.lang);
        let at_root = site.config.default_language_at_root && l == default;
        // At the root, the root 404 page below stands for the default language's.
        if !at_root && let Some(out) = p.made(&format!("{home}404.html")) {
            p.job(out, l, JobKind::NotFound, "404.html");
        }
        if site.made.search {
            let url = site.config.search_page(&lang_site.lang);
            if let Some(out) = p.made(&url) {
                p.job(out, l, JobKind::Search, "search.html");
            }
        }
    }
    // The root 404 page is served for any missing URL: in every language, when the theme
    // has a template for that.
    let root_404 = if has_template("404-root.html") {
        "404-root.html"
    } else {
        "404.html"
    };
    if !site.config.default_language_at_root {
        let out = OutPath::new("index.html").expect("a valid path");
        p.job(out, default, JobKind::Chooser, "chooser.html");
    }
    let out = OutPath::new("404.html").expect("a valid path");
    p.job(out, default, JobKind::NotFound, root_404);
}

fn unknown_template(site: &crate::site::Site, page: &crate::content::Page, t: &str) -> Diagnostic {
    let (line, column) = page.position(&["template".into()]);
    Diagnostic::error(
        &page.source.display,
        format!("the template `{t}` does not exist in the theme"),
    )
    .at(&page.text, line, column)
    .hint(format!(
        "add templates/{t} (or themes/{}/templates/{t}) or remove `template`",
        site.config.theme.as_deref().unwrap_or("<theme>")
    ))
}

fn path_error(page: &crate::content::Page, url: &str, e: super::PathError) -> Diagnostic {
    let (line, column) = match page.position(&["slug".into()]) {
        (0, _) => (1, 1),
        position => position,
    };
    Diagnostic::error(&page.source.display, format!("the page's URL {url} {e}"))
        .at(&page.text, line, column)
        .hint("a slug is one URL segment: letters, digits and hyphens")
}
