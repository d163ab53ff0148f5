//! Guessing what the front matter needs from a file that never had any: the date (from the
//! text's top, the metadata, the file name or its modification time), the kind and a
//! readable title. Each guess says how it was made, so the secretary can check it.

use crate::core::dates::Date;
use crate::core::kind::Kind;
use crate::core::messages::{msg, Text};
use std::path::Path;
use std::time::SystemTime;

/// How many characters from the top of the text a date is looked for in.
const DATE_WINDOW: usize = 1200;

fn date(year: i64, month: i64, day: i64) -> Option<Date> {
    if !(1900..=2200).contains(&year) {
        return None;
    }
    Date::parse(&format!("{year:04}-{month:02}-{day:02}")).ok()
}

/// A two-digit year as written in "10/9-21": 21 is 2021.
fn full_year(year: i64, digits: usize) -> i64 {
    if digits == 2 {
        2000 + year
    } else {
        year
    }
}

/// The first Danish (or ISO) date in the top of `text`, with the words it was read from.
/// Forms: "23. oktober 2025", "23 okt. 2025", "23/10-2025", "23/10 2025", "d. 4/12 2024",
/// "23.10.2025", "2025-10-23".
pub fn find_date(text: &str) -> Option<(Date, String)> {
    let top: String = text.chars().take(DATE_WINDOW).collect();
    let chars: Vec<char> = top.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts_number =
            chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_alphanumeric());
        if starts_number {
            if let Some((d, len)) = date_at(&chars[i..]) {
                let found: String = chars[i..i + len].iter().collect();
                return Some((d, found));
            }
        }
        i += 1;
    }
    None
}

/// Reads a number of at most `max` digits; returns (value, digits).
fn number(chars: &[char], max: usize) -> Option<(i64, usize)> {
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > max {
        return None;
    }
    let value: String = chars[..digits].iter().collect();
    value.parse().ok().map(|v| (v, digits))
}

fn date_at(chars: &[char]) -> Option<(Date, usize)> {
    let (first, n1) = number(chars, 4)?;
    let rest = &chars[n1..];
    // 2025-10-23
    if n1 == 4 && rest.first() == Some(&'-') {
        let (m, n2) = number(&rest[1..], 2)?;
        if rest.get(1 + n2) != Some(&'-') {
            return None;
        }
        let (d, n3) = number(&rest[2 + n2..], 2)?;
        return date(first, m, d).map(|x| (x, n1 + 2 + n2 + n3));
    }
    if n1 > 2 {
        return None;
    }
    let day = first;
    // "23. oktober 2025" / "23 okt. 2025"
    let mut j = 0;
    if rest.first() == Some(&'.') {
        j += 1;
    }
    let spaces = rest[j..].iter().take_while(|c| **c == ' ').count();
    if spaces > 0 {
        let word: String = rest[j + spaces..]
            .iter()
            .take_while(|c| c.is_alphabetic())
            .collect();
        let lower = word.to_lowercase();
        if lower.len() >= 3 {
            if let Some(m) = crate::core::dates::MONTHS_DA
                .iter()
                .position(|name| name.starts_with(&lower))
            {
                let mut k = j + spaces + word.chars().count();
                if rest.get(k) == Some(&'.') {
                    k += 1;
                }
                let sp = rest[k..].iter().take_while(|c| **c == ' ').count();
                if sp == 0 {
                    return None;
                }
                let (year, ny) = number(&rest[k + sp..], 4)?;
                if ny != 4 {
                    return None;
                }
                return date(year, m as i64 + 1, day).map(|x| (x, n1 + k + sp + ny));
            }
        }
        return None;
    }
    // "23/10-2025", "23/10 2025", "10/9-21", "23.10.2025", "23-10-2025"
    let sep = *rest.first()?;
    if !matches!(sep, '/' | '.' | '-') {
        return None;
    }
    let (month, n2) = number(&rest[1..], 2)?;
    let after = rest.get(1 + n2)?;
    let year_sep_ok = match sep {
        '/' => matches!(after, '-' | ' ' | '/'),
        other => *after == other,
    };
    if !year_sep_ok {
        return None;
    }
    let (year, ny) = number(&rest[2 + n2..], 4)?;
    if ny != 2 && ny != 4 {
        return None;
    }
    date(full_year(year, ny), month, day).map(|x| (x, n1 + 2 + n2 + ny))
}

/// A date in metadata: ISO (`2025-10-23T…`) or PDF (`D:20251023…`).
pub fn metadata_date(text: &str) -> Option<Date> {
    let t = text.trim().trim_start_matches("D:");
    let digits: String = t.chars().filter(|c| c.is_ascii_digit()).take(8).collect();
    if digits.len() < 8 {
        return None;
    }
    let y = digits[0..4].parse().ok()?;
    let m = digits[4..6].parse().ok()?;
    let d = digits[6..8].parse().ok()?;
    date(y, m, d)
}

