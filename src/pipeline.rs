//! The build, stage by stage: load → model → render → write. Each stage only reads what the
//! one before produced; this file just runs them in order and times them.

use crate::archive::{build_archive, Archive};
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::{self, CopiedFile};
use crate::render::{OutputFile, Renderer};
use crate::theme::Theme;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What the user asked for.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub site_root: PathBuf,
    /// Defaults to `<site_root>/output`.
    pub output: Option<PathBuf>,
    pub drafts: bool,
}

/// Time spent in each stage, for `--timings` and the benchmarks.
#[derive(Debug, Default, Clone)]
pub struct StageTimings {
    pub stages: Vec<(&'static str, Duration)>,
}

impl StageTimings {
    /// Adds the time since `since` under `name`; returns now, for the next stage.
    pub fn record(&mut self, name: &'static str, since: Instant) -> Instant {
        self.stages.push((name, since.elapsed()));
        Instant::now()
    }
}

/// A finished build: what was written, warnings, timings.
#[derive(Debug)]
pub struct BuildReport {
    pub output: PathBuf,
    pub documents: usize,
    pub pages: usize,
    pub files: usize,
    pub warnings: Diagnostics,
    pub timings: StageTimings,
}

/// The in-memory result of the render stage: everything that would be written.
pub struct RenderedSite {
    pub archive: Archive,
    pub files: Vec<OutputFile>,
    pub copies: Vec<CopiedFile>,
    pub diagnostics: Diagnostics,
    pub timings: StageTimings,
}

/// Loads, models and renders the site without writing anything (used by build, serve and check).
pub fn render_site(site_root: &Path, drafts: bool) -> Result<RenderedSite, Diagnostics> {
    let mut timings = StageTimings::default();
    let start = Instant::now();
    let (config, theme) = load_config_and_theme(site_root)?;
    let loaded = crate::content::load(site_root, drafts);
    let t = timings.record("load", start);
    let mut diagnostics = Diagnostics::default();
    let mut archive = build_archive(config, site_root, loaded, &mut diagnostics);
    complete_model(&mut archive, &mut diagnostics);
    let t = timings.record("model", t);
    if diagnostics.has_errors() {
        diagnostics.sort();
        return Err(diagnostics);
    }
    let renderer = match Renderer::new(&archive, &theme) {
        Ok(r) => r,
        Err(mut d) => {
            d.extend(diagnostics.items);
            d.sort();
            return Err(d);
        }
    };
    let pages = renderer.all_pages();
    let (mut files, problems) = renderer.render_pages(&pages);
    diagnostics.extend(problems.items);
    let mut t = timings.record("render", t);
    let copies = copied_files(&archive, &theme);
    files.extend(static_files(&theme));
    files.extend(model_files(&archive, &mut diagnostics));
    t = timings.record("index", t);
    if archive.config.minify {
        // Pages are compact already (see `output::minify_template`); the stylesheets are not.
        for f in files
            .iter_mut()
            .filter(|f| f.path.starts_with("static/") && f.path.ends_with(".css"))
        {
            if let Ok(css) = std::str::from_utf8(&f.contents) {
                f.contents = output::minify_css(css).into_bytes();
            }
        }
        t = timings.record("minify", t);
    }
    let _ = t;
    diagnostics.sort();
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    drop(renderer);
    Ok(RenderedSite {
        archive,
        files,
        copies,
        diagnostics,
        timings,
    })
}

/// `site.yaml` and the theme it names: what every page is rendered with.
pub fn load_config_and_theme(site_root: &Path) -> Result<(SiteConfig, Theme), Diagnostics> {
    let config = SiteConfig::load(site_root)?;
    let theme =
        Theme::load(site_root, &config.theme).map_err(|d| Diagnostics { items: vec![d] })?;
    Ok((config, theme))
}

/// Steps that add to the model after `build_archive` (such as reading PDF attachments). Build and
/// serve both call this after every model build, so a step added here is live in both.
pub fn complete_model(archive: &mut Archive, diagnostics: &mut Diagnostics) {
    let (links, cache_problem) = crate::link_index::pages::LinkModel::build(archive);
    archive.links = links;
    diagnostics.extend(cache_problem);
}

/// Files made from the whole model besides the pages (such as the search index). Serve calls
/// this after every rebuild, so anything listed here stays current while writing.
pub fn model_files(archive: &Archive, diagnostics: &mut Diagnostics) -> Vec<OutputFile> {
    let _ = diagnostics;
    let mut files = Vec::new();
    files.extend(crate::search::index_files(archive));
    files
}

/// The theme's static files (CSS, scripts, fonts), published under `static/`.
pub fn static_files(theme: &Theme) -> Vec<OutputFile> {
    theme
        .static_files
        .iter()
        .map(|f| OutputFile {
            path: format!("static/{}", f.name),
            contents: f.contents.clone(),
        })
        .collect()
}

/// Files under `content/` that are published as they are (attachments, images).
pub fn copied_files(archive: &Archive, _theme: &Theme) -> Vec<CopiedFile> {
    let content_root = archive.site_root.join(crate::content::CONTENT_DIR);
    archive
        .assets
        .iter()
        .map(|a| CopiedFile {
            from: content_root.join(a),
            to: a.to_string_lossy().replace('\\', "/"),
        })
        .collect()
}

/// `arkiv build`: renders the site and swaps it into the output folder.
pub fn build(options: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    let output = options
        .output
        .clone()
        .unwrap_or_else(|| options.site_root.join("output"));
    output::check_output_dir(&options.site_root, &output)
        .map_err(|d| Diagnostics { items: vec![d] })?;
    let site = render_site(&options.site_root, options.drafts)?;
    let mut timings = site.timings;
    let start = Instant::now();
    output::write_site(&output, &site.files, &site.copies)
        .map_err(|d| Diagnostics { items: vec![d] })?;
    timings.record("write", start);
    Ok(BuildReport {
        output,
        documents: site.archive.documents.len(),
        pages: site
            .files
            .iter()
            .filter(|f| f.path.ends_with(".html"))
            .count(),
        files: site.files.len() + site.copies.len(),
        warnings: site.diagnostics,
        timings,
    })
}

/// A problem that is not about any one file (bad arguments, an unreadable folder).
pub fn usage_error(message: impl Into<String>) -> Diagnostic {
    Diagnostic::error(None, message)
}
