//! Companies that a company noun announces: before them, as a list ("Ukrainian
//! companies UFORCE, Skyeton, and General Cherry", "news agency Nikkei"), or
//! after them, in an apposition ("Teledyne Marine, a U.S. manufacturer").

use super::Context;
use crate::entities::EntityKind;
use crate::entities::cues;
use crate::entities::resolve::{Known, Lexicon, Strength};
use crate::entities::text::{Run, is_connector};

/// Teaches the names listed right after a company noun. A plural noun
/// announces a list ("A, B and C"); a singular one a single name. A listed
/// name with an organisation head is left to the organisation rule.
pub(super) fn announced_companies<'t>(
    ctx: &Context<'t, '_, '_>,
    runs: &[Run],
    lexicon: &mut Lexicon<'t>,
) {
    let words = ctx.words;
    let text_of = |i: usize| words[i].text(ctx.text);
    // Only a noun right before a run, before "such as", "including", "like",
    // "at" or "of" and a run, or opening a run itself, can announce names: look
    // there rather than at every word.
    let mut done = usize::MAX;
    for run in runs {
        let j = run.first;
        let mut candidates = [usize::MAX; 3];
        if run.last - j > 1 && words[j].sentence_start {
            candidates[0] = j;
        }
        if j >= 1 {
            candidates[1] = j - 1;
            match text_of(j - 1) {
                "including" | "like" | "at" | "of" | "with" if j >= 2 => candidates[2] = j - 2,
                "as" if j >= 3 && text_of(j - 2) == "such" => candidates[2] = j - 3,
                _ => {}
            }
        }
        for i in candidates {
            if i != usize::MAX && i != done {
                done = i;
                from_noun(ctx, runs, i, lexicon);
            }
        }
        if j >= 2 && text_of(j - 1) == "at" && heads_a_department(ctx, j - 1) {
            staff_at(ctx, runs, j - 2, false, lexicon);
        }
    }
}

/// "head of soft commodities research at Marex", "director of policy
/// at": a post at the head of a department names its employer after "at"
/// (the word at `at`), as staff nouns do.
fn heads_a_department(ctx: &Context<'_, '_, '_>, at: usize) -> bool {
    // The department: one to three lower-case words before "at".
    for of in at.saturating_sub(4)..at.saturating_sub(1) {
        let department = of + 1..at;
        if ctx.word(of) == "of"
            && of >= 1
            && matches!(ctx.word(of - 1), "head" | "director" | "chief")
            && department.clone().all(|i| {
                let word = ctx.word(i);
                word.starts_with(|c: char| c.is_ascii_lowercase())
                    && !matches!(word, "the" | "a" | "an" | "its" | "his" | "her" | "their")
            })
        {
            return true;
        }
    }
    false
}

/// Teaches what the noun at word `i`, if it is a company, staff or
/// organisation noun, announces.
fn from_noun<'t>(ctx: &Context<'t, '_, '_>, runs: &[Run], i: usize, lexicon: &mut Lexicon<'t>) {
    let words = ctx.words;
    let w = &words[i];
    let noun = ctx.word(i);
    // Every cue noun is 4 to 13 bytes long: skip the rest unhashed.
    if w.heading || !(4..=13).contains(&noun.len()) {
        return;
    }
    let mut buf = [0; 24];
    let noun = lowered_at(ctx, i, &mut buf);
    if cues::is_staff_noun(noun) || cues::heads_a_firm(noun) {
        staff_at(ctx, runs, i, noun.ends_with('s'), lexicon);
        return;
    }
    if i > 0 && !w.sentence_start && cues::is_civic_body(lowered_at(ctx, i - 1, &mut [0; 24]), noun)
    {
        organization_after(ctx, runs, i, lexicon);
        return;
    }
    // "container lines MSC and CMA CGM", "the cruise line Ambra": a line
    // that carries is a firm.
    let carrier_line = matches!(noun, "line" | "lines")
        && i > 0
        && matches!(
            lowered_at(ctx, i - 1, &mut [0; 24]),
            "shipping" | "container" | "cruise" | "ferry" | "bus" | "freight"
        );
    if !cues::is_company_noun(noun) && !carrier_line {
        if cues::is_org_noun(noun) {
            organization_after(ctx, runs, i, lexicon);
        }
        return;
    }
    // A capitalised noun opens its own run: the names follow inside it,
    // unless a connector makes the noun the head of one name ("Bank of
    // Kovania").
    let (next, gap_from) = match run_at(runs, i) {
        Some(r) => {
            let run = runs[r];
            if run.last - run.first > 1 && !is_connector(ctx.word(i + 1)) {
                teach(
                    ctx,
                    Run {
                        first: i + 1,
                        last: run.last,
                    },
                    lexicon,
                );
            }
            if !noun.ends_with('s') {
                return;
            }
            (run.last, words[run.last - 1].end)
        }
        _ => (i + 1, w.end),
    };
    let listing = if noun.ends_with('s') {
        Listing::All
    } else if is_trade_of_people(noun) {
        Listing::FirstFirm
    } else {
        Listing::First
    };
    teach_list(ctx, runs, next, gap_from, listing, lexicon);
}

