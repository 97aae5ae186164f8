//! What every response passes through: the method and `Host` checks, and the security headers.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The policy every page is sent with: nothing from elsewhere, no inline script or style, no framing.
pub(crate) const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                              form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The `Host` names a request may carry (DNS rebinding: a page on another site that makes its own name resolve to
/// 127.0.0.1 still sends its own name as `Host`, and is refused).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hosts {
    names: Vec<String>,
    /// Bound to every interface (`0.0.0.0`, `::`): any IP literal is accepted too, since rebinding needs a name.
    any_address: bool,
}

impl Hosts {
    /// The names of a server bound to `addr`: the address itself, `localhost`, the loopback addresses, and `extra`
    /// (names given with `--allow-host`).
    pub fn for_address(addr: SocketAddr, extra: &[String]) -> Hosts {
        let mut names: Vec<String> = vec!["localhost".into(), "127.0.0.1".into(), "::1".into()];
        names.push(addr.ip().to_string());
        names.extend(extra.iter().map(|n| n.to_ascii_lowercase()));
        Hosts { names, any_address: addr.ip().is_unspecified() }
    }

    /// Whether a `Host` header value (`name`, `name:port`, `[v6]:port`) is one of ours.
    pub fn allows(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        let name = if let Some(rest) = host.strip_prefix('[') {
            rest.split(']').next().unwrap_or_default().to_owned()
        } else {
            match host.rsplit_once(':') {
                Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) && !name.contains(':') => {
                    name.to_owned()
                }
                _ => host.clone(),
            }
        };
        let name = name.strip_suffix('.').unwrap_or(&name);
        self.names.iter().any(|n| n == name) || (self.any_address && name.parse::<IpAddr>().is_ok())
    }
}

/// Refuses methods other than GET and HEAD (405) and foreign `Host`s (403); adds the security headers.
pub(crate) async fn guard(State(hosts): State<Arc<Hosts>>, request: Request, next: Next) -> Response {
    let mut response = if request.method() != Method::GET && request.method() != Method::HEAD {
        let mut response =
            (StatusCode::METHOD_NOT_ALLOWED, "405 Method Not Allowed: this server answers GET only\n").into_response();
        response.headers_mut().insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        response
    } else if !request.headers().get(header::HOST).and_then(|h| h.to_str().ok()).is_some_and(|h| hosts.allows(h)) {
        (StatusCode::FORBIDDEN, "403 Forbidden: unknown Host header (start guihua serve with --allow-host NAME)\n")
            .into_response()
    } else {
        next.run(request).await
    };
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert("cross-origin-resource-policy", HeaderValue::from_static("same-origin"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_names_and_the_bound_address_are_allowed() {
        let hosts = Hosts::for_address("127.0.0.1:8080".parse().unwrap(), &[]);
        for ok in ["127.0.0.1:8080", "localhost:8080", "LOCALHOST", "[::1]:8080", "localhost."] {
            assert!(hosts.allows(ok), "{ok}");
        }
        for refused in ["evil.example:8080", "127.0.0.1.evil.example", "10.0.0.1:8080", "", "localhost:80:80"] {
            assert!(!hosts.allows(refused), "{refused}");
        }
    }

    #[test]
    fn every_interface_accepts_ip_literals_and_named_hosts_only() {
        let hosts = Hosts::for_address("0.0.0.0:80".parse().unwrap(), &["plans.lan".into()]);
        assert!(hosts.allows("192.168.1.9:80"));
        assert!(hosts.allows("[fe80::1]:80"));
        assert!(hosts.allows("PLANS.lan:80"));
        assert!(!hosts.allows("rebind.example:80"));
    }
}
