//! Reliability and safety (issue 15): nothing from outside `content/` is published, nothing
//! the user put in the output is lost, and every error names the right line.

mod common;
use common::{build_errors, make_pdf, Fixture};

fn grep_output(f: &Fixture, needle: &str) -> Vec<String> {
    let mut hits = Vec::new();
    for entry in walkdir::WalkDir::new(f.output()).into_iter().flatten() {
        if entry.file_type().is_file() {
            let bytes = std::fs::read(entry.path()).unwrap_or_default();
            if String::from_utf8_lossy(&bytes).contains(needle) {
                hits.push(entry.path().display().to_string());
            }
        }
    }
    hits
}

#[cfg(unix)]
#[test]
fn symlinked_attachment_outside_content_is_an_error_and_never_read() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.pdf"),
        make_pdf(Some("Hemmelig plan"), &["Fortrolig tekst udenfor"]),
    )
    .unwrap();
    std::fs::create_dir_all(outside.path().join("folder")).unwrap();
    std::fs::write(
        outside.path().join("folder/other.pdf"),
        make_pdf(Some("Anden hemmelighed"), &["Mere fortrolig tekst"]),
    )
    .unwrap();
    let f = Fixture::danish();
    f.doc(
        "2025/a.md",
        "title: Beretning\ndate: 2025-03-01\nkind: newsletter\nattachments:\n  - secret.pdf\n  - linked/other.pdf",
        "Tekst.\n",
    );
    std::os::unix::fs::symlink(
        outside.path().join("secret.pdf"),
        f.root().join("content/2025/secret.pdf"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("folder"),
        f.root().join("content/2025/linked"),
    )
    .unwrap();
    std::fs::write(
        outside.path().join("notes.md"),
        "---\ntitle: Hemmelige noter\ndate: 2025-01-01\nkind: newsletter\n---\nFortroligt.\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("notes.md"),
        f.root().join("content/2025/notes.md"),
    )
    .unwrap();
    let errors = build_errors(&f);
    assert!(
        errors.contains("content/2025/notes.md: this is a symbolic link"),
        "{errors}"
    );
    assert!(
        errors.contains("content/2025/a.md:6:1: attachment \"secret.pdf\" is a symbolic link"),
        "{errors}"
    );
    assert!(
        errors.contains("content/2025/a.md:7:1: attachment \"linked/other.pdf\""),
        "{errors}"
    );
    assert!(
        errors.contains("content/2025/secret.pdf: this is a symbolic link"),
        "{errors}"
    );
    // Nothing of it reaches a served or rendered file either.
    let site = arkiv::pipeline::render_site(f.root(), false);
    assert!(site.is_err(), "the build must fail");
}

#[cfg(unix)]
#[test]
fn symlink_inside_content_is_followed() {
    let f = Fixture::danish();
    f.doc(
        "2025/a.md",
        "title: Beretning\ndate: 2025-03-01\nkind: newsletter\nattachments: [plan.pdf]",
        "Tekst.\n",
    );
    f.write(
        "content/filer/plan.pdf",
        make_pdf(Some("Planen"), &["Indvendig tekst"]),
    );
    std::os::unix::fs::symlink("../filer/plan.pdf", f.root().join("content/2025/plan.pdf"))
        .unwrap();
    assert_eq!(build_errors(&f), "");
    assert!(f.output().join("2025/plan.pdf").is_file());
    assert!(!grep_output(&f, "Indvendig").is_empty());
}

