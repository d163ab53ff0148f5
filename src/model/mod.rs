//! The model stage: turns loaded content into the complete `Archive` — documents with their
//! URLs and body HTML, meetings and programmes resolved, attachments and PDFs read, internal
//! links resolved, the indexes (year, kind, committee, tag, author, meeting) and the link and
//! PDF indexes. Rendering, search, check and serve read it and never go back to disk.
//!
//! This file only runs the steps in order; each lives in a file of its own.

use crate::core::access::Access;
use crate::core::diagnostics::{Diagnostic, Diagnostics};
use crate::core::messages::msg;
use crate::core::store::TextStore;
use crate::load::config::SiteConfig;
use crate::load::content::{LoadedContent, SourceDocument};
use crate::model::indexes::{build_indexes, Indexes};
use crate::model::link_model::LinkModel;
use crate::model::meetings::resolve_meetings;
use crate::routes::RESERVED_SLUGS;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

pub mod area;
pub mod attachments;
pub mod document;
pub mod indexes;
pub mod link_index;
pub mod link_model;
pub mod links;
pub mod meetings;
pub mod pdf;
pub mod programme_match;
pub mod sections;
pub mod slide_fit;
pub mod slides;
pub mod summary;

pub use area::Area;
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
    /// Public site or members' area, and what each may know of the other.
    pub area: Area,
    /// Where the documents' texts are (`core::store`): in memory, or in a build's file.
    pub texts: TextStore,
}

/// Builds the model from loaded content; problems are added to `diagnostics`. Members-only
/// documents are part of it (serve previews them); a build that publishes calls
/// `build_archives`, which keeps them out of the public site.
pub fn build_archive(
    config: SiteConfig,
    site_root: &Path,
    loaded: LoadedContent,
    diagnostics: &mut Diagnostics,
) -> Archive {
    build_archive_with(
        config,
        site_root,
        loaded,
        diagnostics,
        &render_document,
        true,
    )
}

/// Renders one loaded document's Markdown, before links and meetings are resolved: the costly,
/// per-file part of the model, which serve caches between edits.
pub type RenderDocument<'a> =
    dyn Fn(SourceDocument, &Path, &str) -> (Document, Vec<Diagnostic>) + Sync + 'a;

/// `build_archive` with the per-document rendering supplied, so serve can reuse documents that
/// did not change since the last build instead of rendering every file's Markdown again.
/// Without `link_model` the link and PDF indexes are left empty, for `Archive::refresh_links`
/// to fill when they are needed (serve renders their pages after the edited ones).
pub fn build_archive_with(
    config: SiteConfig,
    site_root: &Path,
    loaded: LoadedContent,
    diagnostics: &mut Diagnostics,
    render_document: &RenderDocument<'_>,
    link_model: bool,
) -> Archive {
    let (sources, assets) = prepare(loaded, diagnostics);
    let access = area::effective_access(&sources);
    let area = Area {
        preview: config.members.is_some() || access.iter().any(|a| a.is_members()),
        ..Area::default()
    };
    let documents = render_all(
        &config,
        site_root,
        sources,
        access,
        diagnostics,
        render_document,
    );
    let finish = Finish {
        texts: TextStore::in_memory(),
        link_model,
    };
    assemble(
        config,
        site_root,
        documents,
        assets,
        area,
        diagnostics,
        finish,
    )
}

/// The public site and, when site.yaml has `members:`, the members' area.
pub struct Archives {
    pub public: Archive,
    pub members: Option<Archive>,
}

