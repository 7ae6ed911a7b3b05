//! The keymap table: defaults, key specs, overrides and their errors, the
//! prompt's keys, and help generated from the table; themes.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use dossier::tui::action::Action;
use dossier::tui::keymap::{BINDINGS, KeySpec, Keymap, Mode};
use dossier::tui::theme::Theme;

fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

fn resolve(map: &Keymap, code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
    map.resolve(&key(code, modifiers), Mode::Normal)
}

#[test]
fn default_keys_cover_vim_keys_and_arrows() {
    let map = Keymap::default();
    let none = KeyModifiers::NONE;
    assert!(matches!(
        resolve(&map, KeyCode::Char('j'), none),
        Some(Action::Down)
    ));
    assert!(matches!(
        resolve(&map, KeyCode::Down, none),
        Some(Action::Down)
    ));
    assert!(matches!(
        resolve(&map, KeyCode::Char('k'), none),
        Some(Action::Up)
    ));
    assert!(matches!(
        resolve(&map, KeyCode::Char('G'), KeyModifiers::SHIFT),
        Some(Action::Bottom)
    ));
    assert!(matches!(
        resolve(&map, KeyCode::Char('g'), none),
        Some(Action::Top)
    ));
    assert!(matches!(
        resolve(&map, KeyCode::Char(' '), none),
        Some(Action::PageDown)
    ));
    assert!(matches!(
        resolve(&map, KeyCode::Char('b'), none),
        Some(Action::PageUp)
    ));
    assert!(matches!(
        resolve(&map, KeyCode::Char('N'), KeyModifiers::SHIFT),
        Some(Action::PrevMatch)
    ));
    assert!(matches!(
        resolve(&map, KeyCode::Char('n'), none),
        Some(Action::NextMatch)
    ));
    assert!(matches!(
        resolve(&map, KeyCode::Tab, none),
        Some(Action::FocusNext)
    ));
    assert!(matches!(
        resolve(&map, KeyCode::BackTab, KeyModifiers::SHIFT),
        Some(Action::FocusPrev)
    ));
    assert!(matches!(
        resolve(&map, KeyCode::Char('c'), KeyModifiers::CONTROL),
        Some(Action::ForceQuit)
    ));
    assert!(matches!(
        resolve(&map, KeyCode::Char('q'), none),
        Some(Action::Quit)
    ));
    assert!(matches!(
        resolve(&map, KeyCode::Char('?'), KeyModifiers::SHIFT),
        Some(Action::Help)
    ));
    assert!(matches!(
        resolve(&map, KeyCode::Char('/'), none),
        Some(Action::Search)
    ));
    // Ctrl-j is not j.
    assert!(resolve(&map, KeyCode::Char('j'), KeyModifiers::CONTROL).is_none());
}

#[test]
fn the_prompt_takes_text_and_has_its_own_keys() {
    let map = Keymap::default();
    let prompt = |code, m| map.resolve(&key(code, m), Mode::Prompt);
    assert!(matches!(
        prompt(KeyCode::Char('q'), KeyModifiers::NONE),
        Some(Action::PromptInput('q'))
    ));
    assert!(matches!(
        prompt(KeyCode::Char('J'), KeyModifiers::SHIFT),
        Some(Action::PromptInput('J'))
    ));
    assert!(matches!(
        prompt(KeyCode::Enter, KeyModifiers::NONE),
        Some(Action::PromptSubmit)
    ));
    assert!(matches!(
        prompt(KeyCode::Esc, KeyModifiers::NONE),
        Some(Action::PromptCancel)
    ));
    assert!(matches!(
        prompt(KeyCode::Backspace, KeyModifiers::NONE),
        Some(Action::PromptBackspace)
    ));
    assert!(matches!(
        prompt(KeyCode::Down, KeyModifiers::NONE),
        Some(Action::PromptDown)
    ));
    assert!(matches!(
        prompt(KeyCode::Char('c'), KeyModifiers::CONTROL),
        Some(Action::ForceQuit)
    ));
}

#[test]
fn key_specs_parse_named_keys_and_modifiers() {
    for spec in [
        "j",
        "down",
        "ctrl-c",
        "shift-tab",
        "pagedown",
        "space",
        "?",
        "G",
        "f1",
        "alt-x",
        "esc",
        "enter",
        "home",
    ] {
        assert!(KeySpec::parse(spec).is_some(), "{spec}");
    }
    for spec in ["", "ctrl-", "shift-down", "nope", "f99"] {
        assert!(KeySpec::parse(spec).is_none(), "{spec:?}");
    }
    assert_eq!(KeySpec::parse("ctrl-c").unwrap().label(), "ctrl-c");
    assert_eq!(KeySpec::parse("shift-tab").unwrap().label(), "shift-tab");
}

