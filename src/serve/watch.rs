//! Watching the site for saves. Editors save in many ways (write in place, write a temporary file
//! and rename it over the original, keep swap and backup files beside it), so events are
//! collected until the folder has been quiet for a moment, editor leftovers are dropped, and
//! what is left is turned into `Change`s: a content path to reload, or "everything" for
//! `site.yaml`, templates and themes.

use super::incremental::Change;
use crate::core::diagnostics::Diagnostic;
use crate::load::content::{is_ignored_name, CONTENT_DIR};
use notify::{RecursiveMode, Watcher as _};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How long the site must be quiet before a batch of events is acted on. Short, because it is
/// part of every save-to-reload; long enough that a rename-based save arrives as one batch.
pub const QUIET: Duration = Duration::from_millis(8);

/// A batch is acted on after this long even if events keep coming (a large copy in progress).
const MAX_WAIT: Duration = Duration::from_millis(300);

/// The folders below the site root that are watched recursively when they exist.
const WATCHED_DIRS: &[&str] = &[CONTENT_DIR, "templates", "themes"];

/// What waiting for changes came to.
#[derive(Debug, PartialEq, Eq)]
pub enum Waited {
    Changes(Vec<Change>),
    /// Nothing happened within the time given.
    Quiet,
    Stopped,
}

/// A running watch on one site; dropping it stops watching.
pub struct SiteWatcher {
    root: PathBuf,
    watcher: notify::RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
    watched: Vec<PathBuf>,
}

impl SiteWatcher {
    /// Starts watching `root` (its own entries, for `site.yaml` and new folders) and its
    /// content, templates and themes folders.
    pub fn start(root: &Path) -> Result<Self, Diagnostic> {
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let (tx, events) = channel();
        let mut watcher = notify::recommended_watcher(move |event| {
            let _ = tx.send(event);
        })
        .map_err(|e| cannot_watch(&root, &e))?;
        watcher
            .watch(&root, RecursiveMode::NonRecursive)
            .map_err(|e| cannot_watch(&root, &e))?;
        let mut this = SiteWatcher {
            root,
            watcher,
            events,
            watched: Vec::new(),
        };
        this.watch_new_folders()?;
        Ok(this)
    }

    /// Adds a recursive watch for each watched folder that has appeared since the last call.
    fn watch_new_folders(&mut self) -> Result<(), Diagnostic> {
        for name in WATCHED_DIRS {
            let dir = self.root.join(name);
            if dir.is_dir() && !self.watched.contains(&dir) {
                self.watcher
                    .watch(&dir, RecursiveMode::Recursive)
                    .map_err(|e| cannot_watch(&dir, &e))?;
                self.watched.push(dir);
            } else if !dir.is_dir() && self.watched.contains(&dir) {
                let _ = self.watcher.unwatch(&dir);
                self.watched.retain(|d| *d != dir);
            }
        }
        Ok(())
    }

    /// Waits for the next batch of changes; `None` when the watcher stopped.
    pub fn next_changes(&mut self) -> Option<Vec<Change>> {
        loop {
            match self.changes_within(None) {
                Waited::Changes(c) => return Some(c),
                Waited::Quiet => continue,
                Waited::Stopped => return None,
            }
        }
    }

    /// Waits for the next batch of changes, giving up after `timeout` without any event (the
    /// serve loop then does work it put off, such as site-wide pages).
    pub fn changes_within(&mut self, timeout: Option<Duration>) -> Waited {
        loop {
            let first = match timeout {
                None => match self.events.recv() {
                    Ok(e) => e,
                    Err(_) => return Waited::Stopped,
                },
                Some(t) => match self.events.recv_timeout(t) {
                    Ok(e) => e,
                    Err(RecvTimeoutError::Timeout) => return Waited::Quiet,
                    Err(RecvTimeoutError::Disconnected) => return Waited::Stopped,
                },
            };
            let mut paths = event_paths(first);
            let started = Instant::now();
            loop {
                match self.events.recv_timeout(QUIET) {
                    Ok(event) => paths.extend(event_paths(event)),
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return Waited::Stopped,
                }
                if started.elapsed() > MAX_WAIT {
                    break;
                }
            }
            let changes = classify(&self.root, &paths);
            if changes.contains(&Change::Everything) {
                // A templates/ or themes/ folder may have been created or removed.
                let _ = self.watch_new_folders();
            }
            if !changes.is_empty() {
                return Waited::Changes(changes);
            }
        }
    }
}

