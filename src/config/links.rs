//! Links that `content/site.yaml` names: the menu, the footer's messages and the home
//! page's key dates and buttons.
//!
//! A link leads to a page of the site (`page:` takes what an `@/` link takes, without
//! the `@/`: a content path such as `about.md` or `news/`, or a generated page such as
//! `sessions/` or `people/ada/`; see [`crate::site::targets`]) or to another site
//! (`url:`). Its label is a Fluent message. Links are resolved once the site is
//! assembled; a link that leads nowhere is an error at its line in `site.yaml`, so each
//! link keeps its position.

use serde::Deserialize;

use crate::error::{Diagnostic, Diagnostics};
use crate::yaml::Step;

/// Where a link leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A page of the site, written as an `@/` link is, without `@/`.
    Page(String),
    /// An absolute http(s) URL of another site.
    Url(String),
}

/// How a button looks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Style {
    /// The main call to action.
    #[default]
    Primary,
    /// Any other.
    Secondary,
}

/// One link of the menu or one button of the home page.
#[derive(Debug, Clone)]
pub struct MenuItem {
    /// Where it leads.
    pub target: Target,
    /// The Fluent message that labels it.
    pub label: String,
    /// How it looks, for buttons.
    pub style: Style,
    /// 1-based line and column of the entry in `site.yaml` (0 when unknown).
    pub position: (usize, usize),
}

impl MenuItem {
    /// The content path or generated page it names, if it leads into the site.
    pub fn page(&self) -> Option<&str> {
        match &self.target {
            Target::Page(p) => Some(p),
            Target::Url(_) => None,
        }
    }
}

/// A link as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLink {
    #[serde(default)]
    page: Option<String>,
    #[serde(default)]
    url: Option<String>,
    label: String,
    #[serde(default)]
    style: Style,
}

/// A key date the home page shows.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Highlight {
    /// The id of a record of `content/data/key_dates.yaml`.
    pub id: String,
    /// A Fluent message that labels it instead of the key date's title.
    #[serde(default)]
    pub label: Option<String>,
}

/// What the theme's home page shows besides the home page's text.
#[derive(Debug, Clone, Default)]
pub struct Home {
    /// Key dates, in this order.
    pub key_dates: Vec<Highlight>,
    /// Buttons, in this order.
    pub buttons: Vec<MenuItem>,
    /// Line of each key date in `site.yaml`.
    pub key_date_lines: Vec<usize>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawHome {
    #[serde(default)]
    key_dates: Vec<Highlight>,
    #[serde(default)]
    buttons: Vec<RawLink>,
}

/// Checks the links of `key` (`["menu"]`, `["home", "buttons"]`) and finds their lines.
pub(super) fn links(
    raw: Vec<RawLink>,
    key: &[&str],
    text: &str,
    file: &std::path::Path,
    out: &mut Diagnostics,
) -> Vec<MenuItem> {
    let mut items = Vec::new();
    for (i, link) in raw.into_iter().enumerate() {
        let position = item_position(text, key, i);
        let error =
            |message: String| Diagnostic::error(file, message).at(text, position.0, position.1);
        let target = match (link.page, link.url) {
            (Some(page), None) => Target::Page(page.trim_start_matches("@/").to_string()),
            (None, Some(url)) if super::base_path_of(&url).is_some() || is_url(&url) => {
                Target::Url(url)
            }
            (None, Some(url)) => {
                out.push(
                    error(format!("`{url}` is not an absolute http(s) URL")).hint(
                        "write `url: https://example.org/…`, or `page:` for a page of the site",
                    ),
                );
                continue;
            }
            _ => {
                out.push(
                    error(format!("the entry labelled `{}` needs exactly one of `page` and `url`", link.label))
                        .hint("`page: about.md` (or `sessions/`, `people/<id>/`, …) for a page of the site, `url: https://…` for another site"),
                );
                continue;
            }
        };
        items.push(MenuItem {
            target,
            label: link.label,
            style: link.style,
            position,
        });
    }
    items
}

/// Checks the home page's settings.
pub(super) fn home(
    raw: Option<RawHome>,
    text: &str,
    file: &std::path::Path,
    out: &mut Diagnostics,
) -> Home {
    let Some(raw) = raw else {
        return Home::default();
    };
    let key_date_lines = (0..raw.key_dates.len())
        .map(|i| item_position(text, &["home", "key_dates"], i).0)
        .collect();
    Home {
        buttons: links(raw.buttons, &["home", "buttons"], text, file, out),
        key_dates: raw.key_dates,
        key_date_lines,
    }
}

fn is_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/'))
}

/// The 1-based line and column of item `index` of the list under the nested keys
/// `path` (`menu:` then its `- ` items), or `(0, 0)`.
pub fn item_position(text: &str, path: &[&str], index: usize) -> (usize, usize) {
    let steps: Vec<Step> = path
        .iter()
        .map(|k| Step::Key(k))
        .chain([Step::Index(index)])
        .collect();
    crate::yaml::position_in(text, &steps).unwrap_or((0, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_items_of_nested_lists() {
        let text = "title: T\nmenu:\n  - {page: a.md, label: x}\n  # note\n  - page: b.md\n    label: y\nhome:\n  key_dates:\n  - {id: k}\n  buttons:\n    - {page: c.md, label: z}\n";
        assert_eq!(item_position(text, &["menu"], 0), (3, 5));
        assert_eq!(item_position(text, &["menu"], 1), (5, 5));
        assert_eq!(item_position(text, &["menu"], 2), (0, 0));
        assert_eq!(item_position(text, &["home", "key_dates"], 0), (9, 5));
        assert_eq!(item_position(text, &["home", "buttons"], 0), (11, 7));
    }
}
