//! Names listed with companies: "chip shipments from Samsung Electronics
//! and SK Hynix", "plants run by Infineon, GlobalFoundries and Taiwan's
//! TSMC". In a list of names joined by commas, "and" or "or", where one
//! item is a company the document knows and no item is known as anything
//! else, the items no list or rule named are companies too: news lists
//! like with like.

use super::Context;
use crate::entities::EntityKind;
use crate::entities::cues;
use crate::entities::resolve::{Known, Lexicon, Strength};
use crate::entities::text::Run;

/// The longest name, in words, taken as a list item.
const MAX_ITEM_WORDS: usize = 4;

/// What a list item is known as.
#[derive(Clone, Copy, PartialEq)]
enum Item {
    Company,
    /// Known as another kind, or partly known: the list is no list of firms.
    Other,
    /// Named by nothing yet: a company if the list is one of firms.
    Unknown,
    /// One word read as a person only because it speaks ("Maersk and
    /// Hapag-Lloyd said"): the verb is the whole list's, so a company if
    /// the list is one of firms.
    Speaker,
}

impl<'t> Context<'t, '_, '_> {
    /// Teaches the unknown items of each list of names that holds a known
    /// company and nothing known as another kind.
    pub(super) fn companies_listed_with_companies(&self, runs: &[Run], lexicon: &mut Lexicon<'t>) {
        // Most runs stand in no list: an item's words are read only once
        // its list has two items.
        let mut list: Vec<Run> = Vec::new();
        let mut closed = false;
        let mut r = 0;
        while r < runs.len() {
            let lead = runs[r].first;
            // "Taiwan's TSMC": a possessive before an item is no item.
            let mut run = runs[r];
            while r + 1 < runs.len()
                && self.words[run.last - 1].possessive
                && self.joined_by_possessive(run, runs[r + 1])
            {
                r += 1;
                run = runs[r];
            }
            r += 1;
            let gap = list.last().and_then(|prev| self.list_gap(prev.last, lead));
            // "Founded by Rajesh Rao and Meena Iyer, Sanjeevani Diagnostics
            // makes kits": after its "and" a list is closed, and a comma
            // opens no new item.
            let joined = gap.is_some_and(|gap| !(closed && gap == ", "));
            if !joined {
                if list.len() > 1 {
                    self.teach_list(&list, lexicon);
                }
                list.clear();
            }
            closed = joined && gap.is_some_and(|gap| gap != ", ");
            list.push(run);
        }
        if list.len() > 1 {
            self.teach_list(&list, lexicon);
        }
    }

    /// Teaches the unknown items of one list of two or more items.
    fn teach_list(&self, list: &[Run], lexicon: &mut Lexicon<'t>) {
        // "Startups Ledgerly and Pactum Labs": a word capitalised by the
        // sentence's start is no part of an item.
        let items: Vec<(usize, usize, Item)> = list
            .iter()
            .map(|&run| {
                let first = self.person_start(run);
                let item = if first < run.last {
                    self.item(first, run.last, lexicon)
                } else {
                    Item::Other
                };
                (first, run.last, item)
            })
            .collect();
        let has = |kind: Item| items.iter().any(|&(_, _, item)| item == kind);
        if !has(Item::Company) || has(Item::Other) {
            return;
        }
        for (first, last, item) in items {
            // A firm among firms outweighs the verb it shares with them.
            let strength = match item {
                Item::Unknown => Strength::Context,
                Item::Speaker => Strength::Cue,
                Item::Company | Item::Other => continue,
            };
            let name = self.span(first, last);
            lexicon.add(name, Known::new(name, EntityKind::Company, strength));
        }
    }

