//! Where actions come from: terminal events (keys through the keymap,
//! mouse, resize) and the loader thread, which builds the library off the
//! UI thread and reports progress over a channel.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};

use crossterm::event::{Event, MouseButton, MouseEventKind};

use super::action::{Action, Loaded};
use super::keymap::{Keymap, Mode};
use crate::pipeline::{self, Options, Progress};

/// A report from the loader thread.
pub enum Load {
    Progress(Progress),
    Done(Result<Box<Loaded>, String>),
}

/// Starts loading `paths` on a new thread; its reports arrive on the
/// returned channel, the last one being [`Load::Done`].
pub fn spawn_loader(paths: Vec<PathBuf>, opts: Options) -> Receiver<Load> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let progress_tx = tx.clone();
        let report = move |p: Progress| {
            // The UI may have quit already; nobody is listening then.
            let _ = progress_tx.send(Load::Progress(p));
        };
        let result = pipeline::open(&paths, &opts, &report)
            .map(|library| Box::new(Loaded::new(library)))
            .map_err(|e| e.to_string());
        let _ = tx.send(Load::Done(result));
    });
    rx
}

/// Returns the action a terminal event asks for, if any.
pub fn translate(event: &Event, keymap: &Keymap, mode: Mode) -> Option<Action> {
    match event {
        Event::Key(key) => keymap.resolve(key, mode),
        Event::Mouse(mouse) => {
            let (x, y) = (mouse.column, mouse.row);
            match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { x, y }),
                MouseEventKind::ScrollDown => Some(Action::Scroll { x, y, down: true }),
                MouseEventKind::ScrollUp => Some(Action::Scroll { x, y, down: false }),
                _ => None,
            }
        }
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}
