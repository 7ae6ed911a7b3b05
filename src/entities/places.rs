//! Places in context: which of the places that share a name a mention
//! means, and whether a word the gazetteer knows as a town is a place
//! where it stands at all.
//!
//! Evidence for a choice, strongest first: the region or country named
//! right after the place ("Columbus, Ohio", "Victoria, British Columbia");
//! a country or region the document names elsewhere (Georgia the US state
//! in a story of Alabama farmers); else the gazetteer's first entry (a
//! country before a region, the most populous place before others).
//!
//! A town of fewer than [`SMALL_TOWN`] people counts only where it is used
//! as a place: in a dateline ("BEAUMONT, Texas, March 3 -"), after a
//! locative preposition ("of Dallas"), before its region, or before
//! "-based". No place is the subject of a speech verb or follows a
//! personal title ("Warren said", "Mr Jordan"): the words are left to the
//! rules for people.

use super::EntityKind;
use super::cues;
use super::gazetteer::{Entry, Gazetteer, Hit, Role};
use super::text::{first_word, has_cell_gap, last_word, next_word, opens_line};
use crate::corpus::dates::{are_joined_places, is_one_place};

/// Below this population a town needs a place-shaped context.
pub const SMALL_TOWN: u32 = 100_000;

/// Below this population a town whose name is an ordinary English word
/// needs a place-shaped context, as a small town does.
pub const COMMON_WORD_TOWN: u32 = 1_000_000;

/// Chooses among same-named places and drops place hits whose context
/// says they are no place here.
pub fn settle<'g>(text: &str, hits: &mut Vec<Hit<'g>>, gaz: &'g Gazetteer) {
    if hits.iter().any(|h| !gaz.alternatives(h.entry).is_empty()) {
        // What each distinct entry names; a name repeated adds nothing.
        let mut named: Vec<Named> = Vec::new();
        for h in hits.iter() {
            if !named.iter().any(|n| std::ptr::eq(n.entry, h.entry)) {
                named.push(Named {
                    entry: h.entry,
                    country: h.entry.country,
                    region: region_of(h.entry),
                });
            }
        }
        // Among places alone, a firm's home is no country the story names:
        // "GENEVA (AP) —" is no story of the United States.
        let places_named: Vec<Named> = named
            .iter()
            .filter(|n| matches!(n.entry.kind, EntityKind::Country | EntityKind::Place))
            .copied()
            .collect();
        for i in 0..hits.len() {
            let others = gaz.alternatives(hits[i].entry);
            if !others.is_empty() {
                hits[i].entry = choose(text, hits, i, others, &named, &places_named);
            }
        }
    }
    let mut drop: Vec<usize> = Vec::new();
    for i in 0..hits.len() {
        let hit = hits[i];
        let entry = hit.entry;
        // "Jordan Pike", "Georgia Stanway": a country named as many people
        // are, before a surname that ends the name, is a given name. (Not
        // in a title-case line: "Rafidain Bank's Jordan Branch Raises…".)
        if entry.kind == EntityKind::Country
            && entry.role == Role::Name
            && COUNTRIES_AS_GIVEN_NAMES.contains(&&text[hit.start..hit.end])
            && opens_a_personal_name(text, &hit)
            && !ends_before_a_capital(text, hit.end)
        {
            drop.push(i);
            continue;
        }
        if !matches!(entry.role, Role::City | Role::Region | Role::Capital) {
            continue;
        }
        let city = entry.role == Role::City;
        // "Sale is paying": a town named like an English word is a place
        // only where it is used as one, as small towns are.
        let small = city
            && (entry.population < SMALL_TOWN
                || (entry.population < COMMON_WORD_TOWN
                    && gaz.is_common_word(&text[hit.start..hit.end])));
        // A capital that speaks is its government: "Moscow said it would
        // respond" names Russia.
        let agent = agent_after(text, hit.end)
            && !(entry.role == Role::Capital
                && cues::speaks_for_its_government(text, &text[hit.start..hit.end], hit.end));
        let person_shaped = agent
            || titled_before(text, hit.start)
            || (city && in_longer_name(text, hits, i))
            || (entry.role == Role::Capital && opens_a_personal_name(text, &hit));
        // Most places are large and stand alone: nothing more to read.
        if !small && !person_shaped {
            continue;
        }
        // A town alone in a table's cell ("Aparri   Cagayan   538") is a
        // place of a country the text names, by name, region or capital,
        // unless its name is an English word or a listed name of another
        // kind ("Rio Tinto   +0.5%"): a table's branch or ward may share a
        // far town's name.
        let surface = &text[hit.start..hit.end];
        let in_table = || {
            let country_named = entry.country.is_some_and(|country| {
                hits.iter().any(|h| match h.entry.kind {
                    EntityKind::Country => h.entry.name == country,
                    _ => {
                        h.entry.country == Some(country)
                            && matches!(h.entry.role, Role::Region | Role::Capital)
                    }
                })
            });
            country_named
                && is_table_cell(text, hit.start, hit.end)
                && !gaz.is_common_word(surface)
                && gaz
                    .exact(surface)
                    .is_none_or(|e| e.kind == EntityKind::Place)
        };
        // A town used as a place once is that place everywhere in the text
        // ("Shelling hit Nova Kakhovka … residents in Nova Kakhovka").
        let as_place = used_as_place(text, hits, i)
            || (!small && names_an_event_after(text, hit.end))
            || hits.iter().enumerate().any(|(j, h)| {
                j != i && std::ptr::eq(h.entry, entry) && used_as_place(text, hits, j)
            })
            || in_table();
        let titled = person_shaped && !agent && titled_before(text, hit.start);
        if titled
            || (!as_place && (small || person_shaped))
            || (small && opens_headed_name(text, hit.end))
        {
            drop.push(i);
        }
    }
    if !drop.is_empty() {
        let mut i = 0;
        hits.retain(|_| {
            i += 1;
            drop.binary_search(&(i - 1)).is_err()
        });
    }
}

