//! `arkiv --help` in the user's language: the texts of every command and option come from
//! the message tables (`help.*`); in Danish the headings and the built-in flags are Danish too.

use arkiv::core::i18n::Language;
use arkiv::core::messages::Messages;
use clap::{Arg, ArgAction, Command};

/// (subcommand, message key of its description); `members add` is `add` under `members`.
const COMMANDS: &[(&str, &str)] = &[
    ("init", "help.init"),
    ("new", "help.new"),
    ("completions", "help.completions"),
    ("check", "help.check"),
    ("serve", "help.serve"),
    ("build", "help.build"),
    ("import", "help.import"),
    ("members", "help.members"),
    ("members add", "help.members.add"),
    ("members remove", "help.members.remove"),
    ("members list", "help.members.list"),
];

/// (subcommand or "" for the global options, argument, message key).
const ARGS: &[(&str, &str, &str)] = &[
    ("", "quiet", "help.quiet"),
    ("", "verbose", "help.verbose"),
    ("", "lang", "help.lang"),
    ("init", "dir", "help.init.dir"),
    ("init", "title", "help.init.title"),
    ("init", "language", "help.init.language"),
    ("new", "kind", "help.new.kind"),
    ("new", "title", "help.new.title"),
    ("new", "date", "help.new.date"),
    ("new", "meeting", "help.new.meeting"),
    ("new", "site", "help.site_dir"),
    ("completions", "shell", "help.completions.shell"),
    ("check", "site_dir", "help.site_dir"),
    ("check", "offline", "help.check.offline"),
    ("check", "format", "help.check.format"),
    ("check", "fresh", "help.check.fresh"),
    ("check", "max_age_hours", "help.check.max_age_hours"),
    ("serve", "site_dir", "help.site_dir"),
    ("serve", "port", "help.serve.port"),
    ("serve", "bind", "help.serve.bind"),
    ("serve", "open", "help.serve.open"),
    ("serve", "drafts", "help.drafts"),
    ("serve", "timings", "help.serve.timings"),
    ("build", "site_dir", "help.site_dir"),
    ("build", "output", "help.build.output"),
    ("build", "drafts", "help.drafts"),
    ("build", "timings", "help.build.timings"),
    ("import", "files", "help.import.files"),
    ("import", "site", "help.site_dir"),
    ("import", "kind", "help.import.kind"),
    ("import", "date", "help.import.date"),
    ("import", "meeting", "help.import.meeting"),
    ("import", "into", "help.import.into"),
    ("import", "draft", "help.import.draft"),
    ("import", "members", "help.import.members"),
    ("members add", "name", "help.members.name"),
    ("members add", "file", "help.members.file"),
    ("members add", "site", "help.site_dir"),
    ("members remove", "name", "help.members.name"),
    ("members remove", "file", "help.members.file"),
    ("members remove", "site", "help.site_dir"),
    ("members list", "file", "help.members.file"),
    ("members list", "site", "help.site_dir"),
];

/// The command line's definition with its help in the language of `m`.
pub fn localize(mut cmd: Command, m: Messages) -> Command {
    cmd = cmd
        .about(m.get("help.about"))
        .after_help(m.get("help.after"));
    for (sub, key) in COMMANDS {
        cmd = at(cmd, sub, |c| c.about(m.get(key)));
    }
    for (sub, arg, key) in ARGS {
        let help = m.get(key);
        cmd = match *sub {
            "" => cmd.mut_arg(arg, |a| a.help(help)),
            sub => at(cmd, sub, |c| c.mut_arg(arg, |a| a.help(help))),
        };
    }
    if m.language == Language::Da {
        cmd = danish_frame(cmd, m, true)
            .disable_version_flag(true)
            .disable_help_subcommand(true)
            .arg(
                Arg::new("version")
                    .short('V')
                    .long("version")
                    .action(ArgAction::Version)
                    .help(m.get("help.version"))
                    .help_heading(m.get("help.heading.options")),
            );
        cmd = cmd.mut_subcommands(|c| danish_frame(c, m, false));
    }
    cmd
}

/// `cmd` with `change` made to its subcommand at `path` (`"members add"`: `add` under `members`).
fn at(cmd: Command, path: &str, change: impl FnOnce(Command) -> Command) -> Command {
    match path.split_once(' ') {
        Some((first, rest)) => cmd.mut_subcommand(first, |c| at(c, rest, change)),
        None => cmd.mut_subcommand(path, change),
    }
}

/// Danish headings and a Danish `--help` for one command and its subcommands.
fn danish_frame(cmd: Command, m: Messages, root: bool) -> Command {
    let options = m.get("help.heading.options");
    let arguments = m.get("help.heading.arguments");
    let template = format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        m.get("help.heading.usage")
    );
    let mut cmd = cmd
        .help_template(template)
        .subcommand_help_heading(m.get("help.heading.commands"))
        .disable_help_flag(true)
        .mut_args(|a| {
            // Global options are copied into subcommands later; they keep the root's heading.
            let heading = if a.is_positional() {
                arguments
            } else {
                options
            };
            a.help_heading(heading)
        })
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(m.get("help.help"))
                .help_heading(options),
        );
    if root || cmd.has_subcommands() {
        cmd = cmd.subcommand_value_name(m.get("help.heading.command_value"));
    }
    if !root && cmd.has_subcommands() {
        cmd = cmd
            .disable_help_subcommand(true)
            .mut_subcommands(|c| danish_frame(c, m, false));
    }
    cmd
}
