//! Checks over a built output folder: every file, and every `href`, `src` and `#anchor` of
//! every page resolved against them (tests/standards.rs).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

/// Every built file, relative to the output folder with `/`.
pub fn files(output: &Path) -> Vec<String> {
    let mut out: Vec<String> = walkdir::WalkDir::new(output)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(output).expect("prefix");
            rel.to_string_lossy().replace('\\', "/")
        })
        .collect();
    out.sort();
    out
}

/// The values of `attr="…"` in `html` (the attribute name after whitespace, so `data-src` is
/// not `src`), with `&amp;` undone.
pub fn attribute_values(html: &str, attr: &str) -> Vec<String> {
    let marker = format!("{attr}=\"");
    let mut out = Vec::new();
    for (pos, _) in html.match_indices(&marker) {
        let before = html[..pos].chars().next_back();
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let rest = &html[pos + marker.len()..];
        if let Some(end) = rest.find('"') {
            out.push(rest[..end].replace("&amp;", "&").replace("&#x2F;", "/"));
        }
    }
    out
}

pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Resolves `target` written on the page at `page` (relative to the output root) to a path
/// relative to the output root; `None` for the outside world (another host, mail, …).
pub fn resolve(page: &str, target: &str, base_url: &str) -> Option<String> {
    let target = if base_url.contains("://") {
        match target.strip_prefix(base_url) {
            Some(rest) => return Some(normalise("", rest)),
            None => target,
        }
    } else {
        target
    };
    let has_scheme = target
        .split_once(':')
        .is_some_and(|(s, _)| !s.is_empty() && !s.contains('/') && !s.contains('#'));
    if has_scheme || target.starts_with("//") {
        return None;
    }
    if let Some(rooted) = target.strip_prefix('/') {
        return Some(normalise("", rooted));
    }
    let dir = page.rsplit_once('/').map_or("", |(d, _)| d);
    Some(normalise(dir, target))
}

/// `dir` joined with the relative `target` (fragment kept), `..` and `.` taken out.
pub fn normalise(dir: &str, target: &str) -> String {
    let (path, fragment) = match target.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (target, None),
    };
    let path = path.split('?').next().unwrap_or("");
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    let decoded = percent_decode(path);
    let trailing = decoded.is_empty() || decoded.ends_with('/');
    for p in decoded.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    let mut out = parts.join("/");
    if trailing && !out.is_empty() {
        out.push('/');
    }
    match fragment {
        Some(f) => format!("{out}#{f}"),
        None => out,
    }
}

/// Every href and src of every page that does not lead to a built file, or to an id on it.
pub fn broken_links(output: &Path, base: &str) -> Vec<String> {
    let all = files(output);
    let existing: HashSet<&str> = all.iter().map(String::as_str).collect();
    let mut ids: HashMap<String, HashSet<String>> = HashMap::new();
    let mut pages: BTreeMap<String, String> = BTreeMap::new();
    for file in all.iter().filter(|p| p.ends_with(".html")) {
        let html = std::fs::read_to_string(output.join(file)).expect("read page");
        ids.insert(
            file.clone(),
            attribute_values(&html, "id").into_iter().collect(),
        );
        pages.insert(file.clone(), html);
    }
    let mut broken = Vec::new();
    for (page, html) in &pages {
        for target in attribute_values(html, "href")
            .into_iter()
            .chain(attribute_values(html, "src"))
        {
            let Some(resolved) = resolve(page, &target, base) else {
                continue;
            };
            let (path, fragment) = match resolved.split_once('#') {
                Some((p, f)) => (p.to_string(), Some(f.to_string())),
                None => (resolved.clone(), None),
            };
            let path = if target.starts_with('#') {
                page.clone()
            } else if path.is_empty() || path.ends_with('/') {
                format!("{path}index.html")
            } else {
                path
            };
            if !existing.contains(path.as_str()) {
                broken.push(format!("{page}: {target} (no file {path})"));
                continue;
            }
            if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
                let fragment = percent_decode(&fragment);
                if !ids.get(&path).is_some_and(|set| set.contains(&fragment)) {
                    broken.push(format!("{page}: {target} (no id {fragment} on {path})"));
                }
            }
        }
    }
    broken
}
