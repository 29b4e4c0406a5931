//! The web server: the site from memory, the live-reload script and its event stream.
//!
//! Files come from the last good build, held in memory, so a request never sees a
//! half-written file and nothing outside the site can be reached: a request path is
//! normalized (see [`super::paths`]) and looked up in the site's file map. Folders serve
//! their `index.html`; a folder without its trailing slash redirects to it; a missing
//! path gets the site's own 404 page, in the language its path starts with. Responses
//! say `Cache-Control: no-cache` with an `ETag`: the browser asks again each time, and
//! an unchanged file costs a `304`.

use std::convert::Infallible;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, RwLock};

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use bytes::Bytes;
use futures_util::Stream;
use tokio::sync::{broadcast, watch};

use super::csp;
use super::guard::{Guard, check};
use super::live::{self, LiveEvent, Messages};
use super::mime::content_type;
use super::paths::normalize;
use crate::incremental::Files;

/// What the server shares between requests and with the rebuild loop.
pub struct Shared {
    files: RwLock<Arc<Files>>,
    error: RwLock<Option<String>>,
    events: broadcast::Sender<LiveEvent>,
    messages: Arc<Messages>,
    /// Becomes `true` on Ctrl-C: event streams end so the server can stop.
    shutdown: watch::Receiver<bool>,
    /// Part of every ETag, so that a restarted server is never answered `304` for a page
    /// it serves with another script.
    instance: u64,
}

impl Shared {
    /// Serves nothing yet.
    pub fn new(shutdown: watch::Receiver<bool>) -> Shared {
        let instance = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        Shared {
            files: RwLock::new(Arc::default()),
            error: RwLock::new(None),
            events: broadcast::channel(64).0,
            messages: Arc::new(Messages::load()),
            shutdown,
            instance,
        }
    }

    /// The server's words in each language.
    pub fn messages(&self) -> Arc<Messages> {
        self.messages.clone()
    }

    fn files(&self) -> Arc<Files> {
        self.files.read().map(|f| f.clone()).unwrap_or_default()
    }

    /// A rebuild succeeded: serve `files` and tell open pages what changed.
    pub fn publish(&self, files: Arc<Files>, changed: Vec<String>, structure_changed: bool) {
        if let Ok(mut f) = self.files.write() {
            *f = files;
        }
        let was_failing = self
            .error
            .write()
            .map(|mut e| e.take().is_some())
            .unwrap_or(false);
        if was_failing {
            let _ = self.events.send(LiveEvent::Fixed);
        }
        if structure_changed || !changed.is_empty() {
            let _ = self.events.send(LiveEvent::Reload {
                files: changed,
                all: structure_changed,
            });
        }
    }

    /// A rebuild failed: keep serving the last good site and show `text` on open pages.
    pub fn fail(&self, text: String) {
        if let Ok(mut e) = self.error.write() {
            *e = Some(text.clone());
        }
        let _ = self.events.send(LiveEvent::Failed(text));
    }
}

/// The routes: the script, the event stream, and every file of the site, each behind
/// the guard (see [`super::guard`]).
pub fn router(shared: Arc<Shared>, guard: Guard) -> Router {
    Router::new()
        .route(live::SCRIPT_PATH, get(script))
        .route(live::EVENTS_PATH, get(events))
        .fallback(site_file)
        .with_state(shared)
        .layer(middleware::from_fn_with_state(Arc::new(guard), check))
}

