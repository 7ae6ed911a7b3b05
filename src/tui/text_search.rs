//! The search worker: a thread that owns the full-text index of the loaded
//! library ([`crate::search`]) and answers the app's searches, so typing
//! in the `/` prompt never waits for the index. The index is opened (and
//! brought up to date) in the state directory, or built in
//! memory with `--no-state`, when the worker starts; searches asked before
//! it is ready wait in the channel. Only the newest of several waiting
//! searches is answered. Snippets are cut from the texts of the best hits:
//! the library's, or, for a library listed without its texts, read by
//! chunk from the cache ([`Texts`]), as the reading pane reads them.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};

use crate::search::texts::Texts;
use crate::search::{self, ForThisRun, Query, SearchIndex, Snippet};
use crate::tui::wake::{self, Waker};

/// How many of the best matches come with a snippet.
const SNIPPETS: usize = 5;

/// What the search worker found for some free text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TextHits {
    /// The free text searched, as asked.
    pub text: String,
    /// Every matching article of the corpus, in corpus order.
    pub articles: Vec<u32>,
    /// The best few matches, best first, with a snippet each.
    pub best: Vec<(u32, Snippet)>,
    /// Why the text could not be searched (an unusable query, an index
    /// that failed), when it could not.
    pub problem: Option<String>,
}

/// The app's end of a running worker.
pub struct Worker {
    asks: Sender<String>,
    pub answers: Receiver<TextHits>,
}

impl Worker {
    /// Starts a worker over the library of `texts`, keeping its index in
    /// `state_dir` (in memory when `None`); each answer wakes the UI
    /// through `waker`.
    pub fn spawn(texts: Texts, state_dir: Option<PathBuf>, waker: &Waker) -> Worker {
        let (asks, asked) = mpsc::channel::<String>();
        let (reply, answers) = wake::channel(waker);
        std::thread::spawn(move || {
            let index =
                crate::memory::one_large_job_at_a_time(|| open(&texts, state_dir.as_deref()));
            // Indexing allocated on this thread and the index writer's
            // threads, now gone: give back what they freed.
            crate::memory::give_back_all();
            while let Ok(mut text) = asked.recv() {
                // Typing outruns searching: answer only the newest ask.
                while let Ok(newer) = asked.try_recv() {
                    text = newer;
                }
                let hits = match &index {
                    Ok(index) => answer(index, &texts, text),
                    Err(problem) => TextHits {
                        text,
                        problem: Some(problem.clone()),
                        ..TextHits::default()
                    },
                };
                if reply.send(hits).is_err() {
                    return;
                }
            }
        });
        Worker { asks, answers }
    }

    /// Asks for the hits of `text`; the answer arrives on `answers`.
    pub fn ask(&self, text: String) {
        // A worker that stopped has said why in its last answer.
        let _ = self.asks.send(text);
    }
}

fn open(texts: &Texts, state_dir: Option<&Path>) -> Result<SearchIndex, String> {
    texts
        .index(state_dir, ForThisRun::Memory)
        .map(|(index, _notices)| index)
        .map_err(|e| format!("text search is unavailable: {e}"))
}

/// Searches `text` in `index` over the library of `texts`: every matching
/// article, and the best with snippets cut from their texts (what the
/// worker answers; tests call it directly). A hit whose text cannot be
/// read is left out of the best.
pub fn answer(index: &SearchIndex, texts: &Texts, text: String) -> TextHits {
    let query = match Query::parse(&text) {
        Ok(query) => query,
        Err(e) => {
            return TextHits {
                text,
                problem: Some(e.to_string()),
                ..TextHits::default()
            };
        }
    };
    let found = index
        .matching(&query)
        .and_then(|all| Ok((all, index.search(&query, SNIPPETS)?)));
    match found {
        Ok((all, hits)) => TextHits {
            text,
            articles: all.into_iter().map(|a| a as u32).collect(),
            best: snippets(texts, &query, &hits.best),
            problem: None,
        },
        Err(e) => TextHits {
            text,
            problem: Some(format!("text search failed: {e}")),
            ..TextHits::default()
        },
    }
}

/// Returns the snippets of `best`, in its order, leaving out a hit whose
/// text cannot be read.
fn snippets(texts: &Texts, query: &Query, best: &[search::Hit]) -> Vec<(u32, Snippet)> {
    let articles: Vec<usize> = best.iter().map(|hit| hit.article).collect();
    articles
        .iter()
        .zip(texts.snippets(&articles, query))
        .filter_map(|(&i, snippet)| Some((i as u32, snippet?)))
        .collect()
}
