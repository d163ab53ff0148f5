//! Attached PDFs are read once at build time for their own title, page count and text: the
//! PDF index shows title and pages, document pages show page counts, and search indexes the
//! text. A PDF that cannot be read (broken, encrypted, not a PDF at all) is a warning naming
//! the file; the build goes on, because a secretary's scanned minutes must never stop it.

use crate::core::diagnostics::{Diagnostic, Diagnostics};
use crate::core::language::Language;
use crate::core::messages::{msg, Messages, Text};
use crate::load::content::CONTENT_DIR;
use crate::model::attachments::PdfInfo;
use crate::model::document::Document;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::SystemTime;

/// Text beyond this many characters is dropped: enough for search and excerpts, and a
/// 500-page annual report cannot blow up the search index.
pub const MAX_TEXT_CHARS: usize = 200_000;

/// Decompressed page content beyond this is not read (guards against zip bombs).
const MAX_PAGE_BYTES: usize = 32 * 1024 * 1024;

/// Why a PDF could not be read, in words a secretary can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfProblem {
    /// Completes "the PDF …" ("PDF'en …"): `is encrypted …`.
    pub message: Text,
    pub hint: Text,
}

/// Reads one PDF from memory. Never panics: a panic inside the PDF library is caught and
/// reported as a problem like any other.
pub fn read_pdf(bytes: &[u8]) -> Result<PdfInfo, PdfProblem> {
    if !looks_like_pdf(bytes) {
        return Err(PdfProblem {
            message: msg("pdf.not_pdf", &[]),
            hint: msg("pdf.not_pdf.hint", &[]),
        });
    }
    match catch_unwind(AssertUnwindSafe(|| read_pdf_inner(bytes))) {
        Ok(result) => result,
        Err(_) => Err(PdfProblem {
            message: msg("pdf.reader_failed", &[]),
            hint: msg("pdf.reader_failed.hint", &[]),
        }),
    }
}

fn looks_like_pdf(bytes: &[u8]) -> bool {
    // The header may follow a little junk; viewers look in the first kilobyte.
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// A complete PDF ends with `%%EOF` (give or take trailing junk); without it the file was cut
/// short, and whatever a lenient reader salvages (page count, text) would be wrong.
fn looks_complete(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    tail.windows(5).any(|w| w == b"%%EOF")
}

fn read_pdf_inner(bytes: &[u8]) -> Result<PdfInfo, PdfProblem> {
    if !looks_complete(bytes) {
        return Err(PdfProblem {
            message: msg("pdf.cut_short", &[]),
            hint: msg("pdf.cut_short.hint", &[]),
        });
    }
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| PdfProblem {
        message: msg("pdf.unreadable", &[("error", &e)]),
        hint: msg("pdf.unreadable.hint", &[]),
    })?;
    let pages = doc.get_pages();
    let page_count = u32::try_from(pages.len()).ok();
    // Decrypted when the user password is empty (common: "no printing" PDFs); otherwise
    // the strings are still scrambled and nothing can be read.
    let still_encrypted =
        (doc.is_encrypted() || doc.trailer.get(b"Encrypt").is_ok()) && !doc.was_encrypted();
    if still_encrypted {
        return Err(PdfProblem {
            message: msg("pdf.encrypted", &[]),
            hint: msg("pdf.encrypted.hint", &[]),
        });
    }
    let title = info_title(&doc);
    let mut text = String::new();
    // A page whose text cannot be decoded is skipped; the others still count.
    for chunk in pages.values().filter_map(|&id| page_text(&doc, id).ok()) {
        append_normalized(&mut text, &chunk);
        if text.len() > MAX_TEXT_CHARS * 4 {
            break;
        }
    }
    if text.chars().count() > MAX_TEXT_CHARS {
        text = text.chars().take(MAX_TEXT_CHARS).collect();
    }
    Ok(PdfInfo {
        pages: page_count,
        title,
        text: text.trim().to_string(),
    })
}

