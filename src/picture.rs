//! An entity's picture: how often the corpus names it over time (articles
//! per day, week, month or year, whichever gives the corpus's date span a
//! readable number of bars) and the entities most often named in the same
//! articles ("often with").
//!
//! Time is publication time: dates stated by the file or read from a
//! dateline. A file's modification time is left out (a folder saved in one
//! afternoon would make one bar); such articles count as undated. The bars
//! span the whole corpus, so that two entities' pictures line up.
//!
//! "Often with" ranks the entities that share articles with this one by the
//! number of shared articles weighted by rarity (times the other entity's
//! inverse document frequency, [`EntityIndex::weight`]): a company named in
//! 20 of its 25 articles says more than a country named in all of them and
//! everywhere else. Each comes with its plain count of shared articles.
//!
//! [`Pictures::new`] does the work that does not depend on the entity once
//! (each article's bar). For an entity named in more than [`SAMPLED_FROM`]
//! articles, "often with" is counted on an even sample of that many of
//! them and the counts scaled up (marked as estimates), so that any
//! entity's picture takes well under 2 ms at 100,000 articles with nothing
//! precomputed per entity.

use rayon::prelude::*;

use crate::corpus::Article;
use crate::corpus::dates::from_day_number;
use crate::entities::{EntityId, EntityIndex};
use crate::pipeline::Library;
use chrono::Datelike;

/// Most bars a picture has.
pub const MAX_BARS: usize = 60;

/// [`MAX_BARS`] for day arithmetic.
const MAX_BAR_COUNT: i64 = 60;

/// Entities named in more articles than this have their "often with"
/// counted on an even sample of this many of their articles: a share of
/// them is then known to about a percent, enough to rank, and the most
/// named entity's picture of a folder of 100,000 articles with rare names
/// takes 0.5–0.7 ms (2.1 ms with a sample of 4,096).
pub const SAMPLED_FROM: usize = 2048;

/// Most "often with" entries kept per entity.
pub const OFTEN_WITH_KEPT: usize = 24;

/// How long one bar lasts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bucket {
    Day,
    /// Monday to Sunday.
    Week,
    Month,
    /// `n` calendar years.
    Years(u32),
}

/// One bar: the first day it covers (ISO) and the articles dated in it
/// that name the entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    pub start: String,
    pub articles: u32,
}

/// An entity named with another, with the number of articles naming both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OftenWith {
    pub entity: EntityId,
    pub articles: u32,
    /// `articles` is estimated from a sample (see [`SAMPLED_FROM`]).
    pub estimated: bool,
}

/// What the sidebar shows of one entity.
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    pub bucket: Bucket,
    /// Oldest first, spanning the corpus's dates; empty when no article
    /// of the corpus has a publication date.
    pub bars: Vec<Bar>,
    /// Articles naming the entity that have no publication date.
    pub undated: u32,
    /// Best first.
    pub often_with: Vec<OftenWith>,
}

/// The corpus-wide part of every entity's picture.
#[derive(Clone, Debug)]
pub struct Pictures {
    bucket: Bucket,
    /// Each bar's first day (day number).
    starts: Vec<i64>,
    /// Per article: its bar, or `u32::MAX` when undated.
    bar_of: Vec<u32>,
}

impl Pictures {
    /// Builds what every picture of `library` shares.
    pub fn new(library: &Library) -> Pictures {
        let days: Vec<Option<i64>> = library
            .corpus
            .articles
            .par_iter()
            .map(Article::publication_day)
            .collect();
        let first = days.iter().flatten().min().copied();
        let last = days.iter().flatten().max().copied();
        let (bucket, starts) = match first.zip(last) {
            Some((first, last)) => bars_between(first, last),
            None => (Bucket::Day, Vec::new()),
        };
        let bar_of = days
            .par_iter()
            .map(|d| {
                d.map_or(u32::MAX, |d| {
                    (starts.partition_point(|&s| s <= d).max(1) - 1) as u32
                })
            })
            .collect();
        Pictures {
            bucket,
            starts,
            bar_of,
        }
    }

    /// Returns how long one bar lasts.
    pub fn bucket(&self) -> Bucket {
        self.bucket
    }

    /// Returns the picture of entity `id` with at most `limit` "often
    /// with" entries (no more than [`OFTEN_WITH_KEPT`]).
    pub fn of(&self, index: &EntityIndex, id: EntityId, limit: usize) -> Picture {
        let mut counts = vec![0u32; self.starts.len()];
        let mut undated = 0;
        let articles = index.entity(id).map_or(&[][..], |e| e.articles.as_slice());
        for &article in articles {
            match counts
                .get_mut(self.bar_of.get(article as usize).map_or(u32::MAX, |&b| b) as usize)
            {
                Some(c) => *c += 1,
                None => undated += 1,
            }
        }
        let bars = self
            .starts
            .iter()
            .zip(counts)
            .map(|(&start, articles)| Bar {
                start: from_day_number(start).map_or_else(String::new, |d| d.to_string()),
                articles,
            })
            .collect();
        let mut often = often_with(index, id);
        often.truncate(limit);
        Picture {
            bucket: self.bucket,
            bars,
            undated,
            often_with: often,
        }
    }
}

