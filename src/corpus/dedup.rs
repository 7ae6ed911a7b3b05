//! Deduplication: merge exact and near duplicates, including a short copy
//! contained in a longer article, into one [`Article`] per story.
//!
//! Exact duplicates share a content id (same words after normalising
//! whitespace, quotes, dashes, punctuation and case). Near duplicates are
//! found in two steps: [`candidates`] pairs texts that
//! share winnowing fingerprints, in near-linear time; each pair is then
//! verified by *containment* — the share of the shorter text's shingles
//! found in the longer one — which, unlike Jaccard similarity, stays high
//! for a short copy of a long article however long that article is.

use std::collections::HashMap;

use rayon::prelude::*;

use super::candidates::{self, Print, PrintSets};
use super::shingles;
use super::{Article, DateSource, Source};

/// How eagerly near duplicates merge.
#[derive(Clone, Debug)]
pub struct DedupOptions {
    /// Minimum share of the shorter article's shingles found in the longer.
    ///
    /// The default, 0.5, was chosen by measurement on the generated corpus
    /// (`cargo bench --bench pipeline`, 10,000 articles): planted copies
    /// (exact, short copies wrapped in chrome, lightly edited) score at
    /// least 0.76 (1st percentile 0.79, median 1.0); unrelated pairs that
    /// share a fingerprint score at most 0.17 (99th percentile 0.05). Every
    /// threshold from 0.2 to 0.6 gave precision and recall of 1.0 there; 0.5
    /// sits inside that range with room on both sides, for heavier edits
    /// and for stock phrases shared by unrelated texts. On the seeds, the
    /// scraped copy 001 scores 1.0 in 003, while the articles on the same
    /// events in different words stay apart even at a threshold of 0.01.
    pub threshold: f64,
}

impl Default for DedupOptions {
    fn default() -> Self {
        Self { threshold: 0.5 }
    }
}

/// Merges duplicates; the canonical article of a group is the most complete
/// copy (the most words) and keeps every copy's path and containment score,
/// canonical first.
pub fn dedup(articles: Vec<Article>, opts: &DedupOptions) -> Vec<Article> {
    let prints = articles
        .par_iter()
        .map(|a| candidates::fingerprints(&a.text))
        .collect();
    dedup_prepared(articles, prints, opts)
}

/// Like [`dedup`], with each article's fingerprints already computed
/// ([`candidates::fingerprints`], or by
/// [`clean_for_dedup`](super::clean::clean_for_dedup)); `prints[i]`
/// belongs to `articles[i]`.
pub fn dedup_prepared(
    articles: Vec<Article>,
    prints: Vec<Vec<Print>>,
    opts: &DedupOptions,
) -> Vec<Article> {
    let counts = Counts {
        compared: &|_, _| {},
        done: &|_, _| {},
    };
    dedup_counted(articles, prints.into(), opts, &counts)
}

/// Who hears how far a dedup has got, from any thread.
pub struct Counts<'a> {
    /// `compared(n, total)`: `n` more of the `total` steps of finding
    /// the texts that share fingerprints are done (`compared(0, total)`
    /// first).
    pub compared: &'a (dyn Fn(usize, usize) + Sync),
    /// `done(n, total)`: `n` more of `total` steps are done: each article
    /// once (the exact copies once the candidates are found, then each
    /// remaining article once its shingles are read), and each article of
    /// a candidate pair again once what it adds to its group is known. It
    /// is first called when every step of `compared` is done.
    pub done: &'a (dyn Fn(usize, usize) + Sync),
}

