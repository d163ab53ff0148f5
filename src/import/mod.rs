//! `arkiv import`: turns an association's PowerPoint, Word, Excel and PDF files into arkiv
//! documents under `content/`, with the original copied beside each as an attachment. It
//! guesses kind, date and title and says how, never overwrites a file, recognises a file it
//! imported before, and never panics on a broken file: that file is named with the reason and
//! the others are still imported.

mod converted;
mod docx;
mod docx_styles;
pub mod guess;
pub mod markdown_out;
mod odp;
mod ooxml;
mod pdf_layout;
mod pdf_lines;
mod pdf_text;
mod pptx;
mod scan;
mod write;
mod xlsx;

use crate::core::diagnostics::{display_path, Diagnostic};
use crate::core::messages::{msg, Messages, Text};
use crate::core::slug::slugify;
use converted::problem;
pub use converted::{media_marker, Converted, ImportOptions, Source};
use std::collections::HashMap;
use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

/// Files larger than this are refused rather than read into memory.
const MAX_INPUT_BYTES: u64 = 512 * 1024 * 1024;

/// One line per outcome, for the caller and the tests.
#[derive(Debug, Default)]
pub struct Summary {
    pub imported: usize,
    pub already: usize,
    pub failed: usize,
    pub skipped: usize,
}

/// Checks options that make the whole command meaningless (exit 2).
/// The problem and what to do about it.
pub fn check_usage(options: &ImportOptions) -> Result<(), (Text, Option<Text>)> {
    if !options.site.join("site.yaml").is_file() {
        return Err((
            msg("import.no_site", &[("dir", &display_path(&options.site))]),
            Some(msg("import.no_site.hint", &[])),
        ));
    }
    if let Some(into) = &options.into {
        let ok = into.is_relative()
            && into.components().next().map(|c| c.as_os_str()) == Some("content".as_ref())
            && into
                .components()
                .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !ok {
            return Err((
                msg("import.bad_into", &[("dir", &display_path(into))]),
                None,
            ));
        }
    }
    if let Some(m) = &options.meeting {
        if slugify(m) != *m || m.is_empty() {
            return Err((
                msg(
                    "import.bad_meeting",
                    &[("meeting", m), ("slug", &slugify(m))],
                ),
                None,
            ));
        }
    }
    Ok(())
}

/// Imports every file (folders are searched for supported files). Prints a report per file
/// to `out` and problems to `err`, in the language of `m`.
pub fn run(
    inputs: &[PathBuf],
    options: &ImportOptions,
    m: Messages,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Summary {
    let mut summary = Summary::default();
    let site = scan::scan(&options.site.join("content"));
    let mut known = site.imports;
    if let Some(meeting) = &options.meeting {
        if !site.meetings.contains(meeting) {
            let hint = crate::core::diagnostics::suggest(
                meeting,
                site.meetings.iter().map(String::as_str),
            )
            .and_then(|s| crate::core::diagnostics::suggest_names(&[s]));
            let warning =
                Diagnostic::warning(None, msg("import.no_meeting_yet", &[("meeting", meeting)]))
                    .maybe_hint(hint);
            let _ = writeln!(err, "{}", warning.localized(m.language));
        }
    }
    for (path, explicit) in expand(inputs) {
        if !explicit && format_of(&path).is_none() {
            let _ = writeln!(
                out,
                "{}",
                m.fill("import.skipped", &[("path", &display_path(&path))])
            );
            summary.skipped += 1;
            continue;
        }
        match import_one(&path, options, m, &mut known) {
            Ok(Outcome::Imported(report)) => {
                let _ = write!(out, "{report}");
                summary.imported += 1;
            }
            Ok(Outcome::Already(report)) => {
                let _ = writeln!(out, "{report}");
                summary.already += 1;
            }
            Err(d) => {
                let _ = writeln!(err, "{}", d.localized(m.language));
                summary.failed += 1;
            }
        }
    }
    let skipped = match summary.skipped {
        0 => String::new(),
        n => m.fill("import.summary.skipped", &[("n", &n)]),
    };
    let _ = writeln!(
        out,
        "{}",
        m.fill(
            "import.summary",
            &[
                ("imported", &summary.imported),
                ("already", &summary.already),
                ("failed", &summary.failed),
                ("skipped", &skipped),
            ],
        )
    );
    if summary.imported > 0 {
        let _ = writeln!(out, "{}", m.get("import.summary.next"));
    }
    summary
}

enum Outcome {
    Imported(String),
    Already(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Pptx,
    Odp,
    Docx,
    Sheet,
    Pdf,
}

fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_string_lossy().to_lowercase();
    match ext.as_str() {
        "pptx" | "pptm" => Some(Format::Pptx),
        "odp" => Some(Format::Odp),
        "docx" | "docm" => Some(Format::Docx),
        "xlsx" | "xlsm" | "ods" => Some(Format::Sheet),
        "pdf" => Some(Format::Pdf),
        _ => None,
    }
}

/// Files in order; folders are walked (hidden files and Office lock files left out). `true` marks files named on
/// the command line, which must be importable.
fn expand(inputs: &[PathBuf]) -> Vec<(PathBuf, bool)> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found: Vec<PathBuf> = walkdir::WalkDir::new(input)
                .into_iter()
                .filter_entry(|e| {
                    // Hidden files, and the lock files Office leaves beside open documents.
                    let name = e.file_name().to_string_lossy();
                    e.depth() == 0 || !(name.starts_with('.') || name.starts_with("~$"))
                })
                .filter_map(|e| e.ok())
                .filter(|e| e.file_type().is_file())
                .map(|e| e.into_path())
                .collect();
            found.sort();
            files.extend(found.into_iter().map(|p| (p, false)));
        } else {
            files.push((input.clone(), true));
        }
    }
    files
}

