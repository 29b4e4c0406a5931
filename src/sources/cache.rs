//! hexaglot's cache folder, `.hexaglot/cache/` in the site's folder: the one place a
//! build writes outside its output folder, and only through [`CacheDir`].
//!
//! The cache holds files named by the hash of what made them, so a file is either
//! absent or right: it is written under a temporary name and renamed into place, so
//! that a build stopped halfway leaves no half-written file under a real name, and two
//! builds at once (a build beside the preview server) may write the same file. Nothing
//! is ever deleted here; removing `.hexaglot/cache/` only costs the next build the time
//! to make the files again.
//!
//! **The folder is hexaglot's alone.** `.hexaglot/cache/` carries a `CACHEDIR.TAG`
//! (the convention backup tools know); a `.hexaglot` that is not a folder, or a cache
//! folder without hexaglot's tag, is refused instead of being written into.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::Diagnostic;

/// The folder, relative to the site's folder.
pub const CACHE_FOLDER: &str = ".hexaglot/cache";

/// The tag that marks the cache folder as hexaglot's.
const TAG: &str = "Signature: 8a477f597d28d172789f06886806bc55\n\
# This file is a cache directory tag created by hexaglot.\n\
# For information about cache directory tags, see https://bford.info/cachedir/\n";

/// One sub-folder of the cache (`images/`), ready to be read and written.
#[derive(Debug, Clone)]
pub struct CacheDir {
    dir: PathBuf,
    display: PathBuf,
}

/// Numbers the temporary files of this process, so that no two writes share one.
static TEMPORARY: AtomicU64 = AtomicU64::new(0);

impl CacheDir {
    /// The image cache of the site in `root`, created when missing; refused when
    /// `.hexaglot/` or its cache folder is not hexaglot's.
    pub fn open(root: &Path) -> Result<CacheDir, Diagnostic> {
        Self::open_folder(root, "images")
    }

    /// The cache sub-folder `name` of the site in `root`.
    pub fn open_folder(root: &Path, name: &str) -> Result<CacheDir, Diagnostic> {
        let display = Path::new(CACHE_FOLDER).join(name);
        let cache = root.join(CACHE_FOLDER);
        let refuse = |why: String| {
            Diagnostic::error(Path::new(CACHE_FOLDER), why).hint(
                "hexaglot keeps processed images in .hexaglot/cache/ of the site's folder: move what is there now elsewhere",
            )
        };
        let hidden = root.join(".hexaglot");
        let tag = cache.join("CACHEDIR.TAG");
        match std::fs::symlink_metadata(&hidden) {
            Ok(meta) if !meta.is_dir() => {
                return Err(refuse(
                    ".hexaglot in the site's folder is not a folder hexaglot made".to_string(),
                ));
            }
            Ok(_) if !is_empty(&hidden) => {
                let ours = crate::sources::read::read_bytes(&tag, &display)
                    .map(|bytes| String::from_utf8_lossy(&bytes).contains("created by hexaglot"))
                    .unwrap_or(false);
                if !ours {
                    return Err(refuse(format!(
                        ".hexaglot/ holds files hexaglot did not write ({CACHE_FOLDER}/CACHEDIR.TAG is not hexaglot's)"
                    )));
                }
            }
            _ => {
                std::fs::create_dir_all(&cache).map_err(|e| {
                    Diagnostic::error(&display, format!("cannot create the cache folder: {e}"))
                })?;
                write_new(&cache, "CACHEDIR.TAG", TAG.as_bytes()).map_err(|e| {
                    Diagnostic::error(&display, format!("cannot write the cache folder: {e}"))
                })?;
            }
        }
        let dir = cache.join(name);
        std::fs::create_dir_all(&dir).map_err(|e| {
            Diagnostic::error(&display, format!("cannot create the cache folder: {e}"))
        })?;
        Ok(CacheDir { dir, display })
    }

    /// The cache folder relative to the site's folder, for messages.
    pub fn display(&self) -> &Path {
        &self.display
    }

    /// Where the file `name` is (or would be) kept.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// Whether the file `name` is in the cache.
    pub fn has(&self, name: &str) -> bool {
        std::fs::symlink_metadata(self.path(name)).is_ok_and(|m| m.is_file())
    }

    /// Reads the file `name`, if it is in the cache.
    pub fn read(&self, name: &str) -> Option<Vec<u8>> {
        if !self.has(name) {
            return None;
        }
        crate::sources::read::read_bytes(&self.path(name), &self.display.join(name)).ok()
    }

    /// Writes the file `name`: under a temporary name, then renamed into place.
    pub fn write(&self, name: &str, bytes: &[u8]) -> std::io::Result<()> {
        write_new(&self.dir, name, bytes)
    }
}

fn is_empty(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none())
}

fn write_new(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    let n = TEMPORARY.fetch_add(1, Ordering::Relaxed);
    let temporary = dir.join(format!(".{name}.tmp-{}-{n}", std::process::id()));
    std::fs::write(&temporary, bytes)?;
    std::fs::rename(&temporary, dir.join(name)).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_foreign_cache_folder_is_refused_and_ours_is_reused() {
        let site = tempfile::tempdir().unwrap();
        let cache = CacheDir::open(site.path()).unwrap();
        cache.write("a.jpg", b"x").unwrap();
        assert_eq!(cache.read("a.jpg").as_deref(), Some(&b"x"[..]));
        let again = CacheDir::open(site.path()).unwrap();
        assert!(again.has("a.jpg"));

        let other = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(other.path().join(".hexaglot")).unwrap();
        std::fs::write(other.path().join(".hexaglot/mine.txt"), "mine").unwrap();
        let refused = CacheDir::open(other.path()).unwrap_err();
        assert!(refused.message.contains("did not write"), "{refused}");

        let file = tempfile::tempdir().unwrap();
        std::fs::write(file.path().join(".hexaglot"), "x").unwrap();
        assert!(CacheDir::open(file.path()).is_err());
    }
}
