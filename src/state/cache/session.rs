//! The cache as one open uses it: recall what is stored for the files and
//! texts at hand, and remember what was computed anew. The first failure
//! becomes a warning and turns the cache off for the rest of the open; a
//! damaged file is first moved aside and replaced by a fresh one, and the
//! step tried again. What to compute is the pipeline's business
//! ([`crate::pipeline`]); this is storage only.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use rusqlite::Connection;

use super::fingerprint::{Engine, clamp_ns, path_key};
use super::recall::StoredMentions;
use super::tables::{self, FileDocs, FileRow};
use super::{Cache, EncodedBodies, PendingSnapshot};
use crate::corpus::Warning;
use crate::corpus::formats::Format;
use crate::corpus::load::FileRef;
use crate::entities::Mention;
use crate::state::db;

/// One open's use of the cache.
pub struct Session<'a> {
    cache: Option<&'a Cache>,
    enabled: bool,
    healed: bool,
    /// With `--rebuild`: stored rows are not read, only replaced.
    rebuild: bool,
    /// The key of the corpus being opened ([`crate::state::corpus_key`]).
    corpus: String,
    pub problems: Vec<Warning>,
}

/// What the cache holds for the files of one open.
pub struct Recalled {
    /// Each file's documents when the cache still holds them (size and
    /// mtime match, or the content hash does); `None` where it must be read.
    pub docs: Vec<Option<FileDocs>>,
    /// Files unchanged since they were stored whose documents the cache
    /// does not keep, since reading them again is cheap
    /// ([`Format::cheap_to_reread`]): read again, and nothing of them
    /// stored anew.
    pub reread: Vec<bool>,
    keys: Vec<String>,
    hashes: Vec<Option<u64>>,
    rows: HashMap<String, FileRow>,
    /// Files whose metadata changed but whose content did not.
    touched: Vec<usize>,
}

/// How a discovered file's documents are obtained.
enum Plan {
    /// Size and mtime match the row: decode the cached documents.
    Cached,
    /// Metadata changed: hash the content to see whether it did too.
    Check(FileRow),
    /// Unknown or made by another engine: read and decode.
    Read,
}

impl<'a> Session<'a> {
    /// A session over `cache` (`None`: nothing is stored or recalled) for
    /// the corpus of key `corpus`.
    pub fn new(cache: Option<&'a Cache>, rebuild: bool, corpus: String) -> Self {
        Self {
            enabled: cache.is_some_and(Cache::is_connected),
            cache,
            healed: false,
            rebuild,
            corpus,
            problems: Vec::new(),
        }
    }

    /// Returns true while the cache is in use (not disabled, not failed).
    pub fn is_enabled(&self) -> bool {
        self.enabled
    }

    /// Runs `f` on the connection; `None` when disabled or failed.
    fn attempt<T>(&mut self, mut f: impl FnMut(&Connection) -> rusqlite::Result<T>) -> Option<T> {
        let cache = self.cache.filter(|_| self.enabled)?;
        let error = match cache.with_conn(&mut f)? {
            Ok(v) => return Some(v),
            Err(e) => e,
        };
        if db::is_damaged(&error) && !self.healed && !cache.is_read_only() {
            self.healed = true;
            match cache.heal(&error) {
                Ok(notice) => {
                    self.warn(notice);
                    match cache.with_conn(&mut f)? {
                        Ok(v) => return Some(v),
                        Err(e) => self.fail(&e),
                    }
                }
                Err(e) => self.fail(&e),
            }
            return None;
        }
        self.fail(&error);
        None
    }

    /// Like [`Session::attempt`] for a step that writes: skipped on a
    /// read-only cache.
    fn write<T>(&mut self, f: impl FnMut(&Connection) -> rusqlite::Result<T>) -> Option<T> {
        if self.cache.is_none_or(Cache::is_read_only) {
            return None;
        }
        self.attempt(f)
    }

    fn fail(&mut self, e: &dyn std::fmt::Display) {
        self.enabled = false;
        self.warn(format!("cache not used for this open: {e}"));
    }

    fn warn(&mut self, reason: String) {
        self.problems.push(Warning {
            path: self
                .cache
                .and_then(Cache::path)
                .map_or_else(|| "cache".into(), |p| p.display().to_string()),
            reason,
        });
    }

