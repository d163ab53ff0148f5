//! The pages a slide deck gets besides its outline: the presentation (`slides/`, also the
//! speaker view) and the printable handout (`handout/`). They live one folder below the
//! document, so every link in a slide is rebased here; the meeting pack reuses the same views.

use crate::core::compound::hyphenate_headings;
use crate::core::store::TextStore;
use crate::core::urls::relative;
use crate::model::{Archive, Document, Slide};
use serde::Serialize;

/// Handout layouts an organiser can choose, in slides per A4 page.
pub const PER_PAGE_CHOICES: [usize; 5] = [1, 2, 3, 4, 6];

/// The layout a handout prints with when nobody chooses: three slides with note lines, as
/// presenters know it from PowerPoint.
pub const DEFAULT_PER_PAGE: usize = 3;

/// A slide as the presentation, handout and pack show it, with links that work from that page.
#[derive(Debug, Clone, Serialize)]
pub struct SlideView {
    pub number: usize,
    pub title: String,
    pub html: String,
    pub notes_html: Option<String>,
    /// A title slide (centred, larger): one that opens with a level-1 heading, or holds only a
    /// heading and at most two short lines.
    pub is_title: bool,
    /// Which of the slides shown for an overfull source slide this is (1-based; 1 of 1 for a
    /// slide shown whole). Parts after the first are titled "… (forts.)".
    pub part: usize,
    pub parts: usize,
    /// The slide's address in the presentation: `#5` for slide 5 (its first part), `#5.2` for
    /// its second part. `#N` always counts the deck's own slides, as the outline, the handout
    /// and links from other documents do, so a link never moves when a slide is cut anew.
    pub anchor: String,
    /// The layouts (slides per printed page) at which its thumbnail still prints at 7 pt or
    /// more; at the others the handout and the pack print its outline text instead.
    pub print_layouts: Vec<usize>,
}

impl SlideView {
    /// True when the slide prints as its outline text at `per_page` slides a page.
    pub fn as_outline(&self, per_page: usize) -> bool {
        !self.print_layouts.contains(&per_page)
    }
}

/// One printed page of a handout: the slides on it and its page number.
#[derive(Debug, Clone, Serialize)]
pub struct Sheet {
    pub number: usize,
    pub slides: Vec<SlideView>,
    /// The sheet holds one slide printed as its outline text (see `SlideView::print_layouts`).
    pub outline: bool,
}

/// The deck's slides, one per slide of the source, with their links rebased from the document
/// page to `page_url`: what the handout and the pack print.
pub fn slide_views(texts: &TextStore, doc: &Document, page_url: &str) -> Vec<SlideView> {
    doc.slides
        .iter()
        .map(|s| slide_view(texts, s, &doc.url, page_url))
        .collect()
}

/// The slides the presentation shows: an overfull slide as its parts, one after another.
pub fn presentation_views(texts: &TextStore, doc: &Document, page_url: &str) -> Vec<SlideView> {
    let mut out = Vec::new();
    for slide in &doc.slides {
        // On screen, titles get soft hyphens at compound joints (slides-fit.js keeps words
        // whole where it can); paper keeps them as written.
        let mut whole = slide_view(texts, slide, &doc.url, page_url);
        whole.html = hyphenate_headings(&whole.html);
        if slide.parts.is_empty() {
            out.push(whole);
            continue;
        }
        let parts = slide.parts.len();
        for (k, html) in slide.parts.iter().enumerate() {
            let prefix = format!("s{}-{}-", slide.number, k + 1);
            out.push(SlideView {
                html: hyphenate_headings(&prefix_ids(
                    &rebase_links(&texts.whole(html), &doc.url, page_url),
                    &prefix,
                )),
                is_title: false,
                part: k + 1,
                parts,
                anchor: if k == 0 {
                    slide.number.to_string()
                } else {
                    format!("{}.{}", slide.number, k + 1)
                },
                ..whole.clone()
            });
        }
    }
    out
}

fn slide_view(texts: &TextStore, slide: &Slide, doc_url: &str, page_url: &str) -> SlideView {
    // Slides are rendered one by one, so two slides can give a heading the same id.
    let prefix = format!("s{}-", slide.number);
    let html = texts.whole(&slide.html);
    SlideView {
        number: slide.number,
        title: slide.title.clone(),
        html: prefix_ids(&rebase_links(&html, doc_url, page_url), &prefix),
        notes_html: slide
            .notes_html
            .as_ref()
            .map(|n| rebase_links(&texts.whole(n), doc_url, page_url)),
        is_title: is_title_slide(&html),
        part: 1,
        parts: 1,
        anchor: slide.number.to_string(),
        print_layouts: slide.print_layouts.clone(),
    }
}

