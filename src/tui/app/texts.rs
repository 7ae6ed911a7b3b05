//! The texts of a library listed without them (an unchanged folder): the
//! app asks for the text of the article shown ([`Effect::ReadText`]),
//! keeps the last few that came ([`TextBook`]), and meanwhile the reading
//! pane shows the article's head and "reading the text…". A scroll asked
//! for before the text came (to the followed entity, to a match) is done
//! when it comes.

use std::collections::VecDeque;
use std::sync::Arc;

use rayon::prelude::*;

use super::{App, Effect};
use crate::corpus::Article;
use crate::entities::IndexedMention;
use crate::tui::text_reader::ReadText;

/// Texts kept: going back to the last few articles needs no new read.
const KEPT: usize = 8;

/// Where the reader scrolls once the text it waits for comes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Seek {
    /// To the followed entity's first mention.
    Entity,
    /// To the first (or last) match of the highlighted words.
    Match { first: bool },
}

/// The texts read for a library listed without them.
#[derive(Debug, Default)]
pub struct TextBook {
    /// The library holds no texts: they are read as they are shown.
    on_demand: bool,
    /// The texts read, most recent first.
    read: VecDeque<Arc<ReadText>>,
    /// The article whose text was asked for last and has not come.
    asked: Option<usize>,
    seek: Option<Seek>,
}

impl TextBook {
    /// A book for a library that holds its texts (`on_demand` false) or
    /// does not.
    pub(super) fn new(on_demand: bool) -> Self {
        Self {
            on_demand,
            ..Self::default()
        }
    }

    /// Returns the text read of article `i`, if it came.
    fn get(&self, i: usize) -> Option<&ReadText> {
        self.read.iter().find(|t| t.index == i).map(Arc::as_ref)
    }

    fn put(&mut self, text: Arc<ReadText>) {
        self.read.retain(|t| t.index != text.index);
        self.read.truncate(KEPT - 1);
        self.read.push_front(text);
    }
}

impl App {
    /// Returns true if and only if the text of the article shown is still
    /// being read.
    pub fn texts_pending(&self) -> bool {
        self.texts.on_demand && self.current().is_some_and(|i| self.texts.get(i).is_none())
    }

    /// Returns article `i` with its mentions, those in its body first: the library's,
    /// or, for a library listed without its texts, as read (its head alone
    /// until then). A text lent before the entities were found comes
    /// without mentions: the library's index has them.
    pub(super) fn article_text(&self, i: usize) -> Option<(&Article, &[IndexedMention])> {
        let lib = self.library.as_ref();
        let indexed = || lib.map_or(&[][..], |lib| lib.index.mentions_in(i));
        if let Some(read) = self.texts.get(i) {
            let mentions = if read.mentions.is_empty() {
                indexed()
            } else {
                &read.mentions
            };
            return Some((&read.article, mentions));
        }
        Some((lib?.corpus.articles.get(i)?, indexed()))
    }

    /// Asks for the text of the article shown, unless it came or was
    /// asked for.
    pub(super) fn want_text(&mut self) {
        let Some(i) = self.current() else { return };
        if self.texts.on_demand && self.texts.get(i).is_none() && self.texts.asked != Some(i) {
            self.texts.asked = Some(i);
            self.effects.push(Effect::ReadText(i));
        }
    }

    /// Returns true if and only if the scroll `seek` must wait for the
    /// text of the article shown, which it then does.
    pub(super) fn seek_later(&mut self, seek: Seek) -> bool {
        let pending = self.texts_pending();
        if pending {
            self.texts.seek = Some(seek);
        }
        pending
    }

    /// Forgets a scroll that waited for another article's text.
    pub(super) fn forget_seek(&mut self) {
        self.texts.seek = None;
    }

    /// Lets go of the texts of the library shown, whose snapshot was just
    /// stored, in place: no copy of its heads is made (reading them back
    /// from the snapshot while every text was still held was the peak of a
    /// cold open: 1,149 MB at 100,000 articles). Only a library that the
    /// app alone holds can be changed; any other is left whole, and
    /// [`App::reads_texts_on_demand`] stays false.
    ///
    /// A library whose texts were lent holds none already: the mentions
    /// its index kept for the snapshot go (the texts read take theirs
    /// along), and a text asked of the loader and not given is asked
    /// again, of the snapshot.
    pub(super) fn shed_texts(&mut self) {
        let lent = self.texts.on_demand;
        let book = if lent {
            self.give_texts_read_their_mentions();
            // The loader lends no more.
            self.texts.asked = None;
            self.want_text();
            None
        } else {
            Some(self.book_keeping_the_shown_text())
        };
        let Some(whole) = self.library.as_mut().and_then(Arc::get_mut) else {
            return;
        };
        let Some(corpus) = Arc::get_mut(&mut whole.corpus) else {
            return;
        };
        if !lent {
            corpus.articles.par_iter_mut().for_each(Article::drop_body);
        }
        // The texts were freed on the threads that let go of them, not on
        // those that allocated them: their pages go back before the copies
        // below take new ones (else the copies were the peak of the open).
        crate::memory::give_back_all();
        // The heads and the index, copied together, leave the pages they
        // shared with the texts free to go back: the reader then settles
        // at 300-320 MB at 100,000 articles, not 360.
        corpus.articles = corpus.articles.par_iter().cloned().collect();
        whole.index.drop_mentions();
        whole.index = whole.index.clone();
        if let Some(book) = book {
            self.texts = book;
        }
        self.settle();
    }

    /// Gives each text read without mentions (lent before the entities
    /// were found) those the library's index holds.
    fn give_texts_read_their_mentions(&mut self) {
        let Some(lib) = &self.library else { return };
        for text in &mut self.texts.read {
            if text.mentions.is_empty() {
                Arc::make_mut(text).mentions = lib.index.mentions_in(text.index).to_vec();
            }
        }
    }

    /// A book of texts read that holds the text of the article shown, taken
    /// from the library before it lets go of its texts.
    fn book_keeping_the_shown_text(&self) -> TextBook {
        let mut book = TextBook::new(true);
        if let (Some(i), Some(whole)) = (self.current(), &self.library)
            && let Some(article) = whole.corpus.articles.get(i)
        {
            book.put(Arc::new(ReadText {
                index: i,
                article: article.clone(),
                mentions: whole.index.mentions_in(i).to_vec(),
            }));
        }
        book
    }

    /// Returns true if and only if the library shown holds no texts: they
    /// are read as they are shown.
    pub fn reads_texts_on_demand(&self) -> bool {
        self.texts.on_demand
    }

    /// Takes in a text read: kept, and, when it is the shown article's,
    /// shown, scrolled where the reader asked meanwhile.
    pub(super) fn text_read(&mut self, text: Arc<ReadText>) {
        let i = text.index;
        let listed = self
            .library
            .as_ref()
            .and_then(|lib| lib.corpus.articles.get(i));
        // A text of other articles than those listed has no place here.
        if !self.texts.on_demand || listed.is_none_or(|a| a.id != text.article.id) {
            return;
        }
        if self.texts.asked == Some(i) {
            self.texts.asked = None;
        }
        self.texts.put(text);
        if self.current() == Some(i) {
            match self.texts.seek.take() {
                Some(Seek::Entity) => self.scroll_to_entity(),
                Some(Seek::Match { first }) => self.scroll_to_text_match(first),
                None => {}
            }
        }
    }
}
