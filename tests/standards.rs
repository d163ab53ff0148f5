//! Web standards over the built files of the example site and of the seed-shaped fixture site
//! (`tests/fixtures/standards/site`): every internal link and anchor resolves, feed.xml and
//! sitemap.xml are valid (xmllint, with the sitemap schema), every page has Open Graph tags.
//! The Nu HTML Checker runs over the same two sites in `tests/validate/run.sh`.

mod common;
use common::site_check::{broken_links, files, resolve};
use common::Fixture;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

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

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The example site of the repository's root, built with the real binary.
fn example() -> Fixture {
    let f = Fixture::new(&std::fs::read_to_string(repo().join("site.yaml")).expect("site.yaml"));
    copy_dir(&repo().join("content"), &f.root().join("content"));
    let (code, err) = f.build_cli(&["--quiet"]);
    assert_eq!(code, 0, "{err}");
    f
}

/// The seed-shaped fixture site, built with the real binary.
fn fixture() -> Fixture {
    let f = Fixture::danish();
    copy_dir(&repo().join("tests/fixtures/standards/site"), f.root());
    let (code, err) = f.build_cli(&["--quiet"]);
    assert_eq!(code, 0, "{err}");
    f
}

fn base_url(f: &Fixture) -> String {
    let yaml = std::fs::read_to_string(f.root().join("site.yaml")).expect("site.yaml");
    yaml.lines()
        .find_map(|l| l.strip_prefix("base_url:"))
        .map(|v| v.trim().trim_matches('"').to_string())
        .unwrap_or_else(|| "/".into())
}

#[test]
fn resolving_links_written_on_pages() {
    assert_eq!(
        resolve("2025/a/index.html", "../../tags/x/", "/").as_deref(),
        Some("tags/x/")
    );
    assert_eq!(
        resolve("2025/a/index.html", "#top", "/").as_deref(),
        Some("2025/a/#top")
    );
    assert_eq!(resolve("index.html", "", "/").as_deref(), Some(""));
    assert_eq!(
        resolve(
            "x/index.html",
            "https://f.example/a/b/#c",
            "https://f.example/a/"
        )
        .as_deref(),
        Some("b/#c")
    );
    assert_eq!(resolve("x/index.html", "mailto:a@b.dk", "/"), None);
    assert_eq!(resolve("x/index.html", "https://else.example/", "/"), None);
    assert_eq!(
        resolve("x/index.html", "bilag%20%C3%A6.pdf", "/").as_deref(),
        Some("x/bilag æ.pdf")
    );
}

#[test]
fn every_link_and_anchor_resolves_on_the_example_site() {
    let f = example();
    let broken = broken_links(&f.output(), &base_url(&f));
    assert!(
        broken.is_empty(),
        "{} broken:\n{}",
        broken.len(),
        broken.join("\n")
    );
}

#[test]
fn every_link_and_anchor_resolves_on_the_fixture_site() {
    let f = fixture();
    let broken = broken_links(&f.output(), &base_url(&f));
    assert!(
        broken.is_empty(),
        "{} broken:\n{}",
        broken.len(),
        broken.join("\n")
    );
}

/// Runs xmllint with `args`; `None` (and a loud note) when it is not installed, unless
/// `ARKIV_REQUIRE_VALIDATORS=1` (as `.ci/run` sets) makes that a failure.
fn xmllint(args: &[&str]) -> Option<(bool, String)> {
    match std::process::Command::new("xmllint").args(args).output() {
        Ok(out) => Some((
            out.status.success(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )),
        Err(_) if std::env::var("ARKIV_REQUIRE_VALIDATORS").as_deref() == Ok("1") => {
            panic!("xmllint is missing: apt-get install libxml2-utils")
        }
        Err(_) => {
            eprintln!(
                "*** xmllint is missing (apt-get install libxml2-utils): XML check skipped ***"
            );
            None
        }
    }
}

/// The text of every `<tag>…</tag>` in `xml`, in order (no nesting of the same tag).
fn elements<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start + open.len()..];
        if !after.starts_with(['>', ' ']) {
            rest = after;
            continue;
        }
        let Some(gt) = after.find('>') else { break };
        if after[..gt].ends_with('/') {
            rest = &after[gt..];
            continue;
        }
        let body = &after[gt + 1..];
        let Some(end) = body.find(&close) else { break };
        out.push(&body[..end]);
        rest = &body[end..];
    }
    out
}

