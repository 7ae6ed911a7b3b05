//! Acronyms that an article spells out once: "the National Oceanic and
//! Atmospheric Administration (NOAA)", "the Kenya Wildlife Service (KWS)".
//! The acronym in brackets right after a name the document knows, whose
//! letters it takes in order, names the same entity wherever it stands
//! alone later ("NOAA forecasters").

use super::Context;
use crate::entities::EntityKind;
use crate::entities::cues;
use crate::entities::resolve::{Known, Lexicon, Strength};
use crate::entities::text::{Run, is_connector};

/// The longest name, in words, an acronym is read after.
const MAX_NAME_WORDS: usize = 8;

impl<'t> Context<'t, '_, '_> {
    /// Teaches each acronym spelled out in `self.text` as a short form of
    /// the name before it.
    pub(super) fn spelled_out_acronyms(&self, lexicon: &mut Lexicon<'t>) {
        // Brackets are few: find them, then the word each opens.
        // (A char pattern is searched with memchr; " (" was not.)
        for (at, _) in self.text.match_indices('(') {
            if at == 0 || self.text.as_bytes()[at - 1] != b' ' {
                continue;
            }
            let start = at + 1;
            let Ok(i) = self.words.binary_search_by_key(&start, |w| w.start) else {
                continue;
            };
            let w = &self.words[i];
            let acronym = self.word(i);
            // "the Association of Payment and Clearing Services (Apacs)":
            // British style writes an acronym said as a word in title case.
            let title_case = is_title_case_word(acronym);
            if i == 0
                || !self.text[w.end..].starts_with(')')
                || !(is_acronym(acronym) || title_case)
            {
                continue;
            }
            let name_end = w.start - 2;
            let letters = if title_case {
                acronym.to_ascii_uppercase()
            } else {
                acronym.to_owned()
            };
            if let Some(known) = self.name_ending_at(i, name_end, lexicon)
                && spells(&letters, known.name)
            {
                lexicon.add(
                    acronym,
                    Known {
                        strength: Strength::Cue,
                        ..known
                    },
                );
            } else if let Some(first) = self.initials_before(i, acronym).filter(|_| !title_case) {
                // "the Union Cycliste Internationale (UCI)": a name in no
                // list whose words' initials are the acronym is a body's.
                let name = self.span(first, i);
                let known = Known::new(name, EntityKind::Organization, Strength::Cue);
                lexicon.add(name, known.clone());
                lexicon.add(acronym, known);
            }
        }
    }

    /// "Unicef and the Red Cross", "Nato allies": British style writes an
    /// acronym said as a word in title case. A listed organisation's or
    /// company's acronym so written names it, unless it is an English word
    /// ("Who").
    pub(super) fn title_case_acronyms(&self, runs: &[Run], lexicon: &mut Lexicon<'t>) {
        for run in runs {
            let i = run.first;
            let word = self.word(i);
            if run.last - i != 1
                || self.known[i].is_some()
                || !is_title_case_word(word)
                || self.is_common(i)
            {
                continue;
            }
            let Some(entry) =
                cues::uppered(word, &mut [0; 24]).and_then(|upper| self.gaz.exact(upper))
            else {
                continue;
            };
            if matches!(entry.kind, EntityKind::Organization | EntityKind::Company) {
                lexicon.add(
                    word,
                    Known::new(entry.name, entry.kind, Strength::Cue).with_country(entry.country),
                );
            }
        }
    }

    /// Where the name before the acronym at word `acronym_at` starts, when
    /// the initials of its capitalised words, and of no more, are the
    /// acronym's letters ("Union Cycliste Internationale (UCI)",
    /// "Organisation of Petroleum Exporting Countries (OPEC)"). `None` when
    /// a word of it is in a list, a title or a company's suffix (the other
    /// rules read those), or it opens a sentence with an ordinary word.
    fn initials_before(&self, acronym_at: usize, acronym: &str) -> Option<usize> {
        let letters = acronym.as_bytes();
        if letters.len() < 3 || !letters.iter().all(u8::is_ascii_uppercase) {
            return None;
        }
        let mut matched = 0;
        let mut i = acronym_at;
        while matched < letters.len() {
            i = i.checked_sub(1)?;
            let w = &self.words[i];
            let gap = self.gap_before(i + 1);
            if gap != " " && !(i + 1 == acronym_at && gap == " (") {
                return None;
            }
            let word = self.word(i);
            if !w.capitalized {
                if is_connector(word) || word == "and" {
                    continue;
                }
                return None;
            }
            // A place may stand in a body's name ("Alleanza Verde per il
            // Lazio (AVL)"); a known firm or body would be a name itself.
            let named_otherwise = self.known[i].is_some_and(|h| {
                !matches!(
                    self.hits[h].entry.kind,
                    EntityKind::Place | EntityKind::Country
                )
            });
            if named_otherwise
                || self.is_title(i)
                || self.has(i, cues::COMPANY_SUFFIX)
                || w.heading
                || word.as_bytes()[0] != letters[letters.len() - 1 - matched]
            {
                return None;
            }
            matched += 1;
        }
        let w = &self.words[i];
        let ordinary_start = w.sentence_start && self.gaz.is_common_word(self.word(i));
        (!ordinary_start).then_some(i)
    }

