//! The reader's state and the one function that changes it,
//! [`App::update`]. Views only borrow an `App`; keys, mouse, resizes and the
//! loader reach it as [`Action`]s, so tests drive it the same way.

use std::sync::Arc;

use ratatui::layout::Rect;

use super::action::{Action, Loaded};
use super::document::{self, DocLine};
use super::keymap::{Keymap, Mode};
use super::layout::{self, Fit, Pane, Screen};
use super::text;
use super::theme::Theme;
use crate::entities::EntityId;
use crate::filter::{FilterIndex, Ranker, Suggestion, Target};
use crate::pipeline::{Library, Progress};
use crate::state::Session;

/// The filter the list currently shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActiveFilter {
    pub label: String,
    /// A query that selects the same articles again (remembered per corpus).
    pub query: String,
}

/// The open `/` prompt.
#[derive(Clone, Debug, Default)]
pub struct Prompt {
    pub input: String,
    pub suggestions: Vec<Suggestion>,
    /// The highlighted suggestion; `None` means Enter applies the text.
    pub selected: Option<usize>,
}

/// Which popup covers the panes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PopupKind {
    Help,
    Warnings,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Popup {
    pub kind: PopupKind,
    pub scroll: usize,
}

/// What the entity pane lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Article,
    Corpus,
}

/// The whole state of the reader.
#[derive(Debug)]
pub struct App {
    pub library: Option<Arc<Library>>,
    pub filter_index: FilterIndex,
    ranker: Ranker,
    pub progress: Option<Progress>,
    pub keymap: Keymap,
    pub theme: Theme,
    pub width: u16,
    pub height: u16,
    pub focus: Pane,
    /// Entity pane toggled from its default (shown when wide, hidden when not).
    pub sidebar_toggled: bool,
    /// Indices of the articles the filter selects, in corpus order.
    pub base: Vec<u32>,
    /// Which of `base` the list shows: all, unread or starred.
    pub view: View,
    /// Indices of the articles the list shows, in corpus order.
    pub visible: Vec<u32>,
    /// Position of the selected article in `visible`.
    pub selected: usize,
    pub list_offset: usize,
    pub filter: Option<ActiveFilter>,
    pub reader_scroll: usize,
    pub scope: Scope,
    /// Position of the selected entity among the entity pane's entries.
    pub sidebar_selected: usize,
    pub sidebar_offset: usize,
    /// The entity n/N follow and the reader emphasises.
    pub entity: Option<EntityId>,
    pub prompt: Option<Prompt>,
    pub popup: Option<Popup>,
    /// Per article: read (opened, or marked with `m`).
    pub read: Vec<bool>,
    /// Per article: starred.
    pub starred: Vec<bool>,
    /// Per article: where the reading pane was when it was last left.
    pub scrolls: Vec<u16>,
    /// The article the reading pane shows (corpus index).
    shown: Option<usize>,
    pub settings: Settings,
    /// Changes to remember, for the event loop to write (see [`Effect`]).
    effects: Vec<Effect>,
    /// The last session handed out as an effect.
    saved_session: Option<Session>,
    pub status: Option<String>,
    pub should_quit: bool,
}

impl App {
    pub fn new(keymap: Keymap, theme: Theme, width: u16, height: u16) -> Self {
        Self {
            library: None,
            filter_index: FilterIndex::default(),
            ranker: Ranker::new(),
            progress: None,
            keymap,
            theme,
            width,
            height,
            focus: Pane::List,
            sidebar_toggled: false,
            base: Vec::new(),
            view: View::All,
            visible: Vec::new(),
            selected: 0,
            list_offset: 0,
            filter: None,
            reader_scroll: 0,
            scope: Scope::Article,
            sidebar_selected: 0,
            sidebar_offset: 0,
            entity: None,
            prompt: None,
            popup: None,
            read: Vec::new(),
            starred: Vec::new(),
            scrolls: Vec::new(),
            shown: None,
            settings: Settings::default(),
            effects: Vec::new(),
            saved_session: None,
            status: None,
            should_quit: false,
        }
    }

    /// Returns an app with `library` loaded, default keys and theme.
    pub fn with_library(library: Library, width: u16, height: u16) -> Self {
        let mut app = Self::new(Keymap::default(), Theme::dark(), width, height);
        app.update(Action::Loaded(Arc::new(Loaded::new(library))));
        app
    }

    /// Returns which key table applies now.
    pub fn mode(&self) -> Mode {
        if self.prompt.is_some() {
            Mode::Prompt
        } else {
            Mode::Normal
        }
    }

    /// Returns the corpus index of the selected article.
    pub fn current(&self) -> Option<usize> {
        self.visible.get(self.selected).map(|&i| i as usize)
    }

