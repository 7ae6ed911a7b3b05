//! Rendering the reader into ratatui's TestBackend: each pane at 120×40,
//! 80×24 and 40×12, popups, and a sweep over every size up to 200×60.

use crate::tui_support;

use dossier::tui::action::Action;
use dossier::tui::app::App;
use dossier::tui::layout::Pane;
use dossier::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tui_support::render;

fn app(width: u16, height: u16) -> App {
    App::with_library(tui_support::library(), width, height)
}

fn push(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        app.update(a);
    }
}

#[test]
fn wide_screen_shows_all_three_panes() {
    let app = app(120, 40);
    let screen = render(&app);
    assert!(screen.contains("4 articles"), "{screen}");
    for draft in tui_support::drafts() {
        // Titles are cut to the list's width.
        let start: String = draft.title.chars().take(25).collect();
        assert!(screen.contains(&start), "missing {start}:\n{screen}");
    }
    // The first article is open: its title, byline, merged copies, a heading.
    assert!(screen.contains("by Ana Ruiz · 2025-03-02"), "{screen}");
    assert!(screen.contains("Merged copies 2"), "{screen}");
    assert!(screen.contains("What traders expect"), "{screen}");
    // Copies badge in the list.
    assert!(screen.contains("×2"), "{screen}");
    // Entity pane groups by kind with counts here and elsewhere.
    assert!(screen.contains("Countries (2)"), "{screen}");
    assert!(screen.contains("Companies (1)"), "{screen}");
    assert!(screen.contains("Places (1)"), "{screen}");
    assert!(screen.contains("Codelco"), "{screen}");
    assert!(screen.contains("2× +0"), "{screen}");
    assert!(screen.contains("× here · + elsewhere"), "{screen}");
    // The list's border shows the selection's position.
    assert!(screen.contains(" 1/4 "), "{screen}");
    // Footer: hints and the note of load warnings.
    assert!(screen.contains("1 load warning — w"), "{screen}");
    assert!(screen.contains("/ filter"), "{screen}");
}

#[test]
fn medium_screen_folds_the_entity_pane_behind_a_key() {
    let mut app = app(80, 24);
    let screen = render(&app);
    assert!(screen.contains("Articles"), "{screen}");
    assert!(screen.contains("Copper prices"), "{screen}");
    assert!(!screen.contains("Countries ("), "{screen}");
    push(&mut app, [Action::ToggleSidebar]);
    assert_eq!(app.focus(), Pane::Sidebar);
    let screen = render(&app);
    assert!(screen.contains("Countries (2)"), "{screen}");
    assert!(screen.contains("Articles"), "{screen}");
}

#[test]
fn narrow_screen_shows_one_pane_at_a_time() {
    let mut app = app(40, 12);
    let screen = render(&app);
    assert!(screen.contains("Articles"), "{screen}");
    assert!(!screen.contains("by Ana Ruiz"), "{screen}");
    push(&mut app, [Action::FocusNext]);
    let screen = render(&app);
    assert!(screen.contains("Copper prices"), "{screen}");
    assert!(screen.contains("by Ana Ruiz"), "{screen}");
    push(&mut app, [Action::FocusNext]);
    let screen = render(&app);
    assert!(screen.contains("Countries (2)"), "{screen}");
    assert!(!screen.contains("by Ana Ruiz"), "{screen}");
}

#[test]
fn each_pane_renders_at_each_standard_size() {
    for (w, h) in [(120, 40), (80, 24), (40, 12)] {
        let mut app = app(w, h);
        for pane in [Pane::List, Pane::Reader, Pane::Sidebar] {
            if pane == Pane::Sidebar && app.screen().sidebar.is_none() {
                push(&mut app, [Action::ToggleSidebar]);
            }
            while app.focus() != pane {
                push(&mut app, [Action::FocusNext]);
            }
            let screen = render(&app);
            let expected = match pane {
                Pane::List => "Articles",
                Pane::Reader => "Copper",
                Pane::Sidebar => "Countries",
            };
            assert!(screen.contains(expected), "{w}×{h} {pane:?}:\n{screen}");
            assert!(screen.contains("4 articles"), "{w}×{h} {pane:?}:\n{screen}");
        }
    }
}

