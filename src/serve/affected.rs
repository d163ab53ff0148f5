//! Which pages an edit affects. Every page is rendered from the model by `render`; this module
//! knows which parts of the model each kind of page shows, so that after an edit only pages
//! that can look different are rendered again: a document's own pages, the lists it is on, its
//! neighbours, its meeting, and the site-wide pages. A page kind it does not know counts as
//! site-wide, so new pages stay correct (if slower) until they are described here.

use crate::core::diagnostics::Diagnostic;
use crate::core::kind::Kind;
use crate::core::slug::slugify;
use crate::model::{Archive, Document};
use crate::render::{self, Page};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

/// The last model that was published, kept to compare the next one with.
pub struct Published {
    /// Shared with the search-index worker, which reads it after the pages are served.
    pub archive: Arc<Archive>,
    /// Each document's card as JSON, to see when the way it is listed changed.
    pub cards: Vec<String>,
    /// The kind navigation (with counts) every page gets; when it changes, every page does.
    pub kind_nav: String,
    /// Document index by path relative to `content/`, to pair old and new documents.
    pub by_source: HashMap<PathBuf, usize>,
    /// Every page's output path, to find pages that no longer exist.
    pub paths: HashSet<String>,
}

/// The output paths whose content can differ between the published model and the new one, or
/// `None` when every page must be rendered (what every page shows changed).
pub fn affected_paths(
    old: &Published,
    new: &Archive,
    new_cards: &[String],
    new_kind_nav: &str,
    new_pages: &[Page],
) -> Option<HashSet<String>> {
    if old.kind_nav != new_kind_nav {
        return None;
    }
    let oa = &old.archive;
    let mut dirty_old = Vec::new();
    let mut dirty_new = Vec::new();
    let mut seen = vec![false; oa.documents.len()];
    for (j, d) in new.documents.iter().enumerate() {
        match old.by_source.get(&d.content_path) {
            None => dirty_new.push(j),
            Some(&i) => {
                seen[i] = true;
                let o = &oa.documents[i];
                let meeting_of = |a: &Archive, doc: &Document| {
                    doc.meeting.map(|m| a.documents[m].content_path.clone())
                };
                let changed = o.url != d.url
                    || o.front != d.front
                    || o.html != d.html
                    || o.summary != d.summary
                    || old.cards[i] != new_cards[j]
                    || meeting_of(oa, o) != meeting_of(new, d)
                    || o.slides.len() != d.slides.len()
                    || o.slides.iter().zip(&d.slides).any(|(a, b)| {
                        a.html != b.html || a.notes_html != b.notes_html || a.title != b.title
                    });
                if changed {
                    dirty_old.push(i);
                    dirty_new.push(j);
                }
            }
        }
    }
    dirty_old.extend(
        seen.iter()
            .enumerate()
            .filter(|(_, s)| !**s)
            .map(|(i, _)| i),
    );
    let mut paths = HashSet::new();
    let old_pages = render::all_pages(oa);
    for i in dirty_old {
        let pages = pages_of(oa, i, &old_pages);
        paths.extend(pages.into_iter().map(|p| render::page_path(oa, p)));
    }
    for j in dirty_new {
        let pages = pages_of(new, j, new_pages);
        paths.extend(pages.into_iter().map(|p| render::page_path(new, p)));
    }
    Some(paths)
}

/// The anchors other documents can link to: heading ids and slide numbers.
pub fn anchors(d: &Document) -> (Vec<&str>, usize) {
    let mut ids: Vec<&str> = d.headings.iter().map(|h| h.id.as_str()).collect();
    ids.sort_unstable();
    (ids, d.slides.len())
}

