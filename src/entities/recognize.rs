//! Recognition of names in no list, from the context they stand in.
//!
//! Each rule reads the runs of capitalised words of a text (see
//! [`super::text`]) and, where the context is clear, teaches the document's
//! [`Lexicon`] a surface form and what it names:
//! - companies from a company noun before them ("companies A, B, and C",
//!   "news agency Nikkei"), an apposition after them ("Teledyne Marine, a
//!   U.S. manufacturer"), staff at them ("an analyst at X"), what only a
//!   company has after their possessive ("X's board"), a corporate or
//!   sector suffix ("… Industries", "… Energy"), a business verb ("X
//!   specializes in"), or a known company they extend ("Siemens Mobility")
//!   (`companies`); a wire service's angle brackets around them
//!   (`<Sedio N.V.>`) or a ticker after them ("Volvo `<VOLV ST>`")
//!   (`wire`);
//! - organisations from their head word ("… Coalition", "… Forces",
//!   "Department for Transport", "Center of Excellence") or a noun before
//!   them ("watchdog X");
//! - teams from a score between them ("Bristol City 2-2 Preston North
//!   End") (`scores`);
//! - places from their head word ("Aviva Stadium") or "X-based";
//! - institutions and places whose name holds a possessive ("Guy's
//!   Hospital") (`possessive`);
//! - people from titles ("Foreign Minister Baiba Braze", "coach Damien
//!   Duff"), bylines, speech and agent verbs ("Braze said", "according to
//!   …"), a role in an apposition ("Peter Beck, the company's chief
//!   executive"), coordination with a known person, and two or three
//!   capitalised words that are no English word ("Rustem Umerov").
//!
//! A run such as "Mayor Tracy Brabin of the West Yorkshire Combined
//! Authority" is split at "of" when a person stands before it. Headings are
//! not read here: a Title Case line says nothing about which of its words
//! are names. Stronger evidence wins when rules disagree, so "General
//! Cherry" listed among companies stays a company where a sentence starts
//! with it.

use super::EntityKind;
use super::cues;
use super::gazetteer::{Entry, Gazetteer, Hit, Role};
use super::resolve::{Known, Lexicon, Strength};
use super::text::{Run, Word, first_word, is_connector, last_word, next_word};

mod acronyms;
mod chambers;
mod companies;
mod coordination;
mod lineups;
mod lists;
mod locatives;
mod neighbours;
mod parties;
mod people;
mod possessive;
mod routes;
mod scores;
mod wire;

pub use wire::in_ticker;

/// Returns what the context of `text` says about the names in it.
pub fn learn<'t>(
    text: &'t str,
    words: &[Word],
    runs: &[Run],
    hits: &[Hit],
    gaz: &Gazetteer,
) -> Lexicon<'t> {
    let known = covered_words(words, hits);
    let traits = run_word_traits(text, words, runs, &known, gaz);
    let ctx = Context {
        text,
        words,
        known: &known,
        traits: &traits,
        hits,
        gaz,
    };
    let mut lexicon = Lexicon::with_capacity(runs.len() / 2);
    lists::announced_companies(&ctx, runs, &mut lexicon);
    wire::bracketed(&ctx, runs, &mut lexicon);
    wire::dateline_agency(&ctx, &mut lexicon);
    scores::teams_at_scores(&ctx, runs, &mut lexicon);
    scores::teams_named_for_towns(&ctx, runs, &mut lexicon);
    lineups::players_on_team_sheets(&ctx, &mut lexicon);
    routes::places_on_routes(&ctx, runs, &mut lexicon);
    neighbours::places_listed_with_places(&ctx, runs, &mut lexicon);
    possessive::possessive_names(&ctx, runs, &mut lexicon);
    parties::parties_named_by_a_word(&ctx, &mut lexicon);
    chambers::bodies_named_by_a_word(&ctx, &mut lexicon);
    for run in runs {
        if ctx.byline(*run, &mut lexicon)
            || (words[run.first].heading && !ctx.firm_in_heading(*run))
        {
            continue;
        }
        ctx.classify(*run, &mut lexicon);
    }
    for run in runs {
        ctx.full_name_of_known_surname(*run, &mut lexicon);
    }
    locatives::places_named_where_places_stand(&ctx, runs, &mut lexicon);
    ctx.spelled_out_acronyms(&mut lexicon);
    ctx.title_case_acronyms(runs, &mut lexicon);
    lexicon.add_short_forms(gaz, hits);
    ctx.companies_listed_with_companies(runs, &mut lexicon);
    for run in runs {
        ctx.coordinated_person(*run, &mut lexicon);
    }
    lexicon
}

/// Returns true if and only if `word` is written as brands are: a capital,
/// then lower case, then a capital inside ("QuantumScape", "ScotRail",
/// "BlackRock"), and no surname's prefix ("McKay", "MacLeod", "DeSantis",
/// "LeBlanc") or given name ("DeShawn") shapes it so.
fn is_brand_shaped(word: &str) -> bool {
    const SURNAME_PREFIXES: &[&str] = &[
        "Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz",
    ];
    let bytes = word.as_bytes();
    let inner_capital = bytes
        .windows(2)
        .skip(1)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
    bytes.len() >= 5
        && bytes[0].is_ascii_uppercase()
        && bytes[1].is_ascii_lowercase()
        && inner_capital
        && bytes.iter().all(u8::is_ascii_alphanumeric)
        && !SURNAME_PREFIXES.iter().any(|p| {
            word.strip_prefix(p)
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase()))
        })
        && !cues::is_given_name(word)
}

/// Returns true if and only if `word` is a web address used as a name: a
/// capitalised name of letters, digits and hyphens, then ".com", ".net",
/// ".org" or ".co.uk" ("Lastminute.com"; not "bbc.co.uk/news").
fn is_site_name(word: &str) -> bool {
    [".com", ".net", ".org", ".co.uk"].iter().any(|end| {
        word.strip_suffix(end).is_some_and(|stem| {
            stem.len() >= 2
                && stem.starts_with(|c: char| c.is_ascii_uppercase())
                && stem.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
    })
}

/// The most names one "residents of …" list is read for.
const MAX_LISTED_PLACES: usize = 4;

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

/// For each word of a run, its [`cues::traits`] and whether it is a common
/// word; 0 for words outside runs and lone known names, which no rule reads
/// this way.
fn run_word_traits(
    text: &str,
    words: &[Word],
    runs: &[Run],
    known: &[Option<usize>],
    gaz: &Gazetteer,
) -> Vec<u16> {
    let mut out = vec![0; words.len()];
    for run in runs {
        // A lone known name ("Japan") is the commonest run; no rule reads it.
        if run.last - run.first == 1 && known[run.first].is_some() {
            continue;
        }
        for i in run.first..run.last {
            let word = words[i].text(text);
            let common = if gaz.is_common_word(word) {
                cues::COMMON
            } else {
                0
            };
            out[i] = cues::traits(word) | common;
        }
    }
    out
}

/// One text with what is known about its words.
pub(super) struct Context<'t, 'a, 'g> {
    pub text: &'t str,
    pub words: &'a [Word],
    pub known: &'a [Option<usize>],
    /// Per word: [`cues::traits`] bits (run words only).
    pub traits: &'a [u16],
    pub hits: &'a [Hit<'g>],
    pub gaz: &'g Gazetteer,
}

