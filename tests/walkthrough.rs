//! The written instructions work as written: every `arkiv new` in the `LÆS MIG.md` /
//! `README.md` that `arkiv init` writes, and the README's quick start, run in order on a new
//! site that then builds.

mod cli_support;
use cli_support::{arkiv, build, new_site};

/// The words of a command line as a shell splits them (double quotes only, which is all the
/// notes use).
fn shell_words(line: &str) -> Vec<String> {
    let mut words = vec![];
    let mut word = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any || !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
                any = false;
            }
            c => word.push(c),
        }
    }
    if any || !word.is_empty() {
        words.push(word);
    }
    words
}

/// Every `arkiv new` in `text`, run in `site` in order: each must work as written.
fn run_every_new_in(text: &str, site: &std::path::Path) -> usize {
    let mut count = 0;
    for line in text.lines().map(str::trim) {
        if let Some(rest) = line.strip_prefix("arkiv new ") {
            let mut args = vec!["new".to_string()];
            args.extend(shell_words(rest));
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let run = arkiv(site, &args);
            assert_eq!(run.code, 0, "{line}: {}", run.stderr);
            count += 1;
        }
    }
    count
}

#[test]
fn every_command_in_the_sites_own_notes_works_as_written() {
    for (language, note) in [("da", "LÆS MIG.md"), ("en", "README.md")] {
        let (_dir, site) = new_site(language);
        let text = std::fs::read_to_string(site.join(note)).unwrap();
        assert!(run_every_new_in(&text, &site) >= 7, "{note}");
        build(&site);
    }
}

#[test]
fn the_quick_start_of_the_readme_works_as_written() {
    let readme = include_str!("../README.md");
    let start = readme.find("## Quick start").expect("a quick start");
    let end = start
        + readme[start..]
            .find("\n## Commands")
            .expect("then the commands");
    let quick_start = &readme[start..end];
    let init = quick_start
        .lines()
        .map(str::trim)
        .find_map(|l| l.strip_prefix("arkiv init "))
        .expect("an arkiv init line");
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["init".to_string()];
    args.extend(shell_words(init));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = arkiv(dir.path(), &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let site = dir.path().join(args[1]);
    assert!(run_every_new_in(quick_start, &site) >= 3);
    build(&site);
    assert_eq!(shell_words(r#"a "b c" "" d"#), ["a", "b c", "", "d"]);
}
