//! The reader's state and the one function that changes it,
//! [`App::update`]. Views only borrow an `App`; keys, mouse, resizes, the
//! loader and the search worker reach it as [`Action`]s, so tests drive it
//! the same way.
//!
//! The state is split by pane: the article list ([`ListPane`]), the
//! reading pane ([`ReaderPane`]), the entity pane ([`SidebarPane`]), the
//! `/` prompt ([`Prompt`]) and other popups ([`Popup`]), and the marks
//! ([`MarkBook`]). Each keeps its fields private; the app holds them, the
//! library, the focus and the followed entity, and dispatches every action
//! to them.

use std::sync::Arc;

use ratatui::layout::Rect;

use super::action::Action;
use super::document::{self, DocLine};
use super::keymap::{Keymap, Mode};
use super::layout::{self, Fit, Pane, Screen};
use super::loaded::{Coming, Found, Loaded};
use super::text;
use super::theme::Theme;
use crate::entities::EntityId;
use crate::filter::{FilterIndex, Ranker, Target};
use crate::picture::{Picture, Pictures};
use crate::pipeline::{Library, Progress};
use crate::sort::SortKey;
use crate::state::Session;
use crate::threads::Threads;

/// How many entities "often with" names.
const OFTEN_WITH_SHOWN: usize = 5;

/// The whole state of the reader.
#[derive(Debug)]
pub struct App {
    library: Option<Arc<Library>>,
    filter_index: FilterIndex,
    ranker: Ranker,
    progress: Option<Progress>,
    /// What the shown list still waits for.
    coming: Coming,
    /// A filter typed (or remembered) while the entities were being
    /// found: applied when they arrive.
    waiting_query: Option<String>,
    keymap: Keymap,
    theme: Theme,
    settings: Settings,
    width: u16,
    height: u16,
    focus: Pane,
    list: ListPane,
    reader: ReaderPane,
    sidebar: SidebarPane,
    prompt: Option<Prompt>,
    popup: Option<Popup>,
    marks: MarkBook,
    /// The entity n/N follow and the reader emphasises.
    followed: Option<EntityId>,
    text_search: TextSearch,
    /// The texts read of a library listed without them.
    texts: TextBook,
    threads: Option<Arc<Threads>>,
    pictures: Option<Pictures>,
    /// The list's order, and each article's place in it.
    sort: SortKey,
    sort_rank: Vec<u32>,
    /// The list shows a listing in its own order (a thread, related
    /// articles), not in `sort`'s.
    keep_order: bool,
    /// The free words n/N go through, match by match, rather than an
    /// entity's mentions.
    follow_text: Option<String>,
    /// Changes to remember, for the event loop to write (see [`Effect`]).
    effects: Vec<Effect>,
    /// The last session handed out as an effect.
    saved_session: Option<Session>,
    status: Option<String>,
    should_quit: bool,
}

impl App {
    pub fn new(keymap: Keymap, theme: Theme, width: u16, height: u16) -> Self {
        Self {
            library: None,
            filter_index: FilterIndex::default(),
            ranker: Ranker::new(),
            progress: None,
            coming: Coming::Nothing,
            waiting_query: None,
            keymap,
            theme,
            settings: Settings::default(),
            width,
            height,
            focus: Pane::List,
            list: ListPane::default(),
            reader: ReaderPane::default(),
            sidebar: SidebarPane::default(),
            prompt: None,
            popup: None,
            marks: MarkBook::default(),
            followed: None,
            text_search: TextSearch::default(),
            texts: TextBook::default(),
            threads: None,
            pictures: None,
            sort: SortKey::Corpus,
            sort_rank: Vec::new(),
            keep_order: false,
            follow_text: None,
            effects: Vec::new(),
            saved_session: None,
            status: None,
            should_quit: false,
        }
    }

    /// Returns the app with reader behaviour `settings`.
    #[must_use]
    pub fn with_settings(mut self, settings: Settings) -> Self {
        self.settings = settings;
        self
    }

    /// Returns an app with `library` loaded, default keys and theme.
    pub fn with_library(library: Library, width: u16, height: u16) -> Self {
        let mut app = Self::new(Keymap::default(), Theme::dark(), width, height);
        app.update(Action::Loaded(Arc::new(Loaded::new(library))));
        app
    }

    pub fn library(&self) -> Option<&Library> {
        self.library.as_deref()
    }

    /// Returns the library shown, shared.
    pub fn shared_library(&self) -> Option<Arc<Library>> {
        self.library.clone()
    }

    /// Returns how far loading got, while it runs (finding the entities
    /// included).
    pub fn progress(&self) -> Option<&Progress> {
        self.progress.as_ref()
    }

    /// Returns true if and only if the list is shown while its entities
    /// are still being found.
    pub fn finding_entities(&self) -> bool {
        self.coming == Coming::Entities
    }

