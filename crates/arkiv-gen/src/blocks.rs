//! Blocks of body text: paragraphs, bullet lists, headings, quotes,
//! numbered lists and tables of Danish amounts.
//!
//! The mix of blocks decides what the Markdown renderer and the print
//! styles meet, so it follows what the kinds of real documents contain.

use std::fmt::Write as _;

use super::format::{push_amount, push_capitalized};
use super::people::COMMITTEES;
use super::render::Render;
use super::topics::TOPICS;
use arkiv::core::kind::Kind;

impl Render<'_> {
    /// A paragraph of `min..=max` sentences, sometimes ending with an internal
    /// or external link sentence (chances set per kind in `render`).
    pub(super) fn paragraph(&mut self, min: usize, max: usize) {
        let k = self.rng.range(min, max);
        for i in 0..k {
            if i > 0 {
                self.out.push(' ');
            }
            self.gen_sentence();
            push_capitalized(&mut self.out, &self.buf);
        }
        if self.rng.chance(self.int_pct) {
            self.out.push(' ');
            self.internal_link_sentence();
        }
        if self.rng.chance(self.ext_pct) {
            self.out.push(' ');
            self.external_link_sentence();
        }
        self.out.push_str("\n\n");
    }

    /// A bullet list of `min..=max` items, each with sub-items at `sub_pct`.
    pub(super) fn bullets(&mut self, min: usize, max: usize, sub_pct: usize) {
        let k = self.rng.range(min, max);
        for _ in 0..k {
            self.out.push_str("- ");
            self.gen_bullet();
            push_capitalized(&mut self.out, &self.buf);
            self.out.push('\n');
            if self.rng.chance(sub_pct) {
                for _ in 0..self.rng.range(1, 3) {
                    self.out.push_str("  - ");
                    self.gen_bullet();
                    push_capitalized(&mut self.out, &self.buf);
                    self.out.push('\n');
                }
            }
        }
        self.out.push('\n');
    }

    /// A heading (`level` is `##` or `###`) from topics, committees or a
    /// noun phrase.
    pub(super) fn heading(&mut self, level: &str) {
        self.out.push_str(level);
        self.out.push(' ');
        let d = self.doc();
        match self.rng.below(6) {
            0 => self.out.push_str(self.rng.pick(TOPICS)),
            1 => {
                self.out.push_str("Nyt fra ");
                self.out.push_str(self.rng.pick(COMMITTEES));
            }
            2 => {
                self.buf.clear();
                self.w("status på ");
                self.np();
                push_capitalized(&mut self.out, &self.buf);
            }
            3 if d.kind != Kind::Slides => self.out.push_str(TOPICS[d.topic]),
            _ => {
                self.buf.clear();
                self.np();
                push_capitalized(&mut self.out, &self.buf);
            }
        }
        self.out.push_str("\n\n");
    }

    /// A two-sentence block quote.
    pub(super) fn quote(&mut self) {
        self.out.push_str("> ");
        self.gen_sentence();
        push_capitalized(&mut self.out, &self.buf);
        self.out.push(' ');
        self.gen_sentence();
        push_capitalized(&mut self.out, &self.buf);
        self.out.push_str("\n\n");
    }

    /// A varied prose block: mostly paragraphs, some lists and quotes.
    pub(super) fn block(&mut self) {
        match self.rng.below(20) {
            0..=13 => self.paragraph(3, 7),
            14..=17 => {
                self.paragraph(1, 2);
                self.bullets(3, 6, 25);
            }
            18 => self.quote(),
            _ => {
                self.out.push_str("1. ");
                let k = self.rng.range(3, 5);
                for i in 0..k {
                    if i > 0 {
                        let _ = write!(self.out, "{}. ", i + 1);
                    }
                    self.gen_sentence();
                    push_capitalized(&mut self.out, &self.buf);
                    self.out.push('\n');
                }
                self.out.push('\n');
            }
        }
    }

    /// A table of amounts: one row per entry of `rows`, one column per year
    /// before the document's year (`cols`), optionally with a bold total row.
    pub(super) fn table_amounts(&mut self, rows: &[&str], cols: usize, total: bool) {
        let y = self.doc().date.y;
        self.out.push_str("| Post |");
        for c in 0..cols {
            let _ = write!(self.out, " {} |", y as usize - 1 - c);
        }
        self.out.push_str("\n|:-----|");
        for _ in 0..cols {
            self.out.push_str("-----:|");
        }
        self.out.push('\n');
        let mut sums = [0i64; 4];
        for r in rows {
            let mut base = self.rng.range(20_000, 9_000_000) as i64;
            if self.rng.chance(8) {
                base = -base / 7;
            }
            let _ = write!(self.out, "| {r} |");
            for s in sums.iter_mut().take(cols) {
                let v = base + (self.rng.below(200_001) as i64 - 100_000) * base / 1_000_000;
                *s += v;
                self.out.push(' ');
                push_amount(&mut self.out, v);
                self.out.push_str(" |");
            }
            self.out.push('\n');
        }
        if total {
            self.out.push_str("| **I alt** |");
            for s in sums.iter().take(cols) {
                self.out.push_str(" **");
                push_amount(&mut self.out, *s);
                self.out.push_str("** |");
            }
            self.out.push('\n');
        }
        self.out.push('\n');
    }
}
