//! Generated corpora for benchmarks and tests: a dev-only tool, not part of
//! dossier's library. Included by path (`#[path = ...] mod corpus;`) from
//! benches and tests.
//!
//! - [`generate`]: the original planted-duplicate corpus (short articles,
//!   a share of exact, short and edited copies);
//! - [`wire`]: a real-shaped corpus (real-length prose, syndicated wire
//!   paragraphs, clusters of 100+ wire copies, updates, mixed formats).
#![allow(dead_code, reason = "each bench or test uses a part")]

pub mod generate;
pub mod grammar;
pub mod vocab;
pub mod wire;

use std::io;
use std::path::{Path, PathBuf};

use dossier::corpus::RawDoc;
use dossier::corpus::formats::Format;
use dossier::corpus::load;
use rayon::prelude::*;

/// A generated corpus: file names with their text, the planted
/// duplicates as `(original, copy)` indexes into `docs`, and the planted
/// follow-ups (threads) as `(earlier, follow-up)`.
#[derive(Clone, Debug, Default)]
pub struct GeneratedCorpus {
    pub docs: Vec<(String, String)>,
    pub planted: Vec<(usize, usize)>,
    pub followed: Vec<(usize, usize)>,
}

impl GeneratedCorpus {
    /// Writes every document into `dir` (which must exist).
    pub fn write_to(&self, dir: &Path) -> io::Result<()> {
        for (name, text) in &self.docs {
            std::fs::write(dir.join(name), text)?;
        }
        Ok(())
    }

    /// Returns the total size of the texts in bytes.
    pub fn total_bytes(&self) -> usize {
        self.docs.iter().map(|(_, t)| t.len()).sum()
    }

    /// Returns the documents as the loader would read them from files of
    /// these names (format by extension), in order, in parallel.
    pub fn raw_docs(&self) -> Vec<RawDoc> {
        self.docs
            .par_iter()
            .flat_map_iter(|(name, text)| {
                let format = Format::from_path(&PathBuf::from(name));
                load::parse_bytes(name, text.as_bytes().to_vec(), format).0
            })
            .collect()
    }
}
