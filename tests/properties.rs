//! Property tests (issue 15): arbitrary and mutated input never panics, and where there is an
//! error it names a line. CI runs `PROPTEST_CASES` cases per property (64 when unset); run
//! more locally, e.g. `PROPTEST_CASES=5000 cargo test --test properties`.

use arkiv::core::diagnostics::Diagnostic;
use proptest::prelude::*;
use std::path::Path;

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        // Failures are reported with the shrunk input; no regression files in the tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Every problem about a file names a line in it.
fn all_have_lines(problems: &[Diagnostic]) -> Result<(), TestCaseError> {
    for p in problems {
        prop_assert!(
            p.file.is_some() && p.line > 0,
            "a problem without a file or line: {p}"
        );
    }
    Ok(())
}

const GOOD_FRONT: &str = "title: \"Formandens beretning 2025\"\ndate: 2025-04-24\nkind: committee-report\ncommittee: Vagtudvalget\nauthors: [Karen Østergaard Lund, Jens]\ntags:\n  - overenskomst\n  - lægevagt\nattachments:\n  - path: regnskab.pdf\n    title: Regnskab\n  - bilag.pdf\nsummary: 'Kort: om året'\n";

/// A string edited at a few places: characters deleted, inserted or replaced, with YAML's and
/// Markdown's special characters likely.
fn mutated(base: &'static str) -> impl Strategy<Value = String> {
    let special = prop_oneof![
        Just(':'),
        Just('"'),
        Just('\''),
        Just('['),
        Just(']'),
        Just('{'),
        Just('}'),
        Just('-'),
        Just('\t'),
        Just('\n'),
        Just(' '),
        Just('#'),
        Just('&'),
        Just('*'),
        Just('!'),
        Just('|'),
        Just('>'),
        Just('%'),
        Just('@'),
        Just('`'),
        Just('\u{1}'),
        Just('æ'),
        any::<char>(),
    ];
    let edit = (any::<prop::sample::Index>(), 0..3u8, special);
    prop::collection::vec(edit, 1..8).prop_map(move |edits| {
        let mut chars: Vec<char> = base.chars().collect();
        for (at, op, c) in edits {
            let i = at.index(chars.len() + 1);
            match op {
                0 if i < chars.len() => {
                    chars.remove(i);
                }
                1 => chars.insert(i, c),
                _ if i < chars.len() => chars[i] = c,
                _ => chars.push(c),
            }
        }
        chars.into_iter().collect()
    })
}

