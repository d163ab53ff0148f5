//! Tests of `pipeline`: what a build does when its text store fails, and that it uses one.

use super::*;

#[test]
fn texts_that_cannot_be_read_back_fail_the_build_and_keep_the_published_site() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("site.yaml"), "title: Foreningen\nlanguage: da\n").unwrap();
    std::fs::create_dir_all(root.join("content/2025")).unwrap();
    let doc = "---\ntitle: Beretning\nkind: chairman-report\ndate: 2025-03-01\n---\n\n## Lægevagten\n\nTekst om lægevagten.\n";
    std::fs::write(root.join("content/2025/beretning.md"), doc).unwrap();
    let options = BuildOptions {
        site_root: root.to_path_buf(),
        output: Some(root.join("output")),
        drafts: false,
    };
    build(&options).unwrap();
    let page = root.join("output/2025/beretning/index.html");
    let published = std::fs::read(&page).unwrap();

    std::fs::write(
        root.join("content/2025/beretning.md"),
        doc.replace("Tekst", "Ny tekst"),
    )
    .unwrap();
    let failed = build_with(&options, TextStore::unreadable).unwrap_err();
    let text = format!("{failed:?}");
    assert!(text.contains("midlertidige fil"), "{text}");
    assert_eq!(std::fs::read(&page).unwrap(), published);
}

#[test]
fn texts_lost_before_the_index_are_named_beside_the_errors_that_stop_the_build() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("site.yaml"), "title: Foreningen\nlanguage: da\n").unwrap();
    std::fs::create_dir_all(root.join("content/2025")).unwrap();
    // A names a meeting there is none of: an error of the model stage, which stops the
    // build before the index, after every body has been read back (and lost).
    let a =
        "---\ntitle: A\nkind: newsletter\ndate: 2025-03-01\nmeeting: ukendt-moede\n---\n\nTekst.\n";
    std::fs::write(root.join("content/2025/a.md"), a).unwrap();
    let options = BuildOptions {
        site_root: root.to_path_buf(),
        output: Some(root.join("output")),
        drafts: false,
    };
    let failed = build_with(&options, TextStore::unreadable).unwrap_err();
    let first = failed
        .items
        .first()
        .map(|d| d.message.clone())
        .unwrap_or_default();
    assert!(first.contains("temporary file"), "{failed:?}");
    assert!(
        failed.items.len() > 1,
        "the meeting error is gone: {failed:?}"
    );
    assert!(!root.join("output").exists());
}

#[test]
fn a_build_puts_its_texts_in_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("site.yaml"), "title: Foreningen\n").unwrap();
    std::fs::create_dir_all(root.join("content/2025")).unwrap();
    let doc = "---\ntitle: A\nkind: newsletter\ndate: 2025-03-01\n---\n\n## Lægevagten\n\nTekst.\n";
    std::fs::write(root.join("content/2025/a.md"), doc).unwrap();
    let options = BuildOptions {
        site_root: root.to_path_buf(),
        output: Some(root.join("output")),
        drafts: false,
    };
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