/// A slide that opens with a level-1 heading, or holds only a heading with at most two short
/// lines under it (a deck's first slide as associations write it), is laid out as a title.
pub fn is_title_slide(html: &str) -> bool {
    let html = html.trim_start();
    if html.starts_with("<h1") {
        return true;
    }
    if !html.starts_with("<h2") {
        return false;
    }
    let Some(end) = html.find("</h2>") else {
        return false;
    };
    let rest = &html[end + 5..];
    let blocks = [
        "<ul",
        "<ol",
        "<table",
        "<img",
        "<pre",
        "<blockquote",
        "<h2",
        "<h3",
        "<div",
    ];
    if blocks.iter().any(|b| rest.contains(b)) {
        return false;
    }
    let paragraphs: Vec<&str> = rest.split("<p>").skip(1).collect();
    let lines = paragraphs.len() + rest.matches("<br").count();
    lines <= 2 && paragraphs.iter().all(|p| visible_text_len(p) <= 90)
}

/// Characters outside tags.
fn visible_text_len(html: &str) -> usize {
    let mut inside = false;
    html.chars()
        .filter(|&c| {
            match c {
                '<' => inside = true,
                '>' => {
                    inside = false;
                    return false;
                }
                _ => {}
            }
            !inside
        })
        .count()
}

/// Splits slides into printed pages of `per_page` (at least one per page). A slide that prints
/// as outline text at this layout has a page of its own, where its text has room.
pub fn sheets(slides: &[SlideView], per_page: usize) -> Vec<Sheet> {
    let per_page = per_page.max(1);
    let mut out: Vec<Sheet> = Vec::new();
    let mut current: Vec<SlideView> = Vec::new();
    let flush = |current: &mut Vec<SlideView>, out: &mut Vec<Sheet>| {
        if !current.is_empty() {
            let slides = std::mem::take(current);
            out.push(Sheet {
                number: out.len() + 1,
                outline: slides.iter().any(|s| s.as_outline(per_page)),
                slides,
            });
        }
    };
    for s in slides {
        if s.as_outline(per_page) {
            flush(&mut current, &mut out);
            current.push(s.clone());
            flush(&mut current, &mut out);
            continue;
        }
        current.push(s.clone());
        if current.len() == per_page {
            flush(&mut current, &mut out);
        }
    }
    flush(&mut current, &mut out);
    out
}

/// How many A4 pages a deck's `slides` take at `per_page`: what the handout page promises.
pub fn sheet_count(slides: &[SlideView], per_page: usize) -> usize {
    sheets(slides, per_page).len()
}

/// What both deck pages show about the deck, with the slides the page shows (the
/// presentation's, or the handout's printed ones).
#[derive(Serialize)]
struct DeckView<'a> {
    title: &'a str,
    url: &'a str,
    date: Option<String>,
    date_long: Option<String>,
    /// A title that already says the date ("… d. 23. oktober 2025") gets it only once.
    date_in_title: bool,
    authors: &'a [String],
    slides: &'a [SlideView],
    count: usize,
    presentation_url: String,
    handout_url: String,
    meeting: Option<MeetingLink<'a>>,
}

/// The meeting a deck was presented at.
#[derive(Serialize)]
struct MeetingLink<'a> {
    title: &'a str,
    url: &'a str,
}

fn deck_value<'a>(archive: &'a Archive, index: usize, slides: &'a [SlideView]) -> DeckView<'a> {
    let doc = &archive.documents[index];
    let lang = archive.config.language;
    DeckView {
        title: &doc.front.title,
        url: &doc.url,
        date: doc.front.date.map(|d| d.to_string()),
        date_long: doc.front.date.map(|d| d.long(lang)),
        date_in_title: doc
            .front
            .date
            .is_some_and(|d| doc.front.title.contains(&d.long(lang))),
        authors: &doc.front.authors,
        slides,
        count: doc.slides.len(),
        presentation_url: crate::routes::presentation(&doc.url),
        handout_url: crate::routes::handout(&doc.url),
        meeting: doc.meeting.map(|m| MeetingLink {
            title: &archive.documents[m].front.title,
            url: &archive.documents[m].url,
        }),
    }
}

/// Fills the presentation page (which is also the speaker view, chosen by `?speaker`).
pub fn presentation_context(archive: &Archive, index: usize, ctx: &mut tera::Context) {
    let doc = &archive.documents[index];
    let page_url = crate::routes::presentation(&doc.url);
    let views = presentation_views(&archive.texts, doc, &page_url);
    ctx.insert("deck", &deck_value(archive, index, &views));
    ctx.insert("section", "archive");
}

