//! `arkiv import` end to end: the fixture files (tests/fixtures/import, written by
//! make_fixtures.py) are imported into temporary sites with the real binary, and the tests
//! assert on the Markdown written, the report, the exit codes, and that the site builds.

mod common;
use common::Fixture;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// Runs `arkiv import --site SITE ARGS...`; returns (exit code, stdout, stderr).
fn import(site: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_arkiv"))
        .arg("import")
        .arg("--site")
        .arg(site)
        .args(args)
        .output()
        .expect("run arkiv");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

fn import_fixture(f: &Fixture, name: &str) -> (i32, String, String) {
    let path = fixture(name);
    import(f.root(), &[path.to_str().unwrap()])
}

fn read(f: &Fixture, rel: &str) -> String {
    let path = f.root().join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The body after the front matter.
fn body(doc: &str) -> &str {
    let rest = doc.strip_prefix("---\n").unwrap();
    &rest[rest.find("\n---\n").unwrap() + 5..]
}

fn files_under(dir: &Path) -> usize {
    walk(dir).len()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}

#[test]
fn powerpoint_becomes_a_deck() {
    let f = Fixture::danish();
    let (code, out, err) = import_fixture(&f, "foraarsmoede-2025.pptx");
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("6 slides, 1 hidden slide left out"), "{out}");
    assert!(out.contains("kind:  slides"), "{out}");
    assert!(
        out.contains("date:  2025-04-23 (from the text near the top: \"23. april 2025\")"),
        "{out}"
    );
    let doc = read(&f, "content/2025/foraarsmoede-2025.md");
    assert!(doc.contains("\nkind: slides\n"), "{doc}");
    assert!(doc.contains("\ndate: 2025-04-23\n"), "{doc}");
    assert!(doc.contains("title: \"Forårsmøde 2025\""), "{doc}");
    assert!(doc.contains("authors: [\"Karen Holm Dahl\"]"), "{doc}");
    assert!(doc.contains("path: \"foraarsmoede-2025.pptx\""), "{doc}");
    let slides: Vec<&str> = body(&doc).split("\n---\n").collect();
    assert_eq!(slides.len(), 6, "{doc}");
    assert!(slides[0].contains("# Forårsmøde 2025"));
    assert!(slides[1].contains("## Aftenens program"));
    assert!(!doc.contains("Hemmeligt punkt"), "hidden slide left out");
    // Notes, one per slide that has them.
    assert_eq!(doc.matches("\nNote:\n").count(), 4, "{doc}");
    assert!(slides[2].contains("Note:\nFremhæv de nye klinikejere."));
    // Nested bullet levels.
    assert!(slides[2].contains("\n- 212 medlemmer ved årsskiftet\n  - 148 klinikejere\n    - heraf 12 nye i 2024\n  - 64 ansatte\n"), "{}", slides[2]);
    // Markdown in the text is escaped, not interpreted.
    assert!(slides[2].contains("\\*hjemmebesøg\\*"));
    // Tables, with a pipe in a cell escaped and number columns right-aligned.
    assert!(slides[1].contains("| 18.00 | Velkomst |"), "{}", slides[1]);
    assert!(slides[1].contains("| Kaffe \\| kage |"));
    assert!(slides[4].contains("| Post | Budget | Regnskab |\n| --- | ---: | ---: |"));
    assert!(slides[4].contains("| Resultat | -12.000 | 8.915 |"));
    // The picture is a file beside the document.
    assert!(slides[3].contains("![Søjlediagram over ventetider](foraarsmoede-2025-image-1.png)"));
    let png = std::fs::read(f.root().join("content/2025/foraarsmoede-2025-image-1.png")).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    // The original is attached, byte for byte.
    assert_eq!(
        std::fs::read(f.root().join("content/2025/foraarsmoede-2025.pptx")).unwrap(),
        std::fs::read(fixture("foraarsmoede-2025.pptx")).unwrap()
    );
}

#[test]
fn deck_date_from_metadata_when_the_text_has_none() {
    let f = Fixture::danish();
    let (code, out, _) = import_fixture(&f, "uddannelsesudvalget.pptx");
    assert_eq!(code, 0);
    assert!(
        out.contains("2024-11-06 (from the file's metadata"),
        "{out}"
    );
    let doc = read(&f, "content/2024/nyt-fra-uddannelsesudvalget.md");
    assert_eq!(body(&doc).split("\n---\n").count(), 2);
}

#[test]
fn word_report_keeps_structure() {
    let f = Fixture::danish();
    let (code, out, err) = import_fixture(&f, "formandens-beretning-2025.docx");
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("kind:  chairman-report"), "{out}");
    assert!(
        out.contains("from the paragraph in the Title style"),
        "{out}"
    );
    let doc = read(&f, "content/2025/formandens-beretning-2025.md");
    assert!(doc.contains("\ndate: 2025-04-24\n"), "{doc}");
    assert!(doc.contains("title: \"Formandens beretning 2025\""));
    // Danish style names: Overskrift 1-3.
    assert!(doc.contains("\n# Indledning\n"), "{doc}");
    assert!(doc.contains("\n## Overenskomsten\n"));
    assert!(doc.contains("\n### Medlemstal\n"));
    assert!(doc.contains("Året har været **travlt** og *lærerigt*."));
    // Nested bullets and a numbered list with a nested item.
    assert!(doc.contains("- Nye ydelser:\n  - sårbehandling i eget hjem\n  - opfølgning på video\n    - kun for kroniske patienter\n- Aftalen gælder til 2028"), "{doc}");
    assert!(
        doc.contains("1. Godkend regnskabet\n1. Vælg revisor\n   1. Suppleant"),
        "{doc}"
    );
    // Links keep their targets.
    assert!(doc.contains(
        "[fodterapeuterne.example.dk/aftale](https://fodterapeuterne.example.dk/aftale)"
    ));
    assert!(doc.contains("[forhandlingsnotatet](https://fodterapeuterne.example.dk/notat.pdf)"));
    // Table cells.
    assert!(
        doc.contains("| Område | 2023 | 2024 |\n| --- | ---: | ---: |\n| Ringkøbing | 48 | 52 |")
    );
    // Footnotes.
    assert!(doc.contains("regionen[^1] og"));
    assert!(doc.contains("[^1]: Aftalen blev underskrevet 3. marts 2025."));
    assert!(doc.contains("[^2]: Særligt tak til sekretariatet."));
    // The picture.
    assert!(doc.contains("![Kort over klinikkerne](formandens-beretning-2025-image-1.png)"));
    assert!(f
        .root()
        .join("content/2025/formandens-beretning-2025-image-1.png")
        .is_file());
}

