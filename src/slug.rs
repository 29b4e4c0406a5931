//! URL slugs that stay readable in every script.
//!
//! `Société civile` becomes `société-civile`, `المجتمع المدني` stays Arabic, `信息社会`
//! stays Chinese: letters and digits of any script are kept (lowercased), everything
//! else becomes a single hyphen. Such IRIs are valid in HTML and shown as written by
//! browsers; sitemaps percent-encode them.
//!
//! Ids of data records and slugs written in front matter become URL segments as they are
//! written, so they are checked where they are parsed: a [`RecordId`] or a [`Slug`] exists
//! only once [`check_segment`] has accepted its text, and a bad one is reported at its
//! file, line and column by the YAML parser.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Turns free text (a tag, a heading) into one URL segment.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in text.chars() {
        if is_invisible(c) {
            continue;
        }
        if is_separator(c) {
            pending_hyphen = !out.is_empty();
            continue;
        }
        if pending_hyphen {
            out.push('-');
            pending_hyphen = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Bidi controls, zero-width characters and the Arabic tatweel carry no meaning in a URL.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{0640}')
}

fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || c.is_control()
        || matches!(c,
            '\u{00A1}'..='\u{00BF}' // Latin-1 punctuation and symbols: ¡ « » ¿ …
            | '\u{2000}'..='\u{206F}' // general punctuation: dashes, quotes, …
            | '\u{3000}'..='\u{303F}' // CJK punctuation: 、。「」
            | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}'
            | '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{066A}'..='\u{066D}' | '\u{06D4}' // Arabic punctuation
        )
}

/// Why `text` cannot be one URL segment, if it cannot: empty, `.` or `..`, or holding a
/// separator (`/`, `\\`, `?`, `#`, `%`), a space, NUL or another control character.
pub fn check_segment(text: &str) -> Result<(), &'static str> {
    if text.is_empty() {
        Err("is empty")
    } else if text == "." || text == ".." {
        Err("would name a folder above or the same folder")
    } else if text.chars().any(char::is_control) {
        Err("contains a control character")
    } else if text.contains(['/', '\\', '?', '#', '%']) {
        Err("contains characters that cannot stand in one URL segment")
    } else if text.chars().any(char::is_whitespace) {
        Err("contains spaces")
    } else {
        Ok(())
    }
}

/// `text` with its control characters written as escapes (`\0`, `\u{7}`), so that a
/// message shows them.
fn visible(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\0' => "\\0".to_string(),
            c if c.is_control() => c.escape_unicode().to_string(),
            c => c.to_string(),
        })
        .collect()
}

macro_rules! segment_type {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(String);

        impl $name {
            /// Checks `text` ([`check_segment`]).
            pub fn new(text: impl Into<String>) -> Result<$name, String> {
                let text = text.into();
                match check_segment(&text) {
                    Ok(()) => Ok($name(text)),
                    Err(why) => Err(format!(
                        concat!("the ", $what, " `{}` {}"),
                        visible(&text),
                        why
                    )),
                }
            }

            /// The text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                &self.0 == other
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                $name::new(String::deserialize(d)?).map_err(serde::de::Error::custom)
            }
        }
    };
}

segment_type!(
    /// The id of a data record (a session, a person, a track…): its URL segment in every
    /// language, its anchor and the way other records refer to it.
    RecordId,
    "id"
);

segment_type!(
    /// The last URL segment of a page in one language, from its front matter.
    Slug,
    "slug"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_slugs_are_single_url_segments() {
        for bad in [
            "", ".", "..", "../../x", "a/b", "a\\b", "a\0b", "a\nb", "a b", "a?b", "%2e",
        ] {
            assert!(RecordId::new(bad).is_err(), "{bad:?}");
            assert!(Slug::new(bad).is_err(), "{bad:?}");
        }
        for good in ["opening", "société-civile", "信息社会", "a.b", "2021"] {
            assert_eq!(RecordId::new(good).unwrap(), good);
        }
        assert_eq!(
            RecordId::new("a\0b").unwrap_err(),
            "the id `a\\0b` contains a control character"
        );
    }

    #[test]
    fn keeps_every_script_readable() {
        assert_eq!(slugify("Société civile"), "société-civile");
        assert_eq!(slugify("المجتمع المدني"), "المجتمع-المدني");
        assert_eq!(slugify("信息社会，论坛"), "信息社会-论坛");
        assert_eq!(slugify("  Hello, World!  "), "hello-world");
        assert_eq!(slugify("Форум ВВУИО"), "форум-ввуио");
        assert_eq!(slugify("مُنتدى"), "مُنتدى");
    }
}
