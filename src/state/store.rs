//! The reader's memory: per article (by stable id) read, starred, scroll
//! position and first seen; per corpus the selected article, the filter and
//! the focused pane. Every change is its own autocommitted statement, so a
//! `kill -9` loses nothing that a call has returned from.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, params};

use super::StateError;
use super::db::{self, Check};

/// The schema of `state.db`, oldest first: migration `i` takes the file
/// from version `i` to `i + 1`. Never edit a released entry; append.
pub const MIGRATIONS: &[&str] = &[
    // v1: read/starred/scroll per article; selection and filter per corpus.
    "CREATE TABLE articles (
        id      TEXT PRIMARY KEY NOT NULL,
        read    INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        scroll  INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;
    CREATE TABLE sessions (
        corpus   TEXT PRIMARY KEY NOT NULL,
        selected TEXT,
        filter   TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;",
    // v2: when an article was first seen, and the focused pane.
    "ALTER TABLE articles ADD COLUMN first_seen INTEGER;
    UPDATE articles SET first_seen = CAST(strftime('%s', 'now') AS INTEGER);
    ALTER TABLE sessions ADD COLUMN pane TEXT;",
    // v3: the list's order.
    "ALTER TABLE sessions ADD COLUMN sort TEXT;",
    // v4: the few marked articles found without reading every article
    // ever seen (100,000 rows for a large folder) when a list is shown.
    "CREATE INDEX marked ON articles (id) WHERE read != 0 OR starred != 0 OR scroll != 0;",
];

/// What is remembered about one article.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    pub read: bool,
    pub starred: bool,
    /// Last scroll offset of the reading pane, in lines.
    pub scroll: u16,
    /// Unix seconds when the article was first loaded or marked.
    pub first_seen: Option<i64>,
}

/// What is restored when the same corpus is opened again.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Session {
    /// Id of the selected article.
    pub selected: Option<String>,
    /// The filter query as typed ("" for none).
    pub filter: String,
    /// Name of the focused pane, as the reader spells it.
    pub pane: Option<String>,
    /// Name of the list's order (see [`crate::sort::SortKey::name`]).
    pub sort: Option<String>,
}

/// The state database, or an in-memory stand-in with the same behaviour.
pub struct StateStore {
    conn: Connection,
    path: Option<PathBuf>,
}

