//! The build end to end: fixture sites in temporary folders, built with the real binary, and
//! the pages written checked for what the content format promises.

mod common;
use common::Fixture;

/// Unminified, so assertions can name exact HTML.
fn small_site() -> Fixture {
    let f = Fixture::new("title: Testforeningen\nminify: false\n");
    f.doc(
        "2025/generalforsamling/index.md",
        "title: Generalforsamling 2025\ndate: 2025-04-24\nkind: meeting\nplace: Hotel Dampen, Haderslev\nprogramme:\n  - time: \"18:00\"\n    title: Velkomst\n    speaker: Karen Lund\n  - time: \"18:10\"\n    title: Formandens beretning\n    speaker: Karen Lund\n    document: formandens-beretning-2025",
        "Velkommen til generalforsamlingen.\n",
    );
    f.doc(
        "2025/formandens-beretning-2025.md",
        "title: Formandens beretning 2025\ndate: 2025-10-14\nkind: chairman-report\nmeeting: generalforsamling\nauthors: [Karen Østergaard Lund]\ntags: [Overenskomst, Lægevagt]\nattachments:\n  - path: bilag/regnskab.pdf\n    title: Underskrevet regnskab",
        "## Indledning\n\nÅret har været travlt. Se [sidste år](../2024/beretning-2024.md#oekonomi).\n\n## Økonomi\n\n| Post | Beløb |\n|---|---:|\n| Kontingent | 1.234.567 |\n\n### Budget\n\nTekst.\n",
    );
    f.write("content/2025/bilag/regnskab.pdf", b"%PDF-1.4\n%%EOF\n");
    f.doc(
        "2024/beretning-2024.md",
        "title: Formandens beretning 2024\ndate: 2024-04-18\nkind: chairman-report\nauthor: Karen Østergaard Lund",
        "## Økonomi\n\nTal.\n",
    );
    f.doc(
        "2024/vagtudvalget.md",
        "title: Vagtudvalgets beretning\ndate: 2024-05-01\nkind: committee-report\ncommittee: Vagtudvalget\nsummary: Kort om vagterne.",
        "Tekst om vagter.\n",
    );
    f.doc(
        "om-foreningen.md",
        "title: Om foreningen\nkind: page",
        "Vi er en forening.\n",
    );
    f.doc(
        "2025/kladde.md",
        "title: Kladde\ndate: 2025-01-01\nkind: newsletter\ndraft: true",
        "Ikke færdig.\n",
    );
    f.write(
        "content/billeder/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    f
}

#[test]
fn writes_every_documented_path() {
    let f = small_site();
    let (code, stderr) = f.build_cli(&[]);
    assert_eq!(code, 0, "{stderr}");
    for path in [
        "index.html",
        "2025/formandens-beretning-2025/index.html",
        "2025/generalforsamling/index.html",
        "2024/beretning-2024/index.html",
        "om-foreningen/index.html",
        "archive/index.html",
        "archive/2025/index.html",
        "archive/2024/index.html",
        "kinds/chairman-report/index.html",
        "committees/vagtudvalget/index.html",
        "tags/laegevagt/index.html",
        "authors/karen-oestergaard-lund/index.html",
        "meetings/index.html",
        "feed.xml",
        "sitemap.xml",
        "404.html",
        "2025/bilag/regnskab.pdf",
        "billeder/logo.svg",
    ] {
        assert!(f.output().join(path).is_file(), "missing {path}");
    }
    assert!(
        !f.output().join("2025/kladde").exists(),
        "drafts are left out"
    );
}

#[test]
fn document_page_shows_its_facts_in_danish() {
    let f = small_site();
    assert_eq!(f.build_cli(&[]).0, 0);
    let page = f.read_output("2025/formandens-beretning-2025/index.html");
    assert!(page.contains("<html lang=\"da\""), "language");
    assert!(page.contains("14. oktober 2025"), "Danish date");
    assert!(page.contains("Formandsberetning"), "kind label");
    assert!(page.contains("Karen Østergaard Lund"), "author");
    assert!(page.contains("Generalforsamling 2025"), "meeting");
    assert!(page.contains("Lægevagt"), "tag");
    assert!(page.contains("Underskrevet regnskab"), "attachment title");
    assert!(
        page.contains("href=\"../../2025/bilag/regnskab.pdf\""),
        "attachment link is relative"
    );
    assert!(
        page.contains("href=\"#oekonomi\""),
        "table of contents links to heading anchors"
    );
    assert!(page.contains("id=\"oekonomi\""));
    assert!(
        page.contains("href=\"../../2024/beretning-2024/#oekonomi\""),
        "source-path link rewritten to the URL"
    );
    assert!(
        page.contains("class=\"table-wrap\""),
        "tables scroll on a phone"
    );
}

/// A document page links to the next older and newer document of its kind, past documents of
/// other kinds and pages between them.
#[test]
fn document_page_links_to_its_neighbours_of_its_kind() {
    let f = Fixture::new("title: Testforeningen\nminify: false\n");
    for (slug, date) in [
        ("nyt-jan", "2024-01-10"),
        ("nyt-jun", "2024-06-10"),
        ("nyt-dec", "2024-12-10"),
    ] {
        f.doc(
            &format!("2024/{slug}.md"),
            &format!("title: Nyhedsbrev {slug}\ndate: {date}\nkind: newsletter"),
            "Tekst.\n",
        );
    }
    f.doc(
        "2024/referat.md",
        "title: Referat\ndate: 2024-08-01\nkind: minutes",
        "Tekst.\n",
    );
    f.doc("om.md", "title: Om os\nkind: page", "Tekst.\n");
    assert_eq!(f.build_cli(&[]).0, 0);
    let nav = |page: &str| {
        let html = f.read_output(page);
        let at = html.find("class=\"prev-next\"").unwrap_or(html.len());
        let nav = &html[at..];
        let end = nav.find("</nav>").unwrap_or(0);
        nav[..end].to_string()
    };
    let middle = nav("2024/nyt-jun/index.html");
    assert!(
        middle.contains("rel=\"prev\"><span>← Forrige")
            && middle.contains("2024/nyt-jan/\" rel=\"prev\""),
        "{middle}"
    );
    assert!(middle.contains("2024/nyt-dec/\" rel=\"next\""), "{middle}");
    let oldest = nav("2024/nyt-jan/index.html");
    assert!(
        !oldest.contains("rel=\"prev\"") && oldest.contains("2024/nyt-jun/\" rel=\"next\""),
        "{oldest}"
    );
    let newest = nav("2024/nyt-dec/index.html");
    assert!(
        newest.contains("2024/nyt-jun/\" rel=\"prev\"") && !newest.contains("rel=\"next\""),
        "{newest}"
    );
    assert!(
        nav("2024/referat/index.html").is_empty(),
        "the only minutes have no neighbours"
    );
}

#[test]
fn meeting_page_shows_programme_and_documents_that_name_it() {
    let f = small_site();
    assert_eq!(f.build_cli(&[]).0, 0);
    let page = f.read_output("2025/generalforsamling/index.html");
    assert!(page.contains("18:00") && page.contains("Velkomst") && page.contains("Karen Lund"));
    assert!(page.contains("Hotel Dampen, Haderslev"));
    assert!(
        page.contains("href=\"../../2025/formandens-beretning-2025/\""),
        "programme item links its document"
    );
    let meetings = f.read_output("meetings/index.html");
    assert!(meetings.contains("Generalforsamling 2025"));
}

#[test]
fn lists_group_by_year_and_feed_lists_documents() {
    let f = small_site();
    assert_eq!(f.build_cli(&[]).0, 0);
    let kind = f.read_output("kinds/chairman-report/index.html");
    let pos_2025 = kind.find("Formandens beretning 2025").expect("2025 listed");
    let pos_2024 = kind.find("Formandens beretning 2024").expect("2024 listed");
    assert!(pos_2025 < pos_2024, "newest first");
    assert!(
        kind.contains("id=\"y2025\"") && kind.contains("id=\"y2024\""),
        "grouped by year"
    );
    // Year pages: the one group's heading would repeat the page's title, so it is there for
    // screen readers and the outline but hidden from sight; lists of several years show theirs.
    let year = f.read_output("archive/2025/index.html");
    assert!(
        year.contains("<h2 id=\"yh2025\" class=\"visually-hidden\">"),
        "{year}"
    );
    assert!(kind.contains("<h2 id=\"yh2025\">"), "{kind}");
    // The header's search box is narrow on a phone; its placeholder is short enough to show.
    assert!(
        year.contains("id=\"site-search\" type=\"search\" name=\"q\" placeholder=\"Søg …\""),
        "{year}"
    );
    let committee = f.read_output("committees/vagtudvalget/index.html");
    assert!(
        committee.contains("Kort om vagterne."),
        "summary shown in lists"
    );
    let feed = f.read_output("feed.xml");
    assert!(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""));
    assert!(feed.contains("Formandens beretning 2025"));
    assert!(!feed.contains("Kladde"));
    let sitemap = f.read_output("sitemap.xml");
    assert!(sitemap.contains("<loc>/2025/formandens-beretning-2025/</loc>"));
}

