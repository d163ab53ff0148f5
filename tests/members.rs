//! Members-only documents: one build makes the public site without a trace of them and the
//! members' area under `members/` with everything. The leak test puts a marker in every place
//! a members-only document has text (title, body, summary, tags, authors, committee, meeting
//! place and programme, attachment names, PDF text, outside links) and looks for it in every
//! byte of every public file.

mod common;

use common::site_check::{broken_links, files};
use common::{make_pdf, Fixture};
use std::path::Path;

const MEMBERS_SITE: &str = "title: Testforeningen\nbase_url: https://forening.example/\nmembers:\n  htpasswd: /srv/forening/members.htpasswd\n";

/// Public files (everything outside `members/`) that contain `marker`, ignoring case.
fn public_hits(output: &Path, marker: &str) -> Vec<String> {
    let marker = marker.to_lowercase();
    files(output)
        .into_iter()
        .filter(|f| !f.starts_with("members/"))
        .filter(|f| {
            let bytes = std::fs::read(output.join(f)).expect("read output file");
            String::from_utf8_lossy(&bytes)
                .to_lowercase()
                .contains(&marker)
        })
        .collect()
}

/// Files of the members' area that contain `marker`.
fn members_hits(output: &Path, marker: &str) -> usize {
    files(output)
        .into_iter()
        .filter(|f| f.starts_with("members/"))
        .filter(|f| {
            let bytes = std::fs::read(output.join(f)).expect("read output file");
            String::from_utf8_lossy(&bytes).contains(marker)
        })
        .count()
}

/// A site with public and members-only documents; every members-only text holds a marker
/// starting with `qzx`, and the public documents point at them in every way they may.
fn leak_fixture() -> Fixture {
    let f = Fixture::new(MEMBERS_SITE);
    f.write(
        "content/2025/qzxfile-stemmeliste.pdf",
        make_pdf(Some("qzxpdftitle"), &["qzxpdftext navne"]),
    );
    f.doc(
        "2025/intern-1.md",
        "title: Referat qzxtitle\ndate: 2025-03-01\nkind: minutes\naccess: members\nauthor: Qzxauthor Hansen\ncommittee: Qzxcommittee\ntags: [qzxtag]\nsummary: Resume qzxsummary\nattachments:\n  - qzxfile-stemmeliste.pdf",
        "Tekst qzxbody med [en kilde](https://qzxhost.example/side) og [bilaget](qzxfile-stemmeliste.pdf).\n\n## Afsnit qzxheading\n\nMere.\n",
    );
    // A members-only meeting: its place and programme are members-only, and so is a document
    // that names it without an `access:` of its own.
    f.doc(
        "2025/bestyrelsesmoede/index.md",
        "title: Bestyrelsesmøde qzxmeeting\ndate: 2025-02-01\nkind: meeting\naccess: members\nplace: Qzxplace Kro\nprogramme:\n  - time: \"18:00\"\n    title: Punkt qzxitem\n    speaker: Qzxspeaker",
        "Internt møde.\n",
    );
    f.doc(
        "2025/bestyrelsesmoede/notat.md",
        "title: Notat qzxinherited\ndate: 2025-02-01\nkind: newsletter\nmeeting: bestyrelsesmoede",
        "Arbejdspapir qzxinheritedbody.\n",
    );
    // Public documents: a meeting whose programme names the members-only minutes, and a
    // newsletter that links to them.
    f.doc(
        "2025/generalforsamling/index.md",
        "title: Generalforsamling\ndate: 2025-04-01\nkind: meeting\nplace: Forsamlingshuset\nprogramme:\n  - time: \"19:00\"\n    title: Referat fra bestyrelsen\n    document: intern-1\n  - time: \"20:00\"\n    title: Beretning\n    document: beretning",
        "Alle er velkomne.\n",
    );
    f.doc(
        "2025/generalforsamling/beretning.md",
        "title: Beretning\ndate: 2025-04-01\nkind: chairman-report\nmeeting: generalforsamling",
        "Året der gik.\n",
    );
    f.doc(
        "2025/nyhedsbrev.md",
        "title: Nyhedsbrev\ndate: 2025-05-01\nkind: newsletter",
        "Læs [referatet](intern-1.md) i medlemsområdet.\n",
    );
    f
}

