//! What the PDF index pages get: the `/pdfs/` overview and the year and website pages, each
//! row with the citations that fall on its page.

use crate::core::i18n::text;
use crate::core::i18n::Language;
use crate::load::link_cache::Cache;
use crate::markdown::excerpt;
use crate::model::link_index::{Citation, PdfEntry, PdfPlace};
use crate::model::link_model::{LinkModel, SectionKey, Slice};
use crate::model::Archive;
use crate::render::context::{human_size, Card};
use crate::render::link_rows::{citation_view, cited, host_label, page_title, pager, status_view};
use serde_json::{json, Value};

/// How many characters of a PDF's text the index shows.
const EXCERPT_CHARS: usize = 240;

fn pdf_view(
    entry: &PdfEntry,
    shown: &[Citation],
    cards: &[Card],
    cache: &Cache,
    lang: Language,
) -> Value {
    let (url, is_internal, host, size, pages, excerpt_text, status) = match &entry.place {
        PdfPlace::Attached {
            path,
            size_bytes,
            info,
        } => (
            crate::core::urls::encode_path(path),
            true,
            String::new(),
            size_bytes.map(|b| human_size(b, lang)),
            info.as_ref().and_then(|i| i.pages),
            info.as_ref()
                .map(|i| excerpt(&i.text, EXCERPT_CHARS))
                .unwrap_or_default(),
            None,
        ),
        PdfPlace::Outside { url, host } => (
            url.clone(),
            false,
            host.clone(),
            None,
            None,
            String::new(),
            cache.results.get(url).map(|r| status_view(r, lang)),
        ),
    };
    let citations: Vec<_> = shown.iter().map(|c| citation_view(c, cards, "")).collect();
    // The row's text is searched too (index-filter.js); the file name may not be shown.
    let filter = entry.file_name.to_lowercase();
    json!({
        "title": entry.title,
        "file_name": entry.file_name,
        "url": url,
        "is_internal": is_internal,
        "host": host,
        "size": size,
        "pages": pages,
        "excerpt": excerpt_text,
        "status": status,
        "cited": cited(entry.citations.len(), lang),
        "citations": citations,
        "filter": filter,
    })
}

fn group_label(key: &SectionKey, lang: Language) -> String {
    match key {
        SectionKey::Year(Some(y)) => y.to_string(),
        SectionKey::Year(None) => text(lang, "pages").to_string(),
        SectionKey::Host(h) => host_label(h, lang),
    }
}

/// The year and host lists every PDF page shows, so a member can move between them.
fn pdf_groups_nav(
    model: &LinkModel,
    lang: Language,
    current: Option<usize>,
) -> (Vec<Value>, Vec<Value>) {
    let mut years = Vec::new();
    let mut hosts = Vec::new();
    for (g, section) in model.pdf_groups.iter().enumerate() {
        let view = json!({
            "label": group_label(&section.key, lang),
            "url": section.url(crate::routes::PDFS, 0),
            "count": section.rows.len(),
            "current": current == Some(g),
        });
        match section.key {
            SectionKey::Year(_) => years.push(view),
            SectionKey::Host(_) => hosts.push(view),
        }
    }
    (years, hosts)
}

/// How many of the archive's own PDFs the overview lists; the archive's PDF page has them all.
const ATTACHED_LISTED: usize = 30;
/// Below this many PDFs in all, the overview lists every one of them.
const ALL_LISTED_BELOW: usize = 50;

