//! ASCII text judged eight bytes at a time: the words of every article
//! are measured this way while cleaning (word hashes) and finding
//! entities (words and name look-ups), and every file's text is checked
//! for characters unsafe on a terminal, where loops over single bytes
//! were among the hottest of a cold open.

/// A `u64` with each of its eight bytes set to 1.
pub const LANES: u64 = 0x0101_0101_0101_0101;

/// The high bit of each of the eight bytes of a `u64`.
const HIGH_BITS: u64 = LANES * 0x80;

/// Bit 5 of each of the eight bytes of a `u64`: set, it lower-cases an
/// ASCII letter and keeps a digit as it is.
pub const CASE_BITS: u64 = LANES * 0x20;

/// Returns, for eight bytes read little-endian into `lanes`, the high bit
/// of each byte that is an ASCII letter or digit.
pub fn alphanumeric_lanes(lanes: u64) -> u64 {
    let low7 = lanes & !HIGH_BITS;
    // For bytes below 0x80, no sum below carries into the next byte.
    let within = |v: u64, lo: u8, hi: u8| {
        let at_least_lo = v + LANES * u64::from(0x80 - lo);
        let above_hi = v + LANES * u64::from(0x7f - hi);
        at_least_lo & !above_hi & HIGH_BITS
    };
    let digits = within(low7, b'0', b'9');
    // Setting bit 5 folds 'A'..='Z' onto 'a'..='z', and nothing else there.
    let letters = within(low7 | CASE_BITS, b'a', b'z');
    (digits | letters) & !lanes
}

/// Returns how many of the eight bytes in `lanes` (read little-endian),
/// from the first, are ASCII letters or digits.
pub fn leading_alphanumeric(lanes: u64) -> usize {
    let others = !alphanumeric_lanes(lanes) & HIGH_BITS;
    (others.trailing_zeros() / 8) as usize
}

/// Returns the high bit of each byte of `lanes` that is not zero.
fn nonzero_lanes(lanes: u64) -> u64 {
    (((lanes & !HIGH_BITS) + !HIGH_BITS) | lanes) & HIGH_BITS
}

/// Returns true if and only if each of the eight bytes in `lanes` is
/// printable ASCII (a space to a tilde) or a line feed.
pub fn printable_or_newline(lanes: u64) -> bool {
    // For bytes below 0x80, no sum below carries into the next byte.
    let at_least_space = (lanes + LANES * (0x80 - 0x20)) & HIGH_BITS;
    let newline = !nonzero_lanes(lanes ^ (LANES * u64::from(b'\n'))) & HIGH_BITS;
    lanes & HIGH_BITS == 0
        && at_least_space | newline == HIGH_BITS
        && nonzero_lanes(lanes ^ (LANES * 0x7f)) == HIGH_BITS
}

/// Returns the high bit of each byte of `lanes` that is ASCII whitespace
/// as [`u8::is_ascii_whitespace`] knows it: a space, tab, line feed, form
/// feed or carriage return.
fn whitespace_lanes(lanes: u64) -> u64 {
    // Most runs of eight bytes of text hold no byte below a space (no
    // line end, no tab): then only the spaces need finding. (A borrow may
    // mark a byte wrongly, but never marks none where one is below.)
    let below_space = lanes.wrapping_sub(LANES * 0x20) & !lanes & HIGH_BITS;
    if below_space == 0 {
        return !nonzero_lanes(lanes ^ (LANES * u64::from(b' '))) & HIGH_BITS;
    }
    lanes_equal_to_any(lanes, b" \t\n\x0c\r")
}

/// Returns the high bit of each byte of `lanes` that is one of `wanted`.
fn lanes_equal_to_any(lanes: u64, wanted: &[u8]) -> u64 {
    wanted.iter().fold(0, |found, &b| {
        found | (!nonzero_lanes(lanes ^ (LANES * u64::from(b))) & HIGH_BITS)
    })
}

/// Counts the words of `bytes` (runs of bytes other than ASCII whitespace)
/// eight bytes at a time, stopping once the count passes `limit`: the
/// count, or a number above `limit`. Prose tests ask this of every line
/// and the cleaner of every article; byte by byte it was a tenth of
/// cleaning.
pub fn words_up_to(bytes: &[u8], limit: usize) -> usize {
    let mut count = 0;
    // The high bit of the lowest byte is set when the byte before the
    // next eight was whitespace (or there was none).
    let mut space_before = 0x80;
    let mut chunks = bytes.chunks_exact(8);
    for eight in chunks.by_ref() {
        let space = whitespace_lanes(u64::from_le_bytes(eight.try_into().expect("eight bytes")));
        let starts = !space & HIGH_BITS & ((space << 8) | space_before);
        count += starts.count_ones() as usize;
        if count > limit {
            return count;
        }
        space_before = space >> 56;
    }
    for &b in chunks.remainder() {
        let space = b.is_ascii_whitespace();
        count += usize::from(!space && space_before != 0);
        space_before = if space { 0x80 } else { 0 };
    }
    count
}

