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

/// The fewest articles a folder's word frequencies are taken over (see
/// [`terms`]).
const MIN_FOLDER: usize = 3;

/// Returns the terms of every article, whose texts `text_of` gives by
/// index, and which of the words `wanted` each uses.
pub(super) fn terms(articles: &[Article], text_of: TextOf<'_, '_>, wanted: &HashedSet) -> Terms {
    let counts: Vec<(TermCounts, Vec<u64>)> = articles
        .par_iter()
        .enumerate()
        .map(|(i, a)| article_terms(&a.title, &text_of(i).unwrap_or_default()))
        .collect();
    // A folder of two is weighed as one of three: in two articles every
    // shared word is in all of them, so their inverse document frequency
    // was zero and two reports of one story never made a thread. As one
    // of three, a word both use counts as a word two of three use.
    let n = counts.len().max(MIN_FOLDER) as f64;
    // A term in one article only cannot link it to another: only the rest
    // are kept, with their inverse document frequency. A term of one
    // article weighs as one of two where it fills out a profile (see
    // `profile`).
    let shared: HashMapOfHashes<f32> = document_frequencies(&counts)
        .into_iter()
        .filter(|&(_, df)| df >= 2)
        .map(|(h, df)| (h, (n / f64::from(df)).ln() as f32))
        .collect();
    let lone = (n / 2.0).ln().max(0.0) as f32;
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
            let (profile, salient) = profile(&terms, &shared, lone, keep);
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

/// Returns an article's profile: its `keep` heaviest shared terms (those
/// `shared` gives an inverse document frequency) by TF-IDF, sorted by
/// hash, with the length of its `keep` heaviest terms, shared ones first,
/// where a term no other article holds weighs as `lone`; and the hashes of
/// its [`SALIENT_TERMS`] heaviest shared terms, sorted.
///
/// An article that shares fewer than `keep` terms with the rest of the
/// folder has its length filled out with terms only it uses: they are
/// part of what it says. Without them, such an article was little more
/// than its few shared words, and one common word that two unrelated
/// stories of a small folder share ("city": a football club and a Texas
/// city) made most of both profiles, and a thread. An article with
/// `keep` shared terms or more, as almost every one in a large folder,
/// is measured on those alone: the scale of its scores does not move
/// with how many words of its own it has. A term of one article weighs
/// as one of two: the folder cannot tell a word only one article uses
/// from a word a second report of its story would have shared.
fn profile(
    terms: &TermCounts,
    shared: &HashMapOfHashes<f32>,
    lone: f32,
    keep: usize,
) -> (Profile, Vec<u64>) {
    // (key, weight, whether another article holds it)
    let mut heaviest: Vec<(u64, f32, bool)> = terms
        .iter()
        .map(|t| {
            let idf = shared.get(&t.key()).copied();
            let tf = 1.0 + (t.count() as f32).ln();
            (t.key(), tf * idf.unwrap_or(lone), idf.is_some())
        })
        .collect();
    let heavier = |a: &(u64, f32, bool), b: &(u64, f32, bool)| {
        b.2.cmp(&a.2).then(b.1.total_cmp(&a.1)).then(a.0.cmp(&b.0))
    };
    if heaviest.len() > keep {
        heaviest.select_nth_unstable_by(keep - 1, heavier);
        heaviest.truncate(keep);
    }
    let norm = heaviest.iter().map(|t| t.1 * t.1).sum::<f32>().sqrt();
    heaviest.retain(|t| t.2);
    if heaviest.len() > SALIENT_TERMS {
        heaviest.select_nth_unstable_by(SALIENT_TERMS - 1, heavier);
    }
    let mut salient: Vec<u64> = heaviest.iter().take(SALIENT_TERMS).map(|t| t.0).collect();
    salient.sort_unstable();
    let scale = if norm > 0.0 { norm } else { 1.0 };
    let mut profile: Profile = heaviest.iter().map(|t| (t.0, t.1 / scale)).collect();
    profile.sort_unstable_by_key(|t| t.0);
    (profile, salient)
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
        let (p, salient) = profile(&terms, &idf, 1.0, 30);
        assert_eq!(p.len(), 30);
        assert!(p.iter().all(|&(h, _)| h > key(10)));
        assert!(p.windows(2).all(|w| w[0].0 < w[1].0));
        let norm: f32 = p.iter().map(|t| t.1 * t.1).sum();
        assert!((norm - 1.0).abs() < 1e-5);
        assert_eq!(salient.len(), SALIENT_TERMS);
        assert!(salient.iter().all(|&h| h > key(40 - SALIENT_TERMS as u64)));
        assert!(salient.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_profile_with_few_shared_terms_is_filled_out_with_its_own() {
        let key = |h: u64| h << 20;
        // Two shared terms among ten: the eight of its own count in the
        // length, not in the profile.
        let terms: TermCounts = (1..=10u64).map(|h| Term::new(key(h), 1, false)).collect();
        let shared: HashMapOfHashes<f32> = [(key(1), 2.0), (key(2), 2.0)].into_iter().collect();
        let (p, salient) = profile(&terms, &shared, 2.0, 30);
        assert_eq!(
            p.iter().map(|t| t.0).collect::<Vec<_>>(),
            vec![key(1), key(2)]
        );
        assert_eq!(salient, vec![key(1), key(2)]);
        let length: f32 = p.iter().map(|t| t.1 * t.1).sum();
        assert!((length - 2.0 / 10.0).abs() < 1e-5, "{length}");
        // Shared terms come first: with as many shared as the profile
        // keeps, the article's own terms, heavier as they are, count for
        // nothing.
        let shared: HashMapOfHashes<f32> = (1..=4u64).map(|h| (key(h), 1.0)).collect();
        let (p, _) = profile(&terms, &shared, 5.0, 4);
        assert_eq!(p.len(), 4);
        let length: f32 = p.iter().map(|t| t.1 * t.1).sum();
        assert!((length - 1.0).abs() < 1e-5, "{length}");
    }
}
