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
/// How much of each section a result may quote from: enough that the excerpt, centred on the
/// best match (search.js), mostly shows the matched words and not only the section's opening.
const SECTION_CHARS: usize = 480;
/// How much of a PDF's text a result may quote from.
const PDF_CHARS: usize = 300;

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

/// The part number of a members' area's index in its files (`arkivSearch.s(i, terms, 1)`).
pub const MEMBERS_PART: u8 = 1;

/// Builds the index and hands each file to `sink` as soon as it is made, so the build never
/// holds the whole index (615 MB at 100,000 documents) in memory.
pub fn write_index(archive: &Archive, sink: &(dyn Fn(OutputFile) + Sync)) {
    let (docs, part) = indexed(archive);
    // What each registration call ends with: nothing for the public index, `,1` for a part.
    let tail = part.map(|p| format!(",{p}")).unwrap_or_default();
    let shards = shards::shard(index::build_postings(archive, &docs), SHARD_BUDGET);
    let manifest = manifest(archive, &docs, part, &shards);
    sink(OutputFile {
        path: format!("{INDEX_DIR}/manifest.js"),
        contents: format!("arkivSearch.m({manifest});\n").into_bytes(),
    });
    shards.into_par_iter().enumerate().for_each(|(i, shard)| {
        sink(OutputFile {
            path: format!("{INDEX_DIR}/t/{i}.js"),
            contents: shard_script(i, &shard, &tail),
        })
    });
    docs.par_iter().enumerate().for_each(|(i, &doc)| {
        sink(OutputFile {
            path: format!("{INDEX_DIR}/d/{i}.js"),
            contents: format!("arkivSearch.d({i},{}{tail});\n", fragment(archive, doc))
                .into_bytes(),
        })
    });
}

/// A term shard as the script that registers it: its terms and encoded postings as one flat
/// JSON array of strings, written straight into a buffer of about the right size.
fn shard_script(i: usize, shard: &shards::Shard, tail: &str) -> Vec<u8> {
    let size: usize = shard
        .entries
        .iter()
        .map(|(t, p)| t.len() + p.len() + 6)
        .sum();
    let mut out = Vec::with_capacity(size + 32);
    out.extend_from_slice(format!("arkivSearch.s({i},").as_bytes());
    let flat: Vec<&str> = shard
        .entries
        .iter()
        .flat_map(|(t, p)| [t.as_str(), p.as_str()])
        .collect();
    // Writing strings to a Vec cannot fail; were it to, the shard would be an empty list.
    if serde_json::to_writer(&mut out, &flat).is_err() {
        out.extend_from_slice(b"[]");
    }
    out.extend_from_slice(tail.as_bytes());
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
                out.push(shards::DIGITS[(c / 64usize.pow(place as u32)) % 64] as char);
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
            shards::push_number(&mut before, (i - j) as u64);
        }
        manifest["part"] = json!(part);
        manifest["before"] = json!(before);
    }
    manifest
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

/// What a result shows of one document, serialised straight from borrowed text (no
/// intermediate JSON tree): fields in alphabetical order, as the format has always had them.
#[derive(serde::Serialize)]
struct Fragment<'a> {
    date: String,
    pdfs: Vec<(String, &'a str, String)>,
    sections: Vec<(String, &'a str, String)>,
    title: &'a str,
    url: &'a str,
}

/// What a result shows of one document, as JSON.
fn fragment(archive: &Archive, i: usize) -> String {
    let d = &archive.documents[i];
    let lang = archive.config.language;
    let is_deck = d.front.kind == Kind::Slides && !d.slides.is_empty();
    let mut sections: Vec<(String, &str, String)> = d
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
            (link, s.heading.as_str(), clip(&s.text, SECTION_CHARS))
        })
        .collect();
    // A meeting's programme, as search::index numbers it: the section after the body's.
    if !d.front.programme.is_empty() {
        let text: Vec<String> = d
            .front
            .programme
            .iter()
            .map(|p| match &p.speaker {
                Some(s) => format!("{} {} ({s})", p.time, p.title),
                None => format!("{} {}", p.time, p.title),
            })
            .collect();
        sections.push((
            format!("{}#programme-title", d.url),
            crate::core::i18n::text(lang, "programme"),
            clip(&text.join(" · "), SECTION_CHARS * 2),
        ));
    }
    let pdfs = d
        .attachments
        .iter()
        .filter_map(|a| {
            let pdf = a.pdf.as_ref()?;
            Some((
                crate::core::urls::encode_path(&a.path),
                a.title.as_str(),
                clip(&pdf.text, PDF_CHARS),
            ))
        })
        .collect();
    let fragment = Fragment {
        date: d.front.date.map(|x| x.long(lang)).unwrap_or_default(),
        pdfs,
        sections,
        title: &d.front.title,
        url: &d.url,
    };
    // Serialising strings and tuples cannot fail; were it to, the result would show no text.
    serde_json::to_string(&fragment).unwrap_or_else(|_| "{}".to_string())
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
