//! Real web servers from Debian's packages for the tests: Apache, nginx and Caddy, each run in
//! the foreground on 127.0.0.1 and a free port, with its configuration, pid file and logs in a
//! temporary folder, and stopped when its guard is dropped (also when a test fails).
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const APACHE: &str = "/usr/sbin/apache2";
pub const NGINX: &str = "/usr/sbin/nginx";
pub const CADDY: &str = "/usr/bin/caddy";

/// Whether `binary` is installed. When it is not, the test fails if `ARKIV_REQUIRE_SERVERS=1`
/// (as `.ci/run` sets), else says loudly that it is skipped: straight to the terminal, past
/// the test harness's capture, so a skip is never taken for a pass.
pub fn installed(binary: &str, package: &str) -> bool {
    if Path::new(binary).is_file() {
        return true;
    }
    if std::env::var("ARKIV_REQUIRE_SERVERS").as_deref() == Ok("1") {
        panic!("{binary} is missing: apt-get install {package} (ARKIV_REQUIRE_SERVERS=1)");
    }
    let _ = writeln!(
        std::io::stderr(),
        "\n*** SKIPPED: {package} is not installed ({binary}); the members' area was NOT tested \
         on it. apt-get install {package} to run it. ***\n"
    );
    false
}

/// True when the tests run as root: the servers then switch to `www-data`.
pub fn as_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
        .unwrap_or(false)
}

/// A temporary folder the servers' `www-data` can read when the tests run as root (then
/// under /tmp, whose parents everyone may enter); call `open_up` once it is filled.
pub fn temp_dir() -> tempfile::TempDir {
    if as_root() {
        tempfile::tempdir_in("/tmp").expect("temp dir")
    } else {
        tempfile::tempdir().expect("temp dir")
    }
}

/// Makes every folder under `dir` enterable and every file readable by all, for `www-data`.
pub fn open_up(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.expect("walk");
        let mode = if entry.file_type().is_dir() {
            0o755
        } else {
            0o644
        };
        std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(mode))
            .expect("chmod");
    }
}

/// A port on 127.0.0.1 that nothing listens on right now.
pub fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("address").port()
}

/// A server in the foreground, in a process group of its own; stopped when dropped.
pub struct Server {
    pub name: &'static str,
    pub port: u16,
    child: Child,
    /// The server's error log, shown when it fails to start.
    log: PathBuf,
}

impl Server {
    /// Starts `command` and waits until it accepts connections on `port`.
    fn start(name: &'static str, mut command: Command, port: u16, log: PathBuf) -> Server {
        let stderr = std::fs::File::create(log.with_extension("stderr")).expect("stderr file");
        command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(stderr)
            .process_group(0);
        let child = command
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {name}: {e}"));
        let mut server = Server {
            name,
            port,
            child,
            log,
        };
        server.wait_until_ready();
        server
    }

