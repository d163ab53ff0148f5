//! Meetings: `meeting:` and programme `document:` names resolved to documents, with a
//! suggestion when a name matches nothing.

use crate::core::diagnostics::{did_you_mean, Diagnostic, Diagnostics};
use crate::core::kind::Kind;
use crate::core::messages::msg;
use crate::core::slug::slugify;
use crate::model::document::Document;
use crate::model::programme_match::{needs_no_document, place, Candidate};
use std::collections::{BTreeMap, HashMap, HashSet};

/// `hidden`: slugs of members-only documents left out of this archive (the public site); a
/// `meeting:` or programme `document:` naming one is no mistake, and the item is marked.
pub fn resolve_meetings(
    documents: &mut [Document],
    hidden: &HashSet<String>,
    diagnostics: &mut Diagnostics,
) {
    let mut meetings: HashMap<String, usize> = HashMap::new();
    for (i, doc) in documents.iter().enumerate() {
        if doc.front.kind == Kind::Meeting {
            if let Some(&first) = meetings.get(&doc.slug) {
                diagnostics.push(
                    Diagnostic::error(
                        doc.source.clone(),
                        msg(
                            "meeting.twice",
                            &[
                                ("slug", &doc.slug),
                                (
                                    "first",
                                    &crate::core::diagnostics::display_path(
                                        &documents[first].source,
                                    ),
                                ),
                            ],
                        ),
                    )
                    .at(1, 1)
                    .hint(msg("meeting.twice.hint", &[])),
                );
            } else {
                meetings.insert(doc.slug.clone(), i);
            }
        }
    }
    let names: Vec<String> = meetings.keys().cloned().collect();
    for doc in documents.iter_mut() {
        let Some(name) = doc.front.meeting.clone() else {
            continue;
        };
        let slug = slugify(&name);
        match meetings.get(&slug) {
            Some(&m) => doc.meeting = Some(m),
            None if hidden.contains(&slug) => {}
            None => {
                let hint = did_you_mean(&name, names.iter().map(String::as_str))
                    .unwrap_or_else(|| msg("meeting.none.hint", &[]));
                diagnostics.push(
                    Diagnostic::error(doc.source.clone(), msg("meeting.none", &[("name", &name)]))
                        .at(doc.front.meeting_line, 10)
                        .hint(hint),
                );
            }
        }
    }
    let slugs = programme_slugs(documents);
    let resolved: Vec<(Vec<Option<usize>>, Vec<bool>)> = documents
        .iter()
        .map(|doc| programme_documents(doc, &slugs, hidden))
        .collect();
    for doc in documents.iter() {
        for item in &doc.front.programme {
            if let Some(target) = &item.document {
                let slug = slugify(target);
                if !slugs.contains_key(slug.as_str()) && !hidden.contains(&slug) {
                    let hint = did_you_mean(target, slugs.keys().copied())
                        .unwrap_or_else(|| msg("programme.no_document.hint", &[]));
                    let problem = msg(
                        "programme.no_document",
                        &[("title", &item.title), ("target", &target)],
                    );
                    diagnostics.push(
                        Diagnostic::error(doc.source.clone(), problem)
                            .at(item.line, 1)
                            .hint(hint),
                    );
                }
            }
        }
    }
    for (doc, (programme, members)) in documents.iter_mut().zip(resolved) {
        doc.programme_documents = programme;
        doc.programme_members = members;
    }
    place_documents(documents, None, diagnostics);
}

/// Documents by slug, for programme items' `document:`: a slug names the newest document
/// that has it, preferring one that is not itself a meeting.
pub fn programme_slugs(documents: &[Document]) -> HashMap<&str, usize> {
    let mut slugs: HashMap<&str, usize> = HashMap::new();
    for (i, d) in documents.iter().enumerate() {
        let held = slugs.get(d.slug.as_str()).copied();
        let better = match held {
            None => true,
            Some(h) => documents[h].front.kind == Kind::Meeting && d.front.kind != Kind::Meeting,
        };
        if better {
            slugs.insert(d.slug.as_str(), i);
        }
    }
    slugs
}

/// The document each programme item of `doc` names with `document:` (`slugs` from
/// `programme_slugs`), and whether it names a members-only document left out (`hidden`).
pub fn programme_documents(
    doc: &Document,
    slugs: &HashMap<&str, usize>,
    hidden: &HashSet<String>,
) -> (Vec<Option<usize>>, Vec<bool>) {
    let named =
        |item: &crate::load::frontmatter::ProgrammeItem| item.document.as_deref().map(slugify);
    doc.front
        .programme
        .iter()
        .map(|item| {
            let target = named(item);
            let found = target.as_deref().and_then(|t| slugs.get(t).copied());
            (found, target.is_some_and(|t| hidden.contains(&t)))
        })
        .unzip()
}

