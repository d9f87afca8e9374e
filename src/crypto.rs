//! Field encryption at rest for a victim's sensitive details.
//!
//! Each value is sealed with ChaCha20-Poly1305 under a fresh random nonce
//! and stored as text, `v1:<key id>:<base64 of nonce then ciphertext>`, in
//! the column that held the plain text. The key id is bound into the
//! sealed value (as associated data), so a value cannot be passed off as
//! sealed under another key, and any edited byte fails to open.
//!
//! A [`KeyRing`] holds every key that may still be in use: the first is
//! current and seals new values; all are tried, by key id, to open old
//! ones, so keys can be rotated without downtime. The process's ring is
//! installed once at start-up ([`install`]) and read through [`ring`].

use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};

const PREFIX: &str = "v1";
const NONCE_LEN: usize = 12;

/// What went wrong; never carries the value or the key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CryptoError {
    #[error("field key list is malformed: {0}")]
    BadKeys(String),
    #[error("stored value is not an encrypted field")]
    NotSealed,
    #[error("stored value names key {0:?}, which is not configured")]
    UnknownKey(String),
    #[error("stored value failed its integrity check")]
    Tampered,
    #[error("field encryption keys are not loaded: set COURTSIDE_FIELD_KEYS")]
    NoRing,
}

/// The keys, by id; `current` seals.
#[derive(Clone)]
pub struct KeyRing {
    current: String,
    keys: BTreeMap<String, ChaCha20Poly1305>,
}

impl std::fmt::Debug for KeyRing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Ids only: the keys themselves never reach a log.
        f.debug_struct("KeyRing")
            .field("current", &self.current)
            .field("ids", &self.keys.keys().collect::<Vec<_>>())
            .finish()
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 32
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

impl KeyRing {
    /// Parses `id:base64key,id:base64key`; the first is current. Keys are
    /// 32 bytes.
    pub fn parse(spec: &str) -> Result<KeyRing, CryptoError> {
        let mut current = None;
        let mut keys = BTreeMap::new();
        for (n, part) in spec
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .enumerate()
        {
            let (id, key) = part
                .split_once(':')
                .ok_or_else(|| CryptoError::BadKeys(format!("entry {} has no `id:`", n + 1)))?;
            if !valid_id(id) {
                return Err(CryptoError::BadKeys(format!(
                    "entry {}: ids are 1-32 letters, digits, - or _",
                    n + 1
                )));
            }
            let bytes = B64
                .decode(key.trim())
                .map_err(|_| CryptoError::BadKeys(format!("key {id:?} is not valid base64")))?;
            if bytes.len() != 32 {
                return Err(CryptoError::BadKeys(format!(
                    "key {id:?} must be 32 bytes, not {}",
                    bytes.len()
                )));
            }
            if keys
                .insert(
                    id.to_string(),
                    ChaCha20Poly1305::new(Key::from_slice(&bytes)),
                )
                .is_some()
            {
                return Err(CryptoError::BadKeys(format!("key {id:?} appears twice")));
            }
            current.get_or_insert_with(|| id.to_string());
        }
        let current = current.ok_or_else(|| CryptoError::BadKeys("no keys".into()))?;
        Ok(KeyRing { current, keys })
    }

    /// A new random key in the `id:base64key` form.
    pub fn generate_spec(id: &str) -> String {
        let key = ChaCha20Poly1305::generate_key(&mut OsRng);
        format!("{id}:{}", B64.encode(key))
    }

    /// The id of the key that seals new values.
    pub fn current_id(&self) -> &str {
        &self.current
    }

    /// Every key id, for reports.
    pub fn ids(&self) -> Vec<String> {
        self.keys.keys().cloned().collect()
    }

    /// This ring with `other`'s keys added for reading (its own current
    /// key stays current; its own keys win on a clash of ids).
    pub fn with_readers(mut self, other: &KeyRing) -> KeyRing {
        for (id, key) in &other.keys {
            self.keys.entry(id.clone()).or_insert_with(|| key.clone());
        }
        self
    }

    /// Seals a value under the current key with a fresh nonce.
    pub fn encrypt(&self, plain: &str) -> String {
        let cipher = &self.keys[&self.current];
        let nonce = ChaCha20Poly1305::generate_nonce(&mut OsRng);
        let sealed = cipher
            .encrypt(
                &nonce,
                Payload {
                    msg: plain.as_bytes(),
                    aad: self.current.as_bytes(),
                },
            )
            .expect("sealing a field cannot fail for in-memory lengths");
        let mut blob = nonce.to_vec();
        blob.extend_from_slice(&sealed);
        format!("{PREFIX}:{}:{}", self.current, B64.encode(blob))
    }