/// Like [`dedup_prepared`], telling `counts` how far it has got.
pub fn dedup_counted(
    articles: Vec<Article>,
    prints: PrintSets,
    opts: &DedupOptions,
    counts: &Counts<'_>,
) -> Vec<Article> {
    let threshold = opts.threshold.clamp(0.0, 1.0);
    let count = articles.len();
    let (reps, kept) = merge_exact(articles);
    let kept_prints: Vec<&[Print]> = kept.into_iter().map(|i| prints.get(i)).collect();
    // Fingerprints sample shingles, so the share of shared fingerprints
    // only estimates containment: pre-filter loosely, verify exactly.
    let pairs = candidates::pairs_counted(&kept_prints, threshold * 0.5, counts.compared);
    drop(kept_prints);
    drop(prints);
    let mut involved = vec![false; reps.len()];
    for &(a, b) in &pairs {
        involved[a as usize] = true;
        involved[b as usize] = true;
    }
    let in_pairs = involved.iter().filter(|&&inv| inv).count();
    let total = count + in_pairs;
    let done = |n| (counts.done)(n, total);
    done(count - reps.len());
    let sets: Vec<Option<Vec<u64>>> = reps
        .par_iter()
        .zip(involved.par_iter())
        .map(|(a, &inv)| {
            let set = inv.then(|| shingles::shingle_set(&a.text));
            done(1);
            set
        })
        .collect();
    let set = |i: usize| sets[i].as_deref().unwrap_or_default();
    let merged: Vec<(u32, u32)> = pairs
        .into_par_iter()
        .filter(|&(a, b)| pair_containment(set(a as usize), set(b as usize)) >= threshold)
        .collect();
    let mut groups = UnionFind::new(reps.len());
    for &(a, b) in &merged {
        groups.union(a as usize, b as usize);
    }
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, set) in sets.iter().enumerate() {
        if set.is_some() {
            members.entry(groups.find(i)).or_default().push(i);
        }
    }
    // Each member with its group's canonical article, so that a group of
    // thousands of copies is checked on every core, not on one.
    let mut with_canonical: Vec<(usize, usize)> = Vec::new();
    for group in members.values().filter(|g| g.len() > 1) {
        let canonical = *group
            .iter()
            .max_by_key(|&&i| (reps[i].words, std::cmp::Reverse(i)))
            .unwrap_or(&group[0]);
        with_canonical.extend(
            group
                .iter()
                .filter(|&&m| m != canonical)
                .map(|&m| (canonical, m)),
        );
    }
    drop(members);
    // Chains through a third text (a digest holding two stories) do not
    // drag in a member the canonical does not contain.
    let mut additions: Vec<(usize, usize, f64)> = with_canonical
        .into_par_iter()
        .filter_map(|(canonical, m)| {
            let c = shingles::containment(set(m), set(canonical));
            (c >= threshold).then_some((canonical, m, c))
        })
        .collect();
    drop(sets);
    additions.sort_by(|x, y| x.0.cmp(&y.0).then(y.2.total_cmp(&x.2)).then(x.1.cmp(&y.1)));
    // The blocks each copy holds that its canonical article does not, in
    // parallel, within a group as across groups: one after the other, they
    // were a second of a 100,000-file open with no count moving, and one
    // story's 10,000 copies kept one core idle for a third of the open. A
    // canonical's shingles and words are read once for all its copies.
    let only_here: Vec<Vec<String>> = additions
        .par_chunk_by(|x, y| x.0 == y.0)
        .flat_map_iter(|group| {
            let canonical = &reps[group[0].0];
            let held = group
                .iter()
                .any(|&(_, _, c)| c < 1.0)
                .then(|| Held::of(&canonical.text));
            let own: Vec<Vec<String>> = group
                .par_iter()
                .map(|&(_, m, c)| {
                    let blocks = match &held {
                        Some(held) if c < 1.0 => held.missing_blocks(&reps[m]),
                        _ => Vec::new(),
                    };
                    done(1);
                    blocks
                })
                .collect();
            own
        })
        .collect();
    done(in_pairs.saturating_sub(additions.len()));
    let mut slots: Vec<Option<Article>> = reps.into_iter().map(Some).collect();
    for ((canonical, m, c), mut only_here) in additions.into_iter().zip(only_here) {
        let Some(copy) = slots[m].take() else {
            continue;
        };
        let Some(canon) = slots[canonical].as_mut() else {
            continue;
        };
        fill_missing(canon, &copy);
        for (k, s) in copy.sources.into_iter().enumerate() {
            // A copy's other paths hold the same text: its blocks are
            // listed once.
            let own = if k == 0 {
                std::mem::take(&mut only_here)
            } else {
                Vec::new()
            };
            canon.sources.push(Source {
                only_here: own,
                ..Source::new(s.path, c)
            });
        }
    }
    slots.into_iter().flatten().collect()
}

/// Share of a block's shingles (of its words, for a block shorter than a
/// shingle) that the canonical article must hold for the block to count
/// as shown there; every word of it must be there too, so that a copy
/// that differs in one word ("killed 15" for "killed 12") keeps its block.
const SHOWN: f64 = 0.5;

/// What a canonical article holds: its shingles and its words, sorted and
/// distinct.
struct Held {
    shingles: Vec<u64>,
    words: Vec<u64>,
}

impl Held {
    fn of(text: &str) -> Self {
        let mut words = Vec::new();
        shingles::word_hashes(text, &mut words);
        let shingles = shingles::shingle_set_of(&words);
        words.sort_unstable();
        words.dedup();
        Held { shingles, words }
    }

