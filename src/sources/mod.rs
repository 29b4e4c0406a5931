//! One snapshot of a site's sources: the first stage, and with the writer the only one
//! that touches the disk.
//!
//! [`Sources::load`] walks the site's folders once with one policy ([`walk`]) and reads
//! every text source once with one function ([`read`]): the configuration, the content
//! (pages and data; other files are referenced, and copied by the writer), the Fluent
//! files, the templates and the static files. Every later stage — parsing, assembling,
//! Fluent, Tera, planning, rendering, `check` and `status` — reads from the snapshot, so
//! the same rules hold for `content/`, `locales/` and the theme alike.
//!
//! **Layers.** Templates and static files come from the site's own `templates/` and
//! `static/` folders first, then from the theme (`themes/<theme>/templates/`,
//! `themes/<theme>/static/`): a file of the site replaces the theme's file of the same
//! name, as in Zola and Hugo.
//!
//! Fluent files are layered the same way, message by message: `locales/<lang>/*.ftl`
//! first, then the theme's `themes/<theme>/locales/<lang>/*.ftl`; a message the site
//! defines wins over the theme's (see [`File::from_theme`]).
//!
//! **Pages held in part.** A build renders each page once and need not hold the text of
//! the whole site: its snapshot keeps of each page only the front matter and a digest of
//! the whole ([`Pages::Heads`]), and the body is read again, by the same function, when
//! the page is rendered ([`read_again`]); a page whose text is then not the one read
//! first fails the build, which publishes nothing. The snapshot stays one snapshot.
//!
//! **Versions.** Each file carries a version number that changes whenever its content
//! may have changed. Loading with the previous snapshot reads again only the files
//! whose size or modification time changed or that the watcher reported; the others
//! keep their text and version, which the preview server's caches are keyed by.

mod cache;
pub mod git;
pub mod marker;
pub mod read;
pub mod theme;
pub mod walk;

use std::collections::{BTreeMap, HashSet};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::error::{Diagnostic, Diagnostics, Error};
pub use cache::{CACHE_FOLDER, CacheDir};
pub use marker::OUTPUT_MARKER;
pub use walk::{Found, Stamp, is_side_file};

/// What the snapshot holds of a file.
#[derive(Debug, Clone)]
pub enum Body {
    /// Its text (pages, data, Fluent files, templates, the configuration).
    Text(Arc<str>),
    /// The head of a page's text, its front matter, with the digest of the whole: a
    /// build's snapshot ([`Pages::Heads`]), which reads the body again when it renders
    /// the page ([`read_again`]).
    Head {
        /// The text up to the end of the front matter.
        head: Arc<str>,
        /// XXH3 of the whole text.
        digest: u64,
    },
    /// Its bytes (stylesheets and scripts, whose names carry a hash of them).
    Bytes(Arc<[u8]>),
    /// Nothing: it is copied as it is by the writer (images, fonts, documents).
    File,
}

/// One file of the site.
#[derive(Debug, Clone)]
pub struct File {
    /// Where it is and what it is called.
    pub found: Found,
    /// Its content, when the snapshot reads it.
    pub body: Body,
    /// Changes whenever the content may have changed.
    pub version: u64,
}

impl File {
    /// The text of a text source (empty for other files; the head of a page whose
    /// body was left on disk).
    pub fn text(&self) -> &str {
        match &self.body {
            Body::Text(t) | Body::Head { head: t, .. } => t,
            _ => "",
        }
    }

    /// The shared text of a text source (see [`File::text`]).
    pub fn shared_text(&self) -> Arc<str> {
        match &self.body {
            Body::Text(t) | Body::Head { head: t, .. } => t.clone(),
            _ => Arc::from(""),
        }
    }

    /// The digest of the whole text, when the snapshot holds only its head.
    pub fn head_digest(&self) -> Option<u64> {
        match self.body {
            Body::Head { digest, .. } => Some(digest),
            _ => None,
        }
    }

