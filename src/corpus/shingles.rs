//! Word shingles: the fingerprint of a text that duplicate detection
//! compares.
//!
//! A text is read as a sequence of words, each folded to lower-case letters
//! and digits (so whitespace, quotes, dashes, punctuation and case never
//! matter) and hashed to a `u64`. A shingle is a run of [`SHINGLE_WORDS`]
//! consecutive words, hashed to a `u64`. The content id is the xxh3 hash
//! of the whole normalised word sequence, as 16 hex digits.
//!
//! What a saved page adds to its text and a plain copy lacks is not a
//! word: link reference markers (`[12]`) and image notes
//! (`[image: alt text]`) are skipped, so that the same story saved as HTML
//! and as text shares its shingles.

use crate::ascii;

/// Words per shingle. Five words rarely repeat by chance between unrelated
/// articles, yet a light edit only spoils the five shingles around it.
pub const SHINGLE_WORDS: usize = 5;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// A strong 64-bit mixer (the splitmix64 finaliser), so that the low bits
/// of word and shingle hashes are well spread.
pub fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Appends to `out` the hash of every word of `text`: maximal runs of
/// letters and digits, lower-cased. Bytes of a word are packed eight at a
/// time into a `u64` and only then mixed, which keeps this pass cheap.
/// The text is read eight bytes at a time: the ASCII letters and digits
/// that open them are found, folded and packed in one step (byte by
/// byte, this pass was a quarter of cleaning's instructions); non-ASCII
/// characters are decoded only where they occur.
pub fn word_hashes(text: &str, out: &mut Vec<u64>) {
    let bytes = text.as_bytes();
    let mut word = WordHasher::default();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if let Some(eight) = bytes.get(i..i + 8) {
            let lanes = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
            let run = ascii::leading_alphanumeric(lanes);
            if run > 0 {
                word.push_lanes(lanes | ascii::CASE_BITS, run);
                i += run;
                // The byte that ended the run, most often a space, is
                // read here rather than by another turn of the loop.
                if run < 8 && bytes[i] < 0x80 && bytes[i] != b'[' {
                    word.end(out);
                    i += 1;
                }
                continue;
            }
        } else if ASCII_FOLD[usize::from(b)] != 0 {
            word.push(ASCII_FOLD[usize::from(b)]);
            i += 1;
            continue;
        }
        if b == b'[' {
            word.end(out);
            i = skip_note(bytes, i);
        } else if b < 0x80 {
            word.end(out);
            i += 1;
        } else if b == 0xE2 && bytes.get(i + 1) == Some(&0x80) {
            // U+2000 to U+203F, General Punctuation: the curly quotes,
            // dashes and spaces news text is full of, and no letter or
            // digit among them.
            word.end(out);
            i += 3;
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            if c.is_alphanumeric() {
                let mut buf = [0u8; 4];
                for lower in c.to_lowercase() {
                    for &b in lower.encode_utf8(&mut buf).as_bytes() {
                        word.push(b);
                    }
                }
            } else {
                word.end(out);
            }
            i += c.len_utf8();
        }
    }
    word.end(out);
}

/// Returns the index past a link marker (`[12]`) or image note
/// (`[image: …]`) starting at the `[` at `open`; `open + 1` when none does.
fn skip_note(bytes: &[u8], open: usize) -> usize {
    let rest = &bytes[open + 1..];
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits > 0 && rest.get(digits) == Some(&b']') {
        return open + 1 + digits + 1;
    }
    if rest.starts_with(b"image: ")
        && let Some(close) = memchr::memchr2(b']', b'\n', rest)
        && rest[close] == b']'
    {
        return open + 1 + close + 1;
    }
    open + 1
}

