//! The members' area behind real web servers from Debian's packages: Apache with the
//! `.htaccess` of the build, nginx and Caddy with the snippets of the README (read from it, so
//! the documented snippet is the tested one), each on 127.0.0.1, with a password file written
//! by `arkiv members add`. Over HTTP: public pages are open; the members' pages, search index
//! and attachments ask for a password, refuse a wrong one and a removed member, and open for
//! the right one; and no other way of naming a members' file gets it without the password.
//!
//! A missing server fails the test when `ARKIV_REQUIRE_SERVERS=1` (as `.ci/run` sets), and is
//! otherwise reported as SKIPPED on the terminal.

mod server_support;

use server_support::{get, raw_get, Reply, Server, APACHE, CADDY, NGINX};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const PASSWORD: &str = "kaffe og kage i pausen";
/// A word in every members' file and in no public one.
const SECRET: &str = "MEDLEMSHEMMELIGHED";
/// A word in every public page.
const PUBLIC_WORD: &str = "OFFENTLIGT";

/// Pages, a search index file and an attachment of the members' area.
const PROTECTED: &[&str] = &[
    "/members/",
    "/members/index.html",
    "/members/2025/regnskab/",
    "/members/search/index/d/0.js",
    "/members/2025/regnskab.pdf",
];

const PUBLIC: &[&str] = &["/", "/2025/beretning/", "/search/index/d/0.js"];

/// Other ways to name the members' files, sent byte for byte; none may give one without the
/// password. `/members` may redirect to `/members/`.
const SIDE_DOORS: &[&str] = &[
    "/members",
    "/MEMBERS/",
    "/Members/index.html",
    "/members//index.html",
    "//members/index.html",
    "/members/./index.html",
    "/./members/index.html",
    "/members/../members/index.html",
    "/2025/../members/index.html",
    "/members/%2e%2e/members/index.html",
    "/%6dembers/index.html",
    "/%6D%65mbers/2025/regnskab.pdf",
    "/members%2findex.html",
    "/members/2025/regnskab.pdf?download=1",
    "/members/2025/REGNSKAB.PDF",
    "/members/2025/regnskab.pdf/",
    "/members/search/index/d/0.js%00",
    "/members/.htaccess",
    "/members/%2ehtaccess",
    "/members/.HTACCESS",
];

/// Where the password file could be if it were published; it must not be.
const PASSWORD_FILE_DOORS: &[&str] = &[
    "/members.htpasswd",
    "/members/members.htpasswd",
    "/../members.htpasswd",
    "/%2e%2e/members.htpasswd",
];

/// A site folder in a temporary folder that the servers' user can read.
struct Prepared {
    _dir: tempfile::TempDir,
    dir: PathBuf,
    output: PathBuf,
    htpasswd: PathBuf,
}

fn arkiv_members(site: &Path, args: &[&str], stdin: &str) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_arkiv"))
        .current_dir(site)
        .arg("members")
        .args(args)
        .env_remove("ARKIV_LANG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run arkiv");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write password");
    let out = child.wait_with_output().expect("wait for arkiv");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code().unwrap_or(-1), stderr)
}

/// A site whose `site.yaml` turns the members' area on, two members added with
/// `arkiv members add` and one of them removed again, and its built output.
fn prepare() -> Prepared {
    let dir = server_support::temp_dir();
    let site = dir.path().join("forening");
    std::fs::create_dir_all(&site).expect("site folder");
    let htpasswd = site.join("members.htpasswd");
    std::fs::write(
        site.join("site.yaml"),
        format!(
            "title: Testforeningen\nmembers:\n  htpasswd: {}\n",
            htpasswd.display()
        ),
    )
    .expect("site.yaml");
    for (name, password) in [("anna", PASSWORD), ("bo", "bos kodeord")] {
        let (code, stderr) = arkiv_members(&site, &["add", name], &format!("{password}\n"));
        assert_eq!(code, 0, "arkiv members add {name}: {stderr}");
    }
    let (code, stderr) = arkiv_members(&site, &["remove", "bo"], "");
    assert_eq!(code, 0, "arkiv members remove bo: {stderr}");
    let output = build_output(&site);
    assert!(
        !htpasswd.starts_with(&output),
        "the password file must not be under the web root"
    );
    server_support::open_up(dir.path());
    Prepared {
        dir: dir.path().to_path_buf(),
        _dir: dir,
        output,
        htpasswd,
    }
}

