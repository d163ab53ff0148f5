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
    /// Check every link: internal ones, then outside ones (cached in .arkiv-linkcheck.json).
    /// Exit code 0: all well; 1: a link is broken; 2: usage error.
    Check {
        /// The site's folder (holding site.yaml and content/).
        #[arg(default_value = ".")]
        site_dir: PathBuf,
        /// Check internal links only; no request leaves this machine.
        #[arg(long)]
        offline: bool,
        /// How to print the result.
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Ask about every outside link again, ignoring cached results.
        #[arg(long)]
        fresh: bool,
        /// Reuse cached results younger than this many hours.
        #[arg(long, default_value_t = 24)]
        max_age_hours: u64,
    },
    /// Preview the site while writing: serve it from memory on this machine, rebuild on every
    /// save and reload open tabs. The published output folder is never touched.
    Serve {
        /// The site's folder (holding site.yaml and content/).
        #[arg(default_value = ".")]
        site_dir: PathBuf,
        /// The port to listen on (0: any free port).
        #[arg(long, short, default_value_t = arkiv::serve::DEFAULT_PORT)]
        port: u16,
        /// The address to listen on; other computers can see the preview unless it is 127.0.0.1.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the preview in the default browser.
        #[arg(long)]
        open: bool,
        /// Include documents marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Print the time each step of a rebuild took.
        #[arg(long)]
        timings: bool,
    },
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
    /// Bring in existing files: PowerPoint (.pptx, .odp), Word (.docx), Excel (.xlsx, .ods) and PDF
    /// become documents under content/, each with its original attached. Prints what it
    /// guessed. Exit code 0: all imported; 1: some could not be; 2: usage error.
    Import {
        /// The files to import; a folder is searched for importable files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The site's folder (holding site.yaml and content/).
        #[arg(long, default_value = ".")]
        site: PathBuf,
        /// The kind of every imported document, instead of guessing it.
        #[arg(long)]
        kind: Option<String>,
        /// The date of every imported document (YYYY-MM-DD), instead of guessing it.
        #[arg(long)]
        date: Option<String>,
        /// The slug of the meeting the documents belong to.
        #[arg(long)]
        meeting: Option<String>,
        /// Where to write, e.g. content/2025/foraarsmoede (default: content/<year>).
        #[arg(long)]
        into: Option<PathBuf>,
        /// Mark the imported documents `draft: true`.
        #[arg(long)]
        draft: bool,
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

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum CheckFormat {
    Human,
    Json,
}

fn check(
    site_dir: PathBuf,
    offline: bool,
    format: CheckFormat,
    fresh: bool,
    max_age_hours: u64,
) -> ExitCode {
    if !site_dir.is_dir() {
        eprintln!("error: {} is not a folder\n  hint: run arkiv check in the site's folder, or give its path: arkiv check path/to/site", site_dir.display());
        return ExitCode::from(2);
    }
    let options = arkiv::linkcheck::CheckOptions {
        offline,
        fresh,
        max_age: std::time::Duration::from_secs(max_age_hours.saturating_mul(3600)),
        progress: format == CheckFormat::Human,
        http: None,
    };
    match arkiv::linkcheck::run(&site_dir, &options) {
        Ok(report) => {
            match format {
                CheckFormat::Human => eprint!("{}", arkiv::linkcheck::report::human(&report)),
                CheckFormat::Json => println!("{}", arkiv::linkcheck::report::json(&report)),
            }
            if report.all_well() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(problems) => {
            print_diagnostics(&problems);
            ExitCode::from(1)
        }
    }
}

fn print_diagnostics(d: &Diagnostics) {
    for item in &d.items {
        eprintln!("{item}");
    }
}

/// `arkiv serve`: runs until Ctrl-C (exit 0); a port in use or a missing folder is a usage
/// error (exit 2).
fn serve(
    site_root: PathBuf,
    port: u16,
    bind: std::net::IpAddr,
    open: bool,
    drafts: bool,
    timings: bool,
) -> ExitCode {
    if !site_root.is_dir() {
        eprintln!("error: {} is not a folder\n  hint: run arkiv serve in the site's folder, or give its path: arkiv serve path/to/site", site_root.display());
        return ExitCode::from(2);
    }
    // Serve keeps everything in memory, so stopping needs no clean-up beyond saying so.
    let _ = ctrlc::set_handler(|| {
        eprintln!("\nstopped serving");
        std::process::exit(0);
    });
    let options = arkiv::serve::ServeOptions {
        site_root,
        port,
        bind,
        open,
        drafts,
        timings,
    };
    match arkiv::serve::serve(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(problem) => {
            eprintln!("{problem}");
            ExitCode::from(2)
        }
    }
}

/// `arkiv import`: usage problems exit 2 before anything is read.
fn import(
    files: Vec<PathBuf>,
    site: PathBuf,
    kind: Option<String>,
    date: Option<String>,
    options: arkiv::import::ImportOptions,
) -> ExitCode {
    let usage = |message: String| {
        eprintln!("error: {message}");
        ExitCode::from(2)
    };
    let mut options = arkiv::import::ImportOptions { site, ..options };
    if let Some(name) = kind {
        match arkiv::kind::Kind::parse(&name) {
            Some(k) => options.kind = Some(k),
            None => {
                let hint = arkiv::kind::Kind::suggestions(&name).unwrap_or_else(|| {
                    format!(
                        "kind must be one of: {}",
                        arkiv::kind::Kind::ALL
                            .map(arkiv::kind::Kind::as_str)
                            .join(", ")
                    )
                });
                return usage(format!("unknown kind \"{name}\"\n  hint: {hint}"));
            }
        }
    }
    if let Some(text) = date {
        match arkiv::dates::Date::parse(&text) {
            Ok(d) => options.date = Some(d),
            Err(e) => return usage(format!("--date: {e}")),
        }
    }
    if let Err(message) = arkiv::import::check_usage(&options) {
        return usage(message);
    }
    let summary = arkiv::import::run(
        &files,
        &options,
        &mut std::io::stdout(),
        &mut std::io::stderr(),
    );
    if summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Import {
            files,
            site,
            kind,
            date,
            meeting,
            into,
            draft,
        } => import(
            files,
            site,
            kind,
            date,
            arkiv::import::ImportOptions {
                meeting,
                into,
                draft,
                ..Default::default()
            },
        ),
        Command::Serve {
            site_dir,
            port,
            bind,
            open,
            drafts,
            timings,
        } => serve(site_dir, port, bind, open, drafts, timings),
        Command::Check {
            site_dir,
            offline,
            format,
            fresh,
            max_age_hours,
        } => check(site_dir, offline, format, fresh, max_age_hours),
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
