//! People: names that titles, bylines, speech, coordination and the shape
//! of a personal name reveal ("Foreign Minister Baiba Braze", "By Maxime
//! Marquette", "Okonkwo said", "Zelensky and Sybiha", "Rustem Umerov").

use super::{Context, next_word};
use crate::entities::EntityKind;
use crate::entities::cues;
use crate::entities::resolve::{Known, Lexicon, Strength};
use crate::entities::text::{Run, first_word, is_connector, last_word, opens_line};

/// The most words of a body named before a person's title.
const MAX_BODY_BEFORE_TITLE: usize = 5;

impl<'t> Context<'t, '_, '_> {
    /// "By Maxime Marquette, columnist", "Author: Daria Shekina".
    pub(super) fn byline(&self, run: Run, lexicon: &mut Lexicon<'t>) -> bool {
        let start = self.words[run.first].start;
        // Every label below ends in a colon or in " by"; a wire's credit
        // may list a second name after "and".
        let before_run = self.text[..start].trim_end();
        let second = before_run.ends_with(" and");
        let after_label = before_run.ends_with(':')
            || before_run.ends_with(" by")
            || second
            || (opens_line(self.text, start) && self.contact_name(run, before_run, ""));
        if self.word(run.first) != "By" && !after_label {
            return false;
        }
        let before = line_prefix(self.text, start);
        let by = self.word(run.first) == "By" && before.trim().is_empty();
        // The clause before the name: "Reporting by", "Editing by",
        // "Additional reporting by" credit people.
        // A wire's credit often stands in brackets: "(Reporting by …".
        let mut clause = before
            .rsplit([';', '.', '|'])
            .next()
            .unwrap_or_default()
            .trim()
            .trim_start_matches(['(', '[']);
        // The first of two names is one name of at most three words.
        let one_name = |first: &str| {
            let first = first.strip_suffix(" and").unwrap_or(first);
            // "Reporting by Karla Dizon in Manila and": where the first
            // name reported from is no part of it.
            let first = first
                .rsplit_once(" in ")
                .filter(|(_, place)| place.starts_with(char::is_uppercase))
                .map_or(first, |(name, _)| name);
            !first.contains(',') && (1..=3).contains(&first.split_whitespace().count())
        };
        // "By Kwame Asante and Lucia Ferraro": a byline's second name.
        let byline_second = second
            && before.trim_start().starts_with("By ")
            && clause.strip_prefix("By ").is_some_and(one_name);
        if second && !byline_second {
            // "Reporting by Tom Hale and": the label before the first name.
            let Some((label, first)) = clause.split_once(" by ") else {
                return false;
            };
            if !one_name(first) {
                return false;
            }
            clause = &clause[..label.len() + " by".len()];
        }
        // A credit is a short capitalised label: "Additional reporting by".
        let credit = clause.ends_with(" by")
            && clause.starts_with(char::is_uppercase)
            && clause.split_whitespace().count() <= 3
            && !clause.contains(',');
        // "Reporting by Tom Hale; Editing by Mark Potter": a wire's credit
        // names people, whose surnames may be English words.
        let wire_credit = credit
            && matches!(
                first_word(clause),
                "Reporting" | "Editing" | "Writing" | "Additional" | "Compiled"
            );
        let label = matches!(clause, "Author:" | "By:")
            || self.contact_name(run, before_run, clause)
            || (credit && !second)
            || wire_credit
            || byline_second;
        let mut name_first = if by { run.first + 1 } else { run.first };
        // "By Dr. Helena Marchetti": the title is no part of the name.
        while name_first < run.last && self.is_title(name_first) {
            name_first += 1;
        }
        if !(by || label) || name_first >= run.last {
            return false;
        }
        let named = self.byline_name(name_first, run.last)
            || (wire_credit && self.credited_name(name_first, run.last));
        if !named {
            return false;
        }
        let name = self.span(name_first, run.last);
        lexicon.add(name, Known::new(name, EntityKind::Person, Strength::Cue));
        true
    }

    /// Returns true if and only if `run` opens the line right under a
    /// contact label, alone or before a comma and a short role ("Media
    /// contact:" over "Sophie Marchetti" or "Tom Whitcombe, Senior Media
    /// Officer"): the first line of a contact block names whom to contact.
    /// The label's colon may be left out on a line of a label alone ("Media
    /// contact"). `before_run` is the text before the run, trimmed;
    /// `clause` the run's line before it.
    fn contact_name(&self, run: Run, before_run: &str, clause: &str) -> bool {
        const LABELS: &[&str] = &["contact", "contacts", "enquiries", "inquiries"];
        /// The most words of a label written without its colon.
        const BARE_LABEL_WORDS: usize = 3;
        /// The longest role after the name's comma.
        const MAX_ROLE: usize = 60;
        /// The longest label line, in bytes.
        const MAX_LABEL_LINE: usize = 40;
        // Most runs stand under a paragraph: its length rules it out before
        // anything reads it.
        let label_line = before_run.rsplit('\n').next().unwrap_or_default();
        if !clause.is_empty() || label_line.len() >= MAX_LABEL_LINE {
            return false;
        }
        let rest_of_line = self.text[self.words[run.last - 1].end..]
            .split('\n')
            .next()
            .unwrap_or_default()
            .trim();
        let ends_line = rest_of_line.is_empty()
            || rest_of_line
                .strip_prefix(',')
                .is_some_and(|role| role.len() <= MAX_ROLE && !role.contains(['.', ',']));
        let is_label = |line: &str| {
            let label = match line.strip_suffix(':') {
                Some(label) => label,
                None if line.split_whitespace().count() <= BARE_LABEL_WORDS => line,
                None => return false,
            };
            LABELS.iter().any(|word| {
                label
                    .get(label.len().saturating_sub(word.len())..)
                    .is_some_and(|end| end.eq_ignore_ascii_case(word))
            })
        };
        ends_line && (is_label(label_line) || self.in_contact_block(run, before_run, is_label))
    }

    /// Returns true if and only if `run`, alone on its line or before a
    /// short role, is a name in a block of contacts: a way to reach
    /// someone (an e-mail or web address, a telephone number) in the three
    /// lines below it, and a contact label among the short lines above it
    /// ("Media contacts" over "Embraer", "Mariana Albuquerque", "Corporate
    /// Communications", "mariana@…"; the next contact's name stands under
    /// the first one's lines).
    fn in_contact_block(
        &self,
        run: Run,
        before_run: &str,
        is_label: impl Fn(&str) -> bool,
    ) -> bool {
        /// The longest line of a contact block, in bytes: a longer one is
        /// prose, and the block ends there.
        const MAX_BLOCK_LINE: usize = 80;
        const LINES_ABOVE: usize = 12;
        const LINES_BELOW: usize = 3;
        // (The rest of the run's line, empty or a short role after a comma,
        // "Réka Balogh, Head of Press Office", is read by the caller.)
        let mut below = self.text[self.words[run.last - 1].end..].split('\n');
        below.next();
        // (Cleaning may set each short line apart as a paragraph of its own.)
        let reachable = below
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .take(LINES_BELOW)
            .any(crate::corpus::structure::is_contact_line);
        reachable
            && before_run
                .rsplit('\n')
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .take(LINES_ABOVE)
                .take_while(|line| line.len() <= MAX_BLOCK_LINE)
                .any(is_label)
    }

