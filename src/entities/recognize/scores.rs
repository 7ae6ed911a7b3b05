//! Teams on either side of a score: "Bristol City 2-2 Preston North End",
//! "London Irish 19-33 Wasps", or of a result's verb before the score
//! ("Independiente del Valle beat Boca Juniors 2-1", "having beaten
//! Westmere 31-12"), or of where a match was played ("Eldon Park lost at
//! home to Westmere"). Results lines and match reports name clubs this
//! way, and nothing but two sides stands around a score.
//!
//! In a text with a score, a town's name and a plural ("the Queensland
//! Cyclones", "Canberra Comets", "Samoa Pasifika Sharks") is a team too:
//! clubs of leagues are named so, and the plural makes the words no place.
//!
//! A side that is one name the lists know ("Newcastle 27-27 Gloucester")
//! keeps its entry: the town and the club share the name. Two sides
//! shaped like people ("O'Sullivan 10-4 Higgins", snooker) are left to
//! the rules for people. A result told set by set ("Alcaraz beat Jannik
//! Sinner 6-4 7-6") is a match of players: its sides named in full are
//! people, unless one is named as a club is. A possessive before the
//! score makes it a modifier ("Arsenal's 5-1 win"), not a result.

use super::Context;
use crate::entities::EntityKind;
use crate::entities::cues;
use crate::entities::resolve::{Known, Lexicon, Strength};
use crate::entities::text::Run;

/// Teaches the teams that stand on either side of a score in `ctx.text`.
pub(super) fn teams_at_scores<'t>(
    ctx: &Context<'t, '_, '_>,
    runs: &[Run],
    lexicon: &mut Lexicon<'t>,
) {
    for pair in runs.windows(2) {
        let (home, away) = (pair[0], pair[1]);
        let gap_start = ctx.words[home.last - 1].end;
        let gap_end = ctx.words[away.first].start;
        let gap = &ctx.text[gap_start..gap_end];
        // "Independiente del Valle beat Boca Juniors 2-1": a result's verb
        // between the sides, the score after the second.
        let result = is_result_gap(gap) && score_follows(&ctx.text[ctx.words[away.last - 1].end..]);
        if ctx.words[home.last - 1].possessive
            || !(is_score_gap(gap) || result || is_fixture_gap(gap))
        {
            continue;
        }
        let sides = [home, away].map(|side| (side_start(ctx, side), side.last));
        // "Ronnie Avery 6-3 Mark Selby": players meet players; a side
        // shaped like a person opposite a club ("Eldon Park") is a club.
        // Set after set ("beat Jannik Sinner 6-4 7-6") is a match of
        // players too, unless a side is named as a club is.
        let after_away = &ctx.text[ctx.words[away.last - 1].end..];
        let sets = result && sets_follow(after_away);
        if sides
            .iter()
            .all(|&(first, last)| is_player(ctx, first, last))
        {
            continue;
        }
        if sets
            && !sides
                .iter()
                .any(|&(first, last)| is_club_named(ctx, first, last))
        {
            for (first, last) in sides {
                teach_player(ctx, first, last, lexicon);
            }
            continue;
        }
        for (first, last) in sides {
            if first < last {
                teach_team(ctx, first, last, lexicon);
            }
        }
    }
    // "having beaten Westmere 31-12": one side named, after a result's
    // verb and before the score. With no other side to agree with, only a
    // one-word side that is no surname ("had beaten Judd Trump 6-1" names a
    // player) or a club's name ("Bristol Rovers") reads as a team.
    for &side in runs {
        let before = &ctx.text[..ctx.words[side.first].start];
        let beaten = [" beat ", " beaten ", " defeated ", " thrashed ", " edged "]
            .iter()
            .any(|verb| before.ends_with(verb));
        if !beaten {
            continue;
        }
        let (first, last) = (side_start(ctx, side), side.last);
        let club_shaped = last == first + 1 || is_club_named(ctx, first, last);
        let after = &ctx.text[ctx.words[last - 1].end..];
        if first < last
            && club_shaped
            && score_follows(after)
            && (!sets_follow(after) || is_club_named(ctx, first, last))
            && !is_player(ctx, first, last)
        {
            teach_team(ctx, first, last, lexicon);
        }
    }
}

/// Returns true if and only if `gap` says where a match was played
/// between two sides, as only sport reports do: " lost at home to ",
/// " had drawn away at ".
fn is_fixture_gap(gap: &str) -> bool {
    let gap = [" had", " have", " has"]
        .iter()
        .find_map(|aux| gap.strip_prefix(aux))
        .unwrap_or(gap);
    matches!(
        gap,
        " lost at home to "
            | " lost away to "
            | " lost away at "
            | " won away at "
            | " won at home against "
            | " drew at home with "
            | " drew away at "
            | " drawn at home with "
            | " drawn away at "
            | " won away against "
            | " were beaten at home by "
            | " were held at home by "
    )
}