    /// What the words `first..last` are known as.
    fn item(&self, first: usize, last: usize, lexicon: &Lexicon<'t>) -> Item {
        let name = self.span(first, last);
        if self.speaker_only(first, last, lexicon) {
            return Item::Speaker;
        }
        // (A company's short form, "Helvetron" for "Helvetron Medical AG",
        // is known by its shape alone, and is that company.)
        if let Some(known) = lexicon.get(name)
            && (known.strength > Strength::Shape || known.kind == EntityKind::Company)
        {
            return if known.kind == EntityKind::Company {
                Item::Company
            } else {
                Item::Other
            };
        }
        if self.known[first].is_some() {
            let company = self
                .hit_spanning(first, last)
                .is_some_and(|hit| hit.entry.kind == EntityKind::Company);
            return if company { Item::Company } else { Item::Other };
        }
        // A surname of a person named before ("Tesla and Musk") is no firm,
        // nor is a known name folded from capitals where a line opens as a
        // dateline does ("UFORCE, Skyeton" read as "Uforce, Skyeton"). A
        // name read as a person by its shape alone is a firm among firms
        // ("Baillie Gifford, Norges Bank Investment Management and …").
        let shaped_only = lexicon
            .get(name)
            .is_some_and(|k| k.strength == Strength::Shape && name.contains(' '));
        let unnamed = last - first <= MAX_ITEM_WORDS
            && !self.words[first].heading
            && !self.folded_known_name(first, last, lexicon)
            && (!lexicon.is_person(name) || shaped_only)
            && !self.has_hit_within(first, last)
            && (first..last).all(|i| {
                self.words[i].capitalized
                    && !self.is_common(i)
                    && !self.is_title(i)
                    && !self.has(i, cues::ORG_HEAD | cues::PLACE_HEAD | cues::EVENT_HEAD)
            });
        if unnamed { Item::Unknown } else { Item::Other }
    }

    /// Returns true if and only if the words `first..last` are one word
    /// that the document knows as a person by its verb alone: no personal
    /// name of the lists, no surname of a person it names in full, no
    /// other cue.
    fn speaker_only(&self, first: usize, last: usize, lexicon: &Lexicon<'t>) -> bool {
        let word = self.word(first);
        last - first == 1
            && self.known[first].is_none()
            && !self.words[first].heading
            && lexicon
                .get(word)
                .is_some_and(|k| k.kind == EntityKind::Person && k.strength == Strength::Context)
            && !cues::is_surname(word)
            && !cues::is_given_name(word)
            && !lexicon.has_person_named(word)
            && !self.is_common(first)
    }

    /// Returns true if and only if the one word `first..last` opens its line
    /// and is, in capitals, a name the document or the lists know: the
    /// capitals of a line that opens like a dateline are folded ("UFORCE,
    /// Skyeton" → "Uforce, Skyeton").
    fn folded_known_name(&self, first: usize, last: usize, lexicon: &Lexicon<'t>) -> bool {
        let start = self.words[first].start;
        let opens_line = start == 0 || self.text[..start].trim_end_matches(' ').ends_with('\n');
        if last - first != 1 || !opens_line {
            return false;
        }
        let upper = self.word(first).to_uppercase();
        lexicon.get(&upper).is_some() || self.gaz.exact(&upper).is_some()
    }

    /// The gap between word `prev_last - 1` and word `first` where it joins
    /// two items of a list: ", ", " and ", ", and ", " or " or ", or ",
    /// after the period of an abbreviation ("Co.").
    pub(super) fn list_gap(&self, prev_last: usize, first: usize) -> Option<&'t str> {
        let (prev, next) = (self.words.get(prev_last - 1)?, self.words.get(first)?);
        // Most runs stand far apart: no slice is taken of those.
        if next.start.saturating_sub(prev.end) > ", or ".len() + 1 {
            return None;
        }
        let gap = self.text.get(prev.end..next.start).unwrap_or("");
        // "Mediterranean Shipping Co. and Hapag-Lloyd": no sentence ends
        // before a lower-case "and" or a comma.
        let gap = gap.strip_prefix('.').unwrap_or(gap);
        matches!(gap, ", " | " and " | ", and " | " or " | ", or ").then_some(gap)
    }

    /// Returns true if and only if the possessive `run` stands right
    /// before `next` ("Taiwan's TSMC").
    fn joined_by_possessive(&self, run: Run, next: Run) -> bool {
        let gap = self
            .text
            .get(self.words[run.last - 1].end..self.words[next.first].start)
            .unwrap_or("");
        matches!(gap, "'s " | "’s " | "' " | "’ ")
    }
}
