//! The shape of a text as entity rules see it: words with their byte spans,
//! where sentences start, which lines are headings, and runs of capitalised
//! words ("Latvian Foreign Minister Baiba Braze") that may hold names.
//!
//! One forward scan over the text; nothing here knows any entity.

/// One word: a maximal run of letters and digits, with inner hyphens,
/// apostrophes, periods and ampersands ("Self-Defense", "U.S", "AT&T").
/// A possessive ending ('s, ’s) is not part of the word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools)] // independent facts about one word
pub struct Word {
    pub start: usize,
    pub end: usize,
    /// Starts with an upper-case letter.
    pub capitalized: bool,
    /// First word of a sentence (or of a line).
    pub sentence_start: bool,
    /// Followed by a possessive 's or ’s.
    pub possessive: bool,
    /// Is a known abbreviation or an initial followed by a period ("Gen.",
    /// "Mr.", "J."), which neither ends a sentence nor breaks a run.
    pub abbreviation: bool,
    /// Index of the line the word is on.
    pub line: u32,
    /// The word is on a heading line.
    pub heading: bool,
}

impl Word {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// A run of capitalised words joined by single spaces and a few lower-case
/// connectors ("Center of Excellence"): `words[first..last]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    pub first: usize,
    pub last: usize,
}

/// The words of a text and the places where a name may start.
pub struct Scan {
    pub words: Vec<Word>,
    /// Every byte offset where a letter or digit follows something else (or
    /// opens the text), ascending: the start of each word and each place
    /// inside one after a joining hyphen, apostrophe, period or ampersand
    /// ("Latvian-led", "pro-Russian", "U.S."). No name begins anywhere
    /// else, so the gazetteer and the document's own names are looked up
    /// only here.
    pub name_starts: Vec<usize>,
}

/// Returns true if and only if the character at `at`, `width` bytes long,
/// is the spaced dash that ends a wire dateline, as in `SALTON, Nov 3
/// (Reuters) - Shares of…` or `WASHINGTON (AP) — The…` (the place already
/// folded to "Salton" by [`super::caps`]): a line of at most eight words
/// so far, the first capitalised, with a date's figure among them or the
/// agency's closing bracket right before the dash. The word after it
/// starts a sentence.
fn ends_a_dateline(text: &str, line_words: &[Word], at: usize, width: usize) -> bool {
    let bytes = text.as_bytes();
    let dash = &text[at..at + width];
    if !matches!(dash, "-" | "\u{2013}" | "\u{2014}")
        || at == 0
        || bytes[at - 1] != b' '
        || bytes.get(at + width) != Some(&b' ')
        || line_words.is_empty()
        || line_words.len() > 8
    {
        return false;
    }
    let dated = line_words
        .iter()
        .any(|w| text[w.start..w.end].bytes().any(|b| b.is_ascii_digit()));
    line_words[0].capitalized && (dated || text[..at].trim_end().ends_with(')'))
}

/// What follows "Sp" in the Polish form "Sp. z o.o." (spółka z
/// ograniczoną odpowiedzialnością), its final period left to end the word.
const POLISH_LIMITED: &str = ". z o.o";

