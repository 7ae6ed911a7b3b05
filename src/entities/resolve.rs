//! Resolution: from the gazetteer hits and what context taught about a
//! document ([`Lexicon`]) to one canonical entity per mention.
//!
//! - Names learnt anywhere in a document count everywhere in it, headings
//!   and sentence starts included ("General Cherry is known for …"), but
//!   for an English word that opens a sentence before a determiner
//!   ("Given the rain", in a report on a keeper named Given).
//! - A person's surname alone joins the full name ("Braze said" → "Baiba
//!   Braze"); an organisation without its leading country joins the full
//!   name ("Drone Coalition" → "Ukraine Drone Coalition").
//! - Demonyms count for their country; aliases for their canonical name.
//! - A capital stands for its country's government unless the words around
//!   it use it as a location ("in Tokyo", "Tokyo-based"): "Tokyo has been
//!   asked" → Japan, "weapons made in Tokyo" → the place Tokyo, linked to
//!   Japan through [`Mention::country`].
//! - Where hits overlap, the longest wins; at equal length, the document's
//!   own lexicon wins over the gazetteer.

use std::borrow::Cow;

use super::gazetteer::{Entry, Gazetteer, Hit, Role, ends_word, on_word_boundaries};
use super::text::{Scan, first_word, is_connector, last_word};
use super::wordset::{FastMap, word_hash, word_hash_continue};
use super::{EntityKind, Location, Mention};

/// How sure a rule is; stronger evidence replaces weaker for a surface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// The shape of a personal name alone.
    Shape,
    /// A verb or phrase around the name.
    Context,
    /// A title, head word or suffix that is part of the name.
    Cue,
    /// An item of a list announced by its kind ("companies A, B and C").
    Listed,
}

/// What a document's context says one surface form names. Names are
/// slices of the document's text: teaching a name copies nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Known<'t> {
    pub name: &'t str,
    pub kind: EntityKind,
    pub country: Option<&'static str>,
    pub strength: Strength,
}

impl<'t> Known<'t> {
    pub fn new(name: &'t str, kind: EntityKind, strength: Strength) -> Self {
        Known {
            name: name.strip_prefix("The ").unwrap_or(name),
            kind,
            country: None,
            strength,
        }
    }

    /// A name the lists know, kept whole ("The Guardian", which
    /// [`Known::new`] would shorten), with its kind and country.
    pub fn listed(entry: &Entry, strength: Strength) -> Self {
        Known {
            name: entry.name,
            kind: entry.kind,
            country: entry.country,
            strength,
        }
    }

    pub fn with_country(mut self, country: Option<&'static str>) -> Self {
        self.country = country;
        self
    }
}

/// The names one document's context taught, by surface form.
#[derive(Clone, Debug, Default)]
pub struct Lexicon<'t> {
    by_surface: FastMap<&'t str, Known<'t>>,
}

impl<'t> Lexicon<'t> {
    /// A lexicon with room for `n` names.
    pub fn with_capacity(n: usize) -> Self {
        Lexicon {
            by_surface: FastMap::with_capacity_and_hasher(
                n,
                std::hash::BuildHasherDefault::default(),
            ),
        }
    }

