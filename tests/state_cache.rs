//! The cached index: a warm open reuses everything, a changed folder is
//! reprocessed only where it changed, and the result is always the same
//! library a cold open would give.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use dossier::corpus::load::{FileRead, FileRef, LoadOptions};
use dossier::corpus::{Article, RawDoc, Warning};
use dossier::entities::{ArticleParts, EntityKind, Mention};
use dossier::pipeline::{
    Lent, Library, Listed, Open, Opened, Options, Progress, Report, Stage, Steps,
};
use dossier::state::cache::Cache;

/// Plain-text files, one article each (two named `.html`: the cache keeps
/// the documents of pages, and reads plain text again rather than keep a
/// copy); entities are the capitalised words of a small list. Counts its
/// calls.
#[derive(Default)]
struct TextStages {
    reads: AtomicUsize,
    extractions: AtomicUsize,
}

const NAMES: [(&str, EntityKind); 6] = [
    ("Norway", EntityKind::Country),
    ("Equinor", EntityKind::Company),
    ("Boston", EntityKind::Place),
    ("CERN", EntityKind::Organization),
    ("Okafor", EntityKind::Person),
    ("Chile", EntityKind::Country),
];

impl Steps for TextStages {
    fn read(&self, file: &FileRef, _: &LoadOptions) -> FileRead {
        self.reads.fetch_add(1, Ordering::SeqCst);
        let text = std::fs::read_to_string(&file.path).unwrap();
        let hash = xxhash_rust::xxh3::xxh3_64(text.as_bytes());
        let text = dossier::sanitize::clean_text(&text);
        let doc = RawDoc {
            path: file.path.display().to_string(),
            title: text.lines().next().map(str::to_owned),
            author: Some("Desk".into()),
            text,
            // As the real reader does: the file time is the last resort
            // for a date.
            mtime_ns: i64::try_from(file.mtime_ns).ok().filter(|&t| t > 0),
            ..RawDoc::default()
        };
        FileRead {
            docs: vec![doc],
            warnings: Vec::new(),
            hash: Some(hash),
        }
    }

    fn extract(&self, article: ArticleParts<'_>) -> Vec<Mention> {
        let text = article.text;
        self.extractions.fetch_add(1, Ordering::SeqCst);
        let mut out = Vec::new();
        for (name, kind) in NAMES {
            for (start, _) in text.match_indices(name) {
                out.push(Mention {
                    start,
                    end: start + name.len(),
                    name: name.into(),
                    kind,
                    country: None,
                    location: dossier::entities::Location::Text,
                });
            }
        }
        out.sort_by_key(|m| m.start);
        out
    }
}

