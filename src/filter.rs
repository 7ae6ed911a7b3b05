//! The filter language and the fuzzy ranking behind the reader's `/` prompt.
//!
//! A query is a list of terms combined with AND. A term is free text, or
//! text after a kind qualifier (`company:sky`, `country:jap`, `person:`,
//! `org:`, `place:`) that narrows it to entities of that kind. Words after a
//! qualifier belong to it until the next qualifier, so `person:baiba braze`
//! is one term. In the reader, [`FilterIndex::split`] gives a qualifier only
//! the words that still name an entity of its kind; the other words are
//! free text, which searches the articles' text (`country:japan drones`).
//! A term that is exactly an entity's name selects that entity alone, so
//! [`entity_query`] is a query that selects one entity again.
//!
//! [`FilterIndex`] precomputes what every keystroke needs (lowercased names
//! and titles, per-kind lists, entities ranked by article count);
//! [`Ranker`] ranks entities and titles for the term being typed, reusing the
//! previous keystroke's survivors when the query only grew, and computes
//! matched character positions only for the results that are shown.
//! [`FilterIndex::apply`] turns a whole query into the set of articles.
//! Nothing here knows about the terminal.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use memchr::memmem;

use self::score::{SHORTLIST_FACTOR, Texts, quick_score_pool as scan, rescore, top_k};

use crate::entities::{EntityId, EntityIndex, EntityKind};

/// One term of a query: lowercased text, optionally narrowed to a kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub kind: Option<EntityKind>,
    pub text: String,
}

/// Parses a query into its terms. An unknown qualifier (`foo:bar`) is kept
/// as free text; empty free text is dropped, an empty qualified term is kept
/// (it means "any entity of that kind").
pub fn parse(query: &str) -> Vec<Term> {
    let mut terms: Vec<Term> = Vec::new();
    let mut current = Term {
        kind: None,
        text: String::new(),
    };
    let mut started = false;
    for word in query.split_whitespace() {
        let qualifier = word
            .split_once(':')
            .and_then(|(k, rest)| EntityKind::parse(k).map(|kind| (kind, rest)));
        if let Some((kind, rest)) = qualifier {
            if started {
                terms.push(current);
            }
            current = Term {
                kind: Some(kind),
                text: rest.to_lowercase(),
            };
            started = true;
        } else {
            if !current.text.is_empty() {
                current.text.push(' ');
            }
            current.text.push_str(&word.to_lowercase());
            started = true;
        }
    }
    if started && (current.kind.is_some() || !current.text.is_empty()) {
        terms.push(current);
    }
    terms
}

/// Returns the query that selects exactly the entity `name` of `kind`.
pub fn entity_query(kind: EntityKind, name: &str) -> String {
    format!("{kind}:{name}")
}

/// A query split into the terms that name entities and the free words that
/// search the articles' text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Split {
    pub entities: Vec<Term>,
    /// The free words, in the order typed (empty when there are none).
    pub text: String,
}

/// Added to the fuzzy score of an entity whose name is exactly the query.
const EXACT_BONUS: i64 = 1 << 20;

/// What a suggestion points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Entity(EntityId),
    /// An article, by its index in the corpus.
    Article(u32),
}

/// One ranked suggestion, with the char positions of its display text
/// (entity name or article title) that matched the typed term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub target: Target,
    pub score: i64,
    pub matched: Vec<usize>,
}

/// The articles a query selects, the entity it is about (the best entity
/// match of its first term), and a short label for the header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterResult {
    pub articles: Vec<u32>,
    pub entity: Option<EntityId>,
    pub label: String,
}

/// Precomputed search data for one library.
#[derive(Clone, Debug, Default)]
pub struct FilterIndex {
    names: Texts,
    kinds: Vec<EntityKind>,
    article_counts: Vec<u32>,
    /// Lowercased aliases per entity (surface forms seen in texts).
    aliases: Vec<Vec<String>>,
    titles: Texts,
    /// Every entity, most articles first.
    ranked: Vec<EntityId>,
    /// Per kind (in [`EntityKind::ALL`] order), most articles first.
    ranked_by_kind: [Vec<EntityId>; 5],
}

fn kind_slot(kind: EntityKind) -> usize {
    EntityKind::ALL.iter().position(|&k| k == kind).unwrap_or(0)
}

