//! Team sheets: the players a match report lists at its end, as agencies
//! and papers print them. A sheet is a sentence or line of names set off
//! by commas, after a label that says what it lists ("Subs Not Used:
//! Weaver, Onuoha.", "Booked: Fowler.", "Goals: Rooney 68, Dunne 75 og.")
//! or a side's eleven or fifteen starters, each perhaps with who replaced
//! them and when ("Man City: James, Mills (Wright-Phillips 83), Dunne, …").
//! Every name on a sheet is a player, however plain the surname: nothing
//! else is printed so.
//!
//! A name the lists know keeps its entry, and a surname that is an English
//! word alone ("Speed", "Given") is left unread: taught, it would name a
//! player wherever the word opens a sentence.

use super::Context;
use crate::entities::EntityKind;
use crate::entities::cues;
use crate::entities::resolve::{Known, Lexicon, Strength};

/// Labels of the lists a sheet gives besides the starters, lower case.
const SHEET_LABELS: &[&str] = &[
    "subs",
    "subs not used",
    "subs used",
    "substitutes",
    "unused substitutes",
    "replacements",
    "booked",
    "sent off",
    "dismissed",
    "goals",
    "scorers",
    "tries",
    "cons",
    "pens",
    "sin bin",
    "yellow card",
    "yellow cards",
    "red card",
    "red cards",
];

/// Starters and their replacements: a side lists 11 (football) to 15
/// (rugby) names; fewer comma-set names make an ordinary list.
const STARTERS: std::ops::RangeInclusive<usize> = 9..=16;

/// Teaches the players listed on the team sheets of `ctx.text`.
pub(super) fn players_on_team_sheets<'t>(ctx: &Context<'t, '_, '_>, lexicon: &mut Lexicon<'t>) {
    // A sheet sets its names off by commas, or one name after a label.
    if !ctx.text.contains(", ") && !ctx.text.contains(": ") {
        return;
    }
    let mut at = 0;
    for line in ctx.text.split_inclusive('\n') {
        let mut from = 0;
        for end in sentence_ends(line) {
            read_sheet(ctx, at + from, &line[from..end], lexicon);
            from = end;
        }
        at += line.len();
    }
}

/// Where each sentence of `line` ends: after a full stop, question or
/// exclamation mark and any closing quote, before a space; and at the
/// line's end. (Found from the marks, which are few, rather than from
/// every space.)
fn sentence_ends(line: &str) -> impl Iterator<Item = usize> + '_ {
    let inner = memchr::memchr3_iter(b'.', b'?', b'!', line.as_bytes()).filter_map(move |mark| {
        let mut end = mark + 1;
        while let Some(quote) = ['"', '\'', '”', '’']
            .into_iter()
            .find(|q| line[end..].starts_with(*q))
        {
            end += quote.len_utf8();
        }
        (line.as_bytes().get(end) == Some(&b' ')).then_some(end + 1)
    });
    inner.chain((!line.is_empty()).then_some(line.len()))
}

/// The most words of a sheet's first item, or of its label.
const MAX_OPENING_WORDS: usize = 8;

/// Returns true if and only if the first item of `body`, up to its first
/// ", ", or the whole of a body without one, has at most
/// [`MAX_OPENING_WORDS`] words. Reads no further than that many words,
/// so that a sentence of prose is passed over at its opening.
fn opens_with_a_short_item(body: &str) -> bool {
    let bytes = body.as_bytes();
    let mut spaces = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b',' && bytes.get(i + 1) == Some(&b' ') {
            return true;
        }
        if b == b' ' {
            spaces += 1;
            if spaces >= MAX_OPENING_WORDS {
                return false;
            }
        }
    }
    true
}

/// Reads `sentence`, starting at byte `at` of the text, as a sheet.
fn read_sheet<'t>(ctx: &Context<'t, '_, '_>, at: usize, sentence: &str, lexicon: &mut Lexicon<'t>) {
    let body = sentence.trim_end().trim_end_matches('.');
    let bytes = body.as_bytes();
    let colon = memchr::memchr_iter(b':', bytes).find(|&i| bytes.get(i + 1) == Some(&b' '));
    // Without a label, a side's starters: at least nine names, so eight
    // commas or more.
    if colon.is_none() && memchr::memchr_iter(b',', bytes).count() + 1 < *STARTERS.start() {
        return;
    }
    // A sheet's first item is a name of a few words, then a comma (or the
    // list's end, after a label).
    if !opens_with_a_short_item(body) {
        return;
    }
    let (label, list, list_at) = match colon {
        Some(colon) => (Some(body[..colon].trim()), &body[colon + 2..], colon + 2),
        None => (
            None,
            body.trim_start(),
            body.len() - body.trim_start().len(),
        ),
    };
    let labelled = label.is_some_and(|l| {
        SHEET_LABELS
            .iter()
            .any(|known| l.eq_ignore_ascii_case(known))
    });
    // Else a side's name before its starters: one to three capitalised
    // words.
    let side = label.is_some_and(|l| {
        (1..=3).contains(&l.split(' ').count())
            && l.split(' ').all(|w| w.starts_with(char::is_uppercase))
    });
    if label.is_some() && !labelled && !side {
        return;
    }
    let mut names: Vec<(usize, usize)> = Vec::new();
    let mut items = 0;
    let mut item_at = at + list_at;
    for item in list.split(", ") {
        if !read_item(item, item_at, &mut names) {
            return;
        }
        items += 1;
        item_at += item.len() + ", ".len();
    }
    if !(labelled || STARTERS.contains(&items)) {
        return;
    }
    for (start, end) in names {
        teach_player(ctx, start, end, lexicon);
    }
}

