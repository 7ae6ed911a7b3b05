//! The second half of an open, after the list: find the entities of the
//! merged articles (recalled from the cache where their text was seen
//! before) and index them. The reader shows the list while this runs;
//! the command line runs both halves in one go ([`super::Open::run`]).

use std::sync::Arc;

use rayon::prelude::*;

use super::progress::Reporter;
use super::{Library, Listed, Opened, Progress, Report, Stage, Steps};
use crate::corpus::{Article, Corpus};
use crate::entities::{EntityIndex, Mention};
use crate::state::cache::{self, Cache, Engine, Session};

/// What is left of an open once its articles are merged.
pub(super) enum Rest<'a> {
    /// The entities came with the articles (an unchanged folder's snapshot).
    Known { index: EntityIndex, report: Report },
    /// The entities are still to be found.
    Pending(Box<Later<'a>>),
}

/// What finding the entities needs from the open that listed the articles.
pub(super) struct Later<'a> {
    pub steps: &'a dyn Steps,
    pub progress: &'a (dyn Fn(Progress) + Sync),
    pub cache: Option<&'a Cache>,
    pub defer_snapshot: bool,
    pub session: Session<'a>,
    pub engine: Engine,
    pub counts: Report,
    /// The corpus fingerprint a snapshot of this open is taken with.
    pub fingerprint: u64,
    /// How many of the session's problems the list already shows.
    pub warned: usize,
}

impl Listed<'_> {
    /// Returns true if and only if the entities came with the list, so
    /// that [`Listed::entities`] costs nothing.
    pub fn has_entities(&self) -> bool {
        matches!(self.rest, Rest::Known { .. })
    }

    /// Finds the entities of the listed articles and indexes them: the
    /// whole library. A cache failure meanwhile becomes a warning of the
    /// library (the one place the listed corpus is copied, when it is
    /// still shared).
    pub fn entities(self) -> Opened {
        let Listed { mut corpus, rest } = self;
        let mut later = match rest {
            Rest::Known { index, report } => {
                return Opened {
                    library: Library { corpus, index },
                    report,
                    pending: None,
                };
            }
            Rest::Pending(later) => *later,
        };
        let report = Reporter::new(later.progress);
        let mentions = extract_cached(&mut later, &corpus.articles, report);
        let counter = report.stage(Stage::Indexing, corpus.articles.len());
        let texts: Vec<&str> = corpus.articles.iter().map(|a| a.text.as_str()).collect();
        let index = EntityIndex::build_counted(&texts, mentions, &|n| counter.add(n));
        drop(texts);
        let mut pending = later.session.pending_snapshot(later.fingerprint);
        // The problems met before the list are among its warnings already.
        let new_problems = later
            .session
            .problems
            .get(later.warned..)
            .unwrap_or_default();
        if !new_problems.is_empty() {
            Arc::make_mut(&mut corpus)
                .warnings
                .extend_from_slice(new_problems);
        }
        let mut library = Library { corpus, index };
        if let (Some(cache), false) = (later.cache, later.defer_snapshot)
            && let Some(snapshot) = pending.take()
            && let Some(problem) = snapshot.save(cache, &library)
        {
            Arc::make_mut(&mut library.corpus).warnings.push(problem);
        }
        Opened {
            library,
            report: later.counts,
            pending,
        }
    }

    /// Returns the merged articles, shared: what the list shows before
    /// the entities are found.
    pub fn corpus(&self) -> &Arc<Corpus> {
        &self.corpus
    }
}

/// Finds every article's mentions, in parallel.
fn extract_all(steps: &dyn Steps, articles: &[Article], report: Reporter<'_>) -> Vec<Vec<Mention>> {
    let counter = report.stage(Stage::Extracting, articles.len());
    articles
        .par_iter()
        .map(|a| {
            let found = steps.extract(super::article_parts(a));
            counter.tick();
            found
        })
        .collect()
}

/// Returns each article's mentions, from the cache where its text was
/// extracted before, else extracted now and stored.
fn extract_cached(
    later: &mut Later<'_>,
    articles: &[Article],
    report: Reporter<'_>,
) -> Vec<Vec<Mention>> {
    let Later {
        steps,
        session,
        engine,
        counts,
        ..
    } = later;
    let steps = *steps;
    if !session.is_enabled() {
        counts.texts_extracted = articles.len();
        return extract_all(steps, articles, report);
    }
    let keys: Vec<u64> = articles.par_iter().map(cache::extraction_key).collect();
    let recalled = session.recall_extractions(&keys, engine);
    let counter = report.stage(Stage::Extracting, articles.len());
    let mentions: Vec<(Vec<Mention>, bool)> = articles
        .par_iter()
        .zip(recalled)
        .map(|(a, hit)| {
            let found = match hit {
                Some(m) => (m, false),
                None => (steps.extract(super::article_parts(a)), true),
            };
            counter.tick();
            found
        })
        .collect();
    if mentions.iter().any(|(_, fresh)| *fresh) {
        let all: Vec<(u64, &[Mention])> = mentions
            .iter()
            .zip(&keys)
            .map(|((m, _), &key)| (key, m.as_slice()))
            .collect();
        session.remember_extractions(engine, &all);
    }
    mentions
        .into_iter()
        .map(|(m, fresh)| {
            if fresh {
                counts.texts_extracted += 1;
            } else {
                counts.texts_reused += 1;
            }
            m
        })
        .collect()
}
