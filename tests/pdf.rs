//! Attached PDFs: read for title, page count and text; broken ones are warnings naming the
//! file and never stop the build; `/pdfs/` lists attached and outside PDFs with who cites them.

mod common;

use arkiv::model::pdf::read_pdf;
use common::{make_pdf, Fixture};

#[test]
fn reads_title_pages_and_text() {
    let bytes = make_pdf(
        Some("Overenskomst 2025"),
        &["Honorarer og vilkaar", "Side to om ydernumre"],
    );
    let info = read_pdf(&bytes).expect("a valid PDF reads");
    assert_eq!(info.pages, Some(2));
    assert_eq!(info.title.as_deref(), Some("Overenskomst 2025"));
    assert!(
        info.text.contains("Honorarer og vilkaar"),
        "{:?}",
        info.text
    );
    assert!(info.text.contains("ydernumre"), "{:?}", info.text);
}

#[test]
fn placeholder_titles_are_ignored() {
    let bytes = make_pdf(Some("Microsoft Word - referat.docx"), &["x"]);
    assert_eq!(read_pdf(&bytes).unwrap().title, None);
}

#[test]
fn bad_files_are_problems_not_panics() {
    let good = make_pdf(None, &["tekst"]);
    for bad in [
        &good[..good.len() / 2],
        &good[..20],
        b"%PDF-1.7\n\x00\x01\x02garbage garbage".as_slice(),
        b"<html><body>not found</body></html>".as_slice(),
        b"".as_slice(),
    ] {
        assert!(read_pdf(bad).is_err(), "{:?}", String::from_utf8_lossy(bad));
    }
}

fn fixture_with_pdfs() -> Fixture {
    let f = Fixture::new("title: Testforeningen\nminify: false\n");
    f.write(
        "content/2025/overenskomst.pdf",
        make_pdf(
            Some("Overenskomst om fysioterapi"),
            &["Aftalen", "Bilag 1", "Bilag 2"],
        ),
    );
    f.write(
        "content/2025/kun-tekst.pdf",
        make_pdf(None, &["Referat af m\\370det"]),
    );
    let mut truncated = make_pdf(Some("Halv"), &["a", "b"]);
    truncated.truncate(truncated.len() / 3);
    f.write("content/2025/afbrudt.pdf", truncated);
    f.write(
        "content/2025/word-fil.pdf",
        b"PK\x03\x04 this is really a .docx file",
    );
    f.doc(
        "2025/beretning.md",
        "title: Beretning 2025\ndate: 2025-03-01\nkind: chairman-report\nattachments:\n  - overenskomst.pdf\n  - path: kun-tekst.pdf\n    title: Underskrevet referat\n  - afbrudt.pdf\n  - word-fil.pdf",
        "Se [aftalen](https://www.fagforbund.example/media/ok25.pdf) og [bilaget](overenskomst.pdf).\n\nOg [forsiden](https://www.fagforbund.example/).\n",
    );
    f.doc(
        "2024/nyhedsbrev.md",
        "title: Nyhedsbrev juni\ndate: 2024-06-01\nkind: newsletter",
        "Læs [vejledningen](https://www.regioner.example/media/vejledning.pdf#page=2) og [aftalen igen](https://www.fagforbund.example/media/ok25.pdf).\n",
    );
    f
}

