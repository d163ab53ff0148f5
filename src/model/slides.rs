//! Slide outlines: a deck is Markdown with slides separated by `---` lines and speaker notes
//! after `Note:`. Splitting is its own step so the presentation, the outline page, the
//! handouts and search all see the same slides.

use crate::core::diagnostics::Diagnostic;
use crate::model::slide_fit::{fit_slide, SlideFit, FLOOR_PX};
use std::path::Path;

/// One slide's source text, before rendering.
#[derive(Debug, Clone, PartialEq)]
pub struct SlideSource {
    /// 1-based position in the deck, as shown to the audience and used in `#5` links.
    pub number: usize,
    /// The slide's first heading, without `#` marks.
    pub title: Option<String>,
    pub content: String,
    pub notes: Option<String>,
    /// 1-based file line where the slide's content starts.
    pub line: usize,
    /// 1-based file line where the notes start.
    pub notes_line: usize,
    /// How much the slide holds, and where it is cut into follow-on slides.
    pub fit: SlideFit,
}

/// Splits a deck's body (starting at file line `first_line`) into slides, with warnings for
/// slides that will present badly. Empty slides (two `---` in a row) are dropped.
pub fn split_slides(
    body: &str,
    first_line: usize,
    file: &Path,
) -> (Vec<SlideSource>, Vec<Diagnostic>) {
    let mut slides = Vec::new();
    let mut warnings = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    let mut content = String::new();
    let mut notes: Option<String> = None;
    let mut start_line = first_line;
    let mut notes_line = 0;

    let mut finish = |content: &mut String,
                      notes: &mut Option<String>,
                      start_line: usize,
                      notes_line: usize,
                      warnings: &mut Vec<Diagnostic>| {
        let text = std::mem::take(content);
        let note = notes.take();
        if text.trim().is_empty() && note.as_deref().is_none_or(|n| n.trim().is_empty()) {
            return;
        }
        let number = slides.len() + 1;
        let title = first_heading(&text);
        if title.is_none() {
            warnings.push(
                Diagnostic::warning(
                    file.to_path_buf(),
                    crate::core::messages::msg("slides.no_title", &[("number", &number)]),
                )
                .at(start_line, 1)
                .hint(crate::core::messages::msg("slides.no_title.hint", &[])),
            );
        }
        let note = match note {
            Some(n) if n.trim().is_empty() => {
                warnings.push(
                    Diagnostic::warning(
                        file.to_path_buf(),
                        crate::core::messages::msg("slides.empty_note", &[("number", &number)]),
                    )
                    .at(notes_line, 1)
                    .hint(crate::core::messages::msg("slides.empty_note.hint", &[])),
                );
                None
            }
            other => other,
        };
        let fit = fit_slide(&text);
        if fit.parts() > 1 || fit.too_dense {
            let key = if fit.parts() > 1 {
                "slides.overfull.split"
            } else {
                "slides.overfull.scrolls"
            };
            let problem = crate::core::messages::msg(
                key,
                &[
                    ("number", &number),
                    ("lines", &fit.text_lines),
                    ("floor", &FLOOR_PX),
                    ("parts", &fit.parts()),
                ],
            );
            warnings.push(
                Diagnostic::warning(file.to_path_buf(), problem)
                    .at(start_line, 1)
                    .hint(crate::core::messages::msg("slides.overfull.hint", &[])),
            );
        }
        slides.push(SlideSource {
            number,
            title,
            content: text,
            notes: note,
            line: start_line,
            notes_line,
            fit,
        });
    };

    for (i, line) in body.split_inclusive('\n').enumerate() {
        let file_line = first_line + i;
        let trimmed = line.trim();
        if let Some((ch, len)) = fence {
            if trimmed.chars().take_while(|&c| c == ch).count() >= len
                && trimmed.chars().all(|c| c == ch)
            {
                fence = None;
            }
        } else if let Some(f) = fence_start(trimmed) {
            fence = Some(f);
        } else if trimmed == "---" && line.starts_with("---") {
            finish(
                &mut content,
                &mut notes,
                start_line,
                notes_line,
                &mut warnings,
            );
            start_line = file_line + 1;
            continue;
        } else if notes.is_none() && is_note_marker(trimmed) {
            notes = Some(String::new());
            notes_line = file_line;
            continue;
        }
        match notes.as_mut() {
            Some(n) => n.push_str(line),
            None => {
                if content.trim().is_empty() && trimmed.is_empty() {
                    start_line = file_line + 1;
                    continue;
                }
                content.push_str(line)
            }
        }
    }
    finish(
        &mut content,
        &mut notes,
        start_line,
        notes_line,
        &mut warnings,
    );
    if slides.is_empty() {
        warnings.push(
            Diagnostic::warning(
                file.to_path_buf(),
                crate::core::messages::msg("slides.none", &[]),
            )
            .at(first_line.saturating_sub(1).max(1), 1)
            .hint(crate::core::messages::msg("slides.none.hint", &[])),
        );
    }
    (slides, warnings)
}

fn is_note_marker(trimmed: &str) -> bool {
    let lower = trimmed.to_ascii_lowercase();
    lower == "note:" || lower == "notes:"
}