    /// Returns what the cache holds for `files`: decoded documents of each
    /// file it still knows, in parallel. Files the cache does not hold are
    /// hashed (bounded by `max_size`) so that their rows can be stored.
    pub fn recall_files(&mut self, files: &[FileRef], engine: &Engine, max_size: u64) -> Recalled {
        let rows = if self.rebuild {
            HashMap::new()
        } else {
            self.attempt(tables::file_rows).unwrap_or_default()
        };
        let keys: Vec<String> = if self.enabled {
            files.iter().map(|f| path_key(&f.path)).collect()
        } else {
            Vec::new()
        };
        let plans: Vec<Plan> = files
            .iter()
            .zip(&keys)
            .map(|(f, k)| match rows.get(k) {
                Some(r) if r.engine != engine.read => Plan::Read,
                Some(r) if r.size == f.size && r.mtime_ns == clamp_ns(f.mtime_ns) => Plan::Cached,
                Some(r) => Plan::Check(*r),
                None => Plan::Read,
            })
            .collect();
        // Content hashes of files whose metadata changed, bounded like the
        // read itself: a file over the limit, or one that is no longer a
        // regular file, is not hashed at all. A new file's hash comes with
        // its read (`FileDocs::hash`): hashing it here read every file of
        // a cold open twice.
        let hashes: Vec<Option<u64>> = files
            .par_iter()
            .zip(&plans)
            .map(|(f, plan)| match plan {
                Plan::Check(_) => crate::bounded::hash_capped(&f.path, max_size)
                    .ok()
                    .flatten(),
                Plan::Cached | Plan::Read => None,
            })
            .collect();
        let reusable: Vec<usize> = plans
            .iter()
            .enumerate()
            .filter(|(i, plan)| match plan {
                Plan::Cached => true,
                Plan::Check(row) => hashes[*i] == Some(row.hash),
                Plan::Read => false,
            })
            .map(|(i, _)| i)
            .collect();
        let mut stored = if reusable.is_empty() {
            HashMap::new()
        } else {
            let corpus = self.corpus.clone();
            self.attempt(|c| tables::load_file_docs(c, &corpus, engine.read))
                .unwrap_or_default()
        };
        let mut docs: Vec<Option<FileDocs>> = Vec::new();
        docs.resize_with(files.len(), || None);
        let mut reread = vec![false; files.len()];
        let mut touched = Vec::new();
        for &i in &reusable {
            let found = stored.remove(&keys[i]);
            reread[i] = found.is_none() && Format::cheap_to_reread(&files[i].path);
            if (found.is_some() || reread[i]) && matches!(plans[i], Plan::Check(_)) {
                touched.push(i);
            }
            docs[i] = found;
        }
        drop(stored);
        Recalled {
            docs,
            reread,
            keys,
            hashes,
            rows,
            touched,
        }
    }

    /// Stores the documents of the files read anew (`fresh[i]` for
    /// `files[i]`, `None` where recalled or read again) but those cheap to
    /// read again ([`Format::cheap_to_reread`]), updates the times of files that
    /// were only touched, and drops the rows of files under `roots` that
    /// are gone. Returns how many were dropped. `stored(n, total)` hears
    /// that `n` more of `total` rows and documents are stored, when any
    /// are.
    pub fn remember_files(
        &mut self,
        files: &[FileRef],
        recalled: &Recalled,
        fresh: &[Option<&FileDocs>],
        engine: &Engine,
        roots: &[PathBuf],
        stored: &(dyn Fn(usize, usize) + Sync),
    ) -> usize {
        let Recalled {
            docs,
            keys,
            touched,
            ..
        } = recalled;
        if keys.len() != files.len() || !self.enabled {
            return 0;
        }
        // Every file's documents, recalled or read now, stored together;
        // a file's row without documents says to read it again.
        let all: Vec<(&str, &FileDocs)> = keys
            .iter()
            .zip(fresh.iter().zip(docs))
            .zip(files)
            .filter(|(_, file)| !Format::cheap_to_reread(&file.path))
            .filter_map(|((k, (read, kept)), _)| Some((k.as_str(), read.or(kept.as_ref())?)))
            .collect();
        let total = fresh.iter().flatten().count() + all.len();
        let stored = |n| stored(n, total);
        let removed = self.remember_rows(files, recalled, fresh, engine, roots, &stored);
        if removed == 0 && touched.is_empty() && fresh.iter().all(Option::is_none) {
            return 0;
        }
        let corpus = self.corpus.clone();
        self.write(|c| tables::save_file_docs(c, &corpus, engine.read, &all, &stored));
        removed
    }