#[test]
fn overrides_rebind_and_free_the_key_elsewhere() {
    let mut overrides = BTreeMap::new();
    overrides.insert("search".to_owned(), vec!["f".to_owned(), "/".to_owned()]);
    overrides.insert("toggle_sidebar".to_owned(), vec!["j".to_owned()]);
    let map = Keymap::with_overrides(&overrides).unwrap();
    let none = KeyModifiers::NONE;
    assert!(matches!(
        resolve(&map, KeyCode::Char('f'), none),
        Some(Action::Search)
    ));
    assert!(matches!(
        resolve(&map, KeyCode::Char('j'), none),
        Some(Action::ToggleSidebar)
    ));
    // down keeps its other key, and help follows the table.
    assert!(matches!(
        resolve(&map, KeyCode::Down, none),
        Some(Action::Down)
    ));
    assert_eq!(map.key_labels("down"), ["↓"]);
    assert!(
        map.help_rows()
            .iter()
            .any(|(keys, help)| keys == "f /" && help.contains("filter"))
    );
}

#[test]
fn override_errors_name_the_action_or_key() {
    let one = |name: &str, keys: &[&str]| {
        let mut o = BTreeMap::new();
        o.insert(
            name.to_owned(),
            keys.iter().map(|k| (*k).to_owned()).collect(),
        );
        Keymap::with_overrides(&o).unwrap_err().to_string()
    };
    assert!(one("fly", &["x"]).contains("'fly'"));
    let err = one("down", &["hyperkey"]);
    assert!(
        err.contains("'down'") && err.contains("'hyperkey'"),
        "{err}"
    );
    let mut o = BTreeMap::new();
    o.insert("up".to_owned(), vec!["x".to_owned()]);
    o.insert("down".to_owned(), vec!["x".to_owned()]);
    let err = Keymap::with_overrides(&o).unwrap_err().to_string();
    assert!(
        err.contains("'x'") && err.contains("'up'") && err.contains("'down'"),
        "{err}"
    );
}

#[test]
fn action_names_are_unique_snake_case_and_all_have_keys() {
    let map = Keymap::default();
    let mut names: Vec<&str> = BINDINGS.iter().map(|c| c.name).collect();
    for name in &names {
        assert!(
            name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "{name}"
        );
        assert!(
            !map.key_labels(name).is_empty(),
            "{name} has no default key"
        );
    }
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), BINDINGS.len());
}

#[test]
fn no_color_theme_has_no_colours_but_keeps_emphasis() {
    let t = Theme::no_color();
    let styles = [
        t.header,
        t.footer,
        t.key,
        t.border,
        t.border_focused,
        t.selected,
        t.title,
        t.heading,
        t.meta,
        t.dim,
        t.badge,
        t.unread,
        t.group,
        t.matched,
        t.warning,
        t.mention_selected,
    ];
    for s in styles.iter().chain(t.mention.iter()) {
        assert!(s.fg.is_none() && s.bg.is_none(), "{s:?}");
    }
    assert!(!t.selected.add_modifier.is_empty());
    assert!(!t.mention_selected.add_modifier.is_empty());
    assert_ne!(t.mention[0], ratatui::style::Style::new());
    assert_eq!(Theme::named("light").map(|t| t.name), Some("light"));
    assert!(Theme::named("sepia").is_none());
}

#[test]
fn a_light_background_is_recognised_from_colorfgbg() {
    use dossier::tui::theme::background_is_light;
    assert!(background_is_light("0;15"));
    assert!(background_is_light("0;default;7"));
    assert!(!background_is_light("15;0"));
    assert!(!background_is_light("7;8"));
    assert!(!background_is_light("garbage"));
}

#[test]
fn terminal_events_become_actions() {
    use crossterm::event::{Event, MouseButton, MouseEvent, MouseEventKind};
    use dossier::tui::event::translate;
    let map = Keymap::default();
    let mouse = |kind| {
        Event::Mouse(MouseEvent {
            kind,
            column: 7,
            row: 3,
            modifiers: KeyModifiers::NONE,
        })
    };
    assert!(matches!(
        translate(
            &mouse(MouseEventKind::Down(MouseButton::Left)),
            &map,
            Mode::Normal
        ),
        Some(Action::Click { x: 7, y: 3 })
    ));
    assert!(matches!(
        translate(&mouse(MouseEventKind::ScrollDown), &map, Mode::Normal),
        Some(Action::Scroll { down: true, .. })
    ));
    assert!(translate(&mouse(MouseEventKind::Moved), &map, Mode::Normal).is_none());
    assert!(matches!(
        translate(&Event::Resize(90, 30), &map, Mode::Normal),
        Some(Action::Resize {
            width: 90,
            height: 30
        })
    ));
    let q = Event::Key(key(KeyCode::Char('q'), KeyModifiers::NONE));
    assert!(matches!(
        translate(&q, &map, Mode::Normal),
        Some(Action::Quit)
    ));
    assert!(matches!(
        translate(&q, &map, Mode::Prompt),
        Some(Action::PromptInput('q'))
    ));
}
