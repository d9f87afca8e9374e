//! HTTP tests of the whole service, run against SQLite by default and
//! against PostgreSQL when TEST_DATABASE_URL is set (see .ci/run).

mod access;
mod audit;
mod basics;
mod concurrency;
mod delivery;
mod flows;
mod helpers;
mod matrix;
mod records;
mod reminders;
mod times;
mod validation;
