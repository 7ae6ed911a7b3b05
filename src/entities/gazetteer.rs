//! The gazetteer: every name dossier knows in advance (countries with their
//! aliases, demonyms and capitals, cities, seas and regions, international
//! organisations, companies and news organisations), read from the TSV files
//! of `assets/` that are embedded in the binary, and matched by one
//! anchored Aho-Corasick automaton run from the places where a name may
//! start. The 33,000 populated places of `places.tsv` are looked up by a
//! hash of their words instead (`placenames`), at capitalised word starts
//! only; the longer of the two matches wins.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};

use super::EntityKind;
use placenames::PlaceNames;

mod placenames;
use super::text::first_word;
use super::wordset::{FastMap, Fnv, HashedMap, ascii_lower_hash, word_hash};

/// How a surface form names its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The entity's name or an alias ("Japan", "U.S.", "NATO").
    Name,
    /// A demonym or adjective of a country ("Japanese", "Latvians").
    Demonym,
    /// A capital city: the country's government when it acts, else a place.
    Capital,
    /// A populated place of the GeoNames gazetteer ("Houston").
    City,
    /// A first-level region of a country: a US state, a Canadian province.
    Region,
    /// A market index or a grade of a commodity ("Nikkei 225", "Brent
    /// crude"): no entity, but its words are no other name.
    Benchmark,
}

/// What one surface form resolves to. The names are slices of the
/// embedded assets, so a mention borrows them rather than copying.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub name: &'static str,
    pub kind: EntityKind,
    pub role: Role,
    pub country: Option<&'static str>,
    /// For a city: the region it lies in, where the gazetteer names it.
    pub region: Option<&'static str>,
    /// For a city: its population (0 where unknown).
    pub population: u32,
}

impl Entry {
    fn named(
        name: &'static str,
        kind: EntityKind,
        role: Role,
        country: Option<&'static str>,
    ) -> Self {
        Entry {
            name,
            kind,
            role,
            country,
            region: None,
            population: 0,
        }
    }
}

/// A gazetteer hit: byte span and entry.
#[derive(Clone, Copy, Debug)]
pub struct Hit<'g> {
    pub start: usize,
    pub end: usize,
    pub entry: &'g Entry,
}

/// All known names, with one automaton over their surface forms.
pub struct Gazetteer {
    /// Searched anchored: names are only looked for where a word may
    /// start, so the automaton never runs through the inside of a word.
    automaton: NFA,
    start: aho_corasick::automaton::StateID,
    /// Whether some name begins with this byte.
    first_bytes: [bool; 256],
    /// The first words of the few names that begin in lower case ("eBay",
    /// "al-…"): a lower-case word, the commonest kind, is looked up only if
    /// it is one of them.
    lower_first_words: HashSet<String, BuildHasherDefault<Fnv>>,
    /// The first two bytes of those words, as bits: most lower-case words
    /// ("and", "were") are ruled out here without hashing.
    lower_pairs: Box<[u64; 1024]>,
    entries: Vec<Entry>,
    /// Other places that share a surface form with an entry, by the
    /// entry's index, most populous first ("Columbus", Georgia after
    /// "Columbus", Ohio; the US state after the country "Georgia").
    alternatives: FastMap<u32, Vec<Entry>>,
    /// The populated places, looked up by hash rather than by the
    /// automaton.
    places: PlaceNames,
    /// Lower-case English words by [`word_hash`].
    common_words: HashedMap<&'static str>,
}

const COUNTRIES: &str = include_str!("../../assets/countries.tsv");
const PLACES_GEONAMES: &str = include_str!("../../assets/places.tsv");
const ORGANIZATIONS: &str = include_str!("../../assets/organizations.tsv");
const COMPANIES_CURATED: &str = include_str!("../../assets/companies_curated.tsv");
const COMPANIES: &str = include_str!("../../assets/companies.tsv");
const PLACES: &str = include_str!("../../assets/places_curated.tsv");
const COMMON_WORDS: &str = include_str!("../../assets/common_words.txt");
const BENCHMARKS: &str = include_str!("../../assets/benchmarks.tsv");

/// The gazetteer built from the embedded assets, once per process.
pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::embedded);

