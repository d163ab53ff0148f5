//! Building the inverted index: every document's fields become weighted terms, and terms become
//! posting lists with a precomputed BM25 weight and the section they occur in most (`shards`
//! writes them out).
//!
//! At 10,000 documents the archive holds tens of millions of tokens, so the work is arranged to
//! touch each token once and each distinct word once: documents are read in parallel batches,
//! each batch numbering its own words; the batches' word lists are merged into one numbered
//! vocabulary; stemming and compound splitting run once per distinct word; and every later step
//! works on small integer ids (a document's words become a flat list of
//! `(word, section, weight)` rather than a table of strings).

use super::analysis::{self, Compounds};
use super::fields::{fields, weight};
use super::hash::{FastMap, FastSet};
use super::postings::{Posting, PostingList, Postings, CARDS_PER_TERM};
use crate::core::store::{Bytes, TextStore};
use crate::model::Archive;
use rayon::prelude::*;
use std::borrow::Cow;

/// BM25's saturation and length normalisation, the usual values.
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Posting weights are stored as 1..=31, one character of the encoding: up to 21 for BM25 and
/// 10 more when the word is in the title. The title bonus sits outside BM25's saturation and
/// length normalisation, so a long report titled with the word still outranks a short note
/// that mentions it a few times.
pub const WEIGHT_LEVELS: f32 = 31.0;
const BM25_LEVELS: f32 = 21.0;
const TITLE_LEVELS: f32 = 10.0;
/// Documents read per batch: enough that a batch's own word list is far shorter than its
/// tokens, few enough that both cores get work.
const BATCH_DOCS: usize = 64;
/// Batches read in parallel before their words join the vocabulary: enough to keep both cores
/// busy, few enough that the texts and word lists held at once stay small.
const GROUP_BATCHES: usize = 16;

/// One document's words: `(word id, section, weight units)`, about one entry per word and
/// section (a pair may recur; the sums are what count); the ids of the words of its title; and its length in body words (for BM25).
struct DocWords {
    entries: Vec<(u32, u16, u32)>,
    title: Vec<u32>,
    length: u32,
}

/// A document's words while the vocabulary is completed: its entries (10 bytes each) in the
/// archive's text store, its title words and length at hand. At 10,000 documents the entries
/// are 70 MB.
struct StoredWords {
    entries: Bytes,
    title: Vec<u32>,
    length: u32,
}

/// The size of an entry in the store: word id, section, weight units.
const ENTRY_BYTES: usize = 10;

impl StoredWords {
    fn keep(d: DocWords, texts: &TextStore) -> StoredWords {
        let mut bytes = Vec::with_capacity(d.entries.len() * ENTRY_BYTES);
        for (word, section, units) in d.entries {
            bytes.extend_from_slice(&word.to_le_bytes());
            bytes.extend_from_slice(&section.to_le_bytes());
            bytes.extend_from_slice(&units.to_le_bytes());
        }
        StoredWords {
            entries: texts.keep_bytes(bytes),
            title: d.title,
            length: d.length,
        }
    }

    /// The document's words again (no entries if the store cannot read them back; the build
    /// then fails, see `TextStore::failure`).
    fn read(&self, texts: &TextStore) -> DocWords {
        let bytes = texts.read_bytes(&self.entries);
        let entries = bytes
            .chunks_exact(ENTRY_BYTES)
            .map(|e| {
                let word = u32::from_le_bytes([e[0], e[1], e[2], e[3]]);
                let section = u16::from_le_bytes([e[4], e[5]]);
                let units = u32::from_le_bytes([e[6], e[7], e[8], e[9]]);
                (word, section, units)
            })
            .collect();
        DocWords {
            entries,
            title: self.title.clone(),
            length: self.length,
        }
    }
}

/// A run of documents read together: the words they use (numbered by first use) and each
/// document's entries in those numbers.
struct Batch {
    words: Vec<Box<str>>,
    docs: Vec<DocWords>,
}

/// Numbers the words of a batch as they are met.
#[derive(Default)]
struct Interner<'a> {
    ids: FastMap<Cow<'a, str>, u32>,
    words: Vec<Cow<'a, str>>,
}

impl<'a> Interner<'a> {
    fn id(&mut self, word: Cow<'a, str>) -> u32 {
        if let Some(&id) = self.ids.get(word.as_ref()) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.push(word.clone());
        self.ids.insert(word, id);
        id
    }
}

