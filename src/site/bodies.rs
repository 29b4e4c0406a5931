//! Where the HTML of page bodies comes from while the pages are rendered.
//!
//! The preview server and `check` keep every body's HTML: the Markdown stage renders them
//! all before the plan, into each entry's `content` ([`Bodies::Ahead`]). A build does not
//! need them together: each body is rendered when its page is, and dropped once the page
//! is written ([`Bodies::Streamed`]), so the memory a build holds does not grow with the
//! text of the site. A build's snapshot holds only the front matter of each page, so the
//! text is read again first ([`crate::content::Page::whole_text`]). What other files
//! need of a body is then made again (a feed's twenty newest pages) or kept small (the
//! plain text the search index is made of).

use std::borrow::Cow;
use std::sync::{Mutex, OnceLock};

use super::markdown::{Shortcodes, answer, render_entry, report_broken_links};
use super::{GroupId, LangId, Site};
use crate::error::{Diagnostic, Diagnostics};
use crate::markdown::Rendered;

/// Where page bodies come from.
pub enum Bodies<'a> {
    /// Rendered by the Markdown stage, in each entry's `content`.
    Ahead,
    /// Rendered with each page, then dropped.
    Streamed(Stream<'a>),
}

/// The state of streamed bodies: how to render them, and the plain text of each entry's
/// body, kept for the search index when the site has one.
pub struct Stream<'a> {
    shortcodes: Shortcodes<'a>,
    /// Per language, per entry; `None` when the site has no search index.
    texts: Option<Vec<Vec<OnceLock<String>>>>,
    /// Why a page's text could not be read again, for a file other than its page.
    problems: Mutex<Vec<Diagnostic>>,
}

impl<'a> Bodies<'a> {
    /// Bodies rendered with the pages of `site`, their shortcodes by `shortcodes`; with
    /// `search`, the plain text of each is kept (see [`Bodies::keep_text`]).
    pub fn streamed(site: &Site, shortcodes: Shortcodes<'a>, search: bool) -> Bodies<'a> {
        let texts = search.then(|| {
            site.langs
                .iter()
                .map(|ls| ls.entries.iter().map(|_| OnceLock::new()).collect())
                .collect()
        });
        Bodies::Streamed(Stream {
            shortcodes,
            texts,
            problems: Mutex::default(),
        })
    }

    /// The body of entry `g` in language `l`, for its own page: streamed, it is rendered
    /// now and its problems (broken links, failed shortcodes, a text that changed since
    /// the snapshot) go to `out`; ahead, the Markdown stage reported them already.
    pub fn for_page<'s>(
        &'s self,
        site: &'s Site,
        l: LangId,
        g: GroupId,
        out: &mut Diagnostics,
    ) -> Cow<'s, Rendered> {
        match self {
            Bodies::Ahead => Cow::Borrowed(&site.langs[l].entries[g].content),
            Bodies::Streamed(stream) => {
                Cow::Owned(match render_whole(site, l, g, stream.shortcodes) {
                    Ok((rendered, problems)) => {
                        out.extend(problems.0);
                        rendered
                    }
                    Err(unread) => {
                        out.push(unread);
                        Rendered::default()
                    }
                })
            }
        }
    }

    /// The body of entry `g` in language `l`, for any other file that shows it (a
    /// further page of a list, a feed): streamed, it is rendered again (a text that
    /// changed since the snapshot is kept for [`Bodies::problems`]).
    pub fn body<'s>(&'s self, site: &'s Site, l: LangId, g: GroupId) -> Cow<'s, Rendered> {
        match self {
            Bodies::Ahead => Cow::Borrowed(&site.langs[l].entries[g].content),
            // Its other problems are reported by its own page.
            Bodies::Streamed(stream) => {
                Cow::Owned(match render_whole(site, l, g, stream.shortcodes) {
                    Ok((rendered, _)) => rendered,
                    Err(unread) => {
                        stream.lock().push(unread);
                        Rendered::default()
                    }
                })
            }
        }
    }

    /// The problems met by [`Bodies::body`]: pages whose text changed during the build.
    pub fn problems(&self) -> Vec<Diagnostic> {
        match self {
            Bodies::Ahead => Vec::new(),
            Bodies::Streamed(stream) => std::mem::take(&mut *stream.lock()),
        }
    }

    /// Keeps the plain text of entry `g`'s body in language `l`, made by `text` from
    /// its HTML, when bodies are streamed and the site has a search index.
    pub fn keep_text(&self, l: LangId, g: GroupId, text: impl FnOnce() -> String) {
        if let Bodies::Streamed(Stream {
            texts: Some(texts), ..
        }) = self
        {
            texts[l.index()][g.index()].get_or_init(text);
        }
    }

    /// The plain text of entry `g`'s body in language `l`, as kept by
    /// [`Bodies::keep_text`]; `None` when none was.
    pub fn kept_text(&self, l: LangId, g: GroupId) -> Option<&str> {
        match self {
            Bodies::Streamed(Stream {
                texts: Some(texts), ..
            }) => texts[l.index()][g.index()].get().map(String::as_str),
            _ => None,
        }
    }
}

impl Stream<'_> {
    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Diagnostic>> {
        self.problems.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The body of entry `g` in language `l`, rendered from its page's whole text
/// ([`crate::content::Page::whole_text`]), with its problems; why not, when the text
/// cannot be read again.
pub fn render_whole(
    site: &Site,
    l: LangId,
    g: GroupId,
    shortcodes: Shortcodes<'_>,
) -> Result<(Rendered, Diagnostics), Diagnostic> {
    let page = &site.pages[site.langs[l].entries[g].source];
    let text = page.whole_text()?;
    let ask = |q: &_| answer(site, l, g, shortcodes, q);
    let rendered = render_entry(site, l, g, &text, &ask);
    let mut problems = Diagnostics::default();
    report_broken_links(site, l, g, &text, &rendered, &mut problems);
    Ok((rendered, problems))
}