/// Fills the handout page: the deck, laid out for the default choice so it prints without
/// JavaScript; the page's script regroups the same slides for the other choices.
pub fn handout_context(archive: &Archive, index: usize, ctx: &mut tera::Context) {
    let doc = &archive.documents[index];
    let page_url = crate::routes::handout(&doc.url);
    // Each slide is read and rebased once: the sheets and the deck share the printed views.
    let views = slide_views(&archive.texts, doc, &page_url);
    let deck = deck_value(archive, index, &views);
    ctx.insert("sheets", &sheets(&views, DEFAULT_PER_PAGE));
    ctx.insert("sheet_count", &sheet_count(&views, DEFAULT_PER_PAGE));
    ctx.insert("per_page", &DEFAULT_PER_PAGE);
    ctx.insert("per_page_choices", &PER_PAGE_CHOICES);
    ctx.insert("deck", &deck);
    ctx.insert("section", "archive");
}

/// Rewrites the relative `href` and `src` values in `html`, written for the page at
/// `from` (a site-relative folder URL), so they lead to the same place from the page at `to`.
/// Same-page anchors lead back to the `from` page; absolute URLs are left alone.
pub fn rebase_links(html: &str, from: &str, to: &str) -> String {
    if from == to {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(pos) = next_url_attribute(rest) {
        let (before, after) = rest.split_at(pos);
        out.push_str(before);
        let Some(end) = after.find('"') else {
            rest = after;
            break;
        };
        out.push_str(&rebase_one(&after[..end], from, to));
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Byte offset just after the next ` href="` or ` src="` in `html`. One pass over the text:
/// each `="` is looked at once, so a slide with many links costs no more than its length.
fn next_url_attribute(html: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut from = 0;
    while let Some(at) = html[from..].find("=\"") {
        let eq = from + at;
        let before = &bytes[..eq];
        if before.ends_with(b" href") || before.ends_with(b" src") {
            return Some(eq + 2);
        }
        from = eq + 2;
    }
    None
}

fn rebase_one(url: &str, from: &str, to: &str) -> String {
    if url.is_empty() || url.starts_with('/') || crate::core::urls::has_scheme(url) {
        return url.to_string();
    }
    if url.starts_with('#') {
        return format!("{}{url}", relative(to, from));
    }
    let split = url.find(['#', '?']).unwrap_or(url.len());
    let (path, suffix) = url.split_at(split);
    // A link of the members' area to the public site climbs above the area's root; it keeps
    // its `..` (see `core::urls::join_above`).
    let joined = crate::core::urls::join_above(crate::core::urls::home(from), path);
    let folder = path.ends_with('/') || path.is_empty() || path.ends_with("..");
    let target = if folder && !joined.is_empty() {
        format!("{joined}/")
    } else {
        joined
    };
    format!("{}{suffix}", relative(to, &target))
}

/// Puts `prefix` before every `id` in `html`, so fragments of several documents (or slides)
/// can share one page without two elements having the same id.
pub fn prefix_ids(html: &str, prefix: &str) -> String {
    html.replace(" id=\"", &format!(" id=\"{prefix}"))
}

/// The deck as a readable outline for its document page: one section per slide, notes beside.
pub fn outline_html(texts: &TextStore, slides: &[Slide]) -> String {
    let mut html = String::new();
    for s in slides {
        html.push_str(&format!(
            "<section class=\"outline-slide\" id=\"slide-{}\"><p class=\"outline-number\">{}</p>",
            s.number, s.number
        ));
        // Slide titles are the outline's sections: the page's own title is its only <h1>.
        let slide = texts.whole(&s.html);
        html.push_str(&slide.replace("<h1", "<h2").replace("</h1>", "</h2>"));
        if let Some(notes) = &s.notes_html {
            html.push_str("<aside class=\"outline-notes\">");
            html.push_str(&texts.whole(notes));
            html.push_str("</aside>");
        }
        html.push_str("</section>");
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_rebased_one_folder_down() {
        let html = r#"<a href="../../2024/beretning/#valg">x</a><img src="graf.png" alt=""><a href="https://example.org/a">y</a>"#;
        let out = rebase_links(html, "2025/deck/", "2025/deck/slides/");
        assert_eq!(
            out,
            r#"<a href="../../../2024/beretning/#valg">x</a><img src="../../../2025/deck/graf.png" alt=""><a href="https://example.org/a">y</a>"#
        );
    }

    #[test]
    fn anchors_lead_back_to_the_document() {
        let out = rebase_links(
            r##"<a href="#slide-3">3</a>"##,
            "2025/deck/",
            "2025/deck/handout/",
        );
        assert_eq!(out, r##"<a href="../../../2025/deck/#slide-3">3</a>"##);
    }

    #[test]
    fn links_rebased_across_folders() {
        let out = rebase_links(
            r#"<a href="../andet/">a</a><a href="bilag.pdf">b</a><a href="mailto:a@b.dk">c</a>"#,
            "2025/rapport/",
            "2025/moede/pack/",
        );
        assert_eq!(
            out,
            r#"<a href="../../../2025/andet/">a</a><a href="../../../2025/rapport/bilag.pdf">b</a><a href="mailto:a@b.dk">c</a>"#
        );
    }

    #[test]
    fn unchanged_when_the_page_is_the_same_and_when_quotes_are_missing() {
        assert_eq!(
            rebase_links(r#"<a href="x/">x</a>"#, "a/", "a/"),
            r#"<a href="x/">x</a>"#
        );
        assert_eq!(
            rebase_links(r#"<a href="x/"#, "a/", "a/b/"),
            r#"<a href="x/"#
        );
    }

    #[test]
    fn only_href_and_src_attributes_are_rebased_in_a_long_slide() {
        // Other attributes with `="` between them, and many links after an image: each is
        // rebased once, in order.
        let mut html = String::from(r#"<img class="x" src="a.png" alt="a"><p data-href="y">"#);
        for k in 0..50 {
            html.push_str(&format!(r#"<a title="t" href="f{k}.pdf">{k}</a>"#));
        }
        let out = rebase_links(&html, "2025/deck/", "2025/deck/slides/");
        assert!(out.starts_with(
            r#"<img class="x" src="../../../2025/deck/a.png" alt="a"><p data-href="y">"#
        ));
        assert_eq!(out.matches(r#"href="../../../2025/deck/f"#).count(), 50);
        assert!(out.ends_with(r#"<a title="t" href="../../../2025/deck/f49.pdf">49</a>"#));
    }

    #[test]
    fn ids_prefixed() {
        assert_eq!(
            prefix_ids(r#"<h2 id="program">P</h2><p>id="x"</p>"#, "s2-"),
            r#"<h2 id="s2-program">P</h2><p>id="x"</p>"#
        );
    }

    #[test]
    fn sheets_split_by_choice() {
        let slide = |n| SlideView {
            number: n,
            title: format!("{n}"),
            html: String::new(),
            notes_html: None,
            is_title: false,
            part: 1,
            parts: 1,
            anchor: n.to_string(),
            print_layouts: PER_PAGE_CHOICES.to_vec(),
        };
        let views: Vec<SlideView> = (1..=12).map(slide).collect();
        assert_eq!(sheets(&views, 3).len(), 4);
        assert_eq!(sheets(&views, 6).len(), 2);
        assert_eq!(sheets(&views, 4).len(), 3);
        assert_eq!(
            sheets(&views[..7], 3).last().map(|s| s.slides.len()),
            Some(1)
        );
        assert_eq!(sheet_count(&views, 3), 4);
        assert_eq!(sheet_count(&views[..0], 3), 0);
        assert_eq!(sheet_count(&views[..5], 0), 5);
        // A slide printed as outline text at 3 per page gets a page of its own.
        let mut dense = views[..7].to_vec();
        dense[3].print_layouts = vec![1, 2];
        let pages: Vec<Vec<usize>> = sheets(&dense, 3)
            .iter()
            .map(|s| s.slides.iter().map(|v| v.number).collect())
            .collect();
        assert_eq!(pages, vec![vec![1, 2, 3], vec![4], vec![5, 6, 7]]);
        assert_eq!(sheets(&dense, 2).len(), 4);
    }

    #[test]
    fn title_slides_are_a_heading_with_at_most_two_short_lines() {
        assert!(is_title_slide("<h1>Velkommen</h1>"));
        assert!(is_title_slide(
            "<h2 id=\"x\">Kredsen</h2>\n<p>Velkommen til efterårsmødet 2025</p>\n<p>6. november</p>"
        ));
        assert!(!is_title_slide("<h2>Program</h2><p>a</p><p>b</p><p>c</p>"));
        assert!(!is_title_slide("<h2>Program</h2><ul><li>a</li></ul>"));
        assert!(!is_title_slide(&format!(
            "<h2>Lang</h2><p>{}</p>",
            "ord ".repeat(40)
        )));
    }
}
