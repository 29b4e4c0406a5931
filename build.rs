//! Embeds the bundled theme (`themes/agora/`) and the example site that `hexaglot init`
//! writes (`src/init/skeleton/`) in the binary: a list of `(path, bytes)` per folder,
//! made with `include_bytes!`, so `init` needs nothing beside the binary. Cargo runs
//! this again whenever a file of either folder changes.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut code = String::new();
    for (name, folder) in [("THEME", "themes/agora"), ("SKELETON", "src/init/skeleton")] {
        let dir = Path::new(&root).join(folder);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files = Vec::new();
        collect(&dir, &dir, &mut files);
        files.sort();
        writeln!(
            code,
            "/// Every file of `{folder}/`: path (with `/`) and bytes."
        )
        .unwrap();
        writeln!(code, "pub static {name}: &[(&str, &[u8])] = &[").unwrap();
        for rel in files {
            let path = dir.join(&rel);
            writeln!(
                code,
                "    ({rel:?}, include_bytes!({:?})),",
                path.display().to_string()
            )
            .unwrap();
        }
        writeln!(code, "];").unwrap();
    }
    std::fs::write(Path::new(&out).join("embedded.rs"), code).expect("OUT_DIR is writable");
}

fn collect(base: &Path, dir: &Path, files: &mut Vec<String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a readable folder").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(base, &path, files);
        } else {
            let rel = path.strip_prefix(base).expect("inside the folder");
            let rel: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            files.push(rel.join("/"));
        }
    }
}