/// The index among `runs` (sorted by their first word) of the run that
/// starts at word `i`, if one does.
fn run_at(runs: &[Run], i: usize) -> Option<usize> {
    runs.binary_search_by_key(&i, |r| r.first).ok()
}

/// Returns true if and only if `noun`, a company noun, names a person's
/// trade as well ("publisher Kimberly Quinn", "producer Simon Fuller",
/// "the film maker Theo van Gogh").
fn is_trade_of_people(noun: &str) -> bool {
    matches!(
        noun,
        "publisher"
            | "maker"
            | "producer"
            | "sponsor"
            | "contractor"
            | "brewer"
            | "grocer"
            | "miner"
            | "distributor"
            | "exporter"
            | "shipper"
            | "supplier"
    )
}

/// Which names of a list a noun before it announces.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Listing {
    /// The first: "the retailer Argos".
    First,
    /// The first, unless shaped as a person's name: the noun is a trade
    /// of people too ("married publisher Kimberly Quinn").
    FirstFirm,
    /// Every one: "retailers Argos, Next and Boots".
    All,
    /// Every one up to a person's name: staff work at firms, and "an
    /// analyst at Jefferies, and Tom Lee of Fundstrat" names a person
    /// after them.
    Employers,
}

/// Teaches the names listed from word `next` on ("Airbus, Safran and
/// Thales"), the list's text starting at byte `gap_from`, as `listing`
/// says.
fn teach_list<'t>(
    ctx: &Context<'t, '_, '_>,
    runs: &[Run],
    mut next: usize,
    mut gap_from: usize,
    listing: Listing,
    lexicon: &mut Lexicon<'t>,
) {
    let words = ctx.words;
    let mut taught = 0;
    while next < words.len() {
        let gap = &ctx.text[gap_from..words[next].start];
        let word = ctx.word(next);
        if matches!(word, "such" | "as" | "including" | "like" | "and" | "or") {
            gap_from = words[next].end;
            next += 1;
            continue;
        }
        let Some(r) = run_at(runs, next).filter(|_| is_list_gap(gap)) else {
            break;
        };
        let run = runs[r];
        let person = || {
            let name_end = (run.first..run.last)
                .find(|&i| ctx.word(i) == "of")
                .unwrap_or(run.last);
            ctx.known[run.first].is_none()
                && cues::is_given_name(ctx.word(run.first))
                && (ctx.name_shaped(run.first, name_end) || ctx.person_like(run.first, name_end))
        };
        if listing == Listing::Employers && taught > 0 && person() {
            break;
        }
        if listing == Listing::FirstFirm && person() {
            break;
        }
        teach(ctx, run, lexicon);
        taught += 1;
        if matches!(listing, Listing::First | Listing::FirstFirm) {
            break;
        }
        gap_from = words[run.last - 1].end;
        next = run.last;
    }
}

