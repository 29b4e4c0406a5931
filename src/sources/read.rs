//! The one function that reads a source file, and the rules it enforces.
//!
//! Every byte hexaglot reads from a site goes through [`read_bytes`]: the walker
//! ([`super::walk`]) decides *which* files are sources, this decides *how* one is read.
//! The file is opened without blocking and checked, on the open descriptor, to be a
//! regular file, so that a FIFO, socket or device that takes the place of a page
//! between the walk and the read cannot hang the build: it is refused with a message.

use std::io::Read;
use std::path::Path;

use crate::error::Diagnostic;

/// Reads the whole of the regular file at `path`; `display` names it in messages
/// (relative to the site root).
pub fn read_bytes(path: &Path, display: &Path) -> Result<Vec<u8>, Diagnostic> {
    let mut file = open(path).map_err(|e| cannot_read(display, &e))?;
    let meta = file.metadata().map_err(|e| cannot_read(display, &e))?;
    if !meta.is_file() {
        return Err(not_regular(display, &meta.file_type()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.read_to_end(&mut bytes)
        .map_err(|e| cannot_read(display, &e))?;
    Ok(bytes)
}

/// Copies the regular file at `path` to `target` (a file the writer creates), under
/// the same rules as [`read_bytes`].
pub fn copy(path: &Path, display: &Path, target: &Path) -> Result<u64, Diagnostic> {
    let mut file = open(path).map_err(|e| cannot_read(display, &e))?;
    let meta = file.metadata().map_err(|e| cannot_read(display, &e))?;
    if !meta.is_file() {
        return Err(not_regular(display, &meta.file_type()));
    }
    let mut out = std::fs::File::create(target).map_err(|e| {
        Diagnostic::error(display, format!("cannot write {}: {e}", target.display()))
    })?;
    std::io::copy(&mut file, &mut out).map_err(|e| cannot_read(display, &e))
}

/// Reads a text source: like [`read_bytes`], and the bytes must be UTF-8 (a byte-order
/// mark is dropped). Invalid UTF-8 is reported at its line and column.
pub fn read_text(path: &Path, display: &Path) -> Result<String, Diagnostic> {
    let bytes = read_bytes(path, display)?;
    text_of(bytes, display)
}

/// Like [`read_text`], for a file that may not exist yet: `None` when nothing is at
/// `path` (the importer's data files).
pub fn read_text_if_exists(path: &Path, display: &Path) -> Result<Option<String>, Diagnostic> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        _ => read_text(path, display).map(Some),
    }
}

/// The UTF-8 text of `bytes`, or a diagnostic at the first invalid byte.
pub fn text_of(bytes: Vec<u8>, display: &Path) -> Result<String, Diagnostic> {
    // The SIMD check first: most sources are valid, and std's check is several times
    // slower on text that is not ASCII.
    let checked = if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: `bytes` was just checked to be UTF-8.
        Ok(unsafe { String::from_utf8_unchecked(bytes) })
    } else {
        String::from_utf8(bytes)
    };
    match checked {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..3);
            }
            Ok(text)
        }
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let valid = String::from_utf8_lossy(&bytes[..offset]);
            // The snippet shows the whole line, with the bad bytes as U+FFFD.
            let line_end = bytes[offset..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |i| offset + i);
            let shown = String::from_utf8_lossy(&bytes[..line_end]);
            let (line, column) = crate::error::line_column(&valid, offset);
            Err(Diagnostic::error(display, "the file is not valid UTF-8")
                .at(&shown, line, column)
                .hint("save the file as UTF-8 (in most editors: \"Save with encoding\" → UTF-8)"))
        }
    }
}

#[cfg(unix)]
fn open(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    // Without O_NONBLOCK, opening a FIFO waits for a writer forever.
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open(path: &Path) -> std::io::Result<std::fs::File> {
    if !std::fs::metadata(path)?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    std::fs::File::open(path)
}

fn cannot_read(display: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(display, format!("cannot read the file: {e}"))
        .hint("check that the file exists and that you may read it")
}

/// The diagnostic for a source that is not a regular file.
pub fn not_regular(display: &Path, kind: &std::fs::FileType) -> Diagnostic {
    Diagnostic::error(
        display,
        format!(
            "this is {}, not a regular file: hexaglot reads only regular files",
            kind_name(kind)
        ),
    )
    .hint("remove it from the site's folders, or replace it with the file it stands for")
}

fn kind_name(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_reported_at_its_line_and_column() {
        let d = text_of(b"ok\nab\xffcd\n".to_vec(), Path::new("x.md")).unwrap_err();
        assert_eq!((d.line, d.column), (2, 3));
        assert_eq!(d.snippet.as_deref(), Some("ab\u{fffd}cd"));
    }

    #[test]
    fn byte_order_mark_is_dropped() {
        let t = text_of("\u{feff}---\n".as_bytes().to_vec(), Path::new("x.md")).unwrap();
        assert_eq!(t, "---\n");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("page.md");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        let d = read_bytes(&fifo, Path::new("content/page.md")).unwrap_err();
        assert!(d.message.contains("named pipe"), "{d}");
    }
}
