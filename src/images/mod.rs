//! Images: resized versions in modern formats, with the dimensions pages need.
//!
//! Every JPEG, PNG and WebP file under `content/` is an image of the site. [`Images::scan`]
//! reads each one once (through [`crate::sources::read::read_bytes`]), hashes it and reads
//! its dimensions from its header, without decoding it: that is all the Markdown and the
//! templates need to write `srcset`, `sizes`, `width` and `height`. [`Images::produce`]
//! then makes the versions the plan publishes — each width of the site's list that is
//! smaller than the image, in WebP and in the fallback format (JPEG, or PNG for images
//! that may have transparency) — on all cores, one image per thread at a time, so that
//! memory holds a few decoded images, never all of them.
//!
//! Versions are kept in hexaglot's cache folder ([`cache`]), named by the hash of the
//! source and the options that made them: a second build finds them there and only
//! copies them.

pub mod html;
mod process;

use std::collections::HashMap;
use std::path::PathBuf;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

pub use crate::config::ImageOptions;
pub use crate::sources::CacheDir;
pub use html::Picture;

use crate::error::{Diagnostic, Diagnostics};
use crate::sources::{Body, Sources};

/// Bumped whenever processing changes what it makes from the same options.
const PROCESSING_VERSION: u32 = 1;

/// An encoded format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// JPEG: the fallback of photographs.
    Jpeg,
    /// PNG: the fallback of images that may be transparent.
    Png,
    /// WebP (lossy, with alpha when the source has it).
    Webp,
}

impl Format {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
            Format::Webp => "webp",
        }
    }

    /// The MIME type, for `<source type>`.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
            Format::Webp => "image/webp",
        }
    }
}

/// One version of an image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Its format.
    pub format: Format,
    /// Its path in the output (`venue/map.960w.webp`).
    pub out: String,
    /// Its file name in the cache.
    pub cache_name: String,
}

/// One image of `content/`.
#[derive(Debug, Clone)]
pub struct ImageInfo {
    /// Path under `content/` (`venue/map.jpg`).
    pub rel: String,
    /// Path on disk.
    pub path: PathBuf,
    /// Path relative to the site root, for messages.
    pub display: PathBuf,
    /// The snapshot's version of the file it was read at.
    pub version: u64,
    /// SHA-256 of the file (hex, first 32 digits).
    pub hash: String,
    /// Width as shown (after the EXIF orientation).
    pub width: u32,
    /// Height as shown.
    pub height: u32,
    /// Whether the source may have transparency.
    pub alpha: bool,
    /// The versions the plan publishes, fallback format first, by width.
    pub variants: Vec<Variant>,
}

/// Every image of the site, by path under `content/`.
#[derive(Debug, Default)]
pub struct Images {
    by_rel: HashMap<String, ImageInfo>,
    /// The site's options.
    pub options: ImageOptions,
    base_path: String,
    cache: Option<CacheDir>,
}

/// Whether a file of `content/` is an image that gets versions.
pub fn is_image(rel: &str) -> bool {
    let lower = rel.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".webp"]
        .iter()
        .any(|e| lower.ends_with(e))
}

impl Images {
    /// Reads and measures every image of the snapshot; an image whose file has the same
    /// version in `previous` is taken from there unread. Problems go to `out`.
    pub fn scan(
        sources: &Sources,
        config: &crate::config::Config,
        previous: Option<&Images>,
        out: &mut Diagnostics,
    ) -> Images {
        let options = config.images.clone();
        let files: Vec<&crate::sources::File> = sources
            .content
            .iter()
            .filter(|f| is_image(&f.found.rel) && matches!(f.body, Body::File))
            .collect();
        // A site without images gets no cache folder.
        let cache = if files.is_empty() {
            None
        } else {
            match previous.and_then(|p| p.cache.clone()) {
                Some(c) => Some(c),
                None => CacheDir::open(&sources.root).map_err(|d| out.push(d)).ok(),
            }
        };
        let results: Vec<Result<ImageInfo, Diagnostic>> = files
            .par_iter()
            .map(|f| {
                if let Some(old) = previous.and_then(|p| p.by_rel.get(&f.found.rel))
                    && old.version == f.version
                    && p_options(previous) == Some(&options)
                {
                    return Ok(old.clone());
                }
                measure(f, &options)
            })
            .collect();
        let mut by_rel = HashMap::new();
        for result in results {
            match result {
                Ok(info) => {
                    by_rel.insert(info.rel.clone(), info);
                }
                Err(d) => out.push(d),
            }
        }
        Images {
            by_rel,
            options,
            base_path: config.base_path.clone(),
            cache,
        }
    }

    /// The image at `rel` under `content/`, if it is one.
    pub fn get(&self, rel: &str) -> Option<&ImageInfo> {
        self.by_rel.get(rel)
    }