#[test]
fn build_refuses_to_delete_files_it_did_not_write() {
    let f = Fixture::danish();
    f.doc(
        "2025/a.md",
        "title: Beretning\ndate: 2025-03-01\nkind: newsletter",
        "Tekst.\n",
    );
    assert_eq!(build_errors(&f), "");
    f.write("output/CNAME", "arkiv.forening.dk\n");
    f.write("output/.git/HEAD", "ref: refs/heads/main\n");
    f.write("output/2025/noter.txt", "mine noter\n");
    let errors = build_errors(&f);
    assert!(
        errors.contains("holds files arkiv did not write"),
        "{errors}"
    );
    assert!(errors.contains(".git/, 2025/noter.txt, CNAME"), "{errors}");
    assert!(errors.contains("content/"), "{errors}");
    assert!(f.output().join("CNAME").is_file());
    assert!(f.output().join(".git/HEAD").is_file());
    assert!(f.output().join("2025/noter.txt").is_file());
    // Their home is content/: copied on every build, .well-known/ included.
    for rel in ["CNAME", ".git", "2025/noter.txt"] {
        let p = f.output().join(rel);
        if p.is_dir() {
            std::fs::remove_dir_all(p).unwrap();
        } else {
            std::fs::remove_file(p).unwrap();
        }
    }
    f.write("content/CNAME", "arkiv.forening.dk\n");
    f.write("content/.well-known/security.txt", "Contact: x\n");
    assert_eq!(build_errors(&f), "");
    assert!(f.output().join("CNAME").is_file());
    assert!(f.output().join(".well-known/security.txt").is_file());
    assert_eq!(build_errors(&f), "", "a rebuild of its own output is fine");
}

#[test]
fn too_long_names_are_errors_at_their_key_and_long_slugs_are_cut() {
    let f = Fixture::danish();
    let long = "a".repeat(300);
    f.doc(
        "2025/a.md",
        &format!("title: Beretning\ndate: 2025-03-01\nkind: newsletter\nslug: {long}"),
        "Tekst.\n",
    );
    f.doc(
        "2025/b.md",
        &format!("title: B\ndate: 2025-03-01\nkind: committee-report\ncommittee: {long}\ntags: [kort, {long}]\nauthors:\n  - Karen\n  - {long}"),
        "Tekst.\n",
    );
    let errors = build_errors(&f);
    assert!(
        errors.contains("content/2025/a.md:5:7: the slug is 300 characters long"),
        "{errors}"
    );
    assert!(
        errors.contains("content/2025/b.md:5:1: a name in `committee`"),
        "{errors}"
    );
    assert!(
        errors.contains("content/2025/b.md:6:1: a name in `tags`"),
        "{errors}"
    );
    assert!(
        errors.contains("content/2025/b.md:9:1: a name in `authors`"),
        "{errors}"
    );
    assert!(!errors.contains("os error"), "{errors}");

    // Names that fit get a cut slug with a hash: distinct, and the build works.
    let f = Fixture::danish();
    let name = |end: &str| {
        format!(
            "{}{end}",
            "Udvalget for lægevagt og vagtplanlægning i regionerne ".repeat(2)
        )
    };
    f.doc(
        "2025/a.md",
        &format!("title: A\ndate: 2025-03-01\nkind: newsletter\ntags: [\"{}\", \"{}\"]\nauthors: [\"{}\"]", name("1"), name("2"), name("3")),
        "Tekst.\n",
    );
    assert_eq!(build_errors(&f), "");
    let tags: Vec<String> = std::fs::read_dir(f.output().join("tags"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(tags.len(), 2, "{tags:?}");
    assert!(
        tags.iter()
            .all(|t| t.len() <= arkiv::core::slug::MAX_SLUG_LEN),
        "{tags:?}"
    );
}

fn control_chars_in_output(f: &Fixture) -> Vec<String> {
    let mut hits = Vec::new();
    for entry in walkdir::WalkDir::new(f.output()).into_iter().flatten() {
        let path = entry.path();
        let text_like = ["html", "xml", "js", "json", "css"]
            .iter()
            .any(|e| path.extension().is_some_and(|x| x == *e));
        if entry.file_type().is_file() && text_like {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            if text.chars().any(arkiv::core::sanitize::is_stripped) {
                hits.push(path.display().to_string());
            }
        }
    }
    hits
}

#[test]
fn control_characters_never_reach_html_xml_or_js() {
    let f = Fixture::danish();
    f.doc(
        "2025/a.md",
        "title: \"Bere\\x01tning\\x1b\"\ndate: 2025-03-01\nkind: newsletter\ntags: [\"over\\x02enskomst\"]\nsummary: \"Kort\\x7f\"\nattachments: [plan.pdf]",
        "Tekst med \u{1} styre\u{8}tegn.\n",
    );
    f.write(
        "content/2025/plan.pdf",
        make_pdf(Some("Plan\\001for\\002i aar"), &["Side\\003tekst"]),
    );
    assert_eq!(build_errors(&f), "");
    assert_eq!(control_chars_in_output(&f), Vec::<String>::new());
    let feed = f.read_output("feed.xml");
    assert!(feed.contains("Beretning"), "{feed}");
}

#[test]
fn generate_refuses_a_huge_document_count_before_writing() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("site");
    // The command line refuses it too: crates/arkiv-gen/tests/cli.rs.
    let options = arkiv_gen::GenerateOptions {
        documents: usize::MAX,
        seed: 1,
    };
    assert!(arkiv_gen::generate_site(&target, &options).is_err());
    assert!(!target.exists(), "nothing is written");
}

fn small_site() -> Fixture {
    let f = Fixture::danish();
    f.doc(
        "2025/a.md",
        "title: Beretning\ndate: 2025-03-01\nkind: newsletter",
        "Tekst.\n",
    );
    f
}

#[test]
fn leftovers_of_killed_builds_are_removed_at_the_next_build() {
    let f = small_site();
    for leftover in [".output.arkiv-staging-999999", ".output.arkiv-old-999998"] {
        f.write(&format!("{leftover}/2025/a/index.html"), "old");
    }
    f.write(".other.arkiv-staging-1/x", "not ours to remove");
    assert_eq!(build_errors(&f), "");
    assert!(!f.root().join(".output.arkiv-staging-999999").exists());
    assert!(!f.root().join(".output.arkiv-old-999998").exists());
    assert!(f.root().join(".other.arkiv-staging-1/x").exists());
}

#[test]
fn a_second_build_of_the_same_output_waits_for_the_first() {
    let f = small_site();
    let lock = std::fs::File::create(arkiv::output::guard::lock_path(&f.output())).unwrap();
    lock.lock().unwrap();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_arkiv"))
        .arg("build")
        .arg(f.root())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(700));
    assert!(!f.output().exists(), "the second build waits for the lock");
    drop(lock);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    // Said in the site's language (the fixture is Danish), though printed deep in the build.
    assert!(
        stderr.contains("en anden arkiv build skriver i"),
        "{stderr}"
    );
    assert!(f.output().join("2025/a/index.html").is_file());
}

