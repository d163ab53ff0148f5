//! Front matter: splitting it off a Markdown file and checking every key, so that one run
//! reports every mistake in a document with its line and a way to fix it.

use crate::core::access::Access;
use crate::core::dates::Date;
use crate::core::diagnostics::Diagnostic;
use crate::core::kind::Kind;
use crate::core::language::Language;
use crate::core::messages::{msg, Text};
use crate::core::yaml::{yaml_scalar_text, YamlMap};

mod checker;
use crate::core::yaml::Value;
use checker::Checker;
pub use checker::{AttachmentRef, ProgrammeItem};
use std::path::Path;

/// The validated front matter of a document.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct FrontMatter {
    pub title: String,
    pub date: Option<Date>,
    pub kind: Kind,
    pub meeting: Option<String>,
    pub committee: Option<String>,
    pub authors: Vec<String>,
    pub tags: Vec<String>,
    pub summary: Option<String>,
    pub attachments: Vec<AttachmentRef>,
    pub draft: bool,
    pub slug: Option<String>,
    pub place: Option<String>,
    pub programme: Vec<ProgrammeItem>,
    /// `access:` as written; `None` inherits the meeting's access (see `model::access`).
    pub access: Option<Access>,
    /// Lines of keys that later stages may need to point at (e.g. `meeting`).
    pub meeting_line: usize,
}

/// Every key the format knows; anything else is a misspelling and gets a suggestion.
pub const KNOWN_KEYS: &[&str] = &[
    "title",
    "date",
    "kind",
    "meeting",
    "committee",
    "authors",
    "author",
    "tags",
    "summary",
    "attachments",
    "draft",
    "slug",
    "place",
    "programme",
    "access",
];

/// The front matter text and the body, with the line numbers each starts on.
#[derive(Debug)]
pub struct SplitDocument<'a> {
    pub yaml: &'a str,
    pub yaml_line: usize,
    pub body: &'a str,
    pub body_line: usize,
}

/// Splits `---` front matter from the body.
pub fn split<'a>(text: &'a str, file: &Path) -> Result<SplitDocument<'a>, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_line_end].trim_end() != "---" {
        return Err(Diagnostic::error(file.to_path_buf(), msg("fm.none", &[]))
            .at(1, 1)
            .hint(msg("fm.none.hint", &[])));
    }
    let rest = &text[first_line_end..];
    let mut offset = 0;
    for (line, raw) in (2..).zip(rest.split_inclusive('\n')) {
        let trimmed = raw.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let yaml = &rest[..offset];
            let body = &rest[offset + raw.len()..];
            return Ok(SplitDocument {
                yaml,
                yaml_line: 2,
                body,
                body_line: line + 1,
            });
        }
        offset += raw.len();
    }
    Err(
        Diagnostic::error(file.to_path_buf(), msg("fm.unclosed", &[]))
            .at(1, 1)
            .hint(msg("fm.unclosed.hint", &[])),
    )
}

