//! The `arkiv` command: parses arguments and calls the library. Exit codes: 0 built,
//! 1 content or template errors, 2 usage errors.

use arkiv::core::i18n::Language;
use arkiv::core::messages::{self, Messages};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use cli::run::{build_site, check, import, serve, CheckFormat};
use cli::Say;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod cli;

/// mimalloc instead of the system allocator: a build makes and drops millions of small strings
/// and Tera values, and glibc's malloc and free were a sixth of its time (issue 17's profile).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "arkiv",
    version,
    about = "Build an association's archive of reports, newsletters, slides and meetings",
    after_help = "Start a site: arkiv init my-association --title \"Name of the association\"\nThen, in its folder: arkiv new meeting \"Annual general meeting\", arkiv serve --open, arkiv build"
)]
struct Cli {
    /// Print only errors.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Print more: the time each stage took, every file written.
    #[arg(long, short, global = true)]
    verbose: bool,
    /// The language of arkiv's messages [default: ARKIV_LANG, else the site's `language:`,
    /// else LANG].
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum LangArg {
    Da,
    En,
}

impl From<LangArg> for Language {
    fn from(lang: LangArg) -> Language {
        match lang {
            LangArg::Da => Language::Da,
            LangArg::En => Language::En,
        }
    }
}

#[derive(Subcommand, Clone)]
enum Command {
    /// Start a new site: site.yaml with every setting explained, an example of each kind of
    /// document, and a note on what to do next. Never overwrites anything.
    Init {
        /// The folder for the new site (made if it does not exist).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The association's name, shown on every page.
        #[arg(long)]
        title: Option<String>,
        /// The site's language: Danish or English [default: da, or en if LANG says English].
        #[arg(long, value_enum)]
        language: Option<LangArg>,
    },
    /// Start a new document: content/<year>/<slug>.md with the front matter its kind needs.
    New {
        /// chairman-report, committee-report, newsletter, slides, minutes, accounts, meeting
        /// or page (Danish words work too: møde, beretning, referat, regnskab, nyhedsbrev …).
        kind: String,
        /// The document's title; the file is named after it.
        title: String,
        /// The date, YYYY-MM-DD [default: today in Copenhagen]; a page has none.
        #[arg(long)]
        date: Option<String>,
        /// The slug of the meeting the document belongs to (it must exist).
        #[arg(long)]
        meeting: Option<String>,
        /// The site's folder (holding site.yaml and content/).
        #[arg(long, default_value = ".")]
        site: PathBuf,
    },
    /// Print a shell completion script: arkiv completions bash > ~/.local/share/bash-completion/completions/arkiv
    Completions {
        /// bash, zsh, fish, powershell or elvish.
        shell: clap_complete::Shell,
    },
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
        /// Mark the imported documents `access: members`: published only in the members' area.
        #[arg(long)]
        members: bool,
    },
    /// The members' area's passwords: add, remove or list the members in members.htpasswd.
    /// Exit code 0: done; 1: failed; 2: usage error.
    Members {
        #[command(subcommand)]
        action: cli::members::MembersCommand,
    },
}

/// `--lang` as given on the command line, read before clap so that `--help` is in that language.
fn lang_in_args() -> Option<Language> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .enumerate()
        .find_map(|(i, arg)| match arg.strip_prefix("--lang") {
            Some("") => args.get(i + 1).and_then(|v| messages::parse_language(v)),
            Some(rest) => rest.strip_prefix('=').and_then(messages::parse_language),
            None => None,
        })
}

/// The site the command line names (`--site DIR`, or a folder argument holding site.yaml),
/// else the current folder: its language is the language of the help and of usage errors.
fn site_in_args() -> PathBuf {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut named = None;
    for (i, arg) in args.iter().enumerate() {
        if arg == "--site" {
            named = args.get(i + 1).map(PathBuf::from);
        } else if let Some(dir) = arg.strip_prefix("--site=") {
            named = Some(PathBuf::from(dir));
        } else if !arg.starts_with('-')
            && named.is_none()
            && Path::new(arg)
                .join(arkiv::load::config::CONFIG_FILE)
                .is_file()
        {
            named = Some(PathBuf::from(arg));
        }
    }
    named.unwrap_or_else(|| PathBuf::from("."))
}

/// The command line's definition with its help in `language`.
fn command_line(language: Language) -> clap::Command {
    cli::help::localize(Cli::command(), Messages::new(language))
}

fn main() -> ExitCode {
    // Before the arguments are understood: the language of the site they name, or of `LANG`.
    let language = messages::choose(
        lang_in_args(),
        arkiv::load::config::site_language(&site_in_args()),
    );
    messages::set_printed(language);
    let matches = match command_line(language).try_get_matches() {
        Ok(matches) => matches,
        Err(e) => return cli::usage::report(e, Messages::new(language)),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => return cli::usage::report(e, Messages::new(language)),
    };
    let flag = cli.lang.map(Language::from);
    let say = |site: Option<&Path>| {
        let language = messages::choose(flag, site.and_then(arkiv::load::config::site_language));
        messages::set_printed(language);
        Say {
            messages: Messages::new(language),
            quiet: cli.quiet,
            verbose: cli.verbose,
        }
    };
    let Some(command) = &cli.command else {
        return cli::no_command(command_line(language), flag);
    };
    match command.clone() {
        Command::Init {
            dir,
            title,
            language,
        } => cli::init(
            dir,
            title,
            language.map(Language::from),
            cli.lang.map(Language::from),
            say(None),
        ),
        Command::New {
            kind,
            title,
            date,
            meeting,
            site,
        } => {
            let options = arkiv::scaffold::new::NewOptions {
                kind,
                title,
                date,
                meeting,
                language: arkiv::load::config::site_language(&site).unwrap_or_default(),
                site: site.clone(),
            };
            cli::new(options, say(Some(&site)))
        }
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut command_line(language),
                "arkiv",
                &mut std::io::stdout(),
            );
            ExitCode::SUCCESS
        }
        Command::Import {
            files,
            site,
            kind,
            date,
            meeting,
            into,
            draft,
            members,
        } => {
            let say = say(Some(&site));
            let options = arkiv::import::ImportOptions {
                meeting,
                into,
                draft,
                members,
                ..Default::default()
            };
            import(files, site, kind, date, options, say)
        }
        Command::Serve {
            site_dir,
            port,
            bind,
            open,
            drafts,
            timings,
        } => {
            let say = say(Some(&site_dir));
            serve(site_dir, port, bind, open, drafts, timings, say)
        }
        Command::Check {
            site_dir,
            offline,
            format,
            fresh,
            max_age_hours,
        } => {
            let say = say(Some(&site_dir));
            check(site_dir, offline, format, fresh, max_age_hours, say)
        }
        Command::Members { action } => cli::members::run(action, flag, say(None)),
        Command::Build {
            site_dir,
            output,
            drafts,
            timings,
        } => {
            let say = say(Some(&site_dir));
            build_site(site_dir, output, drafts, timings, say)
        }
    }
}
