//! OpenDocument presentations (.odp, LibreOffice Impress) → `kind: slides`, as for PowerPoint:
//! one slide per page, the title frame as heading, outline lists as nested lists, tables,
//! pictures beside the document, notes under `Note:`; hidden pages are left out and counted.

use super::converted::{media_marker, Converted, Source};
use super::guess::Guess;
use super::markdown_out::{cell, escape_inline, escape_line_start, numeric_alignment, table};
use super::ooxml::{self, Node, MAX_MEDIA_BYTES};
use crate::core::kind::Kind;
use crate::core::messages::{msg, Text};
use std::collections::HashSet;

pub fn convert(bytes: Vec<u8>, _source: &Source) -> Result<Converted, Text> {
    let mut pkg = ooxml::open(bytes, ooxml::IMPRESS, ".odp")?;
    if !pkg.has("content.xml") {
        return Err(msg("import.not_odp", &[]));
    }
    let content = pkg.xml("content.xml")?;
    let hidden_styles: HashSet<String> = content
        .find_all("style")
        .into_iter()
        .filter(|s| {
            s.find_all("drawing-page-properties")
                .iter()
                .any(|p| p.attr("visibility") == Some("hidden"))
        })
        .filter_map(|s| s.attr("name").map(str::to_string))
        .collect();
    let pages = content.find_all("page");
    let mut out = Converted::default();
    let mut slides = Vec::new();
    let mut hidden = 0;
    let mut subtitle: Vec<String> = Vec::new();
    let mut media_bytes = 0u64;
    for page in pages {
        let is_hidden = page.attr("visibility") == Some("hidden")
            || page
                .attr("style-name")
                .is_some_and(|s| hidden_styles.contains(s));
        if is_hidden {
            hidden += 1;
            continue;
        }
        let mut title = String::new();
        let mut subs = Vec::new();
        let mut body = String::new();
        for frame in page.children_named("frame") {
            let class = frame.attr("class").unwrap_or("");
            if let Some(tbl) = frame.child("table") {
                body.push_str(&table_md(tbl));
                continue;
            }
            if let Some(img) = frame.child("image") {
                let Some(href) = img.attr("href").filter(|h| !h.contains("://")) else {
                    continue;
                };
                let ext = href.rsplit('.').next().unwrap_or("").to_lowercase();
                if !matches!(
                    ext.as_str(),
                    "png" | "jpg" | "jpeg" | "gif" | "svg" | "webp"
                ) {
                    continue;
                }
                let bytes = pkg.bytes(href, MAX_MEDIA_BYTES)?;
                media_bytes += bytes.len() as u64;
                if media_bytes > MAX_MEDIA_BYTES {
                    continue;
                }
                let alt = frame
                    .child("desc")
                    .map(Node::text)
                    .or_else(|| frame.attr("name").map(str::to_string))
                    .unwrap_or_else(|| "Billede".into());
                let n = out.media.len();
                out.media.push((ext, bytes));
                body.push_str(&format!(
                    "\n![{}]({})\n\n",
                    escape_inline(alt.trim()),
                    media_marker(n)
                ));
                continue;
            }
            let Some(text_box) = frame.child("text-box") else {
                continue;
            };
            match class {
                "title" => title = one_line(&text_box.text_lines().join(" ")),
                "subtitle" => subs.extend(text_box.text_lines()),
                _ => body.push_str(&outline(text_box)),
            }
        }
        let notes: Vec<String> = page
            .child("notes")
            .map(|n| {
                n.find_all("frame")
                    .into_iter()
                    .filter(|f| f.attr("class") == Some("notes"))
                    .filter_map(|f| f.child("text-box"))
                    .flat_map(|t| t.text_lines())
                    .collect()
            })
            .unwrap_or_default();
        if slides.is_empty() {
            subtitle = subs.clone();
            if out.title.is_none() && !title.is_empty() {
                out.title = Some(Guess {
                    value: title.clone(),
                    how: msg("import.how.first_slide", &[]),
                });
            }
        }
        let mut md = String::new();
        if !title.is_empty() {
            let level = if slides.is_empty() { "#" } else { "##" };
            md.push_str(&format!("{level} {}\n\n", escape_inline(&title)));
        }
        for s in &subs {
            md.push_str(&format!("{}\n\n", escape_line_start(&escape_inline(s))));
        }
        md.push_str(&body);
        if !notes.is_empty() {
            md.push_str("\nNote:\n");
            for n in &notes {
                md.push_str(&format!("{}\n\n", escape_line_start(&escape_inline(n))));
            }
        }
        slides.push(md.trim_end().to_string());
    }
    out.set_deck(&slides, hidden)?;
    out.top_text = format!("{}\n{}", subtitle.join("\n"), out.body);
    if !subtitle.is_empty() {
        out.summary = Some(subtitle.join(" · "));
    }
    out.kind = Some(Guess {
        value: Kind::Slides,
        how: msg("import.how.odp", &[]),
    });
    Ok(out)
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

trait TextLines {
    fn text_lines(&self) -> Vec<String>;
}

impl TextLines for Node {
    /// Each paragraph's text, lists flattened.
    fn text_lines(&self) -> Vec<String> {
        self.find_all("p")
            .into_iter()
            .map(|p| one_line(&para_text(p)))
            .filter(|t| !t.is_empty())
            .collect()
    }
}

/// A paragraph's text: spans, `text:s` spaces, tabs and line breaks.
fn para_text(p: &Node) -> String {
    let mut out = String::new();
    for child in &p.children {
        match child {
            ooxml::Child::Text(t) => out.push_str(t),
            ooxml::Child::Element(e) => match e.name.as_str() {
                "s" | "tab" | "line-break" => out.push(' '),
                _ => out.push_str(&para_text(e)),
            },
        }
    }
    out
}

/// An outline text box: paragraphs, and lists nested to any depth.
fn outline(text_box: &Node) -> String {
    let mut out = String::new();
    for child in text_box.elements() {
        match child.name.as_str() {
            "p" => {
                let t = one_line(&para_text(child));
                if !t.is_empty() {
                    out.push_str(&format!("\n{}\n\n", escape_line_start(&escape_inline(&t))));
                }
            }
            "list" => list(child, 0, &mut out),
            _ => {}
        }
    }
    out.push('\n');
    out
}

fn list(node: &Node, level: usize, out: &mut String) {
    for item in node.children_named("list-item") {
        for child in item.elements() {
            match child.name.as_str() {
                "p" | "h" => {
                    let t = one_line(&para_text(child));
                    if !t.is_empty() {
                        out.push_str(&format!(
                            "{}- {}\n",
                            "  ".repeat(level.min(8)),
                            escape_inline(&t)
                        ));
                    }
                }
                "list" => list(child, level + 1, out),
                _ => {}
            }
        }
    }
}

fn table_md(tbl: &Node) -> String {
    let rows: Vec<Vec<String>> = tbl
        .find_all("table-row")
        .into_iter()
        .map(|row| {
            row.children_named("table-cell")
                .map(|c| cell(&c.text_lines().join(" ")))
                .collect()
        })
        .collect();
    let align = numeric_alignment(&rows);
    format!("\n{}\n", table(&rows, &align))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_lists_and_spaces() {
        let root = ooxml::parse(
            r#"<b xmlns:text="t"><text:list><text:list-item><text:p>En<text:s/>ting</text:p><text:list><text:list-item><text:p>Under</text:p></text:list-item></text:list></text:list-item></text:list><text:p>Afsnit</text:p></b>"#,
        )
        .unwrap();
        assert_eq!(outline(&root), "- En ting\n  - Under\n\nAfsnit\n\n\n");
    }
}
