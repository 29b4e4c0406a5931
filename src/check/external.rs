//! `hexaglot check --external`: whether the links to other sites still lead somewhere.
//!
//! Every `http:` and `https:` URL of the generated pages is asked for once (`HEAD`, then
//! `GET` where a server refuses `HEAD`), by a few threads, never more than two at a
//! time per host, with a timeout. Answers are kept for a day in hexaglot's cache folder
//! (`.hexaglot/cache/links/checked.json`), so that a second run within the day asks
//! nothing. A link is dead when the server answers 404, 410 or another error status
//! (or 5xx), or when it cannot be reached; 429 ("too many requests") and 401/403
//! (private pages) are not reported, as the page may well be there.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::sources::CacheDir;

/// How the external check runs.
#[derive(Debug, Clone)]
pub struct ExternalOptions {
    /// How long one request may take.
    pub timeout: Duration,
    /// How long an answer is reused.
    pub max_age: Duration,
    /// Threads asking at once.
    pub threads: usize,
    /// Requests at once to one host.
    pub per_host: usize,
}

impl Default for ExternalOptions {
    fn default() -> ExternalOptions {
        ExternalOptions {
            timeout: Duration::from_secs(10),
            max_age: Duration::from_secs(24 * 3600),
            threads: 8,
            per_host: 2,
        }
    }
}

/// What a URL answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checked {
    /// Seconds since 1970 when it was asked.
    pub at: u64,
    /// `None` when the link works; else why it is dead.
    pub dead: Option<String>,
}

/// The answers kept between runs.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Answers {
    urls: BTreeMap<String, Checked>,
}

const CACHE_FILE: &str = "checked.json";

/// Checks `urls`, reusing the answers of the cache of the site in `root` that are
/// younger than `options.max_age`. Returns each URL's answer and how many were asked.
pub fn check_urls(
    root: &std::path::Path,
    urls: &[String],
    options: &ExternalOptions,
) -> (BTreeMap<String, Checked>, usize) {
    let cache = CacheDir::open_folder(root, "links").ok();
    let mut answers: Answers = cache
        .as_ref()
        .and_then(|c| c.read(CACHE_FILE))
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default();
    let now = now();
    let fresh = |c: &Checked| now.saturating_sub(c.at) < options.max_age.as_secs();
    let to_ask: Vec<&String> = urls
        .iter()
        .filter(|u| !answers.urls.get(*u).is_some_and(fresh))
        .collect();
    let asked = to_ask.len();
    for (url, checked) in ask_all(&to_ask, options) {
        answers.urls.insert(url, checked);
    }
    if let Some(cache) = &cache
        && asked > 0
        && let Ok(json) = serde_json::to_vec_pretty(&answers)
    {
        let _ = cache.write(CACHE_FILE, &json);
    }
    let result = urls
        .iter()
        .filter_map(|u| Some((u.clone(), answers.urls.get(u)?.clone())))
        .collect();
    (result, asked)
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Asks every URL: the URLs of one host are split into `per_host` lanes, and the
/// threads take lanes one at a time, so a host never has more than `per_host`
/// requests at once.
fn ask_all(urls: &[&String], options: &ExternalOptions) -> Vec<(String, Checked)> {
    let mut by_host: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for url in urls {
        by_host.entry(host(url)).or_default().push((*url).clone());
    }
    let mut lanes: VecDeque<Vec<String>> = VecDeque::new();
    for (_, list) in by_host {
        let n = options.per_host.max(1);
        let mut split: Vec<Vec<String>> = vec![Vec::new(); n];
        for (i, url) in list.into_iter().enumerate() {
            split[i % n].push(url);
        }
        lanes.extend(split.into_iter().filter(|l| !l.is_empty()));
    }
    let lanes = Mutex::new(lanes);
    let results = Mutex::new(Vec::new());
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout))
        .http_status_as_error(false)
        .user_agent(concat!(
            "hexaglot/",
            env!("CARGO_PKG_VERSION"),
            " (link check)"
        ))
        .build()
        .into();
    let threads = options.threads.max(1).min(urls.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let lane = lanes.lock().map(|mut l| l.pop_front());
                    let Ok(Some(lane)) = lane else { break };
                    for url in lane {
                        let checked = Checked {
                            dead: ask(&agent, &url),
                            at: now(),
                        };
                        if let Ok(mut r) = results.lock() {
                            r.push((url, checked));
                        }
                    }
                }
            });
        }
    });
    results.into_inner().unwrap_or_default()
}

/// `None` when the URL leads somewhere; else why not.
fn ask(agent: &ureq::Agent, url: &str) -> Option<String> {
    let status = match agent.head(url).call() {
        Ok(r) => r.status().as_u16(),
        Err(e) => return Some(reason(&e)),
    };
    // Some servers refuse HEAD (405, 501) or answer it wrongly: ask with GET.
    let status = if matches!(status, 400 | 403 | 404 | 405 | 501) {
        match agent.get(url).call() {
            Ok(r) => r.status().as_u16(),
            Err(e) => return Some(reason(&e)),
        }
    } else {
        status
    };
    match status {
        200..=399 | 401 | 403 | 429 => None,
        code => Some(format!("HTTP {code}")),
    }
}

fn reason(e: &ureq::Error) -> String {
    match e {
        ureq::Error::Timeout(_) => "no answer in time".to_string(),
        ureq::Error::HostNotFound => "the host does not exist".to_string(),
        ureq::Error::Io(io) => format!("cannot connect: {io}"),
        other => other.to_string(),
    }
}

/// The host and port of a URL, for the per-host limit (the URL itself when it has none).
fn host(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(u) => match (u.host_str(), u.port()) {
            (Some(host), Some(port)) => format!("{host}:{port}"),
            (Some(host), None) => host.to_string(),
            (None, _) => url.to_string(),
        },
        Err(_) => url.to_string(),
    }
}

/// Every external URL of the generated pages, with the pages it is on.
pub fn collect<'a>(
    pages: impl Iterator<Item = (&'a str, &'a [super::html::Link])>,
) -> HashMap<String, Vec<&'a str>> {
    let mut urls: HashMap<String, Vec<&'a str>> = HashMap::new();
    for (page, links) in pages {
        for link in links {
            let url = link.url.trim();
            let lower = url.to_ascii_lowercase();
            if !(lower.starts_with("http://") || lower.starts_with("https://")) {
                continue;
            }
            let url = url.split('#').next().unwrap_or(url).to_string();
            let on = urls.entry(url).or_default();
            if !on.contains(&page) {
                on.push(page);
            }
        }
    }
    urls
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_lanes() {
        assert_eq!(host("https://Example.org:8443/a?b"), "example.org:8443");
        assert_eq!(host("http://x.org"), "x.org");
    }
}
