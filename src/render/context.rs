//! What templates see. All computing happens here (dates in words, sizes, grouping, neighbours)
//! so the templates only present. URLs are site-relative; templates prefix them with `root`.

use crate::core::i18n::kind_label;
use crate::core::i18n::Language;
use crate::core::kind::Kind;
use crate::core::slug::slugify;
use crate::model::{Archive, Attachment, Document, Group};
use serde::Serialize;
use serde_json::{json, Value};

/// A document as it appears in lists.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Card {
    pub title: String,
    pub url: String,
    pub date: String,
    pub date_long: String,
    pub date_short: String,
    pub year: Option<i32>,
    pub kind: &'static str,
    pub kind_label: &'static str,
    pub summary: String,
    pub committee: Option<String>,
    pub meeting_title: Option<String>,
    pub attachments: Vec<AttachmentView>,
    pub slide_count: usize,
    /// A members-only document, marked as such in lists of the members' area and in serve.
    pub members_only: bool,
}

/// An attachment as shown to readers: size in words, type badge.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttachmentView {
    pub title: String,
    pub url: String,
    pub file_name: String,
    pub size: String,
    pub is_pdf: bool,
    pub pages: Option<u32>,
}

/// Cards for every document, built once per build and shared by every list page.
pub fn cards(archive: &Archive) -> Vec<Card> {
    let lang = archive.config.language;
    archive
        .documents
        .iter()
        .map(|d| card(archive, d, lang))
        .collect()
}

/// The card of one document (serve updates the cards of the documents an edit changed).
pub fn card(archive: &Archive, d: &Document, lang: Language) -> Card {
    let (label, _) = kind_label(lang, d.front.kind);
    Card {
        title: d.front.title.clone(),
        url: d.url.clone(),
        date: d.front.date.map(|x| x.to_string()).unwrap_or_default(),
        date_long: d.front.date.map(|x| x.long(lang)).unwrap_or_default(),
        date_short: d.front.date.map(|x| x.short(lang)).unwrap_or_default(),
        year: d.year(),
        kind: d.front.kind.as_str(),
        kind_label: label,
        summary: d.summary.clone(),
        committee: d.front.committee.clone(),
        meeting_title: d.meeting.map(|m| archive.documents[m].front.title.clone()),
        attachments: d
            .attachments
            .iter()
            .map(|a| attachment_view(a, lang))
            .collect(),
        slide_count: d.slides.len(),
        members_only: d.access.is_members(),
    }
}

/// Attachment for display; page counts come from the PDF reader when it has run.
pub fn attachment_view(a: &Attachment, lang: Language) -> AttachmentView {
    AttachmentView {
        title: a.title.clone(),
        url: crate::core::urls::encode_path(&a.path),
        file_name: a.file_name.clone(),
        size: human_size(a.size_bytes, lang),
        is_pdf: a.is_pdf,
        pages: a.pdf.as_ref().and_then(|p| p.pages),
    }
}

/// "1,2 MB" / "1.2 MB": sizes as readers of each language write them.
pub fn human_size(bytes: u64, lang: Language) -> String {
    let (value, unit) = if bytes >= 1_000_000 {
        (bytes as f64 / 1_000_000.0, "MB")
    } else if bytes >= 1_000 {
        (bytes as f64 / 1_000.0, "kB")
    } else {
        return format!("{bytes} B");
    };
    let text = if value >= 10.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    };
    match lang {
        Language::Da => format!("{} {unit}", text.replace('.', ",")),
        Language::En => format!("{text} {unit}"),
    }
}

/// A link with a label, for names that lead to their group pages.
#[derive(Debug, Clone, Serialize)]
pub struct NamedLink {
    pub name: String,
    pub url: String,
}

fn group_link(prefix: &str, name: &str) -> NamedLink {
    NamedLink {
        name: name.to_string(),
        url: crate::routes::group(prefix, Some(&slugify(name))),
    }
}

/// The headings a document's table of contents lists: levels 2 and 3, none for a deck.
fn toc_headings(d: &Document) -> impl Iterator<Item = crate::markdown::Heading<'_>> {
    d.headings
        .iter()
        .filter(|h| (2..=3).contains(&h.level) && d.front.kind != Kind::Slides)
}

