//! What guards the output folder besides the staging swap in `output`: the list of files a
//! build wrote, kept in the marker file, so that a later build refuses an output folder that
//! has gained anything else (a `CNAME`, a `.git/`) instead of deleting it.

use crate::output::MARKER_FILE;
use std::collections::HashSet;
use std::path::Path;

/// The marker file's first line; the list of written files follows the header.
const MARKER_TEXT: &str = "This folder is written by arkiv build; it is replaced on every build.\n";
const LIST_HEADER: &str =
    "# Files written by the last build (anything else makes the next build refuse):\n";

/// How many foreign names a refusal lists before "and N more".
const SHOWN: usize = 10;

/// Rewrites the marker file in `root` with the list of every file and folder under `root`.
pub fn write_manifest(root: &Path) -> std::io::Result<()> {
    let mut paths = Vec::new();
    for entry in walkdir::WalkDir::new(root).min_depth(1) {
        let entry = entry.map_err(std::io::Error::other)?;
        if let Some(rel) = relative_name(root, entry.path()) {
            if rel != MARKER_FILE {
                paths.push(rel);
            }
        }
    }
    paths.sort();
    let mut text = String::with_capacity(paths.iter().map(|p| p.len() + 1).sum::<usize>() + 200);
    text.push_str(MARKER_TEXT);
    text.push_str(LIST_HEADER);
    for p in paths {
        text.push_str(&p);
        text.push('\n');
    }
    std::fs::write(root.join(MARKER_FILE), text)
}

fn relative_name(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    Some(rel.to_string_lossy().replace('\\', "/"))
}

/// Names (relative to `output`) of what lies in `output` but was not written by the last build:
/// the topmost foreign folder is named once, not every file in it. An output folder marked by
/// an arkiv from before the list was kept has no list, and nothing is reported for it.
pub fn foreign_files(output: &Path) -> std::io::Result<Vec<String>> {
    let marker = std::fs::read_to_string(output.join(MARKER_FILE))?;
    let Some((_, list)) = marker.split_once(LIST_HEADER) else {
        return Ok(Vec::new());
    };
    let known: HashSet<&str> = list.lines().filter(|l| !l.is_empty()).collect();
    let mut foreign = Vec::new();
    let mut walker = walkdir::WalkDir::new(output)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walker.next() {
        let entry = entry.map_err(std::io::Error::other)?;
        let Some(rel) = relative_name(output, entry.path()) else {
            continue;
        };
        if rel == MARKER_FILE || known.contains(rel.as_str()) {
            continue;
        }
        if entry.file_type().is_dir() {
            foreign.push(format!("{rel}/"));
            walker.skip_current_dir();
        } else {
            foreign.push(rel);
        }
    }
    Ok(foreign)
}

/// "CNAME, .git/ and 3 more", for the refusal message.
pub fn describe(names: &[String]) -> String {
    let shown: Vec<&str> = names.iter().take(SHOWN).map(String::as_str).collect();
    let mut text = shown.join(", ");
    if names.len() > SHOWN {
        text.push_str(&format!(" and {} more", names.len() - SHOWN));
    }
    text
}
