//! The tables of `cache.db` and their rows: what was read from each file,
//! what extraction found in each text, and a snapshot of each corpus's
//! finished library, stored in chunks that decode in parallel.
//!
//! Blobs are postcard-encoded (compact, and several times faster to decode
//! than JSON), then zstd-compressed: stored text shrinks about threefold
//! and decompresses at several hundred MB/s a core, so the state directory
//! stays smaller than the folder it indexes without slowing a warm open.
//! Snapshot chunks, which hold thousands of articles, are compressed with
//! a long window that also finds the paragraphs articles share. Hashes are 64-bit xxh3 values stored bit-for-bit in SQLite's
//! signed integers.

use std::borrow::Cow;
use std::collections::HashMap;

use rayon::prelude::*;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::corpus::{Article, Block, Corpus, DateSource, RawDoc, Source, Warning};
use crate::entities::index::{Lists, Slice};
use crate::entities::{Entity, EntityId, EntityIndex, EntityKind, IndexedMention, Mention};
use crate::pipeline::Library;
use crate::threads::Thread;

/// The schema of `cache.db`, oldest first (see [`crate::state::db`]).
/// `files.docs` is no longer written (documents live in `file_chunks`).
pub const MIGRATIONS: &[&str] = &[
    "CREATE TABLE files (
        path     TEXT PRIMARY KEY NOT NULL,
        size     INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        hash     INTEGER NOT NULL,
        engine   INTEGER NOT NULL,
        docs     BLOB NOT NULL
    );
    CREATE TABLE extractions (
        text_hash INTEGER NOT NULL,
        engine    INTEGER NOT NULL,
        mentions  BLOB NOT NULL,
        PRIMARY KEY (text_hash, engine)
    ) WITHOUT ROWID;
    CREATE TABLE snapshots (
        corpus      TEXT PRIMARY KEY NOT NULL,
        fingerprint INTEGER NOT NULL,
        header      BLOB NOT NULL
    );
    CREATE TABLE snapshot_chunks (
        corpus TEXT NOT NULL,
        seq    INTEGER NOT NULL,
        data   BLOB NOT NULL,
        PRIMARY KEY (corpus, seq)
    );",
    // Documents and extractions move into per-corpus chunks, compressed
    // together; the rows of files keep only what decides reuse.
    "DELETE FROM files;
    DROP TABLE extractions;
    DELETE FROM snapshots;
    DELETE FROM snapshot_chunks;
    CREATE TABLE file_chunks (
        corpus TEXT NOT NULL,
        engine INTEGER NOT NULL,
        seq    INTEGER NOT NULL,
        data   BLOB NOT NULL,
        PRIMARY KEY (corpus, seq)
    );
    CREATE TABLE extraction_chunks (
        corpus TEXT NOT NULL,
        engine INTEGER NOT NULL,
        seq    INTEGER NOT NULL,
        data   BLOB NOT NULL,
        PRIMARY KEY (corpus, seq)
    );",
    // A snapshot chunk splits in two: `snapshot_chunks` keeps what the
    // list shows (titles, dates, sources, each article's entities), and
    // `snapshot_bodies` the texts with their mentions, so that a command
    // that shows no text decodes none.
    "DELETE FROM snapshots;
    DELETE FROM snapshot_chunks;
    CREATE TABLE snapshot_bodies (
        corpus TEXT NOT NULL,
        seq    INTEGER NOT NULL,
        data   BLOB NOT NULL,
        PRIMARY KEY (corpus, seq)
    );",
    // The threads of a corpus, found once per state of its folder.
    "CREATE TABLE threads (
        corpus      TEXT PRIMARY KEY NOT NULL,
        fingerprint INTEGER NOT NULL,
        data        BLOB NOT NULL
    );",
];

/// Articles per snapshot chunk: small enough to spread over the cores,
/// large enough that per-row overhead does not show.
pub(super) const CHUNK: usize = 2_000;

/// Stores a u64 hash in an SQLite integer, bit for bit.
pub fn to_sql(h: u64) -> i64 {
    i64::from_ne_bytes(h.to_ne_bytes())
}

pub(super) fn from_sql(v: i64) -> u64 {
    u64::from_ne_bytes(v.to_ne_bytes())
}

/// What is remembered of one file, without its documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileRow {
    pub size: u64,
    pub mtime_ns: i64,
    pub hash: u64,
    pub engine: u64,
}

/// The documents and warnings one file gave.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct FileDocs {
    pub docs: Vec<RawDoc>,
    pub warnings: Vec<Warning>,
    /// The hash of the file's content when it was just read (its row
    /// keeps it); not stored with the documents.
    #[serde(skip)]
    pub hash: Option<u64>,
}

impl From<crate::corpus::load::FileRead> for FileDocs {
    fn from(read: crate::corpus::load::FileRead) -> Self {
        Self {
            docs: read.docs,
            warnings: read.warnings,
            hash: read.hash,
        }
    }
}

#[derive(Deserialize)]
struct Header {
    warnings: Vec<Warning>,
    entities: Vec<EntityHead>,
}

/// The encoding side of [`Header`]: borrows, so saving copies nothing.
#[derive(Serialize)]
struct HeaderRef<'a> {
    warnings: &'a [Warning],
    entities: Vec<EntityHeadRef<'a>>,
}

/// What a snapshot keeps of an entity: all but its articles, which are the
/// chunks' lists of each article's entities seen from the other side, and
/// are rebuilt from them ([`EntityIndex::restore_articles`]). Kept, they
/// were eight million numbers at 100,000 articles, decoded on one core
/// before anything could be listed.
#[derive(Deserialize)]
struct EntityHead {
    name: String,
    kind: EntityKind,
    aliases: Vec<String>,
    mentions: u32,
    country: Option<String>,
}

