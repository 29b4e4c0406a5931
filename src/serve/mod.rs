//! `hexaglot serve`: build the site into memory, serve it, watch the sources, rebuild
//! incrementally and reload open pages.
//!
//! Three parts run side by side: the web server ([`http`], on tokio), the watcher
//! ([`watch`], notify's own threads) and the rebuild loop (one thread, which runs
//! the driver's [`crate::driver::Driver::rebuild`] on each batch of changes and hands the new site to
//! the server). Nothing is written to disk: the site lives in memory, so there is no
//! output folder to clean up when Ctrl-C stops everything.

mod csp;
mod guard;
mod http;
mod live;
mod mime;
pub mod paths;
mod watch;

use std::collections::HashSet;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::Duration;

use tokio::sync::watch as signal;

use crate::driver::{Driver, Options, Outcome};
use crate::error::Error;

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site's folder.
    pub root: PathBuf,
    /// The address to listen on (loopback by default).
    pub bind: IpAddr,
    /// The port; 0 picks a free one.
    pub port: u16,
    /// Opens the site in the default browser.
    pub open: bool,
    /// Builds drafts too.
    pub drafts: bool,
}

/// How long open connections may take to finish after Ctrl-C.
const GRACE: Duration = Duration::from_millis(300);

/// Serves the site until Ctrl-C, which stops it within half a second whatever a rebuild
/// is doing. Prints the address, one line per rebuild, and the
/// diagnostics of failed rebuilds; fails only when the server cannot start.
pub fn serve(options: ServeOptions) -> Result<(), Error> {
    let root =
        std::fs::canonicalize(&options.root).map_err(|e| Error::io("read", &options.root, e))?;
    // A folder without a site is refused at once, like `build` does, not served blank.
    crate::sources::Sources::load_config(&root, None, &HashSet::new())?;
    let address = SocketAddr::new(options.bind, options.port);
    let listener = std::net::TcpListener::bind(address)
        .map_err(|e| Error::io("listen on", Path::new(&address.to_string()), e))?;
    let address = listener
        .local_addr()
        .map_err(|e| Error::io("listen on", Path::new(&address.to_string()), e))?;
    listener
        .set_nonblocking(true)
        .map_err(|e| Error::io("listen on", Path::new(&address.to_string()), e))?;
    let url = format!("http://{}/", local_name(address));

    let (stop, stopped) = signal::channel(false);
    let shared = Arc::new(http::Shared::new(stopped));
    let mut site = Driver::incremental(Options {
        root: root.clone(),
        out: None,
        base_url: Some(url.clone()),
        drafts: options.drafts,
    });
    let initial: HashSet<PathBuf> = HashSet::new();
    match site.rebuild(&initial) {
        Ok(outcome) => {
            report_warnings(&outcome);
            println!(
                "built {} files in {:.0} ms",
                outcome.files.len(),
                outcome.millis
            );
            shared.publish(outcome.files, Vec::new(), false);
        }
        Err(e) => {
            crate::error::to_stderr([&e]);
            println!("the site does not build yet; fix the error and save: the page will reload");
            shared.fail(e.to_string());
        }
    }

    let (batches, incoming) = std::sync::mpsc::channel();
    let watcher = watch::watch(&root, batches)?;
    let rebuilder = {
        let shared = shared.clone();
        std::thread::spawn(move || rebuild_loop(site, &root, incoming, &shared))
    };

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::io("start", Path::new("the web server"), e))?;
    let mut stopping = stop.subscribe();
    let served = runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        println!("serving {url} (Ctrl-C to stop)");
        if options.open {
            open_browser(&url);
        }
        let guard = guard::Guard::new(address, url.clone(), shared.messages());
        let app = http::router(shared, guard);
        let server = axum::serve(listener, app).with_graceful_shutdown(async move {
            let _ = tokio::signal::ctrl_c().await;
            let _ = stop.send(true);
        });
        // Graceful, but only for a moment: a client that keeps its request open must not
        // keep the server from stopping.
        let deadline = async move {
            let _ = stopping.wait_for(|stopped| *stopped).await;
            tokio::time::sleep(GRACE).await;
        };
        tokio::select! {
            served = std::future::IntoFuture::into_future(server) => served,
            () = deadline => Ok(()),
        }
    });
    runtime.shutdown_timeout(Duration::from_millis(100));
    // The watcher stops without waiting for its thread, and the rebuild loop ends once
    // its channel closes. A rebuild still running — or stuck, say, opening a FIFO that no
    // one writes to — is not waited for: it writes nothing to disk, so it can simply end
    // with the process.
    drop(watcher);
    drop(rebuilder);
    served.map_err(|e| Error::io("serve", Path::new(&address.to_string()), e))?;
    println!("stopped");
    Ok(())
}

