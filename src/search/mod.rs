//! Full-text search of the whole archive, run in the member's browser with no server.
//!
//! The build writes the index as small JavaScript files under `search/index/` that register
//! themselves when loaded with a `<script>` tag (which, unlike `fetch`, also works from
//! `file://`):
//!
//! - `manifest.js`: stop words, the shard prefixes, and every document's facets (kind, year,
//!   committee, meeting) packed into a few characters each, so facet counts and date sorting
//!   need nothing more;
//! - `t/<n>.js`: term shards, posting lists of a run of terms in the order of their folded keys;
//! - `d/<n>.js`: one per document, its title, address, date and the start of each section, for
//!   showing a result with an excerpt.
//!
//! A query thus needs three rounds of requests: manifest (with the search code), the shards of
//! its words, and the documents shown. `analysis` holds the Danish rules both sides share.

pub mod analysis;
pub mod index;

use crate::archive::Archive;
use crate::i18n;
use crate::kind::Kind;
use crate::render::OutputFile;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// Where the index files live in the output.
pub const INDEX_DIR: &str = "search/index";
/// About how many characters of postings a shard holds (about 7 KB gzip): small enough that
/// a one-word query stays well under 40 KB, large enough that the manifest's list stays short.
pub const SHARD_BUDGET: usize = 16_000;
/// How much of each section a result may quote from.
const SECTION_CHARS: usize = 140;
/// How much of a PDF's text a result may quote from.
const PDF_CHARS: usize = 300;

/// Sizes of what was written, for the benchmark and the report.
#[derive(Debug, Default, Clone)]
pub struct IndexStats {
    pub terms: usize,
    pub postings: usize,
    pub shards: usize,
    pub manifest_bytes: usize,
    pub largest_shard_bytes: usize,
}

/// Set to `1` to build without the index: only so the benchmark can measure what indexing
/// costs a build (time and memory); the search page then says the index could not be loaded.
pub const SKIP_ENV: &str = "ARKIV_BENCH_SKIP_SEARCH_INDEX";

/// The search index as output files.
pub fn index_files(archive: &Archive) -> Vec<OutputFile> {
    if std::env::var_os(SKIP_ENV).is_some_and(|v| v == "1") {
        return Vec::new();
    }
    build(archive, SHARD_BUDGET).0
}

/// The index files with their statistics; `budget` as `SHARD_BUDGET` (tests use small ones).
pub fn build(archive: &Archive, budget: usize) -> (Vec<OutputFile>, IndexStats) {
    let postings = index::build_postings(archive);
    let shards = index::shard(&postings, budget);
    let mut stats = IndexStats {
        terms: postings.terms.len(),
        postings: postings.terms.values().map(Vec::len).sum(),
        shards: shards.len(),
        ..IndexStats::default()
    };
    let mut files = Vec::with_capacity(shards.len() + archive.documents.len() + 1);
    let manifest = manifest(archive, &shards);
    let manifest = format!("arkivSearch.m({manifest});\n");
    stats.manifest_bytes = manifest.len();
    files.push(OutputFile {
        path: format!("{INDEX_DIR}/manifest.js"),
        contents: manifest.into_bytes(),
    });
    for (i, shard) in shards.iter().enumerate() {
        let flat: Vec<&str> = shard
            .entries
            .iter()
            .flat_map(|(t, p)| [t.as_str(), p.as_str()])
            .collect();
        let text = format!("arkivSearch.s({i},{});\n", json!(flat));
        stats.largest_shard_bytes = stats.largest_shard_bytes.max(text.len());
        files.push(OutputFile {
            path: format!("{INDEX_DIR}/t/{i}.js"),
            contents: text.into_bytes(),
        });
    }
    for i in 0..archive.documents.len() {
        files.push(OutputFile {
            path: format!("{INDEX_DIR}/d/{i}.js"),
            contents: format!("arkivSearch.d({i},{});\n", fragment(archive, i)).into_bytes(),
        });
    }
    (files, stats)
}

/// A facet's values, in a stable order, and each document's value number (0: none).
struct Facet {
    labels: Vec<Value>,
    codes: Vec<usize>,
}

impl Facet {
    /// Packs the codes in fixed-width digits: one or two characters per document.
    fn packed(&self) -> (String, usize) {
        let largest = self.codes.iter().copied().max().unwrap_or(0);
        let mut width = 1;
        while 64usize.pow(width as u32) <= largest {
            width += 1;
        }
        let mut out = String::with_capacity(self.codes.len() * width);
        for &c in &self.codes {
            for place in (0..width).rev() {
                out.push(index::DIGITS[(c / 64usize.pow(place as u32)) % 64] as char);
            }
        }
        (out, width)
    }
}