/// Returns true if and only if `gap` is a score between single spaces:
/// " 2-2 ", " 19–33 ".
fn is_score_gap(gap: &str) -> bool {
    // Most gaps between runs are a clause long: a score is at most
    // " 999–999 ", eleven bytes.
    gap.len() <= 11
        && gap
            .strip_prefix(' ')
            .and_then(|g| g.strip_suffix(' '))
            .is_some_and(is_score)
}

/// Returns true if and only if `score` is two counts of one to three
/// digits joined by a dash: "2-2", "19–33".
fn is_score(score: &str) -> bool {
    let Some((a, b)) = score.split_once(['-', '–']) else {
        return false;
    };
    let goals = |s: &str| (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    goals(a) && goals(b)
}

/// Returns true if and only if `gap` is a result's verb between single
/// spaces: " beat ", " drew with ", " lost to ".
fn is_result_gap(gap: &str) -> bool {
    matches!(
        gap,
        " beat "
            | " defeated "
            | " edged "
            | " thrashed "
            | " overcame "
            | " drew with "
            | " lost to "
    )
}

/// Returns true if and only if `after` (the text after a side's name)
/// opens with a score: " 2-1", " 19–33.".
fn score_follows(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '-' || c == '–'))
        .unwrap_or(rest.len());
    is_score(&rest[..end])
}

/// Returns true if and only if `after` (the text after a side's name)
/// opens with two or more scores in a row, as sets are reported: " 6-4
/// 7-6", " 6-3, 3-6, 7-5".
fn sets_follow(after: &str) -> bool {
    let mut scores = after
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches(['.', ';', ')']));
    let first_two = [scores.next(), scores.next()];
    after.starts_with(' ')
        && first_two
            .iter()
            .all(|w| w.is_some_and(|w| is_score(w.split('(').next().unwrap_or(w))))
}

/// Returns true if and only if a side's words end with a club's word
/// ("Bristol City", "Preston North End").
fn is_club_named(ctx: &Context, first: usize, last: usize) -> bool {
    first + 1 < last && CLUB_WORDS.contains(&ctx.span(first + 1, last))
}

/// The first word of a side's name: function words ("The") left out.
fn side_start(ctx: &Context, side: Run) -> usize {
    (side.first..side.last)
        .find(|&i| !ctx.has(i, cues::FUNCTION_WORD))
        .unwrap_or(side.last)
}

/// Returns true if and only if the side's words are shaped like a
/// player's name: "O'Sullivan", "Higgins", "Mark Selby".
fn is_player(ctx: &Context, first: usize, last: usize) -> bool {
    if first >= last {
        return false;
    }
    let surname = ctx.word(last - 1);
    match last - first {
        1 => cues::is_surname(surname) || surname.starts_with("O'") || surname.starts_with("Mc"),
        2 => {
            cues::is_given_name(ctx.word(first))
                && (cues::is_surname(surname) || !ctx.is_common(last - 1))
        }
        _ => false,
    }
}

fn teach_team<'t>(ctx: &Context<'t, '_, '_>, first: usize, last: usize, lexicon: &mut Lexicon<'t>) {
    // "Newcastle", "Milton Keynes": the town's entry stands for its club.
    if ctx.hit_spanning(first, last).is_some() {
        return;
    }
    if (first..last).any(|i| ctx.is_title(i)) {
        return;
    }
    let name = ctx.span(first, last);
    let team = Known::new(name, EntityKind::Organization, Strength::Cue);
    lexicon.add(name, team.clone());
    // "Preston led through Riis" after "Preston North End": the town
    // before a club word stands for the club in its own report.
    if last - first >= 2 && CLUB_WORDS.contains(&ctx.span(first + 1, last)) {
        let town = ctx.word(first);
        lexicon.add(
            town,
            Known {
                strength: Strength::Shape,
                ..team
            },
        );
    }
}

/// Teaches a side of a match of players, named in full ("Jannik Sinner"
/// of "beat Jannik Sinner 6-4 7-6"), as a person: the sets say so where
/// the given name is one the lists do not know.
fn teach_player<'t>(
    ctx: &Context<'t, '_, '_>,
    first: usize,
    last: usize,
    lexicon: &mut Lexicon<'t>,
) {
    if !(2..=3).contains(&(last - first))
        || ctx.hit_spanning(first, last).is_some()
        || (first..last).any(|i| ctx.is_title(i) || !ctx.words[i].capitalized)
    {
        return;
    }
    let name = ctx.span(first, last);
    lexicon.add(name, Known::new(name, EntityKind::Person, Strength::Cue));
}

