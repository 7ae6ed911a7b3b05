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

/// Returns `text` with its shouted lines and dateline places in title case,
/// borrowed unchanged when there are none.
pub fn fold<'t>(text: &'t str, gaz: &Gazetteer) -> Cow<'t, str> {
    let mut out: Option<Vec<u8>> = None;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let shouted = if is_shouted(line) {
            line.len()
        } else {
            dateline_caps(line)
        };
        if shouted > 0 {
            let bytes = out.get_or_insert_with(|| text.as_bytes().to_vec());
            fold_words(
                &text[line_start..line_start + shouted],
                &mut bytes[line_start..line_start + shouted],
                gaz,
            );
        }
        line_start += line.len();
    }
    match out {
        // Only whole characters changed case, each in its own bytes: still
        // UTF-8.
        Some(bytes) => Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| text.to_owned())),
        None => Cow::Borrowed(text),
    }
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
fn fold_words(src: &str, dst: &mut [u8], gaz: &Gazetteer) {
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
        // A ticker in angle brackets ("<HGC>") is a code, not a word.
        let in_brackets = src[..start].ends_with('<');
        let keep = in_brackets
            || word.contains(['.', '&'])
            || word.bytes().any(|b| b.is_ascii_digit())
            || (word.len() <= 3 && gaz.exact(word).is_some());
        if keep {
            continue;
        }
        let lower_all = !was_first && is_small_word(word);
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
    fn ordinary_text_is_borrowed_unchanged() {
        let t = "Copper rose. The IMF said so.\nNATO met.";
        assert!(matches!(fold(t, &GAZETTEER), Cow::Borrowed(_)));
    }
}
