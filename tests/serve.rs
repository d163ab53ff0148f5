//! `arkiv serve` end to end: the real binary on a free port, serving a copy of the example site
//! from a temp folder, while the test edits, breaks, fixes, adds and deletes files and polls
//! the served pages (with a deadline, never a fixed sleep) for the result.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Generous: the debug binary on a busy two-core machine; a pass normally takes well under a second.
const DEADLINE: Duration = Duration::from_secs(30);

/// The running server; killed when the test ends, pass or fail.
struct Serve {
    child: Child,
    port: u16,
    log: Arc<Mutex<String>>,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Serve {
    fn start(site: &Path) -> Serve {
        let mut child = Command::new(env!("CARGO_BIN_EXE_arkiv"))
            .arg("serve")
            .arg(site)
            .args(["--port", "0"])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start arkiv serve");
        let stderr = child.stderr.take().expect("stderr is piped");
        let log = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        let writer = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
                    let port: String = rest.chars().take_while(char::is_ascii_digit).collect();
                    let _ = tx.send(port.parse::<u16>().ok());
                }
                let mut log = writer.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        let mut serve = Serve {
            child,
            port: 0,
            log,
        };
        match rx.recv_timeout(DEADLINE) {
            Ok(Some(port)) => serve.port = port,
            _ => panic!("serve did not start; it said:\n{}", serve.log()),
        }
        serve
    }

    fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// Status code and body of a GET.
    fn get(&self, path: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).expect("read response");
        let status = response
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let body = response
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_string())
            .unwrap_or_default();
        (status, body)
    }

    /// Polls `path` until `ok(status, body)` holds; panics with the last response and the log.
    fn wait_for(&self, path: &str, what: &str, ok: impl Fn(u16, &str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let (status, body) = self.get(path);
            if ok(status, &body) {
                return body;
            }
            if start.elapsed() > DEADLINE {
                panic!(
                    "{path}: {what} did not happen within {DEADLINE:?}; last status {status}; serve said:\n{}",
                    self.log()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A copy of the example site in a temp folder.
fn example_site() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_dir(&repo.join("content"), &site.join("content"));
    std::fs::copy(repo.join("site.yaml"), site.join("site.yaml")).unwrap();
    (dir, site)
}

/// A dated, ordinary document of the site: its file (relative to the site), URL and kind.
struct Doc {
    file: PathBuf,
    url: String,
    kind: String,
    title: String,
}

fn pick_document(site: &Path) -> Doc {
    let content = site.join("content");
    let mut files: Vec<PathBuf> = walk(&content);
    files.sort();
    for path in files {
        let rel = path.strip_prefix(&content).unwrap();
        let Ok(Some(doc)) = arkiv::load::content::load_document(&content, rel, false) else {
            continue;
        };
        let kind = doc.front.kind.as_str();
        if kind == "meeting" || kind == "slides" || kind == "page" {
            continue;
        }
        if let Some(date) = doc.front.date {
            return Doc {
                file: Path::new("content").join(rel),
                url: format!("/{}/{}/", date.year, doc.slug),
                kind: kind.to_string(),
                title: doc.front.title.clone(),
            };
        }
    }
    panic!("the example site has no ordinary dated document");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
    out
}

/// Saves the way many editors do: write a temporary file beside it, then rename it over.
fn save_by_rename(path: &Path, text: &str) {
    let tmp = path.with_file_name(format!(
        ".{}.tmp",
        path.file_name().unwrap().to_string_lossy()
    ));
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[test]
fn an_edit_is_served_and_the_page_carries_the_reload_script() {
    let (_dir, site) = example_site();
    let doc = pick_document(&site);
    let serve = Serve::start(&site);
    let body = serve.wait_for(&doc.url, "the page", |s, b| s == 200 && b.contains("<html"));
    assert!(
        body.contains("/__arkiv/events"),
        "live-reload script injected"
    );
    let path = site.join(&doc.file);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        format!("{text}\n\nEt helt nyt afsnit om kaffemaskinen.\n"),
    )
    .unwrap();
    serve.wait_for(&doc.url, "the edited text", |s, b| {
        s == 200 && b.contains("Et helt nyt afsnit om kaffemaskinen.")
    });
    // A title change shows on the lists the document is on, too.
    let retitled = text.replacen(
        &format!("title: {}", doc.title),
        "title: Omdøbt beretning om kaffe",
        1,
    );
    let retitled = if retitled == text {
        text.replacen("title:", "title: Omdøbt beretning om kaffe #", 1)
    } else {
        retitled
    };
    save_by_rename(&path, &retitled);
    serve.wait_for(
        &format!("/kinds/{}/", doc.kind),
        "the new title on the list",
        |s, b| s == 200 && b.contains("Omdøbt beretning om kaffe"),
    );
}

#[test]
fn a_broken_edit_shows_the_overlay_and_the_fix_clears_it() {
    let (_dir, site) = example_site();
    let doc = pick_document(&site);
    let serve = Serve::start(&site);
    serve.wait_for(&doc.url, "the page", |s, _| s == 200);
    let path = site.join(&doc.file);
    let good = std::fs::read_to_string(&path).unwrap();
    // An unclosed list in the front matter, on line 2.
    let broken = good.replacen("---\n", "---\ntags: [unclosed\n", 1);
    std::fs::write(&path, &broken).unwrap();
    let file = doc.file.to_string_lossy().replace('\\', "/");
    let body = serve.wait_for(&doc.url, "the error overlay", |_, b| {
        b.contains("id=\"arkiv-error-overlay\"")
    });
    assert!(
        body.contains(&format!("{file}:")),
        "the overlay names the file and line: {body}"
    );
    assert!(body.contains("YAML"), "the overlay says what is wrong");
    // The last good page is still served underneath, and every other page carries the overlay.
    assert!(body.contains("<main"), "the last good page is kept");
    let (_, home) = serve.get("/");
    assert!(home.contains("id=\"arkiv-error-overlay\""));
    let (status, missing) = serve.get("/no-such-page/");
    assert_eq!(status, 404);
    assert!(missing.contains("id=\"arkiv-error-overlay\""));
    assert!(
        serve.log().contains(&file),
        "the terminal names the file too"
    );

    std::fs::write(&path, &good).unwrap();
    serve.wait_for(&doc.url, "the overlay to go", |s, b| {
        s == 200 && !b.contains("id=\"arkiv-error-overlay\"")
    });
    let (_, home) = serve.get("/");
    assert!(!home.contains("id=\"arkiv-error-overlay\""));
}

#[test]
fn a_broken_internal_link_is_shown_with_its_line() {
    let (_dir, site) = example_site();
    let doc = pick_document(&site);
    let serve = Serve::start(&site);
    serve.wait_for(&doc.url, "the page", |s, _| s == 200);
    let path = site.join(&doc.file);
    let text = std::fs::read_to_string(&path).unwrap();
    let lines = text.lines().count();
    std::fs::write(
        &path,
        format!("{}\n[se her](findes-ikke.md)\n", text.trim_end()),
    )
    .unwrap();
    let body = serve.wait_for(&doc.url, "the broken-link overlay", |_, b| {
        b.contains("id=\"arkiv-error-overlay\"") && b.contains("findes-ikke.md")
    });
    let file = doc.file.to_string_lossy().replace('\\', "/");
    assert!(
        body.contains(&format!("{file}:{}", lines + 1)),
        "names file and line {}: {body}",
        lines + 1
    );
}

#[test]
fn added_and_deleted_documents_are_picked_up() {
    let (_dir, site) = example_site();
    let serve = Serve::start(&site);
    let list = "/kinds/newsletter/";
    let before = serve.wait_for(list, "the list", |s, _| s == 200);
    assert!(!before.contains("2025/nyt-dokument/"));

    let new = site.join("content/2025/nyt-dokument.md");
    std::fs::write(
        &new,
        "---\ntitle: Et nyt nyhedsbrev\ndate: 2025-06-02\nkind: newsletter\n---\n\nSommerhilsen fra sekretariatet.\n",
    )
    .unwrap();
    serve.wait_for("/2025/nyt-dokument/", "the new document", |s, b| {
        s == 200 && b.contains("Sommerhilsen fra sekretariatet.")
    });
    serve.wait_for(list, "the new document on its list", |s, b| {
        s == 200 && b.contains("2025/nyt-dokument/")
    });

    // Renamed: the old address goes, the new one comes.
    let renamed = site.join("content/2025/sommerhilsen.md");
    std::fs::rename(&new, &renamed).unwrap();
    serve.wait_for("/2025/sommerhilsen/", "the renamed document", |s, b| {
        s == 200 && b.contains("Sommerhilsen fra sekretariatet.")
    });
    serve.wait_for("/2025/nyt-dokument/", "a 404 for the old name", |s, _| {
        s == 404
    });

    std::fs::remove_file(&renamed).unwrap();
    serve.wait_for(
        "/2025/sommerhilsen/",
        "a 404 for the deleted document",
        |s, _| s == 404,
    );
    let after = serve.wait_for(list, "the list without it", |s, b| {
        s == 200 && !b.contains("2025/sommerhilsen/")
    });
    assert!(after.contains("<main"));
}

#[test]
fn deleting_a_linked_document_explains_the_broken_links() {
    let (_dir, site) = example_site();
    let doc = pick_document(&site);
    let serve = Serve::start(&site);
    serve.wait_for(&doc.url, "the page", |s, _| s == 200);
    let text = std::fs::read_to_string(site.join(&doc.file)).unwrap();
    std::fs::remove_file(site.join(&doc.file)).unwrap();
    // Other documents link to it: the last good site stays, with the errors on top.
    let file_name = doc.file.file_name().unwrap().to_string_lossy().to_string();
    let body = serve.wait_for(
        "/",
        "the overlay about links to the deleted file",
        |_, b| b.contains("id=\"arkiv-error-overlay\"") && b.contains(&file_name),
    );
    // The overlay speaks the site's language (the generated site is Danish).
    assert!(
        body.contains("fejl: ") && body.contains("link virker ikke"),
        "{body}"
    );
    serve.wait_for(&doc.url, "the last good page", |s, _| s == 200);
    std::fs::write(site.join(&doc.file), text).unwrap();
    serve.wait_for("/", "the overlay to go", |_, b| {
        !b.contains("id=\"arkiv-error-overlay\"")
    });
}

#[test]
fn a_template_change_rebuilds_every_page() {
    let (_dir, site) = example_site();
    let doc = pick_document(&site);
    let serve = Serve::start(&site);
    serve.wait_for(&doc.url, "the page", |s, _| s == 200);
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let base = std::fs::read_to_string(repo.join("themes/default/templates/base.html")).unwrap();
    let marked = base.replacen("<main", "<p>Prøveudskrift fra skabelonen</p><main", 1);
    std::fs::create_dir_all(site.join("templates")).unwrap();
    std::fs::write(site.join("templates/base.html"), marked).unwrap();
    serve.wait_for(&doc.url, "the template's text", |s, b| {
        s == 200 && b.contains("Prøveudskrift fra skabelonen")
    });
    serve.wait_for(
        "/archive/",
        "the template's text on another page",
        |s, b| s == 200 && b.contains("Prøveudskrift fra skabelonen"),
    );
    // A template error shows in the overlay with the template's file.
    std::fs::write(site.join("templates/base.html"), "{% if %}\n").unwrap();
    serve.wait_for(&doc.url, "the template error", |_, b| {
        b.contains("id=\"arkiv-error-overlay\"") && b.contains("templates/base.html")
    });
}

#[test]
fn serve_never_touches_the_published_output() {
    let (_dir, site) = example_site();
    let output = site.join("output");
    std::fs::create_dir_all(output.join("2025")).unwrap();
    std::fs::write(output.join(".arkiv-output"), "marker\n").unwrap();
    std::fs::write(output.join("index.html"), "published version\n").unwrap();
    let snapshot = |dir: &Path| -> Vec<(PathBuf, Vec<u8>)> {
        let mut all = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p.clone());
                    all.push((p, Vec::new()));
                } else {
                    let bytes = std::fs::read(&p).unwrap();
                    all.push((p, bytes));
                }
            }
        }
        all.sort();
        all
    };
    let before = snapshot(&site);
    let doc = pick_document(&site);
    let serve = Serve::start(&site);
    serve.wait_for(&doc.url, "the page", |s, _| s == 200);
    let path = site.join(&doc.file);
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = format!("{text}\nEn ændring.\n");
    std::fs::write(&path, &edited).unwrap();
    serve.wait_for(&doc.url, "the edit", |_, b| b.contains("En ændring."));
    let (_, home) = serve.get("/");
    assert!(
        !home.contains("published version"),
        "serve serves its own build"
    );
    drop(serve);
    let after: Vec<(PathBuf, Vec<u8>)> = snapshot(&site)
        .into_iter()
        .filter(|(p, _)| *p != path)
        .collect();
    let before: Vec<(PathBuf, Vec<u8>)> = before.into_iter().filter(|(p, _)| *p != path).collect();
    assert_eq!(
        before.len(),
        after.len(),
        "no file was added or removed in the site"
    );
    assert!(before == after, "nothing but the edited file changed");
}

