//! The side-effect layer between the reader and the state store: it reads
//! what was remembered about a freshly loaded library, and writes the
//! [`Effect`]s the app hands out. The app itself never touches the store,
//! and a store that fails only costs a notice in the footer.

use std::collections::HashMap;

use crate::pipeline::Library;
use crate::state::{StateError, StateStore};
use crate::tui::app::Effect;
use crate::tui::loaded::Remembered;

/// The state store of one corpus (its session key).
pub struct Recorder {
    store: StateStore,
    corpus: String,
}

impl Recorder {
    pub fn new(store: StateStore, corpus: String) -> Self {
        Self { store, corpus }
    }

    /// Returns what the store holds about `library`, with a notice per
    /// problem; a failed read counts as nothing remembered.
    pub fn remember(&self, library: &Library) -> (Remembered, Vec<String>) {
        let ids = ids(library);
        let mut notices = Vec::new();
        let mut note = |e: StateError| notices.push(e.to_string());
        let marks = self.store.shown_marks(&ids).unwrap_or_else(|e| {
            note(e);
            HashMap::new()
        });
        let session = self.store.load_session(&self.corpus).unwrap_or_else(|e| {
            note(e);
            None
        });
        (Remembered { marks, session }, notices)
    }

    /// Records the articles of `library` as seen (their first-seen time).
    /// One write per new article, so the caller does it after the first
    /// frame rather than before.
    pub fn record_seen(&self, library: &Library) -> Result<(), StateError> {
        self.store.record_seen(&ids(library)).map(|_| ())
    }

    /// Writes one change; each is committed at once.
    pub fn write(&self, effect: &Effect) -> Result<(), StateError> {
        match effect {
            Effect::Read { id, read } => self.store.set_read(id, *read),
            Effect::Star { id, starred } => self.store.set_starred(id, *starred),
            Effect::Scroll { id, scroll } => self.store.set_scroll(id, *scroll),
            Effect::Session(session) => self.store.save_session(&self.corpus, session),
            // Not for the store: the event loop performs these.
            Effect::OpenUrl(_) | Effect::CopyUrl(_) | Effect::Search(_) | Effect::ReadText(_) => {
                Ok(())
            }
        }
    }
}

fn ids(library: &Library) -> Vec<&str> {
    library
        .corpus
        .articles
        .iter()
        .map(|a| a.id.as_str())
        .collect()
}
