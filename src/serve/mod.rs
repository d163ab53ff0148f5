//! `arkiv serve`: a live preview while writing. The site is built into memory (the published
//! `output/` is never touched), served on this machine, and rebuilt the moment a file is saved;
//! open tabs reload themselves, and mistakes are shown in the browser as well as here.
//!
//! `affected` decides which pages an edit touches, `incremental` rebuilds and renders only
//! those, `sources` keeps the loaded files and rendered Markdown between edits, `watch` turns
//! file system events into changes, `state` holds what is served, `http` serves it, and
//! `overlay` adds the reload script and the error overlay to each page as it is sent.

pub mod affected;
pub mod http;
pub mod in_place;
pub mod incremental;
pub mod model_files;
pub mod overlay;
pub mod sources;
pub mod state;
pub mod watch;

use crate::core::diagnostics::Diagnostic;
use crate::core::messages::msg;
use incremental::{Change, SiteBuilder};
use state::Shared;
use std::io::ErrorKind;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

/// What the user asked for on the command line.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub site_root: PathBuf,
    /// 0 picks any free port (the tests use this; the address is printed).
    pub port: u16,
    /// 127.0.0.1 unless the user explicitly chose to listen elsewhere.
    pub bind: IpAddr,
    pub open: bool,
    pub drafts: bool,
    /// Print the time each step of a rebuild took.
    pub timings: bool,
    /// Print only problems, not what each rebuild did.
    pub quiet: bool,
    /// The language of the lines printed here.
    pub messages: crate::core::messages::Messages,
}

/// The port `arkiv serve` uses unless told otherwise.
pub const DEFAULT_PORT: u16 = 1111;

/// Binds the address, turning "port in use" and "not allowed" into a message with a way out.
pub fn bind(bind: IpAddr, port: u16) -> Result<TcpListener, Diagnostic> {
    let addr = SocketAddr::new(bind, port);
    TcpListener::bind(addr).map_err(|e| {
        let next = port.checked_add(1).unwrap_or(DEFAULT_PORT);
        let args: &[(&str, &dyn std::fmt::Display)] = &[
            ("port", &port),
            ("bind", &bind),
            ("next", &next),
            ("default", &DEFAULT_PORT),
        ];
        match e.kind() {
            ErrorKind::AddrInUse => Diagnostic::error(None, msg("serve.port_in_use", args))
                .hint(msg("serve.port_in_use.hint", args)),
            ErrorKind::PermissionDenied => Diagnostic::error(None, msg("serve.port_denied", args))
                .hint(msg("serve.port_denied.hint", args)),
            ErrorKind::AddrNotAvailable => Diagnostic::error(None, msg("serve.no_address", args))
                .hint(msg("serve.no_address.hint", args)),
            _ => Diagnostic::error(
                None,
                msg("serve.cannot_listen", &[("addr", &addr), ("error", &e)]),
            ),
        }
    })
}

/// Builds, serves and rebuilds until the process is stopped (Ctrl-C). Returns only on a problem
/// that stops serving altogether (the port, the watcher); site errors are shown, not returned.
pub fn serve(options: &ServeOptions) -> Result<(), Diagnostic> {
    let listener = bind(options.bind, options.port)?;
    let addr = listener
        .local_addr()
        .map_err(|e| Diagnostic::error(None, msg("serve.no_local_address", &[("error", &e)])))?;
    let mut watcher = watch::SiteWatcher::start(&options.site_root)?;
    let shared = Arc::new(Shared::default());
    let mut builder = SiteBuilder::new(&options.site_root, options.drafts);
    let indexer = model_files::start(Arc::clone(&shared));
    let everything = [Change::Everything];
    if rebuild(
        &mut builder,
        &shared,
        &everything,
        options.messages.get("serve.what.site"),
        options.timings,
        options.quiet,
        options.messages,
    ) {
        if let Some(archive) = builder.published_archive() {
            let _ = indexer.send(archive);
        }
    }

    let host = match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => "127.0.0.1".to_string(),
        IpAddr::V6(ip) if ip.is_unspecified() => "[::1]".to_string(),
        IpAddr::V6(ip) => format!("[{ip}]"),
        ip => ip.to_string(),
    };
    let url = format!("http://{host}:{}/", addr.port());
    let server_shared = Arc::clone(&shared);
    std::thread::Builder::new()
        .name("arkiv-serve-http".into())
        .spawn(move || http::run(listener, server_shared))
        .map_err(|e| Diagnostic::error(None, msg("serve.cannot_start", &[("error", &e)])))?;
    let say = options.messages;
    let site = std::path::absolute(&options.site_root).unwrap_or(options.site_root.clone());
    eprintln!(
        "{}",
        say.fill("serve.where", &[("dir", &site.display()), ("url", &url)])
    );
    if !options.bind.is_loopback() {
        eprintln!(
            "{}: {}",
            say.get("label.note"),
            say.fill("serve.listening_everywhere", &[("bind", &options.bind)])
        );
    }
    if options.open {
        open_browser(&url, say);
    }
    let mut index_pending = false;
    loop {
        // Work put off so an edited page is served sooner is done once saves pause.
        let pending = builder.has_deferred() || index_pending;
        let changes = match watcher.changes_within(pending.then_some(AFTER_WORK_PAUSE)) {
            watch::Waited::Changes(changes) => changes,
            watch::Waited::Quiet => {
                if builder.has_deferred() {
                    publish_deferred(&mut builder, &shared, options.timings, options.messages);
                }
                // The deferred work waits for an index still being made from the model it
                // changes; it is tried again, and the model indexed, after it is done.
                if builder.has_deferred() {
                    continue;
                }
                if let Some(archive) = builder.published_archive() {
                    let _ = indexer.send(archive);
                }
                index_pending = false;
                continue;
            }
            watch::Waited::Stopped => break,
        };
        let what = describe(&options.site_root, &changes, options.messages);
        index_pending |= rebuild(
            &mut builder,
            &shared,
            &changes,
            &what,
            options.timings,
            options.quiet,
            options.messages,
        );
    }
    Err(Diagnostic::error(None, msg("serve.watcher_stopped", &[]))
        .hint(msg("serve.watcher_stopped.hint", &[])))
}

