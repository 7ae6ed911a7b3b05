//! The shape of an article's lines: which are prose, which could be a
//! headline or a section heading, which name the author or the date, and
//! which start editorial end matter. Pure functions over one line each; the
//! cleaner combines them with position (see [`super::clean`]).

use std::borrow::Cow;

/// One unit of text: a line, or a hard-wrapped paragraph joined into one.
pub type Unit<'a> = Cow<'a, str>;

/// Splits `text` into units. Each non-blank line is a unit, except in
/// hard-wrapped text (blank-line paragraphs whose lines break at a fixed
/// width, mid-sentence), where each blank-line paragraph is one unit.
pub fn split_units(text: &str) -> Vec<Unit<'_>> {
    let groups = blank_line_groups(text);
    let Some(width) = wrap_width(&groups) else {
        return groups.into_iter().flatten().map(squash).collect();
    };
    // A line well short of the wrap width ends its paragraph (a heading, a
    // list entry, a paragraph's last line).
    let full = width * 3 / 5;
    let mut units = Vec::new();
    for group in &groups {
        let mut start = 0;
        for (i, line) in group.iter().enumerate() {
            if line.chars().count() < full || i + 1 == group.len() {
                units.push(join(&group[start..=i]));
                start = i + 1;
            }
        }
    }
    units
}

fn join<'a>(lines: &[&'a str]) -> Unit<'a> {
    if let [line] = lines {
        squash(line)
    } else {
        Cow::Owned(
            lines
                .iter()
                .flat_map(|l| l.split_whitespace())
                .collect::<Vec<_>>()
                .join(" "),
        )
    }
}

fn blank_line_groups(text: &str) -> Vec<Vec<&str>> {
    let mut groups = vec![Vec::new()];
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !groups.last().is_some_and(Vec::is_empty) {
                groups.push(Vec::new());
            }
        } else if let Some(g) = groups.last_mut() {
            g.push(line);
        }
    }
    groups.retain(|g| !g.is_empty());
    groups
}

/// Returns the wrap width of hard-wrapped text: text with several
/// blank-line paragraphs where most lines that continue into another line
/// are of a similar, typewriter width and stop mid-sentence. `None` when
/// the text is not hard-wrapped.
fn wrap_width(groups: &[Vec<&str>]) -> Option<usize> {
    if groups.len() < 2 {
        return None;
    }
    let mut widths: Vec<usize> = Vec::new();
    let mut sentence_ends = 0;
    for line in groups.iter().flat_map(|g| g[..g.len() - 1].iter()) {
        widths.push(line.chars().count());
        sentence_ends += usize::from(ends_sentence(line));
    }
    if widths.len() < 3 {
        return None;
    }
    let width_ok = widths.iter().filter(|w| (30..=110).contains(*w)).count();
    if width_ok * 5 < widths.len() * 4 || sentence_ends * 2 > widths.len() {
        return None;
    }
    widths.sort_unstable();
    Some(widths[widths.len() / 2])
}

/// Folds runs of spaces inside a line.
fn squash(line: &str) -> Unit<'_> {
    if line.contains("  ") {
        Cow::Owned(line.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        Cow::Borrowed(line)
    }
}

/// Returns the number of whitespace-separated words in `s` (ASCII
/// whitespace; text has passed through sanitize, which leaves no other
/// breaking spaces that matter here).
pub fn word_count(s: &str) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for &b in s.as_bytes() {
        let space = b.is_ascii_whitespace();
        count += usize::from(in_word && space);
        in_word = !space;
    }
    count + usize::from(in_word)
}

/// Returns true if and only if `s` has more than `n` words, reading no
/// further than needed.
pub fn more_words_than(s: &str, n: usize) -> bool {
    s.split_ascii_whitespace().nth(n).is_some()
}

/// Returns true if and only if `line` ends like a sentence: `.`, `!`, `?`,
/// `…`, possibly followed by closing quotes or brackets.
pub fn ends_sentence(line: &str) -> bool {
    let trimmed = line.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»', ' ']);
    trimmed.ends_with(['.', '!', '?', '…'])
}

