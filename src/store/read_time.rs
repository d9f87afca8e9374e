//! Timestamps and dates read quickly in bulk. Diesel reads a SQLite
//! `TIMESTAMP` (stored as text) by trying chrono's format strings in turn;
//! over the hundreds of thousands of rows of a report that parsing is a
//! visible share of the time. [`DbTime`] and [`DbDate`] read the one
//! layout diesel writes (`YYYY-MM-DD HH:MM:SS[.f…]`, `YYYY-MM-DD`) by
//! hand and hand anything else to diesel's own reading; on PostgreSQL
//! (binary values) they are diesel's reading as it is.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use diesel::deserialize::{self, FromSql, FromSqlRow};
use diesel::pg::Pg;
use diesel::sql_types::{Date, Timestamp};
use diesel::sqlite::{Sqlite, SqliteValue};

use super::conn::MultiBackend;

/// A `TIMESTAMP` column's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, FromSqlRow)]
pub struct DbTime(pub NaiveDateTime);

/// A `DATE` column's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, FromSqlRow)]
pub struct DbDate(pub NaiveDate);

/// Up to `n` ASCII digits as a number, or None.
fn digits(b: &[u8]) -> Option<u32> {
    let mut n = 0u32;
    for &d in b {
        if !d.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u32::from(d - b'0');
    }
    Some(n)
}

fn date(b: &[u8]) -> Option<NaiveDate> {
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i32::try_from(digits(&b[0..4])?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(&b[5..7])?, digits(&b[8..10])?)
}

/// `YYYY-MM-DD HH:MM:SS` with an optional fraction of up to nine digits.
fn date_time(text: &str) -> Option<NaiveDateTime> {
    let b = text.as_bytes();
    if b.len() < 19 || b[10] != b' ' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let day = date(&b[0..10])?;
    let (h, m, s) = (
        digits(&b[11..13])?,
        digits(&b[14..16])?,
        digits(&b[17..19])?,
    );
    let nanos = match &b[19..] {
        [] => 0,
        [b'.', frac @ ..] if !frac.is_empty() && frac.len() <= 9 => {
            digits(frac)? * 10u32.pow(9 - frac.len() as u32)
        }
        _ => return None,
    };
    Some(day.and_time(NaiveTime::from_hms_nano_opt(h, m, s, nanos)?))
}

impl FromSql<Timestamp, Sqlite> for DbTime {
    fn from_sql(mut value: SqliteValue<'_, '_, '_>) -> deserialize::Result<Self> {
        if let Some(t) = date_time(value.read_text()) {
            return Ok(DbTime(t));
        }
        <NaiveDateTime as FromSql<Timestamp, Sqlite>>::from_sql(value).map(DbTime)
    }
}

impl FromSql<Date, Sqlite> for DbDate {
    fn from_sql(mut value: SqliteValue<'_, '_, '_>) -> deserialize::Result<Self> {
        if let Some(d) = date(value.read_text().as_bytes()) {
            return Ok(DbDate(d));
        }
        <NaiveDate as FromSql<Date, Sqlite>>::from_sql(value).map(DbDate)
    }
}

impl FromSql<Timestamp, Pg> for DbTime {
    fn from_sql(
        value: <Pg as diesel::backend::Backend>::RawValue<'_>,
    ) -> deserialize::Result<Self> {
        <NaiveDateTime as FromSql<Timestamp, Pg>>::from_sql(value).map(DbTime)
    }
}

impl FromSql<Date, Pg> for DbDate {
    fn from_sql(
        value: <Pg as diesel::backend::Backend>::RawValue<'_>,
    ) -> deserialize::Result<Self> {
        <NaiveDate as FromSql<Date, Pg>>::from_sql(value).map(DbDate)
    }
}

impl FromSql<Timestamp, MultiBackend> for DbTime {
    fn from_sql(
        value: <MultiBackend as diesel::backend::Backend>::RawValue<'_>,
    ) -> deserialize::Result<Self> {
        value.from_sql::<Self, Timestamp>()
    }
}

impl FromSql<Date, MultiBackend> for DbDate {
    fn from_sql(
        value: <MultiBackend as diesel::backend::Backend>::RawValue<'_>,
    ) -> deserialize::Result<Self> {
        value.from_sql::<Self, Date>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_layout_diesel_writes_and_nothing_else() {
        let t = |s: &str| NaiveDateTime::parse_from_str(s, "%F %T%.f").unwrap();
        for s in [
            "2026-03-30 09:00:00",
            "2026-03-30 09:00:00.5",
            "2026-03-30 23:59:59.123456",
            "2024-02-29 00:00:00.000000001",
        ] {
            assert_eq!(date_time(s), Some(t(s)), "{s}");
        }
        for s in [
            "2026-03-30T09:00:00",
            "2026-03-30 09:00",
            "2026-02-30 09:00:00",
            "2026-03-30 24:00:00",
            "2026-03-30 09:00:00.",
            "2026-03-30 09:00:00.1234567890",
            "2026-03-30 09:00:00+01:00",
            "2026-3-30 09:00:00",
        ] {
            assert_eq!(date_time(s), None, "{s}");
        }
        assert_eq!(date(b"2026-03-30"), NaiveDate::from_ymd_opt(2026, 3, 30));
        assert_eq!(date(b"2026-13-01"), None);
    }
}