    /// Path relative to the site root, for messages.
    pub fn display(&self) -> &Path {
        &self.found.display
    }

    /// Whether the file is the theme's (under `themes/`): its Fluent messages yield to
    /// the site's own.
    pub fn from_theme(&self) -> bool {
        self.found.display.starts_with("themes")
    }
}

/// How a file is taken into the snapshot.
#[derive(Clone, Copy)]
enum Take {
    Text,
    /// The head of the text, as long as the function says.
    Head(fn(&str) -> usize),
    Bytes,
    Reference,
}

/// How much of each page's text (`content/**/*.md`) the snapshot holds.
#[derive(Clone, Copy)]
pub enum Pages {
    /// All of it: `check`, `status` and the preview server, which keep the site.
    Whole,
    /// The head alone, as long as the function says (the front matter), and a digest
    /// of the whole: a build, which renders each page once and reads its body again
    /// then ([`read_again`]), so that it never holds the text of the whole site.
    Heads(fn(&str) -> usize),
}

/// Every source of a site, read once.
#[derive(Debug, Default, Clone)]
pub struct Sources {
    /// The site's folder, canonical.
    pub root: PathBuf,
    /// `content/site.yaml`.
    pub config: Option<File>,
    /// Files under `content/` except `site.yaml`, in path order.
    pub content: Vec<File>,
    /// `locales/<lang>/**/*.ftl`: language code → files in name order.
    pub locales: BTreeMap<String, Vec<File>>,
    /// Template name (`page.html`, `partials/nav.html`) → the file that provides it.
    pub templates: BTreeMap<String, File>,
    /// Static file name (`style.css`) → the file that provides it.
    pub statics: BTreeMap<String, File>,
    /// Files of `content/data/` that could not be read, with why: the data stage knows
    /// them, so that references to their records are not reported as well.
    pub unread: Vec<(Found, Diagnostic)>,
    /// When the event data last changed (see [`Sources::data_changed`]).
    data_changed: Option<std::time::SystemTime>,
    /// Whether the files of `content/` come from a walk that reported nothing.
    content_walk_clean: bool,
    next_version: u64,
}

/// Where a site's configuration lives, relative to its folder.
pub const CONFIG_FILE: &str = "content/site.yaml";

/// The extensions of the files in a templates folder that are templates.
const TEMPLATE_EXTENSIONS: [&str; 6] = ["html", "xml", "txt", "js", "json", "ics"];
/// Static files read into the snapshot (their names carry a hash of their bytes).
const READ_STATICS: [&str; 2] = ["css", "js"];

impl Sources {
    /// Reads `content/site.yaml` of the site in `root`, reusing `previous`'s text when
    /// the file did not change. Fails when the folder holds no site.
    pub fn load_config(
        root: &Path,
        previous: Option<&Sources>,
        changed: &HashSet<PathBuf>,
    ) -> Result<Sources, Error> {
        let root = std::fs::canonicalize(root).map_err(|e| Error::io("read", root, e))?;
        let mut sources = Sources {
            next_version: previous.map_or(0, |p| p.next_version),
            root,
            ..Sources::default()
        };
        let path = sources.root.join(CONFIG_FILE);
        if std::fs::symlink_metadata(&path).is_err() {
            return Err(Error::NoSite(sources.root.clone()));
        }
        let display = Path::new(CONFIG_FILE);
        let found = walk::file(&path, &sources.root.join("content"), display)
            .map_err(|d| Error::Diagnostics(vec![d]))?;
        let old = Previous::of(previous, changed);
        let file = sources
            .take(found, Take::Text, &old, None)
            .map_err(|failed| Error::Diagnostics(vec![failed.1]))?;
        sources.config = Some(file);
        Ok(sources)
    }

    /// The text of `content/site.yaml`.
    pub fn config_text(&self) -> &str {
        self.config.as_ref().map_or("", File::text)
    }

