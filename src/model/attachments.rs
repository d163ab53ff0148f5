//! Attachments: the files a document lists under `attachments:`, found on disk (and only
//! inside `content/`), with a "did you mean" for a misspelt name.

use crate::core::diagnostics::Diagnostic;
use crate::core::messages::msg;
use crate::core::urls::join_normalized;
use crate::load::content::{SourceDocument, CONTENT_DIR};
use std::path::Path;

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

pub fn resolve_attachments(
    source: &SourceDocument,
    site_root: &Path,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Attachment> {
    let folder = source
        .content_path
        .parent()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .unwrap_or_default();
    let content_root = site_root.join(CONTENT_DIR);
    let mut out = Vec::new();
    for a in &source.front.attachments {
        let Some(path) = join_normalized(&folder, &a.path).filter(|p| !p.is_empty()) else {
            problems.push(
                Diagnostic::error(
                    source.source.clone(),
                    msg("attachment.outside", &[("path", &a.path)]),
                )
                .at(a.line, 1)
                .hint(msg("attachment.outside.hint", &[])),
            );
            continue;
        };
        let full = content_root.join(&path);
        match std::fs::metadata(&full) {
            Ok(meta)
                if meta.is_file()
                    && !crate::load::content::resolves_inside(&content_root, &full) =>
            {
                problems.push(
                    Diagnostic::error(
                        source.source.clone(),
                        msg("attachment.link_outside", &[("path", &a.path)]),
                    )
                    .at(a.line, 1)
                    .hint(msg("attachment.link_outside.hint", &[])),
                );
            }
            Ok(meta) if meta.is_file() => {
                let file_name = path.rsplit('/').next().unwrap_or(&path).to_string();
                out.push(Attachment {
                    title: a.title.clone().unwrap_or_else(|| file_name.clone()),
                    is_pdf: file_name.to_lowercase().ends_with(".pdf"),
                    file_name,
                    size_bytes: meta.len(),
                    path,
                    pdf: None,
                });
            }
            _ => {
                let hint = suggest_file(&content_root, &path)
                    .and_then(|s| crate::core::diagnostics::suggest_names(&[&s]))
                    .unwrap_or_else(|| msg("attachment.missing.hint", &[("path", &path)]));
                problems.push(
                    Diagnostic::error(
                        source.source.clone(),
                        msg("attachment.missing", &[("path", &a.path)]),
                    )
                    .at(a.line, 1)
                    .hint(hint),
                );
            }
        }
    }
    out
}

/// Nearest file name in the same folder, for "did you mean" on attachments.
fn suggest_file(content_root: &Path, path: &str) -> Option<String> {
    let (folder, name) = path.rsplit_once('/').unwrap_or(("", path));
    let entries = std::fs::read_dir(content_root.join(folder)).ok()?;
    let names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    crate::core::diagnostics::suggest(name, names.iter().map(String::as_str)).map(|s| s.to_string())
}
