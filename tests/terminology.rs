//! One term per concept per language on the forum site.
//!
//! `tests/fixtures/terminology/forbidden.yaml` lists, for each language, the term the
//! site uses for a concept and the variants it must not use. The variants are looked for
//! in the visible text of the built pages (parsed with scraper; each text is checked in
//! the language of its nearest `lang` attribute, so the English name in an Arabic page's
//! language switcher is English) and in the messages of `locales/<lang>/*.ftl` (parsed
//! with fluent-syntax; comments are not text a reader sees).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::*;
use fluent_syntax::ast;
use scraper::{ElementRef, Node, Selector};
use serde::Deserialize;

/// One concept of one language, as written in `forbidden.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Concept {
    concept: String,
    /// The forms the site uses; each must appear somewhere in the language.
    #[serde(rename = "use")]
    chosen: Vec<String>,
    /// The variants that must appear nowhere.
    forbidden: Vec<String>,
    /// Phrases in which a forbidden variant is the right word for another concept.
    #[serde(default)]
    except: Vec<String>,
}

/// Language code → its concepts.
type Terminology = BTreeMap<String, Vec<Concept>>;

fn terminology() -> Terminology {
    let path = repo().join("tests/fixtures/terminology/forbidden.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A text a reader sees: its language, where it comes from and what it says.
#[derive(Debug)]
struct Text {
    lang: String,
    origin: String,
    text: String,
}

/// The forum site, built once for the tests of this file.
fn public() -> &'static Path {
    static SITE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &SITE
        .get_or_init(|| {
            let site = forum_site();
            build(site.path()).unwrap_or_else(|e| panic!("{e}"));
            let public = site.path().join("public");
            (site, public)
        })
        .1
}

// ---------------------------------------------------------------------------------------
// Visible text of the built pages

/// Elements whose content no reader sees as text.
const HIDDEN: [&str; 4] = ["script", "style", "template", "head"];
/// Elements that flow within a line: their text joins the text around them.
const INLINE: [&str; 21] = [
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q",
    "s", "small", "span", "strong", "sub", "sup", "time",
];
/// Attributes whose values are shown or read out to readers.
const SHOWN_ATTRIBUTES: [&str; 4] = ["alt", "title", "placeholder", "aria-label"];

/// Collects the text of one page, line by line, in the language of each piece.
struct Collector<'a> {
    origin: &'a str,
    line: String,
    out: Vec<Text>,
}

impl Collector<'_> {
    fn flush(&mut self, lang: &str) {
        let text = std::mem::take(&mut self.line);
        if !text.trim().is_empty() {
            self.push(lang, text);
        }
    }

    fn push(&mut self, lang: &str, text: String) {
        self.out.push(Text {
            lang: lang.to_string(),
            origin: self.origin.to_string(),
            text,
        });
    }

    /// Text of `el` and its descendants; `lang` is the language `el` inherits. A block, or
    /// an element in another language, ends the line before it and after it.
    fn walk(&mut self, el: ElementRef<'_>, lang: &str) {
        let name = el.value().name();
        let own = el.value().attr("lang").unwrap_or(lang);
        for attr in SHOWN_ATTRIBUTES {
            if let Some(value) = el.value().attr(attr) {
                self.push(own, value.to_string());
            }
        }
        // The document's title is shown in the tab; the rest of <head> is not.
        if HIDDEN.contains(&name) {
            if name == "head" {
                let title = Selector::parse("title").unwrap();
                for t in el.select(&title) {
                    self.push(own, t.text().collect());
                }
            }
            return;
        }
        let breaks = !INLINE.contains(&name) || own != lang;
        if breaks {
            self.flush(lang);
        }
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.line.push_str(t),
                Node::Element(_) => self.walk(ElementRef::wrap(child).unwrap(), own),
                _ => {}
            }
        }
        if breaks {
            self.flush(own);
        }
    }
}

