//! The second half of an open, after the list: find the entities of the
//! merged articles (recalled from the cache where their text was seen
//! before) and index them. The reader shows the list while this runs;
//! the command line runs both halves in one go ([`super::Open::run`]).
//!
//! When a snapshot is stored after the open and the caller shows no text
//! or has it lent ([`Lent`]), each chunk of texts goes into the snapshot's
//! encoded bodies as soon as its entities are found, so that the texts
//! are never all held beside their entities.

use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

use super::progress::Reporter;
use super::{Library, Listed, Opened, Progress, Report, Stage, Steps};
use crate::corpus::{Article, Corpus};
use crate::entities::{EntityIndex, IndexBuilder, Mention};
use crate::state::cache::{self, Cache, EncodedBodies, Engine, Session, StoredMentions};

/// What is left of an open once its articles are merged.
pub(super) enum Rest<'a> {
    /// The entities came with the articles (an unchanged folder's snapshot).
    Known {
        index: Box<EntityIndex>,
        report: Report,
    },
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
    /// The caller shows no article text ([`super::Open::without_text`]):
    /// the mentions are kept only when the cache stores them.
    pub heads_only: bool,
    /// See [`super::Open::lend_texts`].
    pub lend: Option<&'a (dyn Fn(&Lent<'_>) + Sync)>,
}

impl Later<'_> {
    /// See [`Listed::fills_the_cache`].
    fn fills_the_cache(&self) -> bool {
        self.session.is_enabled() && self.cache.is_some_and(|c| !c.is_read_only())
    }

    /// Returns true if and only if the texts go as the entities are found
    /// (when the open holds the corpus alone): a snapshot is due, and the
    /// caller shows no text or reads it through [`Self::lend`].
    fn lets_texts_go(&self) -> bool {
        let wants = (self.heads_only && !self.defer_snapshot) || self.lend.is_some();
        wants && self.session.pending_snapshot(self.fingerprint).is_some()
    }
}

/// Where the texts of an open that lets them go as their entities are
/// found are, between two runs of articles ([`super::Open::lend_texts`]):
/// in the articles, or in the snapshot's bodies encoded so far.
pub struct Lent<'a> {
    articles: &'a [Article],
    encoded: &'a EncodedBodies,
}

impl Lent<'_> {
    /// Returns article `i` whole, its body from wherever it is now.
    pub fn article(&self, i: usize) -> Option<Article> {
        let head = self.articles.get(i)?;
        Some(match self.encoded.body(i) {
            Some(body) => body.into_article(head).0,
            None => head.clone(),
        })
    }
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
                    library: Library {
                        corpus,
                        index: *index,
                    },
                    report,
                    pending: None,
                };
            }
            Rest::Pending(later) => *later,
        };
        let report = Reporter::new(later.progress);
        let (parts, encoded) = find_and_index(&mut later, &mut corpus, report);
        let counter = report.stage(Stage::Indexing, corpus.articles.len());
        let index = parts.finish(&|n| counter.add(n));
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
        let storing = report.pending(Stage::Storing);
        let stored = |n, chunks| storing.add(n, chunks);
        if let (Some(cache), false) = (later.cache, later.defer_snapshot)
            && let Some(snapshot) = pending.take()
            && let Some(problem) = snapshot.save_encoded(cache, &library, &encoded, &stored)
        {
            Arc::make_mut(&mut library.corpus).warnings.push(problem);
        }
        if encoded.holds_any() {
            if let Some(snapshot) = pending.take() {
                // Saved later: the texts are in it, and so are the
                // mentions once it is saved.
                pending = Some(snapshot.with_bodies(encoded));
            } else if later.heads_only && later.lend.is_none() {
                // The texts went; the mentions, kept only for the snapshot,
                // go too: the library of a snapshot's heads.
                library.index.drop_mentions();
                later.counts.texts_let_go = true;
            } else {
                // A caller that reads the texts, whose snapshot is not to
                // be saved after all (the cache failed meanwhile).
                encoded.put_back(&mut Arc::make_mut(&mut library.corpus).articles);
            }
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

    /// Returns true if and only if [`Listed::entities`] lets the texts go
    /// as it finds the entities, lending them meanwhile
    /// ([`super::Open::lend_texts`]): the caller then lists the heads.
    pub fn lends_texts(&self) -> bool {
        match &self.rest {
            Rest::Known { .. } => false,
            Rest::Pending(later) => later.lend.is_some() && later.lets_texts_go(),
        }
    }

    /// Returns true if and only if [`Listed::entities`] would leave
    /// something for the next open: extractions or a snapshot to store.
    /// Without a cache to fill, a caller that shows no entities can stop
    /// at the list ([`Listed::into_corpus`]) and lose nothing.
    pub fn fills_the_cache(&self) -> bool {
        match &self.rest {
            Rest::Known { .. } => false,
            Rest::Pending(later) => later.fills_the_cache(),
        }
    }

    /// Returns the merged articles and stops the open there: their
    /// entities are not found.
    pub fn into_corpus(self) -> Arc<Corpus> {
        self.corpus
    }
}

