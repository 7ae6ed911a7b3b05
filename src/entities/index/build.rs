//! Building an [`EntityIndex`] from each article's mentions: runs of
//! articles are indexed as they come ([`IndexBuilder`]), each in parallel
//! parts of consecutive articles, so that only one run's mentions need be
//! alive at once; the partial indexes are then joined in article order, so
//! the result is the same as one pass over all articles would give
//! (entities numbered by first appearance, aliases and articles in order).

use rayon::prelude::*;

use super::identity::{better_name, company_identity};
use super::{Entity, EntityId, EntityIndex, FastMap, IndexedMention, Lists};
use crate::entities::{EntityKind, Location, Mention, derived_countries};

/// Articles per partial index: enough to make the join cheap beside the
/// work of each part, few enough that a part is indexed in a fraction of
/// a second (the count of a stage moves at least that often).
const ARTICLES_PER_PART: usize = 512;

/// Entity ids by name, one map per kind; companies by the name they are
/// known by across articles (see `identity`).
type Names = [FastMap<String, EntityId>; EntityKind::ALL.len()];

/// Returns the name an entity of this kind called `name` is known by.
fn known_as(name: &str, kind: EntityKind) -> &str {
    if kind == EntityKind::Company {
        company_identity(name)
    } else {
        name
    }
}

impl EntityIndex {
    /// Builds the index from each article's mentions, in article order.
    /// `texts[i]` is the text `mentions[i]` points into.
    pub fn build(texts: &[&str], mentions: Vec<Vec<Mention>>) -> Self {
        Self::build_in_parts(texts, mentions, ARTICLES_PER_PART)
    }

    /// [`Self::build`] with `per_part` articles in each partial index.
    fn build_in_parts(texts: &[&str], mentions: Vec<Vec<Mention>>, per_part: usize) -> Self {
        let mut builder = IndexBuilder::with_part_size(per_part);
        builder.add(texts, &mentions, &|_| {});
        free_mentions(mentions);
        builder.finish(&|_| {})
    }
}

/// Builds an [`EntityIndex`] a run of articles at a time, so that only
/// that run's mentions need be alive at once: each run is indexed on its
/// own (in parallel parts) as it comes, and its parts are then joined, in
/// article order, into the index of the runs before it
/// ([`IndexBuilder::join_pending`], which a caller may run beside the
/// next run's extraction).
#[derive(Debug)]
pub struct IndexBuilder {
    joined: Joined,
    /// The parts of the last run added, not yet joined.
    pending: Vec<EntityIndex>,
    per_part: usize,
    articles: usize,
    keep_mentions: bool,
}

impl Default for IndexBuilder {
    fn default() -> Self {
        Self::with_part_size(ARTICLES_PER_PART)
    }
}

impl IndexBuilder {
    /// A builder with no article yet.
    pub fn new() -> Self {
        Self::default()
    }

    fn with_part_size(per_part: usize) -> Self {
        Self {
            joined: Joined::default(),
            pending: Vec::new(),
            per_part: per_part.max(1),
            articles: 0,
            keep_mentions: true,
        }
    }

    /// A builder that counts the entities of each article but keeps no
    /// mention: for a caller that shows no article text, the index an
    /// unchanged folder's snapshot gives it too
    /// ([`EntityIndex::mentions_in`] is empty). The mentions were 121 MB
    /// of a cold `list --json` of 100,000 articles.
    #[must_use]
    pub fn without_mentions(mut self) -> Self {
        self.keep_mentions = false;
        self
    }

    /// Returns how many articles were added so far.
    pub fn articles(&self) -> usize {
        self.articles
    }

    /// Indexes the next articles, `mentions[i]` pointing into `texts[i]`;
    /// calls `done(n)` from any thread as each part of `n` of them is
    /// indexed. The parts of the run before are joined first, if they are
    /// still pending. The mentions are only read: the caller may store
    /// them meanwhile, and frees them after (see [`free_mentions`]).
    pub fn add(
        &mut self,
        texts: &[&str],
        mentions: &[Vec<Mention>],
        done: &(dyn Fn(usize) + Sync),
    ) {
        self.join_pending();
        let per_part = self.per_part;
        let parts: Vec<EntityIndex> = mentions
            .par_chunks(per_part)
            .enumerate()
            .map(|(n, chunk)| {
                let texts = texts.get(n * per_part..).unwrap_or_default();
                let indexed = part(texts, chunk, self.keep_mentions);
                done(chunk.len());
                indexed
            })
            .collect();
        self.articles += mentions.len();
        self.pending = parts;
    }

