//! The reader: a three-pane terminal UI over a [`crate::pipeline::Library`].
//!
//! Events become [`action::Action`]s ([`event`], [`keymap`]); the [`app::App`]
//! changes only through `update`; [`view`] draws from a borrowed `App`. The
//! library loads on its own thread (through the cached index), so the
//! first frame (with progress) appears at once. The list comes as soon as
//! the articles are merged; their entities follow ([`loaded`]): until then
//! the entity pane and the header say "finding entities… N of M", the `/`
//! prompt suggests titles only, and a filter submitted meanwhile (or
//! remembered from the last session) is kept, shown as waiting, and
//! applied when the entities arrive. Once they are in, the loader thread
//! finds the threads and the search worker ([`text_search`]) opens the
//! full-text index, each reporting back as an action; a text search
//! asked before then goes to the worker when it starts. An unchanged
//! folder is listed from its snapshot's heads, entities and threads
//! included, without its texts: the text reader ([`text_reader`]) reads
//! each article's text from the cache when it is shown, and the search
//! worker its snippets. What the reader remembers (read, starred, scroll,
//! the session) reaches the state store only through [`memory`], driven
//! by the effects `update` hands out.

pub mod action;
pub mod app;
pub mod document;
pub mod event;
pub mod keymap;
pub mod launch;
pub mod layout;
pub mod loaded;
pub mod memory;
pub mod text;
pub mod text_reader;
pub mod text_search;
pub mod theme;
pub mod view;
pub mod wake;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, TryRecvError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use self::action::Action;
use self::app::{App, Effect, Settings};
use self::event::{Handed, Load};
use self::keymap::Keymap;
use self::layout::Widths;
use self::memory::Recorder;
use self::text_reader::TextReader;
use self::text_search::Worker;
use self::theme::Theme;
use self::wake::{Wake, Waker, Wakes};
use crate::config::Config;
use crate::out::{self, SafeBackend, Screen};
use crate::pipeline::Options;
use crate::search::texts::Texts;
use crate::state::cache::{Bodies, BodySource};
use crate::state::{Cache, StateStore};

/// How the reader looks and behaves, from the config file.
#[derive(Clone, Debug)]
pub struct Setup {
    pub keymap: Keymap,
    pub theme: Theme,
    pub settings: Settings,
}

impl Setup {
    /// Returns the setup `config` asks for; `path` is the file it was read
    /// from, if any. A bad key binding is an error naming the file, the line,
    /// the action and the key, so it is reported before the terminal is
    /// touched.
    pub fn from_config(config: &Config, path: Option<&Path>) -> anyhow::Result<Setup> {
        let keymap = Keymap::with_overrides(&config.keys).map_err(|e| {
            let file = path.map_or_else(|| "config".to_owned(), |p| p.display().to_string());
            // The file was read a moment ago; read again only to say where.
            let line = path
                .and_then(|p| crate::config::read_text(p).ok())
                .and_then(|text| crate::config::line_of_entry(&text, "keys", &e.action));
            match line {
                Some(line) => anyhow::anyhow!("{file}: line {line}: keys.{}: {e}", e.action),
                None => anyhow::anyhow!("{file}: [keys]: {e}"),
            }
        })?;
        Ok(Setup {
            keymap,
            theme: Theme::configured(&config.theme, path.is_some()),
            settings: Settings {
                mark_read_on_open: config.reader.mark_read_on_open,
                widths: Widths {
                    list: config.layout.list_width.get(),
                    sidebar: config.layout.sidebar_width.get(),
                },
            },
        })
    }
}

impl Default for Setup {
    fn default() -> Self {
        Self {
            keymap: Keymap::default(),
            theme: Theme::from_env(None),
            settings: Settings::default(),
        }
    }
}

/// Remembered state for a session: the store, the cached index, whether
/// to rebuild it, and notices from opening them.
pub struct Memory {
    pub store: StateStore,
    pub cache: Cache,
    pub rebuild: bool,
    pub notices: Vec<String>,
}

