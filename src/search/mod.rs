//! Full-text search over the articles' titles and bodies: a tantivy index,
//! BM25-ranked, in the `search-index` folder beside the other state files
//! (with `--no-state`, built for the one run: see [`ForThisRun`]).
//!
//! The index holds words and positions, not a second copy of the text,
//! which the [`Library`] already has (or its caller reads on demand, for
//! a library listed without its texts: [`open_for_with`]); snippets are
//! cut from that text ([`snippet()`]). Each indexed article carries a key (a hash of its
//! id, which is a hash of its content, and of its merged copies' own blocks), so the index is shared by every
//! corpus opened with the same state directory and [`SearchIndex::update`]
//! adds only the articles it has not seen, on all cores. Hits outside the
//! open corpus are dropped.
//!
//! Like `cache.db`, the folder is derived: deleting it costs one re-index.
//! [`open_for`] is the one call that gives a ready index for a library.

mod engine;
pub mod query;
pub mod snippet;
pub mod texts;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tantivy::directory::MmapDirectory;
use tantivy::indexer::NoMergePolicy;
use tantivy::query::EnableScoring;
use tantivy::{
    Index, IndexReader, IndexSettings, IndexWriter, ReloadPolicy, Searcher, TantivyDocument,
};

pub use query::{Query, QueryError, Term};
pub use snippet::{Snippet, article_snippet, snippet};

use crate::pipeline::{Library, TextOf, own_text};
use crate::state::StateError;
use crate::state::db;
use engine::Fields;

/// The search index's folder in the state directory.
pub const DIR: &str = "search-index";

/// The file an earlier dossier kept its (SQLite FTS5) search index in;
/// derived data, removed when the new index is opened.
const OLD_FILE: &str = "search.db";

/// Below this much new text, one indexing thread; above it, all cores.
const PARALLEL_FROM_BYTES: usize = 8 << 20;

/// Memory each indexing thread fills before it writes a segment.
const HEAP_PER_THREAD: usize = 96 << 20;

/// An update commits after this many new articles: a reader that quits
/// while the search worker still indexes (100,000 articles take tens of
/// seconds) keeps what was indexed, and the next update adds the rest.
/// Each commit ends a segment per writer thread, of this many articles
/// between them, which stays above [`SMALL_SEGMENT_DOCS`].
pub const COMMIT_EVERY: usize = 20_000;

/// When an update leaves more than this many segments, the small ones are
/// merged into one (a cold build writes a few large segments, each later
/// update a small one).
const MAX_SEGMENTS: usize = 24;

/// Segments with fewer documents than this count as small.
const SMALL_SEGMENT_DOCS: u32 = 5_000;

/// How the folder of a scratch index ([`SearchIndex::scratch`]) is named
/// in the system's temporary directory, before the id of the process that
/// made it.
const SCRATCH_PREFIX: &str = "dossier-search-";

/// A document of the index that is not an article of the open corpus.
const NOT_IN_CORPUS: u32 = u32::MAX;

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

/// A full-text index of article titles and bodies, answering for the
/// library last [`update`](SearchIndex::update)d. It is `Send`, so a
/// reader can search from a worker thread.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    /// Where the index lives, for errors.
    path: PathBuf,
    /// The index as of the last update.
    searcher: Searcher,
    /// Per segment of `searcher`, each document's article index in the
    /// open corpus, or [`NOT_IN_CORPUS`].
    articles: Vec<Vec<u32>>,
    /// An update commits after this many new articles.
    commit_every: usize,
    /// The scratch folder the index is written to, removed when the index
    /// is dropped (after the index that maps its files).
    scratch: Option<tempfile::TempDir>,
}

/// Where an index that no state directory keeps is built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ForThisRun {
    /// In memory: for the reader, whose search worker may still be
    /// indexing when the user quits, and must not hold the quit up.
    Memory,
    /// In a [scratch](SearchIndex::scratch) folder, removed with the
    /// index: for a command, which drops it before it ends.
    Scratch,
}

