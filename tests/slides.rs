//! Slide decks end to end: the presentation, the handout and the meeting pack are written for
//! fixture sites with the right slides, notes and order, and a badly formed deck gets warnings
//! that name its file and line.

mod common;
use arkiv::core::diagnostics::Severity;
use arkiv::pipeline::{build, BuildOptions};
use common::Fixture;

const DECK: &str = "# Velkommen\n\nForeningen · 24. april 2025\n\nNote:\nByd velkommen.\n\n---\n\n## Kode med streger\n\n```\nlinje\n---\nlinje\n```\n\n---\n\n## Budget\n\n| Post | Beløb |\n|:--|--:|\n| Kontingent | 1.234 |\n\nNote:\nKassereren fremlægger.\n\n---\n\n## Læs mere\n\n- [Beretningen](../../2024/beretning-2024.md)\n\n---\n\n## Fem\n\n![Graf](graf.png)\n\n---\n\n## Seks\n\n---\n\n## Syv\n\nNote:\nSidste slide.\n";

fn deck_site(config: &str) -> Fixture {
    let f = Fixture::new(config);
    f.doc(
        "2025/moede/index.md",
        "title: Generalforsamling 2025\ndate: 2025-04-24\nkind: meeting\nplace: Hotel Dampen\nprogramme:\n  - time: \"18:00\"\n    title: Velkomst\n  - time: \"18:10\"\n    title: Beretning\n    speaker: Karen Lund\n    document: beretning-2025\n  - time: \"18:40\"\n    title: Præsentation\n    document: bestyrelsen-2025\n  - time: \"19:00\"\n    title: Regnskab\n    document: regnskab-2024\n  - time: \"19:20\"\n    title: Sidste års beretning\n    document: beretning-2024",
        "Velkommen til generalforsamlingen.\n\n## Praktisk\n\nKaffe kl. 19.\n",
    );
    f.doc(
        "2025/moede/bestyrelsen-2025.md",
        "title: Bestyrelsens præsentation\ndate: 2025-04-24\nkind: slides\nmeeting: moede\nauthors: [Karen Lund]",
        DECK,
    );
    f.write("content/2025/moede/graf.png", b"\x89PNG\r\n\x1a\n");
    f.doc(
        "2025/beretning-2025.md",
        "title: Formandens beretning 2025\ndate: 2025-04-20\nkind: chairman-report\nmeeting: moede",
        "## Indledning\n\nÅret har været travlt.\n\n## Økonomi\n\nGodt år.\n",
    );
    f.doc(
        "2025/moede/regnskab-2024.md",
        "title: Regnskab 2024\ndate: 2025-04-01\nkind: accounts\nmeeting: moede",
        "## Resultat\n\n| Post | 2024 |\n|:--|--:|\n| Indtægter | 1.028.217 |\n| Resultat | 134.912 |\n",
    );
    f.doc(
        "2025/referat.md",
        "title: Referat af generalforsamlingen\ndate: 2025-04-30\nkind: minutes\nmeeting: moede",
        "## Indledning\n\nDirigenten konstaterede lovlig indkaldelse.\n",
    );
    f.doc(
        "2024/beretning-2024.md",
        "title: Formandens beretning 2024\ndate: 2024-04-18\nkind: chairman-report",
        "## Økonomi\n\nTal.\n",
    );
    f
}

fn built(config: &str) -> Fixture {
    let f = deck_site(config);
    let (code, stderr) = f.build_cli(&[]);
    assert_eq!(code, 0, "{stderr}");
    f
}

/// Positions of `needles` in `hay`, failing with the missing one.
fn positions(hay: &str, needles: &[&str]) -> Vec<usize> {
    needles
        .iter()
        .map(|n| hay.find(n).unwrap_or_else(|| panic!("{n:?} missing")))
        .collect()
}

fn assert_in_order(hay: &str, needles: &[&str]) {
    let p = positions(hay, needles);
    assert!(
        p.windows(2).all(|w| w[0] < w[1]),
        "out of order: {needles:?} at {p:?}"
    );
}

