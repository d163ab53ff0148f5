//! The link and PDF indexes cut into pages. A big archive cites the same few outside PDFs
//! thousands of times, so one page per index would run to many megabytes: `/links/` and
//! `/pdfs/` are overviews, and the rows live on one page per host (`/links/<host>/`) or per
//! year and host (`/pdfs/<year>/`, `/pdfs/host-<host>/`), split into numbered pages when a
//! section holds more than one page's worth of citations. Built once in the model stage
//! (with the `arkiv check` cache read then), so rendering never goes back to disk.

use crate::core::diagnostics::Diagnostic;
use crate::core::slug::slugify;
use crate::load::link_cache::Cache;
use crate::model::document::Document;
use crate::model::link_index::{host_of, pdf_index, LinkIndex, LinkKind, PdfEntry, PdfPlace};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// How much one page holds: each citation line counts 1 and each row (a link target or a PDF)
/// `ROW_COST`, which keeps a page near 100–150 KB however the citations are spread.
pub const PAGE_BUDGET: usize = 500;
/// What a row's own heading, badges and URL weigh against one citation line.
pub const ROW_COST: usize = 3;
/// How many citing documents a PDF shows on a website page; every one of them is on the
/// PDF's year page, which the row links to, so the two groupings do not repeat each other.
pub const HOST_PAGE_CITATIONS: usize = 3;

/// One row on one page with the part of its citations shown there (`from..to`); a row cited
/// more often than a page holds continues on the next page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slice {
    pub row: usize,
    pub from: usize,
    pub to: usize,
}

/// What a section of an index groups by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SectionKey {
    /// A host of outside links or mail addresses; `""` is the archive itself.
    Host(String),
    /// The year of the newest document citing a PDF; `None` for undated pages.
    Year(Option<i32>),
}

/// One host of the link index or one year or host of the PDF index, with its pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub key: SectionKey,
    /// The folder under `links/` or `pdfs/`; unique within its index.
    pub slug: String,
    /// Rows (targets or PDFs) in display order.
    pub rows: Vec<usize>,
    /// Never empty for a section with rows.
    pub pages: Vec<Vec<Slice>>,
}

impl Section {
    /// Output folder of page `page` (0-based) below `base` (`links/`, `pdfs/`).
    /// Page `page` (0-based) of this section under `folder` (`routes::LINKS` or `routes::PDFS`).
    pub fn url(&self, folder: &str, page: usize) -> String {
        crate::routes::index_page(folder, &self.slug, page)
    }
}

/// Everything the link and PDF index pages show, computed once per build.
#[derive(Debug, Clone, Default)]
pub struct LinkModel {
    pub index: LinkIndex,
    pub pdfs: Vec<PdfEntry>,
    /// The results `arkiv check` saved, read when the model was built.
    pub cache: Cache,
    /// Hosts of the link index: outside hosts A–Z, then the archive's own links.
    pub hosts: Vec<Section>,
    /// For each link target, the host section and page it first appears on.
    pub target_page: Vec<(usize, usize)>,
    /// For each link target inside the archive, the title of the document (and heading) it
    /// leads to; computed once here rather than on every page that shows it.
    pub labels: Vec<Option<String>>,
    /// PDF sections: years newest first, then hosts (the archive's own files first).
    pub pdf_groups: Vec<Section>,
    /// For each PDF, the year section and page its row starts on.
    pub pdf_year_page: Vec<(usize, usize)>,
}

/// True when `url` matches an entry of `link_check.skip`: a host (and its sub-domains) or a
/// URL prefix. `arkiv check` never asks about these.
pub fn is_skipped(url: &str, skip: &[String]) -> bool {
    let host = host_of(url).unwrap_or_default();
    skip.iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .any(|s| {
            if s.contains("://") {
                url.starts_with(s)
            } else if s.contains('/') {
                let rest = url.split_once("://").map_or(url, |(_, r)| r);
                rest.starts_with(s)
            } else {
                let s = s.to_ascii_lowercase();
                host == s || host.ends_with(&format!(".{s}"))
            }
        })
}

/// Cuts `rows` into pages of about `budget`, a row with `count(row)` citations weighing
/// `ROW_COST + count`. Citations of a row that do not fit continue on the next page.
pub fn paginate(rows: &[usize], count: impl Fn(usize) -> usize, budget: usize) -> Vec<Vec<Slice>> {
    let mut pages = Vec::new();
    let mut page: Vec<Slice> = Vec::new();
    let mut weight = 0;
    for &row in rows {
        let n = count(row);
        let mut from = 0;
        loop {
            if !page.is_empty() && weight + ROW_COST + (n - from).min(1) > budget {
                pages.push(std::mem::take(&mut page));
                weight = 0;
            }
            let room = budget.saturating_sub(weight + ROW_COST).max(1);
            let to = (from + room).min(n);
            page.push(Slice { row, from, to });
            weight += ROW_COST + (to - from);
            from = to;
            if from >= n {
                break;
            }
        }
    }
    if !page.is_empty() {
        pages.push(page);
    }
    pages
}

