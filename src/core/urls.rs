//! Site-relative URLs. Every page links with paths relative to itself, so the site works from
//! any sub-path of `base_url` and opened straight from disk.

/// `../` once per folder level of `page_url` (`"2025/slug/"` → `"../../"`, home → `""`).
pub fn root_prefix(page_url: &str) -> String {
    "../".repeat(page_url.matches('/').count())
}

/// The href that leads from the page at `from` to the site-relative `to`.
pub fn relative(from: &str, to: &str) -> String {
    let href = format!("{}{}", root_prefix(from), to);
    if href.is_empty() {
        "./".to_string()
    } else {
        href
    }
}

/// Joins `relative` to the folder `base` (both with `/`), resolving `.` and `..`.
/// `None` when the path climbs above the root.
pub fn join_normalized(base: &str, relative: &str) -> Option<String> {
    let mut parts: Vec<&str> = if relative.starts_with('/') {
        Vec::new()
    } else {
        base.split('/').filter(|p| !p.is_empty()).collect()
    };
    for part in relative.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

/// Where a page's relative links are resolved from: its URL, or for a public document seen
/// from the members' area (`../2025/beretning/`), the place it would have inside the area
/// (`2025/beretning/`). Its HTML goes only onto the area's own pages (packs, presentations),
/// which rebase the links from there.
pub fn home(url: &str) -> &str {
    let mut url = url;
    while let Some(rest) = url.strip_prefix("../") {
        url = rest;
    }
    url
}

/// Like `join_normalized`, but a path that climbs above the root keeps its `..` segments
/// (`../2025/beretning`): the members' area is a site one folder down, and its pages link to
/// the public site above it.
pub fn join_above(base: &str, relative: &str) -> String {
    let mut up = 0;
    let mut parts: Vec<&str> = Vec::new();
    let base_parts = if relative.starts_with('/') { "" } else { base };
    for part in base_parts.split('/').chain(relative.split('/')) {
        match part {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    up += 1;
                }
            }
            p => parts.push(p),
        }
    }
    format!("{}{}", "../".repeat(up), parts.join("/"))
}

/// A site-relative file path as an href: characters that would end or change the path in a
/// URL (`#`, `?`, `%`, space, quotes, controls and the like) are percent-encoded; `/` and
/// letters (æøå included) stay as they are.
pub fn encode_path(path: &str) -> String {
    percent_encode(path, |c| {
        (!c.is_ascii() || c.is_ascii_alphanumeric() || "/-._~!$&'()*+,;=:@".contains(c))
            && !c.is_control()
    })
}

/// The one percent-encoder: every character `keep` refuses is written as `%XX` for each of
/// its UTF-8 bytes.
pub fn percent_encode(text: &str, keep: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if keep(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// Decodes `%20`-style escapes that editors write into Markdown links to files with spaces.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Some(Ok(b)) = text
                .get(i + 1..i + 3)
                .map(|hex| u8::from_str_radix(hex, 16))
            {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

/// `https:`, `mailto:`, `data:`…: a URL that does not depend on the page it is on. The one
/// test for a scheme: `markdown::is_external` and link rebasing both ask it.
pub fn has_scheme(url: &str) -> bool {
    match url.find(':') {
        Some(colon) => {
            let scheme = &url[..colon];
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
                && url[..colon].find(['/', '?', '#']).is_none()
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joining_above_the_root_keeps_the_climb() {
        assert_eq!(join_above("2025/a/", "../b/"), "2025/b");
        assert_eq!(join_above("2025/a/", "../../../2024/b/"), "../2024/b");
        assert_eq!(join_above("", "x.pdf"), "x.pdf");
    }

    #[test]
    fn relative_hrefs() {
        assert_eq!(root_prefix("2025/slug/"), "../../");
        assert_eq!(relative("2025/a/", "2024/b/"), "../../2024/b/");
        assert_eq!(relative("", "2024/b/"), "2024/b/");
        assert_eq!(relative("", ""), "./");
        assert_eq!(relative("archive/", ""), "../");
    }

    #[test]
    fn joins_and_normalizes() {
        assert_eq!(
            join_normalized("2025", "../2024/b.md").as_deref(),
            Some("2024/b.md")
        );
        assert_eq!(
            join_normalized("2025/x", "./bilag.pdf").as_deref(),
            Some("2025/x/bilag.pdf")
        );
        assert_eq!(join_normalized("2025", "../../etc/passwd"), None);
        assert_eq!(
            join_normalized("2025", "/2024/b.md").as_deref(),
            Some("2024/b.md")
        );
    }

    #[test]
    fn decodes_escapes() {
        assert_eq!(percent_decode("Regnskab%202024.pdf"), "Regnskab 2024.pdf");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%C3%A6"), "æ");
        // A `%` before a letter of more than one byte is left as it is, never a panic.
        assert_eq!(percent_decode("rapport%1å.pdf"), "rapport%1å.pdf");
        assert_eq!(percent_decode("%Aø"), "%Aø");
    }
}
