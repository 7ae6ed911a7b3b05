//! Entities: the countries, companies, organisations, people and places an
//! article names.
//!
//! [`extract`] finds [`Mention`]s in cleaned article text, each resolved to
//! one canonical entity; [`index::EntityIndex`] joins them across the corpus
//! (entity → articles, article → entities, co-occurrence, related articles).
//! Nothing here knows about the terminal.
//!
//! The stages of [`extract`], each a module:
//! - `caps`: shouted headlines and dateline places folded to title case;
//! - `gazetteer`: the names known in advance (assets/*.tsv), one anchored
//!   Aho-Corasick automaton tried where a name may start;
//! - `places`: which of the places sharing a name is meant, and whether a
//!   town's name is a place where it stands (datelines, "of Dallas");
//! - `text`: words, sentence starts, heading lines, runs of capitalised
//!   words, and the places where a name may start;
//! - `recognize`: names in no list, from the context around and inside them
//!   (`cues` holds the words those rules read);
//! - `resolve`: one canonical entity per mention — demonyms, aliases,
//!   capitals as governments or places, surnames joining full names — and
//!   no overlaps.
//!
//! `wordset` holds the cheap word hash they all share.

mod caps;
pub(crate) mod cues;
mod gazetteer;
pub mod index;
mod places;
mod recognize;
mod resolve;
mod text;
pub(crate) mod wordset;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::corpus::Source;

pub use index::{Entity, EntityId, EntityIndex, IndexBuilder, IndexedMention};

/// Returns true if and only if `word`, in any case, is an ordinary English
/// word of the embedded list (the gazetteer's, built on first use).
pub fn is_common_word(word: &str) -> bool {
    gazetteer::GAZETTEER.is_common_word(word)
}

/// Returns the length of the slug a wire's headline opens with: words in
/// capitals that are all ordinary words, a version's number maybe, and a
/// hyphen glued to a headline in mixed case ("STOCKS-", "UPDATE 2-",
/// "GLOBAL MARKETS-"); 0 when there is none. Names in capitals glued so
/// stay ("NATO-Russia talks", "EU-China summit"), as do words before a
/// figure ("COVID-19").
fn wire_slug_len(title: &str) -> usize {
    let Some(dash) = title.find('-') else {
        return 0;
    };
    let (slug, after) = (&title[..dash], &title[dash + 1..]);
    let words: Vec<&str> = slug.split_whitespace().collect();
    let is_slug_word = |w: &&str| {
        (w.len() >= 3 && w.bytes().all(|b| b.is_ascii_uppercase()) && is_common_word(w))
            || (w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()))
    };
    // The headline in mixed case, as wires print it below a slug: in a
    // headline all in capitals ("MULTI-MEDIA SEES LOSS", "ORANGE-CO INC
    // NET") the words before a hyphen are a name's.
    let first_word = after.split_whitespace().next().unwrap_or_default();
    let opens_headline = first_word.starts_with(|c: char| c.is_uppercase())
        && first_word.chars().any(char::is_lowercase);
    let fits = (1..=3).contains(&words.len())
        && words
            .first()
            .is_some_and(|w| !w.bytes().all(|b| b.is_ascii_digit()))
        && words.iter().all(is_slug_word)
        && !slug.ends_with(' ');
    if fits && opens_headline { dash + 1 } else { 0 }
}

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
    /// Which part of the article the span points into.
    pub location: Location,
}

/// The part of an article a mention's byte span points into. Spans of
/// [`Location::Text`] are offsets into the body (`Article::text`); those
/// of [`Location::Copies`] into the merged copies' own blocks as
/// [`crate::corpus::Article::copies_text`] joins them; the others into the
/// title or the author string.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Location {
    #[default]
    Text,
    Title,
    /// The author string: a person named there is the article's author.
    Byline,
    /// The blocks only merged copies hold ([`Source::only_here`]): a name
    /// a shorter copy adds is the article's too.
    Copies,
}

