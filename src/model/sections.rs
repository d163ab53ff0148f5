//! A document's sections as the model keeps them, compactly: every section's anchor and
//! heading in one string (`core::packed`), and per section where they end and its text (which
//! may be in the archive's `TextStore`). A document has about ten sections; as structs with two strings each
//! they took about 140 bytes a section besides the text, 140 MB at 100,000 documents.

use crate::core::packed::Packed;
use crate::core::store::Text;
use crate::markdown::Section;

/// One section, as read from `Sections`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SectionRef<'a> {
    /// Anchor of the heading this text is under; `None` before the first heading.
    pub anchor: Option<&'a str>,
    pub heading: &'a str,
    pub text: &'a Text,
}

/// Where one section's anchor and heading are in `Sections::labels` (its anchor starts where
/// the section before it ends, at 0 for the first, and ends at `anchor_end`; its heading
/// follows up to `heading_end`), and its text.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    anchor_end: u32,
    heading_end: u32,
    has_anchor: bool,
    text: Text,
}

/// A document's sections in order (see the module's comment).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sections {
    labels: Packed,
    entries: Vec<Entry>,
}

impl Sections {
    /// The sections the markdown stage made, their texts held in memory.
    pub fn held(sections: Vec<Section>) -> Sections {
        let mut out = Sections::default();
        for s in sections {
            out.push(s.anchor.as_deref(), &s.heading, Text::Held(s.text));
        }
        out
    }

    /// Adds a section after the others.
    pub fn push(&mut self, anchor: Option<&str>, heading: &str, text: Text) {
        let anchor_end = self.labels.push(anchor.unwrap_or_default());
        let heading_end = self.labels.push(heading);
        self.entries.push(Entry {
            anchor_end,
            heading_end,
            has_anchor: anchor.is_some(),
            text,
        });
    }

    /// The `n`-th (0-based) section.
    pub fn get(&self, n: usize) -> Option<SectionRef<'_>> {
        let start = match n.checked_sub(1) {
            Some(before) => self.entries.get(before)?.heading_end,
            None => 0,
        };
        Some(self.read(start, self.entries.get(n)?))
    }

    /// The sections in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = SectionRef<'_>> + '_ {
        let mut start = 0;
        self.entries.iter().map(move |e| {
            let section = self.read(start, e);
            start = e.heading_end;
            section
        })
    }

    /// Each section's text, to move into a store.
    pub fn texts_mut(&mut self) -> impl Iterator<Item = &mut Text> + '_ {
        self.entries.iter_mut().map(|e| &mut e.text)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Gives back the room left from growing, also in texts held in memory.
    pub fn shrink_to_fit(&mut self) {
        self.labels.shrink_to_fit();
        self.entries.shrink_to_fit();
        for e in &mut self.entries {
            e.text.shrink_to_fit();
        }
    }

    fn read<'a>(&'a self, start: u32, e: &'a Entry) -> SectionRef<'a> {
        SectionRef {
            anchor: e.has_anchor.then(|| self.labels.get(start, e.anchor_end)),
            heading: self.labels.get(e.anchor_end, e.heading_end),
            text: &e.text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_read_back_as_made() {
        let made = vec![
            Section {
                anchor: None,
                heading: String::new(),
                text: "Indledning før første overskrift.".to_string(),
            },
            Section {
                anchor: Some("oekonomi".to_string()),
                heading: "Økonomi".to_string(),
                text: "Regnskabet viser et overskud.".to_string(),
            },
            Section {
                anchor: Some(String::new()),
                heading: "«Tom» anker".to_string(),
                text: String::new(),
            },
        ];
        let mut sections = Sections::held(made.clone());
        sections.shrink_to_fit();
        let read: Vec<Section> = sections
            .iter()
            .map(|s| Section {
                anchor: s.anchor.map(str::to_string),
                heading: s.heading.to_string(),
                text: match s.text {
                    Text::Held(t) => t.clone(),
                    Text::Spilled { .. } => String::from("spilled"),
                },
            })
            .collect();
        assert_eq!(read, made);
        assert_eq!(sections.len(), 3);
        for n in 0..3 {
            assert_eq!(sections.get(n), sections.iter().nth(n));
        }
        assert_eq!(sections.get(3), None);
        assert_eq!(sections.texts_mut().count(), 3);
        let empty = Sections::default();
        assert!(empty.is_empty());
        assert_eq!(empty.get(0), None);
        assert_eq!(empty.iter().count(), 0);
    }

    /// A section without an anchor after ones with, and texts in a store's file: each reads
    /// back with its own anchor, heading and place.
    #[test]
    fn anchors_and_stored_texts_stay_with_their_sections() {
        let mut sections = Sections::default();
        sections.push(
            Some("slide-1"),
            "Velkommen",
            Text::Spilled { at: 0, len: 12 },
        );
        sections.push(None, "Uden anker", Text::Held("noter".to_string()));
        sections.push(Some("slide-3"), "", Text::Spilled { at: 12, len: 0 });
        let read: Vec<(Option<&str>, &str, &Text)> = sections
            .iter()
            .map(|s| (s.anchor, s.heading, s.text))
            .collect();
        assert_eq!(
            read,
            [
                (
                    Some("slide-1"),
                    "Velkommen",
                    &Text::Spilled { at: 0, len: 12 }
                ),
                (None, "Uden anker", &Text::Held("noter".to_string())),
                (Some("slide-3"), "", &Text::Spilled { at: 12, len: 0 }),
            ]
        );
        assert_eq!(sections.get(2).map(|s| s.anchor), Some(Some("slide-3")));
    }
}
