//! Article bodies read on demand: a library listed from a snapshot's
//! heads ([`crate::pipeline::Open::without_text`]) reads the text of an
//! article, with its blocks, end matter, links and mentions, only when
//! something shows it. The bodies are stored by chunk of articles
//! (`snapshot_bodies`); [`Bodies`] decompresses a chunk when one of its
//! articles is asked for and keeps the last two, so that moving through
//! neighbouring articles reads nothing more. A chunk is kept as its
//! encoded bytes, one block of memory, and an article's body decoded
//! from them when asked for (borrowing the texts it passes over): a few
//! milliseconds, and nothing of the other articles stays decoded.
//!
//! A body is only ever given for the snapshot the list was read from: the
//! snapshot's fingerprint is checked when a chunk is read, and the id of
//! the article at that place when a body is given. When the folder
//! changed and its snapshot was replaced, the answer is "stale", never
//! another article's text.

use std::collections::VecDeque;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Mutex;

use rusqlite::{Connection, OptionalExtension, params};
use serde::Deserialize;

use super::tables::{self, CHUNK, HeadChunk};
use crate::corpus::{Article, Block};
use crate::entities::IndexedMention;

/// Chunks kept: the one being read, and the one before (moving back and
/// forth across a chunk's edge).
const CHUNKS_KEPT: usize = 2;

/// Where the bodies of a library listed from a snapshot's heads are: the
/// cache file, the corpus, and the fingerprint of the snapshot the list
/// came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodySource {
    pub path: PathBuf,
    /// The cache is opened read-only (see [`super::Cache::is_read_only`]).
    pub read_only: bool,
    /// The corpus key ([`crate::state::corpus_key`]).
    pub corpus: String,
    pub fingerprint: u64,
}

impl BodySource {
    /// Where the texts of the library listed from `corpus`'s snapshot in
    /// `cache`, taken with `fingerprint`, are read; `None` without a cache
    /// file or a fingerprint.
    pub fn of(cache: &super::Cache, corpus: &str, fingerprint: Option<u64>) -> Option<Self> {
        Some(Self {
            path: cache.path()?.to_path_buf(),
            read_only: cache.is_read_only(),
            corpus: corpus.to_owned(),
            fingerprint: fingerprint?,
        })
    }
}

/// Returns the text of article `i` of `articles` (a library listed
/// without its texts) from `store`, shared between threads; `None` when it
/// cannot be read there.
pub fn shared_text(store: &Mutex<Bodies>, articles: &[Article], i: usize) -> Option<String> {
    let id = &articles.get(i)?.id;
    store.lock().ok()?.text(i, id).ok().flatten()
}

/// The text of one article and what points into it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleBody {
    pub text: String,
    pub blocks: Vec<Block>,
    pub end_matter: Vec<String>,
    pub links: Vec<String>,
    /// Its mentions, as the index holds them ([`crate::entities::EntityIndex::mentions_in`]).
    pub mentions: Vec<IndexedMention>,
}

impl ArticleBody {
    /// Returns `head`, an article listed without its text, with this body
    /// in place, and the mentions.
    pub fn into_article(self, head: &Article) -> (Article, Vec<IndexedMention>) {
        let mut article = head.clone();
        let mentions = self.put_into(&mut article);
        (article, mentions)
    }

    /// Puts this body in place in `article` (listed without its text);
    /// returns the mentions.
    pub(super) fn put_into(self, article: &mut Article) -> Vec<IndexedMention> {
        article.text = self.text;
        article.blocks = self.blocks;
        article.end_matter = self.end_matter;
        article.links = self.links;
        self.mentions
    }
}

/// Returns the body of the article at place `at` of a chunk of bodies, from
/// the chunk's postcard bytes ([`tables::decompress`]), decoding the others
/// only as far as to pass over them; `None` when the chunk holds no such
/// place.
pub(super) fn body_at(bytes: &[u8], at: usize) -> rusqlite::Result<Option<ArticleBody>> {
    let view: BodyChunkView<'_> = tables::decode_borrowed(bytes)?;
    let (Some(body), Some(mentions)) = (
        view.bodies.into_iter().nth(at),
        view.mentions.into_iter().nth(at),
    ) else {
        return Ok(None);
    };
    Ok(Some(ArticleBody {
        mentions,
        ..body.into_owned()
    }))
}

