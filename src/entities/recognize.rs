//! Recognition of names in no list, from the context they stand in.
//!
//! Each rule reads the runs of capitalised words of a text (see
//! [`super::text`]) and, where the context is clear, teaches the document's
//! [`Lexicon`] a surface form and what it names:
//! - companies from enumerations under a company noun ("companies A, B, and
//!   C"), a company noun before or in an apposition after the name ("news
//!   agency Nikkei", "Skyeton, a drone maker"), a corporate suffix
//!   ("… Industries", "… GmbH") and business verbs ("X specializes in");
//! - organisations from their head word ("… Coalition", "… Ministry",
//!   "… Forces", "… Center of Excellence");
//! - people from titles ("Foreign Minister Baiba Braze"), bylines, speech and
//!   agent verbs ("Braze said", "according to …"), and two or three
//!   capitalised words that are no English word ("Rustem Umerov");
//! - places from "X-based".
//!
//! Headings are not read here: a Title Case line says nothing about which of
//! its words are names. Stronger evidence wins when rules disagree, so
//! "General Cherry" listed among companies stays a company even where a
//! sentence starts with it.

use super::EntityKind;
use super::gazetteer::{Gazetteer, Hit, Role};
use super::resolve::{Known, Lexicon, Strength};
use super::text::{Run, Word, is_connector};

const TITLES: &[&str] = &[
    "President",
    "Vice",
    "Minister",
    "Premier",
    "Chancellor",
    "Secretary",
    "Ambassador",
    "Envoy",
    "Governor",
    "Mayor",
    "Senator",
    "Sen",
    "Rep",
    "Representative",
    "Congressman",
    "Congresswoman",
    "Chairman",
    "Chairwoman",
    "Chair",
    "CEO",
    "CFO",
    "Director",
    "Commissioner",
    "Spokesperson",
    "Spokesman",
    "Spokeswoman",
    "General",
    "Admiral",
    "Colonel",
    "Col",
    "Lieutenant",
    "Lt",
    "Sergeant",
    "Captain",
    "Capt",
    "Commander",
    "Marshal",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Sheikh",
    "Emperor",
    "Judge",
    "Justice",
    "Professor",
    "Prof",
    "Dr",
    "Mr",
    "Mrs",
    "Ms",
    "Sir",
    "Dame",
    "Lord",
    "Coach",
    "Chief",
    "Deputy",
    "Speaker",
    "Prosecutor",
    "Attorney",
    "Founder",
    "Maj",
    "Adm",
    "Gov",
    "Gen",
    "Sgt",
];

/// Abbreviated titles count only with their period ("Gen." but not the
/// given name "Gen").
const ABBREVIATED_TITLES: &[&str] = &[
    "Sen", "Rep", "Col", "Lt", "Capt", "Prof", "Dr", "Mr", "Mrs", "Ms", "Maj", "Adm", "Gov", "Gen",
    "Sgt",
];

const COMPANY_SUFFIXES: &[&str] = &[
    "Inc",
    "Incorporated",
    "Ltd",
    "Limited",
    "LLC",
    "LLP",
    "Corp",
    "Corporation",
    "GmbH",
    "AG",
    "plc",
    "PLC",
    "SA",
    "S.A",
    "NV",
    "N.V",
    "SpA",
    "S.p.A",
    "AB",
    "ASA",
    "Co",
    "Company",
    "Group",
    "Industries",
    "Holdings",
    "Technologies",
    "Technology",
    "Motors",
    "Airlines",
    "Airways",
    "Aerospace",
    "Dynamics",
    "Robotics",
    "Labs",
    "Pharmaceuticals",
    "Pharma",
    "Electronics",
    "Enterprises",
    "Partners",
    "Capital",
    "Ventures",
    "Bancorp",
    "Systems",
    "Software",
    "Semiconductor",
    "Networks",
    "Shipbuilding",
    "Automotive",
    "Media",
    "Studios",
    "Brewing",
];

const ORG_HEADS: &[&str] = &[
    "Coalition",
    "Ministry",
    "Forces",
    "Force",
    "Council",
    "Center",
    "Centre",
    "Agency",
    "Committee",
    "Commission",
    "Navy",
    "Army",
    "Guard",
    "Department",
    "Office",
    "Parliament",
    "Union",
    "Alliance",
    "Organization",
    "Organisation",
    "Institute",
    "University",
    "College",
    "Party",
    "Court",
    "Service",
    "Services",
    "Police",
    "Fund",
    "Authority",
    "Association",
    "Federation",
    "League",
    "Bureau",
    "Directorate",
    "Assembly",
    "Congress",
    "Senate",
    "Cabinet",
    "Foundation",
    "Society",
    "Academy",
    "Movement",
    "Front",
    "Brigade",
    "Battalion",
    "Regiment",
    "Corps",
    "Command",
    "Secretariat",
    "Tribunal",
    "Board",
    "Inspectorate",
    "Observatory",
    "Hospital",
    "School",
    "Club",
    "Network",
    "Initiative",
    "Program",
    "Programme",
];

