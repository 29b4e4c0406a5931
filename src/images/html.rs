//! The markup of a processed image: `<picture>` with a `<source>` per modern format and
//! an `<img>` in the fallback format, each with its `srcset`, and the `width` and
//! `height` that keep the page from moving as images arrive.

use serde::{Deserialize, Serialize};

use super::{Format, ImageInfo};
use crate::html::escape;

/// A processed image as pages show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Picture {
    /// URL of the largest version in the fallback format.
    pub src: String,
    /// Its width in pixels.
    pub width: u32,
    /// Its height in pixels.
    pub height: u32,
    /// `srcset` of the fallback format.
    pub srcset: String,
    /// The modern formats, each with its `srcset`, in the order offered.
    pub sources: Vec<PictureSource>,
    /// The `sizes` attribute.
    pub sizes: String,
}

/// One `<source>` of a picture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PictureSource {
    /// MIME type (`image/webp`).
    #[serde(rename = "type")]
    pub mime: String,
    /// Its `srcset`.
    pub srcset: String,
}

impl Picture {
    /// The picture of `info`, with URLs under `base_path`.
    pub fn of(info: &ImageInfo, base_path: &str, sizes: &str) -> Picture {
        let fallback = info.variants.first().map_or(Format::Jpeg, |v| v.format);
        let srcset = |format: Format| {
            info.variants
                .iter()
                .filter(|v| v.format == format)
                .map(|v| format!("{} {}w", url(base_path, &v.out), v.width))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let largest = info
            .variants
            .iter()
            .filter(|v| v.format == fallback)
            .max_by_key(|v| v.width);
        let mut sources = Vec::new();
        if info.variants.iter().any(|v| v.format == Format::Webp) {
            sources.push(PictureSource {
                mime: Format::Webp.mime().to_string(),
                srcset: srcset(Format::Webp),
            });
        }
        Picture {
            src: largest.map_or_else(String::new, |v| url(base_path, &v.out)),
            width: largest.map_or(info.width, |v| v.width),
            height: largest.map_or(info.height, |v| v.height),
            srcset: srcset(fallback),
            sources,
            sizes: sizes.to_string(),
        }
    }

    /// The HTML: `alt` is the text for people who do not see it; `lazy` defers loading
    /// until the image comes near the screen; `class` goes on `<img>`; `sizes`, when
    /// given, replaces the picture's own.
    pub fn html(&self, alt: &str, lazy: bool, class: Option<&str>, sizes: Option<&str>) -> String {
        let sizes = escape(sizes.unwrap_or(&self.sizes));
        let mut html = String::from("<picture>");
        for s in &self.sources {
            html.push_str(&format!(
                r#"<source type="{}" srcset="{}" sizes="{sizes}">"#,
                s.mime,
                escape(&s.srcset)
            ));
        }
        html.push_str(&format!(
            r#"<img src="{}" srcset="{}" sizes="{sizes}" width="{}" height="{}" alt="{}""#,
            escape(&self.src),
            escape(&self.srcset),
            self.width,
            self.height,
            escape(alt)
        ));
        if let Some(class) = class {
            html.push_str(&format!(r#" class="{}""#, escape(class)));
        }
        if lazy {
            html.push_str(r#" loading="lazy""#);
        }
        html.push_str(r#" decoding="async"></picture>"#);
        html
    }
}

/// A path of the output as a URL path: the base path, and each segment
/// percent-encoded where it must be (spaces, quotes, non-ASCII stay readable to people
/// but are encoded for `srcset`, where a space separates the URL from its width).
fn url(base_path: &str, rel: &str) -> String {
    let mut out = String::from(base_path);
    for c in rel.chars() {
        match c {
            ' ' => out.push_str("%20"),
            ',' => out.push_str("%2C"),
            '"' => out.push_str("%22"),
            c => out.push(c),
        }
    }
    out
}