/// Checks the front matter, returning all problems found in it.
pub fn parse(
    yaml_text: &str,
    yaml_line: usize,
    file: &Path,
) -> Result<FrontMatter, Vec<Diagnostic>> {
    let yaml = YamlMap::parse(yaml_text, file, yaml_line).map_err(|d| vec![d])?;
    let mut problems = yaml.unknown_keys(KNOWN_KEYS, file, "front matter");
    let mut checker = Checker {
        yaml: &yaml,
        file,
        problems: &mut problems,
    };

    let title = checker.text("title");
    let kind_text = checker.text("kind");
    let kind = match kind_text.as_deref() {
        None => {
            checker.missing("kind", msg("fm.kind.missing.hint", &[]));
            None
        }
        Some(name) => match Kind::parse(name) {
            Some(k) => Some(k),
            None => {
                let hint = Kind::suggestions(name).unwrap_or_else(|| {
                    let kinds = Kind::ALL.map(Kind::as_str).join(", ");
                    msg("fm.kind.one_of", &[("kinds", &kinds)])
                });
                checker.at("kind", msg("fm.kind.unknown", &[("name", &name)]), hint);
                None
            }
        },
    };
    if title.is_none() {
        checker.missing("title", msg("fm.title.missing.hint", &[]));
    }
    let date = match yaml.get("date") {
        None | Some(Value::Null) => {
            if kind.is_some_and(|k| k != Kind::Page) {
                checker.missing("date", msg("fm.date.missing.hint", &[]));
            }
            None
        }
        Some(value) => {
            let text = yaml_scalar_text(value);
            match Date::parse(&text) {
                Ok(d) => Some(d),
                Err(message) => {
                    checker.at(
                        "date",
                        Text {
                            en: format!("bad date: {}", message.en),
                            da: Some(format!(
                                "forkert dato: {}",
                                message.in_language(Language::Da)
                            )),
                        },
                        msg("fm.date.bad.hint", &[]),
                    );
                    None
                }
            }
        }
    };
    let committee = checker.text("committee");
    if kind == Some(Kind::CommitteeReport) && committee.is_none() {
        checker.missing("committee", msg("fm.committee.missing.hint", &[]));
    }
    let mut authors = checker.list("authors");
    authors.extend(checker.list("author"));
    let tags = checker.list("tags");
    let attachments = checker.attachments();
    let programme = checker.programme();
    if !programme.is_empty() && kind.is_some_and(|k| k != Kind::Meeting) {
        checker.at(
            "programme",
            msg("fm.programme.not_meeting", &[]),
            msg("fm.programme.not_meeting.hint", &[]),
        );
    }
    let draft = match yaml.get("draft") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(other) => {
            checker.at(
                "draft",
                msg("fm.draft", &[("value", &yaml_scalar_text(other))]),
                msg("fm.draft.hint", &[]),
            );
            false
        }
    };
    let access = checker
        .text("access")
        .and_then(|text| match Access::parse(&text) {
            Some(access) => Some(access),
            None => {
                let hint = crate::core::diagnostics::did_you_mean(&text, Access::NAMES)
                    .unwrap_or_else(|| msg("fm.access.hint", &[]));
                checker.at(
                    "access",
                    msg("fm.access.unknown", &[("value", &text)]),
                    hint,
                );
                None
            }
        });
    let slug = checker.text("slug");
    checker.check_name_lengths(slug.as_deref(), committee.as_deref(), &authors, &tags);
    let front = FrontMatter {
        title: title.unwrap_or_default(),
        date,
        kind: kind.unwrap_or(Kind::Page),
        meeting: checker.text("meeting"),
        committee,
        authors,
        tags,
        summary: checker.text("summary"),
        attachments,
        draft,
        slug,
        place: checker.text("place"),
        programme,
        access,
        meeting_line: yaml.line_of("meeting"),
    };
    if problems.is_empty() {
        Ok(front)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_doc(text: &str) -> Result<FrontMatter, Vec<Diagnostic>> {
        let split = split(text, Path::new("content/a.md")).map_err(|d| vec![d])?;
        parse(split.yaml, split.yaml_line, Path::new("content/a.md"))
    }

    #[test]
    fn splits_and_counts_lines() {
        let s = split("---\ntitle: A\n---\nHej\n", Path::new("a.md")).unwrap();
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(s.body, "Hej\n");
        assert_eq!(s.body_line, 4);
        assert!(split("title: A\n", Path::new("a.md")).is_err());
        assert!(split("---\ntitle: A\n", Path::new("a.md"))
            .unwrap_err()
            .message
            .contains("never closed"));
    }

    #[test]
    fn full_front_matter() {
        let f = parse_doc("---\ntitle: Beretning\ndate: 2025-04-24\nkind: chairman-report\nauthor: Mette\ntags: [a, b]\nattachments:\n  - path: x.pdf\n    title: X\n  - y.pdf\n---\n").unwrap();
        assert_eq!(f.kind, Kind::ChairmanReport);
        assert_eq!(f.authors, vec!["Mette"]);
        assert_eq!(f.attachments.len(), 2);
        assert_eq!(f.attachments[0].title.as_deref(), Some("X"));
    }

    #[test]
    fn all_problems_reported_with_lines() {
        let errs = parse_doc("---\ntitel: A\ndate: 2025-02-30\nkind: raport\n---\n").unwrap_err();
        let text: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        let all = text.join("\n");
        assert!(
            all.contains("content/a.md:2:1: unknown key \"titel\""),
            "{all}"
        );
        assert!(all.contains("content/a.md:3:7: bad date"), "{all}");
        assert!(
            all.contains("content/a.md:4:7: unknown kind \"raport\""),
            "{all}"
        );
        assert!(all.contains("did you mean \"title\""), "{all}");
    }

    #[test]
    fn programme_and_committee_rules() {
        let f = parse_doc("---\ntitle: M\ndate: 2025-01-01\nkind: meeting\nprogramme:\n  - time: \"18:00\"\n    title: Velkomst\n    speaker: A\n---\n").unwrap();
        assert_eq!(f.programme[0].time, "18:00");
        let errs = parse_doc("---\ntitle: U\ndate: 2025-01-01\nkind: committee-report\n---\n")
            .unwrap_err();
        assert!(errs[0].message.contains("committee"));
        let errs = parse_doc("---\ntitle: M\ndate: 2025-01-01\nkind: meeting\nprogramme:\n  - time: \"25:00\"\n    title: X\n---\n").unwrap_err();
        assert!(errs[0].message.contains("not HH:MM"));
    }

    #[test]
    fn access_is_read_and_a_misspelling_is_named() {
        let f =
            parse_doc("---\ntitle: R\ndate: 2025-01-01\nkind: accounts\naccess: members\n---\n")
                .unwrap();
        assert_eq!(f.access, Some(Access::Members));
        let f = parse_doc("---\ntitle: R\ndate: 2025-01-01\nkind: accounts\n---\n").unwrap();
        assert_eq!(f.access, None);
        let errs =
            parse_doc("---\ntitle: R\ndate: 2025-01-01\nkind: accounts\naccess: membres\n---\n")
                .unwrap_err();
        let text = errs[0].to_string();
        assert!(text.contains("content/a.md:5:9"), "{text}");
        assert!(text.contains("\"members\""), "{text}");
    }

    #[test]
    fn page_may_omit_date() {
        assert!(parse_doc("---\ntitle: Om\nkind: page\n---\n").is_ok());
        assert!(parse_doc("---\ntitle: N\nkind: newsletter\n---\n").is_err());
    }
}
