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
//! - `c/<n>-<j>.js`: the result cards of a shard's terms, a run of terms per file: for each
//!   term, the documents a one-word query for it shows first, with the text around the term
//!   (`results`);
//! - `d/<n>.js`: one per document, its title, address, date and the start of each section, for
//!   showing a result the cards do not hold (more words, filters, later pages).
//!
//! A query thus needs three rounds of requests: manifest (with the search code), the shards of
//! its words, then the card file of the word (one word) or the documents shown (more words). `analysis` holds
//! the Danish rules both sides share.

pub mod analysis;
pub mod fields;
pub mod hash;
pub mod index;
pub mod postings;
pub mod results;
pub mod shards;

use crate::core::i18n;
use crate::core::kind::Kind;
use crate::model::Archive;
use crate::render::OutputFile;
use rayon::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// Where the index files live in the output.
pub const INDEX_DIR: &str = crate::routes::SEARCH_INDEX;
/// About how many characters of postings a shard holds (about 7 KB gzip): small enough that
/// a one-word query stays well under 40 KB, large enough that the manifest's list stays short.
pub const SHARD_BUDGET: usize = 16_000;
/// About how many characters of result cards a card file holds (about 5 KB gzip).
const CARD_BUDGET: usize = 16_000;

/// Which of the archive's documents its index holds, and the part it is to the browser. The
/// public site's index holds every document it has. The members' area's holds only the
/// members-only ones (part 1): its search page reads the public site's index as well and
/// search.js merges the two, so a public document is indexed and written once.
fn indexed(archive: &Archive) -> (Vec<usize>, Option<u8>) {
    if archive.area.members {
        let docs = (0..archive.documents.len())
            .filter(|&i| archive.documents[i].access.is_members())
            .collect();
        (docs, Some(MEMBERS_PART))
    } else {
        ((0..archive.documents.len()).collect(), None)
    }
}

/// The part number of a members' area's index in its files (`arkivSearch.s(i, terms, 1, starts)`).
pub const MEMBERS_PART: u8 = 1;

/// Builds the index and hands each file to `sink` as soon as it is made, so the build never
/// holds the whole index (788 MB at 100,000 documents) in memory.
pub fn write_index(archive: &Archive, sink: &(dyn Fn(OutputFile) + Sync)) {
    let (docs, part) = indexed(archive);
    // What each registration call ends with: nothing for the public index, `,1` for a part.
    let tail = part.map(|p| format!(",{p}")).unwrap_or_default();
    // Each document's result fragment is written as its texts are read for the index.
    let fragment = |i: usize, doc: usize, sections: &[std::borrow::Cow<str>]| {
        sink(OutputFile {
            path: format!("{INDEX_DIR}/d/{i}.js"),
            contents: format!(
                "arkivSearch.d({i},{}{tail});\n",
                results::fragment(archive, doc, sections)
            )
            .into_bytes(),
        })
    };
    let postings = index::build_postings(archive, &docs, &fragment);
    let shards = shards::shard(postings, SHARD_BUDGET);
    let manifest = manifest(archive, &docs, part, &shards);
    sink(OutputFile {
        path: format!("{INDEX_DIR}/manifest.js"),
        contents: format!("arkivSearch.m({manifest});\n").into_bytes(),
    });
    shards.into_par_iter().enumerate().for_each(|(i, shard)| {
        let files = results::card_files(archive, &docs, &shard.entries, CARD_BUDGET);
        let starts: Vec<usize> = files.iter().map(|(first, _)| *first).collect();
        sink(OutputFile {
            path: format!("{INDEX_DIR}/t/{i}.js"),
            contents: shard_script(i, &shard, part, &starts),
        });
        for (j, (_, cards)) in files.into_iter().enumerate() {
            sink(OutputFile {
                path: format!("{INDEX_DIR}/c/{i}-{j}.js"),
                contents: format!("arkivSearch.c(\"{i}-{j}\",{cards}{tail});\n").into_bytes(),
            });
        }
    });
}