impl Gazetteer {
    fn embedded() -> Self {
        let mut builder = Builder::default();
        // Earlier files win when two share a surface form: a country before a
        // company of the same name, a curated company before an index one.
        builder.countries(COUNTRIES);
        builder.benchmarks(BENCHMARKS);
        builder.named(ORGANIZATIONS, EntityKind::Organization);
        builder.named(COMPANIES_CURATED, EntityKind::Company);
        builder.named(PLACES, EntityKind::Place);
        builder.named(COMPANIES, EntityKind::Company);
        let common_words: HashedMap<&'static str> = COMMON_WORDS
            .lines()
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(|w| (word_hash(w), w))
            .collect();
        builder.places(PLACES_GEONAMES, &|w| is_listed_word(&common_words, w));
        builder.build(common_words)
    }

    /// Returns the known names in `text`, leftmost-longest, each starting
    /// and ending on a word boundary, sorted and without overlaps.
    #[cfg(test)]
    pub fn find<'g>(&'g self, text: &str) -> Vec<Hit<'g>> {
        self.find_at(text, &super::text::scan(text).name_starts)
    }

    /// Like [`Self::find`], trying only `name_starts`, the ascending
    /// offsets where a name may start ([`super::text::Scan`]): the
    /// automaton runs only from those whose byte some name begins with,
    /// and stops at its dead state.
    pub fn find_at<'g>(&'g self, text: &str, name_starts: &[usize]) -> Vec<Hit<'g>> {
        // Sized for prose dense with names: growing costs more than the slack.
        let mut out = Vec::with_capacity(name_starts.len() / 8);
        let mut resume = 0;
        for &at in name_starts {
            if at < resume {
                continue;
            }
            let Some((end, entry)) = self.best_at(text, at) else {
                continue;
            };
            // "The Times Square crowd": a name that opens with "The" yields
            // to a longer one that starts at its next word.
            if text[at..].starts_with("The ")
                && self
                    .best_at(text, at + "The ".len())
                    .is_some_and(|(later, _)| later > end)
            {
                continue;
            }
            out.push(Hit {
                start: at,
                end,
                entry,
            });
            resume = end;
        }
        out
    }

    /// Returns the longest known name that starts at `at`: a listed name
    /// or a populated place, the longer winning and, at equal length, the
    /// listed one.
    fn best_at(&self, text: &str, at: usize) -> Option<(usize, &Entry)> {
        let bytes = text.as_bytes();
        let b = bytes[at];
        let listed = self.first_bytes[usize::from(b)]
            && (!b.is_ascii_lowercase()
                || (self.lower_pair(b, bytes.get(at + 1).copied())
                    && self.lower_first_words.contains(first_word(&text[at..]))));
        let listed = if listed {
            self.longest_at(text, at)
        } else {
            None
        };
        // Place names open with a capital; one the automaton matched to
        // the end of a line or sentence has no longer place to find.
        let settled = listed.is_some_and(|(end, _)| {
            matches!(
                bytes.get(end),
                None | Some(b'.' | b',' | b'\n' | b';' | b':')
            )
        });
        let place = if !settled && (b.is_ascii_uppercase() || !b.is_ascii()) {
            self.places.longest_at(text, at)
        } else {
            None
        };
        match (listed, place) {
            (Some(l), Some(p)) if p.0 > l.0 => Some(p),
            (Some(l), _) => Some(l),
            (None, p) => p,
        }
    }

    /// Returns true if and only if some lower-case name opens with the
    /// bytes `a`, `b`.
    fn lower_pair(&self, a: u8, b: Option<u8>) -> bool {
        let bit = pair_bit(a, b.unwrap_or(0));
        self.lower_pairs[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Returns true if and only if some known name lies within `word` on
    /// word boundaries ("Smith-Japan"), without the allocations of
    /// [`Self::find`]: for the few words rules ask about one by one.
    pub fn names_within(&self, word: &str) -> bool {
        let mut after_alnum = false;
        word.char_indices().any(|(at, c)| {
            let starts = !after_alnum && c.is_alphanumeric();
            after_alnum = c.is_alphanumeric();
            starts
                && self.first_bytes[usize::from(word.as_bytes()[at])]
                && self.longest_at(word, at).is_some()
        })
    }

    /// Returns the end and entry of the longest name that starts at `start`
    /// and ends on a word boundary.
    fn longest_at(&self, text: &str, start: usize) -> Option<(usize, &Entry)> {
        let dfa = &self.automaton;
        let mut sid = self.start;
        let mut best = None;
        for (i, &b) in text.as_bytes()[start..].iter().enumerate() {
            sid = dfa.next_state(Anchored::Yes, sid, b);
            if dfa.is_special(sid) {
                if dfa.is_dead(sid) {
                    break;
                }
                let end = start + i + 1;
                if dfa.is_match(sid) && ends_word(text, end) {
                    best = Some((end, dfa.match_pattern(sid, 0)));
                }
            }
        }
        best.map(|(end, pattern)| (end, &self.entries[pattern.as_usize()]))
    }

    /// Returns the other places that share the surface form of `entry`.
    pub fn alternatives(&self, entry: &Entry) -> &[Entry] {
        match placenames::index_of(&self.entries, entry) {
            Some(at) => self
                .alternatives
                .get(&(at as u32))
                .map_or(&[][..], Vec::as_slice),
            None => self.places.alternatives(entry),
        }
    }

    /// Returns the entry of the name that is exactly `word`, if any.
    pub fn exact(&self, word: &str) -> Option<&Entry> {
        let b = *word.as_bytes().first()?;
        let listed = if self.first_bytes[usize::from(b)] {
            self.longest_at(word, 0)
        } else {
            None
        };
        listed
            .or_else(|| self.places.longest_at(word, 0))
            .filter(|&(end, _)| end == word.len())
            .map(|(_, e)| e)
    }

    /// Returns true if and only if `word`, lower-cased, is an ordinary
    /// English word ("general", "copied"), so its capital may come only
    /// from its place at a sentence start or in a heading.
    pub fn is_common_word(&self, word: &str) -> bool {
        is_listed_word(&self.common_words, word)
    }
}

/// Returns true if and only if `word`, lower-cased, is one of `words`.
fn is_listed_word(words: &HashedMap<&'static str>, word: &str) -> bool {
    if word.is_ascii() {
        return words
            .get(&ascii_lower_hash(word))
            .is_some_and(|w| w.eq_ignore_ascii_case(word));
    }
    let lower = word.to_lowercase();
    words.get(&word_hash(&lower)).is_some_and(|w| *w == lower)
}

/// The population under which a town's unaccented name that is an
/// English word is no alias (see [`Builder::places`]).
const UNACCENTED_WORD_TOWN: u32 = 100_000;

/// Returns true if and only if `alias` is `name` with its accented
/// letters written without accents ("God" for "Göd").
fn unaccented(name: &str, alias: &str) -> bool {
    name != alias
        && name.chars().count() == alias.chars().count()
        && name
            .chars()
            .zip(alias.chars())
            .all(|(n, a)| n == a || (!n.is_ascii() && a.is_ascii_alphabetic()))
}

/// The bit of two bytes in [`Gazetteer::lower_pairs`].
fn pair_bit(a: u8, b: u8) -> usize {
    usize::from(a) << 8 | usize::from(b)
}

/// Returns true if and only if no letter or digit follows `end`.
pub fn ends_word(text: &str, end: usize) -> bool {
    match text.as_bytes().get(end) {
        None => true,
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => !text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric),
    }
}