#[test]
fn members_only_text_never_reaches_a_public_file() {
    let f = leak_fixture();
    let (code, stderr) = f.build_cli(&[]);
    assert_eq!(code, 0, "{stderr}");
    let out = f.output();
    assert_eq!(public_hits(&out, "qzx"), Vec::<String>::new());
    // The members' area holds every one of them, so the test is not passing on an empty area.
    for marker in [
        "qzxtitle",
        "qzxbody",
        "qzxsummary",
        "qzxtag",
        "Qzxauthor",
        "Qzxcommittee",
        "qzxheading",
        "qzxhost",
        "qzxfile",
        "qzxpdftext",
        "qzxmeeting",
        "Qzxplace",
        "qzxitem",
        "qzxinherited",
    ] {
        assert!(
            members_hits(&out, marker) > 0,
            "{marker} is not in the members' area"
        );
    }
    assert!(out.join("members/2025/qzxfile-stemmeliste.pdf").is_file());
    assert!(!out.join("2025/qzxfile-stemmeliste.pdf").exists());
    // Every link of both areas leads to a file that exists.
    assert_eq!(
        broken_links(&out, "https://forening.example/"),
        Vec::<String>::new()
    );
}

#[test]
fn the_members_area_is_protected_by_an_htaccess_naming_the_password_file() {
    let f = leak_fixture();
    let (code, stderr) = f.build_cli(&[]);
    assert_eq!(code, 0, "{stderr}");
    let htaccess = f.read_output("members/.htaccess");
    assert!(htaccess.contains("AuthType Basic"), "{htaccess}");
    assert!(
        htaccess.contains("AuthUserFile \"/srv/forening/members.htpasswd\""),
        "{htaccess}"
    );
    assert!(htaccess.contains("Require valid-user"), "{htaccess}");
    assert!(
        htaccess.contains("AuthName \"Medlemsområde\""),
        "{htaccess}"
    );
    // Every page of the area says so; no public page does.
    let page = f.read_output("members/2025/intern-1/index.html");
    assert!(page.contains("members-banner"), "no banner");
    assert!(!f.read_output("index.html").contains("members-banner"));
}

#[test]
fn public_pages_point_into_the_members_area_without_naming_what_is_there() {
    let f = leak_fixture();
    let (code, stderr) = f.build_cli(&[]);
    assert_eq!(code, 0, "{stderr}");
    // The public link leads into the area, and the build says so with file and line.
    let news = f.read_output("2025/nyhedsbrev/index.html");
    assert!(
        news.contains("href=\"../../members/2025/intern-1/\""),
        "{news}"
    );
    assert!(
        stderr.contains("content/2025/nyhedsbrev.md:6:5") && stderr.contains("medlemsområdet"),
        "{stderr}"
    );
    // The public meeting shows the item, marked and without a link, and points to its whole
    // programme in the members' area.
    let meeting = f.read_output("2025/generalforsamling/index.html");
    assert!(meeting.contains("Referat fra bestyrelsen"), "{meeting}");
    assert!(meeting.contains("(for medlemmer)"), "{meeting}");
    assert!(!meeting.contains("intern-1"), "{meeting}");
    assert!(
        meeting.contains("../../members/2025/generalforsamling/"),
        "{meeting}"
    );
    // Its pack holds only the public documents.
    let pack = f.read_output("2025/generalforsamling/pack/index.html");
    assert!(pack.contains("Året der gik"), "{pack}");
    // The home page counts what the area holds more, without titles.
    let home = f.read_output("index.html");
    assert!(
        home.contains("3 dokumenter mere i medlemsområdet"),
        "{home}"
    );
    // In the members' area the meeting is whole, with the minutes linked in programme order.
    let whole = f.read_output("members/2025/generalforsamling/index.html");
    assert!(
        whole.contains("2025/intern-1/\">Referat fra bestyrelsen</a>"),
        "{whole}"
    );
    let pack = f.read_output("members/2025/generalforsamling/pack/index.html");
    assert!(pack.contains("qzxbody"), "{pack}");
    // Public documents are linked where the public site has them, not copied.
    assert!(!f.output().join("members/2025/nyhedsbrev").exists());
    let archive = f.read_output("members/archive/index.html");
    assert!(archive.contains("../../2025/nyhedsbrev/"), "{archive}");
}

