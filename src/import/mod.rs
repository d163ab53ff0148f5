//! `arkiv import`: turns an association's PowerPoint, Word, Excel and PDF files into arkiv
//! documents under `content/`, with the original copied beside each as an attachment. It
//! guesses kind, date and title and says how, never overwrites a file, recognises a file it
//! imported before, and never panics on a broken file: that file is named with the reason and
//! the others are still imported.

mod docx;
pub mod guess;
pub mod markdown_out;
mod ooxml;
mod pdf_layout;
mod pdf_text;
mod pptx;
mod xlsx;

use crate::dates::Date;
use crate::diagnostics::{display_path, Diagnostic};
use crate::kind::Kind;
use crate::slug::slugify;
use guess::{guess_date, guess_text_kind, readable_file_name, DateSources, Guess};
use markdown_out::{Front, SOURCE_MARK};
use std::collections::HashMap;
use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

/// Files larger than this are refused rather than read into memory.
const MAX_INPUT_BYTES: u64 = 512 * 1024 * 1024;

/// The command's options, already checked (see [`check_usage`]).
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub site: PathBuf,
    pub kind: Option<Kind>,
    pub date: Option<Date>,
    pub meeting: Option<String>,
    /// Relative to the site, starting with `content`.
    pub into: Option<PathBuf>,
    pub draft: bool,
}

/// What a reader made of one file, before guessing and writing.
#[derive(Debug, Default)]
pub struct Converted {
    pub body: String,
    /// The title and where it came from, when the file itself says.
    pub title: Option<Guess<String>>,
    /// The kind the format implies (slides, accounts) or `None` to guess from the text.
    pub kind: Option<Guess<Kind>>,
    /// Plain text of the top of the document, for finding a date.
    pub top_text: String,
    pub metadata_date: Option<String>,
    pub authors: Vec<String>,
    pub summary: Option<String>,
    /// Images to write beside the document: (extension, bytes). The body refers to image
    /// `n` as [`media_marker`]`(n)`.
    pub media: Vec<(String, Vec<u8>)>,
    /// Facts for the report ("12 slides, 1 hidden slide left out").
    pub facts: Vec<String>,
}

/// Placeholder for an image's file name until the document's slug is known.
pub fn media_marker(n: usize) -> String {
    format!("\u{1}media{n}\u{1}")
}

/// Input handed to each reader.
pub struct Source<'a> {
    pub path: &'a Path,
    pub forced_kind: Option<Kind>,
}

/// One line per outcome, for the caller and the tests.
#[derive(Debug, Default)]
pub struct Summary {
    pub imported: usize,
    pub already: usize,
    pub failed: usize,
    pub skipped: usize,
}

/// Checks options that make the whole command meaningless (exit 2).
pub fn check_usage(options: &ImportOptions) -> Result<(), String> {
    if !options.site.join("site.yaml").is_file() {
        return Err(format!(
            "{} is not a site folder (it has no site.yaml)\n  hint: run arkiv import in the site's folder, or give it with --site path/to/site",
            display_path(&options.site)
        ));
    }
    if let Some(into) = &options.into {
        let ok = into.is_relative()
            && into.components().next().map(|c| c.as_os_str()) == Some("content".as_ref())
            && into
                .components()
                .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !ok {
            return Err(format!(
                "--into {} must be a folder inside content/, such as content/2025/foraarsmoede",
                display_path(into)
            ));
        }
    }
    if let Some(m) = &options.meeting {
        if slugify(m) != *m || m.is_empty() {
            return Err(format!(
                "--meeting {m} is not a slug; a meeting's slug is lower-case, such as {}",
                slugify(m)
            ));
        }
    }
    Ok(())
}

/// Imports every file (folders are searched for supported files). Prints a report per file
/// to `out` and problems to `err`.
pub fn run(
    inputs: &[PathBuf],
    options: &ImportOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Summary {
    let mut summary = Summary::default();
    let mut known = existing_imports(&options.site.join("content"));
    for (path, explicit) in expand(inputs) {
        if !explicit && format_of(&path).is_none() {
            let _ = writeln!(
                out,
                "skipped {}: not a PowerPoint, Word, Excel or PDF file",
                display_path(&path)
            );
            summary.skipped += 1;
            continue;
        }
        match import_one(&path, options, &mut known) {
            Ok(Outcome::Imported(report)) => {
                let _ = write!(out, "{report}");
                summary.imported += 1;
            }
            Ok(Outcome::Already(report)) => {
                let _ = writeln!(out, "{report}");
                summary.already += 1;
            }
            Err(d) => {
                let _ = writeln!(err, "{d}");
                summary.failed += 1;
            }
        }
    }
    let _ = writeln!(
        out,
        "{} imported, {} already imported, {} could not be imported{}",
        summary.imported,
        summary.already,
        summary.failed,
        if summary.skipped > 0 {
            format!(", {} skipped", summary.skipped)
        } else {
            String::new()
        }
    );
    summary
}

enum Outcome {
    Imported(String),
    Already(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Pptx,
    Docx,
    Sheet,
    Pdf,
}

fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_string_lossy().to_lowercase();
    match ext.as_str() {
        "pptx" | "pptm" => Some(Format::Pptx),
        "docx" | "docm" => Some(Format::Docx),
        "xlsx" | "xlsm" | "ods" => Some(Format::Sheet),
        "pdf" => Some(Format::Pdf),
        _ => None,
    }
}

/// Files in order; folders are walked (hidden files left out). `true` marks files named on
/// the command line, which must be importable.
fn expand(inputs: &[PathBuf]) -> Vec<(PathBuf, bool)> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found: Vec<PathBuf> = walkdir::WalkDir::new(input)
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
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

/// FNV-1a over the bytes, with the length: enough to recognise the same file again.
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("fnv64-{hash:016x}-{}", bytes.len())
}