    /// Walks and reads everything else: `content/`, `locales/`, the site's
    /// `templates/` and `static/` and those of `themes/<theme>/`. Problems (a FIFO, a
    /// link out of the site, invalid UTF-8) go to `out`; the files that have them are
    /// left out.
    pub fn load_rest(
        &mut self,
        theme: Option<&str>,
        pages: Pages,
        previous: Option<&Sources>,
        changed: &HashSet<PathBuf>,
        out: &mut Diagnostics,
    ) {
        let old = Previous::of(previous, changed);
        let found: Vec<(Found, Take)> = self
            .content_files(previous, changed, out)
            .into_iter()
            .filter(|f| f.display != Path::new(CONFIG_FILE))
            .map(|f| {
                let how = match pages {
                    Pages::Heads(head) if f.rel.ends_with(".md") => Take::Head(head),
                    _ if is_text_content(&f.rel) => Take::Text,
                    _ => Take::Reference,
                };
                (f, how)
            })
            .collect();
        // The content is most of a site's bytes: its files are read on every core, then
        // taken in walk order, so versions and diagnostics do not depend on threads.
        let bodies: Vec<Option<Result<Body, Diagnostic>>> = found
            .par_iter()
            .map(|(f, how)| old.unchanged(f).is_none().then(|| read_body(f, *how)))
            .collect();
        for ((found, how), body) in found.into_iter().zip(bodies) {
            if let Some(file) = self.take_or_report(found, how, &old, body, out) {
                self.content.push(file);
            }
        }
        // Walks list a folder's files before its siblings named like `a.md`: sorted by
        // path, files are found by binary search.
        self.content.sort_by(|a, b| a.found.rel.cmp(&b.found.rel));
        if self
            .content
            .iter()
            .any(|f| f.found.rel.starts_with("data/"))
        {
            // Asking git takes milliseconds: a snapshot whose data and configuration
            // are the previous one's, file for file, keeps its answer.
            self.data_changed = match previous {
                Some(p) if self.same_data(p) => p.data_changed,
                _ => self.last_change_of_data(),
            };
        }
        let mut layers = vec![PathBuf::new()];
        if let Some(theme) = theme {
            layers.push(Path::new("themes").join(theme));
        }
        // The site's Fluent files of a language come before the theme's.
        for layer in &layers {
            for found in self.walk_folder(&layer.join("locales"), out) {
                let Some((lang, _)) = found.rel.split_once('/') else {
                    continue;
                };
                if !found.rel.ends_with(".ftl") {
                    continue;
                }
                let lang = lang.to_string();
                if let Some(file) = self.take_or_report(found, Take::Text, &old, None, out) {
                    self.locales.entry(lang).or_default().push(file);
                }
            }
        }
        for layer in layers {
            for found in self.walk_folder(&layer.join("templates"), out) {
                let is_template =
                    extension(&found.rel).is_some_and(|e| TEMPLATE_EXTENSIONS.contains(&e));
                if !is_template || self.templates.contains_key(&found.rel) {
                    continue;
                }
                let name = found.rel.clone();
                if let Some(file) = self.take_or_report(found, Take::Text, &old, None, out) {
                    self.templates.insert(name, file);
                }
            }
            for found in self.walk_folder(&layer.join("static"), out) {
                if self.statics.contains_key(&found.rel) {
                    continue;
                }
                let name = found.rel.clone();
                let how = if extension(&name).is_some_and(|e| READ_STATICS.contains(&e)) {
                    Take::Bytes
                } else {
                    Take::Reference
                };
                if let Some(file) = self.take_or_report(found, how, &old, None, out) {
                    self.statics.insert(name, file);
                }
            }
        }
    }

    /// When the event data (`content/data/` and `content/site.yaml`) last changed: the
    /// time of the last commit that touched them when git has them unmodified, so that
    /// every clone agrees, else their newest modification time (the data folder's own
    /// counts, as it changes when a file is removed). `None` for a site without data.
    pub fn data_changed(&self) -> Option<std::time::SystemTime> {
        self.data_changed
    }

