//! Where actions come from: terminal events (keys through the keymap,
//! mouse, resize) and the loader thread, which builds the library off the
//! UI thread (through the cached index) and reports progress over a channel:
//! first the merged articles, then, when they were not in the snapshot,
//! their entities.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use crossterm::event::{Event, MouseButton, MouseEventKind};

use super::action::{Action, Loaded};
use super::keymap::{Keymap, Mode};
use super::loaded::Found;
use crate::pipeline::{Library, Listed, Open, Opened, Options, Progress};
use crate::state::Cache;
use crate::state::cache::PendingSnapshot;
use crate::threads::{ThreadOptions, Threads};

/// A report from the loader thread.
pub enum Load {
    Progress(Progress),
    /// The articles, usable as a list; with their entities unless
    /// [`Loaded::finding_entities`], when a [`Load::Found`] follows.
    Done(Result<Box<Loaded>, String>),
    /// The entities of the articles sent before.
    Found(Box<Found>),
    /// The whole library of articles sent without their texts; when the
    /// folder changed in between, other articles (shown afresh).
    Texts(Box<Library>),
    /// A problem after the library was sent (saving the cached index).
    Notice(String),
}

/// The loader thread, seen from the UI thread.
pub struct Loader {
    /// Its reports, in order.
    pub reports: Receiver<Load>,
    /// Where the UI says that it has drawn the list: the texts of an
    /// unchanged folder are read after that, so that reading them (on
    /// every core) does not delay the first frame.
    pub shown: mpsc::Sender<()>,
}

/// How long the loader waits for the list to be drawn before it reads the
/// texts anyway.
const LIST_FRAME_WAIT: Duration = Duration::from_secs(1);

/// Starts loading `paths` through `cache` on a new thread; its reports
/// arrive on [`Loader::reports`]: progress, the list as soon as the
/// articles are merged, and then their entities (or, for an unchanged
/// folder, their texts). After that the thread saves the cached index for
/// the next open, so nothing shown waits for it.
pub fn spawn_loader(paths: Vec<PathBuf>, opts: Options, cache: Cache, rebuild: bool) -> Loader {
    let (tx, rx) = mpsc::channel();
    let (shown, drawn) = mpsc::channel();
    std::thread::spawn(move || {
        let progress_tx = tx.clone();
        let report = move |p: Progress| {
            // The UI may have quit already; nobody is listening then.
            let _ = progress_tx.send(Load::Progress(p));
        };
        // An unchanged folder's list comes from the titles alone; the
        // texts follow (see `send_texts`).
        let open = Open::new(&paths, &opts)
            .cache(&cache, rebuild)
            .progress(&report)
            .defer_snapshot()
            .without_text();
        let listed = match open.list() {
            Ok(listed) => listed,
            Err(e) => {
                let _ = tx.send(Load::Done(Err(e.to_string())));
                return;
            }
        };
        if listed.has_entities() {
            // A snapshot, read without the texts.
            let Opened { library, .. } = listed.entities();
            let loaded = Loaded {
                texts_pending: true,
                ..Loaded::new(library)
            };
            if tx.send(Load::Done(Ok(Box::new(loaded)))).is_ok() {
                let _ = drawn.recv_timeout(LIST_FRAME_WAIT);
                send_texts(&tx, &Open::new(&paths, &opts).cache(&cache, false));
            }
            return;
        }
        let Some((library, pending)) = send_list(&tx, listed) else {
            return;
        };
        if let Some(problem) = pending.and_then(|p| p.save(&cache, &library)) {
            let _ = tx.send(Load::Notice(problem.to_string()));
        }
    });
    Loader { reports: rx, shown }
}

/// Opens the whole library of articles sent without their texts and sends
/// it; a problem is a notice (the list stays usable).
fn send_texts(tx: &mpsc::Sender<Load>, open: &Open<'_>) {
    let message = match open.library() {
        Ok(library) => Load::Texts(Box::new(library)),
        Err(e) => Load::Notice(e.to_string()),
    };
    let _ = tx.send(message);
}

/// Sends the list of `listed`, then finds its entities and sends them;
/// returns the whole library with the snapshot still to save, or `None`
/// when the UI has gone.
fn send_list(
    tx: &mpsc::Sender<Load>,
    listed: Listed<'_>,
) -> Option<(Arc<Library>, Option<PendingSnapshot>)> {
    if listed.has_entities() {
        let Opened {
            library, pending, ..
        } = listed.entities();
        let loaded = Loaded::new(library);
        let library = Arc::clone(&loaded.library);
        tx.send(Load::Done(Ok(Box::new(loaded)))).ok()?;
        return Some((library, pending));
    }
    let loaded = Loaded::listed(Arc::clone(listed.corpus()));
    tx.send(Load::Done(Ok(Box::new(loaded)))).ok()?;
    let Opened {
        library, pending, ..
    } = listed.entities();
    let found = Found::new(library);
    let library = Arc::clone(&found.library);
    tx.send(Load::Found(Box::new(found))).ok()?;
    Some((library, pending))
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