/// RFC 4287 as far as a reader notices: well-formed XML, an author for the feed and for every
/// entry, ids that are absolute IRIs, no empty elements, no control characters.
fn check_feed(f: &Fixture) {
    let path = f.output().join("feed.xml");
    let feed = std::fs::read_to_string(&path).expect("feed.xml");
    if let Some((ok, err)) = xmllint(&["--noout", path.to_str().expect("path")]) {
        assert!(ok, "feed.xml is not well-formed XML:\n{err}");
    }
    assert!(
        !feed
            .chars()
            .any(|c| c.is_control() && !"\n\r\t".contains(c)),
        "control character in feed.xml"
    );
    let head = &feed[..feed.find("<entry").unwrap_or(feed.len())];
    assert_eq!(elements(head, "author").len(), 1, "{head}");
    let base = base_url(f);
    let entries = elements(&feed, "entry");
    assert!(!entries.is_empty(), "{feed}");
    for e in &entries {
        let authors = elements(e, "author");
        assert!(!authors.is_empty(), "entry without author: {e}");
        for a in authors {
            assert!(!elements(a, "name")[0].trim().is_empty(), "{e}");
        }
        let id = elements(e, "id")[0];
        assert!(
            id.starts_with(&base) && id.contains("://"),
            "id {id} is not absolute"
        );
        for tag in ["title", "id", "updated", "summary"] {
            for text in elements(e, tag) {
                assert!(!text.trim().is_empty(), "empty <{tag}> in {e}");
            }
        }
    }
    for (tag, n) in [("id", 1), ("updated", 1), ("title", 1)] {
        assert_eq!(elements(head, tag).len(), n, "{head}");
    }
}

/// sitemap.xml against the sitemap schema, with a `lastmod` and an absolute `loc` for every
/// page meant to be found, and every findable page there.
fn check_sitemap(f: &Fixture) {
    let path = f.output().join("sitemap.xml");
    let schema = repo().join("tests/fixtures/sitemap.xsd");
    if let Some((ok, err)) = xmllint(&[
        "--noout",
        "--schema",
        schema.to_str().expect("schema"),
        path.to_str().expect("path"),
    ]) {
        assert!(ok, "sitemap.xml does not validate:\n{err}");
    }
    let sitemap = std::fs::read_to_string(&path).expect("sitemap.xml");
    let base = base_url(f);
    let urls = elements(&sitemap, "url");
    let locs: HashSet<String> = urls
        .iter()
        .map(|u| {
            assert_eq!(elements(u, "lastmod").len(), 1, "no lastmod: {u}");
            let loc = elements(u, "loc")[0];
            loc.strip_prefix(&base)
                .unwrap_or_else(|| panic!("{loc} is not under {base}"))
                .to_string()
        })
        .collect();
    assert_eq!(locs.len(), urls.len(), "a page is listed twice");
    let wanted = [
        "",
        "archive/",
        "meetings/",
        "tags/",
        "authors/",
        "pdfs/",
        "links/",
    ];
    for page in files(&f.output()) {
        let Some(folder) = page.strip_suffix("index.html") else {
            continue;
        };
        // The members' area is behind a password: no search engine may be told of it.
        let hidden = ["search/", "slides/", "handout/", "pack/"]
            .iter()
            .any(|h| folder.ends_with(h))
            || folder.starts_with("members/");
        if !hidden {
            assert!(locs.contains(folder), "{folder} is not in sitemap.xml");
        }
    }
    for w in wanted {
        assert!(locs.contains(w), "{w} is not in sitemap.xml");
    }
    assert!(
        !locs.iter().any(|l| l.starts_with("members")),
        "the members' area is in sitemap.xml"
    );
}

#[test]
fn feed_and_sitemap_of_the_example_site_are_valid() {
    let f = example();
    check_feed(&f);
    check_sitemap(&f);
}

