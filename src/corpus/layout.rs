//! Layout: how the lines of a text form units — the paragraphs, single
//! lines and preformatted blocks the cleaner then reads (see
//! [`super::clean`]). Nothing is dropped here: every word of the text is
//! in exactly one unit (a heading's underline, `=====` under a title, is
//! markup, not words: it only ends the heading's unit).
//!
//! - **Hard-wrapped text** (lines broken at a typewriter width, as wire
//!   stories and e-mail are) has its paragraphs rejoined. A paragraph ends
//!   at a blank line, at a line indented deeper than the text's running
//!   lines (the wire's first-line indent), or after a line well short of
//!   the wrap width; a line that stops mid-sentence before one that goes
//!   on in lower case always continues. Other text keeps one unit a line.
//! - **Preformatted blocks** keep their lines as written, never reflowed:
//!   fenced blocks (```` ``` ```` or `~~~`, in any format), and runs of
//!   short lines that show they are a table or a list — most of them
//!   figures ("Net 217,572 vs 153,454"), columns apart by wide gaps, or
//!   list items. A run of short lines with no such evidence (a headline
//!   and a byline, a menu) stays one unit a line, so the cleaner can still
//!   tell a title or chrome.

use std::borrow::Cow;
use std::ops::Deref;
use std::sync::LazyLock;

use memchr::memmem;

use super::chrome;
use super::structure;

/// One unit of text: a line, a hard-wrapped paragraph joined into one
/// line, or a preformatted block (its lines joined by `\n`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit<'a> {
    text: Cow<'a, str>,
    preformatted: bool,
}

impl<'a> Unit<'a> {
    fn line(text: Cow<'a, str>) -> Self {
        Self {
            text,
            preformatted: false,
        }
    }

    /// Returns true if and only if the unit is a table, list or fenced
    /// block whose lines are kept as written.
    pub fn is_preformatted(&self) -> bool {
        self.preformatted
    }
}

impl Deref for Unit<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

impl std::fmt::Display for Unit<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// A non-blank line: its text without surrounding spaces, and its indent
/// and width in characters.
#[derive(Clone, Copy)]
struct Line<'a> {
    text: &'a str,
    indent: usize,
    width: usize,
}

impl<'a> Line<'a> {
    fn read(raw: &'a str) -> Option<Self> {
        let text = raw.trim();
        (!text.is_empty()).then(|| Line {
            text,
            indent: raw.len() - raw.trim_start().len(),
            width: raw.trim_end().chars().count(),
        })
    }
}

/// A stretch of the text: plain lines (`None` for a blank line), or the
/// inside of a fenced block.
enum Segment<'a> {
    Plain(Vec<Option<Line<'a>>>),
    Fenced(Vec<&'a str>),
}

/// Splits `text` into units (see the module documentation).
pub fn split_units(text: &str) -> Vec<Unit<'_>> {
    let segments = segments(text);
    let shape = Shape::of(text, &segments);
    let mut units = Vec::new();
    for segment in &segments {
        match segment {
            Segment::Plain(lines) => {
                for group in lines.split(Option::is_none) {
                    let group: Vec<Line<'_>> = group.iter().flatten().copied().collect();
                    if !group.is_empty() {
                        shape.lay_out(&group, &mut units);
                    }
                }
            }
            Segment::Fenced(lines) => {
                if let Some(unit) = preformatted(lines) {
                    units.push(unit);
                }
            }
        }
    }
    units
}

/// Splits the text at fenced blocks (see [`Fence`]); an unclosed block
/// runs to the end of the text.
fn segments(text: &str) -> Vec<Segment<'_>> {
    let mut segments = Vec::new();
    let mut plain = Vec::new();
    let mut lines = text.lines();
    while let Some(raw) = lines.next() {
        let Some(fence) = Fence::opening(raw) else {
            // A heading's underline ends the heading's unit and is no
            // word of it.
            let underline = is_underline(raw) && matches!(plain.last(), Some(Some(_)));
            plain.push(if underline { None } else { Line::read(raw) });
            continue;
        };
        let mut inside = Vec::new();
        for raw in lines.by_ref() {
            if fence.is_closed_by(raw) {
                break;
            }
            inside.push(raw);
        }
        segments.push(Segment::Plain(std::mem::take(&mut plain)));
        segments.push(Segment::Fenced(inside));
    }
    segments.push(Segment::Plain(plain));
    segments
}

/// Returns true if and only if `raw` underlines the line above it as a
/// heading: three or more `=` or `-` and nothing else, as plain text and
/// Markdown underline a title ("Quake shakes Peru" over "=================").
pub fn is_underline(raw: &str) -> bool {
    let line = raw.trim();
    line.len() >= 3 && (line.bytes().all(|b| b == b'=') || line.bytes().all(|b| b == b'-'))
}

/// The fence that opens a fenced block: three or more backticks or tildes
/// (an info string may follow backticks that holds none), closed by a line
/// of at least as many of the same character and nothing else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fence {
    mark: char,
    len: usize,
}

impl Fence {
    /// Returns the fence `line` opens, if it opens one.
    pub fn opening(line: &str) -> Option<Fence> {
        let line = line.trim();
        let mark = line.chars().next().filter(|c| matches!(c, '`' | '~'))?;
        let len = line.chars().take_while(|&c| c == mark).count();
        let info = &line[len..];
        (len >= 3 && !(mark == '`' && info.contains('`'))).then_some(Fence { mark, len })
    }

    /// Returns true if and only if `line` closes a block this fence opened.
    pub fn is_closed_by(self, line: &str) -> bool {
        let line = line.trim();
        line.chars().count() >= self.len && line.chars().all(|c| c == self.mark)
    }