/// What extraction reads of one article.
#[derive(Clone, Copy, Debug, Default)]
pub struct ArticleParts<'a> {
    pub title: &'a str,
    pub author: Option<&'a str>,
    pub text: &'a str,
    /// The files merged into it, whose own blocks are read after the body.
    pub copies: &'a [Source],
}

/// Finds the entity mentions of a whole article: its title, its author,
/// its body and the blocks only its merged copies hold, read as one
/// document, so that a name the body teaches counts
/// in the headline ("the company" below "ASHCOMBE MILLS CONSIDERS BID")
/// and the author is a person. Spans are offsets into the part that
/// [`Mention::location`] names; a title the body repeats is read once, in
/// the body.
pub fn extract_article(parts: ArticleParts) -> Vec<Mention> {
    let repeated = || memchr::memmem::find(parts.text.as_bytes(), parts.title.as_bytes()).is_some();
    let title = if parts.title.trim().is_empty() || repeated() {
        ""
    } else {
        parts.title
    };
    let author = parts.author.map(str::trim).filter(|a| !a.is_empty());
    let mut doc = String::with_capacity(title.len() + parts.text.len() + 64);
    // A wire's slug ("STOCKS-" of "STOCKS-Wall St ends lower") is read as
    // spaces, so that offsets into the title hold.
    let slug = wire_slug_len(title);
    doc.extend(std::iter::repeat_n(' ', slug));
    doc.push_str(&title[slug..]);
    doc.push_str("\n\n");
    let byline_at = doc.len() + "By ".len();
    if let Some(author) = author {
        doc.push_str("By ");
        doc.push_str(author);
        doc.push_str("\n\n");
    }
    let text_at = doc.len();
    doc.push_str(parts.text);
    let text_end = doc.len();
    // Each block is a paragraph of its own, as in the copies' text.
    let copies_at = text_end + 2;
    for block in parts.copies.iter().flat_map(|s| &s.only_here) {
        doc.push_str("\n\n");
        doc.push_str(block);
    }
    let byline_end = byline_at + author.map_or(0, str::len);
    let mut out = extract(&doc);
    out.retain_mut(|m| {
        let (location, offset) = if m.start >= copies_at {
            (Location::Copies, copies_at)
        } else if m.start >= text_at && m.end <= text_end {
            (Location::Text, text_at)
        } else if author.is_some() && m.start >= byline_at && m.end <= byline_end {
            (Location::Byline, byline_at)
        } else if m.end <= title.len() {
            (Location::Title, 0)
        } else {
            return false;
        };
        m.start -= offset;
        m.end -= offset;
        m.location = location;
        true
    });
    out
}

/// Returns the countries an article's mentions imply without naming them,
/// each with the first place or government that implies it: "Houston"
/// gives the United States, "the Welsh Government" the United Kingdom, as
/// a capital that acts is its country. Other bodies imply nothing: "the
/// British Antarctic Survey" is where a scientist works, not a country
/// the article is about. A country the article names itself is not listed.
pub fn derived_countries(mentions: &[Mention]) -> Vec<(&str, &str)> {
    // Sorted once: looking through every mention for each place made a
    // long article's cost grow with the square of its names.
    let mut named: Vec<&str> = mentions
        .iter()
        .filter(|n| n.kind == EntityKind::Country)
        .map(|n| &*n.name)
        .collect();
    named.sort_unstable();
    named.dedup();
    let mut out: Vec<(&str, &str)> = Vec::new();
    for m in mentions {
        let government = m.kind == EntityKind::Organization && m.name.ends_with(" Government");
        if m.kind != EntityKind::Place && !government {
            continue;
        }
        let Some(country) = m.country.as_deref() else {
            continue;
        };
        let named = named.binary_search(&country).is_ok();
        if !named && !out.iter().any(|&(c, _)| c == country) {
            out.push((country, &m.name));
        }
    }
    out
}

