//! Meetings: the programme in the front matter and the invitation text.
//!
//! A meeting's programme lists the talks that belong to it (their slides and
//! reports, with `document:` links), so the meeting page can link each
//! item; the invitation links the same documents from the body.

use std::fmt::Write as _;

use super::format::{lower_first, push_quoted};
use super::people::{chairman, VENUES};
use super::render::Render;
use super::topics::TOPICS;
use arkiv::core::kind::Kind;

impl Render<'_> {
    /// The `place:` and `programme:` front matter: welcome, the talks that
    /// belong to the meeting (with `document:`), a break, and the close.
    pub(super) fn programme(&mut self) {
        let ar = self.ar;
        let d = self.doc();
        let chair = &ar.people[chairman(d.date.y)];
        self.out.push_str("place: ");
        push_quoted(&mut self.out, VENUES[d.place.unwrap_or(0)]);
        self.out.push_str("\nprogramme:\n");
        let talks: Vec<usize> = d
            .children
            .iter()
            .copied()
            .filter(|&c| ar.docs[c].kind != Kind::Minutes)
            .collect();
        let items = talks.len() + 3;
        let mut t: usize = if items > 5 { 9 * 60 } else { 18 * 60 };
        let item = |o: &mut String, t: usize, title: &str, speaker: &str, doc: Option<&str>| {
            let t = t.min(23 * 60 + 55);
            let _ = write!(o, "  - {{time: \"{:02}:{:02}\", title: ", t / 60, t % 60);
            push_quoted(o, title);
            o.push_str(", speaker: ");
            push_quoted(o, speaker);
            if let Some(doc) = doc {
                o.push_str(", document: ");
                o.push_str(doc);
            }
            o.push_str("}\n");
        };
        item(&mut self.out, t, "Velkomst", chair, None);
        t += 5 * self.rng.range(1, 3);
        if talks.is_empty() {
            let title = format!("Nyt fra bestyrelsen v. {chair}");
            item(&mut self.out, t, &title, chair, None);
            t += 5 * self.rng.range(4, 9);
            let title = format!("Oplæg om {}", lower_first(TOPICS[d.topic]));
            let sp = &ar.people[self.rng.range(10, ar.people.len() - 1)];
            item(&mut self.out, t, &title, sp, None);
            t += 5 * self.rng.range(4, 9);
        }
        for (i, &c) in talks.iter().enumerate() {
            if i == talks.len() / 2 && talks.len() > 1 {
                item(&mut self.out, t, "Kaffepause", "", None);
                t += 20;
            }
            let cd = &ar.docs[c];
            item(
                &mut self.out,
                t,
                &cd.title,
                &ar.people[cd.authors[0]],
                Some(&cd.slug),
            );
            t += 5 * self.rng.range(3, 8);
        }
        item(&mut self.out, t, "Eventuelt og afslutning", chair, None);
    }

    /// The invitation: place and date, practical details and links to the
    /// meeting's documents.
    pub(super) fn meeting(&mut self) {
        let ar = self.ar;
        let d = self.doc();
        let _ = write!(
            self.out,
            "Foreningen inviterer til {} den ",
            lower_first(&d.title)
        );
        d.date.push_long(&mut self.out);
        let _ = write!(self.out, " på {}. ", VENUES[d.place.unwrap_or(0)]);
        self.paragraph(2, 4);
        self.out.push_str("## Praktiske oplysninger\n\n");
        self.out.push_str("Tilmelding sker til sekretariatet senest en uge før mødet. Der serveres middag efter mødet. ");
        self.paragraph(1, 3);
        if !d.children.is_empty() {
            self.out.push_str("## Materiale fra mødet\n\n");
            for &c in &d.children {
                let cd = &ar.docs[c];
                self.out.push_str("- [");
                self.out.push_str(&cd.title);
                self.out.push_str("](");
                if cd.date.y != d.date.y {
                    let _ = write!(self.out, "../{}/", cd.date.y);
                }
                self.out.push_str(&cd.slug);
                self.out.push_str(".md)\n");
            }
            self.out.push('\n');
        }
        self.attachment_link();
    }
}