/// The visible text of every HTML page under `public`.
fn page_texts(public: &Path) -> Vec<Text> {
    let mut out = Vec::new();
    for rel in html_files(public) {
        let doc = page(public, &rel);
        let root = doc.root_element();
        let lang = root.value().attr("lang").unwrap_or_default().to_string();
        let mut c = Collector {
            origin: rel.as_str(),
            line: String::new(),
            out: Vec::new(),
        };
        c.walk(root, &lang);
        out.append(&mut c.out);
    }
    out
}

// ---------------------------------------------------------------------------------------
// UI strings

/// The text of every message and attribute of `locales/<lang>/*.ftl` and of the theme's
/// `themes/agora/locales/<lang>/*.ftl` under `root`, each variant of a selector on a line
/// of its own; a placeable reads `{$name}` or `{}`.
fn ui_texts(root: &Path, lang: &str) -> Vec<Text> {
    let mut files: Vec<_> = ["locales", "themes/agora/locales"]
        .iter()
        .flat_map(|d| {
            std::fs::read_dir(root.join(d).join(lang))
                .into_iter()
                .flatten()
        })
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let source = std::fs::read_to_string(&path).unwrap();
        let resource = fluent_syntax::parser::parse_runtime(source.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
        let file = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        for entry in &resource.body {
            let ast::Entry::Message(m) = entry else {
                continue;
            };
            let patterns = m.value.iter().map(|p| (m.id.name.to_string(), p)).chain(
                m.attributes
                    .iter()
                    .map(|a| (format!("{}.{}", m.id.name, a.id.name), &a.value)),
            );
            for (id, pattern) in patterns {
                let mut text = String::new();
                pattern_text(pattern, &mut text);
                out.push(Text {
                    lang: lang.to_string(),
                    origin: format!("{file}: {id}"),
                    text,
                });
            }
        }
    }
    out
}

fn pattern_text(pattern: &ast::Pattern<&str>, out: &mut String) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => out.push_str(value),
            ast::PatternElement::Placeable { expression } => match expression {
                ast::Expression::Select { variants, .. } => {
                    for v in variants {
                        out.push('\n');
                        pattern_text(&v.value, out);
                    }
                    out.push('\n');
                }
                ast::Expression::Inline(ast::InlineExpression::VariableReference { id }) => {
                    out.push_str(&format!("{{${}}}", id.name));
                }
                ast::Expression::Inline(_) => out.push_str("{}"),
            },
        }
    }
}

// ---------------------------------------------------------------------------------------
// Matching

/// Han characters: Chinese is written without spaces, so words have no visible edges.
fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_han(c)
}

/// Whether a word may end between `outside` and `edge`, the variant's own first or last
/// character: unless both are letters or digits of a script written with spaces.
fn at_boundary(outside: Option<char>, edge: Option<char>) -> bool {
    !matches!((outside, edge), (Some(o), Some(e)) if is_word_char(o) && is_word_char(e))
}

/// Byte offsets of the matches of `variant` in `text` (see `forbidden.yaml` for `*`),
/// leaving out those inside an occurrence of one of the `except` phrases.
fn find(text: &str, variant: &str, except: &[String]) -> Vec<usize> {
    let (open_start, core) = match variant.strip_prefix('*') {
        Some(rest) => (true, rest),
        None => (false, variant),
    };
    let (open_end, core) = match core.strip_suffix('*') {
        Some(rest) => (true, rest),
        None => (false, core),
    };
    let excused: Vec<(usize, usize)> = except
        .iter()
        .flat_map(|e| {
            text.match_indices(e.as_str())
                .map(|(i, m)| (i, i + m.len()))
        })
        .collect();
    text.match_indices(core)
        .map(|(i, _)| (i, i + core.len()))
        .filter(|&(i, end)| {
            (open_start || at_boundary(text[..i].chars().next_back(), core.chars().next()))
                && (open_end || at_boundary(text[end..].chars().next(), core.chars().next_back()))
                && !excused.iter().any(|&(a, b)| a <= i && end <= b)
        })
        .map(|(i, _)| i)
        .collect()
}

