//! Times as a team lead reads them and as other programs take them. Results keep their
//! instants as milliseconds since the Unix epoch, which is UTC; every time a report shows is
//! turned into the lead's time zone here, by jiff, from a [`Zone`] the caller hands in. The
//! zone is read from the environment once, by the command line ([`Zone::from_environment`]),
//! so the same results and zone always print the same report.

use std::borrow::Cow;

use jiff::civil::Date;
use jiff::tz::{AmbiguousOffset, TimeZone};
use jiff::{SignedDuration, Timestamp};

use crate::engine::Millis;
use crate::i18n::{Args, Lang, Messages};

/// A time zone to show times in, with the name a report gives it.
#[derive(Debug, Clone)]
pub struct Zone {
    tz: TimeZone,
    name: Cow<'static, str>,
    /// Why this is UTC although the user's own zone was asked for.
    fallback: Option<Fallback>,
}

/// Why a report's times are in UTC although the user's own zone was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Fallback {
    /// `TZ` names no zone that can be read: its value, and what the zone lookup said.
    BadTz { value: String, detail: String },
    /// `TZ` is not set and the system names no zone.
    NoZone,
}

impl Fallback {
    fn localize(&self, lang: Lang) -> String {
        let m = Messages::get(lang);
        match self {
            Fallback::BadTz { value, detail } => m.msg(
                "report-zone-bad-tz",
                &Args::new()
                    .text("tz", value.as_str())
                    .text("detail", detail.as_str()),
            ),
            Fallback::NoZone => m.msg("report-zone-none", &Args::new()),
        }
    }
}

impl Zone {
    pub const UTC: Zone = Zone {
        tz: TimeZone::UTC,
        name: Cow::Borrowed("UTC"),
        fallback: None,
    };

    /// A zone from the time zone database, such as `Europe/Oslo`.
    pub fn named(name: &str) -> Result<Zone, String> {
        let tz = TimeZone::get(name).map_err(|e| format!("unknown time zone \"{name}\": {e}"))?;
        Ok(Zone::from_tz(tz, name))
    }

    /// The user's zone: `TZ` when it is set, else the system's (`/etc/localtime` on Unix).
    /// When neither names a zone that can be read, UTC, and [`fallback`](Zone::fallback)
    /// says why. `tz_variable` is the value of `TZ`, used to name a zone given by a rule
    /// (such as `CET-1CEST,M3.5.0,M10.5.0/3`) rather than by its database name.
    pub fn from_environment(tz_variable: Option<&str>) -> Zone {
        Zone::from_lookup(
            TimeZone::try_system().map_err(|e| e.to_string()),
            tz_variable,
        )
    }

    /// The zone the system lookup found, named; or UTC with the reason there is none.
    fn from_lookup(found: Result<TimeZone, String>, tz_variable: Option<&str>) -> Zone {
        match found {
            Ok(tz) => {
                let name = tz_variable
                    .filter(|v| !v.is_empty())
                    .unwrap_or("local time");
                Zone::from_tz(tz, name)
            }
            Err(e) => Zone {
                fallback: Some(match tz_variable {
                    Some(v) if !v.is_empty() => Fallback::BadTz {
                        value: v.to_owned(),
                        detail: e,
                    },
                    _ => Fallback::NoZone,
                }),
                ..Zone::UTC
            },
        }
    }

    fn from_tz(tz: TimeZone, fallback_name: &str) -> Zone {
        let name = tz
            .iana_name()
            .map_or_else(|| fallback_name.to_owned(), str::to_owned);
        Zone {
            tz,
            name: Cow::Owned(name),
            fallback: None,
        }
    }

    /// The zone's name: its database name (`Europe/Oslo`, `UTC`), or the `TZ` rule it came
    /// from, or "local time".
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Why times are in UTC although the user's own zone was asked for, in English (as
    /// JSON keeps it); `None` when they are in the zone asked for.
    pub fn fallback(&self) -> Option<String> {
        self.fallback_in(Lang::En)
    }

    /// [`fallback`](Zone::fallback) in `lang`; what the zone lookup said stays as it said it.
    pub fn fallback_in(&self, lang: Lang) -> Option<String> {
        self.fallback.as_ref().map(|f| f.localize(lang))
    }

    /// The sentence a printed report opens with, saying which zone its times are in.
    pub fn describe(&self) -> String {
        self.describe_in(Lang::En)
    }

