//! `guihua serve`, the real binary on a free port: what it says at start, the Host and method checks, escaping, and
//! a clean stop. Plain HTTP/1.1 over a TCP socket, so that nothing in between normalises the requests.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::time::Duration;

use crate::support::guihua;

/// The server process, killed when the test ends, passing or not.
struct Server {
    child: Child,
    addr: String,
    stderr: BufReader<std::process::ChildStderr>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(args: &[&str]) -> Server {
    let empty = std::env::temp_dir().join(format!("guihua-serve-test-{}", std::process::id()));
    let mut child = guihua()
        .args(["serve", "--port", "0"])
        .args(args)
        // No index in the per-user folder: the bundled plan is served.
        .env("XDG_DATA_HOME", &empty)
        .env_remove("GUIHUA_INDEX")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    stderr.read_line(&mut line).unwrap();
    // `guihua serve: http://127.0.0.1:PORT/ (1 documents, the bundled plan); Ctrl-C stops`
    let addr = line.split("http://").nth(1).and_then(|rest| rest.split('/').next()).unwrap_or_default().to_owned();
    assert!(line.contains("(1 documents, the bundled plan)"), "{line}");
    Server { child, addr, stderr }
}

/// Sends `request` as written and returns the status line and the rest.
fn send(server: &Server, request: &str) -> (String, String) {
    let mut stream = TcpStream::connect(&server.addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (status, rest) = response.split_once("\r\n").unwrap_or_default();
    (status.to_owned(), rest.to_owned())
}

fn get(server: &Server, path: &str, host: &str) -> (String, String) {
    send(server, &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"))
}

#[test]
fn serves_the_bundled_plan_on_loopback_and_refuses_foreign_hosts_and_methods() {
    let server = start(&[]);
    assert!(server.addr.starts_with("127.0.0.1:"), "{}", server.addr);
    let host = server.addr.clone();
    let (status, body) = get(&server, "/search?q=%E5%A4%A7%E6%95%B0%E6%8D%AE", &host);
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(body.contains("<strong>26</strong> 处匹配"));
    assert!(body.to_ascii_lowercase().contains("content-security-policy: default-src 'none'"));
    let (status, _) = get(&server, "/", "localhost");
    assert_eq!(status, "HTTP/1.1 200 OK");
    // DNS rebinding: the attacker's name arrives as Host.
    let (status, body) = get(&server, "/api/documents", "rebind.attacker.example");
    assert_eq!(status, "HTTP/1.1 403 Forbidden");
    assert!(!body.contains("hebei"));
    let (status, _) = get(&server, "/", "");
    assert_eq!(status, "HTTP/1.1 403 Forbidden");
    for method in ["POST", "PUT", "DELETE", "OPTIONS"] {
        let (status, body) = send(
            &server,
            &format!("{method} /search?q=x HTTP/1.1\r\nHost: {host}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
        );
        assert_eq!(status, "HTTP/1.1 405 Method Not Allowed", "{method}");
        assert!(!body.to_ascii_lowercase().contains("access-control-allow-origin"));
    }
    // The echoed query is escaped.
    let (_, body) = get(&server, "/search?q=%3Cscript%3Ealert(1)%3C/script%3E", &host);
    assert!(!body.contains("<script>alert(1)"));
    assert!(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // A path is never a file path.
    let (status, _) = get(&server, "/doc/..%2F..%2F..%2Fetc%2Fpasswd/source", &host);
    assert_eq!(status, "HTTP/1.1 404 Not Found");
}

#[test]
fn another_address_warns_and_allowed_names_pass() {
    let mut server = start(&["--host", "0.0.0.0", "--allow-host", "plans.lan"]);
    let port = server.addr.rsplit(':').next().unwrap().to_owned();
    let (status, _) = get(&server, "/", &format!("plans.lan:{port}"));
    assert_eq!(status, "HTTP/1.1 200 OK");
    let (status, _) = get(&server, "/", &format!("other.lan:{port}"));
    assert_eq!(status, "HTTP/1.1 403 Forbidden");
    let mut warning = String::new();
    server.stderr.read_line(&mut warning).unwrap();
    assert!(warning.starts_with("guihua: warning: listening on 0.0.0.0:"), "{warning}");
    assert!(warning.contains("other machines can reach"));
}
