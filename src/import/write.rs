//! From what a reader made of a file to files on disk: the front matter guessed (kind, date,
//! title), the names chosen so that nothing is overwritten, the document, the original and
//! its pictures written, and the report of what was guessed and how.

use super::converted::{media_marker, problem, Converted, ImportOptions};
use super::guess::{guess_date, guess_text_kind, readable_file_name, DateSources, Guess};
use super::markdown_out::{self, Front};
use crate::core::diagnostics::{display_path, Diagnostic};
use crate::core::kind::Kind;
use crate::core::messages::{msg, Messages};
use crate::core::slug::slugify;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Slugs longer than this are cut at a word.
const MAX_SLUG: usize = 60;

/// Where one document and its files go.
struct Names {
    slug: String,
    md: String,
    original: String,
    media: Vec<String>,
}

fn names(slug: &str, original: &str, media: &[(String, Vec<u8>)]) -> Names {
    Names {
        slug: slug.to_string(),
        md: format!("{slug}.md"),
        original: original.to_string(),
        media: media
            .iter()
            .enumerate()
            .map(|(i, (e, _))| format!("{slug}-image-{}.{e}", i + 1))
            .collect(),
    }
}

impl Names {
    fn all(&self) -> impl Iterator<Item = &String> {
        [&self.md, &self.original].into_iter().chain(&self.media)
    }

    /// The first of these files that already exists.
    fn taken(&self, folder: &Path) -> Option<&String> {
        self.all().find(|n| folder.join(n).exists())
    }
}

fn cut_slug(mut slug: String) -> String {
    if slug.len() > MAX_SLUG {
        let cut = slug[..MAX_SLUG].rfind('-').unwrap_or(MAX_SLUG);
        slug.truncate(cut);
    }
    slug
}

/// Guesses the front matter, picks names that overwrite nothing, writes it all.
/// Returns the report (in the language of `m`) and the document's path.
pub fn write_document(
    path: &Path,
    original: &[u8],
    fp: &str,
    converted: Converted,
    options: &ImportOptions,
    m: Messages,
) -> Result<(String, PathBuf), Diagnostic> {
    let title = converted.title.clone().unwrap_or_else(|| Guess {
        value: readable_file_name(path),
        how: msg("import.how.file_name", &[]),
    });
    let (kind, committee, kind_how) = match (options.kind, &converted.kind) {
        (Some(k), _) => (k, None, msg("import.how.given_kind", &[])),
        (None, Some(g)) => (g.value, None, g.how.clone()),
        (None, None) => guess_text_kind(&title.value, &converted.top_text),
    };
    let committee = match (kind, committee) {
        (Kind::CommitteeReport, None) => Some("Udvalget".to_string()),
        (Kind::CommitteeReport, c) => c,
        _ => None,
    };
    let date = guess_date(&DateSources {
        given: options.date,
        text: &converted.top_text,
        metadata: converted.metadata_date.as_deref(),
        path,
    })
    .ok_or_else(|| {
        problem(
            path,
            msg("import.no_date", &[]),
            msg("import.no_date.hint", &[]),
        )
    })?;
    let folder_rel = match &options.into {
        Some(into) => into.clone(),
        None => PathBuf::from("content").join(date.value.year.to_string()),
    };
    let folder = options.site.join(&folder_rel);
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let stem_slug = cut_slug(
        path.file_stem()
            .map(|s| slugify(&s.to_string_lossy()))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "dokument".into()),
    );
    let title_slug = Some(cut_slug(slugify(&title.value))).filter(|s| !s.is_empty());
    let original_name = format!("{stem_slug}.{ext}");
    // The title gives the address; when that is taken, the file name does.
    let first = names(
        title_slug.as_deref().unwrap_or(&stem_slug),
        &original_name,
        &converted.media,
    );
    let mut notes = Vec::new();
    let chosen = match first.taken(&folder) {
        None => first,
        Some(taken) => {
            let second = names(&stem_slug, &original_name, &converted.media);
            match second.taken(&folder) {
                None if second.slug != first.slug => {
                    notes.push(m.fill(
                        "import.named_after_file",
                        &[("path", &display_path(&folder_rel.join(taken)))],
                    ));
                    second
                }
                _ => {
                    return Err(problem(
                        path,
                        msg(
                            "import.exists",
                            &[("path", &display_path(&folder_rel.join(taken)))],
                        ),
                        msg("import.exists.hint", &[]),
                    ))
                }
            }
        }
    };
    let mut body = converted.body;
    for (i, name) in chosen.media.iter().enumerate() {
        body = body.replace(&media_marker(i), name);
    }
    // A first heading that repeats the title would show it twice on the page.
    if kind != Kind::Slides {
        body = without_title_heading(&body, &title.value);
    }
    let summary = converted
        .summary
        .or_else(|| markdown_out::summary_from(&body));
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let front = Front {
        title: title.value.clone(),
        date: date.value,
        kind,
        committee: committee.clone(),
        meeting: options.meeting.clone(),
        authors: converted.authors.clone(),
        summary,
        attachments: vec![(original_name.clone(), format!("Original: {file_name}"))],
        draft: options.draft,
        members: options.members,
        source: (file_name, fp.to_string()),
    };
    let text = format!("{}{}", front.render(), markdown_out::tidy(&body));
    let write_err = |e: std::io::Error, name: &str| {
        problem(
            path,
            msg(
                "import.cannot_write",
                &[
                    ("path", &display_path(&folder_rel.join(name))),
                    ("error", &e),
                ],
            ),
            msg("import.cannot_write.hint", &[]),
        )
    };
    std::fs::create_dir_all(&folder).map_err(|e| write_err(e, ""))?;
    for (name, (_, bytes)) in chosen.media.iter().zip(&converted.media) {
        write_new(&folder.join(name), bytes).map_err(|e| write_err(e, name))?;
    }
    write_new(&folder.join(&chosen.original), original)
        .map_err(|e| write_err(e, &chosen.original))?;
    write_new(&folder.join(&chosen.md), text.as_bytes()).map_err(|e| write_err(e, &chosen.md))?;

    let language = m.language;
    let mut report = m.fill(
        "import.imported",
        &[
            ("path", &display_path(path)),
            ("doc", &display_path(&folder_rel.join(&chosen.md))),
        ],
    );
    report.push('\n');
    let facts = converted.facts.iter().map(|f| f.in_language(language));
    for fact in facts.chain(notes.iter().map(String::as_str)) {
        report.push_str(&format!("  {fact}\n"));
    }
    let guessed = |key: &'static str, value: &dyn std::fmt::Display, how: &str| {
        format!("  {}\n", m.fill(key, &[("value", value), ("how", &how)]))
    };
    report.push_str(&guessed(
        "import.report.kind",
        &kind.as_str(),
        kind_how.in_language(language),
    ));
    if let Some(c) = committee {
        report.push_str(&format!(
            "  {}\n",
            m.fill("import.report.committee", &[("value", &c)])
        ));
    }
    report.push_str(&guessed(
        "import.report.date",
        &date.value,
        date.how.in_language(language),
    ));
    report.push_str(&guessed(
        "import.report.title",
        &title.value,
        title.how.in_language(language),
    ));
    let images = match chosen.media.len() {
        0 => String::new(),
        n => m.count("import.report.images", n, &[]),
    };
    report.push_str(&format!(
        "  {}\n",
        m.fill(
            "import.report.original",
            &[
                ("path", &display_path(&folder_rel.join(&chosen.original))),
                ("images", &images),
            ],
        )
    ));
    Ok((report, folder.join(&chosen.md)))
}

