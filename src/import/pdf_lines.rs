//! The line-level rules for PDF text: which lines are running headers, footers or page
//! numbers, closing up letter-spaced text, bullets, joining lines with hyphenation, and
//! which short lines read as headings. Used by `pdf_layout`.

use super::pdf_text::Page;
use std::collections::HashMap;

/// Digits replaced, so "Side 2" and "Side 3" count as the same running line.
fn shape(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect::<String>()
        .to_lowercase()
}

/// "3", "- 3 -", "Side 3", "Side 3 af 9", "3 / 9", "Page 3 of 9".
pub fn is_page_number(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c| c == '-' || c == '–' || c == ' ');
    let lower = t.to_lowercase();
    let t = lower
        .strip_prefix("side")
        .or_else(|| lower.strip_prefix("page"))
        .or_else(|| lower.strip_prefix("s."))
        .unwrap_or(&lower)
        .trim();
    let rest: String = t
        .replace(" af ", "/")
        .replace(" of ", "/")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    !rest.is_empty()
        && rest.len() <= 9
        && rest.chars().all(|c| c.is_ascii_digit() || c == '/')
        && rest.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Removes page numbers and lines that repeat at the top or bottom of most pages; returns
/// what was dropped (once each), for the report: a quoted line, or `None` for page numbers.
pub fn drop_running_lines(pages: &mut [Page]) -> Vec<Option<String>> {
    const EDGE: usize = 2;
    let n = pages.len();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for page in pages.iter() {
        let len = page.lines.len();
        let mut seen: Vec<String> = Vec::new();
        for (i, line) in page.lines.iter().enumerate() {
            if i < EDGE || i + EDGE >= len {
                let s = shape(&line.text);
                if !seen.contains(&s) {
                    seen.push(s);
                }
            }
        }
        for s in seen {
            *counts.entry(s).or_default() += 1;
        }
    }
    let needed = ((n as f32) * 0.6).ceil().max(2.0) as usize;
    let mut dropped = Vec::new();
    for page in pages.iter_mut() {
        let len = page.lines.len();
        let mut keep = Vec::with_capacity(len);
        for (i, line) in page.lines.drain(..).enumerate() {
            let at_edge = i < EDGE || i + EDGE >= len;
            let running = n >= 2 && counts.get(&shape(&line.text)).is_some_and(|c| *c >= needed);
            if at_edge && (running || is_page_number(&line.text)) {
                let label = if is_page_number(&line.text) {
                    None
                } else {
                    Some(format!("\"{}\"", line.text))
                };
                if !dropped.contains(&label) {
                    dropped.push(label);
                }
            } else {
                keep.push(line);
            }
        }
        page.lines = keep;
    }
    dropped
}

/// "F O R E N I N G E N" → "FORENINGEN"; "Å R S B E R E T N I N G   2 0 2 4" →
/// "ÅRSBERETNING 2024". Runs of three or more single characters are joined; wider gaps
/// separate words.
pub fn close_letter_spacing(text: &str) -> String {
    let all: Vec<&str> = text.split_whitespace().collect();
    let whole_line = all.len() >= 3 && all.iter().all(|t| t.chars().count() == 1);
    let groups: Vec<&str> = text.split("  ").filter(|g| !g.trim().is_empty()).collect();
    let mut out: Vec<String> = Vec::new();
    for group in groups {
        let tokens: Vec<&str> = group.split_whitespace().collect();
        let spaced =
            (whole_line || tokens.len() >= 3) && tokens.iter().all(|t| t.chars().count() == 1);
        if spaced {
            out.push(tokens.concat());
        } else {
            out.push(tokens.join(" "));
        }
    }
    out.join(" ")
}

const BULLETS: &[char] = &[
    '•', '▪', '◦', '●', '○', '■', '□', '‣', '·', '➢', '►', '–', '-', '*',
];

/// The text after the bullet of a bulleted line. The level comes from the indentation,
/// not the bullet: templates use •, ▪ and ◦ for any level.
pub fn bullet_text(text: &str) -> Option<&str> {
    let mut chars = text.chars();
    let first = chars.next()?;
    let private_use = ('\u{f000}'..='\u{f8ff}').contains(&first);
    if !(BULLETS.contains(&first) || private_use) {
        return None;
    }
    let rest = chars.as_str();
    // "-5" or "–" alone are not bullets; a bullet is followed by a space.
    if !rest.starts_with([' ', '\t', '\u{a0}']) && !private_use && first != '•' {
        return None;
    }
    let rest = rest.trim_start();
    if rest.is_empty() {
        return None;
    }
    Some(rest)
}

