//! Parsing: every classified source of the content into pages and data files, on all
//! cores. The parsers themselves are pure (text in, value or positioned diagnostic out):
//! [`crate::content::parse_page`] and [`crate::data::parse`].

use rayon::prelude::*;

use crate::content::{Page, parse_page};
use crate::data::DataFile;
use crate::discover::{Source, SourceKind};
use crate::error::{Diagnostic, Diagnostics};

/// The content's files, parsed.
#[derive(Default)]
pub struct Parsed {
    /// Every page and section, drafts included.
    pub pages: Vec<Page>,
    /// Data files.
    pub data: Vec<DataFile>,
    /// Files copied as they are.
    pub assets: Vec<Source>,
}

/// Parses one source (pages and data; assets are copied as they are).
pub fn parse_one(source: Source, parsed: &mut Parsed) -> Result<(), Diagnostic> {
    match source.kind {
        SourceKind::Asset => parsed.assets.push(source),
        SourceKind::Data => match source.unread.clone() {
            // Known to have failed, so that references to its records are not reported.
            Some(d) => parsed.data.push(DataFile::failed(source, d)),
            None => {
                let text = source.text.to_string();
                parsed.data.push(crate::data::parse(source, text)?);
            }
        },
        SourceKind::Page | SourceKind::Section => parsed.pages.push(parse_page(source)?),
    }
    Ok(())
}

/// Parses every source on all cores.
pub fn parse(sources: Vec<Source>, out: &mut Diagnostics) -> Parsed {
    let results: Vec<(Parsed, Option<Diagnostic>)> = sources
        .into_par_iter()
        .map(|source| {
            let mut one = Parsed::default();
            let failed = parse_one(source, &mut one).err();
            (one, failed)
        })
        .collect();
    let mut parsed = Parsed::default();
    for (one, failed) in results {
        parsed.pages.extend(one.pages);
        parsed.data.extend(one.data);
        parsed.assets.extend(one.assets);
        out.extend(failed);
    }
    parsed
}
