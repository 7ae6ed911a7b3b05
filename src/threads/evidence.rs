//! The evidence that two articles report one story, and the candidate
//! pairs worth weighing (see [`super`] for what a thread is).

use rayon::prelude::*;

use super::subjects::{different_subjects, subject_words};
use super::terms::{self, Profile};
use crate::corpus::Article;
use crate::entities::wordset::HashedSet;
use crate::pipeline::{Library, TextOf};

/// A term or entity held by more articles than this is not rare enough to
/// propose pairs (it may still add to a pair's score).
pub const MAX_POSTING: usize = 64;

/// Rare terms or entities a pair must share to be scored at all.
const MIN_SHARED: usize = 2;

/// Share of the score that comes from shared words; the rest comes from
/// shared entities.
const TEXT_WEIGHT: f64 = 0.7;

/// Days apart within which dated articles count as one moment, which is
/// evidence for one story (the score gains up to [`SAME_MOMENT_BOOST`], less
/// where most of the corpus shares a week: see [`same_moment_boost`]); beyond,
/// that gain fades by half every [`HALF_LIFE_DAYS`], so articles months
/// apart need much more in common. Undated articles get neither. (Chosen on
/// tests/fixtures/threads/tune: the longest half-life, in steps of two
/// days, that keeps a match between the same two clubs three weeks later
/// out of the cup thread once threads are joined by average linkage.)
const SAME_MOMENT_DAYS: f64 = 7.0;
const SAME_MOMENT_BOOST: f64 = 1.3;
const HALF_LIFE_DAYS: f64 = 8.0;

/// A developing story keeps its subject in the headline ("ice core",
/// "derailment") while its cast may recur in other events (the same clubs'
/// next match, the same company's next results): when two headlines share
/// a word that is not a name, time counts this many times less against
/// the pair.
const SAME_SUBJECT_SLOWER: f64 = 3.0;

/// What a pair's score is worth when each headline names a subject the
/// other article never mentions (see `subjects`): two of a genre, not
/// one story. (On six folders of labelled real news, such pairs were
/// about 2,000 different stories and 4 of one story; at a half, two
/// firms' quarterly tables, whose words all agree, still joined.)
const DIFFERENT_SUBJECTS: f64 = 0.25;

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

/// Returns the weight of the entities two articles share over the
/// geometric mean of their entity weights. (Over the lighter article's
/// weight alone, a short report that names one country matched every
/// other report naming it in full.)
fn entity_overlap(a: &EntityProfile, b: &EntityProfile) -> f64 {
    let scale = (a.total * b.total).sqrt();
    if scale <= 0.0 {
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
    f64::from((shared / scale).min(1.0))
}

/// Returns the factor that being `days` apart applies to a pair's score,
/// where `boost` is what being within [`SAME_MOMENT_DAYS`] is worth in this
/// corpus (see [`same_moment_boost`]). A story whose headlines share a
/// subject word fades [`SAME_SUBJECT_SLOWER`] times more slowly.
fn time_factor(days: Option<i64>, same_subject: bool, boost: f64) -> f64 {
    let half_life = if same_subject {
        HALF_LIFE_DAYS * SAME_SUBJECT_SLOWER
    } else {
        HALF_LIFE_DAYS
    };
    match days {
        None => 1.0,
        Some(d) if (d.abs() as f64) <= SAME_MOMENT_DAYS => boost,
        Some(d) => boost * 0.5f64.powf((d.abs() as f64 - SAME_MOMENT_DAYS) / half_life),
    }
}

/// Returns what being published within [`SAME_MOMENT_DAYS`] of each other
/// is worth for two articles of a corpus whose publication days are
/// `days`: the full [`SAME_MOMENT_BOOST`] when few of its articles are, as
/// in a folder kept over months, nothing when all are (a folder of one
/// week's news, where it tells no two stories apart): the boost's gain
/// times the share of dated articles that an article's week does not
/// hold, on average.
fn same_moment_boost(days: &[Option<i64>]) -> f64 {
    let mut dated: Vec<i64> = days.iter().flatten().copied().collect();
    if dated.len() < 2 {
        return SAME_MOMENT_BOOST;
    }
    dated.sort_unstable();
    let reach = SAME_MOMENT_DAYS as i64;
    let (mut lo, mut hi, mut near) = (0, 0, 0usize);
    for &d in &dated {
        while dated[lo] < d - reach {
            lo += 1;
        }
        while hi < dated.len() && dated[hi] <= d + reach {
            hi += 1;
        }
        near += hi - lo - 1;
    }
    let share = near as f64 / (dated.len() * (dated.len() - 1)) as f64;
    1.0 + (SAME_MOMENT_BOOST - 1.0) * (1.0 - share)
}

/// Returns the candidate pairs `(a, b)`, `a < b`: articles that share at
/// least [`MIN_SHARED`] rare salient terms or rare entities.
fn candidates(library: &Library, salient: &[Vec<u64>]) -> Vec<(u32, u32)> {
    let mut postings: Vec<(u64, u32)> = salient
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, p)| p.iter().map(move |&h| (h, i as u32)))
        .collect();
    postings.par_sort_unstable();
    let term_runs = postings
        .par_chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() > 1 && run.len() <= MAX_POSTING)
        .map(|run| run.iter().map(|p| p.1).collect::<Vec<u32>>());
    // An entity's articles are its posting list already, in article order.
    let index = &library.index;
    let entity_runs = (0..index.entity_count() as u32)
        .into_par_iter()
        .map(|e| &index[e].articles)
        .filter(|list| list.len() > 1 && list.len() <= MAX_POSTING)
        .map(Vec::clone);
    let mut pairs: Vec<(u32, u32)> = term_runs
        .chain(entity_runs)
        .flat_map_iter(|mut run| {
            run.sort_unstable();
            let mut out = Vec::with_capacity(run.len() * (run.len() - 1) / 2);
            for (k, &a) in run.iter().enumerate() {
                out.extend(run[k + 1..].iter().map(|&b| (a, b)));
            }
            out
        })
        .collect();
    drop(postings);
    // One shared rare term is chance; a pair needs two pieces of evidence
    // to be worth scoring.
    pairs.par_sort_unstable();
    pairs
        .chunk_by(|a, b| a == b)
        .filter(|run| run.len() >= MIN_SHARED)
        .map(|run| run[0])
        .collect()
}

