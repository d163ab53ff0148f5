//! Deterministic generator of a synthetic association archive.
//!
//! Benchmarks and tests need archives of a known, repeatable size (1,000 or
//! 10,000 documents) that stress the same code paths as a real Danish GP
//! association's archive: long reports with sections, slide decks, minutes,
//! meetings with programmes, tables with Danish amounts, internal links
//! between years, many links to external PDFs and a few attached PDF files.
//! Real archives cannot be shipped with the project and are far too small,
//! so this module fabricates one from a seed. It needs no crate beyond the
//! standard library (its own SplitMix64 generator, no hash-map iteration, no
//! clock) and shares slugs, date formatting and kinds with the site itself
//! (`arkiv::core::slug`, `arkiv::core::dates`, `arkiv::core::kind`), so the same seed and
//! options give byte-identical output on every machine, whatever the number
//! of threads used to write it.
//!
//! This file holds the public entry point and the parallel writing; the
//! submodules plan the archive (`plan`, `documents`), hold the word lists
//! (`nouns`, `vocabulary`, `topics`, `people`, `urls`), write the text of
//! each kind (`render` and the files named after the kinds) and the PDF
//! attachments (`pdf`).

mod accounts;
pub mod bench;
mod blocks;
mod calendar;
mod documents;
mod format;
mod links;
mod meetings;
mod members;
pub use members::make_members_only;
mod minutes;
mod model;
mod newsletters;
mod nouns;
mod pages;
mod pdf;
pub mod peers;
mod people;
mod phrases;
mod plan;
mod render;
mod reports;
mod rng;
mod sentences;
mod slides;
mod topics;
mod urls;
mod vocabulary;

#[cfg(test)]
mod tests;

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use arkiv::core::kind::Kind;
use pdf::pdf_bytes;
use plan::plan;
use render::Render;

/// The most documents one archive may have: 100,000 is about 800 MB of Markdown, ten times
/// the largest benchmark; a larger count would only exhaust memory or disk.
pub const MAX_DOCUMENTS: usize = 100_000;

/// What to generate. Kept as a struct so benchmarks and tests can state the
/// archive they depend on in one place and reproduce it exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenerateOptions {
    /// Number of Markdown documents, so benchmark sizes are exact.
    pub documents: usize,
    /// Seed of the pseudo-random generator; a different seed gives a
    /// different archive of the same shape.
    pub seed: u64,
}

/// What was written, so callers can report throughput and check their own
/// counts against the generator's without walking the tree again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenerateSummary {
    /// Markdown documents written (equals `GenerateOptions::documents`).
    pub documents: usize,
    /// Documents of kind `meeting`, which other documents may refer to.
    pub meetings: usize,
    /// Hand-written PDF attachments, to exercise asset copying.
    pub pdfs: usize,
    /// Total size of all `.md` files, to express benchmark throughput.
    pub markdown_bytes: u64,
}

/// Writes `site.yaml` and `content/...` into `dir` (which must be empty or not exist). Returns a summary.
///
/// Refusing a non-empty directory keeps a stray path from mixing generated
/// files into real content. Documents are spread over `content/2000` to
/// `content/2025`; every internal link, `meeting:` reference and programme
/// `document:` points at a document that is written.
pub fn generate_site(dir: &Path, options: &GenerateOptions) -> io::Result<GenerateSummary> {
    if options.documents > MAX_DOCUMENTS {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "{} documents is more than the {MAX_DOCUMENTS} the generator writes",
                options.documents
            ),
        ));
    }
    if dir.exists() {
        if !dir.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!("{} exists and is not a directory", dir.display()),
            ));
        }
        if fs::read_dir(dir)?.next().is_some() {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!("{} is not empty", dir.display()),
            ));
        }
    }
    let content = dir.join("content");
    fs::create_dir_all(&content)?;
    fs::write(
        dir.join("site.yaml"),
        "title: Generated Association\nbase_url: /\nlanguage: da\n",
    )?;

    let ar = plan(options.documents, options.seed);
    let n = ar.docs.len();
    let mut years = BTreeSet::new();
    for d in &ar.docs {
        years.insert(d.date.y);
    }
    for y in &years {
        fs::create_dir_all(content.join(y.to_string()))?;
    }

    let threads = std::thread::available_parallelism()
        .map(|t| t.get())
        .unwrap_or(1)
        .clamp(1, 8)
        .min(n.max(1));
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let results: Vec<io::Result<u64>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                let ar = &ar;
                let next = &next;
                let failed = &failed;
                let content = &content;
                s.spawn(move || -> io::Result<u64> {
                    let mut bytes = 0u64;
                    let mut r = Render::new(ar);
                    let mut path = content.clone();
                    loop {
                        if failed.load(Ordering::Relaxed) {
                            break;
                        }
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= n {
                            break;
                        }
                        r.render(i);
                        let d = &ar.docs[i];
                        path.push(d.date.y.to_string());
                        path.push(format!("{}.md", d.slug));
                        let res = fs::write(&path, r.out.as_bytes()).and_then(|_| {
                            if let Some(pdf) = &d.pdf {
                                path.set_file_name(pdf);
                                fs::write(
                                    &path,
                                    pdf_bytes(&d.title, d.date, &ar.people[d.authors[0]]),
                                )
                            } else {
                                Ok(())
                            }
                        });
                        path.pop();
                        path.pop();
                        if let Err(e) = res {
                            failed.store(true, Ordering::Relaxed);
                            return Err(e);
                        }
                        bytes += r.out.len() as u64;
                    }
                    Ok(bytes)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(io::Error::other("generator thread panicked")))
            })
            .collect()
    });
    let mut markdown_bytes = 0;
    for r in results {
        markdown_bytes += r?;
    }
    Ok(GenerateSummary {
        documents: n,
        meetings: ar.docs.iter().filter(|d| d.kind == Kind::Meeting).count(),
        pdfs: ar.docs.iter().filter(|d| d.pdf.is_some()).count(),
        markdown_bytes,
    })
}
