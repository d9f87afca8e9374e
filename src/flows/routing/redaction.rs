//! The one place a notice's data map is built: only keys on the template's
//! allow-list get in, and victim contact keys never do.

use crate::flows::templates::TemplateKey;
use serde_json::{Map, Value};

/// Keys that must never appear in any notice, whatever an allow-list says.
pub const FORBIDDEN_KEYS: &[&str] = &[
    "address",
    "phone",
    "email",
    "postcode",
    "victim_address",
    "victim_postcode",
    "victim_phone",
    "victim_email",
    "victim_contact",
    "victim_date_of_birth",
];

/// Builds the data for a notice from candidate fields. Fields off the
/// template's allow-list, forbidden fields and null values are dropped.
pub fn notice_data<'k>(
    template: TemplateKey,
    candidates: impl IntoIterator<Item = (&'k str, Value)>,
) -> Map<String, Value> {
    let allowed = template.allow_list();
    candidates
        .into_iter()
        .filter(|(key, value)| {
            allowed.contains(key) && !FORBIDDEN_KEYS.contains(key) && !value.is_null()
        })
        .map(|(key, value)| (key.to_owned(), value))
        .collect()
}
