//! The evidence that two articles report one story, and the candidate
//! pairs worth weighing (see [`super`] for what a thread is).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_64;

use crate::corpus::dates::day_number;
use crate::corpus::{Article, DateSource};
use crate::pipeline::Library;

/// Terms kept per article: enough to describe an event, few enough that
/// the candidate lists stay short.
pub const SALIENT_TERMS: usize = 24;

/// A term or entity held by more articles than this is not rare enough to
/// propose pairs (it may still add to a pair's score).
pub const MAX_POSTING: usize = 64;

/// Rare terms or entities a pair must share to be scored at all.
const MIN_SHARED: usize = 2;

/// Share of the score that comes from shared words; the rest comes from
/// shared entities.
const TEXT_WEIGHT: f64 = 0.7;

/// Days apart within which dated articles count as one moment, which is
/// evidence for one story (the score gains [`SAME_MOMENT_BOOST`]); beyond,
/// that gain fades by half every [`HALF_LIFE_DAYS`], so articles months
/// apart need much more in common. Undated articles get neither. (Chosen on
/// tests/fixtures/threads/tune: the longest half-life that keeps a match
/// between the same two clubs three weeks later out of the cup thread.)
const SAME_MOMENT_DAYS: f64 = 7.0;
const SAME_MOMENT_BOOST: f64 = 1.3;
const HALF_LIFE_DAYS: f64 = 12.0;

/// A developing story keeps its subject in the headline ("ice core",
/// "derailment") while its cast may recur in other events (the same clubs'
/// next match, the same company's next results): when two headlines share
/// a word that is not a name, time counts this many times less against
/// the pair.
const SAME_SUBJECT_SLOWER: f64 = 3.0;

/// An article's salient terms: (term hash, weight), sorted by hash, with
/// unit length.
type Profile = Vec<(u64, f32)>;

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

/// Returns the hashes of [`STOP_WORDS`], sorted.
fn stop_word_hashes() -> &'static [u64] {
    static HASHES: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    HASHES.get_or_init(|| {
        let mut h: Vec<u64> = STOP_WORDS.iter().map(|w| xxh3_64(w.as_bytes())).collect();
        h.sort_unstable();
        h
    })
}

/// Returns the hash of `word` lower-cased if it is a term: letters only,
/// three or more bytes, at most 48, and not a stop word.
fn term_hash(word: &str, stop: &[u64]) -> Option<u64> {
    if word.len() < 3 || word.len() > 48 {
        return None;
    }
    let hash = if word.is_ascii() {
        let mut buf = [0u8; 48];
        for (b, &c) in buf.iter_mut().zip(word.as_bytes()) {
            if !c.is_ascii_alphabetic() {
                return None;
            }
            *b = c.to_ascii_lowercase();
        }
        xxh3_64(&buf[..word.len()])
    } else {
        if !word.chars().all(char::is_alphabetic) {
            return None;
        }
        xxh3_64(word.to_lowercase().as_bytes())
    };
    stop.binary_search(&hash).is_err().then_some(hash)
}

/// Returns each distinct term of the headline and text (see [`term_hash`])
/// with its count, and whether it is a name: always capitalised there
/// ("Ravensmoor", never "ravensmoor"). The headline counts twice, since it
/// says what the story is about.
fn term_counts(title: &str, text: &str) -> Vec<(u64, u32, bool)> {
    let stop = stop_word_hashes();
    // The low bit of each hash says whether that occurrence was
    // capitalised.
    let mut hashes: Vec<u64> = Vec::with_capacity(text.len() / 6);
    let tag = |h: u64, word: &str| (h & !1) | u64::from(word.starts_with(char::is_uppercase));
    for (k, source) in [title, text].into_iter().enumerate() {
        if k == 1 {
            // The headline counts twice.
            hashes.extend_from_within(..);
        }
        // Runs of ASCII letters and digits, or of any non-ASCII bytes
        // with them, found bytewise; a run with non-ASCII characters is
        // split again at the characters that are not alphanumeric ("’",
        // "—").
        let bytes = source.as_bytes();
        let word_byte = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
        let mut i = 0;
        while i < bytes.len() {
            while i < bytes.len() && !word_byte(bytes[i]) {
                i += 1;
            }
            let start = i;
            while i < bytes.len() && word_byte(bytes[i]) {
                i += 1;
            }
            let run = &source[start..i];
            if run.is_ascii() {
                hashes.extend(term_hash(run, stop).map(|h| tag(h, run)));
            } else {
                hashes.extend(
                    run.split(|c: char| !c.is_alphanumeric())
                        .filter_map(|w| term_hash(w, stop).map(|h| tag(h, w))),
                );
            }
        }
    }
    hashes.sort_unstable();
    hashes
        .chunk_by(|a, b| a >> 1 == b >> 1)
        .map(|run| (run[0] & !1, run.len() as u32, run[0] & 1 == 1))
        .collect()
}

