//! Serve's copy of the site's sources: reloading the files an edit touched, walking
//! `content/` again when folders change, and building the model from the cached documents.

use super::affected::anchors;
use crate::core::diagnostics::{Diagnostic, Diagnostics};
use crate::load::config::SiteConfig;
use crate::load::content::{self, SourceDocument, CONTENT_DIR};
use crate::model::{build_archive_with, render_document, Archive, Document};
use crate::serve::incremental::SiteBuilder;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::path::{Component, Path, PathBuf};

impl SiteBuilder {
    /// Reloads one changed path under `content/`. Returns true when the change is a folder (added,
    /// moved or deleted), which needs a walk of the whole `content/` folder.
    pub(super) fn apply_content_change(&mut self, rel: &Path) -> bool {
        if rel.as_os_str().is_empty() {
            return true;
        }
        if rel.components().any(|c| match c {
            Component::Normal(name) => content::is_ignored_name(&name.to_string_lossy()),
            _ => true,
        }) {
            return false;
        }
        let full = self.site_root.join(CONTENT_DIR).join(rel);
        let meta = std::fs::metadata(&full).ok();
        if meta.as_ref().is_some_and(|m| m.is_dir()) {
            return true;
        }
        // A link leading outside content/: the full walk reports it, as a build would.
        if meta.is_some() && !content::resolves_inside(&self.site_root.join(CONTENT_DIR), &full) {
            return true;
        }
        let exists = meta.is_some_and(|m| m.is_file());
        if rel.extension().is_some_and(|e| e == "md") {
            self.cache.remove(rel);
            self.sources.remove(rel);
            self.load_problems.remove(rel);
            if exists {
                let content_root = self.site_root.join(CONTENT_DIR);
                match content::load_document(&content_root, rel, self.drafts) {
                    Ok(Some(doc)) => {
                        self.sources.insert(rel.to_path_buf(), doc);
                    }
                    // A draft's attachments are left out too, which the full walk works out.
                    Ok(None) => return true,
                    Err(problems) => {
                        self.load_problems.insert(rel.to_path_buf(), problems);
                    }
                }
            }
            return !exists && self.was_folder(rel);
        }
        // An attachment's size or existence shows on the documents that list it.
        self.cache
            .retain(|_, (doc, _)| doc.attachments.is_empty() && doc.front.attachments.is_empty());
        if exists {
            self.assets.insert(rel.to_path_buf());
            false
        } else {
            let was_asset = self.assets.remove(rel);
            !was_asset && self.was_folder(rel)
        }
    }

    /// Whether anything known lived below `rel`: then `rel` was a folder that went away.
    pub(super) fn was_folder(&self, rel: &Path) -> bool {
        self.sources.keys().any(|p| p.starts_with(rel) && p != rel)
            || self.assets.iter().any(|p| p.starts_with(rel) && p != rel)
            || self
                .load_problems
                .keys()
                .any(|p| p.starts_with(rel) && p != rel)
    }

    /// Walks and loads all of `content/`; documents whose text did not change keep their
    /// rendered Markdown.
    pub(super) fn rescan_content(&mut self) {
        let loaded = content::load(&self.site_root, self.drafts);
        let mut sources = BTreeMap::new();
        for doc in loaded.documents {
            let unchanged = self.sources.get(&doc.content_path).is_some_and(|old| {
                old.front == doc.front && old.body == doc.body && old.body_line == doc.body_line
            });
            if !unchanged {
                self.cache.remove(&doc.content_path);
            }
            sources.insert(doc.content_path.clone(), doc);
        }
        self.cache.retain(|k, _| sources.contains_key(k));
        self.sources = sources;
        self.assets = loaded.assets.into_iter().collect();
        self.load_problems.clear();
        self.walk_problems.clear();
        let content_dir = Path::new(CONTENT_DIR);
        for d in loaded.diagnostics.items {
            match d
                .file
                .as_deref()
                .and_then(|f| f.strip_prefix(content_dir).ok())
            {
                Some(rel) if !rel.as_os_str().is_empty() => {
                    let rel = rel.to_path_buf();
                    self.load_problems.entry(rel).or_default().push(d);
                }
                _ => self.walk_problems.push(d),
            }
        }
    }

