//! Real association material (issue 13), on the seed-shaped fixture in
//! `tests/fixtures/real-material`: overfull slides, programmes without `document:`,
//! compounds, summaries.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

/// Builds the fixture once per test into a temporary folder; returns (output dir, stderr).
fn build() -> (tempfile::TempDir, String) {
    let out = tempfile::tempdir().expect("temp dir");
    let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real-material");
    let run = Command::new(env!("CARGO_BIN_EXE_arkiv"))
        .arg("build")
        .arg(&site)
        .arg("--output")
        .arg(out.path().join("site"))
        .output()
        .expect("run arkiv");
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    assert!(run.status.success(), "{stderr}");
    (out, stderr)
}

fn page(out: &tempfile::TempDir, rel: &str) -> String {
    let path: PathBuf = out.path().join("site").join(rel).join("index.html");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn overfull_slides_warn_with_file_line_and_count_and_continue_on_follow_on_slides() {
    let (out, stderr) = build();
    assert!(
        stderr.contains("nyt-fra-bestyrelsen-efteraar-2025.md:47:1: dias 4 har 100 linjer tekst, for mange til at vises i læselig størrelse (24 px på en 1280×720-skærm); det vises som"),
        "{stderr}"
    );
    assert!(
        stderr
            .contains("vagtlaegeudvalget-status-efteraar-2025.md:15:1: dias 2 har 30 linjer tekst"),
        "{stderr}"
    );
    let slides = page(&out, "2025/nyt-fra-bestyrelsen-efteraar-2025/slides");
    // #4 is the slide's first part, #4.2 … its follow-on slides, then #5: N counts the deck's
    // own slides, so links into the deck stay right.
    for id in ["id=\"4\"", "id=\"4.2\"", "id=\"4.3\"", "id=\"5\""] {
        assert!(slides.contains(id), "{id} missing");
    }
    assert!(slides.contains("Tilbagemeldinger fra klinikkerne <span>(forts.)</span>"));
    for i in 1..=100 {
        assert!(slides.contains(&format!("Klinik {i} i ")), "bullet {i}");
    }
    // The handout prints it as its outline text on a page of its own.
    let handout = page(&out, "2025/nyt-fra-bestyrelsen-efteraar-2025/handout");
    assert!(handout.contains("handout-item as-outline\" data-number=\"4\""));
    assert!(handout.contains("sheet outline-sheet"));
    // The first slide, a heading and one line, is a title slide.
    assert!(slides.contains("<section class=\"slide title-slide\" id=\"1\""));
}

/// Positions of `needles` in `hay`, failing on any that is missing.
fn positions(hay: &str, needles: &[&str]) -> Vec<usize> {
    needles
        .iter()
        .map(|n| hay.find(n).unwrap_or_else(|| panic!("{n:?} missing")))
        .collect()
}

#[test]
fn a_programme_without_document_links_orders_the_pack_and_the_meeting_page() {
    let (out, stderr) = build();
    // Notes with file and line: an item with no document, a document on no item.
    assert!(
        stderr.contains("efteraarsmoede-2025/index.md:17:1: programpunktet \"Oplæg om fremtidens lægevagt\" fik intet dokument"),
        "{stderr}"
    );
    assert!(
        stderr.contains("nyhedsbrev-oktober-2025.md:5:1: \"Nyhedsbrev oktober 2025\" nævner mødet \"Efterårsmøde 2025\", men passer ikke til noget punkt"),
        "{stderr}"
    );
    // Breaks, welcome and any other business need no document and get no note.
    for quiet in [
        "\"Kaffepause\"",
        "\"Velkomst\"",
        "\"Eventuelt og afslutning\"",
    ] {
        assert!(!stderr.contains(quiet), "{quiet}: {stderr}");
    }
    // Programme order (18:10 slides, 18:50 committee slides, 19:35 report, 20:30 accounts),
    // though the accounts are the oldest and the decks the newest; then, apart, the newsletter.
    let order = [
        "Nyt fra bestyrelsen – efterårs\u{ad}mødet 2025",
        "Vagt\u{ad}læge\u{ad}udvalget: status efteråret 2025",
        "Kredsens beretning 2025",
        "Årsregnskab 2024 og budget 2026",
        "Ikke på programmet",
        "Nyhedsbrev oktober 2025",
    ];
    let pack = page(&out, "2025/efteraarsmoede-2025/pack");
    let body = &pack[pack.find("class=\"pack-doc ").expect("sections")..];
    let at = positions(body, &order);
    assert!(at.windows(2).all(|w| w[0] < w[1]), "pack order {at:?}");
    // The programme table links each item to its section.
    assert!(pack.contains("Nyt fra bestyrelsen</span><span class=\"speaker\">formand Ditte Kjærgaard Holm</span></td><td class=\"ref\"><a href=\"#pack-1\">"));
    // The meeting page: the same order, the description before the programme.
    let meeting = page(&out, "2025/efteraarsmoede-2025");
    let docs = &meeting[meeting.find("meeting-docs-title").expect("documents")..];
    let titles: Vec<&str> = order
        .iter()
        .map(|t| t.split(['\u{ad}', ':']).next().unwrap_or(t))
        .collect();
    let at = positions(docs, &titles);
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "meeting page order {at:?}"
    );
    assert!(meeting.find("Bestyrelsen inviterer") < meeting.find("programme-title"));
    // A closing is marked so print keeps it with the name.
    assert!(pack.contains("<p class=\"closing\">Med venlig hilsen</p>"));
}

