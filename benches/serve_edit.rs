//! Serve edit latency: from saving a document to the rebuilt page being served.
//!
//! Generates a synthetic archive (1,000 documents; set ARKIV_BENCH_DOCS to change), starts the
//! real `arkiv serve` binary on a free port, then repeatedly saves a document with one thing
//! changed and polls the document's page over HTTP until the change is served. Five kinds of
//! edit are timed, each changing one thing of the current text: a body edit (a new word in the
//! first paragraph: the document's own pages), a title edit (its cards change on every list,
//! its neighbours and its meeting), a tags edit (a new tag: it moves between lists), a meeting
//! edit (it moves to another meeting of the year and back) and a date edit (a year earlier and
//! back: a new address, which the links of other documents follow). The clock starts just
//! before the file is written and stops when a response shows the change, so the figure
//! includes the watcher's debounce, the rebuild and the HTTP round trip. Saves are 1.5 s apart,
//! so each is timed on its own rather than queued behind the work serve does when saves pause
//! (site-wide pages such as the lists of all links and PDFs, the sitemap, the search index).
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

/// Saves `text` into `file` and times until `url` serves a page that `shows` the change.
fn time_save(
    port: u16,
    file: &Path,
    url: &str,
    text: &str,
    shows: impl Fn(&str) -> bool,
) -> Duration {
    let start = Instant::now();
    std::fs::write(file, text).expect("save the document");
    let deadline = start + Duration::from_secs(10);
    loop {
        if get(port, url).is_some_and(|b| b.starts_with("HTTP/1.1 200") && shows(&b)) {
            return start.elapsed();
        }
        assert!(
            Instant::now() < deadline,
            "the edit was not served within 10 s"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// What the saved document says now: each edit changes one of these.
#[derive(Clone, Default)]
struct Text {
    title: Option<String>,
    word: Option<String>,
    tag: Option<String>,
    other_meeting: bool,
    year_earlier: bool,
}

fn main() {
    let bench = arkiv_gen::bench::bench_site(40, 1000, 40);
    let (quick, site, documents) = (bench.quick, &bench.site, bench.summary.documents);
    let rounds = if quick { 3 } else { bench.runs };

    // A committee report from the middle of the archive: it sits on a year, kind, committee,
    // tag and author list (and in the generated archives on a meeting's programme), so a body
    // edit re-renders a typical set of pages.
    let content = site.join("content");
    let markdown: Vec<PathBuf> = walkdir::WalkDir::new(&content)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| e.ok())
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    let texts: Vec<(PathBuf, String)> = markdown
        .into_iter()
        .filter_map(|p| Some((p.clone(), std::fs::read_to_string(&p).ok()?)))
        .collect();
    let load = |p: &Path| {
        let rel = p.strip_prefix(&content).expect("inside content");
        arkiv::load::content::load_document(&content, rel, false)
            .ok()
            .flatten()
            .expect("the document loads")
    };
    let candidates: Vec<&PathBuf> = texts
        .iter()
        .filter(|(_, t)| t.contains("kind: committee-report"))
        .map(|(p, _)| p)
        .collect();
    let file = candidates[candidates.len() / 2].clone();
    let rel = file.strip_prefix(&content).expect("inside content");
    let doc = load(&file);
    let year = doc.front.date.map(|d| d.year).expect("dated");
    let url = |earlier: bool| {
        let y = if earlier { year - 1 } else { year };
        format!("/{y}/{}/", doc.slug)
    };
    // Its meeting and another meeting of the same year to move it to; without them (a small
    // archive) the meeting edit is left out.
    let meeting = doc.front.meeting.clone().unwrap_or_default();
    let other = texts
        .iter()
        .filter(|(_, t)| t.contains("kind: meeting"))
        .map(|(p, _)| load(p))
        .find(|m| m.front.date.map(|d| d.year) == Some(year) && m.slug != meeting)
        .filter(|_| !meeting.is_empty())
        .map(|m| m.slug);
    let original = std::fs::read_to_string(&file).expect("read the document");
    let line = |key: &str| {
        original
            .lines()
            .find(|l| l.starts_with(key))
            .unwrap_or_default()
            .to_string()
    };
    let (title_line, tags_line, meeting_line, date_line) = (
        line("title:"),
        line("tags: ["),
        line("meeting:"),
        line("date:"),
    );
    assert!(!title_line.is_empty() && !tags_line.is_empty() && !date_line.is_empty());
    let earlier_date = date_line.replacen(&year.to_string(), &(year - 1).to_string(), 1);

    let (_server, port) = start(site);
    let ready = Instant::now() + Duration::from_secs(120);
    while !get(port, &url(false)).is_some_and(|b| b.contains("200 OK")) {
        assert!(Instant::now() < ready, "the page was never served");
        std::thread::sleep(Duration::from_millis(20));
    }

    // Saves are spaced like a person's: after each, the server finishes the work it puts off
    // until saves pause (site-wide pages, search index) before the next save is timed.
    let pause = Duration::from_millis(if quick { 300 } else { 1500 });
    let paragraph = original
        .lines()
        .skip(1)
        .skip_while(|l| *l != "---")
        .skip(1)
        .find(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .expect("a paragraph")
        .to_string();
    let compose = |t: &Text| {
        let mut text = original.clone();
        if let Some(title) = &t.title {
            text = text.replacen(&title_line, &format!("title: \"Bench {title}\""), 1);
        }
        if let Some(word) = &t.word {
            text = text.replacen(&paragraph, &format!("{word} {paragraph}"), 1);
        }
        if let Some(tag) = &t.tag {
            text = text.replacen(
                &tags_line,
                &tags_line.replacen('[', &format!("[{tag}, "), 1),
                1,
            );
        }
        if let (true, Some(other)) = (t.other_meeting, &other) {
            text = text.replacen(&meeting_line, &format!("meeting: {other}"), 1);
        }
        if t.year_earlier {
            text = text.replacen(&date_line, &earlier_date, 1);
        }
        text
    };
    let kinds = [
        "body edit",
        "title edit",
        "tags edit",
        "meeting edit",
        "date edit (another year)",
    ];
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); kinds.len()];
    let mut now = Text::default();
    for round in 0..rounds {
        for (k, list) in times.iter_mut().enumerate() {
            if k == 3 && other.is_none() {
                continue;
            }
            let word = format!("benchword{round}k{k}x");
            let shown: Box<dyn Fn(&str) -> bool> = match k {
                0 => {
                    now.word = Some(word.clone());
                    Box::new(move |page: &str| page.contains(&word))
                }
                1 => {
                    now.title = Some(word.clone());
                    Box::new(move |page: &str| page.contains(&word))
                }
                2 => {
                    let tag = format!("tags/{word}/");
                    now.tag = Some(word);
                    Box::new(move |page: &str| page.contains(&tag))
                }
                3 => {
                    now.other_meeting = !now.other_meeting;
                    let slug = match (now.other_meeting, &other) {
                        (true, Some(other)) => other,
                        _ => &meeting,
                    };
                    let link = format!("<dd><a href=\"../../{year}/{slug}/\">");
                    Box::new(move |page: &str| page.contains(&link))
                }
                _ => {
                    now.year_earlier = !now.year_earlier;
                    Box::new(|_: &str| true)
                }
            };
            list.push(time_save(
                port,
                &file,
                &url(now.year_earlier),
                &compose(&now),
                shown,
            ));
            std::thread::sleep(pause);
        }
    }
    std::fs::write(&file, &original).expect("restore the document");
    for (name, times) in kinds.iter().zip(&mut times) {
        if times.is_empty() {
            continue;
        }
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