    /// Returns the filter that waits for the entities, if one does.
    pub fn waiting_query(&self) -> Option<&str> {
        self.waiting_query.as_deref()
    }

    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// Returns the terminal's width and height.
    pub fn size(&self) -> (u16, u16) {
        (self.width, self.height)
    }

    pub fn focus(&self) -> Pane {
        self.focus
    }

    pub fn list(&self) -> &ListPane {
        &self.list
    }

    pub fn reader(&self) -> &ReaderPane {
        &self.reader
    }

    pub fn sidebar(&self) -> &SidebarPane {
        &self.sidebar
    }

    pub fn prompt(&self) -> Option<&Prompt> {
        self.prompt.as_ref()
    }

    pub fn popup(&self) -> Option<Popup> {
        self.popup
    }

    pub fn marks(&self) -> &MarkBook {
        &self.marks
    }

    /// Returns the entity n/N follow and the reader emphasises.
    pub fn followed(&self) -> Option<EntityId> {
        self.followed
    }

    /// Returns the free words n/N go through, when they follow text
    /// matches rather than an entity.
    pub fn followed_text(&self) -> Option<&str> {
        self.follow_text.as_deref()
    }

    /// Returns the list's order.
    pub fn sort(&self) -> SortKey {
        self.sort
    }

    /// Returns whether the entity pane pictures an entity.
    pub fn has_picture(&self) -> bool {
        self.followed.is_some() && self.pictures.is_some()
    }

    /// Returns the entity the entity pane pictures over time (the followed
    /// one) with its picture: articles per bar and who is often with it.
    pub fn pictured(&self) -> Option<(EntityId, Picture)> {
        let (lib, pictures, id) = (
            self.library.as_ref()?,
            self.pictures.as_ref()?,
            self.followed?,
        );
        Some((id, pictures.of(&lib.index, id, OFTEN_WITH_SHOWN)))
    }

