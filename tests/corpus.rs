//! The corpus of bad inputs: every folder of `tests/corpus/` (but `_bases/`) is one case.
//!
//! `case.yaml` names a base site, the command, setup steps that git cannot store, and the
//! expectation; `overlay/` holds files copied over the base. For each case the harness
//! copies the base (already built once into its `public/`) into a site folder nested in
//! another temporary folder, applies the overlay and the setup, runs the real binary with
//! a timeout, and asserts:
//!
//! - it ends (no hang), exits with 0 or 1 and prints no panic;
//! - it prints exactly the expected diagnostics (file:line:column, severity, message), or
//!   succeeds and writes the expected files;
//! - the sources are unchanged, a failed build leaves `public/` byte-identical, and
//!   nothing outside the site's folder changed.
//!
//! ```yaml
//! base: minimal          # minimal (tests/corpus/_bases/minimal), forum or event
//! args: [build]          # the command line after `hexaglot` (default: build)
//! setup:
//!   - replace: {path: content/site.yaml, from: "time_zone: Europe/Zurich", to: "time_zone: Mars/Base"}
//!   - write: {path: content/x.en.md, text: '---\ntitle: Caf\xe9\n---\n'}   # \n, \t, \\, \xNN bytes
//!   - append: {path: content/data/people.yaml, text: "- id: x\n"}
//!   - remove: content/about.fr.md
//!   - symlink: {path: locales/en/x.ftl, target: /etc/hostname}
//!   - fifo: content/x.en.md
//! diagnostics:           # every diagnostic printed, in order
//!   - "content/site.yaml:7:12: error: `Mars/Base` is not a time zone of the IANA tz database"
//! ok: [en/index.html]    # or: the command succeeds and these output files exist
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use serde::Deserialize;

const TIMEOUT: Duration = Duration::from_secs(60);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    #[serde(default = "minimal")]
    base: String,
    #[serde(default)]
    args: Vec<String>,
    #[serde(default)]
    setup: Vec<Step>,
    #[serde(default)]
    diagnostics: Option<Vec<String>>,
    #[serde(default)]
    ok: Option<Vec<String>>,
}

fn minimal() -> String {
    "minimal".into()
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
enum Step {
    Replace {
        path: String,
        from: String,
        to: String,
    },
    Write {
        path: String,
        text: String,
    },
    Append {
        path: String,
        text: String,
    },
    Remove(String),
    Symlink {
        path: String,
        target: String,
    },
    Fifo(String),
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every entry of a tree: relative path → bytes (files), link target (links) or kind.
fn snapshot(dir: &Path, skip: Option<&Path>) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| Some(e.path()) != skip);
    for entry in walker {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(dir).unwrap().to_path_buf();
        let kind = entry.file_type();
        let content = if kind.is_symlink() {
            let target = std::fs::read_link(entry.path()).unwrap();
            format!("-> {}", target.display()).into_bytes()
        } else if kind.is_file() {
            std::fs::read(entry.path()).unwrap()
        } else if kind.is_dir() {
            b"dir".to_vec()
        } else {
            b"special".to_vec()
        };
        out.insert(rel, content);
    }
    out
}

/// The base site, built once into its `public/`.
fn base(name: &str) -> &'static Path {
    static BASES: OnceLock<Mutex<BTreeMap<String, &'static Path>>> = OnceLock::new();
    let bases = BASES.get_or_init(Default::default);
    if let Some(path) = bases.lock().unwrap().get(name) {
        return path;
    }
    let dir = Box::leak(Box::new(tempfile::tempdir().unwrap()));
    let site = dir.path().join("site");
    match name {
        "forum" => {
            for part in ["content", "locales", "themes"] {
                copy_tree(&repo().join(part), &site.join(part));
            }
        }
        "event" => {
            copy_tree(&repo().join("tests/fixtures/event"), &site);
            for part in ["locales", "themes"] {
                copy_tree(&repo().join(part), &site.join(part));
            }
        }
        other => copy_tree(&repo().join("tests/corpus/_bases").join(other), &site),
    }
    let out = run(&site, &["build".to_string()]).expect("the base builds in time");
    assert_eq!(
        out.code,
        Some(0),
        "base {name} does not build:\n{}",
        out.stderr
    );
    let path: &'static Path = Box::leak(site.into_boxed_path());
    bases.lock().unwrap().insert(name.to_string(), path);
    path
}

struct Output {
    code: Option<i32>,
    stderr: String,
}

