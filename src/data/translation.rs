//! The translation status of the event data: every per-language text of every record
//! (a session's title, a person's role, a room's name…) in every language —
//! translated, shown from the language's fallback chain, or missing from the chain —
//! with the file and line of the field, so that a translator goes straight to it.

use serde::Serialize;

use crate::config::Config;
use crate::data::{EventData, Localized};
use crate::sources::Sources;
use crate::yaml::Tree;

/// The state of one data text in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DataState {
    /// Written in the language.
    Translated,
    /// Not written in it; a language of its fallback chain has it.
    Fallback,
    /// Not written in it nor in its fallback chain.
    Missing,
}

/// One per-language field of one record.
#[derive(Debug, Clone, Serialize)]
pub struct DataRow {
    /// The data file, relative to the site root.
    pub file: String,
    /// Which file it is (`sessions`, `people`…), for [`Sources::data_file`].
    #[serde(skip)]
    pub kind: &'static str,
    /// Line and column of the field's value (0 when unknown).
    pub line: usize,
    /// See `line`.
    pub column: usize,
    /// The record's id.
    pub record: String,
    /// The field (`title`, `role`…).
    pub field: &'static str,
    /// Language → state, in the site's order.
    pub languages: Vec<(String, DataState)>,
}

/// A record's id and its per-language fields (an optional field may be absent).
type Record<'a> = (&'a str, Vec<(&'static str, Option<&'a Localized>)>);

/// Every per-language field of the data, file by file, record by record.
pub fn rows(config: &Config, sources: &Sources, data: &EventData) -> Vec<DataRow> {
    let mut rows = Vec::new();
    let mut file = |kind: &'static str, records: Vec<Record<'_>>| {
        let Some(found) = sources.data_file(kind) else {
            return;
        };
        let tree = Tree::parse(found.text(), 1);
        let display = found.found.display.display().to_string();
        for (i, (id, fields)) in records.into_iter().enumerate() {
            for (field, text) in fields {
                let Some(text) = text else { continue };
                let (line, column) = tree
                    .as_ref()
                    .and_then(|t| t.value(&[i.into(), field.into()]))
                    .unwrap_or((0, 0));
                rows.push(DataRow {
                    file: display.clone(),
                    kind,
                    line,
                    column,
                    record: id.to_string(),
                    field,
                    languages: states(config, text),
                });
            }
        }
    };
    file(
        "tracks",
        data.tracks
            .iter()
            .map(|t| {
                (
                    &*t.id,
                    vec![
                        ("name", Some(&t.name)),
                        ("description", t.description.as_ref()),
                    ],
                )
            })
            .collect(),
    );
    file(
        "formats",
        data.formats
            .iter()
            .map(|f| {
                (
                    &*f.id,
                    vec![
                        ("name", Some(&f.name)),
                        ("description", f.description.as_ref()),
                    ],
                )
            })
            .collect(),
    );
    file(
        "key_dates",
        data.key_dates
            .iter()
            .map(|k| (&*k.id, vec![("title", Some(&k.title))]))
            .collect(),
    );
    file(
        "organizations",
        data.organizations
            .iter()
            .map(|o| {
                let fields = vec![
                    ("name", Some(&o.name)),
                    ("acronym", o.acronym.as_ref()),
                    ("logo_alt", o.logo_alt.as_ref()),
                ];
                (&*o.id, fields)
            })
            .collect(),
    );
    file(
        "people",
        data.people
            .iter()
            .map(|p| {
                let fields = vec![
                    ("name", Some(&p.name)),
                    ("role", p.role.as_ref()),
                    ("photo_alt", p.photo_alt.as_ref()),
                ];
                (&*p.id, fields)
            })
            .collect(),
    );
    file(
        "sessions",
        data.sessions
            .iter()
            .map(|s| {
                // A room named by id is translated in rooms.yaml.
                let room = s.room.as_ref().filter(|_| s.room_id.is_none());
                let fields = vec![
                    ("title", Some(&s.title)),
                    ("description", s.description.as_ref()),
                    ("room", room),
                ];
                (&*s.id, fields)
            })
            .collect(),
    );
    file(
        "rooms",
        data.rooms
            .iter()
            .map(|r| {
                (
                    &*r.id,
                    vec![
                        ("name", Some(&r.name)),
                        ("accessibility", r.accessibility.as_ref()),
                    ],
                )
            })
            .collect(),
    );
    rows
}

fn states(config: &Config, text: &Localized) -> Vec<(String, DataState)> {
    config
        .languages
        .iter()
        .map(|language| {
            let state = if text.0.contains_key(&language.code) {
                DataState::Translated
            } else if language.fallback.iter().any(|l| text.0.contains_key(l)) {
                DataState::Fallback
            } else {
                DataState::Missing
            };
            (language.code.clone(), state)
        })
        .collect()
}
