//! `arkiv check` against a local HTTP server started by the test on 127.0.0.1 (nothing here
//! touches the internet): 200, 404, 500-then-200, 429 with Retry-After, a redirect chain, a
//! slow answer past the timeout, a `.pdf` that serves HTML; time bounds, per-host limit,
//! cache reuse, CLI exit codes and JSON.

mod common;

use arkiv::check::http::HttpSettings;
use arkiv::check::{run, CheckOptions};
use arkiv::load::link_cache::LinkState;
use common::Fixture;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long `/slow` makes the client wait; well past the checker's timeout.
const SLOW: Duration = Duration::from_secs(4);

#[derive(Default)]
struct Stats {
    hits: Mutex<HashMap<String, usize>>,
    in_flight: AtomicUsize,
    max_in_flight: AtomicUsize,
}

impl Stats {
    fn hits(&self, path: &str) -> usize {
        self.hits.lock().unwrap().get(path).copied().unwrap_or(0)
    }
    fn total(&self) -> usize {
        self.hits.lock().unwrap().values().sum()
    }
}

struct Server {
    base: String,
    stats: Arc<Stats>,
}

fn respond(mut stream: TcpStream, stats: Arc<Stats>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_string();
    let n = {
        let mut hits = stats.hits.lock().unwrap();
        let n = hits.entry(path.clone()).or_default();
        *n += 1;
        *n
    };
    let now = stats.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
    stats.max_in_flight.fetch_max(now, Ordering::SeqCst);
    // Hold every request a moment so concurrent ones overlap and the per-host limit shows.
    std::thread::sleep(Duration::from_millis(60));
    let (status, headers, body): (&str, Vec<String>, &str) = match path.as_str() {
        "/ok" => (
            "200 OK",
            vec!["Content-Type: text/html".into()],
            "<p>ok</p>",
        ),
        "/missing" => (
            "404 Not Found",
            vec!["Content-Type: text/html".into()],
            "gone",
        ),
        "/flaky" if n == 1 => ("500 Internal Server Error", vec![], "oops"),
        "/flaky" => ("200 OK", vec!["Content-Type: text/html".into()], "fine now"),
        "/busy" if n == 1 => (
            "429 Too Many Requests",
            vec!["Retry-After: 1".into()],
            "slow down",
        ),
        "/busy" => ("200 OK", vec!["Content-Type: text/html".into()], "fine now"),
        "/always-500" => (
            "503 Service Unavailable",
            vec!["Retry-After: 0".into()],
            "down",
        ),
        "/old" => ("301 Moved Permanently", vec!["Location: /older".into()], ""),
        "/older" => ("302 Found", vec!["Location: new/place".into()], ""),
        "/new/place" => ("200 OK", vec!["Content-Type: text/html".into()], "here"),
        "/media/aftale.pdf" => (
            "200 OK",
            vec!["Content-Type: application/pdf".into()],
            "%PDF-1.4",
        ),
        "/media/flyttet.pdf" => (
            "200 OK",
            vec!["Content-Type: text/html; charset=utf-8".into()],
            "<h1>Siden findes ikke</h1>",
        ),
        "/download" => (
            "200 OK",
            vec!["Content-Type: application/pdf".into()],
            "%PDF-1.4",
        ),
        "/h%C3%B8ring%202024" => ("200 OK", vec!["Content-Type: text/html".into()], "encoded"),
        "/slow" => ("200 OK", vec!["Content-Type: text/html".into()], "late"),
        _ => ("404 Not Found", vec![], "no such path"),
    };
    stats.in_flight.fetch_sub(1, Ordering::SeqCst);
    if path == "/slow" {
        // Counted as done above: the client gives up long before this answer comes.
        std::thread::sleep(SLOW);
    }
    let mut response = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for h in headers {
        response.push_str(&h);
        response.push_str("\r\n");
    }
    response.push_str("\r\n");
    response.push_str(body);
    let _ = stream.write_all(response.as_bytes());
}

fn start_server() -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let base = format!("http://{}", listener.local_addr().unwrap());
    let stats = Arc::new(Stats::default());
    let s = stats.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let s = s.clone();
            std::thread::spawn(move || respond(stream, s));
        }
    });
    Server { base, stats }
}

const PATHS: &[&str] = &[
    "/ok",
    "/missing",
    "/flaky",
    "/busy",
    "/old",
    "/slow",
    "/media/aftale.pdf",
    "/media/flyttet.pdf",
    "/download",
];

