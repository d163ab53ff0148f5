//! Dates of the generated archive.
//!
//! Planning needs cheap date arithmetic (minutes a few days after their
//! meeting, agendas a few days before) clamped to the archive's years; the
//! site's own `arkiv::core::dates::Date` only parses and formats, so this small
//! copy adds the arithmetic and leaves the writing of dates (ISO and the
//! long Danish form, month names) to `arkiv::core::dates`, so generated archives
//! spell dates exactly as the site does.

use std::fmt::Write as _;

use super::rng::Rng;
use arkiv::core::i18n::Language;

/// First year of the archive: documents are spread over 26 years.
pub(super) const FIRST_YEAR: u16 = 2000;
/// Last year of the archive; date arithmetic never goes past it.
const LAST_YEAR: u16 = 2025;
/// Number of years in the archive, for spreading meetings evenly.
pub(super) const YEARS: usize = (LAST_YEAR - FIRST_YEAR + 1) as usize;

/// A day of the archive; small fields keep the plan of 10,000 documents
/// compact, and the derived order is chronological.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub(super) struct Date {
    pub(super) y: u16,
    pub(super) m: u8,
    pub(super) d: u8,
}

fn days_in_month(y: u16, m: u8) -> u8 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// A uniformly chosen valid day inside the archive's years.
    pub(super) fn random(rng: &mut Rng) -> Date {
        let y = FIRST_YEAR + rng.below(YEARS) as u16;
        let m = rng.range(1, 12) as u8;
        let d = rng.range(1, days_in_month(y, m) as usize) as u8;
        Date { y, m, d }
    }
    /// Adds (or subtracts) days, staying inside the archive's years.
    pub(super) fn add_days(self, days: i32) -> Date {
        let mut d = self;
        if days >= 0 {
            for _ in 0..days {
                if d.d < days_in_month(d.y, d.m) {
                    d.d += 1;
                } else if d.m < 12 {
                    d.m += 1;
                    d.d = 1;
                } else if d.y < LAST_YEAR {
                    d = Date {
                        y: d.y + 1,
                        m: 1,
                        d: 1,
                    };
                } else {
                    break;
                }
            }
        } else {
            for _ in 0..(-days) {
                if d.d > 1 {
                    d.d -= 1;
                } else if d.m > 1 {
                    d.m -= 1;
                    d.d = days_in_month(d.y, d.m);
                } else if d.y > FIRST_YEAR {
                    d = Date {
                        y: d.y - 1,
                        m: 12,
                        d: 31,
                    };
                } else {
                    break;
                }
            }
        }
        d
    }
    /// The same date as the site's own type, which owns the formatting.
    fn site_date(self) -> arkiv::core::dates::Date {
        arkiv::core::dates::Date {
            year: i32::from(self.y),
            month: u32::from(self.m),
            day: u32::from(self.d),
        }
    }
    /// `YYYY-MM-DD`, as front matter requires.
    pub(super) fn push_iso(self, out: &mut String) {
        let _ = write!(out, "{}", self.site_date());
    }
    /// "14. oktober 2025", as a Danish secretary writes dates in prose.
    pub(super) fn push_long(self, out: &mut String) {
        out.push_str(&self.site_date().long(Language::Da));
    }
}

/// Danish name of month `m` (1 to 12), taken from the site's own dates so the
/// generated text matches what the site prints.
pub(super) fn month_name(m: u8) -> &'static str {
    arkiv::core::dates::Date {
        year: i32::from(FIRST_YEAR),
        month: u32::from(m),
        day: 1,
    }
    .month_name(Language::Da)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: u16, m: u8, d: u8) -> Date {
        Date { y, m, d }
    }

    #[test]
    fn add_days_crosses_months_years_and_leap_days() {
        assert_eq!(date(2004, 2, 28).add_days(1), date(2004, 2, 29));
        assert_eq!(date(2005, 2, 28).add_days(1), date(2005, 3, 1));
        assert_eq!(date(2010, 12, 31).add_days(1), date(2011, 1, 1));
        assert_eq!(date(2011, 1, 1).add_days(-1), date(2010, 12, 31));
        assert_eq!(date(2000, 3, 1).add_days(-1), date(2000, 2, 29));
        assert_eq!(date(2010, 5, 10).add_days(0), date(2010, 5, 10));
    }

    #[test]
    fn add_days_stays_inside_the_archive() {
        assert_eq!(date(2025, 12, 30).add_days(10), date(2025, 12, 31));
        assert_eq!(date(2000, 1, 2).add_days(-10), date(2000, 1, 1));
    }

    #[test]
    fn random_dates_exist_and_fall_inside_the_archive() {
        let mut rng = Rng::new(3);
        for _ in 0..2000 {
            let d = Date::random(&mut rng);
            assert!((FIRST_YEAR..=LAST_YEAR).contains(&d.y));
            assert!((1..=12).contains(&d.m));
            assert!(d.d >= 1 && d.d <= days_in_month(d.y, d.m));
        }
    }

    #[test]
    fn formats_like_the_site() {
        let mut s = String::new();
        date(2007, 3, 4).push_iso(&mut s);
        s.push(' ');
        date(2007, 3, 4).push_long(&mut s);
        assert_eq!(s, "2007-03-04 4. marts 2007");
        assert_eq!(month_name(1), "januar");
        assert_eq!(month_name(12), "december");
    }
}
