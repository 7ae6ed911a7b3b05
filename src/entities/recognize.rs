//! Recognition of names in no list, from the context they stand in.
//!
//! Each rule reads the runs of capitalised words of a text (see
//! [`super::text`]) and, where the context is clear, teaches the document's
//! [`Lexicon`] a surface form and what it names:
//! - companies from a company noun before them ("companies A, B, and C",
//!   "news agency Nikkei"), an apposition after them ("Teledyne Marine, a
//!   U.S. manufacturer"), a corporate suffix ("… Industries"), a business
//!   verb ("X specializes in"), or a known company they extend ("Siemens
//!   Mobility");
//! - organisations from their head word ("… Coalition", "… Forces",
//!   "Department for Transport", "Center of Excellence");
//! - places from their head word ("Aviva Stadium") or "X-based";
//! - people from titles ("Foreign Minister Baiba Braze", "coach Damien
//!   Duff"), bylines, speech and agent verbs ("Braze said", "according to
//!   …"), coordination with a known person, and two or three capitalised
//!   words that are no English word ("Rustem Umerov").
//!
//! A run such as "Mayor Tracy Brabin of the West Yorkshire Combined
//! Authority" is split at "of" when a person stands before it. Headings are
//! not read here: a Title Case line says nothing about which of its words
//! are names. Stronger evidence wins when rules disagree, so "General
//! Cherry" listed among companies stays a company where a sentence starts
//! with it.

use super::EntityKind;
use super::cues;
use super::gazetteer::{Gazetteer, Hit, Role};
use super::resolve::{Known, Lexicon, Strength};
use super::text::{Run, Word, is_connector};

mod lists;

/// Returns what the context of `text` says about the names in it.
pub fn learn(text: &str, words: &[Word], runs: &[Run], hits: &[Hit], gaz: &Gazetteer) -> Lexicon {
    let known = covered_words(words, hits);
    let ctx = Context {
        text,
        words,
        known: &known,
        hits,
        gaz,
    };
    let mut lexicon = Lexicon::default();
    lists::announced_companies(&ctx, runs, &mut lexicon);
    for run in runs {
        if ctx.byline(*run, &mut lexicon) || words[run.first].heading {
            continue;
        }
        ctx.classify(*run, &mut lexicon);
    }
    lexicon.add_short_forms(gaz);
    for run in runs {
        ctx.coordinated_person(*run, &mut lexicon);
    }
    lexicon
}

/// For each word, the index of the gazetteer hit that covers it, if any.
fn covered_words(words: &[Word], hits: &[Hit]) -> Vec<Option<usize>> {
    let mut out = vec![None; words.len()];
    let mut h = 0;
    for (i, w) in words.iter().enumerate() {
        while h < hits.len() && hits[h].end <= w.start {
            h += 1;
        }
        if h < hits.len() && hits[h].start <= w.start && w.end <= hits[h].end {
            out[i] = Some(h);
        }
    }
    out
}

/// One text with what is known about its words.
pub(super) struct Context<'a, 'g> {
    pub text: &'a str,
    pub words: &'a [Word],
    pub known: &'a [Option<usize>],
    pub hits: &'a [Hit<'g>],
    pub gaz: &'a Gazetteer,
}

impl Context<'_, '_> {
    pub fn word(&self, i: usize) -> &str {
        self.words[i].text(self.text)
    }

    pub fn span(&self, first: usize, last: usize) -> &str {
        &self.text[self.words[first].start..self.words[last - 1].end]
    }

    fn is_title(&self, i: usize) -> bool {
        let w = self.word(i);
        if cues::is_abbreviated_title(w) {
            return self.words[i].abbreviation;
        }
        cues::is_title_word(w)
    }