fn site_linking(server: &Server, config_extra: &str) -> Fixture {
    let f = Fixture::new(&format!("title: Testforeningen\n{config_extra}"));
    let mut body = String::from("Links:\n\n");
    for p in PATHS {
        body.push_str(&format!("- [{p}]({}{p})\n", server.base));
    }
    f.doc(
        "2025/nyhed.md",
        "title: Nyhed\ndate: 2025-01-10\nkind: newsletter",
        &body,
    );
    f.doc(
        "2024/referat.md",
        "title: Referat\ndate: 2024-05-01\nkind: minutes",
        &format!(
            "Se [aftalen]({}/media/aftale.pdf#page=2) og [mail](mailto:a@b.example).\n",
            server.base
        ),
    );
    f
}

fn test_settings() -> HttpSettings {
    HttpSettings {
        timeout: Duration::from_secs(1),
        concurrency: 6,
        per_host: 2,
        retries: 2,
        backoff: Duration::from_millis(100),
        max_wait: Duration::from_secs(2),
        max_redirects: 5,
        budget: None,
    }
}

fn options(settings: HttpSettings) -> CheckOptions {
    CheckOptions {
        progress: false,
        http: Some(settings),
        ..CheckOptions::default()
    }
}

#[test]
fn every_kind_of_answer_gets_its_status_within_time_bounds() {
    let server = start_server();
    let f = site_linking(&server, "");
    let settings = test_settings();
    let start = Instant::now();
    let report = run(f.root(), &options(settings.clone())).expect("check runs");
    let elapsed = start.elapsed();

    let by_path: HashMap<String, &arkiv::check::ExternalReport> = report
        .external
        .iter()
        .map(|e| (e.result.url.trim_start_matches(&server.base).to_string(), e))
        .collect();
    let state = |p: &str| by_path[p].result.state;
    let status = |p: &str| by_path[p].result.status;
    assert_eq!(
        by_path.len(),
        PATHS.len(),
        "each URL checked once (fragment stripped): {:?}",
        by_path.keys()
    );

    assert_eq!((state("/ok"), status("/ok")), (LinkState::Ok, Some(200)));
    assert_eq!(
        (state("/missing"), status("/missing")),
        (LinkState::Broken, Some(404))
    );
    assert_eq!(
        (state("/flaky"), status("/flaky")),
        (LinkState::Ok, Some(200))
    );
    assert_eq!(by_path["/flaky"].result.attempts, 2, "500 retried once");
    assert_eq!(
        (state("/busy"), status("/busy")),
        (LinkState::Ok, Some(200))
    );
    assert_eq!(server.stats.hits("/busy"), 2);
    let old = &by_path["/old"].result;
    assert_eq!(old.state, LinkState::Redirected);
    assert_eq!(
        old.final_url.as_deref(),
        Some(format!("{}/new/place", server.base).as_str())
    );
    assert_eq!(
        old.redirects.iter().map(|r| r.status).collect::<Vec<_>>(),
        vec![301, 302]
    );
    assert_eq!(state("/slow"), LinkState::Broken);
    assert!(
        by_path["/slow"]
            .result
            .error
            .as_deref()
            .unwrap_or("")
            .contains("no answer within"),
        "{:?}",
        by_path["/slow"].result
    );
    assert_eq!(server.stats.hits("/slow"), 1, "a timeout is not retried");
    assert_eq!(state("/media/aftale.pdf"), LinkState::Ok);
    assert_eq!(state("/media/flyttet.pdf"), LinkState::PdfIsHtml);
    assert_eq!(state("/download"), LinkState::Ok);
    assert!(by_path["/download"].result.serves_pdf());
    // Citations name file and line; the PDF is cited by two documents.
    let aftale = &by_path["/media/aftale.pdf"].citations;
    assert_eq!(aftale.len(), 2);
    assert!(aftale
        .iter()
        .any(|c| c.file.ends_with("content/2024/referat.md") && c.line == 6));
    assert!(!report.all_well());
    assert_eq!(report.broken_external(), 2);

    // Time: the slowest URL is the 429 (1 s Retry-After) or the timeout (1 s); all run
    // concurrently, so the whole check stays far below one worst case per URL in a row.
    assert!(
        elapsed >= Duration::from_secs(1),
        "Retry-After was honoured: {elapsed:?}"
    );
    let bound =
        settings.timeout * (settings.retries + 1) + settings.max_wait + Duration::from_secs(3);
    assert!(elapsed < bound, "check took {elapsed:?}, bound {bound:?}");
    // Never more than `per_host` requests at once to the one host.
    assert!(
        server.stats.max_in_flight.load(Ordering::SeqCst) <= 2,
        "per-host limit"
    );
    assert!(
        server.stats.max_in_flight.load(Ordering::SeqCst) >= 2,
        "requests do run concurrently"
    );
}