/// Returns the starts of the small towns whose country the text gives no
/// other sign of, in a text that names another country: "the town of
/// Chala" in a story of Peru is Peru's Chala, which the lists do not
/// hold, not Tanzania's, which they do. Such a town stays a place but
/// gives no country. A sign is the country named (or its people), or
/// another of its places: two towns of one country are no coincidence.
pub fn namesakes(hits: &[Hit<'_>]) -> Vec<usize> {
    if !hits.iter().any(|h| h.entry.kind == EntityKind::Country) {
        return Vec::new();
    }
    let sign_of = |town: &Hit<'_>, country: &str| {
        hits.iter().any(|other| {
            !std::ptr::eq(other.entry, town.entry)
                && match other.entry.kind {
                    EntityKind::Country => other.entry.name == country,
                    EntityKind::Place => other.entry.country == Some(country),
                    _ => false,
                }
        })
    };
    hits.iter()
        .filter(|h| {
            h.entry.kind == EntityKind::Place
                && h.entry.role == Role::City
                && h.entry.population < SMALL_TOWN
                && h.entry.country.is_some_and(|country| !sign_of(h, country))
        })
        .map(|h| h.start)
        .collect()
}

/// The names of countries among the 400 commonest male and 400 commonest
/// female first names of the 1990 US census (`assets/given_names.txt`);
/// rarer ones ("China", "India", "Kenya") name the country in news.
const COUNTRIES_AS_GIVEN_NAMES: [&str; 4] = ["Chad", "Georgia", "Israel", "Jordan"];

/// Returns true if and only if the word after the one after `end`, on
/// its line, opens with a capital: the two words go on a title-case line
/// or a longer name.
fn ends_before_a_capital(text: &str, end: usize) -> bool {
    let surname = next_word(text, end);
    let after = end + 1 + surname.len();
    text.get(after..)
        .and_then(|rest| rest.strip_prefix(' '))
        .is_some_and(|rest| rest.starts_with(char::is_uppercase))
}

