//! Logging set up once. Log lines carry ids and rule names, never names,
//! addresses, phone numbers or free text.

use tracing_subscriber::{fmt, EnvFilter};

pub fn init(format: &str) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,actix_server=warn,diesel=warn"));
    let builder = fmt().with_env_filter(filter).with_target(false);
    // A second call (tests start several apps) keeps the first subscriber.
    let _ = if format == "json" {
        builder.json().flatten_event(true).try_init()
    } else {
        builder.try_init()
    };
}

/// For tests: log lines go through the test harness's capture, so they
/// show only for a failing test.
pub fn init_for_tests() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,actix_server=warn,diesel=warn"));
    let _ = fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_test_writer()
        .try_init();
}
