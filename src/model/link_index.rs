//! The model behind `/links/` and `/pdfs/`: every link of every document, sorted into
//! targets (one per URL, with every place that cites it) and hosts, and every PDF the archive
//! holds or points at. Members ask "where is that agreement we linked to last year?"; the
//! secretariat asks "which links have died?" — both are answered from this one model plus
//! the results `arkiv check` cached.

use crate::load::link_cache::Cache;
use crate::markdown::is_external;
use crate::model::attachments::PdfInfo;
use crate::model::document::Document;
use crate::model::links::{InternalTarget, LinkTargets};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

/// What sort of place a link leads to; decides its badge and whether `arkiv check` asks the web.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkKind {
    InternalPage,
    InternalAnchor,
    Attachment,
    OutsidePage,
    OutsidePdf,
    Mailto,
    /// `tel:`, `ftp:` and other schemes nobody can check.
    Other,
    /// An internal link that does not resolve (the build reports it as an error).
    Broken,
}

impl LinkKind {
    /// The key used for CSS classes and the interface words (`t.link_kind_<key>`).
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::InternalPage => "internal-page",
            LinkKind::InternalAnchor => "internal-anchor",
            LinkKind::Attachment => "attachment",
            LinkKind::OutsidePage => "outside-page",
            LinkKind::OutsidePdf => "outside-pdf",
            LinkKind::Mailto => "mailto",
            LinkKind::Other => "other",
            LinkKind::Broken => "broken",
        }
    }

    /// True for links inside the archive (relative to the site root).
    pub fn is_internal(self) -> bool {
        matches!(
            self,
            LinkKind::InternalPage
                | LinkKind::InternalAnchor
                | LinkKind::Attachment
                | LinkKind::Broken
        )
    }
}

/// One place a target is cited: which document, on which line, with which words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub document: usize,
    /// 1-based line in the document's file; 0 for front matter attachments.
    pub line: usize,
    pub column: usize,
    pub text: String,
}

/// A link target with everything that cites it.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkTarget {
    /// Outside: the URL without its `#fragment` (what is checked). Inside: the site-relative
    /// path (`2024/beretning/#hoering`, `2024/bilag.pdf`).
    pub url: String,
    pub kind: LinkKind,
    /// Lower-case host of outside links and mail domains; empty for links inside the archive.
    pub host: String,
    pub citations: Vec<Citation>,
}

/// Every link target, sorted by host, then URL.
#[derive(Debug, Clone, Default)]
pub struct LinkIndex {
    pub targets: Vec<LinkTarget>,
}

/// The host of an `http(s)://` URL, lower-case, without user or port; `None` for anything else.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .or_else(|| {
            let lower = url.get(..8)?.to_ascii_lowercase();
            if lower.starts_with("https://") {
                url.get(8..)
            } else if lower.starts_with("http://") {
                url.get(7..)
            } else {
                None
            }
        })?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    let host = if host.starts_with('[') {
        host.split(']')
            .next()
            .map(|h| format!("{h}]"))
            .unwrap_or_default()
    } else {
        host.split(':').next().unwrap_or("").to_string()
    };
    let host = host.to_ascii_lowercase();
    (!host.is_empty()).then_some(host)
}

/// The URL `arkiv check` asks for: the link without its `#fragment`, which servers never see.
pub fn check_key(url: &str) -> &str {
    url.split('#').next().unwrap_or(url).trim()
}

/// True when the URL's path (before `?` and `#`) ends in `.pdf`.
pub fn path_is_pdf(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    path.to_ascii_lowercase().ends_with(".pdf")
}

/// True for the web links `arkiv check` can ask about.
pub fn is_web(url: &str) -> bool {
    host_of(url).is_some()
}

/// Kind and grouping key of an outside target, using the check's content type when known.
fn classify_outside(target: &str, cache: &Cache) -> (LinkKind, String, String) {
    let lower = target.to_ascii_lowercase();
    if lower.starts_with("mailto:") {
        let address = target[7..].split('?').next().unwrap_or("").trim();
        let domain = address
            .rsplit('@')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        return (LinkKind::Mailto, format!("mailto:{address}"), domain);
    }
    match host_of(target) {
        Some(host) => {
            let key = check_key(target).to_string();
            let pdf = path_is_pdf(&key) || cache.results.get(&key).is_some_and(|r| r.serves_pdf());
            let kind = if pdf {
                LinkKind::OutsidePdf
            } else {
                LinkKind::OutsidePage
            };
            (kind, key, host)
        }
        None => (LinkKind::Other, target.trim().to_string(), String::new()),
    }
}

