//! The pipeline: paths → load → clean → dedup → entities → index, giving an
//! immutable [`Library`] that the CLI and the reader share.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::corpus::clean::{self, ChromeModel};
use crate::corpus::dedup::{self, DedupOptions};
use crate::corpus::load::{self, LoadOptions};
use crate::corpus::{Article, Corpus, RawDoc, Warning};
use crate::entities::{self, ArticleParts, EntityIndex, Mention};

/// Everything that tunes a load.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub load: LoadOptions,
    pub dedup: DedupOptions,
}

/// A step of the pipeline, for progress reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Reading,
    Cleaning,
    Deduplicating,
    Extracting,
    Indexing,
}

impl Stage {
    pub fn label(self) -> &'static str {
        match self {
            Stage::Reading => "reading files",
            Stage::Cleaning => "cleaning",
            Stage::Deduplicating => "merging duplicates",
            Stage::Extracting => "finding entities",
            Stage::Indexing => "indexing",
        }
    }
}

/// How far the pipeline has got: `done` of `total` items in `stage`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub stage: Stage,
    pub done: usize,
    pub total: usize,
}

/// The deduplicated corpus with its entity index.
#[derive(Clone, Debug, Default)]
pub struct Library {
    pub corpus: Corpus,
    pub index: EntityIndex,
}

/// Why nothing could be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("no articles could be loaded from {paths}{detail}")]
    Empty { paths: String, detail: String },
}

impl OpenError {
    /// The error for a load of `paths` that gave no article, with the
    /// first reason a file was skipped, so that the one line says why even
    /// where the warnings themselves are not shown (the reader).
    pub fn empty(paths: &[PathBuf], warnings: &[Warning]) -> Self {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        let detail = match warnings {
            [] => " (no readable article files found)".to_owned(),
            [only] => format!(" ({only})"),
            [first, rest @ ..] => format!(" ({first}; {} more file(s) skipped)", rest.len()),
        };
        OpenError::Empty {
            paths: if shown.is_empty() {
                "the bundled seeds".into()
            } else {
                shown.join(", ")
            },
            detail,
        }
    }
}

/// Loads the files under `paths` (the bundled seeds when empty) into a
/// [`Library`]. Fails only when no article at all could be loaded.
pub fn open(
    paths: &[PathBuf],
    opts: &Options,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Library, OpenError> {
    progress(Progress {
        stage: Stage::Reading,
        done: 0,
        total: 0,
    });
    let (docs, warnings) = if paths.is_empty() {
        load::load_seeds()
    } else {
        load::load_paths_with_progress(paths, &opts.load, &|done, total| {
            progress(Progress {
                stage: Stage::Reading,
                done,
                total,
            });
        })
    };
    // The raw texts are dropped once cleaned, so that at most two copies
    // of the corpus text are alive at a time.
    let cleaned = clean_all(&docs, warnings, progress);
    drop(docs);
    let library = finish(cleaned, opts, progress, extract_all);
    if library.corpus.articles.is_empty() {
        return Err(OpenError::empty(paths, &library.corpus.warnings));
    }
    Ok(library)
}

/// Cleans, deduplicates and indexes documents that are already read.
/// Progress is reported at each stage's start and about every 1% of the
/// documents read and cleaned, from any thread.
pub fn build(
    docs: &[RawDoc],
    warnings: Vec<Warning>,
    opts: &Options,
    progress: &(dyn Fn(Progress) + Sync),
) -> Library {
    build_with(docs, warnings, opts, progress, extract_all)
}

/// [`build`] with the entity step given: `extract` returns each
/// deduplicated article's mentions, in article order (the cached index
/// passes one that reuses earlier extractions).
pub fn build_with(
    docs: &[RawDoc],
    warnings: Vec<Warning>,
    opts: &Options,
    progress: &(dyn Fn(Progress) + Sync),
    extract: impl FnOnce(&[Article]) -> Vec<Vec<Mention>>,
) -> Library {
    let cleaned = clean_all(docs, warnings, progress);
    finish(cleaned, opts, progress, extract)
}

/// Finds every article's mentions, in parallel.
fn extract_all(articles: &[Article]) -> Vec<Vec<Mention>> {
    articles
        .par_iter()
        .map(|a| entities::extract_article(article_parts(a)))
        .collect()
}

/// Returns what entity extraction reads of an article: title, author and
/// body.
pub fn article_parts(a: &Article) -> ArticleParts<'_> {
    ArticleParts {
        title: &a.title,
        author: a.author.as_deref(),
        text: &a.text,
    }
}

/// Cleaned articles with their dedup fingerprints, and the warnings so far.
struct Cleaned {
    articles: Vec<Article>,
    prints: Vec<Vec<u64>>,
    warnings: Vec<Warning>,
}

/// Cleans every document; a document with no article text left becomes a
/// warning.
fn clean_all(
    docs: &[RawDoc],
    mut warnings: Vec<Warning>,
    progress: &(dyn Fn(Progress) + Sync),
) -> Cleaned {
    let total = docs.len();
    progress(Progress {
        stage: Stage::Cleaning,
        done: 0,
        total,
    });
    let chrome = ChromeModel::learn(docs);
    let step = (total / 100).max(1);
    let done = AtomicUsize::new(0);
    let cleaned: Vec<_> = docs
        .par_iter()
        .map(|d| {
            let article = clean::clean_for_dedup(d, &chrome);
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            if n.is_multiple_of(step) {
                progress(Progress {
                    stage: Stage::Cleaning,
                    done: n,
                    total,
                });
            }
            (d, article)
        })
        .collect();
    let mut articles = Vec::with_capacity(cleaned.len());
    let mut prints = Vec::with_capacity(cleaned.len());
    for (doc, article) in cleaned {
        match article {
            Some((a, p)) => {
                articles.push(a);
                prints.push(p);
            }
            None => warnings.push(Warning {
                path: doc.path.clone(),
                reason: "skipped: no article text (empty or only page chrome)".into(),
            }),
        }
    }
    Cleaned {
        articles,
        prints,
        warnings,
    }
}

/// Deduplicates cleaned articles, finds their entities and indexes them.
fn finish(
    cleaned: Cleaned,
    opts: &Options,
    progress: &(dyn Fn(Progress) + Sync),
    extract: impl FnOnce(&[Article]) -> Vec<Vec<Mention>>,
) -> Library {
    let Cleaned {
        articles,
        prints,
        warnings,
    } = cleaned;
    progress(Progress {
        stage: Stage::Deduplicating,
        done: 0,
        total: articles.len(),
    });
    let articles = dedup::dedup_prepared(articles, prints, &opts.dedup);
    progress(Progress {
        stage: Stage::Extracting,
        done: 0,
        total: articles.len(),
    });
    let mentions = extract(&articles);
    progress(Progress {
        stage: Stage::Indexing,
        done: 0,
        total: articles.len(),
    });
    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    let index = EntityIndex::build(&texts, mentions);
    Library {
        corpus: Corpus { articles, warnings },
        index,
    }
}
