//! The site's image options: `images:` in `content/site.yaml` (see `docs/images.md`).

use serde::Deserialize;

/// The site's image options (`images:` in `content/site.yaml`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ImageOptions {
    /// The widths, in pixels, of the versions made of each image.
    pub widths: Vec<u32>,
    /// Encoding quality of JPEG and WebP, 1–100.
    pub quality: u8,
    /// Whether WebP versions are made (offered before the fallback).
    pub webp: bool,
    /// The `sizes` attribute of images in the text: how wide they are shown.
    pub sizes: String,
}

impl Default for ImageOptions {
    fn default() -> ImageOptions {
        ImageOptions {
            widths: vec![320, 720, 1440],
            quality: 80,
            webp: true,
            sizes: "(min-width: 48rem) 46rem, calc(100vw - 2rem)".to_string(),
        }
    }
}
