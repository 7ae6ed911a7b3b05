//! Company names that wire services mark with brackets: a name in angle
//! brackets ("`<Sedio N.V.>` of Lugano", how Reuters marks a company that
//! has no ticker), and a stock ticker in angle brackets right after a
//! name ("Waste Management Inc `<WNX>`", "Volvo `<VOLV ST>`", "Toshin Steel
//! Co Ltd `<TOSS.T>`"), which says the name before it is a company.
//!
//! The agency a wire story credits in its dateline ("LAGOS, March 4
//! (Wirefeed) -") is a company too.
//!
//! Angle brackets are rare in prose, so a text without any costs one
//! `memchr` pass.

use super::Context;
use crate::entities::EntityKind;
use crate::entities::cues;
use crate::entities::places;
use crate::entities::resolve::{Known, Lexicon, Strength};
use crate::entities::text::{Run, opens_line};

/// The longest bracketed name read, in bytes.
const MAX_NAME: usize = 80;

/// Teaches the companies that angle brackets mark in `ctx.text`.
pub(super) fn bracketed<'t>(ctx: &Context<'t, '_, '_>, runs: &[Run], lexicon: &mut Lexicon<'t>) {
    let text = ctx.text;
    for open in memchr::memchr_iter(b'<', text.as_bytes()) {
        let Some(inner) = bracket_content(text, open) else {
            continue;
        };
        let start = open + 1;
        if is_ticker(inner) {
            if let Some(name_end) = name_end_before(text, open) {
                ticker_after_name(ctx, runs, name_end, lexicon);
            }
            continue;
        }
        if heading_at(ctx, start) {
            continue;
        }
        let name = text[start..start + inner.len()].trim_end_matches('.');
        if name.starts_with(|c: char| c.is_alphanumeric()) && name.split(' ').count() <= 10 {
            lexicon.add(
                name,
                Known::new(name, EntityKind::Company, Strength::Listed),
            );
        }
    }
}

/// Teaches the news agency that a dateline credits: "MANILA, Oct 12
/// (Newsline) -", "GENEVA (Kestrel News) —". The bracket follows a
/// place that opens a dateline and ends right before its dash; the name
/// in it is capitalised words, and one the lists know stays what they
/// say. A single English word names no agency.
pub(super) fn dateline_agency<'t>(ctx: &Context<'t, '_, '_>, lexicon: &mut Lexicon<'t>) {
    /// The most bytes between the dateline's place and its credit.
    const MAX_GAP: usize = 40;
    let text = ctx.text;
    for hit in ctx.hits {
        if !places::is_dateline(text, hit.start, hit.end) {
            continue;
        }
        let rest = &text[hit.end..];
        let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
        let Some(open) = line.find(" (").filter(|&at| at <= MAX_GAP) else {
            continue;
        };
        let Some(after) = places::agency_credit(&line[open..]) else {
            continue;
        };
        if ![" -", " —", " –"].iter().any(|d| after.starts_with(d)) {
            continue;
        }
        // " (Newsline) - …": the name between " (" and ")".
        let name = &line[open + 2..line.len() - after.len() - 1];
        let start = hit.end + open + 2;
        let capitalised = name.split(' ').all(|w| {
            w.starts_with(|c: char| c.is_uppercase()) && w.chars().all(char::is_alphanumeric)
        });
        let known = ctx
            .hits
            .iter()
            .any(|h| h.start < start + name.len() && start < h.end);
        // "(Wire)" alone may be no name but what the story came by.
        let common = !name.contains(' ') && ctx.gaz.is_common_word(name);
        if capitalised && !common && !known && lexicon.strength_of(name).is_none() {
            lexicon.add(name, Known::new(name, EntityKind::Company, Strength::Cue));
        }
    }
}

/// Returns the text between the `<` at `open` and its `>` on the same
/// line, if it is short and holds no other bracket.
fn bracket_content(text: &str, open: usize) -> Option<&str> {
    let rest = &text[open + 1..];
    let close = rest.bytes().take(MAX_NAME + 1).position(|b| b == b'>')?;
    let inner = &rest[..close];
    let plain = !inner.is_empty()
        && !inner.contains(['<', '\n'])
        && inner.trim() == inner
        && inner.starts_with(|c: char| c.is_alphanumeric());
    plain.then_some(inner)
}

/// Returns true if and only if `inner` is shaped like a stock ticker:
/// one to six capitals or digits, then at most an exchange code after a
/// period or a space ("WNX", "TOSS.T", "SMBS ST", "BK.N").
pub(super) fn is_ticker(inner: &str) -> bool {
    let (symbol, exchange) = match inner.find(['.', ' ']) {
        Some(at) => (&inner[..at], Some(&inner[at + 1..])),
        None => (inner, None),
    };
    let capitals = |s: &str, max: usize| {
        (1..=max).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            && s.bytes().any(|b| b.is_ascii_uppercase())
    };
    capitals(symbol, 6) && exchange.is_none_or(|e| capitals(e, 3))
}