/// An article's terms: (hash, count, is a name), sorted by hash.
type TermCounts = Vec<(u64, u32, bool)>;

/// A hasher for keys that are hashes already (term hashes from xxh3).
#[derive(Default)]
struct PreHashed(u64);

impl Hasher for PreHashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Returns the salient-term profiles of all articles.
fn profiles(library: &Library) -> (Vec<Profile>, Vec<Vec<u64>>) {
    let (counts, subjects): (Vec<TermCounts>, Vec<Vec<u64>>) = library
        .corpus
        .articles
        .par_iter()
        .map(|a| {
            let counts = term_counts(&a.title, &a.text);
            let subject = headline_subject(&a.title, &counts);
            (counts, subject)
        })
        .unzip();
    let mut all: Vec<u64> = counts.iter().flatten().map(|&(h, _, _)| h).collect();
    all.par_sort_unstable();
    let df: HashMap<u64, u32, BuildHasherDefault<PreHashed>> = all
        .chunk_by(|a, b| a == b)
        .map(|run| (run[0], run.len() as u32))
        .collect();
    drop(all);
    let n = counts.len().max(1) as f64;
    let profiles = counts
        .into_par_iter()
        .map(|terms| {
            let mut weighted: Vec<(u64, f32)> = terms
                .into_iter()
                .filter_map(|(h, tf, _)| {
                    let df = f64::from(*df.get(&h)?);
                    // A term in one article only cannot link it to another.
                    (df >= 2.0).then(|| {
                        let idf = (n / df).ln();
                        (h, ((1.0 + f64::from(tf).ln()) * idf) as f32)
                    })
                })
                .collect();
            weighted.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            weighted.truncate(SALIENT_TERMS);
            let norm = weighted.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                for t in &mut weighted {
                    t.1 /= norm;
                }
            }
            weighted.sort_unstable_by_key(|t| t.0);
            weighted
        })
        .collect();
    (profiles, subjects)
}

/// Returns the headline's words that are not names (see [`term_counts`]:
/// the article writes them in lower case somewhere), sorted: what the
/// story is about ("ice", "core"), as against who is in it.
fn headline_subject(title: &str, counts: &[(u64, u32, bool)]) -> Vec<u64> {
    let mut words: Vec<u64> = term_counts(title, "")
        .into_iter()
        .map(|(h, _, _)| h)
        .filter(|h| {
            counts
                .binary_search_by_key(h, |c| c.0)
                .is_ok_and(|i| !counts[i].2)
        })
        .collect();
    words.sort_unstable();
    words
}

/// Returns true if and only if two sorted lists share an element.
fn share_any(a: &[u64], b: &[u64]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

fn cosine(a: &Profile, b: &Profile) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0f64);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += f64::from(a[i].1 * b[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// An article's entities with their weights (inverse document frequency),
/// sorted by entity id, and the sum of the weights.
struct EntityProfile {
    entities: Vec<(u32, f32)>,
    total: f32,
}

fn entity_profiles(library: &Library) -> Vec<EntityProfile> {
    let index = &library.index;
    (0..library.corpus.articles.len())
        .into_par_iter()
        .map(|i| {
            let list = index.entities_in(i);
            let mut entities: Vec<(u32, f32)> = list
                .iter()
                .map(|&(e, _)| (e, index.weight(e) as f32))
                .collect();
            entities.sort_unstable_by_key(|e| e.0);
            let total = entities.iter().map(|e| e.1).sum();
            EntityProfile { entities, total }
        })
        .collect()
}

/// Returns the share of the lighter article's entity weight that the two
/// articles share.
fn entity_overlap(a: &EntityProfile, b: &EntityProfile) -> f64 {
    let lighter = a.total.min(b.total);
    if lighter <= 0.0 {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0.0f32);
    while i < a.entities.len() && j < b.entities.len() {
        match a.entities[i].0.cmp(&b.entities[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += a.entities[i].1;
                i += 1;
                j += 1;
            }
        }
    }
    f64::from((shared / lighter).min(1.0))
}

/// Returns the factor that being `days` apart applies to a pair's score.
/// A story whose headlines share a subject word fades
/// [`SAME_SUBJECT_SLOWER`] times more slowly.
fn time_factor(days: Option<i64>, same_subject: bool) -> f64 {
    let half_life = if same_subject {
        HALF_LIFE_DAYS * SAME_SUBJECT_SLOWER
    } else {
        HALF_LIFE_DAYS
    };
    match days {
        None => 1.0,
        Some(d) if (d.abs() as f64) <= SAME_MOMENT_DAYS => SAME_MOMENT_BOOST,
        Some(d) => SAME_MOMENT_BOOST * 0.5f64.powf((d.abs() as f64 - SAME_MOMENT_DAYS) / half_life),
    }
}

/// Returns the candidate pairs `(a, b)`, `a < b`: articles that share at
/// least [`MIN_SHARED`] rare salient terms or rare entities.
fn candidates(library: &Library, profiles: &[Profile]) -> Vec<(u32, u32)> {
    const ENTITY_TAG: u64 = 1 << 63;
    let mut postings: Vec<(u64, u32)> = profiles
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, p)| p.iter().map(move |&(h, _)| (h & !ENTITY_TAG, i as u32)))
        .collect();
    for i in 0..library.index.article_count() {
        let list = library.index.entities_in(i);
        postings.extend(
            list.iter()
                .map(|&(e, _)| (ENTITY_TAG | u64::from(e), i as u32)),
        );
    }
    postings.par_sort_unstable();
    let mut pairs: Vec<(u32, u32)> = postings
        .par_chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() > 1 && run.len() <= MAX_POSTING)
        .flat_map_iter(|run| {
            let mut out = Vec::new();
            for (k, a) in run.iter().enumerate() {
                out.extend(run[k + 1..].iter().map(|b| (a.1.min(b.1), a.1.max(b.1))));
            }
            out
        })
        .collect();
    // One shared rare term is chance; a pair needs two pieces of evidence
    // to be worth scoring.
    pairs.par_sort_unstable();
    pairs
        .chunk_by(|a, b| a == b)
        .filter(|run| run.len() >= MIN_SHARED)
        .map(|run| run[0])
        .collect()
}