/// Splits `text` into words, marking sentence starts and heading lines,
/// and collects the places where a name may start.
///
/// Works on bytes, decoding a character only where the text leaves ASCII:
/// this scan touches every byte of every article.
pub fn scan(text: &str) -> Scan {
    let bytes = text.as_bytes();
    let mut out: Vec<Word> = Vec::with_capacity(text.len() / 6);
    let mut name_starts: Vec<usize> = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    let mut line = 0u32;
    let mut sentence_start = true;
    let mut line_first_word = 0usize;
    while i < bytes.len() {
        let b = bytes[i];
        let (is_word, width) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = char_at(text, i);
            // General punctuation (dashes, curly quotes) is never a word.
            let word = !('\u{2000}'..='\u{206f}').contains(&c) && c.is_alphanumeric();
            if c == '•' {
                sentence_start = true;
            }
            (word, c.len_utf8())
        };
        // (A dash is '-', or three bytes long: '–' or '—'.)
        if !is_word
            && (b == b'-' || width == 3)
            && ends_a_dateline(text, &out[line_first_word..], i, width)
        {
            sentence_start = true;
        }
        if !is_word {
            match b {
                b'\n' => {
                    mark_heading(text, &mut out[line_first_word..]);
                    line_first_word = out.len();
                    line += 1;
                    sentence_start = true;
                }
                b'.' if out.last().is_some_and(|w| w.abbreviation && w.end == i) => {}
                b'.' | b'!' | b'?' | b':' | b';' | b'|' => sentence_start = true,
                _ => {}
            }
            i += width;
            continue;
        }
        let start = i;
        name_starts.push(start);
        let mut end = word_end(text, i + width, &mut name_starts);
        // "Kwantis Sp. z o.o.": the Polish limited company's form is one
        // word, as "S.A." is.
        if &text[start..end] == "Sp" && text[end..].starts_with(POLISH_LIMITED) {
            end += POLISH_LIMITED.len();
        }
        let (end_of_word, possessive) = strip_possessive(bytes, start, end);
        // "Ashcombe Insurance plc": the suffix written in lower case goes
        // with the name, as a capitalised word would.
        let capitalized = if b.is_ascii() {
            let word = &text[start..end_of_word];
            (b.is_ascii_uppercase()
                && !((b == b'I' && is_first_person(word)) || is_age(word) || is_unit(word)))
                || (matches!(b, b'p' | b's' | b'a' | b'd') && is_lower_case_legal_form(word))
                || (matches!(b, b'd' | b'l' | b'a' | b'e') && is_elided_particle(word))
        } else {
            char_at(text, i).is_uppercase()
        };
        let abbreviation = bytes.get(end_of_word) == Some(&b'.') && {
            let w = &text[start..end_of_word];
            // "U.S." is dotted; a number ("$8.08.") ends its sentence.
            let dotted = w.contains('.') && w.bytes().any(|c| c.is_ascii_alphabetic());
            is_abbreviation(w)
                || dotted
                || (capitalized && end_of_word - start == width)
                || (w == "Co" && legal_form_follows(&text[end_of_word + 1..]))
        };
        out.push(Word {
            start,
            end: end_of_word,
            capitalized,
            sentence_start,
            possessive,
            abbreviation,
            line,
            heading: false,
        });
        sentence_start = false;
        i = end;
    }
    mark_heading(text, &mut out[line_first_word..]);
    Scan {
        words: out,
        name_starts,
    }
}

/// Returns true if and only if `word` is a name after a French or Italian
/// particle elided to it ("d'Urville", "d'Estaing", "dell'Orto") or an
/// Arabic article joined to it ("al-Hashimi", "el-Sayed"): part of the
/// name around it, as a capitalised word is ("Dumont d'Urville").
fn is_elided_particle(word: &str) -> bool {
    let Some((particle, rest)) = word.split_once(['\'', '’', '-']) else {
        return false;
    };
    matches!(particle, "d" | "l" | "dell" | "dall" | "al" | "el")
        && rest.chars().next().is_some_and(char::is_uppercase)
}

/// Returns true if and only if `word` gives an age ("Sixteen-year-old",
/// "Two-month-old"): capitalised only because it opens a sentence, and
/// never part of the name after it.
fn is_age(word: &str) -> bool {
    word.len() > 8
        && word
            .get(word.len() - 4..)
            .is_some_and(|end| end.eq_ignore_ascii_case("-old"))
}

