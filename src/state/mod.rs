//! Remembered state: read and starred articles, scroll positions, the last
//! session of each corpus ([`store`]), and the cached index that makes
//! reopening a large folder instant ([`cache`]), in embedded SQLite
//! databases opened safely by [`db`].
//!
//! Both files live in one directory: `--state-dir`, else
//! `$DOSSIER_STATE_DIR`, else the XDG data directory (`~/.local/share/dossier`).
//! `state.db` is small and precious; `cache.db` is large and derived, so it
//! is kept apart: deleting it only costs one slow open.

pub mod cache;
pub mod db;
pub mod store;

use std::path::{Path, PathBuf};

pub use cache::Cache;
pub use store::{Marks, Session, StateStore};

/// Environment variable that overrides the state directory.
pub const STATE_DIR_ENV: &str = "DOSSIER_STATE_DIR";

/// Why remembered state could not be opened or written.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: {source}", path.display())]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("{}: {reason}", path.display())]
    Unusable { path: PathBuf, reason: String },
    /// The full-text search index (a tantivy index, see `crate::search`).
    #[error("{}: {source}", path.display())]
    Search {
        path: PathBuf,
        source: tantivy::TantivyError,
    },
    #[error(
        "no data directory is known for this user; pass --state-dir or set {STATE_DIR_ENV}, or use --no-state"
    )]
    NoDataDir,
}

/// What the command line says about remembered state.
#[derive(Clone, Debug, Default)]
pub struct StateOptions {
    /// `--state-dir`.
    pub dir: Option<PathBuf>,
    /// `--no-state`: touch nothing on disk.
    pub disabled: bool,
}

/// Opens the state store and the cache for a session. Never fails: a
/// store that cannot be opened (unwritable directory, locked file) is
/// replaced by an in-memory one, and the cache by none, each with a
/// one-line notice for the user. Notices also report files moved aside.
pub fn open_all(opts: &StateOptions) -> (StateStore, Cache, Vec<String>) {
    let (store, mut notices) = open_store(opts);
    let (cache, more) = open_cache(opts);
    notices.extend(more);
    (store, cache, notices)
}

/// Opens `state.db` (read and starred marks, sessions) like [`open_all`];
/// only the reader needs it.
pub fn open_store(opts: &StateOptions) -> (StateStore, Vec<String>) {
    if opts.disabled {
        return (StateStore::disabled(), Vec::new());
    }
    match StateStore::open(opts.dir.as_deref()) {
        Ok(opened) => opened,
        Err(e) => (
            StateStore::disabled(),
            vec![format!(
                "{e}; read and starred marks will not be kept this time"
            )],
        ),
    }
}

/// Opens `cache.db` like [`open_all`]: every command that opens a corpus
/// needs it.
pub fn open_cache(opts: &StateOptions) -> (Cache, Vec<String>) {
    if opts.disabled {
        return (Cache::disabled(), Vec::new());
    }
    match Cache::open(opts.dir.as_deref()) {
        Ok(opened) => opened,
        Err(e) => (
            Cache::disabled(),
            vec![format!("{e}; opening without the cached index")],
        ),
    }
}

/// Returns the directory for `state.db` and `cache.db`: `flag` when given,
/// else `$DOSSIER_STATE_DIR` when set and non-empty, else
/// `<XDG data dir>/dossier`.
pub fn state_dir(flag: Option<&Path>) -> Result<PathBuf, StateError> {
    if let Some(dir) = flag {
        return Ok(dir.to_path_buf());
    }
    if let Some(dir) = std::env::var_os(STATE_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::data_dir()
        .map(|d| d.join("dossier"))
        .ok_or(StateError::NoDataDir)
}

/// Returns the key under which a corpus's session and cached index are
/// stored: `"seeds"` for the bundled seeds (no paths), else a hash of the
/// sorted, deduplicated, canonical paths, so `dossier a b` and
/// `dossier ./b a` share one session.
pub fn corpus_key(paths: &[PathBuf]) -> String {
    if paths.is_empty() {
        return "seeds".to_owned();
    }
    let mut canonical: Vec<PathBuf> = paths
        .iter()
        .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| absolute(p)))
        .collect();
    canonical.sort();
    canonical.dedup();
    let mut bytes = Vec::new();
    for p in &canonical {
        bytes.extend_from_slice(p.as_os_str().as_encoded_bytes());
        bytes.push(0);
    }
    format!("paths-{:016x}", xxhash_rust::xxh3::xxh3_64(&bytes))
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unusable_directory_falls_back_to_memory() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("not-a-dir");
        std::fs::write(&file, b"x").unwrap();
        let (store, cache, notices) = open_all(&StateOptions {
            dir: Some(file.clone()),
            disabled: false,
        });
        assert_eq!(notices.len(), 2, "{notices:?}");
        assert!(notices[0].contains("not-a-dir"), "{}", notices[0]);
        assert!(store.path().is_none() && cache.path().is_none());
        assert!(store.toggle_star("a").unwrap());
        let (store, _, notices) = open_all(&StateOptions {
            dir: Some(dir.path().to_path_buf()),
            disabled: true,
        });
        assert!(notices.is_empty() && store.path().is_none());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn corpus_key_ignores_order_and_spelling() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        let b = dir.path().join("b");
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        let one = corpus_key(&[a.clone(), b.clone()]);
        let two = corpus_key(&[b.join("."), a.clone(), a.clone()]);
        assert_eq!(one, two);
        assert_ne!(one, corpus_key(&[a]));
        assert_eq!(corpus_key(&[]), "seeds");
    }
}