impl Memory {
    /// Remembers nothing and caches nothing (`--no-state`).
    pub fn disabled() -> Self {
        Self {
            store: StateStore::disabled(),
            cache: Cache::disabled(),
            rebuild: false,
            notices: Vec::new(),
        }
    }
}

/// Opens the reader on `paths` (the bundled seeds when empty). The
/// terminal is restored on every way out: normal quit, error, or panic.
/// Notices about remembered state show in the footer and are repeated on
/// stderr after the terminal is restored.
pub fn run(paths: &[PathBuf], opts: &Options, setup: Setup, memory: Memory) -> anyhow::Result<()> {
    let Memory {
        store,
        cache,
        rebuild,
        notices,
    } = memory;
    let recorder = Recorder::new(store, crate::state::corpus_key(paths));
    // The search index lives beside the cache (in memory without one).
    let search_dir = cache.path().and_then(Path::parent).map(Path::to_path_buf);
    let (waker, wakes) = wake::wakes();
    let loader = event::spawn_loader(paths.to_vec(), opts.clone(), cache, rebuild, &waker);
    // Installed before ratatui's own hook, which restores the screen and
    // then calls this one.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        out::mouse_capture(false);
        previous(info);
    }));
    let termination = Termination::watch();
    if !out::stdout_is_terminal() {
        anyhow::bail!(
            "the reader needs a terminal, and stdout is not one; for a pipe or a file use a command such as `dossier list`"
        );
    }
    let mut terminal = SafeBackend::init().map_err(|e| {
        ratatui::restore();
        anyhow::anyhow!("cannot open the terminal for the reader ({e}); for output without a terminal use a command such as `dossier list`")
    })?;
    out::mouse_capture(true);
    let result = terminal
        .size()
        .map_err(anyhow::Error::from)
        .and_then(|size| {
            let mut app = App::new(setup.keymap, setup.theme, size.width, size.height)
                .with_settings(setup.settings);
            for notice in &notices {
                app.update(Action::Notice(notice.clone()));
            }
            let mut outside = Outside {
                recorder,
                search_dir,
                worker: None,
                reader: None,
                lending: false,
                lend: loader.lend.clone(),
                waker,
            };
            let looped = event_loop(
                &mut terminal,
                &mut app,
                (&loader, &wakes),
                &mut outside,
                &termination.flag,
            );
            flush(&mut app, &outside);
            looped
        });
    out::mouse_capture(false);
    ratatui::restore();
    for notice in &notices {
        out::diag(notice);
    }
    result
}

/// What the app's effects reach: the state store, the search worker
/// once the library is loaded, and the text reader of a library listed
/// without its texts.
struct Outside {
    recorder: Recorder,
    search_dir: Option<PathBuf>,
    worker: Option<Worker>,
    reader: Option<TextReader>,
    /// The texts of the list shown are asked of the loader, which lends
    /// them ([`loaded::Loaded::lent`]), until a reader of their texts or
    /// the whole library takes over.
    lending: bool,
    /// Where the loader hears those asks.
    lend: mpsc::Sender<usize>,
    /// What the workers wake the UI thread with.
    waker: Waker,
}

impl Outside {
    /// Starts the search worker of `library`, once its entities and
    /// texts are known (its threads come from the loader).
    fn start(&mut self, library: &Arc<crate::pipeline::Library>) {
        self.reader = None;
        self.lending = false;
        let texts = Texts::Library(Arc::clone(library));
        self.worker = Some(Worker::spawn(texts, self.search_dir.clone(), &self.waker));
    }

    /// Stops the search worker and the text reader, until a library
    /// whose texts they serve is shown.
    fn stop(&mut self) {
        self.reader = None;
        self.worker = None;
        self.lending = false;
    }