    /// "Foreign Minister Baiba Braze", "Minister of Strategic Industries
    /// Oleksandr Kamyshin", "coach Damien Duff": the words after the last
    /// title, or the last two after a department ("of …").
    pub(super) fn titled_person(
        &self,
        first: usize,
        last: usize,
        lexicon: &mut Lexicon<'t>,
    ) -> bool {
        // "Labour Minister Dennis Lord": a title word after a given name
        // that ends the run is a surname. So it is after a name the lists
        // and the dictionary do not know, itself after a title ("MP Oona
        // King"): the first title leaves that name no surname otherwise.
        let unknown_name_after_a_title = |i: usize| {
            i > first
                && self.is_title(i - 1)
                && !self.is_title(i)
                && !self.is_common(i)
                && self.known[i].is_none()
        };
        let surname = |i: usize| {
            i + 1 == last
                && i > first
                && (cues::is_given_name(self.word(i - 1)) || unknown_name_after_a_title(i - 1))
        };
        let title = (first..last)
            .rev()
            .find(|&i| self.is_title(i) && !surname(i));
        let mut name_first = match title {
            Some(t) => t + 1,
            None if self.after_role_noun(first) || self.apposed_to_a_role(first, last) => first,
            // "Novelist Zadie Smith was praised": a role noun that opens
            // the sentence, capitalised by it, before a name of two words
            // or more, as "the novelist Zadie Smith" is.
            None if last - first >= 3
                && self.words[first].sentence_start
                && self.words[first].capitalized
                && self.role_noun(first) =>
            {
                first + 1
            }
            None => return false,
        };
        // "King Street West", "Queen Square": a street's word after the
        // title word makes the run a street's name ("Governor Park Min-seo"
        // is a person).
        let street = |i: usize| {
            matches!(
                self.word(i),
                "Street" | "Road" | "Avenue" | "Boulevard" | "Square" | "Lane"
            )
        };
        if title.is_some() && (name_first..last).any(street) {
            return false;
        }
        // "the Association of Chief Fire Officers": words after a title
        // that end in a plural role and open with no given name are a body
        // of people, not one person ("Coach Brian Masters" is one).
        let plural_role = self
            .word(last - 1)
            .to_lowercase()
            .strip_suffix('s')
            .is_some_and(cues::is_role_noun);
        if title.is_some()
            && last - name_first >= 2
            && plural_role
            && !cues::is_given_name(self.word(name_first))
        {
            return false;
        }
        // "the MP for Grantham and Stamford": after a member's letters,
        // "for" names a seat, not a person.
        let member_letters = title.is_some_and(|t| cues::is_postnominal(self.word(t)));
        if member_letters && name_first < last && self.word(name_first) == "for" {
            return false;
        }
        // "Mr van Gogh", "Mr de Vries": a name particle after a personal
        // title opens the surname, as it does after a given name.
        let particle_opens = title.is_some_and(|t| self.has(t, cues::ABBREVIATED_TITLE))
            && name_first + 1 < last
            && cues::is_name_particle(self.word(name_first));
        if name_first < last && is_connector(self.word(name_first)) && !particle_opens {
            if last < name_first + 4 {
                return false;
            }
            name_first = last - 2;
            // "Minister of Planning and Investment Le Quang Vinh": a name of
            // three or four words no list knows and no dictionary has.
            while name_first > last - 4
                && self.words[name_first - 1].capitalized
                && !self.is_common(name_first - 1)
                && self.known[name_first - 1].is_none()
                && !is_connector(self.word(name_first - 1))
            {
                name_first -= 1;
            }
            // "the Minister for Health and Welfare": a department's name
            // joined by "and" ends the run; no name follows it.
            if (name_first..last).any(|i| matches!(self.word(i), "and" | "&")) {
                return false;
            }
        }
        // "Chief Executive Officer of Kestrel Bio", "Chief Financial
        // Officer": words after a title that end in a role are more of the
        // title ("golfer Gary Player" opens with a given name).
        if name_first < last
            && cues::is_role_noun(&self.word(last - 1).to_lowercase())
            && !cues::is_given_name(self.word(name_first))
        {
            return false;
        }
        // "Queen Street", "Prince Albert Bridge": a street or a bridge named
        // after a royal or a bishop is a place.
        let royal = title.is_some_and(|t| {
            matches!(
                self.word(t),
                "King" | "Queen" | "Prince" | "Princess" | "Duke" | "Duchess" | "Bishop"
            )
        });
        if royal && self.has(last - 1, cues::PLACE_HEAD) {
            return false;
        }
        let len = self.names_but_particles(name_first, last);
        // "Councillor Morag Lindsay": a surname may be the short form of a
        // listed company ("Lindsay" for Lindsay Corporation) after a given
        // name the lists do not know.
        let company_surname = |i: usize| {
            i + 1 == last
                && i > name_first
                && self.known[name_first].is_none()
                && self.known[i].is_some_and(|h| self.hits[h].entry.kind == EntityKind::Company)
        };
        // "Health Secretary Victoria Atkins", "Senator Jordan Hale": a
        // given name that the lists know as a place opens a name of two
        // words or more.
        let given_place = |i: usize| {
            i == name_first
                && i + 1 < last
                && cues::is_given_name(self.word(i))
                && self.hit_spanning(i, i + 1).is_some_and(|hit| {
                    matches!(hit.entry.kind, EntityKind::Place | EntityKind::Country)
                })
        };
        if !(1..=4).contains(&len)
            || (name_first..last).any(|i| {
                self.known[i].is_some()
                    && !company_surname(i)
                    && !given_place(i)
                    && !self.after_a_particle(name_first, i)
            })
        {
            return false;
        }
        let foreign = |i: usize| {
            let w = self.word(i);
            self.has(i, cues::HEAD) || (is_connector(w) && !cues::is_name_particle(w))
        };
        if (name_first..last).any(foreign) || cues::is_name_particle(self.word(last - 1)) {
            return false;
        }
        // "chief FX strategist", "head of IT": a short word in capitals
        // alone is what the role is about, not who holds it.
        let word = self.word(name_first);
        if last == name_first + 1 && word.len() <= 4 && word.bytes().all(|b| b.is_ascii_uppercase())
        {
            return false;
        }
        // "MP Materials said": a title before one ordinary word that is no
        // surname opens another name. "the Criminal Justice Bill": a
        // title comes before a surname, not a given name alone, unless it
        // is a title of rank ("Sir Alan", "Queen Elizabeth").
        if last == name_first + 1 {
            let word = self.word(name_first);
            let surname = cues::is_surname(word);
            let rank = title.is_some_and(|t| {
                matches!(
                    self.word(t),
                    "Sir"
                        | "Dame"
                        | "King"
                        | "Queen"
                        | "Prince"
                        | "Princess"
                        | "Pope"
                        | "Sheikh"
                        | "Emperor"
                        | "Lord"
                        | "Archbishop"
                        | "Rabbi"
                        | "Imam"
                )
            });
            // ("Mr Mates": a personal title makes a surname of any word.)
            let personal = title.is_some_and(|t| self.has(t, cues::ABBREVIATED_TITLE));
            let given_alone = !rank && cues::is_given_name(word) && !surname;
            let word_alone = !personal && self.is_common(name_first) && !surname;
            if given_alone || word_alone {
                return false;
            }
        }
        // "Lord Bach", "Baroness Hale": a peer is named by the title and
        // one name.
        let peer = title.filter(|&t| {
            t + 1 == name_first
                && last == name_first + 1
                && matches!(self.word(t), "Lord" | "Baroness" | "Lady")
        });
        let name = self.span(peer.unwrap_or(name_first), last);
        lexicon.add(name, Known::new(name, EntityKind::Person, Strength::Cue));
        if let Some(t) = title {
            self.body_before_title(first, t, lexicon);
        }
        true
    }

