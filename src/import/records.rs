//! The rows of `sessions.yaml`, `people.yaml` and `tracks.yaml` as the importer reads
//! and writes them: every field of the data model, as written, so that a merge keeps
//! what the import does not carry (organizations, captioning, a role) byte for byte in
//! meaning. `deny_unknown_fields` as in [`crate::data`]: a field this list lacks would
//! otherwise be dropped silently.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Text keyed by language.
pub type Texts = BTreeMap<String, String>;

/// A row of `sessions.yaml` (the fields of `data::session::SessionRecord`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SessionRow {
    pub id: String,
    pub title: Texts,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Texts>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub track: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    pub start: String,
    pub end: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organizations: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room: Option<Texts>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub captioning: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interpretation: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attendance: Option<String>,
}

/// A row of `people.yaml`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PersonRow {
    pub id: String,
    pub name: Texts,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Texts>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
}

/// A row of `tracks.yaml`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TrackRow {
    pub id: String,
    pub name: Texts,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Texts>,
}

/// A row of `formats.yaml` (read only: a session's type is matched to a format).
#[derive(Debug, Clone, Deserialize)]
pub struct FormatRow {
    pub id: String,
    pub track: String,
    pub name: Texts,
}

/// Anything with an id.
pub trait Row: Clone + PartialEq + Serialize {
    /// Its id.
    fn id(&self) -> &str;
}

impl Row for SessionRow {
    fn id(&self) -> &str {
        &self.id
    }
}
impl Row for PersonRow {
    fn id(&self) -> &str {
        &self.id
    }
}
impl Row for TrackRow {
    fn id(&self) -> &str {
        &self.id
    }
}

/// The rows as YAML, after the comment lines that opened the previous file (`header`).
pub fn to_yaml<T: Serialize>(header: &str, rows: &[T]) -> String {
    let body = if rows.is_empty() {
        "[]\n".to_string()
    } else {
        serde_saphyr::to_string(&rows).unwrap_or_default()
    };
    format!("{header}{body}")
}

/// The comment lines at the top of a YAML file.
pub fn header(text: &str) -> String {
    text.lines()
        .take_while(|l| l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect()
}