/// Returns true if and only if `word` is a unit of power, energy or
/// frequency written with a capital ("20 MWh", "3 GW", "5 GHz"): never part
/// of a name ("a 20 MWh Solvane system").
fn is_unit(word: &str) -> bool {
    matches!(
        word,
        "MW" | "GW"
            | "TW"
            | "MWh"
            | "GWh"
            | "TWh"
            | "MWp"
            | "GWp"
            | "MHz"
            | "GHz"
            | "Mbps"
            | "Gbps"
    )
}

/// Returns where the word that continues at `from` ends: letters and
/// digits, with a hyphen, apostrophe, period or ampersand allowed between
/// two of them. The offset after each such joiner goes to `name_starts`.
fn word_end(text: &str, from: usize, name_starts: &mut Vec<usize>) -> usize {
    let bytes = text.as_bytes();
    let mut end = from;
    loop {
        end += crate::ascii::alphanumeric_prefix(&bytes[end..]);
        let Some(&b) = bytes.get(end) else {
            return end;
        };
        let (c, width) = if b.is_ascii() {
            (char::from(b), 1)
        } else {
            let c = char_at(text, end);
            (c, c.len_utf8())
        };
        if c.is_alphanumeric() && !c.is_ascii() {
            end += width;
            continue;
        }
        let joins = matches!(c, '-' | '\'' | '’' | '.' | '&')
            && end + width < bytes.len()
            && char_at(text, end + width).is_alphanumeric();
        if !(joins || c == '/' && is_company_form(bytes, end, from)) {
            return end;
        }
        end += width;
        name_starts.push(end);
    }
}

/// Returns true if and only if the slash at `slash` joins "A/S", the
/// Danish and Norwegian company form, into one word: one capital before
/// it (the word began at `from - 1`), one after, and no more.
fn is_company_form(bytes: &[u8], slash: usize, from: usize) -> bool {
    slash == from
        && bytes[slash - 1].is_ascii_uppercase()
        && bytes.get(slash + 1).is_some_and(u8::is_ascii_uppercase)
        && !bytes.get(slash + 2).is_some_and(u8::is_ascii_alphanumeric)
}

/// Returns true if and only if only whitespace stands between the start of
/// the line and byte `at`. Reads back over that whitespace alone: most
/// names stand inside long lines, and this is asked of many of them.
pub fn opens_line(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(|c: char| c.is_whitespace() && c != '\n');
    before.is_empty() || before.ends_with('\n')
}

/// Returns true if and only if `s` holds a gap that sets apart the cells
/// of a table row written as text: a run of spaces, a tab or a bar.
pub fn has_cell_gap(s: &str) -> bool {
    s.contains("  ") || s.contains(['\t', '|'])
}

/// The letters and digits that open `s` ("Baiba" of "Baiba Braze", "U" of
/// "U.S.").
pub fn first_word(s: &str) -> &str {
    let bytes = s.as_bytes();
    let ascii = crate::ascii::alphanumeric_prefix(bytes);
    if bytes.get(ascii).is_none_or(u8::is_ascii) {
        return &s[..ascii];
    }
    let end = s[ascii..]
        .find(|c: char| !c.is_alphanumeric())
        .map_or(s.len(), |e| ascii + e);
    &s[..end]
}

/// The word right after byte `at`, if only a space separates it; empty
/// otherwise.
pub fn next_word(text: &str, at: usize) -> &str {
    text[at..].strip_prefix(' ').map_or("", first_word)
}

/// The letters and digits that end `s` ("Braze" of "Baiba Braze", "of"
/// of "shares of").
pub fn last_word(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    &s[start..]
}

fn char_at(text: &str, i: usize) -> char {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => char::from(b),
        _ => text.get(i..).and_then(|t| t.chars().next()).unwrap_or(' '),
    }
}

/// Returns the end of the word without a possessive 's or ’s, and whether
/// it had one.
fn strip_possessive(bytes: &[u8], start: usize, end: usize) -> (usize, bool) {
    for suffix in [&b"'s"[..], "’s".as_bytes()] {
        if end - start > suffix.len() && bytes[..end].ends_with(suffix) {
            return (end - suffix.len(), true);
        }
    }
    (end, false)
}