/// Returns true if and only if the capital or country of `hit` is a given
/// name that a surname follows on its line: "Paris Hilton", "Sofia
/// Coppola", "Victoria Hamilton", "Jordan Henderson" are people, not
/// France, Bulgaria, the Seychelles and Jordan.
fn opens_a_personal_name(text: &str, hit: &Hit) -> bool {
    let surname = next_word(text, hit.end);
    cues::is_given_name(&text[hit.start..hit.end])
        && surname.starts_with(|c: char| c.is_uppercase())
        && surname.chars().skip(1).all(char::is_lowercase)
        && cues::is_surname(surname)
        // (Not "Georgia Monday", "Jordan King Abdullah": a day, a month
        // or a title is no surname here.)
        && cues::traits(surname) & (cues::HEAD | cues::PLACE_HEAD | cues::FUNCTION_WORD | cues::TITLE)
            == 0
}

/// Returns true if and only if the name that ends at `end` opens the name
/// of a sporting or cultural event held there: one to four capitalised
/// words, the last of them an event's head ("the Birmingham Grand Prix",
/// "the Boston Indoor Games", "the London Marathon", "the Athens
/// Olympics"). A cup or trophy is left out: it is named after people too
/// ("the Davis Cup", "the Stanley Cup").
pub(super) fn names_an_event_after(text: &str, end: usize) -> bool {
    const HELD_EVENTS: &[&str] = &[
        "Olympics",
        "Olympic",
        "Paralympics",
        "Paralympic",
        "Games",
        "Championships",
        "Championship",
        "Prix",
        "Marathon",
        "Festival",
        "Open",
        "Regatta",
    ];
    let mut at = end;
    for _ in 0..4 {
        let word = next_word(text, at);
        if !word.starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
        if HELD_EVENTS.contains(&word) {
            return true;
        }
        at += 1 + word.len();
    }
    false
}

/// Returns true if and only if a head word follows the name that ends at
/// `end` ("Buffalo City Metropolitan Municipality", "Reading Festival
/// Ltd"): a small town's name opens a longer name of its own there, even
/// after a locative ("the whole of Buffalo City").
fn opens_headed_name(text: &str, end: usize) -> bool {
    let next = next_word(text, end);
    // ("the Riverton city council" is the town's.)
    next.starts_with(char::is_uppercase)
        && (next == "City"
            || cues::traits(next) & (cues::ORG_HEAD | cues::PLACE_HEAD | cues::COMPANY_SUFFIX) != 0)
}

/// The region an entry names, if it is one ("Texas", "British Columbia").
fn region_of(entry: &Entry) -> Option<&'static str> {
    let region = entry.role == Role::Region
        || (entry.role == Role::Name && entry.kind == EntityKind::Place && entry.country.is_some());
    region.then_some(entry.name)
}

/// One distinct entry of a text's hits, with the country and region it
/// names.
#[derive(Clone, Copy)]
struct Named<'g> {
    entry: &'g Entry,
    country: Option<&'static str>,
    region: Option<&'static str>,
}

