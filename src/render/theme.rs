//! The theme of one build: the Fluent bundles, the static files' published names and
//! the compiled templates, loaded together from the snapshot.

use std::sync::Arc;

use super::Templates;
use crate::assets::Assets;
use crate::config::Config;
use crate::error::Diagnostics;
use crate::i18n::Localizer;
use crate::sources::Sources;

/// The Fluent bundles, the static files' published names and the templates.
#[derive(Clone)]
pub struct Theme {
    /// Fluent bundles and CLDR formatters.
    pub localizer: Arc<Localizer>,
    /// Published names of the static files.
    pub assets: Arc<Assets>,
    /// The compiled templates.
    pub templates: Arc<Templates>,
}

impl Theme {
    /// Loads the theme from the snapshot; problems in its files go to `out`.
    pub fn load(config: &Config, sources: &Sources, out: &mut Diagnostics) -> Theme {
        let localizer = Arc::new(Localizer::load(config, sources, out));
        let assets = Arc::new(Assets::new(sources, &config.base_path));
        let templates = Arc::new(Templates::load(
            sources,
            config.theme.as_deref(),
            localizer.clone(),
            assets.clone(),
            out,
        ));
        Theme {
            localizer,
            assets,
            templates,
        }
    }
}