/// A date in a file name: "2025-10-23", "20251023", "23-10-2025", "23.10.2025".
pub fn file_name_date(stem: &str) -> Option<Date> {
    let chars: Vec<char> = stem.chars().collect();
    for i in 0..chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_digit()) {
            continue;
        }
        let run = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if run == 8 {
            let s: String = chars[i..i + 8].iter().collect();
            if let Some(d) = metadata_date(&s) {
                return Some(d);
            }
        }
        if let Some((d, _)) = date_at(&chars[i..]) {
            return Some(d);
        }
    }
    None
}

/// The calendar day of a file time (UTC).
pub fn system_time_date(time: SystemTime) -> Option<Date> {
    let secs = time.duration_since(SystemTime::UNIX_EPOCH).ok()?.as_secs();
    let days = (secs / 86_400) as i64;
    // Howard Hinnant's civil-from-days.
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    date(y, m, d)
}

/// A guess and how it was made, for the report.
#[derive(Debug, Clone)]
pub struct Guess<T> {
    pub value: T,
    pub how: Text,
}

/// Inputs for the date guess, in the order they are tried.
pub struct DateSources<'a> {
    pub given: Option<Date>,
    pub text: &'a str,
    pub metadata: Option<&'a str>,
    pub path: &'a Path,
}

pub fn guess_date(src: &DateSources) -> Option<Guess<Date>> {
    if let Some(d) = src.given {
        return Some(Guess {
            value: d,
            how: msg("import.how.given_date", &[]),
        });
    }
    if let Some((d, words)) = find_date(src.text) {
        return Some(Guess {
            value: d,
            how: msg("import.how.text_top", &[("words", &words)]),
        });
    }
    if let Some(d) = src.metadata.and_then(metadata_date) {
        return Some(Guess {
            value: d,
            how: msg("import.how.metadata_date", &[]),
        });
    }
    let stem = src
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    if let Some(d) = file_name_date(&stem) {
        return Some(Guess {
            value: d,
            how: msg("import.how.file_name", &[]),
        });
    }
    let modified = std::fs::metadata(src.path)
        .and_then(|m| m.modified())
        .ok()?;
    system_time_date(modified).map(|d| Guess {
        value: d,
        how: msg("import.how.modified", &[]),
    })
}

/// Titles that programs fill in by themselves ("PowerPoint-præsentation", "Dokument1",
/// "Microsoft Word - beretning.docx"): no title at all.
pub fn is_placeholder_title(title: &str) -> bool {
    let t = title.trim().to_lowercase();
    let generic = [
        "powerpoint-præsentation",
        "powerpoint presentation",
        "powerpoint-presentation",
        "præsentation",
        "presentation",
        "dokument",
        "document",
        "untitled",
        "uden titel",
        "slide 1",
        "dias 1",
    ];
    t.is_empty()
        || t.starts_with("microsoft ")
        || [
            ".docx", ".doc", ".pptx", ".ppt", ".xlsx", ".pdf", ".odt", ".odp",
        ]
        .iter()
        .any(|e| t.ends_with(e))
        || generic.iter().any(|g| {
            t == *g
                || t.strip_prefix(g)
                    .is_some_and(|r| r.chars().all(|c| c.is_ascii_digit()))
        })
}

/// "formandens_beretning-2025_v3" → "Formandens beretning 2025 v3".
pub fn readable_file_name(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let spaced: String = stem
        .chars()
        .map(|c| if c == '_' || c == '-' { ' ' } else { c })
        .collect();
    let words: Vec<&str> = spaced.split_whitespace().collect();
    let joined = words.join(" ");
    let mut chars = joined.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "Uden titel".to_string(),
    }
}

/// Report or newsletter (or minutes, accounts) from the title and the text's top.
/// Returns the kind, the committee for a committee report, and the reason.
pub fn guess_text_kind(title: &str, text: &str) -> (Kind, Option<String>, Text) {
    let title_l = title.to_lowercase();
    let top: String = text.chars().take(2000).collect::<String>().to_lowercase();
    let both = format!("{title_l}\n{top}");
    if both.contains("nyhedsbrev") || both.contains("newsletter") {
        return (
            Kind::Newsletter,
            None,
            msg("import.how.says_newsletter", &[]),
        );
    }
    if title_l.contains("referat") || title_l.contains("minutes") {
        return (Kind::Minutes, None, msg("import.how.says_minutes", &[]));
    }
    if title_l.contains("regnskab") || title_l.contains("budget") {
        return (Kind::Accounts, None, msg("import.how.says_accounts", &[]));
    }
    if let Some(committee) = committee_in(&title_l) {
        return (
            Kind::CommitteeReport,
            Some(committee.clone()),
            msg("import.how.says_committee", &[("committee", &committee)]),
        );
    }
    if both.contains("beretning") {
        return (
            Kind::ChairmanReport,
            None,
            msg("import.how.says_report", &[]),
        );
    }
    if top.contains("kære ") {
        return (Kind::Newsletter, None, msg("import.how.letter", &[]));
    }
    (
        Kind::ChairmanReport,
        None,
        msg("import.how.default_report", &[]),
    )
}

