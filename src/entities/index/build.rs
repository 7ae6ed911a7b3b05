//! Building an [`EntityIndex`] from each article's mentions, in one pass
//! over them: the mentions of a large corpus do not fit in cache, so every
//! extra pass over them costs more than the work it saves.

use rayon::prelude::*;

use super::{Entity, EntityId, EntityIndex, FastMap, IndexedMention};
use crate::entities::{EntityKind, Mention};

impl EntityIndex {
    /// Builds the index from each article's mentions, in article order.
    /// `texts[i]` is the text `mentions[i]` points into.
    pub fn build(texts: &[&str], mentions: Vec<Vec<Mention>>) -> Self {
        let mut ids: [FastMap<String, EntityId>; EntityKind::ALL.len()] = Default::default();
        let mut index = EntityIndex {
            entities: Vec::new(),
            mentions: Vec::with_capacity(mentions.len()),
            article_entities: Vec::with_capacity(mentions.len()),
        };
        for (article, list) in mentions.iter().enumerate() {
            let text = texts.get(article).copied().unwrap_or_default();
            // An article names a few dozen entities: a scan beats a map.
            let mut counts: Vec<(EntityId, u32)> = Vec::new();
            let mut indexed = Vec::with_capacity(list.len());
            for m in list {
                let by_name = &mut ids[m.kind as usize];
                let id = if let Some(&id) = by_name.get(&*m.name) {
                    id
                } else {
                    let id = index.entities.len() as EntityId;
                    by_name.insert(m.name.to_string(), id);
                    index.entities.push(Entity {
                        name: m.name.to_string(),
                        kind: m.kind,
                        aliases: Vec::new(),
                        articles: Vec::new(),
                        mentions: 0,
                        country: m.country.as_deref().map(str::to_owned),
                    });
                    id
                };
                let entity = &mut index.entities[id as usize];
                entity.mentions += 1;
                if let Some(surface) = text.get(m.start..m.end)
                    && !entity.aliases.iter().any(|a| a == surface)
                {
                    entity.aliases.push(surface.to_owned());
                }
                match counts.iter_mut().find(|(e, _)| *e == id) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((id, 1)),
                }
                indexed.push(IndexedMention {
                    entity: id,
                    start: m.start,
                    end: m.end,
                });
            }
            counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            for &(id, n) in &counts {
                index.entities[id as usize]
                    .articles
                    .push((article as u32, n));
            }
            index.article_entities.push(counts);
            index.mentions.push(indexed);
        }
        // Millions of small names, most allocated on other threads: freed
        // on all cores rather than one by one in the loop above.
        mentions.into_par_iter().for_each(drop);
        index
    }
}