    /// "Refugee Council Chief Executive Maeve Sherlock": the words before
    /// a person's title that end in a body's head word are the body the
    /// title is held in.
    fn body_before_title(&self, first: usize, title: usize, lexicon: &mut Lexicon<'t>) {
        let mut title_start = title;
        while title_start > first && self.is_title(title_start - 1) {
            title_start -= 1;
        }
        if title_start == first
            || title_start - first > MAX_BODY_BEFORE_TITLE
            || !self.has(title_start - 1, cues::ORG_HEAD)
            // ("Interior Cabinet Secretary": the cabinet is the title's.)
            || self.word(title_start - 1) == "Cabinet"
            || self.has_hit_within(first, title_start)
            || !(first..title_start).all(|i| self.words[i].capitalized)
        {
            return;
        }
        let body = self.span(first, title_start);
        lexicon.add(
            body,
            Known::new(body, EntityKind::Organization, Strength::Cue),
        );
    }

    /// Returns true if and only if a speaker named after "said" can end
    /// at byte `end`: the clause ends there, or goes on with who the
    /// speaker is or when they spoke ("said Jo Hart, the mayor", "said Jo
    /// Hart on Monday", "said Jo Hart (Labour)"), not with more names of
    /// a list ("said Muslim, Jewish and Christian schools").
    fn ends_the_speaker(&self, end: usize) -> bool {
        let rest = &self.text[end..];
        if let Some(after_comma) = rest.strip_prefix(", ") {
            let item = first_word(after_comma);
            let listed = item.starts_with(char::is_uppercase)
                && [" and ", " or ", ", "]
                    .iter()
                    .any(|gap| after_comma[item.len()..].starts_with(gap));
            return !listed;
        }
        match rest.strip_prefix(' ') {
            Some(more) => {
                more.starts_with(['(', '-', '–', '—'])
                    || matches!(
                        first_word(more),
                        "on" | "in"
                            | "at"
                            | "yesterday"
                            | "today"
                            | "last"
                            | "this"
                            | "after"
                            | "before"
                            | "when"
                            | "while"
                            | "who"
                            | "as"
                            | "of"
                            | "from"
                            | "to"
                            | "during"
                            | "earlier"
                            | "later"
                            | "told"
                            | "and"
                    )
            }
            None => true,
        }
    }

    /// Returns how many of the words `first..last` are no name particle:
    /// particles ("da", "van den") sit inside a name without counting.
    fn names_but_particles(&self, first: usize, last: usize) -> usize {
        (first..last)
            .filter(|&i| !cues::is_name_particle(self.word(i)))
            .count()
    }

    /// Returns true if and only if a name particle stands between word
    /// `first` and word `i` of a name: what follows it is a surname, even
    /// a place's or a firm's name ("Ana Lúcia dos Santos", "Rafael de
    /// Souza Lima").
    pub(super) fn after_a_particle(&self, first: usize, i: usize) -> bool {
        (first + 1..i).any(|p| cues::is_name_particle(self.word(p)))
    }

    /// Returns true if and only if a lower-case role noun ("coach",
    /// "striker") stands right before word `i`.
    pub(super) fn after_role_noun(&self, i: usize) -> bool {
        i > 0 && self.gap_before(i) == " " && self.role_noun(i - 1)
    }

    /// "The leader of the council, Cammy Day, said", "its chief
    /// executive, Laura Menendez, told": two or three words set off by
    /// commas after a short phrase that names a role.
    pub(super) fn apposed_to_a_role(&self, first: usize, last: usize) -> bool {
        let names = self.names_but_particles(first, last);
        if !(2..=3).contains(&names) || last - first > 5 {
            return false;
        }
        let after = &self.text[self.words[last - 1].end..];
        let Some(before) = self.text[..self.words[first].start]
            .trim_end()
            .strip_suffix(',')
        else {
            return false;
        };
        if !(after.starts_with(',') || after.starts_with(" said")) {
            return false;
        }
        let phrase = before
            .rsplit(['.', ',', ';', ':', '(', '\n', '"', '“'])
            .next()
            .unwrap_or_default();
        let words: Vec<&str> = phrase.split_whitespace().collect();
        words.len() <= 6
            && words.iter().any(|w| {
                let w = w.trim_end_matches("'s").trim_end_matches("’s");
                w.chars().all(|c| c.is_ascii_lowercase()) && cues::is_role_noun(w)
            })
    }

    /// Returns true if and only if word `i` is a role noun, lower-case or
    /// capitalised by its sentence start ("Striker Aoife Brennan"), or the
    /// lower-case plural of one that lists people ("captains").
    pub(super) fn role_noun(&self, i: usize) -> bool {
        let word = self.word(i);
        if !self.words[i].capitalized {
            return cues::is_role_noun(word) || cues::is_plural_role_noun(word);
        }
        self.words[i].sentence_start
            && word.is_ascii()
            && cues::lowered(word, &mut [0; 24]).is_some_and(cues::is_role_noun)
    }

