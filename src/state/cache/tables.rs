//! The tables of `cache.db` and their rows: what was read from each file,
//! what extraction found in each text, and a snapshot of each corpus's
//! finished library, stored in chunks that decode in parallel.
//!
//! Blobs are postcard-encoded (compact, and several times faster to decode
//! than JSON). Hashes are 64-bit xxh3 values stored bit-for-bit in SQLite's
//! signed integers.

use std::collections::HashMap;

use rayon::prelude::*;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::corpus::{Article, RawDoc, Warning};
use crate::entities::{Entity, EntityId, EntityIndex, IndexedMention, Mention};
use crate::pipeline::Library;

/// The schema of `cache.db`, oldest first (see [`crate::state::db`]).
pub const MIGRATIONS: &[&str] = &["CREATE TABLE files (
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
    );"];

/// Articles per snapshot chunk: small enough to spread over the cores,
/// large enough that per-row overhead does not show.
const CHUNK: usize = 2_000;

/// Stores a u64 hash in an SQLite integer, bit for bit.
pub fn to_sql(h: u64) -> i64 {
    i64::from_ne_bytes(h.to_ne_bytes())
}

fn from_sql(v: i64) -> u64 {
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
}

#[derive(Deserialize)]
struct Header {
    warnings: Vec<Warning>,
    entities: Vec<Entity>,
}

/// The encoding side of [`Header`]: borrows, so saving copies nothing.
#[derive(Serialize)]
struct HeaderRef<'a> {
    warnings: &'a [Warning],
    entities: &'a [Entity],
}

#[derive(Deserialize)]
struct Chunk {
    articles: Vec<Article>,
    mentions: Vec<Vec<IndexedMention>>,
    article_entities: Vec<Vec<(EntityId, u32)>>,
    derived: Vec<Vec<(EntityId, EntityId)>>,
}

#[derive(Serialize)]
struct ChunkRef<'a> {
    articles: &'a [Article],
    mentions: &'a [Vec<IndexedMention>],
    article_entities: &'a [Vec<(EntityId, u32)>],
    derived: &'a [Vec<(EntityId, EntityId)>],
}

pub fn encode<T: Serialize>(value: &T) -> rusqlite::Result<Vec<u8>> {
    postcard::to_allocvec(value).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

pub fn decode<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> rusqlite::Result<T> {
    postcard::from_bytes(bytes).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Blob, Box::new(e))
    })
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

/// Above this many wanted rows one table scan beats point lookups.
const SCAN_ABOVE: usize = 500;

/// Returns the encoded documents of each path in `paths`, in order.
pub fn file_docs_blobs(
    conn: &Connection,
    paths: &[&str],
) -> rusqlite::Result<Vec<Option<Vec<u8>>>> {
    let mut out = vec![None; paths.len()];
    if paths.len() > SCAN_ABOVE {
        let slot: HashMap<&str, usize> = paths.iter().enumerate().map(|(i, p)| (*p, i)).collect();
        let mut stmt = conn.prepare("SELECT path, docs FROM files")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let path = row.get_ref(0)?.as_str()?;
            if let Some(&i) = slot.get(path) {
                out[i] = Some(row.get(1)?);
            }
        }
        return Ok(out);
    }
    let mut stmt = conn.prepare_cached("SELECT docs FROM files WHERE path = ?1")?;
    for (slot, path) in out.iter_mut().zip(paths) {
        *slot = stmt.query_row([path], |r| r.get(0)).optional()?;
    }
    Ok(out)
}

