//! Where the text of an article is read to index it or cut a snippet from
//! it: the library itself, or, for a library listed without its texts
//! (from a snapshot's heads, or one that let them go into the snapshot as
//! it was stored), the cache's store of their bodies, read chunk by chunk
//! ([`Bodies`]). The reader's search worker, and the command line's
//! `search` and `export --format ftm`, read through it alike; the reader's
//! text reader shares its [`Store`].

use std::borrow::Cow;
use std::path::Path;
use std::sync::{Arc, Mutex};

use super::{ForThisRun, Query, SearchIndex, Snippet, article_snippet, open_for_with};
use crate::pipeline::Library;
use crate::state::StateError;
use crate::state::cache::{Bodies, shared_text};

/// The store of bodies, shared by the threads that read texts from it.
pub type Store = Arc<Mutex<Bodies>>;

/// Where article texts come from: the library itself, or the store of a
/// library listed without them.
#[derive(Clone, Debug)]
pub enum Texts {
    Library(Arc<Library>),
    Store(Arc<Library>, Store),
}

impl Texts {
    pub fn library(&self) -> &Library {
        match self {
            Texts::Library(library) | Texts::Store(library, _) => library,
        }
    }

    /// Returns the text of article `i`, or `None` when it cannot be read.
    pub fn text_of(&self, i: usize) -> Option<Cow<'_, str>> {
        match self {
            Texts::Library(library) => crate::pipeline::own_text(library, i),
            Texts::Store(library, store) => {
                shared_text(store, &library.corpus.articles, i).map(Cow::Owned)
            }
        }
    }

    /// Returns the snippet of article `i` for `query`, cut from its text
    /// and what only its merged copies hold; `None` when its text cannot
    /// be read.
    pub fn snippet(&self, i: usize, query: &Query) -> Option<Snippet> {
        let copies = self.library().corpus.articles.get(i)?.copies_text();
        Some(article_snippet(&self.text_of(i)?, &copies, query))
    }

    /// Returns the snippets of `articles` for `query`, in their order
    /// ([`Texts::snippet`]): the texts are read in article order, so that
    /// texts read by chunk decode each chunk once.
    pub fn snippets(&self, articles: &[usize], query: &Query) -> Vec<Option<Snippet>> {
        let mut by_place: Vec<usize> = articles.to_vec();
        by_place.sort_unstable();
        by_place.dedup();
        let cut: Vec<Option<Snippet>> = by_place.iter().map(|&i| self.snippet(i, query)).collect();
        articles
            .iter()
            .map(|i| {
                by_place
                    .binary_search(i)
                    .ok()
                    .and_then(|at| cut[at].clone())
            })
            .collect()
    }

    /// Returns the search index of the library, up to date: see
    /// [`open_for_with`].
    pub fn index(
        &self,
        state_dir: Option<&Path>,
        for_this_run: ForThisRun,
    ) -> Result<(SearchIndex, Vec<String>), StateError> {
        open_for_with(self.library(), state_dir, for_this_run, &|i| {
            self.text_of(i)
        })
    }
}