#[test]
fn build_fills_pdf_facts_and_warns_about_broken_files() {
    let f = fixture_with_pdfs();
    let site = arkiv::pipeline::render_site(f.root(), false).expect("builds despite broken PDFs");
    let doc = site
        .archive
        .documents
        .iter()
        .find(|d| d.front.title == "Beretning 2025")
        .unwrap();
    let by_name = |n: &str| doc.attachments.iter().find(|a| a.file_name == n).unwrap();
    let ok = by_name("overenskomst.pdf")
        .pdf
        .as_ref()
        .expect("valid PDF read");
    assert_eq!(ok.pages, Some(3));
    assert_eq!(ok.title.as_deref(), Some("Overenskomst om fysioterapi"));
    assert!(ok.text.contains("Bilag 2"));
    assert!(by_name("afbrudt.pdf").pdf.is_none());
    assert!(by_name("word-fil.pdf").pdf.is_none());

    let warnings: Vec<String> = site.diagnostics.warnings().map(|d| d.to_string()).collect();
    let joined = warnings.join("\n");
    assert!(joined.contains("content/2025/afbrudt.pdf"), "{joined}");
    assert!(
        joined.contains("content/2025/word-fil.pdf") && joined.contains("not a PDF"),
        "{joined}"
    );
    assert!(
        !joined.contains("overenskomst.pdf"),
        "a good PDF gives no warning: {joined}"
    );

    // The real binary: exit 0, the warnings printed, the files still published.
    let (code, stderr) = f.build_cli(&[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("advarsel: content/2025/afbrudt.pdf: PDF'en er afkortet"),
        "{stderr}"
    );
    assert!(
        f.output().join("2025/afbrudt.pdf").exists(),
        "a broken PDF is still published"
    );
    let page = f.read_output("2025/beretning/index.html");
    assert!(
        page.contains("3 sider") || page.contains("3 s."),
        "document page shows page count"
    );
}

#[test]
fn pdf_index_lists_attached_and_outside_pdfs() {
    let f = fixture_with_pdfs();
    let (code, stderr) = f.build_cli(&[]);
    assert_eq!(code, 0, "{stderr}");
    // The overview: counts, the years and websites (each a page of rows), the archive's own PDFs.
    let overview = f.read_output("pdfs/index.html");
    assert!(
        overview.contains("6 PDF · 4 i arkivet · 2 eksterne"),
        "{overview}"
    );
    for link in [
        "pdfs/2025/",
        "pdfs/2024/",
        "pdfs/host-archive/",
        "pdfs/host-www-fagforbund-example/",
        "pdfs/host-www-regioner-example/",
    ] {
        assert!(overview.contains(&format!("href=\"../{link}\"")), "{link}");
    }
    // Title metadata wins over the file name; front matter title used when there is none.
    assert!(overview.contains("Overenskomst om fysioterapi"));
    assert!(overview.contains("Underskrevet referat"));
    assert!(overview.contains("3 sider"), "page count of attached PDF");
    assert!(overview.contains("href=\"../2025/overenskomst.pdf\""));
    assert!(
        !overview.contains("Nyhedsbrev juni"),
        "citations are on the group pages"
    );

    // A year page: the PDFs whose newest citing document is from that year.
    let y2025 = f.read_output("pdfs/2025/index.html");
    assert!(y2025.contains("Overenskomst om fysioterapi"));
    assert!(
        y2025.contains("Referat af mødet"),
        "excerpt of the PDF's text"
    );
    // Outside PDFs by link text (capitalised, as it now stands alone), with their host; the
    // fragment is not a separate PDF.
    assert!(y2025.contains(">Aftalen</a>"), "{y2025}");
    assert!(y2025.contains("www.fagforbund.example"));
    let y2024 = f.read_output("pdfs/2024/index.html");
    assert!(y2024.contains(">Vejledningen</a>"));
    assert!(!y2024.contains("Overenskomst om fysioterapi"));
    let all_years = format!("{y2025}{y2024}");
    assert_eq!(
        all_years
            .matches("href=\"https://www.regioner.example/media/vejledning.pdf\"")
            .count(),
        1,
        "once among the years"
    );
    // The outside page that is not a PDF is not listed.
    assert!(!all_years.contains("href=\"https://www.fagforbund.example/\""));
    // A PDF cited by two documents lists both, with their kinds.
    let row = y2025
        .split("href=\"https://www.fagforbund.example/media/ok25.pdf\"")
        .nth(1)
        .unwrap();
    let row = row.split("</li>\n").take(3).collect::<String>();
    assert!(
        row.contains("Beretning 2025") && row.contains("Nyhedsbrev juni"),
        "{row}"
    );
    // A website page: that host's PDFs, with links relative to it and the other groups.
    let host = f.read_output("pdfs/host-www-fagforbund-example/index.html");
    assert!(host.contains(">Aftalen</a>") && !host.contains(">Vejledningen</a>"));
    assert!(host.contains("href=\"../../2025/beretning/\""));
    assert!(
        host.contains("href=\"../../pdfs/2024/\""),
        "the years are one click away"
    );
    assert!(host.contains("<span aria-current=\"page\">www.fagforbund.example</span>"));
    let own = f.read_output("pdfs/host-archive/index.html");
    assert!(own.contains("href=\"../../2025/overenskomst.pdf\""));
    assert!(own.contains("static/index-filter.js"));
}

#[test]
fn encrypted_pdf_is_a_warning() {
    let f = Fixture::new("title: Testforeningen\nminify: false\n");
    let plain = make_pdf(Some("Hemmelig"), &["tekst"]);
    let at = plain
        .windows(11)
        .position(|w| w == b"/Root 1 0 R")
        .expect("trailer")
        + 11;
    let mut pdf = plain[..at].to_vec();
    pdf.extend_from_slice(b" /Encrypt << /Filter /Standard /V 1 /R 2 /O (xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx) /U (yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy) /P -4 >> /ID [(abc) (abc)]");
    pdf.extend_from_slice(&plain[at..]);
    f.write("content/2025/hemmelig.pdf", pdf);
    f.doc(
        "2025/a.md",
        "title: A\ndate: 2025-01-01\nkind: minutes\nattachments: [hemmelig.pdf]",
        "Tekst.\n",
    );
    let site = arkiv::pipeline::render_site(f.root(), false).expect("builds");
    let warnings: Vec<String> = site.diagnostics.warnings().map(|d| d.to_string()).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("content/2025/hemmelig.pdf")),
        "{warnings:?}"
    );
}

#[test]
fn a_long_pdf_reads_quickly() {
    let pages: Vec<String> = (1..=300)
        .map(|i| format!("Side {i}: Regnskab og budget for foreningen"))
        .collect();
    let refs: Vec<&str> = pages.iter().map(String::as_str).collect();
    let bytes = make_pdf(Some("Årsrapport"), &refs);
    let start = std::time::Instant::now();
    let info = read_pdf(&bytes).unwrap();
    let took = start.elapsed();
    eprintln!("300-page PDF ({} kB) read in {took:?}", bytes.len() / 1000);
    assert_eq!(info.pages, Some(300));
    assert!(info.text.contains("Side 300: Regnskab"));
    assert!(took < std::time::Duration::from_secs(5), "{took:?}");
}
