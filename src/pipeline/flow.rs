//! The flow of one open: discover the files (beside decoding the last
//! snapshot, which ends the open when the folder has not changed), read
//! what the cache does not hold, clean, merge duplicates, find entities in
//! texts not seen before, and index. The cache is used as storage only.

use rayon::prelude::*;

use super::progress::Reporter;
use super::{Library, Open, OpenError, Opened, Options, Progress, Report, Stage, Steps};
use crate::corpus::clean::{self, ChromeModel};
use crate::corpus::load::{self, FileRef};
use crate::corpus::{Article, Corpus, RawDoc, Warning, dedup};
use crate::entities::{EntityIndex, Mention};
use crate::state::cache::{self, Engine, FileDocs, Session};

/// Runs `open` (see [`Open::run`]).
pub(super) fn open(open: &Open<'_>) -> Result<Opened, OpenError> {
    let report = Reporter::new(open.progress);
    let opts = open.options;
    if open.paths.is_empty() {
        // The bundled seeds are compiled in: never cached.
        report.stage(Stage::Reading, 0);
        let (docs, warnings) = load::load_seeds();
        let library = build(&docs, warnings, opts, open.steps, open.progress);
        return finished(open, library, Report::default(), None);
    }
    report.stage(Stage::Reading, 0);
    let key = crate::state::corpus_key(open.paths);
    // Walking the folder and decoding the last snapshot are the whole cost
    // of a warm open, and independent: do both at once, then keep the
    // snapshot only if the folder still matches it.
    let stored = open
        .cache
        .filter(|_| !open.rebuild)
        .and_then(|c| Some((c.path()?, c.is_read_only())));
    let ((files, warnings), snapshot) = rayon::join(
        || open.steps.discover(open.paths, &opts.load),
        || stored.and_then(|(path, read_only)| cache::read_snapshot(path, read_only, &key)),
    );
    let engine = Engine::new(opts);
    let fingerprint = engine.corpus_fingerprint(&files);
    if let Some((taken_with, library)) = snapshot
        && taken_with == fingerprint
    {
        let hit = Report {
            snapshot_hit: true,
            ..Report::default()
        };
        return Ok(Opened {
            library,
            report: hit,
            pending: None,
        });
    }
    let mut session = Session::new(open.cache, open.rebuild, key);
    let mut counts = Report::default();
    let (docs, warnings) = read(open, &files, warnings, &engine, &mut session, &mut counts);
    let cleaned = clean_all(&docs, warnings, report);
    // The raw texts are dropped once cleaned, so that at most two copies
    // of the corpus text are alive at a time.
    drop(docs);
    let mut library = finish(cleaned, opts, report, |articles| {
        extract_cached(
            open.steps,
            articles,
            &engine,
            &mut session,
            &mut counts,
            report,
        )
    });
    let pending = session.pending_snapshot(fingerprint);
    library.corpus.warnings.append(&mut session.problems);
    finished(open, library, counts, pending)
}

/// Ends an open: an error when no article came out, else the library, its
/// snapshot saved now unless the caller asked to save it later.
fn finished(
    open: &Open<'_>,
    mut library: Library,
    report: Report,
    pending: Option<cache::PendingSnapshot>,
) -> Result<Opened, OpenError> {
    if library.corpus.articles.is_empty() {
        return Err(OpenError::empty(open.paths, &library.corpus.warnings));
    }
    let pending = match (pending, open.cache) {
        (Some(p), Some(c)) if !open.defer_snapshot => {
            library.corpus.warnings.extend(p.save(c, &library));
            None
        }
        (p, _) => p,
    };
    Ok(Opened {
        library,
        report,
        pending,
    })
}

