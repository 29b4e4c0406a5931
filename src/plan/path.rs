//! Output paths: the only type the writer accepts, and the one conversion between a
//! URL path (`/wsis/fr/a-propos/`) and a file under the output folder
//! (`fr/a-propos/index.html`).
//!
//! An [`OutPath`] is relative, made of `/`-separated segments none of which is empty,
//! `.` or `..`, or holds a backslash, NUL or another control character. So whatever a
//! record id, slug, alias or tag spells, a path that would leave the output folder
//! cannot be made: the second wall behind the checks of ids and slugs at parse time.

use std::fmt;

/// Why a path is not an output path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathError {
    /// Nothing at all.
    Empty,
    /// It does not start with the site's base path (or starts with `/` where it must not).
    OutsideSite,
    /// A segment is empty (`a//b`).
    EmptySegment,
    /// A segment is `.` or `..`.
    DotSegment,
    /// A backslash, NUL or another control character.
    BadCharacter,
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PathError::Empty => "is empty",
            PathError::OutsideSite => "is not a path inside the site",
            PathError::EmptySegment => "has an empty segment (`//`)",
            PathError::DotSegment => "has a `.` or `..` segment",
            PathError::BadCharacter => "holds a backslash or a control character",
        })
    }
}

/// A file's path under the output folder, checked (see the module's documentation).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OutPath(String);

impl OutPath {
    /// Checks a relative path with `/` separators (`fr/atom.xml`).
    pub fn new(path: &str) -> Result<OutPath, PathError> {
        if path.is_empty() {
            return Err(PathError::Empty);
        }
        if path.starts_with('/') {
            return Err(PathError::OutsideSite);
        }
        for segment in path.split('/') {
            check_segment(segment)?;
        }
        Ok(OutPath(path.to_string()))
    }

    /// The file that serves the URL path `url` (with the base path): a folder's
    /// `index.html` for a path ending with `/`.
    pub fn of_url(base_path: &str, url: &str) -> Result<OutPath, PathError> {
        let rel = url.strip_prefix(base_path).ok_or(PathError::OutsideSite)?;
        if rel.is_empty() {
            return Ok(OutPath("index.html".to_string()));
        }
        match rel.strip_suffix('/') {
            Some(dir) => OutPath::new(&format!("{dir}/index.html")),
            None => OutPath::new(rel),
        }
    }

    /// The URL path (with the base path) this file is served at: `fr/about/index.html`
    /// → `/wsis/fr/about/`.
    pub fn url(&self, base_path: &str) -> String {
        match self.0.strip_suffix("index.html") {
            Some(dir) if dir.is_empty() || dir.ends_with('/') => format!("{base_path}{dir}"),
            _ => format!("{base_path}{}", self.0),
        }
    }

    /// The path as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The folders that hold the file (`fr/about/index.html` → `fr`, `fr/about`).
    pub fn parent(&self) -> Option<&str> {
        self.0.rfind('/').map(|i| &self.0[..i])
    }
}

impl fmt::Display for OutPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for OutPath {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// Checks one segment of a path (a slug, an id, a file name).
pub fn check_segment(segment: &str) -> Result<(), PathError> {
    use crate::url::SegmentError;
    crate::url::check_segment(segment).map_err(|e| match e {
        SegmentError::Empty => PathError::EmptySegment,
        SegmentError::Dot => PathError::DotSegment,
        SegmentError::Separator | SegmentError::Control => PathError::BadCharacter,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_files_convert_both_ways() {
        let p = OutPath::of_url("/wsis/", "/wsis/fr/a-propos/").unwrap();
        assert_eq!(p.as_str(), "fr/a-propos/index.html");
        assert_eq!(p.url("/wsis/"), "/wsis/fr/a-propos/");
        let root = OutPath::of_url("/", "/").unwrap();
        assert_eq!(root.as_str(), "index.html");
        assert_eq!(root.url("/"), "/");
        let feed = OutPath::of_url("/", "/fr/atom.xml").unwrap();
        assert_eq!(feed.url("/"), "/fr/atom.xml");
        assert_eq!(
            OutPath::new("fr/404.html").unwrap().url("/"),
            "/fr/404.html"
        );
    }

    #[test]
    fn paths_that_leave_the_folder_cannot_be_made() {
        assert_eq!(OutPath::new(""), Err(PathError::Empty));
        assert_eq!(OutPath::new("/etc/x"), Err(PathError::OutsideSite));
        assert_eq!(OutPath::new("fr/../../x"), Err(PathError::DotSegment));
        assert_eq!(OutPath::new("fr//x"), Err(PathError::EmptySegment));
        assert_eq!(OutPath::new("fr/a\\b"), Err(PathError::BadCharacter));
        assert_eq!(OutPath::new("fr/a\0b"), Err(PathError::BadCharacter));
        assert_eq!(
            OutPath::of_url("/wsis/", "/other/x/"),
            Err(PathError::OutsideSite)
        );
        assert_eq!(
            OutPath::of_url("/", "/fr/sessions/../index.html"),
            Err(PathError::DotSegment)
        );
        assert_eq!(
            OutPath::of_url("/", "/fr/sessions//"),
            Err(PathError::EmptySegment)
        );
    }
}
