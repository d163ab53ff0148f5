//! Incremental rebuilds for serve. A secretary saving one report must see it in well under a
//! second on a 1,000-document archive, so an edit reloads only the files that changed, reuses
//! the rendered Markdown of every other document, rebuilds the (cheap) model, and re-renders
//! only the pages whose content can have changed: the document's own page and every list,
//! meeting, neighbour and index page it appears on, before and after the edit. A change to
//! `site.yaml` or a template renders everything again.

use super::affected::{affected_paths, anchors, is_deferrable, pages_of, resolve_links, Published};
use crate::core::diagnostics::{Diagnostic, Diagnostics};
use crate::core::kind::Kind;
use crate::load::config::SiteConfig;
use crate::load::content::{self, SourceDocument, CONTENT_DIR};
use crate::load::theme::Theme;
use crate::model::{render_document, Archive, Document};
use crate::output::CopiedFile;
use crate::pipeline::{self, StageTimings};
use crate::render::{self, OutputFile, Page, Renderer};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

/// What changed on disk, as the watcher saw it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Change {
    /// A path under `content/`, relative to it; may be a file, a folder, or gone.
    Content(PathBuf),
    /// `site.yaml`, a template or a theme file: everything is rendered again.
    Everything,
}

/// The result of a successful rebuild, to be published by the server.
#[derive(Debug, Default)]
pub struct Update {
    /// True when `files` is the whole site and anything not in it must go.
    pub full: bool,
    /// Files to add or replace.
    pub files: Vec<OutputFile>,
    /// Output paths that no longer exist (a deleted or moved document's page).
    pub removed: Vec<String>,
    /// Every file published as it is from `content/`, by output path.
    pub assets: Vec<CopiedFile>,
    /// Warnings of this build, for the terminal.
    pub warnings: Diagnostics,
    /// How many pages were rendered (for the terminal line).
    pub pages_rendered: usize,
    pub language: crate::core::i18n::Language,
    /// Time per step, for `--timings`.
    pub timings: StageTimings,
}

/// Holds what serve has loaded and rendered so far, and rebuilds from it.
pub struct SiteBuilder {
    pub(super) site_root: PathBuf,
    pub(super) drafts: bool,
    pub(super) setup: Option<(SiteConfig, Theme)>,
    /// Loaded documents by path relative to `content/`.
    pub(super) sources: BTreeMap<PathBuf, SourceDocument>,
    /// Problems of files that did not load, by path relative to `content/`.
    pub(super) load_problems: BTreeMap<PathBuf, Vec<Diagnostic>>,
    /// Problems walking `content/` itself.
    pub(super) walk_problems: Vec<Diagnostic>,
    pub(super) assets: BTreeSet<PathBuf>,
    /// Rendered Markdown (links not yet resolved) of documents that did not change.
    pub(super) cache: HashMap<PathBuf, (Document, Vec<Diagnostic>)>,
    pub(super) published: Option<Published>,
    /// Paths of site-wide pages waiting for `render_deferred`.
    pub(super) deferred: HashSet<String>,
    /// Set when a quick edit failed half-way: the next rebuild starts from scratch.
    pub(super) needs_full: bool,
}

impl SiteBuilder {
    /// A builder that has loaded nothing yet; the first `rebuild` loads the whole site.
    pub fn new(site_root: &Path, drafts: bool) -> Self {
        SiteBuilder {
            site_root: site_root.to_path_buf(),
            drafts,
            setup: None,
            sources: BTreeMap::new(),
            load_problems: BTreeMap::new(),
            walk_problems: Vec::new(),
            assets: BTreeSet::new(),
            cache: HashMap::new(),
            published: None,
            deferred: HashSet::new(),
            needs_full: false,
        }
    }

