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
/// `WINDOW + SHINGLE_WORDS - 1` words (16) is sure to share a fingerprint,
/// and a text keeps about one fingerprint in `(WINDOW + 1) / 2` shingles.
/// A copy shares paragraphs, far longer than 16 words. With 8 (runs of
/// 12 words), the fingerprints of 100,000 articles were a tenth of the
/// peak memory of an open and comparing them took 1.3 s; 12 holds a
/// third fewer and compares in 0.9 s, with the planted copies of the
/// benchmark corpora merged as before (precision 1.0, recall 0.9999).
pub const WINDOW: usize = 12;

/// Texts sharing a fingerprint are all paired when there are at most this
/// many of them; beyond, each is paired with the next and with the hub
/// (see [`pairs`]).
const ALL_PAIRS_POSTING: usize = 8;

/// Bits of an entry (a fingerprint above its text) left for the text
/// index; the fingerprint takes the other 40.
const INDEX_BITS: u32 = 24;

/// A winnowing fingerprint: the top 40 bits of a shingle's hash, big end
/// first, so that fingerprints sort as their hashes do. Five bytes, not
/// eight: the fingerprints of every text are held together while texts are
/// compared, the peak of a cold open (180 MB at 100,000 articles as
/// `u64`). Four bytes would do for most texts, but at that size one
/// fingerprint in two hundred clashes with another of the corpus, and a
/// fingerprint two texts alone share then looks like a stock phrase (see
/// [`shared_pairs`]): a pair of versions of one story was lost that way.
pub type Print = [u8; 5];

/// The fingerprints of a corpus's texts, text by text, held in one
/// buffer per batch of texts at its length: one allocation per text lost
/// a tenth of the fingerprints' size to the allocator's size classes, and
/// every fingerprint of the corpus is held while texts are compared.
#[derive(Debug, Default)]
pub struct PrintSets {
    buffers: Vec<Vec<Print>>,
    /// Per text: its buffer, and where its fingerprints start there and
    /// end.
    texts: Vec<(u32, u32, u32)>,
}

impl PrintSets {
    /// Adds the fingerprints of the next texts, one list per text, in one
    /// buffer of their own.
    pub fn push_batch(&mut self, batch: Vec<Vec<Print>>) {
        let mut buffer = Vec::with_capacity(batch.iter().map(Vec::len).sum());
        let at = u32::try_from(self.buffers.len()).expect("fewer than 4 billion batches");
        for prints in batch {
            let start = buffer.len() as u32;
            buffer.extend_from_slice(&prints);
            self.texts.push((at, start, buffer.len() as u32));
        }
        self.buffers.push(buffer);
    }

    /// Returns how many texts it holds.
    pub fn len(&self) -> usize {
        self.texts.len()
    }

    /// Returns true if it holds no text.
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    /// Returns the fingerprints of text `text`; none for an unknown text.
    pub fn get(&self, text: usize) -> &[Print] {
        self.texts.get(text).map_or(&[], |&(at, start, end)| {
            &self.buffers[at as usize][start as usize..end as usize]
        })
    }
}

impl From<Vec<Vec<Print>>> for PrintSets {
    fn from(prints: Vec<Vec<Print>>) -> Self {
        let mut sets = PrintSets::default();
        sets.push_batch(prints);
        sets
    }
}

/// The bits of a shingle's hash below its fingerprint's.
const PRINT_SHIFT: u32 = 64 - 8 * size_of::<Print>() as u32;

/// Returns the fingerprint of a shingle's hash.
fn print_of(hash: u64) -> Print {
    let bytes = hash.to_be_bytes();
    [bytes[0], bytes[1], bytes[2], bytes[3], bytes[4]]
}

/// Returns the kept bits of a fingerprint's hash, in the low bits.
fn print_bits(print: Print) -> u64 {
    print.iter().fold(0, |bits, &b| (bits << 8) | u64::from(b))
}

/// Returns the sorted, distinct winnowing fingerprints of `text`.
pub fn fingerprints(text: &str) -> Vec<Print> {
    id_and_fingerprints(text).1
}