/// Returns the bodies of a chunk as [`tables::encode_bodies`] encoded it
/// (no mentions yet), from place `at` on, at most `count` of them.
pub(super) fn encoded_bodies(
    encoded: &[u8],
    at: usize,
    count: usize,
) -> rusqlite::Result<Vec<ArticleBody>> {
    let bytes = tables::decompress(encoded)?;
    let bodies: Vec<BodyView<'_>> = tables::decode_borrowed(&bytes)?;
    Ok(bodies
        .into_iter()
        .skip(at)
        .take(count)
        .map(BodyView::into_owned)
        .collect())
}

/// One chunk read: the ids of its articles and their bodies, encoded.
struct Chunk {
    seq: usize,
    ids: Vec<String>,
    /// A `BodyChunk` of the snapshot, as postcard bytes.
    bodies: Vec<u8>,
    /// Where each article's text lies in `bodies`, found when the chunk
    /// was read: a text alone is cut out of the bytes, decoding nothing.
    texts: Vec<Range<usize>>,
}

/// A stored body, borrowing its strings from the chunk's bytes.
#[derive(Deserialize)]
struct BodyView<'a> {
    #[serde(borrow)]
    text: &'a str,
    blocks: Vec<Block>,
    #[serde(borrow)]
    end_matter: Vec<&'a str>,
    #[serde(borrow)]
    links: Vec<&'a str>,
}

impl BodyView<'_> {
    /// The body, its strings copied, without mentions.
    fn into_owned(self) -> ArticleBody {
        let owned = |strings: Vec<&str>| strings.into_iter().map(str::to_owned).collect();
        ArticleBody {
            text: self.text.to_owned(),
            blocks: self.blocks,
            end_matter: owned(self.end_matter),
            links: owned(self.links),
            mentions: Vec::new(),
        }
    }
}

/// A stored chunk of bodies (see `BodyChunk` in `tables`), borrowed.
#[derive(Deserialize)]
struct BodyChunkView<'a> {
    #[serde(borrow)]
    bodies: Vec<BodyView<'a>>,
    mentions: Vec<Vec<IndexedMention>>,
}

/// The bodies of one snapshot, read by chunk, the last few kept.
pub struct Bodies {
    source: BodySource,
    conn: Connection,
    /// Most recently used first.
    chunks: VecDeque<Chunk>,
}

impl std::fmt::Debug for Bodies {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Bodies")
            .field("source", &self.source)
            .field("kept", &self.kept())
            .finish_non_exhaustive()
    }
}

impl Bodies {
    /// Opens the bodies of `source` through a read-only connection of
    /// their own.
    pub fn open(source: BodySource) -> rusqlite::Result<Self> {
        let conn = super::reading_connection(&source.path, source.read_only)?;
        Ok(Self {
            source,
            conn,
            chunks: VecDeque::with_capacity(CHUNKS_KEPT),
        })
    }

    pub fn source(&self) -> &BodySource {
        &self.source
    }

    /// Returns the chunks kept decoded, by their place in the snapshot,
    /// most recently used first.
    pub fn kept(&self) -> Vec<usize> {
        self.chunks.iter().map(|c| c.seq).collect()
    }

    /// Returns the body of article `i` of the listed library, whose id is
    /// `id`; `Ok(None)` if and only if the snapshot no longer is the one
    /// the list came from (or holds another article there), so that the
    /// caller must open the folder anew.
    pub fn body(&mut self, i: usize, id: &str) -> rusqlite::Result<Option<ArticleBody>> {
        let Some((chunk, at)) = self.place_of(i, id)? else {
            return Ok(None);
        };
        body_at(&chunk.bodies, at)
    }

    /// Returns the text alone of article `i` (see [`Bodies::body`]): what
    /// the search index and its snippets read, article after article, so
    /// it is cut out of the kept chunk rather than decoded from it.
    pub fn text(&mut self, i: usize, id: &str) -> rusqlite::Result<Option<String>> {
        let Some((chunk, at)) = self.place_of(i, id)? else {
            return Ok(None);
        };
        let text = chunk
            .texts
            .get(at)
            .and_then(|span| chunk.bodies.get(span.clone()));
        Ok(text
            .and_then(|bytes| std::str::from_utf8(bytes).ok())
            .map(str::to_owned))
    }

