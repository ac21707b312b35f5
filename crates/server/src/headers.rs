//! The security headers every answer carries, and whether a request came over TLS.
//!
//! The console uses no inline script or style, so its pages are served with a
//! Content-Security-Policy of `default-src 'self'` that also forbids framing
//! (`frame-ancestors 'none'`, with `X-Frame-Options: DENY` for older browsers), form posts
//! elsewhere and `<base>` rewrites. Every answer, API included, gets
//! `X-Content-Type-Options: nosniff` and `Referrer-Policy: no-referrer`; console pages are
//! not cached (`Cache-Control: no-store`): they show evidence.

use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

/// The console's Content-Security-Policy.
pub const CONSOLE_CSP: &str =
    "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

/// Adds the security headers to every answer.
pub(crate) async fn secure_headers(request: Request, next: Next) -> Response {
    let console = request.uri().path().starts_with("/console");
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    if console {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONSOLE_CSP),
        );
        headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
        headers
            .entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static("no-store"));
    }
    response
}

/// Whether the request reached the TLS-terminating proxy in front of the service over TLS,
/// as it says in `X-Forwarded-Proto: https` or `Forwarded: proto=https`. (The service
/// itself speaks plain HTTP.) Trusting the header cannot weaken anything: it only adds
/// `Secure` to cookies.
pub fn came_over_tls(headers: &HeaderMap) -> bool {
    let forwarded_proto = headers
        .get_all("x-forwarded-proto")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .any(|value| value.trim().eq_ignore_ascii_case("https"));
    let forwarded = headers
        .get_all(header::FORWARDED)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split([';', ',']))
        .filter_map(|pair| pair.trim().split_once('='))
        .any(|(key, value)| {
            key.trim().eq_ignore_ascii_case("proto")
                && value.trim().trim_matches('"').eq_ignore_ascii_case("https")
        });
    forwarded_proto || forwarded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tls_is_read_from_either_forwarding_header() {
        let mut headers = HeaderMap::new();
        assert!(!came_over_tls(&headers));
        headers.insert("x-forwarded-proto", HeaderValue::from_static("http"));
        assert!(!came_over_tls(&headers));
        headers.insert("x-forwarded-proto", HeaderValue::from_static("HTTPS"));
        assert!(came_over_tls(&headers));
        let mut headers = HeaderMap::new();
        headers.insert(
            header::FORWARDED,
            HeaderValue::from_static("for=192.0.2.60;proto=https;by=203.0.113.43"),
        );
        assert!(came_over_tls(&headers));
    }
}
