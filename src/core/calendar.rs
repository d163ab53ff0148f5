//! The calendar: days since 1970 to dates and back, and today's date in Copenhagen, where the
//! associations are, whatever the machine's clock zone. Denmark is UTC+1, and UTC+2 in summer
//! time: the EU rule, from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
//! Sunday of October. No time zone database needed. (Dates in words are in `dates`.)

use crate::core::dates::Date;

const DAY: i64 = 86_400;
const HOUR: i64 = 3_600;

/// The date in Copenhagen at `unix` seconds since 1970-01-01 00:00 UTC.
pub fn copenhagen_date(unix: i64) -> Date {
    date_from_days((unix + copenhagen_offset(unix)).div_euclid(DAY))
}

/// Copenhagen's offset from UTC in seconds at `unix`.
pub fn copenhagen_offset(unix: i64) -> i64 {
    let year = date_from_days(unix.div_euclid(DAY)).year;
    let summer_starts = last_sunday(year, 3) * DAY + HOUR;
    let summer_ends = last_sunday(year, 10) * DAY + HOUR;
    if (summer_starts..summer_ends).contains(&unix) {
        2 * HOUR
    } else {
        HOUR
    }
}

/// Today in Copenhagen, by this machine's clock.
pub fn today() -> Date {
    let unix = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    copenhagen_date(unix)
}

/// Days since 1970-01-01 of the last Sunday of a 31-day month (March and October are).
fn last_sunday(year: i32, month: u32) -> i64 {
    let last = days_from_civil(year, month, 31);
    // 1970-01-01 was a Thursday; (days + 4) % 7 is 0 on Sundays.
    last - (last + 4).rem_euclid(7)
}

/// Days since 1970-01-01 of a date in the proleptic Gregorian calendar (H. Hinnant's algorithm).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01.
pub fn date_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date { year, month, day }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_since_1970_become_calendar_dates() {
        assert_eq!(date_from_days(0).to_string(), "1970-01-01");
        assert_eq!(date_from_days(20_414).to_string(), "2025-11-22");
        assert_eq!(date_from_days(-1).to_string(), "1969-12-31");
        assert_eq!(date_from_days(11_016).to_string(), "2000-02-29");
    }

    fn unix(year: i32, month: u32, day: u32, hour: i64, minute: i64) -> i64 {
        days_from_civil(year, month, day) * DAY + hour * HOUR + minute * 60
    }

    fn date(year: i32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn civil_days_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(date_from_days(0), date(1970, 1, 1));
        assert_eq!(date_from_days(-1), date(1969, 12, 31));
        assert_eq!(
            date_from_days(days_from_civil(2024, 2, 29)),
            date(2024, 2, 29)
        );
        assert_eq!(
            date_from_days(days_from_civil(2000, 3, 1) - 1),
            date(2000, 2, 29)
        );
        for days in (-800_000..800_000).step_by(997) {
            let d = date_from_days(days);
            assert_eq!(days_from_civil(d.year, d.month, d.day), days);
        }
    }

    #[test]
    fn last_sundays_are_the_eu_switch_days() {
        assert_eq!(date_from_days(last_sunday(2025, 3)), date(2025, 3, 30));
        assert_eq!(date_from_days(last_sunday(2025, 10)), date(2025, 10, 26));
        assert_eq!(date_from_days(last_sunday(2026, 3)), date(2026, 3, 29));
        assert_eq!(date_from_days(last_sunday(2026, 10)), date(2026, 10, 25));
        // The 31st itself is the last Sunday.
        assert_eq!(date_from_days(last_sunday(2027, 10)), date(2027, 10, 31));
    }

    #[test]
    fn winter_is_utc_plus_one() {
        // 23:30 UTC on 14 January is already the 15th in Copenhagen.
        assert_eq!(
            copenhagen_date(unix(2026, 1, 14, 23, 30)),
            date(2026, 1, 15)
        );
        assert_eq!(
            copenhagen_date(unix(2026, 1, 14, 22, 59)),
            date(2026, 1, 14)
        );
        // New Year's Eve, 23:00 UTC: a new year in Copenhagen.
        assert_eq!(copenhagen_date(unix(2025, 12, 31, 23, 0)), date(2026, 1, 1));
    }

    #[test]
    fn summer_time_starts_at_one_utc_on_the_last_sunday_of_march() {
        assert_eq!(copenhagen_offset(unix(2026, 3, 29, 0, 59)), HOUR);
        assert_eq!(copenhagen_offset(unix(2026, 3, 29, 1, 0)), 2 * HOUR);
        // The Saturday before, 22:30 UTC: still winter, so 23:30 on the 28th.
        assert_eq!(
            copenhagen_date(unix(2026, 3, 28, 22, 30)),
            date(2026, 3, 28)
        );
        // A summer evening: 22:30 UTC is 00:30 the next day.
        assert_eq!(copenhagen_date(unix(2026, 6, 30, 22, 30)), date(2026, 7, 1));
        assert_eq!(
            copenhagen_date(unix(2026, 6, 30, 21, 59)),
            date(2026, 6, 30)
        );
    }

    #[test]
    fn summer_time_ends_at_one_utc_on_the_last_sunday_of_october() {
        assert_eq!(copenhagen_offset(unix(2026, 10, 25, 0, 59)), 2 * HOUR);
        assert_eq!(copenhagen_offset(unix(2026, 10, 25, 1, 0)), HOUR);
        // 22:30 UTC on Saturday 24 October is 00:30 on the 25th (still summer time) ...
        assert_eq!(
            copenhagen_date(unix(2026, 10, 24, 22, 30)),
            date(2026, 10, 25)
        );
        // ... and 22:30 UTC on Sunday 25 October is 23:30 the same day (winter time again).
        assert_eq!(
            copenhagen_date(unix(2026, 10, 25, 22, 30)),
            date(2026, 10, 25)
        );
        assert_eq!(copenhagen_offset(unix(2027, 10, 31, 0, 30)), 2 * HOUR);
        assert_eq!(copenhagen_offset(unix(2027, 10, 24, 1, 30)), 2 * HOUR);
    }
}
