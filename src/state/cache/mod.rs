//! The cached index: reopening an unchanged folder without reading,
//! cleaning or extracting anything, and reopening a changed one by
//! reprocessing only what changed.
//!
//! Three layers, each keyed by what it depends on:
//! - **Snapshot** (per corpus): the finished [`Library`], valid while the
//!   corpus fingerprint — every file's path, size and mtime, the options and
//!   the engine (dossier version and binary) — is unchanged. A hit costs one
//!   directory walk, run alongside decoding the snapshot, and nothing else.
//! - **Files** (per path): the documents a file decoded into, valid while its
//!   size and mtime match, or, when they changed, while its content hash
//!   (xxh3) matches. Only changed and added files are read; rows of removed
//!   files are dropped.
//! - **Extractions** (per cleaned text, by content hash): the entity
//!   mentions, the most expensive step.
//!
//! Cleaning and deduplication are not cached per file: the chrome model is
//! learned from all documents together (a line is chrome because it repeats
//! across files), so adding one file can change how every other file is
//! cleaned, and duplicates are found across the whole corpus. Both are
//! re-run from the cached documents whenever anything changed; the
//! extraction cache then absorbs the cost for every text that came out the
//! same.
//!
//! A cache that fails is never fatal: the problem becomes one warning and
//! the open proceeds without it. `--rebuild` reads nothing from the cache
//! and refreshes all of it.

mod build;
mod tables;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::StateError;
use super::db::{self, Check};
use crate::corpus::load::{self, FileRef, LoadOptions};
use crate::corpus::{RawDoc, Warning};
use crate::entities::{self, ArticleParts, Mention};
use crate::pipeline::{self, Library, OpenError, Options, Progress, Stage};

pub use build::Report;

/// The per-file and per-text steps of the pipeline, as the cache calls
/// them. [`Standard`] is the real pipeline; tests and benchmarks may supply
/// their own to count or stand in for steps.
pub trait Stages: Sync {
    fn discover(&self, paths: &[PathBuf], opts: &LoadOptions) -> (Vec<FileRef>, Vec<Warning>) {
        load::discover(paths, opts)
    }
    fn read(&self, file: &FileRef, opts: &LoadOptions) -> (Vec<RawDoc>, Vec<Warning>) {
        load::read_file(file, opts)
    }
    fn extract(&self, article: ArticleParts<'_>) -> Vec<Mention> {
        entities::extract_article(article)
    }
}

/// The real pipeline's steps.
pub struct Standard;

impl Stages for Standard {}

/// `cache.db`, or nothing (`--no-state`).
pub struct Cache {
    conn: Option<Connection>,
    path: Option<PathBuf>,
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cache")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Cache {
    /// Opens `cache.db` in `dir` (see [`super::state_dir`]). A corrupt or
    /// newer file is moved aside like `state.db`; the notices say so.
    pub fn open(dir: Option<&Path>) -> Result<(Self, Vec<String>), StateError> {
        let dir = super::state_dir(dir)?;
        Self::open_file(&dir.join("cache.db"))
    }

    pub fn open_file(path: &Path) -> Result<(Self, Vec<String>), StateError> {
        // A full integrity check would read every page of a large file on
        // each start; a damaged page surfaces as an error later, which only
        // costs that open its cache.
        let (conn, notices) = db::open(path, tables::MIGRATIONS, Check::Header)?;
        // Derived data: skip the fsyncs, which halve the time to fill the
        // cache. A killed process still loses nothing (the OS holds the
        // writes); only an OS crash mid-write could damage the file, and a
        // damaged cache is moved aside or ignored, then rebuilt. state.db
        // keeps full WAL safety, which is why the two files are separate.
        conn.pragma_update(None, "synchronous", "OFF")
            .map_err(|source| StateError::Sqlite {
                path: path.to_path_buf(),
                source,
            })?;
        Ok((
            Self {
                conn: Some(conn),
                path: Some(path.to_path_buf()),
            },
            notices,
        ))
    }

    /// No cache: every open processes everything and stores nothing.
    pub fn disabled() -> Self {
        Self {
            conn: None,
            path: None,
        }
    }

    /// Returns the database file, or `None` when disabled.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }
}

