//! HTTP tests of the whole service, run against SQLite by default and
//! against PostgreSQL when TEST_DATABASE_URL is set (see .ci/run).

mod access;
mod acknowledgements;
mod audit;
mod basics;
mod calendar_feeds;
mod change_property;
mod changes;
mod concurrency;
mod court_lists;
mod court_needs;
mod deadlines;
mod delivery;
mod demo;
mod dialect;
mod flows;
mod helpers;
mod leaks;
mod matrix;
mod oidc;
mod privacy;
mod proxies;
mod query_fuzz;
mod read_policy;
mod records;
mod reminder_rules;
mod reminders;
mod reports;
mod safe_hours;
mod security;
mod stop_all;
mod times;
mod validation;
mod webhooks;
mod welsh;
