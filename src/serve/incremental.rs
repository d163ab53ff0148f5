//! Incremental rebuilds for serve. A secretary saving one report must see it in well under a
//! second on a 1,000-document archive, so an edit reloads only the files that changed, reuses
//! the rendered Markdown of every other document, rebuilds the (cheap) model, and re-renders
//! only the pages whose content can have changed: the document's own page and every list,
//! meeting, neighbour and index page it appears on, before and after the edit. A change to
//! `site.yaml` or a template renders everything again.

use crate::archive::{build_archive_with, render_document, Archive, Document};
use crate::config::SiteConfig;
use crate::content::{self, SourceDocument, CONTENT_DIR};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::kind::Kind;
use crate::output::CopiedFile;
use crate::pipeline::{self, StageTimings};
use crate::render::{self, OutputFile, Page, Renderer};
use crate::slug::slugify;
use crate::theme::Theme;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
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
    pub language: crate::config::Language,
    /// Time per step, for `--timings`.
    pub timings: StageTimings,
}

/// The last model that was published, kept to compare the next one with.
struct Published {
    archive: Arc<Archive>,
    /// Each document's card as JSON, to see when the way it is listed changed.
    cards: Vec<String>,
    kind_nav: String,
    by_source: HashMap<PathBuf, usize>,
    paths: HashSet<String>,
}

