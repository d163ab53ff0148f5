//! Search: the Rust indexer and the browser's JavaScript engine must agree on every word, and
//! the ranking members get (the real search.js, run under Node against the built index) must
//! put the expected document first.

mod common;

use arkiv::search::analysis;
use common::build_site;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn node(args: &[&str]) -> Value {
    common::search_engine(args)
}

fn query(site: &Path, q: &str) -> Value {
    node(&["query", &site.to_string_lossy(), q])
}

fn titles(result: &Value) -> Vec<String> {
    result["hits"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|h| h["title"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn assert_first(site: &Path, q: &str, title: &str) -> Value {
    let r = query(site, q);
    let t = titles(&r);
    assert_eq!(
        t.first().map(String::as_str),
        Some(title),
        "query {q:?} should rank {title:?} first; got {t:?}"
    );
    r
}

fn text_files(dir: &Path, ext: &str, into: &mut Vec<String>) {
    for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
        let p = entry.path();
        if p.extension().is_some_and(|e| e == ext) {
            if let Ok(text) = std::fs::read_to_string(p) {
                into.push(text);
            }
        }
    }
}

/// Danish text to compare on: the example site, the generator's vocabulary and, read at test
/// time only, the real association documents in ../shared/seeds when they are there.
fn danish_texts() -> Vec<String> {
    let mut texts = Vec::new();
    text_files(&repo().join("content"), "md", &mut texts);
    text_files(&repo().join("tests/fixtures/search/site"), "md", &mut texts);
    text_files(&repo().join("crates/arkiv-gen/src"), "rs", &mut texts);
    text_files(&repo().join("../shared/seeds"), "txt", &mut texts);
    texts
}

#[test]
fn rust_and_javascript_analyse_every_word_alike() {
    let texts = danish_texts();
    let mut words: BTreeSet<String> = BTreeSet::new();
    for t in &texts {
        words.extend(analysis::tokens(t));
    }
    // Hard cases for the stemmer and folding, whatever the texts hold.
    for w in [
        "løst",
        "løsthed",
        "hedens",
        "erendes",
        "igst",
        "lykkeligst",
        "kittet",
        "gd",
        "æøå",
        "ÆØÅ",
        "straße",
        "naïve",
        "x",
        "ab",
        "abc",
        "ydernumre",
        "ydernummer",
        "sønderborg",
    ] {
        words.insert(w.to_string());
    }
    eprintln!("comparing {} words", words.len());
    assert!(
        words.len() > 3000,
        "only {} words to compare; the texts are missing",
        words.len()
    );
    // Whole lines too: tokenising (soft hyphens, line-break hyphens, digits) must agree.
    let lines: Vec<String> = texts
        .iter()
        .flat_map(|t| {
            t.split("\n\n")
                .map(|p| p.replace('\n', "\u{2028}"))
                .collect::<Vec<_>>()
        })
        .filter(|l| !l.trim().is_empty())
        .take(4000)
        .collect();
    let mut input: Vec<String> = words.iter().cloned().collect();
    input.extend(lines.iter().cloned());
    input.push("Af-\u{2028}tale26 og hono\u{00AD}rar".to_string());
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let file = dir.path().join("words.txt");
    std::fs::write(&file, input.join("\n")).unwrap_or_else(|e| panic!("write: {e}"));
    let js = node(&["analyse", &file.to_string_lossy()]);
    let js = js.as_array().cloned().unwrap_or_default();
    assert_eq!(js.len(), input.len(), "node answered for every line");
    let mut differences = Vec::new();
    for (line, j) in input.iter().zip(&js) {
        // Lines carry their paragraph breaks as U+2028 so one line is one paragraph.
        let text = line.replace('\u{2028}', "\n");
        let rust_tokens = analysis::tokens(&text);
        let js_tokens: Vec<String> = j["tokens"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|v| v.as_str().unwrap_or_default().to_string())
                    .collect()
            })
            .unwrap_or_default();
        if rust_tokens != js_tokens {
            differences.push(format!(
                "tokens of {text:?}: rust {rust_tokens:?} js {js_tokens:?}"
            ));
        }
        if words.contains(line) {
            for (what, rust) in [
                ("stem", analysis::stem(line)),
                ("key", analysis::key(line)),
                ("fold", analysis::fold(line)),
            ] {
                if j[what].as_str() != Some(rust.as_str()) {
                    differences.push(format!("{what} of {line:?}: rust {rust:?} js {}", j[what]));
                }
            }
        }
    }
    assert!(
        differences.is_empty(),
        "{} differences between Rust and JavaScript, first ones:\n{}",
        differences.len(),
        differences
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The JS driver must fail loudly on a word the stemmer gets wrong: check the test can fail.
#[test]
fn the_stemmer_is_snowball_danish() {
    let cases = [
        ("lægevagtsudvalget", "lægevagtsudvalg"),
        ("ydernumre", "ydernumr"),
        ("ydernummer", "ydernum"),
        ("forløst", "forløs"),
        ("honorarstrukturen", "honorarstruktur"),
    ];
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let file = dir.path().join("w.txt");
    let words: Vec<&str> = cases.iter().map(|c| c.0).collect();
    std::fs::write(&file, words.join("\n")).unwrap_or_else(|e| panic!("write: {e}"));
    let js = node(&["analyse", &file.to_string_lossy()]);
    for (i, (word, stem)) in cases.iter().enumerate() {
        assert_eq!(analysis::stem(word), *stem, "rust stem of {word}");
        assert_eq!(js[i]["stem"].as_str(), Some(*stem), "js stem of {word}");
    }
}

#[test]
fn compounds_folding_and_broken_words_are_found() {
    let (_dir, site) = build_site(&repo().join("tests/fixtures/search/site"), "fixture");
    assert_first(&site, "udvalget", "Beretning fra lægevagtsudvalget");
    assert_first(&site, "struktur", "Forhandlinger om honorarstrukturen");
    assert_first(&site, "lægevagt", "Beretning fra lægevagtsudvalget");
    assert_first(&site, "ydernummer", "Status på ydernumre i regionen");
    assert_first(&site, "laege", "Beretning fra lægevagtsudvalget");
    // Exact spelling first, the folded one still found.
    let r = assert_first(&site, "aarhus", "Kursus for klinikejere");
    assert!(titles(&r).contains(&"Kursus for klinikansatte".to_string()));
    assert_first(&site, "århus", "Kursus for klinikansatte");
    // `Af-` + line break + `tale26`, and a soft hyphen inside `hono­rarer`.
    assert_first(&site, "aftale", "Referat af bestyrelsesmøde marts 2023");
    let r = query(&site, "honorarer");
    assert!(titles(&r).contains(&"Referat af bestyrelsesmøde marts 2023".to_string()));
    // Typing: the last word is a prefix.
    assert_first(&site, "honorarstru", "Forhandlinger om honorarstrukturen");
}

#[test]
fn results_link_to_the_section_and_the_slide() {
    let (_dir, site) = build_site(&repo().join("tests/fixtures/search/site"), "fixture");
    let r = assert_first(
        &site,
        "henvisninger weekenden",
        "Beretning fra lægevagtsudvalget",
    );
    assert_eq!(
        r["hits"][0]["link"],
        "2025/beretning-fra-laegevagtsudvalget/#samarbejdet-med-regionen"
    );
    let r = query(&site, "patienttal");
    let deck = r["hits"]
        .as_array()
        .and_then(|h| {
            h.iter()
                .find(|x| x["title"] == "Præsentation til efterårsmødet 2025")
        })
        .cloned()
        .unwrap_or(Value::Null);
    assert_eq!(deck["link"], "2025/praesentation/slides/#3");
}

#[test]
fn text_of_attached_pdfs_is_found_and_named() {
    let (_dir, site) = build_site(&repo().join("tests/fixtures/search/site"), "fixture");
    // Only the PDF says `genoptræning` (written without æ in it): the hit is the PDF, and the
    // document it belongs to comes with it.
    let r = assert_first(&site, "genoptræning", "Forhandlinger om honorarstrukturen");
    assert_eq!(r["hits"][0]["link"], "2025/takstbilag-2025.pdf");
}

#[test]
fn facets_count_and_narrow() {
    let (_dir, site) = build_site(&repo().join("tests/fixtures/search/site"), "fixture");
    let r = query(&site, "kursus");
    assert_eq!(r["total"], 2);
    let kinds = &r["facets"]["kind"];
    assert_eq!(kinds[0]["count"], 2, "{kinds}");
    assert_eq!(kinds[0]["label"][0], "newsletter");
    // Narrowing to a kind with no match leaves nothing.
    let none = node(&[
        "query",
        &site.to_string_lossy(),
        "kursus",
        "relevance",
        "minutes",
    ]);
    assert_eq!(none["total"], 0);
    // Sorting by date puts the newest first.
    let by_date = node(&["query", &site.to_string_lossy(), "regionen", "date"]);
    let dates: Vec<String> = titles(&by_date);
    assert_eq!(
        dates.first().map(String::as_str),
        Some("Præsentation til efterårsmødet 2025")
    );
    assert_eq!(
        dates.last().map(String::as_str),
        Some("Referat af bestyrelsesmøde marts 2023")
    );
}

#[test]
fn example_site_golden_queries() {
    let (_dir, site) = build_site(&repo(), "example");
    assert_first(&site, "regnskab 2024", "Regnskab 2024 og budget 2025");
    assert_first(&site, "vedtægter", "Vedtægter");
    assert_first(
        &site,
        "overenskomstudvalget",
        "Overenskomstudvalgets beretning 2025",
    );
    assert_first(
        &site,
        "uddannelsesudvalget",
        "Uddannelsesudvalgets beretning 2024",
    );
    // Stop words alone find nothing rather than everything.
    assert_eq!(query(&site, "og i på")["total"], 0);
}

#[test]
fn index_files_are_written_and_scripts_register() {
    let (_dir, site) = build_site(&repo().join("tests/fixtures/search/site"), "fixture");
    let index = site.join("search/index");
    let manifest = std::fs::read_to_string(index.join("manifest.js")).unwrap_or_default();
    assert!(manifest.starts_with("arkivSearch.m({"), "{manifest:.80}");
    let page = std::fs::read_to_string(site.join("search/index.html")).unwrap_or_default();
    assert!(page.contains("search/index/manifest.js"));
    assert!(
        page.contains("<noscript>"),
        "the page says search needs JavaScript"
    );
    for i in 0..10 {
        assert!(
            index.join(format!("d/{i}.js")).exists(),
            "document {i} has its file"
        );
    }
}

/// The indexer reads documents in batches, each numbering its own words, and merges them: how
/// the archive is cut must change nothing, down to the last posting.
#[test]
fn batching_documents_changes_nothing_in_the_index() {
    for site in [repo(), repo().join("tests/fixtures/search/site")] {
        let rendered = arkiv::pipeline::render_site(&site, false)
            .unwrap_or_else(|d| panic!("render of {} failed: {d:?}", site.display()));
        let archive = &rendered.archive;
        assert!(archive.documents.len() > 3, "{}", site.display());
        // In reverse, so a document's place in the index and its number in the archive differ.
        let all: Vec<usize> = (0..archive.documents.len()).rev().collect();
        let sorted = |batch: usize| {
            // Each document's texts are handed on once, with its place and number.
            let seen = std::sync::Mutex::new(Vec::new());
            let each = |i: usize, doc: usize, _: &[std::borrow::Cow<str>]| {
                seen.lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((i, doc));
            };
            let index =
                arkiv::search::index::build_postings_in_batches(archive, &all, batch, &each);
            let mut seen = seen.into_inner().unwrap_or_else(|e| e.into_inner());
            seen.sort_unstable();
            let expected: Vec<(usize, usize)> = all.iter().copied().enumerate().collect();
            assert_eq!(seen, expected, "batches of {batch}");
            let mut terms = index.terms;
            terms.sort_by(|a, b| a.0.cmp(&b.0));
            terms
        };
        let whole = sorted(usize::MAX);
        assert!(whole.len() > 100, "{} terms", whole.len());
        for batch in [1, 2, 7] {
            assert!(sorted(batch) == whole, "batches of {batch} differ");
        }
    }
}

/// The JS table `var FOLD = { "æ": "ae", … };` of a theme script, as pairs.
fn js_fold_table(script: &str) -> Vec<(char, String)> {
    let path = repo().join("themes/default/static").join(script);
    let js = std::fs::read_to_string(&path).unwrap();
    let start = js.find("var FOLD = {").expect("a FOLD table") + "var FOLD = {".len();
    let end = start + js[start..].find('}').unwrap();
    js[start..end]
        .split(',')
        .filter_map(|pair| {
            let (from, to) = pair.split_once(':')?;
            let from = from.trim().trim_matches('"');
            let to = to.trim().trim_matches('"');
            Some((from.chars().next()?, to.to_string()))
        })
        .collect()
}

#[test]
fn search_and_the_index_filter_fold_letters_by_the_one_table() {
    let rust: Vec<(char, String)> = analysis::FOLD
        .iter()
        .map(|(c, s)| (*c, s.to_string()))
        .collect();
    for script in ["search.js", "index-filter.js"] {
        assert_eq!(
            js_fold_table(script),
            rust,
            "{script} folds differently from analysis.rs"
        );
    }
    assert_eq!(analysis::fold("høring"), "hoering");
}

/// A one-word query shows its first page from the result cards of its word: one card file
/// instead of a document file per result. Each card names the same document, date and
/// section link as the document's own file, and quotes text holding the word. A single hit
/// reads its document (smaller than a card file), and so do more words.
#[test]
fn a_one_word_query_shows_its_first_page_from_result_cards() {
    let (_dir, fixture) = build_site(&repo().join("tests/fixtures/search/site"), "fixture");
    let (_dir2, example) = build_site(&repo(), "example");
    let mut cards = 0;
    for (site, q) in [
        (&fixture, "regionen"),
        (&fixture, "patienttal"),
        (&fixture, "kursus"),
        (&example, "generalforsamling"),
        (&example, "regnskab"),
        (&example, "overenskomst"),
        (&example, "kontingent"),
    ] {
        let r = query(site, q);
        let hits = r["hits"].as_array().cloned().unwrap_or_default();
        assert!(!hits.is_empty(), "{q:?} finds something");
        for h in hits.iter().take(10) {
            assert_eq!(h["card"], true, "{q:?}: {} has a card", h["title"]);
            let doc = &h["document"];
            for field in ["title", "url", "date", "link"] {
                assert_eq!(h[field], doc[field], "{q:?}: the card's {field}");
            }
            let excerpt = h["excerpt"].as_str().unwrap_or_default();
            let folded = analysis::fold(&excerpt.to_lowercase());
            let needles = h["needles"].as_array().cloned().unwrap_or_default();
            let any = needles
                .iter()
                .any(|n| folded.contains(n.as_str().unwrap_or("\u{0}")));
            // A hit on the title alone may quote a document that never says the word.
            let doc_has = {
                let d = analysis::fold(&doc["excerpt"].as_str().unwrap_or_default().to_lowercase());
                needles
                    .iter()
                    .any(|n| d.contains(n.as_str().unwrap_or("\u{0}")))
            };
            assert!(
                any || !doc_has,
                "{q:?}: the card quotes the word: {excerpt:?}"
            );
            cards += 1;
        }
    }
    assert!(cards >= 20, "{cards} cards checked");
    // One hit: its document.
    let r = query(&fixture, "genoptræning");
    assert_eq!(r["total"], 1);
    assert_eq!(r["hits"][0]["card"], false);
    // Two words: the hits are read from the documents.
    let r = query(&fixture, "henvisninger weekenden");
    assert_eq!(r["hits"][0]["card"], false);
}

/// Every term of every shard has its result cards in exactly the card file its shard names
/// (`starts`), and no card file is far over its budget: checked on a generated archive large
/// enough that shards need several card files.
#[test]
fn every_term_has_its_cards_in_the_file_its_shard_names() {
    let (_dir, site) = common::generated_site(300, 3);
    let (_out_dir, out) = build_site(&site, "out");
    let index = out.join("search/index");
    // The JSON arguments of a registration call: `arkivSearch.x(a,b,...);`.
    let arguments = |path: &Path| -> Vec<Value> {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
        let inner = text
            .trim_end()
            .strip_suffix(");")
            .and_then(|t| t.split_once('(').map(|(_, rest)| rest))
            .unwrap_or_else(|| panic!("not a call: {text:.60}"));
        let parsed: Value = serde_json::from_str(&format!("[{inner}]"))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        parsed.as_array().cloned().unwrap_or_default()
    };
    let mut shards = 0;
    let mut several = 0;
    let mut largest = 0;
    for entry in std::fs::read_dir(index.join("t")).unwrap_or_else(|e| panic!("{e}")) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        let args = arguments(&path);
        let i = args[0].as_u64().unwrap_or(u64::MAX);
        let flat = args[1].as_array().cloned().unwrap_or_default();
        let starts: Vec<u64> = args[3]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_u64).collect())
            .unwrap_or_default();
        assert_eq!(starts.first(), Some(&0), "{}", path.display());
        assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
        if starts.len() > 1 {
            several += 1;
        }
        let files: Vec<Value> = (0..starts.len())
            .map(|j| {
                let file = index.join(format!("c/{i}-{j}.js"));
                largest = largest.max(std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0));
                let args = arguments(&file);
                assert_eq!(args[0], format!("{i}-{j}"));
                args[1].clone()
            })
            .collect();
        for (k, term) in flat.iter().step_by(2).enumerate() {
            let term = term.as_str().unwrap_or_default();
            let j = starts.iter().rposition(|&s| s <= k as u64).unwrap_or(0);
            for (n, file) in files.iter().enumerate() {
                let has = file["t"].get(term).is_some();
                assert_eq!(has, n == j, "term {term:?} of shard {i} in card file {n}");
            }
            // Each of its cards names a document of the file's table.
            let cards = files[j]["t"][term].as_array().cloned().unwrap_or_default();
            assert!(
                !cards.is_empty() && cards.len() <= 10,
                "{term}: {}",
                cards.len()
            );
            for c in cards {
                let doc = c[0].as_u64().unwrap_or(u64::MAX).to_string();
                assert!(files[j]["d"].get(&doc).is_some(), "{term}: document {doc}");
            }
        }
        shards += 1;
    }
    assert!(shards > 5, "{shards} shards");
    assert!(several > 0, "no shard needed a second card file");
    assert!(largest < 40_000, "a card file of {largest} bytes");
}