    /// Whether `previous` has the same configuration and data files, at the same
    /// versions.
    fn same_data(&self, previous: &Sources) -> bool {
        fn data(s: &Sources) -> Vec<(&Path, u64)> {
            s.config
                .iter()
                .chain(
                    s.content
                        .iter()
                        .filter(|f| f.found.rel.starts_with("data/")),
                )
                .map(|f| (f.found.path.as_path(), f.version))
                .collect()
        }
        data(self) == data(previous)
    }

    fn last_change_of_data(&self) -> Option<std::time::SystemTime> {
        const INPUTS: [&str; 2] = ["content/data", "content/site.yaml"];
        if let Some(seconds) = git::last_commit_if_clean(&self.root, &INPUTS) {
            return Some(std::time::UNIX_EPOCH + std::time::Duration::from_secs(seconds));
        }
        let folder = std::fs::metadata(self.root.join(INPUTS[0]))
            .ok()
            .and_then(|m| m.modified().ok());
        self.content
            .iter()
            .filter(|f| f.found.rel.starts_with("data/"))
            .chain(&self.config)
            .filter_map(|f| f.found.stamp.modified())
            .chain(folder)
            .max()
    }

    /// The data file `content/data/<name>.yaml` (or `.yml`), if the site has it.
    pub fn data_file(&self, name: &str) -> Option<&File> {
        self.content_file(&format!("data/{name}.yaml"))
            .or_else(|| self.content_file(&format!("data/{name}.yml")))
    }

    /// The file of `content/` at `rel` (`about.fr.md`).
    pub fn content_file(&self, rel: &str) -> Option<&File> {
        self.content
            .binary_search_by(|f| f.found.rel.as_str().cmp(rel))
            .ok()
            .map(|i| &self.content[i])
    }

    /// Every text source with its display path: for messages that quote a line.
    pub fn texts(&self) -> impl Iterator<Item = &File> {
        self.config
            .iter()
            .chain(&self.content)
            .chain(self.locales.values().flatten())
            .chain(self.templates.values())
            .filter(|f| matches!(f.body, Body::Text(_)))
    }

    /// The text of the file at `display` (relative to the site root), if it is a text
    /// source of the snapshot.
    pub fn text_of(&self, display: &Path) -> Option<&str> {
        self.texts()
            .find(|f| f.found.display == display)
            .map(File::text)
    }

    /// The files of `content/`, walked; or, when every change is to a file that the
    /// previous snapshot took from a walk that found nothing wrong, and that file is
    /// still one the walker admits, the previous list with those files' new stamps (a
    /// preview server's edit: no walk over thousands of unchanged files). A new,
    /// removed or renamed file, a folder, or the site's root (sent by a watcher that
    /// lost track) is walked for.
    fn content_files(
        &mut self,
        previous: Option<&Sources>,
        changed: &HashSet<PathBuf>,
        out: &mut Diagnostics,
    ) -> Vec<Found> {
        let known = previous
            .filter(|p| p.content_walk_clean)
            .and_then(|p| known_content(p, &self.root, changed));
        if let Some(found) = known {
            self.content_walk_clean = true;
            return found;
        }
        let problems = out.0.len();
        let found = self.walk_folder(Path::new("content"), out);
        self.content_walk_clean = out.0.len() == problems;
        found
    }

    /// Walks `folder` (relative to the root) if it exists and stays inside the site.
    fn walk_folder(&self, folder: &Path, out: &mut Diagnostics) -> Vec<Found> {
        let dir = self.root.join(folder);
        if std::fs::symlink_metadata(&dir).is_err() {
            return Vec::new();
        }
        match std::fs::canonicalize(&dir) {
            Ok(real) if real.starts_with(&self.root) => walk::walk(&dir, folder, out),
            _ => {
                out.push(
                    Diagnostic::error(
                        folder,
                        format!("{} leads outside the site's folder", folder.display()),
                    )
                    .hint("keep the site's sources inside its folder: copy the folder instead of linking to it"),
                );
                Vec::new()
            }
        }
    }