#[test]
fn without_a_members_area_members_only_documents_are_left_out_with_a_warning() {
    let f = Fixture::new("title: Testforeningen\n");
    f.doc(
        "2025/intern.md",
        "title: Intern qzxtitle\ndate: 2025-03-01\nkind: minutes\naccess: members",
        "Tekst qzxbody.\n",
    );
    f.doc(
        "2025/offentlig.md",
        "title: Offentlig\ndate: 2025-03-02\nkind: newsletter",
        "Til alle.\n",
    );
    let (code, stderr) = f.build_cli(&[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("content/2025/intern.md:1:1")
            && stderr.contains("intet medlemsområde")
            && stderr.contains("members:"),
        "{stderr}"
    );
    assert_eq!(public_hits(&f.output(), "qzx"), Vec::<String>::new());
    assert!(!f.output().join("members").exists());
}

#[test]
fn a_misspelt_access_is_an_error_with_file_line_and_suggestion() {
    let f = Fixture::new(MEMBERS_SITE);
    f.doc(
        "2025/intern.md",
        "title: Intern\ndate: 2025-03-01\nkind: minutes\naccess: medlemer",
        "Tekst.\n",
    );
    let (code, stderr) = f.build_cli(&[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("content/2025/intern.md:5:9") && stderr.contains("ukendt adgang"),
        "{stderr}"
    );
    assert!(!f.output().exists());
}

#[test]
fn the_members_area_keeps_its_own_file_list_and_foreign_files_there_are_refused() {
    let f = leak_fixture();
    assert_eq!(f.build_cli(&[]).0, 0);
    // The public list of written files names the area's folder, not what is in it.
    let marker = f.read_output(".arkiv-output");
    assert!(marker.contains("\nmembers\n"), "{marker}");
    assert!(
        !marker.contains("qzx") && !marker.contains("intern-1"),
        "{marker}"
    );
    // A second build replaces both.
    let (code, stderr) = f.build_cli(&[]);
    assert_eq!(code, 0, "{stderr}");
    // A file the build did not write, inside the area, is named and kept.
    std::fs::write(f.output().join("members/noter.txt"), "mine").unwrap();
    let (code, stderr) = f.build_cli(&[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("members/noter.txt"), "{stderr}");
    assert!(f.output().join("members/noter.txt").is_file());
}

#[test]
fn a_generated_archive_with_a_fifth_members_only_leaks_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    arkiv_gen::generate_site(
        &site,
        &arkiv_gen::GenerateOptions {
            documents: 1000,
            seed: 7,
        },
    )
    .unwrap();
    let changed = arkiv_gen::make_members_only(&site, 5, "qzxgen").unwrap();
    assert_eq!(changed, 200);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_arkiv"))
        .arg("build")
        .arg(&site)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let output = site.join("output");
    assert_eq!(public_hits(&output, "qzxgen"), Vec::<String>::new());
    assert!(members_hits(&output, "qzxgen") >= 200);
    assert_eq!(broken_links(&output, "/"), Vec::<String>::new());
}

#[test]
fn an_imported_file_marked_for_members_is_published_only_in_the_members_area() {
    let f = Fixture::new(MEMBERS_SITE);
    let original =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/aarsberetning-2024.pdf");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_arkiv"))
        .args(["import", "--members", "--date", "2025-02-01", "--site"])
        .arg(f.root())
        .arg(&original)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = files(&f.root().join("content"))
        .into_iter()
        .find(|p| p.ends_with(".md"))
        .expect("a document was written");
    let text = std::fs::read_to_string(f.root().join("content").join(&written)).unwrap();
    assert!(text.contains("\naccess: members\n"), "{text}");
    let (code, stderr) = f.build_cli(&[]);
    assert_eq!(code, 0, "{stderr}");
    let output = f.output();
    // The original is copied into the members' area only; nothing public names it.
    assert!(
        output.join("members/2025/aarsberetning-2024.pdf").is_file(),
        "{:?}",
        files(&output)
    );
    assert_eq!(
        public_hits(&output, "aarsberetning-2024"),
        Vec::<String>::new()
    );
}

/// Runs the real search.js under Node (tests/fixtures/search/engine.mjs) on a built site.
fn search(site: &Path, q: &str, sort: &str) -> serde_json::Value {
    common::search_engine(&["query", &site.to_string_lossy(), q, sort])
}

fn hit_list(result: &serde_json::Value) -> Vec<(String, u64)> {
    result["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| {
            (
                h["title"].as_str().unwrap_or_default().to_string(),
                h["part"].as_u64().unwrap_or(9),
            )
        })
        .collect()
}

