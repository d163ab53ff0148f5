//! The cards of every document (`context::Card`), and for serve each also as a Tera value: made
//! the first time a page lists the document and shared by every page after, since Tera's values
//! share their contents. A list of a thousand documents then costs a thousand cheap copies
//! instead of converting each card again; serve keeps the values between edits and remakes only
//! the cards an edit changed. A build converts a card each time a page lists it: the values
//! are 1.2 KB a card, 120 MB at 100,000 documents, and keeping them saved no time it could
//! measure (render took 1.80–1.84 s at 10,000 documents with them, 1.80–1.95 s without).

use crate::model::Archive;
use crate::render::context::{self, Card};
use std::collections::BTreeMap;
use std::sync::OnceLock;
use tera::Value;

/// Every document's card, in the archive's order, with its Tera value once made where the
/// values are kept.
#[derive(Debug, Default)]
pub struct Cards {
    cards: Vec<Card>,
    /// One place per card, or none where the values are not kept.
    values: Vec<OnceLock<Value>>,
}

impl Cards {
    /// The cards, each keeping its Tera value once made.
    pub fn new(cards: Vec<Card>) -> Self {
        let values = cards.iter().map(|_| OnceLock::new()).collect();
        Cards { cards, values }
    }

    /// The cards of every document of `archive`, keeping their values (serve).
    pub fn of(archive: &Archive) -> Self {
        Self::new(context::cards(archive))
    }

    /// The cards of every document of `archive`, made into values each time a page lists them
    /// (a build, which renders each page once).
    pub fn uncached(archive: &Archive) -> Self {
        Cards {
            cards: context::cards(archive),
            values: Vec::new(),
        }
    }

    /// Replaces the card of document `i`; false when it is the card it had.
    pub fn set(&mut self, i: usize, card: Card) -> bool {
        if self.cards[i] == card {
            return false;
        }
        self.cards[i] = card;
        if let Some(value) = self.values.get_mut(i) {
            *value = OnceLock::new();
        }
        true
    }

    /// Document `i`'s card as a Tera value.
    pub fn value(&self, i: usize) -> Value {
        let make = || Value::from_serializable(&self.cards[i]);
        match self.values.get(i) {
            Some(value) => value.get_or_init(make).clone(),
            None => make(),
        }
    }

    /// The cards of `documents`, as a Tera list.
    pub fn list(&self, documents: impl Iterator<Item = usize>) -> Value {
        Value::from(documents.map(|i| self.value(i)).collect::<Vec<_>>())
    }

    /// `documents` grouped by year, newest year first (how long lists stay readable): each
    /// group's `year`, `count` and `documents`.
    pub fn by_year(&self, documents: &[usize]) -> Vec<(Option<i32>, Value)> {
        let mut groups: Vec<(Option<i32>, Vec<usize>)> = Vec::new();
        for &i in documents {
            let year = self.cards[i].year;
            match groups.last_mut() {
                Some((y, list)) if *y == year => list.push(i),
                _ => groups.push((year, vec![i])),
            }
        }
        groups
            .into_iter()
            .map(|(year, list)| {
                let group = map([
                    ("year", Value::from(year)),
                    ("count", Value::from(list.len())),
                    ("documents", self.list(list.into_iter())),
                ]);
                (year, group)
            })
            .collect()
    }
}

impl std::ops::Deref for Cards {
    type Target = [Card];
    fn deref(&self) -> &[Card] {
        &self.cards
    }
}

/// A Tera map from its entries.
pub fn map<const N: usize>(entries: [(&'static str, Value); N]) -> Value {
    Value::from(BTreeMap::from(entries))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(title: &str) -> Card {
        Card {
            title: title.to_string(),
            url: "2025/beretning/".to_string(),
            date: "2025-03-01".to_string(),
            date_long: "1. marts 2025".to_string(),
            date_short: "1.3.2025".to_string(),
            year: Some(2025),
            kind: "chairman-report",
            kind_label: "Formandens beretning",
            summary: "Året i foreningen.".to_string(),
            committee: None,
            meeting_title: None,
            attachments: Vec::new(),
            slide_count: 0,
            members_only: false,
        }
    }

    /// Kept or made each time, a card's value is the same, also after an edit changed it.
    #[test]
    fn kept_and_unkept_values_agree() {
        let title = |v: Value| {
            let map = v.as_map()?;
            let title = map.get(&tera::value::Key::Str("title"))?;
            title.as_str().map(str::to_string)
        };
        let mut kept = Cards::new(vec![card("Beretning")]);
        let mut made = Cards {
            cards: vec![card("Beretning")],
            values: Vec::new(),
        };
        for cards in [&mut kept, &mut made] {
            assert_eq!(title(cards.value(0)), Some("Beretning".to_string()));
            assert!(!cards.set(0, card("Beretning")));
            assert!(cards.set(0, card("Årsberetning")));
            assert_eq!(title(cards.value(0)), Some("Årsberetning".to_string()));
        }
        assert_eq!(kept.value(0), made.value(0));
        assert!(made.values.is_empty());
    }
}