/// Returns the entry hit `i` means, among its own and `others`.
fn choose<'g>(
    text: &str,
    hits: &[Hit<'g>],
    i: usize,
    others: &'g [Entry],
    named: &[Named],
    places_named: &[Named],
) -> &'g Entry {
    let hit = hits[i];
    let candidates = || std::iter::once(hit.entry).chain(others.iter());
    // "Columbus, Ohio": the region or country right after.
    if let Some(next) = hits.get(i + 1)
        && text.get(hit.end..next.start) == Some(", ")
    {
        let (country, region) = (next.entry.country, region_of(next.entry));
        let fits = |e: &&Entry| {
            region.is_some_and(|r| e.region == Some(r))
                || (next.entry.kind == EntityKind::Country && e.country == country)
        };
        if let Some(e) = candidates().find(fits) {
            return e;
        }
    }
    // A country or region the rest of the document names. A capital is
    // the place its name means unless the region of another is named:
    // London is not London, Ontario, in a story that names a Canadian
    // town.
    let capital = hit.entry.role == Role::Capital;
    let named = if candidates().all(|e| e.kind == EntityKind::Place) {
        places_named
    } else {
        named
    };
    // Named by another entry than the hit's own.
    let named_by = |same: &dyn Fn(&Named) -> bool| {
        named
            .iter()
            .any(|n| same(n) && n.entry.name != hit.entry.name)
    };
    let region_named = |e: &Entry| named_by(&|n| e.region.is_some() && e.region == n.region);
    let its_country_named =
        |e: &Entry| named_by(&|n| e.country.is_some() && e.country == n.country);
    let country_named = |e: &Entry| !capital && its_country_named(e);
    if region_named(hit.entry) || country_named(hit.entry) {
        return hit.entry;
    }
    // "Plymouth … Montserrat's observatory": a capital whose country the
    // story names is that capital, however small.
    let own_country_named = its_country_named(hit.entry);
    // "Victoria … Melbourne, Australia": a capital whose country the story
    // does not name is the state or province of its name in a country it
    // does (not the capital of the Seychelles).
    if capital && !own_country_named {
        let state_of_a_named_country = |e: &&Entry| e.role == Role::Region && its_country_named(e);
        if let Some(state) = others.iter().find(state_of_a_named_country) {
            return state;
        }
    }
    // A country named elsewhere is weaker evidence than a region: it does
    // not make a town of the name the place meant over a city ten times
    // its size (Rotterdam, New York in a story that names Washington).
    let dwarfed = |e: &Entry| {
        e.role == Role::City
            && hit.entry.role == Role::City
            && u64::from(e.population) * 10 < u64::from(hit.entry.population)
    };
    // Nor does it make a listed firm a town of its name ("Rio Tinto said"
    // in a story of mines in Brazil), unless the words around use the
    // name as a place ("in Rio Tinto").
    let firm_stands = hit.entry.kind == EntityKind::Company && !used_as_place(text, hits, i);
    others
        .iter()
        .find(|e| region_named(e) || (country_named(e) && !dwarfed(e) && !firm_stands))
        .or_else(|| {
            (!own_country_named)
                .then(|| dwarfing_namesake(hit.entry, others))
                .flatten()
        })
        .unwrap_or(hit.entry)
}

/// The population a namesake needs before it outweighs a tiny capital.
const DWARFING_POPULATION: u32 = 100_000;

/// For a capital that is a village beside a city of its name (Plymouth on
/// Montserrat, 0 people, beside Plymouth in England), returns that city:
/// with nothing else to go on, a story means the place where people live.
/// It must be ten times the capital's size and a city of its own.
fn dwarfing_namesake<'g>(capital: &Entry, others: &'g [Entry]) -> Option<&'g Entry> {
    // A capital's population is 0 only where the places do not list it.
    if capital.role != Role::Capital || capital.population == 0 {
        return None;
    }
    let biggest = others
        .iter()
        .filter(|e| e.role == Role::City)
        .max_by_key(|e| e.population)?;
    (biggest.population >= DWARFING_POPULATION
        && u64::from(capital.population) * 10 < u64::from(biggest.population))
    .then_some(biggest)
}

/// Returns true if and only if hit `i` stands where only a place can: a
/// dateline, after a locative preposition, before its region, or before
/// "-based".
fn used_as_place(text: &str, hits: &[Hit], i: usize) -> bool {
    let hit = hits[i];
    let after = &text[hit.end..];
    if after.starts_with("-based") || is_dateline(text, hit.start, hit.end) {
        return true;
    }
    if let Some(next) = hits.get(i + 1)
        && text.get(hit.end..next.start) == Some(", ")
        && (region_of(next.entry).is_some() || next.entry.kind == EntityKind::Country)
    {
        return true;
    }
    // "Harrogate councillors", "Pannal residents": only a place has these.
    if after.strip_prefix(' ').map(first_word).is_some_and(|next| {
        matches!(
            next,
            "councillors" | "council" | "residents" | "townspeople" | "villagers"
        )
    }) {
        return true;
    }
    // "in Kisumu, Siaya, Busia and Migori": the names listed after a
    // locative, each known, are all used as places.
    let mut first = i;
    while first > 0
        && i - first < MAX_LISTED
        && matches!(
            text.get(hits[first - 1].end..hits[first].start),
            Some(", " | " and " | ", and " | " or ")
        )
    {
        first -= 1;
    }
    let locative = (first..=i).any(|j| after_locative(text, hits[j].start));
    // "to Onex Capital": a small town's name that a capitalised word
    // continues is the start of a longer name.
    let small = hit.entry.role == Role::City && hit.entry.population < SMALL_TOWN;
    locative && !(small && name_continues(text, hits, i))
}

