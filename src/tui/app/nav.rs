//! Moving around: selection, scrolling, focus, filters, entity jumps and
//! the mouse. Every function keeps the state consistent with the layout of
//! the current terminal size.

use super::texts::Seek;
use super::{ActiveFilter, App, Scope};
use crate::entities::EntityId;
use crate::filter;
use crate::tui::document;
use crate::tui::layout::{self, Fit, Pane};
use crate::tui::text;

const WHEEL_STEP: isize = 3;

impl App {
    /// Selects the article at `position` of the list and opens it.
    pub(super) fn select(&mut self, position: usize) {
        self.list.set_selected(position);
        let now = self.current();
        if now == self.reader.shown() {
            return;
        }
        self.leave_article();
        self.forget_seek();
        self.reader
            .show(now, now.map_or(0, |i| self.marks.scroll(i)));
        if self.sidebar.scope() == Scope::Article {
            self.sidebar.rewind();
        }
        if let Some(i) = now {
            self.opened(i);
        }
    }

    /// Moves the focused pane's cursor or scroll position by `delta`.
    pub(super) fn move_by(&mut self, delta: isize) {
        match self.focus {
            Pane::List => {
                let at = self.list.selected();
                let to = at.saturating_add_signed(delta);
                if to != at {
                    self.select(to);
                }
            }
            Pane::Reader => self.reader.scroll_by(delta),
            Pane::Sidebar => {
                self.sidebar.move_by(delta, self.sidebar_len());
                self.clamp_sidebar();
                self.followed = self
                    .sidebar_entity(self.sidebar.selected())
                    .or(self.followed);
            }
        }
    }

    pub(super) fn page(&mut self, direction: isize) {
        let height = match self.focus {
            Pane::Reader => self.reader_height(),
            _ => self.list_height(),
        };
        let step = height.saturating_sub(1).max(1);
        self.move_by(direction * isize::try_from(step).unwrap_or(1));
    }

    /// Clamps every scroll position and keeps the selections in view.
    pub(super) fn settle(&mut self) {
        self.list.settle(self.list_height());
        self.want_text();
        // A text still being read would clamp a restored scroll to its top.
        if !self.texts_pending() {
            let lines = self.document().len();
            self.reader.clamp(lines, self.reader_height());
        }
        self.clamp_sidebar();
        let lines = self.popup_lines();
        if let Some(popup) = &mut self.popup {
            popup.scroll = popup.scroll.min(lines.saturating_sub(1));
        }
    }

    fn clamp_sidebar(&mut self) {
        let len = self.sidebar_len();
        let height = self.screen().sidebar.map_or(1, |r| {
            let (list, _) = layout::sidebar_parts(layout::inner(r), self.has_picture());
            usize::from(list.height).max(1)
        });
        let selected = self.sidebar.selected().min(len.saturating_sub(1));
        let row = self.sidebar_row_of(selected);
        self.sidebar.settle(len, row, height);
    }

    pub(super) fn sidebar_visible(&self) -> bool {
        self.screen().sidebar.is_some()
    }

    /// Moves the focus off a pane the layout no longer shows.
    pub(super) fn fix_focus(&mut self) {
        let fit = layout::Fit::of(self.width);
        if !layout::focusable(fit, self.focus, self.sidebar.toggled()) {
            self.focus = Pane::Reader;
        }
    }

    pub(super) fn focus_pane(&mut self, pane: Pane) {
        let fit = layout::Fit::of(self.width);
        if layout::focusable(fit, pane, self.sidebar.toggled()) {
            self.focus = pane;
        }
    }

    pub(super) fn cycle_focus(&mut self, forward: bool) {
        const ORDER: [Pane; 3] = [Pane::List, Pane::Reader, Pane::Sidebar];
        let fit = layout::Fit::of(self.width);
        let at = ORDER.iter().position(|&p| p == self.focus).unwrap_or(0);
        for step in 1..=3 {
            let next = if forward {
                at + step
            } else {
                at + 3 * 3 - step
            };
            let pane = ORDER[next % 3];
            if layout::focusable(fit, pane, self.sidebar.toggled()) {
                self.focus = pane;
                return;
            }
        }
    }

