//! Shouted text: all-capital headlines ("JORDAN BUYS U.S. WHEAT UNDER
//! EXPORT BONUS") and the all-capital place that opens a dateline
//! ("HOUSTON, March 3 -"), folded to title case so that the names in them
//! are matched like any other ("Jordan Buys U.S. Wheat under Export
//! Bonus", "Houston, March 3 -").
//!
//! Folding changes only the case of letters whose lower case takes as many
//! bytes ("Í" → "í"), so every byte offset of the folded text is an offset
//! of the original. Guards for all-capital
//! words: a word with a period or an ampersand ("U.S.", "AT&T") or a
//! ticker in angle brackets ("<HGC>") is left as it is, and so is a short
//! one the gazetteer knows in capitals ("US", "UK", "EU"); small function words ("IN", "TO", "FOR") go to lower case,
//! so they never join a name.

use std::borrow::Cow;

use super::gazetteer::Gazetteer;

/// Returns `text` with its shouted lines and dateline places in title case
/// (in sentence case when the text is a shouted story: one of its shouted
/// lines is prose, so its headline is the story's words too), borrowed
/// unchanged when there are none.
pub fn fold<'t>(text: &'t str, gaz: &Gazetteer) -> Cow<'t, str> {
    let mut spans: Vec<(usize, usize, bool)> = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if is_shouted(line) {
            spans.push((line_start, line.len(), is_prose(line)));
        } else {
            let place = dateline_caps(line);
            if place > 0 {
                spans.push((line_start, place, false));
            }
        }
        line_start += line.len();
    }
    if spans.is_empty() {
        return Cow::Borrowed(text);
    }
    let story = spans.iter().any(|&(_, _, prose)| prose);
    let mut bytes = text.as_bytes().to_vec();
    for (start, len, _) in spans {
        let case = if story { Case::Sentence } else { Case::Title };
        fold_words(
            &text[start..start + len],
            &mut bytes[start..start + len],
            gaz,
            case,
        );
    }
    // Only whole characters changed case, each in its own bytes: still
    // UTF-8.
    Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| text.to_owned()))
}

/// Returns true if and only if the line has no lower-case letter and at
/// least two words of capitals: a shouted headline.
fn is_shouted(line: &str) -> bool {
    let mut capitals = 0;
    let mut words = 0;
    let mut in_word = false;
    for &b in line.as_bytes() {
        if b.is_ascii_lowercase() {
            return false;
        }
        let letter = b.is_ascii_uppercase();
        capitals += usize::from(letter);
        if letter && !in_word {
            words += 1;
        }
        in_word = b.is_ascii_alphanumeric() || b == b'\'' || b == b'.';
    }
    words >= 2 && capitals >= 6 && !line.chars().any(char::is_lowercase)
}

/// The most words a shouted headline holds; a shouted line of more is
/// prose (a teletype's story, all in capitals).
const HEADLINE_WORDS: usize = 14;

/// Returns true if and only if shouted `line` is prose: more words than
/// a headline, and a sentence's end.
fn is_prose(line: &str) -> bool {
    crate::corpus::structure::more_words_than(line, HEADLINE_WORDS)
        && line.contains(['.', '!', '?'])
}

/// How a shouted line folds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    /// A headline: every word capitalised, small function words aside
    /// ("Kestrel Mills in Talks with U.S. Buyers").
    Title,
    /// Prose: words of the language in lower case, unless they open a
    /// sentence; other words capitalised, as names are ("The senate voted
    /// to confirm judge Eleanor Voss"). An acronym that is also a word
    /// ("WHO" in "A JUDGE WHO READS") is the word.
    Sentence,
}

/// Returns true if and only if `word`, in capitals, is a place's name the
/// gazetteer knows once capitalised ("PHOENIX" as "Phoenix").
fn names_a_place(word: &str, gaz: &Gazetteer) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let name: String = std::iter::once(first)
        .chain(chars.flat_map(char::to_lowercase))
        .collect();
    gaz.exact(&name).is_some_and(|e| {
        matches!(
            e.kind,
            super::EntityKind::Place | super::EntityKind::Country
        )
    })
}

/// Returns the length of the all-capital place that opens a dateline line
/// ("  HOUSTON, March 3 -", "NEW YORK —"), or 0.
fn dateline_caps(line: &str) -> usize {
    let start = line.len() - line.trim_start_matches([' ', '\t']).len();
    // A hyphen joins a name ("WINSTON-SALEM"), a slash places filed from
    // together ("LONDON/NEW YORK"); a spaced dash ends it ("LONDON -
    // Cocoa fell").
    let len = line[start..]
        .char_indices()
        .find(|&(at, c)| {
            let spaced_dash = c == '-' && line[..start + at].ends_with(' ');
            spaced_dash || !(c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\'' | '/'))
        })
        .map_or(line.len() - start, |(at, _)| at);
    let place = line[start..start + len].trim_end();
    let capitals = place.chars().filter(|c| c.is_uppercase()).count();
    let after = &line[start + place.len()..];
    let dash = |rest: &str| rest.starts_with(" —") || rest.starts_with(" -");
    // "GENEVA (AP) —": an agency's credit may stand before the dash.
    let dated = after.starts_with(", ")
        || dash(after)
        || super::places::agency_credit(after).is_some_and(dash);
    if capitals >= 3 && place.split(' ').count() <= 4 && dated {
        start + place.len()
    } else {
        0
    }
}

