//! What the reader remembers between runs: read and starred marks, scroll
//! positions and the session (selected article, filter, focused pane).
//!
//! The app never touches the state store. It starts from what the store
//! held ([`Remembered`]) and hands every change back as an [`Effect`], which
//! the event loop writes; a write that fails comes back as a notice. So
//! tests drive remembering with actions alone, and `--no-state` only swaps
//! the store.

use super::App;
use crate::pipeline::Library;
use crate::sort::SortKey;
use crate::state::{Marks, Session};
use crate::tui::layout::{Pane, Widths};
use crate::tui::loaded::Remembered;

/// Reader behaviour chosen by the config file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    /// An article counts as read as soon as the reading pane shows it.
    pub mark_read_on_open: bool,
    pub widths: Widths,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            mark_read_on_open: true,
            widths: Widths::default(),
        }
    }
}

/// Something for the event loop to do outside the app: a change for the
/// state store to remember, an address to hand to the browser or the
/// clipboard (see [`crate::tui::launch`]), or words for the search worker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    Read {
        id: String,
        read: bool,
    },
    Star {
        id: String,
        starred: bool,
    },
    Scroll {
        id: String,
        scroll: u16,
    },
    Session(Session),
    /// Open this `http`/`https` address in the browser.
    OpenUrl(String),
    /// Copy this address to the terminal's clipboard.
    CopyUrl(String),
    /// Search the articles' text for these free words; the answer comes
    /// back as [`crate::tui::action::Action::TextHits`].
    Search(String),
    /// Read the text of this article (of a library listed without its
    /// texts); it comes back as [`crate::tui::action::Action::TextRead`].
    ReadText(usize),
}

/// Per article of the library: read, starred, and where the reading pane
/// was when it was last left.
#[derive(Debug, Default)]
pub struct MarkBook {
    read: Vec<bool>,
    starred: Vec<bool>,
    scrolls: Vec<u16>,
}

impl MarkBook {
    fn new(library: &Library, remembered: &Remembered) -> Self {
        let marks: Vec<Marks> = library
            .corpus
            .articles
            .iter()
            .map(|a| remembered.marks.get(&a.id).copied().unwrap_or_default())
            .collect();
        Self {
            read: marks.iter().map(|m| m.read).collect(),
            starred: marks.iter().map(|m| m.starred).collect(),
            scrolls: marks.iter().map(|m| m.scroll).collect(),
        }
    }

    pub fn is_read(&self, i: usize) -> bool {
        self.read.get(i).copied().unwrap_or(false)
    }

    pub fn is_starred(&self, i: usize) -> bool {
        self.starred.get(i).copied().unwrap_or(false)
    }

    /// Returns the remembered scroll position of article `i`.
    pub fn scroll(&self, i: usize) -> usize {
        self.scrolls.get(i).map_or(0, |&s| usize::from(s))
    }

    /// Marks article `i` read or unread; returns whether that changed it.
    fn set_read(&mut self, i: usize, read: bool) -> bool {
        match self.read.get_mut(i) {
            Some(r) if *r != read => {
                *r = read;
                true
            }
            _ => false,
        }
    }

    /// Toggles article `i`'s star; returns the new state.
    fn toggle_star(&mut self, i: usize) -> Option<bool> {
        let starred = self.starred.get_mut(i)?;
        *starred = !*starred;
        Some(*starred)
    }

    /// Remembers `scroll` for article `i`; returns whether that changed it.
    fn set_scroll(&mut self, i: usize, scroll: u16) -> bool {
        match self.scrolls.get_mut(i) {
            Some(s) if *s != scroll => {
                *s = scroll;
                true
            }
            _ => false,
        }
    }
}

const PANES: [(Pane, &str); 3] = [
    (Pane::List, "list"),
    (Pane::Reader, "reader"),
    (Pane::Sidebar, "sidebar"),
];

impl App {
    /// Returns the changes made since the last call, oldest first, for the
    /// event loop to write to the state store.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Returns the session to remember: selected article, filter, pane.
    pub fn session(&self) -> Session {
        let selected = self.current().and_then(|i| self.article_id(i));
        let pane = PANES.iter().find(|(p, _)| *p == self.focus);
        Session {
            selected,
            filter: self
                .list
                .filter()
                .map(|f| f.query.clone())
                .unwrap_or_default(),
            pane: pane.map(|(_, name)| (*name).to_owned()),
            sort: (self.sort != SortKey::Corpus).then(|| self.sort.name().to_owned()),
        }
    }

    pub(super) fn article_id(&self, i: usize) -> Option<String> {
        let lib = self.library.as_ref()?;
        Some(lib.corpus.articles.get(i)?.id.clone())
    }

