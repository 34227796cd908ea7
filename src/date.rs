//! A calendar date. The crate never reads the clock: every answer that depends on time takes a
//! [`Date`] from the caller.

use std::fmt;

use crate::text::Quoted;
use std::str::FromStr;

use crate::macros::serde_via_str;

/// A day of the proleptic Gregorian calendar, years 1 to 9999, written `YYYY-MM-DD`.
///
/// ```
/// use aml_targets::Date;
///
/// let d: Date = "2025-09-30".parse()?;
/// assert_eq!((d.year(), d.month(), d.day()), (2025, 9, 30));
/// assert_eq!(d.to_string(), "2025-09-30");
/// assert_eq!(d.add_days(1).unwrap().to_string(), "2025-10-01");
/// assert!("2025-02-30".parse::<Date>().is_err());
/// # Ok::<(), aml_targets::date::ParseDateError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    // Field order makes the derived ordering chronological.
    year: u16,
    month: u8,
    day: u8,
}

/// Why a `YYYY-MM-DD` string or a year, month and day are not a [`Date`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseDateError {
    /// The text is not ten characters of the form `YYYY-MM-DD`.
    #[error("invalid date {}: expected YYYY-MM-DD", Quoted(.input))]
    Format {
        /// The rejected input.
        input: String,
    },
    /// The year is 0.
    #[error("invalid date {}: year must be between 1 and 9999", Quoted(.input))]
    Year {
        /// The rejected input.
        input: String,
    },
    /// The month is not between 1 and 12.
    #[error("invalid date {}: month {month} is not between 1 and 12", Quoted(.input))]
    Month {
        /// The rejected input.
        input: String,
        /// The month that was given.
        month: u8,
    },
    /// The day does not exist in that month (e.g. `2025-02-30`).
    #[error("invalid date {}: day {day} does not exist, that month has {days_in_month} days", Quoted(.input))]
    Day {
        /// The rejected input.
        input: String,
        /// The day that was given.
        day: u8,
        /// How many days the month has in that year.
        days_in_month: u8,
    },
}

const fn is_leap(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// The earliest representable date, `0001-01-01`.
    pub const MIN: Date = Date::ymd(1, 1, 1);
    /// The latest representable date, `9999-12-31`.
    pub const MAX: Date = Date::ymd(9999, 12, 31);

    /// Builds a date from a year, month and day.
    ///
    /// # Errors
    ///
    /// [`ParseDateError`] when the year is not 1–9999, the month not 1–12, or the day does not
    /// exist in that month.
    pub fn new(year: u16, month: u8, day: u8) -> Result<Date, ParseDateError> {
        let input = || format!("{year:04}-{month:02}-{day:02}");
        if !(1..=9999).contains(&year) {
            return Err(ParseDateError::Year { input: input() });
        }
        if !(1..=12).contains(&month) {
            return Err(ParseDateError::Month {
                input: input(),
                month,
            });
        }
        let days_in_month = days_in_month(year, month);
        if day == 0 || day > days_in_month {
            return Err(ParseDateError::Day {
                input: input(),
                day,
                days_in_month,
            });
        }
        Ok(Date { year, month, day })
    }

    /// Builds a date in a `const` table; an invalid date fails to compile there.
    pub(crate) const fn ymd(year: u16, month: u8, day: u8) -> Date {
        assert!(year >= 1 && year <= 9999, "year out of range");
        assert!(month >= 1 && month <= 12, "month out of range");
        assert!(
            day >= 1 && day <= days_in_month(year, month),
            "day out of range"
        );
        Date { year, month, day }
    }

    /// Parses `YYYY-MM-DD`, the same as `FromStr`.
    ///
    /// # Errors
    ///
    /// [`ParseDateError`] naming what is wrong.
    pub fn parse(s: &str) -> Result<Date, ParseDateError> {
        s.parse()
    }

    /// The year, 1–9999.
    #[must_use]
    pub const fn year(self) -> u16 {
        self.year
    }

    /// The month, 1–12.
    #[must_use]
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    #[must_use]
    pub const fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it).
    #[must_use]
    pub const fn to_unix_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, or `None` outside [`Date::MIN`]..=[`Date::MAX`].
    ///
    /// Examples use this to turn the system clock into today's date; the library itself never
    /// reads the clock.
    #[must_use]
    pub const fn from_unix_days(days: i64) -> Option<Date> {
        if days < Date::MIN.to_unix_days() || days > Date::MAX.to_unix_days() {
            return None;
        }
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + if month <= 2 { 1 } else { 0 };
        // The range check above keeps every value in range of its type.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// The date `days` later (earlier when negative), or `None` past the representable range.
    #[must_use]
    pub const fn add_days(self, days: i64) -> Option<Date> {
        match self.to_unix_days().checked_add(days) {
            Some(d) => Date::from_unix_days(d),
            None => None,
        }
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    #[must_use]
    pub const fn days_until(self, later: Date) -> i64 {
        later.to_unix_days() - self.to_unix_days()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Date({self})")
    }
}

impl FromStr for Date {
    type Err = ParseDateError;

    fn from_str(s: &str) -> Result<Date, ParseDateError> {
        fn digits(b: &[u8]) -> Option<u16> {
            b.iter().try_fold(0u16, |acc, &c| {
                c.is_ascii_digit().then(|| acc * 10 + u16::from(c - b'0'))
            })
        }
        let b = s.as_bytes();
        let format = || ParseDateError::Format {
            input: s.to_owned(),
        };
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(format());
        }
        let (Some(year), Some(month), Some(day)) =
            (digits(&b[0..4]), digits(&b[5..7]), digits(&b[8..10]))
        else {
            return Err(format());
        };
        // Two digits always fit in a u8.
        #[allow(clippy::cast_possible_truncation)]
        Date::new(year, month as u8, day as u8).map_err(|e| match e {
            // Report the caller's spelling, not the normalised one.
            ParseDateError::Year { .. } => ParseDateError::Year {
                input: s.to_owned(),
            },
            ParseDateError::Month { month, .. } => ParseDateError::Month {
                input: s.to_owned(),
                month,
            },
            ParseDateError::Day {
                day, days_in_month, ..
            } => ParseDateError::Day {
                input: s.to_owned(),
                day,
                days_in_month,
            },
            ParseDateError::Format { .. } => format(),
        })
    }
}

serde_via_str!(Date, "a date written YYYY-MM-DD");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_days_round_trip_over_the_whole_range() {
        let mut d = Date::MIN;
        let mut n = d.to_unix_days();
        while d < Date::MAX {
            let next = d.add_days(1).unwrap();
            assert!(next > d);
            assert_eq!(next.to_unix_days(), n + 1);
            assert_eq!(Date::from_unix_days(n + 1), Some(next));
            d = next;
            n += 1;
        }
        assert_eq!(Date::MAX.add_days(1), None);
        assert_eq!(Date::MIN.add_days(-1), None);
        assert_eq!(Date::ymd(1970, 1, 1).to_unix_days(), 0);
        assert_eq!(Date::ymd(2000, 3, 1).to_unix_days(), 11_017);
    }
}
