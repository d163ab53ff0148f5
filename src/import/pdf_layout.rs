//! PDF → a document that carries the PDF as its attachment, with its text as the body. The
//! rules: running headers and footers and page numbers are dropped, letter-spaced text is
//! closed up, lines are joined into paragraphs with words hyphenated across line breaks
//! rejoined, bulleted lines become list items, and headings come from larger or bold type or
//! from short unpunctuated lines standing alone. A landscape deck with a short list per page
//! becomes `kind: slides`, one slide per page.

use super::converted::{Converted, Source};
use super::guess::Guess;
use super::markdown_out::{escape_inline, escape_line_start};
use super::pdf_lines::{
    bullet_text, close_letter_spacing, drop_running_lines, heading_like, join_line,
};
use super::pdf_text::{self, Line, Page};
use crate::core::kind::Kind;
use crate::core::messages::{each, msg, Text};
use std::collections::HashMap;

pub fn convert(bytes: &[u8], source: &Source) -> Result<Converted, Text> {
    let pdf = pdf_text::read(bytes)?;
    let page_count = pdf.pages.len();
    let mut pages = pdf.pages;
    let dropped = drop_running_lines(&mut pages);
    for page in &mut pages {
        for line in &mut page.lines {
            line.text = close_letter_spacing(&line.text);
        }
        page.lines.retain(|l| !l.text.is_empty());
    }
    let total_lines: usize = pages.iter().map(|p| p.lines.len()).sum();
    if total_lines == 0 {
        return Err(msg("import.pdf_no_text", &[]));
    }
    let slides = match source.forced_kind {
        Some(k) => k == Kind::Slides,
        None => looks_like_deck(&pages),
    };
    let body_size = body_font_size(&pages);
    let mut out = Converted::default();
    let (body, first_heading) = if slides {
        (slides_body(&pages), None)
    } else {
        document_body(&pages, body_size)
    };
    out.body = body;
    out.top_text = pages
        .iter()
        .flat_map(|p| p.lines.iter())
        .take(40)
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let first_slide_title = if slides {
        pages
            .iter()
            .find_map(|p| p.lines.first())
            .map(|l| l.text.clone())
    } else {
        None
    };
    out.title = pdf
        .title
        .map(|t| Guess {
            value: t,
            how: msg("import.how.pdf_title", &[]),
        })
        .or_else(|| {
            first_slide_title.or(first_heading).map(|t| Guess {
                value: t,
                how: msg("import.how.first_heading", &[]),
            })
        });
    if slides {
        out.kind = Some(Guess {
            value: Kind::Slides,
            how: msg("import.how.pdf_deck", &[]),
        });
    }
    out.metadata_date = pdf.created;
    out.facts.push(each(|m| {
        let mut fact = m.count("import.fact.pages", page_count, &[]);
        if slides {
            fact.push_str(m.get("import.fact.slide_per_page"));
        }
        if !dropped.is_empty() {
            let dropped: Vec<&str> = dropped
                .iter()
                .map(|d| match d {
                    None => m.get("import.fact.page_numbers"),
                    Some(line) => line.as_str(),
                })
                .collect();
            let lines = dropped.join(" | ");
            fact.push_str(&m.fill("import.fact.dropped", &[("lines", &lines)]));
        }
        fact
    }));
    Ok(out)
}

/// The size most text is set in, by characters.
fn body_font_size(pages: &[Page]) -> f32 {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for line in pages.iter().flat_map(|p| p.lines.iter()) {
        *counts.entry((line.size * 2.0).round() as i32).or_default() += line.text.len();
    }
    counts
        .into_iter()
        .max_by_key(|(size, count)| (*count, -*size))
        .map(|(s, _)| s as f32 / 2.0)
        .unwrap_or(10.0)
}

/// Landscape pages, each with few lines: a deck.
fn looks_like_deck(pages: &[Page]) -> bool {
    let landscape = pages.iter().filter(|p| p.width > p.height * 1.05).count();
    let short = pages.iter().filter(|p| p.lines.len() <= 14).count();
    pages.len() >= 2 && landscape * 10 >= pages.len() * 8 && short * 10 >= pages.len() * 8
}

