//! Reading YAML so errors point at lines. The parser is serde-saphyr (serde_yaml is archived):
//! its syntax errors carry the right position — a duplicate key at the duplicate, an unclosed
//! quote where it opens, a tab where it indents — and it parses into `serde_json`'s `Value`,
//! which forgets positions, so we keep the line of every top-level key ourselves.

use crate::core::diagnostics::{did_you_mean, Diagnostic};
use crate::core::messages::msg;
pub use serde_json::Value;

/// A YAML mapping as parsed: keys are always text (YAML `2025: x` has the key "2025").
pub type Mapping = serde_json::Map<String, Value>;
use std::collections::HashMap;
use std::path::Path;

/// A parsed top-level YAML mapping that still knows where each key was written.
pub struct YamlMap {
    pub map: Mapping,
    /// 1-based line of each top-level key in the file.
    pub key_lines: HashMap<String, usize>,
    /// Line in the file where the YAML text starts (after `---` in front matter).
    pub first_line: usize,
    /// The YAML text, to find lines of values inside lists.
    text: String,
}

impl YamlMap {
    /// Parses `text`, which starts at `first_line` of `file`; syntax errors name the file line.
    pub fn parse(text: &str, file: &Path, first_line: usize) -> Result<YamlMap, Diagnostic> {
        check_size_and_depth(text, file, first_line)?;
        let mut value: Value = if text.trim().is_empty() {
            Value::Object(Mapping::new())
        } else {
            serde_saphyr::from_str(text).map_err(|e| syntax_error(&e, text, file, first_line))?
        };
        crate::core::sanitize::strip_yaml(&mut value);
        let map = match value {
            Value::Object(map) => map,
            Value::Null => Mapping::new(),
            _ => {
                return Err(
                    Diagnostic::error(file.to_path_buf(), msg("yaml.not_a_map", &[]))
                        .at(first_line, 1)
                        .hint(msg("yaml.not_a_map.hint", &[])),
                )
            }
        };
        let mut key_lines = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with([' ', '\t', '#', '-']) {
                continue;
            }
            if let Some((key, _)) = line.split_once(':') {
                let key = key.trim().trim_matches(['"', '\'']);
                key_lines.entry(key.to_string()).or_insert(first_line + i);
            }
        }
        Ok(YamlMap {
            map,
            key_lines,
            first_line,
            text: text.to_string(),
        })
    }

    /// The line a key was written on (the first YAML line when unknown).
    pub fn line_of(&self, key: &str) -> usize {
        self.key_lines.get(key).copied().unwrap_or(self.first_line)
    }

    /// The first line at or after `key`'s line that contains `needle` (a list item's value),
    /// or the key's line when none does.
    pub fn line_of_value(&self, key: &str, needle: &str) -> usize {
        let start = self.line_of(key);
        let lines = || {
            self.text
                .lines()
                .enumerate()
                .skip(start.saturating_sub(self.first_line))
        };
        // A line where the needle is a whole item (`- old.pdf`, `path: old.pdf`, `[a, old.pdf]`)
        // comes first: `old.pdf` must not be placed at the line of `report-old.pdf`.
        let needle = needle.trim();
        lines()
            .find(|(_, l)| line_has_item(l, needle))
            .or_else(|| lines().find(|(_, l)| l.contains(needle)))
            .map_or(start, |(i, _)| self.first_line + i)
    }

    /// Column just after `key:` on its line, where the value starts.
    pub fn value_column(&self, key: &str) -> usize {
        key.chars().count() + 3
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.map.get(key)
    }

    /// Errors for keys that are not in `known`, with the nearest known key as a hint.
    pub fn unknown_keys(&self, known: &[&str], file: &Path, what: &str) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for name in self.map.keys() {
            if !known.contains(&name.as_str()) {
                let hint = did_you_mean(name, known.iter().copied()).unwrap_or_else(|| {
                    let keys = known.join(", ");
                    msg("yaml.keys_taken", &[("what", &what), ("keys", &keys)])
                });
                out.push(
                    Diagnostic::error(
                        file.to_path_buf(),
                        msg("yaml.unknown_key", &[("name", &name), ("what", &what)]),
                    )
                    .at(self.line_of(name), 1)
                    .hint(hint),
                );
            }
        }
        out
    }
}

/// Whether `line` holds `item` as a whole value: a list item, a `key: value`, or an element of
/// a flow list, with or without quotes.
fn line_has_item(line: &str, item: &str) -> bool {
    line.split([',', '[', ']', '{', '}']).any(|part| {
        let mut part = part.trim();
        if let Some(rest) = part.strip_prefix("- ") {
            part = rest.trim();
        }
        if let Some((_, value)) = part.split_once(": ") {
            part = value.trim();
        }
        part.trim_matches(['"', '\'']) == item
    })
}

/// The largest YAML text arkiv parses (front matter or site.yaml); real ones are a few KB.
pub const MAX_YAML_BYTES: usize = 64 * 1024;
/// The deepest nesting of `[`/`{` collections; real front matter nests two deep.
pub const MAX_YAML_DEPTH: usize = 16;