/// Returns every document of `files`: recalled from the cache where it
/// holds them, read otherwise (and then stored).
fn read(
    open: &Open<'_>,
    files: &[FileRef],
    mut warnings: Vec<Warning>,
    engine: &Engine,
    session: &mut Session<'_>,
    counts: &mut Report,
) -> (Vec<RawDoc>, Vec<Warning>) {
    let opts = &open.options.load;
    let recalled = session.recall_files(files, engine, opts.max_file_size);
    let counter = Reporter::new(open.progress).stage(Stage::Reading, files.len());
    counter.add(recalled.docs.iter().filter(|d| d.is_some()).count());
    let fresh: Vec<Option<FileDocs>> = files
        .par_iter()
        .zip(&recalled.docs)
        .map(|(f, cached)| {
            if cached.is_some() {
                return None;
            }
            let (docs, warnings) = open.steps.read(f, opts);
            counter.tick();
            Some(FileDocs { docs, warnings })
        })
        .collect();
    let stored: Vec<Option<&FileDocs>> = fresh.iter().map(Option::as_ref).collect();
    counts.files_removed = session.remember_files(files, &recalled, &stored, engine, open.paths);
    drop(stored);
    let mut docs = Vec::new();
    for ((file_docs, cached), file) in fresh.into_iter().zip(recalled.docs).zip(files) {
        let mut file_docs = match (file_docs, cached) {
            (Some(read), _) => {
                counts.files_read += 1;
                read
            }
            (None, Some(cached)) => {
                counts.files_reused += 1;
                cached
            }
            (None, None) => continue,
        };
        // The file time is not in a stored blob (a touched file keeps its
        // blob): it comes from the walk, read or recalled alike.
        let mtime_ns = i64::try_from(file.mtime_ns).ok().filter(|&t| t > 0);
        for doc in &mut file_docs.docs {
            doc.mtime_ns = mtime_ns;
        }
        docs.extend(file_docs.docs);
        warnings.extend(file_docs.warnings);
    }
    (docs, warnings)
}

/// Cleans, deduplicates and indexes documents already read, with `steps`
/// finding the entities.
pub(super) fn build(
    docs: &[RawDoc],
    warnings: Vec<Warning>,
    opts: &Options,
    steps: &dyn Steps,
    progress: &(dyn Fn(Progress) + Sync),
) -> Library {
    let report = Reporter::new(progress);
    let cleaned = clean_all(docs, warnings, report);
    finish(cleaned, opts, report, |articles| {
        extract_all(steps, articles, report)
    })
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
    steps: &dyn Steps,
    articles: &[Article],
    engine: &Engine,
    session: &mut Session<'_>,
    counts: &mut Report,
    report: Reporter<'_>,
) -> Vec<Vec<Mention>> {
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

/// Cleaned articles with their dedup fingerprints, and the warnings so far.
struct Cleaned {
    articles: Vec<Article>,
    prints: Vec<Vec<u64>>,
    warnings: Vec<Warning>,
}

/// Cleans every document; a document with no article text left becomes a
/// warning.
fn clean_all(docs: &[RawDoc], mut warnings: Vec<Warning>, report: Reporter<'_>) -> Cleaned {
    let counter = report.stage(Stage::Cleaning, docs.len());
    let chrome = ChromeModel::learn(docs);
    let cleaned: Vec<_> = docs
        .par_iter()
        .map(|d| {
            let article = clean::clean_for_dedup(d, &chrome);
            counter.tick();
            article
        })
        .collect();
    let mut articles = Vec::with_capacity(cleaned.len());
    let mut prints = Vec::with_capacity(cleaned.len());
    for (doc, article) in docs.iter().zip(cleaned) {
        match article {
            Some((a, p)) => {
                articles.push(a);
                prints.push(p);
            }
            None => warnings.push(Warning {
                path: doc.path.clone(),
                reason: "skipped: no article text (empty or only page chrome)".into(),
            }),
        }
    }
    Cleaned {
        articles,
        prints,
        warnings,
    }
}

/// Deduplicates cleaned articles, finds their entities with `extract` and
/// indexes them.
fn finish(
    cleaned: Cleaned,
    opts: &Options,
    report: Reporter<'_>,
    extract: impl FnOnce(&[Article]) -> Vec<Vec<Mention>>,
) -> Library {
    let Cleaned {
        articles,
        prints,
        warnings,
    } = cleaned;
    let counter = report.stage(Stage::Deduplicating, articles.len());
    let articles = dedup::dedup_counted(articles, prints, &opts.dedup, &|n| counter.add(n));
    let mentions = extract(&articles);
    let counter = report.stage(Stage::Indexing, articles.len());
    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    let index = EntityIndex::build_counted(&texts, mentions, &|n| counter.add(n));
    Library {
        corpus: Corpus { articles, warnings },
        index,
    }
}
