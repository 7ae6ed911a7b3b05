//! The per-file and per-text steps of the pipeline, as the flow calls
//! them: finding the files, reading one, finding one article's entities.
//! [`Standard`] is the real pipeline; tests and benchmarks may supply their
//! own to count or stand in for steps.

use std::path::PathBuf;

use crate::corpus::Warning;
use crate::corpus::load::{self, FileRead, FileRef, LoadOptions};
use crate::entities::{self, ArticleParts, Mention};

/// The replaceable steps of an open.
pub trait Steps: Sync {
    /// Finds the article files under `paths`; `found` hears the number
    /// found so far as the walk goes.
    fn discover(
        &self,
        paths: &[PathBuf],
        opts: &LoadOptions,
        found: &dyn Fn(usize),
    ) -> (Vec<FileRef>, Vec<Warning>) {
        load::discover(paths, opts, found)
    }
    fn read(&self, file: &FileRef, opts: &LoadOptions) -> FileRead {
        load::read_file(file, opts)
    }
    fn extract(&self, article: ArticleParts<'_>) -> Vec<Mention> {
        entities::extract_article(article)
    }
}

/// The real pipeline's steps.
pub struct Standard;

impl Steps for Standard {}
