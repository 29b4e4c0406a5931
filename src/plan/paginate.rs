//! The further pages of paginated sections: a section whose front matter says
//! `paginate_by: N` lists N pages at its own URL, the next N at `…/page/2/`, and so on,
//! in every language (the default language's text decides, so that every language has
//! the same pages).

use super::{JobKind, Planner};
use crate::error::Diagnostic;
use crate::site::GroupId;

/// Adds pages 2… of every paginated section in every language.
pub(super) fn plan(p: &mut Planner<'_, '_>) {
    let site = p.site;
    for (g, group) in site.each_group() {
        if !group.is_section {
            continue;
        }
        let Some(per_page) = per_page(site, g, p) else {
            continue;
        };
        let pages = group.pages.len().div_ceil(per_page).max(1);
        for (l, lang_site) in site.each_lang() {
            let entry = &lang_site.entries[g];
            let template = site.pages[entry.source]
                .front
                .template
                .clone()
                .unwrap_or_else(|| {
                    if g == site.home {
                        "home.html".into()
                    } else {
                        "section.html".into()
                    }
                });
            for page in 2..=pages {
                let url = pager_url(&entry.path, page);
                // Under the section's own URL: a bad one is reported with the section.
                if let Ok(out) = crate::plan::OutPath::of_url(&site.config.base_path, &url) {
                    p.job(out, l, JobKind::Pager { group: g, page }, &template);
                }
            }
        }
    }
}

/// The URL of page `page` of a section at `section`: the section itself for page 1.
pub fn pager_url(section: &str, page: usize) -> String {
    if page <= 1 {
        section.to_string()
    } else {
        format!("{section}page/{page}/")
    }
}

/// The section's `paginate_by`, reported when it is zero.
fn per_page(site: &crate::site::Site, g: GroupId, p: &mut Planner<'_, '_>) -> Option<usize> {
    let page = site.representative(g);
    match page.front.paginate_by {
        Some(0) => {
            let (line, column) = page.position(&["paginate_by".into()]);
            p.out.push(
                Diagnostic::error(&page.source.display, "`paginate_by` is 0: a page must list at least one page")
                    .at(&page.text, line, column)
                    .hint("write the number of pages each page of the list shows, such as `paginate_by: 10`"),
            );
            None
        }
        other => other,
    }
}
