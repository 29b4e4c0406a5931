//! Search, fully static: an index per language written at build time
//! (`/<lang>/search/index.json`) and a small script (`search.js` in the theme) that
//! searches it in the browser. No third-party service, nothing sent anywhere.
//!
//! Why an index of our own rather than Pagefind: see README.md ("Search"). In short,
//! Pagefind finds the same pages here but adds about 3½ minutes of compilation, an
//! async runtime and some 13 MB to the binary, and ~110 KB of script and WebAssembly
//! per language to the first search; our index and script are a few kilobytes, and the
//! normalization is ours to test, the same in Rust and JavaScript ([`normalize`]).
//!
//! The index is JSON: `docs` (URL, title, excerpt) and `terms`, each term mapping to a
//! flat list of (document, weight) pairs. Only real translations are indexed: a page
//! shown in a fallback language is found in that language's index.

mod messages;
pub mod normalize;
mod text;

use std::collections::BTreeMap;

use serde::Serialize;

pub use messages::{SearchMessages, messages};
pub use text::plain_text;

use crate::config::Config;
use crate::site::Site;

/// Version of the index format, checked by the script.
pub const FORMAT_VERSION: u32 = 1;

/// How much a term found in the title or the description counts, against 1 in the body.
const TITLE_WEIGHT: u32 = 8;
const DESCRIPTION_WEIGHT: u32 = 3;
/// Characters of the body shown under a result when the page has no description.
const EXCERPT_CHARS: usize = 160;

/// The URL path of a language's search page (`/wsis/fr/search/`).
pub fn page_path(config: &Config, lang: &str) -> String {
    format!("{}search/", config.lang_prefix(lang))
}

/// The URL path of a language's index (`/wsis/fr/search/index.json`).
pub fn index_path(config: &Config, lang: &str) -> String {
    format!("{}index.json", page_path(config, lang))
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
    /// Term → [doc, weight, doc, weight, …], docs in increasing order.
    pub terms: BTreeMap<String, Vec<u32>>,
}

/// Builds the index of language `l`.
pub fn build_index(site: &Site, l: usize) -> SearchIndex {
    let lang_site = &site.langs[l];
    let mut docs = Vec::new();
    let mut terms: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for entry in lang_site.entries.iter().filter(|e| !e.fallback) {
        let page = &site.pages[entry.source];
        let body = plain_text(&entry.content.html);
        let doc = docs.len() as u32;
        let mut weights: BTreeMap<String, u32> = BTreeMap::new();
        let description = page.front.description.as_deref().unwrap_or("");
        for (text, weight) in [(page.front.title.as_str(), TITLE_WEIGHT), (description, DESCRIPTION_WEIGHT), (body.as_str(), 1)] {
            for term in normalize::index_terms(text) {
                *weights.entry(term).or_default() += weight;
            }
        }
        for (term, weight) in weights {
            terms.entry(term).or_default().extend([doc, weight]);
        }
        let excerpt = match page.front.description.as_deref() {
            Some(d) => d.to_string(),
            None => excerpt(&body),
        };
        docs.push([entry.path.clone(), page.front.title.clone(), excerpt]);
    }
    SearchIndex { version: FORMAT_VERSION, lang: lang_site.lang.clone(), docs, terms }
}

/// The first words of a text, whitespace collapsed, cut at a character boundary.
fn excerpt(body: &str) -> String {
    let collapsed = body.split_whitespace().collect::<Vec<_>>().join(" ");
    match collapsed.char_indices().nth(EXCERPT_CHARS) {
        Some((cut, _)) => format!("{}…", collapsed[..cut].trim_end()),
        None => collapsed,
    }
}

/// Every language's index: (path in the output folder, bytes).
pub fn files(site: &Site) -> Vec<(String, Vec<u8>)> {
    (0..site.langs.len())
        .map(|l| {
            let path = index_path(&site.config, &site.langs[l].lang);
            let rel = path.strip_prefix(&site.config.base_path).unwrap_or(&path).to_string();
            let json = serde_json::to_vec(&build_index(site, l)).expect("the index serializes");
            (rel, json)
        })
        .collect()
}