#[test]
fn drafts_flag_includes_drafts() {
    let f = small_site();
    assert_eq!(f.build_cli(&["--drafts"]).0, 0);
    assert!(f.output().join("2025/kladde/index.html").is_file());
}

#[test]
fn english_site_speaks_english() {
    let f = Fixture::new("title: Test Society\nlanguage: en\nminify: false\n");
    f.doc(
        "2025/report.md",
        "title: Annual report\ndate: 2025-10-14\nkind: chairman-report",
        "## Money\n\nText.\n",
    );
    assert_eq!(f.build_cli(&[]).0, 0);
    let page = f.read_output("2025/report/index.html");
    assert!(page.contains("<html lang=\"en\""));
    assert!(page.contains("14 October 2025"));
    assert!(
        page.contains("Chairman&#x27;s report")
            || page.contains("Chairman's report")
            || page.contains("Chairman&#39;s report"),
        "{page}"
    );
    assert!(!page.contains("Formandsberetning"));
}

#[test]
fn site_templates_override_the_theme() {
    let f = small_site();
    f.write("templates/404.html", "{% extends \"base.html\" %}{% block content %}<p>Vores egen fejlside</p>{% endblock content %}");
    assert_eq!(f.build_cli(&[]).0, 0);
    assert!(f.read_output("404.html").contains("Vores egen fejlside"));
}

