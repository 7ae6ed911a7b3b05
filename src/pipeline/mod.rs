//! The pipeline: paths → discover → read → clean → dedup → entities →
//! index, giving an immutable [`Library`] that the CLI and the reader share.
//!
//! There is one way in, [`Open`]: the paths, the [`Options`], and where to
//! keep what can be reused ([`Cache`], storage only), which steps to run
//! ([`Steps`]), and who hears of progress. The flow itself is in `flow`;
//! progress is counted in one place, `progress`.
//!
//! An open comes in two halves: [`Open::list`] reads, cleans and merges
//! the articles, and [`Listed::entities`] finds and indexes their entities.
//! The reader shows the list between the two; [`Open::run`] does both.

mod flow;
mod later;
mod progress;
mod steps;

use std::borrow::Cow;
use std::path::PathBuf;
use std::sync::Arc;

use crate::corpus::dedup::DedupOptions;
use crate::corpus::load::LoadOptions;
use crate::corpus::{Corpus, RawDoc, Warning};
use crate::entities::{ArticleParts, EntityIndex};
use crate::state::cache::{Cache, Part, PendingSnapshot};

pub use flow::Walked;
pub use later::Lent;
pub use steps::{Standard, Steps};

/// Everything that tunes a load.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub load: LoadOptions,
    pub dedup: DedupOptions,
    /// How alike articles must be to share a thread. Part of the options
    /// a folder's fingerprint covers, so threads kept in the cache are
    /// found again when it changes.
    pub threads: crate::threads::ThreadOptions,
}

/// A step of the pipeline, for progress reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Walking the folders for article files; counts the files found, with
    /// no total (it is not known until the walk ends).
    Finding,
    Reading,
    /// Learning which short lines repeat across the files (page chrome),
    /// before any is cleaned; counted in documents taken in, then in the
    /// parts of their lines sorted ([`crate::corpus::chrome::SORT_PARTS`]).
    Surveying,
    Cleaning,
    /// Finding the texts that share fingerprints: the candidate
    /// duplicates, counted in steps of that search.
    Comparing,
    Deduplicating,
    Extracting,
    Indexing,
    /// Storing for the next open: after reading, the files read (counted
    /// in rows and documents); at the end, the finished library (the
    /// cache's snapshot, counted in chunks of articles).
    Storing,
}

impl Stage {
    pub fn label(self) -> &'static str {
        match self {
            Stage::Finding => "finding files",
            Stage::Reading => "reading files",
            Stage::Surveying => "finding page chrome",
            Stage::Cleaning => "cleaning",
            Stage::Comparing => "comparing texts",
            Stage::Deduplicating => "merging duplicates",
            Stage::Extracting => "finding entities",
            Stage::Indexing => "indexing",
            Stage::Storing => "storing for the next open",
        }
    }
}

/// How far the pipeline has got: `done` of `total` items in `stage`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub stage: Stage,
    pub done: usize,
    pub total: usize,
}

/// The deduplicated corpus with its entity index. The corpus is shared,
/// so that the list shown before the entities are found and the library
/// shown after hold one copy of the articles.
#[derive(Clone, Debug, Default)]
pub struct Library {
    pub corpus: Arc<Corpus>,
    pub index: EntityIndex,
}

/// Gives the text of a library's article by its index: the library's own
/// ([`own_text`]), or one read from elsewhere (the cache) for a library
/// listed without its texts; `None` when it can no longer be read.
pub type TextOf<'f, 't> = &'f (dyn Fn(usize) -> Option<Cow<'t, str>> + Sync);

/// The one-line reason a command gives when the text of `article`, which
/// a [`TextOf`] was to read, can no longer be read.
pub fn text_gone(article: &crate::corpus::Article) -> String {
    format!("the text of \"{}\" can no longer be read", article.title)
}

/// Returns the text that `library` holds for article `i`.
pub fn own_text(library: &Library, i: usize) -> Option<Cow<'_, str>> {
    library
        .corpus
        .articles
        .get(i)
        .map(|a| Cow::Borrowed(a.text.as_str()))
}

/// The first half of an open ([`Open::list`]): the merged articles, with
/// what finding their entities still needs ([`Listed::entities`]).
pub struct Listed<'a> {
    corpus: Arc<Corpus>,
    rest: later::Rest<'a>,
}

