//! Terms: the words that can make an article particular, counted once per
//! article and weighted by TF-IDF into a short profile of its salient terms
//! (see [`super`] for what they are evidence of).
//!
//! This runs over every article of a corpus, so it is built for cost: the
//! words are read by `words`; the document frequencies are counted in one
//! map per worker, merged, and the map kept holds only terms of two or
//! more articles, the only ones that can link two.

use rayon::prelude::*;

use super::words::{TermCounts, article_terms};
use crate::corpus::Article;
use crate::entities::wordset::{HashedMap, HashedSet};
use crate::pipeline::TextOf;

/// Terms that propose an article's candidate pairs: enough to describe an
/// event, few enough that the candidate lists stay short.
pub const SALIENT_TERMS: usize = 24;

/// Terms a pair is scored on: more than [`SALIENT_TERMS`], since two
/// reports of one story share many middle-weight terms that a short
/// profile drops, and a cosine over a few terms each is mostly chance.
pub const PROFILE_TERMS: usize = 48;

/// An article's salient terms: (term hash, weight), sorted by hash, with
/// unit length.
pub(super) type Profile = Vec<(u64, f32)>;

/// A map keyed by term hashes, which are hashes already.
type HashMapOfHashes<V> = HashedMap<V>;

/// Returns how many articles hold each term.
fn document_frequencies(counts: &[(TermCounts, Vec<u64>)]) -> HashMapOfHashes<u32> {
    counts
        .par_iter()
        .fold(HashMapOfHashes::default, |mut df, (terms, _)| {
            for t in terms {
                *df.entry(t.key()).or_insert(0) += 1;
            }
            df
        })
        .reduce(HashMapOfHashes::default, |a, b| {
            let (mut big, small) = if a.len() >= b.len() { (a, b) } else { (b, a) };
            for (h, n) in small {
                *big.entry(h).or_insert(0) += n;
            }
            big
        })
}

/// What an article's terms say: its salient profile, the headline words
/// that are not names (what the story is about, as against who is in it:
/// "ice", "core"), sorted.
pub(super) struct Terms {
    pub(super) profiles: Vec<Profile>,
    /// Per article: the hashes of its [`SALIENT_TERMS`] heaviest terms,
    /// sorted.
    pub(super) salient: Vec<Vec<u64>>,
    pub(super) subjects: Vec<Vec<u64>>,
    /// Per article: which of the words asked for it uses (see
    /// [`terms`]), sorted.
    pub(super) named: Vec<Vec<u64>>,
}

/// Returns the terms of every article, whose texts `text_of` gives by
/// index, and which of the words `wanted` each uses.
pub(super) fn terms(articles: &[Article], text_of: TextOf<'_, '_>, wanted: &HashedSet) -> Terms {
    let counts: Vec<(TermCounts, Vec<u64>)> = articles
        .par_iter()
        .enumerate()
        .map(|(i, a)| article_terms(&a.title, &text_of(i).unwrap_or_default()))
        .collect();
    let n = counts.len().max(1) as f64;
    // A term in one article only cannot link it to another; the rest get
    // their inverse document frequency.
    let idf: HashMapOfHashes<f32> = document_frequencies(&counts)
        .into_iter()
        .filter(|&(_, df)| df >= 2)
        .map(|(h, df)| (h, (n / f64::from(df)).ln() as f32))
        .collect();
    let keep = PROFILE_TERMS.max(SALIENT_TERMS);
    let (profiles, (salient, (subjects, named))) = counts
        .into_par_iter()
        .map(|(terms, headline)| {
            let named: Vec<u64> = terms
                .iter()
                .map(|t| t.key())
                .filter(|k| wanted.contains(k))
                .collect();
            let subject = headline
                .into_iter()
                .filter(|h| {
                    terms
                        .binary_search_by_key(h, |t| t.key())
                        .is_ok_and(|i| !terms[i].is_name())
                })
                .collect();
            let (profile, salient) = profile(&terms, &idf, keep);
            (profile, (salient, (subject, named)))
        })
        .unzip();
    Terms {
        profiles,
        salient,
        subjects,
        named,
    }
}

/// Returns the `keep` heaviest terms of an article by TF-IDF, with unit
/// length, sorted by hash; and the hashes of the [`SALIENT_TERMS`]
/// heaviest, sorted.
fn profile(terms: &TermCounts, idf: &HashMapOfHashes<f32>, keep: usize) -> (Profile, Vec<u64>) {
    let mut weighted: Profile = terms
        .iter()
        .filter_map(|t| {
            let idf = *idf.get(&t.key())?;
            Some((t.key(), (1.0 + (t.count() as f32).ln()) * idf))
        })
        .collect();
    let heavier = |a: &(u64, f32), b: &(u64, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    if weighted.len() > keep {
        weighted.select_nth_unstable_by(keep - 1, heavier);
        weighted.truncate(keep);
    }
    if weighted.len() > SALIENT_TERMS {
        weighted.select_nth_unstable_by(SALIENT_TERMS - 1, heavier);
    }
    let mut salient: Vec<u64> = weighted.iter().take(SALIENT_TERMS).map(|t| t.0).collect();
    salient.sort_unstable();
    let norm = weighted.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for t in &mut weighted {
            t.1 /= norm;
        }
    }
    weighted.sort_unstable_by_key(|t| t.0);
    weighted.shrink_to_fit();
    (weighted, salient)
}

#[cfg(test)]
mod tests {
    use super::super::words::Term;
    use super::*;

    #[test]
    fn a_profile_keeps_the_heaviest_terms_with_unit_length() {
        let key = |h: u64| h << 20;
        let terms: TermCounts = (1..=40u64).map(|h| Term::new(key(h), 1, false)).collect();
        let idf: HashMapOfHashes<f32> = (1..=40u64).map(|h| (key(h), h as f32)).collect();
        let (p, salient) = profile(&terms, &idf, 30);
        assert_eq!(p.len(), 30);
        assert!(p.iter().all(|&(h, _)| h > key(10)));
        assert!(p.windows(2).all(|w| w[0].0 < w[1].0));
        let norm: f32 = p.iter().map(|t| t.1 * t.1).sum();
        assert!((norm - 1.0).abs() < 1e-5);
        assert_eq!(salient.len(), SALIENT_TERMS);
        assert!(salient.iter().all(|&h| h > key(40 - SALIENT_TERMS as u64)));
        assert!(salient.windows(2).all(|w| w[0] < w[1]));
    }
}
