//! Writing the site's own data files, for `hexaglot import`: every file is written
//! beside its target under a temporary name and renamed over it only when all of them
//! were written, so that a failed import changes no file.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Error};

/// Writes each `(path under root, text)`: all temporary files first, then the renames.
/// On a failure before the renames, the temporary files are removed and no target
/// changes.
pub fn replace_files(root: &Path, files: &[(PathBuf, String)]) -> Result<(), Error> {
    let mut written: Vec<(PathBuf, PathBuf)> = Vec::new();
    let result = files.iter().try_for_each(|(rel, text)| {
        let target = root.join(rel);
        let temp = temp_name(&target);
        let write = || -> std::io::Result<()> {
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)?;
            }
            let mut f = std::fs::File::create(&temp)?;
            f.write_all(text.as_bytes())?;
            f.sync_all()
        };
        let outcome = write();
        written.push((temp.clone(), target));
        outcome.map_err(|e| failed(rel, &e))
    });
    if let Err(e) = result {
        for (temp, _) in &written {
            let _ = std::fs::remove_file(temp);
        }
        return Err(e);
    }
    for ((temp, target), (rel, _)) in written.iter().zip(files) {
        std::fs::rename(temp, target).map_err(|e| failed(rel, &e))?;
    }
    Ok(())
}

fn temp_name(target: &Path) -> PathBuf {
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".hexaglot-import");
    target.with_file_name(name)
}

fn failed(rel: &Path, e: &std::io::Error) -> Error {
    Error::Diagnostics(vec![Diagnostic::error(
        rel,
        format!("cannot write the file: {e}"),
    )])
}
