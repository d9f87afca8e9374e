//! HTTP tests of the whole service, run against SQLite by default and
//! against PostgreSQL when TEST_DATABASE_URL is set (see .ci/run).

mod access;
mod audit;
mod basics;
mod calendar_feeds;
mod concurrency;
mod court_lists;
mod delivery;
mod flows;
mod helpers;
mod matrix;
mod privacy;
mod records;
mod reminders;
mod reports;
mod security;
mod times;
mod validation;
