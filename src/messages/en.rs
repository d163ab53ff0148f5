//! English messages. Every key here is also in `da.rs`, with the same `{placeholders}`.
//! Keys ending in `.one` and `.other` are the singular and plural of one message.

pub const MESSAGES: &[(&str, &str)] = &[
    ("label.error", "error"),
    ("label.hint", "hint"),
    ("label.note", "note"),
    ("hint.did_you_mean", "did you mean \"{a}\"?"),
    ("hint.did_you_mean_two", "did you mean \"{a}\" or \"{b}\"?"),
    // Any command given a site folder that is not there.
    ("cli.not_a_folder", "{dir} is not a folder"),
    (
        "cli.not_a_folder_hint",
        "run arkiv {command} in the site's folder, or give its path: arkiv {command} path/to/site",
    ),
    // Plain `arkiv` in a site's folder.
    ("next.here", "This folder holds an arkiv site: {title}. What to type next:"),
    ("next.serve", "  arkiv serve --open      see the site in the browser while you write"),
    (
        "next.new",
        "  arkiv new meeting \"Board meeting\"   write a new document (kinds: {kinds})",
    ),
    ("next.build", "  arkiv build             build the finished site into the folder output/"),
    ("next.help", "arkiv --help lists every command."),
    // arkiv build
    (
        "build.done.one",
        "built 1 document into {output} ({pages} pages, {files} files{warnings})",
    ),
    (
        "build.done.other",
        "built {n} documents into {output} ({pages} pages, {files} files{warnings})",
    ),
    ("build.warnings.one", ", 1 warning"),
    ("build.warnings.other", ", {n} warnings"),
    (
        "build.failed.one",
        "build failed: 1 error; the previous output was left as it was",
    ),
    (
        "build.failed.other",
        "build failed: {n} errors; the previous output was left as it was",
    ),
    ("build.took", "took {ms} ms in all"),
    // arkiv generate
    (
        "generate.done",
        "wrote {documents} documents ({meetings} meetings, {pdfs} PDFs, {mb} MB of Markdown) into {dir}",
    ),
    ("generate.failed", "cannot write the site into {dir}: {reason}"),
    ("generate.failed_hint", "give a folder that is empty or does not exist yet"),
    // arkiv serve
    ("serve.where", "serving {dir} at {url} (press Ctrl-C to stop)"),
    (
        "serve.opened",
        "The preview opens in your browser. Keep this window open while you write: the page updates each time you save. Press Ctrl-C here to stop.",
    ),
    (
        "serve.open_failed",
        "could not open a browser ({reason}); open {url} yourself",
    ),
    (
        "serve.listening_everywhere",
        "listening on {bind} — other computers on the network can see the preview",
    ),
    ("serve.stopped", "stopped serving"),
    // arkiv init
    ("init.default_title", "Chestnut Court Residents' Association"),
    ("init.not_a_folder", "{dir} is a file, not a folder"),
    ("init.not_a_folder_hint", "give the name of a new folder: arkiv init my-association"),
    ("init.site_exists", "{dir} already holds a site ({what} is there); nothing was written"),
    (
        "init.site_exists_hint",
        "arkiv init never overwrites: give a new folder (arkiv init my-association), or work on the site that is there (arkiv serve --open)",
    ),
    ("init.file_exists", "{path} is already there; nothing was written"),
    ("init.empty_title", "the title is empty"),
    ("init.empty_title_hint", "give the association's name: arkiv init --title \"Name of the association\""),
    ("init.cannot_write", "cannot write {path}: {reason}"),
    ("init.cannot_write_hint", "choose a folder you may write in, such as one in your Documents folder"),
    ("init.done", "Made a new site in {dir}."),
    ("init.change_title", "The association's name is a made-up one: change `title:` in site.yaml."),
    ("init.next", "Next, type:"),
    ("init.read_me", "{readme} in the site's folder says what to do after that."),
    ("init.wrote", "  wrote {path}"),
    // arkiv new
    ("new.no_site", "{dir} holds no site (there is no site.yaml)"),
    (
        "new.no_site_hint",
        "run arkiv new in the site's folder, give it with --site path/to/site, or start a site with arkiv init",
    ),
    ("new.unknown_kind", "unknown kind \"{kind}\""),
    ("new.kinds", "the kinds are: {kinds}"),
    ("new.no_slug", "the title \"{title}\" has no letters or digits to name the file by"),
    ("new.no_slug_hint", "give a title with words: arkiv new meeting \"Annual general meeting 2026\""),
    ("new.bad_date", "\"{date}\" is not a date in the form YYYY-MM-DD"),
    ("new.bad_date_hint", "write the date as year-month-day, e.g. --date 2026-04-23"),
    ("new.meeting_not_allowed", "a {kind} cannot belong to a meeting"),
    (
        "new.meeting_not_allowed_hint",
        "leave out --meeting; a meeting's documents name it with --meeting when they are made",
    ),
    ("new.unknown_meeting", "there is no meeting \"{meeting}\""),
    ("new.no_meetings", "the site has no meetings yet: make one with arkiv new meeting \"Annual general meeting 2026\""),
    ("new.meetings_are", "the site's meetings are: {meetings}"),
    ("new.exists", "{path} is already there; it was left as it was"),
    ("new.address_taken", "{path} already has this address ({slug}); the site would not build with both"),
    ("new.exists_hint", "open that file, or give the new document another title"),
    ("new.cannot_write", "cannot write {path}: {reason}"),
    ("new.fill_committee", "Write the committee's name after `committee:` in the file."),
    (
        "new.next",
        "Open the file in your text editor and write. See it with: arkiv serve --open",
    ),
    // arkiv --help
    ("help.about", "Build an association's archive of reports, newsletters, slides and meetings"),
    (
        "help.after",
        "Start a site: arkiv init my-association --title \"Name of the association\"\nThen, in its folder: arkiv new meeting \"Annual general meeting\", arkiv serve --open, arkiv build",
    ),
    ("help.heading.usage", "Usage:"),
    ("help.heading.commands", "Commands"),
    ("help.heading.command_value", "COMMAND"),
    ("help.heading.arguments", "Arguments"),
    ("help.heading.options", "Options"),
    ("help.help", "Print help"),
    ("help.version", "Print version"),
    ("help.quiet", "Print only errors"),
    ("help.verbose", "Print more: the time each stage took, every file written"),
    (
        "help.lang",
        "The language of arkiv's messages [default: ARKIV_LANG, else the site's `language:`, else LANG]",
    ),
    (
        "help.init",
        "Start a new site: site.yaml with every setting explained, an example of each kind of document, and a note on what to do next. Never overwrites anything",
    ),
    ("help.init.dir", "The folder for the new site (made if it does not exist)"),
    ("help.init.title", "The association's name, shown on every page"),
    (
        "help.init.language",
        "The site's language: Danish or English [default: da, or en if LANG says English]",
    ),
    (
        "help.new",
        "Start a new document: content/<year>/<slug>.md with the front matter its kind needs",
    ),
    (
        "help.new.kind",
        "chairman-report, committee-report, newsletter, slides, minutes, accounts, meeting or page (Danish words work too: møde, beretning, referat, regnskab, nyhedsbrev …)",
    ),
    ("help.new.title", "The document's title; the file is named after it"),
    ("help.new.date", "The date, YYYY-MM-DD [default: today in Copenhagen]; a page has none"),
    ("help.new.meeting", "The slug of the meeting the document belongs to (it must exist)"),
    (
        "help.completions",
        "Print a shell completion script: arkiv completions bash > ~/.local/share/bash-completion/completions/arkiv",
    ),
    ("help.completions.shell", "bash, zsh, fish, powershell or elvish"),
    (
        "help.check",
        "Check every link: internal ones, then outside ones (cached in .arkiv-linkcheck.json). Exit code 0: all well; 1: a link is broken; 2: usage error",
    ),
    ("help.check.offline", "Check internal links only; no request leaves this machine"),
    ("help.check.format", "How to print the result"),
    ("help.check.fresh", "Ask about every outside link again, ignoring cached results"),
    ("help.check.max_age_hours", "Reuse cached results younger than this many hours"),
    (
        "help.serve",
        "Preview the site while writing: serve it from memory on this machine, rebuild on every save and reload open tabs. The published output folder is never touched",
    ),
    ("help.serve.port", "The port to listen on (0: any free port)"),
    (
        "help.serve.bind",
        "The address to listen on; other computers can see the preview unless it is 127.0.0.1",
    ),
    ("help.serve.open", "Open the preview in the default browser"),
    ("help.serve.timings", "Print the time each step of a rebuild took"),
    ("help.build", "Build the site into the output folder"),
    ("help.build.output", "Where to write the site (default: SITE_DIR/output)"),
    ("help.build.timings", "Print the time each stage took"),
    ("help.site_dir", "The site's folder (holding site.yaml and content/)"),
    ("help.drafts", "Include documents marked `draft: true`"),
    (
        "help.generate",
        "Write a synthetic archive of N documents (for benchmarks and trying arkiv out)",
    ),
    ("help.generate.dir", "The folder to write the site into (must be empty or not exist)"),
    ("help.generate.documents", "How many documents"),
    ("help.generate.seed", "Same seed, same site, byte for byte"),
];
