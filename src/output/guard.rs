//! What guards the output folder besides the staging swap in `output`: the list of files a
//! build wrote, kept in the marker file, so that a later build refuses an output folder that
//! has gained anything else (a `CNAME`, a `.git/`) instead of deleting it.

use crate::core::diagnostics::display_path;
use crate::core::messages::msg;
use std::collections::{BTreeSet, HashSet};
use std::path::Path;

/// Written into every output folder; a folder without it is not ours to replace.
pub const MARKER_FILE: &str = ".arkiv-output";

/// The marker file's first lines, in both languages, for whoever opens the folder; the list of
/// written files follows the header.
pub const MARKER_TEXT: &str = "Denne mappe skrives af arkiv build og erstattes ved hver build; læg dine egne filer i content/.\nThis folder is written by arkiv build; it is replaced on every build. Put your own files in content/.\n";
const LIST_HEADER: &str =
    "# Files written by the last build (anything else makes the next build refuse):\n";

/// How many foreign names a refusal lists before "and N more".
const SHOWN: usize = 10;

/// Rewrites the marker file in `root` with the list of every file and folder the build put
/// there: `written` names each file written or copied (relative to `root`, with `/`), and the
/// folders are those that hold them. A folder that holds a marker file of its own (the
/// members' area) gets its own list, and the root's list names only the folder: the root's
/// marker is as public as the site, and may not name a members' file.
pub fn write_manifest(root: &Path, written: &[String]) -> std::io::Result<()> {
    let mut files: Vec<&str> = written
        .iter()
        .map(|p| p.trim_start_matches("./"))
        .filter(|p| !p.is_empty())
        .collect();
    files.sort_unstable();
    files.dedup();
    write_list(root, &files)
}

/// Writes the marker file of `folder` for `files` (relative to it, sorted), and those of the
/// folders inside that keep their own list.
fn write_list(folder: &Path, files: &[&str]) -> std::io::Result<()> {
    let marker_suffix = format!("/{MARKER_FILE}");
    // Folders with a marker file of their own, outermost only.
    let within = |f: &str, folder: &str| {
        f.len() > folder.len() && f.starts_with(folder) && f.as_bytes()[folder.len()] == b'/'
    };
    let marked: Vec<&str> = files
        .iter()
        .filter_map(|f| f.strip_suffix(marker_suffix.as_str()))
        .collect();
    let own: Vec<&str> = marked
        .iter()
        .filter(|o| !marked.iter().any(|outer| within(o, outer)))
        .copied()
        .collect();
    let inside = |f: &str| own.iter().find(|o| within(f, o)).copied();
    let mut names: BTreeSet<&str> = BTreeSet::new();
    for &f in files {
        if f == MARKER_FILE {
            continue;
        }
        let shown = inside(f).unwrap_or(f);
        names.insert(shown);
        let mut rest = shown;
        while let Some((parent, _)) = rest.rsplit_once('/') {
            names.insert(parent);
            rest = parent;
        }
    }
    for o in &own {
        let prefix = format!("{o}/");
        let theirs: Vec<&str> = files
            .iter()
            .filter_map(|f| f.strip_prefix(prefix.as_str()))
            .collect();
        write_list(&folder.join(o), &theirs)?;
    }
    let mut text = String::with_capacity(names.iter().map(|p| p.len() + 1).sum::<usize>() + 200);
    text.push_str(MARKER_TEXT);
    text.push_str(LIST_HEADER);
    for p in names {
        text.push_str(p);
        text.push('\n');
    }
    std::fs::write(folder.join(MARKER_FILE), text)
}

/// What the marker files read so far list: every name, and every folder that holds a listed
/// name.
#[derive(Default)]
struct Listed {
    names: HashSet<String>,
    parents: HashSet<String>,
}

/// The names the marker file in `folder` lists, each with `prefix` before it.
fn listed(folder: &Path, prefix: &str, known: &mut Listed) -> std::io::Result<()> {
    let marker = std::fs::read_to_string(folder.join(MARKER_FILE))?;
    let Some((_, list)) = marker.split_once(LIST_HEADER) else {
        return Ok(());
    };
    for name in list.lines().filter(|l| !l.is_empty()) {
        let name = format!("{prefix}{name}");
        if let Some((parent, _)) = name.rsplit_once('/') {
            known.parents.insert(parent.to_string());
        }
        known.names.insert(name);
    }
    Ok(())
}

fn relative_name(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    Some(rel.to_string_lossy().replace('\\', "/"))
}

/// Names (relative to `output`) of what lies in `output` but was not written by the last build:
/// the topmost foreign folder is named once, not every file in it. An output folder marked by
/// an arkiv from before the list was kept has no list, and nothing is reported for it.
///
/// One walk through the folder: a listed folder that keeps its own list (the members' area)
/// is listed by name only, with none of its files, so only such a folder is looked into for a
/// marker file, and its list is read as the walk enters it.
pub fn foreign_files(output: &Path) -> std::io::Result<Vec<String>> {
    let marker = std::fs::read_to_string(output.join(MARKER_FILE))?;
    if !marker.contains(LIST_HEADER) {
        return Ok(Vec::new());
    }
    let mut known = Listed::default();
    listed(output, "", &mut known)?;
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
        let own_marker = rel.ends_with(&format!("/{MARKER_FILE}"))
            && known
                .names
                .contains(rel.trim_end_matches(MARKER_FILE).trim_end_matches('/'));
        if rel == MARKER_FILE || own_marker {
            continue;
        }
        let is_dir = entry.file_type().is_dir();
        if known.names.contains(&rel) {
            let lists_its_files = known.parents.contains(&rel);
            if is_dir && !lists_its_files && entry.path().join(MARKER_FILE).is_file() {
                listed(entry.path(), &format!("{rel}/"), &mut known)?;
            }
            continue;
        }
        if is_dir {
            foreign.push(format!("{rel}/"));
            walker.skip_current_dir();
        } else {
            foreign.push(rel);
        }
    }
    Ok(foreign)
}

