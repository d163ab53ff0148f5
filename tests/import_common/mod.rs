//! Helpers shared by the `arkiv import` tests: fixture paths, running the binary, reading
//! what it wrote.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use super::common::Fixture;

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// Runs `arkiv import --site SITE ARGS...`; returns (exit code, stdout, stderr). The report
/// is asked for in English, which these tests read (the fixture sites are Danish; the Danish
/// report is tested in tests/messages.rs).
pub fn import(site: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_arkiv"))
        .env("ARKIV_LANG", "en")
        .arg("import")
        .arg("--site")
        .arg(site)
        .args(args)
        .output()
        .expect("run arkiv");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

pub fn import_fixture(f: &Fixture, name: &str) -> (i32, String, String) {
    let path = fixture(name);
    import(f.root(), &[path.to_str().unwrap()])
}

pub fn read(f: &Fixture, rel: &str) -> String {
    let path = f.root().join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The body after the front matter.
pub fn body(doc: &str) -> &str {
    let rest = doc.strip_prefix("---\n").unwrap();
    &rest[rest.find("\n---\n").unwrap() + 5..]
}

pub fn files_under(dir: &Path) -> usize {
    walk(dir).len()
}

pub fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}