    pub fn screen(&self) -> Screen {
        layout::screen(
            Rect::new(0, 0, self.width, self.height),
            self.focus,
            self.sidebar_toggled,
            self.settings.widths,
        )
    }

    /// Returns the selected article laid out for the reading pane's width.
    pub fn document(&self) -> Vec<DocLine> {
        let (Some(lib), Some(i)) = (&self.library, self.current()) else {
            return Vec::new();
        };
        let width = self.reader_inner().map_or(self.width, |r| r.width);
        let mentions = lib.index.text_mentions(i);
        lib.corpus.articles.get(i).map_or_else(Vec::new, |article| {
            document::layout(article, mentions, width, &text::DOC)
        })
    }

    fn reader_inner(&self) -> Option<Rect> {
        let screen = self.screen();
        let area = screen.reader.or(match screen.fit {
            // The reader's width still matters when another pane is shown.
            Fit::Narrow => Some(Rect::new(0, 1, self.width, self.height.saturating_sub(2))),
            _ => None,
        })?;
        Some(layout::inner(area))
    }

    fn list_height(&self) -> usize {
        let screen = self.screen();
        let area =
            screen
                .list
                .unwrap_or(Rect::new(0, 1, self.width, self.height.saturating_sub(2)));
        usize::from(layout::inner(area).height).max(1)
    }