impl EntityHead {
    fn into_entity(self) -> Entity {
        Entity {
            name: self.name,
            kind: self.kind,
            aliases: self.aliases,
            articles: Vec::new(),
            mentions: self.mentions,
            country: self.country,
        }
    }
}

/// The encoding side of [`EntityHead`], borrowed from the entity.
#[derive(Serialize)]
struct EntityHeadRef<'a> {
    name: &'a str,
    kind: EntityKind,
    aliases: &'a [String],
    mentions: u32,
    country: &'a Option<String>,
}

impl<'a> EntityHeadRef<'a> {
    fn of(e: &'a Entity) -> Self {
        Self {
            name: &e.name,
            kind: e.kind,
            aliases: &e.aliases,
            mentions: e.mentions,
            country: &e.country,
        }
    }
}

/// What a snapshot holds of an article besides its text: all that the
/// list, `dupes` and the entity commands show.
#[derive(Deserialize)]
pub(super) struct Head {
    pub(super) id: String,
    title: String,
    author: Option<String>,
    author_role: Option<String>,
    author_credit: Option<String>,
    date: Option<String>,
    date_source: Option<DateSource>,
    source: Option<String>,
    url: Option<String>,
    words: usize,
    sources: Vec<Source>,
}

/// The encoding side of [`Head`], borrowed from the article.
#[derive(Serialize)]
struct HeadRef<'a> {
    id: &'a str,
    title: &'a str,
    author: &'a Option<String>,
    author_role: &'a Option<String>,
    author_credit: &'a Option<String>,
    date: &'a Option<String>,
    date_source: &'a Option<DateSource>,
    source: &'a Option<String>,
    url: &'a Option<String>,
    words: usize,
    sources: &'a [Source],
}

impl<'a> HeadRef<'a> {
    fn of(a: &'a Article) -> Self {
        Self {
            id: &a.id,
            title: &a.title,
            author: &a.author,
            author_role: &a.author_role,
            author_credit: &a.author_credit,
            date: &a.date,
            date_source: &a.date_source,
            source: &a.source,
            url: &a.url,
            words: a.words,
            sources: &a.sources,
        }
    }
}

/// The text of an article and what points into it.
#[derive(Deserialize, Default)]
struct Body {
    text: String,
    blocks: Vec<Block>,
    end_matter: Vec<String>,
    links: Vec<String>,
}

#[derive(Serialize)]
struct BodyRef<'a> {
    text: &'a str,
    blocks: &'a [Block],
    end_matter: &'a [String],
    links: &'a [String],
}

impl<'a> BodyRef<'a> {
    fn of(a: &'a Article) -> Self {
        Self {
            text: &a.text,
            blocks: &a.blocks,
            end_matter: &a.end_matter,
            links: &a.links,
        }
    }
}

/// The heads of one chunk of articles, with their entities.
#[derive(Deserialize)]
pub(super) struct HeadChunk {
    pub(super) heads: Vec<Head>,
    article_entities: Lists<(EntityId, u32)>,
    derived: Vec<Vec<(EntityId, EntityId)>>,
}

#[derive(Serialize)]
struct HeadChunkRef<'a> {
    heads: Vec<HeadRef<'a>>,
    article_entities: Slice<'a, (EntityId, u32)>,
    derived: &'a [Vec<(EntityId, EntityId)>],
}

/// The bodies of the same chunk of articles, with their mentions (spans
/// into the text): stored as two zstd frames, the bodies and then the
/// mentions (see [`encode_bodies`]).
#[derive(Deserialize)]
struct BodyChunk {
    bodies: Vec<Body>,
    mentions: Lists<IndexedMention>,
}

/// How much of a snapshot to decode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part<'a> {
    /// Everything.
    Whole,
    /// All but the texts: articles come with an empty text, no blocks, end
    /// matter or links, and the index with no mentions (see
    /// [`crate::pipeline::Open::without_text`]).
    Heads,
    /// The heads, and the text and mentions of the one article this id
    /// finds (see [`Corpus::find`]) and of no other.
    TextOf(&'a str),
}

/// zstd level of small rows (one file, one text): fast, about threefold.
const LEVEL: i32 = 3;
/// The window of snapshot chunks (2^24 bytes: a whole chunk), searched
/// with long-distance matching for text that recurs across articles.
const CHUNK_WINDOW_LOG: u32 = 24;

pub fn encode<T: Serialize>(value: &T) -> rusqlite::Result<Vec<u8>> {
    let raw = postcard::to_allocvec(value).map_err(to_sql_error)?;
    let compressed = zstd::bulk::compress(&raw, LEVEL).map_err(to_sql_error)?;
    Ok(crate::memory::exact(compressed))
}

/// [`encode`] for a large blob: long-distance matching over a wide window.
fn encode_large<T: Serialize + ?Sized>(value: &T) -> rusqlite::Result<Vec<u8>> {
    use zstd::zstd_safe::CParameter;
    let raw = postcard::to_allocvec(value).map_err(to_sql_error)?;
    let mut compressor = zstd::bulk::Compressor::new(LEVEL).map_err(to_sql_error)?;
    compressor
        .set_parameter(CParameter::EnableLongDistanceMatching(true))
        .and_then(|()| compressor.set_parameter(CParameter::WindowLog(CHUNK_WINDOW_LOG)))
        .map_err(to_sql_error)?;
    let compressed = compressor.compress(&raw).map_err(to_sql_error)?;
    // The buffer was sized for the worst case, the raw size: a corpus's
    // mentions kept encoded until they are stored held 250 MB more than
    // their 59 MB at 100,000 articles.
    Ok(crate::memory::exact(compressed))
}