fn parse_front(yaml: &str) -> Result<(), TestCaseError> {
    let text = format!("---\n{yaml}\n---\nTekst.\n");
    let file = Path::new("content/2025/a.md");
    match arkiv::load::content::parse_document(&text, file, Path::new("2025/a.md"), true) {
        Ok(_) => Ok(()),
        Err(problems) => {
            prop_assert!(!problems.is_empty());
            all_have_lines(&problems)
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn front_matter_arbitrary_text(yaml in "\\PC{0,300}") {
        parse_front(&yaml)?;
    }

    #[test]
    fn front_matter_mutated(yaml in mutated(GOOD_FRONT)) {
        parse_front(&yaml)?;
    }

    #[test]
    fn whole_documents_arbitrary(text in "(---\n)?\\PC{0,200}(\n---\n)?\\PC{0,50}") {
        let file = Path::new("content/a.md");
        if let Err(problems) = arkiv::load::content::parse_document(&text, file, Path::new("a.md"), false) {
            all_have_lines(&problems)?;
        }
    }

    #[test]
    fn slide_splitting(body in "((---|Note:|```|~~~|## [a-zæ ]{0,10}|[a-z ]{0,20})\n){0,30}") {
        let (slides, warnings) = arkiv::model::slides::split_slides(&body, 7, Path::new("content/d.md"));
        let lines = body.lines().count() + 7;
        for (i, s) in slides.iter().enumerate() {
            prop_assert_eq!(s.number, i + 1);
            prop_assert!(s.line >= 7 && s.line <= lines + 1, "slide line {} of {}", s.line, lines);
        }
        all_have_lines(&warnings)?;
    }

    #[test]
    fn slugs(text in "\\PC{0,400}") {
        let slug = arkiv::core::slug::slugify(&text);
        prop_assert!(slug.len() <= arkiv::core::slug::MAX_SLUG_LEN, "{}", slug);
        prop_assert!(slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'), "{}", slug);
        prop_assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"), "{}", slug);
        prop_assert_eq!(&slug, &arkiv::core::slug::slugify(&text));
    }

    #[test]
    fn search_tokens(text in "\\PC{0,300}") {
        for token in arkiv::search::analysis::tokens(&text) {
            prop_assert!(!token.is_empty());
            // Every token's key (folded stem) can be computed.
            let _ = arkiv::search::analysis::key(&token);
        }
    }

    #[test]
    fn markdown_links(body in "((\\[[a-zæ ]{0,8}\\]\\(([a-z./#?%]|\\.\\./|æ|%2|\\.md|#){0,12}\\)|!\\[x\\]\\([a-z./]{0,8}\\)|<[a-z:/.]{0,12}>|[a-z ]{0,10}|#+ [a-z]{0,6}|\\[x\\]: [a-z./#]{0,8})\\n?){0,12}") {
        let rendered = arkiv::markdown::render(&body, 5, "Tabel");
        for link in &rendered.links {
            prop_assert!(link.line >= 5, "link at line {}", link.line);
        }
        let html = arkiv::markdown::replace_placeholders(&rendered.html, |i| format!("LINK{i}"));
        prop_assert!(!html.contains(arkiv::markdown::LINK_PLACEHOLDER), "{}", html);
    }
}

/// The real PDFs of the example site and the search fixture.
fn real_pdfs() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    [
        "content/2024/referat-generalforsamling-2024-underskrevet.pdf",
        "content/2025/generalforsamling-2025/regnskab-2024-underskrevet.pdf",
        "content/2025/generalforsamling-2025/dagsorden-generalforsamling-2025.pdf",
        "tests/fixtures/search/site/content/2025/takstbilag-2025.pdf",
    ]
    .iter()
    .filter_map(|p| std::fs::read(root.join(p)).ok())
    .collect()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn pdf_reader_on_mutated_pdfs(
        which in 0usize..4,
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0..4u8, any::<u8>()), 1..12),
    ) {
        let pdfs = real_pdfs();
        prop_assume!(!pdfs.is_empty());
        let mut bytes = pdfs[which % pdfs.len()].clone();
        for (at, op, b) in edits {
            let i = at.index(bytes.len().max(1));
            match op {
                0 if i < bytes.len() => bytes[i] = b,
                1 => bytes.insert(i.min(bytes.len()), b),
                2 if i < bytes.len() => {
                    bytes.remove(i);
                }
                _ => bytes.truncate(i),
            }
        }
        // A broken PDF is a problem (a warning), never a panic; a panic inside lopdf is caught
        // by read_pdf and counted here, so the run says how often that happened.
        if let Err(p) = arkiv::model::pdf::read_pdf(&bytes) {
            if p.message.en.contains("reader failed") {
                CAUGHT_PANICS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                eprintln!("lopdf panicked (caught) on a mutated PDF; caught so far: {}", CAUGHT_PANICS.load(std::sync::atomic::Ordering::Relaxed));
            }
        }
    }

    /// Link rewriting through the whole model: documents linking to each other, to headings
    /// and to files, with arbitrary targets. Never a panic; every problem names file and line.
    #[test]
    fn internal_links_through_the_pipeline(
        target in r"(\.\./)?(2025/|2024/|x/)?(b|a|c|bilag)?(\.md|\.pdf|/)?(#[a-zæ-]{0,8})?(\?x)?",
        text in "[a-zæ ]{0,10}",
    ) {
        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let root = dir.path();
        let write = |rel: &str, body: &str| std::fs::create_dir_all(root.join(rel).parent().unwrap_or(root))
            .and_then(|_| std::fs::write(root.join(rel), body));
        write("site.yaml", "title: T\n").map_err(|e| TestCaseError::fail(e.to_string()))?;
        write("content/2025/a.md", &format!("---\ntitle: A\ndate: 2025-01-01\nkind: newsletter\n---\n## Første afsnit\n\nSe [{text}]({target}) og [igen]({target}).\n"))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        write("content/2025/b.md", "---\ntitle: B\ndate: 2025-01-02\nkind: newsletter\n---\n## Lægevagt\n\nTekst.\n")
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        write("content/2025/bilag.pdf", "%PDF-1.4 x").map_err(|e| TestCaseError::fail(e.to_string()))?;
        match arkiv::pipeline::render_site(root, false) {
            Ok(site) => {
                let page = site.files.iter().find(|f| f.path == "2025/a/index.html");
                prop_assert!(page.is_some());
                let html = String::from_utf8_lossy(&page.map(|p| p.contents.clone()).unwrap_or_default()).to_string();
                prop_assert!(!html.contains(arkiv::markdown::LINK_PLACEHOLDER), "{}", html);
            }
            Err(problems) => {
                let errors: Vec<Diagnostic> = problems.errors().cloned().collect();
                prop_assert!(!errors.is_empty());
                all_have_lines(&errors)?;
            }
        }
    }
}

static CAUGHT_PANICS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
