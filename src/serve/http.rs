//! A small HTTP/1.1 server over `std::net`, enough for previewing one site on one machine:
//! GET and HEAD of pages from memory and files from `content/`, and a Server-Sent Events stream
//! that tells open tabs to reload. One thread per connection; every response but the event
//! stream closes its connection, which keeps the code short and browsers do not mind locally.

use super::overlay::{self, EVENTS_PATH};
use super::state::Shared;
use crate::core::urls::percent_decode;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::time::Duration;

/// How long an idle event stream waits before a keep-alive comment, which is also how a tab
/// that went away is noticed.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// Accepts connections until the process ends.
pub fn run(listener: TcpListener, shared: Arc<Shared>) {
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let shared = Arc::clone(&shared);
        let _ = std::thread::Builder::new()
            .name("arkiv-serve-conn".into())
            .spawn(move || {
                let _ = handle(stream, &shared);
            });
    }
}

/// A parsed request line: method, and path with the query split off.
#[derive(Debug, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    pub path: String,
    pub query: String,
}

/// The longest request line read (answered with 414 beyond it).
pub const MAX_REQUEST_LINE: usize = 8 * 1024;
/// The longest header line, and all header lines together (answered with 431 beyond them).
pub const MAX_HEADER_LINE: usize = 8 * 1024;
pub const MAX_HEADERS: usize = 64 * 1024;

/// Why a request was not read.
#[derive(Debug, PartialEq, Eq)]
pub enum BadRequest {
    /// Not HTTP, or the connection closed early: 400.
    Malformed,
    /// The request line is longer than `MAX_REQUEST_LINE`: 414.
    UriTooLong,
    /// A header line or all headers are too long: 431.
    HeadersTooLarge,
}

/// Reads one line of at most `limit` bytes (line break included); `Ok(None)` when it is
/// longer, having read no more than `limit + 1` bytes of it, so memory stays bounded.
fn read_line_capped(reader: &mut impl BufRead, limit: usize) -> Result<Option<String>, BadRequest> {
    let mut line = String::new();
    std::io::Read::take(&mut *reader, limit as u64 + 1)
        .read_line(&mut line)
        .map_err(|_| BadRequest::Malformed)?;
    if line.len() > limit {
        return Ok(None);
    }
    Ok(Some(line))
}

/// Reads the request line and skips the headers; `None` for anything that is not HTTP.
pub fn read_request(reader: &mut impl BufRead) -> Option<Request> {
    read_request_capped(reader).ok()
}

/// `read_request` that says why it failed, so an over-long line gets 414 or 431.
pub fn read_request_capped(reader: &mut impl BufRead) -> Result<Request, BadRequest> {
    let line = read_line_capped(reader, MAX_REQUEST_LINE)?.ok_or(BadRequest::UriTooLong)?;
    let mut parts = line.split_whitespace();
    let method = parts.next().ok_or(BadRequest::Malformed)?.to_string();
    let target = parts.next().ok_or(BadRequest::Malformed)?;
    if !parts
        .next()
        .ok_or(BadRequest::Malformed)?
        .starts_with("HTTP/")
    {
        return Err(BadRequest::Malformed);
    }
    // Headers are not needed; read them so the client is not reset mid-send.
    let mut total = 0;
    loop {
        let header =
            read_line_capped(reader, MAX_HEADER_LINE)?.ok_or(BadRequest::HeadersTooLarge)?;
        total += header.len();
        if total > MAX_HEADERS {
            return Err(BadRequest::HeadersTooLarge);
        }
        if header.is_empty() || header == "\r\n" || header == "\n" {
            break;
        }
    }
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    Ok(Request {
        method,
        path: path.to_string(),
        query: query.to_string(),
    })
}