    /// Names in no list, from the words around them: business verbs make a
    /// company; speech and agent verbs, "according to", and the shape of a
    /// personal name make a person.
    pub(super) fn person_from_context(&self, first: usize, last: usize, lexicon: &mut Lexicon<'t>) {
        if (first..last).any(|i| self.known[i].is_some() && !self.after_a_particle(first, i))
            || self.names_but_particles(first, last) > 4
        {
            return;
        }
        // "Santa Lucia", "San Benedetto", "São Bento": a name that opens
        // with a saint's word is a place's or a church's, not a person's.
        if matches!(
            self.word(first),
            "San" | "Santa" | "Santo" | "São" | "Sankt" | "Sainte" | "Sant"
        ) {
            return;
        }
        // "St Patrick's Athletic": the name goes on after the possessive,
        // to a head word; "Alan Bennett's The History Boys" is a person's
        // work (see `possessive`: no name holds "The" there, and no place
        // is named after a given name and a surname).
        let named_person = last - first == 2 && cues::is_given_name(self.word(first));
        let headed_after = || {
            self.words
                .get(last)
                .is_some_and(|_| self.word(last) != "The")
                && (last..self.words.len().min(last + 4))
                    .take_while(|&i| self.words[i].capitalized)
                    .any(|i| {
                        self.has(i, cues::HEAD) || (!named_person && self.has(i, cues::PLACE_HEAD))
                    })
        };
        let continues = self.words[last - 1].possessive
            && self.words.get(last).is_some_and(|w| {
                let gap = &self.text[self.words[last - 1].end..w.start];
                w.capitalized && matches!(gap, "'s " | "’s ")
            })
            && headed_after();
        if continues || self.people_of_a_place(first, last) {
            return;
        }
        let name = self.span(first, last);
        // "Simon & Schuster", "Marks & Spencer": no one person's name holds
        // an ampersand; two names joined by one are a firm's.
        if name.contains(" & ") {
            if last - first == 2 && !(first..last).any(|i| self.has(i, cues::HEAD)) {
                lexicon.add(
                    name,
                    Known::new(name, EntityKind::Company, Strength::Context),
                );
            }
            return;
        }
        let after = next_word(self.text, self.words[last - 1].end);
        let before = self.text[..self.words[first].start].trim_end();
        let all_caps = name.chars().all(|c| !c.is_lowercase());
        // "the Hang Seng index": a market's index is named after no person;
        // nor is "the journal Nature Geoscience".
        if matches!(after, "index" | "indices" | "indexes")
            || matches!(last_word(before), "journal" | "journals")
        {
            return;
        }
        // "Shares of Booz Allen rose", "shares in Westons": only a company
        // has shares.
        let shares_of = matches!(last_word(before), "of" | "in") && {
            let rest = before[..before.len() - 2].trim_end();
            last_word(rest).eq_ignore_ascii_case("shares")
        };
        // "Kepler Cheuvreux analyst Sanne Visser", "Halot shares jumped":
        // only a firm has analysts and shares.
        // ("Chief economist Lena Fischer": a title is no firm.)
        let firm_shaped = (first..last).any(|i| !self.is_common(i))
            && !(first..last).any(|i| self.has(i, cues::TITLE | cues::ABBREVIATED_TITLE));
        // ("Telecom analysts": a sector's word alone names the field.)
        let sector = last - first == 1 && self.has(first, cues::COMPANY_SUFFIX);
        let staff = cues::is_staff_noun(after)
            && after != "officials"
            && !cues::is_field_abbreviation(name)
            && !sector;
        let traded = matches!(after, "shares" | "stock") && {
            let at = self.words[last - 1].end + 1 + after.len();
            cues::is_market_move(next_word(self.text, at))
        };
        // A business verb after the name, or "shares of" before it, makes
        // a firm; but "In Asian markets", "European exports rose", "shares
        // in Anglo-Swedish drug firm…": a people's adjective before a noun
        // is no firm, even where the noun is spelt as a business verb.
        // ("Asian shares fell": a people's shares are a market's.)
        let peoples = || {
            last - first == 1
                && after.starts_with(|c: char| c.is_lowercase())
                && (self.is_peoples_adjective(name)
                    || (matches!(after, "markets" | "exports" | "ships" | "supplies")
                        && cues::is_demonym_shaped(name)))
        };
        let does_business = (cues::is_business_verb(after) || shares_of) && !peoples();
        if does_business || (firm_shaped && (staff || traded && !peoples())) {
            lexicon.add(
                name,
                Known::new(name, EntityKind::Company, Strength::Context),
            );
            return;
        }
        let some_uncommon = (first..last).any(|i| !self.is_common(i));
        // Capitalised mid-sentence, an English word is a name all the same
        // ("Swift told the crowd").
        let after_article = {
            let prev = last_word(before);
            matches!(prev, "the" | "a" | "an" | "its" | "their")
        };
        // "the Treasury said", "the Commission said": an article or a head
        // word says it is no person.
        let name_like = (some_uncommon || !self.words[first].sentence_start)
            && !after_article
            && !(first..last).any(|i| self.has(i, cues::HEAD | cues::TITLE));
        // "Nguyen Thi Lan Anh, director general of…": four names are a
        // person's only with a role or a speech verb after them; there the
        // last two may be words too ("Pham Thi Thu Hang").
        let shaped = self.name_shaped(first, last)
            || (last - first == 4
                && self.name_shaped(first, first + 2)
                && (first + 2..last).all(|i| {
                    self.words[i].capitalized
                        && self.known[i].is_none()
                        && !self.has(i, cues::HEAD | cues::TITLE)
                })
                && (self.person_cue_after(last) || self.role_after_comma(last)));
        // "according to" also introduces companies and agencies: only a
        // name of two words or more reads as a person there.
        // "Islanders on Mull and Islay said": a second name after a
        // preposition is its object, and who speaks came before.
        let object_of_a_preposition = before
            .strip_suffix(" and")
            .or_else(|| before.strip_suffix(" or"))
            .is_some_and(|rest| {
                let other = last_word(rest);
                let preposition = last_word(rest[..rest.len() - other.len()].trim_end());
                other.starts_with(char::is_uppercase)
                    && matches!(
                        preposition,
                        "in" | "on" | "at" | "near" | "from" | "of" | "across" | "around"
                    )
            });
        // "residents in Cloghane said": a name right after a preposition
        // of place is where they are, not who speaks.
        let object_of_a_preposition = object_of_a_preposition
            || matches!(last_word(before), "in" | "near" | "across" | "around");
        let speech = (cues::is_agent_verb(after) && !object_of_a_preposition)
            || (before.ends_with("according to") && last - first >= 2)
            // "said Peter Costello.", not "said Labour had a plan": one
            // word followed by its own verb is what was said, and so is a
            // name that runs on ("said Hereford hospital was struggling",
            // "said Muslim, Jewish and Christian schools").
            || (before.ends_with(" said")
                && !(last - first == 1 && is_finite_verb(after))
                && self.ends_the_speaker(self.words[last - 1].end));
        // "Maria da Silva said": a particle inside a name keeps its case.
        let capitalized = (first..last).all(|i| {
            self.words[i].capitalized
                || (i > first && i + 1 < last && cues::is_name_particle(self.word(i)))
        });
        // "Codelco said output at its mine fell": a speaker without a title
        // that has an "its" in what it says, and no "he" or "she", is a
        // company.
        let titled = (first..last).any(|i| self.has(i, cues::TITLE | cues::ABBREVIATED_TITLE));
        if speech
            && capitalized
            && !titled
            && !after_article
            && cues::is_agent_verb(after)
            && speaks_of_its_own(self.text, self.words[last - 1].end)
            // A surname said by a person named in full elsewhere ("Ed
            // Miliband … Miliband said the government would publish its")
            // is no company.
            && !cues::ends_a_longer_name(self.text, name)
        {
            // An ordinary word ("Treasury") may be an agency as well.
            if some_uncommon {
                lexicon.add(
                    name,
                    Known::new(name, EntityKind::Company, Strength::Context),
                );
            }
            return;
        }
        let capital_speaks = last - first == 1
            && self
                .gaz
                .exact(name)
                .is_some_and(|e| e.role == crate::entities::gazetteer::Role::Capital)
            && cues::speaks_for_its_government(self.text, name, self.words[last - 1].end);
        // "House prices rose, Nationwide said": a lone English word that
        // speaks, ends no name the text gives in full and is no "he" or
        // "she" is as likely a firm or a body as a person: left unsaid.
        let lone_word_speaks = last - first == 1
            && (self.is_common(first) || self.plural_of_people(first))
            && !cues::is_given_name(name)
            // "Royal Mail … Mail said": a word that ends a longer name is
            // its surname only if people bear it.
            && (!cues::ends_a_longer_name(self.text, name) || !cues::is_surname(name))
            && !says_he_or_she(self.text, self.words[last - 1].end);
        // "South Korea's HMM said", "the port authority APS said": a lone
        // acronym no list knows that speaks in running text (the verb in
        // lower case: no all-caps headline) is a body or a firm; so is one
        // whose staff are named after it ("KGHM chief executive Anna
        // Nowak").
        let speaks = speech
            && cues::is_agent_verb(after)
            && after.starts_with(|c: char| c.is_ascii_lowercase());
        let acronym_is_a_body = last - first == 1
            && (2..=6).contains(&name.len())
            && name.bytes().all(|b| b.is_ascii_uppercase())
            && (speaks || role_before_a_name(self.text, self.words[last - 1].end))
            && !cues::is_thing_acronym(name)
            // ("its README says": a thing that is owned.)
            && !["its", "his", "her", "their", "our", "my", "your"]
                .iter()
                .any(|owner| last_word(before).eq_ignore_ascii_case(owner))
            && !self.words[first].heading;
        if acronym_is_a_body {
            lexicon.add(
                name,
                Known::new(name, EntityKind::Organization, Strength::Context),
            );
            return;
        }
        let given_and_surname_word =
            self.given_and_surname_word(first, last) || self.initials_and_surname(first, last);
        // Read last: most runs that get here do not speak.
        let no_one = || last - first == 1 && self.no_one_alone(first, cues::is_agent_verb(after));
        if speech
            && capitalized
            && !all_caps
            && name_like
            && !capital_speaks
            && !lone_word_speaks
            && !no_one()
        {
            lexicon.add(
                name,
                Known::new(name, EntityKind::Person, Strength::Context),
            );
        } else if (shaped || self.surname_shaped(first, last) || given_and_surname_word)
            && last - first >= 2
            && !self.named_after_a_city(first, last)
            // At a sentence start an English word may be capitalised by
            // its place alone; two or three words that are none ("Chidi
            // Okafor rose") are a name there too, unless the lists know the
            // name as something else (a company, or a town that context
            // ruled out: "Rio Tinto dominated").
            // A given name that is also a word opens one there too ("Harry
            // Kane had given…").
            && (!self.words[first].sentence_start
                || ((shaped
                    || given_and_surname_word
                    || (cues::is_given_name_word(self.word(first))
                        && self.name_shaped(first + 1, last)))
                    && self.gaz.exact(name).is_none()))
            // "its El Teniente mine", "the Quintero Vasco team": no article
            // stands before a person's name.
            && !after_article
            // “Inside Llewyn Davis”: a quotation of capitalised words alone
            // is a title.
            && !fills_a_quotation(self.text, self.words[first].start, self.words[last - 1].end)
        {
            // "in Nova Kakhovka": a location, not a person; "St Mawes",
            // "Saint Agnes": a name that opens with a saint's is a town's
            // (a saint is rarely news; a hospital or church with the name
            // has its head noun and is found before this).
            let place = matches!(last_word(before), "in" | "near" | "outside" | "across")
                || matches!(self.word(first), "St" | "Saint");
            // "published in Science Advances", "writing in Foreign
            // Affairs", "reported in Nature Catalysis that": a journal's
            // name, neither a place nor a person.
            if place && self.names_a_publication(before, self.words[last - 1].end) {
                return;
            }
            let (kind, strength) = if place {
                (EntityKind::Place, Strength::Context)
            } else {
                (EntityKind::Person, Strength::Shape)
            };
            lexicon.add(name, Known::new(name, kind, strength));
        }
    }