/// The body without a first heading that says the same as the title (in any case: a
/// letter-spaced "ÅRSBERETNING 2024" is the title "Årsberetning 2024").
fn without_title_heading(body: &str, title: &str) -> String {
    let trimmed = body.trim_start();
    let first_line = trimmed.lines().next().unwrap_or("");
    let heading = first_line.trim_start_matches('#');
    let same = first_line.starts_with('#')
        && heading.starts_with(' ')
        && markdown_out::plain_text(heading.trim()).to_lowercase() == title.trim().to_lowercase();
    if same {
        trimmed[first_line.len()..].to_string()
    } else {
        body.to_string()
    }
}

/// Writes a new file; an existing file is an error, never overwritten.
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_cut_at_a_word() {
        let long = "formandens-beretning-".repeat(5);
        let cut = cut_slug(long);
        assert!(cut.len() <= MAX_SLUG && !cut.ends_with('-'), "{cut}");
        assert_eq!(cut_slug("kort".into()), "kort");
    }

    #[test]
    fn a_heading_repeating_the_title_is_dropped() {
        assert_eq!(
            without_title_heading("# ÅRSBERETNING 2024\n\nTekst", "Årsberetning 2024"),
            "\n\nTekst"
        );
        assert_eq!(
            without_title_heading("## Nyhedsbrev marts\nA", "Nyhedsbrev marts"),
            "\nA"
        );
        assert_eq!(
            without_title_heading("## Indledning\nA", "Beretning"),
            "## Indledning\nA"
        );
        assert_eq!(without_title_heading("#hashtag", "hashtag"), "#hashtag");
    }

    #[test]
    fn write_new_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        write_new(&p, b"first").unwrap();
        assert!(write_new(&p, b"second").is_err());
        assert_eq!(std::fs::read(&p).unwrap(), b"first");
    }
}