impl FilterIndex {
    /// Builds the search data from an entity index and the article titles.
    pub fn new<'a>(index: &EntityIndex, titles: impl IntoIterator<Item = &'a str>) -> Self {
        let names = Texts::new(index.entities().map(|(_, e)| e.name.to_lowercase()));
        let kinds = index.entities().map(|(_, e)| e.kind).collect();
        let article_counts: Vec<u32> = index
            .entities()
            .map(|(_, e)| e.articles.len() as u32)
            .collect();
        let aliases = index
            .entities()
            .map(|(_, e)| e.aliases.iter().map(|a| a.to_lowercase()).collect())
            .collect();
        let mut ranked: Vec<EntityId> = (0..index.entity_count() as EntityId).collect();
        ranked.sort_by(|&a, &b| {
            let (ea, eb) = (&index[a], &index[b]);
            eb.articles
                .len()
                .cmp(&ea.articles.len())
                .then(eb.mentions.cmp(&ea.mentions))
                .then(ea.name.cmp(&eb.name))
        });
        let mut ranked_by_kind: [Vec<EntityId>; 5] = Default::default();
        for &id in &ranked {
            ranked_by_kind[kind_slot(index[id].kind)].push(id);
        }
        Self {
            names,
            kinds,
            article_counts,
            aliases,
            titles: Texts::new(titles.into_iter().map(str::to_lowercase)),
            ranked,
            ranked_by_kind,
        }
    }

    /// Returns every entity, most articles first.
    pub fn ranked_entities(&self) -> &[EntityId] {
        &self.ranked
    }

    /// Splits `query` into entity terms and free text: a qualifier keeps
    /// the longest run of its words that still names an entity of its kind
    /// (at least its first word); the words after that run are free text.
    pub fn split(&self, query: &str) -> Split {
        let mut entities = Vec::new();
        let mut text: Vec<String> = Vec::new();
        for term in parse(query) {
            let Some(kind) = term.kind else {
                text.push(term.text);
                continue;
            };
            let words: Vec<&str> = term.text.split(' ').filter(|w| !w.is_empty()).collect();
            let mut keep = words.len();
            while keep > 1 && !self.names_any(kind, &words[..keep].join(" ")) {
                keep -= 1;
            }
            entities.push(Term {
                kind: Some(kind),
                text: words[..keep].join(" "),
            });
            text.extend(words[keep..].iter().map(|w| (*w).to_owned()));
        }
        Split {
            entities,
            text: text.join(" "),
        }
    }

    /// Returns whether some entity of `kind` has `text` in its name or an
    /// alias.
    fn names_any(&self, kind: EntityKind, text: &str) -> bool {
        self.pool(Some(kind)).iter().any(|&id| {
            self.names.at(id).contains(text)
                || self.aliases[id as usize].iter().any(|a| a.contains(text))
        })
    }

    /// Returns the entities a term's text names: those whose name is
    /// exactly the text; else those whose name or an alias contains it;
    /// failing that, the single best fuzzy match.
    fn entities_for(&self, term: &Term) -> Vec<EntityId> {
        let named = self.entities_named(term);
        if !named.is_empty() || term.text.is_empty() {
            return named;
        }
        let matcher = SkimMatcherV2::default().respect_case();
        self.pool(term.kind)
            .iter()
            .filter_map(|&id| {
                matcher
                    .fuzzy_match(self.names.at(id), &term.text)
                    .map(|s| (s, id))
            })
            .max_by_key(|&(s, id)| (s, std::cmp::Reverse(id)))
            .map(|(_, id)| vec![id])
            .unwrap_or_default()
    }

    /// [`entities_for`](Self::entities_for) without the fuzzy fallback.
    fn entities_named(&self, term: &Term) -> Vec<EntityId> {
        let pool = self.pool(term.kind);
        if term.text.is_empty() {
            return pool.to_vec();
        }
        let exact: Vec<EntityId> = pool
            .iter()
            .copied()
            .filter(|&id| self.names.at(id) == term.text)
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        let hits: Vec<EntityId> = pool
            .iter()
            .copied()
            .filter(|&id| {
                self.names.at(id).contains(&term.text)
                    || self.aliases[id as usize]
                        .iter()
                        .any(|a| a.contains(&term.text))
            })
            .collect();
        hits
    }

    /// Returns the articles that free text names without searching their
    /// text: those naming an entity whose name is the text or contains it
    /// (no fuzzy match), and those whose title contains it; the entity is
    /// the best such, and `None` when the text names no entity.
    pub fn named(&self, index: &EntityIndex, text: &str) -> FilterResult {
        let term = Term {
            kind: None,
            text: text.to_lowercase(),
        };
        let entities = if term.text.is_empty() {
            Vec::new()
        } else {
            self.entities_named(&term)
        };
        let mut hit = self.articles_of(index, &entities);
        for (h, title) in hit.iter_mut().zip(self.titles.iter()) {
            *h |= !term.text.is_empty() && title.contains(&term.text);
        }
        let entity = self.best_of(&entities, &term.text);
        let label = match entity {
            Some(id) if self.names.at(id) == term.text => {
                let e = &index[id];
                format!("{}: {}", e.kind, e.name)
            }
            _ => text.to_owned(),
        };
        FilterResult {
            articles: selected_articles(&hit),
            entity,
            label,
        }
    }

    /// Marks, per article, whether it names one of `entities`.
    fn articles_of(&self, index: &EntityIndex, entities: &[EntityId]) -> Vec<bool> {
        let mut hit = vec![false; self.titles.len()];
        for &id in entities {
            for &article in &index[id].articles {
                if let Some(h) = hit.get_mut(article as usize) {
                    *h = true;
                }
            }
        }
        hit
    }

    fn pool(&self, kind: Option<EntityKind>) -> &[EntityId] {
        match kind {
            Some(k) => &self.ranked_by_kind[kind_slot(k)],
            None => &self.ranked,
        }
    }

    /// Returns the articles selected by `query` (all terms must hold), in
    /// corpus order. A free-text term matches entity names and titles; a
    /// qualified term only entities of its kind.
    pub fn apply(&self, index: &EntityIndex, query: &str) -> FilterResult {
        self.apply_terms(index, &parse(query))
    }

    /// [`apply`](Self::apply) for terms already parsed (or [`split`](Self::split)).
    pub fn apply_terms(&self, index: &EntityIndex, terms: &[Term]) -> FilterResult {
        let mut selected: Option<Vec<bool>> = None;
        let mut focus = None;
        let mut labels = Vec::new();
        for term in terms {
            let entities = self.entities_for(term);
            let mut hit = self.articles_of(index, &entities);
            if term.kind.is_none() && !term.text.is_empty() {
                for (h, title) in hit.iter_mut().zip(self.titles.iter()) {
                    *h |= title.contains(&term.text);
                }
            }
            let best = self.best_of(&entities, &term.text);
            if focus.is_none() {
                focus = best;
            }
            labels.push(match best {
                Some(id) if self.names.at(id) == term.text || term.text.is_empty() => {
                    let e = &index[id];
                    if term.text.is_empty() {
                        format!("{}:", self.kinds[id as usize])
                    } else {
                        format!("{}: {}", e.kind, e.name)
                    }
                }
                _ => match term.kind {
                    Some(k) => format!("{k}: {}", term.text),
                    None => term.text.clone(),
                },
            });
            selected = Some(match selected {
                None => hit,
                Some(prev) => prev.iter().zip(&hit).map(|(a, b)| *a && *b).collect(),
            });
        }
        let articles = selected.map_or_else(
            || (0..self.titles.len() as u32).collect(),
            |s| selected_articles(&s),
        );
        FilterResult {
            articles,
            entity: focus,
            label: labels.join(" · "),
        }
    }

    /// Returns the entity among `ids` that best stands for `text`: an exact
    /// name first, then the one in most articles.
    fn best_of(&self, ids: &[EntityId], text: &str) -> Option<EntityId> {
        ids.iter()
            .copied()
            .find(|&id| self.names.at(id) == text)
            .or_else(|| {
                ids.iter()
                    .copied()
                    .max_by_key(|&id| (self.article_counts[id as usize], std::cmp::Reverse(id)))
            })
    }
}