/// The document information dictionary's Title, when it says something useful.
fn info_title(doc: &lopdf::Document) -> Option<String> {
    let info = doc.trailer.get(b"Info").ok()?;
    let (_, info) = doc.dereference(info).ok()?;
    let title = info.as_dict().ok()?.get(b"Title").ok()?;
    let (_, title) = doc.dereference(title).ok()?;
    let title = lopdf::decode_text_string(title).ok()?;
    let title = crate::core::sanitize::strip_control(&title);
    let title: String = title.split_whitespace().collect::<Vec<_>>().join(" ");
    // Word and friends write placeholders like "Microsoft Word - x.docx" or "untitled".
    let lower = title.to_lowercase();
    if title.is_empty()
        || lower == "untitled"
        || lower.starts_with("microsoft word -")
        || lower.ends_with(".docx")
        || lower.ends_with(".doc")
    {
        return None;
    }
    Some(title)
}

/// The text of one page, in content order. Unlike `lopdf`'s own extraction, a move to a new
/// line (`Td` with a vertical step, `T*`, `Tm`, a new text object) separates words, so
/// "Dagsorden" and "1. Valg af dirigent" on two lines do not run together for search.
fn page_text(doc: &lopdf::Document, page: lopdf::ObjectId) -> lopdf::Result<String> {
    let encodings: BTreeMap<Vec<u8>, lopdf::Encoding> = doc
        .get_page_fonts(page)?
        .into_iter()
        .filter_map(|(name, font)| {
            font.get_font_encoding_with_limit(doc, MAX_PAGE_BYTES)
                .ok()
                .map(|e| (name, e))
        })
        .collect();
    let data = doc.get_page_content_with_limit(page, MAX_PAGE_BYTES)?;
    let content = lopdf::content::Content::decode(&data)?;
    let mut text = String::new();
    let mut encoding = None;
    let new_word = |text: &mut String| {
        if !text.is_empty() && !text.ends_with(char::is_whitespace) {
            text.push(' ');
        }
    };
    for op in &content.operations {
        match op.operator.as_str() {
            "Tf" => {
                encoding = op
                    .operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .and_then(|n| encodings.get(n));
            }
            "Tj" | "TJ" | "'" | "\"" => {
                if op.operator != "Tj" && op.operator != "TJ" {
                    new_word(&mut text);
                }
                if let Some(e) = encoding {
                    collect_strings(&mut text, e, &op.operands);
                }
            }
            "Td" | "TD" => {
                let dy = op
                    .operands
                    .get(1)
                    .and_then(|o| o.as_float().ok())
                    .unwrap_or(0.0);
                if dy != 0.0 {
                    new_word(&mut text);
                }
            }
            "T*" | "Tm" | "BT" | "ET" => new_word(&mut text),
            _ => {}
        }
    }
    Ok(text)
}

/// Decodes the strings of a text operator; in `TJ` arrays a large negative offset is the
/// gap between words.
pub fn collect_strings(text: &mut String, encoding: &lopdf::Encoding, operands: &[lopdf::Object]) {
    for operand in operands {
        match operand {
            lopdf::Object::String(bytes, _) => {
                let _ = encoding.write_to_string(bytes, text);
            }
            lopdf::Object::Array(items) => collect_strings(text, encoding, items),
            lopdf::Object::Integer(i) if *i < -200 => text.push(' '),
            lopdf::Object::Real(r) if *r < -200.0 => text.push(' '),
            _ => {}
        }
    }
}

/// Collapses runs of whitespace so the text reads as words, not layout, and dot leaders of
/// tables of contents and accounts ("Indtægter ........ 1.028.217") to one ellipsis.
fn append_normalized(out: &mut String, chunk: &str) {
    let mut cleaned = String::with_capacity(chunk.len());
    let mut dots = 0;
    for c in chunk.chars() {
        if c == '.' || c == '…' {
            dots += 1;
            continue;
        }
        flush_dots(&mut cleaned, dots);
        dots = 0;
        if !crate::core::sanitize::is_stripped(c) {
            cleaned.push(c);
        }
    }
    flush_dots(&mut cleaned, dots);
    for word in cleaned.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
}

