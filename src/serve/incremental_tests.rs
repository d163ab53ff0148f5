//! Tests of incremental rebuilds: after every kind of edit the served pages equal a full build.

use super::*;
use crate::load::content::CONTENT_DIR;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A copy of the example site in a temporary folder (kept while the first value lives).
fn example_copy() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_dir(&repo.join(CONTENT_DIR), &root.join(CONTENT_DIR));
    std::fs::copy(repo.join("site.yaml"), root.join("site.yaml")).unwrap();
    (dir, root)
}

/// Applies an update the way the server publishes it.
fn apply(site: &mut HashMap<String, Vec<u8>>, update: Update) {
    if update.full {
        site.clear();
    }
    for path in update.removed {
        site.remove(&path);
    }
    for f in update.files {
        site.insert(f.path, f.contents);
    }
}

/// A rebuild followed by the deferred site-wide pages, as the serve loop does.
fn rebuild_all(
    builder: &mut SiteBuilder,
    site: &mut HashMap<String, Vec<u8>>,
    changes: &[Change],
) -> Result<(bool, usize, bool), Diagnostics> {
    let update = builder.rebuild(changes)?;
    let (full, rendered) = (update.full, update.pages_rendered);
    // An edit made in place loads no files beyond the edited one.
    let quick = update.timings.stages.iter().all(|(s, _)| *s != "load");
    apply(site, update);
    if builder.has_deferred() {
        apply(site, builder.render_deferred()?);
    }
    assert!(!builder.has_deferred());
    Ok((full, rendered, quick))
}

fn full_build(root: &Path) -> HashMap<String, Vec<u8>> {
    let mut fresh = SiteBuilder::new(root, false);
    let mut site = HashMap::new();
    apply(&mut site, fresh.rebuild(&[Change::Everything]).unwrap());
    site
}

fn edit(root: &Path, rel: &str, from: &str, to: &str) -> Change {
    let path = root.join(CONTENT_DIR).join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} contains {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    Change::Content(PathBuf::from(rel))
}

