//! The reading pane's document: an article laid out as lines for a width —
//! title, byline, the article's address, merged copies, then headings and
//! paragraphs word-wrapped, preformatted blocks (tables, lists) line for
//! line, never reflowed and clipped at the pane's edge, end matter and the
//! blocks only a merged copy holds, and the numbered links the text's
//! `[n]` markers refer to, with each run of text
//! tagged by the entity it mentions and whether it matched the applied text
//! query. Pure layout, so the app can scroll to a mention or a match and the
//! view can draw the same lines.

use unicode_width::UnicodeWidthStr;

use crate::corpus::{Article, BlockKind};
use crate::entities::index::text_part;
use crate::entities::{EntityId, IndexedMention, Location};
use crate::search::Query;

/// What a line is, which decides its style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    Title,
    Meta,
    Copies,
    Heading,
    Body,
    /// A line of a table or list, kept as written.
    Preformatted,
    EndMatter,
    Blank,
}

/// A run of text on one line, the entity it mentions, if any, and whether
/// it matched the text query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub entity: Option<EntityId>,
    pub matched: bool,
}

/// Where a text query matched an article: byte ranges of its title and of
/// its text, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Matched {
    pub title: Vec<(usize, usize)>,
    pub text: Vec<(usize, usize)>,
}

impl Matched {
    /// Finds the matches of `query` (none without one) in `article`.
    pub fn of(article: &Article, query: Option<&Query>) -> Matched {
        query.map_or_else(Matched::default, |q| Matched {
            title: q.matches(&article.title),
            text: q.matches(&article.text),
        })
    }
}

/// Splits an article's `mentions`, as the index holds them, into those in
/// its body and those in its copies' own blocks, each in text order.
fn body_and_copies(mentions: &[IndexedMention]) -> (&[IndexedMention], Vec<IndexedMention>) {
    let mut in_copies: Vec<IndexedMention> = mentions
        .iter()
        .filter(|m| m.location() == Location::Copies)
        .copied()
        .collect();
    in_copies.sort_by_key(IndexedMention::start);
    (text_part(mentions), in_copies)
}

/// Returns the lines that show a match of the text query.
pub fn matched_lines(lines: &[DocLine]) -> Vec<usize> {
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.runs.iter().any(|r| r.matched))
        .map(|(i, _)| i)
        .collect()
}

/// The marks that split a text into runs: entity mentions and query
/// matches, each sorted by position.
#[derive(Clone, Copy)]
struct Marks<'a> {
    mentions: &'a [IndexedMention],
    matches: &'a [(usize, usize)],
}

impl Marks<'_> {
    const NONE: Marks<'static> = Marks {
        mentions: &[],
        matches: &[],
    };

    /// Returns the entity and match state of byte `at`.
    fn at(&self, at: usize) -> (Option<EntityId>, bool) {
        (entity_at(self.mentions, at), matched_at(self.matches, at))
    }

    /// Returns the cut points of both kinds of marks within `at..end`.
    fn cuts(&self, at: usize, end: usize) -> Vec<usize> {
        let first = self.mentions.partition_point(|m| m.span().end <= at);
        let mentions = self.mentions[first..]
            .iter()
            .map(IndexedMention::span)
            .take_while(|m| m.start < end)
            .flat_map(|m| [m.start, m.end]);
        let first = self.matches.partition_point(|m| m.1 <= at);
        let matches = self.matches[first..]
            .iter()
            .take_while(|m| m.0 < end)
            .flat_map(|m| [m.0, m.1]);
        mentions.chain(matches).collect()
    }
}

/// One display line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocLine {
    pub kind: LineKind,
    pub runs: Vec<Run>,
}

impl DocLine {
    fn blank() -> Self {
        Self {
            kind: LineKind::Blank,
            runs: Vec::new(),
        }
    }

    /// Returns the line's text.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    /// A line of the reader's own (not of the article), such as a notice
    /// that the text is still being read.
    pub fn note(text: &str) -> Self {
        Self {
            kind: LineKind::Meta,
            runs: vec![Run {
                text: text.to_owned(),
                entity: None,
                matched: false,
            }],
        }
    }
}