/// Returns true if and only if `hit` is a firm named in the possessive
/// ("Campbell's", "Sainsbury's") right after a personal title: "Mr
/// Campbell's campaign" is a man's.
fn titled_possessive(text: &str, hit: &gazetteer::Hit) -> bool {
    let surface = &text[hit.start..hit.end];
    hit.entry.kind == EntityKind::Company
        && (surface.ends_with("'s") || surface.ends_with("’s"))
        && word_before(text, hit)
            .map(|word| word.strip_suffix('.').unwrap_or(word))
            .is_some_and(cues::is_title_without_period)
}

/// The word one space before `hit`, as written between spaces or line
/// breaks ("Mr." with its period); `None` where no space comes before.
fn word_before<'t>(text: &'t str, hit: &gazetteer::Hit) -> Option<&'t str> {
    text[..hit.start]
        .strip_suffix(' ')
        .and_then(|before| before.rsplit([' ', '\n']).next())
}

/// Returns true if and only if `hit` is a surname that names a firm or a
/// people too, by one word right after a given name that is no English
/// word: "said Andrew Pearson", "Michael Dell" are people named as the
/// firm is, "Oliver Irish" as a people is. A name of two words the lists
/// know ("Morgan Stanley") is one hit and never seen here. ("Mr Irish"
/// stays the people's word: taught as a surname, every "Irish" of the
/// text would be the man's.)
fn surname_after_a_given_name(
    text: &str,
    hit: &gazetteer::Hit,
    gaz: &gazetteer::Gazetteer,
) -> bool {
    let surface = &text[hit.start..hit.end];
    let demonym = hit.entry.role == gazetteer::Role::Demonym && cues::is_surname(surface);
    (hit.entry.kind == EntityKind::Company || demonym)
        && !surface.contains(' ')
        && word_before(text, hit)
            .is_some_and(|word| cues::is_given_name(word) && !gaz.is_common_word(word))
}

/// The length of the web address's ending that follows a firm's name
/// ("Amazon.com", "Boots.com"): the firm, written as its site's name.
/// Zero where none does.
fn web_suffix_after(text: &str, hit: &gazetteer::Hit) -> usize {
    const SUFFIX: &str = ".com";
    let ends_there = text[hit.end..]
        .strip_prefix(SUFFIX)
        .is_some_and(|rest| rest.chars().next().is_none_or(|c| !c.is_alphanumeric()));
    if hit.entry.kind == EntityKind::Company && ends_there {
        SUFFIX.len()
    } else {
        0
    }
}

/// Finds the entity mentions in `text`, sorted by start offset, without
/// overlaps, each span on char boundaries of `text`.
///
/// One scan finds the words and the places where a name may start; the
/// gazetteer's automaton runs from those places only; `recognize` reads the
/// runs of capitalised words whose context names what they are; `resolve`
/// joins both into canonical entities.
///
/// This reads a body alone; [`extract_article`] reads a whole article.
pub fn extract(text: &str) -> Vec<Mention> {
    let gaz = &*gazetteer::GAZETTEER;
    let folded = caps::fold(text, gaz);
    let text = &*folded;
    let scan = text::scan(text);
    let mut hits = gaz.find_at(text, &scan.name_starts);
    hits.retain(|h| {
        (h.start == 0
            || text.as_bytes()[h.start - 1] != b'<'
            || !recognize::in_ticker(text, h.start, h.end))
            && !titled_possessive(text, h)
            && !surname_after_a_given_name(text, h, gaz)
    });
    for hit in &mut hits {
        hit.end += web_suffix_after(text, hit);
    }
    places::settle(text, &mut hits, gaz);
    let runs = text::runs(text, &scan.words);
    let lexicon = recognize::learn(text, &scan.words, &runs, &hits, gaz);
    // A market index kept its words from the rules; it names nothing.
    hits.retain(|h| h.entry.role != gazetteer::Role::Benchmark);
    let namesakes = places::namesakes(&hits);
    let mut mentions = resolve::resolve(text, &scan, &hits, &lexicon, gaz);
    if !namesakes.is_empty() {
        for m in &mut mentions {
            if m.kind == EntityKind::Place && namesakes.contains(&m.start) {
                m.country = None;
            }
        }
    }
    mentions
}