/// The largest blob decompressed in one call (a snapshot chunk is a few
/// tens of MB).
const MAX_ONE_SHOT: usize = 256 << 20;

pub fn decode<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> rusqlite::Result<T> {
    postcard::from_bytes(&decompress(bytes)?).map_err(from_sql_error)
}

/// Returns the postcard bytes of a blob written by [`encode`] or
/// [`encode_large`], for a caller that decodes them (in part) itself.
pub(super) fn decompress(bytes: &[u8]) -> rusqlite::Result<Vec<u8>> {
    // Frames written here record their size: decompress in one call into a
    // buffer of that size rather than growing one while streaming.
    // A damaged header must not ask for a huge buffer: larger frames
    // stream, growing only with what they really hold.
    let size = content_size(bytes).filter(|&n| n <= MAX_ONE_SHOT);
    match size {
        Some(n) => zstd::bulk::decompress(bytes, n),
        None => zstd::stream::decode_all(bytes),
    }
    .map_err(from_sql_error)
}

/// Returns the size `bytes` decompress to, as their frames record it: a
/// snapshot's body chunk is two frames, its bodies and then their
/// mentions (see [`encode_bodies`]). `None` when a frame does not say.
fn content_size(bytes: &[u8]) -> Option<usize> {
    use zstd::zstd_safe;
    let mut rest = bytes;
    let mut total = 0usize;
    while !rest.is_empty() {
        let size = zstd_safe::get_frame_content_size(rest).ok().flatten()?;
        let frame = zstd_safe::find_frame_compressed_size(rest)
            .ok()
            .filter(|&n| n > 0)?;
        total = total.checked_add(usize::try_from(size).ok()?)?;
        rest = rest.get(frame..)?;
    }
    Some(total)
}

/// Decodes postcard `bytes`, borrowing from them where `T` does.
pub(super) fn decode_borrowed<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> rusqlite::Result<T> {
    postcard::from_bytes(bytes).map_err(from_sql_error)
}

fn to_sql_error(e: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::ToSqlConversionFailure(Box::new(e))
}

fn from_sql_error(e: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Blob, Box::new(e))
}

/// Returns every file row, by path.
pub fn file_rows(conn: &Connection) -> rusqlite::Result<HashMap<String, FileRow>> {
    let mut stmt = conn.prepare("SELECT path, size, mtime_ns, hash, engine FROM files")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            FileRow {
                size: r.get(1)?,
                mtime_ns: r.get(2)?,
                hash: from_sql(r.get(3)?),
                engine: from_sql(r.get(4)?),
            },
        ))
    })?;
    rows.collect()
}

/// Files or texts per stored chunk: large enough for the compressor to
/// find what they share, small enough to spread over the cores.
const ROWS_PER_CHUNK: usize = 1_000;

/// Inserts or replaces one file's row (its documents are stored with the
/// corpus's, [`save_file_docs`]).
pub fn put_file(conn: &Connection, path: &str, row: FileRow) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO files (path, size, mtime_ns, hash, engine, docs)
         VALUES (?1, ?2, ?3, ?4, ?5, x'')",
    )?
    .execute(params![
        path,
        row.size,
        row.mtime_ns,
        to_sql(row.hash),
        to_sql(row.engine)
    ])
    .map(drop)
}

/// Updates the size and time of a file whose content did not change.
pub fn touch_file(conn: &Connection, path: &str, size: u64, mtime_ns: i64) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE files SET size = ?2, mtime_ns = ?3 WHERE path = ?1")?
        .execute(params![path, size, mtime_ns])
        .map(drop)
}

pub fn delete_file(conn: &Connection, path: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM files WHERE path = ?1")?
        .execute([path])
        .map(drop)
}

/// The chunked tables: rows of one corpus, stored together.
#[derive(Clone, Copy)]
enum Chunked {
    Files,
    Extractions,
}

impl Chunked {
    fn table(self) -> &'static str {
        match self {
            Chunked::Files => "file_chunks",
            Chunked::Extractions => "extraction_chunks",
        }
    }
}

/// Returns the blobs of one corpus's chunks made by `engine`, in order.
fn chunk_blobs(
    conn: &Connection,
    table: Chunked,
    corpus: &str,
    engine: u64,
) -> rusqlite::Result<Vec<Vec<u8>>> {
    let sql = format!(
        "SELECT data FROM {} WHERE corpus = ?1 AND engine = ?2 ORDER BY seq",
        table.table()
    );
    conn.prepare(&sql)?
        .query_map(params![corpus, to_sql(engine)], |r| r.get(0))?
        .collect()
}

/// Replaces one corpus's chunks with `rows`, encoded in parallel, in one
/// transaction.
fn save_chunks<T: Serialize + Sync>(
    conn: &Connection,
    table: Chunked,
    corpus: &str,
    engine: u64,
    rows: &[T],
    stored: &(dyn Fn(usize) + Sync),
) -> rusqlite::Result<()> {
    let chunks: Vec<&[T]> = rows.chunks(ROWS_PER_CHUNK).collect();
    replace_chunks(conn, table, corpus, engine, chunks.len(), |k| {
        let encoded = encode_large(chunks[k]).map(Cow::Owned);
        stored(chunks[k].len());
        encoded
    })
}