    /// The longest name the document knows (from the lists or a rule) that
    /// ends at byte `end`, among the words before word `before`.
    fn name_ending_at(
        &self,
        before: usize,
        end: usize,
        lexicon: &Lexicon<'t>,
    ) -> Option<Known<'t>> {
        let last = before.checked_sub(1)?;
        if self.words[last].end != end {
            return None;
        }
        let first_candidate = before.saturating_sub(MAX_NAME_WORDS);
        (first_candidate..before).find_map(|first| {
            let start = self.words[first].start;
            let surface = &self.text[start..end];
            if let Some(known) = lexicon.get(surface) {
                return Some(known.clone());
            }
            self.hits
                .iter()
                .find(|h| h.start == start && h.end == end)
                .map(|h| {
                    Known::new(h.entry.name, h.entry.kind, Strength::Cue)
                        .with_country(h.entry.country)
                })
        })
    }
}

/// Returns true if and only if `word` looks like an acronym: two to eight
/// capital letters (an ampersand or a digit may stand among them), or
/// three or more among lower-case ones ("PhRMA").
fn is_acronym(word: &str) -> bool {
    let capitals = word.bytes().filter(u8::is_ascii_uppercase).count();
    let mixed = capitals >= 3 && word.bytes().any(|b| b.is_ascii_lowercase());
    (2..=8).contains(&word.len())
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && capitals >= 2
        && word.bytes().all(|b| {
            b.is_ascii_uppercase()
                || b.is_ascii_digit()
                || b == b'&'
                || (mixed && b.is_ascii_lowercase())
        })
}

/// Returns true if and only if `word` is four to eight ASCII letters, the
/// first alone a capital ("Unicef").
fn is_title_case_word(word: &str) -> bool {
    let bytes = word.as_bytes();
    (4..=8).contains(&bytes.len())
        && bytes[0].is_ascii_uppercase()
        && bytes[1..].iter().all(u8::is_ascii_lowercase)
}

/// Returns true if and only if the letters of `acronym` stand in `name` in
/// order, the first as the initial of the name ("NOAA" in "National
/// Oceanic and Atmospheric Administration", "JAMSTEC" in "Japan Agency for
/// Marine-Earth Science and Technology").
fn spells(acronym: &str, name: &str) -> bool {
    let name = name.strip_prefix("The ").unwrap_or(name);
    if !name.starts_with(acronym.chars().next().unwrap_or(' ')) {
        return false;
    }
    let mut rest = name.chars().map(|c| c.to_ascii_uppercase());
    acronym
        .chars()
        .filter(char::is_ascii_uppercase)
        .all(|letter| rest.any(|c| c == letter))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_acronym_spells_its_name_in_order() {
        assert!(spells(
            "NOAA",
            "National Oceanic and Atmospheric Administration"
        ));
        assert!(spells("KWS", "Kenya Wildlife Service"));
        assert!(spells(
            "JAMSTEC",
            "Japan Agency for Marine-Earth Science and Technology"
        ));
        assert!(!spells("FBI", "Kenya Wildlife Service"));
        assert!(!spells("SWK", "Kenya Wildlife Service"));
        assert!(is_acronym("AT&T") && is_acronym("UNHCR") && is_acronym("NOAA"));
        assert!(!is_acronym("Reuters") && !is_acronym("A") && !is_acronym("X9"));
        assert!(is_acronym("PhRMA") && !is_acronym("McDonald") && !is_acronym("PhD"));
        assert!(spells(
            "PhRMA",
            "Pharmaceutical Research and Manufacturers of America"
        ));
    }
}
