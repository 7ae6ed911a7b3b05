//! Words: reading an article's words as terms, counted once per article.
//!
//! This runs over every article of a corpus, so it is built for cost: each
//! word is lower-cased and hashed as it is read, eight bytes at a time, and
//! counted in a table that each worker thread keeps from one article to the
//! next (nothing is allocated per word, and only an article's distinct
//! terms are ever sorted).

use std::cell::RefCell;

/// An article's terms, sorted by key, each key once.
pub(super) type TermCounts = Vec<Term>;

/// One term of an article in one word: its key ([`key_of`] its hash), its
/// count (up to 32,767) and whether it is a name. Every article's terms are
/// held at once while their document frequencies are counted: 270 terms
/// an article, as (hash, count, name) 16 bytes each, were 370 MB at
/// 100,000 articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Term(u64);

/// The low bits of a term's hash that [`Term`] holds its count and name in.
const KEY_LOW_BITS: u32 = 16;

/// Returns the key a term is known by: the top 48 bits of its hash (among
/// millions of terms, two share them about once in a few thousand
/// corpora, and merely count as one), repeated in its low bits. Keys are
/// used as their own hash in maps ([`crate::entities::wordset::HashedMap`]),
/// which take their buckets from the low bits: left zero, every key fell
/// in one bucket, and threads of 100,000 articles took 87 s of CPU, not 6.
pub(super) fn key_of(hash: u64) -> u64 {
    let top = hash & !((1 << KEY_LOW_BITS) - 1);
    top | top >> (64 - KEY_LOW_BITS)
}

impl Term {
    const MAX_COUNT: u32 = (1 << (KEY_LOW_BITS - 1)) - 1;

    pub(super) fn new(hash: u64, count: u32, name: bool) -> Self {
        // Sorted as numbers, terms are sorted by key.
        let top = hash & !((1 << KEY_LOW_BITS) - 1);
        Self(top | u64::from(count.min(Self::MAX_COUNT)) << 1 | u64::from(name))
    }

    pub(super) fn key(self) -> u64 {
        key_of(self.0)
    }

    pub(super) fn count(self) -> u32 {
        ((self.0 >> 1) & u64::from(Self::MAX_COUNT)) as u32
    }

    /// Returns true if and only if the term is always capitalised.
    pub(super) fn is_name(self) -> bool {
        self.0 & 1 == 1
    }
}

/// Function words that say nothing about an event, whatever the corpus.
const STOP_WORDS: &[&str] = &[
    "about", "after", "again", "against", "also", "although", "among", "and", "another", "any",
    "are", "around", "because", "been", "before", "being", "between", "both", "but", "can",
    "could", "did", "does", "during", "each", "either", "even", "ever", "every", "for", "from",
    "had", "has", "have", "having", "her", "here", "hers", "him", "his", "how", "however", "into",
    "its", "itself", "just", "last", "like", "many", "may", "might", "more", "most", "much",
    "must", "new", "not", "now", "off", "once", "one", "only", "other", "our", "out", "over",
    "own", "said", "same", "says", "she", "should", "since", "some", "such", "than", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "those", "through", "too", "two",
    "under", "until", "upon", "very", "was", "were", "what", "when", "where", "whether", "which",
    "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "year",
    "years", "yet", "you", "your",
];

/// Longest word that can be a term, in bytes.
const LONGEST_TERM: usize = 48;

/// Returns the hashes of [`STOP_WORDS`] (as [`hash_of`] gives them),
/// sorted.
pub(super) fn stop_word_hashes() -> &'static [u64] {
    static HASHES: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    HASHES.get_or_init(|| {
        let mut h: Vec<u64> = STOP_WORDS.iter().map(|w| hash_of(w.as_bytes())).collect();
        h.sort_unstable();
        h
    })
}

/// Returns the hash a term is known by, from its lower-cased bytes: eight
/// bytes at a time folded by [`fold`], then [`finish`]ed. [`tally_words`]
/// computes the same while it reads a word.
pub(super) fn hash_of(lower: &[u8]) -> u64 {
    let mut h = HASH_SEED;
    for chunk in lower.chunks(8) {
        h = fold(h, chunk.iter().fold(0, |acc, &b| (acc << 8) | u64::from(b)));
    }
    finish(h, lower.len())
}

const HASH_SEED: u64 = 0x9e37_79b9_7f4a_7c15;

/// Folds eight bytes of a word (big-endian in a `u64`) into its hash.
fn fold(h: u64, chunk: u64) -> u64 {
    (h ^ chunk)
        .wrapping_mul(0xff51_afd7_ed55_8ccd)
        .rotate_left(31)
}

/// Mixes a word's folded hash with its length (murmur3's finaliser); the
/// low bit is cleared (it carries whether an occurrence was capitalised)
/// and the hash is never zero (an empty slot of [`Tally`]).
fn finish(h: u64, len: usize) -> u64 {
    let mut x = h ^ (len as u64);
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^= x >> 33;
    (x & !1).max(2)
}