/// Chunks encoded at a time while they are stored: a few per core, so
/// that the encoding keeps every core busy while only these few are in
/// memory, not the whole corpus encoded (which held 370 MB more at the
/// end of reading 100,000 files).
fn chunks_at_a_time() -> usize {
    2 * rayon::current_num_threads().max(1)
}

/// Replaces one corpus's chunks with `blobs`, in one transaction.
fn save_blobs(
    conn: &Connection,
    table: Chunked,
    corpus: &str,
    engine: u64,
    blobs: &[Vec<u8>],
) -> rusqlite::Result<()> {
    replace_chunks(conn, table, corpus, engine, blobs.len(), |k| {
        Ok(Cow::Borrowed(&blobs[k]))
    })
}

/// Replaces one corpus's chunks with the `count` chunks `chunk(k)` gives,
/// in one transaction, making [`chunks_at_a_time`] of them at once.
fn replace_chunks<'a>(
    conn: &Connection,
    table: Chunked,
    corpus: &str,
    engine: u64,
    count: usize,
    chunk: impl Fn(usize) -> rusqlite::Result<Cow<'a, [u8]>> + Sync,
) -> rusqlite::Result<()> {
    let table = table.table();
    let tx = conn.unchecked_transaction()?;
    tx.execute(&format!("DELETE FROM {table} WHERE corpus = ?1"), [corpus])?;
    {
        let mut insert = tx.prepare(&format!(
            "INSERT INTO {table} (corpus, engine, seq, data) VALUES (?1, ?2, ?3, ?4)"
        ))?;
        in_groups(count, chunk, |seq, data| {
            insert
                .execute(params![corpus, to_sql(engine), seq, data.as_ref()])
                .map(drop)
        })?;
    }
    tx.commit()
}

/// Makes the `count` chunks `make(k)` [`chunks_at_a_time`] at once, in
/// parallel, and hands each to `store` in order.
fn in_groups<C: Send>(
    count: usize,
    make: impl Fn(usize) -> rusqlite::Result<C> + Sync,
    mut store: impl FnMut(usize, C) -> rusqlite::Result<()>,
) -> rusqlite::Result<()> {
    let step = chunks_at_a_time();
    for first in (0..count).step_by(step) {
        let seqs = first..(first + step).min(count);
        let made: Vec<C> = seqs
            .clone()
            .into_par_iter()
            .map(&make)
            .collect::<rusqlite::Result<_>>()?;
        for (seq, chunk) in seqs.zip(made) {
            store(seq, chunk)?;
        }
    }
    Ok(())
}

/// Returns the stored documents of one corpus's files, by path.
pub fn load_file_docs(
    conn: &Connection,
    corpus: &str,
    engine: u64,
) -> rusqlite::Result<HashMap<String, FileDocs>> {
    let blobs = chunk_blobs(conn, Chunked::Files, corpus, engine)?;
    // Each compressed blob is freed as soon as it is decoded.
    let chunks: Vec<Vec<(String, FileDocs)>> = blobs
        .into_par_iter()
        .map(|b| decode(&b))
        .collect::<rusqlite::Result<_>>()?;
    Ok(chunks.into_iter().flatten().collect())
}

/// Replaces the stored documents of one corpus's files.
/// `stored(n)` hears that the documents of `n` more files are encoded.
pub fn save_file_docs(
    conn: &Connection,
    corpus: &str,
    engine: u64,
    docs: &[(&str, &FileDocs)],
    stored: &(dyn Fn(usize) + Sync),
) -> rusqlite::Result<()> {
    save_chunks(conn, Chunked::Files, corpus, engine, docs, stored)
}

/// Returns the stored chunks of one corpus's mentions as extracted by
/// `engine`, still compressed (see [`extraction_keys`] and
/// [`decode_extractions`]).
pub fn load_extraction_blobs(
    conn: &Connection,
    corpus: &str,
    engine: u64,
) -> rusqlite::Result<Vec<Vec<u8>>> {
    chunk_blobs(conn, Chunked::Extractions, corpus, engine)
}

/// Returns `rows` (text key and mentions) as stored chunks, for
/// [`save_extraction_chunks`]: the mentions of a corpus can be encoded a
/// run of texts at a time, and freed, before all are stored. A chunk holds
/// its texts' keys first, then their mentions, so that which texts it
/// holds is read without decoding the mentions ([`extraction_keys`]).
pub fn encode_extractions(rows: &[(u64, &[Mention])]) -> rusqlite::Result<Vec<Vec<u8>>> {
    rows.par_chunks(ROWS_PER_CHUNK)
        .map(|run| {
            let keys: Vec<u64> = run.iter().map(|r| r.0).collect();
            let mentions: Vec<&[Mention]> = run.iter().map(|r| r.1).collect();
            encode_large(&(keys, mentions))
        })
        .collect()
}

/// Returns the keys of the texts a chunk of [`encode_extractions`] holds,
/// decompressing only as much of it as they take.
pub fn extraction_keys(blob: &[u8]) -> rusqlite::Result<Vec<u64>> {
    use std::io::Read;
    // A count and the keys, each at most ten bytes as a varint.
    let most = 10 * (ROWS_PER_CHUNK as u64 + 1);
    let mut prefix = Vec::new();
    zstd::stream::read::Decoder::new(blob)
        .map_err(from_sql_error)?
        .take(most)
        .read_to_end(&mut prefix)
        .map_err(from_sql_error)?;
    postcard::take_from_bytes::<Vec<u64>>(&prefix)
        .map(|(keys, _)| keys)
        .map_err(from_sql_error)
}

