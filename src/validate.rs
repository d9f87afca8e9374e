//! Field-by-field input checks that collect every problem at once, so a
//! person fixing a form sees them all. Pure: the current instant is passed in.

use chrono::{DateTime, NaiveDate, Utc};

use crate::error::{AppError, FieldError};

/// Longest free text we accept in any one field.
pub const MAX_TEXT: usize = 2000;
/// Longest short text (names, references, rooms).
pub const MAX_SHORT: usize = 200;

#[derive(Debug, Default)]
pub struct Validator {
    errors: Vec<FieldError>,
}

impl Validator {
    pub fn new() -> Self {
        Validator::default()
    }

    pub fn error(&mut self, field: &str, message: impl Into<String>) {
        self.errors.push(FieldError::new(field, message));
    }

    pub fn check(&mut self, ok: bool, field: &str, message: impl Into<String>) {
        if !ok {
            self.error(field, message);
        }
    }

    /// Required text: present after trimming and at most `max` characters.
    pub fn text(&mut self, field: &str, value: &str, max: usize) {
        if value.trim().is_empty() {
            self.error(field, "is required and may not be blank");
        } else {
            self.length(field, value, max);
        }
    }

    /// Optional text: if present, not blank and at most `max` characters.
    pub fn opt_text(&mut self, field: &str, value: Option<&str>, max: usize) {
        if let Some(v) = value {
            if v.trim().is_empty() {
                self.error(field, "may be left out, but not blank");
            } else {
                self.length(field, v, max);
            }
        }
    }

    fn length(&mut self, field: &str, value: &str, max: usize) {
        let n = value.chars().count();
        if n > max {
            self.error(
                field,
                format!("is {n} characters long; at most {max} are allowed"),
            );
        }
    }

    /// An instant written as RFC 3339 with its UTC offset, e.g.
    /// `2026-03-30T10:00:00+01:00`; returns it in UTC. A UK wall-clock time
    /// the clocks skip in spring (01:00-01:59 on the last Sunday of March)
    /// written with the BST offset (+01:00) is refused: the clocks show no
    /// such time, so the sender cannot have meant one.
    pub fn instant(&mut self, field: &str, value: &str) -> Option<DateTime<Utc>> {
        match DateTime::parse_from_rfc3339(value.trim()) {
            Ok(t) if t.offset().local_minus_utc() == 3600 => {
                let wall = t.naive_local();
                if let Err(skipped) = crate::calendar::typed_local_to_utc(wall.date(), wall.time())
                {
                    self.error(
                        field,
                        format!("names {skipped} (or send the instant in UTC, ending Z)"),
                    );
                    return None;
                }
                Some(t.with_timezone(&Utc))
            }
            Ok(t) => Some(t.with_timezone(&Utc)),
            Err(_) => {
                self.error(
                    field,
                    "must be a date and time with its UTC offset, e.g. 2026-03-30T10:00:00+01:00",
                );
                None
            }
        }
    }

    pub fn opt_instant(&mut self, field: &str, value: Option<&str>) -> Option<DateTime<Utc>> {
        value.and_then(|v| self.instant(field, v))
    }

    /// A calendar date written `YYYY-MM-DD`.
    pub fn date(&mut self, field: &str, value: &str) -> Option<NaiveDate> {
        match NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                self.error(
                    field,
                    "must be a real date written YYYY-MM-DD, e.g. 2026-03-30",
                );
                None
            }
        }
    }

    pub fn opt_date(&mut self, field: &str, value: Option<&str>) -> Option<NaiveDate> {
        value.and_then(|v| self.date(field, v))
    }

    /// An id that must look like one of ours (a UUID) before we look it up.
    pub fn id(&mut self, field: &str, value: &str) {
        if uuid::Uuid::parse_str(value).is_err() {
            self.error(field, "must be the id of an existing record (a UUID)");
        }
    }

    pub fn opt_id(&mut self, field: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.id(field, v);
        }
    }

    pub fn email(&mut self, field: &str, value: &str) {
        let v = value.trim();
        let ok = v.len() <= MAX_SHORT
            && v.split_once('@')
                .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'));
        self.check(
            ok,
            field,
            "must be an email address such as name@example.org",
        );
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// Ok if nothing was wrong; otherwise every problem found.
    /// The fields that failed, in order (for tests of input checks).
    #[cfg(test)]
    pub fn failed_fields(self) -> Vec<String> {
        match self.finish() {
            Ok(()) => vec![],
            Err(AppError::Validation(errs)) => errs.into_iter().map(|e| e.field).collect(),
            Err(other) => panic!("unexpected {other:?}"),
        }
    }

    pub fn finish(self) -> Result<(), AppError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(AppError::Validation(self.errors))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(v: Validator) -> Vec<String> {
        v.failed_fields()
    }

    #[test]
    fn collects_every_bad_field() {
        let mut v = Validator::new();
        v.text("name", "  ", 10);
        v.text("room", "Court 1", 10);
        v.text("note", &"x".repeat(11), 10);
        v.instant("starts_at", "2026-03-30 10:00");
        v.date("on", "2026-02-30");
        v.id("court_id", "nope");
        v.email("email", "someone");
        assert_eq!(
            fields(v),
            ["name", "note", "starts_at", "on", "court_id", "email"]
        );
    }

    #[test]
    fn instants_keep_their_offset_and_come_back_in_utc() {
        let mut v = Validator::new();
        let t = v.instant("t", "2026-03-30T10:00:00+01:00").unwrap();
        assert_eq!(t.to_rfc3339(), "2026-03-30T09:00:00+00:00");
        assert!(v.is_empty());
    }

    #[test]
    fn a_bst_time_the_spring_clocks_skip_is_refused() {
        // (value sent, accepted as this UTC instant, or refused)
        let cases = [
            ("2026-03-29T01:30:00+01:00", None),
            ("2026-03-29T01:00:00+01:00", None),
            ("2027-03-28T01:59:00+01:00", None),
            ("2026-03-29T01:30:00Z", Some("2026-03-29T01:30:00+00:00")),
            (
                "2026-03-29T01:30:00+00:00",
                Some("2026-03-29T01:30:00+00:00"),
            ),
            (
                "2026-03-29T02:30:00+01:00",
                Some("2026-03-29T01:30:00+00:00"),
            ),
            (
                "2026-03-29T00:30:00+00:00",
                Some("2026-03-29T00:30:00+00:00"),
            ),
            (
                "2026-10-25T01:30:00+01:00",
                Some("2026-10-25T00:30:00+00:00"),
            ),
            (
                "2026-10-25T01:30:00+00:00",
                Some("2026-10-25T01:30:00+00:00"),
            ),
        ];
        for (sent, expected) in cases {
            let mut v = Validator::new();
            let got = v.instant("starts_at", sent).map(|t| t.to_rfc3339());
            assert_eq!(got.as_deref(), expected, "{sent}");
            match v.finish() {
                Ok(()) => assert!(expected.is_some(), "{sent}"),
                Err(AppError::Validation(errs)) => {
                    assert!(expected.is_none(), "{sent}");
                    assert_eq!(errs[0].field, "starts_at");
                    assert!(
                        errs[0].message.contains("does not exist in UK time"),
                        "{errs:?}"
                    );
                }
                Err(other) => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        let mut v = Validator::new();
        v.text("name", "Ŵŷŵ", 3);
        assert!(v.is_empty());
    }
}
