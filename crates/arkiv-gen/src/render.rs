//! The renderer's state and the parts every document shares: choosing the
//! kind's writer, and the front matter.
//!
//! The writing itself is spread over files by what it writes: phrases and
//! sentences, blocks (paragraphs, lists, tables), links, and one file per
//! kind. They all add methods to `Render`, which owns the two buffers.

use super::format::{push_capitalized, push_quoted};
use super::model::{Archive, Doc};
use super::people::COMMITTEES;
use super::rng::Rng;
use super::topics::TAGS;
use arkiv::core::kind::Kind;

/// Renders one document into `out`, using the document's own seed so that
/// documents can be rendered in any order or in parallel.
pub(super) struct Render<'a> {
    /// The plan, for titles, slugs and people of other documents.
    pub(super) ar: &'a Archive,
    /// Index of the document being written.
    pub(super) idx: usize,
    /// The document's own stream, reseeded for each document.
    pub(super) rng: Rng,
    /// The Markdown file being written; reused between documents.
    pub(super) out: String,
    /// Scratch space for one sentence or phrase before it is capitalised.
    pub(super) buf: String,
    /// Chance in percent that a paragraph ends with an internal link.
    pub(super) int_pct: usize,
    /// Chance in percent that a paragraph ends with an external link.
    pub(super) ext_pct: usize,
}

impl<'a> Render<'a> {
    /// A renderer for `ar`, with buffers sized for a long report.
    pub(super) fn new(ar: &'a Archive) -> Self {
        Render {
            ar,
            idx: 0,
            rng: Rng::new(0),
            out: String::with_capacity(64 * 1024),
            buf: String::with_capacity(512),
            int_pct: 0,
            ext_pct: 0,
        }
    }

    /// The document being written.
    pub(super) fn doc(&self) -> &'a Doc {
        &self.ar.docs[self.idx]
    }

    /// Writes document `idx` into `self.out`, replacing what was there.
    pub(super) fn render(&mut self, idx: usize) {
        self.idx = idx;
        let d = self.doc();
        self.rng = Rng::new(d.seed);
        self.out.clear();
        self.front_matter();
        match d.kind {
            Kind::Newsletter => {
                self.int_pct = 25;
                self.ext_pct = 20;
                let t = self.rng.range(2800, 7600);
                self.newsletter(t);
            }
            Kind::ChairmanReport | Kind::CommitteeReport => {
                self.int_pct = 18;
                self.ext_pct = 15;
                let t = self.rng.range(19_000, 30_000);
                self.report(t);
            }
            Kind::Slides => {
                self.int_pct = 5;
                self.ext_pct = 5;
                self.slides();
            }
            Kind::Minutes => {
                self.int_pct = 10;
                self.ext_pct = 6;
                self.minutes();
            }
            Kind::Accounts => {
                self.int_pct = 10;
                self.ext_pct = 5;
                self.accounts();
            }
            Kind::Meeting => {
                self.int_pct = 10;
                self.ext_pct = 10;
                self.meeting();
            }
            Kind::Page => {
                self.int_pct = 20;
                self.ext_pct = 25;
                self.page();
            }
        }
    }

    // ----- front matter -----------------------------------------------------

    /// The YAML front matter, in the order a secretary writes it.
    fn front_matter(&mut self) {
        let ar = self.ar;
        let d = self.doc();
        let o = &mut self.out;
        o.push_str("---\ntitle: ");
        push_quoted(o, &d.title);
        o.push_str("\ndate: ");
        d.date.push_iso(o);
        o.push_str("\nkind: ");
        o.push_str(d.kind.as_str());
        o.push('\n');
        if let Some(m) = d.meeting {
            o.push_str("meeting: ");
            o.push_str(&ar.docs[m].slug);
            o.push('\n');
        }
        if let Some(c) = d.committee {
            o.push_str("committee: ");
            o.push_str(COMMITTEES[c]);
            o.push('\n');
        }
        o.push_str("authors: [");
        for (i, &a) in d.authors.iter().enumerate() {
            if i > 0 {
                o.push_str(", ");
            }
            o.push_str(&ar.people[a]);
        }
        o.push_str("]\ntags: [");
        let k = self.rng.range(1, 4);
        let mut chosen = [usize::MAX; 4];
        let mut c = 0;
        while c < k {
            let t = self.rng.below(TAGS.len());
            if !chosen[..c].contains(&t) {
                chosen[c] = t;
                c += 1;
            }
        }
        for (i, &t) in chosen[..k].iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.out.push_str(TAGS[t]);
        }
        self.out.push_str("]\nsummary: ");
        self.gen_sentence();
        let mut s = String::with_capacity(self.buf.len() + 2);
        push_capitalized(&mut s, &self.buf);
        push_quoted(&mut self.out, &s);
        self.out.push('\n');
        if let Some(pdf) = &d.pdf {
            self.out.push_str("attachments: [");
            self.out.push_str(pdf);
            self.out.push_str("]\n");
        }
        if d.kind == Kind::Meeting {
            self.programme();
        }
        self.out.push_str("---\n\n");
    }

    /// Appends to the sentence buffer; short because it is everywhere.
    pub(super) fn w(&mut self, s: &str) {
        self.buf.push_str(s);
    }
}
