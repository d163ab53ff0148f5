//! Tests of the generator as a whole: determinism, counts, and that every
//! reference and link in the generated archive resolves.

use super::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::atomic::AtomicUsize;

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A fresh, unique, not yet existing directory under the system temp dir.
struct TempDir(PathBuf);
impl TempDir {
    fn new(name: &str) -> TempDir {
        let k = COUNTER.fetch_add(1, Ordering::SeqCst);
        let p = std::env::temp_dir().join(format!(
            "arkiv-generate-{}-{}-{}",
            std::process::id(),
            name,
            k
        ));
        let _ = fs::remove_dir_all(&p);
        TempDir(p)
    }
}
impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn files(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(
                    p.strip_prefix(root).unwrap().to_path_buf(),
                    fs::read(&p).unwrap(),
                );
            }
        }
    }
    out
}

fn front_matter(text: &str) -> &str {
    let rest = text.strip_prefix("---\n").expect("front matter start");
    let end = rest.find("\n---\n").expect("front matter end");
    &rest[..end + 1]
}

fn field<'t>(fm: &'t str, key: &str) -> Option<&'t str> {
    fm.lines()
        .find_map(|l| l.strip_prefix(key).and_then(|r| r.strip_prefix(": ")))
}

fn opts(documents: usize, seed: u64) -> GenerateOptions {
    GenerateOptions { documents, seed }
}

#[test]
fn same_seed_gives_identical_output() {
    let a = TempDir::new("same-a");
    let b = TempDir::new("same-b");
    let sa = generate_site(&a.0, &opts(300, 42)).unwrap();
    let sb = generate_site(&b.0, &opts(300, 42)).unwrap();
    assert_eq!(sa, sb);
    let fa = files(&a.0);
    let fb = files(&b.0);
    assert_eq!(fa.len(), fb.len());
    assert!(fa == fb, "outputs differ");
    let c = TempDir::new("same-c");
    generate_site(&c.0, &opts(300, 43)).unwrap();
    assert!(files(&c.0) != fa, "different seeds should differ");
}

