//! Incremental rebuilds for serve. A secretary saving one report must see it in well under a
//! second on a 1,000-document archive, so an edit reloads only the files that changed, reuses
//! the rendered Markdown of every other document, and re-renders only the pages whose content
//! can have changed: the document's own page and every list, meeting, neighbour and index page
//! it appears on, before and after the edit. The most common saves (the text, the title or
//! other front matter of one document that keeps its address and its place in the archive's
//! order) change the published model in place (`in_place`); others rebuild the model from the
//! cached documents. A change to `site.yaml` or a template renders everything again. The link
//! and PDF indexes, their pages and the sitemap follow once saves pause.

use super::affected::{affected_paths, is_deferrable, Published};
use crate::core::diagnostics::{Diagnostic, Diagnostics};
use crate::load::config::SiteConfig;
use crate::load::content::SourceDocument;
use crate::load::theme::Theme;
use crate::model::{Archive, Document};
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

impl Update {
    /// An update of some pages of `archive`: the rest of the site stays as served.
    pub(super) fn partial(
        archive: &Archive,
        theme: &Theme,
        files: Vec<OutputFile>,
        removed: Vec<String>,
        warnings: Diagnostics,
        timings: StageTimings,
    ) -> Self {
        Update {
            full: false,
            pages_rendered: files.len(),
            files,
            removed,
            assets: pipeline::copied_files(archive, theme),
            warnings,
            language: archive.config.language,
            timings,
        }
    }
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
    /// The theme's templates, parsed once for each `site.yaml` and theme.
    pub(super) templates: Option<Arc<tera::Tera>>,
    /// Set when the published model's link and PDF indexes are out of date: they are built
    /// again, and their pages rendered, by `render_deferred`.
    pub(super) links_stale: bool,
    /// The model an edit replaced, dropped once saves pause rather than while the edited page
    /// waits.
    pub(super) retired: Option<Published>,
    /// Documents rendered since the model was last published (relative to `content/`): they
    /// may differ from the published ones.
    pub(super) unpublished: HashSet<PathBuf>,
    /// Set when the last general rebuild failed.
    pub(super) failed: bool,
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
            templates: None,
            links_stale: false,
            retired: None,
            unpublished: HashSet::new(),
            failed: false,
        }
    }

    /// Applies the changes and renders what they affect. On error nothing is published: the
    /// caller keeps serving the last good pages and shows the problems.
    pub fn rebuild(&mut self, changes: &[Change]) -> Result<Update, Diagnostics> {
        let mut timings = StageTimings::default();
        let t = Instant::now();
        // After a failed rebuild the published model is not what the files say: the next one
        // is a general rebuild, which reports every problem that is left.
        if let ([Change::Content(rel)], false) = (changes, self.failed) {
            if let Some(result) = self.edit_in_place(rel, &mut timings, t) {
                return result;
            }
        }
        let result = self.rebuild_model(changes, timings, t);
        self.failed = result.is_err();
        result
    }

    /// The general rebuild: the model made again from the cached documents, and the pages the
    /// changes affect rendered (every page when `site.yaml` or the theme changed).
    fn rebuild_model(
        &mut self,
        changes: &[Change],
        mut timings: StageTimings,
        t: Instant,
    ) -> Result<Update, Diagnostics> {
        let everything = self.setup.is_none()
            || self.published.is_none()
            || std::mem::take(&mut self.needs_full)
            || changes.contains(&Change::Everything);
        if everything {
            self.setup = None;
            self.templates = None;
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
        let (mut archive, mut diagnostics) = self.build_model(config);
        let t = timings.record("model", t);
        if diagnostics.has_errors() {
            diagnostics.sort();
            return Err(diagnostics);
        }
        let tera = self.templates()?;
        let Some((_, theme)) = &self.setup else {
            return Err(Diagnostics::default());
        };
        let cards = render::cards::Cards::of(&archive);
        let kind_nav =
            serde_json::to_string(&crate::render::context::kind_nav(&archive)).unwrap_or_default();
        let mut all = render::all_pages(&archive);
        let affected = match (&self.published, everything) {
            (Some(old), false) => affected_paths(old, &archive, &cards, &kind_nav, &all),
            _ => None,
        };
        if affected.is_none() {
            // Every page is rendered now, those of the link and PDF indexes too.
            archive.refresh_links(&mut diagnostics);
            self.links_stale = false;
            all = render::all_pages(&archive);
        } else {
            self.links_stale = true;
        }
        let t = timings.record("model steps", t);
        let paths: Vec<String> = all
            .iter()
            .map(|&p| render::page_path(&archive, p))
            .collect();
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
        let renderer = Renderer::with_parts(&archive, theme, tera, cards);
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
        let cards = renderer.cards;
        let (mut path_set, mut later_paths) = (HashSet::new(), HashSet::new());
        for (page, path) in all.iter().zip(paths) {
            if is_deferrable(*page) {
                later_paths.insert(path);
            } else {
                path_set.insert(path);
            }
        }
        let removed = match &self.published {
            Some(old) if affected.is_some() => {
                // The link and PDF index pages are known once `render_deferred` has built them.
                later_paths = old.later_paths.clone();
                old.paths
                    .iter()
                    .filter(|p| !path_set.contains(*p))
                    .cloned()
                    .collect()
            }
            _ => Vec::new(),
        };
        let language = archive.config.language;
        let by_source = archive
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.content_path.clone(), i))
            .collect();
        self.unpublished.clear();
        self.retired = self.published.replace(Published {
            archive: Arc::new(archive),
            cards,
            kind_nav,
            by_source,
            paths: path_set,
            later_paths,
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

    /// The theme's templates, parsed on first use after `site.yaml` or the theme changed.
    pub(super) fn templates(&mut self) -> Result<Arc<tera::Tera>, Diagnostics> {
        if let Some(tera) = &self.templates {
            return Ok(Arc::clone(tera));
        }
        let Some((config, theme)) = &self.setup else {
            return Err(Diagnostics::default());
        };
        let tera = Arc::new(render::templates::load_templates(config, theme)?);
        self.templates = Some(Arc::clone(&tera));
        Ok(tera)
    }

    /// Whether work put off until saves pause is waiting: site-wide pages, the link and PDF
    /// indexes, or a replaced model to drop.
    pub fn has_deferred(&self) -> bool {
        !self.deferred.is_empty() || self.links_stale || self.retired.is_some()
    }

    /// Renders the site-wide pages an edit affected (the list of every PDF, of every link...),
    /// which are slow on a large archive and so are rendered after the edited page is served.
    /// The link and PDF indexes are built again first when an edit left them out of date;
    /// then all their pages are rendered, those no longer there removed, and the sitemap
    /// (which lists them) rendered when they changed. When the search index is still being
    /// made from the model, this waits for it: nothing is done, and it is tried again later.
    pub fn render_deferred(&mut self) -> Result<Update, Diagnostics> {
        self.retired = None;
        // Work that fails is dropped, not tried again and again; the next edit asks for it anew.
        let mut deferred = std::mem::take(&mut self.deferred);
        let links_stale = std::mem::take(&mut self.links_stale);
        let tera = self.templates()?;
        let (Some((_, theme)), Some(published)) = (&self.setup, &mut self.published) else {
            return Ok(Update::default());
        };
        let mut timings = StageTimings::default();
        let t = Instant::now();
        let mut problems = Diagnostics::default();
        let mut removed = Vec::new();
        if links_stale {
            let Some(archive) = Arc::get_mut(&mut published.archive) else {
                // The search index is being made from this model: try again after it.
                self.deferred = deferred;
                self.links_stale = true;
                return Ok(Update::default());
            };
            archive.refresh_links(&mut problems);
            let later: HashSet<String> = render::all_pages(archive)
                .into_iter()
                .filter(|&p| is_deferrable(p))
                .map(|p| render::page_path(archive, p))
                .collect();
            let sitemap = render::page_path(archive, Page::Sitemap);
            if later != published.later_paths {
                deferred.insert(sitemap.clone());
            }
            removed = published.later_paths.difference(&later).cloned().collect();
            deferred.extend(later.iter().filter(|p| **p != sitemap).cloned());
            published.later_paths = later;
        }
        let archive = &published.archive;
        let renderer =
            Renderer::with_parts(archive, theme, tera, std::mem::take(&mut published.cards));
        let pages: Vec<Page> = render::all_pages(archive)
            .into_iter()
            .filter(|&p| deferred.contains(&render::page_path(archive, p)))
            .collect();
        let (files, more) = renderer.render_pages(&pages);
        published.cards = renderer.cards;
        timings.record("render", t);
        problems.extend(more.items);
        problems.sort();
        if problems.has_errors() {
            return Err(problems);
        }
        Ok(Update::partial(
            archive, theme, files, removed, problems, timings,
        ))
    }

    /// The model of the last published build, for work done after the pages are served (the
    /// search index).
    pub fn published_archive(&self) -> Option<Arc<Archive>> {
        self.published.as_ref().map(|p| Arc::clone(&p.archive))
    }

    /// How many outside links of the published model have no `arkiv check` result; `None`
    /// while its link model waits for `render_deferred` (the count is then not known).
    pub fn unchecked_links(&self) -> Option<usize> {
        if self.links_stale {
            return None;
        }
        self.published.as_ref().map(|p| p.archive.unchecked_links())
    }
}

#[cfg(test)]
#[path = "incremental_tests.rs"]
mod tests;