    /// Returns what the document taught `surface` names, if anything.
    pub fn get(&self, surface: &str) -> Option<&Known<'t>> {
        self.by_surface.get(surface)
    }

    /// Teaches a surface form, unless stronger evidence already named it.
    pub fn add(&mut self, surface: &'t str, mut known: Known<'t>) {
        // "Computerandvideogames.com said": a site's name is its owner's,
        // never a person's.
        if known.kind == EntityKind::Person && is_a_site(surface) {
            known.kind = EntityKind::Company;
        }
        // "candidate HBX-214": no person's name holds a figure; "Arabica
        // Dec" in a table of prices ends in a month's abbreviation, "troops
        // entered Kenya Monday" (as American wires drop the "on") in a day;
        // "Harry Potter and the Prisoner Of Azkaban" is a title.
        if known.kind == EntityKind::Person
            && (surface.bytes().any(|b| b.is_ascii_digit())
                || ends_in_a_product_code(surface)
                || surface
                    .split(' ')
                    .skip(1)
                    .any(|w| matches!(w, "Of" | "The" | "And" | "In" | "On" | "For" | "To"))
                || surface.rsplit(' ').next().is_some_and(|w| {
                    matches!(
                        w,
                        "Feb" | "Apr" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov" | "Dec"
                    ) || super::cues::is_weekday(w)
                }))
        {
            return;
        }
        // "Corp", "Co Inc": a legal form alone names no firm.
        if known.kind == EntityKind::Company
            && surface
                .split(' ')
                .all(|w| super::cues::is_legal_form(w.trim_end_matches('.')))
        {
            return;
        }
        match self.by_surface.get(surface) {
            Some(old) if old.strength >= known.strength => {}
            _ => {
                self.by_surface.insert(surface, known);
            }
        }
    }

    pub fn strength_of(&self, surface: &str) -> Option<Strength> {
        self.by_surface.get(surface).map(|k| k.strength)
    }

    /// Returns true if and only if `surface` is known as a person.
    pub fn is_person(&self, surface: &str) -> bool {
        self.by_surface
            .get(surface)
            .is_some_and(|k| k.kind == EntityKind::Person)
    }

    /// Returns true if and only if a person of more than one word that
    /// ends in `surname` is known ("Elon Musk" for "Musk").
    pub fn has_person_named(&self, surname: &str) -> bool {
        self.by_surface.values().any(|k| {
            k.kind == EntityKind::Person
                && k.name
                    .strip_suffix(surname)
                    .is_some_and(|given| given.ends_with(' '))
        })
    }

    /// Adds the short forms that later mentions use: a person's surname, an
    /// organisation's name without its leading country word, a company's
    /// leading words ("Burlington Industries", "Burlington" for
    /// "Burlington Industries Inc"). A surname that is also a listed
    /// company's short form ("Lindsay") stands for the person, unless the
    /// text names that company in a longer form (`hits`, the text's
    /// gazetteer hits, tell).
    pub fn add_short_forms(&mut self, gaz: &Gazetteer, hits: &[Hit]) {
        self.extend_companies();
        let mut short = Vec::new();
        let mut company_short = Vec::new();
        for (surface, known) in &self.by_surface {
            match known.kind {
                EntityKind::Company if known.name == *surface => {
                    company_prefixes(surface, gaz, |prefix| {
                        company_short.push((prefix, known.clone()));
                    });
                }
                EntityKind::Person => {
                    if let Some((_, surname)) = surface.rsplit_once(' ')
                        && (!gaz.names_within(surname)
                            || only_a_company_short_form(surname, gaz, hits))
                    {
                        short.push((surname, known.clone()));
                    }
                    // "Rodrigo Espinoza Valdivia … Espinoza said": a
                    // Spanish or Portuguese name's first surname, before the
                    // second, stands for the person too.
                    if let Some(first_surname) = first_of_two_surnames(surface)
                        && !gaz.names_within(first_surname)
                    {
                        short.push((first_surname, known.clone()));
                    }
                    // "Hicham El Guerrouj … El Guerrouj's record", "Robert
                    // Kilroy Silk … Kilroy Silk said": the last two words
                    // of a name of three stand for the person when they
                    // are a surname of two words, not a given name and a
                    // surname ("Brian Thomas Ardley" and his cousin "Thomas
                    // Ardley"), and when the first is a given name or a
                    // word of letters that is no English word (not
                    // "Analyst Adaeze Okafor" or "Opposition-backed Haruka
                    // Imai", words read into a name).
                    let mut words = surface.split(' ');
                    if let (Some(first), Some(second), Some(third), None) =
                        (words.next(), words.next(), words.next(), words.next())
                        && (super::cues::is_given_name(first)
                            || (!gaz.is_common_word(first)
                                && first.chars().all(char::is_alphabetic)))
                        && second.starts_with(char::is_uppercase)
                        && !super::cues::is_given_name(second)
                        && !gaz.names_within(third)
                    {
                        short.push((&surface[first.len() + 1..], known.clone()));
                    }
                    // "Annelie van der Merwe … Van der Merwe said": a
                    // surname that opens with particles keeps them.
                    if let Some((given, surname)) = surface.split_once(' ')
                        && !given.is_empty()
                        && surname.contains(' ')
                        && super::cues::is_name_particle(first_word(surname))
                    {
                        short.push((surname, known.clone()));
                    }
                    // "Park Min-seo … Park told reporters": a family name
                    // that comes first, before a given name of two
                    // syllables joined by a hyphen (not "Ann Smith-Jones").
                    if let Some((family, given)) = surface.split_once(' ')
                        && !given.contains(' ')
                        && given
                            .split_once('-')
                            .is_some_and(|(_, second)| second.starts_with(char::is_lowercase))
                        && !gaz.names_within(family)
                    {
                        short.push((family, known.clone()));
                    }
                }
                EntityKind::Organization if known.country.is_some() => {
                    if let Some((_, rest)) = surface.split_once(' ')
                        && rest.contains(' ')
                    {
                        short.push((rest, known.clone()));
                    }
                }
                _ => {}
            }
        }
        // "Lockheed Martin … Lockheed said": a listed company the text
        // names in full lends its leading words too, once however often
        // it is named.
        let mut lent: Vec<&super::gazetteer::Entry> = Vec::new();
        for hit in hits {
            let entry = hit.entry;
            if entry.kind == EntityKind::Company
                && entry.name.contains(' ')
                && !lent.iter().any(|e| std::ptr::eq(*e, entry))
            {
                lent.push(entry);
                let known = Known::new(entry.name, EntityKind::Company, Strength::Listed)
                    .with_country(entry.country);
                // ("Morgan Stanley … Morgan said": a given name may be
                // someone's.)
                company_prefixes(entry.name, gaz, |prefix| {
                    if !super::cues::is_given_name(prefix) {
                        company_short.push((prefix, known.clone()));
                    }
                });
            }
        }
        // "Tencent" after "Tencent Holdings" and "Tencent Cloud": a short
        // form shared by several companies stands for the one whose other
        // words are only corporate suffixes (the parent), else the
        // longest (of which the others are short forms too); the order
        // of a hash map no longer decides.
        company_short.sort_by(|(a, ka), (b, kb)| {
            a.cmp(b)
                .then_with(|| parent_first(ka, a).cmp(&parent_first(kb, b)))
        });
        for (surface, mut known) in company_short {
            known.strength = Strength::Shape;
            // A company's leading words that other rules read as a person
            // ("Harlan said") or as naming only themselves join the company,
            // and so do words a list or a post taught as a firm ("chief
            // executive of Kwantis" after "Kwantis Sp. z o.o."), unless the
            // lists know them as a firm of their own.
            let joins = self.by_surface.get(surface).is_none_or(|old| {
                (old.kind == EntityKind::Person && old.strength <= Strength::Context)
                    || (old.name == surface && old.strength <= Strength::Cue)
                    || (old.name == surface
                        && old.kind == EntityKind::Company
                        && gaz.exact(surface).is_none())
            });
            if joins {
                self.by_surface.insert(surface, known);
            }
        }
        for (surface, mut known) in short {
            known.strength = Strength::Shape;
            // A short form that only named itself ("Braze said", "The Drone
            // Coalition") joins the full name rather than standing alone.
            let joins = self.by_surface.get(surface).is_none_or(|old| {
                old.kind == known.kind && old.name == surface && old.strength <= Strength::Cue
            });
            // "Van der Merwe said", read as a name of its own at the
            // sentence's start, is the same short form.
            if super::cues::is_name_particle(first_word(surface)) {
                let capital = format!("{}{}", surface[..1].to_ascii_uppercase(), &surface[1..]);
                if let Some(old) = self.by_surface.get_mut(capital.as_str())
                    && old.kind == known.kind
                    && old.name == capital
                    && old.strength <= Strength::Cue
                {
                    *old = known.clone();
                }
            }
            if joins {
                self.by_surface.insert(surface, known);
            }
        }
        self.join_initialled_forms();
    }

    /// "Kiran Carlson … K Carlson 80" (a scorecard, a list of results): a
    /// person's name written as an initial and a surname, "K Carlson" or
    /// "K. Carlson", is the one person the text names in full with that
    /// surname and a given name of that initial. With two such people
    /// ("Kiran Carlson", "Kate Carlson") it stays apart.
    fn join_initialled_forms(&mut self) {
        let mut joins = Vec::new();
        for (surface, known) in &self.by_surface {
            if known.kind != EntityKind::Person
                || known.name != *surface
                || known.strength > Strength::Cue
            {
                continue;
            }
            let Some((initial, surname)) = initial_and_surname(surface) else {
                continue;
            };
            let mut full = self.by_surface.values().filter(|k| {
                k.kind == EntityKind::Person
                    && k.name.len() > surname.len() + 2
                    && k.name.starts_with(initial)
                    && k.name.strip_suffix(surname).is_some_and(|given| {
                        given.ends_with(' ')
                            && given[initial.len_utf8()..].starts_with(char::is_lowercase)
                    })
            });
            if let Some(first) = full.next()
                && full.all(|other| other.name == first.name)
            {
                joins.push((*surface, first.name));
            }
        }
        // The initialled form and what stood for it ("Webb" after "H
        // Webb") name the person in full, as sure as they were.
        for (initialled, full) in joins {
            for known in self.by_surface.values_mut() {
                if known.name == initialled {
                    known.name = full;
                }
            }
        }
    }

    /// "Booz Allen Hamilton said" where "shares of Booz Allen" made a
    /// company: a name read as a person by its shape or the words around
    /// it that opens with a company's name taught here is that company's
    /// full name; so is one read by its shape alone that ends with it.
    fn extend_companies(&mut self) {
        let opens_with_company = |surface: &str| {
            surface.match_indices(' ').any(|(at, _)| {
                self.by_surface
                    .get(&surface[..at])
                    .is_some_and(|c| c.kind == EntityKind::Company && c.name == &surface[..at])
            })
        };
        // "Brasserie Halot" where "Halot shares jumped": a name read as a
        // person by its shape alone, whose last word the context made a
        // company, is that company, unless it opens with a given name.
        let ends_with_company = |surface: &str| {
            surface.rsplit_once(' ').is_some_and(|(before, last)| {
                !super::cues::is_given_name(first_word(before))
                    && self.by_surface.get(last).is_some_and(|c| {
                        c.kind == EntityKind::Company
                            && c.name == last
                            && c.strength >= Strength::Context
                    })
            })
        };
        let extended: Vec<&'t str> = self
            .by_surface
            .iter()
            .filter(|(surface, known)| {
                known.kind == EntityKind::Person
                    && known.strength <= Strength::Context
                    && (opens_with_company(surface)
                        || (known.strength == Strength::Shape && ends_with_company(surface)))
            })
            .map(|(surface, _)| *surface)
            .collect();
        for surface in extended {
            self.by_surface.insert(
                surface,
                Known::new(surface, EntityKind::Company, Strength::Context),
            );
        }
    }
}

