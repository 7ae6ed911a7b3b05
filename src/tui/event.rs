//! Where actions come from: terminal events (keys through the keymap,
//! mouse, resize) and the loader thread, which builds the library off the
//! UI thread (through the cached index) and reports progress over a channel:
//! first the merged articles, then, when they were not in the snapshot,
//! their entities; meanwhile the loader lends the text of the article
//! shown, between runs of articles ([`Load::Lent`]), and lets the others
//! go into the snapshot it stores. An unchanged folder comes from its
//! snapshot's heads alone; its texts are read as they are shown
//! ([`super::text_reader`]), and only when that fails (the folder changed
//! since) does the loader open the folder whole.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crossterm::event::{Event, MouseButton, MouseEventKind};
use rayon::prelude::*;

use super::action::{Action, Loaded};
use super::keymap::{Keymap, Mode};
use super::loaded::Found;
use super::text_reader::ReadText;
use super::wake::{self, Waker};
use crate::corpus::{Article, Corpus};
use crate::pipeline::{Lent, Library, Listed, Open, Opened, Options, Progress};
use crate::search::texts::Texts;
use crate::state::Cache;
use crate::state::cache::{Bodies, BodySource, PendingSnapshot};
use crate::threads::{Threads, threads_if_read};

/// A report from the loader thread.
pub enum Load {
    Progress(Progress),
    /// The articles, usable as a list; with their entities unless
    /// [`Loaded::coming`] says they are still being found, when a
    /// [`Load::Found`] follows.
    Done(Result<Box<Loaded>, String>),
    /// The entities of the articles sent before.
    Found(Box<Found>),
    /// The text of an article listed by its head ([`Loaded::lent`]), as
    /// asked on [`Loader::lend`].
    Lent(Arc<ReadText>),
    /// The whole library of articles sent without their texts, opened
    /// when their texts could no longer be read one by one; when the
    /// folder changed in between, other articles (shown afresh).
    Texts(Arc<Library>),
    /// The snapshot of the library whose entities were sent is stored, and
    /// the loader holds that library no more: the UI lets go of its texts
    /// in place, reads them from `BodySource` as they are shown, and hands
    /// the library back on [`Loader::handed`].
    Saved(BodySource),
    /// The threads of the library sent last.
    Threads(Arc<Threads>),
    /// A problem after the library was sent (saving the cached index).
    Notice(String),
}

/// The loader thread, seen from the UI thread.
pub struct Loader {
    /// Its reports, in order.
    pub reports: Receiver<Load>,
    /// Where the UI says that it has drawn the list: the texts of an
    /// unchanged folder whose threads were never stored are read (on
    /// every core) to find them after that, not before the first frame.
    pub shown: mpsc::Sender<()>,
    /// Where the UI says that the texts of an unchanged folder, listed
    /// without them, can no longer be read one by one (its snapshot was
    /// replaced): the loader then opens the folder whole and sends it as
    /// [`Load::Texts`].
    pub stale: mpsc::Sender<()>,
    /// Where the UI hands the library back after [`Load::Saved`].
    pub handed: mpsc::Sender<Handed>,
    /// Where the UI asks for the text of an article listed by its head
    /// while the loader finds the entities ([`Loaded::lent`]); the answer
    /// is [`Load::Lent`], between two runs of articles.
    pub lend: mpsc::Sender<usize>,
}

/// The library the UI hands back to the loader after [`Load::Saved`].
pub enum Handed {
    /// Without its texts, which the UI now reads from the snapshot.
    WithoutTexts(Arc<Library>),
    /// Whole: the UI could not let go of its texts (another part of it
    /// held the library, or the snapshot could not be opened).
    Whole(Arc<Library>),
    /// Nothing: the UI shows no library.
    Nothing,
}

/// How long the loader waits for the list to be drawn before it reads the
/// texts anyway.
const LIST_FRAME_WAIT: Duration = Duration::from_secs(1);

