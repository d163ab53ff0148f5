//! The fast hash maps of the indexer.

use std::collections::{HashMap, HashSet};

/// FNV-1a: the indexer hashes tens of millions of short words, where the standard library's
/// DoS-resistant hasher is several times slower and its protection buys nothing (the input is
/// the site's own content).
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A hash map with the fast hasher.
pub type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;
/// A hash set with the fast hasher.
pub type FastSet<K> = HashSet<K, std::hash::BuildHasherDefault<Fnv>>;
