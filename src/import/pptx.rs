//! PowerPoint (.pptx) → `kind: slides`: one slide per slide in the deck's order, the title as
//! heading, bullet levels as nested lists, tables as Markdown tables, pictures as files beside
//! the document, speaker notes under `Note:`. Hidden slides are left out and counted.

use super::converted::{media_marker, Converted, Source};
use super::guess::{find_date, Guess};
use super::markdown_out::{cell, escape_inline, escape_line_start, numeric_alignment, table};
use super::ooxml::{self, Node, Package, Rels, MAX_MEDIA_BYTES};
use crate::core::kind::Kind;
use crate::core::messages::{msg, Text};

/// A deck with more slides than this is refused.
const MAX_SLIDES: usize = 2000;

pub fn convert(bytes: Vec<u8>, _source: &Source) -> Result<Converted, Text> {
    let mut pkg = ooxml::open(bytes, ooxml::POWERPOINT, ".pptx")?;
    if !pkg.has("ppt/presentation.xml") {
        return Err(msg("import.not_powerpoint", &[]));
    }
    let pres = pkg.xml("ppt/presentation.xml")?;
    let pres_rels = pkg.rels("ppt/presentation.xml")?;
    let mut slide_parts = Vec::new();
    if let Some(list) = pres.child("sldIdLst") {
        for id in list.children_named("sldId") {
            // `<p:sldId id="256" r:id="rId2"/>`: the relationship is the prefixed `id`.
            let rel = id
                .attrs
                .iter()
                .find(|(k, _)| k.ends_with(":id"))
                .and_then(|(_, r)| pres_rels.get(r));
            if let Some(rel) = rel {
                slide_parts.push(rel.target.clone());
            }
        }
    }
    if slide_parts.len() > MAX_SLIDES {
        return Err(msg("import.too_many_slides", &[("n", &slide_parts.len())]));
    }
    let props = pkg.core_properties();
    let mut out = Converted::default();
    let mut slides_md = Vec::new();
    let mut hidden = 0;
    let mut media_bytes = 0u64;
    let mut first_title: Option<String> = None;
    let mut subtitle_lines: Vec<String> = Vec::new();
    for (index, part) in slide_parts.iter().enumerate() {
        let slide = pkg.xml(part)?;
        if matches!(slide.attr("show"), Some("0") | Some("false")) {
            hidden += 1;
            continue;
        }
        let rels = pkg.rels(part)?;
        let mut reader = SlideReader {
            pkg: &mut pkg,
            rels: &rels,
            out: &mut out,
            media_bytes: &mut media_bytes,
        };
        let content = reader.slide(&slide)?;
        let notes = match rels.of_kind("/notesSlide") {
            Some(rel) => {
                let target = rel.target.clone();
                match pkg.optional_xml(&target)? {
                    Some(n) => notes_text(&n),
                    None => String::new(),
                }
            }
            None => String::new(),
        };
        if first_title.is_none() && !content.title.is_empty() {
            first_title = Some(content.title.clone());
        }
        if index == 0 || slides_md.is_empty() {
            subtitle_lines = content.subtitle.clone();
        }
        let mut md = String::new();
        let level = if slides_md.is_empty() { "#" } else { "##" };
        if !content.title.is_empty() {
            md.push_str(&format!("{level} {}\n\n", escape_inline(&content.title)));
        }
        for line in &content.subtitle {
            md.push_str(&format!("{}\n\n", escape_line_start(&escape_inline(line))));
        }
        md.push_str(&content.body);
        if !notes.trim().is_empty() {
            md.push_str("\nNote:\n");
            for para in notes.lines().filter(|l| !l.trim().is_empty()) {
                md.push_str(&escape_line_start(&escape_inline(para.trim())));
                md.push_str("\n\n");
            }
        }
        slides_md.push(md.trim_end().to_string());
    }
    out.set_deck(&slides_md, hidden)?;
    out.title = first_title
        .map(|t| Guess {
            value: t,
            how: msg("import.how.first_slide", &[]),
        })
        .or_else(|| {
            props.title.clone().map(|t| Guess {
                value: t,
                how: msg("import.how.properties", &[]),
            })
        });
    out.kind = Some(Guess {
        value: Kind::Slides,
        how: msg("import.how.powerpoint", &[]),
    });
    // The title slide's subtitle (meeting, date, speaker) comes first when guessing a date.
    let mut top = subtitle_lines.join("\n");
    top.push('\n');
    top.push_str(&plain(&out.body));
    out.top_text = top;
    for line in &subtitle_lines {
        let lower = line.to_lowercase();
        for prefix in ["v. ", "ved ", "af "] {
            if let Some(name) = lower.strip_prefix(prefix).map(|_| &line[prefix.len()..]) {
                let name = name.split([',', '·', '|']).next().unwrap_or("").trim();
                if !name.is_empty() && find_date(name).is_none() {
                    out.authors.push(name.to_string());
                }
            }
        }
    }
    if !subtitle_lines.is_empty() {
        out.summary = Some(subtitle_lines.join(" · "));
    }
    out.metadata_date = props.created;
    Ok(out)
}

