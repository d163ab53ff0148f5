//! Build benchmark: generates a synthetic archive (1,000 documents by default; set
//! ARKIV_BENCH_DOCS) and times the whole build — load, model, render, search index, minify,
//! write — several times, reporting the median and each stage's share.
//!
//! Run with `cargo bench --bench build` (release profile). This is a benchmark to report,
//! not a timed test: it asserts nothing about speed.

use arkiv::pipeline::{build, BuildOptions};
use arkiv_gen::bench::bench_site;
use std::time::{Duration, Instant};

fn main() {
    let bench = bench_site(50, 1000, 5);
    let (runs, summary) = (bench.runs, &bench.summary);
    let options = BuildOptions {
        site_root: bench.site.clone(),
        output: Some(bench.scratch.join("output")),
        drafts: false,
    };
    let mut walls = Vec::new();
    let mut stage_totals: Vec<(&'static str, Duration)> = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        let report = match build(&options) {
            Ok(r) => r,
            Err(problems) => {
                eprintln!("{problems}");
                std::process::exit(1);
            }
        };
        walls.push(start.elapsed());
        for (name, took) in report.timings.stages {
            match stage_totals.iter_mut().find(|(n, _)| *n == name) {
                Some((_, total)) => *total += took,
                None => stage_totals.push((name, took)),
            }
        }
    }
    walls.sort();
    let median = walls[walls.len() / 2];
    println!(
        "build of {} documents ({:.1} MB Markdown): median {:.0} ms over {} runs (min {:.0} ms, max {:.0} ms)",
        summary.documents,
        summary.markdown_bytes as f64 / 1e6,
        median.as_secs_f64() * 1000.0,
        runs,
        walls[0].as_secs_f64() * 1000.0,
        walls[walls.len() - 1].as_secs_f64() * 1000.0
    );
    let total: Duration = stage_totals.iter().map(|(_, d)| *d).sum();
    for (name, took) in &stage_totals {
        println!(
            "  {name:<8} {:>8.1} ms  {:>5.1} %",
            took.as_secs_f64() * 1000.0 / runs as f64,
            100.0 * took.as_secs_f64() / total.as_secs_f64().max(1e-9)
        );
    }
}
