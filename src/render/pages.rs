//! Every page the site has, as a `Page` job, and where each is written. Listed from the model
//! alone, so serve can work out which pages an edit touches without rendering anything.

use crate::core::kind::Kind;
use crate::model::Archive;
use crate::routes;

/// One page of the output, before it is rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    Home,
    Document(usize),
    ArchiveIndex,
    Year(i32),
    Kind(Kind),
    Committee(usize),
    Tag(usize),
    Author(usize),
    CommitteeIndex,
    TagIndex,
    AuthorIndex,
    Meetings,
    Feed,
    Sitemap,
    NotFound,
    /// A deck's presentation and speaker view (`<deck>/slides/`).
    Presentation(usize),
    /// A deck's printable handout (`<deck>/handout/`).
    Handout(usize),
    /// A meeting's printable pack (`<meeting>/pack/`).
    Pack(usize),
    /// Every PDF attached or linked to (`pdfs/`).
    Pdfs,
    /// Every link of every document, with check results (`links/`): an overview of hosts.
    Links,
    /// One page (0-based) of one host of the link index (`links/<host>/`, `links/<host>/2/`).
    LinkHost(usize, usize),
    /// One page of one year or host of the PDF index (`pdfs/<year>/`, `pdfs/host-<host>/`).
    PdfGroup(usize, usize),
    /// Full-text search of the archive (`search/`), run in the browser.
    Search,
    /// The icon made from the association's initials (`favicon.svg`), unless the site has
    /// its own.
    Favicon,
}

/// Every page the site has, in a stable order.
pub fn all_pages(archive: &Archive) -> Vec<Page> {
    let ix = &archive.indexes;
    let mut pages = vec![
        Page::Home,
        Page::ArchiveIndex,
        Page::Meetings,
        Page::CommitteeIndex,
        Page::TagIndex,
        Page::AuthorIndex,
        Page::Pdfs,
        Page::Links,
        Page::Search,
    ];
    // The feed, sitemap, error page and icon are the public site's alone.
    if !archive.area.members {
        pages.extend([Page::Feed, Page::Sitemap, Page::NotFound]);
        if !crate::render::favicon::has_own(archive) {
            pages.push(Page::Favicon);
        }
    }
    let here = |i: &usize| archive.has_page(*i);
    pages.extend(
        (0..archive.documents.len())
            .filter(here)
            .map(Page::Document),
    );
    pages.extend(ix.years.keys().map(|&y| Page::Year(y)));
    pages.extend(
        Kind::ALL
            .iter()
            .filter(|k| **k != Kind::Page)
            .map(|&k| Page::Kind(k)),
    );
    pages.extend((0..ix.committees.len()).map(Page::Committee));
    pages.extend((0..ix.tags.len()).map(Page::Tag));
    pages.extend((0..ix.authors.len()).map(Page::Author));
    let decks = archive
        .documents
        .iter()
        .enumerate()
        .filter(|(i, d)| d.front.kind == Kind::Slides && !d.slides.is_empty() && here(i));
    pages.extend(decks.flat_map(|(i, _)| [Page::Presentation(i), Page::Handout(i)]));
    pages.extend(
        ix.meetings
            .iter()
            .filter(|m| here(m))
            .map(|&m| Page::Pack(m)),
    );
    let sections = |list: &[crate::model::link_model::Section]| -> Vec<(usize, usize)> {
        let pages = list.iter().enumerate();
        pages
            .flat_map(|(s, x)| (0..x.pages.len()).map(move |p| (s, p)))
            .collect()
    };
    let links = &archive.links;
    pages.extend(
        sections(&links.hosts)
            .into_iter()
            .map(|(s, p)| Page::LinkHost(s, p)),
    );
    pages.extend(
        sections(&links.pdf_groups)
            .into_iter()
            .map(|(s, p)| Page::PdfGroup(s, p)),
    );
    pages
}

/// Output path of a page, relative to the output folder; free of a `Renderer` so serve can
/// name the pages of an older model after the templates changed.
pub fn page_path(archive: &Archive, page: Page) -> String {
    let ix = &archive.indexes;
    let dir = match page {
        Page::Home => String::new(),
        Page::Document(i) => archive.documents[i].url.clone(),
        Page::ArchiveIndex => routes::archive(None),
        Page::Year(y) => routes::archive(Some(y)),
        Page::Kind(k) => routes::kind(k.as_str()),
        Page::Committee(i) => routes::group(routes::COMMITTEES, Some(&ix.committees[i].slug)),
        Page::Tag(i) => routes::group(routes::TAGS, Some(&ix.tags[i].slug)),
        Page::Author(i) => routes::group(routes::AUTHORS, Some(&ix.authors[i].slug)),
        Page::CommitteeIndex => routes::group(routes::COMMITTEES, None),
        Page::TagIndex => routes::group(routes::TAGS, None),
        Page::AuthorIndex => routes::group(routes::AUTHORS, None),
        Page::Meetings => routes::section(routes::MEETINGS),
        Page::Pdfs => routes::section(routes::PDFS),
        Page::Links => routes::section(routes::LINKS),
        Page::LinkHost(s, p) => archive.links.hosts[s].url(routes::LINKS, p),
        Page::PdfGroup(s, p) => archive.links.pdf_groups[s].url(routes::PDFS, p),
        Page::Search => routes::section(routes::SEARCH),
        Page::Feed => return routes::FEED.into(),
        Page::Sitemap => return routes::SITEMAP.into(),
        Page::NotFound => return routes::NOT_FOUND.into(),
        Page::Favicon => return routes::FAVICON_SVG.into(),
        Page::Presentation(i) => routes::presentation(&archive.documents[i].url),
        Page::Handout(i) => routes::handout(&archive.documents[i].url),
        Page::Pack(i) => routes::pack(&archive.documents[i].url),
    };
    format!("{dir}index.html")
}
