//! Real association material (issue 13), on the seed-shaped fixture in
//! `tests/fixtures/real-material`: overfull slides, programmes without `document:`,
//! compounds, summaries.

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
        stderr.contains("nyt-fra-bestyrelsen-efteraar-2025.md:47:1: slide 4 has 100 lines of text, too many to show at a readable size (24 px on a 1280×720 screen); it is shown as"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "vagtlaegeudvalget-status-efteraar-2025.md:15:1: slide 2 has 30 lines of text"
        ),
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
        stderr.contains("efteraarsmoede-2025/index.md:17:1: programme item \"Oplæg om fremtidens lægevagt\" got no document"),
        "{stderr}"
    );
    assert!(
        stderr.contains("nyhedsbrev-oktober-2025.md:5:1: \"Nyhedsbrev oktober 2025\" names the meeting \"Efterårsmøde 2025\" but matches no item"),
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