/// Starts loading `paths` through `cache` on a new thread; its reports
/// arrive on [`Loader::reports`]: progress, the list as soon as the
/// articles are merged, and then their entities (an unchanged folder's
/// come with the list, and its texts are read as they are shown). After
/// that the thread saves the cached index for the next open, so nothing
/// shown waits for it.
pub fn spawn_loader(
    paths: Vec<PathBuf>,
    opts: Options,
    cache: Cache,
    rebuild: bool,
    waker: &Waker,
) -> Loader {
    let (tx, rx) = wake::channel(waker);
    let (shown, drawn) = mpsc::channel();
    let (stale, replaced) = mpsc::channel();
    let (handed, handed_back) = mpsc::channel();
    let (lend, asked) = mpsc::channel();
    std::thread::spawn(move || {
        let progress_tx = tx.clone();
        let report = move |p: Progress| {
            // The UI may have quit already; nobody is listening then.
            let _ = progress_tx.send(Load::Progress(p));
        };
        let lender = lender(asked, tx.clone());
        // An unchanged folder's list comes from the heads alone; the
        // texts are read as they are shown (see `Loaded::bodies`), as are
        // those of a cold one while its entities are found.
        let open = Open::new(&paths, &opts)
            .cache(&cache, rebuild)
            .progress(&report)
            .defer_snapshot()
            .without_text()
            .lend_texts(&lender);
        let loading = Loading {
            tx: &tx,
            paths: &paths,
            opts: &opts,
            cache: &cache,
            key: crate::state::corpus_key(&paths),
        };
        // The last snapshot is shown at once, while the folder is walked to
        // check that it still holds; a folder that changed is then opened
        // as any other, and its list replaces the one shown.
        let listing = match open.last_snapshot() {
            Some(opened) => {
                let taken_with = opened.report.fingerprint;
                let Some(shown) = loading.show_snapshot(opened) else {
                    return;
                };
                let walked = open.walk();
                if taken_with == Some(walked.fingerprint()) {
                    loading.follow_snapshot(shown, &drawn, &replaced);
                    return;
                }
                let _ = tx.send(Load::Notice(super::text::FOLDER_CHANGED.to_owned()));
                // The folder is not walked again.
                open.list_walked(walked)
            }
            None => open.list(),
        };
        let listed = match listing {
            Ok(listed) => listed,
            Err(e) => {
                let _ = tx.send(Load::Done(Err(e.to_string())));
                return;
            }
        };
        if listed.has_entities() {
            // A snapshot taken since (by another dossier), read without
            // the texts.
            if let Some(shown) = loading.show_snapshot(listed.entities()) {
                loading.follow_snapshot(shown, &drawn, &replaced);
            }
            return;
        }
        let Some((opened, library)) = send_list(&tx, listed) else {
            return;
        };
        let Some(pending) = opened.pending else {
            loading.find_threads(opened.report.fingerprint, &library, None);
            return;
        };
        match loading.store(pending, library, &handed_back) {
            Ok(shown) => loading.follow_snapshot(shown, &drawn, &replaced),
            Err(Some(library)) => {
                // The UI waits for the library again before it searches.
                if tx.send(Load::Texts(Arc::clone(&library))).is_ok() {
                    loading.find_threads(opened.report.fingerprint, &library, None);
                }
            }
            Err(None) => {}
        }
    });
    Loader {
        reports: rx,
        shown,
        stale,
        handed,
        lend,
    }
}

/// Answers the newest of the texts `asked` (the reader moved on from the
/// others) whenever the open lends its texts, on `tx`.
fn lender(asked: Receiver<usize>, tx: wake::Sender<Load>) -> impl Fn(&Lent<'_>) + Sync {
    let asked = Mutex::new(asked);
    move |lent: &Lent<'_>| {
        let Some(i) = asked.lock().ok().and_then(|a| a.try_iter().last()) else {
            return;
        };
        if let Some(article) = lent.article(i) {
            let text = ReadText {
                index: i,
                article,
                mentions: Vec::new(),
            };
            // The UI may have quit already; nobody is listening then.
            let _ = tx.send(Load::Lent(Arc::new(text)));
        }
    }
}