/// Up to 30 characters of `text` on either side of byte offset `at`.
fn context(text: &str, at: usize) -> String {
    let before: String = text[..at]
        .chars()
        .rev()
        .take(30)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text[at..].chars().take(40).collect();
    format!("…{before}{after}…").replace('\n', " ")
}

/// Every forbidden variant found in the pages under `public` and the UI strings of the
/// site at `root`, one line each: language, concept, variant, where, and the words around.
fn violations(public: &Path, root: &Path) -> Vec<String> {
    let pages = page_texts(public);
    let mut found = Vec::new();
    for (lang, concepts) in terminology() {
        let ui = ui_texts(root, &lang);
        let texts = pages.iter().filter(|t| t.lang == lang).chain(&ui);
        for t in texts {
            for c in &concepts {
                for variant in &c.forbidden {
                    for at in find(&t.text, variant, &c.except) {
                        found.push(format!(
                            "{lang} ({}): {variant:?} in {}: {}",
                            c.concept,
                            t.origin,
                            context(&t.text, at)
                        ));
                    }
                }
            }
        }
    }
    found
}

// ---------------------------------------------------------------------------------------
// Tests

#[test]
fn no_forbidden_variant_in_the_pages_or_the_ui_strings() {
    let found = violations(public(), &repo());
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn each_chosen_term_is_in_use() {
    let pages = page_texts(public());
    for (lang, concepts) in terminology() {
        let ui = ui_texts(&repo(), &lang);
        let all: Vec<&str> = pages
            .iter()
            .filter(|t| t.lang == lang)
            .chain(&ui)
            .map(|t| t.text.as_str())
            .collect();
        assert!(all.len() > 100, "{lang}: only {} texts", all.len());
        for c in &concepts {
            for term in &c.chosen {
                assert!(
                    all.iter().any(|t| t.contains(term.as_str())),
                    "{lang} ({}): {term:?} is used nowhere; is the list out of date?",
                    c.concept
                );
            }
        }
    }
}

/// The check finds a variant put back, in a UI string and on a page built from content.
#[test]
fn a_reintroduced_variant_is_found_in_ui_strings_and_pages() {
    let site = forum_site();
    let edit = |rel: &str, from: &str, to: &str| {
        let path = site.path().join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{rel} lacks {from:?}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    };
    edit(
        "themes/agora/locales/zh/theme.ftl",
        "organizers-host = 承办方",
        "organizers-host = 东道方",
    );
    edit(
        "content/programme.fr.md",
        "s’articule en deux volets",
        "s’articule en deux parties",
    );
    edit("content/data/people.yaml", "Мухиса", "Мукхиса");
    build(site.path()).unwrap_or_else(|e| panic!("{e}"));
    let found = violations(&site.path().join("public"), site.path());
    let has = |needle: &[&str]| found.iter().any(|f| needle.iter().all(|n| f.contains(n)));
    assert!(
        has(&[
            "\"东道\"",
            "themes/agora/locales/zh/theme.ftl: organizers-host"
        ]),
        "{found:#?}"
    );
    assert!(has(&["\"东道\"", "zh/organizers/index.html"]), "{found:#?}");
    assert!(
        has(&["\"deux parties\"", "fr/programme/index.html"]),
        "{found:#?}"
    );
    assert!(
        has(&["\"Мукхиса\"", "ru/people/mukhisa-kituyi/index.html"]),
        "{found:#?}"
    );
}

/// A menu label names the page it leads to as the page names itself.
#[test]
fn menu_labels_are_the_titles_of_their_pages() {
    let public = public();
    for lang in ["ar", "zh", "en", "fr", "ru", "es"] {
        let home = page(public, &format!("{lang}/index.html"));
        let links = Selector::parse(".site-nav a").unwrap();
        let h1 = Selector::parse("main h1").unwrap();
        for a in home.select(&links) {
            let href = a.value().attr("href").unwrap();
            if href == format!("/{lang}/") {
                continue; // Home: the page's heading is the site's title.
            }
            let label: String = a.text().collect();
            let file = file_for(public, href, "/").unwrap_or_else(|| panic!("{href}"));
            let target = scraper::Html::parse_document(&std::fs::read_to_string(file).unwrap());
            let title: String = target.select(&h1).next().unwrap().text().collect();
            assert_eq!(label.trim(), title.trim(), "{lang}: menu link to {href}");
        }
    }
}

/// The text nodes of the pages' bodies in `lang`, each on its own: the words of the
/// content and of the UI strings, without the spaces the theme puts between elements.
fn body_text_nodes(public: &Path, lang: &str) -> Vec<Text> {
    let mut out = Vec::new();
    for rel in html_files(public) {
        let doc = page(public, &rel);
        let body = doc
            .select(&Selector::parse("body").unwrap())
            .next()
            .unwrap();
        for node in body.descendants() {
            let Node::Text(t) = node.value() else {
                continue;
            };
            let mut own = None;
            for a in node.ancestors().filter_map(ElementRef::wrap) {
                if HIDDEN.contains(&a.value().name()) {
                    own = None;
                    break;
                }
                own = own.or(a.value().attr("lang"));
            }
            let own = own.or(doc.root_element().value().attr("lang"));
            if own == Some(lang) {
                out.push(Text {
                    lang: lang.to_string(),
                    origin: rel.clone(),
                    text: t.to_string(),
                });
            }
        }
    }
    out
}

/// Chinese text puts no space between a Han character and a number, a Latin word or a
/// placeable.
#[test]
fn chinese_text_has_no_space_next_to_a_han_character() {
    let ui = ui_texts(&repo(), "zh");
    let nodes = body_text_nodes(public(), "zh");
    assert!(nodes.len() > 100, "only {} Chinese text nodes", nodes.len());
    let mut found = Vec::new();
    for t in nodes.iter().chain(&ui) {
        let chars: Vec<(usize, char)> = t.text.char_indices().collect();
        for w in chars.windows(3) {
            let [(_, a), (at, ' '), (_, b)] = *w else {
                continue;
            };
            let solid = |c: char| !c.is_whitespace();
            if (is_han(a) && solid(b)) || (solid(a) && is_han(b)) {
                found.push(format!("{}: {}", t.origin, context(&t.text, at)));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn variants_match_whole_words_stems_and_not_inside_exceptions() {
    let none: &[String] = &[];
    // Whole words in scripts written with spaces.
    assert_eq!(find("شاركوا في المنتدى", "شارك", none), Vec::<usize>::new());
    assert_eq!(find("يشارك فيها", "شارك", none), Vec::<usize>::new());
    assert_eq!(find("شارك في المنتدى", "شارك", none), [0]);
    assert_eq!(
        find("Соорганизаторы", "Организаторы", none),
        Vec::<usize>::new()
    );
    // Stems.
    assert_eq!(find("на сессиях", "сесси*", none).len(), 1);
    assert_eq!(find("на сессиях", "сесси", none).len(), 0);
    // Chinese has no word edges.
    assert_eq!(find("由国际电联主办。", "主办", none).len(), 1);
    // Punctuation and spaces match wherever they stand.
    assert_eq!(find("mot-clé « x »", "« ", none).len(), 1);
    assert_eq!(find("mot-clé «\u{202f}x\u{202f}»", "« ", none).len(), 0);
    // Exceptions.
    let except = ["Организаторы и партнеры".to_string()];
    assert_eq!(
        find("Организаторы и партнеры", "Организаторы", &except).len(),
        0
    );
    assert_eq!(find("Организаторы — МСЭ", "Организаторы", &except).len(), 1);
}
