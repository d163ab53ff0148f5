//! Starting a site and a document: `arkiv init` writes a new site that builds at once, and
//! `arkiv new` writes one document with the front matter its kind needs. The texts they
//! write live in `templates/` (one folder per language) and are compiled into the binary.
//!
//! Both only ever create files: they refuse to write where something already is.

pub mod init;
pub mod new;

use crate::core::messages::Messages;
use std::fmt;
use std::path::Path;

/// Why `init` or `new` wrote nothing: a message and a way out, in the user's language.
/// Every one is a usage error (exit code 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub message: String,
    pub hint: Option<String>,
    messages: Messages,
}

impl Refusal {
    fn new(messages: Messages, message: String, hint: Option<String>) -> Refusal {
        Refusal {
            message,
            hint,
            messages,
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.messages.error(&self.message, self.hint.as_deref()))
    }
}

/// A title as a YAML double-quoted string's contents.
pub fn yaml_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes `text` at `path`, creating its folder, never replacing a file that is there.
fn create_file(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_quoted_for_yaml() {
        assert_eq!(yaml_quoted(r#"Kaj "Kajak" \ co"#), r#"Kaj \"Kajak\" \\ co"#);
        let yaml = format!("title: \"{}\"\n", yaml_quoted("a: b # c \"d\""));
        let map =
            crate::core::yaml::YamlMap::parse(&yaml, std::path::Path::new("x.md"), 1).unwrap();
        assert_eq!(
            map.get("title").and_then(|v| v.as_str()),
            Some("a: b # c \"d\"")
        );
    }
}
