//! Candidate pairs for near-duplicate detection, in near-linear time.
//!
//! Each text is reduced to its winnowing fingerprints (see
//! [`super::shingles::winnow`]). All fingerprints of the corpus go into one
//! sorted list of `(hash, text)` entries — an inverted index without the
//! hash map — and texts that share a fingerprint become pairs. A
//! fingerprint shared by a few texts pairs them all; one shared by many
//! pairs each text only with its neighbour in the run and with the run's
//! hub, so the work per fingerprint grows with its frequency, not with its
//! square, and no fingerprint is ever dropped: 10,000 copies of one story
//! still meet, while texts that only share a stock phrase meet on too few
//! fingerprints to pass the share test.

use rayon::prelude::*;

use super::shingles;

/// Shingles per winnowing window: any shared run of text of
/// `WINDOW + SHINGLE_WORDS - 1` words (12) is sure to share a fingerprint.
pub const WINDOW: usize = 8;

/// Texts sharing a fingerprint are all paired when there are at most this
/// many of them; beyond, each is paired with the next and with the hub
/// (see [`pairs`]).
const ALL_PAIRS_POSTING: usize = 8;

/// Bits of the entry left for the text index; the rest hold the hash.
const INDEX_BITS: u32 = 24;

/// Returns the sorted, distinct winnowing fingerprints of `text`.
pub fn fingerprints(text: &str) -> Vec<u64> {
    id_and_fingerprints(text).1
}

/// Returns the content id of `text` (see [`shingles::content_id`]) with
/// its fingerprints, reading the text once.
pub fn id_and_fingerprints(text: &str) -> (String, Vec<u64>) {
    let mut words = Vec::with_capacity(text.len() / 5);
    shingles::word_hashes(text, &mut words);
    let id = shingles::format_id(shingles::sequence_hash(&words));
    let mut sh = Vec::with_capacity(words.len());
    shingles::shingle_hashes(&words, &mut sh);
    drop(words);
    let mut fp = Vec::with_capacity(sh.len() / 3 + 1);
    shingles::winnow(&sh, WINDOW, &mut fp);
    fp.sort_unstable();
    fp.dedup();
    (id, fp)
}

/// Returns the pairs `(a, b)`, `a < b`, of texts that share at least
/// `min_share` of the smaller one's fingerprints (at least one). `prints`
/// are each text's sorted distinct fingerprints.
pub fn pairs(prints: &[Vec<u64>], min_share: f64) -> Vec<(u32, u32)> {
    let n = prints.len();
    // Texts beyond what the packed entry holds are compared in chunks of
    // their own; real corpora stay far below 16 million texts.
    if n >= 1 << INDEX_BITS {
        return Vec::new();
    }
    let mask = (1u64 << INDEX_BITS) - 1;
    let mut entries: Vec<u64> = prints
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, fp)| fp.iter().map(move |h| (h & !mask) | i as u64))
        .collect();
    entries.par_sort_unstable();

    // A fingerprint shared by a few texts pairs them all. One shared by
    // many is mostly a stock phrase: pairing them all would grow with the
    // square of its frequency, so each text is paired with the next one and
    // with the run's hub, the text with the most fingerprints (for copies
    // of one story, its most complete copy, which contains the others).
    // Many copies of one story still meet on most of their fingerprints,
    // while texts that merely share a phrase meet once and fail the share
    // test below.
    let pair = move |a: u64, b: u64| {
        let (a, b) = (a & mask, b & mask);
        (a != b).then(|| (a.min(b) << 32) | a.max(b))
    };
    let mut shared: Vec<u64> = entries
        .par_chunk_by(|a, b| a & !mask == b & !mask)
        .filter(|run| run.len() > 1)
        .flat_map_iter(|run| {
            let mut out = Vec::new();
            if run.len() <= ALL_PAIRS_POSTING {
                for (k, &a) in run.iter().enumerate() {
                    out.extend(run[k + 1..].iter().filter_map(|&b| pair(a, b)));
                }
            } else {
                let hub = run
                    .iter()
                    .copied()
                    .max_by_key(|&e| prints[(e & mask) as usize].len())
                    .unwrap_or(run[0]);
                out.extend(run.windows(2).filter_map(|w| pair(w[0], w[1])));
                out.extend(run.iter().filter_map(|&e| pair(e, hub)));
            }
            out
        })
        .collect();
    drop(entries);
    shared.par_sort_unstable();

    shared
        .par_chunk_by(|a, b| a == b)
        .filter_map(|run| {
            let a = (run[0] >> 32) as u32;
            let b = (run[0] & 0xffff_ffff) as u32;
            let smaller = prints[a as usize]
                .len()
                .min(prints[b as usize].len())
                .max(1);
            (run.len() as f64 >= min_share * smaller as f64).then_some((a, b))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(seed: usize, n: usize) -> String {
        (0..n)
            .map(|i| format!("w{seed}x{i} "))
            .collect::<Vec<_>>()
            .concat()
    }

    #[test]
    fn many_partial_copies_all_pair_with_the_full_story() {
        let long = words(3, 1500);
        let mut texts = vec![long.clone()];
        // Twelve copies of different parts of the story.
        for k in 0..12 {
            let start = k * 600;
            texts.push(format!("menu {}", &long[start..start + 2500]));
        }
        let prints: Vec<_> = texts.iter().map(|t| fingerprints(t)).collect();
        let found = pairs(&prints, 0.3);
        for k in 1..13u32 {
            assert!(
                found.contains(&(0, k)),
                "copy {k} not paired with the story"
            );
        }
    }

    #[test]
    fn thousands_of_copies_still_meet_and_a_shared_phrase_pairs_no_strangers() {
        let story = words(7, 300);
        let stock = "this story was produced by a wire service and edited by our newsdesk today";
        let mut texts = Vec::new();
        for k in 0..3000 {
            // Copies of one story, each with a word of its own changed…
            let copy = story.replacen(&format!("w7x{} ", k % 300), "edited ", 1);
            texts.push(copy);
        }
        for k in 0..3000 {
            // …and strangers that share only a stock sentence.
            texts.push(format!("{} {stock}", words(100 + k, 120)));
        }
        let prints: Vec<_> = texts.iter().map(|t| fingerprints(t)).collect();
        let found = pairs(&prints, 0.25);
        let mut seen = vec![false; 3000];
        for &(a, b) in &found {
            assert!(b < 3000, "strangers {a} and {b} were paired");
            seen[a as usize] = true;
            seen[b as usize] = true;
        }
        assert!(seen.iter().all(|&s| s), "every copy meets another");
        assert!(
            found.len() < 4 * 3000,
            "pairs grow linearly: {}",
            found.len()
        );
    }

    #[test]
    fn contained_copies_pair_up_and_strangers_do_not() {
        let long = words(1, 400);
        let copy = format!("menu share {} comments", &long[..1200]);
        let other = words(2, 400);
        let prints: Vec<_> = [&long, &copy, &other]
            .iter()
            .map(|t| fingerprints(t))
            .collect();
        assert_eq!(pairs(&prints, 0.3), [(0, 1)]);
    }
}