    /// Starts the text reader and the search worker of `library`, listed
    /// without its texts, which are in `bodies`; returns false when that
    /// store cannot be opened.
    fn start_reading(
        &mut self,
        library: &Arc<crate::pipeline::Library>,
        bodies: BodySource,
    ) -> bool {
        let Ok(store) = Bodies::open(bodies) else {
            return false;
        };
        self.read_from(library, store);
        true
    }

    /// Starts the text reader and the search worker of `library`, listed
    /// without its texts, which are in `store`.
    fn read_from(&mut self, library: &Arc<crate::pipeline::Library>, store: Bodies) {
        self.lending = false;
        let store = Arc::new(Mutex::new(store));
        self.reader = Some(TextReader::spawn(
            Arc::clone(library),
            Arc::clone(&store),
            &self.waker,
        ));
        let texts = Texts::Store(Arc::clone(library), store);
        self.worker = Some(Worker::spawn(texts, self.search_dir.clone(), &self.waker));
    }
}

/// Has the app let go of the texts of the library shown, whose snapshot
/// was just stored in `bodies`, and read them from there; returns the
/// library for the loader. Whole when the snapshot cannot be opened or
/// the app could not let go of them: the loader then sends the library
/// again ([`Load::Texts`]), which starts its search.
fn read_texts_from_snapshot(app: &mut App, outside: &mut Outside, bodies: BodySource) -> Handed {
    let store = Bodies::open(bodies);
    if store.is_ok() {
        app.update(Action::Saved);
    }
    let Some(library) = app.shared_library() else {
        return Handed::Nothing;
    };
    match store {
        Ok(store) if app.reads_texts_on_demand() => {
            // The heads and the index the app replaced by copies were
            // allocated on the worker threads: give their pages back.
            crate::memory::give_back_all();
            outside.read_from(&library, store);
            ask_search(app, outside);
            flush(app, outside);
            Handed::WithoutTexts(library)
        }
        _ => Handed::Whole(library),
    }
}

/// Shows a loaded library with what the store remembers of it; starts
/// its search worker unless its entities are still to come, and the
/// reader of its texts when it holds none. Returns the library, whose
/// articles are to be recorded as seen, and whether its texts must be
/// opened whole (they cannot be read one by one).
fn show_loaded(
    app: &mut App,
    outside: &mut Outside,
    mut loaded: loaded::Loaded,
) -> (Arc<crate::pipeline::Library>, bool) {
    let (remembered, notices) = outside.recorder.remember(&loaded.library);
    loaded.remembered = remembered;
    let library = Arc::clone(&loaded.library);
    let mut stale = false;
    if let Some(bodies) = &loaded.bodies {
        stale = !outside.start_reading(&library, bodies.clone());
    } else if loaded.coming == loaded::Coming::Nothing {
        outside.start(&loaded.library);
    } else {
        // A list whose entities are still to come, in place of one shown
        // before (a folder that changed since its snapshot): the old
        // list's workers would answer for other articles.
        outside.stop();
        outside.lending = loaded.lent;
    }
    app.update(Action::Loaded(Arc::new(loaded)));
    for notice in notices {
        app.update(Action::Notice(notice));
    }
    flush(app, outside);
    (library, stale)
}

/// Puts the whole `library` of a list shown before its entities or texts
/// in place (`action`), and starts its search worker; a text search asked
/// meanwhile, which had no worker to go to, goes to it now.
fn complete(
    app: &mut App,
    outside: &mut Outside,
    library: &Arc<crate::pipeline::Library>,
    action: Action,
) {
    outside.start(library);
    app.update(action);
    ask_search(app, outside);
    flush(app, outside);
}

/// Asks a search worker just started for the text the app searches for,
/// if any.
fn ask_search(app: &App, outside: &Outside) {
    if let (Some(worker), Some(text)) = (&outside.worker, app.asked_text()) {
        worker.ask(text.to_owned());
    }
}