/// What follows a town in a club's name ("Bristol City", "Preston North
/// End"); not "Villa" ("Aston Villa" is no club of Aston's).
const CLUB_WORDS: &[&str] = &[
    "City",
    "Town",
    "United",
    "County",
    "Rovers",
    "Athletic",
    "Wanderers",
    "Albion",
    "Rangers",
    "North End",
    "Alexandra",
];

/// Teaches the teams named for a town and a plural ("Canberra Comets") in
/// a text with a score.
pub(super) fn teams_named_for_towns<'t>(
    ctx: &Context<'t, '_, '_>,
    runs: &[Run],
    lexicon: &mut Lexicon<'t>,
) {
    let mut scored: Option<bool> = None;
    for run in runs {
        let mut first = run.first;
        while first < run.last && ctx.has(first, cues::FUNCTION_WORD) {
            first += 1;
        }
        let last = run.last;
        if !(2..=3).contains(&last.saturating_sub(first))
            || ctx.words[first].heading
            || !is_team_plural(ctx, last - 1)
            // (A town's hit may be gone already: "Hobart Kestrels" read as
            // a longer name.)
            || !ctx.gaz.exact(ctx.word(first)).is_some_and(|entry| {
                matches!(entry.kind, EntityKind::Place | EntityKind::Country)
            })
            || (first + 1..last - 1).any(|i| ctx.known[i].is_some() || !ctx.words[i].capitalized)
        {
            continue;
        }
        if !*scored.get_or_insert_with(|| has_score(ctx.text)) {
            return;
        }
        let name = ctx.span(first, last);
        lexicon.add(
            name,
            Known::new(name, EntityKind::Organization, Strength::Context),
        );
    }
}

/// Returns true if and only if word `i` is a capitalised plural that may
/// name a team ("Cyclones", "Sharks"), not a place's ("Falls", "Heights")
/// or a head word.
fn is_team_plural(ctx: &Context<'_, '_, '_>, i: usize) -> bool {
    /// Plurals that end places' names.
    #[rustfmt::skip]
    const PLACE_PLURALS: &[&str] = &[
        "Falls", "Heights", "Springs", "Hills", "Downs", "Woods", "Sands", "Lakes", "Rapids",
        "Flats", "Plains", "Meadows", "Fields", "Wells", "Cliffs", "Gates", "Keys", "Narrows",
        "Shores", "Highlands", "Lowlands", "Islands", "Mountains", "Territories", "Provinces",
        "States", "Emirates", "Times", "News", "Affairs", "Talks", "Services",
    ];
    let word = ctx.word(i);
    ctx.words[i].capitalized
        && word.len() > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("'s")
        && ctx.known[i].is_none()
        && !ctx.has(i, cues::HEAD | cues::PLACE_HEAD | cues::TITLE)
        && !PLACE_PLURALS.contains(&word)
}

/// Returns true if and only if `text` holds a score: figures joined by a
/// hyphen or an en dash ("27-20", "3–1").
fn has_score(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    text.match_indices(['-', '\u{2013}'])
        .any(|(at, dash)| at > 0 && digit_at(at - 1) && digit_at(at + dash.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_score_is_two_numbers_between_single_spaces() {
        assert!(is_score_gap(" 2-2 "));
        assert!(is_score_gap(" 19–33 "));
        assert!(is_score_gap(" 100–100 "));
        assert!(!is_score_gap(" 2-2, "));
        assert!(!is_score_gap(" 2024-25 "));
        assert!(!is_score_gap(" and "));
        assert!(!is_score_gap("-"));
    }

    #[test]
    fn sets_are_scores_in_a_row() {
        assert!(sets_follow(" 6-4 7-6 on Sunday"));
        assert!(sets_follow(" 6-3, 3-6, 7-5."));
        assert!(sets_follow(" 7-6(5) 6-4"));
        assert!(!sets_follow(" 2-1 in Quito"));
        assert!(!sets_follow(" 3-1 on Sunday, 2-0 up at the break"));
        assert!(!sets_follow("6-4 7-6"));
    }

    #[test]
    fn a_score_after_a_side_follows_a_single_space() {
        assert!(score_follows(" 2-1 in Quito"));
        assert!(score_follows(" 19–33."));
        assert!(!score_follows(" 2024-25 season"));
        assert!(!score_follows(" on Sunday"));
        assert!(!score_follows("2-1"));
    }
}
