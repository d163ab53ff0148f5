//! Undated pages: statutes (numbered paragraphs) and general pages with
//! headed sections, which land at `/<slug>/` rather than under a year.

use std::fmt::Write as _;

use super::render::Render;

impl Render<'_> {
    /// A page: numbered statute paragraphs for "Vedtægter", otherwise
    /// sections until about 2 to 6 kB.
    pub(super) fn page(&mut self) {
        let d = self.doc();
        let target = self.rng.range(2000, 6000);
        if d.title == "Vedtægter" {
            let sections = [
                "Navn og hjemsted",
                "Formål",
                "Medlemmer",
                "Kontingent",
                "Generalforsamling",
                "Bestyrelsen",
                "Udvalg",
                "Regnskab og revision",
                "Vedtægtsændringer",
                "Opløsning",
            ];
            for (i, s) in sections.iter().enumerate() {
                let _ = write!(self.out, "## § {}. {}\n\n", i + 1, s);
                self.paragraph(1, 3);
                if self.out.len() > target * 2 {
                    break;
                }
            }
        } else {
            self.paragraph(2, 4);
            while self.out.len() < target {
                self.heading("##");
                self.block();
            }
        }
        self.attachment_link();
    }
}
