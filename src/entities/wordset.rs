//! Sets and maps keyed by short words: FNV-1a hashing, which beats the
//! standard library's SipHash on the few bytes of a word. Word look-ups run
//! for every capitalised word of every article, in the gazetteer, the cue
//! lists, the document lexicon and the index.
//!
//! A module of its own so that those modules share it without importing
//! one another.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A set of short words with a cheap hash.
pub type WordSet = HashSet<&'static str, BuildHasherDefault<Fnv>>;

/// A hash map with the cheap [`Fnv`] hash.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// FNV-1a, 64 bits: fast on the few bytes of a word.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A hash map keyed by a [`word_hash`]: the key is a hash already, so the
/// map uses it as it is rather than hashing its eight bytes again.
pub type HashedMap<V> = HashMap<u64, V, BuildHasherDefault<PreHashed>>;

/// A set of [`word_hash`]es (or other hashes), used as they are.
pub type HashedSet = std::collections::HashSet<u64, BuildHasherDefault<PreHashed>>;

/// The hasher of [`HashedMap`]: passes a `u64` key through.
#[derive(Default)]
pub struct PreHashed(u64);

impl Hasher for PreHashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `u64` keys are hashed here; fold anything else in.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Returns the FNV-1a hash of `word`.
pub fn word_hash(word: &str) -> u64 {
    let mut h = Fnv::default();
    h.write(word.as_bytes());
    h.finish()
}

/// Returns the [`word_hash`] of `word` in lower case, for an ASCII word,
/// without lowering a copy.
pub fn ascii_lower_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in word.as_bytes() {
        h ^= u64::from(b.to_ascii_lowercase());
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Returns the [`word_hash`] of a text that continues the text of hash
/// `h` with `more`: `word_hash_continue(word_hash("New"), b" York") ==
/// word_hash("New York")`, so longer spans cost only their new bytes.
pub fn word_hash_continue(h: u64, more: &[u8]) -> u64 {
    let mut hasher = Fnv(h);
    hasher.write(more);
    hasher.finish()
}