    pub(super) fn toggle_sidebar(&mut self) {
        if layout::Fit::of(self.width) == Fit::Narrow {
            self.focus = if self.focus == Pane::Sidebar {
                Pane::Reader
            } else {
                Pane::Sidebar
            };
        } else {
            self.sidebar.toggle();
            if self.sidebar_visible() {
                self.focus = Pane::Sidebar;
            } else {
                self.fix_focus();
            }
        }
    }

    /// Filters the list to the articles that mention `id` and follows it.
    pub(super) fn filter_by_entity(&mut self, id: EntityId) {
        let Some(lib) = self.library.clone() else {
            return;
        };
        let Some(e) = lib.index.entity(id) else {
            return;
        };
        let articles = e.articles.clone();
        let filter = ActiveFilter {
            label: format!("{}: {}", e.kind, e.name),
            query: filter::entity_query(e.kind, &e.name),
        };
        self.reader.set_highlight(None);
        self.follow_text = None;
        self.set_filter(articles, filter, Some(id));
    }

    pub(super) fn set_filter(
        &mut self,
        articles: Vec<u32>,
        filter: ActiveFilter,
        entity: Option<EntityId>,
    ) {
        self.list_filtered(articles, filter, entity, false);
    }

    /// Lists `articles` in the order given, not in the list's order.
    pub(super) fn set_filter_in_order(&mut self, articles: Vec<u32>, filter: ActiveFilter) {
        self.list_filtered(articles, filter, None, true);
    }

    fn list_filtered(
        &mut self,
        mut articles: Vec<u32>,
        filter: ActiveFilter,
        entity: Option<EntityId>,
        keep_order: bool,
    ) {
        // An index that disagrees with the corpus must not point past it.
        let n = self.library.as_ref().map_or(0, |l| l.corpus.articles.len());
        articles.retain(|&a| (a as usize) < n);
        self.waiting_query = None;
        self.list.set_filter(Some(filter));
        self.keep_order = keep_order;
        if entity.is_some() {
            self.followed = entity;
        }
        self.focus_pane(Pane::List);
        self.relist(articles);
        self.scroll_to_entity();
    }

    /// Sets `filter` over the whole list: one that waits for the entities.
    pub(super) fn list_filtered_all(&mut self, filter: ActiveFilter) {
        let n = self.library.as_ref().map_or(0, |l| l.corpus.articles.len());
        self.list_filtered((0..n as u32).collect(), filter, None, false);
    }

    pub(super) fn clear_filter(&mut self) {
        let n = self.library.as_ref().map_or(0, |l| l.corpus.articles.len());
        self.waiting_query = None;
        self.list.set_filter(None);
        self.keep_order = false;
        self.reader.set_highlight(None);
        self.follow_text = None;
        self.text_search.forget_pending();
        self.relist((0..n as u32).collect());
    }

    /// Lists `base` through the current view, keeping the selected article
    /// selected when it is still listed.
    pub(super) fn relist(&mut self, mut base: Vec<u32>) {
        if !self.keep_order && self.sort != crate::sort::SortKey::Corpus {
            let rank = &self.sort_rank;
            base.sort_by_key(|&a| rank.get(a as usize).copied().unwrap_or(u32::MAX));
        }
        let keep = self.list.relist(base, &self.marks);
        self.select(keep.unwrap_or(0));
    }

    /// Orders the list by `key` (the listing of a thread or of related
    /// articles keeps its own order until the filter changes).
    pub(super) fn set_sort(&mut self, key: crate::sort::SortKey) {
        self.sort = key;
        self.sort_rank = match &self.library {
            Some(lib) if key != crate::sort::SortKey::Corpus => {
                let order = crate::sort::order(lib, key);
                let mut rank = vec![0u32; order.len()];
                for (at, &a) in order.iter().enumerate() {
                    rank[a as usize] = at as u32;
                }
                rank
            }
            _ => Vec::new(),
        };
        self.keep_order = false;
        let mut base = self.list.base().to_vec();
        if key == crate::sort::SortKey::Corpus {
            base.sort_unstable();
        }
        self.relist(base);
    }

    /// Selects article `i` (clearing a filter or view that hides it) and reads it.
    pub(super) fn open_article(&mut self, i: usize) {
        if self.list.position_of(i).is_none() {
            self.clear_filter();
        }
        if self.list.position_of(i).is_none() {
            self.list.show_all(&self.marks);
        }
        if let Some(pos) = self.list.position_of(i) {
            self.select(pos);
        }
        self.focus_pane(Pane::Reader);
    }

