//! Event data: `content/data/*.yaml`, typed.
//!
//! Each file holds one list of records with a stable `id` (`event.yaml` holds one
//! mapping). Text that readers see is a [`Localized`] map keyed by language code; a
//! missing language falls back along the chain when pages are rendered. Unknown and
//! missing fields, duplicate ids, references to records that do not exist, unknown time
//! zones and sessions that end before they start are errors; each names its file, line
//! and column, looked up in the parser's [`crate::yaml::Tree`] of the file. All of them
//! are reported in one run, and a file that cannot be read does not bury its own error
//! under false ones: references to its records are not checked.

mod check;
pub mod custom;
mod model;
mod session;
pub mod translation;
mod venue;

use std::collections::BTreeSet;
use std::path::PathBuf;

pub use model::*;
pub use session::{Attendance, EventInfo, Moment, Session, When};
pub use venue::{Address, Geo, Room, Venue};

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
    Rooms(Vec<Room>),
    Event(EventInfo),
    /// The file is not valid: its diagnostic, reported by [`assemble`].
    Failed(Diagnostic),
    /// A file of the site's own, by its name (`sponsors`).
    Custom(String, serde_json::Value),
}

/// The file names the data stage checks by their types; any other is data of the
/// site's own ([`custom`]).
pub const DATA_FILES: [&str; 8] = [
    "tracks.yaml",
    "formats.yaml",
    "key_dates.yaml",
    "organizations.yaml",
    "people.yaml",
    "sessions.yaml",
    "rooms.yaml",
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

/// Parses one data file (no I/O). A file of a known name that is not valid comes back
/// as a failed [`DataFile`] carrying its diagnostic, so that [`assemble`] reports it and
/// leaves references to its records unchecked; a file of another name is data of the
/// site's own ([`custom`]).
pub fn parse(source: Source, text: String) -> Result<DataFile, Diagnostic> {
    let name = source
        .rel
        .trim_start_matches("data/")
        .replace(".yml", ".yaml");
    let file = source.display.clone();
    let parsed = match name.as_str() {
        "tracks.yaml" => from_yaml(&text, &file).map(DataContent::Tracks),
        "formats.yaml" => from_yaml(&text, &file).map(DataContent::Formats),
        "key_dates.yaml" => from_yaml(&text, &file).map(DataContent::KeyDates),
        "organizations.yaml" => from_yaml(&text, &file).map(DataContent::Organizations),
        "people.yaml" => from_yaml(&text, &file).map(DataContent::People),
        "sessions.yaml" => from_yaml(&text, &file).map(DataContent::Sessions),
        "rooms.yaml" => from_yaml(&text, &file).map(DataContent::Rooms),
        "event.yaml" => from_yaml(&text, &file).map(DataContent::Event),
        _ => {
            let stem = name.trim_end_matches(".yaml").to_string();
            custom::parse(&stem, &text, &file).map(|value| DataContent::Custom(stem, value))
        }
    };
    Ok(DataFile {
        source,
        text,
        content: parsed.unwrap_or_else(DataContent::Failed),
    })
}

impl DataFile {
    /// A data file that could not be read (not UTF-8): its diagnostic, reported by
    /// [`assemble`], which then leaves references to its records unchecked.
    pub fn failed(source: Source, diagnostic: Diagnostic) -> DataFile {
        DataFile {
            source,
            text: String::new(),
            content: DataContent::Failed(diagnostic),
        }
    }
}

/// Parses a whole data file; an empty file is an empty list.
fn from_yaml<T: serde::de::DeserializeOwned>(
    text: &str,
    file: &std::path::Path,
) -> Result<T, Diagnostic> {
    crate::yaml::from_str(text, file, text, 1)
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
    pub(crate) rooms: Vec<Room>,
    pub(crate) event: Option<EventInfo>,
    pub(crate) custom: custom::CustomData,
    pub(crate) files: std::collections::BTreeMap<&'static str, FileText>,
    /// The kinds of the files that could not be parsed (`organizations`, …).
    pub(crate) failed: BTreeSet<&'static str>,
}

/// Merges the data files and checks ids, references, dates, times and languages.
pub fn assemble(files: Vec<DataFile>, config: &Config, out: &mut Diagnostics) -> EventData {
    let mut raw = RawData::default();
    for file in files {
        let kind = match file.content {
            DataContent::Failed(d) => {
                out.push(d);
                raw.failed.extend(kind_of(&file.source.rel));
                continue;
            }
            DataContent::Tracks(v) => (raw.tracks = v, "tracks").1,
            DataContent::Formats(v) => (raw.formats = v, "formats").1,
            DataContent::KeyDates(v) => (raw.key_dates = v, "key_dates").1,
            DataContent::Organizations(v) => (raw.organizations = v, "organizations").1,
            DataContent::People(v) => (raw.people = v, "people").1,
            DataContent::Sessions(v) => (raw.sessions = v, "sessions").1,
            DataContent::Rooms(v) => (raw.rooms = v, "rooms").1,
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

/// The kind of a known data file from its path (`data/organizations.yaml` →
/// `organizations`); none for data of the site's own.
fn kind_of(rel: &str) -> Option<&'static str> {
    let name = rel.trim_start_matches("data/").replace(".yml", ".yaml");
    DATA_FILES
        .iter()
        .find(|f| **f == name)
        .map(|f| f.trim_end_matches(".yaml"))
}