/// Builds the public archive and the members' area from one rendering of every document.
/// Without `members:` in site.yaml, members-only documents are left out with a warning, so a
/// forgotten setting never publishes them. Section texts go into `texts` as each document is
/// made (`core::store`).
pub fn build_archives(
    config: SiteConfig,
    site_root: &Path,
    loaded: LoadedContent,
    texts: TextStore,
    diagnostics: &mut Diagnostics,
) -> Archives {
    let (sources, assets) = prepare(loaded, diagnostics);
    let access = area::effective_access(&sources);
    let (sources, access) = match config.members {
        Some(_) => (sources, access),
        None => leave_out_members(sources, access, diagnostics),
    };
    let spill = |mut source: SourceDocument, root: &Path, label: &str| {
        // The body waited in the store since loading (`load::content::load_into`).
        if let Some(body) = source.stored_body.take() {
            source.body = texts.whole(&body).into_owned();
        }
        let (mut doc, problems) = render_document(source, root, label);
        doc.keep_texts_in(&texts);
        (doc, problems)
    };
    let mut documents = render_all(&config, site_root, sources, access, diagnostics, &spill);
    let Some(members) = config.members.clone() else {
        let finish = Finish::whole(texts);
        let public = assemble(
            config,
            site_root,
            documents,
            assets,
            Area::default(),
            diagnostics,
            finish,
        );
        return Archives {
            public,
            members: None,
        };
    };
    let asset_names: HashSet<String> = assets
        .iter()
        .map(|a| a.to_string_lossy().replace('\\', "/"))
        .collect();
    let members_assets = area::members_assets(&documents, &asset_names);
    let folder = format!("{}/", members.path);

    // The public site: no members-only document, and no file only they use. Its problems are
    // all found again in the members' area, which holds every document, so only that one's
    // are reported.
    let mut public_area = Area {
        folder: folder.clone(),
        members_assets: members_assets.clone(),
        ..Area::default()
    };
    for doc in documents.iter().filter(|d| d.access.is_members()) {
        let url = format!("{folder}{}", doc.url);
        let content_path = doc.content_path.to_string_lossy().replace('\\', "/");
        public_area
            .members_documents
            .insert(content_path, url.clone());
        public_area
            .members_documents
            .insert(doc.url.trim_end_matches('/').to_string(), url);
        public_area.hidden_slugs.insert(doc.slug.clone());
        public_area.members_count += 1;
    }
    let inside = area::in_members_area(&documents);
    public_area.members_meetings = documents
        .iter()
        .zip(&inside)
        .filter(|(d, inside)| **inside && !d.access.is_members())
        .map(|(d, _)| d.slug.clone())
        .collect();
    let public_documents: Vec<Document> = documents
        .iter()
        .filter(|d| !d.access.is_members())
        .cloned()
        .collect();
    let public_assets: Vec<PathBuf> = assets
        .iter()
        .filter(|a| !members_assets.contains(&a.to_string_lossy().replace('\\', "/")))
        .cloned()
        .collect();
    let mut unreported = Diagnostics::default();
    let finish = Finish::whole(texts.clone());
    let public = assemble(
        config.clone(),
        site_root,
        public_documents,
        public_assets,
        public_area,
        &mut unreported,
        finish,
    );

    // The members' area: every document. It is a site of its own one folder down; the public
    // documents it lists are linked where the public site has them.
    let members_area = Area {
        members: true,
        public_prefix: "../".to_string(),
        folder,
        members_assets,
        ..Area::default()
    };
    for (doc, inside) in documents.iter_mut().zip(inside) {
        if !inside {
            doc.url = format!("{}{}", members_area.public_prefix, doc.url);
        }
        for a in &mut doc.attachments {
            a.path = members_area.asset_url(&a.path);
        }
    }
    let mut members_config = config;
    members_config.base_url = format!("{}{}", members_config.base_url, members_area.folder);
    let finish = Finish::whole(texts);
    let members = assemble(
        members_config,
        site_root,
        documents,
        assets,
        members_area,
        diagnostics,
        finish,
    );
    let mut public = public;
    area::mark_matched_members_items(&mut public.documents, &members.documents);
    Archives {
        public,
        members: Some(members),
    }
}

/// Members-only documents of a site without a members' area are left out, each with a warning.
fn leave_out_members(
    sources: Vec<SourceDocument>,
    access: Vec<Access>,
    diagnostics: &mut Diagnostics,
) -> (Vec<SourceDocument>, Vec<Access>) {
    let mut kept = (Vec::new(), Vec::new());
    for (source, access) in sources.into_iter().zip(access) {
        if access.is_members() {
            diagnostics.push(
                Diagnostic::warning(source.source.clone(), msg("access.no_area", &[]))
                    .at(1, 1)
                    .hint(msg("access.no_area.hint", &[])),
            );
        } else {
            kept.0.push(source);
            kept.1.push(access);
        }
    }
    kept
}

/// Sorts the loaded documents newest first and drops the second of two with one URL.
fn prepare(
    loaded: LoadedContent,
    diagnostics: &mut Diagnostics,
) -> (Vec<SourceDocument>, Vec<PathBuf>) {
    let LoadedContent {
        documents: sources,
        assets,
        diagnostics: load_problems,
    } = loaded;
    diagnostics.extend(load_problems.items);
    let mut sources = sources;
    sources.sort_by(|a, b| archive_order((&a.front, &a.source), (&b.front, &b.source)));
    (check_unique_urls(sources, diagnostics), assets)
}

