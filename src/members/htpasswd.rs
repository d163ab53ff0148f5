//! The password file the web server reads: Apache's and nginx's htpasswd format, one
//! `name:hash` line per member. arkiv changes only the line of the member it is asked about;
//! comments, blank lines, other hash types and even malformed lines are written back as they
//! were, so a file that someone also edits by hand never loses anything.

use crate::core::diagnostics::Diagnostic;
use crate::core::messages::msg;
use std::path::Path;

/// bcrypt's cost. The web server checks the password at this cost on every request, so it is
/// bcrypt's usual default rather than more: a few milliseconds a page.
pub const COST: u32 = 10;

/// bcrypt reads at most this many bytes of a password; the rest would be ignored.
pub const MAX_PASSWORD_BYTES: usize = 72;

/// One line of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Line {
    /// `name:hash`.
    Member { name: String, hash: String },
    /// A comment, a blank line or a malformed line: written back unchanged.
    Kept(String),
}

/// A password file, line by line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Htpasswd {
    lines: Vec<Line>,
    /// The file's line ending: `\r\n` when it was saved that way (on Windows), else `\n`.
    newline: &'static str,
}

impl Default for Htpasswd {
    fn default() -> Htpasswd {
        Htpasswd {
            lines: Vec::new(),
            newline: "\n",
        }
    }
}

impl Htpasswd {
    /// Reads the text of a password file. Each malformed line is kept and reported as a
    /// warning naming `file` and the line.
    pub fn parse(text: &str, file: &Path) -> (Htpasswd, Vec<Diagnostic>) {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let mut lines = Vec::new();
        let mut warnings = Vec::new();
        let body = text.strip_suffix('\n').unwrap_or(text);
        if text.is_empty() {
            return (Htpasswd { lines, newline }, warnings);
        }
        for (i, raw) in body.split('\n').enumerate() {
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                lines.push(Line::Kept(line.to_string()));
                continue;
            }
            match line.split_once(':') {
                Some((name, hash)) if !name.is_empty() && !hash.trim().is_empty() => {
                    lines.push(Line::Member {
                        name: name.to_string(),
                        hash: hash.to_string(),
                    })
                }
                _ => {
                    warnings.push(
                        Diagnostic::warning(
                            Some(file.to_path_buf()),
                            msg("members.malformed", &[]),
                        )
                        .at(i + 1, 0)
                        .hint(msg("members.malformed.hint", &[])),
                    );
                    lines.push(Line::Kept(line.to_string()));
                }
            }
        }
        (Htpasswd { lines, newline }, warnings)
    }

    /// The members' names, in the file's order, each once.
    pub fn names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for line in &self.lines {
            if let Line::Member { name, .. } = line {
                if !names.contains(&name.as_str()) {
                    names.push(name);
                }
            }
        }
        names
    }

    /// The hash on `name`'s line (the first, which is the one the server reads).
    pub fn hash_of(&self, name: &str) -> Option<&str> {
        self.lines.iter().find_map(|line| match line {
            Line::Member { name: n, hash } if n == name => Some(hash.as_str()),
            _ => None,
        })
    }

    /// Gives `name` the password `hash`: replaces the member's line where it stands (true),
    /// or adds a line at the end (false). Any later line for the same name is dropped, since
    /// the server reads only the first and a stale one would only confuse.
    pub fn set(&mut self, name: &str, hash: String) -> bool {
        let Some(first) = self.position(name) else {
            self.lines.push(Line::Member {
                name: name.to_string(),
                hash,
            });
            return false;
        };
        self.lines[first] = Line::Member {
            name: name.to_string(),
            hash,
        };
        let mut i = 0;
        self.lines.retain(|line| {
            let keep = i <= first || !is_member(line, name);
            i += 1;
            keep
        });
        true
    }

    /// Removes every line of `name`, so no older line lets the member in; false when the file
    /// has none.
    pub fn remove(&mut self, name: &str) -> bool {
        let before = self.lines.len();
        self.lines.retain(|line| !is_member(line, name));
        self.lines.len() != before
    }

    /// The file's text: every line with the file's own line ending.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for line in &self.lines {
            match line {
                Line::Member { name, hash } => {
                    out.push_str(name);
                    out.push(':');
                    out.push_str(hash);
                }
                Line::Kept(text) => out.push_str(text),
            }
            out.push_str(self.newline);
        }
        out
    }

    fn position(&self, name: &str) -> Option<usize> {
        self.lines.iter().position(|line| is_member(line, name))
    }
}

fn is_member(line: &Line, name: &str) -> bool {
    matches!(line, Line::Member { name: n, .. } if n == name)
}

/// A member's name can be typed in the browser's login box and stored on one line: not empty,
/// and without `:` (which ends the name in the file), spaces or control characters.
pub fn check_name(name: &str) -> Result<(), Diagnostic> {
    if name.is_empty() {
        return Err(Diagnostic::error(None, msg("members.name.empty", &[]))
            .hint(msg("members.name.empty.hint", &[])));
    }
    let key = if name.contains(':') {
        "members.name.colon"
    } else if name.chars().any(|c| c.is_whitespace() || c.is_control()) {
        "members.name.space"
    } else {
        return Ok(());
    };
    let shown = name.escape_debug().to_string();
    let suggestion = suggest_name(name);
    let hint = if suggestion.is_empty() {
        msg("members.name.empty.hint", &[])
    } else {
        msg("members.name.hint", &[("suggestion", &suggestion)])
    };
    Err(Diagnostic::error(None, msg(key, &[("name", &shown)])).hint(hint))
}

