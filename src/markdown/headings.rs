//! A document's headings, kept compactly: every heading's text and anchor in one string
//! (`core::packed`), and per heading its level, line and where its text and anchor end. A
//! document has about ten headings; as a `Vec` of structs with two strings each they took about
//! 120 bytes a heading (64 of struct, two allocations), 120 MB at 100,000 documents; this way
//! about 60.

use crate::core::packed::Packed;

/// One heading, with the anchor it gets, as read from `Headings`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heading<'a> {
    pub level: u8,
    pub text: &'a str,
    pub id: &'a str,
    /// 1-based line in the source file.
    pub line: usize,
}

/// Where one heading is in `Headings::texts`: its text starts where the heading before it ends
/// (at 0 for the first) and ends at `text_end`; its anchor follows up to `id_end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    level: u8,
    line: u32,
    text_end: u32,
    id_end: u32,
}

/// A document's headings in order (see the module's comment).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Headings {
    texts: Packed,
    entries: Vec<Entry>,
}

impl Headings {
    /// Adds a heading after the others.
    pub fn push(&mut self, h: Heading<'_>) {
        let text_end = self.texts.push(h.text);
        let id_end = self.texts.push(h.id);
        self.entries.push(Entry {
            level: h.level,
            line: u32::try_from(h.line).unwrap_or(u32::MAX),
            text_end,
            id_end,
        });
    }

    /// Adds the headings of `other` after these.
    pub fn extend(&mut self, other: &Headings) {
        for h in other.iter() {
            self.push(h);
        }
    }

    /// The headings in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Heading<'_>> + '_ {
        let mut start = 0;
        self.entries.iter().map(move |e| {
            let heading = Heading {
                level: e.level,
                text: self.texts.get(start, e.text_end),
                id: self.texts.get(e.text_end, e.id_end),
                line: e.line as usize,
            };
            start = e.id_end;
            heading
        })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Gives back the room left from growing.
    pub fn shrink_to_fit(&mut self) {
        self.texts.shrink_to_fit();
        self.entries.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_read_back_as_pushed() {
        let written = [
            Heading {
                level: 2,
                text: "Lægevagten",
                id: "laegevagten",
                line: 7,
            },
            Heading {
                level: 3,
                text: "",
                id: "",
                line: 9,
            },
            Heading {
                level: 3,
                text: "Økonomi & «regnskab»",
                id: "penge",
                line: 12,
            },
        ];
        let mut headings = Headings::default();
        assert!(headings.is_empty());
        for h in written {
            headings.push(h);
        }
        assert_eq!(headings.iter().collect::<Vec<_>>(), written);
        let mut twice = headings.clone();
        twice.extend(&headings);
        twice.shrink_to_fit();
        assert_eq!(twice.len(), 6);
        assert_eq!(twice.iter().skip(3).collect::<Vec<_>>(), written);
    }
}
