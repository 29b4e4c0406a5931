//! The pictures of the event data: people's `photo` and organizations' `logo` are
//! images under `content/`; one that is missing, or is not an image hexaglot can
//! resize, is reported at its line in the data file.

use std::path::PathBuf;

use super::Site;
use crate::error::{Diagnostic, Diagnostics};
use crate::sources::Sources;

/// Reports every `photo` and `logo` that names no image of `content/`.
pub fn check_data_pictures(site: &Site, sources: &Sources, out: &mut Diagnostics) {
    let people = (site.data.people.iter().enumerate())
        .filter_map(|(i, p)| Some(("people", "photo", i, p.photo.as_deref()?)));
    let logos = (site.data.organizations.iter().enumerate())
        .filter_map(|(i, o)| Some(("organizations", "logo", i, o.logo.as_deref()?)));
    for (file, key, index, rel) in people.chain(logos) {
        if site.images.get(rel).is_some() {
            continue;
        }
        let why = if site.has_asset(rel) {
            "is not a JPEG, PNG or WebP image"
        } else {
            "does not exist"
        };
        let (display, text) = match sources.data_file(file) {
            Some(f) => (f.found.display.clone(), f.text()),
            None => (PathBuf::from(format!("content/data/{file}.yaml")), ""),
        };
        // Records keep the order of their file.
        let (line, column) =
            crate::yaml::position_in(text, &[index.into(), key.into()]).unwrap_or((0, 0));
        let mut d = Diagnostic::error(display, format!("the {key} `content/{rel}` {why}"))
            .hint(format!("write `{key}:` as a path under content/ of a JPEG, PNG or WebP image, such as `{key}: {file}/name.jpg`"));
        if line > 0 {
            d = d.at(text, line, column);
        }
        out.push(d);
    }
}
