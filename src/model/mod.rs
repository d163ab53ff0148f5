//! The model stage: turns loaded content into the complete `Archive` — documents with their
//! URLs and body HTML, meetings and programmes resolved, attachments and PDFs read, internal
//! links resolved, the indexes (year, kind, committee, tag, author, meeting) and the link and
//! PDF indexes. Rendering, search, check and serve read it and never go back to disk.
//!
//! This file only runs the steps in order; each lives in a file of its own.

use crate::core::diagnostics::{Diagnostic, Diagnostics};
use crate::core::messages::msg;
use crate::load::config::SiteConfig;
use crate::load::content::{LoadedContent, SourceDocument};
use crate::model::indexes::{build_indexes, Indexes};
use crate::model::link_model::LinkModel;
use crate::model::meetings::resolve_meetings;
use crate::routes::RESERVED_SLUGS;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub mod attachments;
pub mod document;
pub mod indexes;
pub mod link_index;
pub mod link_model;
pub mod links;
pub mod meetings;
pub mod pdf;
pub mod programme_match;
pub mod slide_fit;
pub mod slides;
pub mod summary;

pub use attachments::{Attachment, PdfInfo};
pub use document::{render_document, Document, Slide};
pub use indexes::Group;

/// The whole site's model.
#[derive(Debug)]
pub struct Archive {
    pub config: SiteConfig,
    pub site_root: PathBuf,
    pub documents: Vec<Document>,
    /// Non-Markdown files under `content/`, relative to it.
    pub assets: Vec<PathBuf>,
    pub indexes: Indexes,
    /// The link and PDF indexes with the link check cache, so rendering never reads the cache
    /// from disk.
    pub links: LinkModel,
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
    crate::model::links::resolve_internal_links(&mut documents, &assets, diagnostics);
    let indexes = build_indexes(&documents);
    let (links, cache_problem) = LinkModel::build(&documents, &assets, site_root);
    diagnostics.extend(cache_problem);
    Archive {
        config,
        site_root: site_root.to_path_buf(),
        documents,
        assets,
        indexes,
        links,
    }
}

impl Archive {
    /// How many outside links `arkiv check` has not checked yet (see `LinkModel::unchecked`):
    /// the build and serve tell the secretary to run it; the public `/links/` page only says
    /// the links are not checked.
    pub fn unchecked_links(&self) -> usize {
        self.links.unchecked(&self.config.link_check.skip)
    }

    /// Builds the link and PDF indexes again, after serve changed documents in place.
    pub fn refresh_links(&mut self, diagnostics: &mut Diagnostics) {
        let (links, cache_problem) =
            LinkModel::build(&self.documents, &self.assets, &self.site_root);
        self.links = links;
        diagnostics.extend(cache_problem);
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
        let url = crate::routes::document(source.front.date.map(|d| d.year), &source.slug);
        if source.front.date.is_none() && RESERVED_SLUGS.contains(&source.slug.as_str()) {
            diagnostics.push(
                Diagnostic::error(source.source.clone(), msg("url.reserved", &[("url", &url)]))
                    .at(1, 1)
                    .hint(msg("url.reserved.hint", &[("slug", &source.slug)])),
            );
            continue;
        }
        match seen.get(&url) {
            Some(first) => diagnostics.push(
                Diagnostic::error(
                    source.source.clone(),
                    msg(
                        "url.twice",
                        &[
                            ("url", &url),
                            ("first", &crate::core::diagnostics::display_path(first)),
                        ],
                    ),
                )
                .at(1, 1)
                .hint(msg("url.twice.hint", &[])),
            ),
            None => {
                seen.insert(url, source.source.clone());
                kept.push(source);
            }
        }
    }
    kept
}