/// The most names of a list read back to its locative.
const MAX_LISTED: usize = 5;

/// Returns true if and only if a locative preposition ("in", "near",
/// "from", …) stands right before byte `start`.
pub(super) fn after_locative(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    #[rustfmt::skip]
    let locative = matches!(
        word,
        "in" | "at" | "near" | "of" | "from" | "outside" | "to" | "around" | "across" | "into"
            | "via" | "through" | "above" | "below" | "beyond" | "towards" | "toward" | "In"
            | "At" | "Near" | "From" | "Outside"
    );
    // ("according to Rio Tinto", "thanks to Vale": a source or a cause.)
    let source = word == "to" && {
        let rest = before[..before.len() - 2].trim_end();
        matches!(
            last_word(rest),
            "according" | "According" | "thanks" | "Thanks" | "owing"
        )
    };
    (locative && !source) || (word == "as" && lists_settlements(before))
}

/// Returns true if and only if `before` ends in a plural word for
/// settlements and "such as": "towns such as Vogar and Hafnarfjörður",
/// "cities such as Split".
fn lists_settlements(before: &str) -> bool {
    let Some(noun) = before
        .strip_suffix("such as")
        .map(str::trim_end)
        .and_then(|rest| rest.rsplit(' ').next())
    else {
        return false;
    };
    let singular = match noun.strip_suffix("ies") {
        Some(stem) => format!("{stem}y"),
        None => noun.strip_suffix('s').unwrap_or_default().to_owned(),
    };
    cues::is_settlement_noun(&singular)
}

/// Returns true if and only if `start..end` fills a cell of a table row
/// written as text: the line's start, a tab, a bar or two spaces before
/// it, and the line's end, a tab, a bar or two spaces after it, with a
/// gap of that kind somewhere on the line ("Aparri      Cagayan      538").
fn is_table_cell(text: &str, start: usize, end: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let before = &text[line_start..start];
    let after = &text[end..line_end];
    let gap_before = before.is_empty() || before.ends_with(['\t', '|']) || before.ends_with("  ");
    let gap_after = after.is_empty() || after.starts_with(['\t', '|']) || after.starts_with("  ");
    gap_before && gap_after && (has_cell_gap(before) || has_cell_gap(after))
}

/// Returns true if and only if a capitalised word that is no function word
/// and opens no known name follows hit `i` after one space.
fn name_continues(text: &str, hits: &[Hit], i: usize) -> bool {
    let end = hits[i].end;
    cues::is_name_word(next_word(text, end)) && hits.get(i + 1).is_none_or(|h| h.start != end + 1)
}