    /// Returns the fence without an info string.
    pub fn bare(self) -> String {
        std::iter::repeat_n(self.mark, self.len).collect()
    }
}

/// What the text as a whole says about its lines.
struct Shape<'t> {
    /// How the text writes the words a wrap broke at a hyphen.
    spellings: Spellings<'t>,
    /// The wrap width of hard-wrapped text (the median width of lines that
    /// wrap); `None` for other text.
    wrap: Option<usize>,
    /// The widest a wrapped line runs (the 90th percentile of their widths).
    wrap_max: usize,
    /// The indent of the running lines of hard-wrapped text: a line
    /// indented deeper starts a paragraph.
    base_indent: usize,
}

/// The fewest lines that must visibly wrap for a text to count as
/// hard-wrapped.
const MIN_WRAPPED_LINES: usize = 1;

/// The widest line, in characters, a run of short lines may hold in text
/// that is not hard-wrapped.
const SHORT_LINE: usize = 60;

impl<'t> Shape<'t> {
    /// Reads the shape of the text: it is hard-wrapped when lines that stop
    /// mid-sentence go on in lower case on the next line, at least
    /// [`MIN_WRAPPED_LINES`] times and for a fifth of the lines that stop
    /// mid-sentence (table rows aside), at a typewriter width (the median
    /// width of those lines, 30 to 110 characters) that few lines exceed.
    fn of(text: &'t str, segments: &[Segment<'_>]) -> Shape<'t> {
        let mut wrapped: Vec<usize> = Vec::new();
        let mut widths: Vec<usize> = Vec::new();
        let mut followed = 0usize;
        let mut base_indent = usize::MAX;
        for segment in segments {
            let Segment::Plain(lines) = segment else {
                continue;
            };
            for line in lines.iter().flatten() {
                base_indent = base_indent.min(line.indent);
                widths.push(line.width);
            }
            for pair in lines.windows(2) {
                let [Some(prev), Some(next)] = pair else {
                    continue;
                };
                if ends_clause(prev.text) {
                    continue;
                }
                if goes_on(prev.text, next.text) {
                    wrapped.push(prev.width);
                    followed += 1;
                } else if !is_tabular(prev.text) {
                    followed += 1;
                }
            }
        }
        let base_indent = if base_indent == usize::MAX {
            0
        } else {
            base_indent
        };
        if wrapped.len() < MIN_WRAPPED_LINES || wrapped.len() * 5 < followed {
            return Shape {
                spellings: Spellings::of(text),
                wrap: None,
                wrap_max: 0,
                base_indent,
            };
        }
        wrapped.sort_unstable();
        let width = wrapped[wrapped.len() / 2];
        // Wrapped text has few lines much wider than its wrap width; text
        // of one long line a paragraph has many.
        let wide = widths.iter().filter(|&&w| w > width * 5 / 4 + 5).count();
        Shape {
            spellings: Spellings::of(text),
            wrap: ((30..=110).contains(&width) && wide * 10 <= widths.len()).then_some(width),
            wrap_max: wrapped[wrapped.len() * 9 / 10],
            base_indent,
        }
    }

    /// Returns true if and only if `line` reaches far enough towards the
    /// wrap width that the text must have gone on past it.
    fn is_full(&self, line: &Line<'_>) -> bool {
        self.wrap.is_some_and(|w| line.width * 4 >= w * 3)
    }

    /// Returns true if and only if `line` is short enough to be one line
    /// of a table or list.
    fn is_short(&self, line: &Line<'_>) -> bool {
        match self.wrap {
            Some(_) => !self.is_full(line),
            None => line.width <= SHORT_LINE,
        }
    }

    /// Returns true if and only if `next` goes on the paragraph that
    /// `prev` is in.
    fn continues(&self, first: &Line<'_>, prev: &Line<'_>, next: &Line<'_>) -> bool {
        if is_table_row(prev.text) || is_table_row(next.text) {
            return false;
        }
        // A dash or a number that the wrap carried to the start of a line
        // in mid-sentence is no list item.
        let next_list_item = is_list_item(next.text)
            && (self.wrap.is_none()
                || ends_clause(prev.text)
                || is_list_item(first.text)
                || !self.is_full(prev));
        if self.wrap.is_some() && next.indent > self.base_indent {
            // A deeper indent starts a paragraph, except under a list
            // item, where it carries the item on.
            return is_list_item(first.text) && !next_list_item && next.indent > first.indent;
        }
        if next_list_item {
            return false;
        }
        // A line that stops mid-sentence before one that goes on in lower
        // case (or stops on a word no sentence ends on: "a budget of" above
        // "1.2 million") was wrapped, in any text; outside hard-wrapped text only
        // when neither line is a widget ("Notify of" above "guest").
        let goes_on = !ends_clause(prev.text) && goes_on(prev.text, next.text);
        if self.wrap.is_none() {
            return goes_on
                && !chrome::looks_like_chrome(prev.text)
                && !chrome::looks_like_chrome(next.text);
        }
        goes_on || self.is_full(prev) || self.no_room_for(prev, next)
    }

    /// Returns true if and only if the first word of `next` would not have
    /// fitted at the end of `prev`: the wrap, not the writer, broke the
    /// line there.
    fn no_room_for(&self, prev: &Line<'_>, next: &Line<'_>) -> bool {
        let word = next.text.split_whitespace().next().unwrap_or_default();
        prev.width + 1 + word.chars().count() > self.wrap_max
    }

    /// Lays out one blank-line group: its lines are cut into pieces
    /// (paragraphs or single lines), then runs of short lines with the
    /// evidence of a table or list become one preformatted unit.
    fn lay_out<'a>(&self, group: &[Line<'a>], units: &mut Vec<Unit<'a>>) {
        let mut pieces: Vec<&[Line<'a>]> = Vec::new();
        let mut start = 0;
        for i in 1..=group.len() {
            if i == group.len() || !self.continues(&group[start], &group[i - 1], &group[i]) {
                pieces.push(&group[start..i]);
                start = i;
            }
        }
        let mut i = 0;
        while i < pieces.len() {
            let run = pieces[i..]
                .iter()
                .take_while(|p| self.is_run_member(p))
                .count();
            if run == 0 {
                units.push(joined(pieces[i], &self.spellings));
                i += 1;
                continue;
            }
            let run = &pieces[i..i + run];
            if let Some(label) = contact_label(run) {
                units.extend(run[..label].iter().map(|p| joined(p, &self.spellings)));
                units.push(block(&run[label..]));
                i += run.len();
                continue;
            }
            let mut evidence: Vec<bool> = run.iter().map(|p| is_tabular(p[0].text)).collect();
            // A header of one column, indented to a column of the row
            // under it (tabs before it leave the first column empty).
            for k in (0..run.len().saturating_sub(1)).rev() {
                if !evidence[k] && evidence[k + 1] && heads_column(&run[k][0], &run[k + 1][0]) {
                    evidence[k] = true;
                }
            }
            let mut at = 0;
            while let Some((skip, len)) = tabular_span(&evidence[at..]) {
                units.extend(
                    run[at..at + skip]
                        .iter()
                        .map(|p| joined(p, &self.spellings)),
                );
                units.push(block(&run[at + skip..at + skip + len]));
                at += skip + len;
            }
            units.extend(run[at..].iter().map(|p| joined(p, &self.spellings)));
            i += run.len();
        }
    }

    /// Returns true if and only if `piece` may be a line of a table or
    /// list: a single line that does not look like page chrome, and is
    /// short, or a row of columns or figures that is no sentence (a results
    /// table's first row carries the dateline, which makes it long). A row
    /// of columns with two figures is a row whatever its words ("Home
    /// 31.7  33.0" in a sales table is no menu).
    fn is_run_member(&self, piece: &[Line<'_>]) -> bool {
        let [line] = piece else { return false };
        let row = line.width <= 160 && is_tabular(line.text) && !ends_clause(line.text);
        let figures_row = is_table_row(line.text) && figures(line.text) >= 2;
        (self.is_short(line) || row) && (figures_row || !chrome::looks_like_chrome(line.text))
    }
}