#[cfg(unix)]
#[test]
fn ctrl_c_removes_the_staging_folder() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    arkiv_gen::generate_site(
        &site,
        &arkiv_gen::GenerateOptions {
            documents: 600,
            seed: 1,
        },
    )
    .unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_arkiv"))
        .arg("build")
        .arg(&site)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let staging = site.join(format!(".output.arkiv-staging-{}", child.id()));
    let start = std::time::Instant::now();
    while !staging.exists() && start.elapsed() < std::time::Duration::from_secs(20) {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(staging.exists(), "the build started writing");
    std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr.take() {
        use std::io::Read;
        let _ = e.read_to_string(&mut stderr);
    }
    if status.success() {
        // The build won the race; nothing to check.
        return;
    }
    assert!(!staging.exists(), "{stderr}");
    assert!(!site.join("output").exists(), "{stderr}");
}

#[test]
fn a_drafts_attachments_are_not_published() {
    let f = Fixture::danish();
    f.doc(
        "2025/plan.md",
        "title: Hemmelig plan\ndate: 2025-03-01\nkind: newsletter\ndraft: true\nattachments: [secretplan.pdf, shared.pdf]",
        "Tekst.\n",
    );
    f.doc(
        "2025/a.md",
        "title: Offentlig\ndate: 2025-03-01\nkind: newsletter\nattachments: [shared.pdf]",
        "Tekst.\n",
    );
    f.write("content/2025/secretplan.pdf", make_pdf(None, &["Hemmelig"]));
    f.write("content/2025/shared.pdf", make_pdf(None, &["Delt"]));
    f.write("content/2025/billede.png", "png");
    assert_eq!(build_errors(&f), "");
    assert!(!f.output().join("2025/secretplan.pdf").exists());
    assert!(
        f.output().join("2025/shared.pdf").is_file(),
        "a published document attaches it"
    );
    assert!(
        f.output().join("2025/billede.png").is_file(),
        "other files are copied"
    );
    let (code, stderr) = f.build_cli(&["--drafts"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        f.output().join("2025/secretplan.pdf").is_file(),
        "--drafts shows it"
    );
}

#[test]
fn a_theme_is_a_name_not_a_path() {
    for bad in ["/etc", "../../elsewhere", "themes/x", "."] {
        let f = Fixture::new(&format!("title: T\ntheme: \"{bad}\"\n"));
        f.doc(
            "2025/a.md",
            "title: A\ndate: 2025-03-01\nkind: newsletter",
            "x\n",
        );
        let errors = build_errors(&f);
        assert!(
            errors.contains("site.yaml:2:8: `theme` must be a name"),
            "{bad}: {errors}"
        );
    }
}

#[test]
fn attachment_links_encode_hash_question_mark_and_percent() {
    let f = Fixture::danish();
    f.doc(
        "2025/a.md",
        "title: A\ndate: 2025-03-01\nkind: newsletter\nattachments: [\"bilag #2?.pdf\", \"100% regnskab.pdf\"]",
        "Tekst.\n",
    );
    f.write("content/2025/bilag #2?.pdf", make_pdf(None, &["Bilag"]));
    f.write(
        "content/2025/100% regnskab.pdf",
        make_pdf(None, &["Regnskab"]),
    );
    assert_eq!(build_errors(&f), "");
    let page = f.read_output("2025/a/index.html");
    assert!(page.contains("2025/bilag%20%232%3F.pdf\""), "{page}");
    assert!(page.contains("2025/100%25%20regnskab.pdf\""), "{page}");
    let pdfs = f.read_output("pdfs/index.html");
    assert!(pdfs.contains("bilag%20%232%3F.pdf"), "{pdfs}");
    assert!(f.output().join("2025/bilag #2?.pdf").is_file());
}

#[test]
fn a_missing_attachment_is_reported_at_its_own_line() {
    let f = Fixture::danish();
    f.doc(
        "2025/a.md",
        "title: A\ndate: 2025-03-01\nkind: newsletter\nattachments:\n  - report-old.pdf\n  - old.pdf",
        "Tekst.\n",
    );
    f.write("content/2025/report-old.pdf", make_pdf(None, &["x"]));
    let errors = build_errors(&f);
    assert!(
        errors.contains("content/2025/a.md:7:1: attachment \"old.pdf\" does not exist"),
        "{errors}"
    );
    let f = Fixture::danish();
    f.doc(
        "2025/a.md",
        "title: A\ndate: 2025-03-01\nkind: newsletter\nattachments:\n  - path: report-old.pdf\n  - path: \"old.pdf\"\n    title: Gammel",
        "Tekst.\n",
    );
    f.write("content/2025/report-old.pdf", make_pdf(None, &["x"]));
    let errors = build_errors(&f);
    assert!(
        errors.contains("content/2025/a.md:7:1: attachment \"old.pdf\""),
        "{errors}"
    );
}

#[test]
fn check_keeps_to_its_time_budget_and_reports_what_it_did_not_reach() {
    use std::time::{Duration, Instant};
    // A server that accepts connections and never answers.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().flatten() {
            held.push(stream);
        }
    });
    let f = Fixture::danish();
    let body: String = (0..20)
        .map(|i| format!("- [{i}]({base}/hang/{i})\n"))
        .collect();
    f.doc(
        "2025/a.md",
        "title: A\ndate: 2025-01-01\nkind: minutes",
        &body,
    );
    let settings = arkiv::check::http::HttpSettings {
        timeout: Duration::from_secs(1),
        per_host: 2,
        budget: Some(Duration::from_secs(2)),
        ..Default::default()
    };
    let options = arkiv::check::CheckOptions {
        progress: false,
        http: Some(settings),
        ..Default::default()
    };
    let start = Instant::now();
    let report = arkiv::check::run(f.root(), &options).unwrap();
    let took = start.elapsed();
    assert!(took < Duration::from_millis(4500), "took {took:?}");
    let not_reached = report
        .external
        .iter()
        .filter(|e| e.result.state == arkiv::load::link_cache::LinkState::NotReached)
        .count();
    assert!(not_reached >= 10, "{not_reached}");
    assert_eq!(report.external.len(), 20);
    let english = arkiv::core::messages::Messages::new(arkiv::core::i18n::Language::En);
    let human = arkiv::check::report::human(&report, english);
    assert!(
        human.contains("not reached within the time budget"),
        "{human}"
    );
}