    /// Joins the parts of the last run added into the index of the runs
    /// before it: serial work, which a caller may do beside the next
    /// run's extraction rather than leave a core idle.
    pub fn join_pending(&mut self) {
        for part in std::mem::take(&mut self.pending) {
            self.joined.absorb(part);
        }
    }

    /// Returns the index of every article added, calling `done(n)` as
    /// `n` of them are done.
    pub fn finish(mut self, done: &dyn Fn(usize)) -> EntityIndex {
        self.join_pending();
        // The parts' names and lists were freed as they were joined, on a
        // thread other than the worker's that allocated them: have the
        // workers give the pages back (90 MB at the end of a cold open of
        // 100,000 articles).
        crate::memory::give_back();
        let mut index = self.joined.index;
        // Each entity's articles are found once all are indexed, each list
        // allocated at its length.
        let whole = index.restore_articles();
        debug_assert!(whole, "every entity an article names is indexed");
        done(self.articles);
        index
    }
}

/// Indexes the articles of `mentions` on their own: ids are local to the
/// part. Each entity's articles are left empty: they are found from each
/// article's entities once all are joined.
fn part(texts: &[&str], mentions: &[Vec<Mention>], keep: bool) -> EntityIndex {
    let mut names: Names = Default::default();
    let kept = if keep {
        Lists::with_capacity(mentions.len(), mentions.iter().map(Vec::len).sum())
    } else {
        Lists::default()
    };
    let mut index = EntityIndex {
        entities: Vec::new(),
        mentions: kept,
        article_entities: Lists::with_capacity(mentions.len(), 0),
        derived: Vec::with_capacity(mentions.len()),
    };
    for (i, list) in mentions.iter().enumerate() {
        let text = texts.get(i).copied().unwrap_or_default();
        // An article names a few dozen entities: a scan beats a map.
        let mut counts: Vec<(EntityId, u32)> = Vec::new();
        let mut indexed = Vec::with_capacity(if keep { list.len() } else { 0 });
        for m in list {
            let id = entity_id(
                &mut index,
                &mut names,
                &m.name,
                m.kind,
                m.country.as_deref(),
            );
            let entity = &mut index.entities[id as usize];
            entity.mentions += 1;
            let surface = match m.location {
                Location::Text => text.get(m.start..m.end),
                // The title and the byline are not kept here: their
                // surfaces are not aliases of the index.
                Location::Title | Location::Byline | Location::Copies => None,
            };
            if let Some(surface) = surface
                && !entity.aliases.iter().any(|a| a == surface)
            {
                entity.aliases.push(surface.to_owned());
            }
            match counts.iter_mut().find(|(e, _)| *e == id) {
                Some((_, n)) => *n += 1,
                None => counts.push((id, 1)),
            }
            if keep {
                indexed.extend(IndexedMention::new(id, m.start..m.end, m.location));
            }
        }
        // Body mentions first, in text order: the reader walks them by offset.
        indexed.sort_by_key(|m: &IndexedMention| m.location() != Location::Text);
        let mut derived = Vec::new();
        for (country, place) in derived_countries(list) {
            let country = entity_id(
                &mut index,
                &mut names,
                country,
                EntityKind::Country,
                Some(country),
            );
            let place = entity_id(&mut index, &mut names, place, EntityKind::Place, None);
            if !counts.iter().any(|&(e, _)| e == country) {
                counts.push((country, 0));
                derived.push((country, place));
            }
        }
        index.derived.push(derived);
        index.article_entities.push(counts);
        if keep {
            index.mentions.push(indexed);
        }
    }
    index
}

/// Returns the id of the entity of this kind and name, adding it if new.
fn entity_id(
    index: &mut EntityIndex,
    names: &mut Names,
    name: &str,
    kind: EntityKind,
    country: Option<&str>,
) -> EntityId {
    let by_name = &mut names[kind as usize];
    if let Some(&id) = by_name.get(known_as(name, kind)) {
        let entity = &mut index.entities[id as usize];
        // Only a company is found by another form of its name.
        if entity.name != name && better_name(name, &entity.name) {
            name.clone_into(&mut entity.name);
        }
        if entity.country.is_none()
            && let Some(country) = country
        {
            entity.country = Some(country.to_owned());
        }
        return id;
    }
    let id = index.entities.len() as EntityId;
    by_name.insert(known_as(name, kind).to_owned(), id);
    index.entities.push(Entity {
        name: name.to_owned(),
        kind,
        aliases: Vec::new(),
        articles: Vec::new(),
        mentions: 0,
        country: country.map(str::to_owned),
    });
    id
}