const ARTICLES: [(&str, &str); 5] = [
    (
        "markets/oil.html",
        "Oil climbs on Norway cut\n\nEquinor trimmed output at two fields, and Brent rose 2%.",
    ),
    (
        "sport/final.txt",
        "Boston take the final\n\nA late three-pointer settled it in Boston on Sunday night.",
    ),
    (
        "science/cern.html",
        "CERN names a new director\n\nThe laboratory said the appointment runs five years.",
    ),
    (
        "local/council.txt",
        "Council backs bike lanes\n\nCouncillor Okafor said the vote was close but fair.",
    ),
    (
        "markets/copper.txt",
        "Copper slips as Chile mines reopen\n\nTraders expect supply to recover by spring.",
    ),
];

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in ARTICLES {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

fn open(stages: &TextStages, root: &Path, cache: &Cache, rebuild: bool) -> (Library, Report) {
    let opened = Open::new(&[root.to_path_buf()], &Options::default())
        .cache(cache, rebuild)
        .steps(stages)
        .run()
        .unwrap();
    (opened.library, opened.report)
}

fn from_scratch(root: &Path) -> Library {
    open(&TextStages::default(), root, &Cache::disabled(), false).0
}

fn same(a: &Library, b: &Library) {
    assert_eq!(a.corpus, b.corpus);
    assert_eq!(a.index, b.index);
}

#[test]
fn a_warm_open_reuses_the_snapshot() {
    let corpus = corpus();
    let state = tempfile::tempdir().unwrap();
    let (cache_db, notices) = Cache::open(Some(state.path())).unwrap();
    assert!(notices.is_empty());
    let cold = TextStages::default();
    let (first, report) = open(&cold, corpus.path(), &cache_db, false);
    assert!(!report.snapshot_hit);
    assert_eq!(report.files_read, 5);
    assert_eq!(first.corpus.articles.len(), 5);
    drop(cache_db);

    let (cache_db, _) = Cache::open(Some(state.path())).unwrap();
    let warm = TextStages::default();
    let (second, report) = open(&warm, corpus.path(), &cache_db, false);
    assert!(report.snapshot_hit);
    assert_eq!(warm.reads.load(Ordering::SeqCst), 0);
    assert_eq!(warm.extractions.load(Ordering::SeqCst), 0);
    same(&first, &second);
    same(&second, &from_scratch(corpus.path()));
}

#[test]
fn the_last_snapshot_is_given_without_the_folder_and_checked_against_it() {
    let corpus = corpus();
    let state = tempfile::tempdir().unwrap();
    let (cache_db, _) = Cache::open(Some(state.path())).unwrap();
    let paths = [corpus.path().to_path_buf()];
    let options = Options::default();
    let stages = TextStages::default();
    let opener = || {
        Open::new(&paths, &options)
            .cache(&cache_db, false)
            .steps(&stages)
    };
    assert!(opener().last_snapshot().is_none(), "nothing stored yet");
    let first = opener().run().unwrap();
    let taken_with = first.report.fingerprint.expect("a folder has one");

    let last = opener().without_text().last_snapshot().expect("stored");
    assert!(last.report.snapshot_hit);
    assert_eq!(last.report.fingerprint, Some(taken_with));
    let titles = |l: &Library| -> Vec<String> {
        l.corpus.articles.iter().map(|a| a.title.clone()).collect()
    };
    assert_eq!(titles(&last.library), titles(&first.library));
    assert_eq!(
        last.library.index.entity_count(),
        first.library.index.entity_count()
    );
    assert_eq!(opener().walk().fingerprint(), taken_with);
    assert_eq!(stages.reads.load(Ordering::SeqCst), 5, "no file read again");

    // A file gone: the snapshot is still the last one, but no longer holds.
    std::fs::remove_file(corpus.path().join("sport/final.txt")).unwrap();
    let last = opener().last_snapshot().expect("still stored");
    assert_eq!(last.library.corpus.articles.len(), 5);
    let walked = opener().walk();
    let now_with = walked.fingerprint();
    assert_ne!(now_with, taken_with);
    // Listed from that walk: the folder as it is now, its pages not read
    // again (the cache holds them), its two plain-text files read again
    // (the cache keeps no copy of them).
    let now = opener().list_walked(walked).unwrap().entities();
    assert_eq!(now.library.corpus.articles.len(), 4);
    assert_eq!(now.report.fingerprint, Some(now_with));
    assert_eq!((now.report.files_read, now.report.files_reused), (0, 4));
    assert_eq!(stages.reads.load(Ordering::SeqCst), 5 + 2);
    // Not for a rebuild, which reads nothing, nor for the bundled seeds.
    let rebuild = Open::new(&paths, &options).cache(&cache_db, true);
    assert!(rebuild.last_snapshot().is_none());
    assert!(
        Open::new(&[], &options)
            .cache(&cache_db, false)
            .last_snapshot()
            .is_none()
    );
}

#[test]
fn a_warm_open_without_text_gives_the_heads_and_leaves_the_snapshot_whole() {
    let corpus = corpus();
    let state = tempfile::tempdir().unwrap();
    let (cache_db, _) = Cache::open(Some(state.path())).unwrap();
    let paths = [corpus.path().to_path_buf()];
    let heads = |stages: &TextStages| {
        Open::new(&paths, &Options::default())
            .cache(&cache_db, false)
            .steps(stages)
            .without_text()
            .run()
            .unwrap()
    };
    // Cold, there is no snapshot: the texts are found, stored in the
    // snapshot, and let go; the heads are those a warm open gives.
    let cold = heads(&TextStages::default());
    assert!(!cold.report.snapshot_hit);
    assert!(cold.report.texts_let_go);
    let whole = from_scratch(corpus.path());

    let warm = heads(&TextStages::default());
    assert!(warm.report.snapshot_hit);
    assert!(!warm.report.texts_let_go);
    same(&cold.library, &warm.library);
    let (got, want) = (&warm.library.corpus.articles, &whole.corpus.articles);
    assert_eq!(got.len(), want.len());
    for (head, article) in got.iter().zip(want) {
        assert_eq!(
            (&head.id, &head.title, &head.date),
            (&article.id, &article.title, &article.date)
        );
        assert_eq!(
            (head.words, &head.sources),
            (article.words, &article.sources)
        );
        assert!(head.text.is_empty() && head.blocks.is_empty());
    }
    entities_without_mentions(&warm.library, &whole);
    // The snapshot still holds the texts for an open that shows them.
    snapshot_is_whole(corpus.path(), &cache_db, &whole);
}

/// Asserts that `heads` gives each article the entities `whole` gives it,
/// and no mention.
fn entities_without_mentions(heads: &Library, whole: &Library) {
    assert_eq!(heads.corpus.articles.len(), whole.corpus.articles.len());
    for i in 0..whole.corpus.articles.len() {
        assert_eq!(heads.index.entities_in(i), whole.index.entities_in(i));
        assert!(heads.index.mentions_in(i).is_empty());
    }
}

/// Asserts that an open of `root` through `cache` comes from the snapshot,
/// texts, mentions and all, and is `whole`.
fn snapshot_is_whole(root: &Path, cache: &Cache, whole: &Library) {
    let (again, report) = open(&TextStages::default(), root, cache, false);
    assert!(report.snapshot_hit);
    same(&again, whole);
}

#[test]
fn changes_are_processed_incrementally() {
    let corpus = corpus();
    let state = tempfile::tempdir().unwrap();
    let (cache_db, _) = Cache::open_file(&state.path().join("elsewhere.db")).unwrap();
    open(&TextStages::default(), corpus.path(), &cache_db, false);

    let root = corpus.path();
    std::fs::write(
        root.join("sport/final.txt"),
        "Boston take the final in overtime\n\nA late three-pointer settled it.",
    )
    .unwrap();
    std::fs::write(
        root.join("science/probe.txt"),
        "Probe reaches Jupiter orbit\n\nEngineers at CERN cheered.",
    )
    .unwrap();
    std::fs::remove_file(root.join("markets/copper.txt")).unwrap();

    let stages = TextStages::default();
    let (library, report) = open(&stages, root, &cache_db, false);
    assert!(!report.snapshot_hit);
    assert_eq!(
        (report.files_read, report.files_reused, report.files_removed),
        (2, 3, 1)
    );
    assert_eq!((report.texts_extracted, report.texts_reused), (2, 3));
    // The two changed, and the unchanged plain-text file: the cache keeps
    // the pages' documents, not a copy of plain text.
    assert_eq!(stages.reads.load(Ordering::SeqCst), 3);
    same(&library, &from_scratch(root));
}

#[test]
fn a_touched_file_is_not_read_again() {
    let corpus = corpus();
    let state = tempfile::tempdir().unwrap();
    let (cache_db, _) = Cache::open(Some(state.path())).unwrap();
    open(&TextStages::default(), corpus.path(), &cache_db, false);
    let later = SystemTime::now() + Duration::from_secs(120);
    std::fs::File::options()
        .write(true)
        .open(corpus.path().join("local/council.txt"))
        .unwrap()
        .set_modified(later)
        .unwrap();
    let stages = TextStages::default();
    let (_, report) = open(&stages, corpus.path(), &cache_db, false);
    assert!(!report.snapshot_hit, "the fingerprint includes mtimes");
    assert_eq!((report.files_read, report.files_reused), (0, 5));
    assert_eq!(report.texts_extracted, 0);
    let (_, report) = open(&TextStages::default(), corpus.path(), &cache_db, false);
    assert!(report.snapshot_hit);
}

/// Storing what was read, then the snapshot, are stages of their own in an
/// open that fills the cache, and their counts move up to their totals (at
/// 100,000 files they had stood still for 0.4 s under "reading files" and
/// for a second under "indexing"). An open that finds the snapshot whole
/// stores nothing and shows no such stage.
#[test]
fn storing_for_the_next_open_is_a_stage_of_its_own_that_counts_up() {
    let corpus = corpus();
    let state = tempfile::tempdir().unwrap();
    let (cache_db, _) = Cache::open(Some(state.path())).unwrap();
    let stages_of = || {
        let seen = Mutex::new(Vec::new());
        let sink = |p: Progress| seen.lock().unwrap().push(p);
        let paths = [corpus.path().to_path_buf()];
        Open::new(&paths, &Options::default())
            .cache(&cache_db, false)
            .steps(&TextStages::default())
            .progress(&sink)
            .run()
            .unwrap();
        seen.into_inner().unwrap()
    };
    let cold = stages_of();
    let mut order: Vec<Stage> = cold.iter().map(|p| p.stage).collect();
    order.dedup();
    let after_reading = order.iter().position(|&s| s == Stage::Reading).unwrap() + 1;
    assert_eq!(order.get(after_reading), Some(&Stage::Storing), "{order:?}");
    assert_eq!(order.last(), Some(&Stage::Storing), "{order:?}");
    let storing: Vec<&Progress> = cold.iter().filter(|p| p.stage == Stage::Storing).collect();
    assert_eq!(storing.first().map(|p| p.done), Some(0));
    let last = storing.last().unwrap();
    assert!(last.total > 0);
    assert_eq!(last.done, last.total);
    let warm = stages_of();
    assert!(warm.iter().all(|p| p.stage != Stage::Storing), "{warm:?}");
}

#[test]
fn rebuild_ignores_the_cache() {
    let corpus = corpus();
    let state = tempfile::tempdir().unwrap();
    let (cache_db, _) = Cache::open(Some(state.path())).unwrap();
    let (first, _) = open(&TextStages::default(), corpus.path(), &cache_db, false);
    let stages = TextStages::default();
    let (again, report) = open(&stages, corpus.path(), &cache_db, true);
    assert!(!report.snapshot_hit);
    assert_eq!((report.files_read, report.texts_extracted), (5, 5));
    same(&first, &again);
}

#[test]
fn a_corrupt_cache_is_moved_aside() {
    let corpus = corpus();
    let state = tempfile::tempdir().unwrap();
    std::fs::write(
        state.path().join("cache.db"),
        b"not a database, just text ".repeat(200),
    )
    .unwrap();
    let (cache_db, notices) = Cache::open(Some(state.path())).unwrap();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("cache.db"));
    let (library, _) = open(&TextStages::default(), corpus.path(), &cache_db, false);
    assert_eq!(library.corpus.articles.len(), 5);
    let aside = std::fs::read_dir(state.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("cache.db.corrupt-")
        })
        .count();
    assert_eq!(aside, 1);
}

