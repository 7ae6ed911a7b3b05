//! Places at the ends of a route: "the Mallaig to Lochboisdale service",
//! "the Oban-Castlebay ferry", "sailings from Gimpo to Jeju". A ferry, a
//! flight, a road or a railway runs between places, so two names joined
//! by "to" (or a hyphen) before a route's noun, or after one and "from",
//! are places, however small: the lists know few villages and ports. What
//! a route teaches holds for the whole text ("businesses in Mallaig").
//!
//! So are places told by a distance or a bearing from them: "a few
//! kilometres from Njabini", "30 miles north of Hopetoun", "the stage runs
//! 151 km from Bergara to Oñati".
//!
//! A name the lists know keeps its entry; a name with a head word, a title
//! or ordinary words only ("the North to South line") is left alone.

use super::Context;
use crate::entities::EntityKind;
use crate::entities::cues;
use crate::entities::gazetteer::Role;
use crate::entities::resolve::{Known, Lexicon, Strength};
use crate::entities::text::{Run, first_word, last_word, next_word};

/// The most words of a place's name at a route's end.
const MAX_WORDS: usize = 3;

/// Teaches the places at the ends of the routes in `ctx.text`.
pub(super) fn places_on_routes<'t>(
    ctx: &Context<'t, '_, '_>,
    runs: &[Run],
    lexicon: &mut Lexicon<'t>,
) {
    for pair in runs.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let gap = &ctx.text[ctx.words[from.last - 1].end..ctx.words[to.first].start];
        if gap != " to " || ctx.words[from.last - 1].possessive {
            continue;
        }
        let after = next_word(ctx.text, ctx.words[to.last - 1].end);
        let before = ctx.text[..ctx.words[from.first].start].trim_end();
        // "the ferry from Oban to Castlebay", "flights from Gimpo to Jeju".
        let from_after_route = before.strip_suffix(" from").is_some_and(|rest| {
            let noun = last_word(rest).to_lowercase();
            is_route_noun(&noun) || is_distance_unit(&noun)
        });
        if is_route_noun(after) || from_after_route {
            teach_place(ctx, from.first, from.last, lexicon);
            teach_place(ctx, to.first, to.last, lexicon);
        }
    }
    // "12 km from Njabini", "north of Klaksvík".
    for run in runs {
        let before = ctx.text[..ctx.words[run.first].start].trim_end();
        // ("north of Quantex's offer" is a price.)
        if measured_from(before) && !ctx.words[run.last - 1].possessive {
            teach_place(ctx, run.first, run.last, lexicon);
        }
    }
    // "the Mallaig-Lochboisdale route": one word, two places.
    for run in runs {
        let word = ctx.words[run.last - 1];
        let name = &ctx.text[word.start..word.end];
        let Some((a, b)) = name.split_once('-') else {
            continue;
        };
        let after = next_word(ctx.text, word.end);
        // ("the Dublin-Galway train": a place the lists know keeps its
        // entry. "the Anglo-Irish route" joins two peoples, no places.)
        let known_place = |part: &str| {
            ctx.gaz.exact(part).is_some_and(|e| {
                matches!(e.kind, EntityKind::Place | EntityKind::Country) && e.role != Role::Demonym
            })
        };
        if is_route_noun(after)
            && [a, b]
                .iter()
                .all(|part| is_place_word(ctx, part) || known_place(part))
        {
            for part in [a, b].into_iter().filter(|part| !known_place(part)) {
                lexicon.add(part, Known::new(part, EntityKind::Place, Strength::Context));
            }
        }
    }
}

/// Teaches the words `first..last` as a place, unless a list knows them or
/// their words say they are something else.
pub(super) fn teach_place<'t>(
    ctx: &Context<'t, '_, '_>,
    first: usize,
    last: usize,
    lexicon: &mut Lexicon<'t>,
) {
    let all_common = (first..last).all(|i| ctx.is_common(i));
    if last - first > MAX_WORDS
        || all_common
        || ctx.has_hit_within(first, last)
        || (first..last).any(|i| ctx.has(i, cues::HEAD | cues::TITLE) || ctx.is_title(i))
        || ctx.words[first].heading
    {
        return;
    }
    let name = ctx.span(first, last);
    lexicon.add(name, Known::new(name, EntityKind::Place, Strength::Context));
}

/// Returns true if and only if `part`, half of a hyphenated word, may be
/// a place's name the lists lack: capitalised, with no capitals after its
/// first letter, and no ordinary word.
fn is_place_word(ctx: &Context<'_, '_, '_>, part: &str) -> bool {
    part.chars().count() >= 3
        && part.starts_with(char::is_uppercase)
        && part.chars().skip(1).all(char::is_lowercase)
        && !ctx.gaz.is_common_word(part)
        && ctx.gaz.exact(part).is_none()
        && first_word(part) == part
}

/// Returns true if and only if `before`, the text before a name, ends in a
/// distance and "from" ("a few kilometres from", "12 km from") or in a
/// bearing and "of" ("north of", "40 miles south-west of").
fn measured_from(before: &str) -> bool {
    if let Some(rest) = before.strip_suffix(" from") {
        return is_distance_unit(last_word(rest));
    }
    before.strip_suffix(" of").is_some_and(|rest| {
        // ("south-west of" ends in "west".)
        matches!(
            last_word(rest),
            "north"
                | "south"
                | "east"
                | "west"
                | "northeast"
                | "northwest"
                | "southeast"
                | "southwest"
        )
    })
}

/// Returns true if and only if `word` is a unit of distance.
fn is_distance_unit(word: &str) -> bool {
    matches!(
        word,
        "kilometres" | "kilometers" | "km" | "miles" | "metres" | "meters" | "mi"
    )
}

/// Returns true if and only if `word` names a way between two places.
fn is_route_noun(word: &str) -> bool {
    matches!(
        word,
        "route"
            | "routes"
            | "service"
            | "services"
            | "run"
            | "crossing"
            | "crossings"
            | "ferry"
            | "ferries"
            | "sailing"
            | "sailings"
            | "flight"
            | "flights"
            | "road"
            | "railway"
            | "line"
            | "link"
            | "highway"
            | "motorway"
            | "pipeline"
            | "train"
            | "trains"
            | "bus"
            | "buses"
            | "corridor"
    )
}
