//! Chairman's and committee reports: the longest documents, with an
//! introduction, many sections and subsections, and a closing.
//!
//! They exercise the table of contents, long-page layout and printing over
//! many A4 pages.

use std::fmt::Write as _;

use super::people::COMMITTEES;
use super::render::Render;

impl Render<'_> {
    /// A report of about `target` bytes: introduction, sections with
    /// subsections, closing and the board's signature.
    pub(super) fn report(&mut self, target: usize) {
        let d = self.doc();
        self.out.push_str("## Indledning\n\n");
        self.paragraph(4, 7);
        self.paragraph(3, 6);
        while self.out.len() + 1500 < target {
            self.heading("##");
            self.paragraph(3, 6);
            if self.rng.chance(60) {
                for _ in 0..self.rng.range(1, 3) {
                    self.heading("###");
                    for _ in 0..self.rng.range(1, 3) {
                        self.block();
                    }
                }
            } else {
                for _ in 0..self.rng.range(1, 3) {
                    self.block();
                }
            }
        }
        self.out.push_str("## Afslutning\n\n");
        self.paragraph(3, 5);
        self.attachment_link();
        let role = match d.committee {
            Some(c) => format!("formand for {}", COMMITTEES[c]),
            None => "formand".to_string(),
        };
        let _ = write!(
            self.out,
            "På bestyrelsens vegne\n\n{}, {}\n",
            self.ar.people[d.authors[0]], role
        );
    }
}