/// Lower-case nouns that announce company names after them.
const COMPANY_NOUNS: &[&str] = &[
    "company",
    "companies",
    "firm",
    "firms",
    "manufacturer",
    "manufacturers",
    "maker",
    "makers",
    "startup",
    "startups",
    "start-up",
    "start-ups",
    "producer",
    "producers",
    "supplier",
    "suppliers",
    "contractor",
    "contractors",
    "carmaker",
    "carmakers",
    "automaker",
    "automakers",
    "lender",
    "lenders",
    "retailer",
    "retailers",
    "airline",
    "airlines",
    "agency",
    "newspaper",
    "newspapers",
    "broadcaster",
    "broadcasters",
    "publisher",
    "publishers",
    "outlet",
    "outlets",
    "conglomerate",
    "giant",
    "giants",
    "chipmaker",
    "chipmakers",
    "brand",
    "brands",
    "insurer",
    "insurers",
    "operator",
    "operators",
    "developer",
    "developers",
    "enterprises",
];

const BUSINESS_VERBS: &[&str] = &[
    "specializes",
    "specialises",
    "produces",
    "manufactures",
    "supplies",
    "sells",
    "ships",
    "reported",
    "acquired",
    "employs",
    "markets",
    "exports",
];

const AGENT_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "stated",
    "noted",
    "added",
    "wrote",
    "argued",
    "explained",
    "warned",
    "urged",
    "insisted",
    "admitted",
    "recalled",
    "claimed",
    "believes",
    "believed",
    "thinks",
    "thought",
    "knows",
    "knew",
    "wanted",
    "wants",
    "describes",
    "described",
    "hopes",
    "replied",
    "confirmed",
    "emphasized",
    "emphasizes",
    "stressed",
    "acknowledged",
    "announced",
];

/// Returns what the context of `text` says about the names in it.
pub fn learn(text: &str, words: &[Word], runs: &[Run], hits: &[Hit], gaz: &Gazetteer) -> Lexicon {
    let known = covered_words(words, hits);
    let mut lexicon = Lexicon::default();
    enumerations(text, words, runs, &known, &mut lexicon);
    let ctx = RunContext {
        text,
        words,
        known: &known,
        hits,
        gaz,
    };
    for run in runs {
        let first = ctx.trim_start(*run);
        if ctx.byline(*run, first, &mut lexicon) || words[run.first].heading {
            continue;
        }
        ctx.classify(*run, first, &mut lexicon);
    }
    lexicon.add_short_forms(gaz);
    for run in runs {
        ctx.coordinated_person(*run, &mut lexicon);
    }
    lexicon
}

/// For each word, the gazetteer hit that covers it, if any.
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

struct RunContext<'a, 'g> {
    text: &'a str,
    words: &'a [Word],
    known: &'a [Option<usize>],
    hits: &'a [Hit<'g>],
    gaz: &'a Gazetteer,
}

impl RunContext<'_, '_> {
    fn word(&self, i: usize) -> &str {
        self.words[i].text(self.text)
    }

    fn span(&self, first: usize, last: usize) -> &str {
        &self.text[self.words[first].start..self.words[last - 1].end]
    }

    /// Skips the words that are capitalised only because a sentence starts
    /// with them ("The", "According", "Copied").
    fn trim_start(&self, run: Run) -> usize {
        let mut first = run.first;
        while first < run.last {
            let w = &self.words[first];
            let word = self.word(first);
            let incidental = (w.sentence_start || first > run.first)
                && self.known[first].is_none()
                && self.gaz.is_common_word(word)
                && !is_title(self.words, self.text, first);
            if incidental || word == "The" {
                first += 1;
            } else {
                break;
            }
        }
        first
    }

    fn classify(&self, run: Run, first: usize, lexicon: &mut Lexicon) {
        if first >= run.last {
            return;
        }
        let whole = self.span(first, run.last);
        if lexicon.strength_of(whole) >= Some(Strength::Listed) {
            return;
        }
        if self.titled_person(run, lexicon)
            || self.organization(first, run.last, lexicon)
            || self.company(first, run.last, lexicon)
        {
            return;
        }
        if let Some(place) = self.word(run.last - 1).strip_suffix("-based") {
            if self.known[run.last - 1].is_none() && run.last - first == 1 {
                lexicon.add(
                    place,
                    Known::new(place, EntityKind::Place, Strength::Context),
                );
            }
            return;
        }
        self.person_from_context(first, run.last, lexicon);
    }

