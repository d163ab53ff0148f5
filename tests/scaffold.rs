//! `arkiv init` and `arkiv new`, run as a new user would: the real binary in a temporary
//! folder, then `arkiv build` on what they wrote; and every refusal of both.

mod cli_support;
use cli_support::{arkiv, arkiv_env, build, new_site, this_year};

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

#[test]
fn init_and_new_say_when_they_cannot_write() {
    // A file where a folder must be made stops even an administrator.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a"), "x").unwrap();
    let run = arkiv(dir.path(), &["init", "a/site", "--language", "da"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("fejl: kan ikke skrive a/site/site.yaml"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("tip: vælg en mappe"), "{}", run.stderr);

    std::fs::write(dir.path().join("site.yaml"), "title: X\nlanguage: en\n").unwrap();
    std::fs::write(dir.path().join("content"), "not a folder").unwrap();
    let run = arkiv(dir.path(), &["new", "page", "About"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("error: cannot write content/about.md"),
        "{}",
        run.stderr
    );
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
    let today = arkiv::core::calendar::today();
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
        run.stderr.contains("fejl: ukendt dokumenttype \"raport\""),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("tip: mente du \"chairman-report\" eller \"committee-report\"?"),
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
    let run = arkiv(&site, &["new", "regnskb", "Regnskab 2026"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("tip: mente du \"regnskab\"?"),
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
            .contains("der er intet møde \"generalforsamlingen\""),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains(&format!("mente du \"generalforsamling-{year}\"?")),
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