/// Holds what serve has loaded and rendered so far, and rebuilds from it.
pub struct SiteBuilder {
    site_root: PathBuf,
    drafts: bool,
    setup: Option<(SiteConfig, Theme)>,
    /// Loaded documents by path relative to `content/`.
    sources: BTreeMap<PathBuf, SourceDocument>,
    /// Problems of files that did not load, by path relative to `content/`.
    load_problems: BTreeMap<PathBuf, Vec<Diagnostic>>,
    /// Problems walking `content/` itself.
    walk_problems: Vec<Diagnostic>,
    assets: BTreeSet<PathBuf>,
    /// Rendered Markdown (links not yet resolved) of documents that did not change.
    cache: HashMap<PathBuf, (Document, Vec<Diagnostic>)>,
    published: Option<Published>,
    /// Paths of site-wide pages waiting for `render_deferred`.
    deferred: HashSet<String>,
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
        }
    }

    /// Applies the changes and renders what they affect. On error nothing is published: the
    /// caller keeps serving the last good pages and shows the problems.
    pub fn rebuild(&mut self, changes: &[Change]) -> Result<Update, Diagnostics> {
        let mut timings = StageTimings::default();
        let t = Instant::now();
        let everything = self.setup.is_none()
            || self.published.is_none()
            || changes.iter().any(|c| *c == Change::Everything);
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
        let (mut archive, mut diagnostics) = self.build_model(config);
        let t = timings.record("model", t);
        pipeline::complete_model(&mut archive, &mut diagnostics);
        let t = timings.record("model steps", t);
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
            serde_json::to_string(&crate::context::kind_nav(&archive)).unwrap_or_default();
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

    /// Reloads one changed path under `content/`. Returns true when the change is a folder (added,
    /// moved or deleted), which needs a walk of the whole `content/` folder.
    fn apply_content_change(&mut self, rel: &Path) -> bool {
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
                    Ok(None) => {}
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
    fn was_folder(&self, rel: &Path) -> bool {
        self.sources.keys().any(|p| p.starts_with(rel) && p != rel)
            || self.assets.iter().any(|p| p.starts_with(rel) && p != rel)
            || self
                .load_problems
                .keys()
                .any(|p| p.starts_with(rel) && p != rel)
    }

    /// Walks and loads all of `content/`; documents whose text did not change keep their
    /// rendered Markdown.
    fn rescan_content(&mut self) {
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
    fn build_model(&mut self, config: SiteConfig) -> (Archive, Diagnostics) {
        let mut diagnostics = Diagnostics::default();
        let mut loaded = content::LoadedContent::default();
        for (rel, doc) in &self.sources {
            // A cached document is never rendered again, so its body need not be copied.
            let body = if self.cache.contains_key(rel) {
                String::new()
            } else {
                doc.body.clone()
            };
            loaded.documents.push(SourceDocument {
                source: doc.source.clone(),
                content_path: doc.content_path.clone(),
                front: doc.front.clone(),
                body,
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
        let fresh: Mutex<Vec<(Document, Vec<Diagnostic>)>> = Mutex::new(Vec::new());
        let cache = &self.cache;
        let render = |source: SourceDocument, root: &Path, label: &str| {
            if let Some((doc, problems)) = cache.get(&source.content_path) {
                return (doc.clone(), problems.clone());
            }
            let (doc, problems) = render_document(source, root, label);
            if let Ok(mut f) = fresh.lock() {
                f.push((doc.clone(), problems.clone()));
            }
            (doc, problems)
        };
        let archive =
            build_archive_with(config, &self.site_root, loaded, &mut diagnostics, &render);
        for (doc, problems) in fresh.into_inner().unwrap_or_default() {
            self.cache.insert(doc.content_path.clone(), (doc, problems));
        }
        (archive, diagnostics)
    }
}

/// The output paths whose content can differ between the published model and the new one, or
/// `None` when every page must be rendered (what every page shows changed).
fn affected_paths(
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

/// Pages about the whole site that no edit of one document is waiting to see: rendered after
/// the edited pages. Page kinds this module does not know are treated the same way.
fn is_deferrable(page: Page) -> bool {
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
    let group = |groups: &[crate::archive::Group], name: &str| {
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
        let names_it = archive.documents[m]
            .front
            .programme
            .iter()
            .any(|p| p.document.as_deref().is_some_and(|s| slugify(s) == d.slug));
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

#[cfg(test)]
mod tests {
    use super::*;

    fn copy_dir(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy_dir(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), &target).unwrap();
            }
        }
    }

    /// Applies an update the way the server publishes it.
    fn apply(site: &mut HashMap<String, Vec<u8>>, update: Update) {
        if update.full {
            site.clear();
        }
        for path in update.removed {
            site.remove(&path);
        }
        for f in update.files {
            site.insert(f.path, f.contents);
        }
    }

    /// A rebuild followed by the deferred site-wide pages, as the serve loop does.
    fn rebuild_all(
        builder: &mut SiteBuilder,
        site: &mut HashMap<String, Vec<u8>>,
        changes: &[Change],
    ) -> Result<(bool, usize), Diagnostics> {
        let update = builder.rebuild(changes)?;
        let (full, rendered) = (update.full, update.pages_rendered);
        apply(site, update);
        if builder.has_deferred() {
            apply(site, builder.render_deferred()?);
        }
        assert!(!builder.has_deferred());
        Ok((full, rendered))
    }

    fn full_build(root: &Path) -> HashMap<String, Vec<u8>> {
        let mut fresh = SiteBuilder::new(root, false);
        let mut site = HashMap::new();
        apply(&mut site, fresh.rebuild(&[Change::Everything]).unwrap());
        site
    }

    fn edit(root: &Path, rel: &str, from: &str, to: &str) -> Change {
        let path = root.join(CONTENT_DIR).join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{rel} contains {from:?}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
        Change::Content(PathBuf::from(rel))
    }

    /// After every kind of edit, the pages the incremental builder serves are exactly the pages
    /// a fresh full build makes: nothing an edit affects is left stale, nothing gone is kept.
    #[test]
    fn incremental_rebuilds_match_a_full_build() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        copy_dir(&repo.join(CONTENT_DIR), &root.join(CONTENT_DIR));
        std::fs::copy(repo.join("site.yaml"), root.join("site.yaml")).unwrap();
        let mut builder = SiteBuilder::new(&root, false);
        let mut served = HashMap::new();
        rebuild_all(&mut builder, &mut served, &[Change::Everything]).unwrap();
        let total = served.len();

        let news = "2024/nyhedsbrev-juni-2024.md";
        let meeting = "2024/efteraarsmoede-2024/index.md";
        let report = "2024/uddannelsesudvalgets-beretning-2024.md";
        let steps: [(&str, &str, &str, &str); 8] = [
            ("body", news, "Kære medlemmer", "Kære alle medlemmer"),
            (
                "title",
                news,
                "title: Nyhedsbrev juni 2024",
                "title: Sommerbrev 2024",
            ),
            (
                "date to another year",
                news,
                "date: 2024-06-20",
                "date: 2023-06-20",
            ),
            (
                "tags",
                news,
                "tags: [nyhedsbrev,",
                "tags: [sommer, nyhedsbrev,",
            ),
            ("kind", news, "kind: newsletter", "kind: minutes"),
            (
                "meeting title",
                meeting,
                "title: Efterårsmøde 2024",
                "title: Høstmøde 2024",
            ),
            (
                "leaves its meeting",
                report,
                "meeting: efteraarsmoede-2024\n",
                "",
            ),
            (
                "committee",
                report,
                "committee: Uddannelsesudvalget",
                "committee: Kursusudvalget",
            ),
        ];
        for (what, file, from, to) in steps {
            let change = edit(&root, file, from, to);
            let (full, _) = rebuild_all(&mut builder, &mut served, &[change]).unwrap();
            // A new kind changes the counts in every page's navigation, so all pages are redone.
            assert_eq!(full, what == "kind", "{what}: full rebuild or not");
            let expected = full_build(&root);
            let mut stale: Vec<&String> = expected
                .iter()
                .filter(|(p, c)| served.get(*p) != Some(*c))
                .map(|(p, _)| p)
                .collect();
            stale.sort();
            assert!(stale.is_empty(), "{what}: stale or missing pages {stale:?}");
            let mut extra: Vec<&String> = served
                .keys()
                .filter(|p| !expected.contains_key(*p))
                .collect();
            extra.sort();
            assert!(
                extra.is_empty(),
                "{what}: pages that should be gone {extra:?}"
            );
        }

        // A one-document body edit renders a small part of the site.
        let change = edit(&root, news, "Kære alle medlemmer", "Kære medlemmer");
        let (_, rendered) = rebuild_all(&mut builder, &mut served, &[change]).unwrap();
        assert!(
            rendered * 3 < total,
            "{rendered} of {total} pages rendered for a body edit"
        );
        assert_eq!(served, full_build(&root));

        // Added and deleted files.
        let added = "2025/nyt-dokument.md";
        std::fs::write(
            root.join(CONTENT_DIR).join(added),
            "---\ntitle: Nyt\ndate: 2025-03-01\nkind: newsletter\ntags: [nyhedsbrev]\n---\nTekst.\n",
        )
        .unwrap();
        let change = Change::Content(added.into());
        rebuild_all(&mut builder, &mut served, &[change.clone()]).unwrap();
        assert!(served.contains_key("2025/nyt-dokument/index.html"));
        assert_eq!(served, full_build(&root));
        std::fs::remove_file(root.join(CONTENT_DIR).join(added)).unwrap();
        rebuild_all(&mut builder, &mut served, &[change]).unwrap();
        assert!(!served.contains_key("2025/nyt-dokument/index.html"));
        assert_eq!(served, full_build(&root));

        // A folder moved out of the site and back (a meeting folder with its documents).
        let folder = root.join(CONTENT_DIR).join("2024/efteraarsmoede-2024");
        let aside = dir.path().join("aside");
        let change = Change::Content("2024/efteraarsmoede-2024".into());
        std::fs::rename(&folder, &aside).unwrap();
        rebuild_all(&mut builder, &mut served, &[change.clone()]).unwrap();
        assert!(!served.contains_key("2024/efteraarsmoede-2024/index.html"));
        assert_eq!(served, full_build(&root));
        std::fs::rename(&aside, &folder).unwrap();
        rebuild_all(&mut builder, &mut served, &[change]).unwrap();
        assert_eq!(served, full_build(&root));
    }

    #[test]
    fn a_broken_file_is_an_error_and_its_fix_recovers() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        copy_dir(&repo.join(CONTENT_DIR), &root.join(CONTENT_DIR));
        std::fs::copy(repo.join("site.yaml"), root.join("site.yaml")).unwrap();
        let mut builder = SiteBuilder::new(&root, false);
        let mut served = HashMap::new();
        apply(&mut served, builder.rebuild(&[Change::Everything]).unwrap());
        let news = "2024/nyhedsbrev-juni-2024.md";
        let change = edit(&root, news, "kind: newsletter", "kind: newsleter");
        let errors = builder.rebuild(&[change.clone()]).unwrap_err();
        let first = errors.errors().next().unwrap();
        assert_eq!(
            first.file.as_deref(),
            Some(Path::new("content/2024/nyhedsbrev-juni-2024.md"))
        );
        assert!(first.line > 0);
        // A broken site.yaml is an error too, and does not lose the loaded content.
        std::fs::write(root.join("site.yaml"), "title: [x\n").unwrap();
        assert!(builder.rebuild(&[Change::Everything]).is_err());
        std::fs::copy(repo.join("site.yaml"), root.join("site.yaml")).unwrap();
        edit(&root, news, "kind: newsleter", "kind: newsletter");
        apply(
            &mut served,
            builder.rebuild(&[Change::Everything, change]).unwrap(),
        );
        assert_eq!(served, full_build(&root));
    }
}
