//! Small helpers for the XML files the site publishes (sitemap, Atom feeds): escaping,
//! and turning the site's Unicode URLs into the ASCII URIs that XML consumers expect.

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(text, &mut out);
    out
}

/// [`escape`], appended to `out`.
pub fn escape_into(text: &str, out: &mut String) {
    crate::html::replace_bytes(text, out, |b| match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&apos;"),
        _ => None,
    });
}

/// What [`iri_to_uri`] encodes: every byte but the letters, digits, RFC 3986's
/// unreserved and reserved characters, and `%`.
const NOT_URI: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b':')
    .remove(b'/')
    .remove(b'?')
    .remove(b'#')
    .remove(b'[')
    .remove(b']')
    .remove(b'@')
    .remove(b'!')
    .remove(b'$')
    .remove(b'&')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')')
    .remove(b'*')
    .remove(b'+')
    .remove(b',')
    .remove(b';')
    .remove(b'=')
    .remove(b'%');

/// Percent-encodes what a URI may not hold as it is (`/fr/tags/société/` →
/// `/fr/tags/soci%C3%A9t%C3%A9/`): non-ASCII bytes, spaces and the few ASCII characters
/// outside RFC 3986. `%` is left alone, so an already encoded URL stays as it was.
pub fn iri_to_uri(iri: &str) -> String {
    percent_encoding::utf8_percent_encode(iri, NOT_URI).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_non_ascii_url_paths() {
        assert_eq!(
            iri_to_uri("https://e.org/fr/tags/société-civile/"),
            "https://e.org/fr/tags/soci%C3%A9t%C3%A9-civile/"
        );
        assert_eq!(iri_to_uri("https://e.org/a%20b/"), "https://e.org/a%20b/");
        assert_eq!(
            iri_to_uri("https://e.org/a b\"/"),
            "https://e.org/a%20b%22/"
        );
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
    }
}