/// Where the name that a ticker at `open` follows ends: the ticker comes
/// right after it, or after one space, and the word before is capitalised
/// or ends with a period ("Co Ltd `<TOSS.T>`", "Association.`<ICGS.L>`"). A
/// ticker after a lower-case word ("its `<SMS>` unit") follows no name.
fn name_end_before(text: &str, open: usize) -> Option<usize> {
    let before = &text[..open];
    let end = before.strip_suffix(' ').unwrap_or(before);
    let end = end.strip_suffix('.').unwrap_or(end);
    let word_start = end
        .rfind(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '-' | '&')))
        .map_or(0, |i| i + 1);
    let word = &end[word_start..];
    word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        .then_some(end.len())
}

/// "Swedish Match `<SMBS ST>`": the run of capitalised words that ends at
/// `name_end` is a company. The ticker itself is no mention: it stands
/// right beside the name it repeats.
fn ticker_after_name<'t>(
    ctx: &Context<'t, '_, '_>,
    runs: &[Run],
    name_end: usize,
    lexicon: &mut Lexicon<'t>,
) {
    let words = ctx.words;
    let at = runs.partition_point(|r| words[r.last - 1].end < name_end);
    let Some(&run) = runs.get(at).filter(|r| words[r.last - 1].end == name_end) else {
        return;
    };
    // A headline names its company first ("HARBOUR GRAIN CO <HGC> 4TH QTR
    // NET"). A run may hold the headline's verb ("INVESTORS CUT CYCLOPS
    // <CYL> STAKE") or be a short form the body names in full ("CARBIDE
    // <UK>" for Union Carbide Corp), so it counts only when it ends in a
    // company's suffix, and a run inside the headline never does.
    let heading = words[run.first].heading;
    if heading {
        let suffixed = cues::traits(words[run.last - 1].text(ctx.text)) & cues::COMPANY_SUFFIX != 0;
        let len = run.last - run.first;
        if !(opens_line(ctx.text, words[run.first].start)
            && suffixed
            && (2..=MAX_HEADLINE_NAME).contains(&len))
        {
            return;
        }
    }
    let mut first = ctx.name_start(run);
    // "Rival Ostrava Hydro <OSH.PR> fell": an ordinary word capitalised
    // by its sentence start does not open a name of three words or more.
    if !heading
        && run.last - first >= 3
        && ctx.words[first].sentence_start
        && ctx.known[first].is_none()
        && ctx.is_common(first)
    {
        first += 1;
    }
    if first >= run.last {
        return;
    }
    // A run that is one known name of another kind ("Japan <JPN>") stays
    // what the gazetteer says; one the document already knows keeps what
    // it learnt.
    let one_known = ctx.known[first].is_some_and(|h| {
        ctx.hits[h].entry.kind != EntityKind::Company && ctx.known[run.last - 1] == Some(h)
    });
    let name = ctx.span(first, run.last);
    if one_known || lexicon.strength_of(name).is_some() {
        return;
    }
    lexicon.add(name, Known::new(name, EntityKind::Company, Strength::Cue));
}

/// The most words of a company name that opens a headline.
const MAX_HEADLINE_NAME: usize = 4;

/// Returns true if and only if `start..end` lies inside a stock ticker in
/// angle brackets ("`<UK>`" is Union Carbide's ticker, not the country).
pub fn in_ticker(text: &str, start: usize, end: usize) -> bool {
    let Some(open) = text[..start].rfind('<').filter(|&o| start - o <= 8) else {
        return false;
    };
    bracket_content(text, open)
        .is_some_and(|inner| is_ticker(inner) && end <= open + 1 + inner.len())
}

/// Returns true if and only if the word at byte `at` is on a heading line.
fn heading_at(ctx: &Context, at: usize) -> bool {
    let i = ctx.words.partition_point(|w| w.start < at);
    ctx.words.get(i).is_some_and(|w| w.heading)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tickers_are_capitals_with_an_optional_exchange() {
        for t in ["WNX", "TOSS.T", "SMBS ST", "BK.N", "MONI.MI", "SB"] {
            assert!(is_ticker(t), "{t}");
        }
        for t in ["Sedio N.V.", "Woodco Inc", "BIG TICKERS", "X.Y.Z", "12"] {
            assert!(!is_ticker(t), "{t}");
        }
    }
}