    /// Takes a file, or reports why it cannot be read. A template that is not UTF-8 is
    /// kept with U+FFFD in place of the bad bytes (the diagnostic fails the build all
    /// the same), so that the templates extending it do not report it missing; a data
    /// file that cannot be read is remembered in [`Sources::unread`].
    fn take_or_report(
        &mut self,
        found: Found,
        how: Take,
        old: &Previous<'_>,
        read: Option<Result<Body, Diagnostic>>,
        out: &mut Diagnostics,
    ) -> Option<File> {
        match self.take(found, how, old, read) {
            Ok(file) => Some(file),
            Err(failed) => {
                let (found, d) = *failed;
                out.push(d.clone());
                if found.display.starts_with("content/data") {
                    self.unread.push((found, d));
                    return None;
                }
                let is_template = found
                    .display
                    .components()
                    .any(|c| c.as_os_str() == "templates");
                let lossy = read::read_bytes(&found.path, &found.display)
                    .ok()
                    .filter(|_| matches!(how, Take::Text) && is_template)?;
                self.next_version += 1;
                Some(File {
                    found,
                    body: Body::Text(Arc::from(String::from_utf8_lossy(&lossy).as_ref())),
                    version: self.next_version,
                })
            }
        }
    }

    /// Takes one file into the snapshot: its previous content when it did not change,
    /// else what `read` holds (read ahead of time) or is read now (or referenced) again,
    /// under a new version. A file that cannot be read comes back with the reason.
    fn take(
        &mut self,
        found: Found,
        how: Take,
        old: &Previous<'_>,
        read: Option<Result<Body, Diagnostic>>,
    ) -> Result<File, Box<(Found, Diagnostic)>> {
        if let Some(file) = old.unchanged(&found) {
            return Ok(File {
                found,
                body: file.body.clone(),
                version: file.version,
            });
        }
        let body = match read.unwrap_or_else(|| read_body(&found, how)) {
            Ok(body) => body,
            Err(d) => return Err(Box::new((found, d))),
        };
        self.next_version += 1;
        Ok(File {
            found,
            body,
            version: self.next_version,
        })
    }
}

/// The body of `found`, read from the disk as `how` says.
fn read_body(found: &Found, how: Take) -> Result<Body, Diagnostic> {
    Ok(match how {
        Take::Text => Body::Text(Arc::from(read::read_text(&found.path, &found.display)?)),
        Take::Head(length) => {
            let text = read::read_text(&found.path, &found.display)?;
            let end = length(&text).min(text.len());
            Body::Head {
                head: Arc::from(&text[..end]),
                digest: digest(&text),
            }
        }
        Take::Bytes => Body::Bytes(Arc::from(read::read_bytes(&found.path, &found.display)?)),
        Take::Reference => Body::File,
    })
}

/// The files of `content/` in `previous` with the new stamps of the `changed` ones, when
/// every changed path under `content/` is a file `previous` holds and is still a file
/// the walker admits; `None` when a walk must tell.
fn known_content(
    previous: &Sources,
    root: &Path,
    changed: &HashSet<PathBuf>,
) -> Option<Vec<Found>> {
    let dir = root.join("content");
    let config = root.join(CONFIG_FILE);
    let mut found: Vec<Found> = previous.content.iter().map(|f| f.found.clone()).collect();
    let index: FxHashMap<&OsStr, usize> = previous
        .content
        .iter()
        .enumerate()
        .map(|(i, f)| (f.found.path.as_os_str(), i))
        .collect();
    for path in changed {
        // The root, sent by a watcher that lost track, or a path outside the site.
        if *path == root || !path.starts_with(root) {
            return None;
        }
        // Read by its own walk, or by `load_config`.
        if !path.starts_with(&dir) || *path == config {
            continue;
        }
        let &i = index.get(path.as_os_str())?;
        let now = walk::file(path, &dir, &found[i].display).ok()?;
        found[i].stamp = now.stamp;
    }
    Some(found)
}

