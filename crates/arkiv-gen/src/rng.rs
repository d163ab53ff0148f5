//! The generator's own pseudo-random numbers.
//!
//! The archive must be byte-identical for the same seed on every machine and
//! with every version of the dependencies, so the generator carries its own
//! tiny SplitMix64 instead of relying on a crate whose stream may change.

/// SplitMix64: tiny, fast, and identical everywhere.
#[derive(Clone)]
pub(super) struct Rng(u64);

impl Rng {
    /// Starts a stream; every document has its own seed, so documents can be
    /// written in any order.
    pub(super) fn new(seed: u64) -> Self {
        Rng(seed)
    }
    /// The next raw 64 bits, used for seeding per-document streams.
    pub(super) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    pub(super) fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }
    /// Uniform in `lo..=hi`.
    pub(super) fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    /// True with the given probability in percent, for optional parts.
    pub(super) fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    /// A uniformly chosen element of a non-empty slice.
    pub(super) fn pick<T: Copy>(&mut self, s: &[T]) -> T {
        s[self.below(s.len())]
    }
    /// Biased towards the start of the slice, giving a Zipf-like spread.
    pub(super) fn pick_skewed<T: Copy>(&mut self, s: &[T]) -> T {
        let a = self.below(s.len());
        let b = self.below(s.len());
        s[a.min(b)]
    }
}

#[cfg(test)]
mod tests {
    use super::Rng;

    #[test]
    fn same_seed_same_stream_and_ranges_hold() {
        let mut a = Rng::new(5);
        let mut b = Rng::new(5);
        let xs: Vec<u64> = (0..8).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..8).map(|_| b.next_u64()).collect();
        assert_eq!(xs, ys);
        assert_ne!(xs[0], Rng::new(6).next_u64());
        let mut r = Rng::new(1);
        let mut seen = [false; 4];
        for _ in 0..1000 {
            let v = r.range(3, 6);
            assert!((3..=6).contains(&v));
            seen[v - 3] = true;
        }
        assert!(seen.iter().all(|&s| s), "every value in range is drawn");
    }

    #[test]
    fn skewed_pick_favours_the_start() {
        let mut r = Rng::new(9);
        let s = [0usize, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        let low = (0..2000).filter(|_| r.pick_skewed(&s) < 5).count();
        // Minimum of two uniform draws: P(< 5) = 1 - (1/2)^2 = 75%.
        assert!(low > 1350 && low < 1650, "low picks: {low}");
    }
}