/// Reads a batch's documents, their section texts a batch at a time from the archive's store:
/// the words are borrowed from the texts while the batch is read, and kept once each after.
/// `first` is the place of the batch's first document in the documents indexed.
fn read_batch(archive: &Archive, docs: &[usize], first: usize, each: &EachDocument) -> Batch {
    let texts: Vec<Vec<Cow<str>>> = docs
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let sections = archive.documents[i].sections.iter();
            let texts: Vec<Cow<str>> = sections.map(|s| archive.texts.whole(s.text)).collect();
            each(first + k, i, &texts);
            texts
        })
        .collect();
    let mut words = Interner::default();
    let mut out = Vec::with_capacity(docs.len());
    // Per word of the batch: the document (numbered from 1 in the batch) and entry it was last
    // added to, so a repeated word adds to its entry without a search or a sort.
    let mut last: Vec<(u32, u32)> = Vec::new();
    let mut entries: Vec<(u32, u16, u32)> = Vec::new();
    for ((stamp, &index), sections) in (1u32..).zip(docs).zip(&texts) {
        entries.clear();
        let mut length = 0u32;
        let mut title: Vec<u32> = Vec::new();
        for (n, field) in fields(archive, index, sections).into_iter().enumerate() {
            analysis::for_each_token(field.text, |token| {
                if field.weight <= weight::BODY {
                    length += 1;
                }
                let id = words.id(token);
                if n == 0 {
                    title.push(id);
                }
                let w = id as usize;
                if w >= last.len() {
                    last.resize(w + 1, (0, 0));
                }
                let (seen, at) = last[w];
                if seen == stamp && entries[at as usize].1 == field.section {
                    entries[at as usize].2 += field.weight;
                } else {
                    last[w] = (stamp, entries.len() as u32);
                    entries.push((id, field.section, field.weight));
                }
            });
        }
        title.sort_unstable();
        title.dedup();
        // A word met again in an earlier section (labels and the summary count as section 0,
        // after the body) gets a second entry; `doc_terms` sums entries alike, so that is fine.
        out.push(DocWords {
            entries: entries.clone(),
            title,
            length,
        });
    }
    Batch {
        words: words.words.into_iter().map(Box::from).collect(),
        docs: out,
    }
}

/// How a word of the archive is indexed: its own stem's term id and its compound parts' term
/// ids. Stop words have no terms.
#[derive(Default, Clone)]
struct WordTerms {
    stem: Option<u32>,
    parts: Vec<u32>,
}

/// A word's stem (none for a stop word) and its compound parts: a word id when the part is a
/// word of the archive, else the part's own stem.
type Analysed = (Option<String>, Vec<Result<u32, String>>);

/// What else is done with each document's section texts while they are read for the index
/// (`search::write_index` writes its result fragment): called with the document's place in
/// `docs`, its number in the archive and the texts, from any thread.
pub type EachDocument<'a> = dyn Fn(usize, usize, &[Cow<str>]) + Sync + 'a;

/// Builds the posting lists of the documents `docs` (numbers in the archive) of the archive;
/// a posting's document is its place in `docs`. Each document's texts are read once, and
/// handed to `each` too.
pub fn build_postings(archive: &Archive, docs: &[usize], each: &EachDocument) -> Postings {
    build_postings_in_batches(archive, docs, BATCH_DOCS, each)
}