/// Writes the app's pending changes to the store and performs what it
/// hands out for the outside world (the browser, the clipboard, the search
/// worker); a failure becomes a footer notice, never an error.
fn flush(app: &mut App, outside: &Outside) {
    let recorder = &outside.recorder;
    for effect in app.take_effects() {
        let problem = match &effect {
            Effect::Search(words) => {
                if let Some(worker) = &outside.worker {
                    worker.ask(words.clone());
                }
                None
            }
            Effect::ReadText(i) => {
                if let Some(reader) = &outside.reader {
                    reader.ask(*i);
                } else if outside.lending {
                    // The loader answers between runs; it may be done.
                    let _ = outside.lend.send(*i);
                }
                None
            }
            Effect::OpenUrl(url) => launch::open_in_browser(url)
                .err()
                .map(|e| text::no_browser(&e)),
            Effect::CopyUrl(url) => launch::copy_to_clipboard(url)
                .err()
                .map(|e| text::not_copied(&e.to_string())),
            _ => recorder
                .write(&effect)
                .err()
                .map(|e| text::not_saved(&e.to_string())),
        };
        if let Some(problem) = problem {
            app.update(Action::Notice(problem));
        }
    }
}

/// How often progress alone redraws the screen: its counts move smoothly
/// without a frame for each of its reports.
const PROGRESS_FRAME: Duration = Duration::from_millis(30);

/// How long the loop sleeps with nothing to do before it looks at the
/// signals and the terminal again.
const IDLE_WAIT: Duration = Duration::from_millis(250);

fn event_loop(
    terminal: &mut Screen,
    app: &mut App,
    (loader, wakes): (&event::Loader, &Wakes),
    outside: &mut Outside,
    terminated: &AtomicBool,
) -> anyhow::Result<()> {
    event::spawn_input(outside.waker.clone());
    let mut dirty = true;
    // Only progress changed since the last frame.
    let mut moved = false;
    let mut drawn_at: Option<Instant> = None;
    let mut loading = true;
    let mut listening = true;
    let mut unseen: Option<Arc<crate::pipeline::Library>> = None;
    loop {
        let since_drawn = drawn_at.map_or(PROGRESS_FRAME, |at| at.elapsed());
        if dirty || (moved && since_drawn >= PROGRESS_FRAME) {
            terminal.draw(|frame| view::draw(frame, app))?;
            (dirty, moved) = (false, false);
            drawn_at = Some(Instant::now());
        }
        if let Some(library) = unseen.take() {
            // The list is drawn: the loader may go on.
            let _ = loader.shown.send(());
            if let Err(e) = outside.recorder.record_seen(&library) {
                app.update(Action::Notice(text::not_saved(&e.to_string())));
                dirty = true;
            }
        }
        if app.should_quit() {
            return Ok(());
        }
        // Reports sent from here on wake the loop again.
        wakes.reading_reports();
        dirty |= read_answers(app, outside, loader);
        while listening {
            match loader.reports.try_recv() {
                Ok(Load::Progress(p)) => {
                    app.update(Action::Progress(p));
                    moved = true;
                    continue;
                }
                Ok(Load::Done(Ok(loaded))) => {
                    let (library, stale) = show_loaded(app, outside, *loaded);
                    if stale {
                        let _ = loader.stale.send(());
                    }
                    unseen = Some(library);
                    loading = false;
                }
                Ok(Load::Threads(threads)) => app.update(Action::Threads(threads)),
                Ok(Load::Texts(library)) if app.lists_articles_of(&library) => {
                    let whole = Arc::clone(&library);
                    complete(app, outside, &whole, Action::Texts(library));
                }
                // The folder changed while its texts were read: other
                // articles, shown afresh.
                Ok(Load::Texts(library)) => {
                    let library = Arc::unwrap_or_clone(library);
                    let loaded = loaded::Loaded::new(library);
                    unseen = Some(show_loaded(app, outside, loaded).0);
                    loading = false;
                }
                Ok(Load::Found(found)) if found.stored_next => {
                    app.update(Action::Found(Arc::from(found)));
                    flush(app, outside);
                }
                Ok(Load::Found(found)) => {
                    let whole = Arc::clone(&found.library);
                    complete(app, outside, &whole, Action::Found(Arc::from(found)));
                }
                Ok(Load::Lent(text)) => {
                    app.update(Action::TextRead(text));
                    flush(app, outside);
                }
                Ok(Load::Saved(bodies)) => {
                    let handed = read_texts_from_snapshot(app, outside, bodies);
                    let _ = loader.handed.send(handed);
                }
                Ok(Load::Done(Err(e))) => anyhow::bail!(e),
                Ok(Load::Notice(notice)) => app.update(Action::Notice(notice)),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) if loading => {
                    anyhow::bail!("the loader stopped unexpectedly")
                }
                Err(TryRecvError::Disconnected) => listening = false,
            }
            dirty = true;
        }
        if terminated.load(Ordering::Relaxed) {
            app.update(Action::ForceQuit);
            flush(app, outside);
            continue;
        }
        if !out::stdout_is_terminal() {
            anyhow::bail!("the terminal went away");
        }
        if dirty {
            continue;
        }
        // Progress waits for its next frame; otherwise the loop sleeps
        // until a key or a report wakes it.
        let wait = if moved {
            PROGRESS_FRAME.saturating_sub(drawn_at.map_or(PROGRESS_FRAME, |at| at.elapsed()))
        } else {
            IDLE_WAIT
        };
        let first = match wakes.wakes.recv_timeout(wait) {
            Ok(Wake::Input(event)) => event,
            Ok(Wake::Report) | Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => anyhow::bail!("terminal input stopped"),
        };
        // Handle every event already queued before drawing once.
        let queued = wakes.wakes.try_iter().filter_map(|wake| match wake {
            Wake::Input(event) => Some(event),
            Wake::Report => None,
        });
        for event in std::iter::once(first).chain(queued) {
            let event = event.map_err(|e| anyhow::anyhow!("cannot read the terminal: {e}"))?;
            if let Some(action) = event::translate(&event, app.keymap(), app.mode()) {
                app.update(action);
                flush(app, outside);
                dirty = true;
            }
            if app.should_quit() {
                break;
            }
        }
    }
}

