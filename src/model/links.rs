//! Internal links: writers link to other documents by their source path
//! (`../2024/beretning.md#lægevagten`), to attachments and to headings. Every such link is
//! checked at build and rewritten to a relative href; a broken one is an error with the
//! nearest existing target.

use crate::core::diagnostics::{suggest, suggest_names, Diagnostic, Diagnostics};
use crate::core::messages::{msg, Text};
use crate::core::slug::slugify;
use crate::core::store::{Text as StoredText, TextStore};
use crate::core::urls::{join_normalized, percent_decode, relative};
use crate::model::document::Document;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

/// Where an internal link leads, once resolved.
#[derive(Debug, Clone, PartialEq)]
pub enum InternalTarget {
    /// Another document (index into `Archive::documents`) and maybe a heading anchor.
    Document {
        index: usize,
        anchor: Option<String>,
    },
    /// A file under `content/`, by its URL from the site root (its path there, or from the
    /// members' area the public file's `../` path).
    Asset(String),
    /// A members-only document, from the public site: its URL from the site root inside the
    /// members' area.
    MembersArea(String),
    /// A heading on the same page.
    SamePage(String),
}

/// Why an internal link leads nowhere, and how to fix it.
#[derive(Debug, Clone)]
pub struct BrokenLink {
    pub message: Text,
    pub hint: Option<Text>,
}

/// Lookup tables built once per build: documents by source path and URL, assets by path.
/// Anchors are looked up in the documents themselves when a link names one.
pub struct LinkTargets<'a> {
    documents: &'a [Document],
    /// A document standing in for one of `documents` (serve resolving an edited document
    /// before it takes the old one's place).
    replaced: Option<(usize, &'a Document)>,
    by_content_path: HashMap<String, usize>,
    by_url: HashMap<String, usize>,
    assets: HashSet<String>,
    area: &'a crate::model::area::Area,
}

impl<'a> LinkTargets<'a> {
    pub fn new(
        documents: &'a [Document],
        assets: &[PathBuf],
        area: &'a crate::model::area::Area,
    ) -> Self {
        let mut by_content_path = HashMap::with_capacity(documents.len());
        let mut by_url = HashMap::with_capacity(documents.len());
        for (i, doc) in documents.iter().enumerate() {
            by_content_path.insert(doc.content_path.to_string_lossy().replace('\\', "/"), i);
            // By the document's site URL, which its URL in an area may differ from.
            let mut site_url = crate::routes::document(doc.year(), &doc.slug);
            site_url.truncate(site_url.trim_end_matches('/').len());
            by_url.insert(site_url, i);
        }
        let assets = assets
            .iter()
            .map(|a| a.to_string_lossy().replace('\\', "/"))
            .collect();
        LinkTargets {
            documents,
            replaced: None,
            by_content_path,
            by_url,
            assets,
            area,
        }
    }

    /// The same targets with `doc` in place of document `i`, whose address it keeps; its own
    /// headings count for links to it.
    pub fn replacing(mut self, i: usize, doc: &'a Document) -> Self {
        self.replaced = Some((i, doc));
        self
    }

