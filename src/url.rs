//! Percent-decoding of URL paths, shared by the preview server (which refuses a bad
//! escape) and `check` (which keeps a link with one as it is written).

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