/// `/pdfs/`: counts, the years and hosts (each a page of rows), and the archive's own PDFs.
pub(super) fn pdfs_overview(archive: &Archive) -> Value {
    let lang = archive.config.language;
    let model = &archive.links;
    let attached: Vec<&PdfEntry> = model
        .pdfs
        .iter()
        .filter(|e| matches!(e.place, PdfPlace::Attached { .. }))
        .collect();
    // A small archive lists every PDF on the overview, its own and those on other websites.
    let all = model.pdfs.len() < ALL_LISTED_BELOW;
    let shown: Vec<&PdfEntry> = if all {
        let outside = model
            .pdfs
            .iter()
            .filter(|e| matches!(e.place, PdfPlace::Outside { .. }));
        attached.iter().copied().chain(outside).collect()
    } else {
        attached.iter().copied().take(ATTACHED_LISTED).collect()
    };
    let listed: Vec<Value> = shown
        .iter()
        .map(|e| {
            let (path, size, pages) = match &e.place {
                PdfPlace::Attached { path, size_bytes, info } => (
                    crate::core::urls::encode_path(path),
                    size_bytes.map(|b| human_size(b, lang)),
                    info.as_ref().and_then(|i| i.pages),
                ),
                PdfPlace::Outside { url, .. } => (url.clone(), None, None),
            };
            let outside = matches!(e.place, PdfPlace::Outside { .. });
            json!({"title": e.title, "url": path, "size": size, "pages": pages, "cited": cited(e.citations.len(), lang), "outside": outside, "file_name": e.file_name})
        })
        .collect();
    let archive_group = model
        .pdf_groups
        .iter()
        .find(|g| g.key == SectionKey::Host(String::new()))
        .map(|g| g.url(crate::routes::PDFS, 0));
    let (years, hosts) = pdf_groups_nav(model, lang, None);
    json!({
        "title": text(lang, "pdfs"),
        "count": model.pdfs.len(),
        "attached": attached.len(),
        "outside": model.pdfs.len() - attached.len(),
        "attached_list": listed,
        "attached_more": if all { 0 } else { attached.len().saturating_sub(ATTACHED_LISTED) },
        "all_listed": all,
        "attached_url": archive_group,
        "years": years,
        "hosts": hosts,
    })
}

/// `/pdfs/<year>/` or `/pdfs/host-<host>/` (and further pages): the PDFs of one year or host.
pub(super) fn pdf_group_context(archive: &Archive, cards: &[Card], g: usize, p: usize) -> Value {
    let lang = archive.config.language;
    let model = &archive.links;
    let section = &model.pdf_groups[g];
    let p = p.min(section.pages.len().saturating_sub(1));
    let slices: &[Slice] = section.pages.get(p).map(Vec::as_slice).unwrap_or(&[]);
    let by_year = matches!(section.key, SectionKey::Year(_));
    let items: Vec<Value> = slices
        .iter()
        .map(|slice| {
            let entry = &model.pdfs[slice.row];
            let shown = &entry.citations[slice.from..slice.to];
            let mut view = pdf_view(entry, shown, cards, &model.cache, lang);
            view["continued"] = json!(slice.from > 0);
            if by_year {
                view["continues"] = json!(slice.to < entry.citations.len());
                view["id"] = json!(format!("pdf-{}", slice.row));
            } else if shown.len() < entry.citations.len() {
                // A website page shows the newest few; the year page has them all.
                let (y, yp) = model.pdf_year_page[slice.row];
                let page = model.pdf_groups[y].url(crate::routes::PDFS, yp);
                view["all_url"] = json!(format!("{page}#pdf-{}", slice.row));
                view["all_label"] = json!(group_label(&model.pdf_groups[y].key, lang));
            }
            view
        })
        .collect();
    let (years, hosts) = pdf_groups_nav(model, lang, Some(g));
    let label = group_label(&section.key, lang);
    let row_label = |row: usize| model.pdfs[row].title.clone();
    json!({
        "title": page_title(&label, text(lang, "pdfs"), p, lang),
        "label": label,
        "by": if matches!(section.key, SectionKey::Year(_)) { "year" } else { "host" },
        "count": section.rows.len(),
        "items": items,
        "years": years,
        "hosts": hosts,
        "pager": pager(section, crate::routes::PDFS, p, &row_label),
    })
}
