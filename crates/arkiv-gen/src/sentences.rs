//! Danish sentences and bullet points built from the phrases.
//!
//! About twenty sentence shapes (main and subordinate clauses, fronted
//! adverbials with verb-second order, modal constructions) give sentences of
//! realistic, varied length for the layout and the search index.

use std::fmt::Write as _;

use super::render::Render;
use super::vocabulary::{ADJS, ADVERBS, INFINITIVES, INTROS, MODALS, PREDICATES, VERBS};

impl Render<'_> {
    /// Main clause, normal order: subject, finite verb, adverb, rest, object.
    fn clause(&mut self, adv_pct: usize) {
        self.subject();
        let (fin, rest) = self.rng.pick(VERBS);
        self.w(" ");
        self.w(fin);
        if self.rng.chance(adv_pct) {
            let a = self.rng.pick(ADVERBS);
            self.w(" ");
            self.w(a);
        }
        if !rest.is_empty() {
            self.w(" ");
            self.w(rest);
        }
        self.w(" ");
        self.np();
    }

    /// Subordinate clause: the adverb goes before the finite verb.
    fn sub_clause(&mut self) {
        self.subject();
        if self.rng.chance(35) {
            let a = self.rng.pick(ADVERBS);
            self.w(" ");
            self.w(a);
        }
        let (fin, rest) = self.rng.pick(VERBS);
        self.w(" ");
        self.w(fin);
        if !rest.is_empty() {
            self.w(" ");
            self.w(rest);
        }
        self.w(" ");
        self.np();
    }

    /// A prepositional phrase with probability `pct`.
    fn opt_pp(&mut self, pct: usize) {
        if self.rng.chance(pct) {
            self.w(" ");
            self.pp();
        }
    }

    /// One Danish sentence into `self.buf`, without capitalisation.
    pub(super) fn gen_sentence(&mut self) {
        self.buf.clear();
        match self.rng.below(20) {
            0..=3 => {
                self.clause(30);
                self.opt_pp(50);
            }
            4..=5 => {
                self.clause(25);
                let c = self
                    .rng
                    .pick(&[", og ", ", men ", ", fordi ", ", hvor ", ", mens "]);
                self.w(c);
                self.sub_clause();
            }
            6..=8 => {
                if self.rng.chance(30) {
                    let y = self.year_near();
                    let _ = write!(self.buf, "i {y}");
                } else {
                    let s = self.rng.pick(INTROS);
                    self.w(s);
                }
                let (fin, rest) = self.rng.pick(VERBS);
                self.w(" ");
                self.w(fin);
                self.w(" ");
                self.subject();
                if self.rng.chance(30) {
                    let a = self.rng.pick(ADVERBS);
                    self.w(" ");
                    self.w(a);
                }
                if !rest.is_empty() {
                    self.w(" ");
                    self.w(rest);
                }
                self.w(" ");
                self.np();
                self.opt_pp(30);
            }
            9 => {
                let p = self.rng.pick(PREDICATES);
                self.w("det er ");
                self.w(p);
                self.w(", at ");
                self.sub_clause();
                self.opt_pp(40);
            }
            10..=11 => {
                self.subject();
                let m = self.rng.pick(MODALS);
                self.w(" ");
                self.w(m);
                if self.rng.chance(30) {
                    let a = self.rng.pick(ADVERBS);
                    self.w(" ");
                    self.w(a);
                }
                let i = self.rng.pick(INFINITIVES);
                self.w(" ");
                self.w(i);
                self.w(" ");
                self.np();
                self.opt_pp(50);
            }
            12 => {
                self.clause(10);
                self.w(", men ");
                self.subject();
                let m = self.rng.pick(MODALS);
                let i = self.rng.pick(INFINITIVES);
                self.w(" ");
                self.w(m);
                self.w(" ikke ");
                self.w(i);
                self.w(" ");
                self.np();
            }
            13 => {
                let f = self
                    .rng
                    .pick(&["fortsat ", "stadig ", "", "nu ", "desværre "]);
                let what = self.rng.pick(&[
                    "behov for",
                    "store udfordringer med",
                    "fokus på",
                    "enighed om",
                    "usikkerhed om",
                    "brug for",
                    "lange ventetider på",
                ]);
                self.w("der er ");
                self.w(f);
                self.w(what);
                self.w(" ");
                self.np();
                self.opt_pp(50);
            }
            14 => {
                self.quantity();
                let v = self.rng.pick(&[
                    "er nu omfattet af",
                    "indgår i",
                    "er berørt af",
                    "venter fortsat på",
                    "har tilsluttet sig",
                ]);
                self.w(" ");
                self.w(v);
                self.w(" ");
                self.np();
            }
            15 => {
                self.clause(25);
                self.w(" og ");
                self.np();
                self.opt_pp(40);
            }
            16 => {
                let v = self.rng.pick(&[
                    "vi opfordrer alle medlemmer til at",
                    "vi vil gerne takke alle, der har været med til at",
                    "vi håber, at mange vil være med til at",
                    "vi arbejder videre for at",
                    "målet er at",
                ]);
                let i = self.rng.pick(INFINITIVES);
                self.w(v);
                self.w(" ");
                self.w(i);
                self.w(" ");
                self.np();
            }
            17..=18 => {
                self.clause(20);
                self.opt_pp(60);
                self.w(", og ");
                self.clause(40);
                self.opt_pp(40);
            }
            _ => {
                self.clause(30);
                self.w(" ");
                self.pp();
                self.w(" ");
                self.pp();
            }
        }
        self.buf.push('.');
    }

    /// A short phrase for a bullet point, into `self.buf`.
    pub(super) fn gen_bullet(&mut self) {
        self.buf.clear();
        match self.rng.below(8) {
            0 | 1 => {
                self.np();
                self.w(" – ");
                self.np();
            }
            2 | 3 => self.clause(20),
            4 => {
                let (pre, n) = self.pick_noun();
                let a = self.rng.pick_skewed(ADJS);
                self.w(a.2);
                self.w(" ");
                self.w(pre);
                self.w(n.p);
                self.w(" ");
                self.pp();
            }
            5 => {
                self.w("møde med ");
                self.np();
                let (d, m, y) = (
                    self.rng.range(1, 28),
                    self.rng.range(1, 12),
                    self.year_near() % 100,
                );
                let _ = write!(self.buf, " {d}/{m}-{y:02}");
            }
            6 => self.quantity(),
            _ => {
                let s = self
                    .rng
                    .pick(&["status på ", "fokus på ", "opfølgning på ", "nyt om "]);
                self.w(s);
                self.np();
            }
        }
    }
}
