//! Redirect pages for `aliases`: former URLs of a page that send visitors (and search
//! engines, through `rel=canonical`) to where the page lives now.

use std::collections::HashSet;

use super::Job;
use crate::error::{Diagnostic, Diagnostics};
use crate::i18n::bidi::escape_into;
use crate::site::Site;

/// One redirect page per alias of every translation: (output path, HTML).
pub fn render_aliases(site: &Site, jobs: &[Job], out: &mut Diagnostics) -> Vec<(String, Vec<u8>)> {
    let taken: HashSet<&str> = jobs.iter().map(|j| j.out_path.as_str()).collect();
    let mut seen = HashSet::new();
    let mut files = Vec::new();
    for lang_site in &site.langs {
        for entry in lang_site.entries.iter().filter(|e| !e.fallback) {
            let page = &site.pages[entry.source];
            for alias in &page.front.aliases {
                let Some(path) = alias_path(alias) else {
                    out.push(
                        alias_error(page, alias, "is not a path inside the site")
                            .hint("write aliases as paths such as `/old/page/` or `old/page.html`"),
                    );
                    continue;
                };
                if taken.contains(path.as_str()) || !seen.insert(path.clone()) {
                    out.push(
                        alias_error(page, alias, "is already the URL of another page or alias")
                            .hint("remove the alias or move the other page"),
                    );
                    continue;
                }
                files.push((
                    path,
                    redirect_page(&page.source.lang, &site.config.absolute(&entry.path))
                        .into_bytes(),
                ));
            }
        }
    }
    files
}

/// `/old/page/` → `old/page/index.html`; `old.html` stays; `..` is refused.
fn alias_path(alias: &str) -> Option<String> {
    let trimmed = alias.trim().trim_start_matches('/');
    if trimmed.is_empty()
        || trimmed.split('/').any(|s| s == ".." || s == ".")
        || trimmed.contains('\\')
    {
        return None;
    }
    if trimmed.ends_with(".html") {
        Some(trimmed.to_string())
    } else {
        Some(format!("{}/index.html", trimmed.trim_end_matches('/')))
    }
}

fn alias_error(page: &crate::content::Page, alias: &str, why: &str) -> Diagnostic {
    let (line, column) = page.position(&["aliases".into()]);
    Diagnostic::error(&page.source.display, format!("the alias `{alias}` {why}"))
        .at(&page.text, line, column)
}

/// A page with no words: the new address as a link, a refresh and a canonical link.
fn redirect_page(lang: &str, target: &str) -> String {
    let mut url = String::new();
    escape_into(target, &mut url);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{url}</title>\n<link rel=\"canonical\" href=\"{url}\">\n<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url={url}\">\n</head>\n<body>\n<p><a href=\"{url}\">{url}</a></p>\n</body>\n</html>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::alias_path;

    #[test]
    fn alias_paths_stay_inside_the_site() {
        assert_eq!(
            alias_path("/old/page/").as_deref(),
            Some("old/page/index.html")
        );
        assert_eq!(alias_path("old.html").as_deref(), Some("old.html"));
        assert_eq!(alias_path("/../etc/"), None);
        assert_eq!(alias_path("/"), None);
    }
}