/// Resolves the internal links of `doc` (about to replace document `i`) against the archive, as
/// `links::resolve_internal_links` does for every document.
pub fn resolve_links(
    archive: &Archive,
    i: usize,
    doc: &mut Document,
) -> Result<(), Vec<Diagnostic>> {
    use crate::model::links::{apply_hrefs, document_hrefs, LinkTargets};
    if doc
        .links
        .iter()
        .all(|l| !l.is_internal && !l.target.starts_with('#'))
    {
        return Ok(());
    }
    let (hrefs, problems) = document_hrefs(
        &archive.documents,
        &LinkTargets::new(&archive.documents, &archive.assets, &archive.area),
        i,
        doc,
    );
    if !problems.is_empty() {
        return Err(problems);
    }
    apply_hrefs(doc, &hrefs);
    Ok(())
}

/// Pages about the whole site that no edit of one document is waiting to see: rendered after
/// the edited pages. Page kinds this module does not know are treated the same way.
pub fn is_deferrable(page: Page) -> bool {
    !matches!(
        page,
        Page::Home
            | Page::Document(_)
            | Page::ArchiveIndex
            | Page::Year(_)
            | Page::Kind(_)
            | Page::Committee(_)
            | Page::Tag(_)
            | Page::Author(_)
            | Page::CommitteeIndex
            | Page::TagIndex
            | Page::AuthorIndex
            | Page::Meetings
            | Page::Feed
            | Page::Sitemap
            | Page::NotFound
            | Page::Presentation(_)
            | Page::Handout(_)
            | Page::Pack(_)
    )
}

/// Every page that shows something of document `i`: its own pages (page, presentation,
/// handout, pack), the lists it is counted or listed on, its neighbours (previous/next link),
/// its meeting and the meeting's other documents, meetings whose programme names it, and every
/// page not about one document or group (home, indexes, feed, search...). `all` is
/// `render::all_pages(archive)`; pages are picked from it so pages added to the theme later
/// are covered: a page kind this function does not know counts as a site-wide page.
pub fn pages_of(archive: &Archive, i: usize, all: &[Page]) -> Vec<Page> {
    let d = &archive.documents[i];
    let ix = &archive.indexes;
    let mut docs: HashSet<usize> = HashSet::from([i]);
    let mut lists: HashSet<Page> = HashSet::new();
    if d.front.kind != Kind::Page {
        if let Some(y) = d.year() {
            lists.insert(Page::Year(y));
        }
        lists.insert(Page::Kind(d.front.kind));
    }
    let group = |groups: &[crate::model::Group], name: &str| {
        let slug = slugify(name);
        groups.iter().position(|g| g.slug == slug)
    };
    if let Some(g) = d
        .front
        .committee
        .as_deref()
        .and_then(|c| group(&ix.committees, c))
    {
        lists.insert(Page::Committee(g));
    }
    lists.extend(
        d.front
            .tags
            .iter()
            .filter_map(|t| group(&ix.tags, t))
            .map(Page::Tag),
    );
    lists.extend(
        d.front
            .authors
            .iter()
            .filter_map(|a| group(&ix.authors, a))
            .map(Page::Author),
    );
    if let Some(same_kind) = ix.kinds.get(&d.front.kind) {
        if let Some(pos) = same_kind.iter().position(|&x| x == i) {
            docs.extend(pos.checked_sub(1).and_then(|p| same_kind.get(p)));
            docs.extend(same_kind.get(pos + 1));
        }
    }
    for meeting in d.meeting.into_iter().chain(Some(i)) {
        if let Some(members) = ix.meeting_documents.get(&meeting) {
            docs.insert(meeting);
            docs.extend(members.iter().copied());
        }
    }
    for &m in &ix.meetings {
        let names_it = archive.documents[m].programme_documents.contains(&Some(i));
        if names_it {
            docs.insert(m);
        }
    }
    all.iter()
        .filter(|page| match page {
            Page::Document(x) | Page::Presentation(x) | Page::Handout(x) | Page::Pack(x) => {
                docs.contains(x)
            }
            Page::Year(_) | Page::Kind(_) | Page::Committee(_) | Page::Tag(_) | Page::Author(_) => {
                lists.contains(page)
            }
            Page::NotFound => false,
            _ => true,
        })
        .copied()
        .collect()
}