#[test]
fn word_newsletter_is_guessed_from_its_text() {
    let f = Fixture::danish();
    let (code, out, _) = import_fixture(&f, "nyhedsbrev-marts.docx");
    assert_eq!(code, 0);
    assert!(out.contains("kind:  newsletter"), "{out}");
    assert!(out.contains("\"4/3 2025\""), "{out}");
    let doc = read(&f, "content/2025/nyhedsbrev-marts-2025.md");
    assert!(doc.contains("\nkind: newsletter\n"));
    assert!(doc.contains("\ndate: 2025-03-04\n"));
    // The first heading is the title; it is not repeated in the body.
    assert!(!body(&doc).contains("# Nyhedsbrev marts 2025"), "{doc}");
    assert!(doc.contains("[vores hjemmeside](https://fodterapeuterne.example.dk/kurser)"));
}

#[test]
fn excel_becomes_aligned_accounts() {
    let f = Fixture::danish();
    let (code, out, err) = import_fixture(&f, "regnskab-2024.xlsx");
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("2 sheets with data, 1 empty sheet left out"),
        "{out}"
    );
    let doc = read(&f, "content/2024/regnskab-2024.md");
    assert!(doc.contains("\nkind: accounts\n"));
    assert!(doc.contains("\n## Resultatopgørelse\n"));
    assert!(doc.contains("\n## Balance\n"));
    assert!(!doc.contains("## Tom"));
    // The empty first row and column are dropped: the table starts at "Post".
    assert!(doc.contains("\n| Post | Regnskab 2023 | Budget 2024 | Regnskab 2024 |\n| --- | ---: | ---: | ---: |\n"), "{doc}");
    // Danish numbers, negative numbers, decimals, formulas' cached values.
    assert!(
        doc.contains("| Kurser | 55.200 | 60.000 | 71.250,50 |"),
        "{doc}"
    );
    assert!(doc.contains("| Indtægter i alt | 555.030 | 570.800 | 586.770,50 |"));
    assert!(doc.contains("| Resultat | 32.530 | -12.000 | 8.916 |"));
    assert!(doc.contains("| Bank | 1.234.567 |"));
}

