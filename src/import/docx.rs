//! Word (.docx) → a report or newsletter: heading styles (English and Danish names) become
//! `#`/`##`/`###`, bold and italic are kept, bulleted and numbered lists (nested, from
//! numbering.xml) become Markdown lists, tables become tables, hyperlinks become links,
//! pictures become files beside the document and footnotes become Markdown footnotes.

use super::converted::{media_marker, Converted, Source};
use super::docx_styles::{read_numbering, read_styles, StyleRole, Styles};
use super::guess::Guess;
use super::markdown_out::{emphasis, escape_inline, escape_line_start, numeric_alignment, table};
use super::ooxml::{self, Node, Package, Rels, MAX_MEDIA_BYTES};
use crate::core::messages::{each, msg, Text};
use std::collections::HashMap;

pub fn convert(bytes: Vec<u8>, _source: &Source) -> Result<Converted, Text> {
    let mut pkg = ooxml::open(bytes, ooxml::WORD, ".docx")?;
    if !pkg.has("word/document.xml") {
        return Err(msg("import.not_word", &[]));
    }
    let doc = pkg.xml("word/document.xml")?;
    let rels = pkg.rels("word/document.xml")?;
    let styles = read_styles(pkg.optional_xml("word/styles.xml")?.as_ref());
    let numbering = read_numbering(pkg.optional_xml("word/numbering.xml")?.as_ref());
    let footnotes_xml = pkg.optional_xml("word/footnotes.xml")?;
    let props = pkg.core_properties();
    let mut out = Converted::default();
    let mut writer = Writer {
        pkg: &mut pkg,
        rels: &rels,
        styles: &styles,
        numbering: &numbering,
        out: &mut out,
        md: String::new(),
        plain: String::new(),
        list_stack: Vec::new(),
        in_list: false,
        title: None,
        first_heading: None,
        footnotes_used: Vec::new(),
        media_bytes: 0,
    };
    let body = doc
        .child("body")
        .ok_or_else(|| msg("import.no_body", &[]))?;
    writer.blocks(body)?;
    let mut md = std::mem::take(&mut writer.md);
    let plain = std::mem::take(&mut writer.plain);
    let title = writer.title.take();
    let first_heading = writer.first_heading.take();
    let used = std::mem::take(&mut writer.footnotes_used);
    if let Some(notes) = &footnotes_xml {
        let mut notes_md = String::new();
        for note in notes.children_named("footnote") {
            let Some(id) = note.attr("id") else { continue };
            if !used.iter().any(|u| u == id) {
                continue;
            }
            let mut text = String::new();
            for p in note.children_named("p") {
                writer.inline(p, &mut text)?;
                text.push(' ');
            }
            notes_md.push_str(&format!("[^{id}]: {}\n", text.trim()));
        }
        if !notes_md.is_empty() {
            md.push_str("\n\n");
            md.push_str(&notes_md);
        }
    }
    if !used.is_empty() {
        let n = used.len();
        out.facts
            .push(each(|m| m.count("import.fact.footnotes", n, &[])));
    }
    out.body = md;
    out.top_text = plain;
    out.title = title
        .map(|t| Guess {
            value: t,
            how: msg("import.how.title_style", &[]),
        })
        .or_else(|| {
            first_heading.map(|t| Guess {
                value: t,
                how: msg("import.how.first_heading", &[]),
            })
        })
        .or_else(|| {
            props.title.clone().map(|t| Guess {
                value: t,
                how: msg("import.how.properties", &[]),
            })
        });
    out.metadata_date = props.created;
    Ok(out)
}

struct Writer<'a> {
    pkg: &'a mut Package,
    rels: &'a Rels,
    styles: &'a Styles,
    numbering: &'a HashMap<String, Vec<bool>>,
    out: &'a mut Converted,
    md: String,
    /// The text without marks, for date and kind guessing.
    plain: String,
    /// Widths of the list markers at each open level, for indenting nested items.
    list_stack: Vec<usize>,
    in_list: bool,
    title: Option<String>,
    first_heading: Option<String>,
    footnotes_used: Vec<String>,
    media_bytes: u64,
}