/// Returns true if and only if `line` reads as body prose: a sentence of
/// eight words or more, or any line of 25 words or more.
pub fn is_prose(line: &str) -> bool {
    more_words_than(line, 24) || (ends_sentence(line) && more_words_than(line, 7))
}

/// Headings that open end matter on their own.
const END_MATTER_HEADINGS: &[&str] = &[
    "sources",
    "source",
    "references",
    "further reading",
    "notes",
    "footnotes",
    "bibliography",
];

/// Openings of end-matter notes.
const END_MATTER_PREFIXES: &[&str] = &[
    "original article",
    "originally published",
    "source:",
    "sources:",
    "disclaimer",
    "editor's note",
    "editorial note",
    "copyright",
    "©",
    "(c) ",
    "this content was created",
    "this content was generated",
    "this article was originally",
    "this article was first",
    "this article was produced",
    "this article was translated",
    "this article was written with",
    "this story was originally",
    "this story was first",
    "read the original",
];

/// Returns true if and only if `line` opens editorial end matter: a sources
/// or references list, an "Original article" or disclaimer note, a note on
/// AI assistance, a copyright line.
pub fn is_end_matter_marker(line: &str) -> bool {
    // Notes are short; a long paragraph is never one.
    if line.len() > 400 {
        return false;
    }
    let lower = line.trim().to_lowercase().replace('’', "'");
    let bare = lower.trim_end_matches(':');
    END_MATTER_HEADINGS.contains(&bare)
        || END_MATTER_PREFIXES.iter().any(|p| lower.starts_with(p))
        || lower.contains("with the help of ai")
        || lower.contains("with the assistance of ai")
        || lower.contains("generated by ai")
        || lower.contains("all rights reserved")
}