/// After every kind of edit, the pages the incremental builder serves are exactly the pages
/// a fresh full build makes: nothing an edit affects is left stale, nothing gone is kept.
#[test]
fn incremental_rebuilds_match_a_full_build() {
    let (dir, root) = example_copy();
    let mut builder = SiteBuilder::new(&root, false);
    let mut served = HashMap::new();
    rebuild_all(&mut builder, &mut served, &[Change::Everything]).unwrap();
    let total = served.len();

    let news = "2024/nyhedsbrev-juni-2024.md";
    let meeting = "2024/efteraarsmoede-2024/index.md";
    let report = "2024/uddannelsesudvalgets-beretning-2024.md";
    let slides = "2024/efteraarsmoede-2024/nyt-fra-bestyrelsen-efteraar-2024.md";
    let february = "2025/nyhedsbrev-februar-2025.md";
    let chairman = "2025/formandens-beretning-2025.md";
    let accounts = "2024/regnskab-2023-budget-2024.md";
    // What each edit changes, and the way it is rebuilt: in place ("quick": the published
    // model changed where it stands), from the cached documents ("model"), or every page
    // ("full").
    let steps: [(&str, &str, &str, &str, &str); 19] = [
        (
            "body",
            news,
            "Kære medlemmer",
            "Kære alle medlemmer",
            "quick",
        ),
        (
            "member body",
            report,
            "## Udvalgets sammensætning",
            "## Udvalgets sammensætning\n\nNyt afsnit.",
            "quick",
        ),
        (
            "title",
            news,
            "title: Nyhedsbrev juni 2024",
            "title: Sommerbrev 2024",
            "quick",
        ),
        (
            "date to another year",
            news,
            "date: 2024-06-20",
            "date: 2023-06-20",
            "model",
        ),
        (
            "tags",
            news,
            "tags: [nyhedsbrev,",
            "tags: [sommer, nyhedsbrev,",
            "quick",
        ),
        (
            "authors",
            news,
            "authors: [Birgitte Hjorth",
            "authors: [Ny Skribent, Birgitte Hjorth",
            "quick",
        ),
        ("kind", news, "kind: newsletter", "kind: minutes", "full"),
        (
            "meeting title",
            meeting,
            "title: Efterårsmøde 2024",
            "title: Høstmøde 2024",
            "quick",
        ),
        (
            "leaves its meeting",
            report,
            "meeting: efteraarsmoede-2024\n",
            "",
            "quick",
        ),
        (
            "committee",
            report,
            "committee: Uddannelsesudvalget",
            "committee: Kursusudvalget",
            "quick",
        ),
        (
            "joins another meeting",
            report,
            "committee: Kursusudvalget\n",
            "committee: Kursusudvalget\nmeeting: foraarsmoede-2024\n",
            "quick",
        ),
        (
            "programme item without document",
            meeting,
            "    document: nyt-fra-bestyrelsen-efteraar-2024\n",
            "",
            "quick",
        ),
        (
            "title of a document matched to the programme",
            slides,
            "title: Nyt fra bestyrelsen – efterårsmøde 2024",
            "title: Status fra bestyrelsen efterår 2024",
            "quick",
        ),
        (
            "date in the same year and place",
            february,
            "date: 2025-02-12",
            "date: 2025-02-13",
            "quick",
        ),
        (
            "date in the same year, another place",
            february,
            "date: 2025-02-13",
            "date: 2025-12-01",
            "model",
        ),
        (
            "date of a document others link to, to another year",
            accounts,
            "date: 2024-04-18",
            "date: 2023-04-18",
            "model",
        ),
        (
            "heading others could link to",
            chairman,
            "## Indledning",
            "## Indledning og baggrund",
            "model",
        ),
        (
            "link to a new website body",
            news,
            "Kære alle medlemmer",
            "Kære alle medlemmer (se [ny side](https://ny-vaert.example/side))",
            "quick",
        ),
        (
            "slide title",
            slides,
            "title: Status fra bestyrelsen efterår 2024",
            "title: Status fra bestyrelsen efterår 2024 (revideret)",
            "quick",
        ),
    ];
    for (what, file, from, to, way) in steps {
        let change = edit(&root, file, from, to);
        let (full, _, quick) = rebuild_all(&mut builder, &mut served, &[change]).unwrap();
        assert_eq!(quick, way == "quick", "{what}: in place or not");
        // A new kind changes the counts in every page's navigation, so all pages are redone.
        assert_eq!(full, way == "full", "{what}: full rebuild or not");
        let expected = full_build(&root);
        let mut stale: Vec<&String> = expected
            .iter()
            .filter(|(p, c)| served.get(*p) != Some(*c))
            .map(|(p, _)| p)
            .collect();
        stale.sort();
        assert!(stale.is_empty(), "{what}: stale or missing pages {stale:?}");
        let mut extra: Vec<&String> = served
            .keys()
            .filter(|p| !expected.contains_key(*p))
            .collect();
        extra.sort();
        assert!(
            extra.is_empty(),
            "{what}: pages that should be gone {extra:?}"
        );
    }
    // The new website got its page in the link index, and the sitemap lists it.
    let host_page = served
        .keys()
        .find(|p| p.starts_with("links/") && p.contains("ny-vaert"))
        .expect("a link index page for the new website")
        .clone();
    let sitemap = String::from_utf8_lossy(&served["sitemap.xml"]).to_string();
    assert!(
        sitemap.contains(host_page.trim_end_matches("index.html")),
        "{host_page} in the sitemap"
    );

    // A one-document body edit renders a small part of the site.
    let change = edit(
        &root,
        news,
        "Kære alle medlemmer (se [ny side](https://ny-vaert.example/side))",
        "Kære medlemmer",
    );
    let (_, rendered, quick) = rebuild_all(&mut builder, &mut served, &[change]).unwrap();
    assert!(quick);
    assert!(
        rendered * 3 < total,
        "{rendered} of {total} pages rendered for a body edit"
    );
    assert_eq!(served, full_build(&root));

    // Added and deleted files.
    let added = "2025/nyt-dokument.md";
    std::fs::write(
        root.join(CONTENT_DIR).join(added),
        "---\ntitle: Nyt\ndate: 2025-03-01\nkind: newsletter\ntags: [nyhedsbrev]\n---\nTekst.\n",
    )
    .unwrap();
    let change = Change::Content(added.into());
    rebuild_all(&mut builder, &mut served, std::slice::from_ref(&change)).unwrap();
    assert!(served.contains_key("2025/nyt-dokument/index.html"));
    assert_eq!(served, full_build(&root));
    std::fs::remove_file(root.join(CONTENT_DIR).join(added)).unwrap();
    rebuild_all(&mut builder, &mut served, &[change]).unwrap();
    assert!(!served.contains_key("2025/nyt-dokument/index.html"));
    assert_eq!(served, full_build(&root));

    // A folder moved out of the site and back (a meeting folder with its documents).
    let folder = root.join(CONTENT_DIR).join("2024/efteraarsmoede-2024");
    let aside = dir.path().join("aside");
    let change = Change::Content("2024/efteraarsmoede-2024".into());
    std::fs::rename(&folder, &aside).unwrap();
    rebuild_all(&mut builder, &mut served, std::slice::from_ref(&change)).unwrap();
    assert!(!served.contains_key("2024/efteraarsmoede-2024/index.html"));
    assert_eq!(served, full_build(&root));
    std::fs::rename(&aside, &folder).unwrap();
    rebuild_all(&mut builder, &mut served, &[change]).unwrap();
    assert_eq!(served, full_build(&root));
}