/// How long saves must pause before site-wide pages and the search index are brought up to date.
const AFTER_WORK_PAUSE: std::time::Duration = std::time::Duration::from_millis(40);

/// Renders and publishes the site-wide pages an edit put off.
fn publish_deferred(
    builder: &mut SiteBuilder,
    shared: &Shared,
    timings: bool,
    say: crate::core::messages::Messages,
) {
    let started = Instant::now();
    match builder.render_deferred() {
        Ok(update) => {
            let pages = update.pages_rendered;
            shared.publish(update);
            if let Some(n) = builder.unchecked_links() {
                shared.set_unchecked_links(n);
            }
            if timings {
                let ms = format!("{:.0}", started.elapsed().as_secs_f64() * 1000.0);
                eprintln!("{}", say.count("serve.deferred", pages, &[("ms", &ms)]));
            }
        }
        Err(problems) => {
            for p in &problems.items {
                eprintln!("{}", p.localized(say.language));
            }
            shared.fail(problems.errors().cloned().collect());
        }
    }
}

/// Rebuilds and publishes, reporting in the terminal either what was updated or the problems.
/// Returns whether a new model was published.
fn rebuild(
    builder: &mut SiteBuilder,
    shared: &Shared,
    changes: &[Change],
    what: &str,
    timings: bool,
    quiet: bool,
    say: crate::core::messages::Messages,
) -> bool {
    let started = Instant::now();
    match builder.rebuild(changes) {
        Ok(update) => {
            for w in &update.warnings.items {
                eprintln!("{}", w.localized(say.language));
            }
            let pages = update.pages_rendered;
            let full = update.full;
            let steps = update.timings.clone();
            shared.publish(update);
            // Said in the terminal when the number changes, on the link index while it lasts.
            // After an edit whose link model comes later (`publish_deferred`), it is kept.
            let unchecked = builder.unchecked_links();
            let changed = unchecked.is_some_and(|n| shared.set_unchecked_links(n));
            let unchecked = unchecked.unwrap_or(0);
            if quiet {
                return true;
            }
            let ms = format!("{:.0}", started.elapsed().as_secs_f64() * 1000.0);
            let key = if full { "serve.built" } else { "serve.updated" };
            eprintln!("{}", say.count(key, pages, &[("what", &what), ("ms", &ms)]));
            if timings {
                for (step, took) in &steps.stages {
                    eprintln!(
                        "  {:<12} {:>8.1} ms",
                        say.stage(step),
                        took.as_secs_f64() * 1000.0
                    );
                }
            }
            if changed && unchecked > 0 {
                eprintln!(
                    "{}: {}",
                    say.get("label.note"),
                    say.count("links.unchecked", unchecked, &[])
                );
            }
            true
        }
        Err(problems) => {
            for p in &problems.items {
                eprintln!("{}", p.localized(say.language));
            }
            let errors: Vec<Diagnostic> = problems.errors().cloned().collect();
            let n = errors.len();
            shared.fail(errors);
            eprintln!("{}", say.count("serve.failed", n, &[("what", &what)]));
            false
        }
    }
}

/// A short description of a batch of changes for the terminal ("content/2025/a.md").
fn describe(
    site_root: &std::path::Path,
    changes: &[Change],
    say: crate::core::messages::Messages,
) -> String {
    if changes.contains(&Change::Everything) {
        return say.get("serve.what.settings").into();
    }
    let content = PathBuf::from(crate::load::content::CONTENT_DIR);
    let names: Vec<String> = changes
        .iter()
        .filter_map(|c| match c {
            Change::Content(p) => Some(content.join(p)),
            Change::Everything => None,
        })
        // Editors' and tools' temporary files are gone by now; name what the user saved.
        .filter(|p| p.extension().is_some_and(|e| e == "md") || site_root.join(p).exists())
        .map(|p| crate::core::diagnostics::display_path(&p))
        .collect();
    match names.as_slice() {
        [one] => one.clone(),
        [first, rest @ ..] => say.fill("serve.what.more", &[("first", first), ("n", &rest.len())]),
        [] => say.get("serve.what.site").into(),
    }
}

/// Opens the preview in the default browser; failing to is only a note, the URL is printed.
fn open_browser(url: &str, say: crate::core::messages::Messages) {
    let command = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    if let Err(e) = std::process::Command::new(command.0)
        .args(&command.1)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        let reason: &dyn std::fmt::Display = &e;
        eprintln!(
            "{}: {}",
            say.get("label.note"),
            say.fill("serve.open_failed", &[("reason", reason), ("url", &url)])
        );
    } else {
        eprintln!("{}", say.get("serve.opened"));
    }
}