#[test]
fn site_yaml_sets_the_check_budget() {
    let c = arkiv::load::config::SiteConfig::parse(
        "title: X\nlink_check:\n  budget: 30\n",
        std::path::Path::new("site.yaml"),
    )
    .unwrap();
    assert_eq!(c.link_check.budget_secs, 30);
    assert_eq!(
        arkiv::check::settings_from(&c.link_check).budget,
        Some(std::time::Duration::from_secs(30))
    );
}

#[test]
fn yaml_errors_name_the_line_where_the_mistake_is() {
    let f = Fixture::danish();
    f.doc(
        "2025/dup.md",
        "title: A\ndate: 2025-03-01\nkind: newsletter\ntitle: B",
        "x\n",
    );
    f.doc(
        "2025/quote.md",
        "title: \"Formandens beretning\ndate: 2025-03-01\nkind: newsletter\ntags: [a]",
        "x\n",
    );
    f.doc(
        "2025/tab.md",
        "title: A\ndate: 2025-03-01\nkind: newsletter\ntags:\n\t- a\n\t- b",
        "x\n",
    );
    let errors = build_errors(&f);
    // The duplicate, not the first key.
    assert!(
        errors.contains("content/2025/dup.md:5:1: `title` is given twice"),
        "{errors}"
    );
    // Where the quote opens, with a hint that it was never closed.
    assert!(
        errors.contains("content/2025/quote.md:2:8: a quote (\") opened here is never closed"),
        "{errors}"
    );
    assert!(errors.contains("closing \""), "{errors}");
    // A tab used for indentation is named as the problem.
    assert!(errors.contains("content/2025/tab.md:6:"), "{errors}");
    assert!(errors.contains("indent with spaces, not tabs"), "{errors}");
}

