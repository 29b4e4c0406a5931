//! The parse stage, cached by source file: a file is read and parsed again only when
//! its size or modification time changed or the watcher reported it. The parsed pages
//! themselves live in the last assembled site and are moved, not copied, into the next.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rayon::prelude::*;

use crate::content::Page;
use crate::data::DataFile;
use crate::discover::{Source, SourceKind};
use crate::error::{Diagnostic, Diagnostics};
use crate::pipeline::{Parsed, parse_source};

/// What identifies one state of a file on disk without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    /// The stamp of `path`, or `None` when it cannot be read.
    pub fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
        })
    }
}

struct Entry {
    stamp: Option<Stamp>,
    version: u64,
    /// Why the file could not be parsed, if it could not.
    failed: Option<Diagnostic>,
}

/// The sources of one rebuild, ready for `data::assemble` and `Site::assemble`.
pub struct Sources {
    /// Every page, drafts included.
    pub pages: Vec<Page>,
    /// Data files, parsed on every rebuild: they are few and small.
    pub data: Vec<DataFile>,
    /// Files copied as they are.
    pub assets: Vec<Source>,
    /// How many pages were parsed.
    pub reparsed: usize,
    /// A digest of the data files' contents.
    pub data_hash: u64,
}

/// A file parsed again: its path, whether it is a data file, its stamp, the result.
type Reparsed = (PathBuf, bool, Option<Stamp>, Result<Parsed, Diagnostic>);

/// Stamps and versions of the content files.
#[derive(Default)]
pub struct SourceCache {
    entries: HashMap<PathBuf, Entry>,
    next_version: u64,
}

impl SourceCache {
    /// The version of a page: a number that changes whenever the file is parsed again.
    pub fn version(&self, path: &Path) -> u64 {
        self.entries.get(path).map_or(0, |e| e.version)
    }

    /// Records that the page at `path` was parsed again, outside [`SourceCache::update`].
    pub fn touch(&mut self, path: &Path) {
        self.next_version += 1;
        let entry = Entry {
            stamp: Stamp::of(path),
            version: self.next_version,
            failed: None,
        };
        self.entries.insert(path.to_path_buf(), entry);
    }

    /// Parses the sources that changed and takes the others from `previous` (the pages
    /// of the last rebuild, by source path). `changed` holds the paths the watcher
    /// reported; parse errors go to `out`.
    pub fn update(
        &mut self,
        sources: Vec<Source>,
        mut previous: HashMap<PathBuf, Page>,
        changed: &HashSet<PathBuf>,
        out: &mut Diagnostics,
    ) -> Sources {
        let mut result = Sources {
            pages: Vec::new(),
            data: Vec::new(),
            assets: Vec::new(),
            reparsed: 0,
            data_hash: 0,
        };
        let mut data_hash = std::hash::DefaultHasher::new();
        let mut stale = Vec::new();
        let mut old = std::mem::take(&mut self.entries);
        for source in sources {
            match source.kind {
                SourceKind::Asset => result.assets.push(source),
                SourceKind::Data => {
                    std::hash::Hash::hash(
                        &(&source.path, std::fs::read(&source.path).ok()),
                        &mut data_hash,
                    );
                    stale.push((source, None));
                }
                SourceKind::Page | SourceKind::Section => {
                    let stamp = Stamp::of(&source.path);
                    let unchanged = |e: &Entry| {
                        e.stamp == stamp && stamp.is_some() && !changed.contains(&source.path)
                    };
                    match old.remove(&source.path) {
                        Some(entry) if unchanged(&entry) && entry.failed.is_some() => {
                            out.extend(entry.failed.clone());
                            self.entries.insert(source.path.clone(), entry);
                        }
                        Some(entry) if unchanged(&entry) && previous.contains_key(&source.path) => {
                            result.pages.extend(previous.remove(&source.path));
                            self.entries.insert(source.path.clone(), entry);
                        }
                        _ => stale.push((source, stamp)),
                    }
                }
            }
        }
        result.data_hash = std::hash::Hasher::finish(&data_hash);
        let parsed: Vec<Reparsed> = stale
            .into_par_iter()
            .map(|(source, stamp)| {
                (
                    source.path.clone(),
                    source.kind == SourceKind::Data,
                    stamp,
                    parse_source(source),
                )
            })
            .collect();
        for (path, is_data, stamp, parsed) in parsed {
            let failed = match parsed {
                Ok(Parsed::Page(p)) => {
                    result.pages.push(p);
                    None
                }
                Ok(Parsed::Data(d)) => {
                    result.data.push(d);
                    continue;
                }
                Ok(Parsed::Asset(a)) => {
                    result.assets.push(a);
                    continue;
                }
                Err(d) => {
                    out.push(d.clone());
                    if is_data {
                        continue;
                    }
                    Some(d)
                }
            };
            result.reparsed += 1;
            self.next_version += 1;
            self.entries.insert(
                path,
                Entry {
                    stamp,
                    version: self.next_version,
                    failed,
                },
            );
        }
        result
    }
}
