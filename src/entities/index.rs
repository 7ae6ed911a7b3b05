//! The entity index: entity → articles with mention counts, article →
//! entities, co-occurrence, and the articles most related by shared entities.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{EntityKind, Mention};

/// Index of an entity in [`EntityIndex::entities`].
pub type EntityId = u32;

/// One canonical entity across the corpus.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    /// Surface forms seen in the texts ("Japanese", "Tokyo", ...).
    pub aliases: Vec<String>,
    /// Articles (indices into the corpus) that mention it, with counts,
    /// in article order.
    pub articles: Vec<(u32, u32)>,
    /// Total mentions across the corpus.
    pub mentions: u32,
    /// The country it belongs to, where known.
    pub country: Option<String>,
}

/// A mention resolved to an entity of the index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexedMention {
    pub entity: EntityId,
    pub start: usize,
    pub end: usize,
}

/// Entities of a whole corpus, joined across its articles.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EntityIndex {
    pub entities: Vec<Entity>,
    /// Per article: its mentions in text order.
    pub mentions: Vec<Vec<IndexedMention>>,
    /// Per article: its entities with mention counts, most mentioned first.
    pub article_entities: Vec<Vec<(EntityId, u32)>>,
}

impl EntityIndex {
    /// Builds the index from each article's mentions, in article order.
    /// `texts[i]` is the text `mentions[i]` points into.
    pub fn build(texts: &[&str], mentions: Vec<Vec<Mention>>) -> Self {
        let mut ids: HashMap<(EntityKind, String), EntityId> = HashMap::new();
        let mut index = EntityIndex::default();
        for (article, list) in mentions.into_iter().enumerate() {
            let mut counts: HashMap<EntityId, u32> = HashMap::new();
            let mut indexed = Vec::with_capacity(list.len());
            for m in list {
                let id = *ids.entry((m.kind, m.name.clone())).or_insert_with(|| {
                    index.entities.push(Entity {
                        name: m.name.clone(),
                        kind: m.kind,
                        aliases: Vec::new(),
                        articles: Vec::new(),
                        mentions: 0,
                        country: m.country.clone(),
                    });
                    (index.entities.len() - 1) as EntityId
                });
                let entity = &mut index.entities[id as usize];
                entity.mentions += 1;
                if let Some(surface) = texts.get(article).and_then(|t| t.get(m.start..m.end))
                    && !entity.aliases.iter().any(|a| a == surface)
                {
                    entity.aliases.push(surface.to_owned());
                }
                *counts.entry(id).or_default() += 1;
                indexed.push(IndexedMention {
                    entity: id,
                    start: m.start,
                    end: m.end,
                });
            }
            let mut counts: Vec<(EntityId, u32)> = counts.into_iter().collect();
            counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            for &(id, n) in &counts {
                index.entities[id as usize]
                    .articles
                    .push((article as u32, n));
            }
            index.article_entities.push(counts);
            index.mentions.push(indexed);
        }
        index
    }

    /// Returns the id of the entity with this kind and canonical name.
    pub fn find(&self, kind: EntityKind, name: &str) -> Option<EntityId> {
        self.entities
            .iter()
            .position(|e| e.kind == kind && e.name == name)
            .map(|i| i as EntityId)
    }

    /// Returns the articles that share most entities with `article`, best
    /// first, each with the shared entities.
    pub fn related(&self, article: usize, limit: usize) -> Vec<(usize, Vec<EntityId>)> {
        let mut shared: HashMap<usize, Vec<EntityId>> = HashMap::new();
        for &(id, _) in self
            .article_entities
            .get(article)
            .map_or(&[][..], Vec::as_slice)
        {
            for &(other, _) in &self.entities[id as usize].articles {
                if other as usize != article {
                    shared.entry(other as usize).or_default().push(id);
                }
            }
        }
        let mut out: Vec<_> = shared.into_iter().collect();
        out.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
        out.truncate(limit);
        out
    }
}