/// Articles whose mentions are alive at once: each run is indexed, and
/// its mentions freed, before the next is extracted. (Every article's
/// mentions alive together were the peak of a cold open: 85 MB for 64 MB
/// of text.)
const ARTICLES_PER_RUN: usize = 1024;

/// Finds every article's mentions, from the cache where its text was
/// extracted before, else extracted now (and stored), and indexes them a
/// run of articles at a time; returns the indexed runs, still to join.
///
/// For a caller that shows no text or has it lent, when this open holds
/// the corpus alone and a snapshot is due, the bodies of each chunk of
/// articles whose entities are found are encoded for the snapshot, beside
/// the next run's extraction, and their texts let go: they are returned,
/// encoded. Between runs, the caller's lender hears where they are.
fn find_and_index(
    later: &mut Later<'_>,
    corpus: &mut Arc<Corpus>,
    report: Reporter<'_>,
) -> (IndexBuilder, EncodedBodies) {
    let keep_mentions = !later.heads_only || later.fills_the_cache();
    // A snapshot is due (which implies a cache this open fills).
    let lets_go = later.lets_texts_go();
    let shed = lets_go && Arc::get_mut(corpus).is_some();
    let Later {
        steps,
        session,
        engine,
        counts,
        lend,
        ..
    } = later;
    let steps = *steps;
    // The caller lists the heads when the texts go (`Listed::lends_texts`).
    let lender = lend.filter(|_| lets_go);
    let lend = |corpus: &Corpus, encoded: &EncodedBodies| {
        if let Some(lend) = lender {
            lend(&Lent {
                articles: &corpus.articles,
                encoded,
            });
        }
    };
    let cached = session.is_enabled();
    let total = corpus.articles.len();
    let keys: Vec<u64> = if cached {
        corpus
            .articles
            .par_iter()
            .map(cache::extraction_key)
            .collect()
    } else {
        Vec::new()
    };
    let mut recalled = if cached {
        session.recall_extractions(&keys, engine)
    } else {
        StoredMentions::default()
    };
    // The cache is written anew only when some text is new to it.
    let store = cached && recalled.holds() < total;
    let counter = report.stage(Stage::Extracting, total);
    let mut index = IndexBuilder::new();
    if !keep_mentions {
        index = index.without_mentions();
    }
    let mut stored = Vec::new();
    let mut encoded = EncodedBodies::default();
    let mut reused = 0;
    let mut first = 0;
    while first < total {
        let end = (first + ARTICLES_PER_RUN).min(total);
        let hits: Vec<Option<Vec<Mention>>> = if cached {
            session.take_extractions(&mut recalled, &keys[first..end])
        } else {
            vec![None; end - first]
        };
        reused += hits.iter().filter(|m| m.is_some()).count();
        // The chunks whose articles are all indexed.
        let ready = if shed {
            encoded.chunks_added()..first / EncodedBodies::ARTICLES
        } else {
            0..0
        };
        let articles = &corpus.articles;
        // The last run's index parts are joined beside this run's
        // extraction.
        let pending = &mut index;
        let (mentions, bodies) = rayon::join(
            || -> Vec<Vec<Mention>> {
                articles[first..end]
                    .par_iter()
                    .zip(hits)
                    .map(|(a, hit)| {
                        let found = hit.unwrap_or_else(|| steps.extract(super::article_parts(a)));
                        counter.tick();
                        found
                    })
                    .collect()
            },
            || {
                let (bodies, ()) = rayon::join(
                    || encode_chunks(articles, ready.clone()),
                    || pending.join_pending(),
                );
                bodies
            },
        );
        let texts: Vec<&str> = articles[first..end]
            .iter()
            .map(|a| a.text.as_str())
            .collect();
        // The run's mentions are encoded for the cache beside its
        // indexing: encoded after it, in one chunk on one core, they took
        // 2.4 s of a 100,000-file open with the cache; 1.65 s beside it.
        // (Texts have keys only when the open uses a cache.)
        let run_keys = keys.get(first..end).unwrap_or_default();
        let encode = store && session.stores_extractions();
        let (encoded_now, ()) = rayon::join(
            || {
                encode.then(|| {
                    let rows: Vec<(u64, &[Mention])> = run_keys
                        .iter()
                        .copied()
                        .zip(mentions.iter().map(Vec::as_slice))
                        .collect();
                    cache::encode_extractions(&rows)
                })
            },
            || index.add(&texts, &mentions, &|_| {}),
        );
        if let Some(encoded) = encoded_now {
            stored.extend(session.encoded_extractions(encoded));
        }
        crate::entities::index::free_mentions(mentions);
        drop(texts);
        let_go_of_bodies(corpus, &mut encoded, ready, bodies);
        lend(corpus, &encoded);
        first = end;
    }
    if shed {
        let rest = encoded.chunks_added()..total.div_ceil(EncodedBodies::ARTICLES);
        let bodies = encode_chunks(&corpus.articles, rest.clone());
        let_go_of_bodies(corpus, &mut encoded, rest, bodies);
        lend(corpus, &encoded);
    }
    counts.texts_reused = reused;
    counts.texts_extracted = total - reused;
    if store {
        session.remember_extraction_chunks(engine, &stored);
    }
    (index, encoded)
}