/// The first of two surnames of a name of three or four words that opens
/// with a given name ("Espinoza" in "Rodrigo Espinoza Valdivia" and in
/// "María José Contreras Saavedra" "Contreras"): the word before the last,
/// when it is no given name or particle ("Mary Ann Smith" has one surname).
fn first_of_two_surnames(name: &str) -> Option<&str> {
    // (Read without collecting the words: this is asked of every person.)
    let words = name.split(' ').count();
    let given = name.split(' ').next().unwrap_or_default();
    if !(3..=4).contains(&words) || !super::cues::is_given_name(given) {
        return None;
    }
    let candidate = name.rsplit(' ').nth(1)?;
    let given_or_particle =
        super::cues::is_given_name(candidate) || super::cues::is_name_particle(candidate);
    (!given_or_particle && candidate.starts_with(char::is_uppercase)).then_some(candidate)
}

/// The order in which companies claim a short form they share: see
/// [`Lexicon::add_short_forms`].
fn parent_first<'k>(known: &Known<'k>, surface: &str) -> (bool, std::cmp::Reverse<usize>, &'k str) {
    let rest = known.name.get(surface.len()..).unwrap_or_default();
    let suffixes_only = rest
        .split_whitespace()
        .all(|w| super::cues::traits(w) & super::cues::COMPANY_SUFFIX != 0);
    (
        !suffixes_only,
        std::cmp::Reverse(known.name.len()),
        known.name,
    )
}

