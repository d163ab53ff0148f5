//! A build keeps the documents' Markdown, HTML and section texts in a temporary file until
//! they are needed (`core::store`); serve and check keep them in memory. Both must publish the same
//! site, and the build must leave no file behind.

mod common;

use arkiv::pipeline::render_site;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Builds `site` (texts spilled to a file) and renders it in memory; every file the in-memory
/// render makes must be in the build's output, byte for byte. Returns how many were compared.
fn assert_spilled_build_is_the_same(site: &Path) -> usize {
    let (dir, out) = common::build_site(site, "out");
    let rendered =
        render_site(site, false).unwrap_or_else(|d| panic!("render {}: {d:?}", site.display()));
    let mut search = 0;
    // The output's file list (`.arkiv-output`) is written when the build is swapped in.
    let files = rendered
        .files
        .iter()
        .filter(|f| !f.path.ends_with(".arkiv-output"));
    for f in files {
        let written = std::fs::read(out.join(&f.path))
            .unwrap_or_else(|e| panic!("{} not in the build: {e}", f.path));
        assert!(written == f.contents, "{} differs", f.path);
        search += usize::from(f.path.starts_with("search/"));
    }
    assert!(search > 3, "only {search} search files compared");
    // The text file was unlinked when made: beside the output are the output and its lock.
    let mut beside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().to_string()))
        .collect();
    beside.sort();
    assert_eq!(beside, [".out.arkiv-lock", "out"]);
    rendered.files.len()
}

#[test]
fn a_generated_archive_builds_the_same_with_its_texts_in_a_file() {
    let (_dir, site) = common::generated_site(300, 5);
    let files = assert_spilled_build_is_the_same(&site);
    assert!(files > 300, "{files} files");
}

#[test]
fn seed_shaped_material_builds_the_same_with_its_texts_in_a_file() {
    // Dense decks (a slide cut into parts), programmes naming no documents, flattened tables.
    assert_spilled_build_is_the_same(&repo().join("tests/fixtures/real-material"));
}

#[test]
fn the_example_site_with_its_members_area_builds_the_same() {
    assert_spilled_build_is_the_same(&repo());
}