/// Whether a document is long enough to show a table of contents (three headings or more).
pub fn has_toc(d: &Document) -> bool {
    toc_headings(d).count() >= 3
}

/// Everything a document page shows: a typed view, which Tera takes in one conversion.
#[derive(Serialize)]
pub struct DocumentView<'a> {
    title: &'a str,
    url: &'a str,
    kind: &'static str,
    kind_label: &'static str,
    kind_url: String,
    date: &'a str,
    date_long: &'a str,
    year: Option<i32>,
    summary: &'a Option<String>,
    authors: Vec<NamedLink>,
    committee: Option<NamedLink>,
    tags: Vec<NamedLink>,
    attachments: &'a [AttachmentView],
    toc: Vec<TocEntry<'a>>,
    body: String,
    slides: Vec<SlideEntry<'a>>,
    place: &'a Option<String>,
    programme: Vec<ProgrammeView<'a>>,
    members_only: bool,
    members_copy: Option<String>,
    meeting: Option<&'a Card>,
    siblings: Vec<&'a Card>,
    meeting_documents: Vec<&'a Card>,
    meeting_documents_off: Vec<&'a Card>,
    previous: Option<&'a Card>,
    next: Option<&'a Card>,
    is_long: bool,
    language_label: &'static str,
    kind_label_plural: &'static str,
    reading_minutes: usize,
    print_page_css: String,
}

/// A heading of the table of contents.
#[derive(Serialize)]
struct TocEntry<'a> {
    level: u8,
    text: &'a str,
    id: &'a str,
}

/// A slide in a deck's list of slides.
#[derive(Serialize)]
struct SlideEntry<'a> {
    number: usize,
    title: &'a str,
    line: usize,
}

/// A programme item, with the document presented at it.
#[derive(Serialize)]
struct ProgrammeView<'a> {
    time: &'a str,
    title: &'a str,
    speaker: &'a Option<String>,
    document: Option<&'a Card>,
    members_only: bool,
}

pub fn document_page<'a>(
    archive: &'a Archive,
    cards: &'a [Card],
    index: usize,
) -> DocumentView<'a> {
    let d = &archive.documents[index];
    let lang = archive.config.language;
    let toc = toc_headings(d)
        .map(|h| TocEntry {
            level: h.level,
            text: h.text,
            id: h.id,
        })
        .collect();
    // Lists are newest first: "previous" is the older neighbour, "next" the newer one.
    let (newer, older) = archive.indexes.kind_neighbours(d.front.kind, index);
    let previous = older.map(|i| &cards[i]);
    let next = newer.map(|i| &cards[i]);
    let meeting = d.meeting.map(|m| &cards[m]);
    let siblings: Vec<&Card> = d
        .meeting
        .and_then(|m| archive.indexes.meeting_documents.get(&m))
        .map(|docs| {
            docs.iter()
                .filter(|&&i| i != index)
                .map(|&i| &cards[i])
                .collect()
        })
        .unwrap_or_default();
    // A meeting's documents in programme order; those not on its programme apart, after.
    let off = |i: usize| {
        !d.front.programme.is_empty() && !crate::render::pack::on_programme(archive, index, i)
    };
    let members: &[usize] = archive
        .indexes
        .meeting_documents
        .get(&index)
        .map_or(&[], Vec::as_slice);
    let meeting_documents: Vec<&Card> = members
        .iter()
        .filter(|&&i| !off(i))
        .map(|&i| &cards[i])
        .collect();
    let meeting_documents_off: Vec<&Card> = members
        .iter()
        .filter(|&&i| off(i))
        .map(|&i| &cards[i])
        .collect();
    let programme = d
        .front
        .programme
        .iter()
        .zip(&d.programme_documents)
        .enumerate()
        .map(|(n, (item, found))| ProgrammeView {
            time: &item.time,
            title: &item.title,
            speaker: &item.speaker,
            document: found.map(|i| &cards[i]),
            members_only: d.programme_members.get(n).copied().unwrap_or(false),
        })
        .collect();
    let card = &cards[index];
    let body = if d.front.kind == Kind::Slides {
        crate::render::deck::outline_html(&archive.texts, &d.slides)
    } else {
        crate::core::compound::hyphenate_headings(&archive.texts.whole(&d.html))
    };
    DocumentView {
        title: &d.front.title,
        url: &d.url,
        kind: d.front.kind.as_str(),
        kind_label: card.kind_label,
        kind_url: format!("kinds/{}/", d.front.kind.as_str()),
        date: &card.date,
        date_long: &card.date_long,
        year: card.year,
        summary: &d.front.summary,
        authors: d
            .front
            .authors
            .iter()
            .map(|a| group_link(crate::routes::AUTHORS, a))
            .collect(),
        committee: d
            .front
            .committee
            .as_deref()
            .map(|c| group_link(crate::routes::COMMITTEES, c)),
        tags: d
            .front
            .tags
            .iter()
            .map(|t| group_link(crate::routes::TAGS, t))
            .collect(),
        attachments: &card.attachments,
        toc,
        body,
        slides: d
            .slides
            .iter()
            .map(|s| SlideEntry {
                number: s.number,
                title: &s.title,
                line: s.line,
            })
            .collect(),
        place: &d.front.place,
        programme,
        members_only: d.access.is_members(),
        members_copy: members_copy(archive, d),
        meeting,
        siblings,
        meeting_documents,
        meeting_documents_off,
        previous,
        next,
        is_long: has_toc(d),
        language_label: lang.code(),
        kind_label_plural: kind_label(lang, d.front.kind).1,
        reading_minutes: reading_minutes(d),
        print_page_css: print_page_css(&archive.config.title, &d.front.title, &card.date_long),
    }
}

