//! Checking front matter values one key at a time: each check reports its own problem with
//! the key's line and leaves a usable default, so one run finds every mistake.

use crate::core::diagnostics::{Diagnostic, Text};
use crate::core::messages::msg;
use crate::core::yaml::Value;
use crate::core::yaml::{yaml_scalar_text, YamlMap};
use std::path::Path;

/// A file attached to a document, as written in `attachments:`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AttachmentRef {
    /// Relative to the document's folder, as written.
    pub path: String,
    pub title: Option<String>,
    /// Line in the source file, for "does not exist" errors.
    pub line: usize,
}

/// One item of a meeting's programme.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ProgrammeItem {
    pub time: String,
    pub title: String,
    pub speaker: Option<String>,
    /// Slug of the document presented at this point.
    pub document: Option<String>,
    pub line: usize,
}

/// Reads typed values out of the front matter, collecting problems as it goes.
pub(super) struct Checker<'a> {
    pub(super) yaml: &'a YamlMap,
    pub(super) file: &'a Path,
    pub(super) problems: &'a mut Vec<Diagnostic>,
}

/// The longest committee, author or tag name: longer is a mistake (a paragraph pasted into
/// the wrong key), and names become URL path segments.
const MAX_NAME_CHARS: usize = 150;

impl Checker<'_> {
    /// A chosen `slug:` longer than a URL segment may be, or a name that is not a name, is an
    /// error at its key (long names that fit are given a shortened slug, see `slug::slugify`).
    pub(super) fn check_name_lengths(
        &mut self,
        slug: Option<&str>,
        committee: Option<&str>,
        authors: &[String],
        tags: &[String],
    ) {
        use crate::core::slug::{slugify_uncut, MAX_SLUG_LEN};
        if let Some(s) = slug {
            let len = slugify_uncut(s).len();
            if len > MAX_SLUG_LEN {
                self.at(
                    "slug",
                    msg("fm.slug_long", &[("len", &len), ("max", &MAX_SLUG_LEN)]),
                    msg("fm.slug_long.hint", &[]),
                );
            }
        }
        let key_of_author = if self.yaml.get("authors").is_some() {
            "authors"
        } else {
            "author"
        };
        let named = committee
            .map(|c| ("committee", c))
            .into_iter()
            .chain(authors.iter().map(|a| (key_of_author, a.as_str())))
            .chain(tags.iter().map(|t| ("tags", t.as_str())));
        for (key, name) in named {
            let chars = name.chars().count();
            if chars > MAX_NAME_CHARS {
                let start: String = name.chars().take(30).collect();
                let line = self.yaml.line_of_value(key, &start);
                self.problems.push(
                    Diagnostic::error(
                        self.file.to_path_buf(),
                        msg(
                            "fm.name_long",
                            &[
                                ("key", &key),
                                ("chars", &chars),
                                ("start", &start),
                                ("max", &MAX_NAME_CHARS),
                            ],
                        ),
                    )
                    .at(line, 1)
                    .hint(msg("fm.name_long.hint", &[("key", &key)])),
                );
            }
        }
    }

    pub(super) fn at(&mut self, key: &str, message: impl Into<Text>, hint: impl Into<Text>) {
        self.problems.push(
            Diagnostic::error(self.file.to_path_buf(), message)
                .at(self.yaml.line_of(key), self.yaml.value_column(key))
                .hint(hint),
        );
    }

    pub(super) fn missing(&mut self, key: &str, hint: impl Into<Text>) {
        self.problems.push(
            Diagnostic::error(self.file.to_path_buf(), msg("fm.missing", &[("key", &key)]))
                .at(self.yaml.first_line, 1)
                .hint(hint),
        );
    }

    /// A one-line text value; numbers and dates are accepted as their text.
    pub(super) fn text(&mut self, key: &str) -> Option<String> {
        match self.yaml.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.trim().is_empty() => None,
            Some(v @ (Value::String(_) | Value::Number(_) | Value::Bool(_))) => {
                Some(yaml_scalar_text(v).trim().to_string())
            }
            Some(_) => {
                self.at(
                    key,
                    msg("fm.not_single", &[("key", &key)]),
                    msg("fm.not_single.hint", &[("key", &key)]),
                );
                None
            }
        }
    }

    /// A list of names; a single value is accepted as a list of one.
    pub(super) fn list(&mut self, key: &str) -> Vec<String> {
        match self.yaml.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => {
                let mut out = Vec::new();
                for item in items {
                    match item {
                        Value::String(_) | Value::Number(_) | Value::Bool(_) => {
                            let t = yaml_scalar_text(item).trim().to_string();
                            if !t.is_empty() {
                                out.push(t);
                            }
                        }
                        _ => self.at(
                            key,
                            msg("fm.item_not_name", &[("key", &key)]),
                            msg("fm.list.hint", &[("key", &key)]),
                        ),
                    }
                }
                out
            }
            Some(v @ (Value::String(_) | Value::Number(_))) => {
                vec![yaml_scalar_text(v).trim().to_string()]
            }
            Some(_) => {
                self.at(
                    key,
                    msg("fm.not_list", &[("key", &key)]),
                    msg("fm.list.hint", &[("key", &key)]),
                );
                Vec::new()
            }
        }
    }

    pub(super) fn attachments(&mut self) -> Vec<AttachmentRef> {
        let line = self.yaml.line_of("attachments");
        let items = match self.yaml.get("attachments") {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items.clone(),
            Some(v @ Value::String(_)) => vec![v.clone()],
            Some(_) => {
                self.at(
                    "attachments",
                    msg("fm.attachments", &[]),
                    msg("fm.attachments.hint", &[]),
                );
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let item_line = match item {
                Value::String(p) => self.yaml.line_of_value("attachments", p),
                Value::Object(m) => m.get("path").map_or(line, |p| {
                    self.yaml.line_of_value("attachments", &yaml_scalar_text(p))
                }),
                _ => line,
            };
            match item {
                Value::String(path) => out.push(AttachmentRef {
                    path: path.trim().to_string(),
                    title: None,
                    line: item_line,
                }),
                Value::Object(map) => {
                    let path = map
                        .get("path")
                        .map(yaml_scalar_text)
                        .filter(|p| !p.trim().is_empty());
                    let title = map
                        .get("title")
                        .map(yaml_scalar_text)
                        .filter(|t| !t.trim().is_empty());
                    match path {
                        Some(path) => out.push(AttachmentRef {
                            path: path.trim().to_string(),
                            title,
                            line: item_line,
                        }),
                        None => self.at(
                            "attachments",
                            msg("fm.attachment.no_path", &[("number", &(i + 1))]),
                            msg("fm.attachment.no_path.hint", &[]),
                        ),
                    }
                }
                _ => self.at(
                    "attachments",
                    msg("fm.attachment.shape", &[("number", &(i + 1))]),
                    msg("fm.attachment.shape.hint", &[]),
                ),
            }
        }
        out
    }

    pub(super) fn programme(&mut self) -> Vec<ProgrammeItem> {
        let items = match self.yaml.get("programme") {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items.clone(),
            Some(_) => {
                self.at(
                    "programme",
                    msg("fm.programme", &[]),
                    msg("fm.programme.hint", &[]),
                );
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let Value::Object(map) = item else {
                self.at(
                    "programme",
                    msg("fm.programme.item", &[("number", &(i + 1))]),
                    msg("fm.programme.item.hint", &[]),
                );
                continue;
            };
            let get = |k: &str| {
                map.get(k)
                    .map(yaml_scalar_text)
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
            };
            let time = get("time");
            let title = get("title");
            for key in map.keys().map(String::as_str) {
                if !["time", "title", "speaker", "document"].contains(&key) {
                    let hint = crate::core::diagnostics::did_you_mean(
                        key,
                        ["time", "title", "speaker", "document"],
                    );
                    self.at(
                        "programme",
                        msg(
                            "fm.programme.unknown_key",
                            &[("key", &key), ("number", &(i + 1))],
                        ),
                        hint.unwrap_or_else(|| msg("fm.programme.keys", &[])),
                    );
                }
            }
            match (time, title) {
                (Some(time), Some(title)) => {
                    if !is_clock_time(&time) {
                        self.at(
                            "programme",
                            msg(
                                "fm.programme.time",
                                &[("number", &(i + 1)), ("time", &time)],
                            ),
                            msg("fm.programme.time.hint", &[]),
                        );
                    }
                    let item_line = self.yaml.line_of_value("programme", &title);
                    out.push(ProgrammeItem {
                        time,
                        title,
                        speaker: get("speaker"),
                        document: get("document"),
                        line: item_line,
                    });
                }
                _ => self.at(
                    "programme",
                    msg("fm.programme.incomplete", &[("number", &(i + 1))]),
                    msg("fm.programme.incomplete.hint", &[]),
                ),
            }
        }
        out
    }
}

/// `HH:MM` (or `HH.MM`, as Danish programmes often write it) on a 24-hour clock.
fn is_clock_time(text: &str) -> bool {
    let Some((h, m)) = text.split_once([':', '.']) else {
        return false;
    };
    m.len() == 2
        && matches!((h.parse::<u32>(), m.parse::<u32>()), (Ok(h), Ok(m)) if h < 24 && m < 60)
}