/// Returns the content id of `text` (see [`shingles::content_id`]) with
/// its fingerprints, reading the text once.
pub fn id_and_fingerprints(text: &str) -> (String, Vec<Print>) {
    let mut words = Vec::with_capacity(text.len() / 5);
    shingles::word_hashes(text, &mut words);
    let id = shingles::format_id(shingles::sequence_hash(&words));
    let mut sh = Vec::with_capacity(words.len());
    shingles::shingle_hashes(&words, &mut sh);
    drop(words);
    let mut chosen = Vec::with_capacity(sh.len() / 3 + 1);
    shingles::winnow(&sh, WINDOW, &mut chosen);
    drop(sh);
    // Kept bits sort as numbers as their prints sort as bytes, and
    // numbers sort several times faster.
    for hash in &mut chosen {
        *hash >>= PRINT_SHIFT;
    }
    chosen.sort_unstable();
    chosen.dedup();
    let fp = chosen
        .iter()
        .map(|&bits| print_of(bits << PRINT_SHIFT))
        .collect();
    (id, fp)
}

/// Returns the pairs `(a, b)`, `a < b`, of texts that share at least
/// `min_share` of the smaller one's fingerprints (at least one). `prints`
/// are each text's sorted distinct fingerprints.
pub fn pairs<P: AsRef<[Print]> + Sync>(prints: &[P], min_share: f64) -> Vec<(u32, u32)> {
    pairs_counted(prints, min_share, &|_, _| {})
}

/// Fingerprints in a slice of the fingerprint space: the slices are
/// compared one after the other, then as many ranges of texts have their
/// pairs counted one after the other. Each step is then a small share of
/// the work (a tenth of a second or so), so its progress moves, and only
/// the entries of one pass's slices ([`SLICES_PER_PASS`]) are in memory
/// at once; fewer, larger steps would spend less on starting parallel
/// work.
const FINGERPRINTS_PER_SLICE: usize = 1 << 19;

/// Slices whose entries are gathered in one pass over the texts: each
/// pass reads a little of every text's fingerprints, scattered over the
/// memory of them all, and at 100,000 texts, one slice a pass, that
/// scattered reading was a third of comparing. (Each slice's pairs are
/// still held to the share test in turn; only the entries of these few
/// slices are in memory at once.)
const SLICES_PER_PASS: usize = 2;

/// Like [`pairs`], calling `done(n, total)` as `n` more of its `total`
/// steps are done (`done(0, total)` first).
pub fn pairs_counted<P: AsRef<[Print]> + Sync>(
    prints: &[P],
    min_share: f64,
    done: &(dyn Fn(usize, usize) + Sync),
) -> Vec<(u32, u32)> {
    pairs_in_slices(prints, min_share, FINGERPRINTS_PER_SLICE, COUNT_FROM, done)
}

