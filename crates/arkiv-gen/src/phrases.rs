//! Danish phrases: noun phrases, subjects, numbers, prepositional phrases
//! and quantities, written into the sentence buffer.
//!
//! Getting gender, definiteness and number right ("det nye notat", "de
//! fleste aftaler") makes the text read as Danish, so hyphenation, search
//! stemming and line lengths behave as with a real archive.

use std::fmt::Write as _;

use super::calendar::month_name;
use super::format::push_amount;
use super::nouns::{Noun, NOUNS};
use super::render::Render;
use super::vocabulary::{
    ADJS, FIXED_NP, PLACES_PP, POSSESSIVES, PREFIXES, PREPS, QUANTIFIERS, SUBJECTS,
};

impl Render<'_> {
    /// A noun, sometimes with a compound prefix to put before its form.
    pub(super) fn pick_noun(&mut self) -> (&'static str, Noun) {
        if self.rng.chance(28) {
            loop {
                let n = self.rng.pick(NOUNS);
                if n.tail {
                    return (self.rng.pick(PREFIXES), n);
                }
            }
        }
        ("", self.rng.pick_skewed(NOUNS))
    }

    /// A noun phrase with agreeing article, adjective or determiner.
    pub(super) fn np(&mut self) {
        let r = self.rng.below(100);
        if r < 7 {
            let s = self.rng.pick(FIXED_NP);
            self.w(s);
            return;
        }
        let (pre, n) = self.pick_noun();
        let adj = self.rng.pick_skewed(ADJS);
        match r {
            7..=29 => {
                self.w(pre);
                self.w(n.d);
            }
            30..=40 => {
                self.w(pre);
                self.w(n.p);
            }
            41..=52 => {
                self.w(adj.2);
                self.w(" ");
                self.w(pre);
                self.w(n.p);
            }
            53..=60 => {
                self.w(if n.neuter { "et " } else { "en " });
                self.w(if n.neuter { adj.1 } else { adj.0 });
                self.w(" ");
                self.w(pre);
                self.w(n.i);
            }
            61..=70 => {
                self.w(if n.neuter { "det " } else { "den " });
                self.w(adj.2);
                self.w(" ");
                self.w(pre);
                self.w(n.i);
            }
            71..=76 => {
                self.w("de ");
                self.w(adj.2);
                self.w(" ");
                self.w(pre);
                self.w(n.p);
            }
            77..=84 => {
                self.w(pre);
                self.w(n.pd);
            }
            85..=90 => {
                let q = self.rng.pick(QUANTIFIERS);
                self.w(q);
                self.w(" ");
                self.w(pre);
                self.w(n.p);
            }
            91..=95 => {
                let q = self.rng.pick(POSSESSIVES);
                self.w(q);
                self.w(" ");
                self.w(pre);
                self.w(n.p);
            }
            _ => {
                self.w(pre);
                self.w(n.d);
                self.w(" om ");
                let (pre2, n2) = self.pick_noun();
                self.w(pre2);
                self.w(n2.d);
            }
        }
    }

    /// A sentence subject: a known actor or a noun phrase.
    pub(super) fn subject(&mut self) {
        if self.rng.chance(50) {
            let s = self.rng.pick_skewed(SUBJECTS);
            self.w(s);
        } else {
            self.np();
        }
    }

    /// A number of varying size, with Danish thousands separators.
    fn number(&mut self) {
        let v = match self.rng.below(4) {
            0 => self.rng.range(2, 12),
            1 => self.rng.range(10, 99),
            2 => self.rng.range(100, 999),
            _ => self.rng.range(1000, 25_000),
        };
        push_amount(&mut self.buf, v as i64);
    }

    /// A year within a few years before the document's own (or just after).
    pub(super) fn year_near(&mut self) -> u16 {
        let y = self.doc().date.y as i32 + self.rng.range(0, 4) as i32 - 3;
        y.clamp(1995, 2026) as u16
    }

    /// A prepositional or adverbial phrase: place, time, amount or
    /// preposition plus noun phrase.
    pub(super) fn pp(&mut self) {
        match self.rng.below(12) {
            0..=2 => {
                let p = self.rng.pick(PLACES_PP);
                self.w(p);
            }
            3 => {
                let m = month_name(self.rng.range(1, 12) as u8);
                let y = self.year_near();
                let _ = write!(self.buf, "i {m} {y}");
            }
            4 => {
                let y = self.year_near();
                let _ = write!(self.buf, "inden udgangen af {y}");
            }
            5 => {
                let m = month_name(self.rng.range(1, 12) as u8);
                let y = self.year_near() + 1;
                let _ = write!(self.buf, "med virkning fra 1. {m} {y}");
            }
            6 => {
                self.w("med et honorar på kr. ");
                self.number();
                let c = self.rng.below(100);
                let _ = write!(self.buf, ",{c:02}");
            }
            _ => {
                let p = self.rng.pick_skewed(PREPS);
                self.w(p);
                self.w(" ");
                self.np();
            }
        }
    }

    /// A counted noun phrase ("omkring 120 aftaler").
    pub(super) fn quantity(&mut self) {
        let (pre, n) = self.pick_noun();
        match self.rng.below(5) {
            0 => {
                self.number();
                self.w(" procent af ");
                self.w(pre);
                self.w(n.pd);
            }
            1 => {
                self.w("omkring ");
                self.number();
                self.w(" ");
                self.w(pre);
                self.w(n.p);
            }
            2 => {
                self.number();
                self.w(" nye ydernumre");
            }
            3 => {
                self.number();
                self.w(" af regionens klinikker");
            }
            _ => {
                self.w("flere end ");
                self.number();
                self.w(" ");
                self.w(pre);
                self.w(n.p);
            }
        }
    }
}
