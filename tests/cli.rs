//! The command line around `init` and `new`: completions, plain `arkiv`, `--quiet`,
//! `--verbose` and `--lang`, serve's words, and the help, in the site's language.

mod cli_support;
use cli_support::{arkiv, arkiv_env, build, new_site};
use std::process::Command;

#[test]
fn completions_generate_for_each_shell() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let run = arkiv(dir.path(), &["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        assert!(run.stdout.len() > 200, "{shell}");
        assert!(run.stdout.contains("arkiv"), "{shell}");
        assert!(run.stdout.contains("init"), "{shell}");
    }
    assert_eq!(arkiv(dir.path(), &["completions", "tcsh"]).code, 2);
}

#[test]
fn plain_arkiv_in_a_site_says_what_to_type_next() {
    let (dir, site) = new_site("da");
    let run = arkiv(&site, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run
        .stdout
        .contains("Denne mappe indeholder et arkiv-site: Beboerforeningen"));
    for command in ["arkiv serve --open", "arkiv new meeting", "arkiv build"] {
        assert!(run.stdout.contains(command), "{}", run.stdout);
    }
    let run = arkiv(&site, &["--lang", "en"]);
    assert!(run.stdout.contains("What to type next"), "{}", run.stdout);
    // Outside a site: the help, as a usage error.
    let run = arkiv(dir.path(), &[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("Usage: arkiv"), "{}", run.stderr);
}

#[test]
fn quiet_verbose_and_lang_on_build() {
    let (_dir, site) = new_site("da");
    // A fresh site's `base_url: /` gets a warning on every build; published, it has none.
    let run = build(&site);
    assert!(run.stderr.contains("`base_url` er `/`"), "{}", run.stderr);
    let yaml = std::fs::read_to_string(site.join("site.yaml")).unwrap();
    let yaml = yaml.replace("base_url: /\n", "base_url: https://beboerne.example/\n");
    std::fs::write(site.join("site.yaml"), yaml).unwrap();
    let run = build(&site);
    assert!(run.stderr.starts_with("byggede"), "{}", run.stderr);
    let run = arkiv(&site, &["build", "--quiet"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stderr, "", "quiet prints only errors");
    let run = arkiv(&site, &["--verbose", "build"]);
    assert!(run.stderr.contains("  sider "), "timings: {}", run.stderr);
    assert!(
        run.stderr.contains("  søgeindeks "),
        "timings: {}",
        run.stderr
    );
    assert!(run.stderr.contains("ms i alt"), "{}", run.stderr);
    // Where the system tells (Linux), each stage shows the memory held and the peak so far.
    if cfg!(target_os = "linux") {
        let line = run
            .stderr
            .lines()
            .find(|l| l.trim_start().starts_with("sider "));
        let columns = line.map(|l| l.matches(" MB").count());
        assert_eq!(columns, Some(2), "{}", run.stderr);
    }
    let run = arkiv(&site, &["build", "--lang", "en"]);
    assert!(
        run.stderr.starts_with("built 4 documents"),
        "{}",
        run.stderr
    );
    let run = arkiv_env(&site, &["build"], &[("ARKIV_LANG", "en")]);
    assert!(run.stderr.starts_with("built"), "{}", run.stderr);
    let run = arkiv(&site, &["build", "--quiet", "--verbose"]);
    assert_eq!(run.code, 2, "quiet and verbose conflict");
    // A failed build is said in the site's language, even when quiet.
    std::fs::write(site.join("content/bad.md"), "no front matter").unwrap();
    let run = arkiv(&site, &["build", "-q"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("sitet blev ikke bygget: 1 fejl"),
        "{}",
        run.stderr
    );
    let run = arkiv(&site, &["build", "nowhere"]);
    assert_eq!(run.code, 2);
}

#[test]
fn serve_open_says_where_the_site_is_and_how_to_stop_in_the_sites_language() {
    use std::io::{BufRead, BufReader};
    let (_dir, site) = new_site("da");
    // No browser can be found on an empty PATH, so nothing opens; arkiv says so.
    let empty = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_arkiv"))
        .current_dir(&site)
        .args(["serve", "--open", "--port", "0"])
        .env_remove("ARKIV_LANG")
        .env("PATH", empty.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start arkiv serve");
    let stderr = child.stderr.take().expect("piped");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut said = String::new();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !said.contains("åbn selv") && std::time::Instant::now() < deadline {
        if let Ok(line) = rx.recv_timeout(std::time::Duration::from_millis(200)) {
            said.push_str(&line);
            said.push('\n');
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    let site_path = std::fs::canonicalize(&site).unwrap();
    assert!(
        said.contains(&format!(
            "viser {} på http://127.0.0.1:",
            site_path.display()
        )),
        "{said}"
    );
    assert!(said.contains("(tryk Ctrl-C for at stoppe)"), "{said}");
    assert!(said.contains("byggede sitet: "), "{said}");
    assert!(
        said.contains("bemærk: kunne ikke åbne en browser"),
        "{said}"
    );
}

#[test]
fn help_is_in_the_language_of_the_site_or_of_lang() {
    let dir = tempfile::tempdir().unwrap();
    let run = arkiv_env(dir.path(), &["--help"], &[("LANG", "da_DK.UTF-8")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for text in [
        "Start et nyt site",
        "Kommandoer:",
        "Valg:",
        "Vis hjælp",
        "Brug: arkiv",
        "arkiv init min-forening",
    ] {
        assert!(run.stdout.contains(text), "{text}: {}", run.stdout);
    }
    let run = arkiv(dir.path(), &["--help"]);
    assert!(run.stdout.contains("Start a new site"), "{}", run.stdout);
    assert!(run.stdout.contains("Commands:"), "{}", run.stdout);
    // In a Danish site, the help of a command is Danish; --lang en makes it English.
    let (_dir, site) = new_site("da");
    let run = arkiv(&site, &["new", "--help"]);
    assert!(run.stdout.contains("Dokumentets titel"), "{}", run.stdout);
    assert!(run.stdout.contains("Argumenter:"), "{}", run.stdout);
    let run = arkiv(&site, &["new", "--help", "--lang", "en"]);
    assert!(
        run.stdout.contains("The document's title"),
        "{}",
        run.stdout
    );
    let run = arkiv(&site, &["--lang=en", "-h"]);
    assert!(run.stdout.contains("Options:"), "{}", run.stdout);
    let run = arkiv(&site, &["-V"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with("arkiv "), "{}", run.stdout);
}

/// A finished check of `url` in the site's cache, as `arkiv check` leaves it.
fn checked(site: &std::path::Path, urls: &[&str]) {
    use arkiv::load::link_cache::{Cache, CheckResult, LinkState};
    let mut cache = Cache::new();
    for url in urls {
        cache.results.insert(
            url.to_string(),
            CheckResult {
                status: Some(200),
                content_type: Some("text/html".into()),
                attempts: 1,
                ..CheckResult::new(url, LinkState::Ok, 1_700_000_000)
            },
        );
    }
    cache.save(site).unwrap();
}

#[test]
fn the_build_tells_the_secretary_to_run_check_once_with_the_count() {
    let (_dir, site) = new_site("da");
    let yaml = std::fs::read_to_string(site.join("site.yaml")).unwrap();
    let yaml = yaml.replace("base_url: /\n", "base_url: https://beboerne.example/\n");
    std::fs::write(
        site.join("site.yaml"),
        format!("{yaml}\nlink_check:\n  skip: [intra.example]\n"),
    )
    .unwrap();
    // Two outside web links; a mail address and a skipped host are never checked.
    std::fs::write(
        site.join("content/nyttige-links.md"),
        "---\ntitle: Links\nkind: page\n---\n\nSe [kommunen](https://kommune.example/affald) og \
         [boligselskabet](https://bolig.example/) (igen: [boligselskabet](https://bolig.example/)), \
         skriv til [formanden](mailto:formand@beboerne.example), eller se [intra](https://intra.example/x).\n",
    )
    .unwrap();
    let note = "bemærk: 2 eksterne links er ikke tjekket endnu; kør arkiv check i sitets mappe for at se, om de virker";
    let run = build(&site);
    assert_eq!(run.stderr.matches(note).count(), 1, "{}", run.stderr);
    assert_eq!(
        run.stderr.matches("arkiv check").count(),
        1,
        "{}",
        run.stderr
    );
    let run = arkiv(&site, &["build", "--lang", "en"]);
    assert!(
        run.stderr.contains("note: 2 outside links have not been checked yet; run arkiv check in the site's folder to see whether they work"),
        "{}",
        run.stderr
    );
    assert_eq!(arkiv(&site, &["build", "--quiet"]).stderr, "");
    // After a check of one of them, one is left; after both, nothing is said.
    checked(&site, &["https://kommune.example/affald"]);
    let run = build(&site);
    assert!(
        run.stderr.contains("bemærk: 1 eksternt link er ikke tjekket endnu; kør arkiv check i sitets mappe for at se, om det virker"),
        "{}",
        run.stderr
    );
    checked(
        &site,
        &["https://kommune.example/affald", "https://bolig.example/"],
    );
    let run = build(&site);
    assert!(!run.stderr.contains("arkiv check"), "{}", run.stderr);
    // The public page says it neutrally and never names the command.
    checked(&site, &[]);
    build(&site);
    let links = std::fs::read_to_string(site.join("output/links/index.html")).unwrap();
    assert!(links.contains("Eksterne links er ikke tjekket endnu."));
    assert!(!links.contains("arkiv check"));
}
