//! The `/` prompt's state: the typed query, the ranked entity and title
//! suggestions for it, the highlighted suggestion, and the text-search
//! preview (how many articles say the query's free words, and the best
//! snippets), which arrives from the search worker a frame later.

use std::sync::Arc;

use crate::filter::Suggestion;

use crate::tui::text_search::TextHits;

/// How many of the best text hits the popup shows with a snippet.
pub const PREVIEW_SNIPPETS: usize = 3;

/// Which popup covers the panes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PopupKind {
    Help,
    Warnings,
}

/// A popup and how far it is scrolled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Popup {
    pub kind: PopupKind,
    pub scroll: usize,
}

/// The open `/` prompt.
#[derive(Clone, Debug, Default)]
pub struct Prompt {
    input: String,
    suggestions: Vec<Suggestion>,
    /// The highlighted suggestion; `None` means Enter applies the text.
    selected: Option<usize>,
    /// The text hits of the input's free words, once they arrived.
    preview: Option<Arc<TextHits>>,
}

impl Prompt {
    pub fn input(&self) -> &str {
        &self.input
    }

    pub fn suggestions(&self) -> &[Suggestion] {
        &self.suggestions
    }

    /// Returns the highlighted suggestion's position.
    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    /// Returns the text hits for the current input's free words, if they
    /// have arrived.
    pub fn preview(&self) -> Option<&TextHits> {
        self.preview.as_deref()
    }

    /// Returns how many rows the popup lists under the input: the
    /// suggestions, then the text hits' summary and snippets.
    pub fn rows(&self) -> usize {
        let preview = self
            .preview
            .as_ref()
            .map_or(0, |h| 1 + h.best.len().min(PREVIEW_SNIPPETS));
        self.suggestions.len() + preview
    }

    /// Applies an edit to the input; returns whether it changed.
    pub(super) fn edit(&mut self, edit: Edit) -> bool {
        let before = self.input.len();
        match edit {
            Edit::Push(c) => self.input.push(c),
            Edit::Pop => {
                self.input.pop();
            }
            Edit::Clear => self.input.clear(),
        }
        before != self.input.len() || matches!(edit, Edit::Push(_))
    }

    pub(super) fn set_suggestions(&mut self, suggestions: Vec<Suggestion>) {
        self.suggestions = suggestions;
        self.selected = None;
    }

    pub(super) fn set_preview(&mut self, preview: Option<Arc<TextHits>>) {
        self.preview = preview;
    }

    pub(super) fn down(&mut self) {
        let n = self.suggestions.len();
        self.selected = match self.selected {
            _ if n == 0 => None,
            None => Some(0),
            Some(i) => Some((i + 1).min(n - 1)),
        };
    }

    pub(super) fn up(&mut self) {
        self.selected = match self.selected {
            None | Some(0) => None,
            Some(i) => Some(i - 1),
        };
    }

    pub(super) fn pick(&mut self, i: usize) {
        if i < self.suggestions.len() {
            self.selected = Some(i);
        }
    }

    /// Returns the input and the picked suggestion, closing the prompt.
    pub(super) fn into_choice(self) -> (String, Option<Suggestion>) {
        let picked = self.selected.and_then(|i| self.suggestions.get(i).cloned());
        (self.input, picked)
    }
}

/// A change to the prompt's input.
#[derive(Clone, Copy, Debug)]
pub(super) enum Edit {
    Push(char),
    Pop,
    Clear,
}
