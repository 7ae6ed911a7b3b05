//! Fingerprints: what cached results were computed by and from. Rows made
//! by another dossier binary or with other options are never reused, and a
//! corpus's snapshot is valid only for the files it was taken from.

use std::path::Path;

use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use crate::corpus::Article;
use crate::corpus::load::FileRef;
use crate::pipeline::Options;

/// Bump when the meaning of a cached row changes without a schema change
/// (2: documents and articles carry `links`; postcard rows are positional,
/// so rows of format 1 cannot be read; 3: mentions carry their location,
/// title and byline mentions included; 4: blobs are zstd-compressed; 5:
/// articles carry `date_source` and dates are normalised to ISO; 6: tabs
/// expand to tab stops, so cleaned text of files with tabs differs; 7: a
/// dateline without a year takes the file's year; 8: a one-column table
/// header joins its table, navigation-only `<nav>` goes, JSON-LD without
/// `@context` gives dates and authors; 9: a merged copy keeps the blocks
/// the canonical article does not hold; 10: a mention holds its length,
/// not its end; 11: an entity lists its articles without counts; 12: a
/// mention is packed in two words; 13: a snapshot's entities leave out
/// their articles, rebuilt from each article's entities; 14: a chunk of
/// mentions holds its texts' keys first; 15: a snapshot body chunk is two
/// frames, its bodies and their mentions; 16: mentions may point into
/// the merged copies' own blocks; 17: an article holds its author's
/// role; 18: and its byline as printed).
const CACHE_FORMAT: u32 = 18;

/// What the cached results were computed by.
pub struct Engine {
    /// The binary: version, cache format, and the executable's size and
    /// mtime (so a rebuilt binary with new rules starts afresh).
    pub(super) base: u64,
    /// `base` plus the load options: the key of file rows.
    pub(super) read: u64,
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

pub(super) fn clamp_ns(ns: u128) -> i64 {
    i64::try_from(ns).unwrap_or(i64::MAX)
}

/// Returns the cache key of a path: absolute, so the same relative path
/// opened from two directories never shares a row.
pub(super) fn path_key(path: &Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

/// Returns the key of an article's extraction: a hash of everything
/// extraction reads (title, author, body, the copies' own blocks).
pub fn extraction_key(a: &Article) -> u64 {
    let mut h = Xxh3::new();
    h.update(a.title.as_bytes());
    h.update(&[0]);
    h.update(a.author.as_deref().unwrap_or_default().as_bytes());
    h.update(&[0]);
    h.update(a.text.as_bytes());
    for block in a.copy_blocks() {
        h.update(&[0]);
        h.update(block.as_bytes());
    }
    h.digest()
}