#[test]
fn presentation_has_every_slide_in_order_with_notes() {
    let f = built("title: Testforeningen\nminify: false\n");
    let html = f.read_output("2025/bestyrelsen-2025/slides/index.html");
    assert_eq!(html.matches("<section class=\"slide").count(), 7);
    let ids: Vec<String> = (1..=7)
        .map(|n| format!("id=\"{n}\" data-number=\"{n}\""))
        .collect();
    assert_in_order(&html, &ids.iter().map(String::as_str).collect::<Vec<_>>());
    assert_in_order(
        &html,
        &[
            "Velkommen",
            "Kode med streger",
            "Budget",
            "Læs mere",
            "Fem",
            "Seks",
            "Syv",
        ],
    );
    // The first slide opens with a level-1 heading: a title slide.
    assert!(
        html.contains("class=\"slide title-slide\" id=\"1\""),
        "{html}"
    );
    // Notes travel with their slide; slides without notes have none.
    assert_eq!(html.matches("class=\"slide-notes\"").count(), 3);
    assert_in_order(
        &html,
        &["Byd velkommen.", "Kassereren fremlægger.", "Sidste slide."],
    );
    // `---` inside a code block stays in the slide.
    assert!(html.contains("linje\n---\nlinje"), "{html}");
    // Links written for the document page are rebased one folder down.
    assert!(
        html.contains("href=\"../../../2024/beretning-2024/\""),
        "{html}"
    );
    assert!(html.contains("static/slides.js") && html.contains("static/slides-fit.js"));
    assert!(html.contains("data-count=\"7\""));
    // Two slides' headings never share an id.
    assert!(html.contains("id=\"s2-kode-med-streger\""), "{html}");
}

#[test]
fn handout_is_three_per_page_with_the_deck_on_every_sheet() {
    let f = built("title: Testforeningen\nminify: false\n");
    let html = f.read_output("2025/bestyrelsen-2025/handout/index.html");
    assert_eq!(
        html.matches("<article class=\"sheet\"").count(),
        3,
        "7 slides at 3 per page"
    );
    assert_eq!(html.matches("class=\"handout-item\"").count(), 7);
    assert_eq!(
        html.matches("Bestyrelsens præsentation · 24. april 2025")
            .count(),
        3
    );
    assert_eq!(
        html.matches("<span class=\"sheet-site\">Testforeningen</span>")
            .count(),
        3
    );
    assert_in_order(&html, &["Side 1 af 3", "Side 2 af 3", "Side 3 af 3"]);
    assert_in_order(
        &html,
        &[
            "data-number=\"1\"",
            "data-number=\"4\"",
            "data-number=\"7\"",
        ],
    );
    for n in [1, 2, 3, 4, 6] {
        assert!(html.contains(&format!("value=\"{n}\"")), "choice {n}");
    }
    assert!(html.contains("class=\"handout per-page-3\""));
    assert!(
        html.contains("Kassereren fremlægger."),
        "notes are there for the 1-per-page layout"
    );
    assert!(html.contains("static/handout.js") && html.contains("static/handout.css"));
}

/// A deck's outline page gets the table styles when a slide, or only a slide's notes, holds
/// a table; a deck without one does not.
#[test]
fn a_deck_with_a_table_on_a_slide_or_in_its_notes_gets_the_table_styles() {
    let f = deck_site("title: Testforeningen\nminify: false\n");
    f.doc(
        "2025/noter.md",
        "title: Tabel i noterne\ndate: 2025-03-01\nkind: slides",
        "# Tal\n\nNote:\n| Post | Beløb |\n|:--|--:|\n| Leje | 10 |\n\n---\n\n## Slut\n",
    );
    f.doc(
        "2025/uden.md",
        "title: Ingen tabel\ndate: 2025-03-02\nkind: slides",
        "# Tal\n\n---\n\n## Slut\n",
    );
    let (code, stderr) = f.build_cli(&[]);
    assert_eq!(code, 0, "{stderr}");
    for (page, tables) in [
        ("2025/bestyrelsen-2025/index.html", true),
        ("2025/noter/index.html", true),
        ("2025/uden/index.html", false),
    ] {
        let html = f.read_output(page);
        assert_eq!(html.contains("tables.css"), tables, "{page}");
    }
}

#[test]
fn deck_and_meeting_pages_link_to_the_new_pages() {
    let f = built("title: Testforeningen\nminify: false\n");
    let deck = f.read_output("2025/bestyrelsen-2025/index.html");
    assert!(
        deck.contains("href=\"../../2025/bestyrelsen-2025/slides/\""),
        "{deck}"
    );
    assert!(deck.contains("href=\"../../2025/bestyrelsen-2025/handout/\""));
    assert!(deck.contains("Vis præsentation") && deck.contains("Udskriv handout"));
    let meeting = f.read_output("2025/moede/index.html");
    assert!(
        meeting.contains("href=\"../../2025/moede/pack/\""),
        "{meeting}"
    );
    let report = f.read_output("2025/beretning-2025/index.html");
    assert!(!report.contains("slides/\"") && !report.contains("pack/\""));
    assert!(!f.output().join("2025/beretning-2025/slides").exists());
}

