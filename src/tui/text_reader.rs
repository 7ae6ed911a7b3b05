//! The text reader: for a library listed without its texts (an unchanged
//! folder, listed from its snapshot's heads), a thread that reads the
//! text of the article shown, by chunk, from the cache
//! ([`crate::state::cache::Bodies`]), so that a warm open holds what it
//! shows rather than every article's text. The app asks with an
//! [`Effect::ReadText`](crate::tui::app::Effect::ReadText); the answer
//! comes back as [`Action::TextRead`](crate::tui::action::Action::TextRead).
//! Only the newest of several waiting asks is answered, so moving fast
//! through the list reads only where it stops.
//!
//! The search worker cuts its snippets from the same store
//! ([`crate::search::texts::Texts`]).
//! When the snapshot was replaced (the folder changed), the answer is
//! [`Answer::Stale`] and the event loop has the loader open the folder
//! whole, as a cold open does.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};

use crate::corpus::Article;
use crate::entities::IndexedMention;
use crate::pipeline::Library;
use crate::search::texts::Store;
use crate::state::cache::ArticleBody;
use crate::tui::wake::{self, Waker};

/// An article read whole: its head from the list, its body from the store.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadText {
    /// Its index in the library listed.
    pub index: usize,
    pub article: Article,
    /// Its mentions as the index holds them: those in its body first, in
    /// text order.
    pub mentions: Vec<IndexedMention>,
}

/// What the text reader answers.
#[derive(Debug)]
pub enum Answer {
    Text(Arc<ReadText>),
    /// The store no longer holds the listed articles (the folder changed)
    /// or cannot be read: the library must be opened whole.
    Stale,
}

/// Returns the body of article `i` of `library` from `store`; `None` when
/// the store does not hold it (anymore) or cannot be read.
fn body(store: &Store, library: &Library, i: usize) -> Option<ArticleBody> {
    let id = &library.corpus.articles.get(i)?.id;
    store.lock().ok()?.body(i, id).ok().flatten()
}

/// Returns article `i` of `library` read whole from `store`.
pub fn read(store: &Store, library: &Library, i: usize) -> Option<ReadText> {
    let head = library.corpus.articles.get(i)?;
    let (article, mentions) = body(store, library, i)?.into_article(head);
    Some(ReadText {
        index: i,
        article,
        mentions,
    })
}

/// The app's end of a running text reader.
pub struct TextReader {
    asks: Sender<usize>,
    pub answers: Receiver<Answer>,
}

impl TextReader {
    /// Starts a reader of the texts of `library` from `store`; each
    /// answer wakes the UI through `waker`.
    pub fn spawn(library: Arc<Library>, store: Store, waker: &Waker) -> TextReader {
        let (asks, asked) = mpsc::channel::<usize>();
        let (reply, answers) = wake::channel(waker);
        std::thread::spawn(move || {
            while let Ok(mut i) = asked.recv() {
                // Moving outruns reading: answer only the newest ask.
                while let Ok(newer) = asked.try_recv() {
                    i = newer;
                }
                let answer = match read(&store, &library, i) {
                    Some(text) => Answer::Text(Arc::new(text)),
                    None => Answer::Stale,
                };
                if reply.send(answer).is_err() {
                    return;
                }
            }
        });
        TextReader { asks, answers }
    }

    /// Asks for the text of article `i`; the answer arrives on `answers`.
    pub fn ask(&self, i: usize) {
        // A reader that stopped has said so in its last answer.
        let _ = self.asks.send(i);
    }
}
