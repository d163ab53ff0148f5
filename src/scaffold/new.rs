//! `arkiv new KIND "Title"`: one document at `content/<year>/<slug>.md`, with the front matter
//! its kind needs and a skeleton of its text, dated today in Copenhagen unless told otherwise.

use super::{create_file, yaml_quoted, Refusal};
use crate::core::dates::Date;
use crate::core::i18n::Language;
use crate::core::kind::Kind;
use crate::core::messages::{fill_template, Messages};
use crate::core::slug::slugify;
use crate::load::config::CONFIG_FILE;
use crate::load::content::CONTENT_DIR;
use std::path::{Path, PathBuf};

/// Danish (and a few English) words a secretary may type for a kind.
const ALIASES: &[(&str, Kind)] = &[
    ("møde", Kind::Meeting),
    ("moede", Kind::Meeting),
    ("generalforsamling", Kind::Meeting),
    ("beretning", Kind::ChairmanReport),
    ("formandens-beretning", Kind::ChairmanReport),
    ("udvalgsberetning", Kind::CommitteeReport),
    ("nyhedsbrev", Kind::Newsletter),
    ("præsentation", Kind::Slides),
    ("praesentation", Kind::Slides),
    ("referat", Kind::Minutes),
    ("regnskab", Kind::Accounts),
    ("budget", Kind::Accounts),
    ("side", Kind::Page),
    ("report", Kind::ChairmanReport),
    ("presentation", Kind::Slides),
    ("deck", Kind::Slides),
];

/// Reads a kind as typed: its name in front matter, or a Danish word for it.
pub fn parse_kind(word: &str) -> Option<Kind> {
    let lower = word.trim().to_lowercase().replace([' ', '_'], "-");
    Kind::parse(&lower).or_else(|| {
        ALIASES
            .iter()
            .find(|(alias, _)| *alias == lower)
            .map(|(_, k)| *k)
    })
}

/// The Danish word for a kind nearest to a misspelt `word`, if one is near enough.
fn nearest_alias(word: &str) -> Option<&'static str> {
    let word = word.trim().to_lowercase();
    ALIASES
        .iter()
        .map(|(alias, _)| (strsim::jaro_winkler(&word, alias), *alias))
        .filter(|(score, _)| *score >= 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, alias)| alias)
}

/// The skeleton of each kind, `(da, en)`.
fn skeleton(kind: Kind, language: Language) -> &'static str {
    macro_rules! both {
        ($name:literal) => {
            (
                include_str!(concat!("templates/new/da/", $name, ".md")),
                include_str!(concat!("templates/new/en/", $name, ".md")),
            )
        };
    }
    let (da, en) = match kind {
        Kind::ChairmanReport => both!("chairman-report"),
        Kind::CommitteeReport => both!("committee-report"),
        Kind::Newsletter => both!("newsletter"),
        Kind::Slides => both!("slides"),
        Kind::Minutes => both!("minutes"),
        Kind::Accounts => both!("accounts"),
        Kind::Meeting => both!("meeting"),
        Kind::Page => both!("page"),
    };
    match language {
        Language::Da => da,
        Language::En => en,
    }
}

/// What the user asked `arkiv new` for.
#[derive(Debug, Clone)]
pub struct NewOptions {
    pub kind: String,
    pub title: String,
    /// `YYYY-MM-DD`; today in Copenhagen when not given.
    pub date: Option<String>,
    /// The slug of the meeting the document belongs to.
    pub meeting: Option<String>,
    pub site: PathBuf,
    /// The language of the skeleton's example text: the site's.
    pub language: Language,
}

/// What `new` wrote.
#[derive(Debug, Clone)]
pub struct Created {
    /// The new file, as a path from where arkiv runs (`--site` joined with the file).
    pub path: PathBuf,
    pub kind: Kind,
}