/// Returns the keys and mentions of a chunk of [`encode_extractions`].
pub fn decode_extractions(blob: &[u8]) -> rusqlite::Result<(Vec<u64>, Vec<Vec<Mention>>)> {
    decode(blob)
}

/// Replaces the stored extractions of one corpus (by any engine) with
/// chunks from [`encode_extractions`], made by `engine`.
pub fn save_extraction_chunks(
    conn: &Connection,
    corpus: &str,
    engine: u64,
    blobs: &[Vec<u8>],
) -> rusqlite::Result<()> {
    save_blobs(conn, Chunked::Extractions, corpus, engine, blobs)
}

/// Returns the snapshot of `corpus` with the fingerprint it was taken
/// with, read in one transaction so a concurrent writer cannot mix two;
/// as much of it as `part` asks for.
pub fn load_snapshot(
    conn: &Connection,
    corpus: &str,
    part: Part<'_>,
) -> rusqlite::Result<Option<(u64, Library)>> {
    let tx = conn.unchecked_transaction()?;
    let found: Option<(i64, Vec<u8>)> = tx
        .prepare_cached("SELECT fingerprint, header FROM snapshots WHERE corpus = ?1")?
        .query_row([corpus], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((fingerprint, header)) = found else {
        return Ok(None);
    };
    let blobs = |table: &str| -> rusqlite::Result<Vec<Vec<u8>>> {
        tx.prepare_cached(&format!(
            "SELECT data FROM {table} WHERE corpus = ?1 ORDER BY seq"
        ))?
        .query_map([corpus], |r| r.get(0))?
        .collect()
    };
    let heads = blobs("snapshot_chunks")?;
    let bodies = match part {
        Part::Whole => blobs("snapshot_bodies")?,
        Part::Heads | Part::TextOf(_) => Vec::new(),
    };
    if part == Part::Whole && bodies.len() != heads.len() {
        return Ok(None);
    }
    // The header is one blob, decoded on one core while the other decodes
    // chunks, and then helps with the rest.
    let (header, (heads, bodies)) = rayon::join(
        || decode::<Header>(&header),
        || {
            (
                decode_all::<HeadChunk>(heads),
                decode_all::<BodyChunk>(bodies),
            )
        },
    );
    let (header, heads, bodies) = (header?, heads?, bodies?);
    let mut library = Library::default();
    library.index.entities = header
        .entities
        .into_iter()
        .map(EntityHead::into_entity)
        .collect();
    let mut articles = Vec::with_capacity(heads.iter().map(|c| c.heads.len()).sum());
    let mut bodies = bodies.into_iter();
    for chunk in heads {
        let (texts, mentions) = match bodies.next() {
            Some(b) => (b.bodies, b.mentions),
            None => (Vec::new(), Lists::default()),
        };
        if part == Part::Whole && texts.len() != chunk.heads.len() {
            return Ok(None);
        }
        let mut texts = texts.into_iter();
        articles.extend(chunk.heads.into_iter().map(|h| {
            let body = texts.next().unwrap_or_default();
            joined(h, body)
        }));
        // Each chunk's lists are one buffer, moved into the index.
        library.index.mentions.append(mentions);
        library
            .index
            .article_entities
            .append(chunk.article_entities);
        library.index.derived.extend(chunk.derived);
    }
    if !library.index.restore_articles() {
        return Ok(None);
    }
    let mut listed = Corpus {
        articles,
        warnings: header.warnings,
    };
    if let Part::TextOf(id) = part
        && let Some(i) = listed.find(id)
    {
        // The chunk that holds it, read in the same transaction.
        let blob: Vec<u8> = tx
            .prepare_cached("SELECT data FROM snapshot_bodies WHERE corpus = ?1 AND seq = ?2")?
            .query_row(params![corpus, i / CHUNK], |r| r.get(0))?;
        let Some(body) = super::bodies::body_at(&decompress(&blob)?, i % CHUNK)? else {
            return Ok(None);
        };
        let mentions = body.put_into(&mut listed.articles[i]);
        library.index.mentions = (0..listed.articles.len())
            .map(|k| if k == i { mentions.clone() } else { Vec::new() })
            .collect();
    }
    tx.finish()?;
    library.corpus = listed.into();
    Ok(Some((from_sql(fingerprint), library)))
}

/// Returns the threads found in `corpus` when its fingerprint was
/// `fingerprint`, if they were stored then.
pub fn load_threads(
    conn: &Connection,
    corpus: &str,
    fingerprint: u64,
) -> rusqlite::Result<Option<Vec<Thread>>> {
    let data: Option<Vec<u8>> = conn
        .prepare_cached("SELECT data FROM threads WHERE corpus = ?1 AND fingerprint = ?2")?
        .query_row(params![corpus, to_sql(fingerprint)], |r| r.get(0))
        .optional()?;
    data.map(|d| decode(&d)).transpose()
}

/// Stores the threads of `corpus` at `fingerprint`, replacing any others.
pub fn save_threads(
    conn: &Connection,
    corpus: &str,
    fingerprint: u64,
    threads: &[Thread],
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO threads (corpus, fingerprint, data) VALUES (?1, ?2, ?3)",
        params![corpus, to_sql(fingerprint), encode(&threads)?],
    )?;
    Ok(())
}

/// Decodes blobs on every core.
fn decode_all<T: serde::de::DeserializeOwned + Send>(
    blobs: Vec<Vec<u8>>,
) -> rusqlite::Result<Vec<T>> {
    blobs.into_par_iter().map(|b| decode(&b)).collect()
}

