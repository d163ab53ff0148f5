//! `arkiv import` when things are not simple: broken, encrypted and unsupported files,
//! usage errors (exit 2), re-imports, existing documents that must not be overwritten, and
//! a whole folder of fixtures imported and built.

mod common;
mod import_common;
use common::Fixture;
use import_common::*;
use std::io::{Read, Write};
use std::path::Path;

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
        (
            "broken-scan.pdf",
            "has no text that can be read (it may be a scan",
        ),
    ] {
        let line = err
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} not named:\n{err}"));
        assert!(line.contains(reason), "{line}");
    }
    assert!(
        out.contains("10 imported, 0 already imported, 6 could not be imported"),
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
        if name.ends_with(".xml") || name.ends_with(".rels") {
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
    let no_slides = tmp.path().join("ingen-slides.pptx");
    edited_zip(
        &fixture("foraarsmoede-2025.pptx"),
        &no_slides,
        |name, text| {
            if name == "ppt/presentation.xml" {
                let start = text.find("<p:sldIdLst>").unwrap();
                let end = text.find("</p:sldIdLst>").unwrap();
                format!("{}{}", &text[..start], &text[end + 13..])
            } else {
                text
            }
        },
    );
    let missing_slide = tmp.path().join("mangler-slide.pptx");
    edited_zip(
        &fixture("foraarsmoede-2025.pptx"),
        &missing_slide,
        |name, text| {
            if name == "ppt/_rels/presentation.xml.rels" {
                text.replace("slides/slide2.xml", "slides/slide99.xml")
            } else {
                text
            }
        },
    );
    let no_body = tmp.path().join("uden-tekst.docx");
    edited_zip(&fixture("nyhedsbrev-marts.docx"), &no_body, |name, text| {
        if name == "word/document.xml" {
            text.replace("w:body>", "w:krop>")
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
            no_slides.to_str().unwrap(),
            missing_slide.to_str().unwrap(),
            no_body.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("alt-skjult.pptx: has only hidden slides (8)"),
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

#[test]
fn a_taken_title_falls_back_to_the_file_name() {
    let f = Fixture::danish();
    let tmp = tempfile::tempdir().unwrap();
    // Another file with the same PDF title (one byte more, so it is not a re-import).
    let copy = tmp.path().join("beretning-kopi.pdf");
    let mut bytes = std::fs::read(fixture("aarsberetning-2024.pdf")).unwrap();
    bytes.push(b'\n');
    std::fs::write(&copy, bytes).unwrap();
    let first = fixture("aarsberetning-2024.pdf");
    let (code, out, err) = import(f.root(), &[first.to_str().unwrap(), copy.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains(
            "already exists and was left alone; the document is named after the file instead"
        ),
        "{out}"
    );
    assert!(read(&f, "content/2025/beretning-kopi.md").contains("path: \"beretning-kopi.pdf\""));
    assert!(
        read(&f, "content/2025/aarsberetning-2024.md").contains("path: \"aarsberetning-2024.pdf\"")
    );
}

#[test]
fn an_unknown_meeting_is_warned_about() {
    let f = Fixture::danish();
    f.doc(
        "2025/foraarsmoede/index.md",
        "title: Forårsmøde\ndate: 2025-04-23\nkind: meeting",
        "",
    );
    let deck = fixture("foraarsmoede-2025.pptx");
    let (code, _, err) = import(
        f.root(),
        &["--meeting", "foraarsmode", deck.to_str().unwrap()],
    );
    assert_eq!(code, 0, "a warning, not a failure");
    assert!(
        err.contains("no `kind: meeting` document has the slug \"foraarsmode\""),
        "{err}"
    );
    assert!(err.contains("did you mean \"foraarsmoede\""), "{err}");
    let news = fixture("nyhedsbrev-marts.docx");
    let (code, _, err) = import(
        f.root(),
        &["--meeting", "foraarsmoede", news.to_str().unwrap()],
    );
    assert_eq!(code, 0);
    assert!(!err.contains("warning"), "{err}");
    let (code, log) = f.build_cli(&[]);
    assert_eq!(
        code, 1,
        "the misspelt meeting fails the build, as warned: {log}"
    );
}

/// Cut short and with bytes changed, every fixture gives a message naming it, never a
/// crash: 12 damaged copies of each good file in one folder, imported at once.
#[test]
fn damaged_copies_never_crash() {
    let f = Fixture::danish();
    let tmp = tempfile::tempdir().unwrap();
    let mut seed: u64 = 12;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    let good = [
        "foraarsmoede-2025.pptx",
        "formandens-beretning-2025.docx",
        "regnskab-2024.xlsx",
        "budget-2026.ods",
        "generalforsamling-2025.odp",
        "aarsberetning-2024.pdf",
    ];
    let mut count = 0;
    // Office's lock file beside an open document is not a document; it is passed over.
    std::fs::write(tmp.path().join("~$beretning.docx"), b"\x0bKaren Holm").unwrap();
    for name in good {
        let bytes = std::fs::read(fixture(name)).unwrap();
        let (stem, ext) = name.rsplit_once('.').unwrap();
        for i in 0..12 {
            let mut copy = bytes.clone();
            if i < 4 {
                copy.truncate(bytes.len() * (i + 1) / 5);
            } else {
                for _ in 0..(1 + i) {
                    let at = next() % copy.len();
                    copy[at] = (next() % 256) as u8;
                }
            }
            std::fs::write(tmp.path().join(format!("{stem}-{i}.{ext}")), copy).unwrap();
            count += 1;
        }
    }
    let (code, out, err) = import(f.root(), &[tmp.path().to_str().unwrap()]);
    assert!(code == 0 || code == 1, "{code}: {err}");
    assert!(!err.contains("panicked"), "{err}");
    // Our own readers (zip, XML) never need the panic guard; only the PDF library might.
    for line in err.lines().filter(|l| l.contains("the reader failed")) {
        assert!(line.contains(".pdf:"), "{line}");
    }
    let imported = out.lines().filter(|l| l.starts_with("imported ")).count();
    let failed = err.lines().filter(|l| l.starts_with("error: ")).count();
    assert_eq!(
        imported + failed,
        count,
        "every file accounted for:\n{out}\n{err}"
    );
    // What was imported still builds.
    let (code, log) = f.build_cli(&[]);
    assert_eq!(code, 0, "{log}");
}

/// The guards against files built to exhaust memory: an XML part that unpacks to more
/// than 64 MB (a zip bomb) and a deck that lists thousands of slides.
#[test]
fn guards_against_huge_files() {
    let f = Fixture::danish();
    let tmp = tempfile::tempdir().unwrap();
    let bomb = tmp.path().join("bombe.pptx");
    {
        let mut z = zip::ZipWriter::new(std::fs::File::create(&bomb).unwrap());
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("ppt/presentation.xml", options).unwrap();
        let zeros = vec![b' '; 1 << 20];
        for _ in 0..65 {
            z.write_all(&zeros).unwrap();
        }
        z.finish().unwrap();
    }
    assert!(std::fs::metadata(&bomb).unwrap().len() < 1_000_000);
    let many = tmp.path().join("mange.pptx");
    edited_zip(&fixture("foraarsmoede-2025.pptx"), &many, |name, text| {
        if name == "ppt/presentation.xml" {
            let start = text.find("<p:sldId ").unwrap();
            let end = start + text[start..].find("/>").unwrap() + 2;
            let one = &text[start..end];
            text.replacen(one, &one.repeat(2001), 1)
        } else {
            text
        }
    });
    let (code, _, err) = import(f.root(), &[bomb.to_str().unwrap(), many.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("bombe.pptx: has a part ppt/presentation.xml of 68 MB, more than arkiv reads"),
        "{err}"
    );
    assert!(
        err.contains("mange.pptx: has 2008 slides, more than arkiv imports"),
        "{err}"
    );
}
