//! The incremental build: read only the files that changed, reuse the
//! documents of the others, re-run the corpus-wide steps (chrome, dedup,
//! index) and extract entities only from texts not seen before.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use rusqlite::Connection;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use super::tables::{self, FileDocs, FileRow};
use super::{Cache, Stages};
use crate::corpus::load::FileRef;
use crate::corpus::{Article, RawDoc, Warning};
use crate::entities::Mention;
use crate::pipeline::{self, Library, Options, Progress};
use crate::state::db;

/// Bump when the meaning of a cached row changes without a schema change
/// (2: documents and articles carry `links`; postcard rows are positional,
/// so rows of format 1 cannot be read; 3: mentions carry their location,
/// title and byline mentions included; 4: articles carry `date_source`
/// and dates are normalised to ISO).
const CACHE_FORMAT: u32 = 4;

/// What an open reused and what it had to redo.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// The whole library came from the snapshot.
    pub snapshot_hit: bool,
    /// Files decoded anew.
    pub files_read: usize,
    /// Files whose documents came from the cache.
    pub files_reused: usize,
    /// Cached files no longer present, dropped from the cache.
    pub files_removed: usize,
    /// Texts whose entities were extracted anew.
    pub texts_extracted: usize,
    /// Texts whose entities came from the cache.
    pub texts_reused: usize,
}

/// What the cached results were computed by: rows made by another
/// dossier binary or with other options are never reused.
pub struct Engine {
    /// The binary: version, cache format, and the executable's size and
    /// mtime (so a rebuilt binary with new rules starts afresh).
    base: u64,
    /// `base` plus the load options: the key of file rows.
    read: u64,
    /// `base` plus all options: part of the corpus fingerprint.
    all: u64,
}

impl Engine {
    pub fn new(opts: &Options) -> Self {
        let exe = std::env::current_exe()
            .and_then(std::fs::metadata)
            .map(|m| (m.len(), mtime_ns(&m)))
            .unwrap_or_default();
        let base = xxh3_64(
            format!(
                "{CACHE_FORMAT}|{}|{}|{}",
                env!("CARGO_PKG_VERSION"),
                exe.0,
                exe.1
            )
            .as_bytes(),
        );
        // Debug output covers every field, including ones added later.
        let read = xxh3_64(format!("{base}|{:?}", opts.load).as_bytes());
        let all = xxh3_64(format!("{base}|{opts:?}").as_bytes());
        Self { base, read, all }
    }

    /// Returns the fingerprint of a corpus: the engine, the options, and
    /// every file's path, size and mtime, in order.
    pub fn corpus_fingerprint(&self, files: &[FileRef]) -> u64 {
        let mut h = Xxh3::new();
        h.update(&self.all.to_le_bytes());
        for f in files {
            h.update(f.path.as_os_str().as_encoded_bytes());
            h.update(&[0]);
            h.update(&f.size.to_le_bytes());
            h.update(&f.mtime_ns.to_le_bytes());
        }
        h.digest()
    }
}

fn mtime_ns(m: &std::fs::Metadata) -> i64 {
    m.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}

fn clamp_ns(ns: u128) -> i64 {
    i64::try_from(ns).unwrap_or(i64::MAX)
}

/// The cache as used by one open: the first failure becomes a warning and
/// turns the cache off for the rest of the open; a damaged file is first
/// moved aside and replaced by a fresh one, and the step tried again.
pub struct CacheUse<'a> {
    cache: &'a Cache,
    enabled: bool,
    healed: bool,
    pub problems: Vec<Warning>,
}

impl<'a> CacheUse<'a> {
    pub fn new(cache: &'a Cache) -> Self {
        Self {
            cache,
            enabled: true,
            healed: false,
            problems: Vec::new(),
        }
    }