/// [`pairs_counted`] with `per_slice` fingerprints in a slice, counting a
/// range's repeated pairs once it holds `count_from` entries more than
/// twice its last count.
fn pairs_in_slices<P: AsRef<[Print]> + Sync>(
    prints: &[P],
    min_share: f64,
    per_slice: usize,
    count_from: usize,
    done: &(dyn Fn(usize, usize) + Sync),
) -> Vec<(u32, u32)> {
    let n = prints.len();
    // Texts beyond what the packed entry holds are compared in chunks of
    // their own; real corpora stay far below 16 million texts.
    if n >= 1 << INDEX_BITS {
        done(1, 1);
        return Vec::new();
    }
    let fingerprints: usize = prints.par_iter().map(|fp| fp.as_ref().len()).sum();
    let slices = fingerprints.div_ceil(per_slice.max(1)).clamp(1, 1024);
    let steps = 2 * slices;
    done(0, steps);
    let mask = (1u64 << INDEX_BITS) - 1;
    // Only the texts of a pair that one shared fingerprint could pass
    // (the smaller has at most 1 / min_share of them) need its first
    // meeting kept (see `Range::keep_repeats`).
    let one_may_pass = |entry: u64| {
        let (a, b) = (first_text(entry) as usize, second_text(entry) as usize);
        let smaller = prints[a]
            .as_ref()
            .len()
            .min(prints[b].as_ref().len())
            .max(1);
        min_share * smaller as f64 <= 1.0
    };
    // Each shared fingerprint of two texts gives their pair once; the
    // pairs are kept by the range of their first text.
    let per_range = n.div_ceil(slices).max(1);
    let met_bits = (MET_BITS_PER_FINGERPRINT * fingerprints / slices)
        .next_power_of_two()
        .max(1 << 12);
    let mut ranges: Vec<Range> = (0..slices).map(|_| Range::new(met_bits)).collect();
    let bounds = slice_bounds(prints, slices);
    // Where each text's next slice starts, and that fingerprint (`u64::MAX`
    // past the last): slices follow one another, so a slice of a text's
    // sorted fingerprints starts where the last one ended, and a text with
    // none in a slice is passed over without touching its fingerprints.
    // (Searching each text for each slice's bounds grew with the number of
    // texts times the number of slices, which grows with the corpus: 1.5 s
    // of CPU in a 100,000-file open, a hundredth of that at 10,000.)
    let next_of = |fp: &[Print], at: usize| fp.get(at).map_or(u64::MAX, |&h| print_bits(h));
    let mut cursors: Vec<(u32, u64)> = prints
        .par_iter()
        .map(|fp| (0, next_of(fp.as_ref(), 0)))
        .collect();
    // Where slice `k` starts (`u64::MAX` past the last).
    let slice_start = |k: usize| bounds.get(k).map_or(u64::MAX, |&start| print_bits(start));
    for k in (0..bounds.len()).step_by(SLICES_PER_PASS) {
        let next_pass = k + SLICES_PER_PASS;
        let hi = slice_start(next_pass);
        // A slice is a run of each text's sorted fingerprints.
        let mut entries: Vec<u64> = cursors
            .par_iter_mut()
            .enumerate()
            .filter(|(_, (_, next))| *next < hi)
            .flat_map_iter(|(i, (cursor, next))| {
                let fp = prints[i].as_ref();
                let start = *cursor as usize;
                // Few of a text's fingerprints fall in one slice: a scan
                // finds its end in fewer steps than a search would. (A
                // print has 40 bits: the last slice, to `u64::MAX`, takes
                // every one left.)
                let end = start
                    + fp[start..]
                        .iter()
                        .take_while(|&&h| print_bits(h) < hi)
                        .count();
                *cursor = end as u32;
                *next = next_of(fp, end);
                fp[start..end].iter().map(move |&h| entry(h, i))
            })
            .collect();
        entries.par_sort_unstable();
        // The pass's slices, each compared in turn: the pairs of one
        // slice meet before their first meetings are dropped, and they
        // are held for one slice at a time.
        let mut rest: &[u64] = &entries;
        for slice in k..next_pass.min(bounds.len()) {
            let slice_hi = slice_start(slice + 1);
            let end = rest.partition_point(|&e| e >> INDEX_BITS < slice_hi);
            let (this, after) = rest.split_at(end);
            rest = after;
            compare_slice(
                this,
                prints,
                mask,
                per_range,
                &mut ranges,
                &one_may_pass,
                count_from,
            );
            done(1, steps);
        }
    }
    let mut out = Vec::new();
    for range in ranges {
        let Range { mut entries, .. } = range;
        // Pairs of a range, with how many fingerprints their texts share
        // (the first meeting of most was not kept).
        entries.par_sort_unstable();
        out.par_extend(
            entries
                .par_chunk_by(|a, b| same_pair(*a, *b))
                .filter_map(|run| {
                    let (a, b) = (first_text(run[0]), second_text(run[0]));
                    let kept: u64 = run.iter().map(|&e| e & COUNT_MASK).sum();
                    let shared = kept + u64::from(!one_may_pass(run[0]));
                    let smaller = prints[a as usize]
                        .as_ref()
                        .len()
                        .min(prints[b as usize].as_ref().len())
                        .max(1);
                    (shared as f64 >= min_share * smaller as f64).then_some((a, b))
                }),
        );
        done(1, steps);
    }
    out
}

