//! Markdown to HTML, in one pass that also collects what later stages need: headings (for the
//! table of contents and anchors), every link with its line (for checking and the link index)
//! and plain text by section (for search and excerpts).

use crate::core::slug::slugify;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

mod anchors;
mod headings;
mod text;
pub use anchors::Anchors;
use anchors::Levels;
pub use headings::{Heading, Headings};
pub use text::{clean_text, close_up, excerpt, keep_dates_as_text, word_count, Prose};

/// Links that point inside the site are written as `arkiv-link:N` and resolved once every
/// document's URL and headings are known (see `links`).
pub const LINK_PLACEHOLDER: &str = "arkiv-link:";

/// A link or image as written in the document.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LinkRef {
    pub target: String,
    pub text: String,
    pub line: usize,
    pub column: usize,
    pub is_image: bool,
    /// True when the target is resolved inside the site (relative or root path, not a URL).
    pub is_internal: bool,
}

/// Text under one heading, for search results that open at the right place.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct Section {
    /// Anchor of the heading this text is under; `None` before the first heading.
    pub anchor: Option<String>,
    pub heading: String,
    pub text: String,
}

/// The result of rendering one Markdown body.
#[derive(Debug, Clone, Default)]
pub struct RenderedMarkdown {
    /// HTML with internal links as placeholders.
    pub html: String,
    pub headings: Headings,
    pub links: Vec<LinkRef>,
    pub sections: Vec<Section>,
    /// The body's prose, top-level list items and tables, for summaries.
    pub prose: Prose,
    /// Whether the text holds a table (wrapped so a wide one scrolls, see `render_with`).
    pub has_table: bool,
}

impl RenderedMarkdown {
    /// All the text, for summaries and word counts.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for s in &self.sections {
            if !s.heading.is_empty() {
                out.push_str(&s.heading);
                out.push('\n');
            }
            out.push_str(&s.text);
        }
        out
    }
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// True for targets that leave the site (`https:`, `mailto:`, `//host`).
pub fn is_external(target: &str) -> bool {
    target.starts_with("//") || crate::core::urls::has_scheme(target)
}

/// Renders `body`, whose first line is line `first_line` of the file. `table_label` is the
/// accessible name of the scrolling box around tables, in the site's language. Headings are
/// levelled to start at h2, right under the page's title, and never skip a level.
pub fn render(body: &str, first_line: usize, table_label: &str) -> RenderedMarkdown {
    render_with(
        body,
        first_line,
        table_label,
        &mut Anchors::default(),
        Some(Levels::new(2)),
    )
}

/// Renders one slide (or its notes) of a deck: anchors are unique across the deck through
/// `anchors`; a `#` heading stays h1 (a slide that opens with one is a title slide) and the
/// others start at h2 and never skip a level.
pub fn render_slide(
    body: &str,
    first_line: usize,
    table_label: &str,
    anchors: &mut Anchors,
) -> RenderedMarkdown {
    render_with(
        body,
        first_line,
        table_label,
        anchors,
        Some(Levels::slide()),
    )
}