/// Fingerprints recorded by earlier imports: fingerprint → document.
fn existing_imports(content: &Path) -> HashMap<String, PathBuf> {
    let mut map = HashMap::new();
    for entry in walkdir::WalkDir::new(content)
        .into_iter()
        .filter_map(|e| e.ok())
    {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        for line in text.lines().take(3) {
            if let Some(rest) = line.strip_prefix(SOURCE_MARK) {
                if let Some(fp) = rest.split_whitespace().next() {
                    map.insert(fp.to_string(), path.to_path_buf());
                }
            }
        }
    }
    map
}

fn problem(path: &Path, message: impl Into<String>, hint: &str) -> Diagnostic {
    Diagnostic::error(path.to_path_buf(), message.into()).hint(hint)
}

fn import_one(
    path: &Path,
    options: &ImportOptions,
    known: &mut HashMap<String, PathBuf>,
) -> Result<Outcome, Diagnostic> {
    let Some(format) = format_of(path) else {
        return Err(problem(
            path,
            "is not a file arkiv can import",
            "arkiv imports .pptx, .docx, .xlsx, .ods and .pdf files; save older .ppt, .doc and .xls files in the new format first",
        ));
    };
    let meta = std::fs::metadata(path).map_err(|e| {
        problem(
            path,
            format!("cannot be read: {e}"),
            "check the file name and that the file exists",
        )
    })?;
    if meta.len() > MAX_INPUT_BYTES {
        return Err(problem(
            path,
            format!("is {} MB, more than arkiv imports", meta.len() / 1_000_000),
            "split the file, or attach it to a document by hand",
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        problem(
            path,
            format!("cannot be read: {e}"),
            "check that the file can be opened",
        )
    })?;
    let fp = fingerprint(&bytes);
    if let Some(doc) = known.get(&fp) {
        return Ok(Outcome::Already(format!(
            "already imported {} as {}; nothing written",
            display_path(path),
            display_path(doc.strip_prefix(&options.site).unwrap_or(doc))
        )));
    }
    let source = Source {
        path,
        forced_kind: options.kind,
    };
    let original = bytes.clone();
    let result = catch_unwind(AssertUnwindSafe(|| match format {
        Format::Pptx => pptx::convert(bytes, &source),
        Format::Docx => docx::convert(bytes, &source),
        Format::Sheet => xlsx::convert(bytes, &source),
        Format::Pdf => pdf_layout::convert(&bytes, &source),
    }));
    let converted = match result {
        Ok(Ok(c)) => c,
        Ok(Err(message)) => return Err(problem(
            path,
            message,
            "the other files were still imported; fix or re-save this one and run the import again",
        )),
        Err(_) => {
            return Err(problem(
                path,
                "could not be read: the reader failed on it",
                "open the file and save it again, then run the import again",
            ))
        }
    };
    let doc = write_document(path, &original, &fp, converted, options)?;
    known.insert(fp, doc.1.clone());
    Ok(Outcome::Imported(doc.0))
}

/// Guesses the front matter, checks that nothing would be overwritten, writes it all.
/// Returns the report and the document's path.
fn write_document(
    path: &Path,
    original: &[u8],
    fp: &str,
    converted: Converted,
    options: &ImportOptions,
) -> Result<(String, PathBuf), Diagnostic> {
    let title = converted.title.clone().unwrap_or_else(|| Guess {
        value: readable_file_name(path),
        how: "from the file name".into(),
    });
    let (kind, committee, kind_how) = match (options.kind, &converted.kind) {
        (Some(k), _) => (k, None, "given with --kind".to_string()),
        (None, Some(g)) => (g.value, None, g.how.clone()),
        (None, None) => {
            let (k, c, how) = guess_text_kind(&title.value, &converted.top_text);
            (k, c, how)
        }
    };
    let committee = match (kind, committee) {
        (Kind::CommitteeReport, None) => Some("Udvalget".to_string()),
        (Kind::CommitteeReport, c) => c,
        _ => None,
    };
    let date = guess_date(&DateSources {
        given: options.date,
        text: &converted.top_text,
        metadata: converted.metadata_date.as_deref(),
        path,
    })
    .ok_or_else(|| {
        problem(
            path,
            "has no date in its text, metadata or name, and its modification time cannot be read",
            "give the date with --date YYYY-MM-DD",
        )
    })?;
    let mut slug: String = slugify(&title.value);
    if slug.is_empty() {
        slug = slugify(&readable_file_name(path));
    }
    if slug.is_empty() {
        slug = "dokument".into();
    }
    if slug.len() > 60 {
        let cut = slug[..60].rfind('-').unwrap_or(60);
        slug.truncate(cut);
    }
    let folder_rel = match &options.into {
        Some(into) => into.clone(),
        None => PathBuf::from("content").join(date.value.year.to_string()),
    };
    let folder = options.site.join(&folder_rel);
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let stem = path
        .file_stem()
        .map(|s| slugify(&s.to_string_lossy()))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| slug.clone());
    let original_name = format!("{stem}.{ext}");
    let md_name = format!("{slug}.md");
    let media_names: Vec<String> = converted
        .media
        .iter()
        .enumerate()
        .map(|(i, (e, _))| format!("{slug}-image-{}.{e}", i + 1))
        .collect();
    let mut planned: Vec<&str> = vec![md_name.as_str(), original_name.as_str()];
    planned.extend(media_names.iter().map(String::as_str));
    for name in &planned {
        let target = folder.join(name);
        if target.exists() {
            return Err(problem(
                path,
                format!(
                    "would write {}, which already exists; it was left alone and nothing was written",
                    display_path(&folder_rel.join(name))
                ),
                "if it is another document, import into another folder with --into content/SUBDIR, or rename the file first",
            ));
        }
    }
    let mut body = converted.body;
    for (i, name) in media_names.iter().enumerate() {
        body = body.replace(&media_marker(i), name);
    }
    let summary = converted
        .summary
        .or_else(|| markdown_out::summary_from(&body));
    let front = Front {
        title: title.value.clone(),
        date: date.value,
        kind,
        committee: committee.clone(),
        meeting: options.meeting.clone(),
        authors: converted.authors.clone(),
        summary,
        attachments: vec![(
            original_name.clone(),
            format!(
                "Original: {}",
                path.file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default()
            ),
        )],
        draft: options.draft,
        source: (
            path.file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default(),
            fp.to_string(),
        ),
    };
    // A first heading that repeats the title would show it twice on the page.
    let repeated = format!("# {}", markdown_out::escape_inline(&title.value));
    if let Some(rest) = body.trim_start().strip_prefix(&repeated) {
        if kind != Kind::Slides && rest.starts_with('\n') {
            body = rest.to_string();
        }
    }
    let text = format!("{}{}", front.render(), markdown_out::tidy(&body));
    let write_err = |e: std::io::Error, name: &str| {
        problem(
            path,
            format!(
                "could not write {}: {e}",
                display_path(&folder_rel.join(name))
            ),
            "check that the site folder can be written to",
        )
    };
    std::fs::create_dir_all(&folder).map_err(|e| write_err(e, ""))?;
    for (name, (_, bytes)) in media_names.iter().zip(&converted.media) {
        write_new(&folder.join(name), bytes).map_err(|e| write_err(e, name))?;
    }
    write_new(&folder.join(&original_name), original).map_err(|e| write_err(e, &original_name))?;
    write_new(&folder.join(&md_name), text.as_bytes()).map_err(|e| write_err(e, &md_name))?;

    let mut report = format!(
        "imported {} → {}\n",
        display_path(path),
        display_path(&folder_rel.join(&md_name))
    );
    for fact in &converted.facts {
        report.push_str(&format!("  {fact}\n"));
    }
    report.push_str(&format!("  kind:  {} ({kind_how})\n", kind.as_str()));
    if let Some(c) = committee {
        report.push_str(&format!("  committee: {c} (guessed; check it)\n"));
    }
    report.push_str(&format!("  date:  {} ({})\n", date.value, date.how));
    report.push_str(&format!("  title: {} ({})\n", title.value, title.how));
    report.push_str(&format!(
        "  original copied to {}{}\n",
        display_path(&folder_rel.join(&original_name)),
        if media_names.is_empty() {
            String::new()
        } else {
            format!(", {} images beside it", media_names.len())
        }
    ));
    Ok((report, folder.join(&md_name)))
}

/// Writes a new file; an existing file is an error, never overwritten.
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_differ_and_repeat() {
        assert_eq!(fingerprint(b"abc"), fingerprint(b"abc"));
        assert_ne!(fingerprint(b"abc"), fingerprint(b"abd"));
        assert!(fingerprint(b"").ends_with("-0"));
    }

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
        assert!(check_usage(&o).unwrap_err().contains("site.yaml"));
        std::fs::write(dir.path().join("site.yaml"), "title: X\n").unwrap();
        assert!(check_usage(&o).is_ok());
        o.into = Some(PathBuf::from("../x"));
        assert!(check_usage(&o).unwrap_err().contains("inside content/"));
        o.into = Some(PathBuf::from("content/2025/moede"));
        assert!(check_usage(&o).is_ok());
        o.meeting = Some("Forårsmøde".into());
        assert!(check_usage(&o).unwrap_err().contains("foraarsmoede"));
    }
}