/// Runs the binary on `site`; `None` when it does not end in time.
fn run(site: &Path, args: &[String]) -> Option<Output> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hexaglot"))
        .args(args)
        .arg("--root")
        .arg(site)
        .current_dir(site.parent().unwrap())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || std::io::read_to_string(stderr).unwrap_or_default());
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let stderr = reader.join().unwrap();
            return Some(Output {
                code: status.code(),
                stderr,
            });
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// `\n`, `\t`, `\\` and `\xNN` (one byte, which may make the text invalid UTF-8).
fn unescape(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' && i + 1 < bytes.len() {
            match bytes[i + 1] {
                b'n' => out.push(b'\n'),
                b't' => out.push(b'\t'),
                b'r' => out.push(b'\r'),
                b'0' => out.push(0),
                b'\\' => out.push(b'\\'),
                b'x' => {
                    let hex = std::str::from_utf8(&bytes[i + 2..i + 4]).unwrap();
                    out.push(u8::from_str_radix(hex, 16).unwrap());
                    i += 2;
                }
                other => panic!("unknown escape \\{}", other as char),
            }
            i += 2;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

fn apply(site: &Path, step: &Step) {
    match step {
        Step::Replace { path, from, to } => {
            let file = site.join(path);
            let text = std::fs::read_to_string(&file).unwrap();
            assert!(text.contains(from.as_str()), "{path} has no `{from}`");
            std::fs::write(&file, text.replacen(from.as_str(), to, 1)).unwrap();
        }
        Step::Write { path, text } => {
            let file = site.join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, unescape(text)).unwrap();
        }
        Step::Append { path, text } => {
            let file = site.join(path);
            let mut bytes = std::fs::read(&file).unwrap_or_default();
            bytes.extend(unescape(text));
            std::fs::write(file, bytes).unwrap();
        }
        Step::Remove(path) => {
            let file = site.join(path);
            if file.is_dir() {
                std::fs::remove_dir_all(file).unwrap();
            } else {
                std::fs::remove_file(file).unwrap();
            }
        }
        Step::Symlink { path, target } => {
            let file = site.join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::os::unix::fs::symlink(target, file).unwrap();
        }
        Step::Fifo(path) => {
            let status = Command::new("mkfifo")
                .arg(site.join(path))
                .status()
                .unwrap();
            assert!(status.success());
        }
    }
}

/// The diagnostics printed on stderr, as `file:line:column: severity: message`.
fn diagnostics(stderr: &str) -> Vec<String> {
    let lines: Vec<&str> = stderr.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let (severity, message) = match line.split_once(": ") {
            Some((s @ ("error" | "warning"), m)) => (s, m),
            _ => continue,
        };
        let at = lines
            .get(i + 1)
            .and_then(|l| l.strip_prefix("  --> "))
            .unwrap_or("?");
        out.push(format!("{at}: {severity}: {message}"));
    }
    out
}

/// Runs one case; `Err` says what went wrong.
fn check(name: &str, dir: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(dir.join("case.yaml")).unwrap();
    let case: Case =
        serde_saphyr::from_str(&text).map_err(|e| format!("case.yaml does not parse: {e}"))?;
    let outer = tempfile::tempdir().unwrap();
    std::fs::write(outer.path().join("neighbour.txt"), "not part of the site\n").unwrap();
    let site = outer.path().join("site");
    copy_tree(base(&case.base), &site);
    let overlay = dir.join("overlay");
    if overlay.is_dir() {
        copy_tree(&overlay, &site);
    }
    for step in &case.setup {
        apply(&site, step);
    }
    let public = site.join("public");
    let sources = snapshot(&site, Some(&public));
    let outside = snapshot(outer.path(), Some(&site));
    let previous = snapshot(&public, None);
    let args = if case.args.is_empty() {
        vec!["build".to_string()]
    } else {
        case.args.clone()
    };
    let out = run(&site, &args).ok_or("did not end within the timeout")?;
    if out.stderr.contains("panicked") {
        return Err(format!("panicked:\n{}", out.stderr));
    }
    if !matches!(out.code, Some(0) | Some(1)) {
        return Err(format!("exit status {:?}:\n{}", out.code, out.stderr));
    }
    if snapshot(&site, Some(&public)) != sources {
        return Err("the sources changed".into());
    }
    if snapshot(outer.path(), Some(&site)) != outside {
        return Err("something outside the site's folder changed".into());
    }
    let got = diagnostics(&out.stderr);
    let expected = case.diagnostics.clone().unwrap_or_default();
    if got != expected {
        return Err(format!(
            "diagnostics differ\n--- expected\n{}\n--- got\n{}\n--- stderr\n{}",
            expected.join("\n"),
            got.join("\n"),
            out.stderr
        ));
    }
    match &case.ok {
        Some(files) => {
            if out.code != Some(0) {
                return Err(format!("expected success:\n{}", out.stderr));
            }
            for f in files {
                if !public.join(f).is_file() {
                    return Err(format!("public/{f} was not written"));
                }
            }
        }
        None => {
            if out.code != Some(1) || !got.iter().any(|d| d.contains(": error: ")) {
                return Err(format!("expected the build to fail:\n{}", out.stderr));
            }
            if snapshot(&public, None) != previous {
                return Err("the previous output changed".into());
            }
        }
    }
    let _ = name;
    Ok(())
}

fn cases() -> Vec<(String, PathBuf)> {
    let mut cases: Vec<(String, PathBuf)> = std::fs::read_dir(repo().join("tests/corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("case.yaml").is_file())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    cases.sort();
    cases
}

/// Every case of the corpus, in parallel.
#[test]
fn corpus_of_bad_inputs() {
    let cases = cases();
    assert!(cases.len() >= 120, "the corpus has {} cases", cases.len());
    let only = std::env::var("CORPUS_CASE").ok();
    let queue = Mutex::new(
        cases
            .iter()
            .filter(|(n, _)| only.as_ref().is_none_or(|o| n.contains(o.as_str()))),
    );
    let failures = Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(2, 4);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let Some((name, dir)) = queue.lock().unwrap().next() else {
                        break;
                    };
                    if let Err(why) = check(name, dir) {
                        failures.lock().unwrap().push(format!("case {name}: {why}"));
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