#[test]
fn a_port_in_use_is_a_clear_usage_error() {
    let (_dir, site) = example_site();
    let taken = TcpListener::bind(("127.0.0.1", 0)).unwrap();
    let port = taken.local_addr().unwrap().port();
    let out = Command::new(env!("CARGO_BIN_EXE_arkiv"))
        .arg("serve")
        .arg(&site)
        .args(["--port", &port.to_string()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    // The example site is Danish, and so is the message.
    assert!(stderr.contains(&format!("port {port}")), "{stderr}");
    assert!(stderr.contains("er allerede i brug"), "{stderr}");
    assert!(
        stderr.contains(&format!("--port {}", port + 1)),
        "a suggestion: {stderr}"
    );
    drop(taken);
}

#[test]
fn a_missing_site_folder_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_arkiv"))
        .arg("serve")
        .arg(dir.path().join("nowhere"))
        .args(["--port", "0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a folder"));
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_cleanly() {
    let (_dir, site) = example_site();
    let mut serve = Serve::start(&site);
    serve.wait_for("/", "the home page", |s, _| s == 200);
    let status = Command::new("kill")
        .args(["-INT", &serve.child.id().to_string()])
        .status()
        .expect("run kill");
    assert!(status.success());
    let start = Instant::now();
    let code = loop {
        if let Some(status) = serve.child.try_wait().unwrap() {
            break status.code();
        }
        assert!(start.elapsed() < DEADLINE, "serve did not stop on Ctrl-C");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(code, Some(0));
    let stopped = Instant::now();
    // The example site is Danish, so serve says so in Danish.
    let said = "forhåndsvisningen er stoppet";
    while !serve.log().contains(said) && stopped.elapsed() < DEADLINE {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(serve.log().contains(said), "{}", serve.log());
    assert!(!site.join("output").exists(), "nothing was written");
}

#[test]
fn serve_previews_members_only_documents_marked_and_says_it_is_a_preview() {
    let (_dir, site) = example_site();
    let serve = Serve::start(&site);
    let body = serve.wait_for(
        "/2025/referat-generalforsamling-2025/",
        "the members-only minutes",
        |s, b| s == 200 && b.contains("<html"),
    );
    assert!(body.contains("Kun for medlemmer"), "no members-only mark");
    assert!(
        body.contains("Forhåndsvisning med medlemsdokumenter"),
        "no preview banner"
    );
    // Every page says it, so the preview is never taken for the public site.
    let (status, home) = serve.get("/");
    assert_eq!(status, 200);
    assert!(home.contains("Forhåndsvisning med medlemsdokumenter"));
}

#[test]
fn the_link_index_tells_the_secretary_to_run_check_until_it_has_run() {
    let (_dir, site) = example_site();
    let serve = Serve::start(&site);
    let body = serve.wait_for("/links/", "the link index", |s, b| {
        s == 200 && b.contains("<main")
    });
    // Served: the instruction, in the site's language, at the foot of the link index only.
    assert!(body.contains("id=\"arkiv-serve-notice\""), "{body}");
    assert!(
        body.contains("eksterne links er ikke tjekket endnu; kør arkiv check i sitets mappe"),
        "{body}"
    );
    assert!(body.contains("Kun i forhåndsvisningen"));
    let (_, home) = serve.get("/");
    assert!(
        !home.contains("arkiv-serve-notice"),
        "the notice is on the link index only"
    );
    // The terminal says it once, with the count.
    let log = serve.log();
    assert_eq!(
        log.matches("eksterne links er ikke tjekket endnu").count(),
        1,
        "{log}"
    );
    assert!(log.contains("bemærk: "), "{log}");
    // The built page itself never names the command.
    let rendered = arkiv::pipeline::render_site(&site, false).unwrap();
    let page = rendered
        .files
        .iter()
        .find(|f| f.path == "links/index.html")
        .unwrap();
    assert!(!String::from_utf8_lossy(&page.contents).contains("arkiv check"));
    // `arkiv check` saves its results: serve picks them up, and the notice goes.
    let mut cache = arkiv::load::link_cache::Cache::new();
    for t in rendered.archive.links.index.web_targets() {
        cache.results.insert(
            t.url.clone(),
            arkiv::load::link_cache::CheckResult {
                status: Some(200),
                attempts: 1,
                ..arkiv::load::link_cache::CheckResult::new(
                    &t.url,
                    arkiv::load::link_cache::LinkState::Ok,
                    1_700_000_000,
                )
            },
        );
    }
    cache.save(&site).unwrap();
    serve.wait_for("/links/", "the notice to go", |s, b| {
        s == 200 && !b.contains("arkiv-serve-notice") && b.contains("Seneste linktjek")
    });
}
