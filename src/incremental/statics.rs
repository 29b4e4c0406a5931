//! The bytes of files copied as they are (static files, assets of `content/`), which the
//! preview server holds in memory: read again only when their version changed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use bytes::Bytes;

use crate::error::Diagnostic;
use crate::sources::{File, read};

/// Bytes by source path, with the version they were read at.
#[derive(Default)]
pub struct StaticCache {
    entries: HashMap<PathBuf, (u64, Bytes)>,
    /// Image versions of the image cache, by their path there (never changed).
    images: HashMap<PathBuf, Bytes>,
}

impl StaticCache {
    /// The bytes of the file at `path` (named `display` in messages) at `version`,
    /// reading it only when it is not cached at that version. Returns whether it was
    /// read.
    pub fn bytes(
        &mut self,
        path: &Path,
        display: &Path,
        version: u64,
    ) -> Result<(Bytes, bool), Diagnostic> {
        if let Some(bytes) = self.images.get(path) {
            return Ok((bytes.clone(), false));
        }
        if let Some((v, bytes)) = self.entries.get(path)
            && *v == version
        {
            return Ok((bytes.clone(), false));
        }
        let bytes = Bytes::from(read::read_bytes(path, display)?);
        if version == 0 {
            // Not a source: a version in the image cache, whose name is its content.
            self.images.insert(path.to_path_buf(), bytes.clone());
            return Ok((bytes, true));
        }
        self.entries
            .insert(path.to_path_buf(), (version, bytes.clone()));
        Ok((bytes, true))
    }

    /// Forgets the image versions the site no longer has.
    pub fn retain_images(&mut self, images: &crate::images::Images) {
        let keep: std::collections::HashSet<PathBuf> = images
            .all()
            .into_iter()
            .flat_map(|info| info.variants.iter().filter_map(|v| images.cached(v)))
            .collect();
        self.images.retain(|p, _| keep.contains(p));
    }

    /// Forgets the files that are no longer sources.
    pub fn retain<'a>(&mut self, files: impl IntoIterator<Item = &'a File>) {
        let keep: rustc_hash::FxHashSet<&std::ffi::OsStr> = files
            .into_iter()
            .map(|f| f.found.path.as_os_str())
            .collect();
        self.entries.retain(|p, _| keep.contains(p.as_os_str()));
    }
}
