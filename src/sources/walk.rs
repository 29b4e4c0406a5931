//! The one walker over a site's folders, and the rules of what is a source.
//!
//! - Names starting with `.` (`.git`, `.DS_Store`) and editors' side files (`page.md~`,
//!   `.page.md.swp`, `#page.md#`) are not sources; [`is_side_file`] is also what the
//!   preview server's watcher ignores, so both agree.
//! - A folder holding a previous build (it has the output marker, see
//!   [`OUTPUT_MARKER`]) is never walked: an old output left inside `content/`
//!   is not published again.
//! - Only regular files are sources. A FIFO, socket or device is an error, reported
//!   here, before anything tries to read it.
//! - A symbolic link is followed only to a regular file inside the folder being walked
//!   (`content/`, `locales/`, the theme); a link that leaves it, or points to a folder,
//!   is an error saying so.
//! - A file name must be UTF-8.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::marker::OUTPUT_MARKER;
use crate::error::{Diagnostic, Diagnostics};

/// A file found by the walker.
#[derive(Debug, Clone)]
pub struct Found {
    /// Path on disk.
    pub path: PathBuf,
    /// Path relative to the walked folder, with `/` separators.
    pub rel: String,
    /// Path relative to the site root, for messages.
    pub display: PathBuf,
    /// Size and modification time, to tell whether it changed.
    pub stamp: Stamp,
}

/// What identifies one state of a file without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
}

impl Stamp {
    /// When the file was last modified, if the system says.
    pub fn modified(&self) -> Option<std::time::SystemTime> {
        self.modified
    }

    fn of(meta: &std::fs::Metadata) -> Stamp {
        Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
        }
    }
}

/// Whether a file name is not a source: hidden, or an editor's swap, backup or lock
/// file.
pub fn is_side_file(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.starts_with('#')
        || name == "4913"
        || [".swp", ".swx", ".swo", ".tmp", ".crswap", ".kate-swp"]
            .iter()
            .any(|ext| name.ends_with(ext))
}

/// Lists the files under `dir` (which `display_dir` names, relative to the site root),
/// in name order. Problems go to `out`; the walk goes on past them. A folder that does
/// not exist has no files.
pub fn walk(dir: &Path, display_dir: &Path, out: &mut Diagnostics) -> Vec<Found> {
    let mut found = Vec::new();
    let Ok(canonical_dir) = std::fs::canonicalize(dir) else {
        return found;
    };
    let walker = WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || !(e.file_name().to_str().is_some_and(is_side_file)
                    || (e.file_type().is_dir() && e.path().join(OUTPUT_MARKER).exists()))
        });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().unwrap_or(dir);
                let display = display_dir.join(path.strip_prefix(dir).unwrap_or(path));
                out.push(
                    Diagnostic::error(display, format!("cannot read this folder: {e}"))
                        .hint("check that you may read it"),
                );
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let rel_path = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let display = display_dir.join(rel_path);
        let Some(rel) = rel_path.to_str().map(|s| s.replace('\\', "/")) else {
            out.push(
                Diagnostic::error(&display, "the file name is not valid UTF-8")
                    .hint("rename the file with letters your system saves as UTF-8"),
            );
            continue;
        };
        if let Some(file) = admit(&entry, &canonical_dir, display_dir, rel, display, out) {
            found.push(file);
        }
    }
    found
}

/// Applies the rules to one entry that is not a folder.
fn admit(
    entry: &walkdir::DirEntry,
    canonical_dir: &Path,
    display_dir: &Path,
    rel: String,
    display: PathBuf,
    out: &mut Diagnostics,
) -> Option<Found> {
    check(
        entry.path(),
        entry.path_is_symlink(),
        canonical_dir,
        display_dir,
        &display,
    )
    .map(|stamp| Found {
        stamp,
        path: entry.path().to_path_buf(),
        rel,
        display,
    })
    .map_err(|d| out.push(d))
    .ok()
}

/// Applies the rules to the single file at `path` (`content/site.yaml`): it must be a
/// regular file, or a link to one inside `boundary`.
pub fn file(path: &Path, boundary: &Path, display: &Path) -> Result<Found, Diagnostic> {
    let is_link = std::fs::symlink_metadata(path)
        .map_err(|e| Diagnostic::error(display, format!("cannot read the file: {e}")))?
        .file_type()
        .is_symlink();
    let canonical = std::fs::canonicalize(boundary).unwrap_or_else(|_| boundary.to_path_buf());
    let display_dir = display.parent().unwrap_or(Path::new(""));
    let stamp = check(path, is_link, &canonical, display_dir, display)?;
    let rel = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string();
    Ok(Found {
        path: path.to_path_buf(),
        rel,
        display: display.to_path_buf(),
        stamp,
    })
}

fn check(
    path: &Path,
    is_link: bool,
    canonical_dir: &Path,
    display_dir: &Path,
    display: &Path,
) -> Result<Stamp, Diagnostic> {
    if is_link {
        let target = std::fs::canonicalize(path).ok();
        if !target
            .as_ref()
            .is_some_and(|t| t.starts_with(canonical_dir))
        {
            return Err(Diagnostic::error(
                display,
                format!(
                    "this symbolic link points outside {}/: hexaglot reads only files inside the site's folders",
                    display_dir.display()
                ),
            )
            .at("", 1, 1)
            .hint(format!(
                "copy the file into {}/ instead of linking to it",
                display_dir.display()
            )));
        }
    }
    // Following the link, if it is one: what matters is what will be read.
    let meta = std::fs::metadata(path).map_err(|e| {
        Diagnostic::error(display, format!("cannot read the file: {e}"))
            .hint("a symbolic link whose target is gone: remove it or restore the target")
    })?;
    if !meta.is_file() {
        return Err(super::read::not_regular(display, &meta.file_type()));
    }
    Ok(Stamp::of(&meta))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn side_files_are_not_sources() {
        for name in [".git", "a.md~", ".a.md.swp", "#a.md#", "4913", "x.tmp"] {
            assert!(is_side_file(name), "{name}");
        }
        for name in ["a.md", "about.fr.md", "style.css", "_index.md"] {
            assert!(!is_side_file(name), "{name}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_folder_and_fifos_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        std::fs::create_dir_all(content.join("sub")).unwrap();
        std::fs::write(content.join("a.md"), "x").unwrap();
        std::fs::write(dir.path().join("outside.md"), "x").unwrap();
        std::os::unix::fs::symlink(dir.path().join("outside.md"), content.join("out.md")).unwrap();
        std::os::unix::fs::symlink(content.join("a.md"), content.join("sub/in.md")).unwrap();
        let c = std::ffi::CString::new(content.join("pipe.md").to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        let mut out = Diagnostics::default();
        let found = walk(&content, Path::new("content"), &mut out);
        let rels: Vec<&str> = found.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(rels, ["a.md", "sub/in.md"]);
        let files: Vec<String> = out.0.iter().map(|d| d.file.display().to_string()).collect();
        assert_eq!(files, ["content/out.md", "content/pipe.md"]);
    }
}