/// Inserts or replaces one file's row and documents.
pub fn put_file(
    conn: &Connection,
    path: &str,
    row: FileRow,
    docs: &FileDocs,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO files (path, size, mtime_ns, hash, engine, docs)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        path,
        row.size,
        row.mtime_ns,
        to_sql(row.hash),
        to_sql(row.engine),
        encode(docs)?
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

/// Returns the cached mentions of each text hash, in order; `None` where
/// the text was never extracted by `engine` (or its row does not decode).
pub fn extractions(
    conn: &Connection,
    text_hashes: &[u64],
    engine: u64,
) -> rusqlite::Result<Vec<Option<Vec<Mention>>>> {
    let mut blobs: Vec<Option<Vec<u8>>> = vec![None; text_hashes.len()];
    if text_hashes.len() > SCAN_ABOVE {
        let mut slots: HashMap<u64, Vec<usize>> = HashMap::new();
        for (i, &h) in text_hashes.iter().enumerate() {
            slots.entry(h).or_default().push(i);
        }
        let mut stmt =
            conn.prepare("SELECT text_hash, mentions FROM extractions WHERE engine = ?1")?;
        let mut rows = stmt.query([to_sql(engine)])?;
        while let Some(row) = rows.next()? {
            if let Some(found) = slots.get(&from_sql(row.get(0)?)) {
                let blob: Vec<u8> = row.get(1)?;
                for &i in found {
                    blobs[i] = Some(blob.clone());
                }
            }
        }
    } else {
        let mut stmt = conn.prepare_cached(
            "SELECT mentions FROM extractions WHERE text_hash = ?1 AND engine = ?2",
        )?;
        for (slot, &h) in blobs.iter_mut().zip(text_hashes) {
            *slot = stmt
                .query_row(params![to_sql(h), to_sql(engine)], |r| r.get(0))
                .optional()?;
        }
    }
    Ok(blobs
        .into_par_iter()
        .map(|b| b.and_then(|b| decode(&b).ok()))
        .collect())
}

/// Drops the extractions made by any other engine: after an upgrade they
/// can never be used again.
pub fn prune_extractions(conn: &Connection, engine: u64) -> rusqlite::Result<usize> {
    conn.execute(
        "DELETE FROM extractions WHERE engine != ?1",
        [to_sql(engine)],
    )
}

pub fn put_extraction(
    conn: &Connection,
    text_hash: u64,
    engine: u64,
    mentions: &[Mention],
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO extractions (text_hash, engine, mentions) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![
        to_sql(text_hash),
        to_sql(engine),
        encode(&mentions)?
    ])
    .map(drop)
}