/// Returns an index of `library` that is ready to search: the one in
/// `state_dir`, brought up to date (only new articles are indexed), or,
/// with no state directory, one built as `for_this_run` says. An index on
/// disk that cannot be used (another dossier is writing it, the directory
/// is not writable) gives way to one built for this run, said in the
/// returned notices.
pub fn open_for(
    library: &Library,
    state_dir: Option<&Path>,
    for_this_run: ForThisRun,
) -> Result<(SearchIndex, Vec<String>), StateError> {
    open_for_with(library, state_dir, for_this_run, &|i| own_text(library, i))
}

/// [`open_for`] for a library that may not hold its texts: `text_of`
/// gives the text of an article the index does not hold yet.
pub fn open_for_with<'a>(
    library: &'a Library,
    state_dir: Option<&Path>,
    for_this_run: ForThisRun,
    text_of: TextOf<'_, 'a>,
) -> Result<(SearchIndex, Vec<String>), StateError> {
    let build_for_this_run = || -> Result<SearchIndex, StateError> {
        let mut index = match for_this_run {
            ForThisRun::Memory => SearchIndex::in_memory()?,
            ForThisRun::Scratch => SearchIndex::scratch()?,
        };
        index.update_with(library, text_of)?;
        Ok(index)
    };
    let Some(dir) = state_dir else {
        return Ok((build_for_this_run()?, Vec::new()));
    };
    let on_disk = SearchIndex::open(dir).and_then(|(mut index, notices)| {
        index.update_with(library, text_of)?;
        Ok((index, notices))
    });
    match on_disk {
        Ok(ready) => Ok(ready),
        Err(e) => Ok((
            build_for_this_run()?,
            vec![format!("{e}; searching an index built for this run")],
        )),
    }
}

impl SearchIndex {
    /// Opens (creating if needed) the index in `dir`; a damaged index, or
    /// one written with another layout, is moved aside and started anew,
    /// with a notice.
    pub fn open(dir: &Path) -> Result<(SearchIndex, Vec<String>), StateError> {
        let path = dir.join(DIR);
        remove_old_index(dir);
        std::fs::create_dir_all(&path).map_err(|source| StateError::Io {
            path: path.clone(),
            source,
        })?;
        let mut notices = Vec::new();
        let index = match open_dir(&path) {
            Ok(index) => index,
            Err(why) => {
                let aside = db::move_aside(&path)?;
                notices.push(format!(
                    "{}: the search index cannot be used ({why}); moved it to {} and started a fresh one",
                    path.display(),
                    aside.display()
                ));
                std::fs::create_dir_all(&path).map_err(|source| StateError::Io {
                    path: path.clone(),
                    source,
                })?;
                open_dir(&path).map_err(|source| StateError::Search {
                    path: path.clone(),
                    source,
                })?
            }
        };
        Ok((SearchIndex::with(index, path)?, notices))
    }

    /// An index in memory, which touches nothing on disk.
    pub fn in_memory() -> Result<SearchIndex, StateError> {
        let (schema, _) = engine::schema();
        SearchIndex::with(Index::create_in_ram(schema), PathBuf::from(":memory:"))
    }

    /// An index for one run that keeps no state: written to a fresh folder
    /// in the system's temporary directory and removed with the index, so
    /// that a large corpus's postings (a sixth of its text at 100,000
    /// articles) are not held in memory beside its texts. In memory when
    /// no such folder can be made. Folders that earlier runs left behind
    /// (killed, or stopped by Ctrl-C) are removed first.
    pub fn scratch() -> Result<SearchIndex, StateError> {
        let temp = std::env::temp_dir();
        remove_left_scratch(&temp);
        let folder = tempfile::Builder::new()
            .prefix(&format!("{SCRATCH_PREFIX}{}-", std::process::id()))
            .tempdir_in(&temp);
        let Ok(folder) = folder else {
            return Self::in_memory();
        };
        let (schema, _) = engine::schema();
        let created = MmapDirectory::open(folder.path())
            .map_err(tantivy::TantivyError::from)
            .and_then(|directory| Index::create(directory, schema, IndexSettings::default()));
        let Ok(index) = created else {
            return Self::in_memory();
        };
        let mut index = SearchIndex::with(index, folder.path().to_path_buf())?;
        index.scratch = Some(folder);
        Ok(index)
    }

