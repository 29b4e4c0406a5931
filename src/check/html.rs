//! What the checks need to know about one generated page: the one place that parses
//! HTML (with scraper, so a browser's parsing rules apply).
//!
//! [`Facts::extract`] walks the document once and keeps its language, the ids that
//! anchors can point to, every URL it refers to, its `hreflang` alternates, its images,
//! and the left-to-right islands that stand unisolated in right-to-left text.

use std::collections::HashSet;

use scraper::{ElementRef, Html, Node};

use crate::i18n::bidi;

/// A URL the page refers to.
#[derive(Debug, Clone)]
pub struct Link {
    /// The element (`a`, `link`, `img`, `script`, …).
    pub tag: String,
    /// The URL as written (entities decoded).
    pub url: String,
}

/// An `<img>`.
#[derive(Debug, Clone)]
pub struct Image {
    /// Its `src`.
    pub src: String,
    /// Its `alt`, if the attribute is there.
    pub alt: Option<String>,
}

/// The facts of one page.
#[derive(Debug, Default)]
pub struct Facts {
    /// `<html lang>`.
    pub lang: Option<String>,
    /// Every `id` (and `<a name>`), for `#anchors`.
    pub ids: HashSet<String>,
    /// Links, images, scripts and stylesheets (not alternates nor canonical).
    pub links: Vec<Link>,
    /// `<link rel="alternate" hreflang>`: (hreflang, href).
    pub alternates: Vec<(String, String)>,
    /// `<link rel="canonical">`.
    pub canonical: Option<String>,
    /// Images.
    pub images: Vec<Image>,
    /// Left-to-right islands of right-to-left text that no element isolates.
    pub unisolated: Vec<Island>,
}

/// A left-to-right run standing unisolated in right-to-left text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Island {
    /// The run (`+41 22 730 6240`).
    pub token: String,
    /// The whole text node it stands in, trimmed (`الهاتف: +41 22 730 6240`): found in a
    /// source, it names the template, message or Markdown line that wrote the text
    /// better than the token alone, which the page's own text may also hold.
    pub context: String,
}

/// Elements whose text is not running text, or is shown as it is.
const NOT_RUNNING_TEXT: [&str; 8] = [
    "head", "script", "style", "template", "textarea", "pre", "code", "svg",
];

impl Facts {
    /// Parses `html` and collects its facts.
    pub fn extract(html: &str) -> Facts {
        let doc = Html::parse_document(html);
        let mut facts = Facts::default();
        for node in doc.tree.nodes() {
            match node.value() {
                Node::Element(_) => {
                    if let Some(element) = ElementRef::wrap(node) {
                        facts.element(element);
                    }
                }
                Node::Text(text) => {
                    let Some(parent) = node.parent().and_then(ElementRef::wrap) else {
                        continue;
                    };
                    if needs_isolation_check(parent) {
                        let context = text.trim();
                        facts
                            .unisolated
                            .extend(unisolated_islands(text).into_iter().map(|token| Island {
                                token,
                                context: context.to_string(),
                            }));
                    }
                }
                _ => {}
            }
        }
        facts
    }

    fn element(&mut self, e: ElementRef<'_>) {
        let el = e.value();
        let tag = el.name();
        if let Some(id) = el.id() {
            self.ids.insert(id.to_string());
        }
        if tag == "a"
            && let Some(name) = el.attr("name")
        {
            self.ids.insert(name.to_string());
        }
        if tag == "html" {
            self.lang = el.attr("lang").map(str::to_string);
        }
        let rel = el.attr("rel").unwrap_or("");
        let rels: Vec<&str> = rel.split_ascii_whitespace().collect();
        if tag == "link"
            && rels.contains(&"alternate")
            && let (Some(lang), Some(href)) = (el.attr("hreflang"), el.attr("href"))
        {
            self.alternates.push((lang.to_string(), href.to_string()));
            return;
        }
        if tag == "link" && rels.contains(&"canonical") {
            self.canonical = el.attr("href").map(str::to_string);
            return;
        }
        if tag == "img"
            && let Some(src) = el.attr("src")
        {
            self.images.push(Image {
                src: src.to_string(),
                alt: el.attr("alt").map(str::to_string),
            });
        }
        let attr = match tag {
            "a" | "area" | "link" => "href",
            "img" | "script" | "source" | "iframe" | "audio" | "video" | "track" => "src",
            _ => return,
        };
        if let Some(url) = el.attr(attr) {
            self.links.push(Link {
                tag: tag.to_string(),
                url: url.to_string(),
            });
        }
    }
}

