//! The meeting pack (`/<year>/<meeting>/pack/`): what an organiser prints the night before.
//! The programme and a table of contents, then every document of the meeting in programme
//! order: reports and accounts in full, decks as three-per-page handouts. Each document prints
//! under its own running footer through a named CSS page.

use crate::core::escape::{css_string, css_string_bare};
use crate::core::i18n;
use crate::core::kind::Kind;
use crate::model::Archive;
use crate::render::deck::{
    prefix_ids, rebase_links, sheets, slide_views, Sheet, SlideView, DEFAULT_PER_PAGE,
};
use crate::render::pages::Page;
use serde::Serialize;
use serde_json::{json, Value};

/// The meeting's documents in the order they are presented: item by item, the document the
/// item names (even when it does not name the meeting itself) and those placed under it by
/// matching (`model::meetings`); then, in date order, the documents that name the meeting but
/// were not on the programme.
pub fn pack_documents(archive: &Archive, meeting: usize) -> Vec<usize> {
    let m = &archive.documents[meeting];
    let members: &[usize] = archive
        .indexes
        .meeting_documents
        .get(&meeting)
        .map_or(&[], Vec::as_slice);
    let mut order: Vec<usize> = Vec::new();
    for (i, found) in m.programme_documents.iter().enumerate() {
        if let Some(found) = *found {
            let presented = archive.documents[found].front.kind != Kind::Meeting;
            if presented && !order.contains(&found) {
                order.push(found);
            }
        }
        for &d in members {
            if archive.documents[d].programme_item == Some(i) && !order.contains(&d) {
                order.push(d);
            }
        }
    }
    for &d in members {
        if !order.contains(&d) {
            order.push(d);
        }
    }
    order
}

/// Is document `d` of meeting `meeting` on its programme (named by or placed under an item)?
pub fn on_programme(archive: &Archive, meeting: usize, d: usize) -> bool {
    archive.documents[d].programme_item.is_some()
        || archive.documents[meeting]
            .programme_documents
            .contains(&Some(d))
}

/// One document of the pack, as the template prints it.
#[derive(Serialize)]
struct PackSection<'a> {
    number: usize,
    on_programme: bool,
    first_off_programme: bool,
    anchor: String,
    title: &'a str,
    url: &'a str,
    kind_label: &'static str,
    date_long: Option<String>,
    authors: &'a [String],
    committee: &'a Option<String>,
    is_deck: bool,
    slide_count: usize,
    sheets: Vec<Sheet>,
    body: String,
    attachments: Vec<&'a str>,
}

/// Fills the pack page for the meeting document `meeting`.
pub fn pack_context(archive: &Archive, meeting: usize, ctx: &mut tera::Context) {
    let lang = archive.config.language;
    let m = &archive.documents[meeting];
    let page_url = crate::routes::pack(&m.url);
    let documents = pack_documents(archive, meeting);
    let section_of = |found: usize| documents.iter().position(|&d| d == found).map(|p| p + 1);
    let programme: Vec<Value> = m
        .front
        .programme
        .iter()
        .zip(&m.programme_documents)
        .map(|(p, found)| {
            json!({
                "time": p.time,
                "title": p.title,
                "speaker": p.speaker,
                "section": found.and_then(section_of),
            })
        })
        .collect();
    let sections: Vec<PackSection> = documents
        .iter()
        .enumerate()
        .map(|(n, &d)| {
            let doc = &archive.documents[d];
            let is_deck = doc.front.kind == Kind::Slides;
            // Two decks in one pack must not share slide ids either.
            let views: Vec<SlideView> = if is_deck {
                slide_views(&archive.texts, doc, &page_url)
                    .into_iter()
                    .map(|mut v| {
                        v.html = prefix_ids(&v.html, &format!("p{}-", n + 1));
                        v
                    })
                    .collect()
            } else {
                Vec::new()
            };
            PackSection {
                number: n + 1,
                on_programme: on_programme(archive, meeting, d) || m.front.programme.is_empty(),
                first_off_programme: !m.front.programme.is_empty()
                    && !on_programme(archive, meeting, d)
                    && documents[..n]
                        .iter()
                        .all(|&e| on_programme(archive, meeting, e)),
                anchor: format!("pack-{}", n + 1),
                title: &doc.front.title,
                url: &doc.url,
                kind_label: i18n::kind_label(lang, doc.front.kind).0,
                date_long: doc.front.date.map(|x| x.long(lang)),
                authors: &doc.front.authors,
                committee: &doc.front.committee,
                is_deck,
                slide_count: doc.slides.len(),
                sheets: sheets(&views, DEFAULT_PER_PAGE),
                body: if is_deck {
                    String::new()
                } else {
                    let html = rebase_links(&archive.texts.whole(&doc.html), &doc.url, &page_url);
                    demote_headings(&prefix_ids(&html, &format!("p{}-", n + 1)))
                },
                attachments: doc.attachments.iter().map(|a| a.title.as_str()).collect(),
            }
        })
        .collect();
    let titles: Vec<String> = documents
        .iter()
        .enumerate()
        .map(|(n, &d)| format!("{}. {}", n + 1, archive.documents[d].front.title))
        .collect();
    ctx.insert(
        "meeting",
        &json!({
            "title": m.front.title,
            "url": m.url,
            "date_long": m.front.date.map(|x| x.long(lang)),
            "place": m.front.place,
            "programme": programme,
            // Under the pack's title, as on the meeting page: its headings keep their level.
            "body": prefix_ids(&rebase_links(&archive.texts.whole(&m.html), &m.url, &page_url), "p0-"),
            "attachments": m.attachments.iter().map(|a| a.title.clone()).collect::<Vec<_>>(),
        }),
    );
    ctx.insert("sections", &sections);
    ctx.insert("per_page", &DEFAULT_PER_PAGE);
    ctx.insert("page_css", &page_css(archive, meeting, &titles));
    ctx.insert("section", "meetings");
}