    /// Returns the blocks of `copy` this article does not hold, in order.
    fn missing_blocks(&self, copy: &Article) -> Vec<String> {
        copy.blocks
            .iter()
            .map(|b| copy.block_text(b))
            .filter(|text| {
                let mut words = Vec::new();
                shingles::word_hashes(text, &mut words);
                if words.is_empty() {
                    return false;
                }
                let share = (words.len() >= shingles::SHINGLE_WORDS).then(|| {
                    shingles::containment(&shingles::shingle_set_of(&words), &self.shingles)
                });
                words.sort_unstable();
                words.dedup();
                let words_held = shingles::containment(&words, &self.words);
                words_held < 1.0 || share.unwrap_or(words_held) < SHOWN
            })
            .map(str::to_owned)
            .collect()
    }
}

/// Returns the containment of the smaller shingle set in the larger.
fn pair_containment(a: &[u64], b: &[u64]) -> f64 {
    if a.len() <= b.len() {
        shingles::containment(a, b)
    } else {
        shingles::containment(b, a)
    }
}

/// Merges articles with the same content id into one, keeping every path;
/// returns the articles kept with the index each had among `articles`.
fn merge_exact(articles: Vec<Article>) -> (Vec<Article>, Vec<usize>) {
    let mut by_id: HashMap<String, usize> = HashMap::with_capacity(articles.len());
    let mut out: Vec<Article> = Vec::with_capacity(articles.len());
    let mut kept = Vec::with_capacity(articles.len());
    for (k, article) in articles.into_iter().enumerate() {
        if let Some(&i) = by_id.get(&article.id) {
            let rep = &mut out[i];
            fill_missing(rep, &article);
            rep.sources
                .extend(article.sources.into_iter().map(|s| Source {
                    containment: 1.0,
                    ..s
                }));
        } else {
            by_id.insert(article.id.clone(), out.len());
            out.push(article);
            kept.push(k);
        }
    }
    (out, kept)
}

/// Takes metadata the canonical lacks from a copy.
fn fill_missing(canonical: &mut Article, copy: &Article) {
    if canonical.author.is_none() {
        canonical.author.clone_from(&copy.author);
        canonical.author_role.clone_from(&copy.author_role);
        canonical.author_credit.clone_from(&copy.author_credit);
    }
    // A copy's publication date beats the canonical's file time.
    let from_file = |a: &Article| a.date_source.is_none_or(|s| s == DateSource::FileTime);
    if from_file(canonical) && !from_file(copy) || canonical.date.is_none() {
        canonical.date.clone_from(&copy.date);
        canonical.date_source = copy.date_source;
    }
    if canonical.source.is_none() {
        canonical.source.clone_from(&copy.source);
    }
    if canonical.url.is_none() {
        canonical.url.clone_from(&copy.url);
    }
}