/// Returns true if and only if `surname` is, to the lists, only the short
/// form of a company ("Lindsay" for Lindsay Corporation) that no hit of
/// the text names in a longer form.
fn only_a_company_short_form(surname: &str, gaz: &Gazetteer, hits: &[Hit]) -> bool {
    let company = |e: &super::gazetteer::Entry| e.kind == EntityKind::Company;
    gaz.exact(surname).is_some_and(company)
        && !hits.iter().any(|h| {
            company(h.entry) && h.end - h.start > surname.len() && h.entry.name.contains(surname)
        })
}

/// Calls `add` with each run of leading words of a company's name that
/// may stand for it: not ending in a connector or "and", not the
/// whole name, not one word that is an English word, and not a country,
/// a region, a capital or a city of a million people ("Texas", "General",
/// "New York").
fn company_prefixes<'s>(name: &'s str, gaz: &Gazetteer, mut add: impl FnMut(&'s str)) {
    for (at, _) in name.match_indices(' ') {
        let prefix = &name[..at];
        let last = prefix.rsplit(' ').next().unwrap_or_default();
        if is_connector(last) || last == "and" || last == "&" {
            continue;
        }
        if !prefix.contains(' ')
            && (gaz.is_common_word(prefix) || !prefix.starts_with(char::is_uppercase))
        {
            continue;
        }
        // ("New York Post": a place of several words lends its name no
        // more than one of one word does.)
        let place_or_country = gaz.exact(prefix).is_some_and(|e| {
            matches!(e.role, Role::Demonym | Role::Capital | Role::Region)
                || e.kind == EntityKind::Country
                || (e.role == Role::City && e.population >= 1_000_000)
                || (e.role == Role::Name && e.kind == EntityKind::Place)
                // ("Dunedin Daily Record": a paper lends no town.)
                || (e.kind == EntityKind::Place && super::cues::is_newspaper_word(last_word(name)))
        });
        if !place_or_country {
            add(prefix);
        }
    }
}

/// Returns true if and only if `surface` is one word written as a web
/// site's name ("Computerandvideogames.com", "Boots.co.uk").
fn is_a_site(surface: &str) -> bool {
    !surface.contains(' ')
        && [".com", ".co.uk", ".org", ".net"]
            .iter()
            .any(|end| surface.len() > end.len() + 1 && surface.ends_with(end))
}