/// Returns the bucket that spans `first..=last` in at most [`MAX_BARS`]
/// bars, the shortest that does, and the first day of each bar.
fn bars_between(first: i64, last: i64) -> (Bucket, Vec<i64>) {
    let span = last - first;
    if span < MAX_BAR_COUNT {
        return (Bucket::Day, (first..=last).collect());
    }
    // Day 0 (1970-01-01) was a Thursday: Monday is 3 days before it.
    let monday = |d: i64| d - (d + 3).rem_euclid(7);
    if (monday(last) - monday(first)) / 7 < MAX_BAR_COUNT {
        return (Bucket::Week, (monday(first)..=last).step_by(7).collect());
    }
    let ymd = |d: i64| from_day_number(d).map_or((1970, 1), |d| (d.year(), d.month()));
    let ((y0, m0), (y1, m1)) = (ymd(first), ymd(last));
    let months = i64::from(y1 - y0) * 12 + i64::from(m1) - i64::from(m0);
    let start_of = |y: i32, m: u32| {
        chrono::NaiveDate::from_ymd_opt(y, m, 1)
            .map_or(first, |d| i64::from(d.num_days_from_ce()) - 719_163)
    };
    if months < MAX_BAR_COUNT {
        let starts = (0..=months)
            .map(|k| {
                let m = i64::from(m0 - 1) + k;
                start_of(y0 + (m / 12) as i32, (m % 12) as u32 + 1)
            })
            .collect();
        return (Bucket::Month, starts);
    }
    let years = (y1 - y0 + 1) as u32;
    let step = years.div_ceil(MAX_BARS as u32);
    let starts = (y0..=y1)
        .step_by(step as usize)
        .map(|y| start_of(y, 1))
        .collect();
    (Bucket::Years(step), starts)
}

/// Returns the entities named in the same articles as `id`, best first by
/// shared articles times rarity, at most [`OFTEN_WITH_KEPT`]. Where `id`
/// has four articles or more, an entity it shares only one with is left
/// out: once is not often.
fn often_with(index: &EntityIndex, id: EntityId) -> Vec<OftenWith> {
    SHARED_COUNTS.with_borrow_mut(|counts| {
        if counts.len() < index.entity_count() {
            counts.resize(index.entity_count(), 0);
        }
        often_with_counting(index, id, counts)
    })
}

thread_local! {
    /// Per entity: the articles it shares with the entity whose picture is
    /// drawn, all zero between pictures. Kept, not made anew: a count per
    /// entity zeroed for each picture (300,000 entities at 100,000
    /// articles of rare names) took longer than the counting.
    static SHARED_COUNTS: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// [`often_with`], counting in `counts` (zero for every entity, and left
/// so).
fn often_with_counting(index: &EntityIndex, id: EntityId, counts: &mut [u32]) -> Vec<OftenWith> {
    let articles = index.entity(id).map_or(&[][..], |e| e.articles.as_slice());
    let mut seen: Vec<EntityId> = Vec::new();
    let step = articles.len().div_ceil(SAMPLED_FROM).max(1);
    let estimated = step > 1;
    for &article in articles.iter().step_by(step) {
        for &(other, _) in index.entities_in(article as usize) {
            let c = &mut counts[other as usize];
            if *c == 0 {
                seen.push(other);
            }
            *c += 1;
        }
    }
    let least = if articles.len() >= 4 { 2 } else { 1 };
    let mut out: Vec<(f64, OftenWith)> = seen
        .iter()
        .copied()
        .filter(|&e| e != id && counts[e as usize] >= least)
        .map(|e| {
            let n = counts[e as usize];
            let o = OftenWith {
                entity: e,
                articles: if estimated {
                    (n as usize * step).min(articles.len()) as u32
                } else {
                    n
                },
                estimated,
            };
            (f64::from(n) * index.weight(e), o)
        })
        .collect();
    for e in seen {
        counts[e as usize] = 0;
    }
    let by_score = |a: &(f64, OftenWith), b: &(f64, OftenWith)| {
        b.0.total_cmp(&a.0)
            .then(b.1.articles.cmp(&a.1.articles))
            .then(a.1.entity.cmp(&b.1.entity))
    };
    if out.len() > OFTEN_WITH_KEPT {
        out.select_nth_unstable_by(OFTEN_WITH_KEPT - 1, by_score);
        out.truncate(OFTEN_WITH_KEPT);
    }
    out.sort_by(by_score);
    out.into_iter().map(|(_, o)| o).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bucket_is_the_shortest_that_fits_sixty_bars() {
        let d = |s: &str| crate::corpus::dates::day_number(s).unwrap();
        let (b, starts) = bars_between(d("2026-03-01"), d("2026-03-31"));
        assert_eq!((b, starts.len()), (Bucket::Day, 31));
        let (b, starts) = bars_between(d("2026-01-01"), d("2026-06-30"));
        assert_eq!(b, Bucket::Week);
        assert_eq!(
            from_day_number(starts[0]).unwrap().to_string(),
            "2025-12-29"
        );
        assert!(starts.len() <= MAX_BARS);
        let (b, starts) = bars_between(d("2022-01-15"), d("2026-06-30"));
        assert_eq!(b, Bucket::Month);
        assert_eq!(starts.len(), 54);
        assert_eq!(
            from_day_number(starts[1]).unwrap().to_string(),
            "2022-02-01"
        );
        let (b, starts) = bars_between(d("1900-01-01"), d("2026-06-30"));
        assert_eq!(b, Bucket::Years(3));
        assert!(starts.len() <= MAX_BARS);
    }
}
