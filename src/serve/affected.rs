//! Which pages an edit affects. Every page is rendered from the model by `render`; this module
//! knows which parts of the model each kind of page shows, so that after an edit only pages
//! that can look different are rendered again: a document's own pages, the lists it is on, its
//! neighbours, its meeting, and the site-wide pages. A page kind it does not know counts as
//! site-wide, so new pages stay correct (if slower) until they are described here.

use crate::core::kind::Kind;
use crate::core::slug::slugify;
use crate::model::{Archive, Document};
use crate::render::cards::Cards;
use crate::render::context::Card;
use crate::render::{self, Page};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

/// The last model that was published, kept to compare the next one with.
pub struct Published {
    /// Shared with the search-index worker, which reads it after the pages are served.
    pub archive: Arc<Archive>,
    /// Each document's card, to see when the way it is listed changed.
    pub cards: Cards,
    /// The kind navigation (with counts) every page gets; when it changes, every page does.
    pub kind_nav: String,
    /// Document index by path relative to `content/`, to pair old and new documents.
    pub by_source: HashMap<PathBuf, usize>,
    /// The output path of every page rendered with the edited ones, to find pages that no
    /// longer exist.
    pub paths: HashSet<String>,
    /// The output paths of the site-wide pages rendered after them (`is_deferrable`), as
    /// last rendered.
    pub later_paths: HashSet<String>,
}

/// The output paths whose content can differ between the published model and the new one, or
/// `None` when every page must be rendered (what every page shows changed).
pub fn affected_paths(
    old: &Published,
    new: &Archive,
    new_cards: &[Card],
    new_kind_nav: &str,
    new_pages: &[Page],
) -> Option<HashSet<String>> {
    // The kinds' counts and the preview band are on every page.
    if old.kind_nav != new_kind_nav || old.archive.area.preview != new.area.preview {
        return None;
    }
    let oa = &old.archive;
    let mut dirty_old = Vec::new();
    let mut dirty_new = Vec::new();
    let mut seen = vec![false; oa.documents.len()];
    // Each document that changed reaches the pages of the old model and of the new one that
    // show what changed of it; a document listed elsewhere than before moves no other one
    // between lists, so theirs stay as they were.
    for (j, d) in new.documents.iter().enumerate() {
        match old.by_source.get(&d.content_path) {
            None => dirty_new.push((j, Reach::Moved(Moves::ALL))),
            Some(&i) => {
                seen[i] = true;
                let o = &oa.documents[i];
                let reach = if let Some(moves) = Moves::between((oa, o), (new, d)) {
                    Reach::Moved(moves)
                } else if o.front != d.front || old.cards[i] != new_cards[j] {
                    Reach::Card
                } else if text_changed(o, d) {
                    Reach::Text
                } else {
                    continue;
                };
                dirty_old.push((i, reach));
                dirty_new.push((j, reach));
            }
        }
    }
    dirty_old.extend(
        seen.iter()
            .enumerate()
            .filter(|(_, s)| !**s)
            .map(|(i, _)| (i, Reach::Moved(Moves::ALL))),
    );
    let mut paths = HashSet::new();
    let old_pages = render::all_pages(oa);
    for (i, reach) in dirty_old {
        let pages = pages_showing(oa, i, &old_pages, reach);
        paths.extend(pages.into_iter().map(|p| render::page_path(oa, p)));
    }
    for (j, reach) in dirty_new {
        let pages = pages_showing(new, j, new_pages, reach);
        paths.extend(pages.into_iter().map(|p| render::page_path(new, p)));
    }
    Some(paths)
}

/// The source file of a document's meeting, which pairs meetings of two models.
fn meeting_of<'a>(archive: &'a Archive, doc: &Document) -> Option<&'a std::path::Path> {
    doc.meeting
        .map(|m| archive.documents[m].content_path.as_path())
}

/// Whether the text a document's own pages show differs.
pub fn text_changed(o: &Document, d: &Document) -> bool {
    o.html != d.html
        || o.summary != d.summary
        || o.sections != d.sections
        || o.slides.len() != d.slides.len()
        || o.slides
            .iter()
            .zip(&d.slides)
            .any(|(a, b)| a.html != b.html || a.notes_html != b.notes_html || a.title != b.title)
}

/// What changed of where a document is listed (`Reach::Moved`): its committee, tags or
/// authors, each counted on a site-wide page of its own; `all` for anything else that moves it
/// (its address, and so its year; its kind or access; a document added or removed), which
/// reaches every page. A new date within the year or another meeting are in none of these:
/// the lists and site-wide pages that show them list the document, and the sitemap (which has
/// every date) follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Moves {
    pub committee: bool,
    pub tags: bool,
    pub authors: bool,
    pub all: bool,
}

impl Moves {
    pub const ALL: Moves = Moves {
        committee: true,
        tags: true,
        authors: true,
        all: true,
    };

    /// What moved between a document of one model and the same document of another; `None`
    /// when it is listed where it was: the same address, date, kind, committee, tags, authors,
    /// meeting and access, so every list, count, index and the sitemap stay as they were.
    pub fn between(old: (&Archive, &Document), new: (&Archive, &Document)) -> Option<Moves> {
        let ((oa, o), (na, d)) = (old, new);
        let moves = Moves {
            committee: o.front.committee != d.front.committee,
            tags: o.front.tags != d.front.tags,
            authors: o.front.authors != d.front.authors,
            all: o.url != d.url || o.front.kind != d.front.kind || o.access != d.access,
        };
        let same = moves == Moves::default()
            && o.front.date == d.front.date
            && meeting_of(oa, o) == meeting_of(na, d);
        (!same).then_some(moves)
    }
}

