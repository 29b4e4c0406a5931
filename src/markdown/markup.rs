//! What a page's Markdown writes as markup, with where: the links, images and raw HTML
//! of a body as pulldown-cmark reads it, so that `check` can name the Markdown line
//! behind a URL or a text of the output by the parser's positions, not by a search that
//! a code span or a front-matter value could match first.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};

/// The kind of a piece of markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A link, by its destination.
    Link,
    /// An image, by its source.
    Image,
    /// Raw HTML, by its text.
    Html,
}

/// A link, image or piece of raw HTML of a Markdown body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Markup {
    /// What it is.
    pub kind: Kind,
    /// The destination of a link or image, as the parser read it; the HTML itself.
    pub text: String,
    /// Its bytes in the body as written (shortcodes not expanded).
    pub range: Range<usize>,
}

/// The links, images and raw HTML of `body`, in order.
pub fn markup(body: &str) -> Vec<Markup> {
    let expanded = super::shortcodes::expand(body);
    let original = |r: Range<usize>| expanded.original(r.start)..expanded.original(r.end);
    Parser::new_ext(&expanded.text, super::options())
        .into_offset_iter()
        .filter_map(|(event, range)| {
            let (kind, text) = match event {
                Event::Start(Tag::Link { dest_url, .. }) => (Kind::Link, dest_url),
                Event::Start(Tag::Image { dest_url, .. }) => (Kind::Image, dest_url),
                Event::Html(html) | Event::InlineHtml(html) => (Kind::Html, html),
                _ => return None,
            };
            Some(Markup {
                kind,
                text: text.into_string(),
                range: original(range),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_links_images_and_html_with_their_ranges() {
        let body = "Path `/a/`, [a](/a/) and ![m](/m.png).\n\n<p>raw +41</p>\n";
        let found = markup(body);
        let kinds: Vec<(Kind, &str, &str)> = found
            .iter()
            .map(|m| (m.kind, m.text.as_str(), &body[m.range.clone()]))
            .collect();
        assert_eq!(
            kinds,
            [
                (Kind::Link, "/a/", "[a](/a/)"),
                (Kind::Image, "/m.png", "![m](/m.png)"),
                (Kind::Html, "<p>raw +41</p>\n", "<p>raw +41</p>\n"),
            ]
        );
    }
}