/// The files of the previous snapshot, by path, for reuse, and the paths the watcher
/// reported. Keyed by the paths' bytes with FxHash: a site's thousands of files are
/// looked up on every rebuild, where `Path`'s hashing (by component, with SipHash) cost
/// more than the rest of the snapshot.
struct Previous<'a> {
    files: FxHashMap<&'a OsStr, &'a File>,
    changed: FxHashSet<&'a OsStr>,
}

impl<'a> Previous<'a> {
    fn of(previous: Option<&'a Sources>, changed: &'a HashSet<PathBuf>) -> Previous<'a> {
        let files = previous
            .map(|p| {
                p.config
                    .iter()
                    .chain(&p.content)
                    .chain(p.locales.values().flatten())
                    .chain(p.templates.values())
                    .chain(p.statics.values())
                    .map(|f| (f.found.path.as_os_str(), f))
                    .collect()
            })
            .unwrap_or_default();
        let changed = changed.iter().map(|p| p.as_os_str()).collect();
        Previous { files, changed }
    }

    /// The previous file at `found`'s path, when it has the same stamp and the watcher
    /// did not report it.
    fn unchanged(&self, found: &Found) -> Option<&'a File> {
        let path = found.path.as_os_str();
        self.files
            .get(path)
            .copied()
            .filter(|f| f.found.stamp == found.stamp && !self.changed.contains(path))
    }
}

/// Whether a file of `content/` is read as text: pages and data.
fn is_text_content(rel: &str) -> bool {
    rel.ends_with(".md")
        || (rel.starts_with("data/") && (rel.ends_with(".yaml") || rel.ends_with(".yml")))
}

fn extension(name: &str) -> Option<&str> {
    let file = name.rsplit('/').next()?;
    let dot = file.rfind('.').filter(|&i| i > 0)?;
    Some(&file[dot + 1..])
}

/// The digest that tells a text read again from one read before.
fn digest(text: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(text.as_bytes())
}

