//! The entity index: entity → articles with mention counts, article →
//! entities, co-occurrence, and the articles most related by shared entities.

use serde::{Deserialize, Serialize};

use super::wordset::FastMap;
use super::{EntityKind, Location};

mod build;
mod identity;
mod lists;

pub use build::{IndexBuilder, free_mentions};
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

/// A mention resolved to an entity of the index: 8 bytes, since a corpus
/// holds one for every name in every article (ten million in 100,000
/// articles; at 12 bytes they were 121 MB, the most of any part of the
/// index). Its byte span is `start..start + len` (see [`Self::span`]).
///
/// Packed in two words: the start with the [`Location`] in its low two
/// bits, and the entity id with the name's length in its low eight bits.
/// So a mention's span starts within the first GiB of its text, its name
/// is at most 255 bytes, and its entity is one of the first 16.7 million
/// of the corpus; a mention outside those bounds is not highlighted.
#[derive(Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexedMention {
    start_and_location: u32,
    entity_and_len: u32,
}

/// Bits of [`IndexedMention::entity_and_len`] that hold the length.
const LEN_BITS: u32 = 8;
/// Bits of [`IndexedMention::start_and_location`] that hold the location.
const LOCATION_BITS: u32 = 2;

impl IndexedMention {
    /// The mention of `entity` at `span`; `None` for a span that starts
    /// past 1 GiB or is longer than 255 bytes, or an id past 16.7 million,
    /// which is not highlighted.
    pub fn new(entity: EntityId, span: std::ops::Range<usize>, location: Location) -> Option<Self> {
        let start = u32::try_from(span.start).ok()?;
        let len = u32::try_from(span.end.checked_sub(span.start)?).ok()?;
        if start >> (32 - LOCATION_BITS) != 0
            || len >> LEN_BITS != 0
            || entity >> (32 - LEN_BITS) != 0
        {
            return None;
        }
        let location = match location {
            Location::Text => 0,
            Location::Title => 1,
            Location::Byline => 2,
            Location::Copies => 3,
        };
        Some(Self {
            start_and_location: start << LOCATION_BITS | location,
            entity_and_len: entity << LEN_BITS | len,
        })
    }

    /// Returns the same mention of entity `entity` instead, if that id fits.
    pub fn with_entity(self, entity: EntityId) -> Option<Self> {
        (entity >> (32 - LEN_BITS) == 0).then_some(Self {
            entity_and_len: entity << LEN_BITS | (self.entity_and_len & ((1 << LEN_BITS) - 1)),
            ..self
        })
    }

    /// Returns the entity it names.
    pub fn entity(&self) -> EntityId {
        self.entity_and_len >> LEN_BITS
    }

    /// Returns the byte offset of the mention in its part of the article.
    pub fn start(&self) -> usize {
        (self.start_and_location >> LOCATION_BITS) as usize
    }

    /// Returns the length of the name in bytes.
    pub fn name_len(&self) -> usize {
        (self.entity_and_len & ((1 << LEN_BITS) - 1)) as usize
    }

    /// Returns the part of the article its span points into.
    pub fn location(&self) -> Location {
        match self.start_and_location & ((1 << LOCATION_BITS) - 1) {
            0 => Location::Text,
            1 => Location::Title,
            2 => Location::Byline,
            _ => Location::Copies,
        }
    }

    /// Returns the byte offset just past the mention.
    pub fn end(&self) -> usize {
        self.start() + self.name_len()
    }

    /// Returns the byte span of the mention.
    pub fn span(&self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }
}

impl std::fmt::Debug for IndexedMention {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IndexedMention")
            .field("entity", &self.entity())
            .field("span", &self.span())
            .field("location", &self.location())
            .finish()
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

    /// Lets every mention go, keeping the entities and their counts: what
    /// a caller that shows no text holds of the index.
    pub fn drop_mentions(&mut self) {
        self.mentions = Lists::default();
    }

    /// Returns the entities of article `article` with their mention
    /// counts, most mentioned first; none for an unknown article.
    pub fn entities_in(&self, article: usize) -> &[(EntityId, u32)] {
        self.article_entities.get(article).unwrap_or_default()
    }

