//! Automatic summaries, for documents without `summary:`: made from body prose only — never
//! headings, slide titles, table cells or code — and ended at a sentence's end.
//!
//! - A deck: its first content slide's bullets (the first slide with two or more), joined as a
//!   sentence.
//! - Accounts: what they cover (the columns of the first table, such as "Regnskab 2024, Budget
//!   2025") and the total row when one is clearly marked ("Årets resultat", "I alt"), then
//!   the first sentence of prose if there is room.
//! - Anything else: its first sentences of prose.
//!
//! Letter-spaced text ("B E R E T N I N G") is closed up, and a line in capitals with no
//! lower-case letter (a heading typed as a paragraph) is left out.

use crate::core::kind::Kind;
use crate::markdown::{close_up, Prose};

/// Longest summary, in characters.
pub const MAX_CHARS: usize = 220;
/// A summary stops at the first sentence end after this many characters.
const ENOUGH_CHARS: usize = 90;

/// The summary of a document of `kind` with body prose `prose`; for a deck, `slides` holds each
/// slide's top-level bullets.
pub fn summary(kind: Kind, prose: &Prose, slides: &[Vec<String>]) -> String {
    if kind == Kind::Slides {
        if let Some(items) = slides.iter().find(|items| items.len() >= 2) {
            return sentences(&[bullets_as_sentence(items)]);
        }
    }
    if kind == Kind::Accounts {
        if let Some(cover) = prose.tables.first().and_then(|t| accounts_cover(t)) {
            let rest = sentences(&prose.blocks);
            let joined = if rest.is_empty() || rest.ends_with('…') {
                cover.clone()
            } else {
                format!("{cover} {rest}")
            };
            return if joined.chars().count() <= MAX_CHARS {
                joined
            } else {
                cover
            };
        }
    }
    sentences(&prose.blocks)
}

fn bullets_as_sentence(items: &[String]) -> String {
    let items: Vec<String> = items
        .iter()
        .map(|i| {
            close_up(i.trim())
                .trim_end_matches(['.', ';', ','])
                .to_string()
        })
        .filter(|i| !i.is_empty())
        .collect();
    // As many whole bullets as fit, so the sentence ends where a bullet ends.
    let mut out = String::new();
    for item in &items {
        let next = if out.is_empty() {
            item.clone()
        } else {
            format!("{out}; {item}")
        };
        if next.chars().count() + 1 > MAX_CHARS && !out.is_empty() {
            break;
        }
        out = next;
    }
    format!("{out}.")
}

/// "Regnskab 2024, Budget 2025 og Budget 2026. Årets resultat: 534.800 kr., 525.000 kr. og
/// 535.000 kr." from a table whose first row names the columns.
fn accounts_cover(table: &[Vec<String>]) -> Option<String> {
    let header = table.first()?;
    let columns: Vec<&str> = header
        .iter()
        .skip(1)
        .map(|c| c.as_str())
        .filter(|c| c.chars().any(|ch| ch.is_ascii_digit()))
        .collect();
    if columns.is_empty() {
        return None;
    }
    let mut out = format!("{}.", list(&columns));
    let total = table.iter().skip(1).find(|row| {
        row.first().is_some_and(|c| {
            let c = c.to_lowercase();
            c.contains("resultat") || c.contains("i alt") || c.starts_with("total")
        })
    });
    if let Some(row) = total {
        let values: Vec<&str> = row
            .iter()
            .skip(1)
            .map(|c| c.as_str())
            .filter(|c| !c.is_empty())
            .collect();
        if !values.is_empty() {
            out.push_str(&format!(" {}: {}.", row[0], list(&values)));
        }
    }
    Some(out.replace("..", "."))
}

fn list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} og {last}", init.join(", ")),
    }
}

/// Whole sentences of `blocks` until the summary has enough; cut at a word with "…" only when
/// the first sentence alone is longer than `MAX_CHARS`.
fn sentences(blocks: &[String]) -> String {
    let mut out = String::new();
    for block in blocks {
        let text = close_up(&block.split_whitespace().collect::<Vec<_>>().join(" "));
        if text.is_empty() || !text.chars().any(char::is_lowercase) {
            continue;
        }
        for sentence in split_sentences(&text) {
            let candidate = if out.is_empty() {
                sentence.to_string()
            } else {
                format!("{out} {sentence}")
            };
            if candidate.chars().count() > MAX_CHARS {
                if out.is_empty() {
                    return crate::markdown::excerpt(&candidate, MAX_CHARS);
                }
                return out;
            }
            out = candidate;
            if out.chars().count() >= ENOUGH_CHARS && ends_sentence(&out) {
                return out;
            }
        }
        // A block that is no sentence (a list item without a full stop) ends as one.
        if !out.is_empty() && !ends_sentence(&out) {
            out.push('.');
        }
        if out.chars().count() >= ENOUGH_CHARS {
            return out;
        }
    }
    out
}

