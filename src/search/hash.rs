//! The fast hash maps of the indexer.
//!
//! The indexer hashes tens of millions of short words, where the standard library's
//! DoS-resistant hasher is several times slower and its protection buys nothing (the input is
//! the site's own content). rustc-hash's `FxHasher` takes eight bytes at a step.

use std::collections::{HashMap, HashSet};

/// A hash map with the fast hasher.
pub type FastMap<K, V> = HashMap<K, V, rustc_hash::FxBuildHasher>;
/// A hash set with the fast hasher.
pub type FastSet<K> = HashSet<K, rustc_hash::FxBuildHasher>;