    /// The first word of a run that may belong to a name: leading function
    /// words ("The", "When") are skipped.
    fn name_start(&self, run: Run) -> usize {
        let mut first = run.first;
        while first < run.last && cues::is_function_word(self.word(first)) {
            first += 1;
        }
        // "Members of the Verdi union", "Shares of Nvidia": an ordinary word
        // that starts the sentence, then "of", comes before the name.
        let next_is_connector = first + 1 < run.last && is_connector(self.word(first + 1));
        if next_is_connector
            && self.words[first].sentence_start
            && self.known[first].is_none()
            && self.gaz.is_common_word(self.word(first))
            && !cues::is_head(self.word(first))
        {
            first += 1;
            while first < run.last && is_connector(self.word(first)) {
                first += 1;
            }
        }
        first
    }

    /// Like [`Self::name_start`], and also skips one ordinary word that is
    /// capitalised only because it starts the sentence ("Yesterday",
    /// "Striker"): people's names rarely begin with one.
    fn person_start(&self, run: Run) -> usize {
        let first = self.name_start(run);
        let incidental = first < run.last
            && self.words[first].sentence_start
            && self.known[first].is_none()
            && self.gaz.is_common_word(self.word(first))
            && !self.is_title(first);
        first + usize::from(incidental)
    }

    fn classify(&self, run: Run, lexicon: &mut Lexicon) {
        // Most runs are one word the gazetteer knows ("Japan") or one that
        // is capitalised only by its sentence start ("The"): no rule can
        // make more of them.
        if run.last - run.first == 1
            && (self.known[run.first].is_some()
                || (self.words[run.first].sentence_start
                    && self.gaz.is_common_word(self.word(run.first))))
        {
            return;
        }
        let first = self.name_start(run);
        if first >= run.last {
            return;
        }
        if lexicon.strength_of(self.span(first, run.last)) >= Some(Strength::Listed) {
            return;
        }
        if self.split_at_of(first, run.last, lexicon) {
            return;
        }
        self.classify_span(run, first, lexicon);
    }

    fn classify_span(&self, run: Run, first: usize, lexicon: &mut Lexicon) {
        let last = run.last;
        if self.titled_person(first, last, lexicon)
            || self.organization(first, last, lexicon)
            || self.place(first, last, lexicon)
            || self.company(first, last, lexicon)
            || self.extended_company(first, last, lexicon)
        {
            return;
        }
        if let Some(place) = self.word(last - 1).strip_suffix("-based") {
            if self.known[last - 1].is_none() && last - first == 1 {
                lexicon.add(
                    place,
                    Known::new(place, EntityKind::Place, Strength::Context),
                );
            }
            return;
        }
        if lists::apposed_company(self, first, last, lexicon) {
            return;
        }
        // "the IG Metall union", "the Likud party".
        if cues::is_org_noun(next_word(self.text, self.words[last - 1].end))
            && !self.has_hit_within(first, last)
            && !self.words[first].sentence_start
        {
            let name = self.span(first, last);
            lexicon.add(
                name,
                Known::new(name, EntityKind::Organization, Strength::Context),
            );
            return;
        }
        let person_first = self.person_start(Run { first, last });
        if person_first < last {
            self.person_from_context(person_first, last, lexicon);
        }
    }

    /// "Mayor Tracy Brabin of the West Yorkshire Combined Authority", "Dr.
    /// Maria Lindqvist of the University of Gothenburg": a person, then
    /// "of", then an organisation; each side is read on its own.
    fn split_at_of(&self, first: usize, last: usize, lexicon: &mut Lexicon) -> bool {
        let Some(of) = (first + 1..last).find(|&i| self.word(i) == "of") else {
            return false;
        };
        let person_first = self.person_start(Run { first, last: of });
        let titled = (first..of).any(|i| self.is_title(i));
        let person_left = !titled && self.person_like(person_first, of);
        let mut right = of + 1;
        while right < last && is_connector(self.word(right)) {
            right += 1;
        }
        let org_right = (right..last).any(|i| cues::is_org_head(self.word(i)));
        if !(titled || person_left) || !org_right || right >= last {
            return false;
        }
        if titled {
            self.titled_person(first, of, lexicon);
        } else {
            self.person_from_context(person_first, of, lexicon);
            let name = self.span(person_first, of);
            lexicon.add(name, Known::new(name, EntityKind::Person, Strength::Shape));
        }
        self.organization(right, last, lexicon);
        true
    }

