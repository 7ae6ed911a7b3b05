//! Bodies news names by one capitalised word after "the": "the Commons
//! voted", "peers in the Lords", "told the Guardian". Alone, each word is
//! a plain word or part of a longer name ("a guardian", "the Guardian
//! Council"), so only a lower-case "the" before it and no capitalised word
//! after it make it the body the lists know. Once so named, the word names
//! the body wherever the text uses it ("Commons leader Lucy Powell").

use super::Context;
use crate::entities::resolve::{Known, Lexicon, Strength};

/// The words, and the listed name each stands for.
const BODY_WORDS: &[(&str, &str)] = &[
    ("Commons", "House of Commons"),
    ("Lords", "House of Lords"),
    ("Guardian", "The Guardian"),
];

/// Teaches the bodies named by their word after "the" in `ctx.text`.
pub(super) fn bodies_named_by_a_word<'t>(ctx: &Context<'t, '_, '_>, lexicon: &mut Lexicon<'t>) {
    for i in (1..ctx.words.len()).filter(|&i| ctx.words[i].capitalized) {
        let surface = ctx.word(i);
        let Some(&(_, listed)) = BODY_WORDS.iter().find(|(w, _)| *w == surface) else {
            continue;
        };
        let Some(entry) = ctx.gaz.exact(listed) else {
            continue;
        };
        if ctx.known[i].is_some() || lexicon.strength_of(surface).is_some() {
            continue;
        }
        let word = &ctx.words[i];
        let after_the = ctx.word(i - 1) == "the"
            && ctx.words[i - 1].line == word.line
            && ctx.gap_before(i) == " ";
        let name_goes_on = ctx.words.get(i + 1).is_some_and(|next| {
            next.capitalized && next.line == word.line && ctx.gap_before(i + 1) == " "
        });
        if after_the && !name_goes_on {
            // (The listed name whole: "The Guardian", as the lists name it.)
            let known = Known {
                name: entry.name,
                kind: entry.kind,
                country: entry.country,
                strength: Strength::Cue,
            };
            lexicon.add(surface, known);
        }
    }
}
