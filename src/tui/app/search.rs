//! Free text in the `/` prompt: the words that name no entity search the
//! articles' title and body through the search worker (see
//! [`crate::tui::text_search`]). The app asks with an [`Effect::Search`]
//! and the answer comes back as [`Action::TextHits`] a frame later, so a
//! keystroke never waits for the index. While typing, the answer is the
//! prompt's preview; on Enter, the filter waits for it (or uses the
//! preview that already arrived), then lists the articles that hold both
//! the entity terms and the words, and the reader highlights the words.

use std::sync::Arc;

use super::texts::Seek;
use super::{ActiveFilter, App, Effect};
use crate::entities::EntityId;
use crate::search::Query;
use crate::tui::document;
use crate::tui::text;
use crate::tui::text_search::TextHits;

/// A typed filter waiting for its text hits.
#[derive(Clone, Debug)]
struct Pending {
    text: String,
    /// The articles the entity terms select (`None`: no entity terms).
    entity_articles: Option<Vec<u32>>,
    /// The articles whose entities or title the free words name.
    named: Vec<u32>,
    /// n/N go from text match to text match (the words name no entity).
    by_text: bool,
    entity: Option<EntityId>,
    filter: ActiveFilter,
}

/// The app's side of text search: what it asked last, the answer it
/// holds, and the filter that waits for one.
#[derive(Debug, Default)]
pub struct TextSearch {
    asked: Option<String>,
    last: Option<Arc<TextHits>>,
    pending: Option<Pending>,
}

impl TextSearch {
    pub(super) fn forget_pending(&mut self) {
        self.pending = None;
    }

    /// Returns the held answer for `text`, if that is what it answers.
    fn answer(&self, text: &str) -> Option<Arc<TextHits>> {
        self.last.as_ref().filter(|h| h.text == text).cloned()
    }
}

impl App {
    /// Keeps `query` as the list's filter until the entities are found:
    /// the list stays whole meanwhile, the header says the filter waits,
    /// and it applies when they arrive (see [`App::finding_entities`]).
    fn wait_for_entities(&mut self, query: &str) {
        let typed = query.trim().to_owned();
        let filter = ActiveFilter {
            label: text::waiting_filter(&typed),
            query: typed.clone(),
        };
        self.reader.set_highlight(None);
        self.follow_text = None;
        self.text_search.forget_pending();
        self.list_filtered_all(filter);
        self.waiting_query = Some(typed);
        self.status = Some(text::FILTER_WAITS.into());
    }

    /// Returns whether a text search was asked and not yet answered.
    pub fn awaiting_text(&self) -> bool {
        self.text_search.asked.is_some()
    }

    /// Returns the text asked for and not yet answered.
    pub fn asked_text(&self) -> Option<&str> {
        self.text_search.asked.as_deref()
    }

    /// Asks for the text hits of the prompt's free words (once per text).
    pub(super) fn preview_text(&mut self) {
        let Some(prompt) = &mut self.prompt else {
            return;
        };
        let text = self.filter_index.split(prompt.input()).text;
        let answer = self.text_search.answer(&text);
        prompt.set_preview(answer.clone());
        if !text.is_empty() && answer.is_none() {
            self.ask(text);
        }
    }

    fn ask(&mut self, text: String) {
        if self.text_search.asked.as_deref() != Some(text.as_str()) {
            self.text_search.asked = Some(text.clone());
            self.effects.push(Effect::Search(text));
        }
    }

    /// Filters the list with a typed query: its entity terms at once, its
    /// free words when their text hits are known (see [`crate::filter`]).
    /// Free words select the articles that say them, and those that name an
    /// entity (or have a title) containing them; when they name an entity,
    /// n/N follow it, else they go from match to match.
    pub(super) fn filter_by_query(&mut self, query: &str) {
        let Some(lib) = self.library.clone() else {
            return;
        };
        if self.finding_entities() {
            return self.wait_for_entities(query);
        }
        let split = self.filter_index.split(query);
        let typed = query.trim().to_owned();
        if split.text.is_empty() {
            let result = self.filter_index.apply_terms(&lib.index, &split.entities);
            self.reader.set_highlight(None);
            self.follow_text = None;
            let filter = ActiveFilter {
                label: result.label,
                query: typed,
            };
            return self.set_filter(result.articles, filter, result.entity);
        }
        let named = self.filter_index.named(&lib.index, &split.text);
        let (entity_articles, entity, label) = if split.entities.is_empty() {
            (None, named.entity, named.label.clone())
        } else {
            let result = self.filter_index.apply_terms(&lib.index, &split.entities);
            let label = format!("{} · {}", result.label, named.label);
            (Some(result.articles), result.entity.or(named.entity), label)
        };
        self.text_search.pending = Some(Pending {
            text: split.text.clone(),
            entity_articles,
            named: named.articles,
            by_text: named.entity.is_none(),
            entity,
            filter: ActiveFilter {
                label,
                query: typed,
            },
        });
        if let Some(hits) = self.text_search.answer(&split.text) {
            self.apply_pending(&hits);
            return;
        }
        // Words that name an entity list its articles at once; the text
        // hits add to them when they arrive.
        if let Some(pending) = self.text_search.pending.clone()
            && !pending.by_text
        {
            self.show_pending(pending, &[]);
        } else {
            self.status = Some(text::SEARCHING.into());
        }
        self.ask(split.text);
    }