    /// Applies the changes and renders what they affect. On error nothing is published: the
    /// caller keeps serving the last good pages and shows the problems.
    pub fn rebuild(&mut self, changes: &[Change]) -> Result<Update, Diagnostics> {
        let mut timings = StageTimings::default();
        let t = Instant::now();
        if let [Change::Content(rel)] = changes {
            if let Some(result) = self.body_edit(rel, &mut timings, t) {
                return result;
            }
        }
        let everything = self.setup.is_none()
            || self.published.is_none()
            || std::mem::take(&mut self.needs_full)
            || changes.contains(&Change::Everything);
        if everything {
            self.setup = None;
            self.cache.clear();
            self.setup = Some(pipeline::load_config_and_theme(&self.site_root)?);
            self.rescan_content();
        } else {
            let mut rescan = false;
            for change in changes {
                if let Change::Content(rel) = change {
                    rescan |= self.apply_content_change(rel);
                }
            }
            if rescan {
                self.rescan_content();
            }
        }
        let config = match &self.setup {
            Some((config, _)) => config.clone(),
            None => return Err(Diagnostics::default()),
        };
        let t = timings.record("load", t);
        let (archive, mut diagnostics) = self.build_model(config);
        let t = timings.record("model", t);
        if diagnostics.has_errors() {
            diagnostics.sort();
            return Err(diagnostics);
        }
        let Some((_, theme)) = &self.setup else {
            return Err(Diagnostics::default());
        };
        let renderer = Renderer::new(&archive, theme)?;
        let t = timings.record("templates", t);
        let cards: Vec<String> = renderer
            .cards
            .iter()
            .map(|c| serde_json::to_string(c).unwrap_or_default())
            .collect();
        let kind_nav =
            serde_json::to_string(&crate::render::context::kind_nav(&archive)).unwrap_or_default();
        let all = render::all_pages(&archive);
        let paths: Vec<String> = all
            .iter()
            .map(|&p| render::page_path(&archive, p))
            .collect();
        let affected = match (&self.published, everything) {
            (Some(old), false) => affected_paths(old, &archive, &cards, &kind_nav, &all),
            _ => None,
        };
        let pages: Vec<Page> = match &affected {
            None => {
                self.deferred.clear();
                all.clone()
            }
            Some(set) => {
                // Site-wide pages (all PDFs, all links...) come after the edited pages are served.
                let mut now = Vec::new();
                for (&page, path) in all.iter().zip(&paths) {
                    if !set.contains(path.as_str()) {
                        continue;
                    }
                    if is_deferrable(page) {
                        self.deferred.insert(path.clone());
                    } else {
                        now.push(page);
                    }
                }
                now
            }
        };
        let t = timings.record("decide", t);
        let (mut files, problems) = renderer.render_pages(&pages);
        let t = timings.record("render", t);
        diagnostics.extend(problems.items);
        let pages_rendered = files.len();
        if affected.is_none() {
            files.extend(pipeline::static_files(theme));
        }
        diagnostics.sort();
        if diagnostics.has_errors() {
            return Err(diagnostics);
        }
        let _ = t;
        let assets = pipeline::copied_files(&archive, theme);
        drop(renderer);
        let path_set: HashSet<String> = paths.into_iter().collect();
        let removed = match &self.published {
            Some(old) if affected.is_some() => old
                .paths
                .iter()
                .filter(|p| !path_set.contains(*p))
                .cloned()
                .collect(),
            _ => Vec::new(),
        };
        let language = archive.config.language;
        let by_source = archive
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.content_path.clone(), i))
            .collect();
        self.published = Some(Published {
            archive: Arc::new(archive),
            cards,
            kind_nav,
            by_source,
            paths: path_set,
        });
        Ok(Update {
            full: affected.is_none(),
            files,
            removed,
            assets,
            warnings: diagnostics,
            pages_rendered,
            language,
            timings,
        })
    }

    /// The quick path for the most common save: one document's text changed but not its front
    /// matter or headings, so its place in the archive (address, lists, meeting, anchors others
    /// link to) is as before. Only that document is rendered and its links resolved, in the
    /// published model itself; `None` means the change needs the general rebuild.
    fn body_edit(
        &mut self,
        rel: &Path,
        timings: &mut StageTimings,
        start: Instant,
    ) -> Option<Result<Update, Diagnostics>> {
        let is_error = |d: &Diagnostic| d.severity == crate::core::diagnostics::Severity::Error;
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
        let old_source = self.sources.get(rel)?;
        if old_source.front != source.front || old_source.slug != source.slug {
            return None;
        }
        let (Some((config, theme)), Some(published)) = (&self.setup, &mut self.published) else {
            return None;
        };
        let i = *published.by_source.get(rel)?;
        let archive = Arc::get_mut(&mut published.archive)?;
        let label = crate::core::i18n::text(config.language, "table");
        let (fresh, problems) = render_document(source.clone(), &self.site_root, label);
        let old = &archive.documents[i];
        // A new title, author or kind may place a document under another programme item.
        let placed_anew = old.front.title != fresh.front.title
            || old.front.authors != fresh.front.authors
            || old.front.kind != fresh.front.kind;
        if !problems.is_empty() || anchors(old) != anchors(&fresh) || placed_anew {
            return None;
        }
        let mut doc = fresh.clone();
        doc.meeting = old.meeting;
        doc.programme_documents = old.programme_documents.clone();
        doc.programme_item = old.programme_item;
        let mut diagnostics = Diagnostics::default();
        if let Err(problems) = resolve_links(archive, i, &mut doc) {
            diagnostics.extend(problems);
        }
        crate::model::pdf::fill_attachments(
            std::slice::from_mut(&mut doc),
            &self.site_root,
            &mut diagnostics,
        );
        if diagnostics.has_errors() {
            return None;
        }
        let old = std::mem::replace(&mut archive.documents[i], doc);
        let t = timings.record("model", start);
        archive.refresh_links(&mut diagnostics);
        let t = timings.record("model steps", t);
        let result = (|| {
            if diagnostics.has_errors() {
                return Err(std::mem::take(&mut diagnostics));
            }
            let renderer = Renderer::new(archive, theme)?;
            let t = timings.record("templates", t);
            let new = &archive.documents[i];
            let unchanged = old.html == new.html
                && old.summary == new.summary
                && old.sections == new.sections
                && old.slides.iter().zip(&new.slides).all(|(a, b)| {
                    a.html == b.html && a.notes_html == b.notes_html && a.title == b.title
                });
            let all = render::all_pages(archive);
            let card = serde_json::to_string(&renderer.cards[i]).unwrap_or_default();
            // With the card unchanged, lists, neighbours and meeting pages look the same: only
            // the pages that show the text itself change.
            let same_card = card == published.cards[i];
            let meeting = new.meeting;
            let is_meeting = new.front.kind == Kind::Meeting;
            let shows_text = |page: &Page| match *page {
                Page::Document(x) | Page::Presentation(x) | Page::Handout(x) => x == i,
                Page::Pack(x) => x == i || Some(x) == meeting,
                Page::Home => is_meeting,
                _ => is_deferrable(*page),
            };
            let mut pages = Vec::new();
            if !unchanged {
                for page in pages_of(archive, i, &all) {
                    if same_card && !shows_text(&page) {
                        continue;
                    }
                    if is_deferrable(page) {
                        self.deferred.insert(render::page_path(archive, page));
                    } else {
                        pages.push(page);
                    }
                }
            }
            let t = timings.record("decide", t);
            let (files, problems) = renderer.render_pages(&pages);
            timings.record("render", t);
            diagnostics.extend(problems.items);
            diagnostics.sort();
            if diagnostics.has_errors() {
                return Err(std::mem::take(&mut diagnostics));
            }
            published.cards[i] = card;
            Ok(Update {
                full: false,
                pages_rendered: files.len(),
                files,
                removed: Vec::new(),
                assets: pipeline::copied_files(archive, theme),
                warnings: std::mem::take(&mut diagnostics),
                language: archive.config.language,
                timings: std::mem::take(timings),
            })
        })();
        if result.is_err() {
            // The published model now holds the new text but the served pages do not: start
            // from scratch next time rather than trust a comparison with it.
            self.needs_full = true;
        }
        self.cache.insert(rel.to_path_buf(), (fresh, Vec::new()));
        self.sources.insert(rel.to_path_buf(), source);
        Some(result)
    }

    /// Whether site-wide pages are waiting to be rendered.
    pub fn has_deferred(&self) -> bool {
        !self.deferred.is_empty()
    }

    /// Renders the site-wide pages an edit affected (the list of every PDF, of every link...),
    /// which are slow on a large archive and so are rendered after the edited page is served.
    pub fn render_deferred(&mut self) -> Result<Update, Diagnostics> {
        let deferred = std::mem::take(&mut self.deferred);
        let (Some(published), Some((_, theme))) = (&self.published, &self.setup) else {
            return Ok(Update::default());
        };
        let mut timings = StageTimings::default();
        let t = Instant::now();
        let archive = &published.archive;
        let renderer = Renderer::new(archive, theme)?;
        let pages: Vec<Page> = render::all_pages(archive)
            .into_iter()
            .filter(|&p| deferred.contains(&render::page_path(archive, p)))
            .collect();
        let (files, mut problems) = renderer.render_pages(&pages);
        timings.record("render", t);
        problems.sort();
        if problems.has_errors() {
            return Err(problems);
        }
        Ok(Update {
            full: false,
            pages_rendered: files.len(),
            files,
            removed: Vec::new(),
            assets: pipeline::copied_files(archive, theme),
            warnings: problems,
            language: archive.config.language,
            timings,
        })
    }

    /// The model of the last published build, for work done after the pages are served (the
    /// search index).
    pub fn published_archive(&self) -> Option<Arc<Archive>> {
        self.published.as_ref().map(|p| Arc::clone(&p.archive))
    }
}

#[cfg(test)]
#[path = "incremental_tests.rs"]
mod tests;
