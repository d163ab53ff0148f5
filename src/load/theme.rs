//! Themes: templates and static files. The default theme is compiled into the binary so a new
//! site needs nothing but `site.yaml` and `content/`; a theme folder on disk, or a site's own
//! `templates/`, takes precedence file by file.

use crate::core::diagnostics::Diagnostic;
use crate::core::messages::msg;
use include_dir::{include_dir, Dir};
use std::path::{Path, PathBuf};

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// A theme file: its name (relative to `templates/` or `static/`) and where it came from.
#[derive(Debug, Clone)]
pub struct ThemeFile {
    pub name: String,
    pub contents: Vec<u8>,
    /// Path on disk relative to the site root, or `None` for the built-in theme.
    pub origin: Option<PathBuf>,
}

/// The templates and static files a build uses.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    pub templates: Vec<ThemeFile>,
    pub static_files: Vec<ThemeFile>,
}

impl Theme {
    /// Loads theme `name` for the site: from `themes/<name>/` on disk, else the built-in default,
    /// then the site's `templates/` on top.
    pub fn load(site_root: &Path, name: &str) -> Result<Theme, Diagnostic> {
        if !crate::load::config::is_theme_name(name) {
            return Err(Diagnostic::error(
                PathBuf::from(crate::load::config::CONFIG_FILE),
                msg("site.theme_path", &[("name", &name)]),
            )
            .hint(msg("site.theme_path.hint", &[])));
        }
        let theme_dir = site_root.join("themes").join(name);
        let mut theme = Theme::default();
        if theme_dir.is_dir() {
            theme.templates = read_dir_files(site_root, &theme_dir.join("templates"))?;
            theme.static_files = read_dir_files(site_root, &theme_dir.join("static"))?;
        } else if name == "default" {
            theme.templates = embedded_files("templates");
            theme.static_files = embedded_files("static");
        } else {
            return Err(Diagnostic::error(
                PathBuf::from(crate::load::config::CONFIG_FILE),
                msg("theme.not_found", &[("name", &name)]),
            )
            .hint(msg("theme.not_found.hint", &[("name", &name)])));
        }
        for file in read_dir_files(site_root, &site_root.join("templates"))? {
            match theme.templates.iter_mut().find(|t| t.name == file.name) {
                Some(existing) => *existing = file,
                None => theme.templates.push(file),
            }
        }
        Ok(theme)
    }

    /// Where a template came from, for error messages.
    pub fn template_origin(&self, name: &str) -> PathBuf {
        match self
            .templates
            .iter()
            .find(|t| t.name == name)
            .and_then(|t| t.origin.clone())
        {
            Some(p) => p,
            None => PathBuf::from(format!("(built-in theme) templates/{name}")),
        }
    }
}

fn embedded_files(folder: &str) -> Vec<ThemeFile> {
    let mut out = Vec::new();
    if let Some(dir) = DEFAULT_THEME.get_dir(folder) {
        collect_embedded(dir, folder, &mut out);
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

fn collect_embedded(dir: &Dir<'static>, prefix: &str, out: &mut Vec<ThemeFile>) {
    for file in dir.files() {
        let path = file.path().to_string_lossy().replace('\\', "/");
        let name = path
            .strip_prefix(prefix)
            .unwrap_or(&path)
            .trim_start_matches('/')
            .to_string();
        out.push(ThemeFile {
            name,
            contents: file.contents().to_vec(),
            origin: None,
        });
    }
    for sub in dir.dirs() {
        collect_embedded(sub, prefix, out);
    }
}

fn read_dir_files(site_root: &Path, dir: &Path) -> Result<Vec<ThemeFile>, Diagnostic> {
    let mut out = Vec::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            Diagnostic::error(
                e.path().map(|p| p.to_path_buf()),
                msg("theme.cannot_read", &[("error", &e)]),
            )
        })?;
        if !entry.file_type().is_file()
            || crate::load::content::is_ignored_name(&entry.file_name().to_string_lossy())
        {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let origin = entry
            .path()
            .strip_prefix(site_root)
            .unwrap_or(entry.path())
            .to_path_buf();
        let contents = std::fs::read(entry.path()).map_err(|e| {
            Diagnostic::error(
                origin.clone(),
                msg("theme.cannot_read_file", &[("error", &e)]),
            )
        })?;
        out.push(ThemeFile {
            name: rel.to_string_lossy().replace('\\', "/"),
            contents,
            origin: Some(origin),
        });
    }
    Ok(out)
}