    fn reader_height(&self) -> usize {
        self.reader_inner()
            .map_or(1, |r| usize::from(r.height).max(1))
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Loaded(loaded) => {
                // The only owner in practice; a shared one is copied.
                let loaded = Arc::try_unwrap(loaded).unwrap_or_else(|shared| (*shared).clone());
                return self.load(loaded);
            }
            Action::Progress(p) => return self.progress = Some(p),
            Action::Resize { width, height } => {
                self.width = width;
                self.height = height;
                self.fix_focus();
                return self.settle();
            }
            Action::ForceQuit => {
                self.should_quit = true;
                return self.leave_article();
            }
            Action::Notice(message) => return self.status = Some(message),
            _ => {}
        }
        if self.library.is_none() {
            if matches!(action, Action::Quit) {
                self.should_quit = true;
            }
            return;
        }
        self.status = None;
        if self.prompt.is_some() {
            self.prompt_action(&action);
        } else if self.popup.is_some() {
            self.popup_action(&action);
        } else {
            self.normal_action(&action);
        }
        if self.should_quit {
            self.leave_article();
        }
        self.settle();
        self.sync_session();
    }

    fn load(&mut self, loaded: Loaded) {
        let Loaded {
            library,
            filter,
            remembered,
        } = loaded;
        self.filter_index = filter;
        let n = library.corpus.articles.len();
        self.base = (0..n as u32).collect();
        self.visible = self.base.clone();
        self.remember_marks(&library, &remembered);
        self.library = Some(library);
        self.progress = None;
        self.shown = None;
        self.restore(remembered.session);
        self.fix_focus();
        self.settle();
        self.sync_session();
    }

    fn normal_action(&mut self, action: &Action) {
        match *action {
            Action::Quit => self.should_quit = true,
            Action::Help => self.open_popup(PopupKind::Help),
            Action::Warnings => self.open_popup(PopupKind::Warnings),
            Action::FocusNext => self.cycle_focus(true),
            Action::FocusPrev => self.cycle_focus(false),
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.page(-1),
            Action::PageDown => self.page(1),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::Select => match self.focus {
                Pane::List => self.focus_pane(Pane::Reader),
                Pane::Sidebar => {
                    if let Some(id) = self.sidebar_entity(self.sidebar_selected) {
                        self.filter_by_entity(id);
                    }
                }
                Pane::Reader => {}
            },
            // Esc walks back to the list first; in the list it clears the filter.
            Action::Back => {
                if self.focus != Pane::List {
                    self.focus_pane(Pane::List);
                } else if self.filter.is_some() {
                    self.clear_filter();
                }
            }
            Action::Search => {
                self.prompt = Some(Prompt::default());
            }
            Action::NextMatch => self.jump(true),
            Action::PrevMatch => self.jump(false),
            Action::ToggleSidebar => self.toggle_sidebar(),
            Action::ToggleEntityScope => {
                self.scope = match self.scope {
                    Scope::Article => Scope::Corpus,
                    Scope::Corpus => Scope::Article,
                };
                self.sidebar_selected = 0;
                self.sidebar_offset = 0;
                if self.sidebar_visible() {
                    self.focus_pane(Pane::Sidebar);
                } else {
                    self.toggle_sidebar();
                }
            }
            Action::ToggleRead => self.toggle_read(),
            Action::ToggleStar => self.toggle_star(),
            Action::CycleView => self.cycle_view(),
            Action::OpenUrl => self.hand_out_address(Effect::OpenUrl),
            Action::CopyUrl => self.hand_out_address(Effect::CopyUrl),
            Action::Click { x, y } => self.click(x, y),
            Action::Scroll { x, y, down } => self.wheel(x, y, down),
            _ => {}
        }
    }

    fn popup_action(&mut self, action: &Action) {
        let Some(popup) = &mut self.popup else { return };
        match action {
            Action::Up => popup.scroll = popup.scroll.saturating_sub(1),
            Action::Down => popup.scroll += 1,
            Action::PageUp => popup.scroll = popup.scroll.saturating_sub(10),
            Action::PageDown => popup.scroll += 10,
            Action::Top => popup.scroll = 0,
            Action::Bottom => popup.scroll = usize::MAX / 2,
            Action::Help if popup.kind != PopupKind::Help => self.open_popup(PopupKind::Help),
            Action::Warnings if popup.kind != PopupKind::Warnings => {
                self.open_popup(PopupKind::Warnings);
            }
            Action::Scroll { down, .. } => {
                popup.scroll = if *down {
                    popup.scroll + 3
                } else {
                    popup.scroll.saturating_sub(3)
                };
            }
            Action::Back
            | Action::Quit
            | Action::Help
            | Action::Warnings
            | Action::Select
            | Action::Click { .. } => {
                self.popup = None;
            }
            _ => {}
        }
    }

    fn open_popup(&mut self, kind: PopupKind) {
        self.popup = Some(Popup { kind, scroll: 0 });
    }

    /// Returns how many lines the open popup has.
    pub fn popup_lines(&self) -> usize {
        match self.popup.map(|p| p.kind) {
            Some(PopupKind::Help) => self.keymap.help_rows().len(),
            Some(PopupKind::Warnings) => self
                .library
                .as_ref()
                .map_or(0, |l| l.corpus.warnings.len().max(1)),
            None => 0,
        }
    }

    fn prompt_action(&mut self, action: &Action) {
        let Some(prompt) = &mut self.prompt else {
            return;
        };
        match action {
            Action::PromptInput(c) => {
                prompt.input.push(*c);
                self.rerank();
            }
            Action::PromptBackspace => {
                prompt.input.pop();
                self.rerank();
            }
            Action::PromptClear => {
                prompt.input.clear();
                self.rerank();
            }
            Action::PromptDown => {
                let n = prompt.suggestions.len();
                prompt.selected = match prompt.selected {
                    _ if n == 0 => None,
                    None => Some(0),
                    Some(i) => Some((i + 1).min(n - 1)),
                };
            }
            Action::PromptUp => {
                prompt.selected = match prompt.selected {
                    None | Some(0) => None,
                    Some(i) => Some(i - 1),
                };
            }
            Action::PromptCancel => self.prompt = None,
            Action::PromptSubmit => self.submit_prompt(),
            Action::Click { x, y } => {
                // A click on a suggestion picks it; one outside the box
                // closes it, as it closes every popup.
                let screen = Rect::new(0, 0, self.width, self.height);
                let inner = layout::inner(layout::prompt(screen, prompt.suggestions.len()));
                if !layout::contains(inner, *x, *y) {
                    self.prompt = None;
                    return;
                }
                // The input line comes first, the suggestions under it.
                let row = usize::from(*y - inner.y);
                if let Some(i) = row.checked_sub(1).filter(|&i| i < prompt.suggestions.len()) {
                    prompt.selected = Some(i);
                    self.submit_prompt();
                }
            }
            _ => {}
        }
    }

    /// Applies the prompt: the selected suggestion if any, else the typed
    /// query (an empty one clears the filter).
    fn submit_prompt(&mut self) {
        let Some(mut prompt) = self.prompt.take() else {
            return;
        };
        let picked = prompt
            .selected
            .and_then(|i| prompt.suggestions.get(i))
            .map(|s| s.target);
        let query = std::mem::take(&mut prompt.input);
        match picked {
            Some(Target::Entity(id)) => self.filter_by_entity(id),
            Some(Target::Article(i)) => self.open_article(i as usize),
            None if query.trim().is_empty() => self.clear_filter(),
            None => self.filter_by_query(&query),
        }
    }

    /// Returns how many suggestions the popup has room for.
    pub fn suggestion_rows(&self) -> usize {
        usize::from(self.height.saturating_sub(6)).clamp(1, 10)
    }

    fn rerank(&mut self) {
        let limit = self.suggestion_rows();
        if let Some(prompt) = &mut self.prompt {
            prompt.suggestions = self.ranker.rank(&self.filter_index, &prompt.input, limit);
            prompt.selected = None;
        }
    }
}

mod address;
mod marks;
mod nav;
mod sidebar;

pub use marks::{Effect, Remembered, Settings, View};
pub use sidebar::SidebarRow;