/// Word `i`, lower-cased when a sentence's start is all that capitalises
/// it ("Campaign group …", "Analysts at …").
fn lowered_at<'t: 'b, 'b>(ctx: &Context<'t, '_, '_>, i: usize, buf: &'b mut [u8; 24]) -> &'b str {
    let (w, word) = (&ctx.words[i], ctx.word(i));
    if w.capitalized && w.sentence_start {
        cues::lowered(word, buf).unwrap_or(word)
    } else {
        word
    }
}

/// "watchdog ANAC", "the ruling party Fidesz": an organisation noun right
/// before a name it does not already know names an organisation.
fn organization_after<'t>(
    ctx: &Context<'t, '_, '_>,
    runs: &[Run],
    noun: usize,
    lexicon: &mut Lexicon<'t>,
) {
    let Some(r) = run_at(runs, noun + 1) else {
        return;
    };
    let words = ctx.words;
    if ctx.text.get(words[noun].end..words[runs[r].first].start) != Some(" ") {
        return;
    }
    // "the unions ACV and ABVV": a plural noun announces a short list.
    let listed = if ctx.word(noun).ends_with('s') {
        MAX_LISTED_BODIES
    } else {
        1
    };
    for (k, &run) in runs[r..].iter().take(listed).enumerate() {
        if k > 0 {
            let gap = &ctx.text[words[runs[r + k - 1].last - 1].end..words[run.first].start];
            if !matches!(gap, " and " | ", " | ", and " | " or ") {
                return;
            }
        }
        if !organization_named(ctx, run, lexicon) {
            return;
        }
    }
}

/// The most names a plural organisation noun announces.
const MAX_LISTED_BODIES: usize = 4;

/// Teaches `run`, announced by an organisation noun, as an organisation;
/// false when it is no such name (a known name of its own, a title).
fn organization_named<'t>(ctx: &Context<'t, '_, '_>, run: Run, lexicon: &mut Lexicon<'t>) -> bool {
    let first = ctx.name_start(run);
    // A place inside the name is part of it ("the patient organisation
    // Alzheimer Europe"); a known name that opens it is its own.
    let other_name = |i: usize| {
        ctx.known[i].is_some_and(|h| {
            i == first
                || !matches!(
                    ctx.hits[h].entry.kind,
                    EntityKind::Place | EntityKind::Country
                )
        })
    };
    if first >= run.last
        || ctx.words[first].heading
        || (first..run.last).any(|i| other_name(i) || ctx.is_title(i))
    {
        return false;
    }
    let name = ctx.span(first, run.last);
    lexicon.add(
        name,
        Known::new(name, EntityKind::Organization, Strength::Context),
    );
    true
}

/// "Analysts at Bernstein": people who work at a firm name it after "at",
/// and who head one after "of" too ("chief executive of Rebellion");
/// `plural` staff may work at several ("analysts at Barclays and Citi").
fn staff_at<'t>(
    ctx: &Context<'t, '_, '_>,
    runs: &[Run],
    noun: usize,
    plural: bool,
    lexicon: &mut Lexicon<'t>,
) {
    let at = noun + 1;
    let head = !plural && cues::heads_a_firm(ctx.word(noun));
    // "a music analyst with Jupiter Research": the British press puts an
    // analyst "with" the firm that employs them (not "officials with",
    // "workers with", which name whom they stand with).
    let with_firm = ctx.word(at) == "with"
        && matches!(
            lowered_at(ctx, noun, &mut [0; 24]),
            "analyst" | "analysts" | "economist" | "economists" | "strategist" | "strategists"
        );
    if !(ctx.word(at) == "at" || (head && ctx.word(at) == "of") || with_firm) {
        named_by_their_staff(ctx, runs, noun, lexicon);
        return;
    }
    // "economists at Barclays, HSBC and Citi": each is an employer of
    // staff; "the director of football at White Hart Lane and Santini"
    // names one.
    let listing = if plural {
        Listing::Employers
    } else {
        Listing::First
    };
    // "an analyst at brokers Jefferies", "at research firm Ovum": the
    // firm's trade, in one or two lower-case words, may stand before its
    // name.
    let lower = |i: usize| ctx.words.get(i).is_some_and(|w| !w.capitalized);
    let lower_noun = |i: usize| lower(i) && cues::is_company_noun(ctx.word(i));
    let trade = if lower_noun(at + 1) {
        1
    } else if lower(at + 1) && lower_noun(at + 2) {
        2
    } else {
        0
    };
    let last_before = at + trade;
    teach_list(
        ctx,
        runs,
        last_before + 1,
        ctx.words[last_before].end,
        listing,
        lexicon,
    );
}

