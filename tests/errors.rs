//! Bad input: every problem the secretary can make gets a message with the file (relative to
//! the site), the line, what is wrong and how to fix it; one run reports them all; a failed
//! build leaves the published site as it was.

mod common;
use common::{build_errors, Fixture};

fn newsletter(f: &Fixture, rel: &str, extra: &str) {
    f.doc(
        rel,
        &format!("title: Nyhedsbrev\ndate: 2025-03-01\nkind: newsletter{extra}"),
        "Tekst.\n",
    );
}

#[test]
fn yaml_syntax_error_names_file_and_line() {
    let f = Fixture::danish();
    f.doc(
        "2025/a.md",
        "title: Budget: 2025\ndate: 2025-01-01\nkind: accounts",
        "x",
    );
    let errors = build_errors(&f);
    assert!(errors.contains("error: content/2025/a.md:2:"), "{errors}");
    assert!(errors.contains("YAML syntax error"), "{errors}");
    assert!(
        errors.contains("hint: a value that contains \": \" must be put in quotes"),
        "{errors}"
    );
}

#[test]
fn misspelt_key_suggests_the_right_one() {
    let f = Fixture::danish();
    newsletter(&f, "2025/a.md", "\natuhors: [Karen]");
    let errors = build_errors(&f);
    assert!(
        errors.contains("content/2025/a.md:5:1: unknown key \"atuhors\" in front matter"),
        "{errors}"
    );
    assert!(
        errors.contains("hint: did you mean \"authors\""),
        "{errors}"
    );
}

#[test]
fn missing_title_is_reported() {
    let f = Fixture::danish();
    f.doc("2025/a.md", "date: 2025-01-01\nkind: newsletter", "x");
    let errors = build_errors(&f);
    assert!(
        errors.contains("content/2025/a.md:2:1: the front matter has no `title`"),
        "{errors}"
    );
}

#[test]
fn bad_date_is_reported_at_its_line() {
    let f = Fixture::danish();
    f.doc(
        "2025/a.md",
        "title: A\ndate: 2025-02-30\nkind: newsletter",
        "x",
    );
    let errors = build_errors(&f);
    assert!(
        errors.contains("content/2025/a.md:3:7: bad date"),
        "{errors}"
    );
    assert!(errors.contains("that month has 28 days"), "{errors}");
    assert!(
        errors.contains("hint: write the date as YYYY-MM-DD"),
        "{errors}"
    );
}

#[test]
fn unknown_kind_suggests_kinds() {
    let f = Fixture::danish();
    f.doc(
        "2025/beretning.md",
        "title: A\ndate: 2025-01-01\nkind: raport",
        "x",
    );
    let errors = build_errors(&f);
    assert!(
        errors.contains("error: content/2025/beretning.md:4:7: unknown kind \"raport\""),
        "{errors}"
    );
    assert!(
        errors.contains("did you mean \"chairman-report\" or \"committee-report\"?"),
        "{errors}"
    );
}

#[test]
fn meeting_that_does_not_exist() {
    let f = Fixture::danish();
    f.doc(
        "2025/moede.md",
        "title: Møde\ndate: 2025-01-01\nkind: meeting",
        "x",
    );
    newsletter(&f, "2025/a.md", "\nmeeting: modet");
    let errors = build_errors(&f);
    assert!(errors.contains("content/2025/a.md:5:"), "{errors}");
    assert!(
        errors.contains("`meeting: modet` names no meeting"),
        "{errors}"
    );
    assert!(errors.contains("did you mean \"moede\"?"), "{errors}");
}

#[test]
fn attachment_that_does_not_exist() {
    let f = Fixture::danish();
    f.write("content/2025/regnskab-2024.pdf", b"%PDF-1.4\n");
    newsletter(&f, "2025/a.md", "\nattachments:\n  - regnskab-2042.pdf");
    let errors = build_errors(&f);
    assert!(
        errors.contains("content/2025/a.md:6:1: attachment \"regnskab-2042.pdf\" does not exist"),
        "{errors}"
    );
    assert!(
        errors.contains("did you mean \"regnskab-2024.pdf\"?"),
        "{errors}"
    );
}

