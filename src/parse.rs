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

/// One source, parsed.
enum One {
    Page(Page),
    Data(DataFile),
    Asset(Source),
}

/// Parses one source (pages and data; assets are copied as they are).
fn parse_one(source: Source) -> Result<One, Diagnostic> {
    Ok(match source.kind {
        SourceKind::Asset => One::Asset(source),
        SourceKind::Data => match source.unread.clone() {
            // Known to have failed, so that references to its records are not reported.
            Some(d) => One::Data(DataFile::failed(source, d)),
            None => {
                let text = source.text.to_string();
                One::Data(crate::data::parse(source, text)?)
            }
        },
        SourceKind::Page | SourceKind::Section => One::Page(parse_page(source)?),
    })
}

/// Parses every source on all cores.
pub fn parse(sources: Vec<Source>, out: &mut Diagnostics) -> Parsed {
    let results: Vec<Result<One, Diagnostic>> = sources.into_par_iter().map(parse_one).collect();
    let pages = results
        .iter()
        .filter(|r| matches!(r, Ok(One::Page(_))))
        .count();
    let mut parsed = Parsed {
        pages: Vec::with_capacity(pages),
        ..Parsed::default()
    };
    for result in results {
        match result {
            Ok(One::Page(page)) => parsed.pages.push(page),
            Ok(One::Data(data)) => parsed.data.push(data),
            Ok(One::Asset(asset)) => parsed.assets.push(asset),
            Err(d) => out.push(d),
        }
    }
    parsed
}
