//! The quick path for the most common save: one document changed, and it keeps its address,
//! its kind and its place in the archive's order (newest first), so no other document moves.
//! The published model is changed in place: the document is rendered, its links resolved, and
//! of the archive-wide steps only those it can change are done again: its meeting's programme
//! matched (the meeting it left, the one it joined, or its own when it is a meeting), the
//! indexes built again only when it moved between lists, its card (and, for a meeting, its
//! documents' cards) made again. The link and PDF indexes wait until saves pause. Only the
//! pages that show what changed are rendered (`affected::pages_showing`). `None` means the
//! change needs the general rebuild, which also reports every problem.

use super::affected::{is_deferrable, pages_showing, text_changed, Moves, Reach};
use super::incremental::{SiteBuilder, Update};
use crate::core::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::core::kind::Kind;
use crate::load::content::{self, CONTENT_DIR};
use crate::model::indexes::{build_indexes, meeting_documents_of};
use crate::model::links::{apply_hrefs, document_hrefs, LinkTargets};
use crate::model::meetings::{
    meeting_named, place_documents, programme_documents, programme_slugs,
};
use crate::model::{archive_order, render_document, Archive, Document};
use crate::pipeline::{self, StageTimings};
use crate::render::context::card;
use crate::render::{self, Page, Renderer};
use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

impl SiteBuilder {
    /// Applies a save of `rel` (relative to `content/`) to the published model when it keeps
    /// the document's place; `None` when it does not, or when anything about it is wrong.
    pub(super) fn edit_in_place(
        &mut self,
        rel: &Path,
        timings: &mut StageTimings,
        start: Instant,
    ) -> Option<Result<Update, Diagnostics>> {
        let is_error = |d: &Diagnostic| d.severity == Severity::Error;
        if self.needs_full
            || self.load_problems.values().flatten().any(is_error)
            || self.walk_problems.iter().any(is_error)
            || self.load_problems.contains_key(rel)
            || rel.extension().is_none_or(|e| e != "md")
        {
            return None;
        }
        let content_root = self.site_root.join(CONTENT_DIR);
        let source = match content::load_document(&content_root, rel, self.drafts) {
            Ok(Some(source)) => source,
            _ => return None,
        };
        if self.sources.get(rel)?.slug != source.slug {
            return None;
        }
        let tera = self.templates().ok()?;
        let (Some((config, theme)), Some(published)) = (&self.setup, &mut self.published) else {
            return None;
        };
        let i = *published.by_source.get(rel)?;
        let archive = Arc::get_mut(&mut published.archive)?;
        // A new address or kind is for the general rebuild; known before rendering anything.
        let old = &archive.documents[i];
        let url = crate::routes::document(source.front.date.map(|d| d.year), &source.slug);
        if url != old.url || source.front.kind != old.front.kind {
            return None;
        }
        let label = crate::core::i18n::text(config.language, "table");
        let (fresh, problems) = render_document(source.clone(), &self.site_root, label);
        if !problems.is_empty() {
            return None;
        }
        let mut diagnostics = Diagnostics::default();
        let doc = placed(archive, i, fresh.clone(), &self.site_root, &mut diagnostics)?;
        let old = &archive.documents[i];
        let lang = archive.config.language;
        let new_card = card(archive, &doc, lang);
        let reach = if let Some(moves) = Moves::between((archive, old), (archive, &doc)) {
            Reach::Moved(moves)
        } else if old.front != doc.front || published.cards[i] != new_card {
            Reach::Card
        } else if text_changed(old, &doc) {
            Reach::Text
        } else {
            // Saved as it was, or changed only where no page shows it (the link index's line
            // numbers follow once saves pause).
            let mut doc = doc;
            doc.programme_item = old.programme_item;
            doc.programme_documents = old.programme_documents.clone();
            archive.documents[i] = doc;
            self.links_stale = true;
            self.cache.insert(rel.to_path_buf(), (fresh, Vec::new()));
            self.sources.insert(rel.to_path_buf(), source);
            return Some(Ok(Update {
                language: lang,
                assets: pipeline::copied_files(archive, theme),
                timings: std::mem::take(timings),
                ..Update::default()
            }));
        };
        let t = timings.record("model", start);
        let moved = matches!(reach, Reach::Moved(_));

        // From here on the published model changes: an error means starting afresh next time.
        // Pages are picked before and after the change; when the document moved between
        // lists, the indexes are made again and pages are paired by their output paths.
        let before = render::all_pages(archive);
        let mut shown_before = pages_showing(archive, i, &before, reach);
        let paths_before: HashSet<String> = if moved {
            shown_before
                .drain(..)
                .map(|p| render::page_path(archive, p))
                .collect()
        } else {
            HashSet::new()
        };
        let old = std::mem::replace(&mut archive.documents[i], doc);
        let mut meetings: Vec<usize> = old.meeting.into_iter().collect();
        meetings.extend(archive.documents[i].meeting);
        if archive.documents[i].front.kind == Kind::Meeting {
            meetings.push(i);
        }
        meetings.sort_unstable();
        meetings.dedup();
        place_documents(&mut archive.documents, Some(&meetings), &mut diagnostics);
        if moved {
            archive.indexes = build_indexes(&archive.documents);
        } else {
            for &m in &meetings {
                let docs = meeting_documents_of(&archive.documents, m);
                if docs.is_empty() {
                    archive.indexes.meeting_documents.remove(&m);
                } else {
                    archive.indexes.meeting_documents.insert(m, docs);
                }
            }
        }
        // Each document shown with the cards it appears on: this one, and a meeting's
        // documents, whose cards name the meeting.
        let mut shown = vec![(i, reach)];
        published.cards.set(i, new_card);
        if archive.documents[i].front.kind == Kind::Meeting {
            let named: Vec<usize> = (0..archive.documents.len())
                .filter(|&d| archive.documents[d].meeting == Some(i))
                .collect();
            for d in named {
                if published
                    .cards
                    .set(d, card(archive, &archive.documents[d], lang))
                {
                    shown.push((d, Reach::Card));
                }
            }
        }
        let all = if moved {
            render::all_pages(archive)
        } else {
            before
        };
        let mut picked: HashSet<Page> = shown_before.into_iter().collect();
        for (d, reach) in shown {
            picked.extend(pages_showing(archive, d, &all, reach));
        }
        self.links_stale = true;
        let mut removed = Vec::new();
        let mut pages = Vec::new();
        if moved {
            let mut now_paths = HashSet::new();
            for &page in &all {
                let path = render::page_path(archive, page);
                let wanted = picked.contains(&page) || paths_before.contains(&path);
                if is_deferrable(page) {
                    if wanted {
                        self.deferred.insert(path);
                    }
                    continue;
                }
                if wanted {
                    pages.push(page);
                }
                now_paths.insert(path);
            }
            // A list it was the only document of is gone.
            removed = published
                .paths
                .iter()
                .filter(|p| !now_paths.contains(*p))
                .cloned()
                .collect();
            published.paths = now_paths;
        } else {
            for &page in all.iter().filter(|p| picked.contains(p)) {
                if is_deferrable(page) {
                    self.deferred.insert(render::page_path(archive, page));
                } else {
                    pages.push(page);
                }
            }
        }
        let t = timings.record("model steps", t);
        let renderer =
            Renderer::with_parts(archive, theme, tera, std::mem::take(&mut published.cards));
        let (files, problems) = renderer.render_pages(&pages);
        published.cards = renderer.cards;
        timings.record("render", t);
        diagnostics.extend(problems.items);
        diagnostics.sort();
        let result = if diagnostics.has_errors() {
            // The published model now holds the new text but the served pages do not: start
            // from scratch next time rather than trust a comparison with it.
            self.needs_full = true;
            Err(diagnostics)
        } else {
            Ok(Update::partial(
                archive,
                theme,
                files,
                removed,
                diagnostics,
                std::mem::take(timings),
            ))
        };
        self.cache.insert(rel.to_path_buf(), (fresh, Vec::new()));
        self.sources.insert(rel.to_path_buf(), source);
        Some(result)
    }
}

