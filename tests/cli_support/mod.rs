//! Running the real binary as a new user would, with a clean language environment; shared by
//! tests/scaffold.rs, tests/cli.rs and tests/members_command.rs.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs arkiv in `cwd` with a clean language environment plus `env`.
pub fn arkiv_env(cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_arkiv"));
    command.current_dir(cwd).args(args);
    for name in ["ARKIV_LANG", "LANG", "LC_ALL", "LC_MESSAGES"] {
        command.env_remove(name);
    }
    command.envs(env.iter().copied());
    let out = command.output().expect("run arkiv");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).to_string(),
        stderr: String::from_utf8_lossy(&out.stderr).to_string(),
    }
}

/// Runs arkiv in `cwd` with a clean language environment and `input` on its standard input
/// (a pipe, as a script gives it).
pub fn arkiv_stdin(cwd: &Path, args: &[&str], input: &str) -> Run {
    use std::io::Write;
    use std::process::Stdio;
    let mut command = Command::new(env!("CARGO_BIN_EXE_arkiv"));
    command.current_dir(cwd).args(args);
    for name in ["ARKIV_LANG", "LANG", "LC_ALL", "LC_MESSAGES"] {
        command.env_remove(name);
    }
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run arkiv");
    let mut stdin = child.stdin.take().expect("stdin");
    // arkiv may stop before it reads (a refused name): a closed pipe is no failure here.
    let _ = stdin.write_all(input.as_bytes());
    drop(stdin);
    let out = child.wait_with_output().expect("wait for arkiv");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).to_string(),
        stderr: String::from_utf8_lossy(&out.stderr).to_string(),
    }
}

pub fn arkiv(cwd: &Path, args: &[&str]) -> Run {
    arkiv_env(cwd, args, &[])
}

pub fn this_year() -> i32 {
    arkiv::core::calendar::today().year
}

/// A new site made with `arkiv init` in `language`, inside a fresh temporary folder.
pub fn new_site(language: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let run = arkiv(dir.path(), &["init", "site", "--language", language]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let site = dir.path().join("site");
    (dir, site)
}

pub fn build(site: &Path) -> Run {
    let run = arkiv(site, &["build"]);
    assert_eq!(run.code, 0, "the site did not build:\n{}", run.stderr);
    run
}