    /// Where the index lives: its folder, or ":memory:".
    pub fn location(&self) -> &Path {
        &self.path
    }

    fn with(index: Index, path: PathBuf) -> Result<SearchIndex, StateError> {
        engine::register_tokenizer(&index);
        let (_, fields) = engine::schema();
        let error = |source| StateError::Search {
            path: path.clone(),
            source,
        };
        let reader: IndexReader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(error)?;
        let searcher = reader.searcher();
        Ok(SearchIndex {
            index,
            reader,
            fields,
            path,
            searcher,
            articles: Vec::new(),
            commit_every: COMMIT_EVERY,
            scratch: None,
        })
    }

    /// Makes an update commit after every `articles` new articles (at
    /// least one) rather than every [`COMMIT_EVERY`].
    #[must_use]
    pub fn committing_every(mut self, articles: usize) -> SearchIndex {
        self.commit_every = articles.max(1);
        self
    }

    fn error(&self, source: tantivy::TantivyError) -> StateError {
        StateError::Search {
            path: self.path.clone(),
            source,
        }
    }

    /// Indexes the articles of `library` that the index does not hold yet
    /// and makes `library` the corpus that searches answer for. Returns how
    /// many articles were added.
    pub fn update(&mut self, library: &Library) -> Result<usize, StateError> {
        self.update_with(library, &|i| own_text(library, i))
    }