/// Disjoint sets over `0..n` with path halving (also used to group
/// threads, see [`crate::threads`]).
pub(crate) struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    pub(crate) fn new(n: usize) -> Self {
        Self {
            parent: (0..n).collect(),
        }
    }

    pub(crate) fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    pub(crate) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::RawDoc;
    use crate::corpus::clean::{ChromeModel, clean};

    fn article(path: &str, text: &str) -> Article {
        let doc = RawDoc {
            path: path.into(),
            text: text.into(),
            ..RawDoc::default()
        };
        clean(&doc, &ChromeModel::default()).expect("article")
    }

    /// Paragraphs of distinct words, so unrelated texts share nothing.
    fn story(topic: &str, paragraphs: usize) -> String {
        (0..paragraphs)
            .map(|p| {
                (0..40)
                    .map(|w| format!("{topic}{p}w{w}"))
                    .collect::<Vec<_>>()
                    .join(" ")
                    + "."
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    fn paths(a: &Article) -> Vec<&str> {
        a.paths().collect()
    }

    #[test]
    fn a_merged_copy_keeps_the_blocks_the_canonical_lacks() {
        // The short version shares three of the long one's paragraphs and
        // adds one of its own, and a short line the long one also has.
        let long = story("pact", 8) + "\n\nREUTER";
        let own = story("revised", 1);
        let short = format!("{}\n\n{own}\n\nReuter", story("pact", 3));
        let out = dedup(
            vec![article("long.txt", &long), article("short.txt", &short)],
            &DedupOptions::default(),
        );
        assert_eq!(out.len(), 1);
        let sources = &out[0].sources;
        assert_eq!(paths(&out[0]), ["long.txt", "short.txt"]);
        assert!(sources[0].only_here.is_empty());
        assert_eq!(sources[1].only_here, [own]);
        // A copy held whole adds nothing.
        let out = dedup(
            vec![
                article("long.txt", &long),
                article("part.txt", &story("pact", 3)),
            ],
            &DedupOptions::default(),
        );
        assert!(out[0].sources.iter().all(|s| s.only_here.is_empty()));
    }

    #[test]
    fn each_of_many_copies_of_one_story_keeps_its_own_paragraph() {
        // Hundreds of copies of one wire story, each with a line of its
        // own: the copies are weighed on every core, and each line must
        // still reach the copy it came from.
        let long = story("wire", 8);
        let copies: Vec<Article> = (0..300)
            .map(|k| {
                let text = format!("{}\n\n{}", story("wire", 4), story(&format!("desk{k}x"), 1));
                article(&format!("copy{k:03}.txt"), &text)
            })
            .chain([article("long.txt", &long)])
            .collect();
        let out = dedup(copies, &DedupOptions::default());
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].sources.len(), 301);
        for source in &out[0].sources[1..] {
            let k: usize = source.path[4..7].parse().expect("a copy's number");
            assert_eq!(source.only_here, [story(&format!("desk{k}x"), 1)], "{k}");
        }
    }

    #[test]
    fn a_copy_that_differs_in_one_word_keeps_that_paragraph() {
        // An update: the same story, one figure changed in one paragraph
        // (half of that paragraph's shingles still match).
        let story = story("flood", 6);
        let first = story.replacen("flood2w20", "12", 1);
        let update = story.replacen("flood2w20", "15", 1);
        let out = dedup(
            vec![article("first.txt", &first), article("update.txt", &update)],
            &DedupOptions::default(),
        );
        assert_eq!(out.len(), 1, "still one story");
        let changed = update.split("\n\n").nth(2).unwrap();
        let kept: Vec<&str> = out[0].copy_blocks().collect();
        assert_eq!(kept, [changed]);
    }

    #[test]
    fn exact_copies_merge_whatever_the_spacing_quotes_and_case() {
        let text = "The “Harbour” bill — passed on Monday — changes the rules for night shifts at the port, the council said.";
        let copy = "the \"harbour\" bill - passed on monday - changes the rules\nfor night shifts at the port, the council said.";
        let out = dedup(
            vec![article("a.txt", text), article("b.txt", copy)],
            &DedupOptions::default(),
        );
        assert_eq!(out.len(), 1);
        assert_eq!(paths(&out[0]), ["a.txt", "b.txt"]);
        assert!((out[0].sources[1].containment - 1.0).abs() < f64::EPSILON);
    }

    #[test]
    fn a_short_copy_merges_into_the_long_article() {
        let long = story("bank", 12);
        let short: String = story("bank", 3);
        let out = dedup(
            vec![
                article("short.txt", &short),
                article("other.txt", &story("match", 6)),
                article("long.txt", &long),
            ],
            &DedupOptions::default(),
        );
        assert_eq!(out.len(), 2);
        let merged = out.iter().find(|a| a.sources.len() == 2).expect("a group");
        assert_eq!(paths(merged), ["long.txt", "short.txt"]);
        assert!(merged.sources[1].containment > 0.99);
    }

    #[test]
    fn the_threshold_decides_edited_copies() {
        let original = story("vote", 6);
        // Change one word in ten: about half the shingles survive.
        let edited: String = original
            .split(' ')
            .enumerate()
            .map(|(i, w)| if i % 10 == 5 { "changed" } else { w })
            .collect::<Vec<_>>()
            .join(" ");
        let run = |threshold| {
            dedup(
                vec![article("a.txt", &original), article("b.txt", &edited)],
                &DedupOptions { threshold },
            )
            .len()
        };
        assert_eq!(run(0.3), 1);
        assert_eq!(run(0.9), 2);
    }

    #[test]
    fn two_thousand_lightly_edited_copies_are_one_article() {
        let original = story("flood", 5);
        let words: Vec<&str> = original.split(' ').collect();
        let articles: Vec<Article> = (0..2000)
            .map(|k| {
                let mut copy = words.clone();
                copy[k % words.len()] = "amended";
                article(&format!("{k}.txt"), &copy.join(" "))
            })
            .chain(std::iter::once(article("other.txt", &story("budget", 5))))
            .collect();
        let out = dedup(articles, &DedupOptions::default());
        assert_eq!(
            out.len(),
            2,
            "the copies merge, the other story stays apart"
        );
        let merged = out.iter().max_by_key(|a| a.sources.len()).unwrap();
        assert_eq!(merged.sources.len(), 2000);
    }

    #[test]
    fn a_digest_does_not_chain_two_stories_together() {
        let a = story("rail", 4);
        let b = story("port", 4);
        let digest = format!("{a}\n\n{b}");
        let out = dedup(
            vec![
                article("a.txt", &a),
                article("b.txt", &b),
                article("digest.txt", &digest),
            ],
            &DedupOptions::default(),
        );
        // Both stories are contained in the digest, which is canonical.
        assert_eq!(out.len(), 1);
        assert_eq!(paths(&out[0])[0], "digest.txt");
    }
}
