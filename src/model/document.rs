//! One document of the model: its types, and the costly per-file step that turns a loaded
//! Markdown file into a `Document` (body HTML, headings, links, slides, attachments) before
//! links and meetings are resolved across the archive.

use crate::core::diagnostics::Diagnostic;
use crate::core::kind::Kind;
use crate::core::store::{Text, TextStore};
use crate::load::content::SourceDocument;
use crate::load::frontmatter::FrontMatter;
use crate::markdown::{self, Headings, LinkRef, Section};
use crate::model::attachments::{resolve_attachments, Attachment};
use crate::model::sections::Sections;
use crate::model::slides::split_slides;
use std::path::{Path, PathBuf};

/// A rendered slide of a deck. Its HTML may be in the archive's `TextStore`.
#[derive(Debug, Clone)]
pub struct Slide {
    pub number: usize,
    pub title: String,
    pub html: Text,
    pub notes_html: Option<Text>,
    pub line: usize,
    /// The slides the presentation shows for this one, when it is too full to show whole at a
    /// readable size: each part's HTML, the first with the slide's own heading, the rest to be
    /// shown under "… (forts.)". Empty when the slide is shown whole.
    pub parts: Vec<Text>,
    /// The handout layouts (slides per A4 page) at which the slide still prints at 7 pt or
    /// more as a thumbnail; at the others it prints as its outline text (see
    /// `model::slide_fit`).
    pub print_layouts: Vec<usize>,
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
    /// Body HTML with internal links resolved to relative hrefs; it may be in the archive's
    /// `TextStore`.
    pub html: Text,
    /// Its headings; a build lets them go once its pages are written (`release_page_text`).
    pub headings: Headings,
    /// Its links and images as written; a build keeps only the first image once the model is
    /// made (`release_links`).
    pub links: Vec<LinkRef>,
    /// Its text by heading, for search; the text may be in the archive's `TextStore`.
    pub sections: Sections,
    /// How many words its text has, for the reading time.
    pub words: usize,
    /// Whether its body, a slide or a slide's notes hold a table (its pages load the tables'
    /// style sheet).
    pub has_table: bool,
    pub slides: Vec<Slide>,
    pub attachments: Vec<Attachment>,
    /// Index of the meeting document this one belongs to.
    pub meeting: Option<usize>,
    /// For a meeting, the document each programme item names (`document:`), resolved once by
    /// `model::meetings`; one entry per item of `front.programme`.
    pub programme_documents: Vec<Option<usize>>,
    /// For a document that names a meeting, the programme item it is presented under: the one
    /// whose `document:` names it, else the one it matches by title, speaker and kind
    /// (`model::programme_match`); `None` when it is not on the programme.
    pub programme_item: Option<usize>,
    /// `summary:` or the first words of the text.
    pub summary: String,
    pub body_line: usize,
    /// Members-only or public, after inheriting the meeting's access (`model::area`).
    pub access: crate::core::access::Access,
    /// For a meeting on the public site: which programme items name a members-only document,
    /// shown "(for members)" without a link. One entry per item; empty elsewhere.
    pub programme_members: Vec<bool>,
    /// Whether `html` has its internal links resolved (`model::links`); a document carried
    /// over resolved (serve) is not resolved again.
    pub links_resolved: bool,
    /// The documents its internal links lead to, by path under `content/`, once resolved:
    /// whose address or headings its hrefs depend on. Serve's; a build lets them go once the
    /// model is made.
    pub links_to: Vec<PathBuf>,
}

impl Document {
    /// Drops the HTML only its pages show (the body, and each slide's) and its headings (its
    /// table of contents), once they are written: what comes after them (the search index, the
    /// report) reads its sections and front matter. Held in memory, the HTML is 90 MB at 10,000
    /// documents; in a build's text store only where it is.
    pub fn release_page_text(&mut self) {
        self.html = Text::default();
        self.headings = Headings::default();
        for slide in &mut self.slides {
            slide.html = Text::default();
            slide.notes_html = None;
            slide.parts = Vec::new();
        }
    }

    /// Drops what only the model stage reads, once a build's archive is made: its links but
    /// the first image, which its page's preview shows (`render::meta`), and the documents they
    /// lead to. Link resolution and the link index are done with them; serve and check keep
    /// them. At 100,000 documents they are about 70 MB.
    pub fn release_links(&mut self) {
        let links = std::mem::take(&mut self.links);
        self.links = links.into_iter().find(|l| l.is_image).into_iter().collect();
        self.links_to = Vec::new();
    }

    /// Moves its texts (body and slide HTML, section texts) into `texts`, as soon as it is
    /// made: what only its pages and the search index read waits there, not in memory.
    pub fn keep_texts_in(&mut self, texts: &TextStore) {
        if !texts.spills() {
            return;
        }
        let slides = self.slides.iter_mut().flat_map(|s| {
            std::iter::once(&mut s.html)
                .chain(s.notes_html.as_mut())
                .chain(s.parts.iter_mut())
        });
        let sections = self.sections.texts_mut();
        texts.keep_all(
            std::iter::once(&mut self.html)
                .chain(slides)
                .chain(sections),
        );
    }