/// Returns true if and only if the last of several words of `surface` is
/// a short code in capitals, or capitals made plural: a product's
/// ("Mario Kart DS", "Windows PCs"), never a person's, unless it is a
/// member's letters ("Ann Hale QC") or a numeral ("Henry VIII").
fn ends_in_a_product_code(surface: &str) -> bool {
    let Some((_, last)) = surface.rsplit_once(' ') else {
        return false;
    };
    let caps = last.strip_suffix('s').unwrap_or(last);
    (2..=3).contains(&caps.len())
        && caps.bytes().all(|b| b.is_ascii_uppercase())
        && !super::cues::is_postnominal(last)
        && !last.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
}

/// What a candidate mention would resolve to.
#[derive(Clone, Copy)]
enum Source<'a, 'g> {
    Gazetteer(&'a Hit<'g>),
    Lexicon(&'a Known<'a>),
}

/// A candidate mention before overlaps are settled; only the winners are
/// turned into [`Mention`]s.
struct Candidate<'a, 'g> {
    start: usize,
    end: usize,
    source: Source<'a, 'g>,
}

/// Returns the mentions of `text`: gazetteer hits and lexicon names found
/// where `scan` says a name may start, sorted, without overlaps, each
/// resolved to its canonical entity.
pub fn resolve(
    text: &str,
    scan: &Scan,
    hits: &[Hit],
    lexicon: &Lexicon,
    gaz: &Gazetteer,
) -> Vec<Mention> {
    let mut candidates: Vec<Candidate> = Vec::with_capacity(hits.len() * 2);
    candidates.extend(hits.iter().map(|h| Candidate {
        start: h.start,
        end: h.end,
        source: Source::Gazetteer(h),
    }));
    lexicon_hits(text, scan, lexicon, gaz, &mut candidates);
    let from_lexicon = |c: &Candidate| matches!(c.source, Source::Lexicon(_));
    candidates.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(from_lexicon(b).cmp(&from_lexicon(a)))
    });
    let mut out: Vec<Mention> = Vec::with_capacity(candidates.len());
    for c in candidates {
        if out.last().is_some_and(|m| c.start < m.end) {
            continue;
        }
        out.push(match c.source {
            Source::Gazetteer(hit) => from_gazetteer(text, hit),
            Source::Lexicon(known) => Mention {
                start: c.start,
                end: c.end,
                name: Cow::Owned(known.name.to_owned()),
                kind: known.kind,
                country: known.country.map(Cow::Borrowed),
                location: Location::Text,
            },
        });
    }
    out
}

/// Finds every lexicon surface in `text` that starts at one of the
/// scan's `name_starts` and ends on a word boundary. The surfaces are sorted by
/// a hash of their first word, so each place costs at most one binary
/// search for the hash of the word there; only places whose first byte
/// opens some surface are looked at.
fn lexicon_hits<'a>(
    text: &str,
    scan: &Scan,
    lexicon: &'a Lexicon,
    gaz: &Gazetteer,
    out: &mut Vec<Candidate<'a, '_>>,
) {
    let bytes = text.as_bytes();
    let mut opens = [false; 256];
    let mut by_first_word: Vec<(u64, &str, &Known)> = Vec::with_capacity(lexicon.by_surface.len());
    for (surface, known) in &lexicon.by_surface {
        let word = first_word(surface);
        if surface.is_empty() {
            continue;
        }
        if word.is_empty() {
            // Never taught today: a surface that opens with no letter.
            odd_surface_hits(text, surface, known, out);
            continue;
        }
        opens[usize::from(surface.as_bytes()[0])] = true;
        by_first_word.push((word_hash(word), surface, known));
        // "van der Merwe" opens a sentence as "Van der Merwe".
        if super::cues::is_name_particle(word) {
            let upper = word.as_bytes()[0].to_ascii_uppercase();
            opens[usize::from(upper)] = true;
            let hash = word_hash_continue(word_hash_continue(0, &[upper]), &word.as_bytes()[1..]);
            by_first_word.push((hash, surface, known));
        }
    }
    by_first_word.sort_unstable_by_key(|e| e.0);
    for &start in &scan.name_starts {
        if !opens[usize::from(bytes[start])] {
            continue;
        }
        let word = word_hash(first_word(&text[start..]));
        let from = by_first_word.partition_point(|e| e.0 < word);
        for &(_, surface, known) in by_first_word[from..].iter().take_while(|e| e.0 == word) {
            let end = start + surface.len();
            let (head, rest) = surface.as_bytes().split_at(1);
            let same =
                bytes[start].eq_ignore_ascii_case(&head[0]) && bytes[start + 1..].starts_with(rest);
            if same
                && ends_word(text, end)
                && !word_before_a_determiner(text, scan, start, end, gaz)
            {
                out.push(Candidate {
                    start,
                    end,
                    source: Source::Lexicon(known),
                });
            }
        }
    }
}