/// "vagtudvalgets beretning 2025" → "Vagtudvalget".
fn committee_in(title_l: &str) -> Option<String> {
    if !title_l.contains("beretning") {
        return None;
    }
    let word = title_l
        .split(|c: char| !c.is_alphabetic())
        .find(|w| w.contains("udvalg") && *w != "udvalg" && *w != "udvalgets")?;
    let base = word
        .strip_suffix("ets")
        .or_else(|| word.strip_suffix("s"))
        .unwrap_or(word);
    let base = base.strip_suffix("et").unwrap_or(base);
    let mut chars = base.chars();
    let first = chars.next()?;
    Some(format!(
        "{}{}et",
        first.to_uppercase(),
        chars.collect::<String>()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn danish_dates_in_text() {
        assert_eq!(
            find_date("Beretning\n23. oktober 2025").unwrap().0,
            d("2025-10-23")
        );
        assert_eq!(
            find_date("Referat af mødet 23/10-2025 kl. 18").unwrap().0,
            d("2025-10-23")
        );
        assert_eq!(
            find_date("Holdt d. 4/12 2024 i Vejle").unwrap().0,
            d("2024-12-04")
        );
        assert_eq!(find_date("internat 10/9-21").unwrap().0, d("2021-09-10"));
        assert_eq!(find_date("den 1. maj 2025").unwrap().0, d("2025-05-01"));
        assert_eq!(find_date("den 3 okt. 2024").unwrap().0, d("2024-10-03"));
        assert_eq!(find_date("dato: 2025-01-31").unwrap().0, d("2025-01-31"));
        assert_eq!(find_date("23.10.2025").unwrap().0, d("2025-10-23"));
        assert_eq!(
            find_date("Forslag 3. Valg af dirigent").map(|x| x.0),
            None,
            "a numbered item is no date"
        );
        assert_eq!(find_date("31/2-2025 og 12 personer").map(|x| x.0), None);
        assert_eq!(find_date("1.234.567 kr.").map(|x| x.0), None);
        assert_eq!(find_date("").map(|x| x.0), None);
    }

    #[test]
    fn dates_far_down_are_not_used() {
        let text = format!("{}23. oktober 2025", "x ".repeat(1000));
        assert!(find_date(&text).is_none());
    }

    #[test]
    fn metadata_and_file_names() {
        assert_eq!(
            metadata_date("D:20251023120000+01'00'"),
            Some(d("2025-10-23"))
        );
        assert_eq!(metadata_date("2024-04-01T08:00:00Z"), Some(d("2024-04-01")));
        assert_eq!(metadata_date("garbage"), None);
        assert_eq!(
            file_name_date("referat_2025-03-14_final"),
            Some(d("2025-03-14"))
        );
        assert_eq!(file_name_date("slides20240912"), Some(d("2024-09-12")));
        assert_eq!(
            file_name_date("beretning 24.04.2025"),
            Some(d("2025-04-24"))
        );
        assert_eq!(file_name_date("beretning2025"), None);
    }

    #[test]
    fn file_times_become_days() {
        let t = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_761_220_800);
        assert_eq!(system_time_date(t), Some(d("2025-10-23")));
        assert_eq!(
            system_time_date(SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(951_782_400)),
            Some(d("2000-02-29"))
        );
    }

    #[test]
    fn placeholder_titles() {
        for t in [
            "PowerPoint-præsentation",
            "Dokument1",
            "Microsoft Word - beretning.docx",
            "Præsentation2",
            " ",
            "beretning.pdf",
        ] {
            assert!(is_placeholder_title(t), "{t}");
        }
        for t in [
            "Formandens beretning",
            "Dokumentation af kurser",
            "Præsentation af budgettet",
        ] {
            assert!(!is_placeholder_title(t), "{t}");
        }
    }

    #[test]
    fn readable_names_and_kinds() {
        assert_eq!(
            readable_file_name(Path::new("x/formandens_beretning-2025.docx")),
            "Formandens beretning 2025"
        );
        assert_eq!(readable_file_name(Path::new(".pdf")), ".pdf");
        assert_eq!(guess_text_kind("Nyhedsbrev marts", "").0, Kind::Newsletter);
        assert_eq!(
            guess_text_kind("Formandens beretning 2025", "").0,
            Kind::ChairmanReport
        );
        let (k, c, _) = guess_text_kind("Vagtudvalgets beretning 2025", "");
        assert_eq!(
            (k, c.as_deref()),
            (Kind::CommitteeReport, Some("Vagtudvalget"))
        );
        assert_eq!(
            guess_text_kind("Hej", "Kære medlemmer\nVi ses").0,
            Kind::Newsletter
        );
        assert_eq!(guess_text_kind("Referat", "").0, Kind::Minutes);
    }
}
