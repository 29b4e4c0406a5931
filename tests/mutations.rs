//! Property test: any small mutation of a real site file — front matter, `site.yaml`,
//! event data, `.ftl` — gives a build or positioned diagnostics, never a panic or a hang,
//! and a failed build leaves the previous output as it was.
//!
//! The forum and the event fixture are built once; each case mutates one of their files
//! (inserts a YAML or Fluent special character, deletes or duplicates text, swaps or
//! truncates lines), runs the real binary, checks, and puts the file back. `cargo test`
//! runs a short series; the long run is
//! `TMPDIR=/dev/shm PROPTEST_CASES=100000 cargo test --release --test mutations`
//! (half the cases on each site, the two in parallel; a RAM-backed `TMPDIR` halves the
//! time of each build).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::sample::Index;

/// The files mutated, per site.
const FORUM_FILES: &[&str] = &[
    "content/site.yaml",
    "content/about.en.md",
    "content/_index.ar.md",
    "content/letter.zh.md",
    "content/data/organizations.yaml",
    "content/data/key_dates.yaml",
    "content/data/event.yaml",
    "locales/en/main.ftl",
    "locales/ar/main.ftl",
];
const EVENT_FILES: &[&str] = &[
    "content/site.yaml",
    "content/programme.en.md",
    "content/data/sessions.yaml",
    "content/data/people.yaml",
    "content/data/formats.yaml",
    "content/data/tracks.yaml",
    "themes/agora/locales/ru/event.ftl",
];

/// Characters that mean something to YAML, Fluent or Markdown, and some that are wide,
/// combining, right-to-left or control characters.
const SPECIAL: &[char] = &[
    ':', '"', '\'', '[', ']', '{', '}', '-', '\t', '\n', '#', '&', '*', '!', '|', '>', '%', '@',
    '`', '\0', '$', '=', '.', '/', '\\', ' ', 'é', '信', '\u{301}', 'ع', '\u{202e}', '\r',
];

#[derive(Debug, Clone)]
enum Mutation {
    Insert(Index, usize),
    Replace(Index, usize),
    Delete(Index, u8),
    DuplicateLine(Index),
    DeleteLine(Index),
    SwapLines(Index, Index),
    Truncate(Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let special = 0..SPECIAL.len();
    prop_oneof![
        (any::<Index>(), special.clone()).prop_map(|(i, c)| Mutation::Insert(i, c)),
        (any::<Index>(), special).prop_map(|(i, c)| Mutation::Replace(i, c)),
        (any::<Index>(), 1u8..12).prop_map(|(i, n)| Mutation::Delete(i, n)),
        any::<Index>().prop_map(Mutation::DuplicateLine),
        any::<Index>().prop_map(Mutation::DeleteLine),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        any::<Index>().prop_map(Mutation::Truncate),
    ]
}

/// `text` with the mutation applied (by characters, so the result stays UTF-8 unless a
/// NUL or control character is inserted).
fn apply(text: &str, m: &Mutation) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
    let at = |i: &Index, len: usize| if len == 0 { 0 } else { i.index(len) };
    match m {
        Mutation::Insert(i, c) => chars.insert(at(i, chars.len() + 1), SPECIAL[*c]),
        Mutation::Replace(i, c) if !chars.is_empty() => {
            let i = at(i, chars.len());
            chars[i] = SPECIAL[*c];
        }
        Mutation::Delete(i, n) if !chars.is_empty() => {
            let from = at(i, chars.len());
            let to = (from + *n as usize).min(chars.len());
            chars.drain(from..to);
        }
        Mutation::Truncate(i) => chars.truncate(at(i, chars.len() + 1)),
        Mutation::DuplicateLine(i) if !lines.is_empty() => {
            let i = at(i, lines.len());
            lines.insert(i, lines[i].clone());
            return lines.concat();
        }
        Mutation::DeleteLine(i) if !lines.is_empty() => {
            lines.remove(at(i, lines.len()));
            return lines.concat();
        }
        Mutation::SwapLines(a, b) if !lines.is_empty() => {
            let (a, b) = (at(a, lines.len()), at(b, lines.len()));
            lines.swap(a, b);
            return lines.concat();
        }
        _ => {}
    }
    chars.into_iter().collect()
}