/// Finds the pairs of one slice's sorted `entries` and adds them to the
/// ranges of their first texts (`per_range` texts a range), each range
/// dropping first meetings (see [`Range::keep_repeats`]) and counting its
/// repeats once it holds `count_from` entries more than half again its
/// last count.
fn compare_slice<P: AsRef<[Print]> + Sync>(
    entries: &[u64],
    prints: &[P],
    mask: u64,
    per_range: usize,
    ranges: &mut [Range],
    one_may_pass: &(dyn Fn(u64) -> bool + Sync),
    count_from: usize,
) {
    let range_of = |pair: u64| first_text(pair) as usize / per_range;
    let found = shared_pairs(entries, prints, mask, ranges.len(), &range_of);
    ranges.par_iter_mut().enumerate().for_each(|(r, range)| {
        let from = range.entries.len();
        for part in &found {
            range.entries.extend_from_slice(&part[r]);
        }
        range.keep_repeats(from, one_may_pass);
        // Texts that share many fingerprints meet again slice after
        // slice: fold a range's repeats into counts whenever it has grown
        // by half, so it grows with the pairs rather than the meetings.
        if range.entries.len() > range.counted + range.counted / 2 + count_from {
            count_in_place(&mut range.entries);
            range.counted = range.entries.len();
        }
    });
}

/// A pair of texts that share fingerprints, as one `u64`: the first text
/// (24 bits, see [`INDEX_BITS`]), the second, and a count of fingerprints
/// they share (16 bits; one pair may take several entries).
const COUNT_BITS: u32 = 16;
const COUNT_MASK: u64 = (1 << COUNT_BITS) - 1;

/// Entries in a range below which it is not worth counting.
const COUNT_FROM: usize = 1 << 16;

/// Bits of a range's record of pairs met per fingerprint of the corpus
/// (about one pair meets per fingerprint): one pair in nine or so finds
/// its bit set by another and keeps its first meeting, which only makes
/// its count one too high, never too low.
const MET_BITS_PER_FINGERPRINT: usize = 8;

/// The pairs whose first text falls in one range of texts, found slice
/// after slice.
struct Range {
    /// Pair entries ([`pair_entry`]), partly counted.
    entries: Vec<u64>,
    /// The length of `entries` when last counted (see `count_in_place`).
    counted: usize,
    /// One bit per pair hashed, set once a pair has met.
    met: Vec<u64>,
}

impl Range {
    /// An empty range whose record of pairs met has `bits` bits (a power
    /// of two, at least 64).
    fn new(bits: usize) -> Self {
        Self {
            entries: Vec::new(),
            counted: 0,
            met: vec![0; bits / 64],
        }
    }

    /// Drops, from `entries[from..]`, each pair's first meeting, unless
    /// `one_may_pass` says one shared fingerprint could make the pair:
    /// most pairs of texts meet once, on a stock phrase, and holding
    /// them all until every slice is counted was the peak of a cold open
    /// (240 MB of 1,045 for 100,000 articles). A pair that meets again is
    /// kept from then on, and its count is one more than its entries. The
    /// entries are seen in the order they were found, so the same folder
    /// gives the same pairs on every run.
    fn keep_repeats(&mut self, from: usize, one_may_pass: &(dyn Fn(u64) -> bool + Sync)) {
        let shift = 64 - (self.met.len() * 64).trailing_zeros();
        let mut kept = from;
        for k in from..self.entries.len() {
            let entry = self.entries[k];
            let keep = one_may_pass(entry) || {
                let hash = (entry >> COUNT_BITS).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift;
                let (word, bit) = (hash as usize / 64, 1u64 << (hash % 64));
                let met = self.met[word] & bit != 0;
                self.met[word] |= bit;
                met
            };
            if keep {
                self.entries[kept] = entry;
                kept += 1;
            }
        }
        self.entries.truncate(kept);
    }
}