/// Where a contact block starts in a run of single short lines: a label
/// that ends in a colon ("Media contact:", "Press enquiries:") over two
/// lines or more, one at least an e-mail or web address or a telephone
/// number. Its lines (a name, a role, a firm, an address) are kept as
/// written, one block, not read as headings.
fn contact_label(run: &[&[Line<'_>]]) -> Option<usize> {
    let label = run
        .iter()
        .position(|p| p[0].text.trim_end().ends_with(':'))?;
    (run.len() - label >= 3
        && run[label + 1..]
            .iter()
            .any(|p| structure::is_contact_line(p[0].text)))
    .then_some(label)
}

/// Within a run of candidate lines (`evidence` tells which show that they
/// belong to a table or list: figures, column gaps, list bullets), returns
/// where the first table or list starts and how many lines it holds: from
/// a line with evidence, through as many more as keep at least half of it
/// showing evidence, ending on one. `None` when no two lines qualify.
/// Reads each line a bounded number of times, so a long run stays linear.
fn tabular_span(evidence: &[bool]) -> Option<(usize, usize)> {
    let mut from = 0;
    loop {
        let first = from + evidence[from..].iter().position(|&e| e)?;
        let (mut last, mut shown) = (first, 1);
        for (k, &e) in evidence.iter().enumerate().skip(first + 1) {
            // No line with evidence this far on could keep half.
            if k - first + 1 > (shown + 1) * 2 {
                break;
            }
            if e {
                last = k;
                shown += 1;
            }
        }
        if shown >= 2 {
            return Some((first, last - first + 1));
        }
        from = first + 1;
    }
}

/// Returns true if and only if `line` reads as a line of a table or list:
/// a gap of columns, a list bullet, or figures that are not a date — at
/// least one word in four ("Net 217,572 vs 153,454"; prose that quotes two
/// numbers has more words between them), or one in a short row that is no
/// sentence ("Loss 739,146").
fn is_tabular(line: &str) -> bool {
    static DASH: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new(b" - "));
    if is_table_row(line) || is_list_item(line) {
        return true;
    }
    // A results table's first row carries the wire dateline
    // ("NEW YORK, March 2 - Qtr ends Dec 31"): judge the row after it.
    let head = &line.as_bytes()[..line.len().min(60 + " - ".len())];
    let row_text = DASH
        .find(head)
        .filter(|&i| i <= 60 && line[..i].ends_with(|c: char| c.is_ascii_digit()))
        .map_or(line, |i| &line[i + 3..]);
    let figures = figures(row_text);
    let row = figures >= 2 && !structure::more_words_than(row_text, 4 * figures)
        || figures == 1 && !structure::more_words_than(row_text, 5) && !ends_clause(row_text);
    row && structure::dateline(line).is_none()
}

/// Returns true if and only if `header` stands over a column of `row`: it
/// is indented to where one of the row's columns starts (not its first),
/// and it is no sentence.
fn heads_column(header: &Line<'_>, row: &Line<'_>) -> bool {
    header.indent > row.indent
        && !ends_clause(header.text)
        && column_starts(row).any(|at| at == header.indent)
}

/// Returns where the columns of `line` after its first start, in
/// characters from the start of the line: after each gap of two or more
/// spaces.
fn column_starts<'a>(line: &'a Line<'_>) -> impl Iterator<Item = usize> + 'a {
    let mut spaces = 0;
    line.text.chars().enumerate().filter_map(move |(at, c)| {
        let start = c != ' ' && spaces >= 2;
        spaces = if c == ' ' { spaces + 1 } else { 0 };
        start.then_some(line.indent + at)
    })
}

/// Returns the number of figures in `line`: words that start with a digit
/// ("217,572", "1.20", "4TH", "1986/87").
fn figures(line: &str) -> usize {
    line.split_whitespace()
        .filter(|w| {
            w.trim_start_matches(['(', '$', '-', '+'])
                .starts_with(|c: char| c.is_ascii_digit())
        })
        .count()
}

/// Returns true if and only if `line` has columns: a gap of three or more
/// spaces inside it, or two gaps of two. A gap after the end of a sentence
/// does not count, and neither does one double space alone: typewriter
/// text has them after a full stop, in "March  2" and where a full stop
/// was lost.
fn is_table_row(line: &str) -> bool {
    let mut gaps = 0;
    let mut rest = line.trim();
    while let Some(gap) = double_space(rest) {
        let before = &rest[..gap];
        let after = rest[gap..].trim_start();
        let width = rest.len() - gap - after.len();
        if !before.is_empty() && !before.ends_with(['.', '!', '?', ':', ';', '"', '”']) {
            if width >= 3 {
                return true;
            }
            gaps += 1;
        }
        rest = after;
    }
    gaps >= 2
}

/// Returns where the first two spaces in a row in `text` start (a SIMD
/// search: this runs on every line of every article).
fn double_space(text: &str) -> Option<usize> {
    // Built once: building a searcher cost as much as most searches.
    static TWO_SPACES: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new(b"  "));
    TWO_SPACES.find(text.as_bytes())
}