#[test]
fn a_disabled_cache_still_opens() {
    let corpus = corpus();
    let stages = TextStages::default();
    let (library, report) = open(&stages, corpus.path(), &Cache::disabled(), false);
    assert_eq!(library.corpus.articles.len(), 5);
    assert_eq!(report.files_read, 5);
    let (_, report) = open(&stages, corpus.path(), &Cache::disabled(), false);
    assert!(!report.snapshot_hit);
    assert_eq!(report.files_read, 5);
}

/// Reads like [`TextStages`] but extracts with the real extractor.
struct RealExtraction(TextStages);

impl Steps for RealExtraction {
    fn discover(
        &self,
        paths: &[PathBuf],
        opts: &LoadOptions,
        found: &dyn Fn(usize),
    ) -> (Vec<FileRef>, Vec<Warning>) {
        self.0.discover(paths, opts, found)
    }
    fn read(&self, file: &FileRef, opts: &LoadOptions) -> FileRead {
        self.0.read(file, opts)
    }
}

#[test]
fn the_cached_build_matches_the_pipeline() {
    let corpus = corpus();
    let stages = RealExtraction(TextStages::default());
    let opts = Options::default();
    let (files, _) = stages.discover(&[corpus.path().to_path_buf()], &opts.load, &|_| {});
    let docs: Vec<RawDoc> = files
        .iter()
        .flat_map(|f| stages.read(f, &opts.load).docs)
        .collect();
    let expected = dossier::pipeline::build(&docs, Vec::new(), &opts, &|_| {});
    let state = tempfile::tempdir().unwrap();
    let (cache_db, _) = Cache::open(Some(state.path())).unwrap();
    for _ in 0..2 {
        let library = Open::new(&[corpus.path().to_path_buf()], &opts)
            .cache(&cache_db, false)
            .steps(&stages)
            .library()
            .unwrap();
        same(&library, &expected);
    }
}