/// Takes what the search worker and the text reader answered; returns
/// whether anything did.
fn read_answers(app: &mut App, outside: &Outside, loader: &event::Loader) -> bool {
    let mut answered = false;
    if let Some(worker) = &outside.worker {
        for hits in worker.answers.try_iter() {
            app.update(Action::TextHits(Arc::new(hits)));
            answered = true;
        }
    }
    if let Some(reader) = &outside.reader {
        for answer in reader.answers.try_iter() {
            match answer {
                text_reader::Answer::Text(text) => app.update(Action::TextRead(text)),
                // The folder changed: the loader opens it whole.
                text_reader::Answer::Stale => {
                    let _ = loader.stale.send(());
                }
            }
            flush(app, outside);
            answered = true;
        }
    }
    answered
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn setup_follows_the_config() {
        let config = Config::parse(
            "[keys]\nquit = [\"x\"]\n[layout]\nlist_width = 40\n[reader]\nmark_read_on_open = false\n",
            Path::new("c.toml"),
        )
        .unwrap();
        let setup = Setup::from_config(&config, Some(Path::new("c.toml"))).unwrap();
        assert_eq!(setup.keymap.key_labels("quit"), ["x"]);
        assert_eq!(setup.settings.widths.list, 40);
        assert!(!setup.settings.mark_read_on_open);
    }

    #[test]
    fn a_bad_binding_names_the_file_and_the_action() {
        let config = Config::parse("[keys]\nfly = [\"f\"]\n", Path::new("c.toml")).unwrap();
        let err = Setup::from_config(&config, Some(Path::new("/tmp/c.toml"))).unwrap_err();
        let shown = err.to_string();
        assert!(
            shown.contains("/tmp/c.toml") && shown.contains("fly"),
            "{shown}"
        );
    }
}
