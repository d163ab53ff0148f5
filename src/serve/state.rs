//! What the server is serving right now, shared between the rebuild loop (which publishes) and
//! the connection threads (which read, and wait for changes to tell open tabs to reload).

use super::incremental::Update;
use crate::core::diagnostics::Diagnostic;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

/// The in-memory site: the last good pages, and the problems of the latest build if it failed.
#[derive(Default)]
pub struct ServedSite {
    /// Rendered files by output path (`2025/beretning/index.html`).
    pub files: HashMap<String, Arc<Vec<u8>>>,
    /// Files made from the whole model (the search index), by output path; updated after the
    /// pages, by the background worker.
    pub model_files: HashMap<String, Arc<Vec<u8>>>,
    /// Files served from `content/` as they are, by output path.
    pub assets: HashMap<String, PathBuf>,
    /// Errors of the latest build; while there are any every page shows them.
    pub errors: Vec<Diagnostic>,
    /// Goes up by one with every published change.
    pub version: u64,
    /// Output paths the latest version changed; `None` means every page.
    pub last_paths: Option<Vec<String>>,
    /// The site's language, for the overlay's words.
    pub language: crate::core::i18n::Language,
    /// Outside links `arkiv check` has no result for; the link index says so to the secretary.
    pub unchecked_links: usize,
}

/// What a tab learns when the site changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeEvent {
    pub version: u64,
    /// Changed output paths, or `None` when every page changed (or the tab missed versions).
    pub paths: Option<Vec<String>>,
    pub error: bool,
}

impl ChangeEvent {
    /// The event as the live-reload script reads it.
    pub fn to_json(&self) -> String {
        serde_json::json!({"version": self.version, "paths": self.paths, "error": self.error})
            .to_string()
    }
}

/// The served site behind a lock, with a condition variable connection threads wait on.
#[derive(Default)]
pub struct Shared {
    site: Mutex<ServedSite>,
    changed: Condvar,
}

impl Shared {
    /// Locks the site for reading or publishing; a panicked holder does not stop the server.
    pub fn lock(&self) -> MutexGuard<'_, ServedSite> {
        self.site.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Publishes a successful rebuild and wakes every waiting tab.
    pub fn publish(&self, update: Update) {
        let mut site = self.lock();
        let mut paths: Vec<String> = update.files.iter().map(|f| f.path.clone()).collect();
        paths.extend(update.removed.iter().cloned());
        if update.full {
            site.files.clear();
        }
        for path in &update.removed {
            site.files.remove(path);
        }
        for f in update.files {
            site.files.insert(f.path, Arc::new(f.contents));
        }
        site.language = update.language;
        site.assets = update.assets.into_iter().map(|c| (c.to, c.from)).collect();
        let had_errors = !site.errors.is_empty();
        site.errors.clear();
        if paths.is_empty() && !had_errors {
            return;
        }
        site.version += 1;
        site.last_paths = if update.full { None } else { Some(paths) };
        drop(site);
        self.changed.notify_all();
    }

    /// Replaces the files made from the whole model, waking tabs only if one of them changed.
    pub fn publish_model_files(&self, files: Vec<crate::render::OutputFile>) {
        let mut site = self.lock();
        let new: HashMap<String, Arc<Vec<u8>>> = files
            .into_iter()
            .map(|f| (f.path, Arc::new(f.contents)))
            .collect();
        let mut paths: Vec<String> = new
            .iter()
            .filter(|(p, c)| site.model_files.get(*p) != Some(*c))
            .map(|(p, _)| p.clone())
            .collect();
        paths.extend(
            site.model_files
                .keys()
                .filter(|p| !new.contains_key(*p))
                .cloned(),
        );
        site.model_files = new;
        if paths.is_empty() {
            return;
        }
        site.version += 1;
        site.last_paths = Some(paths);
        drop(site);
        self.changed.notify_all();
    }

    /// Records how many outside links are unchecked; true when that changed.
    pub fn set_unchecked_links(&self, n: usize) -> bool {
        let mut site = self.lock();
        std::mem::replace(&mut site.unchecked_links, n) != n
    }

    /// Records a failed build: the pages stay, every page shows the errors.
    pub fn fail(&self, errors: Vec<Diagnostic>) {
        let mut site = self.lock();
        if site.errors == errors {
            return;
        }
        site.errors = errors;
        site.version += 1;
        site.last_paths = None;
        drop(site);
        self.changed.notify_all();
    }

    /// The event for a tab that last saw `since`, waiting up to `timeout` for one; `None` when
    /// nothing changed in that time.
    pub fn wait_change(&self, since: u64, timeout: Duration) -> Option<ChangeEvent> {
        let site = self.lock();
        let (site, _) = self
            .changed
            .wait_timeout_while(site, timeout, |s| s.version == since)
            .unwrap_or_else(|e| e.into_inner());
        if site.version == since {
            return None;
        }
        Some(ChangeEvent {
            version: site.version,
            paths: if site.version == since + 1 {
                site.last_paths.clone()
            } else {
                None
            },
            error: !site.errors.is_empty(),
        })
    }
}
