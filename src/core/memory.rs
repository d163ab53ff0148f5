//! How much memory the build holds, for `--timings` and the benchmarks: the resident size at
//! the end of each stage and the peak so far, read from Linux's `/proc/self/status`. Elsewhere there is no figure (`None`),
//! and nothing else changes.

/// What the process holds now and the most it has held so far, in bytes. The peak is never
/// reset: `/usr/bin/time` and the benchmarks read the same figure at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resident {
    pub now: u64,
    pub peak: u64,
}

/// The process's resident memory now and at its peak so far.
pub fn resident() -> Option<Resident> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let now = parse_kib(&status, "VmRSS:")? * 1024;
    // The kernel updates the peak lazily: it may lag behind the present size by a few pages.
    let peak = (parse_kib(&status, "VmHWM:")? * 1024).max(now);
    Some(Resident { now, peak })
}

/// A `kB` field of `/proc/self/status`.
fn parse_kib(status: &str, field: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with(field))?;
    line[field.len()..].split_whitespace().next()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_field_in_kib() {
        let status = "Name:\tarkiv\nVmPeak:\t  900 kB\nVmHWM:\t  4242 kB\nVmRSS:\t 100 kB\n";
        assert_eq!(parse_kib(status, "VmHWM:"), Some(4242));
        assert_eq!(parse_kib(status, "VmSwap:"), None);
        assert_eq!(parse_kib("VmHWM:\tlots kB\n", "VmHWM:"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn memory_held_shows_now_and_stays_in_the_peak() {
        // Kept from the optimiser, which may drop an allocation no one reads (release builds).
        let held = std::hint::black_box(vec![1u8; 64 << 20]);
        let while_held = resident().map_or(0, |r| r.now);
        assert!(
            while_held >= 64 << 20,
            "{while_held} bytes while holding 64 MiB"
        );
        drop(std::hint::black_box(held));
        // The kernel counts pages in batches per thread, so the figures may differ by a few
        // pages; the 64 MiB held must be in the peak.
        let after = resident().map_or(0, |r| r.peak);
        assert!(after >= 64 << 20, "peak {after} bytes after holding 64 MiB");
    }
}