/// What an open reused from the cache and what it had to redo.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// The whole library came from the snapshot.
    pub snapshot_hit: bool,
    /// Files new or changed since the cache last saw them, decoded anew.
    pub files_read: usize,
    /// Files unchanged: their documents came from the cache or, for plain
    /// text and Markdown, which it keeps no copy of, from the file again.
    pub files_reused: usize,
    /// Cached files no longer present, dropped from the cache.
    pub files_removed: usize,
    /// Texts whose entities were extracted anew.
    pub texts_extracted: usize,
    /// Texts whose entities came from the cache.
    pub texts_reused: usize,
    /// The articles came without their bodies, and the index without its
    /// mentions, though the snapshot was not read: an open without text
    /// ([`Open::without_text`]) let them go once they were encoded for the
    /// snapshot it saved.
    pub texts_let_go: bool,
    /// The folder's fingerprint (its files, the options, the engine), by
    /// which what is derived from the library (its threads) is cached;
    /// `None` for the bundled seeds.
    pub fingerprint: Option<u64>,
}

/// Why nothing could be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("no articles could be loaded from {paths}{detail}")]
    Empty { paths: String, detail: String },
}

impl OpenError {
    /// The error for a load of `paths` that gave no article, with the
    /// first reason a file was skipped, so that the one line says why even
    /// where the warnings themselves are not shown (the reader).
    pub fn empty(paths: &[PathBuf], warnings: &[Warning]) -> Self {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        let detail = match warnings {
            [] => " (no readable article files found)".to_owned(),
            [only] => format!(" ({only})"),
            [first, rest @ ..] => format!(" ({first}; {} more file(s) skipped)", rest.len()),
        };
        OpenError::Empty {
            paths: if shown.is_empty() {
                "the bundled seeds".into()
            } else {
                shown.join(", ")
            },
            detail,
        }
    }
}

/// One open of a corpus: what to open and how. Build it with
/// [`Open::new`], adjust it with the other methods, then call
/// [`Open::library`] (or [`Open::run`] for the report too).
///
/// ```no_run
/// # use dossier::pipeline::{Open, Options};
/// let lib = Open::new(&["articles".into()], &Options::default()).library()?;
/// # Ok::<(), dossier::pipeline::OpenError>(())
/// ```
pub struct Open<'a> {
    /// Files or folders; none means the bundled seeds (never cached).
    pub paths: &'a [PathBuf],
    pub options: &'a Options,
    /// Where reusable results are kept; [`Cache::disabled`] by default.
    pub cache: Option<&'a Cache>,
    /// Read nothing from the cache, only refresh it.
    pub rebuild: bool,
    /// The per-file and per-text steps; [`Standard`] by default.
    pub steps: &'a dyn Steps,
    /// Hears every stage's start and its counts as they advance, from any
    /// thread.
    pub progress: &'a (dyn Fn(Progress) + Sync),
    /// Leave the snapshot of a cold or changed open for the caller to save
    /// ([`Opened::pending`]) after showing the library, instead of saving it
    /// before returning.
    pub defer_snapshot: bool,
    /// How much of an unchanged folder's snapshot the caller needs: all
    /// of it by default; see [`Open::without_text`] and
    /// [`Open::with_text_of`]. A folder that changed is opened whole.
    pub texts: Part<'a>,
    /// Hears, between runs of articles whose entities are found, where
    /// each article's text is: see [`Open::lend_texts`].
    pub lend: Option<&'a (dyn Fn(&Lent<'_>) + Sync)>,
}

/// What [`Open::run`] gives.
#[derive(Debug)]
pub struct Opened {
    pub library: Library,
    pub report: Report,
    /// The snapshot still to save, when [`Open::defer_snapshot`] was set and
    /// one is due.
    pub pending: Option<PendingSnapshot>,
}

impl<'a> Open<'a> {
    /// An open of `paths` with `options`: no cache, the standard steps, no
    /// progress reports.
    pub fn new(paths: &'a [PathBuf], options: &'a Options) -> Self {
        Self {
            paths,
            options,
            cache: None,
            rebuild: false,
            steps: &Standard,
            progress: &ignore,
            defer_snapshot: false,
            texts: Part::Whole,
            lend: None,
        }
    }

    /// Keeps and reuses results in `cache`; with `rebuild` nothing is read
    /// from it, only refreshed.
    #[must_use]
    pub fn cache(mut self, cache: &'a Cache, rebuild: bool) -> Self {
        self.cache = Some(cache);
        self.rebuild = rebuild;
        self
    }

    #[must_use]
    pub fn steps(mut self, steps: &'a dyn Steps) -> Self {
        self.steps = steps;
        self
    }