/// `name` with each run of characters a name cannot have turned into one `-`.
fn suggest_name(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c == ':' || c.is_whitespace() || c.is_control() {
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        } else {
            out.push(c);
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The bcrypt hash of `password` in the `$2y$` form, which Apache (APR) and nginx (the C
/// library's crypt) both read. Errors only when the system has no randomness to give.
pub fn hash(password: &str) -> Result<String, Diagnostic> {
    bcrypt::hash_with_result(password, COST)
        .map(|parts| parts.format_for_version(bcrypt::Version::TwoY))
        .map_err(|e| Diagnostic::error(None, msg("members.hash_failed", &[("error", &e)])))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    const FILE: &str = "members.htpasswd";

    fn parse(text: &str) -> (Htpasswd, Vec<Diagnostic>) {
        Htpasswd::parse(text, Path::new(FILE))
    }

    #[test]
    fn reads_members_and_keeps_comments_and_other_hash_types() {
        let text = "# bestyrelsen\nanna:$2y$10$abc\n\nbo:$apr1$xyz$123\ncarl:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=\n";
        let (file, warnings) = parse(text);
        assert!(warnings.is_empty());
        assert_eq!(file.names(), ["anna", "bo", "carl"]);
        assert_eq!(file.hash_of("bo"), Some("$apr1$xyz$123"));
        assert_eq!(
            file.to_text(),
            text,
            "an unchanged file is written back as it was"
        );
    }

    #[test]
    fn set_replaces_a_member_in_place_and_adds_a_new_one_at_the_end() {
        let (mut file, _) = parse("# top\nanna:old\nbo:keep\n");
        assert!(file.set("anna", "new".into()), "anna was there");
        assert!(!file.set("dorte", "hers".into()), "dorte is new");
        assert_eq!(file.to_text(), "# top\nanna:new\nbo:keep\ndorte:hers\n");
    }

    #[test]
    fn set_drops_a_later_line_of_the_same_member() {
        let (mut file, _) = parse("anna:first\nbo:b\nanna:second\n");
        assert!(file.set("anna", "new".into()));
        assert_eq!(file.to_text(), "anna:new\nbo:b\n");
    }

    #[test]
    fn remove_takes_every_line_of_the_member_and_nothing_else() {
        let (mut file, _) = parse("anna:a\n# note\nbo:b\nanna:again\n");
        assert!(file.remove("anna"));
        assert_eq!(file.to_text(), "# note\nbo:b\n");
        assert!(!file.remove("anna"), "no longer there");
        assert!(!file.remove("an"), "a prefix is not a name");
        assert_eq!(file.names(), ["bo"]);
    }

    #[test]
    fn a_malformed_line_is_reported_with_its_line_and_kept() {
        let (mut file, warnings) = parse("anna:a\nnot a member line\n:nohash-name\nbo:\ncarl:c\n");
        let lines: Vec<usize> = warnings.iter().map(|w| w.line).collect();
        assert_eq!(lines, [2, 3, 4]);
        assert_eq!(warnings[0].file, Some(PathBuf::from(FILE)));
        let shown = warnings[0].localized(crate::core::language::Language::Da);
        assert!(
            shown.starts_with("advarsel: members.htpasswd:2: "),
            "{shown}"
        );
        assert_eq!(file.names(), ["anna", "carl"]);
        file.set("dorte", "d".into());
        assert_eq!(
            file.to_text(),
            "anna:a\nnot a member line\n:nohash-name\nbo:\ncarl:c\ndorte:d\n"
        );
    }

    #[test]
    fn windows_line_endings_stay_and_a_missing_last_newline_is_added() {
        let (mut file, _) = parse("anna:a\r\n# x\r\nbo:b");
        file.set("carl", "c".into());
        assert_eq!(file.to_text(), "anna:a\r\n# x\r\nbo:b\r\ncarl:c\r\n");
        let (file, warnings) = parse("");
        assert!(warnings.is_empty());
        assert_eq!(file.to_text(), "");
    }

    #[test]
    fn names_are_refused_with_colons_spaces_and_control_characters() {
        assert!(check_name("anna").is_ok());
        assert!(check_name("søren.k-2").is_ok());
        let empty = check_name("").unwrap_err();
        assert_eq!(empty.message, "the name is empty");
        let colon = check_name("anna:b").unwrap_err();
        assert!(colon.message.contains("\"anna:b\""), "{}", colon.message);
        assert_eq!(
            colon.hint.as_deref(),
            Some("choose a name without it, e.g. anna-b")
        );
        let space = check_name("Anna Jensen").unwrap_err();
        assert!(space.message.contains("space"), "{}", space.message);
        assert!(space.hint.unwrap().contains("Anna-Jensen"));
        let tab = check_name("anna\tb").unwrap_err();
        assert!(tab.message.contains("\"anna\\tb\""), "{}", tab.message);
        assert!(check_name("anna\u{7}").is_err());
        assert!(check_name(" ")
            .unwrap_err()
            .hint
            .unwrap()
            .contains("arkiv members add"));
    }

    #[test]
    fn a_hash_is_bcrypt_2y_at_cost_10_and_verifies() {
        let hashed = hash("kaffe og kage").unwrap();
        assert!(hashed.starts_with("$2y$10$"), "{hashed}");
        assert_eq!(hashed.len(), 60);
        assert!(bcrypt::verify("kaffe og kage", &hashed).unwrap());
        assert!(!bcrypt::verify("kaffe og kager", &hashed).unwrap());
        assert_ne!(
            hashed,
            hash("kaffe og kage").unwrap(),
            "a new salt each time"
        );
    }
}