/// Lays out `article` for `width` columns; `mentions` are its mentions as
/// the index holds them (those in the body first, in text order),
/// `matched` where the text query matched it; `labels` holds the words of
/// the fixed lines.
pub fn layout(
    article: &Article,
    mentions: &[IndexedMention],
    matched: &Matched,
    width: u16,
    labels: &Labels,
) -> Vec<DocLine> {
    let (mentions, in_copies) = body_and_copies(mentions);
    let width = usize::from(width.max(1));
    let mut out = Vec::new();
    let title = Marks {
        mentions: &[],
        matches: &matched.title,
    };
    let title_end = article.title.len();
    wrap_marked(
        &article.title,
        0,
        title_end,
        title,
        LineKind::Title,
        width,
        &mut out,
    );
    let marks = Marks {
        mentions,
        matches: &matched.text,
    };
    let mut meta = Vec::new();
    if let Some(a) = article.byline() {
        meta.push(format!("{} {a}", labels.by));
    }
    meta.extend(crate::tui::text::shown_date(article));
    meta.extend(article.source.iter().cloned());
    if !meta.is_empty() {
        wrap_plain(&meta.join(" · "), LineKind::Meta, width, &mut out);
    }
    if let Some(url) = &article.url {
        wrap_plain(url, LineKind::Meta, width, &mut out);
    }
    if article.sources.len() > 1 {
        let copies: Vec<String> = article
            .sources
            .iter()
            .skip(1)
            .map(|s| format!("{} ({:.0}%)", s.path, s.containment * 100.0))
            .collect();
        let line = format!(
            "{} {}: {}",
            labels.merged,
            article.sources.len(),
            copies.join(", ")
        );
        wrap_plain(&line, LineKind::Copies, width, &mut out);
    }
    for block in &article.blocks {
        out.push(DocLine::blank());
        let kind = match block.kind {
            BlockKind::Heading => LineKind::Heading,
            BlockKind::Paragraph => LineKind::Body,
            BlockKind::Preformatted => {
                clip_marked(
                    &article.text,
                    block.range().start,
                    block.range().end,
                    marks,
                    width,
                    &mut out,
                );
                continue;
            }
        };
        wrap_marked(
            &article.text,
            block.range().start,
            block.range().end,
            marks,
            kind,
            width,
            &mut out,
        );
    }
    if !article.end_matter.is_empty() {
        out.push(DocLine::blank());
        for line in &article.end_matter {
            wrap_plain(line, LineKind::EndMatter, width, &mut out);
        }
    }
    let copies_text = article.copies_text();
    let copy_marks = Marks {
        mentions: &in_copies,
        matches: &[],
    };
    // Where the next block starts in `copies_text`.
    let mut at = 0;
    for source in article.copies_with_own_blocks() {
        out.push(DocLine::blank());
        let heading = format!("{} {}", labels.only_in, source.path);
        wrap_plain(&heading, LineKind::Heading, width, &mut out);
        for block in &source.only_here {
            out.push(DocLine::blank());
            let end = at + block.len();
            wrap_marked(
                &copies_text,
                at,
                end,
                copy_marks,
                LineKind::Body,
                width,
                &mut out,
            );
            at = end + 2;
        }
    }
    if !article.links.is_empty() {
        out.push(DocLine::blank());
        wrap_plain(labels.links, LineKind::Heading, width, &mut out);
        for (i, link) in article.links.iter().enumerate() {
            wrap_plain(
                &format!("[{}] {link}", i + 1),
                LineKind::EndMatter,
                width,
                &mut out,
            );
        }
    }
    out
}

/// Words for the document's fixed lines.
pub struct Labels {
    pub by: &'static str,
    pub merged: &'static str,
    /// The heading over the blocks only a merged copy holds, before its path.
    pub only_in: &'static str,
    /// The heading over the numbered links.
    pub links: &'static str,
}

/// Returns the first line that shows a mention of `entity`.
pub fn first_line_of(lines: &[DocLine], entity: EntityId) -> Option<usize> {
    lines
        .iter()
        .position(|l| l.runs.iter().any(|r| r.entity == Some(entity)))
}

fn wrap_plain(text: &str, kind: LineKind, width: usize, out: &mut Vec<DocLine>) {
    wrap_marked(text, 0, text.len(), Marks::NONE, kind, width, out);
}

/// Word-wraps `text[start..end]`, splitting runs where mentions and
/// matches begin and end. Words wider than the line are broken between
/// characters.
fn wrap_marked(
    text: &str,
    start: usize,
    end: usize,
    marks: Marks,
    kind: LineKind,
    width: usize,
    out: &mut Vec<DocLine>,
) {
    let Some(body) = text.get(start..end.min(text.len())) else {
        return;
    };
    let mut line = Line::new(kind);
    for (offset, word) in words(body) {
        let at = start + offset;
        let word_width = word.width();
        if line.width > 0 && line.width + 1 + word_width > width {
            out.push(line.finish());
            line = Line::new(kind);
        }
        if line.width > 0 {
            // The space inside a multi-word mention or match belongs to it.
            let inside = if at > start {
                marks.at(at - 1)
            } else {
                (None, false)
            };
            line.push(" ", inside);
        }
        for (piece_at, piece) in split_by_marks(word, at, marks) {
            push_wrapped(piece, marks.at(piece_at), width, &mut line, out);
        }
    }
    if line.width > 0 {
        out.push(line.finish());
    }
}

