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

/// Returns the FNV-1a hash of `word`.
pub fn word_hash(word: &str) -> u64 {
    let mut h = Fnv::default();
    h.write(word.as_bytes());
    h.finish()
}