/// What pairs are scored on, computed once per corpus.
pub(super) struct Evidence {
    terms: Vec<Profile>,
    /// Per article: its salient terms, which propose candidate pairs.
    salient: Vec<Vec<u64>>,
    /// Per article: its headline words that are not names (see [`terms`]).
    subjects: Vec<Vec<u64>>,
    /// Per article: the words by which its headline names its subjects,
    /// and which words of every article's subjects it uses (see
    /// `subjects`).
    subject_words: Vec<Vec<u64>>,
    named: Vec<Vec<u64>>,
    entities: Vec<EntityProfile>,
    days: Vec<Option<i64>>,
    /// What being published in one week is worth here.
    boost: f64,
}

impl Evidence {
    pub(super) fn of(library: &Library, text_of: TextOf<'_, '_>) -> Evidence {
        let articles = &library.corpus.articles;
        let subject_words = subject_words(&library.index, articles);
        let wanted: HashedSet = subject_words.iter().flatten().copied().collect();
        let terms = terms::terms(articles, text_of, &wanted);
        drop(wanted);
        let days: Vec<Option<i64>> = articles.iter().map(Article::publication_day).collect();
        Evidence {
            subject_words,
            named: terms.named,
            terms: terms.profiles,
            salient: terms.salient,
            subjects: terms.subjects,
            entities: entity_profiles(library),
            boost: same_moment_boost(&days),
            days,
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
        let (sa, sb) = (&self.subject_words[a], &self.subject_words[b]);
        let cast = if different_subjects(sa, &self.named[a], sb, &self.named[b]) {
            DIFFERENT_SUBJECTS
        } else {
            1.0
        };
        (TEXT_WEIGHT * text + (1.0 - TEXT_WEIGHT) * entities)
            * time_factor(apart, same_subject, self.boost)
            * cast
    }

    /// Returns every candidate pair with its score.
    pub(super) fn scored(&self, library: &Library) -> Vec<(u32, u32, f64)> {
        candidates(library, &self.salient)
            .into_par_iter()
            .map(|(a, b)| (a, b, self.score(a as usize, b as usize)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_week_counts_for_a_pair_and_more_time_against_it() {
        let boost = SAME_MOMENT_BOOST;
        assert!((time_factor(None, false, boost) - 1.0).abs() < 1e-9);
        assert!((time_factor(Some(-5), false, boost) - boost).abs() < 1e-9);
        let half_life = SAME_MOMENT_DAYS + HALF_LIFE_DAYS;
        assert!((time_factor(Some(half_life as i64), false, boost) - boost / 2.0).abs() < 1e-9);
        assert!(time_factor(Some(365), false, boost) < 0.001);
        let slower = SAME_MOMENT_DAYS + HALF_LIFE_DAYS * SAME_SUBJECT_SLOWER;
        assert!((time_factor(Some(slower as i64), true, boost) - boost / 2.0).abs() < 1e-9);
        assert!(time_factor(Some(365), true, boost) < 0.01);
    }

    #[test]
    fn one_shared_country_is_little_evidence_against_a_long_cast() {
        let profile = |entities: &[(u32, f32)]| EntityProfile {
            entities: entities.to_vec(),
            total: entities.iter().map(|e| e.1).sum(),
        };
        let short = profile(&[(1, 2.0)]);
        let long = profile(&[(1, 2.0), (2, 3.0), (3, 3.0), (4, 4.0)]);
        let overlap = entity_overlap(&short, &long);
        assert!((overlap - 2.0 / (2.0f64 * 12.0).sqrt()).abs() < 1e-6);
        assert!(overlap < 0.5, "{overlap}");
        assert!((entity_overlap(&long, &long) - 1.0).abs() < 1e-6);
        assert!(entity_overlap(&short, &profile(&[])).abs() < 1e-12);
    }

    #[test]
    fn one_week_is_worth_less_where_most_articles_share_a_week() {
        let spread: Vec<Option<i64>> = (0..50).map(|k| Some(k * 30)).chain([None]).collect();
        assert!((same_moment_boost(&spread) - SAME_MOMENT_BOOST).abs() < 1e-9);
        let one_week: Vec<Option<i64>> = (0..50).map(|k| Some(100 + k % 5)).collect();
        assert!((same_moment_boost(&one_week) - 1.0).abs() < 1e-9);
        // Pairs of articles a day apart, the pairs months apart: each
        // article shares its week with 1 of the 99 others.
        let pairs: Vec<Option<i64>> = (0..100).map(|k| Some(k / 2 * 90 + k % 2)).collect();
        let expected = 1.0 + (SAME_MOMENT_BOOST - 1.0) * (1.0 - 1.0 / 99.0);
        assert!((same_moment_boost(&pairs) - expected).abs() < 1e-9);
    }
}
