//! Small helpers for the XML files the site publishes (sitemap, Atom feeds): escaping,
//! and turning the site's Unicode URLs into the ASCII URIs that XML consumers expect.

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}

/// Percent-encodes what a URI may not hold as it is (`/fr/tags/société/` →
/// `/fr/tags/soci%C3%A9t%C3%A9/`): non-ASCII bytes, spaces and the few ASCII characters
/// outside RFC 3986. `%` is left alone, so an already encoded URL stays as it was.
pub fn iri_to_uri(iri: &str) -> String {
    let mut out = String::with_capacity(iri.len());
    for byte in iri.bytes() {
        let keep = byte.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=%".contains(&byte);
        if keep {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
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