#[test]
fn an_empty_folder_is_an_error_not_a_cache_entry() {
    let empty = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let (cache_db, _) = Cache::open(Some(state.path())).unwrap();
    let result = Open::new(&[empty.path().to_path_buf()], &Options::default())
        .cache(&cache_db, false)
        .steps(&TextStages::default())
        .run();
    assert!(result.is_err());
}

/// The write-ahead log is emptied into the file once the snapshot is
/// saved, while the cache is still open: a process that ends without
/// closing it (the reader's loader thread) leaves no log behind.
#[test]
fn a_saved_snapshot_leaves_no_write_ahead_log_behind() {
    let corpus = corpus();
    let state = tempfile::tempdir().unwrap();
    let (cache_db, _) = Cache::open(Some(state.path())).unwrap();
    let (first, report) = open(&TextStages::default(), corpus.path(), &cache_db, false);
    assert!(!report.snapshot_hit);
    let log = state.path().join("cache.db-wal");
    let logged = std::fs::metadata(&log).map_or(0, |m| m.len());
    assert_eq!(logged, 0, "{} still holds {logged} bytes", log.display());
    assert!(
        std::fs::metadata(state.path().join("cache.db"))
            .unwrap()
            .len()
            > 65_536
    );
    // What the log held is in the file: a second connection reads it.
    let (again, _) = Cache::open(Some(state.path())).unwrap();
    let warm = TextStages::default();
    let (second, report) = open(&warm, corpus.path(), &again, false);
    assert!(report.snapshot_hit);
    same(&first, &second);
}

