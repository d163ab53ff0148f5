//! Accounts and budgets: tables of Danish amounts with totals, notes and
//! the treasurer's and chairman's signatures.
//!
//! Wide right-aligned number tables are the hardest thing to fit on a phone
//! and on A4, so every accounts document has several.

use std::fmt::Write as _;

use super::people::{chairman, treasurer};
use super::render::Render;

impl Render<'_> {
    /// Accounts: income, costs and balance tables, notes and signatures.
    pub(super) fn accounts(&mut self) {
        let y = self.doc().date.y;
        self.paragraph(2, 4);
        self.out.push_str("## Resultatopgørelse\n\n");
        let income = [
            "Kontingenter",
            "Administrationsbidrag",
            "Renteindtægter",
            "Kursusindtægter",
            "Tilskud fra PLO",
            "Lægevagtens bidrag",
            "Øvrige indtægter",
        ];
        let costs = [
            "Bestyrelseshonorarer",
            "Mødeudgifter",
            "Sekretariat og lønninger",
            "Husleje",
            "IT og kommunikation",
            "Revision og regnskab",
            "Repræsentation",
            "Kurser og internater",
            "Rejseudgifter",
            "Afskrivninger",
            "Forsikringer",
        ];
        let k = self.rng.range(4, income.len());
        self.out.push_str("### Indtægter\n\n");
        self.table_amounts(&income[..k], 2, true);
        let k = self.rng.range(6, costs.len());
        self.out.push_str("### Udgifter\n\n");
        self.table_amounts(&costs[..k], 2, true);
        self.paragraph(2, 4);
        let _ = writeln!(self.out, "## Balance pr. 31. december {}\n", y - 1);
        let bal = [
            "Likvide beholdninger",
            "Værdipapirer",
            "Tilgodehavender",
            "Periodeafgrænsning",
            "Egenkapital primo",
            "Årets resultat",
            "Skyldige omkostninger",
            "Hensættelser",
        ];
        let k = self.rng.range(5, bal.len());
        self.table_amounts(&bal[..k], 2, false);
        self.out.push_str("## Noter\n\n");
        for i in 1..=self.rng.range(2, 4) {
            let _ = write!(self.out, "**Note {i}.** ");
            self.paragraph(1, 3);
        }
        self.out.push_str("## Ledelsespåtegning\n\n");
        self.paragraph(2, 3);
        self.attachment_link();
        let ar = self.ar;
        let _ = write!(
            self.out,
            "{}, kasserer  \n{}, formand\n",
            ar.people[treasurer(y)],
            ar.people[chairman(y)]
        );
    }
}