async fn script() -> Response {
    let mut response = (StatusCode::OK, live::SCRIPT).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/javascript; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

async fn events(
    State(shared): State<Arc<Shared>>,
    uri: Uri,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let lang = uri
        .query()
        .unwrap_or("")
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="))
        .unwrap_or("")
        .to_string();
    let words = shared.messages.for_lang(&lang).clone();
    let receiver = shared.events.subscribe();
    let pending: Vec<LiveEvent> = shared
        .error
        .read()
        .ok()
        .and_then(|e| e.clone())
        .map(LiveEvent::Failed)
        .into_iter()
        .collect();
    let state = (receiver, pending, shared.shutdown.clone(), words);
    let stream = futures_util::stream::unfold(
        state,
        |(mut receiver, mut pending, mut shutdown, words)| async move {
            let event = match pending.pop() {
                Some(event) => event,
                None => loop {
                    if *shutdown.borrow() {
                        return None;
                    }
                    tokio::select! {
                        received = receiver.recv() => match received {
                            Ok(event) => break event,
                            // Too far behind to know what changed: reload everything.
                            Err(broadcast::error::RecvError::Lagged(_)) => break LiveEvent::Reload { files: Vec::new(), all: true },
                            Err(broadcast::error::RecvError::Closed) => return None,
                        },
                        _ = shutdown.changed() => {}
                    }
                },
            };
            let (name, data) = live::encode(&event, &words);
            Some((
                Ok(Event::default().event(name).data(data)),
                (receiver, pending, shutdown, words),
            ))
        },
    );
    Sse::new(stream).keep_alive(KeepAlive::default())
}

async fn site_file(
    State(shared): State<Arc<Shared>>,
    method: Method,
    headers: HeaderMap,
    uri: Uri,
) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut response = StatusCode::METHOD_NOT_ALLOWED.into_response();
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let Ok(path) = normalize(uri.path()) else {
        return bare(StatusCode::BAD_REQUEST);
    };
    let files = shared.files();
    let key = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.clone()
    };
    if let Some(bytes) = files.get(&key) {
        return file_response(&shared, &headers, StatusCode::OK, &key, bytes);
    }
    if files.contains_key(&format!("{path}/index.html")) {
        let location = format!(
            "/{}/{}",
            uri.path().trim_matches('/'),
            uri.query().map(|q| format!("?{q}")).unwrap_or_default()
        );
        let mut response = StatusCode::PERMANENT_REDIRECT.into_response();
        if let Ok(value) = HeaderValue::from_str(&location) {
            response.headers_mut().insert(header::LOCATION, value);
        }
        return response;
    }
    not_found(&files, &path)
}

/// The site's 404 page: `<lang>/404.html` when the path starts with a folder that has
/// one, else `404.html`; a blank page with the script while nothing has built.
fn not_found(files: &Files, path: &str) -> Response {
    let first = path.split('/').next().unwrap_or("");
    let page = [format!("{first}/404.html"), "404.html".to_string()]
        .into_iter()
        .find_map(|p| files.get(&p).map(|b| (p, b.clone())));
    let body = match page {
        Some((file, bytes)) => Bytes::from(live::inject(&bytes, &file)),
        None if files.is_empty() => Bytes::from(live::placeholder()),
        None => return bare(StatusCode::NOT_FOUND),
    };
    let policy = csp::for_html(&body);
    let mut response = (StatusCode::NOT_FOUND, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&policy) {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn file_response(
    shared: &Shared,
    request: &HeaderMap,
    status: StatusCode,
    key: &str,
    bytes: &Bytes,
) -> Response {
    let mut h = DefaultHasher::new();
    (shared.instance, key, bytes.as_ref()).hash(&mut h);
    let etag = format!("\"{:016x}\"", h.finish());
    let fresh = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    let mime = content_type(key);
    let html = mime
        .starts_with("text/html")
        .then(|| Bytes::from(live::inject(bytes, key)));
    // A `304` carries the policy too: it updates the headers the browser kept.
    let policy = html.as_deref().map(csp::for_html);
    let mut response = match html {
        _ if fresh => StatusCode::NOT_MODIFIED.into_response(),
        Some(html) => (status, html).into_response(),
        None => (status, bytes.clone()).into_response(),
    };
    let headers = response.headers_mut();
    if let Some(value) = policy.and_then(|p| HeaderValue::from_str(&p).ok()) {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    if !fresh {
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    response
}

/// A response with a status and no body.
fn bare(status: StatusCode) -> Response {
    let mut response = status.into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