fn import_one(
    path: &Path,
    options: &ImportOptions,
    m: Messages,
    known: &mut HashMap<String, PathBuf>,
) -> Result<Outcome, Diagnostic> {
    let Some(format) = format_of(path) else {
        return Err(problem(
            path,
            msg("import.unsupported", &[]),
            msg("import.unsupported.hint", &[]),
        ));
    };
    let meta = std::fs::metadata(path).map_err(|e| {
        problem(
            path,
            msg("import.cannot_read", &[("error", &e)]),
            msg("import.cannot_read.missing_hint", &[]),
        )
    })?;
    if meta.len() > MAX_INPUT_BYTES {
        let mb = meta.len() / 1_000_000;
        return Err(problem(
            path,
            msg("import.too_big", &[("mb", &mb)]),
            msg("import.too_big.hint", &[]),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        problem(
            path,
            msg("import.cannot_read", &[("error", &e)]),
            msg("import.cannot_read.hint", &[]),
        )
    })?;
    let fp = scan::fingerprint(&bytes);
    if let Some(doc) = known.get(&fp) {
        return Ok(Outcome::Already(m.fill(
            "import.already",
            &[
                ("path", &display_path(path)),
                (
                    "doc",
                    &display_path(doc.strip_prefix(&options.site).unwrap_or(doc)),
                ),
            ],
        )));
    }
    let source = Source {
        path,
        forced_kind: options.kind,
    };
    let original = bytes.clone();
    let result = catch_unwind(AssertUnwindSafe(|| match format {
        Format::Pptx => pptx::convert(bytes, &source),
        Format::Odp => odp::convert(bytes, &source),
        Format::Docx => docx::convert(bytes, &source),
        Format::Sheet => xlsx::convert(bytes, &source),
        Format::Pdf => pdf_layout::convert(&bytes, &source),
    }));
    let converted = match result {
        Ok(Ok(c)) => c,
        Ok(Err(message)) => {
            return Err(problem(path, message, msg("import.reader_error.hint", &[])))
        }
        Err(_) => {
            return Err(problem(
                path,
                msg("import.reader_failed", &[]),
                msg("import.reader_failed.hint", &[]),
            ))
        }
    };
    let doc = write::write_document(path, &original, &fp, converted, options, m)?;
    known.insert(fp, doc.1.clone());
    Ok(Outcome::Imported(doc.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        assert_eq!(format_of(Path::new("a.PPTX")), Some(Format::Pptx));
        assert_eq!(format_of(Path::new("a.ods")), Some(Format::Sheet));
        assert_eq!(format_of(Path::new("a.doc")), None);
        assert_eq!(format_of(Path::new("noext")), None);
    }

    #[test]
    fn usage_checks() {
        let dir = tempfile::tempdir().unwrap();
        let mut o = ImportOptions {
            site: dir.path().to_path_buf(),
            ..Default::default()
        };
        assert!(check_usage(&o).unwrap_err().0.en.contains("site.yaml"));
        std::fs::write(dir.path().join("site.yaml"), "title: X\n").unwrap();
        assert!(check_usage(&o).is_ok());
        o.into = Some(PathBuf::from("../x"));
        assert!(check_usage(&o)
            .unwrap_err()
            .0
            .en
            .contains("inside content/"));
        o.into = Some(PathBuf::from("content/2025/moede"));
        assert!(check_usage(&o).is_ok());
        o.meeting = Some("Forårsmøde".into());
        assert!(check_usage(&o).unwrap_err().0.en.contains("foraarsmoede"));
    }
}