    /// Returns the footer's message, if one is showing.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    pub fn should_quit(&self) -> bool {
        self.should_quit
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
        self.list.current()
    }

    pub fn screen(&self) -> Screen {
        layout::screen(
            Rect::new(0, 0, self.width, self.height),
            self.focus,
            self.sidebar.toggled(),
            self.settings.widths,
        )
    }

    /// Returns the selected article laid out for the reading pane's width,
    /// with the applied text query's matches marked.
    pub fn document(&self) -> Vec<DocLine> {
        let Some(i) = self.current().filter(|_| self.library.is_some()) else {
            return Vec::new();
        };
        let width = self.reader_inner().map_or(self.width, |r| r.width);
        let mut lines = self
            .article_text(i)
            .map_or_else(Vec::new, |(article, mentions)| {
                let matched = document::Matched::of(article, self.reader.highlight());
                document::layout(article, mentions, &matched, width, &text::DOC)
            });
        if self.texts_pending() {
            lines.push(document::DocLine::note(text::READING_TEXTS));
        }
        lines
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
            Action::Found(found) => {
                let found = Arc::try_unwrap(found).unwrap_or_else(|shared| (*shared).clone());
                return self.found(found);
            }
            Action::Texts(library) => return self.texts(library),
            Action::Saved => return self.shed_texts(),
            Action::TextRead(text) => {
                self.text_read(text);
                return self.settle();
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
        if let Action::TextHits(hits) = action {
            self.text_hits(&hits);
        } else if let Action::Threads(threads) = action {
            self.threads = Some(threads);
        } else {
            self.status = None;
            if self.prompt.is_some() {
                self.prompt_action(&action);
            } else if self.popup.is_some() {
                self.popup_action(&action);
            } else {
                self.normal_action(&action);
            }
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
            pictures,
            remembered,
            coming,
            bodies,
            lent,
        } = loaded;
        self.filter_index = filter;
        self.pictures = Some(pictures);
        // Threads of other articles would point at the wrong ones.
        self.threads = None;
        let n = library.corpus.articles.len();
        self.texts = TextBook::new(bodies.is_some() || lent);
        self.remember_marks(&library, &remembered);
        self.list.relist((0..n as u32).collect(), &self.marks);
        self.library = Some(library);
        self.coming = coming;
        self.waiting_query = None;
        // A notice of the list shown before (the folder changed: it is
        // read again) is over.
        self.status = None;
        if coming != Coming::Entities {
            self.progress = None;
        }
        self.reader.forget();
        self.restore(remembered.session);
        self.fix_focus();
        self.settle();
        self.sync_session();
    }

    /// Returns true if and only if `library` holds the articles listed, in
    /// the same order (so that indices into either mean the same).
    pub fn lists_articles_of(&self, library: &Library) -> bool {
        self.library
            .as_ref()
            .is_some_and(|shown| shown.corpus.lists_same_articles(&library.corpus))
    }

    /// Puts the whole library of the articles listed without their texts
    /// in place (the event loop checks that they are the same articles):
    /// what a listed folder falls back to when its texts can no longer be
    /// read one by one.
    fn texts(&mut self, library: Arc<Library>) {
        if !self.lists_articles_of(&library) {
            return;
        }
        self.library = Some(library);
        self.texts = TextBook::default();
        self.settle();
    }

    /// Puts the entities found after the list was shown in place: the
    /// library that holds them (the same articles), the filter index with
    /// their names, and then the filter that waited for them.
    fn found(&mut self, found: Found) {
        let Found {
            library, filter, ..
        } = found;
        // The articles decide: the opener may have added a warning found
        // while extracting (a cache problem), which copies the corpus.
        // A list of lent texts shows copies of the heads.
        let same = self
            .library
            .as_ref()
            .is_some_and(|shown| Arc::ptr_eq(&shown.corpus, &library.corpus))
            || self.lists_articles_of(&library);
        if !same {
            // Entities of other articles than those shown would point at
            // the wrong ones.
            return;
        }
        self.library = Some(library);
        self.filter_index = filter;
        self.coming = Coming::Nothing;
        self.progress = None;
        if let Some(query) = self.waiting_query.take() {
            self.filter_by_query(&query);
        }
        self.rerank();
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
                    if let Some(id) = self.sidebar_entity(self.sidebar.selected()) {
                        self.filter_by_entity(id);
                    }
                }
                Pane::Reader => {}
            },
            // Esc walks back to the list first; in the list it clears the filter.
            Action::Back => {
                if self.focus != Pane::List {
                    self.focus_pane(Pane::List);
                } else if self.list.filter().is_some() {
                    self.clear_filter();
                }
            }
            Action::Search => self.prompt = Some(Prompt::default()),
            Action::NextMatch => self.jump(true),
            Action::PrevMatch => self.jump(false),
            Action::ToggleSidebar => self.toggle_sidebar(),
            Action::ToggleEntityScope => {
                self.sidebar.toggle_scope();
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
            Action::ShowThread => self.show_thread(),
            Action::ShowRelated => self.show_related(),
            Action::CycleSort => self.set_sort(self.sort.next()),
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
        let edit = match action {
            Action::PromptInput(c) => Some(Edit::Push(*c)),
            Action::PromptBackspace => Some(Edit::Pop),
            Action::PromptClear => Some(Edit::Clear),
            Action::PromptDown => {
                prompt.down();
                None
            }
            Action::PromptUp => {
                prompt.up();
                None
            }
            Action::PromptCancel => {
                self.prompt = None;
                None
            }
            Action::PromptSubmit => {
                self.submit_prompt();
                None
            }
            Action::Click { x, y } => {
                self.prompt_click(*x, *y);
                None
            }
            _ => None,
        };
        if let Some(edit) = edit
            && self.prompt.as_mut().is_some_and(|p| p.edit(edit))
        {
            self.rerank();
            self.preview_text();
        }
    }

    /// A click on a suggestion picks it; one outside the box closes it, as
    /// it closes every popup.
    fn prompt_click(&mut self, x: u16, y: u16) {
        let Some(prompt) = &mut self.prompt else {
            return;
        };
        let screen = Rect::new(0, 0, self.width, self.height);
        let inner = layout::inner(layout::prompt(screen, prompt.rows()));
        if !layout::contains(inner, x, y) {
            self.prompt = None;
            return;
        }
        // The input line comes first, the suggestions under it.
        let row = usize::from(y - inner.y);
        if let Some(i) = row
            .checked_sub(1)
            .filter(|&i| i < prompt.suggestions().len())
        {
            prompt.pick(i);
            self.submit_prompt();
        }
    }

    /// Applies the prompt: the selected suggestion if any, else the typed
    /// query (an empty one clears the filter).
    fn submit_prompt(&mut self) {
        let Some(prompt) = self.prompt.take() else {
            return;
        };
        let (query, picked) = prompt.into_choice();
        match picked.map(|s| s.target) {
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
            let ranked = self.ranker.rank(&self.filter_index, prompt.input(), limit);
            prompt.set_suggestions(ranked);
        }
    }
}

mod address;
mod list;
mod marks;
mod nav;
mod prompt;
mod reader;
mod search;
mod sidebar;
mod story;
mod texts;

pub use list::{ActiveFilter, ListPane, View};
pub use marks::{Effect, MarkBook, Settings};
pub use prompt::{PREVIEW_SNIPPETS, Popup, PopupKind, Prompt};
pub use reader::ReaderPane;
pub use search::TextSearch;
pub use sidebar::{Scope, SidebarPane, SidebarRow};

use prompt::Edit;
use texts::TextBook;
