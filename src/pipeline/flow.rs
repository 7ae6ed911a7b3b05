//! The first half of an open, up to the list: discover the files (beside
//! decoding the last snapshot, which ends the open when the folder has not
//! changed), read what the cache does not hold, clean and merge
//! duplicates. The entities are found after, by [`Listed::entities`]
//! (`later`). The cache is used as storage only.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use super::later::{Later, Rest};
use super::progress::Reporter;
use super::{Library, Listed, Open, OpenError, Options, Progress, Report, Stage, Steps};
use crate::corpus::candidates::{Print, PrintSets};
use crate::corpus::clean::{self, ChromeModel};
use crate::corpus::load::{self, FileRef};
use crate::corpus::{Article, Corpus, RawDoc, Warning, dedup};
use crate::memory::exact;
use crate::state::cache::{self, Engine, FileDocs, Part, Session};

/// Runs the first half of `open` (see [`Open::list`]): up to the merged
/// articles, or the whole library when the snapshot still holds.
pub(super) fn list<'a>(open: &Open<'a>) -> Result<Listed<'a>, OpenError> {
    let report = Reporter::new(open.progress);
    let opts = open.options;
    if open.paths.is_empty() {
        // The bundled seeds are compiled in: never cached.
        report.stage(Stage::Reading, 0);
        let (docs, warnings) = load::load_seeds();
        let cleaned = clean_all(docs, warnings, report);
        let corpus = merge(cleaned, opts, report);
        let session = Session::new(None, false, String::new());
        let rest = later(open, session, Engine::new(opts), Report::default(), 0);
        return listed(open, corpus, Rest::Pending(Box::new(rest)));
    }
    let key = crate::state::corpus_key(open.paths);
    // Walking the folder and decoding the last snapshot are the whole cost
    // of a warm open, and independent: do both at once, then keep the
    // snapshot only if the folder still matches it.
    let stored = stored_snapshot(open);
    let part = open.texts;
    report.so_far(Stage::Finding, 0);
    let (walked, snapshot) = rayon::join(
        || {
            let found = |n| report.so_far(Stage::Finding, n);
            walk_counting(open.steps, open.paths, opts, &found)
        },
        || stored.and_then(|(path, read_only)| cache::read_snapshot(path, read_only, &key, part)),
    );
    if let Some((taken_with, library)) = snapshot
        && taken_with == walked.fingerprint
    {
        let hit = Report {
            snapshot_hit: true,
            fingerprint: Some(taken_with),
            ..Report::default()
        };
        let Library { corpus, index } = library;
        let index = Box::new(index);
        return listed(open, corpus, Rest::Known { index, report: hit });
    }
    list_walked(open, walked)
}

/// See [`Open::list_walked`].
pub(super) fn list_walked<'a>(open: &Open<'a>, walked: Walked) -> Result<Listed<'a>, OpenError> {
    if open.paths.is_empty() {
        // The bundled seeds: nothing was walked.
        return list(open);
    }
    let report = Reporter::new(open.progress);
    let opts = open.options;
    let Walked {
        files,
        warnings,
        fingerprint,
    } = walked;
    let engine = Engine::new(opts);
    let key = crate::state::corpus_key(open.paths);
    let mut session = Session::new(open.cache, open.rebuild, key);
    let mut counts = Report {
        fingerprint: Some(fingerprint),
        ..Report::default()
    };
    let (docs, warnings) = read(open, &files, warnings, &engine, &mut session, &mut counts);
    drop(files);
    let cleaned = clean_all(docs, warnings, report);
    let mut corpus = merge(cleaned, opts, report);
    // Cache trouble so far is a warning of the list itself (and kept in
    // the session too: a snapshot is not taken after trouble).
    corpus.warnings.extend(session.problems.iter().cloned());
    let rest = later(open, session, engine, counts, fingerprint);
    listed(open, corpus, Rest::Pending(Box::new(rest)))
}