#[test]
fn a_broken_file_is_an_error_and_its_fix_recovers() {
    let (_dir, root) = example_copy();
    let mut builder = SiteBuilder::new(&root, false);
    let mut served = HashMap::new();
    apply(&mut served, builder.rebuild(&[Change::Everything]).unwrap());
    let news = "2024/nyhedsbrev-juni-2024.md";
    let change = edit(&root, news, "kind: newsletter", "kind: newsleter");
    let errors = builder.rebuild(std::slice::from_ref(&change)).unwrap_err();
    let first = errors.errors().next().unwrap();
    assert_eq!(
        first.file.as_deref(),
        Some(Path::new("content/2024/nyhedsbrev-juni-2024.md"))
    );
    assert!(first.line > 0);
    // A broken site.yaml is an error too, and does not lose the loaded content.
    std::fs::write(root.join("site.yaml"), "title: [x\n").unwrap();
    assert!(builder.rebuild(&[Change::Everything]).is_err());
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(repo.join("site.yaml"), root.join("site.yaml")).unwrap();
    edit(&root, news, "kind: newsleter", "kind: newsletter");
    apply(
        &mut served,
        builder.rebuild(&[Change::Everything, change]).unwrap(),
    );
    assert_eq!(served, full_build(&root));
}

/// A save elsewhere while a problem is left is no quick edit that hides the problem: the
/// rebuild still reports it, and the fix brings the site back whole.
#[test]
fn an_edit_elsewhere_while_a_problem_is_left_still_reports_it() {
    let (_dir, root) = example_copy();
    let mut builder = SiteBuilder::new(&root, false);
    let mut served = HashMap::new();
    rebuild_all(&mut builder, &mut served, &[Change::Everything]).unwrap();
    let news = "2024/nyhedsbrev-juni-2024.md";
    let report = "2024/uddannelsesudvalgets-beretning-2024.md";
    let broken = edit(
        &root,
        news,
        "Kære medlemmer",
        "Kære medlemmer, se [siden](findes-ikke.md)",
    );
    let errors = builder.rebuild(&[broken]).unwrap_err();
    let news_file = Path::new("content/2024/nyhedsbrev-juni-2024.md");
    assert_eq!(
        errors.errors().next().unwrap().file.as_deref(),
        Some(news_file)
    );
    for (from, to) in [
        (
            "## Udvalgets sammensætning",
            "## Udvalgets sammensætning\n\nNyt.",
        ),
        (
            "title: Uddannelsesudvalgets beretning 2024",
            "title: Uddannelsesudvalgets beretning for 2024",
        ),
    ] {
        let elsewhere = edit(&root, report, from, to);
        let errors = builder.rebuild(&[elsewhere]).unwrap_err();
        assert_eq!(
            errors.errors().next().unwrap().file.as_deref(),
            Some(news_file)
        );
    }
    let fixed = edit(&root, news, ", se [siden](findes-ikke.md)", "");
    rebuild_all(&mut builder, &mut served, &[fixed]).unwrap();
    assert_eq!(served, full_build(&root));
}

