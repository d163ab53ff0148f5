//! `arkiv init`, `arkiv new`, `arkiv completions` and plain `arkiv`, run as a new user would:
//! the real binary in a temporary folder, then `arkiv build` on what they wrote.

use std::path::Path;
use std::process::Command;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs arkiv in `cwd` with a clean language environment plus `env`.
fn arkiv_env(cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_arkiv"));
    command.current_dir(cwd).args(args);
    for name in ["ARKIV_LANG", "LANG", "LC_ALL", "LC_MESSAGES"] {
        command.env_remove(name);
    }
    command.envs(env.iter().copied());
    let out = command.output().expect("run arkiv");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).to_string(),
        stderr: String::from_utf8_lossy(&out.stderr).to_string(),
    }
}

fn arkiv(cwd: &Path, args: &[&str]) -> Run {
    arkiv_env(cwd, args, &[])
}

fn this_year() -> i32 {
    arkiv::scaffold::clock::today().year
}

/// A new site made with `arkiv init` in `language`, inside a fresh temporary folder.
fn new_site(language: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let run = arkiv(dir.path(), &["init", "site", "--language", language]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let site = dir.path().join("site");
    (dir, site)
}

fn build(site: &Path) -> Run {
    let run = arkiv(site, &["build"]);
    assert_eq!(run.code, 0, "the site did not build:\n{}", run.stderr);
    run
}

#[test]
fn init_then_build_in_danish() {
    let (_dir, site) = new_site("da");
    let year = this_year();
    for file in [
        "site.yaml".to_string(),
        "LÆS MIG.md".to_string(),
        format!("content/{year}/generalforsamling-{year}.md"),
        format!("content/{year}/formandens-beretning-{year}.md"),
        format!("content/{year}/praesentation-generalforsamling-{year}.md"),
        format!("content/{year}/regnskab-{}.md", year - 1),
    ] {
        assert!(site.join(&file).is_file(), "{file} is missing");
    }
    let config = std::fs::read_to_string(site.join("site.yaml")).unwrap();
    for key in [
        "title:",
        "description:",
        "language: da",
        "base_url:",
        "theme:",
        "minify:",
        "link_check:",
    ] {
        assert!(config.contains(key), "site.yaml lacks {key}");
    }
    assert!(config.contains("# Foreningens navn"), "{config}");
    let run = build(&site);
    assert!(
        run.stderr.contains("byggede 4 dokumenter"),
        "{}",
        run.stderr
    );
    let home = std::fs::read_to_string(site.join("output/index.html")).unwrap();
    assert!(home.contains("Beboerforeningen Kastanjegården"));
    let meeting = std::fs::read_to_string(
        site.join(format!("output/{year}/generalforsamling-{year}/index.html")),
    )
    .unwrap();
    assert!(
        meeting.contains("Formandens beretning"),
        "programme is shown"
    );
    assert!(site
        .join(format!(
            "output/{year}/praesentation-generalforsamling-{year}/slides/index.html"
        ))
        .is_file());
}

#[test]
fn init_then_build_in_english_with_a_title() {
    let dir = tempfile::tempdir().unwrap();
    let title = "The \"Otters\": Canoe Club # 1";
    let run = arkiv(
        dir.path(),
        &["init", "otters", "--language", "en", "--title", title],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("Made a new site in otters."),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("cd otters"), "{}", run.stdout);
    assert!(run.stdout.contains("README.md"), "{}", run.stdout);
    assert!(!run.stdout.contains("made-up"), "a title was given");
    let site = dir.path().join("otters");
    assert!(site.join("README.md").is_file());
    let run = build(&site);
    assert!(run.stderr.contains("built 4 documents"), "{}", run.stderr);
    let config = arkiv::load::config::SiteConfig::load(&site).unwrap();
    assert_eq!(config.title, title);
    assert_eq!(config.language, arkiv::core::i18n::Language::En);
}

#[test]
fn init_in_the_current_folder_follows_lang() {
    let dir = tempfile::tempdir().unwrap();
    let run = arkiv_env(dir.path(), &["init"], &[("LANG", "en_GB.UTF-8")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("cd "), "{}", run.stdout);
    assert!(run.stdout.contains("change `title:`"), "{}", run.stdout);
    assert!(dir.path().join("README.md").is_file());
    build(dir.path());
}

#[test]
fn init_refuses_a_folder_that_holds_a_site() {
    let (dir, site) = new_site("da");
    let before = std::fs::read_to_string(site.join("site.yaml")).unwrap();
    let run = arkiv(dir.path(), &["init", "site", "--title", "Ny"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("indeholder allerede et site (site.yaml findes)"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("overskriver aldrig"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(site.join("site.yaml")).unwrap(),
        before
    );

    // A content folder alone is a site too.
    let other = dir.path().join("other");
    std::fs::create_dir_all(other.join("content")).unwrap();
    let run = arkiv(dir.path(), &["init", "other", "--language", "en"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("already holds a site (content is there)"),
        "{}",
        run.stderr
    );
    assert!(!other.join("site.yaml").exists());
}

#[test]
fn init_refuses_to_overwrite_any_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("LÆS MIG.md"), "mine").unwrap();
    let run = arkiv(dir.path(), &["init", "--language", "da"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("LÆS MIG.md findes allerede"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("LÆS MIG.md")).unwrap(),
        "mine"
    );
    assert!(
        !dir.path().join("site.yaml").exists(),
        "nothing was written"
    );
}

#[test]
fn init_refuses_a_file_and_an_empty_title() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("file"), "x").unwrap();
    let run = arkiv(dir.path(), &["init", "file", "--language", "en"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("error: file is a file, not a folder"),
        "{}",
        run.stderr
    );
    let run = arkiv(
        dir.path(),
        &["init", "x", "--title", "  ", "--language", "da"],
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("fejl: titlen er tom"), "{}", run.stderr);
    assert!(!dir.path().join("x").exists());
}

#[cfg(unix)]
#[test]
fn init_says_when_it_cannot_write() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(locked.join("probe"), "x").is_ok() {
        return; // running as root: permissions do not stop writes
    }
    let run = arkiv(dir.path(), &["init", "locked", "--language", "en"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("cannot write"), "{}", run.stderr);
}

#[test]
fn new_for_each_kind_builds() {
    for language in ["da", "en"] {
        let (_dir, site) = new_site(language);
        let year = this_year();
        let meeting = match language {
            "da" => format!("generalforsamling-{year}"),
            _ => format!("annual-general-meeting-{year}"),
        };
        for kind in arkiv::core::kind::Kind::ALL {
            let title = format!("Ny {} æøå", kind.as_str());
            let mut args = vec!["new", kind.as_str(), &title, "--date", "2025-06-12"];
            if !matches!(
                kind,
                arkiv::core::kind::Kind::Meeting | arkiv::core::kind::Kind::Page
            ) {
                args.extend(["--meeting", &meeting]);
            }
            let run = arkiv(&site, &args);
            assert_eq!(run.code, 0, "{kind:?}: {}", run.stderr);
            let slug = arkiv::core::slug::slugify(&title);
            let rel = match kind {
                arkiv::core::kind::Kind::Page => format!("content/{slug}.md"),
                _ => format!("content/2025/{slug}.md"),
            };
            assert_eq!(run.stdout.trim(), rel, "the path, from where arkiv runs");
            let text = std::fs::read_to_string(site.join(&rel)).unwrap();
            assert!(
                text.contains(&format!("kind: {}\n", kind.as_str())),
                "{text}"
            );
        }
        build(&site);
        let read = |rel: &str| std::fs::read_to_string(site.join(rel)).unwrap();
        let slides = read("content/2025/ny-slides-aeoeaa.md");
        // The line closing the front matter, then the two separators between three slides.
        assert_eq!(slides.matches("\n---\n").count(), 3, "{slides}");
        assert_eq!(slides.matches("Note:").count(), 3);
        assert!(read("content/2025/ny-accounts-aeoeaa.md").contains("---:|"));
        assert_eq!(
            read("content/2025/ny-meeting-aeoeaa.md")
                .matches("- time:")
                .count(),
            3
        );
        assert!(read("content/2025/ny-committee-report-aeoeaa.md").contains("\ncommittee: "));
        assert!(
            read("content/2025/ny-minutes-aeoeaa.md").contains(&format!("meeting: {meeting}\n"))
        );
    }
}

#[test]
fn new_dates_today_in_copenhagen_and_says_what_next() {
    let (_dir, site) = new_site("da");
    let run = arkiv(
        &site,
        &["new", "udvalgsberetning", "Festudvalgets beretning"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let today = arkiv::scaffold::clock::today();
    let path = site.join(format!("content/{}/festudvalgets-beretning.md", today.year));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(&format!("date: {today}\n")), "{text}");
    assert!(
        text.contains("kind: committee-report"),
        "Danish words name kinds too"
    );
    assert!(
        run.stderr.contains("Skriv udvalgets navn"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("arkiv serve --open"), "{}", run.stderr);
    build(&site);
}

#[test]
fn new_refuses_to_overwrite() {
    let (_dir, site) = new_site("en");
    let args = ["new", "newsletter", "June news", "--date", "2025-06-01"];
    assert_eq!(arkiv(&site, &args).code, 0);
    let path = site.join("content/2025/june-news.md");
    std::fs::write(&path, "my text").unwrap();
    let run = arkiv(&site, &args);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("is already there; it was left as it was"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "my text");
}

#[test]
fn new_refuses_an_address_or_meeting_slug_that_is_taken() {
    let (_dir, site) = new_site("da");
    let year = this_year();
    // Another folder, the same meeting slug: the build would refuse the two meetings.
    let title = format!("Generalforsamling {year}");
    let run = arkiv(&site, &["new", "møde", &title, "--date", "2000-01-01"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(&format!(
            "content/{year}/generalforsamling-{year}.md har allerede denne adresse"
        )),
        "{}",
        run.stderr
    );
    assert!(!site.join("content/2000").exists());
    // The same year and slug in another folder: the same page address.
    std::fs::create_dir_all(site.join("content/andet")).unwrap();
    std::fs::write(
        site.join("content/andet/nyhedsbrev.md"),
        "---\ntitle: N\ndate: 2025-03-01\nkind: newsletter\n---\nTekst\n",
    )
    .unwrap();
    let run = arkiv(
        &site,
        &["new", "nyhedsbrev", "Nyhedsbrev", "--date", "2025-09-01"],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    let run = arkiv(
        &site,
        &["new", "nyhedsbrev", "Nyhedsbrev", "--date", "2024-09-01"],
    );
    assert_eq!(
        run.code, 0,
        "another year is another address: {}",
        run.stderr
    );
    build(&site);
}

#[test]
fn a_misspelt_kind_gets_a_suggestion() {
    let (_dir, site) = new_site("da");
    let run = arkiv(&site, &["new", "raport", "Beretning"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("fejl: ukendt dokumenttype »raport«"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("tip: mente du »chairman-report« eller »committee-report«?"),
        "{}",
        run.stderr
    );
    let run = arkiv(&site, &["--lang", "en", "new", "slide", "Deck"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("did you mean \"slides\"?"),
        "{}",
        run.stderr
    );
    let run = arkiv(&site, &["new", "xyzzy", "Deck"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("typerne er: chairman-report"),
        "{}",
        run.stderr
    );
    assert!(!site.join("content/2026").join("deck.md").exists());
}

#[test]
fn an_unknown_meeting_is_refused() {
    let (_dir, site) = new_site("da");
    let year = this_year();
    let run = arkiv(
        &site,
        &[
            "new",
            "minutes",
            "Referat",
            "--meeting",
            "generalforsamlingen",
        ],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("der er intet møde »generalforsamlingen«"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains(&format!("mente du »generalforsamling-{year}«?")),
        "{}",
        run.stderr
    );
    let run = arkiv(&site, &["new", "minutes", "Referat", "--meeting", "zzz"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("sitets møder er: generalforsamling-"),
        "{}",
        run.stderr
    );
    assert!(!site.join(format!("content/{year}/referat.md")).exists());
}

#[test]
fn a_meeting_in_a_site_without_meetings_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("site.yaml"), "title: X\nlanguage: en\n").unwrap();
    let run = arkiv(dir.path(), &["new", "slides", "Deck", "--meeting", "agm"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("there is no meeting \"agm\""),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("has no meetings yet"), "{}", run.stderr);
}

#[test]
fn new_refuses_bad_input() {
    let (dir, site) = new_site("en");
    let cases: &[(&[&str], &str)] = &[
        (
            &["new", "meeting", "AGM", "--date", "2025-02-30"],
            "\"2025-02-30\" is not a date",
        ),
        (&["new", "meeting", "!!!"], "has no letters or digits"),
        (
            &["new", "meeting", "AGM", "--meeting", "agm"],
            "a meeting cannot belong to a meeting",
        ),
        (
            &["new", "page", "About", "--meeting", "agm"],
            "a page cannot belong to a meeting",
        ),
    ];
    for (args, expected) in cases {
        let run = arkiv(&site, args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stderr.contains(expected), "{args:?}: {}", run.stderr);
    }
    // Outside a site: in the language of LANG, or of ARKIV_LANG over it.
    let run = arkiv_env(
        dir.path(),
        &["new", "meeting", "AGM"],
        &[("LANG", "da_DK.UTF-8")],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("indeholder intet site"),
        "{}",
        run.stderr
    );
    let run = arkiv_env(
        dir.path(),
        &["new", "meeting", "AGM"],
        &[("LANG", "da_DK.UTF-8"), ("ARKIV_LANG", "en")],
    );
    assert!(run.stderr.contains("holds no site"), "{}", run.stderr);
    let run = arkiv(dir.path(), &["new", "meeting", "AGM", "--site", "site"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let year = this_year();
    assert_eq!(run.stdout.trim(), format!("site/content/{year}/agm.md"));
}

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
    assert!(run.stderr.contains("`base_url` is `/`"), "{}", run.stderr);
    let yaml = std::fs::read_to_string(site.join("site.yaml")).unwrap();
    let yaml = yaml.replace("base_url: /\n", "base_url: https://beboerne.example/\n");
    std::fs::write(site.join("site.yaml"), yaml).unwrap();
    let run = build(&site);
    assert!(run.stderr.starts_with("byggede"), "{}", run.stderr);
    let run = arkiv(&site, &["build", "--quiet"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stderr, "", "quiet prints only errors");
    let run = arkiv(&site, &["--verbose", "build"]);
    assert!(run.stderr.contains("render"), "timings: {}", run.stderr);
    assert!(run.stderr.contains("ms i alt"), "{}", run.stderr);
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
    assert!(
        said.contains("bemærk: kunne ikke åbne en browser"),
        "{said}"
    );
}
