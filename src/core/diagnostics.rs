//! User-facing problems: one type, rendered the same way in the terminal and in the serve
//! overlay, so a secretary always sees file, line, what is wrong and how to fix it.

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
    pub message: String,
    /// How to fix it, in the user's terms.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error about `file`; add a position and hint with the builder methods.
    pub fn error(file: impl Into<Option<PathBuf>>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            file: file.into(),
            line: 0,
            column: 0,
            message: message.into(),
            hint: None,
        }
    }

    /// A warning: reported, but the build still succeeds.
    pub fn warning(file: impl Into<Option<PathBuf>>, message: impl Into<String>) -> Self {
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
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds a hint only when there is one (typically a "did you mean" suggestion).
    pub fn maybe_hint(self, hint: Option<String>) -> Self {
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

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let location = self.location();
        if location.is_empty() {
            write!(f, "{label}: {}", self.message)?;
        } else {
            write!(f, "{label}: {location}: {}", self.message)?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
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
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let word_lower = word.to_lowercase();
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&word_lower, &c.to_lowercase()), c))
        .filter(|(s, _)| *s >= 0.7)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    match scored.as_slice() {
        [] => None,
        [(_, one)] => Some(format!("did you mean \"{one}\"?")),
        [(s1, one), (s2, two), ..] if s1 - s2 < 0.1 => {
            Some(format!("did you mean \"{one}\" or \"{two}\"?"))
        }
        [(_, one), ..] => Some(format!("did you mean \"{one}\"?")),
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
        assert_eq!(hint.as_deref(), Some("did you mean \"authors\"?"));
    }
}