/// The partial indexes joined so far, in article order: an entity keeps
/// the id of its first appearance, and its aliases follow in the order the
/// parts saw them. Each part is joined as soon as its run is
/// indexed: kept until the end, the parts held each entity's name,
/// aliases and articles once per part that names it (`cargo bench --bench
/// index`, 100,000 articles naming 48,000 entities: a peak RSS of 1,289 MB,
/// 190 MB joined as they come).
#[derive(Debug, Default)]
struct Joined {
    index: EntityIndex,
    names: Names,
}

impl Joined {
    /// Joins the next part. Its lists are moved, not copied (see
    /// [`Lists::append`]).
    fn absorb(&mut self, part: EntityIndex) {
        let Self { index, names } = self;
        let global: Vec<EntityId> = part
            .entities
            .into_iter()
            .map(|entity| {
                let by_name = &mut names[entity.kind as usize];
                if let Some(&id) = by_name.get(known_as(&entity.name, entity.kind)) {
                    merge(&mut index.entities[id as usize], entity);
                    id
                } else {
                    let id = index.entities.len() as EntityId;
                    by_name.insert(known_as(&entity.name, entity.kind).to_owned(), id);
                    index.entities.push(entity);
                    id
                }
            })
            .collect();
        // Rebuilt, not renumbered in place: a joined id may not fit a
        // mention (see `IndexedMention`), and then the mention goes.
        let mut mentions = Lists::with_capacity(part.mentions.len(), part.mentions.items());
        for list in part.mentions.iter() {
            mentions.push(
                list.iter()
                    .filter_map(|m| m.with_entity(global[m.entity() as usize])),
            );
        }
        index.mentions.append(mentions);
        let mut counts = part.article_entities;
        for (id, _) in counts.items_mut() {
            *id = global[*id as usize];
        }
        for k in 0..counts.len() {
            if let Some(list) = counts.get_mut(k) {
                list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            }
        }
        index.article_entities.append(counts);
        for mut derived in part.derived {
            for (country, place) in &mut derived {
                *country = global[*country as usize];
                *place = global[*place as usize];
            }
            index.derived.push(derived);
        }
    }
}

/// Adds what a later part saw of an entity to what earlier parts saw.
fn merge(into: &mut Entity, later: Entity) {
    into.mentions += later.mentions;
    if better_name(&later.name, &into.name) {
        into.name = later.name;
    }
    if into.country.is_none() {
        into.country = later.country;
    }
    for alias in later.aliases {
        if !into.aliases.contains(&alias) {
            into.aliases.push(alias);
        }
    }
}

/// Frees the mentions of a run of articles: many small names, most
/// allocated on other threads, freed on all cores rather than one by one.
pub fn free_mentions(mentions: Vec<Vec<Mention>>) {
    mentions.into_par_iter().for_each(drop);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::extract;

    #[test]
    fn parts_joined_give_the_index_of_one_pass() {
        let texts = [
            "Japan and Latvia signed. Tokyo has agreed; Latvian firms too.",
            "Kenya's factories closed. Nairobi said Japan would help.",
            "",
            "The U.S. and the United States are one. Japanese firms agreed.",
            "Latvia, Kenya and Japan met in Riga with Baiba Braze. Braze said so.",
        ];
        let mentions: Vec<Vec<Mention>> = texts.iter().map(|t| extract(t)).collect();
        let whole = EntityIndex::build_in_parts(&texts, mentions.clone(), usize::MAX);
        for per_part in [1, 2, 3] {
            let parts = EntityIndex::build_in_parts(&texts, mentions.clone(), per_part);
            assert_eq!(parts, whole, "{per_part} articles per part");
        }
        assert!(whole.entities.len() > 4);
        for split in 0..=texts.len() {
            let mut builder = IndexBuilder::with_part_size(2);
            let (first, rest) = mentions.split_at(split);
            builder.add(&texts[..split], first, &|_| {});
            builder.add(&texts[split..], rest, &|_| {});
            assert_eq!(builder.articles(), texts.len());
            let joined = std::sync::atomic::AtomicUsize::new(0);
            let index = builder.finish(&|n| {
                joined.fetch_add(n, std::sync::atomic::Ordering::Relaxed);
            });
            assert_eq!(index, whole, "added as {split} articles and the rest");
            assert_eq!(joined.into_inner(), texts.len());
        }
    }
}
