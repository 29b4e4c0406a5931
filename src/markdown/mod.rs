//! Markdown to HTML: the one place that calls pulldown-cmark.
//!
//! Beyond CommonMark with tables, footnotes and strikethrough, this adds what a
//! multilingual site needs: heading ids in any script, `@/page.md` links resolved to the
//! page in the language being rendered, and, in right-to-left pages, left-to-right
//! islands isolated with `<bdo dir="ltr">` (see [`crate::i18n::bidi`]).
//!
//! HTML comments (`<!-- … -->`, as blocks or inline) are notes for the people who edit
//! the source, such as a translator's `<!-- unverified: … -->`: they are dropped here and
//! never published. Every other piece of raw HTML is kept as written.

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::i18n::bidi;

/// What rendering needs to know besides the text.
pub struct RenderContext<'a> {
    /// Whether the page is right to left.
    pub rtl: bool,
    /// Resolves `@/path.md#anchor` (without `@/`) to a URL, or `None` if there is no such page.
    pub resolve: &'a dyn Fn(&str) -> Option<String>,
}

/// A heading of the page, for anchors and tables of contents.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Heading {
    /// 1–6.
    pub level: u8,
    /// The `id` attribute.
    pub id: String,
    /// The heading's text.
    pub text: String,
}

/// The result of rendering one Markdown body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The HTML.
    pub html: String,
    /// Headings in order.
    pub headings: Vec<Heading>,
    /// `@/` links that resolve to no page: (byte offset in the body, the link as written).
    pub broken_links: Vec<(usize, String)>,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders `body` to HTML.
pub fn to_html(body: &str, ctx: &RenderContext<'_>) -> Rendered {
    let mut out = Rendered::default();
    let mut events: Vec<Event<'_>> = Vec::with_capacity(body.len() / 16);
    let mut used_ids = HashSet::new();
    let mut heading: Option<(usize, HeadingLevel, Option<CowStr<'_>>, String)> = None;
    let mut in_code_block = false;
    // Whether an HTML comment opened in an earlier raw HTML event is still open: a block
    // comment over several lines comes as one event per line.
    let mut in_comment = false;

    // Right-to-left text waiting to be isolated: pulldown-cmark cuts a paragraph's text
    // into several events (at `_`, `[`, entities…), and an island must be seen whole.
    let mut rtl_text = String::new();

    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        if !matches!(event, Event::Text(_)) {
            flush_rtl_text(&mut rtl_text, &mut events);
        }
        let event = match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                heading = Some((events.len(), level, id, String::new()));
                events.push(Event::Start(Tag::Paragraph)); // placeholder, replaced at the end
                continue;
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some((at, _, id, text)) = heading.take() {
                    let id = unique_id(
                        id.map_or_else(|| crate::slug::slugify(&text), |i| i.to_string()),
                        &mut used_ids,
                    );
                    events[at] = Event::Start(Tag::Heading {
                        level,
                        id: Some(CowStr::from(id.clone())),
                        classes: Vec::new(),
                        attrs: Vec::new(),
                    });
                    out.headings.push(Heading {
                        level: level as u8,
                        id,
                        text,
                    });
                }
                Event::End(TagEnd::Heading(level))
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = match dest_url.strip_prefix("@/") {
                    Some(target) => match (ctx.resolve)(target) {
                        Some(url) => CowStr::from(url),
                        None => {
                            out.broken_links.push((range.start, dest_url.to_string()));
                            dest_url
                        }
                    },
                    None => dest_url,
                };
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                in_code_block = true;
                Event::Start(Tag::CodeBlock(kind))
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code_block = false;
                Event::End(TagEnd::CodeBlock)
            }
            Event::Text(text) => {
                if let Some((_, _, _, heading_text)) = heading.as_mut() {
                    heading_text.push_str(&text);
                }
                if ctx.rtl && !in_code_block {
                    rtl_text.push_str(&text);
                    continue;
                }
                Event::Text(text)
            }
            Event::Code(code) => {
                if let Some((_, _, _, heading_text)) = heading.as_mut() {
                    heading_text.push_str(&code);
                }
                Event::Code(code)
            }
            Event::Html(html) => match without_comments(&html, &mut in_comment) {
                Some(kept) if kept.is_empty() => continue,
                Some(kept) => Event::Html(CowStr::from(kept)),
                None => Event::Html(html),
            },
            Event::InlineHtml(html) => match without_comments(&html, &mut in_comment) {
                Some(kept) if kept.is_empty() => continue,
                Some(kept) => Event::InlineHtml(CowStr::from(kept)),
                None => Event::InlineHtml(html),
            },
            other => other,
        };
        events.push(event);
    }
    flush_rtl_text(&mut rtl_text, &mut events);
    out.html.reserve(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut out.html, events.into_iter());
    out
}

/// Pushes the waiting right-to-left text, its left-to-right islands isolated.
fn flush_rtl_text(text: &mut String, events: &mut Vec<Event<'_>>) {
    if text.is_empty() {
        return;
    }
    let taken = std::mem::take(text);
    events.push(match bidi::isolate_ltr(&taken) {
        Some(html) => Event::InlineHtml(CowStr::from(html)),
        None => Event::Text(CowStr::from(taken)),
    });
}