/// Writes the new document, or says why not.
pub fn new_document(options: &NewOptions, messages: Messages) -> Result<Created, Refusal> {
    let refuse = |message: String, hint: Option<String>| Refusal::new(messages, message, hint);
    let site = &options.site;
    if !site.join(CONFIG_FILE).is_file() {
        return Err(refuse(
            messages.fill("new.no_site", &[("dir", &site.display())]),
            Some(messages.get("new.no_site_hint").to_string()),
        ));
    }
    let kind = parse_kind(&options.kind).ok_or_else(|| {
        let mut names = Kind::suggestion_names(&options.kind);
        if names.is_empty() {
            names.extend(nearest_alias(&options.kind));
        }
        let hint = match names.as_slice() {
            [a, b] => messages.fill("hint.did_you_mean_two", &[("a", a), ("b", b)]),
            [a, ..] => messages.fill("hint.did_you_mean", &[("a", a)]),
            [] => messages.fill(
                "new.kinds",
                &[("kinds", &Kind::ALL.map(Kind::as_str).join(", "))],
            ),
        };
        refuse(
            messages.fill("new.unknown_kind", &[("kind", &options.kind)]),
            Some(hint),
        )
    })?;
    let title = options.title.trim();
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(refuse(
            messages.fill("new.no_slug", &[("title", &title)]),
            Some(messages.get("new.no_slug_hint").to_string()),
        ));
    }
    let date = match options.date.as_deref() {
        None => crate::core::calendar::today(),
        Some(text) => Date::parse(text).map_err(|_| {
            refuse(
                messages.fill("new.bad_date", &[("date", &text)]),
                Some(messages.get("new.bad_date_hint").to_string()),
            )
        })?,
    };
    let meeting_line = match options.meeting.as_deref() {
        None => String::new(),
        Some(_) if matches!(kind, Kind::Meeting | Kind::Page) => {
            return Err(refuse(
                messages.fill("new.meeting_not_allowed", &[("kind", &kind.as_str())]),
                Some(messages.get("new.meeting_not_allowed_hint").to_string()),
            ))
        }
        Some(slug) => {
            check_meeting(&documents(site), slug, messages)?;
            format!("meeting: {slug}\n")
        }
    };
    let rel = match kind {
        Kind::Page => PathBuf::from(CONTENT_DIR).join(format!("{slug}.md")),
        _ => PathBuf::from(CONTENT_DIR)
            .join(date.year.to_string())
            .join(format!("{slug}.md")),
    };
    // Named from where arkiv runs: `content/2026/x.md` in the site, `site/content/…` outside.
    let path = if site == Path::new(".") {
        rel
    } else {
        site.join(&rel)
    };
    if path.exists() {
        return Err(refuse(
            messages.fill("new.exists", &[("path", &path.display())]),
            Some(messages.get("new.exists_hint").to_string()),
        ));
    }
    if let Some(other) = same_address(&documents(site), kind, &slug, date.year) {
        return Err(refuse(
            messages.fill(
                "new.address_taken",
                &[("path", &other.display()), ("slug", &slug)],
            ),
            Some(messages.get("new.exists_hint").to_string()),
        ));
    }
    let date_text = date.to_string();
    let title_yaml = yaml_quoted(title);
    let text = fill_template(
        skeleton(kind, options.language),
        &[
            ("title", &title),
            ("title_yaml", &title_yaml),
            ("date", &date_text),
            ("meeting_line", &meeting_line),
        ],
    );
    create_file(&path, &text).map_err(|e| {
        // Made by something else since the check above (a folder in the way is "exists" too).
        if e.kind() == std::io::ErrorKind::AlreadyExists && path.is_file() {
            refuse(
                messages.fill("new.exists", &[("path", &path.display())]),
                Some(messages.get("new.exists_hint").to_string()),
            )
        } else {
            refuse(
                messages.fill(
                    "new.cannot_write",
                    &[("path", &path.display()), ("reason", &e)],
                ),
                None,
            )
        }
    })?;
    Ok(Created { path, kind })
}

