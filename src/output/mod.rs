//! The write stage: write everything into a staging folder beside the output, and swap
//! it in only when the whole build succeeded. A failed build never touches the published site,
//! and arkiv never deletes a folder it did not write.

use crate::core::diagnostics::{display_path, Diagnostic};
use crate::core::messages::msg;
use crate::render::OutputFile;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

pub use guard::MARKER_FILE;

pub mod guard;

/// A file copied as it is (assets, theme static files).
#[derive(Debug, Clone)]
pub struct CopiedFile {
    pub from: PathBuf,
    /// Relative to the output folder.
    pub to: String,
}

/// Refuses output folders where replacing the folder could destroy the user's work: the site
/// itself, a folder inside `content/` or holding the site, and a folder arkiv did not build.
/// (Whether a folder it built has gained files is `check_foreign_files`.)
pub fn check_output_dir(site_root: &Path, output: &Path) -> Result<(), Diagnostic> {
    let site = canonical(site_root);
    let out = canonical(output);
    let content = site.join(crate::load::content::CONTENT_DIR);
    let dir = display_path(output);
    let refuse = |why: &'static str| {
        Err(Diagnostic::error(None, msg(why, &[("dir", &dir)]))
            .hint(msg("output.refused.hint", &[])))
    };
    if out == site {
        return refuse("output.is_site");
    }
    if out.starts_with(&content) {
        return refuse("output.in_content");
    }
    if site.starts_with(&out) {
        return refuse("output.holds_site");
    }
    if out.parent().is_none() {
        return refuse("output.is_root");
    }
    if output.exists() {
        if !output.is_dir() {
            return refuse("output.is_file");
        }
        let cannot_read = |e| cannot_read(&dir, e);
        let mut entries = std::fs::read_dir(output).map_err(cannot_read)?;
        let empty = entries.next().is_none();
        if !empty && !output.join(MARKER_FILE).exists() {
            let names = crate::output::guard::top_level_names(output).map_err(cannot_read)?;
            return Err(Diagnostic::error(
                None,
                crate::output::guard::describe(&dir, &names, false),
            )
            .hint(msg("output.not_ours.hint", &[])));
        }
    }
    Ok(())
}

/// Refuses an output folder arkiv built that has gained files since (a `CNAME`, a `.git/`),
/// instead of deleting them. The other half of `check_output_dir`, apart because it walks the
/// whole folder: a build does it while it loads the documents.
pub fn check_foreign_files(output: &Path) -> Result<(), Diagnostic> {
    if !output.join(MARKER_FILE).is_file() {
        return Ok(());
    }
    let dir = display_path(output);
    let foreign = crate::output::guard::foreign_files(output).map_err(|e| cannot_read(&dir, e))?;
    if foreign.is_empty() {
        return Ok(());
    }
    Err(
        Diagnostic::error(None, crate::output::guard::describe(&dir, &foreign, true))
            .hint(msg("output.foreign.hint", &[])),
    )
}

/// The error for an output folder that cannot be read, to check what is in it.
fn cannot_read(dir: &str, e: std::io::Error) -> Diagnostic {
    Diagnostic::error(
        None,
        msg("output.cannot_read", &[("dir", &dir), ("error", &e)]),
    )
}

/// The absolute, symlink-free form where it exists, so `./output` and `output/` compare equal.
fn canonical(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    match (absolute.parent(), absolute.file_name()) {
        (Some(parent), Some(name)) => canonical(parent).join(name),
        _ => absolute,
    }
}

/// The folder a build writes into, beside the output, swapped in only by `commit`. Dropping it
/// without committing deletes it, so a failed build leaves the published site as it was.
/// Pages are written as they are rendered, so a build never holds the whole site in memory.
pub struct Staging {
    root: PathBuf,
    output: PathBuf,
    committed: bool,
    /// Every file written or copied, relative to `root`: the output's file list is made from
    /// it, without walking the folder again.
    written: std::sync::Mutex<Vec<String>>,
}