#[test]
fn pack_follows_the_programme_then_the_other_documents() {
    let f = built("title: Testforeningen\nminify: false\n");
    let html = f.read_output("2025/moede/pack/index.html");
    // Programme order; a document the programme names is in even if it does not name the
    // meeting; documents that name the meeting without a programme item come last.
    let order = [
        "id=\"pack-1-title\">Formandens beretning 2025",
        "id=\"pack-2-title\">Bestyrelsens præsentation",
        "id=\"pack-3-title\">Regnskab 2024",
        "id=\"pack-4-title\">Formandens beretning 2024",
        // Long titles carry soft hyphens at compound joints (issue 13).
        "id=\"pack-5-title\">Referat af general\u{ad}forsamlingen",
    ];
    assert_in_order(&html, &order);
    assert_in_order(
        &html,
        &[
            "href=\"#pack-programme\"",
            "href=\"#pack-1\"",
            "href=\"#pack-2\"",
            "href=\"#pack-5\"",
            "id=\"pack-programme\"",
            "id=\"pack-1\"",
        ],
    );
    // The programme comes first, with times and references to the sections.
    assert_in_order(
        &html,
        &["18:00", "Velkomst", "18:10", "Karen Lund", "Afsnit 1"],
    );
    assert!(html.contains("Velkommen til generalforsamlingen."));
    // Reports in full, headings one level below the document title, ids unique per section.
    assert!(
        html.contains("<h3 id=\"p1-indledning\">Indledning</h3>"),
        "{html}"
    );
    assert!(
        html.contains("<h3 id=\"p5-indledning\">Indledning</h3>"),
        "{html}"
    );
    // Accounts keep their tables; the deck is a 3-per-page handout (7 slides: 3 sheets).
    assert!(html.contains("1.028.217"));
    assert_eq!(html.matches("<div class=\"sheet bare\">").count(), 3);
    assert_eq!(html.matches("class=\"handout-item\"").count(), 7);
    assert!(html.contains("class=\"handout per-page-3 in-pack\""));
    // Running header and footer for print: association, meeting, each document's title.
    assert!(
        html.contains("@top-left { content: \"Testforeningen\"; }"),
        "{html}"
    );
    assert!(html.contains("Generalforsamling 2025 · 24. april 2025"));
    assert!(html.contains(".pack-doc-3 { page: pack-3; }"));
    assert!(html.contains("@page pack-3 { @bottom-left { content: \"3. Regnskab 2024\"; } }"));
    assert!(html.contains("counter(pages)"));
}

#[test]
fn english_sites_get_english_words() {
    let f = built("title: Test Society\nlanguage: en\nminify: false\n");
    let handout = f.read_output("2025/bestyrelsen-2025/handout/index.html");
    assert!(handout.contains("Page 1 of 3"), "{handout}");
    assert!(handout.contains("Slides per page"));
    let slides = f.read_output("2025/bestyrelsen-2025/slides/index.html");
    assert!(slides.contains("Speaker view") && slides.contains("Next slide"));
    let pack = f.read_output("2025/moede/pack/index.html");
    assert!(pack.contains("Meeting pack") && pack.contains("Section 1"));
}

#[test]
fn minified_pages_keep_their_slides() {
    let f = built("title: Testforeningen\n");
    let html = f.read_output("2025/bestyrelsen-2025/slides/index.html");
    assert!(html.contains("Kassereren fremlægger."));
    assert!(
        html.contains("data-number=7") || html.contains("data-number=\"7\""),
        "{html}"
    );
}