/// "Telecom analysts Ovum welcomed the move", "consultants Halden said":
/// the British press names a firm of analysts or consultants right after
/// the plural noun. One word that no list knows, no given name or surname
/// ("analysts Sarah Hill and…" names people) and no weekday, with a
/// lower-case word, its verb, after it.
fn named_by_their_staff<'t>(
    ctx: &Context<'t, '_, '_>,
    runs: &[Run],
    noun: usize,
    lexicon: &mut Lexicon<'t>,
) {
    let next = noun + 1;
    let firm_of_staff = matches!(
        lowered_at(ctx, noun, &mut [0; 24]),
        "analysts" | "consultants" | "economists"
    );
    if !firm_of_staff {
        return;
    }
    let Some(run) = run_at(runs, next).map(|r| runs[r]) else {
        return;
    };
    let word = ctx.word(next);
    let verb_after = ctx
        .words
        .get(run.last)
        .is_some_and(|w| !w.capitalized && ctx.gap_before(run.last) == " ");
    if run.last == next + 1
        && ctx.gap_before(next) == " "
        && ctx.known[next].is_none()
        && !ctx.has(next, cues::FUNCTION_WORD)
        && !cues::is_given_name(word)
        && !cues::is_surname(word)
        && verb_after
    {
        lexicon.add(word, Known::new(word, EntityKind::Company, Strength::Cue));
    }
}

fn teach<'t>(ctx: &Context<'t, '_, '_>, mut run: Run, lexicon: &mut Lexicon<'t>) {
    // "Exporter October rate", a table's header row: a month or a weekday
    // alone names no firm.
    let function_word_alone =
        run.last - run.first == 1 && cues::traits(ctx.word(run.first)) & cues::FUNCTION_WORD != 0;
    // "Writing in the Guardian newspaper, Mr Brown outlined…": a personal
    // title opens a person's name, never a firm's.
    let personal = cues::is_title_without_period(ctx.word(run.first));
    if ctx.words[run.first].heading || function_word_alone || personal {
        return;
    }
    // "analysts at Singapore-based Maybridge Securities"; "analysts at
    // London-based shipping consultancy Drewry" names no firm there.
    if ctx.modifier(run.first).is_some() {
        run.first += 1;
        if run.first == run.last {
            return;
        }
    }
    // "engineering group Siemens Jürgen Haldmann": the listed firm, then
    // who heads it.
    if let Some(h) = ctx.known[run.first]
        && ctx.hits[h].entry.kind == EntityKind::Company
    {
        let firm_end = (run.first..run.last)
            .find(|&i| ctx.known[i] != Some(h))
            .unwrap_or(run.last);
        if ctx.person_after_firm(firm_end, run.last, lexicon) {
            return;
        }
    }
    let other_kind = ctx.known[run.first].is_some()
        && ctx.known[run.last - 1] == ctx.known[run.first]
        && ctx.hits[ctx.known[run.first].unwrap_or_default()]
            .entry
            .kind
            != EntityKind::Company;
    let org = (run.first..run.last).any(|i| ctx.has(i, cues::ORG_HEAD))
        || ctx.public_body_of(run.first, run.last).is_some();
    // "the director of rugby at Marlow Park": a ground, not an employer.
    let place = run.last - run.first >= 2 && ctx.has(run.last - 1, cues::PLACE_HEAD);
    if other_kind || org || place {
        return;
    }
    let mut last = ctx.without_ticker(run.first, run.last, lexicon);
    // "cybersecurity firm Blackfen Security of Arlington, Va.": where the
    // firm is based is no part of its name.
    if let Some(of) = (run.first + 1..last).find(|&i| ctx.word(i) == "of")
        && of + 1 < last
        && (of + 1..last).all(|i| {
            ctx.known[i].is_some_and(|h| {
                matches!(
                    ctx.hits[h].entry.kind,
                    EntityKind::Place | EntityKind::Country
                )
            })
        })
    {
        last = of;
    }
    let name = ctx.span(run.first, last);
    lexicon.add(
        name,
        Known::new(name, EntityKind::Company, Strength::Listed),
    );
}