/// Marks the words of one line as heading words when the line reads as a
/// heading: short, with no sentence punctuation at its end, no cells of a
/// table, and its words mostly capitalised ("Reach and Goals", "Three
/// Companies, One Strategy") or very short ("What preceded").
fn mark_heading(text: &str, line: &mut [Word]) {
    let (Some(first), Some(last)) = (line.first(), line.last()) else {
        return;
    };
    let tail = text[last.end..]
        .split('\n')
        .next()
        .unwrap_or_default()
        .trim();
    let ends_sentence = tail.ends_with(['.', '!', '?', '"', '”', ',', ';']);
    // "  DF   Joaquin Ferreyra": a row of a table sets its cells apart
    // with runs of spaces, a tab or a bar, as no heading does.
    if ends_sentence || line.len() > 16 || has_cell_gap(&text[first.start..last.end]) {
        return;
    }
    let (mut content, mut capitalized) = (0, 0);
    for w in line.iter() {
        if !is_connector(w.text(text)) && !is_small_word(w.text(text)) {
            content += 1;
            capitalized += usize::from(w.capitalized);
        }
    }
    let title_case = capitalized * 10 >= content * 7;
    let short = line.len() <= 4 && first.capitalized;
    if title_case || short {
        for w in line.iter_mut() {
            w.heading = true;
        }
    }
}

/// Abbreviations whose period does not end a sentence. A company's ("Co.",
/// "Inc.") ends its name and, as often as not, the sentence.
fn is_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Prof"
            | "Gen"
            | "Lt"
            | "Col"
            | "Maj"
            | "Capt"
            | "Sgt"
            | "Adm"
            | "Cmdr"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Pres"
            | "St"
            | "Jr"
            | "Sr"
            | "Mt"
            | "No"
            | "vs"
            | "approx"
            | "Jan"
            | "Feb"
            | "Aug"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
    )
}

/// Returns true if and only if `word` is a lower-case word that may sit
/// inside a multi-word name ("Center of Excellence", "Ursula von der
/// Leyen").
pub fn is_connector(word: &str) -> bool {
    // Every connector is 2 to 5 bytes long: most words are out at once.
    (2..=5).contains(&word.len())
        && (matches!(word, "of" | "the" | "for" | "per")
            || super::cues::is_name_particle(word)
            // Inside the names of other languages' bodies: "Institut de
            // Recherche en Sciences de la Santé", "Institut für Arbeit und
            // Soziales".
            || matches!(word, "en" | "et" | "und" | "für"))
}

/// Returns true if and only if `word` is a legal form written in lower
/// case ("Ashcombe Insurance plc", "Kovotech s.r.o.", "Elektra d.o.o.").
fn is_lower_case_legal_form(word: &str) -> bool {
    matches!(word, "plc" | "s.r.o" | "a.s" | "d.o.o" | "d.d")
}

/// Returns true if and only if `word` is "I" contracted ("I've", "I’m"):
/// a pronoun, capitalised wherever it stands ("the best writer I've read").
fn is_first_person(word: &str) -> bool {
    word.strip_prefix("I'")
        .or_else(|| word.strip_prefix("I’"))
        .is_some_and(|rest| matches!(rest, "ve" | "m" | "d" | "ll"))
}

fn is_small_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "an" | "and" | "or" | "in" | "on" | "at" | "to" | "as" | "by" | "with" | "from"
    )
}