/// What lies in a folder arkiv never built in, sorted, folders with a `/`, for the refusal.
pub fn top_level_names(output: &Path) -> std::io::Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(output)? {
        let entry = entry?;
        let mut name = entry.file_name().to_string_lossy().to_string();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            name.push('/');
        }
        names.push(name);
    }
    names.sort();
    Ok(names)
}

/// The refusal naming what lies in the output folder `dir` that arkiv did not write:
/// "CNAME, .git/ and 3 more". `built` says whether arkiv built in the folder before (then a
/// build would delete them) or never did (a folder that is not arkiv's).
pub fn describe(dir: &str, names: &[String], built: bool) -> crate::core::messages::Text {
    let shown = names
        .iter()
        .take(SHOWN)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    let more = names.len().saturating_sub(SHOWN);
    let key = match (built, more > 0) {
        (true, false) => "output.foreign",
        (true, true) => "output.foreign_more",
        (false, false) => "output.not_ours",
        (false, true) => "output.not_ours_more",
    };
    crate::core::messages::msg(key, &[("dir", &dir), ("files", &shown), ("n", &more)])
}

/// The staging folder of the build in progress, for the Ctrl-C handler; its lock is also held
/// while the staging folder is swapped in, so an interrupt never lands between the renames.
static ACTIVE_STAGING: std::sync::Mutex<Option<std::path::PathBuf>> = std::sync::Mutex::new(None);

/// Records the staging folder a build is writing (`None` when it is committed or dropped).
pub fn set_active_staging(path: Option<&Path>) {
    if let Ok(mut slot) = ACTIVE_STAGING.lock() {
        *slot = path.map(Path::to_path_buf);
    }
}

/// Runs `swap` with the Ctrl-C handler held off, then forgets the staging folder.
pub fn while_swapping<T>(swap: impl FnOnce() -> T) -> T {
    let guard = ACTIVE_STAGING.lock();
    let result = swap();
    if let Ok(mut slot) = guard {
        *slot = None;
    }
    result
}

/// For the Ctrl-C handler of `arkiv build`: deletes the staging folder of the build in
/// progress (waiting for a swap under way to finish). Returns the folder it removed.
pub fn remove_active_staging() -> Option<std::path::PathBuf> {
    let mut slot = ACTIVE_STAGING.lock().ok()?;
    let path = slot.take()?;
    let _ = std::fs::remove_dir_all(&path);
    Some(path)
}

/// The lock file beside `output` that one build at a time holds.
pub fn lock_path(output: &Path) -> std::path::PathBuf {
    output.with_file_name(format!(".{}.arkiv-lock", output_name(output)))
}

fn output_name(output: &Path) -> String {
    output
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "output".into())
}

/// Takes the advisory lock on `output` (released when the file is dropped). A second build of
/// the same output waits for the first, saying so, instead of the two tripping over each
/// other's folders. Returns the lock and whether it had to wait.
pub fn lock_output(
    output: &Path,
) -> Result<(std::fs::File, bool), crate::core::diagnostics::Diagnostic> {
    let path = lock_path(output);
    let problem = |e: std::io::Error| {
        crate::core::diagnostics::Diagnostic::error(
            None,
            msg(
                "output.cannot_lock",
                &[("path", &display_path(&path)), ("error", &e)],
            ),
        )
        .hint(msg("output.cannot_lock.hint", &[]))
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(problem)?;
    }
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(problem)?;
    match file.try_lock() {
        Ok(()) => Ok((file, false)),
        Err(std::fs::TryLockError::WouldBlock) => {
            eprintln!(
                "{}",
                crate::core::messages::printed()
                    .fill("output.waiting", &[("dir", &display_path(output))])
            );
            file.lock().map_err(problem)?;
            Ok((file, true))
        }
        // A file system without locks (some network shares): build as before, unlocked.
        Err(std::fs::TryLockError::Error(e)) if e.kind() == std::io::ErrorKind::Unsupported => {
            Ok((file, false))
        }
        Err(std::fs::TryLockError::Error(e)) => Err(problem(e)),
    }
}

/// Deletes staging and old folders that builds killed midway left beside `output` (call it
/// holding the lock, when no other build can be using them). Returns what it removed.
pub fn remove_leftovers(output: &Path) -> Vec<std::path::PathBuf> {
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = output_name(output);
    let prefixes = [
        format!(".{name}.arkiv-staging-"),
        format!(".{name}.arkiv-old-"),
    ];
    let mut removed = Vec::new();
    let Ok(entries) = std::fs::read_dir(&parent) else {
        return removed;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().to_string();
        if prefixes.iter().any(|p| file_name.starts_with(p.as_str()))
            && entry.file_type().is_ok_and(|t| t.is_dir())
            && std::fs::remove_dir_all(entry.path()).is_ok()
        {
            removed.push(entry.path());
        }
    }
    removed
}
