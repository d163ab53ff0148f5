//! What the readers of each format hand on: the command's options, the file being read, and
//! what a reader made of it, before guessing and writing.

use super::guess::Guess;
use crate::core::dates::Date;
use crate::core::diagnostics::Diagnostic;
use crate::core::kind::Kind;
use crate::core::messages::{each, msg, Text};
use std::path::{Path, PathBuf};

/// The command's options, already checked (see [`check_usage`]).
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub site: PathBuf,
    pub kind: Option<Kind>,
    pub date: Option<Date>,
    pub meeting: Option<String>,
    /// Relative to the site, starting with `content`.
    pub into: Option<PathBuf>,
    pub draft: bool,
    /// Mark the imported documents `access: members` (the members' area only).
    pub members: bool,
}

/// What a reader made of one file, before guessing and writing.
#[derive(Debug, Default)]
pub struct Converted {
    pub body: String,
    /// The title and where it came from, when the file itself says.
    pub title: Option<Guess<String>>,
    /// The kind the format implies (slides, accounts) or `None` to guess from the text.
    pub kind: Option<Guess<Kind>>,
    /// Plain text of the top of the document, for finding a date.
    pub top_text: String,
    pub metadata_date: Option<String>,
    pub authors: Vec<String>,
    pub summary: Option<String>,
    /// Images to write beside the document: (extension, bytes). The body refers to image
    /// `n` as [`media_marker`]`(n)`.
    pub media: Vec<(String, Vec<u8>)>,
    /// Facts for the report ("12 slides, 1 hidden slide left out").
    pub facts: Vec<Text>,
}

impl Converted {
    /// A deck's body: the slides separated by `---`, and the count for the report. A deck
    /// with no shown slide cannot be imported.
    pub fn set_deck(&mut self, slides: &[String], hidden: usize) -> Result<(), Text> {
        if slides.is_empty() {
            return Err(if hidden > 0 {
                msg("import.only_hidden", &[("hidden", &hidden)])
            } else {
                msg("import.no_slides", &[])
            });
        }
        self.facts.push(each(|m| {
            let mut fact = m.count("import.fact.slides", slides.len(), &[]);
            if hidden > 0 {
                fact.push_str(&m.count("import.fact.hidden_slides", hidden, &[]));
            }
            fact
        }));
        self.body = slides.join("\n\n---\n\n");
        Ok(())
    }
}

/// Placeholder for an image's file name until the document's slug is known.
pub fn media_marker(n: usize) -> String {
    format!("\u{1}media{n}\u{1}")
}

/// Input handed to each reader.
pub struct Source<'a> {
    pub path: &'a Path,
    pub forced_kind: Option<Kind>,
}

/// A file that could not be imported: the problem and what to do, in both languages.
pub fn problem(path: &Path, message: impl Into<Text>, hint: Text) -> Diagnostic {
    Diagnostic::error(path.to_path_buf(), message).hint(hint)
}