/// A file operation that failed while writing the site; `action` names it (`output.cannot_write`).
fn io_error(action: &'static str, path: &Path, e: std::io::Error) -> Diagnostic {
    Diagnostic::error(
        None,
        msg(action, &[("path", &display_path(path)), ("error", &e)]),
    )
    .hint(msg("output.io.hint", &[]))
}

impl Staging {
    /// Creates an empty staging folder next to `output`, holding the marker file.
    pub fn create(output: &Path) -> Result<Staging, Diagnostic> {
        let parent = match output.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = output
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| "output".into());
        std::fs::create_dir_all(&parent)
            .map_err(|e| io_error("output.cannot_create", &parent, e))?;
        let root = parent.join(format!(".{name}.arkiv-staging-{}", std::process::id()));
        if root.exists() {
            std::fs::remove_dir_all(&root)
                .map_err(|e| io_error("output.cannot_clear", &root, e))?;
        }
        std::fs::create_dir_all(&root).map_err(|e| io_error("output.cannot_create", &root, e))?;
        crate::output::guard::set_active_staging(Some(&root));
        let staging = Staging {
            root,
            output: output.to_path_buf(),
            committed: false,
            written: std::sync::Mutex::new(Vec::new()),
        };
        let marker = staging.root.join(MARKER_FILE);
        std::fs::write(&marker, guard::MARKER_TEXT.as_bytes())
            .map_err(|e| io_error("output.cannot_write", &marker, e))?;
        Ok(staging)
    }

    /// The folder the staging folder is in (the output's): where the build keeps temporary
    /// files of its own, on the disk it writes to.
    pub fn folder(&self) -> &Path {
        self.root.parent().unwrap_or(Path::new("."))
    }

    /// Writes one rendered file (safe to call from several threads).
    pub fn write(&self, file: &OutputFile) -> Result<(), Diagnostic> {
        let path = self.root.join(&file.path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| io_error("output.cannot_create", dir, e))?;
        }
        std::fs::write(&path, &file.contents)
            .map_err(|e| io_error("output.cannot_write", &path, e))?;
        self.record(&file.path);
        Ok(())
    }

    fn record(&self, path: &str) {
        if let Ok(mut written) = self.written.lock() {
            written.push(path.replace('\\', "/"));
        }
    }

    /// Copies one asset. Copied, never hard-linked: a tool that edits the published file must
    /// not edit the source.
    pub fn copy(&self, copy: &CopiedFile) -> Result<(), Diagnostic> {
        let path = self.root.join(&copy.to);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| io_error("output.cannot_create", dir, e))?;
        }
        std::fs::copy(&copy.from, &path).map_err(|e| io_error("output.cannot_copy", &path, e))?;
        self.record(&copy.to);
        Ok(())
    }

    /// Swaps the staging folder in place of the output.
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        let written = std::mem::take(&mut *self.written.lock().map_err(|_| {
            io_error(
                "output.cannot_write_list",
                &self.root,
                std::io::Error::other("a writer failed"),
            )
        })?);
        crate::output::guard::write_manifest(&self.root, &written)
            .map_err(|e| io_error("output.cannot_write_list", &self.root, e))?;
        crate::output::guard::while_swapping(|| swap_into_place(&self.root, &self.output))
            .map_err(|e| io_error("output.cannot_replace", &self.output, e))?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            crate::output::guard::set_active_staging(None);
            let _ = std::fs::remove_dir_all(&self.root);
        }
    }
}

/// Writes all files to a staging folder and swaps it in place of `output`.
pub fn write_site(
    output: &Path,
    files: &[OutputFile],
    copies: &[CopiedFile],
) -> Result<(), Diagnostic> {
    let staging = Staging::create(output)?;
    files.par_iter().try_for_each(|f| staging.write(f))?;
    copies.par_iter().try_for_each(|c| staging.copy(c))?;
    staging.commit()
}

