//! What each command does once its arguments are read: check, serve, build and import, with
//! their exit codes. `main.rs` only parses the command line and calls these.

use super::Say;
use arkiv::core::diagnostics::Diagnostics;
use arkiv::core::i18n::Language;
use arkiv::pipeline::{build, BuildOptions};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
}

pub fn check(
    site_dir: PathBuf,
    offline: bool,
    format: CheckFormat,
    fresh: bool,
    max_age_hours: u64,
    say: Say,
) -> ExitCode {
    if !site_dir.is_dir() {
        return say.not_a_folder(&site_dir, "check");
    }
    let options = arkiv::check::CheckOptions {
        offline,
        fresh,
        max_age: std::time::Duration::from_secs(max_age_hours.saturating_mul(3600)),
        progress: format == CheckFormat::Human && !say.quiet,
        http: None,
    };
    match arkiv::check::run(&site_dir, &options) {
        Ok(report) => {
            match format {
                CheckFormat::Human if say.quiet && report.all_well() => {}
                CheckFormat::Human => {
                    eprint!("{}", arkiv::check::report::human(&report, say.messages))
                }
                CheckFormat::Json => println!("{}", arkiv::check::report::json(&report)),
            }
            if report.all_well() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(problems) => {
            print_diagnostics(&problems, false, say.messages.language);
            ExitCode::from(1)
        }
    }
}

/// Prints errors, and warnings unless `quiet`.
pub fn print_diagnostics(d: &Diagnostics, quiet: bool, language: Language) {
    for item in &d.items {
        if !quiet || item.severity == arkiv::core::diagnostics::Severity::Error {
            eprintln!("{}", item.localized(language));
        }
    }
}

/// `arkiv serve`: runs until Ctrl-C (exit 0); a port in use or a missing folder is a usage
/// error (exit 2).
pub fn serve(
    site_root: PathBuf,
    port: u16,
    bind: std::net::IpAddr,
    open: bool,
    drafts: bool,
    timings: bool,
    say: Say,
) -> ExitCode {
    if !site_root.is_dir() {
        return say.not_a_folder(&site_root, "serve");
    }
    // Serve keeps everything in memory, so stopping needs no clean-up beyond saying so.
    let stopped = say.messages.get("serve.stopped");
    let _ = ctrlc::set_handler(move || {
        eprintln!("\n{stopped}");
        std::process::exit(0);
    });
    let options = arkiv::serve::ServeOptions {
        site_root,
        port,
        bind,
        open,
        drafts,
        timings: timings || say.verbose,
        quiet: say.quiet,
        messages: say.messages,
    };
    match arkiv::serve::serve(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(problem) => {
            eprintln!("{}", problem.localized(say.messages.language));
            ExitCode::from(2)
        }
    }
}

/// `arkiv build`: exit 0 built, 1 content or template errors, 2 no such folder.
pub fn build_site(
    site_dir: PathBuf,
    output: Option<PathBuf>,
    drafts: bool,
    timings: bool,
    say: Say,
) -> ExitCode {
    if !site_dir.is_dir() {
        return say.not_a_folder(&site_dir, "build");
    }
    // Ctrl-C: remove the staging folder (the published output is untouched) and stop.
    let m = say.messages;
    let interrupted = m.get("output.interrupted");
    let _ = ctrlc::set_handler(move || {
        if arkiv::output::guard::remove_active_staging().is_some() {
            eprintln!("\n{interrupted}");
        }
        std::process::exit(130);
    });
    let started = std::time::Instant::now();
    let options = BuildOptions {
        site_root: site_dir,
        output,
        drafts,
    };
    match build(&options) {
        Ok(report) => {
            print_diagnostics(&report.warnings, say.quiet, say.messages.language);
            if timings || say.verbose {
                let memory = report.timings.memory.iter();
                for ((stage, took), held) in report.timings.stages.iter().zip(memory) {
                    let peak = held.map_or(String::new(), |r| {
                        format!(" {:>6} MB {:>6} MB", r.now >> 20, r.peak >> 20)
                    });
                    eprintln!(
                        "  {:<12} {:>8.1} ms{peak}",
                        m.stage(stage),
                        took.as_secs_f64() * 1000.0
                    );
                }
            }
            let warnings = match report.warnings.warnings().count() {
                0 => String::new(),
                n => m.count("build.warnings", n, &[]),
            };
            let done = m.count(
                "build.done",
                report.documents,
                &[
                    ("output", &report.output.display()),
                    ("pages", &report.pages),
                    ("files", &report.files),
                    ("warnings", &warnings),
                ],
            );
            say.info(done);
            if let Some(folder) = &report.members_folder {
                say.info(m.count(
                    "build.members",
                    report.members_documents,
                    &[("folder", folder)],
                ));
            }
            // Once per build: the public /links/ page only says the links are not checked.
            if report.unchecked_links > 0 {
                say.info(format!(
                    "{}: {}",
                    m.get("label.note"),
                    m.count("links.unchecked", report.unchecked_links, &[])
                ));
            }
            if say.verbose {
                let ms = format!("{:.0}", started.elapsed().as_secs_f64() * 1000.0);
                eprintln!("{}", m.fill("build.took", &[("ms", &ms)]));
            }
            ExitCode::SUCCESS
        }
        Err(problems) => {
            print_diagnostics(&problems, say.quiet, say.messages.language);
            eprintln!(
                "{}",
                m.count("build.failed", problems.errors().count(), &[])
            );
            ExitCode::from(1)
        }
    }
}

/// `arkiv import`: usage problems exit 2 before anything is read.
pub fn import(
    files: Vec<PathBuf>,
    site: PathBuf,
    kind: Option<String>,
    date: Option<String>,
    options: arkiv::import::ImportOptions,
    say: Say,
) -> ExitCode {
    use arkiv::core::diagnostics::Diagnostic;
    use arkiv::core::messages::{msg, Text};
    let usage = |problem: Diagnostic| {
        eprintln!("{}", problem.localized(say.messages.language));
        ExitCode::from(2)
    };
    let mut options = arkiv::import::ImportOptions { site, ..options };
    if let Some(name) = kind {
        match arkiv::core::kind::Kind::parse(&name) {
            Some(k) => options.kind = Some(k),
            None => {
                let hint = arkiv::core::kind::Kind::suggestions(&name).unwrap_or_else(|| {
                    let kinds = arkiv::core::kind::Kind::ALL
                        .map(arkiv::core::kind::Kind::as_str)
                        .join(", ");
                    msg("fm.kind.one_of", &[("kinds", &kinds)])
                });
                return usage(
                    Diagnostic::error(None, msg("fm.kind.unknown", &[("name", &name)])).hint(hint),
                );
            }
        }
    }
    if let Some(text) = date {
        match arkiv::core::dates::Date::parse(&text) {
            Ok(d) => options.date = Some(d),
            Err(e) => {
                let problem = Text {
                    en: format!("--date: {}", e.en),
                    da: e.da.map(|da| format!("--date: {da}")),
                };
                return usage(Diagnostic::error(None, problem));
            }
        }
    }
    if let Err((message, hint)) = arkiv::import::check_usage(&options) {
        return usage(Diagnostic::error(None, message).maybe_hint(hint));
    }
    let summary = arkiv::import::run(
        &files,
        &options,
        say.messages,
        &mut std::io::stdout(),
        &mut std::io::stderr(),
    );
    if summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
