//! Scoring helpers of the ranker: text stored contiguously for fast scans,
//! the cheap subsequence score that shortlists candidates, and the top-k
//! selection.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use memchr::memmem;
use rayon::prelude::*;

/// Many strings stored end to end in one buffer: scanning them touches
/// memory in order, which is what a keystroke over 100,000 titles needs.
#[derive(Clone, Debug, Default)]
pub(super) struct Texts {
    buf: String,
    ends: Vec<usize>,
}

impl Texts {
    pub(super) fn new(items: impl IntoIterator<Item = String>) -> Self {
        let mut texts = Texts::default();
        for item in items {
            texts.buf.push_str(&item);
            texts.ends.push(texts.buf.len());
        }
        texts
    }

    /// Returns string `i` (empty when out of range).
    pub(super) fn at(&self, i: u32) -> &str {
        let i = i as usize;
        let Some(&end) = self.ends.get(i) else {
            return "";
        };
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.buf[start..end]
    }

    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.ends.len() as u32).map(|i| self.at(i))
    }
}

/// Keeps the `k` best of `items` under `cmp`, sorted, without sorting all.
pub(super) fn top_k<T>(items: &mut Vec<T>, k: usize, cmp: impl Fn(&T, &T) -> std::cmp::Ordering) {
    if items.len() > k && k > 0 {
        items.select_nth_unstable_by(k - 1, &cmp);
    }
    items.truncate(k);
    items.sort_by(cmp);
}

/// Candidates above which a scan is split across threads.
const PARALLEL_SCAN: usize = 16_384;

/// Returns the candidates of `pool` that contain `pattern` as a
/// subsequence, each with its [`quick_score`], in pool order.
pub(super) fn quick_score_pool(
    pool: &[u32],
    texts: &Texts,
    pattern: &str,
    finder: &memmem::Finder<'_>,
) -> Vec<(i64, u32)> {
    let score = |&id: &u32| quick_score(texts.at(id), pattern, finder).map(|s| (s, id));
    if pool.len() < PARALLEL_SCAN {
        pool.iter().filter_map(score).collect()
    } else {
        pool.par_chunks(PARALLEL_SCAN / 4)
            .flat_map_iter(|chunk| chunk.iter().filter_map(score))
            .collect()
    }
}

/// Replaces each shortlisted score by the fuzzy matcher's, dropping the
/// candidates it rejects.
pub(super) fn rescore(
    matcher: &SkimMatcherV2,
    list: &mut Vec<(i64, u32)>,
    texts: &Texts,
    pattern: &str,
) {
    list.retain_mut(|(score, id)| {
        matcher
            .fuzzy_match(texts.at(*id), pattern)
            .is_some_and(|s| {
                *score = s;
                true
            })
    });
}

/// [`quick_score`] for an ASCII pattern: ASCII bytes never occur inside a
/// multi-byte UTF-8 sequence, so the text can be searched bytewise with
/// memchr, which is what keeps a first keystroke over 100,000 titles fast.
fn quick_score_ascii(text: &[u8], pattern: &[u8]) -> Option<i64> {
    let mut score = 0i64;
    let mut pos = 0usize;
    let mut first = None;
    let mut last = None;
    for &p in pattern.iter().filter(|b| !b.is_ascii_whitespace()) {
        let at = pos + memchr::memchr(p, text.get(pos..)?)?;
        first.get_or_insert(at);
        // Bytes of multi-byte chars count as letters: a match after one is
        // inside a word.
        if at == 0 || !(text[at - 1].is_ascii_alphanumeric() || text[at - 1] >= 0x80) {
            score += 30;
        }
        if last.is_some_and(|l: usize| l + 1 == at) {
            score += 20;
        }
        last = Some(at);
        pos = at + 1;
    }
    let span = last.unwrap_or(0) - first.unwrap_or(0);
    Some(score - i64::try_from(span.min(200)).unwrap_or(200))
}

/// How many candidates per list the fuzzy matcher scores, per shown row.
pub(super) const SHORTLIST_FACTOR: usize = 8;

/// Returns a cheap relevance score when every char of `pattern` occurs in
/// `text` in order (spaces in the pattern are ignored), or `None`: the fast
/// test that rejects most candidates and shortlists the rest. A contiguous
/// match scores highest, more so at a word start; otherwise matched chars at
/// word starts and in runs count, and the span they cover costs.
fn quick_score(text: &str, pattern: &str, finder: &memmem::Finder<'_>) -> Option<i64> {
    if let Some(at) = finder.find(text.as_bytes()) {
        let word_start = at == 0 || !text[..at].ends_with(char::is_alphanumeric);
        let bonus = if word_start { 500 } else { 0 } + if at == 0 { 200 } else { 0 };
        return Some(
            1000 + bonus
                - i64::try_from(text.len().saturating_sub(pattern.len()).min(100)).unwrap_or(100),
        );
    }
    if pattern.is_ascii() {
        return quick_score_ascii(text.as_bytes(), pattern.as_bytes());
    }
    let mut score = 0i64;
    let mut previous: Option<char> = None;
    let mut last_matched = false;
    let mut first = None;
    let mut consumed = 0usize;
    let mut wanted = pattern.chars().filter(|c| !c.is_whitespace()).peekable();
    for (i, c) in text.char_indices() {
        let Some(&p) = wanted.peek() else { break };
        if c == p {
            wanted.next();
            first.get_or_insert(i);
            consumed = i;
            if previous.is_none_or(|q| !q.is_alphanumeric()) {
                score += 30;
            }
            if last_matched {
                score += 20;
            }
            last_matched = true;
        } else {
            last_matched = false;
        }
        previous = Some(c);
    }
    if wanted.peek().is_some() {
        return None;
    }
    let span = consumed - first.unwrap_or(0);
    Some(score - i64::try_from(span.min(200)).unwrap_or(200))
}
