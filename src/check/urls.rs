//! URLs found in generated pages, resolved against the site: which output file a link
//! leads to, and which anchor in it.

use std::collections::HashSet;

use crate::plan::OutPath;
use crate::url::percent_decode_or_keep;

/// Where a URL of a page leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Another site, `mailto:`, `tel:`, `data:`, … — not checked.
    External,
    /// A path of this site (with the base path, percent-decoded) and an anchor.
    Internal {
        /// `/wsis/fr/a-propos/`.
        path: String,
        /// The anchor, without `#`, percent-decoded.
        fragment: Option<String>,
    },
    /// A path of the same host outside the site's base path.
    Outside(String),
}

/// Resolves `href` found on the page at URL path `page` (`/wsis/fr/a-propos/`).
pub fn resolve(base_url: &str, base_path: &str, page: &str, href: &str) -> Target {
    let href = href.trim();
    let origin = &base_url[..base_url.len() - base_path.len()];
    let (without_fragment, fragment) = match href.split_once('#') {
        Some((u, f)) => (u, Some(percent_decode_or_keep(f))),
        None => (href, None),
    };
    let without_query = without_fragment.split('?').next().unwrap_or("");
    let path = if without_query.is_empty() {
        page.to_string()
    } else if let Some(rest) = without_query
        .strip_prefix(origin)
        .filter(|r| r.starts_with('/'))
    {
        rest.to_string()
    } else if without_query.starts_with("//") || has_scheme(without_query) {
        return Target::External;
    } else if without_query.starts_with('/') {
        without_query.to_string()
    } else {
        let dir = &page[..page.rfind('/').map_or(0, |i| i + 1)];
        format!("{dir}{without_query}")
    };
    let path = normalize(&percent_decode_or_keep(&path));
    if !path.starts_with(base_path) {
        return Target::Outside(path);
    }
    Target::Internal {
        path,
        fragment: fragment.filter(|f| !f.is_empty()),
    }
}

fn has_scheme(url: &str) -> bool {
    match url.find(':') {
        Some(i) => {
            url[..i]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                && i > 0
        }
        None => false,
    }
}

/// Removes `.` and `..` segments.
fn normalize(path: &str) -> String {
    let mut segments: Vec<&str> = Vec::new();
    let trailing = path.ends_with('/') || path.ends_with("/.") || path.ends_with("/..");
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    let mut out = format!("/{}", segments.join("/"));
    if trailing && out != "/" {
        out.push('/');
    }
    out
}

/// The output file a site path is served from, if there is one: `/wsis/fr/` →
/// `fr/index.html`; `/wsis/style.css` → `style.css`; `/wsis/fr/a-propos` →
/// `fr/a-propos/index.html` (static hosts redirect to the folder).
pub fn output_file(path: &str, base_path: &str, files: &HashSet<String>) -> Option<String> {
    let exact = OutPath::of_url(base_path, path).ok()?;
    if files.contains(exact.as_str()) {
        return Some(exact.as_str().to_string());
    }
    let folder = OutPath::of_url(base_path, &format!("{path}/")).ok()?;
    files
        .contains(folder.as_str())
        .then(|| folder.as_str().to_string())
}

/// The URL path of output file `out` (`fr/index.html` → `/wsis/fr/`).
pub fn page_path(out: &str, base_path: &str) -> String {
    match OutPath::new(out) {
        Ok(p) => p.url(base_path),
        Err(_) => format!("{base_path}{out}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://e.org/wsis/";

    fn internal(path: &str, fragment: Option<&str>) -> Target {
        Target::Internal {
            path: path.into(),
            fragment: fragment.map(str::to_string),
        }
    }

    #[test]
    fn resolves_relative_absolute_and_fragment_only_urls() {
        let page = "/wsis/fr/a-propos/";
        assert_eq!(
            resolve(BASE, "/wsis/", page, "#x"),
            internal(page, Some("x"))
        );
        assert_eq!(
            resolve(BASE, "/wsis/", page, "../programme/"),
            internal("/wsis/fr/programme/", None)
        );
        assert_eq!(
            resolve(BASE, "/wsis/", page, "/wsis/style.css?v=1"),
            internal("/wsis/style.css", None)
        );
        assert_eq!(
            resolve(
                BASE,
                "/wsis/",
                page,
                "https://e.org/wsis/en/#soci%C3%A9t%C3%A9"
            ),
            internal("/wsis/en/", Some("société"))
        );
        assert_eq!(
            resolve(BASE, "/wsis/", page, "https://other.org/"),
            Target::External
        );
        assert_eq!(
            resolve(BASE, "/wsis/", page, "mailto:a@b.c"),
            Target::External
        );
        assert_eq!(
            resolve(BASE, "/wsis/", page, "/elsewhere/"),
            Target::Outside("/elsewhere/".into())
        );
    }

    #[test]
    fn finds_the_output_file_of_a_path() {
        let files: HashSet<String> = ["fr/index.html", "style.css", "fr/a/index.html"]
            .map(String::from)
            .into();
        assert_eq!(
            output_file("/wsis/fr/", "/wsis/", &files).as_deref(),
            Some("fr/index.html")
        );
        assert_eq!(
            output_file("/wsis/style.css", "/wsis/", &files).as_deref(),
            Some("style.css")
        );
        assert_eq!(
            output_file("/wsis/fr/a", "/wsis/", &files).as_deref(),
            Some("fr/a/index.html")
        );
        assert_eq!(output_file("/wsis/fr/b/", "/wsis/", &files), None);
        assert_eq!(page_path("fr/404.html", "/wsis/"), "/wsis/fr/404.html");
    }
}
