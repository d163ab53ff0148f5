//! Slide decks: `---`-separated slides with bullets, some tables and
//! speaker notes (`Note:`), as the content format defines slides.

use std::fmt::Write as _;

use super::people::VENUES;
use super::render::Render;

impl Render<'_> {
    /// A slide deck: title slide, 7 to 14 content slides with notes, and a
    /// closing slide.
    pub(super) fn slides(&mut self) {
        let ar = self.ar;
        let d = self.doc();
        let count = self.rng.range(8, 15);
        // Title slide.
        let _ = write!(
            self.out,
            "## {}\n\n- {}\n- ",
            d.title, ar.people[d.authors[0]]
        );
        d.date.push_long(&mut self.out);
        self.out.push('\n');
        if let Some(m) = d.meeting {
            let _ = writeln!(
                self.out,
                "- {}, {}",
                ar.docs[m].title,
                VENUES[ar.docs[m].place.unwrap_or(0)]
            );
        }
        self.out.push('\n');
        for i in 1..count {
            self.out.push_str("---\n\n");
            if i == count - 1 {
                self.out
                    .push_str("## Tak for ordet\n\n- Spørgsmål og debat\n");
                if self.rng.chance(50) {
                    self.out.push_str("- Kontakt sekretariatet ved spørgsmål\n");
                }
                if self.rng.chance(20) {
                    self.out.push_str("- ");
                    self.internal_link_sentence();
                    self.out.push('\n');
                }
                self.out.push('\n');
                break;
            }
            self.heading("##");
            self.bullets(3, 6, 35);
            if self.rng.chance(15) {
                let rows = [
                    "Konsultationer",
                    "E-konsultationer",
                    "Telefonkonsultationer",
                    "Sygebesøg",
                    "Årskontroller",
                    "Vaccinationer",
                    "Attester",
                ];
                let k = self.rng.range(3, rows.len());
                let cols = self.rng.range(2, 3);
                self.table_amounts(&rows[..k], cols, false);
            }
            if self.rng.chance(10) {
                self.external_link_sentence();
                self.out.push_str("\n\n");
            }
            if self.rng.chance(75) {
                self.out.push_str("Note:\n");
                self.paragraph(1, 4);
            }
        }
        self.attachment_link();
    }
}
