//! Driving the reader with actions and checking its state: filters, n/N
//! order and wrap-around, focus, resize, scrolling, mouse, read markers.

use crate::tui_support;

use dossier::entities::EntityKind;
use dossier::tui::action::Action;
use dossier::tui::app::{App, PopupKind, Scope};
use dossier::tui::layout::{self, Pane};

fn app(width: u16, height: u16) -> App {
    App::with_library(tui_support::library(), width, height)
}

fn push(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        app.update(a);
    }
}

fn type_query(app: &mut App, query: &str) {
    push(app, [Action::Search]);
    push(app, query.chars().map(Action::PromptInput));
}

fn entity(app: &App, kind: EntityKind, name: &str) -> u32 {
    app.library()
        .as_ref()
        .unwrap()
        .index
        .find(kind, name)
        .unwrap()
}

#[test]
fn typing_a_query_and_enter_filters_the_list() {
    let mut app = app(120, 40);
    type_query(&mut app, "country:chile");
    assert!(
        app.prompt()
            .as_ref()
            .is_some_and(|p| !p.suggestions().is_empty())
    );
    push(&mut app, [Action::PromptSubmit]);
    assert!(app.prompt().is_none());
    assert_eq!(app.list().visible(), vec![0, 3]);
    assert_eq!(
        app.list().filter().as_ref().unwrap().label,
        "country: Chile"
    );
    assert_eq!(
        app.followed(),
        Some(entity(&app, EntityKind::Country, "Chile"))
    );
    // Esc in the list clears it and keeps the article.
    push(&mut app, [Action::Down]);
    assert_eq!(app.current(), Some(3));
    push(&mut app, [Action::Back]);
    assert!(app.list().filter().is_none());
    assert_eq!(app.list().visible().len(), 4);
    assert_eq!(app.current(), Some(3));
}

#[test]
fn enter_on_a_suggestion_picks_it_and_esc_cancels() {
    let mut app = app(120, 40);
    type_query(&mut app, "kip");
    push(&mut app, [Action::PromptDown, Action::PromptSubmit]);
    let kipyegon = entity(&app, EntityKind::Person, "Faith Kipyegon");
    assert_eq!(app.followed(), Some(kipyegon));
    assert_eq!(app.list().visible(), vec![1]);
    type_query(&mut app, "norway");
    push(&mut app, [Action::PromptCancel]);
    assert!(app.prompt().is_none());
    assert_eq!(
        app.list().visible(),
        vec![1],
        "Esc leaves the filter as it was"
    );
}

#[test]
fn a_picked_title_opens_that_article() {
    let mut app = app(120, 40);
    type_query(&mut app, "bike lanes");
    let prompt = app.prompt().unwrap();
    let at = prompt
        .suggestions()
        .iter()
        .position(|s| s.target == dossier::filter::Target::Article(2))
        .expect("the title is suggested");
    for _ in 0..=at {
        push(&mut app, [Action::PromptDown]);
    }
    push(&mut app, [Action::PromptSubmit]);
    assert_eq!(app.current(), Some(2));
    assert_eq!(app.focus(), Pane::Reader);
}

#[test]
fn n_and_shift_n_follow_the_entity_in_order_and_wrap() {
    let mut app = app(120, 40);
    // Select Chile in the entity pane (first article: Chile is its first country).
    push(&mut app, [Action::FocusNext, Action::FocusNext]);
    assert_eq!(app.focus(), Pane::Sidebar);
    let chile = entity(&app, EntityKind::Country, "Chile");
    assert_eq!(app.sidebar_entity(app.sidebar().selected()), Some(chile));
    push(&mut app, [Action::Down, Action::Up]);
    assert_eq!(app.followed(), Some(chile));
    push(&mut app, [Action::NextMatch]);
    assert_eq!(app.current(), Some(3));
    push(&mut app, [Action::NextMatch]);
    assert_eq!(app.current(), Some(0), "wraps to the first");
    push(&mut app, [Action::PrevMatch]);
    assert_eq!(app.current(), Some(3), "wraps backwards");
    push(&mut app, [Action::PrevMatch]);
    assert_eq!(app.current(), Some(0));
}

#[test]
fn n_without_an_entity_explains_itself() {
    let mut app = app(120, 40);
    push(&mut app, [Action::NextMatch]);
    assert_eq!(app.current(), Some(0));
    assert!(
        app.status()
            .as_ref()
            .is_some_and(|s| s.contains("select an entity"))
    );
}

