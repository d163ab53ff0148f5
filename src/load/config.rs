//! `site.yaml`: the few settings an association needs, validated with file and line.

use crate::core::diagnostics::{Diagnostic, Diagnostics};
use crate::core::i18n::Language;
use crate::core::messages::msg;
use crate::core::yaml::Value;
use crate::core::yaml::{yaml_scalar_text, YamlMap};
use crate::load::members_config::{parse_members, MembersConfig};
use std::path::{Path, PathBuf};

/// Settings of `arkiv check` for outside links.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LinkCheckConfig {
    /// URL prefixes (or hosts) never checked: intranets, sites that block robots.
    pub skip: Vec<String>,
    /// Seconds to wait for one response.
    pub timeout_secs: u64,
    /// Requests in flight at once, across all hosts.
    pub concurrency: usize,
    /// Seconds the whole check of outside links may take; what is not reached is reported.
    pub budget_secs: u64,
}

impl Default for LinkCheckConfig {
    fn default() -> Self {
        Self {
            skip: Vec::new(),
            timeout_secs: 10,
            concurrency: 8,
            budget_secs: 300,
        }
    }
}

/// Longest budget for a whole check: a day.
const MAX_BUDGET_SECS: u64 = 86_400;

/// Longest wait for one response: past this a link is as good as dead, and larger numbers
/// overflow the HTTP client's clock.
const MAX_TIMEOUT_SECS: u64 = 300;
/// Most requests in flight at once: each is a thread.
const MAX_CONCURRENCY: u64 = 64;

/// The site's settings, from `site.yaml`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SiteConfig {
    pub title: String,
    /// Where the site is hosted; always ends in `/`. Used for absolute URLs (feed, sitemap).
    pub base_url: String,
    pub language: Language,
    pub description: String,
    pub theme: String,
    pub minify: bool,
    pub link_check: LinkCheckConfig,
    /// The members' area (`members:`), when the site has one.
    pub members: Option<MembersConfig>,
}

const KNOWN_KEYS: &[&str] = &[
    "title",
    "base_url",
    "language",
    "description",
    "theme",
    "minify",
    "link_check",
    "members",
];

/// The file name users write; named once so messages and code agree.
pub const CONFIG_FILE: &str = "site.yaml";

impl SiteConfig {
    /// Reads `site.yaml` from the site root; all problems are reported together.
    pub fn load(site_root: &Path) -> Result<SiteConfig, Diagnostics> {
        let path = site_root.join(CONFIG_FILE);
        let rel = PathBuf::from(CONFIG_FILE);
        let text = match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(_) => {
                    return Err(one(Diagnostic::error(rel, msg("site.not_utf8", &[]))
                        .hint(msg("file.not_utf8.hint", &[]))))
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let folder = site_root.display();
                return Err(one(Diagnostic::error(
                    rel,
                    msg("site.no_config", &[("folder", &folder)]),
                )
                .hint(msg("site.no_config.hint", &[]))));
            }
            Err(e) => {
                return Err(one(Diagnostic::error(
                    rel,
                    msg("site.cannot_read", &[("error", &e)]),
                )))
            }
        };
        Self::parse(&text, &rel)
    }

    /// Parses the text of `site.yaml`; `file` is only used in messages.
    pub fn parse(text: &str, file: &Path) -> Result<SiteConfig, Diagnostics> {
        let yaml = YamlMap::parse(text, file, 1).map_err(one)?;
        let mut problems = Diagnostics::default();
        problems.extend(yaml.unknown_keys(KNOWN_KEYS, file, "site.yaml"));
        let string = |key: &str, problems: &mut Diagnostics| -> Option<String> {
            match yaml.get(key) {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) => Some(s.trim().to_string()),
                Some(Value::Number(_)) | Some(Value::Bool(_)) => {
                    yaml.get(key).map(yaml_scalar_text)
                }
                Some(_) => {
                    problems.push(
                        Diagnostic::error(
                            file.to_path_buf(),
                            msg("site.not_text", &[("key", &key)]),
                        )
                        .at(yaml.line_of(key), 1)
                        .hint(msg("site.not_text.hint", &[("key", &key)])),
                    );
                    None
                }
            }
        };
        let title = string("title", &mut problems).unwrap_or_default();
        if title.is_empty() && !problems.has_errors() {
            problems.push(
                Diagnostic::error(file.to_path_buf(), msg("site.no_title", &[]))
                    .at(1, 1)
                    .hint(msg("site.no_title.hint", &[])),
            );
        }
        let mut base_url = string("base_url", &mut problems).unwrap_or_else(|| "/".to_string());
        if !base_url.ends_with('/') {
            base_url.push('/');
        }
        let language = match string("language", &mut problems).as_deref() {
            None | Some("da") => Language::Da,
            Some("en") => Language::En,
            Some(other) => {
                problems.push(
                    Diagnostic::error(
                        file.to_path_buf(),
                        msg("site.language", &[("other", &other)]),
                    )
                    .at(yaml.line_of("language"), yaml.value_column("language"))
                    .hint(msg("site.language.hint", &[])),
                );
                Language::Da
            }
        };
        let minify = match yaml.get("minify") {
            None | Some(Value::Null) => true,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                problems.push(
                    Diagnostic::error(
                        file.to_path_buf(),
                        msg("site.minify", &[("value", &yaml_scalar_text(other))]),
                    )
                    .at(yaml.line_of("minify"), yaml.value_column("minify"))
                    .hint(msg("site.minify.hint", &[])),
                );
                true
            }
        };
        let link_check = parse_link_check(yaml.get("link_check"), &yaml, file, &mut problems);
        let theme = string("theme", &mut problems).unwrap_or_else(|| "default".to_string());
        if !is_theme_name(&theme) {
            problems.push(
                Diagnostic::error(
                    file.to_path_buf(),
                    msg("site.theme_path", &[("name", &theme)]),
                )
                .at(yaml.line_of("theme"), yaml.value_column("theme"))
                .hint(msg("site.theme_path.hint", &[])),
            );
        }
        let config = SiteConfig {
            title,
            base_url,
            language,
            description: string("description", &mut problems).unwrap_or_default(),
            theme,
            minify,
            link_check,
            members: parse_members(&yaml, file, &mut problems),
        };
        if problems.has_errors() {
            Err(problems)
        } else {
            Ok(config)
        }
    }
}