    fn wait_until_ready(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!(
                    "{} stopped at start ({status}):\n{}",
                    self.name,
                    self.logs()
                );
            }
            if Instant::now() > deadline {
                panic!(
                    "{} did not listen on port {} within 30 s:\n{}",
                    self.name,
                    self.port,
                    self.logs()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The server's error log and what it printed.
    pub fn logs(&self) -> String {
        let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
        format!(
            "{}{}",
            read(&self.log),
            read(&self.log.with_extension("stderr"))
        )
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Sends `signal` to the server's process group (the server and the workers it forked).
    fn signal(&self, signal: &str) {
        let _ = Command::new("kill")
            .args([signal, "--", &format!("-{}", self.child.id())])
            .stderr(Stdio::null())
            .status();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.signal("-TERM");
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            // Apache's parent and nginx's master stop their workers before they exit.
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        // Still running: the group's leader is not yet reaped, so its id is still this group's.
        self.signal("-KILL");
        let _ = self.child.wait();
    }
}

/// Apache (Debian's `apache2`) serving `root`, honouring `.htaccess` for authentication as a
/// web hotel does. The configuration is minimal but keeps what every stock Apache
/// configuration has: `.ht*` files are never served.
pub fn apache(dir: &Path, root: &Path) -> Server {
    let port = free_port();
    let modules = "/usr/lib/apache2/modules";
    let load: String = [
        ("mpm_event", "mod_mpm_event"),
        ("authn_file", "mod_authn_file"),
        ("authn_core", "mod_authn_core"),
        ("auth_basic", "mod_auth_basic"),
        ("authz_user", "mod_authz_user"),
        ("authz_core", "mod_authz_core"),
        ("authz_host", "mod_authz_host"),
        ("dir", "mod_dir"),
        ("mime", "mod_mime"),
    ]
    .iter()
    .map(|(name, file)| format!("LoadModule {name}_module {modules}/{file}.so\n"))
    .collect();
    let user = if as_root() {
        "User www-data\nGroup www-data\n"
    } else {
        ""
    };
    let (d, r) = (dir.display(), root.display());
    let config = format!(
        r#"ServerRoot "{d}"
Listen 127.0.0.1:{port}
{load}{user}ServerName 127.0.0.1
PidFile "{d}/apache.pid"
ErrorLog "{d}/apache-error.log"
DefaultRuntimeDir "{d}"
Mutex file:{d}
TypesConfig /etc/mime.types
DocumentRoot "{r}"
DirectoryIndex index.html
<Directory />
    AllowOverride None
    Require all denied
</Directory>
<Directory "{r}">
    AllowOverride AuthConfig
    Require all granted
</Directory>
<Files ".ht*">
    Require all denied
</Files>
"#
    );
    let file = dir.join("apache.conf");
    std::fs::write(&file, config).expect("write apache.conf");
    let mut command = Command::new(APACHE);
    command.arg("-f").arg(&file).arg("-DFOREGROUND");
    Server::start("apache2", command, port, dir.join("apache-error.log"))
}

/// nginx (Debian's `nginx`) with `server_block`, whose `listen` the caller has set to `port`.
pub fn nginx(dir: &Path, port: u16, server_block: &str) -> Server {
    let d = dir.display();
    let user = if as_root() { "user www-data;\n" } else { "" };
    let temp: String = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
        .iter()
        .map(|t| format!("    {t}_temp_path {d}/nginx-{t};\n"))
        .collect();
    let config = format!(
        "{user}daemon off;
worker_processes 1;
pid {d}/nginx.pid;
error_log {d}/nginx-error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log {d}/nginx-access.log;
{temp}{server_block}
}}
"
    );
    let file = dir.join("nginx.conf");
    std::fs::write(&file, config).expect("write nginx.conf");
    let mut command = Command::new(NGINX);
    command
        .arg("-c")
        .arg(&file)
        .arg("-p")
        .arg(dir)
        .arg("-e")
        .arg(dir.join("nginx-error.log"));
    Server::start("nginx", command, port, dir.join("nginx-error.log"))
}

/// Caddy (Debian's `caddy`) with `site_block`, whose address the caller has set to
/// `http://127.0.0.1:port`; no admin endpoint, and its state kept in `dir`.
pub fn caddy(dir: &Path, port: u16, site_block: &str) -> Server {
    let config = format!("{{\n    admin off\n}}\n{site_block}");
    let file = dir.join("Caddyfile");
    std::fs::write(&file, config).expect("write Caddyfile");
    let mut command = Command::new(CADDY);
    command
        .arg("run")
        .arg("--config")
        .arg(&file)
        .arg("--adapter")
        .arg("caddyfile")
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir)
        .env("XDG_DATA_HOME", dir);
    Server::start("caddy", command, port, dir.join("caddy.log"))
}

/// One answer: status and body.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub body: String,
}

/// `Authorization: Basic …` for a name and password.
pub fn basic(name: &str, password: &str) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bytes = format!("{name}:{password}").into_bytes();
    let mut out = String::from("Basic ");
    for chunk in bytes.chunks(3) {
        let n = chunk.len();
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let v = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= n {
                out.push(ALPHABET[((v >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// GET `url` with ureq, redirects not followed, with `auth` (a name and password) if given.
pub fn get(url: &str, auth: Option<(&str, &str)>) -> Reply {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(20)))
        .max_redirects(0)
        .http_status_as_error(false)
        .build()
        .into();
    let mut request = agent.get(url);
    if let Some((name, password)) = auth {
        request = request.header("Authorization", basic(name, password));
    }
    let response = request.call().unwrap_or_else(|e| panic!("GET {url}: {e}"));
    let status = response.status().as_u16();
    let body = response
        .into_body()
        .read_to_string()
        .unwrap_or_else(|e| format!("(unreadable body: {e})"));
    Reply { status, body }
}

/// GET `path` sent byte for byte as written (`..`, `//`, `%2e` and all), which an HTTP
/// client library may tidy up first.
pub fn raw_get(port: u16, path: &str, auth: Option<(&str, &str)>) -> Reply {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .expect("timeout");
    let authorization = auth
        .map(|(n, p)| format!("Authorization: {}\r\n", basic(n, p)))
        .unwrap_or_default();
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{authorization}Connection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).expect("send");
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status = answer
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line for {path}: {answer:?}"));
    let body = answer
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    Reply { status, body }
}