/// Returns true if and only if the place at `start..end` opens a dateline:
/// first on its line, then optional ", Region" parts, then a date or a
/// dash ("HOUSTON, March 3 -", "VANCOUVER, British Columbia, Feb 26 -",
/// "ABERDEEN — ").
pub fn is_dateline(text: &str, start: usize, end: usize) -> bool {
    if !opens_line(text, start) && !after_joined_places(text, start) {
        return false;
    }
    let mut rest = &text[end..];
    // "LONDON/NEW YORK, March 3 (Reuters) -": filed from several places.
    for _ in 0..2 {
        match rest
            .strip_prefix('/')
            .map(|part| part.split_at(place_end(part)))
        {
            Some((place, after)) if is_one_place(place) => rest = after,
            _ => break,
        }
    }
    for _ in 0..3 {
        if rest.starts_with(" -") || rest.starts_with(" —") || rest.starts_with(" –") {
            return true;
        }
        // "GENEVA (AP) —", "LAGOS, Nigeria (Reuters) -": the agency's
        // credit before the dash.
        if let Some(after) = agency_credit(rest) {
            rest = after;
            continue;
        }
        let Some(part) = rest.strip_prefix(", ") else {
            return false;
        };
        let word = first_word(part);
        if is_month(word) || is_day_of_date(part) {
            return true;
        }
        // A region or country: capitalised words up to the next comma,
        // credit or dash ("NEWLYN, Cornwall - Forty crews").
        let cut = part.find([',', '\n']).unwrap_or(part.len());
        let cut = [" (", " -", " —", " –"]
            .iter()
            .filter_map(|mark| part[..cut].find(mark))
            .min()
            .unwrap_or(cut);
        let region = &part[..cut];
        // "Ana Ruiz, Reporter -": a byline's job, in ordinary words, is
        // no region.
        if region.split_whitespace().count() > 4
            || !region.starts_with(char::is_uppercase)
            || region.split_whitespace().all(super::is_common_word)
        {
            return false;
        }
        rest = &part[cut..];
    }
    false
}

/// Returns true if and only if `start` follows one or two places that
/// open its line, each ended by a slash ("LONDON/" of "LONDON/NEW YORK,
/// March 3 -").
fn after_joined_places(text: &str, start: usize) -> bool {
    let before = &text[..start];
    let Some(joined) = before.strip_suffix('/') else {
        return false;
    };
    let line_start = joined.rfind('\n').map_or(0, |at| at + 1);
    are_joined_places(joined[line_start..].trim_start(), 2)
}

/// Returns where the place that opens `part` ends: at its line's next
/// slash, comma, bracket or dash.
fn place_end(part: &str) -> usize {
    let line = part.find('\n').unwrap_or(part.len());
    ["/", ",", " (", " -", " —", " –"]
        .iter()
        .filter_map(|mark| part[..line].find(mark))
        .min()
        .unwrap_or(line)
}

/// Returns what follows a news agency's credit that opens `rest`: a short
/// capitalised name in brackets, on one line (" (AP)", " (Reuters)").
pub(super) fn agency_credit(rest: &str) -> Option<&str> {
    let inside = rest.strip_prefix(" (")?;
    let close = inside.find(')')?;
    let agency = &inside[..close];
    (close <= 30 && agency.starts_with(char::is_uppercase) && !agency.contains('\n'))
        .then(|| &inside[close + 1..])
}

/// Returns true if and only if `part` opens with a date that starts with
/// its day ("3 March", "03/12/2026", "2026-12-03"), not with an age or a
/// count ("Lucy, 36, tracked down").
fn is_day_of_date(part: &str) -> bool {
    let digits = part.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return false;
    }
    let rest = &part[digits..];
    rest.starts_with(['/', '.', '-']) && rest[1..].starts_with(|c: char| c.is_ascii_digit())
        || rest
            .strip_prefix(' ')
            .is_some_and(|r| is_month(first_word(r)))
}

fn is_month(word: &str) -> bool {
    #[rustfmt::skip]
    let month = matches!(
        word,
        "Jan" | "January" | "Feb" | "February" | "March" | "Mar" | "April" | "Apr" | "May"
            | "June" | "Jun" | "July" | "Jul" | "August" | "Aug" | "Sept" | "Sep" | "September"
            | "Oct" | "October" | "Nov" | "November" | "Dec" | "December"
    );
    month
}