/// Returns the runs of capitalised words. A run stops at punctuation, at a
/// line break, after a possessive, and at a sentence start.
pub fn runs(text: &str, words: &[Word]) -> Vec<Run> {
    // Sized for prose dense with names: growing costs more than the slack.
    let mut out = Vec::with_capacity(words.len() / 4);
    let mut i = 0;
    while i < words.len() {
        if !words[i].capitalized {
            i += 1;
            continue;
        }
        let first = i;
        let mut last = i + 1;
        while last < words.len() && !words[last - 1].possessive {
            let next = &words[last];
            if next.sentence_start || !single_space_between(text, &words[last - 1], next) {
                break;
            }
            if next.capitalized {
                last += 1;
                continue;
            }
            // A connector, or a tail's "on" ([`opens_tail`]), joins only
            // when a capitalised word follows it. "and" joins only inside
            // an institution's name that already has a connector
            // ("Ministry of Trade and Industry").
            let has_connector = (first..last).any(|k| is_connector(words[k].text(text)));
            let mut j = last;
            while j < words.len()
                && (opens_tail(text, words, j) || (has_connector && words[j].text(text) == "and"))
                && !words[j].sentence_start
                && single_space_between(text, &words[j - 1], &words[j])
            {
                j += 1;
            }
            // "University of Chile and Prof. Markus Lindqvist": a personal
            // title after "and" opens a second name ("Ministry of Law and
            // Justice" stays one).
            let titled_after_and = j < words.len()
                && words[j - 1].text(text) == "and"
                && (super::cues::traits(words[j].text(text)) & super::cues::ABBREVIATED_TITLE != 0
                    || matches!(words[j].text(text), "Professor" | "Sir" | "Dame"));
            if j > last
                && j < words.len()
                && words[j].capitalized
                && !words[j].sentence_start
                && !titled_after_and
                && single_space_between(text, &words[j - 1], &words[j])
            {
                last = j + 1;
            } else {
                break;
            }
        }
        out.push(Run { first, last });
        i = last;
    }
    out
}

/// Returns true if and only if word `k` opens the tail of a name after its
/// head: a connector ("Ministry of …"), or "on" after a body that takes one
/// ("the Council on Foreign Relations"; "the Commission on Monday" is a
/// date).
pub fn opens_tail(text: &str, words: &[Word], k: usize) -> bool {
    let word = words[k].text(text);
    is_connector(word)
        || (word == "on"
            && k > 0
            && super::cues::takes_on(words[k - 1].text(text))
            && words.get(k + 1).is_some_and(|next| {
                super::cues::traits(next.text(text)) & super::cues::FUNCTION_WORD == 0
            }))
}

/// Returns true if and only if only one space separates the two words (a
/// possessive ending counts as part of the first), or a comma before a
/// legal form ("Brazos Ridge Materials, Inc.").
fn single_space_between(text: &str, a: &Word, b: &Word) -> bool {
    let gap = text.get(a.end..b.start);
    !a.possessive
        && (gap == Some(" ")
            || gap == Some(" & ")
            || (a.abbreviation && gap == Some(". "))
            || (gap == Some(", ") && a.capitalized && legal_form_follows(&text[a.end + 1..]))
            || (a.abbreviation && gap == Some("., ") && legal_form_follows(&text[a.end + 2..]))
            || (gap == Some(", ") && a.capitalized && partnership_follows(&text[a.end + 2..])))
}

/// Returns true if and only if `rest` opens, after one space (or a comma
/// and a space), with a legal form that ends a firm's name after a comma
/// or after "Co." ("Hanseong Semitech Co. Ltd", "Fujian Hengtai Metals
/// Co., Ltd.", "Brazos Ridge Materials, Inc.", "Dunmunkle Grain Co. Pty
/// Ltd"). Fewer forms than [`super::cues::is_legal_form`] knows: after a
/// comma "As" or "Co" may open anything.
fn legal_form_follows(rest: &str) -> bool {
    let Some(rest) = rest.strip_prefix(' ').or_else(|| rest.strip_prefix(", ")) else {
        return false;
    };
    let word = rest
        .split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .next()
        .unwrap_or_default()
        .trim_end_matches('.');
    let after = &rest[word.len()..];
    matches!(
        word,
        "Inc" | "Ltd" | "LLC" | "LLP" | "L.P" | "Limited" | "S.A" | "N.V" | "Pty"
    ) && !after.starts_with(|c: char| c.is_alphanumeric())
}

