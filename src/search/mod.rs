//! Search, fully static: an index per language written at build time
//! (`/<lang>/search/index.json`) and a small script (`search.js` in the theme) that
//! searches it in the browser. No third-party service, nothing sent anywhere.
//!
//! Why an index of our own rather than Pagefind: see README.md ("Search"). In short,
//! Pagefind finds the same pages here but adds about 3½ minutes of compilation and an
//! async runtime to the build, and ~110 KB of script and WebAssembly to a language's
//! first search; our index and script are a few kilobytes, and the normalization is
//! ours to test, the same in Rust and JavaScript ([`normalize`]).
//!
//! The index is JSON: `docs` (URL, title, excerpt), `terms`, each term mapping to a
//! flat list of (document, weight) pairs, and `fold`, the traditional → simplified
//! Chinese pairs that can matter for a query of this index. Only real translations are indexed: a page
//! shown in a fallback language is found in that language's index.
//!
//! The programme is indexed too: each session (title, description, speakers, room,
//! track, format), person (name, role, organization) and organization (name, acronym)
//! that has a page, in the index's language, as [`Doc`]s the render stage makes.

mod messages;
pub mod normalize;
mod text;

use rustc_hash::FxHashMap;

use rayon::prelude::*;
use serde::Serialize;

pub use messages::{SearchMessages, messages};
pub use text::plain_text;

use crate::config::Config;
use crate::site::{Bodies, GroupId, LangId, Site};

/// Version of the index format, checked by the script.
pub const FORMAT_VERSION: u32 = 1;

/// How much a term found in the title or the description counts, against 1 in the body.
pub const TITLE_WEIGHT: u32 = 8;
/// See [`TITLE_WEIGHT`].
pub const DESCRIPTION_WEIGHT: u32 = 3;
/// Characters of the body shown under a result when the page has no description.
const EXCERPT_CHARS: usize = 160;

/// The URL path of a language's index (`/wsis/fr/search/index.json`).
pub fn index_path(config: &Config, lang: &str) -> String {
    format!("{}index.json", config.search_page(lang))
}

/// One language's index, as written.
#[derive(Debug, Serialize)]
pub struct SearchIndex {
    /// [`FORMAT_VERSION`].
    pub version: u32,
    /// Language code.
    pub lang: String,
    /// Documents: [URL path, title, excerpt].
    pub docs: Vec<[String; 3]>,
    /// Term → [doc, weight, doc, weight, …], docs in increasing order; terms sorted.
    #[serde(serialize_with = "as_map")]
    pub terms: Vec<(String, Vec<u32>)>,
    /// Traditional → simplified Chinese pairs (`發发髮发…`) for the Han characters of the
    /// index, with which the browser folds a query as the text was folded.
    pub fold: String,
}

fn as_map<S: serde::Serializer>(
    terms: &[(String, Vec<u32>)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_map(terms.iter().map(|(k, v)| (k, v)))
}

/// A document of the index that is no content page: a session, a person, an
/// organization of the event data, made by the render stage in the index's language.
pub struct Doc {
    /// URL path of its page.
    pub url: String,
    /// Title shown in the results.
    pub title: String,
    /// The line under the title: what it is (a session with its date and time, a
    /// person, an organization).
    pub excerpt: String,
    /// The texts searched, with their weights ([`TITLE_WEIGHT`] for the title).
    pub texts: Vec<(String, u32)>,
}

/// A document's summary (URL, title, excerpt) and its terms with their weights.
type Analysed = ([String; 3], Vec<(String, u32)>);

/// The terms of `texts` with their summed weights.
fn weigh(texts: &[(&str, u32)]) -> Vec<(String, u32)> {
    let normalized: Vec<(String, u32)> = texts
        .iter()
        .map(|(t, w)| (normalize::normalize(t), *w))
        .collect();
    let mut weights: FxHashMap<std::borrow::Cow<str>, u32> = FxHashMap::default();
    for (text, weight) in &normalized {
        normalize::for_each_term(text, |term| *weights.entry(term).or_default() += weight);
    }
    weights
        .into_iter()
        .map(|(t, w)| (t.into_owned(), w))
        .collect()
}

/// Builds the index of language `l`: the pages are analysed on all cores, then their
/// terms merged in page order, then those of `docs` (the programme).
pub fn build_index(site: &Site, bodies: &Bodies<'_>, l: LangId, docs: Vec<Doc>) -> SearchIndex {
    let lang_site = &site.langs[l];
    let mut analysed: Vec<Analysed> = lang_site
        .entries
        .par_iter()
        .enumerate()
        .filter(|(_, e)| !e.fallback)
        .map(|(g, entry)| {
            let g = GroupId::new(g);
            let page = &site.pages[entry.source];
            let body = match bodies.kept_text(l, g) {
                Some(text) => text.to_string(),
                None => plain_text(&bodies.body(site, l, g).html),
            };
            let description = page.front.description.as_deref().unwrap_or("");
            let weights = weigh(&[
                (page.front.title.as_str(), TITLE_WEIGHT),
                (description, DESCRIPTION_WEIGHT),
                (body.as_str(), 1),
            ]);
            let excerpt = match page.front.description.as_deref() {
                Some(d) => d.to_string(),
                None => excerpt(&body),
            };
            (
                [entry.path.clone(), page.front.title.clone(), excerpt],
                weights,
            )
        })
        .collect();
    analysed.par_extend(docs.into_par_iter().map(|doc| {
        let texts: Vec<(&str, u32)> = doc.texts.iter().map(|(t, w)| (t.as_str(), *w)).collect();
        ([doc.url, doc.title, doc.excerpt], weigh(&texts))
    }));
    let mut docs = Vec::with_capacity(analysed.len());
    let mut postings: FxHashMap<String, Vec<u32>> = FxHashMap::default();
    for (doc, (summary, weights)) in analysed.into_iter().enumerate() {
        for (term, weight) in weights {
            postings
                .entry(term)
                .or_default()
                .extend([doc as u32, weight]);
        }
        docs.push(summary);
    }
    let mut terms: Vec<(String, Vec<u32>)> = postings.into_iter().collect();
    terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    // The traditional forms of the Han characters the index holds: only those can make
    // a query match, so the browser gets a few hundred pairs, not OpenCC's thousands.
    let han: std::collections::HashSet<char> = terms
        .iter()
        .filter_map(|(t, _)| {
            let mut chars = t.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if normalize::is_cjk(c) => Some(c),
                _ => None,
            }
        })
        .collect();
    SearchIndex {
        version: FORMAT_VERSION,
        lang: lang_site.lang.clone(),
        docs,
        terms,
        fold: normalize::han_pairs(|s| han.contains(&s)),
    }
}

/// The first words of a text, whitespace collapsed, cut at a character boundary.
fn excerpt(body: &str) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for word in body.split_whitespace() {
        if chars >= EXCERPT_CHARS {
            return format!("{}…", out.trim_end());
        }
        if !out.is_empty() {
            out.push(' ');
            chars += 1;
        }
        let take: String = word
            .chars()
            .take(EXCERPT_CHARS - chars.min(EXCERPT_CHARS))
            .collect();
        chars += take.chars().count();
        out.push_str(&take);
    }
    out
}

/// Language `l`'s index as JSON, with the programme's `docs`.
pub fn file(site: &Site, bodies: &Bodies<'_>, l: LangId, docs: Vec<Doc>) -> Vec<u8> {
    serde_json::to_vec(&build_index(site, bodies, l, docs)).expect("the index serializes")
}
