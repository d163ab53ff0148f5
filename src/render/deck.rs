//! The pages a slide deck gets besides its outline: the presentation (`slides/`, also the
//! speaker view) and the printable handout (`handout/`). They live one folder below the
//! document, so every link in a slide is rebased here; the meeting pack reuses the same views.

use crate::core::urls::{join_normalized, relative};
use crate::model::{Archive, Document, Slide};
use serde::Serialize;
use serde_json::{json, Value};

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
    /// A slide that opens with a level-1 heading is a title slide: centred, larger.
    pub is_title: bool,
}

/// One printed page of a handout: the slides on it and its page number.
#[derive(Debug, Clone, Serialize)]
pub struct Sheet {
    pub number: usize,
    pub slides: Vec<SlideView>,
}

/// The deck's slides with their links rebased from the document page to `page_url`.
pub fn slide_views(doc: &Document, page_url: &str) -> Vec<SlideView> {
    doc.slides
        .iter()
        .map(|s| slide_view(s, &doc.url, page_url))
        .collect()
}

fn slide_view(slide: &Slide, doc_url: &str, page_url: &str) -> SlideView {
    // Slides are rendered one by one, so two slides can give a heading the same id.
    let prefix = format!("s{}-", slide.number);
    SlideView {
        number: slide.number,
        title: slide.title.clone(),
        html: prefix_ids(&rebase_links(&slide.html, doc_url, page_url), &prefix),
        notes_html: slide
            .notes_html
            .as_deref()
            .map(|n| rebase_links(n, doc_url, page_url)),
        is_title: slide.html.trim_start().starts_with("<h1"),
    }
}

/// Splits slides into printed pages of `per_page` (at least one per page).
pub fn sheets(slides: &[SlideView], per_page: usize) -> Vec<Sheet> {
    slides
        .chunks(per_page.max(1))
        .enumerate()
        .map(|(i, chunk)| Sheet {
            number: i + 1,
            slides: chunk.to_vec(),
        })
        .collect()
}

/// How many A4 pages a deck of `slides` takes at `per_page`: what the handout page promises.
pub fn sheet_count(slides: usize, per_page: usize) -> usize {
    slides.div_ceil(per_page.max(1))
}

/// What both deck pages show about the deck, for the page at `page_url`.
fn deck_value(archive: &Archive, index: usize, page_url: &str) -> Value {
    let doc = &archive.documents[index];
    let lang = archive.config.language;
    json!({
        "title": doc.front.title,
        "url": doc.url,
        "date": doc.front.date.map(|d| d.to_string()),
        "date_long": doc.front.date.map(|d| d.long(lang)),
        "authors": doc.front.authors,
        "slides": slide_views(doc, page_url),
        "count": doc.slides.len(),
        "presentation_url": crate::routes::presentation(&doc.url),
        "handout_url": crate::routes::handout(&doc.url),
        "meeting": doc.meeting.map(|m| json!({
            "title": archive.documents[m].front.title,
            "url": archive.documents[m].url,
        })),
    })
}

/// Fills the presentation page (which is also the speaker view, chosen by `?speaker`).
pub fn presentation_context(archive: &Archive, index: usize, ctx: &mut tera::Context) {
    let page_url = crate::routes::presentation(&archive.documents[index].url);
    ctx.insert("deck", &deck_value(archive, index, &page_url));
    ctx.insert("section", "archive");
}

/// Fills the handout page: the deck, laid out for the default choice so it prints without
/// JavaScript; the page's script regroups the same slides for the other choices.
pub fn handout_context(archive: &Archive, index: usize, ctx: &mut tera::Context) {
    let doc = &archive.documents[index];
    let page_url = crate::routes::handout(&doc.url);
    let deck = deck_value(archive, index, &page_url);
    let views = slide_views(doc, &page_url);
    ctx.insert("sheets", &sheets(&views, DEFAULT_PER_PAGE));
    ctx.insert("sheet_count", &sheet_count(views.len(), DEFAULT_PER_PAGE));
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

/// Byte offset just after the next ` href="` or ` src="` in `html`.
fn next_url_attribute(html: &str) -> Option<usize> {
    let href = html.find(" href=\"").map(|p| p + 7);
    let src = html.find(" src=\"").map(|p| p + 6);
    match (href, src) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
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
    match join_normalized(from, path) {
        Some(joined) => {
            let folder = path.ends_with('/') || path.is_empty() || path.ends_with("..");
            let target = if folder && !joined.is_empty() {
                format!("{joined}/")
            } else {
                joined
            };
            format!("{}{suffix}", relative(to, &target))
        }
        None => url.to_string(),
    }
}

/// Puts `prefix` before every `id` in `html`, so fragments of several documents (or slides)
/// can share one page without two elements having the same id.
pub fn prefix_ids(html: &str, prefix: &str) -> String {
    html.replace(" id=\"", &format!(" id=\"{prefix}"))
}

/// The deck as a readable outline for its document page: one section per slide, notes beside.
pub fn outline_html(slides: &[Slide]) -> String {
    let mut html = String::new();
    for s in slides {
        html.push_str(&format!(
            "<section class=\"outline-slide\" id=\"slide-{}\"><p class=\"outline-number\">{}</p>",
            s.number, s.number
        ));
        // Slide titles are the outline's sections: the page's own title is its only <h1>.
        html.push_str(&s.html.replace("<h1", "<h2").replace("</h1>", "</h2>"));
        if let Some(notes) = &s.notes_html {
            html.push_str("<aside class=\"outline-notes\">");
            html.push_str(notes);
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
        };
        let views: Vec<SlideView> = (1..=12).map(slide).collect();
        assert_eq!(sheets(&views, 3).len(), 4);
        assert_eq!(sheets(&views, 6).len(), 2);
        assert_eq!(sheets(&views, 4).len(), 3);
        assert_eq!(
            sheets(&views[..7], 3).last().map(|s| s.slides.len()),
            Some(1)
        );
        assert_eq!(sheet_count(12, 3), 4);
        assert_eq!(sheet_count(13, 6), 3);
        assert_eq!(sheet_count(0, 3), 0);
        assert_eq!(sheet_count(5, 0), 5);
    }
}
