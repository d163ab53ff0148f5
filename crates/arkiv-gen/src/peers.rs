//! The same archive as a Hugo site and a Zola site, so `bench/peers.sh` can time the three
//! generators on one archive in one run.
//!
//! Each peer gets every document with its title, date, tags and summary as its own front
//! matter (YAML for Hugo, TOML for Zola), the body unchanged, a tag taxonomy, a list per year
//! and plain templates; Zola also builds its search index. Attachments (PDFs) are left out:
//! neither peer reads them.

use super::format::push_quoted;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// A generated document's front matter fields the peers use.
#[derive(Debug, Default, PartialEq)]
struct Front {
    /// Quoted as in the source (a YAML double-quoted scalar, also a TOML basic string).
    title: String,
    date: String,
    tags: Vec<String>,
    summary: Option<String>,
}

/// Reads the front matter `arkiv-gen` writes: `key: value` lines, lists in brackets.
/// Returns the fields and the body, or None for a file without front matter.
fn split(text: &str) -> Option<(Front, &str)> {
    let rest = text.strip_prefix("---\n")?;
    let end = rest.find("\n---\n")?;
    let mut front = Front::default();
    for line in rest[..end].lines() {
        let Some((key, value)) = line.split_once(": ") else {
            continue;
        };
        match key {
            "title" => front.title = value.to_string(),
            "date" => front.date = value.to_string(),
            "summary" => front.summary = Some(value.to_string()),
            "tags" => {
                let inner = value.trim_start_matches('[').trim_end_matches(']');
                front.tags = inner
                    .split(", ")
                    .filter(|t| !t.is_empty())
                    .map(str::to_string)
                    .collect();
            }
            _ => {}
        }
    }
    Some((front, &rest[end + 5..]))
}

/// A string as a quoted scalar, valid in YAML and TOML alike.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_quoted(&mut out, s);
    out
}

fn hugo_page(front: &Front, body: &str) -> String {
    let tags: Vec<String> = front.tags.iter().map(|t| quoted(t)).collect();
    let mut out = format!(
        "---\ntitle: {}\ndate: {}\ntags: [{}]\n",
        front.title,
        front.date,
        tags.join(", ")
    );
    if let Some(s) = &front.summary {
        out.push_str(&format!("summary: {s}\n"));
    }
    out.push_str("---\n");
    out.push_str(body);
    out
}

fn zola_page(front: &Front, body: &str) -> String {
    let tags: Vec<String> = front.tags.iter().map(|t| quoted(t)).collect();
    let mut out = format!("+++\ntitle = {}\ndate = {}\n", front.title, front.date);
    if let Some(s) = &front.summary {
        out.push_str(&format!("description = {s}\n"));
    }
    out.push_str(&format!(
        "[taxonomies]\ntags = [{}]\n+++\n",
        tags.join(", ")
    ));
    out.push_str(body);
    out
}

const HUGO_CONFIG: &str = r#"baseURL = "http://localhost/"
languageCode = "da"
title = "Arkiv"
disableKinds = ["RSS"]
[taxonomies]
tag = "tags"
"#;

const HUGO_BASEOF: &str = r#"<!doctype html><html lang="da"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><header><a href="{{ "/" | relURL }}">{{ site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>
"#;
const HUGO_SINGLE: &str = r#"{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format "2006-01-02" }}</p>
{{ with .Params.tags }}<ul>{{ range . }}<li><a href="{{ "tags/" | relURL }}{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul>{{ end }}
{{ .Content }}</article>{{ end }}
"#;
const HUGO_LIST: &str = r#"{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}<p>{{ .Summary }}</p></li>{{ end }}</ul>{{ end }}
"#;

const ZOLA_CONFIG: &str = r#"base_url = "http://localhost"
title = "Arkiv"
default_language = "da"
compile_sass = false
minify_html = true
build_search_index = true
taxonomies = [{ name = "tags" }]
"#;

const ZOLA_BASE: &str = r#"<!doctype html><html lang="da"><head><meta charset="utf-8"><title>{% block title %}{{ config.title }}{% endblock %}</title></head>
<body><header><a href="{{ get_url(path="/") }}">{{ config.title }}</a></header><main>{% block main %}{% endblock %}</main></body></html>
"#;
const ZOLA_PAGE: &str = r#"{% extends "base.html" %}{% block title %}{{ page.title }}{% endblock %}{% block main %}<article><h1>{{ page.title }}</h1><p>{{ page.date }}</p>
{% if page.taxonomies.tags %}<ul>{% for t in page.taxonomies.tags %}<li><a href="{{ get_taxonomy_url(kind="tags", name=t) }}">{{ t }}</a></li>{% endfor %}</ul>{% endif %}
{{ page.content | safe }}</article>{% endblock %}
"#;
const ZOLA_SECTION: &str = r#"{% extends "base.html" %}{% block main %}<h1>{{ section.title | default(value="Arkiv") }}</h1><ul>{% for p in section.pages %}<li><a href="{{ p.permalink }}">{{ p.title }}</a> {{ p.date }}<p>{{ p.description | default(value="") }}</p></li>{% endfor %}
{% for s in section.subsections %}{% set sub = get_section(path=s) %}<li><a href="{{ sub.permalink }}">{{ sub.title }}</a></li>{% endfor %}</ul>{% endblock %}
"#;
const ZOLA_TAXONOMY_LIST: &str = r#"{% extends "base.html" %}{% block main %}<ul>{% for t in terms %}<li><a href="{{ t.permalink }}">{{ t.name }}</a> ({{ t.pages | length }})</li>{% endfor %}</ul>{% endblock %}
"#;
const ZOLA_TAXONOMY_SINGLE: &str = r#"{% extends "base.html" %}{% block main %}<h1>{{ term.name }}</h1><ul>{% for p in term.pages %}<li><a href="{{ p.permalink }}">{{ p.title }}</a></li>{% endfor %}</ul>{% endblock %}
"#;

