//! Fixture sites for integration tests: written into a temporary folder, built with the real
//! pipeline or the real binary.
#![allow(dead_code)]

pub mod site_check;

use std::path::{Path, PathBuf};
use std::process::Command;

/// A generated archive (`arkiv-gen`) of `documents` documents in a temporary folder: the
/// folder (deleted when dropped) and the site in it.
pub fn generated_site(documents: usize, seed: u64) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let site = dir.path().join("site");
    let options = arkiv_gen::GenerateOptions { documents, seed };
    arkiv_gen::generate_site(&site, &options).unwrap_or_else(|e| panic!("generate: {e}"));
    (dir, site)
}

/// Builds `site` with the real pipeline into `name` in a temporary folder: the folder
/// (deleted when dropped) and the output.
pub fn build_site(site: &Path, name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let out = dir.path().join(name);
    let options = arkiv::pipeline::BuildOptions {
        site_root: site.to_path_buf(),
        output: Some(out.clone()),
        drafts: false,
    };
    if let Err(d) = arkiv::pipeline::build(&options) {
        panic!("build of {} failed: {d:?}", site.display());
    }
    (dir, out)
}

/// A site in a temporary folder; deleted when dropped.
pub struct Fixture {
    pub dir: tempfile::TempDir,
}

impl Fixture {
    /// A site with `site.yaml` holding `config`.
    pub fn new(config: &str) -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("site.yaml"), config).expect("write site.yaml");
        std::fs::create_dir_all(dir.path().join("content")).expect("content dir");
        Fixture { dir }
    }

    /// A Danish site with a title and nothing else.
    pub fn danish() -> Fixture {
        Fixture::new("title: Testforeningen\n")
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn output(&self) -> PathBuf {
        self.dir.path().join("output")
    }

    /// Writes `text` at `rel` (relative to the site root), creating folders.
    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) -> &Self {
        let path = self.dir.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
        self
    }

    /// Writes a document under `content/` from front matter lines and a body.
    pub fn doc(&self, rel: &str, front: &str, body: &str) -> &Self {
        self.write(
            &format!("content/{rel}"),
            format!("---\n{front}\n---\n{body}"),
        )
    }

    /// Runs `arkiv build` on the site; returns (exit code, stderr).
    pub fn build_cli(&self, extra: &[&str]) -> (i32, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_arkiv"))
            .arg("build")
            .arg(self.root())
            .args(extra)
            .output()
            .expect("run arkiv");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    }

    /// Reads a built file from the output folder.
    pub fn read_output(&self, rel: &str) -> String {
        let path = self.output().join(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }
}

/// Builds with the library and returns the problems as text (empty string when it built).
pub fn build_errors(fixture: &Fixture) -> String {
    let options = arkiv::pipeline::BuildOptions {
        site_root: fixture.root().to_path_buf(),
        output: None,
        drafts: false,
    };
    match arkiv::pipeline::build(&options) {
        Ok(_) => String::new(),
        Err(d) => d.to_string(),
    }
}

/// A small, valid PDF written by hand (so the reader is tested against bytes it did not
/// write): one page per entry of `pages`, Helvetica text, optional Title metadata.
pub fn make_pdf(title: Option<&str>, pages: &[&str]) -> Vec<u8> {
    let n = pages.len();
    let mut objects: Vec<String> = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {n} >>",
            (0..n)
                .map(|i| format!("{} 0 R", 4 + 2 * i))
                .collect::<Vec<_>>()
                .join(" ")
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".into(),
    ];
    for (i, text) in pages.iter().enumerate() {
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            5 + 2 * i
        ));
        let stream = format!("BT /F1 12 Tf 72 770 Td ({text}) Tj ET");
        objects.push(format!(
            "<< /Length {} >>\nstream\n{stream}\nendstream",
            stream.len()
        ));
    }
    let info = title.map(|t| {
        objects.push(format!("<< /Title ({t}) /Producer (arkiv tests) >>"));
        objects.len()
    });
    let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    let info = info.map(|k| format!(" /Info {k} 0 R")).unwrap_or_default();
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// Runs the real search.js under Node (`tests/fixtures/search/engine.mjs`) with `args`
/// (`query <site> <q> [sort] [kind]`, `analyse <file>`) and returns its JSON. Node is required,
/// as for the browser tests, so its absence fails.
pub fn search_engine(args: &[&str]) -> serde_json::Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/search/engine.mjs");
    let out = std::process::Command::new("node")
        .arg(script)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run node (install nodejs): {e}"));
    assert!(
        out.status.success(),
        "node {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("bad JSON from node: {e}"))
}