/// Returns the entry of fingerprint `print` of text `text`: the print in
/// the top bits, so that entries sort by print.
fn entry(print: Print, text: usize) -> u64 {
    (print_bits(print) << INDEX_BITS) | text as u64
}

/// Returns the entry of texts `a < b` sharing one fingerprint.
fn pair_entry(a: u64, b: u64) -> u64 {
    (a << (COUNT_BITS + INDEX_BITS)) | (b << COUNT_BITS) | 1
}

fn first_text(entry: u64) -> u32 {
    (entry >> (COUNT_BITS + INDEX_BITS)) as u32
}

fn second_text(entry: u64) -> u32 {
    ((entry >> COUNT_BITS) & ((1 << INDEX_BITS) - 1)) as u32
}

fn same_pair(x: u64, y: u64) -> bool {
    x >> COUNT_BITS == y >> COUNT_BITS
}

/// Folds the entries of one pair in `range` into as few as their counts
/// allow, sorting it.
fn count_in_place(range: &mut Vec<u64>) {
    range.sort_unstable();
    let mut kept = 0;
    for k in 0..range.len() {
        let entry = range[k];
        if kept > 0 {
            let last = range[kept - 1];
            if same_pair(last, entry) && (last & COUNT_MASK) + (entry & COUNT_MASK) <= COUNT_MASK {
                range[kept - 1] = last + (entry & COUNT_MASK);
                continue;
            }
        }
        range[kept] = entry;
        kept += 1;
    }
    range.truncate(kept);
}

/// Returns where each of the `slices` slices of the fingerprint space
/// starts, each slice holding about as many fingerprints of `prints`
/// (winnowing keeps the smallest hashes, so equal ranges of hashes would
/// not); a slice ends where the next starts.
fn slice_bounds<P: AsRef<[Print]> + Sync>(prints: &[P], slices: usize) -> Vec<Print> {
    let mut sample: Vec<Print> = prints
        .par_iter()
        .flat_map_iter(|fp| fp.as_ref().iter().step_by(16).copied())
        .collect();
    sample.par_sort_unstable();
    (0..slices)
        .map(|k| match k {
            0 => [0; 5],
            _ => sample
                .get(k * sample.len() / slices)
                .copied()
                .unwrap_or([0; 5]),
        })
        .collect()
}