#[test]
fn enter_in_the_entity_pane_filters_and_n_stays_within() {
    let mut app = app(120, 40);
    push(&mut app, [Action::FocusPrev]);
    assert_eq!(app.focus(), Pane::Sidebar);
    // Oslo is the only place in the first article.
    while app.sidebar_entity(app.sidebar().selected())
        != Some(entity(&app, EntityKind::Place, "Oslo"))
    {
        push(&mut app, [Action::Down]);
    }
    push(&mut app, [Action::Select]);
    assert_eq!(app.list().visible(), vec![0, 3]);
    assert_eq!(app.focus(), Pane::List);
    push(&mut app, [Action::NextMatch, Action::NextMatch]);
    assert_eq!(app.current(), Some(0));
}

#[test]
fn a_jump_scrolls_the_reader_to_the_first_mention() {
    let mut app = app(70, 9);
    type_query(&mut app, "country:kenya");
    push(&mut app, [Action::PromptSubmit]);
    assert_eq!(app.current(), Some(1));
    push(&mut app, [Action::NextMatch]);
    assert_eq!(app.current(), Some(3));
    let doc = app.document();
    let first = doc.iter().position(|l| l.text().contains("Kenya")).unwrap();
    assert!(
        app.reader().scroll() > 0,
        "the mention is below the first screen"
    );
    assert!(app.reader().scroll() <= first && first < app.reader().scroll() + 7);
}

#[test]
fn focus_cycles_over_the_visible_panes() {
    let mut app = app(120, 40);
    let mut seen = vec![app.focus()];
    for _ in 0..3 {
        push(&mut app, [Action::FocusNext]);
        seen.push(app.focus());
    }
    assert_eq!(seen, [Pane::List, Pane::Reader, Pane::Sidebar, Pane::List]);
    push(&mut app, [Action::FocusPrev]);
    assert_eq!(app.focus(), Pane::Sidebar);
    // Medium width: the folded entity pane is skipped until opened.
    let mut app = self::app(80, 24);
    push(&mut app, [Action::FocusNext, Action::FocusNext]);
    assert_eq!(app.focus(), Pane::List);
    push(&mut app, [Action::ToggleSidebar]);
    assert_eq!(app.focus(), Pane::Sidebar);
    push(&mut app, [Action::ToggleSidebar]);
    assert_eq!(app.focus(), Pane::Reader);
}

#[test]
fn resize_moves_focus_off_a_pane_that_folds() {
    let mut app = app(120, 40);
    push(&mut app, [Action::FocusPrev]);
    assert_eq!(app.focus(), Pane::Sidebar);
    push(
        &mut app,
        [Action::Resize {
            width: 80,
            height: 24,
        }],
    );
    assert_eq!(app.focus(), Pane::Reader);
    assert!(app.screen().sidebar.is_none());
    push(
        &mut app,
        [Action::Resize {
            width: 40,
            height: 12,
        }],
    );
    let screen = app.screen();
    assert!(screen.list.is_none() && screen.reader.is_some());
}

#[test]
fn the_reader_scrolls_and_clamps() {
    let mut app = app(80, 10);
    push(&mut app, [Action::FocusNext]);
    push(&mut app, [Action::Down, Action::Down]);
    assert_eq!(app.reader().scroll(), 2);
    push(&mut app, [Action::Bottom]);
    let lines = app.document().len();
    let height = usize::from(layout::inner(app.screen().reader.unwrap()).height);
    assert_eq!(app.reader().scroll(), lines - height);
    push(&mut app, [Action::PageDown]);
    assert_eq!(app.reader().scroll(), lines - height);
    push(&mut app, [Action::Top]);
    assert_eq!(app.reader().scroll(), 0);
    push(&mut app, [Action::PageUp]);
    assert_eq!(app.reader().scroll(), 0);
}

#[test]
fn the_list_moves_and_marks_articles_read() {
    let mut app = app(120, 40);
    assert_eq!(reads(&app), [true, false, false, false]);
    push(&mut app, [Action::Down, Action::Down]);
    assert_eq!(app.current(), Some(2));
    assert_eq!(reads(&app), [true, true, true, false]);
    push(&mut app, [Action::ToggleRead]);
    assert!(!app.marks().is_read(2));
    push(&mut app, [Action::Bottom, Action::Down]);
    assert_eq!(app.current(), Some(3));
    push(&mut app, [Action::Top, Action::Up]);
    assert_eq!(app.current(), Some(0));
}

