//! What every request and response of the preview server goes through.
//!
//! **Only its own host.** A page on another site can make its own name resolve to
//! 127.0.0.1 (DNS rebinding) and then read the preview — the site, and the error events,
//! which carry paths and source lines — as if it were its own. Its requests still name
//! that other site in `Host`, so a request whose host is not an address of this server
//! is refused with `421 Misdirected Request`, and one without a host with `400`.
//!
//! **Headers.** Every response forbids framing by another site (`X-Frame-Options`, and
//! `frame-ancestors` in the policy), sends no referrer on, is never sniffed for another
//! type, and carries a Content-Security-Policy (see [`super::csp`]); HTML pages get their
//! own, made when they are served.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::uri::Authority;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::live::Messages;

/// The addresses the server answers to.
#[derive(Debug, Clone, Copy)]
pub struct Origin {
    bind: IpAddr,
    port: u16,
}

impl Origin {
    /// The server listening at `address` (the address it is bound to, with the port it
    /// got).
    pub fn new(address: SocketAddr) -> Origin {
        Origin {
            bind: address.ip(),
            port: address.port(),
        }
    }

    /// Whether `host` (a `Host` header, or the authority of a request target) names this
    /// server: `localhost`, `127.0.0.1`, `[::1]` or the address it is bound to, with its
    /// port. Bound to every interface (`0.0.0.0`, `::`), it answers to any IP address with
    /// its port: a name may have been rebound by DNS, an address cannot.
    pub fn accepts(&self, host: &str) -> bool {
        let Ok(authority) = host.parse::<Authority>() else {
            return false;
        };
        if authority.as_str().contains('@') || authority.port_u16().unwrap_or(80) != self.port {
            return false;
        }
        let name = authority.host();
        if name.eq_ignore_ascii_case("localhost") {
            return true;
        }
        let ip = match name.strip_prefix('[').and_then(|n| n.strip_suffix(']')) {
            Some(v6) => v6.parse::<Ipv6Addr>().map(IpAddr::V6),
            None => name.parse::<Ipv4Addr>().map(IpAddr::V4),
        };
        ip.is_ok_and(|ip| {
            ip == IpAddr::V4(Ipv4Addr::LOCALHOST)
                || ip == IpAddr::V6(Ipv6Addr::LOCALHOST)
                || ip == self.bind
                || self.bind.is_unspecified()
        })
    }
}

/// What the guard needs: the server's addresses, its URL, and its words.
pub struct Guard {
    origin: Origin,
    url: String,
    messages: Arc<Messages>,
}

impl Guard {
    /// A guard for the server at `address`, whose pages link to `url`.
    pub fn new(address: SocketAddr, url: String, messages: Arc<Messages>) -> Guard {
        Guard {
            origin: Origin::new(address),
            url,
            messages,
        }
    }
}

/// The middleware: refuses requests for other hosts, and adds the headers every
/// response carries.
pub async fn check(State(guard): State<Arc<Guard>>, request: Request, next: Next) -> Response {
    let hosts = request.headers().get_all(header::HOST);
    let host = match (request.uri().authority(), hosts.iter().count()) {
        // An absolute request target wins over `Host` (RFC 9112, section 3.2.2).
        (Some(authority), _) => Some(authority.as_str()),
        (None, 1) => hosts.iter().next().and_then(|h| h.to_str().ok()),
        (None, _) => None,
    };
    let mut response = match host {
        Some(host) if guard.origin.accepts(host) => next.run(request).await,
        Some(_) => refuse(&guard, request.headers()),
        None => StatusCode::BAD_REQUEST.into_response(),
    };
    secure(response.headers_mut());
    response
}

/// `421 Misdirected Request`, in the reader's language, naming the server's address.
fn refuse(guard: &Guard, request: &HeaderMap) -> Response {
    let lang = request
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split([',', ';']).next())
        .unwrap_or("")
        .trim();
    let text = guard.messages.refused(lang, &guard.url) + "\n";
    let mut response = (StatusCode::MISDIRECTED_REQUEST, text).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The headers of every response; a page's own policy is kept.
fn secure(headers: &mut HeaderMap) {
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY)
        && let Ok(policy) = HeaderValue::from_str(&super::csp::base())
    {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_names_and_the_bound_address_with_the_port() {
        let loopback = Origin::new("127.0.0.1:1111".parse().unwrap());
        for host in [
            "127.0.0.1:1111",
            "localhost:1111",
            "LOCALHOST:1111",
            "[::1]:1111",
        ] {
            assert!(loopback.accepts(host), "{host}");
        }
        for host in [
            "127.0.0.1",
            "127.0.0.1:1112",
            "localhost",
            "evil.example:1111",
            "localhost.evil.example:1111",
            "127.0.0.1.nip.io:1111",
            "192.168.1.5:1111",
            "user@127.0.0.1:1111",
            "[::1]",
            "::1:1111",
            "127.0.0.1:1111/x",
            "",
        ] {
            assert!(!loopback.accepts(host), "{host}");
        }
        let lan = Origin::new("192.168.1.5:1111".parse().unwrap());
        assert!(lan.accepts("192.168.1.5:1111") && lan.accepts("localhost:1111"));
        assert!(!lan.accepts("10.0.0.7:1111"));
        let v6 = Origin::new("[fe80::1]:8080".parse().unwrap());
        assert!(v6.accepts("[fe80::1]:8080") && v6.accepts("[::1]:8080"));
        assert!(!v6.accepts("[fe80::2]:8080"));
        let everywhere = Origin::new("0.0.0.0:80".parse().unwrap());
        assert!(everywhere.accepts("10.0.0.7") && everywhere.accepts("[2001:db8::1]:80"));
        assert!(!everywhere.accepts("myhost.example") && !everywhere.accepts("10.0.0.7:81"));
    }
}
