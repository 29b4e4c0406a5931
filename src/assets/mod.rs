//! The theme's static files, with content-hashed names for stylesheets and scripts.
//!
//! `style.css` is published as `style.<hash>.css`, where the hash is taken from its
//! bytes: a changed file gets a new name, so hosts can tell browsers to keep these files
//! for a year (`Cache-Control: public, max-age=31536000, immutable`). Templates get the
//! published URL, with the base path, from `asset(path="style.css")`. Other static files
//! (images, fonts, icons) keep their names.

pub mod minify;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::error::Error;
use crate::output::OutputFile;

/// Extensions of the files that get a hashed name.
const HASHED: &[&str] = &["css", "js"];

/// The theme's static files and their published names.
#[derive(Debug, Default)]
pub struct Assets {
    base_path: String,
    theme_static: PathBuf,
    files: BTreeMap<String, Asset>,
}

#[derive(Debug)]
struct Asset {
    /// Published path, relative to the output folder.
    out: String,
    /// Content, kept when it was read for hashing.
    bytes: Option<Vec<u8>>,
}

impl Assets {
    /// Reads `themes/<theme>/static/` and hashes its stylesheets and scripts.
    pub fn collect(config: &Config) -> Result<Assets, Error> {
        let theme_static = config
            .root
            .join("themes")
            .join(&config.theme)
            .join("static");
        let mut files = BTreeMap::new();
        for entry in walkdir::WalkDir::new(&theme_static).sort_by_file_name() {
            let Ok(entry) = entry else { continue };
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry
                .path()
                .strip_prefix(&theme_static)
                .unwrap_or(entry.path())
                .to_string_lossy()
                .replace('\\', "/");
            let asset = match extension(&rel).filter(|e| HASHED.contains(e)) {
                Some(ext) => {
                    let bytes = std::fs::read(entry.path())
                        .map_err(|e| Error::io("read", entry.path(), e))?;
                    let stem = &rel[..rel.len() - ext.len() - 1];
                    Asset {
                        out: format!("{stem}.{}.{ext}", short_hash(&bytes)),
                        bytes: Some(bytes),
                    }
                }
                None => Asset {
                    out: rel.clone(),
                    bytes: None,
                },
            };
            files.insert(rel, asset);
        }
        Ok(Assets {
            base_path: config.base_path.clone(),
            theme_static,
            files,
        })
    }

    /// The URL path of a static file (`style.css` → `/wsis/style.3f9a1c2b7d.css`).
    pub fn url(&self, path: &str) -> Option<String> {
        let asset = self.files.get(path.trim_start_matches('/'))?;
        Some(format!("{}{}", self.base_path, asset.out))
    }

    /// (name as templates know it, published path) of every static file.
    pub fn published(&self) -> Vec<(&str, &str)> {
        self.files
            .iter()
            .map(|(name, asset)| (name.as_str(), asset.out.as_str()))
            .collect()
    }

    /// The static files' names, as templates know them.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// The files to write: (path in the output folder, content).
    pub fn outputs(&self) -> Vec<(String, OutputFile)> {
        self.files
            .iter()
            .map(|(rel, asset)| {
                let file = match &asset.bytes {
                    Some(bytes) => OutputFile::Bytes(bytes.clone()),
                    None => OutputFile::Copy(self.theme_static.join(rel)),
                };
                (asset.out.clone(), file)
            })
            .collect()
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