    /// Goes to the next (or previous) listed article that mentions the
    /// followed entity, wrapping around, and scrolls to its first mention.
    pub(super) fn jump(&mut self, forward: bool) {
        if self.follow_text.is_some() && self.reader.highlight().is_some() {
            return self.jump_text(forward);
        }
        let Some(lib) = self.library.clone() else {
            return;
        };
        let Some(e) = self.followed.and_then(|id| lib.index.entity(id)) else {
            self.status = Some(text::no_entity(&self.keymap.keys_for("search")));
            return;
        };
        let names = |article: u32| e.articles.binary_search(&article).is_ok();
        let visible = self.list.visible();
        let n = visible.len();
        let at = self.list.selected();
        let matching: Vec<usize> = (0..n).filter(|&p| names(visible[p])).collect();
        for step in 1..n {
            let pos = if forward {
                (at + step) % n
            } else {
                (at + n - step) % n
            };
            if names(self.list.visible()[pos]) {
                self.select(pos);
                self.scroll_to_entity();
                let rank = matching.iter().position(|&p| p == pos).unwrap_or(0) + 1;
                self.status = Some(text::jumped(&e.name, rank, matching.len()));
                return;
            }
        }
        self.status = Some(text::only_article(&e.name));
    }

    /// Scrolls the reader to just above the first mention of the followed entity.
    pub(super) fn scroll_to_entity(&mut self) {
        let Some(id) = self.followed else { return };
        if self.seek_later(Seek::Entity) {
            return;
        }
        if let Some(line) = document::first_line_of(&self.document(), id) {
            self.reader.set_scroll(line.saturating_sub(2));
        }
    }

    pub(super) fn click(&mut self, x: u16, y: u16) {
        let screen = self.screen();
        if let Some(area) = screen.sidebar.filter(|&a| layout::contains(a, x, y)) {
            self.focus_pane(Pane::Sidebar);
            let (inner, below) = layout::sidebar_parts(layout::inner(area), self.has_picture());
            if let Some(below) = below.filter(|&b| layout::contains(b, x, y)) {
                self.click_picture(below, x, y);
            } else if layout::contains(inner, x, y) {
                let row = self.sidebar.offset() + usize::from(y - inner.y);
                if let Some(index) = self.sidebar_index_at(row) {
                    self.sidebar.set_selected(index);
                    self.followed = self.sidebar_entity(index).or(self.followed);
                }
            }
        } else if let Some(area) = screen.list.filter(|&a| layout::contains(a, x, y)) {
            self.focus_pane(Pane::List);
            let inner = layout::inner(area);
            if layout::contains(inner, x, y) {
                let pos = self.list.offset() + usize::from(y - inner.y);
                if pos < self.list.visible().len() {
                    self.select(pos);
                }
            }
        } else if screen.reader.is_some_and(|a| layout::contains(a, x, y)) {
            self.focus_pane(Pane::Reader);
        }
    }

    /// A click on an entity of the picture's "often with" row follows it
    /// and lists its articles.
    fn click_picture(&mut self, below: ratatui::layout::Rect, x: u16, y: u16) {
        if y != below.y + layout::OFTEN_WITH_ROW {
            return;
        }
        let (Some(lib), Some((_, picture))) = (self.library.clone(), self.pictured()) else {
            return;
        };
        let entries = text::often_with_entries(&lib, &picture);
        let (_, spans) = layout::often_with(text::OFTEN_WITH, &entries);
        let column = usize::from(x - below.x);
        if let Some(&(_, _, id)) = spans.iter().find(|&&(a, b, _)| (a..b).contains(&column)) {
            self.filter_by_entity(id);
        }
    }

    pub(super) fn wheel(&mut self, x: u16, y: u16, down: bool) {
        let screen = self.screen();
        let pane = if screen.sidebar.is_some_and(|a| layout::contains(a, x, y)) {
            Pane::Sidebar
        } else if screen.list.is_some_and(|a| layout::contains(a, x, y)) {
            Pane::List
        } else if screen.reader.is_some_and(|a| layout::contains(a, x, y)) {
            Pane::Reader
        } else {
            return;
        };
        let focus = std::mem::replace(&mut self.focus, pane);
        self.move_by(if down { WHEEL_STEP } else { -WHEEL_STEP });
        self.focus = focus;
    }
}