/// Body text without Markdown marks, for date guessing.
fn plain(md: &str) -> String {
    md.chars()
        .filter(|c| !matches!(c, '#' | '*' | '\\' | '|'))
        .collect()
}

struct SlideContent {
    title: String,
    subtitle: Vec<String>,
    body: String,
}

struct SlideReader<'a> {
    pkg: &'a mut Package,
    rels: &'a Rels,
    out: &'a mut Converted,
    media_bytes: &'a mut u64,
}

impl SlideReader<'_> {
    fn slide(&mut self, slide: &Node) -> Result<SlideContent, Text> {
        let mut content = SlideContent {
            title: String::new(),
            subtitle: Vec::new(),
            body: String::new(),
        };
        if let Some(tree) = slide.path(&["cSld", "spTree"]) {
            self.shapes(tree, &mut content)?;
        }
        Ok(content)
    }

    /// Shapes in z-order, which is the reading order PowerPoint uses for accessibility.
    fn shapes(&mut self, tree: &Node, content: &mut SlideContent) -> Result<(), Text> {
        for shape in tree.elements() {
            match shape.name.as_str() {
                "sp" => self.text_shape(shape, content),
                "grpSp" => self.shapes(shape, content)?,
                "graphicFrame" => {
                    if let Some(tbl) = shape.find_all("tbl").first() {
                        content.body.push_str(&table_md(tbl));
                        content.body.push('\n');
                    }
                }
                "pic" => self.picture(shape, content)?,
                _ => {}
            }
        }
        Ok(())
    }

    fn text_shape(&mut self, shape: &Node, content: &mut SlideContent) {
        let ph = shape.path(&["nvSpPr", "nvPr", "ph"]);
        let ph_type = ph.map(|p| p.attr("type").unwrap_or("body"));
        let Some(body) = shape.child("txBody") else {
            return;
        };
        match ph_type {
            Some("title") | Some("ctrTitle") => {
                let lines: Vec<String> = paragraphs(body).into_iter().map(|p| p.text).collect();
                let title = lines
                    .join(" ")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                if content.title.is_empty() {
                    content.title = title;
                } else if !title.is_empty() {
                    content.subtitle.push(title);
                }
            }
            Some("subTitle") => {
                for p in paragraphs(body) {
                    let t = p.text.trim().to_string();
                    if !t.is_empty() {
                        content.subtitle.push(t);
                    }
                }
            }
            Some("sldNum") | Some("dt") | Some("ftr") | Some("hdr") => {}
            _ => {
                // Placeholders bullet by default; a text box only when it says so.
                let bullets_default = ph.is_some();
                let mut paras = paragraphs(body);
                // A deck without title placeholders: a short first text box is the title.
                if ph.is_none() && content.title.is_empty() && content.body.trim().is_empty() {
                    let texts: Vec<&Para> =
                        paras.iter().filter(|p| !p.text.trim().is_empty()).collect();
                    if let [only] = texts.as_slice() {
                        let t = only.text.trim();
                        if t.chars().count() <= 80 && only.bullet != Some(true) {
                            content.title = t.split_whitespace().collect::<Vec<_>>().join(" ");
                            paras.clear();
                        }
                    }
                }
                for p in paras {
                    let text = p.text.trim();
                    if text.is_empty() {
                        continue;
                    }
                    let bullet = match p.bullet {
                        Some(b) => b,
                        None => bullets_default,
                    };
                    if bullet {
                        content.body.push_str(&"  ".repeat(p.level));
                        content.body.push_str("- ");
                        content.body.push_str(&escape_inline(text));
                        content.body.push('\n');
                    } else {
                        content.body.push('\n');
                        content
                            .body
                            .push_str(&escape_line_start(&escape_inline(text)));
                        content.body.push_str("\n\n");
                    }
                }
                content.body.push('\n');
            }
        }
    }

    fn picture(&mut self, shape: &Node, content: &mut SlideContent) -> Result<(), Text> {
        let Some(blip) = shape.find_all("blip").into_iter().next() else {
            return Ok(());
        };
        let Some(rel) = blip.attr("embed").and_then(|id| self.rels.get(id)) else {
            return Ok(());
        };
        if rel.external {
            return Ok(());
        }
        let ext = rel
            .target
            .rsplit('.')
            .next()
            .unwrap_or("png")
            .to_lowercase();
        if !matches!(
            ext.as_str(),
            "png" | "jpg" | "jpeg" | "gif" | "svg" | "webp"
        ) {
            return Ok(());
        }
        let bytes = self.pkg.bytes(&rel.target, MAX_MEDIA_BYTES)?;
        *self.media_bytes += bytes.len() as u64;
        if *self.media_bytes > MAX_MEDIA_BYTES {
            return Ok(());
        }
        let alt = shape
            .path(&["nvPicPr", "cNvPr"])
            .and_then(|c| c.attr("descr").or(c.attr("name")))
            .unwrap_or("Billede")
            .to_string();
        let n = self.out.media.len();
        self.out.media.push((ext, bytes));
        content.body.push_str(&format!(
            "\n![{}]({})\n\n",
            escape_inline(alt.trim()),
            media_marker(n)
        ));
        Ok(())
    }
}