#[test]
fn pdf_report_reads_as_a_report() {
    let f = Fixture::danish();
    let (code, out, err) = import_fixture(&f, "aarsberetning-2024.pdf");
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("4 pages"), "{out}");
    assert!(out.contains("from the PDF's own title"), "{out}");
    let doc = read(&f, "content/2025/aarsberetning-2024.md");
    assert!(doc.contains("title: \"Årsberetning 2024\""));
    assert!(doc.contains("\ndate: 2025-03-12\n"));
    assert!(doc.contains("\nkind: chairman-report\n"));
    assert!(doc.contains("path: \"aarsberetning-2024.pdf\""));
    let text = body(&doc);
    // Hyphenation across line breaks is rejoined; a real hyphen before a capital stays.
    assert!(text.contains("en ny overenskomst med regionen"), "{text}");
    assert!(text.contains("Forhandlingerne om Aftale25 blev"), "{text}");
    assert!(text.contains("de to naboforeninger."), "{text}");
    assert!(text.contains("Samarbejdet med VFF-Sydvest om"), "{text}");
    // Letter spacing closed up; headings; a list; a paragraph joined across a page break.
    assert!(text.contains("# ÅRSBERETNING 2024"), "{text}");
    assert!(text.contains("\n## Indledning\n"), "{text}");
    assert!(text.contains("\n## Medlemmer og klinikker\n"), "{text}");
    assert!(
        text.contains("- 212 medlemmer ved årsskiftet\n- 148 klinikejere"),
        "{text}"
    );
    assert!(text.contains("til kurserne end ventet."), "{text}");
    // Running headers and page numbers are gone.
    assert!(
        !text.contains("Vestjysk Forening for Fodterapeuter ·"),
        "{text}"
    );
    assert!(!text.contains("Side "), "{text}");
}

#[test]
fn pdf_deck_becomes_slides() {
    let f = Fixture::danish();
    let (code, out, _) = import_fixture(&f, "efteraarsmoede-2024-slides.pdf");
    assert_eq!(code, 0);
    assert!(out.contains("one slide per page"), "{out}");
    let doc = read(&f, "content/2024/efteraarsmoede-2024.md");
    assert!(doc.contains("\nkind: slides\n"));
    assert!(doc.contains("\ndate: 2024-11-06\n"));
    let slides: Vec<&str> = body(&doc).split("\n---\n").collect();
    assert_eq!(slides.len(), 4, "{doc}");
    assert!(
        slides[1].contains("## Dagsorden\n\n- Velkomst\n- Nyt fra bestyrelsen"),
        "{}",
        slides[1]
    );
    assert!(
        !doc.contains("Vestjysk Forening for Fodterapeuter"),
        "running header dropped"
    );
}

#[test]
fn broken_files_are_named_and_the_others_imported_and_the_site_builds() {
    let f = Fixture::danish();
    let dir = fixture("");
    let (code, out, err) = import(f.root(), &[dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}{err}");
    for (name, reason) in [
        ("broken-truncated.pptx", "damaged or cut short"),
        ("broken-truncated.xlsx", "damaged or cut short"),
        ("broken-password.docx", "password protected"),
        ("broken-random.pdf", "not a PDF file"),
        ("broken-encrypted.pdf", "encrypted (password protected)"),
    ] {
        let line = err
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} not named:\n{err}"));
        assert!(line.contains(reason), "{line}");
    }
    assert!(
        out.contains("7 imported, 0 already imported, 5 could not be imported"),
        "{out}"
    );
    assert!(
        out.contains("skipped"),
        "files of other types in a folder are skipped: {out}"
    );
    assert!(!err.contains("panicked"), "{err}");
    let (code, log) = f.build_cli(&[]);
    assert_eq!(code, 0, "{log}");
    // Decks present and print, PDFs are listed.
    f.read_output("2025/foraarsmoede-2025/slides/index.html");
    f.read_output("2025/foraarsmoede-2025/handout/index.html");
    assert!(f
        .read_output("pdfs/index.html")
        .contains("aarsberetning-2024.pdf"));
}

