//! SEQUENCE numbers that never go down (RFC 5545, section 3.8.7.4).
//!
//! A calendar client ignores an event whose SEQUENCE is lower than the one it has, so
//! the number of a UID may only grow from build to build. `hexaglot build` keeps, beside
//! the site (`<root>/.hexaglot/calendar.json`), each UID's content hash and the
//! SEQUENCE it was published with:
//! - the same hash keeps the same SEQUENCE, so unchanged input gives the same bytes;
//! - a new hash gets the larger of the last SEQUENCE plus one and the *floor*;
//! - a UID the state does not know (a new event, or no state at all) gets the floor.
//!
//! The floor is the last change of the inputs the events are made of (`content/data/`
//! and `content/site.yaml`), in seconds since 2000-01-01 UTC: the time of the last
//! commit that touched them when git has them unmodified — so every clone builds the
//! same calendars — and else their newest modification time. Each change of an event
//! comes with a change of those files, so the floor keeps up with the SEQUENCE: deleting
//! the state, or building where there is none (a fresh clone), never gives a number
//! lower than one published before, unless two builds of different events ran within
//! the same second. Seconds since 2000 stay below 2^31, the largest SEQUENCE clients
//! read, until 2068.
//!
//! The preview server only reads the state: it writes nothing to disk.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::error::{Diagnostic, Error};

/// Where the state is kept, under the site root.
pub const STATE_FILE: &str = ".hexaglot/calendar.json";

/// The inputs of the calendars' events, under the site root.
const INPUTS: [&str; 2] = ["content/data", "content/site.yaml"];

/// 2000-01-01T00:00:00Z, in seconds since the Unix epoch.
const EPOCH_2000: u64 = 946_684_800;

/// Whether [`sequences`] may update the state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// Only read it (the preview, `check`, a site generated in memory).
    Read,
    /// Read it, and write what is published now (`hexaglot build`).
    Write,
}

/// The state: for each UID, the hash of what it says and its SEQUENCE.
#[derive(Debug, Default, Serialize, Deserialize, PartialEq)]
struct State {
    events: BTreeMap<String, Published>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
struct Published {
    hash: String,
    sequence: u32,
}

/// The SEQUENCE of each `(uid, content hash)` of the site at `root`; with
/// [`Keep::Write`], the state is updated to match. A state file that cannot be read is
/// set aside with a warning (returned); only a failed write is an error.
pub fn sequences(
    root: &Path,
    events: &[(String, u64)],
    keep: Keep,
) -> Result<(BTreeMap<String, u32>, Option<Diagnostic>), Error> {
    let path = root.join(STATE_FILE);
    let (before, warning) = read_state(&path);
    let mut floor = None;
    let mut floor = || *floor.get_or_insert_with(|| floor_of(root));
    let mut after = State {
        events: before.events.clone(),
    };
    let mut numbers = BTreeMap::new();
    for (uid, hash) in events {
        let hash = format!("{hash:016x}");
        let sequence = match before.events.get(uid) {
            Some(p) if p.hash == hash => p.sequence,
            Some(p) => p.sequence.saturating_add(1).max(floor()),
            None => floor(),
        };
        numbers.insert(uid.clone(), sequence);
        // Events that are gone stay in the state: one that comes back must not go down.
        after
            .events
            .insert(uid.clone(), Published { hash, sequence });
    }
    if keep == Keep::Write && (after != before || warning.is_some()) {
        write_state(&path, &after)?;
    }
    Ok((numbers, warning))
}

fn read_state(path: &Path) -> (State, Option<Diagnostic>) {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (State::default(), None),
        Err(e) => return (State::default(), Some(set_aside(&e.to_string()))),
    };
    match serde_json::from_str(&text) {
        Ok(state) => (state, None),
        Err(e) => (State::default(), Some(set_aside(&e.to_string()))),
    }
}

fn set_aside(why: &str) -> Diagnostic {
    Diagnostic::warning(
        STATE_FILE,
        format!("the calendars' SEQUENCE numbers cannot be read ({why}); they start again from the event data's last change"),
    )
    .hint("hexaglot build writes this file again; it holds nothing else")
}

