//! How much a slide holds, estimated from its Markdown before any browser sees it, and where an
//! overfull slide is cut into follow-on slides.
//!
//! The presentation sizes text to fill the slide (`slides-fit.js`), but never below a floor:
//! 24 px on a 1280×720 projector, 3.4 % of the slide's height. A slide whose text cannot be shown
//! at that size is cut at list items or paragraphs into follow-on slides ("… (forts.)"), and
//! the build warns, so no text is ever shrunk to a smudge or hidden. The estimate counts lines
//! as they wrap at the floor size; it errs towards too many, and the browser still fits each
//! part as large as it will go.

/// The smallest text the presentation shows, in CSS pixels on a 1280×720 slide.
pub const FLOOR_PX: usize = 24;

/// The floor and the largest text, in % of the slide's height (as in `slides-fit.js`).
const FLOOR_FIT: f32 = 3.4;
const MAX_FIT: f32 = 5.6;
/// Lines of body text (1.3 em each, at the floor size) a slide holds under its title.
const LINE_BUDGET: f32 = 16.5;
/// Characters that fit on one line of a list item at the floor size.
const CHARS_PER_LINE: f32 = 80.0;
/// A level-2 title: 1.45 em text, a rule and a margin, in body lines.
const TITLE_LINES: f32 = 2.1;
/// Room an image takes, in body lines.
const IMAGE_LINES: f32 = 9.0;

/// One piece of a slide's Markdown that is never cut: a list item with its sub-items, a
/// paragraph, a table, a code block or a heading.
#[derive(Debug, Clone, PartialEq)]
struct Block {
    /// Byte offset in the slide's content where the block starts.
    start: usize,
    /// Estimated height in body lines at the floor size.
    lines: f32,
    /// Text lines of the source (items and paragraph lines), for the warning.
    text_lines: usize,
    /// A follow-on slide may start here (a top-level list item or a paragraph).
    breakable: bool,
    /// Its smallest printed text relative to body text.
    smallest: f32,
    /// How much taller it prints, with sub-items and tables at the body size.
    print_extra: f32,
}

/// What the estimate says about one slide.
#[derive(Debug, Clone, PartialEq)]
pub struct SlideFit {
    /// Text lines in the slide (list items, paragraph lines, table rows).
    pub text_lines: usize,
    /// Estimated height in body lines at the floor size, title included.
    pub lines: f32,
    /// Byte offsets where follow-on slides start; empty when the slide fits whole.
    pub cuts: Vec<usize>,
    /// True when some part still cannot be shown at the floor (one block too large to cut).
    pub too_dense: bool,
    /// The smallest printed text relative to body text: 0.8 for code, 1 otherwise (printed
    /// thumbnails show sub-items and tables at the body size, handout.css).
    pub smallest: f32,
    /// Estimated height as printed, where sub-items and tables are as large as body text.
    pub print_lines: f32,
}

impl SlideFit {
    /// How many slides are shown for this one.
    pub fn parts(&self) -> usize {
        self.cuts.len() + 1
    }

    /// The handout layouts (slides per A4 page) at which this slide's thumbnail keeps its text
    /// at 7 pt or more; at the others it prints as its outline text. Empty: outline text on
    /// every layout.
    pub fn print_layouts(&self) -> Vec<usize> {
        // The largest text size (in % of the slide's height) at which the slide fits: the
        // floor holds a full slide's lines, and fewer lines grow up to the presentation's
        // largest size (slides-fit.js: MIN 3.4, MAX 5.6), with a little to spare.
        let fit = (FLOOR_FIT * (LINE_BUDGET + TITLE_LINES) / self.print_lines.max(1.0))
            .min(MAX_FIT)
            * 0.95;
        // 7 pt is 2.47 mm; the smallest text (sub-items, tables) must reach it too.
        let readable = |width_mm: f32| fit * self.smallest * width_mm * 9.0 / 16.0 / 100.0 >= 2.47;
        THUMBNAIL_MM
            .into_iter()
            .filter(|&(_, w)| readable(w))
            .map(|(n, _)| n)
            .collect()
    }
}