/// `build_postings` reading `batch_docs` documents per batch: public so a test can show that
/// how the archive is cut into batches changes nothing in the index.
pub fn build_postings_in_batches(
    archive: &Archive,
    docs: &[usize],
    batch_docs: usize,
    each: &EachDocument,
) -> Postings {
    let n = docs.len();
    let batch_docs = batch_docs.max(1);
    let group_docs = batch_docs.saturating_mul(GROUP_BATCHES);
    // One vocabulary for the archive; each batch's ids renumbered into it. Batches are read a
    // group at a time, so only a group's texts and word lists are held at once.
    let mut vocabulary: FastMap<Box<str>, u32> = FastMap::default();
    let mut read: Vec<StoredWords> = Vec::with_capacity(n);
    for (g, group) in docs.chunks(group_docs).enumerate() {
        let batches: Vec<Batch> = group
            .par_chunks(batch_docs)
            .enumerate()
            .map(|(b, chunk)| read_batch(archive, chunk, g * group_docs + b * batch_docs, each))
            .collect();
        merge(batches, &mut vocabulary, &mut read, &archive.texts);
    }
    let docs = read;
    let mut words: Vec<&str> = vec![""; vocabulary.len()];
    for (w, &id) in &vocabulary {
        words[id as usize] = w.as_ref();
    }

    // Stems and compound parts, once per distinct word.
    let contains = |w: &str| vocabulary.contains_key(w);
    // A part is recognised by its stem too.
    let word_stems: Vec<String> = words.par_iter().map(|w| analysis::stem(w)).collect();
    let stem_set: FastSet<&str> = word_stems.iter().map(String::as_str).collect();
    let stem_known = |s: &str| stem_set.contains(s);
    let compounds = Compounds::with_lookup(&contains).with_known_tails(&stem_known);
    // A part is mostly a word of the vocabulary (whose stem is computed anyway); a joined head
    // (`lægevagt` of `lægevagtsudvalget`) need not be, and is stemmed here.
    let analysed: Vec<Analysed> = words
        .par_iter()
        .zip(word_stems.par_iter())
        .map(|(w, word_stem)| {
            if analysis::is_stopword(w) {
                return (None, Vec::new());
            }
            let parts = compounds
                .split(w)
                .iter()
                .filter(|p| !analysis::is_stopword(p))
                .map(|p| match vocabulary.get(p.as_str()) {
                    Some(&id) => Ok(id),
                    None => Err(analysis::stem(p)),
                })
                .collect();
            (Some(word_stem.clone()), parts)
        })
        .collect();
    // Term ids: distinct stems. A part is a word of the vocabulary, so its stem is known.
    let mut term_ids: FastMap<&str, u32> = FastMap::default();
    let mut terms: Vec<&str> = Vec::new();
    let stems: Vec<Option<u32>> = analysed
        .iter()
        .map(|(stem, _)| {
            stem.as_deref()
                .map(|s| term_id(&mut term_ids, &mut terms, s))
        })
        .collect();
    let word_terms: Vec<WordTerms> = analysed
        .iter()
        .zip(&stems)
        .map(|((_, parts), &stem)| WordTerms {
            stem,
            // A part that is a word was kept only if it is no stop word, so it has a stem.
            parts: parts
                .iter()
                .filter_map(|p| match p {
                    Ok(id) => stems[*id as usize],
                    Err(s) => Some(term_id(&mut term_ids, &mut terms, s)),
                })
                .collect(),
        })
        .collect();

    let total_length: u64 = docs.iter().map(|d| u64::from(d.length)).sum();
    let average = (total_length as f32 / docs.len().max(1) as f32).max(1.0);
    // A group of documents' terms at a time, each read back from the store, into the lists.
    // The lists take one group's postings in document order while the next group's terms are
    // worked out beside them.
    let terms_of = |group: &[StoredWords]| -> Vec<Vec<(u32, u8, u16)>> {
        group
            .par_iter()
            .map_init(Vec::new, |scratch, d| {
                let words = d.read(&archive.texts);
                doc_terms(words, &word_terms, average, scratch)
            })
            .collect()
    };
    let mut lists: Vec<PostingList> = vec![PostingList::default(); terms.len()];
    let groups: Vec<&[StoredWords]> = docs.chunks(group_docs).collect();
    let mut next = groups.first().map(|group| terms_of(group));
    for g in 0..groups.len() {
        let per_doc = next.take().unwrap_or_default();
        let first_doc = g * group_docs;
        (next, ()) = rayon::join(
            || groups.get(g + 1).map(|group| terms_of(group)),
            || add_postings(&mut lists, per_doc, first_doc),
        );
    }
    lists.par_iter_mut().for_each(PostingList::shrink_to_fit);
    Postings {
        terms: terms.into_iter().map(str::to_string).zip(lists).collect(),
    }
}

/// Adds batches' words to the archive's vocabulary, and their documents, in the vocabulary's
/// numbers, to `docs`.
/// Each document's entries wait in the archive's text store meanwhile (`StoredWords`).
fn merge(
    batches: Vec<Batch>,
    vocabulary: &mut FastMap<Box<str>, u32>,
    docs: &mut Vec<StoredWords>,
    texts: &TextStore,
) {
    for batch in batches {
        let renumber: Vec<u32> = batch
            .words
            .into_iter()
            .map(|w| {
                let next = vocabulary.len() as u32;
                *vocabulary.entry(w).or_insert(next)
            })
            .collect();
        for mut d in batch.docs {
            for e in &mut d.entries {
                e.0 = renumber[e.0 as usize];
            }
            for t in &mut d.title {
                *t = renumber[*t as usize];
            }
            d.title.sort_unstable();
            docs.push(StoredWords::keep(d, texts));
        }
    }
}

