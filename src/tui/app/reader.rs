//! The reading pane's state: which article it shows, how far it is
//! scrolled, and the text query whose matches it highlights.

use crate::search::Query;

/// The reading pane.
#[derive(Debug, Default)]
pub struct ReaderPane {
    /// The article shown (corpus index).
    shown: Option<usize>,
    scroll: usize,
    /// The free words of the applied filter, highlighted in the text.
    highlight: Option<Query>,
    /// Which of the article's matches n/N went to last.
    at_match: Option<usize>,
}

impl ReaderPane {
    /// Returns the first shown line.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// Returns the corpus index of the article shown.
    pub fn shown(&self) -> Option<usize> {
        self.shown
    }

    /// Returns the text query whose matches are highlighted.
    pub fn highlight(&self) -> Option<&Query> {
        self.highlight.as_ref()
    }

    pub(super) fn show(&mut self, article: Option<usize>, scroll: usize) {
        self.shown = article;
        self.scroll = scroll;
        self.at_match = None;
    }

    /// Returns which of the article's matches n/N went to last.
    pub fn at_match(&self) -> Option<usize> {
        self.at_match
    }

    /// Shows line `line`, the article's `k`-th match, near the top.
    pub(super) fn go_to_match(&mut self, k: usize, line: usize) {
        self.at_match = Some(k);
        self.scroll = line.saturating_sub(2);
    }

    pub(super) fn set_scroll(&mut self, scroll: usize) {
        self.scroll = scroll;
    }

    pub(super) fn scroll_by(&mut self, delta: isize) {
        self.scroll = self.scroll.saturating_add_signed(delta);
    }

    /// Clamps the scroll so that the last page is full.
    pub(super) fn clamp(&mut self, lines: usize, height: usize) {
        self.scroll = self.scroll.min(lines.saturating_sub(height));
    }

    pub(super) fn set_highlight(&mut self, query: Option<Query>) {
        self.highlight = query;
    }

    /// Forgets the article shown, so that the next selection reopens it.
    pub(super) fn forget(&mut self) {
        self.shown = None;
    }
}
