//! The outside tools of the browser and standards tests: Chromium, Node, Java. Outside
//! CI a missing tool skips the test with the reason printed; under `CI` (where
//! `.ci/run` installs them all) it fails the test.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// Whether a tool is missing: prints why and returns true outside CI, panics under CI.
pub fn missing(what: &str, absent: bool) -> bool {
    if !absent {
        return false;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{what} is required under CI (.ci/run installs it)"
    );
    eprintln!("skipped: {what} is not available");
    true
}

/// Debian's Chromium, or the one `CHROMIUM` names.
pub fn chromium() -> Option<PathBuf> {
    [
        std::env::var("CHROMIUM").ok(),
        Some("/usr/bin/chromium".into()),
        Some("/usr/bin/chromium-browser".into()),
    ]
    .into_iter()
    .flatten()
    .map(PathBuf::from)
    .find(|p| p.is_file())
}

/// Whether `program arg` runs and succeeds (`node --version`).
pub fn runs(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs the Node script `tests/browser/<script>` on `manifest`, in `work`, and returns
/// the results it wrote.
pub fn node_script(script: &str, manifest: &Value, work: &Path) -> Value {
    std::fs::write(work.join("manifest.json"), manifest.to_string()).unwrap();
    let status = Command::new("node")
        .arg(super::repo().join("tests/browser").join(script))
        .arg(work.join("manifest.json"))
        .arg(work.join("results.json"))
        .current_dir(super::repo())
        .status()
        .unwrap();
    assert!(status.success(), "{script} failed");
    let text = std::fs::read_to_string(work.join("results.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Chromium, when it, Node, playwright-core and axe-core (`npm ci`) are all there: what
/// the playwright scripts of `tests/browser/` need. `None` (with the reason) outside CI.
pub fn playwright_chromium() -> Option<PathBuf> {
    let chromium = chromium();
    let node_modules = super::repo().join("node_modules");
    let absent = missing("Chromium (apt-get install chromium)", chromium.is_none())
        || missing("Node.js", !runs("node", "--version"))
        || missing(
            "playwright-core and axe-core (npm ci)",
            !node_modules.join("playwright-core").is_dir()
                || !node_modules.join("axe-core").is_dir(),
        );
    if absent { None } else { chromium }
}
