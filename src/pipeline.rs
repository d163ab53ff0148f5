//! The build, stage by stage: load → model → render → write. Each stage only reads what the
//! one before produced; this file just runs them in order and times them.

use crate::core::diagnostics::{Diagnostic, Diagnostics};
use crate::core::store::TextStore;
use crate::load::config::SiteConfig;
use crate::load::theme::Theme;
use crate::model::{build_archives, Archive, Archives};
use crate::output::{self, CopiedFile};
use crate::render::minify;
use crate::render::{OutputFile, Renderer};
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
    /// The memory held at the end of each stage, beside `stages` (`None` where the system
    /// does not tell; see `core::memory`).
    pub memory: Vec<Option<crate::core::memory::Resident>>,
}

impl StageTimings {
    /// Adds the time since `since` under `name`; returns now, for the next stage.
    pub fn record(&mut self, name: &'static str, since: Instant) -> Instant {
        self.stages.push((name, since.elapsed()));
        self.memory.push(crate::core::memory::resident());
        Instant::now()
    }
}

/// A finished build: what was written, warnings, timings.
#[derive(Debug)]
pub struct BuildReport {
    pub output: PathBuf,
    /// Documents of the public site.
    pub documents: usize,
    /// Members-only documents, published only in the members' area.
    pub members_documents: usize,
    /// The members' area's folder (`members/`), when the site has one.
    pub members_folder: Option<String>,
    pub pages: usize,
    pub files: usize,
    pub warnings: Diagnostics,
    pub timings: StageTimings,
    /// Outside links `arkiv check` has no result for yet.
    pub unchecked_links: usize,
}

/// The in-memory result of the render stage: everything that would be written.
pub struct RenderedSite {
    /// The public site's model.
    pub archive: Archive,
    /// The members' area's model, when the site has one.
    pub members: Option<Archive>,
    pub files: Vec<OutputFile>,
    pub copies: Vec<CopiedFile>,
    pub diagnostics: Diagnostics,
    pub timings: StageTimings,
}

/// Loads, models and renders the site without writing anything, keeping the whole model (for
/// tests, which compare it with what a build writes).
pub fn render_site(site_root: &Path, drafts: bool) -> Result<RenderedSite, Diagnostics> {
    let files = std::sync::Mutex::new(Vec::new());
    let collect = |f: OutputFile| {
        if let Ok(mut files) = files.lock() {
            files.push(f);
        }
    };
    let staged = run_stages(
        site_root,
        drafts,
        true,
        TextStore::in_memory(),
        &collect,
        &mut || Ok(()),
    )?;
    Ok(RenderedSite {
        archive: staged.archive,
        members: staged.members,
        files: files.into_inner().unwrap_or_default(),
        copies: staged.copies,
        diagnostics: staged.diagnostics,
        timings: staged.timings,
    })
}

/// What the stages leave besides the files they handed on.
struct Staged {
    archive: Archive,
    members: Option<Archive>,
    copies: Vec<CopiedFile>,
    diagnostics: Diagnostics,
    timings: StageTimings,
    pages: usize,
    /// Outside links `arkiv check` has not checked yet (counted before the link index is let
    /// go).
    unchecked_links: usize,
}