impl<'t> Context<'t, '_, '_> {
    /// The text between word `i - 1` and word `i` (" ", ", ", " (");
    /// empty past the last word.
    pub(super) fn gap_before(&self, i: usize) -> &'t str {
        self.words
            .get(i)
            .and_then(|w| self.text.get(self.words[i - 1].end..w.start))
            .unwrap_or("")
    }

    /// Returns true if and only if words `i` and `i + 1` stand on one line
    /// with one space between them.
    pub(super) fn next_on_line(&self, i: usize) -> bool {
        self.words
            .get(i + 1)
            .is_some_and(|next| next.line == self.words[i].line && self.gap_before(i + 1) == " ")
    }

    /// "Alberta-based Prairie Woollen Mills", "Toronto-listed Marula",
    /// "Opposition-backed Haruka Imai": word `i` joins a capitalised word
    /// to a participle by a hyphen, so it says where or by whom, and is no
    /// part of a name. Returns the two parts.
    pub(super) fn modifier(&self, i: usize) -> Option<(&'t str, &'t str)> {
        let (head, tail) = self.word(i).rsplit_once('-')?;
        let participle = tail.len() >= 3
            && tail.bytes().all(|b| b.is_ascii_lowercase())
            && (tail.ends_with("ed") || matches!(tail, "born" | "made" | "run"));
        (participle && !head.is_empty()).then_some((head, tail))
    }

    pub fn word(&self, i: usize) -> &'t str {
        self.words[i].text(self.text)
    }

    pub fn span(&self, first: usize, last: usize) -> &'t str {
        let end = self.words[last - 1].end;
        // "Altavista S.A.B. de C.V.": a dotted abbreviation keeps its last
        // period, which is also the sentence's when one ends there.
        let dotted = self.word(last - 1).contains('.') && self.text[end..].starts_with('.');
        &self.text[self.words[first].start..end + usize::from(dotted)]
    }

    /// See [`super::text::opens_tail`].
    pub fn opens_tail(&self, i: usize) -> bool {
        super::text::opens_tail(self.text, self.words, i)
    }

    /// Returns true if and only if word `i` has any of the `traits` bits.
    pub fn has(&self, i: usize, traits: u16) -> bool {
        self.traits.get(i).is_some_and(|t| t & traits != 0)
    }

    /// Returns true if and only if word `i` (of a run) is an ordinary word.
    pub fn is_common(&self, i: usize) -> bool {
        self.has(i, cues::COMMON)
    }

    pub fn is_title(&self, i: usize) -> bool {
        (self.has(i, cues::TITLE) && !self.general_of_a_directorate(i))
            || (self.has(i, cues::ABBREVIATED_TITLE)
                && (self.words[i].abbreviation || cues::is_title_without_period(self.word(i))))
    }

    /// The first word of a run that may belong to a name: leading function
    /// words ("The", "When") are skipped.
    fn name_start(&self, run: Run) -> usize {
        let mut first = run.first;
        // "Saturday for Synspective": no name opens with a connector left
        // behind by a function word.
        while first < run.last
            && (self.has(first, cues::FUNCTION_WORD)
                || (first > run.first && is_connector(self.word(first))))
        {
            first += 1;
        }
        // "Members of the Verdi union", "Shares of Nvidia": an ordinary word
        // that starts the sentence, then "of", comes before the name.
        let next_is_connector = first + 1 < run.last && is_connector(self.word(first + 1));
        // "Maria da Silva said": a given name before a name particle opens
        // a person's name.
        let given_before_particle = || {
            let given = self.word(first);
            (cues::is_given_name(given) || cues::is_given_name_word(given))
                && cues::is_name_particle(self.word(first + 1))
        };
        if next_is_connector
            && !given_before_particle()
            && self.words[first].sentence_start
            && self.known[first].is_none()
            && self.is_common(first)
            && !self.has(first, cues::HEAD | cues::TITLE)
        {
            first += 1;
            while first < run.last && is_connector(self.word(first)) {
                first += 1;
            }
        }
        first
    }

    /// Returns true if and only if word `i` is an initial: one capital
    /// letter before its period ("W." in "Grant W. Hollister").
    fn is_initial(&self, i: usize) -> bool {
        let word = self.word(i);
        self.words[i].abbreviation
            && word.len() == 1
            && word.bytes().all(|b| b.is_ascii_uppercase())
    }

    /// Returns true if and only if `run` is followed by a comma (who it is
    /// comes next: "Rod Eddington, BA's chief executive") or by a verb of
    /// speaking ("Rod Eddington said").
    fn speaks_or_is_apposed(&self, run: Run) -> bool {
        let end = self.words[run.last - 1].end;
        self.text[end..].starts_with(',') || cues::is_agent_verb(next_word(self.text, end))
    }

    /// Like [`Self::name_start`], and also skips one ordinary word that is
    /// capitalised only because it starts the sentence ("Yesterday",
    /// "Striker"): people's names rarely begin with one.
    pub(super) fn person_start(&self, run: Run) -> usize {
        let first = self.name_start(run);
        // "Harry Kane had given…", "Maria da Silva said…": a given name
        // that is also a word opens the name when a surname that is no
        // word follows, after name particles if any.
        // ("Grant W. Hollister, an attorney": a middle initial stands
        // between them.)
        let surname_follows = || {
            let mut surname = first + 1;
            while surname + 1 < run.last
                && (cues::is_name_particle(self.word(surname)) || self.is_initial(surname))
            {
                surname += 1;
            }
            surname + 1 == run.last
                && (cues::is_given_name_word(self.word(first))
                    || (cues::is_given_name(self.word(first))
                        && cues::is_surname(self.word(surname))
                        && self.speaks_or_is_apposed(run)))
                && self.known[surname].is_none()
                && !self.is_common(surname)
        };
        // "Startups Ledgerly and Pactum Labs raised…": a company noun opens
        // no person's name.
        let company_noun =
            || cues::lowered(self.word(first), &mut [0; 24]).is_some_and(cues::is_company_noun);
        // "Winger Isikeli Tuvuki added a third": nor does a role noun that
        // is no common word.
        let incidental = first < run.last
            && self.words[first].sentence_start
            && self.known[first].is_none()
            && ((self.is_common(first) && !self.is_title(first) && !surname_follows())
                || (first + 1 < run.last && (company_noun() || self.role_noun(first))));
        // "said Tory Dominic Grieve", "Democrat John Kerry": a party's
        // member word before a given name is no part of the name; nor is
        // where the person is from ("Californian Thomas Slattery", "Kenyan
        // Faith Kipyegon"), a word shaped as a demonym that is no given
        // name or surname ("Brian", "Morgan", "Sullivan" are) and no
        // short word ("San Pedro de Atacama").
        let member_or_demonym = |word: &str| {
            matches!(
                word,
                "Tory" | "Democrat" | "Republican" | "Conservative" | "Labour" | "Unionist"
            ) || (cues::is_demonym_shaped(word)
                && !cues::is_given_name(word)
                && !cues::is_surname(word)
                && self.known[first].is_none_or(|h| self.hits[h].entry.role == Role::Demonym))
        };
        // "Russian Dmitriy Bogdanov", "Moroccan Hicham El Guerrouj": after
        // a word the lists know as a demonym, two or three name-shaped
        // words are a person however foreign the given name.
        let demonym_hit = self.known[first].is_some_and(|h| {
            let hit = &self.hits[h];
            hit.entry.role == Role::Demonym && hit.end == self.words[first].end
        });
        let foreign_name = || {
            demonym_hit
                && self.person_like(first + 1, run.last)
                && (first + 1..run.last).all(|i| !self.is_common(i))
        };
        let member = first + 2 < run.last
            && ((member_or_demonym(self.word(first)) && cues::is_given_name(self.word(first + 1)))
                || foreign_name());
        first + usize::from(incidental || member)
    }

    fn classify(&self, run: Run, lexicon: &mut Lexicon<'t>) {
        // Most runs are one word the gazetteer knows ("Japan") or one that
        // is capitalised only by its sentence start ("The"): no rule can
        // make more of them.
        if run.last - run.first == 1
            && (self.known[run.first].is_some()
                || (self.words[run.first].sentence_start && self.is_common(run.first)))
        {
            return;
        }
        // "Suprnova.org", "Friendster.com": a site's address written as its
        // name is the business that runs it, and so is the name alone
        // ("posted on Suprnova") where it is no English word.
        if run.last - run.first == 1 && is_site_name(self.word(run.first)) {
            let name = self.word(run.first);
            lexicon.add(name, Known::new(name, EntityKind::Company, Strength::Cue));
            let stem = &name[..name.find('.').unwrap_or(name.len())];
            if !self.gaz.is_common_word(stem) {
                lexicon.add(stem, Known::new(name, EntityKind::Company, Strength::Cue));
            }
            return;
        }
        if self.central_bank(run, lexicon)
            || self.bank_named_before_a_listed_bank(run, lexicon)
            || self.compass_part(run, lexicon)
        {
            return;
        }
        let mut first = self.name_start(run);
        if first >= run.last {
            return;
        }
        if let Some((place, tail)) = self.modifier(first) {
            // A place the gazetteer knows ("Zurich-based") keeps its entry.
            if tail == "based" && !self.has_hit_within(first, first + 1) {
                lexicon.add(
                    place,
                    Known::new(place, EntityKind::Place, Strength::Context),
                );
            }
            first += 1;
        }
        if first >= run.last {
            return;
        }
        let run = Run {
            first: run.first,
            last: self.without_postnominal(first, self.without_ticker(first, run.last, lexicon)),
        };
        if lexicon.strength_of(self.span(first, run.last)) >= Some(Strength::Listed) {
            return;
        }
        if self.newspaper_of_a_place(first, run.last, lexicon)
            || self.split_at_of(first, run.last, lexicon)
            || self.person_before_for(first, run.last, lexicon)
        {
            return;
        }
        self.classify_span(run, first, lexicon);
    }

    /// "Daniel Fenn KC", "Helen Castle OBE": the letters after a name of
    /// two words or more are left out of it.
    fn without_postnominal(&self, first: usize, last: usize) -> usize {
        if last - first >= 3 && cues::is_postnominal(self.word(last - 1)) {
            last - 1
        } else {
            last
        }
    }

    fn classify_span(&self, run: Run, first: usize, lexicon: &mut Lexicon<'t>) {
        let last = run.last;
        if self.ward_in_brackets(first, last, lexicon)
            || self.settlement_named(first, last, lexicon)
            || self.titled_person(first, last, lexicon)
            || self.sport_body(first, last, lexicon)
            || self.club_of_a_town(first, last, lexicon)
            || self.public_body(first, last, lexicon)
            || self.national_government(first, last, lexicon)
            || self.landform(first, last, lexicon)
            || self.head_first(first, last, lexicon)
            || self.organization(first, last, lexicon)
            || self.place(first, last, lexicon)
            || self.company(first, last, lexicon)
            || self.extended_company(first, last, lexicon)
        {
            return;
        }
        if self.dateline_place(first, last, lexicon) {
            return;
        }
        // "Team Altamar", "Team Nordlys": a sports team's name.
        if self.word(first) == "Team" && last - first >= 2 && !self.has_hit_within(first, last) {
            let name = self.span(first, last);
            lexicon.add(
                name,
                Known::new(name, EntityKind::Organization, Strength::Cue),
            );
            return;
        }
        if let Some(place) = self.word(last - 1).strip_suffix("-based") {
            // A place the gazetteer knows ("Zurich-based") keeps its entry.
            if !self.has_hit_within(last - 1, last) && last - first == 1 {
                lexicon.add(
                    place,
                    Known::new(place, EntityKind::Place, Strength::Context),
                );
            }
            return;
        }
        if lists::apposition(self, first, last, lexicon)
            || lists::apposed_to_a_noun(self, first, last, lexicon)
            || lists::possessed_business(self, first, last, lexicon)
        {
            return;
        }
        let after = next_word(self.text, self.words[last - 1].end);
        // "the El Teniente mine", "the Westhaven town council", "the
        // Kilmory council", "the Marche region": a place.
        let town_body = || {
            // `after` is non-empty only where one space comes before it.
            let at = self.words[last - 1].end + 1 + after.len();
            !after.is_empty()
                && (cues::is_town_body(after, next_word(self.text, at))
                    || cues::is_town_body_after(self.span(first, last), after))
        };
        if (cues::is_site_noun(after) || cues::is_area_noun(after) || town_body())
            && !self.has_hit_within(first, last)
            && !(first..last).any(|i| self.has(i, cues::HEAD))
        {
            let name = self.span(first, last);
            lexicon.add(name, Known::new(name, EntityKind::Place, Strength::Context));
            return;
        }
        // "the Guardian newspaper", "the Spectator magazine": a paper.
        let paper = matches!(
            after,
            "newspaper" | "magazine" | "tabloid" | "broadsheet" | "weekly"
        );
        if paper && !self.has_hit_within(first, last) && !self.words[first].sentence_start {
            let surface = self.span(first, last);
            // A listed paper keeps its listed name ("the Guardian
            // newspaper" is The Guardian).
            let listed = self
                .gaz
                .exact(&format!("The {surface}"))
                .filter(|e| e.kind == EntityKind::Company && e.name.len() == surface.len() + 4);
            let known = match listed {
                Some(entry) => Known::listed(entry, Strength::Context),
                None => Known::new(surface, EntityKind::Company, Strength::Context),
            };
            lexicon.add(surface, known);
            return;
        }
        // "the IG Metall union", "the Likud party"; not "a Eurosceptic
        // party", which says what kind of party, nor "English councils"
        // or "Labour councils": many bodies, of the kind the word says.
        let indefinite = matches!(
            last_word(self.text[..self.words[first].start].trim_end()),
            "a" | "an" | "A" | "An"
        );
        if cues::is_org_noun(after)
            && !cues::is_plural_org_noun(after)
            && !indefinite
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
        // "Caledonian Maritime Assets, which owns the harbours": "which"
        // is said of no person, and what it does is business.
        let which_does_business = self.text[self.words[last - 1].end..]
            .strip_prefix(", which ")
            .map(first_word)
            .is_some_and(|verb| {
                cues::is_business_verb(verb)
                    || matches!(
                        verb,
                        "owns" | "operates" | "makes" | "builds" | "runs" | "mines"
                    )
            });
        // ("according to the Bank, which makes it…": one ordinary word is
        // too little.)
        let enough = last - first >= 2 || !self.is_common(first);
        if which_does_business && enough && !self.has_hit_within(first, last) {
            let name = self.span(first, last);
            lexicon.add(
                name,
                Known::new(name, EntityKind::Company, Strength::Context),
            );
            return;
        }
        if self.body_of_words_speaks(first, last, after) {
            // "Orrin Freight said its trucks…": what owns is a firm.
            let kind = if people::speaks_of_its_own(self.text, self.words[last - 1].end) {
                EntityKind::Company
            } else {
                EntityKind::Organization
            };
            let name = self.span(first, last);
            lexicon.add(name, Known::new(name, kind, Strength::Context));
            return;
        }
        let person_first = self.person_start(Run { first, last });
        // "QuantumScape", "ScotRail": one word that no list knows, with
        // capitals inside as only brands write them, names a firm ("Rival
        // QuantumScape": a word capitalised by the sentence's start is no
        // part of it).
        if last - person_first == 1
            && is_brand_shaped(self.word(person_first))
            && self.known[person_first].is_none()
            && !self.ends_a_personal_name(self.word(person_first))
        {
            let name = self.span(person_first, last);
            lexicon.add(
                name,
                Known::new(name, EntityKind::Company, Strength::Context),
            );
            return;
        }
        if person_first < last
            && !self.person_named_like_a_place(person_first, last, lexicon)
            && !self.person_with_middle_initial(person_first, last, lexicon)
        {
            self.person_from_context(person_first, last, lexicon);
        }
    }

    /// "Mayor Tracy Brabin of the West Yorkshire Combined Authority", "Dr.
    /// Maria Lindqvist of the University of Gothenburg", "Dillard Spriggs
    /// of Petroleum Analysis Ltd": a person, then "of", then an
    /// organisation or a company; each side is read on its own.
    fn split_at_of(&self, first: usize, last: usize, lexicon: &mut Lexicon<'t>) -> bool {
        let Some(of) = (first + 1..last).find(|&i| self.word(i) == "of") else {
            return false;
        };
        // "the Cordillera Blanca of Peru": a landform, and where it is.
        if self.landform(first, of, lexicon) {
            return true;
        }
        // "Veeranam Diagnostics Ltd of Chennai": a legal form ends the
        // firm's name; "of" says where it is.
        if of - first >= 2
            && cues::is_legal_form(self.word(of - 1))
            && !self.has_hit_within(first, of)
        {
            let name = self.span(first, of);
            lexicon.add(name, Known::new(name, EntityKind::Company, Strength::Cue));
            return true;
        }
        let person_first = self.person_start(Run { first, last: of });
        let titled = (first..of).any(|i| self.is_title(i));
        // "Smolinski of Data Resources", after "Michael Smolinski": a
        // surname alone, of a person the text names in full.
        let surname_left = of == person_first + 1
            && self.words[person_first].capitalized
            && self.known[person_first].is_none()
            && !self.is_common(person_first)
            && !self.has(person_first, cues::HEAD)
            && cues::ends_a_longer_name(self.text, self.word(person_first));
        let person_left = !titled
            && (self.person_like(person_first, of)
                || surname_left
                || self.given_and_surname_word(person_first, of));
        let mut right = of + 1;
        while right < last && is_connector(self.word(right)) {
            right += 1;
        }
        // "Oliver Penhallow of London-based Harrowgate Capital Markets
        // Ltd": the modifier after "of" is no part of the firm's name.
        if right + 1 < last
            && let Some((place, tail)) = self.modifier(right)
        {
            if tail == "based" && !self.has_hit_within(right, right + 1) {
                lexicon.add(
                    place,
                    Known::new(place, EntityKind::Place, Strength::Context),
                );
            }
            right += 1;
        }
        let org_right = (right..last).any(|i| self.has(i, cues::ORG_HEAD));
        // "Larry Eckenfelder of Prudential-Bache Securities": a person at a
        // company.
        let company_right = right + 1 < last && self.has(last - 1, cues::COMPANY_SUFFIX);
        let place_right = right + 1 < last && self.has(last - 1, cues::PLACE_HEAD);
        if !(titled || person_left) || right >= last {
            return false;
        }
        if !(org_right || company_right || place_right) {
            // "Sen. Thomas Briggs of Ohio": a titled name before "of" is a
            // person, whatever follows; what does is left to the lists.
            if titled {
                return self.titled_person(first, of, lexicon);
            }
            // "Rita Castellano of Dunmore and Pratt said": a personal name
            // before "of" is a person, whatever the name after it is.
            // ("Mark Walker of Athletics Weekly": a surname that is a word
            // after a listed given name.)
            if !self.personal_name(person_first, of) {
                return false;
            }
            let name = self.span(person_first, of);
            lexicon.add(name, Known::new(name, EntityKind::Person, Strength::Shape));
            // "Zara Hyde Peters of UK Athletics": a sport's national body.
            self.sport_body(right, last, lexicon);
            return true;
        }
        if titled {
            self.titled_person(first, of, lexicon);
        } else {
            self.person_from_context(person_first, of, lexicon);
            let name = self.span(person_first, of);
            lexicon.add(name, Known::new(name, EntityKind::Person, Strength::Shape));
        }
        if place_right && !org_right {
            self.place(right, last, lexicon);
        } else if !(company_right && self.company(right, last, lexicon)) {
            self.organization(right, last, lexicon);
        }
        true
    }

    /// "the Yorkshire Post", "the Manchester Evening News", "the Irish
    /// Times": a place the lists know, or its people's word, then a word
    /// newspapers are named by (after "Evening", "Sunday" or the like) is a
    /// newspaper. The words that only name papers ("Herald", "Gazette")
    /// are company suffixes already; these are words of their own too.
    fn newspaper_of_a_place(&self, first: usize, last: usize, lexicon: &mut Lexicon<'t>) -> bool {
        const EDITIONS: &[&str] = &["Evening", "Morning", "Sunday", "Daily", "Weekly"];
        if !(2..=4).contains(&(last - first))
            || !cues::is_newspaper_word(self.word(last - 1))
            || self.known[last - 1].is_some()
        {
            return false;
        }
        let mut place_end = last - 1;
        while place_end > first && EDITIONS.contains(&self.word(place_end - 1)) {
            place_end -= 1;
        }
        // (The lists are asked, not the hits: a town's hit before another
        // capitalised word is gone by now.)
        let place = place_end > first
            && self
                .gaz
                .exact(self.span(first, place_end))
                .is_some_and(|e| matches!(e.kind, EntityKind::Country | EntityKind::Place));
        if !place {
            return false;
        }
        let name = self.span(first, last);
        lexicon.add(name, Known::new(name, EntityKind::Company, Strength::Cue));
        true
    }

    /// "Simon McBurney for Measure for Measure", "Luc Bondy for Cruel and
    /// Tender": a personal name of two or three words before "for" is a
    /// person, and the words after it (a work, a cause) are left to the
    /// lists. A name with a head word before "for" is a body's ("Department
    /// for Transport", "Campaign for Nuclear Disarmament").
    fn person_before_for(&self, first: usize, last: usize, lexicon: &mut Lexicon<'t>) -> bool {
        let Some(f) = (first + 1..last).find(|&i| self.word(i) == "for") else {
            return false;
        };
        let person_first = self.person_start(Run { first, last: f });
        // ("moved to Piazza Garibaldi for Sunday": a place.)
        let person = (2..=3).contains(&(f - person_first))
            && !crate::entities::places::after_locative(self.text, self.words[person_first].start)
            && (person_first..f)
                .all(|i| !self.has(i, cues::HEAD | cues::TITLE | cues::FUNCTION_WORD))
            && self.personal_name(person_first, f);
        if person {
            let name = self.span(person_first, f);
            lexicon.add(name, Known::new(name, EntityKind::Person, Strength::Shape));
        }
        person
    }

    /// "Ukrainian Armed Forces", "Department for Transport", "Strategic
    /// Communications Center of Excellence": a name with an organisation
    /// head, at its end or before an "of/for …" tail.
    fn organization(&self, first: usize, last: usize, lexicon: &mut Lexicon<'t>) -> bool {
        // "the Museum of Coastal Art and the Dunmore Gallery": "and the"
        // between two names, each with its own head, joins two names; so
        // does "and" before a proper name that ends in a head ("the
        // University of Strathclyde and Heriot-Watt University", where
        // "Ministry of Housing and Local Government" is one name).
        let headed = |from: usize, to: usize| (from..to).any(|i| self.is_org_head_at(i));
        // "… and Western Plains University of Technology": a head with an
        // "of" tail of its own opens a second name, whatever words stand
        // before it.
        let head_with_tail = |from: usize| {
            (from..last - 1)
                .take_while(|&i| self.word(i) != "and")
                .any(|i| self.is_org_head_at(i) && self.opens_tail(i + 1))
        };
        let second_name = |and: usize| {
            if self.word(and + 1) == "the" {
                return headed(and + 2, last).then_some(and + 2);
            }
            (and + 2 < last
                && self.words[and + 1].capitalized
                && ((self.is_org_head_at(last - 1) && !self.is_common(and + 1))
                    || head_with_tail(and + 2)))
            .then_some(and + 1)
        };
        if let Some((and, second)) = (first + 1..last.saturating_sub(2))
            .filter(|&i| self.word(i) == "and" && headed(first, i))
            .find_map(|i| second_name(i).map(|second| (i, second)))
        {
            let left = self.organization(first, and, lexicon);
            return self.organization(second, last, lexicon) || left;
        }
        let heads = (first..last).rev().filter(|&i| {
            self.is_org_head_at(i) && (i > first || (i + 1 < last && self.opens_tail(i + 1)))
        });
        // "Imperial College London": a place the lists know may end it
        // (looked up, as "London said" holds no place hit).
        let place_after = |head: usize| {
            head + 2 == last
                && self.gaz.exact(self.word(head + 1)).is_some_and(|entry| {
                    matches!(entry.kind, EntityKind::Place | EntityKind::Country)
                })
        };
        let tail_ok =
            |head: usize| head + 1 == last || self.opens_tail(head + 1) || place_after(head);
        // The last head that ends the name or opens its "of/for …" tail: in
        // "the Ministry of Museums and Parks", "Museums" is the Ministry's
        // portfolio, not the head of a name.
        let mut heads = heads.peekable();
        let Some(&last_head) = heads.peek() else {
            return false;
        };
        let head = heads.find(|&i| tail_ok(i)).unwrap_or(last_head);
        let tail_ok = tail_ok(head);
        // "the University of Bergen and Japan's JAMSTEC", "the Reserve
        // Bank of India and Banxico": a possessive or a listed name after
        // "and" opens another name.
        // ("… of Norway and the UK's Natural Environment Research Council":
        // "the" may stand first.)
        let opens_another = |i: usize| {
            let i = if self
                .words
                .get(i)
                .is_some_and(|w| w.text(self.text) == "the")
            {
                i + 1
            } else {
                i
            };
            self.words.get(i).is_some_and(|w| w.possessive)
                || self
                    .known
                    .get(i)
                    .copied()
                    .flatten()
                    .is_some_and(|h| self.hits[h].start == self.words[i].start)
        };
        let last = (head + 1..last)
            .find(|&i| self.word(i) == "and" && opens_another(i + 1))
            .unwrap_or(last);
        // "Vessels of the Turkish Navy": words before an "of" that holds no
        // head of their own are not part of the name.
        let mut first = first;
        if let Some(c) = (first..head).rev().find(|&i| is_connector(self.word(i)))
            && !(first..c).any(|i| self.has(i, cues::ORG_HEAD))
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
        let first = self.joined_by_and(first);
        if self.known[first].is_some() && self.known[last - 1] == self.known[first] {
            return true;
        }
        // "the Ministry of Land, Infrastructure, Transport and Tourism": a
        // list of portfolios after "of" goes on past its commas.
        let last = if head + 1 < last && self.opens_tail(head + 1) {
            self.portfolios_after(last)
        } else {
            last
        };
        let name = self.span(first, last);
        let country = self.country_of(first);
        lexicon.add(
            name,
            Known::new(name, EntityKind::Organization, Strength::Cue).with_country(country),
        );
        true
    }

    /// Where a name that ends at word `last` ends when a list of
    /// capitalised words in no list follows it: ", Infrastructure,
    /// Transport and Tourism" (one or two words an item, the last after
    /// "and"). `last` itself when no such list follows.
    fn portfolios_after(&self, last: usize) -> usize {
        // A portfolio is no listed name and no given name ("the Ministry of
        // Defence, Grant Shapps and …" lists a person).
        let item_word = |i: usize| {
            self.words.get(i).is_some_and(|w| {
                w.capitalized
                    && !w.sentence_start
                    && self.known[i].is_none()
                    && !w.heading
                    && !cues::is_given_name(w.text(self.text))
                    && !self.is_title(i)
            })
        };
        let mut at = last;
        loop {
            // ", Item", or " and Item" / ", and Item", which ends the list.
            let separator = self.gap_before(at);
            let closing = self
                .words
                .get(at)
                .is_some_and(|w| w.text(self.text) == "and")
                && matches!(separator, " " | ", ")
                && self.gap_before(at + 1) == " ";
            // Only a list with a comma: "Trade and Industry" is one run.
            if closing && at > last {
                at += 1;
            } else if closing || separator != ", " {
                return last;
            }
            if !item_word(at) {
                return last;
            }
            let mut end = at + 1;
            if end < self.words.len() && self.gap_before(end) == " " && item_word(end) {
                end += 1;
            }
            if closing {
                return end;
            }
            at = end;
        }
    }

    /// "the Food and Drug Administration", "the National Oceanic and
    /// Atmospheric Administration", "the National Disaster Risk Reduction
    /// and Management Council": one to five capitalised words in no list,
    /// none at a sentence start, joined by "and" to the name that starts
    /// at `first`, are part of it. Returns where the name starts.
    fn joined_by_and(&self, first: usize) -> usize {
        /// The most words of a name before its "and".
        const MAX_WORDS_BEFORE_AND: usize = 5;
        if first < 2
            || self.words[first].sentence_start
            || self
                .text
                .get(self.words[first - 2].end..self.words[first].start)
                != Some(" and ")
        {
            return first;
        }
        // No person ("Dr Maria Lopez and Education Council") and no firm
        // ("Northern Star Mining and …") stands before the "and".
        let name_word = |i: usize| {
            let word = self.word(i);
            self.words[i].capitalized
                && !self.words[i].sentence_start
                && self.known[i].is_none()
                && cues::traits(word) & (cues::FUNCTION_WORD | cues::COMPANY_SUFFIX) == 0
                && !self.is_title(i)
                && (self.is_common(i) || !cues::is_given_name(word))
        };
        let spaced = |i: usize| self.gap_before(i) == " ";
        let mut start = first - 2;
        // "Argyll and Bute Council", "Brighton and Hove City Council": a
        // council named after two places.
        let council = || {
            (first..self.words.len())
                .take_while(|&i| self.words[i].capitalized && (i == first || spaced(i)))
                .take(3)
                .any(|i| self.word(i) == "Council")
        };
        let place_before = self.known[start].is_some_and(|h| {
            let hit = &self.hits[h];
            hit.start == self.words[start].start && hit.entry.kind == EntityKind::Place
        });
        // ("talks between Lyon and Vienne City Council": two sides.)
        let between = start > 0 && self.word(start - 1) == "between";
        if place_before && !between && council() {
            return start;
        }
        // "Ballina RFC and Bournemouth AFC": a head right before the "and"
        // ends a name of its own.
        // "the Energy and Petroleum Regulatory Authority": a word that
        // ends firms' names, alone after "the", opens a body's name.
        let sector_alone = start >= 1
            && self.words[start].capitalized
            && !self.words[start].sentence_start
            && cues::traits(self.word(start)) & cues::COMPANY_SUFFIX != 0
            && self.word(start - 1).eq_ignore_ascii_case("the");
        if !(name_word(start) || sector_alone) || self.has(start, cues::ORG_HEAD | cues::PLACE_HEAD)
        {
            return first;
        }
        if sector_alone {
            return start;
        }
        while start > 0
            && first - 2 - start < MAX_WORDS_BEFORE_AND - 1
            && spaced(start)
            && name_word(start - 1)
        {
            start -= 1;
        }
        // "the University of Strathclyde and Heriot-Watt University": words
        // after "of" end another name; so do words after another "and"
        // ("the College of Agriculture and Forestry and Western Plains
        // University").
        if start > 0
            && self.word(start - 1) != "the"
            && (is_connector(self.word(start - 1)) || self.word(start - 1) == "and")
        {
            return first;
        }
        if self.opens_name(start) {
            return start;
        }
        self.country_opening(start).unwrap_or(first)
    }

    /// Returns true if and only if a name may start at word `at`: only a
    /// function word ("the") or a lower-case word stands right before it.
    fn opens_name(&self, at: usize) -> bool {
        if at == 0 {
            return true;
        }
        // "U.S. Patent": an abbreviation's period joins as a space does.
        let joined = self.gap_before(at) == " "
            || (self.words[at - 1].abbreviation && self.gap_before(at) == ". ");
        !joined
            || !self.words[at - 1].capitalized
            || cues::traits(self.word(at - 1)) & cues::FUNCTION_WORD != 0
    }

    /// "the Zambia Competition and Consumer Protection Commission", "the
    /// U.S. Patent and Trademark Office", "the Canada Mortgage and Housing
    /// Corporation", "the Texas Parks and Wildlife Department": a country's
    /// or a place's name, or a demonym, right before word `start`
    /// that opens a name opens it with the words from `start`. Returns
    /// where the name then starts.
    pub(super) fn country_opening(&self, start: usize) -> Option<usize> {
        let hit = self.known[start.checked_sub(1)?];
        // "Britain's Medicines and Healthcare…": an owner is no part of it.
        if self.words[start - 1].possessive
            || hit.is_none_or(|h| {
                !matches!(
                    self.hits[h].entry.kind,
                    EntityKind::Country | EntityKind::Place
                )
            })
        {
            return None;
        }
        let mut at = start - 1;
        while at > 0 && self.known[at - 1] == hit {
            at -= 1;
        }
        self.opens_name(at).then_some(at)
    }

    /// Returns true if and only if a run on a heading line still names a
    /// firm: a name in no list that ends in a legal form ("- Contractor:
    /// Voltera Systems GmbH"). Title case makes every other run of a
    /// heading look like a name.
    fn firm_in_heading(&self, run: Run) -> bool {
        run.last - run.first >= 2
            && cues::is_legal_form(self.word(run.last - 1))
            && !self.is_common(run.first)
            && self.known[run.first].is_none()
    }

    /// Returns true if and only if word `i` heads an organisation's name;
    /// "Bank" does so only after a public purpose ("Development Bank").
    fn is_org_head_at(&self, i: usize) -> bool {
        let word = self.word(i);
        self.has(i, cues::ORG_HEAD)
            || (word == "Bank" && i > 0 && cues::is_public_bank_qualifier(self.word(i - 1)))
            || self.general_of_a_directorate(i)
    }

    /// Returns true if and only if word `i` is "General" after
    /// "Directorate": "the Directorate General of Civil Aviation" is a
    /// body, and its "General" no title.
    fn general_of_a_directorate(&self, i: usize) -> bool {
        i > 0 && self.word(i) == "General" && self.word(i - 1) == "Directorate"
    }

    /// "Trabzonspor", "Konyaspor": a Turkish club is named by its town and
    /// "spor" (sport) in one word, which no English word ends with.
    fn club_of_a_town(&self, first: usize, last: usize, lexicon: &mut Lexicon<'t>) -> bool {
        let word = self.word(first);
        if last - first != 1
            || self.known[first].is_some()
            || !word.ends_with("spor")
            || word.chars().count() < 7
            || !word.starts_with(char::is_uppercase)
        {
            return false;
        }
        lexicon.add(
            word,
            Known::new(word, EntityKind::Organization, Strength::Cue),
        );
        true
    }

    /// "Sri Lanka Cricket", "British Cycling", "Rugby Australia": a
    /// country or its demonym with a sport, and nothing else, names the
    /// sport's national body ("American Football" is a game).
    fn sport_body(&self, first: usize, last: usize, lexicon: &mut Lexicon<'t>) -> bool {
        const SPORTS: &[&str] = &[
            "Cricket",
            "Rugby",
            "Football",
            "Athletics",
            "Cycling",
            "Swimming",
            "Rowing",
            "Tennis",
            "Hockey",
            "Golf",
            "Netball",
            "Sailing",
            "Gymnastics",
            "Boxing",
            "Basketball",
            "Volleyball",
            "Triathlon",
            "Badminton",
        ];
        if !(2..=4).contains(&(last - first)) {
            return false;
        }
        // The words other than the sport: one country's name or demonym.
        let country = |from: usize, to: usize| {
            let hit = self.hit_spanning(from, to)?;
            (hit.entry.kind == EntityKind::Country).then_some(hit.entry)
        };
        let (entry, sport) = if SPORTS.contains(&self.word(last - 1)) {
            (country(first, last - 1), self.word(last - 1))
        } else if SPORTS.contains(&self.word(first)) {
            (country(first + 1, last), self.word(first))
        } else {
            return false;
        };
        let Some(entry) = entry else {
            return false;
        };
        if sport == "Football" && entry.role == Role::Demonym {
            return false;
        }
        let name = self.span(first, last);
        lexicon.add(
            name,
            Known::new(name, EntityKind::Organization, Strength::Cue).with_country(entry.country),
        );
        true
    }

    /// "Bank of Botswana", "Central Bank of Kenya", "Reserve Bank of
    /// Malawi": a bank of a country, named so, is its central bank, a
    /// public body (a commercial bank so named, "Bank of Ireland", is in
    /// the lists). The run may open the sentence, or go on before it ("the
    /// governor of the Bank of Ghana") or after its possessive ("the Bank of
    /// Botswana's Monetary Policy Committee"): each side is read on its own.
    fn central_bank(&self, run: Run, lexicon: &mut Lexicon<'t>) -> bool {
        let Some(bank) = self.bank_of(run.first, run.last) else {
            return false;
        };
        // The country may end the run or stand before its possessive.
        let Some(hit) = self.known[bank + 2].map(|h| &self.hits[h]) else {
            return false;
        };
        let country = hit.entry;
        let last = (bank + 2..run.last)
            .find(|&i| self.words[i].end >= hit.end)
            .map_or(run.last, |i| i + 1);
        let possessive_or_end = last == run.last || self.words[last - 1].possessive;
        if country.kind != EntityKind::Country
            || country.role != Role::Name
            || !possessive_or_end
            || self.words[bank + 2].start != hit.start
            || self.hit_spanning(bank, last).is_some()
        {
            return false;
        }
        let qualified =
            bank > run.first && matches!(self.word(bank - 1), "Central" | "Reserve" | "National");
        let start = bank - usize::from(qualified);
        let name = self.span(start, last);
        lexicon.add(
            name,
            Known::new(name, EntityKind::Organization, Strength::Cue).with_country(country.country),
        );
        let mut before = start;
        while before > run.first && is_connector(self.word(before - 1)) {
            before -= 1;
        }
        for side in [(run.first, before), (last, run.last)] {
            if side.0 < side.1 {
                self.classify(
                    Run {
                        first: side.0,
                        last: side.1,
                    },
                    lexicon,
                );
            }
        }
        true
    }

    /// The first word from `from` on, before `last`, that opens "Bank of"
    /// with a word after it.
    fn bank_of(&self, from: usize, last: usize) -> Option<usize> {
        (from..last.saturating_sub(2)).find(|&i| self.word(i) == "Bank" && self.word(i + 1) == "of")
    }

    /// "Continental Bank of Canada", "Agricultural Bank of China", "Royal
    /// Bank of Canada": capitalised words right before a listed "Bank of
    /// …" name another bank, a firm, unless they make it a public one
    /// ("National", "Development", "Reserve": see
    /// [`cues::is_public_bank_qualifier`]).
    fn bank_named_before_a_listed_bank(&self, run: Run, lexicon: &mut Lexicon<'t>) -> bool {
        let Some(bank) = self.bank_of(run.first + 1, run.last) else {
            return false;
        };
        let Some(hit) = self.known[bank].map(|h| &self.hits[h]) else {
            return false;
        };
        let first = self.name_start(run);
        let named_before = first < bank
            && hit.start == self.words[bank].start
            && !cues::is_public_bank_qualifier(self.word(bank - 1))
            && (first..bank).all(|i| {
                self.known[i].is_none()
                    && !is_connector(self.word(i))
                    && !self.is_title(i)
                    && self.gap_before(i + 1) == " "
            });
        if !named_before {
            return false;
        }
        let last = (bank..run.last)
            .take_while(|&i| self.words[i].start < hit.end)
            .last()
            .map_or(bank, |i| i + 1);
        let name = self.span(first, last);
        lexicon.add(
            name,
            Known::new(name, EntityKind::Company, Strength::Cue).with_country(hit.entry.country),
        );
        true
    }

    /// "North Wales", "Southern California", "North West England": compass
    /// words before a region the lists know name a part of it, a place of
    /// its own in the same country. A country's name stays out ("West
    /// Germany"; "South Sudan" is a country the lists know whole), and so
    /// does a city's.
    fn compass_part(&self, run: Run, lexicon: &mut Lexicon<'t>) -> bool {
        let mut first = run.first;
        while first < run.last && super::resolve::is_compass_word(self.word(first)) {
            first += 1;
        }
        if first == run.first || first + 1 > run.last || first - run.first > 2 {
            return false;
        }
        let Some(hit) = self.hit_spanning(first, run.last) else {
            return false;
        };
        // A city's part stays the city ("East Jerusalem", "North London"):
        // what a city names is read in context (`resolve`).
        let region = matches!(hit.entry.role, Role::Region | Role::Name);
        if hit.entry.kind != EntityKind::Place
            || !region
            || self.hit_spanning(run.first, run.last).is_some()
        {
            return false;
        }
        let name = self.span(run.first, run.last);
        lexicon.add(
            name,
            Known::new(name, EntityKind::Place, Strength::Cue).with_country(hit.entry.country),
        );
        true
    }

    /// "Statistics Canada", "Police Scotland", "Innovation Norway",
    /// "Natural Resources Wales": a word for a public service (or two, as
    /// "Public Health"), then the name of a country or of a region alone,
    /// is that country's or region's public body.
    fn public_body(&self, first: usize, last: usize, lexicon: &mut Lexicon<'t>) -> bool {
        let Some(place) = self.public_body_of(first, last) else {
            return false;
        };
        let name = self.span(first, last);
        lexicon.add(
            name,
            Known::new(name, EntityKind::Organization, Strength::Cue).with_country(place.country),
        );
        true
    }

    /// "The Welsh Government", "the U.K. Government", "the Catalan
    /// Government": a country's name or its people's adjective, or a
    /// region's people's, then "Government", is that government. Only so:
    /// after other words ("Eurobonds and U.K. Government bonds", "Labour
    /// Government") the word describes rather than names.
    fn national_government(&self, first: usize, last: usize, lexicon: &mut Lexicon<'t>) -> bool {
        if last - first < 2 || self.word(last - 1) != "Government" {
            return false;
        }
        let Some(hit) = self.hit_spanning(first, last - 1) else {
            return false;
        };
        let national = match hit.entry.kind {
            EntityKind::Country => matches!(hit.entry.role, Role::Name | Role::Demonym),
            EntityKind::Place => hit.entry.role == Role::Demonym,
            _ => false,
        };
        if !national {
            return false;
        }
        let name = self.span(first, last);
        lexicon.add(
            name,
            Known::new(name, EntityKind::Organization, Strength::Cue)
                .with_country(hit.entry.country),
        );
        true
    }

    /// Returns the country or region whose public body the words name
    /// (see [`Self::public_body`]), if they name one.
    pub(super) fn public_body_of(&self, first: usize, last: usize) -> Option<&Entry> {
        const SERVICES: &[&str] = &[
            "Statistics",
            "Health",
            "Transport",
            "Police",
            "Sport",
            "Innovation",
            "Enterprise",
            "Tourism",
            "Parks",
            "Historic",
            "Creative",
            "Natural",
            "Education",
            "Skills",
        ];
        // A service named in two words: "Natural Resources Wales",
        // "Public Health Scotland", "Health Education England".
        const SECOND_WORDS: &[&str] = &[
            "Resources",
            "Standards",
            "Health",
            "Environment",
            "Development",
            "Education",
            "Council",
        ];
        const FIRST_OF_TWO: &[&str] = &["Public", "Food", "Arts"];
        let lead = self.word(first);
        let two = last - first >= 3
            && SECOND_WORDS.contains(&self.word(first + 1))
            && (SERVICES.contains(&lead) || FIRST_OF_TWO.contains(&lead));
        let place_from = if two {
            first + 2
        } else if last - first >= 2 && SERVICES.contains(&lead) {
            first + 1
        } else {
            return None;
        };
        let entry = self.hit_spanning(place_from, last)?.entry;
        let named = match entry.kind {
            EntityKind::Country => entry.role == Role::Name,
            // A region, or a nation of the United Kingdom (named places
            // that are not countries).
            EntityKind::Place => matches!(entry.role, Role::Region | Role::Name),
            _ => false,
        };
        named.then_some(entry)
    }

    /// "Mount Kenya", "Lake Titicaca", "River Tame", "Cape of Good Hope",
    /// "Stade Ernest-Wallon": a word for a landform or a ground, then one
    /// or two names (after "of", up to three), is a place, whatever the
    /// names alone would be (a country, a person's given name), unless the
    /// lists know the whole ("Cape Verde", "Cape Town").
    fn landform(&self, first: usize, last: usize, lexicon: &mut Lexicon<'t>) -> bool {
        #[rustfmt::skip]
        const LANDFORMS: &[&str] = &[
            "Mount", "Mont", "Lake", "Lac", "Lago", "Cerro", "Cordillera", "Nevado", "River",
            "Cape", "Loch",
            // Grounds that other languages name head first.
            "Stade", "Stadio", "Estadio", "Estádio", "Parc", "Parque",
        ];
        let of = last - first >= 3 && self.word(first + 1) == "of";
        let names = first + 1 + usize::from(of)..last;
        if !(1..=2 + usize::from(of)).contains(&names.len())
            || !LANDFORMS.contains(&self.word(first))
            || names
                .clone()
                .any(|i| self.has(i, cues::HEAD | cues::TITLE) || !self.words[i].capitalized)
            || self.hit_spanning(first, last).is_some()
        {
            return false;
        }
        // "Stade Pierre-Mauroy" is a ground, named after a person;
        // "Stade Français", "Stade Toulousain" are clubs.
        if self.word(first) == "Stade" && !self.word(first + 1).contains('-') {
            return false;
        }
        let name = self.span(first, last);
        lexicon.add(name, Known::new(name, EntityKind::Place, Strength::Cue));
        true
    }

    /// "Aviva Stadium", "Eamonn Deacy Park": a name with a place head, or
    /// a shire.
    /// "Gulf of Guinea", "Bay of Bengal": a place head, "of", and a name
    /// (a country's too) is a place; so is "Upper" or "Lower" before one.
    fn place(&self, first: usize, last: usize, lexicon: &mut Lexicon<'t>) -> bool {
        let head_of = last - first >= 3
            && self.has(first, cues::PLACE_HEAD)
            && self.word(first + 1) == "of"
            && !self.words[first].sentence_start;
        // "Herefordshire", "North Yorkshire": a shire is a county.
        let shire = self.word(last - 1).len() > "shire".len() + 2
            && self.word(last - 1).ends_with("shire")
            && self.known[last - 1].is_none();
        // "Upper Egypt", "Lower Silesia": part of a country or a region.
        let part = last - first == 2
            && matches!(self.word(first), "Upper" | "Lower")
            && self
                .hit_spanning(first + 1, last)
                .is_some_and(|h| matches!(h.entry.kind, EntityKind::Country | EntityKind::Place));
        // "Queen Street West", "Main Street North": a street's part.
        let street_part = last - first >= 3
            && matches!(self.word(last - 1), "West" | "East" | "North" | "South")
            && matches!(
                self.word(last - 2),
                "Street" | "Road" | "Avenue" | "Boulevard"
            );
        if !shire
            && !part
            && !street_part
            && (last - first < 2 || !(self.has(last - 1, cues::PLACE_HEAD) || head_of))
        {
            return false;
        }
        if self.known[first].is_some() && self.known[last - 1] == self.known[first] {
            return true;
        }
        let name = self.span(first, last);
        // Upper Egypt is in Egypt (the Niger Delta is not in Niger).
        let country = part
            .then(|| self.hit_spanning(first + 1, last))
            .flatten()
            .and_then(|h| h.entry.country);
        lexicon.add(
            name,
            Known::new(name, EntityKind::Place, Strength::Cue).with_country(country),
        );
        true
    }

    /// Returns true if and only if the words speak as a body does ("Network
    /// Rail said", "Thames Water told", "Royal Mail said"): two or three
    /// capitalised words that no list knows, the last an English word that
    /// is no surname, the first no given name unless it is an English word
    /// too ("Royal", "Grace"), before a verb of speech. No person is named
    /// so: a given name that is a word and a word that is no surname
    /// ("Royal Mail") make no name a person bears.
    fn body_of_words_speaks(&self, first: usize, last: usize, after: &str) -> bool {
        let given = |w: &str| cues::is_given_name(w) || cues::is_given_name_word(w);
        (2..=3).contains(&(last - first))
            && cues::is_agent_verb(after)
            && self.is_common(last - 1)
            && !cues::is_surname(self.word(last - 1))
            && (!given(self.word(first)) || self.is_common(first))
            && (first..last).all(|i| {
                self.words[i].capitalized
                    && self.known[i].is_none()
                    && !self.is_title(i)
                    && self.word(i).chars().any(char::is_lowercase)
            })
    }

    /// "Rua do Açúcar", "Banco Levante", "Grupo Herdez", "Tribunal
    /// Constitucional": names of other languages put their head word first,
    /// a street's, a square's, a building's, a club's, a bank's, a group's
    /// or a public body's. A bank named central,
    /// national, federal or of the republic, or after a country, is a public
    /// body ("Banco de Portugal", "Banco de la República"). The name ends
    /// before a lower-case word that is no particle ("Piazza Cavour for
    /// Saturday").
    fn head_first(&self, first: usize, last: usize, lexicon: &mut Lexicon<'t>) -> bool {
        #[rustfmt::skip]
        const PLACES: &[&str] = &[
            "Rua", "Rue", "Calle", "Avenida", "Avinguda", "Piazza", "Plaza", "Praça", "Largo",
            "Paseo", "Carrer", "Travessa", "Viale", "Corso", "Strada", "Palazzo", "Palacio",
            "Palais", "Ospedale", "Hôpital", "Presidio", "Castello", "Castillo", "Ponte", "Puente",
            "Stazione", "Estación", "Aeroporto", "Aeropuerto", "Aéroport", "Estadio", "Estádio",
            "Stade", "Stadio",
            // Irish and Scottish lakes: "Lough Mask", "Loch Fyne".
            "Lough", "Loch",
        ];
        const FIRMS: &[&str] = &[
            "Banco", "Banca", "Banque", "Bankhaus", "Caixa", "Grupo", "Gruppo", "Groupe", "Maison",
        ];
        // "Deportivo Río Claro", "Atlético Sur", "Sporting Cristal", "FC
        // Midtjylland": clubs.
        #[rustfmt::skip]
        const CLUBS: &[&str] = &[
            "Deportivo", "Atlético", "Atletico", "Sporting", "Racing", "Dinamo", "Dynamo",
            "Lokomotiv", "Spartak", "Olympique", "Sportivo", "Esporte", "Clube", "Club", "FC",
            "AFC",
        ];
        // "Tribunal Constitucional", "Agencia Nacional de Minerales",
        // "Universidade Federal do Pará", "Conseil d'État": public bodies,
        // unions, universities and parties.
        #[rustfmt::skip]
        const BODIES: &[&str] = &[
            "Tribunal", "Corte", "Cour", "Agencia", "Agência", "Agence", "Agenzia", "Universidad",
            "Universidade", "Université", "Università", "Sindicato", "Syndicat", "Sindacato",
            "Consejo", "Conselho", "Conseil", "Consiglio", "Ministerio", "Ministério", "Ministère",
            "Ministero", "Instituto", "Istituto", "Fundación", "Fundação", "Fondation",
            "Fondazione", "Asociación", "Associação", "Associazione", "Federación", "Federação",
            "Fédération", "Federazione", "Confederación", "Confederação", "Confédération",
            "Confederazione", "Comisión", "Comissão", "Commissione", "Secretaría", "Secretaria",
            "Superintendencia", "Procuraduría", "Fiscalía", "Contraloría", "Defensoría", "Policía",
            "Polícia", "Polizia", "Ejército", "Exército", "Esercito", "Asamblea", "Assembleia",
            "Assemblée", "Congreso", "Senado", "Partido", "Partito", "Movimiento", "Frente",
            "Cámara", "Câmara", "Camera", "Autoridad", "Autoridade", "Autorità", "Autorité",
            "Servicio", "Serviço", "Servizio", "Dirección", "Direção", "Direzione", "Escuela",
            "Escola", "École", "Colegio", "Museo", "Museu", "Musée",
            // Exchanges: "Borsa Istanbul", "Bolsa de Santiago", "Bourse de Casablanca".
            "Borsa", "Bolsa", "Bourse",
        ];
        // "Col de Port", "Col d'Agnes", "Plateau de Beille", "Salar de
        // Atacama": a pass, a plateau, a peak or a salt flat, named head
        // first before a particle ("Col Tim Collins" is a colonel).
        const BEFORE_A_PARTICLE: &[&str] = &["Col", "Plateau", "Pic", "Salar"];
        let head = self.word(first);
        let particle = |i: usize| cues::is_name_particle(self.word(i));
        let landform = BEFORE_A_PARTICLE.contains(&head)
            && first + 1 < last
            && (particle(first + 1)
                || ["d'", "d’"]
                    .iter()
                    .any(|d| self.word(first + 1).starts_with(d)));
        // "Via" is English too ("Via Rail", "Via email"): a street only
        // inside a sentence.
        let street_via = head == "Via" && !self.words[first].sentence_start;
        let club = CLUBS.contains(&head);
        let body = BODIES.contains(&head);
        if !(street_via
            || landform
            || club
            || body
            || PLACES.contains(&head)
            || FIRMS.contains(&head))
        {
            return false;
        }
        let run_last = last;
        let mut last = (first + 1..last)
            .find(|&i| !self.words[i].capitalized && !particle(i))
            .unwrap_or(last);
        // "Calle de los Reyes and the Palacio de Cristal": the run went on
        // after "and" for its particles; what follows is a name of its own.
        let rest = (last < run_last && self.word(last) == "and")
            .then(|| {
                (last + 1..run_last)
                    .find(|&i| self.word(i) != "the")
                    .unwrap_or(run_last)
            })
            .filter(|&rest| rest < run_last && self.words[rest].capitalized);
        while last > first + 1 && particle(last - 1) {
            last -= 1;
        }
        if last - first < 2 || self.hit_spanning(first, last).is_some() {
            return false;
        }
        if let Some(rest) = rest {
            let run = Run {
                first: rest,
                last: run_last,
            };
            self.classify_span(run, rest, lexicon);
        }
        let kind = if street_via || landform || PLACES.contains(&head) {
            EntityKind::Place
        } else if club
            || body
            || (first + 1..last).any(|i| {
                matches!(
                    self.word(i),
                    "Central"
                        | "Nacional"
                        | "National"
                        | "Nationale"
                        | "República"
                        | "Republica"
                        | "Reserva"
                        | "Reserve"
                        | "Federal"
                ) || self.known[i].is_some_and(|h| self.hits[h].entry.kind == EntityKind::Country)
            })
        {
            EntityKind::Organization
        } else {
            EntityKind::Company
        };
        let name = self.span(first, last);
        lexicon.add(name, Known::new(name, kind, Strength::Cue));
        true
    }

    /// "Cr Bronwyn McAllister (Dunmunkle Ward)": a ward's name alone in
    /// brackets, as a councillor's is given, is a place. ("Ward" alone is
    /// a surname as often: "Jessica Ward".)
    fn ward_in_brackets(&self, first: usize, last: usize, lexicon: &mut Lexicon<'t>) -> bool {
        let bracketed = self.text[..self.words[first].start].ends_with('(')
            && self.text[self.words[last - 1].end..].starts_with(')');
        if last - first < 2 || self.word(last - 1) != "Ward" || !bracketed {
            return false;
        }
        let name = self.span(first, last);
        lexicon.add(name, Known::new(name, EntityKind::Place, Strength::Cue));
        true
    }

    /// "the village of Weybourne", "the borough of Elmbridge": a name in no
    /// list of at most three words, after "the", a word for a settlement
    /// or an area, and "of", is a place.
    fn settlement_named(&self, first: usize, last: usize, lexicon: &mut Lexicon<'t>) -> bool {
        let Some(of) = self.of_before_list(first).filter(|&of| of >= 1) else {
            return false;
        };
        let mut buf = [0; 24];
        let noun = cues::lowered(self.word(of - 1), &mut buf).unwrap_or_default();
        // "the town of", "the small fishing town of": "the" and at most two
        // lower-case words before the noun.
        let the = (2..=4)
            .filter_map(|back| of.checked_sub(back))
            .take_while(|&i| i + 2 == of || !self.words[i + 1].capitalized)
            .any(|i| self.word(i).eq_ignore_ascii_case("the"));
        // "the towns of Brackley and Daventry".
        let singular = noun.strip_suffix('s').unwrap_or(noun);
        let settlement =
            the && (cues::is_settlement_noun(noun) || cues::is_settlement_noun(singular));
        // "residents of Wilnecote and Fazeley", "the deputy mayor of
        // Rupanyup": only places have these.
        let dwellers = matches!(
            noun,
            "residents" | "inhabitants" | "villagers" | "townspeople" | "mayor" | "mayors"
        );
        // "the deputy mayor of Wallup, Jo Hart": one town names no list.
        let one = is_settlement_singular(noun);
        if !(settlement || dwellers) || (one && of + 1 != first) {
            return false;
        }
        // "Residents of Wilnecote and Fazeley objected": at a sentence's
        // start the list is one run, and each of its names is a place.
        let mut taught = false;
        let mut item = first;
        for end in first..=last {
            if end == last || matches!(self.word(end), "and" | "or") {
                taught |= self.settlement(item, end, lexicon);
                item = end + 1;
            }
        }
        taught
    }

    /// Teaches the words `first..last` as a place named by its settlement
    /// noun, if they are a name in no list of at most three words.
    fn settlement(&self, first: usize, last: usize, lexicon: &mut Lexicon<'t>) -> bool {
        if first >= last
            || last - first > 3
            || self.has_hit_within(first, last)
            || (first..last).any(|i| self.has(i, cues::HEAD | cues::TITLE))
        {
            return false;
        }
        let name = self.span(first, last);
        lexicon.add(name, Known::new(name, EntityKind::Place, Strength::Context));
        true
    }

    /// Returns true if and only if `word` stands somewhere in the text
    /// right after a capitalised word that is neither a function word nor
    /// an English word: a surname ("Kazenga LuaLua"), not a brand after
    /// the word that opens its sentence ("Rival QuantumScape").
    fn ends_a_personal_name(&self, word: &str) -> bool {
        cues::texts_before(self.text, word).any(|before| {
            // ("Ray S. AbuZayyad": an initial counts.)
            let given = super::text::last_word(before.trim_end_matches('.'));
            cues::is_name_word(given) && !self.gaz.is_common_word(given)
        })
    }

    /// The word "of" right before word `first`, or before the list of
    /// names that word `first` ends ("of Wilnecote, Fazeley and Hopwas":
    /// items of one to three capitalised words, joined by ", ", " and ",
    /// " or " or ", and ").
    fn of_before_list(&self, first: usize) -> Option<usize> {
        let gap = |a: usize| &self.text[self.words[a].end..self.words[a + 1].start];
        let mut item = first;
        for _ in 0..MAX_LISTED_PLACES {
            let prev = item.checked_sub(1)?;
            if self.word(prev) == "of" && gap(prev) == " " {
                return Some(prev);
            }
            // Back over the joiner to the last word of the item before.
            let mut end = prev;
            if matches!(self.word(prev), "and" | "or") && gap(prev) == " " {
                end = prev.checked_sub(1)?;
                if !matches!(gap(end), " " | ", ") {
                    return None;
                }
            } else if gap(prev) != ", " {
                return None;
            }
            if !self.words[end].capitalized {
                return None;
            }
            item = end;
            while end - item < 2
                && item > 0
                && self.words[item - 1].capitalized
                && gap(item - 1) == " "
            {
                item -= 1;
            }
        }
        None
    }

    /// "ASHWORTH - Councillors …", "Eastbury, Kent, March 3 -": a name in
    /// no list that opens a dateline is a place. A name of two or three
    /// words counts only before a comma, so a byline's "Ana Ruiz -
    /// Reporter" stays a person.
    fn dateline_place(&self, first: usize, last: usize, lexicon: &mut Lexicon<'t>) -> bool {
        let (start, end) = (self.words[first].start, self.words[last - 1].end);
        let shaped = last - first == 1 || (last - first <= 3 && self.text[end..].starts_with(", "));
        if !shaped
            || self.has_hit_within(first, last)
            || (first..last).any(|i| self.has(i, cues::HEAD | cues::TITLE))
            || !super::places::is_dateline(self.text, start, end)
        {
            return false;
        }
        let surface = self.span(first, last);
        // "ASHWORTH - Councillors in Ashworth": a shouted one-word place is
        // named as the text spells it elsewhere.
        let spelled = (last - first == 1 && !surface.chars().any(char::is_lowercase))
            .then(|| {
                (0..self.words.len())
                    .map(|i| self.word(i))
                    .find(|w| w.eq_ignore_ascii_case(surface) && w.chars().any(char::is_lowercase))
            })
            .flatten();
        let name = spelled.unwrap_or(surface);
        for surface in [Some(surface), spelled].into_iter().flatten() {
            lexicon.add(
                surface,
                Known::new(name, EntityKind::Place, Strength::Context),
            );
        }
        true
    }

    /// The gazetteer hit that covers exactly the words `first..last`, if
    /// any.
    pub(super) fn hit_spanning(&self, first: usize, last: usize) -> Option<&Hit<'_>> {
        let hit = &self.hits[self.known[first]?];
        (hit.start == self.words[first].start && hit.end == self.words[last - 1].end).then_some(hit)
    }

    /// Returns true if and only if a gazetteer hit lies within the words,
    /// even inside one of them ("Latvian" in "Latvian-led").
    pub(super) fn has_hit_within(&self, first: usize, last: usize) -> bool {
        let (start, end) = (self.words[first].start, self.words[last - 1].end);
        let i = self.hits.partition_point(|h| h.end <= start);
        self.hits.get(i).is_some_and(|h| h.start < end)
    }

    /// The country a leading demonym or country name gives ("Russian Navy").
    fn country_of(&self, first: usize) -> Option<&'static str> {
        let hit = self.hits.get(self.known[first]?)?;
        matches!(hit.entry.role, Role::Demonym | Role::Name)
            .then_some(hit.entry.country)
            .flatten()
    }
}

/// Returns true if and only if `noun`, before "of", names one settlement
/// ("the town of", "the mayor of"), not several ("the towns of",
/// "residents of").
fn is_settlement_singular(noun: &str) -> bool {
    noun == "mayor" || (cues::is_settlement_noun(noun) && !noun.ends_with('s'))
}