/// Returns true if and only if hit `i` sits beside a capitalised word that
/// no hit covers and that is no function word: it is then a word of a
/// longer name ("Governor George Deukmejian", "Teresa Valdivia said",
/// "CAROLINA WEAVER"), which the rules for names in no list read.
fn in_longer_name(text: &str, hits: &[Hit], i: usize) -> bool {
    let hit = hits[i];
    // A word no hit covers, or another town's ("Teresa Valdivia": two
    // towns side by side are a name).
    // Hits are sorted: only the neighbours can cover the words beside.
    let unknown_capital = |at: usize, word: &str| {
        let covered = [i.wrapping_sub(1), i + 1].iter().any(|&j| {
            hits.get(j)
                .is_some_and(|h| h.start <= at && at < h.end && h.entry.role != Role::City)
        });
        cues::is_name_word(word) && !covered
    };
    let after = text[hit.end..].strip_prefix(' ').map(first_word);
    if after.is_some_and(|w| unknown_capital(hit.end + 1, w)) {
        return true;
    }
    let Some(before) = text[..hit.start].strip_suffix(' ') else {
        return false;
    };
    let start = before.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |k| {
        k + before[k..].chars().next().map_or(1, char::len_utf8)
    });
    let word = &before[start..];
    // A capital at a sentence start says nothing; a title's period ("Dr.
    // Aisha Bello") ends no sentence.
    let prior = before[..start].trim_end();
    let abbreviation = prior.strip_suffix('.').is_some_and(|p| {
        let w = p
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default();
        w.len() <= 4 && w.starts_with(|c: char| c.is_ascii_uppercase())
    });
    let sentence_start =
        prior.is_empty() || (prior.ends_with(['.', '!', '?', '"', '“']) && !abbreviation);
    !sentence_start && unknown_capital(start, word)
}

/// Returns true if and only if a speech or agent verb follows `end`
/// ("Warren said").
fn agent_after(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    cues::is_agent_verb(first_word(rest))
}

/// Returns true if and only if a personal title stands right before
/// `start` ("Mr Jordan", "Mrs. Victoria").
fn titled_before(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches(' ').trim_end_matches('.');
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    matches!(word, "Mr" | "Mrs" | "Ms" | "Miss" | "Dr" | "Sir" | "Dame")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_are_a_place_then_a_date_or_a_dash() {
        let t = "    Corvallis, Ore., June 4 - The council voted.";
        assert!(is_dateline(t, 4, 13));
        let t = "Tromsø — Fishing quotas were cut.";
        assert!(is_dateline(t, 0, "Tromsø".len()));
        let t = "He flew to Corvallis, Ore., June 4.";
        assert!(!is_dateline(t, 11, 20));
        let t = "Corvallis, a college town, voted.";
        assert!(!is_dateline(t, 0, 9));
        let t = "Corvallis, 4 June - The council voted.";
        assert!(is_dateline(t, 0, 9));
        let t = "Corvallis, 04/06/2026 - The council voted.";
        assert!(is_dateline(t, 0, 9));
        // An age after a name is no date.
        let t = "Savannah, 36, tracked down her father.";
        assert!(!is_dateline(t, 0, 8));
    }

    #[test]
    fn an_agency_credit_may_stand_before_a_datelines_dash() {
        let t = "TROMSØ (AP) — Fishing quotas were cut.";
        assert!(is_dateline(t, 0, "TROMSØ".len()));
        let t = "Corvallis, Ore. (Reuters) - The council voted.";
        assert!(is_dateline(t, 0, 9));
        // Words in brackets that go on are no credit.
        let t = "Corvallis (the town) voted - narrowly.";
        assert!(!is_dateline(t, 0, 9));
    }

    #[test]
    fn a_dateline_may_be_filed_from_places_joined_by_slashes() {
        let t = "Intro\nLONDON/NEW YORK, March 3 (Reuters) - Oil rose.";
        let (london, new_york) = (6, 13);
        assert!(is_dateline(t, london, london + 6));
        assert!(is_dateline(t, new_york, new_york + 8));
        let t = "OSLO/BERGEN/TROMSØ - Ferries stopped.";
        assert!(is_dateline(t, 0, 4));
        assert!(is_dateline(t, 5, 11));
        assert!(is_dateline(t, 12, t.find(" -").unwrap()));
        // Not after words of a sentence, nor before them.
        let t = "Prices in London/Paris, March 3 - rose.";
        assert!(!is_dateline(t, 17, 22));
        let t = "OSLO/and then, March 3 - rose.";
        assert!(!is_dateline(t, 0, 4));
    }
}
