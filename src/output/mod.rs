//! Writing the site: the one place that writes to disk, and only under the output
//! folder.
//!
//! Everything goes into a staging folder beside the output folder, which then takes its
//! place: a build that fails never touches the previous output, and readers (a web
//! server, a deploy) never see half a site. [`Staging`] accepts only [`OutPath`]s, which
//! cannot leave it, and lets the renderer write each page as soon as it is rendered,
//! from many threads, so that a large site is never held in memory whole.
//!
//! **The output folder is hexaglot's alone.** Before any work, [`check_target`] refuses
//! an output folder that holds anything hexaglot did not write: it must be absent,
//! empty, or a previous build, recognized by the marker file
//! [`OUTPUT_MARKER`](crate::sources::OUTPUT_MARKER) that lists the files that build
//! wrote; a file added since is named in the error instead of being deleted. The site's
//! own folders (`content/`, `locales/`, `themes/`, `templates/`, `static/`), the site's
//! folder itself and any folder above it are refused too.

pub mod data;
mod new_site;
mod target;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use new_site::{Place, place, write_new_site};
pub use target::check_target;

use crate::error::Error;
use crate::plan::OutPath;
use crate::sources::OUTPUT_MARKER;
use crate::sources::marker::{Marker, Published};

/// A file of the built site.
pub enum OutputFile {
    /// Rendered bytes.
    Bytes(Vec<u8>),
    /// A source file copied as it is: its path, and its name for messages.
    Copy(PathBuf, PathBuf),
}

/// A staging folder beside the output folder. Dropped without [`Staging::commit`], it
/// is removed and the output folder stays as it was.
pub struct Staging {
    dir: PathBuf,
    out: PathBuf,
    committed: bool,
}

impl Staging {
    /// Creates an empty staging folder for `out`, which [`check_target`] accepted.
    pub fn new(out: &Path) -> Result<Staging, Error> {
        let parent = parent_of(out);
        std::fs::create_dir_all(parent).map_err(|e| Error::io("create", parent, e))?;
        let dir = parent.join(format!(".{}.staging-{}", name_of(out), std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| Error::io("create", &dir, e))?;
        Ok(Staging {
            dir,
            out: out.to_path_buf(),
            committed: false,
        })
    }

    /// Creates the folders that will hold `paths`.
    pub fn create_dirs<'a>(
        &self,
        paths: impl IntoIterator<Item = &'a OutPath>,
    ) -> Result<(), Error> {
        let dirs: BTreeSet<&str> = paths.into_iter().filter_map(OutPath::parent).collect();
        // The folders under each top-level folder (one per language) on their own core.
        let mut groups: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for dir in dirs {
            let top = dir.split('/').next().unwrap_or(dir);
            groups.entry(top).or_default().push(dir);
        }
        groups.par_iter().try_for_each(|(_, dirs)| {
            dirs.iter().try_for_each(|dir| {
                let full = self.dir.join(dir);
                std::fs::create_dir_all(&full).map_err(|e| Error::io("create", &full, e))
            })
        })
    }

    /// Writes one file; its folder must exist (see [`Staging::create_dirs`]).
    pub fn write(&self, path: &OutPath, file: &OutputFile) -> Result<(), Error> {
        let target = self.dir.join(path.as_str());
        match file {
            OutputFile::Bytes(bytes) => {
                std::fs::write(&target, bytes).map_err(|e| Error::io("write", &target, e))
            }
            OutputFile::Copy(src, display) => crate::sources::read::copy(src, display, &target)
                .map(|_| ())
                .map_err(|d| Error::Diagnostics(vec![d])),
        }
    }

    /// Marks the staging folder as a build (with the list of `written` files and the
    /// calendars' SEQUENCE numbers) and puts it in the place of the output folder.
    pub fn commit<'a>(
        mut self,
        written: impl IntoIterator<Item = &'a OutPath>,
        calendar: BTreeMap<String, Published>,
    ) -> Result<(), Error> {
        let files = written
            .into_iter()
            .map(|p| p.as_str().to_string())
            .collect();
        let marker = self.dir.join(OUTPUT_MARKER);
        std::fs::write(&marker, Marker::new(files, calendar).to_json())
            .map_err(|e| Error::io("write", &marker, e))?;
        let parent = parent_of(&self.out);
        let name = name_of(&self.out);
        if std::fs::symlink_metadata(&self.out).is_ok() {
            let old = parent.join(format!(".{name}.old-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&old);
            std::fs::rename(&self.out, &old).map_err(|e| Error::io("replace", &self.out, e))?;
            if let Err(e) = std::fs::rename(&self.dir, &self.out) {
                let _ = std::fs::rename(&old, &self.out);
                return Err(Error::io("replace", &self.out, e));
            }
            self.committed = true;
            remove_tree(&old).map_err(|e| Error::io("remove", &old, e))?;
        } else {
            std::fs::rename(&self.dir, &self.out).map_err(|e| Error::io("create", &self.out, e))?;
            self.committed = true;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Removes the previous output, once replaced: its top-level entries in parallel (a
/// folder per language), then the folder. Symbolic links are removed, not followed.
fn remove_tree(dir: &Path) -> std::io::Result<()> {
    use rayon::prelude::*;
    let entries = std::fs::read_dir(dir)?.collect::<Result<Vec<_>, _>>()?;
    entries.par_iter().try_for_each(|entry| {
        if entry.file_type()?.is_dir() {
            std::fs::remove_dir_all(entry.path())
        } else {
            std::fs::remove_file(entry.path())
        }
    })?;
    std::fs::remove_dir(dir)
}

/// Writes `files` into `out`, replacing it (after [`check_target`]). Returns the
/// number of files written.
pub fn write_atomically(
    root: &Path,
    out: &Path,
    files: &[(OutPath, OutputFile)],
) -> Result<usize, Error> {
    check_target(root, out)?;
    let staging = Staging::new(out)?;
    staging.create_dirs(files.iter().map(|(p, _)| p))?;
    files
        .par_iter()
        .try_for_each(|(path, file)| staging.write(path, file))?;
    staging.commit(files.iter().map(|(p, _)| p), BTreeMap::new())?;
    Ok(files.len())
}

fn parent_of(out: &Path) -> &Path {
    out.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

fn name_of(out: &Path) -> String {
    out.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into())
}