/// Load → model → render; every output file goes to `sink` as soon as it exists. With a
/// members' area, its pages follow the public site's, each under the area's folder. The
/// documents' texts go into `texts` (a build's file, or memory). Without `keep_model`, what no
/// later stage reads is let go as soon as it is done with, and the caller gets the model
/// without it: each document's links but the first image once the model is made; its HTML
/// and headings and the link and PDF indexes once the pages are written
/// (`Archive::release_links`, `Archive::release_page_text`).
fn run_stages(
    site_root: &Path,
    drafts: bool,
    keep_model: bool,
    texts: TextStore,
    sink: &(dyn Fn(OutputFile) + Sync),
    after_load: &mut dyn FnMut() -> Result<(), Diagnostic>,
) -> Result<Staged, Diagnostics> {
    let mut timings = StageTimings::default();
    let start = Instant::now();
    let (config, theme) = load_config_and_theme(site_root)?;
    // A build's bodies wait in the text store until their documents are rendered.
    let loaded = crate::load::content::load_into(site_root, drafts, &texts);
    after_load().map_err(|d| Diagnostics { items: vec![d] })?;
    let t = timings.record("load", start);
    let mut diagnostics = Diagnostics::default();
    diagnostics.extend(base_url_warning(&config, site_root));
    let Archives {
        mut public,
        mut members,
    } = build_archives(config, site_root, loaded, texts.clone(), &mut diagnostics);
    let t = timings.record("model", t);
    if diagnostics.has_errors() {
        diagnostics.sort();
        return Err(diagnostics);
    }
    let unchecked_links = public.unchecked_links();
    if !keep_model {
        std::iter::once(&mut public)
            .chain(members.as_mut())
            .for_each(Archive::release_links);
    }
    let mut pages = render_archive(&public, &theme, sink, &mut diagnostics)?;
    let in_folder = |folder: &str, f: OutputFile| OutputFile {
        path: format!("{folder}{}", f.path),
        contents: f.contents,
    };
    if let Some(area) = &members {
        let folder = area.area.folder.as_str();
        let into_area = |f: OutputFile| sink(in_folder(folder, f));
        pages += render_archive(area, &theme, &into_area, &mut diagnostics)?;
        let htaccess = OutputFile {
            path: crate::routes::HTACCESS.to_string(),
            contents: crate::render::area::htaccess(area).into_bytes(),
        };
        sink(in_folder(folder, htaccess));
        // The area keeps its own list of files (see `output::guard::write_manifest`).
        sink(OutputFile {
            path: format!("{folder}{}", crate::output::MARKER_FILE),
            contents: Vec::new(),
        });
    }
    let t = timings.record("render", t);
    if !keep_model {
        std::iter::once(&mut public)
            .chain(members.as_mut())
            .for_each(Archive::release_page_text);
    }
    // The site's share image is drawn on one core while the search index takes the other.
    let share = crate::render::og_image::site_image(&public);
    let ((), share_png) = rayon::join(
        || {
            for archive in std::iter::once(&public).chain(&members) {
                let folder = archive.area.folder_if_members();
                model_files_into(archive, &|f| sink(in_folder(&folder, f)));
            }
        },
        || {
            share
                .made
                .then(|| crate::render::og_image::site_card(&public, &theme))
        },
    );
    if let Some(contents) = share_png {
        sink(OutputFile {
            path: share.path.to_string(),
            contents,
        });
    }
    if let Some(e) = texts.failure() {
        diagnostics.push(read_back_error(&e));
    }
    let t = timings.record("index", t);
    for f in static_files(&theme) {
        // Pages are compact already (see `render::minify`); the theme's files are not.
        sink(minify_static(f, public.config.minify));
    }
    if public.config.minify {
        timings.record("minify", t);
    }
    diagnostics.sort();
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    let mut copies = copied_files(&public, &theme);
    if let Some(area) = &members {
        copies.extend(members_copies(area));
    }
    Ok(Staged {
        archive: public,
        members,
        copies,
        diagnostics,
        timings,
        pages,
        unchecked_links,
    })
}

/// The error for texts the build could not read back from its text store.
fn read_back_error(e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        None,
        crate::core::messages::msg("output.cannot_read_back", &[("error", e)]),
    )
    .hint(crate::core::messages::msg("output.io.hint", &[]))
}

