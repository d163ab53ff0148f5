//! The cards of every document (`context::Card`), each also as a Tera value: made the first time
//! a page lists the document and shared by every page after, since Tera's values share their
//! contents. A list of a thousand documents then costs a thousand cheap copies instead of
//! converting each card again; serve keeps the values between edits and remakes only the cards
//! an edit changed.

use crate::model::Archive;
use crate::render::context::{self, Card};
use std::collections::BTreeMap;
use std::sync::OnceLock;
use tera::Value;

/// Every document's card, in the archive's order, with its Tera value once made.
#[derive(Debug, Default)]
pub struct Cards {
    cards: Vec<Card>,
    values: Vec<OnceLock<Value>>,
}

impl Cards {
    pub fn new(cards: Vec<Card>) -> Self {
        let values = cards.iter().map(|_| OnceLock::new()).collect();
        Cards { cards, values }
    }

    /// The cards of every document of `archive`.
    pub fn of(archive: &Archive) -> Self {
        Self::new(context::cards(archive))
    }

    /// Replaces the card of document `i`; false when it is the card it had.
    pub fn set(&mut self, i: usize, card: Card) -> bool {
        if self.cards[i] == card {
            return false;
        }
        self.cards[i] = card;
        self.values[i] = OnceLock::new();
        true
    }

    /// Document `i`'s card as a Tera value.
    pub fn value(&self, i: usize) -> Value {
        self.values[i]
            .get_or_init(|| Value::from_serializable(&self.cards[i]))
            .clone()
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