    pub(super) fn remember_marks(&mut self, library: &Library, remembered: &Remembered) {
        self.marks = MarkBook::new(library, remembered);
        self.saved_session.clone_from(&remembered.session);
    }

    /// Restores the filter, the selection (by article id) and the focused
    /// pane of `session`; anything that no longer applies is skipped.
    pub(super) fn restore(&mut self, session: Option<Session>) {
        let session = session.unwrap_or_default();
        if let Some(key) = session.sort.as_deref().and_then(SortKey::from_name) {
            self.set_sort(key);
        }
        if !session.filter.trim().is_empty() {
            self.filter_by_query(&session.filter);
            // A filter that no longer matches anything (the articles
            // changed) would only greet the user with an empty list.
            if self.list.visible().is_empty() {
                self.clear_filter();
            }
        }
        let position = session.selected.and_then(|id| {
            let lib = self.library.as_ref()?;
            let i = lib.corpus.articles.iter().position(|a| a.id == id)?;
            self.list.position_of(i)
        });
        self.select(position.unwrap_or(0));
        if let Some((pane, _)) = PANES
            .iter()
            .find(|(_, name)| session.pane.as_deref() == Some(*name))
        {
            self.focus_pane(*pane);
        }
    }

    /// Records that the reading pane now shows article `i`.
    pub(super) fn opened(&mut self, i: usize) {
        if self.settings.mark_read_on_open {
            self.set_read(i, true);
        }
    }

    /// Remembers where the reading pane was in the article it shows.
    pub(super) fn leave_article(&mut self) {
        let Some(i) = self.reader.shown() else { return };
        let scroll = u16::try_from(self.reader.scroll()).unwrap_or(u16::MAX);
        if self.marks.set_scroll(i, scroll)
            && let Some(id) = self.article_id(i)
        {
            self.effects.push(Effect::Scroll { id, scroll });
        }
    }

    fn set_read(&mut self, i: usize, read: bool) {
        if self.marks.set_read(i, read)
            && let Some(id) = self.article_id(i)
        {
            self.effects.push(Effect::Read { id, read });
        }
    }

    pub(super) fn toggle_read(&mut self) {
        if let Some(i) = self.current() {
            self.set_read(i, !self.marks.is_read(i));
        }
    }

    pub(super) fn toggle_star(&mut self) {
        let Some(i) = self.current() else { return };
        let Some(starred) = self.marks.toggle_star(i) else {
            return;
        };
        if let Some(id) = self.article_id(i) {
            self.effects.push(Effect::Star { id, starred });
        }
    }

    /// Shows the next view. The list is only recomputed here (and when the
    /// filter changes), so marking an article does not pull it from under
    /// the cursor.
    pub(super) fn cycle_view(&mut self) {
        let keep = self.list.cycle_view(&self.marks);
        self.select(keep.unwrap_or(0));
    }