    /// Builds the model from the loaded documents, rendering only documents not in the cache.
    /// Documents are rendered first, so what changed is known before links are resolved: a
    /// document that did not change, whose links lead to no document whose address or
    /// headings changed, is taken from the published model with its links resolved.
    pub(super) fn build_model(&mut self, config: SiteConfig) -> (Archive, Diagnostics) {
        let mut diagnostics = Diagnostics::default();
        let label = crate::core::i18n::text(config.language, "table");
        let stale: Vec<&SourceDocument> = self
            .sources
            .iter()
            .filter(|(rel, _)| !self.cache.contains_key(*rel))
            .map(|(_, doc)| doc)
            .collect();
        let site_root = &self.site_root;
        let fresh: Vec<(Document, Vec<Diagnostic>)> = stale
            .into_par_iter()
            .map(|source| render_document(source.clone(), site_root, label))
            .collect();
        for (doc, problems) in fresh {
            self.unpublished.insert(doc.content_path.clone());
            self.cache.insert(doc.content_path.clone(), (doc, problems));
        }
        let reusable = self.reusable();
        let mut loaded = content::LoadedContent::default();
        for doc in self.sources.values() {
            // A cached document is never rendered again, so its body need not be copied.
            let body = if self.cache.contains_key(&doc.content_path) {
                String::new()
            } else {
                doc.body.clone()
            };
            loaded.documents.push(SourceDocument {
                source: doc.source.clone(),
                content_path: doc.content_path.clone(),
                front: doc.front.clone(),
                body,
                stored_body: None,
                body_line: doc.body_line,
                slug: doc.slug.clone(),
            });
        }
        loaded.assets = self.assets.iter().cloned().collect();
        loaded
            .diagnostics
            .extend(self.walk_problems.iter().cloned());
        for problems in self.load_problems.values() {
            loaded.diagnostics.extend(problems.iter().cloned());
        }
        let cache = &self.cache;
        let published = self.published.as_ref();
        let render = |source: SourceDocument, root: &Path, label: &str| {
            let Some((doc, problems)) = cache.get(&source.content_path) else {
                return render_document(source, root, label);
            };
            let carried = published
                .filter(|_| reusable.contains(&source.content_path))
                .and_then(|p| Some(&p.archive.documents[*p.by_source.get(&source.content_path)?]));
            match carried {
                Some(resolved) => {
                    // Meetings, programmes and access are worked out again for the new model.
                    let mut doc = resolved.clone();
                    doc.meeting = None;
                    doc.programme_documents = Vec::new();
                    doc.programme_item = None;
                    doc.programme_members = Vec::new();
                    (doc, problems.clone())
                }
                None => (doc.clone(), problems.clone()),
            }
        };
        let archive = build_archive_with(
            config,
            &self.site_root,
            loaded,
            &mut diagnostics,
            &render,
            false,
        );
        (archive, diagnostics)
    }

    /// The documents of the published model that can be carried into the next one with their
    /// links resolved: every one that did not change since, whose links lead to no document
    /// whose address or headings changed. None when documents were added or removed, or files
    /// under `content/` came or went (links to files are resolved too).
    fn reusable(&self) -> HashSet<PathBuf> {
        let Some(published) = &self.published else {
            return HashSet::new();
        };
        let archive = &published.archive;
        let same_documents = archive.documents.len() == self.sources.len()
            && self
                .sources
                .keys()
                .all(|rel| published.by_source.contains_key(rel));
        let same_assets = archive.assets.len() == self.assets.len()
            && archive.assets.iter().zip(&self.assets).all(|(a, b)| a == b);
        if !same_documents || !same_assets {
            return HashSet::new();
        }
        let moved: HashSet<&Path> = self
            .unpublished
            .iter()
            .filter(|rel| {
                let old = published
                    .by_source
                    .get(*rel)
                    .map(|&i| &archive.documents[i]);
                let new = self.cache.get(*rel).map(|(doc, _)| doc);
                match (old, new) {
                    (Some(old), Some(new)) => new.url != old.url || anchors(new) != anchors(old),
                    _ => true,
                }
            })
            .map(PathBuf::as_path)
            .collect();
        archive
            .documents
            .iter()
            .filter(|d| !self.unpublished.contains(&d.content_path))
            .filter(|d| d.links_to.iter().all(|t| !moved.contains(t.as_path())))
            .map(|d| d.content_path.clone())
            .collect()
    }
}
