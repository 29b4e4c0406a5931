//! Every example of the user guide (`docs/*.md`) is built, so the guide cannot drift
//! from the code.
//!
//! Each page of the guide gets a fresh site made by `hexaglot init` (the six UN
//! languages; a page may say otherwise with a comment `<!-- example-site: --languages
//! ar,en --default ar -->`). Its fenced code blocks are then applied in order, as their
//! info string says:
//!
//! - ` ```yaml file=content/data/sponsors.yaml ` writes the block to that file;
//! - ` ```yaml file=content/site.yaml merge ` sets the block's top-level keys in that file;
//! - ` ```ftl file=locales/en/site.ftl append ` adds the block to the end of that file;
//! - ` ```text output=en/about/index.html select=".sponsors li" ` is what the built page
//!   shows: the text of each element the selector finds, one per line;
//! - ` ```html output=… select=… html ` the same, as the elements' HTML, and
//!   ` attr=dir ` as the value of their attribute `dir`;
//! - ` ```text error ` is the start of the first error the build reports; the file
//!   block that broke the site says `breaks`, and the page's blocks after the error
//!   start from the site as it was before that block.
//!
//! - ` ```yaml tested-by=tests/x.rs ` is built by that test, which reads it from the page.
//!
//! A comment `<!-- example-image: content/venue/map.png 1000x600 -->` (invisible on the
//! rendered page) makes an image of that size and format at that place, for the examples
//! after it that show images.
//!
//! After the blocks, the site must build, and, unless the page's comment says
//! `no-check`, `hexaglot check` must find no error. A block of YAML, Markdown, Fluent or
//! a template with none of these is an example no test builds: the test fails on it.

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// One fenced block.
struct Block {
    line: usize,
    lang: String,
    info: Vec<String>,
    body: String,
}

impl Block {
    fn value(&self, key: &str) -> Option<String> {
        let prefix = format!("{key}=");
        let i = self.info.iter().position(|w| w.starts_with(&prefix))?;
        let mut value = self.info[i][prefix.len()..].to_string();
        // A quoted value may hold spaces: `select=".a b"`.
        if value.starts_with('"') {
            let mut j = i;
            while !(value.len() > 1 && value.ends_with('"')) && j + 1 < self.info.len() {
                j += 1;
                value.push(' ');
                value.push_str(&self.info[j]);
            }
            value = value.trim_matches('"').to_string();
        }
        Some(value)
    }

    fn has(&self, word: &str) -> bool {
        self.info.iter().any(|w| w == word)
    }
}

fn blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut lines = text.lines().enumerate();
    while let Some((i, line)) = lines.next() {
        if let Some(rest) = line.trim().strip_prefix("<!-- example-image:") {
            let info = rest.trim_end_matches("-->").split_whitespace();
            blocks.push(Block {
                line: i + 1,
                lang: "example-image".into(),
                info: info.map(str::to_string).collect(),
                body: String::new(),
            });
            continue;
        }
        let Some(info) = line.trim_start().strip_prefix("```") else {
            continue;
        };
        let mut words = info.split_whitespace().map(str::to_string);
        let lang = words.next().unwrap_or_default();
        let mut body = String::new();
        for (_, l) in lines.by_ref() {
            if l.trim_start().starts_with("```") {
                break;
            }
            body.push_str(l);
            body.push('\n');
        }
        blocks.push(Block {
            line: i + 1,
            lang,
            info: words.collect(),
            body,
        });
    }
    blocks
}

/// The languages of examples that must be built.
const BUILT: [&str; 7] = ["yaml", "markdown", "md", "ftl", "jinja", "tera", "toml"];

fn guide_pages() -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(repo().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    pages.sort();
    pages
}

/// The page's `<!-- example-site: … -->` settings.
fn settings(text: &str) -> (hexaglot::init::InitOptions, bool) {
    let mut options = hexaglot::init::InitOptions::default();
    let mut check = true;
    if let Some(start) = text.find("<!-- example-site:") {
        let rest = &text[start + "<!-- example-site:".len()..];
        let words: Vec<&str> = rest[..rest.find("-->").unwrap()]
            .split_whitespace()
            .collect();
        let mut i = 0;
        while i < words.len() {
            match words[i] {
                "--languages" => {
                    options.languages = Some(hexaglot::init::split(words[i + 1]));
                    i += 1;
                }
                "--default" => {
                    options.default = Some(words[i + 1].to_string());
                    i += 1;
                }
                "--at-root" => options.at_root = Some(true),
                "no-check" => check = false,
                other => panic!("unknown example-site setting {other}"),
            }
            i += 1;
        }
    }
    (options, check)
}

