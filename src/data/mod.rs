//! Event data: `content/data/*.yaml`, typed.
//!
//! Each file holds one list of records with a stable `id` (`event.yaml` holds one
//! mapping). Text that readers see is a [`Localized`] map keyed by language code; a
//! missing language falls back along the chain when pages are rendered. Unknown and
//! missing fields, duplicate ids, references to records that do not exist, unknown time
//! zones and sessions that end before they start are errors; each names its file, line
//! and column. All of them are reported in one run.

mod check;
pub mod custom;
mod locate;
mod model;
mod session;

use std::path::PathBuf;

pub use locate::Records;
pub use model::*;
pub use session::{Attendance, EventInfo, Moment, Session, When};

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
    Sessions(Vec<session::SessionRecord>),
    Event(EventInfo),
    /// A file of the site's own, by its name (`sponsors`).
    Custom(String, serde_json::Value),
}

/// The file names the data stage checks by their types; any other is data of the
/// site's own ([`custom`]).
pub const DATA_FILES: [&str; 7] = [
    "tracks.yaml",
    "formats.yaml",
    "key_dates.yaml",
    "organizations.yaml",
    "people.yaml",
    "sessions.yaml",
    "event.yaml",
];

impl DataFile {
    /// The file, relative to the site root.
    pub fn display(&self) -> &std::path::Path {
        &self.source.display
    }

    /// The snapshot's version of the file.
    pub fn version(&self) -> u64 {
        self.source.version
    }
}

/// Parses one data file (no I/O).
pub fn parse(source: Source, text: String) -> Result<DataFile, Diagnostic> {
    let name = source
        .rel
        .trim_start_matches("data/")
        .replace(".yml", ".yaml");
    let file = source.display.clone();
    let content = match name.as_str() {
        "tracks.yaml" => DataContent::Tracks(from_yaml(&text, &file)?),
        "formats.yaml" => DataContent::Formats(from_yaml(&text, &file)?),
        "key_dates.yaml" => DataContent::KeyDates(from_yaml(&text, &file)?),
        "organizations.yaml" => DataContent::Organizations(from_yaml(&text, &file)?),
        "people.yaml" => DataContent::People(from_yaml(&text, &file)?),
        "sessions.yaml" => DataContent::Sessions(from_yaml(&text, &file)?),
        "event.yaml" => DataContent::Event(from_yaml(&text, &file)?),
        _ => {
            let stem = name.trim_end_matches(".yaml").to_string();
            let value = custom::parse(&stem, &text, &file)?;
            DataContent::Custom(stem, value)
        }
    };
    Ok(DataFile {
        source,
        text,
        content,
    })
}

/// Parses a whole data file. serde prefixes its messages with the path of the value
/// (`.[1].title: `); the diagnostic points at the place itself, so the prefix goes.
fn from_yaml<T: serde::de::DeserializeOwned>(
    text: &str,
    file: &std::path::Path,
) -> Result<T, Diagnostic> {
    crate::yaml::from_str(text, file, text, 1).map_err(|mut d| {
        if let Some(rest) = d.message.strip_prefix("invalid YAML: .") {
            if let Some((path, message)) = rest.split_once(": ") {
                if !path.contains(' ') {
                    d.message = message.to_string();
                }
            }
        }
        d
    })
}

/// A data file's name and text, kept for positions in cross-file checks.
pub(crate) struct FileText {
    pub(crate) display: PathBuf,
    pub(crate) text: String,
}

/// The data files as written, before checking.
#[derive(Default)]
pub(crate) struct RawData {
    pub(crate) tracks: Vec<Track>,
    pub(crate) formats: Vec<Format>,
    pub(crate) key_dates: Vec<KeyDate>,
    pub(crate) organizations: Vec<Organization>,
    pub(crate) people: Vec<Person>,
    pub(crate) sessions: Vec<session::SessionRecord>,
    pub(crate) event: Option<EventInfo>,
    pub(crate) custom: custom::CustomData,
    pub(crate) files: std::collections::BTreeMap<&'static str, FileText>,
}

/// Merges the data files and checks ids, references, dates, times and languages.
pub fn assemble(files: Vec<DataFile>, config: &Config, out: &mut Diagnostics) -> EventData {
    let mut raw = RawData::default();
    for file in files {
        let kind = match file.content {
            DataContent::Tracks(v) => (raw.tracks = v, "tracks").1,
            DataContent::Formats(v) => (raw.formats = v, "formats").1,
            DataContent::KeyDates(v) => (raw.key_dates = v, "key_dates").1,
            DataContent::Organizations(v) => (raw.organizations = v, "organizations").1,
            DataContent::People(v) => (raw.people = v, "people").1,
            DataContent::Sessions(v) => (raw.sessions = v, "sessions").1,
            DataContent::Event(v) => (raw.event = Some(v), "event").1,
            DataContent::Custom(name, v) => {
                raw.custom.insert(name, v);
                continue;
            }
        };
        raw.files.insert(
            kind,
            FileText {
                display: file.source.display,
                text: file.text,
            },
        );
    }
    check::all(raw, config, out)
}
