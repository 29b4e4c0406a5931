//! Watching the site's sources: `content/` (with `site.yaml`), `locales/`, `themes/`,
//! `templates/` and `static/`.
//!
//! notify-debouncer-full gathers the events of a short quiet period into one batch and
//! pairs the two halves of a rename, so an editor's atomic save (write a temporary file,
//! rename it over the original) arrives as one change of the original. Editors' side
//! files (swap files, backups, lock files) and reads are left out, so that neither they
//! nor the rebuild's own reading of the files start a rebuild.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use crate::error::Error;

/// How long the files must be quiet before a rebuild starts. Short, because it adds to
/// every reload; an editor's save takes a millisecond or two, and a save split across
/// two batches only means a second, quick rebuild.
const QUIET: Duration = Duration::from_millis(5);

/// The folders watched, under the site root: the site's own `templates/` and `static/`
/// too, which override the theme's files.
pub const WATCHED: [&str; 5] = ["content", "locales", "themes", "templates", "static"];

/// A running watcher; dropping it stops it.
pub struct Watcher {
    _debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
}

/// Watches the sources of the site at `root` (an absolute path) and sends each batch of
/// changed paths to `batches`. A batch holding `root` itself means "something changed,
/// look at everything" (the watcher lost track of events).
pub fn watch(root: &Path, batches: Sender<HashSet<PathBuf>>) -> Result<Watcher, Error> {
    let root_owned = root.to_path_buf();
    let handler = move |result: DebounceEventResult| {
        let mut paths = HashSet::new();
        match result {
            Ok(events) => {
                for event in events {
                    if event.need_rescan() {
                        paths.insert(root_owned.clone());
                    }
                    if is_change(&event.kind) {
                        paths.extend(
                            event
                                .paths
                                .iter()
                                .filter(|p| is_source(&root_owned, p))
                                .cloned(),
                        );
                    }
                }
            }
            Err(_) => {
                paths.insert(root_owned.clone());
            }
        }
        if !paths.is_empty() {
            let _ = batches.send(paths);
        }
    };
    let watch_error =
        |e: notify::Error| Error::io("watch", root, std::io::Error::other(e.to_string()));
    let mut debouncer = new_debouncer(QUIET, Some(QUIET / 4), handler).map_err(watch_error)?;
    for folder in WATCHED {
        let dir = root.join(folder);
        if dir.is_dir() {
            debouncer
                .watch(&dir, RecursiveMode::Recursive)
                .map_err(watch_error)?;
        }
    }
    Ok(Watcher {
        _debouncer: debouncer,
    })
}

/// Whether an event may change a file's content or existence (reads may not).
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// Whether `path` is a source of the site rather than an editor's side file.
pub fn is_source(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let mut components = rel.components().map(|c| c.as_os_str().to_string_lossy());
    if !components
        .next()
        .is_some_and(|first| WATCHED.contains(&first.as_ref()))
    {
        return false;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let side_file = name.ends_with('~')
        || name.starts_with('#')
        || name == "4913"
        || [".swp", ".swx", ".swo", ".tmp", ".crswap", ".kate-swp"]
            .iter()
            .any(|ext| name.ends_with(ext));
    !side_file
        && !rel
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_and_side_files() {
        let root = Path::new("/site");
        for source in [
            "content/about.fr.md",
            "content/site.yaml",
            "locales/ar/main.ftl",
            "themes/agora/templates/base.html",
            "content/data/tracks.yaml",
        ] {
            assert!(is_source(root, &root.join(source)), "{source}");
        }
        for other in [
            "content/.about.fr.md.swp",
            "content/about.fr.md~",
            "content/4913",
            "content/.#about.fr.md",
            "content/#about.fr.md#",
            "content/.git/index",
            "public/index.html",
            "README.md",
            "content/about.fr.md.tmp",
        ] {
            assert!(!is_source(root, &root.join(other)), "{other}");
        }
        assert!(!is_source(root, Path::new("/elsewhere/content/a.md")));
    }
}