fn parse_link_check(
    value: Option<&Value>,
    yaml: &YamlMap,
    file: &Path,
    problems: &mut Diagnostics,
) -> LinkCheckConfig {
    let mut config = LinkCheckConfig::default();
    let line = yaml.line_of("link_check");
    let map = match value {
        None | Some(Value::Null) => return config,
        Some(Value::Object(m)) => m,
        Some(_) => {
            problems.push(
                Diagnostic::error(file.to_path_buf(), msg("site.link_check", &[]))
                    .at(line, 1)
                    .hint(msg("site.link_check.hint", &[])),
            );
            return config;
        }
    };
    for (key, value) in map {
        match (key.as_str(), value) {
            ("skip", Value::Array(items)) => {
                config.skip = items.iter().map(yaml_scalar_text).collect()
            }
            ("timeout", Value::Number(n)) if n.as_u64().is_some_and(|n| n > 0) => {
                config.timeout_secs = n.as_u64().unwrap_or(10).min(MAX_TIMEOUT_SECS)
            }
            ("concurrency", Value::Number(n)) if n.as_u64().is_some_and(|n| n > 0) => {
                config.concurrency = n.as_u64().unwrap_or(8).min(MAX_CONCURRENCY) as usize
            }
            ("budget", Value::Number(n)) if n.as_u64().is_some_and(|n| n > 0) => {
                config.budget_secs = n.as_u64().unwrap_or(300).min(MAX_BUDGET_SECS)
            }
            (name @ ("skip" | "timeout" | "concurrency" | "budget"), _) => problems.push(
                Diagnostic::error(
                    file.to_path_buf(),
                    msg("site.link_check.type", &[("name", &name)]),
                )
                .at(line, 1)
                .hint(msg("site.link_check.type.hint", &[])),
            ),
            (other, _) => problems.push(
                Diagnostic::error(
                    file.to_path_buf(),
                    msg(
                        "yaml.unknown_key",
                        &[("name", &other), ("what", &"link_check")],
                    ),
                )
                .at(line, 1)
                .maybe_hint(crate::core::diagnostics::did_you_mean(
                    other,
                    ["skip", "timeout", "concurrency", "budget"],
                )),
            ),
        }
    }
    config
}

fn one(d: Diagnostic) -> Diagnostics {
    Diagnostics { items: vec![d] }
}

/// The `language:` of the `site.yaml` in `site_root`, read leniently (a site.yaml with other
/// mistakes still decides the language of the messages about them). `None` when there is no
/// site.yaml; the format's default, Danish, when it has no `language:`.
pub fn site_language(site_root: &Path) -> Option<Language> {
    let text = std::fs::read_to_string(site_root.join(CONFIG_FILE)).ok()?;
    let value = text.lines().find_map(|line| {
        line.strip_prefix("language:")
            .map(|v| v.split('#').next().unwrap_or("").trim())
    });
    match value {
        None | Some("") => Some(Language::Da),
        Some(v) => Some(
            crate::core::messages::parse_language(v.trim_matches(['"', '\'']))
                .unwrap_or(Language::Da),
        ),
    }
}

/// A theme is named, never a path: letters, digits, `-` and `_` (so `themes/<name>/` stays
/// inside the site, and `theme: /etc` or `theme: ../x` is refused).
pub fn is_theme_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_language_is_read_leniently() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(site_language(dir.path()), None);
        std::fs::write(dir.path().join("site.yaml"), "title: X\n").unwrap();
        assert_eq!(site_language(dir.path()), Some(Language::Da));
        std::fs::write(
            dir.path().join("site.yaml"),
            "title: X\nlanguage: \"en\" # engelsk\n",
        )
        .unwrap();
        assert_eq!(site_language(dir.path()), Some(Language::En));
    }

    #[test]
    fn defaults_apply() {
        let c = SiteConfig::parse("title: Foreningen\n", Path::new("site.yaml")).unwrap();
        assert_eq!(c.base_url, "/");
        assert_eq!(c.language, Language::Da);
        assert!(c.minify);
        assert_eq!(c.theme, "default");
    }

    #[test]
    fn problems_are_all_reported_with_lines() {
        let errs =
            SiteConfig::parse("titel: X\nlanguage: de\n", Path::new("site.yaml")).unwrap_err();
        let text = errs.to_string();
        assert!(
            text.contains("site.yaml:1:1: unknown key \"titel\""),
            "{text}"
        );
        assert!(text.contains("did you mean \"title\""), "{text}");
        assert!(text.contains("site.yaml:2:"), "{text}");
    }

    #[test]
    fn link_check_settings() {
        let c = SiteConfig::parse(
            "title: X\nbase_url: https://x.example/arkiv\nlink_check:\n  skip: [intra.example]\n  timeout: 3\n  concurrency: 2\n",
            Path::new("site.yaml"),
        )
        .unwrap();
        assert_eq!(c.base_url, "https://x.example/arkiv/");
        assert_eq!(c.link_check.skip, vec!["intra.example"]);
        assert_eq!(c.link_check.timeout_secs, 3);
        assert_eq!(c.link_check.concurrency, 2);
    }
}