/// The articles of snapshot chunk `k`, of `len` articles in all.
fn chunk(k: usize, len: usize) -> Range<usize> {
    let start = (k * EncodedBodies::ARTICLES).min(len);
    start..(start + EncodedBodies::ARTICLES).min(len)
}

/// Encodes the bodies of snapshot chunks `ks`, in parallel.
fn encode_chunks(articles: &[Article], ks: Range<usize>) -> Vec<Option<Vec<u8>>> {
    ks.into_par_iter()
        .map(|k| EncodedBodies::encode(&articles[chunk(k, articles.len())]))
        .collect()
}

/// Adds the `bodies` of chunks `ks` to `encoded`, and lets go of the
/// bodies of the articles of each chunk that was encoded.
fn let_go_of_bodies(
    corpus: &mut Arc<Corpus>,
    encoded: &mut EncodedBodies,
    ks: Range<usize>,
    bodies: Vec<Option<Vec<u8>>>,
) {
    for (k, body) in ks.zip(bodies) {
        if body.is_some()
            && let Some(corpus) = Arc::get_mut(corpus)
        {
            let these = chunk(k, corpus.articles.len());
            corpus.articles[these]
                .par_iter_mut()
                .for_each(Article::drop_body);
        }
        encoded.push(body);
    }
}