/// Returns the link of an "Original article: example.org/a/1" or
/// "Originally published at https://…" note.
pub fn original_link(line: &str) -> Option<String> {
    let lower = line.to_lowercase();
    if ![
        "original article",
        "originally published",
        "read the original",
        "source:",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
    {
        return None;
    }
    line.split_whitespace()
        .map(|w| w.trim_end_matches(['.', ',', ')', ';']))
        .find(|w| w.contains("://") || (w.contains('.') && w.contains('/') && !w.starts_with('/')))
        .map(str::to_owned)
}

/// Returns the publisher named by a short "Source: City Sport Weekly" note.
pub fn source_note(line: &str) -> Option<String> {
    let lower = line.to_lowercase();
    let rest = ["source:", "publisher:", "published by"]
        .iter()
        .find(|p| lower.starts_with(*p))
        .and_then(|p| line.get(p.len()..))?
        .trim();
    (!rest.is_empty() && !more_words_than(rest, 6) && !ends_sentence(rest)).then(|| rest.to_owned())
}

/// Returns the author's name when `line` is a byline: "Author: X",
/// "By X, columnist", "By X and Y", "Written by X". The name is the part
/// before any comma or dash, and must look like a name (capitalised words).
pub fn byline(line: &str) -> Option<String> {
    let line = line.trim();
    if line.len() > 200
        || more_words_than(line, 14)
        || ends_sentence(line) && !line.ends_with("Jr.")
    {
        return None;
    }
    let lower = line.to_lowercase();
    let prefixes = [
        "author:",
        "authors:",
        "written by",
        "words by",
        "reporting by",
        "text:",
        "by:",
        "by ",
    ];
    let rest = prefixes
        .iter()
        .find(|p| lower.starts_with(*p))
        .and_then(|p| line.get(p.len()..))?
        .trim();
    let name = rest
        .split([',', '|', '(', '—', '–'])
        .next()
        .unwrap_or_default()
        .split(" - ")
        .next()
        .unwrap_or_default()
        .trim();
    is_name(name).then(|| name.to_owned())
}

/// Returns true if and only if `s` looks like one or more person names:
/// 1 to 8 words, capitalised apart from joining words, no digits.
fn is_name(s: &str) -> bool {
    const JOINERS: &[&str] = &[
        "and", "&", "de", "da", "van", "von", "der", "den", "del", "la", "le", "al", "bin", "ibn",
        "di", "du",
    ];
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 8
        && s.len() <= 80
        && !s.chars().any(|c| c.is_ascii_digit())
        && words.first().is_some_and(|w| starts_upper(w))
        && words
            .iter()
            .all(|w| starts_upper(w) || JOINERS.contains(&w.to_lowercase().as_str()))
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Returns the date when `line` is a short dateline: "March 3, 2024",
/// "2024-03-01", "Published: 12 May 2023 10:42".
pub fn dateline(line: &str) -> Option<String> {
    const MONTHS: &[&str] = &[
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let line = line.trim();
    if line.len() > 120 || more_words_than(line, 8) {
        return None;
    }
    let lower = line.to_lowercase();
    let rest = [
        "published:",
        "published",
        "updated:",
        "updated",
        "posted:",
        "posted on",
        "date:",
    ]
    .iter()
    .find(|p| lower.starts_with(*p))
    .and_then(|p| line.get(p.len()..))
    .map_or(line, str::trim);
    let has_year = rest
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")));
    let iso = rest.len() >= 10
        && rest.as_bytes()[4] == b'-'
        && rest
            .get(..4)
            .is_some_and(|y| y.chars().all(|c| c.is_ascii_digit()));
    let words: Vec<String> = rest
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let month = words
        .iter()
        .any(|w| MONTHS.iter().any(|m| w.starts_with(m) && w.len() <= 9));
    let other_words = words
        .iter()
        .filter(|w| !MONTHS.iter().any(|m| w.starts_with(m)))
        .filter(|w| !["am", "pm", "at", "utc", "gmt", "on"].contains(&w.as_str()))
        .count();
    (has_year && (iso || month) && other_words <= 2).then(|| rest.to_owned())
}

/// Returns true if and only if `line` could be a headline: 2 to 25 words,
/// starts with a capital or digit, does not end with a full stop or comma.
pub fn is_headline(line: &str) -> bool {
    line.len() <= 800
        && (2..=25).contains(&word_count(line))
        && line.chars().count() <= 200
        && line.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !line.trim_end().ends_with(['.', ',', ';', ':'])
}

/// Returns true if and only if `line` could be a section heading: short (at
/// most 14 words), starts with a capital or digit, no closing punctuation,
/// not a quotation and not a list item.
pub fn is_heading(line: &str) -> bool {
    // Cheapest tests first: most units are paragraphs ending in a stop.
    line.len() <= 480
        && !line
            .trim_end()
            .ends_with(['.', ',', ';', ':', '!', '?', '…', '"', '”', '’', '»', ')'])
        && line.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !is_list_item(line)
        && line.chars().count() <= 120
        && (1..=14).contains(&word_count(line))
}

/// Returns true if and only if `line` starts like a list item.
fn is_list_item(line: &str) -> bool {
    if line.starts_with(['•', '-', '*', '–', '—', '·']) {
        return true;
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && digits <= 3 && line[digits..].starts_with([')', '.'])
}

/// Makes a short title from a lede: its first sentence, cut at a word
/// boundary to at most `max` characters with "…" when longer.
pub fn title_from_lede(lede: &str, max: usize) -> String {
    let sentence = first_sentence(lede);
    let sentence = sentence.trim_end_matches('.');
    if sentence.chars().count() <= max {
        return sentence.to_owned();
    }
    let mut out = String::new();
    for word in sentence.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > max.saturating_sub(1) {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = sentence.chars().take(max.saturating_sub(1)).collect();
    }
    let out = out.trim_end_matches([',', ';', ':', '—', '–', '-', ' ']);
    format!("{out}…")
}

/// Returns the first sentence of `text`: up to the first `.`, `!` or `?`
/// that is followed by a space and a capital (so "U.S." and "1.8" survive).
fn first_sentence(text: &str) -> &str {
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?') {
            let next = i + c.len_utf8();
            let rest = &text[next..];
            let after_space = rest.trim_start_matches(['"', '”', '’']);
            if after_space.starts_with(' ')
                && after_space[1..].starts_with(|c: char| c.is_uppercase() || c == '“' || c == '"')
                && !is_abbreviation(&text[..i])
            {
                return &text[..next];
            }
        }
    }
    text
}

/// Returns true if and only if `before` ends with a short capitalised word
/// ("Mr", "Dr", "St", "U.S") rather than a sentence.
fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(' ').next().unwrap_or_default();
    word.len() <= 3 && word.starts_with(|c: char| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_counts() {
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("  one  two\nthree "), 3);
        assert!(more_words_than("a b c", 2));
        assert!(!more_words_than("a b c", 3));
    }

    #[test]
    fn bylines_give_names_only() {
        assert_eq!(
            byline("Author: Daria Shekina").as_deref(),
            Some("Daria Shekina")
        );
        assert_eq!(
            byline("By Maxime Marquette, columnist").as_deref(),
            Some("Maxime Marquette")
        );
        assert_eq!(
            byline("By Ana Ruiz and Tom Lee").as_deref(),
            Some("Ana Ruiz and Tom Lee")
        );
        assert_eq!(byline("By the end of the year prices rose"), None);
        assert_eq!(
            byline("Written by Kofi Mensah | Sports desk").as_deref(),
            Some("Kofi Mensah")
        );
    }

    #[test]
    fn end_matter_markers() {
        assert!(is_end_matter_marker("Sources"));
        assert!(is_end_matter_marker("Original article: example.org/a/1"));
        assert!(is_end_matter_marker(
            "Disclaimer: views are the author's own."
        ));
        assert!(is_end_matter_marker(
            "This content was created with the help of AI."
        ));
        assert!(!is_end_matter_marker(
            "The source of the leak was never found."
        ));
    }

    #[test]
    fn datelines() {
        assert_eq!(dateline("aé€-2024 x"), None);
        assert_eq!(dateline("March 3, 2024").as_deref(), Some("March 3, 2024"));
        assert_eq!(
            dateline("Published: 2024-03-01").as_deref(),
            Some("2024-03-01")
        );
        assert_eq!(dateline("The 2024 budget"), None);
    }

    #[test]
    fn headings_exclude_quotes_lists_and_sentences() {
        assert!(is_heading("Reach and Goals"));
        assert!(is_heading(
            "Ukraine as a \"security exporter\" — a profound transformation"
        ));
        assert!(!is_heading("• first item"));
        assert!(!is_heading("1. first item"));
        assert!(!is_heading("“We will win”"));
        assert!(!is_heading("It rained."));
    }

    #[test]
    fn lede_titles_are_short() {
        let lede = "Japan is reviewing an invitation from Latvia to join a group of nations sending drones and technology to Ukraine as it battles Russia’s invasion. More text.";
        let t = title_from_lede(lede, 80);
        assert!(t.chars().count() <= 80, "{t}");
        assert!(t.ends_with('…'));
        assert!(t.starts_with("Japan is reviewing an invitation"));
        assert_eq!(title_from_lede("Rates held. Then more.", 80), "Rates held");
        assert_eq!(title_from_lede("Mr. Smith won. Then.", 80), "Mr. Smith won");
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "The council voted on Tuesday to close the old bridge\nfor repairs that will last until the spring, officials\nsaid in a statement released after the meeting.\n\nResidents said the detour would add twenty minutes\nto their commute and asked for a shuttle bus service\nto run during the works.";
        let units = split_units(text);
        assert_eq!(units.len(), 2);
        assert!(units[0].ends_with("after the meeting."));
    }

    #[test]
    fn single_line_paragraphs_stay_lines() {
        let units = split_units("Title here\nFirst paragraph.\n\nSecond paragraph.");
        assert_eq!(units.len(), 3);
    }
}
