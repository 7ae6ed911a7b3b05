//! Companies from the shape of their names: a corporate suffix ("Kawasaki
//! Heavy Industries", "Gresham Lyle and Co"), a known company extended by
//! a division's words ("Siemens Mobility"), and a stock ticker after a
//! suffix, which is no part of the name ("Cominco Ltd CLT").

use super::Context;
use crate::entities::EntityKind;
use crate::entities::cues;
use crate::entities::resolve::{Known, Lexicon, Strength};
use crate::entities::text::is_connector;

impl<'t> Context<'t, '_, '_> {
    /// "Cominco Ltd CLT", "Harlan Petroleum Corp HPC": a stock ticker after
    /// a company's suffix is no part of its name but names the company.
    /// Returns where the name ends: before the ticker, if there is one.
    pub(super) fn without_ticker(
        &self,
        first: usize,
        last: usize,
        lexicon: &mut Lexicon<'t>,
    ) -> usize {
        let ticker = self.word(last - 1);
        let is_ticker = last - first >= 3
            && (2..=5).contains(&ticker.len())
            && ticker.bytes().all(|b| b.is_ascii_uppercase())
            && self.known[last - 1].is_none()
            && !self.has(last - 1, cues::COMPANY_SUFFIX)
            && self.has(last - 2, cues::COMPANY_SUFFIX)
            && self
                .text
                .get(self.words[last - 2].end..self.words[last - 1].start)
                == Some(" ");
        if !is_ticker {
            return last;
        }
        let name = self.span(first, last - 1);
        lexicon.add(ticker, Known::new(name, EntityKind::Company, Strength::Cue));
        last - 1
    }

