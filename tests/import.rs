//! `arkiv import` end to end, format by format: the fixture files (tests/fixtures/import,
//! written by make_fixtures.py) are imported into temporary sites with the real binary, and
//! the tests assert on the Markdown written and on the report. Errors, exit codes,
//! idempotence and the build are in tests/import_errors.rs.

mod common;
mod import_common;
use common::Fixture;
use import_common::*;

#[test]
fn powerpoint_becomes_a_deck() {
    let f = Fixture::danish();
    let (code, out, err) = import_fixture(&f, "foraarsmoede-2025.pptx");
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("7 slides, 1 hidden slide left out"), "{out}");
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
    assert_eq!(slides.len(), 7, "{doc}");
    // Without a title placeholder, a short first text box is the title.
    assert!(
        slides[5].contains("## Spørgsmål og debat\n\nOrdet er frit.\n\nHusk at sige dit navn."),
        "{}",
        slides[5]
    );
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
    // The title is the page's `#`, so Overskrift 1 is `##`.
    assert!(doc.contains("\n## Indledning\n"), "{doc}");
    assert!(doc.contains("\n### Overenskomsten\n"));
    assert!(doc.contains("\n#### Medlemstal\n"));
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
    // The letter-spaced "Å R S B E R E T N I N G" heading repeats the title, so it is dropped.
    assert!(
        !text.contains("Å R S") && !text.contains("ÅRSBERETNING"),
        "{text}"
    );
    assert!(text.contains("\n## TAK FOR I ÅR\n"), "{text}");
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
fn opendocument_spreadsheet_and_a_date_from_the_file_time() {
    let f = Fixture::danish();
    let (code, out, err) = import_fixture(&f, "budget-2026.ods");
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("1 sheet with data"), "{out}");
    // No date in the text, no metadata, none in the name: the file's time, and it says so.
    assert!(out.contains("from the file's modification time"), "{out}");
    assert!(out.contains("check it"), "{out}");
    let doc = walk(&f.root().join("content"))
        .into_iter()
        .find(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .unwrap();
    assert!(doc.contains("\nkind: accounts\n"), "{doc}");
    assert!(
        doc.contains("| Post | Budget 2026 |\n| --- | ---: |"),
        "{doc}"
    );
    assert!(doc.contains("| I alt | 585.000 |"), "{doc}");
}

#[test]
fn opendocument_presentation_becomes_a_deck() {
    let f = Fixture::danish();
    let (code, out, err) = import_fixture(&f, "generalforsamling-2025.odp");
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("4 slides, 1 hidden slide left out"), "{out}");
    assert!(out.contains("2025-04-24"), "{out}");
    let doc = read(&f, "content/2025/generalforsamling-2025.md");
    assert!(doc.contains("\nkind: slides\n"), "{doc}");
    let slides: Vec<&str> = body(&doc).split("\n---\n").collect();
    assert_eq!(slides.len(), 4, "{doc}");
    assert!(!doc.contains("Skjult side"));
    assert!(
        slides[1].contains(
            "- Kontingent uændret\n  - 2.400 kr. om året\n    - også for ansatte\n- Ny vedtægt"
        ),
        "{}",
        slides[1]
    );
    assert!(slides[1].contains("Note:\nForklar baggrunden for forslaget."));
    assert!(
        slides[2].contains("| Kontingenter | 520.000 |"),
        "{}",
        slides[2]
    );
    assert!(slides[3].contains("![Graf over medlemstal](generalforsamling-2025-image-1.png)"));
    assert!(f
        .root()
        .join("content/2025/generalforsamling-2025-image-1.png")
        .is_file());
}

#[test]
fn pdf_minutes_in_an_embedded_font() {
    let f = Fixture::danish();
    let (code, out, err) = import_fixture(&f, "referat-bestyrelsesmoede.pdf");
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("kind:  minutes"), "{out}");
    assert!(out.contains("\"4/12 2024\""), "{out}");
    assert!(
        out.contains("title: Referat af bestyrelsesmøde (from the first heading)"),
        "{out}"
    );
    let doc = read(&f, "content/2024/referat-af-bestyrelsesmoede.md");
    assert!(doc.contains("\ndate: 2024-12-04\n"), "{doc}");
    let text = body(&doc);
    // Bold lines in the body size are headings; square and ring bullets are two levels.
    assert!(text.contains("## Deltagere\n"), "{text}");
    assert!(text.contains("## Beslutninger\n"), "{text}");
    assert!(
        text.contains("- Karen Holm Dahl (formand)\n- Jens Kirk\n  - deltog på video\n"),
        "{text}"
    );
    assert!(
        text.contains("Sekretariatet indhenter tilbud fra to hoteller"),
        "{text}"
    );
}

/// The same deck, report and accounts after a round trip through LibreOffice (made with
/// `soffice --headless --convert-to pptx|docx|xlsx` from the python-made fixtures; see
/// make_fixtures.py): LibreOffice writes the formats its own way (other numbering ids,
/// footnote ids from 2, its own styles), and the import must come out the same.
#[test]
fn libreoffice_exports_import_like_the_originals() {
    let f = Fixture::danish();
    let dir = fixture("../import-libreoffice");
    let files = [
        dir.join("foraarsmoede-2025-libreoffice.pptx"),
        dir.join("formandens-beretning-2025-libreoffice.docx"),
        dir.join("regnskab-2024-libreoffice.xlsx"),
    ];
    let args: Vec<&str> = files.iter().map(|p| p.to_str().unwrap()).collect();
    let (code, out, err) = import(f.root(), &args);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("7 slides, 1 hidden slide left out"), "{out}");

    let deck = read(&f, "content/2025/foraarsmoede-2025.md");
    assert!(deck.contains("\nkind: slides\n") && deck.contains("\ndate: 2025-04-23\n"));
    assert_eq!(body(&deck).split("\n---\n").count(), 7, "{deck}");
    assert_eq!(deck.matches("\nNote:\n").count(), 4, "{deck}");
    assert!(
        deck.contains("\n  - 148 klinikejere\n    - heraf 12 nye i 2024\n"),
        "{deck}"
    );
    assert!(
        deck.contains("| Post | Budget | Regnskab |\n| --- | ---: | ---: |"),
        "{deck}"
    );

    let report = read(&f, "content/2025/formandens-beretning-2025.md");
    assert!(report.contains("\nkind: chairman-report\n"), "{report}");
    assert!(report.contains("**travlt** og *lærerigt*"), "{report}");
    assert!(
        report.contains("](https://fodterapeuterne.example.dk/aftale)"),
        "{report}"
    );
    assert!(
        report.contains("[^2]: Aftalen blev underskrevet 3. marts 2025."),
        "{report}"
    );

    let accounts = read(&f, "content/2024/regnskab-2024-libreoffice.md");
    assert!(accounts.contains("\nkind: accounts\n"), "{accounts}");
    assert!(
        accounts.contains("| Kurser | 55.200 | 60.000 | 71.250,50 |"),
        "{accounts}"
    );
    assert!(accounts.contains("| Bank | 1.234.567 |"), "{accounts}");

    let built = std::process::Command::new(env!("CARGO_BIN_EXE_arkiv"))
        .arg("build")
        .arg(f.root())
        .output()
        .unwrap();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
}