/// Returns true if and only if `line` starts like a list item: a bullet,
/// or a number of one to three digits followed by `.` or `)` and a space.
fn is_list_item(line: &str) -> bool {
    if let Some(rest) = line.strip_prefix(['•', '-', '*', '–', '—', '·', '+']) {
        return rest.starts_with(' ');
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    (1..=3).contains(&digits) && line[digits..].starts_with([')', '.']) && {
        line[digits + 1..].starts_with(' ')
    }
}

/// Returns true if and only if `line` ends a sentence or a clause that
/// introduces what follows (`:` or `;`).
fn ends_clause(line: &str) -> bool {
    structure::ends_sentence(line) || line.trim_end().ends_with([':', ';'])
}

/// Returns true if and only if `line` starts with a lower-case word that
/// is not an address: an e-mail address or a web address under a name
/// ("Jo Kettering" above "press@harlowbio.example") is a line of a contact
/// block, not the rest of its sentence.
fn starts_lower(line: &str) -> bool {
    line.starts_with(|c: char| c.is_lowercase())
        && !line
            .split_whitespace()
            .next()
            .is_some_and(structure::is_address)
}

/// Returns true if and only if `next` visibly carries on the sentence that
/// `prev` stops in: it starts in lower case, `prev` stops in a word broken
/// at a hyphen, or `prev` stops on a word that no sentence or headline
/// ends on ("of", "the", "and"), so a line that starts with a figure or a
/// name still goes on.
fn goes_on(prev: &str, next: &str) -> bool {
    starts_lower(next)
        || (broken_at_hyphen(prev) && next.starts_with(char::is_alphabetic))
        || prev
            .split_whitespace()
            .next_back()
            .is_some_and(|word| DANGLING_WORDS.binary_search(&word).is_ok())
}

/// Returns true if and only if `line` ends in a hyphen right after a
/// letter ("Wednes-", "Anna-"): a word goes on on the next line.
fn broken_at_hyphen(line: &str) -> bool {
    line.trim_end()
        .strip_suffix('-')
        .is_some_and(|rest| rest.ends_with(char::is_alphabetic))
}

/// Lower-case words that leave a sentence unfinished, sorted.
const DANGLING_WORDS: &[&str] = &[
    "a", "about", "after", "against", "amid", "among", "an", "and", "are", "as", "at", "before",
    "between", "but", "by", "despite", "during", "for", "from", "had", "has", "have", "her", "his",
    "in", "into", "is", "its", "of", "on", "onto", "or", "our", "per", "than", "that", "the",
    "their", "to", "upon", "via", "was", "were", "which", "whose", "will", "with", "would",
];

/// Words that follow a name after a hyphen ("Sao Paulo-based",
/// "Kremlin-backed"), and that no wrap splits off a longer word: after a
/// line-end hyphen the hyphen stays before them. Sorted.
#[rustfmt::skip]
const COMPOUND_TAILS: &[&str] = &[
    "backed", "based", "born", "bound", "bred", "built", "controlled", "educated", "era", "flagged",
    "focused", "funded", "headquartered", "led", "linked", "listed", "made", "owned",
    "registered", "related", "run", "speaking", "style", "trained", "wide",
];

/// Returns a piece as one unit: its words joined by single spaces, and a
/// word the wrap broke at a hyphen made whole (see [`rejoin`]).
fn joined<'a>(piece: &[Line<'a>], spellings: &Spellings<'_>) -> Unit<'a> {
    // A menu copied from a page keeps the wide gaps that show it is one
    // ("Home  News  Sport"), for the cleaner to see.
    if let [line] = piece
        && (double_space(line.text).is_none() || chrome::is_spaced_menu(line.text))
    {
        return Unit::line(Cow::Borrowed(line.text));
    }
    let mut text = String::with_capacity(piece.iter().map(|l| l.text.len() + 1).sum());
    for line in piece {
        if is_plainly_spaced(line.text) {
            // Its words as they stand: what the word-by-word joining below
            // would make of them, without decoding a character.
            append(&mut text, line.text, spellings);
            continue;
        }
        for word in line.text.split_whitespace() {
            append(&mut text, word, spellings);
        }
    }
    Unit::line(Cow::Owned(text))
}

