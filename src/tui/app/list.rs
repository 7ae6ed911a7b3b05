//! The article list's state: which articles the filter selects (the base),
//! which of them the view shows, the selected row and the scroll offset.
//! It knows positions and article indices only; what selecting an article
//! does to the other panes is the [`super::App`]'s business.

use super::marks::MarkBook;

/// The filter the list currently shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActiveFilter {
    pub label: String,
    /// A query that selects the same articles again (remembered per corpus).
    pub query: String,
}

/// Which of the filtered articles the list shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    All,
    Unread,
    Starred,
}

impl View {
    /// Returns the next view in the cycle all → unread → starred → all.
    #[must_use]
    pub fn next(self) -> View {
        match self {
            View::All => View::Unread,
            View::Unread => View::Starred,
            View::Starred => View::All,
        }
    }

    fn shows(self, marks: &MarkBook, article: u32) -> bool {
        match self {
            View::All => true,
            View::Unread => !marks.is_read(article as usize),
            View::Starred => marks.is_starred(article as usize),
        }
    }
}

/// The article list pane.
#[derive(Debug, Default)]
pub struct ListPane {
    /// Indices of the articles the filter selects, in list order.
    base: Vec<u32>,
    view: View,
    /// Indices of the articles the list shows, in list order.
    visible: Vec<u32>,
    /// Position of the selected article in `visible`.
    selected: usize,
    offset: usize,
    filter: Option<ActiveFilter>,
}

impl ListPane {
    /// Returns the corpus indices of the listed articles, in list order.
    pub fn visible(&self) -> &[u32] {
        &self.visible
    }

    /// Returns the position of the selected row.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// Returns the position of the first row in view.
    pub fn offset(&self) -> usize {
        self.offset
    }

    pub fn view(&self) -> View {
        self.view
    }

    pub fn filter(&self) -> Option<&ActiveFilter> {
        self.filter.as_ref()
    }

    /// Returns the articles the filter selects, in list order.
    pub fn base(&self) -> &[u32] {
        &self.base
    }

    /// Returns the corpus index of the selected article.
    pub fn current(&self) -> Option<usize> {
        self.visible.get(self.selected).map(|&i| i as usize)
    }

    /// Returns the position at which article `i` is listed.
    pub fn position_of(&self, i: usize) -> Option<usize> {
        self.visible.iter().position(|&v| v as usize == i)
    }

    /// Lists `base` through the view; returns the position of the article
    /// that was selected before, when it is still listed.
    pub(super) fn relist(&mut self, base: Vec<u32>, marks: &MarkBook) -> Option<usize> {
        let before = self.current();
        self.base = base;
        self.show(marks);
        before.and_then(|b| self.position_of(b))
    }

    /// Recomputes the rows from the base and the view.
    fn show(&mut self, marks: &MarkBook) {
        let view = self.view;
        self.visible = self
            .base
            .iter()
            .copied()
            .filter(|&i| view.shows(marks, i))
            .collect();
    }

    /// Shows the next view; returns the position of the article that was
    /// selected before, when it is still listed.
    pub(super) fn cycle_view(&mut self, marks: &MarkBook) -> Option<usize> {
        self.view = self.view.next();
        let base = std::mem::take(&mut self.base);
        self.relist(base, marks)
    }

    /// Shows every article of the base again.
    pub(super) fn show_all(&mut self, marks: &MarkBook) {
        self.view = View::All;
        self.show(marks);
    }

    pub(super) fn set_filter(&mut self, filter: Option<ActiveFilter>) {
        self.filter = filter;
    }

    /// Selects `position`, clamped to the list.
    pub(super) fn set_selected(&mut self, position: usize) {
        self.selected = position.min(self.visible.len().saturating_sub(1));
    }

    /// Clamps the selection and keeps it within `height` rows of view.
    pub(super) fn settle(&mut self, height: usize) {
        self.set_selected(self.selected);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(self.visible.len().saturating_sub(height));
    }
}
