//! Event data: `content/data/*.yaml`, typed.
//!
//! Each file holds one list of records with a stable `id`. Text that readers see is a
//! [`Localized`] map keyed by language code; a missing language falls back along the
//! chain when the site is assembled. Unknown fields are errors, as are duplicate ids and
//! references to records that do not exist; each names its file, line and column.

mod model;

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

pub use model::*;

use crate::config::Config;
use crate::discover::Source;
use crate::error::{Diagnostic, Diagnostics};

/// A parsed data file, before cross-file checks.
pub struct DataFile {
    source: Source,
    text: String,
    content: DataContent,
}

enum DataContent {
    Tracks(Vec<Track>),
    Formats(Vec<Format>),
    KeyDates(Vec<KeyDate>),
    Organizations(Vec<Organization>),
    People(Vec<Person>),
}

/// The file names the data stage understands.
pub const DATA_FILES: [&str; 5] = [
    "tracks.yaml",
    "formats.yaml",
    "key_dates.yaml",
    "organizations.yaml",
    "people.yaml",
];

/// Parses one data file (no I/O).
pub fn parse(source: Source, text: String) -> Result<DataFile, Diagnostic> {
    let name = source.rel.trim_start_matches("data/").replace(".yml", ".yaml");
    let file = source.display.clone();
    let content = match name.as_str() {
        "tracks.yaml" => DataContent::Tracks(crate::yaml::from_str(&text, &file, &text, 1)?),
        "formats.yaml" => DataContent::Formats(crate::yaml::from_str(&text, &file, &text, 1)?),
        "key_dates.yaml" => DataContent::KeyDates(crate::yaml::from_str(&text, &file, &text, 1)?),
        "organizations.yaml" => {
            DataContent::Organizations(crate::yaml::from_str(&text, &file, &text, 1)?)
        }
        "people.yaml" => DataContent::People(crate::yaml::from_str(&text, &file, &text, 1)?),
        _ => {
            return Err(Diagnostic::error(&file, format!("unknown data file `{name}`"))
                .hint(format!("data files are: {}", DATA_FILES.join(", "))));
        }
    };
    Ok(DataFile { source, text, content })
}

/// Merges the data files and checks ids, references, dates and languages.
pub fn assemble(files: Vec<DataFile>, config: &Config, out: &mut Diagnostics) -> EventData {
    let mut data = EventData::default();
    let mut texts: BTreeMap<&'static str, (std::path::PathBuf, String)> = BTreeMap::new();
    for file in files {
        let kind = match &file.content {
            DataContent::Tracks(_) => "tracks",
            DataContent::Formats(_) => "formats",
            DataContent::KeyDates(_) => "key_dates",
            DataContent::Organizations(_) => "organizations",
            DataContent::People(_) => "people",
        };
        let checker = Checker { file: &file.source.display, text: &file.text, config };
        match file.content {
            DataContent::Tracks(v) => {
                checker.ids(v.iter().map(|r| r.id.as_str()), out);
                for r in &v {
                    checker.localized("name", &r.id, &r.name, out);
                }
                data.tracks = v;
            }
            DataContent::Formats(v) => {
                checker.ids(v.iter().map(|r| r.id.as_str()), out);
                for r in &v {
                    checker.localized("name", &r.id, &r.name, out);
                }
                data.formats = v;
            }
            DataContent::KeyDates(v) => {
                checker.ids(v.iter().map(|r| r.id.as_str()), out);
                for r in &v {
                    checker.localized("title", &r.id, &r.title, out);
                    checker.key_date(r, out);
                }
                data.key_dates = v;
            }
            DataContent::Organizations(v) => {
                checker.ids(v.iter().map(|r| r.id.as_str()), out);
                for r in &v {
                    checker.localized("name", &r.id, &r.name, out);
                }
                data.organizations = v;
            }
            DataContent::People(v) => {
                checker.ids(v.iter().map(|r| r.id.as_str()), out);
                for r in &v {
                    checker.localized("name", &r.id, &r.name, out);
                }
                data.people = v;
            }
        }
        texts.insert(kind, (file.source.display, file.text));
    }
    check_references(&data, &texts, out);
    data
}

struct Checker<'a> {
    file: &'a Path,
    text: &'a str,
    config: &'a Config,
}

impl Checker<'_> {
    fn error_at(&self, key: &str, value: &str, message: String) -> Diagnostic {
        let (line, column) = crate::yaml::locate(self.text, key, value);
        Diagnostic::error(self.file, message).at(self.text, line, column)
    }

    fn ids<'i>(&self, ids: impl Iterator<Item = &'i str>, out: &mut Diagnostics) {
        let mut seen = HashSet::new();
        for id in ids {
            if !seen.insert(id) {
                out.push(
                    self.error_at("id", id, format!("duplicate id `{id}`"))
                        .hint("every record needs its own id; ids are part of URLs and references"),
                );
            }
        }
    }

    fn localized(&self, field: &str, id: &str, value: &Localized, out: &mut Diagnostics) {
        for lang in value.0.keys() {
            if !self.config.has_language(lang) {
                out.push(
                    self.error_at(lang, "", format!("`{field}` of `{id}` has text for `{lang}`, which is not a language of the site"))
                        .hint("use the language codes listed in content/site.yaml"),
                );
            }
        }
        if value.0.is_empty() {
            out.push(self.error_at("id", id, format!("`{field}` of `{id}` has no text")));
        }
    }

    fn key_date(&self, r: &KeyDate, out: &mut Diagnostics) {
        if let Some(end) = r.end {
            if end < r.start {
                out.push(
                    self.error_at("end", &end.iso(), format!("key date `{}` ends before it starts", r.id))
                        .hint("`end` is the last day, on or after `start`"),
                );
            }
        }
    }
}

fn check_references(
    data: &EventData,
    texts: &BTreeMap<&'static str, (std::path::PathBuf, String)>,
    out: &mut Diagnostics,
) {
    let dangling = |kind: &'static str, key: &str, value: &str, target: &str, out: &mut Diagnostics| {
        let (file, text) = &texts[kind];
        let (line, column) = crate::yaml::locate(text, key, value);
        out.push(
            Diagnostic::error(file, format!("`{key}: {value}` refers to no record in {target}"))
                .at(text, line, column)
                .hint(format!("use the id of a record in content/data/{target}")),
        );
    };
    let tracks: HashSet<&str> = data.tracks.iter().map(|t| t.id.as_str()).collect();
    for f in &data.formats {
        if !tracks.contains(f.track.as_str()) {
            dangling("formats", "track", &f.track, "tracks.yaml", out);
        }
    }
    let orgs: HashSet<&str> = data.organizations.iter().map(|o| o.id.as_str()).collect();
    for p in &data.people {
        if let Some(org) = &p.organization {
            if !orgs.contains(org.as_str()) {
                dangling("people", "organization", org, "organizations.yaml", out);
            }
        }
    }
}
