//! `arkiv members add NAME`, `remove NAME` and `list`: the local password file, read, changed
//! in memory and written back whole through a temporary file in the same folder, so an
//! interrupted write never leaves half a file.

use super::htpasswd::{self, Htpasswd};
use crate::core::diagnostics::{display_path, Diagnostic};
use crate::core::language::Language;
use crate::core::messages::{self, msg, Messages};
use std::path::{Path, PathBuf};

/// The password file's name in the site's folder: outside `content/` and `output/`, so the
/// build never publishes it.
pub const DEFAULT_FILE: &str = "members.htpasswd";

/// What to do with the password file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Add(String),
    Remove(String),
    List,
}

/// The password file: `file` when given, else `members.htpasswd` in the site's folder.
pub fn file_path(site: &Path, file: Option<PathBuf>) -> PathBuf {
    match file {
        Some(file) => file,
        None if site == Path::new(".") => PathBuf::from(DEFAULT_FILE),
        None => site.join(DEFAULT_FILE),
    }
}

/// The language of the messages: `--lang` or `ARKIV_LANG`, else the site's (when `site` has
/// a site.yaml), else Danish.
pub fn language(site: &Path, flag: Option<Language>) -> Language {
    messages::override_language(flag)
        .or_else(|| {
            crate::load::config::SiteConfig::load(site)
                .map(|config| config.language)
                .ok()
                .or_else(|| crate::load::config::site_language(site))
        })
        .unwrap_or(Language::Da)
}

/// What went well.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    Added,
    Replaced,
    Removed,
    Listed(Vec<String>),
}

/// What went wrong; `usage` when it was the command line's fault (exit code 2, else 1).
#[derive(Debug, Clone)]
pub struct Failure {
    pub problem: Diagnostic,
    pub usage: bool,
}

impl From<Diagnostic> for Failure {
    fn from(problem: Diagnostic) -> Failure {
        Failure {
            problem,
            usage: false,
        }
    }
}

/// Does `action` on `file`. `ask` gives the new password for a name; it is asked only once
/// the name and the file are known to be fine. Malformed lines go into `warnings`.
pub fn apply(
    action: &Action,
    file: &Path,
    ask: impl FnOnce(&str) -> Result<String, Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Done, Failure> {
    match action {
        Action::Add(name) => {
            htpasswd::check_name(name).map_err(|problem| Failure {
                problem,
                usage: true,
            })?;
            let mut members = read(file, warnings)?.unwrap_or_default();
            let password = ask(name)?;
            let replaced = members.set(name, htpasswd::hash(&password)?);
            write(file, &members)?;
            Ok(if replaced {
                Done::Replaced
            } else {
                Done::Added
            })
        }
        Action::Remove(name) => {
            let mut members = read(file, warnings)?.ok_or_else(|| no_file(file))?;
            if !members.remove(name) {
                return Err(unknown(name, file, &members).into());
            }
            write(file, &members)?;
            Ok(Done::Removed)
        }
        Action::List => {
            let members = read(file, warnings)?.ok_or_else(|| no_file(file))?;
            Ok(Done::Listed(
                members.names().into_iter().map(str::to_string).collect(),
            ))
        }
    }
}

/// Runs `action` as the command line does: names on stdout, everything else on stderr in the
/// language of `m`. Returns the exit code: 0 done, 1 failed, 2 usage error.
pub fn run(
    action: &Action,
    file: &Path,
    m: Messages,
    quiet: bool,
    ask: impl FnOnce(&str) -> Result<String, Diagnostic>,
) -> u8 {
    let mut warnings = Vec::new();
    let result = apply(action, file, ask, &mut warnings);
    if !quiet {
        for warning in &warnings {
            eprintln!("{}", warning.localized(m.language));
        }
    }
    let shown = display_path(file);
    let say = |line: String| {
        if !quiet {
            eprintln!("{line}");
        }
    };
    let upload = || {
        say(format!(
            "{}: {}",
            m.get("label.note"),
            m.fill("members.upload", &[("file", &shown)])
        ))
    };
    match result {
        Ok(Done::Added) | Ok(Done::Replaced) | Ok(Done::Removed) => {
            let (key, name) = match (&result, action) {
                (Ok(Done::Added), Action::Add(name)) => ("members.added", name),
                (Ok(Done::Replaced), Action::Add(name)) => ("members.replaced", name),
                (_, Action::Remove(name)) => ("members.removed", name),
                _ => ("members.added", &String::new()),
            };
            say(m.fill(key, &[("name", name), ("file", &shown)]));
            upload();
            0
        }
        Ok(Done::Listed(names)) => {
            if names.is_empty() {
                say(m.fill("members.none", &[("file", &shown)]));
            } else {
                say(m.count("members.count", names.len(), &[("file", &shown)]));
            }
            for name in names {
                println!("{name}");
            }
            0
        }
        Err(failure) => {
            eprintln!("{}", failure.problem.localized(m.language));
            if failure.usage {
                2
            } else {
                1
            }
        }
    }
}

/// The file's members, or `None` when there is no file yet.
fn read(file: &Path, warnings: &mut Vec<Diagnostic>) -> Result<Option<Htpasswd>, Diagnostic> {
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(Diagnostic::error(
                Some(file.to_path_buf()),
                msg("members.read_failed", &[("error", &e)]),
            ))
        }
    };
    let text = String::from_utf8(bytes).map_err(|_| {
        Diagnostic::error(Some(file.to_path_buf()), msg("file.not_utf8", &[]))
            .hint(msg("file.not_utf8.hint", &[]))
    })?;
    let (members, found) = Htpasswd::parse(&text, file);
    warnings.extend(found);
    Ok(Some(members))
}