    /// "Kawasaki Heavy Industries", "Komax Holding": a name ending in a
    /// corporate suffix. "Gresham Lyle and Co", "Sumida Trust and Banking
    /// Co Ltd": a suffix with at most one word of its own joins the name
    /// before "and".
    pub(super) fn company(&self, first: usize, last: usize, lexicon: &mut Lexicon<'t>) -> bool {
        // "the U.S. Securities and Exchange Commission": a suffix that
        // opens a name of another kind the lists know is no suffix.
        if !self.has(last - 1, cues::COMPANY_SUFFIX)
            || self.known[last - 1].is_some_and(|h| self.hits[h].entry.kind != EntityKind::Company)
        {
            return false;
        }
        // "National Insurance", "Social Insurance": a state scheme, which
        // a tax story names, not an insurer.
        if last - first == 2
            && self.word(last - 1) == "Insurance"
            && cues::is_public_scheme_qualifier(self.word(first))
        {
            return false;
        }
        // "Marquez de la Fuente LLP and Harlow Fenwick LLP": a suffix
        // before "and" ends one firm, and a name of its own with a suffix
        // after it is a second ("Morgan Stanley and Co Inc" has legal
        // forms only after its "and", "Energy and Mining Corp" a sector).
        if let Some(and) = (first + 2..last.saturating_sub(2)).find(|&i| {
            self.word(i) == "and"
                && self.has(i - 1, cues::COMPANY_SUFFIX)
                && self.words[i + 1].capitalized
                && !self.has(i + 1, cues::COMPANY_SUFFIX)
        }) {
            let left = self.company(first, and, lexicon);
            return self.company(and + 1, last, lexicon) || left;
        }
        // "Rivals Micron Technology and…": a word capitalised by the
        // sentence's start is no part of the listed name after it.
        let listed_after = |h| (first + 1..last).all(|i| self.known[i] == Some(h));
        let first = match self.known.get(first + 1) {
            Some(&Some(h))
                if self.words[first].sentence_start
                    && self.known[first].is_none()
                    && self.is_common(first)
                    && listed_after(h) =>
            {
                first + 1
            }
            // "Housebuilder Farrier Homes was fined": nor is a company noun,
            // one firm's in the singular, several firms' in the plural
            // ("Carmakers Toyota Motor Corp and…"; "Manufacturers Hanover
            // Corp said" is one firm's name).
            _ if self.words[first].sentence_start
                && last - first >= 3
                && self.known[first].is_none()
                && cues::lowered(self.word(first), &mut [0; 24])
                    .is_some_and(cues::is_company_noun)
                && (!self.word(first).ends_with('s') || self.list_follows(last)) =>
            {
                first + 1
            }
            _ => first,
        };
        // The words before the suffix: none, or one ordinary word
        // ("Banking"); a proper name ("Ostrander Mining Corp") is a
        // company of its own.
        let own: Vec<usize> = (first..last)
            .filter(|&i| !self.has(i, cues::COMPANY_SUFFIX))
            .collect();
        let bare = own.len() <= 1 && own.iter().all(|&i| self.is_common(i));
        let before_ends_name = first >= 2 && {
            let w = self.word(first - 2);
            cues::traits(w) & cues::COMPANY_SUFFIX != 0 || w.bytes().all(|b| b.is_ascii_uppercase())
        };
        // "McDonald's Corp", "Moody's Investors Service Inc": a possessive
        // name before a suffix with ordinary words only opens the firm's
        // name ("Britain's Barclays Bank Plc" does not).
        if first >= 1 && own.iter().all(|&i| self.is_common(i)) && self.owner_opens(first - 1) {
            let name = self.span(first - 1, last);
            lexicon.add(name, Known::new(name, EntityKind::Company, Strength::Cue));
            return true;
        }
        // "Morgan Stanley and Co Inc", "C. Itoh and Co Ltd": a listed
        // company that ends before "and Co" takes the legal forms too.
        let legal_forms_only =
            own.is_empty() && (first..last).all(|i| cues::is_legal_form(self.word(i)));
        if legal_forms_only
            && first >= 2
            && let Some(h) = self.known[first - 2]
            && let Some(hit) = self.hits.get(h)
            && hit.entry.kind == EntityKind::Company
            && hit.end == self.words[first - 2].end
            && self.text.get(hit.end..self.words[first].start) == Some(" and ")
        {
            let name = &self.text[hit.start..self.words[last - 1].end];
            lexicon.add(name, Known::new(name, EntityKind::Company, Strength::Cue));
            return true;
        }
        if bare
            && first >= 2
            && !before_ends_name
            && self.word(first - 1) == "and"
            && self
                .text
                .get(self.words[first - 2].end..self.words[first].start)
                == Some(" and ")
            && self.words[first - 2].capitalized
            && self.known[first - 2].is_none()
        {
            let mut start = first - 2;
            while start > 0
                && self.words[start - 1].capitalized
                && !self.words[start].sentence_start
                && self.known[start - 1].is_none()
                && !self.has(start - 1, cues::FUNCTION_WORD)
                && self
                    .text
                    .get(self.words[start - 1].end..self.words[start].start)
                    == Some(" ")
            {
                start -= 1;
            }
            let start = self.country_opening(start).unwrap_or(start);
            let name = self.span(start, last);
            lexicon.add(name, Known::new(name, EntityKind::Company, Strength::Cue));
            return true;
        }
        if last - first < 2 {
            return false;
        }
        if self.known[first].is_some() && self.known[last - 1] == self.known[first] {
            return true;
        }
        let name = self.span(first, last);
        lexicon.add(name, Known::new(name, EntityKind::Company, Strength::Cue));
        true
    }

