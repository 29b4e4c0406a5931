//! Files copied as they are (the theme's `static/`, assets of `content/`), kept in
//! memory and read again only when they changed.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use bytes::Bytes;

use super::sources::Stamp;
use crate::error::Error;
use crate::output::OutputFile;

/// One static file of a rebuild.
pub struct StaticFile {
    /// Path under the output folder.
    pub out_path: String,
    /// Its content.
    pub bytes: Bytes,
    /// Whether it was read (or produced) again in this rebuild.
    pub fresh: bool,
}

/// Static files by source path.
#[derive(Default)]
pub struct StaticCache {
    entries: HashMap<PathBuf, (Stamp, Bytes)>,
}

impl StaticCache {
    /// The bytes of every file of `files`, reading only those that changed.
    pub fn update(
        &mut self,
        files: Vec<(String, OutputFile)>,
        changed: &HashSet<PathBuf>,
    ) -> Result<Vec<StaticFile>, Error> {
        let mut old = std::mem::take(&mut self.entries);
        let mut result = Vec::with_capacity(files.len());
        for (out_path, file) in files {
            let path = match file {
                OutputFile::Bytes(bytes) => {
                    result.push(StaticFile {
                        out_path,
                        bytes: Bytes::from(bytes),
                        fresh: true,
                    });
                    continue;
                }
                OutputFile::Copy(path) => path,
            };
            let stamp = Stamp::of(&path);
            let (bytes, fresh) = match (old.remove(&path), stamp) {
                (Some((was, bytes)), Some(now)) if was == now && !changed.contains(&path) => {
                    (bytes, false)
                }
                _ => (
                    Bytes::from(std::fs::read(&path).map_err(|e| Error::io("read", &path, e))?),
                    true,
                ),
            };
            if let Some(stamp) = stamp {
                self.entries.insert(path, (stamp, bytes.clone()));
            }
            result.push(StaticFile {
                out_path,
                bytes,
                fresh,
            });
        }
        Ok(result)
    }
}
