//! The check cache: results of outside-link checks kept in a file under the site root, so a
//! second `arkiv check` only asks the web about links it has not seen lately, and the link
//! index can show each link's status without going online at build time.

use crate::core::diagnostics::Diagnostic;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Name of the cache file in the site's folder (a dot file, so it is not content).
pub const CACHE_FILE: &str = ".arkiv-linkcheck.json";

/// Results younger than this are reused by `arkiv check`.
pub const DEFAULT_MAX_AGE: Duration = Duration::from_secs(24 * 60 * 60);

const VERSION: u32 = 1;

/// What a check concluded about one URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkState {
    /// Answered 2xx where it was asked.
    Ok,
    /// Answered 2xx after one or more redirects: works, but the link should be updated.
    Redirected,
    /// The path ends in `.pdf` but the server sent a web page (often a "not found" page
    /// that answers 200): probably moved.
    PdfIsHtml,
    /// 4xx, 5xx after retries, timeout, unknown host, refused connection.
    Broken,
    /// Not asked (or not followed to the end) before the check's time budget ran out; never
    /// cached.
    NotReached,
}

impl LinkState {
    /// True when the link needs fixing (the check exits 1).
    pub fn is_broken(self) -> bool {
        self == LinkState::Broken
    }

    /// The word used in JSON and CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkState::Ok => "ok",
            LinkState::Redirected => "redirected",
            LinkState::PdfIsHtml => "pdf-is-html",
            LinkState::Broken => "broken",
            LinkState::NotReached => "not-reached",
        }
    }
}

/// One hop of a redirect chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Redirect {
    pub status: u16,
    pub to: String,
}

/// The outcome of checking one URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckResult {
    pub url: String,
    pub state: LinkState,
    /// Status of the last response, if any response came.
    pub status: Option<u16>,
    /// Where the redirects ended, when there were any.
    pub final_url: Option<String>,
    #[serde(default)]
    pub redirects: Vec<Redirect>,
    pub content_type: Option<String>,
    /// What went wrong, in words, for broken links (in English; see `error_in`).
    pub error: Option<String>,
    /// The same in Danish, for a Danish site's check report and link index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_da: Option<String>,
    /// Requests made, counting retries.
    pub attempts: u32,
    /// Seconds since 1970 (UTC).
    pub checked_at: u64,
}

impl CheckResult {
    /// A result for `url` in `state` at `checked_at` (seconds since 1970), with no response,
    /// redirect, type or error recorded and no request made yet; a check fills in the rest.
    pub fn new(url: &str, state: LinkState, checked_at: u64) -> Self {
        CheckResult {
            url: url.to_string(),
            state,
            status: None,
            final_url: None,
            redirects: Vec::new(),
            content_type: None,
            error: None,
            error_da: None,
            attempts: 0,
            checked_at,
        }
    }

    /// Records what went wrong, in both languages.
    pub fn set_error(&mut self, error: crate::core::messages::Text) {
        self.error = Some(error.en);
        self.error_da = error.da;
    }

    /// What went wrong in `language` (English where no Danish was recorded, as in caches
    /// written before there was one).
    pub fn error_in(&self, language: crate::core::language::Language) -> Option<&str> {
        match language {
            crate::core::language::Language::Da => {
                self.error_da.as_deref().or(self.error.as_deref())
            }
            crate::core::language::Language::En => self.error.as_deref(),
        }
    }

    /// True when the server said it is a PDF.
    pub fn serves_pdf(&self) -> bool {
        self.content_type
            .as_deref()
            .is_some_and(|c| c.to_ascii_lowercase().starts_with("application/pdf"))
    }
}

/// All cached results, by URL.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Cache {
    pub version: u32,
    pub results: BTreeMap<String, CheckResult>,
}

/// Seconds since 1970 now.
pub fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

impl Cache {
    /// Where the cache of the site at `site_root` lives.
    pub fn path(site_root: &Path) -> PathBuf {
        site_root.join(CACHE_FILE)
    }