    /// "By Maxime Marquette, columnist", "Author: Daria Shekina".
    fn byline(&self, run: Run, first: usize, lexicon: &mut Lexicon) -> bool {
        let w = &self.words[run.first];
        let before = line_prefix(self.text, w.start);
        let by = self.word(run.first) == "By" && run.last - run.first >= 3;
        let label = matches!(
            before.trim(),
            "Author:" | "By:" | "Written by" | "Words by" | "Reporting by"
        );
        let name_first = if by { run.first + 1 } else { first };
        if !(by && before.trim().is_empty() || label) || !self.name_shaped(name_first, run.last) {
            return false;
        }
        let name = self.span(name_first, run.last);
        lexicon.add(name, Known::new(name, EntityKind::Person, Strength::Cue));
        true
    }

    /// "Foreign Minister Baiba Braze", "Minister of Strategic Industries
    /// Oleksandr Kamyshin": the words after the last title, or the last two
    /// after a department ("of …").
    fn titled_person(&self, run: Run, lexicon: &mut Lexicon) -> bool {
        let Some(title) = (run.first..run.last)
            .rev()
            .find(|&i| is_title(self.words, self.text, i))
        else {
            return false;
        };
        let mut name_first = title + 1;
        if name_first < run.last && is_connector(self.word(name_first)) {
            if run.last < name_first + 4 {
                return false;
            }
            name_first = run.last - 2;
        }
        let len = run.last.saturating_sub(name_first);
        if !(1..=3).contains(&len) || (name_first..run.last).any(|i| self.known[i].is_some()) {
            return false;
        }
        if (name_first..run.last).any(|i| is_head(self.word(i)) || is_connector(self.word(i))) {
            return false;
        }
        let name = self.span(name_first, run.last);
        lexicon.add(name, Known::new(name, EntityKind::Person, Strength::Cue));
        true
    }

    /// "Ukrainian Armed Forces", "Strategic Communications Center of
    /// Excellence": a name that ends in an organisation head, with an
    /// optional "of …" tail.
    fn organization(&self, first: usize, last: usize, lexicon: &mut Lexicon) -> bool {
        let Some(head) = (first + 1..last).rev().find(|&i| is_org_head(self.word(i))) else {
            return false;
        };
        let tail_ok = head + 1 == last || is_connector(self.word(head + 1));
        if !tail_ok || (first..=head).any(|i| is_title(self.words, self.text, i)) {
            return false;
        }
        if self.known[first].is_some() && self.known[last - 1] == self.known[first] {
            return false;
        }
        let name = self.span(first, last);
        let country = self.country_of(first);
        lexicon.add(
            name,
            Known::new(name, EntityKind::Organization, Strength::Cue).with_country(country),
        );
        true
    }

    /// "Kawasaki Heavy Industries", "Acme GmbH": a name ending in a
    /// corporate suffix.
    fn company(&self, first: usize, last: usize, lexicon: &mut Lexicon) -> bool {
        let suffix = self.word(last - 1);
        if last - first < 2 || !COMPANY_SUFFIXES.contains(&suffix) {
            return false;
        }
        if self.known[first].is_some() && self.known[last - 1] == self.known[first] {
            return true;
        }
        let name = self.span(first, last);
        lexicon.add(name, Known::new(name, EntityKind::Company, Strength::Cue));
        true
    }

    /// Names in no list, from the words around them: business verbs make a
    /// company; speech and agent verbs, "according to", and the shape of a
    /// personal name make a person.
    fn person_from_context(&self, first: usize, last: usize, lexicon: &mut Lexicon) {
        if (first..last).any(|i| self.known[i].is_some()) || last - first > 3 {
            return;
        }
        let name = self.span(first, last);
        let after = next_word(self.text, self.words[last - 1].end);
        let before = self.text[..self.words[first].start].trim_end();
        let all_caps = name.chars().all(|c| !c.is_lowercase());
        if BUSINESS_VERBS.contains(&after) {
            lexicon.add(
                name,
                Known::new(name, EntityKind::Company, Strength::Context),
            );
            return;
        }
        let shaped = self.name_shaped(first, last);
        let speech = AGENT_VERBS.contains(&after)
            || before.ends_with("according to")
            || before.ends_with(" said");
        let single_unknown =
            last - first == 1 && !all_caps && !self.gaz.is_common_word(self.word(first));
        if speech && (shaped || single_unknown) {
            lexicon.add(
                name,
                Known::new(name, EntityKind::Person, Strength::Context),
            );
        } else if shaped && last - first >= 2 && !self.words[first].sentence_start {
            lexicon.add(name, Known::new(name, EntityKind::Person, Strength::Shape));
        }
    }

