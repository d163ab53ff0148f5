//! Building the inverted index: every document's fields become weighted terms, terms become
//! posting lists with a precomputed BM25 weight and the section they occur in most, and the
//! lists are cut into shards by the prefix of their folded key so a query loads only the one or
//! two shards its words need.

use super::analysis::{self, Compounds, FastMap, FastSet};
use crate::archive::Archive;
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};

/// How much a word counts where it stands: a title or heading says what a document is about,
/// a passing mention in the body says much less.
pub mod weight {
    pub const TITLE: f32 = 5.0;
    pub const HEADING: f32 = 2.5;
    pub const LABEL: f32 = 2.0;
    pub const SUMMARY: f32 = 1.5;
    pub const BODY: f32 = 1.0;
    pub const PDF: f32 = 0.8;
    /// A part of a compound counts for less than the word written alone.
    pub const COMPOUND_PART: f32 = 0.5;
}

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

/// One occurrence of a term in a document, ready to encode.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Posting {
    pub doc: u32,
    /// BM25 term weight quantised to 1..=31 (idf is applied by the browser).
    pub weight: u8,
    /// 1-based section of the document where the term is strongest; 0 for title-only.
    pub section: u16,
}

/// A text of a document with the weight of its words and the section it belongs to.
struct Field<'a> {
    text: &'a str,
    weight: f32,
    /// 0: the document as a whole; n: its n-th section (doc sections, then PDF attachments).
    section: u16,
}

/// What one document says, word by word: weighted occurrences per section.
struct DocWords<'a> {
    words: FastMap<Cow<'a, str>, Vec<(u16, f32)>>,
    title: HashSet<String>,
    length: u32,
}

/// The archive's posting lists, by term (the unfolded stem).
pub struct Postings {
    pub terms: BTreeMap<String, Vec<Posting>>,
}

fn fields(archive: &Archive, index: usize) -> Vec<Field<'_>> {
    let doc = &archive.documents[index];
    let mut out = vec![Field {
        text: &doc.front.title,
        weight: weight::TITLE,
        section: 0,
    }];
    for (i, s) in doc.sections.iter().enumerate() {
        let section = section_number(i);
        out.push(Field {
            text: &s.heading,
            weight: weight::HEADING,
            section,
        });
        out.push(Field {
            text: &s.text,
            weight: weight::BODY,
            section,
        });
    }
    if let Some(summary) = &doc.front.summary {
        out.push(Field {
            text: summary,
            weight: weight::SUMMARY,
            section: 0,
        });
    }
    let labels = doc
        .front
        .tags
        .iter()
        .chain(doc.front.committee.iter())
        .chain(doc.front.authors.iter());
    out.extend(labels.map(|text| Field {
        text,
        weight: weight::LABEL,
        section: 0,
    }));
    if let Some(m) = doc.meeting.filter(|&m| m != index) {
        out.push(Field {
            text: &archive.documents[m].front.title,
            weight: weight::BODY,
            section: 0,
        });
    }
    let mut pdf_number = doc.sections.len();
    for a in &doc.attachments {
        let Some(pdf) = &a.pdf else { continue };
        let section = section_number(pdf_number);
        pdf_number += 1;
        out.push(Field {
            text: &a.title,
            weight: weight::SUMMARY,
            section,
        });
        if let Some(t) = &pdf.title {
            out.push(Field {
                text: t,
                weight: weight::SUMMARY,
                section,
            });
        }
        out.push(Field {
            text: &pdf.text,
            weight: weight::PDF,
            section,
        });
    }
    out
}

/// Sections are numbered from 1 in postings (0 is the document as a whole); a document with
/// more than 65 534 sections folds the rest into the last number rather than failing.
fn section_number(i: usize) -> u16 {
    u16::try_from(i + 1).unwrap_or(u16::MAX)
}

fn doc_words(archive: &Archive, index: usize) -> DocWords<'_> {
    let mut words: FastMap<Cow<'_, str>, Vec<(u16, f32)>> = FastMap::default();
    let mut length = 0u32;
    let title: HashSet<String> = analysis::tokens(&archive.documents[index].front.title)
        .into_iter()
        .collect();
    for field in fields(archive, index) {
        analysis::for_each_token(field.text, |token| {
            if field.weight <= weight::BODY {
                length += 1;
            }
            let slots = words.entry(token).or_default();
            match slots.iter_mut().find(|(s, _)| *s == field.section) {
                Some(slot) => slot.1 += field.weight,
                None => slots.push((field.section, field.weight)),
            }
        });
    }
    DocWords {
        words,
        title,
        length,
    }
}

/// How a word of the archive is indexed: its own stem and the stems of its compound parts.
struct WordTerms {
    stem: String,
    parts: Vec<String>,
}

