//! Tests of `pipeline`: what a build does when its text store fails, and that it uses one.

use super::*;

/// A Danish site with one document, `content/2025/a.md`, of `front` (after title, kind and
/// date) and `body`; and the options that build it into its `output/`.
fn site(front: &str, body: &str) -> (tempfile::TempDir, BuildOptions) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("site.yaml"), "title: Foreningen\nlanguage: da\n").unwrap();
    std::fs::create_dir_all(root.join("content/2025")).unwrap();
    write_doc(root, front, body);
    let options = BuildOptions {
        site_root: root.to_path_buf(),
        output: Some(root.join("output")),
        drafts: false,
    };
    (dir, options)
}

fn write_doc(root: &Path, front: &str, body: &str) {
    let doc = format!("---\ntitle: A\nkind: newsletter\ndate: 2025-03-01\n{front}---\n\n{body}");
    std::fs::write(root.join("content/2025/a.md"), doc).unwrap();
}

#[test]
fn texts_that_cannot_be_read_back_fail_the_build_and_keep_the_published_site() {
    let (dir, options) = site("", "## Lægevagten\n\nTekst om lægevagten.\n");
    build(&options).unwrap();
    let page = dir.path().join("output/2025/a/index.html");
    let published = std::fs::read(&page).unwrap();

    write_doc(dir.path(), "", "## Lægevagten\n\nNy tekst om lægevagten.\n");
    let failed = build_with(&options, TextStore::unreadable).unwrap_err();
    let text = format!("{failed:?}");
    assert!(text.contains("midlertidige fil"), "{text}");
    assert_eq!(std::fs::read(&page).unwrap(), published);
}

#[test]
fn texts_lost_before_the_index_are_named_beside_the_errors_that_stop_the_build() {
    // A names a meeting there is none of: an error of the model stage, which stops the
    // build before the index, after every body has been read back (and lost).
    let (dir, options) = site("meeting: ukendt-moede\n", "Tekst.\n");
    let failed = build_with(&options, TextStore::unreadable).unwrap_err();
    let first = failed.items.first().map(|d| d.message.clone());
    assert!(
        first.is_some_and(|m| m.contains("temporary file")),
        "{failed:?}"
    );
    assert!(
        failed.items.len() > 1,
        "the meeting error is gone: {failed:?}"
    );
    assert!(!dir.path().join("output").exists());
}

#[test]
fn a_build_puts_its_texts_in_the_store() {
    let (_dir, options) = site("", "## Lægevagten\n\nTekst.\n");
    let kept = std::sync::Mutex::new(None);
    build_with(&options, |dir| {
        let store = TextStore::in_dir(dir);
        if let Ok(mut k) = kept.lock() {
            *k = Some(store.clone());
        }
        store
    })
    .unwrap();
    let store = kept.into_inner().unwrap().unwrap();
    assert!(store.spills());
    // Markdown, HTML and section text of the one document went to the file.
    assert!(store.written() > 50, "{} bytes", store.written());
}