/// Returns true if and only if the span neither starts nor ends inside a word.
pub fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[derive(Default)]
struct Builder {
    patterns: Vec<String>,
    entries: Vec<Entry>,
    seen: HashMap<String, usize>,
    alternatives: FastMap<u32, Vec<Entry>>,
    places: PlaceNames,
}

impl Builder {
    fn add(&mut self, surface: &str, entry: Entry) {
        let surface = surface.trim();
        // "the State of Eritrea": the article is no part of a name, and a
        // name opening with "the" would send every "the" of every text
        // through the automaton.
        let surface = surface.strip_prefix("the ").unwrap_or(surface);
        // English news spells names in Latin letters; native-script aliases
        // ("Российская Федерация") would only grow the automaton.
        let latin = surface.chars().all(|c| c < '\u{250}' || c == '’');
        // A name is only looked for where a word may start (`find_at`).
        let word_initial = surface.chars().next().is_some_and(char::is_alphanumeric);
        if !word_initial || !latin {
            return;
        }
        // News sets the apostrophe as ’ ("Moody’s", "People’s Liberation
        // Army") where the lists write ': each such name is found either way.
        if surface.contains('\'') {
            self.add(&surface.replace('\'', "’"), entry.clone());
        }
        if let Some(&first) = self.seen.get(surface) {
            // A place of the same name as an earlier entry is kept aside,
            // for context to choose ("Columbus, Ga.", Georgia the state).
            let earlier = &mut self.entries[first];
            let elsewhere = earlier.country != entry.country || earlier.region != entry.region;
            // A capital takes the population of its own row among the
            // places, at least 1: a known empty capital (Plymouth,
            // Montserrat) is told apart from one whose size is unknown.
            if earlier.role == Role::Capital
                && !elsewhere
                && matches!(entry.role, Role::City | Role::Region)
            {
                earlier.population = earlier.population.max(entry.population.max(1));
            }
            if matches!(entry.role, Role::City | Role::Region) && elsewhere {
                let others = self.alternatives.entry(first as u32).or_default();
                if others.len() < 8 {
                    others.push(entry);
                }
            }
            return;
        }
        self.seen.insert(surface.to_owned(), self.patterns.len());
        self.patterns.push(surface.to_owned());
        self.entries.push(entry);
    }

