//! Every message a secretary meets, in the site's language: the output folder's refusals,
//! theme and template errors, problems in site.yaml and front matter, `arkiv serve`'s own
//! errors, `arkiv check`'s report, `arkiv import`'s report and clap's usage errors. Each is
//! run with the real binary on a Danish site and on an English one.

mod cli_support;
mod common;
use cli_support::{arkiv, arkiv_env, new_site};
use common::Fixture;

fn english() -> Fixture {
    Fixture::new("title: Testforeningen\nlanguage: en\n")
}

fn newsletter(f: &Fixture, rel: &str) {
    f.doc(
        rel,
        "title: Nyhedsbrev\ndate: 2025-03-01\nkind: newsletter",
        "Tekst.\n",
    );
}

/// Fails when a Danish run printed an English label.
fn all_danish(stderr: &str) {
    assert!(
        !stderr.contains("error:") && !stderr.contains("hint:") && !stderr.contains("warning:"),
        "English in a Danish run:\n{stderr}"
    );
}

#[test]
fn the_output_folders_refusals_are_in_the_sites_language() {
    for (f, expected) in [
        (
            Fixture::danish(),
            [
                "indeholder filer, som arkiv ikke har skrevet, og som en build ville slette: CNAME",
                "tip: arkiv erstatter hele output-mappen ved hver build. Filer, der skal udgives med sitet (fx CNAME eller .well-known/), skal ligge i content/",
                "bygger ikke i",
                "mappen indeholder filer, som arkiv ikke har skrevet: speciale.docx",
                "bygger ikke i",
                "det er selve sitets mappe",
            ],
        ),
        (
            english(),
            [
                "holds files arkiv did not write, which a build would delete: CNAME",
                "hint: arkiv replaces the whole output folder on every build. Files to publish with the site (such as CNAME or .well-known/) belong in content/",
                "refusing to build into",
                "it holds files arkiv did not write: speciale.docx",
                "refusing to build into",
                "it is the site's own folder",
            ],
        ),
    ] {
        newsletter(&f, "2025/a.md");
        let (code, stderr) = f.build_cli(&[]);
        assert_eq!(code, 0, "{stderr}");
        f.write("output/CNAME", "arkiv.example");
        let before = std::fs::read(f.output().join("index.html")).unwrap();
        let (code, stderr) = f.build_cli(&[]);
        assert_eq!(code, 1, "{stderr}");
        assert!(stderr.contains(expected[0]), "{stderr}");
        assert!(stderr.contains(expected[1]), "{stderr}");
        // Found while the documents load: the published site is as it was, the file kept,
        // and nothing of the refused build is left beside it.
        assert_eq!(std::fs::read(f.output().join("index.html")).unwrap(), before);
        assert!(f.output().join("CNAME").is_file());
        let left: Vec<String> = std::fs::read_dir(f.root())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().to_string())
            .filter(|n| n.contains("arkiv-staging"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
        f.write("mine/speciale.docx", "vigtigt");
        let mine = f.root().join("mine");
        let (code, stderr) = f.build_cli(&["--output", &mine.to_string_lossy()]);
        assert_eq!(code, 1, "{stderr}");
        assert!(stderr.contains(expected[2]), "{stderr}");
        assert!(stderr.contains(expected[3]), "{stderr}");
        let (code, stderr) = f.build_cli(&["--output", &f.root().to_string_lossy()]);
        assert_eq!(code, 1, "{stderr}");
        assert!(stderr.contains(expected[4]), "{stderr}");
        assert!(stderr.contains(expected[5]), "{stderr}");
        if expected[0].contains("indeholder") {
            all_danish(&stderr);
        }
    }
}

#[test]
fn theme_and_template_errors_keep_teras_detail_in_our_words() {
    let da = Fixture::danish();
    newsletter(&da, "2025/a.md");
    da.write(
        "templates/document.html",
        "{% extends \"base.html\" %}\n{% block content %}\n{{ doc.title + 1 }}\n{% endblock content %}\n",
    );
    let (code, stderr) = da.build_cli(&[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("fejl: templates/document.html:3:"),
        "{stderr}"
    );
    assert!(
        stderr.contains("fejl i skabelonen, mens siden for content/2025/a.md blev lavet: "),
        "{stderr}"
    );
    assert!(
        stderr.contains("tip: se skabelonen på denne linje"),
        "{stderr}"
    );
    all_danish(&stderr);
    let (_, stderr) = da.build_cli(&["--lang", "en"]);
    assert!(
        stderr.contains("error: templates/document.html:3:"),
        "{stderr}"
    );
    assert!(
        stderr.contains("template error while rendering content/2025/a.md: "),
        "{stderr}"
    );
    // A theme that is not there.
    let da = Fixture::new("title: X\ntheme: festlig\n");
    let (code, stderr) = da.build_cli(&[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("fejl: site.yaml: temaet \"festlig\" findes ikke"),
        "{stderr}"
    );
    assert!(
        stderr.contains("tip: læg temaet i themes/festlig/"),
        "{stderr}"
    );
    let en = Fixture::new("title: X\nlanguage: en\ntheme: festlig\n");
    let (_, stderr) = en.build_cli(&[]);
    assert!(
        stderr.contains("error: site.yaml: theme \"festlig\" not found"),
        "{stderr}"
    );
}

#[test]
fn site_yaml_and_front_matter_problems_are_in_the_sites_language() {
    let da = Fixture::new("title: X\nminify: måske\n");
    let (code, stderr) = da.build_cli(&[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("fejl: site.yaml:2:9: `minify` skal være true eller false, ikke \"måske\""),
        "{stderr}"
    );
    all_danish(&stderr);
    let (_, stderr) = da.build_cli(&["--lang", "en"]);
    assert!(
        stderr.contains("error: site.yaml:2:9: `minify` must be true or false, not \"måske\""),
        "{stderr}"
    );

    let problems = |f: &Fixture| {
        f.doc(
            "2025/a.md",
            "title: A\ndate: 2025-01-01\nkind: newsletter\ndraft: måske",
            "Tekst.\n",
        )
        .doc(
            "2025/b.md",
            "title: B\ndate: 2025-01-02\nkind: newsletter\nprogramme:\n  - time: \"18:00\"\n    title: Velkomst",
            "Tekst.\n",
        )
        .doc(
            "2025/c.md",
            "title: C\ndate: 2025-01-03\nkind: meeting\nprogramme:\n  - time: \"kl. 6\"\n    title: Velkomst",
            "Tekst.\n",
        )
        .doc(
            "2025/d.md",
            "title: D\ndate: 2025-01-04\nkind: newsletter\nattachments: [../../site.yaml]",
            "Tekst.\n",
        );
    };
    let da = Fixture::danish();
    problems(&da);
    let (code, stderr) = da.build_cli(&[]);
    assert_eq!(code, 1, "{stderr}");
    for expected in [
        "fejl: content/2025/a.md:5:8: `draft` skal være true eller false, ikke \"måske\"",
        "  tip: skriv `draft: true` for at holde dokumentet ude af det udgivne site",
        "fejl: content/2025/b.md:5:",
        "kun et dokument med `kind: meeting` kan have et program",
        "programpunkt 1 har tiden \"kl. 6\", som ikke er TT:MM",
        "bilaget \"../../site.yaml\" peger uden for content/",
        "sitet blev ikke bygget",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
    all_danish(&stderr);
    let en = english();
    problems(&en);
    let (_, stderr) = en.build_cli(&[]);
    for expected in [
        "error: content/2025/a.md:5:8: `draft` must be true or false, not \"måske\"",
        "only a `kind: meeting` document has a programme",
        "programme item 1 has time \"kl. 6\", which is not HH:MM",
        "attachment \"../../site.yaml\" points outside content/",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
    assert!(!stderr.contains("fejl:"), "{stderr}");
}

#[test]
fn serve_says_the_port_is_taken_in_the_sites_language() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let (_dir, site) = new_site("da");
    let run = arkiv(&site, &["serve", "--port", &port]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "fejl: port {port} på 127.0.0.1 er allerede i brug"
        )),
        "{}",
        run.stderr
    );
    let next = port.parse::<u16>().unwrap() + 1;
    assert!(
        run.stderr.contains(&format!(
            "tip: stop det andet program, eller vælg en anden port: arkiv serve --port {next}"
        )),
        "{}",
        run.stderr
    );
    let (_dir, site) = new_site("en");
    let run = arkiv(&site, &["serve", "--port", &port]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "error: port {port} on 127.0.0.1 is already in use"
        )),
        "{}",
        run.stderr
    );
    drop(taken);
}

#[test]
fn checks_report_is_in_the_sites_language() {
    let broken = |f: &Fixture| {
        f.doc(
            "2025/a.md",
            "title: A\ndate: 2025-01-01\nkind: newsletter",
            "Se [her](findes-ikke.md).\n",
        );
    };
    let da = Fixture::danish();
    broken(&da);
    let run = arkiv(da.root(), &["check", "--offline"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("fejl: content/2025/a.md:6:")
            && run
                .stderr
                .contains(": link virker ikke: \"findes-ikke.md\""),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "links skal rettes; 1 internt problem; eksterne links er ikke tjekket (--offline) på "
        ),
        "{}",
        run.stderr
    );
    all_danish(&run.stderr);
    // JSON is for scripts: the same keys whatever the language.
    let run = arkiv(da.root(), &["check", "--offline", "--format", "json"]);
    assert!(
        run.stdout.contains("\"internal_errors\": 1"),
        "{}",
        run.stdout
    );
    let en = english();
    broken(&en);
    let run = arkiv(en.root(), &["check", "--offline"]);
    assert!(
        run.stderr.contains(
            "links need fixing; 1 internal problem; outside links not checked (--offline) in "
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn imports_report_is_in_the_sites_language() {
    let fixture = |name: &str| {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/import")
            .join(name)
            .to_string_lossy()
            .to_string()
    };
    let deck = fixture("foraarsmoede-2025.pptx");
    let broken = fixture("broken-password.docx");
    let da = Fixture::danish();
    let run = arkiv(da.root(), &["import", &deck, &broken]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    for expected in [
        "hentet ind: ",
        "  7 dias, 1 skjult dias udeladt",
        "  type:  slides (en PowerPoint-præsentation)",
        "  dato:  2025-04-23 (fra teksten øverst: \"23. april 2025\")",
        "  titel: Forårsmøde 2025 (fra det første dias' titel)",
        "  originalen er kopieret til content/2025/foraarsmoede-2025.pptx, 1 billede ved siden af",
        "1 hentet ind, 0 allerede hentet ind, 1 kunne ikke hentes ind",
        "tjek den gættede type, dato og titel i front matter, og kør så `arkiv build`",
    ] {
        assert!(
            run.stdout.contains(expected),
            "missing {expected:?} in:\n{}",
            run.stdout
        );
    }
    assert!(
        run.stderr.contains("broken-password.docx: er beskyttet med adgangskode (krypteret) eller gemt i et gammelt, binært Word-format"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("  tip: de andre filer er hentet ind"),
        "{}",
        run.stderr
    );
    all_danish(&run.stderr);
    let run = arkiv(da.root(), &["import", &deck]);
    assert!(
        run.stdout.contains(
            "er allerede hentet ind som content/2025/foraarsmoede-2025.md; intet er skrevet"
        ),
        "{}",
        run.stdout
    );
    let en = english();
    let run = arkiv(en.root(), &["import", &deck, &broken]);
    assert!(
        run.stdout.contains("  kind:  slides (a PowerPoint deck)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("1 imported, 0 already imported, 1 could not be imported"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains("is password protected (encrypted)"),
        "{}",
        run.stderr
    );
    // A usage error of import, before anything is read.
    let run = arkiv(da.root(), &["import", &deck, "--into", "../ude"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("fejl: --into ../ude skal være en mappe inde i content/"),
        "{}",
        run.stderr
    );
}

#[test]
fn usage_errors_follow_the_site_or_lang() {
    let (dir, site) = new_site("da");
    let run = arkiv(&site, &["build", "--bogus"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.starts_with("fejl: ukendt valg --bogus"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("Brug: arkiv build"), "{}", run.stderr);
    assert!(
        run.stderr.contains("Mere hjælp: arkiv build --help"),
        "{}",
        run.stderr
    );
    let run = arkiv(&site, &["bild"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("fejl: ukendt kommando \"bild\""),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("tip: mente du \"build\"?"),
        "{}",
        run.stderr
    );
    let run = arkiv(&site, &["serve", "--port", "abc"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("fejl: \"abc\" er ikke en gyldig værdi for --port"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("tip: skriv et portnummer fra 0 til 65535"),
        "{}",
        run.stderr
    );
    let run = arkiv(&site, &["check", "--format", "xml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("tip: de mulige værdier er: human, json"),
        "{}",
        run.stderr
    );
    let run = arkiv(&site, &["new"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("fejl: der mangler <KIND> <TITLE>"),
        "{}",
        run.stderr
    );
    let run = arkiv(&site, &["build", "-q", "-v"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("kan ikke bruges sammen med"),
        "{}",
        run.stderr
    );
    all_danish(&run.stderr);
    // --lang and a site named on the command line decide too.
    let run = arkiv(&site, &["build", "--bogus", "--lang", "en"]);
    assert!(
        run.stderr.starts_with("error: unknown option --bogus"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("Usage: arkiv build"), "{}", run.stderr);
    let site_arg = site.to_string_lossy().to_string();
    let run = arkiv(dir.path(), &["new", "--site", &site_arg, "--bogus"]);
    assert!(
        run.stderr.starts_with("fejl: ukendt valg --bogus"),
        "{}",
        run.stderr
    );
    // No site: the locale.
    let empty = tempfile::tempdir().unwrap();
    let run = arkiv_env(empty.path(), &["bild"], &[("LANG", "da_DK.UTF-8")]);
    assert!(
        run.stderr.contains("fejl: ukendt kommando"),
        "{}",
        run.stderr
    );
    let run = arkiv(empty.path(), &["bild"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("error: unknown command \"bild\""),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("hint: did you mean \"build\"?"),
        "{}",
        run.stderr
    );
}