/// Reads one item of a sheet, "Mills", "Mills (Wright-Phillips 83)",
/// "Rooney 68", "Dunne 75 og" or a bare minute, pushing where its names
/// are; false when it is no item of a sheet.
fn read_item(item: &str, at: usize, names: &mut Vec<(usize, usize)>) -> bool {
    let (name, replaced_by) = match item.split_once(" (") {
        Some((name, rest)) => match rest.strip_suffix(')') {
            Some(inner) => (name, Some((inner, at + name.len() + 2))),
            None => return false,
        },
        None => (item, None),
    };
    let name = without_minutes(name);
    if name.is_empty() {
        // "Rooney 12, 68": another minute of the scorer before.
        return item.bytes().all(|b| b.is_ascii_digit() || b == b' ');
    }
    if !is_player_name(name) {
        return false;
    }
    names.push((at, at + name.len()));
    if let Some((inner, inner_at)) = replaced_by {
        let replacement = without_minutes(inner);
        if !is_player_name(replacement) || replacement.len() == inner.len() {
            return false;
        }
        names.push((inner_at, inner_at + replacement.len()));
    }
    true
}

/// `text` without the minutes and marks after a name ("Dunne 75 og",
/// "Lampard 90+2 pen").
fn without_minutes(text: &str) -> &str {
    let mut rest = text.trim_end();
    loop {
        let (head, last) = rest.rsplit_once(' ').unwrap_or(("", rest));
        let minute = !last.is_empty()
            && last.starts_with(|c: char| c.is_ascii_digit())
            && last.bytes().all(|b| b.is_ascii_digit() || b == b'+');
        if !(minute || matches!(last, "og" | "pen")) {
            return rest;
        }
        rest = head.trim_end();
    }
}

/// One to three words of a player's name: each capitalised ("N'Gotty",
/// "Wright-Phillips", "Jaaskelainen"), or a particle inside ("van").
fn is_player_name(name: &str) -> bool {
    let count = name.split(' ').count();
    (1..=3).contains(&count)
        && name.split(' ').enumerate().all(|(k, w)| {
            let shaped = w.starts_with(char::is_uppercase)
                && w.chars().any(char::is_lowercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'));
            shaped || (k > 0 && k + 1 < count && cues::is_name_particle(w))
        })
}

/// Teaches the name at `start..end` of the text as a player's, unless the
/// lists know a word of it or it is one English word.
fn teach_player<'t>(
    ctx: &Context<'t, '_, '_>,
    start: usize,
    end: usize,
    lexicon: &mut Lexicon<'t>,
) {
    let first = ctx.words.partition_point(|w| w.start < start);
    let last = ctx.words.partition_point(|w| w.end <= end);
    if first >= last || ctx.words[first].start != start || ctx.words[last - 1].end != end {
        return;
    }
    if (first..last).any(|i| ctx.known[i].is_some()) || (last - first == 1 && ctx.is_common(first))
    {
        return;
    }
    let name = &ctx.text[start..end];
    lexicon.add(
        name,
        Known::new(name, EntityKind::Person, Strength::Context),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_ends_after_its_mark_and_any_closing_quotes() {
        let line = "He said \"Go.\" Then left! Is it 3.5? Yes. End";
        let ends: Vec<usize> = sentence_ends(line).collect();
        let pieces: Vec<&str> = ends
            .iter()
            .scan(0, |from, &end| {
                let piece = &line[*from..end];
                *from = end;
                Some(piece)
            })
            .collect();
        assert_eq!(
            pieces,
            [
                "He said \"Go.\" ",
                "Then left! ",
                "Is it 3.5? ",
                "Yes. ",
                "End"
            ]
        );
    }

    #[test]
    fn a_sheet_opens_with_an_item_of_a_few_words() {
        assert!(opens_with_a_short_item("Man City: James, Mills, Dunne"));
        assert!(opens_with_a_short_item("Booked: Fowler"));
        assert!(!opens_with_a_short_item(
            "The home side pressed high from the first whistle and the visitors, tired, sat deep"
        ));
    }
}
