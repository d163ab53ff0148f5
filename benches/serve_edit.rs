//! Serve edit latency: from saving a document to the rebuilt page being served.
//!
//! Generates a synthetic archive (1,000 documents; set ARKIV_BENCH_DOCS to change), starts the
//! real `arkiv serve` binary on a free port, then repeatedly saves a document with a new word in
//! it and polls the document's page over HTTP until the word is served. Two kinds of edit are
//! timed: a body edit (the document's own page and the lists it is on are re-rendered) and a
//! title edit (its cards change on every list, its neighbours and its meeting). The clock starts
//! just before the file is written and stops when a response contains the new word, so the
//! figure includes the watcher's debounce, the rebuild and the HTTP round trip. Saves are 1.5 s
//! apart, so each is timed on its own rather than queued behind the work serve does when saves
//! pause (site-wide pages such as the lists of all links and PDFs, and the search index).
//!
//! Run with `cargo bench --bench serve_edit` (release profile). This is a benchmark to report,
//! not a timed test: it asserts nothing about speed.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Kills the server however the benchmark ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn get(port: u16, path: &str) -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut body = String::new();
    stream.read_to_string(&mut body).ok()?;
    Some(body)
}

fn start(site: &Path) -> (Server, u16) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_arkiv"))
        .arg("serve")
        .arg(site)
        .args(["--port", "0", "--timings"])
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("start arkiv serve");
    let stderr = child.stderr.take().expect("stderr");
    let server = Server(child);
    let mut lines = BufReader::new(stderr).lines();
    let port = loop {
        let line = lines.next().expect("serve exited").expect("read stderr");
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            break rest
                .trim_end_matches(|c: char| !c.is_ascii_digit())
                .split('/')
                .next()
                .and_then(|p| p.parse().ok())
                .expect("port in the serving line");
        }
    };
    // Keep reading the server's output so it never blocks on a full pipe.
    let show = std::env::var_os("ARKIV_BENCH_LOG").is_some();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            if show {
                eprintln!("serve: {line}");
            }
        }
    });
    (server, port)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Saves `text` into `file` and times until `url` serves `word`.
fn time_save(port: u16, file: &Path, url: &str, text: &str, word: &str) -> Duration {
    let start = Instant::now();
    std::fs::write(file, text).expect("save the document");
    let deadline = start + Duration::from_secs(10);
    loop {
        if get(port, url).is_some_and(|b| b.contains(word)) {
            return start.elapsed();
        }
        assert!(
            Instant::now() < deadline,
            "the edit was not served within 10 s"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
}

fn main() {
    let bench = arkiv_gen::bench::bench_site(40, 1000, 40);
    let (quick, site, documents) = (bench.quick, &bench.site, bench.summary.documents);
    let rounds = if quick { 3 } else { bench.runs };

    // A committee report from the middle of the archive: it sits on a year, kind, committee,
    // tag and author list, so a body edit re-renders a typical set of pages.
    let content = site.join("content");
    let mut candidates: Vec<PathBuf> = walkdir::WalkDir::new(&content)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| e.ok())
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    candidates
        .retain(|p| std::fs::read_to_string(p).is_ok_and(|t| t.contains("kind: committee-report")));
    let file = candidates[candidates.len() / 2].clone();
    let rel = file.strip_prefix(&content).expect("inside content");
    let doc = arkiv::load::content::load_document(&content, rel, false)
        .ok()
        .flatten()
        .expect("the document loads");
    let year = doc.front.date.map(|d| d.year).expect("dated");
    let url = format!("/{year}/{}/", doc.slug);
    let original = std::fs::read_to_string(&file).expect("read the document");
    let title_line = original
        .lines()
        .find(|l| l.starts_with("title:"))
        .expect("title line")
        .to_string();

    let (_server, port) = start(site);
    let ready = Instant::now() + Duration::from_secs(120);
    while !get(port, &url).is_some_and(|b| b.contains("200 OK")) {
        assert!(Instant::now() < ready, "the page was never served");
        std::thread::sleep(Duration::from_millis(20));
    }

    let mut body_times = Vec::new();
    let mut title_times = Vec::new();
    // Saves are spaced like a person's: after each, the server finishes the work it puts off
    // until saves pause (site-wide pages, search index) before the next save is timed.
    let pause = Duration::from_millis(if quick { 300 } else { 1500 });
    // The body edit adds a word to the first paragraph (the text a secretary is writing); the
    // title edit changes the title, which shows on every list the document is on.
    let paragraph = original
        .lines()
        .skip(1)
        .skip_while(|l| *l != "---")
        .skip(1)
        .find(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .expect("a paragraph")
        .to_string();
    // Each save changes one thing of the current text, as when writing: the body edit keeps
    // the title, the title edit keeps the body.
    let compose = |title: &str, word: &str| {
        original.replacen(&title_line, title, 1).replacen(
            &paragraph,
            &format!("{word} {paragraph}"),
            1,
        )
    };
    let mut title = title_line.clone();
    for round in 0..rounds {
        let word = format!("bodyword{round}x");
        body_times.push(time_save(port, &file, &url, &compose(&title, &word), &word));
        std::thread::sleep(pause);
        let title_word = format!("titleword{round}x");
        title = format!("title: \"Bench {title_word}\"");
        title_times.push(time_save(
            port,
            &file,
            &url,
            &compose(&title, &word),
            &title_word,
        ));
        std::thread::sleep(pause);
    }
    std::fs::write(&file, &original).expect("restore the document");
    for (name, times) in [
        ("body edit", &mut body_times),
        ("title edit", &mut title_times),
    ] {
        times.sort();
        println!(
            "serve, {documents} documents, {name} of {}: median {:.1} ms, p90 {:.1} ms, min {:.1} ms, max {:.1} ms over {} saves",
            rel.display(),
            percentile(times, 0.5).as_secs_f64() * 1000.0,
            percentile(times, 0.9).as_secs_f64() * 1000.0,
            times[0].as_secs_f64() * 1000.0,
            times[times.len() - 1].as_secs_f64() * 1000.0,
            times.len()
        );
    }
}