/// Builds every posting list of the archive.
pub fn build_postings(archive: &Archive) -> Postings {
    let docs: Vec<DocWords> = (0..archive.documents.len())
        .into_par_iter()
        .map(|i| doc_words(archive, i))
        .collect();
    let mut vocabulary: FastSet<String> = FastSet::default();
    for d in &docs {
        for w in d.words.keys() {
            if !vocabulary.contains(w.as_ref()) {
                vocabulary.insert(w.to_string());
            }
        }
    }
    let compounds = Compounds::new(&vocabulary);
    let analysed: FastMap<&str, WordTerms> = vocabulary
        .par_iter()
        .filter(|w| !analysis::is_stopword(w))
        .map(|w| {
            let parts = compounds
                .split(w)
                .iter()
                .filter(|p| !analysis::is_stopword(p))
                .map(|p| analysis::stem(p))
                .collect();
            (
                w.as_str(),
                WordTerms {
                    stem: analysis::stem(w),
                    parts,
                },
            )
        })
        .collect();
    let total_length: u64 = docs.iter().map(|d| u64::from(d.length)).sum();
    let average = (total_length as f32 / docs.len().max(1) as f32).max(1.0);
    let per_doc: Vec<Vec<(&str, u8, u16)>> = docs
        .par_iter()
        .map(|d| doc_terms(d, &analysed, average))
        .collect();
    let mut terms: FastMap<&str, Vec<Posting>> = FastMap::default();
    for (doc, list) in per_doc.iter().enumerate() {
        for &(term, weight, section) in list {
            terms.entry(term).or_default().push(Posting {
                doc: doc as u32,
                weight,
                section,
            });
        }
    }
    Postings {
        terms: terms.into_iter().map(|(t, p)| (t.to_string(), p)).collect(),
    }
}

/// A term's weighted occurrences per section in one document, and how much of it is title.
type TermSlots = (Vec<(u16, f32)>, f32);

/// A document's terms with their BM25 weights and strongest sections.
fn doc_terms<'w>(
    d: &DocWords<'_>,
    analysed: &'w FastMap<&str, WordTerms>,
    average: f32,
) -> Vec<(&'w str, u8, u16)> {
    let mut terms: FastMap<&'w str, TermSlots> = FastMap::default();
    let mut add = |term: &'w str, slots: &[(u16, f32)], factor: f32, in_title: bool| {
        let (into, title) = terms.entry(term).or_default();
        if in_title {
            *title = title.max(factor);
        }
        for &(s, w) in slots {
            match into.iter_mut().find(|(x, _)| *x == s) {
                Some(slot) => slot.1 += w * factor,
                None => into.push((s, w * factor)),
            }
        }
    };
    for (word, slots) in &d.words {
        let Some(wt) = analysed.get(word.as_ref()) else {
            continue;
        };
        let in_title = d.title.contains(word.as_ref());
        add(&wt.stem, slots, 1.0, in_title);
        for p in &wt.parts {
            if *p != wt.stem {
                add(p, slots, weight::COMPOUND_PART, in_title);
            }
        }
    }
    let norm = K1 * (1.0 - B + B * d.length as f32 / average);
    let mut out: Vec<(&str, u8, u16)> = terms
        .into_iter()
        .map(|(term, (slots, title))| {
            let tf: f32 = slots.iter().map(|(_, w)| w).sum();
            let bm25 = tf * (K1 + 1.0) / (tf + norm);
            let level = (bm25 / (K1 + 1.0) * BM25_LEVELS).ceil() + (title * TITLE_LEVELS).round();
            let section = slots
                .iter()
                .filter(|(s, _)| *s > 0)
                .fold(None::<(u16, f32)>, |best, &(s, w)| match best {
                    Some((bs, bw)) if bw > w || (bw == w && bs < s) => Some((bs, bw)),
                    _ => Some((s, w)),
                })
                .map_or(0, |(s, _)| s);
            (term, level.clamp(1.0, WEIGHT_LEVELS) as u8, section)
        })
        .collect();
    out.sort_unstable_by(|a, b| a.0.cmp(b.0));
    out
}

/// The 64 characters numbers are written in: safe inside a JavaScript string and a file name.
pub const DIGITS: &[u8; 64] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/// Writes a number as base-32 digits, most significant first; the last digit is taken from the
/// upper half of the alphabet so numbers need no separator. Small numbers take one character.
pub fn push_number(out: &mut String, mut n: u64) {
    let mut groups = [0u8; 13];
    let mut len = 0;
    loop {
        groups[len] = (n & 31) as u8;
        len += 1;
        n >>= 5;
        if n == 0 {
            break;
        }
    }
    for i in (0..len).rev() {
        let g = groups[i] as usize + if i == 0 { 32 } else { 0 };
        out.push(DIGITS[g] as char);
    }
}