    /// Gives back the spare room of its text: a string grown while rendering holds up to
    /// twice its length, and where texts are held in memory (serve) the model keeps them all
    /// (at 10,000 documents 64 MB of 131 MB of HTML was spare room).
    pub fn shrink_to_fit(&mut self) {
        self.html.shrink_to_fit();
        self.summary.shrink_to_fit();
        self.headings.shrink_to_fit();
        self.links.shrink_to_fit();
        self.sections.shrink_to_fit();
        for slide in &mut self.slides {
            slide.html.shrink_to_fit();
            if let Some(notes) = &mut slide.notes_html {
                notes.shrink_to_fit();
            }
            for part in &mut slide.parts {
                part.shrink_to_fit();
            }
        }
    }

    pub fn year(&self) -> Option<i32> {
        self.front.date.map(|d| d.year)
    }
}

/// The uncached `RenderDocument`: Markdown (or slides) to HTML, attachments checked on disk.
pub fn render_document(
    source: SourceDocument,
    site_root: &Path,
    table_label: &str,
) -> (Document, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let url = crate::routes::document(source.front.date.map(|d| d.year), &source.slug);
    let mut slides = Vec::new();
    // Each slide's top-level bullets, for a deck's summary.
    let mut slide_items: Vec<Vec<String>> = Vec::new();
    let rendered = if source.front.kind == Kind::Slides {
        let (sources, warnings) = split_slides(&source.body, source.body_line, &source.source);
        problems.extend(warnings);
        // The outline page renders the whole deck once, so anchors and links are shared;
        // each slide is also rendered alone for the presentation and handouts.
        // One set of anchors for the deck, so two slides with the same title get two.
        let mut all = markdown::RenderedMarkdown::default();
        let mut anchors = markdown::Anchors::default();
        for s in sources {
            let content = markdown::render_slide(&s.content, s.line, table_label, &mut anchors);
            slide_items.push(content.prose.items.clone());
            let notes = s
                .notes
                .as_deref()
                .map(|n| markdown::render_slide(n, s.notes_line, table_label, &mut anchors));
            let offset = all.links.len();
            all.links.extend(content.links.iter().cloned());
            let notes_offset = all.links.len();
            if let Some(n) = &notes {
                all.links.extend(n.links.iter().cloned());
            }
            all.headings.extend(&content.headings);
            all.has_table |= content.has_table || notes.as_ref().is_some_and(|n| n.has_table);
            all.sections.push(Section {
                anchor: Some(format!("slide-{}", s.number)),
                heading: s.title.clone().unwrap_or_default(),
                text: content.plain_text(),
            });
            // An overfull slide is rendered again in parts, cut at list items; each part's
            // links are numbered on from the parts before it, so they index the same list.
            let mut parts = Vec::new();
            if s.fit.parts() > 1 {
                let mut part_offset = offset;
                for (text, line) in crate::model::slide_fit::parts(&s.content, &s.fit.cuts, s.line)
                {
                    let part = markdown::render(text, line, table_label);
                    parts.push(Text::Held(renumber_links(&part.html, part_offset)));
                    part_offset += part.links.len();
                }
            }
            slides.push(Slide {
                number: s.number,
                title: s.title.unwrap_or_else(|| format!("{}", s.number)),
                html: Text::Held(renumber_links(&content.html, offset)),
                notes_html: notes.map(|n| Text::Held(renumber_links(&n.html, notes_offset))),
                line: s.line,
                parts,
                print_layouts: s.fit.print_layouts(),
            });
        }
        all
    } else {
        markdown::render(&source.body, source.body_line, table_label)
    };
    let attachments = resolve_attachments(&source, site_root, &mut problems);
    let summary = match &source.front.summary {
        Some(s) => s.clone(),
        None => crate::model::summary::summary(source.front.kind, &rendered.prose, &slide_items),
    };
    let words = rendered
        .sections
        .iter()
        .map(|s| markdown::word_count(&s.text))
        .sum();
    let has_table = rendered.has_table;
    let mut doc = Document {
        url,
        words,
        has_table,
        html: Text::Held(rendered.html),
        headings: rendered.headings,
        links: rendered.links,
        sections: Sections::held(rendered.sections),
        slides,
        attachments,
        meeting: None,
        programme_documents: Vec::new(),
        programme_item: None,
        summary,
        body_line: source.body_line,
        access: crate::core::access::Access::Public,
        programme_members: Vec::new(),
        links_resolved: false,
        links_to: Vec::new(),
        source: source.source,
        content_path: source.content_path,
        slug: source.slug,
        front: source.front,
    };
    doc.shrink_to_fit();
    (doc, problems)
}

/// Slides are rendered one by one, each numbering its links from 0; shift them so every
/// placeholder indexes the document's single link list.
fn renumber_links(html: &str, offset: usize) -> String {
    if offset == 0 || !html.contains(markdown::LINK_PLACEHOLDER) {
        return html.to_string();
    }
    markdown::replace_placeholders(html, |i| {
        format!("{}{}", markdown::LINK_PLACEHOLDER, i.saturating_add(offset))
    })
}