#[test]
fn a_server_that_keeps_failing_is_retried_then_broken() {
    let server = start_server();
    let f = Fixture::danish();
    f.doc(
        "2025/a.md",
        "title: A\ndate: 2025-01-01\nkind: minutes",
        &format!("[nede]({}/always-500)\n", server.base),
    );
    let report = run(f.root(), &options(test_settings())).unwrap();
    let r = &report.external[0].result;
    assert_eq!(
        (r.state, r.status, r.attempts),
        (LinkState::Broken, Some(503), 3)
    );
    assert_eq!(server.stats.hits("/always-500"), 3);
}

#[test]
fn second_check_uses_the_cache() {
    let server = start_server();
    let f = site_linking(&server, "");
    run(f.root(), &options(test_settings())).unwrap();
    let asked = server.stats.total();
    assert!(
        f.root().join(".arkiv-linkcheck.json").exists(),
        "cache written under the site root"
    );
    let start = Instant::now();
    let again = run(f.root(), &options(test_settings())).unwrap();
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "a cached re-check is quick"
    );
    assert_eq!(server.stats.total(), asked, "no request the second time");
    assert!(again.external.iter().all(|e| e.from_cache));
    assert_eq!(
        again.broken_external(),
        2,
        "cached results keep their state"
    );
    // --fresh asks again; a zero age limit too.
    let fresh = CheckOptions {
        fresh: true,
        ..options(test_settings())
    };
    run(f.root(), &fresh).unwrap();
    assert!(server.stats.total() > asked);
    // The link index shows the cached results: the broken ones named on the overview, each
    // status on the host page.
    let site = arkiv::pipeline::render_site(f.root(), false).unwrap();
    let file = |path: &str| {
        let found = site.files.iter().find(|x| x.path == path);
        String::from_utf8_lossy(&found.unwrap_or_else(|| panic!("{path} missing")).contents)
            .into_owned()
    };
    let overview = file("links/index.html");
    assert!(
        overview.contains("link-status-broken\">Virker ikke · 404"),
        "broken links on the overview"
    );
    let host = file("links/127-0-0-1/index.html");
    assert!(host.contains("link-status-broken\">Virker ikke · 404"));
    assert!(host.contains("link-status-pdf-is-html"));
    assert!(host.contains("link-status-ok"));
    let pdfs = file("pdfs/2025/index.html");
    assert!(
        pdfs.contains(&format!("{}/download", server.base)),
        "a URL found to serve application/pdf is an outside PDF"
    );
    // Rendering uses the cache read in the model stage, never the file: removing the file
    // after the model is built changes nothing.
    let (config, theme) = arkiv::pipeline::load_config_and_theme(f.root()).unwrap();
    let loaded = arkiv::load::content::load(f.root(), false);
    let mut problems = arkiv::core::diagnostics::Diagnostics::default();
    let archive = arkiv::model::build_archive(config, f.root(), loaded, &mut problems);
    std::fs::remove_file(f.root().join(".arkiv-linkcheck.json")).unwrap();
    let renderer = arkiv::render::Renderer::new(&archive, &theme).unwrap();
    let pages = renderer.all_pages();
    let host_page = pages
        .iter()
        .find(|&&p| renderer.page_path(p) == "links/127-0-0-1/index.html")
        .copied()
        .unwrap();
    let html = renderer.render_page(host_page).unwrap();
    assert!(String::from_utf8_lossy(&html.contents).contains("link-status-pdf-is-html"));
}

#[test]
fn skip_list_and_offline_ask_nothing() {
    let server = start_server();
    let f = site_linking(&server, "link_check:\n  skip: [127.0.0.1]\n");
    let report = run(f.root(), &options(test_settings())).unwrap();
    assert_eq!(server.stats.total(), 0, "skipped host never asked");
    assert_eq!(report.skipped.len(), PATHS.len());
    assert!(report.all_well());

    let f = site_linking(&server, "");
    let offline = CheckOptions {
        offline: true,
        ..options(test_settings())
    };
    let report = run(f.root(), &offline).unwrap();
    assert_eq!(server.stats.total(), 0, "--offline asks nothing");
    assert!(report.external.is_empty() && report.all_well());
}