    /// [`SearchIndex::update`] for a library that may not hold its texts:
    /// `text_of` gives the text of each article to add. Fails when it
    /// gives none for one of them, keeping only what was committed before
    /// (see [`SearchIndex::committing_every`]).
    pub fn update_with<'a>(
        &mut self,
        library: &'a Library,
        text_of: TextOf<'_, 'a>,
    ) -> Result<usize, StateError> {
        self.update_inner(library, text_of)
            .map_err(|e| self.error(e))
    }

    fn update_inner<'a>(
        &mut self,
        library: &'a Library,
        text_of: TextOf<'_, 'a>,
    ) -> tantivy::Result<usize> {
        let articles = &library.corpus.articles;
        let corpus = Corpus::of(library);
        // See what another dossier may have added since this one opened.
        self.reader.reload()?;
        self.searcher = self.reader.searcher();
        let mut indexed = vec![false; articles.len()];
        self.articles = self.map_to_corpus(&corpus, &mut indexed)?;
        // An article is added once, under the first index of its key.
        let new: Vec<usize> = (0..articles.len())
            .filter(|&i| !indexed[i] && corpus.first[&corpus.keys[i]] as usize == i)
            .collect();
        if new.is_empty() {
            return Ok(0);
        }
        // An article listed without its text still counts its words.
        let bytes: usize = new
            .iter()
            .map(|&i| {
                let a = &articles[i];
                let copies: usize = a.copy_blocks().map(str::len).sum();
                a.title.len() + a.text.len().max(a.words * 6) + copies
            })
            .sum();
        let threads = if bytes < PARALLEL_FROM_BYTES {
            1
        } else {
            std::thread::available_parallelism().map_or(1, usize::from)
        };
        let mut writer: IndexWriter<TantivyDocument> = self
            .index
            .writer_with_num_threads(threads, threads * HEAP_PER_THREAD)?;
        writer.set_merge_policy(Box::new(NoMergePolicy));
        let f = self.fields;
        for (n, &i) in new.iter().enumerate() {
            if n > 0 && n % self.commit_every == 0 {
                writer.commit()?;
            }
            let Some(text) = text_of(i) else {
                // What was committed stays: the next update adds the rest.
                return Err(tantivy::TantivyError::InternalError(
                    crate::pipeline::text_gone(&articles[i]),
                ));
            };
            let mut doc = TantivyDocument::new();
            doc.add_text(f.title, &articles[i].title);
            doc.add_text(f.body, &text);
            // What only a merged copy holds is the article's text too.
            let copies = articles[i].copies_text();
            if !copies.is_empty() {
                doc.add_text(f.body, &copies);
            }
            doc.add_u64(f.key, corpus.keys[i]);
            writer.add_document(doc)?;
        }
        writer.commit()?;
        self.merge_small_segments(&mut writer)?;
        writer.wait_merging_threads()?;
        self.reader.reload()?;
        self.searcher = self.reader.searcher();
        self.articles = self.map_to_corpus(&corpus, &mut indexed)?;
        Ok(new.len())
    }

    /// Merges the small segments into one once there are too many.
    fn merge_small_segments(&self, writer: &mut IndexWriter) -> tantivy::Result<()> {
        let segments = self.index.searchable_segment_metas()?;
        if segments.len() <= MAX_SEGMENTS {
            return Ok(());
        }
        let small: Vec<_> = segments
            .iter()
            .filter(|s| s.num_docs() < SMALL_SEGMENT_DOCS)
            .map(tantivy::index::SegmentMeta::id)
            .collect();
        if small.len() > 1 {
            writer.merge(&small).wait()?;
        }
        Ok(())
    }

    /// Returns, per segment of the searcher, each document's index in
    /// `corpus`; sets `indexed[i]` for every article `i` found.
    fn map_to_corpus(
        &self,
        corpus: &Corpus,
        indexed: &mut [bool],
    ) -> tantivy::Result<Vec<Vec<u32>>> {
        self.searcher
            .segment_readers()
            .iter()
            .map(|segment| {
                let column = segment.fast_fields().u64("key")?;
                Ok((0..segment.max_doc())
                    .map(|doc| {
                        let article = column.first(doc).and_then(|k| corpus.first.get(&k));
                        article.map_or(NOT_IN_CORPUS, |&i| {
                            indexed[i as usize] = true;
                            i
                        })
                    })
                    .collect())
            })
            .collect()
    }

    /// Returns how many articles of the corpus match `query`, and the best
    /// `limit` of them by BM25 (title words weigh 4 times body words; ties
    /// go to the earlier article).
    pub fn search(&self, query: &Query, limit: usize) -> Result<Hits, StateError> {
        self.search_inner(query, limit).map_err(|e| self.error(e))
    }

    fn search_inner(&self, query: &Query, limit: usize) -> tantivy::Result<Hits> {
        let weight = engine::to_engine(query, self.fields)
            .weight(EnableScoring::enabled_from_searcher(&self.searcher))?;
        let mut hits: Vec<Hit> = Vec::new();
        for (segment, articles) in self.searcher.segment_readers().iter().zip(&self.articles) {
            weight.for_each(segment, &mut |doc, score| {
                let article = articles[doc as usize];
                if article != NOT_IN_CORPUS {
                    hits.push(Hit {
                        article: article as usize,
                        score: f64::from(score),
                    });
                }
            })?;
        }
        let total = hits.len();
        let better = |a: &Hit, b: &Hit| b.score.total_cmp(&a.score).then(a.article.cmp(&b.article));
        if limit < hits.len() {
            // The best `limit` in linear time; only they are sorted.
            if limit > 0 {
                hits.select_nth_unstable_by(limit - 1, better);
            }
            hits.truncate(limit);
        }
        hits.sort_unstable_by(better);
        Ok(Hits { total, best: hits })
    }

    /// Returns the index of every article of the corpus that matches
    /// `query`, in corpus order (for filtering a list; nothing is scored).
    pub fn matching(&self, query: &Query) -> Result<Vec<usize>, StateError> {
        self.matching_inner(query).map_err(|e| self.error(e))
    }

    fn matching_inner(&self, query: &Query) -> tantivy::Result<Vec<usize>> {
        let weight = engine::to_engine(query, self.fields)
            .weight(EnableScoring::disabled_from_searcher(&self.searcher))?;
        let mut found: Vec<usize> = Vec::new();
        for (segment, articles) in self.searcher.segment_readers().iter().zip(&self.articles) {
            weight.for_each_no_score(segment, &mut |docs| {
                found.extend(
                    docs.iter()
                        .map(|&doc| articles[doc as usize])
                        .filter(|&a| a != NOT_IN_CORPUS)
                        .map(|a| a as usize),
                );
            })?;
        }
        found.sort_unstable();
        // Two dossiers updating one index at once may both add an article.
        found.dedup();
        Ok(found)
    }
}

