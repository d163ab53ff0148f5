//! What the site already holds, read once before importing: the fingerprints of files
//! imported before (so a re-import writes nothing) and the slugs of meetings (so `--meeting`
//! with a misspelt slug is caught before the build fails on it).

use super::markdown_out::SOURCE_MARK;
use crate::core::slug::slugify;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// Only the top of each document is read: front matter sits there.
const HEAD_LINES: usize = 60;

#[derive(Debug, Default)]
pub struct Site {
    /// fingerprint → document that records it
    pub imports: HashMap<String, PathBuf>,
    pub meetings: BTreeSet<String>,
}

/// FNV-1a over the bytes, with the length: enough to recognise the same file again.
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("fnv64-{hash:016x}-{}", bytes.len())
}

pub fn scan(content: &Path) -> Site {
    let mut site = Site::default();
    for entry in walkdir::WalkDir::new(content)
        .into_iter()
        .filter_map(|e| e.ok())
    {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        read_head(&text, path, &mut site);
    }
    site
}

fn read_head(text: &str, path: &Path, site: &mut Site) {
    let mut is_meeting = false;
    let mut slug: Option<String> = None;
    for (i, line) in text.lines().take(HEAD_LINES).enumerate() {
        if i > 0 && line.trim_end() == "---" {
            break;
        }
        if let Some(rest) = line.strip_prefix(SOURCE_MARK) {
            if let Some(fp) = rest.split_whitespace().next() {
                site.imports.insert(fp.to_string(), path.to_path_buf());
            }
        }
        if let Some(kind) = line.strip_prefix("kind:") {
            is_meeting = kind.trim().trim_matches(['"', '\'']) == "meeting";
        }
        if let Some(s) = line.strip_prefix("slug:") {
            slug = Some(s.trim().trim_matches(['"', '\'']).to_string());
        }
    }
    if is_meeting {
        let name = slug.unwrap_or_else(|| {
            let stem = path.file_stem().map(|s| s.to_string_lossy().to_string());
            match stem.as_deref() {
                Some("index") => path
                    .parent()
                    .and_then(|p| p.file_name())
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default(),
                other => other.unwrap_or_default().to_string(),
            }
        });
        site.meetings.insert(slugify(&name));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_differ_and_repeat() {
        assert_eq!(fingerprint(b"abc"), fingerprint(b"abc"));
        assert_ne!(fingerprint(b"abc"), fingerprint(b"abd"));
        assert!(fingerprint(b"").ends_with("-0"));
    }

    #[test]
    fn reads_imports_and_meetings() {
        let mut site = Site::default();
        read_head(
            "---\n# arkiv import: fnv64-00-3 a.pdf\ntitle: A\nkind: slides\n---\n",
            Path::new("content/2025/a.md"),
            &mut site,
        );
        read_head(
            "---\ntitle: M\nkind: meeting\n---\nkind: meeting in the body\n",
            Path::new("content/2025/foraarsmoede/index.md"),
            &mut site,
        );
        read_head(
            "---\ntitle: M\nkind: meeting\nslug: gf-2025\n---\n",
            Path::new("content/2025/x.md"),
            &mut site,
        );
        assert_eq!(
            site.imports.get("fnv64-00-3").map(|p| p.to_path_buf()),
            Some(PathBuf::from("content/2025/a.md"))
        );
        let meetings: Vec<&str> = site.meetings.iter().map(String::as_str).collect();
        assert_eq!(meetings, ["foraarsmoede", "gf-2025"]);
    }
}
