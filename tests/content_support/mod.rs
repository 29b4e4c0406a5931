//! The content fixture with its images, made by the tests so that the repository holds
//! no binaries.
#![allow(dead_code)]

use image::{Rgb, RgbImage, Rgba, RgbaImage};

use super::common::fixture_with_forum_theme;

/// The content fixture with its images, made here so the repository holds no binaries.
pub fn site() -> tempfile::TempDir {
    let site = fixture_with_forum_theme("content");
    let content = site.path().join("content");
    for dir in ["people", "logos"] {
        std::fs::create_dir_all(content.join(dir)).unwrap();
    }
    photo(1600, 1000, 0)
        .save(content.join("venue/hall.jpg"))
        .unwrap();
    drawing(1000, 600, [200, 30, 30])
        .save(content.join("venue/map.png"))
        .unwrap();
    drawing(1000, 600, [30, 30, 200])
        .save(content.join("venue/map.ar.png"))
        .unwrap();
    photo(600, 800, 1)
        .save(content.join("people/ada.jpg"))
        .unwrap();
    photo(300, 300, 2)
        .save(content.join("people/li.jpg"))
        .unwrap();
    drawing(400, 200, [0, 90, 156])
        .save(content.join("logos/host.png"))
        .unwrap();
    site
}

/// A photograph-like picture: smooth gradients and some texture.
pub fn photo(w: u32, h: u32, seed: u32) -> RgbImage {
    RgbImage::from_fn(w, h, |x, y| {
        let n = (x * 7 + y * 13 + seed * 31) % 17;
        Rgb([
            (x * 255 / w) as u8,
            (y * 255 / h) as u8,
            ((x + y + n * 3) % 256) as u8,
        ])
    })
}

/// A drawing with transparency: a coloured disc on a transparent ground.
pub fn drawing(w: u32, h: u32, colour: [u8; 3]) -> RgbaImage {
    RgbaImage::from_fn(w, h, |x, y| {
        let (dx, dy) = (x as i64 - w as i64 / 2, y as i64 - h as i64 / 2);
        let inside = dx * dx + dy * dy < (h as i64 / 3).pow(2);
        Rgba([
            colour[0],
            colour[1],
            colour[2],
            if inside { 255 } else { 0 },
        ])
    })
}