/// The archive's order of documents: newest first; ties by title, then by file, so the order
/// never depends on the file system.
pub fn archive_order(
    a: (&crate::load::frontmatter::FrontMatter, &Path),
    b: (&crate::load::frontmatter::FrontMatter, &Path),
) -> std::cmp::Ordering {
    b.0.date
        .cmp(&a.0.date)
        .then_with(|| a.0.title.cmp(&b.0.title))
        .then_with(|| a.1.cmp(b.1))
}

/// Every document's Markdown rendered (in parallel) and its PDFs read: the per-file work,
/// done once however many archives are made of it.
fn render_all(
    config: &SiteConfig,
    site_root: &Path,
    sources: Vec<SourceDocument>,
    access: Vec<Access>,
    diagnostics: &mut Diagnostics,
    render_document: &RenderDocument<'_>,
) -> Vec<Document> {
    let table_label = crate::core::i18n::text(config.language, "table");
    let rendered: Vec<(Document, Vec<Diagnostic>)> = sources
        .into_par_iter()
        .map(|source| render_document(source, site_root, table_label))
        .collect();
    let mut documents = Vec::with_capacity(rendered.len());
    for ((mut doc, problems), access) in rendered.into_iter().zip(access) {
        diagnostics.extend(problems);
        doc.access = access;
        documents.push(doc);
    }
    crate::model::pdf::fill_attachments(&mut documents, site_root, diagnostics);
    documents
}

/// What `assemble` is told besides the documents: where their texts are, and whether to build
/// the link and PDF indexes now.
struct Finish {
    texts: TextStore,
    link_model: bool,
}

impl Finish {
    /// A build's: texts in `texts`, and the link and PDF indexes made now.
    fn whole(texts: TextStore) -> Finish {
        Finish {
            texts,
            link_model: true,
        }
    }
}

/// The archive-wide steps over rendered documents: meetings, internal links, indexes, and the
/// link and PDF indexes (left empty without `link_model`).
fn assemble(
    config: SiteConfig,
    site_root: &Path,
    mut documents: Vec<Document>,
    assets: Vec<PathBuf>,
    area: Area,
    diagnostics: &mut Diagnostics,
    finish: Finish,
) -> Archive {
    let Finish { texts, link_model } = finish;
    resolve_meetings(&mut documents, &area.hidden_slugs, diagnostics);
    crate::model::links::resolve_internal_links(
        &mut documents,
        &assets,
        &area,
        &texts,
        diagnostics,
    );
    // The lists and the link and PDF indexes each read every document: side by side.
    let (indexes, (links, cache_problem)) = rayon::join(
        || build_indexes(&documents),
        || {
            if link_model {
                LinkModel::build(&documents, &assets, &area, site_root)
            } else {
                (LinkModel::default(), None)
            }
        },
    );
    diagnostics.extend(cache_problem);
    Archive {
        config,
        site_root: site_root.to_path_buf(),
        documents,
        assets,
        indexes,
        links,
        area,
        texts,
    }
}

impl Archive {
    /// Whether document `i` has its page in this archive: always on the public site; in the
    /// members' area only when it lives there (`model::area::in_members_area`), the public
    /// ones being linked where the public site has them.
    pub fn has_page(&self, i: usize) -> bool {
        !self.area.members || !self.documents[i].url.starts_with(&self.area.public_prefix)
    }

    /// Lets go of what only the model stage reads, for a build (`Document::release_links`).
    pub fn release_links(&mut self) {
        self.documents.iter_mut().for_each(Document::release_links);
    }

    /// Lets go of what only the pages read, once they are written, for a build: the search
    /// index reads neither the pages' HTML nor the link and PDF indexes
    /// (`Document::release_page_text`).
    pub fn release_page_text(&mut self) {
        self.documents
            .iter_mut()
            .for_each(Document::release_page_text);
        self.links = LinkModel::default();
    }

    /// How many outside links `arkiv check` has not checked yet (see `LinkModel::unchecked`):
    /// the build and serve tell the secretary to run it; the public `/links/` page only says
    /// the links are not checked.
    pub fn unchecked_links(&self) -> usize {
        self.links.unchecked(&self.config.link_check.skip)
    }

    /// Builds the link and PDF indexes again, after serve changed documents in place.
    pub fn refresh_links(&mut self, diagnostics: &mut Diagnostics) {
        let (links, cache_problem) =
            LinkModel::build(&self.documents, &self.assets, &self.area, &self.site_root);
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
