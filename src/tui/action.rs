//! Actions: everything that can change the reader's state. Keys, mouse
//! events, resizes and the loader all become actions; [`super::app::App`]
//! changes only by handling one.

use std::sync::Arc;

pub use super::loaded::{Found, Loaded};
use super::text_search::TextHits;
use crate::pipeline::Progress;

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
    ShowThread,
    ShowRelated,
    CycleSort,
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
    /// The articles, usable as a list; with their entities unless
    /// [`Loaded::coming`].
    Loaded(Arc<Loaded>),
    /// The entities of the articles loaded before.
    Found(Arc<Found>),
    /// The whole library of the articles listed without their texts
    /// ([`crate::tui::loaded::Loaded::bodies`]), when they can no longer
    /// be read one by one.
    Texts(Arc<crate::pipeline::Library>),
    /// The snapshot of the library shown was just stored: its texts can be
    /// read from there as they are shown, and the library lets go of them
    /// in place ([`crate::tui::event::Load::Saved`]).
    Saved,
    /// The text of an article of a library listed without its texts, as
    /// read by [`crate::tui::text_reader`].
    TextRead(Arc<crate::tui::text_reader::ReadText>),
    /// The search worker's answer to a search the app asked for.
    TextHits(Arc<TextHits>),
    /// The library's threads, computed off the UI thread.
    Threads(Arc<crate::threads::Threads>),
    /// Something about remembered state the user should know (a store
    /// write that failed, a database moved aside); shown in the footer.
    Notice(String),
}
