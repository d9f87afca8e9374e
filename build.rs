//! Rebuilds the binary when a migration is added or changed: the
//! migrations are embedded (`embed_migrations!` in
//! `src/store/dialect.rs`), and without this cargo would not notice a new
//! folder under `migrations/`.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