/// Rejects YAML that is too large or nested too deep before the parser sees it: the parser
/// takes quadratic time on deeply nested flow collections (200 KB of `[[[…` took 46 s), and
/// serve would wait that long on one bad save. Brackets inside quotes and comments are not
/// counted.
fn check_size_and_depth(text: &str, file: &Path, first_line: usize) -> Result<(), Diagnostic> {
    if text.len() > MAX_YAML_BYTES {
        return Err(Diagnostic::error(
            file.to_path_buf(),
            msg(
                "yaml.too_big",
                &[
                    ("kb", &(text.len() / 1024)),
                    ("max", &(MAX_YAML_BYTES / 1024)),
                ],
            ),
        )
        .at(first_line, 1)
        .hint(msg("yaml.too_big.hint", &[])));
    }
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut previous = '\n';
    let mut line = first_line;
    let mut column = 0usize;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        column += 1;
        match quote {
            Some('"') if c == '\\' => {
                // An escaped character inside double quotes; skip it (a line break counts).
                if chars.next() == Some('\n') {
                    line += 1;
                    column = 0;
                }
                continue;
            }
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '"' | '\'' if previous.is_whitespace() || "[{,:".contains(previous) => {
                    quote = Some(c)
                }
                '#' if previous.is_whitespace() => {
                    // A comment runs to the end of the line.
                    for rest in chars.by_ref() {
                        if rest == '\n' {
                            break;
                        }
                    }
                    line += 1;
                    column = 0;
                    previous = '\n';
                    continue;
                }
                '[' | '{' => {
                    depth += 1;
                    if depth > MAX_YAML_DEPTH {
                        return Err(Diagnostic::error(
                            file.to_path_buf(),
                            msg("yaml.too_deep", &[("max", &MAX_YAML_DEPTH)]),
                        )
                        .at(line, column)
                        .hint(msg("yaml.too_deep.hint", &[])));
                    }
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
        if c == '\n' {
            line += 1;
            column = 0;
        }
        previous = c;
    }
    Ok(())
}

/// Scalars as the user wrote them, for messages ("2025-13-01", "true", "42").
pub fn yaml_scalar_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn syntax_error(
    error: &serde_saphyr::Error,
    text: &str,
    file: &Path,
    first_line: usize,
) -> Diagnostic {
    let (yaml_line, column) = match error.location() {
        Some(loc) => (
            usize::try_from(loc.line()).unwrap_or(1).max(1),
            usize::try_from(loc.column()).unwrap_or(0),
        ),
        None => (1, 0),
    };
    let line = first_line + yaml_line - 1;
    let message = error.without_snippet().to_string();
    // The parser appends " at line X, column Y", which is wrong for front matter: we give our own.
    let message = match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message,
    };
    let line_text = |n: usize| text.lines().nth(n.saturating_sub(1)).unwrap_or("");
    let indented_with_tab = |n: usize| {
        line_text(n)
            .chars()
            .take_while(|c| c.is_whitespace())
            .any(|c| c == '\t')
    };
    let (message, hint) = if let Some(key) = message.strip_prefix("duplicate mapping key: ") {
        let key = key
            .split(", set DuplicateKeyPolicy")
            .next()
            .unwrap_or(key)
            .trim();
        (
            msg("yaml.duplicate", &[("key", &key)]),
            msg("yaml.duplicate.hint", &[]),
        )
    } else if message.starts_with("unclosed quote") {
        let quote = line_text(yaml_line)
            .chars()
            .nth(column.saturating_sub(1))
            .unwrap_or('"');
        (
            msg("yaml.unclosed_quote", &[("quote", &quote)]),
            msg("yaml.unclosed_quote.hint", &[("quote", &quote)]),
        )
    } else if message.contains("tab")
        || indented_with_tab(yaml_line)
        || indented_with_tab(yaml_line + 1)
    {
        (
            msg("yaml.syntax", &[("message", &message)]),
            msg("yaml.tabs.hint", &[]),
        )
    } else {
        let hint = if message.contains("mapping values are not allowed") {
            "yaml.colon.hint"
        } else if message.contains("did not find expected")
            || message.contains("unexpected character")
            || message.contains("illegal placement")
        {
            "yaml.quotes.hint"
        } else {
            "yaml.syntax.hint"
        };
        (msg("yaml.syntax", &[("message", &message)]), msg(hint, &[]))
    };
    Diagnostic::error(file.to_path_buf(), message)
        .at(line, column)
        .hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_key_lines_and_reports_syntax_errors_at_file_line() {
        let y = YamlMap::parse("title: A\ndate: 2025-01-01\n", Path::new("x.md"), 2).unwrap();
        assert_eq!(y.line_of("date"), 3);
        let err = YamlMap::parse("title: A\ndate: [2025\n", Path::new("x.md"), 2)
            .err()
            .unwrap();
        assert_eq!(err.file.as_deref(), Some(Path::new("x.md")));
        assert!(err.line >= 3, "{err}");
    }

    #[test]
    fn deep_nesting_is_refused_quickly_with_a_line() {
        let bomb = format!("title: A\ntags: {}\n", "[".repeat(60_000));
        let start = std::time::Instant::now();
        let err = YamlMap::parse(&bomb, Path::new("x.md"), 2).err().unwrap();
        assert!(start.elapsed() < std::time::Duration::from_millis(500));
        assert_eq!((err.line, err.column), (3, 6 + MAX_YAML_DEPTH + 1), "{err}");
        assert!(err.message.contains("nested"), "{err}");
        let big = format!("title: A\nsummary: \"{}\"\n", "x".repeat(MAX_YAML_BYTES));
        assert!(YamlMap::parse(&big, Path::new("x.md"), 2).is_err());
        // Brackets in quotes and comments are text.
        let fine = format!(
            "title: \"{}\"\n# {}\ntags: [[a], {{b: c}}]\n",
            "[".repeat(40),
            "{".repeat(40)
        );
        assert!(YamlMap::parse(&fine, Path::new("x.md"), 2).is_ok());
    }

    #[test]
    fn unknown_key_suggests_nearest() {
        let y = YamlMap::parse("titel: A\n", Path::new("x.md"), 2).unwrap();
        let errs = y.unknown_keys(&["title", "date"], Path::new("x.md"), "front matter");
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].line, 2);
        assert!(errs[0].hint.as_deref().unwrap().contains("\"title\""));
    }
}
