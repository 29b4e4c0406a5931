//! Writing the site: everything goes into a staging folder beside the output folder,
//! which then takes its place. A build that fails never touches the previous output,
//! and readers (a web server, a deploy) never see half a site.
//!
//! [`Staging`] lets the renderer write each page as soon as it is rendered, from many
//! threads, so that a large site is never held in memory whole.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::Error;

/// A file of the built site.
pub enum OutputFile {
    /// Rendered bytes.
    Bytes(Vec<u8>),
    /// A file copied as it is.
    Copy(PathBuf),
}

/// A staging folder beside the output folder. Dropped without [`Staging::commit`], it
/// is removed and the output folder stays as it was.
pub struct Staging {
    dir: PathBuf,
    out: PathBuf,
    committed: bool,
}

impl Staging {
    /// Creates an empty staging folder for `out`.
    pub fn new(out: &Path) -> Result<Staging, Error> {
        refuse_dangerous_target(out)?;
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

    /// Creates the folders that will hold `paths` (relative file paths).
    pub fn create_dirs<'a>(&self, paths: impl IntoIterator<Item = &'a str>) -> Result<(), Error> {
        let dirs: BTreeSet<&Path> = paths
            .into_iter()
            .filter_map(|p| Path::new(p).parent())
            .collect();
        for dir in dirs {
            let full = self.dir.join(dir);
            std::fs::create_dir_all(&full).map_err(|e| Error::io("create", &full, e))?;
        }
        Ok(())
    }

    /// Writes one file; its folder must exist (see [`Staging::create_dirs`]).
    pub fn write(&self, path: &str, file: &OutputFile) -> Result<(), Error> {
        let target = self.dir.join(path);
        match file {
            OutputFile::Bytes(bytes) => {
                std::fs::write(&target, bytes).map_err(|e| Error::io("write", &target, e))
            }
            OutputFile::Copy(src) => std::fs::copy(src, &target)
                .map(|_| ())
                .map_err(|e| Error::io("copy", src, e)),
        }
    }

    /// Puts the staging folder in the place of the output folder.
    pub fn commit(mut self) -> Result<(), Error> {
        let parent = parent_of(&self.out);
        let name = name_of(&self.out);
        if self.out.exists() {
            let old = parent.join(format!(".{name}.old-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&old);
            std::fs::rename(&self.out, &old).map_err(|e| Error::io("replace", &self.out, e))?;
            if let Err(e) = std::fs::rename(&self.dir, &self.out) {
                let _ = std::fs::rename(&old, &self.out);
                return Err(Error::io("replace", &self.out, e));
            }
            self.committed = true;
            std::fs::remove_dir_all(&old).map_err(|e| Error::io("remove", &old, e))?;
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

/// Writes `files` (path under the output folder → content) into `out`, replacing it.
/// Returns the number of files written.
pub fn write_atomically(out: &Path, files: &[(String, OutputFile)]) -> Result<usize, Error> {
    let staging = Staging::new(out)?;
    staging.create_dirs(files.iter().map(|(p, _)| p.as_str()))?;
    files
        .par_iter()
        .try_for_each(|(path, file)| staging.write(path, file))?;
    staging.commit()?;
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

/// The output folder is replaced whole: refuse folders that hold sources.
fn refuse_dangerous_target(out: &Path) -> Result<(), Error> {
    for marker in ["content/site.yaml", "Cargo.toml", ".git"] {
        if out.join(marker).exists() {
            return Err(Error::io(
                "replace",
                out,
                std::io::Error::other(format!(
                    "it holds {marker}; choose an output folder of its own"
                )),
            ));
        }
    }
    Ok(())
}