/// A group's postings into the lists, its documents numbered from `first_doc`.
fn add_postings(lists: &mut [PostingList], per_doc: Vec<Vec<(u32, u8, u16)>>, first_doc: usize) {
    for (k, list) in per_doc.into_iter().enumerate() {
        let doc = (first_doc + k) as u32;
        for (term, weight, section) in list {
            let posting = Posting {
                doc,
                weight,
                section,
            };
            lists[term as usize].push(posting, CARDS_PER_TERM);
        }
    }
}

/// The id of a term, numbering it if new.
fn term_id<'s>(ids: &mut FastMap<&'s str, u32>, terms: &mut Vec<&'s str>, term: &'s str) -> u32 {
    *ids.entry(term).or_insert_with(|| {
        terms.push(term);
        (terms.len() - 1) as u32
    })
}

/// A document's terms with their BM25 weights and strongest sections; `scratch` is reused
/// between documents of a thread so the occurrences need no new allocation each time.
fn doc_terms(
    d: DocWords,
    word_terms: &[WordTerms],
    average: f32,
    scratch: &mut Vec<(u32, u16, u32, u8)>,
) -> Vec<(u32, u8, u16)> {
    scratch.clear();
    for &(word, section, units) in &d.entries {
        let wt = &word_terms[word as usize];
        let Some(stem) = wt.stem else { continue };
        let in_title = u8::from(d.title.binary_search(&word).is_ok());
        // Units stay whole: a part counts half, so everything is doubled here and halved at
        // the end; likewise the title mark (2: the word is in the title, 1: a compound
        // holding it is).
        scratch.push((stem, section, units * 2, in_title * 2));
        for &p in &wt.parts {
            if p != stem {
                scratch.push((p, section, units, in_title));
            }
        }
    }
    scratch.sort_unstable_by_key(|&(t, s, _, _)| (t, s));
    let norm = K1 * (1.0 - B + B * d.length as f32 / average);
    let mut out = Vec::new();
    let mut i = 0;
    while i < scratch.len() {
        let term = scratch[i].0;
        let mut j = i;
        let mut total = 0u32;
        let mut title = 0u32;
        let mut best: Option<(u16, u32)> = None;
        while j < scratch.len() && scratch[j].0 == term {
            let section = scratch[j].1;
            let mut w = 0u32;
            while j < scratch.len() && scratch[j].0 == term && scratch[j].1 == section {
                let (_, _, units, in_title) = scratch[j];
                w += units;
                title = title.max(u32::from(in_title));
                j += 1;
            }
            total += w;
            if section > 0 && best.is_none_or(|(_, bw)| w > bw) {
                best = Some((section, w));
            }
        }
        let tf = total as f32 / (2.0 * weight::UNIT);
        let bm25 = tf * (K1 + 1.0) / (tf + norm);
        let level =
            (bm25 / (K1 + 1.0) * BM25_LEVELS).ceil() + (title as f32 / 2.0 * TITLE_LEVELS).round();
        out.push((
            term,
            level.clamp(1.0, WEIGHT_LEVELS) as u8,
            best.map_or(0, |(s, _)| s),
        ));
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_add_compound_parts_at_half_weight_with_title_bonus() {
        // Word 0 is a plain word, word 1 a compound holding word 0's term and term 2, word 2 a
        // stop word, word 3 a word met equally in two sections.
        let word_terms = vec![
            WordTerms {
                stem: Some(0),
                parts: vec![],
            },
            WordTerms {
                stem: Some(1),
                parts: vec![0, 2],
            },
            WordTerms::default(),
            WordTerms {
                stem: Some(3),
                parts: vec![],
            },
        ];
        let d = DocWords {
            entries: vec![
                (0, 1, weight::BODY),
                (1, 0, weight::TITLE),
                (1, 2, 3 * weight::BODY),
                (2, 1, weight::BODY),
                (3, 4, weight::BODY),
                (3, 3, weight::BODY),
            ],
            title: vec![1],
            length: 100,
        };
        let mut scratch = Vec::new();
        let terms = doc_terms(d, &word_terms, 100.0, &mut scratch);
        // Term 0: tf 1 + (5 + 3) / 2 = 5, BM25 level 17, and +5 as part of a title word.
        // Term 1: tf 8, level 19, +10 for a title word. Term 2: tf 4, level 17, +5.
        // Term 3: tf 2, level 14, in sections 3 and 4 alike: the first is named.
        assert_eq!(terms, vec![(0, 22, 2), (1, 29, 2), (2, 22, 2), (3, 14, 3)]);
    }
}
