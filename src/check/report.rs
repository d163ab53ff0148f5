//! How `arkiv check` tells its findings: for people, grouped by the document that cites each
//! link (that is the file the secretary opens to fix it); for scripts, as JSON.

use super::CheckReport;
use crate::core::diagnostics::display_path;
use crate::load::link_cache::{format_time, LinkState};
use serde_json::json;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Output for people: problems per citing document, then one summary line.
pub fn human(report: &CheckReport) -> String {
    let mut out = String::new();
    for d in &report.internal.items {
        let _ = writeln!(out, "{d}");
    }
    // file → (line, column, text) sorted.
    let mut by_file: BTreeMap<String, Vec<(usize, usize, String)>> = BTreeMap::new();
    for e in &report.external {
        let r = &e.result;
        let line = match r.state {
            LinkState::Ok => continue,
            LinkState::Broken => format!(
                "broken      {}{}{}",
                r.url,
                r.status.map(|s| format!(" ({s})")).unwrap_or_default(),
                r.error
                    .as_deref()
                    .map(|e| format!(": {e}"))
                    .unwrap_or_default()
            ),
            LinkState::Redirected => format!(
                "redirected  {} → {}{}",
                r.url,
                r.final_url.as_deref().unwrap_or("?"),
                r.redirects
                    .first()
                    .map(|h| format!(" ({})", h.status))
                    .unwrap_or_default()
            ),
            LinkState::PdfIsHtml => format!(
                "not a PDF   {}: the link ends in .pdf, but the server sends a web page ({})",
                r.url,
                r.content_type.as_deref().unwrap_or("text/html")
            ),
            LinkState::NotReached => format!(
                "not reached {}: {}",
                r.url,
                r.error.as_deref().unwrap_or("the time budget ran out")
            ),
        };
        for c in &e.citations {
            by_file.entry(display_path(&c.file)).or_default().push((
                c.line,
                c.column,
                line.clone(),
            ));
        }
    }
    for (file, mut lines) in by_file {
        lines.sort();
        let _ = writeln!(out, "{file}");
        for (line, column, text) in lines {
            let _ = writeln!(out, "  {:<8} {text}", format!("{line}:{column}"));
        }
    }
    let _ = writeln!(out, "{}", summary(report));
    out
}

fn count(report: &CheckReport, state: LinkState) -> usize {
    report
        .external
        .iter()
        .filter(|e| e.result.state == state)
        .count()
}

/// One line: what was checked and what was found.
pub fn summary(report: &CheckReport) -> String {
    let internal_errors = report.internal.errors().count();
    let mut parts = vec![match internal_errors {
        0 => "internal links fine".to_string(),
        1 => "1 internal problem".to_string(),
        n => format!("{n} internal problems"),
    }];
    if report.offline {
        parts.push("outside links not checked (--offline)".into());
    } else {
        let cached = report.external.iter().filter(|e| e.from_cache).count();
        parts.push(format!(
            "{} outside links checked{}: {} fine, {} redirected, {} .pdf links serving a web page, {} broken",
            report.external.len(),
            if cached > 0 { format!(" ({cached} from the cache)") } else { String::new() },
            count(report, LinkState::Ok),
            count(report, LinkState::Redirected),
            count(report, LinkState::PdfIsHtml),
            count(report, LinkState::Broken),
        ));
        if !report.skipped.is_empty() {
            parts.push(format!("{} skipped by site.yaml", report.skipped.len()));
        }
        let not_reached = count(report, LinkState::NotReached);
        if not_reached > 0 {
            parts.push(format!(
                "{not_reached} not reached within the time budget (raise link_check.budget in site.yaml, or run check again: answers are cached)"
            ));
        }
    }
    format!(
        "{}; {} in {:.1} s",
        if report.all_well() {
            "all well"
        } else {
            "links need fixing"
        },
        parts.join("; "),
        report.elapsed.as_secs_f64()
    )
}

/// Output for scripts: every outside link with its result and citations.
pub fn json(report: &CheckReport) -> String {
    let external: Vec<_> = report
        .external
        .iter()
        .map(|e| {
            let r = &e.result;
            json!({
                "url": r.url,
                "state": r.state.as_str(),
                "status": r.status,
                "final_url": r.final_url,
                "redirects": r.redirects,
                "content_type": r.content_type,
                "error": r.error,
                "attempts": r.attempts,
                "checked_at": format_time(r.checked_at),
                "from_cache": e.from_cache,
                "citations": e.citations.iter().map(|c| json!({
                    "file": display_path(&c.file), "line": c.line, "column": c.column, "text": c.text,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let internal: Vec<_> = report
        .internal
        .items
        .iter()
        .map(|d| {
            json!({
                "severity": d.severity,
                "file": d.file.as_deref().map(display_path),
                "line": d.line,
                "column": d.column,
                "message": d.message,
                "hint": d.hint,
            })
        })
        .collect();
    let value = json!({
        "ok": report.all_well(),
        "offline": report.offline,
        "internal": internal,
        "external": external,
        "skipped": report.skipped.iter().map(|(u, _)| u).collect::<Vec<_>>(),
        "summary": {
            "internal_errors": report.internal.errors().count(),
            "checked": report.external.len(),
            "from_cache": report.external.iter().filter(|e| e.from_cache).count(),
            "ok": count(report, LinkState::Ok),
            "redirected": count(report, LinkState::Redirected),
            "pdf_is_html": count(report, LinkState::PdfIsHtml),
            "broken": count(report, LinkState::Broken),
            "not_reached": count(report, LinkState::NotReached),
            "skipped": report.skipped.len(),
            "seconds": report.elapsed.as_secs_f64(),
        },
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}