/// Lays out `text[start..end]` line for line, as written: each line is
/// cut at `width` columns, its last shown column then holding `…` so the
/// reader sees that it goes on.
fn clip_marked(
    text: &str,
    start: usize,
    end: usize,
    marks: Marks,
    width: usize,
    out: &mut Vec<DocLine>,
) {
    let Some(body) = text.get(start..end.min(text.len())) else {
        return;
    };
    let mut offset = start;
    for raw in body.split('\n') {
        let mut line = Line::new(LineKind::Preformatted);
        let full = raw.width() > width;
        let room = if full { width - 1 } else { width };
        for (piece_at, piece) in split_by_marks(raw, offset, marks) {
            let mut used = line.width;
            let cut = piece
                .char_indices()
                .find(|&(_, c)| {
                    used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                    used > room
                })
                .map_or(piece.len(), |(i, _)| i);
            if cut > 0 {
                line.push(&piece[..cut], marks.at(piece_at));
            }
            if cut < piece.len() {
                break;
            }
        }
        if full {
            line.push("…", (None, false));
        }
        out.push(line.finish());
        offset += raw.len() + 1;
    }
}

struct Line {
    kind: LineKind,
    width: usize,
    runs: Vec<Run>,
}

impl Line {
    fn new(kind: LineKind) -> Self {
        Self {
            kind,
            width: 0,
            runs: Vec::new(),
        }
    }

    fn push(&mut self, text: &str, (entity, matched): (Option<EntityId>, bool)) {
        self.width += text.width();
        match self.runs.last_mut() {
            Some(last) if last.entity == entity && last.matched == matched => {
                last.text.push_str(text);
            }
            _ => self.runs.push(Run {
                text: text.to_owned(),
                entity,
                matched,
            }),
        }
    }

    fn finish(self) -> DocLine {
        DocLine {
            kind: self.kind,
            runs: self.runs,
        }
    }
}

/// Appends `piece` to `line`, moving full lines to `out`; a piece wider
/// than the line is broken between characters.
fn push_wrapped(
    piece: &str,
    mark: (Option<EntityId>, bool),
    width: usize,
    line: &mut Line,
    out: &mut Vec<DocLine>,
) {
    let mut rest = piece;
    while line.width + rest.width() > width {
        let room = width.saturating_sub(line.width);
        let mut cut = 0;
        let mut used = 0;
        for (i, c) in rest.char_indices() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + w > room {
                break;
            }
            used += w;
            cut = i + c.len_utf8();
        }
        if cut == 0 && line.width == 0 {
            // Not even one char fits an empty line: emit it anyway.
            cut = rest.chars().next().map_or(rest.len(), char::len_utf8);
        }
        if cut > 0 {
            line.push(&rest[..cut], mark);
        }
        out.push(std::mem::replace(line, Line::new(line.kind)).finish());
        rest = &rest[cut..];
        if rest.is_empty() {
            return;
        }
    }
    line.push(rest, mark);
}

/// Splits on whitespace, keeping each word's byte offset in `text`.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let base = text.as_ptr() as usize;
    text.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - base, w))
}

/// Splits a word at `at` into pieces that are wholly inside or outside
/// each mention and match.
fn split_by_marks<'a>(word: &'a str, at: usize, marks: Marks) -> Vec<(usize, &'a str)> {
    let end = at + word.len();
    let mut cuts: Vec<usize> = marks
        .cuts(at, end)
        .into_iter()
        .filter(|&b| b > at && b < end && word.is_char_boundary(b - at))
        .map(|b| b - at)
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut pieces = Vec::new();
    let mut from = 0;
    for cut in cuts.into_iter().chain(std::iter::once(word.len())) {
        if cut > from {
            pieces.push((at + from, &word[from..cut]));
        }
        from = cut;
    }
    pieces
}

/// Returns whether a match covers byte `at`.
fn matched_at(matches: &[(usize, usize)], at: usize) -> bool {
    let i = matches.partition_point(|m| m.1 <= at);
    matches.get(i).is_some_and(|m| m.0 <= at && at < m.1)
}

/// Returns the entity whose mention covers byte `at`.
fn entity_at(mentions: &[IndexedMention], at: usize) -> Option<EntityId> {
    let i = mentions.partition_point(|m| m.span().end <= at);
    mentions
        .get(i)
        .filter(|m| m.span().contains(&at))
        .map(IndexedMention::entity)
}