/// Renders every page of one archive into `sink`; returns how many.
fn render_archive(
    archive: &Archive,
    theme: &Theme,
    sink: &(dyn Fn(OutputFile) + Sync),
    diagnostics: &mut Diagnostics,
) -> Result<usize, Diagnostics> {
    let renderer = match Renderer::new(archive, theme) {
        Ok(r) => r,
        Err(mut d) => {
            d.extend(std::mem::take(&mut diagnostics.items));
            d.sort();
            return Err(d);
        }
    };
    let pages = renderer.all_pages();
    diagnostics.extend(renderer.render_pages_into(&pages, sink).items);
    Ok(pages.len())
}

/// The files only members-only documents use, copied into the members' area's folder.
fn members_copies(area: &Archive) -> Vec<CopiedFile> {
    let content_root = area.site_root.join(crate::load::content::CONTENT_DIR);
    let mut files: Vec<&String> = area.area.members_assets.iter().collect();
    files.sort();
    files
        .into_iter()
        .map(|a| CopiedFile {
            from: content_root.join(a),
            to: format!("{}{a}", area.area.folder),
        })
        .collect()
}

/// With `base_url: /` the feed and sitemap can only hold relative addresses, which Atom and
/// the sitemap protocol do not accept, and shared links carry no address: say what to set.
pub fn base_url_warning(config: &SiteConfig, site_root: &Path) -> Option<Diagnostic> {
    if config.base_url.contains("://") {
        return None;
    }
    let file = site_root.join(crate::load::config::CONFIG_FILE);
    let line = std::fs::read_to_string(&file)
        .ok()
        .and_then(|text| text.lines().position(|l| l.starts_with("base_url:")))
        .map_or(1, |i| i + 1);
    Some(
        Diagnostic::warning(
            PathBuf::from(crate::load::config::CONFIG_FILE),
            crate::core::messages::msg("site.base_url", &[("base_url", &config.base_url)]),
        )
        .at(line, 1)
        .hint(crate::core::messages::msg("site.base_url.hint", &[])),
    )
}

/// `site.yaml` and the theme it names: what every page is rendered with.
pub fn load_config_and_theme(site_root: &Path) -> Result<(SiteConfig, Theme), Diagnostics> {
    let config = SiteConfig::load(site_root)?;
    let theme =
        Theme::load(site_root, &config.theme).map_err(|d| Diagnostics { items: vec![d] })?;
    Ok((config, theme))
}

/// Files made from the whole model besides the pages (such as the search index). Serve calls
/// this after every rebuild, so anything listed here stays current while writing.
pub fn model_files(archive: &Archive) -> Vec<OutputFile> {
    let files = std::sync::Mutex::new(Vec::new());
    model_files_into(archive, &|f| {
        if let Ok(mut files) = files.lock() {
            files.push(f);
        }
    });
    files.into_inner().unwrap_or_default()
}

/// `model_files`, each handed to `sink` as soon as it is made (the build writes them straight
/// into the staging folder).
pub fn model_files_into(archive: &Archive, sink: &(dyn Fn(OutputFile) + Sync)) {
    crate::search::write_index(archive, sink);
}

/// A theme file as it ships: CSS and JavaScript minified when `minify` is on.
pub fn minify_static(f: OutputFile, minify: bool) -> OutputFile {
    let text = match std::str::from_utf8(&f.contents) {
        Ok(text) if minify => text,
        _ => return f,
    };
    let contents = if f.path.ends_with(".css") {
        minify::minify_css(text)
    } else if f.path.ends_with(".js") {
        minify::minify_js(text)
    } else {
        return f;
    };
    OutputFile {
        path: f.path,
        contents: contents.into_bytes(),
    }
}

/// The theme's static files (CSS, scripts, fonts), published under `static/`.
pub fn static_files(theme: &Theme) -> Vec<OutputFile> {
    theme
        .static_files
        .iter()
        .map(|f| OutputFile {
            path: crate::routes::static_file(&f.name),
            contents: f.contents.clone(),
        })
        .collect()
}