#[test]
fn attachment_outside_content_is_refused() {
    let f = Fixture::danish();
    newsletter(&f, "2025/a.md", "\nattachments: [../../site.yaml]");
    let errors = build_errors(&f);
    assert!(
        errors.contains(
            "content/2025/a.md:5:1: attachment \"../../site.yaml\" points outside content/"
        ),
        "{errors}"
    );
}

#[test]
fn two_documents_with_one_url_name_both_files() {
    let f = Fixture::danish();
    newsletter(&f, "2025/nyt.md", "");
    newsletter(&f, "2025/andet/nyt.md", "");
    let errors = build_errors(&f);
    assert!(
        errors.contains("two documents would be published at /2025/nyt/"),
        "{errors}"
    );
    assert!(
        errors.contains("content/2025/andet/nyt.md") && errors.contains("content/2025/nyt.md"),
        "{errors}"
    );
}

#[test]
fn invalid_utf8_names_the_line() {
    let f = Fixture::danish();
    f.write(
        "content/2025/a.md",
        b"---\ntitle: K\xf8benhavn\ndate: 2025-01-01\nkind: newsletter\n---\n",
    );
    let errors = build_errors(&f);
    assert!(
        errors.contains("content/2025/a.md:2:9: the file is not valid UTF-8 text"),
        "{errors}"
    );
    assert!(errors.contains("save the file as UTF-8"), "{errors}");
}

#[test]
fn template_error_names_template_line_and_document() {
    let f = Fixture::danish();
    newsletter(&f, "2025/a.md", "");
    f.write("templates/document.html", "{% extends \"base.html\" %}\n{% block content %}\n{{ doc.title | no_such_filter }}\n{% endblock content %}\n");
    let errors = build_errors(&f);
    assert!(errors.contains("templates/document.html:3:"), "{errors}");
    assert!(errors.contains("template error"), "{errors}");
}

#[test]
fn template_error_while_rendering_names_the_document() {
    let f = Fixture::danish();
    newsletter(&f, "2025/a.md", "");
    f.write("templates/document.html", "{% extends \"base.html\" %}\n{% block content %}\n{{ doc.title + 1 }}\n{% endblock content %}\n");
    let errors = build_errors(&f);
    assert!(errors.contains("templates/document.html:3:"), "{errors}");
    assert!(
        errors.contains("while rendering content/2025/a.md"),
        "{errors}"
    );
}

#[test]
fn missing_site_yaml_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("content")).unwrap();
    let options = arkiv::pipeline::BuildOptions {
        site_root: dir.path().to_path_buf(),
        output: None,
        drafts: false,
    };
    let errors = arkiv::pipeline::build(&options).unwrap_err().to_string();
    assert!(
        errors.contains("error: site.yaml: no site.yaml in"),
        "{errors}"
    );
    assert!(errors.contains("hint: create site.yaml"), "{errors}");
}

#[test]
fn bad_site_yaml_values_are_reported_with_lines() {
    let f = Fixture::new("title: X\nlanguage: dk\nminfy: false\n");
    let errors = build_errors(&f);
    assert!(
        errors.contains("site.yaml:2:11: unknown language \"dk\""),
        "{errors}"
    );
    assert!(
        errors.contains("site.yaml:3:1: unknown key \"minfy\""),
        "{errors}"
    );
    assert!(errors.contains("did you mean \"minify\"?"), "{errors}");
}

#[test]
fn document_without_front_matter_gets_an_example() {
    let f = Fixture::danish();
    f.write("content/2025/a.md", "# Bare tekst\n");
    let errors = build_errors(&f);
    assert!(
        errors.contains("content/2025/a.md:1:1: the document has no front matter"),
        "{errors}"
    );
    assert!(errors.contains("kind: chairman-report"), "{errors}");
}