/// "Teledyne Marine, a U.S. manufacturer of …", "Gavi, the vaccine
/// alliance", "Peter Beck, the company's chief executive": a name followed
/// by ", a", ", an" or ", the" and, within a few words, a company or
/// organisation noun, a settlement noun that heads the phrase ("Toconao, a
/// village of adobe houses": a place), or — within three words and before
/// any "who", "whose", "which" or "that" — a role noun for a person, if the
/// name is shaped like a personal name.
pub(super) fn apposition<'t>(
    ctx: &Context<'t, '_, '_>,
    first: usize,
    last: usize,
    lexicon: &mut Lexicon<'t>,
) -> bool {
    let after = &ctx.text[ctx.words[last - 1].end..];
    let Some(words) = apposition_words(after) else {
        return bare_role(ctx, first, last, after, lexicon);
    };
    let words: Vec<(&str, &str)> = words.take(6).collect();
    let is_role = |bare: &str| cues::is_role_noun(bare) || cues::is_staff_noun(bare);
    let person_shaped = || ctx.name_shaped(first, last) || ctx.person_like(first, last);
    let mut kind = None;
    let mut clause_open = true;
    for (n, &(word, bare)) in words.iter().take(5).enumerate() {
        clause_open &= !matches!(bare, "who" | "whose" | "which" | "that");
        // "the central bank governor", "the union leader": a company or
        // organisation noun that a role noun follows is the role's
        // modifier, and the name is the person holding it.
        let role_next = !word.ends_with([',', ';', ':', '.'])
            && words.get(n + 1).is_some_and(|&(_, next)| is_role(next));
        if (cues::is_company_noun(bare) || cues::is_org_noun(bare)) && role_next {
            if clause_open && person_shaped() {
                kind = Some(EntityKind::Person);
            }
            break;
        }
        // "Toconao, a village of adobe houses", "Kilgarvan, a small
        // town": a word for a settlement that heads the phrase (not "a
        // village elder", "a town official") makes a place of the name.
        let heads_phrase = n + 1 == words.len() || word.ends_with([',', ';', '.']);
        if cues::is_company_noun(bare) {
            kind = Some(EntityKind::Company);
        } else if cues::is_org_noun(bare) {
            kind = Some(EntityKind::Organization);
        } else if n < 4 && heads_phrase && cues::is_settlement_noun(bare) {
            kind = Some(EntityKind::Place);
        } else if n < 3 && clause_open && is_role(bare) && person_shaped() {
            kind = Some(EntityKind::Person);
        }
        if kind.is_some() || word.ends_with([',', ';', ':']) {
            break;
        }
    }
    let Some(kind) = kind else {
        return false;
    };
    teach_unknown(ctx, first, last, kind, lexicon)
}

/// Teaches the words `first..last` as a name of `kind`, unless a list
/// knows them: "Apple, the iPhone maker": a known name keeps its entry;
/// "New Slovenia, a Christian democratic party" only holds one.
fn teach_unknown<'t>(
    ctx: &Context<'t, '_, '_>,
    first: usize,
    last: usize,
    kind: EntityKind,
    lexicon: &mut Lexicon<'t>,
) -> bool {
    if ctx.known[first].is_some() || ctx.hit_spanning(first, last).is_some() {
        return false;
    }
    let name = ctx.span(first, last);
    lexicon.add(name, Known::new(name, kind, Strength::Cue));
    true
}

