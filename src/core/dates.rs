//! Calendar dates as the content format has them (YYYY-MM-DD), written the way a Danish or
//! English reader expects. Hand-written because a date library would be most of its weight.

use crate::core::i18n::Language;
use crate::core::messages::{msg, Text};
use std::fmt;

/// A calendar date without time zone: documents are dated by day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// Danish month names, January first (also read by `arkiv import` to find dates in text).
pub const MONTHS_DA: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Whether `word` (lower case) is a month's name in Danish or English.
pub fn is_month_name(word: &str) -> bool {
    MONTHS_DA.contains(&word) || MONTHS_EN.iter().any(|m| m.eq_ignore_ascii_case(word))
}

impl Date {
    /// Parses `YYYY-MM-DD`, checking that the day exists (no 31 April, 29 February only in leap years).
    pub fn parse(text: &str) -> Result<Date, Text> {
        let text = text.trim();
        let parts: Vec<&str> = text.split('-').collect();
        let bad = || msg("date.not_a_date", &[("text", &text)]);
        if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
            return Err(bad());
        }
        let year: i32 = parts[0].parse().map_err(|_| bad())?;
        let month: u32 = parts[1].parse().map_err(|_| bad())?;
        let day: u32 = parts[2].parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) {
            return Err(msg("date.bad_month", &[("text", &text), ("month", &month)]));
        }
        let max = days_in_month(year, month);
        if day < 1 || day > max {
            return Err(msg(
                "date.bad_day",
                &[("text", &text), ("day", &day), ("max", &max)],
            ));
        }
        Ok(Date { year, month, day })
    }

    /// "14. oktober 2025" or "14 October 2025".
    pub fn long(&self, language: Language) -> String {
        let m = (self.month - 1) as usize;
        match language {
            Language::Da => format!("{}. {} {}", self.day, MONTHS_DA[m], self.year),
            Language::En => format!("{} {} {}", self.day, MONTHS_EN[m], self.year),
        }
    }

    /// "14. okt. 2025" / "14 Oct 2025": for dense lists on a phone.
    pub fn short(&self, language: Language) -> String {
        let m = (self.month - 1) as usize;
        match language {
            Language::Da => {
                let name = MONTHS_DA[m];
                if name.len() <= 4 {
                    format!("{}. {} {}", self.day, name, self.year)
                } else {
                    format!("{}. {}. {}", self.day, &name[..3], self.year)
                }
            }
            Language::En => format!("{} {} {}", self.day, &MONTHS_EN[m][..3], self.year),
        }
    }

    /// Month name alone, for grouping lists by month.
    pub fn month_name(&self, language: Language) -> &'static str {
        let m = (self.month - 1) as usize;
        match language {
            Language::Da => MONTHS_DA[m],
            Language::En => MONTHS_EN[m],
        }
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats_danish() {
        let d = Date::parse("2025-10-14").unwrap();
        assert_eq!(d.long(Language::Da), "14. oktober 2025");
        assert_eq!(d.long(Language::En), "14 October 2025");
        assert_eq!(d.short(Language::Da), "14. okt. 2025");
        assert_eq!(
            Date::parse("2025-05-01").unwrap().short(Language::Da),
            "1. maj 2025"
        );
        assert_eq!(d.to_string(), "2025-10-14");
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::parse("2025-02-29").is_err());
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2025-13-01")
            .unwrap_err()
            .en
            .contains("month 13"));
        assert!(Date::parse("2025-04-31")
            .unwrap_err()
            .en
            .contains("30 days"));
        assert!(Date::parse("14-10-2025").is_err());
        assert!(Date::parse("2025-1-5").is_err());
        assert!(Date::parse("i går").is_err());
    }
}