/// Renames the old output aside, the new one in, then deletes the old one. If the second
/// rename fails the old output is put back.
fn swap_into_place(staging: &Path, output: &Path) -> std::io::Result<()> {
    if !output.exists() {
        return std::fs::rename(staging, output);
    }
    let old = output.with_file_name(format!(
        ".{}.arkiv-old-{}",
        output
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default(),
        std::process::id()
    ));
    if old.exists() {
        std::fs::remove_dir_all(&old)?;
    }
    std::fs::rename(output, &old)?;
    if let Err(e) = std::fs::rename(staging, output) {
        let _ = std::fs::rename(&old, output);
        return Err(e);
    }
    remove_in_parallel(&old)
}

/// Deletes a folder and everything in it, its top-level entries side by side: the old output
/// of a large archive holds tens of thousands of files, and deleting them is the last thing a
/// build waits for.
fn remove_in_parallel(folder: &Path) -> std::io::Result<()> {
    let entries: Vec<std::fs::DirEntry> =
        std::fs::read_dir(folder)?.collect::<std::io::Result<_>>()?;
    entries.par_iter().try_for_each(|e| {
        if e.file_type()?.is_dir() {
            std::fs::remove_dir_all(e.path())
        } else {
            std::fs::remove_file(e.path())
        }
    })?;
    std::fs::remove_dir(folder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_dangerous_output_folders() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(site.join("content/2025")).unwrap();
        assert!(check_output_dir(&site, &site).is_err());
        assert!(check_output_dir(&site, &site.join("content/out")).is_err());
        assert!(check_output_dir(&site, dir.path()).is_err());
        let foreign = dir.path().join("documents");
        std::fs::create_dir_all(&foreign).unwrap();
        std::fs::write(foreign.join("thesis.docx"), b"x").unwrap();
        let err = check_output_dir(&site, &foreign).unwrap_err();
        assert!(err.message.contains("did not write"));
        let danish = err.localized(crate::core::language::Language::Da);
        assert!(
            danish.contains("indeholder filer, som arkiv ikke har skrevet"),
            "{danish}"
        );
        assert!(check_output_dir(&site, &site.join("output")).is_ok());
    }

    /// The file list is what the build wrote: each file and the folders that hold it, a folder
    /// with a marker of its own (the members' area) listed by name only and keeping its own
    /// list, and nothing that something else put into the folder meanwhile.
    #[test]
    fn the_file_list_names_what_the_build_wrote() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        let staging = Staging::create(&out).unwrap();
        for path in [
            "2025/a/index.html",
            "members/.arkiv-output",
            "members/b/index.html",
        ] {
            let file = OutputFile {
                path: path.into(),
                contents: b"x".to_vec(),
            };
            staging.write(&file).unwrap();
        }
        std::fs::write(staging.root.join("stray.txt"), b"not written by the build").unwrap();
        staging.commit().unwrap();
        let list = |folder: &Path| -> Vec<String> {
            let text = std::fs::read_to_string(folder.join(MARKER_FILE)).unwrap();
            text.lines()
                .skip_while(|l| !l.starts_with('#'))
                .skip(1)
                .map(str::to_string)
                .collect()
        };
        assert_eq!(
            list(&out),
            ["2025", "2025/a", "2025/a/index.html", "members"]
        );
        assert_eq!(list(&out.join("members")), ["b", "b/index.html"]);
    }

    #[test]
    fn writes_and_swaps() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        let files = vec![OutputFile {
            path: "a/index.html".into(),
            contents: b"one".to_vec(),
        }];
        write_site(&out, &files, &[]).unwrap();
        assert_eq!(std::fs::read(out.join("a/index.html")).unwrap(), b"one");
        let files = vec![OutputFile {
            path: "b/index.html".into(),
            contents: b"two".to_vec(),
        }];
        write_site(&out, &files, &[]).unwrap();
        assert!(!out.join("a/index.html").exists());
        assert!(out.join(MARKER_FILE).exists());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "staging and old folders are cleaned up");
    }
}
