//! What serve adds to every HTML page it sends: the live-reload script, and while the site has
//! errors, an overlay naming file, line, problem and fix, so the secretary sees the mistake
//! where they are looking (the browser) and not only in a terminal they may not read. On the
//! link index it adds a note of what only the secretary can do (run `arkiv check`), which the
//! public page leaves out. Added at send time, never in the templates, so a built site never
//! carries any of it.

use crate::core::diagnostics::Diagnostic;
use crate::core::i18n;
use crate::core::i18n::Language;

/// The element id of the overlay, which the tests and the script look for.
pub const OVERLAY_ID: &str = "arkiv-error-overlay";

/// The element id of the secretary's note on the link index.
pub const NOTICE_ID: &str = "arkiv-serve-notice";

/// The path tabs listen on for changes (Server-Sent Events).
pub const EVENTS_PATH: &str = "/__arkiv/events";

/// Reloads the tab when a page it shows changed (or the error state did), keeping the scroll
/// position across the reload. `__VERSION__` and `__ERROR__` are filled in per response.
const SCRIPT: &str = r#"<script>
(function () {
  var version = __VERSION__, hadError = __ERROR__;
  var key = "arkiv-serve-scroll:" + location.pathname;
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    var y = parseInt(saved, 10) || 0;
    var restore = function () { window.scrollTo(0, y); };
    restore();
    window.addEventListener("load", restore);
  }
  var here = decodeURIComponent(location.pathname).replace(/^\/+/, "");
  if (here === "" || here.slice(-1) === "/") here += "index.html";
  var events = null, latest = version;
  var handle = function (change) {
    latest = Math.max(latest, change.version);
    if (change.version <= version) return;
    var missed = change.version > version + 1;
    version = change.version;
    var mine = missed || change.paths === null || change.paths.indexOf(here) !== -1;
    if (mine || change.error !== hadError) {
      sessionStorage.setItem(key, String(window.scrollY));
      if (events) events.close();
      location.reload();
    }
  };
  var listen = function (send) {
    events = new EventSource("__EVENTS__?since=" + latest);
    events.onmessage = function (message) {
      send(message.data);
      handle(JSON.parse(message.data));
    };
  };
  // A browser keeps six connections per host, so one event stream per tab would leave a
  // seventh tab unable to load: the tab holding the lock listens, and tells the others.
  if (window.BroadcastChannel && navigator.locks) {
    var channel = new BroadcastChannel("arkiv-serve-reload");
    channel.onmessage = function (message) { handle(JSON.parse(message.data)); };
    navigator.locks.request("arkiv-serve-reload", function () {
      listen(function (data) { channel.postMessage(data); });
      return new Promise(function () {});
    });
  } else {
    listen(function () {});
  }
})();
</script>"#;

/// The overlay listing `errors`: each as the terminal shows it (`Diagnostic`'s Display), escaped.
pub fn overlay_html(errors: &[Diagnostic], language: Language) -> String {
    let t = |key| i18n::text(language, key);
    let mut items = String::new();
    for e in errors {
        items.push_str(&format!(
            "<li><p style=\"margin:0 0 .25rem;font-weight:700\">{}</p><pre style=\"margin:0;white-space:pre-wrap;font:inherit\">{}</pre></li>",
            crate::core::escape::html(&e.location()),
            crate::core::escape::html(&e.localized(language))
        ));
    }
    format!(
        "<div id=\"{OVERLAY_ID}\" role=\"alertdialog\" aria-modal=\"false\" aria-labelledby=\"{OVERLAY_ID}-title\" \
style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.72);padding:1rem;font:16px/1.5 system-ui,sans-serif;color:#1a1a1a\">\
<div style=\"max-width:52rem;margin:2rem auto;background:#fff;border-top:6px solid #b00020;border-radius:6px;padding:1.25rem 1.5rem;box-shadow:0 8px 30px rgba(0,0,0,.4)\">\
<h2 id=\"{OVERLAY_ID}-title\" style=\"margin:0 0 .5rem;font-size:1.3rem;color:#b00020\">{title}</h2>\
<p style=\"margin:0 0 1rem\">{note}</p>\
<ol style=\"margin:0 0 1rem;padding-left:1.25rem;font-family:ui-monospace,Consolas,monospace;font-size:14px\">{items}</ol>\
<button type=\"button\" onclick=\"this.closest('#{OVERLAY_ID}').remove()\" style=\"font:inherit;padding:.4rem 1rem;border:1px solid #555;border-radius:4px;background:#f3f3f3;cursor:pointer\">{hide}</button>\
</div></div>",
        title = crate::core::escape::html(t("serve_errors_title")),
        note = crate::core::escape::html(t("serve_errors_note")),
        hide = crate::core::escape::html(t("serve_errors_hide")),
    )
}

