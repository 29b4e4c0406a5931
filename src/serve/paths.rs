//! Request paths: from what the client sent to a path of the site in memory, or a
//! refusal. The site is served from memory, so nothing outside it can be reached; this
//! module makes sure that only one spelling of each path of the site is accepted, and
//! that traversal attempts are refused rather than quietly resolved.

use crate::url::SegmentError;
/// Why a request path is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Not an absolute path (`*`, `fr/`, …).
    NotAbsolute,
    /// A `%` not followed by two hexadecimal digits.
    BadEscape,
    /// `.` or `..` as a segment, plainly or percent-encoded.
    DotSegment,
    /// An empty segment (`//`).
    EmptySegment,
    /// A slash or backslash hidden in a segment (`%2f`, `%5c`), or a raw backslash.
    Separator,
    /// NUL or another control character, plainly or percent-encoded.
    Control,
    /// Percent-encoded bytes that are not UTF-8.
    NotUtf8,
}

/// The site path for a request path: `/fr/a-propos/` → `fr/a-propos/`, `/` → ``,
/// `/style.css` → `style.css`. The query must already be removed.
pub fn normalize(raw: &str) -> Result<String, Refused> {
    let rest = raw.strip_prefix('/').ok_or(Refused::NotAbsolute)?;
    if rest.is_empty() {
        return Ok(String::new());
    }
    let (body, trailing) = match rest.strip_suffix('/') {
        Some(body) => (body, true),
        None => (rest, false),
    };
    let mut path = String::with_capacity(raw.len());
    for (i, segment) in body.split('/').enumerate() {
        if segment.is_empty() {
            return Err(Refused::EmptySegment);
        }
        let decoded = decode(segment)?;
        crate::url::check_segment(&decoded).map_err(|e| match e {
            SegmentError::Empty => Refused::EmptySegment,
            SegmentError::Dot => Refused::DotSegment,
            SegmentError::Separator => Refused::Separator,
            SegmentError::Control => Refused::Control,
        })?;
        if i > 0 {
            path.push('/');
        }
        path.push_str(&decoded);
    }
    if trailing {
        path.push('/');
    }
    Ok(path)
}

/// Decodes `%XX` escapes once; the result must be UTF-8.
fn decode(segment: &str) -> Result<String, Refused> {
    let bytes = crate::url::percent_decode(segment).map_err(|_| Refused::BadEscape)?;
    String::from_utf8(bytes).map_err(|_| Refused::NotUtf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_paths() {
        assert_eq!(normalize("/").unwrap(), "");
        assert_eq!(normalize("/fr/a-propos/").unwrap(), "fr/a-propos/");
        assert_eq!(normalize("/style.css").unwrap(), "style.css");
        assert_eq!(normalize("/ar/%D8%B9%D9%86/").unwrap(), "ar/عن/");
        assert_eq!(normalize("/zh/%E8%AE%BA%E5%9D%9B").unwrap(), "zh/论坛");
    }

    #[test]
    fn traversal_and_smuggling_are_refused() {
        for (raw, why) in [
            ("/../etc/passwd", Refused::DotSegment),
            ("/fr/../../etc/passwd", Refused::DotSegment),
            ("/%2e%2e/etc/passwd", Refused::DotSegment),
            ("/%2E%2E/", Refused::DotSegment),
            ("/.%2e/x", Refused::DotSegment),
            ("/./index.html", Refused::DotSegment),
            ("/..%2fetc/passwd", Refused::Separator),
            ("/..%2Fetc", Refused::Separator),
            ("/..%5cetc", Refused::Separator),
            ("/..\\etc", Refused::Separator),
            ("/index.html%00.css", Refused::Control),
            ("/a\u{0}b", Refused::Control),
            ("//etc/passwd", Refused::EmptySegment),
            ("/fr//x", Refused::EmptySegment),
            ("/%c0%ae%c0%ae/x", Refused::NotUtf8),
            ("/%2", Refused::BadEscape),
            ("/%zz", Refused::BadEscape),
            ("etc/passwd", Refused::NotAbsolute),
        ] {
            assert_eq!(normalize(raw), Err(why), "{raw}");
        }
        // Decoded once: a double-encoded dot is a file name, which the site lacks.
        assert_eq!(normalize("/%252e%252e/x").unwrap(), "%2e%2e/x");
    }
}