/// How wide a slide's thumbnail prints at each handout layout (slides per A4 page), in mm, as
/// handout.css lays the sheets out: the full 182 mm at 1 and 2 per page, 104 mm beside the
/// note lines at 3, and the largest the landscape grid allows at 4 (two columns) and 6 (three
/// rows). Not in order of size: a 3-per-page thumbnail is smaller than a 4-per-page one.
pub const THUMBNAIL_MM: [(usize, f32); 5] =
    [(1, 182.0), (2, 182.0), (3, 104.0), (4, 134.0), (6, 109.0)];

fn is_fence(trimmed: &str) -> bool {
    trimmed.starts_with("```") || trimmed.starts_with("~~~")
}

fn is_item(line: &str) -> bool {
    let t = line.trim_start();
    if line.len() - t.len() > 3 {
        return false;
    }
    if let Some(rest) = t
        .strip_prefix("- ")
        .or_else(|| t.strip_prefix("* "))
        .or_else(|| t.strip_prefix("+ "))
    {
        return !rest.trim().is_empty() || t.len() > 2;
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && digits < 10 && (t[digits..].starts_with(". ") || t[digits..].starts_with(") "))
}

/// Wrapped height of one line of text of `chars` characters at `scale` times the body size.
fn wrapped(chars: usize, scale: f32, indent: f32) -> f32 {
    let per_line = (CHARS_PER_LINE - indent) / scale;
    ((chars as f32) / per_line).ceil().max(1.0) * scale
}

/// Visible characters of a Markdown line: link targets and markup left out.
fn visible_chars(line: &str) -> usize {
    let mut n = 0;
    let mut in_target = false;
    let mut prev = ' ';
    for c in line.trim().chars() {
        if in_target {
            if c == ')' {
                in_target = false;
            }
        } else if c == '(' && prev == ']' {
            in_target = true;
        } else if !matches!(c, '*' | '_' | '`' | '[' | ']') {
            n += 1;
        }
        prev = c;
    }
    n
}

fn blocks(content: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut offset = 0;
    let mut fence = false;
    let mut blank_before = true;
    for line in content.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim();
        if fence {
            if is_fence(trimmed) {
                fence = false;
            }
            if let Some(b) = out.last_mut() {
                b.lines += 0.85;
                b.text_lines += 1;
                b.smallest = 0.8;
            }
            continue;
        }
        if trimmed.is_empty() {
            blank_before = true;
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let new_block = |lines: f32, text_lines: usize, breakable: bool| Block {
            start,
            lines,
            text_lines,
            breakable,
            smallest: 1.0,
            print_extra: 0.0,
        };
        if is_fence(trimmed) {
            fence = true;
            out.push(new_block(0.9, 0, true));
        } else if trimmed.starts_with('#') {
            let level = trimmed.chars().take_while(|&c| c == '#').count();
            let scale = match level {
                1 => 1.9,
                2 => 1.45,
                _ => 1.15,
            };
            let lines = wrapped(visible_chars(trimmed) - level.min(6), scale, 0.0) * 1.15 / 1.3
                + if level <= 2 { 0.9 } else { 0.45 };
            out.push(new_block(lines.max(TITLE_LINES), 0, false));
        } else if trimmed.starts_with('|') {
            let rule = trimmed.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '));
            let row = if rule { 0.0 } else { 1.05 };
            match out.last_mut() {
                Some(b) if !blank_before && content[b.start..].trim_start().starts_with('|') => {
                    b.lines += row;
                    b.print_extra += row * 0.16;
                    b.text_lines += usize::from(!rule);
                }
                _ => {
                    out.push(new_block(row + 0.4, 1, true));
                }
            }
        } else if trimmed.starts_with("![") {
            out.push(new_block(IMAGE_LINES, 0, true));
        } else if is_item(line) && indent <= 1 {
            let chars = visible_chars(trimmed).saturating_sub(2);
            out.push(new_block(wrapped(chars, 1.0, 4.0) + 0.17, 1, true));
        } else if is_item(line) || (indent > 0 && !blank_before) || (indent >= 2 && blank_before) {
            // A sub-item or a continuation line belongs to the item or paragraph above.
            let chars = visible_chars(trimmed).saturating_sub(2);
            let sub = is_item(line);
            match out.last_mut() {
                Some(b) => {
                    if sub {
                        b.print_extra +=
                            wrapped(chars, 1.0, 4.0) + 0.17 - (wrapped(chars, 0.86, 8.0) + 0.15);
                    }
                    b.lines += if sub {
                        wrapped(chars, 0.86, 8.0) + 0.15
                    } else {
                        wrapped(chars, 1.0, 4.0)
                    };
                    b.text_lines += 1;
                }
                None => out.push(new_block(wrapped(chars, 1.0, 0.0), 1, true)),
            }
        } else if !blank_before && out.last().is_some_and(|b| b.text_lines > 0) {
            // A paragraph's next line (a soft break): the same paragraph.
            if let Some(b) = out.last_mut() {
                b.lines += wrapped(visible_chars(trimmed), 1.0, 0.0);
                b.text_lines += 1;
            }
        } else {
            out.push(new_block(
                wrapped(visible_chars(trimmed), 1.0, 0.0) + 0.42,
                1,
                true,
            ));
        }
        blank_before = false;
    }
    out
}

/// Estimates how much `content` (one slide's Markdown, notes excluded) holds, and where to cut
/// it so every part can be shown at the floor size. Parts are balanced: 100 items become seven
/// slides of about fourteen, not six full ones and a last with two.
pub fn fit_slide(content: &str) -> SlideFit {
    let blocks = blocks(content);
    let text_lines = blocks.iter().map(|b| b.text_lines).sum();
    let total: f32 = blocks.iter().map(|b| b.lines).sum();
    let smallest = blocks.iter().map(|b| b.smallest).fold(1.0, f32::min);
    let print_lines = total + blocks.iter().map(|b| b.print_extra).sum::<f32>();
    let title: f32 = blocks
        .iter()
        .take_while(|b| !b.breakable)
        .map(|b| b.lines)
        .sum();
    let budget = LINE_BUDGET + TITLE_LINES;
    let too_dense_block = blocks
        .iter()
        .any(|b| b.breakable && b.lines + TITLE_LINES > budget);
    if total <= budget {
        return SlideFit {
            text_lines,
            lines: total,
            cuts: Vec::new(),
            too_dense: false,
            smallest,
            print_lines,
        };
    }
    let body = total - title;
    let parts = (body / LINE_BUDGET).ceil().max(1.0);
    let target = (body / parts).min(LINE_BUDGET);
    let mut cuts = Vec::new();
    // The first part has the slide's own heading; the others a "(forts.)" title of one line.
    let mut used = 0.0;
    let mut room = title.max(TITLE_LINES) + target;
    let mut in_part = 0;
    let mut parts_left = parts;
    for b in &blocks {
        let over = used + b.lines / 2.0 > room + 0.1 || used + b.lines > budget;
        if b.breakable && in_part > 0 && over {
            cuts.push(b.start);
            // What is left is shared evenly among the parts still to come.
            parts_left -= 1.0;
            let left: f32 = blocks
                .iter()
                .filter(|x| x.start >= b.start)
                .map(|x| x.lines)
                .sum();
            used = TITLE_LINES;
            room = TITLE_LINES + (left / parts_left.max(1.0)).min(LINE_BUDGET);
            in_part = 0;
        }
        used += b.lines;
        in_part += usize::from(b.breakable);
    }
    SlideFit {
        text_lines,
        lines: total,
        cuts,
        too_dense: too_dense_block,
        smallest,
        print_lines,
    }
}

/// The slide's content cut at `cuts`, each part with the 1-based file line it starts on.
pub fn parts<'a>(content: &'a str, cuts: &[usize], first_line: usize) -> Vec<(&'a str, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    for &cut in cuts.iter().chain(std::iter::once(&content.len())) {
        let line = first_line + content[..from].matches('\n').count();
        out.push((&content[from..cut], line));
        from = cut;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bullets(n: usize) -> String {
        let mut s = String::from("## Tilbagemeldinger\n\n");
        for i in 1..=n {
            s.push_str(&format!("- Klinik {i} har meldt tilbage om ventetider\n"));
        }
        s
    }

    #[test]
    fn a_short_slide_fits_whole() {
        let f = fit_slide("## Program\n\n- Velkomst\n- Beretning\n- Eventuelt\n");
        assert_eq!(f.parts(), 1);
        assert_eq!(f.text_lines, 3);
        assert_eq!(f.print_layouts(), vec![1, 2, 3, 4, 6]);
    }

    #[test]
    fn a_hundred_bullets_become_balanced_parts_cut_at_items() {
        let text = bullets(100);
        let f = fit_slide(&text);
        assert_eq!(f.text_lines, 100);
        assert!(
            (6..=8).contains(&f.parts()),
            "{} parts: {:?}",
            f.parts(),
            f.cuts
        );
        let parts = parts(&text, &f.cuts, 10);
        let sizes: Vec<usize> = parts
            .iter()
            .map(|(p, _)| p.matches("- Klinik").count())
            .collect();
        assert!(
            sizes.iter().max().unwrap_or(&0) - sizes.iter().min().unwrap_or(&0) <= 2,
            "{sizes:?}"
        );
        for (p, _) in &parts[1..] {
            assert!(p.starts_with("- Klinik"), "{p:?}");
        }
        assert_eq!(parts.iter().map(|(p, _)| *p).collect::<String>(), text);
        // Line numbers follow the file: the second part starts on its first item's line.
        let first_of_second = 10 + text[..f.cuts[0]].matches('\n').count();
        assert_eq!(parts[1].1, first_of_second);
        assert_eq!(f.print_layouts(), Vec::<usize>::new());
        assert!(!f.too_dense);
    }

    #[test]
    fn sub_items_stay_with_their_item() {
        let mut text = String::from("## Status\n\n");
        for i in 0..20 {
            text.push_str(&format!(
                "- Punkt {i}\n  - underpunkt a\n  - underpunkt b\n"
            ));
        }
        let f = fit_slide(&text);
        assert!(f.parts() > 1);
        for &c in &f.cuts {
            assert!(text[c..].starts_with("- Punkt"), "{}", &text[c..c + 12]);
        }
    }

    #[test]
    fn one_huge_table_cannot_be_cut_and_says_so() {
        let mut text = String::from("## Budget\n\n| a | b |\n|--|--|\n");
        for i in 0..40 {
            text.push_str(&format!("| {i} | {i} |\n"));
        }
        let f = fit_slide(&text);
        assert_eq!(f.parts(), 1);
        assert!(f.too_dense);
        assert_eq!(f.text_lines, 41);
    }

    #[test]
    fn long_items_wrap_and_count_more() {
        let long = "ord ".repeat(40);
        let f = fit_slide(&format!("## T\n\n- {long}\n- {long}\n"));
        assert!(f.lines > 2.0 + 4.0, "{}", f.lines);
    }

    #[test]
    fn ten_bullets_print_as_thumbnails_but_thirty_are_outline_text() {
        // Ten bullets print readably on the landscape 4- and 6-per-page sheets too (134 and
        // 109 mm), and on the upright 3-per-page sheet beside the note lines (104 mm).
        assert_eq!(fit_slide(&bullets(10)).print_layouts(), vec![1, 2, 3, 4, 6]);
        assert_eq!(fit_slide(&bullets(6)).print_layouts(), vec![1, 2, 3, 4, 6]);
        assert_eq!(fit_slide(&bullets(30)).print_layouts(), Vec::<usize>::new());
    }

    #[test]
    fn a_slide_between_the_widths_prints_on_the_wider_layouts_only() {
        // Twelve bullets: too small at 104 and 109 mm, readable at 134 mm and up, so 4 per
        // page prints the thumbnail while 3 and 6 per page print the outline text.
        assert_eq!(fit_slide(&bullets(12)).print_layouts(), vec![1, 2, 4]);
        assert_eq!(fit_slide(&bullets(15)).print_layouts(), vec![1, 2]);
    }
}