/// The note on the link index while `unchecked` outside links have no `arkiv check` result:
/// the instruction the build prints, in the site's language, at the foot of the window.
pub fn unchecked_notice_html(unchecked: usize, language: Language) -> String {
    let m = crate::core::messages::Messages::new(language);
    let e = crate::core::escape::html;
    format!(
        "<aside id=\"{NOTICE_ID}\" role=\"note\" aria-labelledby=\"{NOTICE_ID}-title\" \
style=\"position:fixed;left:1rem;right:1rem;bottom:1rem;z-index:2147483646;width:auto;max-width:42rem;box-sizing:border-box;margin:0 auto;display:flex;gap:1rem;align-items:flex-start;\
background:#fff8e1;color:#1a1a1a;border:1px solid #d9a400;border-left:6px solid #d9a400;border-radius:6px;padding:.75rem 1rem;\
font:15px/1.45 system-ui,sans-serif;box-shadow:0 4px 18px rgba(0,0,0,.25)\">\
<p style=\"margin:0;flex:1\"><strong id=\"{NOTICE_ID}-title\">{title}:</strong> {text}</p>\
<button type=\"button\" onclick=\"this.closest('#{NOTICE_ID}').remove()\" style=\"font:inherit;padding:.2rem .8rem;border:1px solid #555;border-radius:4px;background:#fff;cursor:pointer\">{hide}</button>\
</aside>",
        title = e(m.get("links.unchecked.title")),
        text = e(&m.count("links.unchecked", unchecked, &[])),
        hide = e(i18n::text(language, "serve_errors_hide")),
    )
}

/// `html` with the live-reload script (the overlay, when there are errors, and `notice`, when
/// given) added before `</body>`, or at the end when the page has no closing body tag.
pub fn inject(
    html: &[u8],
    version: u64,
    errors: &[Diagnostic],
    notice: Option<&str>,
    language: Language,
) -> Vec<u8> {
    let mut extra = String::new();
    if !errors.is_empty() {
        extra.push_str(&overlay_html(errors, language));
    }
    extra.push_str(notice.unwrap_or_default());
    extra.push_str(
        &SCRIPT
            .replace("__VERSION__", &version.to_string())
            .replace(
                "__ERROR__",
                if errors.is_empty() { "false" } else { "true" },
            )
            .replace("__EVENTS__", EVENTS_PATH),
    );
    let at = find_last_body_close(html).unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + extra.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn find_last_body_close(html: &[u8]) -> Option<usize> {
    const TAG: &[u8] = b"</body";
    (0..html.len().saturating_sub(TAG.len() - 1))
        .rev()
        .find(|&i| html[i..i + TAG.len()].eq_ignore_ascii_case(TAG))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn overlay_escapes_and_names_file_and_line() {
        let d = Diagnostic::error(
            Some(PathBuf::from("content/2025/a.md")),
            "unknown kind \"<raport>\"",
        )
        .at(4, 7)
        .hint("did you mean \"chairman-report\"?");
        let html = overlay_html(&[d], Language::En);
        assert!(html.contains("content/2025/a.md:4:7"));
        assert!(html.contains("&lt;raport&gt;"));
        assert!(!html.contains("<raport>"));
        assert!(html.contains("chairman-report"));
    }

    #[test]
    fn injects_before_the_last_body_close() {
        let page = b"<html><body><p>x</p></BODY></html>";
        let out = String::from_utf8(inject(page, 3, &[], None, Language::Da)).unwrap();
        let script = out.find("<script>").unwrap();
        assert!(script < out.find("</BODY>").unwrap());
        assert!(out.contains("var version = 3, hadError = false;"));
        assert!(!out.contains(OVERLAY_ID));
        let bare =
            String::from_utf8(inject(b"<p>no body</p>", 1, &[], None, Language::Da)).unwrap();
        assert!(bare.starts_with("<p>no body</p><script>"));
        let err = Diagnostic::error(None, "broken");
        let out = String::from_utf8(inject(page, 4, &[err], None, Language::Da)).unwrap();
        assert!(out.contains(OVERLAY_ID));
        assert!(out.contains("hadError = true"));
    }

    #[test]
    fn the_unchecked_links_notice_tells_the_secretary_to_run_check() {
        let da = unchecked_notice_html(12, Language::Da);
        assert!(da.contains("Kun i forhåndsvisningen:"), "{da}");
        assert!(
            da.contains("12 eksterne links er ikke tjekket endnu; kør arkiv check"),
            "{da}"
        );
        assert!(da.contains(">Skjul</button>"));
        let en = unchecked_notice_html(1, Language::En);
        assert!(
            en.contains("1 outside link has not been checked yet; run arkiv check"),
            "{en}"
        );
        let page = b"<html><body><p>x</p></body></html>";
        let out = String::from_utf8(inject(page, 1, &[], Some(&da), Language::Da)).unwrap();
        assert!(out.find(NOTICE_ID).unwrap() < out.find("</body>").unwrap());
    }
}
