//! Meetings: `meeting:` and programme `document:` names resolved to documents, with a
//! suggestion when a name matches nothing.

use crate::core::diagnostics::{did_you_mean, Diagnostic, Diagnostics};
use crate::core::kind::Kind;
use crate::core::messages::msg;
use crate::core::slug::slugify;
use crate::model::document::Document;
use std::collections::HashMap;

pub fn resolve_meetings(documents: &mut [Document], diagnostics: &mut Diagnostics) {
    let mut meetings: HashMap<String, usize> = HashMap::new();
    for (i, doc) in documents.iter().enumerate() {
        if doc.front.kind == Kind::Meeting {
            if let Some(&first) = meetings.get(&doc.slug) {
                diagnostics.push(
                    Diagnostic::error(doc.source.clone(), format!("two meetings have the slug \"{}\": {} and this one", doc.slug, crate::core::diagnostics::display_path(&documents[first].source)))
                        .at(1, 1)
                        .hint("meeting slugs must be unique across the archive: rename one file or give it a `slug:`"),
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
        match meetings.get(&slugify(&name)) {
            Some(&m) => doc.meeting = Some(m),
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
    // Programme items may name documents: each is resolved here, once, and stored. A slug
    // names the newest document that has it, preferring one that is not itself a meeting.
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
    let resolved: Vec<Vec<Option<usize>>> = documents
        .iter()
        .map(|doc| {
            doc.front
                .programme
                .iter()
                .map(|item| {
                    let target = slugify(item.document.as_deref()?);
                    slugs.get(target.as_str()).copied()
                })
                .collect()
        })
        .collect();
    for doc in documents.iter() {
        for item in &doc.front.programme {
            if let Some(target) = &item.document {
                if !slugs.contains_key(slugify(target).as_str()) {
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
    for (doc, programme) in documents.iter_mut().zip(resolved) {
        doc.programme_documents = programme;
    }
}