/// Appends `words`, one word or words set apart by single spaces, to the
/// joined `text`: after a space, or straight on where the first goes on a
/// word broken at a hyphen (see [`rejoin`]).
fn append(text: &mut String, words: &str, spellings: &Spellings<'_>) {
    let first = words.split(' ').next().unwrap_or_default();
    if !text.is_empty() && !rejoin(text, first, spellings) {
        text.push(' ');
    }
    text.push_str(words);
}

/// Returns true if and only if `line` is ASCII words set apart by single
/// spaces, with none at either end and no word but the last ending in a
/// hyphen: the line the words of which [`joined`] would join unchanged.
fn is_plainly_spaced(line: &str) -> bool {
    static HYPHEN_SPACE: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new(b"- "));
    let bytes = line.as_bytes();
    !bytes.is_empty()
        && bytes[0] != b' '
        && bytes[bytes.len() - 1] != b' '
        && bytes.iter().all(|&b| (0x20..0x80).contains(&b))
        && double_space(line).is_none()
        && HYPHEN_SPACE.find(bytes).is_none()
}

/// Where the line so far, `text`, ends in a word broken at a hyphen
/// ("Wednes-") and `next` goes on with letters, prepares `text` for `next`
/// to follow with no space, and returns true. The hyphen goes when the
/// halves are not both English words ("govern-ment", "Wednes-day") or
/// make one ("be-hind", "with-out"), and stays between two that are and
/// make none ("well-known") or before a capital ("Karl-Erik") — unless
/// the text itself writes the word elsewhere, one way only ("Westbridge"
/// for "West-bridge", "co-operate" for "co-operate").
fn rejoin(text: &mut String, next: &str, spellings: &Spellings<'_>) -> bool {
    let Some(left) = text.strip_suffix('-') else {
        return false;
    };
    let head = left
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    let tail: &str = next
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    if head.is_empty() || tail.is_empty() {
        return false;
    }
    let word = crate::entities::is_common_word;
    let compound = spellings.keeps_hyphen(head, tail).unwrap_or_else(|| {
        tail.starts_with(char::is_uppercase)
            || COMPOUND_TAILS.binary_search(&tail).is_ok()
            || (word(head) && word(tail) && !word(&format!("{head}{tail}")))
    });
    if !compound {
        text.pop();
    }
    true
}

/// How a text writes its words elsewhere: the evidence for a word the
/// wrap broke at a hyphen. Each question reads the whole text, so the
/// questions of one text share a budget of a few readings of it: a text
/// with a hyphen at every line's end stays linear.
pub(super) struct Spellings<'t> {
    text: &'t str,
    /// The text in lower case, made at the first question.
    lower: std::cell::OnceCell<String>,
    budget: std::cell::Cell<usize>,
}

/// How many readings of the whole text the questions of one text may take.
const SPELLING_READINGS: usize = 64;

impl<'t> Spellings<'t> {
    fn of(text: &'t str) -> Self {
        Spellings {
            text,
            lower: std::cell::OnceCell::new(),
            budget: std::cell::Cell::new(SPELLING_READINGS),
        }
    }

    /// Returns `Some(true)` when the text writes `head-tail` with its
    /// hyphen and never as one word, `Some(false)` when it writes
    /// `headtail` and never with the hyphen, and `None` when it says
    /// neither (or both, or the budget is spent). Case is ignored.
    fn keeps_hyphen(&self, head: &str, tail: &str) -> Option<bool> {
        let left = self.budget.get().checked_sub(2)?;
        self.budget.set(left);
        let text = self.lower.get_or_init(|| self.text.to_lowercase());
        let closed = holds_word(text, &format!("{head}{tail}").to_lowercase());
        let hyphened = holds_word(text, &format!("{head}-{tail}").to_lowercase());
        (closed != hyphened).then_some(hyphened)
    }
}

/// Returns true if and only if `text` holds `word` with no letter or
/// figure on either side (a line-end break, `head-` then a line break,
/// never reads as `head-tail`).
fn holds_word(text: &str, word: &str) -> bool {
    memmem::find_iter(text.as_bytes(), word.as_bytes()).any(|at| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Returns single-line pieces as one preformatted unit, their relative
/// indents kept.
fn block<'a>(pieces: &[&[Line<'a>]]) -> Unit<'a> {
    let indent = pieces.iter().map(|p| p[0].indent).min().unwrap_or(0);
    let mut text = String::with_capacity(pieces.iter().map(|p| p[0].text.len() + 1).sum());
    for piece in pieces {
        if !text.is_empty() {
            text.push('\n');
        }
        text.extend(std::iter::repeat_n(' ', piece[0].indent - indent));
        text.push_str(piece[0].text);
    }
    Unit {
        text: Cow::Owned(text),
        preformatted: true,
    }
}

