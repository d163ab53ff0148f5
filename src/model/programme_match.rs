//! Programme items matched to documents when the secretary wrote no `document:`: a real
//! programme is times, titles and speakers, and the documents name the meeting with
//! `meeting:`. Each such document is placed under the programme item it fits best, by
//!
//! - title words shared with the item, compared by Danish stem, and compound parts
//!   (`Årsberetning` shares `beretning` with "Kredsens beretning");
//! - speaker = author (the speaker line holds an author's name);
//! - kind words: `beretning` → a report, `regnskab`/`budget` → accounts,
//!   `slides`/`oplæg`/`præsentation` → slides.
//!
//! A document that fits no item stays unplaced: the pack and the meeting page put it after the
//! programme's documents under a heading saying it was not on the programme, and the build
//! notes it, as it notes every item that got no document.

use crate::core::kind::Kind;
use crate::load::frontmatter::ProgrammeItem;
use rust_stemmers::{Algorithm, Stemmer};

/// Words too common in programme titles to tell items apart.
const COMMON: &[&str] = &[
    "af", "and", "de", "den", "det", "en", "et", "for", "fra", "i", "med", "nyt", "og", "om", "på",
    "samt", "til", "ved", "v",
];

/// Items that are never presented with a document: breaks, meals, welcome and any other
/// business. They get no note when no document is found for them.
const NO_DOCUMENT: &[&str] = &[
    "afslutning",
    "ankomst",
    "eventuelt",
    "frokost",
    "kaffe",
    "kaffepause",
    "middag",
    "pause",
    "spisning",
    "velkomst",
];

/// The least score that places a document: one shared title word, or speaker and kind together.
const THRESHOLD: u32 = 3;

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !COMMON.contains(&w.as_str()))
        .collect()
}

fn stem(word: &str) -> String {
    thread_local! {
        static STEMMER: Stemmer = Stemmer::create(Algorithm::Danish);
    }
    STEMMER.with(|s| s.stem(word).into_owned())
}

/// How well two title words match: 3 for the same stem (or the same number), 2 when one is a
/// compound ending in the other (`årsberetning` and `beretning`), else 0.
fn word_score(a: &str, b: &str) -> u32 {
    if a.chars().all(|c| c.is_ascii_digit()) || b.chars().all(|c| c.is_ascii_digit()) {
        return if a == b { 1 } else { 0 };
    }
    let (sa, sb) = (stem(a), stem(b));
    if sa == sb {
        return 3;
    }
    let ends = |long: &str, short: &str| {
        short.chars().count() >= 5 && long.len() > short.len() && long.ends_with(short)
    };
    if ends(a, &sb) || ends(b, &sa) || ends(&sa, &sb) || ends(&sb, &sa) {
        return 2;
    }
    0
}

/// The kind a word in an item's title announces.
fn announced_kinds(title_words: &[String]) -> Vec<Kind> {
    let mut kinds = Vec::new();
    for w in title_words {
        let s = stem(w);
        if s.ends_with("beretning") {
            kinds.extend([Kind::ChairmanReport, Kind::CommitteeReport]);
        }
        if s.ends_with("regnskab") || s.starts_with("budget") {
            kinds.push(Kind::Accounts);
        }
        if s.starts_with("slide") || s.starts_with("oplæg") || s.starts_with("præsentation") {
            kinds.push(Kind::Slides);
        }
        if s.starts_with("referat") {
            kinds.push(Kind::Minutes);
        }
    }
    kinds
}

/// What a document brings to matching.
pub struct Candidate<'a> {
    pub title: &'a str,
    pub authors: &'a [String],
    pub kind: Kind,
}

/// How well document `doc` fits programme item `item`.
pub fn score(item: &ProgrammeItem, doc: &Candidate<'_>) -> u32 {
    let item_words = words(&item.title);
    let doc_words = words(doc.title);
    let mut total = 0;
    for a in &item_words {
        total += doc_words
            .iter()
            .map(|b| word_score(a, b))
            .max()
            .unwrap_or(0);
    }
    if let Some(speaker) = &item.speaker {
        let speaker = speaker.to_lowercase();
        if doc
            .authors
            .iter()
            .any(|a| !a.trim().is_empty() && speaker.contains(&a.trim().to_lowercase()))
        {
            total += 2;
        }
    }
    if announced_kinds(&item_words).contains(&doc.kind) {
        total += 2;
    }
    total
}

