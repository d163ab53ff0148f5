//! The model: documents with their URLs, rendered bodies, meetings and attachments, and the
//! archive's indexes (year, kind, committee, tag, author, meeting). Built once from loaded
//! content; rendering, search, link index and serve all read it and never go back to disk.

use crate::load::config::SiteConfig;
use crate::load::content::{LoadedContent, SourceDocument};
use crate::core::dates::Date;
use crate::core::diagnostics::{Diagnostic, Diagnostics};
use crate::load::frontmatter::FrontMatter;
use crate::core::kind::Kind;
use crate::markdown::{self, Heading, LinkRef, Section};
use crate::model::slides::split_slides;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

pub mod attachments;
pub mod indexes;
pub mod link_index;
pub mod link_model;
pub mod links;
pub mod meetings;
pub mod pdf;
pub mod slides;
use attachments::resolve_attachments;
use indexes::build_indexes;
use meetings::resolve_meetings;

/// URL folders the theme uses for its own pages; a page slug may not take them.
pub const RESERVED_SLUGS: &[&str] = &[
    "archive",
    "kinds",
    "committees",
    "tags",
    "authors",
    "meetings",
    "search",
    "pdfs",
    "links",
    "static",
];

/// A rendered slide of a deck.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Slide {
    pub number: usize,
    pub title: String,
    pub html: String,
    pub notes_html: Option<String>,
    pub line: usize,
}

/// A file attached to a document, found on disk.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Attachment {
    /// Relative to `content/`, which is also its place in the output.
    pub path: String,
    pub title: String,
    pub file_name: String,
    pub size_bytes: u64,
    pub is_pdf: bool,
    /// Filled by the PDF reader (`pdf`): page count, the PDF's own Title, and its text.
    pub pdf: Option<PdfInfo>,
}

/// What a PDF says about itself; read once at build time.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct PdfInfo {
    pub pages: Option<u32>,
    pub title: Option<String>,
    pub text: String,
}

/// A document of the archive, ready to render.
#[derive(Debug, Clone)]
pub struct Document {
    pub source: PathBuf,
    pub content_path: PathBuf,
    pub slug: String,
    /// Site-relative URL of its folder (`2025/slug/`).
    pub url: String,
    pub front: FrontMatter,
    /// Body HTML with internal links resolved to relative hrefs.
    pub html: String,
    pub headings: Vec<Heading>,
    pub links: Vec<LinkRef>,
    pub sections: Vec<Section>,
    pub slides: Vec<Slide>,
    pub attachments: Vec<Attachment>,
    /// Index of the meeting document this one belongs to.
    pub meeting: Option<usize>,
    /// `summary:` or the first words of the text.
    pub summary: String,
    pub body_line: usize,
}

impl Document {
    pub fn year(&self) -> Option<i32> {
        self.front.date.map(|d| d.year)
    }
}

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

/// The whole site's model.
#[derive(Debug)]
pub struct Archive {
    pub config: SiteConfig,
    pub site_root: PathBuf,
    pub documents: Vec<Document>,
    /// Non-Markdown files under `content/`, relative to it.
    pub assets: Vec<PathBuf>,
    pub indexes: Indexes,
    /// The link and PDF indexes with the link check cache, filled by `pipeline::complete_model`
    /// so rendering never reads the cache from disk.
    pub links: crate::model::link_model::LinkModel,
}

/// Builds the model from loaded content; problems are added to `diagnostics`.
pub fn build_archive(
    config: SiteConfig,
    site_root: &Path,
    loaded: LoadedContent,
    diagnostics: &mut Diagnostics,
) -> Archive {
    build_archive_with(config, site_root, loaded, diagnostics, &render_document)
}

/// Renders one loaded document's Markdown, before links and meetings are resolved: the costly,
/// per-file part of the model, which serve caches between edits.
pub type RenderDocument<'a> =
    dyn Fn(SourceDocument, &Path, &str) -> (Document, Vec<Diagnostic>) + Sync + 'a;

/// `build_archive` with the per-document rendering supplied, so serve can reuse documents that
/// did not change since the last build instead of rendering every file's Markdown again.
pub fn build_archive_with(
    config: SiteConfig,
    site_root: &Path,
    loaded: LoadedContent,
    diagnostics: &mut Diagnostics,
    render_document: &RenderDocument<'_>,
) -> Archive {
    let LoadedContent {
        documents: sources,
        assets,
        diagnostics: load_problems,
    } = loaded;
    diagnostics.extend(load_problems.items);
    let table_label = crate::core::i18n::text(config.language, "table");

    let mut sources = sources;
    // Newest first; ties by title so the order never depends on the file system.
    sources.sort_by(|a, b| {
        b.front
            .date
            .cmp(&a.front.date)
            .then_with(|| a.front.title.cmp(&b.front.title))
            .then_with(|| a.source.cmp(&b.source))
    });
    let sources = check_unique_urls(sources, diagnostics);

    let rendered: Vec<(Document, Vec<Diagnostic>)> = sources
        .into_par_iter()
        .map(|source| render_document(source, site_root, table_label))
        .collect();
    let mut documents = Vec::with_capacity(rendered.len());
    for (doc, problems) in rendered {
        diagnostics.extend(problems);
        documents.push(doc);
    }
    resolve_meetings(&mut documents, diagnostics);
    crate::model::pdf::fill_attachments(&mut documents, site_root, diagnostics);
    let mut archive = Archive {
        config,
        site_root: site_root.to_path_buf(),
        documents,
        assets,
        indexes: Indexes::default(),
        links: Default::default(),
    };
    crate::model::links::resolve_internal_links(&mut archive, diagnostics);
    archive.indexes = build_indexes(&archive.documents);
    archive
}