    /// "Siemens Mobility", "Kongsberg Maritime": a known company followed by
    /// one or two more words of its name (a division or subsidiary).
    pub(super) fn extended_company(
        &self,
        first: usize,
        last: usize,
        lexicon: &mut Lexicon<'t>,
    ) -> bool {
        let Some(h) = self.known[first] else {
            return false;
        };
        let hit = &self.hits[h];
        if hit.entry.kind != EntityKind::Company || hit.start != self.words[first].start {
            return false;
        }
        let extra = (first..last).filter(|&i| self.known[i].is_none()).count();
        let rest_unknown = (first..last)
            .skip_while(|&i| self.known[i] == Some(h))
            .all(|i| self.known[i].is_none() && !is_connector(self.word(i)));
        // "six Airbus A321 aircraft", "the Boeing 787", "a Google Pixel 8",
        // "the Apple Watch Series 9": a model's number, in the name or
        // right after it, names a product, not a part of the firm (a
        // year after it does not: "Siemens Energy 2025 results"; nor does
        // a station's: "BBC Radio 4" is a channel, part of the firm).
        let channel = matches!(self.word(last - 1), "Radio" | "Channel" | "TV" | "FM");
        let numbered_after = !channel
            && self.words.get(last).is_some_and(|w| {
                let word = w.text(self.text);
                self.gap_before(last) == " "
                    && (1..=3).contains(&word.len())
                    && word.bytes().all(|b| b.is_ascii_digit())
            });
        let model = numbered_after
            || (first..last).any(|i| {
                self.known[i].is_none() && self.word(i).bytes().any(|b| b.is_ascii_digit())
            });
        if !(1..=2).contains(&extra) || !rest_unknown || model {
            return false;
        }
        // "the Whitbread Prize", "the Evening Standard Theatre Awards": an
        // event the firm gives its name to; the firm is named, the event
        // is no part of it.
        if (first..last).any(|i| self.known[i].is_none() && self.has(i, cues::EVENT_HEAD)) {
            return true;
        }
        // "the BBC Today programme": a broadcaster's programme, named
        // before the word, is no part of the firm ("his BBC One show"
        // names a channel, which is).
        let programme_after = self.words.get(last).is_some_and(|w| {
            self.gap_before(last) == " "
                && matches!(
                    w.text(self.text),
                    "programme" | "programmes" | "program" | "bulletin"
                )
        });
        if programme_after {
            return true;
        }
        if extra == 2 && self.person_after_firm(last - 2, last, lexicon) {
            return true;
        }
        let name = self.span(first, last);
        // "chief executive Dana Whitcombe", "its chief executive, Dana
        // Whitlow, told": after a role noun or set off after one, a listed
        // company's name and a surname are a person. So are a firm named
        // like a given name and a surname that a role or a speech verb
        // follows ("said Dana Whitcombe, chief executive of Velmora").
        let role_before = self.after_role_noun(first) || self.apposed_to_a_role(first, last);
        let person_after = cues::is_given_name(self.word(first))
            && (self.person_cue_after(last) || self.role_after_comma(last));
        if (role_before || person_after) && extra == 1 && last - first == 2 {
            lexicon.add(
                name,
                Known::new(name, EntityKind::Person, Strength::Context),
            );
            return true;
        }
        lexicon.add(
            name,
            Known::new(name, EntityKind::Company, Strength::Cue).with_country(hit.entry.country),
        );
        true
    }

    /// "Siemens Jürgen Haldmann will retire": a given name and a surname, the
    /// words `from..last`, right after a listed firm are who heads or
    /// speaks for it, not more of its name. Teaches the person; false
    /// when the words are no such name.
    pub(super) fn person_after_firm(
        &self,
        from: usize,
        last: usize,
        lexicon: &mut Lexicon<'t>,
    ) -> bool {
        let named = last == from + 2
            && (from..last).all(|i| self.known[i].is_none())
            && cues::is_given_name(self.word(from))
            && !self.is_common(from + 1);
        if named {
            let person = self.span(from, last);
            lexicon.add(
                person,
                Known::new(person, EntityKind::Person, Strength::Cue),
            );
        }
        named
    }

    /// Returns true if and only if word `owner`, a possessive right
    /// before the next word, can open a firm's name: capitalised, not an
    /// ordinary word, not a known country or place, not the end of
    /// another firm's name ("Pan Am Corp's Pan Am World Airways").
    fn owner_opens(&self, owner: usize) -> bool {
        let word = &self.words[owner];
        let gap = self
            .text
            .get(word.end..self.words[owner + 1].start)
            .unwrap_or_default();
        let a_place = self.known[owner].is_some_and(|h| {
            matches!(
                self.hits[h].entry.kind,
                EntityKind::Country | EntityKind::Place
            )
        });
        word.possessive
            && word.capitalized
            && matches!(gap, "'s " | "’s ")
            && !self.is_common(owner)
            && !self.has(owner, cues::COMPANY_SUFFIX)
            && !a_place
    }

    /// Returns true if and only if another name is listed after the
    /// name that ends at word `last` (", " or " and " follows it).
    fn list_follows(&self, last: usize) -> bool {
        let after = &self.text[self.words[last - 1].end..];
        after.starts_with(", ") || after.starts_with(" and ")
    }
}
