//! The theme's static files, with content-hashed names for stylesheets and scripts.
//!
//! `style.css` is published as `style.<hash>.css`, where the hash is taken from its
//! bytes: a changed file gets a new name, so hosts can tell browsers to keep these files
//! for a year (`Cache-Control: public, max-age=31536000, immutable`). Templates get the
//! published URL, with the base path, from `asset(path="style.css")`. Other static files
//! (images, fonts, icons) keep their names.

pub mod minify;

use std::collections::BTreeMap;
use std::path::Path;

use crate::sources::{Body, File, Sources};

/// Extensions of the files that get a hashed name.
const HASHED: &[&str] = &["css", "js"];

/// The static files of the site and its theme, and their published names.
#[derive(Debug, Default)]
pub struct Assets {
    base_path: String,
    /// Name as templates know it (`style.css`) → published path (`style.3f9a1c2b7d.css`).
    files: BTreeMap<String, String>,
}

impl Assets {
    /// The published names of the snapshot's static files: stylesheets and scripts
    /// carry a hash of their bytes.
    pub fn new(sources: &Sources, base_path: &str) -> Assets {
        let files = sources
            .statics
            .iter()
            .map(|(name, file)| (name.clone(), published_name(name, file)))
            .collect();
        Assets {
            base_path: base_path.to_string(),
            files,
        }
    }

    /// The URL path of a static file (`style.css` → `/wsis/style.3f9a1c2b7d.css`).
    pub fn url(&self, path: &str) -> Option<String> {
        let out = self.files.get(path.trim_start_matches('/'))?;
        Some(format!("{}{out}", self.base_path))
    }

    /// (name as templates know it, published path) of every static file.
    pub fn published(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files.iter().map(|(n, o)| (n.as_str(), o.as_str()))
    }

    /// The static files' names, as templates know them.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }
}

fn published_name(name: &str, file: &File) -> String {
    match (extension(name).filter(|e| HASHED.contains(e)), &file.body) {
        (Some(ext), Body::Bytes(bytes)) => {
            let stem = &name[..name.len() - ext.len() - 1];
            format!("{stem}.{}.{ext}", short_hash(bytes))
        }
        _ => name.to_string(),
    }
}

fn extension(path: &str) -> Option<&str> {
    let name = Path::new(path).file_name()?.to_str()?;
    let dot = name.rfind('.').filter(|&i| i > 0)?;
    Some(&name[dot + 1..])
}

/// Ten hex digits of the 64-bit FNV-1a hash of `bytes`: stable across platforms and
/// Rust versions (unlike `std`'s hashers), and plenty to tell versions of a file apart.
pub fn short_hash(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")[..10].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_stable_and_content_dependent() {
        assert_eq!(short_hash(b""), "cbf29ce484");
        assert_ne!(
            short_hash(b"a { color: red }"),
            short_hash(b"a { color: blue }")
        );
    }

    #[test]
    fn extension_is_the_last_one() {
        assert_eq!(extension("js/app.min.js"), Some("js"));
        assert_eq!(extension(".hidden"), None);
    }
}
