//! `arkiv members add|remove|list`: the arguments, and the call into `arkiv::members`, which
//! does the work and prints in the site's language (Danish when there is no site.yaml).

use super::Say;
use arkiv::core::i18n::Language;
use arkiv::core::messages::Messages;
use arkiv::members::command::{self, Action};
use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand, Clone)]
pub enum MembersCommand {
    /// Give a member a password (asked for twice); a member who has one gets the new one.
    Add {
        /// The member's user name, without spaces or colons, e.g. anna.
        name: String,
        /// The password file [default: members.htpasswd in the site's folder].
        #[arg(long)]
        file: Option<PathBuf>,
        /// The site's folder (holding site.yaml and content/).
        #[arg(long, default_value = ".")]
        site: PathBuf,
    },
    /// Remove a member, so the name can no longer log in.
    Remove {
        /// The member's user name, without spaces or colons, e.g. anna.
        name: String,
        /// The password file [default: members.htpasswd in the site's folder].
        #[arg(long)]
        file: Option<PathBuf>,
        /// The site's folder (holding site.yaml and content/).
        #[arg(long, default_value = ".")]
        site: PathBuf,
    },
    /// List the members' names, one a line.
    List {
        /// The password file [default: members.htpasswd in the site's folder].
        #[arg(long)]
        file: Option<PathBuf>,
        /// The site's folder (holding site.yaml and content/).
        #[arg(long, default_value = ".")]
        site: PathBuf,
    },
}

/// Runs the command; exit code 0 done, 1 failed, 2 usage error.
pub fn run(members: MembersCommand, flag: Option<Language>, say: Say) -> ExitCode {
    let (action, file, site) = match members {
        MembersCommand::Add { name, file, site } => (Action::Add(name), file, site),
        MembersCommand::Remove { name, file, site } => (Action::Remove(name), file, site),
        MembersCommand::List { file, site } => (Action::List, file, site),
    };
    let m = Messages::new(command::language(&site, flag));
    if !site.is_dir() {
        eprintln!(
            "{}",
            m.error(
                &m.fill("cli.not_a_folder", &[("dir", &site.display())]),
                Some(m.get("members.no_site.hint")),
            )
        );
        return ExitCode::from(2);
    }
    let file = command::file_path(&site, file);
    let ask = |name: &str| arkiv::members::password::read_new(name, m);
    ExitCode::from(command::run(&action, &file, m, say.quiet, ask))
}
