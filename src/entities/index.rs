//! The entity index: entity → articles with mention counts, article →
//! entities, co-occurrence, and the articles most related by shared entities.

use serde::{Deserialize, Serialize};

use super::wordset::FastMap;
use super::{EntityKind, Location};

mod build;
mod lists;

pub use build::IndexBuilder;
pub use lists::{Lists, Slice};

/// Index of an entity in [`EntityIndex::entities`].
pub type EntityId = u32;

/// One canonical entity across the corpus.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    /// Surface forms seen in the texts ("Japanese", "Tokyo", ...).
    pub aliases: Vec<String>,
    /// Articles (indices into the corpus) that mention it, in article
    /// order. How often each names it is in
    /// [`EntityIndex::entities_in`]: the counts were kept twice, 66 MB at
    /// 100,000 articles.
    pub articles: Vec<u32>,
    /// Total mentions across the corpus.
    pub mentions: u32,
    /// The country it belongs to, where known.
    pub country: Option<String>,
}

/// A mention resolved to an entity of the index: 12 bytes, since a corpus
/// holds one for every name in every article (ten million in 100,000
/// articles). Its byte span is `start..start + len` (see [`Self::span`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexedMention {
    pub entity: EntityId,
    pub start: u32,
    /// Bytes of the name: a name is a few words, never 64 KiB.
    pub len: u16,
    /// The part of the article the span points into.
    pub location: Location,
}

impl IndexedMention {
    /// The mention of `entity` at `span`; `None` for a span past 4 GiB or
    /// longer than 64 KiB, which is not highlighted.
    pub fn new(entity: EntityId, span: std::ops::Range<usize>, location: Location) -> Option<Self> {
        Some(Self {
            entity,
            start: u32::try_from(span.start).ok()?,
            len: u16::try_from(span.end.checked_sub(span.start)?).ok()?,
            location,
        })
    }

    /// Returns the byte offset just past the mention.
    pub fn end(&self) -> usize {
        self.start as usize + usize::from(self.len)
    }

    /// Returns the byte span of the mention.
    pub fn span(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end()
    }
}

/// Entities of a whole corpus, joined across its articles. Read through
/// its accessors; only building and the cache (storage) see the vectors.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EntityIndex {
    pub(crate) entities: Vec<Entity>,
    /// Per article: its mentions in text order.
    pub(crate) mentions: Lists<IndexedMention>,
    /// Per article: its entities with mention counts, most mentioned first.
    /// A country known only through a place ("Houston") counts 0 mentions.
    pub(crate) article_entities: Lists<(EntityId, u32)>,
    /// Per article: the countries it does not name but names a place of,
    /// each with that place: (country, place).
    pub(crate) derived: Vec<Vec<(EntityId, EntityId)>>,
}

impl std::ops::Index<EntityId> for EntityIndex {
    type Output = Entity;

    /// Returns entity `id`, which must be an id of this index.
    fn index(&self, id: EntityId) -> &Entity {
        &self.entities[id as usize]
    }
}

impl EntityIndex {
    /// Returns entity `id`, if this index has it.
    pub fn entity(&self, id: EntityId) -> Option<&Entity> {
        self.entities.get(id as usize)
    }

    /// Returns every entity with its id, in id order.
    pub fn entities(&self) -> impl ExactSizeIterator<Item = (EntityId, &Entity)> {
        self.entities
            .iter()
            .enumerate()
            .map(|(i, e)| (i as EntityId, e))
    }

    /// Returns how many entities the index holds.
    pub fn entity_count(&self) -> usize {
        self.entities.len()
    }

    /// Returns how many articles the index covers.
    pub fn article_count(&self) -> usize {
        self.article_entities.len()
    }

    /// Returns the mentions of article `article` (body first, in text
    /// order, then title and byline); none for an unknown article.
    pub fn mentions_in(&self, article: usize) -> &[IndexedMention] {
        self.mentions.get(article).unwrap_or_default()
    }

    /// Returns the entities of article `article` with their mention
    /// counts, most mentioned first; none for an unknown article.
    pub fn entities_in(&self, article: usize) -> &[(EntityId, u32)] {
        self.article_entities.get(article).unwrap_or_default()
    }

    /// Returns the id of the entity with this kind and canonical name.
    pub fn find(&self, kind: EntityKind, name: &str) -> Option<EntityId> {
        self.entities
            .iter()
            .position(|e| e.kind == kind && e.name == name)
            .map(|i| i as EntityId)
    }

    /// Returns the mentions in the body of article `article`, in text
    /// order (the title's and the byline's follow them in
    /// [`Self::mentions_in`]).
    pub fn text_mentions(&self, article: usize) -> &[IndexedMention] {
        text_part(self.mentions_in(article))
    }

    /// Returns the place through which article `article` has the country
    /// `country`, if the article does not name the country itself.
    pub fn derived_via(&self, article: usize, country: EntityId) -> Option<EntityId> {
        self.derived
            .get(article)?
            .iter()
            .find(|&&(c, _)| c == country)
            .map(|&(_, place)| place)
    }

    /// Returns how much sharing entity `id` says about two articles: its
    /// inverse document frequency, so that a rare company shared weighs
    /// more than a country every article names.
    pub fn weight(&self, id: EntityId) -> f64 {
        let articles = self.article_entities.len().max(1) as f64;
        let df = self
            .entities
            .get(id as usize)
            .map_or(1, |e| e.articles.len().max(1)) as f64;
        (1.0 + articles / df).ln()
    }

