//! Markdown to HTML: the one place that calls pulldown-cmark.
//!
//! Beyond CommonMark with tables, footnotes and strikethrough, this adds what a
//! multilingual site needs: heading ids in any script, `@/page.md` links resolved to the
//! page in the language being rendered, and, in right-to-left pages, left-to-right
//! islands isolated with `<bdo dir="ltr">` (see [`crate::i18n::bidi`]). It also gives
//! what Hugo and Zola users expect:
//!
//! - relative links and images (`![Map](map.png)`, `[form](form.pdf)`) resolve against
//!   the page's folder under `content/` (a page bundle's files stand beside its
//!   `index.<lang>.md`); an image with resized versions becomes a `<picture>` with
//!   `srcset`, `sizes`, `width` and `height`, lazily loaded after the first one;
//! - shortcodes (`{{ video(id="…") }}`, `{% note() %}…{% end %}`, see [`shortcodes`]),
//!   rendered by the theme's `shortcodes/<name>.html` templates;
//! - fenced code highlighted with CSS classes ([`highlight`]).
//!
//! Everything the text asks of the site goes through one function (see [`resolve`]).
//!
//! HTML comments (`<!-- … -->`, as blocks or inline) are notes for the people who edit
//! the source, such as a translator's `<!-- unverified: … -->`: they are dropped here and
//! never published. Every other piece of raw HTML is kept as written.

pub mod highlight;
pub mod markup;
pub mod resolve;
pub mod shortcodes;

use std::collections::HashSet;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

pub use resolve::{Answer, Call, FileRef, Query};

use crate::i18n::bidi;

/// What rendering needs to know besides the text.
pub struct RenderContext<'a> {
    /// Whether the page is right to left.
    pub rtl: bool,
    /// Answers what the text asks: where a page is, what a file is, what a shortcode
    /// makes.
    pub resolve: &'a dyn Fn(&Query) -> Answer,
    /// Whether fenced code is highlighted.
    pub highlight: bool,
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

/// A problem in the text, other than a broken `@/` link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Byte offset in the body.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: String,
    /// Whether the build goes on (a warning) or stops.
    pub warning: bool,
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
    /// Missing files, failed shortcodes, unknown code languages.
    pub problems: Vec<Problem>,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders `body` to HTML.
pub fn to_html(body: &str, ctx: &RenderContext<'_>) -> Rendered {
    let mut images = 0;
    render(body, ctx, &mut images)
}

