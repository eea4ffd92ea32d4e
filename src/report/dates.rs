//! Dates without a calendar crate: milliseconds since the Unix epoch to and from UTC dates,
//! ISO 8601 timestamps and durations, as reports and xAPI statements need them.

use crate::engine::Millis;

const DAY_MS: u64 = 86_400_000;

/// Days since 1970-01-01 to (year, month, day), after Howard Hinnant's `civil_from_days`.
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        year,
        u32::try_from(month).unwrap_or(1),
        u32::try_from(day).unwrap_or(1),
    )
}

/// (year, month, day) to days since 1970-01-01, after `days_from_civil`.
fn days(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `YYYY-MM-DD` in UTC.
pub fn date(ms: Millis) -> String {
    let (y, m, d) = civil(i64::try_from(ms / DAY_MS).unwrap_or(i64::MAX));
    format!("{y:04}-{m:02}-{d:02}")
}

/// `YYYY-MM-DD HH:MM` in UTC, for tables.
pub fn minute(ms: Millis) -> String {
    let secs = (ms % DAY_MS) / 1000;
    format!("{} {:02}:{:02}", date(ms), secs / 3600, secs / 60 % 60)
}

/// ISO 8601 timestamp in UTC with milliseconds, as xAPI wants: `2026-01-05T09:30:00.000Z`.
pub fn timestamp(ms: Millis) -> String {
    let secs = (ms % DAY_MS) / 1000;
    format!(
        "{}T{:02}:{:02}:{:02}.{:03}Z",
        date(ms),
        secs / 3600,
        secs / 60 % 60,
        secs % 60,
        ms % 1000
    )
}

/// ISO 8601 duration to the second, as xAPI wants: `PT2M13S`, `PT1H0M5S`, `PT0S`.
pub fn duration(ms: Millis) -> String {
    let secs = (ms + 500) / 1000;
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("PT{h}H{m}M{s}S")
    } else if m > 0 {
        format!("PT{m}M{s}S")
    } else {
        format!("PT{s}S")
    }
}

/// Parses `YYYY-MM-DD` (UTC midnight) into milliseconds since the epoch.
pub fn parse_date(text: &str) -> Result<Millis, String> {
    let bad = || format!("\"{text}\" is not a date: write it as YYYY-MM-DD, as in 2026-01-31");
    let mut parts = text.trim().splitn(3, '-');
    let mut next = || {
        parts
            .next()
            .and_then(|p| p.parse::<u32>().ok())
            .ok_or_else(bad)
    };
    let (y, m, d) = (next()?, next()?, next()?);
    if !(1970..=9999).contains(&y) || !(1..=12).contains(&m) || d < 1 {
        return Err(bad());
    }
    let day = days(i64::from(y), m, d);
    if civil(day) != (i64::from(y), m, d) {
        return Err(bad());
    }
    u64::try_from(day).map(|d| d * DAY_MS).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_through_milliseconds() {
        assert_eq!(date(0), "1970-01-01");
        let ms = parse_date("2026-02-28").unwrap();
        assert_eq!(date(ms), "2026-02-28");
        assert_eq!(date(parse_date("2024-02-29").unwrap()), "2024-02-29");
        assert!(parse_date("2026-02-30").is_err());
        assert!(parse_date("31/01/2026").is_err());
    }

    #[test]
    fn timestamps_and_durations_are_iso_8601() {
        let ms = parse_date("2026-01-05").unwrap() + 9 * 3_600_000 + 30 * 60_000 + 7_250;
        assert_eq!(timestamp(ms), "2026-01-05T09:30:07.250Z");
        assert_eq!(duration(133_000), "PT2M13S");
        assert_eq!(duration(3_605_000), "PT1H0M5S");
        assert_eq!(duration(400), "PT0S");
    }
}