/// Returns true if and only if `rest` opens with the second name and the
/// form of a partnership named after its partners: one capitalised word,
/// " & ", and at most three more ending in a partnership's word ("Baker,
/// Lindqvist & Partners LLP", "Sarin, Bhattacharya & Co."). A list of
/// names with an ampersand ("Germany, France & Italy") has no such word.
fn partnership_follows(rest: &str) -> bool {
    // (Only the next word is read: a comma follows many names.)
    let second = rest.split(' ').next().unwrap_or_default();
    let Some(after) = rest[second.len()..].strip_prefix(" & ") else {
        return false;
    };
    let capitalised =
        |w: &str| w.starts_with(|c: char| c.is_uppercase()) && w.chars().all(char::is_alphabetic);
    if !capitalised(second) {
        return false;
    }
    after
        .split(' ')
        .take(3)
        .map(|w| w.trim_end_matches(['.', ',', ';', ':', ')']))
        .take_while(|w| {
            capitalised(w) || w.chars().all(|c| c.is_ascii_uppercase()) && !w.is_empty()
        })
        .any(|w| {
            matches!(
                w,
                "Partners" | "Co" | "Company" | "Associates" | "Sons" | "LLP" | "LLC"
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_texts(text: &str) -> Vec<&str> {
        let w = scan(text).words;
        runs(text, &w)
            .iter()
            .map(|r| &text[w[r.first].start..w[r.last - 1].end])
            .collect()
    }

    #[test]
    fn runs_join_connectors_and_stop_at_punctuation() {
        let t = "He met the Strategic Communications Center of Excellence, UFORCE, and General Cherry today.";
        assert_eq!(
            run_texts(t),
            [
                "He",
                "Strategic Communications Center of Excellence",
                "UFORCE",
                "General Cherry"
            ]
        );
    }

    #[test]
    fn and_joins_no_title_into_a_name() {
        let t = "led by the University of Chile and Prof. Markus Lindqvist of the Ministry of Law and Justice";
        assert_eq!(
            run_texts(t),
            [
                "University of Chile",
                "Prof. Markus Lindqvist of the Ministry of Law and Justice"
            ]
        );
    }

    #[test]
    fn possessive_ends_a_run_and_is_not_in_the_word() {
        let t = "the lessons of NATO’s Strategic Center";
        assert_eq!(run_texts(t), ["NATO", "Strategic Center"]);
    }

    #[test]
    fn abbreviations_do_not_end_sentences_or_runs() {
        let t = "Met Gen. Mark Milley today.";
        assert_eq!(run_texts(t), ["Met Gen. Mark Milley"]);
        let w = scan(t).words;
        assert!(!w[2].sentence_start);
    }

    #[test]
    fn hyphenated_words_are_one_word() {
        let w = scan("Chiyoda-based agency").words;
        assert_eq!(w[0].text("Chiyoda-based agency"), "Chiyoda-based");
    }

    #[test]
    fn title_case_lines_are_headings() {
        let t = "Reach and Goals\nThe coalition has pledged money to Kyiv.\nWhat preceded\n";
        let w = scan(t).words;
        assert!(w[0].heading && w[2].heading);
        assert!(!w[3].heading);
        assert!(w.last().is_some_and(|x| x.heading));
    }

    #[test]
    fn names_may_start_at_words_and_after_joiners_only() {
        let t = "pro-Russian U.S.-led talks, Japan’s";
        let starts: Vec<&str> = scan(t)
            .name_starts
            .iter()
            .map(|&i| first_word(&t[i..]))
            .collect();
        assert_eq!(
            starts,
            ["pro", "Russian", "U", "S", "led", "talks", "Japan", "s"]
        );
    }
}