/// The output folder of `arkiv build` of `site`: a public report, and a members-only account
/// with an attachment, each holding its marker word. The build writes the public site at the
/// root and the members' area under `members/` with the `.htaccess` that points at the
/// `members: htpasswd:` of site.yaml.
fn build_output(site: &Path) -> PathBuf {
    let write = |rel: &str, text: &[u8]| {
        let path = site.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    };
    write(
        "content/2025/beretning.md",
        format!("---\ntitle: Beretning\ndate: 2025-03-01\nkind: chairman-report\nsummary: {PUBLIC_WORD} beretning\n---\nÅret der gik, {PUBLIC_WORD}.\n").as_bytes(),
    );
    write(
        "content/2025/regnskab.md",
        format!("---\ntitle: Regnskab\ndate: 2025-04-01\nkind: accounts\naccess: members\nsummary: {SECRET} regnskab\nattachments:\n  - regnskab.pdf\n---\nTallene, {SECRET}.\n").as_bytes(),
    );
    write(
        "content/2025/regnskab.pdf",
        format!("%PDF-1.4\n% {SECRET}\n%%EOF\n").as_bytes(),
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_arkiv"))
        .arg("build")
        .arg(site)
        .output()
        .expect("run arkiv build");
    assert!(
        out.status.success(),
        "arkiv build: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let output = site.join("output");
    assert!(output.join("members/.htaccess").is_file());
    output
}

/// The fenced code block between `<!-- arkiv-test: NAME -->` and `<!-- /arkiv-test: NAME -->`
/// in README.md.
fn readme_snippet(name: &str) -> String {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let start = format!("<!-- arkiv-test: {name} -->");
    let end = format!("<!-- /arkiv-test: {name} -->");
    let from = readme
        .find(&start)
        .unwrap_or_else(|| panic!("README has no {start}"))
        + start.len();
    let to = readme[from..]
        .find(&end)
        .unwrap_or_else(|| panic!("README has no {end}"))
        + from;
    let block = &readme[from..to];
    let code = block
        .split_once("```")
        .and_then(|(_, rest)| rest.split_once('\n'))
        .and_then(|(_, rest)| rest.rsplit_once("```"))
        .unwrap_or_else(|| panic!("README's {name} snippet is no fenced code block"));
    code.0.to_string()
}

/// `text` with `from` replaced; the README's snippet must still have `from`.
fn put(text: &str, from: &str, to: &str) -> String {
    assert!(
        text.contains(from),
        "the README's snippet no longer has {from:?}:\n{text}"
    );
    text.replace(from, to)
}

fn expect(reply: &Reply, wanted: u16, what: &str, server: &Server) {
    assert_eq!(
        reply.status,
        wanted,
        "{}: {what}: {:?}\n{}",
        server.name,
        reply.body,
        server.logs()
    );
}

/// Everything a server must do for the members' area.
fn check_server(server: &Server, p: &Prepared) {
    for path in PUBLIC {
        let reply = get(&server.url(path), None);
        expect(&reply, 200, &format!("public {path}"), server);
        assert!(reply.body.contains(PUBLIC_WORD), "{path}: {}", reply.body);
    }
    for path in PROTECTED {
        let url = server.url(path);
        for (who, auth) in [
            ("no password", None),
            ("a wrong password", Some(("anna", "kaffe og kage"))),
            ("a removed member", Some(("bo", "bos kodeord"))),
            ("an unknown name", Some(("carl", PASSWORD))),
        ] {
            let reply = get(&url, auth);
            expect(&reply, 401, &format!("{path} with {who}"), server);
            assert!(!reply.body.contains(SECRET), "{path} with {who}");
        }
        let reply = get(&url, Some(("anna", PASSWORD)));
        expect(&reply, 200, &format!("{path} with anna's password"), server);
        assert!(reply.body.contains(SECRET), "{path}: {}", reply.body);
    }
    for path in SIDE_DOORS {
        for (who, auth) in [
            ("no password", None),
            ("a wrong password", Some(("anna", "x"))),
        ] {
            let reply = raw_get(server.port, path, auth);
            assert!(
                !(200..300).contains(&reply.status) && !reply.body.contains(SECRET),
                "{}: {path} with {who} gave {}: {:?}",
                server.name,
                reply.status,
                reply.body
            );
            assert!(!reply.body.contains("AuthUserFile"), "{path}");
        }
        if path.to_ascii_lowercase().contains("htaccess") {
            let reply = raw_get(server.port, path, Some(("anna", PASSWORD)));
            assert!(
                reply.status >= 400 && !reply.body.contains("AuthUserFile"),
                "{}: {path} is served to a member: {} {:?}",
                server.name,
                reply.status,
                reply.body
            );
        }
    }
    let hash = std::fs::read_to_string(&p.htpasswd).expect("htpasswd");
    let hash = hash
        .lines()
        .next()
        .expect("a line")
        .split_once(':')
        .expect(":")
        .1;
    for path in PASSWORD_FILE_DOORS {
        for auth in [None, Some(("anna", PASSWORD))] {
            let reply = raw_get(server.port, path, auth);
            assert!(
                reply.status >= 400 && !reply.body.contains(hash),
                "{}: {path} gave {}",
                server.name,
                reply.status
            );
        }
    }
}

#[test]
fn the_password_file_is_bcrypt_2y_and_outside_the_output() {
    let p = prepare();
    let text = std::fs::read_to_string(&p.htpasswd).expect("htpasswd");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "bo was removed: {text}");
    let (name, hash) = lines[0].split_once(':').expect("name:hash");
    assert_eq!(name, "anna");
    assert!(hash.starts_with("$2y$10$"), "{hash}");
    assert!(bcrypt::verify(PASSWORD, hash).expect("a bcrypt hash"));
    for entry in walkdir::WalkDir::new(&p.output) {
        let entry = entry.expect("walk");
        if entry.file_type().is_file() {
            let bytes = std::fs::read(entry.path()).expect("read");
            assert!(
                !String::from_utf8_lossy(&bytes).contains(hash),
                "{} holds the hash",
                entry.path().display()
            );
        }
    }
}

#[test]
fn apache_asks_members_for_the_password_from_the_htaccess() {
    if !server_support::installed(APACHE, "apache2") {
        return;
    }
    let p = prepare();
    let htaccess = std::fs::read_to_string(p.output.join("members/.htaccess")).expect("htaccess");
    assert!(htaccess.contains(&format!("AuthUserFile \"{}\"", p.htpasswd.display())));
    let server = server_support::apache(&p.dir, &p.output);
    check_server(&server, &p);
}

#[test]
fn nginx_with_the_readme_snippet_asks_members_for_the_password() {
    if !server_support::installed(NGINX, "nginx") {
        return;
    }
    let p = prepare();
    let port = server_support::free_port();
    let snippet = readme_snippet("nginx");
    let block = put(&snippet, "listen 80;", &format!("listen 127.0.0.1:{port};"));
    let block = put(&block, "/var/www/forening", &p.output.display().to_string());
    let block = put(
        &block,
        "/srv/forening/members.htpasswd",
        &p.htpasswd.display().to_string(),
    );
    // A regex location such as a site may have for PDFs and scripts: the snippet's `^~`
    // must keep it from serving members' files without the password.
    let end = block.rfind('}').expect("the server block's end");
    let block = format!(
        "{}    location ~ \\.(pdf|js)$ {{ add_header X-Test regex; }}\n{}",
        &block[..end],
        &block[end..]
    );
    let server = server_support::nginx(&p.dir, port, &block);
    check_server(&server, &p);
}

#[test]
fn caddy_with_the_readme_snippet_asks_members_for_the_password() {
    if !server_support::installed(CADDY, "caddy") {
        return;
    }
    let p = prepare();
    let port = server_support::free_port();
    let snippet = readme_snippet("caddy");
    // Caddy listens on every interface unless told: here on loopback only.
    let address = format!("http://127.0.0.1:{port} {{\n    bind 127.0.0.1");
    let block = put(&snippet, "forening.dk {", &address);
    let block = put(&block, "/var/www/forening", &p.output.display().to_string());
    let members: String = std::fs::read_to_string(&p.htpasswd)
        .expect("htpasswd")
        .lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(name, hash)| format!("        {name} {hash}\n"))
        .collect();
    let block = put(&block, "        anna $2y$10$...\n", &members);
    let server = server_support::caddy(&p.dir, port, &block);
    check_server(&server, &p);
}
