//! User-facing problems: one type, rendered the same way in the terminal and in the serve
//! overlay, so a secretary always sees file, line, what is wrong and how to fix it.

use crate::core::language::Language;
use crate::core::messages::msg;
pub use crate::core::messages::Text;
use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a problem is: errors fail the build, warnings are reported and the build goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One problem found in the user's files, with enough context to find and fix it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the site root, so messages read the same on every machine.
    pub file: Option<PathBuf>,
    /// 1-based line; 0 when the problem is about the whole file.
    pub line: usize,
    /// 1-based column; 0 when unknown.
    pub column: usize,
    /// What is wrong, in English (tests and `Display` use it).
    pub message: String,
    /// How to fix it, in the user's terms.
    pub hint: Option<String>,
    /// The message and hint in Danish, when they come from the message tables
    /// (`core::messages::msg`); `localized` shows them on a Danish site.
    #[serde(skip)]
    pub danish: Option<Box<Danish>>,
}

/// The Danish text of a diagnostic (boxed, so a `Diagnostic` stays small).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Danish {
    pub message: Option<String>,
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error about `file`; add a position and hint with the builder methods.
    pub fn error(file: impl Into<Option<PathBuf>>, message: impl Into<Text>) -> Self {
        let message = message.into();
        Self {
            severity: Severity::Error,
            file: file.into(),
            line: 0,
            column: 0,
            message: message.en,
            hint: None,
            danish: message.da.map(|m| {
                Box::new(Danish {
                    message: Some(m),
                    hint: None,
                })
            }),
        }
    }

    /// A warning: reported, but the build still succeeds.
    pub fn warning(file: impl Into<Option<PathBuf>>, message: impl Into<Text>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(file, message)
        }
    }

    /// Sets the 1-based line and column.
    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = line;
        self.column = column;
        self
    }

    /// Adds the "how to fix it" line.
    pub fn hint(mut self, hint: impl Into<Text>) -> Self {
        let hint = hint.into();
        self.hint = Some(hint.en);
        match (hint.da, &mut self.danish) {
            (Some(da), Some(danish)) => danish.hint = Some(da),
            (Some(da), None) => {
                self.danish = Some(Box::new(Danish {
                    message: None,
                    hint: Some(da),
                }))
            }
            (None, Some(danish)) => danish.hint = None,
            (None, None) => {}
        }
        self
    }

    /// Adds a hint only when there is one (typically a "did you mean" suggestion).
    pub fn maybe_hint(self, hint: Option<impl Into<Text>>) -> Self {
        match hint {
            Some(h) => self.hint(h),
            None => self,
        }
    }

    /// `file:line:col` as editors understand it.
    pub fn location(&self) -> String {
        let mut out = match &self.file {
            Some(f) => display_path(f),
            None => String::new(),
        };
        if self.line > 0 {
            out.push_str(&format!(":{}", self.line));
            if self.column > 0 {
                out.push_str(&format!(":{}", self.column));
            }
        }
        out
    }
}

/// Forward slashes on every platform, since users compare these paths with their editor.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

impl Diagnostic {
    /// The problem as the terminal and serve show it, in `language`: `fejl: fil:4:7: …` and
    /// `  tip: …` on a Danish site. The file:line:col part is the same in both languages.
    pub fn localized(&self, language: Language) -> String {
        let danish = language == Language::Da;
        let (label, hint_label) = match (self.severity, danish) {
            (Severity::Error, true) => ("fejl", "tip"),
            (Severity::Warning, true) => ("advarsel", "tip"),
            (Severity::Error, false) => ("error", "hint"),
            (Severity::Warning, false) => ("warning", "hint"),
        };
        let translated = self.danish.as_deref().filter(|_| danish);
        let message = translated
            .and_then(|d| d.message.as_ref())
            .unwrap_or(&self.message);
        let location = self.location();
        let mut out = if location.is_empty() {
            format!("{label}: {message}")
        } else {
            format!("{label}: {location}: {message}")
        };
        let hint = translated
            .and_then(|d| d.hint.as_ref())
            .or(self.hint.as_ref());
        if let Some(hint) = hint {
            out.push_str(&format!("\n  {hint_label}: {hint}"));
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.localized(Language::En))
    }
}

/// All problems of one run: a build reports every problem at once, not just the first.
#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct Diagnostics {
    pub items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter().filter(|d| d.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Warning)
    }

    /// Sorted by file and line, so output is stable regardless of parallel rendering order.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            (&a.file, a.line, a.column, &a.message).cmp(&(&b.file, b.line, b.column, &b.message))
        });
        self.items.dedup();
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.items {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

/// The closest candidate to a misspelt word, for "did you mean" hints.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        let score = strsim::jaro_winkler(&word, &candidate.to_lowercase());
        if score >= 0.75 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// The "did you mean" hint: up to two candidates that are close, best first.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<Text> {
    let word_lower = word.to_lowercase();
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&word_lower, &c.to_lowercase()), c))
        .filter(|(s, _)| *s >= 0.7)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    match scored.as_slice() {
        [] => None,
        [(s1, one), (s2, two), ..] if s1 - s2 < 0.1 => suggest_names(&[one, two]),
        [(_, one), ..] => suggest_names(&[one]),
    }
}

/// "did you mean "a"?" or "did you mean "a" or "b"?" (Danish: "mente du …"), for the first one
/// or two of `names`; `None` when there are none.
pub fn suggest_names(names: &[&str]) -> Option<Text> {
    match names {
        [] => None,
        [one] => Some(msg("hint.did_you_mean", &[("a", one)])),
        [one, two, ..] => Some(msg("hint.did_you_mean_two", &[("a", one), ("b", two)])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_message_and_hint() {
        let d = Diagnostic::error(
            Some(PathBuf::from("content/2025/beretning.md")),
            "unknown kind \"raport\"",
        )
        .at(4, 7)
        .hint("did you mean \"chairman-report\"?");
        assert_eq!(
            d.to_string(),
            "error: content/2025/beretning.md:4:7: unknown kind \"raport\"\n  hint: did you mean \"chairman-report\"?"
        );
    }

    #[test]
    fn suggests_nearest_key() {
        assert_eq!(suggest("titel", ["title", "tags", "date"]), Some("title"));
        assert_eq!(suggest("zzzz", ["title", "tags"]), None);
        let hint = did_you_mean("atuhors", ["authors", "tags", "attachments"]);
        assert_eq!(
            hint.as_ref().map(|h| h.en.as_str()),
            Some("did you mean \"authors\"?")
        );
        assert_eq!(
            hint.map(|h| h.da),
            Some(Some("mente du \"authors\"?".to_string()))
        );
    }
}