#[test]
fn reimport_is_recognised_and_writes_nothing() {
    let f = Fixture::danish();
    let deck = fixture("foraarsmoede-2025.pptx");
    let report = fixture("aarsberetning-2024.pdf");
    let args = [deck.to_str().unwrap(), report.to_str().unwrap()];
    assert_eq!(import(f.root(), &args).0, 0);
    let before = files_under(&f.root().join("content"));
    let (code, out, err) = import(f.root(), &args);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("already imported"), "{out}");
    assert!(out.contains("0 imported, 2 already imported"), "{out}");
    assert_eq!(files_under(&f.root().join("content")), before);
    // Found wherever it was moved to.
    std::fs::create_dir_all(f.root().join("content/arkiv")).unwrap();
    std::fs::rename(
        f.root().join("content/2025/foraarsmoede-2025.md"),
        f.root().join("content/arkiv/moede.md"),
    )
    .unwrap();
    let (code, out, _) = import(f.root(), &[deck.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.contains("as content/arkiv/moede.md"), "{out}");
}

#[test]
fn an_existing_document_is_never_overwritten() {
    let f = Fixture::danish();
    f.doc(
        "2025/foraarsmoede-2025.md",
        "title: Skrevet i hånden\ndate: 2025-04-23\nkind: page",
        "Min egen tekst.\n",
    );
    let (code, out, err) = import_fixture(&f, "foraarsmoede-2025.pptx");
    assert_eq!(code, 1, "{out}{err}");
    assert!(err.contains("foraarsmoede-2025.pptx"), "{err}");
    assert!(
        err.contains("content/2025/foraarsmoede-2025.md, which already exists"),
        "{err}"
    );
    assert!(err.contains("--into"), "{err}");
    assert!(read(&f, "content/2025/foraarsmoede-2025.md").contains("Min egen tekst."));
    assert!(!f
        .root()
        .join("content/2025/foraarsmoede-2025.pptx")
        .exists());
    // With --into it lands elsewhere.
    let deck = fixture("foraarsmoede-2025.pptx");
    let (code, _, _) = import(
        f.root(),
        &["--into", "content/moeder", deck.to_str().unwrap()],
    );
    assert_eq!(code, 0);
    assert!(f
        .root()
        .join("content/moeder/foraarsmoede-2025.md")
        .is_file());
}