/// The whole text of the page at `path` (`display` in messages), whose snapshot holds
/// only the head, read again by the one reading function; an error when it is not the
/// text the snapshot read (its XXH3 is not `digest`): the page changed during the
/// build, which then fails and publishes nothing.
pub fn read_again(path: &Path, display: &Path, digest: u64) -> Result<String, Diagnostic> {
    let text = read::read_text(path, display)?;
    if self::digest(&text) != digest {
        return Err(Diagnostic::error(
            display,
            "the file changed while the site was being built",
        )
        .hint("build again once the file is saved: a build reads each page's text when it renders the page, and this one is no longer the text it read first"));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The front matter of `text`, as the content stage measures it.
    fn front(text: &str) -> usize {
        text.find("\n---\n").map_or(text.len(), |i| i + 5)
    }

    #[test]
    fn a_head_is_read_again_whole_and_a_changed_text_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("page.md");
        let display = Path::new("content/page.md");
        std::fs::write(&path, "---\ntitle: A\n---\nThe body.\n").unwrap();
        let found = walk::file(&path, dir.path(), display).unwrap();
        let Body::Head { head, digest } = read_body(&found, Take::Head(front)).unwrap() else {
            panic!("a page read as a head is held as one");
        };
        assert_eq!(&*head, "---\ntitle: A\n---\n");
        assert_eq!(
            read_again(&path, display, digest).unwrap(),
            "---\ntitle: A\n---\nThe body.\n"
        );
        std::fs::write(&path, "---\ntitle: A\n---\nThe body, edited.\n").unwrap();
        let refused = read_again(&path, display, digest).unwrap_err();
        assert!(refused.is_error());
        assert_eq!(refused.file, display);
        assert!(refused.message.contains("changed"), "{}", refused.message);
    }

    /// A site with two pages, and its first snapshot.
    fn two_pages() -> (tempfile::TempDir, Sources) {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        std::fs::create_dir_all(&content).unwrap();
        std::fs::write(content.join("site.yaml"), "title: T\n").unwrap();
        std::fs::write(content.join("a.md"), "---\ntitle: A\n---\nA.\n").unwrap();
        std::fs::write(content.join("b.md"), "---\ntitle: B\n---\nB.\n").unwrap();
        let sources = again(dir.path(), None, &[]);
        (dir, sources)
    }

    /// The snapshot after `changed`, from `previous`.
    fn again(root: &Path, previous: Option<&Sources>, changed: &[PathBuf]) -> Sources {
        again_reporting(root, previous, changed).0
    }

    /// [`again`], with the problems the snapshot reported.
    fn again_reporting(
        root: &Path,
        previous: Option<&Sources>,
        changed: &[PathBuf],
    ) -> (Sources, Diagnostics) {
        let changed: HashSet<PathBuf> = changed.iter().cloned().collect();
        let mut out = Diagnostics::default();
        let mut sources = Sources::load_config(root, previous, &changed).unwrap();
        sources.load_rest(None, Pages::Whole, previous, &changed, &mut out);
        (sources, out)
    }

    fn rels(sources: &Sources) -> Vec<&str> {
        sources
            .content
            .iter()
            .map(|f| f.found.rel.as_str())
            .collect()
    }

    fn text_of<'s>(sources: &'s Sources, rel: &str) -> &'s str {
        match &sources.content_file(rel).unwrap().body {
            Body::Text(text) => text,
            _ => panic!("{rel} is held as text"),
        }
    }

    #[test]
    fn an_edit_to_a_known_file_is_read_without_a_walk_and_anything_else_is_walked_for() {
        let (dir, first) = two_pages();
        let root = first.root.clone();
        let a = root.join("content/a.md");
        std::fs::write(&a, "---\ntitle: A\n---\nA, edited.\n").unwrap();
        // A file the watcher did not report is not seen while only known files change.
        std::fs::write(root.join("content/c.md"), "---\ntitle: C\n---\n").unwrap();
        let edited = again(dir.path(), Some(&first), std::slice::from_ref(&a));
        assert_eq!(text_of(&edited, "a.md"), "---\ntitle: A\n---\nA, edited.\n");
        assert_eq!(rels(&edited), ["a.md", "b.md"]);
        let b = |s: &Sources| s.content_file("b.md").unwrap().version;
        assert_eq!(b(&edited), b(&first), "an unchanged file keeps its version");
        // A new file, or the root a watcher sends when it lost track: walked.
        for changed in [root.join("content/c.md"), root.clone()] {
            let walked = again(dir.path(), Some(&edited), &[changed]);
            assert_eq!(rels(&walked), ["a.md", "b.md", "c.md"]);
        }
        // A removed file: walked, and gone.
        std::fs::remove_file(root.join("content/b.md")).unwrap();
        let removed = again(dir.path(), Some(&edited), &[root.join("content/b.md")]);
        assert_eq!(rels(&removed), ["a.md", "c.md"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_walk_that_found_a_problem_is_made_again_until_it_finds_none() {
        let (dir, first) = two_pages();
        let root = first.root.clone();
        let fifo = root.join("content/pipe.md");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return;
        }
        let (broken, out) = again_reporting(&root, Some(&first), &[fifo]);
        assert!(out.has_errors(), "the FIFO is reported");
        // An edit to a known file after that walks again, and reports the FIFO again.
        let a = root.join("content/a.md");
        std::fs::write(&a, "---\ntitle: A\n---\nA, edited.\n").unwrap();
        let (_, out) = again_reporting(&root, Some(&broken), &[a]);
        assert!(out.has_errors(), "the FIFO is reported again");
        drop(dir);
    }
}
