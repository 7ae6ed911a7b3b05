//! Places listed with places: "production sites in Schlieren, Lausanne and
//! Brno", "farms near Dimboola or Horsham". After a locative, a list whose
//! items the lists know as places lists places, so a name in it that no
//! list knows, of one or two words, is a place too: news lists like with
//! like, and the lists know few small towns.
//!
//! An item that a list knows as anything else (a firm, a demonym), an
//! ordinary word or an acronym makes the list no list of places, and
//! nothing is taught; "between" opens none: it joins two sides ("the match
//! between Villarreal and Girona" is one of clubs).

use super::Context;
use super::routes::teach_place;
use crate::entities::EntityKind;
use crate::entities::gazetteer::{Entry, Role};
use crate::entities::resolve::Lexicon;
use crate::entities::text::{Run, last_word};

/// The most words of an unknown item.
const MAX_WORDS: usize = 2;

/// Teaches the unknown items of lists of places after a locative.
pub(super) fn places_listed_with_places<'t>(
    ctx: &Context<'t, '_, '_>,
    runs: &[Run],
    lexicon: &mut Lexicon<'t>,
) {
    let mut r = 0;
    while r < runs.len() {
        let before = ctx.text[..ctx.words[runs[r].first].start].trim_end();
        if !is_locative(last_word(before)) || before.len() + 1 != ctx.words[runs[r].first].start {
            r += 1;
            continue;
        }
        // "in Schlieren, Lausanne and Brno": the list ends at its "and" or
        // "or" ("Speaking in Aberdeen, Miliband said" is no list).
        let mut end = r + 1;
        let mut closed = false;
        while end < runs.len() && !closed {
            match ctx.list_gap(runs[end - 1].last, runs[end].first) {
                Some(gap) => closed = gap != ", ",
                None => break,
            }
            end += 1;
        }
        if closed {
            teach_list(ctx, &runs[r..end], lexicon);
        }
        r = end;
    }
}

/// Teaches the unknown items of `list` as places if the rest are places.
fn teach_list<'t>(ctx: &Context<'t, '_, '_>, list: &[Run], lexicon: &mut Lexicon<'t>) {
    if list.len() < 2 {
        return;
    }
    // (A town named like a word, "Cork", may be no hit yet: the place
    // rules decide on it later. It is known all the same.)
    let listed_place = |entry: &Entry| {
        matches!(entry.kind, EntityKind::Place | EntityKind::Country) && entry.role != Role::Demonym
    };
    let place = |run: &Run| {
        ctx.hit_spanning(run.first, run.last)
            .is_some_and(|hit| listed_place(hit.entry))
            || ctx
                .gaz
                .exact(ctx.span(run.first, run.last))
                .is_some_and(listed_place)
    };
    let unknown = |run: &Run| {
        run.last - run.first <= MAX_WORDS
            && !ctx.has_hit_within(run.first, run.last)
            && !ctx.words[run.last - 1].possessive
            && (run.first..run.last).all(|i| {
                // (An acronym is more often a firm: "at Bahia Blanca, and ADM".)
                ctx.words[i].capitalized
                    && !ctx.is_common(i)
                    && ctx.word(i).chars().any(char::is_lowercase)
            })
    };
    if !list.iter().any(place) || !list.iter().all(|run| place(run) || unknown(run)) {
        return;
    }
    for run in list.iter().filter(|run| !place(run)) {
        teach_place(ctx, run.first, run.last, lexicon);
    }
}

/// Returns true if and only if `word` is a preposition of place before a
/// list of towns.
fn is_locative(word: &str) -> bool {
    matches!(
        word,
        "in" | "near" | "at" | "from" | "outside" | "around" | "across" | "through"
    )
}