/// Opens `paths` like [`pipeline::open`], through `cache`. With `rebuild`
/// the cache is not read, only refreshed. The bundled seeds (no paths) are
/// never cached: they are compiled in.
pub fn open_cached(
    paths: &[PathBuf],
    opts: &Options,
    cache: &Cache,
    rebuild: bool,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Library, OpenError> {
    open_cached_with(&Standard, paths, opts, cache, rebuild, progress).map(|(lib, _)| lib)
}

/// [`open_cached`] with the given steps, also reporting what was reused.
pub fn open_cached_with(
    stages: &dyn Stages,
    paths: &[PathBuf],
    opts: &Options,
    cache: &Cache,
    rebuild: bool,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<(Library, Report), OpenError> {
    let (mut library, report, pending) =
        open_cached_deferred(stages, paths, opts, cache, rebuild, progress)?;
    if let Some(pending) = pending
        && let Some(problem) = pending.save(cache, &library)
    {
        library.corpus.warnings.push(problem);
    }
    Ok((library, report))
}

/// A snapshot still to be written: what [`open_cached_deferred`] leaves
/// for after the library is in the user's hands.
#[derive(Debug)]
#[must_use = "the next open is only fast once the snapshot is saved"]
pub struct PendingSnapshot {
    key: String,
    fingerprint: u64,
}

impl PendingSnapshot {
    /// Stores `library` (the one the open returned) as the corpus's
    /// snapshot; returns the problem, if any, as a warning.
    pub fn save(self, cache: &Cache, library: &Library) -> Option<Warning> {
        let mut db = build::CacheUse::new(cache);
        db.attempt(|c| tables::save_snapshot(c, &self.key, self.fingerprint, library));
        db.problems.pop()
    }
}

/// [`open_cached_with`] without writing the snapshot: the caller shows the
/// library first and then calls [`PendingSnapshot::save`] (on a cold or
/// changed open this saves the user the time of writing the snapshot,
/// about as long as decoding it). `None` when nothing needs saving.
pub fn open_cached_deferred(
    stages: &dyn Stages,
    paths: &[PathBuf],
    opts: &Options,
    cache: &Cache,
    rebuild: bool,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<(Library, Report, Option<PendingSnapshot>), OpenError> {
    if paths.is_empty() {
        return pipeline::open(paths, opts, progress).map(|lib| (lib, Report::default(), None));
    }
    progress(Progress {
        stage: Stage::Reading,
        done: 0,
        total: 0,
    });
    let key = super::corpus_key(paths);
    // Walking the folder and decoding the last snapshot are the whole cost
    // of a warm open, and independent: do both at once, then keep the
    // snapshot only if the folder still matches it.
    let cache_path = cache.path.as_deref().filter(|_| !rebuild);
    let ((files, discover_warnings), snapshot) = rayon::join(
        || stages.discover(paths, &opts.load),
        || read_snapshot(cache_path?, &key),
    );
    let engine = build::Engine::new(opts);
    let fingerprint = engine.corpus_fingerprint(&files);
    if let Some((taken_with, library)) = snapshot
        && taken_with == fingerprint
    {
        let report = Report {
            snapshot_hit: true,
            ..Report::default()
        };
        return Ok((library, report, None));
    }
    let mut db = build::CacheUse::new(cache);
    let (mut library, report) = build::incremental(
        stages,
        paths,
        &files,
        discover_warnings,
        opts,
        &engine,
        &mut db,
        rebuild,
        progress,
    );
    // A snapshot taken after a cache failure would replay that failure's
    // warning on every later open.
    let pending = (cache.conn.is_some() && db.problems.is_empty())
        .then_some(PendingSnapshot { key, fingerprint });
    library.corpus.warnings.extend(db.problems);
    if library.corpus.articles.is_empty() {
        return Err(OpenError::empty(paths, &library.corpus.warnings));
    }
    Ok((library, report, pending))
}

/// Reads the last snapshot of `corpus` through a connection of its own (so
/// it can run beside other work); `None` on any failure, which the full
/// open then meets and reports.
fn read_snapshot(path: &Path, corpus: &str) -> Option<(u64, Library)> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .ok()?;
    conn.busy_timeout(std::time::Duration::from_secs(5)).ok()?;
    tables::load_snapshot(&conn, corpus).ok().flatten()
}
