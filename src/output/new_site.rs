//! Writing a new site (`hexaglot init`): only into a folder that is new or empty, so
//! that no file of the user's is ever replaced.

use std::path::Path;

use crate::error::Error;

/// What is at the place a new site should go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Nothing: the folder will be made.
    Absent,
    /// An empty folder.
    Empty,
    /// A folder that holds something.
    NotEmpty,
    /// A file, not a folder.
    File,
}

/// What is at `dir`.
pub fn place(dir: &Path) -> Result<Place, Error> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => Ok(match entries.next() {
            Some(_) => Place::NotEmpty,
            None => Place::Empty,
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Place::Absent),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => Ok(Place::File),
        Err(e) => Err(Error::io("read", dir, e)),
    }
}

/// Writes `files` (paths relative to `dir`, made by the generator) into `dir`, which
/// must be new or empty; anything else is refused before a byte is written.
pub fn write_new_site<'a>(
    dir: &Path,
    files: impl IntoIterator<Item = (&'a String, &'a Vec<u8>)>,
) -> Result<(), Error> {
    if !matches!(place(dir)?, Place::Absent | Place::Empty) {
        return Err(Error::io(
            "write into",
            dir,
            std::io::Error::new(std::io::ErrorKind::AlreadyExists, "the folder is not empty"),
        ));
    }
    for (rel, bytes) in files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io("create", parent, e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| Error::io("write", &path, e))?;
    }
    Ok(())
}