    /// "By Maxime Marquette, columnist", "Author: Daria Shekina".
    fn byline(&self, run: Run, lexicon: &mut Lexicon) -> bool {
        let start = self.words[run.first].start;
        let after_label = self.text[..start].trim_end().ends_with([':', 'y']);
        if self.word(run.first) != "By" && !after_label {
            return false;
        }
        let before = line_prefix(self.text, start);
        let by = self.word(run.first) == "By" && before.trim().is_empty();
        let label = matches!(
            before.trim(),
            "Author:" | "By:" | "Written by" | "Words by" | "Reporting by"
        );
        let name_first = if by { run.first + 1 } else { run.first };
        if !(by || label) || name_first >= run.last || !self.name_shaped(name_first, run.last) {
            return false;
        }
        let name = self.span(name_first, run.last);
        lexicon.add(name, Known::new(name, EntityKind::Person, Strength::Cue));
        true
    }

    /// "Foreign Minister Baiba Braze", "Minister of Strategic Industries
    /// Oleksandr Kamyshin", "coach Damien Duff": the words after the last
    /// title, or the last two after a department ("of …").
    fn titled_person(&self, first: usize, last: usize, lexicon: &mut Lexicon) -> bool {
        let title = (first..last).rev().find(|&i| self.is_title(i));
        let mut name_first = match title {
            Some(t) => t + 1,
            None if self.after_role_noun(first) => first,
            None => return false,
        };
        if name_first < last && is_connector(self.word(name_first)) {
            if last < name_first + 4 {
                return false;
            }
            name_first = last - 2;
        }
        // Particles ("da", "van") may sit inside a name without counting.
        let len = (name_first..last)
            .filter(|&i| !cues::is_name_particle(self.word(i)))
            .count();
        if !(1..=4).contains(&len) || (name_first..last).any(|i| self.known[i].is_some()) {
            return false;
        }
        let foreign = |i: usize| {
            let w = self.word(i);
            cues::is_head(w) || (is_connector(w) && !cues::is_name_particle(w))
        };
        if (name_first..last).any(foreign) || cues::is_name_particle(self.word(last - 1)) {
            return false;
        }
        let name = self.span(name_first, last);
        lexicon.add(name, Known::new(name, EntityKind::Person, Strength::Cue));
        true
    }

    /// Returns true if and only if a lower-case role noun ("coach",
    /// "striker") stands right before word `i`.
    fn after_role_noun(&self, i: usize) -> bool {
        i > 0
            && self.text.get(self.words[i - 1].end..self.words[i].start) == Some(" ")
            && self.role_noun(i - 1)
    }

    /// Returns true if and only if word `i` is a role noun, lower-case or
    /// capitalised by its sentence start ("Striker Aoife Brennan").
    fn role_noun(&self, i: usize) -> bool {
        let word = self.word(i);
        if !self.words[i].capitalized {
            return cues::is_role_noun(word);
        }
        self.words[i].sentence_start && word.is_ascii() && {
            let lower = word.to_ascii_lowercase();
            cues::is_role_noun(&lower)
        }
    }

    /// "Ukrainian Armed Forces", "Department for Transport", "Strategic
    /// Communications Center of Excellence": a name with an organisation
    /// head, at its end or before an "of/for …" tail.
    fn organization(&self, first: usize, last: usize, lexicon: &mut Lexicon) -> bool {
        let head = (first..last).rev().find(|&i| {
            self.is_org_head_at(i)
                && (i > first || (i + 1 < last && is_connector(self.word(i + 1))))
        });
        let Some(head) = head else {
            return false;
        };
        let tail_ok = head + 1 == last || is_connector(self.word(head + 1));
        // "Vessels of the Turkish Navy": words before an "of" that holds no
        // head of their own are not part of the name.
        let mut first = first;
        if let Some(c) = (first..head).rev().find(|&i| is_connector(self.word(i)))
            && !(first..c).any(|i| cues::is_org_head(self.word(i)))
        {
            first = c + 1;
            while first < head && is_connector(self.word(first)) {
                first += 1;
            }
        }
        // A known company before the head makes a company's division
        // ("Amazon Web Services"), not an organisation.
        let company_first =
            self.known[first].is_some_and(|h| self.hits[h].entry.kind == EntityKind::Company);
        if !tail_ok || company_first {
            return false;
        }
        if self.known[first].is_some() && self.known[last - 1] == self.known[first] {
            return true;
        }
        let name = self.span(first, last);
        let country = self.country_of(first);
        lexicon.add(
            name,
            Known::new(name, EntityKind::Organization, Strength::Cue).with_country(country),
        );
        true
    }