impl LinkIndex {
    /// Collects and classifies every link of every document (images are not links and are
    /// left out). `cache` only decides whether an outside link without `.pdf` is a PDF.
    pub fn build(
        documents: &[Document],
        assets: &[PathBuf],
        area: &crate::model::area::Area,
        cache: &Cache,
    ) -> LinkIndex {
        let resolver = LinkTargets::new(documents, assets, area);
        let mut by_key: HashMap<(String, LinkKind), usize> = HashMap::new();
        let mut targets: Vec<LinkTarget> = Vec::new();
        for (i, doc) in documents.iter().enumerate() {
            let content_path = doc.content_path.to_string_lossy().replace('\\', "/");
            for link in doc.links.iter().filter(|l| !l.is_image) {
                if link.target.trim().is_empty() {
                    continue;
                }
                let (kind, url, host) = if link.is_internal || link.target.starts_with('#') {
                    match resolver.resolve(i, &content_path, &link.target) {
                        Ok(InternalTarget::Document { index, anchor }) => {
                            let base = documents[index].url.clone();
                            match anchor {
                                Some(a) => (
                                    LinkKind::InternalAnchor,
                                    format!("{base}#{a}"),
                                    String::new(),
                                ),
                                None => (LinkKind::InternalPage, base, String::new()),
                            }
                        }
                        Ok(InternalTarget::SamePage(a)) => (
                            LinkKind::InternalAnchor,
                            format!("{}#{a}", doc.url),
                            String::new(),
                        ),
                        Ok(InternalTarget::Asset(path)) => {
                            (LinkKind::Attachment, path, String::new())
                        }
                        Ok(InternalTarget::MembersArea(url)) => {
                            (LinkKind::InternalPage, url, String::new())
                        }
                        Err(_) => (LinkKind::Broken, link.target.clone(), String::new()),
                    }
                } else if is_external(&link.target) {
                    classify_outside(&link.target, cache)
                } else {
                    (LinkKind::Other, link.target.clone(), String::new())
                };
                let citation = Citation {
                    document: i,
                    line: link.line,
                    column: link.column,
                    text: link.text.trim().to_string(),
                };
                let slot = *by_key.entry((url.clone(), kind)).or_insert_with(|| {
                    targets.push(LinkTarget {
                        url,
                        kind,
                        host,
                        citations: Vec::new(),
                    });
                    targets.len() - 1
                });
                targets[slot].citations.push(citation);
            }
        }
        targets.sort_by(|a, b| {
            (a.host.is_empty(), &a.host, &a.url).cmp(&(b.host.is_empty(), &b.host, &b.url))
        });
        LinkIndex { targets }
    }

    /// Targets grouped by host (outside hosts A–Z, then the archive itself under ""), with
    /// the indices of their targets.
    pub fn hosts(&self) -> Vec<(String, Vec<usize>)> {
        let mut out: Vec<(String, Vec<usize>)> = Vec::new();
        for (i, t) in self.targets.iter().enumerate() {
            match out.last_mut() {
                Some((h, list)) if *h == t.host => list.push(i),
                _ => out.push((t.host.clone(), vec![i])),
            }
        }
        out
    }

    /// Every citation of every outside web link, for `arkiv check`.
    pub fn web_targets(&self) -> impl Iterator<Item = &LinkTarget> {
        self.targets
            .iter()
            .filter(|t| matches!(t.kind, LinkKind::OutsidePage | LinkKind::OutsidePdf))
    }
}

/// Where a PDF of the index lives.
#[derive(Debug, Clone)]
pub enum PdfPlace {
    /// A file under `content/`, published with the site.
    Attached {
        path: String,
        size_bytes: Option<u64>,
        info: Option<PdfInfo>,
    },
    /// Somebody else's site.
    Outside { url: String, host: String },
}

/// One row of `/pdfs/`.
#[derive(Debug, Clone)]
pub struct PdfEntry {
    /// The PDF's own Title, else the words that cite it, else the file name.
    pub title: String,
    pub file_name: String,
    pub place: PdfPlace,
    /// Documents that attach or cite it, newest first, one citation per document.
    pub citations: Vec<Citation>,
}

impl PdfEntry {
    /// Index of the newest citing document (documents are sorted newest first).
    pub fn newest_document(&self) -> Option<usize> {
        self.citations.iter().map(|c| c.document).min()
    }
}

fn file_name_of(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let name = path
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or(path);
    crate::core::urls::percent_decode(name)
}