fn ends_sentence(s: &str) -> bool {
    s.ends_with(['.', '!', '?', ':'])
}

/// Sentences: cut after `.`, `!` or `?` followed by a space and a capital or digit, except
/// after short abbreviations (`kl.`, `bl.a.`, `f.eks.`, `nr.`) and numbers (`6. november`).
fn split_sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for k in 0..chars.len() {
        let (i, c) = chars[k];
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let next_space = chars.get(k + 1).is_some_and(|&(_, n)| n == ' ');
        let next_capital = chars
            .get(k + 2)
            .is_some_and(|&(_, n)| n.is_uppercase() || n == '«' || n == '"');
        if !next_space || !next_capital {
            continue;
        }
        let word: String = text[start..i].rsplit(' ').next().unwrap_or("").to_string();
        // Danish writes months in lower case, so "6. november" never ends here; "kl. 18. Alle"
        // does.
        const SHORT: &[&str] = &[
            "ca", "d", "dvs", "etc", "evt", "hhv", "inkl", "jf", "kl", "mht", "mv", "nr", "osv",
            "pga", "pkt", "stk", "tlf", "v", "vedr",
        ];
        let lower = word.to_lowercase();
        let abbreviation = c == '.' && (word.contains('.') || SHORT.contains(&lower.as_str()));
        if abbreviation {
            continue;
        }
        out.push(text[start..=i].trim());
        start = i + 1;
    }
    if start < text.len() {
        out.push(text[start..].trim());
    }
    out.retain(|s| !s.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(md: &str) -> Prose {
        crate::markdown::render(md, 1, "Tabel").prose
    }

    #[test]
    fn body_prose_only_closed_up_and_ended_at_a_sentence() {
        let p = prose("B E R E T N I N G   2 0 2 5\n\n## INDLEDNING\n\nPerioden siden sidste møde har været travl. Reformen fylder meget i denne beretning, og den fylder også i næste års arbejde med mange nye opgaver for klinikkerne.\n\n| Emne | Status |\n|--|--|\n| Tal | Høring |\n\n```\nkode\n```\n");
        let s = summary(Kind::ChairmanReport, &p, &[]);
        assert!(s.starts_with("Perioden siden sidste møde"), "{s}");
        assert!(s.ends_with('.'), "{s}");
        for junk in ["INDLEDNING", "BERETNING", "Emne", "Høring", "kode"] {
            assert!(!s.contains(junk), "{junk} in {s}");
        }
    }

    #[test]
    fn a_deck_is_its_first_content_slide_as_a_sentence() {
        let slides = vec![
            vec![],
            vec![
                "Mange dialogmøder med byråd".to_string(),
                "Besøg i almen praksis".to_string(),
            ],
        ];
        assert_eq!(
            summary(Kind::Slides, &Prose::default(), &slides),
            "Mange dialogmøder med byråd; Besøg i almen praksis."
        );
    }

    #[test]
    fn accounts_say_what_they_cover() {
        let p = prose("| Post | Regnskab 2024 | Budget 2025 | Budget 2026 |\n|:--|--:|--:|--:|\n| Kontingent | 1.245.600 kr. | 1 | 2 |\n| **Årets resultat** | **534.800 kr.** | **525.000 kr.** | **535.000 kr.** |\n\nKassereren foreslår et uændret kontingent.\n");
        assert_eq!(
            summary(Kind::Accounts, &p, &[]),
            "Regnskab 2024, Budget 2025 og Budget 2026. Årets resultat: 534.800 kr., 525.000 kr. og 535.000 kr. Kassereren foreslår et uændret kontingent."
        );
    }

    #[test]
    fn abbreviations_and_dates_do_not_end_sentences() {
        assert_eq!(
            split_sentences("Mødet er d. 6. november kl. 18. Alle er velkomne, bl.a. Ole. Tak."),
            vec![
                "Mødet er d. 6. november kl. 18.",
                "Alle er velkomne, bl.a. Ole.",
                "Tak."
            ]
        );
    }
}
