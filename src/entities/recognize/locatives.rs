//! Places named where only places stand: a word that no list knows and
//! that the text puts after prepositions of place again and again ("a
//! meeting in Castlebar on Monday … the protest in Castlebar", "a mother
//! in Kapsoit … factories at Kapsoit") is a town. One such mention is weak
//! evidence ("invest in Quantex"); two make a place, one of them after a
//! preposition firms seldom follow ("in", "near", not only "at" or
//! "from": "analysts at Quantex"), unless the text also
//! uses the word as a firm's or a person's ("Quantex said", "Quantex
//! shares", "Quantex Ltd").
//!
//! Runs after the other rules: a name they taught keeps what they taught.

use std::collections::HashMap;

use super::Context;
use crate::entities::EntityKind;
use crate::entities::cues;
use crate::entities::resolve::{Known, Lexicon, Strength};
use crate::entities::text::{Run, last_word, next_word};

/// The evidence that makes a place.
const ENOUGH: i32 = 2;

/// Teaches the words the text places after prepositions of place often
/// enough, and never uses otherwise.
pub(super) fn places_named_where_places_stand<'t>(
    ctx: &Context<'t, '_, '_>,
    runs: &[Run],
    lexicon: &mut Lexicon<'t>,
) {
    // Evidence per word: a sum of weights and whether a preposition that
    // places more than firms ("in", "near") stood before it, or `None`
    // once the text uses it as no place.
    let mut evidence: HashMap<&'t str, Option<(i32, bool)>> = HashMap::new();
    for run in runs {
        if run.last - run.first != 1 || !ctx.words[run.first].capitalized {
            continue;
        }
        let i = run.first;
        let word = ctx.word(i);
        if ctx.known[i].is_some()
            || ctx.is_common(i)
            || ctx.has(i, cues::HEAD | cues::TITLE | cues::FUNCTION_WORD)
            || !word.chars().any(char::is_lowercase)
            || word.chars().count() < 3
        {
            continue;
        }
        let after = next_word(ctx.text, ctx.words[i].end);
        // "outside European jurisdiction": an adjective of a people or a
        // region before its noun (not "in Kilgarvan want").
        let adjective = ["ean", "ian", "ese", "ish"]
            .iter()
            .any(|end| word.ends_with(end))
            && ctx.gap_before(i + 1) == " "
            && after.starts_with(|c: char| c.is_lowercase());
        let used_otherwise = ctx.words[i].possessive
            || adjective
            || cues::is_agent_verb(after)
            || cues::is_business_verb(after)
            || cues::is_business_possession(after)
            || cues::is_legal_form(after);
        let (weight, placing) = weight_of(ctx, i);
        // "from Hartpury, Gloucestershire", "from Bromesberrow, near
        // Ledbury": an address after the word places it too.
        let (weight, placing) = if address_follows(ctx, i) {
            (weight + 1, true)
        } else {
            (weight, placing)
        };
        let entry = evidence.entry(word).or_insert(Some((0, false)));
        *entry = match (*entry, used_otherwise) {
            (Some((sum, placed)), false) => Some((sum + weight, placed || placing)),
            _ => None,
        };
    }
    for (word, seen) in evidence {
        if seen.is_some_and(|(sum, placed)| sum >= ENOUGH && placed) && lexicon.get(word).is_none()
        {
            lexicon.add(word, Known::new(word, EntityKind::Place, Strength::Context));
        }
    }
}

/// Returns true if and only if an address's wider part follows word `i`:
/// a country or a region the lists know after a comma ("Hartpury,
/// Gloucestershire"), or a known place after ", near".
fn address_follows(ctx: &Context<'_, '_, '_>, i: usize) -> bool {
    use crate::entities::gazetteer::Role;
    let place_at = |j: usize, town: bool| {
        ctx.words.get(j).is_some_and(|w| {
            ctx.known[j].is_some_and(|h| {
                let hit = &ctx.hits[h];
                let entry = hit.entry;
                hit.start == w.start
                    && match entry.kind {
                        EntityKind::Country => true,
                        EntityKind::Place => town || entry.role != Role::City,
                        _ => false,
                    }
            })
        })
    };
    if ctx.gap_before(i + 1) != ", " {
        return false;
    }
    place_at(i + 1, false)
        || (i + 1 < ctx.words.len()
            && ctx.word(i + 1) == "near"
            && ctx.gap_before(i + 2) == " "
            && place_at(i + 2, true))
}

/// The weight of the preposition right before word `i`: 2 for one only
/// places follow ("near", "outside"), 1 for one that firms follow too
/// ("in", "at", "from"), else 0; and whether it places more than firms
/// (all but "at" and "from": "analysts at Quantex", "a call from
/// Quantex").
fn weight_of(ctx: &Context<'_, '_, '_>, i: usize) -> (i32, bool) {
    let start = ctx.words[i].start;
    let before = &ctx.text[..start];
    if !before.ends_with(' ') {
        return (0, false);
    }
    let preposition = last_word(before.trim_end());
    // ("shares in Quantex", "a stake in Quantex": a firm.)
    let owned = || {
        let rest = before
            .trim_end()
            .strip_suffix(preposition)
            .unwrap_or_default();
        matches!(
            last_word(rest.trim_end()),
            "shares"
                | "stake"
                | "stakes"
                | "invest"
                | "invested"
                | "investing"
                | "investment"
                | "interest"
                | "holding"
                | "holdings"
                | "role"
                | "job"
                | "jobs"
                | "work"
                | "works"
                | "worked"
                | "working"
                | "executives"
                | "staff"
                | "employees"
        )
    };
    match preposition {
        "near" | "outside" | "around" | "across" | "through" | "towards" => (2, true),
        "in" if !owned() => (1, true),
        "at" | "from" if !owned() => (1, false),
        _ => (0, false),
    }
}
