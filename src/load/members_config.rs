//! `members:` in site.yaml: the members' area, a folder of the output that the web server
//! protects with a password file.

use crate::core::diagnostics::{Diagnostic, Diagnostics};
use crate::core::messages::msg;
use crate::core::yaml::{yaml_scalar_text, Value, YamlMap};
use std::path::Path;

/// The members' area, when site.yaml turns it on.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct MembersConfig {
    /// Absolute path of the password file on the web server, for `.htaccess`.
    pub htpasswd: String,
    /// The area's title; `None` for the interface's "Medlemsområde" / "Members' area".
    pub title: Option<String>,
    /// The area's folder in the output (`members`).
    pub path: String,
    /// Text shown on public pages that point to the area.
    pub text: Option<String>,
}

const KEYS: [&str; 4] = ["htpasswd", "title", "path", "text"];

/// Reads `members:`; `None` when it is absent. Problems are added to `problems`.
pub fn parse_members(
    yaml: &YamlMap,
    file: &Path,
    problems: &mut Diagnostics,
) -> Option<MembersConfig> {
    let line = yaml.line_of("members");
    let error = |message: crate::core::messages::Text, hint: crate::core::messages::Text| {
        Diagnostic::error(file.to_path_buf(), message)
            .at(line, 1)
            .hint(hint)
    };
    let map = match yaml.get("members") {
        None | Some(Value::Null) => return None,
        Some(Value::Object(map)) => map,
        Some(_) => {
            problems.push(error(
                msg("site.members.shape", &[]),
                msg("site.members.shape.hint", &[]),
            ));
            return None;
        }
    };
    let mut config = MembersConfig {
        htpasswd: String::new(),
        title: None,
        path: "members".to_string(),
        text: None,
    };
    for (key, value) in map {
        let text = match value {
            Value::String(_) | Value::Number(_) | Value::Bool(_) => {
                Some(yaml_scalar_text(value).trim().to_string())
            }
            _ => None,
        };
        match (key.as_str(), text) {
            ("htpasswd", Some(t)) => config.htpasswd = t,
            ("title", Some(t)) if !t.is_empty() => config.title = Some(t),
            ("text", Some(t)) if !t.is_empty() => config.text = Some(t),
            ("path", Some(t)) => config.path = t.trim_matches('/').to_string(),
            (name, _) if KEYS.contains(&name) => problems.push(error(
                msg("site.members.value", &[("key", &name)]),
                msg("site.members.shape.hint", &[]),
            )),
            (other, _) => problems.push(
                Diagnostic::error(
                    file.to_path_buf(),
                    msg("site.members.unknown", &[("key", &other)]),
                )
                .at(line, 1)
                .hint(
                    crate::core::diagnostics::did_you_mean(other, KEYS)
                        .unwrap_or_else(|| msg("site.members.shape.hint", &[])),
                ),
            ),
        }
    }
    if !is_absolute_server_path(&config.htpasswd) {
        problems.push(error(
            msg("site.members.htpasswd", &[("value", &config.htpasswd)]),
            msg("site.members.htpasswd.hint", &[]),
        ));
    }
    let path_ok = !config.path.is_empty()
        && config.path.len() <= 64
        && config
            .path
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        && !crate::routes::RESERVED_SLUGS.contains(&config.path.as_str());
    if !path_ok {
        problems.push(error(
            msg("site.members.path", &[("value", &config.path)]),
            msg("site.members.path.hint", &[]),
        ));
    }
    Some(config)
}

/// The password file's place on the server: absolute, one line, and no quote that would end
/// the `.htaccess` value.
fn is_absolute_server_path(path: &str) -> bool {
    path.starts_with('/') && !path.chars().any(|c| c == '"' || c.is_control())
}

#[cfg(test)]
mod tests {
    use crate::load::config::SiteConfig;
    use std::path::Path;

    fn parse(text: &str) -> Result<SiteConfig, String> {
        SiteConfig::parse(text, Path::new("site.yaml")).map_err(|e| e.to_string())
    }

    #[test]
    fn the_area_is_off_unless_configured() {
        assert_eq!(parse("title: X\n").unwrap().members, None);
    }

    #[test]
    fn settings_and_defaults() {
        let c =
            parse("title: X\nmembers:\n  htpasswd: /srv/f/.htpasswd\n  text: Log ind\n").unwrap();
        let m = c.members.unwrap();
        assert_eq!(m.htpasswd, "/srv/f/.htpasswd");
        assert_eq!(m.path, "members");
        assert_eq!(m.title, None);
        assert_eq!(m.text.as_deref(), Some("Log ind"));
    }

    #[test]
    fn mistakes_are_named_with_their_line() {
        let e = parse("title: X\nmembers:\n  htpasswd: members.htpasswd\n").unwrap_err();
        assert!(e.contains("site.yaml:2:1"), "{e}");
        assert!(e.contains("htpasswd"), "{e}");
        let e = parse("title: X\nmembers:\n  htpasswd: /a\n  path: search\n").unwrap_err();
        assert!(e.contains("search"), "{e}");
        let e = parse("title: X\nmembers:\n  htpasswd: /a\n  titel: Y\n").unwrap_err();
        assert!(e.contains("\"title\""), "{e}");
        let e = parse("title: X\nmembers: ja\n").unwrap_err();
        assert!(e.contains("site.yaml:2:1"), "{e}");
    }
}