/// Files under `content/` that are published as they are (attachments, images).
pub fn copied_files(archive: &Archive, _theme: &Theme) -> Vec<CopiedFile> {
    let content_root = archive.site_root.join(crate::load::content::CONTENT_DIR);
    archive
        .assets
        .iter()
        .map(|a| CopiedFile {
            from: content_root.join(a),
            to: a.to_string_lossy().replace('\\', "/"),
        })
        .collect()
}

/// `arkiv build`: renders the site straight into a staging folder and swaps it into the
/// output folder only when every stage succeeded.
pub fn build(options: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    build_with(options, TextStore::in_dir)
}

/// `build`, with the store for the documents' texts made by `texts` in the output's folder.
fn build_with(
    options: &BuildOptions,
    texts: impl FnOnce(&Path) -> TextStore,
) -> Result<BuildReport, Diagnostics> {
    let one = |d: Diagnostic| Diagnostics { items: vec![d] };
    let output = options
        .output
        .clone()
        .unwrap_or_else(|| options.site_root.join("output"));
    output::check_output_dir(&options.site_root, &output).map_err(one)?;
    // One build of an output at a time; what killed builds left behind goes first.
    let (_lock, waited) = crate::output::guard::lock_output(&output).map_err(one)?;
    if waited {
        output::check_output_dir(&options.site_root, &output).map_err(one)?;
    }
    crate::output::guard::remove_leftovers(&output);
    let staging = output::Staging::create(&output).map_err(one)?;
    let write_error: std::sync::Mutex<Option<Diagnostic>> = std::sync::Mutex::new(None);
    let written = std::sync::atomic::AtomicUsize::new(0);
    let write = |f: OutputFile| {
        written.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if let Err(e) = staging.write(&f) {
            if let Ok(mut slot) = write_error.lock() {
                slot.get_or_insert(e);
            }
        }
    };
    // On any error `staging` is dropped, which deletes it: the published site stays as it was.
    // The documents' texts wait in a file beside the output until they are needed.
    let texts = texts(staging.folder());
    let store = texts.clone();
    // Whether the output has gained files since the last build is found out while the
    // documents load: it walks the whole output, which takes one core a while.
    let staged = std::thread::scope(|scope| {
        let walk = scope.spawn(|| output::check_foreign_files(&output));
        let mut walk = Some(walk);
        let mut after_load = || match walk.take().map(|w| w.join()) {
            Some(Ok(checked)) => checked,
            Some(Err(panic)) => std::panic::resume_unwind(panic),
            None => Ok(()),
        };
        run_stages(
            &options.site_root,
            options.drafts,
            false,
            texts,
            &write,
            &mut after_load,
        )
    });
    let staged = match staged {
        Ok(staged) => staged,
        // A text the store could not give back shows up as other errors first (a document
        // without its headings makes links to them broken): the cause is named with them.
        Err(mut problems) => {
            if let Some(e) = store.failure() {
                problems.items.insert(0, read_back_error(&e));
            }
            return Err(problems);
        }
    };
    if let Some(e) = write_error.into_inner().ok().flatten() {
        return Err(one(e));
    }
    let mut timings = staged.timings;
    let start = Instant::now();
    use rayon::prelude::*;
    staged
        .copies
        .par_iter()
        .try_for_each(|c| staging.copy(c))
        .map_err(one)?;
    staging.commit().map_err(one)?;
    timings.record("write", start);
    let files = written.into_inner();
    Ok(BuildReport {
        output,
        documents: staged.archive.documents.len(),
        members_documents: staged.archive.area.members_count,
        members_folder: staged.members.as_ref().map(|a| a.area.folder.clone()),
        pages: staged.pages,
        files: files + staged.copies.len(),
        warnings: staged.diagnostics,
        timings,
        unchecked_links: staged.unchecked_links,
    })
}

/// A problem that is not about any one file (bad arguments, an unreadable folder).
pub fn usage_error(message: impl Into<crate::core::diagnostics::Text>) -> Diagnostic {
    Diagnostic::error(None, message)
}

#[cfg(test)]
mod tests;
