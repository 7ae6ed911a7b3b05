//! A loaded library: what the loader thread hands the reader — the
//! library, its filter index (both built off the UI thread) and what the
//! state store remembered about it. It depends on nothing of the reader's
//! own, so actions can carry it without a circle through the app.

use std::collections::HashMap;
use std::sync::Arc;

use crate::filter::FilterIndex;
use crate::picture::Pictures;
use crate::pipeline::Library;
use crate::state::{Marks, Session};

/// What the state store held for a library when it was loaded.
#[derive(Clone, Debug, Default)]
pub struct Remembered {
    /// Marks by article id; an absent id is unread and unstarred.
    pub marks: HashMap<String, Marks>,
    /// The last session of this corpus.
    pub session: Option<Session>,
}

/// A loaded library with its filter index, both built off the UI thread,
/// and what was remembered about it (filled in by the UI thread, which
/// owns the state store).
#[derive(Clone, Debug)]
pub struct Loaded {
    pub library: Arc<Library>,
    pub filter: FilterIndex,
    /// The corpus-wide part of every entity's picture over time.
    pub pictures: Pictures,
    pub remembered: Remembered,
}

impl Loaded {
    /// Builds the filter index of `library`.
    pub fn new(library: Library) -> Self {
        let filter = FilterIndex::new(
            &library.index,
            library.corpus.articles.iter().map(|a| a.title.as_str()),
        );
        Self {
            pictures: Pictures::new(&library),
            library: Arc::new(library),
            filter,
            remembered: Remembered::default(),
        }
    }
}
