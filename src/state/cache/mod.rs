//! The cached index: storage that lets [`crate::pipeline`] reopen an
//! unchanged folder without reading, cleaning or extracting anything, and
//! a changed one by reprocessing only what changed. This module stores and
//! fingerprints; the pipeline decides what to compute.
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

mod bodies;
mod fingerprint;
mod recall;
mod session;
mod tables;

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use rusqlite::{Connection, OpenFlags};

use super::StateError;
use super::db::{self, Check};
use crate::corpus::Warning;
use crate::pipeline::Library;
use crate::threads::Thread;

pub use bodies::{ArticleBody, Bodies, BodySource, shared_text};
pub use fingerprint::{Engine, extraction_key};
pub use recall::StoredMentions;
pub use session::{Recalled, Session};
pub use tables::{FileDocs, Part, encode_extractions};

/// `cache.db`, or nothing (`--no-state`).
///
/// The connection sits in a `RefCell` so that an open that meets a damaged
/// file can put a fresh one in its place mid-way (`Cache::heal`).
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

    /// Returns true if and only if a database is open.
    pub fn is_connected(&self) -> bool {
        self.conn.borrow().is_some()
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

    /// Returns the threads stored for `corpus` at `fingerprint`, if any
    /// and if every one of them points into its `articles` articles.
    pub fn threads(&self, corpus: &str, fingerprint: u64, articles: usize) -> Option<Vec<Thread>> {
        let list = self
            .with_conn(|c| tables::load_threads(c, corpus, fingerprint))?
            .ok()
            .flatten()?;
        let fits = |t: &Thread| t.central < articles && t.articles.iter().all(|&a| a < articles);
        list.iter().all(fits).then_some(list)
    }

    /// Stores the threads of `corpus` at `fingerprint`; a failure is
    /// returned as a warning (the threads are found again next time).
    pub fn save_threads(
        &self,
        corpus: &str,
        fingerprint: u64,
        threads: &[Thread],
    ) -> Option<Warning> {
        if self.read_only {
            return None;
        }
        let failed = self.with_conn(|c| tables::save_threads(c, corpus, fingerprint, threads))?;
        failed.err().map(|e| Warning {
            path: self
                .path
                .as_deref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            reason: format!("cannot store the threads: {e}"),
        })
    }

    /// Empties the write-ahead log into the file ([`db::empty_log`]) after
    /// a large write; a failure only leaves the log for later.
    fn empty_log(&self) {
        if !self.read_only {
            let _ = self.with_conn(db::empty_log);
        }
    }

    /// Returns the database file, or `None` when disabled.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }
}

/// A snapshot still to be written: what an open with
/// [`crate::pipeline::Open::defer_snapshot`] leaves for after the library
/// is in the user's hands (on a cold or changed open this saves the user
/// the time of writing the snapshot, about as long as decoding it).
#[derive(Debug)]
#[must_use = "the next open is only fast once the snapshot is saved"]
pub struct PendingSnapshot {
    key: String,
    fingerprint: u64,
    /// The bodies encoded while the entities were found, whose articles
    /// let their texts go ([`crate::pipeline::Open::lend_texts`]).
    encoded: EncodedBodies,
}

impl PendingSnapshot {
    /// The corpus fingerprint the snapshot is taken with.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// Stores `library` (the one the open returned) as the corpus's
    /// snapshot; returns the problem, if any, as a warning.
    pub fn save(self, cache: &Cache, library: &Library) -> Option<Warning> {
        self.store(cache, library)
    }

    /// [`Self::save`], keeping what it holds: when the save fails, the
    /// texts that went for it can be put back ([`Self::with_texts`]).
    pub fn store(&self, cache: &Cache, library: &Library) -> Option<Warning> {
        self.save_encoded(cache, library, &self.encoded, &|_, _| {})
    }

    /// [`Self::save`] for a library whose articles' bodies are `encoded`
    /// already, in part or whole: those articles need no text any more.
    /// `stored(n, total)` hears that `n` more of `total` chunks are stored
    /// (`stored(0, total)` first).
    pub fn save_encoded(
        &self,
        cache: &Cache,
        library: &Library,
        encoded: &EncodedBodies,
        stored: &dyn Fn(usize, usize),
    ) -> Option<Warning> {
        let mut session = Session::new(Some(cache), false, self.key.clone());
        session.save_snapshot(self.fingerprint, library, encoded, stored);
        session.problems.pop()
    }