    /// Opens a sealed value with the key it names.
    pub fn decrypt(&self, stored: &str) -> Result<String, CryptoError> {
        let (id, blob) = split(stored).ok_or(CryptoError::NotSealed)?;
        let cipher = self
            .keys
            .get(id)
            .ok_or_else(|| CryptoError::UnknownKey(id.to_string()))?;
        let blob = B64.decode(blob).map_err(|_| CryptoError::Tampered)?;
        if blob.len() < NONCE_LEN {
            return Err(CryptoError::Tampered);
        }
        let (nonce, sealed) = blob.split_at(NONCE_LEN);
        let plain = cipher
            .decrypt(
                Nonce::from_slice(nonce),
                Payload {
                    msg: sealed,
                    aad: id.as_bytes(),
                },
            )
            .map_err(|_| CryptoError::Tampered)?;
        String::from_utf8(plain).map_err(|_| CryptoError::Tampered)
    }

    /// Seals an optional value.
    pub fn encrypt_opt(&self, plain: Option<&str>) -> Option<String> {
        plain.map(|p| self.encrypt(p))
    }

    /// Opens an optional value.
    pub fn decrypt_opt(&self, stored: Option<&str>) -> Result<Option<String>, CryptoError> {
        stored.map(|s| self.decrypt(s)).transpose()
    }

    /// Whether a stored value is already sealed under the current key.
    pub fn is_current(&self, stored: &str) -> bool {
        matches!(split(stored), Some((id, _)) if id == self.current)
    }
}

/// `(key id, payload)` of a sealed value, or None for anything else.
fn split(stored: &str) -> Option<(&str, &str)> {
    let rest = stored.strip_prefix(PREFIX)?.strip_prefix(':')?;
    let (id, blob) = rest.split_once(':')?;
    valid_id(id).then_some((id, blob))
}

/// Whether a stored value looks sealed (of any key).
pub fn is_sealed(stored: &str) -> bool {
    split(stored).is_some()
}

static RING: RwLock<Option<Arc<KeyRing>>> = RwLock::new(None);

/// Installs the process's ring. Installing again (tests start several
/// services in one process) makes the new ring current and keeps the
/// earlier keys for reading.
pub fn install(ring: KeyRing) {
    let mut slot = RING.write().unwrap_or_else(|e| e.into_inner());
    let merged = match slot.as_deref() {
        Some(old) => ring.with_readers(old),
        None => ring,
    };
    *slot = Some(Arc::new(merged));
}