fn cli(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_arkiv"))
        .arg("check")
        .args(args)
        .output()
        .expect("run arkiv");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

#[test]
fn cli_exit_codes_and_formats() {
    let server = start_server();
    // All well: a site whose only outside link works.
    let good = Fixture::new("title: T\nlink_check:\n  timeout: 1\n");
    good.doc(
        "2025/a.md",
        "title: A\ndate: 2025-01-01\nkind: minutes",
        &format!("[ok]({}/ok)\n", server.base),
    );
    let (code, _, stderr) = cli(&[good.root().to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    // The fixture sites are Danish, and so is the report for people.
    assert!(stderr.contains("alt i orden"), "{stderr}");

    // Broken outside links: exit 1; the human report groups by citing document.
    let f = site_linking(&server, "link_check:\n  timeout: 1\n");
    let start = Instant::now();
    let (code, _, stderr) = cli(&[f.root().to_str().unwrap()]);
    assert!(
        start.elapsed() < Duration::from_secs(12),
        "CLI check bounded: {:?}",
        start.elapsed()
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("content/2025/nyhed.md\n"), "{stderr}");
    assert!(
        stderr.contains("virker ikke")
            && stderr.contains("/missing (404): siden findes ikke (længere)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("omdirigeret") && stderr.contains("/new/place"),
        "{stderr}"
    );
    assert!(stderr.contains("ikke en PDF"), "{stderr}");
    assert!(
        stderr.contains("links skal rettes; interne links i orden; 9 eksterne links tjekket: "),
        "{stderr}"
    );
    // The same report in English, from the cache.
    let (code, _, stderr) = cli(&[f.root().to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("broken")
            && stderr.contains("/missing (404): the page is gone (not found)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("redirected") && stderr.contains("not a PDF"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "links need fixing; internal links fine; 9 outside links checked (9 from the cache): "
        ),
        "{stderr}"
    );

    // JSON on stdout, from the cache this time.
    let (code, stdout, _) = cli(&[f.root().to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    assert_eq!(v["ok"], false);
    assert_eq!(v["summary"]["broken"], 2);
    assert_eq!(v["summary"]["from_cache"], PATHS.len());
    let missing = v["external"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["url"].as_str().unwrap().ends_with("/missing"))
        .unwrap();
    assert_eq!(missing["status"], 404);
    assert_eq!(missing["state"], "broken");
    assert_eq!(missing["citations"][0]["file"], "content/2025/nyhed.md");
    assert_eq!(missing["citations"][0]["line"], 9);

    // Offline: internal links only, so this site is fine.
    let (code, stdout, _) = cli(&[f.root().to_str().unwrap(), "--offline", "--format", "json"]);
    assert_eq!(code, 0);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&stdout).unwrap()["offline"],
        true
    );

    // A broken internal link: exit 1 with file and line, even offline.
    let broken = Fixture::danish();
    broken.doc(
        "2025/a.md",
        "title: A\ndate: 2025-01-01\nkind: minutes",
        "[b](../2024/findes-ikke.md)\n",
    );
    let (code, _, stderr) = cli(&[broken.root().to_str().unwrap(), "--offline"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("fejl: content/2025/a.md:6:1: link virker ikke"),
        "{stderr}"
    );

    // Usage errors: exit 2.
    assert_eq!(cli(&["/no/such/folder"]).0, 2);
    assert_eq!(
        cli(&[good.root().to_str().unwrap(), "--format", "xml"]).0,
        2
    );
}

#[test]
fn refused_connections_are_retried_and_unicode_addresses_encoded() {
    let server = start_server();
    let closed = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap()
    }; // dropped: nothing listens there now
    let f = Fixture::danish();
    f.doc(
        "2025/a.md",
        "title: A\ndate: 2025-01-01\nkind: minutes",
        &format!(
            "[lukket](http://{closed}/x) og [høring]({}/høring%202024)\n",
            server.base
        ),
    );
    let start = Instant::now();
    let report = run(f.root(), &options(test_settings())).unwrap();
    assert!(
        start.elapsed() < Duration::from_secs(3),
        "{:?}",
        start.elapsed()
    );
    let find = |part: &str| {
        report
            .external
            .iter()
            .find(|e| e.result.url.contains(part))
            .unwrap()
    };
    let refused = &find(&closed.to_string()).result;
    assert_eq!(
        (refused.state, refused.status, refused.attempts),
        (LinkState::Broken, None, 3)
    );
    assert!(refused.error.is_some());
    let unicode = &find("ring%202024").result;
    assert_eq!(
        (unicode.state, unicode.status),
        (LinkState::Ok, Some(200)),
        "{unicode:?}"
    );
}
