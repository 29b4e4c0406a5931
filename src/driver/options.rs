//! What a run is asked to do, and what it reports.

use std::path::PathBuf;

use crate::config::Config;
use crate::error::{Diagnostic, Error};

/// What to build and how.
#[derive(Debug, Clone)]
pub struct Options {
    /// The site's folder.
    pub root: PathBuf,
    /// The output folder; `<root>/public` by default.
    pub out: Option<PathBuf>,
    /// Overrides `base_url` of the config.
    pub base_url: Option<String>,
    /// Builds drafts too.
    pub drafts: bool,
}

impl Options {
    /// Options for the site in `root`, with defaults.
    pub fn new(root: impl Into<PathBuf>) -> Options {
        Options {
            root: root.into(),
            out: None,
            base_url: None,
            drafts: false,
        }
    }

    /// The output folder.
    pub fn out_dir(&self) -> PathBuf {
        self.out.clone().unwrap_or_else(|| self.root.join("public"))
    }
}

/// Milliseconds spent in each stage.
#[derive(Debug, Clone, Default)]
pub struct Timings(pub Vec<(&'static str, f64)>);

/// What a build did.
#[derive(Debug, Clone)]
pub struct Report {
    /// Number of languages.
    pub languages: usize,
    /// Pages rendered (pages and sections × languages).
    pub pages: usize,
    /// Files written.
    pub files: usize,
    /// Wall time in milliseconds.
    pub millis: u128,
    /// Warnings.
    pub warnings: Vec<Diagnostic>,
    /// Stage timings.
    pub timings: Timings,
}

/// Applies the options that override the config (`--base-url`).
pub fn apply_options(config: &mut Config, options: &Options) -> Result<(), Error> {
    if let Some(url) = &options.base_url {
        config.set_base_url(url).ok_or_else(|| {
            Error::Diagnostics(vec![Diagnostic::error(
                "--base-url",
                format!("`{url}` is not an absolute http(s) URL"),
            )])
        })?;
    }
    Ok(())
}