/// What finds the entities of `open`'s articles once they are listed.
fn later<'a>(
    open: &Open<'a>,
    session: Session<'a>,
    engine: Engine,
    counts: Report,
    fingerprint: u64,
) -> Later<'a> {
    Later {
        warned: session.problems.len(),
        steps: open.steps,
        progress: open.progress,
        cache: open.cache,
        defer_snapshot: open.defer_snapshot,
        session,
        engine,
        counts,
        fingerprint,
        heads_only: open.texts == Part::Heads,
        lend: open.lend,
    }
}

/// Returns where the open's last snapshot may be read (the cache file and
/// whether it is read-only): nowhere for a rebuild, which reads nothing.
fn stored_snapshot<'a>(open: &Open<'a>) -> Option<(&'a std::path::Path, bool)> {
    let cache = open.cache.filter(|_| !open.rebuild)?;
    Some((cache.path()?, cache.is_read_only()))
}

/// See [`Open::last_snapshot`].
pub(super) fn last_snapshot(open: &Open<'_>) -> Option<super::Opened> {
    if open.paths.is_empty() {
        return None;
    }
    let (path, read_only) = stored_snapshot(open)?;
    let key = crate::state::corpus_key(open.paths);
    let (taken_with, library) = cache::read_snapshot(path, read_only, &key, open.texts)?;
    let report = Report {
        snapshot_hit: true,
        fingerprint: Some(taken_with),
        ..Report::default()
    };
    Some(super::Opened {
        library,
        report,
        pending: None,
    })
}

/// The files of an open's folders as found by a walk (none read yet),
/// the problems met, and the fingerprint of their names, sizes and times
/// under the open's options.
pub struct Walked {
    files: Vec<FileRef>,
    warnings: Vec<Warning>,
    fingerprint: u64,
}

impl Walked {
    /// What the folders' last snapshot must have been taken with to
    /// still hold.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }
}

/// See [`Open::walk`]: quiet, as it checks a list already shown.
pub(super) fn walk(open: &Open<'_>) -> Walked {
    walk_counting(open.steps, open.paths, open.options, &|_| {})
}

/// Walks `paths` with `steps`, telling `found` how many files so far.
fn walk_counting(
    steps: &dyn Steps,
    paths: &[PathBuf],
    options: &Options,
    found: &(dyn Fn(usize) + Sync),
) -> Walked {
    let (files, warnings) = steps.discover(paths, &options.load, found);
    let fingerprint = Engine::new(options).corpus_fingerprint(&files);
    Walked {
        files,
        warnings,
        fingerprint,
    }
}