    #[must_use]
    pub fn progress(mut self, progress: &'a (dyn Fn(Progress) + Sync)) -> Self {
        self.progress = progress;
        self
    }

    #[must_use]
    pub fn defer_snapshot(mut self) -> Self {
        self.defer_snapshot = true;
        self
    }

    /// For a caller that lists articles and entities but shows no text:
    /// an unchanged folder's snapshot gives its articles without text,
    /// blocks, end matter or links, and its index without mentions, so that
    /// a warm open decodes none.
    #[must_use]
    pub fn without_text(mut self) -> Self {
        self.texts = Part::Heads;
        self
    }

    /// For a caller that shows the list while the entities are found and
    /// reads each text it shows through `lend` ([`Lent::article`]), which
    /// hears between runs of articles: when a snapshot is due
    /// ([`Listed::lends_texts`]), the texts go as their entities are
    /// found, into the snapshot's encoded bodies ([`Opened::pending`]
    /// with [`Open::defer_snapshot`]), so that the open never holds them
    /// all beside their entities. The caller must then hold no other
    /// reference to the listed corpus ([`Listed::corpus`]): its heads
    /// ([`crate::corpus::Article::head`]) are all it needs to list them.
    #[must_use]
    pub fn lend_texts(mut self, lend: &'a (dyn Fn(&Lent<'_>) + Sync)) -> Self {
        self.lend = Some(lend);
        self
    }

    /// For a caller that shows the text of one article, the one `id`
    /// finds ([`Corpus::find`]): as [`Open::without_text`], but with that
    /// article's text and mentions.
    #[must_use]
    pub fn with_text_of(mut self, id: &'a str) -> Self {
        self.texts = Part::TextOf(id);
        self
    }

    /// Opens the corpus. Fails only when no article at all could be
    /// loaded; cache trouble becomes a warning in the library.
    pub fn run(&self) -> Result<Opened, OpenError> {
        self.list().map(Listed::entities)
    }

    /// Opens the corpus up to its merged articles, the first half of
    /// [`Open::run`]; [`Listed::entities`] is the second. Fails only when
    /// no article at all could be loaded.
    pub fn list(&self) -> Result<Listed<'a>, OpenError> {
        flow::list(self)
    }

    /// The library of the folder's last snapshot, as it was when the
    /// snapshot was taken, without looking at the folder: what a reader
    /// can show at once while [`Open::walk`] checks that it
    /// still holds. Its report's fingerprint is the one the snapshot was
    /// taken with. `None` when the cache holds no snapshot of these paths,
    /// for the bundled seeds (never cached) and for a rebuild.
    pub fn last_snapshot(&self) -> Option<Opened> {
        flow::last_snapshot(self)
    }

    /// Walks the folders, reading no file: their snapshot still holds if
    /// and only if the walk's fingerprint is the one it was taken with
    /// (that of [`Open::last_snapshot`]'s report).
    pub fn walk(&self) -> Walked {
        flow::walk(self)
    }

    /// [`Open::list`] of the files `walked` found, without looking for a
    /// snapshot (the caller has, and the folder no longer matches it).
    pub fn list_walked(&self, walked: Walked) -> Result<Listed<'a>, OpenError> {
        flow::list_walked(self, walked)
    }

    /// [`Open::run`], keeping only the library.
    pub fn library(&self) -> Result<Library, OpenError> {
        self.run().map(|opened| opened.library)
    }
}

/// Opens `paths` without a cache: shorthand for
/// `Open::new(paths, opts).progress(progress).library()`.
pub fn open(
    paths: &[PathBuf],
    opts: &Options,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Library, OpenError> {
    Open::new(paths, opts).progress(progress).library()
}

/// The progress sink of an open nobody watches.
fn ignore(_: Progress) {}

/// Cleans, deduplicates and indexes documents already in memory (tests,
/// fuzzing and benchmarks of the later stages).
pub fn build(
    docs: &[RawDoc],
    warnings: Vec<Warning>,
    opts: &Options,
    progress: &(dyn Fn(Progress) + Sync),
) -> Library {
    flow::build(docs, warnings, opts, &Standard, progress)
}

/// Returns what entity extraction reads of an article: title, author,
/// body and its merged copies' own blocks.
pub fn article_parts(a: &crate::corpus::Article) -> ArticleParts<'_> {
    ArticleParts {
        title: &a.title,
        author: a.author.as_deref(),
        text: &a.text,
        copies: &a.sources,
    }
}
