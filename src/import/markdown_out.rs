//! Writing what was read as arkiv Markdown: the front matter (every value quoted, so a title
//! with a colon stays a title), Markdown-safe text and tables.

use crate::core::dates::Date;
use crate::core::kind::Kind;

/// The front matter of an imported document.
#[derive(Debug, Clone)]
pub struct Front {
    pub title: String,
    pub date: Date,
    pub kind: Kind,
    pub committee: Option<String>,
    pub meeting: Option<String>,
    pub authors: Vec<String>,
    pub summary: Option<String>,
    /// (path relative to the document, title)
    pub attachments: Vec<(String, String)>,
    pub draft: bool,
    /// `access: members`: the document is for the members' area only.
    pub members: bool,
    /// Marks the document as imported from this original (name, fingerprint): a re-import
    /// of the same bytes is recognised by it.
    pub source: (String, String),
}

/// The comment line that records the original; a YAML comment, so the format's keys stay
/// as they are.
pub const SOURCE_MARK: &str = "# arkiv import:";

/// A double-quoted YAML string.
pub fn yaml_quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Front {
    pub fn render(&self) -> String {
        let mut out = String::from("---\n");
        out.push_str(&format!(
            "{SOURCE_MARK} {} {}\n",
            self.source.1,
            self.source.0.replace('\n', " ")
        ));
        out.push_str(&format!("title: {}\n", yaml_quote(&self.title)));
        out.push_str(&format!("date: {}\n", self.date));
        out.push_str(&format!("kind: {}\n", self.kind.as_str()));
        if let Some(c) = &self.committee {
            out.push_str(&format!("committee: {}\n", yaml_quote(c)));
        }
        if let Some(m) = &self.meeting {
            out.push_str(&format!("meeting: {}\n", yaml_quote(m)));
        }
        if !self.authors.is_empty() {
            let list: Vec<String> = self.authors.iter().map(|a| yaml_quote(a)).collect();
            out.push_str(&format!("authors: [{}]\n", list.join(", ")));
        }
        if let Some(s) = &self.summary {
            out.push_str(&format!("summary: {}\n", yaml_quote(s)));
        }
        if !self.attachments.is_empty() {
            out.push_str("attachments:\n");
            for (path, title) in &self.attachments {
                out.push_str(&format!(
                    "  - path: {}\n    title: {}\n",
                    yaml_quote(path),
                    yaml_quote(title)
                ));
            }
        }
        if self.members {
            out.push_str("access: members\n");
        }
        if self.draft {
            out.push_str("draft: true\n");
        }
        out.push_str("---\n\n");
        out
    }
}

/// Escapes characters that Markdown would read as markup, in running text.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' => {
                out.push('\\');
                out.push(c);
            }
            '\u{a0}' => out.push(' '),
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Escapes a line that would otherwise start a heading, list, quote, slide break or the
/// speaker notes.
pub fn escape_line_start(line: &str) -> String {
    let trimmed = line.trim_start();
    let risky = trimmed.starts_with('#')
        || trimmed.starts_with("- ")
        || trimmed.starts_with("+ ")
        || trimmed.starts_with('=')
        || trimmed == "-"
        || trimmed.starts_with("---")
        || trimmed.starts_with("Note:")
        || ordered_marker(trimmed);
    if risky {
        format!("\\{trimmed}")
    } else {
        trimmed.to_string()
    }
}

/// "12. Valg" would become a numbered list item.
fn ordered_marker(line: &str) -> bool {
    let digits = line.chars().take_while(|c| c.is_ascii_digit()).count();
    digits > 0
        && digits < 10
        && matches!(line[digits..].chars().next(), Some('.') | Some(')'))
        && line[digits + 1..].starts_with(' ')
}

/// Text for a table cell: one line, pipes escaped.
pub fn cell(text: &str) -> String {
    let one_line: Vec<&str> = text.split_whitespace().collect();
    escape_inline(&one_line.join(" ")).replace('|', "\\|")
}

/// Column alignment in a Markdown table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A Markdown table; the first row is the header. Rows are padded to the widest row.
/// Cells must already be escaped (see [`cell`]).
pub fn table(rows: &[Vec<String>], align: &[Align]) -> String {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    for (i, row) in rows.iter().enumerate() {
        out.push('|');
        for c in 0..width {
            let text = row.get(c).map(String::as_str).unwrap_or("");
            out.push(' ');
            out.push_str(text);
            out.push_str(" |");
        }
        out.push('\n');
        if i == 0 {
            out.push('|');
            for c in 0..width {
                match align.get(c) {
                    Some(Align::Right) => out.push_str(" ---: |"),
                    _ => out.push_str(" --- |"),
                }
            }
            out.push('\n');
        }
    }
    out
}

/// Whether a cell reads as an amount or count written the Danish way: "1.234", "-12,5",
/// "3,1 %", "kr. 200". A time such as "18.00" is not (a thousands group has three digits).
pub fn is_numeric_cell(text: &str) -> bool {
    let t = text
        .trim()
        .trim_start_matches("kr.")
        .trim_end_matches("kr.")
        .trim()
        .trim_end_matches('%')
        .trim()
        .trim_start_matches(['-', '−', '+'])
        .trim();
    let (int, frac) = t.split_once(',').unwrap_or((t, ""));
    let groups: Vec<&str> = int.split('.').collect();
    let digits = |g: &str| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit());
    digits(groups[0])
        && groups[1..].iter().all(|g| g.len() == 3 && digits(g))
        && (frac.is_empty() || digits(frac))
        && !(int.is_empty() && frac.is_empty())
}