/// Returns the inside of a fenced block as one preformatted unit (its
/// common indent and blank lines at either end removed); `None` when it
/// holds nothing.
fn preformatted<'a>(lines: &[&'a str]) -> Option<Unit<'a>> {
    let first = lines.iter().position(|l| !l.trim().is_empty())?;
    let last = lines.iter().rposition(|l| !l.trim().is_empty())?;
    let lines = &lines[first..=last];
    let indent = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let text = lines
        .iter()
        .map(|l| l.get(indent..).unwrap_or("").trim_end())
        .collect::<Vec<_>>()
        .join("\n");
    Some(Unit {
        text: Cow::Owned(text),
        preformatted: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The joining of a piece's lines word by word, as `joined` does it
    /// for any line: the lines it takes whole must come out the same.
    fn joined_word_by_word(piece: &[Line<'_>]) -> String {
        let mut text = String::new();
        for word in piece.iter().flat_map(|line| line.text.split_whitespace()) {
            append(&mut text, word, &Spellings::of(""));
        }
        text
    }

    proptest::proptest! {
        #[test]
        fn lines_taken_whole_join_as_word_by_word(
            raws in proptest::collection::vec("[a-zA-Z -]{0,4}( |-|\\t|\u{a0}|\u{2003}|--|- )?[a-z -]{0,6}", 2..5)
        ) {
            let piece: Vec<Line<'_>> = raws.iter().filter_map(|r| Line::read(r)).collect();
            proptest::prop_assume!(piece.len() > 1);
            proptest::prop_assert_eq!(joined(&piece, &Spellings::of("")).to_string(), joined_word_by_word(&piece));
        }
    }

    #[test]
    fn hyphens_at_line_ends_and_inside_lines_join_as_word_by_word() {
        let raws = [
            "The govern-",
            "ment said the well- known Wednes-",
            "day plan, a so-called reform,",
            "was Karl-",
            "Erik's - and",
            "nobody else's.",
        ];
        let piece: Vec<Line<'_>> = raws.iter().filter_map(|r| Line::read(r)).collect();
        let text = joined(&piece, &Spellings::of("")).to_string();
        assert_eq!(text, joined_word_by_word(&piece));
        assert!(text.starts_with("The government said"), "{text}");
    }

    fn texts(text: &str) -> Vec<(bool, String)> {
        split_units(text)
            .into_iter()
            .map(|u| (u.is_preformatted(), u.to_string()))
            .collect()
    }

    #[test]
    fn a_heading_s_underline_ends_it_and_a_lone_rule_stays() {
        let text = "Quake shakes southern Peru\n==========================\n\nA magnitude 6.1 \
                    earthquake struck southern Peru on Tuesday, shaking buildings\nin Arequipa \
                    and Cusco, the institute said.\n\nAftershocks\n-----------\nThey went on \
                    all night.\n\n-----\n";
        let units: Vec<String> = texts(text).into_iter().map(|u| u.1).collect();
        assert_eq!(
            units,
            [
                "Quake shakes southern Peru",
                "A magnitude 6.1 earthquake struck southern Peru on Tuesday, shaking buildings in Arequipa and Cusco, the institute said.",
                "Aftershocks",
                "They went on all night.",
                "-----"
            ]
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "The council voted on Tuesday to close the old bridge\nfor repairs that will last until the spring, officials\nsaid in a statement released after the meeting.\n\nResidents said the detour would add twenty minutes\nto their commute and asked for a shuttle bus service\nto run during the works.";
        let units = split_units(text);
        assert_eq!(units.len(), 2);
        assert!(units[0].ends_with("after the meeting."));
    }

    #[test]
    fn a_wrapped_line_that_starts_with_a_figure_goes_on() {
        let text = "Bridge repairs approved\n\nThe Eastfield council voted 6 to 3 on Monday to approve spending of\n2.4 million euros on the repairs, the mayor said.\n\nWork starts in May.";
        let units = texts(text);
        assert_eq!(units.len(), 3, "{units:?}");
        assert_eq!(
            units[1].1,
            "The Eastfield council voted 6 to 3 on Monday to approve spending of 2.4 million euros on the repairs, the mayor said."
        );
        // A headline over a date, without a dangling word, stays two lines.
        assert_eq!(texts("Harbour Cranes Return\n12 March 2024\n").len(), 2);
    }

    #[test]
    fn a_wrapped_line_that_stops_on_a_preposition_goes_on_into_a_name() {
        let text = "Pool reopens\n\nSwimmers returned to the Eastfield baths on Saturday after\nMarta Quill, the council's leisure officer, signed off the repairs.\n\nThe cafe opens in June.";
        let units = texts(text);
        assert_eq!(units.len(), 3, "{units:?}");
        assert_eq!(
            units[1].1,
            "Swimmers returned to the Eastfield baths on Saturday after Marta Quill, the council's leisure officer, signed off the repairs."
        );
    }

    /// A contact block's lines stay apart, one block as written: an address
    /// that starts a line in lower case does not carry on the name above
    /// it. In hard-wrapped text, a full line still goes on into an address.
    #[test]
    fn an_address_under_a_name_starts_a_line_of_its_own() {
        let text = "Media contact:\nJo Kettering\npress@harlowbio.example\nwww.harlowbio.example";
        assert_eq!(texts(text), [(true, text.to_owned())]);
        let wrapped = "Readers with questions about the new parking permits were told on\nMonday to write to the council's transport office at the address\npermits@eastfield.example or to call in person at the town hall.";
        assert_eq!(texts(wrapped).len(), 1, "{:?}", texts(wrapped));
    }

    /// Under a label, a name, a role and a telephone number are a contact
    /// block, not three headings; without a way to reach anyone, short
    /// lines under a label stay one unit a line.
    #[test]
    fn a_labelled_contact_block_is_kept_as_written() {
        let text = "Press enquiries:\nTomasz Wrona\nHead of Communications\nTel: +44 20 7946 0958";
        assert_eq!(texts(text), [(true, text.to_owned())]);
        let intro = "The club confirmed:\nThree new signings\nTwo departures\nOne loan";
        assert!(
            texts(intro).iter().all(|(pre, _)| !pre),
            "{:?}",
            texts(intro)
        );
    }

    #[test]
    fn words_broken_at_a_line_end_hyphen_are_made_whole() {
        let text = "The Fenwick council said on Wednes-\nday that the new govern-\nment grant, a well-\nknown scheme run with Anna-\nLena Berg, would help.";
        let units = texts(text);
        assert_eq!(units.len(), 1, "{units:?}");
        assert_eq!(
            units[0].1,
            "The Fenwick council said on Wednesday that the new government grant, a well-known scheme run with Anna-Lena Berg, would help."
        );
        // Two words that make one were one word broken by the wrap; two
        // that make none were written with the hyphen.
        let units = texts(
            "\"We see the worst be-\nhind us,\" he said, in a long-\nterm view with-\nout fear.",
        );
        assert_eq!(
            units[0].1,
            "\"We see the worst behind us,\" he said, in a long-term view without fear."
        );
        // A dash between words keeps its spaces.
        let units =
            texts("The grant - which the council approved -\nwill help, officials said on Monday.");
        assert!(units[0].1.contains("approved - will"), "{units:?}");
    }

    #[test]
    fn a_word_broken_at_a_hyphen_is_written_as_the_text_writes_it_elsewhere() {
        // Both halves are words and make none, so the guess is a compound;
        // the text itself writes the town as one word.
        let text = "WESTBRIDGE council said the funding formula left West-\nbridge short of what it needed to stand still, and the\nleader said so.";
        let units = texts(text);
        assert!(units[0].1.contains("left Westbridge short"), "{units:?}");
        // "co" is no word, so the guess is one word; the text writes it
        // with its hyphen.
        let text = "The unions said they would co-operate with the review, and\nthe council said it would co-\noperate with them in turn.";
        let units = texts(text);
        assert!(
            units[0].1.ends_with("would co-operate with them in turn."),
            "{units:?}"
        );
        // Without such evidence the guess stands.
        let text = "The funding formula left West-\nbridge short of what it needed to stand still, and the\nleader said so.";
        assert!(texts(text)[0].1.contains("West-bridge"));
    }

    #[test]
    fn dangling_words_are_sorted() {
        assert!(DANGLING_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(COMPOUND_TAILS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_name_wrapped_before_based_or_led_keeps_its_hyphen() {
        let text = "Shares of the grocery chain run by the Tallinn-\nbased family rose on Tuesday after a Kremlin-\nbacked rival said it would sell its stores to a Nairobi-\nlisted bank, traders in the Baltic capital said.";
        let units = texts(text);
        assert_eq!(units.len(), 1, "{units:?}");
        assert_eq!(
            units[0].1,
            "Shares of the grocery chain run by the Tallinn-based family rose on Tuesday after a Kremlin-backed rival said it would sell its stores to a Nairobi-listed bank, traders in the Baltic capital said."
        );
    }

    #[test]
    fn single_line_paragraphs_stay_lines() {
        let units = split_units("Title here\nFirst paragraph.\n\nSecond paragraph.");
        assert_eq!(units.len(), 3);
    }

    #[test]
    fn indented_first_lines_start_paragraphs_and_short_first_lines_go_on() {
        let text = "FERRY OPERATOR IN TALKS ON SALE\n\nNorth Sound Ferries said it had started\nnegotiations with two shipping groups on a possible sale of\nits island routes.\n    It said there was no assurance that a deal would\nresult from the talks. It gave no further details.\n    The company runs eleven vessels between the mainland and\nthe outer islands.\n";
        let units = texts(text);
        assert_eq!(
            units,
            [
                (false, "FERRY OPERATOR IN TALKS ON SALE".to_owned()),
                (false, "North Sound Ferries said it had started negotiations with two shipping groups on a possible sale of its island routes.".to_owned()),
                (false, "It said there was no assurance that a deal would result from the talks. It gave no further details.".to_owned()),
                (false, "The company runs eleven vessels between the mainland and the outer islands.".to_owned()),
            ]
        );
    }

    #[test]
    fn figures_rows_become_one_preformatted_block() {
        let text = "ORCHARD FOODS 2ND QTR NET\n\n    SALEM, Ore., July 9 - Shr 41 cts vs 38 cts\n    Net 2,115,000 vs 1,960,000\n    Revs 52.8 mln vs 49.1 mln\n    Six mths\n    Shr 80 cts vs 71 cts\n    Net 4,131,000 vs 3,662,000\n Reuter\n";
        let units = texts(text);
        assert_eq!(units.len(), 3, "{units:?}");
        assert_eq!(units[0], (false, "ORCHARD FOODS 2ND QTR NET".to_owned()));
        assert_eq!(
            units[1],
            (
                true,
                "SALEM, Ore., July 9 - Shr 41 cts vs 38 cts\nNet 2,115,000 vs 1,960,000\nRevs 52.8 mln vs 49.1 mln\nSix mths\nShr 80 cts vs 71 cts\nNet 4,131,000 vs 3,662,000".to_owned()
            )
        );
        assert_eq!(units[2], (false, "Reuter".to_owned()));
    }

    #[test]
    fn rows_of_one_figure_are_a_table_too() {
        let units = texts(
            "FERRY LINES YEAR LOSS\n\n    OBAN, March 2 -\n    Shr loss 11 cts\n    Loss 739,146\n    Revs 11,754,251\n",
        );
        assert_eq!(units.len(), 2, "{units:?}");
        assert!(units[1].0);
        assert_eq!(units[1].1.lines().count(), 4);
    }

    #[test]
    fn a_dash_carried_to_a_line_start_is_no_list_item() {
        let text = "Banknotes in circulation rose by 834 mln francs to 24.79\nbillion while other deposits on call - mainly government funds\n- fell 1.60 billion francs to 1.04 billion, the bank said.\n    Sight deposits are an important measure of money market\nliquidity in the country.\n";
        let units = texts(text);
        assert_eq!(units.len(), 2, "{units:?}");
        assert!(
            units[0]
                .1
                .ends_with("- fell 1.60 billion francs to 1.04 billion, the bank said.")
        );
    }

    #[test]
    fn prose_that_quotes_figures_is_no_table() {
        assert!(!is_tabular(
            "ZURICH, March 2 - Dow Chemical Co has launched a 200 mln"
        ));
        assert!(!is_tabular(
            "Swiss franc, 12-year bond with a 4-3/4 pct coupon priced at"
        ));
        assert!(is_tabular(
            "OAK BROOK, Ill., March 2 - Shr 1.20 dlrs vs 1.05 dlrs"
        ));
        assert!(is_tabular("Avg shrs 4,522,000 vs 4,519,000"));
        assert!(is_tabular("NEW YORK, March 2 - Qtr ends Dec 31"));
        assert!(!is_tabular("March 3, 2024"));
    }

    #[test]
    fn columns_keep_their_alignment() {
        let text = "Final standings:\n\n  Rovers      12  30\n  Athletic    12  27\n  City        12  19\n";
        let units = texts(text);
        assert_eq!(
            units[1],
            (
                true,
                "Rovers      12  30\nAthletic    12  27\nCity        12  19".to_owned()
            )
        );
    }

    #[test]
    fn a_header_over_a_later_column_opens_the_table() {
        // Tabs expanded to stops of 8 leave the header's first column empty.
        let text = "Goals this season:\n\n                Goals\nRovers          30\nAthletic        27\nCity            19\n";
        let units = texts(text);
        assert_eq!(units.len(), 2, "{units:?}");
        assert!(units[1].0, "{units:?}");
        assert!(
            units[1].1.starts_with("                Goals\nRovers"),
            "{units:?}"
        );
        // Indented prose before a table stays a line of its own: it is a
        // sentence, or it stands where no column starts.
        for intro in ["        The table follows.", "      Goals"] {
            let text = format!("{intro}\nRovers          30\nAthletic        27\n");
            let units = texts(&text);
            assert!(!units[0].0 && units[0].1 == intro.trim(), "{units:?}");
        }
    }

    #[test]
    fn a_row_whose_label_is_a_menu_word_stays_in_its_table() {
        let text =
            "Sales, in mln stg:\n\nExports         84.2    75.1\nHome            31.7    33.0\n";
        let units = texts(text);
        assert_eq!(
            units[1],
            (
                true,
                "Exports         84.2    75.1\nHome            31.7    33.0".to_owned()
            )
        );
        // Share buttons in columns, without figures, stay out of the table,
        // with the gaps that show they are a menu.
        let units = texts("Share   Tweet   Email\nExports   84.2   75.1\nImports   31.7   33.0\n");
        assert_eq!(
            units[0],
            (false, "Share   Tweet   Email".to_owned()),
            "{units:?}"
        );
        assert!(units[1].0, "{units:?}");
    }

    #[test]
    fn a_double_space_is_no_column() {
        assert!(!is_table_row("CHICAGO, March  2 - Bally said it"));
        assert!(!is_table_row("agency obligations  Bank of New York owns"));
        assert!(!is_table_row("the talks.  It gave no further details."));
        assert!(is_table_row("Diameter   about 12 km"));
        assert!(is_table_row("Rovers  12  30"));
    }

    #[test]
    fn a_list_in_wrapped_text_is_kept_and_its_intro_is_not() {
        let text = "The plan, which the council approved on Monday after a long\ndebate, sets out three changes to the bus network in the city\ncentre from next month. The changes are:\n- route 4 runs every ten minutes\n- route 9 is withdrawn\n- night buses stop at the station\nOfficials said the changes would save money.\n";
        let units = texts(text);
        assert_eq!(units.len(), 3, "{units:?}");
        assert!(units[0].1.ends_with("The changes are:"));
        assert!(units[1].0);
        assert_eq!(units[1].1.lines().count(), 3);
        assert_eq!(units[2].1, "Officials said the changes would save money.");
    }

    #[test]
    fn headline_byline_and_date_without_evidence_stay_lines() {
        let units = texts(
            "Harbour Cranes Return\nBy Ana Ruiz\nMarch 3, 2024\n\nThe cranes came back on Monday.\n",
        );
        assert_eq!(units.len(), 4);
        assert!(units.iter().all(|(pre, _)| !pre));
    }

    #[test]
    fn fenced_blocks_are_preformatted_in_any_text() {
        let text = "Run this:\n\n```sh\n  cargo run -- list\n    --json\n```\nThen read the output.\n~~~\nunclosed\n  block";
        let units = texts(text);
        assert_eq!(
            units,
            [
                (false, "Run this:".to_owned()),
                (true, "cargo run -- list\n  --json".to_owned()),
                (false, "Then read the output.".to_owned()),
                (true, "unclosed\n  block".to_owned()),
            ]
        );
    }

    #[test]
    fn a_long_run_of_short_lines_is_laid_out_in_linear_time() {
        let mut text = String::from("1 2\n");
        for i in 0..200_000 {
            text.push_str(if i % 3 == 0 {
                "Rovers 12\n"
            } else {
                "and so on\n"
            });
        }
        let units = split_units(&text);
        let words: usize = units.iter().map(|u| u.split_whitespace().count()).sum();
        assert_eq!(words, text.split_whitespace().count());
    }

    #[test]
    fn every_word_is_kept() {
        let text = "A\n    b c\n\n  1 2  3\n  4 5  6\n```\nx\n```\n~~~~\n```\n~~~~\nend";
        let words: Vec<String> = split_units(text)
            .iter()
            .flat_map(|u| u.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
            .collect();
        assert_eq!(
            words,
            [
                "A", "b", "c", "1", "2", "3", "4", "5", "6", "x", "```", "end"
            ]
        );
    }
}
