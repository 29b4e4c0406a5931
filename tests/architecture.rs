//! The shape of the code, checked: imports point down the pipeline (no module imports
//! another that imports it back, at the level of top-level modules and of files), and
//! only the edges touch the disk. A change that breaks either rule fails here, naming
//! the modules or the file and line.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The files that may read or write the disk or start processes, and why.
const DISK_EDGES: [(&str, &str); 4] = [
    (
        "src/sources/",
        "the snapshot: the one walker, reader and git query",
    ),
    (
        "src/output/",
        "the writer: the only place that writes the output folder",
    ),
    (
        "src/serve/mod.rs",
        "the preview server: resolves its root, opens a browser",
    ),
    ("src/main.rs", "the command line"),
];

/// What reads or writes the disk, or starts a process.
const DISK_CALLS: [&str; 8] = [
    "std::fs::",
    "File::open",
    "File::create",
    "OpenOptions",
    "WalkDir",
    "walkdir::",
    "Command::new",
    "read_dir(",
];

/// Every source file of the crate: module path (`render::cards`) → (file, code
/// without its tests and comments).
fn modules() -> BTreeMap<String, (String, String)> {
    let src = common::repo().join("src");
    let mut modules = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let mut parts: Vec<&str> = rel.trim_end_matches(".rs").split('/').collect();
        if matches!(parts.last(), Some(&"mod") | Some(&"lib") | Some(&"main")) {
            parts.pop();
        }
        modules.insert(parts.join("::"), (format!("src/{rel}"), code_of(path)));
    }
    modules
}

/// The code of a file without its `#[cfg(test)]` module and its comments.
fn code_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    code.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The modules a file names (`crate::a::b`, `super::c`), each resolved to the longest
/// module path that exists; its own module and the modules above it are left out.
fn imports(module: &str, code: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let own: Vec<&str> = if module.is_empty() {
        Vec::new()
    } else {
        module.split("::").collect()
    };
    let parent = &own[..own.len().saturating_sub(1)];
    let mut found = BTreeSet::new();
    let bytes = code.as_bytes();
    for start in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(i) = code[from..].find(start) {
            let at = from + i;
            from = at + start.len();
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                continue;
            }
            let path: String = code[at..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let mut segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
            let mut base: Vec<&str> = if segments[0] == "crate" {
                Vec::new()
            } else {
                parent.to_vec()
            };
            segments.remove(0);
            while segments.first() == Some(&"super") {
                base.pop();
                segments.remove(0);
            }
            base.extend(segments);
            for k in (1..=base.len()).rev() {
                let candidate = base[..k].join("::");
                if known.contains(&candidate) {
                    if candidate != module && !module.starts_with(&format!("{candidate}::")) {
                        found.insert(candidate);
                    }
                    break;
                }
            }
        }
    }
    found
}

/// The edges of `graph` that lie on a cycle.
fn cyclic_edges(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<(String, String)> {
    let mut edges = Vec::new();
    for (a, targets) in graph {
        for b in targets {
            let mut seen = BTreeSet::new();
            let mut stack = vec![b.clone()];
            while let Some(x) = stack.pop() {
                if x == *a {
                    edges.push((a.clone(), b.clone()));
                    break;
                }
                if seen.insert(x.clone()) {
                    stack.extend(graph.get(&x).into_iter().flatten().cloned());
                }
            }
        }
    }
    edges
}

/// Files import no file that imports them back, and top-level modules no module that
/// imports them back: the pipeline's stages depend on the ones before them only.
#[test]
fn no_module_imports_one_that_imports_it_back() {
    let modules = modules();
    let known: BTreeSet<String> = modules.keys().cloned().collect();
    let mut files: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut tops: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, (_, code)) in &modules {
        let targets = imports(module, code, &known);
        let top = |m: &str| m.split("::").next().unwrap_or("").to_string();
        for t in &targets {
            if top(t) != top(module) {
                tops.entry(top(module)).or_default().insert(top(t));
            }
        }
        files.insert(module.clone(), targets);
    }
    let mut cycles = cyclic_edges(&tops);
    cycles.extend(cyclic_edges(&files));
    assert!(
        cycles.is_empty(),
        "imports that go both ways (a → b where b leads back to a):\n{}",
        cycles
            .iter()
            .map(|(a, b)| format!("  {a} → {b}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    // The check itself finds cycles.
    let mut toy = BTreeMap::new();
    toy.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    toy.insert("b".to_string(), BTreeSet::from(["a".to_string()]));
    assert_eq!(cyclic_edges(&toy).len(), 2);
}

/// Only the snapshot of the sources, the writer and the commands touch the disk.
#[test]
fn only_the_edges_touch_the_disk() {
    let mut found = Vec::new();
    for (file, code) in modules().into_values() {
        if DISK_EDGES.iter().any(|(edge, _)| file.starts_with(edge)) {
            continue;
        }
        for line in code.lines() {
            if let Some(call) = DISK_CALLS.iter().find(|c| line.contains(*c)) {
                found.push(format!("  {file}: `{call}` in `{}`", line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "disk access outside {}:\n{}",
        DISK_EDGES
            .iter()
            .map(|(e, why)| format!("{e} ({why})"))
            .collect::<Vec<_>>()
            .join(", "),
        found.join("\n")
    );
}

/// The user guide's architecture page names every folder of `src/` and nothing that is
/// not there, so that its picture of the stages follows the code.
#[test]
fn the_architecture_page_names_what_src_holds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let page = std::fs::read_to_string(root.join("docs/architecture.md")).unwrap();
    let named: BTreeSet<String> = page
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| s.starts_with("src/"))
        .map(|s| s.split(['#', ' ']).next().unwrap().to_string())
        .collect();
    let missing: Vec<&String> = named
        .iter()
        .filter(|p| !root.join(p.trim_end_matches("::")).exists())
        .collect();
    assert!(missing.is_empty(), "named but not in src/: {missing:?}");
    let folders: Vec<String> = std::fs::read_dir(root.join("src"))
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_dir())
        .map(|e| format!("src/{}/", e.file_name().to_string_lossy()))
        .filter(|f| !named.contains(f))
        .collect();
    assert!(
        folders.is_empty(),
        "folders of src/ the page does not name: {folders:?}"
    );
}