/// Returns true if and only if the one word at `start..end` opens its
/// sentence, is an English word, and comes right before a determiner:
/// "Given the weather, …" in a report on a keeper named Shay Given is the
/// word, not his name, since no name stands before "the" ("Given saved
/// twice" is his). The scan says where sentences start ("Dr. Given the
/// surgeon" goes on after an abbreviation).
fn word_before_a_determiner(
    text: &str,
    scan: &Scan,
    start: usize,
    end: usize,
    gaz: &Gazetteer,
) -> bool {
    let next = text[end..].strip_prefix(' ').map(first_word);
    let determiner = next.is_some_and(|word| {
        matches!(
            word,
            "the" | "a" | "an" | "this" | "these" | "those" | "his" | "her" | "its" | "their"
        )
    });
    determiner
        && scan
            .words
            .binary_search_by_key(&start, |w| w.start)
            .is_ok_and(|i| scan.words[i].sentence_start)
        && gaz.is_common_word(&text[start..end])
}

/// Finds a surface that does not open with a letter or digit anywhere on
/// word boundaries.
fn odd_surface_hits<'a>(
    text: &str,
    surface: &str,
    known: &'a Known,
    out: &mut Vec<Candidate<'a, '_>>,
) {
    for start in memchr::memmem::find_iter(text.as_bytes(), surface.as_bytes()) {
        let end = start + surface.len();
        if on_word_boundaries(text, start, end) {
            out.push(Candidate {
                start,
                end,
                source: Source::Lexicon(known),
            });
        }
    }
}

fn from_gazetteer(text: &str, hit: &Hit) -> Mention {
    let e = hit.entry;
    let (name, kind) = match e.role {
        Role::Capital if !used_as_location(text, hit.start, hit.end) => {
            (e.country.unwrap_or(e.name), EntityKind::Country)
        }
        _ => (e.name, e.kind),
    };
    Mention {
        start: hit.start,
        end: hit.end,
        name: Cow::Borrowed(name),
        kind,
        country: e.country.map(Cow::Borrowed),
        location: Location::Text,
    }
}

/// Returns true if and only if the words around a place name use it as a
/// location: a locative preposition right before it, or "-based" after it;
/// a journey before "to" or "from" ("a trip to Paris"); a compass word
/// before it ("Southwest Washington", "East Jerusalem": a part of a city
/// or a state is no government); or a place it is listed with after a
/// locative ("via Moscow and Paris"). "to" and "from" alone are left out:
/// "aid to Kyiv" and "a message from Beijing" speak of governments as
/// often as of cities.
fn used_as_location(text: &str, start: usize, end: usize) -> bool {
    // "LONDON, Dec 4 (Reuters) -": where the story was filed from.
    if text[end..].starts_with("-based")
        || super::places::is_dateline(text, start, end)
        || before_city_office(&text[end..])
        || super::places::names_an_event_after(text, end)
        || on_a_route(text, start, end)
    {
        return true;
    }
    let before = text[..start].trim_end();
    // "the city of London", "a district of Lisbon", "residents of Dhaka".
    if let Some(part) = before.strip_suffix(" of")
        && is_part_of_a_city(last_word(part))
    {
        return true;
    }
    let word = last_word(before);
    // ("in north London", "central Lisbon": a part of the city, in lower
    // case too.)
    let lower_compass = matches!(
        word,
        "north"
            | "south"
            | "east"
            | "west"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "inner"
            | "outer"
            | "downtown"
            | "north-west"
            | "north-east"
            | "south-west"
            | "south-east"
    );
    if (is_compass_word(word) || lower_compass) && text[..start].ends_with(' ') {
        return true;
    }
    if matches!(word, "to" | "from") {
        let journey = last_word(before[..before.len() - word.len()].trim_end());
        return is_journey_word(journey);
    }
    if is_locative(word) {
        return true;
    }
    // "via Moscow and Paris", "in Lyon, Turin or Geneva": walk back over a
    // few listed names to the word before the first.
    let mut rest = before;
    for _ in 0..4 {
        let Some(list) = rest
            .strip_suffix(" and")
            .or_else(|| rest.strip_suffix(" or"))
            .or_else(|| rest.strip_suffix(','))
        else {
            return false;
        };
        let mut list = list.trim_end();
        if !last_word(list).starts_with(char::is_uppercase) {
            return false;
        }
        // ("in Kentish Town, London", "in Campo de Ourique, Lisbon": the
        // listed name may be of words, particles among them.)
        loop {
            let word = last_word(list);
            let shorter = list[..list.len() - word.len()].trim_end();
            let particle = super::cues::is_name_particle(word)
                && last_word(shorter).starts_with(char::is_uppercase);
            if !(word.starts_with(char::is_uppercase) || particle) {
                break;
            }
            list = shorter;
        }
        rest = list;
        if is_locative(last_word(rest)) {
            return true;
        }
    }
    false
}