    /// Fills every entity's articles from the lists of each article's
    /// entities: the same relation, seen from the other side, which a
    /// snapshot keeps once and a build finds at its end. The articles are
    /// split among the cores: each counts how many of its articles name
    /// each entity, then fills its own stretch of every entity's list,
    /// allocated once at its length (grown article by article while a
    /// cold open found the entities, the lists held 48 MB for 28 MB of
    /// articles at 82,000 of 100,000 articles). Returns false,
    /// leaving the articles as they were, when a list names an entity the
    /// index does not have.
    pub(crate) fn restore_articles(&mut self) -> bool {
        use rayon::prelude::*;
        let (lists, entities) = (&self.article_entities, self.entities.len());
        let per_part = lists.len().div_ceil(rayon::current_num_threads()).max(1);
        let parts: Vec<std::ops::Range<usize>> = (0..lists.len())
            .step_by(per_part)
            .map(|first| first..(first + per_part).min(lists.len()))
            .collect();
        let counts: Option<Vec<Vec<u32>>> = parts
            .par_iter()
            .map(|range| naming_counts(lists, range.clone(), entities))
            .collect();
        let Some(counts) = counts else {
            return false;
        };
        let mut articles: Vec<Vec<u32>> = (0..entities)
            .map(|id| vec![0; counts.iter().map(|c| c[id] as usize).sum()])
            .collect();
        let mut stretches: Vec<Vec<&mut [u32]>> =
            parts.iter().map(|_| Vec::with_capacity(entities)).collect();
        for (id, list) in articles.iter_mut().enumerate() {
            let mut rest = list.as_mut_slice();
            for (part, stretch) in counts.iter().zip(&mut stretches) {
                let (mine, later) = std::mem::take(&mut rest).split_at_mut(part[id] as usize);
                stretch.push(mine);
                rest = later;
            }
        }
        parts
            .into_par_iter()
            .zip(stretches)
            .for_each(|(range, mut stretch)| {
                for k in range {
                    for &(id, _) in lists.get(k).unwrap_or_default() {
                        // Each stretch was counted to hold exactly these.
                        let left = std::mem::take(&mut stretch[id as usize]);
                        if let Some((slot, rest)) = left.split_first_mut() {
                            *slot = k as u32;
                            stretch[id as usize] = rest;
                        }
                    }
                }
            });
        for (entity, list) in self.entities.iter_mut().zip(articles) {
            entity.articles = list;
        }
        true
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
    let body = all.partition_point(|m| m.location() == Location::Text);
    &all[..body]
}

/// Returns, for each of `entities` entities, how many articles among
/// `range` have lists that name it; `None` when a list names another.
fn naming_counts(
    lists: &Lists<(EntityId, u32)>,
    range: std::ops::Range<usize>,
    entities: usize,
) -> Option<Vec<u32>> {
    let mut counts = vec![0u32; entities];
    for k in range {
        for &(id, _) in lists.get(k).unwrap_or_default() {
            *counts.get_mut(id as usize)? += 1;
        }
    }
    Some(counts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Mention;

    #[test]
    fn a_mention_packs_into_eight_bytes_and_reads_back_whole() {
        assert_eq!(std::mem::size_of::<IndexedMention>(), 8);
        for (entity, span, location) in [
            (0, 0..0, Location::Text),
            (7, 120..131, Location::Title),
            (
                (1 << 24) - 1,
                (1 << 30) - 300..(1 << 30) - 45,
                Location::Byline,
            ),
        ] {
            let m = IndexedMention::new(entity, span.clone(), location).expect("fits");
            assert_eq!(
                (m.entity(), m.span(), m.location()),
                (entity, span, location)
            );
            let moved = m.with_entity(12_345).expect("fits");
            assert_eq!(
                (moved.entity(), moved.span(), moved.location()),
                (12_345, m.span(), location)
            );
        }
    }

    #[test]
    fn a_mention_past_its_bounds_is_not_kept() {
        let text = Location::Text;
        assert!(IndexedMention::new(1 << 24, 0..4, text).is_none(), "id");
        assert!(IndexedMention::new(3, 0..256, text).is_none(), "length");
        assert!(
            IndexedMention::new(3, 1 << 30..(1 << 30) + 4, text).is_none(),
            "start"
        );
        assert!(
            IndexedMention::new(3, std::ops::Range { start: 9, end: 4 }, text).is_none(),
            "reversed"
        );
        let m = IndexedMention::new(3, 0..255, text).expect("fits");
        assert!(m.with_entity(1 << 24).is_none());
    }

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
    fn articles_restored_from_each_articles_entities_are_those_built() {
        let houston = Mention {
            country: Some("United States".into()),
            ..mention("Houston", EntityKind::Place)
        };
        let built = EntityIndex::build(
            &[""; 6],
            vec![
                vec![mention("Skyeton", EntityKind::Company)],
                vec![],
                vec![houston.clone(), mention("Japan", EntityKind::Country)],
                vec![mention("Japan", EntityKind::Country), houston],
                vec![mention("Skyeton", EntityKind::Company)],
                vec![mention("NATO", EntityKind::Organization)],
            ],
        );
        let us = built
            .find(EntityKind::Country, "United States")
            .expect("known through Houston");
        assert_eq!(built.entities[us as usize].articles, [2, 3]);
        let mut restored = built.clone();
        for entity in &mut restored.entities {
            entity.articles.clear();
        }
        assert!(restored.restore_articles());
        assert_eq!(restored, built);
        // A list naming an entity the index lacks is refused.
        restored.entities.pop();
        assert!(!restored.restore_articles());
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
}
