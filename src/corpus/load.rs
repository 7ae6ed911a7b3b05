//! Loading: walk paths, read files in parallel, decode them, and turn every
//! problem into a one-line [`Warning`] instead of an abort.

use std::path::{Path, PathBuf};

use super::{RawDoc, Warning};

/// Limits for loading.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// Files larger than this are skipped with a warning.
    pub max_file_size: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            max_file_size: 16 * 1024 * 1024,
        }
    }
}

/// A file found by [`discover`], with what a cache needs to key it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileRef {
    pub path: PathBuf,
    pub size: u64,
    /// Modification time in nanoseconds since the epoch (0 when unknown).
    pub mtime_ns: u128,
}

/// Walks `paths` (files or folders, recursively; hidden entries skipped,
/// symlink loops survived) and returns the candidate files in path order.
pub fn discover(paths: &[PathBuf], opts: &LoadOptions) -> (Vec<FileRef>, Vec<Warning>) {
    let _ = (paths, opts);
    (Vec::new(), Vec::new())
}

/// Reads and decodes one file into its documents (several for `.jsonl`).
/// Problems that skip the file or part of it come back as warnings.
pub fn read_file(file: &FileRef, opts: &LoadOptions) -> (Vec<RawDoc>, Vec<Warning>) {
    let _ = (file, opts);
    (Vec::new(), Vec::new())
}

/// Discovers and reads every file under `paths`, in parallel.
pub fn load_paths(paths: &[PathBuf], opts: &LoadOptions) -> (Vec<RawDoc>, Vec<Warning>) {
    let (files, mut warnings) = discover(paths, opts);
    let mut docs = Vec::new();
    for file in &files {
        let (d, w) = read_file(file, opts);
        docs.extend(d);
        warnings.extend(w);
    }
    (docs, warnings)
}

/// Reads the bundled seed corpus.
pub fn load_seeds() -> (Vec<RawDoc>, Vec<Warning>) {
    let docs = crate::seeds::files()
        .iter()
        .map(|f| RawDoc {
            path: f.path.to_owned(),
            text: crate::sanitize::clean_text(&String::from_utf8_lossy(f.bytes)),
            ..RawDoc::default()
        })
        .collect();
    (docs, Vec::new())
}

#[allow(dead_code)]
fn display(path: &Path) -> String {
    path.display().to_string()
}