/// Returns true if and only if `after` (the text after a capital) opens
/// with the city's own government, services or fabric, with or without a
/// possessive: "Lisbon council", "Lisbon's city council", "Paris mayor",
/// "a Moscow court", "Nairobi police", "Dhaka airport", "Jakarta's
/// streets", "Lima's outskirts". The city is meant, not its country's
/// government.
fn before_city_office(after: &str) -> bool {
    let after = after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("’s"))
        .unwrap_or(after);
    let Some(next) = after.strip_prefix(' ') else {
        return false;
    };
    let word = super::text::first_word(next);
    [
        "council",
        "court",
        "police",
        "councillor",
        "councillors",
        "councilor",
        "councilors",
        "mayor",
        "city",
        "municipality",
        "municipal",
        "metro",
        "airport",
        "airports",
        "port",
        "harbour",
        "harbor",
        "streets",
        "roads",
        "centre",
        "center",
        "downtown",
        "suburbs",
        "outskirts",
        "neighbourhoods",
        "neighborhoods",
        "districts",
        "residents",
        "hospitals",
        "skyline",
        "waterfront",
        "subway",
    ]
    .iter()
    .any(|office| word.eq_ignore_ascii_case(office))
}

/// Returns true if and only if the name at `start..end` is one end of a
/// route that two names joined by a dash give: "the Rosario–Victoria
/// ferry", "the Lagos-Abuja railway". ("Washington-Moscow talks" are the
/// governments'.)
fn on_a_route(text: &str, start: usize, end: usize) -> bool {
    let after = &text[end..];
    let other = after.strip_prefix('–').or_else(|| after.strip_prefix('-'));
    let tail = match other {
        Some(other) if other.starts_with(char::is_uppercase) => {
            &other[super::text::first_word(other).len()..]
        }
        _ if text[..start].ends_with(['–', '-']) => after,
        _ => return false,
    };
    let Some(noun) = tail.strip_prefix(' ').map(super::text::first_word) else {
        return false;
    };
    matches!(
        noun,
        "ferry"
            | "ferries"
            | "route"
            | "routes"
            | "flight"
            | "flights"
            | "train"
            | "trains"
            | "railway"
            | "railroad"
            | "rail"
            | "road"
            | "highway"
            | "motorway"
            | "expressway"
            | "pipeline"
            | "bridge"
            | "corridor"
            | "line"
    )
}

/// Returns true if and only if `word`, before "of" and a capital, speaks of
/// the city: a part of it, its people or its port ("the outskirts of
/// Nairobi"), never of its country's government.
fn is_part_of_a_city(word: &str) -> bool {
    matches!(
        word,
        "city"
            | "town"
            | "district"
            | "districts"
            | "suburb"
            | "suburbs"
            | "outskirts"
            | "centre"
            | "center"
            | "streets"
            | "neighbourhood"
            | "neighbourhoods"
            | "neighborhood"
            | "neighborhoods"
            | "residents"
            | "people"
            | "port"
            | "mayor"
    )
}

fn is_locative(word: &str) -> bool {
    #[rustfmt::skip]
    let locative = matches!(
        word,
        "in" | "at" | "near" | "outside" | "inside" | "around" | "across" | "within" | "into"
            | "via" | "through" | "throughout" | "In" | "At" | "Near" | "Outside"
    );
    locative
}

/// Returns true if and only if `word` names a journey or a move, which
/// goes to a city, not to its government ("a trip to Paris", "flew from
/// Cairo").
fn is_journey_word(word: &str) -> bool {
    matches!(
        word,
        "trip"
            | "trips"
            | "journey"
            | "flight"
            | "flights"
            | "flew"
            | "flown"
            | "flying"
            | "travel"
            | "travelled"
            | "traveled"
            | "travelling"
            | "traveling"
            | "moved"
            | "relocated"
            | "returned"
            | "drove"
            | "sailed"
            | "commute"
            | "route"
            | "train"
            | "trains"
    )
}