fn render_with(
    body: &str,
    first_line: usize,
    table_label: &str,
    anchors: &mut Anchors,
    mut levels: Option<Levels>,
) -> RenderedMarkdown {
    let body = &*keep_dates_as_text(body);
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(body.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let position = |offset: usize| -> (usize, usize) {
        let idx = line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let col = body[line_starts[idx]..offset.min(body.len())]
            .chars()
            .count()
            + 1;
        (first_line + idx, col)
    };

    let mut events: Vec<Event> = Vec::new();
    let mut out = RenderedMarkdown::default();
    let mut current = Section::default();
    // The level the heading being closed was given, for its end tag.
    let mut closing_level: Option<HeadingLevel> = None;
    // Index into `events` of the open heading, and its collected text.
    let mut heading_start: Option<(usize, usize, String)> = None;
    // Index into `out.links` of the open link, whose text is being collected.
    let mut open_links: Vec<usize> = Vec::new();

    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        out.prose.event(&event, heading_start.is_some());
        match &event {
            Event::Start(Tag::Heading { .. }) => {
                heading_start = Some((events.len(), range.start, String::new()));
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some((idx, start, text)) = heading_start.take() {
                    let text = clean_text(text.trim());
                    let explicit = match &events[idx] {
                        Event::Start(Tag::Heading { id: Some(id), .. }) => Some(id.to_string()),
                        _ => None,
                    };
                    let base = explicit.unwrap_or_else(|| {
                        let s = slugify(&text);
                        if s.is_empty() {
                            "afsnit".to_string()
                        } else {
                            s
                        }
                    });
                    let id = anchors.unique(&base);
                    let written = heading_level(*level);
                    let level = levels.as_mut().map_or(written, |l| l.level(written));
                    let given = level_of(level);
                    if let Event::Start(Tag::Heading {
                        id: slot,
                        level: slot_level,
                        ..
                    }) = &mut events[idx]
                    {
                        *slot = Some(CowStr::from(id.clone()));
                        *slot_level = given;
                    }
                    closing_level = Some(given);
                    let (line, _) = position(start);
                    out.headings.push(Heading {
                        level,
                        text: &text,
                        id: &id,
                        line,
                    });
                    let finished = std::mem::replace(
                        &mut current,
                        Section {
                            anchor: Some(id),
                            heading: text,
                            text: String::new(),
                        },
                    );
                    if !finished.text.trim().is_empty() || !finished.heading.is_empty() {
                        out.sections.push(finished);
                    }
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, h)) = heading_start.as_mut() {
                    h.push_str(t);
                } else {
                    current.text.push_str(t);
                }
                for &i in &open_links {
                    out.links[i].text.push_str(t);
                }
            }
            Event::SoftBreak | Event::HardBreak if heading_start.is_none() => {
                current.text.push(' ');
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::TableRow
                | TagEnd::CodeBlock,
            ) => {
                current.text.push('\n');
            }
            _ => {}
        }
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = open_link(
                    &mut out,
                    &mut open_links,
                    &dest_url,
                    position(range.start),
                    false,
                );
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = open_link(
                    &mut out,
                    &mut open_links,
                    &dest_url,
                    position(range.start),
                    true,
                );
                events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if let Some(i) = open_links.pop() {
                    let text = clean_text(out.links[i].text.trim());
                    out.links[i].text = text;
                }
                events.push(event);
            }
            Event::Start(Tag::Table(_)) => {
                out.has_table = true;
                events.push(Event::Html(CowStr::from(format!(
                    "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{table_label}\">"
                ))));
                events.push(event);
            }
            Event::End(TagEnd::Table) => {
                events.push(event);
                events.push(Event::Html(CowStr::Borrowed("</div>")));
            }
            Event::End(TagEnd::Heading(written)) => {
                let level = closing_level.take().unwrap_or(written);
                events.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Text(t) if t.contains('\u{ad}') => {
                // Soft hyphens from PDF copy-paste split words for search and copying; drop them.
                events.push(Event::Text(CowStr::from(t.replace('\u{ad}', ""))));
            }
            Event::Text(t) if out.prose.in_table() => {
                events.push(Event::Text(CowStr::from(
                    crate::core::compound::soft_hyphens(&t),
                )));
            }
            other => events.push(other),
        }
    }
    if !current.text.trim().is_empty() || !current.heading.is_empty() {
        out.sections.push(current);
    }
    for s in &mut out.sections {
        s.text = clean_text(&s.text);
    }
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    out.html = text::mark_closings(html);
    out
}

