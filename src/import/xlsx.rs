//! Excel (.xlsx) and OpenDocument (.ods) spreadsheets → `kind: accounts`, read with calamine:
//! every sheet with data becomes a `##` section with a table, numbers written the Danish way
//! (1.234.567, -232.080, 1.234,50) in right-aligned columns, formulas as their computed
//! (cached) values, and empty rows and columns at the edges dropped.

use super::converted::{Converted, Source};
use super::guess::Guess;
use super::markdown_out::{cell, escape_inline, table, Align};
use super::ooxml;
use crate::core::kind::Kind;
use crate::core::messages::{each, msg, Text};
use calamine::{Data, Reader};
use std::io::Cursor;

/// Sheets larger than this many cells are cut, with a note.
const MAX_CELLS: usize = 200_000;

pub fn convert(bytes: Vec<u8>, source: &Source) -> Result<Converted, Text> {
    let is_ods = source
        .path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ods"));
    let what = if is_ods {
        ooxml::SPREADSHEET
    } else {
        ooxml::EXCEL
    };
    let save_as = if is_ods { ".ods" } else { ".xlsx" };
    // The zip checks give the clearer message for encrypted and cut-short files.
    let mut pkg = ooxml::open(bytes.clone(), what, save_as)?;
    let props = pkg.core_properties();
    drop(pkg);
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        msg(
            "import.not_spreadsheet",
            &[("error", &e), ("save_as", &save_as)],
        )
    })?;
    let names = book.sheet_names();
    let mut out = Converted::default();
    let mut sections = Vec::new();
    let mut empty = 0;
    let mut top = String::new();
    for name in &names {
        let range = match book.worksheet_range(name) {
            Ok(r) => r,
            Err(e) => {
                out.facts.push(msg(
                    "import.fact.bad_sheet",
                    &[("name", name), ("error", &e)],
                ));
                continue;
            }
        };
        let rows: Vec<Vec<Data>> = range
            .rows()
            .take(MAX_CELLS / range.width().max(1))
            .map(|r| r.to_vec())
            .collect();
        let Some(grid) = trim_edges(&rows) else {
            empty += 1;
            continue;
        };
        if top.len() < 1000 {
            for row in grid.iter().take(5) {
                let words: Vec<String> = row.iter().map(plain).collect();
                top.push_str(&words.join(" "));
                top.push('\n');
            }
        }
        sections.push(format!(
            "## {}\n\n{}",
            escape_inline(name),
            sheet_table(&grid)
        ));
    }
    if sections.is_empty() {
        return Err(msg("import.no_sheets", &[]));
    }
    let sheets = sections.len();
    out.facts.push(each(|m| {
        let mut fact = m.count("import.fact.sheets", sheets, &[]);
        if empty > 0 {
            fact.push_str(&m.count("import.fact.empty_sheets", empty, &[]));
        }
        fact
    }));
    out.body = sections.join("\n\n");
    out.top_text = top;
    out.kind = Some(Guess {
        value: Kind::Accounts,
        how: msg("import.how.spreadsheet", &[]),
    });
    out.title = props.title.map(|t| Guess {
        value: t,
        how: msg("import.how.properties", &[]),
    });
    out.metadata_date = props.created;
    Ok(out)
}

