//! The command line's side of printing (`Say`) and of the commands that start a site or a
//! document, and of plain `arkiv`: everything they print comes from `arkiv::core::messages`.

use arkiv::core::i18n::Language;
use arkiv::core::messages::{self, Messages};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub mod help;
pub mod members;
pub mod run;
pub mod usage;

/// What every command needs to know about printing: the language and how much to say.
#[derive(Clone, Copy)]
pub struct Say {
    pub messages: Messages,
    pub quiet: bool,
    pub verbose: bool,
}

impl Say {
    /// A line of progress or summary on stderr; `--quiet` leaves it out.
    pub fn info(&self, line: impl std::fmt::Display) {
        if !self.quiet {
            eprintln!("{line}");
        }
    }

    /// The usage error of a site folder that is not there (exit code 2).
    pub fn not_a_folder(&self, dir: &Path, command: &str) -> ExitCode {
        let m = self.messages;
        eprintln!(
            "{}",
            m.error(
                &m.fill("cli.not_a_folder", &[("dir", &dir.display())]),
                Some(&m.fill("cli.not_a_folder_hint", &[("command", &command)])),
            )
        );
        ExitCode::from(2)
    }
}

/// `arkiv init`: the site's language is `--language`, else the one asked for with `--lang` or
/// the locale, else Danish; the messages follow the site unless `--lang` says otherwise.
pub fn init(
    dir: PathBuf,
    title: Option<String>,
    language: Option<Language>,
    flag: Option<Language>,
    say: Say,
) -> ExitCode {
    let site_language = language
        .or_else(|| messages::override_language(flag))
        .or_else(messages::locale_language)
        .unwrap_or_default();
    let m = Messages::new(messages::override_language(flag).unwrap_or(site_language));
    let options = arkiv::scaffold::init::InitOptions::new(dir.clone(), title, site_language);
    match arkiv::scaffold::init::init(&options, m) {
        Ok(done) => {
            if say.verbose {
                for file in &done.files {
                    eprintln!(
                        "{}",
                        m.fill("init.wrote", &[("path", &dir.join(file).display())])
                    );
                }
            }
            if !say.quiet {
                print!("{}", arkiv::scaffold::init::report(&dir, &done, m));
            }
            ExitCode::SUCCESS
        }
        Err(refusal) => {
            eprintln!("{refusal}");
            ExitCode::from(2)
        }
    }
}

/// `arkiv new`: prints the new file's path on stdout (for scripts), what to do next on stderr.
pub fn new(options: arkiv::scaffold::new::NewOptions, say: Say) -> ExitCode {
    match arkiv::scaffold::new::new_document(&options, say.messages) {
        Ok(created) => {
            println!("{}", created.path.display());
            say.info(arkiv::scaffold::new::report(&created, say.messages).trim_end());
            ExitCode::SUCCESS
        }
        Err(refusal) => {
            eprintln!("{refusal}");
            ExitCode::from(2)
        }
    }
}

/// Plain `arkiv`: in a site's folder, what to type next (exit 0); elsewhere the help (exit 2).
pub fn no_command(mut command: clap::Command, flag: Option<Language>) -> ExitCode {
    let here = Path::new(".");
    if !here.join(arkiv::load::config::CONFIG_FILE).is_file() {
        eprintln!("{}", command.render_help());
        return ExitCode::from(2);
    }
    let m = Messages::new(messages::choose(
        flag,
        arkiv::load::config::site_language(here),
    ));
    let title = arkiv::load::config::SiteConfig::load(here)
        .map(|c| c.title)
        .unwrap_or_else(|_| arkiv::load::config::CONFIG_FILE.to_string());
    let kinds = arkiv::core::kind::Kind::ALL
        .map(arkiv::core::kind::Kind::as_str)
        .join(", ");
    println!("{}", m.fill("next.here", &[("title", &title)]));
    println!("{}", m.get("next.serve"));
    println!("{}", m.fill("next.new", &[("kinds", &kinds)]));
    println!("{}", m.get("next.build"));
    println!("{}", m.get("next.help"));
    ExitCode::SUCCESS
}
