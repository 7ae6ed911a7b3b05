//! Moving around: selection, scrolling, focus, filters, entity jumps and
//! the mouse. Every function keeps the state consistent with the layout of
//! the current terminal size.

use super::{ActiveFilter, App, Scope};
use crate::entities::EntityId;
use crate::tui::document;
use crate::tui::layout::{self, Fit, Pane};
use crate::tui::text;

const WHEEL_STEP: isize = 3;

impl App {
    /// Selects the article at `position` of the list and opens it.
    pub(super) fn select(&mut self, position: usize) {
        self.selected = position.min(self.visible.len().saturating_sub(1));
        let now = self.current();
        if now == self.shown {
            return;
        }
        self.leave_article();
        self.shown = now;
        self.reader_scroll = now.map_or(0, |i| usize::from(self.scrolls[i]));
        if self.scope == Scope::Article {
            self.sidebar_selected = 0;
            self.sidebar_offset = 0;
        }
        if let Some(i) = now {
            self.opened(i);
        }
    }

    /// Moves the focused pane's cursor or scroll position by `delta`.
    pub(super) fn move_by(&mut self, delta: isize) {
        match self.focus {
            Pane::List => {
                let to = self.selected.saturating_add_signed(delta);
                if to != self.selected {
                    self.select(to);
                }
            }
            Pane::Reader => self.reader_scroll = self.reader_scroll.saturating_add_signed(delta),
            Pane::Sidebar => {
                self.sidebar_selected = self.sidebar_selected.saturating_add_signed(delta);
                self.clamp_sidebar();
                self.entity = self.sidebar_entity(self.sidebar_selected).or(self.entity);
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
        let height = self.list_height();
        self.selected = self.selected.min(self.visible.len().saturating_sub(1));
        if self.selected < self.list_offset {
            self.list_offset = self.selected;
        } else if self.selected >= self.list_offset + height {
            self.list_offset = self.selected + 1 - height;
        }
        self.list_offset = self
            .list_offset
            .min(self.visible.len().saturating_sub(height));
        let lines = self.document().len();
        self.reader_scroll = self
            .reader_scroll
            .min(lines.saturating_sub(self.reader_height()));
        self.clamp_sidebar();
        let lines = self.popup_lines();
        if let Some(popup) = &mut self.popup {
            popup.scroll = popup.scroll.min(lines.saturating_sub(1));
        }
    }

    fn clamp_sidebar(&mut self) {
        let len = self.sidebar_len();
        self.sidebar_selected = self.sidebar_selected.min(len.saturating_sub(1));
        let height = self
            .screen()
            .sidebar
            .map_or(1, |r| usize::from(layout::inner(r).height).max(1));
        let row = self.sidebar_row_of(self.sidebar_selected);
        // Show a kind's heading with its first entry.
        let top = if self.sidebar_selected == 0 { 0 } else { row };
        if top < self.sidebar_offset {
            self.sidebar_offset = top;
        } else if row >= self.sidebar_offset + height {
            self.sidebar_offset = row + 1 - height;
        }
    }

    pub(super) fn sidebar_visible(&self) -> bool {
        self.screen().sidebar.is_some()
    }

    /// Moves the focus off a pane the layout no longer shows.
    pub(super) fn fix_focus(&mut self) {
        let fit = layout::Fit::of(self.width);
        if !layout::focusable(fit, self.focus, self.sidebar_toggled) {
            self.focus = Pane::Reader;
        }
    }

    pub(super) fn focus_pane(&mut self, pane: Pane) {
        let fit = layout::Fit::of(self.width);
        if layout::focusable(fit, pane, self.sidebar_toggled) {
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
            if layout::focusable(fit, pane, self.sidebar_toggled) {
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
            self.sidebar_toggled = !self.sidebar_toggled;
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
        let Some(e) = lib.index.entities.get(id as usize) else {
            return;
        };
        let articles = e.articles.iter().map(|&(a, _)| a).collect();
        let filter = ActiveFilter {
            label: format!("{}: {}", e.kind, e.name),
            query: format!("{}:{}", e.kind, e.name),
        };
        self.set_filter(articles, filter, Some(id));
    }

    /// Filters the list with a typed query (see [`crate::filter`]).
    pub(super) fn filter_by_query(&mut self, query: &str) {
        let Some(lib) = self.library.clone() else {
            return;
        };
        let result = self.filter_index.apply(&lib.index, query);
        let filter = ActiveFilter {
            label: result.label,
            query: query.trim().to_owned(),
        };
        self.set_filter(result.articles, filter, result.entity);
    }

    fn set_filter(
        &mut self,
        mut articles: Vec<u32>,
        filter: ActiveFilter,
        entity: Option<EntityId>,
    ) {
        // An index that disagrees with the corpus must not point past it.
        let n = self.library.as_ref().map_or(0, |l| l.corpus.articles.len());
        articles.retain(|&a| (a as usize) < n);
        self.filter = Some(filter);
        if entity.is_some() {
            self.entity = entity;
        }
        self.focus_pane(Pane::List);
        self.relist(articles);
        self.scroll_to_entity();
    }

    pub(super) fn clear_filter(&mut self) {
        let n = self.library.as_ref().map_or(0, |l| l.corpus.articles.len());
        self.filter = None;
        self.relist((0..n as u32).collect());
    }

    /// Lists `base` through the current view, keeping the selected article
    /// selected when it is still listed.
    pub(super) fn relist(&mut self, base: Vec<u32>) {
        let before = self.current();
        self.base = base;
        self.visible = self.in_view(&self.base);
        let keep = before.and_then(|b| self.visible.iter().position(|&i| i as usize == b));
        self.select(keep.unwrap_or(0));
    }

    /// Selects article `i` (clearing a filter or view that hides it) and reads it.
    pub(super) fn open_article(&mut self, i: usize) {
        if !self.visible.iter().any(|&v| v as usize == i) {
            self.clear_filter();
        }
        if !self.visible.iter().any(|&v| v as usize == i) {
            self.view = super::View::All;
            self.relist(self.base.clone());
        }
        if let Some(pos) = self.visible.iter().position(|&v| v as usize == i) {
            self.select(pos);
        }
        self.focus_pane(Pane::Reader);
    }

    /// Goes to the next (or previous) listed article that mentions the
    /// followed entity, wrapping around, and scrolls to its first mention.
    pub(super) fn jump(&mut self, forward: bool) {
        let Some(lib) = self.library.clone() else {
            return;
        };
        let Some(e) = self
            .entity
            .and_then(|id| lib.index.entities.get(id as usize))
        else {
            self.status = Some(text::no_entity(&self.keymap.keys_for("search")));
            return;
        };
        let names = |article: u32| {
            e.articles
                .binary_search_by_key(&article, |&(a, _)| a)
                .is_ok()
        };
        let n = self.visible.len();
        for step in 1..n {
            let pos = if forward {
                (self.selected + step) % n
            } else {
                (self.selected + n - step) % n
            };
            if names(self.visible[pos]) {
                self.select(pos);
                self.scroll_to_entity();
                let matching: Vec<usize> = (0..n).filter(|&p| names(self.visible[p])).collect();
                let rank = matching.iter().position(|&p| p == pos).unwrap_or(0) + 1;
                self.status = Some(text::jumped(&e.name, rank, matching.len()));
                return;
            }
        }
        self.status = Some(text::only_article(&e.name));
    }

    /// Scrolls the reader to just above the first mention of the followed entity.
    pub(super) fn scroll_to_entity(&mut self) {
        let Some(id) = self.entity else { return };
        if let Some(line) = document::first_line_of(&self.document(), id) {
            self.reader_scroll = line.saturating_sub(2);
        }
    }

    pub(super) fn click(&mut self, x: u16, y: u16) {
        let screen = self.screen();
        if let Some(area) = screen.sidebar.filter(|&a| layout::contains(a, x, y)) {
            self.focus_pane(Pane::Sidebar);
            let inner = layout::inner(area);
            if layout::contains(inner, x, y) {
                let row = self.sidebar_offset + usize::from(y - inner.y);
                if let Some(index) = self.sidebar_index_at(row) {
                    self.sidebar_selected = index;
                    self.entity = self.sidebar_entity(index).or(self.entity);
                }
            }
        } else if let Some(area) = screen.list.filter(|&a| layout::contains(a, x, y)) {
            self.focus_pane(Pane::List);
            let inner = layout::inner(area);
            if layout::contains(inner, x, y) {
                let pos = self.list_offset + usize::from(y - inner.y);
                if pos < self.visible.len() {
                    self.select(pos);
                }
            }
        } else if screen.reader.is_some_and(|a| layout::contains(a, x, y)) {
            self.focus_pane(Pane::Reader);
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