    fn document(&self, i: usize) -> &'a Document {
        match self.replaced {
            Some((r, doc)) if r == i => doc,
            _ => &self.documents[i],
        }
    }

    /// Resolves `target` as written in the document at `content_path` (index `from`).
    pub fn resolve(
        &self,
        from: usize,
        content_path: &str,
        target: &str,
    ) -> Result<InternalTarget, BrokenLink> {
        let (path, fragment) = match target.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (target, None),
        };
        let path = percent_decode(path.split('?').next().unwrap_or(path));
        if path.is_empty() {
            let anchor = fragment.unwrap_or_default();
            return self
                .check_anchor(from, anchor)
                .map(|_| InternalTarget::SamePage(anchor.to_string()));
        }
        let folder = content_path.rsplit_once('/').map_or("", |(f, _)| f);
        let joined = join_normalized(folder, &path).ok_or_else(|| BrokenLink {
            message: msg("link.climbs", &[("target", &target)]),
            hint: None,
        })?;
        let index = self
            .by_content_path
            .get(&joined)
            .or_else(|| self.by_url.get(joined.trim_end_matches('/')))
            .or_else(|| self.by_content_path.get(&format!("{joined}/index.md")))
            .or_else(|| {
                joined
                    .strip_suffix("/index.html")
                    .and_then(|u| self.by_url.get(u))
            });
        if let Some(&index) = index {
            if let Some(anchor) = fragment.filter(|f| !f.is_empty()) {
                let anchor = self.check_anchor(index, anchor)?;
                return Ok(InternalTarget::Document {
                    index,
                    anchor: Some(anchor),
                });
            }
            return Ok(InternalTarget::Document {
                index,
                anchor: None,
            });
        }
        if self.assets.contains(&joined) {
            return Ok(InternalTarget::Asset(self.area.asset_url(&joined)));
        }
        let elsewhere = &self.area.members_documents;
        if let Some(url) = elsewhere
            .get(&joined)
            .or_else(|| elsewhere.get(joined.trim_end_matches('/')))
            .or_else(|| elsewhere.get(&format!("{joined}/index.md")))
        {
            let mut url = url.clone();
            if let Some(anchor) = fragment.filter(|f| !f.is_empty()) {
                url.push('#');
                url.push_str(&slugify(anchor));
            }
            return Ok(InternalTarget::MembersArea(url));
        }
        let candidates = self
            .by_content_path
            .keys()
            .chain(self.assets.iter())
            .map(String::as_str);
        let hint = match suggest(&joined, candidates) {
            Some(near) => suggest_names(&[&relative_source(folder, near)]),
            None => Some(msg("link.missing.hint", &[])),
        };
        Err(BrokenLink {
            message: msg("link.missing", &[("target", &target), ("joined", &joined)]),
            hint,
        })
    }

    /// Anchors are compared after slugifying, so `#Lægevagten` finds `#laegevagten`.
    fn check_anchor(&self, doc: usize, anchor: &str) -> Result<String, BrokenLink> {
        let target = self.document(doc);
        let has = |id: &str| {
            target.headings.iter().any(|h| h.id == id)
                || id
                    .strip_prefix("slide-")
                    .is_some_and(|n| target.slides.iter().any(|s| s.number.to_string() == n))
        };
        let decoded = percent_decode(anchor);
        if has(&decoded) {
            return Ok(decoded);
        }
        let slug = slugify(&decoded);
        if has(&slug) {
            return Ok(slug);
        }
        let set: HashSet<String> = target
            .headings
            .iter()
            .map(|h| h.id.to_string())
            .chain(target.slides.iter().map(|s| format!("slide-{}", s.number)))
            .collect();
        let hint = match suggest(&slug, set.iter().map(String::as_str)) {
            Some(near) => suggest_names(&[&format!("#{near}")]),
            None if set.is_empty() => Some(msg("link.no_headings.hint", &[])),
            None => {
                let mut all: Vec<&str> = set.iter().map(String::as_str).collect();
                all.sort();
                all.truncate(8);
                let headings = format!("#{}", all.join(", #"));
                Some(msg("link.headings.hint", &[("headings", &headings)]))
            }
        };
        Err(BrokenLink {
            message: msg("link.no_anchor", &[("anchor", &anchor)]),
            hint,
        })
    }
}

/// How to write `target` (a content path) relative to `folder`, for hints users can paste.
fn relative_source(folder: &str, target: &str) -> String {
    let depth = folder.split('/').filter(|p| !p.is_empty()).count();
    format!("{}{}", "../".repeat(depth), target)
}

/// Whether a document has links that are resolved inside the site, and are not yet.
fn has_internal_links(doc: &Document) -> bool {
    !doc.links_resolved
        && doc
            .links
            .iter()
            .any(|l| l.is_internal || l.target.starts_with('#'))
}

/// One document's links resolved: the href of each, in order, the problems, and the documents
/// they lead to (by path under `content/`).
#[derive(Debug, Default)]
pub struct ResolvedLinks {
    pub hrefs: Vec<String>,
    pub problems: Vec<Diagnostic>,
    pub targets: Vec<PathBuf>,
}

