//! Markdown to HTML: the one place that calls pulldown-cmark.
//!
//! Beyond CommonMark with tables, footnotes and strikethrough, this adds what a
//! multilingual site needs: heading ids in any script, `@/page.md` links resolved to the
//! page in the language being rendered, and, in right-to-left pages, left-to-right
//! islands isolated with `<bdi>` (see [`crate::i18n::bidi`]).

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

    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
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
                match (ctx.rtl && !in_code_block)
                    .then(|| bidi::isolate_ltr(&text))
                    .flatten()
                {
                    Some(html) => Event::InlineHtml(CowStr::from(html)),
                    None => Event::Text(text),
                }
            }
            Event::Code(code) => {
                if let Some((_, _, _, heading_text)) = heading.as_mut() {
                    heading_text.push_str(&code);
                }
                Event::Code(code)
            }
            other => other,
        };
        events.push(event);
    }
    out.html.reserve(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut out.html, events.into_iter());
    out
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
        let r = render("الهاتف: +41 22 730 6240\n\n```\nITU x\n```\n", true);
        assert!(
            r.html.contains(r#"<bdi dir="ltr">+41 22 730 6240</bdi>"#),
            "{}",
            r.html
        );
        assert!(r.html.contains("<code>ITU x\n</code>"), "{}", r.html);
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
