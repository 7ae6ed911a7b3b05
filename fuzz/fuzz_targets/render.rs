//! The reader's render: a library holding an article made from the input
//! (its first half, through the Markdown loader), then the rest of the
//! input as a stream of actions, resizes, clicks and typed characters; no
//! panic, and no control or bidi character in any rendered cell.
#![no_main]

use std::sync::Arc;

use dossier::corpus::formats::Format;
use dossier::corpus::load::parse_bytes;
use dossier::pipeline::{self, Options};
use dossier::tui::action::{Action, Loaded};
use dossier::tui::app::App;
use dossier::tui::keymap::Keymap;
use dossier::tui::theme::Theme;
use dossier_fuzz::assert_safe;
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const COMMANDS: &[Action] = &[
    Action::Help,
    Action::Warnings,
    Action::FocusNext,
    Action::FocusPrev,
    Action::Up,
    Action::Down,
    Action::PageUp,
    Action::PageDown,
    Action::Top,
    Action::Bottom,
    Action::Select,
    Action::Back,
    Action::Search,
    Action::NextMatch,
    Action::PrevMatch,
    Action::ToggleSidebar,
    Action::ToggleEntityScope,
    Action::ToggleRead,
    Action::ToggleStar,
    Action::CycleView,
    Action::PromptBackspace,
    Action::PromptClear,
    Action::PromptUp,
    Action::PromptDown,
    Action::PromptSubmit,
    Action::PromptCancel,
];

fn draw_and_check(app: &App) {
    let mut terminal = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
    terminal.draw(|f| dossier::tui::view::draw(f, app)).unwrap();
    for cell in terminal.backend().buffer().content() {
        assert_safe(cell.symbol(), false, "cell");
    }
}

fuzz_target!(|data: &[u8]| {
    let (article, actions) = data.split_at(data.len() / 2);
    let (docs, warnings) = parse_bytes("fuzz.md", article.to_vec(), Some(Format::Markdown));
    let library = pipeline::build(&docs, warnings, &Options::default(), &|_| {});
    let mut app = App::new(Keymap::default(), Theme::dark(), 80, 24);
    app.update(Action::Loaded(Arc::new(Loaded::new(library))));
    draw_and_check(&app);
    let mut bytes = actions.iter().copied();
    while let Some(b) = bytes.next() {
        let action = match b {
            0..=199 => COMMANDS[usize::from(b) % COMMANDS.len()].clone(),
            200..=219 => Action::PromptInput(char::from(bytes.next().unwrap_or(b'a'))),
            220..=229 => Action::Resize {
                width: u16::from(bytes.next().unwrap_or(80)) % 160 + 1,
                height: u16::from(bytes.next().unwrap_or(24)) % 60 + 1,
            },
            230..=239 => Action::Click {
                x: u16::from(bytes.next().unwrap_or(0)),
                y: u16::from(bytes.next().unwrap_or(0)),
            },
            240..=249 => Action::Scroll {
                x: u16::from(bytes.next().unwrap_or(0)),
                y: u16::from(bytes.next().unwrap_or(0)),
                down: b % 2 == 0,
            },
            _ => Action::Notice(
                String::from_utf8_lossy(&bytes.by_ref().take(16).collect::<Vec<_>>()).into_owned(),
            ),
        };
        app.update(action);
        if app.should_quit {
            break;
        }
        draw_and_check(&app);
    }
});