enum Block {
    Heading(usize, String),
    Paragraph(String),
    Item(usize, String),
}

fn document_body(pages: &[Page], body_size: f32) -> (String, Option<String>) {
    let big: Vec<i32> = pages
        .iter()
        .flat_map(|p| p.lines.iter())
        .filter(|l| l.size >= body_size * 1.15)
        .map(|l| (l.size * 2.0).round() as i32)
        .collect();
    let mut big_sizes = big.clone();
    big_sizes.sort_unstable_by(|a, b| b.cmp(a));
    big_sizes.dedup();
    // The largest type used once is the document's title (`#`); used for several headings,
    // it is the first level of sections (`##`), since the page's `#` is the title.
    let first_level = match big_sizes.first() {
        Some(top) if big.iter().filter(|s| *s == top).count() == 1 => 1,
        _ => 2,
    };
    let heading_level = |l: &Line| -> Option<usize> {
        let key = (l.size * 2.0).round() as i32;
        big_sizes
            .iter()
            .position(|s| *s == key)
            .map(|i| (i + first_level).min(3))
    };
    let mut blocks: Vec<Block> = Vec::new();
    let mut prev: Option<&Line> = None;
    let mut bullet_x: Option<f32> = None;
    let all: Vec<(usize, &Line)> = pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.lines.iter().map(move |l| (i, l)))
        .collect();
    let mut prev_page = 0;
    for (idx, (page, line)) in all.iter().enumerate() {
        let gap = match prev {
            Some(p) if *page == prev_page => p.y - line.y,
            _ => f32::MAX,
        };
        let new_page = prev.is_some() && *page != prev_page;
        let normal_gap = line.size.max(1.0) * 1.6;
        let next_gap = all.get(idx + 1).and_then(|(np, nl)| {
            if np == page {
                Some(line.y - nl.y)
            } else {
                None
            }
        });
        let stands_alone = gap > normal_gap && next_gap.is_none_or(|g| g > normal_gap);
        if let Some(level) = heading_level(line) {
            match blocks.last_mut() {
                // A heading over two lines.
                Some(Block::Heading(l, text)) if *l == level && gap <= line.size * 1.6 => {
                    text.push(' ');
                    text.push_str(&line.text);
                }
                _ => blocks.push(Block::Heading(level, line.text.clone())),
            }
            bullet_x = None;
        } else if let Some(text) = bullet_text(&line.text) {
            let base = *bullet_x.get_or_insert(line.x);
            let level = usize::from(line.x > base + 8.0);
            blocks.push(Block::Item(level, text.to_string()));
        } else if let (Some(Block::Item(_, text)), Some(true)) = (
            blocks.last_mut(),
            bullet_x.map(|bx| line.x > bx + 2.0 && gap <= normal_gap),
        ) {
            // A wrapped list item goes on, indented under its bullet.
            join_line(text, &line.text);
        } else if (line.bold || stands_alone) && heading_like(&line.text) && gap > line.size * 1.2 {
            let below_sized = (big_sizes.len() + first_level).clamp(2, 3);
            blocks.push(Block::Heading(below_sized, line.text.clone()));
            bullet_x = None;
        } else {
            bullet_x = None;
            match blocks.last_mut() {
                Some(Block::Paragraph(text))
                    if gap <= normal_gap || (new_page && !text.ends_with(['.', '!', '?', ':'])) =>
                {
                    join_line(text, &line.text)
                }
                _ => blocks.push(Block::Paragraph(line.text.clone())),
            }
        }
        prev = Some(line);
        prev_page = *page;
    }
    let first_heading = blocks.iter().find_map(|b| match b {
        Block::Heading(_, t) => Some(t.clone()),
        _ => None,
    });
    let mut md = String::new();
    let mut last_item = false;
    for block in &blocks {
        match block {
            Block::Item(level, text) => {
                if !last_item && !md.is_empty() {
                    md.push('\n');
                }
                md.push_str(&format!(
                    "{}- {}\n",
                    "  ".repeat(*level),
                    escape_inline(text)
                ));
                last_item = true;
                continue;
            }
            Block::Heading(level, text) => {
                if !md.is_empty() {
                    md.push('\n');
                }
                md.push_str(&format!("{} {}\n", "#".repeat(*level), escape_inline(text)));
            }
            Block::Paragraph(text) => {
                if !md.is_empty() {
                    md.push('\n');
                }
                md.push_str(&escape_line_start(&escape_inline(text)));
                md.push('\n');
            }
        }
        last_item = false;
    }
    (md, first_heading)
}