/// Returns how many bytes open `bytes` before the first that is one of
/// the ASCII bytes `wanted` (all of `bytes` when none is), eight bytes at
/// a time.
pub fn bytes_before_any(bytes: &[u8], wanted: &[u8]) -> usize {
    let mut at = 0;
    while let Some(eight) = bytes.get(at..at + 8) {
        let lanes = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
        let found = lanes_equal_to_any(lanes, wanted);
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at + bytes[at..]
        .iter()
        .position(|b| wanted.contains(b))
        .unwrap_or(bytes.len() - at)
}

/// Returns the length of the run of ASCII letters and digits that opens
/// `bytes`.
pub fn alphanumeric_prefix(bytes: &[u8]) -> usize {
    let mut len = 0;
    while let Some(eight) = bytes.get(len..len + 8) {
        let run = leading_alphanumeric(u64::from_le_bytes(eight.try_into().expect("eight bytes")));
        len += run;
        if run < 8 {
            return len;
        }
    }
    len + bytes[len..]
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(bytes.len() - len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lanes_classify_every_byte_as_the_standard_library_does() {
        for b in 0..=255u8 {
            for at in 0..8 {
                for filler in [0u8, b'a', b'Z', b'5', b' ', 0x7f, 0x80, 0xff] {
                    let mut eight = [filler; 8];
                    eight[at] = b;
                    let got = alphanumeric_lanes(u64::from_le_bytes(eight));
                    for (k, &byte) in eight.iter().enumerate() {
                        let word = byte.is_ascii_alphanumeric();
                        assert_eq!(got >> (8 * k + 7) & 1 == 1, word, "{eight:?} at {k}");
                    }
                }
            }
        }
    }

    #[test]
    fn printable_lanes_are_judged_as_each_byte_is() {
        let printable = |b: u8| b == b'\n' || (0x20..0x7f).contains(&b);
        for b in 0..=255u8 {
            for at in 0..8 {
                for filler in [b' ', b'a', b'\n', b'~', 0x1f, 0x7f, 0x80, 0xff] {
                    let mut eight = [filler; 8];
                    eight[at] = b;
                    assert_eq!(
                        printable_or_newline(u64::from_le_bytes(eight)),
                        eight.iter().all(|&b| printable(b)),
                        "{eight:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn words_are_counted_as_splitting_on_ascii_whitespace_counts_them() {
        let texts = [
            "",
            " ",
            "a",
            "one two  three\nfour\tfive\r\nsix\x0cseven",
            "   leading and trailing   ",
            "abcdefgh ijklmnop qrstuvwx",
            "abcdefg hijklmno\x0bpq",
            "Zürich — “quoted” words\u{a0}joined by a no-break space",
            "12345678\n\n\n\n\n\n\n\nx",
        ];
        for text in texts {
            let words = text.split_ascii_whitespace().count();
            for from in 0..text.len() {
                let Some(rest) = text.get(from..) else {
                    continue;
                };
                let words = rest.split_ascii_whitespace().count();
                assert_eq!(words_up_to(rest.as_bytes(), usize::MAX), words, "{rest:?}");
            }
            for limit in 0..words {
                assert!(
                    words_up_to(text.as_bytes(), limit) > limit,
                    "{text:?} over {limit}"
                );
            }
            assert_eq!(words_up_to(text.as_bytes(), words), words, "{text:?}");
        }
    }

    #[test]
    fn white_space_is_found_in_any_lane_beside_any_byte() {
        let neighbours = [0x00, 0x09, 0x1f, 0x20, 0x21, 0x7f, 0x80, 0xff];
        for b in 0..=255u8 {
            for n in neighbours {
                for at in 0..8 {
                    let mut eight = [n; 8];
                    eight[at] = b;
                    let want = eight.iter().enumerate().fold(0u64, |m, (i, x)| {
                        m | (u64::from(x.is_ascii_whitespace()) << (8 * i + 7))
                    });
                    assert_eq!(
                        whitespace_lanes(u64::from_le_bytes(eight)),
                        want,
                        "{eight:?}"
                    );
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn white_space_is_found_in_any_eight_bytes(lanes in proptest::num::u64::ANY) {
            let want = lanes.to_le_bytes().iter().enumerate().fold(0u64, |m, (i, x)| {
                m | (u64::from(x.is_ascii_whitespace()) << (8 * i + 7))
            });
            proptest::prop_assert_eq!(whitespace_lanes(lanes), want);
        }
    }

    proptest::proptest! {
        #[test]
        fn words_are_counted_as_splitting_counts_them_on_any_text(text in "[a-z \t\n\r\x0b\x0cé]{0,40}") {
            let words = text.split_ascii_whitespace().count();
            proptest::prop_assert_eq!(words_up_to(text.as_bytes(), usize::MAX), words);
        }
    }

    proptest::proptest! {
        #[test]
        fn the_first_wanted_byte_is_found_as_byte_by_byte(text in "[a-z !\\[`*_é€]{0,40}") {
            let bytes = text.as_bytes();
            for from in 0..=bytes.len() {
                let rest = &bytes[from..];
                let bytewise = rest.iter().position(|b| b"![`*_".contains(b)).unwrap_or(rest.len());
                proptest::prop_assert_eq!(bytes_before_any(rest, b"![`*_"), bytewise);
            }
        }
    }

    #[test]
    fn prefixes_end_at_the_first_other_byte() {
        let bytewise = |s: &[u8]| {
            s.iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .unwrap_or(s.len())
        };
        let texts: [&[u8]; 9] = [
            b"",
            b"a",
            b"abc def",
            b"abcdefgh",
            b"abcdefgh ",
            b"abcdefghijklmnopq-rs",
            b"Zurich2026 x",
            "Zürich".as_bytes(),
            b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.",
        ];
        for text in texts {
            for from in 0..text.len() {
                assert_eq!(
                    alphanumeric_prefix(&text[from..]),
                    bytewise(&text[from..]),
                    "{text:?} from {from}"
                );
            }
        }
    }
}
