//! A file's text as a cache key: its hash is computed once, when the file is loaded, so
//! caches of parsed trees, calendars and suppressions keyed by text never hash a whole text
//! again (a folder of a thousand copies looked each text up several times over).

use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// A text and a hash of it. Equal when the texts are equal; compared by address first, as
/// the source map hands out one shared copy of each distinct text.
#[derive(Debug, Clone)]
pub struct TextKey {
    hash: u64,
    text: Arc<str>,
}

impl TextKey {
    /// The key of `text`, hashing it once.
    pub fn new(text: Arc<str>) -> Self {
        TextKey {
            hash: hash(text.as_bytes()),
            text,
        }
    }

    /// The hash a key of `text` has.
    pub(crate) fn hash_of(text: &str) -> u64 {
        hash(text.as_bytes())
    }

    /// The key of `text` whose hash is known to be `hash` ([`TextKey::hash_of`]).
    pub(crate) fn with_hash(hash: u64, text: Arc<str>) -> Self {
        TextKey { hash, text }
    }

    /// The text.
    pub fn text(&self) -> &Arc<str> {
        &self.text
    }
}

impl PartialEq for TextKey {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.text, &other.text) || (self.hash == other.hash && self.text == other.text)
    }
}

impl Eq for TextKey {}

impl Hash for TextKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

/// A fast, non-cryptographic hash of bytes, eight at a time (the multiply-rotate step of
/// rustc's FxHasher). Keys are compared in full on a match, so collisions cost only time.
fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let step = |h: u64, word: u64| (h.rotate_left(5) ^ word).wrapping_mul(K);
    let mut h = step(0, bytes.len() as u64);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(c);
        h = step(h, u64::from_le_bytes(word));
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    step(h, u64::from_le_bytes(tail))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_are_equal_keys_and_different_ones_differ() {
        let a = TextKey::new(Arc::from("langkah a"));
        let b = TextKey::new(Arc::from("langkah a"));
        let c = TextKey::new(Arc::from("langkah b"));
        assert_eq!(a, b);
        assert_eq!(a.hash, b.hash);
        assert_ne!(a, c);
        assert_ne!(a.hash, c.hash);
        // The length is hashed: a text and the same text with a NUL after differ.
        assert_ne!(hash(b"ab"), hash(b"ab\0"));
    }
}
