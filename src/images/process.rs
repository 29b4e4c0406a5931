//! Decoding, resizing and encoding one image: the one place that calls `image`,
//! `fast_image_resize` and `webp`.

use std::io::Cursor;

use fast_image_resize::images::Image as Pixels;
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::metadata::Orientation;
use image::{DynamicImage, ExtendedColorType, ImageDecoder, ImageEncoder, ImageReader};

use super::{CacheDir, Format, ImageInfo, ImageOptions, Variant};
use crate::error::Diagnostic;

/// What the header of an image says.
pub struct Header {
    /// Width as shown (after the EXIF orientation).
    pub width: u32,
    /// Height as shown.
    pub height: u32,
    /// Whether it has an alpha channel.
    pub alpha: bool,
}

/// Reads the dimensions, orientation and channels of an encoded image, without
/// decoding its pixels.
pub fn header(bytes: &[u8]) -> Result<Header, String> {
    let mut decoder = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?
        .into_decoder()
        .map_err(|e| e.to_string())?;
    let (width, height) = decoder.dimensions();
    let alpha = decoder.color_type().has_alpha();
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let (width, height) = if turns(orientation) {
        (height, width)
    } else {
        (width, height)
    };
    if width == 0 || height == 0 {
        return Err("it has no pixels".to_string());
    }
    Ok(Header {
        width,
        height,
        alpha,
    })
}

/// Whether an orientation turns the image by a quarter.
fn turns(o: Orientation) -> bool {
    matches!(
        o,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// Decodes the image once and writes each of the `missing` versions into the cache.
pub fn make(
    info: &ImageInfo,
    missing: &[&Variant],
    options: &ImageOptions,
    cache: &CacheDir,
) -> Result<(), Diagnostic> {
    let failed = |why: String| {
        Diagnostic::error(
            &info.display,
            format!("this image cannot be processed: {why}"),
        )
        .hint("save it again as JPEG, PNG or WebP")
    };
    let bytes = crate::sources::read::read_bytes(&info.path, &info.display)?;
    let source = decode(&bytes).map_err(failed)?;
    drop(bytes);
    let source = if info.alpha {
        DynamicImage::ImageRgba8(source.into_rgba8())
    } else {
        DynamicImage::ImageRgb8(source.into_rgb8())
    };
    let mut resizer = Resizer::new();
    let resize = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    let pixel_type = if info.alpha {
        PixelType::U8x4
    } else {
        PixelType::U8x3
    };
    // Versions of one width share their pixels: resized once, encoded in each format.
    let mut ordered = missing.to_vec();
    ordered.sort_by_key(|v| (v.width, v.format.extension()));
    let mut last: Option<(u32, u32, Vec<u8>)> = None;
    for variant in ordered {
        let fresh =
            !matches!(&last, Some((w, h, _)) if *w == variant.width && *h == variant.height);
        if fresh {
            let pixels = if variant.width == source.width() && variant.height == source.height() {
                source.as_bytes().to_vec()
            } else {
                let mut target = Pixels::new(variant.width, variant.height, pixel_type);
                resizer
                    .resize(&source, &mut target, &resize)
                    .map_err(|e| failed(e.to_string()))?;
                target.into_vec()
            };
            last = Some((variant.width, variant.height, pixels));
        }
        let (_, _, pixels) = last.as_ref().expect("set above");
        let encoded = encode(pixels, variant, info.alpha, options.quality).map_err(failed)?;
        cache.write(&variant.cache_name, &encoded).map_err(|e| {
            Diagnostic::error(
                cache.display(),
                format!("cannot write the image cache: {e}"),
            )
        })?;
    }
    Ok(())
}

/// Decodes an image and turns it the way its EXIF orientation says.
fn decode(bytes: &[u8]) -> Result<DynamicImage, String> {
    let mut decoder = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?
        .into_decoder()
        .map_err(|e| e.to_string())?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
    image.apply_orientation(orientation);
    Ok(image)
}

fn encode(pixels: &[u8], v: &Variant, alpha: bool, quality: u8) -> Result<Vec<u8>, String> {
    let color = if alpha {
        ExtendedColorType::Rgba8
    } else {
        ExtendedColorType::Rgb8
    };
    let mut out = Vec::new();
    match v.format {
        Format::Jpeg => JpegEncoder::new_with_quality(&mut out, quality.clamp(1, 100))
            .write_image(pixels, v.width, v.height, color)
            .map_err(|e| e.to_string())?,
        Format::Png => PngEncoder::new(&mut out)
            .write_image(pixels, v.width, v.height, color)
            .map_err(|e| e.to_string())?,
        Format::Webp => {
            let encoder = if alpha {
                webp::Encoder::from_rgba(pixels, v.width, v.height)
            } else {
                webp::Encoder::from_rgb(pixels, v.width, v.height)
            };
            let memory = encoder
                .encode_simple(false, f32::from(quality.clamp(1, 100)))
                .map_err(|e| format!("WebP: {e:?}"))?;
            out.extend_from_slice(&memory);
        }
    }
    Ok(out)
}
