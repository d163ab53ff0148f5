//! A members' area in a generated archive: every n-th document made members-only, for the
//! leak test and the benchmark of a build with a members' area.

use std::io;
use std::path::Path;

/// Turns the members' area on in `dir/site.yaml` and makes every `every`-th Markdown document
/// (in path order) members-only, appending `marker` and the document's number to its body, so
/// a test can look for any trace of it in public files. Returns how many were changed.
pub fn make_members_only(dir: &Path, every: usize, marker: &str) -> io::Result<usize> {
    let config = dir.join("site.yaml");
    let mut site = std::fs::read_to_string(&config)?;
    site.push_str("members:\n  htpasswd: /srv/forening/members.htpasswd\n");
    std::fs::write(&config, site)?;
    let mut files: Vec<std::path::PathBuf> = walk(&dir.join("content"))?
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    let mut changed = 0;
    for (n, file) in files.iter().enumerate() {
        if every == 0 || n % every != 0 {
            continue;
        }
        let text = std::fs::read_to_string(file)?;
        let Some(rest) = text.strip_prefix("---\n") else {
            continue;
        };
        let text = format!("---\naccess: members\n{rest}\n\n{marker}{n} {marker}\n");
        std::fs::write(file, text)?;
        changed += 1;
    }
    Ok(changed)
}

fn walk(dir: &Path) -> io::Result<Vec<std::path::PathBuf>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            out.extend(walk(&path)?);
        } else {
            out.push(path);
        }
    }
    Ok(out)
}
