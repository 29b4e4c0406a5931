//! `hexaglot import schedule FILE`: a programme from the tools organizers use, merged
//! into `content/data/sessions.yaml`, `people.yaml` and `tracks.yaml`.
//!
//! Reads a frab/pretalx schedule (XML or JSON, through [`crate::exchange`]), a
//! Sessionize JSON export ([`sessionize`]) or a CSV spreadsheet ([`spreadsheet`]) into
//! one shape ([`incoming`]), merges it by id ([`merge`]) and writes the three files
//! through [`crate::output::data::replace_files`], all or none. The data model keeps
//! rooms on the sessions (`room:` per language), so there is no `rooms.yaml`. Every
//! problem of the input is reported with the file and its line or record; nothing is
//! written when there is one. A dry run prints the diff and writes nothing.

mod from_exchange;
pub mod incoming;
pub mod merge;
pub mod records;
pub mod sessionize;
pub mod spreadsheet;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::error::{Diagnostic, Error};
use crate::zone::Zone;
use incoming::Incoming;
use merge::Data;
use records::{Row, header, to_yaml};

/// What to import, and how.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The site's folder.
    pub root: PathBuf,
    /// The file to read.
    pub file: PathBuf,
    /// Show the diff, write nothing.
    pub dry_run: bool,
    /// The language of the file's texts, when the file does not say (default: the
    /// language its events declare, else the site's default language).
    pub lang: Option<String>,
}

/// What the import reads texts as, and the site facts it needs.
pub struct Context<'a> {
    /// `--lang`.
    pub lang: Option<&'a str>,
    /// The site's languages.
    pub languages: Vec<String>,
    /// The default language.
    pub default: &'a str,
    /// The site's base URL (for the no-room GUID).
    pub base_url: &'a str,
    /// The event's zone (UTC when the site names none).
    pub site_zone: Zone,
}

impl Context<'_> {
    /// The language of texts declared as `declared` (an event's `language`).
    pub fn text_lang(&self, declared: Option<&str>) -> String {
        self.lang
            .or(declared.filter(|d| self.languages.iter().any(|l| l == d)))
            .unwrap_or(self.default)
            .to_string()
    }
}

/// What an import did (or, in a dry run, would do) to one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileReport {
    /// `content/data/sessions.yaml`.
    pub file: String,
    /// Ids of new records.
    pub added: Vec<String>,
    /// Ids of records that changed.
    pub changed: Vec<String>,
    /// Ids of the other records: as they were.
    pub unchanged: Vec<String>,
}

/// The outcome of an import.
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    /// One per data file.
    pub files: Vec<FileReport>,
    /// A unified diff of every file that changes.
    pub diff: String,
    /// Whether files were written (false in a dry run or when nothing changed).
    pub written: bool,
    /// What could not be placed (a session type that is no format).
    pub notes: Vec<String>,
}

impl ImportReport {
    /// The summary printed by the command.
    pub fn summary(&self) -> String {
        let mut out = String::new();
        for f in &self.files {
            out.push_str(&format!(
                "{}: {} added, {} changed, {} unchanged\n",
                f.file,
                f.added.len(),
                f.changed.len(),
                f.unchanged.len()
            ));
            for (what, ids) in [("added", &f.added), ("changed", &f.changed)] {
                if !ids.is_empty() {
                    out.push_str(&format!("  {what}: {}\n", ids.join(", ")));
                }
            }
        }
        for n in &self.notes {
            out.push_str(&format!("note: {n}\n"));
        }
        out
    }
}

/// The data files the import writes, under the site's folder.
const FILES: [&str; 3] = [
    "content/data/sessions.yaml",
    "content/data/people.yaml",
    "content/data/tracks.yaml",
];

