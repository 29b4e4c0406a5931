//! Helpers for the preview server's tests: start `hexaglot serve --port 0` on a site,
//! send raw HTTP requests (raw, so that paths reach the server exactly as written), and
//! read its server-sent events.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// A running `hexaglot serve`.
pub struct Server {
    child: Child,
    /// Where it listens.
    pub address: SocketAddr,
    lines: Mutex<Receiver<String>>,
}

impl Server {
    /// Starts the server on the site at `root` and waits until it listens.
    pub fn start(root: &Path) -> Server {
        Server::start_with(root, &[])
    }

    /// Starts the server with more arguments (`--bind ::1`) and waits until it listens.
    pub fn start_with(root: &Path, args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_hexaglot"))
            .args(["serve", "--port", "0", "--root"])
            .arg(root)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("hexaglot starts");
        let (send, lines) = std::sync::mpsc::channel();
        for stream in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let send = send.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines() {
                    let Ok(line) = line else { break };
                    if send.send(line).is_err() {
                        break;
                    }
                }
            });
        }
        let mut server = Server {
            child,
            address: "127.0.0.1:1".parse().unwrap(),
            lines: Mutex::new(lines),
        };
        let line = server.wait_for("serving http://", Duration::from_secs(60));
        let url = line.split_whitespace().nth(1).unwrap();
        server.address = url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .parse()
            .unwrap();
        server
    }

    /// Waits for an output line containing `text` and returns it.
    pub fn wait_for(&self, text: &str, timeout: Duration) -> String {
        let deadline = Instant::now() + timeout;
        let mut seen = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.lock().unwrap().recv_timeout(left) {
                Ok(line) if line.contains(text) => return line,
                Ok(line) => seen.push(line),
                Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => {
                    panic!(
                        "no line with `{text}`; the server printed:\n{}",
                        seen.join("\n")
                    )
                }
            }
        }
    }

    /// `GET target`.
    pub fn get(&self, target: &str) -> Response {
        self.request("GET", target, &[])
    }

    /// Sends one request with `target` exactly as given.
    pub fn request(&self, method: &str, target: &str, headers: &[(&str, &str)]) -> Response {
        let mut stream = TcpStream::connect(self.address).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        let mut request = format!(
            "{method} {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
            self.address
        );
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str("\r\n");
        stream.write_all(request.as_bytes()).unwrap();
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw);
        Response::parse(&raw, method == "HEAD")
    }

    /// Sends `request` (a whole request head, `\r\n` line ends) as it is.
    pub fn raw(&self, request: &str) -> Response {
        let mut stream = TcpStream::connect(self.address).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw);
        Response::parse(&raw, request.starts_with("HEAD "))
    }

    /// Opens the event stream as a page in `lang` does.
    pub fn events(&self, lang: &str) -> Events {
        let mut stream = TcpStream::connect(self.address).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        let request = format!(
            "GET /__hexaglot/events?lang={lang} HTTP/1.1\r\nHost: {}\r\nAccept: text/event-stream\r\n\r\n",
            self.address
        );
        stream.write_all(request.as_bytes()).unwrap();
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        assert!(line.starts_with("HTTP/1.1 200"), "{line}");
        let mut chunked = false;
        loop {
            line.clear();
            reader.read_line(&mut line).unwrap();
            if line.trim().is_empty() {
                break;
            }
            chunked |= line
                .to_ascii_lowercase()
                .starts_with("transfer-encoding: chunked");
            if line.to_ascii_lowercase().starts_with("content-type:") {
                assert!(line.contains("text/event-stream"), "{line}");
            }
        }
        Events {
            reader,
            chunked,
            buffer: String::new(),
            deadline: Instant::now(),
        }
    }

    /// Sends Ctrl-C (SIGINT) and waits for the server to stop: how it ended, what it
    /// printed meanwhile, and how long it took from the signal.
    pub fn interrupt(mut self) -> (ExitStatus, Vec<String>, Duration) {
        let status = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let sent = Instant::now();
        let deadline = sent + Duration::from_secs(10);
        let exit = loop {
            if let Some(exit) = self.child.try_wait().unwrap() {
                break exit;
            }
            assert!(
                Instant::now() < deadline,
                "the server did not stop within 10 s of Ctrl-C"
            );
            std::thread::sleep(Duration::from_millis(2));
        };
        let took = sent.elapsed();
        let rest = self.lines.lock().unwrap().try_iter().collect();
        (exit, rest, took)
    }

    /// The lines printed so far and not yet read by [`Server::wait_for`].
    pub fn printed(&self) -> Vec<String> {
        self.lines.lock().unwrap().try_iter().collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP response.
#[derive(Debug)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// Headers, names in lower case.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Response {
    fn parse(raw: &[u8], head: bool) -> Response {
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or_else(|| panic!("no response: {:?}", String::from_utf8_lossy(raw)));
        let head_text = String::from_utf8_lossy(&raw[..split]).into_owned();
        let mut lines = head_text.split("\r\n");
        let status = lines
            .next()
            .unwrap()
            .split_whitespace()
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        let body = raw[split + 4..].to_vec();
        assert!(!head || body.is_empty(), "a HEAD response has no body");
        Response {
            status,
            headers,
            body,
        }
    }

    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The body as an HTML document.
    pub fn html(&self) -> scraper::Html {
        scraper::Html::parse_document(&self.text())
    }
}

/// A server-sent event stream.
pub struct Events {
    reader: BufReader<TcpStream>,
    chunked: bool,
    buffer: String,
    deadline: Instant,
}

impl Events {
    /// The next event: its name and data.
    pub fn next(&mut self) -> (String, String) {
        // Keep-alive comments keep the socket busy: time out on events, not on reads.
        self.deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                let mut name = String::from("message");
                let mut data = Vec::new();
                for line in block.lines() {
                    if let Some(n) = line.strip_prefix("event:") {
                        name = n.trim().to_string();
                    } else if let Some(d) = line.strip_prefix("data:") {
                        data.push(d.strip_prefix(' ').unwrap_or(d).to_string());
                    }
                }
                if data.is_empty() && name == "message" {
                    continue; // a keep-alive comment
                }
                return (name, data.join("\n"));
            }
            self.fill();
        }
    }

    /// The next event named `name`, skipping others.
    pub fn next_named(&mut self, name: &str) -> String {
        loop {
            let (n, data) = self.next();
            if n == name {
                return data;
            }
        }
    }

    fn fill(&mut self) {
        assert!(
            Instant::now() < self.deadline,
            "no event within 30 s; received so far: {:?}",
            self.buffer
        );
        if self.chunked {
            let mut size = String::new();
            self.reader
                .read_line(&mut size)
                .expect("an event arrives in time");
            let size = usize::from_str_radix(size.trim(), 16)
                .unwrap_or_else(|_| panic!("chunk size `{size}`"));
            let mut chunk = vec![0; size + 2];
            self.reader.read_exact(&mut chunk).unwrap();
            self.buffer
                .push_str(&String::from_utf8_lossy(&chunk[..size]));
        } else {
            let mut line = String::new();
            self.reader
                .read_line(&mut line)
                .expect("an event arrives in time");
            self.buffer.push_str(&line);
        }
    }
}

/// Replaces `from` by `to` in a file of the site, as an editor's atomic save does: the
/// new text goes to a temporary file that then takes the original's place.
pub fn save(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} has no `{from}`");
    let temp = path.with_extension("md.tmp~");
    std::fs::write(&temp, text.replacen(from, to, 1)).unwrap();
    std::fs::rename(&temp, &path).unwrap();
}