/// The keys of a library's articles.
struct Corpus {
    /// Each article's key, in corpus order.
    keys: Vec<u64>,
    /// Each key's first article.
    first: HashMap<u64, u32>,
}

impl Corpus {
    fn of(library: &Library) -> Corpus {
        let keys: Vec<u64> = library.corpus.articles.iter().map(key_of).collect();
        let mut first = HashMap::with_capacity(keys.len());
        for (i, &key) in keys.iter().enumerate() {
            first.entry(key).or_insert(i as u32);
        }
        Corpus { keys, first }
    }
}

/// Opens the index in `path`, creating it when the folder is empty; fails
/// when the folder holds a damaged index or one of another layout.
fn open_dir(path: &Path) -> tantivy::Result<Index> {
    let (schema, _) = engine::schema();
    let directory = MmapDirectory::open(path)?;
    Index::open_or_create(directory, schema)
}

/// Removes the scratch folders in `temp` whose process has ended, where
/// the system lists its processes in `/proc`; elsewhere leaves them to
/// the system's cleaning of its temporary directory.
fn remove_left_scratch(temp: &Path) {
    let processes = Path::new("/proc");
    if !processes.join("self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(temp) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let pid = name
            .to_str()
            .and_then(|n| n.strip_prefix(SCRATCH_PREFIX))
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<u32>().ok());
        let is_folder = entry.file_type().is_ok_and(|t| t.is_dir());
        if let Some(pid) = pid
            && is_folder
            && !processes.join(pid.to_string()).exists()
        {
            // Derived data of a run that is over: failing to remove it
            // costs disk space only.
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Removes the search index file of an earlier dossier (derived data).
fn remove_old_index(dir: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let old = dir.join(format!("{OLD_FILE}{suffix}"));
        if old.is_file() {
            // Derived data: failing to remove it costs disk space only.
            let _ = std::fs::remove_file(old);
        }
    }
}

/// Returns the key an article is indexed under: a hash of its id and of
/// the blocks only its merged copies hold, which it indexes too.
fn key_of(article: &crate::corpus::Article) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(article.id.as_bytes());
    for block in article.copy_blocks() {
        h.update(&[0]);
        h.update(block.as_bytes());
    }
    h.digest()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scratch_folders_of_ended_runs_are_removed_and_others_kept() {
        if !Path::new("/proc/self").exists() {
            return;
        }
        let temp = tempfile::tempdir().unwrap();
        // Above the largest process id Linux hands out (2^22).
        let ended = temp.path().join(format!("{SCRATCH_PREFIX}4194305-a1"));
        let running = temp
            .path()
            .join(format!("{SCRATCH_PREFIX}{}-b2", std::process::id()));
        let other = temp.path().join("dossier-search-notes");
        for folder in [&ended, &running, &other] {
            std::fs::create_dir(folder).unwrap();
            std::fs::write(folder.join("segment"), b"postings").unwrap();
        }
        remove_left_scratch(temp.path());
        assert!(!ended.exists());
        assert!(running.join("segment").exists());
        assert!(other.join("segment").exists());
    }
}