/// What the loader thread loads, and where it sends what it found.
struct Loading<'a> {
    tx: &'a wake::Sender<Load>,
    paths: &'a [PathBuf],
    opts: &'a Options,
    cache: &'a Cache,
    /// The corpus key of `paths` in the cache.
    key: String,
}

/// A library sent from its snapshot, without its texts.
struct ShownSnapshot {
    /// The fingerprint the snapshot was taken with.
    fingerprint: Option<u64>,
    /// Its threads, when they were stored with it.
    threads: Option<Vec<crate::threads::Thread>>,
    /// The library sent, and where its texts are.
    library: Arc<Library>,
    bodies: BodySource,
}

impl Loading<'_> {
    /// Sends the library `opened` from a snapshot, without its texts,
    /// which are read one by one as they are shown. Returns `None` when
    /// nothing more is to be done: the UI has gone, or the texts could
    /// not be read one by one and the folder was opened whole instead.
    fn show_snapshot(&self, opened: Opened) -> Option<ShownSnapshot> {
        let Opened {
            library, report, ..
        } = opened;
        let fingerprint = report.fingerprint;
        let Some(bodies) = BodySource::of(self.cache, &self.key, fingerprint) else {
            // Never met (a snapshot is only read from a cache file, of a
            // folder): a list without its texts could not show them.
            let whole = Whole {
                listed: None,
                texts: true,
                threads_known: false,
            };
            self.open_whole(whole);
            return None;
        };
        let articles = library.corpus.articles.len();
        let threads = fingerprint.and_then(|fp| self.cache.threads(&self.key, fp, articles));
        let loaded = Loaded {
            bodies: Some(bodies.clone()),
            ..Loaded::new(library)
        };
        let library = Arc::clone(&loaded.library);
        self.tx.send(Load::Done(Ok(Box::new(loaded)))).ok()?;
        Some(ShownSnapshot {
            fingerprint,
            threads,
            library,
            bodies,
        })
    }

    /// Saves the snapshot of `library`, whose list and entities were sent,
    /// lets go of it and sends [`Load::Saved`]: the UI then lets go of the
    /// texts in place, reads them from the cache as they are shown, and
    /// hands the library back without them. No copy of the heads is made:
    /// reading them back from the snapshot while the UI still held every
    /// text was the peak of a cold open (1,149 MB at 100,000 articles).
    /// `Err` with the library when the snapshot could not be stored or
    /// the UI kept the texts (it waits for [`Load::Texts`] then); `Err(None)`
    /// when the UI has gone.
    fn store(
        &self,
        pending: PendingSnapshot,
        library: Arc<Library>,
        handed: &Receiver<Handed>,
    ) -> Result<ShownSnapshot, Option<Arc<Library>>> {
        let fingerprint = pending.fingerprint();
        // A library whose texts went into the snapshot gets them back when
        // the UI cannot read them from there.
        let whole = |library: Arc<Library>| {
            if pending.holds_texts() {
                Arc::new(pending.with_texts(&library))
            } else {
                library
            }
        };
        if let Some(problem) = pending.store(self.cache, &library) {
            let _ = self.tx.send(Load::Notice(problem.to_string()));
            return Err(Some(whole(library)));
        }
        let Some(bodies) = BodySource::of(self.cache, &self.key, Some(fingerprint)) else {
            return Err(Some(whole(library)));
        };
        drop(library);
        self.tx
            .send(Load::Saved(bodies.clone()))
            .map_err(|_| None)?;
        let shown = match handed.recv() {
            Ok(Handed::WithoutTexts(library)) => Ok(ShownSnapshot {
                fingerprint: Some(fingerprint),
                threads: None,
                library,
                bodies,
            }),
            Ok(Handed::Whole(library)) => Err(Some(whole(library))),
            Ok(Handed::Nothing) | Err(_) => Err(None),
        };
        if pending.holds_texts() {
            // The texts, encoded on the worker threads, are in the snapshot.
            drop(pending);
            crate::memory::give_back_all();
        }
        shown
    }

    /// Goes on after the snapshot `shown` of an unchanged folder: sends
    /// its threads, found in its texts (read from the cache once the list
    /// is `drawn`) when they were not stored; then, until the UI goes, opens
    /// the folder whole whenever the UI says its texts can no longer be
    /// read one by one (the snapshot was `replaced`).
    fn follow_snapshot(&self, shown: ShownSnapshot, drawn: &Receiver<()>, replaced: &Receiver<()>) {
        let listed = shown.fingerprint;
        if let Some(list) = shown.threads {
            let threads = Threads::from_list(list, shown.library.corpus.articles.len());
            let _ = self.tx.send(Load::Threads(Arc::new(threads)));
        } else {
            // Threads are found in the texts: those of a folder whose
            // threads were never stored are read from the cache, after the
            // list is drawn, a chunk at a time; when they can no longer be
            // read there, the folder is opened whole.
            let _ = drawn.recv_timeout(LIST_FRAME_WAIT);
            let only_threads = Whole {
                listed,
                texts: false,
                threads_known: false,
            };
            if !self.threads_from_bodies(&shown) && self.open_whole(only_threads) {
                return;
            }
        }
        if replaced.recv().is_ok() {
            let texts = Whole {
                listed,
                texts: true,
                threads_known: true,
            };
            self.open_whole(texts);
        }
    }

    /// Finds the threads of the snapshot `shown` in its texts, read from
    /// the cache a chunk at a time (opening the folder whole would hold
    /// every text at once: twice the memory of the list at 100,000
    /// articles), then sends and stores them. Returns false, sending
    /// nothing, when a text could not be read there (the snapshot was
    /// replaced).
    fn threads_from_bodies(&self, shown: &ShownSnapshot) -> bool {
        let Ok(bodies) = Bodies::open(shown.bodies.clone()) else {
            return false;
        };
        let texts = Texts::Store(Arc::clone(&shown.library), Arc::new(Mutex::new(bodies)));
        let found = crate::memory::one_large_job_at_a_time(|| {
            threads_if_read(&shown.library, &self.opts.threads, &|i| texts.text_of(i))
        });
        drop(texts);
        // Every text was read and its terms counted on all cores: give
        // back what they freed.
        crate::memory::give_back_all();
        let Some(list) = found else {
            return false;
        };
        let threads = Threads::from_list(list.clone(), shown.library.corpus.articles.len());
        let _ = self.tx.send(Load::Threads(Arc::new(threads)));
        if let Some(fp) = shown.fingerprint
            && let Some(problem) = self.cache.save_threads(&self.key, fp, &list)
        {
            let _ = self.tx.send(Load::Notice(problem.to_string()));
        }
        true
    }

    /// Opens the folder whole (texts and all: a second walk of it).
    /// Sends the library as [`Load::Texts`] when its texts are wanted or
    /// the folder changed since it was listed (other articles, shown
    /// afresh); then finds and sends its threads, unless they are known.
    /// Returns true if and only if the library was sent. A failure is a
    /// notice.
    fn open_whole(&self, whole: Whole) -> bool {
        let opened = match Open::new(self.paths, self.opts)
            .cache(self.cache, false)
            .run()
        {
            Ok(opened) => opened,
            Err(e) => {
                let _ = self.tx.send(Load::Notice(e.to_string()));
                return false;
            }
        };
        let fingerprint = opened.report.fingerprint;
        let same = whole.listed.is_some() && fingerprint == whole.listed;
        let library = Arc::new(opened.library);
        let send = whole.texts || !same;
        if send && self.tx.send(Load::Texts(Arc::clone(&library))).is_err() {
            return true;
        }
        if !(whole.threads_known && same) {
            self.find_threads(fingerprint, &library, None);
        }
        send
    }

    /// Finds the threads of `library` and sends them, while saving the
    /// snapshot still `pending`; then stores the threads with the folder's
    /// `fingerprint`, for the next open. Problems are notices.
    fn find_threads(
        &self,
        fingerprint: Option<u64>,
        library: &Arc<Library>,
        pending: Option<PendingSnapshot>,
    ) {
        let notice = |problem: crate::corpus::Warning| {
            let _ = self.tx.send(Load::Notice(problem.to_string()));
        };
        let options = &self.opts.threads;
        let list = std::thread::scope(|scope| {
            let sender = self.tx.clone();
            let finder = scope.spawn(move || {
                let threads =
                    crate::memory::one_large_job_at_a_time(|| Threads::build(library, options));
                let list = threads.all().to_vec();
                // The UI may have quit already; nobody is listening then.
                let _ = sender.send(Load::Threads(Arc::new(threads)));
                list
            });
            if let Some(problem) = pending.and_then(|p| p.save(self.cache, library)) {
                notice(problem);
            }
            finder.join().ok()
        });
        if let (Some(list), Some(fp)) = (list, fingerprint)
            && let Some(problem) = self.cache.save_threads(&self.key, fp, &list)
        {
            notice(problem);
        }
    }
}