/// "Tom Ray, professor of physics at Leeds, said": a role right after
/// the comma, with no article (as wires and the British press write it),
/// makes a person of a name of two words or more shaped like one.
fn bare_role<'t>(
    ctx: &Context<'t, '_, '_>,
    first: usize,
    last: usize,
    after: &str,
    lexicon: &mut Lexicon<'t>,
) -> bool {
    let role = after
        .strip_prefix(", ")
        .map(crate::entities::text::first_word)
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
        .unwrap_or_default();
    let is_role = role.starts_with(|c: char| c.is_ascii_lowercase()) && cues::is_role_noun(role);
    // A lone word ("The daily Borba, official organ of…") is too little.
    if !is_role
        || last - first < 2
        || (first..last).any(|i| ctx.known[i].is_some())
        || !(ctx.name_shaped(first, last) || ctx.person_like(first, last))
    {
        return false;
    }
    let name = ctx.span(first, last);
    lexicon.add(name, Known::new(name, EntityKind::Person, Strength::Cue));
    true
}

/// "The port authority, APS, said", "its parent company, Halden Group,
/// said": a name set off by commas right after "the", "a" or "its" and a
/// company or organisation noun is that company or organisation. The
/// clause goes on in lower case after it ("the council, Smith, Jones and
/// Brown" lists people).
pub(super) fn apposed_to_a_noun<'t>(
    ctx: &Context<'t, '_, '_>,
    first: usize,
    last: usize,
    lexicon: &mut Lexicon<'t>,
) -> bool {
    let before = &ctx.text[..ctx.words[first].start];
    let after = &ctx.text[ctx.words[last - 1].end..];
    let (Some(phrase), Some(rest)) = (before.strip_suffix(", "), after.strip_prefix(", ")) else {
        return false;
    };
    if !rest.starts_with(|c: char| c.is_lowercase()) {
        return false;
    }
    let mut words = phrase.split_whitespace().rev();
    let noun = words.next().unwrap_or_default();
    let opened = words
        .take(3)
        .any(|w| matches!(w, "the" | "The" | "a" | "A" | "its" | "Its" | "their"));
    let kind = if cues::is_company_noun(noun) {
        EntityKind::Company
    } else if cues::is_org_noun(noun) {
        EntityKind::Organization
    } else {
        return false;
    };
    opened && teach_unknown(ctx, first, last, kind, lexicon)
}

/// The words of the apposition that opens `after`, the text right after a
/// name (", a senior trader at the firm"): each as written and without its
/// punctuation, up to the first preposition, since the head noun comes
/// before one and what follows is another phrase. `None` where no ", a",
/// ", an", ", the" or ", one of" opens `after` ("Glenmorangie, one of
/// Scotland's premier whisky firms": one of a kind is of that kind).
pub(super) fn apposition_words(after: &str) -> Option<impl Iterator<Item = (&str, &str)>> {
    let rest = [", a ", ", an ", ", the ", ", one of the ", ", one of "]
        .iter()
        .find_map(|p| after.strip_prefix(p))?;
    Some(
        rest.split_whitespace()
            .map(|word| (word, word.trim_matches(|c: char| !c.is_alphanumeric())))
            .take_while(|(_, bare)| {
                !matches!(
                    *bare,
                    "at" | "of" | "for" | "with" | "in" | "from" | "on" | "by"
                )
            }),
    )
}

/// "Velmora's board", "Ardent's shares": a name whose possessive is
/// followed by what only a company has.
pub(super) fn possessed_business<'t>(
    ctx: &Context<'t, '_, '_>,
    first: usize,
    last: usize,
    lexicon: &mut Lexicon<'t>,
) -> bool {
    let end = &ctx.words[last - 1];
    let after = &ctx.text[end.end..];
    let Some(rest) = after
        .strip_prefix("'s ")
        .or_else(|| after.strip_prefix("’s "))
    else {
        return false;
    };
    let possession = crate::entities::text::first_word(rest);
    if !end.possessive
        || !cues::is_business_possession(possession)
        || (first..last).any(|i| ctx.known[i].is_some() || ctx.is_title(i))
        || (first..last).all(|i| ctx.is_common(i))
    {
        return false;
    }
    let name = ctx.span(first, last);
    lexicon.add(
        name,
        Known::new(name, EntityKind::Company, Strength::Context),
    );
    true
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