/// The process's ring.
pub fn ring() -> Result<Arc<KeyRing>, CryptoError> {
    RING.read()
        .unwrap_or_else(|e| e.into_inner())
        .clone()
        .ok_or(CryptoError::NoRing)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(id: &str, byte: u8) -> String {
        format!("{id}:{}", B64.encode([byte; 32]))
    }

    #[test]
    fn round_trips_with_fresh_nonces() {
        let ring = KeyRing::parse(&spec("a", 1)).unwrap();
        for plain in [
            "",
            "Jane Doe",
            "07700 900123",
            "Flat 2, 1 High St\nLeeds",
            "Ŵyn ✓",
        ] {
            let one = ring.encrypt(plain);
            let two = ring.encrypt(plain);
            assert!(one.starts_with("v1:a:"), "{one}");
            assert_ne!(one, two, "nonce must be fresh");
            assert!(!one.contains(plain) || plain.is_empty());
            assert_eq!(ring.decrypt(&one).unwrap(), plain);
            assert_eq!(ring.decrypt(&two).unwrap(), plain);
        }
    }

    #[test]
    fn rejects_tampering_wrong_keys_and_plain_text() {
        let ring = KeyRing::parse(&spec("a", 1)).unwrap();
        let sealed = ring.encrypt("07700 900123");
        let (head, blob) = sealed.rsplit_once(':').unwrap();
        let mut bytes = B64.decode(blob).unwrap();
        let cases: Vec<(String, CryptoError)> = vec![
            // A flipped bit in the nonce, the ciphertext and the tag.
            {
                let mut b = bytes.clone();
                b[0] ^= 1;
                (format!("{head}:{}", B64.encode(b)), CryptoError::Tampered)
            },
            {
                let mut b = bytes.clone();
                b[NONCE_LEN] ^= 0x80;
                (format!("{head}:{}", B64.encode(b)), CryptoError::Tampered)
            },
            {
                let last = bytes.len() - 1;
                bytes[last] ^= 1;
                (
                    format!("{head}:{}", B64.encode(&bytes)),
                    CryptoError::Tampered,
                )
            },
            // Truncated, not base64, another key's id, no prefix.
            ("v1:a:AAAA".into(), CryptoError::Tampered),
            ("v1:a:***".into(), CryptoError::Tampered),
            (
                sealed.replacen("v1:a:", "v1:b:", 1),
                CryptoError::UnknownKey("b".into()),
            ),
            ("07700 900123".into(), CryptoError::NotSealed),
            ("v2:a:xyz".into(), CryptoError::NotSealed),
        ];
        for (stored, want) in cases {
            assert_eq!(ring.decrypt(&stored), Err(want), "{stored}");
        }
        // The same id with a different key: the tag does not match.
        let impostor = KeyRing::parse(&spec("a", 2)).unwrap();
        assert_eq!(impostor.decrypt(&sealed), Err(CryptoError::Tampered));
        // Relabelling a value as sealed under another known key fails too.
        let both = KeyRing::parse(&format!("{},{}", spec("b", 1), spec("a", 1))).unwrap();
        let relabelled = sealed.replacen("v1:a:", "v1:b:", 1);
        assert_eq!(both.decrypt(&relabelled), Err(CryptoError::Tampered));
    }

    #[test]
    fn rotation_reads_old_keys_and_writes_the_current_one() {
        let old = KeyRing::parse(&spec("k1", 1)).unwrap();
        let sealed_old = old.encrypt("Flat 2");
        let new = KeyRing::parse(&format!("{},{}", spec("k2", 2), spec("k1", 1))).unwrap();
        assert_eq!(new.current_id(), "k2");
        assert_eq!(new.decrypt(&sealed_old).unwrap(), "Flat 2");
        assert!(!new.is_current(&sealed_old));
        let sealed_new = new.encrypt("Flat 2");
        assert!(new.is_current(&sealed_new));
        assert!(sealed_new.starts_with("v1:k2:"));
        // The old ring cannot read what the new key sealed.
        assert_eq!(
            old.decrypt(&sealed_new),
            Err(CryptoError::UnknownKey("k2".into()))
        );
        // Once k1 is retired, its values no longer open.
        let retired = KeyRing::parse(&spec("k2", 2)).unwrap();
        assert_eq!(
            retired.decrypt(&sealed_old),
            Err(CryptoError::UnknownKey("k1".into()))
        );
    }

    #[test]
    fn parses_key_lists_strictly() {
        let good = KeyRing::parse(&format!(" {} , {} ", spec("a", 1), spec("b-2", 2))).unwrap();
        assert_eq!(good.current_id(), "a");
        assert_eq!(good.ids(), vec!["a".to_string(), "b-2".to_string()]);
        let short = format!("a:{}", B64.encode([1u8; 16]));
        let bad = [
            "".to_string(),
            "nokey".to_string(),
            "a:!!!".to_string(),
            short,
            format!("{},{}", spec("a", 1), spec("a", 2)),
            format!("bad id:{}", B64.encode([1u8; 32])),
        ];
        for spec in bad {
            let err = KeyRing::parse(&spec).unwrap_err();
            // The message never repeats key material.
            assert!(!err.to_string().contains("AQEB"), "{err}");
        }
        let generated = KeyRing::generate_spec("local");
        let ring = KeyRing::parse(&generated).unwrap();
        assert_eq!(ring.decrypt(&ring.encrypt("x")).unwrap(), "x");
        assert!(!format!("{ring:?}").contains(generated.split(':').nth(1).unwrap()));
    }

    #[test]
    fn install_keeps_earlier_keys_for_reading() {
        let first = KeyRing::parse(&spec("inst-1", 7)).unwrap();
        let sealed = first.encrypt("x");
        install(first);
        install(KeyRing::parse(&spec("inst-2", 8)).unwrap());
        let ring = ring().unwrap();
        assert_eq!(ring.decrypt(&sealed).unwrap(), "x");
    }
}