    /// "Zelensky and Sybiha": a single unknown name joined by "and" or "or"
    /// to a known person is a person too.
    fn coordinated_person(&self, run: Run, lexicon: &mut Lexicon) {
        if run.last - run.first != 1 || self.words[run.first].heading {
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
        let end = self.words[run.first].end;
        let start = self.words[run.first].start;
        let after = self.text[end..]
            .strip_prefix(" and ")
            .or_else(|| self.text[end..].strip_prefix(" or "));
        let next = after.map(|rest| {
            let stop = rest
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(rest.len());
            &rest[..stop]
        });
        let before = self.text[..start]
            .strip_suffix(" and ")
            .or_else(|| self.text[..start].strip_suffix(" or "));
        let prev = before.map(|rest| {
            let from = rest.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
                i + rest[i..].chars().next().map_or(1, char::len_utf8)
            });
            &rest[from..]
        });
        let is_person = |w: Option<&str>| w.is_some_and(|w| lexicon.is_person(w));
        if is_person(next) || is_person(prev) {
            lexicon.add(
                name,
                Known::new(name, EntityKind::Person, Strength::Context),
            );
        }
    }

    /// Returns true if and only if the words look like a personal name: one
    /// to three capitalised words, none an English word, an all-capitals
    /// acronym, a head word or a known name.
    fn name_shaped(&self, first: usize, last: usize) -> bool {
        (1..=3).contains(&(last - first))
            && (first..last).all(|i| {
                let w = self.word(i);
                self.words[i].capitalized
                    && self.known[i].is_none()
                    && !self.gaz.is_common_word(w)
                    && !w.chars().all(|c| !c.is_lowercase())
                    && !is_head(w)
            })
    }

    /// The country a leading demonym or country name gives ("Russian Navy").
    fn country_of(&self, first: usize) -> Option<String> {
        let hit = self.hits.get(self.known[first]?)?;
        matches!(hit.entry.role, Role::Demonym | Role::Name)
            .then(|| hit.entry.country.clone())
            .flatten()
    }
}

/// "Ukrainian companies UFORCE, Skyeton, and General Cherry", "news agency
/// Nikkei", "Skyeton, a drone maker": names that a company noun announces.
fn enumerations(
    text: &str,
    words: &[Word],
    runs: &[Run],
    known: &[Option<usize>],
    lexicon: &mut Lexicon,
) {
    let mut run_at = vec![usize::MAX; words.len()];
    for (r, run) in runs.iter().enumerate() {
        run_at[run.first] = r;
    }
    for (i, w) in words.iter().enumerate() {
        if w.capitalized || w.heading || !COMPANY_NOUNS.contains(&w.text(text)) {
            continue;
        }
        let plural = w.text(text).ends_with('s');
        let mut next = i + 1;
        let mut gap_from = w.end;
        while next < words.len() {
            let gap = &text[gap_from..words[next].start];
            let word = words[next].text(text);
            if matches!(word, "such" | "as" | "including" | "like") && next == i + 1 {
                gap_from = words[next].end;
                next += 1;
                continue;
            }
            let r = run_at[next];
            if r == usize::MAX || !is_list_gap(gap) {
                break;
            }
            let run = runs[r];
            let whole = &text[words[run.first].start..words[run.last - 1].end];
            let is_other_kind = known[run.first].is_some() && known[run.last - 1].is_some();
            if !is_other_kind && !words[run.first].heading {
                lexicon.add(
                    whole,
                    Known::new(whole, EntityKind::Company, Strength::Listed),
                );
            }
            if !plural {
                break;
            }
            gap_from = words[run.last - 1].end;
            next = run.last;
            if next < words.len() && matches!(words[next].text(text), "and" | "or") {
                gap_from = words[next].end;
                next += 1;
            }
        }
    }
}

/// Returns true if and only if `gap` separates list items or a noun from
/// its list: spaces, commas, dashes, a colon.
fn is_list_gap(gap: &str) -> bool {
    !gap.is_empty()
        && gap.len() <= 6
        && gap
            .chars()
            .all(|c| matches!(c, ' ' | ',' | '—' | '–' | ':' | '-'))
}

fn is_title(words: &[Word], text: &str, i: usize) -> bool {
    let w = words[i].text(text);
    if ABBREVIATED_TITLES.contains(&w) {
        return words[i].abbreviation;
    }
    TITLES.contains(&w)
}

fn is_org_head(word: &str) -> bool {
    ORG_HEADS.contains(&word)
}

fn is_head(word: &str) -> bool {
    is_org_head(word) || COMPANY_SUFFIXES.contains(&word)
}

/// The text between the start of the line and `at`.
fn line_prefix(text: &str, at: usize) -> &str {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    &text[start..at]
}

/// The word right after `at`, if only a space separates it.
fn next_word(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    let Some(rest) = rest.strip_prefix(' ') else {
        return "";
    };
    let end = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    &rest[..end]
}
