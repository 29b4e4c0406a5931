//! Parsing one content file: YAML front matter and the Markdown body.
//!
//! [`parse_page`] is pure (text in, [`Page`] out), so it is tested without a disk; the
//! caller reads the file. Markdown is turned into HTML later, once every page has a URL,
//! because `@/` links resolve to pages in the language being rendered.

mod date;

use std::sync::Arc;

use serde::Deserialize;

pub use date::PageDate;

use crate::discover::Source;
use crate::error::Diagnostic;

/// How a translation came to be; shown as a banner on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TranslationKind {
    /// The authoritative text.
    Official,
    /// A translation made for readers' convenience.
    Unofficial,
    /// A machine translation.
    Machine,
}

/// How a section orders its pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortBy {
    /// By `weight`, then title.
    #[default]
    Weight,
    /// Newest first, then title.
    Date,
    /// By title.
    Title,
}

/// The front matter of a page or section, as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// The title.
    pub title: String,
    /// One sentence for `<meta name="description">` and lists.
    #[serde(default)]
    pub description: Option<String>,
    /// Publication or event date, `YYYY-MM-DD` (a time after it is allowed and ignored).
    #[serde(default)]
    pub date: Option<String>,
    /// Position in lists, smallest first.
    #[serde(default)]
    pub weight: Option<i64>,
    /// The last URL segment in this language; the file name by default.
    #[serde(default)]
    pub slug: Option<String>,
    /// A template other than `page.html` / `section.html`.
    #[serde(default)]
    pub template: Option<String>,
    /// Drafts are built only with `--drafts`.
    #[serde(default)]
    pub draft: bool,
    /// Old URLs that redirect to this page.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Tags, in the page's language.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Official, unofficial or machine translation.
    #[serde(default)]
    pub translation: Option<TranslationKind>,
    /// The language of the original text, for the translation banner.
    #[serde(default)]
    pub original: Option<String>,
    /// Sections only: how to order the pages.
    #[serde(default)]
    pub sort_by: SortBy,
    /// A short hash of the default-language source this translation was made from.
    #[serde(default)]
    pub translated_from: Option<String>,
    /// Whether the page shows a table of contents of its headings.
    #[serde(default)]
    pub toc: bool,
    /// Sections only: how many pages each page of the list shows (`…/page/2/` after).
    #[serde(default)]
    pub paginate_by: Option<usize>,
}

/// One parsed content file: a translation of a page or section.
#[derive(Debug, Clone)]
pub struct Page {
    /// Where it came from.
    pub source: Source,
    /// Its front matter.
    pub front: FrontMatter,
    /// The parsed `date`.
    pub date: Option<PageDate>,
    /// The whole file, kept for diagnostics.
    pub text: Arc<str>,
    /// Byte offset of the Markdown body in `text`.
    pub body_start: usize,
}

impl Page {
    /// The Markdown body.
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
}

/// Splits front matter from body and parses it; the text is the source's.
pub fn parse_page(source: Source) -> Result<Page, Diagnostic> {
    let text = source.text.clone();
    let file = source.display.clone();
    let (yaml, yaml_line, body_start) = split_front_matter(&text).ok_or_else(|| {
        Diagnostic::error(&file, "the file has no front matter")
            .at(&text, 1, 1)
            .hint("start the file with `---`, a line `title: …`, and `---`")
    })?;
    let front: FrontMatter = crate::yaml::from_str(yaml, &file, &text, yaml_line)?;
    let date = match &front.date {
        None => None,
        Some(d) => Some(PageDate::parse(d).ok_or_else(|| {
            let (line, column) = crate::yaml::locate(yaml, "date", "");
            Diagnostic::error(&file, format!("`{d}` is not a date"))
                .at(&text, line + yaml_line - 1, column)
                .hint("write dates as YYYY-MM-DD, e.g. 2021-05-17")
        })?),
    };
    if let Some(slug) = &front.slug {
        check_slug(slug).map_err(|why| {
            let (line, column) = crate::yaml::locate(yaml, "slug", "");
            Diagnostic::error(&file, format!("the slug `{slug}` {why}"))
                .at(&text, line + yaml_line - 1, column)
                .hint("a slug is one URL segment: letters, digits and hyphens")
        })?;
    }
    Ok(Page {
        source,
        front,
        date,
        text,
        body_start,
    })
}

/// Returns the YAML, the 1-based line it starts on, and the byte offset of the body.
fn split_front_matter(text: &str) -> Option<(&str, usize, usize)> {
    let text_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[text_start..];
    let first_end = rest.find('\n')?;
    if rest[..first_end].trim_end() != "---" {
        return None;
    }
    let yaml_start = text_start + first_end + 1;
    let mut offset = yaml_start;
    for line in text[yaml_start..].split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Some((&text[yaml_start..offset], 2, offset + line.len()));
        }
        offset += line.len();
    }
    None
}

fn check_slug(slug: &str) -> Result<(), &'static str> {
    if slug.is_empty() {
        Err("is empty")
    } else if slug.contains(['/', '\\', '?', '#', '%']) || slug == "." || slug == ".." {
        Err("contains characters that cannot stand in one URL segment")
    } else if slug.chars().any(char::is_whitespace) {
        Err("contains spaces")
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discover::SourceKind;

    fn source(text: &str) -> Source {
        Source {
            path: "content/a.fr.md".into(),
            display: "content/a.fr.md".into(),
            rel: "a.fr.md".into(),
            key: "a.md".into(),
            lang: "fr".into(),
            kind: SourceKind::Page,
            text: Arc::from(text),
            version: 0,
        }
    }

    #[test]
    fn front_matter_and_body() {
        let p = parse_page(source("---\ntitle: Bonjour\nweight: 3\n---\n# Corps\n")).unwrap();
        assert_eq!(p.front.title, "Bonjour");
        assert_eq!(p.front.weight, Some(3));
        assert_eq!(p.body(), "# Corps\n");
    }

    #[test]
    fn yaml_errors_count_lines_from_the_top_of_the_file() {
        let e = parse_page(source("---\ntitle: ok\nweight: [1\n---\n")).unwrap_err();
        assert_eq!(e.line, 3, "{e}");
    }

    #[test]
    fn unknown_front_matter_field_is_an_error() {
        let e = parse_page(source("---\ntitle: x\ntitel: y\n---\n")).unwrap_err();
        assert!(e.message.contains("titel"), "{e}");
        assert_eq!(e.line, 3);
    }

    #[test]
    fn bad_date_is_located() {
        let e = parse_page(source("---\ntitle: x\ndate: 2021-13-01\n---\n")).unwrap_err();
        assert_eq!((e.line, e.column), (3, 1));
    }
}
