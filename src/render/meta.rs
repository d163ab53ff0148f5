//! What a page says about itself to search engines and to the link previews of mail,
//! Messenger and LinkedIn: its description and its Open Graph tags (`og:title`,
//! `og:description`, `og:type`, `og:url`, `og:site_name`, and `og:image`: the document's
//! first image, else the site's share image (`og_image`), with its size and a text for those
//! who cannot see it; only when `base_url` is an absolute address, which scrapers need).

use crate::core::i18n::Language;
use crate::core::urls::{join_normalized, percent_decode};
use crate::model::{Archive, Document};
use crate::render::feeds::absolute;
use crate::render::pages::Page;
use serde_json::{json, Value};

/// The page's meta data; `title` is what its template put in the context, when it is not a
/// document's page.
pub fn page_meta(archive: &Archive, page: Page, title: Option<&str>, page_url: &str) -> Value {
    let config = &archive.config;
    let document = match page {
        Page::Document(i) | Page::Presentation(i) | Page::Handout(i) | Page::Pack(i) => {
            Some(&archive.documents[i])
        }
        _ => None,
    };
    let site_description = if config.description.trim().is_empty() {
        config.title.as_str()
    } else {
        config.description.as_str()
    };
    let (title, description) = match document {
        Some(d) if !d.summary.trim().is_empty() => (d.front.title.as_str(), d.summary.trim()),
        Some(d) => (d.front.title.as_str(), site_description),
        None if page == Page::Home => (config.title.as_str(), site_description),
        None => (title.unwrap_or(&config.title), site_description),
    };
    let is_article = matches!(page, Page::Document(_))
        && document.is_some_and(|d| d.front.kind != crate::core::kind::Kind::Page);
    json!({
        "title": title,
        "description": description,
        "type": if is_article { "article" } else { "website" },
        // The 404 page is served at many addresses; it names its own file, not the home page.
        "url": absolute(
            &config.base_url,
            if page == Page::NotFound { crate::routes::NOT_FOUND } else { page_url },
        ),
        "site_name": config.title,
        "locale": locale(config.language),
        "image": share_image(archive, document),
    })
}

/// The image a link preview shows: the document's own first image, else the site's; none
/// when the site's `base_url` gives no absolute address for it (the `base_url` warning of
/// `arkiv build` covers that). Pages of the members' area have none: they are behind a
/// password, so no link preview can fetch them or their image.
fn share_image(archive: &Archive, document: Option<&Document>) -> Option<Value> {
    if archive.area.members {
        return None;
    }
    let config = &archive.config;
    if let Some(d) = document {
        if let Some(url) = image(archive, d).filter(|u| crate::core::urls::has_scheme(u)) {
            return Some(json!({ "url": url, "alt": d.front.title }));
        }
    }
    if !crate::core::urls::has_scheme(&config.base_url) {
        return None;
    }
    let site = crate::render::og_image::site_image(archive);
    Some(json!({
        "url": absolute(&config.base_url, site.path),
        "width": site.size.map(|s| s.0),
        "height": site.size.map(|s| s.1),
        "alt": config.title,
    }))
}

fn locale(language: Language) -> &'static str {
    match language {
        Language::Da => "da_DK",
        Language::En => "en_GB",
    }
}

/// The address of the first image the document shows: a published file of the site (from
/// `base_url`) or an image elsewhere on the web.
fn image(archive: &Archive, d: &Document) -> Option<String> {
    let link = d.links.iter().find(|l| l.is_image)?;
    if !link.is_internal {
        return (link.target.starts_with("https://") || link.target.starts_with("http://"))
            .then(|| link.target.clone());
    }
    let folder = d
        .content_path
        .parent()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .unwrap_or_default();
    let target = percent_decode(link.target.split(['#', '?']).next().unwrap_or(""));
    let path = join_normalized(&folder, &target)?;
    archive
        .assets
        .iter()
        .any(|a| a.to_string_lossy().replace('\\', "/") == path)
        .then(|| absolute(&archive.config.base_url, &path))
}