#[test]
fn a_deferred_snapshot_is_used_once_saved() {
    let corpus = corpus();
    let state = tempfile::tempdir().unwrap();
    let (cache_db, _) = Cache::open(Some(state.path())).unwrap();
    let roots = [corpus.path().to_path_buf()];
    let opts = Options::default();
    let stages = TextStages::default();
    let deferred = || {
        Open::new(&roots, &opts)
            .cache(&cache_db, false)
            .steps(&stages)
            .defer_snapshot()
            .run()
            .unwrap()
    };
    let Opened {
        library, pending, ..
    } = deferred();
    let pending = pending.expect("a cold open leaves a snapshot to save");
    let Opened { report, .. } = deferred();
    assert!(!report.snapshot_hit, "nothing saved yet");
    assert_eq!(report.files_reused, 5, "file rows are written at once");
    assert!(pending.save(&cache_db, &library).is_none());
    let warm = deferred();
    assert!(warm.report.snapshot_hit && warm.pending.is_none());
    same(&warm.library, &library);
}

/// An open that lends its texts lets them go as their entities are
/// found: between runs each article is lent whole, from its text or from
/// the snapshot's bodies encoded so far; the library comes without texts,
/// the snapshot to save holds them, and the next open finds them there.
#[test]
fn texts_lent_while_the_entities_are_found_go_into_the_snapshot() {
    let corpus = corpus();
    let whole = from_scratch(corpus.path());
    let state = tempfile::tempdir().unwrap();
    let (cache_db, _) = Cache::open(Some(state.path())).unwrap();
    let roots = [corpus.path().to_path_buf()];
    let opts = Options::default();
    let stages = TextStages::default();
    let lent_texts: Mutex<Vec<Vec<Article>>> = Mutex::default();
    let lend = |lent: &Lent<'_>| {
        let all = (0..whole.corpus.articles.len()).map(|i| lent.article(i).unwrap());
        lent_texts.lock().unwrap().push(all.collect());
    };
    let listed = Open::new(&roots, &opts)
        .cache(&cache_db, false)
        .steps(&stages)
        .defer_snapshot()
        .without_text()
        .lend_texts(&lend)
        .list()
        .unwrap();
    assert!(listed.lends_texts());
    let Opened {
        library, pending, ..
    } = listed.entities();
    let lent_texts = lent_texts.into_inner().unwrap();
    assert!(!lent_texts.is_empty());
    for lent in &lent_texts {
        assert_eq!(lent, &whole.corpus.articles);
    }
    assert!(library.corpus.articles.iter().all(|a| a.text.is_empty()));
    assert_eq!(
        library.index, whole.index,
        "the mentions stay for the snapshot"
    );
    let pending = pending.expect("a snapshot to save");
    assert!(pending.holds_texts());
    assert_eq!(pending.with_texts(&library).corpus, whole.corpus);
    assert!(pending.save(&cache_db, &library).is_none());
    let (warm, report) = open(&TextStages::default(), corpus.path(), &cache_db, false);
    assert!(report.snapshot_hit);
    same(&warm, &whole);
}