    /// `name \t iso2 \t aliases \t demonyms \t capital`
    fn countries(&mut self, tsv: &'static str) {
        for f in rows(tsv) {
            let name = f[0];
            let entry = |role, kind| Entry::named(name, kind, role, Some(name));
            self.add(name, entry(Role::Name, EntityKind::Country));
            for alias in list(f.get(2)) {
                self.add(alias, entry(Role::Name, EntityKind::Country));
            }
            for demonym in list(f.get(3)) {
                self.add(demonym, entry(Role::Demonym, EntityKind::Country));
            }
            if let Some(capital) = f.get(4).filter(|c| !c.is_empty()) {
                self.add(
                    capital,
                    Entry::named(capital, EntityKind::Place, Role::Capital, Some(name)),
                );
            }
        }
    }

    /// `name \t country \t aliases`
    fn named(&mut self, tsv: &'static str, kind: EntityKind) {
        for f in rows(tsv) {
            let country = f.get(1).copied().filter(|c| !c.is_empty());
            let entry = Entry::named(f[0], kind, Role::Name, country);
            self.add(f[0], entry.clone());
            for alias in list(f.get(2)) {
                self.add(alias, entry.clone());
            }
        }
    }

    /// The market indices and commodity grades of `benchmarks.tsv`.
    fn benchmarks(&mut self, tsv: &'static str) {
        for f in rows(tsv) {
            let entry = Entry::named(f[0], EntityKind::Organization, Role::Benchmark, None);
            self.add(f[0], entry.clone());
            for alias in list(f.get(2)) {
                self.add(alias, entry.clone());
            }
        }
    }

    /// The populated places and regions of `places.tsv`: a name an earlier
    /// list holds ("Georgia") keeps them beside its entry; plain names go
    /// to the hashed [`PlaceNames`], the rest ("Calif.") to the automaton.
    ///
    /// A small town's name spelled without its accents is left out where
    /// it is an English word (`is_word`): "God" is no spelling of Göd,
    /// nor "Save" of Savé, in English text; a city keeps it ("Hue" for
    /// Huế).
    fn places(&mut self, tsv: &'static str, is_word: &dyn Fn(&str) -> bool) {
        let rows = PlaceNames::rows(tsv);
        let mut start = 0;
        while start < rows.len() {
            let name = rows[start].entry.name;
            let end = start
                + rows[start..]
                    .iter()
                    .take_while(|r| r.entry.name == name)
                    .count();
            let group: Vec<Entry> = rows[start..end].iter().map(|r| r.entry.clone()).collect();
            let mut surfaces = vec![name];
            for row in &rows[start..end] {
                for &alias in &row.aliases {
                    if unaccented(name, alias)
                        && is_word(alias)
                        && row.entry.population < UNACCENTED_WORD_TOWN
                    {
                        continue;
                    }
                    if !surfaces.contains(&alias) {
                        surfaces.push(alias);
                    }
                }
            }
            let mut hashed = Vec::new();
            for surface in surfaces {
                if self.seen.contains_key(surface) || !PlaceNames::can_hold(surface) {
                    for entry in &group {
                        self.add(surface, entry.clone());
                    }
                } else {
                    hashed.push(surface);
                }
            }
            if !hashed.is_empty() {
                self.places.add_group(group, &hashed);
            }
            start = end;
        }
    }