/// Writes the state next to its place, then moves it there, so that a reader never sees
/// half of it.
fn write_state(path: &Path, state: &State) -> Result<(), Error> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io("create", dir, e))?;
    let mut text = serde_json::to_string_pretty(state).unwrap_or_default();
    text.push('\n');
    let temp = path.with_extension("json.tmp");
    std::fs::write(&temp, text).map_err(|e| Error::io("write", &temp, e))?;
    std::fs::rename(&temp, path).map_err(|e| Error::io("write", path, e))
}

/// The floor: the last change of the events' inputs, in seconds since 2000, below 2^31.
fn floor_of(root: &Path) -> u32 {
    let time = committed(root).or_else(|| modified(root));
    let seconds = time
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs().saturating_sub(EPOCH_2000));
    seconds.min(i32::MAX as u64) as u32
}

/// The time of the last commit that touched the inputs, when git tracks them and they
/// are unmodified; `None` otherwise (no git, not a repository, changes not committed).
fn committed(root: &Path) -> Option<SystemTime> {
    let git = |args: &[&str]| {
        let output = Command::new("git")
            .arg("-C")
            .arg(root)
            // Status would otherwise refresh the index: the build writes nothing there.
            .arg("--no-optional-locks")
            .args(args)
            .arg("--")
            .args(INPUTS)
            .output()
            .ok()?;
        output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
    };
    if !git(&["status", "--porcelain", "--untracked-files=all"])?.is_empty() {
        return None;
    }
    let seconds: u64 = git(&["log", "-1", "--format=%ct"])?.parse().ok()?;
    Some(UNIX_EPOCH + Duration::from_secs(seconds))
}

/// The newest modification time among the inputs (and the data folder itself, which
/// changes when a file is removed).
fn modified(root: &Path) -> Option<SystemTime> {
    let data = root.join(INPUTS[0]);
    let files = std::fs::read_dir(&data)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path());
    [data.clone(), root.join(INPUTS[1])]
        .into_iter()
        .chain(files)
        .filter_map(|path: PathBuf| std::fs::symlink_metadata(path).ok()?.modified().ok())
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(list: &[(&str, u64)]) -> Vec<(String, u64)> {
        list.iter().map(|(u, h)| (u.to_string(), *h)).collect()
    }

    #[test]
    fn same_hash_same_number_new_hash_higher_and_reading_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let first = events(&[("a@x", 1), ("b@x", 2)]);
        let (read, _) = sequences(root, &first, Keep::Read).unwrap();
        assert!(!root.join(".hexaglot").exists(), "reading wrote the state");
        let (written, _) = sequences(root, &first, Keep::Write).unwrap();
        assert_eq!(read, written);
        let state = std::fs::read(root.join(STATE_FILE)).unwrap();
        let (again, _) = sequences(root, &first, Keep::Write).unwrap();
        assert_eq!(again, written);
        assert_eq!(std::fs::read(root.join(STATE_FILE)).unwrap(), state);
        // a@x changes, and then changes back: up each time.
        let (changed, _) =
            sequences(root, &events(&[("a@x", 3), ("b@x", 2)]), Keep::Write).unwrap();
        assert!(changed["a@x"] > written["a@x"]);
        assert_eq!(changed["b@x"], written["b@x"]);
        let (back, _) = sequences(root, &first, Keep::Write).unwrap();
        assert!(back["a@x"] > changed["a@x"]);
    }

    #[test]
    fn an_unreadable_state_is_set_aside_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join(".hexaglot")).unwrap();
        std::fs::write(root.join(STATE_FILE), "{not json").unwrap();
        let (numbers, warning) = sequences(root, &events(&[("a@x", 1)]), Keep::Write).unwrap();
        let warning = warning.expect("a warning");
        assert!(warning.message.contains("SEQUENCE"), "{}", warning.message);
        let (read, warning) = sequences(root, &events(&[("a@x", 1)]), Keep::Read).unwrap();
        assert!(warning.is_none(), "the state was written again");
        assert_eq!(read, numbers);
    }
}