/// The programme item each document fits best (`None` below the threshold); ties go to the
/// earlier item. `open[i]` says whether item `i` takes matched documents (it has no
/// `document:` of its own). A document whose title names the meeting itself ("Præsentation
/// til generalforsamlingen") serves the whole meeting: speaker = author is enough to place it
/// under the first item its author speaks at.
pub fn place(
    items: &[ProgrammeItem],
    open: &[bool],
    docs: &[Candidate<'_>],
    meeting_title: &str,
) -> Vec<Option<usize>> {
    let meeting_words = words(meeting_title);
    docs.iter()
        .map(|doc| {
            let names_meeting = words(doc.title)
                .iter()
                .any(|w| meeting_words.iter().any(|m| word_score(w, m) >= 2));
            let threshold = if names_meeting { 2 } else { THRESHOLD };
            let mut best: Option<(u32, usize)> = None;
            for (i, item) in items.iter().enumerate() {
                if !open.get(i).copied().unwrap_or(false) {
                    continue;
                }
                let s = score(item, doc);
                if s >= threshold && best.is_none_or(|(b, _)| s > b) {
                    best = Some((s, i));
                }
            }
            best.map(|(_, i)| i)
        })
        .collect()
}

/// Is this an item that never has a document (a break, a meal, welcome, any other business)?
pub fn needs_no_document(item: &ProgrammeItem) -> bool {
    let w = words(&item.title);
    !w.is_empty() && w.iter().all(|w| NO_DOCUMENT.contains(&w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(title: &str, speaker: Option<&str>) -> ProgrammeItem {
        ProgrammeItem {
            time: "18:00".into(),
            title: title.into(),
            speaker: speaker.map(str::to_string),
            document: None,
            line: 1,
        }
    }

    #[test]
    fn documents_go_to_the_item_they_fit_in_programme_shape() {
        let items = vec![
            item("Velkomst", Some("formand Ditte Holm")),
            item("Nyt fra bestyrelsen", Some("formand Ditte Holm")),
            item(
                "Nyt fra Vagtlægeudvalget",
                Some("udvalgsformand Mikkel Sejersen"),
            ),
            item("Kaffepause", None),
            item("Årsberetning 2025 og drøftelse", None),
            item("Regnskab 2024 og budget 2026", Some("kasserer Lone Friis")),
        ];
        let ditte = vec!["Ditte Holm".to_string()];
        let mikkel = vec!["Mikkel Sejersen".to_string()];
        let lone = vec!["Lone Friis".to_string()];
        let nobody: Vec<String> = Vec::new();
        let docs = [
            Candidate {
                title: "Årsregnskab 2024 og budget 2026",
                authors: &lone,
                kind: Kind::Accounts,
            },
            Candidate {
                title: "Kredsens beretning 2025",
                authors: &ditte,
                kind: Kind::ChairmanReport,
            },
            Candidate {
                title: "Nyt fra bestyrelsen – efterårsmødet 2025",
                authors: &ditte,
                kind: Kind::Slides,
            },
            Candidate {
                title: "Vagtlægeudvalget: status efteråret 2025",
                authors: &mikkel,
                kind: Kind::Slides,
            },
            Candidate {
                title: "Nyhedsbrev oktober 2025",
                authors: &nobody,
                kind: Kind::Newsletter,
            },
        ];
        let open = vec![true; items.len()];
        assert_eq!(
            place(&items, &open, &docs, "Efterårsmøde 2025"),
            vec![Some(5), Some(4), Some(1), Some(2), None]
        );
        // An item with its own `document:` takes no matched documents.
        let mut closed = open.clone();
        closed[5] = false;
        assert_eq!(place(&items, &closed, &docs, "Efterårsmøde 2025")[0], None);
        // A deck for the whole meeting goes under the first item its author speaks at.
        let birgit = vec!["Birgit Holm".to_string()];
        let general = [
            item("Velkomst og valg af dirigent", Some("Birgit Holm")),
            item("Valg til bestyrelsen", None),
        ];
        let deck = [Candidate {
            title: "Præsentation til generalforsamlingen 2026",
            authors: &birgit,
            kind: Kind::Slides,
        }];
        assert_eq!(
            place(
                &general,
                &[true, true],
                &deck,
                "Ordinær generalforsamling 2026"
            ),
            vec![Some(0)]
        );
        assert_eq!(
            place(&general, &[true, true], &deck, "Forårsmøde 2026"),
            vec![None]
        );
        assert!(needs_no_document(&items[3]));
        assert!(needs_no_document(&items[0]));
        assert!(!needs_no_document(&items[1]));
    }

    #[test]
    fn speaker_alone_is_not_enough() {
        let items = vec![item("Debat om vagtstrukturen", Some("Ditte Holm"))];
        let ditte = vec!["Ditte Holm".to_string()];
        let docs = [Candidate {
            title: "Nyhedsbrev",
            authors: &ditte,
            kind: Kind::Newsletter,
        }];
        assert_eq!(place(&items, &[true], &docs, "Kredsmøde"), vec![None]);
    }
}