/// Writes `members` to `file` through a temporary file beside it, then renames it into place:
/// the old file stays whole until the new one is complete. Keeps the old file's permissions.
fn write(file: &Path, members: &Htpasswd) -> Result<(), Diagnostic> {
    // Through a symbolic link, the file it points to is the one to replace.
    let target = std::fs::canonicalize(file).unwrap_or_else(|_| file.to_path_buf());
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| DEFAULT_FILE.to_string());
    let temporary = folder.join(format!(".{name}.arkiv-{}.tmp", std::process::id()));
    let failed = |e: std::io::Error| {
        let _ = std::fs::remove_file(&temporary);
        Diagnostic::error(
            Some(file.to_path_buf()),
            msg("members.write_failed", &[("error", &e)]),
        )
        .hint(msg("members.write_failed.hint", &[]))
    };
    let written = (|| {
        use std::io::Write;
        let mut out = std::fs::File::create_new(&temporary)?;
        out.write_all(members.to_text().as_bytes())?;
        if let Ok(old) = std::fs::metadata(&target) {
            out.set_permissions(old.permissions())?;
        }
        out.sync_all()?;
        std::fs::rename(&temporary, &target)
    })();
    written.map_err(failed)
}

fn no_file(file: &Path) -> Diagnostic {
    Diagnostic::error(Some(file.to_path_buf()), msg("members.no_file", &[]))
        .hint(msg("members.no_file.hint", &[]))
}

fn unknown(name: &str, file: &Path, members: &Htpasswd) -> Diagnostic {
    let names = members.names();
    let hint = if names.is_empty() {
        msg("members.unknown.hint_none", &[])
    } else {
        msg("members.unknown.hint", &[("names", &names.join(", "))])
    };
    Diagnostic::error(
        Some(file.to_path_buf()),
        msg("members.unknown", &[("name", &name)]),
    )
    .hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn given(password: &'static str) -> impl FnOnce(&str) -> Result<String, Diagnostic> {
        move |_| Ok(password.to_string())
    }

    #[test]
    fn add_replace_remove_and_list_keep_the_rest_of_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("members.htpasswd");
        std::fs::write(&file, "# styrelsen\nbo:$apr1$x$y\nbroken line\n").unwrap();
        let mut warnings = Vec::new();
        let add = Action::Add("anna".into());
        let done = apply(&add, &file, given("kage"), &mut warnings).unwrap();
        assert_eq!(done, Done::Added);
        assert_eq!(warnings.len(), 1, "the broken line is reported");
        assert_eq!(warnings[0].line, 3);
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.starts_with("# styrelsen\nbo:$apr1$x$y\nbroken line\nanna:$2y$10$"));
        let first = text.lines().last().unwrap().to_string();
        assert!(bcrypt::verify("kage", &first["anna:".len()..]).unwrap());

        let done = apply(&add, &file, given("kaffe"), &mut Vec::new()).unwrap();
        assert_eq!(done, Done::Replaced);
        let text = std::fs::read_to_string(&file).unwrap();
        assert_eq!(text.lines().count(), 4, "{text}");
        assert!(bcrypt::verify("kaffe", &text.lines().last().unwrap()[5..]).unwrap());

        let listed = apply(&Action::List, &file, given(""), &mut Vec::new()).unwrap();
        assert_eq!(listed, Done::Listed(vec!["bo".into(), "anna".into()]));
        let removed = apply(
            &Action::Remove("bo".into()),
            &file,
            given(""),
            &mut Vec::new(),
        );
        assert_eq!(removed.unwrap(), Done::Removed);
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            text.starts_with("# styrelsen\nbroken line\nanna:$2y$"),
            "{text}"
        );
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn a_bad_name_is_refused_before_the_password_is_asked() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("members.htpasswd");
        let ask = |_: &str| -> Result<String, Diagnostic> { panic!("asked for a password") };
        let failure = apply(&Action::Add("a b".into()), &file, ask, &mut Vec::new()).unwrap_err();
        assert!(failure.usage);
        assert!(!file.exists());
    }

    #[test]
    fn removing_an_unknown_name_lists_the_names_there() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("members.htpasswd");
        std::fs::write(&file, "anna:x\nbo:y\n").unwrap();
        let failure = apply(
            &Action::Remove("carl".into()),
            &file,
            given(""),
            &mut Vec::new(),
        )
        .unwrap_err();
        assert!(!failure.usage);
        let shown = failure.problem.localized(Language::Da);
        assert!(
            shown.contains("members.htpasswd: carl findes ikke"),
            "{shown}"
        );
        assert!(shown.contains("anna, bo"), "{shown}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "anna:x\nbo:y\n");
    }

    #[test]
    fn the_default_file_is_in_the_site_folder() {
        assert_eq!(
            file_path(Path::new("."), None),
            PathBuf::from("members.htpasswd")
        );
        assert_eq!(
            file_path(Path::new("forening"), None),
            PathBuf::from("forening/members.htpasswd")
        );
        assert_eq!(
            file_path(Path::new("forening"), Some("x/pw".into())),
            PathBuf::from("x/pw")
        );
    }
}