#[test]
fn serve_answers_414_and_431_to_over_long_lines() {
    use std::io::{BufRead, BufReader, Read, Write};
    let f = small_site();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_arkiv"))
        .arg("serve")
        .arg(f.root())
        .args(["--port", "0"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
                let port: String = rest.chars().take_while(char::is_ascii_digit).collect();
                let _ = tx.send(port);
            }
        }
    });
    let port = rx
        .recv_timeout(std::time::Duration::from_secs(30))
        .expect("serve started");
    let status_of = |request: Vec<u8>| {
        let mut stream = std::net::TcpStream::connect(format!("127.0.0.1:{port}")).unwrap();
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(10)))
            .unwrap();
        // The server may answer and close before the whole request is sent.
        let _ = stream.write_all(&request);
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        String::from_utf8_lossy(&answer)
            .lines()
            .next()
            .unwrap_or_default()
            .to_string()
    };
    let long_path = format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(2 * 1024 * 1024));
    let long_header = format!(
        "GET / HTTP/1.1\r\nCookie: {}\r\n\r\n",
        "b".repeat(2 * 1024 * 1024)
    );
    let first = status_of(long_path.into_bytes());
    let second = status_of(long_header.into_bytes());
    let fine = status_of(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n".to_vec());
    let _ = child.kill();
    let _ = child.wait();
    assert!(first.starts_with("HTTP/1.1 414"), "{first}");
    assert!(second.starts_with("HTTP/1.1 431"), "{second}");
    assert!(fine.starts_with("HTTP/1.1 200"), "{fine}");
}