/// Right-aligns columns whose cells below the header are all numbers (or empty).
pub fn numeric_alignment(rows: &[Vec<String>]) -> Vec<Align> {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    (0..width)
        .map(|c| {
            let mut any = false;
            let all = rows.iter().skip(1).all(|r| match r.get(c) {
                Some(t) if !t.trim().is_empty() => {
                    any = true;
                    is_numeric_cell(&t.replace("\\", ""))
                }
                _ => true,
            });
            if all && any {
                Align::Right
            } else {
                Align::Left
            }
        })
        .collect()
}

/// Wraps text in `**`/`*` markers, keeping surrounding spaces outside (`**a **` is no bold).
pub fn emphasis(text: &str, bold: bool, italic: bool) -> String {
    if !(bold || italic) || text.trim().is_empty() {
        return text.to_string();
    }
    let start = text.len() - text.trim_start().len();
    let end = text.trim_end().len();
    let marker = match (bold, italic) {
        (true, true) => "***",
        (true, false) => "**",
        _ => "*",
    };
    format!(
        "{}{marker}{}{marker}{}",
        &text[..start],
        &text[start..end],
        &text[end..]
    )
}

/// A summary from the first line of the text that reads as a paragraph (ten words or
/// more): the first sentences up to about 160 characters.
pub fn summary_from(text: &str) -> Option<String> {
    let line = text
        .lines()
        .filter(|l| !l.starts_with(['#', '|', '-', '!', ' ', '\\']))
        .find(|l| crate::markdown::word_count(l) >= 10)?;
    let line = plain_text(line);
    let mut out = String::new();
    for w in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
        let sentence_end = w.ends_with('.') || w.ends_with('!') || w.ends_with('?');
        if out.chars().count() > 40 && sentence_end {
            return Some(out);
        }
        if out.chars().count() > 160 {
            return Some(format!("{out} …"));
        }
    }
    Some(out)
}

/// Markdown marks taken out of a line: escapes, emphasis, footnote references, link targets.
pub fn plain_text(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut chars = md.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            '*' => {}
            '[' if chars.peek() == Some(&'^') => {
                for n in chars.by_ref() {
                    if n == ']' {
                        break;
                    }
                }
            }
            '[' => {}
            ']' if chars.peek() == Some(&'(') => {
                for n in chars.by_ref() {
                    if n == ')' {
                        break;
                    }
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Three or more line breaks become two, and the text ends with one.
pub fn tidy(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut newlines = 0;
    for c in md.trim().chars() {
        if c == '\n' {
            newlines += 1;
            if newlines > 2 {
                continue;
            }
            // Trailing spaces of a line are dropped.
            while out.ends_with(' ') {
                out.pop();
            }
        } else {
            newlines = 0;
        }
        out.push(c);
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_and_escaping() {
        assert_eq!(yaml_quote("Møde: \"nyt\" \\"), "\"Møde: \\\"nyt\\\" \\\\\"");
        assert_eq!(escape_inline("a*b_c [x]"), "a\\*b\\_c \\[x\\]");
        assert_eq!(escape_line_start("# ikke"), "\\# ikke");
        assert_eq!(escape_line_start("---"), "\\---");
        assert_eq!(escape_line_start("3. Valg"), "\\3. Valg");
        assert_eq!(escape_line_start("3.000 kr."), "3.000 kr.");
        assert_eq!(escape_line_start("Note: x"), "\\Note: x");
        assert_eq!(cell("a | b\n c"), "a \\| b c");
    }

    #[test]
    fn summaries_and_tidying() {
        assert_eq!(summary_from("Titel\nkort"), None);
        let s = summary_from("Titel\nÅret har været travlt for bestyrelsen og for alle medlemmer. Vi har holdt mange møder.").unwrap();
        assert_eq!(
            s,
            "Året har været travlt for bestyrelsen og for alle medlemmer."
        );
        assert_eq!(
            plain_text("**Fed** \\*stjerne\\* [link](https://x.dk) note[^1]."),
            "Fed *stjerne* link note."
        );
        assert_eq!(tidy("a  \n\n\n\nb"), "a\n\nb\n");
    }

    #[test]
    fn numbers_are_told_from_times() {
        for yes in [
            "1.234",
            "-12,5",
            "3,1 %",
            "kr. 200",
            "1.234.567",
            "0",
            "−232.080",
        ] {
            assert!(is_numeric_cell(yes), "{yes}");
        }
        for no in ["18.00", "3.5", "", "-", "I alt", "2024-25", "1.2345"] {
            assert!(!is_numeric_cell(no), "{no}");
        }
    }

    #[test]
    fn tables_and_emphasis() {
        let t = table(
            &[
                vec!["Post".into(), "Beløb".into()],
                vec!["Løn".into(), "1.000".into()],
                vec!["X".into()],
            ],
            &[Align::Left, Align::Right],
        );
        assert_eq!(
            t,
            "| Post | Beløb |\n| --- | ---: |\n| Løn | 1.000 |\n| X |  |\n"
        );
        assert_eq!(emphasis(" fed ", true, false), " **fed** ");
        assert_eq!(emphasis("skrå", false, true), "*skrå*");
        assert_eq!(emphasis("  ", true, true), "  ");
    }
}