/// Reads every attached PDF (each file once, in parallel) and fills `Attachment::pdf`.
/// Problems become warnings naming the PDF; the attachment simply has no PDF facts.
pub fn fill_attachments(
    documents: &mut [Document],
    site_root: &Path,
    diagnostics: &mut Diagnostics,
) {
    let paths: BTreeSet<String> = documents
        .iter()
        .flat_map(|d| d.attachments.iter())
        .filter(|a| a.is_pdf)
        .map(|a| a.path.clone())
        .collect();
    if paths.is_empty() {
        return;
    }
    let content_root = site_root.join(CONTENT_DIR);
    let results: Vec<(String, Result<PdfInfo, Diagnostic>)> = paths
        .into_par_iter()
        .map(|path| {
            let result = read_file(&content_root, &path);
            (path, result)
        })
        .collect();
    let mut infos: HashMap<String, PdfInfo> = HashMap::new();
    for (path, result) in results {
        match result {
            Ok(info) => {
                infos.insert(path, info);
            }
            Err(d) => diagnostics.push(d),
        }
    }
    for doc in documents.iter_mut() {
        for a in doc.attachments.iter_mut() {
            if let Some(info) = infos.get(&a.path) {
                a.pdf = Some(info.clone());
            }
        }
    }
}

/// What was read from each PDF, by full path, with the size and modification time it had:
/// `arkiv serve` rebuilds the model on every edit, and a large annual report should be read
/// once per change, not once per keystroke in another file.
type Memo = HashMap<PathBuf, (u64, Option<SystemTime>, Result<PdfInfo, Diagnostic>)>;

fn memo() -> &'static Mutex<Memo> {
    static MEMO: OnceLock<Mutex<Memo>> = OnceLock::new();
    MEMO.get_or_init(|| Mutex::new(HashMap::new()))
}

fn read_file(content_root: &Path, path: &str) -> Result<PdfInfo, Diagnostic> {
    let full = content_root.join(path);
    let stamp = std::fs::metadata(&full)
        .ok()
        .map(|m| (m.len(), m.modified().ok()));
    if let (Some((len, modified)), Ok(memo)) = (stamp, memo().lock()) {
        if let Some((l, m, result)) = memo.get(&full) {
            if *l == len && *m == modified && modified.is_some() {
                return result.clone();
            }
        }
    }
    let result = read_file_uncached(content_root, path);
    if let (Some((len, modified)), Ok(mut memo)) = (stamp, memo().lock()) {
        memo.insert(full, (len, modified, result.clone()));
    }
    result
}

fn read_file_uncached(content_root: &Path, path: &str) -> Result<PdfInfo, Diagnostic> {
    let file = PathBuf::from(CONTENT_DIR).join(path);
    let bytes = std::fs::read(content_root.join(path)).map_err(|e| {
        Diagnostic::warning(file.clone(), msg("pdf.cannot_read", &[("error", &e)]))
            .hint(msg("pdf.cannot_read.hint", &[]))
    })?;
    read_pdf(&bytes).map_err(|p| {
        let problem = Text {
            en: format!("the PDF {}", p.message.en),
            da: Some(format!("PDF'en {}", p.message.in_language(Language::Da))),
        };
        let hint = msg("pdf.still_published", &[("hint", &p.hint)]);
        let hint = Text {
            da: Some(Messages::new(Language::Da).fill(
                "pdf.still_published",
                &[("hint", &p.hint.in_language(Language::Da))],
            )),
            ..hint
        };
        Diagnostic::warning(file, problem).hint(hint)
    })
}

fn flush_dots(out: &mut String, dots: usize) {
    if dots >= 4 {
        out.push_str(" … ");
    } else {
        out.extend(std::iter::repeat_n('.', dots));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_pdf_is_a_problem_not_a_panic() {
        let p = read_pdf(b"PK\x03\x04 this is a zip file").unwrap_err();
        assert!(p.message.en.contains("not a PDF"), "{}", p.message);
    }

    #[test]
    fn empty_and_truncated_are_problems() {
        assert!(read_pdf(b"").is_err());
        assert!(read_pdf(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R").is_err());
    }

    #[test]
    fn whitespace_is_collapsed() {
        let mut s = String::new();
        append_normalized(&mut s, "  Referat\n\n af   mødet ");
        append_normalized(&mut s, "side 2. Indtægter .......... 1.028.217");
        assert_eq!(s, "Referat af mødet side 2. Indtægter … 1.028.217");
    }
}
