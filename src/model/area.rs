//! Public site and members' area: which documents are members-only (their own `access:`, else
//! their meeting's), which files go with them, and what the public site may know of them.
//!
//! One build makes two archives from one set of rendered documents (see `model::build_archives`):
//! the public one, which holds no members-only document at all, and the members' area, which
//! holds every document. The members' area is rendered as a site of its own inside the output's
//! `members/` folder; the public documents it lists are not rendered again but linked where
//! the public site has them (`../2025/beretning/`).

use crate::core::access::Access;
use crate::core::slug::slugify;
use crate::core::urls::join_normalized;
use crate::load::content::SourceDocument;
use crate::model::document::Document;
use std::collections::{HashMap, HashSet};

/// What an archive is: the public site, the members' area, or (serve) both in one.
#[derive(Debug, Clone, Default)]
pub struct Area {
    /// This archive is the members' area.
    pub members: bool,
    /// Public and members-only documents in one (serve's preview, `arkiv check`), which the
    /// pages say plainly so it is never taken for the public site.
    pub preview: bool,
    /// How pages of this archive reach the public site: `""`, or `"../"` from the members'
    /// area (which is one folder down).
    pub public_prefix: String,
    /// The members' area's folder from the site root, with a slash (`members/`); empty when
    /// the site has no members' area.
    pub folder: String,
    /// Files under `content/` that only members-only documents use, by content path.
    pub members_assets: HashSet<String>,
    /// Public site: members-only documents by content path and by site URL (no slash at the
    /// end), each to its URL from the site root inside the members' area, so a public link to
    /// one leads to the login instead of nowhere. Never their titles.
    pub members_documents: HashMap<String, String>,
    /// Public site: slugs of members-only documents, so a programme naming one marks the item
    /// "(for members)" instead of reporting a missing document.
    pub hidden_slugs: HashSet<String>,
    /// Public site: how many members-only documents the members' area holds.
    pub members_count: usize,
    /// Public site: slugs of the meetings that the members' area shows whole, with material
    /// the public site leaves out.
    pub members_meetings: HashSet<String>,
}

impl Area {
    /// The folder this archive's files go in, from the output's root: the members' area's
    /// folder, or `""` for the public site.
    pub fn folder_if_members(&self) -> String {
        if self.members {
            self.folder.clone()
        } else {
            String::new()
        }
    }

    /// Where an asset (a path under `content/`) is linked from a page of this archive.
    pub fn asset_url(&self, path: &str) -> String {
        if self.members && !self.members_assets.contains(path) {
            format!("{}{path}", self.public_prefix)
        } else {
            path.to_string()
        }
    }
}

/// Each source's access: its own `access:`, else its meeting's, else public.
pub fn effective_access(sources: &[SourceDocument]) -> Vec<Access> {
    let meetings: HashMap<&str, Access> = sources
        .iter()
        .filter(|s| s.front.kind == crate::core::kind::Kind::Meeting)
        .map(|s| (s.slug.as_str(), s.front.access.unwrap_or_default()))
        .collect();
    sources
        .iter()
        .map(|s| {
            s.front.access.unwrap_or_else(|| {
                let meeting = s.front.meeting.as_deref().map(slugify);
                meeting
                    .and_then(|m| meetings.get(m.as_str()).copied())
                    .unwrap_or_default()
            })
        })
        .collect()
}

/// Files under `content/` a document uses: its attachments and the files its text links to.
fn used_assets(doc: &Document, assets: &HashSet<String>) -> Vec<String> {
    let folder = doc
        .content_path
        .parent()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .unwrap_or_default();
    let mut used: Vec<String> = doc.attachments.iter().map(|a| a.path.clone()).collect();
    for link in doc.links.iter().filter(|l| l.is_internal) {
        let path = link.target.split(['#', '?']).next().unwrap_or_default();
        let path = crate::core::urls::percent_decode(path);
        if let Some(joined) = join_normalized(&folder, &path) {
            if assets.contains(&joined) {
                used.push(joined);
            }
        }
    }
    used
}

/// The files that only members-only documents use: they go into the members' area, and the
/// public site never gets them. A file that a public document also uses stays public.
pub fn members_assets(documents: &[Document], assets: &HashSet<String>) -> HashSet<String> {
    let mut members = HashSet::new();
    let mut public = HashSet::new();
    for doc in documents {
        let into = if doc.access.is_members() {
            &mut members
        } else {
            &mut public
        };
        into.extend(used_assets(doc, assets));
    }
    members.retain(|a| !public.contains(a));
    members
}

/// The documents shown inside the members' area: every members-only document, and every
/// meeting whose programme or documents include members-only material, so members see it whole.
pub fn in_members_area(documents: &[Document]) -> Vec<bool> {
    let members_slugs: HashSet<&str> = documents
        .iter()
        .filter(|d| d.access.is_members())
        .map(|d| d.slug.as_str())
        .collect();
    let meetings_with_members: HashSet<String> = documents
        .iter()
        .filter(|d| d.access.is_members())
        .filter_map(|d| d.front.meeting.as_deref().map(slugify))
        .collect();
    documents
        .iter()
        .map(|doc| {
            doc.access.is_members()
                || doc.front.kind == crate::core::kind::Kind::Meeting
                    && (meetings_with_members.contains(&doc.slug)
                        || doc.front.programme.iter().any(|item| {
                            item.document
                                .as_deref()
                                .is_some_and(|t| members_slugs.contains(slugify(t).as_str()))
                        }))
        })
        .collect()
}

/// Marks the programme items of the public site's meetings that present a members-only
/// document "(for members)". An item that names its document (`document:`) is marked when the
/// public archive is made; one matched to it by title, speaker and kind (a programme that names
/// no documents) is matched only in the members' area, which holds the document, so the mark
/// is copied from there. `public` and `members` are the two archives' documents.
pub fn mark_matched_members_items(public: &mut [Document], members: &[Document]) {
    let meetings: HashMap<&str, &Document> = members
        .iter()
        .filter(|d| d.front.kind == crate::core::kind::Kind::Meeting)
        .map(|d| (d.slug.as_str(), d))
        .collect();
    for doc in public.iter_mut() {
        let Some(meeting) = meetings.get(doc.slug.as_str()) else {
            continue;
        };
        if doc.front.kind != crate::core::kind::Kind::Meeting {
            continue;
        }
        doc.programme_members
            .resize(doc.front.programme.len(), false);
        for (mark, found) in doc
            .programme_members
            .iter_mut()
            .zip(&meeting.programme_documents)
        {
            *mark |= found.is_some_and(|d| members[d].access.is_members());
        }
    }
}
