//! The content hash that `translated_from` refers to.
//!
//! A translator writes `translated_from: 3fa9c2e1` in the front matter of a translation:
//! the hash of the default-language text it was made from. When that text changes, its
//! hash changes and the translation is stale. The hash covers what a translator
//! translates — the title, the description and the Markdown body — and nothing else, so
//! changing `weight` or `tags` does not make every translation stale:
//!
//! ```text
//! SHA-256( title "\n" description "\n" body ), first 8 hex digits
//! ```
//!
//! where a missing description is empty and the body's line endings are `\n`.

use sha2::{Digest, Sha256};

use crate::content::Page;

/// Number of hex digits kept: 32 bits, plenty to tell versions of one page apart.
pub const HASH_LEN: usize = 8;

/// The hash of the text a translation of `page` would be made from.
pub fn source_hash(page: &Page) -> String {
    let body = page.body().replace("\r\n", "\n");
    let description = page.front.description.as_deref().unwrap_or("");
    text_hash(&format!("{}\n{description}\n{body}", page.front.title))
}

/// The first [`HASH_LEN`] hex digits of the SHA-256 of `text`.
pub fn text_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest
        .iter()
        .take(HASH_LEN / 2)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether a `translated_from` value names the hash `current`.
pub fn matches(translated_from: &str, current: &str) -> bool {
    translated_from.trim().eq_ignore_ascii_case(current)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_the_start_of_sha256() {
        // printf 'abc' | sha256sum → ba7816bf8f01cfea…
        assert_eq!(text_hash("abc"), "ba7816bf");
        assert!(matches(" BA7816BF ", "ba7816bf"));
        assert!(!matches("ba7816b0", "ba7816bf"));
    }
}