/// Whether text directly inside `parent` is running text whose nearest direction is
/// right to left, with no isolating element (`<bdi>`, `<bdo dir="ltr">`, `dir="ltr"`,
/// `dir="auto"`) between.
fn needs_isolation_check(parent: ElementRef<'_>) -> bool {
    let mut rtl = None;
    let mut node = Some(parent);
    while let Some(e) = node {
        let el = e.value();
        if NOT_RUNNING_TEXT.contains(&el.name()) {
            return false;
        }
        if rtl.is_none() {
            if el.name() == "bdi" {
                return false;
            }
            match el.attr("dir").map(str::to_ascii_lowercase).as_deref() {
                Some("rtl") => rtl = Some(true),
                Some(_) => return false,
                None => {}
            }
        }
        node = e.parent().and_then(ElementRef::wrap);
    }
    rtl.unwrap_or(false)
}

/// The islands of `text` that are not between Unicode isolates (U+2066–U+2068 … U+2069).
fn unisolated_islands(text: &str) -> Vec<String> {
    let islands = bidi::find_islands(text);
    if islands.is_empty() {
        return Vec::new();
    }
    let mut isolated = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for (i, c) in text.char_indices() {
        match c {
            '\u{2066}' | '\u{2067}' | '\u{2068}' => open.push(i),
            '\u{2069}' => {
                if let Some(start) = open.pop() {
                    isolated.push((start, i));
                }
            }
            _ => {}
        }
    }
    islands
        .into_iter()
        .filter(|&(s, e)| !isolated.iter().any(|&(a, b)| a < s && e <= b))
        .map(|(s, e)| text[s..e].to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_unisolated_islands_only_in_rtl_running_text() {
        let html = concat!(
            r#"<html lang="ar" dir="rtl"><head><title>WSIS</title></head><body>"#,
            "<p>الهاتف: +41 22 730 6240</p>",
            r#"<p>المرجع: <bdi dir="ltr">WSIS Forum 2021/01</bdi></p>"#,
            r#"<p>الموقع: <span dir="ltr">www.wsis.org</span> و<code>ITU x</code></p>"#,
            "<p>بواسطة \u{2066}hexaglot\u{2069}</p>",
            r#"<div dir="ltr"><p>English text</p><p dir="rtl">نص 2021 ITU</p></div></body></html>"#,
        );
        let facts = Facts::extract(html);
        let tokens: Vec<&str> = facts.unisolated.iter().map(|i| i.token.as_str()).collect();
        assert_eq!(tokens, ["+41 22 730 6240", "2021 ITU"]);
        assert_eq!(facts.unisolated[0].context, "الهاتف: +41 22 730 6240");
        assert_eq!(facts.lang.as_deref(), Some("ar"));
    }

    #[test]
    fn collects_links_ids_alternates_and_images() {
        let html = r##"<html lang="en"><head><link rel="alternate" hreflang="fr" href="https://e.org/fr/">
            <link rel="canonical" href="https://e.org/en/"><link rel="stylesheet" href="/style.css"></head>
            <body><h2 id="a">A</h2><a name="b"></a><a href="#a">x</a><img src="/i.png"><img src="/j.png" alt=""></body></html>"##;
        let facts = Facts::extract(html);
        assert_eq!(
            facts.alternates,
            [("fr".to_string(), "https://e.org/fr/".to_string())]
        );
        let urls: Vec<&str> = facts.links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(urls, ["/style.css", "#a", "/i.png", "/j.png"]);
        assert!(facts.ids.contains("a") && facts.ids.contains("b"));
        assert_eq!(facts.images[0].alt, None);
        assert_eq!(facts.images[1].alt.as_deref(), Some(""));
    }
}