/// Returns true if and only if `word` is a capitalised compass or part
/// word that marks the region of a place ("Southwest", "SW", "Inner",
/// "Greater").
pub(super) fn is_compass_word(word: &str) -> bool {
    matches!(
        word,
        "North"
            | "South"
            | "East"
            | "West"
            | "Northern"
            | "Southern"
            | "Eastern"
            | "Western"
            | "Northeast"
            | "Northwest"
            | "Southeast"
            | "Southwest"
            | "Central"
            | "Greater"
            | "Inner"
            | "Outer"
            | "Downtown"
            | "Upstate"
            | "NE"
            | "NW"
            | "SE"
            | "SW"
    )
}

/// The initial and the surname of a name written "K Carlson" or "K.
/// Carlson": one capital letter, perhaps a full stop, a space, then a
/// capitalised word.
fn initial_and_surname(name: &str) -> Option<(char, &str)> {
    let mut chars = name.chars();
    let initial = chars.next().filter(|c| c.is_uppercase())?;
    let rest = chars.as_str();
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let surname = rest.strip_prefix(' ')?;
    (surname.starts_with(char::is_uppercase) && !surname.contains(' '))
        .then_some((initial, surname))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stronger_evidence_replaces_weaker() {
        let mut lex = Lexicon::default();
        lex.add(
            "General Cherry",
            Known::new("General Cherry", EntityKind::Person, Strength::Cue),
        );
        lex.add(
            "General Cherry",
            Known::new("General Cherry", EntityKind::Company, Strength::Listed),
        );
        lex.add(
            "General Cherry",
            Known::new("General Cherry", EntityKind::Person, Strength::Context),
        );
        assert_eq!(lex.by_surface["General Cherry"].kind, EntityKind::Company);
    }

    #[test]
    fn capitals_are_places_only_where_used_as_locations() {
        let t = "Tokyo has been asked; drones made in Tokyo; a Tokyo-based firm";
        assert!(!used_as_location(t, 0, 5));
        assert!(used_as_location(t, 37, 42));
        assert!(used_as_location(t, 46, 51));
    }

    /// Returns true if and only if the last `name` in `t` is used as a
    /// location.
    fn at(t: &str, name: &str) -> bool {
        let start = t.rfind(name).unwrap();
        used_as_location(t, start, start + name.len())
    }

    #[test]
    fn journeys_compass_words_and_lists_after_a_locative_make_locations() {
        assert!(at("a weekend trip to Lisbon", "Lisbon"));
        assert!(!at("a warning to Lisbon", "Lisbon"));
        assert!(at("farms in Southwest Lisbon", "Lisbon"));
        assert!(at("flying via Oslo, Riga and Lisbon", "Lisbon"));
        assert!(!at("talks between Oslo and Lisbon", "Lisbon"));
        // In lower case, and after a listed name of several words.
        assert!(at("offices in north Lisbon", "Lisbon"));
        assert!(at("a studio in Campo de Ourique, Lisbon", "Lisbon"));
        assert!(!at("talks between Campo Grande and Lisbon", "Lisbon"));
    }

    /// A capital's own council, mayor or airport is the city's: "Lisbon's
    /// city council approved a budget" speaks of no national government.
    #[test]
    fn a_capital_before_its_council_or_mayor_is_the_city() {
        assert!(at("Lisbon's city council approved the budget", "Lisbon"));
        assert!(at("Madrid council votes on rents", "Madrid"));
        assert!(at("Paris mayor Anne Hidalgo said", "Paris"));
        assert!(at("Dhaka airport reopened on Friday", "Dhaka"));
        assert!(!at("Lisbon said on Monday it would object", "Lisbon"));
        assert!(!at("Madrid's envoy in Brussels", "Madrid"));
        assert!(at("a Nairobi court jailed the men", "Nairobi"));
        assert!(at("Oslo police closed the road", "Oslo"));
    }

    /// One end of a route is a place: the Rosario–Victoria ferry sails to
    /// no government.
    #[test]
    fn a_capital_at_one_end_of_a_route_is_the_city() {
        assert!(at("the Rosario–Victoria ferry", "Victoria"));
        assert!(at("the Lagos-Abuja railway", "Lagos"));
        assert!(at("the Lagos-Abuja railway", "Abuja"));
        assert!(!at("Washington-Moscow talks", "Moscow"));
        assert!(!at("Washington-Moscow talks", "Washington"));
    }

    /// A part of a capital, its people or its port are the city's: "a
    /// district of Lisbon", not Portugal's government.
    #[test]
    fn a_part_of_a_capital_is_the_city() {
        assert!(at("Alcantara, a riverside district of Lisbon", "Lisbon"));
        assert!(at("farms on the outskirts of Nairobi", "Nairobi"));
        assert!(at("residents of Dhaka", "Dhaka"));
        assert!(at("the mayor of Oslo", "Oslo"));
        assert!(!at("the demands of Moscow", "Moscow"));
        assert!(!at("a spokesman of Beijing", "Beijing"));
    }
}