/// What an internal target is called: the document's title (and the heading for anchors).
fn internal_label(
    documents: &[Document],
    by_url: &HashMap<&str, usize>,
    kind: LinkKind,
    url: &str,
) -> Option<String> {
    if !matches!(kind, LinkKind::InternalPage | LinkKind::InternalAnchor) {
        return None;
    }
    let (page, anchor) = url.split_once('#').unwrap_or((url, ""));
    let doc = &documents[*by_url.get(page)?];
    let heading = doc
        .headings
        .iter()
        .find(|h| !anchor.is_empty() && h.id == anchor);
    Some(match heading {
        Some(h) => format!("{} › {}", doc.front.title, h.text),
        None => doc.front.title.clone(),
    })
}

/// A folder name for a host that is unique among `taken` (which it joins).
fn unique_slug(wanted: String, taken: &mut HashSet<String>) -> String {
    let base = if wanted.is_empty() {
        "host".to_string()
    } else {
        wanted
    };
    let mut slug = base.clone();
    let mut n = 2;
    while !taken.insert(slug.clone()) {
        slug = format!("{base}-{n}");
        n += 1;
    }
    slug
}

impl LinkModel {
    /// How many outside web links `arkiv check` has no result for (never checked, or added
    /// since), leaving out those `skip` (`link_check.skip`) says never to check.
    pub fn unchecked(&self, skip: &[String]) -> usize {
        self.index
            .web_targets()
            .filter(|t| !self.cache.results.contains_key(&t.url) && !is_skipped(&t.url, skip))
            .count()
    }

    /// Reads the check cache under the site root and builds both indexes and their pages. A
    /// damaged cache is a warning (the index then shows no statuses), never an error.
    pub fn build(
        documents: &[Document],
        assets: &[PathBuf],
        area: &crate::model::area::Area,
        site_root: &Path,
    ) -> (LinkModel, Option<Diagnostic>) {
        let (cache, problem) = Cache::load(site_root);
        (
            Self::with_cache(documents, assets, area, cache, PAGE_BUDGET),
            problem,
        )
    }