/// Returns, once per fingerprint two texts share, the entry of their pair
/// `a < b` ([`pair_entry`]), from `entries`: sorted `(fingerprint, text)`
/// entries. The pairs come in parts, in order, each part's pairs split
/// among `ranges` lists by `range_of`: each worker writes its own part,
/// and each range then reads its lists from every part, on any core (one
/// list per fingerprint was an allocation for each of millions, and one
/// thread handing the pairs out to their ranges kept the other core idle).
///
/// A fingerprint shared by a few texts pairs them all. One shared by many
/// is mostly a stock phrase: pairing them all would grow with the square
/// of its frequency, so each text is paired with the next one and with
/// the run's hub, the text with the most fingerprints (for copies of one
/// story, its most complete copy, which contains the others). Many copies
/// of one story still meet on most of their fingerprints, while texts
/// that merely share a phrase meet once and fail the share test.
fn shared_pairs<P: AsRef<[Print]> + Sync>(
    entries: &[u64],
    prints: &[P],
    mask: u64,
    ranges: usize,
    range_of: &(dyn Fn(u64) -> usize + Sync),
) -> Vec<Vec<Vec<u64>>> {
    let pair = move |a: u64, b: u64| {
        let (a, b) = (a & mask, b & mask);
        (a != b).then(|| pair_entry(a.min(b), a.max(b)))
    };
    entries
        .par_chunk_by(|a, b| a & !mask == b & !mask)
        .filter(|run| run.len() > 1)
        .fold(
            || vec![Vec::new(); ranges],
            |mut part, run| {
                let mut push = |found: Option<u64>| {
                    if let Some(p) = found {
                        part[range_of(p)].push(p);
                    }
                };
                if run.len() <= ALL_PAIRS_POSTING {
                    for (k, &a) in run.iter().enumerate() {
                        for &b in &run[k + 1..] {
                            push(pair(a, b));
                        }
                    }
                } else {
                    let hub = run
                        .iter()
                        .copied()
                        .max_by_key(|&e| prints[(e & mask) as usize].as_ref().len())
                        .unwrap_or(run[0]);
                    for w in run.windows(2) {
                        push(pair(w[0], w[1]));
                    }
                    for &e in run {
                        push(pair(e, hub));
                    }
                }
                part
            },
        )
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
    fn print_sets_keep_each_texts_fingerprints_across_batches() {
        let texts: Vec<String> = (0..5).map(|k| words(k, 40 + k * 30)).collect();
        let each: Vec<Vec<Print>> = texts.iter().map(|t| fingerprints(t)).collect();
        let mut sets = PrintSets::default();
        sets.push_batch(each[..2].to_vec());
        sets.push_batch(Vec::new());
        sets.push_batch(each[2..].to_vec());
        assert_eq!(sets.len(), 5);
        for (k, prints) in each.iter().enumerate() {
            assert_eq!(sets.get(k), prints.as_slice(), "text {k}");
        }
        assert!(sets.get(5).is_empty());
        let views: Vec<&[Print]> = (0..sets.len()).map(|k| sets.get(k)).collect();
        let copy = format!("{} tail", texts[4]);
        let mut with_copy = each.clone();
        with_copy.push(fingerprints(&copy));
        let mut views_with_copy = views.clone();
        let last = fingerprints(&copy);
        views_with_copy.push(&last);
        assert_eq!(pairs(&views_with_copy, 0.5), pairs(&with_copy, 0.5));
        assert_eq!(pairs(&views_with_copy, 0.5), vec![(4, 5)]);
    }

    #[test]
    fn a_text_keeps_one_fingerprint_in_six_or_seven_shingles_and_any_shared_sixteen_words_meet() {
        let text = words(11, 5000);
        let shingles = 5000 - shingles::SHINGLE_WORDS + 1;
        let kept = fingerprints(&text).len();
        // Winnowing keeps about 2 / (WINDOW + 1) of the shingles: the
        // memory and the comparing of a corpus grow with it.
        assert!(
            kept * 11 < shingles * 2 && kept * 8 > shingles,
            "{kept} fingerprints of {shingles} shingles"
        );
        let run = WINDOW + shingles::SHINGLE_WORDS - 1;
        let ours = fingerprints(&text);
        for at in [0, 37, 1200, 4000] {
            let shared = text
                .split(' ')
                .skip(at)
                .take(run)
                .collect::<Vec<_>>()
                .join(" ");
            let other = format!("{}{shared} {}", words(12, 300), words(13, 300));
            assert!(
                fingerprints(&other)
                    .iter()
                    .any(|p| ours.binary_search(p).is_ok()),
                "a run of {run} words from word {at} shares no fingerprint"
            );
        }
    }

    #[test]
    fn a_fingerprint_keeps_the_top_forty_bits_and_their_order() {
        let (low, high) = (0x0123_4567_89ab_cdef_u64, 0x0123_4567_8a00_0000_u64);
        assert_eq!(print_bits(print_of(low)), low >> 24);
        assert!(print_of(low) < print_of(high));
        // Hashes that differ only below the kept bits are one fingerprint.
        assert_eq!(print_of(low), print_of(low ^ 0xff_ffff));
        assert_eq!(entry(print_of(high), 7) >> INDEX_BITS, high >> 24);
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
    fn slices_of_any_size_find_the_same_pairs_and_count_every_step() {
        let story = words(5, 400);
        let mut texts = vec![story.clone()];
        for k in 0..40 {
            // Copies of parts of the story, and strangers.
            texts.push(format!("menu {}", &story[k * 30..k * 30 + 1200]));
            texts.push(words(200 + k, 150));
        }
        let prints: Vec<_> = texts.iter().map(|t| fingerprints(t)).collect();
        let whole = pairs_in_slices(&prints, 0.3, usize::MAX, COUNT_FROM, &|_, _| {});
        assert!(whole.len() >= 40, "{} pairs", whole.len());
        for (per_slice, count_from) in [(1, 0), (7, 0), (7, COUNT_FROM), (100, 3), (1000, 0)] {
            let steps = std::sync::Mutex::new((0, 0));
            let found = pairs_in_slices(&prints, 0.3, per_slice, count_from, &|n, total| {
                let mut steps = steps.lock().unwrap();
                *steps = (steps.0 + n, total);
            });
            assert_eq!(
                found, whole,
                "{per_slice} fingerprints a slice, counted from {count_from}"
            );
            let (done, total) = steps.into_inner().unwrap();
            assert_eq!(done, total);
            assert!(per_slice > 100 || total > 2, "{total} steps");
        }
    }

    #[test]
    fn counting_folds_the_repeats_of_a_pair_up_to_what_a_count_holds() {
        let one = pair_entry(3, 9);
        let other = pair_entry(3, 10);
        let mut range = vec![one, other, one, one];
        count_in_place(&mut range);
        assert_eq!(range, [one + 2, other]);
        assert_eq!((first_text(range[0]), second_text(range[0])), (3, 9));
        // A count that would overflow starts a second entry of the pair.
        let mut range = vec![one - 1 + COUNT_MASK, one, one];
        count_in_place(&mut range);
        let total: u64 = range.iter().map(|e| e & COUNT_MASK).sum();
        assert_eq!(total, COUNT_MASK + 2);
        assert!(range.iter().all(|&e| same_pair(e, one)));
        let big = pair_entry((1 << INDEX_BITS) - 1, (1 << INDEX_BITS) - 2);
        assert_eq!(first_text(big), (1 << INDEX_BITS) - 1);
        assert_eq!(second_text(big), (1 << INDEX_BITS) - 2);
    }

    #[test]
    fn pairs_are_those_that_share_enough_fingerprints_counted_one_by_one() {
        // Eight texts cut from one pool of words, overlapping by various
        // lengths, and a five-word text with a single fingerprint: at most
        // eight texts share any fingerprint, so every pair that shares one
        // is counted and the result can be checked pair by pair.
        let pool: Vec<String> = (0..2000).map(|i| format!("p{i}")).collect();
        let cut = |from: usize, len: usize| pool[from..from + len].join(" ");
        let mut texts: Vec<String> = (0..7).map(|k| cut(k * 170, 400)).collect();
        texts.push(cut(1200, 5));
        let prints: Vec<_> = texts.iter().map(|t| fingerprints(t)).collect();
        assert_eq!(prints[7].len(), 1, "the short text has one fingerprint");
        let share = |a: usize, b: usize| {
            let shared = prints[a].iter().filter(|h| prints[b].contains(h)).count();
            (shared, prints[a].len().min(prints[b].len()))
        };
        // Shares on the edge of passing, each exactly one pair's share.
        let (shared, smaller) = share(0, 1);
        let (edge, other_edge) = (shared as f64 / smaller as f64, share(1, 3));
        let other_edge = other_edge.0 as f64 / other_edge.1 as f64;
        for min_share in [0.1, 0.25, 0.5, 0.8, edge, other_edge] {
            let mut expected = Vec::new();
            for a in 0..texts.len() {
                for b in a + 1..texts.len() {
                    let (shared, smaller) = share(a, b);
                    if shared > 0 && shared as f64 >= min_share * smaller as f64 {
                        expected.push((a as u32, b as u32));
                    }
                }
            }
            assert!(expected.contains(&(6, 7)), "the short text is in the last");
            for per_slice in [1, 5, usize::MAX] {
                let found = pairs_in_slices(&prints, min_share, per_slice, 0, &|_, _| {});
                assert_eq!(found, expected, "share {min_share}, {per_slice} a slice");
            }
        }
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