    /// Hands out the session as an effect when it changed.
    pub(super) fn sync_session(&mut self) {
        if self.library.is_none() {
            return;
        }
        let now = self.session();
        if self.saved_session.as_ref() != Some(&now) {
            self.saved_session = Some(now.clone());
            self.effects.push(Effect::Session(now));
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::sync::{Arc, OnceLock};

    use super::*;
    use crate::state::Marks;
    use crate::tui::action::{Action, Loaded};
    use crate::tui::app::View;
    use crate::tui::keymap::Keymap;
    use crate::tui::loaded::Remembered;
    use crate::tui::theme::Theme;

    fn library() -> Library {
        static SEEDS: OnceLock<Library> = OnceLock::new();
        SEEDS
            .get_or_init(|| {
                crate::pipeline::open(&[], &crate::pipeline::Options::default(), &|_| {})
                    .expect("the seeds load")
            })
            .clone()
    }

    fn app_with(settings: Settings, remembered: Remembered) -> App {
        let mut app = App::new(Keymap::default(), Theme::dark(), 120, 14).with_settings(settings);
        let mut loaded = Loaded::new(library());
        loaded.remembered = remembered;
        app.update(Action::Loaded(Arc::new(loaded)));
        app
    }

    fn id(app: &App, i: usize) -> String {
        app.article_id(i).unwrap()
    }

    fn reads(effects: &[Effect]) -> Vec<(String, bool)> {
        effects
            .iter()
            .filter_map(|e| match e {
                Effect::Read { id, read } => Some((id.clone(), *read)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn opening_marks_read_only_when_configured() {
        let mut app = app_with(Settings::default(), Remembered::default());
        app.update(Action::Down);
        let effects = app.take_effects();
        assert_eq!(reads(&effects), [(id(&app, 0), true), (id(&app, 1), true)]);
        assert!(app.marks().is_read(0) && app.marks().is_read(1) && !app.marks().is_read(2));

        let manual = Settings {
            mark_read_on_open: false,
            ..Settings::default()
        };
        let mut app = app_with(manual, Remembered::default());
        app.update(Action::Down);
        assert!(reads(&app.take_effects()).is_empty());
        app.update(Action::ToggleRead);
        assert_eq!(reads(&app.take_effects()), [(id(&app, 1), true)]);
        app.update(Action::ToggleRead);
        assert_eq!(reads(&app.take_effects()), [(id(&app, 1), false)]);
    }

    #[test]
    fn stars_and_views() {
        let mut app = app_with(Settings::default(), Remembered::default());
        app.update(Action::Down);
        app.update(Action::ToggleStar);
        let starred = id(&app, 1);
        assert!(app.take_effects().contains(&Effect::Star {
            id: starred.clone(),
            starred: true
        }));
        let total = app.list().visible().len();
        app.update(Action::CycleView);
        assert_eq!(app.list().view(), View::Unread);
        // Articles 0 and 1 were opened, so read.
        assert_eq!(app.list().visible().len(), total - 2);
        assert!(!app.list().visible().contains(&0) && !app.list().visible().contains(&1));
        app.update(Action::CycleView);
        assert_eq!(app.list().view(), View::Starred);
        assert_eq!(app.list().visible(), [1]);
        app.update(Action::CycleView);
        assert_eq!(
            (app.list().view(), app.list().visible().len()),
            (View::All, total)
        );
    }

    #[test]
    fn scroll_is_kept_per_article_and_restored() {
        let mut app = app_with(Settings::default(), Remembered::default());
        let first = id(&app, 0);
        app.update(Action::FocusNext);
        app.update(Action::Down);
        app.update(Action::Down);
        assert_eq!(app.reader().scroll(), 2);
        app.update(Action::FocusPrev);
        app.update(Action::Down);
        assert!(app.take_effects().contains(&Effect::Scroll {
            id: first.clone(),
            scroll: 2
        }));
        assert_eq!(app.reader().scroll(), 0);
        app.update(Action::Up);
        assert_eq!(app.reader().scroll(), 2);
    }

    #[test]
    fn a_session_is_handed_out_and_restored() {
        let mut app = app_with(Settings::default(), Remembered::default());
        // Filter by the first entity of the sidebar, then read the second match.
        app.update(Action::FocusNext);
        app.update(Action::FocusNext);
        app.update(Action::Select);
        app.update(Action::Down);
        app.update(Action::FocusNext);
        let visible = app.list().visible().to_vec();
        let current = app.current();
        let session = app.session();
        assert!(
            app.take_effects()
                .contains(&Effect::Session(session.clone()))
        );
        assert!(!session.filter.is_empty());
        assert_eq!(session.pane.as_deref(), Some("reader"));

        let mut marks = HashMap::new();
        let starred = Marks {
            starred: true,
            ..Marks::default()
        };
        marks.insert(id(&app, visible[0] as usize), starred);
        let restored = app_with(
            Settings::default(),
            Remembered {
                marks,
                session: Some(session.clone()),
            },
        );
        assert_eq!(restored.list().visible(), visible);
        assert_eq!(restored.current(), current);
        assert_eq!(restored.focus(), Pane::Reader);
        assert_eq!(restored.list().filter(), app.list().filter());
        assert!(restored.marks().is_starred(visible[0] as usize));
        assert_eq!(restored.session(), session);
    }

    #[test]
    fn a_stale_session_falls_back_quietly() {
        let session = Session {
            selected: Some("no-such-article".into()),
            filter: "country:Atlantis".into(),
            pane: Some("nowhere".into()),
            sort: Some("sideways".into()),
        };
        let app = app_with(
            Settings::default(),
            Remembered {
                marks: HashMap::new(),
                session: Some(session),
            },
        );
        assert_eq!(app.list().selected(), 0);
        assert_eq!(app.focus(), Pane::List);
        assert!(app.list().filter().is_none());
        assert_eq!(
            app.list().visible().len(),
            app.library().unwrap().corpus.articles.len()
        );
    }

    #[test]
    fn notices_reach_the_footer() {
        let mut app = app_with(Settings::default(), Remembered::default());
        app.update(Action::Notice("state.db: disk full".into()));
        assert_eq!(app.status(), Some("state.db: disk full"));
    }
}