/// Without a snapshot to save, nothing is lent: the texts stay.
#[test]
fn an_open_without_a_cache_lends_no_text() {
    let corpus = corpus();
    let roots = [corpus.path().to_path_buf()];
    let opts = Options::default();
    let stages = TextStages::default();
    let lend = |_: &Lent<'_>| panic!("nothing is lent");
    let listed = Open::new(&roots, &opts)
        .steps(&stages)
        .defer_snapshot()
        .without_text()
        .lend_texts(&lend)
        .list()
        .unwrap();
    assert!(!listed.lends_texts());
    let opened = listed.entities();
    assert_eq!(opened.library.corpus, from_scratch(corpus.path()).corpus);
}

/// The first half of an open of `paths` with the text stages.
fn list<'a>(
    paths: &'a [PathBuf],
    opts: &'a Options,
    stages: &'a TextStages,
    cache: &'a Cache,
) -> Listed<'a> {
    Open::new(paths, opts)
        .cache(cache, false)
        .steps(stages)
        .list()
        .unwrap()
}

#[test]
fn only_an_open_that_fills_the_cache_needs_its_entities_found() {
    let corpus = corpus();
    let paths = [corpus.path().to_path_buf()];
    let opts = Options::default();
    let stages = TextStages::default();
    // No cache: nothing would be kept, so a caller may stop at the list.
    let none = Cache::disabled();
    let listed = list(&paths, &opts, &stages, &none);
    assert!(!listed.fills_the_cache());
    let articles = listed.into_corpus();
    assert_eq!(articles.articles.len(), 5);
    assert_eq!(stages.extractions.load(Ordering::SeqCst), 0);
    // A cache that keeps the extractions and the snapshot.
    let state = tempfile::tempdir().unwrap();
    let (cache, _) = Cache::open(Some(state.path())).unwrap();
    let listed = list(&paths, &opts, &stages, &cache);
    assert!(listed.fills_the_cache());
    listed.entities();
    assert!(stages.extractions.load(Ordering::SeqCst) > 0);
    // Once the snapshot holds the folder, the entities come with the list.
    assert!(!list(&paths, &opts, &stages, &cache).fills_the_cache());
}