/// Imports `options.file` into the site at `options.root`.
pub fn import_schedule(options: &ImportOptions) -> Result<ImportReport, Error> {
    let sources = crate::sources::Sources::load_config(&options.root, None, &HashSet::new())?;
    let config = Config::parse(&sources.root, sources.config_text())?;
    let root = sources.root.clone();
    let display = options.file.clone();
    let text = crate::sources::read::read_text(&options.file, &display).map_err(one)?;
    let cx = Context {
        lang: options.lang.as_deref(),
        languages: config.languages.iter().map(|l| l.code.clone()).collect(),
        default: &config.default_language,
        base_url: &config.base_url,
        site_zone: config
            .time_zone
            .as_deref()
            .and_then(Zone::get)
            .or_else(|| Zone::get("UTC"))
            .ok_or_else(|| one(Diagnostic::error("content/site.yaml", "no time zone")))?,
    };
    if let Some(lang) = cx.lang.filter(|l| !cx.languages.iter().any(|x| x == l)) {
        return Err(one(Diagnostic::error(
            &display,
            format!("`--lang {lang}` is not a language of the site"),
        )
        .hint(format!("the site's languages: {}", cx.languages.join(", ")))));
    }
    let incoming = read(&display, &text, &cx).map_err(Error::Diagnostics)?;
    let old = load(&root)?;
    let mut data = old.1.clone();
    let notes =
        merge::merge(&mut data, &incoming, &cx).map_err(|m| one(Diagnostic::error(&display, m)))?;
    let mut report = ImportReport {
        notes,
        ..ImportReport::default()
    };
    let (texts, headers) = (&old.0, &old.2);
    let new_texts = [
        to_yaml(&headers[0], &data.sessions),
        to_yaml(&headers[1], &data.people),
        to_yaml(&headers[2], &data.tracks),
    ];
    report.files = vec![
        compare(FILES[0], &old.1.sessions, &data.sessions),
        compare(FILES[1], &old.1.people, &data.people),
        compare(FILES[2], &old.1.tracks, &data.tracks),
    ];
    let mut changed = Vec::new();
    for (i, new) in new_texts.iter().enumerate() {
        let before = texts[i].as_deref().unwrap_or("");
        let f = &report.files[i];
        if f.added.is_empty() && f.changed.is_empty() {
            continue;
        }
        let diff = similar::TextDiff::from_lines(before, new.as_str());
        report.diff.push_str(
            &diff
                .unified_diff()
                .header(&format!("a/{}", FILES[i]), &format!("b/{}", FILES[i]))
                .to_string(),
        );
        changed.push((PathBuf::from(FILES[i]), new.clone()));
    }
    if !options.dry_run && !changed.is_empty() {
        crate::output::data::replace_files(&root, &changed)?;
        report.written = true;
    }
    Ok(report)
}

fn one(d: Diagnostic) -> Error {
    Error::Diagnostics(vec![d])
}

/// Reads the file by its kind: `.xml` a schedule XML, `.csv` a spreadsheet, `.json` a
/// schedule JSON (`{"schedule": …}`) or a Sessionize export (`{"sessions": …}`).
pub fn read(file: &Path, text: &str, cx: &Context) -> Result<Incoming, Vec<Diagnostic>> {
    let ext = file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let at = |e: crate::exchange::ReadError| {
        let d = Diagnostic::error(file, e.message);
        vec![match e.at {
            crate::exchange::At::Offset(o) => d.at_offset(text, o),
            crate::exchange::At::LineColumn(l, c) => d.at(text, l, c),
        }]
    };
    match ext.as_str() {
        "xml" => {
            let schedule = crate::exchange::read_xml::read(text).map_err(at)?;
            from_exchange::incoming(&schedule, file, text, cx)
        }
        "csv" => spreadsheet::read(file, text, cx),
        "json" if sessionize::is_sessionize(text) => sessionize::read(file, text, cx),
        "json" => {
            let schedule = crate::exchange::read_json::read(text).map_err(at)?;
            from_exchange::incoming(&schedule, file, text, cx)
        }
        _ => Err(
            vec![Diagnostic::error(file, "unknown kind of schedule file").hint(
            "give a schedule .xml or .json (frab, pretalx), a Sessionize .json export or a .csv",
        )],
        ),
    }
}

/// The data files' texts, rows and leading comments.
type Loaded = ([Option<String>; 3], Data, [String; 3]);

fn load(root: &Path) -> Result<Loaded, Error> {
    let read = |rel: &str| {
        crate::sources::read::read_text_if_exists(&root.join(rel), Path::new(rel)).map_err(one)
    };
    let texts = [read(FILES[0])?, read(FILES[1])?, read(FILES[2])?];
    let formats_text = read("content/data/formats.yaml")?;
    let parse = |i: usize| -> Result<String, Error> {
        Ok(texts[i].as_deref().map(header).unwrap_or_default())
    };
    let headers = [parse(0)?, parse(1)?, parse(2)?];
    let data = Data {
        sessions: rows(&texts[0], FILES[0])?,
        people: rows(&texts[1], FILES[1])?,
        tracks: rows(&texts[2], FILES[2])?,
        formats: rows(&formats_text, "content/data/formats.yaml")?,
    };
    Ok((texts, data, headers))
}

fn rows<T: serde::de::DeserializeOwned>(text: &Option<String>, rel: &str) -> Result<Vec<T>, Error> {
    match text {
        None => Ok(Vec::new()),
        Some(t)
            if t.lines()
                .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) =>
        {
            Ok(Vec::new())
        }
        Some(t) => crate::yaml::from_str(t, Path::new(rel), t, 1).map_err(one),
    }
}

/// Which records of `after` are new, changed or the same as in `before`.
fn compare<T: Row>(file: &str, before: &[T], after: &[T]) -> FileReport {
    let mut r = FileReport {
        file: file.to_string(),
        ..FileReport::default()
    };
    for row in after {
        match before.iter().find(|b| b.id() == row.id()) {
            None => r.added.push(row.id().to_string()),
            Some(b) if b != row => r.changed.push(row.id().to_string()),
            Some(_) => r.unchanged.push(row.id().to_string()),
        }
    }
    r
}
