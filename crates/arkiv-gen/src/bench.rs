//! The set-up every benchmark shares: quick or full mode, how many documents, how many runs,
//! and a generated archive in a temporary folder.
//!
//! `cargo bench` passes `--bench`; `cargo test --all-targets` runs benchmarks without it, as a
//! quick smoke run on a small archive. `ARKIV_BENCH_DOCS` sets the archive's size in both.

use crate::{generate_site, GenerateOptions, GenerateSummary};
use std::path::PathBuf;

/// A generated archive to benchmark on; the folder goes away when this is dropped.
pub struct BenchSite {
    /// True when run by `cargo test` rather than `cargo bench`.
    pub quick: bool,
    /// How many times to repeat what is measured.
    pub runs: usize,
    /// The site's folder (site.yaml and content/).
    pub site: PathBuf,
    /// A folder beside the site for output.
    pub scratch: PathBuf,
    pub summary: GenerateSummary,
    _dir: tempfile::TempDir,
}

/// Generates the archive: `quick` documents and one run under `cargo test`, `full` documents
/// and `runs` runs under `cargo bench` (seed 1, so every run measures the same site).
pub fn bench_site(quick: usize, full: usize, runs: usize) -> BenchSite {
    let is_quick = !std::env::args().any(|a| a == "--bench");
    let documents = std::env::var("ARKIV_BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if is_quick { quick } else { full });
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("cannot make a temporary folder: {e}");
            std::process::exit(1);
        }
    };
    let site = dir.path().join("site");
    let summary = match generate_site(&site, &GenerateOptions { documents, seed: 1 }) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("cannot generate the archive: {e}");
            std::process::exit(1);
        }
    };
    BenchSite {
        quick: is_quick,
        runs: if is_quick { 1 } else { runs },
        scratch: dir.path().join("scratch"),
        site,
        summary,
        _dir: dir,
    }
}