/// The members' area indexes only its members-only documents; its search page reads the
/// public site's index as well, and search.js ranks, sorts and counts the two as one archive.
#[test]
fn the_members_search_reads_the_public_index_and_indexes_only_the_members_documents() {
    let f = leak_fixture();
    let (code, stderr) = f.build_cli(&[]);
    assert_eq!(code, 0, "{stderr}");
    let out = f.output();
    let index = out.join("members/search/index");
    let manifest = std::fs::read_to_string(index.join("manifest.js")).unwrap();
    assert!(manifest.contains(r#""part":1"#), "{manifest:.200}");
    assert!(manifest.contains(r#""documents":3,"#), "{manifest:.200}");
    assert_eq!(std::fs::read_dir(index.join("d")).unwrap().count(), 3);
    let page = std::fs::read_to_string(out.join("members/search/index.html")).unwrap();
    assert!(
        page.contains(r#"src="../../search/index/manifest.js""#),
        "the area's search page loads the public index"
    );
    let area = out.join("members");
    // A members-only document (part 1) and a public one (part 0) both found from the area.
    assert_eq!(
        hit_list(&search(&area, "qzxbody", "relevance")),
        vec![("Referat qzxtitle".to_string(), 1)]
    );
    assert_eq!(
        hit_list(&search(&area, "året", "relevance")),
        vec![("Beretning".to_string(), 0)]
    );
    // Sorted by date across the parts: the public meeting (April) before the members-only
    // minutes (March) before the members-only board meeting (February).
    let by_date = search(&area, "referat", "date");
    let titles: Vec<String> = hit_list(&by_date).into_iter().map(|(t, _)| t).collect();
    let at = |t: &str| titles.iter().position(|x| x.starts_with(t));
    assert!(
        at("Generalforsamling").is_some() && at("Generalforsamling") < at("Referat qzxtitle"),
        "{titles:?}"
    );
    // One list of facet values for both parts, with counts from both.
    let kinds: Vec<String> = by_date["facets"]["kind"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["label"][0].as_str().unwrap_or_default().to_string())
        .collect();
    assert!(
        kinds.contains(&"meeting".to_string()) && kinds.contains(&"minutes".to_string()),
        "{kinds:?}"
    );
    // The public site's own search knows none of them.
    assert_eq!(search(&out, "qzxbody", "relevance")["total"], 0);
}

/// A programme that names no documents (as real ones mostly do): an item matched to a
/// members-only document by its title is linked in the members' area, and on the public
/// meeting page it says "(for medlemmer)" with no link, as an item with `document:` does.
#[test]
fn a_programme_item_matched_by_title_to_a_members_only_document_is_marked_in_public() {
    let f = Fixture::new(MEMBERS_SITE);
    f.doc(
        "2025/kredsmoede/index.md",
        "title: Kredsmøde\ndate: 2025-11-06\nkind: meeting\nprogramme:\n  - time: \"19:00\"\n    title: Beretning\n  - time: \"20:30\"\n    title: Regnskab 2024\n    speaker: kasserer Lone",
        "Alle er velkomne.\n",
    );
    f.doc(
        "2025/kredsmoede/beretning.md",
        "title: Beretning\ndate: 2025-11-06\nkind: chairman-report\nmeeting: kredsmoede",
        "Året.\n",
    );
    f.doc(
        "2025/kredsmoede/regnskab.md",
        "title: Årsregnskab qzxaccounts 2024\ndate: 2025-09-01\nkind: accounts\nmeeting: kredsmoede\naccess: members\nauthors: [kasserer Lone]",
        "Tal.\n",
    );
    let (code, stderr) = f.build_cli(&[]);
    assert_eq!(code, 0, "{stderr}");
    let public = f.read_output("2025/kredsmoede/index.html");
    let item = |html: &str, title: &str| {
        let at = html
            .find(title)
            .unwrap_or_else(|| panic!("{title} not on the page"));
        html[html[..at].rfind("<li").unwrap_or(0)..]
            .split("</li>")
            .next()
            .unwrap_or_default()
            .to_string()
    };
    let accounts = item(&public, "Regnskab 2024");
    assert!(accounts.contains("(for medlemmer)"), "{accounts}");
    assert!(!accounts.contains("<a "), "{accounts}");
    let report = item(&public, ">Beretning<");
    assert!(!report.contains("(for medlemmer)"), "{report}");
    assert_eq!(
        public_hits(&f.output(), "qzxaccounts"),
        Vec::<String>::new()
    );
    let area = f.read_output("members/2025/kredsmoede/index.html");
    let linked = item(&area, "Regnskab 2024");
    assert!(
        linked.contains("regnskab/") && !linked.contains("(for medlemmer)"),
        "{linked}"
    );
}