/// The article of a head and its body.
fn joined(h: Head, b: Body) -> Article {
    Article {
        id: h.id,
        title: h.title,
        author: h.author,
        author_role: h.author_role,
        author_credit: h.author_credit,
        date: h.date,
        date_source: h.date_source,
        source: h.source,
        url: h.url,
        text: b.text,
        blocks: b.blocks,
        end_matter: b.end_matter,
        links: b.links,
        words: h.words,
        sources: h.sources,
    }
}

/// Returns the first part of a snapshot body chunk: the bodies (text,
/// blocks, end matter, links) of its articles, a zstd frame of their own.
/// [`save_snapshot`] adds their mentions as a second frame; the two
/// decompress to the postcard of the whole [`BodyChunk`], its fields being
/// written one after the other. Encoded apart, the bodies can be encoded
/// as soon as their articles' entities are found, and the texts let go.
pub fn encode_bodies(articles: &[Article]) -> rusqlite::Result<Vec<u8>> {
    let bodies: Vec<BodyRef<'_>> = articles.iter().map(BodyRef::of).collect();
    encode_large(&bodies)
}

/// Replaces the snapshot of `corpus` with `library`, in one transaction.
/// `encoded[k]`, where given, holds the bodies of chunk `k` already
/// encoded ([`encode_bodies`]): its articles may have let their texts go.
pub fn save_snapshot(
    conn: &Connection,
    corpus: &str,
    fingerprint: u64,
    library: &Library,
    encoded: &[Option<Vec<u8>>],
    stored: &dyn Fn(usize, usize),
) -> rusqlite::Result<()> {
    let EntityIndex {
        entities,
        mentions,
        article_entities,
        derived,
    } = &library.index;
    let header = encode(&HeaderRef {
        warnings: &library.corpus.warnings,
        entities: entities.iter().map(EntityHeadRef::of).collect(),
    })?;
    let articles = &library.corpus.articles;
    let encode_chunk = |c: usize| -> rusqlite::Result<(Vec<u8>, Vec<u8>)> {
        let range = c * CHUNK..((c + 1) * CHUNK).min(articles.len());
        let these = &articles[range.clone()];
        let heads = encode(&HeadChunkRef {
            heads: these.iter().map(HeadRef::of).collect(),
            article_entities: article_entities.slice(range.clone()),
            derived: derived.get(range.clone()).unwrap_or_default(),
        })?;
        let mut bodies = match encoded.get(c) {
            Some(Some(done)) => done.clone(),
            _ => encode_bodies(these)?,
        };
        bodies.extend(encode_large(&mentions.slice(range))?);
        Ok((heads, bodies))
    };
    let count = articles.len().div_ceil(CHUNK);
    stored(0, count);
    let tx = conn.unchecked_transaction()?;
    tx.execute("DELETE FROM snapshot_chunks WHERE corpus = ?1", [corpus])?;
    tx.execute("DELETE FROM snapshot_bodies WHERE corpus = ?1", [corpus])?;
    tx.execute(
        "INSERT OR REPLACE INTO snapshots (corpus, fingerprint, header) VALUES (?1, ?2, ?3)",
        params![corpus, to_sql(fingerprint), header],
    )?;
    {
        let mut heads =
            tx.prepare("INSERT INTO snapshot_chunks (corpus, seq, data) VALUES (?1, ?2, ?3)")?;
        let mut bodies =
            tx.prepare("INSERT INTO snapshot_bodies (corpus, seq, data) VALUES (?1, ?2, ?3)")?;
        // Encoded a few at a time while they are stored (see
        // `chunks_at_a_time`): the whole corpus encoded at once held
        // 280 MB more at the end of a cold open of 100,000 files.
        in_groups(count, encode_chunk, |seq, (head, body)| {
            heads.execute(params![corpus, seq, head])?;
            bodies.execute(params![corpus, seq, body])?;
            stored(1, count);
            Ok(())
        })?;
    }
    tx.commit()
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use std::sync::Arc;

    use crate::corpus::{Block, BlockKind, Source};
    use crate::entities::EntityKind;

    /// Every optional field set, so a serde attribute that a compact
    /// format cannot round-trip (such as `skip_serializing_if`) fails here.
    pub(in crate::state::cache) fn full_library(n: usize) -> Library {
        let articles: Vec<Article> = (0..n)
            .map(|i| Article {
                id: format!("{i:016x}"),
                title: format!("Rates held for the {i}th month"),
                author: Some("M. Lindqvist".into()),
                author_role: Some("Markets Correspondent".into()),
                author_credit: Some("M. Lindqvist in Chicago, Markets Correspondent".into()),
                date: Some("2025-01-31".into()),
                date_source: Some(crate::corpus::DateSource::Metadata),
                source: Some("Riksbank wire".into()),
                url: Some(format!("https://example.org/{i}")),
                text: "Sweden held rates.\n\nKrona firmed.".into(),
                blocks: vec![
                    Block {
                        kind: BlockKind::Heading,
                        start: 0,
                        end: 18,
                    },
                    Block {
                        kind: BlockKind::Paragraph,
                        start: 20,
                        end: 33,
                    },
                ],
                end_matter: vec!["Sources: central bank".into()],
                links: vec!["https://markets.example.com/rates".into()],
                words: 5,
                sources: vec![
                    Source::new(format!("a/{i}.md"), 1.0),
                    Source {
                        only_here: vec!["Krona firmed late.".into()],
                        ..Source::new(format!("b/{i}.md"), 0.83)
                    },
                ],
            })
            .collect();
        let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
        let mentions = (0..n)
            .map(|_| {
                vec![Mention {
                    start: 0,
                    end: 6,
                    name: "Sweden".into(),
                    kind: EntityKind::Country,
                    country: Some("Sweden".into()),
                    location: crate::entities::Location::Text,
                }]
            })
            .collect();
        Library {
            index: EntityIndex::build(&texts, mentions),
            corpus: Arc::new(Corpus {
                articles,
                warnings: vec![Warning {
                    path: "c.bin".into(),
                    reason: "skipped: binary".into(),
                }],
            }),
        }
    }

    fn memory() -> Connection {
        crate::state::db::open_in_memory(MIGRATIONS).unwrap()
    }

    #[test]
    fn a_snapshot_round_trips_across_chunks() {
        let conn = memory();
        // More chunks than are encoded at a time.
        let library = full_library(CHUNK * (chunks_at_a_time() + 1) + 7);
        save_snapshot(&conn, "k", 42, &library, &[], &|_, _| {}).unwrap();
        let (fingerprint, back) = load_snapshot(&conn, "k", Part::Whole).unwrap().unwrap();
        assert_eq!(fingerprint, 42);
        assert_eq!(back.corpus, library.corpus);
        assert_eq!(back.index, library.index);
        assert!(
            load_snapshot(&conn, "other", Part::Whole)
                .unwrap()
                .is_none()
        );
        // A smaller replacement leaves no stale chunks behind.
        let small = full_library(3);
        save_snapshot(&conn, "k", u64::MAX, &small, &[], &|_, _| {}).unwrap();
        let (fingerprint, back) = load_snapshot(&conn, "k", Part::Whole).unwrap().unwrap();
        assert_eq!(fingerprint, u64::MAX);
        assert_eq!(back.corpus.articles.len(), 3);
    }

    #[test]
    fn bodies_encoded_ahead_give_the_same_snapshot() {
        let conn = memory();
        let library = full_library(2 * CHUNK + 3);
        let articles = &library.corpus.articles;
        // The first chunk ahead, the second failed (encoded at the save),
        // the third not given.
        let ahead = [Some(encode_bodies(&articles[..CHUNK]).unwrap()), None];
        let mut without_bodies = library.clone();
        for a in &mut Arc::make_mut(&mut without_bodies.corpus).articles[..CHUNK] {
            a.drop_body();
        }
        save_snapshot(&conn, "k", 3, &without_bodies, &ahead, &|_, _| {}).unwrap();
        let (_, back) = load_snapshot(&conn, "k", Part::Whole).unwrap().unwrap();
        assert_eq!(back.corpus, library.corpus);
        assert_eq!(back.index, library.index);
        let (_, one) = load_snapshot(&conn, "k", Part::TextOf(&articles[7].id))
            .unwrap()
            .unwrap();
        assert_eq!(one.corpus.articles[7], articles[7]);
    }

    #[test]
    fn frames_decompress_together_and_a_cut_one_is_an_error() {
        let first = encode(&"bodies".to_string()).unwrap();
        let second = encode(&7u32).unwrap();
        let both = [first.as_slice(), &second].concat();
        let raw = decompress(&both).unwrap();
        let (text, rest): (String, &[u8]) = postcard::take_from_bytes(&raw).unwrap();
        assert_eq!(text, "bodies");
        assert_eq!(postcard::from_bytes::<u32>(rest).unwrap(), 7);
        for cut in [both.len() - 1, first.len() + 3] {
            assert!(decompress(&both[..cut]).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn the_heads_of_a_snapshot_come_without_text_or_mentions() {
        let conn = memory();
        let library = full_library(CHUNK + 2);
        save_snapshot(&conn, "k", 9, &library, &[], &|_, _| {}).unwrap();
        let (fingerprint, heads) = load_snapshot(&conn, "k", Part::Heads).unwrap().unwrap();
        assert_eq!(fingerprint, 9);
        assert_eq!(heads.corpus.warnings, library.corpus.warnings);
        assert_eq!(heads.corpus.articles.len(), library.corpus.articles.len());
        for (head, whole) in heads.corpus.articles.iter().zip(&library.corpus.articles) {
            let without_text = Article {
                text: String::new(),
                blocks: Vec::new(),
                end_matter: Vec::new(),
                links: Vec::new(),
                ..whole.clone()
            };
            assert_eq!(head, &without_text);
        }
        assert_eq!(heads.index.entities, library.index.entities);
        assert_eq!(heads.index.article_entities, library.index.article_entities);
        assert_eq!(heads.index.derived, library.index.derived);
        assert!(heads.index.mentions.is_empty());
    }

    #[test]
    fn threads_are_kept_for_one_fingerprint() {
        let conn = memory();
        let list = vec![Thread {
            articles: vec![0, 7, 3],
            central: 7,
        }];
        save_threads(&conn, "k", 5, &list).unwrap();
        assert_eq!(load_threads(&conn, "k", 5).unwrap(), Some(list.clone()));
        assert_eq!(
            load_threads(&conn, "k", 6).unwrap(),
            None,
            "another state of the folder"
        );
        assert_eq!(load_threads(&conn, "other", 5).unwrap(), None);
        save_threads(&conn, "k", 6, &[]).unwrap();
        assert_eq!(load_threads(&conn, "k", 5).unwrap(), None, "replaced");
        assert_eq!(load_threads(&conn, "k", 6).unwrap(), Some(Vec::new()));
    }

    #[test]
    fn the_text_of_one_article_comes_with_the_heads_of_all() {
        let conn = memory();
        let mut library = full_library(CHUNK + 5);
        let wanted = CHUNK + 3;
        // An id no other shares a prefix with, asked whole and in part.
        Arc::make_mut(&mut library.corpus).articles[wanted].id = "feedface00000001".into();
        save_snapshot(&conn, "k", 9, &library, &[], &|_, _| {}).unwrap();
        for asked in ["feedface00000001", "feedface"] {
            let (_, one) = load_snapshot(&conn, "k", Part::TextOf(asked))
                .unwrap()
                .unwrap();
            let (got, whole) = (&one.corpus.articles, &library.corpus.articles);
            assert_eq!(got[wanted], whole[wanted], "asked {asked}");
            assert_eq!(
                one.index.mentions_in(wanted),
                library.index.mentions_in(wanted)
            );
            for i in [0, CHUNK - 1, CHUNK, wanted + 1] {
                assert!(got[i].text.is_empty() && one.index.mentions_in(i).is_empty());
                assert_eq!(got[i].title, whole[i].title);
            }
        }
        // An id that finds nothing gives the heads alone.
        let (_, none) = load_snapshot(&conn, "k", Part::TextOf("zz"))
            .unwrap()
            .unwrap();
        assert!(none.corpus.articles.iter().all(|a| a.text.is_empty()));
    }

    #[test]
    fn chunks_made_a_few_at_a_time_are_all_stored_in_order_and_replace_the_old() {
        let conn = memory();
        let count = 3 * chunks_at_a_time() + 1;
        let blobs: Vec<Vec<u8>> = (0..count).map(|k| vec![k as u8; k + 1]).collect();
        save_blobs(&conn, Chunked::Extractions, "k", 7, &blobs).unwrap();
        let stored = chunk_blobs(&conn, Chunked::Extractions, "k", 7).unwrap();
        assert_eq!(stored, blobs);
        // Encoded while stored: each chunk comes back whole, in order.
        let rows: Vec<u32> = (0..u32::try_from(ROWS_PER_CHUNK * count).unwrap()).collect();
        save_chunks(&conn, Chunked::Extractions, "k", 7, &rows, &|_| {}).unwrap();
        let stored = chunk_blobs(&conn, Chunked::Extractions, "k", 7).unwrap();
        assert_eq!(stored.len(), count, "the old chunks are replaced");
        let read: Vec<u32> = stored
            .iter()
            .flat_map(|b| decode::<Vec<u32>>(b).unwrap())
            .collect();
        assert_eq!(read, rows);
    }

    #[test]
    fn file_rows_and_extractions_round_trip() {
        let conn = memory();
        let docs = FileDocs {
            docs: vec![RawDoc {
                path: "x.jsonl:3".into(),
                text: "t".into(),
                title: Some("T".into()),
                author: Some("A".into()),
                date: Some("D".into()),
                source: Some("S".into()),
                url: Some("U".into()),
                links: vec!["https://x.example/1".into()],
                mtime_ns: None,
            }],
            warnings: vec![],
            hash: None,
        };
        let row = FileRow {
            size: 10,
            mtime_ns: -1,
            hash: u64::MAX,
            engine: 1 << 63,
        };
        put_file(&conn, "x.jsonl", row).unwrap();
        assert_eq!(file_rows(&conn).unwrap()["x.jsonl"], row);
        let many: Vec<(String, &FileDocs)> = (0..=ROWS_PER_CHUNK * 2)
            .map(|i| (format!("{i}.jsonl"), &docs))
            .collect();
        let rows: Vec<(&str, &FileDocs)> = many.iter().map(|(p, d)| (p.as_str(), *d)).collect();
        save_file_docs(&conn, "k", 3, &rows, &|_| {}).unwrap();
        save_file_docs(&conn, "k", 3, &rows[..2], &|_| {}).unwrap();
        let back = load_file_docs(&conn, "k", 3).unwrap();
        assert_eq!(back.len(), 2, "a smaller save leaves no stale chunk");
        assert_eq!(back["1.jsonl"].docs, docs.docs);
        assert!(load_file_docs(&conn, "other", 3).unwrap().is_empty());
        assert!(load_file_docs(&conn, "k", 4).unwrap().is_empty());
        let mentions = vec![Mention {
            start: 1,
            end: 2,
            name: "N".into(),
            kind: EntityKind::Person,
            country: None,
            location: crate::entities::Location::Text,
        }];
        // Encoded a run of texts at a time, stored together.
        let mut chunks = encode_extractions(&[(u64::MAX - 1, &mentions)]).unwrap();
        chunks.extend(encode_extractions(&[(5, &mentions)]).unwrap());
        save_extraction_chunks(&conn, "k", 7, &chunks).unwrap();
        let blobs = load_extraction_blobs(&conn, "k", 7).unwrap();
        assert_eq!(blobs.len(), 2);
        assert_eq!(extraction_keys(&blobs[0]).unwrap(), [u64::MAX - 1]);
        assert_eq!(
            decode_extractions(&blobs[1]).unwrap(),
            (vec![5], vec![mentions.clone()])
        );
        assert!(load_extraction_blobs(&conn, "k", 8).unwrap().is_empty());
        // A full chunk's keys are read from its start alone.
        let many: Vec<(u64, &[Mention])> = (0..ROWS_PER_CHUNK as u64)
            .map(|k| (u64::MAX - k, mentions.as_slice()))
            .collect();
        let chunk = &encode_extractions(&many).unwrap()[0];
        let keys: Vec<u64> = many.iter().map(|r| r.0).collect();
        assert_eq!(extraction_keys(chunk).unwrap(), keys);
    }
}
