//! `arkiv check`: are the archive's links alive? Internal links are checked exactly as the
//! build checks them; then every outside web link is asked for once (concurrently, politely,
//! with retries), and the answers are cached under the site root so the next check — and the
//! link index — can use them without going online.

pub mod addresses;
pub mod http;
pub mod report;

use crate::core::diagnostics::{Diagnostic, Diagnostics};
use crate::load::config::{LinkCheckConfig, SiteConfig};
use crate::load::link_cache::{self, now_secs, Cache, CheckResult};
use crate::model::build_archive;
use crate::model::link_index::{host_of, LinkIndex};
pub use crate::model::link_model::is_skipped;
use http::HttpSettings;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What the user asked `arkiv check` to do.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Internal links only: no request leaves the machine.
    pub offline: bool,
    /// Ignore the cache and ask about every link again.
    pub fresh: bool,
    /// Cached results younger than this are reused.
    pub max_age: Duration,
    /// Draw a progress bar (only ever drawn when stderr is a terminal).
    pub progress: bool,
    /// Overrides the HTTP settings derived from `site.yaml` (tests use short back-offs).
    pub http: Option<HttpSettings>,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            offline: false,
            fresh: false,
            max_age: link_cache::DEFAULT_MAX_AGE,
            progress: true,
            http: None,
        }
    }
}

/// A place in a source file that cites an outside link.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SourceCitation {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    pub text: String,
}

/// One outside URL, what the check found and where it is cited.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ExternalReport {
    pub result: CheckResult,
    pub from_cache: bool,
    pub citations: Vec<SourceCitation>,
}

/// Everything `arkiv check` found.
#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    /// Broken internal links and every other problem the build would report.
    pub internal: Diagnostics,
    pub external: Vec<ExternalReport>,
    /// URLs left out by `link_check.skip`, with where they are cited.
    pub skipped: Vec<(String, Vec<SourceCitation>)>,
    pub offline: bool,
    pub elapsed: Duration,
}

impl CheckReport {
    /// Outside links that are broken.
    pub fn broken_external(&self) -> usize {
        self.external
            .iter()
            .filter(|e| e.result.state.is_broken())
            .count()
    }

    /// True when nothing needs fixing: the command exits 0.
    pub fn all_well(&self) -> bool {
        !self.internal.has_errors() && self.broken_external() == 0
    }
}

/// HTTP settings from `site.yaml`'s `link_check`.
pub fn settings_from(config: &LinkCheckConfig) -> HttpSettings {
    HttpSettings {
        timeout: Duration::from_secs(config.timeout_secs.max(1)),
        concurrency: config.concurrency.max(1),
        budget: Some(Duration::from_secs(config.budget_secs.max(1))),
        ..HttpSettings::default()
    }
}

/// Runs the whole check of the site at `site_root`. `Err` only when the site cannot be read
/// at all (no or broken `site.yaml`).
pub fn run(site_root: &Path, options: &CheckOptions) -> Result<CheckReport, Diagnostics> {
    let start = Instant::now();
    let config = SiteConfig::load(site_root)?;
    let settings = options
        .http
        .clone()
        .unwrap_or_else(|| settings_from(&config.link_check));
    let skip = config.link_check.skip.clone();
    let loaded = crate::load::content::load(site_root, false);
    let mut internal = Diagnostics::default();
    let archive = build_archive(config, site_root, loaded, &mut internal);
    let mut report = CheckReport {
        offline: options.offline,
        ..CheckReport::default()
    };
    let (mut cache, cache_problem) = Cache::load(site_root);
    internal.extend(cache_problem);
    if !options.offline {
        let index = LinkIndex::build(&archive.documents, &archive.assets, &archive.area, &cache);
        let mut to_check: Vec<(String, Vec<SourceCitation>)> = Vec::new();
        for target in index.web_targets() {
            let citations = target
                .citations
                .iter()
                .map(|c| SourceCitation {
                    file: archive.documents[c.document].source.clone(),
                    line: c.line,
                    column: c.column,
                    text: c.text.clone(),
                })
                .collect();
            if is_skipped(&target.url, &skip) {
                report.skipped.push((target.url.clone(), citations));
            } else {
                to_check.push((target.url.clone(), citations));
            }
        }
        let now = now_secs();
        let mut fresh_urls = Vec::new();
        for (url, _) in &to_check {
            let cached = (!options.fresh)
                .then(|| cache.fresh(url, now, options.max_age))
                .flatten();
            if cached.is_none() {
                fresh_urls.push(url.clone());
            }
        }
        let results = check_with_progress(&fresh_urls, &settings, options.progress);
        let mut unchecked = std::collections::HashMap::new();
        for r in results {
            // A URL that was never actually asked (attempts 0) is reported, not remembered.
            if r.attempts == 0 || r.state == link_cache::LinkState::NotReached {
                unchecked.insert(r.url.clone(), r);
            } else {
                cache.results.insert(r.url.clone(), r);
            }
        }
        for (url, citations) in to_check {
            let from_cache = !fresh_urls.contains(&url);
            if let Some(result) = unchecked.get(&url).or_else(|| cache.results.get(&url)) {
                report.external.push(ExternalReport {
                    result: result.clone(),
                    from_cache,
                    citations,
                });
            }
        }
        if !fresh_urls.is_empty() {
            if let Err(e) = cache.save(site_root) {
                internal.push(
                    Diagnostic::warning(
                        PathBuf::from(link_cache::CACHE_FILE),
                        crate::core::messages::msg("cache.cannot_save", &[("error", &e)]),
                    )
                    .hint(crate::core::messages::msg("cache.cannot_save.hint", &[])),
                );
            }
        }
    }
    internal.sort();
    report.internal = internal;
    report.elapsed = start.elapsed();
    Ok(report)
}

fn check_with_progress(
    urls: &[String],
    settings: &HttpSettings,
    progress: bool,
) -> Vec<CheckResult> {
    if urls.is_empty() {
        return Vec::new();
    }
    let bar = if progress && std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(urls.len() as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template(&format!(
            "{{spinner}} {} {{bar:30}} {{pos}}/{{len}} {{wide_msg}}",
            crate::core::messages::printed().get("check.progress")
        )) {
            bar.set_style(style);
        }
        bar.enable_steady_tick(Duration::from_millis(120));
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let results = http::check_all(urls, settings, &|r: &CheckResult| {
        bar.set_message(host_of(&r.url).unwrap_or_default());
        bar.inc(1);
    });
    bar.finish_and_clear();
    results
}