/// How far the edit of one document reaches, from the least to the most pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Only its text: the pages that show the text itself (its own pages, its meeting's pack).
    Text,
    /// How it looks where it is listed (its card: title, summary...) or its front matter, but
    /// not where it is listed: every page that shows it, and of the site-wide pages only those
    /// that list this document.
    Card,
    /// Where it is listed (date, groups, meeting, access, address): every page that shows it,
    /// the sitemap, and the site-wide pages that list it or count what moved.
    Moved(Moves),
}

/// The pages an edit of document `i` that reaches as far as `reach` can change (`pages_of`,
/// narrowed for the lesser reaches).
pub fn pages_showing(archive: &Archive, i: usize, all: &[Page], reach: Reach) -> Vec<Page> {
    let pages = pages_of(archive, i, all);
    match reach {
        Reach::Moved(moves) if moves.all => pages,
        Reach::Moved(moves) => pages
            .into_iter()
            .filter(|&p| lists_move(archive, i, p, moves))
            .collect(),
        Reach::Card => pages
            .into_iter()
            .filter(|&p| lists_card(archive, i, p))
            .collect(),
        Reach::Text => pages
            .into_iter()
            .filter(|&p| shows_text(archive, i, p))
            .collect(),
    }
}

/// Whether `page` shows document `i`'s text itself (not only its card).
fn shows_text(archive: &Archive, i: usize, page: Page) -> bool {
    let d = &archive.documents[i];
    match page {
        Page::Document(x) | Page::Presentation(x) | Page::Handout(x) => x == i,
        Page::Pack(x) => x == i || Some(x) == d.meeting,
        // The home page features a meeting, with its text.
        Page::Home => d.front.kind == Kind::Meeting,
        // It lists the link index's pages, which `render_deferred` renders it with.
        Page::Sitemap => false,
        _ => is_deferrable(page),
    }
}

/// Whether `page`, one of `pages_of(archive, i)`, can change when document `i` moved as
/// `moves` says: the sitemap has every date; the archive page counts each committee's
/// documents, and the committee, tag and author indexes count theirs; every other page that
/// can change lists the document (`lists_card`).
fn lists_move(archive: &Archive, i: usize, page: Page, moves: Moves) -> bool {
    match page {
        Page::Sitemap => true,
        Page::ArchiveIndex => moves.committee || lists_card(archive, i, page),
        Page::CommitteeIndex => moves.committee,
        Page::TagIndex => moves.tags,
        Page::AuthorIndex => moves.authors,
        _ => lists_card(archive, i, page),
    }
}

/// Whether `page`, one of `pages_of(archive, i)`, can show document `i`'s card when where
/// the document is listed did not change. Pages about one document or group are kept (they are
/// in `pages_of` because they show it); of the site-wide pages, the home page shows the latest
/// documents, the site's pages and a meeting with its programme, the archive page each year's
/// newest, the meetings page every meeting with its documents, the feed the newest documents;
/// a deck's presentation and handout show only the deck and the title of its meeting.
/// The sitemap and the committee, tag and author indexes show addresses, dates, names and
/// counts only, and the search and error pages no document.
fn lists_card(archive: &Archive, i: usize, page: Page) -> bool {
    let d = &archive.documents[i];
    let ix = &archive.indexes;
    let in_meeting = d.front.kind == Kind::Meeting || d.meeting.is_some();
    let on_programme = || {
        ix.meetings
            .iter()
            .any(|&m| archive.documents[m].programme_documents.contains(&Some(i)))
    };
    match page {
        // A deck's presentation and handout show the deck and its meeting's title.
        Page::Presentation(x) | Page::Handout(x) => {
            x == i || archive.documents[x].meeting == Some(i)
        }
        Page::Home => {
            in_meeting
                || ix.pages.contains(&i)
                || render::home_latest(archive).any(|x| x == i)
                || on_programme()
        }
        Page::ArchiveIndex => d
            .year()
            .and_then(|y| ix.years.get(&y))
            .is_some_and(|list| list.iter().take(render::YEAR_LATEST).any(|&x| x == i)),
        Page::Meetings => in_meeting,
        Page::Feed => ix
            .dated
            .iter()
            .take(render::feeds::FEED_ENTRIES)
            .any(|&x| x == i),
        Page::Sitemap
        | Page::CommitteeIndex
        | Page::TagIndex
        | Page::AuthorIndex
        | Page::Search
        | Page::NotFound
        | Page::Favicon => false,
        _ => true,
    }
}

/// The anchors other documents can link to: heading ids and slide numbers.
pub fn anchors(d: &Document) -> (Vec<&str>, usize) {
    let mut ids: Vec<&str> = d.headings.iter().map(|h| h.id).collect();
    ids.sort_unstable();
    (ids, d.slides.len())
}

/// Pages about the whole site that no edit of one document is waiting to see: rendered after
/// the edited pages. Page kinds this module does not know are treated the same way. The
/// sitemap is one of them: it lists the link and PDF index pages, which are worked out then.
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
    let (newer, older) = ix.kind_neighbours(d.front.kind, i);
    docs.extend(newer.into_iter().chain(older));
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