/// `fresh`, the new rendering of document `i`, made ready to take its place: its meeting and
/// access found, its programme's documents named, its links resolved and its attachments read.
/// `None` when it would not stay where it is (address, kind, order, access, the anchors others
/// link to), or when anything about it is wrong (which the general rebuild then reports).
fn placed(
    archive: &Archive,
    i: usize,
    mut doc: Document,
    site_root: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<Document> {
    let documents = &archive.documents;
    let old = &documents[i];
    let order = |a: &Document, b: &Document| {
        archive_order((&a.front, &a.source), (&b.front, &b.source)).is_lt()
    };
    let stays = i.checked_sub(1).is_none_or(|p| order(&documents[p], &doc))
        && documents.get(i + 1).is_none_or(|n| order(&doc, n));
    if doc.url != old.url
        || doc.front.kind != old.front.kind
        || !stays
        || super::affected::anchors(old) != super::affected::anchors(&doc)
    {
        return None;
    }
    // Its meeting, by name, as `model::meetings` finds it; a name that matches no meeting is
    // an error the general rebuild reports.
    doc.meeting = match doc.front.meeting.as_deref() {
        Some(name) => Some(meeting_named(documents, &archive.indexes.meetings, name)?),
        None => None,
    };
    // Members-only or public as `model::area::effective_access` decides; a meeting passes its
    // own on to its documents, which therefore must not change.
    doc.access = doc.front.access.unwrap_or_else(|| {
        doc.meeting
            .and_then(|m| documents[m].front.access)
            .unwrap_or_default()
    });
    if doc.access != old.access
        || (doc.front.kind == Kind::Meeting && doc.front.access != old.front.access)
    {
        return None;
    }
    let names = doc
        .front
        .programme
        .iter()
        .any(|item| item.document.is_some());
    let slugs = if names {
        programme_slugs(documents)
    } else {
        Default::default()
    };
    let (found, members) = programme_documents(&doc, &slugs, &archive.area.hidden_slugs);
    let unknown = doc
        .front
        .programme
        .iter()
        .zip(found.iter().zip(&members))
        .any(|(item, (found, hidden))| item.document.is_some() && found.is_none() && !hidden);
    if unknown {
        return None;
    }
    doc.programme_documents = found;
    doc.programme_members = members;
    if doc
        .links
        .iter()
        .any(|l| l.is_internal || l.target.starts_with('#'))
    {
        let targets =
            LinkTargets::new(documents, &archive.assets, &archive.area).replacing(i, &doc);
        let mut resolved = document_hrefs(documents, &targets, i, &doc);
        if resolved
            .problems
            .iter()
            .any(|p| p.severity == Severity::Error)
        {
            return None;
        }
        diagnostics.extend(std::mem::take(&mut resolved.problems));
        apply_hrefs(&mut doc, resolved, &archive.texts);
    }
    crate::model::pdf::fill_attachments(std::slice::from_mut(&mut doc), site_root, diagnostics);
    if diagnostics.has_errors() {
        return None;
    }
    Some(doc)
}