    /// Returns true if and only if the name after `before` (which ends in
    /// "in") and ending at byte `end` is where something was published: a
    /// verb of publishing stands before "in" ("published", "writing",
    /// "appeared"), or "reported" does and "that" follows the name (not
    /// "fighting was reported in Nova Kakhovka").
    fn names_a_publication(&self, before: &str, end: usize) -> bool {
        let Some(verb_part) = before.trim_end().strip_suffix("in") else {
            return false;
        };
        match last_word(verb_part.trim_end()) {
            "published" | "publishing" | "writing" | "wrote" | "written" | "appeared"
            | "appears" | "appearing" => true,
            "reported" | "reports" | "report" => self.text[end..].starts_with(" that "),
            _ => false,
        }
    }

    /// Returns true if and only if the two words are a word that is no
    /// given name, then a city or a country ("Bayern Munich", "Dynamo Kyiv", "Sporting
    /// Lisbon"): a club's or a firm's name by its shape, not a person's
    /// ("Jack London"), unless nothing but a person could follow it.
    fn named_after_a_city(&self, first: usize, last: usize) -> bool {
        last - first == 2
            && !cues::is_given_name(self.word(first))
            && self.gaz.exact(self.word(first + 1)).is_some_and(|e| {
                use crate::entities::gazetteer::Role;
                // A city a club would be named after, not a town that shares
                // a surname ("Priya Raman", "Motoyuki Arai").
                match e.role {
                    Role::Capital => true,
                    Role::City => e.population >= 100_000,
                    Role::Name => e.kind == EntityKind::Country,
                    Role::Demonym | Role::Region | Role::Benchmark => false,
                }
            })
            && !self.person_cue_after(last)
    }

    /// Returns true if and only if the words end in the plural of a known
    /// place's people ("Texans", "South Dakotans", "New Yorkers",
    /// "Bostonians"): a state's or a city's residents, not a person. The
    /// place must be a region or hold 100,000 people, so a surname such as
    /// "Sanders" is not read as the people of a hamlet.
    fn people_of_a_place(&self, first: usize, last: usize) -> bool {
        let word = self.word(last - 1);
        if !(word.ends_with("ns") || word.ends_with("ers")) || !word.is_ascii() {
            return false;
        }
        let prefix = &self.text[self.words[first].start..self.words[last - 1].start];
        let stems = [
            word[..word.len() - 2].to_owned(),
            format!("{}s", &word[..word.len() - 2]),
            word[..word.len() - 3].to_owned(),
            word[..word.len() - 4].to_owned(),
            format!("{}a", &word[..word.len() - 4]),
        ];
        let large_place = |name: &str| {
            self.gaz.exact(name).is_some_and(|e| {
                matches!(e.kind, EntityKind::Place | EntityKind::Country)
                    && (e.population == 0 || e.population >= 100_000)
            })
        };
        stems.iter().filter(|s| s.len() >= 4).any(|stem| {
            large_place(stem) || (!prefix.is_empty() && large_place(&format!("{prefix}{stem}")))
        })
    }

    /// "Taylor Swift" where only "Swift told" said Swift is a person: a
    /// run of two or three capitalised words ending in a known person's
    /// single name is that person's full name.
    pub(super) fn full_name_of_known_surname(&self, run: Run, lexicon: &mut Lexicon<'t>) {
        let len = run.last - run.first;
        if !(2..=3).contains(&len) || self.words[run.first].heading {
            return;
        }
        let surname = self.word(run.last - 1);
        if !lexicon.is_person(surname) || (run.first..run.last).any(|i| self.known[i].is_some()) {
            return;
        }
        // "Labour MP Wilmott": the name starts after the last title.
        let after_title = (run.first..run.last)
            .rev()
            .find(|&i| self.is_title(i))
            .map_or(run.first, |t| t + 1);
        let first = self.person_start(run).max(after_title);
        if run.last - first < 2 || (first..run.last).any(|i| self.has(i, cues::HEAD)) {
            return;
        }
        let name = self.span(first, run.last);
        lexicon.add(
            name,
            Known::new(name, EntityKind::Person, Strength::Context),
        );
    }