    /// Reads the cache; a missing file is an empty cache, and a damaged one is a warning and an
    /// empty cache (the check then simply runs again), never an error.
    pub fn load(site_root: &Path) -> (Cache, Option<Diagnostic>) {
        let path = Self::path(site_root);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Cache::new(), None),
            Err(e) => {
                return (
                    Cache::new(),
                    Some(
                        Diagnostic::warning(
                            PathBuf::from(CACHE_FILE),
                            crate::core::messages::msg("cache.cannot_read", &[("error", &e)]),
                        )
                        .hint(crate::core::messages::msg("cache.damaged.hint", &[])),
                    ),
                )
            }
        };
        match serde_json::from_str::<Cache>(&text) {
            Ok(c) if c.version == VERSION => (c, None),
            Ok(_) => (Cache::new(), None),
            Err(e) => (
                Cache::new(),
                Some(
                    Diagnostic::warning(
                        PathBuf::from(CACHE_FILE),
                        crate::core::messages::msg("cache.damaged", &[("error", &e)]),
                    )
                    .hint(crate::core::messages::msg("cache.damaged.hint", &[])),
                ),
            ),
        }
    }

    /// An empty cache of the current format.
    pub fn new() -> Cache {
        Cache {
            version: VERSION,
            results: BTreeMap::new(),
        }
    }

    /// The cached result for `url` if it is younger than `max_age` at `now`.
    pub fn fresh(&self, url: &str, now: u64, max_age: Duration) -> Option<&CheckResult> {
        self.results
            .get(url)
            // A time in the future (a clock set wrong, a hand-edited file) is not fresh.
            .filter(|r| r.checked_at <= now && now - r.checked_at < max_age.as_secs())
    }

    /// Writes the cache next to `site.yaml`, through a temporary file so an interrupted
    /// write never leaves half a file.
    pub fn save(&self, site_root: &Path) -> std::io::Result<()> {
        let path = Self::path(site_root);
        let tmp = site_root.join(format!("{CACHE_FILE}.tmp"));
        let text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        std::fs::write(&tmp, text)?;
        std::fs::rename(&tmp, &path)
    }
}

/// `2025-11-22 14:03 UTC`: when a link was checked, readable in both languages.
pub fn format_time(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let date = crate::core::calendar::date_from_days(days);
    format!("{date} {:02}:{:02} UTC", rem / 3600, (rem % 3600) / 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(url: &str, at: u64) -> CheckResult {
        CheckResult {
            status: Some(200),
            content_type: Some("application/pdf".into()),
            attempts: 1,
            ..CheckResult::new(url, LinkState::Ok, at)
        }
    }

    #[test]
    fn the_reason_is_kept_in_both_languages_and_old_caches_fall_back_to_english() {
        use crate::core::language::Language;
        let mut r = result("https://a.example/x", 1000);
        r.set_error(crate::core::messages::msg("linkcheck.gone", &[]));
        assert_eq!(
            r.error_in(Language::En),
            Some("the page is gone (not found)")
        );
        assert_eq!(
            r.error_in(Language::Da),
            Some("siden findes ikke (længere)")
        );
        let text = serde_json::to_string(&result("https://a.example/y", 1)).unwrap();
        assert!(!text.contains("error_da"), "no Danish, no key: {text}");
        let old = text.replace("\"error\":null", "\"error\":\"refused\"");
        let old: CheckResult = serde_json::from_str(&old).unwrap();
        assert_eq!(old.error_in(Language::Da), Some("refused"));
    }

    #[test]
    fn round_trip_and_age() {
        let dir = tempfile::tempdir().unwrap();
        let mut c = Cache::new();
        c.results.insert(
            "https://a.example/x.pdf".into(),
            result("https://a.example/x.pdf", 1000),
        );
        c.save(dir.path()).unwrap();
        let (back, warning) = Cache::load(dir.path());
        assert!(warning.is_none());
        assert_eq!(back, c);
        let age = Duration::from_secs(100);
        assert!(back.fresh("https://a.example/x.pdf", 1050, age).is_some());
        assert!(back.fresh("https://a.example/x.pdf", 1100, age).is_none());
        assert!(back.results["https://a.example/x.pdf"].serves_pdf());
    }

    #[test]
    fn damaged_cache_is_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(CACHE_FILE), "{ not json").unwrap();
        let (c, warning) = Cache::load(dir.path());
        assert!(c.results.is_empty());
        assert!(warning.unwrap().message.contains("damaged"));
    }

    #[test]
    fn times_are_utc() {
        assert_eq!(format_time(0), "1970-01-01 00:00 UTC");
        assert_eq!(format_time(1_763_820_180), "2025-11-22 14:03 UTC");
    }
}
