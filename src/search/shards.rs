//! The index as text: posting lists written in base-32 digits, and the terms cut into shards
//! by their folded key so a query loads only the one or two shards its words need.

use super::analysis;
use super::index::{Posting, Postings};
use rayon::prelude::*;

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

/// A term's postings as the indexer gathers them, document by document in ascending order:
/// written out as text at once, (document gap, weight, section) per posting, about 3 bytes
/// against the 8 of a `Posting` (at 100,000 documents, 93 MB of text for 29.5 million
/// postings), with the ones a one-word query shows first kept aside for result cards.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PostingList {
    pub text: String,
    /// The document of the last posting, from which the next one's gap is counted.
    last: u32,
    /// The best postings so far, best first (see `push`).
    pub top: Vec<Posting>,
}

impl PostingList {
    /// A list of `postings`, in document order, keeping the best `cards`.
    pub fn of(postings: &[Posting], cards: usize) -> PostingList {
        let mut list = PostingList::default();
        for p in postings {
            list.push(*p, cards);
        }
        list
    }

    /// Adds a posting for a document after the last one's, and keeps it among the `cards` best
    /// if it is: the highest weight, then the earlier document (the newest: documents are
    /// numbered newest first), as search.js orders the hits of one term, whose idf is the same
    /// for all of them.
    pub fn push(&mut self, p: Posting, cards: usize) {
        debug_assert!(
            self.text.is_empty() || p.doc > self.last,
            "postings out of order"
        );
        push_number(&mut self.text, u64::from(p.doc.saturating_sub(self.last)));
        push_number(&mut self.text, u64::from(p.weight));
        push_number(&mut self.text, u64::from(p.section));
        self.last = p.doc;
        let by_rank = |a: &Posting, b: &Posting| b.weight.cmp(&a.weight).then(a.doc.cmp(&b.doc));
        // Kept sorted, best first; a posting enters only if it beats the last (most do not, so
        // a long list costs one comparison per posting and no copy).
        let top = &mut self.top;
        if top.len() == cards && top.last().is_none_or(|last| by_rank(&p, last).is_ge()) {
            return;
        }
        let at = top.partition_point(|q| by_rank(q, &p).is_lt());
        top.insert(at, p);
        top.truncate(cards);
    }

    /// Gives back the room a list grown by doubling holds beyond its text.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.top.shrink_to_fit();
    }
}

/// One shard: the first folded key it holds, and its terms.
pub struct Shard {
    pub first: String,
    pub entries: Vec<Entry>,
}

/// A term of a shard: its encoded postings, and the postings a one-word query for it shows
/// first, which get result cards (`search::results`).
pub struct Entry {
    pub term: String,
    pub postings: String,
    pub top: Vec<Posting>,
}

/// The postings a one-word query shows first, best first: the highest weight, then the
/// earlier document (the newest: documents are numbered newest first), as search.js orders
/// the hits of one term, whose idf is the same for all of them.
pub fn top_postings(list: &[Posting], n: usize) -> Vec<Posting> {
    let by_rank = |a: &Posting, b: &Posting| b.weight.cmp(&a.weight).then(a.doc.cmp(&b.doc));
    // Kept sorted, best first; a posting enters only if it beats the last (most do not, so a
    // long list costs one comparison per posting and no copy).
    let mut top: Vec<Posting> = Vec::with_capacity(n.min(list.len()) + 1);
    for p in list {
        if top.len() == n && top.last().is_none_or(|last| by_rank(p, last).is_ge()) {
            continue;
        }
        let at = top.partition_point(|q| by_rank(q, p).is_lt());
        top.insert(at, *p);
        top.truncate(n);
    }
    top
}

/// Cuts the terms, sorted by folded key, into runs of about `budget` characters of postings.
/// The browser
/// finds a key's shard as the last one whose first key is not after it, and the shards of a
/// prefix as the run from the prefix's shard to the shard of the prefix followed by the
/// highest character; terms that fold alike always share a shard.
pub fn shard(postings: Postings, budget: usize) -> Vec<Shard> {
    let mut items: Vec<(String, Entry)> = postings
        .terms
        .into_par_iter()
        .map(|(term, list)| {
            let entry = Entry {
                postings: list.text,
                top: list.top,
                term,
            };
            (analysis::fold(&entry.term), entry)
        })
        .collect();
    // Terms are distinct, so this is the order of (key, term).
    items.par_sort_unstable_by(|a, b| (&a.0, &a.1.term).cmp(&(&b.0, &b.1.term)));
    let mut shards: Vec<Shard> = Vec::new();
    let mut size = 0;
    let mut previous_key: Option<String> = None;
    for (key, entry) in items {
        let item_size = entry.term.len() + entry.postings.len() + 6;
        let same_key = previous_key.as_deref() == Some(key.as_str());
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
            last.entries.push(entry);
        }
        previous_key = Some(key);
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
    fn the_top_postings_are_the_heaviest_then_the_newest() {
        let p = |doc, weight| Posting {
            doc,
            weight,
            section: 1,
        };
        let list = [p(0, 3), p(1, 9), p(2, 3), p(3, 12), p(4, 9), p(5, 1)];
        let docs = |cards| {
            let top = PostingList::of(&list, cards).top;
            top.iter().map(|x| x.doc).collect::<Vec<_>>()
        };
        assert_eq!(docs(3), vec![3, 1, 4]);
        assert_eq!(docs(4), vec![3, 1, 4, 0]);
        assert_eq!(docs(10), vec![3, 1, 4, 0, 2, 5]);
        assert!(docs(0).is_empty());
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
        let numbers = read_numbers(&PostingList::of(&p, 10).text).unwrap_or_default();
        assert_eq!(numbers, vec![3, 7, 0, 37, 31, 2]);
    }

    #[test]
    fn shards_are_runs_of_keys() {
        let mut terms = Vec::new();
        for word in ["læge", "laege", "lægevagt", "laks", "lov", "møde", "a"] {
            let list: Vec<Posting> = (0..50)
                .map(|d| Posting {
                    doc: d,
                    weight: 5,
                    section: 1,
                })
                .collect();
            terms.push((word.to_string(), PostingList::of(&list, 10)));
        }
        let whole = shard(
            Postings {
                terms: terms.clone(),
            },
            usize::MAX,
        );
        assert_eq!(whole.len(), 1);
        assert_eq!(whole[0].first, "a");
        let small = shard(Postings { terms }, 200);
        assert!(small.len() > 3, "{}", small.len());
        // Every term sits in the last shard whose first key is not after its folded key.
        for (n, s) in small.iter().enumerate() {
            for Entry { term, .. } in &s.entries {
                let key = analysis::fold(term);
                let found = small.iter().rposition(|x| x.first <= key);
                assert_eq!(found, Some(n), "{term}");
            }
        }
        // `læge` and `laege` fold alike and stay together, over budget or not.
        let together = small
            .iter()
            .find(|s| s.entries.iter().any(|e| e.term == "læge"))
            .map(|s| s.entries.iter().any(|e| e.term == "laege"));
        assert_eq!(together, Some(true));
        assert_eq!(small.iter().map(|s| s.entries.len()).sum::<usize>(), 7);
    }
}