impl Writer<'_> {
    fn blocks(&mut self, parent: &Node) -> Result<(), Text> {
        for block in parent.elements() {
            match block.name.as_str() {
                "p" => self.paragraph(block)?,
                "tbl" => {
                    self.end_list();
                    let t = self.table(block)?;
                    self.block(&t);
                }
                "sdt" => {
                    if let Some(content) = block.child("sdtContent") {
                        self.blocks(content)?;
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn block(&mut self, text: &str) {
        if !self.md.is_empty() {
            self.md.push_str("\n\n");
        }
        self.md.push_str(text.trim_end());
    }

    fn end_list(&mut self) {
        self.list_stack.clear();
        self.in_list = false;
    }

    fn paragraph(&mut self, p: &Node) -> Result<(), Text> {
        let ppr = p.child("pPr");
        let style = ppr
            .and_then(|x| x.child("pStyle"))
            .and_then(|s| s.attr("val"))
            .unwrap_or("");
        let role = self.styles.roles.get(style).copied();
        let num = ppr.and_then(|x| x.child("numPr")).and_then(|n| {
            let id = n.child("numId")?.attr("val")?.to_string();
            let level = n
                .child("ilvl")
                .and_then(|l| l.attr("val"))
                .and_then(|v| v.parse().ok())
                .unwrap_or(0usize);
            Some((id, level))
        });
        let num = num.or_else(|| self.styles.numbering.get(style).cloned());
        let mut text = String::new();
        self.inline(p, &mut text)?;
        let plain_line = strip_marks(&text);
        if text.trim().is_empty() {
            return Ok(());
        }
        self.plain.push_str(&plain_line);
        self.plain.push('\n');
        match (role, num) {
            (Some(StyleRole::Title), _) if self.title.is_none() => {
                self.end_list();
                self.title = Some(plain_line.trim().to_string());
            }
            (Some(StyleRole::Title), _) => {
                self.end_list();
                self.block(&format!("# {}", text.trim()));
            }
            (Some(StyleRole::Heading(level)), _) => {
                self.end_list();
                if self.first_heading.is_none() {
                    self.first_heading = Some(plain_line.trim().to_string());
                }
                // The title is the page's `#`, so Heading 1 is `##`.
                self.block(&format!("{} {}", "#".repeat(level + 1), text.trim()));
            }
            (None, Some((num_id, level))) if num_id != "0" => {
                let ordered = self
                    .numbering
                    .get(&num_id)
                    .and_then(|levels| levels.get(level).copied())
                    .unwrap_or(false);
                let level = level.min(8).min(self.list_stack.len());
                self.list_stack.truncate(level);
                let indent: usize = self.list_stack.iter().sum();
                let marker = if ordered { "1. " } else { "- " };
                self.list_stack.push(marker.len());
                let line = format!("{}{marker}{}", " ".repeat(indent), text.trim());
                if self.in_list {
                    self.md.push('\n');
                    self.md.push_str(&line);
                } else {
                    self.block(&line);
                }
                self.in_list = true;
            }
            _ => {
                self.end_list();
                let t = escape_line_start(text.trim());
                self.block(&t);
            }
        }
        Ok(())
    }

    /// Runs, links, footnote references and pictures of a paragraph, as Markdown.
    fn inline(&mut self, parent: &Node, out: &mut String) -> Result<(), Text> {
        for child in parent.elements() {
            match child.name.as_str() {
                "r" => self.run(child, out)?,
                "hyperlink" => {
                    let mut text = String::new();
                    self.inline(child, &mut text)?;
                    let target = child
                        .attr("id")
                        .and_then(|id| self.rels.get(id))
                        .filter(|r| r.external)
                        .map(|r| r.target.clone());
                    match target {
                        Some(url) if !text.trim().is_empty() => {
                            let url = if url.contains([' ', '(', ')']) {
                                format!("<{url}>")
                            } else {
                                url
                            };
                            out.push_str(&format!("[{}]({url})", text.trim()));
                        }
                        _ => out.push_str(&text),
                    }
                }
                "ins" | "smartTag" | "fldSimple" | "customXml" => self.inline(child, out)?,
                "sdt" => {
                    if let Some(c) = child.child("sdtContent") {
                        self.inline(c, out)?;
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn run(&mut self, r: &Node, out: &mut String) -> Result<(), Text> {
        let rpr = r.child("rPr");
        let on = |name: &str| {
            rpr.and_then(|x| x.child(name))
                .is_some_and(|b| !matches!(b.attr("val"), Some("0") | Some("false")))
        };
        let (bold, italic) = (on("b"), on("i"));
        let mut text = String::new();
        for part in r.elements() {
            match part.name.as_str() {
                "t" => text.push_str(&part.text()),
                "tab" | "br" | "cr" => text.push(' '),
                "noBreakHyphen" => text.push('-'),
                "footnoteReference" => {
                    out.push_str(&emphasis(&escape_inline(&text), bold, italic));
                    text.clear();
                    if let Some(id) = part.attr("id") {
                        out.push_str(&format!("[^{id}]"));
                        if !self.footnotes_used.iter().any(|u| u == id) {
                            self.footnotes_used.push(id.to_string());
                        }
                    }
                }
                "drawing" | "pict" | "object" => {
                    out.push_str(&emphasis(&escape_inline(&text), bold, italic));
                    text.clear();
                    self.picture(part, out)?;
                }
                _ => {}
            }
        }
        out.push_str(&emphasis(&escape_inline(&text), bold, italic));
        Ok(())
    }

    fn picture(&mut self, drawing: &Node, out: &mut String) -> Result<(), Text> {
        let id = drawing
            .find_all("blip")
            .first()
            .and_then(|b| b.attr("embed"))
            .or_else(|| {
                drawing
                    .find_all("imagedata")
                    .first()
                    .and_then(|i| i.attr("id"))
            })
            .map(str::to_string);
        let Some(rel) = id.and_then(|id| self.rels.get(&id)) else {
            return Ok(());
        };
        if rel.external {
            return Ok(());
        }
        let ext = rel.target.rsplit('.').next().unwrap_or("").to_lowercase();
        if !matches!(
            ext.as_str(),
            "png" | "jpg" | "jpeg" | "gif" | "svg" | "webp"
        ) {
            return Ok(());
        }
        let bytes = self.pkg.bytes(&rel.target, MAX_MEDIA_BYTES)?;
        self.media_bytes += bytes.len() as u64;
        if self.media_bytes > MAX_MEDIA_BYTES {
            return Ok(());
        }
        let alt = drawing
            .find_all("docPr")
            .first()
            .and_then(|d| d.attr("descr").filter(|s| !s.is_empty()).or(d.attr("name")))
            .unwrap_or("Billede")
            .to_string();
        let n = self.out.media.len();
        self.out.media.push((ext, bytes));
        out.push_str(&format!("![{}]({})", escape_inline(&alt), media_marker(n)));
        Ok(())
    }

    fn table(&mut self, tbl: &Node) -> Result<String, Text> {
        let mut rows = Vec::new();
        for tr in tbl.children_named("tr") {
            let mut row = Vec::new();
            for tc in tr.children_named("tc") {
                let mut text = String::new();
                for p in tc.children_named("p") {
                    let mut t = String::new();
                    self.inline(p, &mut t)?;
                    if !t.trim().is_empty() {
                        if !text.is_empty() {
                            text.push(' ');
                        }
                        text.push_str(t.trim());
                        self.plain.push_str(&strip_marks(&t));
                        self.plain.push(' ');
                    }
                }
                row.push(text.replace('|', "\\|").replace('\n', " "));
            }
            rows.push(row);
        }
        self.plain.push('\n');
        let align = numeric_alignment(&rows);
        Ok(table(&rows, &align))
    }
}

/// Markdown marks taken out again, for guessing from the text.
fn strip_marks(md: &str) -> String {
    let mut without_refs = String::with_capacity(md.len());
    let mut rest = md;
    while let Some(i) = rest.find("[^") {
        without_refs.push_str(&rest[..i]);
        match rest[i..].find(']') {
            Some(j) => rest = &rest[i + j + 1..],
            None => {
                rest = "";
            }
        }
    }
    without_refs.push_str(rest);
    without_refs
        .replace("**", "")
        .replace('\\', "")
        .chars()
        .filter(|c| *c != '*')
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_a_word_file() {
        let source = Source {
            path: std::path::Path::new("x.docx"),
            forced_kind: None,
        };
        let e = convert(b"plain text".to_vec(), &source).err().unwrap();
        assert!(e.en.contains("not a Word file"), "{e}");
    }
}
