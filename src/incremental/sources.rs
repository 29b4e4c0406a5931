//! The parse stage, cached by source file: a file is read and parsed again only when
//! its size or modification time changed or the watcher reported it.

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
        Some(Stamp { len: meta.len(), modified: meta.modified().ok() })
    }
}

/// A page as last parsed, or the reason it could not be.
enum Cached {
    Page(Page),
    Failed(Diagnostic),
}

struct Entry {
    stamp: Option<Stamp>,
    version: u64,
    parsed: Cached,
}

/// The sources of one rebuild, ready for `data::assemble` and `Site::assemble`.
pub struct Sources {
    /// Every page, including drafts.
    pub pages: Vec<Page>,
    /// Data files, parsed on every rebuild: they are few and small, and their parsed
    /// form is not meant to be kept.
    pub data: Vec<DataFile>,
    /// Files copied as they are.
    pub assets: Vec<Source>,
    /// Source path → version, a number that changes whenever the file is parsed again.
    pub versions: HashMap<PathBuf, u64>,
    /// How many pages were parsed again.
    pub reparsed: usize,
}

/// Parsed pages by source path.
#[derive(Default)]
pub struct SourceCache {
    entries: HashMap<PathBuf, Entry>,
    next_version: u64,
}

impl SourceCache {
    /// Parses the sources that changed and reuses the others. `changed` holds the
    /// paths the watcher reported; parse errors go to `out`.
    pub fn update(&mut self, sources: Vec<Source>, changed: &HashSet<PathBuf>, out: &mut Diagnostics) -> Sources {
        let mut result = Sources { pages: Vec::new(), data: Vec::new(), assets: Vec::new(), versions: HashMap::new(), reparsed: 0 };
        let mut stale = Vec::new();
        let mut old = std::mem::take(&mut self.entries);
        for source in sources {
            match source.kind {
                SourceKind::Asset => result.assets.push(source),
                SourceKind::Data => stale.push((source, None)),
                SourceKind::Page | SourceKind::Section => {
                    let stamp = Stamp::of(&source.path);
                    match old.remove(&source.path) {
                        Some(entry) if entry.stamp == stamp && stamp.is_some() && !changed.contains(&source.path) => {
                            self.entries.insert(source.path.clone(), entry);
                        }
                        _ => stale.push((source, stamp)),
                    }
                }
            }
        }
        let parsed: Vec<(PathBuf, bool, Option<Stamp>, Result<Parsed, Diagnostic>)> = stale
            .into_par_iter()
            .map(|(source, stamp)| (source.path.clone(), source.kind == SourceKind::Data, stamp, parse_source(source)))
            .collect();
        for (path, is_data, stamp, parsed) in parsed {
            let cached = match parsed {
                Ok(Parsed::Page(p)) => Cached::Page(p),
                Ok(Parsed::Data(d)) => {
                    result.data.push(d);
                    continue;
                }
                Ok(Parsed::Asset(a)) => {
                    result.assets.push(a);
                    continue;
                }
                // A data file that does not parse is reported, not cached: data files
                // are parsed on every rebuild anyway.
                Err(d) if is_data => {
                    out.push(d);
                    continue;
                }
                Err(d) => Cached::Failed(d),
            };
            result.reparsed += 1;
            self.next_version += 1;
            self.entries.insert(path, Entry { stamp, version: self.next_version, parsed: cached });
        }
        for (path, entry) in &self.entries {
            result.versions.insert(path.clone(), entry.version);
            match &entry.parsed {
                Cached::Page(p) => result.pages.push(p.clone()),
                Cached::Failed(d) => out.push(d.clone()),
            }
        }
        result
    }
}