    /// [`describe`](Zone::describe) in `lang`.
    pub fn describe_in(&self, lang: Lang) -> String {
        let m = Messages::get(lang);
        match self.fallback_in(lang) {
            Some(why) => m.msg("report-zone-utc", &Args::new().text("why", why)),
            None => m.msg("report-zone", &Args::new().text("zone", self.name.as_ref())),
        }
    }

    fn at(&self, ms: Millis) -> jiff::ZonedDateTime {
        let ms = i64::try_from(ms).unwrap_or(i64::MAX);
        let instant = Timestamp::from_millisecond(ms).unwrap_or(Timestamp::MAX);
        instant.to_zoned_datetime(self.tz.clone())
    }

    /// `YYYY-MM-DD`, the day in this zone.
    pub fn date(&self, ms: Millis) -> String {
        self.at(ms).strftime("%Y-%m-%d").to_string()
    }

    /// `YYYY-MM-DD HH:MM` in this zone, for tables. Where the clock went back and that minute
    /// happened twice, the offset follows (`2026-10-25 02:30 +02:00`), so the two read apart.
    pub fn minute(&self, ms: Millis) -> String {
        let at = self.at(ms);
        let text = at.strftime("%Y-%m-%d %H:%M").to_string();
        match self.tz.to_ambiguous_timestamp(at.datetime()).offset() {
            AmbiguousOffset::Fold { .. } => format!("{text} {}", at.strftime("%:z")),
            AmbiguousOffset::Unambiguous { .. } | AmbiguousOffset::Gap { .. } => text,
        }
    }

    /// RFC 3339 with milliseconds and this zone's offset, for CSV, JSON and xAPI:
    /// `2026-01-05T10:30:07.250+01:00`. The instant is exact whatever the zone.
    pub fn rfc3339(&self, ms: Millis) -> String {
        self.at(ms).strftime("%Y-%m-%dT%H:%M:%S%.3f%:z").to_string()
    }

    /// The first instant of `day` in this zone (midnight, or the first minute after a
    /// change of clocks that skipped it); days before 1970 read as 1970-01-01.
    pub fn start_of_day(&self, day: Date) -> Millis {
        let start = day
            .to_zoned_datetime(self.tz.clone())
            .and_then(|z| z.start_of_day());
        start.map_or(0, |z| {
            u64::try_from(z.timestamp().as_millisecond()).unwrap_or(0)
        })
    }
}

/// What `--since` was given: a day in the user's zone, or an exact instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Since {
    Day(Date),
    Instant(Millis),
}

impl Since {
    /// The first instant that counts: for a day, its start in `zone`.
    pub fn resolve(self, zone: &Zone) -> Millis {
        match self {
            Since::Day(day) => zone.start_of_day(day),
            Since::Instant(ms) => ms,
        }
    }
}

/// Parses `--since`: a date `YYYY-MM-DD` (a day in the user's zone) or an RFC 3339 instant
/// with its offset (`2026-01-31T09:00:00+01:00`, `2026-01-31T08:00:00Z`).
pub fn parse_since(text: &str) -> Result<Since, String> {
    let text = text.trim();
    // Instants first: jiff's date parser also takes the date out of a longer text.
    if let Ok(instant) = text.parse::<Timestamp>() {
        return Ok(Since::Instant(
            u64::try_from(instant.as_millisecond()).unwrap_or(0),
        ));
    }
    if let Ok(day) = Date::strptime("%Y-%m-%d", text) {
        return Ok(Since::Day(day));
    }
    Err(format!(
        "\"{text}\" is neither a date nor an instant: write a day in your time zone as \
         YYYY-MM-DD (2026-01-31), or an exact time with its offset as RFC 3339 \
         (2026-01-31T09:00:00+01:00)"
    ))
}

