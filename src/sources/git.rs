//! When files last changed, from the git history of the site's checkout: the one place
//! that asks git.
//!
//! One `git log` over `content/` lists every commit with the files it touched, newest
//! first; the first time a file appears is its last change. Uncommitted edits are not
//! history: a translation is stale when the last commit of its source is later than the
//! last commit of the translation.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Last commit time (Unix seconds) of each file of `content/`.
#[derive(Debug, Default)]
pub struct History {
    times: HashMap<PathBuf, i64>,
}

impl History {
    /// Reads the history when `root` is inside a git checkout and git is installed.
    pub fn load(root: &Path) -> Option<History> {
        let top = git(root, &["rev-parse", "--show-toplevel"])?;
        let top = PathBuf::from(top.trim());
        let log = git(
            root,
            &[
                "-c",
                "core.quotepath=off",
                "log",
                "--no-renames",
                "--format=%x01%ct",
                "--name-only",
                "--",
                "content",
            ],
        )?;
        let mut times = HashMap::new();
        let mut current = None;
        for line in log.lines() {
            if let Some(time) = line.strip_prefix('\u{1}') {
                current = time.trim().parse::<i64>().ok();
            } else if let (Some(time), false) = (current, line.is_empty()) {
                let path = canonical(&top.join(line));
                times.entry(path).or_insert(time);
            }
        }
        Some(History { times })
    }

    /// The last commit time of `path`, if it was ever committed.
    pub fn last_change(&self, path: &Path) -> Option<i64> {
        self.times.get(&canonical(path)).copied()
    }
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

fn git(root: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The time (Unix seconds) of the last commit that touched `paths` (relative to
/// `root`), when git tracks them and none of them has uncommitted changes; `None`
/// otherwise (no git, not a checkout, changes not committed).
pub fn last_commit_if_clean(root: &Path, paths: &[&str]) -> Option<u64> {
    // Status would otherwise refresh the index: reading the sources writes nothing.
    let with_paths = |args: &[&str]| {
        let mut all = vec!["--no-optional-locks"];
        all.extend_from_slice(args);
        all.push("--");
        all.extend_from_slice(paths);
        git(root, &all)
    };
    if !with_paths(&["status", "--porcelain", "--untracked-files=all"])?
        .trim()
        .is_empty()
    {
        return None;
    }
    with_paths(&["log", "-1", "--format=%ct"])?
        .trim()
        .parse()
        .ok()
}