struct Para {
    text: String,
    level: usize,
    /// Some(true) for an explicit bullet, Some(false) for `buNone`, None for the default.
    bullet: Option<bool>,
}

fn paragraphs(body: &Node) -> Vec<Para> {
    body.children_named("p")
        .map(|p| {
            let ppr = p.child("pPr");
            let level = ppr
                .and_then(|x| x.attr("lvl"))
                .and_then(|l| l.parse::<usize>().ok())
                .unwrap_or(0)
                .min(8);
            let bullet = ppr.and_then(|x| {
                if x.child("buNone").is_some() {
                    Some(false)
                } else if x.child("buChar").is_some() || x.child("buAutoNum").is_some() {
                    Some(true)
                } else {
                    None
                }
            });
            let mut text = String::new();
            for run in p.elements() {
                match run.name.as_str() {
                    "r" | "fld" => {
                        text.push_str(&run.child("t").map(Node::text).unwrap_or_default())
                    }
                    "br" => text.push(' '),
                    _ => {}
                }
            }
            Para {
                text: text.replace(['\u{b}', '\u{a0}'], " "),
                level,
                bullet,
            }
        })
        .collect()
}

fn table_md(tbl: &Node) -> String {
    let rows: Vec<Vec<String>> = tbl
        .children_named("tr")
        .map(|tr| {
            tr.children_named("tc")
                .map(|tc| {
                    let text: Vec<String> = tc
                        .child("txBody")
                        .map(|b| paragraphs(b).into_iter().map(|p| p.text).collect())
                        .unwrap_or_default();
                    cell(&text.join(" "))
                })
                .collect()
        })
        .collect();
    let align = numeric_alignment(&rows);
    format!("\n{}", table(&rows, &align))
}

/// The speaker notes: the body placeholder of the notes page (not the slide image or number).
fn notes_text(notes: &Node) -> String {
    let mut out = String::new();
    for sp in notes.find_all("sp") {
        let ph = sp.path(&["nvSpPr", "nvPr", "ph"]);
        if ph.and_then(|p| p.attr("type")) != Some("body") {
            continue;
        }
        if let Some(body) = sp.child("txBody") {
            for p in paragraphs(body) {
                out.push_str(p.text.trim());
                out.push('\n');
            }
        }
    }
    out
}
