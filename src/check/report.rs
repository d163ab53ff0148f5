//! How `arkiv check` tells its findings: for people, grouped by the document that cites each
//! link (that is the file the secretary opens to fix it); for scripts, as JSON.

use super::CheckReport;
use crate::core::diagnostics::display_path;
use crate::core::messages::Messages;
use crate::load::link_cache::{format_time, LinkState};
use serde_json::json;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Output for people, in the language of `m`: problems per citing document, then one
/// summary line.
pub fn human(report: &CheckReport, m: Messages) -> String {
    let mut out = String::new();
    for d in &report.internal.items {
        let _ = writeln!(out, "{}", d.localized(m.language));
    }
    // The state words, padded to one width so the addresses line up.
    let states = [
        "check.state.broken",
        "check.state.redirected",
        "check.state.pdf_is_html",
        "check.state.not_reached",
    ];
    let width = states
        .iter()
        .map(|k| m.get(k).chars().count())
        .max()
        .unwrap_or(0);
    let state = |key: &'static str| format!("{:<width$}", m.get(key));
    // file → (line, column, text) sorted.
    let mut by_file: BTreeMap<String, Vec<(usize, usize, String)>> = BTreeMap::new();
    for e in &report.external {
        let r = &e.result;
        let error = r.error_in(m.language);
        let line = match r.state {
            LinkState::Ok => continue,
            LinkState::Broken => format!(
                "{} {}{}{}",
                state("check.state.broken"),
                r.url,
                r.status.map(|s| format!(" ({s})")).unwrap_or_default(),
                error.map(|e| format!(": {e}")).unwrap_or_default()
            ),
            LinkState::Redirected => format!(
                "{} {} → {}{}",
                state("check.state.redirected"),
                r.url,
                r.final_url.as_deref().unwrap_or("?"),
                r.redirects
                    .first()
                    .map(|h| format!(" ({})", h.status))
                    .unwrap_or_default()
            ),
            LinkState::PdfIsHtml => format!(
                "{} {}: {}",
                state("check.state.pdf_is_html"),
                r.url,
                m.fill(
                    "check.pdf_is_html",
                    &[("type", &r.content_type.as_deref().unwrap_or("text/html"))]
                )
            ),
            LinkState::NotReached => format!(
                "{} {}: {}",
                state("check.state.not_reached"),
                r.url,
                error.unwrap_or(m.get("check.budget_ran_out"))
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
    let _ = writeln!(out, "{}", summary(report, m));
    out
}

fn count(report: &CheckReport, state: LinkState) -> usize {
    report
        .external
        .iter()
        .filter(|e| e.result.state == state)
        .count()
}

/// One line, in the language of `m`: what was checked and what was found.
pub fn summary(report: &CheckReport, m: Messages) -> String {
    let internal_errors = report.internal.errors().count();
    let mut parts = vec![match internal_errors {
        0 => m.get("check.internal_fine").to_string(),
        n => m.count("check.internal_problems", n, &[]),
    }];
    if report.offline {
        parts.push(m.get("check.offline").to_string());
    } else {
        let cached = report.external.iter().filter(|e| e.from_cache).count();
        let from_cache = match cached {
            0 => String::new(),
            n => m.fill("check.from_cache", &[("n", &n)]),
        };
        parts.push(m.count(
            "check.outside",
            report.external.len(),
            &[
                ("cached", &from_cache),
                ("ok", &count(report, LinkState::Ok)),
                ("redirected", &count(report, LinkState::Redirected)),
                ("pdf", &count(report, LinkState::PdfIsHtml)),
                ("broken", &count(report, LinkState::Broken)),
            ],
        ));
        if !report.skipped.is_empty() {
            parts.push(m.fill("check.skipped", &[("n", &report.skipped.len())]));
        }
        let not_reached = count(report, LinkState::NotReached);
        if not_reached > 0 {
            parts.push(m.fill("check.not_reached", &[("n", &not_reached)]));
        }
    }
    let verdict = if report.all_well() {
        m.get("check.all_well")
    } else {
        m.get("check.need_fixing")
    };
    let seconds = m.decimal(report.elapsed.as_secs_f64(), 1);
    m.fill(
        "check.summary",
        &[
            ("verdict", &verdict),
            ("parts", &parts.join("; ")),
            ("seconds", &seconds),
        ],
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{ExternalReport, SourceCitation};
    use crate::core::language::Language;
    use crate::core::messages::msg;
    use crate::load::link_cache::CheckResult;

    fn report() -> CheckReport {
        let mut gone = CheckResult {
            status: Some(404),
            attempts: 1,
            ..CheckResult::new("https://a.example/gone", LinkState::Broken, 0)
        };
        gone.set_error(msg("linkcheck.gone", &[]));
        CheckReport {
            external: vec![ExternalReport {
                result: gone,
                from_cache: false,
                citations: vec![SourceCitation {
                    file: "content/2025/a.md".into(),
                    line: 7,
                    column: 3,
                    text: "a".into(),
                }],
            }],
            elapsed: std::time::Duration::from_millis(1500),
            ..CheckReport::default()
        }
    }

    #[test]
    fn the_report_for_people_is_in_the_sites_language_and_json_is_not() {
        let da = human(&report(), Messages::new(Language::Da));
        assert!(
            da.contains(
                "  7:3      virker ikke https://a.example/gone (404): siden findes ikke (længere)"
            ),
            "{da}"
        );
        assert!(
            da.ends_with("links skal rettes; interne links i orden; 1 eksternt link tjekket: 0 i orden, 0 omdirigeret, 0 .pdf-links, der sender en webside, 1 virker ikke på 1,5 s\n"),
            "{da}"
        );
        let en = human(&report(), Messages::new(Language::En));
        assert!(
            en.contains(
                "  7:3      broken      https://a.example/gone (404): the page is gone (not found)"
            ),
            "{en}"
        );
        assert!(en.contains("1 outside link checked: 0 fine"), "{en}");
        assert!(en.ends_with("broken in 1.5 s\n"), "{en}");
        let json = json(&report());
        assert!(
            json.contains("\"error\": \"the page is gone (not found)\""),
            "{json}"
        );
        assert!(!json.contains("siden"), "{json}");
    }
}
