//! The reader: a three-pane terminal UI over a [`crate::pipeline::Library`].
//!
//! Events become [`action::Action`]s ([`event`], [`keymap`]); the [`app::App`]
//! changes only through `update`; [`view`] draws from a borrowed `App`. The
//! library loads on its own thread, so the first frame (with progress)
//! appears at once.

pub mod action;
pub mod app;
pub mod document;
pub mod event;
pub mod keymap;
pub mod layout;
pub mod text;
pub mod theme;
pub mod view;

use std::io::stdout;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use ratatui::DefaultTerminal;

use self::action::Action;
use self::app::App;
use self::event::Load;
use self::keymap::Keymap;
use self::theme::Theme;
use crate::pipeline::Options;

/// Opens the reader on `paths` (the bundled seeds when empty).
pub fn run(paths: &[PathBuf], opts: &Options) -> anyhow::Result<()> {
    run_with(paths, opts, Keymap::default(), Theme::from_env(None))
}

/// Opens the reader with a given keymap and theme. The terminal is
/// restored on every way out: normal quit, error, or panic.
pub fn run_with(
    paths: &[PathBuf],
    opts: &Options,
    keymap: Keymap,
    theme: Theme,
) -> anyhow::Result<()> {
    let loader = event::spawn_loader(paths.to_vec(), opts.clone());
    // Installed before ratatui's own hook, which restores the screen and
    // then calls this one.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        previous(info);
    }));
    let termination = Termination::watch();
    let mut terminal = ratatui::try_init()?;
    let _ = execute!(stdout(), EnableMouseCapture);
    let result = terminal
        .size()
        .map_err(anyhow::Error::from)
        .and_then(|size| {
            let mut app = App::new(keymap, theme, size.width, size.height);
            event_loop(&mut terminal, &mut app, &loader, &termination.flag)
        });
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    loader: &Receiver<Load>,
    terminated: &AtomicBool,
) -> anyhow::Result<()> {
    let mut dirty = true;
    let mut loading = true;
    loop {
        if dirty {
            terminal.draw(|frame| view::draw(frame, app))?;
            dirty = false;
        }
        if app.should_quit {
            return Ok(());
        }
        while loading {
            match loader.try_recv() {
                Ok(Load::Progress(p)) => app.update(Action::Progress(p)),
                Ok(Load::Done(Ok(loaded))) => {
                    app.update(Action::Loaded(Arc::new(*loaded)));
                    loading = false;
                }
                Ok(Load::Done(Err(e))) => anyhow::bail!(e),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => anyhow::bail!("the loader stopped unexpectedly"),
            }
            dirty = true;
        }
        if terminated.load(Ordering::Relaxed) {
            app.update(Action::ForceQuit);
            continue;
        }
        let wait = Duration::from_millis(if loading { 30 } else { 250 });
        if !crossterm::event::poll(wait)? {
            continue;
        }
        // Handle everything already queued before drawing once.
        loop {
            let ev = crossterm::event::read()?;
            if let Some(action) = event::translate(&ev, &app.keymap, app.mode()) {
                app.update(action);
                dirty = true;
            }
            if app.should_quit || !crossterm::event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
}

/// Watches SIGTERM and SIGHUP so that being killed politely (or losing the
/// terminal) still leaves through the restoring path. Dropping it restores
/// the default handling. A signal that cannot be watched only loses that.
struct Termination {
    flag: Arc<AtomicBool>,
    ids: Vec<signal_hook::SigId>,
}

impl Termination {
    fn watch() -> Self {
        let flag = Arc::new(AtomicBool::new(false));
        let mut signals = vec![signal_hook::consts::SIGTERM];
        #[cfg(unix)]
        signals.push(signal_hook::consts::SIGHUP);
        let ids = signals
            .into_iter()
            .filter_map(|s| signal_hook::flag::register(s, Arc::clone(&flag)).ok())
            .collect();
        Self { flag, ids }
    }
}

impl Drop for Termination {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}
