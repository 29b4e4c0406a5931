//! Helpers of the deploy tests: external tools (skipped with a reason only outside CI),
//! a real static file server, a small HTTP client, headless Chromium.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// Whether `tool` can be run. Without it, a test prints why it skips; under `CI` it fails.
pub fn have(tool: &str, why: &str) -> bool {
    let found = Command::new(tool)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "`{tool}` is required under CI ({why}); .ci/run installs it"
        );
        eprintln!("skipped: `{tool}` is not installed ({why})");
    }
    found
}

/// Serves `root/public` under `/wsis/` with Python's http.server and builds the site at
/// `root` for that address; `None` (the test skips) when Python is missing outside CI.
pub fn serve_under_wsis(root: &Path) -> Option<Server> {
    if !have(
        "python3",
        "the test serves the site with Python's http.server",
    ) {
        return None;
    }
    let server = Server::start(&root.join("public"), "wsis");
    build_with(root, &format!("{}/wsis/", server.origin()));
    Some(server)
}

/// Builds the site at `root` into `root/public` with `base_url`.
pub fn build_with(root: &Path, base_url: &str) {
    let mut options = hexaglot::Options::new(root);
    options.base_url = Some(base_url.to_string());
    hexaglot::build(&options).unwrap_or_else(|e| panic!("build failed: {e}"));
}

/// Decodes `%XX` escapes (a URL path as the server sees it).
pub fn percent_decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(&path[i + 1..i + 3], 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).expect("UTF-8 after decoding")
}

/// A static file server (tests/fixtures/deploy/serve.py) serving `public` under
/// `/<sub>/`, answering missing files with `/<sub>/404.html` and status 404.
pub struct Server {
    child: Child,
    /// Its port on 127.0.0.1.
    pub port: u16,
    _root: tempfile::TempDir,
}

impl Server {
    /// Starts the server; `public` need not exist yet (it is linked, not copied).
    pub fn start(public: &Path, sub: &str) -> Server {
        let root = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(public, root.path().join(sub)).unwrap();
        let script = crate::common::repo().join("tests/fixtures/deploy/serve.py");
        let mut child = Command::new("python3")
            .arg(script)
            .arg(root.path())
            .arg(format!("{sub}/404.html"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 runs");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("serve.py printed {line:?}"));
        Server {
            child,
            port,
            _root: root,
        }
    }

    /// `http://127.0.0.1:<port>`.
    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A response: status, `Content-Type`, body.
pub struct Response {
    /// HTTP status.
    pub status: u16,
    /// The Content-Type header, lowercased.
    pub content_type: String,
    /// The body.
    pub body: Vec<u8>,
}

/// GETs `path` (percent-encoded as a browser would) from 127.0.0.1:`port`.
pub fn get(port: u16, path: &str) -> Response {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let target = hexaglot::xml::iri_to_uri(path);
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete response");
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let content_type = head
        .lines()
        .find_map(|l| {
            l.split_once(':')
                .filter(|(k, _)| k.eq_ignore_ascii_case("content-type"))
                .map(|(_, v)| v.trim().to_ascii_lowercase())
        })
        .unwrap_or_default();
    Response {
        status,
        content_type,
        body: raw[split + 4..].to_vec(),
    }
}

/// The Chromium binary, if any.
pub fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find(|name| {
            Command::new(name)
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok()
        })
        .map(PathBuf::from)
}

/// The DOM of `url` after its scripts ran, from headless Chromium; `None` (with a printed
/// reason) when Chromium is absent outside CI.
pub fn rendered_dom(url: &str) -> Option<String> {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "Chromium is required under CI; .ci/run installs it"
        );
        eprintln!("skipped: no Chromium to run the page's script");
        return None;
    };
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new(browser)
        .args([
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--virtual-time-budget=10000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--lang=en-US")
        .arg(url)
        .stderr(Stdio::null())
        .output()
        .expect("Chromium runs");
    assert!(output.status.success(), "Chromium failed on {url}");
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Runs `node` on `script` with `args`; its stdout. `None` (with a printed reason) when
/// Node is absent outside CI.
pub fn node(script: &Path, args: &[&str]) -> Option<String> {
    if !have("node", "the search script is checked under Node") {
        return None;
    }
    let output = Command::new("node")
        .arg(script)
        .args(args)
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "node {}: {}",
        script.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    Some(String::from_utf8(output.stdout).unwrap())
}

/// The URLs each of `queries` finds in the built index of `lang`, with the browser's
/// search code (`search.js`) under Node: `{query: [urls]}`. `None` as [`node`].
pub fn search(public: &Path, lang: &str, queries: &[&str]) -> Option<serde_json::Value> {
    let index = public.join(lang).join("search/index.json");
    let script = crate::common::repo().join("themes/agora/static/search.js");
    let mut args = vec![
        script.to_str().unwrap().to_string(),
        index.to_str().unwrap().to_string(),
    ];
    args.extend(queries.iter().map(|q| q.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    node(
        &crate::common::repo().join("tests/fixtures/deploy/search_query.cjs"),
        &args,
    )
    .map(|out| serde_json::from_str(&out).unwrap())
}

/// The URLs `search` found for `query`, best first.
pub fn search_urls(results: &serde_json::Value, query: &str) -> Vec<String> {
    results[query]
        .as_array()
        .unwrap_or_else(|| panic!("no results entry for {query}"))
        .iter()
        .map(|u| u.as_str().unwrap().to_string())
        .collect()
}

/// The Nu HTML Checker's jar, installed by `npm ci` (package.json). `None` (with a
/// printed reason) when it or Java is absent outside CI.
pub fn vnu_jar() -> Option<PathBuf> {
    let jar = crate::common::repo().join("node_modules/vnu-jar/build/dist/vnu.jar");
    if jar.is_file() && have("java", "the Nu HTML Checker runs on Java") {
        return Some(jar);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "vnu.jar is required under CI; .ci/run installs it"
    );
    eprintln!("skipped: no vnu.jar at {} (npm ci)", jar.display());
    None
}
