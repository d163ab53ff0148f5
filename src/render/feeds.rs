//! What the machine-read files get: the Atom feed (RFC 4287: authors, ids from `base_url`, no
//! empty elements) and the sitemap (every page meant to be found, with its `lastmod`).

use crate::core::dates::Date;
use crate::model::Archive;
use crate::render::pages::{all_pages, page_path, Page};
use serde_json::{json, Value};

/// How many of the newest documents the feed carries.
pub const FEED_ENTRIES: usize = 50;

/// `url` (relative to the site's root) as an address from `base_url`: absolute when the
/// site's `base_url` is.
pub fn absolute(base_url: &str, url: &str) -> String {
    format!("{base_url}{url}")
}

/// Fills the feed: its newest date, and an entry per document with its authors (the
/// association's name when a document names none), id, dates and, when it has one, summary.
pub fn feed_context(archive: &Archive, ctx: &mut tera::Context) {
    let base = &archive.config.base_url;
    let lang = archive.config.language;
    let entries: Vec<Value> = archive
        .indexes
        .dated
        .iter()
        .take(FEED_ENTRIES)
        .map(|&i| {
            let d = &archive.documents[i];
            let authors = if d.front.authors.is_empty() {
                vec![archive.config.title.clone()]
            } else {
                d.front.authors.clone()
            };
            let summary = d.summary.trim();
            json!({
                "title": d.front.title,
                "url": absolute(base, &d.url),
                "updated": d.front.date.map(|x| x.to_string()).unwrap_or_default(),
                "kind": d.front.kind.as_str(),
                "kind_label": crate::core::i18n::kind_label(lang, d.front.kind).0,
                "authors": authors,
                "summary": (!summary.is_empty()).then_some(summary),
            })
        })
        .collect();
    let updated = archive
        .indexes
        .dated
        .iter()
        .filter_map(|&i| archive.documents[i].front.date)
        .max()
        .map_or_else(|| "1970-01-01".to_string(), |d| d.to_string());
    ctx.insert("entries", &entries);
    ctx.insert("updated", &updated);
    ctx.insert("feed_url", &absolute(base, crate::routes::FEED));
    ctx.insert("home_url", &absolute(base, ""));
}

/// Whether `page` is one a reader could arrive at from a search engine: not the feed, the
/// print views, the slide shows, search or the 404 page.
pub fn is_findable(page: Page) -> bool {
    !matches!(
        page,
        Page::Feed
            | Page::Sitemap
            | Page::NotFound
            | Page::Search
            | Page::Favicon
            | Page::Presentation(_)
            | Page::Handout(_)
            | Page::Pack(_)
    )
}

/// The newest date among `documents`, never later than today (meetings can be ahead).
fn newest(archive: &Archive, documents: &[usize], today: Date) -> Option<Date> {
    documents
        .iter()
        .filter_map(|&i| archive.documents[i].front.date)
        .max()
        .map(|d| d.min(today))
}

/// When a page last changed, as well as the model knows: a document's date (an undated page:
/// its file's modification day), a list's newest document, an overview's newest document.
pub fn last_modified(archive: &Archive, page: Page, today: Date) -> Option<Date> {
    let ix = &archive.indexes;
    // An empty list (a kind nobody has written yet) changed with the archive.
    let specific = match page {
        Page::Document(i) => {
            let d = &archive.documents[i];
            d.front
                .date
                .map(|x| x.min(today))
                .or_else(|| modified(archive, d))
        }
        Page::Year(y) => newest(archive, ix.years.get(&y).map_or(&[], Vec::as_slice), today),
        Page::Kind(k) => newest(archive, ix.kinds.get(&k).map_or(&[], Vec::as_slice), today),
        Page::Committee(g) => newest(archive, &ix.committees[g].documents, today),
        Page::Tag(g) => newest(archive, &ix.tags[g].documents, today).or_else(|| {
            ix.tags[g]
                .documents
                .iter()
                .filter_map(|&i| modified(archive, &archive.documents[i]))
                .max()
        }),
        Page::Author(g) => newest(archive, &ix.authors[g].documents, today),
        _ => None,
    };
    specific.or_else(|| newest(archive, &ix.dated, today))
}

/// The day the document's file was last saved.
fn modified(archive: &Archive, d: &crate::model::Document) -> Option<Date> {
    let time = std::fs::metadata(archive.site_root.join(&d.source))
        .ok()?
        .modified()
        .ok()?;
    let secs = time.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    Some(crate::core::calendar::date_from_days(
        (secs / 86_400) as i64,
    ))
}

/// Fills the sitemap: the address and last change of every findable page.
pub fn sitemap_context(archive: &Archive, ctx: &mut tera::Context) {
    let today = crate::core::calendar::today();
    let base = &archive.config.base_url;
    let urls: Vec<Value> = all_pages(archive)
        .into_iter()
        .filter(|&p| is_findable(p))
        .map(|p| {
            let path = page_path(archive, p);
            let url = path.strip_suffix("index.html").unwrap_or(&path);
            json!({
                "loc": absolute(base, url),
                "lastmod": last_modified(archive, p, today).map(|d| d.to_string()),
            })
        })
        .collect();
    ctx.insert("urls", &urls);
}

/// The host and the path of `base_url` (`https://f.dk/arkiv/` → `f.dk`, `/arkiv/`; `/` → ``,
/// `/`), with nothing but URL characters, for the 404 page's script.
pub fn host_and_path(base_url: &str) -> (String, String) {
    let safe = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric() || "-._~/:%@".contains(*c))
            .collect()
    };
    match base_url.split_once("://") {
        Some((_, rest)) => {
            let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
            let path = if path.is_empty() { "/" } else { path };
            (safe(host), safe(path))
        }
        None if base_url.starts_with('/') => (String::new(), safe(base_url)),
        None => (String::new(), "/".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_and_path_of_base_url() {
        let hp = |u: &str| host_and_path(u);
        assert_eq!(hp("https://f.dk/arkiv/"), ("f.dk".into(), "/arkiv/".into()));
        assert_eq!(hp("https://f.dk"), ("f.dk".into(), "/".into()));
        assert_eq!(hp("/"), (String::new(), "/".into()));
        assert_eq!(hp("/a\"<b/"), (String::new(), "/ab/".into()));
    }
}