    /// Every image, in path order.
    pub fn all(&self) -> Vec<&ImageInfo> {
        let mut all: Vec<&ImageInfo> = self.by_rel.values().collect();
        all.sort_by(|a, b| a.rel.cmp(&b.rel));
        all
    }

    /// The picture of the image at `rel`: URLs, `srcset`s and dimensions.
    pub fn picture(&self, rel: &str) -> Option<Picture> {
        self.get(rel)
            .map(|info| Picture::of(info, &self.base_path, &self.options.sizes))
    }

    /// Where the cache keeps a version, when there is a cache.
    pub fn cached(&self, variant: &Variant) -> Option<PathBuf> {
        self.cache.as_ref().map(|c| c.path(&variant.cache_name))
    }

    /// Makes every version not in the cache yet, on all cores, one image per thread at
    /// a time. Returns how many images were decoded.
    pub fn produce(&self, out: &mut Diagnostics) -> usize {
        let Some(cache) = &self.cache else {
            return 0;
        };
        let work: Vec<(&ImageInfo, Vec<&Variant>)> = self
            .all()
            .into_iter()
            .filter_map(|info| {
                let missing: Vec<&Variant> = info
                    .variants
                    .iter()
                    .filter(|v| !cache.has(&v.cache_name))
                    .collect();
                (!missing.is_empty()).then_some((info, missing))
            })
            .collect();
        let decoded = work.len();
        let options = &self.options;
        let problems: Vec<Diagnostic> = work
            .par_iter()
            .filter_map(|(info, missing)| process::make(info, missing, options, cache).err())
            .collect();
        out.extend(problems);
        decoded
    }
}

fn p_options(previous: Option<&Images>) -> Option<&ImageOptions> {
    previous.map(|p| &p.options)
}

/// Reads, hashes and measures one image.
fn measure(file: &crate::sources::File, options: &ImageOptions) -> Result<ImageInfo, Diagnostic> {
    let bytes = crate::sources::read::read_bytes(&file.found.path, &file.found.display)?;
    let hash = hex(&Sha256::digest(&bytes)[..16]);
    let header = process::header(&bytes).map_err(|why| {
        Diagnostic::error(
            &file.found.display,
            format!("this image cannot be read: {why}"),
        )
        .hint("save it again as JPEG, PNG or WebP")
    })?;
    let mut info = ImageInfo {
        rel: file.found.rel.clone(),
        path: file.found.path.clone(),
        display: file.found.display.clone(),
        version: file.version,
        hash,
        width: header.width,
        height: header.height,
        alpha: header.alpha,
        variants: Vec::new(),
    };
    info.variants = variants(&info, options);
    Ok(info)
}

/// The widths made of an image `width` pixels wide: each width of the list below it,
/// and the image's own width when the list goes beyond it (never enlarged).
pub fn widths(width: u32, list: &[u32]) -> Vec<u32> {
    let mut widths: Vec<u32> = list
        .iter()
        .copied()
        .filter(|&w| w > 0 && w < width)
        .collect();
    let largest = list.iter().copied().max().unwrap_or(width);
    if largest >= width || widths.is_empty() {
        widths.push(width.min(largest.max(1)));
    }
    widths.sort_unstable();
    widths.dedup();
    widths
}

fn variants(info: &ImageInfo, options: &ImageOptions) -> Vec<Variant> {
    let fallback = if info.alpha {
        Format::Png
    } else {
        Format::Jpeg
    };
    let (stem, dir) = match info.rel.rfind('/') {
        Some(i) => (&info.rel[i + 1..], &info.rel[..=i]),
        None => (info.rel.as_str(), ""),
    };
    let stem = stem.rfind('.').map_or(stem, |i| &stem[..i]);
    let mut formats = vec![fallback];
    if options.webp {
        formats.push(Format::Webp);
    }
    let mut out = Vec::new();
    for format in formats {
        for width in widths(info.width, &options.widths) {
            let height = ((u64::from(info.height) * u64::from(width) + u64::from(info.width) / 2)
                / u64::from(info.width.max(1)))
            .max(1) as u32;
            let quality = if format == Format::Png {
                0
            } else {
                options.quality
            };
            out.push(Variant {
                width,
                height,
                format,
                out: format!("{dir}{stem}.{width}w.{}", format.extension()),
                cache_name: format!(
                    "{}-{width}x{height}-q{quality}-v{PROCESSING_VERSION}.{}",
                    info.hash,
                    format.extension()
                ),
            });
        }
    }
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_never_enlarge() {
        assert_eq!(widths(3000, &[480, 960, 1600]), [480, 960, 1600]);
        assert_eq!(widths(1000, &[480, 960, 1600]), [480, 960, 1000]);
        assert_eq!(widths(300, &[480, 960]), [300]);
        assert_eq!(widths(960, &[480, 960]), [480, 960]);
    }
}
