//! Parties named by an ordinary word: "Labour said", "a Labour
//! government", "voted Labor", "the Tory leader". The word is also a
//! noun ("Labour costs rose", "the Ministry of Labour", "Labour Day"), so
//! it names the party only where nothing else claims it: inside a
//! sentence and not part of a longer name, or opening a sentence before
//! what a party does or has ("Labour said", "Labour leader Ed Miliband").
//!
//! Labour parties of several countries share the name, so the word gives
//! no country. "Tory" is a surname too ("John Tory"): it names the party
//! only in a text that names the party by a listed name ("the Tories",
//! "the Conservative Party").

use super::Context;
use crate::entities::EntityKind;
use crate::entities::resolve::{Known, Lexicon, Strength};

/// The words, and the party each names.
const PARTY_WORDS: &[(&str, &str)] = &[
    ("Labour", "Labour Party"),
    ("Labor", "Labor Party"),
    ("Tory", "Conservative Party"),
];

/// Capitalised words that may follow the party's word: a member's post
/// ("Labour MP", "Tory MSPs").
const MEMBERS: &[&str] = &[
    "MP", "MPs", "MEP", "MEPs", "MSP", "MSPs", "MLA", "MLAs", "AM", "AMs", "TD", "TDs",
];

/// Words after a sentence's first word that make it the party's: what a
/// party does, or its people.
const PARTY_DEEDS: &[&str] = &[
    "said",
    "says",
    "has",
    "had",
    "have",
    "will",
    "would",
    "won",
    "lost",
    "wants",
    "promised",
    "pledged",
    "insisted",
    "accused",
    "denied",
    "leader",
    "leaders",
    "leadership",
    "candidate",
    "candidates",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "backbencher",
    "backbenchers",
    "peer",
    "peers",
    "councillor",
    "councillors",
    "activists",
    "supporters",
    "voters",
    "manifesto",
    "government",
];

/// Posts whose "of" or "for" before the word names a ministry ("the
/// Ministry of Labour", "Secretary of Labor").
const MINISTRIES: &[&str] = &[
    "Ministry",
    "Minister",
    "Department",
    "Secretary",
    "Commissioner",
    "Bureau",
    "Office",
];

/// Teaches the parties named by their word alone in `ctx.text`.
pub(super) fn parties_named_by_a_word<'t>(ctx: &Context<'t, '_, '_>, lexicon: &mut Lexicon<'t>) {
    let conservatives_named = ctx
        .hits
        .iter()
        .any(|h| h.entry.name == "Conservative Party");
    for i in (0..ctx.words.len()).filter(|&i| ctx.words[i].capitalized) {
        let surface = ctx.word(i);
        let Some(&(_, party)) = PARTY_WORDS.iter().find(|(w, _)| *w == surface) else {
            continue;
        };
        if ctx.known[i].is_some()
            || lexicon.strength_of(surface).is_some()
            || (surface == "Tory" && !conservatives_named)
        {
            continue;
        }
        if names_the_party(ctx, i, surface) {
            let known = Known::new(party, EntityKind::Organization, Strength::Cue);
            lexicon.add(surface, known);
        }
    }
}

/// Returns true if and only if word `i`, a party's word, names the party
/// where it stands.
fn names_the_party(ctx: &Context<'_, '_, '_>, i: usize, surface: &str) -> bool {
    let word = &ctx.words[i];
    let next = ctx.words.get(i + 1).filter(|_| ctx.next_on_line(i));
    // "Labour Day", "Labor Department": part of a longer name.
    if next.is_some_and(|n| n.capitalized && !MEMBERS.contains(&ctx.word(i + 1))) {
        return false;
    }
    let previous = i
        .checked_sub(1)
        .filter(|&p| ctx.next_on_line(p) && !word.sentence_start);
    // "John Tory", "Ministry of Labour"; not "The Tory leader".
    if let Some(p) = previous {
        let ordinary = ctx.words[p].sentence_start && ctx.gaz.is_common_word(ctx.word(p));
        if ctx.words[p].capitalized && !ordinary {
            return false;
        }
        if matches!(ctx.word(p), "of" | "for")
            && p.checked_sub(1)
                .is_some_and(|q| MINISTRIES.contains(&ctx.word(q)))
        {
            return false;
        }
    }
    if !word.sentence_start {
        return true;
    }
    // "Labour costs rose", "Tory said": a sentence's first word is the
    // party's only before what a party does; "Tory" is a surname too.
    surface != "Tory"
        && !word.possessive
        && next.is_some_and(|n| {
            let after = ctx.word(i + 1);
            MEMBERS.contains(&after) || (!n.capitalized && PARTY_DEEDS.contains(&after))
        })
}
