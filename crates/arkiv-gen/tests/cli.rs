//! The `arkiv-gen` command line.

#[test]
fn a_huge_document_count_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("site");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_arkiv-gen"))
        .args(["--documents", "99999999999"])
        .arg(&target)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("from 0 to 100000"), "{stderr}");
    assert!(!target.exists(), "nothing is written");
}

#[test]
fn a_small_archive_is_written_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("site");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_arkiv-gen"))
        .args(["--documents", "20"])
        .arg(&target)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("wrote 20 documents"), "{stderr}");
    assert!(target.join("site.yaml").is_file());
}
