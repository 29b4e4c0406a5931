//! What the Markdown asks of the site while it is rendered, and what it is told: where
//! a page is, what a file beside the page is, what a shortcode makes.
//!
//! Rendering goes through one function, `Fn(&Query) -> Answer`, so that the preview
//! server can record every question a page's text asked and reuse its HTML as long as
//! every answer stays the same (see [`crate::incremental::markdown`]).

use std::collections::BTreeMap;

use crate::images::Picture;

/// A question the Markdown asks while it is rendered.
#[derive(Debug, Clone, PartialEq)]
pub enum Query {
    /// The URL of `@/path.md#anchor` (without `@/`) in the language being rendered.
    Page(String),
    /// What a relative link or image (`map.png`, `../docs/form.pdf`) names, from the
    /// page's folder under `content/`.
    File {
        /// The target as written, without its `#fragment` or `?query`.
        target: String,
        /// Whether it is the source of an image (`![…](…)`).
        image: bool,
    },
    /// The HTML of a shortcode call.
    Shortcode(Call),
}

/// The answer to a [`Query`].
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// The page's URL, or `None` when there is no such page.
    Page(Option<String>),
    /// The file.
    File(FileRef),
    /// The shortcode's HTML, or why it failed (and a hint).
    Shortcode(Result<String, (String, String)>),
}

/// What a relative link or image names.
#[derive(Debug, Clone, PartialEq)]
pub enum FileRef {
    /// Not a file of the site: a folder-like path (`../sessions/`) left as written.
    NotAFile,
    /// A file that does not exist under `content/`.
    Missing,
    /// A file published as it is, at this URL.
    Url(String),
    /// An image with resized versions.
    Image(Picture),
}

/// A shortcode call: `{{ name(key=value, …) }}`, or `{% name(…) %}body{% end %}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    /// The shortcode's name: its template is `shortcodes/<name>.html`.
    pub name: String,
    /// Its arguments.
    pub args: BTreeMap<String, serde_json::Value>,
    /// The body of a block call, rendered to HTML.
    pub body: Option<String>,
}

/// Whether a link or image target is relative to the page's folder: not `@/…`, not
/// absolute, not an anchor or query alone, not another scheme (`https:`, `mailto:`).
pub fn is_relative(target: &str) -> bool {
    let t = target.trim();
    if t.is_empty() || t.starts_with(['/', '#', '?', '@']) {
        return false;
    }
    match t.find(':') {
        Some(i) => {
            let scheme = &t[..i];
            let before_slash = !t[..i].contains('/');
            !(before_slash
                && !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        }
        None => true,
    }
}

/// `map.png#x` → (`map.png`, `#x`); `a.pdf?v=1` → (`a.pdf`, `?v=1`).
pub fn split_suffix(target: &str) -> (&str, &str) {
    match target.find(['#', '?']) {
        Some(i) => (&target[..i], &target[i..]),
        None => (target, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_targets() {
        for t in ["map.png", "../a/b.pdf", "photos/x.jpg#top"] {
            assert!(is_relative(t), "{t}");
        }
        for t in [
            "/x.png",
            "https://e.org/",
            "mailto:a@b.c",
            "#top",
            "@/about.md",
            "tel:+41",
        ] {
            assert!(!is_relative(t), "{t}");
        }
        assert_eq!(split_suffix("a.png#x"), ("a.png", "#x"));
    }
}