    /// Stores the rows (size, time, hash) of files read anew, telling
    /// `stored` of each, touches and drops rows; returns how many were
    /// dropped.
    fn remember_rows(
        &mut self,
        files: &[FileRef],
        recalled: &Recalled,
        fresh: &[Option<&FileDocs>],
        engine: &Engine,
        roots: &[PathBuf],
        stored: &dyn Fn(usize),
    ) -> usize {
        let Recalled {
            keys,
            hashes,
            rows,
            touched,
            ..
        } = recalled;
        self.write(|c| {
            let mut removed = 0;
            let tx = c.unchecked_transaction()?;
            for (i, read) in fresh.iter().enumerate() {
                if let Some(read) = read {
                    let row = FileRow {
                        size: files[i].size,
                        mtime_ns: clamp_ns(files[i].mtime_ns),
                        hash: read.hash.or(hashes[i]).unwrap_or(0),
                        engine: engine.read,
                    };
                    tables::put_file(&tx, &keys[i], row)?;
                    stored(1);
                }
            }
            for &i in touched {
                tables::touch_file(&tx, &keys[i], files[i].size, clamp_ns(files[i].mtime_ns))?;
            }
            let present: HashSet<&str> = keys.iter().map(String::as_str).collect();
            let roots: Vec<String> = roots.iter().map(|r| path_key(r)).collect();
            for gone in rows.keys().filter(|k| !present.contains(k.as_str())) {
                if roots.iter().any(|r| Path::new(gone).starts_with(r)) {
                    tables::delete_file(&tx, gone)?;
                    removed += 1;
                }
            }
            tx.commit()?;
            Ok(removed)
        })
        .unwrap_or(0)
    }

    /// Returns the mentions stored for the texts of `keys` by this engine,
    /// to be taken a run of texts at a time ([`Self::take_extractions`]).
    pub fn recall_extractions(&mut self, keys: &[u64], engine: &Engine) -> StoredMentions {
        if self.rebuild {
            return StoredMentions::default();
        }
        let corpus = self.corpus.clone();
        let blobs = self.attempt(|c| tables::load_extraction_blobs(c, &corpus, engine.base));
        match blobs.map(|b| StoredMentions::new(b, keys)) {
            Some(Ok(stored)) => stored,
            Some(Err(e)) => {
                self.fail(&e);
                StoredMentions::default()
            }
            None => StoredMentions::default(),
        }
    }

    /// Returns the stored mentions of each of `keys` (a run of texts), in
    /// order: `None` for a text never extracted by this engine, and for
    /// every text once a stored chunk could not be decoded (which turns
    /// the cache off for this open).
    pub fn take_extractions(
        &mut self,
        stored: &mut StoredMentions,
        keys: &[u64],
    ) -> Vec<Option<Vec<Mention>>> {
        stored.take(keys).unwrap_or_else(|e| {
            self.fail(&e);
            *stored = StoredMentions::default();
            vec![None; keys.len()]
        })
    }

    /// Returns true if and only if the mentions of this open's texts are
    /// to be encoded for the cache ([`super::encode_extractions`], which
    /// needs no session and so may run beside other work), so that they
    /// can be freed before the rest of the corpus is extracted.
    pub fn stores_extractions(&self) -> bool {
        self.enabled && !self.cache.is_none_or(Cache::is_read_only)
    }

    /// Returns the chunks `encoded` holds, for
    /// [`Self::remember_extraction_chunks`]; none when the encoding
    /// failed, which disables the cache.
    pub fn encoded_extractions(&mut self, encoded: rusqlite::Result<Vec<Vec<u8>>>) -> Vec<Vec<u8>> {
        encoded.unwrap_or_else(|e| {
            self.fail(&e);
            Vec::new()
        })
    }

    /// Stores the mentions of every text of the corpus, encoded by
    /// [`super::encode_extractions`], replacing what was stored before.
    pub fn remember_extraction_chunks(&mut self, engine: &Engine, chunks: &[Vec<u8>]) {
        if !self.enabled {
            return;
        }
        let corpus = self.corpus.clone();
        self.write(|c| tables::save_extraction_chunks(c, &corpus, engine.base, chunks));
    }

    /// Returns the snapshot to save for `corpus` after this open, or `None`
    /// when none should be: no writable cache, or a failure this open (a
    /// snapshot taken then would replay its warning on every later open).
    pub fn pending_snapshot(&self, fingerprint: u64) -> Option<PendingSnapshot> {
        let cache = self.cache?;
        (self.enabled && cache.is_connected() && !cache.is_read_only() && self.problems.is_empty())
            .then(|| PendingSnapshot {
                key: self.corpus.clone(),
                fingerprint,
                encoded: EncodedBodies::default(),
            })
    }
}

impl Session<'_> {
    /// Replaces the stored snapshot of `corpus` with `library`, whose
    /// bodies are partly `encoded` already.
    pub fn save_snapshot(
        &mut self,
        fingerprint: u64,
        library: &crate::pipeline::Library,
        encoded: &EncodedBodies,
        stored: &dyn Fn(usize, usize),
    ) {
        let corpus = self.corpus.clone();
        let encoded = encoded.chunks.as_slice();
        if self
            .write(|c| tables::save_snapshot(c, &corpus, fingerprint, library, encoded, stored))
            .is_some()
            && let Some(cache) = self.cache
        {
            // The snapshot is the last large write of an open.
            cache.empty_log();
        }
    }
}
