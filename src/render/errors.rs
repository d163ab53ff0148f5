//! Template problems as diagnostics: Tera's errors name the template and line; we add the
//! page being rendered and a hint, and split Tera's multi-error reports into one each.

use crate::core::diagnostics::Diagnostic;
use crate::core::messages::msg;
use crate::load::theme::Theme;

/// Turns a Tera error into our diagnostics, naming the template (with line) and the page.
/// Tera reports several template problems at once as text blocks (`error: …` then
/// ` --> name:line:col`); each becomes its own diagnostic.
pub(super) fn template_errors(
    theme: &Theme,
    error: &tera::Error,
    page_source: Option<&std::path::Path>,
) -> Vec<Diagnostic> {
    let page = page_source.map(crate::core::diagnostics::display_path);
    let make = |template: &str, line: usize, column: usize, detail: &str| {
        let file = if template.is_empty() {
            None
        } else {
            Some(theme.template_origin(template))
        };
        // Tera's own words stay as Tera wrote them; the framing and the hint are ours.
        let message = match &page {
            Some(page) => msg(
                "template.error_rendering",
                &[("page", page), ("detail", &detail)],
            ),
            None => msg("template.error", &[("detail", &detail)]),
        };
        Diagnostic::error(file, message)
            .at(line, column)
            .hint(msg("template.error.hint", &[]))
    };
    match error.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let mut message = report.message().to_string();
            let mut source = std::error::Error::source(error);
            while let Some(s) = source {
                message.push_str(&format!(": {s}"));
                source = s.source();
            }
            vec![make(
                report.filename(),
                report.span().start_line,
                report.span().start_col + 1,
                &message,
            )]
        }
        other => {
            let text = other.to_string();
            let mut out = Vec::new();
            let mut message: Option<String> = None;
            for line in text.lines() {
                if let Some(m) = line.strip_prefix("error: ") {
                    message = Some(m.trim().to_string());
                } else if let Some(loc) = line.trim_start().strip_prefix("--> ") {
                    let mut parts = loc.rsplitn(3, ':');
                    let column = parts
                        .next()
                        .and_then(|c| c.trim().parse().ok())
                        .unwrap_or(0);
                    let line_no = parts
                        .next()
                        .and_then(|l| l.trim().parse().ok())
                        .unwrap_or(0);
                    let template = parts.next().unwrap_or("");
                    if let Some(m) = message.take() {
                        out.push(make(template, line_no, column, &m));
                    }
                }
            }
            if out.is_empty() {
                out.push(make("", 0, 0, text.trim()));
            }
            out
        }
    }
}
