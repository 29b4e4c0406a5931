//! The table of contents of a page: its headings, nested by level, for the pages whose
//! front matter asks for one (`toc: true`).

use serde::Serialize;

use crate::markdown::Heading;

/// One entry of the table of contents.
#[derive(Debug, Serialize, PartialEq)]
pub struct TocEntry<'a> {
    /// The heading's `id`, for `href="#…"`.
    pub id: &'a str,
    /// Its text.
    pub text: &'a str,
    /// Its level (2 for `##`).
    pub level: u8,
    /// The headings under it.
    pub children: Vec<TocEntry<'a>>,
}

/// The headings nested under the levels above them; the shallowest level present is the
/// top (a page whose headings start at `##` has them at the top). Only two levels are
/// kept: deeper headings would make the table as long as the page.
pub fn toc(headings: &[Heading]) -> Vec<TocEntry<'_>> {
    let Some(top) = headings.iter().map(|h| h.level).min() else {
        return Vec::new();
    };
    let mut entries: Vec<TocEntry<'_>> = Vec::new();
    for h in headings.iter().filter(|h| h.level <= top + 1) {
        let entry = TocEntry {
            id: &h.id,
            text: &h.text,
            level: h.level,
            children: Vec::new(),
        };
        match entries.last_mut() {
            Some(parent) if h.level > top => parent.children.push(entry),
            _ => entries.push(entry),
        }
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(level: u8, id: &str) -> Heading {
        Heading {
            level,
            id: id.to_string(),
            text: id.to_uppercase(),
        }
    }

    #[test]
    fn nests_two_levels_from_the_shallowest() {
        let hs = [
            h(3, "intro"),
            h(2, "a"),
            h(3, "a1"),
            h(4, "deep"),
            h(2, "b"),
        ];
        let t = toc(&hs);
        let top: Vec<&str> = t.iter().map(|e| e.id).collect();
        assert_eq!(top, ["intro", "a", "b"]);
        assert_eq!(t[1].children.len(), 1);
        assert_eq!(t[1].children[0].id, "a1");
        assert!(toc(&[]).is_empty());
    }
}
