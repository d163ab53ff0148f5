//! Text with positions from a PDF, page by page: the content stream's text operators are
//! followed with the text and graphics matrices, so each piece of text has a place on the
//! page and a size. The layout rules that turn these lines into Markdown are in
//! `pdf_layout`. The approach follows `crate::model::pdf`, which reads attached PDFs for search.

use crate::core::messages::{msg, Text};
use std::collections::BTreeMap;

/// Decompressed page content beyond this is not read (guards against zip bombs).
const MAX_PAGE_BYTES: usize = 32 * 1024 * 1024;
/// Pages beyond this are not read.
const MAX_PAGES: usize = 2000;

/// A line of text as placed on the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub x: f32,
    /// From the bottom of the page, as PDF measures it.
    pub y: f32,
    pub size: f32,
    pub bold: bool,
    pub text: String,
}

#[derive(Debug, Clone, Default)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    /// Top to bottom.
    pub lines: Vec<Line>,
}

#[derive(Debug, Default)]
pub struct PdfText {
    pub pages: Vec<Page>,
    pub title: Option<String>,
    pub created: Option<String>,
}

/// Reads the text of every page. Errors are sentences about the file.
pub fn read(bytes: &[u8]) -> Result<PdfText, Text> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(msg("import.not_pdf", &[]));
    }
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(msg("import.pdf_cut_short", &[]));
    }
    let doc = lopdf::Document::load_mem(bytes)
        .map_err(|e| msg("import.pdf_unreadable", &[("error", &e)]))?;
    let still_encrypted =
        (doc.is_encrypted() || doc.trailer.get(b"Encrypt").is_ok()) && !doc.was_encrypted();
    if still_encrypted {
        return Err(msg("import.pdf_encrypted", &[]));
    }
    let mut out = PdfText {
        title: info_string(&doc, b"Title"),
        created: info_string(&doc, b"CreationDate"),
        ..Default::default()
    };
    for (_, id) in doc.get_pages().into_iter().take(MAX_PAGES) {
        let (width, height) = media_box(&doc, id);
        // A page whose content cannot be decoded is kept empty; the others still count.
        let lines = page_lines(&doc, id).unwrap_or_default();
        out.pages.push(Page {
            width,
            height,
            lines,
        });
    }
    if out.pages.is_empty() {
        return Err(msg("import.pdf_no_pages", &[]));
    }
    Ok(out)
}

fn info_string(doc: &lopdf::Document, key: &[u8]) -> Option<String> {
    let info = doc.trailer.get(b"Info").ok()?;
    let (_, info) = doc.dereference(info).ok()?;
    let value = info.as_dict().ok()?.get(key).ok()?;
    let (_, value) = doc.dereference(value).ok()?;
    let text = lopdf::decode_text_string(value).ok()?;
    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() || (key == b"Title" && super::guess::is_placeholder_title(&text)) {
        return None;
    }
    Some(text)
}

