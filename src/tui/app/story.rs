//! Following a story from the list: the threads of articles about one
//! event (computed off the UI thread, see [`crate::threads`], and arriving
//! as [`Action::Threads`](crate::tui::action::Action::Threads)), shown with
//! a marker in the list; `t` lists the selected article's thread in date
//! order under its most central headline, and `r` lists the articles that
//! share most entities with it.

use super::{ActiveFilter, App};
use crate::threads::Threads;
use crate::tui::text;

/// How many related articles `r` lists.
const RELATED: usize = 30;

impl App {
    /// Returns the library's threads, once they are computed.
    pub fn threads(&self) -> Option<&Threads> {
        self.threads.as_deref()
    }

    /// Lists the selected article's thread, oldest first.
    pub(super) fn show_thread(&mut self) {
        let (Some(lib), Some(i)) = (self.library.clone(), self.current()) else {
            return;
        };
        let Some(book) = &self.threads else {
            self.status = Some(text::THREADS_PENDING.into());
            return;
        };
        let Some(thread) = book.of(i) else {
            self.status = Some(text::NO_THREAD.into());
            return;
        };
        let filter = ActiveFilter {
            label: text::thread_label(thread.name(&lib)),
            query: String::new(),
        };
        let articles = thread.articles.iter().map(|&a| a as u32).collect();
        self.set_listing(articles, filter, i);
    }

    /// Lists the selected article and those that share most entities with
    /// it, most shared first.
    pub(super) fn show_related(&mut self) {
        let (Some(lib), Some(i)) = (self.library.clone(), self.current()) else {
            return;
        };
        let related = lib.index.related(i, RELATED);
        if related.is_empty() {
            self.status = Some(text::NO_RELATED.into());
            return;
        }
        let articles = std::iter::once(i)
            .chain(related.iter().map(|&(a, _)| a))
            .map(|a| a as u32)
            .collect();
        let filter = ActiveFilter {
            label: text::related_label(&lib.corpus.articles[i].title),
            query: String::new(),
        };
        self.set_listing(articles, filter, i);
    }

    /// Lists `articles` in their order, keeping article `keep` selected.
    fn set_listing(&mut self, articles: Vec<u32>, filter: ActiveFilter, keep: usize) {
        self.reader.set_highlight(None);
        self.follow_text = None;
        self.text_search.forget_pending();
        self.set_filter_in_order(articles, filter);
        if let Some(pos) = self.list.position_of(keep) {
            self.select(pos);
        }
    }
}