/// Records a link (or image) that starts here and returns the href to write: internal targets
/// become placeholders that `links` resolves once every document is known.
fn open_link<'a>(
    out: &mut RenderedMarkdown,
    open_links: &mut Vec<usize>,
    dest: &CowStr<'a>,
    (line, column): (usize, usize),
    is_image: bool,
) -> CowStr<'a> {
    let index = out.links.len();
    let target = dest.to_string();
    let is_internal = !target.is_empty() && !target.starts_with('#') && !is_external(&target);
    let new_dest = if is_internal {
        CowStr::from(format!("{LINK_PLACEHOLDER}{index}"))
    } else {
        dest.clone()
    };
    open_links.push(index);
    out.links.push(LinkRef {
        target,
        text: String::new(),
        line,
        column,
        is_image,
        is_internal,
    });
    new_dest
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn level_of(level: u8) -> HeadingLevel {
    match level {
        1 => HeadingLevel::H1,
        2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Replaces every `arkiv-link:N` in `html` with `f(N)`.
pub fn replace_placeholders(html: &str, mut f: impl FnMut(usize) -> String) -> String {
    // Only attribute values (`href="…"`, `src="…"`) are placeholders: in text, pulldown-cmark
    // writes `"` as `&quot;`, so words a writer types can never be mistaken for one.
    let marker = format!("=\"{LINK_PLACEHOLDER}");
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(pos) = rest.find(&marker) {
        out.push_str(&rest[..pos + 2]);
        let after = &rest[pos + marker.len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        match after[..digits].parse::<usize>() {
            Ok(n) => out.push_str(&f(n)),
            Err(_) => out.push_str(LINK_PLACEHOLDER),
        }
        rest = &after[digits..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_titles_and_skipped_levels() {
        let r = render("### Møde\n\n##### Møde\n\n### Møde 1\n", 1, "Tabel");
        let got: Vec<(u8, &str)> = r.headings.iter().map(|h| (h.level, h.id)).collect();
        assert_eq!(got, [(2, "moede"), (3, "moede-1"), (2, "moede-1-1")]);
        assert!(
            r.html.contains("<h3 id=\"moede-1\">Møde</h3>"),
            "{}",
            r.html
        );
        let mut anchors = Anchors::default();
        let a = render_slide("# Møde", 1, "Tabel", &mut anchors);
        let b = render_slide("# Møde", 3, "Tabel", &mut anchors);
        assert!(a.html.contains("<h1 id=\"moede\">"), "{}", a.html);
        assert!(b.html.contains("<h1 id=\"moede-1\">"), "{}", b.html);
    }

    #[test]
    fn headings_get_unique_danish_anchors_and_lines() {
        let r = render(
            "Intro\n\n## Lægevagten\n\nTekst\n\n## Lægevagten\n\n### Økonomi {#penge}\n",
            5,
            "Tabel",
        );
        let ids: Vec<&str> = r.headings.iter().map(|h| h.id).collect();
        assert_eq!(ids, ["laegevagten", "laegevagten-1", "penge"]);
        assert_eq!(r.headings.iter().next().map(|h| h.line), Some(7));
        assert!(
            r.html.contains("<h2 id=\"laegevagten\">Lægevagten</h2>"),
            "{}",
            r.html
        );
        assert_eq!(r.sections[0].anchor, None);
        assert_eq!(r.sections[1].anchor.as_deref(), Some("laegevagten"));
        assert!(r.sections[1].text.contains("Tekst"));
    }

    #[test]
    fn internal_links_become_placeholders_external_stay() {
        let r = render("Se [beretning](../2024/b.md#x) og [aftalen](https://x.example/a.pdf) og [top](#a)\n\n![logo](logo.png)", 1, "Tabel");
        assert_eq!(r.links.len(), 4);
        assert!(r.links[0].is_internal && !r.links[1].is_internal && !r.links[2].is_internal);
        assert_eq!(r.links[0].text, "beretning");
        assert!(r.links[3].is_image && r.links[3].is_internal);
        assert!(r.html.contains("href=\"arkiv-link:0\""));
        assert!(r.html.contains("href=\"https://x.example/a.pdf\""));
        assert_eq!(r.links[1].line, 1);
        assert_eq!(r.links[3].line, 3);
    }

    #[test]
    fn tables_scroll_and_soft_hyphens_vanish() {
        let r = render(
            "| Post | Beløb |\n|---|---:|\n| Løn | 1.234 |\n\nAf\u{ad}tale",
            1,
            "Tabel",
        );
        assert!(r.html.contains(
            "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Tabel\"><table>"
        ));
        assert!(r.html.contains("style=\"text-align: right\""));
        assert!(r.html.contains("Aftale"));
        assert!(r.plain_text().contains("Aftale"));
        assert!(r.has_table);
        assert!(!render("| ikke en tabel\n\nTekst", 1, "Tabel").has_table);
    }

    #[test]
    fn external_detection() {
        assert!(is_external("https://a.example"));
        assert!(is_external("mailto:a@b.dk"));
        assert!(!is_external("../2024/a.md"));
        assert!(!is_external("bilag.pdf"));
        assert!(!is_external("/2024/a/"));
    }
}

#[cfg(test)]
mod placeholder_tests {
    use super::*;

    #[test]
    fn placeholder_words_in_text_are_left_alone() {
        let html = "<p>arkiv-link:3 og arkiv-link:99999999999999999999999</p><a href=\"arkiv-link:0\">a</a>";
        assert_eq!(
            replace_placeholders(html, |n| format!("u{n}")),
            "<p>arkiv-link:3 og arkiv-link:99999999999999999999999</p><a href=\"u0\">a</a>"
        );
    }

    #[test]
    fn placeholders_replaced() {
        let html = "<a href=\"arkiv-link:0\">a</a><a href=\"arkiv-link:12\">b</a>";
        assert_eq!(
            replace_placeholders(html, |n| format!("u{n}")),
            "<a href=\"u0\">a</a><a href=\"u12\">b</a>"
        );
    }
}