fn url_for(front: &FrontMatter, slug: &str) -> String {
    match front.date {
        Some(Date { year, .. }) => format!("{year}/{slug}/"),
        None => format!("{slug}/"),
    }
}

/// Two documents with one URL would overwrite each other: both files are named, and only the
/// first is kept so the rest of the build still reports its own problems.
fn check_unique_urls(
    sources: Vec<SourceDocument>,
    diagnostics: &mut Diagnostics,
) -> Vec<SourceDocument> {
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    let mut kept = Vec::with_capacity(sources.len());
    for source in sources {
        let url = url_for(&source.front, &source.slug);
        if source.front.date.is_none() && RESERVED_SLUGS.contains(&source.slug.as_str()) {
            diagnostics.push(
                Diagnostic::error(
                    source.source.clone(),
                    format!("the page's address /{url} is used by the archive itself"),
                )
                .at(1, 1)
                .hint(format!(
                    "give the page another file name, or add `slug: om-{}`",
                    source.slug
                )),
            );
            continue;
        }
        match seen.get(&url) {
            Some(first) => diagnostics.push(
                Diagnostic::error(
                    source.source.clone(),
                    format!(
                        "two documents would be published at /{url}: {} and this one",
                        crate::core::diagnostics::display_path(first)
                    ),
                )
                .at(1, 1)
                .hint("give one of them another file name or a `slug:` of its own"),
            ),
            None => {
                seen.insert(url, source.source.clone());
                kept.push(source);
            }
        }
    }
    kept
}

/// The uncached `RenderDocument`: Markdown (or slides) to HTML, attachments checked on disk.
pub fn render_document(
    source: SourceDocument,
    site_root: &Path,
    table_label: &str,
) -> (Document, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let url = url_for(&source.front, &source.slug);
    let mut slides = Vec::new();
    let rendered = if source.front.kind == Kind::Slides {
        let (sources, warnings) = split_slides(&source.body, source.body_line, &source.source);
        problems.extend(warnings);
        // The outline page renders the whole deck once, so anchors and links are shared;
        // each slide is also rendered alone for the presentation and handouts.
        let mut all = markdown::RenderedMarkdown::default();
        for s in sources {
            let content = markdown::render(&s.content, s.line, table_label);
            let notes = s
                .notes
                .as_deref()
                .map(|n| markdown::render(n, s.notes_line, table_label));
            let offset = all.links.len();
            all.links.extend(content.links.iter().cloned());
            let notes_offset = all.links.len();
            if let Some(n) = &notes {
                all.links.extend(n.links.iter().cloned());
            }
            all.headings.extend(content.headings.iter().cloned());
            all.sections.push(Section {
                anchor: Some(format!("slide-{}", s.number)),
                heading: s.title.clone().unwrap_or_default(),
                text: content.plain_text(),
            });
            slides.push(Slide {
                number: s.number,
                title: s.title.unwrap_or_else(|| format!("{}", s.number)),
                html: renumber_links(&content.html, offset),
                notes_html: notes.map(|n| renumber_links(&n.html, notes_offset)),
                line: s.line,
            });
        }
        all.html = outline_html(&slides);
        all
    } else {
        markdown::render(&source.body, source.body_line, table_label)
    };
    let attachments = resolve_attachments(&source, site_root, &mut problems);
    let summary = match &source.front.summary {
        Some(s) => s.clone(),
        None => markdown::excerpt(&rendered.plain_text(), 220),
    };
    let doc = Document {
        url,
        html: rendered.html,
        headings: rendered.headings,
        links: rendered.links,
        sections: rendered.sections,
        slides,
        attachments,
        meeting: None,
        summary,
        body_line: source.body_line,
        source: source.source,
        content_path: source.content_path,
        slug: source.slug,
        front: source.front,
    };
    (doc, problems)
}

/// The deck as a readable outline for its document page: one section per slide, notes beside.
fn outline_html(slides: &[Slide]) -> String {
    let mut html = String::new();
    for s in slides {
        html.push_str(&format!(
            "<section class=\"outline-slide\" id=\"slide-{}\"><p class=\"outline-number\">{}</p>",
            s.number, s.number
        ));
        // Slide titles are the outline's sections: the page's own title is its only <h1>.
        html.push_str(&s.html.replace("<h1", "<h2").replace("</h1>", "</h2>"));
        if let Some(notes) = &s.notes_html {
            html.push_str("<aside class=\"outline-notes\">");
            html.push_str(notes);
            html.push_str("</aside>");
        }
        html.push_str("</section>");
    }
    html
}

/// Slides are rendered one by one, each numbering its links from 0; shift them so every
/// placeholder indexes the document's single link list.
fn renumber_links(html: &str, offset: usize) -> String {
    if offset == 0 || !html.contains(markdown::LINK_PLACEHOLDER) {
        return html.to_string();
    }
    crate::model::links::replace_placeholders(html, |i| {
        format!("{}{}", markdown::LINK_PLACEHOLDER, i.saturating_add(offset))
    })
}
