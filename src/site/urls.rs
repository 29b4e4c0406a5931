//! URLs of every page in one language, and the choice of fallback text.

use std::collections::HashMap;

use super::{Entry, GroupId, PageId, Site, dir_of};
use crate::config::Language;
use crate::error::{Diagnostic, Diagnostics};

/// One entry per group for `language`: which text to show and at which URL.
pub fn entries(site: &Site, language: &Language, out: &mut Diagnostics) -> Vec<Entry> {
    let lang = language.code.as_str();
    let mut section_paths: HashMap<String, String> = HashMap::new();
    let mut taken: HashMap<String, GroupId> = HashMap::new();
    let mut entries = Vec::with_capacity(site.groups.len());
    for (g, group) in site.each_group() {
        let own = group.translations.get(lang);
        let source = own
            .or_else(|| {
                language
                    .fallback
                    .iter()
                    .find_map(|l| group.translations.get(l))
            })
            .or_else(|| {
                site.config
                    .languages
                    .iter()
                    .find_map(|l| group.translations.get(&l.code))
            })
            .copied()
            .expect("a group has at least one translation");
        let path = if group.is_section {
            section_path(site, dir_of(&group.key), lang, &mut section_paths)
        } else if let Some(dir) = super::bundle_dir(&group.key) {
            // A page bundle is published at its folder's name, in the folder above.
            let name = dir.trim_end_matches('/').rsplit('/').next().unwrap_or(dir);
            let slug = site.pages[source].front.slug.as_deref().unwrap_or(name);
            let parent = super::parent_dir(dir).unwrap_or("");
            format!(
                "{}{slug}/",
                section_path(site, parent, lang, &mut section_paths)
            )
        } else {
            let stem = group
                .key
                .rsplit('/')
                .next()
                .unwrap_or(&group.key)
                .trim_end_matches(".md");
            let slug = site.pages[source].front.slug.as_deref().unwrap_or(stem);
            format!(
                "{}{slug}/",
                section_path(site, dir_of(&group.key), lang, &mut section_paths)
            )
        };
        if let Some(&other) = taken.get(&path) {
            duplicate(
                site,
                lang,
                &path,
                (other, &entries[other]),
                (g, source, own.is_none()),
                out,
            );
        } else {
            taken.insert(path.clone(), g);
        }
        entries.push(Entry {
            source,
            fallback: own.is_none(),
            path,
            content: Default::default(),
        });
    }
    entries
}

/// Reports two pages published at the same URL, once per file: it blames the page
/// whose own translation in `lang` set the `slug` (or the later one), and stays silent
/// when both are fallbacks, since the clash is then reported in their own language.
fn duplicate(
    site: &Site,
    lang: &str,
    path: &str,
    first: (GroupId, &Entry),
    second: (GroupId, PageId, bool),
    out: &mut Diagnostics,
) {
    let (_, first_entry) = first;
    let (_, second_source, second_fallback) = second;
    if first_entry.fallback && second_fallback {
        return;
    }
    let candidates = [
        (first_entry.source, first_entry.fallback),
        (second_source, second_fallback),
    ];
    let own: Vec<PageId> = candidates
        .iter()
        .filter(|(_, fb)| !fb)
        .map(|(s, _)| *s)
        .collect();
    let blamed = own
        .iter()
        .copied()
        .find(|&s| site.pages[s].front.slug.is_some())
        .unwrap_or(*own.last().expect("one is not a fallback"));
    let other = if blamed == first_entry.source {
        second_source
    } else {
        first_entry.source
    };
    let page = &site.pages[blamed];
    if page.source.lang != lang {
        return;
    }
    let (line, column) = page.position(&["slug".into()]);
    out.push(
        Diagnostic::error(
            &page.source.display,
            format!(
                "duplicate slug: {path} is also the URL of {}",
                site.pages[other].source.display.display()
            ),
        )
        .at(&page.text, line, column)
        .hint("give one of the pages another `slug` or file name"),
    );
}

/// URL path of the section at `dir` (`blog/`) in `lang`, memoized.
fn section_path(site: &Site, dir: &str, lang: &str, memo: &mut HashMap<String, String>) -> String {
    if dir.is_empty() {
        return site.config.lang_prefix(lang);
    }
    if let Some(p) = memo.get(dir) {
        return p.clone();
    }
    let trimmed = &dir[..dir.len() - 1];
    let (parent, name) = match trimmed.rfind('/') {
        Some(i) => (&dir[..=i], &trimmed[i + 1..]),
        None => ("", trimmed),
    };
    let parent_path = section_path(site, parent, lang, memo);
    let slug = site
        .by_key
        .get(&format!("{dir}_index.md"))
        .and_then(|&g| {
            let group = &site.groups[g];
            let language = site.config.language(lang)?;
            std::iter::once(lang)
                .chain(language.fallback.iter().map(String::as_str))
                .find_map(|l| group.translations.get(l))
                .and_then(|&i| site.pages[i].front.slug.as_deref().map(str::to_string))
        })
        .unwrap_or_else(|| name.to_string());
    let path = format!("{parent_path}{slug}/");
    memo.insert(dir.to_string(), path.clone());
    path
}
