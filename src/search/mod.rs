//! Full-text search over the articles' titles and bodies: SQLite FTS5,
//! BM25-ranked, in `search.db` beside the other state files (or in memory
//! with `--no-state`).
//!
//! The FTS5 table is contentless: it holds the inverted index, not a second
//! copy of the text, which the [`Library`] already has; snippets are cut
//! from the library's text ([`snippet`]). Rows are keyed by article id (a
//! hash of the content), so the index is shared by every corpus opened with
//! the same state directory and [`SearchIndex::update`] adds only the
//! articles it has not seen. Hits outside the open corpus are dropped.
//!
//! Like `cache.db`, the file is derived: deleting it costs one re-index.

pub mod query;
pub mod snippet;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, params};

pub use query::{Query, QueryError, Term};
pub use snippet::{Snippet, snippet};

use crate::pipeline::Library;
use crate::state::StateError;
use crate::state::db::{self, Check};

/// The search index file's name in the state directory.
pub const FILE: &str = "search.db";

const MIGRATIONS: &[&str] = &[
    "CREATE TABLE docs(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE);
     CREATE VIRTUAL TABLE text USING fts5(
         title, body, content='', contentless_delete=1,
         tokenize='unicode61 remove_diacritics 0');",
];

/// How much a word in the title counts against one in the body.
const TITLE_WEIGHT: f64 = 4.0;

/// One article that matched, with its BM25 score (higher is better).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    /// Index into the library's articles.
    pub article: usize,
    pub score: f64,
}

/// The matches of a query in the open corpus.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Hits {
    /// How many articles of the corpus match.
    pub total: usize,
    /// The best of them, best first.
    pub best: Vec<Hit>,
}

/// An FTS5 index of article titles and bodies.
pub struct SearchIndex {
    conn: Connection,
    path: PathBuf,
    /// FTS5 row → index of the article in the library last [`update`]d.
    ///
    /// [`update`]: SearchIndex::update
    rows: HashMap<i64, usize>,
}

impl SearchIndex {
    /// Opens (creating if needed) `search.db` in `dir`; a damaged file is
    /// moved aside and started anew, with a notice.
    pub fn open(dir: &Path) -> Result<(SearchIndex, Vec<String>), StateError> {
        let path = dir.join(FILE);
        let (conn, notices) = db::open(&path, MIGRATIONS, Check::Header)?;
        Ok((SearchIndex::with(conn, path), notices))
    }

    /// An index in memory, which touches nothing on disk.
    pub fn in_memory() -> Result<SearchIndex, StateError> {
        let conn = db::open_in_memory(MIGRATIONS)?;
        Ok(SearchIndex::with(conn, PathBuf::from(":memory:")))
    }

    fn with(conn: Connection, path: PathBuf) -> SearchIndex {
        SearchIndex {
            conn,
            path,
            rows: HashMap::new(),
        }
    }

    fn error(&self, source: rusqlite::Error) -> StateError {
        StateError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    /// Indexes the articles of `library` that the index does not hold yet,
    /// in one transaction, and makes `library` the corpus that searches
    /// answer for. Returns how many articles were added.
    pub fn update(&mut self, library: &Library) -> Result<usize, StateError> {
        self.update_inner(library).map_err(|e| self.error(e))
    }

    fn update_inner(&mut self, library: &Library) -> rusqlite::Result<usize> {
        let mut known: HashMap<String, i64> = {
            let mut stmt = self.conn.prepare("SELECT id, rowid FROM docs")?;
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        let mut rows = HashMap::with_capacity(library.corpus.articles.len());
        let mut added = 0;
        let tx = self.conn.transaction()?;
        {
            let mut add_doc = tx.prepare("INSERT INTO docs(id) VALUES (?1)")?;
            let mut add_text =
                tx.prepare("INSERT INTO text(rowid, title, body) VALUES (?1, ?2, ?3)")?;
            for (i, article) in library.corpus.articles.iter().enumerate() {
                let row = if let Some(&row) = known.get(&article.id) {
                    row
                } else {
                    add_doc.execute([&article.id])?;
                    let row = tx.last_insert_rowid();
                    add_text.execute(params![row, article.title, article.text])?;
                    known.insert(article.id.clone(), row);
                    added += 1;
                    row
                };
                rows.insert(row, i);
            }
        }
        tx.commit()?;
        self.rows = rows;
        Ok(added)
    }

    /// Returns how many articles of the corpus match `query`, and the best
    /// `limit` of them by BM25 (title words weigh `TITLE_WEIGHT` (4) times
    /// body words).
    pub fn search(&self, query: &Query, limit: usize) -> Result<Hits, StateError> {
        self.search_inner(query, limit).map_err(|e| self.error(e))
    }

    fn search_inner(&self, query: &Query, limit: usize) -> rusqlite::Result<Hits> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT rowid, bm25(text, ?2, 1.0) FROM text WHERE text MATCH ?1")?;
        let mut hits: Vec<Hit> = Vec::new();
        let mut rows = stmt.query(params![query.to_fts5(), TITLE_WEIGHT])?;
        while let Some(row) = rows.next()? {
            let rowid: i64 = row.get(0)?;
            let rank: f64 = row.get(1)?;
            if let Some(&article) = self.rows.get(&rowid) {
                // FTS5's bm25() is negated so that ORDER BY sorts best first.
                hits.push(Hit {
                    article,
                    score: -rank,
                });
            }
        }
        let total = hits.len();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.article.cmp(&b.article)));
        hits.truncate(limit);
        Ok(Hits { total, best: hits })
    }
}