#[test]
fn broken_internal_link_suggests_nearest() {
    let f = Fixture::danish();
    newsletter(&f, "2024/beretning-2024.md", "");
    f.doc(
        "2025/a.md",
        "title: A\ndate: 2025-01-01\nkind: newsletter",
        "Intro\n\nSe [sidste år](../2024/beretning-2042.md).\n",
    );
    let errors = build_errors(&f);
    assert!(
        errors.contains("content/2025/a.md:8:4: broken link"),
        "{errors}"
    );
    assert!(
        errors.contains("did you mean \"../2024/beretning-2024.md\"?"),
        "{errors}"
    );
}

#[test]
fn one_run_reports_every_problem() {
    let f = Fixture::danish();
    f.doc(
        "2025/a.md",
        "title: A\ndate: 2025-13-01\nkind: newsletter",
        "x",
    );
    f.doc(
        "2025/b.md",
        "title: B\ndate: 2025-01-01\nkind: nyhedsbrev",
        "x",
    );
    f.doc("2025/c.md", "date: 2025-01-01\nkind: newsletter", "x");
    let errors = build_errors(&f);
    assert!(errors.contains("content/2025/a.md:3:"), "{errors}");
    assert!(errors.contains("content/2025/b.md:4:"), "{errors}");
    assert!(errors.contains("content/2025/c.md:2:"), "{errors}");
}