/// The page's size, looking up the page tree for an inherited MediaBox; A4 when unknown.
fn media_box(doc: &lopdf::Document, id: lopdf::ObjectId) -> (f32, f32) {
    let mut current = doc.get_dictionary(id).ok();
    for _ in 0..16 {
        let Some(dict) = current else { break };
        if let Ok(obj) = dict.get(b"MediaBox") {
            let arr = doc
                .dereference(obj)
                .ok()
                .and_then(|(_, o)| o.as_array().ok().cloned());
            if let Some(arr) = arr {
                let n: Vec<f32> = arr.iter().filter_map(|o| o.as_float().ok()).collect();
                if n.len() == 4 {
                    return ((n[2] - n[0]).abs(), (n[3] - n[1]).abs());
                }
            }
        }
        current = dict
            .get(b"Parent")
            .ok()
            .and_then(|p| p.as_reference().ok())
            .and_then(|r| doc.get_dictionary(r).ok());
    }
    (595.0, 842.0)
}

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn multiply(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn numbers(ops: &[lopdf::Object]) -> Vec<f32> {
    ops.iter().filter_map(|o| o.as_float().ok()).collect()
}

/// A piece of text as shown by one operator.
struct Piece {
    x: f32,
    y: f32,
    size: f32,
    bold: bool,
    text: String,
}

fn page_lines(doc: &lopdf::Document, page: lopdf::ObjectId) -> lopdf::Result<Vec<Line>> {
    let fonts: BTreeMap<Vec<u8>, (Option<lopdf::Encoding>, bool)> = doc
        .get_page_fonts(page)?
        .into_iter()
        .map(|(name, font)| {
            let bold = font
                .get(b"BaseFont")
                .ok()
                .and_then(|b| b.as_name().ok())
                .map(|b| {
                    let b = String::from_utf8_lossy(b).to_lowercase();
                    b.contains("bold") || b.contains("black") || b.contains("heavy")
                })
                .unwrap_or(false);
            let encoding = font.get_font_encoding_with_limit(doc, MAX_PAGE_BYTES).ok();
            (name, (encoding, bold))
        })
        .collect();
    let data = doc.get_page_content_with_limit(page, MAX_PAGE_BYTES)?;
    let content = lopdf::content::Content::decode(&data)?;
    let mut pieces: Vec<Piece> = Vec::new();
    let mut ctm = IDENTITY;
    let mut stack: Vec<Matrix> = Vec::new();
    let mut tm = IDENTITY;
    let mut tlm = IDENTITY;
    let mut leading = 0.0f32;
    let mut size = 12.0f32;
    let mut font: Option<&(Option<lopdf::Encoding>, bool)> = None;
    for op in &content.operations {
        let n = numbers(&op.operands);
        match op.operator.as_str() {
            "q" => stack.push(ctm),
            "Q" => ctm = stack.pop().unwrap_or(IDENTITY),
            "cm" if n.len() == 6 => ctm = multiply(&[n[0], n[1], n[2], n[3], n[4], n[5]], &ctm),
            "BT" => {
                tm = IDENTITY;
                tlm = IDENTITY;
            }
            "Tf" => {
                font = op
                    .operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .and_then(|name| fonts.get(name));
                if let Some(s) = n.first() {
                    size = *s;
                }
            }
            "TL" => leading = n.first().copied().unwrap_or(0.0),
            "Tm" if n.len() == 6 => {
                tm = [n[0], n[1], n[2], n[3], n[4], n[5]];
                tlm = tm;
            }
            "Td" | "TD" if n.len() == 2 => {
                if op.operator == "TD" {
                    leading = -n[1];
                }
                tlm = multiply(&[1.0, 0.0, 0.0, 1.0, n[0], n[1]], &tlm);
                tm = tlm;
            }
            "T*" => {
                tlm = multiply(&[1.0, 0.0, 0.0, 1.0, 0.0, -leading], &tlm);
                tm = tlm;
            }
            "Tj" | "TJ" | "'" | "\"" => {
                if op.operator != "Tj" && op.operator != "TJ" {
                    tlm = multiply(&[1.0, 0.0, 0.0, 1.0, 0.0, -leading], &tlm);
                    tm = tlm;
                }
                let Some((Some(encoding), bold)) = font else {
                    continue;
                };
                let mut text = String::new();
                crate::model::pdf::collect_strings(&mut text, encoding, &op.operands);
                if text.trim().is_empty() {
                    continue;
                }
                let m = multiply(&tm, &ctm);
                let scale = (m[2] * m[2] + m[3] * m[3]).sqrt();
                // Advance roughly, so a second piece on the same line lands after this one.
                let advance = text.chars().count() as f32 * size * 0.5;
                tm = multiply(&[1.0, 0.0, 0.0, 1.0, advance, 0.0], &tm);
                pieces.push(Piece {
                    x: m[4],
                    y: m[5],
                    size: (size * scale).abs(),
                    bold: *bold,
                    text,
                });
            }
            _ => {}
        }
    }
    Ok(group_lines(pieces))
}

/// Pieces on the same baseline become one line, left to right; lines go top to bottom.
fn group_lines(mut pieces: Vec<Piece>) -> Vec<Line> {
    pieces.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<(Line, f32)> = Vec::new();
    for p in pieces {
        let tolerance = p.size.max(1.0) * 0.4;
        let end_estimate = p.x + p.text.chars().count() as f32 * p.size * 0.45;
        match lines.last_mut() {
            Some((line, end)) if (line.y - p.y).abs() <= tolerance => {
                if p.x > *end + p.size * 0.1 || !line.text.ends_with(' ') {
                    line.text.push(' ');
                }
                line.text.push_str(&p.text);
                line.size = line.size.max(p.size);
                line.bold &= p.bold;
                *end = end_estimate;
            }
            _ => lines.push((
                Line {
                    x: p.x,
                    y: p.y,
                    size: p.size,
                    bold: p.bold,
                    text: p.text,
                },
                end_estimate,
            )),
        }
    }
    lines
        .into_iter()
        .map(|(mut l, _)| {
            l.text = l.text.trim().to_string();
            l
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_pdf_cut_short_and_garbage_are_errors() {
        assert!(read(b"hello").unwrap_err().en.contains("not a PDF"));
        assert!(read(b"%PDF-1.4\n1 0 obj <<>>")
            .unwrap_err()
            .en
            .contains("cut short"));
        assert!(read(b"%PDF-1.4\nnonsense\n%%EOF").is_err());
    }

    #[test]
    fn pieces_on_one_baseline_join() {
        let p = |x: f32, y: f32, t: &str| Piece {
            x,
            y,
            size: 10.0,
            bold: false,
            text: t.into(),
        };
        let lines = group_lines(vec![
            p(86.0, 700.0, "Punkt"),
            p(72.0, 700.2, "•"),
            p(72.0, 680.0, "Næste"),
        ]);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text, "• Punkt");
        assert_eq!(lines[1].text, "Næste");
    }
}