#[test]
fn feed_and_sitemap_of_the_fixture_site_are_valid() {
    let f = fixture();
    check_feed(&f);
    check_sitemap(&f);
    let feed = f.read_output("feed.xml");
    // A title written with a YAML "\x01" escape; a meeting with no text has no <summary>.
    assert!(
        feed.contains("<title>Bestyrelsens beretning 2025</title>"),
        "{feed}"
    );
    let meeting = elements(&feed, "entry")
        .into_iter()
        .find(|e| e.contains("Medlemsmøde marts 2026"))
        .expect("meeting entry");
    assert!(!meeting.contains("<summary"), "{meeting}");
    assert!(
        meeting.contains("<name>Lægeforeningen i Vestkredsen</name>"),
        "{meeting}"
    );
}

#[test]
fn base_url_slash_warns_and_says_what_to_set() {
    let f = Fixture::new("title: Testforeningen\nbase_url: /\n");
    f.doc("om.md", "title: Om\nkind: page", "Tekst.\n");
    let (code, err) = f.build_cli(&[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("advarsel: site.yaml:2:1: `base_url` er `/`"),
        "{err}"
    );
    assert!(err.contains("base_url: https://"), "{err}");
    let f = Fixture::new("title: Testforeningen\nbase_url: https://t.example/\n");
    f.doc("om.md", "title: Om\nkind: page", "Tekst.\n");
    let (code, err) = f.build_cli(&[]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("base_url"), "{err}");
    let home = f.read_output("index.html");
    assert!(
        home.contains("<link rel=\"canonical\" href=\"https://t.example/\">"),
        "{home}"
    );
}

/// The `content` of `<meta property="…">` (or `name`) on a page.
fn meta_content(html: &str, key: &str) -> Option<String> {
    ["property", "name"].iter().find_map(|attr| {
        let marker = format!("<meta {attr}=\"{key}\" content=\"");
        let start = html.find(&marker)? + marker.len();
        Some(html[start..start + html[start..].find('"')?].to_string())
    })
}

fn check_open_graph(f: &Fixture) {
    let base = base_url(f);
    for page in files(&f.output()).iter().filter(|p| p.ends_with(".html")) {
        let html = std::fs::read_to_string(f.output().join(page)).expect("page");
        for key in [
            "og:title",
            "og:description",
            "og:type",
            "og:url",
            "og:site_name",
            "description",
        ] {
            let value = meta_content(&html, key);
            assert!(
                value.as_deref().is_some_and(|v| !v.trim().is_empty()),
                "{page}: no {key}"
            );
        }
        let url = meta_content(&html, "og:url").unwrap_or_default();
        assert!(url.starts_with(&base), "{page}: og:url {url}");
        assert!(
            html.contains(&format!("<link rel=\"canonical\" href=\"{url}\">")),
            "{page}: canonical is not og:url"
        );
        assert!(
            html.contains("favicon.svg\" type=\"image/svg+xml\">"),
            "{page}: no icon"
        );
    }
}

#[test]
fn every_page_of_both_sites_has_open_graph_tags_and_an_icon() {
    for f in [example(), fixture()] {
        check_open_graph(&f);
        let icon = f.read_output("favicon.svg");
        assert!(
            icon.starts_with("<svg") && icon.contains("</text></svg>"),
            "{icon}"
        );
    }
    let f = fixture();
    assert!(f.read_output("favicon.svg").contains(">LV</text>"));
    let deck = f.read_output("2026/nyt-fra-bestyrelsen-marts-2026/slides/index.html");
    assert_eq!(
        meta_content(&deck, "og:url").as_deref(),
        Some("https://vestkredsen.example/arkiv/2026/nyt-fra-bestyrelsen-marts-2026/slides/")
    );
    assert!(deck.contains("type=\"application/atom+xml\""), "{deck}");
}

#[test]
fn a_document_with_an_image_shares_it_and_a_site_icon_overrides_the_made_one() {
    let f = Fixture::new("title: Testforeningen\nbase_url: https://t.example/a/\n");
    f.doc(
        "2025/nyhed.md",
        "title: Nyhed\ndate: 2025-01-02\nkind: newsletter",
        // A link before the image: a build lets the document's links go before its pages are
        // rendered, all but the first image.
        "Tekst og [referatet](https://referat.example/).\n\n![Bestyrelsen](billeder/bestyrelse.jpg)\n",
    );
    f.write("content/2025/billeder/bestyrelse.jpg", b"\xff\xd8\xff");
    f.write("content/favicon.ico", b"\0\0\x01\0");
    let (code, err) = f.build_cli(&[]);
    assert_eq!(code, 0, "{err}");
    let page = f.read_output("2025/nyhed/index.html");
    assert_eq!(
        meta_content(&page, "og:image").as_deref(),
        Some("https://t.example/a/2025/billeder/bestyrelse.jpg")
    );
    assert_eq!(meta_content(&page, "og:type").as_deref(), Some("article"));
    assert!(page.contains("<link rel=\"icon\" href=\"../../favicon.ico\" sizes=\"any\">"));
    assert!(!page.contains("favicon.svg"), "{page}");
    assert!(!f.output().join("favicon.svg").exists());
    assert!(f.output().join("favicon.ico").exists());
}

/// A PNG's width and height, after decoding it whole (so a broken file fails).
fn decoded_png_size(path: &Path) -> (u32, u32) {
    let file = std::fs::File::open(path).expect("open png");
    let mut reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .expect("a PNG header");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("PNG image data");
    (info.width, info.height)
}

#[test]
fn every_page_shares_the_made_card_as_og_image_when_base_url_is_absolute() {
    let f = fixture();
    let base = base_url(&f);
    let card = f.output().join("og-image.png");
    assert_eq!(decoded_png_size(&card), (1200, 630));
    for page in files(&f.output()).iter().filter(|p| p.ends_with(".html")) {
        let html = std::fs::read_to_string(f.output().join(page)).expect("page");
        let image = meta_content(&html, "og:image").unwrap_or_default();
        if image == format!("{base}og-image.png") {
            assert_eq!(
                meta_content(&html, "og:image:width").as_deref(),
                Some("1200")
            );
            assert_eq!(
                meta_content(&html, "og:image:height").as_deref(),
                Some("630")
            );
            assert_eq!(
                meta_content(&html, "og:image:alt").as_deref(),
                Some("Lægeforeningen i Vestkredsen"),
                "{page}"
            );
        } else {
            // A document's own image, with the document's title as its text.
            assert!(image.starts_with(&base), "{page}: og:image {image:?}");
            assert!(meta_content(&html, "og:image:alt").is_some(), "{page}");
        }
        assert_eq!(
            meta_content(&html, "twitter:card").as_deref(),
            Some("summary_large_image"),
            "{page}"
        );
    }
}

#[test]
fn a_sites_own_og_image_is_shared_and_none_without_an_absolute_base_url() {
    let f = Fixture::new("title: Testforeningen\nbase_url: https://t.example/\n");
    f.doc("om.md", "title: Om\nkind: page", "Tekst.\n");
    // A JPEG header of 800×418 pixels.
    f.write(
        "content/og-image.jpg",
        [
            0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0x01, 0xa2, 0x03, 0x20, 3, 0,
            0,
        ],
    );
    let (code, err) = f.build_cli(&[]);
    assert_eq!(code, 0, "{err}");
    let home = f.read_output("index.html");
    assert_eq!(
        meta_content(&home, "og:image").as_deref(),
        Some("https://t.example/og-image.jpg")
    );
    assert_eq!(
        meta_content(&home, "og:image:width").as_deref(),
        Some("800")
    );
    assert_eq!(
        meta_content(&home, "og:image:height").as_deref(),
        Some("418")
    );
    assert!(f.output().join("og-image.jpg").exists());
    assert!(!f.output().join("og-image.png").exists(), "no card is made");

    let f = Fixture::new("title: Testforeningen\nbase_url: /\n");
    f.doc("om.md", "title: Om\nkind: page", "Tekst.\n");
    let (code, err) = f.build_cli(&[]);
    assert_eq!(code, 0, "{err}");
    let home = f.read_output("index.html");
    assert_eq!(meta_content(&home, "og:image"), None, "{home}");
    assert_eq!(
        meta_content(&home, "twitter:card").as_deref(),
        Some("summary")
    );
}