/// The href of each of `doc`'s links, in order, resolved as if `doc` were document `i` of the
/// archive; broken links keep their target and get a diagnostic with line, column and hint.
pub fn document_hrefs(
    documents: &[Document],
    targets: &LinkTargets,
    i: usize,
    doc: &Document,
) -> ResolvedLinks {
    let content_path = doc.content_path.to_string_lossy().replace('\\', "/");
    let home = crate::core::urls::home(&doc.url);
    let mut problems = Vec::new();
    let mut led_to: Vec<usize> = Vec::new();
    let hrefs = doc
        .links
        .iter()
        .map(|link| {
            if !link.is_internal && !link.target.starts_with('#') {
                return link.target.clone();
            }
            match targets.resolve(i, &content_path, &link.target) {
                Ok(InternalTarget::Document { index, anchor }) => {
                    if documents[index].access.is_members() && !doc.access.is_members() {
                        problems.push(
                            Diagnostic::warning(
                                doc.source.clone(),
                                msg("link.into_members", &[("target", &link.target)]),
                            )
                            .at(link.line, link.column)
                            .hint(msg("link.into_members.hint", &[])),
                        );
                    }
                    led_to.push(index);
                    let mut href = relative(home, &documents[index].url);
                    if let Some(a) = anchor {
                        href.push('#');
                        href.push_str(&a);
                    }
                    href
                }
                Ok(InternalTarget::Asset(path) | InternalTarget::MembersArea(path)) => {
                    relative(home, &path)
                }
                Ok(InternalTarget::SamePage(anchor)) => format!("#{anchor}"),
                Err(broken) => {
                    problems.push(
                        Diagnostic::error(doc.source.clone(), broken.message)
                            .at(link.line, link.column)
                            .maybe_hint(broken.hint),
                    );
                    link.target.clone()
                }
            }
        })
        .collect();
    led_to.sort_unstable();
    led_to.dedup();
    ResolvedLinks {
        hrefs,
        problems,
        targets: led_to
            .into_iter()
            .map(|t| documents[t].content_path.clone())
            .collect(),
    }
}

/// Writes resolved hrefs into a document's HTML, slides and notes, and records where its links
/// lead.
pub fn apply_hrefs(doc: &mut Document, resolved: ResolvedLinks, texts: &TextStore) {
    let hrefs = &resolved.hrefs;
    // Each rewritten text keeps no spare room (the rest of the document was trimmed when it
    // was rendered, `Document::shrink_to_fit`); in a build's store they all go back in one
    // write, as when the document was made.
    let resolve = |html: &StoredText| {
        let mut out = crate::markdown::replace_placeholders(&texts.whole(html), |n| {
            hrefs.get(n).cloned().unwrap_or_default()
        });
        out.shrink_to_fit();
        StoredText::Held(out)
    };
    doc.html = resolve(&doc.html);
    for slide in &mut doc.slides {
        slide.html = resolve(&slide.html);
        slide.notes_html = slide.notes_html.as_ref().map(resolve);
        // An overfull slide's parts (the presentation shows them) number their links on from
        // the slide's, in the same list.
        for part in &mut slide.parts {
            *part = resolve(part);
        }
    }
    doc.keep_texts_in(texts);
    doc.links_to = resolved.targets;
    doc.links_resolved = true;
}

/// Rewrites every internal link placeholder to a relative href, reporting broken ones.
/// Documents are resolved in parallel: at 10,000 documents this is tens of thousands of links.
pub fn resolve_internal_links(
    documents: &mut [Document],
    assets: &[PathBuf],
    area: &crate::model::area::Area,
    texts: &TextStore,
    diagnostics: &mut Diagnostics,
) {
    use rayon::prelude::*;
    let targets = LinkTargets::new(documents, assets, area);
    let all: &[Document] = documents;
    let mut resolved: Vec<Option<ResolvedLinks>> = all
        .par_iter()
        .enumerate()
        .map(|(i, doc)| has_internal_links(doc).then(|| document_hrefs(all, &targets, i, doc)))
        .collect();
    drop(targets);
    for r in resolved.iter_mut().flatten() {
        diagnostics.extend(std::mem::take(&mut r.problems));
    }
    documents
        .par_iter_mut()
        .zip(resolved)
        .for_each(|(doc, resolved)| {
            if let Some(resolved) = resolved {
                apply_hrefs(doc, resolved, texts);
            }
        });
}