/// Returns the snapshot of `corpus` with the fingerprint it was taken
/// with, read in one transaction so a concurrent writer cannot mix two.
pub fn load_snapshot(conn: &Connection, corpus: &str) -> rusqlite::Result<Option<(u64, Library)>> {
    let tx = conn.unchecked_transaction()?;
    let found: Option<(i64, Vec<u8>)> = tx
        .prepare_cached("SELECT fingerprint, header FROM snapshots WHERE corpus = ?1")?
        .query_row([corpus], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((fingerprint, header)) = found else {
        return Ok(None);
    };
    let header: Header = decode(&header)?;
    let blobs: Vec<Vec<u8>> = tx
        .prepare_cached("SELECT data FROM snapshot_chunks WHERE corpus = ?1 ORDER BY seq")?
        .query_map([corpus], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    tx.finish()?;
    let chunks: Vec<Chunk> = blobs
        .par_iter()
        .map(|b| decode(b))
        .collect::<rusqlite::Result<_>>()?;
    let mut library = Library::default();
    library.corpus.warnings = header.warnings;
    library.index.entities = header.entities;
    for chunk in chunks {
        library.corpus.articles.extend(chunk.articles);
        library.index.mentions.extend(chunk.mentions);
        library
            .index
            .article_entities
            .extend(chunk.article_entities);
        library.index.derived.extend(chunk.derived);
    }
    Ok(Some((from_sql(fingerprint), library)))
}

/// Replaces the snapshot of `corpus` with `library`, in one transaction.
pub fn save_snapshot(
    conn: &Connection,
    corpus: &str,
    fingerprint: u64,
    library: &Library,
) -> rusqlite::Result<()> {
    let EntityIndex {
        entities,
        mentions,
        article_entities,
        derived,
    } = &library.index;
    let header = encode(&HeaderRef {
        warnings: &library.corpus.warnings,
        entities,
    })?;
    let articles = &library.corpus.articles;
    let chunks: Vec<Vec<u8>> = (0..articles.len().div_ceil(CHUNK))
        .into_par_iter()
        .map(|c| {
            let range = c * CHUNK..((c + 1) * CHUNK).min(articles.len());
            encode(&ChunkRef {
                articles: &articles[range.clone()],
                mentions: mentions.get(range.clone()).unwrap_or_default(),
                article_entities: article_entities.get(range.clone()).unwrap_or_default(),
                derived: derived.get(range).unwrap_or_default(),
            })
        })
        .collect::<rusqlite::Result<_>>()?;
    let tx = conn.unchecked_transaction()?;
    tx.execute("DELETE FROM snapshot_chunks WHERE corpus = ?1", [corpus])?;
    tx.execute(
        "INSERT OR REPLACE INTO snapshots (corpus, fingerprint, header) VALUES (?1, ?2, ?3)",
        params![corpus, to_sql(fingerprint), header],
    )?;
    {
        let mut insert =
            tx.prepare("INSERT INTO snapshot_chunks (corpus, seq, data) VALUES (?1, ?2, ?3)")?;
        for (seq, data) in chunks.iter().enumerate() {
            insert.execute(params![corpus, seq, data])?;
        }
    }
    tx.commit()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Block, BlockKind, Corpus, Source};
    use crate::entities::EntityKind;

    /// Every optional field set, so a serde attribute that a compact
    /// format cannot round-trip (such as `skip_serializing_if`) fails here.
    fn full_library(n: usize) -> Library {
        let articles: Vec<Article> = (0..n)
            .map(|i| Article {
                id: format!("{i:016x}"),
                title: format!("Rates held for the {i}th month"),
                author: Some("M. Lindqvist".into()),
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
                    Source {
                        path: format!("a/{i}.md"),
                        containment: 1.0,
                    },
                    Source {
                        path: format!("b/{i}.md"),
                        containment: 0.83,
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
            corpus: Corpus {
                articles,
                warnings: vec![Warning {
                    path: "c.bin".into(),
                    reason: "skipped: binary".into(),
                }],
            },
        }
    }

    fn memory() -> Connection {
        crate::state::db::open_in_memory(MIGRATIONS).unwrap()
    }

    #[test]
    fn a_snapshot_round_trips_across_chunks() {
        let conn = memory();
        let library = full_library(CHUNK * 2 + 7);
        save_snapshot(&conn, "k", 42, &library).unwrap();
        let (fingerprint, back) = load_snapshot(&conn, "k").unwrap().unwrap();
        assert_eq!(fingerprint, 42);
        assert_eq!(back.corpus, library.corpus);
        assert_eq!(back.index, library.index);
        assert!(load_snapshot(&conn, "other").unwrap().is_none());
        // A smaller replacement leaves no stale chunks behind.
        let small = full_library(3);
        save_snapshot(&conn, "k", u64::MAX, &small).unwrap();
        let (fingerprint, back) = load_snapshot(&conn, "k").unwrap().unwrap();
        assert_eq!(fingerprint, u64::MAX);
        assert_eq!(back.corpus.articles.len(), 3);
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
        };
        let row = FileRow {
            size: 10,
            mtime_ns: -1,
            hash: u64::MAX,
            engine: 1 << 63,
        };
        put_file(&conn, "x.jsonl", row, &docs).unwrap();
        assert_eq!(file_rows(&conn).unwrap()["x.jsonl"], row);
        let blob = file_docs_blobs(&conn, &["x.jsonl", "y"]).unwrap();
        assert!(blob[1].is_none());
        let back: FileDocs = decode(blob[0].as_deref().unwrap()).unwrap();
        assert_eq!(back.docs, docs.docs);
        let mentions = vec![Mention {
            start: 1,
            end: 2,
            name: "N".into(),
            kind: EntityKind::Person,
            country: None,
            location: crate::entities::Location::Text,
        }];
        put_extraction(&conn, u64::MAX - 1, 7, &mentions).unwrap();
        put_extraction(&conn, 5, 8, &mentions).unwrap();
        assert_eq!(prune_extractions(&conn, 7).unwrap(), 1);
        let many = vec![u64::MAX - 1; SCAN_ABOVE + 1];
        for hashes in [&many[..1], &many[..]] {
            let found = extractions(&conn, hashes, 7).unwrap();
            assert!(found.iter().all(|m| m.as_ref() == Some(&mentions)));
            let other = extractions(&conn, hashes, 8).unwrap();
            assert!(other.iter().all(Option::is_none));
        }
    }
}
