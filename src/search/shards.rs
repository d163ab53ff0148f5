//! The terms cut into shards by their folded key, so a query loads only the one or two shards
//! its words need.

use super::analysis;
use super::postings::{Posting, Postings};
use rayon::prelude::*;

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

/// Cuts the terms, sorted by folded key, into runs of about `budget` characters of postings.
/// The browser finds a key's shard as the last one whose first key is not after it, and the shards of a
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
    use crate::search::postings::PostingList;

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