/// What a whole open after a list without texts is for.
#[derive(Clone, Copy)]
struct Whole {
    /// The fingerprint of the folder when it was listed.
    listed: Option<u64>,
    /// Its texts are wanted (they can no longer be read one by one).
    texts: bool,
    /// Its threads were sent already.
    threads_known: bool,
}

/// What an open gave besides its library.
struct OpenedRest {
    report: crate::pipeline::Report,
    pending: Option<PendingSnapshot>,
}

/// Sends the list of `listed` (whose entities are still to be found),
/// then finds its entities and sends them; returns what the open gave and
/// the library sent, or `None` when the UI has gone.
fn send_list(tx: &wake::Sender<Load>, listed: Listed<'_>) -> Option<(OpenedRest, Arc<Library>)> {
    // Texts that go as their entities are found are lent: the list holds
    // copies of the heads, so that the open holds the articles alone.
    let lent = listed.lends_texts();
    let loaded = if lent {
        let corpus = listed.corpus();
        Loaded::lent(Corpus {
            articles: corpus.articles.par_iter().map(Article::head).collect(),
            warnings: corpus.warnings.clone(),
        })
    } else {
        Loaded::listed(Arc::clone(listed.corpus()))
    };
    tx.send(Load::Done(Ok(Box::new(loaded)))).ok()?;
    let Opened {
        library,
        pending,
        report,
    } = listed.entities();
    let found = Found {
        stored_next: pending.is_some(),
        ..Found::new(library)
    };
    let library = Arc::clone(&found.library);
    tx.send(Load::Found(Box::new(found))).ok()?;
    if lent && pending.is_none() {
        // No snapshot to read them from after all (the cache failed
        // meanwhile): the library came with its texts.
        tx.send(Load::Texts(Arc::clone(&library))).ok()?;
    }
    Some((OpenedRest { report, pending }, library))
}

/// Starts reading terminal events on their own thread; each event, or the
/// error that ended reading, wakes the UI thread through `waker`.
///
/// Reading stays off the UI thread so that the UI loop never blocks inside
/// the terminal library: when the terminal goes away (a closed window, a
/// killed tmux) the read can spin or hang there, while the UI loop still
/// wakes on its own clock, sees SIGHUP or a lost terminal, and leaves
/// through the restoring path.
pub fn spawn_input(waker: Waker) {
    std::thread::spawn(move || {
        loop {
            let event = crossterm::event::read();
            let failed = event.is_err();
            if waker.input(event).is_err() || failed {
                break;
            }
        }
    });
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