/// The meeting a document's `meeting:` names, among the archive's meetings (the first of two
/// with one slug), if it names one that exists.
pub fn meeting_named(documents: &[Document], meetings: &[usize], name: &str) -> Option<usize> {
    let slug = slugify(name);
    meetings
        .iter()
        .copied()
        .find(|&m| documents[m].front.kind == Kind::Meeting && documents[m].slug == slug)
}

/// Places every document that names a meeting under a programme item: the item whose
/// `document:` names it, else the item it matches (`model::programme_match`). An item without
/// `document:` that gets a matched document links to it (the first, newest). Notes name the
/// documents that match no item and, for a programme written with no `document:` at all, the
/// items that got no document.
///
/// `only`: just these meetings (serve, after one document changed), each with its items that
/// name no `document:` emptied first; every meeting when `None`.
pub fn place_documents(
    documents: &mut [Document],
    only: Option<&[usize]>,
    diagnostics: &mut Diagnostics,
) {
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, d) in documents.iter().enumerate() {
        if let Some(m) = d.meeting {
            if d.front.kind != Kind::Meeting && only.is_none_or(|o| o.contains(&m)) {
                members.entry(m).or_default().push(i);
            }
        }
    }
    for &m in only.unwrap_or_default() {
        let meeting = &mut documents[m];
        for (found, item) in meeting
            .programme_documents
            .iter_mut()
            .zip(&meeting.front.programme)
        {
            if item.document.is_none() {
                *found = None;
            }
        }
    }
    let mut placements: Vec<(usize, Option<usize>)> = Vec::new();
    let mut links: Vec<(usize, usize, usize)> = Vec::new();
    for (&m, docs) in &members {
        let meeting = &documents[m];
        let items = &meeting.front.programme;
        let explicit = &meeting.programme_documents;
        let open: Vec<bool> = items.iter().map(|it| it.document.is_none()).collect();
        let mut rest = Vec::new();
        for &d in docs {
            match explicit.iter().position(|&p| p == Some(d)) {
                Some(i) => placements.push((d, Some(i))),
                None => rest.push(d),
            }
        }
        let candidates: Vec<Candidate<'_>> = rest
            .iter()
            .map(|&d| Candidate {
                title: &documents[d].front.title,
                authors: &documents[d].front.authors,
                kind: documents[d].front.kind,
            })
            .collect();
        let placed = place(items, &open, &candidates, &meeting.front.title);
        for (&d, &p) in rest.iter().zip(&placed) {
            placements.push((d, p));
            match p {
                Some(i) if !links.iter().any(|&(lm, li, _)| lm == m && li == i) => {
                    links.push((m, i, d))
                }
                Some(_) => {}
                // Minutes record the meeting; they are never presented at an item.
                None if !items.is_empty() && documents[d].front.kind != Kind::Minutes => {
                    diagnostics.push(
                        Diagnostic::warning(
                            documents[d].source.clone(),
                            msg(
                                "programme.unplaced",
                                &[
                                    ("title", &documents[d].front.title),
                                    ("meeting", &meeting.front.title),
                                ],
                            ),
                        )
                        .at(documents[d].front.meeting_line.max(1), 1)
                        .hint(msg(
                            "programme.unplaced.hint",
                            &[
                                ("slug", &documents[d].slug),
                                (
                                    "file",
                                    &crate::core::diagnostics::display_path(&meeting.source),
                                ),
                            ],
                        )),
                    )
                }
                None => {}
            }
        }
        if explicit.iter().all(Option::is_none) {
            for (i, item) in items.iter().enumerate() {
                if needs_no_document(item) || placed.contains(&Some(i)) {
                    continue;
                }
                diagnostics.push(
                    Diagnostic::warning(
                        meeting.source.clone(),
                        msg("programme.item_alone", &[("title", &item.title)]),
                    )
                    .at(item.line, 1)
                    .hint(msg("programme.item_alone.hint", &[])),
                );
            }
        }
    }
    for (d, p) in placements {
        documents[d].programme_item = p;
    }
    for (m, i, d) in links {
        documents[m].programme_documents[i] = Some(d);
    }
}