#[test]
fn the_header_names_the_active_filter() {
    let mut app = app(120, 40);
    push(&mut app, [Action::Search]);
    push(&mut app, "kenya".chars().map(Action::PromptInput));
    let screen = render(&app);
    // The popup lists the entity with its kind and article count.
    assert!(screen.contains("country · 2 articles"), "{screen}");
    push(&mut app, [Action::PromptSubmit]);
    let screen = render(&app);
    assert!(screen.contains("2 of 4 · country: Kenya"), "{screen}");
    assert!(screen.contains("Kipyegon breaks"), "{screen}");
    assert!(screen.contains("Equinor tests"), "{screen}");
    assert!(!screen.contains("Council approves"), "{screen}");
}

#[test]
fn help_is_generated_from_the_keymap_and_warnings_are_listed() {
    let mut app = app(120, 40);
    push(&mut app, [Action::Help]);
    let screen = render(&app);
    assert!(screen.contains("filter by entity or title"), "{screen}");
    assert!(screen.contains("ctrl-c"), "{screen}");
    push(&mut app, [Action::Back, Action::Warnings]);
    let screen = render(&app);
    assert!(
        screen.contains("fixtures/broken.txt: skipped: not valid UTF-8"),
        "{screen}"
    );
}

#[test]
fn the_loading_screen_shows_before_the_library() {
    use dossier::pipeline::{Progress, Stage};
    let mut app = App::new(
        dossier::tui::keymap::Keymap::default(),
        dossier::tui::theme::Theme::dark(),
        80,
        24,
    );
    assert!(render(&app).contains("Loading"));
    app.update(Action::Progress(Progress {
        stage: Stage::Cleaning,
        done: 3,
        total: 10,
    }));
    assert!(render(&app).contains("cleaning… 3 of 10"));
}

#[test]
fn no_size_panics_from_one_by_one_to_200_by_60() {
    let mut app = app(1, 1);
    push(&mut app, [Action::NextMatch]);
    let mut terminal = Terminal::new(TestBackend::new(1, 1)).unwrap();
    // Unoptimised builds draw slowly: there every size up to 12 and every
    // third size beyond; optimised builds (CI runs `cargo test --release`)
    // draw them all.
    let step = if cfg!(debug_assertions) { 3 } else { 1 };
    let sizes = |max: u16| (1..=max).filter(move |&n| n <= 12 || n % step == 0 || n == max);
    for w in sizes(200) {
        for h in sizes(60) {
            app.update(Action::Resize {
                width: w,
                height: h,
            });
            terminal.backend_mut().resize(w, h);
            terminal.draw(|f| view::draw(f, &app)).unwrap();
        }
    }
    // Popups and the prompt at a spread of sizes, including degenerate ones.
    for (w, h) in [
        (1, 1),
        (2, 3),
        (10, 4),
        (40, 12),
        (59, 20),
        (99, 30),
        (200, 60),
    ] {
        app.update(Action::Resize {
            width: w,
            height: h,
        });
        for actions in [
            vec![Action::Help],
            vec![Action::Back, Action::Warnings],
            vec![Action::Back, Action::Search, Action::PromptInput('o')],
            vec![
                Action::PromptCancel,
                Action::ToggleSidebar,
                Action::ToggleEntityScope,
            ],
        ] {
            push(&mut app, actions);
            let _ = render(&app);
        }
    }
}

#[test]
fn the_no_color_theme_draws_no_colour_at_all() {
    let mut app = App::new(
        dossier::tui::keymap::Keymap::default(),
        dossier::tui::theme::Theme::no_color(),
        120,
        40,
    );
    app.update(Action::Loaded(std::sync::Arc::new(
        dossier::tui::action::Loaded::new(tui_support::library()),
    )));
    push(&mut app, [Action::Search, Action::PromptInput('o')]);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| view::draw(f, &app)).unwrap();
    let buffer = terminal.backend().buffer();
    for cell in &buffer.content {
        assert_eq!(cell.fg, ratatui::style::Color::Reset, "{cell:?}");
        assert_eq!(cell.bg, ratatui::style::Color::Reset, "{cell:?}");
    }
    // Emphasis survives: something is bold or reversed.
    assert!(buffer.content.iter().any(|c| !c.modifier.is_empty()));
}