struct Site {
    _dir: tempfile::TempDir,
    root: PathBuf,
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

/// The two sites, built once; a lock keeps one case at a time on each.
fn sites() -> &'static [Mutex<Site>; 2] {
    static SITES: OnceLock<[Mutex<Site>; 2]> = OnceLock::new();
    SITES.get_or_init(|| {
        let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let make = |event: bool| {
            let dir = tempfile::tempdir().unwrap();
            let root = dir.path().join("site");
            if event {
                copy_tree(&repo.join("tests/fixtures/event"), &root);
            } else {
                copy_tree(&repo.join("content"), &root.join("content"));
            }
            for part in ["locales", "themes"] {
                copy_tree(&repo.join(part), &root.join(part));
            }
            let (code, stderr) = run(&root).expect("the base builds");
            assert_eq!(code, Some(0), "{stderr}");
            Mutex::new(Site { _dir: dir, root })
        };
        [make(false), make(true)]
    })
}

/// Runs `hexaglot build`; `None` when it does not end within a minute.
fn run(root: &Path) -> Option<(Option<i32>, String)> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hexaglot"))
        .args(["build", "--root"])
        .arg(root)
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
            return Some((status.code(), reader.join().unwrap()));
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect()
}

/// Checks the diagnostics printed for a failed build: each names a file, and a line when
/// it names a file of the site (not a folder).
fn positioned(root: &Path, stderr: &str) -> Result<(), String> {
    let lines: Vec<&str> = stderr.lines().collect();
    let mut errors = 0;
    for (i, line) in lines.iter().enumerate() {
        if !line.starts_with("error: ") {
            continue;
        }
        errors += 1;
        let place = lines
            .get(i + 1)
            .and_then(|l| l.strip_prefix("  --> "))
            .ok_or_else(|| format!("an error without a file:\n{stderr}"))?;
        let mut parts = place.splitn(3, ':');
        let file = parts.next().unwrap_or_default();
        let line_no: usize = parts.next().and_then(|l| l.parse().ok()).unwrap_or(0);
        if root.join(file).is_file() && line_no == 0 {
            return Err(format!("an error in {file} without a line:\n{stderr}"));
        }
    }
    if errors == 0 {
        return Err(format!("a failed build without an error:\n{stderr}"));
    }
    Ok(())
}

/// Cases per site: `PROPTEST_CASES` counts both sites, so each gets half; the two
/// tests run in parallel.
fn cases() -> u32 {
    let total: u32 = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(24);
    total.div_ceil(2)
}

/// Mutates one file of the site, builds, and checks the outcome.
fn mutate_and_build(event: bool, file: &Index, m: &Mutation) -> Result<(), TestCaseError> {
    let site = sites()[usize::from(event)]
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    let files = if event { EVENT_FILES } else { FORUM_FILES };
    let path = site.root.join(files[file.index(files.len())]);
    let original = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, apply(&original, m)).unwrap();
    let public = site.root.join("public");
    let before = tree(&public);
    let result = run(&site.root);
    std::fs::write(&path, &original).unwrap();
    let (code, stderr) =
        result.ok_or_else(|| TestCaseError::fail("the build did not end within a minute"))?;
    prop_assert!(!stderr.contains("panicked"), "{stderr}");
    match code {
        Some(0) => {}
        Some(1) => {
            positioned(&site.root, &stderr).map_err(TestCaseError::fail)?;
            prop_assert!(tree(&public) == before, "a failed build changed the output");
        }
        other => prop_assert!(false, "exit status {other:?}:\n{stderr}"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_mutation_of_the_forum_builds_or_is_reported_at_its_place(
        file in any::<Index>(),
        m in mutation(),
    ) {
        mutate_and_build(false, &file, &m)?;
    }

    #[test]
    fn any_mutation_of_the_event_builds_or_is_reported_at_its_place(
        file in any::<Index>(),
        m in mutation(),
    ) {
        mutate_and_build(true, &file, &m)?;
    }
}