/// The same on a generated archive, for a document the small example site has none of: in no
/// meeting and not among the newest anywhere (home, archive page, feed), so only the counts
/// and lists it moves between show an edit of where it is listed.
#[test]
fn incremental_rebuilds_match_a_full_build_on_a_generated_archive() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    let options = arkiv_gen::GenerateOptions {
        documents: 160,
        seed: 3,
    };
    arkiv_gen::generate_site(&root, &options).unwrap();
    let mut builder = SiteBuilder::new(&root, false);
    let mut served = HashMap::new();
    rebuild_all(&mut builder, &mut served, &[Change::Everything]).unwrap();
    let archive = builder.published_archive().unwrap();
    let ix = &archive.indexes;
    let quiet = |i: usize| {
        let d = &archive.documents[i];
        let year = ix.years.get(&d.year().unwrap_or_default());
        d.meeting.is_none()
            && d.front.kind == crate::core::kind::Kind::Newsletter
            && !d.front.tags.is_empty()
            && year.is_some_and(|list| list.len() > 4 && !list[..4].contains(&i))
            && !ix.dated[..crate::render::feeds::FEED_ENTRIES].contains(&i)
            && !ix
                .meetings
                .iter()
                .any(|&m| archive.documents[m].programme_documents.contains(&Some(i)))
    };
    let i = (0..archive.documents.len())
        .rev()
        .find(|&i| quiet(i))
        .expect("a document listed nowhere among the newest");
    let rel = archive.documents[i]
        .content_path
        .to_string_lossy()
        .to_string();
    let year = archive.documents[i].year().unwrap();
    drop(archive);
    let text = std::fs::read_to_string(root.join(CONTENT_DIR).join(&rel)).unwrap();
    let line = |key: &str| {
        text.lines()
            .find(|l| l.starts_with(key))
            .unwrap()
            .to_string()
    };
    let (date, tags, title) = (line("date: "), line("tags: ["), line("title: "));
    let earlier = date.replacen(&year.to_string(), &(year - 1).to_string(), 1);
    let more_tags = tags.replacen('[', "[nyt emne, ", 1);
    let with_committee = format!("{more_tags}\ncommittee: Nyt udvalg");
    let steps = [
        ("a year earlier", date.as_str(), earlier.as_str(), "model"),
        ("back", earlier.as_str(), date.as_str(), "model"),
        ("tags", tags.as_str(), more_tags.as_str(), "quick"),
        (
            "committee",
            more_tags.as_str(),
            with_committee.as_str(),
            "quick",
        ),
        ("title", title.as_str(), "title: Et nyt navn", "quick"),
        (
            "title again",
            "title: Et nyt navn",
            "title: Et nyt navn igen",
            "quick",
        ),
    ];
    for (what, from, to, way) in steps {
        let change = edit(&root, &rel, from, to);
        let (_, _, quick) = rebuild_all(&mut builder, &mut served, &[change]).unwrap();
        assert_eq!(quick, way == "quick", "{what}: in place or not");
        let expected = full_build(&root);
        let mut differ: Vec<&String> = expected
            .keys()
            .chain(served.keys())
            .filter(|p| served.get(*p) != expected.get(*p))
            .collect();
        differ.sort();
        differ.dedup();
        assert!(
            differ.is_empty(),
            "{what}: stale, missing or extra pages {differ:?}"
        );
    }
}