/// ISO 8601 duration to the hundredth of a second, as xAPI keeps it: `PT2M13S`, `PT1H5S`,
/// `PT0.4S`, `PT0S`.
pub fn duration(ms: Millis) -> String {
    let centis = i64::try_from(ms.saturating_add(5) / 10).unwrap_or(i64::MAX / 10);
    SignedDuration::from_millis(centis.saturating_mul(10)).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oslo() -> Zone {
        Zone::named("Europe/Oslo").unwrap()
    }

    /// 2026-01-05T09:30:07.250Z.
    const WINTER: Millis = 1_767_605_407_250;

    #[test]
    fn an_instant_reads_in_the_zone_it_is_shown_in() {
        assert_eq!(Zone::UTC.minute(WINTER), "2026-01-05 09:30");
        assert_eq!(oslo().minute(WINTER), "2026-01-05 10:30");
        assert_eq!(Zone::UTC.rfc3339(WINTER), "2026-01-05T09:30:07.250+00:00");
        assert_eq!(oslo().rfc3339(WINTER), "2026-01-05T10:30:07.250+01:00");
        assert_eq!(Zone::UTC.date(0), "1970-01-01");
        // 23:30 UTC is already the next day in Oslo.
        let late = WINTER + 14 * 3_600_000;
        assert_eq!(Zone::UTC.date(late), "2026-01-05");
        assert_eq!(oslo().date(late), "2026-01-06");
    }

    #[test]
    fn a_minute_that_happened_twice_carries_its_offset() {
        // 2026-10-25: Oslo's clocks go back from 03:00 to 02:00.
        let first = parse_since("2026-10-25T02:30:00+02:00").unwrap();
        let second = parse_since("2026-10-25T02:30:00+01:00").unwrap();
        let (Since::Instant(first), Since::Instant(second)) = (first, second) else {
            panic!("instants expected");
        };
        assert_eq!(oslo().minute(first), "2026-10-25 02:30 +02:00");
        assert_eq!(oslo().minute(second), "2026-10-25 02:30 +01:00");
        assert_eq!(oslo().minute(second + 3_600_000), "2026-10-25 03:30");
    }

    #[test]
    fn since_takes_a_local_day_or_an_exact_instant() {
        let day = parse_since("2026-01-05").unwrap();
        assert_eq!(day, Since::Day(jiff::civil::date(2026, 1, 5)));
        assert_eq!(day.resolve(&Zone::UTC), 1_767_571_200_000);
        // Midnight in Oslo is 23:00 UTC the day before.
        assert_eq!(day.resolve(&oslo()), 1_767_571_200_000 - 3_600_000);
        assert_eq!(
            parse_since("2026-01-05T10:30:07.250+01:00").unwrap(),
            Since::Instant(WINTER)
        );
        assert_eq!(
            parse_since("2026-01-05T09:30:07.250Z").unwrap(),
            Since::Instant(WINTER)
        );
        for bad in [
            "2026-02-30",
            "31/01/2026",
            "2026-01-05T09:30",
            "yesterday",
            "",
        ] {
            let error = parse_since(bad).unwrap_err();
            assert!(
                error.contains("YYYY-MM-DD") && error.contains("RFC 3339"),
                "{error}"
            );
        }
    }

    #[test]
    fn durations_are_iso_8601_to_the_hundredth() {
        assert_eq!(duration(133_000), "PT2M13S");
        assert_eq!(duration(3_605_000), "PT1H5S");
        assert_eq!(duration(400), "PT0.4S");
        assert_eq!(duration(2_354), "PT2.35S");
        assert_eq!(duration(0), "PT0S");
    }

    #[test]
    fn without_a_zone_to_read_times_are_utc_and_the_report_says_why() {
        let unset = Zone::from_lookup(Err("none".into()), None);
        assert_eq!(unset.name(), "UTC");
        assert_eq!(unset.minute(WINTER), "2026-01-05 09:30");
        let said = unset.describe();
        assert!(said.starts_with("Times are in UTC: no local time zone was found (TZ is not set"));
        assert!(said.contains("TZ=Europe/Oslo"), "{said}");
        let wrong = Zone::from_lookup(Err("no such zone".into()), Some("Mars/Olympus"));
        assert_eq!(
            wrong.fallback().as_deref(),
            Some("TZ=Mars/Olympus is not a time zone Composure can read (no such zone)")
        );
        let rule = TimeZone::posix("CET-1CEST,M3.5.0,M10.5.0/3").unwrap();
        let named = Zone::from_lookup(Ok(rule), Some("CET-1CEST,M3.5.0,M10.5.0/3"));
        assert_eq!(named.name(), "CET-1CEST,M3.5.0,M10.5.0/3");
        assert_eq!(named.minute(WINTER), "2026-01-05 10:30");
        assert_eq!(named.fallback(), None);
    }

    #[test]
    fn an_unknown_zone_is_refused_by_name() {
        assert!(Zone::named("Nowhere/Atlantis").is_err());
        assert_eq!(Zone::UTC.describe(), "Times are in UTC.");
        assert_eq!(oslo().describe(), "Times are in Europe/Oslo.");
    }
}
