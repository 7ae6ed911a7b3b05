//! Where actions come from: terminal events (keys through the keymap,
//! mouse, resize) and the loader thread, which builds the library off the
//! UI thread (through the cached index) and reports progress over a channel.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};

use crossterm::event::{Event, MouseButton, MouseEventKind};

use super::action::{Action, Loaded};
use super::keymap::{Keymap, Mode};
use crate::pipeline::{Library, Open, Opened, Options, Progress};
use crate::state::Cache;
use crate::threads::{ThreadOptions, Threads};

/// A report from the loader thread.
pub enum Load {
    Progress(Progress),
    Done(Result<Box<Loaded>, String>),
    /// A problem after the library was sent (saving the cached index).
    Notice(String),
}

/// Starts loading `paths` through `cache` on a new thread; its reports
/// arrive on the returned channel. After [`Load::Done`] the thread saves
/// the cached index for the next open, so the first frame does not wait
/// for it.
pub fn spawn_loader(
    paths: Vec<PathBuf>,
    opts: Options,
    cache: Cache,
    rebuild: bool,
) -> Receiver<Load> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let progress_tx = tx.clone();
        let report = move |p: Progress| {
            // The UI may have quit already; nobody is listening then.
            let _ = progress_tx.send(Load::Progress(p));
        };
        let opened = Open::new(&paths, &opts)
            .cache(&cache, rebuild)
            .progress(&report)
            .defer_snapshot()
            .run();
        match opened {
            Ok(Opened {
                library, pending, ..
            }) => {
                let loaded = Loaded::new(library);
                let library = Arc::clone(&loaded.library);
                let _ = tx.send(Load::Done(Ok(Box::new(loaded))));
                if let Some(problem) = pending.and_then(|p| p.save(&cache, &library)) {
                    let _ = tx.send(Load::Notice(problem.to_string()));
                }
            }
            Err(e) => {
                let _ = tx.send(Load::Done(Err(e.to_string())));
            }
        }
    });
    rx
}

/// Starts reading terminal events on their own thread; each event, or the
/// error that ended reading, arrives on the returned channel.
///
/// Reading stays off the UI thread so that the UI loop never blocks inside
/// the terminal library: when the terminal goes away (a closed window, a
/// killed tmux) the read can spin or hang there, while the UI loop still
/// wakes on its own clock, sees SIGHUP or a lost terminal, and leaves
/// through the restoring path.
pub fn spawn_input() -> Receiver<std::io::Result<Event>> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        loop {
            let event = crossterm::event::read();
            let failed = event.is_err();
            if tx.send(event).is_err() || failed {
                break;
            }
        }
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

/// Finds the threads of `library` on a new thread (see
/// [`crate::threads`]); they arrive on the returned channel.
pub fn spawn_threads(library: Arc<Library>) -> Receiver<Threads> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let threads = Threads::build(&library, &ThreadOptions::default());
        // The UI may have quit already; nobody is listening then.
        let _ = tx.send(threads);
    });
    rx
}
