//! The archive's indexes: by year, kind, committee, tag, author and meeting, each newest first.

use crate::core::kind::Kind;
use crate::core::slug::slugify;
use crate::model::document::Document;
use std::collections::{BTreeMap, HashMap};

/// A named group of documents (a committee, tag or author) with its URL slug.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Group {
    pub name: String,
    pub slug: String,
    pub documents: Vec<usize>,
}

/// The archive's indexes; each list is newest first.
#[derive(Debug, Default, Clone)]
pub struct Indexes {
    pub years: BTreeMap<i32, Vec<usize>>,
    pub kinds: BTreeMap<Kind, Vec<usize>>,
    pub committees: Vec<Group>,
    pub tags: Vec<Group>,
    pub authors: Vec<Group>,
    /// Meeting documents, newest first.
    pub meetings: Vec<usize>,
    /// For each meeting, the documents that name it, in programme order then by date.
    pub meeting_documents: HashMap<usize, Vec<usize>>,
    /// Dated documents, newest first (everything but pages).
    pub dated: Vec<usize>,
    pub pages: Vec<usize>,
}

impl Indexes {
    /// The documents of its kind just newer and just older than document `i`: `(newer, older)`,
    /// none for a document not listed. Each kind's list holds its documents in the archive's
    /// order (`build_indexes` adds them so), so `i` is found by halving, not by reading the
    /// list: every document page asks, and at 100,000 documents reading took seconds.
    pub fn kind_neighbours(&self, kind: Kind, i: usize) -> (Option<usize>, Option<usize>) {
        let same_kind = self.kinds.get(&kind).map(Vec::as_slice).unwrap_or(&[]);
        match same_kind.binary_search(&i) {
            Ok(p) => (
                p.checked_sub(1).and_then(|p| same_kind.get(p)).copied(),
                same_kind.get(p + 1).copied(),
            ),
            Err(_) => (None, None),
        }
    }
}

pub fn build_indexes<'a>(documents: &'a [Document]) -> Indexes {
    let mut ix = Indexes::default();
    let mut committees: BTreeMap<String, Group> = BTreeMap::new();
    let mut tags: BTreeMap<String, Group> = BTreeMap::new();
    let mut authors: BTreeMap<String, Group> = BTreeMap::new();
    // The same few names come back on document after document: each is slugified once.
    let mut slugs: HashMap<&str, String> = HashMap::new();
    let mut add = |map: &mut BTreeMap<String, Group>, name: &'a str, i: usize| {
        let slug = slugs.entry(name).or_insert_with(|| slugify(name));
        if slug.is_empty() {
            return;
        }
        if !map.contains_key(slug.as_str()) {
            let group = Group {
                name: name.to_string(),
                slug: slug.clone(),
                documents: Vec::new(),
            };
            map.insert(slug.clone(), group);
        }
        let Some(group) = map.get_mut(slug.as_str()) else {
            return;
        };
        if group.documents.last() != Some(&i) {
            group.documents.push(i);
        }
    };
    for (i, doc) in documents.iter().enumerate() {
        if doc.front.kind == Kind::Page {
            ix.pages.push(i);
            continue;
        }
        ix.dated.push(i);
        if let Some(y) = doc.year() {
            ix.years.entry(y).or_default().push(i);
        }
        ix.kinds.entry(doc.front.kind).or_default().push(i);
        if let Some(c) = &doc.front.committee {
            add(&mut committees, c, i);
        }
        for t in &doc.front.tags {
            add(&mut tags, t, i);
        }
        for a in &doc.front.authors {
            add(&mut authors, a, i);
        }
        if doc.front.kind == Kind::Meeting {
            ix.meetings.push(i);
        }
        if let Some(m) = doc.meeting {
            ix.meeting_documents.entry(m).or_default().push(i);
        }
    }
    // A page's tags are shown on it, so they get tag pages too: the pages after the dated
    // documents.
    for &i in &ix.pages {
        for t in &documents[i].front.tags {
            add(&mut tags, t, i);
        }
    }
    // Meeting documents follow the programme (the item each is placed under, resolved once in
    // `model::meetings`); the rest come after, oldest first.
    for (&m, docs) in ix.meeting_documents.iter_mut() {
        order_meeting_documents(documents, m, docs);
    }
    ix.committees = committees.into_values().collect();
    ix.tags = tags.into_values().collect();
    ix.authors = authors.into_values().collect();
    ix
}

/// Sorts meeting `m`'s documents as `Indexes::meeting_documents` holds them: in programme
/// order, then the rest by date.
pub fn order_meeting_documents(documents: &[Document], m: usize, docs: &mut [usize]) {
    let order = &documents[m].programme_documents;
    docs.sort_by_key(|&d| {
        (
            documents[d]
                .programme_item
                .or_else(|| order.iter().position(|&p| p == Some(d)))
                .unwrap_or(usize::MAX),
            documents[d].front.date,
            d,
        )
    });
}

/// The documents of meeting `m` as `build_indexes` lists them, after a change to one of them.
pub fn meeting_documents_of(documents: &[Document], m: usize) -> Vec<usize> {
    let mut docs: Vec<usize> = documents
        .iter()
        .enumerate()
        .filter(|(_, d)| d.front.kind != Kind::Page && d.meeting == Some(m))
        .map(|(i, _)| i)
        .collect();
    order_meeting_documents(documents, m, &mut docs);
    docs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_neighbours_are_the_next_newer_and_older_of_the_kind() {
        let mut ix = Indexes::default();
        ix.kinds.insert(Kind::Newsletter, vec![1, 4, 7, 9]);
        ix.kinds.insert(Kind::Slides, vec![2]);
        assert_eq!(ix.kind_neighbours(Kind::Newsletter, 4), (Some(1), Some(7)));
        assert_eq!(ix.kind_neighbours(Kind::Newsletter, 1), (None, Some(4)));
        assert_eq!(ix.kind_neighbours(Kind::Newsletter, 9), (Some(7), None));
        assert_eq!(ix.kind_neighbours(Kind::Newsletter, 5), (None, None));
        assert_eq!(ix.kind_neighbours(Kind::Slides, 2), (None, None));
        assert_eq!(ix.kind_neighbours(Kind::Minutes, 2), (None, None));
    }
}