fn facet_of<K: Ord + Clone>(
    archive: &Archive,
    value: impl Fn(usize) -> Option<(K, Value)>,
) -> Facet {
    let mut values: BTreeMap<K, Value> = BTreeMap::new();
    let per_doc: Vec<Option<K>> = (0..archive.documents.len())
        .map(|i| {
            value(i).map(|(k, label)| {
                values.entry(k.clone()).or_insert(label);
                k
            })
        })
        .collect();
    let order: BTreeMap<K, usize> = values.keys().cloned().zip(1..).collect();
    Facet {
        labels: values.into_values().collect(),
        codes: per_doc
            .into_iter()
            .map(|k| k.and_then(|k| order.get(&k).copied()).unwrap_or(0))
            .collect(),
    }
}

fn manifest(archive: &Archive, shards: &[index::Shard]) -> Value {
    let lang = archive.config.language;
    let docs = &archive.documents;
    let kinds = facet_of(archive, |i| {
        let k = docs[i].front.kind;
        let (one, many) = i18n::kind_label(lang, k);
        let position = Kind::ALL.iter().position(|x| *x == k).unwrap_or(0);
        Some((position, json!([k.as_str(), one, many])))
    });
    // Newest year first in the facet list.
    let years = facet_of(archive, |i| {
        docs[i]
            .year()
            .map(|y| (std::cmp::Reverse(y), json!(y.to_string())))
    });
    let committees = facet_of(archive, |i| {
        docs[i]
            .front
            .committee
            .as_ref()
            .map(|c| (crate::slug::slugify(c), json!(c)))
    });
    // A meeting document is in its own meeting; newest meeting first (documents are sorted
    // newest first, so the document number orders them).
    let meetings = facet_of(archive, |i| {
        let m = if docs[i].front.kind == Kind::Meeting {
            Some(i)
        } else {
            docs[i].meeting
        };
        m.map(|m| (m, json!(docs[m].front.title)))
    });
    let facet = |f: &Facet| {
        let (codes, width) = f.packed();
        json!({"labels": f.labels, "codes": codes, "width": width})
    };
    json!({
        "version": 1,
        "documents": docs.len(),
        "stopwords": analysis::STOPWORDS,
        "shards": shards.iter().map(|s| s.first.as_str()).collect::<Vec<_>>(),
        "facets": {
            "kind": facet(&kinds),
            "year": facet(&years),
            "committee": facet(&committees),
            "meeting": facet(&meetings),
        },
    })
}

/// Cuts text to about `max` characters at a word boundary.
fn clip(text: &str, max: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((cut, next)) => {
            let head = &text[..cut];
            let head = if next.is_whitespace() {
                head
            } else {
                head.rfind(' ').map_or(head, |space| &head[..space])
            };
            format!("{head} …")
        }
    }
}

/// What a result shows of one document.
fn fragment(archive: &Archive, i: usize) -> Value {
    let d = &archive.documents[i];
    let lang = archive.config.language;
    let is_deck = d.front.kind == Kind::Slides && !d.slides.is_empty();
    let sections: Vec<Value> = d
        .sections
        .iter()
        .map(|s| {
            // A slide links to the presentation at that slide; a section to its heading.
            let link = match (&s.anchor, is_deck) {
                (Some(a), true) => {
                    let number = a.strip_prefix("slide-").unwrap_or(a);
                    format!("{}slides/#{number}", d.url)
                }
                (Some(a), false) => format!("{}#{a}", d.url),
                (None, _) => d.url.clone(),
            };
            json!([link, s.heading, clip(&s.text, SECTION_CHARS)])
        })
        .collect();
    let pdfs: Vec<Value> = d
        .attachments
        .iter()
        .filter_map(|a| {
            let pdf = a.pdf.as_ref()?;
            Some(json!([a.path, a.title, clip(&pdf.text, PDF_CHARS)]))
        })
        .collect();
    json!({
        "title": d.front.title,
        "url": d.url,
        "date": d.front.date.map(|x| x.long(lang)).unwrap_or_default(),
        "sections": sections,
        "pdfs": pdfs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipping_cuts_at_words() {
        assert_eq!(clip("kort tekst", 50), "kort tekst");
        assert_eq!(clip("lægevagten i Sønderborg", 12), "lægevagten i …");
    }
}