/// Returns the hash of `word` lower-cased if it can be a term: letters
/// only, three to [`LONGEST_TERM`] bytes. Stop words are left to the
/// caller.
pub(super) fn term_hash(word: &str) -> Option<u64> {
    if word.len() < 3 || word.len() > LONGEST_TERM {
        return None;
    }
    if word.is_ascii() {
        let mut buf = [0u8; LONGEST_TERM];
        for (b, &c) in buf.iter_mut().zip(word.as_bytes()) {
            if !c.is_ascii_alphabetic() {
                return None;
            }
            *b = c.to_ascii_lowercase();
        }
        Some(hash_of(&buf[..word.len()]))
    } else {
        word.chars()
            .all(char::is_alphabetic)
            .then(|| hash_of(word.to_lowercase().as_bytes()))
    }
}

/// Counts of one article's terms: open addressing on the term hash. Each
/// worker thread keeps one and clears only the slots it filled.
#[derive(Default)]
struct Tally {
    /// (hash, count, seen in lower case); hash 0 is an empty slot.
    slots: Vec<(u64, u32, bool)>,
    /// Indices of the filled slots.
    filled: Vec<u32>,
}

impl Tally {
    fn add(&mut self, hash: u64, count: u32, capitalised: bool) {
        if self.filled.len() * 2 >= self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = (hash >> 20) as usize & mask;
        loop {
            let slot = &mut self.slots[i];
            if slot.0 == hash {
                slot.1 += count;
                slot.2 |= !capitalised;
                return;
            }
            if slot.0 == 0 {
                *slot = (hash, count, !capitalised);
                self.filled.push(i as u32);
                return;
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let old: Vec<(u64, u32, bool)> = self
            .filled
            .iter()
            .map(|&i| self.slots[i as usize])
            .collect();
        let size = (self.slots.len() * 2).max(1024);
        self.slots.clear();
        self.slots.resize(size, (0, 0, false));
        self.filled.clear();
        for (hash, count, lower) in old {
            self.add(hash, count, !lower);
        }
    }

    /// Empties the table into the [`Term`] of every term that is not a
    /// stop word, sorted by key; terms that share a key are one.
    fn drain(&mut self) -> TermCounts {
        let stop = stop_word_hashes();
        let mut out: TermCounts = Vec::with_capacity(self.filled.len());
        for &i in &self.filled {
            let (hash, count, lower) = std::mem::take(&mut self.slots[i as usize]);
            if stop.binary_search(&hash).is_err() {
                out.push(Term::new(hash, count, !lower));
            }
        }
        self.filled.clear();
        out.sort_unstable();
        out.dedup_by(|next, kept| {
            let same = next.key() == kept.key();
            if same {
                let count = kept.count() + next.count();
                *kept = Term::new(kept.key(), count, kept.is_name() && next.is_name());
            }
            same
        });
        out
    }
}

/// Byte classes for [`tally_words`]: not in a word, an ASCII letter, an
/// ASCII digit, a byte of a non-ASCII character.
const OUTSIDE: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const NON_ASCII: u8 = 4;

const CLASS: [u8; 256] = {
    let mut class = [OUTSIDE; 256];
    let mut b = 0;
    while b < 256 {
        class[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            b'0'..=b'9' => DIGIT,
            0x80..=0xff => NON_ASCII,
            _ => OUTSIDE,
        };
        b += 1;
    }
    class
};

/// Adds the terms of `source` to `tally`, each occurrence counting
/// `weight`, and pushes their hashes (stop words included) to `seen` if
/// given. Words are runs of ASCII letters and digits, or of any non-ASCII
/// bytes with them; a word of ASCII letters is lower-cased and hashed as
/// it is read; one with non-ASCII characters is split again at the
/// characters that are not alphanumeric ("’", "—").
fn tally_words(source: &str, weight: u32, tally: &mut Tally, mut seen: Option<&mut Vec<u64>>) {
    let bytes = source.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && CLASS[bytes[i] as usize] == OUTSIDE {
            i += 1;
        }
        let start = i;
        let (mut kinds, mut h, mut chunk) = (0u8, HASH_SEED, 0u64);
        while let Some(&b) = bytes.get(i) {
            let class = CLASS[b as usize];
            if class == OUTSIDE {
                break;
            }
            kinds |= class;
            // For letters, | 0x20 is lower case; other words are not
            // hashed here.
            chunk = (chunk << 8) | u64::from(b | 0x20);
            i += 1;
            if (i - start) % 8 == 0 {
                h = fold(h, chunk);
                chunk = 0;
            }
        }
        let len = i - start;
        if len < 3 {
            continue;
        }
        let mut add = |hash: u64, capitalised: bool| {
            tally.add(hash, weight, capitalised);
            if let Some(seen) = seen.as_deref_mut() {
                seen.push(hash);
            }
        };
        if kinds == LETTER {
            if len <= LONGEST_TERM {
                if len % 8 != 0 {
                    h = fold(h, chunk);
                }
                add(finish(h, len), bytes[start].is_ascii_uppercase());
            }
        } else if kinds & NON_ASCII != 0 {
            for word in source[start..i].split(|c: char| !c.is_alphanumeric()) {
                if let Some(hash) = term_hash(word) {
                    add(hash, word.starts_with(char::is_uppercase));
                }
            }
        }
    }
}

thread_local! {
    static TALLY: RefCell<Tally> = RefCell::new(Tally::default());
}

/// Returns each distinct term of the headline and text (letters only,
/// three or more bytes, not a stop word) with its count, and whether it
/// is a name: always capitalised there ("Ravensmoor", never
/// "ravensmoor"); and the headline's terms, sorted. The headline counts
/// twice, since it says what the story is about.
pub(super) fn article_terms(title: &str, text: &str) -> (TermCounts, Vec<u64>) {
    TALLY.with_borrow_mut(|tally| {
        let mut headline = Vec::new();
        tally_words(title, 2, tally, Some(&mut headline));
        tally_words(text, 1, tally, None);
        for h in &mut headline {
            *h = key_of(*h);
        }
        headline.sort_unstable();
        headline.dedup();
        (tally.drain(), headline)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_words_of_letters_without_stop_words_counted_case_blind() {
        let (counts, headline) = article_terms(
            "Flood Warning",
            "The flood: FLOOD-warning for Été 2024, said ox — Kyiv’s flood.",
        );
        let count = |w: &str| {
            counts
                .iter()
                .find(|c| c.key() == key_of(hash_of(w.as_bytes())))
                .map(|c| c.count())
        };
        assert_eq!(count("flood"), Some(5));
        assert_eq!(count("kyiv"), Some(1));
        assert_eq!(count("warning"), Some(3));
        assert_eq!(count("été"), Some(1));
        assert_eq!(count("the"), None);
        assert_eq!(count("said"), None);
        assert_eq!(count("2024"), None);
        assert_eq!(count("ox"), None);
        let name = |w: &str| {
            counts
                .iter()
                .find(|c| c.key() == key_of(hash_of(w.as_bytes())))
                .map(|c| c.is_name())
        };
        assert_eq!(name("kyiv"), Some(true), "always capitalised");
        assert_eq!(name("flood"), Some(false));
        let mut words = vec![key_of(hash_of(b"flood")), key_of(hash_of(b"warning"))];
        words.sort_unstable();
        assert_eq!(headline, words);
    }

    #[test]
    fn a_word_read_in_place_hashes_as_its_lower_case_bytes() {
        let (counts, _) = article_terms(
            "",
            "Pipeline pipeline PIPELINE Interconnection interconnections reconnaissances",
        );
        for (word, n) in [
            ("pipeline", 3),
            ("interconnection", 1),
            ("interconnections", 1),
            ("reconnaissances", 1),
        ] {
            let found = counts
                .iter()
                .find(|c| c.key() == key_of(hash_of(word.as_bytes())));
            assert_eq!(found.map(|c| c.count()), Some(n), "{word}");
        }
        assert_eq!(counts.len(), 4);
    }

    #[test]
    fn a_term_packs_its_key_count_and_name_and_terms_of_one_key_are_one() {
        let hash = hash_of(b"turbine");
        let t = Term::new(hash, 7, true);
        assert_eq!((t.key(), t.count(), t.is_name()), (key_of(hash), 7, true));
        assert_eq!(Term::new(hash, 1 << 20, false).count(), Term::MAX_COUNT);
        // Two hashes that differ only in the bits a key leaves out.
        let mut tally = Tally::default();
        let top = hash & !0xFFFF;
        tally.add(top | 2, 3, true);
        tally.add(top | 4, 2, false);
        tally.add(hash_of(b"harbour"), 1, false);
        let terms = tally.drain();
        assert_eq!(terms.len(), 2);
        let merged = terms.iter().find(|t| t.key() == key_of(hash)).unwrap();
        assert_eq!((merged.count(), merged.is_name()), (5, false));
        assert!(terms.windows(2).all(|w| w[0].key() < w[1].key()));
        // A key's low bits are as mixed as its high ones (maps bucket by
        // them).
        let low: std::collections::HashSet<u64> = ["harbour", "tariff", "glacier", "senate"]
            .iter()
            .map(|w| key_of(hash_of(w.as_bytes())) & 0xFF)
            .collect();
        assert!(low.len() > 1);
    }

    #[test]
    fn a_long_text_grows_the_table_and_the_next_article_starts_empty() {
        let mut text = String::new();
        for i in 0..3000 {
            text.push('w');
            text.push_str(&"x".repeat(i % 40 + 2));
            text.push(' ');
        }
        let (counts, _) = article_terms("", &text);
        assert_eq!(counts.len(), 40);
        assert!(counts.iter().all(|c| c.count() == 75));
        let (counts, _) = article_terms("", "harbour harbour");
        assert_eq!(counts, vec![Term::new(hash_of(b"harbour"), 2, false)]);
    }
}