/// Reads numbers written by `push_number` (for tests and the benchmark).
pub fn read_numbers(text: &str) -> Option<Vec<u64>> {
    let mut out = Vec::new();
    let mut n = 0u64;
    for c in text.bytes() {
        let v = DIGITS.iter().position(|&d| d == c)? as u64;
        if v < 32 {
            n = n.checked_mul(32)? + v;
        } else {
            out.push(n.checked_mul(32)? + v - 32);
            n = 0;
        }
    }
    Some(out)
}

/// A posting list as text: (document gap, weight, section) per posting.
pub fn encode_postings(postings: &[Posting]) -> String {
    let mut out = String::with_capacity(postings.len() * 4);
    let mut previous = 0u32;
    for (i, p) in postings.iter().enumerate() {
        let gap = if i == 0 { p.doc } else { p.doc - previous };
        previous = p.doc;
        push_number(&mut out, u64::from(gap));
        push_number(&mut out, u64::from(p.weight));
        push_number(&mut out, u64::from(p.section));
    }
    out
}

/// One shard: the first folded key it holds, and its (term, encoded postings) pairs.
pub struct Shard {
    pub first: String,
    pub entries: Vec<(String, String)>,
}

/// Cuts the terms, sorted by folded key, into runs of about `budget` characters. The browser
/// finds a key's shard as the last one whose first key is not after it, and the shards of a
/// prefix as the run from the prefix's shard to the shard of the prefix followed by the
/// highest character; terms that fold alike always share a shard.
pub fn shard(postings: &Postings, budget: usize) -> Vec<Shard> {
    let mut items: Vec<(String, String, String)> = postings
        .terms
        .iter()
        .map(|(term, list)| (analysis::fold(term), term.clone(), encode_postings(list)))
        .collect();
    items.sort();
    let mut shards: Vec<Shard> = Vec::new();
    let mut size = 0;
    for (i, (key, term, encoded)) in items.iter().enumerate() {
        let item_size = term.len() + encoded.len() + 6;
        let same_key = i > 0 && items[i - 1].0 == *key;
        let start_new = match shards.last() {
            None => true,
            Some(_) => !same_key && size + item_size > budget,
        };
        if start_new {
            shards.push(Shard {
                first: key.clone(),
                entries: Vec::new(),
            });
            size = 0;
        }
        size += item_size;
        if let Some(last) = shards.last_mut() {
            last.entries.push((term.clone(), encoded.clone()));
        }
    }
    shards
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip() {
        let values = [0u64, 1, 31, 32, 33, 1023, 1024, 99_999, u64::from(u32::MAX)];
        let mut text = String::new();
        for v in values {
            push_number(&mut text, v);
        }
        assert_eq!(read_numbers(&text), Some(values.to_vec()));
        let mut one = String::new();
        push_number(&mut one, 31);
        assert_eq!(one.len(), 1);
        assert_eq!(read_numbers("!"), None);
    }

    #[test]
    fn postings_encode_gaps() {
        let p = [
            Posting {
                doc: 3,
                weight: 7,
                section: 0,
            },
            Posting {
                doc: 40,
                weight: 31,
                section: 2,
            },
        ];
        let numbers = read_numbers(&encode_postings(&p)).unwrap_or_default();
        assert_eq!(numbers, vec![3, 7, 0, 37, 31, 2]);
    }

    #[test]
    fn shards_are_runs_of_keys() {
        let mut terms = BTreeMap::new();
        for word in ["læge", "laege", "lægevagt", "laks", "lov", "møde", "a"] {
            let list: Vec<Posting> = (0..50)
                .map(|d| Posting {
                    doc: d,
                    weight: 5,
                    section: 1,
                })
                .collect();
            terms.insert(word.to_string(), list);
        }
        let postings = Postings { terms };
        let whole = shard(&postings, usize::MAX);
        assert_eq!(whole.len(), 1);
        assert_eq!(whole[0].first, "a");
        let small = shard(&postings, 200);
        assert!(small.len() > 3, "{}", small.len());
        // Every term sits in the last shard whose first key is not after its folded key.
        for (n, s) in small.iter().enumerate() {
            for (term, _) in &s.entries {
                let key = analysis::fold(term);
                let found = small.iter().rposition(|x| x.first <= key);
                assert_eq!(found, Some(n), "{term}");
            }
        }
        // `læge` and `laege` fold alike and stay together, over budget or not.
        let together = small
            .iter()
            .find(|s| s.entries.iter().any(|(t, _)| t == "læge"))
            .map(|s| s.entries.iter().any(|(t, _)| t == "laege"));
        assert_eq!(together, Some(true));
        assert_eq!(small.iter().map(|s| s.entries.len()).sum::<usize>(), 7);
    }
}