    /// Returns true if and only if word `i` heads an organisation's name;
    /// "Bank" does so only after a public purpose ("Development Bank").
    fn is_org_head_at(&self, i: usize) -> bool {
        let word = self.word(i);
        cues::is_org_head(word)
            || (word == "Bank" && i > 0 && cues::is_public_bank_qualifier(self.word(i - 1)))
    }

    /// "Aviva Stadium", "Eamonn Deacy Park": a name with a place head.
    fn place(&self, first: usize, last: usize, lexicon: &mut Lexicon) -> bool {
        if last - first < 2 || !cues::is_place_head(self.word(last - 1)) {
            return false;
        }
        if self.known[first].is_some() && self.known[last - 1] == self.known[first] {
            return true;
        }
        let name = self.span(first, last);
        lexicon.add(name, Known::new(name, EntityKind::Place, Strength::Cue));
        true
    }

    /// "Kawasaki Heavy Industries", "Komax Holding": a name ending in a
    /// corporate suffix.
    fn company(&self, first: usize, last: usize, lexicon: &mut Lexicon) -> bool {
        if last - first < 2 || !cues::is_company_suffix(self.word(last - 1)) {
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
    fn extended_company(&self, first: usize, last: usize, lexicon: &mut Lexicon) -> bool {
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
        if !(1..=2).contains(&extra) || !rest_unknown {
            return false;
        }
        let name = self.span(first, last);
        lexicon.add(
            name,
            Known::new(name, EntityKind::Company, Strength::Cue)
                .with_country(hit.entry.country.clone()),
        );
        true
    }

    /// Names in no list, from the words around them: business verbs make a
    /// company; speech and agent verbs, "according to", and the shape of a
    /// personal name make a person.
    fn person_from_context(&self, first: usize, last: usize, lexicon: &mut Lexicon) {
        if (first..last).any(|i| self.known[i].is_some()) || last - first > 3 {
            return;
        }
        let continues = self.words[last - 1].possessive
            && self
                .words
                .get(last)
                .is_some_and(|w| w.capitalized && w.start == self.words[last - 1].end + 3);
        if continues {
            return;
        }
        let name = self.span(first, last);
        let after = next_word(self.text, self.words[last - 1].end);
        let before = self.text[..self.words[first].start].trim_end();
        let all_caps = name.chars().all(|c| !c.is_lowercase());
        if cues::is_business_verb(after) {
            lexicon.add(
                name,
                Known::new(name, EntityKind::Company, Strength::Context),
            );
            return;
        }
        let some_uncommon = (first..last).any(|i| !self.gaz.is_common_word(self.word(i)));
        let shaped = self.name_shaped(first, last);
        let speech = cues::is_agent_verb(after)
            || before.ends_with("according to")
            || before.ends_with(" said");
        let capitalized = (first..last).all(|i| self.words[i].capitalized);
        if speech && capitalized && !all_caps && some_uncommon {
            lexicon.add(
                name,
                Known::new(name, EntityKind::Person, Strength::Context),
            );
        } else if (shaped || self.surname_shaped(first, last))
            && last - first >= 2
            && !self.words[first].sentence_start
        {
            lexicon.add(name, Known::new(name, EntityKind::Person, Strength::Shape));
        }
    }

    /// "Zelensky and Sybiha": a single unknown name joined by "and" or "or"
    /// to a known person is a person too.
    fn coordinated_person(&self, run: Run, lexicon: &mut Lexicon) {
        if run.last - run.first != 1 || self.words[run.first].heading {
            return;
        }
        let w = &self.words[run.first];
        let joined = |s: &str| s.starts_with(" and ") || s.starts_with(" or ");
        let joined_before = |s: &str| s.ends_with(" and ") || s.ends_with(" or ");
        if !joined(&self.text[w.end..]) && !joined_before(&self.text[..w.start]) {
            return;
        }
        let name = self.word(run.first);
        if lexicon.strength_of(name).is_some()
            || self.known[run.first].is_some()
            || self.gaz.is_common_word(name)
            || name.chars().all(|c| !c.is_lowercase())
        {
            return;
        }
        let w = &self.words[run.first];
        let next = self.text[w.end..]
            .strip_prefix(" and ")
            .or_else(|| self.text[w.end..].strip_prefix(" or "))
            .map(first_word);
        let prev = self.text[..w.start]
            .strip_suffix(" and ")
            .or_else(|| self.text[..w.start].strip_suffix(" or "))
            .map(last_word);
        if next.is_some_and(|n| lexicon.is_person(n)) || prev.is_some_and(|p| lexicon.is_person(p))
        {
            lexicon.add(
                name,
                Known::new(name, EntityKind::Person, Strength::Context),
            );
        }
    }

    /// Returns true if and only if the words look like a personal name: one
    /// to three capitalised words, none an English word, an all-capitals
    /// acronym, a head word or a known name.
    pub fn name_shaped(&self, first: usize, last: usize) -> bool {
        (1..=3).contains(&(last - first))
            && (first..last).all(|i| {
                let w = self.word(i);
                self.words[i].capitalized
                    && self.known[i].is_none()
                    && !self.gaz.is_common_word(w)
                    && !w.chars().all(|c| !c.is_lowercase())
                    && !cues::is_head(w)
            })
    }

    /// Returns true if and only if the words may be a personal name even if
    /// some are English words ("Alan Lamb"): two or three capitalised words,
    /// one at least no English word, none a head word or a known name.
    fn person_like(&self, first: usize, last: usize) -> bool {
        (2..=3).contains(&(last.saturating_sub(first)))
            && (first..last).any(|i| !self.gaz.is_common_word(self.word(i)))
            && (first..last).all(|i| {
                let w = self.word(i);
                self.words[i].capitalized
                    && self.known[i].is_none()
                    && !w.chars().all(|c| !c.is_lowercase())
                    && !cues::is_head(w)
            })
    }

    /// Returns true if and only if a gazetteer hit lies within the words,
    /// even inside one of them ("Latvian" in "Latvian-led").
    fn has_hit_within(&self, first: usize, last: usize) -> bool {
        let (start, end) = (self.words[first].start, self.words[last - 1].end);
        let i = self.hits.partition_point(|h| h.end <= start);
        self.hits.get(i).is_some_and(|h| h.start < end)
    }

    /// Returns true if and only if the words read as given names then a
    /// surname that is no English word ("Harry Kane"; not "Baltic States").
    fn surname_shaped(&self, first: usize, last: usize) -> bool {
        self.person_like(first, last) && !self.gaz.is_common_word(self.word(last - 1))
    }

    /// The country a leading demonym or country name gives ("Russian Navy").
    fn country_of(&self, first: usize) -> Option<String> {
        let hit = self.hits.get(self.known[first]?)?;
        matches!(hit.entry.role, Role::Demonym | Role::Name)
            .then(|| hit.entry.country.clone())
            .flatten()
    }
}

/// The text between the start of the line and `at`.
fn line_prefix(text: &str, at: usize) -> &str {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    &text[start..at]
}

/// The word right after `at`, if only a space separates it.
pub(super) fn next_word(text: &str, at: usize) -> &str {
    text[at..].strip_prefix(' ').map_or("", first_word)
}

fn first_word(s: &str) -> &str {
    let end = s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len());
    &s[..end]
}

fn last_word(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    &s[start..]
}