/// One slide per page: the first (largest) line is the title, bullets become list items.
fn slides_body(pages: &[Page]) -> String {
    let mut slides = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let Some(title_index) = page
            .lines
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.size.total_cmp(&b.1.size).then(b.0.cmp(&a.0)))
            .map(|(i, _)| i)
        else {
            continue;
        };
        let level = if i == 0 { "#" } else { "##" };
        let mut md = format!(
            "{level} {}\n\n",
            escape_inline(&page.lines[title_index].text)
        );
        let mut items: Vec<(usize, String)> = Vec::new();
        let mut paras: Vec<String> = Vec::new();
        let mut base: Option<f32> = None;
        for (j, line) in page.lines.iter().enumerate() {
            if j == title_index {
                continue;
            }
            if let Some(text) = bullet_text(&line.text) {
                let b = *base.get_or_insert(line.x);
                items.push((usize::from(line.x > b + 8.0), text.to_string()));
            } else if let (Some(last), Some(b)) = (items.last_mut(), base) {
                if line.x > b + 2.0 {
                    join_line(&mut last.1, &line.text);
                } else {
                    paras.push(line.text.clone());
                }
            } else {
                paras.push(line.text.clone());
            }
        }
        for p in &paras {
            md.push_str(&escape_line_start(&escape_inline(p)));
            md.push_str("\n\n");
        }
        for (level, text) in &items {
            md.push_str(&format!(
                "{}- {}\n",
                "  ".repeat(*level),
                escape_inline(text)
            ));
        }
        slides.push(md.trim_end().to_string());
    }
    slides.join("\n\n---\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(y: f32, text: &str) -> Line {
        Line {
            x: 72.0,
            y,
            size: 10.0,
            bold: false,
            text: text.into(),
        }
    }

    #[test]
    fn repeated_large_type_is_a_section_level() {
        let big = |y: f32, text: &str| Line {
            size: 14.0,
            ..line(y, text)
        };
        let pages = vec![Page {
            width: 595.0,
            height: 842.0,
            lines: vec![
                big(800.0, "Indledning"),
                line(780.0, "Tekst om året, der gik, og om meget mere end det."),
                big(740.0, "Økonomi"),
                line(720.0, "Tekst om pengene, som der var nok af i år."),
            ],
        }];
        let (md, _) = document_body(&pages, 10.0);
        assert!(md.starts_with("## Indledning\n"), "{md}");
        assert!(md.contains("\n## Økonomi\n"), "{md}");
    }

    #[test]
    fn paragraphs_join_across_lines() {
        let pages = vec![Page {
            width: 595.0,
            height: 842.0,
            lines: vec![
                line(700.0, "Vi har forhandlet om en ny over-"),
                line(686.0, "enskomst med regionen."),
                line(650.0, "Kurser"),
                line(620.0, "• Første kursus"),
                line(606.0, "Andet afsnit."),
            ],
        }];
        let (md, heading) = document_body(&pages, 10.0);
        assert!(md.contains("ny overenskomst med regionen."), "{md}");
        assert!(md.contains("## Kurser"), "{md}");
        assert!(md.contains("- Første kursus"), "{md}");
        assert_eq!(heading.as_deref(), Some("Kurser"));
    }
}