/// Folds each word of `src` into `dst` (the same bytes).
fn fold_words(src: &str, dst: &mut [u8], gaz: &Gazetteer, case: Case) {
    let mut chars = src.char_indices().peekable();
    let mut first = true;
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(at, c)) = chars.peek() {
            let joins = matches!(c, '.' | '&' | '\'' | '-')
                && src[at + 1..].starts_with(char::is_alphanumeric);
            if !(c.is_alphanumeric() || joins) {
                break;
            }
            end = at + c.len_utf8();
            chars.next();
        }
        let word = &src[start..end];
        let was_first = first;
        first = false;
        let sentence = case == Case::Sentence;
        // A place named by a word ("PHOENIX", "READING") keeps its capital.
        let common = sentence && gaz.is_common_word(word) && !names_a_place(word, gaz);
        // A ticker in angle brackets ("<HGC>") is a code, not a word; so is
        // a wire's credit in parentheses ("(UPI)").
        let in_brackets = src[..start].ends_with('<')
            || (src[..start].ends_with('(') && src[end..].starts_with(')') && word.len() <= 5);
        let keep = in_brackets
            || word.contains(['.', '&'])
            || word.bytes().any(|b| b.is_ascii_digit())
            || (word.len() <= 3 && gaz.exact(word).is_some() && (!common || word.len() < 3));
        if keep {
            continue;
        }
        let opens_sentence = was_first
            || (sentence
                && src[..start]
                    .trim_end_matches(['"', '\'', '“', '‘', ' ', '('])
                    .ends_with(['.', '!', '?', ':']));
        let lower_all = !opens_sentence && (is_small_word(word) || common);
        let mut part_start = true;
        for (k, c) in word.char_indices() {
            // A hyphen or apostrophe starts a new part: "TEXAS-BASED" →
            // "Texas-Based", "O'NEILL" → "O'Neill".
            if lower_all || !part_start {
                lower_in_place(c, &mut dst[start + k..start + k + c.len_utf8()]);
            }
            part_start = matches!(c, '-' | '\'');
        }
    }
}

/// Writes the lower case of `c` over its bytes `at`, where it takes as
/// many bytes ("Í" → "í"); other letters keep their case.
fn lower_in_place(c: char, at: &mut [u8]) {
    let mut lower = c.to_lowercase();
    if let (Some(l), None) = (lower.next(), lower.next())
        && l.len_utf8() == at.len()
    {
        l.encode_utf8(at);
    }
}

/// Returns true if and only if `word` is a small function word of
/// headlines, in capitals.
fn is_small_word(word: &str) -> bool {
    matches!(
        word,
        "A" | "AN"
            | "THE"
            | "OF"
            | "FOR"
            | "TO"
            | "IN"
            | "ON"
            | "AT"
            | "BY"
            | "AND"
            | "OR"
            | "WITH"
            | "FROM"
            | "AS"
            | "IS"
            | "ARE"
            | "BE"
            | "VS"
            | "UP"
            | "INTO"
            | "OVER"
            | "AFTER"
            | "THAN"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::gazetteer::GAZETTEER;

    fn folded(text: &str) -> String {
        fold(text, &GAZETTEER).into_owned()
    }

    #[test]
    fn shouted_headlines_fold_to_title_case_with_guards() {
        assert_eq!(
            folded("KESTREL MILLS IN TALKS WITH U.S. AND UK BUYERS\n"),
            "Kestrel Mills in Talks with U.S. and UK Buyers\n"
        );
        assert_eq!(
            folded("TEXAS-BASED O'NEILL WINS"),
            "Texas-Based O'Neill Wins"
        );
    }

    #[test]
    fn only_the_dateline_place_folds_in_a_prose_line() {
        assert_eq!(
            folded("    SPOKANE, Wash., May 2 - Orchard Hill said IT costs rose."),
            "    Spokane, Wash., May 2 - Orchard Hill said IT costs rose."
        );
        assert_eq!(folded("NEW YORK — Shares fell."), "New York — Shares fell.");
        assert_eq!(
            folded("KRAKÓW (AP) — Trams stopped."),
            "Kraków (AP) — Trams stopped."
        );
        assert_eq!(folded("WE (ALL) — agree."), "WE (ALL) — agree.");
        assert_eq!(
            folded("SÃO PAULO, May 2 - Coffee rose."),
            "São Paulo, May 2 - Coffee rose."
        );
    }

    #[test]
    fn a_shouted_story_folds_to_sentence_case() {
        let story = "THE SENATE VOTED TUESDAY TO CONFIRM JUDGE ELEANOR VOSS, CALLED \"A JUDGE WHO READS THE LAW AS WRITTEN.\" SEN. MARK DELGADO, D-N.M., SAID SO IN ARIZONA AND THE US. WASHINGTON (UPI) SAYS PHOENIX SHOULD.\n";
        let out = folded(story);
        assert!(out.starts_with("The senate voted Tuesday to confirm judge Eleanor Voss, called \"a judge who reads the law as written.\""), "{out}");
        assert!(
            out.contains("Sen. Mark Delgado, D-N.M., said so in Arizona and the US."),
            "{out}"
        );
        // Its headline, cut from the lede, is the story's words too.
        let out = folded(
            "THE SENATE VOTED TO CONFIRM JUDGE VOSS…\n\nTHE SENATE VOTED TUESDAY TO CONFIRM JUDGE ELEANOR VOSS TO THE COURT OF APPEALS IN ARIZONA.",
        );
        assert!(
            out.starts_with("The senate voted to confirm judge Voss…"),
            "{out}"
        );
        // A shouted headline over prose in mixed case folds to title case.
        assert_eq!(
            folded("JUDGE WHO READS THE LAW WINS SEAT"),
            "Judge WHO Reads the Law Wins Seat"
        );
    }

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        let t = "Copper rose. The IMF said so.\nNATO met.";
        assert!(matches!(fold(t, &GAZETTEER), Cow::Borrowed(_)));
    }
}
