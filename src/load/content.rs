//! Loading: walk `content/`, read every Markdown file and split off its front matter.
//! Everything else under `content/` is an asset, copied as it is.

use crate::core::diagnostics::{Diagnostic, Diagnostics};
use crate::core::messages::msg;
use crate::core::slug::slugify;
use crate::core::store::{Text, TextStore};
use crate::load::frontmatter::{self, FrontMatter};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// The folder under the site root that holds the documents.
pub const CONTENT_DIR: &str = "content";

/// A document as loaded from disk: checked front matter and the Markdown body.
#[derive(Debug, Clone)]
pub struct SourceDocument {
    /// Relative to the site root (`content/2025/beretning.md`): how users name the file.
    pub source: PathBuf,
    /// Relative to `content/` (`2025/beretning.md`): how documents link to each other.
    pub content_path: PathBuf,
    pub front: FrontMatter,
    /// The Markdown body; empty while it waits in a `TextStore` (`stored_body`).
    pub body: String,
    /// Where the body waits when loading put it in a store (`load_into`).
    pub stored_body: Option<Text>,
    /// 1-based line of the file where the body starts, so Markdown positions map to file lines.
    pub body_line: usize,
    pub slug: String,
}

/// What loading found: documents that are fine, assets to copy, and every problem.
#[derive(Debug, Default)]
pub struct LoadedContent {
    pub documents: Vec<SourceDocument>,
    /// Relative to `content/`.
    pub assets: Vec<PathBuf>,
    pub diagnostics: Diagnostics,
}

/// Editor leftovers and hidden files that must never be published or parsed (`.well-known/`,
/// which web hosts read, is published).
pub fn is_ignored_name(name: &str) -> bool {
    (name.starts_with('.') && name != ".well-known")
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913"
}

/// The one rule for symbolic links under `content/`, held by loading, attachments, the PDF
/// reader, link checks and serve: a path is read only when, with every link resolved, it still
/// lies inside `content/`. Links within `content/` are followed; anything else is an error.
pub fn resolves_inside(content_root: &Path, full: &Path) -> bool {
    match (content_root.canonicalize(), full.canonicalize()) {
        (Ok(root), Ok(target)) => target.starts_with(root),
        _ => false,
    }
}

/// The error for a link under `content/` that leads outside it.
pub fn outside_link_error(file: PathBuf) -> Diagnostic {
    Diagnostic::error(Some(file), msg("content.outside_link", &[]))
        .hint(msg("content.outside_link.hint", &[]))
}

/// Walks `content/` and loads every document in parallel; drafts are kept only with `drafts`.
pub fn load(site_root: &Path, drafts: bool) -> LoadedContent {
    load_into(site_root, drafts, &TextStore::in_memory())
}

/// `load`, with each body put in `texts` as soon as it is read (`stored_body`): a build does,
/// so the archive's Markdown (74 MB at 10,000 documents) is never in memory all at once, and
/// every file is still read once.
pub fn load_into(site_root: &Path, drafts: bool, texts: &TextStore) -> LoadedContent {
    let content_root = site_root.join(CONTENT_DIR);
    let mut loaded = LoadedContent::default();
    if !content_root.is_dir() {
        loaded.diagnostics.push(
            Diagnostic::error(Some(PathBuf::from(CONTENT_DIR)), msg("content.none", &[]))
                .hint(msg("content.none.hint", &[])),
        );
        return loaded;
    }
    let mut markdown = Vec::new();
    let mut walker = walkdir::WalkDir::new(&content_root)
        .sort_by_file_name()
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored_name(&e.file_name().to_string_lossy()));
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(|p| relative(site_root, p));
                loaded.diagnostics.push(Diagnostic::error(
                    path,
                    msg("content.cannot_read", &[("error", &e)]),
                ));
                continue;
            }
        };
        if entry.path_is_symlink() && !resolves_inside(&content_root, entry.path()) {
            loaded
                .diagnostics
                .push(outside_link_error(relative(site_root, entry.path())));
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = match entry.path().strip_prefix(&content_root) {
            Ok(r) => r.to_path_buf(),
            Err(_) => continue,
        };
        if entry.path().extension().is_some_and(|e| e == "md") {
            markdown.push(rel);
        } else {
            loaded.assets.push(rel);
        }
    }
    let results: Vec<Result<Option<SourceDocument>, Vec<Diagnostic>>> = markdown
        .par_iter()
        .map(|rel| {
            let mut doc = load_document(&content_root, rel, drafts);
            if let Ok(Some(doc)) = &mut doc {
                if texts.spills() {
                    doc.stored_body = Some(texts.keep(std::mem::take(&mut doc.body)));
                }
            }
            doc
        })
        .collect();
    let mut drafts_left_out = Vec::new();
    for (result, rel) in results.into_iter().zip(&markdown) {
        match result {
            Ok(Some(doc)) => loaded.documents.push(doc),
            Ok(None) => drafts_left_out.push(rel),
            Err(problems) => loaded.diagnostics.extend(problems),
        }
    }
    if !drafts_left_out.is_empty() {
        let hidden = draft_only_attachments(&content_root, &drafts_left_out, &loaded.documents);
        loaded.assets.retain(|a| !hidden.contains(a));
    }
    loaded
}

