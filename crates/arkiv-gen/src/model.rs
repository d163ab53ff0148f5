//! The planned archive: every document's metadata, decided before any text
//! is written.
//!
//! Planning first and rendering second is what lets every internal link,
//! `meeting:` reference and programme `document:` point at a document that
//! exists, and lets the documents be rendered in parallel in any order.

use super::calendar::Date;
use arkiv::core::kind::Kind;

/// Real proportions of kinds in an association archive, in percent.
pub(super) const KIND_WEIGHTS: [(Kind, usize); 8] = [
    (Kind::Newsletter, 35),
    (Kind::Slides, 25),
    (Kind::Minutes, 10),
    (Kind::CommitteeReport, 10),
    (Kind::Meeting, 8),
    (Kind::ChairmanReport, 4),
    (Kind::Accounts, 4),
    (Kind::Page, 4),
];

/// One planned document; indices point into `Archive::docs`, the topic and
/// committee tables and `Archive::people`.
pub(super) struct Doc {
    /// The front matter `kind:`, which also picks the renderer.
    pub(super) kind: Kind,
    /// The document's date; the year is its folder.
    pub(super) date: Date,
    /// File name without `.md`, unique across the archive.
    pub(super) slug: String,
    /// The front matter `title:`.
    pub(super) title: String,
    /// Index of the meeting document this one belongs to.
    pub(super) meeting: Option<usize>,
    /// Index into `COMMITTEES`, for committee reports and some slides and minutes.
    pub(super) committee: Option<usize>,
    /// Index into `TOPICS`, the document's main subject.
    pub(super) topic: usize,
    /// Indices into `Archive::people`; the first one signs the document.
    pub(super) authors: Vec<usize>,
    /// For meetings: index into `VENUES`.
    pub(super) place: Option<usize>,
    /// File name of the attached PDF written next to the document, if any.
    pub(super) pdf: Option<String>,
    /// Seed of the document's own random stream, so rendering order does not matter.
    pub(super) seed: u64,
    /// For meetings: indices of the documents that belong to it.
    pub(super) children: Vec<usize>,
}

/// The whole plan, shared read-only by the writing threads.
pub(super) struct Archive {
    /// Members' names; offices are fixed indices (see `people.rs`).
    pub(super) people: Vec<String>,
    /// All documents in chronological order.
    pub(super) docs: Vec<Doc>,
    /// External URLs with a Danish link label.
    pub(super) urls: Vec<(String, String)>,
}
