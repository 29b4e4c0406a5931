//! The marker a build leaves in its output folder (`.hexaglot-output`, JSON).
//!
//! It says the folder is hexaglot's output, so that the next build may replace it; it
//! lists the files that build wrote, so that the next build can tell whether anyone
//! added files since; and it keeps the SEQUENCE numbers the calendars were published
//! with, so that they never go down (see the calendar module's `sequence`). Keeping that
//! state in the output folder means a build writes nothing anywhere else.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// The marker's file name in the output folder. The walker never enters a folder that
/// has it.
pub const OUTPUT_MARKER: &str = ".hexaglot-output";

/// What the marker holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Marker {
    /// Always `hexaglot`: what wrote the folder.
    pub generator: String,
    /// The files the build wrote, relative to the folder.
    pub files: Vec<String>,
    /// Per calendar event (UID): the hash of what it said and its SEQUENCE.
    #[serde(default)]
    pub calendar: BTreeMap<String, Published>,
}

/// One calendar event as it was published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    /// A hash of what the event says in every language (hex).
    pub hash: String,
    /// Its SEQUENCE number.
    pub sequence: u32,
}

/// The marker of the output folder `out`: `Ok(None)` when the folder has none, an error
/// message when it has one that cannot be read.
pub fn read(out: &Path) -> Result<Option<Marker>, String> {
    let path = out.join(OUTPUT_MARKER);
    if std::fs::symlink_metadata(&path).is_err() {
        return Ok(None);
    }
    let bytes = super::read::read_bytes(&path, &path).map_err(|d| d.message)?;
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|e| format!("{} is not a marker hexaglot can read: {e}", path.display()))
}

impl Marker {
    /// The marker of a build that wrote `files` and published `calendar`.
    pub fn new(files: Vec<String>, calendar: BTreeMap<String, Published>) -> Marker {
        Marker {
            generator: "hexaglot".to_string(),
            files,
            calendar,
        }
    }

    /// The marker as written.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("a marker serializes");
        text.push('\n');
        text
    }
}