/// Raw HTML without its comments, given whether a comment is open where it starts
/// (updated for the next piece); `None` when it holds no comment and can stay as it is.
fn without_comments(html: &str, in_comment: &mut bool) -> Option<String> {
    if !*in_comment && !html.contains("<!--") {
        return None;
    }
    let mut kept = String::with_capacity(html.len());
    let mut rest = html;
    loop {
        if *in_comment {
            match rest.find("-->") {
                Some(end) => {
                    rest = &rest[end + 3..];
                    *in_comment = false;
                }
                None => break,
            }
        } else {
            match rest.find("<!--") {
                Some(start) => {
                    kept.push_str(&rest[..start]);
                    rest = &rest[start + 4..];
                    *in_comment = true;
                }
                None => {
                    kept.push_str(rest);
                    break;
                }
            }
        }
    }
    // A comment alone on its line leaves a blank line behind, not a paragraph.
    Some(if kept.trim().is_empty() {
        String::new()
    } else {
        kept
    })
}

fn unique_id(base: String, used: &mut HashSet<String>) -> String {
    let base = if base.is_empty() {
        "section".to_string()
    } else {
        base
    };
    let mut id = base.clone();
    let mut n = 1;
    while !used.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(body: &str, rtl: bool) -> Rendered {
        let resolve = |p: &str| (p == "about.md").then(|| "/fr/a-propos/".to_string());
        to_html(
            body,
            &RenderContext {
                rtl,
                resolve: &resolve,
            },
        )
    }

    #[test]
    fn resolves_internal_links_and_reports_broken_ones() {
        let r = render("[a](@/about.md) and [b](@/missing.md)", false);
        assert!(r.html.contains(r#"href="/fr/a-propos/""#), "{}", r.html);
        assert_eq!(r.broken_links, vec![(20, "@/missing.md".to_string())]);
    }

    #[test]
    fn heading_ids_in_any_script_and_unique() {
        let r = render("## Société civile\n\n## 论坛\n\n## 论坛\n", false);
        let ids: Vec<_> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["société-civile", "论坛", "论坛-1"]);
        assert!(r.html.contains(r#"<h2 id="论坛-1">"#), "{}", r.html);
    }

    #[test]
    fn rtl_text_isolates_ltr_islands_but_not_code() {
        let r = render("الهاتف: +41 22 730 6240\n\n```\nITU-T x\n```\n", true);
        assert!(
            r.html.contains(r#"<bdo dir="ltr">+41 22 730 6240</bdo>"#),
            "{}",
            r.html
        );
        assert!(r.html.contains("<code>ITU-T x\n</code>"), "{}", r.html);
        let ltr = render("Phone: +41 22 730 6240", false);
        assert!(!ltr.html.contains("<bdo"), "{}", ltr.html);
    }

    #[test]
    fn rtl_islands_are_seen_whole_across_text_events() {
        // pulldown-cmark cuts the text at `_` and at the entity `&amp;`.
        let r = render("الرقمان 555_123 و 1&amp;2 هنا", true);
        assert!(
            r.html.contains(r#"<bdo dir="ltr">555_123</bdo>"#),
            "{}",
            r.html
        );
        assert!(
            r.html.contains(r#"<bdo dir="ltr">1&amp;2</bdo>"#),
            "{}",
            r.html
        );
    }

    #[test]
    fn html_comments_are_dropped_and_other_raw_html_kept() {
        let body = concat!(
            "Débat de haut niveau<!-- unverified: débat de haut niveau --> et volet.\n\n",
            "<!-- a note\nover two lines -->\n\n",
            "<aside class=\"note\"><!-- inner --><b>Kept</b></aside>\n\n",
            "<!-- before --> <div id=\"after\">x</div>\n\n",
            "`<!-- code -->` stays\n\n```\n<!-- fenced -->\n```\n",
        );
        let r = render(body, false);
        assert!(
            !r.html.contains("unverified") && !r.html.contains("a note"),
            "{}",
            r.html
        );
        assert!(
            !r.html.contains("inner") && !r.html.contains("before"),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("<p>Débat de haut niveau et volet.</p>"),
            "{}",
            r.html
        );
        assert!(
            r.html
                .contains(r#"<aside class="note"><b>Kept</b></aside>"#),
            "{}",
            r.html
        );
        assert!(r.html.contains(r#"<div id="after">x</div>"#), "{}", r.html);
        // Code shows comments as text: they are not comments there.
        assert!(
            r.html.contains("<code>&lt;!-- code --&gt;</code>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("&lt;!-- fenced --&gt;"), "{}", r.html);
    }

    #[test]
    fn tables_and_footnotes() {
        let r = render(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1]\n\n[^1]: Note\n",
            false,
        );
        assert!(r.html.contains("<table>"));
        assert!(r.html.contains("footnote"));
    }
}