/// Returns the day an article was published, if known: a file's
/// modification time says when it was saved, and a folder saved in one
/// afternoon would otherwise look like one moment.
fn publication_day(a: &Article) -> Option<i64> {
    match a.date_source? {
        DateSource::Metadata | DateSource::Dateline => a.date.as_deref().and_then(day_number),
        DateSource::FileTime => None,
    }
}

/// What pairs are scored on, computed once per corpus.
pub(super) struct Evidence {
    terms: Vec<Profile>,
    /// Per article: its [`headline_subject`].
    subjects: Vec<Vec<u64>>,
    entities: Vec<EntityProfile>,
    days: Vec<Option<i64>>,
}

impl Evidence {
    pub(super) fn of(library: &Library) -> Evidence {
        let (terms, subjects) = profiles(library);
        Evidence {
            terms,
            subjects,
            entities: entity_profiles(library),
            days: library
                .corpus
                .articles
                .iter()
                .map(publication_day)
                .collect(),
        }
    }

    /// Returns the score (0–1, up to [`SAME_MOMENT_BOOST`] within a week)
    /// of a pair: text and entity evidence, weighed by the time between
    /// them where both are dated.
    fn score(&self, a: usize, b: usize) -> f64 {
        let text = cosine(&self.terms[a], &self.terms[b]);
        let entities = entity_overlap(&self.entities[a], &self.entities[b]);
        let apart = self.days[a].zip(self.days[b]).map(|(x, y)| x - y);
        let same_subject = share_any(&self.subjects[a], &self.subjects[b]);
        (TEXT_WEIGHT * text + (1.0 - TEXT_WEIGHT) * entities) * time_factor(apart, same_subject)
    }

    /// Returns every candidate pair with its score.
    pub(super) fn scored(&self, library: &Library) -> Vec<(u32, u32, f64)> {
        candidates(library, &self.terms)
            .into_par_iter()
            .map(|(a, b)| (a, b, self.score(a as usize, b as usize)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_words_of_letters_without_stop_words_counted_case_blind() {
        let counts = term_counts(
            "Flood Warning",
            "The flood: FLOOD-warning for Été 2024, said ox — Kyiv’s flood.",
        );
        let hash = |w: &str| xxh3_64(w.as_bytes());
        let count = |w: &str| counts.iter().find(|c| c.0 == hash(w) & !1).map(|c| c.1);
        assert_eq!(count("flood"), Some(5));
        assert!(counts.iter().all(|c| c.0 & 1 == 0));
        assert_eq!(count("kyiv"), Some(1));
        assert_eq!(count("warning"), Some(3));
        assert_eq!(count("été"), Some(1));
        assert_eq!(count("the"), None);
        assert_eq!(count("said"), None);
        assert_eq!(count("2024"), None);
        assert_eq!(count("ox"), None);
    }

    #[test]
    fn one_week_counts_for_a_pair_and_more_time_against_it() {
        assert!((time_factor(None, false) - 1.0).abs() < 1e-9);
        assert!((time_factor(Some(-5), false) - SAME_MOMENT_BOOST).abs() < 1e-9);
        assert!((time_factor(Some(19), false) - SAME_MOMENT_BOOST / 2.0).abs() < 1e-9);
        assert!(time_factor(Some(365), false) < 0.001);
        assert!((time_factor(Some(43), true) - SAME_MOMENT_BOOST / 2.0).abs() < 1e-9);
        assert!(time_factor(Some(365), true) < 0.01);
    }
}