#[test]
fn badly_formed_decks_warn_with_file_and_line_and_still_build() {
    let f = Fixture::new("title: Testforeningen\nminify: false\n");
    // Lines 1-5 are front matter; the body starts on line 6.
    f.doc(
        "2025/tom.md",
        "title: Tom\ndate: 2025-01-01\nkind: slides",
        "\n\n",
    );
    f.doc(
        "2025/skæv.md",
        "title: Skæv\ndate: 2025-01-02\nkind: slides",
        "## En\n\nNote:\n\n---\nUden titel\n",
    );
    let report = build(&BuildOptions {
        site_root: f.root().to_path_buf(),
        output: None,
        drafts: false,
    })
    .unwrap_or_else(|d| panic!("{d}"));
    let warnings: Vec<String> = report
        .warnings
        .items
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .map(|d| format!("{}: {}", d.location(), d.message))
        .collect();
    let has = |text: &str| warnings.iter().any(|w| w.starts_with(text));
    assert!(
        has("content/2025/tom.md:5:1: the slide deck has no slides"),
        "{warnings:?}"
    );
    assert!(
        has("content/2025/skæv.md:8:1: slide 1 has an empty `Note:`"),
        "{warnings:?}"
    );
    assert!(
        has("content/2025/skæv.md:11:1: slide 2 has no title"),
        "{warnings:?}"
    );
    // A deck without slides gets no presentation or handout, and its page offers none.
    assert!(!f.output().join("2025/tom/slides/index.html").exists());
    assert!(!f.output().join("2025/tom/handout/index.html").exists());
    assert!(!f.read_output("2025/tom/index.html").contains("handout/"));
    // The slide without a title is still presented, under its number.
    let html = f.read_output("2025/skaev/slides/index.html");
    assert!(
        html.contains("Uden titel") && html.contains("id=\"2\""),
        "{html}"
    );
    // The command line prints the same warnings with file and line.
    let (code, stderr) = f.build_cli(&[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("advarsel: content/2025/skæv.md:11:1: dias 2 har ingen titel"),
        "{stderr}"
    );
}

#[test]
fn a_meeting_without_documents_still_gets_a_pack() {
    let f = Fixture::new("title: Testforeningen\nminify: false\n");
    f.doc(
        "2025/moede.md",
        "title: Medlemsmøde\ndate: 2025-09-01\nkind: meeting\nprogramme:\n  - time: \"19:00\"\n    title: Velkomst",
        "Alle er velkomne.\n",
    );
    let (code, stderr) = f.build_cli(&[]);
    assert_eq!(code, 0, "{stderr}");
    let html = f.read_output("2025/moede/pack/index.html");
    assert!(html.contains("Mødet har ingen dokumenter endnu."), "{html}");
    assert!(html.contains("19:00") && html.contains("Alle er velkomne."));
}

#[test]
fn serve_knows_which_deck_and_pack_pages_an_edit_touches() {
    use arkiv::render::Page;
    let f = deck_site("title: Testforeningen\n");
    let site = arkiv::pipeline::render_site(f.root(), false).unwrap_or_else(|d| panic!("{d}"));
    let a = &site.archive;
    let index = |slug: &str| {
        a.documents
            .iter()
            .position(|d| d.slug == slug)
            .unwrap_or_else(|| panic!("{slug}"))
    };
    let (deck, meeting, old) = (
        index("bestyrelsen-2025"),
        index("moede"),
        index("beretning-2024"),
    );
    let pages = arkiv::render::pack::pages_showing(a, deck);
    assert_eq!(
        pages,
        vec![
            Page::Presentation(deck),
            Page::Handout(deck),
            Page::Pack(meeting)
        ]
    );
    assert_eq!(
        arkiv::render::pack::pages_showing(a, meeting),
        vec![Page::Pack(meeting)]
    );
    // Named by the programme only, it is still in the pack.
    assert_eq!(
        arkiv::render::pack::pages_showing(a, old),
        vec![Page::Pack(meeting)]
    );
    // Every page it names is one the build writes.
    let written: Vec<&str> = site.files.iter().map(|f| f.path.as_str()).collect();
    for p in [
        "2025/bestyrelsen-2025/slides/index.html",
        "2025/bestyrelsen-2025/handout/index.html",
        "2025/moede/pack/index.html",
    ] {
        assert!(written.contains(&p), "{p}");
    }
}

#[test]
fn links_in_the_later_parts_of_an_overfull_slide_are_resolved() {
    let f = Fixture::danish();
    f.doc(
        "2025/beretning.md",
        "title: Beretning\nkind: chairman-report\ndate: 2025-03-01",
        "\n## Lægevagten\n\nTekst.\n",
    );
    let mut bullets: String = (1..=60)
        .map(|i| format!("- Punkt nummer {i} med lidt ekstra tekst om lægevagten\n"))
        .collect();
    bullets.push_str("- Se [beretningen](beretning.md#laegevagten)\n");
    f.doc(
        "2025/oplaeg.md",
        "title: Oplæg\nkind: slides\ndate: 2025-03-02",
        &format!("\n# Mange punkter\n\n{bullets}"),
    );
    let (code, err) = f.build_cli(&[]);
    assert_eq!(code, 0, "{err}");
    let presentation = f.read_output("2025/oplaeg/slides/index.html");
    // The slide is shown in parts; the last part holds the link.
    assert!(
        presentation.contains("2.2") || presentation.contains("1.2"),
        "not cut into parts"
    );
    assert!(
        !presentation.contains("arkiv-link"),
        "a link placeholder was left"
    );
    assert!(presentation.contains("href=\"../../../2025/beretning/#laegevagten\""));
}