fn fence_start(trimmed: &str) -> Option<(char, usize)> {
    for ch in ['`', '~'] {
        let n = trimmed.chars().take_while(|&c| c == ch).count();
        if n >= 3 {
            return Some((ch, n));
        }
    }
    None
}

/// The text of the first ATX heading (`#` to `######`), outside code blocks.
fn first_heading(text: &str) -> Option<String> {
    let mut in_fence = false;
    for line in text.lines() {
        let t = line.trim_start();
        if fence_start(t).is_some() {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        let hashes = t.chars().take_while(|&c| c == '#').count();
        if (1..=6).contains(&hashes) && t[hashes..].starts_with([' ', '\t']) {
            let title = t[hashes..].trim().trim_end_matches('#').trim();
            if !title.is_empty() {
                return Some(title.to_string());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(body: &str) -> (Vec<SlideSource>, Vec<Diagnostic>) {
        split_slides(body, 10, Path::new("content/d.md"))
    }

    #[test]
    fn splits_titles_and_notes() {
        let (s, w) =
            split("## Velkommen\n\n- Punkt\n\nNote:\nSig hej\n---\n## Program\n\n18.00 Velkomst\n");
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].title.as_deref(), Some("Velkommen"));
        assert_eq!(s[0].notes.as_deref(), Some("Sig hej\n"));
        assert!(!s[0].content.contains("Sig hej"));
        assert_eq!(s[1].number, 2);
        assert_eq!(s[1].line, 17);
    }

    #[test]
    fn dashes_inside_code_blocks_do_not_split() {
        let (s, _) = split("## Kode\n\n```\n---\n```\n---\n## Næste\n");
        assert_eq!(s.len(), 2);
        assert!(s[0].content.contains("---"));
    }

    #[test]
    fn empty_slides_dropped_and_problems_warned() {
        let (s, w) = split("## En\n---\n---\nUden titel\n---\n## Tre\nNote:\n\n");
        assert_eq!(s.len(), 3);
        assert!(
            w.iter()
                .any(|d| d.message == "slide 2 has no title" && d.line == 13),
            "{w:?}"
        );
        assert!(
            w.iter()
                .any(|d| d.message.contains("empty `Note:`") && d.line == 16),
            "{w:?}"
        );
    }

    #[test]
    fn deck_without_slides_warns() {
        let (s, w) = split("\n\n");
        assert!(s.is_empty());
        assert_eq!(w.len(), 1);
        assert!(w[0].message.contains("no slides"));
    }

    #[test]
    fn front_matter_fences_are_not_slides_and_lines_count_from_the_file() {
        let text = "---\ntitle: Deck\ndate: 2025-04-24\nkind: slides\n---\n\n# Velkommen\n\nNote:\nHej\n\n---\n\n## Program\n";
        let doc = crate::load::content::parse_document(
            text,
            Path::new("content/2025/deck.md"),
            Path::new("2025/deck.md"),
            false,
        )
        .ok()
        .flatten()
        .map(|d| (d.body, d.body_line, d.source));
        let Some((body, line, source)) = doc else {
            panic!("the fixture should parse");
        };
        let (s, w) = split_slides(&body, line, &source);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(s[0].title.as_deref(), Some("Velkommen"));
        assert_eq!((s[0].line, s[0].notes_line), (7, 9));
        assert_eq!(s[1].title.as_deref(), Some("Program"));
        assert_eq!(s[1].line, 14);
    }

    #[test]
    fn tilde_fences_and_notes_keep_their_dashes_and_markers() {
        let (s, w) = split(
            "## Kode\n\n~~~\n---\nNote:\n~~~\n\nNote:\nI noterne:\n```\n---\n```\n---\n## To\n",
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(s[0].content.contains("---\nNote:\n"), "{:?}", s[0].content);
        assert_eq!(s[0].notes.as_deref(), Some("I noterne:\n```\n---\n```\n"));
        assert_eq!(s[1].title.as_deref(), Some("To"));
    }

    #[test]
    fn notes_marker_variants_and_separator_spacing() {
        let (s, _) = split("## En\nNOTES:\nnoter\n---   \n## To\n   ---\nstadig to\n");
        assert_eq!(
            s.len(),
            2,
            "trailing spaces still separate; indented dashes do not"
        );
        assert_eq!(s[0].notes.as_deref(), Some("noter\n"));
        assert!(s[1].content.contains("stadig to"));
    }

    #[test]
    fn a_slide_with_only_notes_is_kept_and_warned_about() {
        let (s, w) = split("## En\n---\nNote:\nKun noter\n");
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].notes.as_deref(), Some("Kun noter\n"));
        assert!(
            w.iter().any(|d| d.message == "slide 2 has no title"),
            "{w:?}"
        );
    }

    #[test]
    fn a_heading_inside_code_is_not_the_title() {
        let (s, w) = split("```\n# ikke en titel\n```\n\n## Rigtig titel\n");
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(s[0].title.as_deref(), Some("Rigtig titel"));
    }

    #[test]
    fn table_rule_is_not_a_separator() {
        let (s, _) = split("## Budget\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert_eq!(s.len(), 1);
    }
}
