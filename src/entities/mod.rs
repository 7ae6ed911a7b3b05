//! Entities: the countries, companies, organisations, people and places an
//! article names.
//!
//! [`extract`] finds [`Mention`]s in cleaned article text, each resolved to
//! one canonical entity; [`index::EntityIndex`] joins them across the corpus
//! (entity → articles, article → entities, co-occurrence, related articles).
//! Nothing here knows about the terminal.
//!
//! The stages of [`extract`], each a module:
//! - `gazetteer`: the names known in advance (assets/*.tsv), one anchored
//!   Aho-Corasick automaton tried where a name may start;
//! - `text`: words, sentence starts, heading lines, runs of capitalised
//!   words, and the places where a name may start;
//! - `recognize`: names in no list, from the context around and inside them
//!   (`cues` holds the words those rules read);
//! - `resolve`: one canonical entity per mention — demonyms, aliases,
//!   capitals as governments or places, surnames joining full names — and
//!   no overlaps.
//!
//! `wordset` holds the cheap word hash they all share.

mod cues;
mod gazetteer;
pub mod index;
mod recognize;
mod resolve;
mod text;
mod wordset;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

pub use index::{Entity, EntityId, EntityIndex, IndexedMention};

/// The kinds of entity dossier knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Country,
    Company,
    Organization,
    Person,
    Place,
}

impl EntityKind {
    pub const ALL: [EntityKind; 5] = [
        EntityKind::Country,
        EntityKind::Company,
        EntityKind::Organization,
        EntityKind::Person,
        EntityKind::Place,
    ];

    /// Returns the kind's name as used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Country => "country",
            EntityKind::Company => "company",
            EntityKind::Organization => "organization",
            EntityKind::Person => "person",
            EntityKind::Place => "place",
        }
    }

    /// Parses a kind name or common abbreviation ("org", "organisation").
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().as_str() {
            "country" | "countries" => Some(EntityKind::Country),
            "company" | "companies" | "co" => Some(EntityKind::Company),
            "organization" | "organisation" | "org" | "orgs" | "organizations" => {
                Some(EntityKind::Organization)
            }
            "person" | "people" | "persons" => Some(EntityKind::Person),
            "place" | "places" | "city" => Some(EntityKind::Place),
            _ => None,
        }
    }
}

impl std::fmt::Display for EntityKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One mention of an entity in a text: its byte span and the canonical
/// entity it resolves to. Names the gazetteer knows are borrowed from it;
/// only names a document taught are owned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    /// Canonical name ("Japan" for "Japanese").
    pub name: Cow<'static, str>,
    pub kind: EntityKind,
    /// The country this entity belongs to, where known ("Japan" for the
    /// place "Tokyo", "Russia" for "Russian Navy").
    pub country: Option<Cow<'static, str>>,
}

/// Finds the entity mentions in `text`, sorted by start offset, without
/// overlaps, each span on char boundaries of `text`.
///
/// One scan finds the words and the places where a name may start; the
/// gazetteer's automaton runs from those places only; `recognize` reads the
/// runs of capitalised words whose context names what they are; `resolve`
/// joins both into canonical entities.
pub fn extract(text: &str) -> Vec<Mention> {
    let gaz = &*gazetteer::GAZETTEER;
    let text::Scan { words, name_starts } = text::scan(text);
    let hits = gaz.find_at(text, &name_starts);
    let runs = text::runs(text, &words);
    let lexicon = recognize::learn(text, &words, &runs, &hits, gaz);
    resolve::resolve(text, &name_starts, &hits, &lexicon)
}