#[test]
fn every_example_of_the_user_guide_builds() {
    let mut problems = Vec::new();
    let mut built = 0;
    for page in guide_pages() {
        let text = std::fs::read_to_string(&page).unwrap();
        let name = page.strip_prefix(repo()).unwrap().display().to_string();
        built += run_page(&name, &text, &mut problems);
    }
    assert!(built > 20, "only {built} examples were built");
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// Applies and checks the examples of one page; returns how many blocks were built.
fn run_page(name: &str, text: &str, problems: &mut Vec<String>) -> usize {
    let (options, check) = settings(text);
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    hexaglot::init::init(
        &hexaglot::init::InitOptions {
            dir: root.clone(),
            ..options
        },
        None,
    )
    .unwrap();
    let mut count = 0;
    let mut saved: Option<tempfile::TempDir> = None;
    for block in blocks(text) {
        let at = format!("{name}:{}", block.line);
        if block.lang == "example-image" {
            make_image(&root, &block.info);
        } else if let Some(file) = block.value("file") {
            count += 1;
            if block.has("breaks") {
                let copy = tempfile::tempdir().unwrap();
                copy_tree(&root, copy.path());
                saved = Some(copy);
            }
            apply(&root, &file, &block);
        } else if let Some(output) = block.value("output") {
            count += 1;
            if let Err(e) = build(&root) {
                problems.push(format!("{at}: the site does not build:\n{e}"));
                return count;
            }
            let shown = shown(&root.join("public"), &output, &block);
            let want: Vec<&str> = block.body.lines().map(str::trim).collect();
            if shown != want {
                problems.push(format!(
                    "{at}: the page shows\n{}\nbut the guide says\n{}",
                    shown.join("\n"),
                    want.join("\n")
                ));
            }
        } else if block.has("error") {
            count += 1;
            match build(&root) {
                Ok(_) => problems.push(format!("{at}: the guide shows an error, the site builds")),
                Err(e) => {
                    let first = e
                        .diagnostics()
                        .first()
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| e.to_string());
                    let want = block.body.trim_end();
                    if !first.starts_with(want) {
                        problems.push(format!(
                            "{at}: the error is\n{first}\nbut the guide says\n{want}"
                        ));
                    }
                }
            }
            // The page goes on from the site as it was before the faulty example.
            if let Some(copy) = saved.take() {
                std::fs::remove_dir_all(&root).unwrap();
                copy_tree(copy.path(), &root);
            }
        } else if let Some(test) = block.value("tested-by") {
            let reads = std::fs::read_to_string(repo().join(&test)).is_ok_and(|t| t.contains(name));
            if !reads {
                problems.push(format!("{at}: {test} does not read {name}"));
            }
        } else if BUILT.contains(&block.lang.as_str()) {
            problems.push(format!(
                "{at}: a ```{} example that no test builds: give it file=…, output=… or error",
                block.lang
            ));
        }
    }
    match build(&root) {
        Err(e) => problems.push(format!(
            "{name}: the site of its examples does not build:\n{e}"
        )),
        Ok(_) if check => {
            let report = hexaglot::check::check(&hexaglot::Options::new(&root)).unwrap();
            if hexaglot::check::exit_code(&report) != 0 {
                problems.push(format!(
                    "{name}: hexaglot check finds errors in the site of its examples:\n{}",
                    report.render(hexaglot::check::Format::Table)
                ));
            }
        }
        Ok(_) => {}
    }
    count
}

/// Writes the image an `example-image` comment asks for: `[path, "WxH"]`, a gradient
/// (so that every resized version differs), in the format of the path's extension.
fn make_image(root: &Path, info: &[String]) {
    let [path, size] = info else {
        panic!("example-image wants a path and a size: {info:?}");
    };
    let (w, h) = size.split_once('x').expect("a size is WxH");
    let (w, h): (u32, u32) = (w.parse().unwrap(), h.parse().unwrap());
    let image = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x * 255 / w) as u8, (y * 255 / h) as u8, 128])
    });
    let path = root.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    image.save(&path).unwrap();
}

fn apply(root: &Path, file: &str, block: &Block) {
    let path = root.join(file);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    if block.has("merge") {
        // JSON is YAML: the merged document is written as JSON, which site.yaml accepts.
        let mut doc: serde_json::Map<String, serde_json::Value> =
            serde_saphyr::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let part: serde_json::Map<String, serde_json::Value> =
            serde_saphyr::from_str(&block.body).unwrap();
        doc.extend(part);
        std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    } else if block.has("append") {
        let mut text = std::fs::read_to_string(&path).unwrap_or_default();
        text.push('\n');
        text.push_str(&block.body);
        std::fs::write(&path, text).unwrap();
    } else {
        std::fs::write(&path, &block.body).unwrap();
    }
}

/// What the page shows for the block's selector.
fn shown(public: &Path, output: &str, block: &Block) -> Vec<String> {
    let doc = page(public, output);
    let selector = block.value("select").unwrap_or_else(|| "main".into());
    let sel = scraper::Selector::parse(&selector).unwrap();
    let attr = block.value("attr");
    doc.select(&sel)
        .map(|e| {
            if let Some(a) = &attr {
                e.value().attr(a).unwrap_or_default().to_string()
            } else if block.has("html") {
                e.html()
            } else {
                e.text()
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            }
        })
        .collect()
}
