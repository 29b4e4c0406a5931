//! The preview's Content-Security-Policy.
//!
//! The policy lets a page do what the page itself carries and nothing else of the kind
//! that reads or sends the preview's contents: scripts run only from the preview's own
//! origin, from the hosts the page's `<script src>` elements name, and inline when their
//! text is the page's own (each inline script is allowed by its SHA-256, computed as the
//! page is served, so the site's inline scripts work exactly as built while inline event
//! handlers and `javascript:` URLs do not); connections (`fetch`, the live-reload
//! `EventSource`) go only to the preview; plugins and `<base>` elsewhere are refused,
//! and no other site may frame it. Styles, images, fonts, media and frames may also come
//! from `https:`, so that a page that embeds them previews as it will be published.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use scraper::{Html, Selector};
use sha2::{Digest, Sha256};

/// The directives after `script-src`, the same for every response.
const REST: &str = "style-src 'self' 'unsafe-inline' https:; img-src 'self' data: https:; \
font-src 'self' data: https:; media-src 'self' https:; frame-src 'self' https:; \
connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self' https:; \
frame-ancestors 'none'";

/// The policy of a response that is not an HTML page (no inline script to allow).
pub fn base() -> String {
    format!("default-src 'self'; script-src 'self'; {REST}")
}

/// The policy of an HTML page as served (with the live-reload script in it).
pub fn for_html(html: &[u8]) -> String {
    let document = Html::parse_document(&String::from_utf8_lossy(html));
    let Ok(scripts) = Selector::parse("script") else {
        return base();
    };
    let mut sources = vec!["'self'".to_string()];
    for script in document.select(&scripts) {
        let element = script.value();
        let source = match element.attr("src") {
            Some(src) => origin_of(src),
            None if is_javascript(element.attr("type")) => {
                let text: String = script.text().collect();
                Some(format!(
                    "'sha256-{}'",
                    STANDARD.encode(Sha256::digest(text.as_bytes()))
                ))
            }
            None => None,
        };
        if let Some(source) = source.filter(|s| !sources.contains(s)) {
            sources.push(source);
        }
    }
    format!(
        "default-src 'self'; script-src {}; {REST}",
        sources.join(" ")
    )
}

/// Whether a `<script type>` is run as JavaScript (a data block such as JSON-LD is not,
/// and needs no permission).
fn is_javascript(kind: Option<&str>) -> bool {
    let Some(kind) = kind.map(|k| k.trim().to_ascii_lowercase()) else {
        return true;
    };
    kind.is_empty()
        || kind == "module"
        || kind.contains("javascript")
        || kind.contains("ecmascript")
}

/// The origin of an absolute script URL (`https://cdn.example.org/x.js` →
/// `https://cdn.example.org`; `//maps.example.net/m.js` → `maps.example.net`, any
/// scheme); `None` for a URL on the preview itself. The WHATWG URL parser gives the
/// host in ASCII, and a URL whose host is not one (`https://evil.example; script-src *`)
/// adds nothing, so a URL cannot add a directive.
fn origin_of(src: &str) -> Option<String> {
    let src = src.trim();
    let relative = src.starts_with("//");
    let url = if relative {
        url::Url::parse(&format!("https:{src}")).ok()?
    } else {
        url::Url::parse(src).ok()?
    };
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    let host = url.host_str()?;
    let port = url.port().map(|p| format!(":{p}")).unwrap_or_default();
    let scheme = if relative {
        String::new()
    } else {
        format!("{}://", url.scheme())
    };
    Some(format!("{scheme}{host}{port}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn script_src(policy: &str) -> Vec<&str> {
        policy
            .split(';')
            .find_map(|d| d.trim().strip_prefix("script-src "))
            .unwrap()
            .split(' ')
            .collect()
    }

    #[test]
    fn inline_scripts_are_allowed_by_their_hash_and_data_blocks_need_nothing() {
        // The hash of `alert(1)`, as `printf 'alert(1)' | openssl sha256 -binary | base64`.
        let policy = for_html(
            b"<html><head><script>alert(1)</script><script type=\"application/ld+json\">{}</script></head>\
              <body><script src=\"/__hexaglot/live.js\"></script><script src=\"/a.js\"></script></body></html>",
        );
        assert_eq!(
            script_src(&policy),
            [
                "'self'",
                "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
            ]
        );
        assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
        assert!(policy.contains("connect-src 'self'"), "{policy}");
    }

    #[test]
    fn external_scripts_allow_their_origin_only() {
        let policy = for_html(
            b"<script src=\"https://cdn.example.org/lib/x.js?v=1\"></script>\
              <script src=\"//maps.example.net:8443/m.js\"></script>\
              <script src=\"https://evil.example; script-src *\"></script>\
              <script src=\"javascript:alert(1)\"></script>",
        );
        assert_eq!(
            script_src(&policy),
            ["'self'", "https://cdn.example.org", "maps.example.net:8443"]
        );
    }
}