fn write(path: &Path, text: &str) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(path, text)
}

/// The Markdown files under `dir`, as paths relative to it, sorted.
fn markdown_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut todo = vec![PathBuf::new()];
    while let Some(rel) = todo.pop() {
        for entry in fs::read_dir(dir.join(&rel))? {
            let entry = entry?;
            let path = rel.join(entry.file_name());
            if entry.file_type()?.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// How many documents each peer site got.
pub struct PeersSummary {
    pub documents: usize,
}

/// Writes `<out>/hugo` and `<out>/zola` from the generated arkiv site at `site`.
pub fn write_peers(site: &Path, out: &Path) -> io::Result<PeersSummary> {
    let content = site.join("content");
    let (hugo, zola) = (out.join("hugo"), out.join("zola"));
    let mut documents = 0;
    let mut sections = std::collections::BTreeSet::new();
    for rel in markdown_files(&content)? {
        let text = fs::read_to_string(content.join(&rel))?;
        let Some((front, body)) = split(&text) else {
            continue;
        };
        write(&hugo.join("content").join(&rel), &hugo_page(&front, body))?;
        write(&zola.join("content").join(&rel), &zola_page(&front, body))?;
        if let Some(parent) = rel.parent().filter(|p| !p.as_os_str().is_empty()) {
            sections.insert(parent.to_path_buf());
        }
        documents += 1;
    }
    // Zola lists a folder's pages only when it is a section; Hugo makes a list of each.
    for s in &sections {
        let title = s.to_string_lossy();
        write(
            &zola.join("content").join(s).join("_index.md"),
            &format!("+++\ntitle = {}\nsort_by = \"date\"\n+++\n", quoted(&title)),
        )?;
    }
    write(
        &zola.join("content/_index.md"),
        "+++\ntitle = \"Arkiv\"\nsort_by = \"date\"\n+++\n",
    )?;
    write(&hugo.join("hugo.toml"), HUGO_CONFIG)?;
    write(&hugo.join("layouts/_default/baseof.html"), HUGO_BASEOF)?;
    write(&hugo.join("layouts/_default/single.html"), HUGO_SINGLE)?;
    write(&hugo.join("layouts/_default/list.html"), HUGO_LIST)?;
    write(&zola.join("config.toml"), ZOLA_CONFIG)?;
    let templates = zola.join("templates");
    write(&templates.join("base.html"), ZOLA_BASE)?;
    write(&templates.join("page.html"), ZOLA_PAGE)?;
    write(&templates.join("section.html"), ZOLA_SECTION)?;
    write(&templates.join("index.html"), ZOLA_SECTION)?;
    write(&templates.join("tags/list.html"), ZOLA_TAXONOMY_LIST)?;
    write(&templates.join("tags/single.html"), ZOLA_TAXONOMY_SINGLE)?;
    Ok(PeersSummary { documents })
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "---\ntitle: \"Beretning \\\"2024\\\": status\"\ndate: 2024-03-10\nkind: chairman-report\nauthors: [Anne Holm]\ntags: [overenskomst, lægevagt]\nsummary: \"Kort.\"\n---\n\nTekst.\n";

    #[test]
    fn front_matter_is_read_as_the_generator_writes_it() {
        let Some((front, body)) = split(DOC) else {
            panic!("no front matter")
        };
        assert_eq!(front.title, "\"Beretning \\\"2024\\\": status\"");
        assert_eq!(front.date, "2024-03-10");
        assert_eq!(front.tags, vec!["overenskomst", "lægevagt"]);
        assert_eq!(front.summary.as_deref(), Some("\"Kort.\""));
        assert_eq!(body, "\nTekst.\n");
        assert!(split("no front matter").is_none());
        assert!(split("---\ntitle: x\n").is_none(), "unclosed");
    }

    #[test]
    fn each_peer_gets_its_own_front_matter() {
        let Some((front, body)) = split(DOC) else {
            panic!("no front matter")
        };
        let zola = zola_page(&front, body);
        assert!(zola
            .starts_with("+++\ntitle = \"Beretning \\\"2024\\\": status\"\ndate = 2024-03-10\n"));
        assert!(zola.contains("[taxonomies]\ntags = [\"overenskomst\", \"lægevagt\"]\n+++\n"));
        let hugo = hugo_page(&front, body);
        assert!(hugo.contains("tags: [\"overenskomst\", \"lægevagt\"]\nsummary: \"Kort.\"\n---\n"));
    }

    #[test]
    fn a_generated_site_is_written_for_both_peers() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let site = dir.path().join("site");
        let options = crate::GenerateOptions {
            documents: 30,
            seed: 1,
        };
        let made = crate::generate_site(&site, &options).unwrap_or_else(|e| panic!("{e}"));
        let summary =
            write_peers(&site, &dir.path().join("peers")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(summary.documents, made.documents);
        for peer in ["hugo", "zola"] {
            let count = markdown_files(&dir.path().join("peers").join(peer).join("content"))
                .map(|f| f.iter().filter(|p| !p.ends_with("_index.md")).count())
                .unwrap_or(0);
            assert_eq!(count, made.documents, "{peer}");
        }
    }
}
