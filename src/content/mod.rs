//! Parsing one content file: YAML front matter and the Markdown body.
//!
//! [`parse_page`] is pure (text in, [`Page`] out), so it is tested without a disk; the
//! caller reads the file. Markdown is turned into HTML later, once every page has a URL,
//! because `@/` links resolve to pages in the language being rendered.

use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;

pub use crate::date::PageDate;

use crate::discover::Source;
use crate::error::Diagnostic;
use crate::slug::Slug;
use crate::yaml::{Position, Step, Tree};

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
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// The title.
    pub title: String,
    /// One sentence for `<meta name="description">` and lists.
    #[serde(default)]
    pub description: Option<String>,
    /// Publication or event date, `YYYY-MM-DD` (a time after it is allowed and ignored);
    /// checked as it is parsed.
    #[serde(default, deserialize_with = "date_text")]
    pub date: Option<String>,
    /// Position in lists, smallest first.
    #[serde(default)]
    pub weight: Option<i64>,
    /// The last URL segment in this language; the file name by default.
    #[serde(default)]
    pub slug: Option<Slug>,
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
    /// Byte range of the front matter's YAML in `text`, and the line it starts on.
    front_range: (usize, usize, usize),
}

impl FrontMatter {
    /// Whether `other` differs from this front matter at most in the title and the
    /// description: what the page, the lists of pages and the feeds show, but nothing
    /// the site's structure (URLs, sections, tags, translations) is made of. Only the
    /// order of a section sorted by title follows a title.
    pub fn same_but_shown_text(&self, other: &FrontMatter) -> bool {
        let structure = |f: &FrontMatter| FrontMatter {
            title: String::new(),
            description: None,
            ..f.clone()
        };
        structure(self) == structure(other)
    }
}

impl Page {
    /// The Markdown body, when the snapshot holds it (see [`Page::whole_text`]).
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    /// The whole text of the file: the snapshot's, or, when it holds only the front
    /// matter (a build's), the file read again and checked to be the same text.
    pub fn whole_text(&self) -> Result<std::borrow::Cow<'_, str>, Diagnostic> {
        match self.source.body_digest {
            None => Ok(std::borrow::Cow::Borrowed(&self.text)),
            Some(digest) => {
                crate::sources::read_again(&self.source.path, &self.source.display, digest)
                    .map(std::borrow::Cow::Owned)
            }
        }
    }

    /// Where the front matter's value at `path` (`["slug"]`, `["aliases", 1]`) is in the
    /// file, counted from its top; the nearest enclosing value when it is not written, and
    /// the first line when the front matter has none. For problems found after parsing.
    pub fn position(&self, path: &[Step]) -> Position {
        let (start, end, line) = self.front_range;
        Tree::parse(&self.text[start..end], line).map_or((1, 1), |t| t.nearest(path))
    }
}

fn date_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let text = String::deserialize(d)?;
    match PageDate::parse(&text) {
        Some(_) => Ok(Some(text)),
        None => Err(serde::de::Error::custom(format!(
            "`{text}` is not a date (YYYY-MM-DD)"
        ))),
    }
}

/// Splits front matter from body and parses it; the text is the source's.
pub fn parse_page(source: Source) -> Result<Page, Diagnostic> {
    let text = source.text.clone();
    let file = source.display.clone();
    let (yaml_start, yaml_end, yaml_line, body_start) =
        split_front_matter(&text).map_err(|missing| missing.diagnostic(&file, &text))?;
    let yaml = &text[yaml_start..yaml_end];
    let front: FrontMatter = crate::yaml::from_str(yaml, &file, &text, yaml_line)?;
    let date = front.date.as_deref().and_then(PageDate::parse);
    Ok(Page {
        source,
        front,
        date,
        text,
        body_start,
        front_range: (yaml_start, yaml_end, yaml_line),
    })
}

/// How long the head of a page's `text` is: up to the end of the line that closes its
/// front matter (the whole text when it has none, for the parser to report).
pub fn head_length(text: &str) -> usize {
    split_front_matter(text).map_or(text.len(), |(.., body_start)| body_start)
}

/// Why a file's front matter could not be found.
enum NoFrontMatter {
    /// The file does not start with `---`.
    Missing,
    /// It starts with `+++`: TOML front matter, as other generators take.
    Toml,
    /// The opening `---` has no closing line.
    Unclosed,
}

impl NoFrontMatter {
    fn diagnostic(self, file: &Path, text: &str) -> Diagnostic {
        let (message, hint) = match self {
            NoFrontMatter::Missing => (
                "the file has no front matter",
                "start the file with `---`, a line `title: …`, and `---`",
            ),
            NoFrontMatter::Toml => (
                "TOML front matter (`+++`) is not supported",
                "write the front matter in YAML between two `---` lines",
            ),
            NoFrontMatter::Unclosed => (
                "the front matter is not closed",
                "end the front matter with a line `---` before the text",
            ),
        };
        Diagnostic::error(file, message).at(text, 1, 1).hint(hint)
    }
}

/// Returns the byte range of the YAML, the 1-based line it starts on, and the byte offset
/// of the body.
fn split_front_matter(text: &str) -> Result<(usize, usize, usize, usize), NoFrontMatter> {
    let text_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[text_start..];
    let first = rest.split('\n').next().unwrap_or("").trim_end();
    if first == "+++" {
        return Err(NoFrontMatter::Toml);
    }
    if first != "---" {
        return Err(NoFrontMatter::Missing);
    }
    let Some(first_end) = rest.find('\n') else {
        return Err(NoFrontMatter::Unclosed);
    };
    let yaml_start = text_start + first_end + 1;
    let mut offset = yaml_start;
    for line in text[yaml_start..].split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Ok((yaml_start, offset, 2, offset + line.len()));
        }
        offset += line.len();
    }
    Err(NoFrontMatter::Unclosed)
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
            body_digest: None,
            unread: None,
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
        assert_eq!((e.line, e.column), (3, 7));
    }

    #[test]
    fn slug_with_a_nul_is_refused_where_it_is_written() {
        let e = parse_page(source("---\ntitle: x\nslug: \"a\\0b\"\n---\n")).unwrap_err();
        assert_eq!((e.line, e.column), (3, 7), "{e}");
        assert_eq!(e.message, "the slug `a\\0b` contains a control character");
    }

    #[test]
    fn unclosed_and_toml_front_matter_say_so() {
        let e = parse_page(source("---\ntitle: x\n\nText.\n")).unwrap_err();
        assert_eq!(e.message, "the front matter is not closed");
        let e = parse_page(source("+++\ntitle = \"x\"\n+++\n")).unwrap_err();
        assert!(e.message.starts_with("TOML front matter"), "{e}");
    }

    #[test]
    fn positions_count_from_the_top_of_the_file() {
        let p = parse_page(source("---\ntitle: x\nslug: y\n---\n")).unwrap();
        assert_eq!(p.position(&["slug".into()]), (3, 7));
        assert_eq!(p.position(&["aliases".into()]), (2, 1));
    }
}
