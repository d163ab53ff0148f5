//! Links in the body: to other documents (relative `.md` paths, often to
//! earlier years), to the pool of external URLs, and to the attached PDF.
//!
//! Internal links favour recent earlier documents, as real reports cite last
//! year's; external links favour the start of the pool, so some URLs are
//! cited often, which is what the link checker's caching has to handle.

use std::fmt::Write as _;

use super::calendar::month_name;
use super::format::lower_first;
use super::render::Render;
use arkiv::core::kind::Kind;

impl Render<'_> {
    /// Another document to link to, mostly a recent earlier one; `None` when
    /// the archive has only one document.
    fn link_target(&mut self) -> Option<usize> {
        let n = self.ar.docs.len();
        if n < 2 {
            return None;
        }
        let i = self.idx;
        let t = if i > 0 && self.rng.chance(75) {
            let a = self.rng.below(i);
            let b = self.rng.below(i);
            i - 1 - a.min(b)
        } else {
            let t = self.rng.below(n);
            if t == i {
                (t + 1) % n
            } else {
                t
            }
        };
        Some(t)
    }

    /// A Markdown link to document `t`: its title or a natural reference
    /// ("referatet"), with `../<year>/` when it lies in another year.
    fn push_link_to(&mut self, t: usize) {
        let ar = self.ar;
        let td = &ar.docs[t];
        let own = self.doc().date.y;
        self.out.push('[');
        if self.rng.chance(50) {
            self.out.push_str(&td.title);
        } else {
            match td.kind {
                Kind::Newsletter => {
                    let _ = write!(
                        self.out,
                        "nyhedsbrevet fra {} {}",
                        month_name(td.date.m),
                        td.date.y
                    );
                }
                Kind::Slides => self.out.push_str(self.rng.pick(&[
                    "præsentationen",
                    "slides fra oplægget",
                    "dias",
                ])),
                Kind::Minutes => self
                    .out
                    .push_str(self.rng.pick(&["referatet", "referatet fra mødet"])),
                Kind::ChairmanReport => {
                    let _ = write!(self.out, "formandens beretning fra {}", td.date.y);
                }
                Kind::CommitteeReport => self.out.push_str("udvalgets beretning"),
                Kind::Accounts => self.out.push_str("regnskabet"),
                Kind::Meeting => self.out.push_str(&lower_first(&td.title)),
                Kind::Page => self.out.push_str(&td.title),
            }
        }
        self.out.push_str("](");
        if td.date.y != own {
            let _ = write!(self.out, "../{}/", td.date.y);
        }
        self.out.push_str(&td.slug);
        self.out.push_str(".md)");
    }

    /// A sentence pointing at another document ("Se også ...").
    pub(super) fn internal_link_sentence(&mut self) {
        let Some(t) = self.link_target() else { return };
        let pre = self.rng.pick(&[
            "Læs mere i ",
            "Se også ",
            "Baggrunden er beskrevet i ",
            "Vi henviser i øvrigt til ",
            "Sagen blev også omtalt i ",
            "Se tidligere ",
        ]);
        self.out.push_str(pre);
        self.push_link_to(t);
        self.out.push('.');
    }

    /// A sentence citing a URL from the pool, skewed towards popular ones.
    pub(super) fn external_link_sentence(&mut self) {
        let ar = self.ar;
        // Skewed towards the start of the pool: some URLs are cited often.
        let k = self
            .rng
            .below(ar.urls.len())
            .min(self.rng.below(ar.urls.len()));
        let (url, label) = &ar.urls[k];
        let (pre, post) = self.rng.pick(&[
            ("Læs ", "."),
            ("Se ", " for detaljer."),
            ("Du kan finde ", " på nettet."),
            ("Hele ", " kan læses online."),
            ("Vi har tidligere omtalt ", "."),
            ("Mere om sagen i ", "."),
        ]);
        self.out.push_str(pre);
        self.out.push('[');
        self.out.push_str(label);
        self.out.push_str("](");
        self.out.push_str(url);
        self.out.push(')');
        self.out.push_str(post);
    }

    /// A link to the attached PDF, for documents that have one.
    pub(super) fn attachment_link(&mut self) {
        let d = self.doc();
        if let Some(pdf) = &d.pdf {
            let _ = write!(self.out, "Bilag: [{} (PDF)]({})\n\n", d.title, pdf);
        }
    }
}
