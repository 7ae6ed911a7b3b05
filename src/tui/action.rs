//! Actions: everything that can change the reader's state. Keys, mouse
//! events, resizes and the loader all become actions; [`super::app::App`]
//! changes only by handling one.

use std::sync::Arc;

use super::app::Remembered;
use crate::filter::FilterIndex;
use crate::pipeline::{Library, Progress};

/// One change request for the app.
#[derive(Clone, Debug)]
pub enum Action {
    // Commands a key can be bound to (see `keymap::BINDINGS`).
    Quit,
    ForceQuit,
    Help,
    Warnings,
    FocusNext,
    FocusPrev,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Select,
    Back,
    Search,
    NextMatch,
    PrevMatch,
    ToggleSidebar,
    ToggleEntityScope,
    ToggleRead,
    ToggleStar,
    CycleView,
    OpenUrl,
    CopyUrl,
    // The `/` prompt while it is open.
    PromptInput(char),
    PromptBackspace,
    PromptClear,
    PromptUp,
    PromptDown,
    PromptSubmit,
    PromptCancel,
    // Not from keys.
    Click {
        x: u16,
        y: u16,
    },
    Scroll {
        x: u16,
        y: u16,
        down: bool,
    },
    Resize {
        width: u16,
        height: u16,
    },
    Progress(Progress),
    Loaded(Arc<Loaded>),
    /// Something about remembered state the user should know (a store
    /// write that failed, a database moved aside); shown in the footer.
    Notice(String),
}

/// A loaded library with its search index, both built off the UI thread,
/// and what was remembered about it (filled in by the UI thread, which
/// owns the state store).
#[derive(Clone, Debug)]
pub struct Loaded {
    pub library: Arc<Library>,
    pub filter: FilterIndex,
    pub remembered: Remembered,
}

impl Loaded {
    /// Builds the search index of `library`.
    pub fn new(library: Library) -> Self {
        let filter = FilterIndex::new(
            &library.index,
            library.corpus.articles.iter().map(|a| a.title.as_str()),
        );
        Self {
            library: Arc::new(library),
            filter,
            remembered: Remembered::default(),
        }
    }
}
