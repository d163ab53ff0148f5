//! Postings and posting lists, and the base-32 numbers the index is written in: each list is
//! written out as text while the indexer gathers it (`search::index`), and cut into shards
//! after (`search::shards`).

/// How many result cards a term carries in its shard: the first page of a one-word query
/// (search.js's PAGE).
pub const CARDS_PER_TERM: usize = 10;

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
    #[cfg(test)]
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

/// One occurrence of a term in a document, ready to encode.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Posting {
    pub doc: u32,
    /// BM25 term weight quantised to 1..=31 (idf is applied by the browser).
    pub weight: u8,
    /// 1-based section of the document where the term is strongest; 0 for title-only.
    pub section: u16,
}

/// The archive's posting lists: each term (an unfolded stem) with its postings in document
/// order, written out as they are gathered.
pub struct Postings {
    pub terms: Vec<(String, PostingList)>,
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

    /// The first posting's gap is its document, also document 0.
    #[test]
    fn the_first_gap_is_the_document() {
        let p = |doc| Posting {
            doc,
            weight: 1,
            section: 1,
        };
        let numbers = |list: &[Posting]| read_numbers(&PostingList::of(list, 10).text);
        assert_eq!(numbers(&[p(0), p(5)]), Some(vec![0, 1, 1, 5, 1, 1]));
        assert_eq!(numbers(&[p(4)]), Some(vec![4, 1, 1]));
    }

    /// Postings come in document order, each document once: the gaps are written as they come.
    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "postings out of order")]
    fn a_posting_out_of_order_is_caught() {
        let p = |doc| Posting {
            doc,
            weight: 1,
            section: 1,
        };
        PostingList::of(&[p(3), p(3)], 10);
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
}
