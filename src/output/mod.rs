//! Writing the site: everything goes into a staging folder beside the output folder,
//! which then takes its place. A build that fails never touches the previous output,
//! and readers (a web server, a deploy) never see half a site.

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

/// Writes `files` (path under the output folder → content) into `out`, replacing it.
/// Returns the number of files written.
pub fn write_atomically(out: &Path, files: &[(String, OutputFile)]) -> Result<usize, Error> {
    refuse_dangerous_target(out)?;
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".into());
    std::fs::create_dir_all(parent).map_err(|e| Error::io("create", parent, e))?;
    let staging = parent.join(format!(".{name}.staging-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&staging);
    let result = write_tree(&staging, files).and_then(|()| swap(&staging, out, parent, &name));
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result.map(|()| files.len())
}

fn write_tree(staging: &Path, files: &[(String, OutputFile)]) -> Result<(), Error> {
    std::fs::create_dir_all(staging).map_err(|e| Error::io("create", staging, e))?;
    let dirs: BTreeSet<&Path> = files.iter().filter_map(|(p, _)| Path::new(p).parent()).collect();
    for dir in dirs {
        let full = staging.join(dir);
        std::fs::create_dir_all(&full).map_err(|e| Error::io("create", &full, e))?;
    }
    files.par_iter().try_for_each(|(path, file)| {
        let target = staging.join(path);
        match file {
            OutputFile::Bytes(bytes) => std::fs::write(&target, bytes).map_err(|e| Error::io("write", &target, e)),
            OutputFile::Copy(src) => std::fs::copy(src, &target).map(|_| ()).map_err(|e| Error::io("copy", src, e)),
        }
    })
}

fn swap(staging: &Path, out: &Path, parent: &Path, name: &str) -> Result<(), Error> {
    if out.exists() {
        let old = parent.join(format!(".{name}.old-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&old);
        std::fs::rename(out, &old).map_err(|e| Error::io("replace", out, e))?;
        if let Err(e) = std::fs::rename(staging, out) {
            let _ = std::fs::rename(&old, out);
            return Err(Error::io("replace", out, e));
        }
        std::fs::remove_dir_all(&old).map_err(|e| Error::io("remove", &old, e))?;
    } else {
        std::fs::rename(staging, out).map_err(|e| Error::io("create", out, e))?;
    }
    Ok(())
}

/// The output folder is replaced whole: refuse folders that hold sources.
fn refuse_dangerous_target(out: &Path) -> Result<(), Error> {
    for marker in ["content/site.yaml", "Cargo.toml", ".git"] {
        if out.join(marker).exists() {
            return Err(Error::io(
                "replace",
                out,
                std::io::Error::other(format!("it holds {marker}; choose an output folder of its own")),
            ));
        }
    }
    Ok(())
}