    /// "Michael Jordan", "Austin Butler": two capitalised words mid-sentence,
    /// one a country or city name and the other no English word nor known
    /// name, make a person rather than a place; so do three or four that
    /// open with a given name and end with one ("Ricardo Fonseca Lima").
    pub(super) fn person_named_like_a_place(
        &self,
        first: usize,
        last: usize,
        lexicon: &mut Lexicon<'t>,
    ) -> bool {
        if !(2..=4).contains(&(last - first)) {
            return false;
        }
        let place_word = |i: usize| {
            self.hit_spanning(i, i + 1).is_some_and(|hit| {
                matches!(hit.entry.kind, EntityKind::Country | EntityKind::Place)
                    && hit.entry.role != crate::entities::gazetteer::Role::Demonym
            })
        };
        let other_word = |i: usize| {
            self.known[i].is_none()
                && !self.is_common(i)
                && !self.has(i, cues::HEAD | cues::TITLE | cues::PLACE_HEAD)
                && self.word(i).chars().any(char::is_lowercase)
        };
        // "Tate Britain", "Tudor England": a country's other name or a
        // nation's region is no surname (Jordan, a country's own name, is).
        let surname_place = |i: usize| {
            place_word(i)
                && self.known[i].is_some_and(|h| {
                    let e = self.hits[h].entry;
                    let alias = e.kind == EntityKind::Country && e.name != self.word(i);
                    let region = e.kind == EntityKind::Place
                        && e.role == crate::entities::gazetteer::Role::Name;
                    !(alias || region)
                })
        };
        // "Jack London", but "Bayern Munich", "Dynamo Kyiv": before a city
        // only a given name, or a person's cue after or role before, makes a
        // person.
        let given = || {
            cues::is_given_name(self.word(first))
                || self.person_cue_after(last)
                || (first > 0 && self.role_noun(first - 1))
        };
        let named = if last - first > 2 {
            // "Ricardo Fonseca Lima", "Ana Paula Santos Lima": a given name,
            // then names no list knows, then a town's name, as Portuguese
            // and Spanish names end; a place's name never opens with a
            // given name or follows "said". A given name the lists lack
            // ("Paulo", "Tiago") needs a speaker's or a role's cue around
            // it. A country after a name is a results table's column
            // ("Carlos Alcaraz Spain"), not a surname.
            let said_before = || {
                let before = self.text[..self.words[first].start].trim_end();
                before.ends_with(" said") || before.ends_with("according to")
            };
            other_word(first)
                && (given() || said_before())
                && (first + 1..last - 1).all(other_word)
                && surname_place(last - 1)
                && self.known[last - 1]
                    .is_some_and(|h| self.hits[h].entry.kind == EntityKind::Place)
        } else {
            let (a, b) = (first, first + 1);
            // "Jamie Holland": a given name in no list and no English word
            // makes a person of any place after it, a country's other name
            // included, at a sentence start too.
            let given_name_first =
                other_word(a) && cues::is_given_name(self.word(a)) && place_word(b);
            // At a sentence start a place may open any sentence ("Jordan
            // Valley farms"); there only what follows says it is a person.
            // "Florence Pugh", but "the Oslo Bors benchmark": a place names
            // a person only as a given name, or with a person's cue after.
            (!self.words[first].sentence_start || self.person_cue_after(last) || given_name_first)
                && ((place_word(a) && other_word(b) && given())
                    || (other_word(a) && surname_place(b) && given())
                    || given_name_first)
        };
        if !named {
            return false;
        }
        let name = self.span(first, last);
        lexicon.add(name, Known::new(name, EntityKind::Person, Strength::Shape));
        true
    }

    /// "John W. Houston", "Ana K. Lima", "George W Bush": a name, an
    /// initial and a name are a person's, even where the lists know the
    /// last word as a town; no place's name holds an initial between two
    /// words.
    pub(super) fn person_with_middle_initial(
        &self,
        first: usize,
        last: usize,
        lexicon: &mut Lexicon<'t>,
    ) -> bool {
        if last - first != 3 {
            return false;
        }
        // ("George W Bush": British style writes it without its period,
        // after a given name the lists know.)
        let initial = self.word(first + 1);
        let is_initial = initial.len() == 1
            && initial.as_bytes()[0].is_ascii_uppercase()
            && (self.words[first + 1].abbreviation || cues::is_given_name(self.word(first)));
        let name_word = |i: usize| {
            let w = self.word(i);
            self.words[i].capitalized
                && w.chars().any(char::is_lowercase)
                && !self.has(i, cues::HEAD | cues::TITLE | cues::PLACE_HEAD)
        };
        // A given name the lists know is at most a town's ("George").
        let given_free = self.known[first].is_none_or(|h| {
            let hit = &self.hits[h];
            hit.entry.kind == EntityKind::Place && hit.end == self.words[first].end
        });
        if !(is_initial && name_word(first) && name_word(last - 1) && given_free) {
            return false;
        }
        let name = self.span(first, last);
        lexicon.add(name, Known::new(name, EntityKind::Person, Strength::Shape));
        true
    }

    /// Returns true if and only if a role opens what follows word `last -
    /// 1` after a comma, with no article (", director general of …").
    pub(super) fn role_after_comma(&self, last: usize) -> bool {
        self.text[self.words[last - 1].end..]
            .strip_prefix(", ")
            .map(first_word)
            .is_some_and(cues::is_role_noun)
    }

    /// Returns true if and only if what follows word `last - 1` says the
    /// words before are a person: a speech verb ("Jordan Baptiste said"),
    /// or an apposition that names a role before any preposition
    /// ("Jordan Baptiste, an economist at Kesteven Bank").
    pub(super) fn person_cue_after(&self, last: usize) -> bool {
        let end = self.words[last - 1].end;
        if cues::is_agent_verb(next_word(self.text, end)) {
            return true;
        }
        super::lists::apposition_words(&self.text[end..]).is_some_and(|words| {
            words
                .take(3)
                .any(|(_, bare)| cues::is_role_noun(bare) || cues::is_staff_noun(bare))
        })
    }