    /// The snapshot of a library whose articles let go of the bodies
    /// `encoded`.
    pub(crate) fn with_bodies(self, encoded: EncodedBodies) -> Self {
        Self { encoded, ..self }
    }

    /// Returns true if and only if articles of the library let their
    /// texts go for this snapshot: they are in it, and nowhere else.
    pub fn holds_texts(&self) -> bool {
        self.encoded.holds_any()
    }

    /// Returns a copy of `library` with the texts it let go for this
    /// snapshot put back: for a caller whose snapshot could not be saved.
    pub fn with_texts(&self, library: &Library) -> Library {
        let mut copy = library.clone();
        self.encoded
            .put_back(&mut Arc::make_mut(&mut copy.corpus).articles);
        copy
    }
}

/// The bodies (text, blocks, end matter, links) of a snapshot's articles,
/// encoded before it is saved, a chunk of [`EncodedBodies::ARTICLES`]
/// articles at a time: once its chunk is encoded, an article's text is
/// needed no more by the snapshot, and an open whose caller shows no text
/// lets it go (at 100,000 articles the texts were half of the memory at
/// the end of an open that fills the cache).
#[derive(Debug, Default)]
pub struct EncodedBodies {
    /// By chunk, in order; `None` for a chunk that could not be encoded,
    /// whose texts must then stay for the save to encode them.
    chunks: Vec<Option<Vec<u8>>>,
}

impl EncodedBodies {
    /// Articles per chunk: chunk `k` holds articles `k * ARTICLES ..`.
    pub const ARTICLES: usize = tables::CHUNK;

    /// Returns how many chunks were added so far.
    pub fn chunks_added(&self) -> usize {
        self.chunks.len()
    }

    /// Returns true if and only if some chunk was encoded: its articles'
    /// bodies may be gone.
    pub fn holds_any(&self) -> bool {
        self.chunks.iter().any(Option::is_some)
    }

    /// Encodes the bodies of `articles`, a whole chunk (the last may be
    /// short); `None` if that failed.
    pub fn encode(articles: &[crate::corpus::Article]) -> Option<Vec<u8>> {
        tables::encode_bodies(articles).ok()
    }

    /// Adds the next chunk, as [`Self::encode`] gave it.
    pub fn push(&mut self, chunk: Option<Vec<u8>>) {
        self.chunks.push(chunk);
    }

    /// Returns the body of article `i` when its chunk was encoded (the
    /// article may have let it go), without mentions; `None` otherwise.
    pub fn body(&self, i: usize) -> Option<ArticleBody> {
        let encoded = self.chunks.get(i / Self::ARTICLES)?.as_deref()?;
        bodies::encoded_bodies(encoded, i % Self::ARTICLES, 1)
            .ok()?
            .pop()
    }

    /// Puts the encoded bodies back into `articles` (the articles they
    /// were encoded from, which let them go).
    pub fn put_back(&self, articles: &mut [crate::corpus::Article]) {
        let decoded: Vec<(usize, Vec<ArticleBody>)> = self
            .chunks
            .par_iter()
            .enumerate()
            .filter_map(|(k, chunk)| {
                let bytes = chunk.as_deref()?;
                let bodies = bodies::encoded_bodies(bytes, 0, Self::ARTICLES).ok()?;
                Some((k * Self::ARTICLES, bodies))
            })
            .collect();
        for (start, bodies) in decoded {
            for (article, body) in articles.iter_mut().skip(start).zip(bodies) {
                body.put_into(article);
            }
        }
    }
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
/// `path` and `read_only` are the cache's ([`Cache::path`],
/// [`Cache::is_read_only`]): the cache itself stays on the caller's thread.
/// `part` says whether the texts are wanted too.
pub fn read_snapshot(
    path: &Path,
    read_only: bool,
    corpus: &str,
    part: Part<'_>,
) -> Option<(u64, Library)> {
    let conn = reading_connection(path, read_only).ok()?;
    tables::load_snapshot(&conn, corpus, part).ok().flatten()
}

/// Opens the cache at `path` for reading only, beside the connection
/// that writes it (`read_only`: the cache's, [`Cache::is_read_only`]).
fn reading_connection(path: &Path, read_only: bool) -> rusqlite::Result<Connection> {
    let conn = if read_only {
        Cache::open_read_only(path).ok_or(rusqlite::Error::InvalidPath(path.to_path_buf()))?
    } else {
        Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?
    };
    conn.busy_timeout(db::BUSY_TIMEOUT)?;
    Ok(conn)
}