/// The site's documents as far as they load: the front matter of each is all `new` needs.
fn documents(site: &Path) -> Vec<crate::load::content::SourceDocument> {
    crate::load::content::load(site, true).documents
}

/// The file of a document that would have the new document's address (`/<year>/<slug>/`, or
/// `/<slug>/` for a page) or, for a meeting, its slug: the build refuses both.
fn same_address(
    documents: &[crate::load::content::SourceDocument],
    kind: Kind,
    slug: &str,
    year: i32,
) -> Option<PathBuf> {
    documents
        .iter()
        .find(|d| {
            d.slug == slug
                && match (kind, d.front.kind, d.front.date) {
                    (Kind::Meeting, Kind::Meeting, _) => true,
                    (Kind::Page, _, None) => true,
                    (Kind::Page, _, Some(_)) | (_, _, None) => false,
                    (_, _, Some(date)) => date.year == year,
                }
        })
        .map(|d| d.source.clone())
}

fn check_meeting(
    documents: &[crate::load::content::SourceDocument],
    slug: &str,
    messages: Messages,
) -> Result<(), Refusal> {
    let mut meetings: Vec<&str> = documents
        .iter()
        .filter(|d| d.front.kind == Kind::Meeting)
        .map(|d| d.slug.as_str())
        .collect();
    meetings.sort_unstable();
    if meetings.contains(&slug) {
        return Ok(());
    }
    let hint = match crate::core::diagnostics::did_you_mean(slug, meetings.iter().copied()) {
        Some(_) => {
            let nearest = meetings
                .iter()
                .max_by(|a, b| {
                    strsim::jaro_winkler(slug, a).total_cmp(&strsim::jaro_winkler(slug, b))
                })
                .copied()
                .unwrap_or_default();
            messages.fill("hint.did_you_mean", &[("a", &nearest)])
        }
        None if meetings.is_empty() => messages.get("new.no_meetings").to_string(),
        None => messages.fill("new.meetings_are", &[("meetings", &meetings.join(", "))]),
    };
    Err(Refusal::new(
        messages,
        messages.fill("new.unknown_meeting", &[("meeting", &slug)]),
        Some(hint),
    ))
}

/// The lines `arkiv new` prints on stderr after the path: what to do with the file.
pub fn report(created: &Created, messages: Messages) -> String {
    let mut out = String::new();
    if created.kind == Kind::CommitteeReport {
        out.push_str(messages.get("new.fill_committee"));
        out.push('\n');
    }
    out.push_str(messages.get("new.next"));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_name_and_danish_word() {
        assert_eq!(parse_kind("meeting"), Some(Kind::Meeting));
        assert_eq!(parse_kind("Møde"), Some(Kind::Meeting));
        assert_eq!(parse_kind("chairman report"), Some(Kind::ChairmanReport));
        assert_eq!(parse_kind("Regnskab"), Some(Kind::Accounts));
        assert_eq!(parse_kind("mødet"), None);
        assert_eq!(nearest_alias("regnskb"), Some("regnskab"));
        assert_eq!(nearest_alias("nyhedsbrv"), Some("nyhedsbrev"));
        assert_eq!(nearest_alias("xyzzy"), None);
    }

    #[test]
    fn every_skeleton_has_its_kind_and_a_title() {
        for language in [Language::Da, Language::En] {
            for kind in Kind::ALL {
                let text = skeleton(kind, language);
                assert!(
                    text.contains(&format!("kind: {}\n", kind.as_str())),
                    "{kind:?}"
                );
                assert!(text.contains("title: \"{title_yaml}\""), "{kind:?}");
                assert_eq!(
                    text.contains("{meeting_line}"),
                    !matches!(kind, Kind::Meeting | Kind::Page),
                    "{kind:?}"
                );
            }
        }
    }
}
