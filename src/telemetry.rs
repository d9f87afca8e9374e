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
/// show only for a failing test. A second layer copies every event at
/// debug level and above, as JSON with its spans' fields, into an
/// in-memory buffer while any test holds a [`LogCapture`], so a test can
/// search what the service logged (see `tests/api/leaks.rs`).
pub fn init_for_tests() {
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    use tracing_subscriber::Layer;
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,actix_server=warn,diesel=warn"));
    let shown = fmt::layer()
        .with_target(false)
        .with_test_writer()
        .with_filter(filter);
    let captured = fmt::layer()
        .json()
        .with_writer(|| CaptureWriter)
        .with_filter(EnvFilter::new(CAPTURE_FILTER));
    let _ = tracing_subscriber::registry()
        .with(shown)
        .with(captured)
        .try_init();
}

/// What the capture keeps: everything from Courtside at debug and above,
/// the HTTP and database libraries at info and above.
const CAPTURE_FILTER: &str = "info,courtside=debug,tracing_actix_web=debug";

static CAPTURING: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static CAPTURED: std::sync::Mutex<Vec<u8>> = std::sync::Mutex::new(Vec::new());

struct CaptureWriter;

impl std::io::Write for CaptureWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if CAPTURING.load(std::sync::atomic::Ordering::SeqCst) > 0 {
            CAPTURED
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// While held, log lines are kept (from every test running at the time);
/// the buffer is emptied when the last holder lets go.
pub struct LogCapture(());

impl LogCapture {
    /// Installs the test subscriber if nothing has yet, and starts keeping
    /// lines. `None` when another subscriber was installed first, so the
    /// capture would see nothing.
    pub fn start() -> Option<LogCapture> {
        init_for_tests();
        CAPTURING.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let capture = LogCapture(());
        tracing::info!(canary = "courtside-log-capture", "log capture started");
        capture
            .text()
            .contains("courtside-log-capture")
            .then_some(capture)
    }

    /// Everything kept so far.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&CAPTURED.lock().unwrap_or_else(|e| e.into_inner())).into_owned()
    }
}

impl Drop for LogCapture {
    fn drop(&mut self) {
        if CAPTURING.fetch_sub(1, std::sync::atomic::Ordering::SeqCst) == 1 {
            CAPTURED.lock().unwrap_or_else(|e| e.into_inner()).clear();
        }
    }
}
