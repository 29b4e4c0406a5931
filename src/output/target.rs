//! Which folder a build may replace: checked before any work.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

use crate::error::{Diagnostic, Error};
use crate::sources::OUTPUT_MARKER;
use crate::sources::marker::{self, Marker};

/// The site's folders, which an output folder may not be in.
const SOURCE_FOLDERS: [&str; 5] = ["content", "locales", "themes", "templates", "static"];

/// Files of an unknown folder named in the error, at most.
const NAMED: usize = 5;

/// Refuses an output folder that the build must not replace: the site's folder or one
/// above it, a folder inside the site's sources, a file, or a folder holding anything
/// a previous build did not write. Returns the previous build's marker, if any.
pub fn check_target(root: &Path, out: &Path) -> Result<Option<Marker>, Error> {
    let root = std::fs::canonicalize(root).map_err(|e| Error::io("read", root, e))?;
    let target = resolve(out).map_err(|e| Error::io("read", out, e))?;
    let refuse = |message: String, hint: &str| {
        Err(Error::Diagnostics(vec![
            Diagnostic::error(out, message).hint(hint.to_string()),
        ]))
    };
    if root.starts_with(&target) {
        return refuse(
            format!(
                "the output folder {} holds the site itself: a build replaces its output folder whole",
                out.display()
            ),
            "choose a folder of its own, such as `public` (the default)",
        );
    }
    for folder in SOURCE_FOLDERS {
        if target.starts_with(root.join(folder)) {
            return refuse(
                format!(
                    "the output folder {} is inside the site's {folder}/ folder",
                    out.display()
                ),
                "choose a folder outside content/, locales/, themes/, templates/ and static/, such as `public`",
            );
        }
    }
    let meta = match std::fs::symlink_metadata(&target) {
        Ok(meta) => meta,
        Err(_) => return Ok(None),
    };
    if !meta.is_dir() {
        return refuse(
            format!("the output folder {} is not a folder", out.display()),
            "choose a folder of its own, such as `public`",
        );
    }
    let unknown = unknown_files(&target).map_err(|e| Error::io("read", out, e))?;
    match unknown {
        Foreign::None(marker) => Ok(marker),
        Foreign::NotABuild => refuse(
            format!(
                "the output folder {} holds files that hexaglot did not write, and a build replaces it whole",
                out.display()
            ),
            "choose an empty or new folder; if it is the output of an older hexaglot, which left no marker, delete it once",
        ),
        Foreign::Added(files) => {
            let mut names: Vec<String> = files.iter().take(NAMED).cloned().collect();
            if files.len() > NAMED {
                names.push(format!("and {} more", files.len() - NAMED));
            }
            refuse(
                format!(
                    "the output folder {} holds files added since the last build, which a build would delete: {}",
                    out.display(),
                    names.join(", ")
                ),
                "move them into content/ (or the site's static/) so that every build publishes them, or delete them",
            )
        }
    }
}

enum Foreign {
    /// Empty, or exactly what the last build (whose marker this is) wrote.
    None(Option<Marker>),
    /// No marker: not a build's output.
    NotABuild,
    /// A build's output with files that build did not write.
    Added(Vec<String>),
}

fn unknown_files(dir: &Path) -> std::io::Result<Foreign> {
    let manifest = match marker::read(dir) {
        Ok(Some(marker)) => marker,
        // A marker that cannot be read marks no build.
        Ok(None) | Err(_) => {
            return Ok(if std::fs::read_dir(dir)?.next().is_none() {
                Foreign::None(None)
            } else {
                Foreign::NotABuild
            });
        }
    };
    let written: HashSet<&str> = manifest.files.iter().map(String::as_str).collect();
    // Each top-level entry (a folder per language) walked on its own core.
    use rayon::prelude::*;
    let top = std::fs::read_dir(dir)?.collect::<Result<Vec<_>, _>>()?;
    let found: Vec<Vec<String>> = top
        .par_iter()
        .map(|entry| -> std::io::Result<Vec<String>> {
            let mut added = Vec::new();
            for entry in walkdir::WalkDir::new(entry.path()).sort_by_file_name() {
                let entry = entry.map_err(std::io::Error::other)?;
                if entry.file_type().is_dir() {
                    continue;
                }
                let rel = entry
                    .path()
                    .strip_prefix(dir)
                    .unwrap_or(entry.path())
                    .to_string_lossy()
                    .replace('\\', "/");
                if rel != OUTPUT_MARKER && !written.contains(rel.as_str()) {
                    added.push(rel);
                }
            }
            Ok(added)
        })
        .collect::<std::io::Result<_>>()?;
    let mut added: Vec<String> = found.into_iter().flatten().collect();
    // In the order of a walk of the folder, by name.
    added.sort_by(|a, b| a.split('/').cmp(b.split('/')));
    Ok(if added.is_empty() {
        Foreign::None(Some(manifest))
    } else {
        Foreign::Added(added)
    })
}

/// The absolute form of `path`, with `.` and `..` applied and the symbolic links of its
/// existing part resolved.
fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    let mut absolute = PathBuf::new();
    for component in std::path::absolute(path)?.components() {
        match component {
            Component::ParentDir => {
                absolute.pop();
            }
            Component::CurDir => {}
            other => absolute.push(other),
        }
    }
    let mut existing = absolute.clone();
    let mut rest = Vec::new();
    while std::fs::symlink_metadata(&existing).is_err() {
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_os_string());
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut resolved = std::fs::canonicalize(&existing).unwrap_or(existing);
    resolved.extend(rest.into_iter().rev());
    Ok(resolved)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        std::fs::write(dir.path().join("content/site.yaml"), "x").unwrap();
        dir
    }

    fn refused(root: &Path, out: &Path) -> String {
        match check_target(root, out) {
            Err(Error::Diagnostics(d)) => d[0].message.clone(),
            other => panic!("{out:?} was not refused: {other:?}"),
        }
    }

    #[test]
    fn folders_of_the_site_and_above_are_refused() {
        let s = site();
        let root = s.path();
        assert!(refused(root, Path::new("/")).contains("holds the site itself"));
        assert!(refused(root, root).contains("holds the site itself"));
        assert!(refused(root, &root.join("content")).contains("inside the site's content/"));
        assert!(refused(root, &root.join("themes/x/out")).contains("themes/"));
        assert!(refused(root, &root.join("public/../content/p")).contains("content/"));
        check_target(root, &root.join("public")).unwrap();
    }

    #[test]
    fn a_folder_with_foreign_files_is_refused_and_a_build_is_not() {
        let s = site();
        let out = s.path().join("public");
        std::fs::create_dir_all(&out).unwrap();
        check_target(s.path(), &out).unwrap();
        std::fs::write(out.join("notes.txt"), "mine").unwrap();
        assert!(refused(s.path(), &out).contains("did not write"));
        let marker = Marker::new(vec!["notes.txt".into()], Default::default());
        std::fs::write(out.join(OUTPUT_MARKER), marker.to_json()).unwrap();
        check_target(s.path(), &out).unwrap();
        std::fs::write(out.join("CNAME"), "example.org").unwrap();
        assert!(refused(s.path(), &out).contains("CNAME"));
        // Added files in folders too, named in the order of a walk by name.
        std::fs::create_dir_all(out.join("en/b")).unwrap();
        std::fs::write(out.join("en/b/x.html"), "x").unwrap();
        std::fs::write(out.join("en/a-b.txt"), "x").unwrap();
        assert!(
            refused(s.path(), &out).ends_with("delete: CNAME, en/a-b.txt, en/b/x.html"),
            "{}",
            refused(s.path(), &out)
        );
    }
}
