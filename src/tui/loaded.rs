//! A loaded library: what the loader thread hands the reader — the
//! library, its filter index (both built off the UI thread) and what the
//! state store remembered about it. It depends on nothing of the reader's
//! own, so actions can carry it without a circle through the app.
//!
//! It comes in two phases when the entities are not known at once (a cold
//! or changed folder): first the merged articles ([`Loaded::listed`]),
//! usable as a list, then their entities ([`Found`]), which the app puts
//! in place of the empty index. When the open stores a snapshot, the list
//! holds copies of the heads ([`Loaded::lent`]): the loader lets the texts
//! go as it finds the entities, lending each one shown meanwhile, and the
//! texts are read from the snapshot once it is stored. An unchanged
//! folder comes in one phase, without its texts (all the list and the
//! entity pane need, read in a fraction of the time): each article's text
//! is read when it is shown, from where [`Loaded::bodies`] says (see
//! [`crate::tui::text_reader`]).

use std::collections::HashMap;
use std::sync::Arc;

use crate::corpus::Corpus;
use crate::entities::EntityIndex;
use crate::filter::FilterIndex;
use crate::picture::Pictures;
use crate::pipeline::Library;
use crate::state::cache::BodySource;
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
    /// What the library still waits for.
    pub coming: Coming,
    /// Where the articles' texts are read, an article at a time as it is
    /// shown, when the library holds none (an unchanged folder, listed
    /// from its snapshot's heads); `None` when the library holds them.
    pub bodies: Option<BodySource>,
    /// The library lists the heads of articles whose texts the loader
    /// lends while it finds their entities, an article at a time as it is
    /// shown ([`crate::pipeline::Open::lend_texts`]); from the snapshot
    /// once it is stored ([`crate::tui::event::Load::Saved`]).
    pub lent: bool,
}

/// What a shown list still waits for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coming {
    /// Nothing: the library is whole.
    Nothing,
    /// Its entities, still being found (a cold or changed folder): the
    /// index is empty until a [`Found`] brings them.
    Entities,
}

impl Loaded {
    /// Builds the filter index of `library`, entities and all.
    pub fn new(library: Library) -> Self {
        let filter = filter_index(&library);
        Self {
            pictures: Pictures::new(&library),
            library: Arc::new(library),
            filter,
            remembered: Remembered::default(),
            coming: Coming::Nothing,
            bodies: None,
            lent: false,
        }
    }

    /// The heads of the merged articles, whose texts the loader lends
    /// while their entities are found (see [`Loaded::lent`]).
    pub fn lent(heads: Corpus) -> Self {
        Self {
            lent: true,
            ..Self::listed(Arc::new(heads))
        }
    }

    /// The merged articles of `corpus`, before their entities are found:
    /// a library with an empty index, filtered by title only.
    pub fn listed(corpus: Arc<Corpus>) -> Self {
        let library = Library {
            corpus,
            index: EntityIndex::default(),
        };
        Self {
            coming: Coming::Entities,
            ..Self::new(library)
        }
    }
}

/// The entities of a library shown before they were found: the whole
/// library (sharing the listed articles) and its filter index.
#[derive(Clone, Debug)]
pub struct Found {
    pub library: Arc<Library>,
    pub filter: FilterIndex,
    /// The library's snapshot is being stored: its texts will be read from
    /// there ([`crate::tui::event::Load::Saved`]), or else it comes again
    /// whole ([`crate::tui::event::Load::Texts`]); its search waits for
    /// either.
    pub stored_next: bool,
}

impl Found {
    /// Builds the filter index of `library`.
    pub fn new(library: Library) -> Self {
        Self {
            filter: filter_index(&library),
            library: Arc::new(library),
            stored_next: false,
        }
    }
}

fn filter_index(library: &Library) -> FilterIndex {
    FilterIndex::new(
        &library.index,
        library.corpus.articles.iter().map(|a| a.title.as_str()),
    )
}
