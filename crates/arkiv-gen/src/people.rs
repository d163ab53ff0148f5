//! The association's people and places: committees, venues, members' names,
//! and who holds which office in which year.
//!
//! Offices rotate on fixed schedules so that author pages show real
//! patterns: one chairman for about five years, committee chairs who sign
//! their committee's reports, and many members who write now and then.

use std::collections::BTreeSet;

use super::calendar::{FIRST_YEAR, YEARS};
use super::rng::Rng;

/// Committees, which write committee reports and hold their own meetings.
pub(super) const COMMITTEES: &[&str] = &[
    "Lægevagtsudvalget",
    "Kvalitetsudvalget",
    "Uddannelsesudvalget",
    "Praksisudvalget",
    "Samarbejdsudvalget",
    "Kommunaludvalget",
    "Psykiatriudvalget",
    "IT-udvalget",
    "Økonomiudvalget",
    "Efteruddannelsesudvalget",
    "Praksisplanudvalget",
    "Sundhedsaftaleudvalget",
];

/// Where meetings are held (`place:` of meeting documents).
pub(super) const VENUES: &[&str] = &[
    "Scandic Aarhus City, Aarhus",
    "Hotel Legoland, Billund",
    "Comwell Kolding, Kolding",
    "MCH Herning Kongrescenter, Herning",
    "Hotel Fredericia, Fredericia",
    "Radisson Blu Scandinavia, Aarhus",
    "Scandic Silkeborg, Silkeborg",
    "Viborg Kongrescenter, Viborg",
    "Domus Medica, København",
    "Hotel Pejsegården, Brædstrup",
    "Munkebjerg Hotel, Vejle",
    "Sinatur Hotel Skarrildhus, Skarrild",
    "Hotel Randers, Randers",
    "Foreningens lokaler, Aarhus",
    "Aarhus Universitetshospital, Skejby",
    "Hotel Ebeltoft Strand, Ebeltoft",
];

/// First names for members.
const FIRST_NAMES: &[&str] = &[
    "Henrik",
    "Anne",
    "Søren",
    "Mette",
    "Jakob",
    "Lise",
    "Peter",
    "Hanne",
    "Morten",
    "Birgitte",
    "Jens",
    "Karen",
    "Allan",
    "Sara",
    "Christian",
    "Louise",
    "Thomas",
    "Pia",
    "Niels",
    "Helle",
    "Rasmus",
    "Camilla",
    "Bo",
    "Marianne",
    "Anders",
    "Kirsten",
    "Mads",
    "Trine",
    "Ole",
    "Dorthe",
    "Jørgen",
    "Ulla",
    "Kasper",
    "Sofie",
    "Lars",
    "Gitte",
    "Michael",
    "Rikke",
    "Jesper",
    "Tove",
    "Bjørn",
    "Åse",
    "Poul",
    "Inge",
    "Frederik",
    "Maja",
];
/// Middle names, given to about a third of the members.
const MIDDLE_NAMES: &[&str] = &[
    "Høg", "Bak", "Juul", "Kjær", "Skov", "Holm", "Lind", "Dam", "Friis", "Bech", "Krogh", "Ravn",
];
/// Last names for members.
const LAST_NAMES: &[&str] = &[
    "Jensen",
    "Nielsen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Poulsen",
    "Johansen",
    "Møller",
    "Mortensen",
    "Lund",
    "Dahl",
    "Frandsen",
    "Vestergaard",
    "Østergaard",
    "Lauridsen",
    "Bruun",
    "Damgaard",
    "Juhl",
    "Kirkegaard",
    "Søndergaard",
    "Bang",
    "Iversen",
    "Svenningsen",
    "Kise",
    "Greve",
    "Fuglsang",
    "Ærenlund",
    "Bødker",
];

/// Number of distinct people in the archive: offices take the first ten,
/// committee chairs the next ones, everybody else the rest.
const PEOPLE: usize = 80;

/// Draws the association's 80 distinct members; the first ten indices hold
/// the offices (see `chairman`, `treasurer`).
pub(super) fn members(rng: &mut Rng) -> Vec<String> {
    let mut people = Vec::with_capacity(PEOPLE);
    let mut seen = BTreeSet::new();
    while people.len() < PEOPLE {
        let mut name = String::new();
        name.push_str(rng.pick(FIRST_NAMES));
        if rng.chance(30) {
            name.push(' ');
            name.push_str(rng.pick(MIDDLE_NAMES));
        }
        name.push(' ');
        name.push_str(rng.pick(LAST_NAMES));
        if seen.insert(name.clone()) {
            people.push(name);
        }
    }
    people
}

/// The chairman in `year`: five chairmen over the archive's years.
pub(super) fn chairman(year: u16) -> usize {
    ((year - FIRST_YEAR) as usize * 5 / YEARS).min(4)
}
/// The treasurer in `year`, who signs the accounts.
pub(super) fn treasurer(year: u16) -> usize {
    5 + ((year - FIRST_YEAR) as usize / 7) % 4
}
/// The chair of committee `c` in `year`, who signs its reports and slides.
pub(super) fn committee_chair(c: usize, year: u16) -> usize {
    10 + c * 2 + ((year - FIRST_YEAR) as usize / 9) % 2
}
/// Any member without an office, for occasional authors and speakers.
pub(super) fn other_person(rng: &mut Rng, people: usize) -> usize {
    rng.range(10, people - 1)
}