    /// Returns the chunk of article `i` of the listed library and its
    /// place there, when the article there is still `id`.
    fn place_of(&mut self, i: usize, id: &str) -> rusqlite::Result<Option<(&Chunk, usize)>> {
        let (seq, at) = (i / CHUNK, i % CHUNK);
        let Some(chunk) = self.chunk(seq)? else {
            return Ok(None);
        };
        let same = chunk.ids.get(at).map(String::as_str) == Some(id);
        Ok(same.then_some((chunk, at)))
    }

    /// Returns chunk `seq`, decoded now unless it is kept, and keeps it
    /// first; `None` when the snapshot was replaced.
    fn chunk(&mut self, seq: usize) -> rusqlite::Result<Option<&Chunk>> {
        if let Some(at) = self.chunks.iter().position(|c| c.seq == seq) {
            let chunk = self.chunks.remove(at).expect("a kept chunk");
            self.chunks.push_front(chunk);
        } else {
            let Some(chunk) = self.read(seq)? else {
                return Ok(None);
            };
            // The oldest goes before the new one is in: never more alive.
            self.chunks.truncate(CHUNKS_KEPT - 1);
            self.chunks.push_front(chunk);
        }
        Ok(self.chunks.front())
    }

    /// Reads chunk `seq` of the snapshot, in one transaction that first
    /// checks the snapshot is still the listed one; `None` when it is not,
    /// or when its heads and bodies disagree.
    fn read(&self, seq: usize) -> rusqlite::Result<Option<Chunk>> {
        let corpus = self.source.corpus.as_str();
        let tx = self.conn.unchecked_transaction()?;
        let taken_with: Option<i64> = tx
            .prepare_cached("SELECT fingerprint FROM snapshots WHERE corpus = ?1")?
            .query_row([corpus], |r| r.get(0))
            .optional()?;
        if taken_with.map(tables::from_sql) != Some(self.source.fingerprint) {
            return Ok(None);
        }
        let blob = |table: &str| -> rusqlite::Result<Option<Vec<u8>>> {
            tx.prepare_cached(&format!(
                "SELECT data FROM {table} WHERE corpus = ?1 AND seq = ?2"
            ))?
            .query_row(params![corpus, seq], |r| r.get(0))
            .optional()
        };
        let (Some(heads), Some(bodies)) = (blob("snapshot_chunks")?, blob("snapshot_bodies")?)
        else {
            return Ok(None);
        };
        tx.finish()?;
        let heads: HeadChunk = tables::decode(&heads)?;
        let bodies = tables::decompress(&bodies)?;
        let view: BodyChunkView<'_> = tables::decode_borrowed(&bodies)?;
        let n = heads.heads.len();
        if view.bodies.len() != n || view.mentions.len() != n {
            return Ok(None);
        }
        // Each text borrows from `bodies`: its place is its offset there.
        let start = bodies.as_ptr() as usize;
        let texts = view
            .bodies
            .iter()
            .map(|body| {
                let from = body.text.as_ptr() as usize - start;
                from..from + body.text.len()
            })
            .collect();
        drop(view);
        Ok(Some(Chunk {
            seq,
            ids: heads.heads.into_iter().map(|h| h.id).collect(),
            bodies,
            texts,
        }))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::pipeline::Library;
    use crate::state::cache::Cache;

    /// A library of `n` articles, each with a text of its own.
    fn library(n: usize) -> Library {
        let mut library = tables::tests::full_library(n);
        for (i, a) in Arc::make_mut(&mut library.corpus)
            .articles
            .iter_mut()
            .enumerate()
        {
            a.text = format!("Sweden held rates.\n\nKrona firmed, article {i}.");
        }
        library
    }

    /// A cache in `dir` holding `library` as the snapshot of corpus "k".
    fn stored(dir: &std::path::Path, library: &Library, fingerprint: u64) -> BodySource {
        let path = dir.join("cache.db");
        let (cache, _) = Cache::open_file(&path).unwrap();
        cache
            .with_conn(|c| tables::save_snapshot(c, "k", fingerprint, library, &[], &|_, _| {}))
            .unwrap()
            .unwrap();
        BodySource {
            path,
            read_only: false,
            corpus: "k".into(),
            fingerprint,
        }
    }

    fn id(library: &Library, i: usize) -> &str {
        &library.corpus.articles[i].id
    }

    #[test]
    fn each_article_gets_its_own_body_from_its_chunk() {
        let dir = tempfile::tempdir().unwrap();
        let library = library(2 * CHUNK + 3);
        let mut bodies = Bodies::open(stored(dir.path(), &library, 7)).unwrap();
        for i in [0, 1, CHUNK - 1, CHUNK, 2 * CHUNK + 2] {
            let body = bodies.body(i, id(&library, i)).unwrap().expect("a body");
            let want = &library.corpus.articles[i];
            let (article, mentions) = body.into_article(&Article {
                text: String::new(),
                blocks: Vec::new(),
                ..want.clone()
            });
            assert_eq!(&article, want, "article {i}");
            assert_eq!(mentions, library.index.mentions_in(i), "article {i}");
        }
    }

    #[test]
    fn a_text_alone_is_the_text_of_its_body() {
        let dir = tempfile::tempdir().unwrap();
        let mut library = library(CHUNK + 3);
        // Texts that are not all alike, with characters of several bytes.
        Arc::make_mut(&mut library.corpus).articles[CHUNK + 1].text = "Zürich — «Köln»".into();
        let mut bodies = Bodies::open(stored(dir.path(), &library, 7)).unwrap();
        for i in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, CHUNK + 2] {
            let text = bodies.text(i, id(&library, i)).unwrap();
            assert_eq!(
                text.as_deref(),
                Some(library.corpus.articles[i].text.as_str())
            );
        }
        assert_eq!(bodies.text(1, id(&library, 2)).unwrap(), None, "another id");
        assert_eq!(
            bodies.text(CHUNK + 9, "ffff").unwrap(),
            None,
            "past the end"
        );
    }