/// Renders `body`; `images` counts the images met so far in the page (only the first
/// loads at once).
fn render(body: &str, ctx: &RenderContext<'_>, images: &mut usize) -> Rendered {
    let mut out = Rendered::default();
    let expanded = shortcodes::expand(body);
    for (offset, message, hint) in &expanded.errors {
        out.problems
            .push(problem(*offset, message.clone(), hint, false));
    }
    let calls: Vec<String> = expanded
        .calls
        .iter()
        .map(|call| shortcode(call, ctx, images, &mut out))
        .collect();
    let body = expanded.text.as_str();
    let mut events: Vec<Event<'_>> = Vec::with_capacity(body.len() / 16);
    let mut used_ids = HashSet::new();
    let mut heading: Option<(usize, HeadingLevel, Option<CowStr<'_>>, String)> = None;
    let mut in_code_block = false;
    // A highlighted fence: its language, text and position.
    let mut code: Option<(String, String, usize)> = None;
    // An image being read: its target, title, alternative text and position.
    let mut image: Option<(CowStr<'_>, CowStr<'_>, String, usize)> = None;
    // Whether an HTML comment opened in an earlier raw HTML event is still open: a block
    // comment over several lines comes as one event per line.
    let mut in_comment = false;

    // Right-to-left text waiting to be isolated: pulldown-cmark cuts a paragraph's text
    // into several events (at `_`, `[`, entities…), and an island must be seen whole.
    let mut rtl_text = String::new();

    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        let at = expanded.original(range.start);
        if let Some((_, _, alt, _)) = image.as_mut() {
            match event {
                Event::Text(t) | Event::Code(t) => alt.push_str(&t),
                Event::End(TagEnd::Image) => {
                    let (dest, title, alt, at) = image.take().expect("checked");
                    let html = image_html(&dest, &title, &alt, at, ctx, images, &mut out);
                    events.push(Event::InlineHtml(CowStr::from(html)));
                }
                _ => {}
            }
            continue;
        }
        if let Some((_, text, _)) = code.as_mut() {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    let (language, text, at) = code.take().expect("checked");
                    let html = highlighted(&language, &text, at, &mut out);
                    events.push(Event::Html(CowStr::from(html)));
                }
                _ => {}
            }
            continue;
        }
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
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                image = Some((dest_url, title, String::new(), at));
                continue;
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = link(dest_url, at, ctx, &mut out);
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if ctx.highlight && !highlight::language_of(&info).is_empty() =>
            {
                code = Some((highlight::language_of(&info).to_string(), String::new(), at));
                continue;
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
            Event::Html(html) => match shortcodes::placeholder_index(&html) {
                Some(i) => Event::Html(CowStr::from(calls.get(i).cloned().unwrap_or_default())),
                None => match without_comments(&html, &mut in_comment) {
                    Some(kept) if kept.is_empty() => continue,
                    Some(kept) => Event::Html(CowStr::from(kept)),
                    None => Event::Html(html),
                },
            },
            Event::InlineHtml(html) => match shortcodes::placeholder_index(&html) {
                Some(i) => {
                    Event::InlineHtml(CowStr::from(calls.get(i).cloned().unwrap_or_default()))
                }
                None => match without_comments(&html, &mut in_comment) {
                    Some(kept) if kept.is_empty() => continue,
                    Some(kept) => Event::InlineHtml(CowStr::from(kept)),
                    None => Event::InlineHtml(html),
                },
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

fn problem(offset: usize, message: String, hint: &str, warning: bool) -> Problem {
    Problem {
        offset,
        message,
        hint: hint.to_string(),
        warning,
    }
}

/// The HTML of one shortcode call; its body is rendered first, with the page's rules.
fn shortcode(
    call: &shortcodes::Found,
    ctx: &RenderContext<'_>,
    images: &mut usize,
    out: &mut Rendered,
) -> String {
    let body = call.body.as_ref().map(|(offset, markdown)| {
        let inner = render(markdown, ctx, images);
        out.broken_links.extend(
            inner
                .broken_links
                .into_iter()
                .map(|(at, link)| (at + offset, link)),
        );
        out.problems.extend(inner.problems.into_iter().map(|mut p| {
            p.offset += offset;
            p
        }));
        out.headings.extend(inner.headings);
        inner.html
    });
    let query = Query::Shortcode(Call {
        name: call.name.clone(),
        args: call.args.clone(),
        body,
    });
    match (ctx.resolve)(&query) {
        Answer::Shortcode(Ok(html)) => html,
        Answer::Shortcode(Err((message, hint))) => {
            out.problems
                .push(problem(call.offset, message, &hint, false));
            String::new()
        }
        _ => String::new(),
    }
}

/// A link's target: `@/` pages and relative files resolved.
fn link<'e>(
    dest: CowStr<'e>,
    at: usize,
    ctx: &RenderContext<'_>,
    out: &mut Rendered,
) -> CowStr<'e> {
    if let Some(target) = dest.strip_prefix("@/") {
        return match (ctx.resolve)(&Query::Page(target.to_string())) {
            Answer::Page(Some(url)) => CowStr::from(url),
            _ => {
                out.broken_links.push((at, dest.to_string()));
                dest
            }
        };
    }
    if !resolve::is_relative(&dest) {
        return dest;
    }
    let (target, suffix) = resolve::split_suffix(&dest);
    let query = Query::File {
        target: target.to_string(),
        image: false,
    };
    match (ctx.resolve)(&query) {
        Answer::File(
            FileRef::Url(url) | FileRef::Image(crate::images::Picture { src: url, .. }),
        ) => CowStr::from(format!("{url}{suffix}")),
        Answer::File(FileRef::Missing) => {
            out.problems.push(missing(at, target, false));
            dest
        }
        _ => dest,
    }
}

fn missing(at: usize, target: &str, image: bool) -> Problem {
    let what = if image { "image" } else { "file" };
    problem(
        at,
        format!("the {what} `{target}` does not exist"),
        "a relative link or image is a file beside the page under content/ (for a page bundle, in its folder); check the name and the folder",
        false,
    )
}

/// An image: a `<picture>` for an image with versions, else an `<img>`.
fn image_html(
    dest: &str,
    title: &str,
    alt: &str,
    at: usize,
    ctx: &RenderContext<'_>,
    images: &mut usize,
    out: &mut Rendered,
) -> String {
    *images += 1;
    let lazy = *images > 1;
    let esc = crate::html::escape;
    let plain = |src: &str| {
        let mut html = format!(r#"<img src="{}" alt="{}""#, esc(src), esc(alt));
        if !title.is_empty() {
            html.push_str(&format!(r#" title="{}""#, esc(title)));
        }
        if lazy {
            html.push_str(r#" loading="lazy""#);
        }
        html.push('>');
        html
    };
    if !resolve::is_relative(dest) {
        return plain(dest);
    }
    let (target, suffix) = resolve::split_suffix(dest);
    let query = Query::File {
        target: target.to_string(),
        image: true,
    };
    match (ctx.resolve)(&query) {
        Answer::File(FileRef::Image(picture)) => picture.html(alt, lazy, None, None),
        Answer::File(FileRef::Url(url)) => plain(&format!("{url}{suffix}")),
        Answer::File(FileRef::Missing) => {
            out.problems.push(missing(at, target, true));
            plain(dest)
        }
        _ => plain(dest),
    }
}

/// A fenced block with a language: highlighted, or shown plain with a warning when no
/// syntax has that name.
fn highlighted(language: &str, text: &str, at: usize, out: &mut Rendered) -> String {
    if let Some(html) = highlight::highlight(text, language) {
        return html;
    }
    out.problems.push(problem(
        at,
        format!("no syntax highlighting for `{language}`: the code is shown plain"),
        "name a known language after the fence (rust, yaml, html, css, js, sh, json, python…), or `text`",
        true,
    ));
    let esc = crate::html::escape;
    format!(
        "<pre><code class=\"language-{}\">{}</code></pre>\n",
        esc(language),
        esc(text)
    )
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
mod tests;