    /// Returns the articles that share most entities with `article`, best
    /// first by the summed [`weight`](Self::weight) of the shared entities,
    /// each with the shared entities, heaviest first.
    pub fn related(&self, article: usize, limit: usize) -> Vec<(usize, Vec<EntityId>)> {
        let own = self.entities_in(article);
        if own.is_empty() || limit == 0 {
            return Vec::new();
        }
        // One dense score per article: cheaper than a map when a country is
        // shared with most of a large corpus.
        let mut scores = vec![0f64; self.article_entities.len()];
        for &(id, _) in own {
            let w = self.weight(id);
            for &other in &self.entities[id as usize].articles {
                scores[other as usize] += w;
            }
        }
        scores[article] = 0.0;
        let mut best: Vec<usize> = (0..scores.len()).filter(|&a| scores[a] > 0.0).collect();
        let by_score = |a: &usize, b: &usize| scores[*b].total_cmp(&scores[*a]).then(a.cmp(b));
        if best.len() > limit {
            best.select_nth_unstable_by(limit - 1, by_score);
            best.truncate(limit);
        }
        best.sort_by(by_score);
        let mut own_by_weight: Vec<EntityId> = own.iter().map(|&(id, _)| id).collect();
        own_by_weight.sort_by(|x, y| self.weight(*y).total_cmp(&self.weight(*x)).then(x.cmp(y)));
        best.into_iter()
            .map(|other| {
                let shared = own_by_weight
                    .iter()
                    .copied()
                    .filter(|&id| {
                        self.entities[id as usize]
                            .articles
                            .binary_search(&(other as u32))
                            .is_ok()
                    })
                    .collect();
                (other, shared)
            })
            .collect()
    }

    /// Returns the entities that appear in the same articles as `id`, with
    /// the number of articles they share, most shared first.
    pub fn cooccurring(&self, id: EntityId, limit: usize) -> Vec<(EntityId, u32)> {
        let mut together: FastMap<EntityId, u32> = FastMap::default();
        let articles = self
            .entities
            .get(id as usize)
            .map_or(&[][..], |e| e.articles.as_slice());
        for &article in articles {
            for &(other, _) in &self.article_entities[article as usize] {
                if other != id {
                    *together.entry(other).or_default() += 1;
                }
            }
        }
        let mut out: Vec<(EntityId, u32)> = together.into_iter().collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        out.truncate(limit);
        out
    }
}

/// Returns the mentions in the body among `all` the mentions of one
/// article, as the index holds them (see [`EntityIndex::mentions_in`]).
pub fn text_part(all: &[IndexedMention]) -> &[IndexedMention] {
    let body = all.partition_point(|m| m.location == Location::Text);
    &all[..body]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Mention;

    fn mention(name: &str, kind: EntityKind) -> Mention {
        Mention {
            start: 0,
            end: 0,
            name: name.to_owned().into(),
            kind,
            country: None,
            location: Location::Text,
        }
    }

    fn index() -> EntityIndex {
        let c = EntityKind::Country;
        let co = EntityKind::Company;
        EntityIndex::build(
            &["", "", "", ""],
            vec![
                vec![
                    mention("Japan", c),
                    mention("Skyeton", co),
                    mention("Japan", c),
                ],
                vec![mention("Japan", c), mention("Skyeton", co)],
                vec![mention("Japan", c), mention("Ukraine", c)],
                vec![
                    mention("Japan", c),
                    mention("Ukraine", c),
                    mention("Skyeton", co),
                ],
            ],
        )
    }

    #[test]
    fn entities_count_articles_and_mentions() {
        let idx = index();
        let japan = idx
            .find(EntityKind::Country, "Japan")
            .expect("Japan indexed");
        assert_eq!(idx.entities[japan as usize].mentions, 5);
        assert_eq!(idx.entities[japan as usize].articles[0], 0);
        assert_eq!(idx.article_entities[0][0], (japan, 2));
    }

    #[test]
    fn related_prefers_rarer_shared_entities() {
        let idx = index();
        // Article 1 shares Japan with all, Skyeton (rarer) with 0 and 3.
        let related = idx.related(1, 10);
        assert_eq!(related.len(), 3);
        assert_eq!(related[2].0, 2, "only the common Japan is shared with 2");
        let skyeton = idx.find(EntityKind::Company, "Skyeton").expect("indexed");
        assert_eq!(related[0].1[0], skyeton);
    }

    #[test]
    fn cooccurring_counts_shared_articles() {
        let idx = index();
        let ukraine = idx.find(EntityKind::Country, "Ukraine").expect("indexed");
        let japan = idx.find(EntityKind::Country, "Japan").expect("indexed");
        let with = idx.cooccurring(ukraine, 5);
        assert_eq!(with[0], (japan, 2));
        assert!(idx.related(99, 5).is_empty());
        assert!(idx.cooccurring(999, 5).is_empty());
    }

    #[test]
    fn a_mention_is_twelve_bytes_and_keeps_its_span() {
        assert_eq!(std::mem::size_of::<IndexedMention>(), 12);
        let m = IndexedMention::new(7, 40..52, Location::Text).expect("a name");
        assert_eq!((m.span(), m.end()), (40..52, 52));
        assert!(IndexedMention::new(7, 0..70_000, Location::Text).is_none());
        assert!(IndexedMention::new(7, 5_000_000_000..5_000_000_004, Location::Text).is_none());
    }
}
