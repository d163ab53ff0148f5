//! The Atom feed as a feed reader sees it: Python's `feedparser` (pinned in
//! `tests/validate/requirements.txt`) reads the built feed.xml of the example site and of the
//! seed-shaped fixture site, with `base_url` set and unset. It must read it without complaint
//! (`bozo` 0), and the feed's and every entry's title, links, id, authors and dates must be what
//! the site holds. Without feedparser the test says so loudly and passes, unless
//! `ARKIV_REQUIRE_VALIDATORS=1` (as `.ci/run` sets) makes that a failure.

mod common;
use common::Fixture;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let target = to.join(entry.path().strip_prefix(from).expect("prefix"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// What feedparser makes of a feed, as JSON.
const READ_FEED: &str = r#"
import json, sys, feedparser
d = feedparser.parse(open(sys.argv[1], "rb").read())
links = lambda x: sorted([l.get("rel"), l.get("href"), l.get("type")] for l in x.get("links", []))
names = lambda x: [a.get("name") for a in x.get("authors", [])]
print(json.dumps({
    "version": d.version,
    "bozo": int(d.bozo),
    "bozo_exception": str(d.get("bozo_exception", "")),
    "feed": {"title": d.feed.get("title"), "subtitle": d.feed.get("subtitle"), "id": d.feed.get("id"),
             "updated": d.feed.get("updated"), "links": links(d.feed), "authors": names(d.feed)},
    "entries": [{"title": e.get("title"), "id": e.get("id"), "link": e.get("link"), "links": links(e),
                 "updated": e.get("updated"), "authors": names(e), "summary": e.get("summary"),
                 "tags": [t.get("term") for t in e.get("tags", [])]} for e in d.entries],
}))
"#;

/// feedparser's reading of `feed`; `None` (and a loud note) without Python or feedparser,
/// unless `ARKIV_REQUIRE_VALIDATORS=1`.
fn feedparser(feed: &Path) -> Option<Value> {
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let out = Command::new(&python)
        .args(["-c", READ_FEED])
        .arg(feed)
        .output();
    let missing = match &out {
        Err(e) => format!("{python} could not run ({e})"),
        Ok(o) if String::from_utf8_lossy(&o.stderr).contains("No module named 'feedparser'") => {
            "feedparser is not installed".into()
        }
        Ok(o) => {
            assert!(
                o.status.success(),
                "feedparser failed:\n{}",
                String::from_utf8_lossy(&o.stderr)
            );
            return Some(serde_json::from_slice(&o.stdout).expect("feedparser's JSON"));
        }
    };
    let install = "pip install -r tests/validate/requirements.txt";
    if std::env::var("ARKIV_REQUIRE_VALIDATORS").as_deref() == Ok("1") {
        panic!("{missing}: {install}");
    }
    eprintln!("*** {missing} ({install}): the feedparser check is skipped ***");
    None
}

/// Builds the site at `root` with the real binary and checks its feed against its model.
fn check(root: &Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_arkiv"))
        .arg("build")
        .arg("--quiet")
        .arg(root)
        .output()
        .expect("run arkiv");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let Some(read) = feedparser(&root.join("output/feed.xml")) else {
        return;
    };
    assert_eq!(read["version"], "atom10", "{read}");
    assert_eq!(read["bozo"], 0, "feedparser: {}", read["bozo_exception"]);

    // What the site holds, from the model the build renders.
    let (config, _) = arkiv::pipeline::load_config_and_theme(root).expect("config");
    let loaded = arkiv::load::content::load(root, false);
    let mut problems = arkiv::core::diagnostics::Diagnostics::default();
    let texts = arkiv::core::store::TextStore::in_memory();
    let archive = arkiv::model::build_archives(config, root, loaded, texts, &mut problems).public;
    let config = &archive.config;
    let base = &config.base_url;

    let feed = &read["feed"];
    assert_eq!(feed["title"], config.title.as_str());
    assert_eq!(feed["subtitle"], config.description.as_str());
    assert_eq!(feed["id"], base.as_str());
    assert_eq!(feed["authors"], serde_json::json!([config.title]));
    let newest = archive
        .indexes
        .dated
        .iter()
        .filter_map(|&i| archive.documents[i].front.date)
        .max()
        .expect("a dated document");
    assert_eq!(feed["updated"], format!("{newest}T00:00:00Z"));
    assert_eq!(
        feed["links"],
        serde_json::json!([
            ["alternate", base, "text/html"],
            ["self", format!("{base}feed.xml"), "application/atom+xml"],
        ])
    );

    let entries = read["entries"].as_array().expect("entries");
    let expected: Vec<&arkiv::model::Document> = archive
        .indexes
        .dated
        .iter()
        .take(50)
        .map(|&i| &archive.documents[i])
        .collect();
    assert_eq!(entries.len(), expected.len());
    for (e, d) in entries.iter().zip(expected) {
        let url = format!("{base}{}", d.url);
        assert_eq!(e["title"], d.front.title.as_str(), "{e}");
        assert_eq!(e["id"], url.as_str(), "{e}");
        assert_eq!(e["link"], url.as_str(), "{e}");
        assert_eq!(
            e["links"],
            serde_json::json!([["alternate", url, "text/html"]]),
            "{e}"
        );
        let date = d.front.date.expect("dated");
        assert_eq!(e["updated"], format!("{date}T00:00:00Z"), "{e}");
        let authors = if d.front.authors.is_empty() {
            vec![config.title.clone()]
        } else {
            d.front.authors.clone()
        };
        assert_eq!(e["authors"], serde_json::json!(authors), "{e}");
        assert_eq!(e["tags"], serde_json::json!([d.front.kind.as_str()]), "{e}");
        match d.summary.trim() {
            "" => assert!(e["summary"].is_null(), "{e}"),
            summary => assert_eq!(e["summary"], summary, "{e}"),
        }
    }
}

#[test]
fn feedparser_reads_the_example_sites_feed_as_the_site_holds_it() {
    let f = Fixture::new(&std::fs::read_to_string(repo().join("site.yaml")).expect("site.yaml"));
    copy_dir(&repo().join("content"), &f.root().join("content"));
    check(f.root());
}

#[test]
fn feedparser_reads_the_fixture_sites_feed_with_and_without_base_url() {
    let with = Fixture::danish();
    copy_dir(&repo().join("tests/fixtures/standards/site"), with.root());
    check(with.root());

    let without = Fixture::danish();
    copy_dir(
        &repo().join("tests/fixtures/standards/site"),
        without.root(),
    );
    let yaml = std::fs::read_to_string(without.root().join("site.yaml")).expect("site.yaml");
    assert!(yaml.contains("base_url:"), "{yaml}");
    let yaml: String = yaml
        .lines()
        .filter(|l| !l.starts_with("base_url:"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(without.root().join("site.yaml"), yaml).expect("write");
    check(without.root());
}
