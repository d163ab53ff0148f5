//! Link and PDF index benchmark: what `/links/` and `/pdfs/` and their host, year and website
//! pages cost in a build, and how big each page gets. Generates a synthetic archive (1,000
//! documents by default; set ARKIV_BENCH_DOCS), builds the model once, then times building
//! the link model (check cache read, link index, PDF index, pagination) and rendering the
//! index pages, against rendering every other page.
//!
//! Run with `cargo bench --bench link_index` (release profile). This is a benchmark to report,
//! not a timed test: it asserts nothing about speed.

use arkiv::model::link_model::LinkModel;
use arkiv::render::{Page, Renderer};
use arkiv_gen::bench::bench_site;
use std::time::{Duration, Instant};

/// The best of the runs: on a shared machine the fastest run is the one least disturbed.
fn best(v: Vec<Duration>) -> Duration {
    v.into_iter().min().unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let bench = bench_site(50, 1000, 5);
    let (runs, site, documents) = (bench.runs, &bench.site, bench.summary.documents);
    let (config, theme) = arkiv::pipeline::load_config_and_theme(site).expect("site.yaml");
    let loaded = arkiv::load::content::load(site, false);
    let mut problems = arkiv::core::diagnostics::Diagnostics::default();
    let archive = arkiv::model::build_archive(config, site, loaded, &mut problems);

    let model_times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let (model, _) = LinkModel::build(
                &archive.documents,
                &archive.assets,
                &archive.area,
                &archive.site_root,
            );
            let took = start.elapsed();
            drop(model);
            took
        })
        .collect();
    let renderer = Renderer::new(&archive, &theme).expect("templates");
    let all = renderer.all_pages();
    let is_index = |p: &Page| {
        matches!(
            p,
            Page::Links | Page::Pdfs | Page::LinkHost(..) | Page::PdfGroup(..)
        )
    };
    let (index_pages, other_pages): (Vec<Page>, Vec<Page>) = all.iter().partition(|p| is_index(p));
    let mut render_index = Vec::new();
    let mut render_other = Vec::new();
    let mut files = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        let (f, _) = renderer.render_pages(&index_pages);
        render_index.push(start.elapsed());
        files = f;
        let start = Instant::now();
        let _ = renderer.render_pages(&other_pages);
        render_other.push(start.elapsed());
    }
    let sizes: Vec<(usize, &str)> = files
        .iter()
        .map(|f| (f.contents.len(), f.path.as_str()))
        .collect();
    let largest = sizes.iter().max().copied().unwrap_or((0, ""));
    let of = |path: &str| {
        sizes
            .iter()
            .find(|(_, p)| *p == path)
            .map(|(n, _)| *n)
            .unwrap_or(0)
    };
    println!("link index benchmark: {documents} documents, best of {runs} runs");
    println!(
        "  link model (cache, indexes, pages)  {}",
        ms(best(model_times))
    );
    println!(
        "  render {} index pages              {}",
        index_pages.len(),
        ms(best(render_index))
    );
    println!(
        "  render {} other pages (reference)  {}",
        other_pages.len(),
        ms(best(render_other))
    );
    println!(
        "  sizes: links/ {} KB, pdfs/ {} KB, largest {} KB ({}), all index pages {} KB",
        of("links/index.html") / 1024,
        of("pdfs/index.html") / 1024,
        largest.0 / 1024,
        largest.1,
        sizes.iter().map(|(n, _)| n).sum::<usize>() / 1024
    );
}