    /// `build` with the cache and page size given, for tests and `arkiv check`.
    pub fn with_cache(
        documents: &[Document],
        assets: &[PathBuf],
        area: &crate::model::area::Area,
        cache: Cache,
        budget: usize,
    ) -> LinkModel {
        let index = LinkIndex::build(documents, assets, area, &cache);
        let pdfs = pdf_index(documents, &index);
        let by_url: HashMap<&str, usize> = documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.url.as_str(), i))
            .collect();
        let labels = index
            .targets
            .iter()
            .map(|t| internal_label(documents, &by_url, t.kind, &t.url))
            .collect();

        // Link hosts; the archive's own section keeps the plain name "archive".
        let mut taken = HashSet::from(["archive".to_string()]);
        let mut hosts = Vec::new();
        let mut target_page = vec![(0, 0); index.targets.len()];
        for (host, rows) in index.hosts() {
            let slug = if host.is_empty() {
                "archive".to_string()
            } else {
                unique_slug(slugify(&host), &mut taken)
            };
            let pages = paginate(&rows, |t| index.targets[t].citations.len(), budget);
            for (p, page) in pages.iter().enumerate() {
                for s in page.iter().filter(|s| s.from == 0) {
                    target_page[s.row] = (hosts.len(), p);
                }
            }
            hosts.push(Section {
                key: SectionKey::Host(host),
                slug,
                rows,
                pages,
            });
        }

        // PDF years (of the newest citing document), newest first, then PDF hosts.
        let year_of = |e: &PdfEntry| e.newest_document().and_then(|d| documents[d].year());
        let mut years: Vec<(Option<i32>, Vec<usize>)> = Vec::new();
        let mut by_host: Vec<(String, Vec<usize>)> = Vec::new();
        for (i, e) in pdfs.iter().enumerate() {
            let year = year_of(e);
            match years.iter_mut().find(|(y, _)| *y == year) {
                Some((_, list)) => list.push(i),
                None => years.push((year, vec![i])),
            }
            let host = match &e.place {
                PdfPlace::Attached { .. } => String::new(),
                PdfPlace::Outside { host, .. } => host.clone(),
            };
            match by_host.iter_mut().find(|(h, _)| *h == host) {
                Some((_, list)) => list.push(i),
                None => by_host.push((host, vec![i])),
            }
        }
        years.sort_by_key(|(y, _)| std::cmp::Reverse(*y));
        by_host.sort_by(|a, b| (!a.0.is_empty(), &a.0).cmp(&(!b.0.is_empty(), &b.0)));
        let mut taken = HashSet::new();
        let mut pdf_groups = Vec::new();
        let cites = |i: usize| pdfs[i].citations.len();
        let host_cites = |i: usize| cites(i).min(HOST_PAGE_CITATIONS);
        let mut pdf_year_page = vec![(0, 0); pdfs.len()];
        for (year, rows) in years {
            let slug = year
                .map(|y| y.to_string())
                .unwrap_or_else(|| "undated".into());
            taken.insert(slug.clone());
            let pages = paginate(&rows, cites, budget);
            for (p, page) in pages.iter().enumerate() {
                for s in page.iter().filter(|s| s.from == 0) {
                    pdf_year_page[s.row] = (pdf_groups.len(), p);
                }
            }
            pdf_groups.push(Section {
                key: SectionKey::Year(year),
                slug,
                rows,
                pages,
            });
        }
        for (host, rows) in by_host {
            let name = if host.is_empty() {
                "archive".to_string()
            } else {
                slugify(&host)
            };
            let slug = unique_slug(format!("host-{name}"), &mut taken);
            let pages = paginate(&rows, host_cites, budget);
            pdf_groups.push(Section {
                key: SectionKey::Host(host),
                slug,
                rows,
                pages,
            });
        }
        LinkModel {
            index,
            pdfs,
            cache,
            hosts,
            target_page,
            labels,
            pdf_groups,
            pdf_year_page,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn total(pages: &[Vec<Slice>], row: usize) -> usize {
        pages
            .iter()
            .flatten()
            .filter(|s| s.row == row)
            .map(|s| s.to - s.from)
            .sum()
    }

    #[test]
    fn small_sections_are_one_page() {
        let pages = paginate(&[0, 1, 2], |_| 2, 100);
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].len(), 3);
        assert!(pages[0].iter().all(|s| s.from == 0 && s.to == 2));
    }

    #[test]
    fn pages_stay_within_the_budget_and_keep_every_citation() {
        let counts = [5usize, 0, 40, 7, 1, 12];
        let rows: Vec<usize> = (0..counts.len()).collect();
        let pages = paginate(&rows, |r| counts[r], 20);
        assert!(pages.len() > 1);
        for page in &pages {
            let weight: usize = page.iter().map(|s| ROW_COST + s.to - s.from).sum();
            assert!(weight <= 20, "page weighs {weight}: {page:?}");
        }
        for (row, &n) in counts.iter().enumerate() {
            assert_eq!(total(&pages, row), n, "row {row}");
        }
        // The row without citations still has a place.
        assert!(pages.iter().flatten().any(|s| s.row == 1));
        // A row too big for one page continues, in order, on the next ones.
        let parts: Vec<&Slice> = pages.iter().flatten().filter(|s| s.row == 2).collect();
        assert!(parts.len() >= 3, "{parts:?}");
        for pair in parts.windows(2) {
            assert_eq!(pair[0].to, pair[1].from);
        }
    }

    #[test]
    fn slugs_do_not_collide() {
        let mut taken = HashSet::from(["archive".to_string()]);
        assert_eq!(unique_slug("archive".into(), &mut taken), "archive-2");
        assert_eq!(unique_slug("a-example".into(), &mut taken), "a-example");
        assert_eq!(unique_slug("a-example".into(), &mut taken), "a-example-2");
        assert_eq!(unique_slug(String::new(), &mut taken), "host");
    }

    #[test]
    fn skip_by_host_and_prefix() {
        let skip = vec![
            "intra.example".to_string(),
            "https://a.example/private/".into(),
            "b.example/x".into(),
        ];
        assert!(is_skipped("https://intra.example/a", &skip));
        assert!(is_skipped("https://www.intra.example/a", &skip));
        assert!(!is_skipped("https://notintra.example/a", &skip));
        assert!(is_skipped("https://a.example/private/doc.pdf", &skip));
        assert!(!is_skipped("https://a.example/public/doc.pdf", &skip));
        assert!(is_skipped("http://b.example/x/y", &skip));
    }
}
