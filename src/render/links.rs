//! What the `/links/` and `/pdfs/` templates get: everything computed here, so the templates
//! only lay it out.

use super::pdfs::{pdf_group_context, pdfs_overview};
use crate::core::i18n::text;
use crate::core::i18n::Language;
use crate::load::link_cache::format_time;
use crate::model::link_index::{LinkKind, LinkTarget};
use crate::model::link_model::{LinkModel, Section, SectionKey, Slice};
use crate::model::Archive;
use crate::render::context::Card;
use crate::render::link_rows::{
    citation_view, cited, host_label, page_title, pager, status_view, CitationView,
};
use crate::render::pages::Page;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;

fn kind_label(kind: LinkKind, lang: Language) -> &'static str {
    text(
        lang,
        &format!("link_kind_{}", kind.as_str().replace('-', "_")),
    )
}

/// A rendered index page: which template, its title and what it shows.
pub struct IndexPage {
    pub template: &'static str,
    pub title: String,
    pub context: tera::Value,
}

impl IndexPage {
    /// A page from a JSON view with a `title`.
    fn of(template: &'static str, view: Value) -> IndexPage {
        IndexPage {
            template,
            title: view["title"].as_str().unwrap_or_default().to_string(),
            context: tera::Value::from_serializable(&view),
        }
    }
}

/// The context of one page of the link or PDF index (`Page::Links`, `Page::LinkHost`,
/// `Page::Pdfs`, `Page::PdfGroup`), from the model built in the model stage.
pub fn index_page(archive: &Archive, cards: &[Card], page: Page) -> IndexPage {
    let model = &archive.links;
    match page {
        Page::LinkHost(s, p) if s < model.hosts.len() => {
            let view = link_host_context(archive, cards, s, p);
            IndexPage {
                template: "links_host.html",
                title: view.title.clone(),
                context: tera::Value::from_serializable(&view),
            }
        }
        Page::PdfGroup(s, p) if s < model.pdf_groups.len() => {
            IndexPage::of("pdfs_group.html", pdf_group_context(archive, cards, s, p))
        }
        Page::Pdfs | Page::PdfGroup(..) => IndexPage::of("pdfs.html", pdfs_overview(archive)),
        _ => IndexPage::of("links.html", links_overview(archive)),
    }
}

/// What one host holds: link count, counts per kind, broken and checked links.
struct HostTally {
    links: usize,
    kinds: BTreeMap<LinkKind, usize>,
    broken: usize,
    checked: usize,
}

fn tally(model: &LinkModel, section: &Section) -> HostTally {
    let mut t = HostTally {
        links: 0,
        kinds: BTreeMap::new(),
        broken: 0,
        checked: 0,
    };
    for &i in &section.rows {
        let target = &model.index.targets[i];
        t.links += target.citations.len();
        *t.kinds.entry(target.kind).or_default() += target.citations.len();
        match model.cache.results.get(&target.url) {
            Some(r) => {
                t.checked += 1;
                t.broken += usize::from(r.state.is_broken());
            }
            None => t.broken += usize::from(target.kind == LinkKind::Broken),
        }
    }
    t
}

fn kinds_view(kinds: &BTreeMap<LinkKind, usize>, lang: Language) -> Vec<Value> {
    kinds
        .iter()
        .map(|(k, n)| json!({"kind": k.as_str(), "label": kind_label(*k, lang), "count": n}))
        .collect()
}

fn host_summary(model: &LinkModel, s: usize, lang: Language) -> (Value, HostTally) {
    let section = &model.hosts[s];
    let host = match &section.key {
        SectionKey::Host(h) => h.as_str(),
        SectionKey::Year(_) => "",
    };
    let t = tally(model, section);
    let view = json!({
        "label": host_label(host, lang),
        "url": section.url(crate::routes::LINKS, 0),
        "count": t.links,
        "target_count": section.rows.len(),
        "kinds": kinds_view(&t.kinds, lang),
        "broken": t.broken,
        "checked": t.checked,
        "pages": section.pages.len(),
    });
    (view, t)
}

/// How many broken links the overview lists by name; the host pages have the rest.
const BROKEN_LISTED: usize = 100;

