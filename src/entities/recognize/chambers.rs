//! Bodies news names by one capitalised word after "the": "the Commons
//! voted", "peers in the Lords", "told the Guardian", "the Times
//! reported". Alone, each word is a plain word or part of a longer name
//! ("a guardian", "the Guardian Council", "the Times of India"), so only a
//! lower-case "the" before it and no capitalised word or "of" after it
//! make it the body the lists know. Once so named, the word names
//! the body wherever the text uses it ("Commons leader Lucy Powell").

use super::Context;
use crate::entities::resolve::{Known, Lexicon, Strength};

/// The words, and the listed name each stands for.
const BODY_WORDS: &[(&str, &str)] = &[
    ("Commons", "House of Commons"),
    ("Lords", "House of Lords"),
    ("Guardian", "The Guardian"),
    ("Times", "The Times"),
    ("Telegraph", "The Daily Telegraph"),
    ("Scotsman", "The Scotsman"),
    ("Economist", "The Economist"),
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
        let after_the = ctx.word(i - 1) == "the" && ctx.next_on_line(i - 1);
        // ("the Times of India": an "of" tail makes another name.)
        let name_goes_on =
            ctx.next_on_line(i) && (ctx.words[i + 1].capitalized || ctx.word(i + 1) == "of");
        if after_the && !name_goes_on {
            lexicon.add(surface, Known::listed(entry, Strength::Cue));
        }
    }
}
