//! The entity pane: its state (scope, selected entry, scroll, whether it
//! was toggled from its default) and its entries — the selected article's
//! entities grouped by kind, or every entity of the corpus ranked by
//! article count. Rows are produced only for the window being drawn.

use super::App;
use crate::entities::{EntityId, EntityKind};

/// What the entity pane lists.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scope {
    #[default]
    Article,
    Corpus,
}

/// The entity pane's state.
#[derive(Debug, Default)]
pub struct SidebarPane {
    scope: Scope,
    /// Position of the selected entity among the pane's entries.
    selected: usize,
    offset: usize,
    /// Shown or hidden against its default (shown when wide).
    toggled: bool,
}

impl SidebarPane {
    pub fn scope(&self) -> Scope {
        self.scope
    }

    /// Returns the selected entry's position.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// Returns the first row in view.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// Returns whether the pane was toggled from its default.
    pub fn toggled(&self) -> bool {
        self.toggled
    }

    pub(super) fn toggle(&mut self) {
        self.toggled = !self.toggled;
    }

    /// Switches between the article's and the corpus's entities, from the top.
    pub(super) fn toggle_scope(&mut self) {
        self.scope = match self.scope {
            Scope::Article => Scope::Corpus,
            Scope::Corpus => Scope::Article,
        };
        self.rewind();
    }

    pub(super) fn rewind(&mut self) {
        self.selected = 0;
        self.offset = 0;
    }

    pub(super) fn set_selected(&mut self, index: usize) {
        self.selected = index;
    }

    /// Moves the selection by `delta`, within `len` entries.
    pub(super) fn move_by(&mut self, delta: isize, len: usize) {
        self.selected = self
            .selected
            .saturating_add_signed(delta)
            .min(len.saturating_sub(1));
    }

    /// Keeps the selected entry (drawn at `row`) within `height` rows of
    /// view, with a kind's heading shown with its first entry.
    pub(super) fn settle(&mut self, len: usize, row: usize, height: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        let top = if self.selected == 0 { 0 } else { row };
        if top < self.offset {
            self.offset = top;
        } else if row >= self.offset + height {
            self.offset = row + 1 - height;
        }
    }
}

/// One row of the entity pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SidebarRow {
    /// A kind heading, with how many entries follow.
    Group(EntityKind, usize),
    /// An entry: its position among entries, the entity, and its mentions
    /// in the current article (article scope) or 0.
    Entity {
        index: usize,
        id: EntityId,
        mentions: u32,
    },
}

fn kind_order(kind: EntityKind) -> usize {
    EntityKind::ALL.iter().position(|&k| k == kind).unwrap_or(0)
}

impl App {
    /// Returns the current article's entities, grouped by kind, most
    /// mentioned first within a kind.
    fn article_entities(&self) -> Vec<(EntityId, u32)> {
        let (Some(lib), Some(i)) = (&self.library, self.current()) else {
            return Vec::new();
        };
        let mut list = lib.index.entities_in(i).to_vec();
        list.sort_by_key(|&(id, n)| {
            let kind = lib.index.entity(id).map_or(0, |e| kind_order(e.kind));
            (kind, std::cmp::Reverse(n), id)
        });
        list
    }

    /// Returns the name of the place through which the current article
    /// has the country `id`, when it does not name the country itself.
    pub fn sidebar_via(&self, id: EntityId) -> Option<&str> {
        let (lib, i) = (self.library.as_ref()?, self.current()?);
        let place = lib.index.derived_via(i, id)?;
        Some(lib.index.entity(place)?.name.as_str())
    }

    /// Returns how many entries the entity pane lists.
    pub fn sidebar_len(&self) -> usize {
        match self.sidebar.scope {
            Scope::Article => self
                .current()
                .and_then(|i| Some(self.library.as_ref()?.index.entities_in(i).len()))
                .unwrap_or(0),
            Scope::Corpus => self.filter_index.ranked_entities().len(),
        }
    }

    /// Returns the entity of entry `index`.
    pub fn sidebar_entity(&self, index: usize) -> Option<EntityId> {
        match self.sidebar.scope {
            Scope::Article => self.article_entities().get(index).map(|&(id, _)| id),
            Scope::Corpus => self.filter_index.ranked_entities().get(index).copied(),
        }
    }

    /// Returns all rows (article scope) or the rows `from..from+len`
    /// (corpus scope, which has no headings).
    pub fn sidebar_rows(&self, from: usize, len: usize) -> Vec<SidebarRow> {
        match self.sidebar.scope {
            Scope::Article => {
                let list = self.article_entities();
                let lib = self.library.as_ref();
                let kind_of = |id: EntityId| {
                    lib.and_then(|l| l.index.entity(id))
                        .map_or(EntityKind::Country, |e| e.kind)
                };
                let mut rows = Vec::with_capacity(list.len() + 5);
                let mut last = None;
                for (index, &(id, mentions)) in list.iter().enumerate() {
                    let kind = kind_of(id);
                    if last != Some(kind) {
                        let n = list.iter().filter(|&&(e, _)| kind_of(e) == kind).count();
                        rows.push(SidebarRow::Group(kind, n));
                        last = Some(kind);
                    }
                    rows.push(SidebarRow::Entity {
                        index,
                        id,
                        mentions,
                    });
                }
                rows.into_iter().skip(from).take(len).collect()
            }
            Scope::Corpus => self
                .filter_index
                .ranked_entities()
                .iter()
                .enumerate()
                .skip(from)
                .take(len)
                .map(|(index, &id)| SidebarRow::Entity {
                    index,
                    id,
                    mentions: 0,
                })
                .collect(),
        }
    }

    /// Returns the row at which entry `index` is drawn.
    pub(super) fn sidebar_row_of(&self, index: usize) -> usize {
        match self.sidebar.scope {
            Scope::Article => self
                .sidebar_rows(0, usize::MAX)
                .iter()
                .position(|r| matches!(r, SidebarRow::Entity { index: i, .. } if *i == index))
                .unwrap_or(0),
            Scope::Corpus => index,
        }
    }

    /// Returns the entry drawn at `row`, if that row is an entry.
    pub(super) fn sidebar_index_at(&self, row: usize) -> Option<usize> {
        match self.sidebar_rows(row, 1).first() {
            Some(SidebarRow::Entity { index, .. }) => Some(*index),
            _ => None,
        }
    }
}