    /// Runs `f` on the connection; `None` when disabled or failed.
    pub fn attempt<T>(
        &mut self,
        mut f: impl FnMut(&Connection) -> rusqlite::Result<T>,
    ) -> Option<T> {
        if !self.enabled {
            return None;
        }
        let error = match self.cache.with_conn(&mut f)? {
            Ok(v) => return Some(v),
            Err(e) => e,
        };
        if db::is_damaged(&error) && !self.healed && !self.cache.is_read_only() {
            self.healed = true;
            match self.cache.heal(&error) {
                Ok(notice) => {
                    self.warn(notice);
                    match self.cache.with_conn(&mut f)? {
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

    /// Like [`CacheUse::attempt`] for a step that writes: skipped on a
    /// read-only cache.
    pub fn write<T>(&mut self, f: impl FnMut(&Connection) -> rusqlite::Result<T>) -> Option<T> {
        if self.cache.is_read_only() {
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
                .path
                .as_deref()
                .map_or_else(|| "cache".into(), |p| p.display().to_string()),
            reason,
        });
    }
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

/// Builds the library from `files`, reusing what the cache holds.
#[allow(clippy::too_many_arguments)]
pub fn incremental(
    stages: &dyn Stages,
    roots: &[PathBuf],
    files: &[FileRef],
    mut warnings: Vec<Warning>,
    opts: &Options,
    engine: &Engine,
    db: &mut CacheUse<'_>,
    rebuild: bool,
    progress: &(dyn Fn(Progress) + Sync),
) -> (Library, Report) {
    let mut report = Report::default();
    let rows = if rebuild {
        HashMap::new()
    } else {
        db.attempt(tables::file_rows).unwrap_or_default()
    };
    let keys: Vec<String> = files.iter().map(|f| path_key(&f.path)).collect();
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

    // Content hashes of files whose metadata changed, in parallel.
    let hashes: Vec<Option<u64>> = files
        .par_iter()
        .zip(&plans)
        .map(|(f, plan)| match plan {
            // Bounded like the read itself: a file over the limit, or one
            // that is no longer a regular file, is not hashed at all.
            Plan::Check(_) | Plan::Read => {
                crate::bounded::hash_capped(&f.path, opts.load.max_file_size)
                    .ok()
                    .flatten()
            }
            Plan::Cached => None,
        })
        .collect();

    // Cached blobs: for unchanged files, and for touched files whose
    // content hash still matches.
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
    let wanted: Vec<&str> = reusable.iter().map(|&i| keys[i].as_str()).collect();
    let found = db
        .attempt(|c| tables::file_docs_blobs(c, &wanted))
        .unwrap_or_default();
    let mut blobs: Vec<Option<Vec<u8>>> = vec![None; files.len()];
    let mut touched = Vec::new();
    for (&i, blob) in reusable.iter().zip(found) {
        if blob.is_some() && matches!(plans[i], Plan::Check(_)) {
            touched.push(i);
        }
        blobs[i] = blob;
    }
    let mut outcomes: Vec<(FileDocs, bool)> = files
        .par_iter()
        .zip(&blobs)
        .map(|(f, blob)| {
            let (mut docs, fresh) =
                if let Some(docs) = blob.as_deref().and_then(|b| tables::decode(b).ok()) {
                    (docs, false)
                } else {
                    let (docs, warnings) = stages.read(f, &opts.load);
                    (FileDocs { docs, warnings }, true)
                };
            // [story] The file time is not in the blob (a touched file
            // keeps its blob): it comes from the walk, read or cached alike.
            for doc in &mut docs.docs {
                doc.mtime_ns = Some(clamp_ns(f.mtime_ns)).filter(|&t| t > 0);
            }
            (docs, fresh)
        })
        .collect();
    drop(blobs);

    db.write(|c| {
        let tx = c.unchecked_transaction()?;
        for (i, (docs, fresh)) in outcomes.iter().enumerate() {
            if *fresh {
                let row = FileRow {
                    size: files[i].size,
                    mtime_ns: clamp_ns(files[i].mtime_ns),
                    hash: hashes[i].unwrap_or(0),
                    engine: engine.read,
                };
                tables::put_file(&tx, &keys[i], row, docs)?;
            }
        }
        for &i in &touched {
            tables::touch_file(&tx, &keys[i], files[i].size, clamp_ns(files[i].mtime_ns))?;
        }
        let present: HashSet<&str> = keys.iter().map(String::as_str).collect();
        let roots: Vec<String> = roots.iter().map(|r| path_key(r)).collect();
        for gone in rows.keys().filter(|k| !present.contains(k.as_str())) {
            if roots.iter().any(|r| Path::new(gone).starts_with(r)) {
                tables::delete_file(&tx, gone)?;
                report.files_removed += 1;
            }
        }
        tx.commit()
    });

    let mut docs: Vec<RawDoc> = Vec::new();
    for (file_docs, fresh) in &mut outcomes {
        if *fresh {
            report.files_read += 1;
        } else {
            report.files_reused += 1;
        }
        docs.append(&mut file_docs.docs);
        warnings.append(&mut file_docs.warnings);
    }
    drop(outcomes);
    let library = build(
        stages,
        &docs,
        warnings,
        opts,
        engine,
        db,
        rebuild,
        &mut report,
        progress,
    );
    (library, report)
}

/// Returns the cache key of a path: absolute, so the same relative path
/// opened from two directories never shares a row.
fn path_key(path: &Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

/// Returns the key of an article's extraction: a hash of everything
/// extraction reads (title, author, body).
fn extraction_key(a: &Article) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(a.title.as_bytes());
    h.update(&[0]);
    h.update(a.author.as_deref().unwrap_or_default().as_bytes());
    h.update(&[0]);
    h.update(a.text.as_bytes());
    h.digest()
}

/// [`crate::pipeline::build_with`] with the entity extraction cached per
/// text.
#[allow(clippy::too_many_arguments)]
fn build(
    stages: &dyn Stages,
    docs: &[RawDoc],
    warnings: Vec<Warning>,
    opts: &Options,
    engine: &Engine,
    db: &mut CacheUse<'_>,
    rebuild: bool,
    report: &mut Report,
    progress: &(dyn Fn(Progress) + Sync),
) -> Library {
    pipeline::build_with(docs, warnings, opts, progress, |articles| {
        extract_cached(stages, articles, engine, db, rebuild, report)
    })
}

/// Returns each article's mentions, from the cache where its text was
/// extracted before, else extracted now and stored.
fn extract_cached(
    stages: &dyn Stages,
    articles: &[Article],
    engine: &Engine,
    db: &mut CacheUse<'_>,
    rebuild: bool,
    report: &mut Report,
) -> Vec<Vec<Mention>> {
    let text_hashes: Vec<u64> = articles.par_iter().map(extraction_key).collect();
    let mut cached: Vec<Option<Vec<Mention>>> = if rebuild {
        Vec::new()
    } else {
        db.attempt(|c| tables::extractions(c, &text_hashes, engine.base))
            .unwrap_or_default()
    };
    cached.resize(articles.len(), None);
    let mentions: Vec<(Vec<Mention>, bool)> = articles
        .par_iter()
        .zip(cached)
        .map(|(a, hit)| match hit {
            Some(m) => (m, false),
            None => (stages.extract(pipeline::article_parts(a)), true),
        })
        .collect();
    db.write(|c| {
        let tx = c.unchecked_transaction()?;
        tables::prune_extractions(&tx, engine.base)?;
        for ((m, fresh), &h) in mentions.iter().zip(&text_hashes) {
            if *fresh {
                tables::put_extraction(&tx, h, engine.base, m)?;
            }
        }
        tx.commit()
    });
    mentions
        .into_iter()
        .map(|(m, fresh)| {
            if fresh {
                report.texts_extracted += 1;
            } else {
                report.texts_reused += 1;
            }
            m
        })
        .collect()
}