/// `/links/`: the archive's own links in summary, every outside host with its counts per kind
/// and broken links, and the broken links by name. The rows are on the host pages.
fn links_overview(archive: &Archive) -> Value {
    let lang = archive.config.language;
    let model = &archive.links;
    let mut kinds: BTreeMap<LinkKind, usize> = BTreeMap::new();
    let mut total_links = 0;
    let mut broken = 0;
    let mut checked = 0;
    let mut internal = Value::Null;
    let mut hosts = Vec::new();
    for (s, section) in model.hosts.iter().enumerate() {
        let (view, t) = host_summary(model, s, lang);
        for (k, n) in &t.kinds {
            *kinds.entry(*k).or_default() += n;
        }
        total_links += t.links;
        broken += t.broken;
        checked += t.checked;
        if section.key == SectionKey::Host(String::new()) {
            internal = view;
        } else {
            hosts.push(view);
        }
    }
    let broken_targets: Vec<(usize, &LinkTarget)> = model
        .index
        .targets
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            t.kind == LinkKind::Broken
                || model
                    .cache
                    .results
                    .get(&t.url)
                    .is_some_and(|r| r.state.is_broken())
        })
        .collect();
    let broken_list: Vec<Value> = broken_targets
        .iter()
        .take(BROKEN_LISTED)
        .map(|&(i, t)| {
            let (s, p) = model.target_page[i];
            json!({
                "url": t.url,
                "is_internal": t.kind.is_internal(),
                "status": model.cache.results.get(&t.url).map(|r| status_view(r, lang)),
                "cited": cited(t.citations.len(), lang),
                "page_url": model.hosts[s].url(crate::routes::LINKS, p),
                "host": host_label(&t.host, lang),
            })
        })
        .collect();
    let last_check = model.cache.results.values().map(|r| r.checked_at).max();
    json!({
        "title": text(lang, "links"),
        "total_links": total_links,
        "total_targets": model.index.targets.len(),
        "host_count": model.hosts.len(),
        "hosts": hosts,
        "internal": internal,
        "kinds": kinds_view(&kinds, lang),
        "checked": checked,
        "broken": broken,
        "broken_list": broken_list,
        "broken_more": broken_targets.len().saturating_sub(BROKEN_LISTED),
        "last_check": last_check.map(format_time),
    })
}

fn short_url(url: &str) -> String {
    url.trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.")
        .to_string()
}

/// `/links/<host>/` (and its further pages): its title, the host's summary, its targets and
/// the pager.
#[derive(Serialize)]
struct HostPage<'a> {
    title: String,
    host: Value,
    targets: Vec<TargetRow<'a>>,
    pager: Value,
}

/// A target of a host page, with the citations that fall on this page.
#[derive(Serialize)]
struct TargetRow<'a> {
    filter: String,
    url: &'a str,
    is_internal: bool,
    kind: &'static str,
    kind_label: &'static str,
    status: Option<Value>,
    cited: String,
    continued: bool,
    continues: bool,
    citations: Vec<CitationView<'a>>,
    label: &'a Option<String>,
}

/// `/links/<host>/` (and its further pages): the host's targets, each with the citations that
/// fall on this page.
fn link_host_context<'a>(
    archive: &'a Archive,
    cards: &'a [Card],
    s: usize,
    p: usize,
) -> HostPage<'a> {
    let lang = archive.config.language;
    let model = &archive.links;
    let section = &model.hosts[s];
    let p = p.min(section.pages.len().saturating_sub(1));
    let host = match &section.key {
        SectionKey::Host(h) => h.clone(),
        SectionKey::Year(_) => String::new(),
    };
    let slices: &[Slice] = section.pages.get(p).map(Vec::as_slice).unwrap_or(&[]);
    let targets = slices
        .iter()
        .map(|slice| {
            let target = &model.index.targets[slice.row];
            let shown = &target.citations[slice.from..slice.to];
            let result = model.cache.results.get(&target.url);
            let state = result.map(|r| r.state.as_str()).unwrap_or_default();
            TargetRow {
                // The row's text is searched too (index-filter.js); these add the words it
                // lacks.
                filter: format!("{} {state}", target.kind.as_str()),
                url: &target.url,
                is_internal: target.kind.is_internal(),
                kind: target.kind.as_str(),
                kind_label: kind_label(target.kind, lang),
                status: result.map(|r| status_view(r, lang)),
                cited: cited(target.citations.len(), lang),
                continued: slice.from > 0,
                continues: slice.to < target.citations.len(),
                citations: shown
                    .iter()
                    .map(|c| citation_view(c, cards, &target.url))
                    .collect(),
                label: &model.labels[slice.row],
            }
        })
        .collect();
    let row_label = |row: usize| {
        let t = &model.index.targets[row];
        model.labels[row]
            .clone()
            .unwrap_or_else(|| short_url(&t.url))
    };
    let (summary, _) = host_summary(model, s, lang);
    let label = host_label(&host, lang);
    HostPage {
        title: page_title(&label, text(lang, "links"), p, lang),
        host: summary,
        targets,
        pager: pager(section, crate::routes::LINKS, p, &row_label),
    }
}
