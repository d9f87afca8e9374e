//! Plain domain vocabulary: the enumerations Courtside stores as text and
//! exchanges as JSON, and small invariants on them. No I/O here.

mod enums;
pub use enums::*;