/// The first link text that says more than the file name or URL does, starting with a
/// capital letter since it now stands alone as a title ("vedtagne praksisplan" mid-sentence
/// becomes "Vedtagne praksisplan").
fn best_text(citations: &[Citation], file_name: &str, url: &str) -> Option<String> {
    let text = citations
        .iter()
        .map(|c| c.text.as_str())
        .find(|t| !t.is_empty() && *t != file_name && *t != url && !t.starts_with("http"))?;
    let mut chars = text.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

/// One citation per document, newest document first, keeping the first line it appears on.
fn per_document(mut citations: Vec<Citation>) -> Vec<Citation> {
    citations.sort_by_key(|c| (c.document, c.line == 0, c.line));
    citations.dedup_by_key(|c| c.document);
    citations
}

/// A PDF's first line of text as its title, when it reads like one: 2 to 12 words with
/// letters, not a page number or a date alone.
fn first_line_title(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let line = crate::markdown::close_up(line);
    let words = crate::markdown::word_count(&line);
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    ((2..=12).contains(&words) && letters >= 6 && line.chars().count() <= 90).then_some(line)
}

/// "122021_bilag_palliativ_indsats_ydelseskoder.pdf" → "Bilag palliativ indsats ydelseskoder":
/// the extension, a leading run of digits and the separators gone, the first letter a capital.
fn cleaned_file_name(file_name: &str) -> String {
    let stem = file_name.rsplit_once('.').map_or(file_name, |(s, _)| s);
    let words: Vec<&str> = stem
        .split(['_', '-', ' ', '.'])
        .filter(|w| !w.is_empty())
        .skip_while(|w| w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    let joined = words.join(" ");
    let mut chars = joined.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => file_name.to_string(),
    }
}

/// What is known of a PDF under `content/` while the index is collected: the front matter
/// title (if any), size, what the PDF reader found, and who cites it.
type HeldPdf = (Option<String>, Option<u64>, Option<PdfInfo>, Vec<Citation>);

/// Every PDF attached to a document or linked from one, inside the archive or outside.
pub fn pdf_index(documents: &[Document], links: &LinkIndex) -> Vec<PdfEntry> {
    // Attached PDFs, by path.
    let mut attached: BTreeMap<String, HeldPdf> = BTreeMap::new();
    for (i, doc) in documents.iter().enumerate() {
        for a in doc.attachments.iter().filter(|a| a.is_pdf) {
            let entry = attached
                .entry(a.path.clone())
                .or_insert_with(|| (None, Some(a.size_bytes), a.pdf.clone(), Vec::new()));
            if a.title != a.file_name && entry.0.is_none() {
                entry.0 = Some(a.title.clone());
            }
            entry.3.push(Citation {
                document: i,
                line: 0,
                column: 0,
                text: a.title.clone(),
            });
        }
    }
    let mut outside = Vec::new();
    for t in &links.targets {
        match t.kind {
            LinkKind::Attachment if path_is_pdf(&t.url) => {
                let entry = attached
                    .entry(t.url.clone())
                    .or_insert_with(|| (None, None, None, Vec::new()));
                entry.3.extend(t.citations.iter().cloned());
            }
            LinkKind::OutsidePdf => outside.push(t),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for (path, (front_title, size_bytes, info, citations)) in attached {
        let file_name = file_name_of(&path);
        let title = info
            .as_ref()
            .and_then(|i| i.title.clone())
            .or(front_title)
            .or_else(|| best_text(&citations, &file_name, &path))
            .or_else(|| info.as_ref().and_then(|i| first_line_title(&i.text)))
            .unwrap_or_else(|| cleaned_file_name(&file_name));
        out.push(PdfEntry {
            title,
            file_name,
            place: PdfPlace::Attached {
                path,
                size_bytes,
                info,
            },
            citations: per_document(citations),
        });
    }
    for t in outside {
        let file_name = file_name_of(&t.url);
        out.push(PdfEntry {
            title: best_text(&t.citations, &file_name, &t.url).unwrap_or_else(|| file_name.clone()),
            file_name,
            place: PdfPlace::Outside {
                url: t.url.clone(),
                host: t.host.clone(),
            },
            citations: per_document(t.citations.clone()),
        });
    }
    out.sort_by(|a, b| {
        (a.newest_document(), a.title.to_lowercase())
            .cmp(&(b.newest_document(), b.title.to_lowercase()))
    });
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn untitled_pdfs_get_a_readable_title() {
        assert_eq!(
            super::cleaned_file_name("122021_bilag_palliativ_indsats_ydelseskoder.pdf"),
            "Bilag palliativ indsats ydelseskoder"
        );
        assert_eq!(
            super::first_line_title("\n  Aftale om sygebesøg på øerne\nside 2").as_deref(),
            Some("Aftale om sygebesøg på øerne")
        );
        assert_eq!(super::first_line_title("12\nx"), None);
    }

    use super::*;

    #[test]
    fn hosts_are_found() {
        assert_eq!(
            host_of("https://www.Regioner.example/media/x.pdf").as_deref(),
            Some("www.regioner.example")
        );
        assert_eq!(
            host_of("http://user@h.example:8080/a").as_deref(),
            Some("h.example")
        );
        assert_eq!(host_of("HTTPS://A.example").as_deref(), Some("a.example"));
        assert_eq!(host_of("mailto:x@y.example"), None);
        assert_eq!(host_of("../2024/x.md"), None);
    }

    #[test]
    fn pdf_paths() {
        assert!(path_is_pdf("https://a.example/x.PDF?download=1"));
        assert!(!path_is_pdf("https://a.example/pdf/list"));
        assert_eq!(
            check_key("https://a.example/x.pdf#page=3"),
            "https://a.example/x.pdf"
        );
    }

    #[test]
    fn mail_links_group_by_domain() {
        let (kind, key, host) =
            classify_outside("mailto:Formand@SFPF.example?subject=Hej", &Cache::new());
        assert_eq!(kind, LinkKind::Mailto);
        assert_eq!(key, "mailto:Formand@SFPF.example");
        assert_eq!(host, "sfpf.example");
    }

    #[test]
    fn file_names_are_decoded() {
        assert_eq!(
            file_name_of("https://a.example/m/%C3%A5rsrapport.pdf?x=1"),
            "årsrapport.pdf"
        );
    }
}