/// The running header and footer of every printed page, as CSS paged-media rules: the
/// association and the meeting at the top, the document and "page N of M" at the bottom.
/// Each document gets a named page (`pack-N`) so its own title runs in its footer.
fn page_css(archive: &Archive, meeting: usize, titles: &[String]) -> String {
    let lang = archive.config.language;
    let m = &archive.documents[meeting];
    let meeting_line = match m.front.date {
        Some(d) => format!("{} · {}", m.front.title, d.long(lang)),
        None => m.front.title.clone(),
    };
    let mut css = format!(
        "@page {{ @top-left {{ content: {}; }} @top-right {{ content: {}; }} @bottom-left {{ content: {}; }} @bottom-right {{ content: {} \" \" counter(page) \" {} \" counter(pages); }} }}\n",
        css_string(&archive.config.title),
        css_string(&meeting_line),
        css_string(i18n::text(lang, "programme")),
        css_string(i18n::text(lang, "page_of")),
        css_string_bare(i18n::text(lang, "of")),
    );
    for (n, title) in titles.iter().enumerate() {
        css.push_str(&format!(
            ".pack-doc-{} {{ page: pack-{}; }}\n@page pack-{} {{ @bottom-left {{ content: {}; }} }}\n",
            n + 1,
            n + 1,
            n + 1,
            css_string(title)
        ));
    }
    css
}

/// The deck and pack pages that show something of document `i`: its presentation and
/// handout when it is a deck, and the pack of every meeting whose pack holds it (or its own
/// pack when it is a meeting). For serve, which re-renders only the pages an edit touches.
pub fn pages_showing(archive: &Archive, i: usize) -> Vec<Page> {
    let d = &archive.documents[i];
    let mut pages = Vec::new();
    if d.front.kind == Kind::Slides && !d.slides.is_empty() {
        pages.extend([Page::Presentation(i), Page::Handout(i)]);
    }
    for &m in &archive.indexes.meetings {
        if m == i || pack_documents(archive, m).contains(&i) {
            pages.push(Page::Pack(m));
        }
    }
    pages
}

/// In the pack a document's title is a level-2 heading, so its own headings move one level
/// down (`h2` → `h3`, …, `h6` stays `h6`) and the printed outline stays in order.
pub fn demote_headings(html: &str) -> String {
    // One pass: a tag `<hN` or `</hN` (N from 1 to 5) followed by a space or `>` gets N + 1.
    let bytes = html.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        out.push(b);
        i += 1;
        if b != b'<' {
            continue;
        }
        let at = if bytes.get(i) == Some(&b'/') {
            i + 1
        } else {
            i
        };
        let (Some(b'h'), Some(&level @ b'1'..=b'5'), Some(b' ' | b'>')) =
            (bytes.get(at), bytes.get(at + 1), bytes.get(at + 2))
        else {
            continue;
        };
        out.extend_from_slice(&bytes[i..at + 1]);
        out.push(level + 1);
        i = at + 2;
    }
    // Only ASCII digits were changed, so the text is as valid UTF-8 as it was.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_move_one_level_down() {
        assert_eq!(
            demote_headings(
                "<h1>A</h1><h2 id=\"b\">B</h2><h3>C</h3><h6>F</h6><header>x</header><hr>"
            ),
            "<h2>A</h2><h3 id=\"b\">B</h3><h4>C</h4><h6>F</h6><header>x</header><hr>"
        );
        // Each heading moves once, and text that only looks like a tag stays.
        assert_eq!(
            demote_headings("<h5>E</h5><h4>D</h4>a &lt;h2&gt; <h7>x</h7><h2\tx>æ</h2"),
            "<h6>E</h6><h5>D</h5>a &lt;h2&gt; <h7>x</h7><h2\tx>æ</h2"
        );
    }
}
