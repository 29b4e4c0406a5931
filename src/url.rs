//! Segments and percent-decoding of URL paths: the rules shared by the plan (output
//! paths), ids and slugs, the preview server (which refuses a bad escape) and `check`
//! and the Markdown links (which keep a link with one as it is written).

/// Why a text cannot be one segment of a path, by the rule every path of the site
/// follows; ids and slugs add rules of their own (`slug::check_segment`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentError {
    /// It is empty (`a//b`).
    Empty,
    /// It is `.` or `..`.
    Dot,
    /// It holds a slash or a backslash.
    Separator,
    /// It holds NUL or another control character.
    Control,
}

/// Checks one segment of a path (after decoding, where the path was encoded).
pub fn check_segment(segment: &str) -> Result<(), SegmentError> {
    if segment.is_empty() {
        Err(SegmentError::Empty)
    } else if segment == "." || segment == ".." {
        Err(SegmentError::Dot)
    } else if segment.contains(['/', '\\']) {
        Err(SegmentError::Separator)
    } else if segment.chars().any(char::is_control) {
        Err(SegmentError::Control)
    } else {
        Ok(())
    }
}

/// Decodes `%XX` escapes (`b%20c.pdf` names `b c.pdf`); a text with a bad escape, or
/// that decodes to bytes that are not UTF-8, is kept as written.
pub fn percent_decode_or_keep(text: &str) -> String {
    percent_decode(text)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_else(|| text.to_string())
}

/// Why a text cannot be percent-decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadEscape;

/// Decodes every `%XX` escape of `text` once; a `%` not followed by two hex digits is an
/// error.
pub fn percent_decode(text: &str) -> Result<Vec<u8>, BadEscape> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3).ok_or(BadEscape)?;
            let hex = std::str::from_utf8(hex).map_err(|_| BadEscape)?;
            out.push(u8::from_str_radix(hex, 16).map_err(|_| BadEscape)?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_once_and_refuses_bad_escapes() {
        assert_eq!(
            percent_decode("/ar/%D8%B9%D9%86/").unwrap(),
            "/ar/عن/".as_bytes()
        );
        assert_eq!(percent_decode("%252e").unwrap(), b"%2e");
        assert_eq!(percent_decode("a%2"), Err(BadEscape));
        assert_eq!(percent_decode("a%zz"), Err(BadEscape));
    }
}