impl std::fmt::Debug for StateStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StateStore")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl StateStore {
    /// Opens `state.db` in `dir`, or in [`super::state_dir`]`(None)` when
    /// `dir` is `None`. The notices are one-line reports (a corrupt or newer
    /// file moved aside) for the user.
    pub fn open(dir: Option<&Path>) -> Result<(Self, Vec<String>), StateError> {
        let dir = super::state_dir(dir)?;
        Self::open_file(&dir.join("state.db"))
    }

    /// Opens the state database at exactly `path`.
    pub fn open_file(path: &Path) -> Result<(Self, Vec<String>), StateError> {
        let (conn, notices) = db::open(path, MIGRATIONS, Check::Full)?;
        Ok((
            Self {
                conn,
                path: Some(path.to_path_buf()),
            },
            notices,
        ))
    }

    /// A store that remembers only until it is dropped and writes nothing
    /// to disk (`--no-state`).
    pub fn disabled() -> Self {
        // Fails only if the built-in schema is invalid, which the tests rule
        // out, or if memory is exhausted.
        let conn = db::open_in_memory(MIGRATIONS).expect("the built-in schema applies in memory");
        Self { conn, path: None }
    }

    /// Returns the database file, or `None` for a disabled store.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Returns true if and only if the article is marked read.
    pub fn is_read(&self, id: &str) -> Result<bool, StateError> {
        Ok(self.marks_of(id)?.read)
    }

    /// Returns true if and only if the article is starred.
    pub fn is_starred(&self, id: &str) -> Result<bool, StateError> {
        Ok(self.marks_of(id)?.starred)
    }

    pub fn set_read(&self, id: &str, read: bool) -> Result<(), StateError> {
        self.exec(
            "INSERT INTO articles (id, read, first_seen) VALUES (?1, ?2, ?3)
             ON CONFLICT (id) DO UPDATE SET read = excluded.read",
            params![id, read, db::unix_now()],
        )
    }

    /// Flips the read mark and returns the new value.
    pub fn toggle_read(&self, id: &str) -> Result<bool, StateError> {
        self.flip(id, "read")
    }

    /// Flips the star and returns the new value.
    pub fn toggle_star(&self, id: &str) -> Result<bool, StateError> {
        self.flip(id, "starred")
    }

    pub fn set_starred(&self, id: &str, starred: bool) -> Result<(), StateError> {
        self.exec(
            "INSERT INTO articles (id, starred, first_seen) VALUES (?1, ?2, ?3)
             ON CONFLICT (id) DO UPDATE SET starred = excluded.starred",
            params![id, starred, db::unix_now()],
        )
    }

    pub fn set_scroll(&self, id: &str, scroll: u16) -> Result<(), StateError> {
        self.exec(
            "INSERT INTO articles (id, scroll, first_seen) VALUES (?1, ?2, ?3)
             ON CONFLICT (id) DO UPDATE SET scroll = excluded.scroll",
            params![id, scroll, db::unix_now()],
        )
    }

    /// Records `ids` as seen now unless they were seen before, in one
    /// transaction; returns how many were new.
    pub fn record_seen<S: AsRef<str>>(&self, ids: &[S]) -> Result<usize, StateError> {
        let now = db::unix_now();
        let tx = self.conn.unchecked_transaction().map_err(|e| self.err(e))?;
        let mut added = 0;
        {
            let mut stmt = tx
                .prepare_cached(
                    "INSERT INTO articles (id, first_seen) VALUES (?1, ?2)
                     ON CONFLICT (id) DO NOTHING",
                )
                .map_err(|e| self.err(e))?;
            for id in ids {
                added += stmt
                    .execute(params![id.as_ref(), now])
                    .map_err(|e| self.err(e))?;
            }
        }
        tx.commit().map_err(|e| self.err(e))?;
        Ok(added)
    }

    /// Returns the marks of those `ids` that have any; absent ids are
    /// unread, unstarred and unseen.
    pub fn marks<S: AsRef<str>>(&self, ids: &[S]) -> Result<HashMap<String, Marks>, StateError> {
        let mut out = HashMap::new();
        // One scan beats thousands of point lookups on a large corpus.
        if ids.len() > 256 {
            let wanted: std::collections::HashSet<&str> = ids.iter().map(AsRef::as_ref).collect();
            for (id, marks) in self.all_marks()? {
                if wanted.contains(id.as_str()) {
                    out.insert(id, marks);
                }
            }
            return Ok(out);
        }
        for id in ids {
            if let Some(m) = self.find(id.as_ref())? {
                out.insert(id.as_ref().to_owned(), m);
            }
        }
        Ok(out)
    }

    /// Returns the marks the reader shows of those `ids` that carry one
    /// (read, starred, or a scroll position): what opening a corpus needs.
    /// Once every article of a large folder has been seen, [`Self::marks`]
    /// would build an entry for each; this builds one for the few marked.
    pub fn shown_marks<S: AsRef<str>>(
        &self,
        ids: &[S],
    ) -> Result<HashMap<String, Marks>, StateError> {
        let shown = |m: &Marks| m.read || m.starred || m.scroll != 0;
        if ids.len() <= 256 {
            let mut marks = self.marks(ids)?;
            marks.retain(|_, m| shown(m));
            return Ok(marks);
        }
        // Through the index `marked`: the rows of the few marked articles.
        let mut marked = self.select_marks(
            "SELECT id, read, starred, scroll, first_seen FROM articles
             WHERE read != 0 OR starred != 0 OR scroll != 0",
        )?;
        let mut shown = HashMap::with_capacity(marked.len());
        for id in ids {
            if marked.is_empty() {
                break;
            }
            if let Some((id, marks)) = marked.remove_entry(id.as_ref()) {
                shown.insert(id, marks);
            }
        }
        Ok(shown)
    }

    /// Returns every article that has marks.
    pub fn all_marks(&self) -> Result<HashMap<String, Marks>, StateError> {
        self.select_marks("SELECT id, read, starred, scroll, first_seen FROM articles")
    }

    /// Returns the marks of the rows `sql` selects (id, read, starred,
    /// scroll, first_seen), by id.
    fn select_marks(&self, sql: &str) -> Result<HashMap<String, Marks>, StateError> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, marks_from_row(r)?)))
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    pub fn save_session(&self, corpus_key: &str, session: &Session) -> Result<(), StateError> {
        self.exec(
            "INSERT INTO sessions (corpus, selected, filter, pane, sort)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (corpus) DO UPDATE SET
               selected = excluded.selected, filter = excluded.filter,
               pane = excluded.pane, sort = excluded.sort",
            params![
                corpus_key,
                session.selected,
                session.filter,
                session.pane,
                session.sort
            ],
        )
    }

    pub fn load_session(&self, corpus_key: &str) -> Result<Option<Session>, StateError> {
        self.conn
            .prepare_cached("SELECT selected, filter, pane, sort FROM sessions WHERE corpus = ?1")
            .and_then(|mut stmt| {
                stmt.query_row([corpus_key], |r| {
                    Ok(Session {
                        selected: r.get(0)?,
                        filter: r.get(1)?,
                        pane: r.get(2)?,
                        sort: r.get(3)?,
                    })
                })
                .optional()
            })
            .map_err(|e| self.err(e))
    }

    fn marks_of(&self, id: &str) -> Result<Marks, StateError> {
        Ok(self.find(id)?.unwrap_or_default())
    }

    fn find(&self, id: &str) -> Result<Option<Marks>, StateError> {
        self.conn
            .prepare_cached("SELECT read, starred, scroll, first_seen FROM articles WHERE id = ?1")
            .and_then(|mut stmt| {
                stmt.query_row([id], |r| {
                    Ok(Marks {
                        read: r.get(0)?,
                        starred: r.get(1)?,
                        scroll: r.get(2)?,
                        first_seen: r.get(3)?,
                    })
                })
                .optional()
            })
            .map_err(|e| self.err(e))
    }

    fn flip(&self, id: &str, column: &str) -> Result<bool, StateError> {
        // One statement, so the flip is atomic even with two readers open.
        let sql = format!(
            "INSERT INTO articles (id, {column}, first_seen) VALUES (?1, 1, ?2)
             ON CONFLICT (id) DO UPDATE SET {column} = 1 - {column}
             RETURNING {column}"
        );
        self.conn
            .prepare_cached(&sql)
            .and_then(|mut stmt| stmt.query_row(params![id, db::unix_now()], |r| r.get(0)))
            .map_err(|e| self.err(e))
    }

    fn exec(&self, sql: &str, params: impl rusqlite::Params) -> Result<(), StateError> {
        self.conn
            .prepare_cached(sql)
            .and_then(|mut stmt| stmt.execute(params))
            .map(drop)
            .map_err(|e| self.err(e))
    }

    fn err(&self, source: rusqlite::Error) -> StateError {
        StateError::Sqlite {
            path: self
                .path
                .clone()
                .unwrap_or_else(|| PathBuf::from(":memory:")),
            source,
        }
    }
}

fn marks_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Marks> {
    Ok(Marks {
        read: r.get(1)?,
        starred: r.get(2)?,
        scroll: r.get(3)?,
        first_seen: r.get(4)?,
    })
}
