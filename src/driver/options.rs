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

/// Milliseconds spent in each stage, with the most memory the process had held by its
/// end.
#[derive(Debug, Clone, Default)]
pub struct Timings(pub Vec<Lap>);

/// One stage of a run.
#[derive(Debug, Clone)]
pub struct Lap {
    /// The stage's name.
    pub stage: &'static str,
    /// Wall time, in milliseconds.
    pub millis: f64,
    /// The largest resident memory of the process so far, in KiB, where the system
    /// tells it (`getrusage`).
    pub peak_kib: Option<u64>,
    /// CPU time of the process (user and system, every thread) in the stage, in
    /// milliseconds, where the system tells it: above `millis` when the stage ran on
    /// several cores.
    pub cpu_millis: Option<f64>,
}

/// What `getrusage` says of the process so far: its largest resident memory, in KiB,
/// and its CPU time (user and system), in milliseconds.
pub(crate) fn usage() -> Option<(u64, f64)> {
    #[cfg(unix)]
    {
        let mut usage = std::mem::MaybeUninit::<libc::rusage>::uninit();
        // SAFETY: getrusage fills the struct it is given and reads nothing else.
        let filled = unsafe { libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) } == 0;
        // SAFETY: filled by the call above when it returned 0.
        let usage = filled.then(|| unsafe { usage.assume_init() })?;
        // Kilobytes on Linux, bytes on macOS.
        let scale = if cfg!(target_os = "macos") { 1024 } else { 1 };
        let peak = u64::try_from(usage.ru_maxrss).ok()? / scale;
        let millis = |t: libc::timeval| t.tv_sec as f64 * 1000.0 + t.tv_usec as f64 / 1000.0;
        Some((peak, millis(usage.ru_utime) + millis(usage.ru_stime)))
    }
    #[cfg(not(unix))]
    None
}

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