#[test]
fn writes_requested_number_of_documents() {
    for n in [0usize, 1, 2, 7, 250] {
        let t = TempDir::new("count");
        let s = generate_site(&t.0, &opts(n, 7)).unwrap();
        let all = files(&t.0);
        let md: Vec<_> = all
            .keys()
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        assert_eq!(md.len(), n);
        assert_eq!(s.documents, n);
        let bytes: u64 = all
            .iter()
            .filter(|(p, _)| p.extension().is_some_and(|e| e == "md"))
            .map(|(_, v)| v.len() as u64)
            .sum();
        assert_eq!(s.markdown_bytes, bytes);
        let pdfs = all
            .keys()
            .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
            .count();
        assert_eq!(s.pdfs, pdfs);
        if n > 0 {
            assert!(s.pdfs >= 1 && s.meetings >= 1);
        }
        assert!(all.contains_key(Path::new("site.yaml")));
        for p in md {
            let name = p.file_stem().unwrap().to_str().unwrap();
            assert!(name
                .bytes()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-'));
        }
    }
}

#[test]
fn refuses_non_empty_dir() {
    let t = TempDir::new("nonempty");
    fs::create_dir_all(&t.0).unwrap();
    fs::write(t.0.join("x"), "x").unwrap();
    assert!(generate_site(&t.0, &opts(3, 1)).is_err());
}

#[test]
fn references_and_links_resolve() {
    let t = TempDir::new("links");
    let s = generate_site(&t.0, &opts(600, 3)).unwrap();
    let all = files(&t.0);
    // slug -> (meeting field, kind)
    let mut docs: BTreeMap<String, (Option<String>, String)> = BTreeMap::new();
    let mut meetings = BTreeSet::new();
    for (p, v) in &all {
        if p.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = std::str::from_utf8(v).unwrap();
        let fm = front_matter(text);
        let slug = p.file_stem().unwrap().to_str().unwrap().to_string();
        let kind = field(fm, "kind").unwrap().to_string();
        if kind == "meeting" {
            meetings.insert(slug.clone());
        }
        if kind == "committee-report" {
            assert!(field(fm, "committee").is_some());
        }
        let date = field(fm, "date").unwrap();
        assert_eq!(
            p.parent().unwrap().file_name().unwrap().to_str().unwrap(),
            &date[..4]
        );
        assert!(docs
            .insert(slug, (field(fm, "meeting").map(String::from), kind))
            .is_none());
    }
    assert_eq!(meetings.len(), s.meetings);
    let mut internal = 0;
    for (p, v) in &all {
        if p.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = std::str::from_utf8(v).unwrap();
        let fm = front_matter(text);
        let slug = p.file_stem().unwrap().to_str().unwrap();
        if let Some(m) = field(fm, "meeting") {
            assert!(meetings.contains(m), "{slug}: unknown meeting {m}");
        }
        // Programme documents belong to this meeting.
        for l in fm.lines().filter(|l| l.starts_with("  - {time:")) {
            if let Some(i) = l.find("document: ") {
                let target = l[i + 10..].trim_end_matches('}');
                let (m, _) = docs.get(target).expect("programme document exists");
                assert_eq!(m.as_deref(), Some(slug));
            }
        }
        // Attachments exist.
        if let Some(a) = field(fm, "attachments") {
            let name = a.trim_start_matches('[').trim_end_matches(']');
            let f = p.parent().unwrap().join(name);
            let pdf = all.get(&f).expect("attachment exists");
            assert!(pdf.starts_with(b"%PDF-1.4"));
            check_pdf_xref(pdf);
        }
        // Every relative link resolves.
        let mut rest = text;
        while let Some(i) = rest.find("](") {
            rest = &rest[i + 2..];
            let end = rest.find(')').unwrap();
            let target = &rest[..end];
            if !target.starts_with("https://") {
                let mut resolved = p.parent().unwrap().to_path_buf();
                for part in target.split('/') {
                    if part == ".." {
                        resolved.pop();
                    } else {
                        resolved.push(part);
                    }
                }
                assert!(
                    all.contains_key(&resolved),
                    "{}: broken link {target}",
                    p.display()
                );
                internal += 1;
            }
        }
    }
    assert!(internal > 600, "too few internal links: {internal}");
}

/// Checks that startxref points at the table and every entry at its object.
fn check_pdf_xref(pdf: &[u8]) {
    fn find(h: &[u8], n: &[u8]) -> Option<usize> {
        h.windows(n.len()).rposition(|w| w == n)
    }
    let sx = find(pdf, b"startxref\n").unwrap();
    let tail = std::str::from_utf8(&pdf[sx + 10..]).unwrap();
    let off: usize = tail.lines().next().unwrap().parse().unwrap();
    assert!(pdf[off..].starts_with(b"xref\n0 7\n0000000000 65535 f \n"));
    let table = std::str::from_utf8(&pdf[off..]).unwrap();
    let entries: Vec<&str> = table.lines().skip(3).take(6).collect();
    for (i, e) in entries.iter().enumerate() {
        assert_eq!(e.len(), 19, "xref entries are 20 bytes with the newline");
        let o: usize = e[..10].parse().unwrap();
        assert!(pdf[o..].starts_with(format!("{} 0 obj", i + 1).as_bytes()));
    }
    assert!(find(pdf, b"/Title <FEFF").is_some());
    assert!(pdf.ends_with(b"%%EOF\n"));
}

#[test]
fn kinds_follow_proportions() {
    let t = TempDir::new("kinds");
    generate_site(&t.0, &opts(1000, 11)).unwrap();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for (p, v) in files(&t.0) {
        if p.extension().is_some_and(|e| e == "md") {
            let text = String::from_utf8(v).unwrap();
            let kind = field(front_matter(&text), "kind").unwrap().to_string();
            *counts.entry(kind).or_default() += 1;
        }
    }
    assert_eq!(counts["newsletter"], 350);
    assert_eq!(counts["slides"], 250);
    assert_eq!(counts["meeting"], 80);
}