/// For a public meeting whose programme or documents include members-only material, its page
/// in the members' area, from the site root; `None` elsewhere.
fn members_copy(archive: &Archive, d: &Document) -> Option<String> {
    let area = &archive.area;
    (!area.members && area.members_meetings.contains(&d.slug) && d.front.kind == Kind::Meeting)
        .then(|| format!("{}{}", area.folder, d.url))
}

/// Minutes a member needs to read the text, at 200 words a minute (a careful reader of
/// Danish prose); shown so a busy reader can decide between now and later.
pub fn reading_minutes(d: &Document) -> usize {
    d.words.div_ceil(200)
}

/// A running head for printed pages after the first (which has the letterhead in the page):
/// association, title and date in the page margin, where only an `@page` rule can write.
pub fn print_page_css(site: &str, title: &str, date: &str) -> String {
    let mut head = format!("{site} \u{2014} {title}");
    if !date.is_empty() {
        head.push_str(" \u{b7} ");
        head.push_str(date);
    }
    format!(
        "@page{{@top-left{{content:{}}}}}@page:first{{@top-left{{content:none}}}}",
        crate::core::escape::css_string(&head)
    )
}

/// Links to every kind that has documents, with counts, for navigation and the home page.
pub fn kind_nav(archive: &Archive) -> Vec<Value> {
    let lang = archive.config.language;
    Kind::ALL
        .iter()
        .filter(|k| **k != Kind::Page)
        .map(|k| {
            let (singular, plural) = kind_label(lang, *k);
            let count = archive.indexes.kinds.get(k).map_or(0, Vec::len);
            json!({"kind": k.as_str(), "label": plural, "singular": singular, "url": format!("kinds/{}/", k.as_str()), "count": count})
        })
        .collect()
}

/// Groups (committees, tags, authors) with their document counts, for index pages.
pub fn group_summaries(groups: &[Group], prefix: &str) -> Vec<Value> {
    groups
        .iter()
        .map(|g| json!({"name": g.name, "url": crate::routes::group(prefix, Some(&g.slug)), "count": g.documents.len()}))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_in_each_language() {
        assert_eq!(human_size(1_234_567, Language::Da), "1,2 MB");
        assert_eq!(human_size(1_234_567, Language::En), "1.2 MB");
        assert_eq!(human_size(45_000, Language::Da), "45 kB");
        assert_eq!(human_size(900, Language::Da), "900 B");
    }

    #[test]
    fn print_head_cannot_break_out_of_its_string_or_style() {
        let css = print_page_css("A \"B\"", "</style><script>x</script>\\", "1. maj 2025");
        assert!(!css.contains("</"), "{css}");
        assert!(css.contains("content:\"A \\22 B\\22  \u{2014} \\3C \\2F style\\3E \\3C script\\3E x\\3C \\2F script\\3E \\5C  \u{b7} 1. maj 2025\""), "{css}");
        assert!(css.contains("@page:first{@top-left{content:none}}"));
    }
}