    fn build(self, common_words: HashedMap<&'static str>) -> Gazetteer {
        // A contiguous NFA rather than a DFA: searched anchored, it never
        // follows a failure transition, and at under 1 MB it stays in cache
        // where the 39 MB DFA missed it on nearly every transition.
        let automaton = NFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .prefilter(false)
            .build(&self.patterns)
            .expect("gazetteer patterns build an automaton");
        let start = automaton
            .start_state(Anchored::Yes)
            .expect("an anchored automaton has an anchored start");
        let mut first_bytes = [false; 256];
        let mut lower_first_words = HashSet::default();
        let mut lower_pairs = Box::new([0u64; 1024]);
        for p in &self.patterns {
            if let Some(&b) = p.as_bytes().first() {
                first_bytes[usize::from(b)] = true;
                if b.is_ascii_lowercase() {
                    lower_first_words.insert(first_word(p).to_owned());
                    let bit = pair_bit(b, p.as_bytes().get(1).copied().unwrap_or(0));
                    lower_pairs[bit / 64] |= 1 << (bit % 64);
                }
            }
        }
        Gazetteer {
            automaton,
            start,
            first_bytes,
            lower_first_words,
            lower_pairs,
            entries: self.entries,
            alternatives: self.alternatives,
            places: self.places,
            common_words,
        }
    }
}

/// The non-comment rows of a TSV file, split on tabs.
fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect::<Vec<_>>())
}

fn list<'a>(field: Option<&&'a str>) -> impl Iterator<Item = &'a str> {
    field
        .map(|f| f.split('|'))
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(&str, String)> {
        GAZETTEER
            .find(text)
            .into_iter()
            .map(|h| (&text[h.start..h.end], h.entry.name.to_owned()))
            .collect()
    }

    #[test]
    fn demonyms_aliases_and_hyphen_compounds_resolve_to_countries() {
        assert_eq!(
            names("Latvian-led talks between the U.S. and Japanese firms"),
            [
                ("Latvian", "Latvia".to_owned()),
                ("U.S.", "United States".to_owned()),
                ("Japanese", "Japan".to_owned()),
            ]
        );
    }

    #[test]
    fn longest_name_wins_and_word_boundaries_hold() {
        let found = names("Kawasaki Heavy Industries sails the South China Sea; Omani Romania");
        assert_eq!(found[0].0, "Kawasaki Heavy Industries");
        assert_eq!(found[1].0, "South China Sea");
        assert!(found.iter().all(|(s, _)| *s != "Oman"));
    }

    #[test]
    fn every_un_member_sample_is_present() {
        for name in [
            "Kosovo",
            "Taiwan",
            "Palestine",
            "Vatican City",
            "Tuvalu",
            "Eswatini",
        ] {
            assert!(
                GAZETTEER
                    .find(name)
                    .first()
                    .is_some_and(|h| h.entry.kind == EntityKind::Country),
                "{name} missing"
            );
        }
    }

    #[test]
    #[allow(clippy::disallowed_macros, reason = "test output for people")]
    fn automaton_stays_within_a_memory_budget() {
        let bytes = GAZETTEER.automaton.memory_usage();
        println!("gazetteer automaton: {:.1} MB", bytes as f64 / 1e6);
        assert!(bytes < 64 << 20, "{bytes} bytes");
    }

    #[test]
    fn common_words_are_known_in_any_case() {
        assert!(GAZETTEER.is_common_word("General"));
        assert!(!GAZETTEER.is_common_word("Skyeton"));
    }
}
