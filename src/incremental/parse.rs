//! The parse stage's cache: a page is parsed again only when its version changed. The
//! parsed pages themselves live in the last assembled site and are moved, not copied,
//! into the next; what failed to parse is remembered with its diagnostic.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::content::Page;
use crate::discover::{Source, SourceKind};
use crate::error::{Diagnostic, Diagnostics};
use crate::parse::{Parsed, parse};

/// Pages that failed to parse, by display path, with the version that failed.
#[derive(Default)]
pub struct ParseCache {
    failed: HashMap<PathBuf, (u64, Diagnostic)>,
}

impl ParseCache {
    /// Parses the sources whose version changed and takes the others from `previous`
    /// (the pages of the last rebuild, by source path). Returns what was parsed and how
    /// many pages were parsed again; parse errors go to `out`.
    pub fn update(
        &mut self,
        sources: Vec<Source>,
        mut previous: HashMap<PathBuf, Page>,
        out: &mut Diagnostics,
    ) -> (Parsed, usize) {
        let mut result = Parsed::default();
        let mut stale = Vec::new();
        let mut failed = std::mem::take(&mut self.failed);
        for source in sources {
            let is_page = matches!(source.kind, SourceKind::Page | SourceKind::Section);
            if !is_page {
                stale.push(source);
                continue;
            }
            if let Some(page) = previous
                .remove(&source.path)
                .filter(|p| p.source.version == source.version)
            {
                result.pages.push(page);
                continue;
            }
            match failed.remove(&source.display) {
                Some((version, d)) if version == source.version => {
                    out.push(d.clone());
                    self.failed.insert(source.display.clone(), (version, d));
                }
                _ => stale.push(source),
            }
        }
        let versions: HashMap<PathBuf, u64> = stale
            .iter()
            .filter(|s| matches!(s.kind, SourceKind::Page | SourceKind::Section))
            .map(|s| (s.display.clone(), s.version))
            .collect();
        let reparsed = versions.len();
        let mut errors = Diagnostics::default();
        let fresh = parse(stale, &mut errors);
        for d in errors.0 {
            if let Some(&version) = versions.get(&d.file) {
                self.failed.insert(d.file.clone(), (version, d.clone()));
            }
            out.push(d);
        }
        if result.pages.is_empty() {
            // A first build: everything was parsed now, and nothing need be moved.
            result.pages = fresh.pages;
        } else {
            result.pages.extend(fresh.pages);
        }
        result.data.extend(fresh.data);
        result.assets.extend(fresh.assets);
        (result, reparsed)
    }
}