#[test]
fn slugs_follow_the_rules() {
    let f = Fixture::danish();
    f.doc(
        "2025/Lægevagt på Ærø.md",
        "title: A\ndate: 2025-01-01\nkind: newsletter",
        "x",
    );
    f.doc(
        "2025/møde/index.md",
        "title: B\ndate: 2025-01-02\nkind: meeting",
        "x",
    );
    f.doc(
        "2025/c.md",
        "title: C\ndate: 2025-01-03\nkind: newsletter\nslug: Særligt Navn",
        "x",
    );
    assert_eq!(f.build_cli(&[]).0, 0);
    assert!(f
        .output()
        .join("2025/laegevagt-paa-aeroe/index.html")
        .is_file());
    assert!(f.output().join("2025/moede/index.html").is_file());
    assert!(f.output().join("2025/saerligt-navn/index.html").is_file());
}

#[test]
fn output_is_minified_unless_turned_off() {
    let f = small_site();
    assert_eq!(f.build_cli(&[]).0, 0);
    let plain = f.read_output("index.html");
    f.write("site.yaml", "title: Testforeningen\n");
    assert_eq!(f.build_cli(&[]).0, 0);
    let minified = f.read_output("index.html");
    assert!(
        minified.len() < plain.len(),
        "{} < {}",
        minified.len(),
        plain.len()
    );
    assert!(plain.contains("\n"));
}

/// `arkiv build` drops what no later stage reads as soon as it is done with it (the documents'
/// links but the first image after the model; their HTML and headings and the link and PDF
/// indexes after the pages); the in-memory render keeps it all. Every file must come out the
/// same either way, so nothing may read what was dropped.
#[test]
fn the_written_site_is_byte_for_byte_the_rendered_one() {
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    arkiv::pipeline::build(&arkiv::pipeline::BuildOptions {
        site_root: repo.to_path_buf(),
        output: Some(out.clone()),
        drafts: false,
    })
    .unwrap_or_else(|d| panic!("build failed: {d:?}"));
    let rendered = arkiv::pipeline::render_site(repo, false)
        .unwrap_or_else(|d| panic!("render failed: {d:?}"));
    assert!(
        rendered.members.is_some(),
        "the example has a members' area"
    );
    let mut compared = 0;
    for f in &rendered.files {
        if f.path.ends_with(arkiv::output::MARKER_FILE) {
            continue;
        }
        let written = std::fs::read(out.join(&f.path))
            .unwrap_or_else(|e| panic!("{} was not written: {e}", f.path));
        assert!(written == f.contents, "{} differs", f.path);
        compared += 1;
    }
    assert!(compared > 200, "{compared} files");
    assert!(rendered
        .files
        .iter()
        .any(|f| f.path.starts_with("search/index/d/")));
}