/// Rebuilds on each batch of changes (and on those that arrived meanwhile) until the
/// watcher stops.
fn rebuild_loop(
    mut site: Driver,
    root: &Path,
    incoming: Receiver<HashSet<PathBuf>>,
    shared: &http::Shared,
) {
    while let Ok(mut changed) = incoming.recv() {
        while let Ok(more) = incoming.try_recv() {
            changed.extend(more);
        }
        let what = describe_sources(root, &changed);
        match site.rebuild(&changed) {
            Ok(outcome) => {
                report_warnings(&outcome);
                println!("{what}: {}", describe_outcome(&outcome));
                // A page that was missing may be open on its 404 page: reload them all.
                let structure_changed = !outcome.removed.is_empty() || outcome.added > 0;
                shared.publish(outcome.files.clone(), outcome.changed, structure_changed);
            }
            Err(e) => {
                crate::error::to_stderr([&e]);
                println!("{what}: the site does not build; still serving the last good version");
                shared.fail(e.to_string());
            }
        }
    }
}

fn report_warnings(outcome: &Outcome) {
    crate::error::to_stderr(&outcome.warnings);
}

/// `content/about.fr.md` or `content/a.md, content/b.md and 3 more`.
fn describe_sources(root: &Path, changed: &HashSet<PathBuf>) -> String {
    let mut names: Vec<String> = changed
        .iter()
        .map(|p| {
            p.strip_prefix(root)
                .unwrap_or(p)
                .to_string_lossy()
                .replace('\\', "/")
        })
        .map(|p| {
            if p.is_empty() {
                "the site's folders".to_string()
            } else {
                p
            }
        })
        .collect();
    names.sort();
    match names.len() {
        0..=2 => names.join(", "),
        n => format!("{}, {} and {} more", names[0], names[1], n - 2),
    }
}

/// `re-rendered 1 of 50 pages, 1 file changed (fr/about/index.html) in 3 ms`.
fn describe_outcome(outcome: &Outcome) -> String {
    let mut files: Vec<&str> = outcome
        .changed
        .iter()
        .chain(&outcome.removed)
        .map(String::as_str)
        .collect();
    let shown = files.len().min(3);
    let more = files.len() - shown;
    files.truncate(shown);
    let list = match (files.is_empty(), more) {
        (true, _) => String::new(),
        (false, 0) => format!(" ({})", files.join(", ")),
        (false, n) => format!(" ({}, +{n})", files.join(", ")),
    };
    let count = outcome.changed.len() + outcome.removed.len();
    format!(
        "re-rendered {} of {} pages, {count} file{} changed{list} in {:.0} ms",
        outcome.rendered,
        outcome.jobs,
        if count == 1 { "" } else { "s" },
        outcome.millis
    )
}

/// The address as a browser should be sent to it: loopback when listening everywhere.
fn local_name(address: SocketAddr) -> String {
    match address.ip() {
        ip if ip.is_unspecified() && ip.is_ipv4() => format!("127.0.0.1:{}", address.port()),
        ip if ip.is_unspecified() => format!("[::1]:{}", address.port()),
        _ => address.to_string(),
    }
}

fn open_browser(url: &str) {
    let command = if cfg!(target_os = "macos") {
        std::process::Command::new("open").arg(url).spawn()
    } else if cfg!(windows) {
        std::process::Command::new("cmd")
            .args(["/C", "start", "", url])
            .spawn()
    } else {
        std::process::Command::new("xdg-open").arg(url).spawn()
    };
    if let Err(e) = command {
        eprintln!("warning: cannot open a browser ({e}); open {url} yourself");
    }
}