/// The list of an open, or the error when it holds no article.
fn listed<'a>(
    open: &Open<'a>,
    corpus: impl Into<Arc<Corpus>>,
    rest: Rest<'a>,
) -> Result<Listed<'a>, OpenError> {
    let corpus = corpus.into();
    if corpus.articles.is_empty() {
        return Err(OpenError::empty(open.paths, &corpus.warnings));
    }
    Ok(Listed { corpus, rest })
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
    let to_read: Vec<&FileRef> = files
        .iter()
        .zip(&recalled.docs)
        .filter(|(_, cached)| cached.is_none())
        .map(|(f, _)| f)
        .collect();
    let fresh: Vec<Option<FileDocs>> = reading_ahead(&to_read, opts.max_file_size, || {
        files
            .par_iter()
            .zip(&recalled.docs)
            .map(|(f, cached)| {
                if cached.is_some() {
                    return None;
                }
                let read = open.steps.read(f, opts);
                counter.tick();
                Some(FileDocs::from(read))
            })
            .collect()
    });
    drop(to_read);
    // A file read again only because the cache keeps no copy of it is
    // not new: nothing of it is stored anew.
    let stored: Vec<Option<&FileDocs>> = fresh
        .iter()
        .zip(&recalled.reread)
        .map(|(read, &again)| read.as_ref().filter(|_| !again))
        .collect();
    // Storing what was read shows as a stage of its own: at 100,000 files
    // it takes a few tenths of a second.
    let storing = Reporter::new(open.progress).pending(Stage::Storing);
    let store = |n, total| storing.add(n, total);
    counts.files_removed =
        session.remember_files(files, &recalled, &stored, engine, open.paths, &store);
    drop(stored);
    let mut docs = Vec::new();
    let reread = recalled.reread;
    for (((file_docs, cached), file), again) in
        fresh.into_iter().zip(recalled.docs).zip(files).zip(reread)
    {
        let mut file_docs = match (file_docs, cached) {
            (Some(read), _) if again => {
                counts.files_reused += 1;
                read
            }
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

/// Runs `read`, which reads `files`, while a thread asks the system to
/// read them ahead (see [`crate::bounded::read_ahead`]), in order, until
/// `read` is done: a file not in the page cache waits on the disk, and a
/// disk answers many requests at once faster than one at a time (100,000
/// files with the page cache dropped: `cat` read them in 12.0 s one at a
/// time, 4.0 s eight at a time). The thread starts asking only once a
/// read finds a file not in the page cache: asked of files already there,
/// each request is one more opening of the file, about a second of system
/// time in an open of 100,000 cached files.
fn reading_ahead<T>(files: &[&FileRef], cap: u64, read: impl FnOnce() -> T) -> T {
    if files.len() < 2 {
        return read();
    }
    let done = AtomicBool::new(false);
    let uncached_before = crate::bounded::uncached_reads();
    std::thread::scope(|scope| {
        let ahead = std::thread::Builder::new()
            .name("dossier-read-ahead".into())
            .spawn_scoped(scope, || {
                while crate::bounded::uncached_reads() == uncached_before {
                    if done.load(Ordering::Relaxed) {
                        return;
                    }
                    std::thread::sleep(CACHE_CHECK_EVERY);
                }
                for f in files {
                    if done.load(Ordering::Relaxed) {
                        break;
                    }
                    crate::bounded::read_ahead(&f.path, cap);
                }
            });
        let out = read();
        done.store(true, Ordering::Relaxed);
        drop(ahead);
        out
    })
}

/// How often the read-ahead thread looks whether a read has waited on
/// the disk yet.
const CACHE_CHECK_EVERY: std::time::Duration = std::time::Duration::from_millis(2);

/// Cleans, deduplicates and indexes documents already in memory, with
/// `steps` finding the entities (see [`super::build`]).
pub(super) fn build(
    docs: &[RawDoc],
    warnings: Vec<Warning>,
    opts: &Options,
    steps: &dyn Steps,
    progress: &(dyn Fn(Progress) + Sync),
) -> Library {
    let report = Reporter::new(progress);
    let corpus = merge(clean_all(docs.to_vec(), warnings, report), opts, report);
    let later = Later {
        steps,
        progress,
        cache: None,
        defer_snapshot: false,
        session: Session::new(None, false, String::new()),
        engine: Engine::new(opts),
        counts: Report::default(),
        fingerprint: 0,
        warned: 0,
        heads_only: false,
        lend: None,
    };
    Listed {
        corpus: Arc::new(corpus),
        rest: Rest::Pending(Box::new(later)),
    }
    .entities()
    .library
}

/// Cleaned articles with their dedup fingerprints, and the warnings so far.
struct Cleaned {
    articles: Vec<Article>,
    prints: PrintSets,
    warnings: Vec<Warning>,
}

/// Documents cleaned at a time: each batch's raw texts are freed before
/// the next is cleaned, so the raw and the cleaned corpus are never both
/// whole in memory.
const CLEAN_BATCH: usize = 1024;

/// Cleans every document, taking them: a document with no article text
/// left becomes a warning. An exact copy of an article cleaned before it
/// keeps only what merging it needs (see [`without_text`]).
fn clean_all(mut docs: Vec<RawDoc>, mut warnings: Vec<Warning>, report: Reporter<'_>) -> Cleaned {
    let surveyed = report.stage(Stage::Surveying, ChromeModel::steps(docs.len()));
    let chrome = ChromeModel::learn_counted(&docs, &|n| surveyed.add(n));
    let counter = report.stage(Stage::Cleaning, docs.len());
    // `split_off` moves out only the batch at the end: reversed, the end
    // holds the first documents.
    docs.reverse();
    let mut seen = HashSet::with_capacity(docs.len());
    let mut prints = PrintSets::default();
    let mut batches = Vec::with_capacity(docs.len().div_ceil(CLEAN_BATCH));
    while !docs.is_empty() {
        let mut batch = docs.split_off(docs.len().saturating_sub(CLEAN_BATCH));
        batch.reverse();
        let mut cleaned: Vec<_> = batch
            .into_par_iter()
            .map(|d| {
                let article = clean::clean_for_dedup(&d, &chrome).map(|(a, p)| (compact(a), p));
                counter.tick();
                article.ok_or(d.path)
            })
            .collect();
        for (article, prints) in cleaned.iter_mut().filter_map(|c| c.as_mut().ok()) {
            if let Some(key) = exact_key(&article.id)
                && !seen.insert(key)
            {
                without_text(article, prints);
            }
        }
        let mut batch_prints = Vec::with_capacity(cleaned.len());
        let cleaned: Vec<Result<Article, _>> = cleaned
            .into_iter()
            .map(|c| {
                c.map(|(article, p)| {
                    batch_prints.push(p);
                    article
                })
            })
            .collect();
        prints.push_batch(batch_prints);
        batches.push(cleaned);
    }
    drop(docs);
    let n = batches.iter().map(Vec::len).sum();
    let mut articles = Vec::with_capacity(n);
    for cleaned in batches.into_iter().flatten() {
        match cleaned {
            Ok(a) => articles.push(a),
            Err(path) => warnings.push(Warning {
                path,
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

/// The key by which exact copies are known while cleaning: the content
/// id, a hash in hexadecimal, as its number; `None` for an id of another
/// shape, which then keeps its text.
fn exact_key(id: &str) -> Option<u64> {
    u64::from_str_radix(id, 16).ok().filter(|_| id.len() == 16)
}

/// Drops the text of an exact copy of an earlier article, its blocks,
/// end matter, links and fingerprints: merging keeps the earlier one's
/// and takes from a copy only its metadata and path
/// ([`dedup::dedup_counted`]). Freed as each batch is cleaned, their
/// memory holds the next batches' texts (an open of 100,000 files, 8,600
/// of them exact copies, held 48 MB of copies' texts until merging).
fn without_text(article: &mut Article, prints: &mut Vec<Print>) {
    article.drop_body();
    *prints = Vec::new();
}

/// Returns a cleaned article without the spare room its buffers grew
/// with: the articles are kept for the whole session. (Its fingerprints
/// are copied into their batch's buffer, see [`PrintSets`], and freed.)
fn compact(mut article: Article) -> Article {
    if article.text.capacity() > article.text.len() {
        // A copy is allocated at its length (see `exact`).
        article.text = String::from(article.text.as_str());
    }
    article.blocks = exact(article.blocks);
    article
}

/// Merges the duplicates among cleaned articles. The merging stage
/// counts, besides the steps of the merge, each article once more as the
/// articles kept are compacted: that took 240 ms at 100,000 articles, with
/// the count standing still.
fn merge(cleaned: Cleaned, opts: &Options, report: Reporter<'_>) -> Corpus {
    let Cleaned {
        articles,
        prints,
        warnings,
    } = cleaned;
    let count = articles.len();
    let comparing = report.pending(Stage::Comparing);
    let merging = report.pending(Stage::Deduplicating);
    let counts = dedup::Counts {
        compared: &|n, steps| comparing.add(n, steps),
        done: &|n, steps| merging.add(n, steps + count),
    };
    let mut articles = dedup::dedup_counted(articles, prints, &opts.dedup, &counts);
    // (A merge of no article reports no step: the stage starts here.)
    let counter = merging.counter(count);
    // The articles kept are copied anew, each string and list at its
    // length: the merged copies and the fingerprints freed between them
    // left pages partly used (60 MB at 100,000 articles, as much again for
    // the small parts: ids, titles, blocks, sources). The fingerprints, the
    // merged copies and the old articles, allocated by the workers that
    // cleaned them, are freed here.
    articles.par_iter_mut().for_each(|a| {
        *a = a.clone();
        counter.tick();
    });
    crate::memory::give_back_all();
    counter.add(count - articles.len());
    Corpus { articles, warnings }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;

    /// A story of its own: sentences of words drawn by a generator seeded
    /// with `n`, so that no two stories share a run of words.
    fn story(n: usize) -> String {
        const WORDS: [&str; 24] = [
            "harbour",
            "ferry",
            "council",
            "timetable",
            "sailing",
            "winter",
            "route",
            "board",
            "figures",
            "island",
            "pier",
            "fares",
            "crew",
            "weather",
            "survey",
            "vote",
            "budget",
            "repairs",
            "tender",
            "licence",
            "evening",
            "cargo",
            "passengers",
            "quay",
        ];
        let mut state = n as u64 * 0x9E37_79B9_7F4A_7C15 + 1;
        let mut text = String::new();
        for k in 0..60 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push_str(WORDS[(state % 24) as usize]);
            text.push_str(if k % 12 == 11 { ". " } else { " " });
        }
        text
    }

    #[test]
    fn an_exact_copy_in_a_later_batch_merges_into_the_first_with_its_text_kept() {
        let doc = |i: usize, text: String, author: Option<&str>| RawDoc {
            path: format!("folder/{i:04}.txt"),
            title: Some(format!("Ferry timetable {i}")),
            author: author.map(str::to_owned),
            text,
            ..RawDoc::default()
        };
        let mut docs: Vec<RawDoc> = (0..CLEAN_BATCH + 5)
            .map(|i| doc(i, story(i), None))
            .collect();
        // The last document, in another batch, copies the first word for
        // word and alone names the author.
        let copy = CLEAN_BATCH + 4;
        docs[copy] = doc(copy, story(0), Some("Ines Moreau"));
        let cleaned = clean_all(docs, Vec::new(), Reporter::new(&|_| {}));
        assert!(
            cleaned.articles[copy].text.is_empty(),
            "the copy's text goes at once"
        );
        let corpus = merge(cleaned, &Options::default(), Reporter::new(&|_| {}));
        assert_eq!(corpus.articles.len(), CLEAN_BATCH + 4);
        let first = &corpus.articles[0];
        assert_eq!(first.title, "Ferry timetable 0");
        assert_eq!(first.text.trim(), story(0).trim());
        assert_eq!(first.author.as_deref(), Some("Ines Moreau"));
        let paths: Vec<&str> = first.sources.iter().map(|s| s.path.as_str()).collect();
        assert_eq!(paths, ["folder/0000.txt", "folder/1028.txt"]);
    }

    #[test]
    fn every_stage_of_an_open_counts_up_to_its_total_in_order() {
        let seen = Mutex::new(Vec::new());
        let sink = |p: Progress| seen.lock().unwrap().push(p);
        let (docs, warnings) = load::load_seeds();
        let library = build(
            &docs,
            warnings,
            &Options::default(),
            &super::super::Standard,
            &sink,
        );
        assert!(!library.corpus.articles.is_empty());
        let seen = seen.into_inner().unwrap();
        let mut stages: Vec<Stage> = seen.iter().map(|p| p.stage).collect();
        stages.dedup();
        assert_eq!(
            stages,
            [
                Stage::Surveying,
                Stage::Cleaning,
                Stage::Comparing,
                Stage::Deduplicating,
                Stage::Extracting,
                Stage::Indexing
            ]
        );
        for stage in stages {
            let counts: Vec<&Progress> = seen.iter().filter(|p| p.stage == stage).collect();
            // Threads report in any order: the total is the largest count.
            let last = counts.iter().max_by_key(|p| p.done).unwrap();
            assert_eq!(last.done, last.total, "{stage:?} reaches its total");
            assert!(last.total > 0, "{stage:?} counts something");
        }
    }
}