fn is_blank(d: &Data) -> bool {
    match d {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// The rows and columns between the first and last non-empty ones; `None` for an empty sheet.
fn trim_edges(rows: &[Vec<Data>]) -> Option<Vec<Vec<Data>>> {
    let used: Vec<usize> = (0..rows.len())
        .filter(|&r| rows[r].iter().any(|d| !is_blank(d)))
        .collect();
    let (first, last) = (*used.first()?, *used.last()?);
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let cols: Vec<usize> = (0..width)
        .filter(|&c| rows.iter().any(|r| r.get(c).is_some_and(|d| !is_blank(d))))
        .collect();
    let (c0, c1) = (*cols.first()?, *cols.last()?);
    Some(
        rows[first..=last]
            .iter()
            .map(|r| {
                (c0..=c1)
                    .map(|c| r.get(c).cloned().unwrap_or(Data::Empty))
                    .collect()
            })
            .collect(),
    )
}

fn is_number(d: &Data) -> bool {
    matches!(d, Data::Int(_) | Data::Float(_))
}

fn sheet_table(grid: &[Vec<Data>]) -> String {
    let width = grid.first().map(Vec::len).unwrap_or(0);
    let align: Vec<Align> = (0..width)
        .map(|c| {
            let below: Vec<&Data> = grid
                .iter()
                .skip(1)
                .filter_map(|r| r.get(c))
                .filter(|d| !is_blank(d))
                .collect();
            if !below.is_empty() && below.iter().all(|d| is_number(d)) {
                Align::Right
            } else {
                Align::Left
            }
        })
        .collect();
    let rows: Vec<Vec<String>> = grid
        .iter()
        .enumerate()
        .map(|(i, r)| {
            r.iter()
                .map(|d| match d {
                    // Years as numbers in the header row: "2024", not "2.024".
                    Data::Int(y) if i == 0 => y.to_string(),
                    Data::Float(y) if i == 0 && y.fract() == 0.0 && y.abs() < 1e9 => {
                        format!("{y:.0}")
                    }
                    _ => cell(&plain(d)),
                })
                .collect()
        })
        .collect();
    table(&rows, &align)
}

/// A cell as text: numbers the Danish way, dates as 23.10.2025, errors as written.
fn plain(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => danish_number(*i as f64),
        Data::Float(f) => danish_number(*f),
        Data::Bool(b) => if *b { "ja" } else { "nej" }.into(),
        Data::DateTime(dt) => serial_date(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// 1234567 → "1.234.567"; -232080 → "-232.080"; 1234.5 → "1.234,50"; 0.125 → "0,125".
pub fn danish_number(v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let negative = v < 0.0;
    let abs = v.abs();
    let decimals = if abs.fract() == 0.0 {
        0
    } else if abs >= 1.0 || (abs * 100.0).round() / 100.0 == abs {
        2
    } else {
        4
    };
    let text = format!("{abs:.decimals$}");
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let frac = if decimals == 4 {
        frac.trim_end_matches('0')
    } else {
        frac
    };
    let mut out = String::new();
    if negative && (grouped != "0" || frac.chars().any(|c| c != '0')) {
        out.push('-');
    }
    out.push_str(&grouped);
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// An Excel date serial (days since 1899-12-30) as 23.10.2025.
fn serial_date(serial: f64) -> String {
    let days = serial.floor() as i64 - 25_569; // days from 1970-01-01
    let secs = days.saturating_mul(86_400);
    if secs < 0 {
        return format!("{serial}");
    }
    let time = std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs as u64);
    match super::guess::system_time_date(time) {
        Some(d) => format!("{:02}.{:02}.{}", d.day, d.month, d.year),
        None => format!("{serial}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_numbers() {
        assert_eq!(danish_number(1234567.0), "1.234.567");
        assert_eq!(danish_number(-232080.0), "-232.080");
        assert_eq!(danish_number(1234.5), "1.234,50");
        assert_eq!(danish_number(999.0), "999");
        assert_eq!(danish_number(0.0), "0");
        assert_eq!(danish_number(-0.004), "-0,004");
        assert_eq!(danish_number(0.125), "0,125");
        assert_eq!(danish_number(0.25), "0,25");
        assert_eq!(danish_number(1000.0), "1.000");
        assert_eq!(danish_number(f64::NAN), "");
    }

    #[test]
    fn edges_are_trimmed() {
        let e = Data::Empty;
        let rows = vec![
            vec![e.clone(), e.clone(), e.clone()],
            vec![
                e.clone(),
                Data::String("Post".into()),
                Data::String(" ".into()),
            ],
            vec![e.clone(), Data::String("Løn".into()), Data::Int(-5)],
        ];
        let grid = trim_edges(&rows).unwrap();
        assert_eq!(grid.len(), 2);
        assert_eq!(grid[0].len(), 2);
        assert_eq!(
            sheet_table(&grid),
            "| Post |  |\n| --- | ---: |\n| Løn | -5 |\n"
        );
        assert!(trim_edges(&[vec![e.clone()]]).is_none());
        let header_years = vec![
            vec![
                Data::String("Post".into()),
                Data::Float(2024.0),
                Data::Int(2025),
            ],
            vec![
                Data::String("Løn".into()),
                Data::Float(2024.0),
                Data::Int(12000),
            ],
        ];
        assert_eq!(
            sheet_table(&header_years),
            "| Post | 2024 | 2025 |\n| --- | ---: | ---: |\n| Løn | 2.024 | 12.000 |\n"
        );
    }

    #[test]
    fn excel_dates() {
        assert_eq!(serial_date(45953.0), "23.10.2025");
    }
}
