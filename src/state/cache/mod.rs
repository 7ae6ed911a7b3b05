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

use std::cell::RefCell;
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
///
/// The connection sits in a `RefCell` so that an open that meets a damaged
/// file can put a fresh one in its place mid-way ([`Cache::heal`]).
pub struct Cache {
    conn: RefCell<Option<Connection>>,
    path: Option<PathBuf>,
    /// Opened read-only (the state directory cannot be written): used for
    /// reading, never written or healed.
    read_only: bool,
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
        // each start; a damaged page surfaces as an error later, and that
        // open moves the file aside and rebuilds it (see `heal`).
        let (conn, notices) = match Self::open_writable(path) {
            Ok(opened) => opened,
            Err(e) => match Self::open_read_only(path) {
                Some(conn) => (
                    conn,
                    vec![format!(
                        "{}: cannot be written ({e}); using the cached index read-only",
                        path.display()
                    )],
                ),
                None => return Err(e),
            },
        };
        Ok((
            Self {
                conn: RefCell::new(Some(conn)),
                path: Some(path.to_path_buf()),
                read_only: notices.iter().any(|n| n.ends_with("read-only")),
            },
            notices,
        ))
    }

    fn open_writable(path: &Path) -> Result<(Connection, Vec<String>), StateError> {
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
        Ok((conn, notices))
    }

    /// Opens an existing cache of the current schema without writing
    /// anything, not even WAL companions (`immutable`), for a state
    /// directory that cannot be written; `None` when that fails too.
    fn open_read_only(path: &Path) -> Option<Connection> {
        if !path.is_file() {
            return None;
        }
        let uri = format!("file:{}?immutable=1", uri_path(path));
        let conn = Connection::open_with_flags(
            uri,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
        )
        .ok()?;
        let version: usize = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .ok()?;
        (version == tables::MIGRATIONS.len()).then_some(conn)
    }

    /// No cache: every open processes everything and stores nothing.
    pub fn disabled() -> Self {
        Self {
            conn: RefCell::new(None),
            path: None,
            read_only: false,
        }
    }

    /// Returns true if and only if the cache is only read, never written.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Runs `f` on the connection; `None` when there is none.
    fn with_conn<T>(&self, f: impl FnOnce(&Connection) -> T) -> Option<T> {
        self.conn.borrow().as_ref().map(f)
    }

    /// Moves a damaged `cache.db` aside (`cache.db.corrupt-<time>`, never
    /// deleted) and puts a fresh, empty one in its place; returns the
    /// one-line notice saying so.
    fn heal(&self, why: &rusqlite::Error) -> Result<String, StateError> {
        let path = self.path.as_deref().ok_or(StateError::NoDataDir)?;
        // Close the damaged file before moving it.
        self.conn.borrow_mut().take();
        let aside = db::move_aside(path)?;
        let (conn, _) = Self::open_writable(path)?;
        *self.conn.borrow_mut() = Some(conn);
        Ok(format!(
            "the cached index was damaged ({why}); moved it to {} and rebuilt it",
            aside.display()
        ))
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
        db.write(|c| tables::save_snapshot(c, &self.key, self.fingerprint, library));
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
    let read_only = cache.read_only;
    let ((files, discover_warnings), snapshot) = rayon::join(
        || stages.discover(paths, &opts.load),
        || read_snapshot(cache_path?, read_only, &key),
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
    let pending = (cache.conn.borrow().is_some() && !cache.read_only && db.problems.is_empty())
        .then_some(PendingSnapshot { key, fingerprint });
    library.corpus.warnings.extend(db.problems);
    if library.corpus.articles.is_empty() {
        return Err(OpenError::empty(paths, &library.corpus.warnings));
    }
    Ok((library, report, pending))
}

/// Returns `path` for an SQLite URI: absolute, with every byte that is
/// not plainly safe percent-encoded.
fn uri_path(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = String::new();
    for &b in absolute.as_os_str().as_encoded_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Reads the last snapshot of `corpus` through a connection of its own (so
/// it can run beside other work); `None` on any failure, which the full
/// open then meets and reports.
fn read_snapshot(path: &Path, read_only: bool, corpus: &str) -> Option<(u64, Library)> {
    let conn = if read_only {
        Cache::open_read_only(path)?
    } else {
        Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .ok()?
    };
    conn.busy_timeout(db::BUSY_TIMEOUT).ok()?;
    tables::load_snapshot(&conn, corpus).ok().flatten()
}
