//! Newsletters: greeting, news sections and a signature.
//!
//! They are the most numerous kind and of medium length, so most of the
//! archive's pages look like them.

use std::fmt::Write as _;

use super::people::chairman;
use super::render::Render;

impl Render<'_> {
    /// The closing greeting with the first author's name and `role`.
    fn sign_off(&mut self, role: &str) {
        let ar = self.ar;
        let d = self.doc();
        let _ = write!(
            self.out,
            "Med venlig hilsen\n\n{}, {}\n",
            ar.people[d.authors[0]], role
        );
    }

    /// A newsletter of about `target` bytes.
    pub(super) fn newsletter(&mut self, target: usize) {
        if self.rng.chance(60) {
            self.out.push_str("Kære kollegaer\n\n");
        }
        self.paragraph(3, 6);
        while self.out.len() < target {
            self.heading("##");
            for _ in 0..self.rng.range(1, 3) {
                self.block();
            }
        }
        self.attachment_link();
        let d = self.doc();
        let role = if d.authors[0] == chairman(d.date.y) {
            "formand"
        } else {
            "redaktør"
        };
        self.sign_off(role);
    }
}