/// For each byte: its lower-case form if it is an ASCII letter or digit,
/// else 0.
const ASCII_FOLD: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            table[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// The hash of one word being read.
#[derive(Default)]
struct WordHasher {
    state: u64,
    pending: u64,
    len: u32,
}

impl WordHasher {
    fn push(&mut self, b: u8) {
        self.pending = (self.pending << 8) | u64::from(b);
        self.len += 1;
        if self.len.is_multiple_of(8) {
            self.state = (self.state ^ self.pending)
                .wrapping_mul(FNV_PRIME)
                .rotate_left(29);
            self.pending = 0;
        }
    }

    /// Pushes the first `count` (1 to 8) bytes of `lanes`, read
    /// little-endian and already lower-cased, in one step: the same hash
    /// as pushing them one by one.
    fn push_lanes(&mut self, lanes: u64, count: usize) {
        // The bytes in reading order, the first the most significant.
        let ordered = lanes.swap_bytes() >> (64 - 8 * count);
        let held = (self.len % 8) as usize;
        let room = 8 - held;
        if count < room {
            self.pending = (self.pending << (8 * count)) | ordered;
        } else {
            let rest = count - room;
            let filling = ordered >> (8 * rest);
            let block = if held == 0 {
                filling
            } else {
                (self.pending << (8 * room)) | filling
            };
            self.state = (self.state ^ block).wrapping_mul(FNV_PRIME).rotate_left(29);
            self.pending = ordered & ((1u64 << (8 * rest)) - 1);
        }
        self.len += count as u32;
    }

    fn end(&mut self, out: &mut Vec<u64>) {
        if self.len > 0 {
            out.push(mix(self.state
                ^ self.pending
                ^ (u64::from(self.len) << 56)
                ^ FNV_OFFSET));
            *self = WordHasher::default();
        }
    }
}

/// Returns the stable id of a text: 16 hex digits of a hash of its
/// normalised words. Texts that differ only in whitespace, quotes, dashes,
/// punctuation or case share an id.
pub fn content_id(text: &str) -> String {
    let mut words = Vec::with_capacity(text.len() / 5);
    word_hashes(text, &mut words);
    format_id(sequence_hash(&words))
}

/// Formats a content hash as an article id: 16 hex digits.
pub fn format_id(hash: u64) -> String {
    format!("{hash:016x}")
}

/// Returns the xxh3 hash of a whole word sequence (of its word hashes,
/// little-endian).
pub fn sequence_hash(words: &[u64]) -> u64 {
    // Streamed through a small buffer: collected into one byte vector, an
    // article's words were copied byte by byte (a tenth of fingerprinting).
    const CHUNK: usize = 512;
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut buf = [0u8; CHUNK * 8];
    for chunk in words.chunks(CHUNK) {
        for (slot, w) in buf.chunks_exact_mut(8).zip(chunk) {
            slot.copy_from_slice(&w.to_le_bytes());
        }
        hasher.update(&buf[..chunk.len() * 8]);
    }
    hasher.digest()
}

/// Appends to `out` the hash of every shingle of `words`, in text order. A
/// text shorter than one shingle gives one shingle of all its words.
pub fn shingle_hashes(words: &[u64], out: &mut Vec<u64>) {
    if words.is_empty() {
        return;
    }
    if words.len() < SHINGLE_WORDS {
        out.push(sequence_hash(words));
        return;
    }
    out.extend(words.windows(SHINGLE_WORDS).map(|w| {
        let mut h = 0u64;
        for (i, &x) in w.iter().enumerate() {
            h ^= x.rotate_left(i as u32 * 13);
        }
        mix(h)
    }));
}

/// Returns the sorted, distinct shingle hashes of `text`.
pub fn shingle_set(text: &str) -> Vec<u64> {
    let mut words = Vec::new();
    word_hashes(text, &mut words);
    shingle_set_of(&words)
}

/// Returns the sorted, distinct shingle hashes of a text's `words` (as
/// [`word_hashes`] gives them).
pub fn shingle_set_of(words: &[u64]) -> Vec<u64> {
    let mut shingles = Vec::with_capacity(words.len());
    shingle_hashes(words, &mut shingles);
    shingles.sort_unstable();
    shingles.dedup();
    shingles
}

/// Appends to `out` the winnowing fingerprints of `shingles`: the smallest
/// hash of every window of `window` consecutive shingles (each chosen
/// position once). Any run of shared text at least `window` shingles long
/// gives two texts a shared fingerprint, whatever surrounds it.
pub fn winnow(shingles: &[u64], window: usize, out: &mut Vec<u64>) {
    if shingles.len() <= window || window == 0 {
        out.extend_from_slice(shingles);
        return;
    }
    // Position of the rightmost minimum of the current window; rescanned
    // only when it slides out, so the whole pass is near-linear.
    let rightmost_min = |start: usize| {
        let mut best = start;
        for p in start..start + window {
            if shingles[p] <= shingles[best] {
                best = p;
            }
        }
        best
    };
    let mut min_pos = rightmost_min(0);
    out.push(shingles[min_pos]);
    for start in 1..=shingles.len() - window {
        let newest = start + window - 1;
        if min_pos < start {
            min_pos = rightmost_min(start);
            out.push(shingles[min_pos]);
        } else if shingles[newest] <= shingles[min_pos] {
            min_pos = newest;
            out.push(shingles[min_pos]);
        }
    }
}

/// Returns the share of `small`'s items found in `large`; both sorted and
/// distinct. 0 when `small` is empty.
pub fn containment(small: &[u64], large: &[u64]) -> f64 {
    if small.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < small.len() && j < large.len() {
        match small[i].cmp(&large[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 / small.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word hashes as first written, one byte at a time: the hashes
    /// are content ids and must never change.
    fn word_hashes_bytewise(text: &str) -> Vec<u64> {
        let mut out = Vec::new();
        let bytes = text.as_bytes();
        let mut word = WordHasher::default();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let folded = ASCII_FOLD[usize::from(b)];
            if folded != 0 {
                word.push(folded);
                i += 1;
            } else if b == b'[' {
                word.end(&mut out);
                i = skip_note(bytes, i);
            } else if b < 0x80 {
                word.end(&mut out);
                i += 1;
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                if c.is_alphanumeric() {
                    let mut buf = [0u8; 4];
                    for lower in c.to_lowercase() {
                        for &b in lower.encode_utf8(&mut buf).as_bytes() {
                            word.push(b);
                        }
                    }
                } else {
                    word.end(&mut out);
                }
                i += c.len_utf8();
            }
        }
        word.end(&mut out);
        out
    }

    #[test]
    fn word_hashes_match_the_bytewise_reading() {
        let texts = [
            "",
            "a",
            "Supercalifragilisticexpialidocious ANTIDISESTABLISHMENTARIANISM",
            "12345678 123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefgh",
            "Straße Größenwahnsinnig ÉCOLE naïve façade Zürich-Oerlikon İstanbul",
            "abcdefgÄbcdefghijÖklmnopqrstuvw x [12] [image: a b] [sic] end",
            "“Rates” — held,  steady\nnow ΣΊΣΥΦΟΣ 東京都 ﬁnancial",
        ];
        for text in texts {
            let mut fast = Vec::new();
            word_hashes(text, &mut fast);
            assert_eq!(fast, word_hashes_bytewise(text), "{text}");
        }
    }

    #[test]
    fn a_word_sequence_hashes_as_its_bytes_in_one_piece() {
        // Ids are kept across sessions: streaming must not change them.
        for len in [0, 1, 5, 511, 512, 513, 1024, 2049] {
            let words: Vec<u64> = (0..len as u64).map(|i| mix(i + 1)).collect();
            let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
            assert_eq!(
                sequence_hash(&words),
                xxhash_rust::xxh3::xxh3_64(&bytes),
                "{len} words"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn word_hashes_match_the_bytewise_reading_on_any_text(text in "[a-zA-Z0-9 äÖß€‘’“”–—…\u{2000}\u{203f}\u{2040}\\[\\]:.-]{0,80}") {
            let mut fast = Vec::new();
            word_hashes(&text, &mut fast);
            proptest::prop_assert_eq!(fast, word_hashes_bytewise(&text));
        }
    }

    #[test]
    fn link_markers_and_image_notes_are_not_words() {
        let page = "The mayor [1] said the bridge [12] would reopen.\n\n[image: The bridge at dusk]\n\nWork ends in May.";
        let plain = "The mayor said the bridge would reopen.\n\nWork ends in May.";
        assert_eq!(content_id(page), content_id(plain));
        // Brackets that are neither stay words.
        assert_ne!(content_id("a [sic] b"), content_id("a b"));
        assert_ne!(content_id("a [image: never closed\nb"), content_id("a b"));
    }

    #[test]
    fn normalisation_ignores_case_quotes_dashes_and_spacing() {
        assert_eq!(
            content_id("“Rates” — held,  steady\nnow"),
            content_id("\"rates\" - HELD, steady now")
        );
        assert_ne!(content_id("rates held"), content_id("rates cut"));
    }

    #[test]
    fn contained_text_scores_one() {
        let long = shingle_set("one two three four five six seven eight nine ten eleven twelve");
        let short = shingle_set("three four five six seven eight nine");
        assert!((containment(&short, &long) - 1.0).abs() < f64::EPSILON);
        assert!(containment(&long, &short) < 0.5);
    }

    #[test]
    fn winnowing_finds_shared_runs() {
        let text_a: String = (0..200)
            .map(|i| format!("w{i} "))
            .collect::<Vec<_>>()
            .concat();
        let text_b: String = format!("chrome line here {}", &text_a[200..600]);
        let fp = |t: &str| {
            let mut w = Vec::new();
            word_hashes(t, &mut w);
            let mut s = Vec::new();
            shingle_hashes(&w, &mut s);
            let mut f = Vec::new();
            winnow(&s, 8, &mut f);
            f.sort_unstable();
            f.dedup();
            f
        };
        let (a, b) = (fp(&text_a), fp(&text_b));
        assert!(containment(&b, &a) > 0.5);
    }
}