/// Attachments of drafts left out of the build that no published document attaches: they are
/// not published either (a draft's `secretplan.pdf` is as unpublished as its text).
fn draft_only_attachments(
    content_root: &Path,
    drafts: &[&PathBuf],
    published: &[SourceDocument],
) -> std::collections::HashSet<PathBuf> {
    let attachment_paths = |rel: &Path, front: &FrontMatter| -> Vec<PathBuf> {
        let folder = rel
            .parent()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        front
            .attachments
            .iter()
            .filter_map(|a| crate::core::urls::join_normalized(&folder, &a.path))
            .map(PathBuf::from)
            .collect()
    };
    let mut hidden = std::collections::HashSet::new();
    for rel in drafts {
        // Read again with drafts kept: drafts are few, and this keeps loading one pass.
        if let Ok(Some(doc)) = load_document(content_root, rel, true) {
            hidden.extend(attachment_paths(rel, &doc.front));
        }
    }
    for doc in published {
        for path in attachment_paths(&doc.content_path, &doc.front) {
            hidden.remove(&path);
        }
    }
    hidden
}

fn relative(site_root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(site_root).unwrap_or(path).to_path_buf()
}

/// Reads one document; `Ok(None)` is a draft left out of this build.
pub fn load_document(
    content_root: &Path,
    rel: &Path,
    drafts: bool,
) -> Result<Option<SourceDocument>, Vec<Diagnostic>> {
    let source = Path::new(CONTENT_DIR).join(rel);
    let bytes = std::fs::read(content_root.join(rel)).map_err(|e| {
        vec![Diagnostic::error(
            source.clone(),
            msg("content.cannot_read_file", &[("error", &e)]),
        )]
    })?;
    let text = decode_utf8(bytes, &source).map_err(|d| vec![d])?;
    parse_document(&text, &source, rel, drafts)
}

/// Parses a document's text; split out from loading so serve and tests can feed text directly.
pub fn parse_document(
    text: &str,
    source: &Path,
    rel: &Path,
    drafts: bool,
) -> Result<Option<SourceDocument>, Vec<Diagnostic>> {
    let text = crate::core::sanitize::strip_control(text);
    let split = frontmatter::split(&text, source).map_err(|d| vec![d])?;
    let front = frontmatter::parse(split.yaml, split.yaml_line, source)?;
    if front.draft && !drafts {
        return Ok(None);
    }
    let slug = match &front.slug {
        Some(s) => slugify(s),
        None => default_slug(rel),
    };
    if slug.is_empty() {
        return Err(vec![Diagnostic::error(
            source.to_path_buf(),
            msg("content.empty_slug", &[]),
        )
        .at(1, 1)
        .hint(msg("content.empty_slug.hint", &[]))]);
    }
    Ok(Some(SourceDocument {
        source: source.to_path_buf(),
        content_path: rel.to_path_buf(),
        front,
        body: split.body.to_string(),
        stored_body: None,
        body_line: split.body_line,
        slug,
    }))
}

/// File name without `.md`; an `index.md` takes its folder's name.
pub fn default_slug(rel: &Path) -> String {
    let stem = rel
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    if stem == "index" {
        if let Some(parent) = rel.parent().and_then(|p| p.file_name()) {
            return slugify(&parent.to_string_lossy());
        }
    }
    slugify(&stem)
}

/// UTF-8 or a clear error pointing at the first bad byte (files saved as Windows-1252 are common).
pub fn decode_utf8(bytes: Vec<u8>, file: &Path) -> Result<String, Diagnostic> {
    // simdutf8 checks Danish text several times faster than the standard library; copying the
    // checked text costs less than checking it again. A file that fails is checked again by
    // the standard library, for where it fails.
    if let Ok(text) = simdutf8::basic::from_utf8(&bytes) {
        return Ok(text.to_owned());
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.into_bytes();
        let before = &bytes[..valid];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = valid
            - before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1)
            + 1;
        Diagnostic::error(file.to_path_buf(), msg("file.not_utf8", &[]))
            .at(line, column)
            .hint(msg("file.not_utf8.hint", &[]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_from_file_or_folder() {
        assert_eq!(
            default_slug(Path::new("2025/Formandens Beretning.md")),
            "formandens-beretning"
        );
        assert_eq!(
            default_slug(Path::new("2025/generalforsamling/index.md")),
            "generalforsamling"
        );
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let err = decode_utf8(
            b"---\ntitle: K\xf8benhavn\n".to_vec(),
            Path::new("content/a.md"),
        )
        .unwrap_err();
        assert_eq!((err.line, err.column), (2, 9));
    }

    #[test]
    fn drafts_left_out_unless_asked() {
        let text = "---\ntitle: A\ndate: 2025-01-01\nkind: newsletter\ndraft: true\n---\nx";
        assert!(
            parse_document(text, Path::new("content/a.md"), Path::new("a.md"), false)
                .unwrap()
                .is_none()
        );
        assert!(
            parse_document(text, Path::new("content/a.md"), Path::new("a.md"), true)
                .unwrap()
                .is_some()
        );
    }
}

#[cfg(test)]
mod body_tests {
    use super::*;

    #[test]
    fn bodies_put_in_a_store_read_back_as_loading_keeps_them() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content/2025")).unwrap();
        let doc =
            "---\ntitle: Beretning\nkind: newsletter\ndate: 2025-03-01\n---\n\nLægevagten i år.\n";
        std::fs::write(dir.path().join("content/2025/a.md"), doc).unwrap();
        let loaded = load(dir.path(), false);
        assert!(
            loaded.diagnostics.items.is_empty(),
            "{:?}",
            loaded.diagnostics
        );
        let kept = &loaded.documents[0];
        assert!(kept.stored_body.is_none());
        let texts = TextStore::in_dir(dir.path());
        let stored = load_into(dir.path(), false, &texts).documents;
        assert_eq!(stored[0].body, "");
        let body = stored[0]
            .stored_body
            .as_ref()
            .map(|t| texts.whole(t).into_owned());
        assert_eq!(body.as_deref(), Some(kept.body.as_str()));
    }
}
