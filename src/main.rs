//! The `arkiv` command: parses arguments and calls the library. Exit codes: 0 built,
//! 1 content or template errors, 2 usage errors.

use arkiv::diagnostics::Diagnostics;
use arkiv::pipeline::{build, BuildOptions};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "arkiv",
    version,
    about = "Build an association's archive of reports, newsletters, slides and meetings"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder.
    Build {
        /// The site's folder (holding site.yaml and content/).
        #[arg(default_value = ".")]
        site_dir: PathBuf,
        /// Where to write the site (default: SITE_DIR/output).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Include documents marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Print the time each stage took.
        #[arg(long)]
        timings: bool,
    },
    /// Write a synthetic archive of N documents (for benchmarks and trying arkiv out).
    Generate {
        /// The folder to write the site into (must be empty or not exist).
        dir: PathBuf,
        /// How many documents.
        #[arg(long, default_value_t = 1000)]
        documents: usize,
        /// Same seed, same site, byte for byte.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

fn print_diagnostics(d: &Diagnostics) {
    for item in &d.items {
        eprintln!("{item}");
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Generate {
            dir,
            documents,
            seed,
        } => {
            let options = arkiv::generate::GenerateOptions { documents, seed };
            match arkiv::generate::generate_site(&dir, &options) {
                Ok(summary) => {
                    eprintln!(
                        "wrote {} documents ({} meetings, {} PDFs, {:.1} MB of Markdown) into {}",
                        summary.documents,
                        summary.meetings,
                        summary.pdfs,
                        summary.markdown_bytes as f64 / 1e6,
                        dir.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: cannot write the site into {}: {e}\n  hint: give a folder that is empty or does not exist yet", dir.display());
                    ExitCode::from(2)
                }
            }
        }
        Command::Build {
            site_dir,
            output,
            drafts,
            timings,
        } => {
            if !site_dir.is_dir() {
                eprintln!("error: {} is not a folder\n  hint: run arkiv build in the site's folder, or give its path: arkiv build path/to/site", site_dir.display());
                return ExitCode::from(2);
            }
            let options = BuildOptions {
                site_root: site_dir,
                output,
                drafts,
            };
            match build(&options) {
                Ok(report) => {
                    print_diagnostics(&report.warnings);
                    if timings {
                        for (stage, took) in &report.timings.stages {
                            eprintln!("  {stage:<8} {:>8.1} ms", took.as_secs_f64() * 1000.0);
                        }
                    }
                    eprintln!(
                        "built {} documents into {} ({} pages, {} files{})",
                        report.documents,
                        report.output.display(),
                        report.pages,
                        report.files,
                        match report.warnings.warnings().count() {
                            0 => String::new(),
                            n => format!(", {n} warnings"),
                        }
                    );
                    ExitCode::SUCCESS
                }
                Err(problems) => {
                    print_diagnostics(&problems);
                    let n = problems.errors().count();
                    eprintln!(
                        "build failed: {n} error{}; the previous output was left as it was",
                        if n == 1 { "" } else { "s" }
                    );
                    ExitCode::from(1)
                }
            }
        }
    }
}
