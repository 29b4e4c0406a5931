//! A text of the event data that the site's default language lacks: the pages of the
//! default language show it in another language, and every other language falls back
//! to it in vain. A warning at the field, with the language to add.

use crate::config::Config;
use crate::data::EventData;
use crate::data::translation::{DataState, rows};
use crate::error::Diagnostic;
use crate::sources::Sources;

/// Warns about each per-language field of the data with no text in the default language.
pub fn check(config: &Config, sources: &Sources, data: &EventData, out: &mut Vec<Diagnostic>) {
    let default = &config.default_language;
    let Some(i) = config.languages.iter().position(|l| &l.code == default) else {
        return;
    };
    for row in rows(config, sources, data) {
        if row.languages[i].1 == DataState::Translated {
            continue;
        }
        let mut d = Diagnostic::warning(
            &row.file,
            format!(
                "the {} of `{}` has no text in `{default}`, the site's default language",
                row.field, row.record
            ),
        )
        .hint(format!(
            "pages in `{default}` show it in another language: add `{default}: …` to the field"
        ));
        if let (Some(file), true) = (sources.data_file(row.kind), row.line > 0) {
            d = d.at(file.text(), row.line, row.column);
        }
        out.push(d);
    }
}
