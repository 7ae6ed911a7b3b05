//! Names that hold a possessive: "Guy's Hospital", "King's College
//! London", "St Thomas' Hospital", "Queen's Park", but not a person's
//! work ("Alan Bennett's The History Boys"). Runs of capitalised
//! words stop after a possessive, since "Japan's Self-Defense Forces" is
//! two names; an institution's or a place's head word right after a
//! possessive that no list knows joins the two into one name.

use super::Context;
use crate::entities::EntityKind;
use crate::entities::cues;
use crate::entities::resolve::{Known, Lexicon, Strength};
use crate::entities::text::Run;

/// The longest possessor read, in words ("St Thomas'").
const MAX_POSSESSOR: usize = 2;
/// The longest possessor of a place, which may be named after a titled
/// person ("Sir John Rogerson's Quay").
const MAX_PLACE_POSSESSOR: usize = 3;
/// The most words after the possessive when the head word ends them
/// ("St Brigid's National School").
const MAX_HEADED: usize = 3;
/// The longest possessor that is a group of people ("International
/// Transport Workers'").
const MAX_GROUP_POSSESSOR: usize = 4;

/// Teaches the names that run on past a possessive in `ctx.text`.
pub(super) fn possessive_names<'t>(
    ctx: &Context<'t, '_, '_>,
    runs: &[Run],
    lexicon: &mut Lexicon<'t>,
) {
    for pair in runs.windows(2) {
        let (mut owner, rest) = (pair[0], pair[1]);
        // "The Ironworkers' Union": a leading function word is left out.
        while owner.first + 1 < owner.last && ctx.has(owner.first, cues::FUNCTION_WORD) {
            owner.first += 1;
        }
        let last = owner.last - 1;
        // "St Thomas' Hospital": a bare apostrophe after an s.
        let gap = &ctx.text[ctx.words[last].end..ctx.words[rest.first].start];
        let possessive = match gap {
            "'s " | "’s " => ctx.words[last].possessive,
            "' " | "’ " => ctx.word(last).ends_with('s'),
            _ => false,
        };
        // "the Welsh Farmers' Union", "the Scottish Women's Institute": a
        // body named for a group of people it serves.
        let group = possessive
            && (matches!(gap, "' " | "’ ")
                || matches!(ctx.word(last), "Women" | "Men" | "Children" | "People"));
        // The head opens the rest ("Guy's Hospital Trust") or ends it
        // after common words ("St Brigid's National School"); words that
        // are no English word name the rest on their own ("Shivajinagar's
        // Jangli Maharaj Road").
        let head = if ctx.has(rest.first, cues::ORG_HEAD | cues::PLACE_HEAD)
            || rest.last - rest.first > MAX_HEADED
            || !(rest.first..rest.last - 1).all(|i| ctx.is_common(i))
        {
            rest.first
        } else {
            rest.last - 1
        };
        let place = ctx.has(head, cues::PLACE_HEAD) && !ctx.has(head, cues::ORG_HEAD);
        let longest = if group {
            MAX_GROUP_POSSESSOR
        } else if place {
            MAX_PLACE_POSSESSOR
        } else {
            MAX_POSSESSOR
        };
        if !possessive || owner.last - owner.first > longest {
            continue;
        }
        // "Britain's Army", "Apple's Board": a country's, a town's or a
        // firm's possession is no part of a name; a group may be a
        // nation's ("Welsh Farmers'").
        let listed = (owner.first..owner.last).any(|i| {
            ctx.known[i].is_some_and(|h| {
                !group
                    || !matches!(
                        ctx.hits[h].entry.kind,
                        EntityKind::Country | EntityKind::Place
                    )
            })
        });
        // "The Shaw's Board": a firm's board or committee is its own.
        let organ = matches!(ctx.word(head), "Board" | "Committee" | "Cabinet");
        if organ || !ctx.has(head, cues::ORG_HEAD | cues::PLACE_HEAD) {
            continue;
        }
        let kind = if ctx.has(rest.last - 1, cues::COMPANY_SUFFIX) {
            // "Wieboldt's Department Stores".
            EntityKind::Company
        } else if ctx.has(head, cues::ORG_HEAD) {
            EntityKind::Organization
        } else {
            EntityKind::Place
        };
        // "President Reagan's Council of Economic Advisers": an office's
        // holder owns it, it is not named after them; a crown names
        // ("Queen's Hospital", "King's College"), and a street or a quay
        // may be named after a titled person ("Sir John Rogerson's Quay").
        let royal = |i: usize| matches!(ctx.word(i), "King" | "Queen" | "Prince" | "Princess");
        let owner_name = (owner.first..owner.last).all(|i| {
            ctx.words[i].capitalized
                && !ctx.has(i, cues::FUNCTION_WORD)
                && (royal(i) || place || !(ctx.is_title(i) || ctx.has(i, cues::ABBREVIATED_TITLE)))
        });
        // "Alan Bennett's The History Boys", "Peter Lindqvist's Winter
        // Harbour": a title after a person's possessive is their work; no
        // name holds "The" after a possessive, and places are named after
        // a titled person ("Sir John Rogerson's Quay"), not after a given
        // name and a surname.
        let work = ctx.word(rest.first) == "The"
            || (place
                && owner.last - owner.first == 2
                && cues::is_given_name(ctx.word(owner.first)));
        if listed || !owner_name || work || ctx.words[owner.first].heading {
            continue;
        }
        let name = &ctx.text[ctx.words[owner.first].start..ctx.words[rest.last - 1].end];
        lexicon.add(name, Known::new(name, kind, Strength::Cue));
    }
}
