//! Which folder of `themes/` a site uses.
//!
//! `theme: agora` in `content/site.yaml` names `themes/agora/`. Without `theme:`, the
//! site uses `themes/agora/` when it has one (the bundled theme that `hexaglot init`
//! writes), else only its own `templates/` and `static/`, as a Zola site without a
//! theme does. The bundled theme was called `forum` before it belonged to no event:
//! `theme: forum` still works, in `themes/forum/` when the site has that folder, else in
//! `themes/agora/`. A theme that is not there is an error at the `theme:` line that says
//! what to write instead.

use std::path::Path;

use super::CONFIG_FILE;
use crate::error::Diagnostic;

/// The bundled theme's name (the folder `hexaglot init` writes).
pub const BUNDLED: &str = "agora";

/// Former names of the bundled theme.
const FORMER: [&str; 1] = ["forum"];

/// The folder of `themes/` that the site in `root` uses, if any.
pub fn resolve(root: &Path, theme: Option<&str>, text: &str) -> Result<Option<String>, Diagnostic> {
    let exists = |name: &str| root.join("themes").join(name).is_dir();
    let Some(name) = theme else {
        return Ok(std::iter::once(BUNDLED)
            .chain(FORMER)
            .find(|n| exists(n))
            .map(str::to_string));
    };
    let plain = !name.is_empty() && !name.contains(['/', '\\']) && name != "." && name != "..";
    if plain && exists(name) {
        return Ok(Some(name.to_string()));
    }
    if FORMER.contains(&name) && exists(BUNDLED) {
        return Ok(Some(BUNDLED.to_string()));
    }
    let (line, column) = crate::yaml::position_in(text, &["theme".into()]).unwrap_or((1, 1));
    let available = themes(root);
    let hint = match available.as_slice() {
        [] => "remove the `theme:` line to use only the site's own templates/ and static/, or copy a theme into themes/<name>/ (`hexaglot init NEW-FOLDER` writes the bundled theme, themes/agora/)".to_string(),
        [one] => format!("write `theme: {one}`"),
        many => format!(
            "write one of: {}",
            many.iter()
                .map(|n| format!("`theme: {n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    Err(Diagnostic::error(
        CONFIG_FILE,
        format!("there is no theme `{name}`: the folder themes/{name}/ does not exist"),
    )
    .at(text, line, column)
    .hint(hint))
}

/// The folders of `themes/`, sorted.
fn themes(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root.join("themes"))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    names.sort();
    names
}