    /// Takes in an answer from the search worker.
    pub(super) fn text_hits(&mut self, hits: &Arc<TextHits>) {
        if self.text_search.asked.as_deref() == Some(hits.text.as_str()) {
            self.text_search.asked = None;
        }
        self.text_search.last = Some(Arc::clone(hits));
        if let Some(prompt) = &mut self.prompt
            && self.filter_index.split(prompt.input()).text == hits.text
        {
            prompt.set_preview(Some(Arc::clone(hits)));
        }
        if self
            .text_search
            .pending
            .as_ref()
            .is_some_and(|p| p.text == hits.text)
        {
            self.apply_pending(hits);
        }
    }

    fn apply_pending(&mut self, hits: &TextHits) {
        let Some(pending) = self.text_search.pending.take() else {
            return;
        };
        if let Some(problem) = &hits.problem {
            self.status = Some(problem.clone());
            return;
        }
        self.status = None;
        self.show_pending(pending, &hits.articles);
    }

    /// Lists what `pending` selects when the text says its words in
    /// `said` (sorted article indices).
    fn show_pending(&mut self, pending: Pending, said: &[u32]) {
        let said = union(&pending.named, said);
        let articles = match &pending.entity_articles {
            None => said,
            Some(selected) => intersect(selected, &said),
        };
        self.reader.set_highlight(Query::parse(&pending.text).ok());
        self.follow_text = pending.by_text.then(|| pending.text.clone());
        let by_text = pending.by_text;
        self.set_filter(articles, pending.filter, pending.entity);
        if by_text {
            self.scroll_to_text_match(true);
        }
    }

    /// Goes to the next (or previous) match of the highlighted words: in
    /// the article shown, then in the next listed article, wrapping around.
    pub(super) fn jump_text(&mut self, forward: bool) {
        if self.texts_pending() {
            // Its matches are not known yet.
            return;
        }
        let lines = document::matched_lines(&self.document());
        let next = match (self.reader.at_match(), forward) {
            (None, true) => Some(0),
            (None, false) => lines.len().checked_sub(1),
            (Some(k), true) => Some(k + 1),
            (Some(k), false) => k.checked_sub(1),
        };
        if let Some(k) = next.filter(|&k| k < lines.len()) {
            self.reader.go_to_match(k, lines[k]);
            return;
        }
        let n = self.list.visible().len();
        if n < 2 {
            // The only article: wrap around within it.
            if let Some((k, line)) = edge_match(&lines, forward) {
                self.reader.go_to_match(k, line);
            }
            self.status = Some(text::NO_MORE_MATCHES.into());
            return;
        }
        let at = self.list.selected();
        let pos = if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        };
        self.select(pos);
        self.scroll_to_text_match(forward);
        self.status = Some(text::article_of(pos + 1, n));
    }

    /// Scrolls the reader to the first (or last) line of the article shown
    /// with a highlighted match, laying it out once.
    pub(super) fn scroll_to_text_match(&mut self, first: bool) {
        if self.seek_later(Seek::Match { first }) {
            return;
        }
        if let Some((k, line)) = edge_match(&document::matched_lines(&self.document()), first) {
            self.reader.go_to_match(k, line);
        }
    }
}

/// Returns the first (or last) of an article's match lines, with its
/// number among them.
fn edge_match(lines: &[usize], first: bool) -> Option<(usize, usize)> {
    let k = if first {
        0
    } else {
        lines.len().checked_sub(1)?
    };
    Some((k, *lines.get(k)?))
}

/// Returns the values in either sorted list, sorted.
fn union(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    out.extend_from_slice(a);
    out.extend_from_slice(b);
    out.sort_unstable();
    out.dedup();
    out
}

/// Returns the values in both sorted lists.
fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}
