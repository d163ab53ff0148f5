//! `arkiv init`: a new site with commented settings, one example of each kind that matters and
//! a note on what to do next, in Danish or English.

use super::{create_file, yaml_quoted, Refusal};
use crate::core::i18n::Language;
use crate::core::messages::{fill_template, Messages};
use crate::load::config::CONFIG_FILE;
use crate::load::content::CONTENT_DIR;
use std::path::{Path, PathBuf};

/// (path in the new site, text); `{year}` is this year and the example dates fall in it.
type Files = &'static [(&'static str, &'static str)];

const DANISH: Files = &[
    ("site.yaml", include_str!("templates/init/da/site.yaml")),
    ("LÆS MIG.md", include_str!("templates/init/da/LÆS MIG.md")),
    (
        "content/{year}/generalforsamling-{year}.md",
        include_str!("templates/init/da/meeting.md"),
    ),
    (
        "content/{year}/formandens-beretning-{year}.md",
        include_str!("templates/init/da/report.md"),
    ),
    (
        "content/{year}/praesentation-generalforsamling-{year}.md",
        include_str!("templates/init/da/slides.md"),
    ),
    (
        "content/{year}/regnskab-{last_year}.md",
        include_str!("templates/init/da/accounts.md"),
    ),
];

const ENGLISH: Files = &[
    ("site.yaml", include_str!("templates/init/en/site.yaml")),
    ("README.md", include_str!("templates/init/en/README.md")),
    (
        "content/{year}/annual-general-meeting-{year}.md",
        include_str!("templates/init/en/meeting.md"),
    ),
    (
        "content/{year}/chairmans-report-{year}.md",
        include_str!("templates/init/en/report.md"),
    ),
    (
        "content/{year}/presentation-annual-general-meeting-{year}.md",
        include_str!("templates/init/en/slides.md"),
    ),
    (
        "content/{year}/accounts-{last_year}.md",
        include_str!("templates/init/en/accounts.md"),
    ),
];

/// What the user asked `arkiv init` for.
#[derive(Debug, Clone)]
pub struct InitOptions {
    pub dir: PathBuf,
    /// The association's name; a made-up one when not given.
    pub title: Option<String>,
    pub language: Language,
    /// The year the examples are dated in.
    pub year: i32,
}

impl InitOptions {
    pub fn new(dir: PathBuf, title: Option<String>, language: Language) -> InitOptions {
        InitOptions {
            dir,
            title,
            language,
            year: crate::core::calendar::today().year,
        }
    }
}

/// What `init` wrote.
#[derive(Debug, Clone)]
pub struct Initialised {
    /// Relative to the site's folder, in the order written.
    pub files: Vec<PathBuf>,
    /// The note on what to do next (`LÆS MIG.md` or `README.md`).
    pub readme: &'static str,
    pub title_given: bool,
}

/// Writes the new site; writes nothing when the folder already holds a site or any file
/// that would be written.
pub fn init(options: &InitOptions, messages: Messages) -> Result<Initialised, Refusal> {
    let dir = &options.dir;
    let shown = dir.display().to_string();
    if dir.exists() && !dir.is_dir() {
        return Err(Refusal::new(
            messages,
            messages.fill("init.not_a_folder", &[("dir", &shown)]),
            Some(messages.get("init.not_a_folder_hint").to_string()),
        ));
    }
    for marker in [CONFIG_FILE, CONTENT_DIR] {
        if dir.join(marker).exists() {
            return Err(Refusal::new(
                messages,
                messages.fill("init.site_exists", &[("dir", &shown), ("what", &marker)]),
                Some(messages.get("init.site_exists_hint").to_string()),
            ));
        }
    }
    let title = match options.title.as_deref().map(str::trim) {
        Some("") => {
            return Err(Refusal::new(
                messages,
                messages.get("init.empty_title").to_string(),
                Some(messages.get("init.empty_title_hint").to_string()),
            ))
        }
        Some(t) => t.to_string(),
        None => messages.get("init.default_title").to_string(),
    };
    let files = match options.language {
        Language::Da => DANISH,
        Language::En => ENGLISH,
    };
    let (year, last_year, next_year) = (options.year, options.year - 1, options.year + 1);
    let title_yaml = yaml_quoted(&title);
    let args: [(&str, &dyn std::fmt::Display); 5] = [
        ("year", &year),
        ("last_year", &last_year),
        ("next_year", &next_year),
        ("title", &title),
        ("title_yaml", &title_yaml),
    ];
    let planned: Vec<(PathBuf, String)> = files
        .iter()
        .map(|(path, text)| {
            (
                PathBuf::from(fill_template(path, &args)),
                fill_template(text, &args),
            )
        })
        .collect();
    if let Some((taken, _)) = planned.iter().find(|(p, _)| dir.join(p).exists()) {
        return Err(Refusal::new(
            messages,
            messages.fill("init.file_exists", &[("path", &dir.join(taken).display())]),
            Some(messages.get("init.site_exists_hint").to_string()),
        ));
    }
    let mut written = Vec::new();
    for (rel, text) in &planned {
        let path = dir.join(rel);
        if let Err(e) = create_file(&path, text) {
            return Err(Refusal::new(
                messages,
                messages.fill(
                    "init.cannot_write",
                    &[("path", &path.display()), ("reason", &e)],
                ),
                Some(messages.get("init.cannot_write_hint").to_string()),
            ));
        }
        written.push(rel.clone());
    }
    Ok(Initialised {
        files: written,
        readme: files[1].0,
        title_given: options.title.is_some(),
    })
}

/// The lines `arkiv init` prints when it is done.
pub fn report(dir: &Path, done: &Initialised, messages: Messages) -> String {
    let shown = dir.display().to_string();
    let mut out = messages.fill("init.done", &[("dir", &shown)]);
    out.push('\n');
    if !done.title_given {
        out.push_str(messages.get("init.change_title"));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(messages.get("init.next"));
    out.push('\n');
    if dir != Path::new(".") {
        let cd = if shown.contains(' ') {
            format!("cd \"{shown}\"")
        } else {
            format!("cd {shown}")
        };
        out.push_str(&format!("  {cd}\n"));
    }
    out.push_str("  arkiv serve --open\n");
    out.push('\n');
    out.push_str(&messages.fill("init.read_me", &[("readme", &done.readme)]));
    out.push('\n');
    out
}