#[test]
fn failed_build_leaves_previous_output_untouched() {
    let f = Fixture::danish();
    newsletter(&f, "2025/a.md", "");
    let (code, stderr) = f.build_cli(&[]);
    assert_eq!(code, 0, "{stderr}");
    let before = f.read_output("2025/a/index.html");
    f.doc(
        "2025/a.md",
        "title: Ændret\ndate: 2025-01-01\nkind: newsletter",
        "Ny tekst",
    );
    f.doc("2025/b.md", "title: B\ndate: nej\nkind: newsletter", "x");
    let (code, stderr) = f.build_cli(&[]);
    assert_eq!(code, 1, "{stderr}");
    // A Danish site gets the summary in Danish.
    assert!(
        stderr.contains("sitet blev ikke bygget: 1 fejl; det forrige output er ikke rørt"),
        "{stderr}"
    );
    assert_eq!(f.read_output("2025/a/index.html"), before);
    let leftovers: Vec<String> = std::fs::read_dir(f.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.contains("arkiv-staging") || n.contains("arkiv-old"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn refuses_output_folders_that_hold_other_files() {
    let f = Fixture::danish();
    newsletter(&f, "2025/a.md", "");
    f.write("mine/speciale.docx", "vigtigt");
    let (code, stderr) = f.build_cli(&["--output", &f.root().join("mine").to_string_lossy()]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("indeholder filer, som arkiv ikke har skrevet: speciale.docx"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(f.root().join("mine/speciale.docx")).unwrap(),
        "vigtigt"
    );
    let (code, stderr) = f.build_cli(&["--output", &f.root().to_string_lossy(), "--lang", "en"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("site's own folder"), "{stderr}");
    let (code, stderr) = f.build_cli(&[
        "--output",
        &f.root().join("content/ud").to_string_lossy(),
        "--lang",
        "en",
    ]);
    assert_eq!(code, 1);
    assert!(stderr.contains("inside content/"), "{stderr}");
}

#[test]
fn usage_errors_exit_with_2() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_arkiv"))
        .args(["build", "/no/such/site"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_arkiv"))
        .args(["bild"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn slide_deck_warnings_name_file_and_line_but_build() {
    let f = Fixture::danish();
    f.doc(
        "2025/deck.md",
        "title: Deck\ndate: 2025-01-01\nkind: slides",
        "## Et\n---\nUden titel\n",
    );
    let (code, stderr) = f.build_cli(&[]);
    assert_eq!(code, 0, "{stderr}");
    // A Danish site gets its messages in Danish; the file:line:col part is the same.
    assert!(
        stderr.contains("advarsel: content/2025/deck.md:8:1: dias 2 har ingen titel"),
        "{stderr}"
    );
    assert!(
        stderr.contains("  tip: begynd diasset med en overskrift"),
        "{stderr}"
    );
}

/// One bad input of each kind, built with the command line on a Danish site and on the same
/// site in English: every message and hint in the site's language, file:line:col identical.
#[test]
fn every_kind_of_problem_is_told_in_the_sites_language() {
    let problems = |f: &Fixture| {
        f.doc(
            "2025/a.md",
            "title: A\ndate: 2025-01-01\nkind: raport",
            "Tekst.\n",
        )
        .doc(
            "2025/b.md",
            "title: B\ndate: 2025-02-30\nkind: newsletter",
            "Tekst.\n",
        )
        .doc(
            "2025/c.md",
            "date: 2025-01-03\nkind: newsletter",
            "Tekst.\n",
        )
        .doc(
            "2025/d.md",
            "title: D\ndate: 2025-01-04\nkind: newsletter\natuhors: [X]",
            "Tekst.\n",
        )
        .doc(
            "2025/e.md",
            "title: E\ndate: 2025-01-05\nkind: newsletter\nmeeting: modet",
            "Tekst.\n",
        )
        .doc(
            "2025/g.md",
            "title: G\ndate: 2025-01-06\nkind: newsletter\nattachments: [mangler.pdf]",
            "Tekst.\n",
        )
        .doc(
            "2025/h.md",
            "title: H\ndate: 2025-01-07\nkind: newsletter",
            "Se [her](findes-ikke.md).\n",
        )
        .doc(
            "2025/i.md",
            "title: \"Uafsluttet\ndate: 2025-01-08\nkind: newsletter",
            "Tekst.\n",
        )
        .write("content/2025/j.md", "Ingen front matter\n")
        .write("content/2025/k.md", b"---\ntitle: K\xe6\n---\n".as_slice());
    };
    let da = Fixture::danish();
    problems(&da);
    let (code, stderr) = da.build_cli(&[]);
    assert_eq!(code, 1, "{stderr}");
    for expected in [
        "fejl: content/2025/a.md:4:7: ukendt type \"raport\"",
        "  tip: mente du \"chairman-report\" eller \"committee-report\"?",
        "fejl: content/2025/b.md:3:7: forkert dato: \"2025-02-30\" har dag 30, men den måned har 28 dage",
        "fejl: content/2025/c.md:2:1: front matter har ingen `title`",
        "fejl: content/2025/d.md:5:1: ukendt nøgle \"atuhors\" i front matter",
        "  tip: mente du \"authors\" eller \"author\"?",
        "`meeting: modet` er ikke navnet på noget møde",
        "bilaget \"mangler.pdf\" findes ikke",
        "link virker ikke: \"findes-ikke.md\" fører til content/2025/findes-ikke.md, som ikke findes",
        "fejl: content/2025/i.md:2:8: et anførselstegn (\") åbnes her, men lukkes aldrig",
        "fejl: content/2025/j.md:1:1: dokumentet har ingen front matter",
        "fejl: content/2025/k.md:2:9: filen er ikke gyldig UTF-8-tekst",
        "sitet blev ikke bygget",
    ] {
        assert!(stderr.contains(expected), "missing {expected:?} in:\n{stderr}");
    }
    assert!(
        !stderr.contains("error:") && !stderr.contains("hint:"),
        "{stderr}"
    );

    let en = Fixture::new("title: Testforeningen\nlanguage: en\n");
    problems(&en);
    let (code, stderr) = en.build_cli(&[]);
    assert_eq!(code, 1, "{stderr}");
    for expected in [
        "error: content/2025/a.md:4:7: unknown kind \"raport\"",
        "  hint: did you mean \"chairman-report\" or \"committee-report\"?",
        "error: content/2025/c.md:2:1: the front matter has no `title`",
        "error: content/2025/j.md:1:1: the document has no front matter",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
    assert!(!stderr.contains("fejl:"), "{stderr}");
}