fn handle(stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut stream = stream;
    let request = match read_request_capped(&mut reader) {
        Ok(request) => request,
        Err(bad) => {
            let (status, body): (u16, &[u8]) = match bad {
                BadRequest::Malformed => (400, b"bad request\n"),
                BadRequest::UriTooLong => (414, b"the address is too long\n"),
                BadRequest::HeadersTooLarge => (431, b"the request headers are too long\n"),
            };
            return respond(
                &mut stream,
                status,
                "text/plain; charset=utf-8",
                body,
                false,
            );
        }
    };
    let head_only = request.method == "HEAD";
    if request.method != "GET" && !head_only {
        return respond(
            &mut stream,
            405,
            "text/plain; charset=utf-8",
            b"only GET and HEAD\n",
            false,
        );
    }
    if request.path == EVENTS_PATH {
        let since = request
            .query
            .split('&')
            .find_map(|kv| kv.strip_prefix("since="))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        return events(stream, shared, since);
    }
    let path = percent_decode(&request.path);
    match lookup(shared, &path) {
        Found::File(body, content_type) => {
            respond(&mut stream, 200, content_type, &body, head_only)
        }
        Found::Redirect(to) => {
            let head = format!(
                "HTTP/1.1 301 Moved Permanently\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
            stream.write_all(head.as_bytes())
        }
        Found::Missing(body) => respond(
            &mut stream,
            404,
            "text/html; charset=utf-8",
            &body,
            head_only,
        ),
    }
}

enum Found {
    File(Vec<u8>, &'static str),
    Redirect(String),
    Missing(Vec<u8>),
}

/// Finds what to send for a URL path: a page (with the reload script and any error overlay), a
/// file from `content/`, a redirect from `/x` to `/x/`, or the site's 404 page.
fn lookup(shared: &Shared, url_path: &str) -> Found {
    let rel = url_path.trim_start_matches('/');
    let rel = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    };
    let site = shared.lock();
    // The link index tells the secretary what only they can do: run `arkiv check`.
    let notice = (site.unchecked_links > 0
        && rel.starts_with(&format!("{}/", crate::routes::LINKS)))
    .then(|| overlay::unchecked_notice_html(site.unchecked_links, site.language));
    let page = |bytes: &[u8]| {
        overlay::inject(
            bytes,
            site.version,
            &site.errors,
            notice.as_deref(),
            site.language,
        )
    };
    if let Some(body) = site.files.get(&rel).or_else(|| site.model_files.get(&rel)) {
        let content_type = content_type(&rel);
        let body = if content_type.starts_with("text/html") {
            page(body)
        } else {
            body.to_vec()
        };
        return Found::File(body, content_type);
    }
    if let Some(from) = site.assets.get(&rel).cloned() {
        drop(site);
        // The file may have become a link since the build: the same rule as the build holds.
        let depth = rel.split('/').count();
        let inside = from
            .ancestors()
            .nth(depth)
            .is_some_and(|content_root| crate::load::content::resolves_inside(content_root, &from));
        if !inside {
            return Found::Missing(b"not found\n".to_vec());
        }
        return match std::fs::read(&from) {
            Ok(bytes) => Found::File(bytes, content_type(&rel)),
            Err(_) => Found::Missing(b"not found\n".to_vec()),
        };
    }
    if site.files.contains_key(&format!("{rel}/index.html")) {
        return Found::Redirect(format!("/{rel}/"));
    }
    let body = match site.files.get("404.html") {
        Some(b) => page(b),
        None if !site.errors.is_empty() => {
            page(b"<!doctype html><title>arkiv</title><body></body>")
        }
        None => b"not found\n".to_vec(),
    };
    Found::Missing(body)
}

fn respond(
    stream: &mut TcpStream,
    status: u16,
    content_type: &str,
    body: &[u8],
    head_only: bool,
) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        414 => "URI Too Long",
        431 => "Request Header Fields Too Large",
        _ => "",
    };
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// The event stream: one `data:` line of JSON per change, and a comment now and then so a closed
/// tab ends the thread.
fn events(mut stream: TcpStream, shared: &Shared, mut since: u64) -> std::io::Result<()> {
    stream.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n",
    )?;
    stream.flush()?;
    loop {
        match shared.wait_change(since, KEEP_ALIVE) {
            Some(event) => {
                since = event.version;
                stream.write_all(format!("data: {}\n\n", event.to_json()).as_bytes())?;
            }
            None => stream.write_all(b": keep-alive\n\n")?,
        }
        stream.flush()?;
    }
}

/// The Content-Type for a file name.
pub fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("xml") => "application/xml; charset=utf-8",
        Some("txt" | "md") => "text/plain; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("ico") => "image/x-icon",
        Some("pdf") => "application/pdf",
        Some("woff2") => "font/woff2",
        Some("woff") => "font/woff",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_request_line_and_query() {
        let raw = b"GET /2025/x/?since=3 HTTP/1.1\r\nHost: a\r\n\r\n";
        let r = read_request(&mut &raw[..]).unwrap();
        assert_eq!(r.method, "GET");
        assert_eq!(r.path, "/2025/x/");
        assert_eq!(r.query, "since=3");
        assert!(read_request(&mut &b"garbage\r\n\r\n"[..]).is_none());
        assert!(read_request(&mut &b""[..]).is_none());
    }

    #[test]
    fn long_request_and_header_lines_are_refused_after_reading_little() {
        let long_target = format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(10 * 1024 * 1024));
        let mut reader = std::io::Cursor::new(long_target.as_bytes());
        assert_eq!(
            read_request_capped(&mut reader),
            Err(BadRequest::UriTooLong)
        );
        assert!(reader.position() <= MAX_REQUEST_LINE as u64 + 1);
        let long_header = format!(
            "GET / HTTP/1.1\r\nX-A: {}\r\n\r\n",
            "b".repeat(10 * 1024 * 1024)
        );
        let mut reader = std::io::Cursor::new(long_header.as_bytes());
        assert_eq!(
            read_request_capped(&mut reader),
            Err(BadRequest::HeadersTooLarge)
        );
        assert!(reader.position() <= (MAX_REQUEST_LINE + MAX_HEADER_LINE) as u64 + 1);
        let many = format!("GET / HTTP/1.1\r\n{}\r\n", "X-B: c\r\n".repeat(20_000));
        let mut reader = std::io::Cursor::new(many.as_bytes());
        assert_eq!(
            read_request_capped(&mut reader),
            Err(BadRequest::HeadersTooLarge)
        );
        assert!(reader.position() <= (MAX_HEADERS + MAX_HEADER_LINE) as u64 + 16);
        let fine = format!("GET /{} HTTP/1.1\r\nHost: a\r\n\r\n", "a".repeat(4000));
        assert!(read_request_capped(&mut fine.as_bytes()).is_ok());
    }

    #[test]
    fn content_types_by_extension() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("x/REPORT.PDF"), "application/pdf");
        assert_eq!(content_type("noext"), "application/octet-stream");
    }
}
