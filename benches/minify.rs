//! What minify-html would cost and save on the pages arkiv writes: builds a generated archive
//! (1,000 documents; `ARKIV_BENCH_DOCS` to change), then runs minify-html over every HTML page
//! of the output and reports the time it took against the build's, and the bytes it saved.
//! The theme's CSS and JavaScript are minified in every build (see `render::minify`); this
//! measures whether the pages should be too.
//!
//! Run with `cargo bench --bench minify`. A benchmark to report, not a timed test.

use arkiv::pipeline::{build, BuildOptions};
use arkiv_gen::bench::bench_site;
use std::time::{Duration, Instant};

fn html_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect()
}

fn main() {
    let bench = bench_site(30, 1000, 3);
    let output = bench.scratch.join("output");
    let options = BuildOptions {
        site_root: bench.site.clone(),
        output: Some(output.clone()),
        drafts: false,
    };
    let mut builds = Vec::new();
    for _ in 0..bench.runs {
        let start = Instant::now();
        if let Err(problems) = build(&options) {
            eprintln!("{problems}");
            std::process::exit(1);
        }
        builds.push(start.elapsed());
    }
    builds.sort();
    let build_time = builds[builds.len() / 2];

    let pages: Vec<Vec<u8>> = html_files(&output)
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .collect();
    let cfg = minify_html::Cfg {
        minify_css: true,
        minify_js: true,
        ..minify_html::Cfg::default()
    };
    let mut times = Vec::new();
    let mut after = 0usize;
    for _ in 0..bench.runs {
        let start = Instant::now();
        // One thread per core, as the render stage would run it.
        use rayon::prelude::*;
        after = pages
            .par_iter()
            .map(|p| minify_html::minify(p, &cfg).len())
            .sum();
        times.push(start.elapsed());
    }
    times.sort();
    let minify_time: Duration = times[times.len() / 2];
    let before: usize = pages.iter().map(Vec::len).sum();
    println!(
        "{} documents, {} pages, {:.1} MB of HTML: build {:.0} ms; minify-html over every page {:.0} ms (+{:.0} % build time) saves {:.1} % of the bytes ({:.1} MB)",
        bench.summary.documents,
        pages.len(),
        before as f64 / 1e6,
        build_time.as_secs_f64() * 1000.0,
        minify_time.as_secs_f64() * 1000.0,
        100.0 * minify_time.as_secs_f64() / build_time.as_secs_f64().max(1e-9),
        100.0 * (before - after.min(before)) as f64 / before.max(1) as f64,
        (before - after.min(before)) as f64 / 1e6,
    );
}