#[test]
fn an_open_without_text_keeps_mentions_only_for_the_cache() {
    let corpus = corpus();
    let paths = [corpus.path().to_path_buf()];
    let opts = Options::default();
    let stages = TextStages::default();
    let open = |cache: &Cache, heads: bool| {
        let open = Open::new(&paths, &opts).cache(cache, false).steps(&stages);
        let open = if heads { open.without_text() } else { open };
        open.run().unwrap().library
    };
    let named = |lib: &Library| {
        (0..5)
            .filter(|&i| !lib.index.entities_in(i).is_empty())
            .count()
    };
    let mentioned = |lib: &Library| {
        (0..5)
            .filter(|&i| !lib.index.mentions_in(i).is_empty())
            .count()
    };
    let whole = open(&Cache::disabled(), false);
    assert!(mentioned(&whole) > 0);
    // Nothing to store and no text to show: the counts, no mentions.
    let heads = open(&Cache::disabled(), true);
    assert_eq!(named(&heads), named(&whole));
    assert_eq!(mentioned(&heads), 0);
    assert_eq!(heads.corpus, whole.corpus);
    for i in 0..5 {
        assert_eq!(heads.index.entities_in(i), whole.index.entities_in(i));
    }
    // A cache to fill keeps them until the snapshot is stored, whole.
    let state = tempfile::tempdir().unwrap();
    let (cache, _) = Cache::open(Some(state.path())).unwrap();
    assert_eq!(mentioned(&open(&cache, true)), 0);
    same(&open(&cache, false), &whole);
}

/// A folder of `n` plain-text articles on different subjects: each a
/// headline and a paragraph of words drawn by its number, so that no two
/// are duplicates; every seventh names Norway.
fn many_articles(n: usize) -> tempfile::TempDir {
    const WORDS: [&str; 24] = [
        "harbour",
        "tariff",
        "glacier",
        "striker",
        "council",
        "vaccine",
        "turbine",
        "ledger",
        "orchard",
        "reactor",
        "budget",
        "derby",
        "senate",
        "comet",
        "pension",
        "quarry",
        "ferry",
        "verdict",
        "drought",
        "satellite",
        "mortgage",
        "stadium",
        "wildfire",
        "bond",
    ];
    let dir = tempfile::tempdir().unwrap();
    for i in 0..n {
        let mut state = (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let mut words = Vec::new();
        for _ in 0..40 {
            state ^= state >> 29;
            state = state.wrapping_mul(0xBF58_476D_1CE4_E5B9);
            words.push(WORDS[(state >> 40) as usize % WORDS.len()]);
        }
        let place = if i % 7 == 0 { " in Norway" } else { "" };
        let text = format!(
            "Report {i}: {} and {}\n\nFiled{place} as number {i}: {}.\n",
            words[0],
            words[1],
            words.join(" ")
        );
        std::fs::write(dir.path().join(format!("{i:05}.txt")), text).unwrap();
    }
    dir
}

#[test]
fn an_open_without_text_lets_each_chunk_of_texts_go_once_stored() {
    // More than two snapshot chunks, so that chunks are stored beside
    // later runs of extraction and at the end.
    let corpus = many_articles(4_500);
    let paths = [corpus.path().to_path_buf()];
    let opts = Options::default();
    let state = tempfile::tempdir().unwrap();
    let (cache, _) = Cache::open(Some(state.path())).unwrap();
    let stages = TextStages::default();
    let heads = Open::new(&paths, &opts)
        .cache(&cache, false)
        .steps(&stages)
        .without_text()
        .run()
        .unwrap();
    assert!(heads.report.texts_let_go);
    let articles = &heads.library.corpus.articles;
    assert_eq!(articles.len(), 4_500, "no two are duplicates");
    assert!(
        articles
            .iter()
            .all(|a| a.text.is_empty() && a.blocks.is_empty())
    );
    assert!(articles.iter().all(|a| a.words > 0 && !a.title.is_empty()));
    let whole = from_scratch(corpus.path());
    entities_without_mentions(&heads.library, &whole);
    // The snapshot holds every text and mention.
    snapshot_is_whole(corpus.path(), &cache, &whole);
    // Without a cache, nothing is stored and nothing let go.
    let kept = Open::new(&paths, &opts)
        .steps(&stages)
        .without_text()
        .run()
        .unwrap();
    assert!(!kept.report.texts_let_go);
    assert_eq!(kept.library.corpus, whole.corpus);
}