/// Joins a line to the text before it: a word hyphenated across the break is rejoined when
/// the next line goes on in lower case or digits ("Af-" + "tale26" → "Aftale26"); a real
/// hyphen before a capital stays ("VFF-" + "Sydvest" → "VFF-Sydvest"), and so does a hyphen
/// before "og"/"eller" ("hjemme- og sygepleje").
pub fn join_line(paragraph: &mut String, next: &str) {
    let next = next.trim();
    if paragraph.is_empty() {
        paragraph.push_str(next);
        return;
    }
    let hyphenated = paragraph.ends_with('-')
        && paragraph
            .chars()
            .rev()
            .nth(1)
            .is_some_and(|c| c.is_alphanumeric());
    if hyphenated {
        let first_word = next.split_whitespace().next().unwrap_or("");
        let starts_lower = next
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
        if matches!(first_word, "og" | "eller" | "til" | "and" | "or") {
            paragraph.push(' ');
        } else if starts_lower {
            paragraph.pop();
        }
        paragraph.push_str(next);
        return;
    }
    paragraph.push(' ');
    paragraph.push_str(next);
}

/// A short line without closing punctuation that starts with a capital: a heading when it
/// stands alone.
pub fn heading_like(text: &str) -> bool {
    let words = crate::markdown::word_count(text);
    let last = text.chars().last().unwrap_or('.');
    let first = text.chars().next().unwrap_or('a');
    (1..=8).contains(&words)
        && text.chars().count() <= 70
        && !matches!(last, '.' | ',' | ';' | ':' | '-' | '–')
        && (first.is_uppercase() || first.is_ascii_digit())
        && !text
            .chars()
            .all(|c| c.is_ascii_digit() || " .,%-".contains(c))
        && super::guess::find_date(text).is_none()
}

#[cfg(test)]
mod tests {
    use super::super::pdf_text::Line;
    use super::*;

    #[test]
    fn hyphenation_is_rejoined_but_real_hyphens_stay() {
        let mut p = String::from("de nyligt afbrudte forhandlinger om en Af-");
        join_line(&mut p, "tale26 og et kig frem");
        assert_eq!(
            p,
            "de nyligt afbrudte forhandlinger om en Aftale26 og et kig frem"
        );
        let mut p = String::from("samarbejdet med VFF-");
        join_line(&mut p, "Sydvest om kurser");
        assert_eq!(p, "samarbejdet med VFF-Sydvest om kurser");
        let mut p = String::from("hjemme-");
        join_line(&mut p, "og sygepleje");
        assert_eq!(p, "hjemme- og sygepleje");
        let mut p = String::from("over-");
        join_line(&mut p, "enskomsten");
        assert_eq!(p, "overenskomsten");
        let mut p = String::from("beløb på 5 -");
        join_line(&mut p, "ikke mere");
        assert_eq!(p, "beløb på 5 - ikke mere");
    }

    #[test]
    fn letter_spacing_is_closed_up() {
        assert_eq!(close_letter_spacing("F O R E N I N G E N"), "FORENINGEN");
        assert_eq!(
            close_letter_spacing("Å R S B E R E T N I N G   2 0 2 4"),
            "ÅRSBERETNING 2024"
        );
        assert_eq!(close_letter_spacing("I alt 5 kr"), "I alt 5 kr");
        assert_eq!(
            close_letter_spacing("T A K   F O R   I   Å R"),
            "TAK FOR I ÅR"
        );
        assert_eq!(close_letter_spacing("Punkt a b c d"), "Punkt a b c d");
        assert_eq!(close_letter_spacing("a b"), "a b");
    }

    #[test]
    fn bullets_and_page_numbers() {
        assert_eq!(bullet_text("• Punkt"), Some("Punkt"));
        assert_eq!(bullet_text("◦ Under"), Some("Under"));
        assert_eq!(bullet_text("\u{f0b7}Symbol"), Some("Symbol"));
        assert_eq!(bullet_text("▪ Firkant"), Some("Firkant"));
        assert_eq!(bullet_text("-232.080"), None);
        assert_eq!(bullet_text("•"), None);
        assert!(is_page_number("7"));
        assert!(is_page_number("Side 3 af 12"));
        assert!(is_page_number("- 4 -"));
        assert!(is_page_number("3 / 9"));
        assert!(!is_page_number("2025 budget"));
        assert!(!is_page_number("Side"));
    }

    #[test]
    fn headings_from_short_lines() {
        assert!(heading_like(
            "National fordelingsmodel og differentierede normtal"
        ));
        assert!(heading_like("INDLEDNING"));
        assert!(!heading_like("Det var et godt år."));
        assert!(!heading_like("1.234.567"));
        assert!(!heading_like("og så videre"));
        assert!(
            !heading_like("Vedtaget 12. marts 2025"),
            "a dated line is no heading"
        );
    }

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
    fn running_headers_and_page_numbers_are_dropped() {
        let mut pages: Vec<Page> = (1..=3)
            .map(|n| Page {
                width: 595.0,
                height: 842.0,
                lines: vec![
                    line(800.0, "Foreningen · Årsberetning"),
                    line(
                        700.0,
                        ["Første side.", "Anden side.", "Tredje side."][n - 1],
                    ),
                    line(30.0, &format!("Side {n}")),
                ],
            })
            .collect();
        let dropped = drop_running_lines(&mut pages);
        assert_eq!(pages[1].lines.len(), 1, "{:?}", pages[1].lines);
        assert_eq!(pages[1].lines[0].text, "Anden side.");
        assert_eq!(dropped.len(), 2, "{dropped:?}");
    }
}