/// A term shard as the script that registers it: its terms and encoded postings as one flat
/// JSON array of strings, its part (0: the public site's), and where its terms' result cards
/// are: card file `c/<i>-<j>.js` holds the terms from number `starts[j]` on. Written straight
/// into a buffer of about the right size.
fn shard_script(i: usize, shard: &shards::Shard, part: Option<u8>, starts: &[usize]) -> Vec<u8> {
    let size: usize = shard
        .entries
        .iter()
        .map(|e| e.term.len() + e.postings.len() + 6)
        .sum();
    let mut out = Vec::with_capacity(size + 8 * starts.len() + 32);
    out.extend_from_slice(format!("arkivSearch.s({i},").as_bytes());
    let flat: Vec<&str> = shard
        .entries
        .iter()
        .flat_map(|e| [e.term.as_str(), e.postings.as_str()])
        .collect();
    // Writing strings to a Vec cannot fail; were it to, the shard would be an empty list.
    if serde_json::to_writer(&mut out, &flat).is_err() {
        out.extend_from_slice(b"[]");
    }
    out.extend_from_slice(format!(",{},", part.unwrap_or(0)).as_bytes());
    if serde_json::to_writer(&mut out, starts).is_err() {
        out.extend_from_slice(b"[]");
    }
    out.extend_from_slice(b");\n");
    out
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
                out.push(postings::DIGITS[(c / 64usize.pow(place as u32)) % 64] as char);
            }
        }
        (out, width)
    }
}

/// A facet's values over every document of the archive (so a part's labels hold the public
/// index's too, in order), and the value of each of the indexed documents `docs`.
fn facet_of<K: Ord + Clone>(
    archive: &Archive,
    docs: &[usize],
    value: impl Fn(usize) -> Option<(K, Value)>,
) -> Facet {
    let mut values: BTreeMap<K, Value> = BTreeMap::new();
    let all: Vec<Option<K>> = (0..archive.documents.len())
        .map(|i| {
            value(i).map(|(k, label)| {
                values.entry(k.clone()).or_insert(label);
                k
            })
        })
        .collect();
    let per_doc = docs.iter().map(|&i| all[i].clone());
    let order: BTreeMap<K, usize> = values.keys().cloned().zip(1..).collect();
    Facet {
        labels: values.into_values().collect(),
        codes: per_doc
            .into_iter()
            .map(|k| k.and_then(|k| order.get(&k).copied()).unwrap_or(0))
            .collect(),
    }
}

fn manifest(
    archive: &Archive,
    indexed: &[usize],
    part: Option<u8>,
    shards: &[shards::Shard],
) -> Value {
    let lang = archive.config.language;
    let docs = &archive.documents;
    let kinds = facet_of(archive, indexed, |i| {
        let k = docs[i].front.kind;
        let (one, many) = i18n::kind_label(lang, k);
        let position = Kind::ALL.iter().position(|x| *x == k).unwrap_or(0);
        Some((position, json!([k.as_str(), one, many])))
    });
    // Newest year first in the facet list.
    let years = facet_of(archive, indexed, |i| {
        docs[i]
            .year()
            .map(|y| (std::cmp::Reverse(y), json!(y.to_string())))
    });
    let committees = facet_of(archive, indexed, |i| {
        docs[i]
            .front
            .committee
            .as_ref()
            .map(|c| (crate::core::slug::slugify(c), json!(c)))
    });
    // A meeting document is in its own meeting; newest meeting first (documents are sorted
    // newest first, so the document number orders them).
    let meetings = facet_of(archive, indexed, |i| {
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
    let mut manifest = json!({
        "version": 1,
        "documents": indexed.len(),
        "stopwords": analysis::STOPWORDS,
        "shards": shards.iter().map(|s| s.first.as_str()).collect::<Vec<_>>(),
        "facets": {
            "kind": facet(&kinds),
            "year": facet(&years),
            "committee": facet(&committees),
            "meeting": facet(&meetings),
        },
    });
    if let Some(part) = part {
        // Where each document goes in the archive's order (newest first) among the public
        // index's documents: how many of them come before it, for sorting by date.
        let mut before = String::new();
        for (j, &i) in indexed.iter().enumerate() {
            postings::push_number(&mut before, (i - j) as u64);
        }
        manifest["part"] = json!(part);
        manifest["before"] = json!(before);
    }
    manifest
}
