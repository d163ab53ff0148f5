//! Minutes: attendance, a numbered agenda, and one section per item with
//! discussion and decisions.
//!
//! The second item links the previous minutes, as real minutes approve them.

use std::fmt::Write as _;

use super::format::push_capitalized;
use super::people::{chairman, treasurer, COMMITTEES};
use super::render::Render;
use super::topics::TOPICS;

impl Render<'_> {
    /// Minutes: attendance, agenda, and one section per agenda item.
    pub(super) fn minutes(&mut self) {
        let ar = self.ar;
        let d = self.doc();
        let mut present: Vec<usize> = vec![chairman(d.date.y), treasurer(d.date.y)];
        for _ in 0..self.rng.range(3, 7) {
            let p = self.rng.range(10, ar.people.len() - 1);
            if !present.contains(&p) {
                present.push(p);
            }
        }
        self.out.push_str("**Til stede:** ");
        for (i, &p) in present.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.out.push_str(&ar.people[p]);
        }
        let absent = self.rng.range(10, ar.people.len() - 1);
        let _ = write!(
            self.out,
            "  \n**Afbud:** {}  \n**Referent:** {}\n\n",
            ar.people[absent], ar.people[d.authors[0]]
        );
        let mut items: Vec<String> = vec![
            "Godkendelse af dagsorden".into(),
            "Godkendelse af referat fra sidste møde".into(),
            "Meddelelser fra formanden".into(),
        ];
        for _ in 0..self.rng.range(2, 5) {
            match self.rng.below(3) {
                0 => items.push(format!("Nyt fra {}", self.rng.pick(COMMITTEES))),
                1 => items.push(self.rng.pick(TOPICS).to_string()),
                _ => items.push("Økonomi".into()),
            }
        }
        items.push("Næste møde".into());
        items.push("Eventuelt".into());
        self.out.push_str("## Dagsorden\n\n");
        for (i, it) in items.iter().enumerate() {
            let _ = writeln!(self.out, "{}. {}", i + 1, it);
        }
        self.out.push('\n');
        for (i, it) in items.iter().enumerate() {
            let _ = write!(self.out, "## {}. {}\n\n", i + 1, it);
            match i {
                0 => self
                    .out
                    .push_str("Dagsordenen blev godkendt uden bemærkninger.\n\n"),
                1 => {
                    self.out.push_str("Referatet blev godkendt. ");
                    self.internal_link_sentence();
                    self.out.push_str("\n\n");
                }
                _ if it == "Næste møde" => {
                    let nd = d.date.add_days(self.rng.range(20, 60) as i32);
                    self.out.push_str("Næste møde afholdes ");
                    nd.push_long(&mut self.out);
                    self.out.push_str(".\n\n");
                }
                _ if it == "Eventuelt" => {
                    if self.rng.chance(50) {
                        self.out.push_str("Intet.\n\n");
                    } else {
                        self.paragraph(1, 2);
                    }
                }
                _ => {
                    self.paragraph(3, 6);
                    if self.rng.chance(40) {
                        self.bullets(2, 4, 10);
                    }
                    self.out.push_str("**Beslutning:** ");
                    self.gen_sentence();
                    push_capitalized(&mut self.out, &self.buf);
                    self.out.push_str("\n\n");
                }
            }
        }
        self.attachment_link();
    }
}