/// The real search.js under Node against the built fixture (tests/fixtures/search/engine.mjs).
fn search(out: &tempfile::TempDir, q: &str) -> serde_json::Value {
    common::search_engine(&["query", &out.path().join("site").to_string_lossy(), q])
}

fn hit_titles(r: &serde_json::Value) -> Vec<String> {
    r["hits"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|h| h["title"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn fold(s: &str) -> String {
    arkiv::search::analysis::fold(&s.replace('\u{ad}', "").to_lowercase())
}

/// Builds the fixture in-process (the shared target folder's binary may be another build's).
fn build_lib() -> tempfile::TempDir {
    let out = tempfile::tempdir().expect("temp dir");
    let options = arkiv::pipeline::BuildOptions {
        site_root: Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real-material"),
        output: Some(out.path().join("site")),
        drafts: false,
    };
    if let Err(d) = arkiv::pipeline::build(&options) {
        panic!("build failed: {d:?}");
    }
    out
}

#[test]
fn compound_parts_are_found_though_the_archive_never_uses_them_alone() {
    let out = build_lib();
    // Ground truth: the documents that use a compound with the part (never the part alone).
    let udvalg = [
        "Nyt fra bestyrelsen – efterårsmødet 2025",
        "Vagtlægeudvalget: status efteråret 2025",
        "Efterårsmøde 2025",
        "Kredsens beretning 2025",
        "Nyhedsbrev oktober 2025",
        "Vagtlægeudvalgets beretning 2024",
        "Referat af kredsmøde 2024",
        "Nyhedsbrev december 2024",
    ];
    let patienttal = [
        "Nyt fra bestyrelsen – efterårsmødet 2025",
        "Kredsens beretning 2025",
        "Vagtlægeudvalgets beretning 2024",
    ];
    let (mut relevant, mut found, mut returned) = (0, 0, 0);
    for (q, truth) in [("udvalget", &udvalg[..]), ("patienttal", &patienttal[..])] {
        let r = search(&out, q);
        let got = hit_titles(&r);
        relevant += truth.len();
        found += truth.iter().filter(|t| got.iter().any(|g| g == *t)).count();
        returned += got.len();
        let missed: Vec<&&str> = truth
            .iter()
            .filter(|t| !got.iter().any(|g| g == *t))
            .collect();
        println!("{q}: missed {missed:?}");
        let wrong: Vec<&String> = got
            .iter()
            .filter(|g| !truth.contains(&g.as_str()))
            .collect();
        assert!(wrong.is_empty(), "{q}: not about it: {wrong:?}");
        // Every excerpt shows a matched word.
        for h in r["hits"].as_array().into_iter().flatten() {
            let excerpt = fold(h["excerpt"].as_str().unwrap_or_default());
            let needles: Vec<String> = h["needles"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|n| n.as_str().map(str::to_string))
                .collect();
            assert!(
                needles.iter().any(|n| excerpt.contains(n.as_str())),
                "{q}: the excerpt of {} shows no match: {excerpt}",
                h["title"]
            );
        }
    }
    let recall = found as f64 / relevant as f64;
    let precision = found as f64 / returned.max(1) as f64;
    println!("compound recall {found}/{relevant} = {recall:.2}, precision {found}/{returned} = {precision:.2}");
    assert!(recall >= 0.99, "recall {recall:.2}");
    assert!(precision >= 0.99, "precision {precision:.2}");
    // Short words split nothing: `for` and `til` are stop words and `an` finds no compound.
    for q in ["for", "til"] {
        assert!(hit_titles(&search(&out, q)).is_empty(), "{q}");
    }
}

#[test]
fn a_meeting_is_found_by_its_place_and_its_programme() {
    let out = build_lib();
    for q in ["Kongsgården", "Rasmus Thule", "fremtidens lægevagt"] {
        let r = search(&out, q);
        assert_eq!(
            hit_titles(&r).first().map(String::as_str),
            Some("Efterårsmøde 2025"),
            "{q}: {:?}",
            hit_titles(&r)
        );
    }
    let r = search(&out, "Rasmus Thule");
    let excerpt = r["hits"][0]["excerpt"].as_str().unwrap_or_default();
    assert!(excerpt.contains("Rasmus Thule"), "{excerpt}");
}

#[test]
fn summaries_are_body_prose_ended_at_a_sentence() {
    let out = build_lib();
    let meeting = page(&out, "2025/efteraarsmoede-2025");
    let summaries: Vec<&str> = meeting
        .split("<p class=\"entry-summary\">")
        .skip(1)
        .filter_map(|s| s.split("</p>").next())
        .collect();
    assert_eq!(summaries.len(), 5, "{summaries:?}");
    for s in &summaries {
        assert!(s.ends_with('.'), "not ended at a sentence: {s}");
        assert!(!s.contains('…'), "cut: {s}");
        // No slide title, heading, table cell or letter-spacing.
        for junk in [
            "Sundhedsreformen: kredsens",
            "Vagtlægeordningen i tal",
            "INDLEDNING",
            "B E R E T",
            "BERETNING",
            "Post Regnskab",
            "Kontingenter fra medlemmer",
        ] {
            assert!(!s.contains(junk), "{junk:?} in {s}");
        }
    }
    // A deck: its first content slide's bullets as one sentence.
    assert!(
        summaries[0].starts_with(
            "Mange dialogmøder med byråd, regionsråd og direktioner; Inviteret til partiernes"
        ),
        "{}",
        summaries[0]
    );
    // The report: its first prose, not its letter-spaced title or capital headings.
    assert!(
        summaries[2].starts_with("Perioden siden sidste kredsmøde"),
        "{}",
        summaries[2]
    );
    // The accounts: what they cover, and the marked total.
    assert!(
        summaries[3]
            .starts_with("Regnskab 2024, Budget 2025 og Budget 2026. Årets resultat: 534.800 kr."),
        "{}",
        summaries[3]
    );
}

#[test]
fn a_handout_header_says_the_date_once() {
    let out = build_lib();
    let handout = page(&out, "2024/oplaeg-kredsmoedet-14-november-2024/handout");
    assert!(
        handout
            .contains("<span class=\"sheet-deck\">Oplæg på kredsmødet d. 14. november 2024</span>"),
        "{}",
        &handout[handout.find("sheet-deck").unwrap_or(0)..][..200]
    );
    let other = page(&out, "2025/nyt-fra-bestyrelsen-efteraar-2025/handout");
    assert!(other.contains("efterårsmødet 2025 · 6. november 2025</span>"));
}

#[test]
fn a_small_archive_lists_every_pdf_on_the_overview_and_says_links_neutrally() {
    let out = tempfile::tempdir().expect("temp dir");
    let options = arkiv::pipeline::BuildOptions {
        site_root: Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf(),
        output: Some(out.path().join("site")),
        drafts: false,
    };
    if let Err(d) = arkiv::pipeline::build(&options) {
        panic!("build failed: {d:?}");
    }
    let pdfs = page(&out, "pdfs");
    let count: usize = pdfs
        .split("<p class=\"count\">")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("a count");
    assert!(count < 50, "{count}");
    assert_eq!(pdfs.matches("class=\"entry pdf-item\"").count(), count);
    let links = page(&out, "links");
    assert!(!links.contains("arkiv check"));
}

#[test]
fn the_build_not_the_public_link_index_tells_the_secretary_to_run_check() {
    // The fixture cites outside PDFs as real reports do; nothing is checked yet.
    let (out, stderr) = build();
    assert_eq!(
        stderr
            .matches("bemærk: 3 eksterne links er ikke tjekket endnu; kør arkiv check i sitets mappe for at se, om de virker")
            .count(),
        1,
        "{stderr}"
    );
    let links = page(&out, "links");
    assert!(links.contains("Eksterne links er ikke tjekket endnu."));
    assert!(!links.contains("arkiv check"));
    assert!(page(&out, "pdfs").contains("svar-fra-kredsen-2025.pdf"));
}