/// Returns the indices of the articles marked true.
fn selected_articles(hit: &[bool]) -> Vec<u32> {
    hit.iter()
        .enumerate()
        .filter(|(_, h)| **h)
        .map(|(i, _)| i as u32)
        .collect()
}

/// Ranks suggestions keystroke by keystroke, remembering which candidates
/// survived the previous query so that a growing query only rescans them.
#[derive(Default)]
pub struct Ranker {
    matcher: SkimMatcherV2,
    last: Option<(Option<EntityKind>, String)>,
    entity_pool: Vec<EntityId>,
    title_pool: Vec<u32>,
}

impl std::fmt::Debug for Ranker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ranker")
            .field("last", &self.last)
            .finish_non_exhaustive()
    }
}

impl Ranker {
    pub fn new() -> Self {
        Self {
            matcher: SkimMatcherV2::default().respect_case(),
            ..Self::default()
        }
    }

    /// Returns up to `limit` suggestions for the last term of `query`, best
    /// first: entities (narrowed by the term's qualifier) then, for free
    /// text, article titles. An empty qualified term lists that kind's
    /// entities by article count.
    pub fn rank(&mut self, index: &FilterIndex, query: &str, limit: usize) -> Vec<Suggestion> {
        let Some(term) = parse(query).pop() else {
            self.last = None;
            return Vec::new();
        };
        if limit == 0 {
            return Vec::new();
        }
        if term.text.is_empty() {
            self.last = None;
            return index
                .pool(term.kind)
                .iter()
                .take(limit)
                .map(|&id| Suggestion {
                    target: Target::Entity(id),
                    score: 0,
                    matched: Vec::new(),
                })
                .collect();
        }
        let grows = self
            .last
            .as_ref()
            .is_some_and(|(k, t)| *k == term.kind && term.text.starts_with(t.as_str()));
        if !grows {
            self.entity_pool = index.pool(term.kind).to_vec();
            self.title_pool = if term.kind.is_none() {
                (0..index.titles.len() as u32).collect()
            } else {
                Vec::new()
            };
        }
        self.last = Some((term.kind, term.text.clone()));
        let pattern = term.text.as_str();
        // A cheap score over every surviving candidate picks a shortlist;
        // only the shortlist is scored by the fuzzy matcher.
        let finder = memmem::Finder::new(pattern);
        let mut entities = scan(&self.entity_pool, &index.names, pattern, &finder);
        for (score, id) in &mut entities {
            *score += i64::from(index.article_counts[*id as usize].min(50));
        }
        self.entity_pool = entities.iter().map(|&(_, id)| id).collect();
        let mut titles = scan(&self.title_pool, &index.titles, pattern, &finder);
        self.title_pool = titles.iter().map(|&(_, i)| i).collect();
        let by_score = |a: &(i64, u32), b: &(i64, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        let shortlist = limit.max(8) * SHORTLIST_FACTOR;
        top_k(&mut entities, shortlist, by_score);
        top_k(&mut titles, shortlist, by_score);
        rescore(&self.matcher, &mut entities, &index.names, pattern);
        rescore(&self.matcher, &mut titles, &index.titles, pattern);
        // The entity named exactly as typed comes first.
        for (score, id) in &mut entities {
            if index.names.at(*id) == pattern {
                *score = score.saturating_add(EXACT_BONUS);
            }
        }
        let entity_cmp = |a: &(i64, u32), b: &(i64, u32)| {
            b.0.cmp(&a.0)
                .then(index.article_counts[b.1 as usize].cmp(&index.article_counts[a.1 as usize]))
                .then(a.1.cmp(&b.1))
        };
        // Entities come first but leave titles at least a third of the room.
        let entity_room = if titles.is_empty() {
            limit
        } else {
            limit - limit / 3
        };
        top_k(&mut entities, entity_room, entity_cmp);
        top_k(&mut titles, limit - entities.len(), by_score);
        let mut out = Vec::with_capacity(entities.len() + titles.len());
        for (score, id) in entities {
            out.push(Suggestion {
                target: Target::Entity(id),
                score,
                matched: self.indices(index.names.at(id), pattern),
            });
        }
        for (score, i) in titles {
            out.push(Suggestion {
                target: Target::Article(i),
                score,
                matched: self.indices(index.titles.at(i), pattern),
            });
        }
        out
    }

    fn indices(&self, choice: &str, pattern: &str) -> Vec<usize> {
        self.matcher
            .fuzzy_indices(choice, pattern)
            .map(|(_, m)| m)
            .unwrap_or_default()
    }
}

mod score;