    #[test]
    fn the_last_two_chunks_are_kept_most_recent_first() {
        let dir = tempfile::tempdir().unwrap();
        let library = library(3 * CHUNK);
        let mut bodies = Bodies::open(stored(dir.path(), &library, 7)).unwrap();
        assert!(
            bodies.kept().is_empty(),
            "nothing is read before it is asked"
        );
        let mut read = |i: usize| bodies.body(i, id(&library, i)).unwrap().unwrap();
        read(5);
        read(6);
        read(CHUNK + 1);
        read(2 * CHUNK);
        assert_eq!(bodies.kept(), [2, 1], "the oldest went");
        bodies.body(CHUNK, id(&library, CHUNK)).unwrap().unwrap();
        assert_eq!(bodies.kept(), [1, 2]);
        bodies.body(0, id(&library, 0)).unwrap().unwrap();
        assert_eq!(bodies.kept(), [0, 1]);
    }

    #[test]
    fn another_article_at_that_place_gives_no_body() {
        let dir = tempfile::tempdir().unwrap();
        let library = library(4);
        let mut bodies = Bodies::open(stored(dir.path(), &library, 7)).unwrap();
        assert_eq!(bodies.body(1, id(&library, 2)).unwrap(), None);
        assert_eq!(bodies.body(9, "ffff").unwrap(), None, "past the end");
        assert!(bodies.body(2, id(&library, 2)).unwrap().is_some());
    }

    #[test]
    fn a_replaced_snapshot_gives_no_body_from_a_chunk_not_yet_read() {
        let dir = tempfile::tempdir().unwrap();
        let listed = library(CHUNK + 2);
        let source = stored(dir.path(), &listed, 7);
        let mut bodies = Bodies::open(source).unwrap();
        assert!(bodies.body(0, id(&listed, 0)).unwrap().is_some());
        // The folder changed: its snapshot is replaced by another, whose
        // first article of the second chunk has the same id.
        let mut changed = library(CHUNK + 2);
        Arc::make_mut(&mut changed.corpus).articles[CHUNK].text = "Other words.".into();
        stored(dir.path(), &changed, 8);
        assert_eq!(bodies.body(CHUNK, id(&listed, CHUNK)).unwrap(), None);
        // What was read before the change is the listed article's still.
        let kept = bodies.body(0, id(&listed, 0)).unwrap().expect("kept");
        assert_eq!(kept.text, listed.corpus.articles[0].text);
    }
}