#[test]
fn options_override_the_guesses() {
    let f = Fixture::danish();
    let news = fixture("nyhedsbrev-marts.docx");
    let (code, out, err) = import(
        f.root(),
        &[
            "--kind",
            "chairman-report",
            "--date",
            "2025-01-15",
            "--into",
            "content/nyt",
            "--draft",
            "--meeting",
            "foraarsmoede-2025",
            news.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("given with --kind") && out.contains("given with --date"),
        "{out}"
    );
    let doc = read(&f, "content/nyt/nyhedsbrev-marts-2025.md");
    assert!(doc.contains("\nkind: chairman-report\n"));
    assert!(doc.contains("\ndate: 2025-01-15\n"));
    assert!(doc.contains("\ndraft: true\n"));
    assert!(doc.contains("\nmeeting: \"foraarsmoede-2025\"\n"));
    // --kind slides on a portrait PDF lays it out one slide per page.
    let pdf = fixture("aarsberetning-2024.pdf");
    let (code, out, _) = import(f.root(), &["--kind", "slides", pdf.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.contains("one slide per page"), "{out}");
}

#[test]
fn usage_errors_exit_2() {
    let f = Fixture::danish();
    let deck = fixture("foraarsmoede-2025.pptx");
    let d = deck.to_str().unwrap();
    for (args, expect) in [
        (vec!["--kind", "raport", d], "did you mean"),
        (vec!["--date", "23-04-2025", d], "YYYY-MM-DD"),
        (vec!["--into", "../elsewhere", d], "inside content/"),
        (vec!["--meeting", "Forårsmøde 2025", d], "not a slug"),
    ] {
        let (code, _, err) = import(f.root(), &args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains(expect), "{args:?}: {err}");
    }
    let empty = tempfile::tempdir().unwrap();
    let (code, _, err) = import(empty.path(), &[d]);
    assert_eq!(code, 2);
    assert!(err.contains("no site.yaml"), "{err}");
    let (code, _, _) = import(f.root(), &[]);
    assert_eq!(code, 2, "no files is a usage error");
    assert_eq!(files_under(&f.root().join("content")), 0);
}

#[test]
fn missing_and_unsupported_files_are_named() {
    let f = Fixture::danish();
    let doc = fixture("broken-unsupported.doc");
    let deck = fixture("foraarsmoede-2025.pptx");
    let (code, out, err) = import(
        f.root(),
        &[
            "nowhere/beretning.docx",
            doc.to_str().unwrap(),
            deck.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("nowhere/beretning.docx: cannot be read"),
        "{err}"
    );
    assert!(
        err.contains("broken-unsupported.doc: is not a file arkiv can import"),
        "{err}"
    );
    assert!(
        err.contains("save older .ppt, .doc and .xls files"),
        "{err}"
    );
    assert!(out.contains("1 imported"), "{out}");
}

/// Copies a zip, changing parts with `edit` (name, text) → new text.
fn edited_zip(src: &Path, dest: &Path, edit: impl Fn(&str, String) -> String) {
    let mut zin = zip::ZipArchive::new(std::fs::File::open(src).unwrap()).unwrap();
    let mut zout = zip::ZipWriter::new(std::fs::File::create(dest).unwrap());
    for i in 0..zin.len() {
        let mut file = zin.by_index(i).unwrap();
        let name = file.name().unwrap().to_string();
        let mut data = Vec::new();
        file.read_to_end(&mut data).unwrap();
        if name.ends_with(".xml") {
            data = edit(&name, String::from_utf8(data).unwrap()).into_bytes();
        }
        zout.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        zout.write_all(&data).unwrap();
    }
    zout.finish().unwrap();
}

#[test]
fn empty_inside_files_are_named() {
    let f = Fixture::danish();
    let tmp = tempfile::tempdir().unwrap();
    let hidden = tmp.path().join("alt-skjult.pptx");
    edited_zip(&fixture("foraarsmoede-2025.pptx"), &hidden, |name, text| {
        if name.starts_with("ppt/slides/slide") {
            text.replacen("<p:sld ", "<p:sld show=\"0\" ", 1)
        } else {
            text
        }
    });
    let empty_sheets = tmp.path().join("tomt.xlsx");
    edited_zip(
        &fixture("regnskab-2024.xlsx"),
        &empty_sheets,
        |name, text| {
            if name.starts_with("xl/worksheets/") {
                let start = text.find("<sheetData>").unwrap();
                let end = text.find("</sheetData>").unwrap();
                format!("{}<sheetData>{}", &text[..start], &text[end..])
            } else {
                text
            }
        },
    );
    let word_as_deck = tmp.path().join("forkert.pptx");
    std::fs::copy(fixture("nyhedsbrev-marts.docx"), &word_as_deck).unwrap();
    let bad_xml = tmp.path().join("ugyldig.docx");
    edited_zip(&fixture("nyhedsbrev-marts.docx"), &bad_xml, |name, text| {
        if name == "word/document.xml" {
            text.replace("</w:body>", "")
        } else {
            text
        }
    });
    let (code, _, err) = import(
        f.root(),
        &[
            hidden.to_str().unwrap(),
            empty_sheets.to_str().unwrap(),
            word_as_deck.to_str().unwrap(),
            bad_xml.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("alt-skjult.pptx: has only hidden slides (7)"),
        "{err}"
    );
    assert!(err.contains("tomt.xlsx: has no sheet with data"), "{err}");
    assert!(
        err.contains("forkert.pptx: is not a PowerPoint presentation"),
        "{err}"
    );
    assert!(
        err.contains("ugyldig.docx: is damaged: its part word/document.xml is not valid XML"),
        "{err}"
    );
    assert_eq!(files_under(&f.root().join("content")), 0);
}
