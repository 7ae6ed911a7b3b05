//! Sort orders: the orders the article list can be read in (newest,
//! oldest, title, source, most entities), as a permutation of the corpus.
//!
//! Every order is total and stable: articles that compare equal keep their
//! corpus order, and articles without the key (no date, no source) come
//! last, in corpus order. Keys are computed once per call, in parallel, so
//! ordering 100,000 articles costs one sort of small keys.

use rayon::prelude::*;

use crate::corpus::dates::day_number;
use crate::pipeline::Library;

/// An order of the article list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// Corpus order: the order the files were read in.
    #[default]
    Corpus,
    /// Latest date first; undated last.
    Newest,
    /// Earliest date first; undated last.
    Oldest,
    /// By title, case and leading punctuation ignored.
    Title,
    /// By publisher name, then newest first; no source last.
    Source,
    /// Most distinct entities named first.
    MostEntities,
}

impl SortKey {
    /// Every order, in the order a key cycles through them.
    pub const ALL: [SortKey; 6] = [
        SortKey::Corpus,
        SortKey::Newest,
        SortKey::Oldest,
        SortKey::Title,
        SortKey::Source,
        SortKey::MostEntities,
    ];

    /// Returns the order after this one, back to the first after the last.
    #[must_use]
    pub fn next(self) -> SortKey {
        let i = Self::ALL.iter().position(|&k| k == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }

    /// Returns the stable name of the order, for the header and for
    /// remembering it (see [`Self::from_name`]).
    pub fn name(self) -> &'static str {
        match self {
            SortKey::Corpus => "files",
            SortKey::Newest => "newest",
            SortKey::Oldest => "oldest",
            SortKey::Title => "title",
            SortKey::Source => "source",
            SortKey::MostEntities => "most entities",
        }
    }

    /// Returns the order named `name` (see [`Self::name`]).
    pub fn from_name(name: &str) -> Option<SortKey> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// Returns the articles of `library` (indices into its corpus) in the
/// order `key`.
pub fn order(library: &Library, key: SortKey) -> Vec<u32> {
    let articles = &library.corpus.articles;
    let n = articles.len() as u32;
    let mut out: Vec<u32> = (0..n).collect();
    match key {
        SortKey::Corpus => {}
        SortKey::Newest | SortKey::Oldest => {
            // The ISO date string orders by time; a day number tells a
            // readable date from one kept as written.
            let dated: Vec<Option<&str>> = articles
                .par_iter()
                .map(|a| a.date.as_deref().filter(|d| day_number(d).is_some()))
                .collect();
            let newest = key == SortKey::Newest;
            out.par_sort_by(|&x, &y| {
                let (a, b) = (dated[x as usize], dated[y as usize]);
                match (a, b) {
                    (Some(a), Some(b)) if newest => b.cmp(a),
                    (Some(a), Some(b)) => a.cmp(b),
                    (a, b) => b.is_some().cmp(&a.is_some()),
                }
                .then(x.cmp(&y))
            });
        }
        SortKey::Title => {
            let keys: Vec<String> = articles.par_iter().map(|a| title_key(&a.title)).collect();
            out.par_sort_by(|&x, &y| keys[x as usize].cmp(&keys[y as usize]).then(x.cmp(&y)));
        }
        SortKey::Source => {
            let keys: Vec<Option<String>> = articles
                .par_iter()
                .map(|a| a.source.as_deref().map(title_key).filter(|s| !s.is_empty()))
                .collect();
            let newest = order(library, SortKey::Newest);
            let mut rank = vec![0u32; out.len()];
            for (r, &i) in newest.iter().enumerate() {
                rank[i as usize] = r as u32;
            }
            out.par_sort_by(|&x, &y| {
                let (a, b) = (&keys[x as usize], &keys[y as usize]);
                match (a, b) {
                    (Some(a), Some(b)) => a.cmp(b),
                    (a, b) => b.is_some().cmp(&a.is_some()),
                }
                .then(rank[x as usize].cmp(&rank[y as usize]))
            });
        }
        SortKey::MostEntities => {
            let index = &library.index;
            let counts: Vec<usize> = (0..articles.len())
                .map(|i| {
                    // A country known only through a place is not named.
                    index
                        .entities_in(i)
                        .iter()
                        .filter(|&&(_, mentions)| mentions > 0)
                        .count()
                })
                .collect();
            out.par_sort_by(|&x, &y| counts[y as usize].cmp(&counts[x as usize]).then(x.cmp(&y)));
        }
    }
    out
}

/// Returns what a title or name sorts by: lower-cased, leading quotes and
/// punctuation left out.
fn title_key(title: &str) -> String {
    title
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cycle_visits_every_order_and_names_round_trip() {
        let mut k = SortKey::default();
        for _ in 0..SortKey::ALL.len() {
            assert_eq!(SortKey::from_name(k.name()), Some(k));
            k = k.next();
        }
        assert_eq!(k, SortKey::default());
        assert_eq!(SortKey::from_name("sideways"), None);
    }

    #[test]
    fn titles_sort_without_case_or_leading_quotes() {
        assert!(title_key("“Zebra”") > title_key("apple"));
        assert_eq!(title_key("\"Apple"), "apple");
    }
}
