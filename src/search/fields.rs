//! What of a document is searched: its title, sections, summary, labels, programme, meeting
//! and PDFs, each with the weight its words carry and the section a result links to.

use crate::model::Archive;
use std::borrow::Cow;

/// How much a word counts where it stands: a title or heading says what a document is about,
/// a passing mention in the body says much less. In twentieths of a body word, so that sums are
/// exact integers whatever order the words are met in (a compound part counts half of these).
pub mod weight {
    pub const TITLE: u32 = 100;
    pub const HEADING: u32 = 50;
    pub const LABEL: u32 = 40;
    pub const SUMMARY: u32 = 30;
    pub const BODY: u32 = 20;
    pub const PDF: u32 = 16;
    /// What one body word weighs: turns the units above back into term frequency.
    pub const UNIT: f32 = 20.0;
}

/// A text of a document with the weight of its words and the section it belongs to.
pub struct Field<'a> {
    pub text: &'a str,
    pub weight: u32,
    /// 0: the document as a whole; n: its n-th section (doc sections, then PDF attachments).
    pub section: u16,
}

/// Every text of a document that is searched, with its weight and section; `sections` are
/// its sections' texts, read from the archive's store.
pub fn fields<'a>(
    archive: &'a Archive,
    index: usize,
    sections: &'a [Cow<'a, str>],
) -> Vec<Field<'a>> {
    let doc = &archive.documents[index];
    let mut out = vec![Field {
        text: &doc.front.title,
        weight: weight::TITLE,
        section: 0,
    }];
    for (i, (s, text)) in doc.sections.iter().zip(sections).enumerate() {
        let section = section_number(i);
        out.push(Field {
            text: s.heading,
            weight: weight::HEADING,
            section,
        });
        out.push(Field {
            text,
            weight: weight::BODY,
            section,
        });
    }
    if let Some(summary) = &doc.front.summary {
        out.push(Field {
            text: summary,
            weight: weight::SUMMARY,
            section: 0,
        });
    }
    let labels = doc
        .front
        .tags
        .iter()
        .chain(doc.front.committee.iter())
        .chain(doc.front.authors.iter());
    out.extend(labels.map(|text| Field {
        text,
        weight: weight::LABEL,
        section: 0,
    }));
    // A meeting is found by its place, and by its programme (a section after the body's,
    // quoted by search::fragment): item titles and speakers.
    out.extend(doc.front.place.iter().map(|text| Field {
        text,
        weight: weight::LABEL,
        section: 0,
    }));
    let programme = section_number(doc.sections.len());
    let items = doc.front.programme.iter();
    let texts = items.flat_map(|item| std::iter::once(&item.title).chain(item.speaker.iter()));
    out.extend(texts.map(|text| Field {
        text,
        weight: weight::BODY,
        section: programme,
    }));
    if let Some(m) = doc.meeting.filter(|&m| m != index) {
        out.push(Field {
            text: &archive.documents[m].front.title,
            weight: weight::BODY,
            section: 0,
        });
    }
    let mut pdf_number = doc.sections.len() + usize::from(!doc.front.programme.is_empty());
    for a in &doc.attachments {
        let Some(pdf) = &a.pdf else { continue };
        let section = section_number(pdf_number);
        pdf_number += 1;
        out.push(Field {
            text: &a.title,
            weight: weight::SUMMARY,
            section,
        });
        if let Some(t) = &pdf.title {
            out.push(Field {
                text: t,
                weight: weight::SUMMARY,
                section,
            });
        }
        out.push(Field {
            text: &pdf.text,
            weight: weight::PDF,
            section,
        });
    }
    out
}

/// Sections are numbered from 1 in postings (0 is the document as a whole); a document with
/// more than 65 534 sections folds the rest into the last number rather than failing.
pub fn section_number(i: usize) -> u16 {
    u16::try_from(i + 1).unwrap_or(u16::MAX)
}