#[test]
fn mouse_clicks_select_and_the_wheel_scrolls() {
    let mut app = app(120, 40);
    let list = layout::inner(app.screen().list.unwrap());
    push(
        &mut app,
        [Action::Click {
            x: list.x + 2,
            y: list.y + 2,
        }],
    );
    assert_eq!(app.current(), Some(2));
    assert_eq!(app.focus(), Pane::List);
    let sidebar = layout::inner(app.screen().sidebar.unwrap());
    // Row 0 is a kind heading; row 1 the first entity.
    let mut narrow = self::app(120, 12);
    push(
        &mut narrow,
        [Action::Click {
            x: sidebar.x + 3,
            y: sidebar.y + 1,
        }],
    );
    assert_eq!(narrow.focus(), Pane::Sidebar);
    assert!(narrow.followed().is_some());
    let reader = narrow.screen().reader.unwrap();
    push(
        &mut narrow,
        [Action::Scroll {
            x: reader.x + 5,
            y: reader.y + 3,
            down: true,
        }],
    );
    assert_eq!(narrow.reader().scroll(), 3);
    assert_eq!(
        narrow.focus(),
        Pane::Sidebar,
        "the wheel does not move focus"
    );
}

#[test]
fn popups_open_scroll_and_close_without_quitting() {
    let mut app = app(120, 40);
    push(&mut app, [Action::Help]);
    assert_eq!(app.popup().map(|p| p.kind), Some(PopupKind::Help));
    push(&mut app, [Action::Down]);
    assert_eq!(app.popup().unwrap().scroll, 1);
    push(&mut app, [Action::Quit]);
    assert!(app.popup().is_none());
    assert!(!app.should_quit());
    push(&mut app, [Action::Warnings, Action::Back]);
    assert!(app.popup().is_none());
    push(&mut app, [Action::Quit]);
    assert!(app.should_quit());
}

#[test]
fn ctrl_c_quits_from_anywhere() {
    let mut app = app(120, 40);
    type_query(&mut app, "abc");
    push(&mut app, [Action::ForceQuit]);
    assert!(app.should_quit());
}

#[test]
fn the_entity_pane_switches_to_the_whole_corpus() {
    let mut app = app(120, 40);
    push(&mut app, [Action::ToggleEntityScope]);
    assert_eq!(app.sidebar().scope(), Scope::Corpus);
    assert_eq!(app.focus(), Pane::Sidebar);
    let lib = app.library().unwrap();
    assert_eq!(app.sidebar_len(), lib.index.entity_count());
    // Ranked by article count: the first has the most.
    let first = app.sidebar_entity(0).unwrap();
    let most = lib
        .index
        .entities()
        .map(|(_, e)| e.articles.len())
        .max()
        .unwrap();
    assert_eq!(lib.index[first].articles.len(), most);
}

#[test]
fn esc_returns_to_the_list_before_clearing_the_filter() {
    let mut app = app(40, 12);
    type_query(&mut app, "place:oslo");
    push(&mut app, [Action::PromptSubmit, Action::Select]);
    assert_eq!(app.focus(), Pane::Reader);
    push(&mut app, [Action::Back]);
    assert_eq!(app.focus(), Pane::List);
    assert!(app.list().filter().is_some());
    push(&mut app, [Action::Back]);
    assert!(app.list().filter().is_none());
}

#[test]
fn clicking_a_suggestion_picks_it_and_clicking_outside_closes_the_prompt() {
    let mut app = app(120, 40);
    type_query(&mut app, "chile");
    let suggestions = app.prompt().unwrap().suggestions().to_vec();
    let picked = suggestions
        .iter()
        .position(|s| matches!(s.target, dossier::filter::Target::Entity(_)))
        .expect("an entity is suggested");
    let screen = ratatui::layout::Rect::new(0, 0, 120, 40);
    let inner = layout::inner(layout::prompt(screen, suggestions.len()));
    // The input line does nothing.
    push(
        &mut app,
        [Action::Click {
            x: inner.x + 2,
            y: inner.y,
        }],
    );
    assert!(app.prompt().is_some());
    push(
        &mut app,
        [Action::Click {
            x: inner.x + 2,
            y: inner.y + 1 + u16::try_from(picked).unwrap(),
        }],
    );
    assert!(app.prompt().is_none());
    let chile = entity(&app, EntityKind::Country, "Chile");
    assert_eq!(app.followed(), Some(chile));
    assert_eq!(
        app.list().filter().as_ref().unwrap().label,
        "country: Chile"
    );

    push(&mut app, [Action::Back]);
    type_query(&mut app, "chile");
    push(&mut app, [Action::Click { x: 0, y: 39 }]);
    assert!(app.prompt().is_none());
    assert!(app.list().filter().is_none());
}

/// Returns the read mark of every article, in corpus order.
fn reads(app: &App) -> Vec<bool> {
    let n = app.library().map_or(0, |l| l.corpus.articles.len());
    (0..n).map(|i| app.marks().is_read(i)).collect()
}