    /// "Zelensky and Sybiha": a single unknown name joined by "and" or "or"
    /// to a known person is a person too.
    pub(super) fn coordinated_person(&self, run: Run, lexicon: &mut Lexicon<'t>) {
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
        // "LaGuardia, John F. Kennedy and Newark-Liberty": a compound that
        // opens with a city or a country is an airport's or a district's
        // name, not a double-barrelled surname ("Murray-Bruce").
        let city_compound = name.split_once('-').is_some_and(|(head, _)| {
            self.gaz.exact(head).is_some_and(|e| {
                e.kind == EntityKind::Country
                    || (e.kind == EntityKind::Place && e.population >= 100_000)
            })
        });
        if lexicon.strength_of(name).is_some()
            || self.known[run.first].is_some()
            || city_compound
            || self.is_common(run.first)
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
    /// to three capitalised words (four of two given names and two
    /// surnames), none an English word, an all-capitals
    /// acronym, a head word or a known name, with name particles between
    /// them ("Sanne de Vries", "Ursula von der Leyen").
    pub fn name_shaped(&self, first: usize, last: usize) -> bool {
        let particle = |i: usize| i > first && i + 1 < last && cues::is_name_particle(self.word(i));
        let names = (first..last).filter(|&i| !particle(i)).count();
        // ("Rafael de Souza Lima": after a given name, a place's name past
        // a particle is a surname; "Alianza Ciudadana de Valencia" is not
        // a person's name.)
        let given = cues::is_given_name(self.word(first));
        // "María José Contreras Saavedra", "Yeison Andrés Muñoz Castaño":
        // Spanish and Portuguese names give two given names and two
        // surnames; four names need a listed given name among the first two.
        let two_given = || {
            names == 4 && last - first == 4 && (given || cues::is_given_name(self.word(first + 1)))
        };
        ((1..=3).contains(&names) || two_given())
            && last - first <= 5
            && (first..last).all(|i| {
                let w = self.word(i);
                if particle(i) {
                    return true;
                }
                self.words[i].capitalized
                    && (self.known[i].is_none() || (given && self.after_a_particle(first, i)))
                    && !self.is_common(i)
                    && !w.chars().all(|c| !c.is_lowercase())
                    && !self.has(i, cues::HEAD)
            })
    }

    /// Returns true if and only if the words after "By" are a writer's
    /// name: shaped like one, or two or three capitalised words whose last,
    /// the surname, is in no list and no English word, though a given name
    /// before it is listed ("By Dana Kowalczyk", Dana being a company; not
    /// "By Reuters Staff"), or whose first word is a given name ("By
    /// Catherine Moss").
    fn byline_name(&self, first: usize, last: usize) -> bool {
        let listed_given_name = (2..=3).contains(&(last - first))
            && !self.is_common(last - 1)
            && self.known[last - 1].is_none()
            && (first..last).all(|i| {
                self.words[i].capitalized
                    && self.word(i).chars().any(char::is_lowercase)
                    && !self.has(i, cues::HEAD)
            });
        // "By Catherine Moss": a given name makes a person of a surname
        // that is also a word.
        let given_name_first = (2..=3).contains(&(last - first))
            && cues::is_given_name(self.word(first))
            && (first + 1..last).all(|i| {
                self.words[i].capitalized
                    && self.known[i].is_none()
                    && !self.has(i, cues::HEAD | cues::TITLE)
            });
        listed_given_name || given_name_first || self.name_shaped(first, last)
    }

    /// Returns true if and only if the words may be the name a credit gives:
    /// two or three capitalised words, English words or not, none a head
    /// word, a title or a known name.
    fn credited_name(&self, first: usize, last: usize) -> bool {
        (2..=3).contains(&(last - first))
            && (first..last).all(|i| {
                self.words[i].capitalized
                    && self.word(i).chars().any(char::is_lowercase)
                    && self.known[i].is_none()
                    && !self.has(i, cues::HEAD | cues::TITLE)
            })
    }

    /// Returns true if and only if the words may be a personal name even if
    /// some are English words ("Alan Lamb"): two or three capitalised words,
    /// one at least no English word, none a head word or a known name.
    pub(super) fn person_like(&self, first: usize, last: usize) -> bool {
        (2..=3).contains(&(last.saturating_sub(first)))
            && (first..last).any(|i| !self.is_common(i))
            && (first..last).all(|i| {
                let w = self.word(i);
                self.words[i].capitalized
                    && self.known[i].is_none()
                    && !w.chars().all(|c| !c.is_lowercase())
                    && !self.has(i, cues::HEAD)
            })
    }

    /// Returns true if and only if word `i`, alone, names no person by its
    /// form: a party ("Labour said", "Tories"), a weekday, a people
    /// ("Israelis described"), an acronym's plural ("MPs urged"), a
    /// compound of ordinary words ("Three-quarters said") or a town the
    /// lists know that is no surname or given name, before its verb
    /// (`verb_after`: "Halifax said", "Portsmouth claimed": a firm or a
    /// club named after it speaks; "said Kettering" ends a quotation).
    fn no_one_alone(&self, i: usize, verb_after: bool) -> bool {
        use crate::entities::gazetteer::Role;
        let word = self.word(i);
        let party = matches!(
            word,
            "Labour"
                | "Tory"
                | "Tories"
                | "Conservatives"
                | "Republicans"
                | "Democrats"
                | "Greens"
                | "Liberals"
                | "Nationalists"
                | "Unionists"
        );
        let weekday = cues::is_weekday(word);
        let people = word
            .strip_suffix('s')
            .is_some_and(|one| self.gaz.exact(one).is_some_and(|e| e.role == Role::Demonym));
        let acronyms = word.len() >= 3
            && word.ends_with('s')
            && word[..word.len() - 1]
                .bytes()
                .all(|b| b.is_ascii_uppercase());
        let compound = word.contains('-')
            && word
                .split('-')
                .all(|part| !part.is_empty() && self.gaz.is_common_word(part));
        // ("Murray said": a town named like a person may be one.)
        let town = verb_after
            && self.gaz.exact(word).is_some_and(|e| e.role == Role::City)
            && !cues::is_surname(word)
            && !cues::is_given_name(word);
        party || weekday || people || acronyms || compound || town
    }

    /// Returns true if and only if word `i` opens its sentence and has the
    /// ending of a plural noun for people ("Hauliers", "Stevedores",
    /// "Lobbyists"), though the dictionary lacks it, and is no listed
    /// surname ("Waters", "Sanders").
    fn plural_of_people(&self, i: usize) -> bool {
        const ENDINGS: &[&str] = &["ers", "ors", "ores", "ists", "ians", "ants", "ents", "ees"];
        let word = self.word(i);
        self.words[i].sentence_start
            && word.chars().skip(1).all(|c| c.is_ascii_lowercase())
            && ENDINGS
                .iter()
                .any(|e| word.len() > e.len() + 2 && word.ends_with(e))
            && !cues::is_surname(word)
    }

    /// Returns true if and only if the words are a listed given name, then
    /// a listed surname that is also an English word ("Joe Root", "Harry
    /// Brook", "Grace Tan"; not "Christian Aid", "Will Power", "Grace
    /// Street", "Clarence House"): a given name that is an ordinary word
    /// counts only if it is among the commonest names. One listed name
    /// that is no English word may stand between ("Zara Hyde Peters").
    pub(super) fn given_and_surname_word(&self, first: usize, last: usize) -> bool {
        let middle_name = |i: usize| {
            (cues::is_given_name(self.word(i)) || cues::is_surname(self.word(i)))
                && !self.is_common(i)
        };
        if !(last - first == 2 || (last - first == 3 && middle_name(first + 1))) {
            return false;
        }
        let (given, surname) = (self.word(first), self.word(last - 1));
        // "Clarence House", "Albert Tower": a building is named so too.
        let building = matches!(
            surname,
            "House" | "Castle" | "Tower" | "Church" | "Chapel" | "Temple" | "Abbey"
        );
        cues::is_given_name(given)
            && (!self.is_common(first) || cues::is_given_name_word(given))
            && cues::is_surname(surname)
            && !building
            && (first..last).all(|i| {
                self.words[i].capitalized
                    && self.known[i].is_none()
                    && self.word(i).chars().any(char::is_lowercase)
                    && !self.has(i, cues::HEAD | cues::PLACE_HEAD | cues::TITLE)
            })
    }

    /// Returns true if and only if the words read as a personal name by
    /// their shape alone: [`Self::surname_shaped`] or
    /// [`Self::given_and_surname_word`] ("Harry Kane", "Mark Walker").
    pub(super) fn personal_name(&self, first: usize, last: usize) -> bool {
        self.surname_shaped(first, last) || self.given_and_surname_word(first, last)
    }

    /// "JK Rowling", "J.R.R. Tolkien", "PD James", "S Bennett": initials
    /// in place of given names, one to three capitals with or without
    /// their periods, then a surname: one the census lists, or a word that
    /// is no English word. An acronym the lists know ("BP Amoco") or that
    /// names a thing ("TV Azteca", "EM" for emerging markets) opens no
    /// person's name.
    pub(super) fn initials_and_surname(&self, first: usize, last: usize) -> bool {
        if last - first != 2 || self.known[first].is_some() || self.known[first + 1].is_some() {
            return false;
        }
        let (initials, surname) = (self.word(first), self.word(first + 1));
        let dotted = initials.len() >= 3
            && initials.len() <= 6
            && initials.bytes().enumerate().all(|(k, b)| {
                if k % 2 == 0 {
                    b.is_ascii_uppercase()
                } else {
                    b == b'.'
                }
            });
        let capitals = (2..=3).contains(&initials.len())
            && initials.bytes().all(|b| b.is_ascii_uppercase())
            && !cues::is_thing_acronym(initials);
        // "Ref: S Bennett (Kent)": one initial before a surname the census
        // lists that is no word; not "A" or "I", which are words, nor "X".
        let one = initials.len() == 1
            && initials
                .bytes()
                .all(|b| b.is_ascii_uppercase() && !b"AIOX".contains(&b))
            && cues::is_surname(surname)
            && !self.is_common(first + 1);
        (dotted || capitals || one)
            && self.words[first + 1].capitalized
            && surname.chars().any(char::is_lowercase)
            && !self.has(first + 1, cues::HEAD | cues::PLACE_HEAD | cues::TITLE)
            && (cues::is_surname(surname) || !self.is_common(first + 1))
            // ("LSU AgCenter": a brand's capitals inside are no surname's.)
            && !super::is_brand_shaped(surname)
    }

    /// Returns true if and only if `word` is the adjective of a people the
    /// lists know or of a continent ("Swedish", "European", "Asian"), or
    /// two or more joined by hyphens ("Anglo-Swedish", "Sino-Japanese"; a
    /// combining form alone is no adjective: "Anglo" is a firm's short
    /// name).
    fn is_peoples_adjective(&self, word: &str) -> bool {
        let adjective = |part: &str| {
            matches!(
                part,
                "European"
                    | "Asian"
                    | "African"
                    | "American"
                    | "Scandinavian"
                    | "Nordic"
                    | "Baltic"
                    | "Balkan"
                    | "Caribbean"
            ) || self
                .gaz
                .exact(part)
                .is_some_and(|e| e.role == crate::entities::gazetteer::Role::Demonym)
        };
        let combining = |part: &str| {
            matches!(
                part,
                "Anglo"
                    | "Franco"
                    | "Sino"
                    | "Russo"
                    | "Indo"
                    | "Euro"
                    | "Afro"
                    | "Italo"
                    | "Austro"
            )
        };
        let mut parts = word.rsplit('-');
        parts.next().is_some_and(adjective) && parts.all(|part| combining(part) || adjective(part))
    }

    /// Returns true if and only if the words read as given names then a
    /// surname that is no English word ("Harry Kane"; not "Baltic States").
    pub(super) fn surname_shaped(&self, first: usize, last: usize) -> bool {
        self.person_like(first, last) && !self.is_common(last - 1)
    }
}

/// Returns true if and only if the text at `at` goes on with one to three
/// lower-case role nouns, then a capitalised word: " president Eduardo
/// Valente", " chief executive Anna Nowak".
fn role_before_a_name(text: &str, at: usize) -> bool {
    let mut rest = &text[at..];
    for roles in 0..=3 {
        let Some(next) = rest.strip_prefix(' ') else {
            return false;
        };
        let word = first_word(next);
        if roles > 0 && word.starts_with(|c: char| c.is_uppercase()) {
            return true;
        }
        if roles == 3 || word.is_empty() || !cues::is_role_noun(word) {
            return false;
        }
        rest = &next[word.len()..];
    }
    false
}

/// Returns true if and only if the clause after the verb that follows
/// `at` says "its" and neither "he", "she", "his" nor "her".
pub(super) fn speaks_of_its_own(text: &str, at: usize) -> bool {
    let mut its = false;
    for word in cues::clause_after(text, at)
        .split(|c: char| !c.is_alphanumeric())
        .skip(2)
    {
        if cues::is_personal_pronoun(word) {
            return false;
        }
        its |= word == "its";
    }
    its
}

/// Returns true if and only if `word` is an auxiliary or a common finite
/// verb: after "said Labour" it makes the name the subject of what was
/// said.
fn is_finite_verb(word: &str) -> bool {
    matches!(
        word,
        "had"
            | "has"
            | "have"
            | "would"
            | "will"
            | "was"
            | "were"
            | "is"
            | "are"
            | "could"
            | "should"
            | "might"
            | "may"
            | "must"
            | "can"
            | "did"
            | "does"
            | "planned"
            | "plans"
            | "wanted"
            | "wants"
            | "needed"
            | "needs"
    )
}

/// Returns true if and only if the clause after `at` (a speech verb
/// after a name) says "he", "she" or another personal pronoun.
fn says_he_or_she(text: &str, at: usize) -> bool {
    cues::clause_after(text, at)
        .split(|c: char| !c.is_alphanumeric())
        .any(cues::is_personal_pronoun)
}

/// Returns true if and only if the span `start..end` is all that a
/// quotation holds (“Mein Kampf”, "La Violencia,") and no word such as
/// "named" introduces it as a name: the title of a film, book or song.
fn fills_a_quotation(text: &str, start: usize, end: usize) -> bool {
    let before = &text[..start];
    let Some(open) = before
        .chars()
        .next_back()
        .filter(|c| matches!(c, '“' | '"' | '‘'))
    else {
        return false;
    };
    let after = &text[end..];
    let after = after.strip_prefix([',', '.', '!', '?']).unwrap_or(after);
    let closes = after.starts_with(['”', '"', '’']) && !after.starts_with("’s");
    let introducer = last_word(before[..before.len() - open.len_utf8()].trim_end());
    let named = matches!(
        introducer,
        "name" | "named" | "nicknamed" | "alias" | "aka" | "Name"
    );
    closes && !named
}

/// The text between the start of the line and `at`.
fn line_prefix(text: &str, at: usize) -> &str {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    &text[start..at]
}