fn cannot_watch(path: &Path, e: &notify::Error) -> Diagnostic {
    let path = crate::core::diagnostics::display_path(path);
    Diagnostic::error(
        None,
        crate::core::messages::msg("serve.cannot_watch", &[("path", &path), ("error", e)]),
    )
    .hint(crate::core::messages::msg("serve.cannot_watch.hint", &[]))
}

fn event_paths(event: notify::Result<notify::Event>) -> Vec<PathBuf> {
    match event {
        // The kernel's queue overflowed (inotify) and events were lost: rebuild everything.
        Ok(e) if e.need_rescan() => vec![PathBuf::new()],
        Ok(e) if !e.kind.is_access() => e.paths,
        Ok(_) => Vec::new(),
        // The watcher lost track (e.g. an overflowed queue): reload everything to be safe.
        Err(_) => vec![PathBuf::new()],
    }
}

/// Turns changed paths into changes: editor leftovers and files outside the site's sources
/// (such as `output/`) are dropped; each content path appears once.
pub fn classify(root: &Path, paths: &[PathBuf]) -> Vec<Change> {
    let mut changes = Vec::new();
    for path in paths {
        if path.as_os_str().is_empty() {
            changes.push(Change::Everything);
            continue;
        }
        let Ok(rel) = path.strip_prefix(root) else {
            continue;
        };
        let names: Vec<String> = rel
            .components()
            .filter_map(|c| match c {
                Component::Normal(n) => Some(n.to_string_lossy().to_string()),
                _ => None,
            })
            .collect();
        // `arkiv check` saved new results: the link index shows them (and stops asking for it).
        if names == [crate::load::link_cache::CACHE_FILE] {
            if !changes.contains(&Change::Everything) {
                changes.push(Change::Everything);
            }
            continue;
        }
        if names.iter().any(|n| is_ignored_name(n)) {
            continue;
        }
        let change = match names.first().map(String::as_str) {
            Some(CONTENT_DIR) => Change::Content(names[1..].iter().collect()),
            Some(crate::load::config::CONFIG_FILE | "templates" | "themes") => Change::Everything,
            _ => continue,
        };
        if !changes.contains(&change) {
            changes.push(change);
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rescan_event_rebuilds_everything() {
        let overflow =
            notify::Event::new(notify::EventKind::Other).set_flag(notify::event::Flag::Rescan);
        let paths = event_paths(Ok(overflow));
        assert_eq!(
            classify(Path::new("/site"), &paths),
            vec![Change::Everything]
        );
    }

    #[test]
    fn classifies_saves_and_drops_leftovers() {
        let root = Path::new("/site");
        let paths: Vec<PathBuf> = [
            "/site/content/2025/a.md",
            "/site/content/2025/.a.md.swp",
            "/site/content/2025/a.md~",
            "/site/content/2025/4913",
            "/site/content/2025/a.md",
            "/site/output/index.html",
            "/elsewhere/x.md",
            "/site/content/.git/HEAD",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        assert_eq!(
            classify(root, &paths),
            vec![Change::Content(PathBuf::from("2025/a.md"))]
        );
        let everything = classify(
            root,
            &[
                PathBuf::from("/site/site.yaml"),
                PathBuf::from("/site/templates/base.html"),
            ],
        );
        assert_eq!(everything, vec![Change::Everything]);
        // New `arkiv check` results reload everything; its temporary file does not.
        let checked = classify(
            root,
            &[
                PathBuf::from("/site/.arkiv-linkcheck.json.tmp"),
                PathBuf::from("/site/.arkiv-linkcheck.json"),
            ],
        );
        assert_eq!(checked, vec![Change::Everything]);
        assert_eq!(
            classify(root, &[PathBuf::from("/site/content")]),
            vec![Change::Content(PathBuf::new())]
        );
    }
}
